"""Command that writes a synthetic corpus: synth."""

from __future__ import annotations

from pathlib import Path

import click

from casegraph.cli.common import emit_table, output_under
from graph.text import escape_control
from loaders.synth import FORMATS, write_corpus

__all__ = ["COMMANDS"]


@click.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--claims", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Claim entries to write (pieces of evidence; repeated facts count once per source).")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed: a seed always gives the same files.")
@click.option("--per-source", type=click.IntRange(min=1), default=20, show_default=True,
              help="Claims per source file at most.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="yaml", show_default=True,
              help="Fact file format to write.")
def synth(out_dir: Path, claims: int, seed: int, per_source: int, fmt: str) -> None:
    """Write a synthetic corpus of fact files into OUT_DIR (which must hold no fact files yet).

    Fictional people, organisations and places with name variants across scripts
    (Cyrillic, dzh/j/c, -ov/-off, typos), a few hubs that appear in many claims, and
    facts repeated across sources, some with disagreeing dates. For tests and
    benchmarks; the files validate like real ones.

    \b
    Example:
      casegraph synth /tmp/corpus --claims 100000 --seed 1
      casegraph validate /tmp/corpus
    """
    with output_under(out_dir):
        summary = write_corpus(out_dir, claims, seed=seed, claims_per_source=per_source, fmt=fmt)
    emit_table(
        f"Synthetic corpus in {escape_control(str(summary.out_dir))} ({summary.seconds:.1f} s)", ["what", "count"],
        [
            ("files", summary.files),
            ("sources", summary.sources),
            ("claims (evidence)", summary.claims),
            ("distinct claims", summary.distinct_claims),
            ("claims from 2+ sources", summary.repeated_claims),
            ("disputed claims", summary.disputed_claims),
            ("entities", summary.entities),
            ("sensitive entities", summary.sensitive_entities),
            ("generic entities", summary.generic_entities),
            ("MB written", f"{summary.bytes / 1e6:.1f}"),
        ],
    )


COMMANDS = [synth]
