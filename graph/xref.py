"""Cross-reference a graph: pairs of entities that may be one actor, best first (``casegraph xref``).

Works on any casegraph graph (built from fact files or read back from Neo4j), through the
one resolver (:mod:`graph.identity`). Pairs already decided (a judgement ``different`` or
``unsure``; ``same`` pairs are one node already) are left out. Each candidate carries the
score, the reason, the sources on each side and a short context (a role and a quote).

With ``redact``, names pass the exit filter's substitution (:class:`graph.redact.Redactor`):
a sensitive person appears as a pseudonym, and the other side of a pair that may be them
is withheld too, since it is likely another spelling of the protected name.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from graph.identity import DOUBT, IdentityIndex, Record
from graph.redact import Redactor

__all__ = ["Candidate", "xref_graph", "records_of"]

_CONTEXT_ATTRS = ("occupation", "position", "kind")
_MAX_CONTEXT = 120


@dataclass
class Candidate:
    """One pair that may be one actor, as shown to a person."""

    score: float
    sure: bool
    left: str
    left_name: str
    right: str
    right_name: str
    reason: str
    left_sources: list[str]
    right_sources: list[str]
    left_context: str
    right_context: str
    left_claims: int = 0   # how many facts each side has: the key a 'same' group keeps is the richer one
    right_claims: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _context(g: nx.MultiDiGraph, key: str) -> str:
    d = g.nodes[key]
    parts = [f"{a}: {d[a]}" for a in _CONTEXT_ATTRS if d.get(a)]
    quotes = sorted((str(ev.get("quote") or "") for _u, _v, e in g.in_edges(key, data=True)
                     for ev in e.get("evidence") or []), key=len)
    quotes += sorted((str(ev.get("quote") or "") for _u, _v, e in g.out_edges(key, data=True)
                      for ev in e.get("evidence") or []), key=len)
    if quotes:
        q = quotes[0] if len(quotes[0]) <= _MAX_CONTEXT else quotes[0][:_MAX_CONTEXT - 3] + "..."
        parts.append(f"“{q}”")
    return "; ".join(parts)


def _claims(g: nx.MultiDiGraph, key: str) -> int:
    return sum(1 for *_e, d in g.in_edges(key, data=True) if "evidence" in d) + \
        sum(1 for *_e, d in g.out_edges(key, data=True) if "evidence" in d)


def records_of(g: nx.MultiDiGraph) -> list[Record]:
    """The resolver's records of every entity node of ``g``."""
    out = []
    for n, d in g.nodes(data=True):
        if d.get("node_kind", "entity") != "entity":
            continue
        out.append(Record(str(n), str(d.get("label") or ""), str(d.get("name") or n), list(d.get("aliases") or []),
                          list(d.get("sources") or []), bool(d.get("sensitive")), bool(d.get("generic"))))
    return out


def xref_graph(g: nx.MultiDiGraph, decided: Collection[tuple[str, str]] = (), min_score: float = DOUBT,
               limit: int | None = None, redact: bool = False) -> list[Candidate]:
    """Candidate pairs of ``g`` from ``min_score`` up, best first; ``decided`` pairs (sorted key tuples) left out."""
    index = IdentityIndex(records_of(g))
    done = set(decided)
    out: list[Candidate] = []
    for m in index.candidates(min_score):
        a, b = index.records[m.i], index.records[m.j]
        if (min(a.key, b.key), max(a.key, b.key)) in done:
            continue
        out.append(Candidate(m.score, m.sure, a.key, a.name, b.key, b.name, m.reason, sorted(a.sources),
                             sorted(b.sources), _context(g, a.key), _context(g, b.key), _claims(g, a.key),
                             _claims(g, b.key)))
        if limit is not None and len(out) >= limit:
            break
    return _redacted(g, out) if redact else out


def _redacted(g: nx.MultiDiGraph, rows: list[Candidate]) -> list[Candidate]:
    r = Redactor(g)
    out = []
    for c in rows:
        left_p, right_p = r.pseudonyms.get(c.left), r.pseudonyms.get(c.right)
        if left_p or right_p:
            shown = left_p or right_p
            withheld = f"withheld (may be {shown})"
            left = (r.key(c.left), left_p) if left_p else (withheld, withheld)
            right = (r.key(c.right), right_p) if right_p else (withheld, withheld)
            # The other side's sources are withheld too: their keys are often slugs of the name.
            out.append(Candidate(c.score, c.sure, left[0], left[1], right[0], right[1],
                                 "withheld: a protected person's names",
                                 [r.text(s, slug=True) for s in c.left_sources] if left_p else [],
                                 [r.text(s, slug=True) for s in c.right_sources] if right_p else [], "", ""))
            continue
        out.append(Candidate(c.score, c.sure, r.text(c.left, slug=True), r.text(c.left_name), r.text(c.right, slug=True),
                             r.text(c.right_name), r.text(c.reason), [r.text(s, slug=True) for s in c.left_sources],
                             [r.text(s, slug=True) for s in c.right_sources], r.text(c.left_context),
                             r.text(c.right_context)))
    return out
