"""Saved queries (``queries/*.cypher``) in the app: their forms, and a run as a table and a graph.

Offered only in sessions that are not redacted: a saved query's parameters take real names
(an entity by name or alias), so in a redacted session they would tell whether a protected
person's real name exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.db.explore import Explorer
from graph.errors import CasegraphError
from queries.registry import list_queries, read_saved_graph, run_saved

__all__ = ["saved_queries", "run_saved_query", "ROW_LIMIT"]

ROW_LIMIT = 200  # rows of the table


def saved_queries() -> list[dict[str, Any]]:
    """Every saved query with its title, description and parameters (for the forms)."""
    return [{"name": q.name, "title": q.title, "description": q.description,
             "params": [{"name": p.name, "type": p.type, "label": p.label, "required": p.required,
                         "default": p.default, "meaning": p.meaning} for p in q.params]}
            for q in list_queries()]


def run_saved_query(explorer: Explorer, name: str, params: Mapping[str, str]) -> dict[str, Any]:
    """The rows of saved query ``name`` (as text cells) and the graph it returns (canvas data)."""
    if explorer.redact:
        raise CasegraphError("saved queries are not offered in a redacted session (their parameters take real names)")
    store = explorer.store
    result = run_saved(store.driver, name, params, database=store.database, limit=ROW_LIMIT)
    data = explorer.show(read_saved_graph(store, name, params))
    data.update(columns=result.columns, rows=result.table(), cut=result.cut)
    return data
