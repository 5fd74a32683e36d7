"""Round 11b, other11b: the 'other' events of the occupation and of history, with made-up sentences in the shape
of the classes (loaders/extract/state_acts.py deportations)."""

from __future__ import annotations

from loaders.extract.state_acts import DEPORTATION_OF_CRIMEAN_TATARS
from tests.extract_helpers import check_quotes, extract

PEOPLE = "org:crimean-tatar-community-generic"


def _claims(body: str) -> set[tuple[str, str, str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.predicate, c.object, str(c.qualifiers.get("role", ""))) for c in ex.claims}


def test_a_counted_people_deported_is_the_deportation_of_history_with_its_land() -> None:
    body = ("The senator spoke on the anniversary of the deportation of more than 180,000 Crimean Tatars from their "
            "homeland in Crimea.")
    text, ex = extract(body)
    assert DEPORTATION_OF_CRIMEAN_TATARS in ex.entities
    assert (DEPORTATION_OF_CRIMEAN_TATARS, "LOCATED_IN", "place:crimea", "") in _claims(body)


def test_the_1944_genocide_of_the_people_is_their_deportation_with_the_people_as_target() -> None:
    for body in ("The regime repeats today the horrible 1944 genocide of the Crimean Tatars, the minister said.",
                 "The minister recalled the genocide of the Crimean Tatar people in 1944 at the meeting."):
        assert (PEOPLE, "PARTICIPANT_IN", DEPORTATION_OF_CRIMEAN_TATARS, "target") in _claims(body), body


def test_a_genocide_without_its_year_or_of_another_people_is_not_the_deportation() -> None:
    for body in ("The regime hides its genocide politics against Crimean Tatars behind a fight against terrorism.",
                 "The parliament recognised the 1932 genocide of the Ukrainian people at its session."):
        text, ex = extract(body)
        assert DEPORTATION_OF_CRIMEAN_TATARS not in ex.entities, body


def test_a_count_of_another_peoples_members_is_no_deportation_of_a_people() -> None:
    text, ex = extract("Officials deported 2,000 Chechens from Chechnya in the winter, the report said.")
    assert not any(e.name.startswith("Deportation of") for e in ex.entities.values())
