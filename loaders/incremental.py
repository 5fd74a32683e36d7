"""``validate`` and ``load`` of an unchanged corpus without reading it again: the run summary.

The per-file cache (:mod:`loaders.cache`) spares a warm run the checking of each file, but the
run still decodes every file's rows, rebuilds the model and runs the cross-file checks. When a
run names exactly the files of an earlier *valid* run, with the same bytes (same paths, in the
same order, same content hashes), the same judgement files and the same context (casegraph's
version, the ontology, the checking code), its result is that run's result. So a valid run stores
a summary (counts of files, sources, entities, mentions, claims, evidence; unreviewed drafts), and
a load also stores each source's digest (:func:`graph.db.rows.source_digests`):

- :func:`check` answers ``validate`` from the summary, without decoding a row;
- :func:`load_files` answers ``load`` from it when Neo4j holds exactly those digests (one read),
  and otherwise (a changed file, another database, a database edited since) loads the full way.

Anything else, a run with problems included, takes the ordinary path and gives its messages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import ValidationFailed
from graph.memory import paused_gc
from loaders import cache as fact_cache
from loaders.cache import RunInfo
from loaders.files import scan_text

if TYPE_CHECKING:  # the checking code is imported only when a run needs it (a quick answer does not)
    from graph.db.load import LoadSummary
    from graph.db.store import Store
    from graph.model import Corpus
    from graph.ontology import Ontology
    from loaders.delta import Delta
    from loaders.facts import Problem

__all__ = ["ValidationSummary", "check", "load_files"]

_COUNTS = ("sources", "entities", "mentions", "claims", "evidence")


@dataclass
class ValidationSummary:
    """What ``validate`` reports: the files, their problems and the corpus's counts.

    ``corpus`` is the merged corpus when the files were read, None when the summary came from
    the run cache (``cached``).
    """

    files: Sequence[Path]
    problems: list[Problem]
    counts: dict[str, int] = field(default_factory=dict)  # sources, entities, mentions, claims, evidence
    corpus: Corpus | None = None
    cached: bool = False

    @property
    def valid(self) -> bool:
        return not self.problems


def _counts(corpus: Corpus) -> dict[str, int]:
    return {"sources": len(corpus.sources), "entities": len(corpus.entities),
            "mentions": sum(len(e.sources) for e in corpus.entities.values()),
            "claims": len(corpus.claims), "evidence": sum(len(c.evidence) for c in corpus.claims.values())}


@dataclass
class _Run:
    """One run against an open cache: its files, their stamps, its key and what is stored under it."""

    paths: list[str | Path]
    files: list[str]  # as loaders.files.scan_text gives them (a Path each is made when needed)
    info: RunInfo  # its stamps by those texts
    key: str | None
    stored: dict[str, Any] | None
    judgements: list[tuple[str, fact_cache.Stamp | None]]
    corpus: str  # names the corpus across its versions (the delta of loaders.delta)
    keys: dict[Path | str, str] = field(default_factory=dict)  # each file's fact_cache.file_key


class _Paths(Sequence[Path]):
    """Files named by text, each a :class:`~pathlib.Path` only when asked for (an answer from the
    run summary is mostly counted)."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, i: Any) -> Any:
        return [Path(t) for t in self._texts[i]] if isinstance(i, slice) else Path(self._texts[i])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def _start(fc: fact_cache.FactCache, paths: list[str | Path]) -> _Run:
    files, judgement_files = scan_text(paths)
    keys: dict[Path | str, str] = dict(zip(files, fact_cache.file_keys(files), strict=True))
    keys.update(zip(judgement_files, fact_cache.file_keys(judgement_files), strict=True))
    info = RunInfo(stamps={f: fc.stamp(f, keys[f]) for f in files})
    judgements = [(j, fc.stamp(j, keys[j])) for j in judgement_files]
    key = fc.run_key([(keys[f], info.stamps[f]) for f in files], [(keys[j], st) for j, st in judgements])
    stored = fc.run(key) if key is not None else None
    if stored is not None and not (isinstance(stored.get("files"), int) and stored["files"] == len(files)
                                   and all(isinstance(stored.get(k), int) for k in (*_COUNTS, "drafts"))):
        stored = None  # not a summary this code wrote: never trusted
    return _Run(paths, files, info, key, stored, judgements, fc.corpus_key(paths), keys)


def _summary(run: _Run, counts: dict[str, int], drafts: int) -> dict[str, Any]:
    """The run summary of a valid run: its counts, and each file's hash for the next run's delta."""
    return {"files": len(run.files), **counts, "drafts": drafts,
            "stamps": [[run.keys[f], st.sha1] for f, st in run.info.stamps.items() if st is not None],
            "judgements": [[run.keys[j], st.sha1] for j, st in run.judgements if st is not None]}


def _full(run: _Run, fc: fact_cache.FactCache, ontology: Ontology, refuse_drafts: bool) -> ValidationSummary:
    """Validate the full (per-file cached) way; a valid run's summary is stored for the next one."""
    from loaders.facts import validate_files

    named = [Path(f) for f in run.files]
    info = RunInfo(stamps={p: run.info.stamps[f] for p, f in zip(named, run.files, strict=True)})
    corpus, problems, files = validate_files(run.paths, named, ontology, fc, refuse_drafts=refuse_drafts, info=info)
    run.info.steady, run.info.drafts = info.steady, info.drafts
    summary = ValidationSummary(files, problems, _counts(corpus), corpus)
    if not problems and run.key is not None and run.info.steady:
        run.stored = _summary(run, summary.counts, run.info.drafts)
        fc.store_run(run.key, run.stored, run.corpus)
    return summary


def _delta(run: _Run, fc: fact_cache.FactCache, ontology: Ontology, keep: bool = True) -> Delta | None:
    """The run as a few files changed since the last valid run of its corpus (loaders.delta);
    its summary and the changed files' rows stored when ``keep`` (a load stores them once
    loaded, with the digests: one commit, and no lock on the cache while Neo4j loads)."""
    if run.key is None:
        return None
    from loaders.delta import find_delta

    delta = find_delta(fc, run.paths, run.files, run.info.stamps, [j for j, _st in run.judgements], ontology,
                       run.keys, store=keep)
    if delta is not None and keep:
        fc.store_run(run.key, delta.summary, run.corpus)
    return delta


@paused_gc()  # millions of small objects, no cycles (graph.memory)
def check(paths: Iterable[str | Path], ontology: Ontology | None = None, *, refuse_drafts: bool = False,
          cache: Path | None = None) -> ValidationSummary:
    """:func:`loaders.facts.validate`, summarised; answered from the run cache of ``cache`` (a
    casegraph home) when the same files were valid last time, with the very same result."""
    from graph.ontology import default_ontology

    paths = list(paths)
    if cache is None:
        from loaders.facts import find_fact_files, validate_files

        ontology = ontology or default_ontology()
        files = find_fact_files(paths)
        corpus, problems, files = validate_files(paths, files, ontology, None, refuse_drafts=refuse_drafts)
        return ValidationSummary(files, problems, _counts(corpus), corpus)
    with fact_cache.open_cache(cache, ontology if ontology is not None else fact_cache.ontology_file()) as fc:
        if fc is None:
            return check(paths, ontology, refuse_drafts=refuse_drafts)
        run = _start(fc, paths)
        if run.stored is not None and not (refuse_drafts and run.stored["drafts"]):
            return ValidationSummary(_Paths(run.files), [], {k: run.stored[k] for k in _COUNTS}, None, cached=True)
        ontology = ontology or default_ontology()
        delta = _delta(run, fc, ontology)
        if delta is not None:
            return ValidationSummary(_Paths(run.files), [], {k: delta.summary[k] for k in _COUNTS}, None, cached=True)
        return _full(run, fc, ontology, refuse_drafts)


@paused_gc()
def load_files(paths: Iterable[str | Path], connect: Callable[[], Store], *, cache: Path | None = None,
               full: bool = False, progress: bool = False) -> tuple[LoadSummary, str]:
    """Validate fact files (refusing drafts), then load them into the store ``connect()`` opens
    (only once the files hold, so bad files are reported even with Neo4j down); raise
    ValidationFailed. Returns what the load did and the store's address.

    With ``cache`` (a casegraph home), an unchanged corpus is answered with one read when Neo4j's
    load stamp is the one the last load of these files left (nothing written since, see
    :meth:`graph.db.store.Store.stamp`), or else when Neo4j holds every source with the digest
    stored then (one more read); a few edited files send only their difference (loaders.delta).
    ``full`` always loads the full way.
    """
    paths = list(paths)
    if cache is None:
        return _load(check(paths, refuse_drafts=True), connect, full, progress)[:2]
    early = _Early(connect)
    try:
        return _load_cached(paths, early, cache, full, progress)
    finally:
        early.close()


def _load_cached(paths: list[str | Path], connect: Callable[[], Store], cache: Path, full: bool,
                 progress: bool) -> tuple[LoadSummary, str]:
    with fact_cache.open_cache(cache, fact_cache.ontology_file()) as fc:
        if fc is None:
            return load_files(paths, connect, full=full, progress=progress)
        run = _start(fc, paths)
        stored = run.stored
        if stored is not None and not full and not stored["drafts"] and isinstance(stored.get("digests"), dict):
            with connect() as store:  # first: it imports the driver as it should be (casegraph.cli.common)
                stamp = _holds(store, stored)
                if stamp is not None:
                    from graph.db.loadplan import LoadSummary

                    if stamp != stored.get("stamp") and run.key is not None:
                        fc.store_run(run.key, {**stored, "stamp": stamp}, run.corpus)
                    done = LoadSummary()
                    done.unchanged.update({k: stored[k] for k in _COUNTS})
                    return done, store.uri
        from graph.ontology import default_ontology

        ontology = default_ontology()
        # Files changed since the last load, or (an earlier version of the corpus that Neo4j no
        # longer holds) back to what they were: the difference from the last load, if it is small.
        delta = _delta(run, fc, ontology, keep=False) if not full else None
        if delta is not None and run.key is not None:
            from loaders.delta import load_delta

            with connect() as store:
                loaded = load_delta(fc, delta, store, progress)
                if loaded is not None:
                    summary, digests, stamp = loaded
                    delta.keep(fc)
                    fc.store_run(run.key, {**delta.summary, "digests": digests, "stamp": stamp}, run.corpus)
                    return summary, store.uri
        if delta is not None:
            delta.keep(fc)  # the full way below then finds the changed files checked
        checked = _full(run, fc, ontology, refuse_drafts=True)
        fc.commit()  # the checked files stay cached whatever the load does; the lock is not held meanwhile
        summary, uri, stamp = _load(checked, connect, full, progress, stamped=run.stored is not None)
        if run.stored is not None and run.key is not None and checked.corpus is not None:
            from graph.db.rows import source_digests

            # Neo4j now holds these digests (a load writes them last): the next unchanged load
            # compares the stamp, or these digests, only.
            fc.store_run(run.key, {**run.stored, "digests": source_digests(checked.corpus), "stamp": stamp}, run.corpus)
        return summary, uri


class _Early:
    """``connect()`` begun in a thread while the files are looked at: importing the driver and
    opening a connection take about as long as telling an unchanged corpus from a changed one.
    The first call returns that store (or raises what connecting raised: a run with bad files
    never asks, so their problems are reported even with Neo4j down, without waiting for it);
    later calls connect anew."""

    def __init__(self, connect: Callable[[], Store]) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._error: BaseException | None = None
        self._taken = self._closed = False
        self._thread = threading.Thread(target=self._run, name="casegraph-connect", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            store = self._connect()
        except BaseException as exc:  # raised in the caller's thread, if it asks for the store
            self._error = exc
            return
        with self._lock:
            unwanted = self._closed
            if not unwanted:
                self._store = store
        if unwanted:
            store.close()

    def __call__(self) -> Store:
        with self._lock:
            taken, self._taken = self._taken, True
        if taken:
            return self._connect()
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store

    def close(self) -> None:
        """Close the store nobody asked for (now, or once it is open)."""
        with self._lock:
            self._closed = True
            store = None if self._taken else self._store
            self._store = None
        if store is not None:
            store.close()


def _holds(store: Store, stored: dict[str, Any]) -> str | None:
    """The load stamp when Neo4j holds the corpus as the load of run summary ``stored`` left it:
    nothing written since (the same stamp), or every source with the digest stored then."""
    stamp = store.stamp()
    if stamp is not None and stamp == stored.get("stamp"):
        return stamp
    return store.same_digests(stored["digests"])


def _load(checked: ValidationSummary, connect: Callable[[], Store], full: bool, progress: bool,
          stamped: bool = False) -> tuple[LoadSummary, str, str | None]:
    """Load a checked corpus; with ``stamped``, also the load stamp of Neo4j holding it (a read of
    every source's digest after the load, so a write that came between is not taken for ours)."""
    if checked.problems:
        raise ValidationFailed(checked.problems)
    assert checked.corpus is not None
    with connect() as store:
        summary = store.load(checked.corpus, progress=progress, full=full)
        stamp = None
        if stamped:
            from graph.db.rows import source_digests

            stamp = store.same_digests(source_digests(checked.corpus))
        return summary, store.uri, stamp
