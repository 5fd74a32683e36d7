"""``LINKED_TO`` from a statement to the one event it reacts to, and no act linked to a place's participle
(loaders/extract/statement_links.py, event_links.py), from made-up sentences: each frame with positive
cases and near misses that must not fire; every claim's quote is the exact text of its span."""

from __future__ import annotations

import pytest

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def links(ex: Extraction) -> dict[tuple[str, str], dict[str, object]]:
    return {(c.subject, c.object): c.qualifiers for c in ex.claims if c.predicate == "LINKED_TO"}


@pytest.mark.parametrize(("body", "statement", "event", "speaker"), [
    ("Amnesty International condemned the harassment of reporters in Crimea following the detention on 4 May of Olena "
     "Marchuk, a blogger. Olena Marchuk was detained by FSB officers in Simferopol on 4 May.",
     "event:amnesty-international-statement", "event:olena-marchuk-detention", "org:amnesty-international"),
    ("FSB officers detained the blogger Olena Marchuk in Simferopol. Human Rights Watch called Marchuk’s detention "
     "“an act of intimidation”.", "event:human-rights-watch-statement", "event:olena-marchuk-detention", "org:human-rights-watch"),
    ("The United States strongly condemns the occupation authorities’ shutdown of Crimean Tatar media outlets, including "
     "the television channel ATR.", "event:united-states-statement", "event:closure-of-crimean-tatar-media", "org:united-states"),
])
def test_a_statement_that_reacts_to_one_event_is_linked_to_it(body: str, statement: str, event: str, speaker: str) -> None:
    text, ex = extract(body)
    found = links(ex)
    assert (statement, event) in found and found[(statement, event)].get("linked_by") == speaker
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    # (several people's acts and a verdict are linked since round 13: tests/test_extract_r13_align13c.py)
    # a call is no reaction to the act it calls for
    "FSB officers detained the blogger Olena Marchuk in Simferopol. Human Rights Watch called for the release of Olena Marchuk.",
    # the detention of a group the article's one detention event does not hold
    "FSB officers detained the blogger Olena Marchuk in Simferopol. Human Rights Watch condemned the detention of the five "
    "Crimean Tatars.",
    "FSB officers detained the blogger Olena Marchuk in Simferopol. Human Rights Watch condemned the detention of five "
    "Crimean Tatars in Bakhchisaray.",
])
def test_no_statement_link_without_one_event_reacted_to(body: str) -> None:
    _text, ex = extract(body)
    assert not [k for k, q in links(ex).items() if "linked_by" in q]


def test_an_annexed_place_is_no_act_that_results_in_another() -> None:
    text, ex = extract("The European Union condemns the searches in the illegally annexed Crimea which resulted in the "
                       "detention of Olena Marchuk.")
    assert not [k for k in links(ex) if "annexation" in k[1] or "annexation" in k[0]]
    check_quotes(text, ex.claims)


def test_an_act_followed_by_another_is_linked_from_the_later() -> None:
    text, ex = extract("Since the beginning of the Russian aggression against Ukraine in 2014, followed by the illegal "
                       "annexation of Crimea, many people were detained.")
    assert ("event:russian-annexation-of-crimea-2014", "event:russia-s-war-against-ukraine") in links(ex)
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    # an act dated by the annexation, not done because of it
    "The two activists Olena Marchuk and Taras Bondar were arrested by the FSB shortly after Russia’s annexation of Crimea in 2014.",
    # an arrest and a detention of one person: one act named twice
    "Another example is the detention of Olena Marchuk, who was apprehended by the FSB in December while visiting her father.",
])
def test_no_link_for_a_date_or_a_second_name_of_one_act(body: str) -> None:
    _text, ex = extract(body)
    assert not links(ex)


@pytest.mark.parametrize(("body", "pair"), [
    ("FSB officers searched the home of Olena Marchuk on 4 May. Olena Marchuk was detained by FSB agents who were searching "
     "her parents’ apartment in Simferopol.", ("event:olena-marchuk-detention", "event:olena-marchuk-search")),
    ("Olena Marchuk was detained by the police in Simferopol on 4 May. She was finally freed after six hours of detention.",
     ("event:olena-marchuk-release", "event:olena-marchuk-detention")),
])
def test_a_second_act_on_the_same_person_named_by_a_plain_word(body: str, pair: tuple[str, str]) -> None:
    text, ex = extract(body)
    assert pair in links(ex)
    check_quotes(text, ex.claims)


def test_a_sentence_after_years_in_detention_is_not_linked_to_the_detention() -> None:
    _text, ex = extract("Olena Marchuk was detained by the FSB in March. She was sentenced in May after spending more than "
                        "two years in detention.")
    assert not links(ex)
