"""Command that draws the graph as an interactive HTML file: view."""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Any

import click

from casegraph.cli.common import force_option, graph_input, resolve_graph
from graph.text import escape_control
from graph.views.html import DEFAULT_MAX_NODES, IMPORTANCE, write_view

__all__ = ["COMMANDS"]


@click.command()
@graph_input
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), default=Path("view.html"),
              show_default=True, help="The HTML file to write (one self-contained file).")
@click.option("--open", "open_", is_flag=True, help="Open the file in the default web browser.")
@click.option("--redact", is_flag=True, help="People marked sensitive appear under pseudonyms (Person A, ...).")
@click.option("--as-of", "as_of", metavar="DATE", help="Hide facts dated after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--label", "labels", multiple=True, metavar="LABEL", help="Draw only entities of LABEL (repeatable).")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Draw only relationships of TYPE (repeatable).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=DEFAULT_MAX_NODES, show_default=True,
              help="Refuse graphs with more entities than this.")
@click.option("--heading", metavar="TEXT", help="The page title.")
@click.option("--size-by", "size_by", type=click.Choice(list(IMPORTANCE)), default="degree", show_default=True,
              help="Node size: number of facts, or betweenness (brokers between groups).")
@force_option()
def view(out: Path, open_: bool, redact: bool, as_of: str | None, labels: tuple[str, ...], types: tuple[str, ...],
         max_nodes: int, heading: str | None, size_by: str, force: bool, **graph_options: Any) -> None:
    """Write an interactive HTML view of the graph: offline, one file.

    Colour and shape by label, edges labelled by relationship type, size by
    importance; click for the evidence, search by name or alias, filter by label,
    type and date. The file is readable by its owner only; an existing one is
    replaced only with --force.

    \b
    Examples:
      casegraph view examples/crimea -o crimea.html --open
      casegraph view examples/crimea --redact --as-of 2021-12 -o redacted.html
      casegraph view --from neo4j --focus person:nariman-dzhelyal --depth 2 -o dzhelyal.html
    """
    summary = write_view(resolve_graph(**graph_options), out, redact=redact, labels=labels, types=types,
                         as_of=as_of, heading=heading, max_nodes=max_nodes,
                         importance=size_by, force=force)
    layout = "physics" if summary.physics else "precomputed layout"
    click.echo(f"wrote {escape_control(str(summary.path))}: {summary.nodes} entities, {summary.edges} facts, {layout}"
               f"{', redacted' if summary.redacted else ''} ({summary.bytes / 1e6:.1f} MB)")
    if open_:
        webbrowser.open(summary.path.resolve().as_uri())


COMMANDS = [view]
