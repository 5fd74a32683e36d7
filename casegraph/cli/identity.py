"""One actor, one node: ``xref`` lists (and with --review, judges) entities that may be one actor."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Any

import click

from casegraph.cli.common import emit_json, emit_table, format_option, graph_input, resolve_graph

__all__ = ["COMMANDS"]


def _judgements_path(paths: tuple[str, ...], given: str | None) -> Path | None:
    """The judgements file: as given, else the one in PATHS, else PATHS' first directory's."""
    from loaders.judgements import JUDGEMENT_FILES, find_judgement_files

    if given:
        return Path(given)
    found = find_judgement_files(paths)
    if found:
        return found[0]
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            return p / JUDGEMENT_FILES[0]
    return Path(paths[0]).parent / JUDGEMENT_FILES[0] if paths else None


@click.command()
@graph_input
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many pairs.")
@click.option("--min-score", "min_score", type=click.FloatRange(0, 1), default=0.6, show_default=True,
              help="Leave out pairs scored below this.")
@click.option("--judgements", "judgements", type=click.Path(dir_okay=False, path_type=str),
              help="The judgements file (default: judgements.yaml in the first directory of PATHS).")
@click.option("--review", is_flag=True, help="Walk the pending pairs and record a judgement on each.")
@click.option("--by", "by", metavar="NAME", help="Who decides, recorded with each judgement (default: your user name).")
@click.option("--redact", is_flag=True, help="Sensitive people as pseudonyms; pairs that may be them withheld.")
@format_option("table", "json")
def xref(limit: int, min_score: float, judgements: str | None, review: bool, by: str | None, redact: bool, fmt: str,
         **graph_options: Any) -> None:
    """List pairs of entities that may be one actor, best first, with the reason and sources.

    Names are compared across scripts and romanisations (Dzhelyal, Djelal, Celâl, Джелял).
    Pairs already judged are left out. With --review, each pair is asked about in turn:
    s(ame), d(ifferent), u(nsure), k (skip), q (quit); decisions go into judgements.yaml at
    once, and 'casegraph load' applies them.

    \b
    Examples:
      casegraph xref examples/crimea drafts/ --limit 20
      casegraph xref corpus/ --review --by anna
      casegraph xref --from neo4j --format json --redact
    """
    from graph.xref import xref_graph
    from loaders.judgements import pair, read_judgements

    paths: tuple[str, ...] = graph_options["paths"]
    if review and redact:
        raise click.UsageError("--review shows the names it asks about: it does not go with --redact")
    jpath = _judgements_path(paths, judgements)
    if review and jpath is None:  # before connecting to anything
        raise click.UsageError("with --from neo4j, --review needs --judgements FILE (the corpus's judgements.yaml)")
    decided: set[tuple[str, str]] = set()
    if jpath is not None and jpath.exists():
        found, problems = read_judgements(jpath)
        if problems:
            from graph.errors import CasegraphError

            f, line, msg = problems[0]
            raise CasegraphError(f"{f}:{line}: {msg}")
        decided = {pair(j.left, j.right) for j in found}
        if graph_options["origin"] == "files" and judgements:
            graph_options["paths"] = (*paths, judgements)  # so the graph is resolved by it
    g = resolve_graph(**graph_options)
    rows = xref_graph(g, decided, min_score, limit, redact=redact)
    if review:
        from loaders.identity_review import CHOICES, review_candidates

        if jpath is None:
            raise click.UsageError("with --from neo4j, --review needs --judgements FILE (the corpus's judgements.yaml)")

        def ask(prompt: str, choices: list[str]) -> str:
            return str(click.prompt(prompt, type=click.Choice(choices or CHOICES), show_choices=True))

        t = review_candidates(rows, jpath, by or os.environ.get("CASEGRAPH_USER") or getpass.getuser(), ask, click.echo)
        click.echo(f"\n{t.path}: {t.same} same, {t.different} different, {t.unsure} unsure, {t.skipped} skipped"
                   + (f", {t.refused} refused (contradiction)" if t.refused else "")
                   + "; run 'casegraph validate' and 'casegraph load' to apply them")
        return
    if fmt == "json":
        emit_json({"candidates": [c.as_dict() for c in rows], "judgements": str(jpath) if jpath else None})
        return
    emit_table(f"{len(rows)} pair{'s' if len(rows) != 1 else ''} that may be one actor (best first)",
               ["score", "left", "right", "why", "sources (left | right)"],
               [(f"{c.score:.2f}", f"{c.left_name} ({c.left})", f"{c.right_name} ({c.right})", c.reason,
                 f"{', '.join(c.left_sources)} | {', '.join(c.right_sources)}") for c in rows])


COMMANDS = [xref]
