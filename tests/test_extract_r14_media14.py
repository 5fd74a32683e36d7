"""Round 14 (media14): the closing of a people's media worded by the medium and by other verbs
(loaders/extract/territory_acts.py), and the detention a call to release asserts (loaders/extract/release_calls.py)."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _closures(ex: Extraction) -> list[str]:
    return [k for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Closure of")]


def _roles(ex: Extraction, ev: str) -> set[tuple[str, str]]:
    return {(c.subject, str(c.qualifiers.get("role"))) for c in ex.claims if c.object == ev and c.predicate == "PARTICIPANT_IN"}


def test_media_named_by_their_medium_discontinued() -> None:
    text, ex = extract("Crimean Tatar radio stations and press publications have been discontinued.")
    assert len(_closures(ex)) == 1
    check_quotes(text, ex.claims)


def test_their_publications_closed_down_target_the_people_media() -> None:
    text, ex = extract("The persecutions have forced the local Crimean Tatar television to leave, their publications "
                       "have been closed down and libraries are searched.")
    (ev,) = _closures(ex)
    assert ("org:crimean-tatar-media-generic", "target") in _roles(ex, ev)
    check_quotes(text, ex.claims)


def test_banned_publications_are_no_closure_of_media() -> None:
    _, ex = extract("In the region, Jehovah's Witnesses publications have been banned.")
    assert _closures(ex) == []


def test_stifled_media_after_a_list_of_acts_has_the_agency() -> None:
    text, ex = extract("The Russian authorities have already forcibly exiled or jailed Crimean Tatar leaders, banned their "
                       "representative body, the Mejlis, and stifled the Crimean Tatar-language media.")
    (ev,) = _closures(ex)
    assert any(role == "perpetrator" and "authorities" in who for who, role in _roles(ex, ev))
    check_quotes(text, ex.claims)


def _detention(ex: Extraction, who: str) -> list[str]:
    return [c.object for c in ex.claims if c.subject == who and c.predicate == "PARTICIPANT_IN"
            and ex.entities[c.object].attributes.get("kind") == "detention" and c.qualifiers.get("role") == "target"]


def test_release_of_a_role_noun_then_a_comma_and_the_name() -> None:
    text, ex = extract("Amnesty International is calling for the immediate release of Ukrainian journalist, Taras Hordiienko.")
    assert _detention(ex, "person:taras-hordiienko")
    check_quotes(text, ex.claims)


def test_calling_for_his_release_names_the_one_named_before() -> None:
    text, ex = extract("Taras Hordiienko is a prisoner of conscience and we are calling for his immediate and "
                       "unconditional release.")
    assert _detention(ex, "person:taras-hordiienko")
    check_quotes(text, ex.claims)


def test_one_who_calls_for_his_release_is_not_held() -> None:
    _, ex = extract("Taras Hordiienko has called for his release.")
    assert not _detention(ex, "person:taras-hordiienko")


def test_detention_only_a_call_asserts_is_no_step_of_the_case() -> None:
    _, ex = extract("Taras Hordiienko was sentenced to 12 years in prison by a court in Simferopol. "
                    "Amnesty International is calling for the immediate release of Taras Hordiienko.")
    (ev,) = set(_detention(ex, "person:taras-hordiienko"))
    assert not [c for c in ex.claims if c.subject == ev and c.predicate == "PART_OF"]
