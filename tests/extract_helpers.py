"""Helpers the sentence-level extraction tests share: one short article through the claim rules,
and the check that every claim's quote is the exact text of its span within the word limit."""

from __future__ import annotations

from collections.abc import Iterable

from graph.ontology import default_ontology
from loaders.extract.claims import ClaimDraft, Extraction, extract_claims
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people, split_sentences
from loaders.facts import count_words


def extract(body: str) -> tuple[str, Extraction]:
    """``body`` as the one paragraph of a short article, through mentions and the claim rules."""
    text = f"A short article\n\n{body}\n"
    gaz = load_gazetteer()
    entries = find_entries(text, gaz)
    people, _ = find_people(text, entries, gaz)
    return text, extract_claims(text, split_sentences(text), entries, people, gaz)


def check_quotes(text: str, claims: Iterable[ClaimDraft]) -> None:
    """Every claim's quote is its span's exact, trimmed, non-empty text within the ontology's limit."""
    limit = default_ontology().max_quote_words
    for c in claims:
        a, b = c.span
        quote = text[a:b]
        assert 0 <= a < b <= len(text) and quote == quote.strip() and quote
        assert count_words(quote) <= limit, quote
