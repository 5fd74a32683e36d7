"""Benchmark: xref candidates for 100,000 entities (blocking) beside an all-pairs baseline.

Synthetic people (``loaders.synth``'s syllable tables: clearly fictional names) are
written as entities, some of them several times under the spellings sources use
(``loaders.synth.name_variants``: Cyrillic, dzh/j/c, kh/h/k, -ya/-ia, -off, initials,
a surname alone, swapped letters). Every pair of entities made from one person is a
*known duplicate*. Then:

(a) casegraph: :class:`graph.identity.IdentityIndex` over all entities, reading their
    names, blocking and scoring (``candidates``): wall time, pairs compared, candidates, peak memory
    (``ru_maxrss``), and the blocking's recall: the share of known duplicates that
    share a block (so were compared at all), and the share found as candidates;
(b) the baseline: every pair of a random sample (``--sample``, default 3,000) scored
    with the same judgement model, timed and extrapolated to all entities (n²/2
    pairs); on that sample, the share of the baseline's candidates that blocking
    also finds.

Targets: (a) under 60 s and 2 GB for 100,000 entities. Wall and CPU seconds are both
printed: on a machine shared with other work, wall time counts their turns too. Where the
rest of the wall time goes is printed from ``getrusage`` over the timed run: context
switches the process asked for (waiting on disk, a socket, a sleep) against those forced
on it (runnable, waiting for a CPU), page faults that read the disk, blocks read and
written. The run starts no subprocess and no database.

    .venv/bin/python bench/xref.py
    .venv/bin/python bench/xref.py --entities 20000 --json
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graph.identity import DOUBT, IdentityIndex, Record, compare  # noqa: E402
from loaders.synth import _FIRST_NAMES, _SURNAME_HEADS, _SURNAME_MIDS, _SURNAME_TAILS, name_variants  # noqa: E402

TARGET_S, TARGET_MB = 60.0, 2048.0


def people(n: int, seed: int) -> tuple[list[Record], list[int]]:
    """``n`` entities and, for each, the person it was made from (duplicates share one)."""
    rng = random.Random(seed)
    records: list[Record] = []
    owner: list[int] = []
    person = 0
    while len(records) < n:
        first = rng.choice(_FIRST_NAMES)[0]
        surname = rng.choice(_SURNAME_HEADS) + rng.choice(_SURNAME_MIDS) + rng.choice(_SURNAME_TAILS)
        names = [f"{first} {surname}"]
        copies = rng.choices((0, 1, 2, 3), (55, 25, 12, 8))[0]
        if copies:
            names += rng.sample(name_variants(first, surname, rng), k=copies) if len(name_variants(first, surname, rng)) >= copies else []
        for i, name in enumerate(names[: n - len(records)]):
            records.append(Record(f"person:p{person}-{i}", "Person", name, (), (f"source:s{person % 997}-{i}",)))
            owner.append(person)
        person += 1
    return records, owner


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=3_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    records, owner = people(args.entities, args.seed)
    groups: dict[int, list[int]] = {}
    for i, p in enumerate(owner):
        groups.setdefault(p, []).append(i)
    known = {(a, b) for members in groups.values() for a, b in itertools.combinations(members, 2)}
    rss_before = _rss_mb()

    names = [(r.key, r.label, r.name, r.aliases, r.sources) for r in records]
    load_before = os.getloadavg()[0]
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t0, c0 = time.perf_counter(), time.process_time()
    # Timed: reading every name (folds, parse), blocking, scoring, sorting: IdentityIndex.candidates.
    index = IdentityIndex(Record(*row) for row in names)
    t_block = time.perf_counter() - t0
    found = [(m.i, m.j) for m in index.candidates(DOUBT)]
    t_all = time.perf_counter() - t0
    cpu_all = time.process_time() - c0
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    peak = _rss_mb()
    load_after = os.getloadavg()[0]
    waits = {"voluntary_switches": ru1.ru_nvcsw - ru0.ru_nvcsw, "involuntary_switches": ru1.ru_nivcsw - ru0.ru_nivcsw,
             "major_page_faults": ru1.ru_majflt - ru0.ru_majflt, "blocks_read": ru1.ru_inblock - ru0.ru_inblock,
             "blocks_written": ru1.ru_oublock - ru0.ru_oublock, "cpu_share": round(cpu_all / t_all, 3) if t_all else 1.0}
    pairs = set(index.pairs(DOUBT))  # the pairs candidates() compared, for the recall figures, outside the timing
    found_set = set(found)
    blocked_recall = sum(1 for p in known if p in pairs) / len(known) if known else 1.0
    candidate_recall = sum(1 for p in known if p in found_set) / len(known) if known else 1.0

    # Baseline: every pair of a sample, the same model.
    rng = random.Random(args.seed + 1)
    sample = sorted(rng.sample(range(len(records)), min(args.sample, len(records))))
    t1, c1 = time.perf_counter(), time.process_time()
    base = set()
    n_pairs = 0
    for i, j in itertools.combinations(sample, 2):
        n_pairs += 1
        m = compare(records[i], records[j], index.shared_surnames)
        if m is not None and m.score >= DOUBT:
            base.add((i, j))
    t_base = time.perf_counter() - t1
    cpu_base = time.process_time() - c1
    per_pair = cpu_base / max(n_pairs, 1)
    full_pairs = len(records) * (len(records) - 1) // 2
    agree = sum(1 for p in base if p in found_set) / len(base) if base else 1.0

    result: dict[str, Any] = {
        "entities": len(records), "known_duplicate_pairs": len(known),
        "blocking": {"seconds": round(t_all, 2), "cpu_seconds": round(cpu_all, 2), "records_and_index_seconds": round(t_block, 2), "pairs_compared": len(pairs), "waits": waits,
                     "candidates": len(found), "peak_rss_mb": round(peak, 1), "rss_before_mb": round(rss_before, 1),
                     "recall_blocked": round(blocked_recall, 4), "recall_candidates": round(candidate_recall, 4),
                     "load_average_1min": [round(load_before, 2), round(load_after, 2)]},
        "all_pairs_sample": {"entities": len(sample), "pairs": n_pairs, "seconds": round(t_base, 2),
                             "cpu_seconds": round(cpu_base, 2),
                             "candidates": len(base), "found_by_blocking": round(agree, 4),
                             "extrapolated_cpu_seconds_for_all": round(per_pair * full_pairs, 1), "pairs_for_all": full_pairs},
        "targets": {"seconds": TARGET_S, "peak_rss_mb": TARGET_MB,
                    "met": t_all < TARGET_S and peak < TARGET_MB, "met_cpu": cpu_all < TARGET_S and peak < TARGET_MB},
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    b, s = result["blocking"], result["all_pairs_sample"]
    print(f"{result['entities']:,} entities, {result['known_duplicate_pairs']:,} known duplicate pairs")
    print(f"{'':34}{'wall s':>10}{'CPU s':>10}{'pairs compared':>18}{'candidates':>12}")
    print(f"{'casegraph (blocking)':34}{b['seconds']:>10.1f}{b['cpu_seconds']:>10.1f}{b['pairs_compared']:>18,}"
          f"{b['candidates']:>12,}")
    print(f"{'all pairs, sample of ' + format(s['entities'], ','):34}{s['seconds']:>10.1f}{s['cpu_seconds']:>10.1f}"
          f"{s['pairs']:>18,}{s['candidates']:>12,}")
    print(f"{'all pairs, all (extrapolated)':34}{'':>10}{s['extrapolated_cpu_seconds_for_all']:>10.0f}"
          f"{s['pairs_for_all']:>18,}")
    print(f"load average (1 min) before and after the blocking run: {b['load_average_1min'][0]:.1f}, "
          f"{b['load_average_1min'][1]:.1f} on {os.cpu_count()} CPUs")
    w = b["waits"]
    print(f"where the blocking run's wall time went: {w['cpu_share']:.0%} on a CPU; "
          f"{w['involuntary_switches']:,} forced context switches (runnable, waiting for a CPU) against "
          f"{w['voluntary_switches']:,} waits of its own (disk, socket, sleep); {w['major_page_faults']:,} page faults "
          f"from disk, {w['blocks_read']:,} blocks read, {w['blocks_written']:,} written")
    print(f"blocking recall on known duplicates: {b['recall_blocked']:.1%} share a block, "
          f"{b['recall_candidates']:.1%} found as candidates")
    print(f"of the all-pairs candidates on the sample, blocking finds {s['found_by_blocking']:.1%}")
    t = result["targets"]
    print(f"peak memory {b['peak_rss_mb']:,.0f} MB; targets < {TARGET_S:.0f} s and < {TARGET_MB:,.0f} MB: "
          f"{'met' if t['met'] else 'NOT met'} by wall time, {'met' if t['met_cpu'] else 'NOT met'} by CPU time "
          "(wall time counts other processes on a shared machine)")


if __name__ == "__main__":
    main()
