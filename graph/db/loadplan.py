"""What a load counts and plans: counts by kind, and the claim plan of one chunk.

:mod:`graph.db.load` runs the load; this module holds what it computes without
writing: the :class:`Counts` and :class:`LoadSummary` it returns, the plan of what one
chunk of claims needs written (:func:`plan_claims`, read in the chunk's transaction),
and the helpers that cut work into chunks and run them two at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from neo4j import ManagedTransaction

from graph.db import statements as S
from graph.db.rows import claim_from_props, claim_props, evidence_props, rel_props
from graph.model import Claim, Corpus

if TYPE_CHECKING:
    from graph.ontology import Ontology

__all__ = ["Counts", "LoadSummary", "ClaimPlan", "plan_claims", "fresh_claim", "in_chunks", "parallel", "progress_bar"]


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
        """Add ``other``'s counts to these."""
        for what in ("created", "updated", "removed", "unchanged"):
            mine = getattr(self, what)
            for kind, n in getattr(other, what).items():
                mine[kind] += n


@dataclass
class LoadSummary(Counts):
    """What a load did, by kind of thing, and where its time went."""

    seconds: dict[str, float] = field(default_factory=dict)
    peak_bytes: dict[str, int] = field(default_factory=dict)  # peak memory of helper processes (bulk load)

    @property
    def changed(self) -> bool:
        """Whether the load created, updated or removed anything."""
        return any(self.created.values()) or any(self.updated.values()) or any(self.removed.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        """The counts as ``{what: {kind: n}}`` for every kind, zeros included."""
        kinds = ("sources", "entities", "mentions", "claims", "evidence")
        return {
            what: {k: int(getattr(self, what).get(k, 0)) for k in kinds}
            for what in ("created", "updated", "removed", "unchanged")
        }


@dataclass
class ClaimPlan:
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
        """Whether the chunk needs any write."""
        return bool(self.new_claims or self.changed_claims or self.drop_claims or self.new_evidence
                    or self.changed_evidence or self.drop_evidence)


def in_chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


def plan_claims(tx: ManagedTransaction, corpus: Corpus, ids: list[str], loaded: frozenset[str],
                lock: bool) -> ClaimPlan:
    """Read what Neo4j holds for claims ``ids`` and work out what to write (``loaded``: the
    sources of this load; evidence from others stays).

    With ``lock``, the Claim nodes are locked first (MERGE creates the missing ones,
    and a same-value write locks the others; ids are sorted, so concurrent loads
    take locks in the same order), so what is read is final until commit.
    """
    query = S.LOCK_CLAIMS if lock else S.READ_CLAIMS
    existing: dict[str, dict[str, Any]] = {}
    for r in tx.run(query, ids=ids):
        if len(r["props"]) > 1:  # a node MERGE just made holds only its id
            existing[r["id"]] = dict(r["props"])
    evidence_now: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in tx.run(S.READ_EVIDENCE_OF_CLAIMS, ids=ids):
        props = dict(r["props"])
        evidence_now[props["claim_id"]][props["id"]] = props

    plan = ClaimPlan()
    counts = plan.counts
    for cid in ids:
        have_ev = evidence_now.get(cid, {})
        claim = corpus.claims.get(cid)
        # Evidence from sources this load does not cover stays as it is.
        want_ev = {eid: p for eid, p in have_ev.items() if p["source"] not in loaded}
        if claim is not None:
            for ev in claim.evidence:
                p = evidence_props(claim, ev)
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
            claim = claim_from_props(have_claim or {})
        rel = rel_props(claim, want_ev.values())
        props = claim_props(claim, rel)
        if have_claim == props:
            counts.unchanged["claims"] += 1
            continue
        row = {"id": cid, "s": claim.subject, "o": claim.object, "props": props, "rel": rel}
        if have_claim is None:
            counts.created["claims"] += 1
            plan.new_claims[claim.predicate].append(row)
        else:
            counts.updated["claims"] += 1
            plan.changed_claims[claim.predicate].append(row)
    return plan


def fresh_claim(claim: Claim, plan: ClaimPlan) -> dict[str, Any]:
    """The row that creates a claim Neo4j does not hold; its evidence goes into ``plan``."""
    evidence = [evidence_props(claim, ev) for ev in claim.evidence]
    plan.new_evidence.extend(evidence)
    plan.counts.created["claims"] += 1
    plan.counts.created["evidence"] += len(evidence)
    rel = rel_props(claim, evidence)
    return {"id": claim.id, "s": claim.subject, "o": claim.object, "props": claim_props(claim, rel), "rel": rel}


def parallel(workers: int, fn: Callable[[Any], Any], items: list[Any]) -> Iterator[Any]:
    """``fn`` over ``items`` in order, ``workers`` at a time: Neo4j writes on one core while
    Python plans the next batch on the other. One worker or one item runs in this thread."""
    if workers <= 1 or len(items) <= 1:
        yield from map(fn, items)
        return
    with ThreadPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(fn, items)


@contextmanager
def progress_bar(enabled: bool, total: int) -> Iterator[Callable[[int], None]]:
    """A claims progress bar on stderr (when ``enabled``): yields ``advance(n)``."""
    if not enabled or total == 0:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("loading claims"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("claims", total=total)
        yield lambda n: bar.advance(task, n)


class LoadTarget(Protocol):
    """What a load needs of a store: a :class:`~graph.db.store.Store`, or all of its work in one
    transaction (:class:`graph.db.stamp.InOneTransaction`)."""

    @property
    def ontology(self) -> Ontology: ...

    def ensure_schema(self) -> None: ...

    def execute_read(self, work: Callable[[ManagedTransaction], Any]) -> Any: ...

    def execute_write(self, work: Callable[[ManagedTransaction], Any]) -> Any: ...
