"""A full disk is a clean, recoverable failure: a real server on a small filesystem.

The store lives on a 300 MB tmpfs (this test mounts it: the tests run as root here). The page
cache is kept small, as on a machine whose store is much bigger than its memory, so Neo4j
writes store pages to disk while the load runs; the test fills the disk meanwhile. Then:
the load fails with one line that says the disk is full, ``neo4j status`` says the database is
critical (exit 2), ``load --bulk`` refuses in one line, and once space is freed a restart
recovers the store and a rerun of the load ends equal to a clean load.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
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


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300m,mode=0700", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        settings = make_settings(mount / "home")
        server.stop(settings)
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(CASEGRAPH_HOME=str(settings.home), CASEGRAPH_NEO4J_PAGECACHE="16m")
    return env


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], env=_env(settings), capture_output=True, text=True, timeout=1800)


@pytest.mark.timeout(3600)  # two loads, a recovery and three server starts
def test_a_full_disk_fails_the_load_in_one_line_and_a_restart_recovers(
    small_disk: Path, tmp_path: Path, clean_db: neo4j.Driver, neo4j_server: server.ServerInfo,
) -> None:
    settings = dataclasses.replace(make_settings(small_disk / "home"), neo4j_pagecache="16m")
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 20000, seed=11, fmt="json")
    info = server.start(settings, timeout=900, browser=False, owner_pid=os.getpid())
    filler = small_disk / "filler"

    load = subprocess.Popen([*CLI, "load", str(corpus)], env=_env(settings), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    with neo4j.GraphDatabase.driver(info.bolt_uri, auth=(info.username, info.password())) as driver:
        deadline = time.monotonic() + 900
        while driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] < 3000:
            assert load.poll() is None and time.monotonic() < deadline, load.communicate()
            time.sleep(0.5)
    # The disk fills while the load runs.
    subprocess.run(["fallocate", "-l", str(shutil.disk_usage(small_disk).free - 16384), str(filler)], check=True)
    out, err = load.communicate(timeout=1800)
    assert load.returncode == 1, (out, err)
    assert len(err.splitlines()) == 1 and err.startswith("Error: the disk holding the Neo4j store"), err
    assert "is full" in err and "restart the server" in err

    # The server says the database is critical, and a bulk load refuses in one line.
    status = _cli(settings, "neo4j", "status")
    assert status.returncode == 2, status
    assert status.stdout.startswith("critical: ") and "problem: " in status.stdout and "is full" in status.stdout
    bulk = _cli(settings, "load", "--bulk", str(corpus))
    assert bulk.returncode == 1 and len(bulk.stderr.splitlines()) == 1, bulk
    assert bulk.stderr.startswith("Error: the local database is not healthy"), bulk.stderr

    # Space freed: a restart recovers the store, and a rerun ends equal to a clean load.
    filler.unlink()
    assert _cli(settings, "neo4j", "stop").returncode == 0
    started = _cli(settings, "neo4j", "start", "--no-browser", "--timeout", "900")
    assert started.returncode == 0, started
    status = _cli(settings, "neo4j", "status")
    assert status.returncode == 0 and status.stdout.startswith("running: "), status
    rerun = _cli(settings, "load", str(corpus))
    assert rerun.returncode == 0, rerun
    after = server.status(settings)
    assert after is not None
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as clean:
        clean.load(load_corpus([corpus]))
    with neo4j.GraphDatabase.driver(after.bolt_uri, auth=(after.username, after.password())) as driver:
        assert dump(driver) == dump(clean_db)


def test_start_on_a_full_disk_is_one_line(small_disk: Path) -> None:
    settings = make_settings(small_disk / "home")
    settings.server_dir.mkdir(parents=True)
    (settings.server_dir / "password").write_text("a-password-of-our-own\n")
    filler = small_disk / "filler"
    subprocess.run(["fallocate", "-l", str(shutil.disk_usage(small_disk).free), str(filler)], check=True)
    result = _cli(settings, "neo4j", "start", "--no-browser")
    assert result.returncode == 1, result
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: cannot "), result.stderr
    assert "is full" in result.stderr, result.stderr
    assert server.status(settings) is None and server.starting(settings) is None
