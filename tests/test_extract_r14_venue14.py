"""Statements, their venues and the keys of gatherings (round 14, venue14; README "Convention decisions": conv13a point
2, conv13d points 4, 12 and 15, conv12b 5d): made-up heads in the shapes of government statements."""

from __future__ import annotations

from loaders.extract.claims import Extraction, extract_claims
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people, split_sentences
from tests.extract_helpers import check_quotes


def _article(text: str) -> Extraction:
    """``text`` as a whole article (its first line the head), through mentions and the claim rules."""
    gaz = load_gazetteer()
    entries = find_entries(text, gaz)
    people, _ = find_people(text, entries, gaz)
    ex = extract_claims(text, split_sentences(text), entries, people, gaz)
    check_quotes(text, ex.claims)
    return ex


def _kind(ex: Extraction, key: str) -> str | None:
    return ex.entities[key].attributes.get("kind")


def _session(ex: Extraction, statement: str) -> str:
    [session] = [c.object for c in ex.claims if c.subject == statement and c.predicate == "PART_OF"]
    return session


def test_the_body_a_statement_is_delivered_to_has_no_role_on_it() -> None:
    ex = _article("Statement by Ambassador Jane Roe to the OSCE Permanent Council\n\nThank you, Madam Chair.\n\n"
                  "We call on the Russian Federation to release all illegally detained Ukrainian citizens.\n")
    roe = next(k for k, e in ex.entities.items() if e.label == "Person" and "Roe" in e.name)
    [ev] = {c.object for c in ex.claims if c.subject == roe and c.predicate == "STATES"}
    # (conv13d 4 and 12: no claim of the body on the statement, also where the line names no session: no number, no
    # date, as the round-13 rule reads it; the person who delivers it stays its speaker)
    assert not [c for c in ex.claims if c.object == ev and c.predicate == "PARTICIPANT_IN" and c.subject.startswith("org:")]
    assert any(c.subject == roe and c.object == ev and c.qualifiers.get("role") == "speaker" for c in ex.claims)


def test_a_statement_at_a_summit_is_part_of_the_bodys_summit_under_its_corpus_key() -> None:
    ex = _article("Statement by Minister Jane Roe at the Crimea Platform Summit, 23 August 2022\n\n"
                  "We call on Russia to release all political prisoners.\n")
    roe = next(k for k, e in ex.entities.items() if e.label == "Person" and "Roe" in e.name)
    [ev] = {c.object for c in ex.claims if c.subject == roe and c.predicate == "STATES"}
    session = _session(ex, ev)
    assert session == "event:crimea-platform-summit-2022-08-23" and _kind(ex, session) == "conference"
    assert ("org:crimea-platform", "organiser") in {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.object == session}


def test_the_maker_named_before_the_word_statement() -> None:
    ex = _article("Estonia statement at the Human Rights Council interactive dialogue on Ukraine\n\nMr. President,\n\n"
                  "Estonia condemns the persecution of Crimean Tatars.\n")
    [ev] = {c.object for c in ex.claims if c.subject == "org:estonia" and c.predicate == "STATES"}
    session = _session(ex, ev)
    roles = {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.object == session and c.predicate == "PARTICIPANT_IN"}
    assert roles == {("org:un-human-rights-council", "organiser"), ("org:estonia", "speaker")}


def test_a_response_named_in_the_head_is_the_makers_statement() -> None:
    ex = _article("Report by the OSCE High Commissioner on National Minorities: UK response, May 2023\n\n"
                  "Thank you, Chair. We are grateful for your report on the rights of Crimean Tatars.\n")
    assert any(c.subject == "org:united-kingdom" and c.predicate == "STATES" and _kind(ex, c.object) == "statement"
               for c in ex.claims)


def test_a_summit_a_person_took_part_in_takes_the_bodys_summit_key() -> None:
    ex = _article("A short article\n\nActivist Jane Roe was detained after her participation in the Inaugural Summit of the "
                  "International Crimea Platform on 23 August 2021.\n")
    assert "event:crimea-platform-summit-2021-08-23" in ex.entities


def test_a_head_that_names_the_meeting_before_the_statement() -> None:
    ex = _article("Item 10: Interactive dialogue on technical assistance to Ukraine - Statement by Estonia\n\nMr. President,\n\n"
                  "Estonia condemns the detention of Crimean Tatars.\n")
    [ev] = {c.object for c in ex.claims if c.subject == "org:estonia" and c.predicate == "STATES"}
    session = _session(ex, ev)
    assert ex.entities[session].name == "Interactive dialogue on technical assistance to Ukraine"
    assert ("org:estonia", "speaker") in {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.object == session}


def test_a_statement_delivered_by_a_state_and_a_possessive_maker() -> None:
    for head in ("Statement delivered by Sweden at the OSCE Permanent Council, 4 March 2021",
                 "Sweden's statement at the OSCE Permanent Council, 4 March 2021"):
        ex = _article(f"{head}\n\nMadam Chair,\n\nSweden condemns the detention of Crimean Tatars.\n")
        [ev] = {c.object for c in ex.claims if c.subject == "org:sweden" and c.predicate == "STATES"}
        assert _session(ex, ev) == "event:osce-permanent-council-2021-03-04"


def test_a_press_conference_is_no_venue() -> None:
    ex = _article("Remarks by Minister Jane Roe at a press conference in Kyiv\n\nWe condemn the detention of Crimean Tatars.\n")
    assert not [k for k, e in ex.entities.items() if e.label == "Event" and _kind(ex, k) in ("meeting", "conference")]
