"""A label and a relationship type added to the ontology work everywhere with no code change.

The shipped ``graph/ontology.yaml`` is copied to a temporary file with one more label
(``Vehicle``, FtM ``Vehicle``) and one more relationship type (``OWNS``, Person ->
Vehicle, FtM ``Ownership``, with an ``entity`` qualifier); ``CASEGRAPH_ONTOLOGY`` points
casegraph at it. Then a fact file using both validates, loads into the real Neo4j (with
its uniqueness constraint), exports to every format with both in it, and comes back:
GraphML, GEXF and node-link JSON read back by NetworkX, the Cypher script run into Neo4j,
the FtM lines through ``import-ftm``, and the graph read back from Neo4j, all equal to the
graph built from the fact file.

The claim fields that hold entity keys are one list, derived from the ontology: the
draft and review renames both use it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
import pytest
from click.testing import CliRunner, Result

from casegraph.cli import cli
from graph.build import build_graph
from graph.db.importcsv import read_manifest
from graph.db.store import Store
from graph.exporters import EXPORTERS
from graph.exporters import gexf as gexf_exporter
from graph.exporters.cypher import statements
from graph.exporters.flat import restore_graph
from graph.ontology import DEFAULT_ONTOLOGY_PATH, default_ontology, load_ontology
from graph.redact import exit_graph
from loaders.extract import draft, review
from loaders.extract.claims import ClaimDraft, EntityDraft, Extraction
from loaders.facts import load_corpus

VEHICLE = """
  Vehicle:
    key_prefix: vehicle
    description: A car, lorry or boat, e.g. one used in an arrest.
    ftm:
      schema: Vehicle
      properties: {registration: registrationNumber, make: model}
    properties:
      registration: {type: string, index: true}
      make: {type: string}
      colour: {type: enum, values: [white, black, other]}

"""

OWNS = """
  OWNS:
    description: Ownership of a thing.
    from: [Person, Organisation]
    to: [Vehicle]
    key: []
    properties:
      kind: {type: string, description: "e.g. registered owner"}
      seller: {type: entity, labels: [Person, Organisation], description: "who sold it, when named"}
    ftm: {schema: Ownership, subject: owner, object: asset, role: ownershipType, role_from: kind}
"""

FACTS = """\
source:
  key: source:vehicle-report
  title: A report on a car
  published: "2022-03-01"
entities:
  - key: person:ivan-testov
    label: Person
    name: Ivan Testov
  - key: person:olga-testova
    label: Person
    name: Olga Testova
  - key: vehicle:white-lada
    label: Vehicle
    name: White Lada
    aliases: [the white car]
    attributes: {registration: A123BC82, make: Lada Granta, colour: white}
claims:
  - subject: person:ivan-testov
    predicate: OWNS
    object: vehicle:white-lada
    kind: registered owner
    seller: person:olga-testova
    date: 2021-12
    quote: Testov, the car's registered owner, bought it from Testova
    asserted_by: person:olga-testova
  - subject: person:olga-testova
    predicate: RELATIVE_OF
    object: person:ivan-testov
    relation: sister
    quote: his sister Olga Testova
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def extended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped ontology plus Vehicle and OWNS, in use through CASEGRAPH_ONTOLOGY; the fact dir."""
    text = DEFAULT_ONTOLOGY_PATH.read_text(encoding="utf-8")
    marker = "\n# Relationship types."
    assert marker in text
    text = text.replace(marker, "\n" + VEHICLE.rstrip("\n") + "\n" + marker, 1) + OWNS
    onto = tmp_path / "ontology.yaml"
    onto.write_text(text, encoding="utf-8")
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "vehicle.yaml").write_text(FACTS, encoding="utf-8")
    # Without the new ontology the file does not validate: it is the ontology that changes.
    refused = run("validate", str(facts))
    assert refused.exit_code != 0 and "unknown label 'Vehicle'" in refused.output, refused.output
    monkeypatch.setenv("CASEGRAPH_ONTOLOGY", str(onto))
    assert "Vehicle" in default_ontology().labels and default_ontology().path == onto
    return facts


def graph_of(facts: Path) -> nx.MultiDiGraph:
    return exit_graph(build_graph(load_corpus([facts])))


def edges(g: nx.MultiDiGraph) -> list[tuple[str, str, str, str]]:
    return sorted((str(u), str(v), str(k), json.dumps(d, sort_keys=True, ensure_ascii=False))
                  for u, v, k, d in g.edges(keys=True, data=True))


def assert_same(want: nx.MultiDiGraph, got: nx.MultiDiGraph) -> None:
    assert dict(got.nodes(data=True)) == dict(want.nodes(data=True))
    assert edges(got) == edges(want)


def csv_rows(groups: list[tuple[str, list[Path]]]) -> list[tuple[str, list[dict[str, str]]]]:
    """Each import group's rows as {header column: cell} (a short row lacks its last columns)."""
    out = []
    for name, (header, *bodies) in groups:
        head = next(csv.reader(header.open(encoding="utf-8", newline="")))
        rows = [dict(zip(head, row, strict=False)) for body in bodies
                for row in csv.reader(body.open(encoding="utf-8", newline=""))]
        out.append((name, rows))
    return out


def owns(g: nx.MultiDiGraph) -> dict[str, Any]:
    [(u, v, d)] = [(u, v, d) for u, v, d in g.edges(data=True) if d.get("type") == "OWNS"]
    assert (u, v) == ("person:ivan-testov", "vehicle:white-lada")
    return d


def test_the_extended_ontology_loads_with_its_new_facts(extended: Path) -> None:
    onto = default_ontology()
    assert onto.labels["Vehicle"].ftm is not None and onto.labels["Vehicle"].ftm.schema == "Vehicle"
    assert onto.relationships["OWNS"].ftm.schema == "Ownership"
    assert ("Vehicle", "registration") in onto.indexes
    assert "seller" in onto.claim_key_fields
    assert onto.speaker_labels == ("Person", "Organisation")
    assert onto.resolved_labels == ("Person", "Organisation", "Location")  # a Vehicle is not compared by name


def test_validate_accepts_and_checks_the_new_types(extended: Path, tmp_path: Path) -> None:
    result = run("validate", str(extended))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: 1 file, 1 source, 3 entities, 2 claims"), result.output
    # The new types are checked like the shipped ones: an enum value, an entity qualifier's label.
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "v.yaml").write_text(FACTS.replace("colour: white", "colour: pink")
                                .replace("seller: person:olga-testova", "seller: vehicle:white-lada"),
                                encoding="utf-8")
    refused = run("validate", str(bad))
    assert refused.exit_code != 0
    assert "'colour' is 'pink', expected one of: white, black, other" in refused.output
    assert "'seller' is 'vehicle:white-lada', expected the key of a Person or Organisation" in refused.output
    # A Vehicle cannot assert a claim: only the ontology's speaker labels can.
    (bad / "v.yaml").write_text(FACTS.replace("asserted_by: person:olga-testova", "asserted_by: vehicle:white-lada"),
                                encoding="utf-8")
    refused = run("validate", str(bad))
    assert "asserted_by 'vehicle:white-lada' is a Vehicle; a speaker must be a Person or Organisation" in \
        refused.output, refused.output


def test_every_export_carries_the_new_types_and_reads_back(extended: Path, tmp_path: Path) -> None:
    want = graph_of(extended)
    assert want.nodes["vehicle:white-lada"]["label"] == "Vehicle"
    assert owns(want)["seller"] == "person:olga-testova"
    out = tmp_path / "out"
    for fmt in EXPORTERS:
        target = out / (fmt if fmt == "csv" else f"g.{fmt}" if fmt != "ftm" else "g.ftm.json")
        result = run("export", str(extended), "--to", fmt, "-o", str(target))
        assert result.exit_code == 0, (fmt, result.output)
    assert sorted(EXPORTERS) == ["csv", "cypher", "ftm", "gexf", "graphml", "json"]
    # NetworkX reads the graph formats back equal to the graph of the fact file.
    assert_same(want, restore_graph(nx.read_graphml(out / "g.graphml", force_multigraph=True)))
    assert_same(want, gexf_exporter.restore(nx.read_gexf(out / "g.gexf")))
    assert_same(want, nx.node_link_graph(json.loads((out / "g.json").read_text(encoding="utf-8")), edges="edges"))
    # The import-tool CSV (as `neo4j-admin database import` reads it) has the Vehicle
    # nodes and the OWNS relationships with their properties.
    files = read_manifest(out / "csv")
    assert [rows for labels, rows in csv_rows(files.nodes) if labels == "Vehicle:Entity"] == [
        [{"key:ID(entity)": "vehicle:white-lada", "name:string": "White Lada", "aliases:string[]": "the white car",
          "sensitive:boolean": "false", "generic:boolean": "false", "registration:string": "A123BC82",
          "make:string": "Lada Granta", "colour:string": "white"}]]
    [owns_rows] = [rows for rel_type, rows in csv_rows(files.relationships) if rel_type == "OWNS"]
    assert [(r["kind:string"], r["seller:string"]) for r in owns_rows] == [("registered owner", "person:olga-testova")]
    # The Cypher script makes the Vehicle's constraint and index, MERGEs it on its label.
    script = (out / "g.cypher").read_text(encoding="utf-8")
    assert "CREATE CONSTRAINT vehicle_key IF NOT EXISTS FOR (n:Vehicle) REQUIRE n.key IS UNIQUE" in script
    assert "CREATE INDEX vehicle_registration IF NOT EXISTS FOR (n:Vehicle) ON (n.registration)" in script
    assert "CREATE CONSTRAINT owns_claim_id IF NOT EXISTS FOR ()-[r:OWNS]-() REQUIRE r.claim_id IS UNIQUE" in script
    # FtM: a Vehicle with its mapped properties, an Ownership with the role and the quote.
    lines = [json.loads(line) for line in (out / "g.ftm.json").read_text(encoding="utf-8").splitlines()]
    [vehicle] = [e for e in lines if e["schema"] == "Vehicle"]
    assert vehicle["properties"]["registrationNumber"] == ["A123BC82"]
    assert vehicle["properties"]["model"] == ["Lada Granta"]
    [ownership] = [e for e in lines if e["schema"] == "Ownership"]
    assert ownership["properties"]["owner"] == ["person.ivan-testov"]
    assert ownership["properties"]["asset"] == ["vehicle.white-lada"]
    assert ownership["properties"]["ownershipType"] == ["registered owner"]
    [family] = [e for e in lines if e["schema"] == "Family"]
    assert family["properties"]["relationship"] == ["sister"]
    # ... and import-ftm turns them back into fact files that validate to the same graph.
    imported = run("import-ftm", str(out / "g.ftm.json"), "-o", str(tmp_path / "back"))
    assert imported.exit_code == 0, imported.output
    assert run("validate", str(tmp_path / "back")).exit_code == 0
    assert_same(want, graph_of(tmp_path / "back"))


def test_an_ftm_vehicle_from_elsewhere_imports_as_the_new_label(extended: Path, tmp_path: Path) -> None:
    from followthemoney import model

    car, owner, link = model.make_entity("Vehicle"), model.make_entity("Person"), model.make_entity("Ownership")
    car.id, owner.id, link.id = "car-1", "owner-1", "own-1"
    car.add("name", "Blue Volga")
    car.add("registrationNumber", "X777XX")
    owner.add("name", "Petro Testenko")
    link.add("owner", "owner-1")
    link.add("asset", "car-1")
    link.add("ownershipType", "co-owner")
    path = tmp_path / "cars.ftm.json"
    path.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in (car, owner, link)), encoding="utf-8")
    result = run("import-ftm", str(path), "-o", str(tmp_path / "imported"))
    assert result.exit_code == 0, result.output
    corpus = load_corpus([tmp_path / "imported"])
    assert corpus.entities["vehicle:car-1"].label == "Vehicle"
    assert corpus.entities["vehicle:car-1"].attributes == {"registration": "X777XX"}
    [claim] = corpus.claims.values()
    assert (claim.subject, claim.predicate, claim.object) == ("person:owner-1", "OWNS", "vehicle:car-1")
    assert claim.evidence[0].qualifiers == {"kind": "co-owner"}


@pytest.mark.neo4j
def test_load_export_from_neo4j_and_the_cypher_script_round_trip(
    extended: Path, tmp_path: Path, neo4j_env: Any, clean_db: neo4j.Driver
) -> None:
    try:
        _round_trip(extended, tmp_path, clean_db)
    finally:
        _drop_extended_schema(clean_db)


def _drop_extended_schema(driver: neo4j.Driver) -> None:
    """The session's database is shared: the Vehicle/OWNS constraints and indexes go again."""
    with driver.session() as session:
        for kind in ("CONSTRAINT", "INDEX"):
            names = [r["name"] for r in session.run(f"SHOW {kind}ES YIELD name" if kind == "INDEX"
                                                     else f"SHOW {kind}S YIELD name")]
            for name in names:
                if name.startswith(("vehicle_", "owns_")):
                    session.run(f"DROP {kind} `{name}` IF EXISTS").consume()


def _round_trip(extended: Path, tmp_path: Path, clean_db: neo4j.Driver) -> None:
    want = graph_of(extended)
    loaded = run("load", str(extended))
    assert loaded.exit_code == 0, loaded.output
    with clean_db.session() as session:
        rec = session.run(
            "MATCH (p:Person:Entity {key: 'person:ivan-testov'})-[r:OWNS]->(v:Vehicle:Entity) "
            "MATCH (c:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)-[:ASSERTED_BY]->(s:Person) "
            "RETURN v.registration AS reg, r.kind AS kind, r.seller AS seller, e.quote AS quote, s.key AS speaker"
        ).single()
        assert rec is not None
        assert (rec["reg"], rec["kind"], rec["seller"], rec["speaker"]) == (
            "A123BC82", "registered owner", "person:olga-testova", "person:olga-testova")
        made = {r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name")}
        made |= {r["name"] for r in session.run("SHOW INDEXES YIELD name")}
    assert {"vehicle_key", "owns_claim_id", "vehicle_registration"} <= made
    # Read back from Neo4j: the same graph as from the fact file.
    store = Store(clean_db, "bolt://test")  # the session's driver; not closed here
    assert_same(want, store.read_graph())
    back = tmp_path / "neo4j.json"
    result = run("export", "--from", "neo4j", "--to", "json", "-o", str(back))
    assert result.exit_code == 0, result.output
    assert_same(want, nx.node_link_graph(json.loads(back.read_text(encoding="utf-8")), edges="edges"))
    # The Cypher export, run into an emptied database, makes the same graph again.
    script = tmp_path / "g.cypher"
    assert run("export", str(extended), "--to", "cypher", "-o", str(script)).exit_code == 0
    with clean_db.session() as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
        for stmt in statements(script.read_text(encoding="utf-8")):
            session.run(stmt).consume()
    assert_same(want, store.read_graph())


# --- the claim fields that hold entity keys: one list, from the ontology


def test_the_claim_key_fields_are_one_list_from_the_ontology() -> None:
    onto = load_ontology()
    assert onto.claim_key_fields == ("subject", "object", "asserted_by", "case", "client", "accuser", "linked_by")
    declared = {p.name for r in onto.relationships.values() for p in r.properties.values() if p.type == "entity"}
    assert set(onto.claim_key_fields) == {"subject", "object", "asserted_by"} | declared
    # The draft's rename and the review's merge both rename exactly these fields.
    ex = Extraction()
    for key, label in (("person:a", "Person"), ("person:b", "Person"), ("case:x", "LegalCase"),
                       ("org:o", "Organisation")):
        ex.entities[key] = EntityDraft(key, label, key)
    quals = {"case": "case:x", "client": "person:a", "role": "person:a"}  # role is no key: kept as written
    ex.claims.append(ClaimDraft("org:o", "DEFENDS", "person:b", "q", 0.9, quals, "person:a", "r"))
    out = draft._renamed(ex, {"person:a": "person:z", "case:x": "case:y"}, onto)
    [c] = out.claims
    assert (c.asserted_by, c.qualifiers) == ("person:z", {"case": "case:y", "client": "person:z", "role": "person:a"})
    doc: dict[str, Any] = {
        "entities": [{"key": "person:a", "label": "Person", "name": "A"},
                     {"key": "person:z", "label": "Person", "name": "Z"}],
        "claims": [{"subject": "org:o", "predicate": "COUNSEL_IN", "object": "case:x", "client": "person:a",
                    "asserted_by": "person:a", "role": "person:a", "quote": "q"},
                   {"subject": "person:q", "predicate": "LINKED_TO", "object": "case:x", "linked_by": "person:a",
                    "quote": "q"}],
        "draft": {"candidates": []},
    }
    review.merge_entity_into(doc, "person:a", "person:z")
    assert [{k: v for k, v in c.items() if v == "person:z" or k == "role"} for c in doc["claims"]] == [
        {"client": "person:z", "asserted_by": "person:z", "role": "person:a"}, {"linked_by": "person:z"}]
