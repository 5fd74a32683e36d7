"""The deportation of the Crimean Tatars as one event of history (loaders/extract/state_acts.py deportations and
canonical_deportation): the people as its target, its one corpus-wide key, with made-up sentences."""

from __future__ import annotations

from loaders.extract.state_acts import DEPORTATION_OF_CRIMEAN_TATARS
from tests.extract_helpers import check_quotes, extract

PEOPLE = "org:crimean-tatar-community-generic"


def _roles(body: str) -> set[tuple[str, str]]:
    """(subject, role) of the PARTICIPANT_IN claims on the deportation's one key."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, str(c.qualifiers.get("role"))) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.object == DEPORTATION_OF_CRIMEAN_TATARS}


def test_the_deportation_of_the_people_is_one_keyed_event_with_the_people_as_target() -> None:
    text, ex = extract("The museum opened an exhibition on the forced deportation of the Crimean Tatars last week.")
    assert DEPORTATION_OF_CRIMEAN_TATARS in ex.entities
    assert ex.entities[DEPORTATION_OF_CRIMEAN_TATARS].name == "Deportation of the Crimean Tatars"
    assert (PEOPLE, "target") in _roles("The museum opened an exhibition on the forced deportation of the Crimean "
                                        "Tatars last week.")


def test_the_state_that_deported_the_people_is_the_perpetrator_and_the_people_the_target() -> None:
    roles = _roles("Local groups marked the Soviet Union's campaign to forcibly deport the Crimean Tatars from "
                   "Crimea on Sunday.")
    assert (PEOPLE, "target") in roles
    assert any(r == "perpetrator" for _, r in roles)


def test_detainees_deported_to_another_country_are_not_the_people_deported() -> None:
    text, ex = extract("The deportation of the detainees to a remote prison was condemned by the ministry.")
    assert DEPORTATION_OF_CRIMEAN_TATARS not in ex.entities
    assert not any(c.subject == PEOPLE for c in ex.claims)


def test_a_commemoration_states_the_act_a_rally_in_its_memory_only_recalls_it() -> None:
    assert (PEOPLE, "target") in _roles("The ministry issued a statement on the anniversary of the deportation of "
                                        "the Crimean Tatars on Monday.")
    text, ex = extract("The teacher organised a march in memory of the deportation of the Crimean Tatars in the town.")
    assert DEPORTATION_OF_CRIMEAN_TATARS in ex.entities
    assert (PEOPLE, "target") not in _roles("The teacher organised a march in memory of the deportation of the "
                                            "Crimean Tatars in the town.")
