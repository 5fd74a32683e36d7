"""Reads for the investigation app (``casegraph serve``): the name index, expand, evidence.

Every answer is built the same way: read a small subgraph from Neo4j in the NetworkX
shape of :mod:`graph.build` (with :class:`graph.db.read.Reader`'s row mapping), pass
it through the one exit filter (:func:`graph.redact.exit_graph`), then turn the
filtered graph into plain JSON-ready data. Nothing leaves without the filter.

With ``redact``, the filter is one :class:`graph.redact.Redactor` built with the name index
from every entity and source of the database (not once per answer: that took seconds on a
100,000-claim graph; :mod:`graph.db.explore_index`), and never behind the data: each answer's
reads must have seen the version of the data it was built from, or the filter is rebuilt
and the answer made again (:func:`graph.db.explore_index.consistent`). The pseudonyms
("Person A") and pseudonymised keys are then the same in every answer, and a quote that
names a protected person is redacted even when that person is not in the subgraph. Keys
the client sends back are pseudonymous: they are turned back into real keys here, and a
real key of a protected person is unknown.

Search (:mod:`graph.db.explore_search`) runs over the name index: every entity's name,
aliases and their words as the client may see them (rebuilt when the data changed).
Connect, export and timelines are in :mod:`graph.db.explore_paths`, a case's timeline in
:mod:`graph.db.explore_case`: functions over this class's public methods.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx
from neo4j import ManagedTransaction

from graph.build import MENTIONS
from graph.db import explore_paths, explore_search
from graph.db import statements as S
from graph.db.explore_index import NameIndex, StaleRead, build_index, consistent, data_version, fingerprint
from graph.db.explore_paths import EXPORT_FORMATS, TIMELINE_LIMIT
from graph.db.read import Reader
from graph.errors import CasegraphError, preview
from graph.redact import Redactor, exit_graph

if TYPE_CHECKING:
    from graph.db.store import Store

__all__ = ["Explorer", "NotFound", "EXPAND_LIMIT", "EXPORT_FORMATS", "SOURCES_SHOWN"]

EXPAND_LIMIT = 25  # neighbours drawn per expand; the rest are "N more"
SOURCES_SHOWN = 50  # sources listed in an entity's panel (the most recent); a hub has thousands
_T = TypeVar("_T")
_NODE_CORE = frozenset({"node_kind", "label", "name", "aliases", "sensitive", "generic", "sources", "redacted"})
_EDGE_SHOWN = ("type", "claim_id", "date", "start", "end", "disputed", "undated")


class NotFound(CasegraphError):
    """An entity key or claim id the (possibly redacted) graph does not hold."""


class Explorer:
    """The app's reads over one store; ``redact`` sends everything through the filter with pseudonyms."""

    def __init__(self, store: Store, redact: bool = False, expand_limit: int = EXPAND_LIMIT,
                 index_seconds: float = 2.0) -> None:
        self.store = store
        self.redact = redact
        self.expand_limit = expand_limit
        self.index_seconds = index_seconds
        self._index_value: NameIndex | None = None
        self._lock = threading.Lock()
        self.answering = threading.local()  # the index an answer started with and the versions its reads saw
        self._rebuilding = False
        self._seen: dict[str, str] = {}  # shown -> real keys handed out in answers
        # Claim ids handed out in answers -> real claim ids. Redacted, only those are explained: a
        # claim id is a hash of its ends' keys, so one computed from a guessed real key must not say
        # whether it exists (the filter gives such claims new ids, hashed from pseudonymised content).
        self._claims_shown: dict[str, str] = {}

    # -- the name index ------------------------------------------------------------------
    def index(self, refresh: bool = False) -> NameIndex:
        """The name index (and, redacted, the redaction filter). Built on first use (or with
        ``refresh``). Unredacted, at most every ``index_seconds`` the data's fingerprint is
        compared with the one it was built from, and the index rebuilt when a load changed it,
        in a background thread while the old one keeps answering. Redacted, there is no such
        delay: every answer checks that its reads saw the version of the data the index was
        built from (:func:`consistent`), and waits for a rebuild (:meth:`renew`) when they did
        not. Inside an answer, the index it started with."""
        pinned = getattr(self.answering, "index", None)
        if pinned is not None and not refresh:
            return pinned
        with self._lock:
            idx = self._index_value
            if refresh or idx is None:
                idx = self._index_value = self._build_index(idx)
                return idx
            now = time.monotonic()
            if self.redact or self._rebuilding or now - idx.checked < self.index_seconds:
                return idx
            idx.checked = now
            self._rebuilding = True  # the check and any rebuild off the request's path
            threading.Thread(target=self._rebuild, args=(idx.fingerprint,), daemon=True).start()
            return idx

    def renew(self, stale: NameIndex) -> None:
        """Redacted: rebuild the index an answer found behind the data (once, however many
        answers found it: the others wait for it here)."""
        with self._lock:
            if self._index_value is stale:
                self._index_value = self._build_index(stale)

    def read(self, work: Callable[[ManagedTransaction], _T]) -> _T:
        """``work(tx)`` in a read transaction; inside a redacting answer, the version of the data
        it saw is noted (see :func:`consistent`). Every read of an answer goes through here."""
        with self.store.session(read=True) as session:
            result = session.execute_read(work)
            version = data_version(session)
        versions = getattr(self.answering, "versions", None)
        if versions is not None:
            versions.append(version)
        return result

    def _rebuild(self, digest: str) -> None:
        """In the background: rebuild the index if the data's fingerprint is no longer ``digest``."""
        try:
            if self.store.execute_read(fingerprint) != digest:
                fresh = self._build_index(self._index_value)
                with self._lock:
                    self._index_value = fresh
        except CasegraphError:
            pass  # Neo4j unreachable for a moment: keep the old index, try again later
        finally:
            self._rebuilding = False

    def _build_index(self, previous: NameIndex | None = None) -> NameIndex:
        """A new index (:func:`graph.db.explore_index.build_index`), reusing ``previous``'s filter where it can."""
        return build_index(self, previous)

    # -- the one way out ----------------------------------------------------------------------
    def exit_filter(self, g: nx.MultiDiGraph, keep: Iterable[str], redactor: Redactor | None = None
                ) -> tuple[nx.MultiDiGraph, dict[str, str], dict[str, str]]:
        """``g`` through the exit filter, the shown key of each node in ``keep``, and the real
        claim id of each claim id in the output. Redacted, the filter is the index's prebuilt
        :class:`Redactor` (rebuilt first if ``g`` holds a protected person it does not know)."""
        keep = list(keep)
        if not self.redact:
            return exit_graph(g), {k: k for k in keep}, {str(k): str(k) for _, _, k in g.edges(keys=True)}
        redactor = redactor or self.redactor_for(g)
        out = exit_graph(g, redactor=redactor)
        # The filter's own maps: its output is in the order of its own keys, so it cannot be
        # matched to the input by position, and no second rule may guess them.
        shown = {k: redactor.key(k) for k in keep}
        self.remember(shown)
        return out, shown, self.claim_map(g, redactor)

    def redactor_for(self, g: nx.MultiDiGraph) -> Redactor:
        """Redacted only: the index's prebuilt redaction filter, fit for ``g`` (rebuilt first when
        ``g`` holds a protected person it does not know, loaded since the last check). Every
        answer, :func:`graph.analysis.paths.connect`'s too, goes through this one."""
        redactor = self.index().redactor
        assert redactor is not None, "redactor_for() is for redacted explorers"
        if any(d.get("sensitive") and n not in redactor.pseudonyms for n, d in g.nodes(data=True)):
            if getattr(self.answering, "index", None) is not None:
                raise StaleRead()  # read from newer data than the filter's: the answer is made again
            redactor = self.index(refresh=True).redactor
            assert redactor is not None
        return redactor

    @staticmethod
    def claim_map(g: nx.MultiDiGraph, redactor: Redactor) -> dict[str, str]:
        """Each claim id of ``g`` as ``redactor`` gives it out -> its real id (the filter's own rule)."""
        return {str(new): str(old) for old, new in redactor.edge_keys(g).items()}

    def remember(self, shown: dict[str, str]) -> None:
        """Remember the keys an answer hands out (real -> shown), so they are known when sent back."""
        self._seen.update({v: k for k, v in shown.items()})

    def hand_out(self, ids: Iterable[str], claims: dict[str, str]) -> None:
        """Remember the claim ids an answer hands out, with their real ids (for :meth:`claim`)."""
        self._claims_shown.update({i: claims[i] for i in ids if i in claims})

    def real_claim_id(self, claim_id: str) -> str | None:
        """The real id of a claim id as an answer handed it out (redacted: None for any other id)."""
        return self._claims_shown.get(claim_id) if self.redact else claim_id

    def real_key(self, key: str) -> str:
        """The real key of a key as the client saw it; :class:`NotFound` when there is none."""
        idx = self.index()
        real = idx.real.get(key) or (self._seen.get(key) if self.redact else None)
        if real is None and not self.redact:
            real = key if self._exists(key) else None
        if real is None:
            # Redacted, the answer never repeats a key (it may be a protected person's real one).
            raise NotFound("no such entity" if self.redact else f"no entity {preview(key)}")
        return real

    def label_of(self, real: str) -> str:
        """The label of the entity whose real key is ``real`` (from the index when it is there)."""
        idx = self.index()
        shown = self.shown_key(real)
        if shown is not None and shown in idx.entities:
            return str(idx.entities[shown]["label"])
        rows = self.read(lambda tx: list(tx.run(S.EXPLORE_ENTITIES, keys=[real])))
        return str(rows[0]["label"]) if rows else ""

    def shown_key(self, real: str) -> str | None:
        """The key the client is given for the entity whose real key is ``real`` (None: no filter yet)."""
        if not self.redact:
            return real
        redactor = self.index().redactor
        return redactor.key(real) if redactor is not None else None

    def _exists(self, key: str) -> bool:
        return bool(self.read(lambda tx: tx.run(S.ENTITY_EXISTS, key=key).single()))

    # -- search ---------------------------------------------------------------------------------
    @consistent
    def search(self, text: str, limit: int = 20) -> dict[str, Any]:
        """Entities whose name or an alias is close to ``text``, grouped by label, best first
        (:func:`graph.db.explore_search.search`)."""
        return explore_search.search(self, text, limit)

    # -- expand -----------------------------------------------------------------------------------
    @consistent
    def expand(self, key: str, offset: int = 0, limit: int | None = None) -> dict[str, Any]:
        """An entity with its neighbours by evidence count (``limit`` from ``offset``), and the ties among them."""
        real = self.real_key(key)
        limit = self.expand_limit if limit is None else limit
        offset, limit = max(offset, 0), max(limit, 0)
        found = self.read(lambda tx: tx.run(S.EXPLORE_NEIGHBOURS, key=real, offset=offset, limit=limit).single())
        chosen, total = (list(found["page"]), found["total"]) if found else ([], 0)
        evidence = {r["key"]: r["evidence"] for r in chosen}
        keys = sorted({real, *evidence})
        g = self.read_subgraph(keys)
        out, shown, claims = self.exit_filter(g, keys)
        data = self._canvas(out, [shown[k] for k in keys if k in g])
        self.hand_out((e["id"] for e in data["edges"]), claims)
        real_of = {s: r for r, s in shown.items()}
        for node in data["nodes"]:
            node["evidence"] = evidence.get(real_of[node["id"]])
        data.update(focus=shown[real], total=total, offset=offset, more=max(total - offset - len(chosen), 0))
        return data

    def read_subgraph(self, keys: list[str], sources: bool = False) -> nx.MultiDiGraph:
        """The entities ``keys`` and the claims among them (with ``sources``: every property and the
        sources of their evidence), unfiltered: pass it through :meth:`exit_filter`."""
        def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
            g = nx.MultiDiGraph()
            entities = list(tx.run(S.ENTITIES_BY_KEY if sources else S.EXPLORE_ENTITIES, keys=keys))
            claims = list(tx.run(S.EXPLORE_CLAIMS_AMONG, keys=keys))
            source_rows: list[dict[str, Any]] = []
            if sources:
                wanted = sorted({e.get("source") for r in claims for e in r["evidence"] if e.get("source")})
                source_rows = [dict(r["props"]) for r in tx.run(S.READ_SOURCES, keys=wanted)]
            Reader.add_nodes(g, source_rows, entities)
            Reader.add_claims(g, claims)
            return g
        return self.read(work)

    @staticmethod
    def _canvas(out: nx.MultiDiGraph, keys: list[str]) -> dict[str, Any]:
        nodes = [{"id": k, "name": str(out.nodes[k].get("name") or k), "label": str(out.nodes[k].get("label") or ""),
                  "generic": bool(out.nodes[k].get("generic")), "redacted": bool(out.nodes[k].get("redacted"))}
                 for k in keys]
        kept = set(keys)
        edges = []
        for u, v, k, d in out.edges(keys=True, data=True):
            if d.get("type") == MENTIONS or u not in kept or v not in kept:
                continue
            edge = {"id": str(k), "from": u, "to": v, "evidence": len(d.get("evidence") or [])}
            edge.update({f: d[f] for f in _EDGE_SHOWN if d.get(f) not in (None, [], "")})
            edges.append(edge)
        return {"nodes": nodes, "edges": edges}

    # -- evidence ---------------------------------------------------------------------------------
    @consistent
    def entity(self, key: str) -> dict[str, Any]:
        """An entity's name, label, aliases, attributes and the sources that mention it (the
        :data:`SOURCES_SHOWN` most recent; ``sources_total`` says how many there are)."""
        real = self.real_key(key)
        total = 0

        def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
            nonlocal total
            g = nx.MultiDiGraph()
            found = tx.run(S.EXPLORE_ENTITY, key=real, limit=SOURCES_SHOWN).single()
            if found is None:
                raise NotFound(f"no entity {preview(key)}")
            # A hub is mentioned by thousands of sources: the panel gets the most recent, and a count.
            total = found["total"]
            sources = [dict(p) for p in found["sources"]]
            entity = {"props": found["props"], "label": found["label"], "sources": [p["key"] for p in sources]}
            Reader.add_nodes(g, sources, [entity])
            return g
        g = self.read(work)
        out, shown, _ = self.exit_filter(g, list(g.nodes))
        d = out.nodes[shown[real]]
        sources = [self.source_summary(out, shown[s]) for s in sorted(g.predecessors(real))
                   if g.nodes[s].get("node_kind") == "source"]
        sources.sort(key=lambda x: str(x["published"] or ""), reverse=True)  # the most recent first
        return {"key": shown[real], "name": str(d.get("name") or ""), "label": str(d.get("label") or ""),
                "aliases": [str(a) for a in d.get("aliases") or []], "generic": bool(d.get("generic")),
                "redacted": bool(d.get("redacted")),
                "attributes": {k: v for k, v in sorted(d.items()) if k not in _NODE_CORE},
                "sources": sources, "sources_total": total}

    @staticmethod
    def source_summary(out: nx.MultiDiGraph, key: str) -> dict[str, Any]:
        d = out.nodes[key] if key in out else {}
        return {"key": key, "title": str(d.get("name") or key), "publisher": d.get("publisher"),
                "published": d.get("published"), "url": d.get("url")}

    @consistent
    def claim(self, claim_id: str) -> dict[str, Any]:
        """Every piece of evidence behind one claim: quote, source, speaker, dates; and what sources dispute."""
        real_id = self.real_claim_id(claim_id)
        if real_id is None:
            raise NotFound("no such claim")

        def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
            g = nx.MultiDiGraph()
            claims = list(tx.run(S.CLAIMS_BY_ID, ids=[real_id]))
            if not claims:
                raise NotFound(f"no claim {preview(claim_id)}")
            c, evidence = dict(claims[0]["claim"]), [dict(e) for e in claims[0]["evidence"]]
            keys = sorted({c["subject"], c["object"], *(e["asserted_by"] for e in evidence if e.get("asserted_by"))})
            entities = list(tx.run(S.EXPLORE_ENTITIES, keys=keys))
            sources = [dict(r["props"]) for r in
                       tx.run(S.READ_SOURCES, keys=sorted({e["source"] for e in evidence if e.get("source")}))]
            Reader.add_nodes(g, sources, entities)
            Reader.add_claims(g, claims)
            return g
        g = self.read(work)
        edge = next(((u, v) for u, v, k in g.edges(keys=True) if k == real_id), None)
        if edge is None:
            raise NotFound(f"no claim {preview(claim_id)}")
        u, v = edge
        out, shown, claims = self.exit_filter(g, list(g.nodes))
        d = out.edges[shown[u], shown[v], next(s for s, r in claims.items() if r == real_id)]
        known = set(shown.values())
        evidence = []
        # The filtered evidence only: its references are output keys, and it is sorted by them.
        for ev in d.get("evidence") or []:
            speaker, source = ev.get("asserted_by"), ev.get("source")
            evidence.append({
                "quote": ev.get("quote") or "", "source": self.source_summary(out, source if source in known else ""),
                "speaker": ({"key": speaker, "name": str(out.nodes[speaker].get("name"))}
                            if speaker in known else (speaker or None)),
                **{f: ev[f] for f in ("date", "start", "end") if ev.get(f)},
                "details": {k: x for k, x in sorted(ev.items())
                            if k not in ("quote", "source", "asserted_by", "date", "start", "end")},
            })
        return {"claim_id": claim_id, "type": d.get("type"),
                "subject": {"key": shown[u], "name": str(out.nodes[shown[u]].get("name"))},
                "object": {"key": shown[v], "name": str(out.nodes[shown[v]].get("name"))},
                "qualifiers": {k: x for k, x in sorted(d.items())
                               if k not in (*_EDGE_SHOWN, "evidence", "sources") and x not in (None, "", [])},
                "disputed": list(d.get("disputed") or []),
                **{f: d[f] for f in ("date", "start", "end") if d.get(f)},
                "evidence": evidence}

    # -- connect, export, timeline (graph/db/explore_paths.py) -----------------------------------------
    @consistent
    def connect(self, a: str, b: str, k: int = 3, max_hops: int = 4, day: str | None = None,
                exclude_generic: bool = False) -> dict[str, Any]:
        """The ``k`` shortest paths between two entities with the evidence of each hop
        (:func:`graph.db.explore_paths.connect`)."""
        return explore_paths.connect(self, a, b, k=k, max_hops=max_hops, day=day, exclude_generic=exclude_generic)

    @consistent
    def export(self, keys: list[str], fmt: str) -> tuple[str, str]:
        """The canvas's entities written in ``fmt`` (:func:`graph.db.explore_paths.export`)."""
        return explore_paths.export(self, keys, fmt)

    @consistent
    def timeline(self, key: str, limit: int = TIMELINE_LIMIT) -> dict[str, Any]:
        """An entity's or a case's ties in date order (:func:`graph.db.explore_paths.timeline`)."""
        return explore_paths.timeline(self, key, limit)

    # -- any graph (a saved query's) ---------------------------------------------------------------------
    @consistent
    def show(self, g: nx.MultiDiGraph) -> dict[str, Any]:
        """Canvas data for the entities and claims of ``g``, through the exit filter."""
        keys = sorted(n for n, d in g.nodes(data=True) if d.get("node_kind") == "entity")
        out, shown, claims = self.exit_filter(g, keys)
        data = self._canvas(out, [shown[k] for k in keys])
        self.hand_out((e["id"] for e in data["edges"]), claims)
        return data
