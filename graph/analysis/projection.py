"""The graphs that analysis runs on: the entity graph and its one-mode projections.

The **entity graph** is an undirected simple :class:`networkx.Graph` of the entities
of a casegraph graph (sources and ``MENTIONS`` left out): two entities are adjacent
when at least one claim links them, in either direction. Its edge ``weight`` is the
number of independent sources (distinct source keys) behind all the claims between
the two, so a tie that three articles report weighs three times one that a single
article reports, however many quotes each gives. ``claims`` lists the
``(subject, object, claim_id, type)`` of those claims, so every edge leads back to its
evidence.

A **projection** links actors through what they share: co-defendants through cases,
lawyers through clients or cases, members through organisations, participants through
events. Its edge ``weight`` is the number of shared things, ``via`` lists them. The
predicates each projection uses are declared in :data:`PROJECTIONS` and checked
against the ontology, so a renamed relationship type fails loudly here.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for k in ("person:a", "person:b"): g.add_node(k, node_kind="entity", label="Person", name=k)
>>> g.add_node("case:x", node_kind="entity", label="LegalCase", name="X")
>>> _ = g.add_edge("person:a", "case:x", key="c1", type="DEFENDANT_IN", sources=["source:1", "source:2"])
>>> _ = g.add_edge("person:b", "case:x", key="c2", type="DEFENDANT_IN", sources=["source:2"])
>>> e = entity_graph(g)
>>> e.edges["person:a", "case:x"]["weight"]
2
>>> p = project(e, "co-defendants")
>>> list(p.edges(data="via"))
[('person:a', 'person:b', ['case:x'])]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from graph.build import MENTIONS
from graph.errors import CasegraphError
from graph.ontology import Ontology, default_ontology

__all__ = ["Projection", "PROJECTIONS", "ENTITY_GRAPH", "entity_graph", "project", "projection_names",
           "check_projections", "CASE_LABEL", "EVENT_LABEL"]

ENTITY_GRAPH = "entities"
# The ontology labels whose nodes a community "touches" in reports (checked below).
CASE_LABEL = "LegalCase"
EVENT_LABEL = "Event"


@dataclass(frozen=True)
class Projection:
    """Actors linked through shared objects: actor -[predicate]-> object (object labels ``via_labels``)."""

    name: str
    description: str
    predicates: tuple[str, ...]
    via_labels: tuple[str, ...]
    # Predicates whose claim carries the object in a qualifier (DEFENDS names its case in ``case``).
    via_qualifiers: tuple[tuple[str, str], ...] = ()


PROJECTIONS: dict[str, Projection] = {p.name: p for p in (
    Projection("co-defendants", "people and organisations linked through the cases they are defendants in "
               "or accused in", ("DEFENDANT_IN", "ACCUSED_OF"), (CASE_LABEL,)),
    Projection("shared-defence", "defence lawyers linked through the clients they defend and the cases they "
               "are counsel in", ("DEFENDS", "COUNSEL_IN"), ("Person", "Organisation", CASE_LABEL),
               via_qualifiers=(("DEFENDS", "case"),)),
    Projection("co-membership", "people and organisations linked through the organisations they are members "
               "of, lead or work for", ("MEMBER_OF", "LEADS", "WORKS_FOR"), ("Organisation",)),
    Projection("shared-events", "people and organisations linked through the events they took part in or "
               "made statements at", ("PARTICIPANT_IN", "STATES"), (EVENT_LABEL,)),
)}


def projection_names() -> list[str]:
    """The projections users can ask for, in a stable order."""
    return list(PROJECTIONS)


def check_projections(ontology: Ontology | None = None) -> None:
    """Raise if a projection names a predicate or label the ontology does not declare."""
    onto = ontology or default_ontology()
    for p in PROJECTIONS.values():
        for pred in p.predicates:
            if pred not in onto.relationships:
                raise CasegraphError(f"projection '{p.name}': the ontology has no relationship type {pred}")
        for label in (*p.via_labels, CASE_LABEL, EVENT_LABEL):
            if label not in onto.labels:
                raise CasegraphError(f"projection '{p.name}': the ontology has no label {label}")


def _is_entity(attrs: dict[str, Any]) -> bool:
    return attrs.get("node_kind", "entity") == "entity"


def entity_graph(g: nx.MultiDiGraph, exclude_generic: bool = False) -> nx.Graph:
    """The undirected, source-weighted entity graph of a casegraph graph.

    Nodes keep ``label``, ``name``, ``sensitive`` and ``generic``; nodes and edges
    are inserted in sorted order, so the same facts give the same graph (and the
    same seeded results) whether they came from files or from Neo4j.
    """
    keep = sorted(n for n, d in g.nodes(data=True)
                  if _is_entity(d) and not (exclude_generic and d.get("generic")))
    out = nx.Graph()
    out.graph["excluded_generic"] = sorted(
        n for n, d in g.nodes(data=True) if _is_entity(d) and exclude_generic and d.get("generic"))
    for n in keep:
        d = g.nodes[n]
        out.add_node(n, label=str(d.get("label") or ""), name=str(d.get("name") or n),
                     sensitive=bool(d.get("sensitive")), generic=bool(d.get("generic")))
    # One pass over the claims, plain dicts and lists (this runs on 100k-claim graphs).
    pairs: dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str, str]]]] = {}
    kept = set(keep)
    for u, v, k, d in g.edges(keys=True, data=True):
        kind = d.get("type")
        if kind == MENTIONS or u == v or u not in kept or v not in kept:
            continue
        pair = (u, v) if u <= v else (v, u)
        entry = pairs.get(pair)
        if entry is None:
            entry = pairs[pair] = ([], [])
        entry[0].extend(d.get("sources") or ())
        entry[1].append((u, v, str(k), str(kind or "")))
    out.add_edges_from(
        (u, v, {"weight": max(1, len(set(srcs))), "sources": sorted(set(srcs)), "claims": sorted(claims)})
        for (u, v), (srcs, claims) in sorted(pairs.items()))
    return out


def project(entities: nx.Graph, name: str, g: nx.MultiDiGraph | None = None) -> nx.Graph:
    """The projection ``name`` (see :data:`PROJECTIONS`) of an entity graph.

    Actors are the subjects of the projection's claims; two actors are linked when
    they point at the same object. ``g`` (the MultiDiGraph) is needed only for
    projections that read a qualifier (``shared-defence`` reads DEFENDS' ``case``);
    without it those qualifiers are ignored.
    """
    if name not in PROJECTIONS:
        raise CasegraphError(f"unknown projection '{name}' (known: {', '.join(PROJECTIONS)})")
    check_projections()
    spec = PROJECTIONS[name]
    wanted = set(spec.predicates)
    via_labels = set(spec.via_labels)
    qualifier = dict(spec.via_qualifiers)
    actors_of: dict[str, set[str]] = defaultdict(set)  # object -> actors
    for _, _, d in entities.edges(data=True):
        for s, o, k, pred in d.get("claims") or ():
            if pred not in wanted:
                continue
            if entities.nodes[o].get("label") in via_labels:
                actors_of[o].add(s)
            if pred in qualifier and g is not None and g.has_edge(s, o, k):
                extra = g.edges[s, o, k].get(qualifier[pred])
                if isinstance(extra, str) and extra in entities and entities.nodes[extra].get("label") in via_labels:
                    actors_of[extra].add(s)
    out = nx.Graph()
    out.graph.update(entities.graph, projection=name)
    actors = sorted({a for group in actors_of.values() for a in group})
    for a in actors:
        out.add_node(a, **entities.nodes[a])
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for obj in sorted(actors_of):
        # An actor linked to itself through its own client is no tie.
        members = sorted(actors_of[obj] - {obj})
        for a, b in combinations(members, 2):
            links[(a, b)].append(obj)
    for (a, b) in sorted(links):
        via = sorted(links[(a, b)])
        out.add_edge(a, b, weight=len(via), via=via)
    return out
