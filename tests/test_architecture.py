"""The architecture holds: imports run one way, the command table of the docs is the CLI,
the public face exports what it names, and doctests in the library run."""

from __future__ import annotations

import ast
import doctest
import importlib
import re
from pathlib import Path

import click
import networkx as nx
import pytest

import casegraph
from casegraph.cli import cli
from casegraph.cli.common import graph_input

ROOT = Path(__file__).resolve().parents[1]
# Which top-level packages each layer may import (besides itself, the standard library and PyPI).
ALLOWED = {
    "graph": set(),
    "loaders": {"graph"},
    "queries": {"graph"},
    "casegraph": {"graph", "loaders", "queries"},
}
PROJECT = set(ALLOWED)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _layer_files() -> list[tuple[str, Path]]:
    return [(layer, p) for layer in ALLOWED for p in sorted((ROOT / layer).rglob("*.py"))]


def test_imports_run_one_way() -> None:
    """graph/ imports nothing above it; loaders/ and queries/ only graph/; casegraph/ anything."""
    wrong = []
    for layer, path in _layer_files():
        for line, module in _imports(path):
            top = module.split(".", 1)[0]
            if top in PROJECT and top != layer and top not in ALLOWED[layer]:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {layer}/ imports {module}")
    assert wrong == []


def test_the_import_check_sees_a_wrong_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom casegraph.cli import cli\nfrom .x import y\n", encoding="utf-8")
    assert _imports(bad) == [(1, "os"), (2, "casegraph.cli")]


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _defined(tree: ast.AST) -> set[str]:
    """Every name a module defines itself: functions, classes, assigned names and attributes."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
    return names


def _private_uses(path: Path) -> list[str]:
    """Where a module uses another module's private (underscore) names.

    (a) ``from X import _name`` from a project module; (b) ``obj._name`` where ``obj`` is a
    name imported from a project module (``server._paths``, ``Reader._add_nodes``), or any
    other object but ``self``/``cls`` when this module defines no ``_name`` itself
    (``self.store._read``, ``store._errors()``: the attribute belongs to another module's class).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imported: set[str] = set()
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            project = node.level > 0 or (node.module or "").split(".", 1)[0] in PROJECT
            for alias in node.names:
                if project:
                    imported.add(alias.asname or alias.name)
                    if _private(alias.name):
                        found.append(f"{node.lineno}: from {'.' * node.level}{node.module or ''} import {alias.name}")
        elif isinstance(node, ast.Import):
            imported |= {(a.asname or a.name).split(".", 1)[0] for a in node.names
                         if a.name.split(".", 1)[0] in PROJECT}
    own = _defined(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _private(node.attr)):
            continue
        obj = node.value
        if isinstance(obj, ast.Name) and obj.id in ("self", "cls"):
            continue
        if (isinstance(obj, ast.Name) and obj.id in imported) or node.attr not in own:
            found.append(f"{node.lineno}: {ast.unparse(obj)}.{node.attr}")
    return found


def test_no_module_uses_another_modules_private_names() -> None:
    """A module uses what other modules make public, never their underscore names: graph/db's
    modules talk to the store through Store.session / execute_read / execute_write."""
    wrong = [f"{path.relative_to(ROOT)}:{use}" for _, path in _layer_files() for use in _private_uses(path)]
    assert wrong == [], "private names used across modules (make them public, with a docstring):\n" + "\n".join(wrong)


def test_the_private_name_check_sees_private_uses(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from graph.db import server\n"
        "from graph.db.read import Reader, _helper\n"
        "from graph.yamlio import _RAW\n"
        "import graph.db.store\n"
        "class Mine:\n"
        "    def __init__(self, store):\n"
        "        self._cache = {}\n"
        "        self.store = store\n"
        "    def go(self, other):\n"
        "        server._paths(1)\n"
        "        Reader._add_nodes(2)\n"
        "        self.store._read(3)\n"
        "        graph.db.store._first_line(4)\n"
        "        self._cache.clear()\n"
        "        other._cache.clear()\n"
        "        return self.__class__, server.__name__\n",
        encoding="utf-8")
    assert _private_uses(bad) == [
        "2: from graph.db.read import _helper", "3: from graph.yamlio import _RAW",
        "10: server._paths", "11: Reader._add_nodes", "12: self.store._read", "13: graph.db.store._first_line",
    ]


# Modules of graph/db/ are split by job and stay short.
MAX_DB_LINES = 400


def test_graph_db_modules_are_short() -> None:
    """No module of graph/db/ is over 400 lines (the server was one of 971 doing four jobs)."""
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / "graph" / "db").glob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_DB_LINES}
    assert long == {}


def test_public_face_exports_resolve() -> None:
    for name in casegraph.__all__:
        assert getattr(casegraph, name) is not None, name
    with pytest.raises(AttributeError):
        casegraph.no_such_name  # noqa: B018 - the attribute access is the test


def _commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    out: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            out.update(_commands(command, path + " "))
        else:
            out[path] = command
    return out


def _long_options(command: click.Command) -> set[str]:
    names: set[str] = set()
    for param in command.params:
        if isinstance(param, click.Option):
            names |= {o for o in [*param.opts, *param.secondary_opts] if o.startswith("--")}
    return names - {"--help"}


def _table_rows() -> list[str]:
    text = (ROOT / "docs" / "command-line.md").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("| `casegraph ")]


def _row_commands(row: str, commands: dict[str, click.Command]) -> list[str]:
    """The commands a table row documents: `casegraph NAME ...` or `casegraph GROUP a\\|b\\|c`."""
    first = re.split(r"(?<!\\)\|", row)[1]
    code = re.search(r"`casegraph ([^`]*)`", first)
    assert code, f"command table row names no command: {row}"
    words = code.group(1).split(" ")
    if words[0] in commands:
        return [words[0]]
    if len(words) > 1:
        return [f"{words[0]} {alt}" for alt in words[1].split("\\|")]
    return [words[0]]


def test_docs_command_table_is_the_cli() -> None:
    """Every command and every option is in the table of docs/command-line.md, and it names nothing else."""
    commands = _commands(cli)
    rows = _table_rows()
    assert rows, "no command table in docs/command-line.md"
    documented: dict[str, str] = {}
    problems = []
    shared = _long_options(graph_input(click.command()(lambda **kw: None)))

    def named(text: str) -> set[str]:
        found = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9\-]*)", text))
        return found | shared if "INPUT" in text else found  # the shared input, spelled out under the table

    for row in rows:
        names = _row_commands(row, commands)
        for name in names:
            assert name in commands, f"the command table names 'casegraph {name}', which does not exist"
            documented[name] = documented.get(name, "") + row
        real = set().union(*(_long_options(commands[n]) for n in names))
        problems += [f"{' / '.join(names)}: the command table names {o}, which it does not have"
                     for o in sorted(named(row) - real - (shared if "INPUT" in row else set()))]
    missing_commands = sorted(set(commands) - set(documented))
    assert missing_commands == [], f"commands missing from the command table: {missing_commands}"
    for name, text in documented.items():
        problems += [f"{name}: option {o} not in the command table" for o in sorted(_long_options(commands[name]) - named(text))]
    assert problems == []


LIBRARY = sorted(p for layer in ("graph", "loaders", "queries", "casegraph") for p in (ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(ROOT)))
def test_doctests(path: Path) -> None:
    """Docstring examples in the library run (networkx style)."""
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_missing_launcher_says_how(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed without a checkout, the launcher is not found: one line that says what to set."""
    from graph.db import server
    from graph.errors import ServerError
    from graph.settings import get_settings

    monkeypatch.setenv("CASEGRAPH_LAUNCHER_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(ServerError, match="not part of this install .* set CASEGRAPH_LAUNCHER_DIR .* NEO4J_URI"):
        server.build_launcher(get_settings())


def _unfiltered_graph() -> nx.MultiDiGraph:
    from graph.build import build_graph
    from loaders.facts import load_corpus

    return build_graph(load_corpus([ROOT / "examples" / "crimea"]))


def test_every_writer_refuses_a_graph_that_skipped_the_exit_filter(tmp_path: Path) -> None:
    """Views, every registered exporter and the analysis report write only exit-filtered graphs,
    and nothing is written when they refuse."""
    from graph.errors import CasegraphError
    from graph.exporters import EXPORTERS, write_export
    from graph.redact import exit_graph
    from graph.views.html import write_html

    raw = _unfiltered_graph()
    for fmt in EXPORTERS:
        out = tmp_path / fmt
        with pytest.raises(CasegraphError, match="exit filter"):
            write_export(raw, fmt, str(out))
        assert not out.exists()
        write_export(exit_graph(raw), fmt, str(out))  # the same graph through the filter is written
        assert out.exists()
    with pytest.raises(CasegraphError, match="exit filter"):
        write_html(raw, tmp_path / "view.html")
    assert not (tmp_path / "view.html").exists()


def test_writer_modules_use_the_exit_filter() -> None:
    """Every view and exporter module either checks the filter's mark or is only reached through
    a module that does (the registry and the view writer)."""
    checked = {"graph/exporters/__init__.py", "graph/views/html.py"}
    for rel in checked:
        assert "require_exit_graph" in (ROOT / rel).read_text(encoding="utf-8"), rel
    for folder in ("graph/exporters", "graph/views"):
        for path in (ROOT / folder).glob("*.py"):
            rel = str(path.relative_to(ROOT))
            text = path.read_text(encoding="utf-8")
            if rel in checked:
                continue
            # A format module may not open files itself: it writes to the stream the registry gives it,
            # or (a folder format, FOLDER = True) into the new folder the registry gives it.
            if re.search(r"^FOLDER = True$", text, re.M):
                assert "def write_folder(g: nx.MultiDiGraph, folder: Path" in text, rel
                continue
            assert not re.search(r"\bopen\(|write_text\(|write_bytes\(", text), f"{rel} writes files itself"
