"""A Cypher script that recreates the graph in Neo4j as ``casegraph load`` shapes it.

Run it with ``cypher-shell -f graph.cypher`` (or any driver, one statement at a time)
against an empty database, or one casegraph already uses: every write is a MERGE on
a key backed by a uniqueness constraint, so running it twice changes nothing. It
makes the constraints and indexes (:func:`graph.schema.schema_statements`), then

* ``(:Source {key, title, ...})`` and ``(:Entity:<Label> {key, name, aliases, ...})``,
* ``(:Source)-[:MENTIONS]->(:Entity)``,
* ``(:Claim {id, predicate, subject, object, <key qualifiers>, sources})`` and the
  direct relationship ``(subject)-[:<TYPE> {claim_id, ...}]->(object)``,
* ``(:Evidence {id, claim_id, source, quote, asserted_by, date, ...})`` with
  ``-[:SUPPORTS]->(:Claim)``, ``-[:CITES]->(:Source)`` and ``-[:ASSERTED_BY]->(:Entity)``,

the shape documented in :mod:`graph.db.store`, produced by :func:`graph.db.shape.corpus_shape`
(the same nodes, relationships and properties as ``casegraph load`` and ``load --bulk``,
source and claim digests included). Values are Cypher literals escaped by
:func:`literal` (quotes, backslashes and control characters escaped; nothing else is
changed); labels and relationship types come only from the ontology, and an
unknown one is refused. Each statement ends with ``;`` at the end of a line, and no
literal spans lines (:func:`statements` splits a script).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import IO, Any

import networkx as nx

from graph.build import corpus_from_graph
from graph.db import statements as S
from graph.db.shape import ENTITY, Node, corpus_shape
from graph.errors import CasegraphError
from graph.ontology import Ontology
from graph.schema import schema_statements

__all__ = ["NAME", "EXTENSIONS", "FILES", "write", "literal", "statements", "BATCH"]

NAME = "cypher"
EXTENSIONS = (".cypher", ".cql")
FILES = ("graph.cypher",)
BATCH = 500  # rows per UNWIND statement
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NODE_ORDER = {"Source": 0, "Claim": 2, "Evidence": 3}  # entities (1) between sources and claims
_REL_ORDER = {"MENTIONS": 0, "SUPPORTS": 2, "CITES": 3, "ASSERTED_BY": 4}  # claim relationships (1) after MENTIONS
_SPECIAL = re.compile(r"[\\'\x00-\x1f\x7f-\x9f\u2028\u2029]")  # all that could break a line


def _escape_char(m: re.Match[str]) -> str:
    c = m.group(0)
    return _ESCAPES.get(c) or f"\\u{ord(c):04x}"


def identifier(name: str) -> str:
    """A map key or property name: plain, or in backticks (doubled inside)."""
    return name if _IDENT.match(name) else "`" + name.replace("`", "``") + "`"


def literal(value: Any) -> str:
    """A Cypher literal for a string, number, boolean, None, list or dict.

    >>> literal("O'Brien \\\\ `x`\\nЖ")
    "'O\\\\'Brien \\\\\\\\ `x`\\\\nЖ'"
    >>> literal({"a b": [1, 2.5, True, None]})
    '{`a b`: [1, 2.5, true, null]}'
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CasegraphError(f"cannot write the number {value} in Cypher")
        return repr(value)
    if isinstance(value, str):
        return "'" + _SPECIAL.sub(_escape_char, value) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{identifier(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    raise CasegraphError(f"cannot write a {type(value).__name__} value in Cypher")


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    # Keys in a fixed order (the id first), so one graph gives one script, whether it was
    # built from fact files or read back from Neo4j (whose property order differs).
    order = sorted(props, key=lambda k: (k not in ("key", "id"), k))
    return {k: props[k] for k in order if props[k] is not None}


def _unwind(rows: list[dict[str, Any]], body: str) -> Iterator[str]:
    for i in range(0, len(rows), BATCH):
        chunk = rows[i:i + BATCH]
        lines = ",\n".join("  " + literal(r) for r in chunk)
        yield f"UNWIND [\n{lines}\n] AS row\n{body};\n"


def _script(g: nx.MultiDiGraph, ontology: Ontology) -> Iterator[str]:
    yield ("// casegraph export: recreates this graph in Neo4j (cypher-shell -f FILE).\n"
           "// Safe to run twice: every write MERGEs on a constrained key.\n")
    for stmt in schema_statements(ontology):
        yield stmt + ";\n"
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rels: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in corpus_shape(corpus_from_graph(g, ontology)):  # the one producer of the Neo4j shape
        if isinstance(item, Node):
            if item.space == ENTITY and item.labels[0] not in ontology.labels:
                raise CasegraphError(f"{item.id}: label '{item.labels[0]}' is not in the ontology; "
                                     "not written to Cypher")
            nodes[item.name].append(_clean(item.props))
        else:
            if item.props is not None and item.name not in ontology.relationships:
                raise CasegraphError(f"{item.start[1]} -> {item.end[1]}: relationship type '{item.name}' is not in "
                                     "the ontology; not written to Cypher")
            row: dict[str, Any] = {"s": item.start[1], "o": item.end[1]}
            if item.props is not None:
                row["props"] = _clean(item.props)
            rels[(item.name, item.start[0], item.end[0])].append(row)
    for name in sorted(nodes, key=lambda n: (_NODE_ORDER.get(n, 1), n)):
        rows = sorted(nodes[name], key=lambda r: str(r.get("key", r.get("id"))))
        yield from _unwind(rows, S.script_merge_nodes(ontology, name.split(":")))
    for (rel_type, start, end) in sorted(rels, key=lambda r: (_REL_ORDER.get(r[0], 1), r)):
        rows = sorted(rels[(rel_type, start, end)], key=lambda r: (r["s"], r["o"], str(r.get("props"))))
        yield from _unwind(rows, S.script_merge_relationships(ontology, rel_type, start, end, "props" in rows[0]))


def write(g: nx.MultiDiGraph, streams: dict[str, IO[str]], ontology: Ontology) -> list[str]:
    out = streams[FILES[0]]
    for chunk in _script(g, ontology):
        out.write(chunk)
    return []


def statements(script: str) -> list[str]:
    """The statements of a script written by :func:`write` (comments dropped, ``;`` removed)."""
    out: list[str] = []
    current: list[str] = []
    for line in script.split("\n"):
        if not current and (not line.strip() or line.lstrip().startswith("//")):
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(current).rstrip()[:-1])
            current = []
    if current:
        raise CasegraphError("the Cypher script ends inside a statement")
    return out
