"""A figure another government gave, as a series report cites it (issue 20, loaders/extract/doc_acts.py): the
government states a statement of its own, which the department that cites it asserts, never the department's report
(README conv14a point 2 (c), reversing round 14 pub14's reading). Made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

FIGURE = "The Russian government reported there were 512 religious groups registered in Crimea, up from 400."


def publications(body: str) -> tuple[set[tuple[str, str]], set[str]]:
    """(subject, object) of the STATES claims, and the publication events."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return ({(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"},
            {k for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "publication"})


def test_a_cited_figure_is_the_governments_own_statement_in_the_series_report() -> None:
    report = "event:2031-report-on-international-religious-freedom"
    states, pubs = publications(f"This is the 2031 Report on International Religious Freedom for Crimea. {FIGURE}")
    assert [s for s in states if s[0] == "org:russian-federation"] == [("org:russian-federation", "event:russian-federation-statement")]
    assert pubs == {report}
    text, ex = extract(f"This is the 2031 Report on International Religious Freedom for Crimea. {FIGURE}")
    said = next(c for c in ex.claims if c.subject == "org:russian-federation" and c.predicate == "STATES")
    assert said.asserted_by == "org:us-department-of-state"
    assert ex.entities["event:russian-federation-statement"].attributes.get("kind") == "statement"


def test_outside_a_series_report_the_figure_is_left_to_the_speech_rules() -> None:
    states, _ = publications(FIGURE)
    assert ("org:russian-federation", "event:2031-report-on-international-religious-freedom") not in states
