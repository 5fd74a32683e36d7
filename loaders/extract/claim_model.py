"""The drafts the claim rules write (entities, claims, the extraction) and the sentence view they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph.model import Entity
from graph.ontology import default_ontology
from loaders.extract.events import (
    Group,
    coordinated,
    plural_mentions,
)
from loaders.extract.gazetteer import slug
from loaders.extract.group_anaphora import apposed
from loaders.extract.mentions import Mention, Sentence
from loaders.facts import count_words

_WORDS_RE = re.compile(r"\S+")


# A drafted entity is a model entity (its sources are the draft's own source).
EntityDraft = Entity


@dataclass
class ClaimDraft:
    subject: str
    predicate: str
    object: str
    span: tuple[int, int]
    confidence: float
    qualifiers: dict[str, Any] = field(default_factory=dict)
    asserted_by: str | None = None
    rule: str = ""


@dataclass
class Extraction:
    entities: dict[str, EntityDraft] = field(default_factory=dict)
    claims: list[ClaimDraft] = field(default_factory=list)
    # Where each event's triggers stand in the text (for the rules that join two events of one sentence).
    triggers: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def trigger(self, ev: str, a: int, b: int) -> None:
        """Record that ``text[a:b]`` names event ``ev``."""
        spans = self.triggers.setdefault(ev, [])
        if (a, b) not in spans:
            spans.append((a, b))

    def rekey(self, old: str, new: str) -> None:
        """Give the entity ``old`` the key ``new`` (not yet in the draft), with its claims and triggers: a rule
        that knows the corpus-wide key of an event of history (the annexation, the deportation) names it so."""
        ent = self.entities.pop(old)
        ent.key = new
        self.entities[new] = ent
        for c in self.claims:
            if c.subject == old:
                c.subject = new
            if c.object == old:
                c.object = new
        if old in self.triggers:
            self.triggers[new] = self.triggers.pop(old)

    def entity(self, key: str, label: str, name: str, **attrs: Any) -> EntityDraft:
        have = self.entities.get(key)
        if have is None:
            have = self.entities[key] = EntityDraft(key, label, name)
        for k, v in attrs.items():
            if v is not None:
                have.attributes.setdefault(k, v)
        return have

    def claim(self, subject: str, predicate: str, obj: str, span: tuple[int, int], confidence: float,
              rule: str, asserted_by: str | None = None, **qualifiers: Any) -> None:
        if subject == obj:
            return
        self.claims.append(ClaimDraft(subject, predicate, obj, span, round(min(max(confidence, 0.05), 0.99), 2),
                                      {k: v for k, v in qualifiers.items() if v is not None}, asserted_by, rule))


@lru_cache(maxsize=1024)
def _words(start: int, text: str) -> tuple[tuple[int, int], ...]:
    """The words of a sentence as text offsets (a sentence is quoted for many claims)."""
    return tuple((start + m.start(), start + m.end()) for m in _WORDS_RE.finditer(text))


def quote_span(text: str, sent: Sentence, a: int, b: int, limit: int | None = None) -> tuple[int, int]:
    """The quote for a claim: the sentence when short enough, else a window of words around [a, b)."""
    limit = limit or default_ontology().max_quote_words
    words = _words(sent.start, sent.text)
    if not words:
        return sent.start, sent.end
    if len(words) <= limit and count_words(text[words[0][0]:words[-1][1]]) <= limit:
        return words[0][0], words[-1][1]
    first = next((i for i, (s, e) in enumerate(words) if e > a), 0)
    last = max((i for i, (s, e) in enumerate(words) if s < b), default=first)
    while last - first + 1 < limit and (first > 0 or last < len(words) - 1):
        if first > 0:
            first -= 1
        if last - first + 1 < limit and last < len(words) - 1:
            last += 1
    if last - first + 1 > limit:
        last = first + limit - 1
    # The validator counts words as it reads them ("twenty-one" is two, a dash between words
    # splits them): shrink the window, away from the claim's own words, until it agrees.
    while last > first and count_words(text[words[first][0]:words[last][1]]) > limit:
        if words[last][0] >= b or words[first][1] > a:
            last -= 1
        else:
            first += 1
    return words[first][0], words[last][1]


# "X and his (five) co-defendants", "X and her fellow defendants": people the article names elsewhere
_CODEFENDANTS_RE = re.compile(r"\s+and\s+(?:his|her)\s+(?:(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
                              r"(?:co-defendants|fellow\s+defendants)\b", re.IGNORECASE)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12}


class SentenceMentions:
    """The mentions of one sentence, with helpers the rules share."""

    def __init__(self, sent: Sentence, mentions: list[Mention], pronouns: list[tuple[int, int, str]],
                 last_group: list[str], article: list[Group] | None = None):
        self.s = sent
        self.people = [m for m in mentions if m.label == "Person"]
        self.orgs = [m for m in mentions if m.label == "Organisation"]
        self.places = [m for m in mentions if m.label == "Location"]
        self.pronouns = pronouns  # (start, end, antecedent key)
        # "X and Y", "X, Y and Z", "X and his brother Y", "A, B and Deputy Head of the Mejlis, C": people named together.
        self.groups: list[list[Mention]] = []
        for m in self.people:
            if self.groups and (coordinated(gap := self.between(self.groups[-1][-1].end, m.start)) or apposed(gap)):
                self.groups[-1].append(m)
            else:
                self.groups.append([m])
        self.groups = [g for g in self.groups if len({m.ref for m in g}) > 1]
        # "both men", "they", "their homes", "the four men": the people a plural phrase means.
        own = [(g[0].start, g[-1].end, list(dict.fromkeys(m.ref for m in g))) for g in self.groups]
        self.plurals = plural_mentions(sent.start, sent.text, own, last_group, article or [])
        self.last_group = last_group
        # "X and his five co-defendants": the others of the article's list that names X (a list of prison terms, say)
        self.codefendants: dict[str, list[str]] = {}
        for m in self.people:
            cm = _CODEFENDANTS_RE.match(sent.text, m.end - sent.start)
            if cm is None or not article:
                continue
            n = (cm.group(1) or "").lower()
            count = int(n) if n.isdigit() else _NUMBER_WORDS.get(n)
            fits = [g for g in article if m.ref in g[2] and len(g[2]) > 1 and (count is None or len(g[2]) == count + 1)]
            if fits:
                g = min(fits, key=lambda g: abs(g[0] - m.start))
                self.codefendants[m.ref] = [r for r in g[2] if r != m.ref]

    def group_of(self, ref: str) -> list[str]:
        out = [ref]
        for g in self.groups:
            if any(m.ref == ref for m in g):
                out = list(dict.fromkeys(m.ref for m in g))
                break
        return out + [r for r in self.codefendants.get(ref, ()) if r not in out]

    def between(self, a: int, b: int) -> str:
        return self.s.text[a - self.s.start:b - self.s.start] if a <= b else ""

    def before(self, a: int, n: int = 80) -> str:
        return self.s.text[max(0, a - self.s.start - n):a - self.s.start]

    def after(self, b: int, n: int = 80) -> str:
        return self.s.text[b - self.s.start:b - self.s.start + n]



def case_of(ex: Extraction, cases: dict[str, str], defendant: str) -> str:
    """The key of ``defendant``'s case (one LegalCase per defendant, "Case against X"), made on first use
    and recorded in ``cases`` (defendant key -> case key)."""
    if defendant not in cases:
        name = ex.entities[defendant].name
        key = f"case:{slug(name)}"
        ex.entity(key, "LegalCase", f"Case against {name}")
        cases[defendant] = key
    return cases[defendant]
