"""Start, stop, kill and watch the local Neo4j server; resolve where to connect.

The launcher (:mod:`graph.db.launcher`) listens for Bolt on 127.0.0.1 only, has
Neo4j's HTTP API switched off and authentication on. Unless told not to, it also
serves Neo4j Browser (static files that speak Bolt) on a second 127.0.0.1 port.
Its files are described in :mod:`graph.db.serverdir`; its process and ports are
handled by :mod:`graph.db.process`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

from graph.db.launcher import build_launcher, find_java
from graph.db.memory import MB, memory_plan
from graph.db.process import (
    adopt,
    choose_port,
    forget,
    hangup_reaches_child,
    is_our_launcher,
    launchers,
    pid_alive,
    running,
    terminate,
    wait_gone,
)
from graph.db.serverdir import (
    HOST,
    USERNAME,
    ServerInfo,
    ServerPaths,
    ensure_password,
    ensure_server_dir,
    info_from_ready,
    locked,
    os_error_line,
    read_pid,
    read_ready,
    read_state,
    remove,
    server_paths,
    write_pid,
    write_state,
)
from graph.errors import ServerError
from graph.settings import Settings, get_settings

__all__ = ["start", "stop", "stop_locked", "status", "starting", "kill", "connection"]

LOCK_WAIT = 60.0  # seconds start waits for a dying launcher to let go of the store lock

_NO_SERVER = "no Neo4j: set NEO4J_URI or run 'casegraph neo4j start'"


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
    settings = settings or get_settings()
    waited_until = time.monotonic() + LOCK_WAIT
    while True:
        try:
            return _start(settings, port, timeout, owner_pid, browser, browser_port)
        except OSError as e:  # the disk full, a file in the way: one line, not a traceback
            raise ServerError(os_error_line("cannot start the local Neo4j", e)) from None
        except ServerError as e:
            # A launcher whose owner was killed (a bulk load's restart) may still hold the store
            # lock while it shuts down: wait for it, as for a stopping launcher, then start.
            if "FileLockException" not in str(e) or time.monotonic() > waited_until:
                raise
            paths = server_paths(settings)
            with locked(paths):
                _stop_orphans(paths, keep=read_pid(paths), timeout=60)
            time.sleep(2.0)


def _stop_orphans(paths: ServerPaths, keep: int | None, timeout: float) -> bool:
    """Stop every launcher of this directory but ``keep``: one whose starter was killed before
    it wrote the pid file holds the store lock and nobody else knows it. Returns whether any
    was found."""
    orphans = [pid for pid in launchers(paths) if pid != keep]
    for pid in orphans:
        terminate(pid, timeout)
        forget(pid)
    return bool(orphans)


def _start(settings: Settings, port: int | None, timeout: float, owner_pid: int | None, browser: bool,
           browser_port: int | None) -> ServerInfo:
    paths = server_paths(settings)
    ensure_server_dir(paths)
    with locked(paths):
        _recover_bulk(settings)
        info = running(paths)
        if info is not None:
            return info
        for _ in range(5):
            pid = read_pid(paths)
            if pid is None or not is_our_launcher(pid, paths):
                break
            # Alive but not ready: a start whose caller went away (wait for it), a launcher
            # replacing itself (its successor writes the pid file), or one that is stopping
            # (a killed bulk load's): if it exits, look again, then start afresh.
            try:
                return _wait_ready(paths, pid, None, timeout, log_offset=0)
            except _LauncherGone:
                continue
        remove(paths.pid, paths.ready)  # stale: the process is gone

        jar = build_launcher(settings)
        java = find_java()
        password_file = ensure_password(paths)
        chosen = choose_port(paths, port)
        state: dict[str, int] = {"port": chosen}
        if browser:
            if browser_port is not None and browser_port == chosen:
                raise ServerError(f"the Browser port must differ from the Bolt port {chosen}")
            state["browser_port"] = choose_port(paths, browser_port, "browser_port", avoid=chosen)
        write_state(paths, {**read_state(paths), **state})
        paths.home.mkdir(mode=0o700, exist_ok=True)
        paths.imports.mkdir(mode=0o700, exist_ok=True)
        memory = {k: f"{v // MB}m" for k, v in memory_plan(settings).items()}

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
                with hangup_reaches_child():
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
        adopt(proc)
        try:
            write_pid(paths, proc.pid)
        except OSError:
            terminate(proc.pid, 30.0)  # never a launcher nobody knows about
            forget(proc.pid)
            raise
        return _wait_ready(paths, proc.pid, proc, timeout, log_offset=offset)


class _LauncherGone(ServerError):
    """A launcher this call did not start exited before it was ready (stopped or replaced)."""


def _wait_ready(
    paths: ServerPaths, pid: int, proc: subprocess.Popen | None, timeout: float, log_offset: int
) -> ServerInfo:
    deadline = time.monotonic() + timeout
    why = "no ready file yet"
    password = None
    while True:
        exited = proc.poll() if proc is not None else (None if pid_alive(pid) else -1)
        if exited is not None:
            forget(pid)
            if proc is None:  # another caller's launcher: its successor may have the pid file now
                if read_pid(paths) == pid:
                    remove(paths.pid, paths.ready)
                raise _LauncherGone(f"the Neo4j launcher {pid} exited before it was ready")
            remove(paths.pid, paths.ready)
            how = f"exited with status {exited}"
            raise ServerError(
                f"the Neo4j launcher {how} before it was ready: "
                f"{_last_line(paths.log, log_offset)} (see {paths.log})"
            )
        ready = read_ready(paths)
        if ready is not None and int(ready.get("pid", -1)) == pid:
            info = info_from_ready(paths, ready)
            if password is None:
                password = info.password()
            try:
                ok, why = _bolt_ok(info.bolt_uri, password)
            except ServerError:
                terminate(pid, 30.0)
                remove(paths.pid, paths.ready)
                raise
            if ok:
                return info
        if time.monotonic() >= deadline:
            terminate(pid, 30.0)
            remove(paths.pid, paths.ready)
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
    paths = server_paths(settings)
    if not paths.root.is_dir():
        return False
    with locked(paths):
        return stop_locked(paths, timeout)


def stop_locked(paths: ServerPaths, timeout: float) -> bool:
    """:func:`stop` for a caller that holds the server lock already (:func:`graph.db.serverdir.locked`),
    as a bulk load does around its swap. Returns whether a server was running."""
    stopped = False
    seen: set[int] = set()
    # A launcher replacing itself (after an OutOfMemoryError) writes its successor's pid into
    # the pid file: stop that one too.
    while (pid := read_pid(paths)) is not None and pid not in seen and is_our_launcher(pid, paths):
        seen.add(pid)
        stopped = True
        terminate(pid, timeout)
        forget(pid)
    stopped = _stop_orphans(paths, keep=None, timeout=timeout) or stopped
    remove(paths.pid, paths.ready)
    return stopped


def status(settings: Settings | None = None) -> ServerInfo | None:
    """The running local server's info, or None if none is running (or it is still starting).

    A bulk load killed before its schema step ended is undone first (the server restarted
    if it was running), so what this reports is never a half-loaded database.
    """
    settings = settings or get_settings()
    paths = server_paths(settings)
    if not paths.root.is_dir():
        return None
    if (paths.root / "bulk" / "incomplete").exists():
        with locked(paths):
            browser = (read_ready(paths) or {}).get("browser_url") is not None
            was_running = _recover_bulk(settings)
        if was_running:
            return start(settings, browser=browser, timeout=600)
    return running(paths)


def _recover_bulk(settings: Settings) -> bool:
    """Undo a bulk load killed half-way (graph.db.bulk.recover_interrupted); the caller
    holds the server lock. Returns whether it stopped a running server to do so."""
    if not (server_paths(settings).root / "bulk" / "incomplete").exists():
        return False
    from graph.db.bulk import recover_interrupted  # bulk imports this module

    return recover_interrupted(settings)


def starting(settings: Settings | None = None) -> int | None:
    """The pid of a launcher that runs but is not ready (starting, or restarting itself), else None."""
    settings = settings or get_settings()
    paths = server_paths(settings)
    pid = read_pid(paths)
    if pid is None or not is_our_launcher(pid, paths) or running(paths) is not None:
        return None
    return pid


def kill(settings: Settings | None = None) -> bool:
    """SIGKILL the local server without any cleanup, as a crash would.

    The pid and ready files are left behind. Waits until the process is gone.
    Returns whether a server process was there to kill.
    """
    settings = settings or get_settings()
    paths = server_paths(settings)
    pid = read_pid(paths)
    if pid is None or not is_our_launcher(pid, paths):
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    wait_gone(pid, 30.0)
    forget(pid)
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
