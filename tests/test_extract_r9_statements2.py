"""The body a statement is delivered to (round 9, statements2: doc_source.statement_audience): the document's
attribution line "Statement by X to the <body>" or "As for delivery by X to the Nth Meeting of the <body>" makes
a person who delivers it its speaker; the body organises the session the statement is part of (README conv13d, point 12:
government_statements._meeting re-points the body's role); made-up text in that shape."""

from __future__ import annotations

from loaders.extract.claims import Extraction, extract_claims
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people, split_sentences
from tests.extract_helpers import check_quotes, extract


def _parts(ex: Extraction) -> set[tuple[str, str | None, str]]:
    return {(c.subject, c.qualifiers.get("role"), c.object) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.rule == "statement-audience"}


def _statement(ex: Extraction, who: str) -> str:
    [ev] = {c.object for c in ex.claims if c.subject == who and c.predicate == "STATES"}
    return ev


def test_a_statement_by_a_person_to_a_council() -> None:
    text, ex = extract("Statement by Ambassador Jane Roe to the Special Permanent Council of the OSCE, Vienna, 3 May 2016\n\n"
                       "We call on the Russian Federation to release all illegally detained Ukrainian citizens.")
    who = next(k for k, e in ex.entities.items() if e.label == "Person" and "Roe" in e.name)
    ev = _statement(ex, who)
    # (README conv13d, point 12: the body organises the session the statement is PART_OF, no role on the statement)
    [session] = [c.object for c in ex.claims if c.subject == ev and c.predicate == "PART_OF"]
    council = next(c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "organiser"
                   and c.object == session)
    assert "Permanent Council" in ex.entities[council].name
    assert _parts(ex) == {(who, "speaker", ev)}
    check_quotes(text, ex.claims)


def test_a_delegation_delivers_to_a_numbered_meeting_of_a_council() -> None:
    text, ex = extract("As for delivery by the Delegation of Ukraine to the 1200th Meeting of the Permanent Council, 4 May 2017\n\n"
                       "Mr. Chairman,\n\nWe call on the Russian Federation to release all illegally detained Ukrainian citizens.")
    # (README conv13d, point 12: the body organises the session the statement is PART_OF, no role on the statement)
    assert not _parts(ex)
    [(ev, session)] = [(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"
                       and ex.entities[c.subject].attributes.get("kind") == "statement"]
    [body] = [c.subject for c in ex.claims if c.object == session and c.qualifiers.get("role") == "organiser"]
    assert "Permanent Council" in ex.entities[body].name
    assert ex.entities[session].attributes.get("kind") == "meeting"
    check_quotes(text, ex.claims)


def _article(text: str) -> Extraction:
    """``text`` as a whole article (its first line the headline), through mentions and the claim rules."""
    gaz = load_gazetteer()
    entries = find_entries(text, gaz)
    people, _ = find_people(text, entries, gaz)
    return extract_claims(text, split_sentences(text), entries, people, gaz)


def _visit(ex: Extraction) -> str:
    # (README conv13a, point 2: a visit or mission is travel, kind ``other``)
    [ev] = [k for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "other"]
    return ev


def test_his_mission_to_three_cities_is_an_other_event_with_its_places() -> None:
    text, ex = extract("The situation must improve, stated today Jan Kowalski, Commissioner for Human Rights, releasing a "
                       "report on his mission to Kyiv, Moscow and Simferopol carried out in September.")
    ev = _visit(ex)
    who = next(k for k, e in ex.entities.items() if e.label == "Person" and "Kowalski" in e.name)
    got = {(c.subject, c.predicate, c.qualifiers.get("role"), c.object) for c in ex.claims if c.rule == "visit"}
    assert got == {(who, "PARTICIPANT_IN", "participant", ev), (ev, "LOCATED_IN", None, "place:kyiv"),
                   (ev, "LOCATED_IN", None, "place:moscow"), (ev, "LOCATED_IN", None, "place:simferopol")}
    check_quotes(text, ex.claims)
    _text, ex = extract("Jan Kowalski has been active with the meeting on minorities, and a trip to Kyiv.")
    assert not [c for c in ex.claims if c.rule == "visit"]  # no possessive: no one's visit


def test_a_parliamentary_record_is_a_debate_its_speakers_speak_in() -> None:
    text = ("Russian Annexation of Crimea\n\nJohn Roe Conservative, Henley 9:30 am, 24th April 2019\n\n"
            "I beg to move that this House has considered the Russian annexation of Crimea.\n")
    ex = _article(text)
    [debate] = [k for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "meeting"]
    [(who, speech)] = {(c.subject, c.object) for c in ex.claims if c.rule == "speaker-line"}
    got = {(c.subject, c.predicate, c.qualifiers.get("role"), c.object) for c in ex.claims if c.rule == "speaker-line:debate"}
    assert got == {(who, "PARTICIPANT_IN", "speaker", debate), (speech, "PART_OF", None, debate)}
    assert ex.entities[debate].name == "Debate: Russian Annexation of Crimea"
    check_quotes(text, ex.claims)


def test_the_spokespersons_own_statement_folds_into_the_eus_with_its_place() -> None:
    text = ("Ukraine/Russia: Statement by the Spokesperson on the detention of five leaders\n\nBrussels, 07/09/2021\n\n"
            "The European Union condemns the searches in the illegally annexed Crimea by Russia.\n")
    ex = _article(text)
    said = {c.object for c in ex.claims if c.predicate == "STATES"}
    assert len(said) == 1
    [ev] = said
    assert ("org:european-union", ev) in {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}
    assert (ev, "place:brussels") in {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}
    assert [k for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "statement"] == [ev]


def test_a_numbered_annual_session_of_a_body_is_its_conference() -> None:
    text, ex = extract("The resolution was adopted despite the provocation of a delegation at the 25th Annual Session of the "
                       "OSCE Parliamentary Assembly in Berlin.")
    got = {(c.subject, c.predicate, c.qualifiers.get("role"), c.object) for c in ex.claims if c.rule == "numbered-session"}
    [ev] = {c.object for c in ex.claims if c.rule == "numbered-session" and c.predicate == "PARTICIPANT_IN"}
    assert ex.entities[ev].attributes.get("kind") == "conference"
    body = next(s for s, p, _r, o in got if p == "PARTICIPANT_IN")
    assert "Parliamentary Assembly" in ex.entities[body].name
    assert got == {(body, "PARTICIPANT_IN", "organiser", ev), (ev, "LOCATED_IN", None, "place:berlin")}
    check_quotes(text, ex.claims)


def test_the_eu_speaks_in_its_spokespersons_statement() -> None:
    text = ("Statement by the Spokesperson on the illegal detention of Crimean Tatars by the Russian Federation\n\n"
            "The European Union does not recognise the enforcement of Russian legislation in Crimea and Sevastopol.\n")
    ex = _article(text)
    said = {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}
    [ev] = {o for _s, o in said}
    assert {s for s, _o in said} == {"org:european-union", "org:eeas-spokesperson"}
    check_quotes(text, ex.claims)
