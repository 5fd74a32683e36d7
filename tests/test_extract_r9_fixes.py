"""Round 9, fixes: a state's name followed by "of" and a land is the state and a place, never one
organisation's name; the forms of a hunger strike a statement announces or declares. Made-up sentences."""

from __future__ import annotations

from loaders.extract.countries import country_reading
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries
from tests.extract_helpers import check_quotes, extract


def _mentions(body: str) -> dict[str, str]:
    """Mention text -> key of the organisations and places found in a short article with ``body``."""
    text = f"A short article\n\n{body}\n"
    return {m.text: m.ref for m in find_entries(text, load_gazetteer()) if m.label in ("Organisation", "Location")}


def test_state_of_a_land_is_the_state_and_the_place() -> None:
    found = _mentions("The Assembly condemns the temporary occupation by the Russian Federation of the Autonomous "
                      "Republic of Crimea and calls for its end.")
    assert found.get("Russian Federation") == "org:russian-federation"
    assert found.get("Autonomous Republic of Crimea") == "place:crimea"
    assert not any(" of " in name for name, key in found.items() if key.startswith("org:"))


def test_a_body_of_a_state_keeps_its_name() -> None:
    found = _mentions("Ivan Petrenko wrote to the Federal Security Service of the Russian Federation on Monday.")
    assert "Federal Security Service of the Russian Federation" in found


def _hunger_strikers(body: str) -> set[str]:
    text, ex = extract(body)
    claims = [c for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object in ex.entities
              and ex.entities[c.object].name.startswith("Hunger strike of")]
    check_quotes(text, claims)
    assert all(c.qualifiers.get("role") == "participant" for c in claims)
    return {c.subject for c in claims}


def test_an_announced_hunger_strike() -> None:
    assert _hunger_strikers("Ivan Petrenko has announced a hunger strike in protest against his detention.") \
        == {"person:ivan-petrenko"}


def test_a_declared_indefinite_hunger_strike() -> None:
    assert _hunger_strikers("Ivan Petrenko declared an indefinite hunger strike on Monday.") == {"person:ivan-petrenko"}


def _reading(sentence: str, country: str = "Russia") -> tuple[bool, bool]:
    start = sentence.index(country)
    return country_reading(sentence, start, start + len(country))


def test_what_a_state_owns_or_does_names_the_state() -> None:
    assert _reading("It was contrary to the interests of Russia.") == (True, True)
    assert _reading("The key accusations of the Russian Federation against them are absurd.", "Russian Federation") == (True, True)
    assert _reading("We discussed the suspension of Russia from the Council of Europe.") == (True, True)
    assert _reading("The only sanction with some impact on the state of Russia was that one.") == (True, True)
    assert _reading("We call on partners to demand from Russia to immediately release Mr. Petrenko.") == (True, True)
    assert _reading("For example, Russia has been able to get round the arms embargo.") == (True, True)
    assert _reading("He was conscripted into the Russian Federation armed forces.", "Russian Federation")[0] is True


def test_a_land_stays_a_place() -> None:
    assert _reading("He was held in Russia for two years.") == (False, True)
    assert _reading("In 2019, Russia was a member of the Council of Europe.") == (False, True)
