"""What is wrong with a running local server: databases offline or panicked, a full disk."""

from __future__ import annotations

import os
import shutil

from graph.db.memory import MB
from graph.db.serverdir import ServerInfo, server_paths
from graph.settings import Settings, get_settings

__all__ = ["health", "disk_full_message"]


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
            f"see {server_paths(settings).home / 'logs' / 'debug.log'}; a restart ('casegraph neo4j stop', "
            "'casegraph neo4j start') recovers the store from its transaction log"))
    return problems


def _one_line(text: object) -> str:
    lines = [line.strip() for line in str(text or "").splitlines() if line.strip()]
    return lines[0][:300] if lines else ""


_DISK_FULL_SIGNS = (b"No space left on device", b"running out of disk space", b"not have enough space left")
# Neo4j preallocates each new transaction log file at its full size (64 MB, set by the
# launcher): with less free than that, the next rotation fails.
_LOW_SPACE = 65 * MB


def disk_full_message(settings: Settings | None = None) -> str | None:
    """One line if the local server's store ran out of disk space, else None.

    Either the disk holding the store has less free space than the next transaction log
    file needs, or Neo4j's debug log (home/logs/debug.log, when it could still be
    written) says a write or a log preallocation failed for want of space since the last
    start. The database then refuses every transaction until the server restarts.
    """
    settings = settings or get_settings()
    paths = server_paths(settings)
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
    return (f"the disk holding the Neo4j store {paths.home} is full ({free // MB:,} MB free; Neo4j needs "
            f"{_LOW_SPACE // MB} MB for its next transaction log file): free space, then restart the server "
            "('casegraph neo4j stop', 'casegraph neo4j start'; Neo4j recovers its store on start) and run "
            "the command again")
