"""Round 14, states14: a state named in an article is an actor (`org:<state>`) or a place (`place:<country>`) by what
the sentence does with it, on made-up sentences in the shape of each wording (docs/extraction.md, "Round 14: states14")."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries


def _refs(body: str) -> set[str]:
    text = f"A short article\n\n{body}\n"
    return {m.ref for m in find_entries(text, load_gazetteer())
            if m.ref in ("org:ukraine", "place:ukraine", "org:russian-federation", "place:russia")}


def test_a_country_after_a_preposition_is_not_the_subject_of_the_next_verb() -> None:
    # "aggression against Ukraine began": Ukraine is what the aggression is against, the land of the article
    refs = _refs("Russia’s aggression against Ukraine began in 2014. It tried to redraw Ukraine’s borders by force.")
    assert "place:ukraine" in refs and "org:ukraine" not in refs


def test_a_body_of_the_state_leaves_the_state_to_the_other_mentions() -> None:
    # "Russia's Federal Security Service", "the armed forces of Ukraine": the body acts; "in X" makes the country a place
    refs = _refs("Officers of Russia’s Federal Security Service detained him at his home in Russia.")
    assert "place:russia" in refs and "org:russian-federation" not in refs
    refs = _refs("The volunteers are not part of the armed forces of Ukraine. They live in Ukraine.")
    assert "place:ukraine" in refs and "org:ukraine" not in refs


def test_an_officer_of_the_state_still_names_the_state() -> None:
    assert "org:russian-federation" in _refs("On 30 September, Russia’s President signed the papers in Moscow.")


def test_a_country_in_brackets_after_a_place_is_the_land() -> None:
    # the state acts elsewhere in the article; the bracketed country after a city is still the place
    refs = _refs("Ukraine condemns the arrests in the city of Sevastopol (Ukraine).")
    assert {"org:ukraine", "place:ukraine"} <= refs


def test_the_representative_of_a_state_names_the_state_before_a_title() -> None:
    # "Permanent Representative of Ukraine Ambassador ...": the state, though the article names the country as a land
    refs = _refs("Intervention by the Permanent Representative of Ukraine Ambassador Ivan Petrenko\n\n"
                 "The situation in Ukraine remains grave.")
    assert {"org:ukraine", "place:ukraine"} <= refs


def test_a_sentence_opening_on_the_state_and_its_partners_names_the_state() -> None:
    assert "org:ukraine" in _refs("The prisoners must be released. Ukraine and its partners will continue the struggle.")


def test_a_possessive_before_a_place_or_a_land_word_is_the_land() -> None:
    # "Ukraine’s Crimea", "Ukraine’s capital, Kyiv": the country the place is in, though the state acts elsewhere
    refs = _refs("Ukraine condemns the raids. Russia occupied Ukraine’s Crimea in 2014.")
    assert {"org:ukraine", "place:ukraine"} <= refs
    assert "place:ukraine" in _refs("The newspaper was forced to relocate to Ukraine’s capital, Kyiv, in 2014.")
