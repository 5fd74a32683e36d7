"""Running Cypher for people: a real read-only guard, timeouts, limits, plain rows.

Everything an analyst types (``casegraph query --cypher``, ``--from neo4j --cypher``,
saved queries) runs through :func:`run_query`:

* Parameters are checked first: a ``$name`` the text uses but nobody gave, or a
  ``-p name value`` the text never uses, is a one-line error.
* The query runs in a read transaction with a timeout (default 30 s) and is first
  planned with ``EXPLAIN`` in that same transaction. It is refused, with one line and
  before anything runs, if its query type is not read-only, or its plan holds
  ``LOAD CSV``, ``CALL { } IN TRANSACTIONS``, a ``TERMINATE`` command, or a procedure
  outside :data:`ALLOWED_PROCEDURES` (``dbms.killConnections`` and friends). Only
  ``write=True`` (``--write``) lets such a query through, in a write transaction.
* Errors are one line. A syntax error says where (line and column of the text as
  given). An error raised while the query runs never shows the server's message:
  it may quote values the query read (``LOAD CSV`` of a private file chained to an
  http URL would otherwise print the file).
* The client keeps its own bounds (:mod:`graph.db.bounds`): a text over 65,536
  characters or nested over 100 levels is refused before it is sent (Neo4j's parser
  overflows its stack at about 300 and then never answers); a result is counted while
  it streams and refused past a million values.
* The query runs in a thread of its own, so this call stops waiting :data:`GRACE`
  seconds after ``timeout`` whatever the server does (and returns at most
  :data:`TERMINATE_WAIT` seconds later): Neo4j checks for a timeout or a
  termination only between rows, so an expression such as ``reduce()`` over a long
  list runs on after its timeout, and a query its parser chokes on gets no answer at
  all. The client then ends the transaction itself (``TERMINATE TRANSACTIONS``, found
  by its metadata) and says in its one line whether the server stopped.
* Ctrl-C ends the transaction on the server the same way before ``KeyboardInterrupt``
  goes on, waiting for the server at most :data:`TERMINATE_WAIT` seconds (a second
  Ctrl-C not even that).

The server side holds the other half: the launcher lets ``LOAD CSV`` read files only
from its import directory and bounds each transaction's memory.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from graph.db import statements as S
from graph.db.bounds import (
    DEFAULT_LIMIT,
    DEFAULT_TIMEOUT,
    BoundError,
    Budget,
    check_text,
    check_timeout,
    check_values,
)
from graph.db.params import parameters_used
from graph.db.values import compact, plain
from graph.errors import StoreError
from graph.resolve import EntityResolver

__all__ = [
    "QueryError",
    "QueryResult",
    "ALLOWED_PROCEDURES",
    "DEFAULT_TIMEOUT",
    "DEFAULT_LIMIT",
    "parameters_used",
    "check_parameters",
    "run_query",
    "entity_resolver",
    "plain",
    "compact",
]

GRACE = 2.0  # seconds the client waits past the timeout for the server's own answer
TERMINATE_WAIT = 10.0  # seconds the client gives the server to end a transaction, at most
STOP_WAIT = 2.0  # of which: seconds to see it gone from SHOW TRANSACTIONS

# Read-only procedures an analyst may call without --write: schema and server facts.
ALLOWED_PROCEDURES = frozenset({
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.schema.visualization",
    "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties",
    "db.info",
    "db.ping",
})

# Plan operators refused without --write, whatever the query type says: LOAD CSV reads
# files and URLs, IN TRANSACTIONS commits on its own, TERMINATE ends others' work.
_REFUSED_OPERATORS = {
    "LoadCSV": "LOAD CSV",
    "TransactionForeach": "CALL { ... } IN TRANSACTIONS",
    "TransactionApply": "CALL { ... } IN TRANSACTIONS",
    "TerminateTransactions": "TERMINATE TRANSACTIONS",
}
_QUERY_TYPES = {"w": "writes", "rw": "writes", "s": "changes the schema or the server"}
_EXPLAIN = "EXPLAIN\n"  # on a line of its own, so positions move by exactly one line
_TX_KEY = "casegraph_run"  # transaction metadata that lets Ctrl-C find this run's transaction
assert _TX_KEY in S.TRANSACTIONS_WITH_TOKEN


class QueryError(StoreError):
    """A query was refused, or failed; the message is one line and quotes no data."""


@dataclass
class QueryResult:
    """The rows of a query: driver values (nodes, relationships, paths stay objects)."""

    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    cut: bool = False  # True when rows beyond ``limit`` were dropped
    limit: int | None = None

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of plain values (see :func:`plain`), for JSON."""
        return [{c: plain(v) for c, v in zip(self.columns, row, strict=True)} for row in self.rows]

    def table(self) -> list[list[str]]:
        """Rows as compact text cells (see :func:`compact`), for tables and CSV."""
        return [[compact(v) for v in row] for row in self.rows]


# -- parameters -----------------------------------------------------------------------
def check_parameters(text: str, given: Mapping[str, Any]) -> None:
    """Refuse a missing or an unknown parameter with one line (values are not shown)."""
    used = parameters_used(text)
    missing = [p for p in used if p not in given]
    if missing:
        names = ", ".join(f"${p}" for p in missing)
        raise QueryError(f"missing parameter{'s' if len(missing) > 1 else ''} {names}: give "
                         f"{'each' if len(missing) > 1 else 'it'} with -p NAME VALUE")
    unknown = sorted(set(given) - set(used))
    if unknown:
        uses = ", ".join(f"${p}" for p in used) if used else "no parameters"
        raise QueryError(f"unknown parameter{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(repr(p) for p in unknown)}: the query uses {uses}")


# -- the guard ------------------------------------------------------------------------
def _operators(plan: Mapping[str, Any] | None) -> Iterator[tuple[str, str]]:
    """(operator, details) of every step of an EXPLAIN plan."""
    if not plan:
        return
    name = str(plan.get("operatorType", "")).split("@", 1)[0]
    yield name, str((plan.get("args") or {}).get("Details") or "")
    for child in plan.get("children") or ():
        yield from _operators(child)


def _refusal(summary: neo4j.ResultSummary) -> str | None:
    """Why a planned query is not a plain read, or None if it is."""
    why = _QUERY_TYPES.get(summary.query_type or "")
    if why:
        return f"this query {why}"
    for op, details in _operators(summary.plan):
        if op in _REFUSED_OPERATORS:
            return f"{_REFUSED_OPERATORS[op]} is not allowed"
        if op == "ProcedureCall":
            proc = details.split("(", 1)[0].strip()
            if proc not in ALLOWED_PROCEDURES:
                return (f"procedure {proc} is not allowed (allowed: {', '.join(sorted(ALLOWED_PROCEDURES))})")
    return None


# -- errors ---------------------------------------------------------------------------
_POSITION = re.compile(r"\(line (\d+), column (\d+) \(offset: \d+\)\)")


def _syntax_message(exc: neo4j_errors.Neo4jError) -> str:
    """'line L, column C: <what>' for the text as the user wrote it (without our EXPLAIN line)."""
    first = (exc.message or "").strip().splitlines()[0] if exc.message else "invalid query"
    m = _POSITION.search(first)
    if not m:
        return first
    line, column = int(m.group(1)) - _EXPLAIN.count("\n"), int(m.group(2))
    what = (first[:m.start()] + first[m.end():]).strip().rstrip(":").strip()
    return f"line {max(line, 1)}, column {column}: {what}"


def _planning_error(exc: neo4j_errors.Neo4jError) -> QueryError:
    """An error of EXPLAIN: nothing was read yet, so the server's words may be shown."""
    code = exc.code or ""
    if "SyntaxError" in code:
        return QueryError(f"Cypher syntax error at {_syntax_message(exc)}")
    if "TransactionTimedOut" in code:
        return QueryError("the query timed out while being planned")
    first = (exc.message or code).strip().splitlines()[0]
    return QueryError(f"Cypher error ({code.rsplit('.', 1)[-1]}): {first[:300]}")


def _running_error(exc: neo4j_errors.Neo4jError, timeout: float | None) -> QueryError:
    """An error while the query ran: its message may quote data, so only the code is named."""
    code = exc.code or ""
    if "TransactionTimedOut" in code:
        return QueryError(f"the query ran longer than its timeout of {timeout or 0:g} s and was ended on the server "
                          "(raise it with --timeout SECONDS)")
    if "MemoryPoolOutOfMemoryError" in code:
        return QueryError("the query needs more memory than one transaction may use and was ended "
                          "(the server is still up; narrow the query or add a LIMIT)")
    if code.endswith("General.OutOfMemoryError"):
        return QueryError("the query needs more memory than the server has and was ended (narrow the query or "
                          "add a LIMIT; a server casegraph runs restarts itself after this, within a minute)")
    if "AccessMode" in code or "ForbiddenDueToTransactionType" in code:
        return QueryError("this query writes: give --write for a deliberate write")
    if "ParameterMissing" in code:
        return QueryError("a parameter is missing: give it with -p NAME VALUE")
    return QueryError(f"the query failed on the server ({code or type(exc).__name__}); "
                      "its message is not shown because it may quote values the query read")


def _terminate(driver: neo4j.Driver, database: str | None, token: str, wait: float) -> bool | None:
    """End this run's transaction on the server (found by its metadata).

    True if it is gone within ``wait`` seconds, False if the server still lists
    it (Neo4j checks for termination between rows, not inside an expression such as a
    ``reduce()`` over a long list), None if the server did not answer.
    """
    try:
        with driver.session(database=database) as session:
            ids = [r["id"] for r in session.run(S.TRANSACTIONS_WITH_TOKEN, token=token)]
            if ids:
                session.run(S.TERMINATE_TRANSACTIONS, ids=ids).consume()
            deadline = time.monotonic() + wait
            while ids:
                ids = [r["id"] for r in session.run(S.TRANSACTIONS_WITH_TOKEN, token=token)]
                if ids and time.monotonic() > deadline:
                    return False
                time.sleep(0.2 if ids else 0)
            return True
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError):
        return None  # the server is gone, or too busy to answer


def _bounded(work: Callable[[], Any], seconds: float) -> Any:
    """``work()`` in a daemon thread; None if it has not finished within ``seconds``.

    The caller is never held longer, whatever the driver waits for: a thread stuck on a
    server that does not answer is abandoned (the driver gives up on it by itself once the
    server's receive timeout, 120 s by default, has passed).
    """
    box: list[Any] = []

    def run() -> None:
        try:
            box.append(work())
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, never printed by threading
            box.append(exc)

    thread = threading.Thread(target=run, name="casegraph-terminate", daemon=True)
    thread.start()
    thread.join(seconds)
    if not box:
        return None
    return box[0]


def _end(driver: neo4j.Driver, database: str | None, token: str, wait: float = 0.0) -> bool | None:
    """:func:`_terminate`, in at most :data:`TERMINATE_WAIT` seconds."""
    outcome = _bounded(lambda: _terminate(driver, database, token, wait), TERMINATE_WAIT)
    return outcome if isinstance(outcome, bool) else None


def _execute(driver: neo4j.Driver, database: str | None, write: bool, timeout: float | None, token: str,
             text: str, params: dict[str, Any], limit: int | None, result: QueryResult) -> None:
    """EXPLAIN and check, then run, in one transaction, holding at most a :class:`Budget`."""
    mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
    budget = Budget()
    with driver.session(database=database, default_access_mode=mode, notifications_min_severity="OFF") as session, \
            session.begin_transaction(timeout=timeout, metadata={_TX_KEY: token}) as tx:
        try:
            summary = tx.run(_EXPLAIN + text, params).consume()
        except neo4j_errors.Neo4jError as exc:
            raise _planning_error(exc) from None
        if not write:
            why = _refusal(summary)
            if why:
                raise QueryError(f"{why}: casegraph runs read-only queries unless you give --write")
        try:
            records = tx.run(text, params)
            result.columns = list(records.keys())
            for record in records:
                if limit is not None and len(result.rows) >= limit:
                    result.cut = True
                    break
                row = list(record.values())
                for column, value in zip(result.columns, row, strict=True):
                    budget.add(value, len(result.rows) + 1, column)
                result.rows.append(row)
            if write:
                tx.commit()
        except neo4j_errors.Neo4jError as exc:
            raise _running_error(exc, timeout) from None


def _driver_error(exc: BaseException, timeout: float | None) -> QueryError:
    if isinstance(exc, neo4j_errors.AuthError):
        return QueryError("Neo4j refused the user name or password")
    if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
        return QueryError("lost the connection to Neo4j (is the server running?)")
    if isinstance(exc, neo4j_errors.Neo4jError):
        return _running_error(exc, timeout)
    return QueryError(f"Neo4j driver error ({type(exc).__name__})")


def _gave_up(timeout: float, stopped: bool | None) -> QueryError:
    """The one line for a query the client stopped waiting for."""
    head = f"the query ran longer than its timeout of {timeout:g} s; casegraph stopped waiting and "
    if stopped:
        return QueryError(head + "it was ended on the server (raise it with --timeout SECONDS)")
    if stopped is None:
        return QueryError(head + "the server did not answer the request to end it (is it overloaded? "
                                 "'casegraph neo4j stop' ends everything it runs)")
    return QueryError(head + "asked the server to end it, but the server goes on with it: Neo4j checks for "
                             "the end only between rows, not while it plans a query or computes one "
                             "expression such as reduce() ('casegraph neo4j stop' ends it)")


def run_query(driver: neo4j.Driver, text: str, parameters: Mapping[str, Any] | None = None, *,
              database: str | None = None, write: bool = False, timeout: float | None = DEFAULT_TIMEOUT,
              limit: int | None = None) -> QueryResult:
    """Run Cypher for a person, read-only unless ``write``; see the module docstring.

    ``limit`` keeps the first rows and sets ``cut`` if there were more; ``timeout``
    (seconds, None for none) ends the transaction on the server when it runs longer,
    and this call stops waiting :data:`GRACE` seconds after it whatever the server does. Raises :class:`QueryError` (one line) for a refusal or a failure, and
    :class:`~graph.db.bounds.BoundError` for a text, timeout, parameter or result
    over casegraph's bounds.
    """
    params = dict(parameters or {})
    if not text.strip():
        raise QueryError("the query is empty")
    check_text(text)
    if limit is not None and limit < 0:
        raise QueryError(f"--limit must be 0 or more, not {limit}")
    check_timeout(timeout)
    check_values(params)
    check_parameters(text, params)
    token = uuid.uuid4().hex
    result = QueryResult(columns=[], limit=limit)
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            _execute(driver, database, write, timeout, token, text, params, limit, result)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, never printed by threading
            outcome.append(exc)

    # The driver waits on its socket for as long as the server is silent (two minutes);
    # the query runs in a thread of its own so Ctrl-C and the timeout are this thread's.
    worker = threading.Thread(target=work, name="casegraph-query", daemon=True)
    worker.start()
    deadline = None if timeout is None else time.monotonic() + timeout + GRACE
    try:
        while worker.is_alive() and (deadline is None or time.monotonic() < deadline):
            worker.join(0.25 if deadline is None else max(0.0, min(0.25, deadline - time.monotonic())))
    except KeyboardInterrupt:
        _end(driver, database, token)  # a second Ctrl-C ends the wait for the server at once
        raise
    if worker.is_alive():
        raise _gave_up(timeout or 0, _end(driver, database, token, STOP_WAIT))
    error = outcome[0] if outcome else None
    if isinstance(error, QueryError | BoundError):
        raise error
    if isinstance(error, neo4j_errors.Neo4jError | neo4j_errors.DriverError | OSError):
        raise _driver_error(error, timeout) from None
    if error is not None:
        raise error
    return result


def entity_resolver(driver: neo4j.Driver, database: str | None = None) -> EntityResolver:
    """An :class:`~graph.resolve.EntityResolver` over every entity in Neo4j (key, name, aliases, label)."""
    result = run_query(driver, S.ENTITY_NAMES, database=database, timeout=None)
    return EntityResolver((key, name or key, aliases or [], label or "") for key, name, aliases, label in result.rows)
