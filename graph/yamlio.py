"""YAML and JSON reading that remembers line numbers.

Every problem casegraph reports names ``file:line``, so parsed mappings and lists
carry the line of each key and item. JSON is parsed strictly with :mod:`json`
first (so a JSON syntax error is reported as JSON), then read again through the
line-aware YAML loader, which accepts JSON documents.

Line tracking is costly (libyaml composes a node and two marks per value, then
Python builds each value): valid YAML files are read without lines by
:func:`graph.yamlfast.load_yaml_fast`, and only files with problems come here.

A file costs at most about its own size to refuse: raw control characters,
nesting deeper than :data:`MAX_DEPTH` levels and YAML aliases that expand past
:data:`ALIAS_BUDGET` are each one :class:`ParseError` with a line, found before
any value is built. Every string is NFC-normalised as it is read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from graph.errors import preview
from graph.text import nfc

__all__ = ["LineDict", "LineList", "load_with_lines", "load_json_fast", "ParseError", "MAX_DEPTH", "ALIAS_BUDGET",
           "NOT_CHARACTER", "ESCAPED_NOT_CHARACTER", "not_character", "characters", "first_not_character"]

# A fact file is five levels deep; anything near this limit is a mistake or an attack
# (and deeper structures would exhaust the stack of the recursive constructors).
MAX_DEPTH = 32
# What YAML aliases may add to a document, in values (a scalar counts one per 80
# characters): anchors for a few repeated values are fine, a "billion laughs" is not.
ALIAS_BUDGET = 10_000
# What YAML 1.1 does not allow raw in a file (tab, LF, CR and NEL are fine). Checked
# first, so the message names the line and the character on every parser.
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# Code points that are not characters: UTF-16 surrogates and the non-characters U+FFFE
# and U+FFFF. No UTF-8 file holds a surrogate raw, but a \u escape (JSON, YAML double
# quotes) makes one; a value holding one cannot be written as UTF-8 or XML, so it is
# refused where it is read, with its line. An escaped surrogate pair is one character.
NOT_CHARACTER = re.compile("[\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# The escapes (JSON \uXXXX, YAML \uXXXX and \UXXXXXXXX) that can make one: when a text has
# none, its values need no look.
ESCAPED_NOT_CHARACTER = re.compile(r"\\(?:u|U0000)(?:[dD][89a-fA-F]|[fF]{3}[eEfF])")


class ParseError(Exception):
    """A file is not well-formed YAML/JSON; carries the 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class LineDict(dict):
    """A dict that knows the line of itself (``line``) and of each key (``lines``)."""

    line: int
    lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    """A list that knows its own line and the line of each item."""

    line: int
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


def not_character(code: int) -> str:
    """What a code point that is not a character is, for a message.

    >>> not_character(0xD800), not_character(0xFFFE), not_character(0x1B)
    ('lone surrogate U+D800', 'non-character U+FFFE', 'control character U+001B')
    """
    if 0xD800 <= code <= 0xDFFF:
        return f"lone surrogate U+{code:04X}"
    if code in (0xFFFE, 0xFFFF):
        return f"non-character U+{code:04X}"
    return f"control character U+{code:04X}"


def characters(text: str) -> str:
    """``text`` with escaped surrogate pairs joined; ValueError naming what is left that is no character.

    >>> ascii(characters("\\ud83d\\ude00"))
    "'\\\\U0001f600'"
    """
    if _SURROGATE.search(text):
        try:  # a high and a low surrogate in a row are one character written as two escapes
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        except UnicodeDecodeError:
            pass  # a lone one: reported below
    bad = NOT_CHARACTER.search(text)
    if bad:
        raise ValueError(f"{not_character(ord(bad.group()))} is not allowed in a fact file")
    return text


def _check_text(text: str) -> None:
    """Refuse raw control characters (NUL, BEL, ESC, ...) with the line of the first."""
    bad = RAW_CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise ParseError(line, f"{not_character(ord(bad.group()))} is not allowed in a fact file")


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_shape(root: yaml.Node) -> None:
    """Refuse deep nesting, recursive aliases and alias expansion past the budget.

    Iterative (no recursion to exhaust) over the composed node graph, where an alias
    is the same node object reached twice: each node is measured once, so the cost is
    the size of the file, not of what it would expand to.
    """
    size: dict[int, int] = {}  # node id -> expanded weight
    height: dict[int, int] = {}  # node id -> levels below and including it
    on_path: set[int] = set()
    distinct = 0
    stack: list[tuple[yaml.Node, int, int, bool]] = [(root, 1, root.start_mark.line + 1, False)]
    while stack:
        node, depth, parent_line, done = stack.pop()
        nid = id(node)
        kids = _children(node)
        if done:
            on_path.discard(nid)
            if kids:
                size[nid] = 1 + sum(size[id(k)] for k in kids)
                height[nid] = 1 + max(height[id(k)] for k in kids)
            else:
                size[nid] = 1 + (len(node.value) // 80 if isinstance(node.value, str) else 0)
                height[nid] = 1
            distinct += size[nid] if not kids else 1
            if size[nid] > distinct + ALIAS_BUDGET:
                raise ParseError(node.start_mark.line + 1, f"YAML aliases expand to more than {ALIAS_BUDGET} values")
            continue
        line = node.start_mark.line + 1
        if nid in on_path:
            raise ParseError(parent_line, "a YAML alias refers to the structure that contains it")
        if nid in size:  # reached again through an alias: already measured
            if depth + height[nid] - 1 > MAX_DEPTH:
                raise ParseError(parent_line, f"nesting deeper than {MAX_DEPTH} levels")
            continue
        if depth > MAX_DEPTH:
            raise ParseError(line, f"nesting deeper than {MAX_DEPTH} levels")
        on_path.add(nid)
        stack.append((node, depth, parent_line, True))
        stack.extend((kid, depth + 1, line, False) for kid in reversed(kids))


class _Checked:
    """Mixin: check the composed document's shape before constructing any value."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()  # type: ignore[attr-defined]
        if node is None:
            return None
        _check_shape(node)
        return self.construct_document(node)  # type: ignore[attr-defined]

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """PyYAML's, but a value its constructor cannot read (``!!float abc``, ``!!bool maybe``,
        ``!!map x``) is a ParseError at the value's line, not whatever Python raised."""
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError):
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            shown = f" {preview(node.value)}" if isinstance(node.value, str) else ""
            raise ParseError(node.start_mark.line + 1, f"invalid YAML: cannot read{shown} as {preview(tag)}") from None


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ~10x faster


class _Loader(_Checked, _Base):  # type: ignore[misc,valid-type]
    """(C)SafeLoader whose mappings and sequences record line numbers.

    Dates are left as strings (YAML 1.1 would turn 2021-12-03 into a date object but
    leave 2021-12 a string); casegraph parses partial dates itself.
    """


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise ParseError(key_node.start_mark.line + 1, "a mapping key must be a plain value") from None
        if key in result:
            raise ParseError(key_node.start_mark.line + 1, f"duplicate key '{key}' in one mapping")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    try:
        return loader.construct_yaml_int(node)
    except ValueError as exc:
        if "digits" not in str(exc):
            raise  # not a number at all (!!int abc): construct_object words it
        # past Python's limit on digits (4300): no value has that many
        raise ParseError(node.start_mark.line + 1, f"a number with {len(node.value)} digits is too long") from None


def _construct_str(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    text = str(loader.construct_scalar(node))
    if NOT_CHARACTER.search(text):  # only from an escape, rarely: join pairs, refuse the rest
        try:
            text = characters(text)
        except ValueError as exc:
            raise ParseError(node.start_mark.line + 1, str(exc)) from None
    return nfc(text)


class _PyLoader(_Checked, yaml.SafeLoader):
    """The pure-Python parser: used only to word syntax errors the same on every machine."""


for _cls in (_Loader, _PyLoader):
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)
    _cls.add_constructor("tag:yaml.org,2002:str", _construct_str)
    _cls.add_constructor("tag:yaml.org,2002:int", _construct_int)


def load_with_lines(path: Path) -> Any:
    """Parse a YAML or JSON file; mappings become LineDict, lists LineList.

    Raises ParseError (with the line) for malformed input and OSError/UnicodeError
    for unreadable files.
    """
    text = path.read_text(encoding="utf-8-sig")  # -sig: editors on Windows write a BOM
    _check_text(text)
    if path.suffix.lower() == ".json":
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParseError(exc.lineno, f"invalid JSON: {exc.msg}") from None
        except RecursionError:
            pass  # nested past the stack: the YAML pass below reports the depth with its line
        except ValueError:
            pass  # a number past Python's limit on digits: the YAML pass below reports it with its line
        # Valid JSON has no raw tab inside a string, so every tab is whitespace, which
        # PyYAML (YAML 1.1) refuses as indentation: make it a space, lines unchanged.
        text = text.replace("\t", " ")
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from (C)SafeLoader
    except yaml.MarkedYAMLError as exc:
        first = exc
    if "nesting depth" in str(first.problem):  # libyaml stops at 1000 levels
        raise ParseError(_line_of(first), f"nesting deeper than {MAX_DEPTH} levels")
    try:
        return yaml.load(text, Loader=_PyLoader)  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as exc:
        what = exc.problem or exc.context or "malformed"
        raise ParseError(_line_of(exc), f"invalid YAML: {what}") from None
    except RecursionError:  # the pure-Python parser recurses per level: keep libyaml's words
        raise ParseError(_line_of(first), f"invalid YAML: {first.problem or first.context}") from None
    except (ValueError, OverflowError):  # an escape past U+10FFFF ("\U00110000"): libyaml's words too
        raise ParseError(_line_of(first), f"invalid YAML: {first.problem or first.context}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise ParseError(1, f"invalid YAML: {exc}") from None


def _line_of(exc: yaml.MarkedYAMLError) -> int:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark is not None else 1


def _json_object(pairs: list[tuple[str, Any]]) -> LineDict:
    result = LineDict()
    result.line = 0
    result.lines = {}
    for key, value in pairs:
        key = nfc(key)
        if type(value) is str:
            value = nfc(value)
        elif type(value) is list:
            items = LineList(nfc(v) if type(v) is str else v for v in value)
            items.line = 0
            items.lines = []
            value = items
        if key in result:
            raise ParseError(0, f"duplicate key '{key}' in one mapping")
        result[key] = value
    return result


def first_not_character(value: Any) -> int | None:
    """The first code point that is no character (:data:`NOT_CHARACTER`) in any string (key or
    value) of a parsed document, or None. Iterative: nesting costs no stack."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            bad = NOT_CHARACTER.search(item)
            if bad:
                return ord(bad.group())
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def load_json_fast(path: Path) -> Any:
    """Parse a JSON file with :mod:`json`, without line numbers (every line is 0).

    Ten times faster than the line-aware parse; callers use it for the common case of
    a valid file and parse again with :func:`load_with_lines` to report problems.
    """
    text = path.read_text(encoding="utf-8-sig")
    _check_text(text)
    try:
        doc = json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise ParseError(exc.lineno, f"invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise ParseError(1, f"nesting deeper than {MAX_DEPTH} levels") from None
    except ValueError:  # a number past Python's limit on digits: the line-aware read names its line
        raise ParseError(0, "a number is too long") from None
    # json joins an escaped surrogate pair; a lone one or U+FFFE stays: the line-aware read names its line.
    if ESCAPED_NOT_CHARACTER.search(text):
        code = first_not_character(doc)
        if code is not None:
            raise ParseError(0, f"{not_character(code)} is not allowed in a fact file")
    return doc
