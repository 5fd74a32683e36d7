"""Round 12, align12b: the place claims follow the round-12 convention decisions 5a and 5b
(examples/articles/real/README.md): a place inside a place is ``PART_OF`` it, never ``LOCATED_IN``;
Crimea and Sevastopol are ``PART_OF`` Ukraine only where the words place them there."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _pairs(body: str, predicate: str) -> set[tuple[str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.object) for c in ex.claims if c.predicate == predicate}


def test_a_facility_in_a_town_is_part_of_it_not_located_in_it() -> None:
    body = "Lenur Sadykov is held in a temporary detention facility in Simferopol."
    assert ("place:simferopol-temporary-detention-facility", "place:simferopol") in _pairs(body, "PART_OF")
    assert not {s for s, _o in _pairs(body, "LOCATED_IN") if s.startswith("place:")}


def test_a_town_in_southern_crimea_is_part_of_crimea() -> None:
    body = "A believer prosecuted in Yalta, in southern Crimea, was fined."
    assert ("place:yalta", "place:crimea") in _pairs(body, "PART_OF")


def test_crimea_and_sevastopol_placed_in_ukraine_together() -> None:
    for body in ("The resolution on the Autonomous Republic of Crimea and the city of Sevastopol (Ukraine) was adopted.",
                 "The Temporarily Occupied Autonomous Republic of Crimea and the City of Sevastopol, Ukraine, are occupied.",
                 "Russia continues the occupation of Ukraine’s Autonomous Republic of Crimea and the city of Sevastopol.",
                 "Access to the whole territory of Ukraine, including Crimea and Sevastopol, is needed.",
                 "Russia occupies part of the territory of Ukraine – the Autonomous Republic of Crimea and the city of Sevastopol."):
        parts = _pairs(body, "PART_OF")
        assert {("place:crimea", "place:ukraine"), ("place:sevastopol", "place:ukraine")} <= parts, body


def test_crimea_and_sevastopol_not_placed_in_ukraine_by_default() -> None:
    body = "Russia annexed Crimea and Sevastopol in 2014, and Ukraine protested."
    assert not {(s, o) for s, o in _pairs(body, "PART_OF") if o == "place:ukraine"}
