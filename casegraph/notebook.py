"""Notebook helpers: a view shown inline, query results as pandas DataFrames.

pyvis's own notebook display writes a file and shows it in an iframe by URL (which
JupyterLab and VS Code cannot serve) or pulls its scripts from CDNs. Here the view is
the same self-contained, offline HTML page ``casegraph view`` writes
(:func:`graph.views.html.write_view`), embedded whole in the ``srcdoc`` attribute of an
``<iframe>`` (HTML-escaped). The page's own Content-Security-Policy still applies
inside the frame (its two inline scripts run by hash, nothing is fetched), and the
frame is sandboxed with scripts only: the view cannot reach the notebook.

Nothing here needs IPython or pandas at import time: :class:`InlineView` is shown by
Jupyter through ``_repr_html_``, and pandas is imported only by :func:`to_frame`.
"""

from __future__ import annotations

import html
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.errors import CasegraphError
from graph.redact import Redactor, exit_graph
from graph.resolve import resolve_entity
from graph.subgraph import neighbourhood
from graph.views.html import ViewSummary, write_html, write_view

if TYPE_CHECKING:
    import pandas

    from graph.db.query import QueryResult

__all__ = ["InlineView", "show_view", "to_frame"]


@dataclass(frozen=True)
class InlineView:
    """A view page to show in a notebook cell (Jupyter calls :meth:`_repr_html_`)."""

    page: str
    summary: ViewSummary
    height: int = 640

    def iframe(self) -> str:
        """The page as an escaped ``<iframe srcdoc=...>``, sandboxed to run its own scripts only."""
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd" '
                f'title="{html.escape(self.summary.path.stem, quote=True)}"></iframe>')

    def _repr_html_(self) -> str:
        return self.iframe()

    def __repr__(self) -> str:
        s = self.summary
        return (f"<casegraph view: {s.nodes} entities, {s.edges} claims"
                f"{', redacted' if s.redacted else ''}; {s.path}>")


def show_view(g: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1, redact: bool = False,
              path: str | Path | None = None, height: int = 640, **options: Any) -> InlineView:
    """Write the view of ``g`` (to ``path``, or a temporary file) and return it for inline display.

    ``focus`` (a key, name or alias) cuts the view to that entity and everything within
    ``depth`` claim hops (:func:`graph.subgraph.neighbourhood`). The exit filter runs on
    the whole graph first, so a redacted focus view pseudonymises sensitive people
    outside the cut too, wherever a kept quote names them. Other ``options`` go to
    :func:`graph.views.html.write_view` (``labels``, ``types``, ``as_of``, ``heading``,
    ``importance``, ...).
    """
    if height < 100:
        raise CasegraphError(f"height must be at least 100 pixels, not {height}")
    target = Path(path) if path is not None else Path(tempfile.mkdtemp(prefix="casegraph-view-")) / "view.html"
    if focus is None:
        summary = write_view(g, target, redact=redact, **options)
    else:
        key = resolve_entity(g, focus)
        if redact:
            r = Redactor(g)
            key = r.key(key) if key in r.keys else r.text(key, slug=True)
        safe = exit_graph(g, redact=redact)
        cut = neighbourhood(safe, key, depth)
        heading = options.pop("heading", None) or (
            f"{safe.nodes[key].get('name') or key}: {depth} hop{'s' if depth != 1 else ''}"
            + (" (redacted)" if redact else ""))
        summary = write_html(cut, target, heading=heading, context=safe, **options)
    return InlineView(target.read_text(encoding="utf-8"), summary, height)


def to_frame(result: QueryResult) -> pandas.DataFrame:
    """The rows of a query (:func:`graph.db.query.run_query`, ``run_saved``) as a DataFrame of plain values."""
    import pandas

    return pandas.DataFrame(result.records(), columns=result.columns)
