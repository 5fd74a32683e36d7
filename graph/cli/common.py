"""Options and output helpers shared by every command."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

__all__ = ["CONTEXT_SETTINGS", "State", "format_option", "emit_table", "emit_json", "paths_argument"]

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class State:
    verbose: bool = False


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """The one ``--format`` option every command shares."""
    choices = choices or ("table", "json")
    return click.option(
        "--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
        help="Output format.",
    )


def paths_argument() -> Callable[[F], F]:
    return click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, default=str))


def emit_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print a table with rich; data values are printed as text, never as markup."""
    table = Table(title=title, title_justify="left")
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i else "left")
    for row in rows:
        table.add_row(*(str(v) for v in row))
    Console(markup=False, highlight=False, soft_wrap=True).print(table)
