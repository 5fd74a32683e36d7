"""Which missed gold events and claims recur across the development splits (issue 20).

Drafts every development split (dev, valid, dev2, dev3, dev4; never a held-out one) into a
temporary folder, compares each draft with its gold file, and groups the gold events the drafts
miss by *class* (the event kind and the words of its key once its participants and dates are taken
out: ``detention:detention``, ``other:russian-annexation-of-crimea``, ``other:mejlis-ban``) and
the missed claims on events by predicate, role and those classes. Each class is counted in how
many SPLITS and FILES it is missed (and out of how many files it is annotated): a rule written for a
class missed in three or more splits is one the held-out articles are likely to need too.

    PYTHONPATH=$PWD .venv/bin/python bench/recurring_misses.py [--min-splits 3]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.extract import extract_articles  # noqa: E402
from loaders.extract.evaluate import EvalReport, evaluate_pair, read_fact_document  # noqa: E402

SPLITS = ("dev", "valid", "dev2", "dev3", "dev4", "valid2", "dev5", "dev6", "dev7", "dev8", "dev9")  # development only: never valid3, test, fresh, test2, test3, test4 or test5
REAL = ROOT / "examples" / "articles" / "real"
Counts = dict[str, dict[str, set[str]]]  # class -> split -> file stems


def event_class(event: dict[str, Any], doc: dict[str, Any]) -> str:
    """The kind and the words of the event's key without its participants' slugs and dates."""
    words = event["key"].split(":", 1)[1]
    for c in doc.get("claims") or []:
        if c.get("object") == event["key"] and c.get("predicate") == "PARTICIPANT_IN":
            words = words.replace(str(c["subject"]).split(":", 1)[-1], "")
    words = re.sub(r"-+", "-", re.sub(r"\d{4}(?:-\d\d)*", "", words)).strip("-")
    return f"{(event.get('attributes') or {}).get('kind', '?')}:{words or '-'}"


def count(drafts: Path) -> tuple[Counts, Counts, Counts, Counts]:
    """(missed events, annotated events, missed claims, annotated claims) by class, split and file."""
    miss: Counts = defaultdict(lambda: defaultdict(set))
    total: Counts = defaultdict(lambda: defaultdict(set))
    c_miss: Counts = defaultdict(lambda: defaultdict(set))
    c_total: Counts = defaultdict(lambda: defaultdict(set))
    for split in SPLITS:
        for g in sorted((REAL / f"{split}-gold").glob("*.yaml")):
            gold = read_fact_document(g)
            p = drafts / split / g.name
            pred = read_fact_document(p) if p.exists() else {"source": {}, "entities": [], "claims": []}
            report = EvalReport()
            evaluate_pair(pred, gold, report, g.stem)
            missed_events = set(re.findall(r"entity Event .*\((event:[^)]*)\)$", "\n".join(report.misses), re.M))
            missed_claims = {m.split(": claim ", 1)[1] for m in report.misses if ": claim " in m}
            classes = {e["key"]: event_class(e, gold) for e in gold.get("entities") or [] if e["label"] == "Event"}
            for key, cls in classes.items():
                total[cls][split].add(g.stem)
                if key in missed_events:
                    miss[cls][split].add(g.stem)
            for c in gold.get("claims") or []:
                s, o = c["subject"], c["object"]
                if s not in classes and o not in classes:
                    continue
                role = f" ({c['role']})" if c.get("role") else ""
                cls = f"{classes.get(s) or s.split(':')[0]} {c['predicate']}{role} {classes.get(o) or o.split(':')[0]}"
                c_total[cls][split].add(g.stem)
                if f"{s} {c['predicate']}{role} {o}" in missed_claims:
                    c_miss[cls][split].add(g.stem)
    return miss, total, c_miss, c_total


def table(title: str, miss: Counts, total: Counts, min_splits: int, limit: int = 40) -> None:
    print(f"== {title} (splits missed, files missed / annotated, per split)")
    rows = []
    for cls, by_split in miss.items():
        splits = [s for s in SPLITS if by_split.get(s)]
        if len(splits) >= min_splits:
            rows.append((len(splits), sum(len(v) for v in by_split.values()), cls))
    for n, files, cls in sorted(rows, key=lambda r: (-r[0], -r[1], r[2]))[:limit]:
        annotated = sum(len(v) for v in total[cls].values())
        per = " ".join(f"{s}={len(miss[cls].get(s, ()))}" for s in SPLITS)
        print(f"{n} splits {files:3d}/{annotated:3d} files  {cls:60s} {per}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-splits", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for split in SPLITS:
            extract_articles([REAL / split], Path(tmp) / split)
        miss, total, c_miss, c_total = count(Path(tmp))
    table("missed events by class", miss, total, args.min_splits)
    table("missed claims on events by class", c_miss, c_total, args.min_splits)


if __name__ == "__main__":
    main()
