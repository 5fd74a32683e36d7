"""Reading a valid YAML fact file fast, without line numbers.

The line-aware loader (:func:`graph.yamlio.load_with_lines`) is slow by nature:
libyaml composes a node and two marks per value, then Python builds every value.
Most files are valid and need no lines, so :func:`load_yaml_fast` reads them with
rapidyaml (C++), which parses and writes the document as JSON for :mod:`json` to
read: about ten times faster. A caller checks the result and reads a file again
with lines only to report its problems.

The values must be those PyYAML reads, so whatever the two parsers could read
differently is left to PyYAML (:class:`NotFast`): anchors, aliases, tags, merge
keys, directives, tabs, line breaks only YAML 1.1 knows, anything plain that YAML
1.1 reads as a boolean, null or number where rapidyaml reads text (``yes``, ``~``,
``012``, ``1_000``) or as text where rapidyaml reads a number (``1e3``), escapes of
surrogates and of U+FFFE/U+FFFF (refused by the line-aware loader with their line), duplicate
keys, several documents, anything malformed, and nesting deeper than
:data:`~graph.yamlio.MAX_DEPTH`. So aliases never expand here and the line-aware
loader's limits refuse hostile files with their lines as before.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from graph.text import nfc
from graph.yamlio import ESCAPED_NOT_CHARACTER, MAX_DEPTH, NOT_CHARACTER, RAW_CONTROL, LineDict, LineList

try:  # without rapidyaml every file takes the line-aware path: slower, the same results
    import ryml
except ImportError:  # pragma: no cover - installed with casegraph
    ryml = None

__all__ = ["load_yaml_fast", "NotFast"]


class NotFast(Exception):
    """The fast path cannot promise PyYAML's reading of this file: use ``load_with_lines``."""


# Text left to PyYAML: tabs, the line breaks only YAML 1.1 knows (NEL, LS, PS; a CR
# is already a newline after read_text), merge keys, directives, and an anchor, alias,
# tag or a character PyYAML refuses (@, `) where a node starts. Quoted text that only
# looks like these ("Smith & Co, *") costs the slower parse, nothing else.
_NOT_FAST_TEXT = re.compile(r"[\t\x85\u2028\u2029]|<<|^%|(?:^|[-:?,\[{])[ ]*[&*!@`]", re.M)
# A bound on nesting from the text: each block level takes one more character of a
# line's prefix (indentation, "- ", "? ", ": "), each flow level one bracket. It keeps
# deep files from rapidyaml's emitter, which stops past 64 levels printing to the
# process's stderr; the levels of what was read are then counted exactly.
_LINE_PREFIX = re.compile(r"^[ ?:-]*", re.M)
_BRACKET = re.compile(r"[\[\]{}]")
# Plain scalars YAML 1.1 (PyYAML's resolvers) reads as something other than text.
_NOT_TEXT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"  # a timestamp is kept as text
_RESOLVERS = {  # tag -> regexp; the table lists each under every first character it allows
    tag: regexp for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    for tag, regexp in resolvers if first and tag not in _NOT_TEXT
}
_YAML11_FIRST = frozenset(
    first for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    if first and any(tag in _RESOLVERS for tag, _rx in resolvers)
)
_YAML11 = re.compile("|".join(f"(?:{regexp.pattern})" for regexp in _RESOLVERS.values()), re.X)
_YAML11_FLOAT = next(rx for tag, rx in yaml.SafeLoader.yaml_implicit_resolvers["."] if tag.endswith(":float"))
# What rapidyaml writes bare for a plain scalar: a string of this shape was quoted.
_JSON_LITERAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")


def _depth_bound(text: str) -> int:
    flow = deepest_flow = 0
    for bracket in _BRACKET.findall(text):
        flow = flow + 1 if bracket in "[{" else flow - 1
        deepest_flow = max(deepest_flow, flow)
    return max(map(len, _LINE_PREFIX.findall(text)), default=0) + 1 + deepest_flow


def _text(text: str) -> str:
    """NFC ``text``, a string value; NotFast if PyYAML might read it as something else.

    rapidyaml writes a plain scalar that is a JSON number, true, false or null bare
    and quotes every other string, so a string of that shape was quoted in the file.
    """
    if text and text[0] in _YAML11_FIRST and _YAML11.match(text) and not _JSON_LITERAL.fullmatch(text):
        raise NotFast
    return nfc(text)


def _key(text: str) -> str:
    """A key is always quoted in rapidyaml's JSON: check it as if it were plain."""
    if text and text[0] in _YAML11_FIRST and _YAML11.match(text):
        raise NotFast
    return nfc(text)


def _float(token: str) -> float:
    if not _YAML11_FLOAT.match(token):  # 1e3 is text to YAML 1.1; rapidyaml may write .5 as 0.5
        raise NotFast
    return float(token)


def _refuse(token: str) -> Any:
    raise NotFast


def _reader() -> json.JSONDecoder:
    """A JSON decoder building LineDict/LineList (every line 0) and measuring nesting.

    ``heights`` maps a container's id to its levels (itself and below, a scalar being
    one), as :func:`graph.yamlio._check_shape` counts them; one decoder per file.
    """
    heights: dict[int, int] = {}

    def value(item: Any) -> tuple[Any, int]:
        kind = type(item)
        if kind is str:
            return _text(item), 1
        if kind is list:
            items = LineList()
            height = 1
            for sub in item:
                sub, h = value(sub)
                items.append(sub)
                height = max(height, h + 1)
            items.line = 0
            items.lines = []
            heights[id(items)] = height
            return items, height
        if kind is LineDict:
            return item, heights[id(item)]
        return item, 1  # a number, a bool or None

    def mapping(pairs: list[tuple[str, Any]]) -> LineDict:
        result = LineDict()
        height = 1
        for key, item in pairs:
            key = _key(key)
            if key in result:
                raise NotFast  # the line-aware loader names the line of the duplicate
            if type(item) is str:  # most values: no height to look up
                result[key] = _text(item)
                if height < 2:
                    height = 2
                continue
            result[key], h = value(item)
            if h >= height:
                height = h + 1
        if height > MAX_DEPTH:
            raise NotFast
        result.line = 0
        result.lines = {}
        heights[id(result)] = height
        return result

    return json.JSONDecoder(object_pairs_hook=mapping, parse_float=_float, parse_constant=_refuse)


_FD_LOCK = threading.Lock()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence rapidyaml's error report: its C++ handler writes to file descriptor 2 (not
    ``sys.stderr``) before it raises, which would put two raw lines before casegraph's
    one-line message. Descriptor 2 points at /dev/null meanwhile (a parse is short; the
    lock keeps threads from restoring each other's descriptor)."""
    with _FD_LOCK, contextlib.redirect_stderr(io.StringIO()):
        try:
            saved = os.dup(2)
        except OSError:  # no descriptor 2 at all: nothing to silence
            yield
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(devnull)


def load_yaml_fast(path: Path) -> LineDict:
    """Read a YAML fact file as :func:`~graph.yamlio.load_with_lines` would, but every line 0.

    Raises :class:`NotFast` when that cannot be promised or the file is not a
    single mapping (see the module's notes), OSError/UnicodeError when the file is
    unreadable.
    """
    text = path.read_text(encoding="utf-8-sig")
    if (ryml is None or RAW_CONTROL.search(text) or _NOT_FAST_TEXT.search(text) or _depth_bound(text) > MAX_DEPTH
            or ESCAPED_NOT_CHARACTER.search(text)):  # rapidyaml writes an escaped surrogate as bytes no UTF-8 has
        raise NotFast
    try:
        with _quiet():  # rapidyaml prints parse errors on the process's stderr
            out = ryml.emit_json(ryml.parse_in_arena(text.encode("utf-8")))
    except Exception:  # noqa: BLE001 - any rapidyaml error: PyYAML words it
        raise NotFast from None
    if out is None:
        raise NotFast  # empty: the line-aware loader says so
    if NOT_CHARACTER.search(out):  # anything rapidyaml made that is no character: PyYAML reads and refuses it
        raise NotFast
    try:
        doc = _reader().decode(out)
    except (ValueError, RecursionError):
        raise NotFast from None
    if type(doc) is not LineDict:
        raise NotFast  # a list, a scalar, several documents: the checker wants a line
    return doc
