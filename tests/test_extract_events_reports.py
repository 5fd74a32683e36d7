"""A report's statement of its government's position (issue 20, loaders/extract/doc_acts.py): in a report of the
U.S. State Department's series, "The United States does not recognize ..." is the report's own wording: neither a
statement of the government's own nor its statement of the report, which the department alone states (README conv14a
point 2 (b), reversing the earlier reading). The sentences are made up for the tests."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

POSITION = "The United States does not recognize the attempted annexation of Crimea by the Russian Federation."


def states(body: str) -> set[tuple[str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}


def test_the_government_position_in_a_series_report_is_the_departments_report() -> None:
    report = "event:2031-report-on-international-religious-freedom"
    found = states(f"This is the 2031 Report on International Religious Freedom for Crimea. {POSITION}")
    assert found == {("org:us-department-of-state", report)}
    found = states("This is the 2031 Report on International Religious Freedom for Crimea. "
                   "The U.S. government recognizes Crimea is part of Ukraine.")
    assert found == {("org:us-department-of-state", report)}


def test_without_a_series_report_the_government_position_is_its_statement() -> None:
    assert states(POSITION) == {("org:united-states", "event:united-states-statement")}
