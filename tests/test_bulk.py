"""``casegraph load --bulk``: a first load with Neo4j's import tool, against the real server.

The bulk load stops and restarts the server, so these tests run their own server in a
temporary CASEGRAPH_HOME; the Cypher loads they compare with run on the session's server.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.db import server
from graph.db.bulk import bulk_load
from graph.db.store import Store
from graph.errors import StoreError
from graph.model import Corpus
from graph.settings import Settings
from loaders.facts import load_corpus
from loaders.synth import write_corpus
from tests.conftest import make_settings
from tests.test_store import CRIMEA, assert_same_graph, dump, target, write_fact_file

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def bulk_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A CASEGRAPH_HOME of its own whose server bulk loads may stop and start."""
    settings = make_settings(tmp_path_factory.mktemp("bulk-home"))
    server.start(settings, timeout=600, browser=False)
    try:
        yield settings
    finally:
        server.stop(settings)


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The example corpus, a synthetic one (aliases in several scripts, speakers, confidence,
    claims from several sources) and a file whose quotes hold CSV's special characters."""
    folder = tmp_path_factory.mktemp("bulk-corpus")
    write_corpus(folder / "synth", 600, seed=3, fmt="json")
    tricky = write_fact_file(folder / "tricky.json", "source:tricky", [
        # An integer confidence where the synthetic corpus has floats: a column of another type.
        target("person:quote-maker", "event:csv-day", 'He said "no", then; left,\nand came back \u00e9\u0439',
               confidence=1),
        target("person:quote-maker", "event:other-day", "'Single' and \\ backslash", date="2021-03"),
    ], entities=[{"key": "person:quote-maker", "label": "Person", "name": 'Ann "Q" Maker, Jr.',
                  "aliases": ["Анна; Мейкер", "A,Q"], "sensitive": True}])
    return [CRIMEA, folder / "synth", tricky]


def test_import_files_one_group_per_label_and_type_unless_a_type_changes(tmp_path: Path) -> None:
    """Rows of one label share one header, columns grow as rows bring them (no trailing
    empty field, which the import tool misreads), and a property whose value type
    changes goes to a further group of its own."""
    from graph.db.bulk import write_import_files
    from graph.model import Claim, Entity, Evidence, Source

    corpus = Corpus(
        sources={"source:a": Source("source:a", "A"), "source:b": Source("source:b", "B")},
        entities={k: Entity(k, "Person", k.upper(), [], {}, False, False, ["source:a", "source:b"])
                  for k in ("person:x", "person:y")},
    )
    corpus.claims["claim:1"] = Claim("claim:1", "person:x", "RELATIVE_OF", "person:y", {}, [
        Evidence("source:a", "one", confidence=0.5), Evidence("source:b", "two", qualifiers={"date": "2021"})])
    corpus.claims["claim:2"] = Claim("claim:2", "person:y", "RELATIVE_OF", "person:x", {}, [
        Evidence("source:a", "three", confidence=1)])
    corpus.claims["claim:3"] = Claim("claim:3", "person:x", "WORKS_FOR", "person:y", {}, [
        Evidence("source:b", "four")])  # lacks the columns rows before it brought
    files = write_import_files(corpus, tmp_path)
    groups = dict(files.nodes)
    assert set(groups) == {"Source", "Person:Entity", "Claim", "Evidence"}
    evidence = [paths for name, paths in files.nodes if name == "Evidence"]
    assert len(evidence) == 2  # confidence 0.5 (double) and 1 (long)
    headers = sorted(paths[0].read_text() for paths in evidence)
    assert any("confidence:double" in h and "date:string" in h for h in headers)
    assert any("confidence:long" in h for h in headers)
    for paths in evidence:
        body = paths[1].read_text()
        assert body and not any(line.endswith(",") for line in body.splitlines())
    assert len([name for name, _ in files.relationships if name == "RELATIVE_OF"]) == 1
    assert sum(1 for paths in evidence for _ in paths[1].read_text().splitlines()) == 4


def _connect(settings: Settings) -> Store:
    info = server.status(settings)
    assert info is not None, "the local server is not running"
    return Store.connect(info.bolt_uri, info.username, info.password())


def _clear(settings: Settings) -> None:
    with _connect(settings) as st:
        st.clear()


def _schema(driver: neo4j.Driver) -> set[tuple[str, ...]]:
    with driver.session() as s:
        got: set[tuple[str, ...]] = {("constraint", r["name"], r["type"]) for r in s.run("SHOW CONSTRAINTS YIELD name, type")}
        got |= {("index", r["name"], str(r["state"])) for r in s.run("SHOW INDEXES YIELD name, state")}
    return got


def _edit(files: list[Path], folder: Path) -> Path:
    """The tricky file, edited: one quote changed, one claim gone, one added."""
    return write_fact_file(folder / "tricky.json", "source:tricky", [
        target("person:quote-maker", "event:csv-day", "A new quote"),
        target("person:quote-maker", "event:third-day", "Third", date="2022"),
    ], entities=[{"key": "person:quote-maker", "label": "Person", "name": 'Ann "Q" Maker, Jr.',
                  "aliases": ["Анна; Мейкер", "A,Q"], "sensitive": True}])


def test_bulk_equals_cypher_load_and_later_loads_are_incremental(
    bulk_settings: Settings, corpus_files: list[Path], clean_db: neo4j.Driver,
    neo4j_server: server.ServerInfo, tmp_path: Path,
) -> None:
    corpus = load_corpus(corpus_files)
    _clear(bulk_settings)
    summary = bulk_load(corpus, bulk_settings)
    assert summary.created["claims"] == len(corpus.claims)
    assert summary.created["evidence"] == sum(len(c.evidence) for c in corpus.claims.values())

    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as cypher:
        cypher.load(corpus)
        with _connect(bulk_settings) as bulk:
            # Property for property, every node and relationship (digests included) ...
            assert dump(bulk.driver) == dump(clean_db)
            # ... the same graph read back into NetworkX, evidence and all ...
            assert_same_graph(cypher.read_graph(), bulk.read_graph())
            # ... and the same constraints and indexes, online.
            assert _schema(bulk.driver) == _schema(clean_db)

            # A reload of the same corpus writes nothing, even checking every source.
            assert not bulk.load(load_corpus(corpus_files)).changed
            assert not bulk.load(load_corpus(corpus_files), full=True).changed

            # An edited file updates as after a Cypher load.
            edited = [*corpus_files[:2], _edit(corpus_files, tmp_path)]
            after_bulk = bulk.load(load_corpus(edited))
            after_cypher = cypher.load(load_corpus(edited))
            assert after_bulk.changed
            assert after_bulk.as_dict() == after_cypher.as_dict()
            assert dump(bulk.driver) == dump(clean_db)


def test_refused_on_a_database_that_is_not_empty(bulk_settings: Settings, tmp_path: Path) -> None:
    _clear(bulk_settings)
    small = load_corpus([write_fact_file(tmp_path / "a.json", "source:a", [target("person:a", "event:a", "q")])])
    with _connect(bulk_settings) as st:
        st.load(small)
        before = dump(st.driver)
    with pytest.raises(StoreError) as err:
        bulk_load(small, bulk_settings)
    message = str(err.value)
    assert "not empty" in message and "--bulk" in message and len(message.splitlines()) == 1
    with _connect(bulk_settings) as st:
        assert dump(st.driver) == before


def test_refused_with_a_remote_uri(bulk_settings: Settings, tmp_path: Path) -> None:
    remote = dataclasses.replace(bulk_settings, neo4j_uri="neo4j://db.example.org:7687", neo4j_password="x")
    with pytest.raises(StoreError) as err:
        bulk_load(Corpus(), remote)
    assert "NEO4J_URI" in str(err.value) and "db.example.org" in str(err.value)
    assert len(str(err.value).splitlines()) == 1
    result = CliRunner().invoke(cli, ["load", "--bulk", str(CRIMEA)], env={
        "CASEGRAPH_HOME": str(bulk_settings.home), "NEO4J_URI": "bolt://db.example.org:7687",
        "NEO4J_PASSWORD": "secret-password"})
    assert result.exit_code != 0
    assert result.output.startswith("Error: --bulk loads only into the local server")
    assert len(result.output.strip().splitlines()) == 1 and "secret-password" not in result.output


def test_refused_while_another_load_writes(bulk_settings: Settings) -> None:
    """A load in progress whose writes are not committed yet: the count sees nothing, the
    open transaction is what refuses the bulk load."""
    _clear(bulk_settings)
    with _connect(bulk_settings) as st, st.driver.session() as session:
        tx = session.begin_transaction()
        tx.run("CREATE (:Source {key: 'source:in-flight'})").consume()
        try:
            with pytest.raises(StoreError) as err:
                bulk_load(load_corpus([CRIMEA]), bulk_settings)
        finally:
            tx.rollback()
    assert "another load" in str(err.value) and len(str(err.value).splitlines()) == 1
    assert server.status(bulk_settings) is not None


def test_refused_in_one_line_while_logins_are_rate_limited(bulk_settings: Settings) -> None:
    """After failed logins Neo4j refuses even the right password for a few seconds."""
    from neo4j.exceptions import Neo4jError

    _clear(bulk_settings)
    info = server.status(bulk_settings)
    assert info is not None
    for _ in range(5):
        with neo4j.GraphDatabase.driver(info.bolt_uri, auth=("neo4j", "not-the-password")) as driver:
            with pytest.raises(Neo4jError):
                driver.verify_connectivity()
    result = CliRunner().invoke(cli, ["load", "--bulk", str(CRIMEA)], env={
        "CASEGRAPH_HOME": str(bulk_settings.home), "NEO4J_URI": "", "NEO4J_PASSWORD": ""})
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert result.output.startswith("Error: the local database is not healthy") and "AuthenticationRateLimit" in \
        result.output, result.output
    time.sleep(6)  # the lock lasts 5 s (dbms.security.auth_lock_time)
    with _connect(bulk_settings) as st:
        assert st.counts() == {}


def _run_in_thread(fn: Any) -> tuple[threading.Thread, list[BaseException | None]]:
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            fn()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - asserted by the caller
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_import_killed_leaves_an_empty_startable_database(
    bulk_settings: Settings, corpus_files: list[Path], tmp_path: Path,
) -> None:
    _clear(bulk_settings)
    big = tmp_path / "big"
    write_corpus(big, 20000, seed=5, fmt="json")
    corpus = load_corpus([big])
    pid_file = bulk_settings.server_dir / "bulk" / "import.pid"
    thread, outcome = _run_in_thread(lambda: bulk_load(corpus, bulk_settings))
    deadline = time.monotonic() + 300
    while not pid_file.exists() and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pid_file.exists(), outcome
    # A second bulk load meanwhile is refused, not queued.
    with pytest.raises(StoreError) as second:
        bulk_load(corpus, bulk_settings)
    assert "another bulk load is running" in str(second.value)
    staged = bulk_settings.server_dir / "bulk" / "home" / "data" / "databases" / "neo4j"
    while not staged.exists() and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert staged.exists(), outcome  # the import tool is writing the staged store
    os.kill(int(pid_file.read_text()), signal.SIGKILL)
    thread.join(timeout=600)
    assert not thread.is_alive()
    assert isinstance(outcome[0], StoreError), outcome
    message = str(outcome[0])
    assert "killed" in message and "left empty" in message and len(message.splitlines()) == 1

    # The server runs again, on the empty database, and takes a bulk load (here through the CLI).
    with _connect(bulk_settings) as st:
        assert st.counts() == {}
    env = {"CASEGRAPH_HOME": str(bulk_settings.home), "NEO4J_URI": "", "NEO4J_PASSWORD": ""}
    result = CliRunner().invoke(cli, ["load", "--bulk", "--format", "json", str(CRIMEA)], env=env)
    assert result.exit_code == 0, result.output
    assert '"claims": 26' in result.output
    with _connect(bulk_settings) as st:
        assert_same_graph(load_and_build(CRIMEA), st.read_graph())


def load_and_build(path: Path) -> Any:
    from graph.build import build_graph

    return build_graph(load_corpus([path]))
