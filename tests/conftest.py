"""Shared fixtures: one real local Neo4j server for the whole test session.

The server runs in a temporary CASEGRAPH_HOME, never the user's
``.casegraph/``. Nothing is skipped: without Java or Maven the
``neo4j_server`` fixture fails with the install hint from ``graph.db.server``.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from graph.db import server
from graph.settings import Settings, get_settings

# Fixtures that need the real server: a test using any of them is marked `neo4j`, so
# `pytest -m "not neo4j"` runs everything that needs no Java.
SERVER_FIXTURES = frozenset({"neo4j_server", "neo4j_driver", "clean_db", "neo4j_env", "store"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


def make_settings(home: Path) -> Settings:
    """Settings for a casegraph home under ``home`` that ignore any NEO4J_* of the caller."""
    return dataclasses.replace(
        get_settings(),
        neo4j_uri=None,
        neo4j_username="neo4j",
        neo4j_password=None,
        neo4j_database=None,
        home=home,
    )


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose home is the session's temporary CASEGRAPH_HOME."""
    return make_settings(tmp_path_factory.mktemp("casegraph-home"))


@pytest.fixture(scope="session")
def neo4j_server(neo4j_settings: Settings) -> Iterator[server.ServerInfo]:
    """Build the launcher and start ONE real Neo4j for the session; stop it at the end."""
    server.build_launcher(neo4j_settings)
    # Generous timeout: a 2-core machine may be busy; the server dies with this pytest process.
    info = server.start(neo4j_settings, timeout=600, owner_pid=os.getpid())
    try:
        yield info
    finally:
        server.stop(neo4j_settings)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server: server.ServerInfo) -> Iterator[neo4j.Driver]:
    """A driver logged in to the session's server."""
    driver = neo4j.GraphDatabase.driver(
        neo4j_server.bolt_uri, auth=(neo4j_server.username, neo4j_server.password())
    )
    try:
        driver.verify_connectivity()
        yield driver
    finally:
        driver.close()


@pytest.fixture
def clean_db(neo4j_driver: neo4j.Driver) -> neo4j.Driver:
    """The session driver, after deleting every node and relationship."""
    with neo4j_driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    return neo4j_driver


@pytest.fixture
def neo4j_env(neo4j_server: server.ServerInfo, monkeypatch: pytest.MonkeyPatch) -> server.ServerInfo:
    """Point NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD at the session's server (for CLI tests)."""
    monkeypatch.setenv("NEO4J_URI", neo4j_server.bolt_uri)
    monkeypatch.setenv("NEO4J_USERNAME", neo4j_server.username)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password())
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return neo4j_server


def wait_healthy(settings: Settings, timeout: float = 600) -> server.ServerInfo:
    """The local server once it runs and its databases are healthy: after an out-of-memory
    error, or a read that would not stop, the launcher restarts it (the same ports)."""
    deadline = time.monotonic() + timeout
    while True:
        info = server.status(settings)
        if info is not None and not server.health(info, settings):
            return info
        assert time.monotonic() < deadline, f"the server did not come back: {server.starting(settings)}"
        time.sleep(1)
