"""Network analysis: key actors, brokers, communities, and connections with their evidence.

Everything here takes the casegraph MultiDiGraph (built from fact files or read back
from Neo4j) and returns plain, JSON-ready data; :mod:`graph.analysis.report` renders
it as Markdown. Importable from a notebook; the ``analyze`` and ``connect`` commands
only call :func:`analyze` and :func:`connect`.
"""

from __future__ import annotations

from graph.analysis.measures import betweenness, communities, degree_ranking, to_igraph
from graph.analysis.overview import analysis_graph, analyze
from graph.analysis.paths import connect
from graph.analysis.projection import PROJECTIONS, entity_graph, project
from graph.analysis.report import analysis_markdown, write_report

__all__ = ["analyze", "analysis_graph", "connect", "entity_graph", "project", "PROJECTIONS", "degree_ranking",
           "betweenness", "communities", "to_igraph", "analysis_markdown", "write_report"]
