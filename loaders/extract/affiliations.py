"""Affiliations the title rules of :mod:`loaders.extract.relations` do not read: a verb of
leading.

- "X heads ORG", "X, who leads ORG", "ORG, led by X", "ORG, headed by its chairman X" ->
  ``LEADS`` (the verb's title as role);

A state's office holder ("Russian President X") is left out: careful annotators of the development
set did not always take it as an affiliation (tried, and it cost precision there).

A fact another rule already made (any affiliation of the same two) is left to it.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["more_affiliations"]

_LEAD_VERB = {"head": "head", "lead": "leader", "led": "leader", "chair": "chair"}
_HEADS_RE = re.compile(r"(?:,\s+who)?\s+(?:currently\s+|now\s+|also\s+)?(?P<verb>head|lead|led|chair)(?:s|ed)?\s+(?:the\s+)?$")
_LED_BY_RE = re.compile(r",?\s+(?:which\s+is\s+|which\s+was\s+)?(?P<verb>head|led|chair)(?:ed)?\s+by\s+(?:(?:its|the)\s+[\w\s-]{1,30}?\s+)?$")


def more_affiliations(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``LEADS`` from the verbs of leading ("X heads ORG", "ORG, led by X")."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("LEADS", "MEMBER_OF", "WORKS_FOR")}
    starts = [s.start for s in sentences]

    def add(person: str, pred: str, org: str, span: tuple[int, int], role: str, rule: str) -> None:
        if (person, org) not in have and person != org:
            have.add((person, org))
            ex.claim(person, pred, org, span, 0.7, rule, role=role)

    def label(m: Mention) -> str:
        e = ex.entities.get(m.ref)
        return "" if e is None else e.label if not e.generic else "generic"

    people = [m for m in mentions if label(m) == "Person"]
    orgs = [m for m in mentions if label(m) == "Organisation"]
    ostarts = [o.start for o in orgs]
    for p in people:
        sent = sentences[max(0, bisect.bisect_right(starts, p.start) - 1)]
        # only the organisations near the name (bisection: long articles name many)
        for o in orgs[bisect.bisect_left(ostarts, p.start - 200):bisect.bisect_right(ostarts, p.end + 40)]:
            if o.start > p.end and o.start - p.end <= 40:
                mt = _HEADS_RE.fullmatch(text, p.end, o.start)
                if mt:
                    add(p.ref, "LEADS", o.ref, quote_span(text, sent, p.start, o.end), _LEAD_VERB[mt.group("verb").lower()], "heads")
            elif o.end < p.start and p.start - o.end <= 60:
                mt = _LED_BY_RE.fullmatch(text, o.end, p.start)
                if mt:
                    add(p.ref, "LEADS", o.ref, quote_span(text, sent, o.start, p.end), _LEAD_VERB[mt.group("verb").lower()], "led-by")


_AFFILIATIONS = ("LEADS", "MEMBER_OF", "WORKS_FOR")


def settle_affiliations(ex: Extraction, leadership: list[str]) -> None:
    """One affiliation per person and organisation: a staff claim whose role is a leadership title
    ("Ukraine's President X") leads; where two rules gave the same pair two predicates ("the OSCE
    Chairman X": LEADS and WORKS_FOR), the leading one stays, then membership, then staff."""
    heads = {w.lower() for w in leadership}
    for c in ex.claims:
        if c.predicate == "WORKS_FOR" and str(c.qualifiers.get("role", "")).lower() in heads:
            c.predicate = "LEADS"
    best: dict[tuple[str, str], int] = {}
    for c in ex.claims:
        if c.predicate in _AFFILIATIONS:
            rank = _AFFILIATIONS.index(c.predicate)
            best[(c.subject, c.object)] = min(rank, best.get((c.subject, c.object), rank))
    ex.claims[:] = [c for c in ex.claims if c.predicate not in _AFFILIATIONS
                    or _AFFILIATIONS.index(c.predicate) == best[(c.subject, c.object)]]
