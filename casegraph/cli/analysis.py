"""Commands of network analysis: analyze (key actors, brokers, communities) and connect (paths with evidence)."""

from __future__ import annotations

from pathlib import Path

import click

from casegraph.cli.common import (
    emit_json,
    emit_table,
    force_option,
    format_option,
    graph_input,
    output_under,
    refuse_existing,
    resolve_graph,
)
from graph.analysis import PROJECTIONS, write_report
from graph.analysis import analyze as analyze_graph
from graph.analysis import connect as connect_entities
from graph.analysis.measures import COMMUNITY_ALGORITHMS
from graph.analysis.report import connect_lines, method_note, plain
from graph.redact import exit_graph

__all__ = ["COMMANDS"]


@click.command()
@graph_input
@click.option("--projection", type=click.Choice(list(PROJECTIONS)),
              help="Analyse a one-mode projection instead of the entity graph.")
@click.option("--exclude-generic", is_flag=True, help="Leave out generic collective actors (they make fake hubs).")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="Rows per ranking.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of communities and sampling.")
@click.option("--pivots", type=click.IntRange(1),
              help="Estimate betweenness from this many random source nodes (default: exact when cheap).")
@click.option("--algorithm", type=click.Choice(list(COMMUNITY_ALGORITHMS)), default="leiden", show_default=True,
              help="Community detection algorithm.")
@click.option("--report", "report", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write a Markdown report to this file.")
@click.option("--redact", is_flag=True, help="Show sensitive people as pseudonyms (Person A, ...).")
@force_option("the --report file")
@format_option("table", "json")
def analyze(paths: tuple[str, ...], origin: str, focus: str | None, depth: int, cypher: str | None,
            params: tuple[tuple[str, str], ...], projection: str | None, exclude_generic: bool, top: int,
            seed: int, pivots: int | None, algorithm: str, report: Path | None, redact: bool, force: bool,
            fmt: str) -> None:
    """Key actors (degree), brokers (betweenness) and communities of the graph.

    Runs on the entity graph (claims as ties, weighted by independent sources), or on a
    projection: co-defendants, shared-defence, co-membership, shared-events.

    \b
    Examples:
      casegraph analyze examples/crimea
      casegraph analyze examples/crimea --exclude-generic --projection shared-events
      casegraph analyze --from neo4j --report network.md --redact
    """
    refuse_existing(report, force)  # before the work, not after
    g = exit_graph(resolve_graph(paths, origin, focus, depth, cypher, params), redact=redact)
    result = analyze_graph(g, projection=projection, exclude_generic=exclude_generic, top=top, seed=seed,
                           pivots=pivots, algorithm=algorithm)
    if report is not None:
        refuse_existing(report, force)
        with output_under(report):
            write_report(result, report, groups=top)
    if fmt == "json":
        emit_json(result)
        return
    info = result["graph"]
    click.echo(plain(f"{info['analysed']}: {info['nodes']} nodes, {info['edges']} ties, "
                     f"{info['components']} components; weight = {info['weight']}"))
    if info["excluded_generic"]:
        click.echo(plain("left out (generic): " + ", ".join(e["name"] for e in info["excluded_generic"])))
    emit_table("Key actors by degree", ["entity", "label", "degree", "strength"],
               [(r["name"], r["label"], r["degree"], r["strength"]) for r in result["degree"]])
    emit_table("Brokers by betweenness", ["entity", "label", "betweenness"],
               [(r["name"], r["label"], f"{r['betweenness']:.4f}") for r in result["betweenness"]["ranking"]])
    click.echo(plain(method_note(result["betweenness"])))
    found = result["communities"]
    if not found["groups"]:
        click.echo("no communities of two or more: the graph has no ties")
    else:
        emit_table(f"Communities ({found['algorithm']}, seed {found['seed']}, modularity {found['modularity']:.3f})",
                   ["#", "size", "members", "cases", "events"],
                   [(c["id"], c["size"], _few(c["members"]), _few(c["cases"]), _few(c["events"]))
                    for c in found["groups"][:top]])
    if report is not None:
        click.echo(plain(f"report written to {report}"))


def _few(items: list[dict], n: int = 4) -> str:
    shown = ", ".join(str(i["name"]) for i in items[:n])
    return shown + (f" (+{len(items) - n})" if len(items) > n else "")


@click.command()
@click.argument("a")
@click.argument("b")
@graph_input
@click.option("-k", "k", type=click.IntRange(1), default=3, show_default=True, help="How many shortest paths.")
@click.option("--as-of", "day", metavar="DATE", help="Only facts whose evidence is dated on or before DATE.")
@click.option("--dated-only", is_flag=True, help="Leave out undated facts (otherwise kept and marked undated).")
@click.option("--max-hops", type=click.IntRange(1), help="Longest path to show.")
@click.option("--via", "via", metavar="LABEL", help="Only paths through an entity of this label (e.g. LegalCase).")
@click.option("--exclude-generic", is_flag=True, help="Leave out generic collective actors.")
@click.option("--redact", is_flag=True, help="Show sensitive people as pseudonyms (Person A, ...).")
@format_option("table", "json")
def connect(a: str, b: str, paths: tuple[str, ...], origin: str, focus: str | None, depth: int,
            cypher: str | None, params: tuple[tuple[str, str], ...], k: int, day: str | None, dated_only: bool,
            max_hops: int | None, via: str | None, exclude_generic: bool, redact: bool, fmt: str) -> None:
    """How A is connected to B: the k shortest paths, each hop with its evidence.

    A and B are entity keys, names or aliases (any script). Each hop lists its claims
    with source title, quote, speaker and date.

    \b
    Examples:
      casegraph connect Chalgozov Polozov examples/crimea
      casegraph connect Chalgozov Polozov examples/crimea --via LegalCase --as-of 2022-01
      casegraph connect person:kurtumer-chalgozov Polozov --from neo4j --format json
    """
    g = resolve_graph(paths, origin, focus, depth, cypher, params)
    result = connect_entities(g, a, b, k=k, day=day, dated_only=dated_only, max_hops=max_hops, via=via,
                              exclude_generic=exclude_generic, redact=redact)
    if fmt == "json":
        emit_json(result)
        return
    for line in connect_lines(result):
        click.echo(line)


COMMANDS = [analyze, connect]
