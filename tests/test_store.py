"""The Neo4j store against the real server: loading, idempotence, reloads, provenance, read-back, faults."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.build import build_graph
from graph.db import server
from graph.db.load import Loader
from graph.db.store import Store
from graph.errors import CasegraphError, StoreError, ValidationFailed
from graph.schema import render_schema, schema_statements
from loaders import factfile
from loaders.facts import load_corpus
from tests.conftest import make_settings

ROOT = Path(__file__).resolve().parents[1]
CRIMEA = ROOT / "examples" / "crimea"


# -- helpers -------------------------------------------------------------------------
def write_fact_file(
    path: Path,
    source: str,
    claims: list[dict[str, Any]],
    entities: list[dict[str, Any]] | None = None,
    title: str | None = None,
) -> Path:
    """Write a JSON fact file declaring every entity its claims name (people and events)."""
    declared: dict[str, dict[str, Any]] = {e["key"]: e for e in (entities or [])}
    for c in claims:
        for k in (c["subject"], c["object"], c.get("asserted_by")):
            if k and k not in declared:
                prefix, slug = k.split(":", 1)
                label = {"person": "Person", "event": "Event", "org": "Organisation", "case": "LegalCase"}[
                    prefix
                ]
                declared[k] = {"key": k, "label": label, "name": slug.replace("-", " ").title()}
    doc = {
        "source": {"key": source, "title": title or f"Report {source}"},
        "entities": list(declared.values()),
        "claims": claims,
    }
    return factfile.write_fact_file(path, doc)


def target(person: str, event: str, quote: str, **extra: Any) -> dict[str, Any]:
    return {
        "subject": person,
        "predicate": "PARTICIPANT_IN",
        "object": event,
        "role": "target",
        "quote": quote,
        **extra,
    }


def synthetic_files(folder: Path, sources: int, claims_per_source: int, shared: int = 0) -> list[Path]:
    """Fictional people and events; the first `shared` claims of each source are the same facts."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for s in range(sources):
        claims = []
        for i in range(claims_per_source):
            n = i if i < shared else s * claims_per_source + i
            claims.append(
                target(
                    f"person:fictional-{n % 997:04d}",
                    f"event:incident-{n:06d}",
                    f"Report {s} says person {n % 997} was detained in incident {n}.",
                    date=f"2020-{(n % 12) + 1:02d}",
                )
            )
        files.append(write_fact_file(folder / f"s{s:04d}.json", f"source:synthetic-{s:04d}", claims))
    return files


def dump(driver: neo4j.Driver) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with labels/type and properties, sorted (for equality)."""
    with driver.session() as s:
        nodes = sorted(
            (sorted(r["labels"]), json.dumps(r["props"], sort_keys=True, default=str))
            for r in s.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
        )
        rels = sorted(
            (r["type"], r["a"], r["b"], json.dumps(r["props"], sort_keys=True, default=str))
            for r in s.run(
                "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.key, a.id) AS a, "
                "coalesce(b.key, b.id) AS b, properties(r) AS props"
            )
        )
    return nodes, rels


def assert_same_graph(expected: nx.MultiDiGraph, actual: nx.MultiDiGraph) -> None:
    assert dict(expected.nodes(data=True)) == dict(actual.nodes(data=True))
    exp_edges = sorted(
        (u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in expected.edges(keys=True, data=True)
    )
    act_edges = sorted(
        (u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in actual.edges(keys=True, data=True)
    )
    assert exp_edges == act_edges


@pytest.fixture
def store(clean_db: neo4j.Driver, neo4j_server: server.ServerInfo) -> Any:
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as st:
        yield st


# -- loading ----------------------------------------------------------------------------
def test_load_example_corpus_counts(store: Store) -> None:
    corpus = load_corpus([CRIMEA])
    summary = store.load(corpus)
    assert summary.created["entities"] == 24
    assert summary.created["claims"] == 26
    assert summary.created["evidence"] == 26
    counts = store.counts()
    assert counts["Entity"] == 24
    assert counts["Person"] == 5
    assert counts["Source"] == 1
    assert counts["Claim"] == 26
    assert counts["Evidence"] == 26
    assert counts["PARTICIPANT_IN"] == 10
    assert counts["MENTIONS"] == 24
    assert counts["ASSERTED_BY"] == 5
    # Parsing pauses the garbage collector and loading freezes the corpus (graph.memory):
    # both give it back as it was.
    import gc

    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_reload_changes_nothing(store: Store, clean_db: neo4j.Driver) -> None:
    corpus = load_corpus([CRIMEA])
    store.load(corpus)
    before = dump(clean_db)
    again = store.load(load_corpus([CRIMEA]))
    assert not again.changed
    assert again.unchanged["claims"] == 26 and again.unchanged["evidence"] == 26
    assert dump(clean_db) == before


def test_unchanged_sources_are_skipped_and_full_rechecks(store: Store, tmp_path: Path) -> None:
    files = synthetic_files(tmp_path / "d", sources=3, claims_per_source=5, shared=2)
    store.load(load_corpus(files))
    # Edit one source: only it is processed; the others count as unchanged.
    write_fact_file(files[1], "source:synthetic-0001", [target("person:fictional-0001", "event:incident-000001",
                                                               "An edited report.")])
    summary = store.load(load_corpus(files))
    assert summary.unchanged["sources"] == 3  # the edited one keeps its title; its claims changed
    # The other two sources: 10 pieces of evidence; 2 of them share a claim with the edited source.
    assert summary.unchanged["evidence"] == 12
    # Its shared claim about incident 1 keeps a new quote; its 4 other claims lose it.
    assert summary.removed["evidence"] == 4 and summary.updated["evidence"] == 1
    assert_same_graph(build_graph(load_corpus(files)), store.read_graph())
    # Someone deletes evidence by hand: a digest cannot see that, a full load can.
    with store.driver.session() as s:
        s.run("MATCH (e:Evidence {source: 'source:synthetic-0002'}) WITH e LIMIT 1 DETACH DELETE e").consume()
    assert not store.load(load_corpus(files)).changed
    repaired = store.load(load_corpus(files), full=True)
    assert repaired.created["evidence"] == 1
    assert_same_graph(build_graph(load_corpus(files)), store.read_graph())


def test_schema_is_created_from_the_ontology(store: Store, clean_db: neo4j.Driver) -> None:
    store.ensure_schema()
    with clean_db.session() as s:
        names = {r["name"] for r in s.run("SHOW CONSTRAINTS YIELD name")}
        indexes = {r["name"] for r in s.run("SHOW INDEXES YIELD name")}
    assert {"entity_key", "person_key", "claim_id", "evidence_id", "participant_in_claim_id"} <= names
    assert {"evidence_source", "evidence_claim", "entity_name"} <= indexes
    assert len(names) == sum(1 for s in schema_statements() if s.startswith("CREATE CONSTRAINT"))


def test_committed_schema_file_matches_the_ontology() -> None:
    assert (ROOT / "queries" / "schema.cypher").read_text(encoding="utf-8") == render_schema(), (
        "queries/schema.cypher is stale: run `make schema`"
    )


def test_round_trip_equals_in_process_build(store: Store, tmp_path: Path) -> None:
    synthetic_files(tmp_path / "extra", sources=3, claims_per_source=8, shared=3)
    corpus = load_corpus([CRIMEA, tmp_path / "extra"])
    store.load(corpus)
    expected = build_graph(load_corpus([CRIMEA, tmp_path / "extra"]))
    actual = store.read_graph()
    assert_same_graph(expected, actual)
    # Evidence made it through: shared claims have three sources.
    multi = [d for _, _, d in actual.edges(data=True) if len(d.get("evidence", [])) == 3]
    assert len(multi) == 3


def test_same_fact_from_two_sources_is_one_relationship(store: Store, tmp_path: Path) -> None:
    a = write_fact_file(
        tmp_path / "a.json",
        "source:a",
        [target("person:ann", "event:arrest-1", "Ann was arrested.", date="2021-12")],
    )
    b = write_fact_file(
        tmp_path / "b.json",
        "source:b",
        [target("person:ann", "event:arrest-1", "Police detained Ann.", date="2022-01")],
    )
    store.load(load_corpus([a, b]))
    with store.driver.session() as s:
        rels = s.run("MATCH (:Person {key:'person:ann'})-[r:PARTICIPANT_IN]->() RETURN r").values()
        assert len(rels) == 1
        r = rels[0][0]
        assert r["sources"] == ["source:a", "source:b"]
        assert r["date"] == "2021-12" and r["disputed"] == ["date"]  # the contradiction stays visible
        ev = s.run(
            "MATCH (e:Evidence)-[:SUPPORTS]->(c:Claim {id: $id}) RETURN e.source AS s, e.date AS d ORDER BY s",
            id=r["claim_id"],
        ).values()
        assert ev == [["source:a", "2021-12"], ["source:b", "2022-01"]]


def test_reloading_an_edited_file_replaces_only_that_source(store: Store, tmp_path: Path) -> None:
    shared = target("person:ann", "event:arrest-1", "Ann was arrested.")
    only_a = target("person:bob", "event:search-2", "Bob's home was searched.")
    a = write_fact_file(tmp_path / "a.json", "source:a", [shared, only_a])
    b = write_fact_file(tmp_path / "b.json", "source:b", [dict(shared, quote="Ann is in custody.")])
    store.load(load_corpus([a, b]))

    # Source A drops both claims (and Bob): Ann's arrest survives on B's evidence alone.
    write_fact_file(
        tmp_path / "a.json", "source:a", [target("person:cem", "event:arrest-3", "Cem was detained.")]
    )
    summary = store.load(load_corpus([a]))
    assert summary.removed["evidence"] == 2
    assert summary.removed["claims"] == 1  # Bob's search, supported by nobody now
    assert summary.updated["claims"] == 1  # Ann's arrest lost a source
    assert summary.removed["entities"] == 2  # Bob and the search event: no source mentions them
    with store.driver.session() as s:
        r = s.run("MATCH (:Person {key:'person:ann'})-[r:PARTICIPANT_IN]->() RETURN r.sources AS s").single()
        assert r["s"] == ["source:b"]
        assert s.run("MATCH (n:Entity {key:'person:bob'}) RETURN n").single() is None
        quotes = s.run("MATCH (e:Evidence) RETURN e.quote AS q ORDER BY q").value()
        assert quotes == ["Ann is in custody.", "Cem was detained."]
    # And B goes too: nothing supports Ann's arrest any more.
    write_fact_file(
        tmp_path / "b.json", "source:b", [target("person:cem", "event:arrest-3", "Cem, arrested.")]
    )
    store.load(load_corpus([b]))
    with store.driver.session() as s:
        assert s.run("MATCH ()-[r:PARTICIPANT_IN]->() RETURN count(r) AS n").single()["n"] == 1
        assert s.run("MATCH (c:Claim) RETURN count(c) AS n").single()["n"] == 1
    expected = build_graph(load_corpus([a, b]))
    assert_same_graph(expected, store.read_graph())


def test_entities_merge_across_sources_and_stay_sensitive(store: Store, tmp_path: Path) -> None:
    ann = {
        "key": "person:ann",
        "label": "Person",
        "name": "Ann Velkarova",
        "aliases": ["Анн Велкарова"],
        "sensitive": True,
    }
    a = write_fact_file(tmp_path / "a.json", "source:a", [target("person:ann", "event:e1", "q1")], [ann])
    ann_b = {"key": "person:ann", "label": "Person", "name": "Ann Velkarov", "aliases": ["A. Velkarova"]}
    b = write_fact_file(tmp_path / "b.json", "source:b", [target("person:ann", "event:e2", "q2")], [ann_b])
    store.load(load_corpus([a]))
    store.load(load_corpus([b]))
    with store.driver.session() as s:
        n = s.run("MATCH (n:Person {key:'person:ann'}) RETURN n").single()["n"]
    assert n["name"] == "Ann Velkarova"
    assert n["aliases"] == ["Анн Велкарова", "Ann Velkarov", "A. Velkarova"]
    assert n["sensitive"] is True


def test_invalid_input_is_refused_whole(
    tmp_path: Path, neo4j_env: server.ServerInfo, clean_db: neo4j.Driver
) -> None:
    good = write_fact_file(tmp_path / "good.json", "source:good", [target("person:ann", "event:e1", "Ann.")])
    bad = tmp_path / "bad.json"
    write_fact_file(bad, "source:bad", [target("person:bob", "event:e2", "Bob.")])
    bad.write_text(bad.read_text().replace('"PARTICIPANT_IN"', '"PARTICIPATES"'))
    result = CliRunner().invoke(cli, ["load", str(good), str(bad)])
    assert result.exit_code == 1
    assert "unknown predicate 'PARTICIPATES'" in result.output
    assert result.output.strip().splitlines()[-1] == "Error: 1 problem in 1 file; nothing was loaded"
    with clean_db.session() as s:
        assert s.run("MATCH (n) RETURN count(n) AS n").single()["n"] == 0


def test_label_conflict_with_the_database_is_refused(store: Store, tmp_path: Path) -> None:
    """A key Neo4j holds under another label (say, after an ontology change) stops the load before any write."""
    a = write_fact_file(tmp_path / "a.json", "source:a", [target("person:ann", "event:e1", "Ann.")])
    store.load(load_corpus([a]))
    before = dump(store.driver)
    b = write_fact_file(tmp_path / "b.json", "source:b", [target("person:ann", "event:e2", "Ann again.")])
    corpus = load_corpus([b])
    corpus.entities["event:e2"].label = "LegalCase"
    corpus.entities["person:ann"].label = "Organisation"
    with pytest.raises(StoreError, match="'person:ann' is an Organisation in the files but a Person in Neo4j"):
        store.load(corpus)
    assert dump(store.driver) == before


def test_attribute_conflict_follows_the_one_merge_rule(store: Store, tmp_path: Path) -> None:
    """Conflicting attributes: refused between two files, and between a file and what other sources
    loaded into Neo4j (graph.model.merge_entity); a source's own edit of an attribute is applied."""
    person = {"key": "person:ann", "label": "Person", "name": "Ann"}
    a = write_fact_file(tmp_path / "a.json", "source:a", [target("person:ann", "event:e1", "Ann.")],
                        entities=[{**person, "attributes": {"position": "head"}}])
    b = write_fact_file(tmp_path / "b" / "b.json", "source:b", [target("person:ann", "event:e2", "Ann again.")],
                        entities=[{**person, "attributes": {"position": "deputy"}}])
    with pytest.raises(ValidationFailed, match="attribute 'position' of 'person:ann' is 'deputy' here but 'head'"):
        load_corpus([a, b])
    store.load(load_corpus([a]))
    before = dump(store.driver)
    with pytest.raises(StoreError, match="attribute 'position' of 'person:ann' is 'deputy' in the files but 'head' "
                                         r"in Neo4j \(from source:a\); nothing was loaded"):
        store.load(load_corpus([b]))
    assert dump(store.driver) == before
    # Source A alone states the attribute: its edit is the current value.
    write_fact_file(tmp_path / "a.json", "source:a", [target("person:ann", "event:e1", "Ann.")],
                    entities=[{**person, "attributes": {"position": "deputy"}}])
    store.load(load_corpus([a]))
    with store.driver.session() as s:
        assert s.run("MATCH (n:Person {key: 'person:ann'}) RETURN n.position AS p").single()["p"] == "deputy"
    store.load(load_corpus([b]))  # now agrees
    assert_same_graph(build_graph(load_corpus([a, b])), store.read_graph())


@pytest.mark.parametrize("phase", ["_load_entities", "_sync_mentions", "_write_claims"])
def test_a_failed_load_leaves_nothing_of_a_new_source(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, phase: str
) -> None:
    """A load that fails part-way (here a fault injected into one of its phases) takes back what
    it wrote for sources Neo4j did not hold: no orphan Source, evidence, claim or entity."""
    from graph.db.load import Loader

    a = write_fact_file(tmp_path / "a.json", "source:a", [target("person:ann", "event:e1", "Ann.")])
    store.load(load_corpus([a]))
    before = dump(store.driver)
    b = write_fact_file(tmp_path / "b.json", "source:b", [
        target("person:ann", "event:e1", "Ann, again."),  # evidence on a claim A holds
        target("person:bob", "event:e2", "Bob."),  # a claim and entities only B has
    ])
    original = getattr(Loader, phase)
    failed: list[bool] = []

    def failing(self: Loader, tx: Any, *args: Any, **kwargs: Any) -> Any:
        out = original(self, tx, *args, **kwargs)
        if not failed:  # the writes happen, then this one transaction fails
            failed.append(True)
            raise StoreError("injected failure")
        return out

    monkeypatch.setattr(Loader, phase, failing)
    with pytest.raises(StoreError, match="injected failure"):
        store.load(load_corpus([b]), workers=1)
    monkeypatch.undo()
    assert dump(store.driver) == before
    store.load(load_corpus([b]))  # and the rerun loads it whole
    assert_same_graph(build_graph(load_corpus([a, b])), store.read_graph())


# -- provenance queries from the README ------------------------------------------------------
def test_provenance_queries(store: Store) -> None:
    store.load(load_corpus([CRIMEA]))
    with store.driver.session() as s:
        rows = s.run(
            """
            MATCH (a:Entity {key: $a})-[r]->(b:Entity {key: $b})
            MATCH (c:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)-[:CITES]->(src:Source)
            OPTIONAL MATCH (e)-[:ASSERTED_BY]->(speaker)
            RETURN type(r) AS type, src.url AS url, e.quote AS quote, e.date AS date, speaker.name AS speaker
            """,
            a="person:kurtumer-chalgozov",
            b="event:chalgozov-arrest-2021-12",
        ).data()
        assert rows == [
            {
                "type": "PARTICIPANT_IN",
                "url": "https://empr.media/news/occupied-crimea/russian-fsb-attempts-to-create-an-agent-network-among-the-crimean-tatars/",
                "quote": "in December 2021, had been arrested in his own house in the occupied Crimea",
                "date": "2021-12",
                "speaker": None,
            }
        ]
        asserted = s.run(
            """
            MATCH (p:Entity {key: $key})<-[:ASSERTED_BY]-(e:Evidence)-[:SUPPORTS]->(c:Claim)
            RETURN c.subject AS subject, c.predicate AS predicate, c.object AS object, e.quote AS quote
            ORDER BY subject
            """,
            key="person:refat-chubarov",
        ).data()
        assert [(r["subject"], r["predicate"], r["object"]) for r in asserted] == [
            ("org:fsb", "PARTICIPANT_IN", "event:fsb-recruitment-of-crimean-tatars"),
            (
                "org:russian-occupation-authorities",
                "PARTICIPANT_IN",
                "event:fsb-recruitment-of-crimean-tatars",
            ),
        ]


# -- reading back ---------------------------------------------------------------------------
def test_neighbourhood_read_back(store: Store) -> None:
    store.load(load_corpus([CRIMEA]))
    g0 = store.read_neighbourhood("person:nikolai-polozov", depth=0)
    assert list(g0.nodes) == ["person:nikolai-polozov"]
    g1 = store.read_neighbourhood("person:nikolai-polozov", depth=1)
    assert set(g1.nodes) == {
        "person:nikolai-polozov",
        "person:nariman-dzhelyal",
        "case:dzhelyal-sabotage",
        "event:polozov-comment-on-impunity",
    }
    full = build_graph(load_corpus([CRIMEA]))
    # Same attributes as the in-process build, evidence included.
    for u, v, k, d in g1.edges(keys=True, data=True):
        assert full.get_edge_data(u, v, k) == d
    assert g1.nodes["person:nariman-dzhelyal"] == full.nodes["person:nariman-dzhelyal"]
    g2 = store.read_neighbourhood("person:nikolai-polozov", depth=2)
    assert "event:ametov-arrest" in g2  # via the linked case
    with pytest.raises(StoreError, match="no entity 'person:nobody' in Neo4j"):
        store.read_neighbourhood("person:nobody")
    # A name or alias in any script finds the focus; a shared first name is ambiguous.
    assert set(store.read_neighbourhood("Николай Полозов", depth=1).nodes) == set(g1.nodes)
    assert set(store.read_neighbourhood("polozov", depth=1).nodes) == set(g1.nodes)
    with pytest.raises(CasegraphError, match="'Nariman' is ambiguous: .*person:nariman-ametov.*person:nariman-dzhelyal"):
        store.read_neighbourhood("Nariman")
    with pytest.raises(StoreError, match="no entity 'Polozoff' in Neo4j; closest: .*Polozov"):
        store.read_neighbourhood("Polozoff")


def test_cypher_read_back_and_write_refused(store: Store) -> None:
    store.load(load_corpus([CRIMEA]))
    g = store.read_cypher(
        "MATCH p = (a:Person)-[:LEADS]->(o:Organisation) WHERE a.name STARTS WITH $n RETURN p", {"n": "Refat"}
    )
    assert set(g.nodes) == {"person:refat-chubarov", "org:mejlis"}
    ((u, v, d),) = g.edges(data=True)
    assert d["role"] == "head" and d["evidence"][0]["source"] == "source:empr-2022-fsb-agent-network"
    with pytest.raises(StoreError, match="read-only"):
        store.read_cypher("CREATE (n:Person {key: 'person:x'}) RETURN n")
    with pytest.raises(StoreError, match="Cypher syntax error"):
        store.read_cypher("MATCH (n RETURN n")


def test_cli_load_and_stats_from_neo4j(neo4j_env: server.ServerInfo, clean_db: neo4j.Driver) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["load", "--format", "json", str(CRIMEA)])
    assert first.exit_code == 0, first.output
    data = json.loads(first.output)
    assert data["created"]["claims"] == 26 and data["uri"] == neo4j_env.bolt_uri
    second = json.loads(runner.invoke(cli, ["load", "--format", "json", str(CRIMEA)]).output)
    assert second["created"] == {k: 0 for k in second["created"]}
    from_db = json.loads(runner.invoke(cli, ["stats", "--from", "neo4j", "--format", "json"]).output)
    from_files = json.loads(runner.invoke(cli, ["stats", str(CRIMEA), "--format", "json"]).output)
    assert from_db == from_files
    focus = json.loads(
        runner.invoke(
            cli, ["stats", "--from", "neo4j", "--focus", "person:refat-chubarov", "--format", "json"]
        ).output
    )
    assert focus["labels"] == {"Event": 1, "Organisation": 1, "Person": 1}
    table = runner.invoke(cli, ["load", str(CRIMEA)])
    assert "unchanged" in table.output and neo4j_env.password() not in table.output


def test_routing_uri_works_unchanged(
    neo4j_env: server.ServerInfo, clean_db: neo4j.Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A neo4j:// URI (what clusters and Aura's neo4j+s:// use) loads and reads back the same."""
    routing = neo4j_env.bolt_uri.replace("bolt://", "neo4j://", 1)
    monkeypatch.setenv("NEO4J_URI", routing)
    runner = CliRunner()
    first = runner.invoke(cli, ["load", "--format", "json", str(CRIMEA)])
    assert first.exit_code == 0, first.output
    data = json.loads(first.output)
    assert data["uri"] == routing and data["created"]["claims"] == 26
    from_db = json.loads(runner.invoke(cli, ["stats", "--from", "neo4j", "--format", "json"]).output)
    from_files = json.loads(runner.invoke(cli, ["stats", str(CRIMEA), "--format", "json"]).output)
    assert from_db == from_files


# -- faults ------------------------------------------------------------------------------
def test_unreachable_server_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    port = server.free_port()
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{port}")
    monkeypatch.setenv("NEO4J_PASSWORD", "not-a-real-secret-xyz")
    result = CliRunner().invoke(cli, ["load", str(CRIMEA)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot reach Neo4j at bolt://127.0.0.1:{port}")
    assert len(result.output.strip().splitlines()) == 1
    assert "not-a-real-secret-xyz" not in result.output


def test_wrong_password_is_one_line(neo4j_server: server.ServerInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_server.bolt_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong-password-123")
    result = CliRunner().invoke(cli, ["stats", "--from", "neo4j"])
    assert result.exit_code == 1
    assert result.output == f"Error: Neo4j at {neo4j_server.bolt_uri} refused the user name or password\n"


def test_bad_uri_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "http://127.0.0.1:7474")
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    result = CliRunner().invoke(cli, ["stats", "--from", "neo4j"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: bad Neo4j URI 'http://127.0.0.1:7474'")


def test_concurrent_overlapping_loads_leave_no_duplicates(
    store: Store, tmp_path: Path, neo4j_server: server.ServerInfo
) -> None:
    files = synthetic_files(tmp_path / "c", sources=6, claims_per_source=150, shared=60)
    first, second = load_corpus(files[:4]), load_corpus(files[2:])
    errors: list[BaseException] = []

    def run(corpus: Any) -> None:
        try:
            with Store.connect(store.uri, neo4j_server.username, neo4j_server.password()) as st:
                st.load(corpus, chunk_size=40)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.driver.session() as s:
        for label, prop in (("Entity", "key"), ("Claim", "id"), ("Evidence", "id"), ("Source", "key")):
            n, distinct = s.run(
                f"MATCH (n:{label}) RETURN count(n) AS n, count(DISTINCT n.{prop}) AS d"
            ).single()
            assert n == distinct, label
        n, distinct = s.run(
            "MATCH ()-[r:PARTICIPANT_IN]->() RETURN count(r), count(DISTINCT r.claim_id)"
        ).single()
        assert n == distinct
        n, distinct = s.run(
            "MATCH (s)-[m:MENTIONS]->(e) RETURN count(m), count(DISTINCT [s.key, e.key])"
        ).single()
        assert n == distinct
    assert_same_graph(build_graph(load_corpus(files)), store.read_graph())


def test_claims_created_meanwhile_are_redone_with_locks(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims taken for new (and so written without locks) that exist after all: the chunk is redone."""
    import graph.db.load as store_module

    files = synthetic_files(tmp_path / "r", sources=3, claims_per_source=10, shared=4)
    store.load(load_corpus(files[:2]))
    # As if another load created every claim just after this one looked for them.
    monkeypatch.setattr(store_module, "_missing_claims", lambda tx, ids: frozenset(ids))
    calls: list[bool] = []
    original = Loader._write_claims

    def spy(self: Loader, tx: Any, *args: Any, fresh: frozenset[str] = frozenset(), **kwargs: Any) -> Any:
        calls.append(bool(fresh))
        return original(self, tx, *args, fresh=fresh, **kwargs)

    monkeypatch.setattr(Loader, "_write_claims", spy)
    summary = store.load(load_corpus(files), chunk_size=8, workers=1)
    assert calls and calls[0] is True and False in calls  # tried without locks, then redone with them
    assert summary.created["claims"] == 6 and summary.created["evidence"] == 10
    assert summary.updated["claims"] == 4  # the 4 shared facts gain the third source
    assert_same_graph(build_graph(load_corpus(files)), store.read_graph())
    with store.driver.session() as s:
        n, distinct = s.run("MATCH ()-[r:PARTICIPANT_IN]->() RETURN count(r), count(DISTINCT r.claim_id)").single()
        assert n == distinct
        n, distinct = s.run("MATCH (c:Claim) RETURN count(c), count(DISTINCT c.id)").single()
        assert n == distinct


def test_a_concurrent_load_keeps_names_and_protection(store: Store, tmp_path: Path) -> None:
    """Two loads writing one person at once: neither loses the other's names or its `sensitive` flag."""
    person = {"key": "person:fictional-witness", "label": "Person", "name": "Fictional Witness"}
    a = write_fact_file(tmp_path / "a.json", "source:a", [target(person["key"], "event:incident-a", "Detained.")],
                        entities=[{**person, "aliases": ["Witness A"], "sensitive": True}])
    b = write_fact_file(tmp_path / "b.json", "source:b", [target(person["key"], "event:incident-b", "Questioned.")],
                        entities=[{**person, "aliases": ["Witness B"]}])
    c = write_fact_file(tmp_path / "c.json", "source:c", [target(person["key"], "event:incident-c", "Seen.")],
                        entities=[person])
    store.load(load_corpus([c]))  # the person is in Neo4j already
    corpus_a = load_corpus([a])
    # Load A writes the person and holds its transaction open ...
    with store.driver.session() as session:
        tx = session.begin_transaction()
        Loader(store)._load_entities(tx, corpus_a, [person["key"]])  # type: ignore[arg-type]
        errors: list[BaseException] = []

        def load_b() -> None:
            try:
                store.load(load_corpus([b]))
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        # ... while load B writes the same person: A commits once B waits for A's lock.
        other = threading.Thread(target=load_b)
        other.start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and other.is_alive():
            with store.driver.session() as watcher:
                statuses = [r["status"] for r in watcher.run("SHOW TRANSACTIONS YIELD status")]
            if any(st.startswith("Blocked") for st in statuses):
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"load B never waited for load A's lock (errors: {errors})")
        tx.commit()
    other.join(120)
    assert not other.is_alive() and errors == []
    with store.driver.session() as s:
        node = s.run("MATCH (n:Person {key: $k}) RETURN properties(n) AS p", k=person["key"]).single()["p"]
    assert node["sensitive"] is True
    assert set(node["aliases"]) == {"Witness A", "Witness B"}


@pytest.mark.neo4j
def test_server_killed_mid_load_then_rerun_completes(tmp_path: Path) -> None:
    """Kill the server for real during a load; after a restart, re-running completes exactly."""
    settings = make_settings(tmp_path / "home")
    files = synthetic_files(tmp_path / "k", sources=10, claims_per_source=100, shared=20)
    corpus = load_corpus(files)
    info = server.start(settings)
    try:
        outcome: list[BaseException | None] = []

        def run() -> None:
            try:
                # The default retry window (60 s): a server that is gone must not be waited for.
                with Store.connect(info.bolt_uri, info.username, info.password()) as st:
                    st.load(corpus, chunk_size=20)
                outcome.append(None)
            except BaseException as exc:  # noqa: BLE001 - asserted below
                outcome.append(exc)

        loader = threading.Thread(target=run)
        loader.start()
        # Wait until some, but not all, claims are committed, then kill -9 the server.
        with neo4j.GraphDatabase.driver(info.bolt_uri, auth=(info.username, info.password())) as drv:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    n = drv.execute_query("MATCH (c:Claim) RETURN count(c) AS n").records[0]["n"]
                except neo4j.exceptions.Neo4jError:
                    n = 0
                if n >= 100:
                    break
                time.sleep(0.05)
        assert server.kill(settings)
        loader.join(timeout=30)  # well inside the 60 s retry window
        assert not loader.is_alive()
        assert isinstance(outcome[0], StoreError), outcome
        assert len(str(outcome[0]).splitlines()) == 1
        assert "went away" in str(outcome[0]) and "rerunning the load is safe" in str(outcome[0])

        info = server.start(settings)
        with Store.connect(info.bolt_uri, info.username, info.password()) as st:
            partial = st.counts().get("Evidence", 0)
            assert 0 < partial < sum(len(c.evidence) for c in corpus.claims.values())
            st.load(corpus)
            assert_same_graph(build_graph(load_corpus(files)), st.read_graph())
            again = st.load(corpus)
            assert not again.changed
    finally:
        server.stop(settings)
