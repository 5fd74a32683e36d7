"""``connect``: how is A connected to B, on what evidence, as known on a date.

The k shortest paths (in hops) between two entities of the entity graph, each hop
with every claim that links its two ends and each claim's evidence: source title,
quote, speaker and date. Optional filters: as of a date (:func:`graph.subgraph.as_of`),
a maximum number of hops, a label a path must pass through, and leaving out generic
collective actors. When there is no path, the result says how far each side's
component reaches.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("s", node_kind="source", label="Source", name="Report")
>>> for k in ("person:a", "person:b"): g.add_node(k, node_kind="entity", label="Person", name=k[7:].upper())
>>> _ = g.add_edge("person:a", "person:b", key="c1", type="RELATIVE_OF", sources=["s"],
...                evidence=[{"source": "s", "quote": "A is B's brother"}])
>>> r = connect(g, "A", "B")
>>> [[n["key"] for n in p["nodes"]] for p in r["paths"]]
[['person:a', 'person:b']]
>>> r["paths"][0]["hops"][0]["claims"][0]["evidence"][0]["source_title"]
'Report'
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import networkx as nx

from graph.analysis.projection import entity_graph
from graph.errors import CasegraphError
from graph.ontology import default_ontology
from graph.redact import Redactor, exit_graph
from graph.resolve import EntityResolver
from graph.subgraph import as_of, parse_day

__all__ = ["connect", "component_reach", "MAX_CANDIDATES"]

# With --via or --max-hops, candidate paths are drawn in order of length until k fit;
# this bounds the search on big graphs (the result says when it was reached).
MAX_CANDIDATES = 2000
_SUMMARY = frozenset({"type", "claim_id", "sources", "evidence", "date", "start", "end", "disputed", "undated"})
_FAR_FUTURE = "9999-12-31"


def _node(g: nx.Graph, key: str) -> dict[str, Any]:
    d = g.nodes[key]
    return {"key": key, "name": str(d.get("name") or key), "label": str(d.get("label") or "")}


def component_reach(entities: nx.Graph, key: str) -> dict[str, Any]:
    """How far ``key``'s component reaches: entities in it, the most hops away, counts by label."""
    lengths = nx.single_source_shortest_path_length(entities, key)
    labels = Counter(str(entities.nodes[n].get("label") or "") for n in lengths)
    return {"entities": len(lengths), "max_hops": max(lengths.values()),
            "labels": dict(sorted(labels.items()))}


def _claim(g: nx.MultiDiGraph, s: str, o: str, k: str) -> dict[str, Any]:
    d = g.edges[s, o, k]
    evidence = []
    for ev in d.get("evidence") or ():
        source = str(ev.get("source") or "")
        speaker = ev.get("asserted_by")
        evidence.append({
            "source": source,
            "source_title": str(g.nodes[source].get("name") or source) if source in g else source,
            "quote": ev.get("quote", ""),
            "speaker": str(g.nodes[speaker].get("name") or speaker) if speaker and speaker in g else speaker,
            "speaker_key": speaker,
            "date": ev.get("date") or ev.get("start"),
        })
    return {
        "claim_id": str(d.get("claim_id") or k),
        "type": str(d.get("type") or ""),
        "subject": s,
        "object": o,
        "qualifiers": {q: v for q, v in sorted(d.items()) if q not in _SUMMARY},
        "date": d.get("date") or d.get("start"),
        "undated": bool(d.get("undated")) or not any(e["date"] for e in evidence),
        "disputed": list(d.get("disputed") or []),
        "evidence": evidence,
    }


def _path(g: nx.MultiDiGraph, entities: nx.Graph, nodes: list[str]) -> dict[str, Any]:
    hops: list[dict[str, Any]] = []
    sources: set[str] = set()
    for u, v in itertools.pairwise(nodes):
        claims = [_claim(g, s, o, k) for s, o, k, _ in entities.edges[u, v]["claims"]]
        sources.update(e["source"] for c in claims for e in c["evidence"])
        hops.append({"from": u, "to": v, "claims": claims})
    # Names of every entity a hop mentions (ends, speakers, qualifiers such as linked_by).
    names = {n: str(entities.nodes[n].get("name") or n) for n in nodes}
    for hop in hops:
        for c in hop["claims"]:
            refs = [*(e["speaker_key"] for e in c["evidence"]), *c["qualifiers"].values(), c["subject"], c["object"]]
            for ref in refs:
                if isinstance(ref, str) and ref in g and ref not in names:
                    names[ref] = str(g.nodes[ref].get("name") or ref)
    return {"length": len(nodes) - 1, "nodes": [_node(entities, n) for n in nodes], "hops": hops,
            "sources": sorted(sources), "names": dict(sorted(names.items()))}


def _missing(g: nx.MultiDiGraph, key: str, day: str | None, exclude_generic: bool) -> str:
    d = g.nodes[key]
    name = str(d.get("name") or key)
    if exclude_generic and d.get("generic"):
        return f"{name} ({key}) is a generic actor, left out by --exclude-generic"
    if day is not None:
        return f"{name} ({key}) is not yet known on {day} (dated {d.get('date')})"
    return f"{name} ({key}) is not in the graph"


def connect(g: nx.MultiDiGraph, a: str, b: str, k: int = 3, day: str | None = None, dated_only: bool = False,
            max_hops: int | None = None, via: str | None = None, exclude_generic: bool = False,
            redact: bool = False, max_candidates: int = MAX_CANDIDATES,
            redactor: Redactor | None = None) -> dict[str, Any]:
    """The ``k`` shortest paths from ``a`` to ``b`` (keys, names or aliases), with evidence.

    ``day``: only facts whose evidence is dated on or before it (undated facts kept and
    marked ``undated``, or left out with ``dated_only``). ``via``: a node label that an
    intermediate node of each path must carry. ``redact``: the graph passes the exit
    filter first, so sensitive people appear as pseudonyms (names are still resolved
    against the real graph). ``redactor`` (implies ``redact``): a :class:`~graph.redact.Redactor`
    built once beforehand from a bigger graph (a server's, from its whole database), handed to
    the same exit filter instead of one built from ``g`` each call: its pseudonyms and keys are
    then those of the server's other answers. Raises :class:`~graph.resolve.ResolveError` (one line, with
    candidates) for an unknown or ambiguous name.
    """
    if k < 1:
        raise CasegraphError(f"-k must be at least 1, not {k}")
    if max_hops is not None and max_hops < 1:
        raise CasegraphError(f"--max-hops must be at least 1, not {max_hops}")
    labels = default_ontology().labels
    if via is not None and via not in labels:
        raise CasegraphError(f"--via: unknown label '{via}' (known: {', '.join(labels)})")
    resolver = EntityResolver.from_graph(g)
    ka, kb = resolver.resolve(a), resolver.resolve(b)
    if ka == kb:
        raise CasegraphError(f"'{a}' and '{b}' are the same entity ({ka})")
    redact = redact or redactor is not None
    if redact:
        r = Redactor(g) if redactor is None else redactor
        ka, kb = (r.key(x) for x in (ka, kb))
        g = exit_graph(g, redact=True, redactor=redactor)
    limit = parse_day(day) if day else None
    if day or dated_only:
        g = as_of(g, day or _FAR_FUTURE, dated_only=dated_only)
    entities = entity_graph(g, exclude_generic=exclude_generic)
    for key in (ka, kb):
        if key not in entities:
            raise CasegraphError(_missing(g, key, limit, exclude_generic) if key in g else
                                 f"{key} is not known on {limit}")
    result: dict[str, Any] = {
        "from": _node(entities, ka), "to": _node(entities, kb), "k": k, "as_of": limit,
        "dated_only": dated_only, "max_hops": max_hops, "via": via, "exclude_generic": exclude_generic,
        "redacted": redact, "paths": [], "reason": None, "shortest_hops": None, "candidates_examined": 0,
        "reach": None,
    }
    if not nx.has_path(entities, ka, kb):
        result["reason"] = "disconnected"
        result["reach"] = {"from": component_reach(entities, ka), "to": component_reach(entities, kb)}
        return result
    result["shortest_hops"] = nx.shortest_path_length(entities, ka, kb)
    examined = 0
    for nodes in nx.shortest_simple_paths(entities, ka, kb):
        if max_hops is not None and len(nodes) - 1 > max_hops:
            break
        examined += 1
        if via is None or any(entities.nodes[n].get("label") == via for n in nodes[1:-1]):
            result["paths"].append(_path(g, entities, nodes))
            if len(result["paths"]) >= k:
                break
        if examined >= max_candidates:
            break
    result["candidates_examined"] = examined
    if not result["paths"]:
        result["reason"] = "max_hops" if via is None else "via"
        result["reach"] = {"from": component_reach(entities, ka), "to": component_reach(entities, kb)}
    return result
