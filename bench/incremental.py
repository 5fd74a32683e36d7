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
memory (the cached run must not need more than the uncached one), its CPU time (on a busy machine
the wall-clock time mostly waits for a core), the load average, and the cache's size on disk.
Warm steps run ``--repeat`` times (a different edit each time); the median is shown, and the best.
Python runs with its bytecode cache, as an installed casegraph does (PYTHONDONTWRITEBYTECODE is
dropped: without it every run compiles casegraph's modules again, 0.1-0.3 s).

    .venv/bin/python bench/incremental.py                           # 100,000 claims, JSON and YAML
    .venv/bin/python bench/incremental.py --claims 1000000 --formats json
    .venv/bin/python bench/incremental.py --claims 1000000 --formats json --warm-only   # again, warm steps

The first load of a corpus into the bench's Neo4j is done once (a million claims: 15-20 minutes);
later runs find it there (a marker under the bench's home) and bring Neo4j up to date, if needed,
with the unmeasured load before "load unchanged, cold". Each run's figures are saved under
bench/results/; ``--warm-only`` skips the cold steps (each of them reads the whole corpus: minutes
at a million claims) and prints the cold figures of the last full run beside its own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CASEGRAPH = [sys.executable, "-m", "casegraph"]


def target_for(claims: int) -> float:
    return 1.0 if claims <= 100_000 else 3.0


def run(args: list[str], env: dict[str, str], check: bool = True) -> str:
    """One casegraph process whose time does not count; its stdout."""
    proc = subprocess.run(CASEGRAPH + args, capture_output=True, env=env, cwd=ROOT)
    if check and proc.returncode != 0:
        sys.exit(f"casegraph {' '.join(args)} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-500:]}")
    return proc.stdout.decode(errors="replace")


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """One timed casegraph process: (wall seconds, its own peak RSS in MB, its CPU seconds, stdout)."""
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
        return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, out.read().decode(errors="replace")


def floors(corpus: Path) -> dict[str, Any]:
    """What no warm step can go below: starting Python, listing and looking at every file
    (the status of each, what an unchanged corpus needs), and reading and hashing each."""
    out: dict[str, Any] = {}
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


# The floor of any step that talks to Neo4j: a process that imports the driver (as casegraph does,
# without pandas and numpy: casegraph.cli.common.import_driver) and makes one Bolt round trip.
_DRIVER_FLOOR = """
import os, sys
for name in ("pandas", "numpy"):
    sys.modules[name] = None
import neo4j
with neo4j.GraphDatabase.driver(os.environ["BENCH_URI"], auth=("neo4j", os.environ["BENCH_PASSWORD"])) as driver:
    with driver.session() as session:
        session.run("RETURN 1").consume()
"""


def driver_floor(env: dict[str, str], times: int) -> Step:
    """``python -c 'import neo4j'`` and one round trip to the bench's Neo4j, timed as a step is
    (the password goes to the child in its environment, never on a command line)."""
    status = json.loads(run(["neo4j", "status", "--format", "json"], env))
    child = {**env, "BENCH_URI": status["bolt_uri"],
             "BENCH_PASSWORD": Path(status["password_file"]).read_text(encoding="utf-8").strip()}
    walls, cpus, peaks = [], [], []
    for _ in range(times):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", _DRIVER_FLOOR], env=child, cwd=ROOT)
        _pid, status_code, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t0)
        if os.waitstatus_to_exitcode(status_code) != 0:
            sys.exit("the driver floor failed")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
    return {"seconds": round(statistics.median(walls), 3), "best": round(min(walls), 3),
            "cpu": round(statistics.median(cpus), 3), "peak_mb": round(max(peaks), 1)}


def edit_one(corpus: Path, n: int) -> Path:
    """Change one quote in one file (a different one each time), keeping the file valid."""
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".json", ".yaml"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    marker = '"quote": "' if path.suffix == ".json" else "quote: "
    at = text.index(marker) + len(marker)
    if path.suffix == ".yaml" and text[at] in "'\"":
        at += 1
    # The mark of an earlier edit is replaced, not added to (the quote stays within its 40 words
    # however many runs edit it).
    end = at + len(match.group(0)) if (match := re.match(r"Edit\d+ ", text[at:])) else at
    path.write_text(text[:at] + f"Edit{n} " + text[end:], encoding="utf-8")
    return path


Step = dict[str, float]  # seconds (median), best, cpu, peak_mb


def measure(args: list[str], env: dict[str, str], times: int = 1, before: Any = None) -> Step:
    """Run a step ``times`` times (``before(i)`` ahead of each); median and best wall time, median CPU,
    highest peak memory."""
    walls, cpus, peaks, out = [], [], [], ""
    for i in range(times):
        if before is not None:
            before(i)
        wall, peak, cpu, out = run_measured(args, env)
        walls.append(wall)
        cpus.append(cpu)
        peaks.append(peak)
    return {"seconds": round(statistics.median(walls), 3), "best": round(min(walls), 3),
            "cpu": round(statistics.median(cpus), 3), "peak_mb": round(max(peaks), 1), "out": out}  # type: ignore[dict-item]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--formats", default="json,yaml", help="comma-separated: json, yaml")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each warm step (median shown)")
    parser.add_argument("--validate-only", action="store_true",
                        help="validate steps only, no Neo4j (a first load of 1,000,000 claims takes long)")
    parser.add_argument("--warm-only", action="store_true",
                        help="warm steps only, the cache and Neo4j as the last run left them; "
                             "the cold figures of the last full run shown beside them")
    parser.add_argument("--data", type=Path, default=BENCH / "data", help="where corpora and the bench's home live")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    opts = parser.parse_args()

    data = opts.data.resolve()
    home = data / f"incremental-home-{opts.claims}"  # its own Neo4j (and cache) per corpus size
    results_dir = data.parent / "results"  # bench/results/ by default
    env = {**os.environ, "CASEGRAPH_HOME": str(home), "PYTHONPATH": str(ROOT)}
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    run(["--help"], env)  # compiles casegraph's modules once, as installing it does
    load_before = os.getloadavg()
    help_step = measure(["--help"], env, opts.repeat)
    results: dict[str, dict[str, Any]] = {}
    started_here = False
    edits = iter(range(1, 1_000_000))
    try:
        for fmt in opts.formats.split(","):
            corpus = data / f"incremental-{opts.claims}-{fmt}"
            saved = results_dir / f"incremental-{opts.claims}-{fmt}.json"
            if not corpus.is_dir():
                print(f"generating {corpus.name} ...", file=sys.stderr)
                run(["synth", str(corpus), "--claims", str(opts.claims), "--format", fmt], env)
            if not opts.warm_only:
                shutil.rmtree(home / "cache", ignore_errors=True)
            if not opts.validate_only:
                if not started_here:
                    run(["neo4j", "start"], env)
                    started_here = True
                loaded = home / f"loaded-{corpus.name}"
                if not loaded.exists():  # once per corpus (the steps below keep Neo4j up to date)
                    print(f"[{fmt}] first load ...", file=sys.stderr)
                    run(["load", "--no-cache", str(corpus)], env)
                    loaded.write_text(time.strftime("%Y-%m-%d %H:%M:%S\n"), encoding="utf-8")
            steps: dict[str, Step] = {}
            floor: dict[str, Any] = floors(corpus)
            if not opts.validate_only:
                floor["driver_and_round_trip"] = driver_floor(env, opts.repeat)

            def edit(_i: int, corpus: Path = corpus) -> None:
                edit_one(corpus, next(edits))
                time.sleep(2.1)  # past the cache's racy window (loaders.cache.RACY_NS): as a user's edit would be

            plan: list[tuple[str, list[str], int, Any]] = [
                ("validate unchanged, cold", ["validate", "--no-cache", str(corpus)], 1, None),
                ("validate, filling the cache", ["validate", str(corpus)], 1, None),
                ("validate unchanged, warm", ["validate", str(corpus)], opts.repeat, None),
                ("validate after one edit, warm", ["validate", str(corpus)], opts.repeat, edit),
                ("validate after one edit, cold", ["validate", "--no-cache", str(corpus)], 1, edit),
            ]
            if not opts.validate_only:
                plan += [
                    # (Neo4j first takes the validate steps' edits, unmeasured: then nothing has changed.)
                    ("load unchanged, cold", ["load", "--no-cache", str(corpus)], 1,
                     lambda _i, corpus=corpus: run(["load", "--no-cache", str(corpus)], env)),
                    # The first cached load reads the (cached) files, stores each source's digest and
                    # Neo4j's load stamp; the next ones read the stamp only (loaders.incremental).
                    ("load unchanged, storing digests", ["load", str(corpus)], 1, None),
                    ("load unchanged, warm", ["load", str(corpus)], opts.repeat, None),
                    # One edited file: checked against the cached rest, its difference sent in one
                    # transaction (loaders.delta); then the same without the cache.
                    ("load after one edit, warm", ["load", "--format", "json", str(corpus)], opts.repeat, edit),
                    ("load after one edit, cold", ["load", "--no-cache", "--format", "json", str(corpus)], 1, edit),
                ]
            if opts.warm_only:
                plan = [step for step in plan if not step[0].endswith(", cold")]
            for name, args, times, before in plan:
                print(f"[{fmt}] {name} ...", file=sys.stderr)
                steps[name] = measure(args, env, times, before)
            cache = home / "cache" / "facts.sqlite"
            out = steps.get("load after one edit, warm", {}).get("out", "")
            results[fmt] = {
                "steps": {k: {m: v for m, v in st.items() if m != "out"} for k, st in steps.items()},
                "floors": floor,
                "cache_mb": round(cache.stat().st_size / 1e6, 1) if cache.exists() else 0.0,
                "last_load": json.loads(out) if isinstance(out, str) and out.strip().startswith("{") else None,
                "load_average": os.getloadavg(), "when": time.strftime("%Y-%m-%d %H:%M"),
            }
            results_dir.mkdir(exist_ok=True)
            if opts.warm_only and saved.exists():  # the cold figures of the last full run, marked as such
                before_run = json.loads(saved.read_text(encoding="utf-8"))
                cold = {k: v | {"from": before_run.get("when", "?")} for k, v in before_run["steps"].items()
                        if k.endswith(", cold")}
                results[fmt]["steps"] = cold | results[fmt]["steps"]
                results[fmt]["cold_from"] = before_run.get("when", "?")
            if not opts.warm_only:
                saved.write_text(json.dumps(results[fmt], indent=2), encoding="utf-8")
    finally:
        if started_here:
            run(["neo4j", "stop"], env, check=False)
    target = target_for(opts.claims)
    load_after = os.getloadavg()
    if opts.json:
        print(json.dumps({"claims": opts.claims, "target_seconds": target, "help": help_step | {"out": None},
                          "results": results, "load_average": [load_before, load_after]}, indent=2))
        return
    print(f"Incremental validate/load, {opts.claims:,} claims; target < {target:g} s per warm step; load average "
          f"{load_before[0]:.1f} at the start, {load_after[0]:.1f} at the end (1 min), {os.cpu_count()} cores")
    print(f"  floor: `casegraph --help` {help_step['seconds']:.2f} s ({help_step['cpu']:.2f} s CPU, "
          f"{help_step['peak_mb']:.0f} MB)")
    for fmt, r in results.items():
        f = r["floors"]
        if "cold_from" in r:
            print(f"[{fmt}] cold figures from the full run of {r['cold_from']}")
        print(f"[{fmt}] floors: python start {f['python_start_seconds']:.2f} s, listing and stat of every file "
              f"{f['walk_and_stat_seconds']:.2f} s, reading and hashing every file {f['read_and_hash_seconds']:.2f} s; "
              f"cache on disk {r['cache_mb']} MB")
        if "driver_and_round_trip" in f:
            d = f["driver_and_round_trip"]
            print(f"  floor of a step that talks to Neo4j: python, `import neo4j` and one round trip {d['seconds']:.2f} s "
                  f"(best {d['best']:.2f} s, {d['cpu']:.2f} s CPU, {d['peak_mb']:.0f} MB)")
        figs = r["steps"]
        print(f"  {'step':32s} {'cold':>9s} {'MB':>6s} {'warm':>9s} {'best':>7s} {'CPU':>7s} {'MB':>6s}")
        for step in ("validate unchanged", "validate after one edit", "load unchanged", "load after one edit"):
            if f"{step}, warm" not in figs:
                continue
            cold, warm = figs.get(f"{step}, cold", {"seconds": float("nan"), "peak_mb": float("nan")}), figs[f"{step}, warm"]
            verdict = "meets" if warm["seconds"] < target else "misses"
            print(f"  {step:32s} {cold['seconds']:7.2f} s {cold['peak_mb']:6.0f} {warm['seconds']:7.2f} s "
                  f"{warm['best']:5.2f} s {warm['cpu']:5.2f} s {warm['peak_mb']:6.0f}  {verdict} < {target:g} s")
        for name in ("validate, filling the cache", "load unchanged, storing digests"):
            if name in figs:
                print(f"  {name:32s} {figs[name]['seconds']:7.2f} s {figs[name]['peak_mb']:6.0f}")


if __name__ == "__main__":
    main()
