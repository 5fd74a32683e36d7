"""The app's guard, in front of every request (Jupyter's model, and more).

* Host allow-list: only ``127.0.0.1:PORT`` and ``localhost:PORT`` (a DNS-rebinding
  page on another name reaches the port but not the app).
* A random token, given once in the printed URL (``/?token=...``), becomes an HttpOnly,
  SameSite=Strict cookie; every request without the cookie is refused (401).
* A request that is not GET/HEAD also needs an ``Origin`` header that is this app's, and
  the CSRF token of its own session in ``X-CSRF-Token``: an HMAC of the session cookie
  under a secret of this server (:meth:`Access.csrf_for`), so one session's token is
  refused with another's cookie. Each browser that opens the token URL gets a session of
  its own; the log-in form's token is bound to a log-in cookie of its own the same way.
* Every answer carries a strict Content-Security-Policy (only this origin's own scripts
  and styles, no inline script, no framing), ``nosniff`` and ``no-store``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.datastructures import URL, Headers
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from casegraph.app.users import Users

__all__ = ["Access", "Guard", "SECURITY_HEADERS", "ROLE"]

ROLE = "casegraph.role"  # where the guard leaves the logged-in user's role in the request scope

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "no-store",
}
SAFE_METHODS = frozenset({"GET", "HEAD"})


@dataclass(frozen=True)
class Access:
    """Who may talk to one running app: its address, its token and its CSRF token."""

    host: str
    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)  # keys the CSRF tokens
    users: Users | None = None  # with accounts, log-in is by name and password, not by token
    # Session ids given to browsers that opened the token URL (the token itself is accepted as
    # the cookie too, for scripts). Kept in memory: a restart asks for the URL again.
    sessions: set[str] = field(default_factory=set, compare=False, repr=False)

    @property
    def cookie(self) -> str:
        # One cookie per port: two apps on one machine do not log each other out.
        return f"casegraph_token_{self.port}"

    @property
    def login_cookie(self) -> str:
        """The cookie the log-in form's CSRF token is bound to (before there is a session)."""
        return f"casegraph_login_{self.port}"

    def csrf_for(self, session: str) -> str:
        """The CSRF token of the session whose cookie value is ``session``."""
        return hmac.new(self.secret.encode(), b"csrf\0" + session.encode(), hashlib.sha256).hexdigest()

    def csrf_of(self, request: Request) -> str:
        """The CSRF token of ``request``'s session (for the page it is given)."""
        return self.csrf_for(request.cookies.get(self.cookie, ""))

    @property
    def hosts(self) -> frozenset[str]:
        names = {self.host, "127.0.0.1", "localhost"} if self.host in ("127.0.0.1", "localhost") else {self.host}
        return frozenset(f"{name}:{self.port}" for name in names)

    @property
    def origins(self) -> frozenset[str]:
        return frozenset(f"http://{host}" for host in self.hosts)

    def url(self) -> str:
        """The URL to open: it carries the token once."""
        return f"http://{self.host}:{self.port}/?{urlencode({'token': self.token})}"


class Guard:
    """ASGI middleware: refuse what :class:`Access` does not admit; add security headers."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1") not in SECURITY_HEADERS]
                headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        refusal = self.check(Request(scope))
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def check(self, request: Request) -> Response | None:
        """The refusal (or the log-in redirect) for ``request``, or None to let it through."""
        headers: Headers = request.headers
        if headers.get("host", "") not in self.access.hosts:
            return PlainTextResponse("Forbidden: this host name is not allowed.", status_code=403)
        if self.access.users is not None:
            refusal = self._check_user(request)
            if refusal is not None:
                return refusal
            return self._check_post(request) if request.url.path != "/login" else None
        token = request.query_params.get("token")
        if token is not None:
            if not secrets.compare_digest(token.encode(), self.access.token.encode()):
                return PlainTextResponse("Forbidden: wrong token.", status_code=403)
            # The token goes into a cookie and out of the address bar (and the history).
            target = URL(scope=request.scope).remove_query_params("token")
            response = RedirectResponse(str(target.path) + (f"?{target.query}" if target.query else ""),
                                        status_code=303)
            session = secrets.token_urlsafe(32)
            self.access.sessions.add(session)
            response.set_cookie(self.access.cookie, session, httponly=True, samesite="strict", path="/")
            return response
        cookie = request.cookies.get(self.access.cookie, "")
        if cookie not in self.access.sessions and not secrets.compare_digest(cookie.encode(),
                                                                             self.access.token.encode()):
            return PlainTextResponse("Unauthorised: open the URL that `casegraph serve` printed (it carries the token).",
                                     status_code=401)
        return self._check_post(request)

    def _check_user(self, request: Request) -> Response | None:
        """With user accounts: the log-in page is open (a POST from this origin only); all else needs a session."""
        assert self.access.users is not None
        if request.url.path == "/login":
            if request.method not in SAFE_METHODS and request.headers.get("origin", "") not in self.access.origins:
                return PlainTextResponse("Forbidden: cross-origin request.", status_code=403)
            return None
        user = self.access.users.session(request.cookies.get(self.access.cookie, ""))
        if user is None:
            if request.method == "GET" and request.url.path == "/":
                return RedirectResponse("/login", status_code=303)
            return PlainTextResponse("Unauthorised: log in at /login.", status_code=401)
        request.scope[ROLE] = user.role
        return None

    def _check_post(self, request: Request) -> Response | None:
        headers = request.headers
        if request.method not in SAFE_METHODS:
            if headers.get("origin", "") not in self.access.origins:
                return PlainTextResponse("Forbidden: cross-origin request.", status_code=403)
            wanted = self.access.csrf_of(request)
            if not secrets.compare_digest(headers.get("x-csrf-token", "").encode(), wanted.encode()):
                return PlainTextResponse("Forbidden: missing or wrong CSRF token.", status_code=403)
        return None


