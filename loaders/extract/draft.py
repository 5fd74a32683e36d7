"""From an article to a draft fact file: the extraction pipeline and the batch driver."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import CasegraphError
from graph.identity import strip_roles
from graph.model import Entity, claim_id, merge_entity
from graph.ontology import CLAIM_ENDPOINTS, Ontology, default_ontology
from loaders.drafts import open_items
from loaders.extract.batch import Plan, plan_batch
from loaders.extract.claims import ClaimDraft, EntityDraft, Extraction, extract_claims
from loaders.extract.clean import Article, article_files, read_article
from loaders.extract.gazetteer import load_gazetteer, slug
from loaders.extract.learn.apply import learned_events
from loaders.extract.mentions import Doubt, find_entries, find_people, split_sentences
from loaders.factfile import entity_entry, write_fact_file

__all__ = ["REVIEW_BELOW", "EXTRACTOR", "draft_document", "extract_article", "extract_articles", "ExtractReport",
           "CorpusIndex"]

REVIEW_BELOW = 0.7   # claims less sure than this are walked through by `casegraph review`
EXTRACTOR = "casegraph-extract 1"


class CorpusIndex:
    """Existing entities (``--corpus``) that drafted names resolve to (by :mod:`graph.identity`)."""

    def __init__(self, entities: Iterable[Entity]):
        self.entities = list(entities)

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path]) -> CorpusIndex:
        from loaders.facts import load_corpus

        return cls(load_corpus(paths).entities.values())


@dataclass
class ExtractReport:
    """What a batch did: drafts written, and the inputs that failed (one line each)."""

    written: list[tuple[Path, Path, int, int, int]] = field(default_factory=list)  # in, out, entities, claims, open
    failed: list[tuple[Path, str]] = field(default_factory=list)


def _dedupe(ex: Extraction, ontology: Ontology) -> list[ClaimDraft]:
    """One claim per claim id (the fact format refuses repeats): keep the surest, merge qualifiers."""
    out: dict[str, ClaimDraft] = {}
    for c in ex.claims:
        rel = ontology.relationships[c.predicate]
        if ex.entities[c.subject].label not in rel.sources or ex.entities[c.object].label not in rel.targets:
            continue
        specs = ontology.qualifiers(c.predicate)
        c.qualifiers = {k: v for k, v in c.qualifiers.items() if k in specs}
        cid = claim_id(c.subject, c.predicate, c.object, {k: c.qualifiers[k] for k in rel.key if k in c.qualifiers})
        have = out.get(cid)
        if have is None:
            out[cid] = c
            continue
        for k, v in c.qualifiers.items():
            have.qualifiers.setdefault(k, v)
        if c.confidence > have.confidence:
            have.span, have.confidence, have.asserted_by = c.span, c.confidence, c.asserted_by or have.asserted_by
    return list(out.values())


@dataclass
class _Drafted:
    """One article's extraction, before the batch resolves identities."""

    article: Article
    ex: Extraction
    doubts: list[Doubt]
    source_key: str

    def entities(self) -> list[Entity]:
        return [Entity(e.key, e.label, e.name, list(e.aliases), dict(e.attributes), e.sensitive, e.generic,
                       [self.source_key]) for e in self.ex.entities.values() if e.label != "Event"]


def _extract(article: Article, learned: bool = False) -> _Drafted:
    gaz = load_gazetteer()
    text = article.text
    entries = find_entries(text, gaz)
    people, doubts = find_people(text, entries, gaz)
    ex = extract_claims(text, split_sentences(text), entries, people, gaz)
    if learned:  # the trained event finder adds what the rules missed (loaders/extract/learn)
        learned_events(text, [m for p in people for m in p.mentions] + entries, ex)
    return _Drafted(article, ex, doubts, f"source:{slug(article.path.stem)}")


def draft_document(article: Article, corpus: CorpusIndex | None = None, ontology: Ontology | None = None,
                   review_below: float = REVIEW_BELOW, learned: bool = False) -> dict[str, Any]:
    """The draft fact document of one cleaned article (not written); ``learned`` adds the trained event finder's finds."""
    drafted = _extract(article, learned)
    [plan] = plan_batch([drafted.entities()], corpus.entities if corpus is not None else ())
    return _assemble(drafted, plan, ontology or default_ontology(), review_below)


def _apply_plan(d: _Drafted, plan: Plan) -> dict[str, str]:
    """Rename this draft's entities to their group keys and give them the group's names and flags."""
    ex = d.ex
    rename = dict(plan.rename)
    for old, new in plan.rename.items():
        rename.update(_followers(ex, old, new))
    for e in ex.entities.values():
        if e.label == "Person":  # "attorney X", "President Y": the role is not part of the name
            e.name = strip_roles(e.name)
            e.aliases = [strip_roles(a) for a in e.aliases]
    for key, e in ex.entities.items():
        target = rename.get(key, key)
        group = plan.merged.get(target)
        if group is None:
            e.aliases = [a for a in dict.fromkeys(e.aliases) if a != e.name]
            continue
        if target in plan.corpus_names and e.name != plan.corpus_names[target]:
            e.aliases.insert(0, e.name)  # the corpus's name leads; the article's spelling stays an alias
            e.name = plan.corpus_names[target]
        # The one merge rule: every spelling of the group as an alias, sensitive if any member is.
        names = [strip_roles(n) if e.label == "Person" else n for n in (group.name, *group.aliases)]
        merge_entity(e, Entity(key, e.label, names[0], names[1:], {}, group.sensitive, e.generic))
        for attr, value in list(e.attributes.items()):
            if attr in group.attributes and group.attributes[attr] != value:
                del e.attributes[attr]  # drafts of one batch load together: another draft's value stands
        e.aliases = [a for a in dict.fromkeys(e.aliases) if a != e.name]
    return rename


def _followers(ex: Extraction, old: str, new: str) -> dict[str, str]:
    """The cases and events named after ``old`` (a person or an organisation) renamed after ``new``.

    A person's case and events carry the person's key (``case:<person>``,
    ``event:<person>-arrest``); an organisation's events carry its name
    (``event:<name>-statement``). When two organisations of one article merge, both
    statements become one event, so no two events (and no duplicate claims) say one thing.
    """
    out: dict[str, str] = {}
    o, n = old.split(":", 1)[1], new.split(":", 1)[1]
    if old.startswith("person:") and new.startswith("person:"):
        for key, e in ex.entities.items():
            if e.label == "LegalCase" and key == f"case:{o}":
                out[key] = f"case:{n}"
            elif e.label == "Event" and key.startswith(f"event:{o}-"):
                out[key] = f"event:{n}-" + key[len(f"event:{o}-"):]
        return out
    have, target = ex.entities.get(old), ex.entities.get(new)
    if have is None or have.label != "Organisation" or not new.startswith("org:"):
        return out
    to = slug(target.name) if target is not None else n
    for key, e in ex.entities.items():
        kind = str(e.attributes.get("kind") or "").replace("_", "-")
        if e.label != "Event" or not kind:
            continue
        for stem in dict.fromkeys((o, slug(have.name))):
            rest = key[len(f"event:{stem}-"):] if key.startswith(f"event:{stem}-") else ""
            if rest.startswith(kind):  # "event:court-of-appeal-statement" is not the court's own event
                out[key] = f"event:{to}-{rest}"
                break
    return out


def _assemble(d: _Drafted, plan: Plan, ontology: Ontology, review_below: float) -> dict[str, Any]:
    article, ex, doubts = d.article, d.ex, d.doubts
    text = article.text
    rename = _apply_plan(d, plan)
    ex = _renamed(ex, rename, ontology)
    claims = _dedupe(ex, ontology)
    used = {c.subject for c in claims} | {c.object for c in claims} | {c.asserted_by for c in claims if c.asserted_by}
    used |= {rename.get(x.entity, x.entity) for x in doubts} | {rename.get(x.same_as, x.same_as) for x in doubts}
    used |= {c["entity"] for c in plan.candidates}
    entities = [e for k, e in ex.entities.items() if k in used or e.label in ("Person", "Organisation", "LegalCase", "Location")]
    keys = {e.key for e in entities}
    candidates = []
    asked: set[frozenset[str]] = set()  # a pair is asked once, whichever side is named first
    for dm in doubts:
        entity, same_as = rename.get(dm.entity, dm.entity), rename.get(dm.same_as, dm.same_as)
        if entity not in keys or entity == same_as or frozenset((entity, same_as)) in asked:
            continue
        asked.add(frozenset((entity, same_as)))
        cand: dict[str, Any] = {"entity": entity, "mention": dm.mention}
        if dm.end > dm.start:
            cand["span"] = [dm.start, dm.end]
        cand.update({"same_as": same_as, "same_as_name": dm.same_as_name, "score": dm.score, "reason": dm.reason,
                     "decision": "pending"})
        candidates.append(cand)
    for cand in plan.candidates:
        if cand["entity"] in keys and frozenset((cand["entity"], cand["same_as"])) not in asked:
            asked.add(frozenset((cand["entity"], cand["same_as"])))
            candidates.append(dict(cand))
    source: dict[str, Any] = {"key": d.source_key, "title": article.title}
    for name in ("publisher", "url", "published"):
        if getattr(article, name):
            source[name] = getattr(article, name)
    doc = {
        "source": source,
        "entities": [_entity_entry(e) for e in entities],
        **({"claims": [_claim_entry(c, text, review_below) for c in claims]} if claims else {}),
        "draft": {
            "status": "unreviewed",
            "article": str(article.path),
            "extractor": EXTRACTOR,
            "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
            "review_below": review_below,
            "candidates": candidates,
        },
    }
    return doc


def _renamed(ex: Extraction, rename: dict[str, str], ontology: Ontology | None = None) -> Extraction:
    """``ex`` with keys renamed; entities that meet under one key merge by the model's one rule.

    :func:`graph.model.merge_entity` keeps every name as an alias and ``sensitive`` if
    either side is: a person at risk never reaches a draft unmarked because a spelling of
    theirs resolved to someone else's key. A label or ``generic`` conflict is not merged
    (the entity keeps its own key). Every claim field that holds a key is renamed: the
    ontology lists them (:attr:`graph.ontology.Ontology.claim_key_fields`).
    """
    if not rename:
        return ex
    key_qualifiers = [f for f in (ontology or default_ontology()).claim_key_fields if f not in CLAIM_ENDPOINTS]
    out = Extraction()
    for key, e in ex.entities.items():
        new = rename.get(key, key)
        have = out.entities.get(new)
        if have is None:
            e.key = new
            out.entities[new] = e
            continue
        if key == new and have.label == e.label and have.generic == e.generic:
            # The entity that keeps its key leads (its name and attributes), the renamed one merges in.
            have, e = e, have
            out.entities[new] = have
        if any(c.field in ("label", "generic") for c in merge_entity(have, e)):
            rename.pop(key, None)
            e.key = key
            out.entities[key] = e
    for c in ex.claims:
        c.subject, c.object = rename.get(c.subject, c.subject), rename.get(c.object, c.object)
        c.asserted_by = rename.get(c.asserted_by, c.asserted_by) if c.asserted_by else None
        for q in key_qualifiers:
            v = c.qualifiers.get(q)
            if isinstance(v, str) and v in rename:
                c.qualifiers[q] = rename[v]
        out.claims.append(c)
    return out


def _entity_entry(e: EntityDraft) -> dict[str, Any]:
    aliases = [a for a in dict.fromkeys(e.aliases) if a != e.name]
    attrs = {k: v for k, v in e.attributes.items() if v is not None}
    return entity_entry(Entity(e.key, e.label, e.name, aliases, attrs, e.sensitive, e.generic))


def _claim_entry(c: ClaimDraft, text: str, review_below: float) -> dict[str, Any]:
    out: dict[str, Any] = {"subject": c.subject, "predicate": c.predicate, "object": c.object, **c.qualifiers}
    if c.asserted_by and c.asserted_by not in (c.subject, c.object) or c.asserted_by and c.predicate == "PARTICIPANT_IN":
        out["asserted_by"] = c.asserted_by
    out["confidence"] = c.confidence
    out["span"] = [c.span[0], c.span[1]]
    if c.confidence < review_below:
        out["review"] = "pending"
    out["quote"] = text[c.span[0]:c.span[1]]
    return out


def _write(d: _Drafted, doc: dict[str, Any], out_dir: str | Path, fmt: str) -> Path:
    path = d.article.path
    out = Path(out_dir) / f"{Path(path).stem}.{fmt}"
    header = (f"Draft extracted from {Path(path).name} by {EXTRACTOR}: review it with "
              f"'casegraph review {out}' before loading.")
    write_fact_file(out, doc, fmt, header=header)
    return out


def extract_article(path: str | Path, out_dir: str | Path, corpus: CorpusIndex | None = None,
                    fmt: str = "yaml", learned: bool = False) -> tuple[Path, dict[str, Any]]:
    """Extract one article into ``out_dir/<stem>.<fmt>``; return the path and the document."""
    d = _extract(read_article(path), learned)
    [plan] = plan_batch([d.entities()], corpus.entities if corpus is not None else ())
    doc = _assemble(d, plan, default_ontology(), REVIEW_BELOW)
    return _write(d, doc, out_dir, fmt), doc


def extract_articles(paths: Iterable[str | Path], out_dir: str | Path, corpus_paths: Iterable[str | Path] = (),
                     fmt: str = "yaml", learned: bool = False) -> ExtractReport:
    """Extract every article (files, or directories of ``.html``/``.txt``); one bad input does not stop the rest.

    The batch is resolved as a whole (:mod:`loaders.extract.batch`): an actor named in several
    articles gets one key in every draft, and doubtful matches become review candidates.
    ``learned`` adds the events the trained finder (:mod:`loaders.extract.learn`) finds and the rules miss.
    """
    corpus_paths = list(corpus_paths)
    corpus = CorpusIndex.from_paths(corpus_paths) if corpus_paths else None
    report = ExtractReport()
    drafted: list[_Drafted] = []
    files, unreadable = article_files(paths)
    report.failed.extend(unreadable)
    for path in files:
        try:
            drafted.append(_extract(read_article(path), learned))
        except CasegraphError as exc:
            report.failed.append((path, str(exc)))
    plans = plan_batch([d.entities() for d in drafted], corpus.entities if corpus is not None else ())
    ontology = default_ontology()
    for d, plan in zip(drafted, plans, strict=True):
        try:
            doc = _assemble(d, plan, ontology, REVIEW_BELOW)
            out = _write(d, doc, out_dir, fmt)
        except CasegraphError as exc:
            report.failed.append((d.article.path, str(exc)))
            continue
        report.written.append((d.article.path, out, len(doc.get("entities") or ()), len(doc.get("claims") or ()),
                               open_items(doc)))
    return report
