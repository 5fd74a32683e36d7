"""The ontology: a typed view of ``graph/ontology.yaml``.

Everything that needs to know labels, relationship types or properties asks an
:class:`Ontology`; nothing else hard-codes them. A malformed ontology file fails
with an :class:`~graph.errors.OntologyError` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from graph.errors import OntologyError
from graph.ontology_ftm import UNKNOWN_LINK, FtmLabel, FtmRelationship, ftm_label, ftm_relationship
from graph.settings import ontology_file
from graph.types import TYPES
from graph.yamlio import LineDict, ParseError, load_with_lines

__all__ = [
    "PropertySpec",
    "NodeLabel",
    "RelationshipType",
    "Ontology",
    "load_ontology",
    "default_ontology",
    "DEFAULT_ONTOLOGY_PATH",
    "PROPERTY_TYPES",
    "Limits",
    "FtmLabel",
    "FtmRelationship",
    "ontology_path",
    "UNKNOWN_LINK",
    "CLAIM_ENDPOINTS",
]

DEFAULT_ONTOLOGY_PATH = Path(__file__).with_name("ontology.yaml")
PROPERTY_TYPES = frozenset(TYPES)  # the registry in graph/types.py
# Labels and types end up in Cypher text, so they must be plain identifiers.
_LABEL_RE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_RELTYPE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_PROP_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_PREFIX_RE = re.compile(r"^[a-z][a-z0-9]*$")
# Labels casegraph itself uses for provenance; an ontology may not redefine them.
RESERVED_LABELS = frozenset({"Entity", "Source", "Claim", "Evidence"})
# The claim fields that always hold an entity key (the qualifiers of type ``entity`` come on top).
CLAIM_ENDPOINTS = ("subject", "object", "asserted_by")
_PROPERTY_FIELDS = ("type", "values", "labels", "index", "description")
_LABEL_FIELDS = ("key_prefix", "description", "speaker", "resolve", "ftm", "properties")
_RELATIONSHIP_FIELDS = ("description", "from", "to", "key", "properties", "ftm")


RESERVED_PROPERTIES = frozenset(
    {"key", "name", "aliases", "label", "sensitive", "generic", "sources", "claim_id", "type", "evidence",
     "node_kind", "disputed", "digest", "id"}
)


@dataclass(frozen=True)
class Limits:
    """Length limits (in characters) that validation enforces, so that what validates loads.

    Neo4j refuses an index entry past about 8 KB; keys and names are indexed, and a
    character is at most 4 bytes of UTF-8, so the defaults stay well inside that.
    """

    key: int = 200
    name: int = 500
    string: int = 1000
    text: int = 20000
    quote_chars: int = 600


@dataclass(frozen=True)
class PropertySpec:
    """One declared property: its ``name``, its ``type`` (a name in ``graph.types.TYPES``), the
    allowed ``values`` of an ``enum``, what it means, the most characters a text value (or list
    item) may have; for an ``entity`` property the ``labels`` it may name and their key
    ``prefixes``; ``index``: Neo4j keeps an index on it."""

    name: str
    type: str
    values: tuple[str, ...] = ()
    description: str = ""
    max_chars: int | None = None
    labels: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    index: bool = False


@dataclass(frozen=True)
class NodeLabel:
    """A node label (Person, Organisation, ...): the ``key_prefix`` its keys start with
    (``person:``), what it means, and the ``properties`` an entity of it may carry."""

    name: str
    key_prefix: str
    description: str
    properties: dict[str, PropertySpec]
    speaker: bool = False  # an entity of this label may assert a claim (``asserted_by``)
    resolve: bool = False  # entities of this label are compared by name to find duplicates (graph.identity)
    ftm: FtmLabel | None = None


@dataclass(frozen=True)
class RelationshipType:
    """A relationship type (a claim's predicate): the labels it may link (``sources`` to
    ``targets``), the qualifiers that identify a claim (``key``: the same fact with another
    ``role`` is another claim), and the ``properties`` a claim of it may carry."""

    name: str
    description: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    key: tuple[str, ...]
    properties: dict[str, PropertySpec]
    ftm: FtmRelationship = field(default_factory=FtmRelationship)


@dataclass(frozen=True)
class Ontology:
    """The whole ontology file: labels, relationship types, the qualifiers every claim may
    carry (``claim_qualifiers``: date, start, end), the quote limit, and where it came from."""

    path: Path
    version: int
    max_quote_words: int
    claim_qualifiers: dict[str, PropertySpec]
    labels: dict[str, NodeLabel]
    relationships: dict[str, RelationshipType]
    _by_prefix: dict[str, str] = field(default_factory=dict, repr=False)
    limits: Limits = field(default_factory=Limits)

    def label_for_prefix(self, prefix: str) -> str | None:
        return self._by_prefix.get(prefix)

    def qualifiers(self, rel_type: str) -> dict[str, PropertySpec]:
        """Every qualifier a claim of this type may carry (its own and the universal ones)."""
        rel = self.relationships[rel_type]
        return {**self.claim_qualifiers, **rel.properties}

    @cached_property
    def speaker_labels(self) -> tuple[str, ...]:
        """The labels whose entities may assert a claim (``speaker: true``)."""
        return tuple(name for name, label in self.labels.items() if label.speaker)

    @cached_property
    def resolved_labels(self) -> tuple[str, ...]:
        """The labels whose entities identity resolution compares (``resolve: true``)."""
        return tuple(name for name, label in self.labels.items() if label.resolve)

    @cached_property
    def claim_key_fields(self) -> tuple[str, ...]:
        """Every claim field that holds an entity key: subject, object, asserted_by and each
        qualifier of type ``entity`` (renaming an entity renames all of them)."""
        specs = [*self.claim_qualifiers.values(), *(p for r in self.relationships.values() for p in r.properties.values())]
        return (*CLAIM_ENDPOINTS, *dict.fromkeys(p.name for p in specs if p.type == "entity"))

    @property
    def indexes(self) -> list[tuple[str, str]]:
        """(label, property) of every node property declared with ``index: true``."""
        return [(name, prop) for name, label in self.labels.items() for prop, spec in label.properties.items()
                if spec.index]


def _fail(path: Path, line: int, message: str) -> OntologyError:
    return OntologyError(f"{path}:{line}: {message}")


def _mapping(path: Path, value: Any, line: int, what: str) -> LineDict:
    if not isinstance(value, LineDict):
        raise _fail(path, line, f"{what} must be a mapping")
    return value


def _known_fields(path: Path, spec: LineDict, known: tuple[str, ...], what: str) -> None:
    """Refuse a field the loader does not read: a typo would otherwise be silently ignored."""
    for name in spec:
        if name not in known:
            raise _fail(path, spec.line_of(name), f"{what} has the unknown field '{name}' (known: {', '.join(known)})")


def _str_list(path: Path, value: Any, line: int, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, line, f"{what} must be a list of names")
    return tuple(value)


def _limits(path: Path, value: Any, line: int) -> Limits:
    if value is None:
        return Limits()
    block = _mapping(path, value, line, "limits")
    known = Limits.__dataclass_fields__
    given: dict[str, int] = {}
    for name, number in block.items():
        if name not in known:
            raise _fail(path, block.line_of(name), f"unknown limit '{name}' (known: {', '.join(known)})")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise _fail(path, block.line_of(name), f"limit '{name}' must be a positive integer")
        given[name] = number
    return Limits(**given)


def _max_chars(ptype: str, limits: Limits) -> int | None:
    if ptype == "text":
        return limits.text
    if ptype in ("string", "list"):
        return limits.string
    return None


def _properties(path: Path, value: Any, line: int, owner: str, limits: Limits,
                prefixes: dict[str, str]) -> dict[str, PropertySpec]:
    """The ``properties`` block of ``owner``; ``prefixes`` maps every label to its key prefix."""
    if value is None:
        return {}
    props = _mapping(path, value, line, f"properties of {owner}")
    out: dict[str, PropertySpec] = {}
    for name, spec in props.items():
        pline = props.line_of(name)
        if not isinstance(name, str) or not _PROP_RE.match(name):
            raise _fail(path, pline, f"property name '{name}' of {owner} must be lower_snake_case")
        if name in RESERVED_PROPERTIES:
            raise _fail(path, pline, f"property '{name}' of {owner} is reserved by casegraph")
        spec = _mapping(path, spec, pline, f"property '{name}' of {owner}")
        _known_fields(path, spec, _PROPERTY_FIELDS, f"property '{name}' of {owner}")  # also a flow mapping cut at a comma
        ptype = spec.get("type")
        if ptype not in PROPERTY_TYPES:
            raise _fail(
                path,
                spec.line_of("type"),
                f"property '{name}' of {owner} has unknown type '{ptype}' "
                f"(expected one of {', '.join(sorted(PROPERTY_TYPES))})",
            )
        values: tuple[str, ...] = ()
        if ptype == "enum":
            values = _str_list(path, spec.get("values"), spec.line_of("values"), f"values of enum '{name}'")
            if not values:
                raise _fail(path, spec.line_of("values"), f"enum '{name}' of {owner} needs at least one value")
        labels: tuple[str, ...] = ()
        if ptype == "entity":
            labels = _str_list(path, spec.get("labels"), spec.line_of("labels"), f"labels of entity property '{name}'")
            for label in labels:
                if label not in prefixes:
                    raise _fail(path, spec.line_of("labels"), f"property '{name}' of {owner} names unknown label '{label}'")
            if not labels:
                raise _fail(path, spec.line_of("labels"), f"entity property '{name}' of {owner} needs its labels")
        index = spec.get("index", False)
        if not isinstance(index, bool):
            raise _fail(path, spec.line_of("index"), f"index of property '{name}' of {owner} must be true or false")
        max_chars = limits.key if ptype == "entity" else _max_chars(ptype, limits)
        out[name] = PropertySpec(name, ptype, values, str(spec.get("description") or ""), max_chars, labels,
                                 tuple(prefixes[lb] for lb in labels), index)
    return out


def load_ontology(path: Path | str = DEFAULT_ONTOLOGY_PATH) -> Ontology:
    """Read and check an ontology file."""
    path = Path(path)
    try:
        data = load_with_lines(path)
    except OSError as exc:
        raise OntologyError(f"{path}: cannot read ontology: {exc.strerror or exc}") from None
    except ParseError as exc:
        raise _fail(path, exc.line, exc.message) from None
    root = _mapping(path, data, 1, "the ontology")
    for required in ("version", "node_labels", "relationship_types"):
        if required not in root:
            raise _fail(path, root.line, f"missing '{required}'")
    version = root["version"]
    if not isinstance(version, int):
        raise _fail(path, root.line_of("version"), "version must be an integer")
    max_words = root.get("max_quote_words", 40)
    if not isinstance(max_words, int) or max_words < 1:
        raise _fail(path, root.line_of("max_quote_words"), "max_quote_words must be a positive integer")
    limits = _limits(path, root.get("limits"), root.line_of("limits"))
    labels: dict[str, NodeLabel] = {}
    by_prefix: dict[str, str] = {}
    node_labels = _mapping(path, root["node_labels"], root.line_of("node_labels"), "node_labels")
    specs: dict[str, LineDict] = {}
    for name, spec in node_labels.items():  # names and prefixes first: an entity property may name any label
        line = node_labels.line_of(name)
        if not isinstance(name, str) or not _LABEL_RE.match(name):
            raise _fail(path, line, f"label '{name}' must be CamelCase letters and digits")
        if name in RESERVED_LABELS:
            raise _fail(path, line, f"label '{name}' is reserved by casegraph")
        spec = specs[name] = _mapping(path, spec, line, f"label '{name}'")
        _known_fields(path, spec, _LABEL_FIELDS, f"label '{name}'")
        prefix = spec.get("key_prefix")
        if not isinstance(prefix, str) or not _PREFIX_RE.match(prefix):
            raise _fail(path, spec.line_of("key_prefix"), f"label '{name}' needs a lower-case key_prefix")
        if prefix in by_prefix:
            raise _fail(path, spec.line_of("key_prefix"), f"key_prefix '{prefix}' is used by '{by_prefix[prefix]}' too")
        by_prefix[prefix] = name
    prefixes = {label: prefix for prefix, label in by_prefix.items()}
    qualifiers = _properties(path, root.get("claim_qualifiers"), root.line_of("claim_qualifiers"), "claims", limits,
                             prefixes)
    for name, spec in specs.items():
        line = node_labels.line_of(name)
        props = _properties(path, spec.get("properties"), line, name, limits, prefixes)
        flags = {flag: spec.get(flag, False) for flag in ("speaker", "resolve")}
        for flag, value in flags.items():
            if not isinstance(value, bool):
                raise _fail(path, spec.line_of(flag), f"{flag} of label '{name}' must be true or false")
        labels[name] = NodeLabel(name, prefixes[name], str(spec.get("description") or ""), props, flags["speaker"],
                                 flags["resolve"], ftm_label(path, spec.get("ftm"), spec.line_of("ftm"), name, props))
    if not labels:
        raise _fail(path, root.line_of("node_labels"), "node_labels is empty")

    relationships: dict[str, RelationshipType] = {}
    rel_types = _mapping(path, root["relationship_types"], root.line_of("relationship_types"), "relationship_types")
    for name, spec in rel_types.items():
        line = rel_types.line_of(name)
        if not isinstance(name, str) or not _RELTYPE_RE.match(name):
            raise _fail(path, line, f"relationship type '{name}' must be UPPER_SNAKE_CASE")
        spec = _mapping(path, spec, line, f"relationship type '{name}'")
        _known_fields(path, spec, _RELATIONSHIP_FIELDS, f"relationship type '{name}'")
        ends: dict[str, tuple[str, ...]] = {}
        for end in ("from", "to"):
            if end not in spec:
                raise _fail(path, spec.line, f"relationship type '{name}' needs '{end}'")
            ends[end] = _str_list(path, spec[end], spec.line_of(end), f"'{end}' of {name}")
            for label in ends[end]:
                if label not in labels:
                    raise _fail(path, spec.line_of(end), f"'{end}' of {name} names unknown label '{label}'")
        props = _properties(path, spec.get("properties"), line, name, limits, prefixes)
        key = _str_list(path, spec.get("key") or [], spec.line_of("key"), f"key of {name}")
        for k in key:
            if k not in props:
                raise _fail(path, spec.line_of("key"), f"key of {name} names '{k}', which is not one of its properties")
        for p in props:
            if p in qualifiers:
                raise _fail(path, line, f"property '{p}' of {name} shadows the claim qualifier of the same name")
        relationships[name] = RelationshipType(
            name, str(spec.get("description") or ""), ends["from"], ends["to"], key, props,
            ftm_relationship(path, spec.get("ftm"), spec.line_of("ftm"), name, {**qualifiers, **props}),
        )
    return Ontology(path, version, max_words, qualifiers, labels, relationships, by_prefix, limits)


def ontology_path() -> Path:
    """The ontology file in use: ``CASEGRAPH_ONTOLOGY`` if set (see :mod:`graph.settings`), else the shipped one."""
    return ontology_file() or DEFAULT_ONTOLOGY_PATH


def default_ontology() -> Ontology:
    """The ontology in use (:func:`ontology_path`), read once per process and file."""
    return _cached(ontology_path())


@lru_cache(maxsize=4)
def _cached(path: Path) -> Ontology:
    return load_ontology(path)
