"""Round 14, align14c: the extractor aligned with the convention decisions conv14a points 2, 3 and 4 (README
"Convention decisions, round 14 (conv14a)"). Made-up documents and sentences."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract
from tests.test_extract_events_ban_requests import requests as _requests
from tests.test_extract_r10_gov7 import _doc
from tests.test_extract_r13_sess13 import _session


def _meetings(ex: Extraction) -> list[str]:
    return [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "meeting"]


# point 3: a statement headed "Statement to the PC" / "to the Permanent Council", or one welcoming someone back to the
# Council, is part of a meeting of the Council


def test_a_statement_to_the_pc_is_part_of_a_meeting_of_the_council() -> None:
    ex, claims = _doc("Pressure on journalists in Crimea grows: Statement to the PC\n\n"
                      "The United States remains concerned about the detention of journalists in Crimea.\n")
    m = _session(ex, claims)
    assert ("org:osce-permanent-council", "PARTICIPANT_IN", m, "organiser") in claims
    assert ("org:united-states", "PARTICIPANT_IN", m, "speaker") in claims


def test_a_welcome_back_to_the_council_dates_the_meeting_by_the_statements_head() -> None:
    ex, claims = _doc("Report by the OSCE Representative on Freedom of the Media: UK response, March 2031\n\n"
                      "Thank you, Chair. Welcome back to the Permanent Council, Representative Roe. The UK remains "
                      "concerned about the detention of journalists in Crimea.\n")
    m = _session(ex, claims)
    assert m == "event:osce-permanent-council-2031-03"
    assert ex.entities[m].attributes.get("date") == "2031-03"
    assert ("org:osce-permanent-council", "PARTICIPANT_IN", m, "organiser") in claims
    assert ("org:united-kingdom", "PARTICIPANT_IN", m, "speaker") in claims


def test_a_greeting_with_no_maker_named_still_names_the_councils_meeting() -> None:
    ex, claims = _doc("Response to the OSCE Representative on Freedom of the Media\n\n"
                      "Representative Roe, we warmly welcome you back to the Permanent Council and thank you for your "
                      "report. Journalists in Crimea are detained.\n")
    m = _meetings(ex)
    assert len(m) == 1
    assert ("org:osce-permanent-council", "PARTICIPANT_IN", m[0], "organiser") in claims


def test_a_body_welcomed_back_or_appealed_to_is_no_session() -> None:
    ex, _ = _doc("Statement on Ukraine's appeal to the Security Council\n\n"
                 "The United States supports Ukraine's appeal about the detention of journalists in Crimea.\n")
    assert not _meetings(ex)
    ex, _ = _doc("Russia returns to the Assembly\n\nDelegates welcomed Russia back to the Parliamentary Assembly "
                 "of the Council of Europe. The United States regrets the vote.\n")
    assert not _meetings(ex)


# point 4: the one who asks a court is prosecutor (or investigator), the court judge, the one asked against target


def test_the_one_who_asks_a_court_is_its_prosecutor_not_organiser() -> None:
    evs = _requests("In May the Supreme Court of Crimea ruled in favour of a request by the de facto Prosecutor of "
                    "Crimea, Petro Hrytsenko, to outlaw the group.")
    who = evs["event:request-to-ban"]
    assert ("person:petro-hrytsenko", "prosecutor") in who
    assert ("org:supreme-court-of-crimea", "judge") in who
    assert not any(r == "organiser" for _s, r in who)


def test_an_investigative_body_that_asks_a_court_is_its_investigator() -> None:
    evs = _requests("The Investigative Committee of Russia asked the Supreme Court of Crimea to ban the Mejlis of the "
                    "Crimean Tatar People.")
    who = evs["event:request-to-ban-mejlis-of-the-crimean-tatar-people"]
    assert ("org:investigative-committee-of-russia", "investigator") in who
    assert ("org:supreme-court-of-crimea", "judge") in who
    assert ("org:mejlis-of-the-crimean-tatar-people", "target") in who


# point 2: a department's series report is the department's; the state's policy sentence in it states nothing; a
# government the report cites states a statement of its own, asserted by the department


def test_the_states_policy_in_a_series_report_gives_the_state_no_statement() -> None:
    text, ex = extract("This is the 2032 Country Reports on Human Rights Practices for Crimea. The U.S. government does "
                       "not recognize the purported annexation of Crimea. The Russian government reported that there "
                       "were 40 detainees in Simferopol.")
    check_quotes(text, ex.claims)
    states = {(c.subject, c.object, c.asserted_by) for c in ex.claims if c.predicate == "STATES"}
    assert not any(s == "org:united-states" for s, _o, _a in states)
    report = next(o for s, o, _a in states if s == "org:us-department-of-state")
    assert ("org:russian-federation", "event:russian-federation-statement", "org:us-department-of-state") in states
    assert not any(s == "org:russian-federation" and o == report for s, o, _a in states)
