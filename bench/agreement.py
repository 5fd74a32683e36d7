"""Agreement: how far two annotators agree, beside how far the extractor agrees with each.

``examples/articles/real/agree/<split>/<file>.yaml`` is a second annotation of a held-out
article, made blind (its annotator never saw the first one) by someone who writes no rules,
from the written convention (``examples/articles/real/README.md``). This script scores, per
file and summed, with the scorer of ``casegraph eval-extract``
(:func:`loaders.extract.evaluate.evaluate_pair`):

- **second vs first annotation**: inter-annotator agreement. The first annotation is read as
  the gold, so precision is the share of the second annotator's items the first also has and
  recall the share of the first's the second has; F1 is the agreement figure (it does not
  depend on which of the two is read as gold, up to ties in the scorer's pairing);
- **extractor vs first** and **extractor vs second**: the extractor's drafts of the same
  articles, each split extracted in one batch as ``casegraph extract`` would;
- **extractor precision against either annotation**: a drafted item counts as right when either
  annotator has it (wrong only when both readings of the convention lack it).

The agreement F1 is the yardstick for issue 20's targets (entity F1 0.85, claim F1 0.60): an
extractor cannot be asked to agree with one annotator more than a second careful annotator
does. Held-out material: the script prints figures only, never names or quotes.

    .venv/bin/python bench/agreement.py
    .venv/bin/python bench/agreement.py --json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from loaders.extract import extract_articles  # noqa: E402
from loaders.extract.evaluate import EvalReport, Score, evaluate_pair, read_fact_document  # noqa: E402

REAL = REPO / "examples" / "articles" / "real"
AGREE = REAL / "agree"


def second_annotations(root: Path = AGREE) -> list[tuple[str, Path, Path, Path]]:
    """(split, text, first annotation, second annotation) for every file under ``root``."""
    out = []
    for second in sorted(root.glob("*/*.yaml")):
        split = second.parent.name
        text = REAL / split / f"{second.stem}.txt"
        first = REAL / f"{split}-gold" / second.name
        if not text.is_file() or not first.is_file():
            raise SystemExit(f"{second}: no text {text.relative_to(REPO)} or first annotation {first.relative_to(REPO)}")
        out.append((split, text, first, second))
    return out


def _figures(report: EvalReport) -> dict[str, float]:
    e, c = report.entity_total, report.claim_total
    return {"entity_p": e.precision, "entity_r": e.recall, "entity_f1": e.f1,
            "claim_p": c.precision, "claim_r": c.recall, "claim_f1": c.f1,
            "entities_first": e.tp + e.fn, "claims_first": c.tp + c.fn}


def _per_key(scores: dict[str, Score]) -> dict[str, dict[str, int]]:
    return {k: {"tp": s.tp, "fp": s.fp, "fn": s.fn} for k, s in sorted(scores.items())}


def measure(root: Path = AGREE) -> dict[str, Any]:
    files = second_annotations(root)
    rows: dict[str, dict[str, Any]] = {}
    totals = {name: EvalReport() for name in ("agreement", "extractor_vs_first", "extractor_vs_second")}
    either = {"entity": [0, 0], "claim": [0, 0]}  # drafted, in neither annotation
    consensus = {"entity": [0, 0], "claim": [0, 0]}  # in both annotations, found by the extractor
    with tempfile.TemporaryDirectory() as tmp:
        drafts: dict[str, Path] = {}
        for split in sorted({s for s, *_ in files}):
            out = Path(tmp) / split
            report = extract_articles([REAL / split], out)
            if report.failed:
                raise SystemExit(f"extraction of {split} failed: {report.failed[0]}")
            drafts[split] = out
        for split, text, first, second in files:
            draft = next(iter(sorted(drafts[split].glob(f"{text.stem}.*"))), None)
            if draft is None:
                raise SystemExit(f"{text}: no draft written")
            docs = {"first": read_fact_document(first), "second": read_fact_document(second),
                    "draft": read_fact_document(draft)}
            row: dict[str, Any] = {}
            single: dict[str, EvalReport] = {}
            for name, pred, gold in (("agreement", "second", "first"), ("extractor_vs_first", "draft", "first"),
                                     ("extractor_vs_second", "draft", "second")):
                one = single[name] = EvalReport()
                evaluate_pair(docs[pred], docs[gold], one)
                evaluate_pair(docs[pred], docs[gold], totals[name])
                row[name] = _figures(one)
            # The items both annotators record (the first's items the second also has), and how many of
            # them the extractor finds: recall on what two readings of the convention agree is there.
            everything = EvalReport()
            evaluate_pair({"entities": [], "claims": []}, docs["first"], everything)
            both = Counter(everything.misses) - Counter(single["agreement"].misses)
            found = both - Counter(single["extractor_vs_first"].misses)
            for kind in ("entity", "claim"):
                consensus[kind][0] += sum(n for item, n in both.items() if f": {kind} " in item)
                consensus[kind][1] += sum(n for item, n in found.items() if f": {kind} " in item)
            # The extractor's items that neither annotator has: wrong by both readings of the convention.
            vs_first, vs_second = EvalReport(), EvalReport()
            evaluate_pair(docs["draft"], docs["first"], vs_first)
            evaluate_pair(docs["draft"], docs["second"], vs_second)
            wrong = set(vs_first.false_positives) & set(vs_second.false_positives)
            drafted = vs_first.entity_total.tp + vs_first.entity_total.fp, vs_first.claim_total.tp + vs_first.claim_total.fp
            for kind, total in zip(("entity", "claim"), drafted, strict=True):
                either[kind][0] += total
                either[kind][1] += sum(1 for w in wrong if f": {kind} " in w)
            rows[f"{split}/{second.stem}"] = row
    precision = {k: round(1 - w / n, 3) if n else 0.0 for k, (n, w) in either.items()}
    recall = {k: round(f / n, 3) if n else 0.0 for k, (n, f) in consensus.items()}
    return {"files": rows, "totals": {name: _figures(r) for name, r in totals.items()},
            "extractor_precision_against_either": precision,
            "extractor_against_two_readings": {
                k: {"precision_either": precision[k], "recall_both": recall[k], "items_both": consensus[k][0],
                    "f1": round(2 * precision[k] * recall[k] / (precision[k] + recall[k]), 3)
                    if precision[k] + recall[k] else 0.0} for k in ("entity", "claim")},
            "agreement_by_label": _per_key(totals["agreement"].entities),
            "agreement_by_predicate": _per_key(totals["agreement"].claims)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = measure()
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    cols = ("agreement", "extractor_vs_first", "extractor_vs_second")
    print(f"{len(result['files'])} held-out articles annotated twice; entity F1 / claim F1 (claims P/R)")
    print(f"{'file':<58} {'second vs first':>22} {'extractor vs first':>22} {'extractor vs second':>22}")

    def cell(f: dict[str, float]) -> str:
        return f"{f['entity_f1']:.3f} / {f['claim_f1']:.3f}"

    for name, row in result["files"].items():
        print(f"{name[:58]:<58} " + " ".join(f"{cell(row[c]):>22}" for c in cols))
    t = result["totals"]
    print(f"{'all (summed)':<58} " + " ".join(f"{cell(t[c]):>22}" for c in cols))
    for c in cols:
        f = t[c]
        print(f"  {c}: entities P {f['entity_p']:.3f} R {f['entity_r']:.3f} F1 {f['entity_f1']:.3f}; "
              f"claims P {f['claim_p']:.3f} R {f['claim_r']:.3f} F1 {f['claim_f1']:.3f}")
    e = result["extractor_precision_against_either"]
    print(f"  extractor precision against either annotation (an item counts as right if either annotator has it): "
          f"entities {e['entity']:.3f}, claims {e['claim']:.3f}")
    two = result["extractor_against_two_readings"]
    print("  extractor against two readings (precision: right if either annotator has it; recall: of the items both "
          "annotators record):")
    for k in ("entity", "claim"):
        f = two[k]
        print(f"    {k}: P {f['precision_either']:.3f} R {f['recall_both']:.3f} F1 {f['f1']:.3f} "
              f"({f['items_both']} items in both)")
    print("Agreement per label and predicate (tp / only second / only first):")
    for group in ("agreement_by_label", "agreement_by_predicate"):
        print("  " + ", ".join(f"{k} {v['tp']}/{v['fp']}/{v['fn']}" for k, v in result[group].items()))
    print("Targets of issue 20 for the extractor: entity F1 0.85, claim F1 0.60.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
