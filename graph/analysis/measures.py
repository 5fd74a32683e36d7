"""Measures over an analysis graph: degree, betweenness (brokers) and communities.

Every function takes the undirected graphs of :mod:`graph.analysis.projection`
(edge ``weight`` = independent sources or shared things) and returns plain data.
The graph is converted once to igraph (:func:`to_igraph`), whose C core computes
betweenness and communities in seconds where NetworkX takes minutes.

- **Degree**: how many distinct entities a node is tied to; ``strength`` sums the
  weights of those ties (how much independent reporting backs them).
- **Betweenness**: the share of shortest paths (counted in hops) between other pairs
  that pass through a node: brokers between groups score high. Exact (Brandes) up to
  :data:`EXACT_BUDGET` node x edge operations; above that, estimated from a seeded
  random sample of source nodes (pivots), with the error bound stated.
- **Communities**: Leiden (modularity, weighted) or Louvain, seeded, so the same
  graph and seed give the same groups.

>>> import networkx as nx
>>> h = nx.path_graph(["a", "b", "c"])
>>> [r["key"] for r in degree_ranking(h)]
['b', 'a', 'c']
>>> b = betweenness(h)
>>> b["method"], [(r["key"], r["betweenness"]) for r in b["ranking"]][:1]
('exact', [('b', 1.0)])
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.errors import CasegraphError

if TYPE_CHECKING:
    import igraph as ig

__all__ = ["IGraph", "to_igraph", "degree_ranking", "betweenness", "communities", "betweenness_error_bound",
           "EXACT_BUDGET", "CONFIDENCE", "COMMUNITY_ALGORITHMS"]

# Exact Brandes costs about nodes x edges steps; 1e8 is a few seconds in igraph on this
# project's 2-core machine (2.7e9, a 100k-edge synthetic graph, took 100 s).
EXACT_BUDGET = 100_000_000
MIN_PIVOTS = 100
CONFIDENCE = 0.95
COMMUNITY_ALGORITHMS = ("leiden", "louvain")


@dataclass
class IGraph:
    """An igraph copy of an analysis graph, with the node keys in vertex order."""

    graph: ig.Graph
    keys: list[str]
    index: dict[str, int]


def to_igraph(h: nx.Graph) -> IGraph:
    """Convert once: vertices in sorted key order, edges sorted, ``weight`` kept."""
    import igraph as ig  # on first use: `casegraph --help` need not load it

    keys = sorted(h.nodes)
    index = {k: i for i, k in enumerate(keys)}
    edges = sorted((min(index[u], index[v]), max(index[u], index[v]), float(w))
                   for u, v, w in h.edges(data="weight", default=1))
    graph = ig.Graph(n=len(keys), edges=[(a, b) for a, b, _ in edges], directed=False)
    graph.es["weight"] = [w for _, _, w in edges]
    return IGraph(graph, keys, index)


def _entry(h: nx.Graph, key: str) -> dict[str, Any]:
    d = h.nodes[key]
    return {"key": key, "name": d.get("name", key), "label": d.get("label", "")}


def degree_ranking(h: nx.Graph, top: int | None = None) -> list[dict[str, Any]]:
    """Nodes by degree (distinct neighbours), then strength (summed weights), then key."""
    rows = []
    for n in h.nodes:
        strength = sum(w for _, _, w in h.edges(n, data="weight", default=1))
        rows.append({**_entry(h, n), "degree": h.degree(n), "strength": strength})
    rows.sort(key=lambda r: (-r["degree"], -r["strength"], r["key"]))
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    return rows[:top] if top is not None else rows


def betweenness_error_bound(nodes: int, pivots: int, confidence: float = CONFIDENCE) -> float:
    """Bound on the error of every sampled normalised betweenness, with ``confidence``.

    Each pivot ``s`` contributes ``delta_s(v) / (n - 2)``, a value in [0, 1] whose mean
    over all pivots is (up to n/(n-1)) the normalised betweenness of ``v``. Hoeffding's
    inequality (which also holds for sampling without replacement) with a union bound
    over the ``n`` nodes gives ``sqrt(ln(2n / (1 - confidence)) / (2k))``; the estimate
    of every node is within that of its exact value with probability ``confidence``
    (Brandes and Pich 2007; Riondato and Kornaropoulos 2016). Zero when every node is a pivot.

    >>> round(betweenness_error_bound(28390, 1036), 3)
    0.082
    """
    if pivots >= nodes or nodes < 3:
        return 0.0
    return nodes / (nodes - 1) * math.sqrt(math.log(2 * nodes / (1 - confidence)) / (2 * pivots))


def betweenness(h: nx.Graph, top: int | None = None, seed: int = 0, pivots: int | None = None,
                ig_graph: IGraph | None = None) -> dict[str, Any]:
    """Normalised betweenness (hops, undirected), exact or sampled, and how it was computed.

    ``pivots=None`` chooses: exact while nodes x edges stays within :data:`EXACT_BUDGET`,
    else as many seeded random pivots as the budget allows (at least 100). Returns
    ``{"method", "backend", "pivots", "seed", "error_bound", "confidence", "ranking"}``;
    ``error_bound`` is 0 for exact results.
    """
    n, m = h.number_of_nodes(), h.number_of_edges()
    ig_h = ig_graph or to_igraph(h)
    if pivots is None:
        pivots = n if n * max(m, 1) <= EXACT_BUDGET else max(MIN_PIVOTS, EXACT_BUDGET // max(m, 1))
    if pivots < 1:
        raise CasegraphError(f"betweenness needs at least one pivot, not {pivots}")
    exact = pivots >= n
    if exact:
        raw = ig_h.graph.betweenness(directed=False) if n else []
    else:
        chosen = sorted(random.Random(seed).sample(range(n), pivots))
        # igraph sums the dependencies of the chosen sources (halved, as undirected); scaling
        # by n / k makes the estimate unbiased.
        raw = [x * n / pivots for x in ig_h.graph.betweenness(directed=False, sources=chosen)]
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    rows = [{**_entry(h, k), "betweenness": raw[i] * scale} for i, k in enumerate(ig_h.keys)]
    rows.sort(key=lambda r: (-r["betweenness"], r["key"]))
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    return {
        "method": "exact" if exact else "sampled",
        "backend": "igraph",
        "pivots": n if exact else pivots,
        "seed": None if exact else seed,
        "error_bound": 0.0 if exact else betweenness_error_bound(n, pivots),
        "confidence": CONFIDENCE,
        "ranking": rows[:top] if top is not None else rows,
    }


def communities(h: nx.Graph, seed: int = 0, algorithm: str = "leiden",
                ig_graph: IGraph | None = None) -> dict[str, Any]:
    """Seeded weighted communities: ``{"algorithm", "seed", "modularity", "groups"}``.

    ``groups`` is a list of sorted member-key lists, largest first (ties by first key);
    nodes without ties form groups of one.
    """
    if algorithm not in COMMUNITY_ALGORITHMS:
        raise CasegraphError(f"unknown community algorithm '{algorithm}' (known: {', '.join(COMMUNITY_ALGORITHMS)})")
    ig_h = ig_graph or to_igraph(h)
    if h.number_of_nodes() == 0:
        return {"algorithm": algorithm, "seed": seed, "modularity": 0.0, "groups": []}
    import igraph as ig  # on first use: `casegraph --help` need not load it

    # igraph draws from the RNG set here; a private Random(seed) makes runs repeat
    # without touching the caller's global random state.
    ig.set_random_number_generator(random.Random(seed))
    try:
        weights = ig_h.graph.es["weight"] if ig_h.graph.ecount() else None
        if algorithm == "leiden":
            clustering = ig_h.graph.community_leiden(objective_function="modularity", weights=weights,
                                                     n_iterations=-1)
        else:
            clustering = ig_h.graph.community_multilevel(weights=weights)
        membership: Sequence[int] = clustering.membership
        modularity = ig_h.graph.modularity(membership, weights=weights) if ig_h.graph.ecount() else 0.0
    finally:
        ig.set_random_number_generator(random)
    groups: dict[int, list[str]] = {}
    for i, c in enumerate(membership):
        groups.setdefault(c, []).append(ig_h.keys[i])
    ordered = sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))
    return {"algorithm": algorithm, "seed": seed, "modularity": modularity, "groups": ordered}
