"""``casegraph queries`` and ``casegraph query``: saved and ad-hoc Cypher against Neo4j."""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

import click

from casegraph.cli.common import emit_json, emit_table, open_store
from graph.db.bounds import DEFAULT_LIMIT, DEFAULT_TIMEOUT, MAX_TIMEOUT, BoundError, check_timeout
from graph.text import spreadsheet_cell

if TYPE_CHECKING:
    from graph.db.query import QueryResult  # imports the driver: only when a query runs

__all__ = ["COMMANDS"]


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def queries(fmt: str) -> None:
    """List the saved investigative queries (queries/*.cypher): name, title, parameters.

    \b
    Example:
      casegraph queries
      casegraph query case-defendants -p case case:dzhelyal-sabotage
    """
    from queries.registry import list_queries

    saved = list_queries()
    if fmt == "json":
        emit_json([{"name": q.name, "title": q.title, "description": q.description,
                    "parameters": [{"name": p.name, "type": p.type, "label": p.label, "meaning": p.meaning,
                                    "required": p.required, "default": p.default} for p in q.params]}
                   for q in saved])
        return
    emit_table("Saved queries (casegraph query NAME -p NAME VALUE)", ["name", "title", "parameters"],
               [(q.name, q.title, ", ".join(p.describe() for p in q.params)) for q in saved])


def _seconds(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """--timeout as a finite number of seconds; nan, inf or 1e308 is one line (a BoundError)."""
    check_timeout(value)
    return value


@click.command()
@click.argument("name", required=False)
@click.option("--cypher", metavar="QUERY", help="Run this Cypher text instead of a saved query.")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE",
              help="A parameter (repeatable). Entities by key, name or alias.")
@click.option("--write", is_flag=True, help="Let an ad-hoc query write (or load CSV, or call any procedure).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="Output format (csv: RFC 4180, one header row).")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help=f"Keep the first N rows [default: {DEFAULT_LIMIT} for --cypher, all for saved queries].")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, callback=_seconds,
              help=f"Seconds before the query is ended (more than 0, at most {MAX_TIMEOUT:,.0f}).")
def query(name: str | None, cypher: str | None, params: tuple[tuple[str, str], ...], write: bool, fmt: str,
          limit: int | None, timeout: float) -> None:
    """Run a saved query by NAME, or ad-hoc Cypher with --cypher, against Neo4j.

    Ad-hoc Cypher is read-only: it runs in a read transaction after an EXPLAIN check, and
    writes, LOAD CSV, CALL { } IN TRANSACTIONS, admin commands and procedures outside a
    small allow-list are refused unless --write is given. Ctrl-C ends the query on the server.

    \b
    Examples:
      casegraph queries
      casegraph query case-defendants -p case case:dzhelyal-sabotage
      casegraph query relationship-evidence -p a Polozov -p b Джелял --format json
      casegraph query --cypher "MATCH (p:Person) RETURN p.name AS name" --format csv
    """
    if (name is None) == (cypher is None):
        raise click.UsageError("give the NAME of a saved query or --cypher QUERY (one of them)")
    if write and name is not None:
        raise click.UsageError("--write goes with --cypher: saved queries only read")
    given = dict(params)
    with open_store() as store:
        if cypher is not None:
            from graph.db.query import run_query

            result = run_query(store.driver, cypher, given, database=store.database, write=write, timeout=timeout,
                               limit=DEFAULT_LIMIT if limit is None else limit)
            title = "Query"
        else:
            from queries.registry import run_saved

            result = run_saved(store.driver, name or "", given, database=store.database, limit=limit,
                               timeout=timeout)
            title = name or ""
    _emit(result, title, fmt)


TABLE_MAX_CHARS = 200_000  # a terminal table draws about 200,000 characters a second; csv and json hold more


def _check_table(rows: list[list[str]]) -> None:
    """Refuse, with one line, a table too big to draw in reasonable time (or to read)."""
    total = sum(len(cell) for row in rows for cell in row)
    if total > TABLE_MAX_CHARS:
        raise BoundError(f"the result is too big to show as a table: {total:,} characters, more than "
                         f"{TABLE_MAX_CHARS:,}; use --format csv or json, or narrow the query (fewer rows with "
                         "LIMIT, fewer values with a slice such as list[0..100], or size() instead of the list)")


_PLUMBING = re.compile(r"(^|_)(key|keys|claim_id|claim_ids)$")


def _emit(result: QueryResult, title: str, fmt: str) -> None:
    cut = (f"only the first {result.limit} row{'s' if result.limit != 1 else ''} are shown; "
           "more were cut (raise --limit)") if result.cut else ""
    if fmt == "json":
        emit_json({"columns": result.columns, "rows": result.records(), "cut": result.cut, "limit": result.limit})
    elif fmt == "csv":
        # For spreadsheets: every cell quoted, and one that a spreadsheet would run as a
        # formula (=, +, -, @, tab, CR first) gets a leading ' (OWASP's advice).
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)  # RFC 4180
        writer.writerow([spreadsheet_cell(str(c)) for c in result.columns])
        writer.writerows([spreadsheet_cell(str(v)) for v in row] for row in result.table())
        click.echo(out.getvalue(), nl=False)
    else:
        n = len(result.rows)
        columns, rows = result.columns, result.table()
        _check_table(rows)
        # The keys and claim ids a saved query returns last feed `--query` as graph input; the
        # table for reading leaves them out (json and csv keep them).
        keep = [i for i, c in enumerate(columns) if i == 0 or not _PLUMBING.search(c)]
        hidden = len(columns) - len(keep)
        note = f" ({hidden} key/id column{'s' if hidden != 1 else ''} in --format json or csv)" if hidden else ""
        emit_table(f"{title}: {n} row{'s' if n != 1 else ''}{note}", [columns[i] for i in keep],
                   [[row[i] for i in keep] for row in rows])
    if cut:
        click.echo(f"Note: {cut}", err=True)


COMMANDS = [queries, query]
