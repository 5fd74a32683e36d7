"""Every Cypher statement the library runs, by name, in one module.

Values always travel as parameters (``$rows``, ``$keys``, ``$ids``). Labels and
relationship types cannot be parameters, so the few statements that need one are
functions that take it only from the ontology: they assert it is a plain identifier
the ontology declares, and the ontology loader admits nothing else.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # statements are imported on every load; the ontology is read only when one needs it
    from graph.ontology import Ontology

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _label(ontology: Ontology, label: str) -> str:
    if label not in ontology.labels or not _IDENT.match(label):
        raise ValueError(f"not an ontology label: {label!r}")
    return label


def _type(ontology: Ontology, rel_type: str) -> str:
    if rel_type not in ontology.relationships or not _IDENT.match(rel_type):
        raise ValueError(f"not an ontology relationship type: {rel_type!r}")
    return rel_type


# -- schema and housekeeping ------------------------------------------------------------
SHOW_CONSTRAINT_NAMES = "SHOW CONSTRAINTS YIELD name"
SHOW_INDEX_NAMES = "SHOW INDEXES YIELD name"
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"
COUNT_LABELS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"
COUNT_TYPES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"

# -- loading: sources, entities, mentions ---------------------------------------------------
SOURCE_DIGESTS = "UNWIND $keys AS k MATCH (s:Source {key: k}) RETURN s.key AS key, s.digest AS digest"
# How many of the given sources Neo4j holds with the given digest: one number back, not one row per source.
SAME_SOURCE_DIGESTS = ("UNWIND $rows AS row MATCH (s:Source {key: row.key}) WHERE s.digest = row.digest "
                       "RETURN count(s) AS n")
# A read whose only use is the bookmark Neo4j answers it with (Store.stamp).
STAMP_READ = "RETURN 1 AS one"
SET_SOURCE_DIGESTS = "UNWIND $rows AS row MATCH (s:Source {key: row.key}) SET s.digest = row.digest"
LABEL_CONFLICTS = (
    "UNWIND $rows AS row MATCH (n:Entity {key: row.key}) "
    "WHERE NOT row.label IN labels(n) "
    "RETURN row.key AS key, row.label AS want, [l IN labels(n) WHERE l <> 'Entity'] AS have LIMIT 5")
ENTITIES_WITH_MENTIONS = (
    "UNWIND $keys AS k MATCH (n:Entity {key: k}) OPTIONAL MATCH (s:Source)-[:MENTIONS]->(n) "
    "RETURN n.key AS key, properties(n) AS props, collect(s.key) AS sources")
# Whether Neo4j holds sources a load does not know of (graph/db/load.py): every source (Neo4j's
# count store, no scan) against those of the load it holds. When it holds none other, the sources
# that mention an entity need not be listed (a hub's are thousands): they are all the load's.
SOURCE_COUNT = "MATCH (s:Source) RETURN count(s) AS n"
SOURCES_HELD = "UNWIND $keys AS k MATCH (s:Source {key: k}) RETURN count(s) AS n"
ENTITIES_MENTIONED = (
    "UNWIND $keys AS k MATCH (n:Entity {key: k}) WHERE EXISTS { (:Source)-[:MENTIONS]->(n) } "
    "RETURN n.key AS key")
READ_SOURCES = "UNWIND $keys AS k MATCH (s:Source {key: k}) RETURN s.key AS key, properties(s) AS props"
MERGE_SOURCES = "UNWIND $rows AS row MERGE (s:Source {key: row.key}) SET s = row.props"
LOCK_SOURCE_MENTIONS = (
    "UNWIND $sources AS k MATCH (s:Source {key: k}) SET s.key = k WITH s "
    "MATCH (s)-[:MENTIONS]->(n:Entity) RETURN s.key AS s, n.key AS e")
CREATE_MENTIONS = (
    "UNWIND $rows AS row MATCH (s:Source {key: row.s}) MATCH (n:Entity {key: row.e}) "
    "CREATE (s)-[:MENTIONS]->(n)")
DELETE_MENTIONS = "UNWIND $rows AS row MATCH (s:Source {key: row.s})-[m:MENTIONS]->(n:Entity {key: row.e}) DELETE m"
DROP_ORPHANS = (
    "UNWIND $keys AS k MATCH (n:Entity {key: k}) WHERE NOT ()-[:MENTIONS]->(n) "
    "DETACH DELETE n RETURN count(*) AS n")


def merge_entities(ontology: Ontology, label: str) -> str:
    """Lock (or make) entity nodes of one label and read what they hold."""
    return (f"UNWIND $keys AS k MERGE (n:{_label(ontology, label)} {{key: k}}) SET n:Entity, n.key = k "
            "RETURN n.key AS key, properties(n) AS props")


def create_entities(ontology: Ontology, label: str) -> str:
    """Entities taken for new, created whole (one that exists fails the key constraint)."""
    return f"UNWIND $rows AS row CREATE (n:{_label(ontology, label)}:Entity) SET n = row.props"


def set_entities(ontology: Ontology, label: str) -> str:
    return f"UNWIND $rows AS row MATCH (n:{_label(ontology, label)} {{key: row.key}}) SET n = row.props"


# -- loading: claims and evidence -------------------------------------------------------------
CLAIMS_OF_SOURCES = "UNWIND $sources AS s MATCH (e:Evidence {source: s}) RETURN DISTINCT e.claim_id AS claim_id"
EXISTING_CLAIM_IDS = "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id AS id"
LOCK_CLAIMS = "UNWIND $ids AS id MERGE (c:Claim {id: id}) SET c.id = id RETURN c.id AS id, properties(c) AS props"
READ_CLAIMS = "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id AS id, properties(c) AS props"
READ_EVIDENCE_OF_CLAIMS = "UNWIND $ids AS id MATCH (e:Evidence {claim_id: id}) RETURN properties(e) AS props"
# Claims and entities taken for new are CREATEd: should one exist after all, the uniqueness
# constraint fails the statement and the loader redoes the chunk the careful way.
CREATE_FRESH_CLAIMS = "UNWIND $rows AS row CREATE (c:Claim) SET c = row.props"
DELETE_EVIDENCE = "UNWIND $ids AS id MATCH (e:Evidence {id: id}) DETACH DELETE e"
DELETE_CLAIMS = "UNWIND $ids AS id MATCH (c:Claim {id: id}) DETACH DELETE c"
SET_CLAIMS = "UNWIND $rows AS row MATCH (c:Claim {id: row.id}) SET c = row.props"
CREATE_EVIDENCE = (
    "UNWIND $rows AS row MATCH (c:Claim {id: row.claim_id}) MATCH (s:Source {key: row.source}) "
    "CREATE (e:Evidence) SET e = row CREATE (e)-[:SUPPORTS]->(c) CREATE (e)-[:CITES]->(s)")
CREATE_SPEAKERS = (
    "UNWIND $rows AS row MATCH (e:Evidence {id: row.id}) MATCH (p:Entity {key: row.by}) "
    "CREATE (e)-[:ASSERTED_BY]->(p)")
UPDATE_EVIDENCE = (
    "UNWIND $rows AS row MATCH (e:Evidence {id: row.id}) SET e = row "
    "WITH e, row OPTIONAL MATCH (e)-[a:ASSERTED_BY]->() DELETE a "
    "WITH e, row MATCH (p:Entity {key: row.asserted_by}) CREATE (e)-[:ASSERTED_BY]->(p)")


def drop_claim_relationships(ontology: Ontology, rel_type: str) -> str:
    return f"UNWIND $ids AS id MATCH ()-[r:{_type(ontology, rel_type)} {{claim_id: id}}]->() DELETE r"


def update_claims(ontology: Ontology, rel_type: str) -> str:
    return ("UNWIND $rows AS row MATCH (c:Claim {id: row.id}) SET c = row.props WITH row "
            f"MATCH ()-[r:{_type(ontology, rel_type)} {{claim_id: row.id}}]->() SET r = row.rel")


def create_claim_relationships(ontology: Ontology, rel_type: str) -> str:
    # CREATE, not MERGE: the claim had no relationship, and MERGE would scan every
    # relationship of a hub node.
    return ("UNWIND $rows AS row MATCH (s:Entity {key: row.s}) MATCH (o:Entity {key: row.o}) "
            f"CREATE (s)-[r:{_type(ontology, rel_type)}]->(o) SET r = row.rel")


# -- the benchmark's write floor: the same elements by bare CREATE (no diff, lock or read) ------
FLOOR_CREATE_SOURCES = "UNWIND $rows AS row CREATE (s:Source) SET s = row"
FLOOR_CREATE_CLAIMS = "UNWIND $rows AS row CREATE (c:Claim) SET c = row"


def floor_create_entities(ontology: Ontology, label: str) -> str:
    return f"UNWIND $rows AS row CREATE (n:{_label(ontology, label)}:Entity) SET n = row"


# -- the bulk load (graph/db/bulk.py): what the import tool cannot write ------------------------
_BULK_MATCH = {"source": "MATCH (n:Source {key: row.id})", "entity": "MATCH (n:Entity {key: row.id})",
               "claim": "MATCH (n:Claim {id: row.id})", "evidence": "MATCH (n:Evidence {id: row.id})"}
BULK_COUNT_NODES = "MATCH (n) RETURN count(n) AS n"
BULK_OTHER_TRANSACTIONS = (
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery, database "
    "WHERE database = $db AND NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n")


def bulk_set_empty_lists(ontology: Ontology, what: str) -> str:
    """Set empty list properties (``$rows`` of ``{id, props}``) on nodes of an id space
    (``source``, ``entity``, ``claim``, ``evidence``) or on claim relationships (``rel:<TYPE>``)."""
    if what.startswith("rel:"):
        match = f"MATCH ()-[n:{_type(ontology, what[4:])} {{claim_id: row.id}}]->()"
    else:
        match = _BULK_MATCH[what]
    return f"UNWIND $rows AS row {match} SET n += row.props"


# -- reading back -------------------------------------------------------------------------------
ALL_SOURCES = "MATCH (s:Source) RETURN properties(s) AS props"
ALL_ENTITIES = (
    "MATCH (n:Entity) OPTIONAL MATCH (s:Source)-[:MENTIONS]->(n) "
    "RETURN properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, "
    "collect(s.key) AS sources")
ALL_CLAIMS = (
    "MATCH (c:Claim) OPTIONAL MATCH (c)<-[:SUPPORTS]-(e:Evidence) "
    "RETURN properties(c) AS claim, collect(properties(e)) AS evidence")
ENTITY_EXISTS = "MATCH (n:Entity {key: $key}) RETURN n.key AS key"
NEIGHBOUR_KEYS = (
    "UNWIND $keys AS k MATCH (c:Claim) WHERE c.subject = k OR c.object = k "
    "RETURN DISTINCT CASE WHEN c.subject = k THEN c.object ELSE c.subject END AS key")
CLAIM_ENDPOINTS = "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.subject AS s, c.object AS o"
ENTITIES_BY_KEY = (
    "UNWIND $keys AS k MATCH (n:Entity {key: k}) OPTIONAL MATCH (s:Source)-[:MENTIONS]->(n) "
    "RETURN properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, "
    "collect(s.key) AS sources")
CLAIMS_AMONG = (
    "UNWIND $keys AS k MATCH (c:Claim {subject: k}) WHERE c.object IN $keys "
    "OPTIONAL MATCH (c)<-[:SUPPORTS]-(e:Evidence) "
    "RETURN properties(c) AS claim, collect(properties(e)) AS evidence")
CLAIMS_BY_ID = (
    "UNWIND $ids AS id MATCH (c:Claim {id: id}) OPTIONAL MATCH (c)<-[:SUPPORTS]-(e:Evidence) "
    "RETURN properties(c) AS claim, collect(properties(e)) AS evidence")
ENTITY_NAMES = (
    "MATCH (n:Entity) RETURN n.key AS key, n.name AS name, coalesce(n.aliases, []) AS aliases, "
    "[l IN labels(n) WHERE l <> 'Entity'][0] AS label")

# -- the Cypher script export (graph/exporters/cypher.py) ----------------------------------------
# A script for cypher-shell has no parameters: the exporter puts each batch of rows in as
# an escaped literal list before the body (`UNWIND [...] AS row <body>`). Every write
# MERGEs on a label or type backed by a uniqueness constraint, so a second run changes nothing.
_SCRIPT_MATCH = {"source": "(a:Source {key: row.s})", "entity": "(a:Entity {key: row.s})",
                 "claim": "(a:Claim {id: row.s})", "evidence": "(a:Evidence {id: row.s})"}
_SHAPE_TYPES = frozenset({"MENTIONS", "SUPPORTS", "CITES", "ASSERTED_BY"})


def script_merge_nodes(ontology: Ontology, labels: list[str]) -> str:
    """Nodes of one label set (``[Person, Entity]``, ``[Source]``, ``[Claim]``, ``[Evidence]``)
    from rows that are their property maps, merged on the first label's constrained id."""
    first, rest = labels[0], labels[1:]
    if first not in ("Source", "Claim", "Evidence"):
        _label(ontology, first)
    if any(extra != "Entity" for extra in rest):
        raise ValueError(f"not a shape label set: {labels!r}")
    id_name = "id" if first in ("Claim", "Evidence") else "key"
    extra = "".join(f", n:{label}" for label in rest)
    return f"MERGE (n:{first} {{{id_name}: row.{id_name}}}) SET n = row{extra}"


def script_merge_relationships(ontology: Ontology, rel_type: str, start: str, end: str, with_props: bool) -> str:
    """Relationships of one type from rows ``{s, o}`` (``{s, o, props}`` for a claim's,
    merged on its constrained ``claim_id``); ``start``/``end`` are id spaces of the shape."""
    if rel_type not in _SHAPE_TYPES:
        _type(ontology, rel_type)
    match = f"MATCH {_SCRIPT_MATCH[start]} MATCH {_SCRIPT_MATCH[end].replace('(a:', '(b:').replace('row.s', 'row.o')} "
    if with_props:
        return match + f"MERGE (a)-[r:{rel_type} {{claim_id: row.props.claim_id}}]->(b) SET r = row.props"
    return match + f"MERGE (a)-[:{rel_type}]->(b)"


# -- a failed load takes back the sources it added (Store.load) --------------------------------
DELETE_SOURCES = "UNWIND $keys AS k MATCH (s:Source {key: k}) DETACH DELETE s"

# -- running people's Cypher (graph/db/query.py): Ctrl-C ends this run's own transaction ------
TRANSACTIONS_WITH_TOKEN = (
    "SHOW TRANSACTIONS YIELD transactionId AS id, metaData WHERE metaData.casegraph_run = $token RETURN id")
TERMINATE_TRANSACTIONS = "TERMINATE TRANSACTIONS $ids"
# -- the local server's health (graph/db/server.py) ----------------------------------------------
SERVER_DATABASES = "SHOW DATABASES YIELD name, currentStatus, requestedStatus, statusMessage"
SERVER_PING = "RETURN 1 AS ok"
# Clearing a big graph: relationships first, then the bare nodes, each in bounded batches
# (DETACH DELETE of a hub node would hold all its relationships in one transaction).
DELETE_ALL_RELATIONSHIPS = "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
DELETE_ALL_NODES = "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS"

# -- the investigation app (graph/db/explore.py, casegraph serve) -----------------------------
# Walks go through the claim relationships from an entity node (found by its key constraint),
# never through a label scan of :Claim.
EXPLORE_ENTITY_INDEX = (
    "MATCH (n:Entity) RETURN n.key AS key, n.name AS name, coalesce(n.aliases, []) AS aliases, "
    "[l IN labels(n) WHERE l <> 'Entity'][0] AS label, coalesce(n.sensitive, false) AS sensitive")
# What changes when the data does (a load rewrites the digests of the sources it touched):
# counts from the count store and the sources' digests, cheap enough to ask every few seconds.
EXPLORE_FINGERPRINT = (
    "CALL () { MATCH (n:Entity) RETURN count(n) AS entities } "
    "CALL () { MATCH ()-[r]->() RETURN count(r) AS ties } "
    "CALL () { MATCH (s:Source) RETURN count(s) AS sources, collect(s.digest) AS digests } "
    "RETURN entities, ties, sources, digests")
# An entity for its panel: the most recent of the sources that mention it (a hub's thousands are
# counted in the server, not streamed to the app), and how many there are.
EXPLORE_ENTITY = (
    "MATCH (n:Entity {key: $key}) "
    "CALL (n) { OPTIONAL MATCH (s:Source)-[:MENTIONS]->(n) WITH s ORDER BY s.published IS NULL, s.published DESC, "
    "s.key WITH collect(properties(s)) AS found RETURN found[..$limit] AS sources, size(found) AS total } "
    "RETURN properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, sources, total")
# A read that reads nothing: its bookmark is the version of the data now (graph/db/explore.py).
EXPLORE_PING = "RETURN 1 AS ok"
# Search candidates from the full-text index on names and aliases (graph/schema.py): the
# Lucene query is a parameter, built from escaped words (graph/db/explore_search.py).
EXPLORE_FULLTEXT = (
    "CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit}) YIELD node, score "
    "RETURN node.key AS key, score")
# One page of an entity's neighbours by evidence, and how many there are (a hub's thousands
# are counted in the server, not streamed to the app).
EXPLORE_NEIGHBOURS = (
    "MATCH (:Entity {key: $key})-[r]-(m:Entity) WHERE r.claim_id IS NOT NULL "
    "WITH m.key AS key, sum(size(coalesce(r.sources, []))) AS evidence, count(r) AS claims "
    "ORDER BY evidence DESC, claims DESC, key "
    "WITH collect({key: key, evidence: evidence}) AS ranked "
    "RETURN ranked[$offset..$offset + $limit] AS page, size(ranked) AS total")
EXPLORE_TIMELINE = (
    "MATCH (:Entity {key: $key})-[r]-(:Entity) WHERE r.claim_id IS NOT NULL "
    "WITH DISTINCT r.claim_id AS id, coalesce(r.date, r.start) AS day "
    "RETURN id ORDER BY day IS NULL, day, id LIMIT $limit")
# A case's timeline: the events tied to it by a claim (PART_OF, LINKED_TO), then the claims
# of the case and of those events, dated first.
EXPLORE_CASE_EVENTS = (
    "MATCH (:Entity {key: $key})-[r]-(e:Event) WHERE r.claim_id IS NOT NULL "
    "RETURN DISTINCT e.key AS key ORDER BY key LIMIT $limit")
EXPLORE_CLAIMS_OF = (
    "UNWIND $keys AS k MATCH (:Entity {key: k})-[r]-(:Entity) WHERE r.claim_id IS NOT NULL "
    "WITH DISTINCT r.claim_id AS id, coalesce(r.date, r.start) AS day "
    "RETURN id ORDER BY day IS NULL, day, id LIMIT $limit")
# Entities without the sources that mention them (a hub is mentioned by thousands): for the
# answers that show only names (canvas, evidence, timelines).
EXPLORE_ENTITIES = (
    "UNWIND $keys AS k MATCH (n:Entity {key: k}) "
    "RETURN properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, [] AS sources")
EXPLORE_NEIGHBOUR_KEYS = (
    "UNWIND $keys AS k MATCH (:Entity {key: k})-[r]-(m:Entity) WHERE r.claim_id IS NOT NULL "
    "RETURN DISTINCT m.key AS key")
EXPLORE_CLAIMS_AMONG = (
    "UNWIND $keys AS k MATCH (:Entity {key: k})-[r]->(b:Entity) WHERE r.claim_id IS NOT NULL AND b.key IN $keys "
    "MATCH (c:Claim {id: r.claim_id}) OPTIONAL MATCH (c)<-[:SUPPORTS]-(e:Evidence) "
    "RETURN properties(c) AS claim, collect(properties(e)) AS evidence")

__all__ = sorted({name for name in globals() if name.isupper() and not name.startswith("_")} | {
    "merge_entities", "create_entities", "script_merge_nodes", "script_merge_relationships", "set_entities", "bulk_set_empty_lists", "floor_create_entities", "drop_claim_relationships", "update_claims", "create_claim_relationships"})
