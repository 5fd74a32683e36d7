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

the shape documented in :mod:`graph.db.store`. Values are Cypher literals escaped by
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

from graph.build import MENTIONS
from graph.errors import CasegraphError
from graph.model import evidence_id
from graph.ontology import Ontology
from graph.schema import schema_statements

__all__ = ["NAME", "EXTENSIONS", "FILES", "write", "literal", "statements", "BATCH"]

NAME = "cypher"
EXTENSIONS = (".cypher", ".cql")
FILES = ("graph.cypher",)
BATCH = 500  # rows per UNWIND statement
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
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
    sources, entities = [], defaultdict(list)
    for n, d in sorted(g.nodes(data=True)):
        if d.get("node_kind") == "source":
            props = {"key": n, **{k: d.get(k) for k in ("publisher", "url", "published", "language")},
                     "title": d.get("title", d.get("name"))}
            sources.append({"key": n, "props": _clean(props)})
            continue
        label = d.get("label")
        if label not in ontology.labels:
            raise CasegraphError(f"{n}: label '{label}' is not in the ontology; not written to Cypher")
        props = {k: v for k, v in d.items() if k not in ("node_kind", "label", "sources")}
        entities[label].append({"key": n, "props": _clean({"key": n, **props})})
    yield from _unwind(sources, "MERGE (s:Source {key: row.key}) SET s = row.props")
    for label in sorted(entities):
        yield from _unwind(entities[label], f"MERGE (n:{label} {{key: row.key}}) SET n = row.props, n:Entity")
    mentions, claims, evidence, speakers, cites = [], [], [], [], []
    rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for u, v, _k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        rel_type = d.get("type")
        if rel_type == MENTIONS:
            mentions.append({"s": u, "e": v})
            continue
        if rel_type not in ontology.relationships:
            raise CasegraphError(f"{u} -> {v}: relationship type '{rel_type}' is not in the ontology; "
                                 "not written to Cypher")
        cid = d["claim_id"]
        key_q = {q: d[q] for q in ontology.relationships[rel_type].key if q in d}
        rel = _clean({k: val for k, val in d.items() if k not in ("type", "evidence")})
        rels[rel_type].append({"id": cid, "s": u, "o": v, "rel": rel})
        claims.append({"id": cid, "props": _clean({"id": cid, "predicate": rel_type, "subject": u, "object": v,
                                                   **key_q, "sources": d.get("sources", [])})})
        for ev in d.get("evidence") or []:
            eid = evidence_id(cid, ev["source"])
            evidence.append({"id": eid, "claim_id": cid, "props": _clean({"id": eid, "claim_id": cid, **ev})})
            cites.append({"id": eid, "source": ev["source"]})
            if ev.get("asserted_by"):
                speakers.append({"id": eid, "by": ev["asserted_by"]})
    yield from _unwind(mentions, "MATCH (s:Source {key: row.s}) MATCH (n:Entity {key: row.e}) MERGE (s)-[:MENTIONS]->(n)")
    yield from _unwind(claims, "MERGE (c:Claim {id: row.id}) SET c = row.props")
    for rel_type in sorted(rels):
        yield from _unwind(rels[rel_type], "MATCH (s:Entity {key: row.s}) MATCH (o:Entity {key: row.o}) "
                                           f"MERGE (s)-[r:{rel_type} {{claim_id: row.id}}]->(o) SET r = row.rel")
    yield from _unwind(evidence, "MATCH (c:Claim {id: row.claim_id}) MERGE (e:Evidence {id: row.id}) "
                                 "SET e = row.props MERGE (e)-[:SUPPORTS]->(c)")
    yield from _unwind(cites, "MATCH (e:Evidence {id: row.id}) MATCH (s:Source {key: row.source}) MERGE (e)-[:CITES]->(s)")
    yield from _unwind(speakers, "MATCH (e:Evidence {id: row.id}) MATCH (p:Entity {key: row.by}) "
                                 "MERGE (e)-[:ASSERTED_BY]->(p)")


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
