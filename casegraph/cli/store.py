"""``casegraph load``: fact files into Neo4j."""

from __future__ import annotations

import sys

import click

from casegraph.cli.common import emit_json, emit_table, format_option, open_store, paths_argument

__all__ = ["COMMANDS"]


@click.command()
@paths_argument()
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--full", is_flag=True,
              help="Check every source against the database, even those whose digest says they are loaded.")
@format_option("table", "json")
def load(paths: tuple[str, ...], progress: bool | None, full: bool, fmt: str) -> None:
    """Validate fact files, then load them into Neo4j (nothing is written if any file is invalid).

    Loading is idempotent: loading the same files again changes nothing. Re-loading an
    edited file replaces what that source says; other sources' evidence is untouched.
    Neo4j is the local server ('casegraph neo4j start') or NEO4J_URI / NEO4J_USERNAME /
    NEO4J_PASSWORD.

    \b
    Example:
      casegraph load examples/crimea
    """
    from loaders.facts import load_corpus

    corpus = load_corpus(paths)
    with open_store() as store:
        summary = store.load(corpus, progress=sys.stderr.isatty() if progress is None else progress, full=full)
        data = summary.as_dict()
        if fmt == "json":
            emit_json({"uri": store.uri, **data})
            return
        kinds = ("sources", "entities", "mentions", "claims", "evidence")
        emit_table(
            f"Loaded into {store.uri}", ["", *kinds],
            [(what, *(data[what][k] for k in kinds)) for what in ("created", "updated", "removed", "unchanged")],
        )


COMMANDS = [load]
