"""Train the learned event finder from the annotated development corpus and write its weights.

    python -m loaders.extract.learn.train            # writes loaders/extract/learn/weights.json

Needs scikit-learn (a development dependency, ``pip install -e '.[dev]'``); the extractor
itself never imports it. Training is deterministic: the same corpus gives the same file,
byte for byte (tests/test_extract_learned.py retrains and compares).

The examples come from the gold files alone: every name and alias of a gold person or
organisation found in the article text is a candidate mention. A mention inside the exact
quote of a gold ``PARTICIPANT_IN`` claim of its entity is a positive example of that claim's
(event kind, role); the other mentions are negatives, except mentions of an
entity that has such a claim elsewhere in the article (the writer said it twice, the
annotator quoted once: no lesson either way).
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from loaders.extract.learn.features import Span, candidate_features, sentence_spans, triggers

__all__ = ["SPLITS", "Example", "article_examples", "corpus_examples", "fit", "main"]

ROOT = Path(__file__).resolve().parents[3] / "examples" / "articles" / "real"
# Development material only (never test, fresh, valid3, test2). valid2 became development on 2026-12-07;
# dev5 to dev9 are trained on once their gold is in the tree (a split without a gold folder is skipped).
SPLITS = ("dev", "valid", "dev2", "dev3", "dev4", "valid2", "dev5", "dev6", "dev7", "dev8", "dev9")
WEIGHTS = Path(__file__).with_name("weights.json")
MIN_POSITIVES = 5                     # a (kind, role) seen fewer times is not learned
MIN_COUNT = 2                         # a feature seen fewer times is left out
# Event kinds not learned. None today: the catch-all "other" is learned too, and the per-class thresholds
# (cross-validated) switch off what does not pay. Who states what (STATES) is not a PARTICIPANT_IN role.
KINDS_LEFT_OUT: tuple[str, ...] = ()
# The roles the finder groups into events (loaders/extract/learn/apply.py): whom an act was done to,
# who did it, which court judged. A participant or organiser (of a resolution, a rally) is another story.
ROLES = ("target", "perpetrator", "judge")
C = 1.0                               # inverse L1 strength: sparse weights, a small file
CLASS_WEIGHT: str | None = "balanced"  # few positives per class: weigh them up (then a high threshold)
THRESHOLD = 0.85                      # the probability a claim needs where a class has no threshold of its own
GRID = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # the thresholds cross-validation chooses from
# One threshold for every class (True), chosen on all classes' candidates together, or one per class.
# Leaving one split out (python -m loaders.extract.learn.crossval) both raise event and claim F1 on
# dev2, dev3 and dev4; per class raised dev2's claim F1 more, but it lowered valid2's aggregates,
# where the pooled threshold raised them (docs/extraction.md).
POOLED = True
FP_COST = 1.0                         # a wrong claim costs what a right one gains (precision of at least 1/2)
_PARTICIPANTS = ("Person", "Organisation")


@dataclass
class Example:
    """One candidate mention: its features, the classes it is an example of, and those it says nothing about."""

    article: str
    features: list[str]
    positive: set[str] = field(default_factory=set)
    ignore: set[str] = field(default_factory=set)


def gold_spans(text: str, entities: Sequence[dict[str, Any]]) -> list[Span]:
    """Every occurrence of a gold entity's name or alias in ``text`` (longest first where they overlap)."""
    found: list[Span] = []
    for e in entities:
        if e.get("label") not in ("Person", "Organisation", "Location"):
            continue
        attrs = e.get("attributes") or {}
        kind = str(attrs.get("kind") or "") if e["label"] == "Organisation" else ""
        for name in dict.fromkeys([str(e.get("name", "")), *map(str, e.get("aliases") or [])]):
            if len(name) < 2:
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                found.append(Span(m.start(), m.end(), e["key"], e["label"], bool(e.get("generic")), kind))
    out: list[Span] = []
    end = -1
    for s in sorted(found, key=lambda s: (s.start, -(s.end - s.start), s.ref)):
        if s.start >= end:
            out.append(s)
            end = s.end
    return out


def class_name(kind: str, role: str) -> str:
    return f"{kind}/{role}"


def article_examples(article: str, text: str, doc: dict[str, Any]) -> list[Example]:
    """The examples of one annotated article."""
    entities = [e for e in doc.get("entities") or [] if isinstance(e, dict)]
    kinds = {e["key"]: str((e.get("attributes") or {}).get("kind") or "other") for e in entities if e.get("label") == "Event"}
    spans = gold_spans(text, entities)
    sents = sentence_spans(text)
    starts = [a for a, _b in sents]
    first_line = text.find("\n") if "\n" in text else len(text)
    positive: dict[int, set[str]] = defaultdict(set)   # span index -> classes
    claimed: dict[str, set[str]] = defaultdict(set)    # entity -> classes it has a claim of
    for c in doc.get("claims") or []:
        if c.get("predicate") != "PARTICIPANT_IN" or kinds.get(c.get("object"), "other") in KINDS_LEFT_OUT \
                or str(c.get("role") or "target") not in ROLES:
            continue
        cls = class_name(kinds[c["object"]], str(c.get("role") or "target"))
        claimed[c["subject"]].add(cls)
        q = str(c.get("quote") or "")
        qa = text.find(q) if q else -1
        if qa < 0:
            continue
        qb = qa + len(q)
        mine = [i for i, s in enumerate(spans) if s.ref == c["subject"]]
        inside = [i for i in mine if qa <= spans[i].start and spans[i].end <= qb]
        if not inside:  # the quote names them by a pronoun: their mentions in the quote's sentences
            lo, hi = bisect.bisect_right(starts, qa) - 1, bisect.bisect_left(starts, qb)
            a, b = sents[max(lo, 0)][0], sents[hi - 1][1] if hi > 0 else len(text)
            inside = [i for i in mine if a <= spans[i].start and spans[i].end <= b]
        for i in inside:
            positive[i].add(cls)
    out = []
    trig: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for i, s in enumerate(spans):
        if s.label not in _PARTICIPANTS:
            continue
        k = bisect.bisect_right(starts, s.start) - 1
        if k < 0 or s.end > sents[k][1]:
            continue
        sent = sents[k]
        inside_sent = [t for t in spans if sent[0] <= t.start and t.end <= sent[1]]
        if sent not in trig:
            trig[sent] = triggers(text, sent)
        feats = candidate_features(text, sent, s, inside_sent, sent[0] < first_line, trig[sent], position=k)
        out.append(Example(article, feats, positive[i], claimed[s.ref] - positive[i]))
    return out


def present(splits: Sequence[str] = SPLITS, root: Path = ROOT) -> list[str]:
    """The splits of ``splits`` whose gold is in the tree (in their order)."""
    return [s for s in splits if (root / f"{s}-gold").is_dir()]


def corpus_examples(splits: Sequence[str] = SPLITS, root: Path = ROOT) -> Iterator[Example]:
    """The examples of every annotated article of ``splits``, in a fixed order."""
    for split in present(splits, root):
        for gold in sorted((root / f"{split}-gold").glob("*.yaml")):
            text = (root / split / f"{gold.stem}.txt").read_text(encoding="utf-8")
            yield from article_examples(f"{split}/{gold.stem}", text, yaml.safe_load(gold.read_text(encoding="utf-8")))


def fit(examples: Sequence[Example], c: float = C, min_positives: int = MIN_POSITIVES, l1: float = 1.0,
        thresholds: bool = True) -> dict[str, Any]:
    """Train one L1 logistic regression per (kind, role); the weights as a JSON-ready document
    (with each class's threshold chosen by cross-validation over the splits, when ``thresholds``)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for ex in examples for f in ex.features)
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, ex in enumerate(examples):
        for f in ex.features:
            if f in index:
                rows.append(r)
                cols.append(index[f])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocab)))
    npos = Counter(cls for ex in examples for cls in ex.positive)
    classes = sorted(cls for cls, n in npos.items() if n >= min_positives)
    weights: dict[str, list[list[Any]]] = defaultdict(list)
    bias = []
    for ci, cls in enumerate(classes):
        keep = [r for r, ex in enumerate(examples) if cls not in ex.ignore]
        y = np.array([int(cls in examples[r].positive) for r in keep])
        model = LogisticRegression(solver="liblinear", l1_ratio=l1, C=c, random_state=0, max_iter=1000, class_weight=CLASS_WEIGHT)
        model.fit(x[keep], y)
        bias.append(round(float(model.intercept_[0]), 4))
        for j in np.flatnonzero(model.coef_[0]):
            w = round(float(model.coef_[0][j]), 4)
            if w:
                weights[vocab[j]].append([ci, w])
    return {
        "about": "Weights of the learned event finder (loaders/extract/learn); written by "
                 "'python -m loaders.extract.learn.train', never by hand.",
        "threshold": THRESHOLD,
        "thresholds": _oof_thresholds(examples, classes) if thresholds else [THRESHOLD] * len(classes),
        "classes": classes,
        "bias": bias,
        "weights": dict(sorted(weights.items())),
    }


def _oof_thresholds(examples: Sequence[Example], classes: Sequence[str]) -> list[float]:
    """Each class's threshold, chosen by cross-validation over the training splits: trained without
    one split at a time, the probabilities its candidates get; the threshold (of :data:`GRID`)
    whose claims would gain most (right ones minus :data:`FP_COST` times wrong ones), over every
    class's candidates together when :data:`POOLED`, else for each class apart (where a class
    that gains nothing at any threshold is switched off: threshold 1.0)."""
    from loaders.extract.learn.apply import Model

    splits = list(dict.fromkeys(ex.article.split("/", 1)[0] for ex in examples))
    scored: dict[str, list[tuple[float, bool]]] = {cls: [] for cls in classes}
    if len(splits) < 2:
        return [THRESHOLD] * len(classes)
    for split in splits:
        inner = fit([ex for ex in examples if not ex.article.startswith(f"{split}/")], thresholds=False)
        model = Model([tuple(c.split("/", 1)) for c in inner["classes"]], inner["bias"],
                      {f: [(int(i), float(w)) for i, w in ws] for f, ws in inner["weights"].items()})
        where = {cls: i for i, cls in enumerate(inner["classes"])}
        for ex in examples:
            if not ex.article.startswith(f"{split}/"):
                continue
            probs = model.probabilities(ex.features)
            for cls in classes:
                if cls not in ex.ignore:
                    scored[cls].append((probs[where[cls]] if cls in where else 0.0, cls in ex.positive))
    if POOLED:
        pooled = [x for cls in classes for x in scored[cls]]
        _g, t = max((sum(y for p, y in pooled if p >= t) - FP_COST * sum(not y for p, y in pooled if p >= t), -t) for t in GRID)
        return [round(-t, 2)] * len(classes)
    out = []
    for cls in classes:
        gains = [(sum(y for p, y in scored[cls] if p >= t) - FP_COST * sum(not y for p, y in scored[cls] if p >= t), -t)
                 for t in GRID]
        gain, t = max(gains)
        out.append(round(-t, 2) if gain > 0 else 1.0)
    return out


def dumps(model: dict[str, Any]) -> str:
    """The weights file's text (one feature a line: small diffs when the corpus grows)."""
    lines = ["{", f'"about": {json.dumps(model["about"])},', f'"splits": {json.dumps(model["splits"])},',
             f'"threshold": {json.dumps(model["threshold"])},', f'"thresholds": {json.dumps(model["thresholds"])},',
             f'"classes": {json.dumps(model["classes"])},', f'"bias": {json.dumps(model["bias"])},', '"weights": {']
    items = list(model["weights"].items())
    lines += [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" + ("," if i < len(items) - 1 else "")
              for i, (k, v) in enumerate(items)]
    return "\n".join(lines) + "\n}}\n"


def train(splits: Sequence[str] = SPLITS, root: Path = ROOT) -> str:
    """The weights file's text trained on ``splits``."""
    splits = present(splits, root)
    model = fit(list(corpus_examples(splits, root)))
    model["splits"] = splits
    return dumps(model)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--out", type=Path, default=WEIGHTS, help="where to write the weights (JSON)")
    parser.add_argument("--splits", nargs="+", default=list(SPLITS), help="development splits to train on")
    args = parser.parse_args(argv)
    bad = [s for s in args.splits if s not in SPLITS]
    if bad:
        parser.error(f"not a development split: {', '.join(bad)} (choose from {', '.join(SPLITS)})")
    args.out.write_text(train(args.splits), encoding="utf-8")
    print(f"{args.out}: trained on {', '.join(present(args.splits))}")


if __name__ == "__main__":
    main()
