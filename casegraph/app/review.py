"""Reviewing drafts in the browser (``casegraph serve --drafts DIR``): thin routes over
:mod:`loaders.extract.draft_edit`.

Only an ``editor`` (with user accounts) or the local token holder reviews; a ``viewer`` is
refused. The guard in front of the app already checks the cookie, Host, Origin and the
CSRF token of every POST; pages render with autoescaping and the draft page fills itself
from JSON with DOM text nodes (``static/review.js``), never HTML built from data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from casegraph.app.security import ROLE, Access
from graph.db import statements as S
from graph.db.explore import Explorer
from graph.errors import CasegraphError
from graph.identity import IdentityIndex, Record
from loaders.extract.draft_edit import (
    DraftChanged,
    EditRefused,
    apply_edit,
    corpus_candidates,
    draft_files,
    draft_state,
    list_drafts,
    menus,
)
from loaders.extract.review import read_draft

__all__ = ["review_routes"]

MAX_BODY = 64 * 1024  # one edit is a few hundred bytes


def _error(message: str, status: int, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


class _Corpus:
    """The loaded graph as the identity resolver's corpus: every entity of the explorer's name
    index (rebuilt when a load changes the data), and the full records of matched keys."""

    def __init__(self, explorer: Explorer):
        self.explorer = explorer
        self._fingerprint: str | None = None
        self._index: IdentityIndex | None = None

    def index(self) -> IdentityIndex:
        """The resolver's blocking index over the loaded entities, built once per version of the data."""
        idx = self.explorer.index()
        if idx.fingerprint != self._fingerprint or self._index is None:
            self._index = IdentityIndex([Record(e["key"], e["label"], e["name"], list(e["aliases"]), origin="corpus")
                                         for e in idx.entities.values()])
            self._fingerprint = idx.fingerprint
        return self._index

    def lookup(self, keys: list[str]) -> dict[str, Record]:
        rows = self.explorer.store.execute_read(lambda tx: [dict(r) for r in tx.run(S.ENTITIES_BY_KEY, keys=keys)])
        out = {}
        for r in rows:
            p = r["props"]
            out[p["key"]] = Record(p["key"], r["label"] or "", p.get("name") or p["key"], list(p.get("aliases") or []),
                                   [s for s in r["sources"] if s], bool(p.get("sensitive")), bool(p.get("generic")),
                                   origin="corpus")
        return out

    def __call__(self, doc: dict[str, Any]) -> list[dict[str, Any]]:
        return corpus_candidates(doc, self.index(), self.lookup)


def review_routes(folder: Path, explorer: Explorer, access: Access, templates: Environment) -> list[Route]:
    """The review pages and JSON routes over the drafts in ``folder``; the loaded graph is the
    corpus the draft's entities are compared with."""
    folder = Path(folder)
    corpus = _Corpus(explorer)

    def csrf(request: Request) -> str:
        # The one place the review pages take the page's CSRF token from (the guard checks it).
        return access.csrf_of(request)

    def refused(request: Request) -> Response | None:
        if request.scope.get(ROLE) == "viewer":
            return _error("reviewing drafts needs the editor role", 403)
        if explorer.redact:  # a draft is shown as written: no pseudonyms on these pages
            return _error("reviewing drafts is not available in a redacted app", 403)
        return None

    def find(name: Any) -> Path:
        # Only a file of the drafts folder, by its bare name: no path reaches the disk from a request.
        for path in draft_files(folder):
            if path.name == name:
                return path
        raise CasegraphError(f"no draft {str(name)[:80]!r} in the drafts folder")

    def listing(request: Request) -> Response:
        if (no := refused(request)) is not None:
            return no
        html = templates.get_template("review_list.html").render(
            csrf=csrf(request), folder=str(folder), drafts=list_drafts(folder))
        return HTMLResponse(html)

    def page(request: Request) -> Response:
        if (no := refused(request)) is not None:
            return no
        name = request.query_params.get("name", "")
        try:
            find(name)
        except CasegraphError as exc:
            return _error(str(exc), 404)
        return HTMLResponse(templates.get_template("review.html").render(csrf=csrf(request), name=name))

    def state(request: Request) -> Response:
        if (no := refused(request)) is not None:
            return no
        try:
            return JSONResponse({**draft_state(find(request.query_params.get("name", ""))), "menus": menus()})
        except CasegraphError as exc:
            return _error(str(exc), 404)

    async def form(request: Request) -> dict[str, Any]:
        body = await request.body()
        if len(body) > MAX_BODY or request.headers.get("content-type", "").split(";")[0] != "application/json":
            raise CasegraphError("send a small JSON body")
        try:
            data = json.loads(body)
        except ValueError:
            raise CasegraphError("the body is not JSON") from None
        if not isinstance(data, dict):
            raise CasegraphError("expected a JSON object")
        return data

    async def edit(request: Request) -> Response:
        if (no := refused(request)) is not None:
            return no
        try:
            data = await form(request)
            path = find(data.get("name"))
            change = data.get("edit")
            if not isinstance(change, dict):
                raise CasegraphError("expected an 'edit' object")
            result = await run_in_threadpool(apply_edit, path, str(data.get("digest", "")), change, None, corpus)
        except DraftChanged as exc:
            return _error(str(exc), 409)
        except EditRefused as exc:
            return _error(str(exc), 422, problems=exc.problems)
        except CasegraphError as exc:
            return _error(str(exc), 400)
        return JSONResponse({**result, "menus": menus()})

    async def matches(request: Request) -> Response:
        """The draft's doubtful identity matches with the loaded graph (computed apart: it reads Neo4j)."""
        if (no := refused(request)) is not None:
            return no
        try:
            doc = read_draft(find(request.query_params.get("name", "")))
            found = await run_in_threadpool(corpus, doc)
        except CasegraphError as exc:
            return _error(str(exc), 404)
        return JSONResponse({"candidates": found})

    async def load(request: Request) -> Response:
        if (no := refused(request)) is not None:
            return no
        from loaders.facts import load_corpus

        try:
            data = await form(request)
            path = find(data.get("name"))
            summary = await run_in_threadpool(lambda: explorer.store.load(load_corpus([path])))
        except CasegraphError as exc:
            return _error(str(exc), 400)
        return JSONResponse({"loaded": path.name, **summary.as_dict()})

    return [
        Route("/review", listing),
        Route("/review/draft", page),
        Route("/api/review/draft", state),
        Route("/api/review/corpus", matches),
        Route("/api/review/edit", edit, methods=["POST"]),
        Route("/api/review/load", load, methods=["POST"]),
    ]
