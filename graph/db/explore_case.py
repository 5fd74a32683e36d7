"""A case's timeline across its stages, for the investigation app (``casegraph serve``).

The timeline of a ``LegalCase`` is its events (the ``Event`` entities a claim ties to it:
``PART_OF``, ``LINKED_TO``) and its own claims (``DEFENDANT_IN``, ``ACCUSED_OF``,
``JUDGE_IN``, ...), in date order: an event is dated by its own ``date`` (or ``start``),
else by the earliest of its claims; on one day, by the procedural order of the
ontology's event kinds (arrest, search, detention, detention extension, ..., charge,
indictment, hearing, trial, verdict, appeal, release). Every entry carries every claim
behind it with its evidence (quote, source, speaker, dates). The subgraph goes through
the explorer's one exit filter like every other answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx
from neo4j import ManagedTransaction

from graph.build import MENTIONS
from graph.db import statements as S
from graph.db.read import Reader
from graph.ontology import default_ontology

if TYPE_CHECKING:
    from graph.db.explore import Explorer

__all__ = ["CASE_LABEL", "case_timeline", "stage_order"]

CASE_LABEL = "LegalCase"
MAX_EVENTS = 500  # events of one case read


def stage_order() -> tuple[str, ...]:
    """The event kinds in the ontology's (procedural) order: the tie-break of one day."""
    kind = default_ontology().labels["Event"].properties.get("kind")
    return kind.values if kind is not None else ()


def _read(real: str, limit: int) -> Any:
    def work(tx: ManagedTransaction) -> tuple[nx.MultiDiGraph, list[str]]:
        events = [r["key"] for r in tx.run(S.EXPLORE_CASE_EVENTS, key=real, limit=MAX_EVENTS)]
        ids = [r["id"] for r in tx.run(S.EXPLORE_CLAIMS_OF, keys=[real, *events], limit=limit)]
        claims = list(tx.run(S.CLAIMS_BY_ID, ids=ids))
        ends = {real, *events}
        wanted_sources: set[str] = set()
        for r in claims:
            ends |= {r["claim"]["subject"], r["claim"]["object"]}
            for e in r["evidence"]:
                if e.get("asserted_by"):
                    ends.add(e["asserted_by"])
                if e.get("source"):
                    wanted_sources.add(e["source"])
        entities = list(tx.run(S.EXPLORE_ENTITIES, keys=sorted(ends)))
        sources = [dict(r["props"]) for r in tx.run(S.READ_SOURCES, keys=sorted(wanted_sources))]
        g = nx.MultiDiGraph()
        Reader.add_nodes(g, sources, entities)
        Reader.add_claims(g, claims)
        return g, events
    return work


def _claim(explorer: Explorer, out: nx.MultiDiGraph, u: str, v: str, k: Any, d: dict[str, Any]) -> dict[str, Any]:
    """One claim of the filtered graph with every piece of its evidence."""
    evidence = []
    for ev in d.get("evidence") or []:
        speaker, source = ev.get("asserted_by"), ev.get("source")
        evidence.append({"quote": str(ev.get("quote") or ""),
                         "source": explorer.source_summary(out, source) if source in out else {"title": ""},
                         "speaker": str(out.nodes[speaker].get("name")) if speaker in out else None,
                         **{f: ev[f] for f in ("date", "start", "end") if ev.get(f)}})
    return {"claim_id": str(k), "type": d.get("type"), "date": d.get("date") or d.get("start"), "end": d.get("end"),
            "disputed": list(d.get("disputed") or []),
            "subject": {"key": u, "name": str(out.nodes[u].get("name"))},
            "object": {"key": v, "name": str(out.nodes[v].get("name"))}, "evidence": evidence}


def case_timeline(explorer: Explorer, real: str, limit: int) -> dict[str, Any]:
    """The timeline of the case whose real key is ``real`` (at most ``limit`` claims read)."""
    g, events = explorer.read(_read(real, limit))
    out, shown, claims = explorer.exit_filter(g, list(g.nodes))
    case = shown[real]
    event_keys = {shown[e] for e in events if e in shown}
    per_event: dict[str, list[dict[str, Any]]] = {e: [] for e in event_keys}
    entries: list[dict[str, Any]] = []
    for u, v, k, d in out.edges(keys=True, data=True):
        if d.get("type") == MENTIONS:
            continue
        item = _claim(explorer, out, u, v, k, d)
        touched = [e for e in (u, v) if e in event_keys]
        for e in touched:
            per_event[e].append(item)
        if not touched and case in (u, v):  # the case's own: defendant, charge, judge, counsel ...
            entries.append({"date": item["date"], "end": item["end"], "stage": str(item["type"]).lower(),
                            "title": f"{item['subject']['name']} {item['type']} {item['object']['name']}",
                            "event": None, "claims": [item]})
    for e, items in per_event.items():
        attrs = out.nodes[e]
        dated = sorted(str(c["date"]) for c in items if c["date"])
        day = attrs.get("date") or attrs.get("start") or (dated[0] if dated else None)
        items.sort(key=lambda c: (c["date"] is None, str(c["date"] or ""), c["claim_id"]))
        entries.append({"date": str(day) if day else None, "end": attrs.get("end"),
                        "stage": str(attrs.get("kind") or "event"), "title": str(attrs.get("name") or e),
                        "event": {"key": e, "name": str(attrs.get("name") or e)}, "claims": items})
    order = {kind: i for i, kind in enumerate(stage_order())}
    entries.sort(key=lambda x: (x["date"] is None, str(x["date"] or ""), order.get(x["stage"], len(order)),
                                x["title"]))
    explorer.hand_out((c["claim_id"] for x in entries for c in x["claims"]), claims)
    return {"key": case, "name": str(out.nodes[case].get("name")), "case": True, "entries": entries,
            "limit": limit}
