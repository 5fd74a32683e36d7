"""Benchmark: `validate` and `load` of a big corpus after small edits, with and without the cache.

A monitor's day is small edits to a big corpus. This script generates (or reuses, under
bench/data/) a synthetic corpus with ``casegraph synth``, loads it once into a local Neo4j of its
own (under bench/data/incremental-home/, never your .casegraph/), then times each step as a user
runs it, one ``casegraph`` process per step, process start included:

- the floors: starting Python, ``casegraph --help``, listing and looking at (stat) every file
  (what telling an unchanged corpus from a changed one costs at least), reading and hashing each;
- ``validate DIR`` unchanged, cold (``--no-cache``) and warm (the cache filled by a first run:
  answered from the run summary, see loaders.incremental), and after one edited file;
- ``load DIR`` with nothing changed, cold and warm (after a cached load stored the digests);
- ``load DIR`` after one quote in one file changed, cold and warm (loaders.delta);

and prints them beside the targets (100,000 claims: < 1 s; 1,000,000: < 3 s), each step's peak
memory (the cached run must not need more than the uncached one) and the cache's size on disk.

    .venv/bin/python bench/incremental.py                           # 100,000 claims, JSON and YAML
    .venv/bin/python bench/incremental.py --claims 1000000 --formats json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = BENCH / "data"
CASEGRAPH = [sys.executable, "-m", "casegraph"]


def target_for(claims: int) -> float:
    return 1.0 if claims <= 100_000 else 3.0


def run(args: list[str], env: dict[str, str], check: bool = True) -> str:
    """One casegraph process whose time does not count; its stdout."""
    proc = subprocess.run(CASEGRAPH + args, capture_output=True, env=env, cwd=ROOT)
    if check and proc.returncode != 0:
        sys.exit(f"casegraph {' '.join(args)} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-500:]}")
    return proc.stdout.decode(errors="replace")


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """One timed casegraph process: (wall seconds, its own peak RSS in MB, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(CASEGRAPH + args, stdout=out, stderr=err, env=env, cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)  # this child's rusage, not all children's
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            sys.exit(f"casegraph {' '.join(args)} failed ({proc.returncode}): {err.read().decode(errors='replace')[-500:]}")
        return wall, usage.ru_maxrss / 1024, out.read().decode(errors="replace")


def floors(corpus: Path) -> dict[str, float]:
    """What no warm step can go below: starting Python, listing and looking at every file
    (the status of each, what an unchanged corpus needs), and reading and hashing each."""
    out: dict[str, float] = {}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    out["python_start_seconds"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    files = [os.path.join(d, f) for d, _dirs, names in os.walk(corpus) for f in names]
    for path in files:
        os.stat(path)
    out["walk_and_stat_seconds"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for path in files:
        with open(path, "rb") as fh:
            hashlib.sha1(fh.read()).hexdigest()
    out["read_and_hash_seconds"] = time.perf_counter() - t0
    return {k: round(v, 3) for k, v in out.items()}


def edit_one(corpus: Path, n: int) -> Path:
    """Change one quote in one file (a different one each time), keeping the file valid."""
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".json", ".yaml"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    marker = '"quote": "' if path.suffix == ".json" else "quote: "
    at = text.index(marker) + len(marker)
    if path.suffix == ".yaml" and text[at] in "'\"":
        at += 1
    path.write_text(text[:at] + f"Edit{n} " + text[at:], encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--formats", default="json,yaml", help="comma-separated: json, yaml")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    opts = parser.parse_args()

    home = DATA / "incremental-home"
    env = {**os.environ, "CASEGRAPH_HOME": str(home), "PYTHONPATH": str(ROOT)}
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        env.pop(name, None)
    results: dict[str, dict[str, Any]] = {}
    help_wall, help_peak, _ = run_measured(["--help"], env)
    started_here = False
    try:
        for fmt in opts.formats.split(","):
            corpus = DATA / f"incremental-{opts.claims}-{fmt}"
            if not corpus.is_dir():
                print(f"generating {corpus.name} ...", file=sys.stderr)
                run(["synth", str(corpus), "--claims", str(opts.claims), "--format", fmt], env)
            if not started_here:
                run(["neo4j", "start"], env)
                started_here = True
            shutil.rmtree(home / "cache", ignore_errors=True)
            print(f"[{fmt}] first load ...", file=sys.stderr)
            run(["load", "--no-cache", str(corpus)], env)
            steps: dict[str, tuple[float, float]] = {}
            floor = floors(corpus)
            for name, args in [
                ("validate unchanged, cold", ["validate", "--no-cache", str(corpus)]),
                ("validate, filling the cache", ["validate", str(corpus)]),
                ("validate unchanged, warm", ["validate", str(corpus)]),
                ("validate after one edit, cold", ["validate", "--no-cache", str(corpus)]),
                ("validate after one edit, warm", ["validate", str(corpus)]),
                ("load unchanged, cold", ["load", "--no-cache", str(corpus)]),
                # The first cached load reads the (cached) files and stores each source's digest...
                ("load unchanged, storing digests", ["load", str(corpus)]),
                # ...and the next compares those with Neo4j's only (loaders.incremental).
                ("load unchanged, warm", ["load", str(corpus)]),
            ]:
                if name == "validate after one edit, cold":
                    edit_one(corpus, 1)
                print(f"[{fmt}] {name} ...", file=sys.stderr)
                wall, peak, _ = run_measured(args, env)
                steps[name] = (wall, peak)
            # One edited file loaded with the cache (loaders.delta: that file against the cached rest,
            # its difference sent to Neo4j), then another without it (every file read and checked).
            edit_one(corpus, 2)
            wall, peak, out = run_measured(["load", "--format", "json", str(corpus)], env)
            steps["load after one edit, warm"] = (wall, peak)
            edit_one(corpus, 3)
            wall, peak, _ = run_measured(["load", "--no-cache", "--format", "json", str(corpus)], env)
            steps["load after one edit, cold"] = (wall, peak)
            cache = home / "cache" / "facts.sqlite"
            results[fmt] = {
                "steps": {k: {"seconds": round(w, 3), "peak_mb": round(p, 1)} for k, (w, p) in steps.items()},
                "floors": floor,
                "cache_mb": round(cache.stat().st_size / 1e6, 1) if cache.exists() else 0.0,
                "last_load": json.loads(out) if out.strip().startswith("{") else out.strip(),
            }
    finally:
        if started_here:
            run(["neo4j", "stop"], env, check=False)
    target = target_for(opts.claims)
    if opts.json:
        print(json.dumps({"claims": opts.claims, "target_seconds": target, "help_seconds": round(help_wall, 3),
                          "results": results, "load_average": os.getloadavg()}, indent=2))
        return
    print(f"Incremental validate/load, {opts.claims:,} claims; target < {target:g} s per warm step "
          f"(load average {os.getloadavg()[0]:.1f})")
    print(f"  floor: `casegraph --help` {help_wall:.2f} s ({help_peak:.0f} MB)")
    for fmt, r in results.items():
        f = r["floors"]
        print(f"[{fmt}] floors: python start {f['python_start_seconds']:.2f} s, listing and stat of every file "
              f"{f['walk_and_stat_seconds']:.2f} s, reading and hashing every file {f['read_and_hash_seconds']:.2f} s; "
              f"cache on disk {r['cache_mb']} MB")
        figs = r["steps"]
        print(f"  {'step':32s} {'cold':>9s} {'MB':>6s} {'warm':>9s} {'MB':>6s}")
        for step in ("validate unchanged", "validate after one edit", "load unchanged", "load after one edit"):
            cold, warm = figs[f"{step}, cold"], figs[f"{step}, warm"]
            verdict = "meets" if warm["seconds"] < target else "misses"
            print(f"  {step:32s} {cold['seconds']:7.2f} s {cold['peak_mb']:6.0f} {warm['seconds']:7.2f} s "
                  f"{warm['peak_mb']:6.0f}  {verdict} < {target:g} s")
        for name in ("validate, filling the cache", "load unchanged, storing digests"):
            print(f"  {name:32s} {figs[name]['seconds']:7.2f} s {figs[name]['peak_mb']:6.0f}")


if __name__ == "__main__":
    main()
