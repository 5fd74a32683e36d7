"""Event triggers of loaders/extract/gazetteers/events.yaml that tell a thing from a person (issue 20).
Made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def kinds(body: str) -> set[tuple[str, str]]:
    """(person, event kind) of the PARTICIPANT_IN target claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, str(ex.entities[c.object].attributes.get("kind"))) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"}


def test_a_thing_that_was_seized_is_no_arrest() -> None:
    assert ("person:olena-marchuk", "arrest") not in kinds(
        "Olena Marchuk was fined in May. A laptop belonging to her that was seized during the search was confiscated.")


def test_a_person_seized_is_arrested() -> None:
    assert ("person:olena-marchuk", "arrest") in kinds("Olena Marchuk was seized by masked men near her home in May.")


def test_questioned_before_releasing_her_is_her_release() -> None:
    assert ("person:olena-marchuk", "release") in kinds(
        "On 3 May police detained Olena Marchuk and questioned her for six hours before releasing her.")


def test_releasing_a_report_is_nobodys_release() -> None:
    assert not any(k == "release" for _p, k in kinds("Olena Marchuk spoke in Kyiv on 3 May, releasing a report on prisons."))


def test_charges_filed_against_a_person_are_their_charge() -> None:
    assert ("person:olena-marchuk", "charge") in kinds(
        "On 3 May the FSB also filed criminal charges that day against Olena Marchuk over her articles.")


def test_facing_charges_under_a_law_is_no_charge_event() -> None:
    # README conv13a, point 4: "faces charges" is a standing accusation (the case's ACCUSED_OF), no act of charging
    assert ("person:olena-marchuk", "charge") not in kinds(
        "Olena Marchuk was detained in May. She faces charges under the law on extremism.")
