"""Options and output helpers shared by every command."""

from __future__ import annotations

import errno
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = ["CONTEXT_SETTINGS", "State", "format_option", "emit_table", "emit_json", "paths_argument", "open_store",
           "import_driver", "force_option", "output_under", "refuse_existing"]

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


def force_option(what: str = "the output file") -> Callable[[F], F]:
    """The one ``--force`` option: replace an existing output."""
    return click.option("--force", is_flag=True, help=f"Overwrite {what} if it exists.")


def refuse_existing(path: Path | str | None, force: bool) -> None:
    """Refuse (one line) to replace an existing ``path`` unless ``force``."""
    from graph.errors import CasegraphError

    if path is not None and not force and (Path(path).exists() or Path(path).is_symlink()):
        raise CasegraphError(f"{path} exists; not overwritten (use --force)")


# Errors that mean "the disk cannot take it", whatever file was being written.
_DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})


@contextmanager
def output_under(path: Path | str) -> Iterator[None]:
    """A full (or read-only) disk while a library call writes under ``path`` becomes one line naming it.

    For writers that report such an ``OSError`` without the file name; other errors pass.
    """
    from graph.errors import WriteError

    try:
        yield
    except WriteError:
        raise
    except OSError as exc:
        if exc.errno in _DISK_ERRNOS:
            raise WriteError(exc.filename or path, exc) from exc
        raise


def paths_argument() -> Callable[[F], F]:
    return click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))


def cache_option() -> Callable[[F], F]:
    """``--cache/--no-cache``: the validation cache of unchanged fact files (loaders.cache)."""
    return click.option("--cache/--no-cache", "use_cache", default=True, show_default=True,
                        help="Reuse the checked result of fact files unchanged since the last run "
                             "(kept under .casegraph/cache/; the result is the same either way).")


def cache_home(use_cache: bool) -> Path | None:
    """The casegraph home whose cache to use, or None for --no-cache."""
    from graph.settings import get_settings

    return get_settings().home if use_cache else None


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, default=str))


def emit_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print a table with rich; data values are printed as text, never as markup."""
    from rich.console import Console  # imported here: most commands print no table
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    rows = [list(row) for row in rows]
    for i, header in enumerate(headers):
        # Numbers line up on the right; text reads from the left.
        numeric = bool(rows) and all(_is_number(r[i]) for r in rows if i < len(r))
        table.add_column(header, justify="right" if numeric else "left")
    for row in rows:
        table.add_row(*(str(v) for v in row))
    Console(markup=False, highlight=False, soft_wrap=True).print(table)


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or bool(re.fullmatch(r"[-+]?\d[\d,]*(\.\d+)?%?|-|n/a", str(value)))


def import_driver() -> None:
    """Import the Neo4j driver without its optional pandas and numpy support: when they are
    installed the driver imports them (0.3-0.7 s, more than the rest of an unchanged load), and
    casegraph hands the driver only plain Python values and never asks it for a data frame.
    Other code may still import them later (the driver keeps doing without)."""
    import sys

    if "neo4j" in sys.modules:
        return
    blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # an import of it raises ImportError
    try:
        import neo4j  # noqa: F401
    finally:
        for name in blocked:
            del sys.modules[name]


def open_store():
    """Connect to Neo4j: NEO4J_URI and friends if set, else the local server."""
    import_driver()
    from graph.db.store import connect

    return connect()


def graph_input(fn: F) -> F:
    """The options every graph-consuming command shares: files, or Neo4j (whole, focus, Cypher)."""
    options = [
        click.argument("paths", nargs=-1, type=click.Path(path_type=str)),
        click.option("--from", "origin", type=click.Choice(["files", "neo4j"]), default="files", show_default=True,
                     help="Build the graph from fact files (PATHS) or read it back from Neo4j."),
        click.option("--focus", metavar="KEY", help="With --from neo4j: an entity key; read its neighbourhood only."),
        click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True,
                     help="With --focus: how many claim hops around the entity."),
        click.option("--cypher", metavar="QUERY",
                     help="With --from neo4j: a read-only Cypher query; the entities and claims it returns."),
        click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE",
                     help="A parameter for --cypher or --query (repeatable)."),
        # Kept out of the command's arguments (expose_value=False), so no command signature changes;
        # resolve_graph finds it in the click context.
        click.option("--query", "saved_query", metavar="NAME", expose_value=False, callback=_remember_query,
                     help="With --from neo4j: a saved query (casegraph queries); the entities and claims it returns."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _remember_query(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        ctx.meta["casegraph.saved_query"] = value
    return value


def resolve_graph(paths: tuple[str, ...], origin: str, focus: str | None, depth: int, cypher: str | None,
                  params: tuple[tuple[str, str], ...] = ()):
    """The graph a command works on, per the shared ``graph_input`` options."""
    ctx = click.get_current_context(silent=True)
    saved = ctx.meta.get("casegraph.saved_query") if ctx is not None else None
    if saved is not None:
        if origin != "neo4j" or paths or focus or cypher:
            raise click.UsageError("--query goes with --from neo4j, without PATHS, --focus or --cypher")
        from queries.registry import read_saved_graph

        with open_store() as store:
            return read_saved_graph(store, saved, dict(params))
    if origin == "files":
        if not paths:
            raise click.UsageError("give fact files or directories, or --from neo4j")
        if focus or cypher:
            raise click.UsageError("--focus and --cypher go with --from neo4j")
        from graph.build import build_graph
        from loaders.facts import load_corpus

        return build_graph(load_corpus(paths))
    if paths:
        raise click.UsageError("--from neo4j reads the database: give no PATHS")
    if focus and cypher:
        raise click.UsageError("give --focus or --cypher, not both")
    with open_store() as store:
        if focus:
            return store.read_neighbourhood(focus, depth)
        if cypher:
            return store.read_cypher(cypher, dict(params))
        return store.read_graph()
