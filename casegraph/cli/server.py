"""``casegraph neo4j start|stop|status``: the local Neo4j server."""

from __future__ import annotations

import click

from casegraph.cli.common import CONTEXT_SETTINGS, emit_json, format_option
from graph.text import escape_control

__all__ = ["COMMANDS"]


@click.group("neo4j", context_settings=CONTEXT_SETTINGS)
def neo4j_group() -> None:
    """Run a local Neo4j 5.26 server for casegraph (Bolt on 127.0.0.1 only).

    Data lives in .casegraph/neo4j/ (or $CASEGRAPH_HOME/neo4j); the generated password
    is in .casegraph/neo4j/password, readable only by you. To use another Neo4j
    instead, set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD.

    \b
    Example:
      casegraph neo4j start && casegraph load examples/crimea && casegraph neo4j stop
    """


@neo4j_group.command()
@click.option("--port", type=click.IntRange(1, 65535), help="Bolt port (default: a free one, kept across restarts).")
@click.option("--timeout", type=click.FloatRange(1), default=180.0, show_default=True, help="Seconds to wait for Bolt.")
@click.option("--browser/--no-browser", default=True, show_default=True,
              help="Serve Neo4j Browser on 127.0.0.1 as well.")
@click.option("--browser-port", type=click.IntRange(1, 65535),
              help="Neo4j Browser's port (default: a free one, kept across restarts).")
@format_option("text", "json", default="text")
def start(port: int | None, timeout: float, browser: bool, browser_port: int | None, fmt: str) -> None:
    """Build the launcher if needed and start the local server (once: a second start reuses it).

    Neo4j Browser is served on 127.0.0.1 too (unless --no-browser): open the URL this
    prints and log in as neo4j with the password from the password file.

    \b
    Example:
      casegraph neo4j start
    """
    from graph.db.server import build_launcher
    from graph.db.server import start as start_server

    if browser_port is not None and not browser:
        raise click.UsageError("--browser-port makes no sense with --no-browser")
    build_launcher()
    info = start_server(port=port, timeout=timeout, browser=browser, browser_port=browser_port)
    _show(info, fmt, "running")


@neo4j_group.command()
@format_option("text", "json", default="text")
def stop(fmt: str) -> None:
    """Stop the local server (its data stays in .casegraph/neo4j/).

    \b
    Example:
      casegraph neo4j stop
    """
    from graph.db.server import stop as stop_server

    was_running = stop_server()
    if fmt == "json":
        emit_json({"stopped": was_running})
    else:
        click.echo("stopped" if was_running else "not running")


@neo4j_group.command()
@format_option("text", "json", default="text")
def status(fmt: str) -> None:
    """Say whether the local server runs, and its Bolt URI; exit 1 if it does not, 2 if it runs
    but a database is in a critical state (after a full disk, say: then restart it).

    \b
    Example:
      casegraph neo4j status --format json
    """
    from graph.db.server import health, starting
    from graph.db.server import status as server_status

    info = server_status()
    if info is None:
        pid = starting()
        if fmt == "json":
            emit_json({"running": False, **({"starting": True, "pid": pid} if pid else {})})
        else:
            click.echo(f"not ready (pid {pid}): starting, restarting or stopping" if pid else "not running")
        raise SystemExit(1)
    problems = health(info)
    _show(info, fmt, "critical" if problems else "running", problems)
    if problems:
        raise SystemExit(2)


def _show(info, fmt: str, state: str, problems: list[str] | None = None) -> None:
    data = {
        "running": True, "bolt_uri": info.bolt_uri, "username": info.username, "pid": info.pid,
        "neo4j_version": info.neo4j_version, "password_file": str(info.password_file),
        "browser_url": info.browser_url,
    }
    if problems is not None:
        data["healthy"] = not problems
        data["problems"] = problems
    if fmt == "json":
        emit_json(data)
        return
    click.echo(f"{state}: {info.bolt_uri} (Neo4j {info.neo4j_version}, pid {info.pid})")
    for problem in problems or ():
        click.echo(f"problem: {escape_control(problem)}")
    click.echo(f"user: {info.username}; password in {info.password_file}")
    if info.browser_url:
        click.echo(f"Neo4j Browser: {info.browser_url}")


COMMANDS = [neo4j_group]
