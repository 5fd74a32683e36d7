"""GEXF for Gephi: names as node labels, relationship types as edge labels, dated edges dynamic.

GEXF gives ``label``, ``type``, ``start`` and ``end`` fixed meanings, so casegraph's
attributes of those names are renamed: a node's ontology label goes to ``node_label``
(its GEXF label is its name, which Gephi displays); an edge's relationship type goes to
its GEXF ``label``; casegraph's own ``start``/``end`` (partial ISO dates) go to
``casegraph_start``/``casegraph_end``. A dated claim gets a time interval (a spell
from the first day of its ``date`` or ``start`` to the last day of its ``end``), so
Gephi's timeline shows when each relationship held. Lists and evidence are JSON text.

Read back: ``restore(nx.read_gexf(path))`` undoes the renaming and the JSON.
"""

from __future__ import annotations

from typing import IO, Any

import networkx as nx

from graph.exporters.flat import keyed_edges, restore_graph, scalar_attrs
from graph.model import PartialDate
from graph.ontology import Ontology

__all__ = ["NAME", "EXTENSIONS", "FILES", "write", "restore", "gexf_graph"]

NAME = "gexf"
EXTENSIONS = (".gexf",)
FILES = ("graph.gexf",)
_RENAMED = {"start": "casegraph_start", "end": "casegraph_end"}


def _day(value: Any, last: bool) -> str | None:
    try:
        date = PartialDate.parse(str(value))
    except ValueError:
        return None
    return date.latest if last else date.earliest


def _renamed(attrs: dict[str, Any]) -> dict[str, Any]:
    return {_RENAMED.get(k, k): v for k, v in scalar_attrs(attrs).items()}


def gexf_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph as NetworkX's GEXF writer should see it (GEXF's reserved names mapped)."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        attrs = _renamed(d)
        attrs["node_label"] = attrs.pop("label", "")
        attrs["label"] = str(d.get("name") or n)
        out.add_node(n, **attrs)
    for u, v, k, d in g.edges(keys=True, data=True):
        attrs = _renamed(d)
        attrs["label"] = attrs.pop("type", "")
        attrs["id"] = str(k)
        start = d.get("start") or d.get("date")
        if start:
            day = _day(start, last=False)
            if day:
                attrs["start"] = day
        if d.get("end"):
            day = _day(d["end"], last=True)
            if day:
                attrs["end"] = day
        out.add_edge(u, v, key=k, **attrs)
    return out


def write(g: nx.MultiDiGraph, streams: dict[str, IO[str]], ontology: Ontology) -> list[str]:
    out = streams[FILES[0]]
    out.write('<?xml version="1.0" encoding="utf-8"?>\n')
    for line in nx.generate_gexf(gexf_graph(g), encoding="utf-8", prettyprint=True):
        out.write(line + "\n")
    return []


def restore(g: nx.Graph, ontology: Ontology | None = None) -> nx.MultiDiGraph:
    """A graph read with ``nx.read_gexf`` back in casegraph's shape (names, types, dates, lists)."""
    back = {v: k for k, v in _RENAMED.items()}
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        attrs = {back.get(k, k): v for k, v in d.items() if k not in ("label",)}
        attrs["label"] = attrs.pop("node_label", None)
        out.add_node(n, **attrs)
    for u, v, k, d in keyed_edges(g):
        attrs = {back.get(a, a): val for a, val in d.items() if a not in ("start", "end", "id", "label")}
        attrs["type"] = d.get("label")
        out.add_edge(u, v, key=k, **attrs)
    return restore_graph(out, ontology)
