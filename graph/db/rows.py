"""The model as Neo4j properties, and back: one place for every row a load writes.

Public, so the benchmark's write floor and exporters that recreate the Neo4j shape
build exactly what :meth:`graph.db.store.Store.load` writes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from graph.build import edge_attrs
from graph.model import Claim, Corpus, Entity, Evidence, Source, evidence_id, merge_entity

__all__ = [
    "ENTITY_CORE",
    "EVIDENCE_CORE",
    "CLAIM_CORE",
    "clean",
    "without",
    "source_props",
    "entity_props",
    "entity_from_props",
    "merged_entity_props",
    "evidence_props",
    "evidence_dict",
    "rel_props",
    "claim_props",
    "claim_from_props",
    "props_digest",
    "source_digests",
]

ENTITY_CORE = ("key", "name", "aliases", "sensitive", "generic")
EVIDENCE_CORE = ("id", "claim_id", "source", "quote")
CLAIM_CORE = ("id", "predicate", "subject", "object", "sources", "digest")


def clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j has no null properties: drop None."""
    return {k: v for k, v in props.items() if v is not None}


def without(props: Any, *names: str) -> dict[str, Any]:
    return {k: v for k, v in dict(props).items() if k not in names}


def source_props(source: Source) -> dict[str, Any]:
    """A Source node's properties (the digest is written separately, last)."""
    return {"key": source.key, **source.properties()}


def entity_props(entity: Entity) -> dict[str, Any]:
    """An entity node's properties as a first load writes them."""
    return clean({"key": entity.key, "name": entity.name, "aliases": list(entity.aliases),
                  "sensitive": entity.sensitive, "generic": entity.generic, **entity.attributes})


def entity_from_props(props: dict[str, Any], label: str, sources: Iterable[str] = ()) -> Entity:
    """An entity node's properties back to the model."""
    attrs = {k: v for k, v in props.items() if k not in ENTITY_CORE}
    return Entity(props["key"], label, props.get("name", props["key"]), list(props.get("aliases", [])), attrs,
                  bool(props.get("sensitive")), bool(props.get("generic")), list(sources))


def merged_entity_props(entity: Entity, have: dict[str, Any] | None) -> dict[str, Any]:
    """What an entity node should hold after this load, given what it holds now.

    The model's one merge rule (:func:`graph.model.merge_entity`) with the loaded
    source preferred for attributes: the load has already refused attributes that
    conflict with sources outside it, so what is left to change is the loaded
    sources' own edits.
    """
    have = have or {}
    merged = entity_from_props({"key": entity.key, "name": entity.name, **have}, entity.label)
    merged.generic = entity.generic  # a label or generic conflict was refused before any write
    merge_entity(merged, entity, prefer_new=True)
    return clean({
        **{k: v for k, v in have.items() if k not in ENTITY_CORE},
        **merged.attributes,
        "key": entity.key,
        "name": merged.name,
        "aliases": merged.aliases,
        "sensitive": merged.sensitive,
        "generic": merged.generic,
    })


def evidence_props(claim: Claim, ev: Evidence) -> dict[str, Any]:
    """An Evidence node's properties."""
    return clean({
        "id": evidence_id(claim.id, ev.source),
        "claim_id": claim.id,
        "source": ev.source,
        "quote": ev.quote,
        "asserted_by": ev.asserted_by,
        "confidence": ev.confidence,
        **ev.qualifiers,
    })


def evidence_dict(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j Evidence properties back to the evidence dict of the NetworkX edge."""
    return {k: v for k, v in props.items() if k not in ("id", "claim_id")}


def props_digest(props: dict[str, Any]) -> str:
    # Values are strings, numbers and lists of strings: repr is stable and cheap.
    return hashlib.sha1(repr(sorted(props.items())).encode("utf-8")).hexdigest()[:16]


def rel_props(claim: Claim, evidence: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The claim relationship's properties: the edge attributes, less type and evidence."""
    attrs = edge_attrs(claim.predicate, claim.id, claim.key_qualifiers, (evidence_dict(p) for p in evidence))
    del attrs["type"], attrs["evidence"]
    return attrs


def claim_props(claim: Claim, rel: dict[str, Any]) -> dict[str, Any]:
    """The Claim node's properties.

    It carries a digest of its relationship's properties, so the diff needs no
    relationship lookup (hubs have many relationships).
    """
    return clean({"id": claim.id, "predicate": claim.predicate, "subject": claim.subject, "object": claim.object,
                  **claim.key_qualifiers, "sources": rel["sources"], "digest": props_digest(rel)})


def claim_from_props(props: dict[str, Any]) -> Claim:
    key_q = {k: v for k, v in props.items() if k not in CLAIM_CORE}
    return Claim(props["id"], props["subject"], props["predicate"], props["object"], key_q)


def source_digests(corpus: Corpus) -> dict[str, str]:
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
            parts[ev.source].append(f"{cid}{ev.quote!r}{ev.asserted_by!r}{ev.confidence!r}"
                                    f"{sorted(ev.qualifiers.items())!r}")  # in any order: Neo4j reorders them
    # Rows are sorted so the digest does not depend on file order.
    return {k: hashlib.sha1("\n".join(sorted(v)).encode("utf-8")).hexdigest() for k, v in parts.items()}
