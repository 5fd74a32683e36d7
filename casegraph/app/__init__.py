"""``casegraph serve``: the local investigation app (search, expand, evidence, connect).

:func:`create_app` builds the ASGI app over a :class:`graph.db.explore.Explorer`; every
request first passes :class:`casegraph.app.security.Guard`. :func:`serve` runs it under
uvicorn on a loopback address.
"""

from __future__ import annotations

from casegraph.app.routes import create_app
from casegraph.app.run import LOOPBACK, serve
from casegraph.app.security import Access, Guard

__all__ = ["create_app", "serve", "Access", "Guard", "LOOPBACK"]
