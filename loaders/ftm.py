"""``import-ftm``: FollowTheMoney entities (JSON lines) become casegraph fact files.

A list of judges or officials from OpenSanctions, or a file ``casegraph export --to
ftm`` wrote, becomes fact files that validate and load like any other:

* FtM ids become keys (``<prefix>:<id as a slug>``, transliterated to ASCII from any
  script; a short hash of the id is added when two ids give the same slug, or the id has
  no letter or digit; the exact key when the entity carries casegraph's own record, see
  :mod:`graph.exporters.ftm`);
* each label's FtM schemata (the ontology's ``ftm:`` blocks; shipped: Person -> Person;
  Organization, PublicBody, Company, LegalEntity -> Organisation; CourtCase -> LegalCase;
  Event -> Event; Address -> Location), with the attributes the blocks map;
* Article/Document entities become sources; otherwise each FtM dataset is a source,
  and records without datasets come from a source named after the file;
* each relationship type's FtM interval (shipped: Membership, Directorship, Employment,
  Representation, Family, CourtCaseParty by its role: defendant, counsel, judge,
  prosecutor, investigator) and casegraph's UnknownLinks become claims; their ``summary`` is the quote, or, for records that
  have none, a short description of the record itself (the record is the source).

One fact file per source is written into the output directory; a source that only
lists entities (a list of judges) is a fact file with ``claims: []``. Unknown schema, a
broken JSON line, a record that refers to an entity not in the file: refused with
the line number. The files are written to a temporary directory, validated, and
only then moved into place, so nothing is half-written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anyascii import anyascii

from graph.errors import CasegraphError, WriteError, preview
from graph.exporters.ftm import MARK
from graph.model import Claim, Entity, Evidence, Source
from graph.ontology import UNKNOWN_LINK, Ontology, default_ontology
from graph.text import escape_control
from graph.types import kind_of
from graph.yamlio import first_not_character, not_character
from loaders.factfile import fact_document, write_fact_file
from loaders.facts import KEY_RE, validate

if TYPE_CHECKING:
    from followthemoney.model import Model
    from followthemoney.proxy import EntityProxy


def _ftm() -> Model:
    """followthemoney's model, loaded on first use (loading it takes a fraction of a second
    that commands which never touch FtM should not pay)."""
    from followthemoney import model

    return model


__all__ = ["import_ftm", "ImportSummary", "entity_labels", "claim_predicates", "SOURCE_SCHEMATA"]

# FtM's document schemata: casegraph's sources (provenance, not an ontology label).
SOURCE_SCHEMATA = ("Article", "Document", "HyperText", "PlainText", "Pages", "Page")


def entity_labels(ontology: Ontology) -> dict[str, str]:
    """FtM schema -> the label its entities import as (from the labels' ``ftm:`` blocks)."""
    out: dict[str, str] = {}
    for name, label in ontology.labels.items():
        for schema in label.ftm.schemata if label.ftm else ():
            out.setdefault(schema, name)
    return out


def claim_predicates(ontology: Ontology) -> dict[str, list[str]]:
    """FtM interval schema -> the relationship types exported as it (several share CourtCaseParty;
    their ``role_words`` tell them apart). UnknownLinks are read only from casegraph's own record."""
    out: dict[str, list[str]] = defaultdict(list)
    for name, rel in ontology.relationships.items():
        if rel.ftm.schema != UNKNOWN_LINK:
            out[rel.ftm.schema].append(name)
    return dict(out)


@dataclass
class ImportSummary:
    """What ``import-ftm`` wrote."""

    files: list[str] = field(default_factory=list)
    sources: int = 0
    entities: int = 0
    claims: int = 0


@dataclass
class _Line:
    number: int
    proxy: EntityProxy
    data: dict[str, Any]


# A slug is cut to this many characters (a key may have 200): ids such as content hashes fit.
_SLUG_MAX = 100


def _slug(text: str) -> str:
    """An id or a name as a key slug, transliterated from any script; '' if nothing is left.

    >>> _slug("Q123-judge"), _slug("судья-3"), _slug("中国法官"), _slug("!!!")
    ('q123-judge', 'sudya-3', 'zhongguofaguan', '')
    """
    text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    text = re.sub(r"['’]", "", text)  # Sud'ya -> sudya, not sud-ya
    text = re.sub(r"[^a-z0-9._-]+", "-", text).strip("-._")
    return text[:_SLUG_MAX].rstrip("-._")


def _digest(text: str) -> str:
    """A short stable hash of an id, to keep two ids that slug alike apart."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


# JSON deeper than this is no FtM entity (they are three levels deep).
_MAX_DEPTH = 32


def _depth(value: Any) -> int:
    """Levels of nesting in a parsed JSON value (a scalar is one); iterative, so no stack to exhaust."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def _record(proxy: EntityProxy, prop: str) -> dict[str, Any] | None:
    """casegraph's own record in ``notes``/``description`` (written by the FtM exporter), if any."""
    if prop not in proxy.schema.properties:
        return None
    for value in proxy.get(prop):
        if value.startswith(MARK):
            try:
                found = json.loads(value[len(MARK):])
            except json.JSONDecodeError:
                return None
            return found if isinstance(found, dict) else None
    return None


# What each field of casegraph's own record must be (anything else: the record was edited by hand).
_RECORD_FIELDS: dict[str, tuple[type, ...]] = {
    "key": (str,), "label": (str,), "name": (str,), "title": (str,), "publisher": (str,), "url": (str,),
    "published": (str, int), "language": (str,), "aliases": (list,), "attributes": (dict,),
    "sensitive": (bool,), "generic": (bool,), "predicate": (str,), "subject": (str,), "object": (str,),
    "qualifiers": (dict,), "evidence": (dict,),
}


_KIND_WORDS = {str: "a string", list: "a list", dict: "a mapping", bool: "true or false"}


def _record_problem(record: dict[str, Any]) -> str | None:
    """What is wrong with the types of a casegraph record's fields, or None."""
    for name, kinds in _RECORD_FIELDS.items():
        value = record.get(name)
        if value is not None and (not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds)):
            return f"'{name}' in its casegraph record is {kind_of(value)}, not {_KIND_WORDS[kinds[0]]}"
    return None


def _first(proxy: EntityProxy, *props: str) -> str | None:
    for prop in props:
        if prop in proxy.schema.properties:
            values = proxy.get(prop)
            if values:
                return values[0]
    return None


def _read(path: Path) -> list[_Line]:
    from followthemoney.exc import FollowTheMoneyException

    lines: list[_Line] = []
    try:
        text = path.read_text(encoding="utf-8-sig")  # -sig: a byte order mark is no part of the first line
    except UnicodeDecodeError:
        raise CasegraphError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise CasegraphError(f"{path}: cannot read: {exc.strerror or exc}") from None
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CasegraphError(f"{path}:{number}: not a JSON line: {exc.msg} (column {exc.colno})") from None
        except RecursionError:  # past the parser's stack
            raise CasegraphError(f"{path}:{number}: nesting deeper than {_MAX_DEPTH} levels") from None
        except ValueError:  # a number past Python's limit on digits (4300)
            raise CasegraphError(f"{path}:{number}: a number is too long") from None
        if _depth(data) > _MAX_DEPTH:
            raise CasegraphError(f"{path}:{number}: nesting deeper than {_MAX_DEPTH} levels")
        if isinstance(data, dict) and type(data.get("id")) is int:
            data["id"] = str(data["id"])  # an id written as a number
        if (not isinstance(data, dict) or not isinstance(data.get("schema"), str)
                or not isinstance(data.get("id"), str) or not data["id"].strip()):
            raise CasegraphError(f"{path}:{number}: an FtM entity is a JSON object with 'id' and 'schema'")
        code = first_not_character(data)
        if code is not None:  # no fact file can hold it (see graph.yamlio)
            raise CasegraphError(f"{path}:{number}: {not_character(code)} is not allowed in a fact file")
        datasets = data.get("datasets")
        if datasets is not None and not (isinstance(datasets, list) and all(isinstance(d, str) for d in datasets)):
            raise CasegraphError(f"{path}:{number}: 'datasets' must be a list of names")
        schema = _ftm().get(data["schema"])
        if schema is None:
            raise CasegraphError(f"{path}:{number}: unknown FtM schema {preview(data['schema'])}")
        try:
            proxy = _ftm().get_proxy(data, cleaned=False)
        except (FollowTheMoneyException, TypeError, ValueError) as exc:
            raise CasegraphError(f"{path}:{number}: not a valid {schema.name}: {exc}") from None
        if proxy.id in seen:
            raise CasegraphError(f"{path}:{number}: id {preview(proxy.id)} already on line {seen[proxy.id]}")
        seen[str(proxy.id)] = number
        lines.append(_Line(number, proxy, data))
    return lines


def _kind(line: _Line, labels: dict[str, str], predicates: dict[str, list[str]]) -> str:
    schema = line.proxy.schema
    if schema.name in labels:
        return "entity"
    if any(schema.is_a(s) for s in SOURCE_SCHEMATA if _ftm().get(s)):
        return "source"
    if schema.name == "Documentation":
        return "mention"
    if schema.name in predicates or schema.name == UNKNOWN_LINK:
        return "claim"
    return "other"


class _Importer:
    def __init__(self, path: Path, ontology: Ontology) -> None:
        self.path = path
        self.ontology = ontology
        self.labels = entity_labels(ontology)
        self.predicates = claim_predicates(ontology)
        self.lines = _read(path)
        self.by_id = {str(line.proxy.id): line for line in self.lines}
        self.keys: dict[str, str] = {}  # FtM id -> casegraph key
        self.owners: dict[str, str] = {}  # casegraph key -> FtM id
        self.made: dict[str, str] = {}  # a key made from a name (id, dataset, file) -> that name
        self.entities: dict[str, Entity] = {}
        self.sources: dict[str, Source] = {}
        self.members: dict[str, set[str]] = defaultdict(set)  # source key -> entity keys
        self.claims: dict[str, list[tuple[Claim, Evidence]]] = defaultdict(list)
        self.claim_lines: dict[str, list[int]] = defaultdict(list)  # source key -> FtM line of each claim
        self.source_lines: dict[str, int] = {}  # dataset source key -> the first FtM line naming it
        self.fallback = Source(key=self.new_key("source:ftm-", path.stem), title=f"FtM entities from {path.name}")

    def new_key(self, stem: str, name: str) -> str:
        """``stem`` and a slug of ``name``: the same key for the same name, never one already given to another.

        Names in other scripts are transliterated (``судья-3`` -> ``sudya-3``); when two names slug
        alike, or a name has no letter or digit, a short hash of the name keeps them apart.
        """
        slug = _slug(name)
        key = f"{stem}{slug}"
        if not slug or self.made.get(key, name) != name or (key not in self.made and key in self.owners):
            key = f"{stem}{slug}-{_digest(name)}" if slug else f"{stem}{_digest(name)}"
        self.made[key] = name
        return key

    def fail(self, line: _Line, message: str) -> CasegraphError:
        return CasegraphError(f"{self.path}:{line.number}: {message}")

    def ref(self, line: _Line, prop: str, kinds: tuple[str, ...] = ("entity",)) -> list[str]:
        """The keys of the entities ``prop`` refers to; refused if one is not in the file."""
        out = []
        for value in line.proxy.get(prop) if prop in line.proxy.schema.properties else []:
            target = self.by_id.get(value)
            if target is None:
                raise self.fail(line, f"{line.proxy.schema.name} {prop} refers to {preview(value)}, which is not in the file")
            if self.kind(target) not in kinds:
                raise self.fail(line, f"{line.proxy.schema.name} {prop} refers to {preview(value)}, "
                                      f"a {target.proxy.schema.name} (line {target.number})")
            out.append(self.keys[value])
        return out

    def kind(self, line: _Line) -> str:
        """What an FtM line is to casegraph: entity, source, mention, claim or other."""
        return _kind(line, self.labels, self.predicates)

    def dataset_sources(self, line: _Line) -> list[str]:
        keys = []
        for name in line.data.get("datasets") or []:
            key = self.new_key("source:ftm-", name)
            self.sources.setdefault(key, Source(key=key, title=f"FtM dataset {name}"))
            self.source_lines.setdefault(key, line.number)
            keys.append(key)
        return keys

    def run(self) -> None:
        for line in self.lines:
            kind = self.kind(line)
            if kind == "other":
                raise self.fail(line, f"FtM schema '{line.proxy.schema.name}' has no casegraph counterpart "
                                      f"(known: {', '.join([*self.labels, *SOURCE_SCHEMATA])}, Documentation, "
                                      f"{', '.join(sorted([*self.predicates, UNKNOWN_LINK]))})")
            if kind in ("entity", "source"):
                self.add_node(line, kind)
        for line in self.lines:
            kind = self.kind(line)
            if kind == "entity":
                sources = self.ref(line, "proof", ("source",)) + self.dataset_sources(line)
                for s in sources or [self.fallback.key]:
                    self.members[s].add(self.keys[str(line.proxy.id)])
            elif kind == "mention":
                for s in self.ref(line, "document", ("source",)):
                    self.members[s].update(self.ref(line, "entity"))
            elif kind == "claim":
                self.add_claim(line)

    def add_node(self, line: _Line, kind: str) -> None:
        proxy = line.proxy
        record = _record(proxy, "notes") or {}
        if (problem := _record_problem(record)) is not None:
            raise self.fail(line, problem)
        if kind == "source":
            key = str(record.get("key") or self.new_key("source:ftm-", str(proxy.id)))
            title = record.get("title") or _first(proxy, "title", "name", "fileName") or str(proxy.id)
            lang = record.get("language")
            src = Source(key=key, title=str(title), publisher=record.get("publisher") or _first(proxy, "publisher"),
                         url=record.get("url") or _first(proxy, "sourceUrl"),
                         published=record.get("published") or (_first(proxy, "publishedAt") or "")[:10] or None,
                         language=lang)
            self.claim_key(line, key)
            self.sources[key] = src
            return
        label = str(record.get("label") or self.labels[proxy.schema.name])
        prefix = self.ontology.labels[label].key_prefix if label in self.ontology.labels else "x"
        key = str(record.get("key") or self.new_key(f"{prefix}:", str(proxy.id)))
        self.claim_key(line, key)
        if record:
            entity = Entity(key, label, str(record.get("name")), list(record.get("aliases") or []),
                            dict(record.get("attributes") or {}), bool(record.get("sensitive")),
                            bool(record.get("generic")))
        else:
            spec = self.ontology.labels[label]
            ftm = spec.ftm
            assert ftm is not None  # the label came from an ftm block
            names = [n for prop in ftm.names if prop in proxy.schema.properties for n in proxy.get(prop)]
            names = list(dict.fromkeys(names))
            if not names:
                raise self.fail(line, f"{proxy.schema.name} {preview(proxy.id)} has no name")
            aliases = [n for n in [*names[1:], *proxy.get("alias"), *proxy.get("weakAlias")] if n != names[0]]
            attrs: dict[str, Any] = {}
            for attr, prop in ftm.properties.items():
                value = _first(proxy, prop)
                prop_spec = spec.properties[attr]
                # An FtM value outside a casegraph enum (a classification, a status) is not imported.
                if value and (prop_spec.type != "enum" or value in prop_spec.values):
                    attrs[attr] = value
            entity = Entity(key, label, names[0], list(dict.fromkeys(aliases)), attrs)
        self.entities[key] = entity

    def claim_key(self, line: _Line, key: str) -> None:
        if not KEY_RE.match(key):
            raise self.fail(line, f"id {preview(line.proxy.id)} gives the key {preview(key)}, which is not a casegraph key")
        if key in self.owners:
            other = self.owners[key]
            raise self.fail(line, f"id {preview(line.proxy.id)} gives the key {preview(key)}, as {preview(other)} does "
                                  f"(line {self.by_id[other].number})")
        self.keys[str(line.proxy.id)] = key
        self.owners[key] = str(line.proxy.id)

    def add_claim(self, line: _Line) -> None:
        proxy = line.proxy
        name = proxy.schema.name
        record = _record(proxy, "description")
        if record and (problem := _record_problem(record)) is not None:
            raise self.fail(line, problem)
        if record:
            predicate = str(record.get("predicate"))
            subject, obj = str(record.get("subject")), str(record.get("object"))
            qualifiers = dict(record.get("qualifiers") or {})
            ev = dict(record.get("evidence") or {})
            for key in (subject, obj):
                if key not in self.entities:
                    raise self.fail(line, f"{name} refers to {preview(key)}, which is not in the file")
        else:
            if name == UNKNOWN_LINK:
                raise self.fail(line, "an UnknownLink not written by casegraph has no relationship type")
            schema, subj_prop, obj_prop, role_prop = self.edge_schema(line)
            subjects, objects = self.ref(line, subj_prop), self.ref(line, obj_prop)
            if len(subjects) != 1 or len(objects) != 1:
                raise self.fail(line, f"{name} needs one {subj_prop} and one {obj_prop}")
            subject, obj = subjects[0], objects[0]
            predicate = schema
            qualifiers = {}
            role = _first(proxy, role_prop) if role_prop else None
            role_from = self.ontology.relationships[predicate].ftm.role_from
            if role and role_from:
                qualifiers[role_from] = role
            ev = {}
            for prop, q in (("date", "date"), ("startDate", "start"), ("endDate", "end")):
                value = _first(proxy, prop)
                if value:
                    ev[q] = value[:10]
            ev["quote"] = _first(proxy, "summary") or self.describe(line, subject, predicate, obj, role)
        sources = self.ref(line, "proof", ("source",)) + self.dataset_sources(line)
        if record and ev.get("source"):
            sources = [str(ev["source"])]
        for source in sources or [self.fallback.key]:
            evidence = Evidence(source=source, quote=str(ev.get("quote") or ""),
                                asserted_by=ev.get("asserted_by"), confidence=ev.get("confidence"),
                                qualifiers={k: v for k, v in ev.items()
                                            if k not in ("source", "quote", "asserted_by", "confidence")})
            claim = Claim("", subject, predicate, obj, qualifiers)
            self.claims[source].append((claim, evidence))
            self.claim_lines[source].append(line.number)
            self.members[source].update(k for k in (subject, obj, evidence.asserted_by) if k)

    def origin(self, source: str, text: str, line: int) -> int | None:
        """The FtM line behind ``line`` of the fact file written for ``source`` (its text), if known.

        The writer puts each entity and claim on lines of its own, starting ``  - key:`` and
        ``  - subject:``, in the order :meth:`documents` gives them.
        """
        lines = text.splitlines()[:line]
        for number in range(len(lines) - 1, -1, -1):
            item = lines[number]
            if item.startswith("  - key: "):
                with contextlib.suppress(ValueError):
                    owner = self.owners.get(json.loads(item[len("  - key: "):]))
                    return self.by_id[owner].number if owner in self.by_id else None
                return None
            if item.startswith("  - subject: "):
                index = sum(1 for text_line in lines[: number + 1] if text_line.startswith("  - subject: ")) - 1
                found = self.claim_lines.get(source, [])
                return found[index] if index < len(found) else None
            if item == "source:":
                owner = self.owners.get(source)
                return self.by_id[owner].number if owner in self.by_id else self.source_lines.get(source)
        return None

    def edge_schema(self, line: _Line) -> tuple[str, str, str, str | None]:
        """The relationship type of an FtM interval, and the FtM properties of its ends and role."""
        name = line.proxy.schema.name
        predicates = self.predicates[name]
        if len(predicates) > 1:  # a shared schema (CourtCaseParty): the role says which
            role = (_first(line.proxy, "role") or "").lower()
            found = next((p for p in predicates for w in self.ontology.relationships[p].ftm.role_words if w in role),
                         None)
            if found is None:
                texts = sorted({str(self.ontology.relationships[p].ftm.role_text) for p in predicates})
                raise self.fail(line, f"{name} role {preview(role)} names no casegraph relationship ({', '.join(texts)})")
            predicates = [found]
        ftm = self.ontology.relationships[predicates[0]].ftm
        return (predicates[0], ftm.subject, ftm.object, ftm.role)

    def describe(self, line: _Line, subject: str, predicate: str, obj: str, role: str | None) -> str:
        """A quote for a record that has none: what the record itself says, in a few words."""
        text = (f"{line.proxy.schema.label}: {self.entities[subject].name} — {self.entities[obj].name}"
                + (f" ({role})" if role else ""))
        return " ".join(text.split()[: self.ontology.max_quote_words])

    def documents(self) -> dict[str, dict[str, Any]]:
        if self.fallback.key in self.members or self.fallback.key in self.claims:
            self.sources.setdefault(self.fallback.key, self.fallback)
        docs = {}
        for key in sorted(self.sources):
            members = self.members.get(key, set())
            if not members and not self.claims.get(key):
                continue
            ents = [self.entities[k] for k in sorted(members) if k in self.entities]
            docs[key] = fact_document(self.sources[key], ents, self.claims.get(key, []))
        return docs


def import_ftm(path: str | Path, out_dir: str | Path, force: bool = False,
               ontology: Ontology | None = None) -> ImportSummary:
    """Turn an FtM JSON-lines file into fact files in ``out_dir`` (validated before they land)."""
    path, out = Path(path), Path(out_dir)
    ontology = ontology or default_ontology()
    importer = _Importer(path, ontology)
    importer.run()
    docs = importer.documents()
    if not docs:
        raise CasegraphError(f"{path}: no entities to import")
    names = {key: f"{key.split(':', 1)[1]}.yaml" for key in docs}
    existing = [str(out / n) for n in names.values() if (out / n).exists()]
    if existing and not force:
        raise CasegraphError(f"{', '.join(existing)} exist{'s' if len(existing) == 1 else ''}; "
                             "not overwritten (use --force)")
    try:
        out.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".import-ftm.", dir=out))
    except OSError as exc:
        raise CasegraphError(f"{escape_control(str(out))}: cannot write here ({exc.strerror or exc})") from None
    try:
        for key, doc in docs.items():
            write_fact_file(tmp / names[key], doc,
                            header=f"Imported by casegraph import-ftm from {path.name}")
        corpus, problems, _files = validate([tmp], ontology)
        if problems:
            first = problems[0]
            source = next((k for k, n in names.items() if n == Path(first.file).name), "")
            number = importer.origin(source, Path(first.file).read_text(encoding="utf-8"), first.line)
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise CasegraphError(f"{path}{f':{number}' if number else ''}: the imported facts would not validate: "
                                 f"{first.message}{more}; nothing was written")
        for name in names.values():
            (tmp / name).replace(out / name)
    except OSError as exc:  # a full disk, a folder made read-only meanwhile: the temporary files go below
        raise WriteError(out, exc) from None  # "<out>: cannot write: no space left on device", as every writer says
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
    return ImportSummary(files=[str(out / n) for n in names.values()], sources=len(corpus.sources),
                         entities=len(corpus.entities), claims=len(corpus.claims))
