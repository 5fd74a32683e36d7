"""Running the app under uvicorn, on loopback only."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import uvicorn

from graph.errors import CasegraphError

__all__ = ["LOOPBACK", "check_host", "free_port", "make_server", "serve"]

LOOPBACK = "127.0.0.1"


def check_host(host: str) -> None:
    """Refuse any address but loopback: the app has no user accounts yet (see the README)."""
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise CasegraphError(f"refusing to listen on {host}: casegraph serve binds to loopback only "
                             "(127.0.0.1); there are no user accounts to guard another address yet")


def free_port(host: str = LOOPBACK) -> int:
    """A port the system says is free on ``host`` now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def make_server(app: object, host: str, port: int) -> uvicorn.Server:
    """A uvicorn server for ``app`` on a loopback ``host`` (no Server header, no proxy headers)."""
    check_host(host)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,  # type: ignore[arg-type]
                            server_header=False, proxy_headers=False, lifespan="off")
    return uvicorn.Server(config)


def serve(app: object, host: str, port: int, ready: Callable[[], None] | None = None) -> None:
    """Run ``app`` under uvicorn until Ctrl-C; ``ready`` is called once it listens."""
    server = make_server(app, host, port)
    original = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await original(sockets=sockets)
        if ready is not None and server.started:
            ready()

    server.startup = startup  # type: ignore[method-assign]
    server.run()
