"""Round 12, where12: where an event happened, from the grammar of English place phrases
(loaders/extract/event_places.py, loaders/extract/org_seats.py), on made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _places(body: str) -> set[tuple[str, str]]:
    """Each drafted ``LOCATED_IN`` (subject, object) of an event."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject.startswith("event:")}


def test_a_place_after_the_noun_of_another_act_is_that_acts() -> None:
    # "sanctions on Russia in response to its aggression in eastern Ukraine", "its annexations in southern Ukraine"
    found = _places("Washington said the sanctions against Russia over its aggression in eastern Ukraine and the "
                    "detention of Ismail Ramazanov would remain.")
    assert ("event:ismail-ramazanov-detention", "place:eastern-ukraine") not in found, found


def test_a_courts_name_places_no_act_of_it() -> None:
    # "the Supreme Court of Crimea sentenced him": the name gives the court's jurisdiction (its seat claim stays)
    text, ex = extract("Crimea is occupied. On 21 September 2022 the Supreme Court of Crimea sentenced Ismail Ramazanov "
                       "to 17 years in prison.")
    located = {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}
    assert ("org:supreme-court-of-crimea", "place:crimea") in located, located
    assert ("event:ismail-ramazanov-verdict", "place:crimea") not in located, located
    # a seat the article states with a locative still places the court's act
    found = _places("On 21 September 2022 the Zheleznodorozhny District Court sentenced Ismail Ramazanov to 17 years in "
                    "prison. The Zheleznodorozhny District Court, in Simferopol, is under Russian control.")
    assert ("event:ismail-ramazanov-verdict", "place:simferopol") in found, found


def test_on_the_occupied_territories_of() -> None:
    found = _places("FSB officers detained Ismail Ramazanov on the temporarily occupied territories of the Autonomous "
                    "Republic of Crimea.")
    assert ("event:ismail-ramazanov-detention", "place:crimea") in found, found


def test_across_and_throughout() -> None:
    opening = _places("Across Crimea, police searched the homes of Ismail Ramazanov and Server Mustafayev.")
    after = _places("Police searched the homes of Ismail Ramazanov and Server Mustafayev throughout Crimea.")
    for found in (opening, after):
        assert {("event:ismail-ramazanov-search", "place:crimea"), ("event:server-mustafayev-search", "place:crimea")} <= found, found
