"""Measure drafts against annotated fact files: precision, recall and F1 for entities
(per label) and claims (per predicate), with the misses and the false positives.

Drafts and gold files are paired by file stem, else by source key, else by title.
Entities are aligned one to one within each pair:

- people, organisations and places by key, else by a shared name or alias after
  transliteration to ASCII and case folding (``Асан Ахтемов`` = ``Asan Akhtemov``);
- events and legal cases, whose names are free text, by label, event kind and the
  aligned people and organisations their claims connect (the arrest *of whom*); when two
  gold events share the same connections (a detention and a transfer of the same man), the
  one whose name shares more words with the draft's wins, not the first key in the alphabet.

A claim matches when its aligned subject, predicate and object agree, and for
``PARTICIPANT_IN`` and ``LEADS`` also its ``role`` (being the target or the perpetrator of
an arrest are different facts). Quotes are not compared: any exact quote will do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii

from graph.errors import CasegraphError
from graph.resolve import normalise_name
from graph.text import escape_control
from graph.yamlio import MAX_DEPTH, ParseError, load_with_lines
from loaders.facts import find_fact_files

__all__ = ["Score", "EvalReport", "evaluate_dirs", "evaluate_pair"]

ROLE_PREDICATES = ("PARTICIPANT_IN", "LEADS")
_SIGNATURE_LABELS = ("Event", "LegalCase")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class EvalReport:
    entities: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    claims: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    event_kinds: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    # (draft kind, gold kind) -> events the draft found, with the gold's actors, under another kind
    kind_confusion: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    unpaired: list[str] = field(default_factory=list)

    @staticmethod
    def _total(scores: Mapping[str, Score]) -> Score:
        total = Score()
        for s in scores.values():
            total.add(s)
        return total

    @property
    def entity_total(self) -> Score:
        return self._total(self.entities)

    @property
    def claim_total(self) -> Score:
        return self._total(self.claims)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": len(self.pairs),
            "entities": {"all": self.entity_total.as_dict(), **{k: v.as_dict() for k, v in sorted(self.entities.items())}},
            "claims": {"all": self.claim_total.as_dict(), **{k: v.as_dict() for k, v in sorted(self.claims.items())}},
            "event_kinds": {k: v.as_dict() for k, v in sorted(self.event_kinds.items())},
            "kind_confusion": [{"draft": d, "gold": g, "events": n}
                               for (d, g), n in sorted(self.kind_confusion.items(), key=lambda x: (-x[1], x[0]))],
            "misses": self.misses,
            "false_positives": self.false_positives,
            "unpaired": self.unpaired,
        }


def read_fact_document(path: Path) -> dict[str, Any]:
    """A draft or gold document; every problem (unreadable, malformed, nested past the parser's
    depth bound, not a fact file) is one CasegraphError naming the file."""
    where = escape_control(str(path))
    try:
        doc = load_with_lines(path)
    except ParseError as exc:
        raise CasegraphError(f"{where}:{exc.line}: {escape_control(exc.message)}") from None
    except (OSError, UnicodeError) as exc:
        raise CasegraphError(f"{where}: cannot read: {escape_control(str(getattr(exc, 'strerror', None) or exc))}") from None
    except RecursionError:  # a parser without the depth check: still one line
        raise CasegraphError(f"{where}: nesting deeper than {MAX_DEPTH} levels") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("source"), dict):
        raise CasegraphError(f"{where}: not a fact file")
    if not all(isinstance(doc.get(k) or [], list) for k in ("entities", "claims")):
        raise CasegraphError(f"{where}: 'entities' and 'claims' must be lists")
    return doc


def _names(entity: Mapping[str, Any]) -> set[str]:
    return {normalise_name(anyascii(str(n))) for n in [entity.get("name", ""), *(entity.get("aliases") or [])]} - {""}


def align_named(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, str]:
    """Pair predicted entities with gold ones of the same label (same key first, then the same
    name, then a shared name or alias), each at most once: predicted key -> gold key."""
    pairs = []
    for p in pred:
        for g in gold:
            if p["label"] != g["label"]:
                continue
            if p["key"] == g["key"]:
                score = 3
            elif normalise_name(anyascii(p["name"])) == normalise_name(anyascii(g["name"])):
                score = 2
            elif _names(p) & _names(g):
                score = 1
            else:
                continue
            pairs.append((score, p["key"], g["key"]))
    return _greedy(pairs)


def _name_overlap(a: str, b: str) -> float:
    """How many words two free-text names share (Jaccard, rounded so that the order stays exact)."""
    wa, wb = (set(normalise_name(anyascii(x)).split()) for x in (a, b))
    return round(len(wa & wb) / len(wa | wb), 6) if wa and wb else 0.0


def _greedy(pairs: list[tuple[Any, str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    taken: set[str] = set()
    for _score, p, g in sorted(pairs, key=lambda x: (-x[0] if not isinstance(x[0], tuple) else tuple(-v for v in x[0]), x[1], x[2])):
        if p in out or g in taken:
            continue
        out[p] = g
        taken.add(g)
    return out


def _neighbours(doc: Mapping[str, Any], key: str, labels: Mapping[str, str], mapping: Mapping[str, str] | None) -> set[str]:
    out = set()
    for c in doc.get("claims") or []:
        for a, b in ((c.get("subject"), c.get("object")), (c.get("object"), c.get("subject"))):
            if a == key and labels.get(b) not in _SIGNATURE_LABELS:
                out.add(mapping.get(b, f"?{b}") if mapping is not None else b)
    return out


def _entities(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The well-formed entity entries (a malformed one is the validator's to report, not a crash here)."""
    out = []
    for e in doc.get("entities") or []:
        if isinstance(e, dict) and isinstance(e.get("key"), str) and isinstance(e.get("label"), str):
            out.append({**e, "name": str(e.get("name", ""))})
    return out


def _kind(event: Mapping[str, Any]) -> str:
    attrs = event.get("attributes")
    return str(attrs.get("kind", "?")) if isinstance(attrs, dict) else "?"


def _claims(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [c for c in doc.get("claims") or [] if isinstance(c, dict)]


def evaluate_pair(pred: Mapping[str, Any], gold: Mapping[str, Any], report: EvalReport, name: str = "") -> None:
    """Add one draft-versus-gold comparison to ``report``."""
    p_ents, g_ents = _entities(pred), _entities(gold)
    pred = {**pred, "claims": _claims(pred)}
    gold = {**gold, "claims": _claims(gold)}
    p_label = {e["key"]: e["label"] for e in p_ents}
    g_label = {e["key"]: e["label"] for e in g_ents}
    mapping = align_named([e for e in p_ents if e["label"] not in _SIGNATURE_LABELS],
                           [e for e in g_ents if e["label"] not in _SIGNATURE_LABELS])
    pairs: list[tuple[Any, str, str]] = []
    for p in (e for e in p_ents if e["label"] in _SIGNATURE_LABELS):
        p_sig = _neighbours(pred, p["key"], p_label, mapping)
        p_kind = (p.get("attributes") or {}).get("kind")
        for g in (e for e in g_ents if e["label"] == p["label"]):
            if p["label"] == "Event" and p_kind != (g.get("attributes") or {}).get("kind"):
                continue
            g_sig = _neighbours(gold, g["key"], g_label, None)
            overlap = len(p_sig & g_sig)
            if overlap or p["key"] == g["key"]:
                pairs.append(((overlap, int(p["key"] == g["key"]), _name_overlap(p["name"], g["name"])),
                              p["key"], g["key"]))
    mapping.update(_greedy(pairs))
    matched_gold = set(mapping.values())
    _kind_confusion(pred, gold, p_ents, g_ents, p_label, g_label, mapping, matched_gold, report)
    for e in p_ents:
        scores = [report.entities[e["label"]]] + ([report.event_kinds[_kind(e)]] if e["label"] == "Event" else [])
        hit = e["key"] in mapping
        for score in scores:
            score.tp += hit
            score.fp += not hit
        if not hit:
            report.false_positives.append(f"{name}: entity {e['label']} {e['name']!r} ({e['key']})")
    for e in g_ents:
        if e["key"] not in matched_gold:
            report.entities[e["label"]].fn += 1
            if e["label"] == "Event":
                report.event_kinds[_kind(e)].fn += 1
            report.misses.append(f"{name}: entity {e['label']} {e['name']!r} ({e['key']})")

    def identity(c: Mapping[str, Any], remap: Mapping[str, str] | None) -> tuple[str, ...]:
        s, o = c.get("subject", ""), c.get("object", "")
        if remap is not None:
            s, o = remap.get(s, f"?{s}"), remap.get(o, f"?{o}")
        role = str(c.get("role", "")).lower() if c.get("predicate") in ROLE_PREDICATES else ""
        return (s, str(c.get("predicate")), o, role)

    gold_ids = {identity(c, None): c for c in gold.get("claims") or []}
    pred_ids = {identity(c, mapping): c for c in pred.get("claims") or []}
    for cid, c in pred_ids.items():
        score = report.claims[cid[1]]
        if cid in gold_ids:
            score.tp += 1
        else:
            score.fp += 1
            report.false_positives.append(f"{name}: claim {_show(c)}")
    for cid, c in gold_ids.items():
        if cid not in pred_ids:
            report.claims[cid[1]].fn += 1
            report.misses.append(f"{name}: claim {_show(c)}")


def _kind_confusion(pred: Mapping[str, Any], gold: Mapping[str, Any], p_ents: list[dict[str, Any]],
                    g_ents: list[dict[str, Any]], p_label: Mapping[str, str], g_label: Mapping[str, str],
                    mapping: Mapping[str, str], matched_gold: set[str], report: EvalReport) -> None:
    """Count the events left unmatched on both sides that share an actor but not a kind: a
    diagnostic of where the draft and the annotators name one act differently (the scores are not
    changed by it: an event of another kind is still a miss and a false positive)."""
    p_left = [e for e in p_ents if e["label"] == "Event" and e["key"] not in mapping]
    g_left = [e for e in g_ents if e["label"] == "Event" and e["key"] not in matched_gold]
    pairs: list[tuple[Any, str, str]] = []
    for p in p_left:
        p_sig = _neighbours(pred, p["key"], p_label, mapping)
        for g in g_left:
            overlap = len(p_sig & _neighbours(gold, g["key"], g_label, None))
            if overlap:
                pairs.append((overlap, p["key"], g["key"]))
    p_kinds = {e["key"]: _kind(e) for e in p_left}  # (a draft and its gold file may share a key)
    g_kinds = {e["key"]: _kind(e) for e in g_left}
    for p_key, g_key in _greedy(pairs).items():
        report.kind_confusion[(p_kinds[p_key], g_kinds[g_key])] += 1


def _show(c: Mapping[str, Any]) -> str:
    role = f" ({c['role']})" if c.get("role") else ""
    return f"{c.get('subject')} {c.get('predicate')}{role} {c.get('object')}"


def evaluate_dirs(pred_paths: Iterable[str | Path], gold_paths: Iterable[str | Path]) -> EvalReport:
    """Compare every draft with its gold file (paired by stem, source key or title)."""
    preds = {p: read_fact_document(p) for p in find_fact_files(pred_paths)}
    golds = {g: read_fact_document(g) for g in find_fact_files(gold_paths)}
    report = EvalReport()
    by_stem = {g.stem: g for g in golds}
    by_key = {str(d["source"].get("key")): g for g, d in golds.items()}
    by_title = {str(d["source"].get("title")): g for g, d in golds.items()}
    used: set[Path] = set()
    for p, doc in preds.items():
        g = by_stem.get(p.stem) or by_key.get(str(doc["source"].get("key"))) or by_title.get(str(doc["source"].get("title")))
        if g is None or g in used:
            report.unpaired.append(f"{p}: no gold file")
            continue
        used.add(g)
        report.pairs.append((str(p), str(g)))
        evaluate_pair(doc, golds[g], report, p.stem)
    for g in golds:
        if g not in used:
            report.unpaired.append(f"{g}: no draft")
            evaluate_pair({"entities": [], "claims": []}, golds[g], report, g.stem)
    return report
