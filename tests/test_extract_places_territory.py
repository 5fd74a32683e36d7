"""Places of events in the phrases of official statements (loaders/extract/event_places.py,
claim_targets.py): "on the (temporarily occupied) territory of X", and a place that belongs to
another act of the sentence.

Made-up sentences: each rule with a positive case and near misses that must not fire; every
claim's quote is the exact text of its span, within the ontology's word limit.
"""

from __future__ import annotations

import pytest

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def places_of(ex: Extraction, event: str) -> set[str]:
    return {c.object for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject == event}


@pytest.mark.parametrize(("body", "event"), [
    ("The Ministry is concerned about Lenur Khalilov, who was illegally detained on politically motivated charges "
     "on the temporarily occupied territory of the Autonomous Republic of Crimea.", "event:lenur-khalilov-detention"),
    ("The Ministry protests against the illegal sentencing of Lenur Khalilov by the occupation authorities on the "
     "territory of the Autonomous Republic of Crimea to eight years of imprisonment.", "event:lenur-khalilov-verdict"),
    ("FSB officers detained Lenur Khalilov on the territory of Crimea on 3 May.", "event:lenur-khalilov-detention"),
    ("On the territory of occupied Crimea, FSB officers detained Lenur Khalilov.", "event:lenur-khalilov-detention"),
])
def test_on_the_territory_of_a_place_is_a_locative(body: str, event: str) -> None:
    text, ex = extract(body)
    assert places_of(ex, event) == {"place:crimea"}
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    # the occupied territories of a country are parts of it: no one place
    "FSB officers detained Lenur Khalilov in the temporarily occupied territories of Ukraine.",
    # the territory is a topic of the statement, not where the act was
    "FSB officers detained Lenur Khalilov after a report about the territory of Crimea.",
])
def test_territories_and_topics_are_no_locative(body: str) -> None:
    text, ex = extract(body)
    assert places_of(ex, "event:lenur-khalilov-detention") == set()


def test_a_place_after_another_acts_trigger_is_that_acts() -> None:
    text, ex = extract("Following yesterday’s arrest of human rights defender Lev Ivanov in Moscow, the detention of "
                       "Lenur Khalilov is the second time in two days that a human rights defender has been thrown behind bars.")
    assert "place:moscow" not in places_of(ex, "event:lenur-khalilov-detention")
    assert places_of(ex, "event:lev-ivanov-arrest") == {"place:moscow"}
    check_quotes(text, ex.claims)


def test_a_place_after_a_later_act_is_not_the_earlier_acts() -> None:
    text, ex = extract("The illegal arrest of Lenur Khalilov was preceded by a search of the TV station in Simferopol.")
    assert places_of(ex, "event:lenur-khalilov-arrest") == set()


def parts(ex: Extraction) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF" and c.subject.startswith("place:")}


@pytest.mark.parametrize("body", [
    "Russia must cancel plans to try Lenur Khalilov in a military court, Amnesty said ahead of his trial in Rostov-on-Don.",
    "Lenur Khalilov was tried in Rostov-on-Don, where Russia tries the Crimean Tatars it charges with terrorism.",
    "The trial of Lenur Khalilov was moved to Rostov-on-Don, Russian Federation.",
])
def test_a_town_of_russia_is_part_of_russia_where_its_sentence_names_russia(body: str) -> None:
    text, ex = extract(f"Lenur Khalilov was taken from Crimea to Russia. {body}")
    assert ("place:rostov-on-don", "place:russia") in parts(ex)
    check_quotes(text, ex.claims)


def test_a_town_of_russia_alone_is_a_town() -> None:
    # Russia named in another sentence only: the town is told as a town
    text, ex = extract("Lenur Khalilov was taken from Crimea to Russia. A court in Moscow later tried him.")
    assert ("place:moscow", "place:russia") not in parts(ex)


@pytest.mark.parametrize(("body", "expect"), [
    ("Last month a court sentenced Lenur Khalilov, a film director from Crimea, to 20 years.", {"place:crimea"}),
    # "of Russia’s occupation": Russia owns the occupation; the critic does not live there
    ("The conviction of Lenur Khalilov, a prominent critic of Russia’s occupation of Crimea, is unjust.", set()),
])
def test_a_person_from_a_place_but_not_a_critic_of_its_acts(body: str, expect: set[str]) -> None:
    text, ex = extract(body)
    assert {c.object for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject == "person:lenur-khalilov"} == expect


@pytest.mark.parametrize("body", [
    "FSB officers searched the home of Lenur Khalilov in Simferopol, the regional capital, on 19 April. Crimea is occupied.",
    "Lenur Khalilov was detained in the centre of Simferopol, the capital. Crimea is occupied.",
    "He picketed in the occupied region’s capital Simferopol. Crimea is occupied.",
])
def test_the_unnamed_regions_capital_is_part_of_crimea(body: str) -> None:
    text, ex = extract(body)
    assert ("place:simferopol", "place:crimea") in parts(ex)
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "Kyiv, the capital, hosted talks on Crimea.",  # not a town of Crimea
    "Simferopol, the capital of the region, hosted talks.",  # no Crimea in the article
])
def test_a_capital_outside_crimea_or_without_it_is_no_part(body: str) -> None:
    _text, ex = extract(body)
    assert not {o for s, o in parts(ex) if o == "place:crimea"}


def test_the_ukrainian_black_sea_peninsula_of_crimea_is_ukraines() -> None:
    text, ex = extract("Russia's abuses continue in the Ukrainian Black Sea peninsula of Crimea. Many have fled to Ukraine.")
    assert ("place:crimea", "place:ukraine") in parts(ex)
    check_quotes(text, ex.claims)
