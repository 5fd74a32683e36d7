"""Import-tool CSV: the Neo4j shape (:mod:`graph.db.shape`) as files for
``neo4j-admin database import full``, for ``casegraph load --bulk`` and
``casegraph export --to csv`` alike.

One header and one body file per label set or relationship type (a further group only
when a property changes its value type), typed columns (``name:string``,
``aliases:string[]``, ``confidence:double``), strings always quoted, arrays joined by
:data:`ARRAY_DELIMITER`. The import tool cannot write an empty list (an empty array
field is no property at all), so those are kept in :attr:`ImportFiles.empty_lists` and
set after the import. :func:`write_manifest` records all of it in ``import.json``,
:func:`read_manifest` reads it back, and :func:`import_arguments` gives the import
tool's arguments.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from graph.db.shape import ID_NAMES, Node, corpus_shape
from graph.errors import CasegraphError, StoreError
from graph.memory import frozen_gc
from graph.model import Corpus

__all__ = ["ARRAY_DELIMITER", "DATABASE", "MANIFEST", "ImportFiles", "write_import_files", "write_manifest",
           "read_manifest", "import_arguments"]

# Array elements are separated by a control character: fact files refuse raw control
# characters, so no value can contain it.
ARRAY_DELIMITER = "\x1f"


def _quoted(text: str) -> str:
    return '"' + (text.replace('"', '""') if '"' in text else text) + '"'


def _cell(value: Any) -> str:
    """One CSV field as the import tool reads it: strings always quoted (an unquoted empty
    field is a missing property), quotes doubled, arrays joined by :data:`ARRAY_DELIMITER`."""
    kind = type(value)
    if kind is str:
        return _quoted(value)
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is int or kind is float:
        return repr(value)
    if kind is list or kind is tuple:
        if not all(type(v) is str for v in value):
            raise StoreError(f"cannot bulk-load a list property that is not all strings: {list(value)[:3]!r}")
        return _quoted(ARRAY_DELIMITER.join(value))
    return _quoted(str(value))


_KINDS = {str: "string", bool: "boolean", int: "long", float: "double"}  # column types by value type


@dataclass
class ImportFiles:
    """The CSV files of one import: ``(labels or type, [header, body])`` pairs, and what they hold."""

    folder: Path
    nodes: list[tuple[str, list[Path]]] = field(default_factory=list)
    relationships: list[tuple[str, list[Path]]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    # Empty list properties, which the import tool cannot write (an empty array field is
    # no property at all): {id space or "rel:<TYPE>": [{"id": ..., "props": {name: []}}]}.
    empty_lists: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class _Group:
    """One import group: a header file and a body file for one label set or type.

    Its property columns grow as rows bring new ones (they are appended, so earlier,
    shorter rows simply lack them: the import tool reads a missing field as no
    property), and the header is written last. A property seen with another value
    type than its column's goes to another group.
    """

    __slots__ = ("head", "index", "types", "fh", "header", "body")

    def __init__(self, head: list[str], header: Path, body: Path) -> None:
        self.head = head
        self.index: dict[str, int] = {}  # property -> column, in order of first appearance
        self.types: dict[str, type] = {}  # property -> the Python type of its values
        self.header, self.body = header, body
        self.fh: IO[str] = body.open("w", encoding="utf-8", newline="")

    def add(self, lead: str, props: dict[str, Any], skip: str | None) -> list[str] | None:
        """Write a row (``lead`` then the properties but ``skip``): the names of its empty
        list properties, which the import tool cannot write, or None, with nothing
        written, if a property has another type than its column."""
        index, types = self.index, self.types
        cells = [""] * len(index)
        empty: list[str] = []
        for k, v in props.items():
            if k == skip:
                continue
            t = type(v)
            have = types.get(k)
            if have is not t:
                if (t is list or t is tuple) and not v:
                    empty.append(k)
                    continue
                if have is not None:
                    return None
                index[k] = len(cells)
                types[k] = t
                cells.append("")
            cells[index[k]] = _cell(v)
        # No trailing missing fields: the import tool misreads a short row that ends in one.
        while cells and not cells[-1]:
            cells.pop()
        self.fh.write(lead + "," + ",".join(cells) + "\n" if cells else lead + "\n")
        return empty

    def close(self) -> None:
        self.fh.close()
        names = sorted(self.index, key=self.index.__getitem__)
        columns = [f"{k}:{_KINDS.get(self.types[k], 'string[]' if self.types[k] in (list, tuple) else 'string')}"
                   for k in names]
        self.header.write_text(",".join(self.head + columns) + "\n", encoding="utf-8")


class _Writer:
    """CSV files, one group (header and body) per label set or relationship type, and a
    further group only when a property changes its value type."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.groups: dict[tuple[str, str], list[_Group]] = {}
        self.count = 0
        self.fixups: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)

    def _new_group(self, what: str, name: str, head: list[str]) -> _Group:
        stem = f"{what}-{self.count:04d}"
        self.count += 1
        group = _Group(head, self.folder / f"{stem}-header.csv", self.folder / f"{stem}.csv")
        self.groups.setdefault((what, name), []).append(group)
        return group

    def _add(self, what: str, name: str, head: list[str], lead: str, props: dict[str, Any], skip: str | None,
             fixup: str, row_id: str) -> None:
        groups = self.groups.get((what, name)) or [self._new_group(what, name, head)]
        for group in groups:
            empty = group.add(lead, props, skip)
            if empty is not None:
                break
        else:
            empty = self._new_group(what, name, head).add(lead, props, skip)
        if empty:
            self.fixups[fixup].append({"id": row_id, "props": {k: [] for k in empty}})

    def node(self, labels: str, space: str, id_name: str, props: dict[str, Any]) -> None:
        row_id = props[id_name]
        self._add("nodes", labels, [f"{id_name}:ID({space})"], _quoted(row_id), props, id_name, space, row_id)

    def rel(self, rel_type: str, start: tuple[str, str], end: tuple[str, str], props: dict[str, Any] | None = None
            ) -> None:
        lead = _quoted(start[1]) + "," + _quoted(end[1])
        head = [f":START_ID({start[0]})", f":END_ID({end[0]})"]
        if not props:  # most relationships: no properties, one group per type
            groups = self.groups.get(("rels", rel_type)) or [self._new_group("rels", rel_type, head)]
            groups[0].fh.write(lead + "\n")
            return
        self._add("rels", rel_type, head, lead, props, None, f"rel:{rel_type}", props["claim_id"])

    def close(self, files: ImportFiles) -> None:
        files.empty_lists = dict(self.fixups)
        for (what, name), groups in self.groups.items():
            for group in groups:
                group.close()
                (files.nodes if what == "nodes" else files.relationships).append((name, [group.header, group.body]))




@frozen_gc()  # the corpus out of the collector's sight (graph.memory)
def write_import_files(corpus: Corpus, folder: Path) -> ImportFiles:
    """Write ``corpus`` as import-tool CSV files into ``folder``: exactly the nodes,
    relationships and properties a first :meth:`Store.load` of it writes (the one
    producer, :func:`graph.db.shape.corpus_shape`)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = ImportFiles(folder)
    writer = _Writer(folder)
    try:
        for item in corpus_shape(corpus, out.counts):
            if isinstance(item, Node):
                writer.node(item.name, item.space, ID_NAMES[item.space], item.props)
            else:
                writer.rel(item.name, item.start, item.end, item.props)
    finally:
        writer.close(out)
    return out


DATABASE = "neo4j"
MANIFEST = "import.json"


def import_arguments(files: ImportFiles, relative: bool = False) -> list[str]:
    """The import tool's arguments for these files, after ``database import full DB``
    (file names relative to the folder with ``relative``)."""
    def names(paths: list[Path]) -> str:
        return ",".join(p.name if relative else str(p) for p in paths)
    args = [f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--multiline-fields=true", "--strict=true"]
    args += [f"--nodes={labels}={names(paths)}" for labels, paths in files.nodes]
    args += [f"--relationships={rel_type}={names(paths)}" for rel_type, paths in files.relationships]
    return args


def write_manifest(files: ImportFiles) -> Path:
    """``import.json`` beside the files: the groups, the counts and the empty lists to set
    after the import, so that the folder can be imported later (:func:`read_manifest`)."""
    doc = {
        "format": "casegraph import-tool csv",
        "version": 1,
        "array_delimiter": f"U+{ord(ARRAY_DELIMITER):04X}",
        "nodes": [[labels, [p.name for p in paths]] for labels, paths in files.nodes],
        "relationships": [[rel_type, [p.name for p in paths]] for rel_type, paths in files.relationships],
        "counts": files.counts,
        "empty_lists": files.empty_lists,
        "arguments": import_arguments(files, relative=True),
    }
    path = files.folder / MANIFEST
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def read_manifest(folder: Path) -> ImportFiles:
    """The import files described by ``folder/import.json`` (written by an export or a bulk load)."""
    path = folder / MANIFEST
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        files = ImportFiles(folder)
        for labels, names in doc["nodes"]:
            files.nodes.append((str(labels), [folder / Path(str(n)).name for n in names]))
        for rel_type, names in doc["relationships"]:
            files.relationships.append((str(rel_type), [folder / Path(str(n)).name for n in names]))
        files.counts = {str(k): int(v) for k, v in doc["counts"].items()}
        files.empty_lists = {str(k): list(v) for k, v in doc["empty_lists"].items()}
    except OSError as e:
        raise CasegraphError(f"{path}: cannot read: {e.strerror}") from None
    except (ValueError, KeyError, TypeError) as e:
        raise CasegraphError(f"{path}: not a casegraph import manifest ({type(e).__name__}: {e})") from None
    for _, paths in files.nodes + files.relationships:
        for p in paths:
            if not p.is_file():
                raise CasegraphError(f"{path}: lists {p.name}, which is not in {folder}")
    return files
