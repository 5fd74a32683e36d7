"""Node positions computed in Python, so big views draw at once with physics off.

igraph's Fruchterman-Reingold (with its grid approximation above 1,000 nodes) places
10,000 nodes in about a second; the browser's physics needs minutes for that. The
result depends only on the graph and the seed.

>>> import networkx as nx
>>> pos = positions(nx.path_graph(3), seed=1)
>>> pos == positions(nx.path_graph(3), seed=1), sorted(pos)
(True, [0, 1, 2])
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable

import networkx as nx

__all__ = ["positions", "SPACING"]

SPACING = 90.0  # about this many pixels between neighbours at zoom 1


def positions(g: nx.Graph, seed: int = 0, spacing: float = SPACING) -> dict[Hashable, tuple[float, float]]:
    """Seeded 2-D positions for the nodes of ``g`` (edges undirected, parallel edges counted once)."""
    nodes = list(g.nodes)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in g.edges() if u != v}
    import igraph as ig  # on first use: `casegraph --help` need not load it

    graph = ig.Graph(n=len(nodes), edges=sorted(pairs))
    # igraph draws its start positions from a process-wide generator: give it a seeded one and
    # put the default back. (Passing start positions in a small square defeats the grid: 20x slower.)
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = graph.layout_fruchterman_reingold(niter=500, grid="auto").coords
    finally:
        ig.set_random_number_generator(random)
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    width = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    side = spacing * math.sqrt(len(nodes))  # about one node per spacing² of area
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (round((x - cx) / width * side, 1), round((y - cy) / width * side, 1))
            for n, (x, y) in zip(nodes, coords, strict=True)}
