"""CSV for ``neo4j-admin database import full``: the graph in exactly the shape
``casegraph load`` writes, as ``casegraph load --bulk`` writes it.

The files come from the one producer of the Neo4j shape
(:func:`graph.db.shape.corpus_shape`) through the import-tool writer of the bulk load
(:mod:`graph.db.importcsv`): ``Source``, ``Entity:<Label>``, ``Claim`` and ``Evidence``
nodes, ``MENTIONS``, the claim relationships, ``SUPPORTS``, ``CITES`` and
``ASSERTED_BY``, one header and one body file per label set or type, typed columns,
arrays joined by U+001F. Beside them:

* ``import.json``: the groups, the counts, the import tool's arguments;
* ``after-import.cypher``: the constraints and indexes, and the empty lists the import
  tool cannot write (run it with ``cypher-shell -f`` once the server is up).

So a database imported from an export answers every saved query as one loaded with
``casegraph load`` does. The output is a folder (``-o DIR``); an existing folder is
replaced only with ``--force`` and only if it holds an earlier export (its
``import.json``), never a folder of other files.

The cells are input for the import tool, which takes every cell literally, so values are
written exactly as they are: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return is NOT neutralised for spreadsheets (a leading ``'`` would be imported
into the database). When there are such cells the notes warn not to open the files in a
spreadsheet as they are; ``casegraph query --format csv`` is the CSV meant for
spreadsheets, and it neutralises them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from graph.build import corpus_from_graph
from graph.db import statements as S
from graph.db.importcsv import import_arguments, write_import_files, write_manifest
from graph.db.shape import corpus_shape
from graph.exporters.cypher import literal
from graph.model import Corpus
from graph.ontology import Ontology
from graph.schema import schema_statements
from graph.text import spreadsheet_cell

__all__ = ["NAME", "EXTENSIONS", "FILES", "FOLDER", "AFTER_IMPORT", "write_folder"]

NAME = "csv"
EXTENSIONS = (".csv",)
FILES: tuple[str, ...] = ()  # a folder of files whose names depend on the graph (FOLDER)
FOLDER = True
AFTER_IMPORT = "after-import.cypher"
_BATCH = 500


def _after_import(ontology: Ontology, empty_lists: dict[str, list[dict[str, object]]]) -> Iterator[str]:
    yield ("// casegraph export: run once after `neo4j-admin database import full` of this folder\n"
           "// (cypher-shell -f after-import.cypher): constraints and indexes, then the empty\n"
           "// lists the import tool cannot write.\n")
    for stmt in schema_statements(ontology):
        yield stmt + ";\n"
    for what, rows in sorted(empty_lists.items()):
        body = S.bulk_set_empty_lists(ontology, what).removeprefix("UNWIND $rows AS row ")
        for i in range(0, len(rows), _BATCH):
            lines = ",\n".join("  " + literal(r) for r in rows[i:i + _BATCH])
            yield f"UNWIND [\n{lines}\n] AS row\n{body};\n"


def write_folder(g: nx.MultiDiGraph, folder: Path, ontology: Ontology) -> list[str]:
    """Write the import files of ``g`` into the (new, empty) ``folder``; notes for the user."""
    corpus = corpus_from_graph(g, ontology)
    files = write_import_files(corpus, folder)
    write_manifest(files)
    with (folder / AFTER_IMPORT).open("w", encoding="utf-8", newline="") as fh:
        for chunk in _after_import(ontology, files.empty_lists):
            fh.write(chunk)
    args = " ".join(import_arguments(files, relative=True))
    notes = [f"load with (in this folder): neo4j-admin database import full {args} DATABASE, "
             f"then cypher-shell -f {AFTER_IMPORT}"]
    formulas = _formula_cells(corpus)
    if formulas:
        notes.append(f"warning: {formulas} cell{'s' if formulas != 1 else ''} start{'s' if formulas == 1 else ''} "
                     "with =, +, -, @, a tab or CR, kept as they are for neo4j-admin: do not open these files in a "
                     "spreadsheet as they are (it could run them as formulas); use casegraph query --format csv")
    return notes


def _formula_cells(corpus: Corpus) -> int:
    """How many cells of the files a spreadsheet would run as formulas (a list is one cell)."""
    n = 0
    for item in corpus_shape(corpus):
        for value in (item.props or {}).values():
            texts = value if isinstance(value, list) else [value]
            n += any(isinstance(t, str) and spreadsheet_cell(t) != t for t in texts)
    return n

