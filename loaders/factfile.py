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
from json.encoder import encode_basestring as _q  # C-accelerated JSON string quoting
from pathlib import Path
from typing import Any

import yaml

from graph.errors import FactFileError
from graph.model import Claim, Entity, Evidence, Source

__all__ = [
    "write_text_atomic",
    "FORMATS",
    "fact_document",
    "entity_entry",
    "claim_entry",
    "source_entry",
    "dump_fact_document",
    "render_item",
    "render_source",
    "assemble",
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


# libyaml's emitter when PyYAML has it (several times faster; the same text on every draft tried).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_BARE = frozenset({"label", "predicate"})  # ontology identifiers read better unquoted


def _scalar(value: Any) -> str:
    """A value as YAML flow text that is also valid JSON (double-quoted strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_q(str(k))}: {_scalar(v)}" for k, v in value.items()) + "}"
    if value is None:
        return "null"
    return _q(str(value))


def _yaml_value(name: str, value: Any) -> str:
    if name in _BARE and isinstance(value, str) and value.isidentifier():
        return value
    if name == "attributes" and isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    return _scalar(value)


def render_item(entry: Mapping[str, Any], fmt: str = "yaml") -> str:
    """One ``entities`` or ``claims`` item as it stands in a file (two-space indent).

    Fast enough for synth's million-claim corpora; the same text :func:`dump_fact_document` writes.
    """
    if fmt == "json":
        return "  " + json.dumps(dict(entry), ensure_ascii=False)
    lines = []
    for i, (name, value) in enumerate(entry.items()):
        lines.append(f"{'  - ' if i == 0 else '    '}{name}: {_yaml_value(name, value)}")
    return "\n".join(lines)


def render_source(entry: Mapping[str, Any], fmt: str = "yaml") -> str:
    if fmt == "json":
        return json.dumps(dict(entry), ensure_ascii=False)
    return "".join(f"  {k}: {_scalar(v)}\n" for k, v in entry.items())


def assemble(source: str, entities: list[str], claims: list[str], fmt: str = "yaml", header: str | None = None,
             extra: Mapping[str, Any] | None = None) -> str:
    """A whole fact file from its rendered parts (see :func:`render_source`, :func:`render_item`)."""
    if fmt == "json":
        tail = "".join(f",\n {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in (extra or {}).items())
        return ('{"source": ' + source + ',\n "entities": [\n' + ",\n".join(entities) + '\n ],\n "claims": [\n'
                + ",\n".join(claims) + "\n ]" + tail + "}\n")
    if fmt != "yaml":
        raise FactFileError(f"unknown fact file format '{fmt}' (expected {' or '.join(FORMATS)})")
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) if header else ""
    # An empty part is written as [] ("claims:" alone would read as empty, a mistake in a hand-written file).
    text = (comment + "source:\n" + source + "\nentities:" + ("\n" + "\n".join(entities) if entities else " []")
            + "\n\nclaims:" + ("\n" + "\n".join(claims) if claims else " []") + "\n")
    if extra:
        text += "\n" + yaml.dump(dict(extra), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
    return text


def dump_fact_document(doc: Mapping[str, Any], fmt: str = "yaml", header: str | None = None) -> str:
    """Render a fact document as YAML (with an optional ``# header`` comment) or JSON.

    Round trip: the text parses back (with :mod:`loaders.facts`) to the same values.
    """
    canonical = _canonical(doc)
    extra = {k: v for k, v in canonical.items() if k not in _TOP_ORDER}
    return assemble(render_source(canonical["source"], fmt), [render_item(e, fmt) for e in canonical["entities"]],
                    [render_item(c, fmt) for c in canonical["claims"]], fmt, header, extra)


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
    return write_text_atomic(path, text)


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file beside it, renamed into place when complete."""
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
