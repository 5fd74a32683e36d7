"""Driver values as plain data (for JSON) or as one short line of text (for tables and CSV)."""

from __future__ import annotations

import json
import re
from typing import Any

import neo4j

__all__ = ["plain", "compact"]


def _node_name(node: neo4j.graph.Node) -> str:
    labels = sorted(label for label in node.labels if label != "Entity")
    ident = node.get("key") or node.get("id") or node.element_id
    return f"({':'.join([''] + labels)} {ident})" if labels else f"({ident})"


_PLAIN = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A driver value as plain JSON-able data.

    Nodes become ``{"labels": [...], "properties": {...}}``, relationships
    ``{"type", "start", "end", "properties"}`` (ends by key), paths
    ``{"nodes": [...], "relationships": [...]}``; dates and times ISO strings.
    """
    if type(value) in _PLAIN:  # the common case first
        return value
    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels), "properties": {k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        ends = [(n.get("key") or n.get("id") or n.element_id) if n is not None else None
                for n in (value.start_node, value.end_node)]
        return {"type": value.type, "start": ends[0], "end": ends[1],
                "properties": {k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    iso = getattr(value, "iso_format", None)
    if callable(iso):  # dates, times, durations (a Duration is also a tuple)
        return iso()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _text(s: str) -> str:
    """Data shown on a terminal: control characters (escape sequences) made visible."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", s)


def compact(value: Any) -> str:
    """A driver value as one short line of text, for tables and CSV.

    Nodes read ``(:Person person:nariman-dzhelyal)``, relationships
    ``(a)-[:LEADS]->(b)``, lists ``a; b``; nothing is cut.

    >>> compact(["a", 1, None, True])
    'a; 1; ; true'
    """
    kind = type(value)  # the common cases first: a list of a million numbers is joined in a second
    if kind is str:
        return _text(value)
    if kind is int or kind is float:
        return str(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, neo4j.graph.Node):
        return _text(_node_name(value))
    if isinstance(value, neo4j.graph.Relationship):
        start = _node_name(value.start_node) if value.start_node is not None else "()"
        end = _node_name(value.end_node) if value.end_node is not None else "()"
        return _text(f"{start}-[:{value.type}]->{end}")
    if isinstance(value, neo4j.graph.Path):
        parts = [_node_name(value.start_node)]
        for rel in value.relationships:
            forward = rel.start_node is not None and rel.start_node.element_id == _last_id(parts, value, rel)
            parts.append(f"-[:{rel.type}]->" if forward else f"<-[:{rel.type}]-")
            other = rel.end_node if forward else rel.start_node
            parts.append(_node_name(other) if other is not None else "()")
        return _text("".join(parts))
    if callable(getattr(value, "iso_format", None)):
        return str(plain(value))
    if isinstance(value, list | tuple):
        return "; ".join(compact(v) for v in value)
    if isinstance(value, dict):
        return _text(json.dumps(plain(value), ensure_ascii=False, sort_keys=True))
    if isinstance(value, str):
        return _text(value)
    return _text(str(plain(value)))


def _last_id(parts: list[str], path: neo4j.graph.Path, rel: neo4j.graph.Relationship) -> str:
    """The element id of the node a path has reached before ``rel``."""
    index = list(path.relationships).index(rel)
    return list(path.nodes)[index].element_id
