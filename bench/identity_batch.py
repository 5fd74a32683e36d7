"""Identity on a bigger batch: every development article, real and self-written, as one batch.

The 32 real development articles (``examples/articles/real/dev``) and the 8 self-written ones
(``examples/articles/dev``) are extracted together by ``casegraph extract`` with ``--corpus
examples/crimea``, and the drafted keys are scored against both gold sets
(:func:`loaders.extract.keys_eval.score_keys`): *splits* (a gold actor named in two or more
articles drafted under two keys) and *wrong merges* (one drafted key for two gold actors).
No held-out article is read.

The two gold sets were annotated apart and give two actors two keys each (below, ``SAME``);
the figures are printed as the gold files say them and with those keys read as one.

    .venv/bin/python bench/identity_batch.py
    .venv/bin/python bench/identity_batch.py --json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from loaders.extract import extract_articles  # noqa: E402
from loaders.extract.keys_eval import score_keys  # noqa: E402

ARTICLES = [REPO / "examples" / "articles" / "real" / "dev", REPO / "examples" / "articles" / "dev"]
GOLD = [REPO / "examples" / "articles" / "real" / "dev-gold", REPO / "examples" / "articles" / "dev-gold"]
CORPUS = [REPO / "examples" / "crimea"]
# One actor, two gold keys: the real set's key first, then the self-written set's.
SAME = [("org:mejlis-of-the-crimean-tatar-people", "org:mejlis"), ("org:hrmmu", "org:un-human-rights-office")]


def main() -> None:
    """Extract the batch, score it, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        report = extract_articles(ARTICLES, Path(out), CORPUS)
        seconds = time.perf_counter() - t0
        raw, same = score_keys([out], GOLD), score_keys([out], GOLD, SAME)
    figures = {"articles": len(report.written), "failed": len(report.failed), "extract_s": round(seconds, 1),
               "as_annotated": raw.as_dict(), "gold_keys_joined": same.as_dict()}
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    print(f"{figures['articles']} articles in one batch ({figures['failed']} failed), extracted in {seconds:.1f} s")
    for name, r in (("as annotated", raw), ("gold keys joined", same)):
        print(f"{name:>17}: {r.shared} actors in 2+ gold files, {r.found} drafted in 2+ drafts, "
              f"{len(r.splits)} splits, {len(r.wrong_merges)} wrong merges")
        for g, keys in r.splits.items():
            print(f"{'':>19}split {g}: {', '.join(keys)}")
        for p, keys in r.wrong_merges.items():
            print(f"{'':>19}merge {p}: {', '.join(keys)}")


if __name__ == "__main__":
    main()
