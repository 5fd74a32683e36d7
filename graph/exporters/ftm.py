"""FollowTheMoney entities as JSON lines, for Aleph and OpenSanctions tooling.

Every entity is made with the ``followthemoney`` library's own model
(``model.make_entity``), so FtM cleans and checks each value. Which FtM schema and
properties each label and relationship type become is declared in the ontology's
``ftm:`` blocks (:mod:`graph.ontology_ftm`); the shipped ontology gives:

* entities: Person -> ``Person``; Organisation -> ``Organization`` (``PublicBody`` for
  agencies, courts, prosecutors, police, security services and governments);
  LegalCase -> ``CourtCase``; Event -> ``Event`` (people and organisations taking part
  as ``involved``/``organizer``); Location -> ``Address``; each source -> ``Article``,
  and each MENTIONS -> ``Documentation`` (the article documents the entity).
* claims: one FtM interval per piece of evidence, so each source's quote, date and
  speaker stay together: MEMBER_OF -> ``Membership``, LEADS -> ``Directorship``,
  WORKS_FOR -> ``Employment``, DEFENDS -> ``Representation``, RELATIVE_OF -> ``Family``,
  DEFENDANT_IN, COUNSEL_IN, JUDGE_IN, PROSECUTES, INVESTIGATES -> ``CourtCaseParty``
  (with the role), and the rest (PARTICIPANT_IN, ACCUSED_OF, STATES, PART_OF,
  LINKED_TO, LOCATED_IN) -> ``UnknownLink`` with the relationship as its role.
  Provenance: ``proof`` (the Article), ``sourceUrl``, ``publisher``, ``summary`` (the
  quote), ``date``/``startDate``/``endDate``.

FtM has no place for casegraph's key, flags, speaker or confidence, and its name type
collapses whitespace, so each entity carries one ``notes`` value and each interval
one ``description`` value that starts with ``casegraph:`` followed by JSON of the
exact casegraph record; ``casegraph import-ftm`` reads it back. Ids are casegraph keys
with ``:`` as ``.`` (FtM ids admit only letters, digits, ``.`` and ``-``): see
:func:`ftm_id` and :func:`key_of`.
"""

from __future__ import annotations

import hashlib
import json
from typing import IO, TYPE_CHECKING, Any

import networkx as nx

from graph.build import MENTIONS
from graph.errors import CasegraphError
from graph.model import evidence_id
from graph.ontology import UNKNOWN_LINK, Ontology

if TYPE_CHECKING:
    from followthemoney.model import Model
    from followthemoney.proxy import EntityProxy


def _ftm() -> Model:
    """followthemoney's model, loaded on first use (loading it takes a fraction of a second
    that commands which never touch FtM should not pay)."""
    from followthemoney import model

    return model


__all__ = ["NAME", "EXTENSIONS", "FILES", "write", "entities", "ftm_id", "key_of", "MARK", "make"]

NAME = "ftm"
EXTENSIONS = (".ftm.json", ".ftm.jsonl", ".jsonl", ".ndjson")
FILES = ("entities.ftm.json",)
MARK = "casegraph:"  # prefix of the notes/description value holding the exact casegraph record


def make(schema: str, props: tuple[str | None, ...], owner: str) -> EntityProxy:
    """A new FtM entity of ``schema``, refused in one line if FtM has no such schema or the
    schema lacks one of ``props`` (a mistake in the ontology's ``ftm:`` block of ``owner``)."""
    found = _ftm().get(schema)
    if found is None:
        raise CasegraphError(f"the ontology maps {owner} to the FtM schema '{schema}', which FtM does not have")
    for prop in props:
        if prop is not None and prop not in found.properties:
            raise CasegraphError(f"the ontology maps {owner} to the FtM property '{prop}', which FtM's {schema} "
                                 "does not have")
    return _ftm().make_entity(found)


def ftm_id(key: str) -> str:
    """An FtM id for a casegraph key (reversible with :func:`key_of`).

    >>> ftm_id("person:nariman-dzhelyal"), ftm_id("source:a_b.")
    ('person.nariman-dzhelyal', 'source.aUb.X')
    >>> key_of(ftm_id("source:a_b.")), key_of(ftm_id("claim:0af3"))
    ('source:a_b.', 'claim:0af3')
    """
    # casegraph keys are lower case, so upper-case letters are free to escape with.
    text = key.replace(":", ".", 1).replace("_", "U")
    return text + "X" if text[-1:] in (".", "-") else text


def key_of(value: str) -> str:
    """The casegraph key of an id made by :func:`ftm_id`."""
    text = value[:-1] if value.endswith("X") else value
    return text.replace("U", "_").replace(".", ":", 1)


def _marked(record: dict[str, Any]) -> str:
    return MARK + json.dumps(record, ensure_ascii=False, sort_keys=True)


def _add(proxy: EntityProxy, prop: str, value: Any) -> None:
    """Add a value; FtM cleans it (a value FtM's type refuses is dropped by FtM itself)."""
    if value is None or value == "" or value == []:
        return
    for v in value if isinstance(value, list) else [value]:
        proxy.add(prop, str(v))


def _entity(key: str, d: dict[str, Any], sources: set[str], ontology: Ontology) -> EntityProxy:
    label = str(d.get("label"))
    spec = ontology.labels.get(label)
    if spec is None or spec.ftm is None:
        raise CasegraphError(f"{key}: the ontology gives the label '{label}' no FtM schema (an 'ftm:' block)")
    attrs = {k: v for k, v in d.items() if k not in ("node_kind", "label", "name", "aliases", "sensitive",
                                                      "generic", "sources")}
    ftm = spec.ftm
    e = make(ftm.schema_for(attrs), (*ftm.names, *ftm.properties.values()), label)
    e.id = ftm_id(key)
    name = str(d.get("name") or key)
    for prop in ftm.names:
        _add(e, prop, name)
    _add(e, "alias", list(d.get("aliases") or []))
    for attr, prop in ftm.properties.items():
        _add(e, prop, attrs.get(attr))  # a value FtM's type refuses (gender 'unknown') is dropped by FtM
    _add(e, "proof", [ftm_id(s) for s in sorted(d.get("sources") or []) if s in sources])
    record = {"key": key, "label": label, "name": name, "aliases": list(d.get("aliases") or []),
              "sensitive": bool(d.get("sensitive")), "generic": bool(d.get("generic")), "attributes": attrs}
    _add(e, "notes", _marked(record))
    return e


def _source(key: str, d: dict[str, Any]) -> EntityProxy:
    e = _ftm().make_entity("Article")
    e.id = ftm_id(key)
    title = str(d.get("title") or d.get("name") or key)
    _add(e, "title", title)
    _add(e, "name", title)
    _add(e, "sourceUrl", d.get("url"))
    _add(e, "publisher", d.get("publisher"))
    _add(e, "publishedAt", d.get("published"))
    _add(e, "language", d.get("language"))
    record = {"key": key, **{k: d.get(k) for k in ("title", "publisher", "url", "published", "language")
                             if d.get(k) is not None}}
    record["title"] = title
    _add(e, "notes", _marked(record))
    return e


def _evidence(u: str, v: str, d: dict[str, Any], ev: dict[str, Any], g: nx.MultiDiGraph,
              ontology: Ontology) -> EntityProxy:
    predicate = str(d.get("type"))
    if predicate not in ontology.relationships:
        raise CasegraphError(f"{u} -> {v}: relationship type '{predicate}' is not in the ontology")
    ftm = ontology.relationships[predicate].ftm
    cid = str(d["claim_id"])
    qualifiers = {q: d[q] for q in ontology.relationships[predicate].properties if q in d}
    e = make(ftm.schema, (ftm.subject, ftm.object, ftm.role), predicate)
    e.id = ftm_id(evidence_id(cid, ev["source"]))
    _add(e, ftm.subject, ftm_id(u))
    _add(e, ftm.object, ftm_id(v))
    if ftm.role:
        given = qualifiers.get(ftm.role_from) if ftm.role_from else None
        role: str | None
        if ftm.schema == UNKNOWN_LINK:  # the role is all that says which relationship it is
            role = predicate.lower().replace("_", " ") + (f": {given}" if given else "")
        else:
            role = given or ftm.role_text
            extra = next((qualifiers[q] for q in ftm.role_detail if qualifiers.get(q)), None)
            if extra:
                role = f"{role} ({extra})" if role else str(extra)
        _add(e, ftm.role, role)
    _add(e, "date", ev.get("date"))
    _add(e, "startDate", ev.get("start"))
    _add(e, "endDate", ev.get("end"))
    _add(e, "summary", ev.get("quote"))
    source = g.nodes[ev["source"]] if ev["source"] in g else None
    if source is not None and source.get("node_kind") == "source":
        _add(e, "proof", ftm_id(ev["source"]))
        _add(e, "sourceUrl", source.get("url"))
        _add(e, "publisher", source.get("publisher"))
    record = {"claim_id": cid, "predicate": predicate, "subject": u, "object": v, "qualifiers": qualifiers,
              "evidence": ev}
    _add(e, "description", _marked(record))
    return e


def entities(g: nx.MultiDiGraph, ontology: Ontology) -> list[EntityProxy]:
    """The FtM entities of a graph: sources, entities, their mentions, then one interval per evidence."""
    sources = {n for n, d in g.nodes(data=True) if d.get("node_kind") == "source"}
    out: list[EntityProxy] = [_source(n, g.nodes[n]) for n in sorted(sources)]
    nodes = {n: _entity(n, d, sources, ontology) for n, d in sorted(g.nodes(data=True)) if n not in sources}
    mentions: list[EntityProxy] = []
    for u, v, _k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        if d.get("type") == MENTIONS:
            m = _ftm().make_entity("Documentation")
            m.id = "mentions." + hashlib.sha1(f"{u} {v}".encode()).hexdigest()[:20]
            _add(m, "document", ftm_id(u))
            _add(m, "entity", ftm_id(v))
            _add(m, "role", "mentions")
            mentions.append(m)
            continue
        for ev in d.get("evidence") or []:
            mentions.append(_evidence(u, v, d, ev, g, ontology))
        rel = ontology.relationships.get(str(d.get("type")))
        if rel is not None and rel.ftm.listed_on_object and v in nodes:  # an Event lists who took part
            prop = rel.ftm.listed_by_role.get(str(d.get("role")), rel.ftm.listed_on_object)
            if prop in nodes[v].schema.properties:
                _add(nodes[v], prop, ftm_id(u))
    return out + list(nodes.values()) + mentions


def write(g: nx.MultiDiGraph, streams: dict[str, IO[str]], ontology: Ontology) -> list[str]:
    out = streams[FILES[0]]
    for e in entities(g, ontology):
        out.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return []
