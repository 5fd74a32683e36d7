"""Scalars for formats that take only scalars (GraphML, GEXF, CSV), and the way back.

GraphML, GEXF and CSV cells hold strings, numbers and booleans. casegraph's graph also
holds lists (aliases, sources, disputed, list-typed ontology properties) and the
evidence (a list of dicts). Those are written as JSON text, always, whatever their
length, so a reader can decode them without guessing: the attributes encoded this way
are exactly :func:`json_attributes` (fixed by the ontology). ``None`` is left out.

>>> scalar_attrs({"name": "Ann", "aliases": ["А", "B"], "note": None, "sensitive": True})
{'name': 'Ann', 'aliases': '["А", "B"]', 'sensitive': True}
>>> restore_attrs({'aliases': '["А", "B"]', 'name': 'Ann'}, {"aliases"})
{'aliases': ['А', 'B'], 'name': 'Ann'}
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from graph.ontology import Ontology, default_ontology

__all__ = ["json_attributes", "to_json_text", "scalar_value", "scalar_attrs", "scalar_graph", "restore_attrs",
           "restore_graph", "keyed_edges", "CORE_LIST_ATTRIBUTES"]

# Attributes of the graph shape (graph/build.py) that hold lists or dicts.
CORE_LIST_ATTRIBUTES = frozenset({"aliases", "sources", "disputed", "evidence"})


def json_attributes(ontology: Ontology | None = None) -> frozenset[str]:
    """Names of the attributes written as JSON text: the core lists and list-typed ontology properties."""
    ontology = ontology or default_ontology()
    names = set(CORE_LIST_ATTRIBUTES)
    for label in ontology.labels.values():
        names.update(p.name for p in label.properties.values() if p.type == "list")
    for rel in ontology.relationships.values():
        names.update(p.name for p in rel.properties.values() if p.type == "list")
    return frozenset(names)


def to_json_text(value: Any) -> str:
    """Compact, stable JSON; non-ASCII kept as is (readable, and greppable for redaction checks)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def scalar_value(value: Any) -> Any:
    """A value a scalar-only format can hold: lists, tuples and dicts become JSON text."""
    if isinstance(value, (list, tuple, dict)):
        return to_json_text(list(value) if isinstance(value, tuple) else value)
    return value


def scalar_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """``attrs`` with every list or dict as JSON text and ``None`` dropped."""
    return {k: scalar_value(v) for k, v in attrs.items() if v is not None}


def scalar_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose node and edge attributes are all scalars (graph attributes dropped)."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **scalar_attrs(d))
    for u, v, k, d in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **scalar_attrs(d))
    return out


def restore_attrs(attrs: dict[str, Any], names: frozenset[str] | set[str]) -> dict[str, Any]:
    """Decode the JSON-text attributes among ``names``; others are returned as they are."""
    return {k: json.loads(v) if k in names and isinstance(v, str) else v for k, v in attrs.items()}


def keyed_edges(g: nx.Graph) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    """``(u, v, key, data)`` of any graph NetworkX read back.

    Readers return a simple graph when a file has no parallel edges; the claim id is
    then in the edge's ``id`` (GraphML) or ``networkx_key`` (GEXF) attribute.
    """
    if g.is_multigraph():
        return list(g.edges(keys=True, data=True))
    out = []
    for u, v, d in g.edges(data=True):
        d = dict(d)
        key = d.pop("networkx_key", None) or d.pop("id", None)
        out.append((u, v, key, d))
    return out


def restore_graph(g: nx.Graph, ontology: Ontology | None = None) -> nx.MultiDiGraph:
    """A graph read back from GraphML (or GEXF after :func:`graph.exporters.gexf.restore`) in casegraph's shape.

    For NetworkX users: ``restore_graph(nx.read_graphml(path, force_multigraph=True))`` gives the lists and the
    evidence back as Python lists and dicts; the GraphML bookkeeping attributes NetworkX
    adds to the graph are dropped.
    """
    names = json_attributes(ontology)
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **restore_attrs(d, names))
    for u, v, k, d in keyed_edges(g):
        out.add_edge(u, v, key=k, **restore_attrs(d, names))
    return out
