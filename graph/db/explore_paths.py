"""Connect, export and an entity's timeline, for the investigation app (``casegraph serve``).

Functions over an :class:`graph.db.explore.Explorer` and its public methods only: each reads
a small subgraph, passes it through the explorer's one exit filter (redacted: the name
index's prebuilt :class:`graph.redact.Redactor`, the same pseudonyms and keys as every
other answer) and hands out only what came through it.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import networkx as nx
from neo4j import ManagedTransaction

from graph.analysis.paths import connect as connect_paths
from graph.db import statements as S
from graph.db.explore_case import CASE_LABEL, case_timeline
from graph.db.read import Reader
from graph.errors import CasegraphError, preview
from graph.exporters import EXPORTERS, write_export

if TYPE_CHECKING:
    from graph.db.explore import Explorer

__all__ = ["connect", "export", "timeline", "EXPORT_FORMATS", "MAX_EXPORT", "TIMELINE_LIMIT"]

EXPORT_FORMATS = tuple(name for name, module in EXPORTERS.items() if len(module.FILES) == 1)  # one file each
MAX_EXPORT = 5000  # entities in one canvas export
TIMELINE_LIMIT = 200  # ties in one timeline


def connect(explorer: Explorer, a: str, b: str, k: int = 3, max_hops: int = 4, day: str | None = None,
            exclude_generic: bool = False) -> dict[str, Any]:
    """The ``k`` shortest paths between two entities with the evidence of each hop
    (:func:`graph.analysis.paths.connect`), over the entities within ``max_hops // 2``
    claim hops of either end (every path of at most ``max_hops`` hops lies there)."""
    if not 1 <= max_hops <= 8:
        raise CasegraphError(f"max_hops must be from 1 to 8, not {max_hops}")
    ra, rb = explorer.real_key(a), explorer.real_key(b)

    def work(tx: ManagedTransaction) -> list[str]:
        seen = {ra, rb}
        frontier = sorted(seen)
        for _ in range(max_hops // 2):
            nxt = {r["key"] for r in tx.run(S.EXPLORE_NEIGHBOUR_KEYS, keys=frontier)} - seen
            seen |= nxt
            frontier = sorted(nxt)
        return sorted(seen)
    keys = explorer.read(work)
    g = explorer.read_subgraph(keys, sources=True)
    # connect() passes the graph through the exit filter itself: redacted, the index's one
    # prebuilt filter, so the answer's pseudonyms and keys are those of every other answer.
    redactor = explorer.redactor_for(g) if explorer.redact else None
    result = connect_paths(g, ra, rb, k=k, day=day, max_hops=max_hops, exclude_generic=exclude_generic,
                           redactor=redactor)
    claims: dict[str, str] = {}
    if redactor is not None:  # the same filter, the same maps
        claims = explorer.claim_map(g, redactor)
        explorer.remember({n: redactor.key(n) for n, d in g.nodes(data=True) if d.get("node_kind") == "entity"})
    explorer.hand_out((c["claim_id"] for p in result["paths"] for h in p["hops"] for c in h["claims"]), claims)
    return result


def export(explorer: Explorer, keys: list[str], fmt: str) -> tuple[str, str]:
    """The entities ``keys`` (as the client saw them), the claims among them and their sources,
    written in ``fmt`` by the exporters' one write path; returns (text, file name)."""
    if fmt not in EXPORT_FORMATS:
        raise CasegraphError(f"unknown export format {preview(fmt)} (known: {', '.join(EXPORT_FORMATS)})")
    if not keys or len(keys) > MAX_EXPORT:
        raise CasegraphError(f"export 1 to {MAX_EXPORT} entities, not {len(keys)}")
    real = sorted({explorer.real_key(k) for k in keys})
    g = explorer.read_subgraph(real, sources=True)
    out, shown, _ = explorer.exit_filter(g, list(g.nodes))
    # Only what was asked for (and its sources) leaves.
    out.remove_nodes_from([n for n in list(out.nodes) if n not in set(shown.values())])
    buffer = io.StringIO()
    write_export(out, fmt, "-", stdout=buffer)
    return buffer.getvalue(), EXPORTERS[fmt].FILES[0].replace("graph.", "casegraph-canvas.")


def timeline(explorer: Explorer, key: str, limit: int = TIMELINE_LIMIT) -> dict[str, Any]:
    """An entity's ties in date order (undated last), each with its first quote: the claims
    behind them as every answer, through the exit filter. A ``LegalCase``'s is its events
    across the stages of the proceedings (:func:`graph.db.explore_case.case_timeline`)."""
    real = explorer.real_key(key)
    if explorer.label_of(real) == CASE_LABEL:  # a case: its events and stages, each with its evidence
        return case_timeline(explorer, real, limit)

    def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
        ids = [r["id"] for r in tx.run(S.EXPLORE_TIMELINE, key=real, limit=limit)]
        claims = list(tx.run(S.CLAIMS_BY_ID, ids=ids))
        ends = sorted({real, *(k for r in claims for k in (r["claim"]["subject"], r["claim"]["object"]))})
        g = nx.MultiDiGraph()
        Reader.add_nodes(g, [], tx.run(S.EXPLORE_ENTITIES, keys=ends))
        Reader.add_claims(g, claims)
        return g
    g = explorer.read(work)
    out, shown, claims = explorer.exit_filter(g, list(g.nodes))
    events = []
    for u, v, k, d in out.edges(keys=True, data=True):
        evidence = d.get("evidence") or []
        events.append({"claim_id": str(k), "type": d.get("type"), "date": d.get("date") or d.get("start"),
                       "end": d.get("end"), "disputed": list(d.get("disputed") or []),
                       "subject": {"key": u, "name": str(out.nodes[u].get("name"))},
                       "object": {"key": v, "name": str(out.nodes[v].get("name"))},
                       "quote": str(evidence[0].get("quote") or "") if evidence else "",
                       "evidence": len(evidence)})
    events.sort(key=lambda e: (e["date"] is None, str(e["date"] or ""), e["claim_id"]))
    explorer.hand_out((e["claim_id"] for e in events), claims)
    return {"key": shown[real], "name": str(out.nodes[shown[real]].get("name")), "events": events,
            "limit": limit}
