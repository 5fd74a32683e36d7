"""The launcher's process and its ports: is it alive, is it ours, stop it, pick free ports.

Launchers started by this process are remembered (:func:`adopt`) so that they are reaped,
never left as zombies.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from graph.db.launcher import JAR_NAME
from graph.db.serverdir import (
    HOST,
    ServerInfo,
    ServerPaths,
    info_from_ready,
    read_pid,
    read_ready,
    read_state,
)

__all__ = [
    "adopt", "forget", "pid_alive", "is_our_launcher", "launchers", "running", "wait_gone", "terminate",
    "port_free", "free_port", "choose_port", "hangup_reaches_child",
]

# Launchers started by this process, so that they are reaped (never left as zombies).
_CHILDREN: dict[int, subprocess.Popen] = {}


def adopt(proc: subprocess.Popen) -> None:
    """Remember a launcher this process started, so :func:`forget` reaps it."""
    _CHILDREN[proc.pid] = proc


def forget(pid: int) -> None:
    """Drop a launcher this process started, reaping it if it has exited."""
    proc = _CHILDREN.pop(pid, None)
    if proc is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5.0)


def pid_alive(pid: int) -> bool:
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


def is_our_launcher(pid: int, paths: ServerPaths) -> bool:
    """True if ``pid`` is alive and is the launcher serving this server directory."""
    if not pid_alive(pid):
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


def launchers(paths: ServerPaths) -> list[int]:
    """Pids of every live launcher serving this server directory, found in /proc: the pid
    file's, and any launcher whose starter was killed before it wrote the pid file (an orphan
    that still holds the store lock). A process whose command line cannot be read is skipped."""
    home = os.path.realpath(paths.home)
    found = []
    with contextlib.suppress(OSError):
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            args = [a.decode("utf-8", "replace") for a in argv if a]
            if (any(a.endswith(JAR_NAME) for a in args) and any(os.path.realpath(a) == home for a in args)
                    and pid_alive(int(entry.name))):
                found.append(int(entry.name))
    return found


def running(paths: ServerPaths) -> ServerInfo | None:
    """The server of this directory if its launcher runs and has said it is ready, else None."""
    pid = read_pid(paths)
    if pid is None or not is_our_launcher(pid, paths):
        return None
    ready = read_ready(paths)
    if ready is None or int(ready.get("pid", -1)) != pid:
        return None
    return info_from_ready(paths, ready)


def wait_gone(pid: int, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for process ``pid`` to end; whether it did."""
    deadline = time.monotonic() + timeout
    while pid_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def terminate(pid: int, timeout: float) -> None:
    """SIGTERM, wait up to ``timeout`` seconds, then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if wait_gone(pid, timeout):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    wait_gone(pid, 10.0)


# --------------------------------------------------------------------------- ports


def port_free(port: int) -> bool:
    """Whether ``port`` on 127.0.0.1 can be bound right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port() -> int:
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
            if port_free(candidate):
                return candidate
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def choose_port(paths: ServerPaths, port: int | None, name: str = "port", avoid: int | None = None) -> int:
    """``port`` if given, else the one remembered under ``name`` if still free, else a free one
    (never ``avoid``)."""
    if port is not None:
        return port
    remembered = read_state(paths).get(name)
    if (isinstance(remembered, int) and 0 < remembered < 65536 and remembered != avoid
            and port_free(remembered)):
        return remembered
    while True:
        chosen = free_port()
        if chosen != avoid:
            return chosen


@contextlib.contextmanager
def hangup_reaches_child() -> Iterator[None]:
    """While a child is started, an ignored SIGHUP (``nohup``, a background job) is caught instead.

    A program inherits an ignored signal, and the JVM then cannot take the SIGHUP its
    out-of-memory restart relies on (launcher Restart.java): the server would go on with broken
    threads. A caught signal is reset to its default in the new program, so this process catches
    SIGHUP (doing nothing, as ignoring did) until the child has started, then ignores it again.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGHUP) != signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGHUP, _nothing)
    try:
        yield
    finally:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)


def _nothing(_signum: int, _frame: object) -> None:
    """A SIGHUP while a child starts: ignored, as before."""
