"""Build the in-process graph: one NetworkX MultiDiGraph shape for everything downstream.

Nodes are entities (keyed by entity key) and sources (keyed by source key). Every
claim is one edge, keyed by its claim id, carrying the list of its evidence; every
source has a ``MENTIONS`` edge to each entity it declares. Analysis, views and
exports consume this shape whether it was built from files or read back from Neo4j
(:mod:`graph.db.store`), so both paths must produce equal graphs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from graph.model import Claim, Corpus, Entity, Evidence, Source

if TYPE_CHECKING:  # networkx is imported where a graph is built, the ontology where one is read: loading needs neither
    import networkx as nx

    from graph.ontology import Ontology

__all__ = [
    "build_graph",
    "corpus_from_graph",
    "entity_node_attrs",
    "source_node_attrs",
    "claim_edge_attrs",
    "edge_attrs",
    "summarise_evidence",
    "graph_stats",
    "MENTIONS",
    "SOURCE_LABEL",
]

MENTIONS = "MENTIONS"
SOURCE_LABEL = "Source"


def entity_node_attrs(entity: Entity) -> dict[str, Any]:
    """The node attributes of an entity (attributes flattened beside the core fields)."""
    return {
        "node_kind": "entity",
        "label": entity.label,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "sensitive": entity.sensitive,
        "generic": entity.generic,
        "sources": sorted(entity.sources),
        **entity.attributes,
    }


def source_node_attrs(source: Source) -> dict[str, Any]:
    return {"node_kind": "source", "label": SOURCE_LABEL, "name": source.title, **source.properties()}


def summarise_evidence(evidence: list[dict[str, Any]], fields: tuple[str, ...] = ("date", "start", "end")) -> dict[str, Any]:
    """Summarise per-evidence qualifiers onto the edge.

    Where all evidence agrees, the edge carries the value; where sources disagree the
    edge carries the earliest value and lists the field in ``disputed``, so a
    contradiction stays visible instead of one source silently winning.

    >>> summarise_evidence([{"date": "2021-12"}, {"date": "2022-01"}])
    {'date': '2021-12', 'disputed': ['date']}
    """
    out: dict[str, Any] = {}
    disputed: list[str] = []
    names = sorted({k for ev in evidence for k in ev} - {"source", "quote", "asserted_by", "confidence"})
    for name in names:
        values = sorted({str(ev[name]) if not isinstance(ev[name], (int, float, bool)) else ev[name] for ev in evidence if name in ev}, key=str)
        if not values:
            continue
        out[name] = values[0]
        if len(values) > 1:
            disputed.append(name)
    if disputed:
        out["disputed"] = disputed
    return out


def edge_attrs(predicate: str, claim_id: str, key_qualifiers: dict[str, Any],
               evidence: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The attributes of a claim edge, from its evidence dicts (as files or Neo4j give them)."""
    ordered = sorted(evidence, key=lambda e: (e["source"], e["quote"]))
    return {
        "type": predicate,
        "claim_id": claim_id,
        **key_qualifiers,
        **summarise_evidence(ordered),
        "sources": sorted({e["source"] for e in ordered}),
        "evidence": ordered,
    }


def claim_edge_attrs(claim: Claim) -> dict[str, Any]:
    return edge_attrs(claim.predicate, claim.id, claim.key_qualifiers, (ev.as_dict() for ev in claim.evidence))


def build_graph(corpus: Corpus) -> nx.MultiDiGraph:
    """Build the MultiDiGraph of a validated corpus."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for key in sorted(corpus.sources):
        g.add_node(key, **source_node_attrs(corpus.sources[key]))
    for key in sorted(corpus.entities):
        g.add_node(key, **entity_node_attrs(corpus.entities[key]))
    for key in sorted(corpus.entities):
        for source in sorted(corpus.entities[key].sources):
            g.add_edge(source, key, key=f"mentions:{source}", type=MENTIONS)
    for cid in sorted(corpus.claims):
        claim = corpus.claims[cid]
        g.add_edge(claim.subject, claim.object, key=cid, **claim_edge_attrs(claim))
    return g


def graph_stats(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Counts by node label and relationship type, plus evidence and sensitivity totals."""
    labels = Counter(d.get("label", "?") for _, d in g.nodes(data=True))
    types = Counter(d.get("type", "?") for _, _, d in g.edges(data=True))
    claims = [d for _, _, d in g.edges(data=True) if d.get("type") != MENTIONS]
    return {
        "nodes": g.number_of_nodes(),
        "relationships": g.number_of_edges(),
        "claims": len(claims),
        "evidence": sum(len(d.get("evidence", [])) for d in claims),
        "sources": labels.get(SOURCE_LABEL, 0),
        "sensitive": sum(1 for _, d in g.nodes(data=True) if d.get("sensitive")),
        "disputed": sum(1 for d in claims if d.get("disputed")),
        "labels": dict(sorted(labels.items())),
        "types": dict(sorted(types.items())),
    }


_ENTITY_CORE = frozenset({"node_kind", "label", "name", "aliases", "sensitive", "generic", "sources"})
_EVIDENCE_CORE = frozenset({"source", "quote", "asserted_by", "confidence"})


def corpus_from_graph(g: nx.MultiDiGraph, ontology: Ontology) -> Corpus:
    """The corpus a graph of :func:`build_graph`'s shape stands for (its inverse).

    Exports start from the exit graph (a cut, maybe redacted); this turns it back into
    the model so that every output of the Neo4j shape comes from the one producer,
    :func:`graph.db.shape.corpus_shape`. Claim ids are kept as the graph has them.
    """
    corpus = Corpus()
    nodes = sorted(g.nodes(data=True), key=lambda nd: str(nd[0]))  # one graph, one order, whatever its origin
    for n, d in nodes:
        if d.get("node_kind") == "source":
            corpus.sources[n] = Source(n, str(d.get("title") or d.get("name") or n), d.get("publisher"), d.get("url"),
                                       d.get("published"), d.get("language"))
    for n, d in nodes:
        if d.get("node_kind") == "entity":
            corpus.entities[n] = Entity(
                n, str(d["label"]), str(d.get("name") or n), list(d.get("aliases") or []),
                dict(sorted((k, v) for k, v in d.items() if k not in _ENTITY_CORE)), bool(d.get("sensitive")),
                bool(d.get("generic")), [s for s in d.get("sources") or [] if s in corpus.sources])
    claims = sorted((d["claim_id"], u, v, d) for u, v, d in g.edges(data=True) if d.get("type") != MENTIONS)
    for _, u, v, d in claims:
        predicate = d.get("type")
        rel = ontology.relationships.get(str(predicate))
        key_q = {q: d[q] for q in (rel.key if rel else ()) if q in d}
        evidence = [Evidence(str(ev["source"]), str(ev["quote"]), ev.get("asserted_by"), ev.get("confidence"),
                             dict(sorted((k, val) for k, val in ev.items() if k not in _EVIDENCE_CORE)))
                    for ev in d.get("evidence") or []]
        corpus.claims[d["claim_id"]] = Claim(d["claim_id"], u, str(predicate), v, key_q, evidence)
    return corpus
