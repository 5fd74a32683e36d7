"""``casegraph load``: fact files into Neo4j."""

from __future__ import annotations

import sys

import click

from casegraph.cli.common import (
    cache_home,
    cache_option,
    emit_json,
    emit_table,
    format_option,
    open_store,
    paths_argument,
)

__all__ = ["COMMANDS"]


@click.command()
@paths_argument()
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--full", is_flag=True,
              help="Check every source against the database, even those whose digest says they are loaded.")
@click.option("--bulk", is_flag=True,
              help="First load into an empty local database with Neo4j's import tool (stops and restarts "
                   "the local server); pays off for big first loads (hundreds of thousands of claims).")
@format_option("table", "json")
@cache_option()
def load(paths: tuple[str, ...], progress: bool | None, full: bool, bulk: bool, fmt: str, use_cache: bool) -> None:
    """Validate fact files, then load them into Neo4j (nothing is written if any file is invalid).

    Loading is idempotent: loading the same files again changes nothing. Re-loading an
    edited file replaces what that source says; other sources' evidence is untouched.
    Neo4j is the local server ('casegraph neo4j start') or NEO4J_URI / NEO4J_USERNAME /
    NEO4J_PASSWORD.

    With --bulk, a first load into an empty database of the local server goes through
    Neo4j's import tool instead (the server is stopped meanwhile); it is refused on a
    database that is not empty, with NEO4J_URI, and while another load runs. Later loads
    of the same or edited files are ordinary loads.

    \b
    Examples:
      casegraph load examples/crimea
      casegraph load --bulk big-corpus/
    """
    if bulk:
        if full:
            raise click.UsageError("--full and --bulk do not go together (--bulk is a first load)")
        from graph.db.bulk import bulk_load
        from graph.db.server import status
        from loaders.facts import load_corpus

        summary = bulk_load(load_corpus(paths, cache=cache_home(use_cache)))
        info = status()
        _report(summary.as_dict(), info.bolt_uri if info else "the local Neo4j", fmt)
        return
    from loaders.incremental import load_files

    summary, uri = load_files(paths, open_store, cache=cache_home(use_cache), full=full,
                              progress=sys.stderr.isatty() if progress is None else progress)
    _report(summary.as_dict(), uri, fmt)


def _report(data: dict[str, dict[str, int]], uri: str, fmt: str) -> None:
    if fmt == "json":
        emit_json({"uri": uri, **data})
        return
    kinds = ("sources", "entities", "mentions", "claims", "evidence")
    emit_table(
        f"Loaded into {uri}", ["", *kinds],
        [(what, *(data[what][k] for k in kinds)) for what in ("created", "updated", "removed", "unchanged")],
    )


COMMANDS = [load]
