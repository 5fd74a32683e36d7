"""Reading the graph back from Neo4j into the NetworkX shape :func:`graph.build.build_graph` makes.

Files -> Neo4j -> NetworkX equals files -> NetworkX, evidence included (tested), so
analysis, views and exports work the same from either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import neo4j
from neo4j import ManagedTransaction

from graph.build import MENTIONS, edge_attrs, entity_node_attrs, source_node_attrs
from graph.db import statements as S
from graph.db.query import DEFAULT_TIMEOUT, run_query
from graph.db.rows import claim_from_props, entity_from_props, evidence_dict
from graph.errors import StoreError, preview
from graph.model import Source
from graph.resolve import EntityResolver

if TYPE_CHECKING:  # networkx is imported where a graph is read: loading needs none
    import networkx as nx

    from graph.db.store import Store

__all__ = ["Reader"]

_CLAIM_ID = re.compile(r"claim:[0-9a-f]+")  # graph.model.claim_id: "claim:" and a hex digest
_KEY_SHAPE = re.compile(r"[a-z][a-z0-9]*:[a-z0-9][a-z0-9._-]*")  # prefix:lower-case-slug, as the loader checks


class Reader:
    """Read-back over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def read_graph(self) -> nx.MultiDiGraph:
        """The whole graph, in the shape :func:`graph.build.build_graph` makes."""
        import networkx as nx

        def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
            g = nx.MultiDiGraph()
            sources = [dict(r["props"]) for r in tx.run(S.ALL_SOURCES)]
            entities = list(tx.run(S.ALL_ENTITIES))
            self.add_nodes(g, sources, entities)
            claims = tx.run(S.ALL_CLAIMS)
            self.add_claims(g, claims)
            return g
        return self.store.execute_read(work)

    def read_neighbourhood(self, key: str, depth: int = 1) -> nx.MultiDiGraph:
        """A focus entity with every entity within ``depth`` claim hops, and the claims among them.

        ``key`` may also be a name or an alias in any script (:mod:`graph.resolve`); an
        ambiguous or unknown one is a one-line error with the candidates.
        """
        if depth < 0:
            raise StoreError(f"depth must be 0 or more, not {depth}")

        def work(tx: ManagedTransaction) -> list[str]:
            nonlocal key
            if tx.run(S.ENTITY_EXISTS, key=key).single() is None:
                resolver = EntityResolver((r["key"], r["name"] or r["key"], r["aliases"], r["label"] or "")
                                          for r in tx.run(S.ENTITY_NAMES))
                found = resolver.matches(key)
                if len(found) != 1:
                    if found:
                        resolver.resolve(key)  # raises: ambiguous, with the candidates
                    close = resolver.closest(key)
                    raise StoreError(f"no entity {preview(key)} in Neo4j"
                                     + (f"; closest: {', '.join(close)}" if close else ""))
                key = found[0]
            seen = {key}
            frontier = [key]
            for _ in range(depth):
                if not frontier:
                    break
                nxt = {r["key"] for r in tx.run(S.NEIGHBOUR_KEYS, keys=frontier)} - seen
                seen |= nxt
                frontier = sorted(nxt)
            return sorted(seen)

        keys = self.store.execute_read(work)
        return self._subgraph(keys)

    def read_cypher(self, query: str, parameters: dict[str, Any] | None = None,
                    timeout: float | None = DEFAULT_TIMEOUT) -> nx.MultiDiGraph:
        """Run a read-only Cypher query; the entities and claim relationships it returns,
        with their evidence, become the graph.

        The query goes through the read-only guard of :func:`graph.db.query.run_query`
        (refused whole if it writes, loads CSV, calls a procedure outside the allow-list...).
        """
        result = run_query(self.store.driver, query, parameters, database=self.store.database, timeout=timeout)
        keys: set[str] = set()
        claim_ids: set[str] = set()
        prefixes = tuple(f"{label.key_prefix}:" for label in self.store.ontology.labels.values())
        for row in result.rows:
            for value in row:
                _collect_graph_values(value, keys, claim_ids, prefixes)
        # Keys alone (a saved query that returns names and keys): the claims among them.
        return self._subgraph(sorted(keys), claim_ids=claim_ids or None)

    def _subgraph(self, keys: list[str], claim_ids: set[str] | None = None) -> nx.MultiDiGraph:
        import networkx as nx

        def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
            g = nx.MultiDiGraph()
            wanted = set(keys)
            if claim_ids:
                wanted |= {k for r in tx.run(S.CLAIM_ENDPOINTS, ids=sorted(claim_ids)) for k in (r["s"], r["o"])}
            entities = list(tx.run(S.ENTITIES_BY_KEY, keys=sorted(wanted)))
            self.add_nodes(g, [], entities)
            if claim_ids is None:
                claims = tx.run(S.CLAIMS_AMONG, keys=keys)
            else:
                claims = tx.run(S.CLAIMS_BY_ID, ids=sorted(claim_ids))
            self.add_claims(g, claims, only_nodes=set(keys) if claim_ids is None else None)
            return g
        return self.store.execute_read(work)

    @staticmethod
    def add_nodes(g: nx.MultiDiGraph, sources: list[dict[str, Any]], entities: Iterable[Any]) -> None:
        """Add source nodes (``sources``: their Neo4j properties) and entity nodes (``entities``:
        records with ``props``, ``label`` and ``sources``) to ``g`` as :func:`graph.build.build_graph`
        makes them, in key order; with sources given, their mention edges too."""
        for props in sorted(sources, key=lambda p: p["key"]):
            # Only the fields casegraph writes: a property added by hand in Neo4j is not a source field.
            fields = {k: props.get(k) for k in ("publisher", "url", "published", "language")}
            source = Source(key=props["key"], title=props.get("title", props["key"]), **fields)
            g.add_node(source.key, **source_node_attrs(source))
        rows = sorted(entities, key=lambda r: r["props"]["key"])
        for r in rows:
            entity = entity_from_props(dict(r["props"]), r["label"], r["sources"])
            g.add_node(entity.key, **entity_node_attrs(entity))
        if sources:
            for r in rows:
                for s in sorted(r["sources"]):
                    g.add_edge(s, r["props"]["key"], key=f"mentions:{s}", type=MENTIONS)

    @staticmethod
    def add_claims(g: nx.MultiDiGraph, records: Iterable[Any], only_nodes: set[str] | None = None) -> None:
        """Add each claim (records with ``claim`` properties and its ``evidence``) as an edge of ``g``
        with its evidence, when both its ends are nodes of ``g`` (and of ``only_nodes``, if given)."""
        rows = sorted(((dict(r["claim"]), [dict(e) for e in r["evidence"]]) for r in records),
                      key=lambda x: x[0]["id"])
        for cprops, evidence in rows:
            claim = claim_from_props(cprops)
            if only_nodes is not None and (claim.subject not in only_nodes or claim.object not in only_nodes):
                continue
            if claim.subject not in g or claim.object not in g:
                continue
            g.add_edge(claim.subject, claim.object, key=claim.id,
                       **edge_attrs(claim.predicate, claim.id, claim.key_qualifiers,
                                    (evidence_dict(e) for e in evidence if e)))



def _collect_graph_values(value: Any, keys: set[str], claim_ids: set[str], prefixes: tuple[str, ...] = ()) -> None:
    """Find entities and claim relationships in a query result value (nodes, paths, lists),
    and entity keys and claim ids returned as text (``person:...``, ``claim:...``)."""
    if isinstance(value, str):
        # Only key-shaped text: a name or quote that happens to begin "case: ..." is not a key.
        if _CLAIM_ID.fullmatch(value):
            claim_ids.add(value)
        elif prefixes and value.startswith(prefixes) and _KEY_SHAPE.fullmatch(value):
            keys.add(value)
    elif isinstance(value, neo4j.graph.Node):
        if "Entity" in value.labels and "key" in value:
            keys.add(value["key"])
    elif isinstance(value, neo4j.graph.Relationship):
        if "claim_id" in value:
            claim_ids.add(value["claim_id"])
            for node in (value.start_node, value.end_node):
                if node is not None:
                    _collect_graph_values(node, keys, claim_ids, prefixes)
    elif isinstance(value, neo4j.graph.Path):
        for node in value.nodes:
            _collect_graph_values(node, keys, claim_ids, prefixes)
        for rel in value.relationships:
            _collect_graph_values(rel, keys, claim_ids, prefixes)
    elif isinstance(value, list):
        for item in value:
            _collect_graph_values(item, keys, claim_ids, prefixes)
    elif isinstance(value, dict):
        for item in value.values():
            _collect_graph_values(item, keys, claim_ids, prefixes)


