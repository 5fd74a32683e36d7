"""``casegraph load --bulk`` killed at any moment is all or nothing, against the real server.

The bulk load runs as the real CLI in a child process, killed with SIGKILL at four moments:
while the CSV files are written, while the import tool runs, after the import tool has
finished (the imported database swapped in, the server not started yet), and during the
schema step. Each time the next command (``neo4j status``, ``neo4j start`` or a plain
``load``) ends in a state equal to a clean empty database or a clean load, and no import
tool is left running.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import neo4j
import pytest

from graph.db import server
from graph.db.store import Store
from graph.settings import Settings
from loaders.facts import load_corpus
from loaders.synth import write_corpus
from tests.conftest import make_settings
from tests.test_store import dump

pytestmark = pytest.mark.neo4j

CLI = [sys.executable, "-c", "from casegraph.cli import main; main()"]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A CASEGRAPH_HOME of its own, whose server the bulk loads stop and start."""
    settings = make_settings(tmp_path_factory.mktemp("bulk-kill-home"))
    server.start(settings, timeout=600, browser=False)
    try:
        yield settings
    finally:
        server.stop(settings)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Big enough that the import tool and the schema step take a moment to catch."""
    folder = tmp_path_factory.mktemp("bulk-kill-corpus")
    write_corpus(folder, 20000, seed=7, fmt="json")
    return folder


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["CASEGRAPH_HOME"] = str(settings.home)
    return env


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], env=_env(settings), capture_output=True, text=True, timeout=1200)


def _kill_bulk_when(settings: Settings, corpus: Path, moment: Callable[[], bool], log: Path) -> None:
    """Start ``load --bulk`` and SIGKILL it (it alone, not its children) once ``moment()``."""
    with log.open("w") as out:
        proc = subprocess.Popen([*CLI, "load", "--bulk", str(corpus)], env=_env(settings), stdout=out,
                                stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 900
    try:
        while not moment():
            assert proc.poll() is None, f"the bulk load ended first: {log.read_text()[-2000:]}"
            assert time.monotonic() < deadline, "the moment never came"
            time.sleep(0.01)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()


def _gone(pid: int, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.1)
    return False


def _assert_clean_empty(settings: Settings) -> None:
    """The server starts on an empty database, and nothing of the bulk load is half there."""
    info = server.start(settings, timeout=600, browser=False)
    with Store.connect(info.bolt_uri, info.username, info.password()) as store:
        assert store.counts() == {}
    assert not (settings.server_dir / "bulk" / "incomplete").exists()


@pytest.mark.timeout(3600)  # four bulk loads and as many server starts
def test_a_bulk_load_killed_at_any_moment_is_all_or_nothing(
    home: Settings, corpus_dir: Path, tmp_path: Path, clean_db: neo4j.Driver, neo4j_server: server.ServerInfo,
) -> None:
    work = home.server_dir / "bulk"
    ready = home.server_dir / "ready.json"
    _assert_clean_empty(home)

    # 1. While the CSV files are written (the server stopping): the next `neo4j status` says
    #    not running, and a start finds the empty database.
    _kill_bulk_when(home, corpus_dir, lambda: (work / "csv").is_dir() and not ready.exists(), tmp_path / "1.log")
    result = _cli(home, "neo4j", "status")
    assert result.returncode == 1 and result.stdout.startswith(("not running", "not ready")), result
    _assert_clean_empty(home)

    # 2. While the import tool runs: it dies with the load, and `neo4j start` finds the empty database.
    pid_file = work / "import.pid"
    staged = work / "home" / "data" / "databases" / "neo4j"
    _kill_bulk_when(home, corpus_dir, lambda: pid_file.exists() and staged.exists(), tmp_path / "2.log")
    import_pid = int(pid_file.read_text())
    assert _gone(import_pid), "the import tool outlived the bulk load"
    result = _cli(home, "neo4j", "start", "--no-browser")
    assert result.returncode == 0, result
    _assert_clean_empty(home)

    # 3. Just after the import tool finished: the imported database is in place, the server
    #    not started, the schema not made. `neo4j status` puts the empty database back.
    _kill_bulk_when(home, corpus_dir, lambda: (work / "incomplete").exists() and not ready.exists(),
                    tmp_path / "3.log")
    result = _cli(home, "neo4j", "status")
    # The kill may land while the load's own restart is under way: status then finds a server
    # starting and restarts it on the empty database; either way the mark is gone and nothing
    # of the import is left (checked below).
    assert result.returncode in (0, 1), result
    assert not (work / "incomplete").exists()
    _assert_clean_empty(home)

    # 4. During the schema step, the server running on the imported database: a plain `load`
    #    puts the empty database back first, then loads everything, as a clean load does.
    _kill_bulk_when(home, corpus_dir, lambda: (work / "incomplete").exists() and ready.exists(), tmp_path / "4.log")
    result = _cli(home, "load", "--format", "json", str(corpus_dir))
    assert result.returncode == 0, result
    summary = json.loads(result.stdout)
    assert summary["unchanged"]["sources"] == 0 and summary["created"]["claims"] > 0, summary
    assert not (work / "incomplete").exists()
    info = server.status(home)
    assert info is not None
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as clean:
        clean.load(load_corpus([corpus_dir]))
    with neo4j.GraphDatabase.driver(info.bolt_uri, auth=(info.username, info.password())) as driver:
        assert dump(driver) == dump(clean_db)
        with driver.session() as s:
            constraints = {r["name"] for r in s.run("SHOW CONSTRAINTS YIELD name")}
        with clean_db.session() as s:
            assert constraints == {r["name"] for r in s.run("SHOW CONSTRAINTS YIELD name")}
    # No import tool of any of the four is still running.
    assert not [p for p in Path("/proc").iterdir() if p.name.isdigit() and _is_import_tool(p, work)]


def _is_import_tool(proc: Path, work: Path) -> bool:
    try:
        args = (proc / "cmdline").read_bytes()
    except OSError:
        return False
    return b"org.neo4j.cli.AdminTool" in args and str(work / "import.report").encode() in args
