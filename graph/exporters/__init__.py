"""Exports: one small module per format, one registry, one write path.

Every exporter module has the same small shape:

* ``NAME`` (the ``--to`` value), ``EXTENSIONS`` (file endings that select it),
  ``FILES`` (the file names it writes into a directory; one name = one stream),
* ``write(g, streams, ontology) -> list[str]``: write graph ``g`` to the text
  ``streams`` (one per name in ``FILES``) and return notes for the user;
* or, for a format whose files depend on the graph (``FOLDER = True``, the import-tool
  CSV), ``write_folder(g, folder, ontology) -> list[str]`` into a new folder.

:func:`export` is the one way out: it checks that the graph passed the exit filter
(:func:`graph.redact.require_exit_graph`), cuts it with the shared filters
(:func:`graph.subgraph.select`), writes every file to a temporary file beside its
target and renames them into place only when all of them are complete, so a failed
export leaves nothing half-written. An existing file is replaced only with ``force``.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import IO

import networkx as nx

from graph.errors import CasegraphError, writing
from graph.exporters import csv as csv
from graph.exporters import cypher as cypher
from graph.exporters import ftm as ftm
from graph.exporters import gexf as gexf
from graph.exporters import graphml as graphml
from graph.exporters import nodelink as nodelink
from graph.ontology import Ontology, default_ontology
from graph.redact import exit_graph, require_exit_graph
from graph.subgraph import select

__all__ = ["EXPORTERS", "ExportResult", "export", "export_graph", "exporter", "format_for_path", "write_export"]

EXPORTERS: dict[str, ModuleType] = {m.NAME: m for m in (graphml, gexf, nodelink, csv, cypher, ftm)}


@dataclass
class ExportResult:
    """What an export wrote: the format, the files (empty for stdout), counts and notes."""

    format: str
    files: list[str] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0
    notes: list[str] = field(default_factory=list)


def exporter(name: str) -> ModuleType:
    """The exporter module of format ``name``."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise CasegraphError(f"unknown export format '{name}' (known: {', '.join(EXPORTERS)})") from None


def format_for_path(path: str) -> str:
    """The format a file name asks for by its ending (longest ending wins: ``.ftm.json`` before ``.json``)."""
    name = path.lower()
    endings = sorted(((ext, fmt) for fmt, m in EXPORTERS.items() for ext in m.EXTENSIONS), key=lambda e: -len(e[0]))
    for ext, fmt in endings:
        if name.endswith(ext):
            return fmt
    known = ", ".join(ext for ext, _ in sorted(endings))
    raise CasegraphError(f"cannot tell the export format from '{path}' (known endings: {known}); give --to")


def _targets(module: ModuleType, out: str) -> list[Path] | None:
    """The files to write for ``out`` (None: standard output)."""
    files: tuple[str, ...] = module.FILES
    if getattr(module, "FOLDER", False):
        if out == "-":
            raise CasegraphError(f"{module.NAME} writes a folder of files; -o - needs a one-stream format: "
                                 "give a directory")
        return [Path(out)]
    if out == "-":
        if len(files) != 1:
            raise CasegraphError(f"{module.NAME} writes {len(files)} files ({', '.join(files)}); "
                                 "-o - needs a one-stream format: give a directory")
        return None
    path = Path(out)
    if path.is_dir() or out.endswith(os.sep) or len(files) > 1:
        if path.exists() and not path.is_dir():
            raise CasegraphError(f"{module.NAME} writes {len(files)} files ({', '.join(files)}): "
                                 f"-o must be a directory, and {out} is a file")
        return [path / name for name in files]
    return [path]


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its parents that do not exist yet (what an export would make), outermost first."""
    return [p for p in [*reversed(folder.parents), folder] if not p.exists()]


def _remove_folders(made: list[Path]) -> None:
    """Take back the (empty) folders a failed export made, innermost first."""
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _write_folder(module: ModuleType, g: nx.MultiDiGraph, target: Path, force: bool, ontology: Ontology,
                  result: ExportResult) -> list[str]:
    """A folder format: written into a new folder beside ``target``, then renamed into place.

    An existing ``target`` is replaced only with ``force``, and only if it is empty or holds
    an earlier export of the format (its ``import.json``): never a folder of other files.
    """
    if target.exists():
        if not target.is_dir():
            raise CasegraphError(f"{module.NAME} writes a folder of files: -o must be a directory, "
                                 f"and {target} is a file")
        if any(target.iterdir()):
            if not (target / "import.json").is_file():
                raise CasegraphError(f"{target} holds other files; {module.NAME} writes into an empty folder "
                                     "or replaces an earlier export (give a new folder)")
            if not force:
                raise CasegraphError(f"{target} exists; not overwritten (use --force)")
    made = _missing_folders(target.parent)
    try:
        with writing(target):
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except BaseException:
        _remove_folders(made)
        raise
    old: Path | None = None
    try:
        with writing(target):
            result.notes = module.write_folder(g, tmp, ontology)
            for path in tmp.iterdir():  # like every export: for the user alone
                os.chmod(path, 0o600)
            if target.exists():
                old = target.with_name(f".{target.name}.old-{os.getpid()}")
                os.replace(target, old)
            os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not target.exists():
            os.replace(old, target)
        _remove_folders(made)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return [str(target)]


def write_export(g: nx.MultiDiGraph, fmt: str, out: str, force: bool = False, ontology: Ontology | None = None,
                 stdout: IO[str] | None = None) -> ExportResult:
    """Write an exit-filtered graph in format ``fmt`` to ``out`` (a file, a directory, or ``-``).

    All files are written to temporary files first and renamed into place at the end.
    """
    mark = require_exit_graph(g, f"the {fmt} exporter")
    module = exporter(fmt)
    ontology = ontology or default_ontology()
    result = ExportResult(format=fmt, nodes=g.number_of_nodes(), relationships=g.number_of_edges())
    targets = _targets(module, out)
    if targets is None:
        buffer = io.StringIO()
        result.notes = module.write(g, {module.FILES[0]: buffer}, ontology)
        stream = stdout or sys.stdout
        with writing("standard output"):
            stream.write(buffer.getvalue())
            stream.flush()
        return result
    if getattr(module, "FOLDER", False):
        result.files = _write_folder(module, g, Path(out), force, ontology, result)
        return result
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise CasegraphError(f"{', '.join(existing)} exist{'s' if len(existing) == 1 else ''}; "
                             "not overwritten (use --force)")
    for t in targets:
        if t.is_dir():
            raise CasegraphError(f"{t} is a directory")
    temps: dict[str, tuple[str, IO[str]]] = {}
    where = targets[0] if len(targets) == 1 else targets[0].parent  # named in a disk-full message
    made = _missing_folders(targets[0].parent)
    try:
        with writing(where):
            for name, target in zip(module.FILES, targets, strict=True):
                target.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
                temps[name] = (tmp, os.fdopen(fd, "w", encoding="utf-8", newline=""))
            result.notes = module.write(g, {name: fh for name, (_, fh) in temps.items()}, ontology)
            for _, fh in temps.values():
                fh.close()
            for (tmp, _), target in zip(temps.values(), targets, strict=True):
                os.replace(tmp, target)
    except BaseException:
        for tmp, fh in temps.values():
            with contextlib.suppress(OSError):  # closing flushes, and the disk may be full
                fh.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _remove_folders(made)
        raise
    result.files = [str(t) for t in targets]
    if mark.get("redacted"):
        result.notes.append(f"redacted: {mark.get('pseudonyms', 0)} sensitive entities pseudonymised")
    return result


def export_graph(g: nx.MultiDiGraph, fmt: str, out: str, *, redact: bool = False, labels: Iterable[str] = (),
                 types: Iterable[str] = (), day: str | None = None, force: bool = False,
                 ontology: Ontology | None = None, stdout: IO[str] | None = None) -> ExportResult:
    """Filter, cut and write ``g``: the whole ``casegraph export`` in one call.

    The exit filter runs on the whole graph before the cut, so a sensitive person left
    out of the cut is still pseudonymised where a kept quote names them; the same
    pseudonyms then appear in every file of the export.
    """
    ontology = ontology or default_ontology()
    exporter(fmt)
    labels, types = list(labels), list(types)
    known_labels = {*ontology.labels, "Source"}
    for label in labels:
        if label not in known_labels:
            raise CasegraphError(f"--label: unknown label '{label}' (known: {', '.join(sorted(known_labels))})")
    for rel in types:
        if rel not in ontology.relationships and rel != "MENTIONS":
            raise CasegraphError(f"--type: unknown relationship type '{rel}' "
                                 f"(known: {', '.join(sorted(ontology.relationships))}, MENTIONS)")
    # An empty file would look like a successful export; say why there is nothing instead.
    if g.number_of_nodes() == 0:
        raise CasegraphError("nothing to export: the graph is empty (a --cypher or --query result holds only "
                             "the nodes, relationships and paths it returns, not names or keys in its columns)")
    cut = select(exit_graph(g, redact=redact), labels, types, day)
    if cut.number_of_nodes() == 0:
        raise CasegraphError("nothing to export: --label, --type and --as-of leave no node of the graph")
    return write_export(cut, fmt, out, force=force, ontology=ontology, stdout=stdout)


# The public entry point under its short name.
export = export_graph
