"""Round 11, conf11: the victim-collective convention followed in more wordings
(loaders/extract/collective_targets.py), with made-up sentences in the shape of the development splits'."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

PEOPLE = "org:crimean-tatar-community-generic"


def _targets(body: str) -> dict[str, set[str]]:
    """Each drafted event's targets."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    out: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target":
            out.setdefault(c.object, set()).add(c.subject)
    return out


def test_a_group_listed_beside_a_target_group_is_a_target_too() -> None:
    # "a campaign of repression against Crimean Tatars, ethnic Ukrainians, and ..." (valid2),
    # "the rights of Tatars and Ukrainians who live there have been violated" (dev7)
    found = _targets("We remain concerned by the situation in occupied Crimea, where the occupation authorities suppress dissent "
                     "and where ethnic minorities — especially Crimean Tatars and ethnic Ukrainians — face serious and "
                     "ongoing repression.")
    assert any({PEOPLE, "org:ukrainians-in-crimea-generic"} <= t for t in found.values()), found


def test_subject_a_group_to_an_act() -> None:
    # "occupation authorities continued to subject Muslim Crimean Tatars to imprisonment and detention" (valid, dev4)
    found = _targets("In 2020, occupation authorities continued to subject Muslim Crimean Tatars to imprisonment "
                     "and detention in Crimea.")
    assert any(PEOPLE in t for t in found.values()), found


def test_a_counted_group_is_not_the_community() -> None:
    found = _targets("In 2020, occupation authorities continued to subject 12 Crimean Tatars to imprisonment "
                     "and detention in Crimea.")
    assert not any(PEOPLE in t for t in found.values()), found


def test_raids_on_the_groups_homes_are_done_to_it() -> None:
    # "intimidated Crimean Tatars by conducting raids on their homes" (dev), "have raided Tatar homes, mosques" (dev4)
    found = _targets("The occupation authorities have intimidated Crimean Tatars by conducting raids on their homes "
                     "and mosques in Crimea.")
    assert any(PEOPLE in t for t in found.values()), found
    found = _targets("The Crimean Tatars are a people of Crimea. Since 2014 the FSB has raided Tatar homes and mosques "
                     "in Crimea.")
    assert any(PEOPLE in t for t in found.values()), found
