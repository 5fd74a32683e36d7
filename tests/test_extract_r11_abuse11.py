"""Round 11, abuse11: the detention of the Ukrainians Russia holds told of the group, the people whose rights acts
violate "through" them (loaders/extract/abuse11_detained_groups.py), with made-up sentences in the shape of the
development splits' wordings."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

EVENT = "event:ukrainians-unjust-imprisonment-russia"
PRISONERS = "org:ukrainian-political-prisoners-in-russia-generic"
PEOPLE = "org:crimean-tatar-community-generic"


def _claims(body: str, key: str) -> set[tuple[str, str, str, str]]:
    """The (subject, predicate, object, role) claims on ``key`` drafted from ``body``."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.predicate, c.object, str(c.qualifiers.get("role", ""))) for c in ex.claims if key in (c.subject, c.object)}


def test_a_group_said_to_remain_in_detention_with_its_places() -> None:
    # "At least 118 Ukrainian political prisoners remain in detention in Crimea and Russia" (dev, valid2)
    found = _claims("The ministry said that at least 93 Ukrainian political prisoners remain in detention in Crimea and Russia.",
                    EVENT)
    assert (PRISONERS, "PARTICIPANT_IN", EVENT, "target") in found
    assert (EVENT, "LOCATED_IN", "place:crimea", "") in found
    assert (EVENT, "LOCATED_IN", "place:russia", "") in found
    assert not any(role == "perpetrator" for *_, role in found)


def test_a_call_to_release_the_illegally_detained() -> None:
    # "calls on Russia to release all illegally detained Ukrainians" (dev, valid, dev2, dev4: the EU): the group is
    # held, and only called on Russia, so no perpetrator from these words
    found = _claims("The Union also expects all illegally detained Ukrainian citizens in the Crimean peninsula and in Russia "
                    "to be freed without delay.", EVENT)
    assert (PRISONERS, "PARTICIPANT_IN", EVENT, "target") in found
    assert (EVENT, "LOCATED_IN", "place:crimea", "") in found
    assert (EVENT, "LOCATED_IN", "place:russia", "") in found


def test_russia_the_holder() -> None:
    # "Russia is holding 186 political prisoners" (dev), "held by the Russian Federation" (dev3, dev6)
    found = _claims("The monitors say that Russia is holding 140 political prisoners, many of them ill.", EVENT)
    assert (PRISONERS, "PARTICIPANT_IN", EVENT, "target") in found
    assert ("org:russian-federation", "PARTICIPANT_IN", EVENT, "perpetrator") in found
    found = _claims("He asks that all Ukrainian political prisoners who are currently being held by the Russian Federation "
                    "be released.", EVENT)
    assert ("org:russian-federation", "PARTICIPANT_IN", EVENT, "perpetrator") in found


def test_prisoners_not_said_to_be_held_give_no_detention() -> None:
    # "the welfare of three Ukrainian political prisoners; A, B and C" (dev): named people, no standing detention
    assert _claims("The government is worried about the welfare of three Ukrainian political prisoners.", EVENT) == set()
    # "illegally detained Ukrainian civilians" taken to Crimea (valid): another group
    assert _claims("Crimea was used as a destination for illegally detained Ukrainian civilians.", EVENT) == set()


def test_the_people_whose_rights_a_ban_violates() -> None:
    # "The rights of the Crimean Tatars have been gravely violated through the shutting down of Crimean Tatar media
    # outlets, the banning of the activities of the Mejlis" (dev, valid: the EU)
    text, ex = extract("The rights of the Crimean Tatars have been seriously violated through the banning of the activities "
                       "of the Mejlis, their representative body.")
    check_quotes(text, ex.claims)
    bans = {c.object for c in ex.claims if c.subject == "org:mejlis" and c.qualifiers.get("role") == "target"}
    assert bans
    assert all(any(c.subject == PEOPLE and c.object == ev and c.qualifiers.get("role") == "target" for c in ex.claims)
               for ev in bans)


def test_the_people_included_in_the_held_group() -> None:
    # "release all other Ukrainians, including members of the Crimean Tatar community, who remain unjustly imprisoned",
    # "... all of the Ukrainians, including members of the Crimean Tatar community, it has imprisoned" (dev: the State
    # Department): the people is held with the group; "it has imprisoned" makes Russia the holder
    found = _claims("The statement calls on Russia to free all of the Ukrainians, including members of the Crimean Tatar "
                    "community, it has imprisoned for peaceful dissent.", EVENT)
    assert (PRISONERS, "PARTICIPANT_IN", EVENT, "target") in found
    assert (PEOPLE, "PARTICIPANT_IN", EVENT, "target") in found
    assert ("org:russian-federation", "PARTICIPANT_IN", EVENT, "perpetrator") in found
