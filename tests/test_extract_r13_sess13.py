"""Round 13, sess13: a statement delivered at a session of a body the head names is ``PART_OF`` a meeting event of the
session, the body its organiser and the statement's maker (a person, else a delegation, else the body that states it)
its speaker (README "Convention decisions, round 13 (conv13d)", point 12). Made-up documents."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.test_extract_r10_gov7 import Claims, _doc


def _session(ex: Extraction, claims: Claims) -> str:
    """The meeting event a head statement is PART_OF."""
    kinds = {k: (e.attributes or {}).get("kind") for k, e in ex.entities.items() if e.label == "Event"}
    return next(o for s, p, o, _r in claims if p == "PART_OF" and kinds.get(s) == "statement" and kinds.get(o) == "meeting")


def test_statement_to_a_special_session_of_a_council_is_part_of_it() -> None:
    ex, claims = _doc("Statement by Ambassador Harold Q. Venn to the Special Permanent Council of the OSCE, Vienna, "
                      "14 March 2016\n\nThe detention of journalists in Crimea must end.\n")
    m = _session(ex, claims)
    assert m == "event:osce-permanent-council-2016-03-14"
    assert ("org:osce-permanent-council", "PARTICIPANT_IN", m, "organiser") in claims
    assert (m, "LOCATED_IN", "place:vienna", "") in claims
    assert any(p == "PARTICIPANT_IN" and o == m and r == "speaker" and s.startswith("person:") for s, p, o, r in claims)
    # the body has no role on the statement itself
    assert not any(s == "org:osce-permanent-council" and o != m and p == "PARTICIPANT_IN" for s, p, o, _r in claims)
    # a statement "to the Permanent Council" whose line names no session (no number, no date) is part of one too
    # (README conv14a point 3, reversing the earlier reading): undated, it keeps the body's meeting key
    ex, claims = _doc("Crimean Tatars under pressure: Statement to the Permanent Council\n\n"
                      "The United States condemns the arrests of Crimean Tatars.\n")
    m = _session(ex, claims)
    assert m == "event:meeting-of-osce-permanent-council"
    assert ("org:osce-permanent-council", "PARTICIPANT_IN", m, "organiser") in claims
    assert ("org:united-states", "PARTICIPANT_IN", m, "speaker") in claims


def test_a_numbered_session_line_under_a_title_makes_the_statement_part_of_it() -> None:
    ex, claims = _doc("EU Statement on the persecution of journalists in Crimea\n\n"
                      "OSCE Permanent Council No. 1402, Vienna, 11 June 2022.\n\n"
                      "The European Union condemns the arrests of journalists in Crimea.\n")
    m = _session(ex, claims)
    assert ("org:osce-permanent-council", "PARTICIPANT_IN", m, "organiser") in claims
    assert ("org:european-union", "PARTICIPANT_IN", m, "speaker") in claims


def test_a_delegation_delivering_to_a_numbered_meeting_speaks_at_it() -> None:
    ex, claims = _doc("Statement on the detentions in Crimea\n\nAs for delivery by the Delegation of Georgia to the "
                      "1210th Meeting of the Permanent Council, 9 May 2019\n\nMr. Chairman,\n\n"
                      "The detentions of Crimean Tatars continue.\n")
    d = "org:georgian-delegation-to-the-osce"
    assert ex.entities[d].label == "Organisation"
    m = _session(ex, claims)
    assert (d, "PARTICIPANT_IN", m, "speaker") in claims
    assert not any(s == "org:osce-permanent-council" and p == "PARTICIPANT_IN" and r == "participant" for s, p, _o, r in claims)
