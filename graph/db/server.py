"""The local Neo4j server that casegraph manages.

A real Neo4j 5.26 community DBMS runs embedded in a small Java launcher
(``launcher/``, built with Maven). It listens for Bolt on 127.0.0.1 only,
has Neo4j's HTTP API switched off and authentication on. Unless told not to,
the launcher also serves Neo4j Browser (static files that speak Bolt) on a
second 127.0.0.1 port. Everything it needs lives in
``settings.server_dir`` (``.casegraph/neo4j/`` by default, mode 0700)::

    password          the neo4j user's password (mode 0600; made once, then reused)
    pid               the launcher's process id
    ready.json        written by the launcher once Bolt accepts connections
    state.json        the ports last used, so a restart keeps its addresses
    lock              held (flock) while starting or stopping
    home/             Neo4j's data and its own logs (home/logs/debug.log)
    import/           the only directory LOAD CSV may read file: URLs from
    logs/launcher.log the launcher's stdout and stderr

The password is never put on a command line or in a log: the launcher reads
it from the password file and sets it on every start, so the file is the
source of truth.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import ServerError
from graph.settings import Settings, get_settings

__all__ = [
    "ServerInfo",
    "build_launcher",
    "start",
    "stop",
    "status",
    "kill",
    "connection",
    "health",
    "starting",
    "disk_full_message",
    "JAR_NAME",
    "launcher_jar",
    "memory_plan",
]

JAR_NAME = "casegraph-neo4j-launcher.jar"
USERNAME = "neo4j"
HOST = "127.0.0.1"
_MB = 1 << 20

_JAVA_MISSING = "java not found: install a Java 17 JDK (Debian: apt-get install openjdk-17-jdk-headless)"
_MVN_MISSING = "mvn not found: install Maven (Debian: apt-get install maven)"
_NO_SERVER = "no Neo4j: set NEO4J_URI or run 'casegraph neo4j start'"

# Launchers started by this process, so that they are reaped (never left as zombies).
_CHILDREN: dict[int, subprocess.Popen] = {}


@dataclass(frozen=True)
class ServerInfo:
    """Where a running local server is and how to log in to it.

    The password itself is not stored here (so it never shows in a repr or a
    traceback); :meth:`password` reads it from ``password_file``.
    """

    bolt_uri: str
    pid: int
    username: str
    password_file: Path
    neo4j_version: str
    log_file: Path | None = field(default=None, compare=False)
    browser_url: str | None = None

    def password(self) -> str:
        """Read the password from the password file."""
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except OSError as e:
            raise ServerError(
                f"cannot read the Neo4j password file {self.password_file}: {e.strerror}"
            ) from e


# --------------------------------------------------------------------------- paths


@dataclass(frozen=True)
class _Paths:
    root: Path

    @property
    def password(self) -> Path:
        return self.root / "password"

    @property
    def pid(self) -> Path:
        return self.root / "pid"

    @property
    def ready(self) -> Path:
        return self.root / "ready.json"

    @property
    def state(self) -> Path:
        return self.root / "state.json"

    @property
    def lock(self) -> Path:
        return self.root / "lock"

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def imports(self) -> Path:
        return self.root / "import"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log(self) -> Path:
        return self.logs / "launcher.log"


def _size(text: str, name: str) -> int:
    """Bytes in a size such as ``512m``, ``2g`` or ``1048576``; ServerError naming ``name`` otherwise."""
    units = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    t = text.strip().lower()
    unit = t[-1:] if t[-1:] in "kmg" else ""
    digits = t[:-1] if unit else t
    if not digits.isascii() or not digits.isdigit() or int(digits) == 0:
        raise ServerError(f"{name} must be a size such as 512m or 2g, not '{text[:40]}'")
    return int(digits) * units[unit]


def memory_plan(settings: Settings | None = None) -> dict[str, int]:
    """Heap, page cache and transaction memory limits of the local server, in bytes.

    Sized from the machine's memory (heap 1/16 of it, between 512 MB and 2 GB; page
    cache 1/32, between 128 MB and 1 GB), unless ``CASEGRAPH_NEO4J_HEAP``,
    ``CASEGRAPH_NEO4J_PAGECACHE`` or ``CASEGRAPH_NEO4J_TX_MEMORY`` say otherwise. All
    transactions together may use half the heap, one transaction a quarter (or the
    override), so a runaway query fails with a clear error instead of killing the server.
    """
    settings = settings or get_settings()
    try:
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        ram = 8 << 30
    heap = (_size(settings.neo4j_heap, "CASEGRAPH_NEO4J_HEAP") if settings.neo4j_heap
            else min(max(ram // 16, 512 * _MB), 2048 * _MB))
    pagecache = (_size(settings.neo4j_pagecache, "CASEGRAPH_NEO4J_PAGECACHE") if settings.neo4j_pagecache
                 else min(max(ram // 32, 128 * _MB), 1024 * _MB))
    total = heap // 2
    tx = _size(settings.neo4j_tx_memory, "CASEGRAPH_NEO4J_TX_MEMORY") if settings.neo4j_tx_memory else heap // 4
    if tx > total:
        raise ServerError(f"CASEGRAPH_NEO4J_TX_MEMORY must be at most half the heap ({total // _MB}m)")
    # Whole megabytes: the JVM and Neo4j both read '<n>m'.
    return {k: max(v // _MB, 1) * _MB for k, v in
            {"heap": heap, "pagecache": pagecache, "tx_memory": tx, "tx_memory_total": total}.items()}


def _paths(settings: Settings) -> _Paths:
    return _Paths(Path(settings.server_dir))


def _ensure_server_dir(paths: _Paths) -> None:
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        os.chmod(paths.root, 0o700)
        paths.logs.mkdir(mode=0o700, exist_ok=True)
    except OSError as e:
        raise ServerError(os_error_line(f"cannot create the Neo4j state directory {paths.root}", e)) from None


@contextlib.contextmanager
def _locked(paths: _Paths) -> Iterator[None]:
    """Hold an exclusive flock on the server directory (across processes and threads)."""
    fd = os.open(paths.lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def launcher_jar(settings: Settings | None = None) -> Path:
    """Where the built launcher jar is (or will be)."""
    settings = settings or get_settings()
    return Path(settings.launcher_dir) / "target" / JAR_NAME


# --------------------------------------------------------------------------- build


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("java")
    if not found:
        raise ServerError(_JAVA_MISSING)
    return found


def _mvn() -> str:
    found = shutil.which("mvn")
    if not found:
        raise ServerError(_MVN_MISSING)
    return found


def _sources(launcher_dir: Path) -> list[Path]:
    files = [launcher_dir / "pom.xml"]
    src = launcher_dir / "src"
    if src.is_dir():
        files.extend(p for p in src.rglob("*") if p.is_file())
    return files


def _jar_is_current(launcher_dir: Path, jar: Path) -> bool:
    if not jar.is_file() or not (jar.parent / "lib").is_dir():
        return False
    built = jar.stat().st_mtime
    return all(p.stat().st_mtime <= built for p in _sources(launcher_dir) if p.exists())


_MAVEN_NOISE = (
    "-> [Help 1]",
    "To see the full stack trace",
    "Re-run Maven using",
    "For more information about the errors",
    "[Help 1] http",
    "After correcting the problems",
    "mvn <args> -rf",
)


def _maven_error_line(output: str) -> str:
    """Pick the line of Maven's output that says what went wrong."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = []
    for line in lines:
        if line.startswith("[ERROR]"):
            text = line[len("[ERROR]") :].strip()
            if text and not any(noise in text for noise in _MAVEN_NOISE):
                errors.append(text)
    for text in errors:  # a compiler error names the file and line
        if ".java:[" in text:
            return text
    for text in errors:
        if text.startswith(
            ("Failed to execute goal", "Could not resolve", "Non-resolvable", "Some problems")
        ):
            return text
    if errors:
        return errors[-1]
    useful = [line for line in lines if not any(noise in line for noise in _MAVEN_NOISE)]
    return useful[-1] if useful else "no output"


def build_launcher(settings: Settings | None = None, quiet: bool = True) -> Path:
    """Build the Neo4j launcher jar with Maven unless it is up to date; return its path.

    The jar counts as up to date when it and its ``lib/`` exist and it is newer
    than ``pom.xml`` and every file under ``src/``. A cold build downloads
    Neo4j's jars (about 190 MB) into ``~/.m2``. With ``quiet=False`` Maven's
    output is shown as it runs.

    Raises :class:`ServerError` if java or mvn is missing or Maven fails.
    """
    settings = settings or get_settings()
    launcher_dir = Path(settings.launcher_dir)
    jar = launcher_jar(settings)
    pom = launcher_dir / "pom.xml"
    if not pom.is_file():
        raise ServerError(
            f"the Neo4j launcher is not part of this install (no {pom}): set CASEGRAPH_LAUNCHER_DIR to the "
            "launcher/ folder of a casegraph checkout, or set NEO4J_URI to use your own Neo4j")
    if _jar_is_current(launcher_dir, jar):
        return jar
    _java()
    mvn = _mvn()
    target = launcher_dir / "target"
    try:
        target.mkdir(exist_ok=True)
    except OSError as e:
        raise ServerError(f"cannot create {target}: {e.strerror}") from e
    # Two builds in the same directory at once would trample each other.
    lock_fd = os.open(target / ".casegraph-build.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX)
        if _jar_is_current(launcher_dir, jar):
            return jar
        cmd = [mvn, "-B", "-Dstyle.color=never", "-f", str(pom), "package", "-DskipTests"]
        if quiet:
            cmd.insert(1, "-q")
        output: list[str] = []
        try:
            proc = subprocess.Popen(
                cmd,
                cwd=launcher_dir,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                errors="replace",
            )
        except OSError as e:
            raise ServerError(f"cannot run Maven ({mvn}): {e.strerror}") from e
        assert proc.stdout is not None
        with proc.stdout:
            for line in proc.stdout:
                output.append(line)
                if not quiet:
                    sys.stdout.write(line)
                    sys.stdout.flush()
        status_code = proc.wait()
        text = "".join(output)
        if status_code != 0:
            raise ServerError(
                f"building the Neo4j launcher failed (mvn exit {status_code}): {_maven_error_line(text)}"
            )
        if not jar.is_file():
            raise ServerError(f"Maven finished but did not produce {jar}")
        jar.touch()  # newer than every source, even one edited during the build's start
        return jar
    finally:
        os.close(lock_fd)


# --------------------------------------------------------------------------- processes


def _forget(pid: int) -> None:
    """Drop a launcher this process started, reaping it if it has exited."""
    proc = _CHILDREN.pop(pid, None)
    if proc is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5.0)


def _pid_alive(pid: int) -> bool:
    """True while any thread of process ``pid`` is still running.

    A killed JVM's main thread turns zombie before its hundreds of other threads
    are gone (and its sockets and file locks with them), so a zombie leader only
    counts as dead once it is the last thread left.
    """
    if pid <= 0:
        return False
    proc = _CHILDREN.get(pid)
    if proc is not None:
        # waitpid reports a child only when its whole thread group has exited.
        return proc.poll() is None
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        fields = dict(
            line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
        )
    except OSError:
        return True
    state = fields.get("State", "").strip()[:1]
    threads = int(fields.get("Threads", "1").strip() or 1)
    return not (state in ("Z", "X") and threads <= 1)


def _is_our_launcher(pid: int, paths: _Paths) -> bool:
    """True if ``pid`` is alive and is the launcher serving this server directory."""
    if not _pid_alive(pid):
        return False
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell (no /proc access): trust the pid file
    args = [a.decode("utf-8", "replace") for a in argv]
    home = os.path.realpath(paths.home)
    return any(a.endswith(JAR_NAME) for a in args) and any(os.path.realpath(a) == home for a in args if a)


def _read_pid(paths: _Paths) -> int | None:
    try:
        return int(paths.pid.read_text().strip())
    except (OSError, ValueError):
        return None


def _read_ready(paths: _Paths) -> dict | None:
    try:
        data = json.loads(paths.ready.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or "bolt_uri" not in data or "pid" not in data:
        return None
    return data


def _info(paths: _Paths, ready: dict) -> ServerInfo:
    return ServerInfo(
        bolt_uri=str(ready["bolt_uri"]),
        pid=int(ready["pid"]),
        username=USERNAME,
        password_file=paths.password,
        neo4j_version=str(ready.get("neo4j_version", "unknown")),
        log_file=paths.log,
        browser_url=str(ready["browser_url"]) if ready.get("browser_url") else None,
    )


def _running(paths: _Paths) -> ServerInfo | None:
    pid = _read_pid(paths)
    if pid is None or not _is_our_launcher(pid, paths):
        return None
    ready = _read_ready(paths)
    if ready is None or int(ready.get("pid", -1)) != pid:
        return None
    return _info(paths, ready)


def _remove(*files: Path) -> None:
    for f in files:
        with contextlib.suppress(FileNotFoundError):
            f.unlink()


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while _pid_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def _terminate(pid: int, timeout: float) -> None:
    """SIGTERM, wait up to ``timeout`` seconds, then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if _wait_gone(pid, timeout):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_gone(pid, 10.0)


# --------------------------------------------------------------------------- password, port


def _ensure_password(paths: _Paths) -> Path:
    """Make the password file once (mode 0600); reuse it afterwards."""
    f = paths.password
    try:
        if f.is_file() and f.read_text(encoding="utf-8").strip():
            if stat.S_IMODE(f.stat().st_mode) != 0o600:
                os.chmod(f, 0o600)
            return f
        tmp = f.with_name(f".password.{os.getpid()}.tmp")
        _remove(tmp)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secrets.token_urlsafe(32) + "\n")
        os.replace(tmp, f)
    except OSError as e:
        raise ServerError(f"cannot write the Neo4j password file {f}: {e.strerror}") from e
    return f


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    """A free port on 127.0.0.1, below the ephemeral range when possible.

    Ports from the ephemeral range are handed to outgoing connections too, so
    a remembered one would often be taken by the time of the next start.
    """
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    if low > 11024:
        rng = secrets.SystemRandom()
        for _ in range(200):
            candidate = rng.randrange(max(1024, low - 10000), low)
            if _port_free(candidate):
                return candidate
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _read_state(paths: _Paths) -> dict:
    try:
        data = json.loads(paths.state.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_pid(paths: _Paths, pid: int) -> None:
    tmp = paths.pid.with_name(f".pid.{os.getpid()}.tmp")
    tmp.write_text(f"{pid}\n")
    os.replace(tmp, paths.pid)


def _write_state(paths: _Paths, state: dict) -> None:
    tmp = paths.state.with_name(f".state.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state) + "\n", encoding="utf-8")
    os.replace(tmp, paths.state)


def _choose_port(paths: _Paths, port: int | None, name: str = "port", avoid: int | None = None) -> int:
    if port is not None:
        return port
    remembered = _read_state(paths).get(name)
    if (isinstance(remembered, int) and 0 < remembered < 65536 and remembered != avoid
            and _port_free(remembered)):
        return remembered
    while True:
        chosen = _free_port()
        if chosen != avoid:
            return chosen


# --------------------------------------------------------------------------- start / stop


def _last_line(log: Path, offset: int) -> str:
    try:
        with log.open("rb") as f:
            f.seek(offset)
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return "no output"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def _bolt_ok(uri: str, password: str) -> tuple[bool, str]:
    """Try one Bolt login. Returns (ok, why-not)."""
    import neo4j
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

    try:
        with neo4j.GraphDatabase.driver(uri, auth=(USERNAME, password), connection_timeout=5.0) as driver:
            driver.verify_connectivity()
        return True, ""
    except AuthError as e:
        raise ServerError(
            f"the local Neo4j at {uri} refused the password in its password file: {e.message}"
        ) from e
    except (ServiceUnavailable, Neo4jError, OSError) as e:
        return False, str(e) or type(e).__name__


def start(
    settings: Settings | None = None,
    port: int | None = None,
    timeout: float = 120.0,
    *,
    owner_pid: int | None = None,
    browser: bool = True,
    browser_port: int | None = None,
) -> ServerInfo:
    """Start the local Neo4j server (or return the one already running).

    Builds the launcher if needed, makes the password file once, picks a free
    port on 127.0.0.1 (the last one used if it is still free, or ``port``),
    spawns the launcher fully detached and waits until it has written its ready
    file and a Bolt login with the password succeeds.

    With ``owner_pid`` the server stops by itself once that process exits
    (test sessions pass their own pid so a killed run leaves no server behind);
    it has no effect on a server that is already running.

    With ``browser`` (the default) Neo4j Browser is served on another 127.0.0.1
    port (the last one used if still free, or ``browser_port``); its address is
    ``ServerInfo.browser_url``.

    Raises :class:`ServerError` if it cannot start in ``timeout`` seconds or
    the launcher dies first (naming the log file and its last line).
    """
    try:
        return _start(settings or get_settings(), port, timeout, owner_pid, browser, browser_port)
    except OSError as e:  # the disk full, a file in the way: one line, not a traceback
        raise ServerError(os_error_line("cannot start the local Neo4j", e)) from None


def os_error_line(what: str, e: OSError) -> str:
    """``what: file: reason`` in one line; for a full disk, what to do about it."""
    where = f"{e.filename}: " if e.filename else ""
    line = f"{what}: {where}{e.strerror or e}"
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        line += " (the disk is full: free space there and try again)"
    return line


def _start(settings: Settings, port: int | None, timeout: float, owner_pid: int | None, browser: bool,
           browser_port: int | None) -> ServerInfo:
    paths = _paths(settings)
    _ensure_server_dir(paths)
    with _locked(paths):
        _recover_bulk(settings)
        info = _running(paths)
        if info is not None:
            return info
        for _ in range(5):
            pid = _read_pid(paths)
            if pid is None or not _is_our_launcher(pid, paths):
                break
            # Alive but not ready: a start whose caller went away (wait for it), a launcher
            # replacing itself (its successor writes the pid file), or one that is stopping
            # (a killed bulk load's): if it exits, look again, then start afresh.
            try:
                return _wait_ready(paths, pid, None, timeout, log_offset=0)
            except _LauncherGone:
                continue
        _remove(paths.pid, paths.ready)  # stale: the process is gone

        jar = build_launcher(settings)
        java = _java()
        password_file = _ensure_password(paths)
        chosen = _choose_port(paths, port)
        state: dict[str, int] = {"port": chosen}
        if browser:
            if browser_port is not None and browser_port == chosen:
                raise ServerError(f"the Browser port must differ from the Bolt port {chosen}")
            state["browser_port"] = _choose_port(paths, browser_port, "browser_port", avoid=chosen)
        _write_state(paths, {**_read_state(paths), **state})
        paths.home.mkdir(mode=0o700, exist_ok=True)
        paths.imports.mkdir(mode=0o700, exist_ok=True)
        memory = {k: f"{v // _MB}m" for k, v in memory_plan(settings).items()}

        cmd = [
            java,
            f"-Xmx{memory['heap']}",
            # A query that asks for more heap than there is (a string doubled in a loop is not
            # counted by Neo4j's transaction memory limits) fails with a clean error, but the same
            # OutOfMemoryError may have killed any other thread (the scheduler that enforces
            # timeouts): on the first one the launcher replaces itself with a fresh process
            # (launcher/.../Restart.java), which then writes the pid and ready files again.
            "-XX:OnOutOfMemoryError=kill -HUP %p",
            "-jar",
            str(jar),
            "--home",
            str(paths.home),
            "--port",
            str(chosen),
            "--password-file",
            str(password_file),
            "--ready-file",
            str(paths.ready),
            "--pagecache",
            memory["pagecache"],
            "--tx-memory",
            memory["tx_memory"],
            "--tx-memory-total",
            memory["tx_memory_total"],
            "--import-dir",
            str(paths.imports),
            "--pid-file",
            str(paths.pid),
        ]
        if owner_pid is not None:
            cmd += ["--watch-pid", str(owner_pid)]
        if browser:
            cmd += ["--browser-port", str(state["browser_port"])]
        env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
        log_fd = os.open(paths.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
        with os.fdopen(log_fd, "ab") as log:
            offset = log.seek(0, os.SEEK_END)
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            log.write(f"--- {stamp} casegraph: starting the Neo4j launcher on {HOST}:{chosen}\n".encode())
            log.flush()
            try:
                proc = subprocess.Popen(
                    cmd,
                    cwd=paths.root,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                    close_fds=True,
                )
            except OSError as e:
                raise ServerError(f"cannot run {java}: {e.strerror}") from e
        _CHILDREN[proc.pid] = proc
        try:
            _write_pid(paths, proc.pid)
        except OSError:
            _terminate(proc.pid, 30.0)  # never a launcher nobody knows about
            _forget(proc.pid)
            raise
        return _wait_ready(paths, proc.pid, proc, timeout, log_offset=offset)


class _LauncherGone(ServerError):
    """A launcher this call did not start exited before it was ready (stopped or replaced)."""


def _wait_ready(
    paths: _Paths, pid: int, proc: subprocess.Popen | None, timeout: float, log_offset: int
) -> ServerInfo:
    deadline = time.monotonic() + timeout
    why = "no ready file yet"
    password = None
    while True:
        exited = proc.poll() if proc is not None else (None if _pid_alive(pid) else -1)
        if exited is not None:
            _forget(pid)
            if proc is None:  # another caller's launcher: its successor may have the pid file now
                if _read_pid(paths) == pid:
                    _remove(paths.pid, paths.ready)
                raise _LauncherGone(f"the Neo4j launcher {pid} exited before it was ready")
            _remove(paths.pid, paths.ready)
            how = f"exited with status {exited}"
            raise ServerError(
                f"the Neo4j launcher {how} before it was ready: "
                f"{_last_line(paths.log, log_offset)} (see {paths.log})"
            )
        ready = _read_ready(paths)
        if ready is not None and int(ready.get("pid", -1)) == pid:
            info = _info(paths, ready)
            if password is None:
                password = info.password()
            try:
                ok, why = _bolt_ok(info.bolt_uri, password)
            except ServerError:
                _terminate(pid, 30.0)
                _remove(paths.pid, paths.ready)
                raise
            if ok:
                return info
        if time.monotonic() >= deadline:
            _terminate(pid, 30.0)
            _remove(paths.pid, paths.ready)
            raise ServerError(
                f"Neo4j did not become ready within {timeout:g} s ({why}); see {paths.log} "
                f"and {paths.home / 'logs' / 'debug.log'}"
            )
        time.sleep(0.25)


def stop(settings: Settings | None = None, timeout: float = 60) -> bool:
    """Stop the local server: SIGTERM, then SIGKILL after ``timeout`` seconds.

    Removes the pid and ready files. Returns whether a server was running.
    """
    settings = settings or get_settings()
    paths = _paths(settings)
    if not paths.root.is_dir():
        return False
    with _locked(paths):
        return _stop_unlocked(paths, timeout)


def _stop_unlocked(paths: _Paths, timeout: float) -> bool:
    """:func:`stop` for a caller that holds the server lock already (graph.db.bulk)."""
    running = False
    seen: set[int] = set()
    # A launcher replacing itself (after an OutOfMemoryError) writes its successor's pid into
    # the pid file: stop that one too.
    while (pid := _read_pid(paths)) is not None and pid not in seen and _is_our_launcher(pid, paths):
        seen.add(pid)
        running = True
        _terminate(pid, timeout)
        _forget(pid)
    _remove(paths.pid, paths.ready)
    return running


def status(settings: Settings | None = None) -> ServerInfo | None:
    """The running local server's info, or None if none is running (or it is still starting).

    A bulk load killed before its schema step ended is undone first (the server restarted
    if it was running), so what this reports is never a half-loaded database.
    """
    settings = settings or get_settings()
    paths = _paths(settings)
    if not paths.root.is_dir():
        return None
    if (paths.root / "bulk" / "incomplete").exists():
        with _locked(paths):
            browser = (_read_ready(paths) or {}).get("browser_url") is not None
            was_running = _recover_bulk(settings)
        if was_running:
            return start(settings, browser=browser, timeout=600)
    return _running(paths)


def _recover_bulk(settings: Settings) -> bool:
    """Undo a bulk load killed half-way (graph.db.bulk.recover_interrupted); the caller
    holds the server lock. Returns whether it stopped a running server to do so."""
    if not (_paths(settings).root / "bulk" / "incomplete").exists():
        return False
    from graph.db.bulk import recover_interrupted  # bulk imports this module

    return recover_interrupted(settings)


def starting(settings: Settings | None = None) -> int | None:
    """The pid of a launcher that runs but is not ready (starting, or restarting itself), else None."""
    settings = settings or get_settings()
    paths = _paths(settings)
    pid = _read_pid(paths)
    if pid is None or not _is_our_launcher(pid, paths) or _running(paths) is not None:
        return None
    return pid


def health(info: ServerInfo, settings: Settings | None = None) -> list[str]:
    """What is wrong with a running server's databases, one line each; empty when all is well.

    A database that Neo4j has taken offline, or that has panicked (after a full disk, say: it
    answers SHOW DATABASES but refuses every transaction until the server restarts), is named
    with Neo4j's own message.
    """
    import neo4j
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    from graph.db import statements as S

    settings = settings or get_settings()
    problems: list[str] = []
    try:
        with neo4j.GraphDatabase.driver(info.bolt_uri, auth=(info.username, info.password()),
                                        connection_timeout=5.0, max_transaction_retry_time=0) as driver:
            for rec in driver.execute_query(S.SERVER_DATABASES, database_="system").records:
                name, status, message = rec["name"], rec["currentStatus"], _one_line(rec["statusMessage"])
                if status != "online":
                    problems.append(f"database {name} is {status}" + (f": {message}" if message else ""))
                elif message:
                    problems.append(f"database {name}: {message}")
            for name in [settings.neo4j_database or "neo4j"]:  # SHOW DATABASES ran on system already
                try:
                    driver.execute_query(S.SERVER_PING, database_=name)
                except Neo4jError as e:
                    problems.append(f"database {name} refuses transactions: {_one_line(e.message or str(e))}")
    except AuthError as e:
        problems.append(f"the server refused the password in {info.password_file}: {_one_line(e.message or '')}")
    except Neo4jError as e:
        if e.code == "Neo.ClientError.Security.AuthenticationRateLimit":
            problems.append("the server refuses logins for a few seconds after too many failed ones "
                            f"({e.code}); try again shortly")
        else:
            problems.append(f"the server does not answer on {info.bolt_uri}: {_one_line(str(e))}")
    except (DriverError, OSError) as e:
        problems.append(f"the server does not answer on {info.bolt_uri}: {_one_line(str(e))}")
    if problems:
        problems.append(disk_full_message(settings) or (
            f"see {_paths(settings).home / 'logs' / 'debug.log'}; a restart ('casegraph neo4j stop', "
            "'casegraph neo4j start') recovers the store from its transaction log"))
    return problems


def _one_line(text: object) -> str:
    lines = [line.strip() for line in str(text or "").splitlines() if line.strip()]
    return lines[0][:300] if lines else ""


_DISK_FULL_SIGNS = (b"No space left on device", b"running out of disk space", b"not have enough space left")
# Neo4j preallocates each new transaction log file at its full size (64 MB, set by the
# launcher): with less free than that, the next rotation fails.
_LOW_SPACE = 65 * _MB


def disk_full_message(settings: Settings | None = None) -> str | None:
    """One line if the local server's store ran out of disk space, else None.

    Either the disk holding the store has less free space than the next transaction log
    file needs, or Neo4j's debug log (home/logs/debug.log, when it could still be
    written) says a write or a log preallocation failed for want of space since the last
    start. The database then refuses every transaction until the server restarts.
    """
    settings = settings or get_settings()
    paths = _paths(settings)
    try:
        free = shutil.disk_usage(paths.home).free
    except OSError:
        return None
    said = False
    try:
        with (paths.home / "logs" / "debug.log").open("rb") as f:
            size = f.seek(0, os.SEEK_END)
            f.seek(max(size - (512 << 10), 0))
            tail = f.read()
        start = tail.rfind(b"Logging config in use")  # only since the last start counts (a restart recovers)
        said = any(sign in tail[max(start, 0):] for sign in _DISK_FULL_SIGNS)
    except OSError:
        pass
    if not said and free >= _LOW_SPACE:
        return None
    return (f"the disk holding the Neo4j store {paths.home} is full ({free // _MB:,} MB free; Neo4j needs "
            f"{_LOW_SPACE // _MB} MB for its next transaction log file): free space, then restart the server "
            "('casegraph neo4j stop', 'casegraph neo4j start'; Neo4j recovers its store on start) and run "
            "the command again")


def kill(settings: Settings | None = None) -> bool:
    """SIGKILL the local server without any cleanup, as a crash would.

    The pid and ready files are left behind. Waits until the process is gone.
    Returns whether a server process was there to kill.
    """
    settings = settings or get_settings()
    paths = _paths(settings)
    pid = _read_pid(paths)
    if pid is None or not _is_our_launcher(pid, paths):
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_gone(pid, 30.0)
    _forget(pid)
    return True


def connection(settings: Settings | None = None) -> tuple[str, str, str]:
    """Resolve ``(uri, username, password)`` for talking to Neo4j.

    If ``NEO4J_URI`` is set, the ``NEO4J_*`` environment settings are used;
    otherwise the running local server's. Raises :class:`ServerError` if there
    is neither.
    """
    settings = settings or get_settings()
    if settings.neo4j_uri:
        if settings.neo4j_password is None:
            raise ServerError("NEO4J_URI is set but NEO4J_PASSWORD is not")
        return settings.neo4j_uri, settings.neo4j_username, settings.neo4j_password
    info = status(settings)
    if info is None:
        raise ServerError(_NO_SERVER)
    return info.bolt_uri, info.username, info.password()
