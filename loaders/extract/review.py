"""The reviewer's walk through a draft: doubtful matches, then low-confidence claims.

Each item gets a decision: **accept** (a doubtful match: merge the entity into the one it
may be; a claim: keep it as it is), **reject** (keep the entities apart; drop the claim),
**edit** (a match: merge into another entity of the file; a claim: a new quote, which must
still be exact and short) or **skip** (decide later). Decisions are written into the draft
itself, atomically and only once the result validates; a draft with nothing left pending
is marked ``reviewed`` and can then be loaded.

The walk is a library function that talks through two callables (``ask`` and ``say``),
so the CLI passes click's prompt and echo, and tests pass their own.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import CasegraphError, ValidationFailed
from graph.model import Entity, claim_id, merge_entity
from graph.ontology import default_ontology
from graph.yamlio import ParseError, load_with_lines
from loaders.drafts import open_items
from loaders.factfile import entity_entry, format_of, write_fact_file

__all__ = ["ReviewSummary", "review_draft", "merge_entity_into", "plain", "read_draft", "article_text",
           "accept_claim", "reject_claim", "decide_candidate", "finish_review", "write_draft"]

Ask = Callable[[str, list[str]], str]
Say = Callable[[str], None]
CHOICES = ["a", "r", "e", "s", "q"]
_HELP = "[a]ccept  [r]eject  [e]dit  [s]kip  [q]uit (saves what is decided)"


@dataclass
class ReviewSummary:
    path: Path
    accepted: int = 0
    rejected: int = 0
    edited: int = 0
    skipped: int = 0
    open: int = 0
    status: str = "unreviewed"


def plain(value: Any) -> Any:
    """Plain dicts and lists (the line-aware loader's subclasses do not dump)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def read_draft(path: Path) -> dict[str, Any]:
    """The draft at ``path`` as plain data; refused (one line) when it is not a valid draft."""
    try:
        doc = plain(load_with_lines(path))
    except ParseError as exc:
        raise CasegraphError(f"{path}:{exc.line}: {exc.message}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CasegraphError(f"{path}: cannot read: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("draft"), dict):
        raise CasegraphError(f"{path}: not a draft (no 'draft' block); only extracted drafts are reviewed")
    from loaders.facts import validate

    # A draft edited by hand into something malformed is named, not walked into a traceback.
    problems = validate([path])[1]
    if problems:
        more = f" (and {len(problems) - 1} more: run 'casegraph validate {path}')" if len(problems) > 1 else ""
        raise CasegraphError(f"{problems[0]}{more}; fix the draft before reviewing it")
    return doc


def article_text(doc: dict[str, Any]) -> str | None:
    """The cleaned article, when it is still there and unchanged (to show context and check quotes)."""
    block = doc["draft"]
    src = block.get("article")
    if not src or not Path(src).is_file():
        return None
    from loaders.extract.clean import ArticleError, read_article

    try:
        text = read_article(src).text
    except ArticleError:
        return None
    return text if hashlib.sha1(text.encode("utf-8")).hexdigest() == block.get("text_sha1") else None


def _names(doc: dict[str, Any]) -> dict[str, str]:
    return {e["key"]: e.get("name", e["key"]) for e in doc.get("entities") or []}


def merge_entity_into(doc: dict[str, Any], old: str, new: str, new_name: str | None = None) -> None:
    """Make ``old`` the same entity as ``new`` everywhere in the draft (keys, names, claims)."""
    entities = doc.get("entities") or []
    old_e = next((e for e in entities if e["key"] == old), None)
    new_e = next((e for e in entities if e["key"] == new), None)
    if old_e is None:
        raise CasegraphError(f"no entity '{old}' in this draft")
    dropped = _as_entity(old_e)
    if new_e is None:
        # An entity of another file or of the corpus: this one takes its key and name.
        have = Entity(new, dropped.label, new_name or dropped.name, [], {}, False, dropped.generic)
    else:
        have = _as_entity(new_e)
    # The one entity merge rule: every name kept as an alias, sensitive if either side is.
    refused = [c for c in merge_entity(have, dropped) if c.field in ("label", "generic")]
    if refused:
        c = refused[0]
        raise CasegraphError(f"'{old}' cannot be merged into '{new}': its {c.field} is {c.new}, not {c.have}")
    merged = entity_entry(have)
    if new_e is None:
        entities[entities.index(old_e)] = merged
    else:
        entities[entities.index(new_e)] = merged
        entities.remove(old_e)
    ontology = default_ontology()
    seen: dict[str, dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for c in doc.get("claims") or []:
        for f in ontology.claim_key_fields:  # subject, object, asserted_by and every `entity` qualifier
            if c.get(f) == old:
                c[f] = new
        if c["subject"] == c["object"]:
            continue
        rel = ontology.relationships.get(c["predicate"])
        cid = claim_id(c["subject"], c["predicate"], c["object"], {k: c[k] for k in (rel.key if rel else ()) if k in c})
        if cid in seen:  # the merge made two claims one: keep the surer
            if c.get("confidence", 0) > seen[cid].get("confidence", 0):
                kept[kept.index(seen[cid])] = c
                seen[cid] = c
            continue
        seen[cid] = c
        kept.append(c)
    doc["claims"] = kept
    for cand in doc["draft"].get("candidates") or []:
        for f in ("entity", "same_as"):
            if cand.get(f) == old:
                cand[f] = new


def _resolver_says(doc: dict[str, Any], cand: dict[str, Any]) -> str | None:
    """What the one identity resolver (graph.identity) says of a candidate whose two sides are in the draft."""
    from graph.identity import Record, compare

    by_key = {e["key"]: e for e in doc.get("entities") or []}
    a, b = by_key.get(cand["entity"]), by_key.get(cand["same_as"])
    if a is None or b is None:
        return None
    left, right = (Record(e["key"], e["label"], e["name"], e.get("aliases") or ()) for e in (a, b))
    m = compare(left, right)
    if m is None:
        return "no evidence they are one actor (a shared first name, or another given name)"
    return f"score {m.score:.2f}{', sure' if m.sure else ''}: {m.reason}"


def _as_entity(entry: dict[str, Any]) -> Entity:
    return Entity(entry["key"], entry["label"], entry.get("name", entry["key"]), list(entry.get("aliases") or []),
                  dict(entry.get("attributes") or {}), bool(entry.get("sensitive")), bool(entry.get("generic")))


def _context(text: str | None, span: list[int] | None) -> str | None:
    if not text or not span:
        return None
    a, b = span
    left = text.rfind("\n", 0, a) + 1
    right = text.find("\n", b)
    right = len(text) if right < 0 else right
    left, right = max(left, a - 160), min(right, b + 160)
    return f"...{text[left:a]}[[{text[a:b]}]]{text[b:right]}..."


def accept_claim(claim: dict[str, Any]) -> None:
    """Keep a claim as it is."""
    claim["review"] = "accepted"


def reject_claim(doc: dict[str, Any], claim: dict[str, Any]) -> None:
    """Drop a claim from the draft."""
    doc["claims"].remove(claim)


def decide_candidate(doc: dict[str, Any], cand: dict[str, Any], same: bool, target: str | None = None) -> None:
    """Decide a doubtful match: ``same`` merges the entity into ``target`` (default: the candidate's
    ``same_as``); otherwise they are kept apart. Raises CasegraphError when the merge is refused."""
    if not same:
        cand["decision"] = "rejected"
        return
    if target is None:
        merge_entity_into(doc, cand["entity"], cand["same_as"], cand.get("same_as_name"))
    else:
        merge_entity_into(doc, cand["entity"], target, None)
    cand["decision"] = "accepted"


def finish_review(doc: dict[str, Any]) -> int:
    """Mark the draft ``reviewed`` when nothing is left pending; return the open items."""
    left = open_items(doc)
    if left == 0:
        doc["draft"]["status"] = "reviewed"
    return left


def write_draft(path: Path, doc: dict[str, Any]) -> None:
    """Write the reviewed draft only if it validates; the original stays untouched otherwise."""
    from loaders.facts import validate

    if "claims" in doc and not doc["claims"]:
        del doc["claims"]  # the format has no empty claims list: every claim was rejected or merged away
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.review.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        write_fact_file(tmp, doc, format_of(path),
                        header=f"Draft reviewed with 'casegraph review' ({doc['draft']['status']})")
        problems = validate([tmp])[1]
        if problems:
            raise ValidationFailed(problems)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def review_draft(path: str | Path, ask: Ask, say: Say, max_quote_words: int | None = None) -> ReviewSummary:
    """Walk through the draft's pending items, asking for a decision on each; write the decisions."""
    path = Path(path)
    doc = read_draft(path)
    text = article_text(doc)
    limit = max_quote_words or default_ontology().max_quote_words
    summary = ReviewSummary(path)
    total = open_items(doc)
    if not total:
        say(f"{path}: nothing to review")
    step = 0
    quit_ = False
    for cand in list(doc["draft"].get("candidates") or []):
        if quit_ or cand.get("decision", "pending") != "pending":
            continue
        step += 1
        names = _names(doc)
        say("")
        say(f"[{step}/{total}] Doubtful match: is '{cand.get('mention')}' ({cand['entity']}) "
            f"the same as {cand.get('same_as_name') or names.get(cand['same_as'], '')} ({cand['same_as']})?")
        if cand.get("reason"):
            say(f"  why asked: {cand['reason']} (similarity {cand.get('score')})")
        if judged := _resolver_says(doc, cand):
            say(f"  resolver: {judged}")
        if ctx := _context(text, cand.get("span")):
            say(f"  context: {ctx}")
        say(f"  {_HELP}; accept merges them, reject keeps them apart")
        answer = ask("decision", CHOICES)
        if answer == "q":
            quit_ = True
            continue
        if answer == "s":
            summary.skipped += 1
            continue
        if answer == "r":
            decide_candidate(doc, cand, same=False)
            summary.rejected += 1
            continue
        target = cand["same_as"]
        if answer == "e":
            choice = ask("merge into which entity key (empty: skip)", [])
            if not choice.strip():
                summary.skipped += 1
                continue
            if choice.strip() not in names:
                say(f"  no entity '{choice.strip()}' in this draft; skipped")
                summary.skipped += 1
                continue
            target = choice.strip()
            summary.edited += 1
        else:
            summary.accepted += 1
        try:
            decide_candidate(doc, cand, same=True, target=None if answer == "a" else target)
        except CasegraphError as exc:
            say(f"  {exc}; skipped")
            summary.skipped += 1
            continue
    pending = [c for c in doc.get("claims") or [] if c.get("review") == "pending"]
    for claim in pending:
        if quit_:
            break
        step += 1
        names = _names(doc)
        quals = {k: v for k, v in claim.items() if k not in (
            "subject", "predicate", "object", "quote", "span", "review", "confidence", "asserted_by")}
        say("")
        say(f"[{step}/{total}] Claim (confidence {claim.get('confidence')}): "
            f"{names.get(claim['subject'], claim['subject'])} {claim['predicate']} {names.get(claim['object'], claim['object'])}"
            + (" (" + ", ".join(f"{k}: {names.get(str(v), v)}" for k, v in quals.items()) + ")" if quals else ""))
        if claim.get("asserted_by"):
            say(f"  according to: {names.get(claim['asserted_by'], claim['asserted_by'])}")
        say(f"  quote: {claim['quote']}")
        if ctx := _context(text, claim.get("span")):
            say(f"  context: {ctx}")
        say(f"  {_HELP}")
        answer = ask("decision", CHOICES)
        if answer == "q":
            break
        if answer == "s":
            summary.skipped += 1
        elif answer == "a":
            accept_claim(claim)
            summary.accepted += 1
        elif answer == "r":
            reject_claim(doc, claim)
            summary.rejected += 1
        elif answer == "e":
            new = ask("new quote (empty keeps it)", []).strip()
            if new:
                if len(new.split()) > limit:
                    say(f"  a quote is at most {limit} words; skipped")
                    summary.skipped += 1
                    continue
                if text is not None:
                    at = text.find(new)
                    if at < 0:
                        say("  that is not an exact quote of the article; skipped")
                        summary.skipped += 1
                        continue
                    claim["span"] = [at, at + len(new)]
                else:
                    claim.pop("span", None)  # the article is gone: no offsets to check against
                claim["quote"] = new
            claim["review"] = "edited"
            summary.edited += 1
    summary.open = finish_review(doc)
    summary.status = doc["draft"]["status"]
    write_draft(path, doc)
    return summary
