"""A request to a court to ban an organisation as one ``other`` event (issue 20, loaders/extract/ban_requests.py):
the organisation its target, the court its judge (round 14: the gold's role), the one who asks its prosecutor
(README conv14a point 4, which reverses the earlier ``organiser``).
Made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def requests(body: str) -> dict[str, set[tuple[str, str]]]:
    """Each request event's (subject, role) participants."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {k: {(c.subject, str(c.qualifiers.get("role"))) for c in ex.claims if c.object == k}
            for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Request to ban")}


def test_asked_a_court_to_ban_an_organisation() -> None:
    evs = requests("Last week the prosecutor asked the Supreme Court of Crimea to suspend the Mejlis of the Crimean Tatar People as an extremist group.")
    who = evs["event:request-to-ban-mejlis-of-the-crimean-tatar-people"]
    assert ("org:mejlis-of-the-crimean-tatar-people", "target") in who
    assert ("org:supreme-court-of-crimea", "judge") in who


def test_the_filing_of_a_request_to_ban_an_organisation() -> None:
    evs = requests("The filing of a request to ban the activities of the Mejlis of the Crimean Tatar People is a worrying development.")
    assert evs == {"event:request-to-ban-mejlis-of-the-crimean-tatar-people": {("org:mejlis-of-the-crimean-tatar-people",
                                                                                  "target")}}


def test_a_ruling_in_favour_of_a_request_by_someone() -> None:
    evs = requests("In April the Supreme Court of Crimea ruled in favour of a request by the Prosecutor of Crimea, "
                   "Olena Vasylenko, to outlaw the group.")
    assert evs["event:request-to-ban"] == {("person:olena-vasylenko", "prosecutor"), ("org:supreme-court-of-crimea", "judge")}


def test_a_court_asked_to_do_something_else_is_no_ban_request() -> None:
    assert requests("The lawyer asked the Supreme Court of Crimea to release the Mejlis leader on bail.") == {}
