"""Commands about fact files: validate, stats."""

from __future__ import annotations

import click

from casegraph.cli.common import (
    cache_home,
    cache_option,
    emit_json,
    emit_table,
    format_option,
    graph_input,
    paths_argument,
    resolve_graph,
)
from graph.errors import ValidationFailed

__all__ = ["COMMANDS"]


@click.command()
@paths_argument()
@format_option("text", "json", default="text")
@cache_option()
def validate(paths: tuple[str, ...], fmt: str, use_cache: bool) -> None:
    """Check fact files (or directories of them) against the ontology.

    Every problem is reported as FILE:LINE: MESSAGE; the exit status is 1 if there is any.

    \b
    Example:
      casegraph validate examples/crimea
    """
    from loaders.incremental import check  # imported here, as each command's own library: a quick start

    summary = check(paths, cache=cache_home(use_cache))
    problems, files = summary.problems, summary.files
    if fmt == "json":
        emit_json({
            "files": [str(f) for f in files],
            "valid": not problems,
            "problems": [{"file": p.file, "line": p.line, "message": p.message} for p in problems],
        })
        if problems:
            raise SystemExit(1)
        return
    if problems:
        raise ValidationFailed(problems)
    n = summary.counts
    counts = [(len(files), "file"), (n["sources"], "source"), (n["entities"], "entity"),
              (n["claims"], "claim"), (n["evidence"], "piece of evidence")]
    click.echo("OK: " + ", ".join(_plural(n, word) for n, word in counts))


def _plural(n: int, word: str) -> str:
    """'1 claim', '2 claims', '2 entities', '2 pieces of evidence'."""
    if n == 1:
        return f"1 {word}"
    if word.endswith("y"):
        return f"{n} {word[:-1]}ies"
    head, _, tail = word.partition(" ")
    return f"{n} {head}s{' ' + tail if tail else ''}"


@click.command()
@graph_input
@format_option("table", "json")
def stats(paths: tuple[str, ...], origin: str, focus: str | None, depth: int, cypher: str | None,
          params: tuple[tuple[str, str], ...], fmt: str) -> None:
    """Print counts by label and relationship type, of fact files or of the graph in Neo4j.

    \b
    Examples:
      casegraph stats examples/crimea --format json
      casegraph stats --from neo4j
      casegraph stats --from neo4j --focus person:nariman-dzhelyal --depth 2
    """
    from graph.build import graph_stats

    summary = graph_stats(resolve_graph(paths, origin, focus, depth, cypher, params))
    if fmt == "json":
        emit_json(summary)
        return
    emit_table("Nodes by label", ["label", "count"], summary["labels"].items())
    emit_table("Relationships by type", ["type", "count"], summary["types"].items())
    emit_table(
        "Totals", ["what", "count"],
        [(k, summary[k]) for k in ("nodes", "relationships", "claims", "evidence", "sources", "sensitive", "disputed")],
    )


COMMANDS = [validate, stats]
