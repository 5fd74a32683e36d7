"""Round 10, gov7: the statement side of government and parliamentary statements (dev7): the maker a statement's
head names and the meeting it is delivered at, an official's presentation to that meeting, a press release's
"the President said", a body's possessive report or letter. Made-up documents."""

from __future__ import annotations

from loaders.extract.claims import Extraction, extract_claims
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people, split_sentences
from tests.extract_helpers import check_quotes

Claims = set[tuple[str, str, str, str]]


def _doc(text: str) -> tuple[Extraction, Claims]:
    """A whole document (its head included) through mentions and the claim rules."""
    gaz = load_gazetteer()
    entries = find_entries(text, gaz)
    people, _ = find_people(text, entries, gaz)
    ex = extract_claims(text, split_sentences(text), entries, people, gaz)
    check_quotes(text, ex.claims)
    return ex, {(c.subject, c.predicate, c.object, c.qualifiers.get("role", "")) for c in ex.claims}


def _kind(ex: Extraction, key: str) -> str | None:
    e = ex.entities.get(key)
    return e.attributes.get("kind") if e is not None else None


def _statement_of(ex: Extraction, claims: Claims, who: str) -> str:
    return next(o for s, p, o, _r in claims if s == who and p == "STATES" and _kind(ex, o) == "statement")


def test_delegation_states_its_state_statement_part_of_the_session() -> None:
    ex, claims = _doc("Statement of the Delegation of Ukraine in the interactive dialogue under agenda item 4 of the "
                      "45th session of the UN Human Rights Council\n\nMr. President,\n\nUkraine remains concerned about "
                      "the arrests of Crimean Tatars in the occupied Crimea.\n")
    ev = _statement_of(ex, claims, "org:ukrainian-delegation-to-the-un")
    meeting = next(o for s, p, o, _r in claims if s == ev and p == "PART_OF")
    assert _kind(ex, meeting) == "meeting"
    # round 12, decision 5e: the delegation is a body of its own, which states it too and speaks at the meeting
    assert ("org:ukrainian-delegation-to-the-un", "PARTICIPANT_IN", meeting, "speaker") in claims


def test_representative_without_a_name_is_the_state() -> None:
    ex, claims = _doc("Statement of the Permanent Representative of Ukraine during the interactive dialogue on Ukraine "
                      "at the 40th session of the UN Human Rights Council\n\nMr. President,\n\nThe occupation of "
                      "Crimea continues.\n")
    ev = _statement_of(ex, claims, "org:ukraine")
    assert any(s == ev and p == "PART_OF" for s, p, _o, _r in claims)


def test_named_representative_states_it() -> None:
    ex, claims = _doc("Intervention by Permanent Representative of Ukraine Ambassador Petro Sydorenko at the Agenda "
                      "item 3 of the 33rd session of the UN Human Rights Council\n\nMr. President,\n\nThe rights of "
                      "Crimean Tatars are violated.\n")
    ev = _statement_of(ex, claims, "person:petro-sydorenko")
    meeting = next(o for s, p, o, _r in claims if s == ev and p == "PART_OF")
    assert ("person:petro-sydorenko", "PARTICIPANT_IN", meeting, "speaker") in claims
    # the state states what its representative delivers for it (round-12 convention decision 5d)
    assert ("org:ukraine", "STATES", ev, "") in claims


def test_meeting_made_of_the_head_with_its_organiser() -> None:
    ex, claims = _doc("Statement of the delegation of Ukraine in the intersessional interactive dialogue of the UN Human "
                      "Rights Council on Ukraine\n\nMr. President,\n\nI thank the Deputy High Commissioner for her "
                      "presentation and update.\n\nRussia keeps persecuting Crimean Tatars.\n")
    ev = _statement_of(ex, claims, "org:ukraine")
    meeting = next(o for s, p, o, _r in claims if s == ev and p == "PART_OF")
    assert ("org:un-human-rights-council", "PARTICIPANT_IN", meeting, "organiser") in claims
    # the official's presentation to the same meeting
    deputy = "org:un-deputy-high-commissioner-for-human-rights"
    shown = _statement_of(ex, claims, deputy)
    assert (shown, "PART_OF", meeting, "") in claims


def test_no_meeting_no_presentation() -> None:
    _ex, claims = _doc("A short article\n\nThe United Kingdom thanks the Deputy High Commissioner for her update.\n")
    assert not any(s == "org:un-deputy-high-commissioner-for-human-rights" for s, _p, _o, _r in claims)


def test_the_president_said() -> None:
    ex, claims = _doc("Crimean Tatars have our full support\n\nMonday, March 5, Vilnius – President Ona Petraitytė met "
                      "with Crimean Tatar leaders.\n\n“We firmly support the Crimean Tatars,” the President said.\n")
    _statement_of(ex, claims, "person:ona-petraityte")


def test_two_presidents_are_not_guessed() -> None:
    _ex, claims = _doc("Crimean Tatars have our full support\n\nPresident Ona Petraitytė met with President Ivan "
                       "Sydorenko.\n\n“We firmly support the Crimean Tatars,” the President said.\n")
    assert not any(p == "STATES" and s in ("person:ona-petraityte", "person:ivan-sydorenko") for s, p, _o, _r in claims)


def test_possessive_report_after_a_preposition() -> None:
    ex, claims = _doc("A short article\n\nThe Seimas, having regard to the International Criminal Court's Report on "
                      "Preliminary Examination Activities of 4 December 2020, condemns the occupation.\n")
    assert any(s == "org:international-criminal-court" and p == "STATES" and _kind(ex, o) == "publication" for s, p, o, _r in claims)


def test_release_maker_hosts_the_meeting() -> None:
    ex, claims = _doc("Lithuania supports Crimean Tatars\n\nTuesday, April 12, Vilnius – President Ona Petraitytė met with "
                      "Crimean Tatar leaders Ivan Sydorenko and Petro Kovalenko. Anna Berg, Chair of the Tatar Union, also "
                      "took part in the meeting.\n\n“We firmly support the Crimean Tatars,” the President said.\n")
    meeting = next(o for s, p, o, r in claims if s == "person:ona-petraityte" and p == "PARTICIPANT_IN" and r == "organiser")
    assert _kind(ex, meeting) == "meeting"
    for who in ("person:ivan-sydorenko", "person:petro-kovalenko", "person:anna-berg"):
        assert (who, "PARTICIPANT_IN", meeting, "participant") in claims
    said = _statement_of(ex, claims, "person:ona-petraityte")
    assert (said, "PART_OF", meeting, "") in claims


def test_speaker_received_representatives() -> None:
    ex, claims = _doc("The Speaker received a delegation\n\nOn 12 April 2016, Ona Petraitytė, Speaker of the Seimas, "
                      "received representatives of the World Congress of Crimean Tatars. “We stand with you,” Ms "
                      "Petraitytė said.\n")
    meeting = next(o for s, p, o, r in claims if s == "person:ona-petraityte" and p == "PARTICIPANT_IN" and r == "organiser")
    assert ("org:world-congress-of-crimean-tatars", "PARTICIPANT_IN", meeting, "participant") in claims
    assert (_statement_of(ex, claims, "person:ona-petraityte"), "PART_OF", meeting, "") in claims


def test_unknown_named_representative_gives_no_state_speaker() -> None:
    _ex, claims = _doc("Intervention by Permanent Representative of Ukraine Ambassador Y.Petrenko at the Agenda item 3 of "
                       "the 30th session of the UN Human Rights Council\n\nIntervention by the Representative of Ukraine\n"
                       "September 22, 2015\n\nMr. President,\n\nThe rights of Crimean Tatars are violated.\n")
    # the state still states what its representative delivers (round-12 convention decision 5d), not a speaker
    assert not any(s == "org:ukraine" and p == "PARTICIPANT_IN" for s, p, _o, _r in claims)


def test_dateline_places_the_hosted_meeting() -> None:
    _ex, claims = _doc("Lithuania supports Crimean Tatars\n\nTuesday, April 12, Vilnius – President Ona Petraitytė met with "
                       "Crimean Tatar leaders Ivan Sydorenko and Petro Kovalenko.\n\n“We firmly support the Crimean "
                       "Tatars,” the President said.\n")
    meeting = next(o for s, p, o, r in claims if s == "person:ona-petraityte" and p == "PARTICIPANT_IN" and r == "organiser")
    assert (meeting, "LOCATED_IN", "place:vilnius", "") in claims
