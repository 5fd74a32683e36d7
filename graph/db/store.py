"""The Neo4j store: one connection to one database, with casegraph's reads and writes.

Shape in Neo4j (documented in the README, "Provenance in Neo4j"):

* ``(:Entity:<Label> {key, name, aliases, sensitive, generic, ...attributes})``
* ``(:Source {key, title, publisher, url, published, language, digest})``
  and ``(:Source)-[:MENTIONS]->(:Entity)`` for each entity a source declares.
* Every claim is a direct relationship ``(subject)-[:<TYPE> {claim_id, ...}]->(object)``
  for traversal, carrying its identifying qualifiers, a summary of the evidence
  (``sources``, ``date``/``start``/``end``, ``disputed``), and a
  ``(:Claim {id, predicate, subject, object, ...})`` node that evidence hangs from:
  ``(:Evidence {id, claim_id, source, quote, asserted_by, date, ...})-[:SUPPORTS]->(:Claim)``,
  ``(:Evidence)-[:CITES]->(:Source)``, ``(:Evidence)-[:ASSERTED_BY]->(:Entity)``.

The Neo4j side is split by job: this module connects, maps driver errors to one-line
:class:`~graph.errors.StoreError` messages and manages the schema; :mod:`graph.db.load`
diffs and writes a corpus; :mod:`graph.db.read` reads graphs back; :mod:`graph.db.rows`
turns the model into properties; :mod:`graph.db.statements` holds every Cypher text;
:mod:`graph.db.server` runs the local server.

Every value travels as a parameter. Labels and relationship types are spliced into
Cypher text only from the ontology (whose loader admits only plain identifiers).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import neo4j
from neo4j import GraphDatabase, ManagedTransaction
from neo4j import exceptions as neo4j_errors

from graph.db import statements as S
from graph.db.bounds import DEFAULT_TIMEOUT
from graph.db.load import CHUNK_SIZE, WORKERS, Counts, Loader, LoadSummary
from graph.db.stamp import InOneTransaction, session_stamp
from graph.db.uri import BOLT_SCHEMES, check_uri, shown_uri, trust_options, untrusted_certificate
from graph.errors import StoreError, preview
from graph.model import Corpus
from graph.settings import Settings, get_settings

if TYPE_CHECKING:  # reading a graph imports networkx, a query the resolver, a label the ontology: a load none
    import networkx as nx

    from graph.db.query import QueryResult
    from graph.ontology import Ontology

__all__ = ["Store", "LoadSummary", "Counts", "CHUNK_SIZE", "connect", "BOLT_SCHEMES"]

CONNECT_SECONDS = 10.0  # to open one connection: a server that is gone is found out fast


class Store:
    """A connection to one Neo4j database, with casegraph's reads and writes."""

    def __init__(self, driver: neo4j.Driver, uri: str, database: str | None = None,
                 ontology: Ontology | None = None) -> None:
        self.driver = driver
        self.uri = uri
        self.database = database
        self._ontology = ontology
        self._schema_ready = False
        self.retry_seconds = 60.0  # how long transient errors are retried (see _retrying)
        # The local server's settings when this is casegraph's own server: a database error is
        # then checked against its log for a full disk (graph.db.server.disk_full_message).
        self.local: Settings | None = None

    @property
    def ontology(self) -> Ontology:
        """The ontology whose labels and types this store writes (the configured one unless given)."""
        if self._ontology is None:
            from graph.ontology import default_ontology

            self._ontology = default_ontology()
        return self._ontology

    # -- connection ---------------------------------------------------------------
    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str | None = None,
                ontology: Ontology | None = None, retry_seconds: float = 60.0,
                trusted_ca: Path | None = None) -> Store:
        """Open a driver and check that the server answers and accepts the credentials.

        ``retry_seconds`` bounds how long a write is retried on transient errors
        (deadlocks between concurrent loads, a leader switch in a cluster).
        ``trusted_ca`` (``NEO4J_TRUSTED_CA``): a PEM file of the CA that a ``+s`` URI's
        server certificate is checked against, instead of the system's trust store.
        """
        check_uri(uri)
        driver_uri, tls = trust_options(uri, trusted_ca)
        try:
            # casegraph retries itself (see _retrying): the driver's own retries would keep a
            # load retrying for minutes against a server that is gone.
            driver = GraphDatabase.driver(
                driver_uri, auth=(user, password), max_transaction_retry_time=0,
                connection_timeout=CONNECT_SECONDS, notifications_min_severity="OFF", **tls,
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise StoreError(f"bad Neo4j URI {preview(shown_uri(uri))}: {_first_line(exc)}") from None
        store = cls(driver, uri, database, ontology)
        store.retry_seconds = retry_seconds
        with store.errors():
            driver.verify_connectivity()
        return store

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the session and transaction interface (load, read, bulk, explore use only this) ----
    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn driver errors raised in the block into one-line StoreErrors (never with credentials).

        Transient ones (a lost connection, a deadlock) raise a StoreError subclass that
        :meth:`execute_read` and :meth:`execute_write` retry.
        """
        try:
            yield
        except neo4j_errors.AuthError:
            raise StoreError(f"Neo4j at {self.uri} refused the user name or password") from None
        except neo4j_errors.ServiceUnavailable as exc:
            if (untrusted := untrusted_certificate(exc)) is not None:  # retrying would not help
                raise StoreError(f"Neo4j at {self.uri} sent a certificate that is not trusted "
                                 f"({untrusted.verify_message}): if a private CA signed it, set NEO4J_TRUSTED_CA "
                                 "to that CA's PEM file") from None
            raise _Retryable(f"cannot reach Neo4j at {self.uri} ({_first_line(exc)})") from exc
        except neo4j_errors.SessionExpired as exc:
            raise _Retryable(f"lost the connection to Neo4j at {self.uri} ({_first_line(exc)})") from exc
        except neo4j_errors.TransientError as exc:
            raise _Retryable(f"Neo4j error {exc.code}: {_first_line(exc)}") from exc
        except neo4j_errors.CypherSyntaxError as exc:
            raise StoreError(f"Cypher syntax error: {_first_line(exc)}") from None
        except neo4j_errors.Neo4jError as exc:
            raise StoreError(self._disk_full(exc) or f"Neo4j error {exc.code}: {_first_line(exc)}") from None
        except neo4j_errors.DriverError as exc:
            raise StoreError(f"Neo4j driver error talking to {self.uri}: {_first_line(exc)}") from None
        except OSError as exc:
            raise StoreError(f"connection to Neo4j at {self.uri} failed: {exc}") from None

    def _disk_full(self, exc: neo4j_errors.Neo4jError) -> str | None:
        """A full disk under the local server's store, when it caused a database error."""
        if self.local is None or not str(exc.code or "").startswith("Neo.DatabaseError."):
            return None
        from graph.db.server import disk_full_message

        return disk_full_message(self.local)

    @contextmanager
    def session(self, read: bool = False) -> Iterator[neo4j.Session]:
        """A driver session on this store's database, inside :meth:`errors`; not retried.

        For work that needs auto-commit statements or an explicit transaction (schema
        steps); everything else runs through :meth:`execute_read` / :meth:`execute_write`.
        """
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        with self.errors(), self.driver.session(database=self.database, default_access_mode=mode) as session:
            yield session

    def execute_write(self, work: Callable[[ManagedTransaction], Any]) -> Any:
        """``work(tx)`` in a managed write transaction, retried on transient errors; its result."""
        return self._execute(work, read=False)

    def execute_read(self, work: Callable[[ManagedTransaction], Any]) -> Any:
        """``work(tx)`` in a managed read transaction, retried on transient errors; its result."""
        return self._execute(work, read=True)

    def _execute(self, fn: Callable[[ManagedTransaction], Any], read: bool) -> Any:
        """Run ``fn`` in a managed transaction (see :meth:`_retrying`)."""
        def attempt() -> Any:
            with self.session(read=read) as session:
                return session.execute_read(fn) if read else session.execute_write(fn)
        return self._retrying(attempt)

    def _retrying(self, attempt: Callable[[], Any]) -> Any:
        """``attempt()``, retried on transient errors for ``retry_seconds``.

        Deadlocks between concurrent loads and a cluster's leader switch are retried with
        backoff. A lost connection is retried only while the server still answers: when it
        is gone, this fails at once with one line saying so (each transaction either
        committed whole or not at all, so rerunning the load is safe).
        """
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.1
        while True:
            try:
                return attempt()
            except _Retryable as retry:
                cause = retry.__cause__
                if isinstance(cause, (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired)) \
                        and not self._answers():
                    raise StoreError(
                        f"the Neo4j server at {self.uri} went away ({_first_line(cause)}); every "
                        "transaction committed whole or not at all, so rerunning the load is safe") from None
                if time.monotonic() + delay > deadline:
                    raise StoreError(str(retry)) from None
            time.sleep(delay)
            delay = min(delay * 2, 2.0)

    def _answers(self) -> bool:
        """Does the server accept a connection right now?"""
        try:
            self.driver.verify_connectivity()
            return True
        except (neo4j_errors.DriverError, neo4j_errors.Neo4jError, OSError):
            return False

    # -- schema and housekeeping ----------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the ontology's constraints and indexes if missing, and wait for them."""
        if self._schema_ready:
            return

        from graph.schema import schema_name, schema_statements

        def attempt() -> None:
            # Two loads starting together may both create the schema: a deadlock is retried.
            with self.session() as session:
                have = {r["name"] for r in session.run(S.SHOW_CONSTRAINT_NAMES)}
                have |= {r["name"] for r in session.run(S.SHOW_INDEX_NAMES)}
                missing = [s for s in schema_statements(self.ontology) if schema_name(s) not in have]
                for statement in missing:
                    session.run(statement).consume()
                if missing:
                    session.run(S.AWAIT_INDEXES).consume()
        self._retrying(attempt)
        self._schema_ready = True

    def clear(self) -> None:
        """Delete every node and relationship (the schema stays)."""
        with self.session() as session:
            session.run(S.DELETE_ALL_RELATIONSHIPS).consume()
            session.run(S.DELETE_ALL_NODES).consume()

    def counts(self) -> dict[str, int]:
        """Node counts by label and relationship counts by type (for summaries and tests)."""
        def work(tx: ManagedTransaction) -> dict[str, int]:
            out: dict[str, int] = {}
            for rec in tx.run(S.COUNT_LABELS):
                out[rec["label"]] = rec["n"]
            for rec in tx.run(S.COUNT_TYPES):
                out[rec["type"]] = rec["n"]
            return out
        return dict(self.execute_read(work))


    # -- the load stamp: has anything been written since? ----------------------------------
    def stamp(self) -> str | None:
        """The database's load stamp now: the bookmark Neo4j gives a read, which names the
        database and its last committed transaction, so it changes with every write (a load,
        a hand-written Cypher statement, a new empty database). One read transaction."""
        return self._read_stamped(lambda tx: tx.run(S.STAMP_READ).consume())[1]

    def same_digests(self, digests: dict[str, str]) -> str | None:
        """The load stamp (see :meth:`stamp`) when Neo4j holds every source of ``digests`` with
        that digest, else None: one read, one number back."""
        rows = [{"key": k, "digest": d} for k, d in digests.items()]
        same, stamp = self._read_stamped(
            lambda tx: tx.run(S.SAME_SOURCE_DIGESTS, rows=rows).single(strict=True)["n"])
        return stamp if same == len(digests) else None

    def schema_known(self) -> None:
        """The caller knows the schema is in place (the stamp is the one of a load that made it)."""
        self._schema_ready = True

    def _read_stamped(self, work: Callable[[ManagedTransaction], Any]) -> tuple[Any, str | None]:
        def attempt() -> tuple[Any, str | None]:
            with self.session(read=True) as session:
                result = session.execute_read(work)
                return result, session_stamp(session)
        return self._retrying(attempt)

    # -- loading (graph.db.load) -------------------------------------------------------
    def load_small(self, corpus: Corpus, settled: frozenset[str] = frozenset(),
                   held: dict[str, str] | None = None) -> tuple[LoadSummary, str | None]:
        """:meth:`load` in one write transaction (one commit, a few statements on one connection),
        for a corpus of a few files (loaders.delta); what it did and the stamp right after it.
        ``held``: each source's digest in Neo4j, when known (see :meth:`graph.db.load.Loader.load`)."""
        self.ensure_schema()

        def attempt() -> tuple[LoadSummary, str | None]:
            with self.session() as session:
                summary = session.execute_write(lambda tx: Loader(InOneTransaction(self, tx)).load(
                    corpus, workers=1, settled=settled, careful=True, held=held))
                return summary, session_stamp(session)
        return self._retrying(attempt)


    def load(self, corpus: Corpus, progress: bool = False, chunk_size: int = CHUNK_SIZE,
             workers: int = WORKERS, full: bool = False, settled: frozenset[str] = frozenset()) -> LoadSummary:
        """Load a validated corpus; idempotent, and a reload replaces what its sources say.

        For every source in the corpus, evidence that source no longer gives is
        removed; a claim disappears when no source supports it any more; an entity
        disappears when no source mentions it any more. Sources whose digest in Neo4j
        says they are loaded as they are now are skipped; ``full`` checks everything
        against the database instead (after someone edited the database by hand, say).
        ``settled``: see :meth:`graph.db.load.Loader.load`.
        """
        loader = Loader(self)
        try:
            return loader.load(corpus, progress=progress, chunk_size=chunk_size, workers=workers, full=full,
                               settled=settled)
        except BaseException:
            if loader.new_sources:
                self._forget_sources(corpus, sorted(loader.new_sources))
            raise

    def _forget_sources(self, corpus: Corpus, keys: list[str]) -> None:
        """After a failed load, take back what it wrote for sources Neo4j did not hold before.

        Loading an empty version of each such source removes its evidence, mentions and
        what only it supported (claims, entities), with the loader's own diff; then the
        Source nodes go. Best effort: with the server gone, the next load redoes it all.
        """
        empty = Corpus(sources={k: corpus.sources[k] for k in keys})
        with contextlib.suppress(StoreError, OSError):
            Loader(self).load(empty, full=True)
            self.execute_write(lambda tx: tx.run(S.DELETE_SOURCES, keys=keys).consume())
        with contextlib.suppress(StoreError, OSError):
            # Entities made before the failure but never mentioned (it struck mid-way).
            self.execute_write(lambda tx: tx.run(S.DROP_ORPHANS, keys=sorted(corpus.entities)).consume())

    # -- reading back (graph.db.read) ----------------------------------------------------
    def read_graph(self) -> nx.MultiDiGraph:
        """The whole graph, in the shape :func:`graph.build.build_graph` makes."""
        from graph.db.read import Reader

        return Reader(self).read_graph()

    def read_neighbourhood(self, key: str, depth: int = 1) -> nx.MultiDiGraph:
        """A focus entity with every entity within ``depth`` claim hops, and the claims among them."""
        from graph.db.read import Reader

        return Reader(self).read_neighbourhood(key, depth)

    def query(self, text: str, parameters: dict[str, Any] | None = None, *, write: bool = False,
              timeout: float | None = DEFAULT_TIMEOUT, limit: int | None = None) -> QueryResult:
        """Run Cypher for a person, read-only unless ``write``, with the guard, timeout and
        one-line errors of :func:`graph.db.query.run_query` (what ``casegraph query`` runs).

        Saved queries run the same way with :func:`casegraph.run_saved`.
        """
        from graph.db.query import run_query

        return run_query(self.driver, text, parameters, database=self.database, write=write,
                         timeout=timeout, limit=limit)

    def read_cypher(self, query: str, parameters: dict[str, Any] | None = None,
                    timeout: float | None = 30.0) -> nx.MultiDiGraph:
        """Run a read-only Cypher query (through the guard of :mod:`graph.db.query`); the
        entities and claim relationships it returns, with their evidence, become the graph."""
        from graph.db.read import Reader

        return Reader(self).read_cypher(query, parameters, timeout)


class _Retryable(StoreError):
    """A driver error after which the transaction may be retried (see ``Store.execute_read``)."""


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def connect(settings: Settings | None = None, ontology: Ontology | None = None) -> Store:
    """A :class:`Store` on ``NEO4J_URI`` (and friends) if set, else on the running local server."""
    from graph.db.server import connection

    settings = settings or get_settings()
    uri, user, password = connection(settings)
    store = Store.connect(uri, user, password, database=settings.neo4j_database, ontology=ontology,
                          trusted_ca=settings.neo4j_trusted_ca if settings.neo4j_uri else None)
    store.local = None if settings.neo4j_uri else settings
    return store

