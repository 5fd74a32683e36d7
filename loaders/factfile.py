"""The one fact-file writer (YAML and JSON).

Everything that writes fact files goes through here: synth, the tests' fixtures,
extraction's drafts and ``import-ftm``. A fact document is a plain mapping with the
three parts of the format (``source``, ``entities``, ``claims``) and optional
top-level fields the format declares; :func:`fact_document` builds one from model
objects, :func:`dump_fact_document` renders it, and :func:`write_fact_file` writes it
atomically (a temporary file renamed into place), so a failed write leaves nothing
half-written.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from graph.errors import FactFileError
from graph.model import Claim, Entity, Evidence, Source

__all__ = [
    "FORMATS",
    "fact_document",
    "entity_entry",
    "claim_entry",
    "source_entry",
    "dump_fact_document",
    "write_fact_file",
    "format_of",
]

FORMATS = ("yaml", "json")
_SOURCE_ORDER = ("key", "title", "publisher", "url", "published", "language")
_ENTITY_ORDER = ("key", "label", "name", "aliases", "sensitive", "generic", "attributes")
_CLAIM_HEAD = ("subject", "predicate", "object")
_CLAIM_TAIL = ("asserted_by", "confidence", "quote")
_TOP_ORDER = ("source", "entities", "claims")


def source_entry(source: Source) -> dict[str, Any]:
    """The ``source`` block of a fact file."""
    return {"key": source.key, "title": source.title, **source.properties()}


def entity_entry(entity: Entity) -> dict[str, Any]:
    """One ``entities`` item; false flags and empty lists are left out."""
    out: dict[str, Any] = {"key": entity.key, "label": entity.label, "name": entity.name}
    if entity.aliases:
        out["aliases"] = list(entity.aliases)
    if entity.sensitive:
        out["sensitive"] = True
    if entity.generic:
        out["generic"] = True
    if entity.attributes:
        out["attributes"] = dict(entity.attributes)
    return out


def claim_entry(claim: Claim, evidence: Evidence) -> dict[str, Any]:
    """One ``claims`` item: a claim as one source states it (its piece of evidence)."""
    out: dict[str, Any] = {"subject": claim.subject, "predicate": claim.predicate, "object": claim.object}
    out.update(claim.key_qualifiers)
    out.update(evidence.qualifiers)
    if evidence.asserted_by is not None:
        out["asserted_by"] = evidence.asserted_by
    if evidence.confidence is not None:
        out["confidence"] = evidence.confidence
    out["quote"] = evidence.quote
    return out


def fact_document(source: Source, entities: Iterable[Entity], claims: Iterable[tuple[Claim, Evidence]],
                  **extra: Any) -> dict[str, Any]:
    """A fact document for one source from model objects (``extra``: declared top-level fields)."""
    doc: dict[str, Any] = {
        "source": source_entry(source),
        "entities": [entity_entry(e) for e in entities],
        "claims": [claim_entry(c, ev) for c, ev in claims],
    }
    doc.update(extra)
    return doc


def _ordered(mapping: Mapping[str, Any], head: tuple[str, ...], tail: tuple[str, ...] = ()) -> dict[str, Any]:
    """The mapping with ``head`` keys first and ``tail`` keys last, the rest between in their order."""
    out = {k: mapping[k] for k in head if k in mapping}
    out.update({k: v for k, v in mapping.items() if k not in head and k not in tail})
    out.update({k: mapping[k] for k in tail if k in mapping})
    return out


def _canonical(doc: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(doc, Mapping) or not isinstance(doc.get("source"), Mapping):
        raise FactFileError("a fact document needs a 'source' mapping")
    out = _ordered(doc, _TOP_ORDER)
    out["source"] = _ordered(doc["source"], _SOURCE_ORDER)
    out["entities"] = [_ordered(e, _ENTITY_ORDER) for e in doc.get("entities", [])]
    out["claims"] = [_ordered(c, _CLAIM_HEAD, _CLAIM_TAIL) for c in doc.get("claims", [])]
    return out


class _Dumper(yaml.SafeDumper):
    """Block style, with short lists of short strings in flow style as people write them."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(v, (str, int, float)) and len(str(v)) < 60 for v in data) and len(data) <= 8
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)


def dump_fact_document(doc: Mapping[str, Any], fmt: str = "yaml", header: str | None = None) -> str:
    """Render a fact document as YAML (with an optional ``# header`` comment) or JSON.

    Round trip: the text parses back (with :mod:`loaders.facts`) to the same values.
    """
    canonical = _canonical(doc)
    if fmt == "json":
        return json.dumps(canonical, ensure_ascii=False, indent=2) + "\n"
    if fmt != "yaml":
        raise FactFileError(f"unknown fact file format '{fmt}' (expected {' or '.join(FORMATS)})")
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) if header else ""
    parts = []
    for key, value in canonical.items():
        parts.append(yaml.dump({key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                               default_flow_style=False, width=100))
    return comment + "\n".join(parts)


def format_of(path: Path) -> str:
    """``yaml`` or ``json`` from a file name."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json":
        return "json"
    raise FactFileError(f"{path}: a fact file ends in .yaml, .yml or .json")


def write_fact_file(path: str | Path, doc: Mapping[str, Any], fmt: str | None = None, header: str | None = None,
                    overwrite: bool = True) -> Path:
    """Write one fact document to ``path`` atomically; the format follows the extension unless given."""
    path = Path(path)
    text = dump_fact_document(doc, fmt or format_of(path), header)
    if not overwrite and path.exists():
        raise FactFileError(f"{path} exists (not overwritten)")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
