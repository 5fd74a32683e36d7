"""The app's pages and JSON routes: thin handlers, each calling one Explorer method.

Handlers are plain functions: Starlette runs them in its thread pool, where the
(synchronous) Neo4j driver may block. Library errors become JSON ``{"error": ...}``
with 404 (unknown key or claim) or 400 (bad input).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from casegraph.app.saved import run_saved_query, saved_queries
from casegraph.app.security import ROLE, Access, Guard
from graph.db.explore import EXPORT_FORMATS, Explorer, NotFound
from graph.errors import CasegraphError
from graph.views.html import vis_assets
from graph.views.style import label_styles

__all__ = ["create_app"]

_HERE = Path(__file__).resolve().parent
_TEMPLATES = Environment(loader=FileSystemLoader(_HERE / "templates"), autoescape=select_autoescape(default=True))
MAX_BODY = 64 * 1024  # a connect request is a few hundred bytes
MAX_EXPORT_BODY = 1024 * 1024  # a canvas of a few thousand keys


def _answer(fn: Callable[[], Any]) -> Response:
    try:
        return JSONResponse(fn())
    except NotFound as exc:
        return JSONResponse({"error": str(exc)}, status_code=404)
    except CasegraphError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)


def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    try:
        value = default if raw is None else int(raw)
    except ValueError:
        raise CasegraphError(f"{name} must be a whole number, not {str(raw)[:20]!r}") from None
    if not low <= value <= high:
        raise CasegraphError(f"{name} must be from {low} to {high}, not {value}")
    return value


def create_app(explorer: Explorer, access: Access, viewer: Explorer | None = None,
               drafts: Path | None = None) -> Guard:
    """The app over ``explorer``, behind the guard of ``access``.

    With user accounts (``access.users``), users with the ``viewer`` role get ``viewer``,
    an explorer that redacts (required then). With ``drafts`` (a folder), the review pages
    of :mod:`casegraph.app.review` are mounted at ``/review``.
    """
    styles = {k: {"color": s.color, "shape": s.shape} for k, s in label_styles().items()}
    if access.users is not None and (viewer is None or not viewer.redact):
        raise CasegraphError("with user accounts, viewers need an explorer that redacts")

    def pick(request: Request) -> Explorer:
        return viewer if viewer is not None and request.scope.get(ROLE) == "viewer" else explorer

    def page(request: Request) -> Response:
        chosen = pick(request)
        html = _TEMPLATES.get_template("index.html").render(
            csrf=access.csrf_of(request), redacted=chosen.redact, styles=json.dumps(styles), limit=chosen.expand_limit,
            formats=EXPORT_FORMATS)
        return HTMLResponse(html)

    async def login(request: Request) -> Response:
        users = access.users
        if users is None:
            return JSONResponse({"error": "this app has no user accounts"}, status_code=404)
        template = _TEMPLATES.get_template("login.html")
        # The form's CSRF token is bound to a log-in cookie of this browser's own.
        before = request.cookies.get(access.login_cookie, "")
        if request.method == "GET":
            mark = before or secrets.token_urlsafe(32)
            response: Response = HTMLResponse(template.render(csrf=access.csrf_for("login:" + mark), error=None))
            response.set_cookie(access.login_cookie, mark, httponly=True, samesite="strict", path="/login")
            return response
        body = await request.body()
        form = {k: v[0] for k, v in parse_qs(body[:MAX_BODY].decode("utf-8", "replace")).items()}
        if not before or not secrets.compare_digest(form.get("csrf", "").encode(),
                                                    access.csrf_for("login:" + before).encode()):
            return PlainTextResponse("Forbidden: missing or wrong CSRF token.", status_code=403)
        sid = await run_in_threadpool(users.log_in, form.get("name", ""), form.get("password", ""))
        if sid is None:
            return HTMLResponse(template.render(csrf=access.csrf_for("login:" + before), error="Wrong name or password."),
                                status_code=401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(access.cookie, sid, httponly=True, samesite="strict", path="/")
        return response

    def vis_js(request: Request) -> Response:
        return Response(vis_assets()[0], media_type="text/javascript; charset=utf-8")

    def vis_css(request: Request) -> Response:
        return Response(vis_assets()[1], media_type="text/css; charset=utf-8")

    def search(request: Request) -> Response:
        return _answer(lambda: pick(request).search(request.query_params.get("q", "")[:200],
                                               limit=_int(request, "limit", 20, 1, 200)))

    def expand(request: Request) -> Response:
        return _answer(lambda: pick(request).expand(request.query_params.get("key", ""),
                                               offset=_int(request, "offset", 0, 0, 10**7),
                                               limit=_int(request, "limit", explorer.expand_limit, 1, 500)))

    def entity(request: Request) -> Response:
        return _answer(lambda: pick(request).entity(request.query_params.get("key", "")))

    def timeline(request: Request) -> Response:
        return _answer(lambda: pick(request).timeline(request.query_params.get("key", "")))

    def claim(request: Request) -> Response:
        return _answer(lambda: pick(request).claim(request.query_params.get("id", "")))

    async def connect(request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_BODY or request.headers.get("content-type", "").split(";")[0] != "application/json":
            return JSONResponse({"error": "send a small JSON body"}, status_code=400)
        try:
            form = json.loads(body)
            a, b = str(form["from"]), str(form["to"])
            k, max_hops = int(form.get("k", 3)), int(form.get("max_hops", 4))
            day = str(form["as_of"]) if form.get("as_of") else None
            exclude_generic = bool(form.get("exclude_generic", False))
        except (ValueError, KeyError, TypeError, AttributeError):
            return JSONResponse({"error": "expected JSON with from, to and optionally k, max_hops, as_of, "
                                          "exclude_generic"}, status_code=400)
        if not 1 <= k <= 10:
            return JSONResponse({"error": "k must be from 1 to 10"}, status_code=400)
        return await run_in_threadpool(_answer, lambda: pick(request).connect(
            a, b, k=k, max_hops=max_hops, day=day, exclude_generic=exclude_generic))

    async def export(request: Request) -> Response:
        body = await request.body()
        try:
            if len(body) > MAX_EXPORT_BODY:
                raise ValueError("too big")
            form = json.loads(body)
            fmt, keys = str(form["format"]), [str(k) for k in form["keys"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            return JSONResponse({"error": "expected JSON with format and keys"}, status_code=400)
        try:
            text, name = await run_in_threadpool(pick(request).export, keys, fmt)
        except NotFound as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        except CasegraphError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        media = {"graphml": "application/xml", "gexf": "application/xml"}.get(fmt, "application/octet-stream")
        return Response(text.encode("utf-8"), media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    def queries(request: Request) -> Response:
        return _answer(saved_queries)

    async def query(request: Request) -> Response:
        body = await request.body()
        try:
            if len(body) > MAX_BODY:
                raise ValueError("too big")
            form = json.loads(body)
            name = str(form["name"])
            params = {str(k): str(v) for k, v in dict(form.get("params") or {}).items() if v not in (None, "")}
        except (ValueError, KeyError, TypeError, AttributeError):
            return JSONResponse({"error": "expected JSON with name and params"}, status_code=400)
        chosen = pick(request)
        return await run_in_threadpool(_answer, lambda: run_saved_query(chosen, name, params))

    routes = [
        Route("/", page),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/vis/vis-network.min.js", vis_js),
        Route("/vis/vis-network.css", vis_css),
        Route("/api/search", search),
        Route("/api/expand", expand),
        Route("/api/entity", entity),
        Route("/api/claim", claim),
        Route("/api/timeline", timeline),
        Route("/api/connect", connect, methods=["POST"]),
        Route("/api/export", export, methods=["POST"]),
        Route("/api/queries", queries),
        Route("/api/query", query, methods=["POST"]),
        Mount("/static", StaticFiles(directory=_HERE / "static"), name="static"),
    ]
    if drafts is not None:
        from casegraph.app.review import review_routes

        routes[-1:-1] = review_routes(drafts, explorer, access, _TEMPLATES)
    return Guard(Starlette(routes=routes), access)
