"""Running the app under uvicorn, on loopback only."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import uvicorn

from graph.errors import CasegraphError

__all__ = ["LOOPBACK", "check_host", "free_port", "make_server", "serve"]

LOOPBACK = "127.0.0.1"


def check_host(host: str, accounts: bool = False) -> None:
    """Refuse an address other than loopback unless there are user accounts (``--users``);
    with accounts, refuse the unspecified addresses too (0.0.0.0, ::): the Host header
    allow-list needs the one address the app is reached at."""
    if host == "localhost":
        return
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise CasegraphError(f"--host must be an IP address or localhost, not {host[:60]!r}") from None
    if address.is_loopback:
        return
    if not accounts:
        raise CasegraphError(f"refusing to listen on {host}: without --users FILE, casegraph serve binds "
                             "to loopback only (127.0.0.1)")
    if address.is_unspecified or address.version != 4:
        raise CasegraphError(f"refusing to listen on {host}: give the one IPv4 address the app is reached at")


def free_port(host: str = LOOPBACK) -> int:
    """A port the system says is free on ``host`` now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def make_server(app: object, host: str, port: int, accounts: bool = False) -> uvicorn.Server:
    """A uvicorn server for ``app`` on ``host`` (see :func:`check_host`; no Server header, no proxy headers)."""
    check_host(host, accounts)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,  # type: ignore[arg-type]
                            server_header=False, proxy_headers=False, lifespan="off")
    return uvicorn.Server(config)


def serve(app: object, host: str, port: int, ready: Callable[[], None] | None = None,
          accounts: bool = False) -> None:
    """Run ``app`` under uvicorn until Ctrl-C; ``ready`` is called once it listens."""
    server = make_server(app, host, port, accounts)
    original = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await original(sockets=sockets)
        if ready is not None and server.started:
            ready()

    server.startup = startup  # type: ignore[method-assign]
    server.run()
