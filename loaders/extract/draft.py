"""From an article to a draft fact file: the extraction pipeline and the batch driver."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import CasegraphError
from graph.model import Entity, claim_id
from graph.ontology import Ontology, default_ontology
from graph.resolve import EntityResolver
from loaders.drafts import open_items
from loaders.extract.claims import ClaimDraft, EntityDraft, Extraction, extract_claims
from loaders.extract.clean import Article, article_files, read_article
from loaders.extract.gazetteer import load_gazetteer, slug
from loaders.extract.mentions import SAME, Doubt, find_entries, find_people, same_name_score, split_sentences
from loaders.factfile import entity_entry, write_fact_file

__all__ = ["REVIEW_BELOW", "EXTRACTOR", "draft_document", "extract_article", "extract_articles", "ExtractReport",
           "CorpusIndex"]

REVIEW_BELOW = 0.7   # claims less sure than this are walked through by `casegraph review`
EXTRACTOR = "casegraph-extract 1"


class CorpusIndex:
    """Existing entities (``--corpus``) that drafted mentions resolve to."""

    def __init__(self, entities: Iterable[tuple[str, str, list[str], str]]):
        self.entities = {k: (name, aliases, label) for k, name, aliases, label in entities}
        self.resolver = EntityResolver((k, n, a, lab) for k, (n, a, lab) in self.entities.items())

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path]) -> CorpusIndex:
        from loaders.facts import load_corpus

        corpus = load_corpus(paths)
        return cls((e.key, e.name, list(e.aliases), e.label) for e in corpus.entities.values())

    def match(self, draft: EntityDraft) -> tuple[str | None, tuple[str, float] | None]:
        """(the corpus key this entity surely is, or a doubtful (key, score)), by name, alias or spelling."""
        for text in [draft.name, *draft.aliases]:
            found = [k for k in self.resolver.matches(text) if self.entities[k][2] == draft.label]
            if len(found) == 1 and " " in text.strip():
                return found[0], None
        if draft.label != "Person" or " " not in draft.name:
            return None, None
        given, surname = draft.name.split()[0], draft.name.split()[-1]
        best: tuple[str, float] | None = None
        for key, (name, aliases, label) in self.entities.items():
            if label != "Person":
                continue
            for text in [name, *aliases]:
                parts = text.split()
                if len(parts) < 2:
                    continue
                s_ratio, s_jw = same_name_score(parts[-1], surname)
                g_ratio, _ = same_name_score(parts[0], given)
                if s_ratio >= SAME and g_ratio >= 80:
                    return key, None
                if g_ratio >= 80 and s_jw >= 0.93 and (best is None or s_jw > best[1]):
                    best = (key, s_jw)
        return None, best


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


def draft_document(article: Article, corpus: CorpusIndex | None = None, ontology: Ontology | None = None,
                   review_below: float = REVIEW_BELOW) -> dict[str, Any]:
    """The draft fact document of one cleaned article (not written)."""
    ontology = ontology or default_ontology()
    gaz = load_gazetteer()
    text = article.text
    entries = find_entries(text, gaz)
    people, doubts = find_people(text, entries, gaz)
    ex = extract_claims(text, split_sentences(text), entries, people, gaz)
    rename: dict[str, str] = {}
    if corpus is not None:
        for key, d in list(ex.entities.items()):
            if d.label == "Event":
                continue
            sure, doubt = corpus.match(d)
            if sure and sure != key:
                name = corpus.entities[sure][0]
                if d.name != name and d.name not in d.aliases:
                    d.aliases.append(d.name)
                d.name = name
                rename[key] = sure
            elif doubt:
                doubts.append(Doubt(key, d.name, 0, 0, doubt[0], corpus.entities[doubt[0]][0], round(doubt[1], 3),
                                    f"'{d.name}' is spelled close to '{corpus.entities[doubt[0]][0]}' in the corpus"))
    claims = _dedupe(_renamed(ex, rename), ontology)
    used = {c.subject for c in claims} | {c.object for c in claims} | {c.asserted_by for c in claims if c.asserted_by}
    used |= {x.entity for x in doubts} | {rename.get(x.same_as, x.same_as) for x in doubts}
    entities = [e for k, e in ex.entities.items() if k in used or e.label in ("Person", "Organisation", "LegalCase", "Location")]
    keys = {e.key for e in entities}
    candidates = []
    for dm in doubts:
        entity, same_as = rename.get(dm.entity, dm.entity), rename.get(dm.same_as, dm.same_as)
        if entity not in keys or entity == same_as:
            continue
        cand: dict[str, Any] = {"entity": entity, "mention": dm.mention}
        if dm.end > dm.start:
            cand["span"] = [dm.start, dm.end]
        cand.update({"same_as": same_as, "same_as_name": dm.same_as_name, "score": dm.score, "reason": dm.reason,
                     "decision": "pending"})
        candidates.append(cand)
    source: dict[str, Any] = {"key": f"source:{slug(article.path.stem)}", "title": article.title}
    for name in ("publisher", "url", "published"):
        if getattr(article, name):
            source[name] = getattr(article, name)
    doc = {
        "source": source,
        "entities": [_entity_entry(e) for e in entities],
        "claims": [_claim_entry(c, text, review_below) for c in claims],
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


def _renamed(ex: Extraction, rename: dict[str, str]) -> Extraction:
    if not rename:
        return ex
    out = Extraction()
    for key, e in ex.entities.items():
        new = rename.get(key, key)
        if new in out.entities:
            have = out.entities[new]
            have.aliases.extend(a for a in [e.name, *e.aliases] if a != have.name and a not in have.aliases)
            continue
        e.key = new
        out.entities[new] = e
    for c in ex.claims:
        c.subject, c.object = rename.get(c.subject, c.subject), rename.get(c.object, c.object)
        c.asserted_by = rename.get(c.asserted_by, c.asserted_by) if c.asserted_by else None
        for q in ("case", "client", "linked_by"):
            if q in c.qualifiers:
                c.qualifiers[q] = rename.get(c.qualifiers[q], c.qualifiers[q])
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


def extract_article(path: str | Path, out_dir: str | Path, corpus: CorpusIndex | None = None,
                    fmt: str = "yaml") -> tuple[Path, dict[str, Any]]:
    """Extract one article into ``out_dir/<stem>.<fmt>``; return the path and the document."""
    article = read_article(path)
    doc = draft_document(article, corpus)
    out = Path(out_dir) / f"{Path(path).stem}.{fmt}"
    header = (f"Draft extracted from {Path(path).name} by {EXTRACTOR}: review it with "
              f"'casegraph review {out}' before loading.")
    write_fact_file(out, doc, fmt, header=header)
    return out, doc


def extract_articles(paths: Iterable[str | Path], out_dir: str | Path, corpus_paths: Iterable[str | Path] = (),
                     fmt: str = "yaml") -> ExtractReport:
    """Extract every article (files, or directories of ``.html``/``.txt``); one bad input does not stop the rest."""
    corpus_paths = list(corpus_paths)
    corpus = CorpusIndex.from_paths(corpus_paths) if corpus_paths else None
    report = ExtractReport()
    files, unreadable = article_files(paths)
    report.failed.extend(unreadable)
    for path in files:
        try:
            out, doc = extract_article(path, out_dir, corpus, fmt)
        except CasegraphError as exc:
            report.failed.append((path, str(exc)))
            continue
        report.written.append((path, out, len(doc.get("entities", [])), len(doc.get("claims", [])), open_items(doc)))
    return report
