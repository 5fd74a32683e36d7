"""GraphML (yEd, Gephi, NetworkX, igraph): typed attributes, lists and evidence as JSON text.

Scalars keep their GraphML type (``string``, ``boolean``, ``int``, ``double``); every
list and the evidence are JSON text (:mod:`graph.exporters.flat`). Edge ids are claim
ids (``mentions:<source>`` for MENTIONS), so NetworkX reads the keys back.

Read back: ``graph.exporters.flat.restore_graph(nx.read_graphml(path, force_multigraph=True))``.
"""

from __future__ import annotations

from typing import IO

import networkx as nx

from graph.exporters.flat import scalar_graph
from graph.ontology import Ontology

__all__ = ["NAME", "EXTENSIONS", "FILES", "write"]

NAME = "graphml"
EXTENSIONS = (".graphml",)
FILES = ("graph.graphml",)


def write(g: nx.MultiDiGraph, streams: dict[str, IO[str]], ontology: Ontology) -> list[str]:
    out = streams[FILES[0]]
    out.write('<?xml version="1.0" encoding="utf-8"?>\n')
    for line in nx.generate_graphml(scalar_graph(g), encoding="utf-8", prettyprint=True, named_key_ids=True):
        out.write(line + "\n")
    return []
