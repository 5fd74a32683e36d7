"""Round 12 (align12a): the extractor follows the convention decisions of round 12 (conv12b), point 3: a call to
release someone asserts their detention but makes the one called on its perpetrator only where the phrase says it
holds them."""

from __future__ import annotations

from loaders.extract.claim_model import Extraction
from tests.extract_helpers import check_quotes, extract


def _perpetrators(ex: Extraction, who: str) -> list[str]:
    return [c.object for c in ex.claims if c.subject == who and c.predicate == "PARTICIPANT_IN"
            and c.qualifiers.get("role") == "perpetrator"]


def _targets(ex: Extraction, event_word: str) -> list[str]:
    return [c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"
            and event_word in c.object]


def test_a_call_to_release_asserts_the_detention_not_its_holder() -> None:
    text, ex = extract("The Ministry calls on the Russian Federation to immediately release Oleg Sentsov.")
    assert any(t.startswith("person:oleg-sentsov") for t in _targets(ex, "detention"))
    assert not any("detention" in o for o in _perpetrators(ex, "org:russian-federation"))
    check_quotes(text, ex.claims)


def test_a_call_to_release_the_illegally_detained_names_no_holder() -> None:
    text, ex = extract("Ukraine calls on the Russian Federation to stop repressions and release illegally detained "
                       "Emir Ussein Kuku and Vadim Sirik.")
    assert not any("detention" in o for o in _perpetrators(ex, "org:russian-federation"))
    check_quotes(text, ex.claims)


def test_a_call_that_says_the_one_called_on_holds_them_keeps_the_perpetrator() -> None:
    text, ex = extract("We call on Russia to immediately release Oleg Sentsov and all other Ukrainians whom it is "
                       "illegally detaining in Crimea.")
    assert any("sentsov-detention" in o for o in _perpetrators(ex, "org:russian-federation"))
    check_quotes(text, ex.claims)
