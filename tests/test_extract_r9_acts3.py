"""Round 9 act forms of the third wave (`acts3`), on made-up sentences: a referendum a state staged or orchestrated
with no place right after the word, and the subject of a run of acts that ends in banning an organisation."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _claims(body: str) -> tuple[set[tuple[str, str, str, str]], dict[str, str]]:
    """(subject, predicate, object, role) of the claims, and each event's name."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    names = {k: e.name for k, e in ex.entities.items() if e.label == "Event"}
    return {(c.subject, c.predicate, c.object, str(c.qualifiers.get("role", ""))) for c in ex.claims}, names


def test_a_staged_referendum_in_which_the_residents_of_a_land_voted() -> None:
    claims, names = _claims("Two years later, Russia then staged a fake referendum in which residents of Crimea were "
                            "made to vote under armed guard.")
    ev = next(k for k, n in names.items() if n.startswith("Referendum"))
    assert ("org:russian-federation", "PARTICIPANT_IN", ev, "organiser") in claims
    assert (ev, "LOCATED_IN", "place:crimea", "") in claims


def test_a_referendum_orchestrated_at_the_end_of_a_run_of_acts() -> None:
    claims, names = _claims("Russia occupied the airports, blocked the roads, orchestrated a so-called referendum and "
                            "then declared the result binding.")
    ev = next(k for k, n in names.items() if n.startswith("Referendum"))
    assert ("org:russian-federation", "PARTICIPANT_IN", ev, "organiser") in claims


def test_a_referendum_only_spoken_of_is_held_by_nobody() -> None:
    _claims_, names = _claims("Russia criticised a referendum that the students organised at the university last year.")
    assert not any(n.startswith("Referendum") for n in names.values())


def test_who_banned_an_organisation_at_the_end_of_a_run_of_acts() -> None:
    claims, names = _claims("Russian authorities have already forcibly exiled or jailed the community's elders, banned "
                            "their representative body, Mejlis, and closed the schools.")
    ev = next(k for k, n in names.items() if n.startswith("Ban on"))
    assert ("org:russian-authorities", "PARTICIPANT_IN", ev, "perpetrator") in claims
