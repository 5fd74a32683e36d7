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

from graph.text import nfc

__all__ = ["PartialDate", "Source", "Entity", "Evidence", "Claim", "Corpus", "Conflict", "merge_entity", "claim_id",
           "evidence_id"]

# ASCII digits only: \d would also take "２０２２" and Arabic-Indic digits, which int() reads
# but string comparison of dates ("earliest", "as of") does not.
_DATE_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


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
    """One article or document: a fact file holds exactly one.

    ``key`` is ``source:<slug>``; ``published`` a partial ISO date; ``file`` the fact
    file it was read from (for messages; not stored in Neo4j).
    """

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
    """A person, organisation, case, event or place that sources mention.

    ``key`` is the stable id (``person:nariman-dzhelyal``; its prefix is fixed by the
    label), ``label`` one of the ontology's node labels, ``name`` the preferred name and
    ``aliases`` every other spelling, in any script. ``attributes`` holds only the
    properties the ontology declares for the label. ``sensitive`` marks a person at
    risk (redacted wherever the graph leaves the tool; once set by any source it stays
    set); ``generic`` a collective or vague actor ("occupation authorities") that is
    never merged into a specific one. ``sources`` are the keys of the sources that
    mention it.
    """

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
    """One source's support for a claim.

    ``quote`` is a short exact quote from the source; ``asserted_by`` the key of the
    named speaker making the statement, if any; ``confidence`` 0 to 1; ``qualifiers``
    the non-identifying qualifiers this source gives (``date``, ``start``, ``end``):
    they belong to the evidence, so sources may disagree on them.
    """

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
    """What sources say: ``subject`` ``predicate`` ``object`` (entity keys and an ontology
    relationship type) with the identifying ``key_qualifiers`` (the ontology's ``key`` for
    the predicate, such as ``role``). ``id`` is a hash of those, so the same fact from two
    sources is one claim with two pieces of ``evidence``."""

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
    # Hashed from NFC text, so one role spelled composed or decomposed is one claim.
    qualifiers = sorted((k, nfc(v) if isinstance(v, str) else v) for k, v in key_qualifiers.items())
    return "claim:" + _digest([nfc(subject), predicate, nfc(obj), qualifiers])


def evidence_id(claim: str, source: str) -> str:
    """Deterministic id of one source's support for one claim."""
    return "evidence:" + _digest([claim, source])


@dataclass
class Corpus:
    """Everything read from a set of fact files, merged by key (sources, entities, claims by id)."""

    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)


@dataclass(frozen=True)
class Conflict:
    """Two sources disagree about an entity: ``field`` is ``label``, ``generic`` or ``attribute``."""

    field: str
    name: str
    new: Any
    have: Any


def merge_entity(have: Entity, new: Entity, prefer_new: bool = False) -> list[Conflict]:
    """Merge ``new`` (the same key as another source states it) into ``have``, in place.

    The one rule for fact files and Neo4j alike: the first name stays and every other
    name becomes an alias; ``sensitive`` once set stays set (protecting a person is
    never undone); sources are a union; a different label or ``generic`` flag is a
    conflict and nothing is merged; an attribute both give with different values is a
    conflict and ``have`` keeps its value, unless ``prefer_new`` (the sources giving
    ``new`` are the only ones that state the entity, so their value is the current one).

    >>> a = Entity("person:x", "Person", "X", ["Iks"], {"position": "head"})
    >>> merge_entity(a, Entity("person:x", "Person", "Mr X", [], {"position": "deputy", "residence": "Kyiv"}))
    [Conflict(field='attribute', name='position', new='deputy', have='head')]
    >>> a.aliases, a.attributes
    (['Iks', 'Mr X'], {'position': 'head', 'residence': 'Kyiv'})
    """
    if have.label != new.label:
        return [Conflict("label", "label", new.label, have.label)]
    if have.generic != new.generic:
        return [Conflict("generic", "generic", new.generic, have.generic)]
    conflicts: list[Conflict] = []
    for attr, value in new.attributes.items():
        old = have.attributes.get(attr)
        if attr in have.attributes and old != value:
            if prefer_new:
                have.attributes[attr] = value
            else:
                conflicts.append(Conflict("attribute", attr, value, old))
        elif attr not in have.attributes:
            have.attributes[attr] = value
    for alias in [new.name, *new.aliases]:
        if alias != have.name and alias not in have.aliases:
            have.aliases.append(alias)
    have.sensitive = have.sensitive or new.sensitive
    if len(new.sources) == 1:
        if new.sources[0] not in have.sources:
            have.sources.append(new.sources[0])
    elif new.sources:  # a set, not a list scan per source: hubs have thousands of sources
        known = set(have.sources)
        for source in new.sources:
            if source not in known:
                known.add(source)
                have.sources.append(source)
    return conflicts
