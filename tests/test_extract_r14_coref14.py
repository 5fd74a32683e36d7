"""Round 14, coref14: lists of people a later "they" or "all four" means (loaders/extract/group_anaphora.py)."""

from __future__ import annotations

from loaders.extract.events import article_groups
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.group_anaphora import apposed, counted_groups
from loaders.extract.mentions import find_entries, find_people
from tests.extract_helpers import check_quotes, extract


def _targets(body: str, kind: str) -> tuple[str, set[str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return text, {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"
                  and (ex.entities[c.object].attributes or {}).get("kind") == kind}


def test_their_arrest_means_a_name_and_its_apposed_co_defendant() -> None:
    _text, who = _targets("The charges against film director Taras Hordiyenko and his co-defendant, ecologist Mykyta Ovcharuk, "
                          "are excessive. They are residents of Crimea who opposed its annexation at the time of their arrest.",
                          "arrest")
    assert who == {"person:taras-hordiyenko", "person:mykyta-ovcharuk"}


def test_the_apposition_needs_a_relation_word() -> None:
    assert apposed(" and his co-defendant, ecologist ")
    assert apposed(" and her husband, the journalist ")
    assert not apposed(" and his lawyer, ")  # a lawyer is no member of the client's list
    assert not apposed(" and the ")


def _groups(text: str) -> list[list[str]]:
    gaz = load_gazetteer()
    people = sorted((m for p in find_people(text, find_entries(text, gaz), gaz)[0] for m in p.mentions), key=lambda m: m.start)
    plain = article_groups(text, people)
    return [g[2] for g in counted_groups(text, people, plain)]


def test_a_count_joins_a_name_to_the_list_of_exactly_that_many() -> None:
    text = ("Taras Hordiyenko and three other activists: Mykyta Ovcharuk, Bohdan Yaremchuk and Ostap Kravets are "
            "defendants in one case. All four were arrested in May.")
    assert _groups(text) == [["person:taras-hordiyenko", "person:mykyta-ovcharuk", "person:bohdan-yaremchuk",
                              "person:ostap-kravets"]]


def test_a_count_that_does_not_match_the_list_joins_nothing() -> None:
    text = ("Taras Hordiyenko and four other activists: Mykyta Ovcharuk, Bohdan Yaremchuk and Ostap Kravets are "
            "defendants in one case.")
    assert _groups(text) == []
