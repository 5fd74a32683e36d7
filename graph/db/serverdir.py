"""The local server's directory: its files, its lock, and what they say.

Everything the local Neo4j server needs lives in ``settings.server_dir``
(``.casegraph/neo4j/`` by default, mode 0700)::

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
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import ServerError
from graph.settings import Settings

__all__ = [
    "USERNAME", "HOST", "ServerInfo", "ServerPaths", "server_paths", "ensure_server_dir", "locked",
    "read_pid", "write_pid", "read_ready", "info_from_ready", "read_state", "write_state", "remove",
    "ensure_password", "os_error_line",
]

USERNAME = "neo4j"
HOST = "127.0.0.1"


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


@dataclass(frozen=True)
class ServerPaths:
    """The files and folders of one server directory (see the module docstring)."""

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


def server_paths(settings: Settings) -> ServerPaths:
    """The server directory ``settings`` name."""
    return ServerPaths(Path(settings.server_dir))


def os_error_line(what: str, e: OSError) -> str:
    """``what: file: reason`` in one line; for a full disk, what to do about it."""
    where = f"{e.filename}: " if e.filename else ""
    line = f"{what}: {where}{e.strerror or e}"
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        line += " (the disk is full: free space there and try again)"
    return line


def ensure_server_dir(paths: ServerPaths) -> None:
    """Create the server directory (mode 0700) and its logs folder; one-line ServerError if it cannot."""
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        os.chmod(paths.root, 0o700)
        paths.logs.mkdir(mode=0o700, exist_ok=True)
    except OSError as e:
        raise ServerError(os_error_line(f"cannot create the Neo4j state directory {paths.root}", e)) from None


@contextlib.contextmanager
def locked(paths: ServerPaths) -> Iterator[None]:
    """Hold an exclusive flock on the server directory (across processes and threads).

    Starting, stopping and the swap of a bulk load hold it, so none of them sees another half-done.
    """
    fd = os.open(paths.lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def read_pid(paths: ServerPaths) -> int | None:
    """The launcher's pid from the pid file, or None if there is none (or it is garbled)."""
    try:
        return int(paths.pid.read_text().strip())
    except (OSError, ValueError):
        return None


def write_pid(paths: ServerPaths, pid: int) -> None:
    """Replace the pid file atomically."""
    tmp = paths.pid.with_name(f".pid.{os.getpid()}.tmp")
    tmp.write_text(f"{pid}\n")
    os.replace(tmp, paths.pid)


def read_ready(paths: ServerPaths) -> dict | None:
    """What the launcher wrote in its ready file, or None if there is no usable one."""
    try:
        data = json.loads(paths.ready.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or "bolt_uri" not in data or "pid" not in data:
        return None
    return data


def info_from_ready(paths: ServerPaths, ready: dict) -> ServerInfo:
    """The :class:`ServerInfo` a ready file (see :func:`read_ready`) describes."""
    return ServerInfo(
        bolt_uri=str(ready["bolt_uri"]),
        pid=int(ready["pid"]),
        username=USERNAME,
        password_file=paths.password,
        neo4j_version=str(ready.get("neo4j_version", "unknown")),
        log_file=paths.log,
        browser_url=str(ready["browser_url"]) if ready.get("browser_url") else None,
    )


def read_state(paths: ServerPaths) -> dict:
    """The remembered state (the ports last used); empty if there is none."""
    try:
        data = json.loads(paths.state.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def write_state(paths: ServerPaths, state: dict) -> None:
    """Replace the state file atomically."""
    tmp = paths.state.with_name(f".state.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state) + "\n", encoding="utf-8")
    os.replace(tmp, paths.state)


def remove(*files: Path) -> None:
    """Delete ``files``; one that is gone already is fine."""
    for f in files:
        with contextlib.suppress(FileNotFoundError):
            f.unlink()


def ensure_password(paths: ServerPaths) -> Path:
    """Make the password file once (mode 0600); reuse it afterwards."""
    f = paths.password
    try:
        if f.is_file() and f.read_text(encoding="utf-8").strip():
            if stat.S_IMODE(f.stat().st_mode) != 0o600:
                os.chmod(f, 0o600)
            return f
        tmp = f.with_name(f".password.{os.getpid()}.tmp")
        remove(tmp)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secrets.token_urlsafe(32) + "\n")
        os.replace(tmp, f)
    except OSError as e:
        raise ServerError(f"cannot write the Neo4j password file {f}: {e.strerror}") from e
    return f
