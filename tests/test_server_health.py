"""The local server stays healthy after hostile reads, and its side doors stay shut.

Against real servers: the session's one for what does not break it (the Browser server under
a flood of half-open requests, links in the import directory), and servers of their own,
in temporary homes with a small heap, for what does (out-of-memory reads, a read that ignores
its timeout).
"""

from __future__ import annotations

import collections
import dataclasses
import os
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import neo4j
import pytest
from neo4j.exceptions import DriverError, Neo4jError

from graph.db import server
from graph.db.query import QueryError, run_query
from graph.settings import Settings
from tests.conftest import make_settings, wait_healthy

pytestmark = pytest.mark.neo4j

# Strings and lists doubled inside reduce and split: each asks for far more than a 512 MB heap.
OUT_OF_MEMORY_READS = [
    "RETURN size(reduce(s = 'a', x IN range(1, 40) | s + s)) AS n",
    "RETURN size(split(reduce(s = 'a,', x IN range(1, 30) | s + s), ',')) AS n",
    "RETURN size(reduce(s = 'ab', x IN range(1, 40) | s + s + s)) AS n",
]
BOMB = "RETURN size(reduce(s = '', x IN range(1, 30) | s + s + 'abcdefgh')) AS n"
# Neo4j looks for a termination mark only between rows: this one expression never looks.
UNINTERRUPTIBLE_READ = "RETURN size(reduce(s = '', x IN range(1, 10000000) | s + 'a')) AS n"
# Rows enough to run for many minutes, unless the transaction timeout ends it.
LONG_READ = "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n"


def _driver(info: server.ServerInfo) -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(info.bolt_uri, auth=(info.username, info.password()),
                                      max_transaction_retry_time=0)


def _browser_address(info: server.ServerInfo) -> tuple[str, int]:
    assert info.browser_url is not None
    url = urlsplit(info.browser_url)
    assert url.hostname and url.port
    return url.hostname, url.port


def _slow_client_is_cut_off(info: server.ServerInfo) -> None:
    """A request that never ends is hung up on (after 5 s), not waited for."""
    host, port = _browser_address(info)
    with socket.create_connection((host, port), timeout=60) as conn:
        conn.sendall(f"GET /browser/ HTTP/1.1\r\nHost: {host}:{port}\r\n".encode())
        try:
            assert conn.recv(1) == b""
        except ConnectionResetError:
            pass


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Settings]:
    """A server of its own with a 512 MB heap, which these tests may break."""
    settings = dataclasses.replace(make_settings(tmp_path / "home"), neo4j_heap="512m")
    server.start(settings, timeout=600, owner_pid=os.getpid())
    try:
        yield settings
    finally:
        server.stop(settings)


def test_out_of_memory_reads_leave_a_server_that_still_enforces_its_limits(own_server: Settings) -> None:
    settings = own_server
    first = wait_healthy(settings)
    pids = {first.pid}
    for query in OUT_OF_MEMORY_READS:
        info = wait_healthy(settings)
        with _driver(info) as driver, pytest.raises((Neo4jError, DriverError)) as err:
            driver.execute_query(query)
        if isinstance(err.value, Neo4jError):
            assert "Memory" in (err.value.code or "") or "memory" in str(err.value), err.value
        pids.add(wait_healthy(settings).pid)
    # What an analyst sees: one line that says the server restarts itself.
    with _driver(wait_healthy(settings)) as driver, pytest.raises(QueryError) as failed:
        run_query(driver, BOMB)
    assert str(failed.value) == (
        "the query needs more memory than the server has and was ended (narrow the query or add a LIMIT; "
        "a server casegraph runs restarts itself after this, within a minute)")
    pids.add(wait_healthy(settings).pid)
    # The JVM ran out of memory, and each time a fresh launcher took over. (Counted in the launcher's log: the driver
    # retries a read the server dropped, so one query can run the server out of memory twice, and a restart can fall
    # between two of the pids seen here; a launcher names its successor only once Neo4j has stopped.)
    deadline = time.monotonic() + 120
    while True:
        log = (settings.server_dir / "logs" / "launcher.log").read_text()
        restarts = log.count("the JVM ran out of memory")
        if log.count("the new launcher is pid") == restarts or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert restarts >= max(1, len(pids) - 1), log[-2000:]
    assert log.count("the new launcher is pid") == restarts, log[-2000:]

    info = wait_healthy(settings)
    assert server.status(settings) == info
    # Transaction timeouts are still enforced ...
    with _driver(info) as driver, driver.session() as session, pytest.raises(Neo4jError) as err:
        session.run(neo4j.Query(LONG_READ, timeout=2)).consume()
    assert "Timed" in (err.value.code or "") or "timed out" in str(err.value).lower(), err.value
    # ... the Browser server still hangs up on a slow client and answers the others ...
    _slow_client_is_cut_off(info)
    with urllib.request.urlopen(info.browser_url, timeout=60) as response:  # noqa: S310 - local
        assert response.status == 200
    # ... and the data is all there.
    with _driver(info) as driver:
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1


def test_a_read_that_ignores_its_timeout_gets_the_server_restarted(own_server: Settings) -> None:
    settings = own_server
    info = wait_healthy(settings)
    with _driver(info) as driver:
        driver.execute_query("CREATE (:Kept {id: 7})")
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            with _driver(info) as driver, driver.session() as session:
                session.run(neo4j.Query(UNINTERRUPTIBLE_READ, timeout=2)).consume()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - asserted below
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    # The launcher's watchdog sees the transaction still running long after its timeout
    # ended it, and replaces the process; the client's connection goes with it.
    deadline = time.monotonic() + 600
    while server.starting(settings) is None and (server.status(settings) or info).pid == info.pid:
        assert time.monotonic() < deadline, "the server was not restarted"
        time.sleep(1)
    thread.join(timeout=120)
    assert not thread.is_alive() and outcome and outcome[0] is not None
    again = wait_healthy(settings)
    assert again.pid != info.pid
    log = (settings.server_dir / "logs" / "launcher.log").read_text()
    assert "still runs" in log
    with _driver(again) as driver:  # committed data survived, and the server works
        assert driver.execute_query("MATCH (k:Kept) RETURN k.id AS id").records[0]["id"] == 7
        with driver.session() as session, pytest.raises(Neo4jError):
            session.run(neo4j.Query(LONG_READ, timeout=2)).consume()


# --------------------------------------------------------------------------- the session's server


def test_browser_answers_while_half_open_requests_are_reopened_without_pause(
    neo4j_server: server.ServerInfo,
) -> None:
    host, port = _browser_address(neo4j_server)
    stop = threading.Event()
    opened = [0]

    def flood() -> None:
        held: collections.deque[socket.socket] = collections.deque()
        try:
            while not stop.is_set() and opened[0] < 20000:  # bounded
                try:
                    conn = socket.create_connection((host, port), timeout=5)
                    conn.sendall(f"GET /browser/ HTTP/1.1\r\nHost: {host}:{port}\r\n".encode())  # never ended
                except OSError:
                    continue
                held.append(conn)
                opened[0] += 1
                if len(held) > 400:  # more than the server keeps open: re-opened as they close
                    held.popleft().close()
        finally:
            for conn in held:
                conn.close()

    attacker = threading.Thread(target=flood, daemon=True)
    attacker.start()
    try:
        while opened[0] < 400 and attacker.is_alive():
            time.sleep(0.05)
        answered = 0
        for _ in range(36):
            # A browser retries a connection the kernel reset: on a machine whose cores are all
            # busy, the flood can fill the accept queue for a moment (seen once in 1,457 tests,
            # 35 of 36). What must hold is that every request is answered while the flood goes on.
            for _attempt in range(2):
                try:
                    with urllib.request.urlopen(neo4j_server.browser_url, timeout=30) as response:  # noqa: S310
                        if response.status == 200 and b"Neo4j Browser" in response.read():
                            answered += 1
                            break
                except OSError:
                    pass
        during = opened[0]
    finally:
        stop.set()
        attacker.join(timeout=60)
    assert during > 400  # the flood went on all along
    assert answered == 36


def test_links_out_of_the_import_directory_are_removed(
    neo4j_server: server.ServerInfo, neo4j_settings: Settings, neo4j_driver: neo4j.Driver, tmp_path: Path,
) -> None:
    imports = neo4j_settings.server_dir / "import"
    (imports / "ok.csv").write_text("a\n1\n")
    secret = tmp_path / "secret.csv"
    secret.write_text("secret\n42\n")
    links = {
        "password.csv": neo4j_server.password_file,
        "passwd.csv": Path("/etc/passwd"),
        "etc": Path("/etc"),
        "dangling.csv": tmp_path / "gone.csv",
    }
    (imports / "sub").mkdir(exist_ok=True)
    for name, target in links.items():
        (imports / name).symlink_to(target)
    (imports / "sub" / "deep.csv").symlink_to(secret)
    os.link(secret, imports / "hard.csv")
    (imports / "inner.csv").symlink_to(imports / "ok.csv")  # stays inside: harmless
    bad = [imports / n for n in links] + [imports / "sub" / "deep.csv", imports / "hard.csv"]
    deadline = time.monotonic() + 30
    while any(os.path.lexists(p) for p in bad):
        assert time.monotonic() < deadline, [p.name for p in bad if os.path.lexists(p)]
        time.sleep(0.1)
    assert (imports / "inner.csv").is_symlink()
    assert secret.read_text() == "secret\n42\n"  # a hard link's other name keeps the data
    for url in ("file:///password.csv", "file:///passwd.csv", "file:///etc/passwd", "file:///sub/deep.csv",
                "file:///hard.csv", "file:///../password"):
        with pytest.raises(Neo4jError):
            neo4j_driver.execute_query("LOAD CSV FROM $url AS row RETURN row", url=url)
    rows = neo4j_driver.execute_query("LOAD CSV FROM 'file:///inner.csv' AS row RETURN row").records
    assert [r["row"] for r in rows] == [["a"], ["1"]]
    log = (neo4j_settings.server_dir / "logs" / "launcher.log").read_text()
    assert "removed password.csv from the import directory" in log
    (imports / "inner.csv").unlink()
    (imports / "ok.csv").unlink()
    (imports / "sub").rmdir()
