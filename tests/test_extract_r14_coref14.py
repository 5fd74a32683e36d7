"""Round 14, coref14: lists of people a later "they" or "all four" means (loaders/extract/group_anaphora.py)."""

from __future__ import annotations

from loaders.extract.group_anaphora import apposed
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
