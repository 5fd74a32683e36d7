"""Acts a case record states in labelled fields, one field a line, as victims lists and prisoner
databases write them (the USCIRF Freedom of Religion or Belief Victims List, prisoner lists of
monitoring groups)::

    Perpetrator: Russia
    Date of Detainment: August/17/2021
    Date of Sentencing: January/12/2023
    ...
    Raif Fevziev

Each dated field is an event of the record's person (the name that stands on a line of its own in
the record, else the person of the article whose surname the record's "Additional Name(s)" field
spells in another script): "Date of Detainment/Detention" a ``detention``, "Date of Arrest" an ``arrest``, "Date
of Sentencing/Conviction" a ``verdict``; a "Perpetrator" field that names a country makes its
government the perpetrator of the detention or arrest. A record starts at an "Additional Name(s)"
or "Name" field; a document with no such field is one record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from anyascii import anyascii

from loaders.extract.gazetteer import slug
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.orgs import government_key

if TYPE_CHECKING:
    from loaders.extract.claims import Extraction
    from loaders.extract.gazetteer import Gazetteer

__all__ = ["person_event", "record_acts"]

_FIELD_RE = re.compile(r"^Date\s+of\s+(?P<what>Detainment|Detention|Arrest|Sentencing|Conviction)\s*:[ \t]*(?P<date>[^\n]+)$",
                       re.MULTILINE | re.IGNORECASE)
_KINDS = {"detainment": "detention", "detention": "detention", "arrest": "arrest", "sentencing": "verdict", "conviction": "verdict"}
_RECORD_RE = re.compile(r"^(?:Additional\s+Name\(s\)|Name)\s*:", re.MULTILINE)
_PERPETRATOR_RE = re.compile(r"^Perpetrator\s*:[ \t]*(?P<who>[^\n]+)$", re.MULTILINE)
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august", "september",
                                        "october", "november", "december"), 1)}
_DATE_RE = re.compile(r"(?P<m>[A-Za-z]+)\s*/\s*(?P<d>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d\d)")


def _iso(value: str) -> str | None:
    m = _DATE_RE.match(value.strip())
    month = _MONTHS.get(m.group("m").lower()) if m else None
    if m is None or month is None:
        return None
    return f"{m.group('y')}-{month:02d}-{int(m.group('d')):02d}"


def record_acts(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction, gaz: Gazetteer) -> None:
    """Events and PARTICIPANT_IN claims for the dated fields of the case records in ``text``."""
    if "Date of" not in text and "date of" not in text:
        return
    fields = list(_FIELD_RE.finditer(text))
    if not fields:
        return
    from loaders.extract.claims import quote_span

    starts = [m.start() for m in _RECORD_RE.finditer(text)] or [0]
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    if bounds[0][0] > 0:
        bounds.insert(0, (0, bounds[0][0]))
    last_perp: re.Match[str] | None = None
    for r0, r1 in bounds:
        here = [f for f in fields if r0 <= f.start() < r1]
        if not here:
            continue
        person = _record_person(text, mentions, ex, r0, r1)
        if person is None:
            continue
        # a record with no Perpetrator line of its own had the previous record's: the cleaner drops a line
        # repeated word for word (loaders/extract/clean.py), and "Perpetrator: Russia" repeats in every record
        perp = _PERPETRATOR_RE.search(text, r0, r1) or last_perp
        last_perp = perp
        country = next((m for m in mentions if perp is not None and perp.start("who") <= m.start < perp.end("who")
                        and m.entry is not None and m.entry.attributes.get("kind") in ("country", "government")), None)
        if perp is not None and country is None:  # the field's name, as the article names that country elsewhere
            country = next((m for m in mentions if m.text == perp.group("who").strip() and m.entry is not None
                            and m.entry.attributes.get("kind") in ("country", "government")), None)
        for f in here:
            kind = _KINDS[f.group("what").lower()]
            sent = next((s for s in sentences if s.start <= f.start() < s.end), None)
            if sent is None:
                continue
            ev = person_event(ex, gaz, person, kind)
            span = quote_span(text, sent, max(f.start(), sent.start), min(f.end(), sent.end))
            ex.trigger(ev, f.start(), f.end())
            ex.claim(person, "PARTICIPANT_IN", ev, span, 0.6, f"record:{kind}", role="target", date=_iso(f.group("date")))
            if country is not None and kind in ("detention", "arrest") and perp is not None:
                gov = country.ref if country.label == "Organisation" else f"org:{government_key(country.ref.split(':', 1)[-1])}"
                ex.entity(gov, "Organisation", country.text, kind="government")
                psent = next((s for s in sentences if s.start <= perp.start() < s.end), sent)
                ex.claim(gov, "PARTICIPANT_IN", ev, quote_span(text, psent, max(perp.start(), psent.start), min(perp.end(), psent.end)),
                         0.55, f"record:perpetrator:{kind}", role="perpetrator")


def person_event(ex: Extraction, gaz: Gazetteer, person: str, kind: str) -> str:
    """The person's event of ``kind``: the key and name the sentence rules give it (one per person and kind)."""
    pname = ex.entities[person].name
    ev = f"event:{slug(pname)}-{kind.replace('_', '-')}"
    name = gaz.event_names.get(kind, "{Kind} of {name}").format(name=pname, Kind=kind.replace("_", " ").capitalize())
    ex.entity(ev, "Event", name, kind=gaz.event_kinds.get(kind, kind))
    return ev


def _record_person(text: str, mentions: Sequence[Mention], ex: Extraction, r0: int, r1: int) -> str | None:
    """The person a record is about: a person's name on a line of its own within the record."""
    for m in mentions:
        if not (r0 <= m.start < r1) or m.label != "Person" or m.ref not in ex.entities:
            continue
        lo = text.rfind("\n", 0, m.start) + 1
        hi = text.find("\n", m.end)
        if text[lo:len(text) if hi < 0 else hi].strip() == m.text:
            return m.ref
    # else the person whose surname the record's other name spells ("Additional Name(s): Февзиев Раиф ..." is
    # Raif Fevziev's record): the surname comes first in a Russian full name
    other = _RECORD_RE.match(text, r0)
    line = text[other.end():text.find("\n", other.end()) if "\n" in text[other.end():] else len(text)] if other else ""
    words = re.findall(r"[^\W\d_]+", line)
    if not words:
        return None
    surname = anyascii(words[0]).lower()
    found = {k for k, e in ex.entities.items() if e.label == "Person" and k.startswith("person:")
             and e.name.split()[-1].lower() == surname and not re.search(r"[^\x00-\x7f]", e.name)}
    return found.pop() if len(found) == 1 else None
