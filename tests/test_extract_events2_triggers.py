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
