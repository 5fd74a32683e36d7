"""The docs hold: the generated reference is the code, the site builds offline with
``mkdocs build --strict``, the shell examples run, every command and saved query is
documented, and the README stays short and points into the docs."""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.ontology import default_ontology
from queries.registry import list_queries

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.glob("*.md"))  # written by hand; docs/reference/ is generated


def _generator():
    spec = importlib.util.spec_from_file_location("gen_reference", DOCS / "gen_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()


# -- the generated reference -----------------------------------------------------------------
def test_generated_reference_is_the_code() -> None:
    """docs/reference/ is what docs/gen_reference.py makes of the CLI, ontology and queries now."""
    late = GEN.stale()
    assert late == [], f"out of date: {', '.join(late)}; regenerate with: {GEN.FIX}"


def test_cli_reference_names_every_command_and_option() -> None:
    """Read back from the page: each command has its section and each of its options a line."""
    text = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## `casegraph ([^`]+)`\n(.*?)(?=^## |\Z)", text, re.S | re.M))
    assert sorted(sections) == sorted(GEN.command_paths())
    for path, section in sections.items():
        command = cli
        for word in path.split(" "):
            command = command.commands[word]
        for param in command.params:
            if getattr(param, "hidden", False) or not getattr(param, "opts", None):
                continue
            if param.param_type_name == "option":
                assert f"- `{', '.join(param.opts)}" in section, f"{path}: {param.opts} not in the reference"


def test_ontology_reference_names_every_label_and_type() -> None:
    text = (DOCS / "reference" / "ontology.md").read_text(encoding="utf-8")
    onto = default_ontology()
    headings = set(re.findall(r"^### (\w+)$", text, re.M))
    assert set(onto.labels) <= headings and set(onto.relationships) <= headings


def test_ontology_comments_are_read() -> None:
    """The YAML comments reach the page: above a key, after a value, and the file's header."""
    notes = GEN.ontology_comments("# header\nversion: 1\n\n# why short\nmax: 40\nlimits:\n  key: 200  # a key\n")
    assert notes == {(): "header", ("max",): "why short", ("limits", "key"): "a key"}


# -- the site --------------------------------------------------------------------------------
def test_mkdocs_build_strict_and_offline(tmp_path: Path) -> None:
    """The site builds with no warning, and no page loads a script, style or font from the internet."""
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    pages = list(site.rglob("*.html"))
    assert len(pages) >= len(PAGES) + 3
    remote = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//""", re.I)
    css_remote = re.compile(r"""(?:url\(\s*["']?|@import\s+["']?)(?:https?:)?//""", re.I)
    found = [f"{p.relative_to(site)}: {m.group(0)}" for p in pages for m in remote.finditer(p.read_text("utf-8"))]
    found += [f"{p.relative_to(site)}: {m.group(0)}" for p in site.rglob("*.css")
              for m in css_remote.finditer(p.read_text("utf-8", errors="replace"))]
    assert found == []


# -- the shell examples ----------------------------------------------------------------------
NEEDS = re.compile(r"--from neo4j|--open\b")
SKIP_COMMANDS = {"load", "query", "neo4j", "review"}  # a server, or a person at the terminal
PLACEHOLDER = re.compile(r"^(?:[A-Z][A-Z_]+|.*<.*>.*|/.*|\.\./.*|.*\.\.\..*)$")  # FILE, <stem>, /abs, ../, ARGS...
SHELL = {"&&", "||", "|", ";", ">", "<", "&"}
ONTOLOGY_NAMES = set(default_ontology().relationships)  # DEFENDS is a type, not a placeholder


def runnable_lines(page: Path) -> list[tuple[int, list[str]]]:
    """The ``casegraph`` lines of the page's ``sh`` blocks that the tests can run (see index.md)."""
    found = []
    fence = None
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = stripped[3:].strip() if fence is None else None
            continue
        if fence != "sh" or not stripped.startswith("casegraph "):
            continue
        words = shlex.split(stripped, comments=True)
        if (len(words) < 2 or words[1] in SKIP_COMMANDS or NEEDS.search(stripped)
                or any(w in SHELL or (PLACEHOLDER.match(w) and w not in ONTOLOGY_NAMES) for w in words[1:])):
            continue
        found.append((number, words[1:]))
    return found


def test_some_examples_are_runnable() -> None:
    """The convention keeps enough examples to matter (validate, stats, analyze, connect, view, export)."""
    commands = {words[0] for page in PAGES for _, words in runnable_lines(page)}
    assert {"validate", "stats", "analyze", "connect", "view", "export", "import-ftm"} <= commands


@pytest.mark.parametrize("page", [p for p in [ROOT / "README.md", *PAGES] if runnable_lines(p)], ids=lambda p: p.name)
def test_shell_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every runnable example of a page (and of the README) exits 0, in order, in a scratch directory."""
    for name in ("examples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    failed = []
    for number, words in runnable_lines(page):
        result = runner.invoke(cli, words, catch_exceptions=True)
        if result.exit_code != 0:
            failed.append(f"{page.name}:{number}: casegraph {shlex.join(words)} -> exit {result.exit_code}: "
                          f"{(result.output or '').strip()[-300:]} {result.exception!r}")
    assert failed == []


# -- coverage --------------------------------------------------------------------------------
def _user_docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PAGES)


def test_every_command_is_in_the_user_pages() -> None:
    """Each command is shown in use (``casegraph NAME``) in a page written for users."""
    text = _user_docs()
    def shown(path: str) -> bool:  # `casegraph neo4j start` also as `casegraph neo4j start|stop|status`
        pattern = r"[^`\n]*?\b".join(re.escape(word) for word in path.split(" "))
        return re.search(rf"casegraph {pattern}(?![\w-])", text) is not None

    missing = [c for c in GEN.command_paths() if not shown(c)]
    assert missing == []


def test_every_saved_query_is_in_the_user_pages() -> None:
    text = _user_docs()
    missing = [q.name for q in list_queries() if f"casegraph query {q.name}" not in text]
    assert missing == []


# -- the README ------------------------------------------------------------------------------
def test_readme_is_short_and_links_into_the_docs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 260
    assert "make demo" in readme and "make test" in readme
    links = re.findall(r"\]\((docs/[^)#]+)(?:#[^)]*)?\)", readme)
    assert {f"docs/{p.name}" for p in PAGES} <= set(links), "the README should link every docs page"
    assert [link for link in links if not (ROOT / link).exists()] == []
    for who in ("investigator", "analyst", "researcher"):
        assert re.search(rf"^## .*{who}", readme, re.M | re.I), f"no five-minute tour for the {who}"
