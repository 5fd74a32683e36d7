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
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from graph.db import server
from graph.db import statements as S
from graph.db.importcsv import DATABASE, ImportFiles, import_arguments, write_import_files
from graph.db.launcher import find_java
from graph.db.lifecycle import stop_locked
from graph.db.load import LoadSummary
from graph.db.serverdir import ServerPaths, locked, server_paths
from graph.errors import ServerError, StoreError
from graph.model import Corpus
from graph.schema import schema_statements
from graph.settings import Settings, get_settings

__all__ = ["bulk_load", "write_import_files", "ImportFiles", "process_peak_bytes", "recover_interrupted"]

_IMPORT_CLASS = "org.neo4j.cli.AdminTool"

# --------------------------------------------------------------------------- refusals


def _check_local(settings: Settings) -> None:
    from graph.db.store import shown_uri

    if settings.neo4j_uri:
        raise StoreError(
            "--bulk loads only into the local server casegraph runs, not NEO4J_URI "
            f"({shown_uri(settings.neo4j_uri)}): unset NEO4J_URI, or load without --bulk")


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


# --------------------------------------------------------------------------- the import


@dataclass(frozen=True)
class _Layout:
    """Where the staging home, the CSV files and the set-aside empty database live."""

    root: Path  # the server directory

    @property
    def work(self) -> Path:
        return self.root / "bulk"

    @property
    def csv(self) -> Path:
        return self.work / "csv"

    @property
    def staging(self) -> Path:
        return self.work / "home"

    @property
    def aside(self) -> Path:
        return self.work / "aside"

    @property
    def pid(self) -> Path:
        return self.work / "import.pid"

    @property
    def incomplete(self) -> Path:
        """Present from just before the swap until the schema step is done (see module doc)."""
        return self.work / "incomplete"

    @property
    def lock(self) -> Path:
        return self.root / "bulk.lock"

    @property
    def log(self) -> Path:
        return self.root / "logs" / "import.log"

    def db_dirs(self, home: Path) -> list[Path]:
        """The default database's store and transaction log directories under a Neo4j home."""
        return [home / "data" / "databases" / DATABASE, home / "data" / "transactions" / DATABASE]


def _run_import(settings: Settings, layout: _Layout, files: ImportFiles, peak: dict[str, int]) -> None:
    """Run ``neo4j-admin database import full`` into the staging home; StoreError on failure.
    The import tool's peak resident memory goes into ``peak`` (bytes)."""
    if "," in str(layout.work):  # the import tool splits its file lists at commas
        raise StoreError(f"--bulk cannot work under a folder whose path has a comma: {layout.work}")
    jar = server.build_launcher(settings)
    java = find_java()
    shutil.rmtree(layout.staging, ignore_errors=True)
    (layout.staging / "conf").mkdir(parents=True)
    memory = server.memory_plan(settings)
    cmd = [
        java, f"-Xmx{memory['heap'] // (1 << 20)}m",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "-cp", f"{jar}{os.pathsep}{jar.parent / 'lib' / '*'}", _IMPORT_CLASS,
        "database", "import", "full", DATABASE,  # before the file lists, which take every word after them
        f"--threads={max(os.cpu_count() or 1, 1)}",
        f"--max-off-heap-memory={max(memory['pagecache'] * 2, 512 << 20) // (1 << 20)}m",
        f"--report-file={layout.work / 'import.report'}",
    ]
    cmd += import_arguments(files)
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    env.update(NEO4J_HOME=str(layout.staging), NEO4J_CONF=str(layout.staging / "conf"))
    layout.log.parent.mkdir(parents=True, exist_ok=True)
    with layout.log.open("ab") as log:
        offset = log.seek(0, os.SEEK_END)
        log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} casegraph: bulk import\n".encode())
        log.flush()
        try:
            proc = subprocess.Popen(cmd, cwd=layout.work, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT, close_fds=True,
                                    preexec_fn=partial(_die_with_parent, os.getpid()))
        except OSError as e:
            raise StoreError(f"cannot run {java}: {e.strerror}") from None
        layout.pid.write_text(f"{proc.pid}\n")
        try:
            # Polled for its peak memory (a child's ru_maxrss would count ours from before exec).
            while True:
                try:
                    status = proc.wait(timeout=0.5)
                    break
                except subprocess.TimeoutExpired:
                    hwm = process_peak_bytes(proc.pid)
                    if hwm:
                        peak["import tool"] = max(peak.get("import tool", 0), hwm)
        except BaseException:  # Ctrl-C: the import must not outlive us
            proc.kill()
            proc.wait()
            raise
        finally:
            layout.pid.unlink(missing_ok=True)
    if status != 0:
        how = (f"was killed ({signal.Signals(-status).name})" if status < 0 and -status in signal.valid_signals()
               else f"failed (exit {status}): {_last_error(layout.log, offset)}")
        raise StoreError(f"the Neo4j import tool {how}; the database is left empty (see {layout.log})")
    if not all(d.is_dir() for d in layout.db_dirs(layout.staging)):
        raise StoreError(f"the Neo4j import tool made no database in {layout.staging}; the database is left empty")


def _die_with_parent(parent: int) -> None:
    """In the forked child, before exec: the kernel kills it when its parent dies
    (``prctl(PR_SET_PDEATHSIG, SIGKILL)``), so a killed bulk load leaves no import tool
    writing on for minutes; if the parent is already gone, die now."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)


def process_peak_bytes(pid: int) -> int | None:
    """The peak resident memory of a running process so far (``VmHWM``), or None if unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _last_error(log: Path, offset: int) -> str:
    try:
        with log.open("rb") as fh:
            fh.seek(offset)
            lines = [ln.strip() for ln in fh.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    except OSError:
        return "no output"
    for line in lines:
        if "error" in line.lower() or "exception" in line.lower():
            return line[:300]
    return lines[-1][:300] if lines else "no output"


def _swap_in(layout: _Layout, home: Path) -> None:
    """Put the empty database aside and the staged one in its place (the server is stopped)."""
    shutil.rmtree(layout.aside, ignore_errors=True)
    layout.aside.mkdir(parents=True)
    for i, (live, staged) in enumerate(zip(layout.db_dirs(home), layout.db_dirs(layout.staging), strict=True)):
        if live.exists():
            os.replace(live, layout.aside / str(i))
        live.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, live)


def _swap_back(layout: _Layout, home: Path) -> None:
    """Undo :func:`_swap_in`, however far it got: each imported directory goes and the empty
    one set aside comes back; an imported one with nothing set aside just goes (Neo4j then
    makes a new empty database on start); one the swap never reached stays."""
    for i, (live, staged) in enumerate(zip(layout.db_dirs(home), layout.db_dirs(layout.staging), strict=True)):
        kept = layout.aside / str(i)
        if kept.exists():
            shutil.rmtree(live, ignore_errors=True)
            os.replace(kept, live)
        elif not staged.exists():
            shutil.rmtree(live, ignore_errors=True)


def _undo_unlocked(paths: ServerPaths, layout: _Layout) -> bool:
    """Stop the server and put the empty database back (the caller holds the server lock);
    returns whether the server was running."""
    running = stop_locked(paths, 60)
    _swap_back(layout, paths.home)
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
    layout = _Layout(paths.root)
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
    layout = _Layout(paths.root)
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
                    _run_import(settings, layout, files, summary.peak_bytes)
                except BaseException:
                    shutil.rmtree(layout.staging, ignore_errors=True)
                    raise
                finally:
                    lap("import")
                # From here until the schema step is done the database is incomplete: a
                # kill leaves the mark, and the next command undoes the load (recover_interrupted).
                shutil.rmtree(layout.aside, ignore_errors=True)  # what a finished earlier load left
                _mark(layout.incomplete)
                _swap_in(layout, paths.home)
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


def _mark(path: Path) -> None:
    """Create ``path`` durably (fsynced with its directory): it must outlive a power cut."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, b"1\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    dir_fd = os.open(path.parent, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
