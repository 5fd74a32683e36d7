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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import ValidationFailed
from graph.memory import paused_gc
from loaders import cache as fact_cache
from loaders.cache import RunInfo
from loaders.files import scan

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

    files: list[Path]
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
    files: list[Path]
    info: RunInfo
    key: str | None
    stored: dict[str, Any] | None
    judgements: list[tuple[Path, fact_cache.Stamp | None]]
    corpus: str  # names the corpus across its versions (the delta of loaders.delta)


def _start(fc: fact_cache.FactCache, paths: list[str | Path]) -> _Run:
    files, judgement_files = scan(paths)
    info = RunInfo(stamps={f: fc.stamp(f) for f in files})
    judgements = [(j, fc.stamp(j)) for j in judgement_files]
    key = fc.run_key([(f, info.stamps[f]) for f in files], judgements)
    stored = fc.run(key) if key is not None else None
    if stored is not None and not (isinstance(stored.get("files"), int) and stored["files"] == len(files)
                                   and all(isinstance(stored.get(k), int) for k in (*_COUNTS, "drafts"))):
        stored = None  # not a summary this code wrote: never trusted
    return _Run(paths, files, info, key, stored, judgements, fc.corpus_key(paths))


def _summary(run: _Run, counts: dict[str, int], drafts: int) -> dict[str, Any]:
    """The run summary of a valid run: its counts, and each file's hash for the next run's delta."""
    return {"files": len(run.files), **counts, "drafts": drafts,
            "stamps": [[fact_cache.file_key(f), st.sha1] for f, st in run.info.stamps.items() if st is not None],
            "judgements": [[fact_cache.file_key(j), st.sha1] for j, st in run.judgements if st is not None]}


def _full(run: _Run, fc: fact_cache.FactCache, ontology: Ontology, refuse_drafts: bool) -> ValidationSummary:
    """Validate the full (per-file cached) way; a valid run's summary is stored for the next one."""
    from loaders.facts import validate_files

    corpus, problems, files = validate_files(run.paths, run.files, ontology, fc, refuse_drafts=refuse_drafts,
                                             info=run.info)
    summary = ValidationSummary(files, problems, _counts(corpus), corpus)
    if not problems and run.key is not None and run.info.steady:
        run.stored = _summary(run, summary.counts, run.info.drafts)
        fc.store_run(run.key, run.stored, run.corpus)
    return summary


def _delta(run: _Run, fc: fact_cache.FactCache, ontology: Ontology) -> Delta | None:
    """The run as a few files changed since the last valid run of its corpus (loaders.delta), stored."""
    if run.key is None:
        return None
    from loaders.delta import find_delta

    delta = find_delta(fc, run.paths, run.files, run.info.stamps, [j for j, _st in run.judgements], ontology)
    if delta is not None:
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
            return ValidationSummary(run.files, [], {k: run.stored[k] for k in _COUNTS}, None, cached=True)
        ontology = ontology or default_ontology()
        delta = _delta(run, fc, ontology)
        if delta is not None:
            return ValidationSummary(run.files, [], {k: delta.summary[k] for k in _COUNTS}, None, cached=True)
        return _full(run, fc, ontology, refuse_drafts)


@paused_gc()
def load_files(paths: Iterable[str | Path], connect: Callable[[], Store], *, cache: Path | None = None,
               full: bool = False, progress: bool = False) -> tuple[LoadSummary, str]:
    """Validate fact files (refusing drafts), then load them into the store ``connect()`` opens
    (only once the files hold, so bad files are reported even with Neo4j down); raise
    ValidationFailed. Returns what the load did and the store's address.

    With ``cache`` (a casegraph home), an unchanged corpus whose sources Neo4j holds with the
    digests stored at its last load is answered with one read of those digests (every source
    unchanged, as a full load would report); ``full`` always loads the full way.
    """
    paths = list(paths)
    if cache is None:
        return _load(check(paths, refuse_drafts=True), connect, full, progress)
    with fact_cache.open_cache(cache, fact_cache.ontology_file()) as fc:
        if fc is None:
            return load_files(paths, connect, full=full, progress=progress)
        run = _start(fc, paths)
        stored = run.stored
        if stored is not None and not full and not stored["drafts"] and isinstance(stored.get("digests"), dict):
            with connect() as store:  # first: it imports the driver as it should be (casegraph.cli.common)
                from graph.db.load import Loader

                done = Loader(store).unchanged(stored["digests"], {k: stored[k] for k in _COUNTS})
                if done is not None:
                    return done, store.uri
        from graph.ontology import default_ontology

        ontology = default_ontology()
        delta = _delta(run, fc, ontology) if stored is None and not full else None
        if delta is not None and run.key is not None:
            from loaders.delta import load_delta

            fc.commit()  # the lock is not held while Neo4j loads
            with connect() as store:
                loaded = load_delta(fc, delta, store, progress)
                if loaded is not None:
                    fc.store_run(run.key, {**delta.summary, "digests": loaded[1]}, run.corpus)
                    return loaded[0], store.uri
        checked = _full(run, fc, ontology, refuse_drafts=True)
        fc.commit()  # the checked files stay cached whatever the load does; the lock is not held meanwhile
        result = _load(checked, connect, full, progress)
        if run.stored is not None and run.key is not None and checked.corpus is not None:
            from graph.db.rows import source_digests

            # Neo4j now holds these digests (a load writes them last): the next unchanged load compares them only.
            fc.store_run(run.key, {**run.stored, "digests": source_digests(checked.corpus)}, run.corpus)
        return result


def _load(checked: ValidationSummary, connect: Callable[[], Store], full: bool, progress: bool) -> tuple[LoadSummary, str]:
    if checked.problems:
        raise ValidationFailed(checked.problems)
    assert checked.corpus is not None
    with connect() as store:
        return store.load(checked.corpus, progress=progress, full=full), store.uri
