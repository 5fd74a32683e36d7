"""A country named as a state that acts or as a place, and Russia's annexation of Crimea's one key
(loaders/extract/countries.py, loaders/extract/annexations.py), on made-up sentences."""

from __future__ import annotations

from loaders.extract.annexations import ANNEXATION_OF_CRIMEA, canonical_annexation
from loaders.extract.claims import ClaimDraft, Extraction
from loaders.extract.countries import bare_country, charged_integrity, country_reading
from tests.extract_helpers import check_quotes, extract


def _at(text: str, name: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return start, start + len(name)


def _reading(text: str, name: str, nth: int = 0) -> tuple[bool, bool]:
    return country_reading(text, *_at(text, name, nth))


def test_a_charge_of_violating_a_states_integrity_settles_nothing() -> None:
    text = "The blogger was fined for “public calls for actions aimed at violating the territorial integrity of the Russian Federation”."
    assert charged_integrity(text, *_at(text, "Russian Federation"))
    assert _reading(text, "Russian Federation") == (False, False)
    text = "A new law made it a criminal offence to question Russia’s territorial integrity."
    assert charged_integrity(text, *_at(text, "Russia"))
    assert _reading(text, "Russia") == (False, False)


def test_support_for_a_countrys_sovereignty_is_still_the_land() -> None:
    text = "The ministers reaffirmed their support for the territorial integrity of Ukraine and for Ukraine’s sovereignty."
    assert not charged_integrity(text, *_at(text, "Ukraine"))
    assert not charged_integrity(text, *_at(text, "Ukraine", 1))
    assert _reading(text, "Ukraine", 1) == (False, True)


def test_a_currency_is_neither_a_land_nor_a_state() -> None:
    text = "The pensioner was fined 20,000 rubles (300 US dollars) and later 5,000 rubles (US$75)."
    for nth in (0, 1):
        a, b = _at(text, "US", nth)
        assert country_reading(text, a, b) == (False, False)
        assert not bare_country(text, a, b)


def test_a_headline_topic_is_no_role() -> None:
    text = "Russia: Free the detained journalists\n\nThe journalists remain in custody."
    a, b = _at(text, "Russia")
    assert country_reading(text, a, b) == (False, False)
    assert not bare_country(text, a, b)
    # A country opening a sentence, acting, is still the state.
    assert _reading("Russia must release them at once.", "Russia") == (True, True)


def test_a_quoted_verb_after_the_country_makes_it_the_subject() -> None:
    text = "A spokesperson said the U.S. “condemns the closure of the newspaper”."
    assert _reading(text, "U.S.") == (True, True)


def test_leaving_a_country_names_the_land() -> None:
    text = "After his release the reporter was forbidden to leave Russia for two years."
    assert _reading(text, "Russia") == (False, True)


def test_the_article_drafts_no_place_for_a_charges_state_it_otherwise_names_as_actor() -> None:
    text, ex = extract("The editor was convicted of “calls to violate the territorial integrity of the Russian Federation”. "
                       "Russia must release the editor at once.")
    check_quotes(text, ex.claims)
    assert "place:russia" not in ex.entities
    assert "org:russian-federation" in ex.entities


def test_the_annexation_of_crimea_gets_one_key() -> None:
    text, ex = extract("The activist opposed the illegal annexation of Crimea by Russia in 2014.")
    check_quotes(text, ex.claims)
    assert ANNEXATION_OF_CRIMEA in ex.entities
    assert "event:annexation-of-crimea" not in ex.entities
    assert all("event:annexation-of-crimea" not in (c.subject, c.object) for c in ex.claims)


def test_another_states_annexation_keeps_its_own_key() -> None:
    ex = Extraction()
    ex.entity("event:annexation-of-crimea", "Event", "Annexation of Crimea", kind="other")
    ex.entity("org:ruritania-government", "Organisation", "Ruritania", kind="government")
    ex.claims.append(ClaimDraft("org:ruritania-government", "PARTICIPANT_IN", "event:annexation-of-crimea", (0, 5), 0.5,
                                {"role": "perpetrator"}))
    canonical_annexation(ex)
    assert "event:annexation-of-crimea" in ex.entities and ANNEXATION_OF_CRIMEA not in ex.entities
    # with no perpetrator, or Russia's, the one key (and its claims follow)
    ex.claims[0].subject = "org:russian-federation"
    ex.triggers["event:annexation-of-crimea"] = [(0, 5)]
    canonical_annexation(ex)
    assert ANNEXATION_OF_CRIMEA in ex.entities and ex.claims[0].object == ANNEXATION_OF_CRIMEA
    assert ex.entities[ANNEXATION_OF_CRIMEA].key == ANNEXATION_OF_CRIMEA
    assert ex.triggers[ANNEXATION_OF_CRIMEA] == [(0, 5)]


def test_a_countrys_named_peninsula_is_the_land() -> None:
    text = "The raids followed the occupation of Ukraine’s Crimean Peninsula by a neighbouring state."
    assert _reading(text, "Ukraine") == (False, True)
