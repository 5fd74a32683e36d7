"""Benchmark: parse + validate of the same synthetic corpus written as YAML and as JSON.

Issue 14's target: the YAML corpus within 2x the JSON corpus's time. Both corpora are
``casegraph synth --claims N`` (the same seed, so the same facts), cached in
bench/data/parse-<N>-<fmt>/. Each figure is ``loaders.facts.validate`` over the whole
corpus (find the files, parse, check every file, merge), best of ``--repeat`` runs,
as wall time and as CPU time of this process (the machine is shared, and CPU time is
what another developer's tests do not inflate).

"before" is the line-aware path for every file, ``validate(..., fast=False)``: for YAML
this is exactly what casegraph did before the fast path (libyaml composing nodes with
line marks, then Python building line-numbered values); JSON had its fast path
already, so its before figure is the JSON row itself.

    .venv/bin/python bench/parse.py                 # 100,000 claims, with the before figure
    .venv/bin/python bench/parse.py --claims 20000 --no-before --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
TARGET_RATIO = 2.0

sys.path.insert(0, str(ROOT))  # run as a script from anywhere in the checkout

from loaders.facts import validate  # noqa: E402
from loaders.synth import write_corpus  # noqa: E402


def corpus(claims: int, fmt: str, seed: int) -> Path:
    """The cached corpus folder, written on first use (marked complete by a .done file)."""
    folder = BENCH / "data" / f"parse-{claims}-s{seed}-{fmt}"
    done = folder.with_suffix(".done")
    if not done.exists():
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        write_corpus(folder, claims, seed=seed, fmt=fmt)
        done.touch()
    return folder


def timed(run: Callable[[], int], repeat: int) -> tuple[float, float, int]:
    """Best wall and best CPU seconds of ``repeat`` runs, and what the run returned."""
    walls, cpus, result = [], [], 0
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus), result


def measure(folder: Path, fast: bool, repeat: int) -> tuple[float, float, int]:
    def run() -> int:
        corpus_, problems, _files = validate([folder], fast=fast)
        if problems:
            raise SystemExit(f"{folder}: {len(problems)} problems, first: {problems[0]}")
        return len(corpus_.claims)

    return timed(run, repeat)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000, help="claim entries per corpus (default 100000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure; the best is shown")
    parser.add_argument("--no-before", action="store_true", help="skip the line-aware (before) YAML run")
    args = parser.parse_args(argv)

    yaml_dir = corpus(args.claims, "yaml", args.seed)
    json_dir = corpus(args.claims, "json", args.seed)
    files = sum(1 for _ in yaml_dir.rglob("*.yaml"))
    print(f"corpus: {args.claims:,} claims in {files:,} files per format ({yaml_dir.parent})")

    rows: list[tuple[str, float, float, int]] = []
    json_wall, json_cpu, n = measure(json_dir, True, args.repeat)
    rows.append(("JSON", json_wall, json_cpu, n))
    yaml_wall, yaml_cpu, n = measure(yaml_dir, True, args.repeat)
    rows.append(("YAML (fast path)", yaml_wall, yaml_cpu, n))
    if not args.no_before:
        before_wall, before_cpu, n = measure(yaml_dir, False, args.repeat)
        rows.append(("YAML before (line-aware, fast=False)", before_wall, before_cpu, n))

    print(f"{'parse + validate':38} {'wall s':>8} {'cpu s':>8} {'cpu / JSON':>11} {'claims':>8}")
    for name, wall, cpu, claims in rows:
        print(f"{name:38} {wall:8.2f} {cpu:8.2f} {cpu / json_cpu:10.2f}x {claims:8,}")
    ratio = yaml_cpu / json_cpu
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"YAML / JSON: {ratio:.2f}x CPU, {yaml_wall / json_wall:.2f}x wall (target <= {TARGET_RATIO:.0f}x: {verdict})")
    if not args.no_before:
        print(f"before: {before_cpu / json_cpu:.2f}x CPU; the fast path is {before_cpu / yaml_cpu:.1f}x faster on YAML")
    return 0


if __name__ == "__main__":
    sys.exit(main())
