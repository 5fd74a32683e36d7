"""Round 9, precision: guards against drafted facts the text does not support (see docs/extraction.md,
"Round 9: precision")."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _places(body: str) -> set[str]:
    _text, ex = extract(body)
    return {k for k, e in ex.entities.items() if e.label == "Location"}


def test_town_heading_a_treaty_title_is_no_place() -> None:
    # "the Minsk Agreements", "the Helsinki Final Act": the document, not the town.
    assert "place:minsk" not in _places("The Parliament urged all sides to implement the Minsk Agreements in full.")
    assert "place:helsinki" not in _places("Russia must comply with the UN Charter, the Helsinki Final Act and other norms.")
    # The town named as a town stays.
    assert "place:minsk" in _places("The talks were held in Minsk on Tuesday.")


def test_sea_qualifying_a_land_is_no_place() -> None:
    # "the Black Sea peninsula of Crimea", "the Black Sea region": a description, not the sea.
    places = _places("Two years ago, Russia unlawfully annexed the Ukrainian Black Sea peninsula of Crimea.")
    assert "place:black-sea" not in places and "place:crimea" in places
    assert not any("black-sea" in k for k in _places("The move will affect the security situation in the Black Sea region."))
    # The sea itself stays.
    assert "place:black-sea" in _places("Russian ships attacked Ukrainian vessels in the Black Sea near the Kerch Strait.")


def test_generic_court_gets_no_seat() -> None:
    # "a de facto court in Crimea", "a military court in Russia": the place is the act's, not the body's seat.
    text, ex = extract("Mr Umerov was sentenced by a de facto court in Crimea this morning to two years in a penal colony.")
    check_quotes(text, ex.claims)
    assert not [c for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject.startswith("org:")]
    # A named court keeps its seat.
    text, ex = extract("On 16 September 2020, the Southern District Military Court in Rostov-on-Don sentenced seven men.")
    check_quotes(text, ex.claims)
    assert any(c.predicate == "LOCATED_IN" and c.subject.startswith("org:") and c.object == "place:rostov-on-don"
               for c in ex.claims)
