"""The neutral model: sources, entities, claims and their evidence.

A *claim* is what a source says (subject, predicate, object and identifying
qualifiers); each source that says it adds one piece of :class:`Evidence` with its
own quote, speaker and dates. Claim ids are deterministic hashes of what
identifies the claim, so loading the same facts twice, or from two sources, lands
on one claim.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["PartialDate", "Source", "Entity", "Evidence", "Claim", "Corpus", "claim_id", "evidence_id"]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """An ISO date known to year, month or day precision ("2021", "2021-12", "2021-12-03").

    >>> PartialDate.parse("2021-12").precision
    'month'
    >>> str(PartialDate.parse("2022-09-21"))
    '2022-09-21'
    """

    iso: str

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Parse a partial ISO date; raise ValueError saying what is wrong."""
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"a date must be written as YYYY, YYYY-MM or YYYY-MM-DD, not {type(value).__name__}")
        m = _DATE_RE.match(value.strip())
        if not m:
            raise ValueError(f"'{value}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = m.group(1), m.group(2), m.group(3)
        if month is not None and not 1 <= int(month) <= 12:
            raise ValueError(f"'{value}' has no month {month}")
        if day is not None and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
            raise ValueError(f"'{value}' has no day {day} in that month")
        return cls(value.strip())

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.iso)]

    @property
    def earliest(self) -> str:
        """The first day this date can mean, as YYYY-MM-DD."""
        return (self.iso + "-01-01")[:10] if len(self.iso) == 4 else (self.iso + "-01")[:10]

    @property
    def latest(self) -> str:
        """The last day this date can mean, as YYYY-MM-DD."""
        if len(self.iso) == 10:
            return self.iso
        year = int(self.iso[:4])
        month = int(self.iso[5:7]) if len(self.iso) == 7 else 12
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"

    def __str__(self) -> str:
        return self.iso


@dataclass
class Source:
    key: str
    title: str
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    file: str | None = None

    def properties(self) -> dict[str, Any]:
        return {k: v for k, v in (
            ("title", self.title), ("publisher", self.publisher), ("url", self.url),
            ("published", self.published), ("language", self.language),
        ) if v is not None}


@dataclass
class Entity:
    key: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    sensitive: bool = False
    generic: bool = False
    sources: list[str] = field(default_factory=list)


@dataclass
class Evidence:
    """One source's support for a claim."""

    source: str
    quote: str
    asserted_by: str | None = None
    confidence: float | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)  # non-identifying: date, start, end, ...
    location: str | None = None  # file:line, for messages

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "quote": self.quote}
        if self.asserted_by is not None:
            out["asserted_by"] = self.asserted_by
        if self.confidence is not None:
            out["confidence"] = self.confidence
        out.update(self.qualifiers)
        return out


@dataclass
class Claim:
    id: str
    subject: str
    predicate: str
    object: str
    key_qualifiers: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({e.source for e in self.evidence})


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))  # made once: ids are hot


def _digest(parts: list[Any]) -> str:
    raw = _ENCODER.encode(parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def claim_id(subject: str, predicate: str, obj: str, key_qualifiers: dict[str, Any]) -> str:
    """Deterministic id of a claim: the same fact from any source gets the same id.

    >>> claim_id("person:a", "LEADS", "org:b", {"role": "head"}) == claim_id("person:a", "LEADS", "org:b", {"role": "head"})
    True
    """
    return "claim:" + _digest([subject, predicate, obj, sorted(key_qualifiers.items())])


def evidence_id(claim: str, source: str) -> str:
    """Deterministic id of one source's support for one claim."""
    return "evidence:" + _digest([claim, source])


@dataclass
class Corpus:
    """Everything read from a set of fact files, merged by key."""

    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
