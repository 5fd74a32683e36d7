"""Benchmark: the review page's doubtful matches with a big loaded graph (``serve --drafts``).

The app builds the resolver's blocking index over every loaded entity once per version of
the data, then compares each draft's entities with the corpus blocks they fall in only
(:func:`loaders.extract.draft_edit.corpus_candidates`). Prints both times for synthetic
people (``bench/xref.py``'s fictional names) and the dev article d02's draft, plus one
draft entity spelled as a corpus person is (a surname alone), which must come back.

    .venv/bin/python bench/review_corpus.py
    .venv/bin/python bench/review_corpus.py --entities 20000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from xref import people  # noqa: E402

from graph.identity import IdentityIndex  # noqa: E402
from loaders.extract.draft import extract_article  # noqa: E402
from loaders.extract.draft_edit import corpus_candidates  # noqa: E402

ARTICLE = REPO / "examples" / "articles" / "real" / "dev" / "d02-govuk-umerov-sentenced.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    records, _ = people(args.entities, args.seed)
    t = time.perf_counter()
    index = IdentityIndex(records)
    built = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        _, doc = extract_article(ARTICLE, Path(tmp))
    surname = next(r for r in records if r.label == "Person" and " " in r.name).name.split()[-1]
    doc["entities"].append({"key": "person:bench-surname", "label": "Person", "name": surname})
    t = time.perf_counter()
    found = corpus_candidates(doc, index)
    compared = time.perf_counter() - t
    mine = [c for c in found if c["entity"] == "person:bench-surname"]
    print(f"{len(records)} corpus entities: index built in {built:.1f} s (once per version of the data); "
          f"a draft's {len(doc['entities'])} entities compared in {compared * 1000:.0f} ms: "
          f"{len(found)} candidates, {len(mine)} for the surname {surname!r}")
    if not mine:
        raise SystemExit("the surname alone was not proposed")


if __name__ == "__main__":
    main()
