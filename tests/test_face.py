"""The typed public face: `import casegraph` gives real types, a version, and one way to run
a query; the lazy imports and the names type checkers see never drift apart."""

from __future__ import annotations

import ast
import configparser
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

import casegraph
from graph.db import server
from graph.db.query import QueryError
from graph.db.store import Store

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCRIPT = ROOT / "examples" / "scripts" / "summarise.py"


def _type_checking_names() -> dict[str, str]:
    """name -> "module:attribute" as the TYPE_CHECKING block of casegraph/__init__.py imports it."""
    tree = ast.parse((ROOT / "casegraph" / "__init__.py").read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    names: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            names[alias.asname or alias.name] = f"{node.module}:{alias.name}"
    return names


def test_type_checkers_see_exactly_the_lazy_names() -> None:
    exports = casegraph._EXPORTS
    assert _type_checking_names() == exports
    assert casegraph.__all__ == sorted([*exports, "__version__"])


def test_every_public_name_resolves() -> None:
    for name in casegraph.__all__:
        assert getattr(casegraph, name) is not None, name


def test_version_is_the_installed_metadata() -> None:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    assert casegraph.__version__ == cfg["metadata"]["version"]


def test_packages_are_marked_typed() -> None:
    for package in ("casegraph", "graph", "loaders", "queries"):
        assert (ROOT / package / "py.typed").is_file(), package
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    data = cfg["options.package_data"]
    assert all("py.typed" in data.get(p, "") for p in ("casegraph", "graph", "loaders", "queries"))


def _mypy(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "mypy"), "--strict", "--follow-imports=silent", "--no-incremental", "--show-error-codes",
                           str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_a_user_script_type_checks_and_types_are_not_any(tmp_path: Path) -> None:
    assert _mypy(SCRIPT).returncode == 0, _mypy(SCRIPT).stdout
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import casegraph\n"
        "reveal_type(casegraph.load_corpus)\n"
        "reveal_type(casegraph.Store.query)\n"
        "corpus: casegraph.Corpus = casegraph.load_corpus(3)\n",  # wrong argument: must be caught
        encoding="utf-8")
    result = _mypy(probe)
    out = result.stdout
    assert result.returncode == 1
    lines = out.splitlines()
    assert 'Revealed type is "def (paths: typing.Iterable[' in lines[0] and lines[0].endswith('-> graph.model.Corpus"')
    assert lines[1].endswith('-> graph.db.query.QueryResult"'), out
    assert "probe.py:4: error:" in lines[2] and "[arg-type]" in lines[2], out


def test_the_example_script_runs(tmp_path: Path) -> None:
    out = tmp_path / "summary.graphml"
    result = subprocess.run([sys.executable, str(SCRIPT), str(ROOT / "examples" / "crimea"), str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("24 entities, 26 claims; key actors: ")
    assert "Chalgozov" not in out.read_text(encoding="utf-8")  # the export is redacted


@pytest.fixture
def store(clean_db: neo4j.Driver, neo4j_server: server.ServerInfo) -> Iterator[Store]:
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as st:
        yield st


def test_store_query_runs_read_only_cypher(store: Store) -> None:
    store.load(casegraph.load_corpus([ROOT / "examples" / "crimea"]))
    result = store.query("MATCH (p:Person) WHERE p.name = $name RETURN p.key AS key",
                         {"name": "Nikolai Polozov"})
    assert result.columns == ["key"]
    assert result.records() == [{"key": "person:nikolai-polozov"}]
    with pytest.raises(QueryError, match="read-only"):
        store.query("CREATE (:Person {key: 'person:x'})")
    assert store.query("MATCH (p:Person {key: 'person:x'}) RETURN count(p) AS n").records() == [{"n": 0}]
