"""CSV for ``neo4j-admin database import``: ``nodes.csv`` and ``relationships.csv``.

Headers follow the import tool: ``key:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
``:TYPE``, and typed columns (``sensitive:boolean``, ``aliases:string[]``,
``confidence:double``...), typed from the ontology. Entities get the labels
``Entity;<Label>``, sources ``Source``, as ``casegraph load`` makes them. Each claim
relationship carries its provenance: ``sources:string[]`` and ``evidence``, the list
of evidence (source, quote, speaker, dates) as JSON text, since Neo4j properties
hold no maps. An empty cell is a missing property.

Arrays are split on ``;`` (the import tool's default); if any value contains ``;``
another delimiter is chosen and the notes say which ``--array-delimiter`` to pass.

The files are input for the import tool, which takes every cell literally, so values
are written exactly as they are: a cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return is NOT neutralised for spreadsheets (a leading ``'`` would
be imported into the database). When there are such cells the notes warn not to open
the files in a spreadsheet as they are; ``casegraph query --format csv`` is the CSV
meant for spreadsheets, and it neutralises them.
"""

from __future__ import annotations

import csv as _csv
from typing import IO, Any

import networkx as nx

from graph.build import MENTIONS
from graph.exporters.flat import to_json_text
from graph.ontology import Ontology
from graph.text import spreadsheet_cell

__all__ = ["NAME", "EXTENSIONS", "FILES", "write", "column_type", "ARRAY_DELIMITERS"]

NAME = "csv"
EXTENSIONS = (".csv",)
FILES = ("nodes.csv", "relationships.csv")
ARRAY_DELIMITERS = (";", "|", "\u001f")
_ONTOLOGY_TYPES = {"integer": "long", "number": "double", "boolean": "boolean", "list": "string[]"}
_NODE_HEAD = ("key", "name", "aliases", "sensitive", "generic")
_SOURCE_PROPS = ("title", "publisher", "url", "published", "language")
_SKIP_NODE = {"node_kind", "label", "sources"}
_REL_SKIP = {"type", "evidence"}


def column_type(name: str, values: list[Any], declared: dict[str, str]) -> str:
    """The import tool's type of a column: from the ontology, else from the values."""
    if name in declared:
        return _ONTOLOGY_TYPES.get(declared[name], "string")
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "double"
    if present and all(isinstance(v, (list, tuple)) for v in present):
        return "string[]"
    return "string"


def _declared(ontology: Ontology) -> tuple[dict[str, str], dict[str, str]]:
    nodes = {"aliases": "list", "sensitive": "boolean", "generic": "boolean"}
    for label in ontology.labels.values():
        nodes.update({p.name: p.type for p in label.properties.values()})
    rels = {"disputed": "list", "sources": "list", "undated": "boolean"}
    rels.update({p.name: p.type for p in ontology.claim_qualifiers.values()})
    for rel in ontology.relationships.values():
        rels.update({p.name: p.type for p in rel.properties.values()})
    return nodes, rels


def _node_props(n: str, d: dict[str, Any]) -> dict[str, Any]:
    if d.get("node_kind") == "source":
        return {"key": n, **{k: d.get(k) for k in _SOURCE_PROPS}, "title": d.get("title", d.get("name"))}
    return {"key": n, **{k: v for k, v in d.items() if k not in _SKIP_NODE}}


def _cell(value: Any, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        return delimiter.join(str(v) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return to_json_text(value)
    return str(value)


def _pick_delimiter(values: list[Any]) -> str:
    texts = [str(x) for v in values if isinstance(v, (list, tuple)) for x in v]
    for d in ARRAY_DELIMITERS:
        if not any(d in t for t in texts):
            return d
    return ARRAY_DELIMITERS[-1]


def _table(rows: list[dict[str, Any]], head: list[str], declared: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    names = [h for h in head if any(h in r for r in rows)]
    names += sorted({k for r in rows for k in r} - set(head))
    kinds = {name: column_type(name, [r.get(name) for r in rows], declared) for name in names}
    return names, kinds


def write(g: nx.MultiDiGraph, streams: dict[str, IO[str]], ontology: Ontology) -> list[str]:
    node_decl, rel_decl = _declared(ontology)
    node_rows, labels = [], []
    for n, d in g.nodes(data=True):
        node_rows.append(_node_props(n, d))
        labels.append("Source" if d.get("node_kind") == "source" else f"Entity;{d.get('label')}")
    rel_rows, rel_ends = [], []
    for u, v, _k, d in g.edges(keys=True, data=True):
        props = {k: val for k, val in d.items() if k not in _REL_SKIP}
        if d.get("type") != MENTIONS:
            props["evidence"] = to_json_text(d.get("evidence") or [])
        rel_rows.append(props)
        rel_ends.append((u, v, str(d.get("type"))))
    node_cols, node_kinds = _table(node_rows, ["key", *_NODE_HEAD[1:], *_SOURCE_PROPS], node_decl)
    rel_cols, rel_kinds = _table(rel_rows, ["claim_id"], rel_decl)
    arrays = [r.get(c) for r in node_rows for c in node_cols if node_kinds[c] == "string[]"]
    arrays += [r.get(c) for r in rel_rows for c in rel_cols if rel_kinds[c] == "string[]"]
    delimiter = _pick_delimiter(arrays)

    formulas = 0  # cells a spreadsheet would run as formulas (written as they are: see the module doc)
    out = _csv.writer(streams["nodes.csv"], lineterminator="\n")
    out.writerow([("key:ID" if c == "key" else f"{c}:{node_kinds[c]}" if node_kinds[c] != "string" else c)
                  for c in node_cols] + [":LABEL"])
    for props, label in zip(node_rows, labels, strict=True):
        cells = [_cell(props.get(c), node_kinds[c], delimiter) for c in node_cols]
        formulas += sum(1 for cell in cells if spreadsheet_cell(cell) != cell)
        out.writerow(cells + [label])
    out = _csv.writer(streams["relationships.csv"], lineterminator="\n")
    out.writerow([":START_ID", ":END_ID", ":TYPE"] +
                 [f"{c}:{rel_kinds[c]}" if rel_kinds[c] != "string" else c for c in rel_cols])
    for props, (u, v, t) in zip(rel_rows, rel_ends, strict=True):
        cells = [_cell(props.get(c), rel_kinds[c], delimiter) for c in rel_cols]
        formulas += sum(1 for cell in cells if spreadsheet_cell(cell) != cell)
        out.writerow([u, v, t] + cells)

    multiline = any("\n" in str(v) or "\r" in str(v) for r in node_rows + rel_rows for v in r.values())
    options = "".join([f" --array-delimiter={delimiter!r}" if delimiter != ";" else "",
                       " --multiline-fields=true" if multiline else ""])
    notes = [f"load with: neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv"
             f"{options} DATABASE"]
    if formulas:
        notes.append(f"warning: {formulas} cell{'s' if formulas != 1 else ''} start{'s' if formulas == 1 else ''} "
                     "with =, +, -, @, a tab or CR, kept as they are for neo4j-admin: do not open these files in a "
                     "spreadsheet as they are (it could run them as formulas); use casegraph query --format csv")
    return notes
