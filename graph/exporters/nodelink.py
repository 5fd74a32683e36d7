"""Node-link JSON: NetworkX's ``node_link_data`` shape, lists and evidence as JSON lists.

Read back: ``nx.node_link_graph(json.load(f), edges="edges")`` gives the graph as it
was exported (a MultiDiGraph keyed by claim id).
"""

from __future__ import annotations

import json
from typing import IO

import networkx as nx

from graph.ontology import Ontology

__all__ = ["NAME", "EXTENSIONS", "FILES", "write"]

NAME = "json"
EXTENSIONS = (".json",)
FILES = ("graph.json",)


def write(g: nx.MultiDiGraph, streams: dict[str, IO[str]], ontology: Ontology) -> list[str]:
    plain = nx.MultiDiGraph(g)
    plain.graph = {}  # the exit filter's mark is bookkeeping, not data
    data = nx.node_link_data(plain, edges="edges")
    json.dump(data, streams[FILES[0]], ensure_ascii=False, indent=1, sort_keys=True)
    streams[FILES[0]].write("\n")
    return []
