"""The data of an article's mentions: sentences, mentions of entities, people and doubtful
matches (shared by the finders in :mod:`loaders.extract.entries` and :mod:`loaders.extract.people`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.extract.gazetteer import GazetteerEntry

__all__ = ["Sentence", "Mention", "Person", "Doubt", "entry_mention"]


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A stretch of text that names an entity (``ref`` is filled by coreference)."""

    start: int
    end: int
    text: str
    label: str
    ref: str = ""                       # entity slug key, e.g. "person:nariman-dzhelyal"
    entry: GazetteerEntry | None = None
    surname_only: bool = False
    role: str = ""                      # a title written before the name ("Attorney", "President")


@dataclass
class Person:
    """One person of the article: canonical full name, variants, and their mentions."""

    key: str
    name: str
    given: str
    surname: str
    variants: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    position: str = ""                  # the title the article gives them (kept out of name and key)


@dataclass
class Doubt:
    """A doubtful match: ``entity`` may be the same as ``same_as``; the reviewer decides."""

    entity: str
    mention: str
    start: int
    end: int
    same_as: str
    same_as_name: str
    score: float
    reason: str


def entry_mention(a: int, b: int, text: str, entry: GazetteerEntry) -> Mention:
    """The mention of a gazetteer (or built) entry at [a, b) of ``text``, keyed by its label."""
    prefix = "org" if entry.label == "Organisation" else "place"
    return Mention(a, b, text[a:b], entry.label, f"{prefix}:{entry.key}", entry)
