"""Command that runs the local investigation app: serve."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import click

from casegraph.cli.common import open_store

__all__ = ["COMMANDS"]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on: loopback, or with --users the one IPv4 address the app is reached at.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--open", "open_", is_flag=True, help="Open the app in the default web browser.")
@click.option("--redact", is_flag=True,
              help="Every answer passes the redaction filter: people marked sensitive only as pseudonyms.")
@click.option("--users", "users_file", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
              help="User accounts (NAME ROLE ARGON2-HASH a line; role viewer or editor): log-in by "
                   "password instead of a token; viewers always get redacted answers.")
@click.option("--drafts", "drafts", type=click.Path(file_okay=False, exists=True, path_type=str), metavar="DIR",
              help="Also review the drafts in DIR (from 'casegraph extract') at /review: editors and the "
                   "token holder only; not with --redact.")
def serve(host: str, port: int, open_: bool, redact: bool, users_file: str | None, drafts: str | None) -> None:
    """Run the investigation app over Neo4j: search, expand, evidence, connect.

    Listens on 127.0.0.1 and prints a URL with a one-time token; open it in a browser
    on this machine. With --users FILE, people log in by name and password instead
    (and --host may be another address; use it only on a trusted network: there is no TLS). Uses NEO4J_URI and friends if set, else the local server
    (`casegraph neo4j start`). Stop with Ctrl-C.

    \b
    Examples:
      casegraph serve --open
      casegraph serve --redact --port 9000
      casegraph serve --drafts drafts/
    """
    from casegraph.app import Access, create_app
    from casegraph.app import serve as run
    from casegraph.app.run import check_host, free_port
    from casegraph.app.users import Users
    from graph.db.explore import Explorer

    if drafts and redact:
        raise click.UsageError("--drafts shows drafts as written: it does not go with --redact")
    users = Users.load(users_file) if users_file else None
    check_host(host, accounts=users is not None)
    port = port or free_port(host)
    with open_store() as store:
        explorer = Explorer(store, redact=redact)
        explorer.index()  # fail here, in one line, if Neo4j cannot be read
        viewer = (explorer if redact else Explorer(store, redact=True)) if users else None
        if viewer is not None and viewer is not explorer:
            viewer.index()  # the viewers' redaction filter, built before the first viewer waits for it
        access = Access(host=host, port=port, users=users)
        url = f"http://{host}:{port}/login" if users else access.url()

        def ready() -> None:
            click.echo(f"casegraph serve{' (redacted)' if redact else ''}: open {url}")
            if drafts:
                click.echo(f"Drafts of {drafts} to review at http://{host}:{port}/review")
            click.echo("Stop with Ctrl-C.")
            if open_:
                webbrowser.open(url)

        app = create_app(explorer, access, viewer=viewer, drafts=Path(drafts) if drafts else None)
        run(app, host, port, ready=ready, accounts=users is not None)


COMMANDS = [serve]
