"""Property types: one small registry of what each ontology type accepts and how it flattens.

Each type the ontology may name (``string``, ``text``, ``date``, ``integer``,
``number``, ``boolean``, ``list``, ``enum``, ``entity``) is one :class:`PropertyType` with two
jobs:

- :meth:`~PropertyType.check` takes a value as parsed from a fact file and returns
  it normalised (trimmed, NFC, a date as its ISO text), or raises
  :class:`ValueProblem` with a one-line message that names the property and shows
  at most a short, escaped preview of the value;
- :meth:`~PropertyType.flatten` turns a stored value into one scalar for formats
  that only take scalars (CSV cells, GraphML attributes): a list becomes its items
  joined by ``"; "``.

Validation of fact files uses :func:`check_value`; exporters use :func:`flatten`
(and :func:`flatten_any` for values without a declared type, such as evidence).

>>> from graph.types import Spec, check_value, flatten
>>> check_value(Spec("charges", "list", max_chars=100), [" RU CC 281 ", "RU CC 275"])
['RU CC 281', 'RU CC 275']
>>> flatten("list", ["RU CC 281", "RU CC 275"])
'RU CC 281; RU CC 275'
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from graph.errors import article, preview
from graph.model import PartialDate
from graph.text import CONTROL_RE, nfc

__all__ = [
    "PropertyType",
    "ValueProblem",
    "SpecLike",
    "Spec",
    "TYPES",
    "property_type",
    "check_value",
    "check_text",
    "flatten",
    "flatten_any",
    "kind_of",
    "LIST_SEPARATOR",
]

LIST_SEPARATOR = "; "
Scalar = str | int | float | bool


class ValueProblem(ValueError):
    """A value does not fit its property type; ``str()`` is the one-line message."""


class SpecLike(Protocol):
    """What a type needs to know about the property it checks (an ontology ``PropertySpec``)."""

    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def values(self) -> tuple[str, ...]: ...
    @property
    def max_chars(self) -> int | None: ...


@dataclass(frozen=True)
class Spec:
    """A stand-alone property spec, for checks outside the ontology (source fields, names)."""

    name: str
    type: str = "string"
    values: tuple[str, ...] = ()
    max_chars: int | None = None


def kind_of(value: Any) -> str:
    """What a value is, in words, for messages ('a string', 'a list', 'empty')."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def check_text(name: str, text: str, max_chars: int | None) -> str:
    """Trim, NFC-normalise and bound one text value; raise ValueProblem naming ``name``."""
    if max_chars is not None and len(text) > 4 * max_chars:
        # Fail before normalising a huge value: its length alone decides.
        raise ValueProblem(f"'{name}' has {len(text)} characters; at most {max_chars} are allowed")
    text = nfc(text.strip())
    if not text:
        raise ValueProblem(f"'{name}' is empty")
    if max_chars is not None and len(text) > max_chars:
        raise ValueProblem(f"'{name}' has {len(text)} characters; at most {max_chars} are allowed")
    bad = CONTROL_RE.search(text.replace("\n", " ").replace("\t", " ").replace("\r", " "))
    if bad:
        raise ValueProblem(f"'{name}' contains the control character U+{ord(bad.group()):04X}")
    return text


class PropertyType(ABC):
    """One ontology property type: how values are checked, normalised and flattened."""

    name: ClassVar[str]

    @abstractmethod
    def check(self, value: Any, spec: SpecLike) -> Any:
        """The value normalised; raise ValueProblem if it does not fit."""

    def flatten(self, value: Any) -> Scalar:
        """One scalar standing for a stored value (for CSV, GraphML and the like)."""
        return value


class StringType(PropertyType):
    """Free text on one subject: trimmed, NFC, no control characters, bounded length.

    Numbers are accepted and kept as their text (``case_number: 5``).
    """

    name = "string"

    def check(self, value: Any, spec: SpecLike) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueProblem(f"'{spec.name}' must be a string, not {kind_of(value)}")
        return check_text(spec.name, str(value), spec.max_chars)


class TextType(StringType):
    """Long free text (a description, a note); like ``string`` with a larger bound."""

    name = "text"


class DateType(PropertyType):
    """An ISO partial date (YYYY, YYYY-MM or YYYY-MM-DD, ASCII digits), kept as its text."""

    name = "date"

    def check(self, value: Any, spec: SpecLike) -> str:
        if isinstance(value, str) and len(value) > 40:
            raise ValueProblem(
                f"'{spec.name}': {preview(value, 20)} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        try:
            return PartialDate.parse(value).iso
        except ValueError as exc:
            raise ValueProblem(f"'{spec.name}': {exc}") from None


class IntegerType(PropertyType):
    name = "integer"

    def check(self, value: Any, spec: SpecLike) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueProblem(f"'{spec.name}' must be an integer, not {kind_of(value)}")
        return value


class NumberType(PropertyType):
    name = "number"

    def check(self, value: Any, spec: SpecLike) -> int | float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueProblem(f"'{spec.name}' must be a number, not {kind_of(value)}")
        return value


class BooleanType(PropertyType):
    name = "boolean"

    def check(self, value: Any, spec: SpecLike) -> bool:
        if not isinstance(value, bool):
            raise ValueProblem(f"'{spec.name}' must be true or false, not {kind_of(value)}")
        return value


class ListType(PropertyType):
    """A list of strings (each checked like ``string``); flattened as ``"a; b"``."""

    name = "list"
    max_items: ClassVar[int] = 1000

    def check(self, value: Any, spec: SpecLike) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValueProblem(f"'{spec.name}' must be a list of strings")
        if len(value) > self.max_items:
            raise ValueProblem(f"'{spec.name}' has {len(value)} items; at most {self.max_items} are allowed")
        return [check_text(spec.name, v, spec.max_chars) for v in value]

    def flatten(self, value: Any) -> str:
        return LIST_SEPARATOR.join(str(v) for v in value)


class EnumType(PropertyType):
    """One of the spec's ``values``, exactly as written there."""

    name = "enum"

    def check(self, value: Any, spec: SpecLike) -> str:
        if isinstance(value, str):
            value = nfc(value)
        if not isinstance(value, str) or value not in spec.values:
            shown = preview(value) if isinstance(value, str) else kind_of(value)
            raise ValueProblem(f"'{spec.name}' is {shown}, expected one of: {', '.join(spec.values)}")
        return value


class EntityType(PropertyType):
    """The key of an entity of one of the spec's ``labels`` (``case: case:dzhelyal-sabotage``).

    The key's prefix must be one of the labels' (the spec's ``prefixes``), so a claim's
    ``case`` cannot name a person; renaming or merging an entity renames every such value
    (the ontology lists them: ``Ontology.claim_key_fields``).
    """

    name = "entity"

    def check(self, value: Any, spec: SpecLike) -> str:
        if not isinstance(value, str):
            raise ValueProblem(f"'{spec.name}' must be an entity key, not {kind_of(value)}")
        key = check_text(spec.name, value, spec.max_chars)
        prefixes: tuple[str, ...] = getattr(spec, "prefixes", ())
        labels: tuple[str, ...] = getattr(spec, "labels", ())
        if not _KEY_RE.match(key) or (prefixes and key.split(":", 1)[0] not in prefixes):
            wanted = article(" or ".join(labels)) if labels else "an entity"
            shown = " or ".join(f"{p}:..." for p in prefixes) or "prefix:name"
            raise ValueProblem(f"'{spec.name}' is {preview(key)}, expected the key of {wanted} ({shown})")
        return key


_KEY_RE = re.compile(r"^[a-z][a-z0-9]*:[a-z0-9][a-z0-9._-]*$")  # as loaders.facts.KEY_RE

TYPES: dict[str, PropertyType] = {
    t.name: t
    for t in (StringType(), TextType(), DateType(), IntegerType(), NumberType(), BooleanType(), ListType(),
              EnumType(), EntityType())
}


def property_type(name: str) -> PropertyType:
    """The registered type called ``name``; KeyError if there is none."""
    return TYPES[name]


def check_value(spec: SpecLike, value: Any, type_name: str | None = None) -> Any:
    """Check one value against its spec (type from ``spec.type`` unless given); return it normalised.

    Raises :class:`ValueProblem` with a one-line message.
    """
    return TYPES[type_name or spec.type].check(value, spec)


def flatten(type_name: str, value: Any) -> Scalar:
    """One scalar for a value of a declared type (lists joined by ``"; "``)."""
    if value is None:
        return ""
    return TYPES[type_name].flatten(value)


def flatten_any(value: Any) -> Scalar:
    """One scalar for a value without a declared type: lists of scalars joined, anything nested as JSON.

    >>> flatten_any(["a", "b"]), flatten_any([{"source": "source:x", "quote": "q"}])
    ('a; b', '[{"source": "source:x", "quote": "q"}]')
    """
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, (list, tuple, Mapping)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
