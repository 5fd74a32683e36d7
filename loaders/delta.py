"""A few edited fact files against the cached rest of the corpus: check them, and load their difference.

When a run names the files of the last valid run of the same corpus (the same paths given, see
:meth:`loaders.cache.FactCache.corpus_key`) with a few of them edited, added or removed, only those
are read. The cross-file checks of :func:`loaders.facts._merge` (one file per source; one key, one
entity: the same label and ``generic`` flag, attributes that agree) need, for each entity key the
edited files declare (before or after the edit), every other file's declaration of it: the cache
keeps them per key (table ``ents``), and claims per id (table ``cids``), so the check is a few
indexed reads, not a decoding of every file. Entities merge in file order, as a full run merges
them, so the merged values are the same.

Only a valid outcome is answered this way: an edited file with a problem of its own, a cross-file
conflict, a draft or judgement files send the run the full way (:func:`loaders.facts.validate_files`,
with its per-file cache), which reports every message exactly as without the cache.

Loading sends Neo4j what a full load of the whole corpus would change: the sources whose digest
(:func:`graph.db.rows.source_digests`) changes, that is the edited files and the files that mention
an entity whose merged values changed, with their entities merged over the whole corpus; the
counts of everything else are the counts a full load reports for it (unchanged).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.model import Claim, Corpus, Entity, merge_entity
from graph.ontology import Ontology
from loaders import cache as fact_cache
from loaders.facts import ParsedFile, check_file, from_cache, to_cache

if TYPE_CHECKING:
    from graph.db.load import LoadSummary
    from graph.db.store import Store

__all__ = ["Delta", "find_delta", "load_delta", "MAX_CHANGED"]

MAX_CHANGED = 64  # more edited files than this: the full (per-file cached) way is as quick
COUNTS = ("sources", "entities", "mentions", "claims", "evidence")


class _Refused(Exception):
    """This change is not answered here: the full way answers it (and reports its problems)."""


@dataclass
class Delta:
    """A valid corpus: the last valid run's, with a few files changed."""

    summary: dict[str, Any]  # the run summary of the corpus as it is now (loaders.incremental)
    previous: dict[str, Any]  # the last valid run's summary
    order: dict[str, int]  # file key -> position in this run
    unchanged: dict[str, str]  # file key -> source key, for files this run shares with the last
    parsed: dict[str, ParsedFile] = field(default_factory=dict)  # file key -> edited or added file
    shown: dict[str, Path | str] = field(default_factory=dict)  # file key -> the path as this run names it (Path or text)
    old_sources: list[str] = field(default_factory=list)  # source keys of the files' previous versions
    before: dict[str, Entity | None] = field(default_factory=dict)  # affected key -> merged, last run
    after: dict[str, Entity | None] = field(default_factory=dict)  # affected key -> merged, now
    others: dict[str, list[tuple[str, Entity]]] = field(default_factory=dict)  # key -> unchanged files' entities
    rows: list[tuple[Path | str, fact_cache.Stamp, dict[str, Any]]] = field(default_factory=list)  # to store (see keep)

    def keep(self, fc: fact_cache.FactCache) -> None:
        """Store the changed files' checked results in the cache (once: a load stores them with
        its run summary, in one commit after Neo4j took them)."""
        for shown, st, data in self.rows:
            fc.store(shown, st, data)
        self.rows = []

    @property
    def changed_entities(self) -> list[str]:
        """Keys whose merged values (as a source digest sees them) differ from the last run."""
        return sorted(k for k in self.after if _row(self.before[k]) != _row(self.after[k]))


def _row(e: Entity | None) -> tuple[Any, ...] | None:
    """What :func:`graph.db.rows.source_digests` takes of a merged entity."""
    if e is None:
        return None
    return (e.key, e.label, e.name, e.aliases, sorted(e.attributes.items()), e.sensitive, e.generic)


def _entity(entry: Any) -> Entity:
    """An entity as the cache stores it (loaders.cache.encode); ValueError when malformed."""
    try:
        key, label, name, aliases, attrs, sens, gen = entry[:7]
        return Entity(key, label, name, list(aliases), dict(attrs), bool(sens), bool(gen))
    except (TypeError, ValueError) as exc:
        raise _Refused(f"a malformed index row: {exc}") from exc


class _Decoder:
    """Index rows (:meth:`loaders.cache.FactCache.mentions`) as entities, each distinct text decoded
    once: the files that mention a hub mostly declare it in the same words, and the one object they
    then share is merged once (see :func:`_merged`)."""

    def __init__(self) -> None:
        self._seen: dict[str, Entity | None] = {}

    def __call__(self, text: str) -> Entity | None:
        if text not in self._seen:
            try:
                entry = json.loads(text)
            except ValueError:
                entry = None
            self._seen[text] = _entity(entry) if entry is not None else None
        return self._seen[text]


def _merged(key: str, stated: list[tuple[int, str, Entity]]) -> Entity | None:
    """``key`` merged as :func:`loaders.facts._merge` merges it from (position, source, entity) in
    file order; _Refused on any conflict (the full way reports it)."""
    have: Entity | None = None
    # A declaration merged once without conflict left ``have`` holding its label, flag, attribute
    # values and names (merging only adds), so merging the very same one again changes nothing.
    done: set[int] = set()
    for _pos, source, new in sorted(stated, key=lambda t: t[0]):
        if have is None:
            have = Entity(key, new.label, new.name, list(new.aliases), dict(new.attributes), new.sensitive,
                          new.generic, [source])
            done.add(id(new))
            continue
        if id(new) not in done:
            if merge_entity(have, Entity(key, new.label, new.name, new.aliases, new.attributes, new.sensitive,
                                         new.generic, [])):
                raise _Refused(f"a conflict on {key}")
            done.add(id(new))
        have.sources.append(source)
    return have


def _declared(stated: list[tuple[int, str, Entity]]) -> list[tuple[int, str, tuple[Any, ...] | None]]:
    """What the merge of ``key`` takes from these (position, source, entity) declarations."""
    return sorted((pos, source, _row(e)) for pos, source, e in stated)


def _shape(data: Any) -> bool:
    """Whether a stored run summary is one this code wrote with what a delta needs."""
    return (isinstance(data, dict) and isinstance(data.get("stamps"), list) and data.get("judgements") == []
            and data.get("drafts") == 0 and all(isinstance(data.get(k), int) for k in (*COUNTS, "files"))
            and all(type(s) is list and len(s) == 2 and type(s[0]) is str and type(s[1]) is str for s in data["stamps"]))


def find_delta(fc: fact_cache.FactCache, paths: list[str | Path], files: Sequence[str | Path],
               stamps: Mapping[Any, fact_cache.Stamp | None], judgements: Sequence[str | Path],
               ontology: Ontology, keys: Mapping[Any, str] | None = None, store: bool = True) -> Delta | None:
    """The corpus of ``files`` as the last valid run's plus a few changed files, checked; None when
    this run must take the full way. The changed files' checked results are stored in the cache
    (with ``store``; else later, by :meth:`Delta.keep`). ``keys``: each file's
    :func:`loaders.cache.file_key`, when known."""
    try:
        delta = _find(fc, paths, files, stamps, judgements, ontology, keys or {})
    except _Refused:
        return None
    if store:
        delta.keep(fc)
    return delta


def _find(fc: fact_cache.FactCache, paths: list[str | Path], files: Sequence[str | Path],
          stamps: Mapping[Any, fact_cache.Stamp | None], judgements: Sequence[str | Path], ontology: Ontology,
          keys: Mapping[Any, str]) -> Delta:
    if judgements:
        raise _Refused("judgement files join keys across the corpus")
    last = fc.latest(fc.corpus_key(paths))
    previous = fc.run(last) if last is not None else None
    if previous is None or not _shape(previous):
        raise _Refused("no earlier valid run of this corpus")
    now: list[tuple[str, str]] = []
    shown: dict[str, Path | str] = {}
    for f in files:
        st = stamps.get(f)
        if st is None:
            raise _Refused("a file that cannot be read")
        key = keys.get(f) or fact_cache.file_key(f)
        now.append((key, st.sha1))
        shown[key] = f
    before = dict(previous["stamps"])
    current = dict(now)
    if len(current) != len(now):
        raise _Refused("a file named twice")
    changed = [k for k, sha1 in now if before.get(k) != sha1]
    removed = [k for k in before if k not in current]
    gone = [k for k in changed if k in before] + removed  # files whose previous version leaves the corpus
    if not (changed or removed) or len(changed) + len(removed) > MAX_CHANGED:
        raise _Refused("nothing or too much changed")
    # Files kept must be cached as they are, in the same order as before (entities merge in file order).
    unchanged: dict[str, str] = {}
    for k, sha1 in now:
        if k in before and before[k] == sha1:
            row = fc.rows.get(k)
            if row is None or row.sha1 != sha1:
                raise _Refused("a file without its cached row")
            unchanged[k] = row.source
    if [k for k, _ in previous["stamps"] if k in unchanged] != list(unchanged):
        raise _Refused("the files come in another order")
    order = {k: i for i, (k, _) in enumerate(now)}
    old_order = {k: i for i, (k, _) in enumerate(previous["stamps"])}
    delta = Delta({}, previous, order, unchanged, shown=shown)

    # The previous versions, from the cache (their rows are replaced only below).
    old_entities: dict[str, list[tuple[int, str, Entity]]] = {}
    old_claims: Counter[str] = Counter()
    old_evidence = 0
    for k in gone:
        data = fc.data(k, before[k])
        if data is None:
            raise _Refused("a previous version is not cached")
        try:
            source, _sl, entities, claims, draft, _x = fact_cache.decode(data, k)
        except ValueError as exc:
            raise _Refused(str(exc)) from exc
        delta.old_sources.append(source.key)
        for e, _line, _lines in entities:
            old_entities.setdefault(e.key, []).append((old_order[k], source.key, e))
        old_claims.update(c.id for c, _line in claims)
        old_evidence += len(claims)

    # The edited and added files, checked on their own.
    new_entities: dict[str, list[tuple[int, str, Entity]]] = {}
    new_claims: Counter[str] = Counter()
    new_sources: dict[str, str] = {}
    for k in changed:
        pf, problems = check_file(Path(shown[k]), ontology)  # files may come as text (loaders.files.scan_text)
        if problems or pf.source is None or pf.draft_open is not None:
            raise _Refused("an edited file with problems, or a draft")
        if fact_cache.stamp(shown[k]) != stamps[shown[k]]:
            raise _Refused("a file that changed while it was read")
        if pf.source.key in new_sources:
            raise _Refused("two edited files of one source")
        new_sources[pf.source.key] = k
        delta.parsed[k] = pf
        for key, pe in pf.entities.items():
            new_entities.setdefault(key, []).append((order[k], pf.source.key, pe.entity))
        new_claims.update(c.id for c, _line in pf.claims)
    for source_key in new_sources:  # one file per source
        if any(unchanged.get(k) == source_key for k in fc.source_files(source_key)):
            raise _Refused("a source described in another file too")

    # One key, one entity: each affected key merged from every file that declares it. A key the
    # edited files declare exactly as before, in the same corpus of files, merges as before (without
    # conflict: that run was valid), so it needs no look at the others (a hub has thousands).
    same_files = not removed and all(k in before for k in changed)
    stable = {key for key in set(old_entities) & set(new_entities)
              if same_files and _declared(old_entities[key]) == _declared(new_entities[key])}
    affected = sorted((set(old_entities) | set(new_entities)) - stable)
    for k in affected:
        delta.others[k] = []
    decode = _Decoder()
    for path, key, text in fc.mentions(affected):
        if path in unchanged and (entity := decode(text)) is not None:
            delta.others[key].append((path, entity))
    for key in affected:
        kept_now = [(order[p], unchanged[p], e) for p, e in delta.others[key]]
        kept_before = [(old_order[p], unchanged[p], e) for p, e in delta.others[key]]
        delta.before[key] = _merged(key, kept_before + old_entities.get(key, []))
        delta.after[key] = _merged(key, kept_now + new_entities.get(key, []))

    # The counts of the whole corpus, moved by what changed.
    counts = {k: previous[k] for k in COUNTS}
    counts["sources"] += len(new_sources) - len(delta.old_sources)
    for key in affected:
        b, a = delta.before[key], delta.after[key]
        counts["entities"] += (a is not None) - (b is not None)
        counts["mentions"] += (len(a.sources) if a else 0) - (len(b.sources) if b else 0)
    for cid in set(old_claims) | set(new_claims):
        kept = sum(1 for p in fc.claim_files(cid) if p in unchanged)
        counts["claims"] += (kept + new_claims[cid] > 0) - (kept + old_claims[cid] > 0)
    counts["evidence"] += sum(new_claims.values()) - old_evidence
    delta.summary = {"files": len(files), **counts, "drafts": 0, "stamps": [list(s) for s in now], "judgements": []}

    for k, pf in delta.parsed.items():
        data = to_cache(pf)
        st = stamps[shown[k]]
        if data is not None and st is not None:
            delta.rows.append((shown[k], st, data))
    return delta


# -- loading ------------------------------------------------------------------------------------


def _partial(fc: fact_cache.FactCache, delta: Delta, keep: list[str]) -> tuple[Corpus, list[str]]:
    """The corpus of the files ``keep`` (file keys, in run order) with each entity merged over the
    whole corpus but mentioned by these files' sources only, and the claims they state."""
    parsed: list[ParsedFile] = []
    for k in keep:
        pf = delta.parsed.get(k)
        if pf is None:
            data = fc.data(k, fc.rows[k].sha1) if k in fc.rows else None
            pf = from_cache(Path(delta.shown[k]), data) if data is not None else None
            if pf is None:
                raise _Refused("a file whose cached row does not decode")
        parsed.append(pf)
    corpus = Corpus()
    mentioned: dict[str, list[str]] = {}
    for pf in parsed:
        assert pf.source is not None
        src = pf.source
        corpus.sources[src.key] = src
        for key in pf.entities:
            mentioned.setdefault(key, []).append(src.key)
        for claim, _line in pf.claims:
            ev = claim.evidence[0]
            ev.source = src.key
            have = corpus.claims.get(claim.id)
            if have is None:
                corpus.claims[claim.id] = Claim(claim.id, claim.subject, claim.predicate, claim.object,
                                                claim.key_qualifiers, [ev])
            else:
                have.evidence.append(ev)
    # Entities the affected keys do not cover are merged from the index as well. A key that every
    # stored file declares in one way (as the edited files do) merges to that declaration, however
    # many files state it (a hub: thousands); any other is merged from each file's declaration.
    missing = sorted(k for k in mentioned if k not in delta.after)
    others: dict[str, list[tuple[int, str, Entity]]] = {}
    decode = _Decoder()
    for key in missing:
        text = fc.declared_once(key)
        once = decode(text) if text is not None else None
        if once is not None and all(_row(pf.entities[key].entity) == _row(once)
                                    for pf in delta.parsed.values() if key in pf.entities):
            others[key] = [(0, "", once)]
    slow = {k for k in missing if k not in others}
    for k in slow:
        others[k] = []
    for path, key, text in fc.mentions(sorted(slow)):
        if path in delta.unchanged and (entity := decode(text)) is not None:
            others[key].append((delta.order[path], delta.unchanged[path], entity))
    for k, pf in delta.parsed.items():  # the edited files' own (a key they declare as before)
        assert pf.source is not None
        for key, pe in pf.entities.items():
            if key in slow:
                others[key].append((delta.order[k], pf.source.key, pe.entity))
    for key, sources in mentioned.items():
        merged = delta.after[key] if key in delta.after else _merged(key, others[key])
        if merged is None:
            raise _Refused(f"{key} has no declaration")
        corpus.entities[key] = Entity(key, merged.label, merged.name, list(merged.aliases), dict(merged.attributes),
                                      merged.sensitive, merged.generic, sources)
    return corpus, keep


def load_delta(fc: fact_cache.FactCache, delta: Delta, store: Store,
               progress: bool = False) -> tuple[LoadSummary, dict[str, str], str | None] | None:
    """Load what changed (see the module's docstring) into ``store``, which must hold the corpus
    as the last load left it: its load stamp (:meth:`graph.db.store.Store.stamp`) is the one
    stored then (nothing written since), or else every source has the digest stored then. What
    the load did as a full load reports it, the digests of the corpus now, and the stamp right
    after the load (None when it took several transactions: the next run checks the digests).
    None when this load must take the full way."""
    try:
        return _load(fc, delta, store, progress)
    except _Refused:
        return None


def _load(fc: fact_cache.FactCache, delta: Delta, store: Store,
          progress: bool) -> tuple[LoadSummary, dict[str, str], str | None]:
    from graph.db.load import CHUNK_SIZE, MENTION_GROUP
    from graph.db.loadplan import LoadSummary
    from graph.db.rows import source_digests

    digests = delta.previous.get("digests")
    if not isinstance(digests, dict) or not all(isinstance(k, str) and isinstance(d, str) for k, d in digests.items()):
        raise _Refused("no digests stored")
    stamp = store.stamp()
    if stamp is not None and stamp == delta.previous.get("stamp"):
        store.schema_known()  # nothing written since the load that made it
    else:
        stamp = store.same_digests(digests)
        if stamp is None:
            raise _Refused("Neo4j does not hold the corpus as last loaded")
    # The sources whose digest may change: the edited files and those sharing an entity that changed.
    touched = set(delta.parsed)
    for key in delta.changed_entities:
        touched.update(p for p, _e in delta.others[key])
    keep = sorted(touched, key=lambda k: delta.order[k])
    corpus, keep = _partial(fc, delta, keep)
    now = {s: d for s, d in digests.items() if s not in set(delta.old_sources)}
    fresh = source_digests(corpus)
    dirty = [k for k, pf_source in _sources_of(delta, keep) if fresh[pf_source] != digests.get(pf_source)]
    if dirty != keep:  # files whose digest did not change after all (an edit of spacing): left out
        corpus, keep = _partial(fc, delta, dirty)
    now.update(fresh)
    totals = delta.summary
    if not corpus.sources:
        summary = LoadSummary()
        summary.unchanged.update({k: totals[k] for k in COUNTS})
        return summary, now, stamp
    everything = frozenset(delta.unchanged.values()) | {pf.source.key for pf in delta.parsed.values() if pf.source}
    settled = everything - frozenset(corpus.sources)
    if len(corpus.claims) <= CHUNK_SIZE and len(corpus.entities) <= CHUNK_SIZE and len(corpus.sources) <= MENTION_GROUP:
        # One transaction: its commit is the only write since the stamp checked above, so the
        # stamp after it is the one to keep. (A write by someone else in the moment between that
        # check and this commit is not seen; ``load --full`` checks every source.)
        # Neo4j holds ``digests`` (checked above): the load need not read its sources' digests again.
        summary, after = store.load_small(corpus, settled, held=digests)
    else:
        summary, after = store.load(corpus, progress=progress, settled=settled), None
    # What a full load counts as unchanged outside these sources.
    evidence = 0
    for cid in corpus.claims:
        evidence += sum(1 for p in fc.claim_files(cid) if p in delta.unchanged)
        evidence += sum(1 for pf in delta.parsed.values() for c, _l in pf.claims if c.id == cid)
    rest = {"sources": totals["sources"] - len(corpus.sources), "entities": totals["entities"] - len(corpus.entities),
            "mentions": totals["mentions"] - sum(len(e.sources) for e in corpus.entities.values()),
            "claims": totals["claims"] - len(corpus.claims), "evidence": totals["evidence"] - evidence}
    for kind, n in rest.items():
        summary.unchanged[kind] += n
    return summary, now, after


def _sources_of(delta: Delta, keep: list[str]) -> list[tuple[str, str]]:
    """(file key, source key) of each kept file."""
    out = []
    for k in keep:
        pf = delta.parsed.get(k)
        out.append((k, pf.source.key if pf is not None and pf.source is not None else delta.unchanged[k]))
    return out
