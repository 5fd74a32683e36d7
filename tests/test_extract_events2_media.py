"""The closing of a land's media told with an active verb, an owner or a count (issue 20,
loaders/extract/territory_acts.py): one ``other`` event, the agency its perpetrator, the land its place.
Made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def closures(body: str) -> dict[str, set[tuple[str, str]]]:
    """Each closure event's claims, as (other end, role or predicate)."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {k: {(c.subject if c.object == k else c.object, str(c.qualifiers.get("role") or c.predicate))
                for c in ex.claims if k in (c.subject, c.object)}
            for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Closure of")}


def test_an_agency_shut_down_media_outlets() -> None:
    evs = closures("On 3 May, the FSB shut down all but one Crimean Tatar-language media outlet in Crimea.")
    (who,) = evs.values()
    assert ("org:fsb", "perpetrator") in who
    assert ("place:crimea", "LOCATED_IN") in who


def test_an_agency_forced_the_closure_after_other_acts() -> None:
    evs = closures("In Crimea the FSB has raided homes, silenced and forced the closure of nongovernmental organizations "
                   "and independent media.")
    (who,) = evs.values()
    assert ("org:fsb", "perpetrator") in who


def test_a_counted_shutdown_operating_in_a_place() -> None:
    evs = closures("Observers condemned the recent shutdown of 11 out of 12 Tatar-language media outlets operating in Crimea.")
    (who,) = evs.values()
    assert ("place:crimea", "LOCATED_IN") in who


def test_the_owner_of_the_shutdown_is_its_agency() -> None:
    evs = closures("Observers condemned the FSB’s shutdown of many major Crimean Tatar media outlets last spring.")
    (who,) = evs.values()
    assert ("org:fsb", "perpetrator") in who


def test_shutting_down_something_else_is_no_media_closure() -> None:
    assert closures("The FSB shut down the road to Simferopol for a day.") == {}
