"""A validation cache for fact files: what checking one file found, reused while the file is unchanged.

Checking a file (every field against the ontology) costs far more than reading it back from a
cache, and most files of a big corpus do not change between two runs. This cache keeps, per fact
file, the *checked* result of a valid file (its source, entities and claims) so that the next
``validate`` or ``load`` only checks files that changed, then runs the cross-file checks (one
key, one entity; attributes that must agree; one file per source) on the whole corpus as before.
Results are identical with and without the cache (``tests/test_cache.py`` compares them).

What makes an entry usable, and nothing else:

- the file's size and modification time are a first look, its content hash decides: a row is
  used only when the SHA-1 of the bytes read now equals the one stored;
- every row is tied to a *context*: the cache format, casegraph's version, the ontology file's
  bytes and the source of the modules that check files. Any change there and no row matches;
- only files that were valid are stored, so every problem message is always computed afresh.

Beside the files, the cache keeps *run summaries* (table ``runs``): the counts of a whole valid
run and, after a load, each source's digest, under a key made of the context and every file's
path and content hash; :mod:`loaders.incremental` answers an unchanged corpus from them.

Safety: the cache is SQLite (no pickle: rows are JSON, decoded into plain values and then into
the model's dataclasses), under ``.casegraph/cache/`` of the casegraph home. A cache file that is
not owned by the current user, or that others may write, is neither read nor written; a corrupt
or truncated one is set aside and rebuilt; a row that does not decode is a miss. A run's writes are
one transaction, committed at its end, so two runs at once each see a whole cache (the one that
does not get the write lock simply does not store its rows).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when used: a run the cache answers does not need them
    from graph.model import Claim, Entity, Source
    from graph.ontology import Ontology

__all__ = ["FactCache", "open_cache", "cache_path"]

FORMAT = 3
RUNS_KEPT = 8  # whole-run summaries kept (one per corpus a user validates or loads, most recent first)
# The modules whose code decides what a checked file contains: a change to any of them is a new
# context (a developer's edit changes results without changing casegraph's version).
# Run summaries (loaders.incremental) also depend on the judgements and on the source digests.
_CHECKER_MODULES = ("loaders/facts.py", "loaders/drafts.py", "graph/types.py", "graph/model.py",
                    "graph/text.py", "graph/ontology.py", "loaders/cache.py", "loaders/judgements.py",
                    "loaders/incremental.py", "loaders/delta.py", "graph/db/rows.py", "graph/yamlio.py",
                    "graph/yamlfast.py")
# A file whose status (size, mtime, ctime, inode) is the one stored is taken to hold the bytes
# stored, as git does, unless it changed so shortly before it was hashed that a later write
# could have kept the same times: such a file is hashed again every time.
RACY_NS = 2_000_000_000
_ROOT = Path(__file__).resolve().parent.parent


def cache_path(home: Path) -> Path:
    """Where the cache of a casegraph home lives."""
    return home / "cache" / "facts.sqlite"


def ontology_file(ontology: Ontology | None = None) -> Path:
    """The ontology file of ``ontology``, or of the one in use (without reading it)."""
    if ontology is not None:
        return Path(ontology.path)
    from graph.settings import ontology_file as configured

    return configured() or Path(__file__).resolve().parent.parent / "graph" / "ontology.yaml"


def _context(ontology: Path) -> str | None:
    """A digest of everything besides a file's bytes that its checked result depends on: the
    ontology file ``ontology`` (its limits included), the checking code and casegraph's version."""
    h = hashlib.sha1(f"casegraph-fact-cache {FORMAT}".encode())
    h.update(_version().encode())
    try:
        h.update(ontology.read_bytes())
        for rel in _CHECKER_MODULES:
            h.update(rel.encode())
            h.update((_ROOT / rel).read_bytes())
    except OSError:
        return None  # an ontology or code we cannot read back: do not cache at all
    return h.hexdigest()


def _version() -> str:
    """casegraph's installed version, read from its metadata file: importing importlib.metadata
    costs more than a warm run's every other step (the module digests tie rows to the code anyway)."""
    import sys

    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("casegraph-") and name.endswith((".dist-info", ".egg-info")):
                try:
                    meta = Path(entry or ".", name, "METADATA" if name.endswith(".dist-info") else "PKG-INFO")
                    for line in meta.read_text(encoding="utf-8").splitlines():
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                except OSError:
                    continue
    return "0+unknown"


def _safe_owner(path: Path) -> bool:
    """True when ``path`` (a file or directory) is ours and nobody else may write it."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if stat.S_ISLNK(st.st_mode):
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


@dataclass
class Stamp:
    """What identifies a file's content: its status (a first look) and its content hash."""

    size: int
    mtime_ns: int
    sha1: str
    ctime_ns: int = 0
    ino: int = 0
    taken_ns: int = field(default=0, compare=False)  # when the status was read, before the bytes


def stamp(path: Path | str) -> Stamp | None:
    """The file's stamp from its bytes, or None when it cannot be read (the checker reports that)."""
    taken = time.time_ns()
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            data = fh.read()
    except OSError:
        return None
    return Stamp(st.st_size, st.st_mtime_ns, hashlib.sha1(data).hexdigest(), st.st_ctime_ns, st.st_ino, taken)


def file_key(path: Path | str) -> str:
    """A file's key in the cache: its absolute path (not resolved: a row is checked by its hash anyway)."""
    return os.path.abspath(path)


def file_keys(paths: Iterable[Path | str]) -> list[str]:
    """:func:`file_key` of each path, with one look at the working directory for them all
    (``os.path.abspath`` asks for it once per path: tens of thousands of system calls)."""
    cwd = os.getcwd()
    base = cwd if cwd.endswith("/") else cwd + "/"
    out = []
    for path in paths:
        s = os.fspath(path)
        key = s if s.startswith("/") else base + s
        if "/." in key or "//" in key or key.endswith("/"):  # what normpath would change
            key = os.path.normpath(key)
        out.append(key)
    return out


@dataclass
class Row:
    """What the cache knows of one file without reading its checked result."""

    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int
    sha1: str
    taken_ns: int
    source: str


@dataclass
class RunInfo:
    """What a run learnt besides its result (for the run summary of :mod:`loaders.incremental`)."""

    stamps: dict[Path | str, Stamp | None] = field(default_factory=dict)  # taken before reading (by the path as given)
    steady: bool = True  # every file read still had the bytes stamped before
    drafts: int = 0  # unreviewed drafts among the files


class FactCache:
    """Checked results of valid fact files, keyed by absolute path and checked by content hash."""

    def __init__(self, conn: sqlite3.Connection, context: str) -> None:
        self._conn = conn
        self._context = context
        self.rows: dict[str, Row] = {}
        self._writing = False  # inside this run's write transaction
        self._write_failed = False
        self.hits = 0
        self.misses = 0
        self.hashed = 0  # files whose bytes a stamp read (the others: status as stored)
        try:
            for path, *values in conn.execute("SELECT path, size, mtime_ns, ctime_ns, ino, sha1, taken_ns, source "
                                              "FROM files WHERE context = ?", (context,)):
                self.rows[path] = Row(*values)
        except (sqlite3.DatabaseError, TypeError):
            self.rows = {}

    @property
    def context(self) -> str:
        return self._context

    def stamp(self, path: Path | str, key: str | None = None) -> Stamp | None:
        """:func:`stamp`, without reading the bytes when the file's status is the one stored
        (and was not racy then, see ``RACY_NS``); ``key``: the path's :func:`file_key` if known."""
        row = self.rows.get(key or file_key(path))
        if row is not None:
            try:
                st = os.stat(path)
            except OSError:
                return None
            if ((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) == (row.size, row.mtime_ns, row.ctime_ns, row.ino)
                    and max(row.mtime_ns, row.ctime_ns) < row.taken_ns - RACY_NS):
                return Stamp(row.size, row.mtime_ns, row.sha1, row.ctime_ns, row.ino, row.taken_ns)
        self.hashed += 1
        return stamp(path)

    def lookup(self, path: Path, st: Stamp) -> dict[str, Any] | None:
        """The stored checked result of ``path`` when its content is the one stored, else None."""
        data = self.data(file_key(path), st.sha1)
        if data is None:
            self.misses += 1
        else:
            self.hits += 1
        return data

    def data(self, key: str, sha1: str) -> dict[str, Any] | None:
        """The stored checked result of the file ``key`` (see :func:`file_key`) with content ``sha1``."""
        row = self.rows.get(key)
        if row is None or row.sha1 != sha1:
            return None
        try:
            found = self._conn.execute("SELECT data, check_sum FROM files WHERE path = ? AND sha1 = ? AND context = ?",
                                       (key, sha1, self._context)).fetchone()
        except sqlite3.DatabaseError:
            found = None
        return _checked_json(found)

    def mentions(self, keys: Iterable[str]) -> Iterator[tuple[str, str, str]]:
        """(file key, entity key, the entity as stored, JSON text) of every stored file that declares one
        of ``keys`` (files of other corpora and older versions included: the caller keeps those it has).
        The text is not decoded here: a hub's thousands of files mostly state it in the same words,
        which the caller decodes once."""
        for key in keys:
            try:
                rows = self._conn.execute("SELECT path, data FROM ents WHERE key = ?", (key,)).fetchall()
            except sqlite3.DatabaseError:
                rows = []
            for path, text in rows:
                yield path, key, text

    def declared_once(self, key: str) -> str | None:
        """The one way every stored file declares entity ``key`` (the JSON text of the entity as
        stored, without its line numbers), or None when stored files declare it in more than one way
        (or none do): SQLite compares a hub's thousands of rows, and one text comes back."""
        try:
            rows = self._conn.execute("SELECT DISTINCT json_remove(data, '$[8]', '$[7]') FROM ents WHERE key = ? LIMIT 2",
                                      (key,)).fetchall()
        except sqlite3.DatabaseError:  # (an SQLite without its JSON functions, say) the caller reads every row
            return None
        return rows[0][0] if len(rows) == 1 and isinstance(rows[0][0], str) else None

    def claim_files(self, cid: str) -> list[str]:
        """The keys of stored files that state claim ``cid`` (any corpus, any version)."""
        try:
            return [r[0] for r in self._conn.execute("SELECT path FROM cids WHERE cid = ?", (cid,))]
        except sqlite3.DatabaseError:
            return []

    def source_files(self, source: str) -> list[str]:
        """The keys of stored files whose source key is ``source``."""
        try:
            return [r[0] for r in self._conn.execute("SELECT path FROM files WHERE source = ? AND context = ?",
                                                     (source, self._context))]
        except sqlite3.DatabaseError:
            return []

    def latest(self, corpus: str) -> str | None:
        """The run key of the last valid run of ``corpus`` (see :func:`corpus_key`)."""
        try:
            found = self._conn.execute("SELECT run FROM latest WHERE corpus = ?", (corpus,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return found[0] if found and isinstance(found[0], str) else None

    def corpus_key(self, paths: list[str | Path]) -> str:
        """What names a corpus across its versions: this context and the paths a run was given."""
        h = hashlib.sha1(f"corpus {self._context}".encode())
        for p in paths:
            h.update(f"\x00{file_key(p)}".encode())
        return h.hexdigest()

    def run_key(self, files: list[tuple[str, Stamp | None]], extra: list[tuple[str, Stamp | None]]) -> str | None:
        """The key of a whole run: this context, every fact file (in order) and every other file
        its result depends on (judgements), each by :func:`file_key` and content hash; None when
        a file cannot be read (the checker reports that)."""
        h = hashlib.sha1(f"run {self._context}".encode())
        for group in (files, extra):
            h.update(b"\x00group")
            for key, st in group:
                if st is None:
                    return None
                h.update(f"\x00{key}\x00{st.sha1}".encode())
        return h.hexdigest()

    def run(self, key: str) -> dict[str, Any] | None:
        """The summary stored for a valid run with this key (see :meth:`run_key`), or None."""
        try:
            found = self._conn.execute("SELECT data, check_sum FROM runs WHERE key = ? AND context = ?",
                                       (key, self._context)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return _checked_json(found)

    def store_run(self, key: str, data: dict[str, Any], corpus: str | None = None) -> None:
        """Remember the summary of a valid run (in the run's write transaction, like :meth:`store`),
        and that it is the latest of ``corpus``."""
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        if not self._begin():
            return
        try:
            self._conn.execute("INSERT OR REPLACE INTO runs(key, context, data, check_sum, stored) "
                               "VALUES (?, ?, ?, ?, julianday('now'))",
                               (key, self._context, text, hashlib.sha1(text.encode()).hexdigest()))
            self._conn.execute("DELETE FROM runs WHERE key NOT IN (SELECT key FROM runs ORDER BY stored DESC LIMIT ?)",
                               (RUNS_KEPT,))
            if corpus is not None:
                self._conn.execute("INSERT OR REPLACE INTO latest(corpus, run) VALUES (?, ?)", (corpus, key))
            self._conn.execute("DELETE FROM latest WHERE run NOT IN (SELECT key FROM runs)")
        except sqlite3.DatabaseError:
            self._give_up()

    def _begin(self) -> bool:
        """Open this run's write transaction if not yet open; False when it cannot be."""
        if self._write_failed:
            return False
        if self._writing:
            return True
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            self._writing = True
            if any(True for _ in self._conn.execute("SELECT 1 FROM files WHERE context != ? LIMIT 1", (self._context,))):
                self._conn.execute("DELETE FROM files WHERE context != ?", (self._context,))
                self._conn.execute("DELETE FROM ents WHERE path NOT IN (SELECT path FROM files)")
                self._conn.execute("DELETE FROM cids WHERE path NOT IN (SELECT path FROM files)")
            self._conn.execute("DELETE FROM runs WHERE context != ?", (self._context,))
        except sqlite3.DatabaseError:
            self._give_up()
            return False
        return True

    def store(self, path: Path | str, st: Stamp, data: dict[str, Any]) -> None:
        """Remember a valid file's checked result, in the run's one write transaction.

        Rows go to SQLite as they come (its pages, not this process, hold them) and become
        visible at :meth:`commit`. When another run holds the write lock, this run stores nothing.
        """
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if not self._begin():
            return
        key = file_key(path)
        source = data["s"][0]
        try:
            self._conn.execute(
                "INSERT OR REPLACE INTO files(path, size, mtime_ns, ctime_ns, ino, sha1, taken_ns, source, context, data, "
                "check_sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, st.size, st.mtime_ns, st.ctime_ns, st.ino, st.sha1, st.taken_ns, source, self._context, text,
                 hashlib.sha1(text.encode()).hexdigest()))
            # The per-key index of the cross-file checks (loaders.delta): rows of this version only.
            if key in self.rows:
                self._conn.execute("DELETE FROM ents WHERE path = ?", (key,))
                self._conn.execute("DELETE FROM cids WHERE path = ?", (key,))
            self._conn.executemany("INSERT INTO ents(path, key, data) VALUES (?, ?, ?)",
                                   [(key, e[0], json.dumps(e, ensure_ascii=False, separators=(",", ":"))) for e in data["e"]])
            self._conn.executemany("INSERT INTO cids(path, cid) VALUES (?, ?)", [(key, c[0]) for c in data["c"]])
        except sqlite3.DatabaseError:
            self._give_up()
            return
        self.rows[key] = Row(st.size, st.mtime_ns, st.ctime_ns, st.ino, st.sha1, st.taken_ns, source)

    def _give_up(self) -> None:
        """Another run holds the lock, or the disk is full: the cache is an optimisation."""
        self._write_failed = True
        if self._writing:
            try:
                self._conn.rollback()
            except sqlite3.DatabaseError:
                pass
            self._writing = False

    def commit(self) -> None:
        """Make this run's rows visible, all at once; a failing commit keeps the old rows."""
        if not self._writing:
            return
        try:
            self._conn.commit()
            self._writing = False
        except sqlite3.DatabaseError:
            self._give_up()

    def close(self) -> None:
        self._conn.close()


_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    sha1 TEXT NOT NULL,
    taken_ns INTEGER NOT NULL,
    source TEXT NOT NULL,
    context TEXT NOT NULL,
    data TEXT NOT NULL,
    check_sum TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_source ON files(source);
CREATE INDEX IF NOT EXISTS files_stat ON files(context, path, size, mtime_ns, ctime_ns, ino, sha1, taken_ns, source);
CREATE TABLE IF NOT EXISTS ents (path TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ents_key ON ents(key);
CREATE INDEX IF NOT EXISTS ents_path ON ents(path);
CREATE TABLE IF NOT EXISTS cids (path TEXT NOT NULL, cid TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS cids_cid ON cids(cid);
CREATE INDEX IF NOT EXISTS cids_path ON cids(path);
CREATE TABLE IF NOT EXISTS latest (corpus TEXT PRIMARY KEY, run TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    key TEXT PRIMARY KEY,
    context TEXT NOT NULL,
    data TEXT NOT NULL,
    check_sum TEXT NOT NULL,
    stored REAL NOT NULL
)
"""


_SHAPE = {"files": ["path", "size", "mtime_ns", "ctime_ns", "ino", "sha1", "taken_ns", "source", "context", "data",
                    "check_sum"],
          "runs": ["key", "context", "data", "check_sum", "stored"], "ents": ["path", "key", "data"],
          "cids": ["path", "cid"], "latest": ["corpus", "run"]}


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=2.0, isolation_level=None)  # transactions are explicit
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        # A whole-file check (quick_check) reads every page, as long as a warm run: a truncated
        # file is told by its size, a garbled one by SQLite's own errors (caught as a miss or a
        # rebuild), a garbled row by its check sum.
        conn.execute("BEGIN")
        try:
            pages = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
            if os.stat(path).st_size < pages:
                raise sqlite3.DatabaseError("a truncated cache file")
        finally:
            conn.execute("COMMIT")
        conn.executescript(_SCHEMA)
        shape = {table: [r[1] for r in conn.execute(f"PRAGMA table_info({table})")] for table in _SHAPE}
        if shape != _SHAPE:
            raise sqlite3.DatabaseError("a cache file of another shape")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def open_cache(home: Path, ontology: Ontology | Path) -> Iterator[FactCache | None]:
    """The cache of ``home`` for this ontology (or ontology file) and code, or None when it cannot be used safely."""
    context = _context(ontology if isinstance(ontology, Path) else ontology_file(ontology))
    path = cache_path(home)
    cache: FactCache | None = None
    if context is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            pass
        if path.parent.is_dir() and _safe_owner(path.parent) and _safe_owner(path):
            try:
                cache = FactCache(_connect(path), context)
            except sqlite3.DatabaseError:
                cache = _rebuild(path, context)
            except OSError:
                cache = None
    try:
        yield cache
        if cache is not None:
            cache.commit()
    finally:
        if cache is not None:
            cache.close()


def _rebuild(path: Path, context: str) -> FactCache | None:
    """Set a corrupt or foreign-shaped cache file aside and start a new one."""
    try:
        path.unlink()
        for extra in (path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
            extra.unlink(missing_ok=True)
        return FactCache(_connect(path), context)
    except (OSError, sqlite3.DatabaseError):
        return None


# -- encoding checked results ------------------------------------------------------------------


def encode(source: Source, source_line: int, entities: list[tuple[Entity, int, dict[str, int]]],
           claims: list[tuple[Claim, int]], draft_open: int | None, exact_lines: bool) -> dict[str, Any] | None:
    """A checked file as JSON-able plain values, or None when a value would not come back equal."""
    data = {
        # The path as it was given and the evidence locations built from it are not stored: the
        # same file named another way (another working directory) gets them from its name now.
        "s": [source.key, source.title, source.publisher, source.url, source.published, source.language],
        "sl": source_line,
        "e": [[e.key, e.label, e.name, e.aliases, e.attributes, e.sensitive, e.generic, line, lines]
              for e, line, lines in entities],
        "c": [[c.id, c.subject, c.predicate, c.object, c.key_qualifiers, ev.quote, ev.asserted_by, ev.confidence,
               ev.qualifiers, line]
              for c, line in claims for ev in c.evidence[:1]],
        "d": draft_open,
        "x": exact_lines,
    }
    # Values are checked ontology values (strings, numbers, booleans, lists of them); anything
    # that JSON would change (a tuple, a non-string key: the copy read back differs) or cannot
    # hold (an object) is not cached rather than changed.
    try:
        same = json.loads(json.dumps(data)) == data
    except (TypeError, ValueError):
        return None
    return data if same else None


def decode(data: dict[str, Any], shown: str) -> tuple[Source, int, list[tuple[Entity, int, dict[str, int]]],
                                                      list[tuple[Claim, int]], int | None, bool]:
    """The values :func:`encode` wrote, as the model's objects, for the file named ``shown``
    (raises ValueError when malformed)."""
    from graph.model import Claim, Entity, Evidence, Source

    try:
        key, title, publisher, url, published, language = data["s"]
        source = Source(key, title, publisher, url, published, language, shown)
        entities = [(Entity(k, label, name, list(aliases), dict(attrs), bool(sens), bool(gen)), int(line), dict(lines))
                    for k, label, name, aliases, attrs, sens, gen, line, lines in data["e"]]
        claims = []
        for cid, subject, predicate, obj, key_q, quote, asserted_by, confidence, quals, line in data["c"]:
            ev = Evidence("", quote, asserted_by, confidence, dict(quals), f"{shown}:{line}" if line else shown)
            claims.append((Claim(cid, subject, predicate, obj, dict(key_q), [ev]), int(line)))
        draft_open = data["d"]
        if draft_open is not None and not isinstance(draft_open, int):
            raise TypeError("draft_open")
        return source, int(data["sl"]), entities, claims, draft_open, bool(data["x"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"a cache row that does not decode: {exc}") from exc


def _checked_json(found: tuple[str, str] | None) -> dict[str, Any] | None:
    """The JSON object of a stored (data, check_sum) row, or None when the row is missing, its
    checksum does not match (a torn or foreign write) or it is not an object: never trusted."""
    if found is None or hashlib.sha1(found[0].encode()).hexdigest() != found[1]:
        return None
    try:
        data = json.loads(found[0])
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
