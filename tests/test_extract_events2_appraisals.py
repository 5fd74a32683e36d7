"""A person's appraisal of an act with a verb of judging and a quotation is their statement, and the act
is not theirs (issue 20, loaders/extract/appraisals.py). Made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def facts(body: str) -> tuple[set[tuple[str, str]], set[str]]:
    """(subject, object) of the STATES claims, and the event keys of the draft."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return ({(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"},
            {k for k, e in ex.entities.items() if e.label == "Event"})


def test_a_person_with_an_apposition_called_a_detention_something() -> None:
    states, events = facts("Police detained Ruslan Bekirov in Simferopol on 3 May. Olena Marchuk, a monitor with a "
                           "local rights group, called Bekirov’s detention “a blatant act of intimidation”.")
    assert ("person:olena-marchuk", "event:olena-marchuk-statement") in states
    assert "event:olena-marchuk-detention" not in events
    assert "event:ruslan-bekirov-detention" in events


def test_who_however_condemned_with_a_quotation() -> None:
    states, _ = facts("The release was welcomed by the envoy Olena Marchuk, who however condemned the conviction and "
                      "the ban on “public activities”.")
    assert ("person:olena-marchuk", "event:olena-marchuk-statement") in states


def test_a_call_for_something_is_no_appraisal() -> None:
    text, ex = extract("Olena Marchuk, a monitor, called for the release of “all political prisoners”.")
    check_quotes(text, ex.claims)
    assert not any(c.rule == "statement:appraisal" for c in ex.claims)


def test_a_statement_made_by_a_named_official_after_an_apposition() -> None:
    states, _ = facts("The President of the Assembly, Olena Marchuk, made the following statement today: the ban must be lifted.")
    assert ("person:olena-marchuk", "event:olena-marchuk-statement") in states
