"""The nominal verdict (issue 20, loaders/extract/gazetteers/events.yaml): "the conviction by a court in occupied
Crimea of the journalist X", "X's conviction" are X's sentencing. The sentences are made up for the tests."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def verdict_targets(body: str) -> set[str]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    verdicts = {k for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "verdict"}
    return {c.subject for c in ex.claims if c.object in verdicts and c.qualifiers.get("role") == "target"}


def test_the_conviction_of_a_person_is_their_verdict() -> None:
    assert verdict_targets("The rapporteur expressed grave concern at the conviction by a court in occupied Crimea "
                           "of the Ukrainian journalist Olena Vasylenko on charges of separatism.") == {"person:olena-vasylenko"}
    assert verdict_targets("Observers condemned Olena Vasylenko’s conviction last week.") == {"person:olena-vasylenko"}


def test_a_conviction_that_is_a_belief_is_no_verdict() -> None:
    assert verdict_targets("Olena Vasylenko spoke with the conviction of someone who had seen it all.") == set()
