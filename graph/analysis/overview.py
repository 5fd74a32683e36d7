"""``analyze``: key actors, brokers and communities of a casegraph graph, as plain data.

>>> from graph.build import build_graph
>>> from loaders.facts import load_corpus          # doctest: +SKIP
>>> result = analyze(build_graph(load_corpus(["examples/crimea"])), top=5)  # doctest: +SKIP
>>> result["degree"][0]["name"]                   # doctest: +SKIP
'Sabotage case against Nariman Dzhelyal'
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.analysis.measures import betweenness, communities, degree_ranking, to_igraph
from graph.analysis.projection import (
    CASE_LABEL,
    ENTITY_GRAPH,
    EVENT_LABEL,
    PROJECTIONS,
    entity_graph,
    project,
)
from graph.redact import EXIT_MARK

__all__ = ["analyze", "analysis_graph"]


def analysis_graph(g: nx.MultiDiGraph, projection: str | None = None,
                   exclude_generic: bool = False) -> tuple[nx.Graph, nx.Graph]:
    """``(entity graph, graph to analyse)``: the second is the projection, if one is asked for."""
    entities = entity_graph(g, exclude_generic=exclude_generic)
    if projection in (None, ENTITY_GRAPH):
        return entities, entities
    return entities, project(entities, str(projection), g)


def _touched(entities: nx.Graph, members: list[str], label: str) -> list[dict[str, Any]]:
    """Entities of ``label`` among the members or tied to one of them, most tied first."""
    found: dict[str, int] = {}
    for m in members:
        if m in entities and entities.nodes[m].get("label") == label:
            found[m] = found.get(m, 0) + 1
        for nb in entities.neighbors(m) if m in entities else ():
            if entities.nodes[nb].get("label") == label:
                found[nb] = found.get(nb, 0) + 1
    ordered = sorted(found, key=lambda k: (-found[k], k))
    return [{"key": k, "name": entities.nodes[k].get("name", k), "label": label, "ties": found[k]} for k in ordered]


def analyze(g: nx.MultiDiGraph, projection: str | None = None, exclude_generic: bool = False, top: int = 10,
            seed: int = 0, pivots: int | None = None, algorithm: str = "leiden") -> dict[str, Any]:
    """Degree, betweenness and communities of the entity graph of ``g`` (or of a projection).

    Returns a JSON-ready dict: ``graph`` (what was analysed), ``degree`` and
    ``betweenness`` (top ``top`` each, with how betweenness was computed), and
    ``communities`` (every group of two or more, with its members most tied first and
    the cases and events it touches). The same graph and ``seed`` give the same result.
    """
    entities, h = analysis_graph(g, projection, exclude_generic)
    ig_h = to_igraph(h)
    degrees = degree_ranking(h)
    by_degree = {r["key"]: r for r in degrees}
    between = betweenness(h, top=top, seed=seed, pivots=pivots, ig_graph=ig_h)
    found = communities(h, seed=seed, algorithm=algorithm, ig_graph=ig_h)
    groups: list[dict[str, Any]] = []
    singletons = 0
    for members in found["groups"]:
        if len(members) < 2:
            singletons += 1
            continue
        ordered = sorted(members, key=lambda k: (by_degree[k]["rank"]))
        groups.append({
            "id": len(groups) + 1,
            "size": len(members),
            "members": [{k2: by_degree[k][k2] for k2 in ("key", "name", "label", "degree")} for k in ordered],
            "cases": _touched(entities, members, CASE_LABEL),
            "events": _touched(entities, members, EVENT_LABEL),
        })
    name = projection or ENTITY_GRAPH
    excluded = [{"key": k, "name": str(g.nodes[k].get("name") or k)} for k in entities.graph.get("excluded_generic", [])]
    return {
        "graph": {
            "analysed": name,
            "description": PROJECTIONS[name].description if name in PROJECTIONS else
            "entities linked by claims, weighted by independent sources",
            "weight": "shared " + "/".join(PROJECTIONS[name].via_labels) if name in PROJECTIONS else
            "independent sources",
            "nodes": h.number_of_nodes(),
            "edges": h.number_of_edges(),
            "components": nx.number_connected_components(h) if h.number_of_nodes() else 0,
            "excluded_generic": excluded,
            "redacted": bool((g.graph.get(EXIT_MARK) or {}).get("redacted")),
        },
        "degree": degrees[:top],
        "betweenness": between,
        "communities": {
            "algorithm": found["algorithm"],
            "seed": found["seed"],
            "modularity": found["modularity"],
            "count": len(groups),
            "singletons": singletons,
            "groups": groups,
        },
        "exit": g.graph.get(EXIT_MARK),
    }
