"""Round 14, align14b: the people of Crimea as one collective, and the groups of a victim list each its own
collective (README conv14b points 1 and 2), on made-up sentences."""

from __future__ import annotations

from loaders.extract.collective_phrases import collective_phrases
from tests.extract_helpers import extract

PEOPLE = "org:crimean-people-generic"


def _keys(body: str) -> set[str]:
    return {k for k in extract(body)[1].entities}


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], e.key) for a, b, e in collective_phrases(text, bytearray(len(text)))]


def test_the_population_as_a_whole_is_one_collective_not_a_part_of_it() -> None:
    for body in ("The occupiers set out to intimidate the population of Crimea after the vote.",
                 "The Kremlin has subjected Crimeans to years of repression.",
                 "The authorities keep issuing passports to all inhabitants of Crimea.",
                 "The conscription of the Crimean people into the army is a concern.",
                 "Crimean residents have seen their pensions fall."):
        assert PEOPLE in _keys(body), body
    # a part of the population is not the people
    for body in ("At least 5,000 Crimean residents were conscripted into the army.",
                 "A growing number of Crimeans are held by the authorities.",
                 "Two men are residents of Crimea who opposed the annexation at the time.",
                 "It is the longest trial against residents of Crimea so far.",
                 "The authorities must protect Crimeans held in detention centres in Russia.",
                 "The Mejlis represents the indigenous people of Crimea in talks.",
                 "The state must respect the multi-ethnic nature of the Crimean population."):
        assert PEOPLE not in _keys(body), body


def test_each_group_of_a_victim_list_is_its_own_collective_unless_one_qualifier_leads_it() -> None:
    text = ("A short article\n\nCrimean Tatars, ethnic Ukrainians, pro-Ukrainian activists, and local bloggers "
            "have been subjected to politically motivated prosecution.\n")
    keys = {k for _w, k in _found(text)}
    assert {"crimean-tatar-community-generic", "ukrainians-in-crimea-generic"} <= keys
    text = "A short article\n\nThe persecution of Crimean Tatars, ethnic Ukrainians and bloggers went on all year.\n"
    keys = {k for _w, k in _found(text)}
    assert {"crimean-tatar-community-generic", "ukrainians-in-crimea-generic"} <= keys
    # a list under one qualifier stays whole
    text = ("A short article\n\nThe ministers asked Russia to free all illegally detained soldiers, ethnic Ukrainians, "
            "Crimean Tatars and journalists.\n")
    keys = {k for _w, k in _found(text)}
    assert "crimean-tatar-community-generic" not in keys and "ukrainians-in-crimea-generic" not in keys
