"""The load stamp a session leaves, and a store that runs everything in one transaction.

The load stamp of a database is the bookmark Neo4j answers a transaction with: it names the
database and its last committed transaction, so it is the same as long as nothing at all is
written (a load, a hand-written statement, a database emptied or replaced), and a load that
recorded it can tell later, with one read, that Neo4j still holds what it loaded
(:meth:`graph.db.store.Store.stamp`, used by loaders.incremental and loaders.delta).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import neo4j
    from neo4j import ManagedTransaction

    from graph.db.store import Store

__all__ = ["InOneTransaction", "session_stamp"]


def session_stamp(session: neo4j.Session) -> str | None:
    """The bookmark a session's last transaction left, as one string (None if it left none)."""
    values = sorted(session.last_bookmarks().raw_values)
    return "\n".join(values) if values else None


class InOneTransaction:
    """A store whose reads and writes all run in one given transaction, for
    :class:`graph.db.load.Loader` (see :meth:`graph.db.store.Store.load_small`)."""

    def __init__(self, store: Store, tx: ManagedTransaction) -> None:
        self.ontology = store.ontology
        self.tx = tx

    def ensure_schema(self) -> None:
        """Made before the transaction began."""

    def execute_read(self, work: Callable[[ManagedTransaction], Any]) -> Any:
        """``work`` in the one transaction."""
        return work(self.tx)

    execute_write = execute_read
