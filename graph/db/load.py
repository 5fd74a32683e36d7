"""Loading a corpus into Neo4j: the diff, the plan and the writes.

Loading is a diff: casegraph reads what Neo4j holds for the sources and claims being loaded, and writes
only what changed, so a reload of unchanged files writes nothing. Claims are processed in chunks, each in
one managed (retried) write transaction that first locks the Claim nodes Neo4j holds, so concurrent loads
of overlapping files serialise on the claims they share instead of duplicating them. Claims Neo4j did not
hold a moment before are created with CREATE without that lock-and-read pass; should one exist after all,
the uniqueness constraint fails the statement and the chunk is rolled back and redone. A first load
(nothing of it in Neo4j) creates its entities and claims that way without even reading which exist.

Counts and the claim plan come from :mod:`graph.db.loadplan`, rows from :mod:`graph.db.rows`, statements
from :mod:`graph.db.statements`.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from functools import partial
from typing import Any

from neo4j import ManagedTransaction
from neo4j.exceptions import ConstraintError

from graph.db import statements as S
from graph.db.loadplan import (
    ClaimPlan,
    Counts,
    LoadSummary,
    LoadTarget,
    fresh_claim,
    in_chunks,
    parallel,
    plan_claims,
    progress_bar,
)
from graph.db.rows import entity_from_props, merged_entity_props, source_digests, without
from graph.errors import StoreError, article, preview
from graph.memory import frozen_gc
from graph.model import Corpus, merge_entity

__all__ = ["Loader", "LoadSummary", "Counts", "CHUNK_SIZE", "WORKERS"]

CHUNK_SIZE = 1000  # claims per write transaction: short ones hold hub locks briefly (bench/load.py: 1,000 beat 2,000 and 5,000)
MENTION_GROUP = 1000  # sources whose MENTIONS one write transaction syncs
WORKERS = 2  # concurrent write transactions (claims are locked, so chunks cannot collide)


class Loader:
    """One load of a corpus into one store (see :meth:`graph.db.store.Store.load`)."""
    _careful = False  # load()'s ``careful``: the whole load is one transaction
    _count: int | None = None  # Neo4j's sources, counted once in a one-transaction load (see _others)

    def __init__(self, store: LoadTarget) -> None:
        self.store = store
        self.ontology = store.ontology
        # Sources of this load Neo4j did not hold when it began: what a failed load takes back (Store.load).
        self.new_sources: frozenset[str] = frozenset()
        self.settled: frozenset[str] = frozenset()  # see load()

    # -- loading --------------------------------------------------------------------
    @frozen_gc()  # the corpus out of the collector's sight (graph.memory)
    def load(self, corpus: Corpus, progress: bool = False, chunk_size: int = CHUNK_SIZE,
             workers: int = WORKERS, full: bool = False, settled: frozenset[str] = frozenset(),
             careful: bool = False, held: dict[str, str] | None = None) -> LoadSummary:
        """Load a validated corpus; idempotent, and a reload replaces what its sources say.

        For every source in the corpus, evidence that source no longer gives is
        removed; a claim disappears when no source supports it any more; an entity
        disappears when no source mentions it any more.

        Sources whose digest in Neo4j says they are loaded as they are now are skipped;
        ``full`` checks everything against the database instead (after someone edited
        the database by hand, say). ``settled``: sources of the corpus left out as Neo4j
        holds them (loaders.delta), counted as loaded where an entity's sources are weighed.
        ``careful``: never take entities or claims for new (a statement that fails on a key
        constraint would fail the one transaction a small load runs in, Store.load_small).
        ``held``: each source's digest in Neo4j, when the caller just checked them (loaders.delta).
        """
        self.settled, self._held, self._careful, self._count = settled, held, careful, None
        summary = LoadSummary()
        clock = time.perf_counter()

        def lap(phase: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            summary.seconds[phase] = summary.seconds.get(phase, 0.0) + now - clock
            clock = now

        self.store.ensure_schema()
        self._check_entities(corpus)
        # A source whose digest in Neo4j matches is loaded as it is now: skipped (written last: a load
        # that died half-way is redone).
        digests = source_digests(corpus)
        stored = {k: held[k] for k in digests if k in held} if held is not None else self.store.execute_read(
            lambda tx: {r["key"]: r["digest"] for r in tx.run(S.SOURCE_DIGESTS, keys=sorted(digests))})
        self.new_sources = frozenset(digests) - frozenset(stored)
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

        summary.add(self.store.execute_write(partial(self._load_sources, corpus=corpus, keys=source_keys)))
        # When Neo4j holds none of this load's sources, its entities are most likely new: they are CREATEd
        # without the lock-and-read pass, until a chunk hits one that exists (the key constraint fails it;
        # it is rolled back and redone the careful way).
        entities_new = threading.Event()
        if not stored and not careful:
            entities_new.set()

        def entity_chunk(keys: list[str]) -> Counts:
            if entities_new.is_set():
                try:
                    return self.store.execute_write(partial(self._create_entities, corpus=corpus, keys=keys))
                except _Raced:
                    entities_new.clear()
            return self.store.execute_write(partial(self._load_entities, corpus=corpus, keys=keys))

        for counts in parallel(workers, entity_chunk, list(in_chunks(entity_keys, chunk_size))):
            summary.add(counts)
        lap("entities")
        # Sources in groups, two transactions at a time (each locks its own sources).
        mentions_of: dict[str, list[str]] = defaultdict(list)
        for entity in corpus.entities.values():
            for s in entity.sources:
                mentions_of[s].append(entity.key)
        lost_mentions: set[str] = set()
        for counts, lost in parallel(workers, lambda group: self.store.execute_write(partial(
                self._sync_mentions, mentions_of=mentions_of, sources=group)), list(in_chunks(source_keys, MENTION_GROUP))):
            summary.add(counts)
            lost_mentions |= lost
        lap("mentions")

        # Claims this load touches: its own, plus those its sources supported before.
        stale = self.store.execute_read(lambda tx: [
            r["claim_id"] for r in tx.run(S.CLAIMS_OF_SOURCES, sources=source_keys)])
        touched = sorted(claim_keys | set(stale))
        loaded = frozenset(corpus.sources)
        chunks = list(in_chunks(touched, chunk_size))
        # A chunk whose claims Neo4j already holds as they are costs one read and no lock; a first load
        # skips that read once it has seen a chunk that needed writes.
        expect_writes = threading.Event()
        if careful:  # one transaction (Store.load_small): a look without locks first is two more round trips
            expect_writes.set()
        # Set while every chunk seen so far held only claims Neo4j did not have (a first load): later chunks
        # then skip even the read of which claims exist, and take all theirs for new (the constraint holds).
        all_new = threading.Event()

        def do_chunk(chunk: list[str]) -> Counts:
            if not expect_writes.is_set():
                plan = self.store.execute_read(partial(plan_claims, corpus=corpus, ids=chunk, loaded=loaded, lock=False))
                if not plan.writes:
                    return plan.counts
                if not expect_writes.is_set() and plan.counts.created["claims"] == len(chunk) and not careful:
                    all_new.set()
                expect_writes.set()
            # Claims Neo4j does not hold yet are created without locking and reading them first. Should
            # another load create one meanwhile, that transaction is rolled back and redone the careful way.
            fresh = frozenset() if careful else frozenset(chunk) if all_new.is_set() else self.store.execute_read(
                partial(_missing_claims, ids=chunk))
            try:
                plan = self.store.execute_write(partial(self._write_claims, corpus=corpus, ids=chunk, loaded=loaded, fresh=fresh))
            except _Raced:
                all_new.clear()
                plan = self.store.execute_write(partial(self._write_claims, corpus=corpus, ids=chunk, loaded=loaded))
            return plan.counts

        with progress_bar(progress, len(touched)) as advance:
            for chunk, counts in zip(chunks, parallel(workers, do_chunk, chunks), strict=True):
                summary.add(counts)
                advance(len(chunk))
        lap("claims")
        summary.add(self.store.execute_write(partial(self._drop_orphans, keys=sorted(lost_mentions))))
        self.store.execute_write(lambda tx: tx.run(
            S.SET_SOURCE_DIGESTS, rows=[{"key": k, "digest": digests[k]} for k in source_keys]).consume())
        lap("orphans")
        return summary

    def _check_entities(self, corpus: Corpus) -> None:
        """Refuse the load whole if it contradicts what other sources say of an entity.

        An entity key already in Neo4j under another label is refused; so is an
        attribute with another value than Neo4j holds when sources outside this load
        mention the entity too (the model's merge rule, :func:`graph.model.merge_entity`,
        as for two fact files). When only the loaded sources mention it, the loaded
        value is their own edit and wins.
        """
        rows = [{"key": e.key, "label": e.label} for e in corpus.entities.values()]
        with_attrs = sorted(k for k, e in corpus.entities.items() if e.attributes)
        loaded = set(corpus.sources) | self.settled

        def work(tx: ManagedTransaction) -> list[str]:
            res = tx.run(S.LABEL_CONFLICTS, rows=rows)
            found = [f"'{r['key']}' is {article(r['want'])} in the files but {article('/'.join(r['have']))} in Neo4j"
                     for r in res]
            if found or not with_attrs:
                return found
            held = (sum(1 for k in corpus.sources if k in self._held) if self._held is not None  # (too few: the full check)
                    else tx.run(S.SOURCES_HELD, keys=sorted(corpus.sources)).single(strict=True)["n"])
            if not self._others(tx, held):
                return found  # every source that mentions an entity is this load's: none to contradict
            for r in tx.run(S.ENTITIES_WITH_MENTIONS, keys=with_attrs):
                others = sorted(set(r["sources"]) - loaded)
                if not others:
                    continue
                entity = corpus.entities[r["key"]]
                have = entity_from_props(dict(r["props"]), entity.label)
                have.generic = entity.generic
                for c in merge_entity(have, entity):
                    found.append(f"attribute '{c.name}' of '{entity.key}' is {preview(c.new)} in the files but "
                                 f"{preview(c.have)} in Neo4j (from {others[0]})")
                    if len(found) >= 5:
                        return found
            return found

        conflicts = self.store.execute_read(work)
        if conflicts:
            raise StoreError("; ".join(conflicts) + "; nothing was loaded")

    def _others(self, tx: ManagedTransaction, held: int) -> bool:
        """Whether Neo4j holds sources besides ``held`` of this load's and the settled ones (one number
        from its count store); if not, the sources that mention an entity are all this load's."""
        n = self._count if self._count is not None else int(tx.run(S.SOURCE_COUNT).single(strict=True)["n"])
        self._count = n if self._careful else None  # kept only where no other write comes between
        return n != held + len(self.settled)

    # Each step below runs in a managed transaction the driver may retry: it returns its counts.
    def _load_sources(self, tx: ManagedTransaction, corpus: Corpus, keys: list[str]) -> Counts:
        counts = Counts()
        existing = {r["key"]: without(r["props"], "digest") for r in tx.run(
            S.READ_SOURCES, keys=keys)}
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
            tx.run(S.MERGE_SOURCES, rows=rows).consume()
        self._count = None if self._count is None else self._count + counts.created["sources"]  # (see _others)
        return counts

    def _create_entities(self, tx: ManagedTransaction, corpus: Corpus, keys: list[str]) -> Counts:
        """Create entities taken for new; :class:`_Raced` (rolling back) if any exists already."""
        counts = Counts()
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for key in keys:
            entity = corpus.entities[key]
            by_label[entity.label].append({"key": key, "props": merged_entity_props(entity, None)})
        for label, rows in sorted(by_label.items()):
            try:
                tx.run(S.create_entities(self.ontology, label), rows=rows).consume()
            except ConstraintError:  # the key constraint: one of them exists after all
                raise _Raced(f"some of {len(rows)} new entities exist already") from None
        counts.created["entities"] += len(keys)
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
            for r in tx.run(S.merge_entities(self.ontology, label), keys=label_keys):
                if len(r["props"]) > 1:  # a node MERGE just made holds only its key
                    existing[r["key"]] = dict(r["props"])
        # An entity that only this load's sources mention is what they say now: names and `sensitive` it
        # got from a judgement since deleted, or an edit since undone, go. One no source mentions yet may
        # be another load's, half-written: merged with, as before.
        loaded = set(corpus.sources) | self.settled
        if not self._others(tx, len(corpus.sources)):  # the load's sources are all in Neo4j by now
            own = {r["key"] for r in tx.run(S.ENTITIES_MENTIONED, keys=sorted(existing))}
        else:
            own = {r["key"] for r in tx.run(S.ENTITIES_WITH_MENTIONS, keys=sorted(existing))
                   if r["sources"] and set(r["sources"]) <= loaded}
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for key in keys:
            entity = corpus.entities[key]
            have = existing.get(key)
            props = merged_entity_props(entity, None if key in own else have)
            if have == props:
                counts.unchanged["entities"] += 1
                continue
            (counts.updated if have is not None else counts.created)["entities"] += 1
            rows[entity.label].append({"key": key, "props": props})
        for label, label_rows in sorted(rows.items()):
            tx.run(S.set_entities(self.ontology, label), rows=label_rows).consume()
        return counts

    def _sync_mentions(self, tx: ManagedTransaction, mentions_of: dict[str, list[str]],
                       sources: list[str]) -> tuple[Counts, set[str]]:
        """Make each given source's MENTIONS edges exactly its declared entities (``mentions_of``)."""
        counts = Counts()
        want = {(s, key) for s in sources for key in mentions_of.get(s, ())}
        # Lock the sources (a same-value write takes the lock, changes nothing): a concurrent load of the
        # same source waits here and then sees these edges.
        have = {(r["s"], r["e"]) for r in tx.run(S.LOCK_SOURCE_MENTIONS, sources=sources)}
        add = sorted(want - have)
        drop = sorted(have - want)
        counts.created["mentions"] += len(add)
        counts.removed["mentions"] += len(drop)
        counts.unchanged["mentions"] += len(want & have)
        for rows in in_chunks([{"s": s, "e": e} for s, e in add], 20000):
            tx.run(S.CREATE_MENTIONS, rows=rows).consume()
        if drop:
            tx.run(S.DELETE_MENTIONS, rows=[{"s": s, "e": e} for s, e in drop]).consume()
        return counts, {e for _, e in drop}

    def _write_claims(self, tx: ManagedTransaction, corpus: Corpus, ids: list[str],
                      loaded: frozenset[str], fresh: frozenset[str] = frozenset()) -> ClaimPlan:
        """Write one chunk of claims; ``fresh`` are ids Neo4j did not hold a moment ago.

        Those are planned from the files alone and created with ``CREATE``; if any of
        them exists after all (a concurrent load made it), the claim id constraint fails
        and :class:`_Raced` is raised, which rolls the transaction back.
        """
        new = [cid for cid in ids if cid in fresh and cid in corpus.claims]
        taken = set(new)
        plan = plan_claims(tx, corpus, [cid for cid in ids if cid not in taken], loaded, lock=True)
        if new:
            rows = [fresh_claim(corpus.claims[cid], plan) for cid in new]
            try:
                tx.run(S.CREATE_FRESH_CLAIMS, rows=[{"id": r["id"], "props": r["props"]} for r in rows]).consume()
            except ConstraintError:  # the claim id constraint: one of them exists after all
                raise _Raced(f"some of {len(rows)} new claims appeared meanwhile") from None
            by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in rows:
                by_type[row["props"]["predicate"]].append(row)
            self._create_claim_relationships(tx, by_type)
        if plan.drop_evidence:
            tx.run(S.DELETE_EVIDENCE, ids=plan.drop_evidence).consume()
        for rel_type, cids in sorted(plan.drop_claims.items()):
            if rel_type:
                tx.run(S.drop_claim_relationships(self.ontology, rel_type), ids=cids).consume()
            tx.run(S.DELETE_CLAIMS, ids=cids).consume()
        if plan.new_claims:
            tx.run(S.SET_CLAIMS, rows=[row for rows in plan.new_claims.values() for row in rows]).consume()
            self._create_claim_relationships(tx, plan.new_claims)
        for rel_type, rows in sorted(plan.changed_claims.items()):
            tx.run(S.update_claims(self.ontology, rel_type), rows=rows).consume()
        if plan.new_evidence:
            tx.run(S.CREATE_EVIDENCE, rows=plan.new_evidence).consume()
            speakers = [{"id": p["id"], "by": p["asserted_by"]} for p in plan.new_evidence if "asserted_by" in p]
            if speakers:
                tx.run(S.CREATE_SPEAKERS, rows=speakers).consume()
        if plan.changed_evidence:
            tx.run(S.UPDATE_EVIDENCE, rows=plan.changed_evidence).consume()
        return plan

    def _create_claim_relationships(self, tx: ManagedTransaction, rows_by_type: dict[str, list[dict[str, Any]]]) -> None:
        """The typed relationship of each new claim (whose Claim node is locked or just made)."""
        for rel_type, rows in sorted(rows_by_type.items()):
            tx.run(S.create_claim_relationships(self.ontology, rel_type), rows=rows).consume()

    def _drop_orphans(self, tx: ManagedTransaction, keys: list[str]) -> Counts:
        """Entities that lost their last mention go, with whatever still hangs on them."""
        counts = Counts()
        if keys:
            rec = tx.run(S.DROP_ORPHANS, keys=keys).single()
            counts.removed["entities"] += rec["n"] if rec else 0
        return counts


class _Raced(Exception):
    """Claims taken for new were created by a concurrent load: redo the chunk with locks."""


def _missing_claims(tx: ManagedTransaction, ids: list[str]) -> frozenset[str]:
    """The ids among ``ids`` that Neo4j holds no Claim node for."""
    have = {r["id"] for r in tx.run(S.EXISTING_CLAIM_IDS, ids=ids)}
    return frozenset(ids) - have


