"""The local Neo4j server: real launcher, real Neo4j, no mocks.

Most tests use the session's server (``neo4j_server``). The lifecycle test
and the failure tests use homes of their own; only the lifecycle test starts
a second real server (twice, one after the other), to keep the 2-core
machine from running more than two Neo4j JVMs at once.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import ipaddress
import json
import os
import shutil
import socket
import stat
import subprocess
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import AuthError

from graph.db import server
from graph.errors import ServerError
from graph.settings import Settings, get_settings
from tests.conftest import make_settings

pytestmark = pytest.mark.neo4j


# --------------------------------------------------------------------------- helpers


def _decode_address(hex_addr: str) -> str:
    """An address from /proc/net/tcp{,6}: 32-bit words in host (little-endian) order."""
    raw = bytes.fromhex(hex_addr)
    swapped = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    family = socket.AF_INET if len(raw) == 4 else socket.AF_INET6
    return socket.inet_ntop(family, swapped)


def _listening(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket that process ``pid`` is listening on."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            local, state, inode = cols[1], cols[3], cols[9]
            if state == "0A" and inode in inodes:  # 0A = LISTEN
                addr, port = local.split(":")
                found.append((_decode_address(addr), int(port, 16)))
    return found


def _is_loopback(addr: str) -> bool:
    ip = ipaddress.ip_address(addr)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _launchers_for(home: Path) -> list[int]:
    """Pids of every launcher process serving ``home``."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(a.endswith(server.JAR_NAME.encode()) for a in args) and str(home).encode() in args:
            pids.append(int(proc.name))
    return pids


def _login_ok(uri: str, password: str) -> bool:
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", password)) as driver:
        try:
            driver.verify_connectivity()
        except AuthError:
            return False
    return True


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


# --------------------------------------------------------------------------- the session's server


def test_start_gives_a_loopback_bolt_uri_and_the_password_works(neo4j_server: server.ServerInfo) -> None:
    assert neo4j_server.bolt_uri.startswith("bolt://127.0.0.1:")
    assert neo4j_server.username == "neo4j"
    assert neo4j_server.neo4j_version.startswith("5.26.")
    with neo4j.GraphDatabase.driver(
        neo4j_server.bolt_uri, auth=(neo4j_server.username, neo4j_server.password())
    ) as driver:
        records, _, _ = driver.execute_query("RETURN 1 + 1 AS two")
        assert records[0]["two"] == 2
        records, _, _ = driver.execute_query("CALL dbms.components() YIELD edition RETURN edition")
        assert records[0]["edition"] == "community"


def test_a_wrong_password_is_refused(neo4j_server: server.ServerInfo) -> None:
    assert not _login_ok(neo4j_server.bolt_uri, "not-the-password-at-all")


def test_no_password_is_refused(neo4j_server: server.ServerInfo) -> None:
    with neo4j.GraphDatabase.driver(neo4j_server.bolt_uri, auth=None) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()


def test_password_file_is_private(neo4j_server: server.ServerInfo, neo4j_settings: Settings) -> None:
    assert neo4j_server.password_file == neo4j_settings.server_dir / "password"
    assert stat.S_IMODE(neo4j_server.password_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(neo4j_settings.server_dir.stat().st_mode) == 0o700
    assert len(neo4j_server.password()) >= 32


def test_repr_does_not_show_the_password(neo4j_server: server.ServerInfo) -> None:
    assert neo4j_server.password() not in repr(neo4j_server)
    assert neo4j_server.password() not in str(neo4j_server)


def test_starting_twice_returns_the_same_server(
    neo4j_server: server.ServerInfo, neo4j_settings: Settings
) -> None:
    again = server.start(neo4j_settings)
    assert again.pid == neo4j_server.pid
    assert again.bolt_uri == neo4j_server.bolt_uri
    assert server.status(neo4j_settings) == neo4j_server
    assert _launchers_for(neo4j_settings.server_dir / "home") == [neo4j_server.pid]


def test_ready_file_describes_the_server(neo4j_server: server.ServerInfo, neo4j_settings: Settings) -> None:
    ready = json.loads((neo4j_settings.server_dir / "ready.json").read_text())
    assert ready == {
        "bolt_uri": neo4j_server.bolt_uri,
        "pid": neo4j_server.pid,
        "neo4j_version": neo4j_server.neo4j_version,
        "browser_url": neo4j_server.browser_url,
    }
    assert neo4j_server.browser_url is not None
    assert int((neo4j_settings.server_dir / "pid").read_text()) == neo4j_server.pid


def test_listens_on_loopback_only(neo4j_server: server.ServerInfo) -> None:
    port = int(neo4j_server.bolt_uri.rsplit(":", 1)[1])
    assert neo4j_server.browser_url is not None
    browser_port = int(neo4j_server.browser_url.split("/browser/", 1)[0].rsplit(":", 1)[1])
    sockets = _listening(neo4j_server.pid)
    assert port in {p for _, p in sockets}, sockets
    # Bolt and the Browser's static files only (no HTTP API, no routing connector), and
    # only on the loopback interface.
    assert {p for _, p in sockets} == {port, browser_port}, sockets
    assert all(_is_loopback(addr) for addr, _ in sockets), sockets


def test_password_is_not_in_argv_nor_in_logs(
    neo4j_server: server.ServerInfo, neo4j_settings: Settings
) -> None:
    password = neo4j_server.password()
    cmdline = Path(f"/proc/{neo4j_server.pid}/cmdline").read_bytes().decode()
    assert "--password-file" in cmdline
    assert password not in cmdline
    environ = Path(f"/proc/{neo4j_server.pid}/environ").read_bytes().decode(errors="replace")
    assert password not in environ
    log = neo4j_settings.server_dir / "logs" / "launcher.log"
    assert "ready at bolt://127.0.0.1:" in log.read_text()
    logs = [log, *(neo4j_settings.server_dir / "home" / "logs").glob("*.log")]
    for f in logs:
        assert password not in f.read_text(errors="replace"), f


def test_connection_uses_the_local_server(neo4j_server: server.ServerInfo, neo4j_settings: Settings) -> None:
    assert server.connection(neo4j_settings) == (
        neo4j_server.bolt_uri,
        "neo4j",
        neo4j_server.password(),
    )


def test_connection_prefers_the_environment(
    neo4j_env: server.ServerInfo, neo4j_settings: Settings, tmp_path: Path
) -> None:
    settings = get_settings()
    assert server.connection(settings) == (neo4j_env.bolt_uri, "neo4j", neo4j_env.password())
    other = dataclasses.replace(
        neo4j_settings, neo4j_uri="bolt://db.example:7687", neo4j_username="ana", neo4j_password="pw"
    )
    assert server.connection(other) == ("bolt://db.example:7687", "ana", "pw")
    with pytest.raises(ServerError, match="NEO4J_PASSWORD"):
        server.connection(dataclasses.replace(other, neo4j_password=None))


def test_connection_without_any_server(tmp_path: Path) -> None:
    with pytest.raises(ServerError, match=r"no Neo4j: set NEO4J_URI or run 'casegraph neo4j start'"):
        server.connection(make_settings(tmp_path))


def test_clean_db_empties_the_database(neo4j_driver: neo4j.Driver, request: pytest.FixtureRequest) -> None:
    neo4j_driver.execute_query("CREATE (:Probe)-[:R]->(:Probe)")
    driver = request.getfixturevalue("clean_db")
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0


def test_build_launcher_is_a_no_op_when_up_to_date(
    neo4j_server: server.ServerInfo, neo4j_settings: Settings
) -> None:
    jar = server.launcher_jar(neo4j_settings)
    before = jar.stat().st_mtime_ns
    assert server.build_launcher(neo4j_settings) == jar
    assert jar.stat().st_mtime_ns == before


# --------------------------------------------------------------------------- a server of its own


def test_lifecycle_stale_pid_concurrent_start_crash_restart_stop(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home")
    sdir = settings.server_dir
    sdir.mkdir(parents=True)
    home = sdir / "home"

    # A stale pid file (and ready file) from a process that is gone.
    dead = _dead_pid()
    (sdir / "pid").write_text(f"{dead}\n")
    (sdir / "ready.json").write_text(json.dumps({"bolt_uri": "bolt://127.0.0.1:1", "pid": dead}))
    assert server.status(settings) is None
    assert server.stop(settings) is False
    assert not (sdir / "pid").exists()
    (sdir / "pid").write_text(f"{dead}\n")

    # Two concurrent starts: one server.
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        first, second = pool.map(
            lambda _: server.start(settings, timeout=600, owner_pid=os.getpid()), range(2)
        )
    try:
        assert first == second
        assert first.pid != dead
        assert int((sdir / "pid").read_text()) == first.pid
        assert _launchers_for(home) == [first.pid]
        assert server.status(settings) == first
        assert stat.S_IMODE(sdir.stat().st_mode) == 0o700
        assert stat.S_IMODE((sdir / "password").stat().st_mode) == 0o600
        with neo4j.GraphDatabase.driver(first.bolt_uri, auth=("neo4j", first.password())) as driver:
            driver.execute_query("CREATE (:Probe {id: 1})")

        # A crash: no cleanup, the files stay behind, the process is gone.
        assert server.kill(settings) is True
        assert (sdir / "pid").exists()
        assert server.status(settings) is None
        assert _launchers_for(home) == []

        # The password file is the source of truth: change it, restart.
        old_password = first.password()
        (sdir / "password").write_text("a-new-password-of-our-own\n")
        # This time without Neo4j Browser (`casegraph neo4j start --no-browser`).
        again = server.start(settings, timeout=600, owner_pid=os.getpid(), browser=False)
        assert again.pid != first.pid
        assert again.bolt_uri == first.bolt_uri  # the remembered port is reused
        assert first.browser_url is not None and again.browser_url is None
        assert {p for _, p in _listening(again.pid)} == {int(again.bolt_uri.rsplit(":", 1)[1])}
        assert again.password() == "a-new-password-of-our-own"
        assert _login_ok(again.bolt_uri, "a-new-password-of-our-own")
        assert not _login_ok(again.bolt_uri, old_password)
        with neo4j.GraphDatabase.driver(again.bolt_uri, auth=("neo4j", again.password())) as driver:
            records, _, _ = driver.execute_query("MATCH (p:Probe) RETURN p.id AS id")
        assert [r["id"] for r in records] == [1]  # committed data survived the crash

        # A launcher nobody knows about (its starter killed before the pid file was written, as
        # a killed bulk load's restart can leave): it holds the store lock. `start` stops it and
        # starts afresh; `stop` finds such a launcher too.
        (sdir / "pid").unlink()
        third = server.start(settings, timeout=600, owner_pid=os.getpid(), browser=False)
        assert third.pid != again.pid
        assert _launchers_for(home) == [third.pid]
        (sdir / "pid").unlink()
    finally:
        stopped = server.stop(settings)

    assert stopped is True
    assert server.status(settings) is None
    assert not (sdir / "pid").exists()
    assert not (sdir / "ready.json").exists()
    assert _launchers_for(home) == []
    assert server.stop(settings) is False
    assert server.kill(settings) is False
    log = (sdir / "logs" / "launcher.log").read_text()
    assert "stopped" in log


def test_start_on_a_busy_port_fails_with_the_log_line(
    neo4j_server: server.ServerInfo, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path / "home")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ServerError) as excinfo:
            server.start(settings, port=port, timeout=60)
    message = str(excinfo.value)
    assert f"port {port} on 127.0.0.1 is already in use" in message
    assert str(settings.server_dir / "logs" / "launcher.log") in message
    assert server.status(settings) is None
    assert not (settings.server_dir / "pid").exists()


def test_launcher_takes_no_password_on_the_command_line(neo4j_server: server.ServerInfo) -> None:
    jar = server.launcher_jar()
    result = subprocess.run(
        ["java", "-jar", str(jar), "--password", "hunter2hunter2"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "never accepted on the command line" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout


@pytest.mark.parametrize("which", ["--port", "--browser-port"])
def test_launcher_fails_with_one_line_on_a_busy_port(
    neo4j_server: server.ServerInfo, tmp_path: Path, which: str
) -> None:
    (tmp_path / "pw").write_text("long-enough-password\n")
    with socket.socket() as busy, socket.socket() as spare:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        spare.bind(("127.0.0.1", 0))
        free = spare.getsockname()[1]
        spare.close()
        other = "--browser-port" if which == "--port" else "--port"
        ports = {which: port, other: free}
        result = subprocess.run(
            [
                "java",
                "-jar",
                str(server.launcher_jar()),
                "--home",
                str(tmp_path / "h"),
                "--port",
                str(ports["--port"]),
                "--browser-port",
                str(ports["--browser-port"]),
                "--password-file",
                str(tmp_path / "pw"),
                "--ready-file",
                str(tmp_path / "ready.json"),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert not (tmp_path / "ready.json").exists()


# --------------------------------------------------------------------------- building


def _copy_launcher(tmp_path: Path) -> Path:
    src = server.launcher_jar().parent.parent
    dst = tmp_path / "launcher"
    dst.mkdir()
    shutil.copy2(src / "pom.xml", dst / "pom.xml")
    shutil.copytree(src / "src", dst / "src")
    return dst


def test_build_needs_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = dataclasses.replace(make_settings(tmp_path), launcher_dir=_copy_launcher(tmp_path))
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(ServerError, match=r"java not found: install a Java 17 JDK \(Debian: apt-get install"):
        server.build_launcher(settings)


def test_build_needs_maven(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = dataclasses.replace(make_settings(tmp_path), launcher_dir=_copy_launcher(tmp_path))
    java = shutil.which("java")
    assert java, "java must be installed for the tests"
    only_java = tmp_path / "bin"
    only_java.mkdir()
    (only_java / "java").symlink_to(java)
    monkeypatch.setenv("PATH", str(only_java))
    with pytest.raises(ServerError, match=r"mvn not found: install Maven \(Debian: apt-get install maven\)"):
        server.build_launcher(settings)


def test_a_maven_failure_names_the_problem(neo4j_server: server.ServerInfo, tmp_path: Path) -> None:
    launcher = _copy_launcher(tmp_path)
    main = launcher / "src/main/java/casegraph/launcher/Main.java"
    main.write_text(main.read_text().replace("private Main() {}", "private Main() { undefinedCall(); }"))
    settings = dataclasses.replace(make_settings(tmp_path), launcher_dir=launcher)
    with pytest.raises(ServerError) as excinfo:
        server.build_launcher(settings)
    message = str(excinfo.value)
    assert message.startswith("building the Neo4j launcher failed")
    assert "Main.java" in message and "cannot find symbol" in message


# --------------------------------------------------------------------------- the CLI


def _cli_env(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGRAPH_HOME", str(home))
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)


def test_cli_status_names_bolt_and_browser(
    neo4j_server: server.ServerInfo, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from casegraph.cli import cli

    _cli_env(neo4j_settings.home, monkeypatch)
    text = CliRunner().invoke(cli, ["neo4j", "status"])
    assert text.exit_code == 0, text.output
    assert text.output.splitlines() == [
        f"running: {neo4j_server.bolt_uri} (Neo4j {neo4j_server.neo4j_version}, pid {neo4j_server.pid})",
        f"user: neo4j; password in {neo4j_server.password_file}",
        f"Neo4j Browser: {neo4j_server.browser_url}",
    ]
    assert neo4j_server.password() not in text.output
    data = json.loads(CliRunner().invoke(cli, ["neo4j", "status", "--format", "json"]).output)
    assert data["bolt_uri"] == neo4j_server.bolt_uri and data["browser_url"] == neo4j_server.browser_url


def test_cli_status_and_stop_without_a_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from casegraph.cli import cli

    _cli_env(tmp_path / "home", monkeypatch)
    result = CliRunner().invoke(cli, ["neo4j", "status"])
    assert (result.exit_code, result.output) == (1, "not running\n")
    result = CliRunner().invoke(cli, ["neo4j", "stop"])
    assert (result.exit_code, result.output) == (0, "not running\n")


@pytest.mark.parametrize(("args", "message"), [
    (["--no-browser", "--browser-port", "9000"], "Error: --browser-port makes no sense with --no-browser"),
    (["--port", "29001", "--browser-port", "29001"], "Error: the Browser port must differ from the Bolt port 29001"),
    (["--browser-port", "0"], "Error: Invalid value for '--browser-port'"),
])
def test_cli_start_refuses_bad_ports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    from click.testing import CliRunner

    from casegraph.cli import cli

    _cli_env(tmp_path / "home", monkeypatch)
    result = CliRunner().invoke(cli, ["neo4j", "start", *args])
    assert result.exit_code in (1, 2)
    assert message in result.output
    assert server.status(make_settings(tmp_path / "home")) is None


def test_a_launcher_started_under_nohup_can_still_take_its_restart_signal() -> None:
    # Under nohup (or in a background job) SIGHUP is ignored and a program inherits that: the
    # JVM's out-of-memory restart (kill -HUP) would then do nothing. A child started inside
    # hangup_reaches_child gets SIGHUP's default, and this process ignores it again afterwards.
    import signal
    import sys

    from graph.db.process import hangup_reaches_child

    show = [sys.executable, "-c", "import signal; print(int(signal.getsignal(signal.SIGHUP)))"]
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        ignored = subprocess.run(show, capture_output=True, text=True, check=True).stdout.strip()
        with hangup_reaches_child():
            started = subprocess.run(show, capture_output=True, text=True, check=True).stdout.strip()
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, before)
    assert ignored == str(int(signal.SIG_IGN))  # what the launcher got before
    assert started == str(int(signal.SIG_DFL))
