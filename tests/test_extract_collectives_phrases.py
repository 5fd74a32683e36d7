"""Collective actors named by a descriptive phrase (loaders/extract/collective_phrases.py): unnamed
perpetrators and monitors who report, with made-up sentences."""

from __future__ import annotations

from loaders.extract.collective_phrases import reporting_monitors, unnamed_perpetrators
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries


def _orgs(body: str) -> dict[str, tuple[str, bool]]:
    """The organisations found in a one-paragraph article: name -> (key, generic)."""
    text = f"A short article\n\n{body}\n"
    return {m.entry.name: (m.entry.key, m.entry.generic) for m in find_entries(text, load_gazetteer())
            if m.label == "Organisation" and m.entry is not None}


def _free(text: str) -> bytearray:
    return bytearray(len(text) + 1)


def test_unnamed_forces_keep_their_determiner_and_look() -> None:
    orgs = _orgs("In May 2019 a group of unidentified forces raided the office of the newspaper in Yalta.")
    assert orgs["a group of unidentified forces"] == ("unidentified-forces-generic", True)


def test_assailants_and_attackers_by_their_look() -> None:
    orgs = _orgs("The teacher was seized by camouflaged assailants near his house. Unknown attackers beat a farmer.")
    assert orgs["camouflaged assailants"] == ("camouflaged-assailants-generic", True)
    assert orgs["Unknown attackers"] == ("unknown-attackers-generic", True)


def test_forces_with_several_looks_and_where_they_operate() -> None:
    orgs = _orgs("People voted while heavily armed foreign forces occupied the town. Reports of threats by the "
                 "de facto military forces operating in Crimea alarmed the group.")
    assert orgs["heavily armed foreign forces"] == ("heavily-armed-foreign-forces-generic", True)
    assert orgs["the de facto military forces operating in Crimea"][0] == \
        "de-facto-military-forces-operating-in-crimea-generic"


def test_a_states_army_and_bare_people_are_no_collective() -> None:
    text = "The armed forces held drills. Foreign people visited the museum. A case against unknown persons was opened."
    assert unnamed_perpetrators(text, _free(text)) == []


def test_unseen_people_are_a_collective() -> None:
    text = "Two unidentified people took the journalist away."
    found = unnamed_perpetrators(text, _free(text))
    assert [(text[a:b], e.key) for a, b, e in found] == [("Two unidentified people", "unidentified-people-generic")]


def test_a_taken_name_inside_the_phrase_stays_the_gazetteers() -> None:
    text = "Armed forces of the Russian Federation seized the airport."
    taken = _free(text)
    taken[0:len("Armed forces of the Russian Federation")] = b"\x01" * len("Armed forces of the Russian Federation")
    assert unnamed_perpetrators(text, taken) == []


def test_monitors_that_report_are_a_source() -> None:
    orgs = _orgs("The lawyer was sentenced to five years. Human rights groups have reported serious flaws in the trial. "
                 "In the region, international observers documented the raids.")
    assert orgs["Human rights groups"] == ("human-rights-groups-generic", True)
    assert orgs["international observers"] == ("international-observers-generic", True)


def test_monitors_that_only_appear_are_no_actor() -> None:
    text = ("The ministry denied access to international observers. It calls for human rights monitors to be deployed. "
            "Journalists, activists and human rights groups said the trial was unfair.")
    assert reporting_monitors(text, _free(text)) == []


def test_a_court_in_an_occupied_place() -> None:
    orgs = _orgs("The journalist was convicted by a court in occupied Crimea in September.")
    assert orgs["a court in occupied Crimea"] == ("crimea-court-generic", True)
