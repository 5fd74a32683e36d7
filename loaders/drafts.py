"""The review state of a draft fact file, as the fact format declares it.

``casegraph extract`` writes *drafts*: ordinary fact files with review state in
declared fields, so a draft validates as it stands:

- a top-level ``draft`` block: ``status`` (``unreviewed`` or ``reviewed``), the
  ``article`` it came from, ``text_sha1`` of the cleaned text the spans point into,
  ``review_below`` (claims under this confidence are walked through by ``casegraph
  review``) and ``candidates``: doubtful matches (``entity`` may be ``same_as``), each
  with the ``mention``, its ``span``, a ``score``, a ``reason`` and a ``decision``
  (``pending``, ``accepted`` or ``rejected``);
- on claims: ``span`` (``[start, end]``, character offsets of the quote in the cleaned
  text) and ``review`` (``pending``, ``accepted`` or ``edited``); ``confidence`` is the
  format's own field.

Loading refuses an unreviewed draft (``casegraph load`` and ``stats`` say which file and
how many items are open); validation accepts it, since it is a well-formed file. A
draft is marked ``reviewed`` by ``casegraph review`` when no item is pending, or by hand.
The review fields are then ignored: they do not reach the graph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["DRAFT_STATUSES", "DECISIONS", "CLAIM_REVIEW", "CLAIM_REVIEW_FIELDS", "check_draft_block", "check_draft",
           "check_claim_review", "open_items", "is_unreviewed"]

DRAFT_STATUSES = ("unreviewed", "reviewed")
DECISIONS = ("pending", "accepted", "rejected")
CLAIM_REVIEW = ("pending", "accepted", "edited")
CLAIM_REVIEW_FIELDS = {"span", "review"}
DRAFT_FIELDS = {"status", "article", "text_sha1", "review_below", "candidates", "extractor"}
CANDIDATE_FIELDS = {"entity", "mention", "span", "same_as", "same_as_name", "score", "reason", "decision"}

Report = Callable[[int, str], None]


def _line(mapping: Any, key: str) -> int:
    line_of = getattr(mapping, "line_of", None)
    return line_of(key) if line_of else getattr(mapping, "line", 1)


def _span_error(value: Any) -> str | None:
    if (not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            or not 0 <= value[0] < value[1]):
        return f"'span' must be [start, end] with 0 <= start < end, not {value!r}"
    return None


def check_draft_block(block: Any, line: int, entity_keys: set[str], problem: Report) -> None:
    """Report what is wrong with a ``draft`` block (``entity_keys``: keys this file declares)."""
    if not isinstance(block, Mapping):
        problem(line, "'draft' must be a mapping")
        return
    for key in block:
        if key not in DRAFT_FIELDS:
            problem(_line(block, key), f"unknown field '{key}' in the draft block (allowed: {', '.join(sorted(DRAFT_FIELDS))})")
    status = block.get("status")
    if status not in DRAFT_STATUSES:
        problem(_line(block, "status"), f"draft status is '{status}', expected one of: {', '.join(DRAFT_STATUSES)}")
    sha = block.get("text_sha1")
    if sha is not None and not (isinstance(sha, str) and re.fullmatch(r"[0-9a-f]{40}", sha)):
        problem(_line(block, "text_sha1"), "'text_sha1' must be 40 hexadecimal digits")
    below = block.get("review_below")
    if below is not None and (isinstance(below, bool) or not isinstance(below, (int, float)) or not 0 <= below <= 1):
        problem(_line(block, "review_below"), f"'review_below' must be a number from 0 to 1, not '{below}'")
    cands = block.get("candidates") or []
    if not isinstance(cands, list):
        problem(_line(block, "candidates"), "'candidates' must be a list")
        return
    for i, cand in enumerate(cands):
        cline = cands.line_of(i) if hasattr(cands, "line_of") else line
        if not isinstance(cand, Mapping):
            problem(cline, "a draft candidate must be a mapping")
            continue
        for key in cand:
            if key not in CANDIDATE_FIELDS:
                problem(_line(cand, key), f"unknown field '{key}' in a draft candidate (allowed: {', '.join(sorted(CANDIDATE_FIELDS))})")
        for key in ("entity", "same_as"):
            if not isinstance(cand.get(key), str):
                problem(_line(cand, key), f"a draft candidate needs '{key}' (an entity key)")
        if cand.get("entity") not in entity_keys and cand.get("decision") != "accepted":
            problem(_line(cand, "entity"), f"draft candidate entity '{cand.get('entity')}' is not declared in this file")
        if cand.get("decision", "pending") not in DECISIONS:
            problem(_line(cand, "decision"), f"decision is '{cand.get('decision')}', expected one of: {', '.join(DECISIONS)}")
        if "span" in cand and (err := _span_error(cand["span"])):
            problem(_line(cand, "span"), err)


def check_draft(doc: Mapping[str, Any], entity_keys: set[str], problem: Report) -> None:
    """Report what is wrong with a document's ``draft`` block, if it has one."""
    if "draft" not in doc:
        return
    block = doc["draft"]
    check_draft_block(block, _line(doc, "draft"), entity_keys, problem)
    if isinstance(block, Mapping) and block.get("status") == "reviewed" and (n := open_items(doc)):
        problem(_line(block, "status"), f"draft is marked reviewed but {n} item{'s are' if n != 1 else ' is'} still pending")


def check_claim_review(item: Mapping[str, Any], problem: Report) -> None:
    """Report what is wrong with a claim's ``span`` and ``review`` fields."""
    if "span" in item and (err := _span_error(item["span"])):
        problem(_line(item, "span"), err)
    if "review" in item and item["review"] not in CLAIM_REVIEW:
        problem(_line(item, "review"), f"review is '{item['review']}', expected one of: {', '.join(CLAIM_REVIEW)}")


def open_items(doc: Mapping[str, Any]) -> int:
    """How many candidates and claims of a draft still wait for a decision."""
    block = doc.get("draft") or {}
    cands = block.get("candidates") or [] if isinstance(block, Mapping) else []
    pending = sum(1 for c in cands if isinstance(c, Mapping) and c.get("decision", "pending") == "pending")
    claims = doc.get("claims") or []
    return pending + sum(1 for c in claims if isinstance(c, Mapping) and c.get("review") == "pending")


def is_unreviewed(doc: Mapping[str, Any]) -> bool:
    """True for a draft that has not been marked reviewed."""
    block = doc.get("draft")
    return isinstance(block, Mapping) and block.get("status") != "reviewed"
