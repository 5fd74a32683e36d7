"""Round 16, audit16b: entity classes found in new news and NGO articles (docs/extraction.md, "Round 16: audit16b"),
on made-up sentences in their shape."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _orgs(ex):  # type: ignore[no-untyped-def]
    return {k: e for k, e in ex.entities.items() if e.label == "Organisation"}


def test_counted_group_told_without_by_is_a_collective() -> None:
    # the agent before the verb, and the passive with no agent: one generic collective per group, its words as the name
    text, ex = extract("Russian security forces have detained eight Crimean Tatar activists in raids on their homes. "
                       "In March, at least 5 Crimean Tatars were detained in the town of Bakhchysarai.")
    orgs = _orgs(ex)
    assert orgs["org:eight-crimean-tatar-activists-generic"].name == "eight Crimean Tatar activists"
    assert orgs["org:eight-crimean-tatar-activists-generic"].generic
    assert orgs["org:5-crimean-tatars-generic"].name == "5 Crimean Tatars"
    check_quotes(text, ex.claims)


def test_counted_group_guards() -> None:
    # a statistic, a second count of the same group, a group whose names the text gives, a noun that goes on
    text, ex = extract("More than 70 people have been arrested since 2014. The four men were detained in May. The FSB "
                       "detained at least 20 people on Wednesday; a lawyer said 23 people had been detained. Police detained 4 men: Ivan Petrenko, "
                       "Oleh Koval, Petro Bondar and Taras Melnyk. Police detained two women leaders of the group.")
    keys = set(_orgs(ex))
    assert "org:20-people-generic" in keys
    assert not keys & {"org:70-people-generic", "org:23-people-generic", "org:4-men-generic", "org:two-women-generic",
                        "org:four-men-generic"}
    check_quotes(text, ex.claims)


def test_court_and_judge_by_place() -> None:
    text, ex = extract("A Russia-controlled court in the Crimean city of Simferopol ruled that they be placed in "
                       "detention. On 22 October, a judge in the city of Sevastopol jailed him for six years.")
    orgs = _orgs(ex)
    assert orgs["org:simferopol-court-generic"].name == "A Russia-controlled court in the Crimean city of Simferopol"
    assert orgs["org:sevastopol-court-generic"].name == "a judge in the city of Sevastopol"
    assert orgs["org:sevastopol-court-generic"].generic
    check_quotes(text, ex.claims)


def test_russian_authorities_in_annexed_crimea_are_the_occupation_authorities() -> None:
    text, ex = extract("Russian authorities in annexed Crimea raided the homes of Muslim Tatars on Wednesday. Later, "
                       "the Russian authorities said nothing.")
    keys = set(_orgs(ex))
    assert "org:russian-occupation-authorities" in keys
    assert "org:russian-authorities" not in keys
    check_quotes(text, ex.claims)


def test_twitter_is_a_platform() -> None:
    # (ents16: "wrote on Twitter" names where a statement was made, no entity, as dev8 and dev9 record it; the platform
    # named otherwise stays one)
    text, ex = extract("The embassy in Kyiv said that Twitter had blocked the account of the outlet.")
    assert "org:twitter" in _orgs(ex)
    check_quotes(text, ex.claims)


def test_wire_dateline_is_a_place_not_an_acronym() -> None:
    text, ex = extract("MOSCOW (Reuters) – A court in Russian-controlled Crimea sentenced a man to six years, it said.")
    assert "place:moscow" in ex.entities
    assert "MOSCOW" not in (ex.entities["org:reuters"].aliases or ())
    check_quotes(text, ex.claims)


def test_bodies_an_appeal_turns_to() -> None:
    text, ex = extract("We appeal to international organizations and governments of democratic countries and ask them to "
                       "act. The group appealed to foreign media and human rights organisations to help those detained. "
                       "The resolution called on states and international organizations not to recognize the change.")
    orgs = _orgs(ex)
    # one entity per body of the list, the corpus's key where it has one; no claim (README conv13d point 4)
    assert {k: orgs[k].name for k in orgs if k.endswith(("organisations-generic", "organizations-generic"))} == {
        "org:international-organisations-generic": "international organizations",
        "org:human-rights-organizations-generic": "human rights organisations"}
    assert orgs["org:governments-of-democratic-countries-generic"].generic and "org:foreign-media-generic" in orgs
    check_quotes(text, ex.claims)


def test_unsc_is_the_security_council() -> None:
    text, ex = extract("The group is not listed in the sanctions list of the UNSC established by its resolutions.")
    assert "org:un-security-council" in _orgs(ex) and "org:unsc" not in _orgs(ex)
    check_quotes(text, ex.claims)
