"""YAML and JSON reading that remembers line numbers.

Every problem casegraph reports names ``file:line``, so parsed mappings and lists
carry the line of each key and item. JSON is parsed strictly with :mod:`json`
first (so a JSON syntax error is reported as JSON), then read again through the
line-aware YAML loader, which accepts JSON documents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

__all__ = ["LineDict", "LineList", "load_with_lines", "load_json_fast", "ParseError"]


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


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ~10x faster


class _Loader(_Base):  # type: ignore[misc,valid-type]
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


def _construct_str(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


class _PyLoader(yaml.SafeLoader):
    """The pure-Python parser: used only to word syntax errors the same on every machine."""


for _cls in (_Loader, _PyLoader):
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)


def load_with_lines(path: Path) -> Any:
    """Parse a YAML or JSON file; mappings become LineDict, lists LineList.

    Raises ParseError (with the line) for malformed input and OSError/UnicodeError
    for unreadable files.
    """
    text = path.read_text(encoding="utf-8-sig")  # -sig: editors on Windows write a BOM
    if path.suffix.lower() == ".json":
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParseError(exc.lineno, f"invalid JSON: {exc.msg}") from None
        # Valid JSON has no raw tab inside a string, so every tab is whitespace, which
        # PyYAML (YAML 1.1) refuses as indentation: make it a space, lines unchanged.
        text = text.replace("\t", " ")
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from (C)SafeLoader
    except yaml.MarkedYAMLError:
        pass
    try:
        return yaml.load(text, Loader=_PyLoader)  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or exc.context or "malformed"
        raise ParseError(line, f"invalid YAML: {what}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise ParseError(1, f"invalid YAML: {exc}") from None


def _json_object(pairs: list[tuple[str, Any]]) -> LineDict:
    result = LineDict()
    result.line = 0
    result.lines = {}
    for key, value in pairs:
        if type(value) is list:
            items = LineList(value)
            items.line = 0
            items.lines = []
            value = items
        if key in result:
            raise ParseError(0, f"duplicate key '{key}' in one mapping")
        result[key] = value
    return result


def load_json_fast(path: Path) -> Any:
    """Parse a JSON file with :mod:`json`, without line numbers (every line is 0).

    Ten times faster than the line-aware parse; callers use it for the common case of
    a valid file and parse again with :func:`load_with_lines` to report problems.
    """
    text = path.read_text(encoding="utf-8-sig")
    try:
        return json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise ParseError(exc.lineno, f"invalid JSON: {exc.msg}") from None
