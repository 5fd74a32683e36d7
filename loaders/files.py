"""Finding fact files (and judgement files) under the paths a command is given, in one pass.

Kept apart from :mod:`loaders.facts` and light to import: a run that the cache answers
(:mod:`loaders.incremental`) lists the files and looks at their status, and nothing more.
Files come in the order of their path's parts (as :class:`pathlib.Path` sorts them).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from graph.errors import FactFileError
from graph.text import escape_control

__all__ = ["FACT_SUFFIXES", "JUDGEMENT_NAMES", "scan", "scan_text"]

FACT_SUFFIXES = (".yaml", ".yml", ".json")
JUDGEMENT_NAMES = ("judgements.yaml", "judgements.yml")  # loaders.judgements.JUDGEMENT_FILES (a test holds them equal)


def _walk(top: str, rel: tuple[str, ...], facts: list[tuple[tuple[str, ...], str]],
          judgements: list[str]) -> None:
    """Fact files under ``top`` (hidden parts skipped, symlinked directories not followed) as
    (parts below the walk's root, path), and judgement files in walk order (sorted)."""
    try:
        with os.scandir(top) as it:
            entries = list(it)
    except OSError as exc:
        where = escape_control(str(exc.filename or top))
        raise FactFileError(f"{where}: cannot read this directory ({exc.strerror or exc})") from None
    subdirs: list[os.DirEntry[str]] = []
    names: list[str] = []
    for entry in entries:
        name = entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            if not name.startswith("."):
                subdirs.append(entry)
            continue
        try:
            is_file = entry.is_file()
        except OSError:
            is_file = False
        if not is_file:
            continue
        if name in JUDGEMENT_NAMES:
            names.append(name)
        elif not name.startswith(".") and os.path.splitext(name)[1].lower() in FACT_SUFFIXES:
            facts.append(((*rel, name), entry.path))
    judgements.extend(os.path.join(top, n) for n in sorted(names))
    for entry in sorted(subdirs, key=lambda e: e.name):
        _walk(entry.path, (*rel, entry.name), facts, judgements)


def scan(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """The fact files and the judgement files among ``paths``.

    Fact files: files and directories (recursively) expanded into a sorted list. A path
    that does not exist raises FactFileError; a directory without fact files does too,
    since loading "nothing" is almost always a typo, and so does a sub-directory that
    cannot be read (its files would silently be left out).

    Judgement files: those inside the directories given and those beside each fact file
    given by name (as :func:`loaders.judgements.find_judgement_files` finds them).
    """
    facts, judgements = scan_text(paths)
    return list(map(Path, facts)), list(map(Path, judgements))


def scan_text(paths: Iterable[str | Path]) -> tuple[list[str], list[str]]:
    """:func:`scan`, each path as the text ``str()`` of its :class:`~pathlib.Path` gives: a run
    that the cache answers needs no ``Path`` (making 50,000 of them costs more than their ``stat``)."""
    found: list[str] = []
    inside: list[str] = []
    named: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            facts: list[tuple[tuple[str, ...], str]] = []
            judgements: list[str] = []
            _walk(str(path), (), facts, judgements)
            if not facts:
                raise FactFileError(f"{escape_control(str(path))}: no fact files (*.yaml, *.yml, *.json) in this directory")
            facts.sort(key=lambda f: f[0])
            found.extend(p for _parts, p in facts)
            inside.extend(judgements)
        elif path.is_file():
            if path.name in JUDGEMENT_NAMES:
                named.append(str(path))
            else:
                found.append(str(path))
                named.extend(str(path.parent / name) for name in JUDGEMENT_NAMES if (path.parent / name).is_file())
        else:
            raise FactFileError(f"{escape_control(str(path))}: no such file or directory")
    return list(dict.fromkeys(found)), list(dict.fromkeys([*inside, *named]))
