"""Commands that take the graph elsewhere and bring FtM data in: export, import-ftm."""

from __future__ import annotations

import click

from casegraph.cli.common import graph_input, output_under, resolve_graph
from graph.exporters import EXPORTERS, export_graph, format_for_path
from graph.text import escape_control
from loaders.ftm import import_ftm as import_ftm_file

__all__ = ["COMMANDS"]


@click.command()
@graph_input
@click.option("--to", "fmt", type=click.Choice(list(EXPORTERS)),
              help="Format (else from the -o file ending: .graphml .gexf .json .csv .cypher .ftm.json).")
@click.option("-o", "--output", "out", required=True, metavar="FILE|DIR|-",
              help="A file, a directory (csv writes a folder of neo4j-admin import files there), or - for stdout.")
@click.option("--label", "labels", multiple=True, metavar="LABEL", help="Keep only nodes of this label (repeatable).")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Keep only relationships of this type (repeatable).")
@click.option("--as-of", "day", metavar="DATE", help="The graph as its sources knew it on DATE (YYYY[-MM[-DD]]).")
@click.option("--redact", is_flag=True, help="Pseudonymise sensitive people in every file of the export.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def export(paths: tuple[str, ...], origin: str, focus: str | None, depth: int, cypher: str | None,
           params: tuple[tuple[str, str], ...], fmt: str | None, out: str, labels: tuple[str, ...],
           types: tuple[str, ...], day: str | None, redact: bool, force: bool) -> None:
    """Export a (cut of the) graph with its provenance: GraphML, GEXF, node-link JSON,
    neo4j-admin CSV, a Cypher script, or FollowTheMoney JSON lines.

    \b
    Examples:
      casegraph export examples/crimea -o crimea.graphml
      casegraph export examples/crimea --to csv -o crimea-csv/ --redact
      casegraph export examples/crimea --to cypher -o - --type DEFENDS --type COUNSEL_IN
      casegraph export --from neo4j --focus person:nariman-dzhelyal --depth 2 -o dzhelyal.gexf
      casegraph export examples/crimea --as-of 2021-12-31 -o crimea.ftm.json
    """
    fmt = fmt or format_for_path(out)
    g = resolve_graph(paths, origin, focus, depth, cypher, params)
    result = export_graph(g, fmt, out, redact=redact, labels=labels, types=types, day=day, force=force)
    if out != "-":
        click.echo(f"wrote {escape_control(', '.join(result.files))} ({result.format}: {result.nodes} nodes, "
                   f"{result.relationships} relationships)")
    for note in result.notes:
        click.echo(note, err=True)


@click.command(name="import-ftm")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=str))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=str),
              help="Directory for the fact files (one per source).")
@click.option("--force", is_flag=True, help="Overwrite existing fact files.")
def import_ftm(file: str, out: str, force: bool) -> None:
    """Turn FollowTheMoney entities (JSON lines, e.g. from OpenSanctions) into fact files.

    Their ids become keys and their datasets (or articles) sources; the files validate
    and load like any other. A broken line is refused with its number, and nothing
    is written.

    \b
    Example:
      casegraph import-ftm judges.ftm.json -o facts/judges
      casegraph validate facts/judges
    """
    with output_under(out):
        summary = import_ftm_file(file, out, force=force)
    click.echo(f"wrote {len(summary.files)} fact file{'s' if len(summary.files) != 1 else ''} in {escape_control(out)}: "
               f"{summary.sources} sources, {summary.entities} entities, {summary.claims} claims")


COMMANDS = [export, import_ftm]
