"""Hostile queries, the client side (issue 19, items 5 to 9), against the real Neo4j.

A CPU-bound ``reduce()`` that Neo4j does not stop at its timeout or on ``TERMINATE``,
a text nested deeper than the server's parser can take, a timeout or an integer that
is not a finite 64-bit number, one row of millions of values, and the timeout after
out-of-memory errors. Every test that makes the server compute waits until the server
lists nothing of it any more, so the next tests find it free.
"""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import time
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.db import server
from graph.db.bounds import (
    MAX_CHAIN,
    MAX_NESTING,
    MAX_QUERY_CHARS,
    BoundError,
    Budget,
    check_text,
    text_shape,
)
from graph.db.query import QueryError, run_query

# Quadratic in n: the server needs about 15 s for 500,000 on a quiet machine (2 s for 200,000,
# 10 s for 400,000, four times that under load), well beyond the 1 to 3 s timeouts used here
# (the client gives up about 5 s after it starts), and ends by itself.
CPU_BOUND = "RETURN size(reduce(s = '', x IN range(1, 500000) | s + 'a')) AS {marker}"
ROWS = "UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN x AS {marker}"
HANG_GUARD = 60.0  # seconds: a bound that tells a hang from an answer, not a speed target
FREED_WITHIN = 600.0  # seconds the server may need to finish a query it could not stop


def _invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def _one_line(result: Any) -> str:
    """The output of a refused command, which must be exactly one line."""
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1, result.output
    assert len(lines) == 1, result.output
    return lines[0]


def _running(driver: neo4j.Driver, marker: str) -> list[str]:
    """Ids of the server's transactions running a query with ``marker`` in its text."""
    records, _, _ = driver.execute_query(
        "SHOW TRANSACTIONS YIELD transactionId, currentQuery "
        "WHERE currentQuery CONTAINS $marker AND NOT currentQuery CONTAINS 'SHOW' RETURN transactionId",
        marker=marker)
    return [r["transactionId"] for r in records]


def _wait_freed(driver: neo4j.Driver, marker: str) -> None:
    """Wait until the server runs nothing with ``marker``: the next tests need its CPU."""
    deadline = time.monotonic() + FREED_WITHIN
    while _running(driver, marker):
        assert time.monotonic() < deadline, f"the server still runs {marker} after {FREED_WITHIN:g} s"
        time.sleep(1)


# -- item 8: a timeout or an integer that is not a finite 64-bit number -----------------
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "0", "-1", "86401"])
def test_a_timeout_must_be_a_finite_number_of_seconds(value: str) -> None:
    line = _one_line(_invoke("query", "--cypher", "RETURN 1", "--timeout", value))
    assert line.startswith("Error: --timeout must be a number of seconds more than 0 and at most 86,400, not ")


def test_the_library_refuses_such_timeouts_and_integers(neo4j_driver: neo4j.Driver) -> None:
    for timeout in (math.nan, math.inf, 1e308, 0.0):
        with pytest.raises(BoundError, match=r"^--timeout must be a number of seconds"):
            run_query(neo4j_driver, "RETURN 1", timeout=timeout)
    for value in (2**63, -(2**63) - 1, [1, 10**26], {"a": [2**64]}):
        with pytest.raises(BoundError, match=r"^parameter 'n' must be between -9223372036854775808 and "
                                             r"9223372036854775807 \(Cypher's integers\)"):
            run_query(neo4j_driver, "RETURN $n AS n", {"n": value})
    edges = run_query(neo4j_driver, "RETURN $a AS a, $b AS b", {"a": 2**63 - 1, "b": -(2**63)}).rows
    assert edges == [[2**63 - 1, -(2**63)]]


@pytest.mark.parametrize(("name", "value", "message"), [
    ("shared-lawyers", "9223372036854775808", "must be a whole number from -9223372036854775808 to "
                                              "9223372036854775807, not '9223372036854775808'"),
    ("shared-lawyers", "-9223372036854775809", "must be a whole number from -9223372036854775808"),
    ("shared-lawyers", "1" + "0" * 4000, "must be a whole number from -9223372036854775808"),
    ("shared-lawyers", "2**63", "must be a whole number, not '2**63'"),
    ("shortest-connections", "1e26", "must be a whole number, not '1e26'"),
])
def test_integer_parameters_fit_in_64_bits(neo4j_env: server.ServerInfo, name: str, value: str,
                                           message: str) -> None:
    param = "min_cases" if name == "shared-lawyers" else "max_hops"
    args = ["query", name, "-p", param, value]
    if name == "shortest-connections":
        args += ["-p", "a", "x", "-p", "b", "y"]
    line = _one_line(_invoke(*args))
    assert line.startswith(f"Error: parameter '{param}' {message}")


def test_the_largest_integer_is_taken(neo4j_env: server.ServerInfo) -> None:
    result = _invoke("query", "shared-lawyers", "-p", "min_cases", "9223372036854775807", "--format", "csv")
    assert result.exit_code == 0, result.output


# -- item 7: a text the server's parser cannot take -------------------------------------
def test_text_shape_counts_outside_strings_and_comments() -> None:
    assert text_shape("RETURN '((((' AS s // ((((\n, \"[[\" /* {{{{ */") == (0, 0)
    assert text_shape("RETURN " + "(" * 60 + "1" + ")" * 60) == (60, 0)
    assert text_shape("RETURN " + "NOT " * 70 + "true") == (70, 0)
    assert text_shape("WITH {} AS m RETURN m" + ".a" * 80) == (80, 0)
    assert text_shape("RETURN CASE WHEN true THEN CASE WHEN true THEN 1 END END")[0] == 2
    assert text_shape("RETURN 1" + "+1" * 300 + ", 2 + 2")[1] == 300
    assert text_shape("MATCH (a)-[:X]->(b) WHERE a.x = 1 AND b.y = 2 RETURN a")[1] == 3


def test_a_deeply_nested_query_is_refused_before_it_is_sent(neo4j_env: server.ServerInfo,
                                                            neo4j_driver: neo4j.Driver) -> None:
    nested = "RETURN " + "(" * 30000 + "1" + ")" * 30000  # 60 KB: the server's parser overflowed its stack
    started = time.monotonic()
    line = _one_line(_invoke("query", "--cypher", nested, "--timeout", "10"))
    assert time.monotonic() - started < HANG_GUARD
    assert line == (f"Error: the query nests 30000 levels deep (brackets, CASE, NOT or .property chains); "
                    f"casegraph sends at most {MAX_NESTING} levels, which Neo4j's parser can take")
    for text in ("RETURN " + "[" * 101 + "1" + "]" * 101, "RETURN " + "NOT " * 500 + "true",
                 "WITH {} AS m RETURN m" + ".a" * 1000, "RETURN " + "{a: " * 400 + "1" + "}" * 400):
        with pytest.raises(BoundError, match=rf"levels deep .*at most {MAX_NESTING} levels"):
            check_text(text)
    long = "RETURN '" + "a" * MAX_QUERY_CHARS + "' AS s"
    assert _one_line(_invoke("query", "--cypher", long)) == (
        f"Error: the query is {len(long):,} characters long; casegraph sends at most {MAX_QUERY_CHARS:,} "
        "(pass long lists of values as parameters)")
    chain = "RETURN 1" + "+1" * 10000 + " AS n"  # 20 KB the planner worked on for minutes
    assert _one_line(_invoke("query", "--cypher", chain)).startswith(
        f"Error: the query chains 10000 operators in one expression; casegraph sends at most {MAX_CHAIN}")
    # At the bounds the server answers: the bounds are within what its parser takes.
    deepest = "RETURN " + "(" * MAX_NESTING + "1" + ")" * MAX_NESTING + " AS one"
    assert run_query(neo4j_driver, deepest, timeout=30).rows == [[1]]
    assert run_query(neo4j_driver, "RETURN 1" + "+1" * MAX_CHAIN + " AS n", timeout=30).rows == [[MAX_CHAIN + 1]]
    assert run_query(neo4j_driver, "RETURN '" + "(" * 1000 + "' AS s", timeout=30).rows == [["(" * 1000]]


# -- item 6: a CPU-bound read the server does not stop ----------------------------------
def test_a_cpu_bound_read_returns_at_its_timeout(neo4j_driver: neo4j.Driver) -> None:
    marker = "cpu_bound_timeout"
    started = time.monotonic()
    try:
        with pytest.raises(QueryError) as refused:
            run_query(neo4j_driver, CPU_BOUND.format(marker=marker), timeout=1)
        assert time.monotonic() - started < HANG_GUARD
        # The client did not wait for the server: the server is still computing it, and says so.
        still = _running(neo4j_driver, marker)
        assert still, "the server finished before the client gave up: the test proves nothing"
        assert str(refused.value) == (
            "the query ran longer than its timeout of 1 s; casegraph stopped waiting and asked the server to end "
            "it, but the server goes on with it: Neo4j checks for the end only between rows, not while it plans "
            "a query or computes one expression such as reduce() ('casegraph neo4j stop' ends it)")
    finally:
        _wait_freed(neo4j_driver, marker)


def test_ctrl_c_ends_the_client_at_once(neo4j_env: server.ServerInfo, neo4j_driver: neo4j.Driver) -> None:
    marker = "cpu_bound_ctrl_c"
    casegraph = os.path.join(os.path.dirname(sys.executable), "casegraph")
    # The client gets Ctrl-C's default even when this run ignores SIGINT (started as a background
    # job): a caught signal, unlike an ignored one, is reset to its default in a new program.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        proc = subprocess.Popen([casegraph, "query", "--cypher", CPU_BOUND.format(marker=marker), "--timeout", "600"],
                                env=os.environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finally:
        signal.signal(signal.SIGINT, before)
    try:
        while not _running(neo4j_driver, marker):  # wait until the server computes it
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=HANG_GUARD)
        assert proc.returncode == 130, err
        assert err.strip().splitlines()[-1] == "Interrupted."
        # The client is gone while the server still computes: it did not wait for the server.
        assert _running(neo4j_driver, marker), "the server finished first: the test proves nothing"
    finally:
        if proc.poll() is None:
            proc.kill()
        _wait_freed(neo4j_driver, marker)


# -- item 9: one huge row ---------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_huge_row_is_refused_in_every_format(neo4j_env: server.ServerInfo, fmt: str) -> None:
    result = _invoke("query", "--cypher", "RETURN [x IN range(1, 5000000) | x] AS l", "--format", fmt)
    assert _one_line(result) == (
        "Error: the result is too big to hold: more than 1,000,000 values by row 1, column 'l'; narrow the query "
        "(fewer rows with LIMIT, fewer values with a slice such as list[0..100], or size() instead of the list)")


def test_many_rows_add_up_and_a_big_table_is_refused(neo4j_env: server.ServerInfo) -> None:
    many = _invoke("query", "--cypher", "UNWIND range(1, 3000) AS x RETURN range(1, 1000) AS l",
                   "--limit", "5000", "--format", "json")
    assert _one_line(many).startswith("Error: the result is too big to hold: more than 1,000,000 values by row 1,00")
    table = _invoke("query", "--cypher", "RETURN range(1, 100000) AS l")
    assert _one_line(table).startswith("Error: the result is too big to show as a table: 688,893 characters, "
                                       "more than 200,000; use --format csv or json")
    as_csv = _invoke("query", "--cypher", "RETURN range(1, 100000) AS l", "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output[-300:]
    assert as_csv.output.splitlines()[1].endswith("; 99999; 100000\"")  # every CSV cell is quoted


def test_the_budget_counts_lists_before_their_items() -> None:
    budget = Budget(max_values=1000, max_chars=100)
    budget.add([1, "ab", [2, 3], {"k": None}], row=1, column="c")
    assert (budget.values, budget.chars) == (6, 3)
    with pytest.raises(BoundError, match=r"more than 1,000 values by row 2, column 'big'"):
        budget.add([0] * 2000, row=2, column="big")
    with pytest.raises(BoundError, match=r"more than 100 characters by row 1, column 't'"):
        Budget(max_chars=100).add(["x" * 60, "y" * 60], row=1, column="t")


# Item 5 (three out-of-memory reads, then the limits still hold) runs on a server of its own in
# tests/test_server_health.py: after an OutOfMemoryError the launcher restarts the JVM.
