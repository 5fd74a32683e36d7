"""What casegraph lets a query be, take and bring back: bounds checked on the client.

Neo4j 5.26 has weak spots a hostile query can reach (issue 19):

* Its parser recurses once per level of nesting. About 300 nested parentheses or
  list brackets, 500 nested ``NOT`` or 1,000 chained ``.property`` accesses overflow
  the stack of the server's worker thread; the server then cannot even send the error
  back and the client waits for an answer that never comes. Its planner takes about
  quadratic time in the length of an operator chain (``1+1+...``: 3,000 terms take
  5 s, 10,000 over a minute, and neither a timeout nor ``TERMINATE`` stops it).
  :func:`check_text` refuses such a text, and one longer than
  :data:`MAX_QUERY_CHARS`, before it is sent.
* A timeout that is not a finite number of seconds, or an integer parameter outside
  Cypher's 64-bit range, make the driver raise ``OverflowError``:
  :func:`check_timeout` and :func:`check_values` refuse them with one line.
* One row can hold millions of values (``RETURN range(1, 20000000)``): :class:`Budget`
  counts what a result holds while it streams and stops it past :data:`MAX_VALUES`
  values or :data:`MAX_CHARS` characters, before it is rendered.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from graph.errors import StoreError

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_NESTING",
    "MAX_TIMEOUT",
    "MAX_VALUES",
    "MAX_CHARS",
    "INT_MIN",
    "INT_MAX",
    "BoundError",
    "MAX_CHAIN",
    "text_shape",
    "check_text",
    "check_timeout",
    "check_integer",
    "check_values",
    "Budget",
]

MAX_QUERY_CHARS = 65_536  # characters of Cypher text; the saved queries are under 3,000
MAX_NESTING = 100  # levels; Neo4j 5.26's parser overflows at about 300 (1 MB thread stack)
MAX_CHAIN = 250  # operators in one expression; Neo4j plans 10,000 of them for over a minute
DEFAULT_TIMEOUT = 30.0  # seconds
DEFAULT_LIMIT = 1000  # rows, for ad-hoc queries
MAX_TIMEOUT = 86_400.0  # seconds (a day): the driver sends milliseconds as a 64-bit integer
MAX_VALUES = 1_000_000  # values held of one result (each list item, map entry, property: one)
MAX_CHARS = 50_000_000  # characters of text held of one result
INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # Cypher's INTEGER

_OPEN, _CLOSE = "([{", ")]}"
_SCALARS = (int, float, bool, type(None))
_OPERATOR_CHARS = frozenset("+-*/%^=<>|~!")
_OPERATOR_WORDS = frozenset({"AND", "OR", "XOR", "IN", "STARTS", "ENDS", "CONTAINS", "IS"})
_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "SKIP", "LIMIT", "CALL",
                      "UNION", "YIELD", "WHEN", "THEN", "ELSE", "SET", "CREATE", "MERGE", "DELETE", "REMOVE",
                      "FOREACH", "LOAD", "USE", "FINISH", "SHOW", "TERMINATE"})


class BoundError(StoreError):
    """A query, a setting or a result over one of casegraph's bounds (one line)."""


def _skip(text: str, i: int) -> int:
    """The index after a string, quoted name or comment starting at ``i``, or ``i`` if none does."""
    c, n = text[i], len(text)
    if c in "'\"":
        j = i + 1
        while j < n and text[j] != c:
            j += 2 if text[j] == "\\" else 1
        return min(j + 1, n)
    if c == "`":
        end = text.find("`", i + 1)
        return n if end < 0 else end + 1
    if text.startswith("//", i):
        end = text.find("\n", i)
        return n if end < 0 else end + 1
    if text.startswith("/*", i):
        end = text.find("*/", i + 2)
        return n if end < 0 else end + 2
    return i


def text_shape(text: str) -> tuple[int, int]:
    """(nesting depth, longest operator chain) of a Cypher text, as Neo4j's parser sees it.

    Depth: each open ``(``, ``[``, ``{`` and ``CASE`` is a level; so is each ``NOT`` of
    a run (``NOT NOT x``) and each ``.name`` of a chain (``m.a.b.c``). Chain: the binary
    operators (``+``, ``=``, ``AND``, ``-->``...) of one expression, up to a comma, a
    bracket or a clause. Strings, quoted names and comments do not count.

    >>> text_shape("MATCH (n) WHERE n.name = '(((' RETURN [x IN [1] | (x)]")
    (2, 2)
    >>> text_shape("RETURN NOT NOT NOT true, m.a.b.c, 1 + 2 - 3 AND x")
    (3, 3)
    """
    deepest = depth = run = longest = 0
    ops = [0]  # operators so far in the expression of each open level
    i, n = 0, len(text)
    previous = ""  # the last token, to tell a property access from a number or a range
    while i < n:
        j = _skip(text, i)
        if j != i:
            i, previous, run = j, "value", 0
            continue
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c.isalnum() or c == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            word = text[i:j].upper()
            if previous == ".":
                run += 1  # one more link of a property chain
            elif word == "NOT":
                run = run + 1 if previous == "NOT" else 1
            elif word == "CASE":
                depth, run = depth + 1, 0
                ops.append(0)
            elif word == "END":
                depth, run = max(depth - 1, 0), 0
                if len(ops) > 1:
                    ops.pop()
            else:
                run = 0
                if word in _OPERATOR_WORDS:
                    ops[-1] += 1
                elif word in _CLAUSES:
                    ops[-1] = 0
            previous = "NOT" if word == "NOT" and previous != "." else "value"
            i = j
        elif c in _OPEN:
            depth, run, previous, i = depth + 1, 0, c, i + 1
            ops.append(0)
        elif c in _CLOSE:
            # A chain may go on after a bracket: f(x).a.b
            depth, previous, i = max(depth - 1, 0), "value", i + 1
            if len(ops) > 1:
                ops.pop()
        elif c == "." and not text.startswith("..", i) and previous == "value":
            previous, i = ".", i + 1
        elif c in _OPERATOR_CHARS:
            j = i + 1
            while j < n and text[j] in _OPERATOR_CHARS:
                j += 1
            ops[-1] += 1
            run, previous, i = 0, c, j
        else:
            if c == ",":
                ops[-1] = 0
            run, previous, i = 0, c, i + (2 if text.startswith("..", i) else 1)
        deepest = max(deepest, depth + run)
        longest = max(longest, ops[-1])
    return deepest, longest


def check_text(text: str) -> None:
    """Refuse, with one line, a Cypher text longer than :data:`MAX_QUERY_CHARS`, nested
    deeper than :data:`MAX_NESTING` or chaining more than :data:`MAX_CHAIN` operators
    in one expression (before it reaches the server)."""
    if len(text) > MAX_QUERY_CHARS:
        raise BoundError(f"the query is {len(text):,} characters long; casegraph sends at most "
                         f"{MAX_QUERY_CHARS:,} (pass long lists of values as parameters)")
    depth, chain = text_shape(text)
    if depth > MAX_NESTING:
        raise BoundError(f"the query nests {depth} levels deep (brackets, CASE, NOT or .property chains); "
                         f"casegraph sends at most {MAX_NESTING} levels, which Neo4j's parser can take")
    if chain > MAX_CHAIN:
        raise BoundError(f"the query chains {chain} operators in one expression; casegraph sends at most "
                         f"{MAX_CHAIN} (Neo4j takes minutes to plan thousands; split it, or use a list and "
                         "reduce() or any()/all())")


def check_timeout(timeout: float | None, what: str = "--timeout") -> None:
    """Refuse a timeout that is not a finite number of seconds in (0, :data:`MAX_TIMEOUT`]."""
    if timeout is None:
        return
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not math.isfinite(timeout) \
            or not 0 < timeout <= MAX_TIMEOUT:
        raise BoundError(f"{what} must be a number of seconds more than 0 and at most {MAX_TIMEOUT:,.0f}, "
                         f"not {timeout!r}")


def check_integer(value: int, what: str) -> int:
    """``value`` if Cypher can hold it (64 bits), else a one-line :class:`BoundError`."""
    if not INT_MIN <= value <= INT_MAX:
        # str() of a number of thousands of digits raises ValueError itself: show its size instead
        shown = str(value) if value.bit_length() <= 128 else f"a number of {value.bit_length()} bits"
        raise BoundError(f"{what} must be between {INT_MIN} and {INT_MAX} (Cypher's integers), not {shown}")
    return value


def check_values(params: Mapping[str, Any]) -> None:
    """Refuse a parameter holding an integer Cypher cannot hold, naming the parameter."""
    def walk(value: Any, name: str) -> None:
        if isinstance(value, int) and not isinstance(value, bool):
            check_integer(value, f"parameter '{name}'")
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, name)
        elif isinstance(value, Mapping):
            for item in value.values():
                walk(item, name)

    for key, val in params.items():
        walk(val, str(key))


class Budget:
    """Counts the values and characters a result holds; :meth:`add` raises past the bounds."""

    def __init__(self, max_values: int = MAX_VALUES, max_chars: int = MAX_CHARS) -> None:
        self.max_values, self.max_chars = max_values, max_chars
        self.values = self.chars = 0

    def add(self, value: Any, row: int, column: str) -> None:
        """Count one cell (row numbers from 1); stop as soon as a bound is passed.

        A list is counted by its length before its items are looked at, so a list of
        twenty million numbers is refused at once.
        """
        from neo4j.graph import (  # the driver is imported when a query runs, not by the CLI
            Node,
            Path,
            Relationship,
        )

        stack = [value]
        while stack:
            item = stack.pop()
            self.values += 1
            if isinstance(item, str):
                self.chars += len(item)
            elif isinstance(item, list | tuple):
                self.values += len(item) - 1 if item else 0  # the list itself is not a value
                self._check(row, column)
                for each in item:
                    if isinstance(each, str):
                        self.chars += len(each)
                    elif not isinstance(each, _SCALARS):
                        self.values -= 1  # counted again when popped
                        stack.append(each)
            elif isinstance(item, dict):
                stack.extend(item.values())
                self.chars += sum(len(str(k)) for k in item)
            elif isinstance(item, Path):
                stack.extend(item.nodes)
                stack.extend(item.relationships)
            elif isinstance(item, Node | Relationship):
                stack.extend(item.values())
                self.chars += sum(len(k) for k in item.keys())
            self._check(row, column)

    def _check(self, row: int, column: str) -> None:
        if self.values > self.max_values or self.chars > self.max_chars:
            self._refuse(row, column)

    def _refuse(self, row: int, column: str) -> None:
        what = (f"more than {self.max_values:,} values" if self.values > self.max_values
                else f"more than {self.max_chars:,} characters")
        raise BoundError(f"the result is too big to hold: {what} by row {row:,}, column '{column}'; "
                         "narrow the query (fewer rows with LIMIT, fewer values with a slice such as "
                         "list[0..100], or size() instead of the list)")
