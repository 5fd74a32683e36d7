"""Benchmark: articles per second and peak memory of ``casegraph extract``, beside a floor.

Takes the self-written articles (examples/articles/dev and unseen) and the real
development set (examples/articles/real/dev), copies them under fresh names until there
are ``--articles`` inputs (default 300; HTML and text alike), and times, on the same inputs:

(a) the floor: reading and cleaning only (``read_article``: trafilatura for HTML, the
    boilerplate cleaner for text), which every extractor pays before it sees a word;
(b) casegraph's extraction, drafts written (``extract_articles``);
(c) the same with ``--corpus examples/crimea`` (names resolved against existing entities).

Peak memory is the process's maximum resident set size (``ru_maxrss``), read after each
phase. Target: >= 50 articles/s on this machine, peak memory < 500 MB. Each phase also
gives its CPU seconds (``time.process_time``): on this shared 2-core machine the wall clock
follows the load average, the CPU time much less (compare commits by CPU seconds).

Then (d) a crafted article, one paragraph of made-up names and arrests, at about 190 KB
and 380 KB (the input that used to take 40 s): twice the text should take about twice
the time (near-linear), not four times.

With ``--baseline PATH`` (another checkout, e.g. a worktree of main), the same benchmark runs
there too, in a subprocess, just before this one, and each phase's CPU seconds and articles/s
are printed beside this checkout's (compare CPU seconds: the wall clock follows the load).

    .venv/bin/python bench/extract.py
    .venv/bin/python bench/extract.py --articles 1000 --json
    .venv/bin/python bench/extract.py --baseline /path/to/main
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from loaders.extract import extract_articles, read_article  # noqa: E402

TARGET = 50.0


def _inputs(workdir: Path, n: int) -> list[Path]:
    art = REPO / "examples" / "articles"
    dirs = [art / "dev", art / "unseen", art / "real" / "dev"]
    sources = sorted(p for d in dirs for p in d.iterdir() if p.suffix in (".txt", ".html", ".htm"))
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        dst = workdir / f"{i:05d}-{src.name}"
        shutil.copyfile(src, dst)
        out.append(dst)
    return out


def _crafted_seconds(work: Path, sentences: int) -> tuple[float, float]:
    """Extract one crafted article of ``sentences`` sentences in a single paragraph: (KB, seconds)."""
    rng = random.Random(sentences)
    syllables = ["ka", "ri", "mo", "tu", "se", "la", "ne", "vi", "do", "ga", "zh", "ch", "ra", "mi"]

    def name() -> str:
        return "".join(rng.choice(syllables) for _ in range(3)).capitalize()

    body = " ".join(f"{name()} {name()}ov was arrested by the FSB in Simferopol on 3 May 2021. He said it."
                    for _ in range(sentences))
    path = work / f"crafted-{sentences}.txt"
    path.write_text(f"Crafted article\n\n{body}\n", encoding="utf-8")
    t0 = time.perf_counter()
    report = extract_articles([path], work / "crafted")
    assert not report.failed, report.failed
    return path.stat().st_size / 1024, time.perf_counter() - t0


def _baseline(checkout: Path, articles: int) -> dict[str, Any]:
    """This benchmark's figures (``--json``) in another checkout, run there in a subprocess."""
    root = checkout.resolve()
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, str(root / "bench" / "extract.py"), "--articles", str(articles), "--json"],
                          cwd=root, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another checkout: run this benchmark there first and print its figures beside these")
    args = parser.parse_args()
    baseline = _baseline(args.baseline, args.articles) if args.baseline is not None else None
    with tempfile.TemporaryDirectory(prefix="cg-bench-extract-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        inputs = _inputs(work / "in", args.articles)
        extract_articles(inputs[:5], work / "warm")  # gazetteers compiled, trafilatura imported
        rows = []
        t0, c0 = time.perf_counter(), time.process_time()
        for p in inputs:
            read_article(p)
        rows.append(("floor: read + clean only", time.perf_counter() - t0, time.process_time() - c0, _rss_mb()))
        t0, c0 = time.perf_counter(), time.process_time()
        report = extract_articles(inputs, work / "out")
        rows.append(("casegraph extract", time.perf_counter() - t0, time.process_time() - c0, _rss_mb()))
        failed = len(report.failed)
        claims = sum(r[3] for r in report.written)
        t0, c0 = time.perf_counter(), time.process_time()
        extract_articles(inputs, work / "out-corpus", [REPO / "examples" / "crimea"])
        rows.append(("casegraph extract --corpus examples/crimea", time.perf_counter() - t0, time.process_time() - c0,
                     _rss_mb()))
        t0, c0 = time.perf_counter(), time.process_time()
        extract_articles(inputs, work / "out-learned", learned=True)
        rows.append(("casegraph extract --learned", time.perf_counter() - t0, time.process_time() - c0, _rss_mb()))
        crafted = [(size, _crafted_seconds(work, size)) for size in (1200, 2400)]
    n = args.articles
    data = {
        "articles": n, "failed": failed, "claims": claims, "target_articles_per_s": TARGET,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "phases": [{"phase": name, "seconds": round(sec, 3), "cpu_seconds": round(cpu, 3),
                    "articles_per_s": round(n / sec, 1), "peak_rss_mb": round(rss, 1)} for name, sec, cpu, rss in rows],
        "crafted": [{"sentences": k, "kilobytes": round(kb, 1), "seconds": round(sec, 2)} for k, (kb, sec) in crafted],
    }
    if baseline is not None:
        data["baseline"] = {"checkout": str(args.baseline), **baseline}
    if args.json:
        print(json.dumps(data, indent=2))
        return
    print(f"{n} articles ({failed} failed), {claims} claims drafted; target {TARGET:.0f} articles/s; "
          f"load average {' '.join(f'{x:.2f}' for x in data['load_average'])}")
    print(f"{'phase':<45} {'seconds':>8} {'CPU s':>7} {'articles/s':>11} {'peak RSS MB':>12}")
    for p in data["phases"]:
        print(f"{p['phase']:<45} {p['seconds']:>8.2f} {p['cpu_seconds']:>7.2f} {p['articles_per_s']:>11.1f} "
              f"{p['peak_rss_mb']:>12.1f}")
    if baseline is not None:
        print(f"beside the baseline {args.baseline} (run just before; load average then "
              f"{' '.join(f'{x:.2f}' for x in baseline['load_average'])}):")
        print(f"{'phase':<45} {'CPU s':>7} {'base CPU s':>10} {'articles/s':>11} {'base art/s':>11}")
        base = {p["phase"]: p for p in baseline["phases"]}
        for p in data["phases"]:
            b = base.get(p["phase"])
            if b is not None:
                print(f"{p['phase']:<45} {p['cpu_seconds']:>7.2f} {b['cpu_seconds']:>10.2f} {p['articles_per_s']:>11.1f} "
                      f"{b['articles_per_s']:>11.1f}")
    for c in data["crafted"]:
        print(f"crafted article, {c['kilobytes']:.0f} KB in one paragraph: {c['seconds']:.2f} s")
    ratio = data["crafted"][1]["seconds"] / max(data["crafted"][0]["seconds"], 1e-9)
    print(f"crafted: twice the text took {ratio:.1f}x the time ({'near-linear' if ratio < 3 else 'NOT near-linear'})")
    rate = data["phases"][1]["articles_per_s"]
    print(f"extract: {rate:.1f} articles/s ({'met' if rate >= TARGET else 'NOT met'}); "
          f"{data['phases'][1]['seconds'] / data['phases'][0]['seconds']:.1f}x the read+clean floor")


if __name__ == "__main__":
    main()
