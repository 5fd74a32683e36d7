"""Round 14, part14: PARTICIPANT_IN roles of a request to a court (README round 10 decision 4, conv13a point 3):
the prosecutor who asks for a term is the request's ``prosecutor``; the court asked to ban is the request's ``judge``."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _roles(ex: Extraction, kind: str) -> set[tuple[str, str, str]]:
    kinds = {k: str((e.attributes or {}).get("kind")) for k, e in ex.entities.items() if e.label == "Event"}
    return {(c.subject, str(c.qualifiers.get("role")), c.object) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and kinds.get(c.object) == kind}


def test_the_prosecutor_who_asks_for_a_term_is_the_requests_prosecutor() -> None:
    for body in ("Yesterday the Russian prosecutor has asked for 17 years for Ruslan Abdullayev and 9 years for "
                 "Timur Seitov.",
                 "We learned that the prosecutor has requested that Ruslan Abdullayev should be sentenced to 12 years in jail."):
        text, ex = extract(body)
        check_quotes(text, ex.claims)
        roles = _roles(ex, "hearing")
        hearings = {ev for _s, role, ev in roles if role == "target"}
        prosecutors = {(s, ev) for s, role, ev in roles if role == "prosecutor"}
        assert hearings and {ev for _s, ev in prosecutors} == hearings, (body, roles)
        assert all(s.startswith("org:") for s, _ev in prosecutors)


def test_a_prosecutor_only_named_in_another_sentence_takes_no_role() -> None:
    text, ex = extract("The prosecutor spoke to reporters. Ruslan Abdullayev attended a court hearing in Simferopol.")
    assert not any(role == "prosecutor" for _s, role, _ev in _roles(ex, "hearing"))


def test_the_court_asked_to_ban_an_organisation_is_the_requests_judge() -> None:
    text, ex = extract("Earlier the de facto prosecutor of Crimea asked the Supreme Court of Crimea to suspend the Mejlis "
                       "as an extremist organization.")
    check_quotes(text, ex.claims)
    roles = _roles(ex, "other")
    assert ("org:supreme-court-of-crimea", "judge") in {(s, r) for s, r, _ev in roles}, roles
    assert not any(s == "org:supreme-court-of-crimea" and r == "participant" for s, r, _ev in roles)
