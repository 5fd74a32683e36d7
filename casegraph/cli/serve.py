"""Command that runs the local investigation app: serve."""

from __future__ import annotations

import webbrowser

import click

from casegraph.cli.common import open_store

__all__ = ["COMMANDS"]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only loopback is accepted (there are no user accounts yet).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--open", "open_", is_flag=True, help="Open the app in the default web browser.")
@click.option("--redact", is_flag=True,
              help="Every answer passes the redaction filter: people marked sensitive only as pseudonyms.")
def serve(host: str, port: int, open_: bool, redact: bool) -> None:
    """Run the investigation app over Neo4j: search, expand, evidence, connect.

    Listens on 127.0.0.1 and prints a URL with a one-time token; open it in a browser
    on this machine. Uses NEO4J_URI and friends if set, else the local server
    (`casegraph neo4j start`). Stop with Ctrl-C.

    \b
    Examples:
      casegraph serve --open
      casegraph serve --redact --port 9000
    """
    from casegraph.app import Access, create_app
    from casegraph.app import serve as run
    from casegraph.app.run import check_host, free_port
    from graph.db.explore import Explorer

    check_host(host)
    port = port or free_port(host)
    with open_store() as store:
        explorer = Explorer(store, redact=redact)
        explorer.index()  # fail here, in one line, if Neo4j cannot be read
        access = Access(host=host, port=port)
        url = access.url()

        def ready() -> None:
            click.echo(f"casegraph serve{' (redacted)' if redact else ''}: open {url}")
            click.echo("Stop with Ctrl-C.")
            if open_:
                webbrowser.open(url)

        run(create_app(explorer, access), host, port, ready=ready)


COMMANDS = [serve]
