"""The import tool's side of a bulk load: where it works, running it, swapping its database in.

:mod:`graph.db.bulk` decides when (see its docstring for the all-or-nothing steps);
this module runs ``neo4j-admin database import full`` from the launcher's class path
into a staging Neo4j home (never the live one), and swaps the staged database with
the live, empty one and back.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from graph.db.importcsv import DATABASE, ImportFiles, import_arguments
from graph.db.launcher import build_launcher, find_java
from graph.db.memory import memory_plan
from graph.errors import StoreError
from graph.settings import Settings

__all__ = ["BulkLayout", "run_import", "process_peak_bytes", "swap_in", "swap_back", "mark"]

_IMPORT_CLASS = "org.neo4j.cli.AdminTool"


@dataclass(frozen=True)
class BulkLayout:
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
        """Present from just before the swap until the schema step is done (see :mod:`graph.db.bulk`)."""
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


def run_import(settings: Settings, layout: BulkLayout, files: ImportFiles, peak: dict[str, int]) -> None:
    """Run ``neo4j-admin database import full`` into the staging home; StoreError on failure.
    The import tool's peak resident memory goes into ``peak`` (bytes)."""
    if "," in str(layout.work):  # the import tool splits its file lists at commas
        raise StoreError(f"--bulk cannot work under a folder whose path has a comma: {layout.work}")
    jar = build_launcher(settings)
    java = find_java()
    shutil.rmtree(layout.staging, ignore_errors=True)
    (layout.staging / "conf").mkdir(parents=True)
    memory = memory_plan(settings)
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


def swap_in(layout: BulkLayout, home: Path) -> None:
    """Put the empty database aside and the staged one in its place (the server is stopped)."""
    shutil.rmtree(layout.aside, ignore_errors=True)
    layout.aside.mkdir(parents=True)
    for i, (live, staged) in enumerate(zip(layout.db_dirs(home), layout.db_dirs(layout.staging), strict=True)):
        if live.exists():
            os.replace(live, layout.aside / str(i))
        live.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, live)


def swap_back(layout: BulkLayout, home: Path) -> None:
    """Undo :func:`swap_in`, however far it got: each imported directory goes and the empty
    one set aside comes back; an imported one with nothing set aside just goes (Neo4j then
    makes a new empty database on start); one the swap never reached stays."""
    for i, (live, staged) in enumerate(zip(layout.db_dirs(home), layout.db_dirs(layout.staging), strict=True)):
        kept = layout.aside / str(i)
        if kept.exists():
            shutil.rmtree(live, ignore_errors=True)
            os.replace(kept, live)
        elif not staged.exists():
            shutil.rmtree(live, ignore_errors=True)


def mark(path: Path) -> None:
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
