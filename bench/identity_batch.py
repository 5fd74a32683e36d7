"""Identity on bigger batches: splits and wrong merges against the annotated keys.

Four batches, each extracted as one by ``casegraph extract`` and scored with
:func:`loaders.extract.keys_eval.score_keys`: *splits* (a gold actor named in two or more
articles drafted under two keys) and *wrong merges* (one drafted key for two gold actors).

- every development article, real (``examples/articles/real/dev``, 32) and self-written
  (``examples/articles/dev``, 8), with ``--corpus examples/crimea``. The two gold sets were
  annotated apart and give two actors two keys each (below, ``SAME``); the figures are printed
  as the gold files say them and with those keys read as one;
- the real development set alone, the real validation set (``valid``, 15) alone, and both in
  one batch; all eleven development splits in one batch (165 articles); the seven held-out sets
  in one batch (90); all eighteen (255). Figures of batches with the validation set alone or a
  held-out set are printed as counts only, never names, so that no rule is fitted to them.

    .venv/bin/python bench/identity_batch.py
    .venv/bin/python bench/identity_batch.py --json
    .venv/bin/python bench/identity_batch.py --detail   # each development split and merge: article, drafted key, name
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graph.ontology import default_ontology  # noqa: E402
from loaders.extract import extract_articles  # noqa: E402
from loaders.extract.evaluate import read_fact_document  # noqa: E402
from loaders.extract.keys_eval import KeyReport, align_keys, score_keys  # noqa: E402
from loaders.facts import find_fact_files  # noqa: E402

ARTICLES = [REPO / "examples" / "articles" / "real" / "dev", REPO / "examples" / "articles" / "dev"]
GOLD = [REPO / "examples" / "articles" / "real" / "dev-gold", REPO / "examples" / "articles" / "dev-gold"]
CORPUS = [REPO / "examples" / "crimea"]
# One actor, two gold keys: the real set's key first, then the self-written set's.
SAME = [("org:mejlis-of-the-crimean-tatar-people", "org:mejlis"), ("org:hrmmu", "org:un-human-rights-office")]


REAL = REPO / "examples" / "articles" / "real"
DEV_SPLITS = ("dev", "valid", "dev2", "dev3", "dev4", "valid2", "dev5", "dev6", "dev7", "dev8", "dev9")
HELD_OUT = ("test", "fresh", "valid3", "test2", "test3", "test4", "test5")
REAL_BATCHES = [("real dev", ("dev",)), ("real valid", ("valid",)), ("real dev+valid", ("dev", "valid")),
                ("all development", DEV_SPLITS), ("all held out", HELD_OUT), ("all real", DEV_SPLITS + HELD_OUT)]


def _line(name: str, r: KeyReport, names: bool, suffix: str = "") -> list[str]:
    """The figures of one batch on a line; the splits and merges by name under it when ``names``."""
    out = [f"{name:>17}: {r.shared} actors in 2+ gold files, {r.found} drafted in 2+ drafts, "
           f"{len(r.splits)} splits, {len(r.wrong_merges)} wrong merges{suffix}"]
    if names:
        out += [f"{'':>19}split {g}: {', '.join(keys)}" for g, keys in r.splits.items()]
        out += [f"{'':>19}merge {p}: {', '.join(keys)}" for p, keys in r.wrong_merges.items()]
    return out


def _detail(out: str, sets: tuple[str, ...], r: KeyReport) -> list[str]:
    """Each split and wrong merge of a development batch: the article, the drafted key and name, the gold key."""
    assert not set(sets) & set(HELD_OUT), "held-out sets are measured as counts only"
    resolved = default_ontology().resolved_labels
    golds = {p.stem: read_fact_document(p) for p in find_fact_files([REAL / f"{s}-gold" for s in sets])}
    rows: list[tuple[str, str, str, str]] = []  # (gold key, drafted key, article, drafted name)
    for p in find_fact_files([out]):
        gold = golds.get(p.stem)
        if gold is None:
            continue
        named = [e for e in read_fact_document(p).get("entities") or [] if e.get("label") in resolved]
        names = {e["key"]: e["name"] for e in named}
        for p_key, g_key in align_keys(named, [e for e in gold.get("entities") or [] if e.get("label") in resolved]).items():
            rows.append((g_key, p_key, p.stem, names[p_key]))
    lines = []
    for g, _keys in r.splits.items():
        lines.append(f"{'':>19}split {g}:")
        lines += [f"{'':>21}{stem}: {p} ({name!r})" for gk, p, stem, name in sorted(rows) if gk == g]
    for p_key, gs in r.wrong_merges.items():
        lines.append(f"{'':>19}merge {p_key}:")
        lines += [f"{'':>21}{stem}: {gk} ({name!r})" for gk, p, stem, name in sorted(rows) if p == p_key and gk in gs]
    return lines


def main() -> None:
    """Extract each batch, score it, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print JSON (held-out batches as counts only)")
    ap.add_argument("--detail", action="store_true", help="each development split and merge by article (never held out)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        report = extract_articles(ARTICLES, Path(out), CORPUS)
        seconds = time.perf_counter() - t0
        raw, same = score_keys([out], GOLD), score_keys([out], GOLD, SAME)
    figures: dict[str, Any] = {"articles": len(report.written), "failed": len(report.failed),
                               "extract_s": round(seconds, 1), "as_annotated": raw.as_dict(),
                               "gold_keys_joined": same.as_dict()}
    lines = [f"{figures['articles']} articles in one batch ({figures['failed']} failed), extracted in {seconds:.1f} s"]
    lines += _line("as annotated", raw, True) + _line("gold keys joined", same, True)
    for name, sets in REAL_BATCHES:
        with tempfile.TemporaryDirectory() as out:
            rep = extract_articles([REAL / s for s in sets], Path(out), [])
            r = score_keys([out], [REAL / f"{s}-gold" for s in sets])
            detail = _detail(out, sets, r) if args.detail and sets == DEV_SPLITS else []
        show = not set(sets) & {"valid", *HELD_OUT} or sets == DEV_SPLITS  # held-out actors as counts only
        figures[name] = r.as_dict() if show else {"articles": len(rep.written), "failed": len(rep.failed),
                                                   "shared": r.shared, "found_in_two_or_more": r.found,
                                                   "splits": len(r.splits), "wrong_merges": len(r.wrong_merges)}
        lines += _line(name, r, show, f" ({len(rep.written)} articles, {len(rep.failed)} failed)") + detail
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    print("\n".join(lines))


if __name__ == "__main__":
    main()
