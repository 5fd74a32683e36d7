"""The Neo4j store: idempotent, batched loading and reading back into NetworkX.

Shape in Neo4j (documented in the README, "Provenance in Neo4j"):

* ``(:Entity:<Label> {key, name, aliases, sensitive, generic, ...attributes})``
* ``(:Source {key, title, publisher, url, published, language})``
  and ``(:Source)-[:MENTIONS]->(:Entity)`` for each entity a source declares.
* Every claim is a direct relationship ``(subject)-[:<TYPE> {claim_id, ...}]->(object)``
  for traversal, carrying its identifying qualifiers, a summary of the evidence
  (``sources``, ``date``/``start``/``end``, ``disputed``), and a
  ``(:Claim {id, predicate, subject, object, ...})`` node that evidence hangs from:
  ``(:Evidence {id, claim_id, source, quote, asserted_by, date, ...})-[:SUPPORTS]->(:Claim)``,
  ``(:Evidence)-[:CITES]->(:Source)``, ``(:Evidence)-[:ASSERTED_BY]->(:Entity)``.

Loading is a diff: casegraph reads what Neo4j holds for the sources and claims
being loaded, and writes only what changed, so a reload of unchanged files writes
nothing. Claims are processed in chunks, each in one managed (retried) write
transaction that first locks the Claim nodes Neo4j holds, so concurrent loads of
overlapping files serialise on the claims they share instead of duplicating them.
Claims Neo4j did not hold a moment before are created with MERGE without that
lock-and-read pass; should one exist after all, the chunk is rolled back and redone.

Every value travels as a parameter. Labels and relationship types are spliced into
Cypher text only from the ontology (whose loader admits only plain identifiers).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import neo4j
import networkx as nx
from neo4j import GraphDatabase, ManagedTransaction
from neo4j import exceptions as neo4j_errors

from graph.build import (
    MENTIONS,
    edge_attrs,
    entity_node_attrs,
    source_node_attrs,
)
from graph.errors import StoreError, article
from graph.model import Claim, Corpus, Entity, Evidence, evidence_id
from graph.ontology import Ontology, default_ontology
from graph.schema import schema_statements
from graph.settings import Settings, get_settings

__all__ = ["Store", "LoadSummary", "Counts", "CHUNK_SIZE", "connect"]

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
CHUNK_SIZE = 5000  # claims per write transaction
MENTION_GROUP = 1000  # sources whose MENTIONS one write transaction syncs
WORKERS = 2  # concurrent write transactions (claims are locked, so chunks cannot collide)
ENTITY_CORE = ("key", "name", "aliases", "sensitive", "generic")
EVIDENCE_CORE = ("id", "claim_id", "source", "quote")


def _counter() -> defaultdict[str, int]:
    return defaultdict(int)


@dataclass
class Counts:
    """Things created, updated, removed and left unchanged, by kind."""

    created: defaultdict[str, int] = field(default_factory=_counter)
    updated: defaultdict[str, int] = field(default_factory=_counter)
    removed: defaultdict[str, int] = field(default_factory=_counter)
    unchanged: defaultdict[str, int] = field(default_factory=_counter)

    def add(self, other: Counts) -> None:
        for what in ("created", "updated", "removed", "unchanged"):
            mine = getattr(self, what)
            for kind, n in getattr(other, what).items():
                mine[kind] += n


@dataclass
class LoadSummary(Counts):
    """What a load did, by kind of thing, and where its time went."""

    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(self.updated.values()) or any(self.removed.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        kinds = ("sources", "entities", "mentions", "claims", "evidence")
        return {
            what: {k: int(getattr(self, what).get(k, 0)) for k in kinds}
            for what in ("created", "updated", "removed", "unchanged")
        }


@dataclass
class _ClaimPlan:
    """What one chunk of claims needs written, and the counts that follow from it."""

    counts: Counts = field(default_factory=Counts)
    new_claims: defaultdict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    changed_claims: defaultdict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    drop_claims: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    new_evidence: list[dict[str, Any]] = field(default_factory=list)
    changed_evidence: list[dict[str, Any]] = field(default_factory=list)
    drop_evidence: list[str] = field(default_factory=list)

    @property
    def writes(self) -> bool:
        return bool(self.new_claims or self.changed_claims or self.drop_claims or self.new_evidence
                    or self.changed_evidence or self.drop_evidence)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j has no null properties: drop None."""
    return {k: v for k, v in props.items() if v is not None}


def _evidence_props(claim: Claim, ev: Evidence) -> dict[str, Any]:
    return _clean({
        "id": evidence_id(claim.id, ev.source),
        "claim_id": claim.id,
        "source": ev.source,
        "quote": ev.quote,
        "asserted_by": ev.asserted_by,
        "confidence": ev.confidence,
        **ev.qualifiers,
    })


def _evidence_dict(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j Evidence properties back to the evidence dict of the NetworkX edge."""
    return {k: v for k, v in props.items() if k not in ("id", "claim_id")}


class Store:
    """A connection to one Neo4j database, with casegraph's reads and writes."""

    def __init__(self, driver: neo4j.Driver, uri: str, database: str | None = None,
                 ontology: Ontology | None = None) -> None:
        self.driver = driver
        self.uri = uri
        self.database = database
        self.ontology = ontology or default_ontology()
        self._schema_ready = False

    # -- connection ---------------------------------------------------------------
    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str | None = None,
                ontology: Ontology | None = None, retry_seconds: float = 60.0) -> Store:
        """Open a driver and check that the server answers and accepts the credentials.

        ``retry_seconds`` bounds how long a write is retried on transient errors
        (deadlocks between concurrent loads, a leader switch in a cluster).
        """
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if scheme not in BOLT_SCHEMES:
            raise StoreError(f"bad Neo4j URI '{uri}': expected one of {', '.join(s + '://' for s in BOLT_SCHEMES)}")
        try:
            driver = GraphDatabase.driver(
                uri, auth=(user, password), max_transaction_retry_time=retry_seconds,
                notifications_min_severity="OFF",
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise StoreError(f"bad Neo4j URI '{uri}': {exc}") from None
        store = cls(driver, uri, database, ontology)
        with store._errors():
            driver.verify_connectivity()
        return store

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn driver errors into one-line StoreErrors (never with credentials)."""
        try:
            yield
        except neo4j_errors.AuthError:
            raise StoreError(f"Neo4j at {self.uri} refused the user name or password") from None
        except neo4j_errors.ServiceUnavailable as exc:
            raise StoreError(f"cannot reach Neo4j at {self.uri} ({_first_line(exc)})") from None
        except neo4j_errors.SessionExpired as exc:
            raise StoreError(f"lost the connection to Neo4j at {self.uri} ({_first_line(exc)})") from None
        except neo4j_errors.CypherSyntaxError as exc:
            raise StoreError(f"Cypher syntax error: {_first_line(exc)}") from None
        except neo4j_errors.Neo4jError as exc:
            raise StoreError(f"Neo4j error {exc.code}: {_first_line(exc)}") from None
        except neo4j_errors.DriverError as exc:
            raise StoreError(f"Neo4j driver error talking to {self.uri}: {_first_line(exc)}") from None
        except OSError as exc:
            raise StoreError(f"connection to Neo4j at {self.uri} failed: {exc}") from None

    def _session(self, read: bool = False) -> neo4j.Session:
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self.driver.session(database=self.database, default_access_mode=mode)

    def _write(self, fn: Callable[[ManagedTransaction], Any]) -> Any:
        with self._errors(), self._session() as session:
            return session.execute_write(fn)

    def _read(self, fn: Callable[[ManagedTransaction], Any]) -> Any:
        with self._errors(), self._session(read=True) as session:
            return session.execute_read(fn)

    # -- schema and housekeeping ----------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the ontology's constraints and indexes if missing, and wait for them."""
        if self._schema_ready:
            return
        with self._errors(), self._session() as session:
            have = {r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name")}
            have |= {r["name"] for r in session.run("SHOW INDEXES YIELD name")}
            missing = [s for s in schema_statements(self.ontology) if s.split()[2] not in have]
            for statement in missing:
                session.run(statement).consume()
            if missing:
                session.run("CALL db.awaitIndexes(300)").consume()
        self._schema_ready = True

    def clear(self) -> None:
        """Delete every node and relationship (the schema stays)."""
        with self._errors(), self._session() as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

    def counts(self) -> dict[str, int]:
        """Node counts by label and relationship counts by type (for summaries and tests)."""
        def work(tx: ManagedTransaction) -> dict[str, int]:
            out: dict[str, int] = {}
            for rec in tx.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"):
                out[rec["label"]] = rec["n"]
            for rec in tx.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"):
                out[rec["type"]] = rec["n"]
            return out
        return dict(self._read(work))

    # -- loading --------------------------------------------------------------------
    def load(self, corpus: Corpus, progress: bool = False, chunk_size: int = CHUNK_SIZE,
             workers: int = WORKERS, full: bool = False) -> LoadSummary:
        """Load a validated corpus; idempotent, and a reload replaces what its sources say.

        For every source in the corpus, evidence that source no longer gives is
        removed; a claim disappears when no source supports it any more; an entity
        disappears when no source mentions it any more.

        Sources whose digest in Neo4j says they are loaded as they are now are skipped;
        ``full`` checks everything against the database instead (after someone edited
        the database by hand, say).
        """
        summary = LoadSummary()
        clock = time.perf_counter()

        def lap(phase: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            summary.seconds[phase] = summary.seconds.get(phase, 0.0) + now - clock
            clock = now

        self.ensure_schema()
        self._check_labels(corpus)
        # A source whose digest in Neo4j matches is loaded exactly as it is now: skip it.
        # The digest is written last, so a load that died half-way is redone.
        digests = _source_digests(corpus)
        stored = self._read(lambda tx: {r["key"]: r["digest"] for r in tx.run(
            "UNWIND $keys AS k MATCH (s:Source {key: k}) RETURN s.key AS key, s.digest AS digest",
            keys=sorted(digests))})
        source_keys = sorted(k for k in digests if full or stored.get(k) != digests[k])
        dirty = frozenset(source_keys)
        clean = Counts()
        clean.unchanged["sources"] = len(digests) - len(dirty)
        for entity in corpus.entities.values():
            clean.unchanged["mentions"] += sum(1 for s in entity.sources if s not in dirty)
        entity_keys = sorted(k for k, e in corpus.entities.items() if dirty.intersection(e.sources))
        clean.unchanged["entities"] = len(corpus.entities) - len(entity_keys)
        claim_keys = set()
        for cid, claim in corpus.claims.items():
            if any(ev.source in dirty for ev in claim.evidence):
                claim_keys.add(cid)
            else:
                clean.unchanged["claims"] += 1
                clean.unchanged["evidence"] += len(claim.evidence)
        summary.add(clean)
        lap("schema and checks")
        if not dirty:
            return summary

        summary.add(self._write(partial(self._load_sources, corpus=corpus, keys=source_keys)))
        for counts in _parallel(workers, lambda keys: self._write(partial(self._load_entities, corpus=corpus, keys=keys)),
                                list(_chunks(entity_keys, chunk_size))):
            summary.add(counts)
        lap("entities")
        # Sources in groups, two transactions at a time (each locks its own sources).
        mentions_of: dict[str, list[str]] = defaultdict(list)
        for entity in corpus.entities.values():
            for s in entity.sources:
                mentions_of[s].append(entity.key)
        lost_mentions: set[str] = set()
        for counts, lost in _parallel(workers, lambda group: self._write(partial(
                self._sync_mentions, mentions_of=mentions_of, sources=group)), list(_chunks(source_keys, MENTION_GROUP))):
            summary.add(counts)
            lost_mentions |= lost
        lap("mentions")

        # Claims this load touches: its own, plus those its sources supported before.
        stale = self._read(lambda tx: [
            r["claim_id"] for r in tx.run(
                "UNWIND $sources AS s MATCH (e:Evidence {source: s}) RETURN DISTINCT e.claim_id AS claim_id",
                sources=source_keys,
            )
        ])
        touched = sorted(claim_keys | set(stale))
        loaded = frozenset(corpus.sources)
        chunks = list(_chunks(touched, chunk_size))
        # A chunk whose claims Neo4j already holds as they are costs one read and no
        # lock; a first load skips that read once it has seen a chunk that needed writes.
        expect_writes = threading.Event()

        def do_chunk(chunk: list[str]) -> Counts:
            if not expect_writes.is_set():
                plan = self._read(partial(self._plan_claims, corpus=corpus, ids=chunk, loaded=loaded, lock=False))
                if not plan.writes:
                    return plan.counts
                expect_writes.set()
            # Claims Neo4j does not hold yet are created without locking and reading them
            # first. Should another load create one of them meanwhile, that transaction
            # is rolled back and the chunk is redone the careful way.
            fresh = self._read(partial(_missing_claims, ids=chunk))
            try:
                plan = self._write(partial(self._write_claims, corpus=corpus, ids=chunk, loaded=loaded, fresh=fresh))
            except _Raced:
                plan = self._write(partial(self._write_claims, corpus=corpus, ids=chunk, loaded=loaded))
            return plan.counts

        with _progress(progress, len(touched)) as advance:
            for chunk, counts in zip(chunks, _parallel(workers, do_chunk, chunks), strict=True):
                summary.add(counts)
                advance(len(chunk))
        lap("claims")
        summary.add(self._write(partial(self._drop_orphans, keys=sorted(lost_mentions))))
        self._write(lambda tx: tx.run(
            "UNWIND $rows AS row MATCH (s:Source {key: row.key}) SET s.digest = row.digest",
            rows=[{"key": k, "digest": digests[k]} for k in source_keys]).consume())
        lap("orphans")
        return summary

    def _check_labels(self, corpus: Corpus) -> None:
        """Refuse the load whole if an entity key is already in Neo4j under another label."""
        rows = [{"key": e.key, "label": e.label} for e in corpus.entities.values()]

        def work(tx: ManagedTransaction) -> list[str]:
            res = tx.run(
                "UNWIND $rows AS row MATCH (n:Entity {key: row.key}) "
                "WHERE NOT row.label IN labels(n) "
                "RETURN row.key AS key, row.label AS want, [l IN labels(n) WHERE l <> 'Entity'] AS have LIMIT 5",
                rows=rows,
            )
            return [f"'{r['key']}' is {article(r['want'])} in the files but {article('/'.join(r['have']))} in Neo4j"
                    for r in res]

        conflicts = self._read(work)
        if conflicts:
            raise StoreError("; ".join(conflicts) + "; nothing was loaded")

    # Each step below runs inside a managed transaction that the driver may retry, so
    # it returns its counts instead of adding them to the summary itself.
    def _load_sources(self, tx: ManagedTransaction, corpus: Corpus, keys: list[str]) -> Counts:
        counts = Counts()
        existing = {r["key"]: _without(r["props"], "digest") for r in tx.run(
            "UNWIND $keys AS k MATCH (s:Source {key: k}) RETURN s.key AS key, properties(s) AS props", keys=keys)}
        rows = []
        for key in keys:
            props = {"key": key, **corpus.sources[key].properties()}
            have = existing.get(key)
            if have == props:
                counts.unchanged["sources"] += 1
                continue
            (counts.updated if have is not None else counts.created)["sources"] += 1
            rows.append({"key": key, "props": props})
        if rows:
            tx.run("UNWIND $rows AS row MERGE (s:Source {key: row.key}) SET s = row.props", rows=rows).consume()
        return counts

    def _load_entities(self, tx: ManagedTransaction, corpus: Corpus, keys: list[str]) -> Counts:
        """Write entities, merged with what Neo4j holds (names from other sources, protection).

        Each entity is locked before it is read (MERGE makes a bare node for a new one, a
        same-value write locks an existing one), so a concurrent load of the same entity
        waits and then merges with this one's names and ``sensitive`` flag instead of
        overwriting them.
        """
        counts = Counts()
        by_label: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            by_label[corpus.entities[key].label].append(key)
        existing: dict[str, dict[str, Any]] = {}
        for label, label_keys in sorted(by_label.items()):
            assert label in self.ontology.labels  # validated; never user text in Cypher
            for r in tx.run(f"UNWIND $keys AS k MERGE (n:{label} {{key: k}}) SET n:Entity, n.key = k "
                            "RETURN n.key AS key, properties(n) AS props", keys=label_keys):
                if len(r["props"]) > 1:  # a node MERGE just made holds only its key
                    existing[r["key"]] = dict(r["props"])
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for key in keys:
            entity = corpus.entities[key]
            have = existing.get(key)
            props = _merged_entity_props(entity, have)
            if have == props:
                counts.unchanged["entities"] += 1
                continue
            (counts.updated if have is not None else counts.created)["entities"] += 1
            rows[entity.label].append({"key": key, "props": props})
        for label, label_rows in sorted(rows.items()):
            tx.run(f"UNWIND $rows AS row MATCH (n:{label} {{key: row.key}}) SET n = row.props",
                   rows=label_rows).consume()
        return counts

    def _sync_mentions(self, tx: ManagedTransaction, mentions_of: dict[str, list[str]],
                       sources: list[str]) -> tuple[Counts, set[str]]:
        """Make each given source's MENTIONS edges exactly its declared entities (``mentions_of``)."""
        counts = Counts()
        want = {(s, key) for s in sources for key in mentions_of.get(s, ())}
        # Lock the sources (a same-value write takes the lock and changes nothing), so a
        # concurrent load of the same source waits here and then sees these edges.
        have = {(r["s"], r["e"]) for r in tx.run(
            "UNWIND $sources AS k MATCH (s:Source {key: k}) SET s.key = k WITH s "
            "MATCH (s)-[:MENTIONS]->(n:Entity) RETURN s.key AS s, n.key AS e", sources=sources)}
        add = sorted(want - have)
        drop = sorted(have - want)
        counts.created["mentions"] += len(add)
        counts.removed["mentions"] += len(drop)
        counts.unchanged["mentions"] += len(want & have)
        for rows in _chunks([{"s": s, "e": e} for s, e in add], 20000):
            tx.run(
                "UNWIND $rows AS row MATCH (s:Source {key: row.s}) MATCH (n:Entity {key: row.e}) "
                "CREATE (s)-[:MENTIONS]->(n)", rows=rows).consume()
        if drop:
            tx.run(
                "UNWIND $rows AS row MATCH (s:Source {key: row.s})-[m:MENTIONS]->(n:Entity {key: row.e}) DELETE m",
                rows=[{"s": s, "e": e} for s, e in drop]).consume()
        return counts, {e for _, e in drop}

    def _plan_claims(self, tx: ManagedTransaction, corpus: Corpus, ids: list[str], loaded: frozenset[str],
                     lock: bool) -> _ClaimPlan:
        """Read what Neo4j holds for these claims and work out what to write.

        With ``lock``, the Claim nodes are locked first (MERGE creates the missing ones,
        and a same-value write locks the others; ids are sorted, so concurrent loads
        take locks in the same order), so what is read is final until commit.
        """
        if lock:
            query = ("UNWIND $ids AS id MERGE (c:Claim {id: id}) SET c.id = id "
                     "RETURN c.id AS id, properties(c) AS props")
        else:
            query = "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id AS id, properties(c) AS props"
        existing: dict[str, dict[str, Any]] = {}
        for r in tx.run(query, ids=ids):
            if len(r["props"]) > 1:  # a node MERGE just made holds only its id
                existing[r["id"]] = dict(r["props"])
        evidence_now: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for r in tx.run("UNWIND $ids AS id MATCH (e:Evidence {claim_id: id}) RETURN properties(e) AS props", ids=ids):
            props = dict(r["props"])
            evidence_now[props["claim_id"]][props["id"]] = props

        plan = _ClaimPlan()
        counts = plan.counts
        for cid in ids:
            have_ev = evidence_now.get(cid, {})
            claim = corpus.claims.get(cid)
            # Evidence from sources this load does not cover stays as it is.
            want_ev = {eid: p for eid, p in have_ev.items() if p["source"] not in loaded}
            if claim is not None:
                for ev in claim.evidence:
                    p = _evidence_props(claim, ev)
                    want_ev[p["id"]] = p
            for eid, p in want_ev.items():
                old = have_ev.get(eid)
                if old is None:
                    plan.new_evidence.append(p)
                    counts.created["evidence"] += 1
                elif old != p:
                    plan.changed_evidence.append(p)
                    counts.updated["evidence"] += 1
                else:
                    counts.unchanged["evidence"] += 1
            for eid in have_ev:
                if eid not in want_ev:
                    plan.drop_evidence.append(eid)
                    counts.removed["evidence"] += 1

            have_claim = existing.get(cid)
            if not want_ev:
                if have_claim is not None:
                    counts.removed["claims"] += 1
                    plan.drop_claims[have_claim["predicate"]].append(cid)
                elif lock:
                    plan.drop_claims[""].append(cid)  # the empty node this MERGE made
                continue
            if claim is None:  # kept alive by other sources: rebuild it from what Neo4j holds
                claim = _claim_from_props(have_claim or {})
            rel_props = _rel_props(claim, want_ev.values())
            claim_props = _claim_props(claim, rel_props)
            if have_claim == claim_props:
                counts.unchanged["claims"] += 1
                continue
            row = {"id": cid, "s": claim.subject, "o": claim.object, "props": claim_props, "rel": rel_props}
            if have_claim is None:
                counts.created["claims"] += 1
                plan.new_claims[claim.predicate].append(row)
            else:
                counts.updated["claims"] += 1
                plan.changed_claims[claim.predicate].append(row)
        return plan

    def _write_claims(self, tx: ManagedTransaction, corpus: Corpus, ids: list[str],
                      loaded: frozenset[str], fresh: frozenset[str] = frozenset()) -> _ClaimPlan:
        """Write one chunk of claims; ``fresh`` are ids Neo4j did not hold a moment ago.

        Those are planned from the files alone and created with ``MERGE``; if any of
        them exists after all (a concurrent load made it), :class:`_Raced` is raised
        before anything else is written, which rolls the transaction back.
        """
        new = [cid for cid in ids if cid in fresh and cid in corpus.claims]
        taken = set(new)
        plan = self._plan_claims(tx, corpus, [cid for cid in ids if cid not in taken], loaded, lock=True)
        if new:
            rows = [_fresh_claim(corpus.claims[cid], plan) for cid in new]
            made = tx.run("UNWIND $rows AS row MERGE (c:Claim {id: row.id}) ON CREATE SET c = row.props",
                          rows=rows).consume().counters.nodes_created
            if made != len(rows):
                raise _Raced(f"{len(rows) - made} of {len(rows)} new claims appeared meanwhile")
            by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in rows:
                by_type[row["props"]["predicate"]].append(row)
            self._create_claim_relationships(tx, by_type)
        if plan.drop_evidence:
            tx.run("UNWIND $ids AS id MATCH (e:Evidence {id: id}) DETACH DELETE e", ids=plan.drop_evidence).consume()
        for rel_type, cids in sorted(plan.drop_claims.items()):
            if rel_type:
                assert rel_type in self.ontology.relationships
                tx.run(f"UNWIND $ids AS id MATCH ()-[r:{rel_type} {{claim_id: id}}]->() DELETE r", ids=cids).consume()
            tx.run("UNWIND $ids AS id MATCH (c:Claim {id: id}) DETACH DELETE c", ids=cids).consume()
        if plan.new_claims:
            tx.run("UNWIND $rows AS row MATCH (c:Claim {id: row.id}) SET c = row.props",
                   rows=[row for rows in plan.new_claims.values() for row in rows]).consume()
            self._create_claim_relationships(tx, plan.new_claims)
        for rel_type, rows in sorted(plan.changed_claims.items()):
            assert rel_type in self.ontology.relationships
            tx.run(
                "UNWIND $rows AS row MATCH (c:Claim {id: row.id}) SET c = row.props WITH row "
                f"MATCH ()-[r:{rel_type} {{claim_id: row.id}}]->() SET r = row.rel",
                rows=rows).consume()
        if plan.new_evidence:
            tx.run(
                "UNWIND $rows AS row MATCH (c:Claim {id: row.claim_id}) MATCH (s:Source {key: row.source}) "
                "CREATE (e:Evidence) SET e = row CREATE (e)-[:SUPPORTS]->(c) CREATE (e)-[:CITES]->(s)",
                rows=plan.new_evidence).consume()
            speakers = [{"id": p["id"], "by": p["asserted_by"]} for p in plan.new_evidence if "asserted_by" in p]
            if speakers:
                tx.run("UNWIND $rows AS row MATCH (e:Evidence {id: row.id}) MATCH (p:Entity {key: row.by}) "
                       "CREATE (e)-[:ASSERTED_BY]->(p)", rows=speakers).consume()
        if plan.changed_evidence:
            tx.run("UNWIND $rows AS row MATCH (e:Evidence {id: row.id}) SET e = row "
                   "WITH e, row OPTIONAL MATCH (e)-[a:ASSERTED_BY]->() DELETE a "
                   "WITH e, row MATCH (p:Entity {key: row.asserted_by}) CREATE (e)-[:ASSERTED_BY]->(p)",
                   rows=plan.changed_evidence).consume()
        return plan

    def _create_claim_relationships(self, tx: ManagedTransaction, rows_by_type: dict[str, list[dict[str, Any]]]) -> None:
        """The typed relationship of each new claim (whose Claim node is locked or just made)."""
        for rel_type, rows in sorted(rows_by_type.items()):
            assert rel_type in self.ontology.relationships
            # CREATE, not MERGE: the claim had no relationship, and MERGE would scan every
            # relationship of a hub node.
            tx.run("UNWIND $rows AS row MATCH (s:Entity {key: row.s}) MATCH (o:Entity {key: row.o}) "
                   f"CREATE (s)-[r:{rel_type}]->(o) SET r = row.rel", rows=rows).consume()

    def _drop_orphans(self, tx: ManagedTransaction, keys: list[str]) -> Counts:
        """Entities that lost their last mention go, with whatever still hangs on them."""
        counts = Counts()
        if keys:
            rec = tx.run(
                "UNWIND $keys AS k MATCH (n:Entity {key: k}) WHERE NOT ()-[:MENTIONS]->(n) "
                "DETACH DELETE n RETURN count(*) AS n", keys=keys).single()
            counts.removed["entities"] += rec["n"] if rec else 0
        return counts

    # -- reading back -----------------------------------------------------------------
    def read_graph(self) -> nx.MultiDiGraph:
        """The whole graph, in the shape :func:`graph.build.build_graph` makes."""
        def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
            g = nx.MultiDiGraph()
            sources = [dict(r["props"]) for r in tx.run("MATCH (s:Source) RETURN properties(s) AS props")]
            entities = list(tx.run(
                "MATCH (n:Entity) OPTIONAL MATCH (s:Source)-[:MENTIONS]->(n) "
                "RETURN properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, "
                "collect(s.key) AS sources"))
            self._add_nodes(g, sources, entities)
            claims = tx.run(
                "MATCH (c:Claim) OPTIONAL MATCH (c)<-[:SUPPORTS]-(e:Evidence) "
                "RETURN properties(c) AS claim, collect(properties(e)) AS evidence")
            self._add_claims(g, claims)
            return g
        return self._read(work)

    def read_neighbourhood(self, key: str, depth: int = 1) -> nx.MultiDiGraph:
        """A focus entity with every entity within ``depth`` claim hops, and the claims among them."""
        if depth < 0:
            raise StoreError(f"depth must be 0 or more, not {depth}")

        def work(tx: ManagedTransaction) -> list[str]:
            found = tx.run("MATCH (n:Entity {key: $key}) RETURN n.key AS key", key=key).single()
            if found is None:
                raise StoreError(f"no entity '{key}' in Neo4j")
            seen = {key}
            frontier = [key]
            for _ in range(depth):
                if not frontier:
                    break
                nxt = {r["key"] for r in tx.run(
                    "UNWIND $keys AS k MATCH (c:Claim) WHERE c.subject = k OR c.object = k "
                    "RETURN DISTINCT CASE WHEN c.subject = k THEN c.object ELSE c.subject END AS key",
                    keys=frontier)} - seen
                seen |= nxt
                frontier = sorted(nxt)
            return sorted(seen)

        keys = self._read(work)
        return self._subgraph(keys)

    def read_cypher(self, query: str, parameters: dict[str, Any] | None = None) -> nx.MultiDiGraph:
        """Run a read-only Cypher query; the entities and claim relationships it returns,
        with their evidence, become the graph."""
        def work(tx: ManagedTransaction) -> tuple[set[str], set[str]]:
            keys: set[str] = set()
            claim_ids: set[str] = set()
            for record in tx.run(query, parameters or {}):
                for value in record.values():
                    _collect_graph_values(value, keys, claim_ids)
            return keys, claim_ids

        with self._errors(), self._session(read=True) as session:
            try:
                keys, claim_ids = session.execute_read(work)
            except neo4j_errors.ClientError as exc:
                if "write" in (exc.code or "").lower() or "AccessMode" in (exc.code or ""):
                    raise StoreError("read_cypher runs read-only queries; this query writes") from None
                raise
        return self._subgraph(sorted(keys), claim_ids=claim_ids)

    def _subgraph(self, keys: list[str], claim_ids: set[str] | None = None) -> nx.MultiDiGraph:
        def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
            g = nx.MultiDiGraph()
            wanted = set(keys)
            if claim_ids:
                wanted |= {k for r in tx.run(
                    "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.subject AS s, c.object AS o",
                    ids=sorted(claim_ids)) for k in (r["s"], r["o"])}
            entities = list(tx.run(
                "UNWIND $keys AS k MATCH (n:Entity {key: k}) OPTIONAL MATCH (s:Source)-[:MENTIONS]->(n) "
                "RETURN properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, "
                "collect(s.key) AS sources", keys=sorted(wanted)))
            self._add_nodes(g, [], entities)
            if claim_ids is None:
                claims = tx.run(
                    "UNWIND $keys AS k MATCH (c:Claim {subject: k}) WHERE c.object IN $keys "
                    "OPTIONAL MATCH (c)<-[:SUPPORTS]-(e:Evidence) "
                    "RETURN properties(c) AS claim, collect(properties(e)) AS evidence", keys=keys)
            else:
                claims = tx.run(
                    "UNWIND $ids AS id MATCH (c:Claim {id: id}) OPTIONAL MATCH (c)<-[:SUPPORTS]-(e:Evidence) "
                    "RETURN properties(c) AS claim, collect(properties(e)) AS evidence", ids=sorted(claim_ids))
            self._add_claims(g, claims, only_nodes=set(keys) if claim_ids is None else None)
            return g
        return self._read(work)

    @staticmethod
    def _add_nodes(g: nx.MultiDiGraph, sources: list[dict[str, Any]], entities: Iterable[Any]) -> None:
        from graph.model import Source

        for props in sorted(sources, key=lambda p: p["key"]):
            # Only the fields casegraph writes: a property added by hand in Neo4j is not a source field.
            fields = {k: props.get(k) for k in ("publisher", "url", "published", "language")}
            source = Source(key=props["key"], title=props.get("title", props["key"]), **fields)
            g.add_node(source.key, **source_node_attrs(source))
        rows = sorted(entities, key=lambda r: r["props"]["key"])
        for r in rows:
            props = dict(r["props"])
            attrs = {k: v for k, v in props.items() if k not in ENTITY_CORE}
            entity = Entity(props["key"], r["label"], props["name"], list(props.get("aliases", [])), attrs,
                            bool(props.get("sensitive")), bool(props.get("generic")), list(r["sources"]))
            g.add_node(entity.key, **entity_node_attrs(entity))
        if sources:
            for r in rows:
                for s in sorted(r["sources"]):
                    g.add_edge(s, r["props"]["key"], key=f"mentions:{s}", type=MENTIONS)

    @staticmethod
    def _add_claims(g: nx.MultiDiGraph, records: Iterable[Any], only_nodes: set[str] | None = None) -> None:
        rows = sorted(((dict(r["claim"]), [dict(e) for e in r["evidence"]]) for r in records),
                      key=lambda x: x[0]["id"])
        for cprops, evidence in rows:
            claim = _claim_from_props(cprops)
            if only_nodes is not None and (claim.subject not in only_nodes or claim.object not in only_nodes):
                continue
            if claim.subject not in g or claim.object not in g:
                continue
            g.add_edge(claim.subject, claim.object, key=claim.id,
                       **edge_attrs(claim.predicate, claim.id, claim.key_qualifiers,
                                    (_evidence_dict(e) for e in evidence if e)))


def _parallel(workers: int, fn: Callable[[Any], Any], items: list[Any]) -> Iterator[Any]:
    """``fn`` over ``items`` in order, ``workers`` at a time: Neo4j writes on one core while
    Python plans the next batch on the other. One worker or one item runs in this thread."""
    if workers <= 1 or len(items) <= 1:
        yield from map(fn, items)
        return
    with ThreadPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(fn, items)


class _Raced(Exception):
    """Claims taken for new were created by a concurrent load: redo the chunk with locks."""


def _missing_claims(tx: ManagedTransaction, ids: list[str]) -> frozenset[str]:
    """The ids among ``ids`` that Neo4j holds no Claim node for."""
    have = {r["id"] for r in tx.run("UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id AS id", ids=ids)}
    return frozenset(ids) - have


def _fresh_claim(claim: Claim, plan: _ClaimPlan) -> dict[str, Any]:
    """The row that creates a claim Neo4j does not hold; its evidence goes into ``plan``."""
    evidence = [_evidence_props(claim, ev) for ev in claim.evidence]
    plan.new_evidence.extend(evidence)
    plan.counts.created["claims"] += 1
    plan.counts.created["evidence"] += len(evidence)
    rel = _rel_props(claim, evidence)
    return {"id": claim.id, "s": claim.subject, "o": claim.object, "props": _claim_props(claim, rel), "rel": rel}


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _without(props: Any, *names: str) -> dict[str, Any]:
    return {k: v for k, v in dict(props).items() if k not in names}


def _source_digests(corpus: Corpus) -> dict[str, str]:
    """A digest per source of everything a load writes for it.

    It covers the source's properties, the (merged) entities it mentions, and its
    evidence (the claim id stands for subject, predicate, object and key
    qualifiers), so any change to what the source says, or to an entity it shares
    with another file of the corpus, makes it differ.
    """
    parts: dict[str, list[str]] = {k: [repr(sorted(s.properties().items()))] for k, s in corpus.sources.items()}
    for key, e in corpus.entities.items():
        row = repr((key, e.label, e.name, e.aliases, sorted(e.attributes.items()), e.sensitive, e.generic))
        for source in e.sources:
            parts[source].append(row)
    for cid, c in corpus.claims.items():
        for ev in c.evidence:
            parts[ev.source].append(f"{cid}{ev.quote!r}{ev.asserted_by!r}{ev.confidence!r}{ev.qualifiers!r}")
    # Rows are sorted so the digest does not depend on file order.
    return {k: hashlib.sha1("\n".join(sorted(v)).encode("utf-8")).hexdigest() for k, v in parts.items()}


def _digest(props: dict[str, Any]) -> str:
    # Values are strings, numbers and lists of strings: repr is stable and cheap.
    return hashlib.sha1(repr(sorted(props.items())).encode("utf-8")).hexdigest()[:16]


def _rel_props(claim: Claim, evidence_props: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The claim relationship's properties: the edge attributes, less type and evidence."""
    attrs = edge_attrs(claim.predicate, claim.id, claim.key_qualifiers, (_evidence_dict(p) for p in evidence_props))
    del attrs["type"], attrs["evidence"]
    return attrs


def _claim_props(claim: Claim, rel_props: dict[str, Any]) -> dict[str, Any]:
    """The Claim node's properties.

    It carries a digest of its relationship's properties, so the diff needs no
    relationship lookup (hubs have many relationships).
    """
    return _clean({"id": claim.id, "predicate": claim.predicate, "subject": claim.subject, "object": claim.object,
                   **claim.key_qualifiers, "sources": rel_props["sources"], "digest": _digest(rel_props)})


def _merged_entity_props(entity: Entity, have: dict[str, Any] | None) -> dict[str, Any]:
    """What an entity node should hold after this load, given what it holds now.

    Other sources may have added names and attributes: aliases are a union (existing
    order kept), the first name stays, ``sensitive`` once set stays set (protecting a
    person is never undone by a load), attributes are updated by the loaded source.
    """
    have = have or {}
    aliases = list(have.get("aliases", []))
    name = have.get("name", entity.name)
    for alias in [entity.name, *entity.aliases]:
        if alias != name and alias not in aliases:
            aliases.append(alias)
    props = {k: v for k, v in have.items() if k not in ENTITY_CORE}
    props.update(entity.attributes)
    return _clean({
        **props,
        "key": entity.key,
        "name": name,
        "aliases": aliases,
        "sensitive": bool(have.get("sensitive")) or entity.sensitive,
        "generic": entity.generic,
    })


def _claim_from_props(props: dict[str, Any]) -> Claim:
    core = ("id", "predicate", "subject", "object", "sources", "digest")
    key_q = {k: v for k, v in props.items() if k not in core}
    return Claim(props["id"], props["subject"], props["predicate"], props["object"], key_q)


def _collect_graph_values(value: Any, keys: set[str], claim_ids: set[str]) -> None:
    """Find entities and claim relationships in a query result value (nodes, paths, lists)."""
    if isinstance(value, neo4j.graph.Node):
        if "Entity" in value.labels and "key" in value:
            keys.add(value["key"])
    elif isinstance(value, neo4j.graph.Relationship):
        if "claim_id" in value:
            claim_ids.add(value["claim_id"])
            for node in (value.start_node, value.end_node):
                if node is not None:
                    _collect_graph_values(node, keys, claim_ids)
    elif isinstance(value, neo4j.graph.Path):
        for node in value.nodes:
            _collect_graph_values(node, keys, claim_ids)
        for rel in value.relationships:
            _collect_graph_values(rel, keys, claim_ids)
    elif isinstance(value, list):
        for item in value:
            _collect_graph_values(item, keys, claim_ids)
    elif isinstance(value, dict):
        for item in value.values():
            _collect_graph_values(item, keys, claim_ids)


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[int], None]]:
    if not enabled or total == 0:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("loading claims"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("claims", total=total)
        yield lambda n: bar.advance(task, n)


def connect(settings: Settings | None = None, ontology: Ontology | None = None) -> Store:
    """A :class:`Store` on ``NEO4J_URI`` (and friends) if set, else on the running local server."""
    from graph.db.server import connection

    settings = settings or get_settings()
    uri, user, password = connection(settings)
    return Store.connect(uri, user, password, database=settings.neo4j_database, ontology=ontology)
