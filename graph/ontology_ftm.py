"""The FollowTheMoney part of the ontology: the ``ftm:`` block of a label or relationship type.

``graph/ontology.yaml`` says, for each label, which FtM schema its entities become (and
which FtM properties hold its attributes), and for each relationship type which FtM
interval a piece of its evidence becomes. The FtM exporter (:mod:`graph.exporters.ftm`)
and ``import-ftm`` (:mod:`loaders.ftm`) both read these maps, so a label added to the
ontology with an ``ftm:`` block exports and imports with no code change.

FtM schema and property names are checked against FtM itself when they are used (loading
FtM's model costs a fraction of a second that reading the ontology should not pay).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import OntologyError
from graph.yamlio import LineDict

__all__ = ["FtmLabel", "FtmRelationship", "ftm_label", "ftm_relationship", "UNKNOWN_LINK"]

# The FtM schema of a relationship type that declares none: an interval naming the type.
UNKNOWN_LINK = "UnknownLink"
_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")  # FtM schema and property names


@dataclass(frozen=True)
class FtmLabel:
    """How a label maps to FtM: its ``schema`` (or a ``variants`` schema when each listed
    attribute has one of the listed values), the FtM properties that hold the name, the
    attribute -> FtM property map (used both ways), and other FtM schemata imported as it."""

    schema: str
    names: tuple[str, ...] = ("name",)
    properties: dict[str, str] = field(default_factory=dict)
    variants: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    imports: tuple[str, ...] = ()

    def schema_for(self, attributes: dict[str, Any]) -> str:
        """The FtM schema of an entity with these attributes."""
        for schema, when in self.variants.items():
            if all(attributes.get(attr) in values for attr, values in when.items()):
                return schema
        return self.schema

    @property
    def schemata(self) -> tuple[str, ...]:
        """Every FtM schema that imports as this label."""
        return (self.schema, *self.variants, *self.imports)


@dataclass(frozen=True)
class FtmRelationship:
    """How a relationship type maps to an FtM interval: the ``schema``, the FtM properties of
    its two ends, the ``role`` property and what fills it (the qualifier ``role_from``, else
    the fixed ``role_text``; the first ``role_detail`` qualifier given is added in brackets),
    the ``role_words`` that pick this type on import when types share a schema, and the
    property of the object entity that lists the subject (``listed_on_object``, or the one
    ``listed_by_role`` names for the claim's role)."""

    schema: str = UNKNOWN_LINK
    subject: str = "subject"
    object: str = "object"
    role: str | None = "role"
    role_from: str | None = None
    role_text: str | None = None
    role_detail: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()
    listed_on_object: str | None = None
    listed_by_role: dict[str, str] = field(default_factory=dict)


def _fail(path: Path, line: int, message: str) -> OntologyError:
    return OntologyError(f"{path}:{line}: {message}")


def _block(path: Path, value: Any, line: int, what: str, known: tuple[str, ...]) -> LineDict:
    if not isinstance(value, LineDict):
        raise _fail(path, line, f"{what} must be a mapping")
    for k in value:
        if k not in known:
            raise _fail(path, value.line_of(k), f"unknown field '{k}' in {what} (known: {', '.join(known)})")
    return value


def _name(path: Path, block: LineDict, key: str, what: str, default: str | None = None) -> str | None:
    value = block.get(key, default)
    if value is not None and (not isinstance(value, str) or not _NAME_RE.match(value)):
        raise _fail(path, block.line_of(key), f"'{key}' of {what} must be an FtM name (letters and digits)")
    return value


def _names(path: Path, block: LineDict, key: str, what: str) -> tuple[str, ...]:
    value = block.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and _NAME_RE.match(v) for v in value):
        raise _fail(path, block.line_of(key), f"'{key}' of {what} must be a list of FtM names")
    return tuple(value)


def _words(path: Path, block: LineDict, key: str, what: str) -> tuple[str, ...]:
    value = block.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, block.line_of(key), f"'{key}' of {what} must be a list of words")
    return tuple(value)


def _map(path: Path, block: LineDict, key: str, what: str, allowed: set[str]) -> dict[str, str]:
    value = block.get(key) or LineDict()
    if not isinstance(value, dict):
        raise _fail(path, block.line_of(key), f"'{key}' of {what} must be a mapping")
    out: dict[str, str] = {}
    for k, v in value.items():
        line = value.line_of(k) if isinstance(value, LineDict) else block.line_of(key)
        if allowed and k not in allowed:
            raise _fail(path, line, f"'{key}' of {what} names '{k}', which is not one of its properties")
        if not isinstance(v, str) or not _NAME_RE.match(v):
            raise _fail(path, line, f"'{key}' of {what}: '{k}' must map to an FtM name")
        out[str(k)] = v
    return out


def ftm_label(path: Path, value: Any, line: int, label: str, properties: dict[str, Any]) -> FtmLabel | None:
    """The ``ftm:`` block of a label (None if it has none)."""
    if value is None:
        return None
    what = f"the ftm block of {label}"
    block = _block(path, value, line, what, ("schema", "names", "properties", "variants", "imports"))
    schema = _name(path, block, "schema", what)
    if schema is None:
        raise _fail(path, block.line, f"{what} needs 'schema'")
    variants: dict[str, dict[str, tuple[str, ...]]] = {}
    raw = block.get("variants") or LineDict()
    if not isinstance(raw, LineDict):
        raise _fail(path, block.line_of("variants"), f"'variants' of {what} must be a mapping")
    for name, when in raw.items():
        vline = raw.line_of(name)
        if not isinstance(name, str) or not _NAME_RE.match(name) or not isinstance(when, LineDict) or not when:
            raise _fail(path, vline, f"variant '{name}' of {what} must map an FtM schema to attribute values")
        conditions: dict[str, tuple[str, ...]] = {}
        for attr in when:
            if attr not in properties:
                raise _fail(path, when.line_of(attr), f"variant '{name}' of {what} names '{attr}', "
                                                      "which is not one of its properties")
            conditions[attr] = _words(path, when, attr, f"variant '{name}'")
        variants[name] = conditions
    names = _names(path, block, "names", what) or ("name",)
    return FtmLabel(schema, names, _map(path, block, "properties", what, set(properties)), variants,
                    _names(path, block, "imports", what))


def ftm_relationship(path: Path, value: Any, line: int, rel: str, properties: dict[str, Any]) -> FtmRelationship:
    """The ``ftm:`` block of a relationship type (an :data:`UNKNOWN_LINK` if it has none)."""
    if value is None:
        return FtmRelationship(role_from="role" if "role" in properties else None)
    what = f"the ftm block of {rel}"
    block = _block(path, value, line, what, ("schema", "subject", "object", "role", "role_from", "role_text",
                                              "role_detail", "role_words", "listed_on_object", "listed_by_role"))
    role_from = block.get("role_from", "role" if "role" in properties and "schema" not in block else None)
    role_detail = _words(path, block, "role_detail", what)
    for key, q in [("role_from", role_from), *(("role_detail", d) for d in role_detail)]:
        if q is not None and q not in properties:
            raise _fail(path, block.line_of(key), f"'{key}' of {what} names '{q}', which is not one of its properties")
    role_text = block.get("role_text")
    if role_text is not None and (not isinstance(role_text, str) or not role_text.strip()):
        raise _fail(path, block.line_of("role_text"), f"'role_text' of {what} must be a word or two")
    listed = block.get("listed_by_role") or {}
    if not isinstance(listed, dict) or not all(isinstance(v, str) and _NAME_RE.match(v) for v in listed.values()):
        raise _fail(path, block.line_of("listed_by_role"), f"'listed_by_role' of {what} must map roles to FtM names")
    return FtmRelationship(
        schema=_name(path, block, "schema", what, UNKNOWN_LINK) or UNKNOWN_LINK,
        subject=_name(path, block, "subject", what, "subject") or "subject",
        object=_name(path, block, "object", what, "object") or "object",
        role=_name(path, block, "role", what, None if "schema" in block else "role"),
        role_from=role_from,
        role_text=role_text,
        role_detail=role_detail,
        role_words=tuple(w.lower() for w in _words(path, block, "role_words", what)),
        listed_on_object=_name(path, block, "listed_on_object", what),
        listed_by_role={str(k): str(v) for k, v in listed.items()},
    )
