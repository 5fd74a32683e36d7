"""Cut a graph down: by label, by relationship type, and as known on a date.

Views, exports and analysis share these filters, so "as of 2021-12-31" means the same
everywhere: a claim is kept when one of its pieces of evidence is dated (``date``, or
``start`` for intervals) on or before the day; its later evidence is dropped. Undated
claims are kept and marked ``undated`` (or dropped with ``dated_only``). An entity
whose own ``date`` attribute lies after the day (an event that had not happened yet)
is dropped with its edges. A partial date counts from its first day: ``2021-12`` is
on or before ``2021-12-15``.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", node_kind="entity", label="Person"); g.add_node("b", node_kind="entity", label="Organisation")
>>> _ = g.add_edge("a", "b", key="c1", type="MEMBER_OF", evidence=[{"source": "s", "quote": "q", "date": "2022-03"}])
>>> _ = g.add_edge("a", "b", key="c2", type="LEADS", evidence=[{"source": "s", "quote": "q"}])
>>> sorted(k for _, _, k in as_of(g, "2022-01-01").edges(keys=True))
['c2']
>>> sorted(k for _, _, k in as_of(g, "2022", dated_only=True).edges(keys=True))
['c1']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.build import MENTIONS, summarise_evidence
from graph.errors import CasegraphError
from graph.model import PartialDate

__all__ = ["as_of", "by_label", "by_type", "select", "neighbourhood", "parse_day", "evidence_day"]


def parse_day(value: str) -> str:
    """A user's ``--as-of`` value as YYYY-MM-DD (a partial date means its last day)."""
    try:
        return PartialDate.parse(value).latest
    except ValueError as exc:
        raise CasegraphError(f"--as-of: {exc}") from None


def evidence_day(ev: dict[str, Any]) -> str | None:
    """The first day a piece of evidence speaks of (its ``date``, else ``start``), or None."""
    for name in ("date", "start"):
        value = ev.get(name)
        if value:
            try:
                return PartialDate.parse(str(value)).earliest
            except ValueError:
                return None
    return None


def _entity_day(attrs: dict[str, Any]) -> str | None:
    value = attrs.get("date")
    if not value:
        return None
    try:
        return PartialDate.parse(str(value)).earliest
    except ValueError:
        return None


def as_of(g: nx.MultiDiGraph, day: str, dated_only: bool = False) -> nx.MultiDiGraph:
    """The graph as its sources knew it on ``day`` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    limit = parse_day(day)
    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    for n, d in g.nodes(data=True):
        when = _entity_day(d) if d.get("node_kind") == "entity" else None
        if when is None or when <= limit:
            out.add_node(n, **d)
    for u, v, k, d in g.edges(keys=True, data=True):
        if u not in out or v not in out:
            continue
        if d.get("type") == MENTIONS:
            out.add_edge(u, v, key=k, **d)
            continue
        evidence = list(d.get("evidence") or [])
        dated = [(evidence_day(e), e) for e in evidence]
        kept = [e for day_, e in dated if day_ is not None and day_ <= limit]
        undated = [e for day_, e in dated if day_ is None]
        if not kept and (dated_only or not undated):
            continue
        attrs = {k2: v2 for k2, v2 in d.items() if k2 not in ("evidence", "sources", "disputed", "date", "start", "end")}
        chosen = kept + ([] if dated_only else undated)
        chosen.sort(key=lambda e: (e["source"], e["quote"]))
        attrs.update(summarise_evidence(chosen))
        attrs["sources"] = sorted({e["source"] for e in chosen})
        attrs["evidence"] = chosen
        if not kept:
            attrs["undated"] = True
        out.add_edge(u, v, key=k, **attrs)
    return out


def by_label(g: nx.MultiDiGraph, labels: Iterable[str]) -> nx.MultiDiGraph:
    """Only nodes with one of ``labels`` (sources count as label ``Source``), with the edges among them."""
    wanted = set(labels)
    return g.subgraph([n for n, d in g.nodes(data=True) if d.get("label") in wanted]).copy()


def by_type(g: nx.MultiDiGraph, types: Iterable[str]) -> nx.MultiDiGraph:
    """Only relationships of ``types``; nodes are all kept."""
    wanted = set(types)
    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    out.add_nodes_from(g.nodes(data=True))
    out.add_edges_from((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if d.get("type") in wanted)
    return out


def select(g: nx.MultiDiGraph, labels: Iterable[str] = (), types: Iterable[str] = (), day: str | None = None,
           dated_only: bool = False) -> nx.MultiDiGraph:
    """All three filters; an empty ``labels``/``types`` means all of them."""
    labels, types = list(labels), list(types)
    if day:
        g = as_of(g, day, dated_only=dated_only)
    if labels:
        g = by_label(g, labels)
    if types:
        g = by_type(g, types)
    return g


def neighbourhood(g: nx.MultiDiGraph, key: str, depth: int = 1) -> nx.MultiDiGraph:
    """Entity ``key`` with every entity within ``depth`` claim hops, and the claims among them.

    The in-process twin of ``Store.read_neighbourhood``: hops follow claims in either
    direction (``MENTIONS`` edges are not hops); the graph attributes (such as the exit
    filter's mark) are kept, so cut a graph after :func:`graph.redact.exit_graph`.

    >>> g = nx.MultiDiGraph()
    >>> for n in "abc": g.add_node(n, node_kind="entity")
    >>> _ = g.add_edge("a", "b", key="c1", type="KNOWS"); _ = g.add_edge("c", "b", key="c2", type="KNOWS")
    >>> sorted(neighbourhood(g, "a")), sorted(neighbourhood(g, "a", depth=2))
    (['a', 'b'], ['a', 'b', 'c'])
    """
    if key not in g or g.nodes[key].get("node_kind", "entity") != "entity":
        raise CasegraphError(f"no entity '{key}' in the graph")
    if depth < 0:
        raise CasegraphError(f"depth must be 0 or more, not {depth}")
    claims = nx.Graph()
    claims.add_nodes_from(n for n, d in g.nodes(data=True) if d.get("node_kind", "entity") == "entity")
    claims.add_edges_from((u, v) for u, v, d in g.edges(data=True)
                          if d.get("type") != MENTIONS and u in claims and v in claims)
    kept = nx.single_source_shortest_path_length(claims, key, cutoff=depth)
    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    out.add_nodes_from((n, g.nodes[n]) for n in kept)
    out.add_edges_from((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)
                       if u in kept and v in kept and d.get("type") != MENTIONS)
    return out
