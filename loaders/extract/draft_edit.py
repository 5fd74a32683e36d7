"""Editing a draft from the browser: one save function over the terminal review's decisions.

:func:`apply_edit` is the one way the review page changes a draft: it reads the draft,
refuses when the file on disk is no longer the one the page was built from (its digest),
applies one change (the same functions ``casegraph review`` uses for decisions, plus adding
an entity or a claim from a selection of the article), and writes through the one
fact-file writer, atomically and only when the result validates. Problems come back with
the messages ``casegraph validate`` prints, naming the draft's file.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import CasegraphError, ValidationFailed
from graph.identity import DOUBT, IdentityIndex, Record
from graph.ontology import Ontology, default_ontology
from loaders.drafts import CANDIDATE_FIELDS, open_items
from loaders.extract.review import (
    accept_claim,
    decide_candidate,
    finish_review,
    read_draft,
    reject_claim,
    write_draft,
)
from loaders.factfile import format_of

__all__ = ["DraftChanged", "EditRefused", "draft_files", "digest", "list_drafts", "draft_state", "apply_edit",
           "menus", "corpus_candidates", "CorpusMatches"]

# The corpus's doubtful matches for a draft (the app builds it over Neo4j): draft -> candidates.
CorpusMatches = Callable[[dict[str, Any]], list[dict[str, Any]]]
MAX_CORPUS_CANDIDATES = 30

_LOCK = threading.Lock()  # one save at a time: the digest check and the rename belong together
_SUFFIXES = (".yaml", ".yml", ".json")


class DraftChanged(CasegraphError):
    """The draft on disk is not the one the page was built from."""


class EditRefused(CasegraphError):
    """The change would make the draft invalid; ``problems`` are the validator's messages."""

    def __init__(self, problems: list[str]):
        super().__init__(problems[0] if problems else "refused")
        self.problems = problems


@dataclass
class Article:
    """The article a draft points at: its cleaned text when unchanged, and a note otherwise."""

    text: str | None
    note: str | None


def digest(path: Path) -> str:
    """SHA-256 of the file's bytes: what the page sends back to prove it saw this version."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def draft_files(folder: Path) -> list[Path]:
    """The fact files directly in ``folder`` (drafts are one folder of ``extract`` output)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES
                  and not p.name.startswith("."))


def list_drafts(folder: Path) -> list[dict[str, Any]]:
    """Every draft in ``folder``: file name, title, status and open items (or the reason it cannot be read)."""
    out = []
    for path in draft_files(folder):
        row: dict[str, Any] = {"name": path.name}
        try:
            doc = read_draft(path)
        except CasegraphError as exc:
            row["error"] = str(exc)
        else:
            row.update(title=doc["source"].get("title", ""), status=doc["draft"].get("status"),
                       open=open_items(doc), claims=len(doc.get("claims") or ()))
        out.append(row)
    return out


def _article(doc: dict[str, Any], path: Path) -> Article:
    from loaders.extract.clean import ArticleError, read_article

    src = doc["draft"].get("article")
    if not src:
        return Article(None, "this draft does not name its article")
    found = next((p for p in (Path(src), path.parent / src) if p.is_file()), None)
    if found is None:
        return Article(None, f"the article {src} is not there any more")
    try:
        text = read_article(found).text
    except ArticleError as exc:
        return Article(None, f"the article cannot be read: {exc}")
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != doc["draft"].get("text_sha1"):
        return Article(None, f"the article {src} changed since the draft was extracted (its text_sha1 differs): "
                             "quotes cannot be checked or added")
    return Article(text, None)


def _mentions(text: str, entities: list[dict[str, Any]]) -> list[list[Any]]:
    """[start, end, key] of every whole-word occurrence of an entity's name or alias."""
    found: list[list[Any]] = []
    for e in entities:
        names = {n for n in [e.get("name"), *(e.get("aliases") or [])] if isinstance(n, str) and len(n) > 1}
        for name in sorted(names, key=len, reverse=True):
            for hit in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                found.append([hit.start(), hit.end(), e["key"]])
    found.sort()
    kept: list[list[Any]] = []
    for m in found:  # the longest mention wins where two overlap
        if kept and m[0] < kept[-1][1]:
            if m[1] - m[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def menus(ontology: Ontology | None = None) -> dict[str, Any]:
    """What the claim forms offer: labels, and each predicate's allowed labels and the qualifiers
    it declares (its own and the universal dates): enum values, the type, and for an entity
    qualifier the labels it takes. A list qualifier is left to the fact file."""
    ontology = ontology or default_ontology()
    out: dict[str, Any] = {}
    for name, r in sorted(ontology.relationships.items()):
        specs = {q: s for q, s in ontology.qualifiers(name).items() if s.type != "list"}
        out[name] = {"from": list(r.sources), "to": list(r.targets),
                     "qualifiers": {q: list(s.values) for q, s in specs.items()},
                     "types": {q: s.type for q, s in specs.items()},
                     "entity_labels": {q: list(s.labels) for q, s in specs.items() if s.type == "entity"}}
    return {"labels": sorted(ontology.labels), "predicates": out, "speakers": list(ontology.speaker_labels),
            "max_quote_words": ontology.max_quote_words}


def draft_state(path: Path) -> dict[str, Any]:
    """Everything the review page shows of one draft, with the digest a save must send back."""
    data = path.read_bytes()
    doc = read_draft(path)
    article = _article(doc, path)
    entities = doc.get("entities") or []
    return {
        "name": path.name,
        "digest": hashlib.sha256(data).hexdigest(),
        "source": doc["source"],
        "status": doc["draft"].get("status"),
        "open": open_items(doc),
        "entities": entities,
        "claims": doc.get("claims") or [],
        "candidates": doc["draft"].get("candidates") or [],
        "text": article.text,
        "note": article.note,
        "mentions": _mentions(article.text, entities) if article.text else [],
    }


def corpus_candidates(doc: dict[str, Any], corpus: IdentityIndex | Sequence[Record],
                      lookup: Callable[[list[str]], dict[str, Record]] | None = None,
                      limit: int = MAX_CORPUS_CANDIDATES) -> list[dict[str, Any]]:
    """Doubtful identity matches between the draft's entities and the corpus's, by the one resolver.

    Each is a draft candidate (``entity`` of the draft, ``same_as`` a corpus key, score and
    reason) plus the corpus side's ``sources``; best first. Pairs the draft already holds as a
    candidate (decided or not) are left out, and so are corpus keys the draft itself declares
    (the article's own coreference asked about those). ``corpus`` (best an index built once:
    only its records that share a block with the draft's are compared) may lack the
    ``generic`` flag and sources (a name index); ``lookup`` gives the matched corpus keys'
    full records, and each pair is judged again on them.
    """
    if not isinstance(corpus, IdentityIndex):
        corpus = IdentityIndex(corpus)
    entities = doc.get("entities") or []
    ours = {e["key"] for e in entities}
    drafted = [Record(e["key"], e["label"], e.get("name", e["key"]), list(e.get("aliases") or []), (),
                      bool(e.get("sensitive")), bool(e.get("generic")), origin="draft") for e in entities]
    near: set[int] = set()
    for block in IdentityIndex(drafted).blocks:  # the corpus's blocks the draft falls in, not all its pairs
        members = corpus.blocks.get(block, ())
        if len(members) <= corpus.max_block:
            near.update(members)
    nearby = [corpus.records[i] for i in sorted(near) if corpus.records[i].key not in ours]
    asked = {(c.get("entity"), c.get("same_as")) for c in doc["draft"].get("candidates") or []}
    found = _draft_matches(drafted, nearby, corpus.shared_surnames, asked)
    if lookup is not None and found:
        # The name index may lack the generic flag and sources: judge the pairs found again, by
        # the same index scoring (the only bearer of a surname included), on their full records.
        pairs = {(m.key, t.key) for m, t, _s, _r in found}
        full = lookup(sorted({t for _m, t in pairs}))
        found = [f for f in _draft_matches(drafted, [full.get(r.key, r) for r in nearby], corpus.shared_surnames, asked)
                 if (f[0].key, f[1].key) in pairs]
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for mine, theirs, score, reason in found:
        if (mine.key, theirs.key) in out:
            continue
        out[(mine.key, theirs.key)] = {
            "entity": mine.key, "mention": mine.name, "same_as": theirs.key, "same_as_name": theirs.name,
            "score": round(score, 2), "reason": f"{reason} (in the corpus)", "sources": sorted(theirs.sources)}
    return sorted(out.values(), key=lambda c: (-c["score"], c["entity"], c["same_as"]))[:limit]


def _draft_matches(drafted: list[Record], nearby: list[Record], corpus_shared: dict[str, int],
                   asked: set[tuple[Any, Any]]) -> list[tuple[Record, Record, float, str]]:
    """(draft record, corpus record, score, reason) of each doubtful draft-corpus pair not yet
    asked, scored by :meth:`IdentityIndex.candidates` as ``extract`` and ``xref`` score them
    (a surname alone beside the only person known by it is that person), not by a bare
    pairwise compare."""
    index = IdentityIndex([*drafted, *nearby])
    # How many people share a surname is a fact of the whole corpus, not of the few compared:
    # set before any scoring, so the pair scores and the "only person" test both see it.
    shared = dict(corpus_shared)
    for name, n in index.shared_surnames.items():
        shared[name] = max(shared.get(name, 0), n)
    index.shared_surnames = shared
    among = {i for i, r in enumerate(index.records) if r.origin == "draft"}
    found = []
    for m in index.candidates(DOUBT, among=among):
        a, b = index.records[m.i], index.records[m.j]
        if (a.origin == "draft") == (b.origin == "draft"):
            continue
        mine, theirs = (a, b) if a.origin == "draft" else (b, a)
        if (mine.key, theirs.key) not in asked:
            found.append((mine, theirs, m.score, m.reason))
    return found


def _decide_corpus(doc: dict[str, Any], edit: dict[str, Any], corpus: CorpusMatches | None) -> str:
    """Record a corpus match the way extraction records one (a draft candidate), then decide it
    as ``review`` does: same merges the entity into the corpus key, different keeps them apart."""
    if corpus is None:
        raise CasegraphError("this app has no corpus to compare the draft with")
    found = next((c for c in corpus(doc) if c["entity"] == edit.get("entity") and c["same_as"] == edit.get("same_as")),
                 None)
    if found is None:
        raise CasegraphError(f"{str(edit.get('entity'))[:80]!r} and {str(edit.get('same_as'))[:80]!r} are not a "
                             "doubtful match with the corpus (any more): reload the page")
    cand = {k: v for k, v in found.items() if k in CANDIDATE_FIELDS}
    cand["decision"] = "pending"
    doc["draft"].setdefault("candidates", []).append(cand)
    same = edit.get("op") == "corpus_same"
    decide_candidate(doc, cand, same=same)
    return f"merged into {found['same_as']}" if same else "kept apart from the corpus entity"


def _index(items: list[dict[str, Any]], value: Any, what: str) -> dict[str, Any]:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(items):
        raise CasegraphError(f"no {what} number {value!r} in this draft")
    return items[value]


def _selection(text: str | None, form: dict[str, Any]) -> tuple[int, int, str]:
    """The selection's [start, end) in code points, checked against the article and trimmed of spaces."""
    if text is None:
        raise CasegraphError("the article is missing or changed: nothing can be added from it")
    start, end, shown = form.get("start"), form.get("end"), form.get("text")
    if (not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool)
            or not 0 <= start < end <= len(text)):
        raise CasegraphError(f"the selection [{str(start)[:20]}, {str(end)[:20]}] is not inside the article")
    if shown is not None and text[start:end] != shown:
        raise CasegraphError("the selection does not match the article at those offsets (reload the page)")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise CasegraphError("the selection is empty")
    return start, end, text[start:end]


def _add_entity(doc: dict[str, Any], text: str | None, form: dict[str, Any], ontology: Ontology) -> str:
    from loaders.extract.gazetteer import slug

    label = form.get("label")
    if label not in ontology.labels:
        raise CasegraphError(f"unknown label {str(label)[:40]!r} (expected one of: {', '.join(sorted(ontology.labels))})")
    name = str(form["name"]).strip() if form.get("name") else _selection(text, form)[2]
    name = " ".join(name.split())
    if not name:
        raise CasegraphError("an entity needs a name")
    entities = doc.setdefault("entities", [])
    base = ontology.labels[label].key_prefix.rstrip(":") + ":" + slug(name)[:120]
    keys = {e["key"] for e in entities}
    key, n = base, 2
    while key in keys:
        key, n = f"{base}-{n}", n + 1
    entry: dict[str, Any] = {"key": key, "label": label, "name": name}
    aliases = form.get("aliases") or []
    if not isinstance(aliases, list):
        raise CasegraphError("aliases must be a list of names")
    aliases = [a for a in dict.fromkeys(" ".join(str(a).split()) for a in aliases) if a and a != name]
    if aliases:
        entry["aliases"] = aliases
    if form.get("sensitive"):
        entry["sensitive"] = True
    if form.get("generic"):
        entry["generic"] = True
    entities.append(entry)
    return key


def _add_claim(doc: dict[str, Any], text: str | None, form: dict[str, Any], ontology: Ontology) -> None:
    start, end, quote = _selection(text, form)
    labels = {e["key"]: e["label"] for e in doc.get("entities") or []}
    subject, predicate, obj = form.get("subject"), form.get("predicate"), form.get("object")
    rel = ontology.relationships.get(predicate) if isinstance(predicate, str) else None
    if rel is None:
        raise CasegraphError(f"unknown predicate {str(predicate)[:40]!r}")
    for what, key, allowed in (("subject", subject, rel.sources), ("object", obj, rel.targets)):
        if key not in labels:
            raise CasegraphError(f"the {what} {str(key)[:80]!r} is not an entity of this draft")
        if labels[key] not in allowed:
            raise CasegraphError(f"{predicate} does not take a {labels[key]} as {what} (allowed: {', '.join(allowed)})")
    claim: dict[str, Any] = {"subject": subject, "predicate": predicate, "object": obj}
    specs = ontology.qualifiers(rel.name)
    for name, value in dict(form.get("qualifiers") or {}).items():
        if value in (None, ""):
            continue
        if name not in specs:
            raise CasegraphError(f"{predicate} has no qualifier '{str(name)[:40]}'")
        claim[name] = str(value)
    speaker = form.get("asserted_by")
    if speaker:
        if speaker not in labels:
            raise CasegraphError(f"the speaker {str(speaker)[:80]!r} is not an entity of this draft")
        claim["asserted_by"] = speaker
    claim["span"] = [start, end]
    claim["review"] = "accepted"  # a person chose it
    claim["quote"] = quote
    doc.setdefault("claims", []).append(claim)


def _edit_claim(doc: dict[str, Any], form: dict[str, Any], ontology: Ontology) -> None:
    """`review`'s edit of a claim beyond its quote: subject, predicate, object, qualifiers, speaker.

    Only the shape is checked here; whether the ontology allows the result (labels, qualifier
    types, dates) is the validator's word, so a refusal reads as ``validate`` prints it.
    """
    claim = _index(doc.get("claims") or [], form.get("index"), "claim")
    new: dict[str, Any] = {}
    for field in ("subject", "predicate", "object"):
        value = form.get(field, claim[field])
        if not isinstance(value, str) or not value:
            raise CasegraphError(f"a claim needs a {field}")
        new[field] = value
    qualifiers = form.get("qualifiers") or {}
    if not isinstance(qualifiers, dict):
        raise CasegraphError("qualifiers must be an object of name: value")
    speaker = form.get("asserted_by")
    if speaker is not None and not isinstance(speaker, str):
        raise CasegraphError("the speaker must be an entity key")
    # The old predicate's qualifiers go: the form sends every qualifier the new one keeps.
    old = ontology.qualifiers(claim["predicate"]) if claim["predicate"] in ontology.relationships else {}
    for name in [*old, *ontology.claim_qualifiers, "asserted_by"]:
        claim.pop(name, None)
    claim.update(new)
    for name, value in qualifiers.items():
        if value in (None, ""):
            continue
        if name in ("subject", "predicate", "object", "quote", "span", "review", "confidence", "asserted_by"):
            raise CasegraphError(f"'{str(name)[:40]}' is not a qualifier")
        claim[str(name)] = str(value)
    if speaker:
        claim["asserted_by"] = speaker
    claim["review"] = "edited"


def _apply(doc: dict[str, Any], text: str | None, edit: dict[str, Any], ontology: Ontology,
           corpus: CorpusMatches | None = None) -> str:
    op = edit.get("op")
    claims = doc.get("claims") or []
    if op in ("accept", "reject"):
        claim = _index(claims, edit.get("index"), "claim")
        if op == "accept":
            accept_claim(claim)
            return "claim accepted"
        reject_claim(doc, claim)
        return "claim rejected"
    if op == "requote":  # `review`'s edit of a claim: a new exact quote, here the selection
        claim = _index(claims, edit.get("index"), "claim")
        start, end, quote = _selection(text, edit)
        claim.update(span=[start, end], quote=quote, review="edited")
        return "quote replaced"
    if op == "edit_claim":
        _edit_claim(doc, edit, ontology)
        return "claim edited"
    if op in ("same", "different"):
        cand = _index(doc["draft"].get("candidates") or [], edit.get("index"), "doubtful match")
        if cand.get("decision", "pending") != "pending":
            raise CasegraphError("that match is already decided")
        decide_candidate(doc, cand, same=op == "same")
        return "merged" if op == "same" else "kept apart"
    if op in ("corpus_same", "corpus_different"):
        return _decide_corpus(doc, edit, corpus)
    if op == "add_entity":
        return f"entity {_add_entity(doc, text, edit, ontology)} added"
    if op == "add_claim":
        _add_claim(doc, text, edit, ontology)
        return "claim added"
    if op == "mark_reviewed":
        left = finish_review(doc)
        if left:
            raise CasegraphError(f"{left} item{'s are' if left != 1 else ' is'} still pending: decide them first")
        return "marked reviewed"
    raise CasegraphError(f"unknown change {str(op)[:40]!r}")


def apply_edit(path: Path, seen_digest: str, edit: dict[str, Any], ontology: Ontology | None = None,
               corpus: CorpusMatches | None = None) -> dict[str, Any]:
    """Apply one change to the draft at ``path`` and save it; return the new :func:`draft_state` and what was done.

    Refused with :class:`DraftChanged` when the file's digest is not ``seen_digest``, and with
    :class:`EditRefused` (the validator's messages) when the result would not validate; the
    file is untouched then. ``corpus`` gives the draft's doubtful matches with the corpus (for
    deciding one of them).
    """
    ontology = ontology or default_ontology()
    format_of(path)
    with _LOCK:
        if not path.is_file():
            raise DraftChanged(f"{path.name} is not there any more")
        if digest(path) != seen_digest:
            raise DraftChanged(f"{path.name} changed on disk since this page was loaded; nothing was saved. "
                               "Reload the page to see the file as it is now.")
        doc = read_draft(path)
        done = _apply(doc, _article(doc, path).text, edit, ontology, corpus)
        if edit.get("op") != "mark_reviewed" and doc["draft"].get("status") == "reviewed" and open_items(doc):
            doc["draft"]["status"] = "unreviewed"  # a new pending item reopens it
        try:
            write_draft(path, doc)
        except ValidationFailed as exc:
            # The temporary file's name is the writer's business: show the draft's own.
            raise EditRefused([f"{path.name}:{p.line}: {p.message}" for p in exc.problems]) from None
    state = draft_state(path)
    state["done"] = done
    return state
