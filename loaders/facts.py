"""Fact files: read, check against the ontology, merge into a :class:`~graph.model.Corpus`.

A fact file is one YAML or JSON document per source, with a ``source`` block, the
``entities`` it mentions and the ``claims`` it makes (see the README for the
format). Every problem in every file is collected, each as ``file:line: message``;
a set of files with any problem is refused whole.

Each file is self-contained: a claim may only name entities declared in the same
file. That keeps a file loadable on its own (re-loading one edited source) and makes
"which sources mention this entity" exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import types
from graph.errors import ValidationFailed, article, preview
from graph.memory import paused_gc
from graph.model import Claim, Corpus, Entity, Evidence, PartialDate, Source, claim_id, merge_entity
from graph.ontology import Ontology, PropertySpec, default_ontology
from graph.text import nfc
from graph.yamlfast import NotFast, load_yaml_fast
from graph.yamlio import LineDict, LineList, ParseError, load_json_fast, load_with_lines
from loaders import cache as fact_cache
from loaders.cache import RunInfo
from loaders.drafts import CLAIM_REVIEW_FIELDS, check_claim_review, check_draft, is_unreviewed, open_items
from loaders.files import FACT_SUFFIXES, scan
from loaders.judgements import apply_judgement_files, find_judgement_files

__all__ = [
    "Problem",
    "FACT_SUFFIXES",
    "find_fact_files",
    "validate",
    "validate_files",
    "RunInfo",
    "load_corpus",
    "check_value",
]

KEY_RE = re.compile(r"^([a-z][a-z0-9]*):([a-z0-9][a-z0-9._-]*)$")
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
URL_RE = re.compile(r"^https?://[^\s]+$")

SOURCE_FIELDS = {"key", "title", "publisher", "url", "published", "language"}
ENTITY_FIELDS = {"key", "label", "name", "aliases", "attributes", "sensitive", "generic"}
CLAIM_FIELDS = {"subject", "predicate", "object", "quote", "asserted_by", "confidence"}
TOP_FIELDS = {"source", "entities", "claims"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a fact file, at a line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class _ParsedEntity:
    entity: Entity
    line: int
    attribute_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class ParsedFile:
    """One file's checked content: its source, entities and claims, with their lines."""

    path: str
    source: Source | None = None
    source_line: int = 1
    entities: dict[str, _ParsedEntity] = field(default_factory=dict)
    claims: list[tuple[Claim, int]] = field(default_factory=list)
    # Keys of entities declared but refused for a bad field (name, label, key): a claim
    # naming one is not reported again as naming an undeclared entity.
    refused: set[str] = field(default_factory=set)
    draft_open: int | None = None  # an unreviewed draft: how many review items are open
    exact_lines: bool = True  # False when read by a fast path (every line 0)


def find_fact_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into a sorted list of fact files.

    A path that does not exist raises FactFileError; a directory without fact files
    does too, since loading "nothing" is almost always a typo, and so does a
    sub-directory that cannot be read (its files would silently be left out).
    """
    return scan(paths)[0]


def check_value(spec: PropertySpec, value: Any) -> tuple[Any, str | None]:
    """Check one property value against its spec (see :mod:`graph.types`).

    Returns (normalised value, None), or (None, the one-line message).
    """
    try:
        return types.check_value(spec, value), None
    except types.ValueProblem as exc:
        return None, str(exc)


_kind = types.kind_of
# A source's publication date is checked like any ontology date.
PUBLISHED = PropertySpec("published", "date")
# A word: letters or digits, joined by apostrophes or hyphens ("twenty-one", "don't");
# in scripts written without spaces (Chinese, Japanese, Thai) each character counts.
_WORD_RE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|(?:[^\W_]+(?:['’-][^\W_]+)*)")


def _shown(value: Any) -> str:
    """A value in a message: strings as a short preview, other values as Python writes them."""
    return preview(value) if isinstance(value, str) else repr(value)


def count_words(text: str) -> int:
    """Words in a quote, however they are separated (spaces, punctuation, nothing).

    >>> count_words("twenty-one words, don't count—dashes"), count_words("a,b,c"), count_words("中国人")
    (5, 3, 3)
    """
    return sum(1 for _ in _WORD_RE.finditer(text))


class _FileChecker:
    """Checks one parsed document; collects problems instead of stopping at the first."""

    def __init__(self, path: str, ontology: Ontology) -> None:
        self.path = path
        self.ontology = ontology
        self.problems: list[Problem] = []
        self.out = ParsedFile(path)
        self.is_draft = False

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def _unknown_fields(self, mapping: LineDict, allowed: set[str], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.problem(
                    mapping.line_of(key), f"unknown field {preview(key)} in {what} (allowed: {', '.join(sorted(allowed))})"
                )

    def _required_str(self, mapping: LineDict, name: str, what: str, max_chars: int | None = None) -> str | None:
        value = mapping.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            self.problem(mapping.line_of(name) if name in mapping else mapping.line, f"{what} has no '{name}'")
            return None
        if not isinstance(value, str):
            self.problem(mapping.line_of(name), f"'{name}' of {what} must be a string, not {_kind(value)}")
            return None
        return self._text(mapping.line_of(name), name, value, max_chars or self.ontology.limits.string)

    def _text(self, line: int, name: str, value: str, max_chars: int) -> str | None:
        """``value`` trimmed and checked against its length limit and for control characters."""
        try:
            return types.check_text(name, value, max_chars)
        except types.ValueProblem as exc:
            self.problem(line, str(exc))
            return None

    def check(self, doc: Any) -> ParsedFile:
        if doc is None:
            self.problem(1, "the file is empty")
            return self.out
        if not isinstance(doc, LineDict):
            self.problem(getattr(doc, "line", 1), f"a fact file must be a mapping with 'source', 'entities' and 'claims', not {_kind(doc)}")
            return self.out
        # A draft (loaders.drafts) may also carry its review state: the 'draft' block, claims' span and review.
        self.is_draft = "draft" in doc
        self._unknown_fields(doc, TOP_FIELDS | ({"draft"} if self.is_draft else set()), "the fact file")
        if "source" not in doc:
            self.problem(doc.line, "missing 'source' block")
        else:
            self._source(doc["source"], doc.line_of("source"))
        entities = doc.get("entities")
        if entities is None:
            self.problem(doc.line_of("entities") if "entities" in doc else doc.line, "missing 'entities' list")
        elif not isinstance(entities, LineList):
            self.problem(doc.line_of("entities"), f"'entities' must be a list, not {_kind(entities)}")
        else:
            for i, item in enumerate(entities):
                self._entity(item, entities.line_of(i))
        claims = doc.get("claims")
        if claims is None:
            if "claims" in doc:
                self.problem(doc.line_of("claims"), "'claims' is empty (omit it or list claims)")
        elif not isinstance(claims, LineList):
            self.problem(doc.line_of("claims"), f"'claims' must be a list, not {_kind(claims)}")
        else:
            seen: dict[str, int] = {}
            for i, item in enumerate(claims):
                self._claim(item, claims.line_of(i), seen)
        check_draft(doc, set(self.out.entities) | self.out.refused, self.problem)
        if is_unreviewed(doc):
            self.out.draft_open = open_items(doc)
        return self.out

    def _source(self, block: Any, line: int) -> None:
        if not isinstance(block, LineDict):
            self.problem(line, f"'source' must be a mapping, not {_kind(block)}")
            return
        self.out.source_line = block.line
        self._unknown_fields(block, SOURCE_FIELDS, "the source block")
        limits = self.ontology.limits
        key = self._required_str(block, "key", "the source block", limits.key)
        if key is not None:
            m = KEY_RE.match(key)
            if not m or m.group(1) != "source":
                self.problem(block.line_of("key"), f"source key {preview(key)} must look like 'source:some-slug'")
                key = None
        title = self._required_str(block, "title", "the source block", limits.name)
        values: dict[str, str | None] = {}
        for name in ("publisher", "url", "published", "language"):
            value = block.get(name)
            if value is None:
                values[name] = None
                continue
            if not isinstance(value, str):
                if name == "published" and isinstance(value, int):
                    value = str(value)
                else:
                    self.problem(block.line_of(name), f"'{name}' of the source must be a string, not {_kind(value)}")
                    values[name] = None
                    continue
            if name == "published":
                value, err = check_value(PUBLISHED, value)
                if err:
                    self.problem(block.line_of(name), err)
                values[name] = value
                continue
            value = self._text(block.line_of(name), name, value, limits.string)
            if value is None:
                pass
            elif name == "url" and not URL_RE.match(value):
                self.problem(block.line_of(name), f"url {preview(value)} is not an http(s) address")
                value = None
            elif name == "language" and not LANG_RE.match(value):
                self.problem(block.line_of(name), f"language {preview(value)} is not a language code such as 'en' or 'uk'")
                value = None
            values[name] = value
        if key is not None and title is not None:
            self.out.source = Source(key=key, title=title, file=self.path, **values)

    def _entity(self, item: Any, line: int) -> None:
        if not isinstance(item, LineDict):
            self.problem(line, f"an entity must be a mapping, not {_kind(item)}")
            return
        self._unknown_fields(item, ENTITY_FIELDS, "an entity")
        limits = self.ontology.limits
        raw_key = item.get("key")
        if isinstance(raw_key, str) and raw_key.strip():
            self.out.refused.add(nfc(raw_key.strip()))  # until the entity is registered below
        key = self._required_str(item, "key", "an entity", limits.key)
        label = self._required_str(item, "label", "an entity")
        name = self._required_str(item, "name", f"entity {preview(key)}" if key else "an entity", limits.name)
        if label is not None and label not in self.ontology.labels:
            self.problem(item.line_of("label"), f"unknown label {preview(label)} (known: {', '.join(self.ontology.labels)})")
            label = None
        if key is not None:
            m = KEY_RE.match(key)
            if not m:
                self.problem(item.line_of("key"), f"entity key {preview(key)} must look like 'prefix:lower-case-slug'")
                key = None
            elif label is not None:
                expected = self.ontology.labels[label].key_prefix
                if m.group(1) != expected:
                    self.problem(item.line_of("key"), f"key '{key}' of {article(label)} must start with '{expected}:'")
            if key is not None and key in self.out.entities:
                self.problem(item.line_of("key"), f"entity '{key}' is declared twice in this file (first at line {self.out.entities[key].line})")
                return
        aliases: list[str] = []
        if "aliases" in item:
            raw = item["aliases"]
            if not isinstance(raw, list) or not all(isinstance(a, str) and a.strip() for a in raw):
                self.problem(item.line_of("aliases"), "'aliases' must be a list of non-empty strings")
            else:
                checked = [self._text(item.line_of("aliases"), "aliases", a, limits.name) for a in raw]
                aliases = [a for a in checked if a is not None]
        flags: dict[str, bool] = {}
        for flag in ("sensitive", "generic"):
            value = item.get(flag, False)
            if not isinstance(value, bool):
                self.problem(item.line_of(flag), f"'{flag}' must be true or false, not {_kind(value)}")
                value = False
            flags[flag] = value
        attributes: dict[str, Any] = {}
        attribute_lines: dict[str, int] = {}
        raw_attrs = item.get("attributes")
        if raw_attrs is not None:
            if not isinstance(raw_attrs, LineDict):
                self.problem(item.line_of("attributes"), f"'attributes' must be a mapping, not {_kind(raw_attrs)}")
            elif label is not None:
                specs = self.ontology.labels[label].properties
                for attr, value in raw_attrs.items():
                    aline = raw_attrs.line_of(attr)
                    spec = specs.get(attr)
                    if spec is None:
                        self.problem(aline, f"unknown attribute '{attr}' for {article(label)} (allowed: {', '.join(specs) or 'none'})")
                        continue
                    norm, err = check_value(spec, value)
                    if err:
                        self.problem(aline, err)
                        continue
                    attributes[attr] = norm
                    attribute_lines[attr] = aline
                if "start" in attributes and "end" in attributes:
                    self._check_interval(attributes["start"], attributes["end"], attribute_lines["end"])
        if key is None or label is None or name is None:
            return
        entity = Entity(key, label, name, aliases, attributes, flags["sensitive"], flags["generic"])
        # Register even when attributes are wrong, so claims naming it do not also fail as dangling.
        self.out.entities[key] = _ParsedEntity(entity, item.line, attribute_lines)
        self.out.refused.discard(key)

    def _check_interval(self, start: str, end: str, line: int) -> bool:
        if PartialDate(start).earliest > PartialDate(end).latest:
            self.problem(line, f"end {end} is before start {start}")
            return False
        return True

    def _endpoint(self, item: LineDict, name: str, allowed: tuple[str, ...] | None, predicate: str | None) -> str | None:
        raw = item.get(name)
        if isinstance(raw, str) and self.out.refused:
            named = nfc(raw.strip())
            if named in self.out.refused and named not in self.out.entities:
                return None  # an entity refused for a bad field: its problem is reported once, where it is
        key = self._required_str(item, name, "a claim")
        if key is None:
            return None
        declared = self.out.entities.get(key)
        if declared is None:
            self.problem(item.line_of(name), f"{name} {preview(key)} is not declared in this file's entities")
            return None
        label = declared.entity.label
        if allowed is not None and label not in allowed:
            if name == "asserted_by":
                self.problem(item.line_of(name), f"asserted_by '{key}' is {article(label)}; a speaker must be {article(' or '.join(allowed))}")
            else:
                self.problem(
                    item.line_of(name),
                    f"{name} of {predicate} must be {article(' or '.join(allowed))}, but '{key}' is {article(label)}",
                )
            return None
        return key

    def _claim(self, item: Any, line: int, seen: dict[str, int]) -> None:
        if not isinstance(item, LineDict):
            self.problem(line, f"a claim must be a mapping, not {_kind(item)}")
            return
        predicate = self._required_str(item, "predicate", "a claim")
        rel = None
        if predicate is not None:
            rel = self.ontology.relationships.get(predicate)
            if rel is None:
                self.problem(
                    item.line_of("predicate"),
                    f"unknown predicate {preview(predicate)} (known: {', '.join(self.ontology.relationships)})",
                )
        qualifier_specs = self.ontology.qualifiers(predicate) if rel is not None and predicate else {}
        allowed = CLAIM_FIELDS | set(qualifier_specs) | (CLAIM_REVIEW_FIELDS if self.is_draft else set())
        if rel is not None:
            self._unknown_fields(item, allowed, f"{article(rel.name)} claim")
        check_claim_review(item, self.problem)
        subject = self._endpoint(item, "subject", rel.sources if rel else None, predicate)
        obj = self._endpoint(item, "object", rel.targets if rel else None, predicate)
        quote = self._required_str(item, "quote", "a claim", self.ontology.limits.quote_chars)
        if quote is not None:
            words = count_words(quote)
            if words > self.ontology.max_quote_words:
                self.problem(
                    item.line_of("quote"),
                    f"quote has {words} words; keep evidence to at most {self.ontology.max_quote_words} words",
                )
                quote = None
        asserted_by = None
        if "asserted_by" in item:
            asserted_by = self._endpoint(item, "asserted_by", self.ontology.speaker_labels, predicate)
            if asserted_by is None:
                quote = None
        confidence = item.get("confidence")
        if confidence is not None and (
            isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1
        ):
            self.problem(item.line_of("confidence"), f"confidence must be a number from 0 to 1, not {preview(confidence)}")
            quote = None
        qualifiers: dict[str, Any] = {}
        bad_qualifier = False
        for name, spec in qualifier_specs.items():
            if name not in item:
                continue
            norm, err = check_value(spec, item[name])
            if err:
                self.problem(item.line_of(name), err)
                bad_qualifier = True
                continue
            qualifiers[name] = norm
        if "start" in qualifiers and "end" in qualifiers:
            bad_qualifier |= not self._check_interval(qualifiers["start"], qualifiers["end"], item.line_of("end"))
        if rel is None or subject is None or obj is None or quote is None or bad_qualifier or predicate is None:
            return
        if subject == obj:
            self.problem(item.line_of("object"), f"{article(predicate)} claim cannot link '{subject}' to itself")
            return
        key_q = {k: qualifiers.pop(k) for k in rel.key if k in qualifiers}
        cid = claim_id(subject, predicate, obj, key_q)
        if cid in seen:
            self.problem(line, f"the same claim is already stated at line {seen[cid]} of this file")
            return
        seen[cid] = line
        evidence = Evidence(
            source="",  # filled in when the source block is known to be valid
            quote=quote,
            asserted_by=asserted_by,
            confidence=float(confidence) if confidence is not None else None,
            qualifiers=qualifiers,
            location=f"{self.path}:{line}" if line else self.path,
        )
        self.out.claims.append((Claim(cid, subject, predicate, obj, key_q, [evidence]), line))


def check_file(path: Path, ontology: Ontology, fast: bool = True) -> tuple[ParsedFile, list[Problem]]:
    """Parse and check one file. Fast path: most files are valid, so parse without
    line numbers first and parse again with them only to report problems."""
    shown = str(path)
    checker = _FileChecker(shown, ontology)
    suffix = path.suffix.lower()
    if suffix not in FACT_SUFFIXES:
        checker.problem(1, f"not a fact file: expected a {', '.join(FACT_SUFFIXES)} file")
        return checker.out, checker.problems
    if fast:
        try:
            doc = load_json_fast(path) if suffix == ".json" else load_yaml_fast(path)
        except (ParseError, NotFast, OSError, UnicodeDecodeError):
            pass
        else:
            quick = _FileChecker(shown, ontology)
            parsed = quick.check(doc)
            if not quick.problems:
                parsed.exact_lines = False
                return parsed, []
    try:
        doc = load_with_lines(path)
    except ParseError as exc:
        checker.problem(exc.line, exc.message)
        return checker.out, checker.problems
    except UnicodeDecodeError:
        checker.problem(1, "not UTF-8 text")
        return checker.out, checker.problems
    except OSError as exc:
        checker.problem(1, f"cannot read: {exc.strerror or exc}")
        return checker.out, checker.problems
    return checker.check(doc), checker.problems


def _merge(parsed: list[ParsedFile], problems: list[Problem]) -> Corpus:
    corpus = Corpus()
    source_files: dict[str, tuple[str, int]] = {}
    entity_origin: dict[str, tuple[str, int]] = {}
    attribute_origin: dict[tuple[str, str], str] = {}
    for pf in parsed:
        src = pf.source
        if src is None:
            continue
        if src.key in source_files:
            other, other_line = source_files[src.key]
            problems.append(Problem(pf.path, pf.source_line, f"source '{src.key}' is also described in {other}:{other_line}; one file per source"))
            continue
        source_files[src.key] = (pf.path, pf.source_line)
        corpus.sources[src.key] = src
        for key, pe in pf.entities.items():
            new = pe.entity
            have = corpus.entities.get(key)
            if have is None:
                corpus.entities[key] = Entity(
                    key, new.label, new.name, list(new.aliases), dict(new.attributes),
                    new.sensitive, new.generic, [src.key],
                )
                entity_origin[key] = (pf.path, pe.line)
                for attr in new.attributes:
                    attribute_origin[(key, attr)] = f"{pf.path}:{pe.attribute_lines[attr]}"
                continue
            first_path, first_line = entity_origin[key]
            before = set(have.attributes)
            # One file per source, one entry per key in a file: this source is new to the entity,
            # so it is appended here rather than looked up in a list that grows with every file.
            conflicts = merge_entity(have, Entity(key, new.label, new.name, new.aliases, new.attributes,
                                                  new.sensitive, new.generic, []))
            if not conflicts or all(c.field == "attribute" for c in conflicts):
                have.sources.append(src.key)
            for conflict in conflicts:
                if conflict.field == "label":
                    problems.append(Problem(pf.path, pe.line, f"'{key}' is {article(new.label)} here but {article(have.label)} in {first_path}:{first_line}"))
                elif conflict.field == "generic":
                    problems.append(Problem(pf.path, pe.line, f"'{key}' is generic: {str(new.generic).lower()} here but {str(have.generic).lower()} in {first_path}:{first_line}"))
                else:
                    attr = conflict.name
                    problems.append(Problem(
                        pf.path, pe.attribute_lines[attr],
                        f"attribute '{attr}' of '{key}' is {_shown(conflict.new)} here but {_shown(conflict.have)} "
                        f"in {attribute_origin[(key, attr)]}",
                    ))
            for attr in set(have.attributes) - before:
                attribute_origin[(key, attr)] = f"{pf.path}:{pe.attribute_lines[attr]}"
        for claim, _line in pf.claims:
            ev = claim.evidence[0]
            ev.source = src.key
            have_claim = corpus.claims.get(claim.id)
            if have_claim is None:
                corpus.claims[claim.id] = claim
            else:
                have_claim.evidence.append(ev)
    return corpus


def from_cache(path: Path, data: dict[str, Any]) -> ParsedFile | None:
    """A file's checked result from the cache (loaders.cache), or None for a row that does not decode."""
    shown = str(path)
    try:
        source, source_line, entities, claims, draft_open, exact = fact_cache.decode(data, shown)
    except ValueError:
        return None
    pf = ParsedFile(shown, source, source_line, draft_open=draft_open, exact_lines=exact)
    pf.entities = {e.key: _ParsedEntity(e, line, lines) for e, line, lines in entities}
    pf.claims = claims
    return pf


def to_cache(pf: ParsedFile) -> dict[str, Any] | None:
    """A valid file's checked content as the cache stores it, or None when it is not stored."""
    if pf.source is None or pf.refused:
        return None
    return fact_cache.encode(pf.source, pf.source_line,
                             [(pe.entity, pe.line, pe.attribute_lines) for pe in pf.entities.values()],
                             pf.claims, pf.draft_open, pf.exact_lines)


def _read_all(files: list[Path], ontology: Ontology, fast: bool, cache: fact_cache.FactCache | None,
              problems: list[Problem], info: RunInfo | None = None) -> list[ParsedFile]:
    """Every file checked, or taken from the cache when its content is the one checked before."""
    parsed: list[ParsedFile] = []
    info = info if info is not None else RunInfo()
    for path in files:
        if path in info.stamps:
            before = info.stamps[path]
        else:
            before = fact_cache.stamp(path) if cache is not None else None
        pf = None
        if cache is not None and before is not None:
            data = cache.lookup(path, before)
            pf = from_cache(path, data) if data is not None else None
        if pf is not None:
            parsed.append(pf)
            continue
        pf, probs = check_file(path, ontology, fast)
        problems.extend(probs)
        if cache is not None and before is not None and not probs:
            data = to_cache(pf)
            # Stored only when the bytes hashed before checking are still the file's bytes after.
            if data is not None:
                if fact_cache.stamp(path) == before:
                    cache.store(path, before, data)
                else:
                    info.steady = False
        parsed.append(pf)
    info.drafts = sum(1 for pf in parsed if pf.draft_open is not None)
    return parsed


@paused_gc()  # millions of small objects, no cycles (graph.memory)
def validate(paths: Iterable[str | Path], ontology: Ontology | None = None, *,
             refuse_drafts: bool = False, fast: bool = True,
             cache: Path | None = None) -> tuple[Corpus, list[Problem], list[Path]]:
    """Check every file; return the merged corpus, every problem found, and the files read.

    The corpus is only meaningful when the problem list is empty. An unreviewed draft
    (see :mod:`loaders.drafts`) is a valid file; ``refuse_drafts`` makes it a problem.
    ``fast=False`` reads every file with line numbers from the start (the same result,
    slower: for comparisons and benchmarks). ``cache`` names a casegraph home whose
    validation cache (:mod:`loaders.cache`) is used and updated: unchanged valid files are
    not checked again; the result is the same.
    """
    ontology = ontology or default_ontology()
    paths = list(paths)
    files = find_fact_files(paths)
    if cache is None:
        return validate_files(paths, files, ontology, None, refuse_drafts=refuse_drafts, fast=fast)
    with fact_cache.open_cache(cache, ontology) as fc:
        return validate_files(paths, files, ontology, fc, refuse_drafts=refuse_drafts, fast=fast)


def validate_files(paths: list[str | Path], files: list[Path], ontology: Ontology, fc: fact_cache.FactCache | None, *,
                   refuse_drafts: bool = False, fast: bool = True,
                   info: RunInfo | None = None) -> tuple[Corpus, list[Problem], list[Path]]:
    """:func:`validate` of ``files`` (found in ``paths``) with an open cache (or None); ``info``
    brings stamps taken already and receives what the run learnt besides its result."""
    problems: list[Problem] = []
    parsed = _read_all(files, ontology, fast, fc, problems, info)
    with_problems = {p.file for p in problems}
    for pf in parsed:
        if pf.source is None and pf.path not in with_problems:
            problems.append(Problem(pf.path, 1, "the source block is incomplete"))
        if refuse_drafts and pf.draft_open is not None:
            left = f"{pf.draft_open} open review item{'s' if pf.draft_open != 1 else ''}" if pf.draft_open else "nothing left to decide"
            problems.append(Problem(pf.path, 1, f"an unreviewed draft ({left}): run 'casegraph review {pf.path}' first"))
    merged: list[Problem] = []
    corpus = _merge(parsed, merged)
    if merged and not all(pf.exact_lines for pf in parsed):
        # A problem across files names lines in them: read the files it names again with
        # lines (only now, so a valid corpus never pays for it) and merge again.
        named = [pf.path for pf in parsed if not pf.exact_lines
                 and any(p.file == pf.path or f"{pf.path}:" in p.message for p in merged)]
        again = {name: check_file(Path(name), ontology, fast=False) for name in named}
        for _pf, probs in again.values():
            problems.extend(probs)  # a file changed since the first read
        parsed = [again[pf.path][0] if pf.path in again else pf for pf in parsed]
        merged = []
        corpus = _merge(parsed, merged)
    problems.extend(merged)
    # Identity judgements (judgements.yaml) join keys where files become the model, so
    # everything downstream sees the resolved graph; checked against the keys only when
    # the fact files themselves hold.
    problems.extend(Problem(*found) for found in apply_judgement_files(corpus, find_judgement_files(paths),
                                                                      check_keys=not problems))
    problems.sort(key=lambda p: (p.file, p.line, p.message))
    return corpus, problems, files


def load_corpus(paths: Iterable[str | Path], ontology: Ontology | None = None, *, cache: Path | None = None) -> Corpus:
    """Validate and merge fact files; raise ValidationFailed listing every problem.

    Unreviewed drafts are refused: a draft reaches the graph only once a person has reviewed it.
    ``cache``: a casegraph home whose validation cache is used (see :func:`validate`).
    """
    corpus, problems, _files = validate(paths, ontology, refuse_drafts=True, cache=cache)
    if problems:
        raise ValidationFailed(problems)
    return corpus


def iter_problems(paths: Iterable[str | Path]) -> Iterator[Problem]:
    """Every problem in the given files (convenience for scripts and notebooks)."""
    yield from validate(paths)[1]
