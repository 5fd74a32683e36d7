"""Benchmark: ``casegraph serve`` answers over HTTP, beside the same reads as bare Cypher.

Loads a synthetic corpus (``loaders.synth``, cached in bench/data/, as ``casegraph synth``
writes it) into the benchmark's own local Neo4j (``--home``, as bench/load.py), starts the
app under uvicorn on a free 127.0.0.1 port in this process, and measures, server side:

* search: ``/api/search`` for entity names with one letter changed (typos), p50/p95;
  beside bare Cypher: the exact-name lookup on the ``entity_name`` index (the floor).
* expand: ``/api/expand`` of the biggest hubs and of random entities, p50/p95, and the
  number of ties the hubs have; beside the two Cypher reads the route makes
  (``EXPLORE_NEIGHBOURS`` and ``EXPLORE_CLAIMS_AMONG``) run bare, with no NetworkX, no
  exit filter and no JSON.
* evidence: ``/api/claim`` for ties the expands drew, beside ``CLAIMS_BY_ID`` bare.
* first page: ``/`` and the first search (which builds the name index).

Targets (issue 23): search p95 < 100 ms, expand of a hub < 300 ms, evidence < 100 ms,
first page < 1 s. Then the same reads in headless Chromium (``--browser-samples``): search,
expand of the biggest hub (the benchmark adds one of ``--hub-ties`` ties, default 6,000:
the generator's biggest at 100,000 claims has about 2,800), evidence panel and first
page, each timed by the page's own ``performance.measure`` from the action to the frame
that shows the answer; for expand and evidence also the request alone (Resource Timing),
to tell the server's part from the page's. With ``--redact``, last, the first answer after
each of three loads of a small file of the benchmark's own (the filter rebuilt meanwhile).

    CASEGRAPH_LAUNCHER_DIR=launcher .venv/bin/python bench/serve.py --claims 100000
    .venv/bin/python bench/serve.py --claims 20000 --samples 100 --redact --json
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere in the checkout

from bench.load import DATA, prepare, say  # noqa: E402
from graph.db import statements as S  # noqa: E402

TARGETS_MS = {"search": 100.0, "expand_hub": 300.0, "evidence": 100.0, "first_page": 1000.0}
HUB_KEY = "org:bench-hub-registry"  # the benchmark's own hub (the generator's biggest has ~2,800 ties)


def add_hub(corpus: Any, ties: int, seed: int) -> int:
    """Add one organisation tied to ``ties`` distinct people (``WORKS_FOR``, one claim each,
    100 claims a source) to the parsed synthetic ``corpus``: a hub with thousands of ties,
    which ``casegraph synth`` does not make at 100,000 claims. Returns the ties added."""
    from graph.model import Claim, Entity, Evidence, Source, claim_id

    people = sorted(k for k, e in corpus.entities.items() if e.label == "Person" and not e.sensitive)
    chosen = random.Random(seed).sample(people, min(ties, len(people)))
    for i in range(ties - len(chosen)):  # the generator's people, then registrars of its own
        key = f"person:bench-registrar-{i:05d}"
        corpus.entities[key] = Entity(key, "Person", f"Registrar {i:05d} Benchhub")
        chosen.append(key)
    hub = Entity(HUB_KEY, "Organisation", "Benchmark Hub Registry (fictional)", aliases=["Bench Hub"])
    corpus.entities[HUB_KEY] = hub
    for i, person in enumerate(chosen):
        source = f"source:bench-hub-{i // 100:03d}"
        if source not in corpus.sources:
            corpus.sources[source] = Source(source, f"Benchmark hub roll {i // 100}", publisher="Bench Gazette",
                                            published=f"2020-{i // 100 % 12 + 1:02d}-01")
            hub.sources.append(source)
        corpus.entities[person].sources = sorted({*corpus.entities[person].sources, source})
        cid = claim_id(person, "WORKS_FOR", HUB_KEY, {"role": "registrar"})
        corpus.claims[cid] = Claim(cid, person, "WORKS_FOR", HUB_KEY, {"role": "registrar"}, [Evidence(
            source, f"{corpus.entities[person].name} is listed as a registrar of the Bench Hub Registry.",
            qualifiers={"date": f"2020-{i // 100 % 12 + 1:02d}-01"})])
    return len(chosen)


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1)}


class Client:
    """Raw HTTP to the app, with its log-in cookie."""

    def __init__(self, access: Any) -> None:
        self.access = access
        self.conn = http.client.HTTPConnection("127.0.0.1", access.port, timeout=300)

    def get(self, path: str) -> tuple[float, bytes]:
        try:
            return self._get(path)
        except (http.client.RemoteDisconnected, ConnectionError):
            # uvicorn closes a connection idle for 5 s (while the bench ran a long query of its own)
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.access.port, timeout=300)
            return self._get(path)

    def _get(self, path: str) -> tuple[float, bytes]:
        start = time.perf_counter()
        self.conn.request("GET", path, headers={"Host": f"127.0.0.1:{self.access.port}",
                                                "Cookie": f"{self.access.cookie}={self.access.token}"})
        resp = self.conn.getresponse()
        body = resp.read()
        took = time.perf_counter() - start
        if resp.status != 200:
            raise RuntimeError(f"GET {path}: {resp.status} {body[:200]!r}")
        return took, body


def _browser_ms(driver: Any, name: str, action: str, *args: Any, timeout: float = 300) -> float:
    """Run ``action`` (JavaScript) in the page and wait for its next ``cg:<name>`` measure (seconds)."""
    before = driver.execute_script("return performance.getEntriesByName(arguments[0]).length", f"cg:{name}")
    driver.execute_script(action, *args)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        entries = driver.execute_script("return performance.getEntriesByName(arguments[0]).map(e => e.duration)",
                                        f"cg:{name}")
        if len(entries) > before:
            return float(entries[-1]) / 1000
        time.sleep(0.02)
    raise RuntimeError(f"the page gave no cg:{name} measure in {timeout:.0f} s")


def _last_fetch(driver: Any, path: str) -> float:
    """Seconds the page's last request to ``path`` took, sent to last byte (Resource Timing)."""
    took = driver.execute_script(
        "const r = performance.getEntriesByType('resource').filter(e => e.name.includes(arguments[0]));"
        "return r.length ? r[r.length - 1].duration : null;", path)
    if took is None:
        raise RuntimeError(f"the page made no request to {path}")
    return float(took) / 1000


def browser(access: Any, names: list[str], hub: str, claim_ids: list[str], samples: int) -> dict[str, Any]:
    """The same reads in real headless Chromium (tests/chromium.py), timed by the page's own
    performance measures: from the action to the frame that shows the answer (the canvas
    drawn with an expand's data, the panel painted, the first page's first frame)."""
    from tests.chromium import start_chromium, stop_chromium

    driver = start_chromium("casegraph-bench-serve-")
    try:
        driver.set_script_timeout(300)
        driver.get(access.url())
        deadline = time.monotonic() + 300
        while not driver.execute_script("return !!window.casegraph"):
            if time.monotonic() > deadline:
                raise RuntimeError("the app page did not start in Chromium")
            time.sleep(0.1)
        out: dict[str, Any] = {}
        first = []
        for _ in range(min(samples, 10)):
            driver.get(f"http://127.0.0.1:{access.port}/")  # a new document: its own first measure
            deadline = time.monotonic() + 300
            while not (found := driver.execute_script(
                    "return performance.getEntriesByName('cg:first-page').map(e => e.duration)")):
                if time.monotonic() > deadline:
                    raise RuntimeError("the page gave no cg:first-page measure in 300 s")
                time.sleep(0.02)
            first.append(float(found[0]) / 1000)
        out["first_page"] = _ms(first)
        search = "const box = document.getElementById('search'); box.value = arguments[0]; " \
                 "document.getElementById('search-form').requestSubmit();"
        out["search"] = _ms([_browser_ms(driver, "search", search, name) for name in names[:samples]])
        expand = "casegraph.nodes.clear(); casegraph.edges.clear(); casegraph.expand(arguments[0]);"
        # A tie is clicked on a canvas at rest: the expand's layout stopped, as the eye waits for it.
        evidence = "casegraph.network.stopSimulation(); casegraph.showClaim(arguments[0]);"
        for kind, name, action, args in (("expand_hub", "expand", expand, [hub] * min(samples, 20)),
                                         ("evidence", "evidence", evidence, claim_ids[:samples])):
            totals, fetches = [], []
            for arg in args:
                driver.execute_script("performance.clearResourceTimings()")
                totals.append(_browser_ms(driver, name, action, arg))
                fetches.append(_last_fetch(driver, f"/api/{name if name == 'expand' else 'claim'}?"))
            # Where the browser's time goes: the request (sent to last byte received) and the rest
            # (JSON, DOM or canvas, layout and paint).
            out[kind] = _ms(totals)
            out[f"{kind}_request"] = _ms(fetches)
        problems = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        if problems:
            raise RuntimeError(f"errors in the page: {problems[:3]}")
        return out
    finally:
        stop_chromium(driver)


FRESH = """\
source:
  key: source:bench-fresh-roll
  title: Roll of the fictional Bench Fresh Group
  publisher: Bench Gazette
  published: "2024-01-01"
entities:
  - key: org:bench-fresh-group
    label: Organisation
    name: Bench Fresh Group
  - key: person:bench-fresh-member-{run}
    label: Person
    name: Quillan Freshmember {run}
  - key: person:bench-fresh-protected-{run}
    label: Person
    name: Zoltar Benchprotected{run}
    aliases: [Benchprotected{run}-Vey]
{sensitive}claims:
{claims}"""
FRESH_CLAIMS = """\
  - subject: person:bench-fresh-member-{run}
    predicate: MEMBER_OF
    object: org:bench-fresh-group
    quote: Quillan Freshmember {run} joined the Bench Fresh Group with Zoltar Benchprotected{run}
  - subject: person:bench-fresh-protected-{run}
    predicate: MEMBER_OF
    object: org:bench-fresh-group
    quote: Benchprotected{run}-Vey is a member
"""


def rebuild_after_load(store: Any, client: Client) -> dict[str, float]:
    """A redacting app's first answer after a load (it waits for the filter's rebuild), in ms:
    a load that changes no protected spelling (a new public person; the filter's names reused),
    one that protects that person (rebuilt), and the load that takes the benchmark's claims out
    again (the names reused). Each run adds two people and a protected person of its own."""
    import tempfile

    from loaders.facts import load_corpus

    out: dict[str, float] = {}
    # Names of this run's own (letters only: a name part), so each step means what it says
    # whatever an earlier run left in the database.
    run = "".join(random.Random().choice("bcdfghjklmnpqrstvwxz") for _ in range(8))
    with tempfile.TemporaryDirectory(prefix="casegraph-bench-serve-") as tmp:
        fact = Path(tmp) / "fresh.yaml"
        steps = (("same_spellings", "", FRESH_CLAIMS), ("new_protected_person", "    sensitive: true\n", FRESH_CLAIMS),
                 ("claims_removed", "    sensitive: true\n", "  []\n"))
        for name, sensitive, claims in steps:
            fact.write_text(FRESH.format(sensitive=sensitive, claims=claims.format(run=run), run=run), "utf-8")
            store.load(load_corpus([Path(tmp)]), progress=False)
            took, body = client.get(f"/api/search?q=Benchprotected{run}")
            if sensitive and run.encode() in body.lower():
                raise RuntimeError("a protected name came back after the load")
            out[f"{name}_ms"] = round(took * 1000, 1)
    return out


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(len(name))
    return name[:i] + ("e" if name[i] != "e" else "a") + name[i + 1:]


def _bare(store: Any, query: str, **params: Any) -> float:
    start = time.perf_counter()
    with store.driver.session(database=store.database, default_access_mode="READ") as session:
        list(session.run(query, **params))
    return time.perf_counter() - start


def run(args: argparse.Namespace) -> dict[str, Any]:
    if not args.use_env:
        for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
            os.environ.pop(name, None)
        os.environ["CASEGRAPH_HOME"] = str(Path(args.home).resolve())
    from casegraph.app import Access, create_app
    from casegraph.app.run import free_port, make_server
    from graph.db.explore import Explorer
    from graph.db.server import connection, start, status, stop
    from graph.db.store import Store

    prepared = prepare(args.claims, args.seed, "yaml", reuse_parsed=True)
    corpus = prepared.corpus
    hub_added = add_hub(corpus, args.hub_ties, args.seed) if args.hub_ties else 0
    started_here = not args.use_env and status() is None
    if started_here:
        say("starting the benchmark's local Neo4j ...")
        start()
    uri, user, password = connection()
    rng = random.Random(args.seed)
    out: dict[str, Any] = {"claims": sum(len(c.evidence) for c in corpus.claims.values()),
                           "distinct_claims": len(corpus.claims), "entities": len(corpus.entities),
                           "redact": args.redact, "hub_added_ties": hub_added}
    with Store.connect(uri, user, password) as store:
        store.ensure_schema()
        have = store.counts().get("Claim", 0)
        if have != len(corpus.claims):
            say(f"loading {out['claims']:,} claims (the database held {have:,} claims) ...")
            store.clear()
            store.load(corpus, progress=False)
        port = free_port()
        access = Access("127.0.0.1", port)
        explorer = Explorer(store, redact=args.redact)
        server = make_server(create_app(explorer, access), "127.0.0.1", port)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            client = Client(access)
            took, _ = client.get("/")
            out["first_page_ms"] = round(took * 1000, 1)
            took, _ = client.get("/api/search?q=warmup")
            out["first_search_ms (builds the name index)"] = round(took * 1000, 1)
            index = explorer.index()
            keys = sorted(index.entities)
            names = [index.entities[k]["name"] for k in rng.sample(keys, min(args.samples, len(keys)))]

            say(f"search: {len(names)} names with a typo ...")
            http_s, bare_s = [], []
            for name in names:
                http_s.append(client.get(f"/api/search?q={quote(_typo(name, rng))}")[0])
                bare_s.append(_bare(store, "MATCH (n:Entity) WHERE n.name = $name RETURN n.key AS key", name=name))
            out["search"] = {"app": _ms(http_s), "bare_cypher_exact_name": _ms(bare_s)}

            hubs = [r["key"] for r in store.execute_read(lambda tx: list(tx.run(
                "MATCH (n:Entity)-[r]-() WHERE r.claim_id IS NOT NULL "
                "RETURN n.key AS key, count(r) AS ties ORDER BY ties DESC LIMIT $n", n=args.hubs)))]
            hub_ties = store.execute_read(lambda tx: [r["ties"] for r in tx.run(
                "UNWIND $keys AS k MATCH (:Entity {key: k})-[r]-() WHERE r.claim_id IS NOT NULL "
                "RETURN k, count(r) AS ties ORDER BY ties DESC", keys=hubs)])
            out["hub_ties"] = hub_ties
            handed_out: set[str] = set()  # claim ids the expands handed out (redacted, only those are explained)
            for kind, chosen in (("expand_hub", hubs), ("expand_random", rng.sample(keys, min(args.samples, len(keys))))):
                say(f"{kind}: {len(chosen)} entities ...")
                http_s, bare_s = [], []
                for key in chosen:
                    try:
                        took, body = client.get(f"/api/expand?key={quote(key)}")
                    except RuntimeError:
                        continue  # a protected person's real key under --redact
                    http_s.append(took)
                    handed_out.update(e["id"] for e in json.loads(body)["edges"])
                    real = explorer.real_key(key)
                    start_t = time.perf_counter()
                    with store.driver.session(database=store.database, default_access_mode="READ") as session:
                        found = session.run(S.EXPLORE_NEIGHBOURS, key=real, offset=0,
                                            limit=explorer.expand_limit).single()
                        top = [real, *(r["key"] for r in (found["page"] if found else []))]
                        list(session.run(S.EXPLORE_CLAIMS_AMONG, keys=top))
                    bare_s.append(time.perf_counter() - start_t)
                out[kind] = {"app": _ms(http_s), "bare_cypher": _ms(bare_s)}

            # The evidence of ties the expands drew (as a click on a tie asks for it).
            claim_ids = rng.sample(sorted(handed_out), min(args.samples, len(handed_out)))
            say(f"evidence: {len(claim_ids)} claims ...")
            http_s = [client.get(f"/api/claim?id={quote(c)}")[0] for c in claim_ids]
            bare_s = [_bare(store, S.CLAIMS_BY_ID, ids=[explorer.real_claim_id(c) or c]) for c in claim_ids]
            out["evidence"] = {"app": _ms(http_s), "bare_cypher": _ms(bare_s)}
            if args.browser_samples:
                say(f"the same in headless Chromium ({args.browser_samples} samples each) ...")
                typos = [_typo(name, rng) for name in names]
                out["browser"] = browser(access, typos, explorer.shown_key(hubs[0]) or hubs[0], claim_ids,
                                         args.browser_samples)
            if args.redact:
                say("rebuilding the redaction filter after loads ...")
                out["rebuild_after_load"] = rebuild_after_load(store, client)
        finally:
            server.should_exit = True
            thread.join(30)
            if started_here and not args.keep_server:
                stop()
    return out


def show(out: dict[str, Any]) -> None:
    print(f"casegraph serve on {out['claims']:,} claims ({out['distinct_claims']:,} distinct), "
          f"{out['entities']:,} entities{' (redacted)' if out['redact'] else ''}")
    print(f"first page: {out['first_page_ms']} ms (target < {TARGETS_MS['first_page']:.0f}); "
          f"first search, building the name index: {out['first_search_ms (builds the name index)']} ms")
    print(f"hubs' ties: {out['hub_ties']}")
    web = out.get("browser") or {}
    print(f"{'read':<15} {'browser p50':>11} {'browser p95':>11} {'app p50':>9} {'app p95':>9} "
          f"{'bare p50':>9} {'bare p95':>9} {'target p95':>11}")
    for kind in ("search", "expand_hub", "expand_random", "evidence"):
        row = out[kind]
        bare = row.get("bare_cypher") or row.get("bare_cypher_exact_name")
        target = TARGETS_MS.get(kind)
        b = web.get(kind, {})
        print(f"{kind:<15} {b.get('p50_ms', ''):>11} {b.get('p95_ms', ''):>11} {row['app']['p50_ms']:>9} "
              f"{row['app']['p95_ms']:>9} {bare['p50_ms']:>9} {bare['p95_ms']:>9} "
              f"{(f'< {target:.0f}') if target else '':>11}")
    for kind in ("expand_hub", "evidence"):
        if f"{kind}_request" in web:
            print(f"{kind:<15} {web[f'{kind}_request']['p50_ms']:>11} {web[f'{kind}_request']['p95_ms']:>11}"
                  "   (browser: the request alone, sent to last byte; the rest is JSON, DOM or canvas and paint)")
    if "first_page" in web:
        print(f"{'first_page':<15} {web['first_page']['p50_ms']:>11} {web['first_page']['p95_ms']:>11} "
              f"{out['first_page_ms']:>9} {'':>9} {'':>9} {'':>9} {'< 1000':>11}")
    print("(ms; browser: in headless Chromium, from the action to the frame showing the answer (canvas drawn, "
          "panel painted), by the page's own performance measures; app: server side over HTTP on 127.0.0.1; "
          "bare: the same Cypher through the driver, no NetworkX, exit filter or JSON; search's bare figure "
          "is an exact-name index lookup)")
    if "rebuild_after_load" in out:
        print("first answer after a load (the filter rebuilt): "
              + ", ".join(f"{k.removesuffix('_ms').replace('_', ' ')} {v} ms" for k, v in out["rebuild_after_load"].items()))
    if "load_average" in out:
        print(f"load average before / after: {out['load_average']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000, help="claims (evidence) in the corpus (default 100000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the corpus and of the samples (default 0)")
    parser.add_argument("--samples", type=int, default=200, help="searches, expands and claims to time (default 200)")
    parser.add_argument("--hubs", type=int, default=5, help="biggest hubs to expand (default 5)")
    parser.add_argument("--hub-ties", type=int, default=6000,
                        help="ties of the benchmark's own hub added to the corpus (default 6000; 0: none)")
    parser.add_argument("--browser-samples", type=int, default=20,
                        help="samples of each read timed in headless Chromium (default 20; 0: none)")
    parser.add_argument("--redact", action="store_true", help="time the redacting app")
    parser.add_argument("--home", default=str(DATA / "casegraph"),
                        help="CASEGRAPH_HOME of the benchmark's own Neo4j (default: as bench/load.py)")
    parser.add_argument("--use-env", action="store_true", help="use NEO4J_URI and friends (the database is replaced)")
    parser.add_argument("--keep-server", action="store_true", help="leave the benchmark's server running")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of the table")
    args = parser.parse_args()
    before = os.getloadavg()
    out = run(args)
    out["load_average"] = [[round(x, 1) for x in before], [round(x, 1) for x in os.getloadavg()]]
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        show(out)


if __name__ == "__main__":
    main()
