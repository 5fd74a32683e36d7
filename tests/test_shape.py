"""One shape of the graph in Neo4j, whichever way it gets there.

The example corpus goes into Neo4j three ways: ``casegraph load`` (Bolt), Neo4j's import
tool on the folder ``export --to csv`` writes (then its ``after-import.cypher``), and the
script ``export --to cypher`` writes, run statement by statement through the driver. Every
saved query then returns the same rows, and ``stats --from neo4j`` the same counts: the
three outputs come from one producer (:func:`graph.db.shape.corpus_shape`).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.build import build_graph, corpus_from_graph
from graph.db import server
from graph.db.importcsv import DATABASE, import_arguments, read_manifest
from graph.db.shape import Node, Rel, corpus_shape
from graph.db.store import Store
from graph.exporters.cypher import statements
from graph.model import Corpus
from graph.ontology import default_ontology
from graph.settings import Settings
from loaders.facts import load_corpus
from queries.registry import list_queries, run_saved
from tests.conftest import make_settings

ROOT = Path(__file__).resolve().parents[1]
CRIMEA = ROOT / "examples" / "crimea"
ARTICLES = ROOT / "examples" / "articles" / "dev-gold"

# Parameters for every saved query on the example corpus: a new saved query must be added here.
PARAMS: dict[str, dict[str, str]] = {
    "case-defendants": {"case": "case:dzhelyal-sabotage"},
    "case-network": {"case": "case:dzhelyal-sabotage"},
    "co-defendants": {"person": "person:nariman-dzhelyal"},
    "disputed-facts": {},
    "entities-by-name": {"text": "Nariman"},
    "lawyer-cases": {"lawyer": "person:nikolai-polozov"},
    "organisation-leadership": {"organisation": "org:mejlis"},
    "person-assertions": {"person": "person:refat-chubarov"},
    "person-timeline": {"person": "person:kurtumer-chalgozov"},
    "pressured-to-cooperate": {},
    "relationship-evidence": {"a": "person:kurtumer-chalgozov", "b": "event:chalgozov-forced-consent"},
    "shared-lawyers": {"min_cases": "1"},
    "shortest-connections": {"a": "person:kurtumer-chalgozov", "b": "person:nikolai-polozov"},
    "single-source-facts": {"entity": "person:nariman-dzhelyal"},
    "source-statements": {"source": "source:empr-2022-fsb-agent-network"},
    "torture-allegations": {},
}


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def answers(driver: neo4j.Driver) -> dict[str, Any]:
    """Every saved query's rows (in a fixed order) and the counts by label and type."""
    out: dict[str, Any] = {}
    for query in list_queries():
        assert query.name in PARAMS, f"add parameters for the saved query {query.name} to PARAMS"
        result = run_saved(driver, query.name, PARAMS[query.name])
        out[query.name] = sorted(repr(row) for row in result.rows)
    with driver.session() as session:
        out["labels"] = sorted((r["label"], r["n"]) for r in session.run(
            "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"))
        out["types"] = sorted((r["type"], r["n"]) for r in session.run(
            "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"))
        out["properties"] = sorted(repr(sorted(dict(r["p"]).items())) for r in session.run(
            "MATCH (n) RETURN properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p"))
    return out


def stats_from_neo4j(server_info: server.ServerInfo, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("NEO4J_URI", server_info.bolt_uri)
    monkeypatch.setenv("NEO4J_USERNAME", server_info.username)
    monkeypatch.setenv("NEO4J_PASSWORD", server_info.password())
    result = run("stats", "--from", "neo4j", "--format", "json")
    assert result.exit_code == 0, result.output
    return str(result.output)


@pytest.fixture
def second_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A fresh casegraph home for a second local server; stopped at the end."""
    settings = make_settings(tmp_path_factory.mktemp("import-home"))
    try:
        yield settings
    finally:
        server.stop(settings)


def import_folder(settings: Settings, folder: Path) -> None:
    """``neo4j-admin database import full`` of an exported folder into the (stopped) server's home."""
    files = read_manifest(folder)
    jar = server.build_launcher(settings)
    home = settings.server_dir / "home"
    (home / "conf").mkdir(parents=True, exist_ok=True)
    cmd = [server.find_java(), "-Xmx512m", "-cp", f"{jar}{os.pathsep}{jar.parent / 'lib' / '*'}",
           "org.neo4j.cli.AdminTool", "database", "import", "full", DATABASE, "--overwrite-destination=true",
           "--threads=2", *import_arguments(files, relative=True)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    done = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert files.counts["claims"] > 0


def test_the_shape_of_a_graph_is_the_shape_of_its_corpus() -> None:
    """Exports start from the (exit) graph: turned back into a corpus it gives the very rows
    a load of the files writes, digests included."""
    ontology = default_ontology()
    def rows(corpus: Corpus) -> list[str]:  # property order aside: Neo4j keeps none
        return sorted(repr((type(i).__name__, i.name, sorted((i.props or {}).items()),
                            getattr(i, "start", None), getattr(i, "end", None))) for i in corpus_shape(corpus))

    for paths in ([CRIMEA], [ARTICLES]):
        corpus = load_corpus(paths)
        assert rows(corpus) == rows(corpus_from_graph(build_graph(corpus), ontology))
    counts: dict[str, int] = {}
    items = list(corpus_shape(load_corpus([CRIMEA]), counts))
    assert counts == {"sources": 1, "entities": 24, "mentions": 24, "claims": 26, "evidence": 26}
    assert sum(isinstance(i, Node) for i in items) == 1 + 24 + 26 + 26
    assert {i.name for i in items if isinstance(i, Rel) and i.props is None} == {
        "MENTIONS", "SUPPORTS", "CITES", "ASSERTED_BY"}


@pytest.mark.neo4j
def test_load_csv_import_and_cypher_script_give_the_same_database(
        clean_db: neo4j.Driver, neo4j_server: server.ServerInfo, second_server: Settings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # 1. casegraph load
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as store:
        store.load(load_corpus([CRIMEA]))
    loaded = answers(clean_db)
    loaded_stats = stats_from_neo4j(neo4j_server, monkeypatch)
    # Not vacuous: every saved query has rows on the example corpus but two it has nothing for
    # (one source cannot contradict another; Dzhelyal's co-defendants are not in the article).
    assert [name for name in PARAMS if not loaded[name]] == ["co-defendants", "disputed-facts"]

    # 2. the Cypher script, through the driver, into the emptied database
    script = tmp_path / "crimea.cypher"
    assert run("export", str(CRIMEA), "--to", "cypher", "-o", str(script)).exit_code == 0
    with clean_db.session() as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
        for stmt in statements(script.read_text(encoding="utf-8")):
            session.run(stmt).consume()
    assert answers(clean_db) == loaded
    assert stats_from_neo4j(neo4j_server, monkeypatch) == loaded_stats

    # 3. the import tool on the CSV folder, in a second server's home, then after-import.cypher
    folder = tmp_path / "crimea-csv"
    result = run("export", str(CRIMEA), "--to", "csv", "-o", str(folder))
    assert result.exit_code == 0, result.output
    first = server.start(second_server, timeout=600, owner_pid=os.getpid(), browser=False)
    server.stop(second_server)  # the home exists; the import replaces its empty database
    import_folder(second_server, folder)
    info = server.start(second_server, timeout=600, owner_pid=os.getpid(), browser=False)
    assert info.bolt_uri != first.bolt_uri or info.pid != first.pid
    driver = neo4j.GraphDatabase.driver(info.bolt_uri, auth=(info.username, info.password()))
    try:
        with driver.session() as session:
            for stmt in statements((folder / "after-import.cypher").read_text(encoding="utf-8")):
                session.run(stmt).consume()
        assert answers(driver) == loaded
    finally:
        driver.close()
    assert stats_from_neo4j(info, monkeypatch) == loaded_stats


def test_csv_export_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run("export", str(CRIMEA), "--to", "csv", "-o", str(folder), "--force")
    assert result.exit_code == 1
    assert "holds other files" in result.output
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"
    target = tmp_path / "csv"
    assert run("export", str(CRIMEA), "--to", "csv", "-o", str(target)).exit_code == 0
    before = sorted(p.name for p in target.iterdir())
    assert "import.json" in before and "after-import.cypher" in before
    again = run("export", str(CRIMEA), "--to", "csv", "-o", str(target))
    assert again.exit_code == 1 and "not overwritten (use --force)" in again.output
    assert run("export", str(CRIMEA), "--to", "csv", "-o", str(target), "--force").exit_code == 0
    assert sorted(p.name for p in target.iterdir()) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left
