"""The local Neo4j server that casegraph manages: the public face of its modules.

A real Neo4j 5.26 community DBMS runs embedded in a small Java launcher
(``launcher/``, built with Maven). It listens for Bolt on 127.0.0.1 only,
has Neo4j's HTTP API switched off and authentication on, and unless told not
to serves Neo4j Browser on a second 127.0.0.1 port. The work is split by job:

* :mod:`graph.db.launcher` finds Java and builds the launcher jar with Maven;
* :mod:`graph.db.serverdir` owns the server directory (password, pid, ready and
  state files, the lock) and :class:`ServerInfo`;
* :mod:`graph.db.process` tells whether the launcher process lives and picks ports;
* :mod:`graph.db.memory` sizes the heap, page cache and transaction limits;
* :mod:`graph.db.lifecycle` starts, stops, kills and reports on the server, and
  resolves where to connect (``NEO4J_URI`` or the local server);
* :mod:`graph.db.health` says what is wrong with a running server (a full disk too).

Callers import from here.
"""

from __future__ import annotations

from graph.db.health import disk_full_message, health
from graph.db.launcher import JAR_NAME, build_launcher, find_java, launcher_jar
from graph.db.lifecycle import connection, kill, start, starting, status, stop
from graph.db.memory import memory_plan
from graph.db.process import free_port
from graph.db.serverdir import HOST, USERNAME, ServerInfo, os_error_line

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
    "os_error_line",
    "JAR_NAME",
    "USERNAME",
    "HOST",
    "launcher_jar",
    "find_java",
    "free_port",
    "memory_plan",
]
