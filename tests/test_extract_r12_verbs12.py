"""Round 12, verbs12: the event kinds of the convention in the standard forms of English (active and passive verbs,
an adverb between, nominalisations), written from the language and checked on made-up sentences; a hearing is a court
session in a named person's proceedings, not a parliament's or a commission's hearing
(loaders/extract/gazetteers/events.yaml, loaders/extract/acts.py, loaders/extract/events.py,
loaders/extract/claim_targets.py)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import check_quotes, extract

P = "person:rustem-kadyrov"
Q = "person:server-ametov"


def _events(body: str) -> dict[str, dict[str, set[str]]]:
    """Each drafted event's kind -> role -> participants."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    out: dict[str, dict[str, set[str]]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.object.startswith("event:"):
            kind = str(ex.entities[c.object].attributes.get("kind"))
            out.setdefault(kind, {}).setdefault(str(c.qualifiers.get("role")), set()).add(c.subject)
    return out


# --- hearings: a court's session, not a commission's or a parliament's


@pytest.mark.parametrize("body", [
    "Rustem Kadyrov's testimony to Human Rights Watch described the raid.",
    "Rustem Kadyrov spoke at a hearing for two hours.",
    "Rustem Kadyrov spoke at today's hearing of the Commission.",
    "At a hearing on human rights in Crimea on 5 May, Rustem Kadyrov described the raids.",
    "A hearing was held on the situation in Crimea with Rustem Kadyrov.",
])
def test_a_hearing_that_is_no_court_session_is_no_hearing(body: str) -> None:
    assert "hearing" not in _events(body), body


def test_a_session_named_by_the_measure_it_decides_is_a_hearing() -> None:
    body = "At a remand hearing, the court ordered Rustem Kadyrov held for two months."
    assert P in _events(body).get("hearing", {}).get("target", set()), body


@pytest.mark.parametrize("body", [
    "At the hearing on 5 May, Rustem Kadyrov said he was innocent.",
    "Rustem Kadyrov's hearing was postponed.",
    "Rustem Kadyrov testified at his trial that he had been tortured.",
])
def test_a_court_session_in_a_persons_case_stays_a_hearing(body: str) -> None:
    # (a guard: the narrower hearing rules keep these)
    assert P in _events(body).get("hearing", {}).get("target", set()), body


@pytest.mark.parametrize("body", [
    "A hearing on the appeal of Rustem Kadyrov was held on 5 May.",
    "The appeal court hearing in Rustem Kadyrov's case took place on 5 May.",
])
def test_a_hearing_of_an_appeal_is_the_appeal(body: str) -> None:
    found = _events(body)
    assert P in found.get("appeal", {}).get("target", set()), found
    assert "hearing" not in found, found


# --- searches


def test_a_house_search_conducted_by_an_agency_has_the_agency() -> None:
    found = _events("FSB officers conducted a house search at Rustem Kadyrov's home.")
    assert P in found["search"]["target"] and "org:fsb" in found["search"]["perpetrator"], found


def test_a_home_also_searched() -> None:
    assert P in _events("Rustem Kadyrov's home was also searched.").get("search", {}).get("target", set())


def test_officers_with_an_auxiliary_are_the_agencys() -> None:
    found = _events("Rustem Kadyrov said FSB officers had searched his home.")
    assert "org:fsb" in found.get("search", {}).get("perpetrator", set()), found


# --- charges


@pytest.mark.parametrize("body, agency", [
    ("Russian investigators have charged Crimean Tatar activist Rustem Kadyrov with terrorism.", None),
    ("Rustem Kadyrov was accused of espionage by the FSB.", "org:fsb"),
    ("The FSB accused Rustem Kadyrov of espionage.", "org:fsb"),
])
def test_charge_forms(body: str, agency: str | None) -> None:
    found = _events(body)
    assert P in found.get("charge", {}).get("target", set()), found
    if agency:
        assert agency in found["charge"].get("perpetrator", set()), found


def test_an_accusation_that_is_no_charge() -> None:
    # (a guard: a prosecutor's case at a trial, or a politician's words, are no new charge)
    assert "charge" not in _events("At the trial, the prosecution accused Rustem Kadyrov of terrorism.")
    # (README conv13a, point 4: a standing accusation, "is accused of", "faces a charge", is the case's ACCUSED_OF only)
    assert "charge" not in _events("Rustem Kadyrov is accused of sabotage.")
    assert "charge" not in _events("Rustem Kadyrov faces a charge of treason.")


# --- trials, detentions, ill-treatment, verdicts


@pytest.mark.parametrize("body, kind", [
    ("Rustem Kadyrov stood trial in Rostov-on-Don.", "trial"),
    ("Rustem Kadyrov was tried in Rostov-on-Don.", "trial"),
    ("The trial against Rustem Kadyrov began on 5 May.", "trial"),
    ("Rustem Kadyrov remains in jail.", "detention"),
    ("Rustem Kadyrov is held in a pre-trial detention centre.", "detention"),
    ("Rustem Kadyrov has been in custody since May.", "detention"),
    ("The prison administration denied Rustem Kadyrov medical care.", "ill_treatment"),
    ("Rustem Kadyrov and his co-defendants have been given lengthy prison sentences today.", "verdict"),
])
def test_act_forms(body: str, kind: str) -> None:
    assert P in _events(body).get(kind, {}).get("target", set()), body


def test_a_sentence_told_as_background_is_each_named_defendants_verdict() -> None:
    # (round 13, conv13b point 5, replaces the round-12 guard: a sentence given to named defendants, even told as
    # another story's background, is one verdict per defendant it names)
    got = _events("Rustem Kadyrov and Server Ametov were given lengthy jail sentences following unfair trials.")
    assert got["verdict"]["target"] == {"person:rustem-kadyrov", "person:server-ametov"}


# --- people named together


def test_their_nominal_act_is_theirs() -> None:
    found = _events("Rustem Kadyrov and Server Ametov are activists. The UK condemns their arbitrary detention.")
    assert {P, Q} <= found.get("detention", {}).get("target", set()), found
    found = _events("Rustem Kadyrov and Server Ametov are activists. We welcome their release.")
    assert {P, Q} <= found.get("release", {}).get("target", set()), found


def test_a_release_called_for_is_no_release() -> None:
    # (a guard: "his release" after a call is asked for, not done)
    assert "release" not in _events("Rustem Kadyrov is ill. The UK calls for his release.")


def test_all_four_were_arrested() -> None:
    found = _events("Rustem Kadyrov, Server Ametov, Lenur Islyamov and Ruslan Zeytullaev were leaders. All four were arrested in 2016.")
    assert {P, Q, "person:lenur-islyamov", "person:ruslan-zeytullaev"} <= found.get("arrest", {}).get("target", set()), found


def test_as_well_as_joins_a_list() -> None:
    found = _events("The authorities continue to hold Rustem Kadyrov as well as Server Ametov behind bars.")
    assert {P, Q} <= found.get("detention", {}).get("target", set()), found


# --- meetings


@pytest.mark.parametrize("body", [
    "President Dalia Kovalenko held talks with Rustem Kadyrov in Vilnius.",
    "Dalia Kovalenko spoke with Rustem Kadyrov by telephone.",
    "A meeting between Dalia Kovalenko and Rustem Kadyrov took place in Vilnius.",
    "Rustem Kadyrov met with the Foreign Secretary, Dalia Kovalenko.",
])
def test_meeting_forms(body: str) -> None:
    found = _events(body).get("meeting", {})
    assert {P, "person:dalia-kovalenko"} <= found.get("participant", set()), found


def test_who_receives_organises_the_meeting() -> None:
    found = _events("Dalia Kovalenko received Rustem Kadyrov in Vilnius.").get("meeting", {})
    assert P in found.get("participant", set()) and "person:dalia-kovalenko" in found.get("organiser", set()), found


def test_met_two_people() -> None:
    found = _events("President Dalia Kovalenko met Crimean Tatar leaders Rustem Kadyrov and Server Ametov.").get("meeting", {})
    assert {P, Q} <= found.get("participant", set()), found


@pytest.mark.parametrize("body", [
    "Dalia Kovalenko received a letter from Rustem Kadyrov.",
    "Rustem Kadyrov received a 12-year sentence.",
])
def test_received_is_no_meeting_without_someone_received(body: str) -> None:
    # (a guard for the new verb "received")
    assert "meeting" not in _events(body), body


def test_a_bodys_meeting_named_before_the_noun() -> None:
    found = _events("Rustem Kadyrov spoke at the UN Security Council meeting on Ukraine.").get("meeting", {})
    assert "org:un-security-council" in found.get("organiser", set()), found
    assert P in found.get("speaker", set()), found


def test_a_court_session_is_no_bodys_meeting() -> None:
    # (a guard: a court's session is a hearing, never a meeting)
    assert "meeting" not in _events("The Supreme Court of Crimea session in the case of Rustem Kadyrov was adjourned.")
