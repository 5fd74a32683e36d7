"""Benchmark: casegraph's full ``analyze`` against plain NetworkX exact betweenness, same graphs.

For each synthetic corpus (``loaders.synth``, cached in bench/data/ as JSON, as
``casegraph synth --format json`` writes it) the script builds the graph once, then
measures side by side:

(a) casegraph's full analysis, ``graph.analysis.analyze`` (entity graph, degree,
    betweenness: exact in igraph while cheap, else seeded pivots with an error bound,
    Leiden communities with the cases and events each touches);
(b) plain NetworkX exact betweenness (``nx.betweenness_centrality``) on the same entity
    graph, in a child process killed after ``--cap`` seconds (it takes minutes past
    about 10k edges);
(c) exact betweenness in igraph (Brandes, all sources): the reference for the top-20
    overlap and for the largest error actually seen, compared with the stated bound.

"Claims" for ``--claims`` are claim entries (pieces of evidence, as ``casegraph synth
--claims`` counts them); the table shows the distinct claim edges they make. The
defaults, 17,000 and 170,000 entries, give about 10k and 100k claim edges.

    .venv/bin/python bench/analyze.py
    .venv/bin/python bench/analyze.py --claims 17000 --cap 120 --json
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
TOP = 20
TARGET_SECONDS = 60.0

sys.path.insert(0, str(ROOT))  # run as a script from anywhere in the checkout

import networkx as nx  # noqa: E402

from bench.load import prepare, say  # noqa: E402
from graph.analysis import analyze, betweenness, entity_graph  # noqa: E402
from graph.build import MENTIONS, build_graph  # noqa: E402


def _nx_exact(h: nx.Graph, queue: Any) -> None:
    start = time.perf_counter()
    values = nx.betweenness_centrality(h)
    queue.put((time.perf_counter() - start, values))


def networkx_exact(h: nx.Graph, cap: float) -> tuple[float | None, dict[str, float] | None]:
    """Seconds and values of NetworkX exact betweenness, or (None, None) past ``cap`` seconds."""
    ctx = mp.get_context("fork")  # the child inherits the graph without pickling it
    queue = ctx.Queue()
    child = ctx.Process(target=_nx_exact, args=(h, queue), daemon=True)
    child.start()
    try:
        seconds, values = queue.get(timeout=cap)
    except Exception:  # queue.Empty: the cap was reached
        child.kill()
        child.join()
        return None, None
    child.join()
    return seconds, values


def top_keys(values: dict[str, float], n: int = TOP) -> list[str]:
    return sorted(values, key=lambda k: (-values[k], k))[:n]


def measure(claims: int, seed: int, cap: float, reuse_parsed: bool, exact_reference: bool) -> dict[str, Any]:
    prepared = prepare(claims, seed, "json", reuse_parsed)
    start = time.perf_counter()
    g = build_graph(prepared.corpus)
    build = time.perf_counter() - start
    claim_edges = sum(1 for _, _, t in g.edges(data="type") if t != MENTIONS)
    say(f"{claims:,} entries: {claim_edges:,} claim edges; casegraph analyze ...")
    start = time.perf_counter()
    result = analyze(g, top=TOP, seed=seed)
    analysis = time.perf_counter() - start
    between = result["betweenness"]
    h = entity_graph(g)
    out: dict[str, Any] = {
        "claims": claims, "claim_edges": claim_edges, "nodes": h.number_of_nodes(), "ties": h.number_of_edges(),
        "parse_seconds": prepared.parse_seconds, "build_seconds": build, "analyze_seconds": analysis,
        "method": between["method"], "pivots": between["pivots"], "error_bound": between["error_bound"],
        "communities": result["communities"]["count"], "modularity": result["communities"]["modularity"],
        "igraph_exact_seconds": None, "networkx_seconds": None, "networkx_cap": cap,
        "overlap_top20": None, "networkx_overlap_top20": None, "max_error": None,
    }
    exact: dict[str, float] | None = None
    if exact_reference:
        say("igraph exact betweenness (the reference) ...")
        start = time.perf_counter()
        ranking = betweenness(h, pivots=h.number_of_nodes())["ranking"]
        out["igraph_exact_seconds"] = time.perf_counter() - start
        exact = {r["key"]: r["betweenness"] for r in ranking}
    say(f"NetworkX exact betweenness (cap {cap:.0f} s) ...")
    nx_seconds, nx_values = networkx_exact(h, cap)
    out["networkx_seconds"] = nx_seconds
    if exact is None and nx_values is not None:
        exact = nx_values
    if exact is not None:
        ours = [r["key"] for r in between["ranking"][:TOP]]
        out["overlap_top20"] = len(set(ours) & set(top_keys(exact)))
        sampled = betweenness(h, seed=seed)  # the full ranking analyze computed, for the error seen
        out["max_error"] = max(abs(r["betweenness"] - exact[r["key"]]) for r in sampled["ranking"])
        if nx_values is not None:
            out["networkx_overlap_top20"] = len(set(top_keys(nx_values)) & set(top_keys(exact)))
    return out


def _s(value: float | None, cap: float | None = None) -> str:
    if value is None:
        return f"> {cap:.0f} (killed)" if cap is not None else "-"
    return f"{value:.1f}"


def report(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| claim edges | entities | ties | parse s | build s | casegraph analyze s | betweenness | "
        "NetworkX exact s | igraph exact s | top-20 overlap | max error seen (bound) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        method = "exact" if r["method"] == "exact" else f"{r['pivots']:,} pivots"
        overlap = "-" if r["overlap_top20"] is None else f"{r['overlap_top20']}/{TOP}"
        error = "-" if r["max_error"] is None else f"{r['max_error']:.4f} ({r['error_bound']:.3f})"
        lines.append(
            f"| {r['claim_edges']:,} | {r['nodes']:,} | {r['ties']:,} | {_s(r['parse_seconds'])} | "
            f"{_s(r['build_seconds'])} | {_s(r['analyze_seconds'])} | {method} | "
            f"{_s(r['networkx_seconds'], r['networkx_cap'])} | {_s(r['igraph_exact_seconds'])} | {overlap} | {error} |")
    biggest = max(rows, key=lambda r: r["claim_edges"])
    met = "met" if biggest["analyze_seconds"] < TARGET_SECONDS else "NOT met"
    lines.append("")
    lines.append(f"Target: full analysis of the largest graph ({biggest['claim_edges']:,} claim edges) under "
                 f"{TARGET_SECONDS:.0f} s: {met} ({biggest['analyze_seconds']:.1f} s).")
    for r in rows:
        if r["networkx_seconds"] and r["analyze_seconds"]:
            lines.append(f"{r['claim_edges']:,} claim edges: casegraph's whole analysis is "
                         f"{r['networkx_seconds'] / r['analyze_seconds']:.1f}x faster than NetworkX betweenness alone.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[17_000, 170_000],
                        help="claim entries per synthetic corpus (default: about 10k and 100k claim edges)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cap", type=float, default=300.0, help="seconds NetworkX may take before it is killed")
    parser.add_argument("--reuse-parsed", action="store_true", help="cache the parsed corpus (see bench/load.py)")
    parser.add_argument("--no-exact-reference", action="store_true",
                        help="skip igraph exact betweenness (the overlap then uses NetworkX, if it finishes)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rows = [measure(n, args.seed, args.cap, args.reuse_parsed, not args.no_exact_reference) for n in args.claims]
    print(json.dumps(rows, indent=2) if args.json else report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
