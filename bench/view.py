"""Benchmark: `casegraph view` against pyvis defaults, same graphs, same headless Chromium.

For each size (entities drawn) it takes a connected piece of one synthetic corpus
(``loaders.synth``, cached in bench/data/), then measures

- casegraph: ``graph.views.write_view`` (generation time, file size) and the time to
  the first drawing in headless Chromium (vis-network's first ``afterDrawing`` event,
  from navigation start);
- pyvis defaults: ``Network(directed=True)``, ``add_node``/``add_edge`` per entity and
  claim, ``write_html`` (``cdn_resources='in_line'`` so that no lib/ folder is written;
  its Bootstrap/tom-select CDN requests are blocked, as offline), and the same
  first-drawing time. pyvis's physics must settle before it draws anything, so its
  page is given ``--timeout`` seconds and skipped above ``--pyvis-max`` entities
  (the output says so).

    .venv/bin/python bench/view.py                      # 200, 1,500, 2,000 and 10,000 entities
    .venv/bin/python bench/view.py --sizes 200 1500 --json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections import deque
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = BENCH / "data"
TARGET_DRAW_S = 3.0  # 10,000 entities drawn in under 3 s
TARGET_SPEEDUP = 20.0  # at least 20x faster than pyvis defaults at 1,500

sys.path.insert(0, str(ROOT))  # run as a script from anywhere in the checkout

import networkx as nx  # noqa: E402

from graph.build import MENTIONS, build_graph  # noqa: E402
from graph.views import write_view  # noqa: E402
from loaders.facts import load_corpus  # noqa: E402
from loaders.synth import write_corpus  # noqa: E402
from tests.chromium import start_chromium, stop_chromium  # noqa: E402

# pyvis's page calls drawGraph(); this records when vis-network first draws (bench instrumentation only).
_PYVIS_HOOK = 'network.once("afterDrawing", function () { window.__firstDraw = performance.now(); });'


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def corpus_graph(entities: int, seed: int) -> nx.MultiDiGraph:
    """A synthetic graph with at least ``entities`` entities (corpus cached in bench/data/)."""
    claims = max(2000, int(entities * 6.5))
    folder = DATA / f"view-synth-{claims}-s{seed}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        DATA.mkdir(exist_ok=True)
        (DATA / ".gitignore").write_text("*\n")
        say(f"writing a synthetic corpus of {claims:,} claims into {folder} ...")
        write_corpus(folder, claims, seed=seed)
        (folder / ".complete").write_text("")
    g = build_graph(load_corpus([folder]))
    return g


def piece(g: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    """``n`` entities reached breadth-first from the busiest one, their claims, and the sources."""
    entities = {v for v, d in g.nodes(data=True) if d.get("node_kind") == "entity"}
    if n > len(entities):
        raise SystemExit(f"the corpus has only {len(entities)} entities; fewer than {n}")
    claims = nx.Graph()
    claims.add_nodes_from(entities)
    claims.add_edges_from((u, v) for u, v, d in g.edges(data=True) if d.get("type") != MENTIONS)
    chosen: list[Any] = []
    seen: set[Any] = set()
    for start in sorted(entities, key=lambda v: (-claims.degree(v), v)):
        if len(chosen) >= n:
            break
        if start in seen:
            continue
        queue = deque([start])
        seen.add(start)
        while queue and len(chosen) < n:
            v = queue.popleft()
            chosen.append(v)
            for w in sorted(claims.neighbors(v)):
                if w not in seen:
                    seen.add(w)
                    queue.append(w)
    keep = set(chosen) | {v for v, d in g.nodes(data=True) if d.get("node_kind") == "source"}
    return g.subgraph(keep).copy()


_FLOOR_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>floor</title>
<style>html, body, #n { margin: 0; width: 100%; height: 100%; }</style></head>
<body><div id="n"></div><script type="application/json" id="d">@@DATA@@</script><script>@@VIS@@</script>
<script>var d = JSON.parse(document.getElementById("d").textContent);
var net = new vis.Network(document.getElementById("n"), {nodes: new vis.DataSet(d.nodes), edges: new vis.DataSet(d.edges)},
  {physics: false, layout: {improvedLayout: false}, edges: {smooth: false}});
net.once("afterDrawing", function () { window.__firstDraw = performance.now(); });</script></body></html>"""


def floor_page(casegraph_page: Path, path: Path) -> None:
    """vis-network alone on the same nodes and edges: ids, positions, ends, and no other option.

    Physics, vis's own layout and curved edges are off, as in casegraph's big views
    (with vis's defaults it would simulate before drawing). What no option can save.
    """
    from graph.views.html import vis_assets

    text = casegraph_page.read_text("utf-8")
    start = text.index('<script type="application/json" id="casegraph-data">') + len('<script type="application/json" id="casegraph-data">')
    data = json.loads(text[start:text.index("</script>", start)])
    bare = {"nodes": [{"id": n["id"], "x": n["x"], "y": n["y"]} for n in data["nodes"]],
            "edges": [{"from": e["from"], "to": e["to"]} for e in data["edges"]]}
    payload = json.dumps(bare, separators=(",", ":")).replace("<", "\\u003c")
    path.write_text(_FLOOR_PAGE.replace("@@VIS@@", vis_assets()[0]).replace("@@DATA@@", payload), "utf-8")


def pyvis_page(g: nx.MultiDiGraph, path: Path) -> float:
    """pyvis with its defaults; returns the generation time in seconds."""
    from pyvis.network import Network

    start = time.perf_counter()
    net = Network(directed=True, cdn_resources="in_line")
    for v, d in g.nodes(data=True):
        if d.get("node_kind") == "entity":
            net.add_node(v, label=str(d.get("name")), title=str(d.get("label")))
    for u, v, d in g.edges(data=True):
        if d.get("type") != MENTIONS and g.nodes[u].get("node_kind") == "entity":
            net.add_edge(u, v, title=str(d.get("type")))
    cwd = os.getcwd()
    os.chdir(path.parent)  # pyvis writes relative to the working directory
    try:
        net.write_html(path.name)
    finally:
        os.chdir(cwd)
    seconds = time.perf_counter() - start
    text = path.read_text("utf-8")
    anchor = "network = new vis.Network(container, data, options);"
    if anchor not in text:
        raise SystemExit("pyvis's template changed: cannot find where it creates the network")
    path.write_text(text.replace(anchor, anchor + "\n" + _PYVIS_HOOK, 1), "utf-8")
    return seconds


class Browser:
    def __init__(self, timeout: float) -> None:
        from selenium.webdriver.remote.remote_connection import RemoteConnection

        self.driver = start_chromium("casegraph-bench-", browser_log=False)
        self.phases: dict[str, float] | None = None  # casegraph pages: when the script started, parsed, built
        with warnings.catch_warnings():  # the local ChromeDriver takes no client_config; this still works
            warnings.simplefilter("ignore", DeprecationWarning)
            RemoteConnection.set_timeout(30 + timeout)  # a page busy with physics answers late
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*"]})
        self.driver.set_page_load_timeout(600)
        self.driver.set_script_timeout(600)

    def first_draw(self, path: Path, expr: str, timeout: float) -> float | None:
        """Seconds from navigation start to the first drawing, or None after ``timeout``."""
        from selenium.common.exceptions import WebDriverException

        deadline = time.monotonic() + timeout
        try:
            self.driver.get(path.resolve().as_uri())
            while time.monotonic() < deadline:
                value = self.driver.execute_script(f"return {expr};")
                if value:
                    self.phases = self.driver.execute_script("return window.casegraphView && casegraphView.timing")
                    return float(value) / 1000
                time.sleep(0.05)
        except (WebDriverException, TimeoutError, OSError) as exc:  # the page kept the browser busy past the limit
            say(f"  no drawing within {timeout:.0f} s ({type(exc).__name__})")
        return None

    def close(self) -> None:
        stop_chromium(self.driver)


def first_draw(path: Path, expr: str, timeout: float) -> float | None:
    """One fresh browser per page, so a page still busy with physics cannot slow the next."""
    browser = Browser(timeout)
    try:
        seconds = browser.first_draw(path, expr, timeout)
        if browser.phases and seconds:
            t = browser.phases
            say(f"  page: script starts {t['start'] / 1000:.2f} s, start-up data parsed in "
                f"{(t['parsed'] - t['start']) / 1000:.2f} s, vis-network built in {(t['network'] - t['parsed']) / 1000:.2f} s, "
                f"first drawing {seconds - t['network'] / 1000:.2f} s later")
        return seconds
    finally:
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1500, 2000, 10000])
    parser.add_argument("--pyvis-max", type=int, default=2000, help="skip pyvis above this many entities")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for a page to draw")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()

    full = corpus_graph(max(args.sizes), args.seed)
    out = Path(tempfile.mkdtemp(prefix="casegraph-bench-view-"))
    rows = []
    try:
        for n in args.sizes:
            g = piece(full, n)
            claims = sum(1 for _, _, d in g.edges(data=True) if d.get("type") != MENTIONS)
            ours = out / f"casegraph-{n}.html"
            start = time.perf_counter()
            summary = write_view(g, ours, max_nodes=n)
            gen = time.perf_counter() - start
            say(f"{n:,} entities: casegraph file written in {gen:.2f} s; opening in Chromium ...")
            draw = first_draw(ours, "window.casegraphView && casegraphView.firstDrawMs", args.timeout)
            row: dict[str, Any] = {"entities": n, "claims": claims, "physics": summary.physics,
                                   "gen_s": round(gen, 2), "mb": round(summary.bytes / 1e6, 2),
                                   "draw_s": None if draw is None else round(draw, 2)}
            if n > args.pyvis_max:  # the floor: vis-network drawing the same bare nodes and edges
                bare = out / f"floor-{n}.html"
                floor_page(ours, bare)
                say(f"{n:,} entities: floor page (bare nodes and edges, no options); opening in Chromium ...")
                row["floor_draw_s"] = first_draw(bare, "window.__firstDraw", args.timeout)
                if row["floor_draw_s"] is not None:
                    row["floor_draw_s"] = round(row["floor_draw_s"], 2)
            if n <= args.pyvis_max:
                theirs = out / f"pyvis-{n}.html"
                pgen = pyvis_page(g, theirs)
                say(f"{n:,} entities: pyvis file written in {pgen:.2f} s; opening in Chromium (up to {args.timeout:.0f} s) ...")
                pdraw = first_draw(theirs, "window.__firstDraw", args.timeout)
                row.update(pyvis_gen_s=round(pgen, 2), pyvis_mb=round(theirs.stat().st_size / 1e6, 2),
                           pyvis_draw_s=None if pdraw is None else round(pdraw, 2))
            rows.append(row)
            say(f"  {row}")
    finally:
        shutil.rmtree(out, ignore_errors=True)

    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'entities':>8} {'claims':>7} {'layout':>11} | {'gen s':>6} {'MB':>5} {'draw s':>7} | "
          f"{'pyvis gen s':>11} {'MB':>5} {'draw s':>8} | {'speed-up':>8}")
    for r in rows:
        layout = "physics" if r["physics"] else "precomputed"
        ours_draw = "timeout" if r["draw_s"] is None else f"{r['draw_s']:.2f}"
        if "pyvis_gen_s" in r:
            cell = f"{r['pyvis_gen_s']:>11.2f} {r['pyvis_mb']:>5.1f} "
            if r["pyvis_draw_s"] is None:
                cell += f"{'>' + str(int(args.timeout)):>8}"
                speed = f">{args.timeout / r['draw_s']:.0f}x" if r["draw_s"] else "?"
            else:
                cell += f"{r['pyvis_draw_s']:>8.2f}"
                speed = f"{r['pyvis_draw_s'] / r['draw_s']:.0f}x" if r["draw_s"] else "?"
        else:
            cell, speed = f"{'not run (capped)':>26}", "-"
        print(f"{r['entities']:>8,} {r['claims']:>7,} {layout:>11} | {r['gen_s']:>6.2f} {r['mb']:>5.1f} {ours_draw:>7} | "
              f"{cell} | {speed:>8}")
    big = [r for r in rows if r["entities"] >= 10000 and r["draw_s"] is not None]
    if big:
        print(f"target: 10,000 entities drawn in under {TARGET_DRAW_S:.0f} s: "
              f"{big[0]['draw_s']:.2f} s ({'met' if big[0]['draw_s'] < TARGET_DRAW_S else 'NOT met'})")
        if big[0].get("floor_draw_s"):
            print(f"floor: vis-network alone, the same {big[0]['entities']:,} bare nodes and {big[0]['claims']:,} "
                  f"bare edges: {big[0]['floor_draw_s']:.2f} s")
    mid = [r for r in rows if r["entities"] == 1500 and r.get("pyvis_gen_s") is not None and r["draw_s"]]
    if mid:
        r = mid[0]
        pd = r["pyvis_draw_s"] if r["pyvis_draw_s"] is not None else args.timeout
        print(f"target: at least {TARGET_SPEEDUP:.0f}x faster than pyvis defaults at 1,500 entities: "
              f"{'>' if r['pyvis_draw_s'] is None else ''}{pd / r['draw_s']:.0f}x "
              f"({'met' if pd / r['draw_s'] >= TARGET_SPEEDUP else 'NOT met'})")


if __name__ == "__main__":
    main()
