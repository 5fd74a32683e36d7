"""The one producer of the Neo4j shape: every node and relationship a load writes.

:func:`corpus_shape` walks a corpus and yields, in a fixed order, the nodes and the
relationships that :meth:`graph.db.store.Store.load` creates for it, with exactly its
properties (built by :mod:`graph.db.rows`): ``Source`` nodes (with their digests),
``Entity:<Label>`` nodes and ``MENTIONS``, then for each claim its ``Claim`` node and
its relationship between the two entities, and for each piece of evidence an
``Evidence`` node with ``SUPPORTS``, ``CITES`` and ``ASSERTED_BY``.

Three writers consume it and add nothing of their own: the import-tool CSV
(:mod:`graph.db.importcsv`, for ``load --bulk`` and ``export --to csv``), the Cypher
script (:mod:`graph.exporters.cypher`), and the Bolt loader, which builds the same
rows with the same :mod:`graph.db.rows` functions (it diffs against what Neo4j holds,
so it cannot take a plain stream).

>>> from graph.model import Corpus, Entity, Source
>>> c = Corpus(sources={"source:s": Source("source:s", "S")},
...            entities={"org:x": Entity("org:x", "Organisation", "X", sources=["source:s"])})
>>> [(type(i).__name__, i.name) for i in corpus_shape(c)]
[('Node', 'Source'), ('Node', 'Organisation:Entity'), ('Rel', 'MENTIONS')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graph.db.rows import (
    claim_props,
    evidence_props,
    merged_entity_props,
    rel_props,
    source_digests,
    source_props,
)
from graph.model import Corpus

__all__ = ["Node", "Rel", "corpus_shape", "ID_NAMES", "SOURCE", "ENTITY", "CLAIM", "EVIDENCE"]

# The id spaces of the shape and the property that identifies a node in each.
SOURCE, ENTITY, CLAIM, EVIDENCE = "source", "entity", "claim", "evidence"
ID_NAMES = {SOURCE: "key", ENTITY: "key", CLAIM: "id", EVIDENCE: "id"}


@dataclass(frozen=True, slots=True)
class Node:
    """A node: ``name`` is its labels joined by ``:`` (``Person:Entity``), ``space`` its id space."""

    name: str
    space: str
    props: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.props[ID_NAMES[self.space]])

    @property
    def labels(self) -> list[str]:
        return self.name.split(":")


@dataclass(frozen=True, slots=True)
class Rel:
    """A relationship of type ``name`` between two nodes given as ``(space, id)``;
    ``props`` only on claim relationships (the others carry none)."""

    name: str
    start: tuple[str, str]
    end: tuple[str, str]
    props: dict[str, Any] | None = None


def corpus_shape(corpus: Corpus, counts: dict[str, int] | None = None) -> Iterator[Node | Rel]:
    """The nodes and relationships a first :meth:`Store.load` of ``corpus`` writes.

    ``counts`` (if given) receives how many sources, entities, mentions, claims and
    evidence were produced. Like the loader, a claim is written only if both entities
    exist and at least one of its sources does; evidence only for known sources; a
    speaker only if it is an entity of the corpus.
    """
    tally = counts if counts is not None else {}
    digests = source_digests(corpus)
    for key, source in corpus.sources.items():
        yield Node("Source", SOURCE, {**source_props(source), "digest": digests[key]})
    tally["sources"] = len(corpus.sources)
    mentions = 0
    for key, entity in corpus.entities.items():
        yield Node(f"{entity.label}:Entity", ENTITY, merged_entity_props(entity, None))
        for s in dict.fromkeys(entity.sources):
            if s in corpus.sources:
                yield Rel("MENTIONS", (SOURCE, s), (ENTITY, key))
                mentions += 1
    tally["entities"], tally["mentions"] = len(corpus.entities), mentions
    claims = evidence_n = 0
    for cid, claim in corpus.claims.items():
        evidence = [evidence_props(claim, ev) for ev in claim.evidence if ev.source in corpus.sources]
        if not evidence or claim.subject not in corpus.entities or claim.object not in corpus.entities:
            continue
        rel = rel_props(claim, evidence)
        yield Node("Claim", CLAIM, claim_props(claim, rel))
        yield Rel(claim.predicate, (ENTITY, claim.subject), (ENTITY, claim.object), rel)
        claims += 1
        for p in evidence:
            yield Node("Evidence", EVIDENCE, p)
            yield Rel("SUPPORTS", (EVIDENCE, p["id"]), (CLAIM, cid))
            yield Rel("CITES", (EVIDENCE, p["id"]), (SOURCE, p["source"]))
            if p.get("asserted_by") in corpus.entities:
                yield Rel("ASSERTED_BY", (EVIDENCE, p["id"]), (ENTITY, p["asserted_by"]))
            evidence_n += 1
    tally["claims"], tally["evidence"] = claims, evidence_n
