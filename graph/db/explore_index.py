"""The name index of the investigation app, its redaction filter, and the data version answers check.

The index (:class:`NameIndex`) holds every entity as the client may see it and, for a
redacting explorer, the one :class:`graph.redact.Redactor` every answer goes through, built
from every entity and source of the database (:func:`build_index`).

The filter must never be behind the data: a load may protect a new person or add an alias
to a protected one. Each read transaction's bookmark tells which version of the data it saw
(:func:`data_version`: Neo4j gives a read the last transaction committed when it ends). The
index is built from a read that no commit overlapped, and every redacting answer
(:func:`consistent`) checks that its reads saw that very version; if not, the answer is
thrown away, the index rebuilt (reusing the old filter's names when the protected spellings
did not change, see ``Redactor(previous=)``) and the answer made again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx
from neo4j import ManagedTransaction

from graph.db import statements as S
from graph.db.explore_search import search_texts
from graph.db.read import Reader
from graph.errors import CasegraphError
from graph.redact import Redactor

if TYPE_CHECKING:
    from graph.db.explore import Explorer

__all__ = ["ATTEMPTS", "NameIndex", "StaleRead", "build_index", "consistent", "data_version", "fingerprint"]

ATTEMPTS = 5  # reads of the data (an answer, or the filter's build) while a load changes it, then a refusal
_T = TypeVar("_T")


class StaleRead(Exception):
    """An answer read data of another version than the redaction filter was built from."""


def data_version(session: Any) -> frozenset[str]:
    """The version of the data a session's last transaction saw: its bookmark (Neo4j gives
    read transactions the last transaction committed when they end)."""
    return frozenset(session.last_bookmarks().raw_values)


def consistent(method: Callable[..., _T]) -> Callable[..., _T]:
    """A redacting explorer's answer: every read it made saw the very version of the data
    the redaction filter was built from, or it is thrown away, the filter rebuilt, and the
    answer made again (at most :data:`ATTEMPTS` times; then refused). Nothing filtered by a
    filter that is behind the data leaves: not a newly protected person, nor a new alias."""
    @functools.wraps(method)
    def answer(self: Explorer, *args: Any, **kwargs: Any) -> _T:
        local = self.answering
        if not self.redact or getattr(local, "index", None) is not None:  # unredacted, or inside an answer
            return method(self, *args, **kwargs)
        try:
            for _ in range(ATTEMPTS):
                local.index = None
                local.index, local.versions = self.index(), []
                try:
                    result = method(self, *args, **kwargs)
                    if not local.versions:  # no read (a search): is the data still the filter's?
                        self.read(lambda tx: tx.run(S.EXPLORE_PING).consume())
                    if all(v == local.index.version for v in local.versions):
                        return result
                except StaleRead:
                    pass
                self.renew(local.index)
            raise CasegraphError("the data keeps changing (a load is running?): try again when it is done")
        finally:
            local.index = local.versions = None
    return answer


@dataclass
class NameIndex:
    """Every entity as the client may see it (filtered names), the key maps, and (redacted)
    the one redaction filter every answer goes through, built from the whole database."""

    built: float
    fingerprint: str = ""  # of the data it was built from (see :meth:`Explorer._fingerprint`)
    names: list[str] = field(default_factory=list)  # normalised name or alias, one per choice
    owners: list[str] = field(default_factory=list)  # the shown key of each choice
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)  # shown key -> name, label, aliases
    real: dict[str, str] = field(default_factory=dict)  # shown key -> real key
    prefixes: list[tuple[str, int]] = field(default_factory=list)  # (choice, its index), sorted: prefix search
    redactor: Redactor | None = None  # redacted only: built once per index, not once per answer
    texts: dict[tuple[str, tuple[str, ...]], list[str]] = field(default_factory=dict)  # (name, aliases) -> search texts
    version: frozenset[str] = frozenset()  # the data version (bookmark) it was built from
    checked: float = 0.0  # when the fingerprint was last compared with the database's


def fingerprint(tx: ManagedTransaction) -> str:
    """Counts (from the count store) and every source's digest (a load rewrites those it touches)."""
    r = tx.run(S.EXPLORE_FINGERPRINT).single()
    if r is None:
        return ""
    digests = sorted(str(d) for d in r["digests"])
    return hashlib.sha1(json.dumps([r["entities"], r["ties"], r["sources"], digests]).encode()).hexdigest()

def build_index(explorer: Explorer, previous: NameIndex | None = None) -> NameIndex:
    """The name index of ``explorer``: read every entity (and, redacted, every source) and build the index; redacted, also the
    filter (reusing ``previous``'s compiled names when the protected spellings did not change)."""
    def work(tx: ManagedTransaction) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
        digest = fingerprint(tx)  # first: a load while this reads shows at the next check
        rows = [dict(r) for r in tx.run(S.EXPLORE_ENTITY_INDEX)]
        sources = [dict(r["props"]) for r in tx.run(S.ALL_SOURCES)] if explorer.redact else []
        return digest, rows, sources
    for _ in range(ATTEMPTS):
        with explorer.store.session(read=True) as session:
            session.execute_read(lambda tx: tx.run(S.EXPLORE_PING).consume())
            before = data_version(session)
            digest, rows, sources = session.execute_read(work)
            version = data_version(session)
        # Read committed: a load that committed while this read saw part of it. Only a read
        # that no commit overlapped is the data of one version.
        if version == before:
            break
    else:
        raise CasegraphError("the data keeps changing (a load is running?): try again when it is done")
    if explorer.redact and not version:
        raise CasegraphError("the Neo4j server gives no bookmarks: a redacting app cannot tell the version "
                             "of the data its answers read")
    g = nx.MultiDiGraph()
    for r in rows:
        g.add_node(r["key"], node_kind="entity", label=r["label"] or "", name=r["name"] or r["key"],
                   aliases=list(r["aliases"]), sensitive=bool(r["sensitive"]))
    idx = NameIndex(built=time.monotonic(), fingerprint=digest, checked=time.monotonic(), version=version)
    known = previous.texts if previous is not None else {}  # search texts are a function of the names
    if explorer.redact:
        # The one filter of every answer, built from every entity and source of the database:
        # the same pseudonyms, keys ("-2" where two would meet) and name patterns everywhere,
        # and a quote naming a protected person is redacted even when they are not in the answer.
        Reader.add_nodes(g, sources, [])
        idx.redactor = Redactor(g, previous=previous.redactor if previous is not None else None)
        g.remove_nodes_from([s["key"] for s in sources])
    out, shown, _ = explorer.exit_filter(g, g.nodes, redactor=idx.redactor)
    for real, key in shown.items():
        d = out.nodes[key]
        idx.real[key] = real
        idx.entities[key] = {"key": key, "name": str(d.get("name") or key), "label": str(d.get("label") or ""),
                             "aliases": [str(a) for a in d.get("aliases") or []]}
        name, aliases = idx.entities[key]["name"], tuple(idx.entities[key]["aliases"])
        texts = idx.texts[name, aliases] = known.get((name, aliases)) or search_texts(name, aliases)
        for text in texts:
            idx.names.append(text)
            idx.owners.append(key)
    idx.prefixes = sorted((text, i) for i, text in enumerate(idx.names))
    return idx

