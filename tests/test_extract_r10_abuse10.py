"""Round 10, abuse10: the persecution of a people that a sentence reports (loaders/extract/group_abuses.py),
with made-up sentences in the shape of the development splits' wordings."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

PEOPLE = "org:crimean-tatar-community-generic"


def _persecutions(body: str) -> dict[str, set[tuple[str, str, str]]]:
    """Each drafted persecution event: its (subject, predicate, role) claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    out: dict[str, set[tuple[str, str, str]]] = {}
    for key, e in ex.entities.items():
        if e.label == "Event" and e.name.startswith("Persecution of"):
            out[key] = {(c.subject if c.object == key else c.object, c.predicate, str(c.qualifiers.get("role", "")))
                        for c in ex.claims if key in (c.subject, c.object)}
    return out


def test_the_people_is_the_target_of_its_persecution() -> None:
    # "systemic and targeted persecution of the Crimean Tatars", "the persecution of persons belonging to
    # minorities, in particular the Crimean Tatars" (dev3, dev4): the people is the target
    found = _persecutions("The council called the decision a systemic and targeted persecution of the Crimean Tatars.")
    assert list(found.values()) == [{(PEOPLE, "PARTICIPANT_IN", "target")}]
    found = _persecutions("The council noted the persecution of persons belonging to minorities, in particular the "
                          "Crimean Tatars, in the Crimean peninsula.")
    assert [(PEOPLE, "PARTICIPANT_IN", "target") in v for v in found.values()] == [True]


def test_the_people_named_by_a_longer_mention_and_after_the_land() -> None:
    # "repression of the indigenous Crimean Tatar community" (dev3), "a campaign to silence the Crimean Tatar
    # population" (valid2): the group's words end on "Tatar", the people's mention runs on
    found = _persecutions("Observers reported the harassment and repression of the indigenous Crimean Tatar community.")
    assert [(PEOPLE, "PARTICIPANT_IN", "target") in v for v in found.values()] == [True]
    # "discrimination against the residents of temporarily occupied Crimea, including Crimean Tatars" (dev5)
    found = _persecutions("The text condemns discrimination against the residents of temporarily occupied Crimea, "
                          "including Crimean Tatars, as well as other groups.")
    assert [(PEOPLE, "PARTICIPANT_IN", "target") in v for v in found.values()] == [True]


def test_continues_to_target_and_a_semicolon_list() -> None:
    # "Moscow continues to target Crimean Tatars" (valid2): the state the perpetrator, the people the target
    found = _persecutions("Moscow continues to target Crimean Tatars, raiding their homes.")
    assert list(found.values()) == [{(PEOPLE, "PARTICIPANT_IN", "target"), ("org:russian-federation", "PARTICIPANT_IN",
                                                                             "perpetrator")}]
    # a list of abuses split by semicolons, its first item naming nobody (dev3)
    found = _persecutions("Canada is troubled by the ongoing harassment of lawyers; arbitrary detentions; and the "
                          "persecution of Crimean Tatars and other minorities.")
    assert list(found.values()) == [{(PEOPLE, "PARTICIPANT_IN", "target")}]


def test_not_a_target_where_the_persecution_is_only_characterised() -> None:
    # what another act is part of / emblematic of (dev, valid2, dev2), what persecution "is not", the means
    # told after "by" (dev), the people enumerated after an unnamed group with nobody named as persecutor (dev6)
    # (a campaign an act is "part of" keeps its people as target since README conv15a point 5: test_extract_r15_alignE15)
    for body in ("The trial was emblematic of the persecution of members of the Crimean Tatar community.",
                 "The persecution of Crimean Tatars is not new.",
                 "Their persecution of political activists, dissenting voices, and ethnic Crimean Tatars went on."):
        assert _persecutions(body) == {}, body
    found = _persecutions("Russian occupation authorities have intimidated Crimean Tatars by conducting raids on mosques.")
    assert all((PEOPLE, "PARTICIPANT_IN", "target") not in v for v in found.values())


def _bans(body: str) -> list[set[tuple[str, str, str]]]:
    """Each drafted ban on leaders returning: its (other end, predicate, role) claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return [{(c.subject if c.object == key else c.object, c.predicate, str(c.qualifiers.get("role", "")))
             for c in ex.claims if key in (c.subject, c.object)}
            for key, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Ban on") and "returning" in e.name]


def test_a_peoples_leaders_barred_from_their_land() -> None:
    # "the ban on their leaders re-entering the peninsula" (dev3): the people the target, the land the place
    assert _bans("The rights of the Crimean Tatars have been violated through the ban on their leaders re-entering "
                 "the peninsula.") == [{(PEOPLE, "PARTICIPANT_IN", "target"), ("place:crimea", "LOCATED_IN", "")}]
    # "two Crimean Tatar leaders who have been barred from returning" (dev6): the leaders the target
    found = _bans("Critics have left, including two Crimean Tatar leaders who have been barred from returning.")
    assert found == [{("org:crimean-tatar-leaders-generic", "PARTICIPANT_IN", "target")}]
    # "Russian authorities have already forcibly exiled or jailed Crimean Tatar leaders" (dev6): the agency the perpetrator
    found = _bans("Russian authorities have already forcibly exiled or jailed Crimean Tatar leaders, and banned the media.")
    assert found == [{("org:crimean-tatar-leaders-generic", "PARTICIPANT_IN", "target"),
                      ("org:russian-authorities", "PARTICIPANT_IN", "perpetrator")}]


def test_leaders_neither_barred_nor_exiled() -> None:
    assert _bans("Crimean Tatar leaders who have been living in Kyiv met the minister.") == []
    assert _bans("Russian authorities have jailed Crimean Tatar leaders.") == []


def _orders(body: str) -> dict[str, set[tuple[str, str, str]]]:
    """Each drafted court order (interim measures, injunction): its (other end, predicate, role) claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {e.name: {(c.subject if c.object == key else c.object, c.predicate, str(c.qualifiers.get("role", "")))
                     for c in ex.claims if key in (c.subject, c.object)}
            for key, e in ex.entities.items() if e.label == "Event" and e.name.startswith(("Interim measures", "Injunction"))}


def test_a_courts_interim_measures_and_injunction() -> None:
    # "the European Court of Human Rights has granted interim measures in favour of X" (dev6): the court the judge,
    # X a participant; "as required by a recent injunction from the European Court of Human Rights" (dev4)
    found = _orders("The European Court of Human Rights has granted interim measures in favour of Edem Bekirov, "
                    "following a request under Rule 39.")
    assert list(found.values()) == [{("org:echr", "PARTICIPANT_IN", "judge"), ("person:edem-bekirov", "PARTICIPANT_IN",
                                                                                "participant")}]
    found = _orders("Doctors must see him in prison, as required by a recent injunction from the European Court of "
                    "Human Rights.")
    assert list(found.values()) == [{("org:echr", "PARTICIPANT_IN", "judge")}]
    # "the order of the International Court of Justice regarding provisional measures", "the International Court
    # of Justice Order on the Provisional Measures" (dev5)
    for body in ("Russia ignores the order of the International Court of Justice regarding provisional measures in the case.",
                 "Russia ignores the International Court of Justice Order on the Provisional Measures within the claim."):
        found = _orders(body)
        assert [("org:international-court-of-justice", "PARTICIPANT_IN", "judge") in v for v in found.values()] == [True], body


def test_a_courts_other_orders_are_no_interim_measures() -> None:
    assert _orders("The order of the European Court of Human Rights was published on Monday.") == {}
    assert _orders("The European Court of Human Rights rejected the complaint.") == {}
