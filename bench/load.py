"""Benchmark: casegraph's Neo4j loader against a naive per-claim loader, same server, same data.

Generates (or reuses, cached in bench/data/) a synthetic corpus with loaders.synth,
parses and validates it with loaders.facts.load_corpus (timed on its own), then on
one local Neo4j server measures:

(a) ``Store.load`` into an empty database, in ``--rounds`` rounds alternating with (d),
    each into an emptied database; the best round of each is compared (the first large
    write on a fresh server also grows the store files and compiles hot paths);
(b) the no-op reload of the same corpus (nothing changed, so nothing should be written);
(c) a naive loader, as per-document loaders such as LangChain's ``add_graph_documents``
    do it: one auto-commit ``session.run()`` per piece of evidence, MERGEing the subject
    node, the object node and the relationship. It is timed on a prefix of
    ``--naive-claims`` and its rate extrapolated (the output says so).

(d) the write floor: the same nodes and relationships by bare ``UNWIND ... CREATE``
    statements (in a forked child, so its prebuilt rows do not count in this process's
    peak memory);
(e) the bulk load (``casegraph load --bulk``: Neo4j's import tool, offline, server stop
    and start and schema included) into the emptied database, then a no-op reload.

It prints a table side by side with the targets (Store.load >= 0.8 of the floor's
claims/s, bulk >= 5x the floor, >= 10x naive, the Python process under 4 GB peak), or
JSON with ``--json``. "Claims" are claim entries (pieces of evidence), as written by
``casegraph synth --claims``.

The benchmark clears the database it loads into, so by default it runs its own local
server under bench/data/casegraph/ (never the one in .casegraph/ that holds your
work) and stops it afterwards if it started it.

    .venv/bin/python bench/load.py                      # 100,000 claims
    .venv/bin/python bench/load.py --claims 1000000 --naive-claims 20000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = BENCH / "data"
TARGET_SPEEDUP = 10.0
TARGET_FLOOR_RATIO = 0.8  # Store.load's claims/s over the write floor's, same run
TARGET_BULK_RATIO = 5.0  # the bulk load's claims/s over the write floor's, same run
TARGET_PYTHON_PEAK_MB = 4096.0  # the whole pipeline (parse, validate, loads) in this process
WARMUP_CLAIMS = 5000  # the JVM compiles the hot paths during the first loads
NAIVE_WARMUP_CLAIMS = 300  # the naive loader's statements are few and simple

sys.path.insert(0, str(ROOT))  # run as a script from anywhere in the checkout

from graph.model import Corpus  # noqa: E402
from graph.ontology import Ontology, default_ontology  # noqa: E402
from loaders.facts import load_corpus  # noqa: E402
from loaders.synth import FORMATS, GENERATOR_VERSION, write_corpus  # noqa: E402


def say(message: str) -> None:
    """Progress goes to stderr, so that --json output stays clean."""
    print(message, file=sys.stderr, flush=True)


def data_dir() -> Path:
    if not DATA.is_dir():
        DATA.mkdir(parents=True)
    ignore = DATA / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Generated benchmark data: never committed.\n*\n")
    return DATA


@dataclass
class Prepared:
    corpus: Corpus
    path: Path
    generated_seconds: float | None  # None: reused from the cache
    parse_seconds: float | None  # None: parsed corpus reused (--reuse-parsed)


def prepare(claims: int, seed: int, fmt: str, reuse_parsed: bool) -> Prepared:
    """The synthetic corpus on disk (cached), then parsed and validated."""
    root = data_dir()
    name = f"synth-{claims}-s{seed}" + ("" if fmt == "yaml" else f"-{fmt}")
    path, marker, parsed = root / name, root / f"{name}.done.json", root / f"{name}.corpus.pickle"
    generated: float | None = None
    fresh = marker.exists() and path.is_dir() and \
        json.loads(marker.read_text()).get("generator") == GENERATOR_VERSION
    if not fresh:
        shutil.rmtree(path, ignore_errors=True)
        parsed.unlink(missing_ok=True)
        say(f"generating {claims:,} synthetic claims into {path} ...")
        start = time.perf_counter()
        summary = write_corpus(path, claims, seed=seed, fmt=fmt)
        generated = time.perf_counter() - start
        marker.write_text(json.dumps(summary.as_dict(), indent=2) + "\n")
    else:
        say(f"reusing the corpus in {path}")
    if reuse_parsed and parsed.exists():
        say(f"reusing the parsed corpus {parsed} (parse time not measured)")
        with parsed.open("rb") as fh:
            return Prepared(pickle.load(fh), path, generated, None)  # noqa: S301 - our own cache file
    say("parsing and validating with loaders.facts.load_corpus ...")
    start = time.perf_counter()
    corpus = load_corpus([path])
    parse = time.perf_counter() - start
    if reuse_parsed:
        with parsed.open("wb") as fh:
            pickle.dump(corpus, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return Prepared(corpus, path, generated, parse)


def warmup_corpus(seed: int) -> Corpus:
    path = data_dir() / f"warmup-{WARMUP_CLAIMS}-s{seed + 1}-g{GENERATOR_VERSION}"
    if not (path.is_dir() and any(path.rglob("*.yaml"))):
        shutil.rmtree(path, ignore_errors=True)
        write_corpus(path, WARMUP_CLAIMS, seed=seed + 1)
    return load_corpus([path])


# --- The naive loader ---------------------------------------------------------------------


def _naive_query(subject_label: str, predicate: str, object_label: str, ontology: Ontology) -> str:
    # Labels and types cannot be parameters: take them only from the ontology's allowlist.
    if subject_label not in ontology.labels or object_label not in ontology.labels:
        raise ValueError(f"label not in the ontology: {subject_label}, {object_label}")
    if predicate not in ontology.relationships:
        raise ValueError(f"relationship type not in the ontology: {predicate}")
    return (
        f"MERGE (s:{subject_label} {{key: $subject}}) SET s += $subject_props "
        f"MERGE (o:{object_label} {{key: $object}}) SET o += $object_props "
        f"MERGE (s)-[r:{predicate} {{claim_id: $claim_id}}]->(o) SET r += $props"
    )


def _node_props(corpus: Corpus, key: str) -> dict[str, Any]:
    e = corpus.entities[key]
    return {"name": e.name, "aliases": e.aliases, "sensitive": e.sensitive, "generic": e.generic, **e.attributes}


def naive_load(uri: str, user: str, password: str, corpus: Corpus, limit: int, ontology: Ontology) -> tuple[int, float]:
    """One auto-commit query per piece of evidence; returns (claims loaded, seconds).

    Like per-document loaders, each evidence overwrites the relationship's properties,
    so repeated facts lose all but the last source: it does less than casegraph.
    """
    from neo4j import GraphDatabase

    items = [(claim, ev) for claim in corpus.claims.values() for ev in claim.evidence][:limit]
    queries: dict[tuple[str, str, str], str] = {}
    with GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF") as driver:
        with driver.session() as session:
            start = time.perf_counter()
            for claim, ev in items:
                labels = (corpus.entities[claim.subject].label, claim.predicate, corpus.entities[claim.object].label)
                query = queries.get(labels)
                if query is None:
                    query = queries[labels] = _naive_query(*labels, ontology)
                props = {**claim.key_qualifiers, **ev.qualifiers, "source": ev.source, "quote": ev.quote}
                if ev.asserted_by is not None:
                    props["asserted_by"] = ev.asserted_by
                session.run(
                    query,  # text built only from ontology identifiers
                    subject=claim.subject, subject_props=_node_props(corpus, claim.subject),
                    object=claim.object, object_props=_node_props(corpus, claim.object),
                    claim_id=claim.id, props=props,
                ).consume()
            seconds = time.perf_counter() - start
    return len(items), seconds


# --- The write floor -----------------------------------------------------------------------


FLOOR_BATCH = 10_000


def floor_rows(corpus: Corpus, ontology: Ontology) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Every node and relationship casegraph's load writes, as (step, Cypher, rows).

    The same elements and properties as ``Store.load`` into an empty database, built
    before the clock starts, for the fastest statements that can write them: plain
    ``UNWIND $rows ... CREATE`` with no diff, no locks and no reads.
    """
    from graph.db import statements as S
    from graph.db.rows import (  # the loader's own
        claim_props,
        entity_props,
        evidence_props,
        rel_props,
        source_props,
    )

    steps: list[tuple[str, str, list[dict[str, Any]]]] = []
    steps.append(("sources", S.FLOOR_CREATE_SOURCES, [source_props(src) for src in corpus.sources.values()]))
    by_label: dict[str, list[dict[str, Any]]] = {}
    for e in corpus.entities.values():
        by_label.setdefault(e.label, []).append(entity_props(e))
    for label, rows in sorted(by_label.items()):
        steps.append(("entities", S.floor_create_entities(ontology, label), rows))
    steps.append(("mentions", S.CREATE_MENTIONS,
                  [{"s": s, "e": e.key} for e in corpus.entities.values() for s in e.sources]))
    claims: dict[str, list[dict[str, Any]]] = {}
    evidence: list[dict[str, Any]] = []
    for claim in corpus.claims.values():
        ev = [evidence_props(claim, x) for x in claim.evidence]
        evidence.extend(ev)
        rel = rel_props(claim, ev)
        claims.setdefault(claim.predicate, []).append({"s": claim.subject, "o": claim.object,
                                                        "props": claim_props(claim, rel), "rel": rel})
    steps.append(("claim nodes", S.FLOOR_CREATE_CLAIMS, [row["props"] for rows in claims.values() for row in rows]))
    for rel_type, rows in sorted(claims.items()):
        steps.append(("claim relationships", S.create_claim_relationships(ontology, rel_type), rows))
    steps.append(("evidence", S.CREATE_EVIDENCE, evidence))
    steps.append(("speakers", S.CREATE_SPEAKERS,
                  [{"id": p["id"], "by": p["asserted_by"]} for p in evidence if "asserted_by" in p]))
    return steps


def floor_load(uri: str, user: str, password: str, corpus: Corpus, ontology: Ontology, workers: int = 2
               ) -> tuple[float, dict[str, float]]:
    """Write what casegraph writes with the bare statements; returns (seconds, seconds by step)."""
    from neo4j import GraphDatabase

    steps = floor_rows(corpus, ontology)
    by_step: dict[str, float] = {}
    with GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF") as driver:

        def write(query: str, batch: list[dict[str, Any]]) -> None:
            with driver.session() as session:
                session.execute_write(lambda tx: tx.run(query, rows=batch).consume())

        # Batches of a step in parallel transactions, as casegraph's own load does
        # (a deadlock between two of them on a hub node is retried by execute_write).
        with ThreadPoolExecutor(max_workers=workers) as pool:
            start = time.perf_counter()
            for step, query, rows in steps:
                t0 = time.perf_counter()
                batches = [rows[i:i + FLOOR_BATCH] for i in range(0, len(rows), FLOOR_BATCH)]
                list(pool.map(partial(write, query), batches))
                by_step[step] = by_step.get(step, 0.0) + time.perf_counter() - t0
            seconds = time.perf_counter() - start
    return seconds, by_step


# --- The run ------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    if not args.use_env:
        # The benchmark clears its database: use a server of its own, not one named in the environment.
        for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
            os.environ.pop(name, None)
        os.environ["CASEGRAPH_HOME"] = str(Path(args.home).resolve())
    from graph.db.server import connection, start, status, stop
    from graph.db.store import Store

    prepared = prepare(args.claims, args.seed, args.format, args.reuse_parsed)
    corpus = prepared.corpus
    evidence = sum(len(c.evidence) for c in corpus.claims.values())
    ontology = default_ontology()

    started_here = False
    if not args.use_env:
        started_here = status() is None
        say("starting the benchmark's local Neo4j ..." if started_here else "reusing the running benchmark Neo4j")
        start()
    uri, user, password = connection()
    out: dict[str, Any] = {
        "corpus": {
            "path": str(prepared.path), "claims": evidence, "distinct_claims": len(corpus.claims),
            "entities": len(corpus.entities), "sources": len(corpus.sources), "seed": args.seed, "format": args.format,
            "generated_seconds": _round(prepared.generated_seconds),
        },
        "parse_validate": {"seconds": _round(prepared.parse_seconds),
                           "claims_per_s": _rate(evidence, prepared.parse_seconds)},
        "server": uri, "warmup_claims": WARMUP_CLAIMS,
    }
    try:
        with Store.connect(uri, user, password) as store:
            store.ensure_schema()
            store.clear()
            # Warm the server up (query plans, JIT) with both loaders on a small other corpus.
            say(f"warming up with {WARMUP_CLAIMS} other claims ...")
            warm = warmup_corpus(args.seed)
            store.load(warm, progress=False)
            store.clear()
            naive_load(uri, user, password, warm, NAIVE_WARMUP_CLAIMS, ontology)
            store.clear()
            # Rounds of (floor, Store.load), each into an emptied database: the first large
            # write on a fresh server also pays for growing the store files and compiling
            # hot paths, so only equal rounds compare the two fairly; the best of each counts.
            loads: list[tuple[float, Any]] = []
            floors: list[tuple[float, dict[str, float]]] = []
            for round_no in range(1, args.rounds + 1):
                tag = f" (round {round_no} of {args.rounds})" if args.rounds > 1 else ""
                if not args.no_floor:
                    store.clear()
                    say(f"write floor{tag}: the same {evidence:,} claims' nodes and relationships by bare "
                        "CREATE statements ...")
                    floors.append(_in_child(partial(floor_load, uri, user, password, corpus, ontology)))
                store.clear()
                say(f"casegraph Store.load{tag} of {evidence:,} claims into an empty database ...")
                t0 = time.perf_counter()
                summary = store.load(corpus, progress=False)
                loads.append((time.perf_counter() - t0, summary))
            load_seconds, first = min(loads, key=lambda run: run[0])
            say("no-op reload of the same corpus ...")
            t0 = time.perf_counter()
            again = store.load(corpus, progress=False)
            reload_seconds = time.perf_counter() - t0
            out["casegraph"] = {"claims": evidence, "seconds": _round(load_seconds),
                                "claims_per_s": _rate(evidence, load_seconds), "summary": first.as_dict(),
                                "phases": {k: _round(v) for k, v in first.seconds.items()},
                                "rounds_seconds": [_round(sec) for sec, _ in loads]}
            out["noop_reload"] = {"claims": evidence, "seconds": _round(reload_seconds),
                                  "wrote_nothing": not again.changed, "summary": again.as_dict()}
            if floors:
                floor_seconds, floor_steps = min(floors, key=lambda run: run[0])
                out["floor"] = {"claims": evidence, "seconds": _round(floor_seconds),
                                "claims_per_s": _rate(evidence, floor_seconds),
                                "steps": {k: _round(v) for k, v in floor_steps.items()},
                                "rounds_seconds": [_round(sec) for sec, _ in floors]}
            out["server_peak_rss_mb"] = _server_peak_mb()
            if args.naive_claims > 0:
                store.clear()
                limit = min(args.naive_claims, evidence)
                say(f"naive per-claim loader on the first {limit:,} claims into an empty database ...")
                done, naive_seconds = naive_load(uri, user, password, corpus, limit, ontology)
                rate = done / naive_seconds if naive_seconds > 0 else None
                out["naive"] = {
                    "claims": done, "seconds": _round(naive_seconds), "claims_per_s": _round(rate),
                    "extrapolated": done < evidence,
                    "extrapolated_seconds_for_all": _round(evidence / rate) if rate else None,
                }
                store.clear()
            if not args.no_bulk and not args.use_env:
                out["bulk"] = bulk_run(store, corpus, evidence)
    finally:
        if started_here and not args.keep_server:
            say("stopping the benchmark's local Neo4j")
            stop()

    cg_rate = out["casegraph"]["claims_per_s"]
    naive_rate = out.get("naive", {}).get("claims_per_s")
    floor_rate = out.get("floor", {}).get("claims_per_s")
    bulk_rate = out.get("bulk", {}).get("claims_per_s")
    speedup = cg_rate / naive_rate if cg_rate and naive_rate else None
    of_floor = cg_rate / floor_rate if cg_rate and floor_rate else None
    bulk_ratio = bulk_rate / floor_rate if bulk_rate and floor_rate else None
    out["speedup"] = _round(speedup)
    out["casegraph_over_floor"] = _round(of_floor)
    out["bulk_over_floor"] = _round(bulk_ratio)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux
    out["targets"] = {
        "speedup_vs_naive": {"target": TARGET_SPEEDUP, "value": _round(speedup),
                             "pass": speedup is not None and speedup >= TARGET_SPEEDUP},
        "casegraph_over_floor": {"target": TARGET_FLOOR_RATIO, "value": _round(of_floor),
                                 "pass": of_floor is not None and of_floor >= TARGET_FLOOR_RATIO},
        "bulk_over_floor": {"target": TARGET_BULK_RATIO, "value": _round(bulk_ratio),
                            "pass": bulk_ratio is not None and bulk_ratio >= TARGET_BULK_RATIO},
        "python_peak_mb": {"target": TARGET_PYTHON_PEAK_MB, "value": out["peak_rss_mb"],
                           "pass": out["peak_rss_mb"] < TARGET_PYTHON_PEAK_MB},
    }
    return out


def _in_child(fn: Any) -> Any:
    """``fn()`` in a forked child process, so that the rows the write floor builds up front
    do not count in this process's peak memory (which measures casegraph's own pipeline)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(("ok", fn()))
        except BaseException as exc:  # noqa: BLE001 - reported by the parent
            send.send(("error", repr(exc)))

    proc = ctx.Process(target=child)
    proc.start()
    status, value = receive.recv()
    proc.join()
    if status != "ok":
        raise RuntimeError(f"the write floor failed: {value}")
    return value


def _server_peak_mb() -> float | None:
    """The local server's peak resident memory so far (VmHWM), in MB."""
    from graph.db.bulk import process_peak_bytes
    from graph.db.server import status

    info = status()
    peak = process_peak_bytes(info.pid) if info else None
    return round(peak / (1 << 20), 1) if peak else None


def bulk_run(store: Any, corpus: Corpus, evidence: int) -> dict[str, Any]:
    """``casegraph load --bulk`` of the corpus into the (cleared) database, then a no-op reload."""
    from graph.db.bulk import bulk_load

    store.clear()
    say(f"bulk load (Neo4j's import tool) of {evidence:,} claims into the empty database ...")
    t0 = time.perf_counter()
    summary = bulk_load(corpus)
    seconds = time.perf_counter() - t0
    say("no-op reload after the bulk load ...")
    t0 = time.perf_counter()
    again = store.load(corpus, progress=False)
    reload_seconds = time.perf_counter() - t0
    return {"claims": evidence, "seconds": _round(seconds), "claims_per_s": _rate(evidence, seconds),
            "phases": {k: _round(v) for k, v in summary.seconds.items()},
            "peak_rss_mb": {k: round(v / (1 << 20), 1) for k, v in summary.peak_bytes.items()},
            "reload_seconds": _round(reload_seconds), "reload_wrote_nothing": not again.changed}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _rate(n: int, seconds: float | None) -> float | None:
    return None if not seconds else round(n / seconds, 1)


def _num(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def report(out: dict[str, Any]) -> str:
    c = out["corpus"]
    lines = [
        f"casegraph load benchmark: {c['claims']:,} claims ({c['distinct_claims']:,} distinct), "
        f"{c['entities']:,} entities, {c['sources']:,} sources; seed {c['seed']}; server {out['server']}",
        f"corpus: {c['path']} ({c['format']}, "
        + (f"generated in {c['generated_seconds']:.1f} s" if c["generated_seconds"] is not None else "reused")
        + ")",
        "parse + validate (loaders.facts.load_corpus): "
        + (f"{out['parse_validate']['seconds']:.1f} s, {_num(out['parse_validate']['claims_per_s'])} claims/s"
           if out["parse_validate"]["seconds"] is not None else "cached, not measured"),
        f"both loaders timed into an empty database, after a warm-up of {WARMUP_CLAIMS} other claims; "
        f"casegraph and the floor alternate for {len(out['casegraph']['rounds_seconds'])} round(s), best of each shown",
        "",
        f"{'loader':<34}{'claims':>11}{'seconds':>11}{'claims/s':>11}",
    ]
    cg = out["casegraph"]
    lines.append(f"{'casegraph Store.load':<34}{cg['claims']:>11,}{_num(cg['seconds'], 2):>11}{_num(cg['claims_per_s']):>11}")
    if cg.get("phases"):
        lines.append("  (casegraph's time by phase: " + ", ".join(f"{k} {v:.1f} s" for k, v in cg["phases"].items())
                     + "; every round: " + ", ".join(f"{v:.1f} s" for v in cg["rounds_seconds"]) + ")")
    naive = out.get("naive")
    if naive:
        lines.append(
            f"{'naive MERGE per claim (baseline)':<34}{naive['claims']:>11,}{_num(naive['seconds'], 2):>11}"
            f"{_num(naive['claims_per_s']):>11}"
        )
        if naive["extrapolated"]:
            lines.append(
                f"  (naive timed on the first {naive['claims']:,} claims; its rate extrapolated to all "
                f"{c['claims']:,}: {_num(naive['extrapolated_seconds_for_all'], 1)} s)"
            )
    else:
        lines.append(f"{'naive MERGE per claim (baseline)':<34}{'skipped (--naive-claims 0)':>33}")
    floor = out.get("floor")
    if floor:
        lines.append(f"{'write floor (bare CREATEs)':<34}{floor['claims']:>11,}{_num(floor['seconds'], 2):>11}"
                     f"{_num(floor['claims_per_s']):>11}")
        lines.append("  (the same nodes and relationships by bare UNWIND ... CREATE, no diff, lock or read: "
                     "Neo4j's own write time for this graph; by step: "
                     + ", ".join(f"{k} {v:.1f} s" for k, v in floor["steps"].items())
                     + "; every round: " + ", ".join(f"{v:.1f} s" for v in floor["rounds_seconds"]) + ")")
    bulk = out.get("bulk")
    if bulk:
        lines.append(f"{'bulk load (casegraph load --bulk)':<34}{bulk['claims']:>11,}{_num(bulk['seconds'], 2):>11}"
                     f"{_num(bulk['claims_per_s']):>11}")
        lines.append("  (Neo4j's import tool, offline, server stop and start included; by phase: "
                     + ", ".join(f"{k} {v:.1f} s" for k, v in bulk["phases"].items()) + "; peak memory: "
                     + ", ".join(f"{k} {v:,.0f} MB" for k, v in bulk["peak_rss_mb"].items())
                     + f"; no-op reload after it {bulk['reload_seconds']:.1f} s, wrote nothing: "
                     + ("yes" if bulk["reload_wrote_nothing"] else "NO") + ")")
    reload = out["noop_reload"]
    lines += [
        "",
        f"casegraph / naive: {_num(out['speedup'], 1)}x; casegraph / floor: {_num(out['casegraph_over_floor'], 2)}; "
        f"bulk / floor: {_num(out['bulk_over_floor'], 2)}",
        f"no-op reload: {reload['seconds']:.2f} s (wrote nothing: {'yes' if reload['wrote_nothing'] else 'NO'})",
        f"peak memory of this Python process (ru_maxrss, parse to last load): {out['peak_rss_mb']:,.0f} MB; "
        f"of the server through the Cypher loads (VmHWM): {_num(out.get('server_peak_rss_mb'))} MB",
        "",
        "targets:",
    ]
    t = out["targets"]
    lines.append(f"  casegraph >= {TARGET_SPEEDUP:.0f}x naive        {_num(t['speedup_vs_naive']['value'], 1) + 'x':>12}  "
                 f"{'PASS' if t['speedup_vs_naive']['pass'] else 'MISS'}")
    for name, label in (("casegraph_over_floor", f"casegraph >= {TARGET_FLOOR_RATIO} x floor"),
                        ("bulk_over_floor", f"bulk >= {TARGET_BULK_RATIO:.0f}x floor"),
                        ("python_peak_mb", f"Python peak < {TARGET_PYTHON_PEAK_MB:,.0f} MB")):
        value = t[name]["value"]
        lines.append(f"  {label:<29}{_num(value, 0 if name == 'python_peak_mb' else 2):>12}  "
                     + ("-" if value is None else "PASS" if t[name]["pass"] else "MISS"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/load.py", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Example:\n  .venv/bin/python bench/load.py --claims 100000 --naive-claims 10000",
    )
    parser.add_argument("--claims", type=int, default=100_000, help="claims (evidence) in the corpus (default 100000)")
    parser.add_argument("--naive-claims", type=int, default=10_000,
                        help="claims to time the naive loader on; its rate is extrapolated (default 10000; 0 skips it)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus (default 0)")
    parser.add_argument("--format", choices=FORMATS, default="yaml",
                        help="fact file format of the corpus (default yaml; json parses faster)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of the table")
    parser.add_argument("--reuse-parsed", action="store_true",
                        help="cache the parsed corpus (pickle in bench/data/) and reuse it: skips the slow parse")
    parser.add_argument("--home", default=str(DATA / "casegraph"),
                        help="CASEGRAPH_HOME of the benchmark's own local server (default bench/data/casegraph)")
    parser.add_argument("--use-env", action="store_true",
                        help="use the Neo4j named by NEO4J_URI/NEO4J_PASSWORD instead (it will be CLEARED)")
    parser.add_argument("--no-floor", action="store_true",
                        help="skip the write floor (the same writes by bare CREATE statements)")
    parser.add_argument("--no-bulk", action="store_true",
                        help="skip the bulk load (casegraph load --bulk; never run with --use-env)")
    parser.add_argument("--keep-server", action="store_true", help="leave the benchmark's server running")
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds of (write floor, Store.load), each into an emptied database; the best of "
                             "each is compared (default 2: the first round warms the server up)")
    args = parser.parse_args(argv)
    if args.claims < 1 or args.naive_claims < 0 or args.rounds < 1:
        parser.error("--claims and --rounds must be at least 1, --naive-claims at least 0")
    out = run(args)
    print(json.dumps(out, indent=2) if args.json else report(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
