"""A first load with Neo4j's own import tool: ``casegraph load --bulk``.

``neo4j-admin database import full`` writes the store files directly, far faster
than any transaction can, but only into a database that does not exist yet and with
the server offline. So a bulk load, on the local server casegraph manages only:

1. refuses unless the database is empty and nothing else is using it (one line);
2. writes the corpus as CSV files, row for row what :meth:`graph.db.store.Store.load`
   writes (the same builders in :mod:`graph.db.rows`, source digests included), one
   header and body per label or relationship type, while the server stops;
3. runs the import tool from the launcher's class path into a *staging* Neo4j home,
   never into the live one;
4. only when the import has succeeded, marks the load incomplete (``bulk/incomplete``),
   swaps the staged database in (the empty one is kept aside), starts the server,
   creates the ontology's constraints and indexes, writes the empty lists the import
   tool cannot write, checks the counts, and only then removes the mark; should any
   of this fail, the empty database is put back.

All or nothing, across a kill at any moment: the import tool dies with the process
that runs it (``PR_SET_PDEATHSIG``); the live database is replaced only after the
import succeeded; and a mark left by a bulk load that was killed after that makes the
next ``casegraph neo4j start``, ``status`` or any command that connects to the local
server put the empty database back (:func:`recover_interrupted`), so a database never
has the imported nodes without their schema, and a later plain load starts from
nothing rather than trusting digests of a half-done load.

A failure at any step (the import tool killed included) leaves the previous, empty
database, started, and raises one :class:`~graph.errors.StoreError` line. Later
loads of the same or edited files are ordinary incremental loads.

Running the import tool and swapping databases is :mod:`graph.db.importtool`'s job.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from graph.db import server
from graph.db import statements as S
from graph.db.importcsv import DATABASE, ImportFiles, write_import_files
from graph.db.importtool import BulkLayout, mark, process_peak_bytes, run_import, swap_back, swap_in
from graph.db.lifecycle import stop_locked
from graph.db.load import LoadSummary
from graph.db.serverdir import ServerPaths, locked, server_paths
from graph.errors import ServerError, StoreError
from graph.model import Corpus
from graph.schema import schema_statements
from graph.settings import Settings, get_settings

__all__ = ["bulk_load", "write_import_files", "ImportFiles", "process_peak_bytes", "recover_interrupted"]

# --------------------------------------------------------------------------- refusals


def _check_local(settings: Settings) -> None:
    from graph.db.uri import shown_uri

    if settings.neo4j_uri:
        # The import tool writes store files on the server's own disk, with the server stopped:
        # nothing a Bolt client can do. The same files can be made here and imported there.
        raise StoreError(
            "--bulk loads only into the local server casegraph runs, not NEO4J_URI "
            f"({shown_uri(settings.neo4j_uri)}): Neo4j's import tool writes the database files on the "
            "server itself; write them with 'casegraph export --to csv' and run the neo4j-admin import "
            "command it prints on that server, or load without --bulk")


@contextlib.contextmanager
def _bulk_lock(root: Path) -> Iterator[None]:
    """One bulk load per server directory at a time; a second one is refused, not queued."""
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / "bulk.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError("another bulk load is running on this server; try again when it has finished") from None
        yield
    finally:
        os.close(fd)


def _check_empty_and_idle(info: server.ServerInfo, settings: Settings) -> None:
    """Refuse a database that holds anything, that another client is writing to, or that is
    in a critical state (one line each, whatever the driver raises)."""
    from graph.db.store import Store

    problems = server.health(info, settings)
    if problems:
        raise StoreError("the local database is not healthy, so --bulk will not touch it: " + "; ".join(problems))
    with Store.connect(info.bolt_uri, info.username, info.password(), retry_seconds=0) as store, store.errors():
        store.local = settings
        driver = store.driver
        records = driver.execute_query(S.BULK_COUNT_NODES).records
        nodes = int(records[0]["n"]) if records else 0
        if nodes:
            raise StoreError(f"the database is not empty ({nodes:,} nodes): --bulk is only for a first load "
                             "into an empty database; load without --bulk, or clear it first")
        others = driver.execute_query(S.BULK_OTHER_TRANSACTIONS, db=DATABASE).records
        if others and others[0]["n"]:
            raise StoreError("another load or query is running on the database; try --bulk again when it has "
                             "finished")


# --------------------------------------------------------------------------- undo, schema, load


def _undo_unlocked(paths: ServerPaths, layout: BulkLayout) -> bool:
    """Stop the server and put the empty database back (the caller holds the server lock);
    returns whether the server was running."""
    running = stop_locked(paths, 60)
    swap_back(layout, paths.home)
    layout.incomplete.unlink(missing_ok=True)
    return running


def recover_interrupted(settings: Settings) -> bool:
    """Undo a bulk load that was killed between the swap and the end of its schema step.

    Called by :func:`graph.db.server.start` and :func:`graph.db.server.status` with the
    server lock held. Does nothing while a bulk load is running (it holds ``bulk.lock``) or
    when there is no ``bulk/incomplete`` mark. Otherwise stops the server, puts the empty
    database back and returns whether the server was running (so the caller can start it
    again).
    """
    paths = server_paths(settings)
    layout = BulkLayout(paths.root)
    if not layout.incomplete.exists():
        return False
    fd = os.open(layout.lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # the bulk load is alive and finishes (or undoes) the job itself
        if not layout.incomplete.exists():
            return False
        running = _undo_unlocked(paths, layout)
        with contextlib.suppress(OSError):
            with paths.log.open("a", encoding="utf-8") as log:
                log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} casegraph: a bulk load was interrupted "
                          "before its schema step ended; the empty database is back\n")
        return running
    finally:
        os.close(fd)


def _create_schema(store: Any) -> None:
    """The ontology's constraints and indexes, in one transaction: Neo4j then fills all of
    their indexes in one pass over the imported store instead of one pass each (the
    import tool's own ``--schema`` is not available for this store format)."""
    with store.session() as session:
        with session.begin_transaction() as tx:
            for statement in schema_statements(store.ontology):
                tx.run(statement).consume()
            tx.commit()
        session.run(S.AWAIT_INDEXES).consume()
    store.ensure_schema()  # checks that everything is there


def _set_empty_lists(store: Any, files: ImportFiles) -> None:
    """Write the empty list properties the import tool left out, as Store.load writes them."""
    for what, rows in sorted(files.empty_lists.items()):
        query = S.bulk_set_empty_lists(store.ontology, what)
        for i in range(0, len(rows), 10000):
            store.execute_write(partial(_run, query=query, rows=rows[i:i + 10000]))


def _run(tx: Any, query: str, rows: list[dict[str, Any]]) -> None:
    tx.run(query, rows=rows).consume()


def _restart(settings: Settings, browser: bool) -> server.ServerInfo:
    return server.start(settings, browser=browser, timeout=600)


def bulk_load(corpus: Corpus, settings: Settings | None = None) -> LoadSummary:
    """Load ``corpus`` into the empty local database with Neo4j's import tool.

    The result equals what :meth:`graph.db.store.Store.load` makes of it, property for
    property (source digests, constraints and indexes included), so later loads are
    ordinary incremental ones. Refused (one-line :class:`StoreError`) on ``NEO4J_URI``,
    on a database that is not empty, and while another load runs; on any failure the
    empty database is back and started. The local server is started if it is not running,
    and is running again afterwards.
    """
    from graph.db.store import Store

    settings = settings or get_settings()
    _check_local(settings)
    summary = LoadSummary()
    clock = time.perf_counter()

    def lap(phase: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        summary.seconds[phase] = now - clock
        clock = now

    paths = server_paths(settings)
    layout = BulkLayout(paths.root)
    with _bulk_lock(paths.root):
        with locked(paths):
            if layout.incomplete.exists():  # an earlier bulk load killed half-way: undo it first
                _undo_unlocked(paths, layout)
        info = server.start(settings, timeout=600)
        browser = info.browser_url is not None
        _check_empty_and_idle(info, settings)
        lap("checks")
        shutil.rmtree(layout.work / "csv", ignore_errors=True)
        try:
            # The server lock is held from the stop until the imported database is in
            # place, so nobody starts the server on the home meanwhile. The server stops
            # while the CSV files are written (that is Python's work, stopping is Neo4j's).
            with locked(paths):
                with ThreadPoolExecutor(max_workers=1) as pool:
                    stopping = pool.submit(stop_locked, paths, 60)
                    try:
                        files = write_import_files(corpus, layout.csv)
                    finally:
                        stopping.result()
                lap("csv")
                try:
                    run_import(settings, layout, files, summary.peak_bytes)
                except BaseException:
                    shutil.rmtree(layout.staging, ignore_errors=True)
                    raise
                finally:
                    lap("import")
                # From here until the schema step is done the database is incomplete: a
                # kill leaves the mark, and the next command undoes the load (recover_interrupted).
                shutil.rmtree(layout.aside, ignore_errors=True)  # what a finished earlier load left
                mark(layout.incomplete)
                swap_in(layout, paths.home)
            try:
                info = _restart(settings, browser)
                lap("start")
                with Store.connect(info.bolt_uri, info.username, info.password()) as store:
                    _create_schema(store)
                    _set_empty_lists(store, files)
                    have = store.counts()
                lap("schema")
                hwm = process_peak_bytes(info.pid)
                if hwm:
                    summary.peak_bytes["server"] = hwm
                expect = {"Source": files.counts["sources"], "Entity": files.counts["entities"],
                          "Claim": files.counts["claims"], "Evidence": files.counts["evidence"]}
                wrong = {k: (have.get(k, 0), n) for k, n in expect.items() if have.get(k, 0) != n}
                if wrong:
                    raise StoreError("the imported database does not hold what was written: " + ", ".join(
                        f"{k} {got} instead of {n}" for k, (got, n) in wrong.items()))
                layout.incomplete.unlink()  # complete: the schema and every property are in
            except BaseException:
                with locked(paths):
                    _undo_unlocked(paths, layout)
                with contextlib.suppress(ServerError):
                    _restart(settings, browser)
                raise
            shutil.rmtree(layout.aside, ignore_errors=True)
        except BaseException:
            # Whatever happened, the (empty) server is running again.
            with contextlib.suppress(ServerError):
                _restart(settings, browser)
            raise
        finally:
            shutil.rmtree(layout.csv, ignore_errors=True)
            shutil.rmtree(layout.staging, ignore_errors=True)
    for kind, n in files.counts.items():
        summary.created[kind] = n
    return summary
