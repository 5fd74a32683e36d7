"""The ``casegraph`` command line: a thin layer over the library.

Each command parses options, calls one library function and prints. Library errors
(:class:`~graph.errors.CasegraphError`) become a one-line ``Error: ...`` and exit
status 1 here, and only here; ``--verbose`` adds the traceback. An ``OSError`` that
no library writer turned into a :class:`~graph.errors.WriteError` (a full disk under
standard output, say) gets the same one line, as a last resort.
"""

from __future__ import annotations

import os
import sys
import traceback

import click

from casegraph.cli.common import CONTEXT_SETTINGS, State
from graph.errors import CasegraphError, ValidationFailed
from graph.text import escape_control

__all__ = ["cli", "main"]


class CasegraphGroup(click.Group):
    """A click group that reports casegraph errors as one line (also under CliRunner)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = list(sys.argv[1:] if args is None else args)
        verbose = "-v" in argv or "--verbose" in argv
        try:
            result = super().main(args=argv, prog_name=prog_name or "casegraph", complete_var=complete_var,
                                  standalone_mode=False, **extra)
            sys.stdout.flush()  # a full disk under stdout shows here, not as a traceback at exit
            return result
        except ValidationFailed as exc:
            for problem in exc.problems:
                click.echo(escape_control(str(problem)), err=True)
            files = len({p.file for p in exc.problems})
            n = len(exc.problems)
            click.echo(
                f"Error: {n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}; "
                "nothing was loaded", err=True,
            )
            sys.exit(1)
        except CasegraphError as exc:
            if verbose:
                traceback.print_exc()
            click.echo(f"Error: {escape_control(str(exc))}", err=True)  # data never reaches the terminal raw
            sys.exit(1)
        except click.exceptions.Abort as exc:
            if isinstance(exc.__context__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
                click.echo("Interrupted.", err=True)
                sys.exit(130)
            click.echo("Aborted.", err=True)
            sys.exit(1)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)
        except OSError as exc:
            if verbose:
                traceback.print_exc()
            _report_os_error(exc)
            sys.exit(1)


def _report_os_error(exc: OSError) -> None:
    """One line for an OSError that reached the CLI boundary: the file (if known) and the reason."""
    reason = os.strerror(exc.errno).lower() if exc.errno else str(exc) or type(exc).__name__
    where = exc.filename
    if where is None and _raised_writing_stdout(exc):
        where = "standard output"
        # Keep the interpreter's own flush at exit from failing (and printing) again.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
    prefix = f"{escape_control(str(where))}: " if where is not None else ""
    click.echo(f"Error: {prefix}{escape_control(reason)}", err=True)


def _raised_writing_stdout(exc: BaseException) -> bool:
    """Whether a frame of the traceback was writing to standard output (the write itself is C code)."""
    streams = [s for s in (sys.stdout, getattr(sys.stdout, "buffer", None)) if s is not None]
    tb = exc.__traceback__
    while tb is not None:
        for value in tb.tb_frame.f_locals.values():
            try:
                stream = value.file if type(value).__name__ == "Console" else value  # rich's Console writes to .file
            except Exception:  # noqa: BLE001 - any odd local: not a stream
                continue
            if any(stream is s for s in streams):
                return True
        tb = tb.tb_next
    return False


@click.group(cls=CasegraphGroup, context_settings=CONTEXT_SETTINGS)
@click.option("-v", "--verbose", is_flag=True, help="Show details (and tracebacks on errors).")
@click.version_option(package_name="casegraph")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """casegraph: what articles say about people, organisations and legal cases,
    as an evidence-backed knowledge graph.

    \b
    Example:
      casegraph validate examples/crimea
      casegraph stats examples/crimea --format json
    """
    ctx.obj = State(verbose=verbose)


# Which theme module holds which command, so that running one command imports its module only
# (``casegraph validate`` need not import NetworkX, the exporters or the extractors). Only a
# shortcut: a command missing here, or moved, is still found by importing every theme module
# (tests/test_cache.py checks that this table is complete).
COMMAND_MODULES = {
    "analyze": "analysis", "connect": "analysis", "eval-extract": "extract", "export": "export",
    "extract": "extract", "import-ftm": "export", "load": "store", "neo4j": "server", "queries": "query",
    "query": "query", "review": "extract", "serve": "serve", "stats": "facts", "synth": "synth",
    "validate": "facts", "view": "view", "xref": "identity",
}


def _add_module(name: str) -> None:
    """Add the commands of one theme module of this package (it lists its ``COMMANDS``)."""
    import importlib

    module = importlib.import_module(f"{__name__}.{name}")
    for command in getattr(module, "COMMANDS", ()):
        dict.__setitem__(_COMMANDS, command.name, command)


def _register() -> None:
    """Add the commands of every theme module in this package.

    A new command goes into a module of its own theme here; nothing else needs editing.
    """
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        _add_module(info.name)


class _Commands(dict[str, click.Command]):
    """The group's commands, imported when first asked for: one by name imports its module
    (see ``COMMAND_MODULES``), anything else (a listing, ``--help``) imports them all."""

    complete = False

    def _all(self) -> None:
        if not self.complete:
            self.complete = True
            _register()

    def get(self, name: str, default: click.Command | None = None) -> click.Command | None:  # type: ignore[override]
        if not dict.__contains__(self, name) and name in COMMAND_MODULES:
            _add_module(COMMAND_MODULES[name])
        if not dict.__contains__(self, name):
            self._all()
        return dict.get(self, name, default)

    def __getitem__(self, name: str) -> click.Command:
        found = self.get(name)
        if found is None:
            raise KeyError(name)
        return found

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __iter__(self):  # noqa: ANN204 - dict's own
        self._all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._all()
        return dict.__len__(self)

    def keys(self):  # noqa: ANN202 - dict's own
        self._all()
        return dict.keys(self)

    def values(self):  # noqa: ANN202 - dict's own
        self._all()
        return dict.values(self)

    def items(self):  # noqa: ANN202 - dict's own
        self._all()
        return dict.items(self)


_COMMANDS = _Commands()
cli.commands = _COMMANDS


def main() -> None:
    """Console entry point."""
    # The driver logs retries and lost connections as warnings; casegraph reports them as
    # one line of its own (or, with --verbose, as a traceback).
    import logging

    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    words = [a for a in sys.argv[1:] if not a.startswith("-")]
    if words[:1] == ["load"] and "pandas" not in sys.modules:
        # The Neo4j driver imports pandas when it is installed (for Result.to_df, which `load` never
        # calls): over half a second of every load's start. Marked missing, the driver goes without.
        sys.modules["pandas"] = None  # type: ignore[assignment]
    cli()
