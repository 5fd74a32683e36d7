"""Interactive HTML views of the graph (pyvis + vis-network, one offline file).

:func:`write_view` filters, redacts and writes; :mod:`graph.views.style` decides
how labels and relationship types look; :mod:`graph.views.layout` computes seeded
positions for big graphs.
"""

from graph.views.html import DEFAULT_MAX_NODES, ViewSummary, render_html, view_payload, write_html, write_view

__all__ = ["write_view", "write_html", "view_payload", "render_html", "ViewSummary", "DEFAULT_MAX_NODES"]
