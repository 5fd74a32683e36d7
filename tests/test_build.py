"""build_graph and graph_stats: the in-process graph every later step consumes.

Expectations are counted from the fixtures themselves (by hand for the two-file
corpus below, by reading the raw YAML for the example corpus), never from the code
under test.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import yaml

from graph.build import MENTIONS, build_graph, graph_stats, summarise_evidence
from graph.model import claim_id
from loaders.facts import load_corpus

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_FILE = REPO / "examples" / "crimea" / "empr-2022-fsb-agent-network.yaml"

FILE_A = """\
source:
  key: source:a
  title: Article A
  publisher: EMPR
  url: https://example.org/a
  published: 2022-01-10
  language: en
entities:
  - {key: "person:x", label: Person, name: Person X, aliases: [X]}
  - {key: "org:y", label: Organisation, name: Agency Y, attributes: {kind: agency, country: RU}}
  - {key: "event:e", label: Event, name: Arrest of X, attributes: {kind: arrest}}
claims:
  - subject: person:x
    predicate: PARTICIPANT_IN
    object: event:e
    role: target
    date: 2021-12
    quote: X was arrested in December 2021
  - subject: person:x
    predicate: MEMBER_OF
    object: org:y
    role: member
    start: 2020
    quote: X, a member of Y since 2020
"""

FILE_B = """\
source:
  key: source:b
  title: Article B
entities:
  - {key: "person:x", label: Person, name: Person X, sensitive: true}
  - {key: "org:y", label: Organisation, name: Agency Y}
  - {key: "event:e", label: Event, name: Arrest of X}
claims:
  # Same claim as in A, but B dates it a month later: one edge, two evidence, disputed.
  - subject: person:x
    predicate: PARTICIPANT_IN
    object: event:e
    role: target
    date: 2022-01
    asserted_by: person:x
    confidence: 0.8
    quote: I was detained in January 2022
  # Same claim as in A, same start: agreement, not disputed.
  - subject: person:x
    predicate: MEMBER_OF
    object: org:y
    role: member
    start: "2020"
    quote: member of Y from 2020
  # Another role: another claim between the same two nodes.
  - subject: person:x
    predicate: MEMBER_OF
    object: org:y
    role: head
    quote: X heads Y
  - subject: org:y
    predicate: PARTICIPANT_IN
    object: event:e
    role: perpetrator
    quote: Y arrested X
"""

ARREST = claim_id("person:x", "PARTICIPANT_IN", "event:e", {"role": "target"})
MEMBER = claim_id("person:x", "MEMBER_OF", "org:y", {"role": "member"})
HEAD = claim_id("person:x", "MEMBER_OF", "org:y", {"role": "head"})
PERPETRATOR = claim_id("org:y", "PARTICIPANT_IN", "event:e", {"role": "perpetrator"})


@pytest.fixture()
def two_file_graph(tmp_path: Path) -> nx.MultiDiGraph:
    (tmp_path / "a.yaml").write_text(FILE_A, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(FILE_B, encoding="utf-8")
    return build_graph(load_corpus([tmp_path]))


def _claim_edges(g: nx.MultiDiGraph) -> dict[str, tuple[str, str, dict]]:
    return {k: (u, v, d) for u, v, k, d in g.edges(keys=True, data=True) if d["type"] != MENTIONS}


def test_a_node_per_entity_and_per_source(two_file_graph: nx.MultiDiGraph) -> None:
    g = two_file_graph
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == {"source:a", "source:b", "person:x", "org:y", "event:e"}
    assert g.nodes["source:a"] == {
        "node_kind": "source",
        "label": "Source",
        "name": "Article A",
        "title": "Article A",
        "publisher": "EMPR",
        "url": "https://example.org/a",
        "published": "2022-01-10",
        "language": "en",
    }
    assert g.nodes["source:b"] == {
        "node_kind": "source",
        "label": "Source",
        "name": "Article B",
        "title": "Article B",
    }
    assert g.nodes["person:x"] == {
        "node_kind": "entity",
        "label": "Person",
        "name": "Person X",
        "aliases": ["X"],
        "sensitive": True,
        "generic": False,
        "sources": ["source:a", "source:b"],
    }
    y = g.nodes["org:y"]
    assert (y["label"], y["name"], y["country"], y["sources"]) == (
        "Organisation",
        "Agency Y",
        "RU",
        ["source:a", "source:b"],
    )
    assert g.nodes["event:e"]["label"] == "Event"


def test_entity_core_fields_are_not_overwritten_by_attributes(two_file_graph: nx.MultiDiGraph) -> None:
    # Entity nodes are marked node_kind="entity" and source nodes node_kind="source"; the
    # ontology's own `kind` attribute (Organisation, Event, Location) sits beside the marker.
    g = two_file_graph
    for key in ("person:x", "org:y", "event:e"):
        assert g.nodes[key]["node_kind"] == "entity", key
    assert g.nodes["org:y"]["kind"] == "agency"
    assert g.nodes["event:e"]["kind"] == "arrest"


def test_mentions_edges(two_file_graph: nx.MultiDiGraph) -> None:
    g = two_file_graph
    mentions = sorted((u, v) for u, v, d in g.edges(data=True) if d["type"] == MENTIONS)
    assert mentions == [
        ("source:a", "event:e"),
        ("source:a", "org:y"),
        ("source:a", "person:x"),
        ("source:b", "event:e"),
        ("source:b", "org:y"),
        ("source:b", "person:x"),
    ]
    for u, v, d in g.edges(data=True):
        if d["type"] == MENTIONS:
            assert g.nodes[u]["label"] == "Source" and g.nodes[v]["label"] != "Source"


def test_one_edge_per_claim_keyed_by_claim_id(two_file_graph: nx.MultiDiGraph) -> None:
    edges = _claim_edges(two_file_graph)
    assert set(edges) == {ARREST, MEMBER, HEAD, PERPETRATOR}
    assert {k: (u, v, d["type"]) for k, (u, v, d) in edges.items()} == {
        ARREST: ("person:x", "event:e", "PARTICIPANT_IN"),
        MEMBER: ("person:x", "org:y", "MEMBER_OF"),
        HEAD: ("person:x", "org:y", "MEMBER_OF"),
        PERPETRATOR: ("org:y", "event:e", "PARTICIPANT_IN"),
    }
    # Two claims between the same pair of nodes stay two parallel edges.
    assert two_file_graph.number_of_edges("person:x", "org:y") == 2
    for key, (_u, _v, data) in edges.items():
        assert data["claim_id"] == key


def test_disputed_date_keeps_both_evidence_and_the_earliest_value(two_file_graph: nx.MultiDiGraph) -> None:
    data = two_file_graph.edges["person:x", "event:e", ARREST]
    assert data == {
        "type": "PARTICIPANT_IN",
        "claim_id": ARREST,
        "role": "target",
        "date": "2021-12",
        "disputed": ["date"],
        "sources": ["source:a", "source:b"],
        "evidence": [
            {"source": "source:a", "quote": "X was arrested in December 2021", "date": "2021-12"},
            {
                "source": "source:b",
                "quote": "I was detained in January 2022",
                "asserted_by": "person:x",
                "confidence": 0.8,
                "date": "2022-01",
            },
        ],
    }


def test_agreeing_sources_are_not_disputed(two_file_graph: nx.MultiDiGraph) -> None:
    data = two_file_graph.edges["person:x", "org:y", MEMBER]
    assert data["role"] == "member"
    assert data["start"] == "2020"
    assert "disputed" not in data
    assert data["sources"] == ["source:a", "source:b"]
    assert [ev["quote"] for ev in data["evidence"]] == [
        "X, a member of Y since 2020",
        "member of Y from 2020",
    ]
    head = two_file_graph.edges["person:x", "org:y", HEAD]
    assert head["role"] == "head"
    assert head["sources"] == ["source:b"]
    assert [ev["quote"] for ev in head["evidence"]] == ["X heads Y"]
    assert "start" not in head and "disputed" not in head


def test_graph_stats_of_two_file_corpus(two_file_graph: nx.MultiDiGraph) -> None:
    # By hand: 2 sources + 3 entities; 6 MENTIONS (each file declares all three);
    # 4 claims (arrest x2 evidence, member x2, head x1, perpetrator x1) = 6 evidence;
    # person:x is sensitive; only the arrest date is disputed.
    assert graph_stats(two_file_graph) == {
        "nodes": 5,
        "relationships": 10,
        "claims": 4,
        "evidence": 6,
        "sources": 2,
        "sensitive": 1,
        "disputed": 1,
        "labels": {"Event": 1, "Organisation": 1, "Person": 1, "Source": 2},
        "types": {"MEMBER_OF": 2, "MENTIONS": 6, "PARTICIPANT_IN": 2},
    }


def test_build_is_independent_of_file_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(FILE_A, encoding="utf-8")
    b.write_text(FILE_B, encoding="utf-8")
    g1, g2 = build_graph(load_corpus([a, b])), build_graph(load_corpus([b, a]))
    assert sorted(g1.edges(keys=True)) == sorted(g2.edges(keys=True))
    assert g1.edges["person:x", "event:e", ARREST] == g2.edges["person:x", "event:e", ARREST]


def test_summarise_evidence() -> None:
    assert summarise_evidence([]) == {}
    assert summarise_evidence([{"source": "s", "quote": "q"}]) == {}
    assert summarise_evidence([{"date": "2021-12"}, {"date": "2021-12"}]) == {"date": "2021-12"}
    # A source that gives no date does not contradict one that does.
    assert summarise_evidence([{"date": "2021-12"}, {"source": "s"}]) == {"date": "2021-12"}
    assert summarise_evidence([{"date": "2022"}, {"date": "2021-12-31"}]) == {
        "date": "2021-12-31",
        "disputed": ["date"],
    }
    assert summarise_evidence([{"start": "2020", "end": "2021"}, {"start": "2019", "end": "2021"}]) == {
        "end": "2021",
        "start": "2019",
        "disputed": ["start"],
    }


# --- the example corpus, with expectations counted from the raw YAML


@pytest.fixture(scope="module")
def raw_example() -> dict:
    return yaml.safe_load(EXAMPLE_FILE.read_text(encoding="utf-8"))


def test_example_graph(raw_example: dict) -> None:
    g = build_graph(load_corpus([EXAMPLE_FILE]))
    source = raw_example["source"]["key"]
    entity_keys = {e["key"] for e in raw_example["entities"]}
    assert set(g.nodes) == entity_keys | {source}
    assert g.nodes[source]["label"] == "Source"
    mentions = {(u, v) for u, v, d in g.edges(data=True) if d["type"] == MENTIONS}
    assert mentions == {(source, key) for key in entity_keys}
    claim_edges = [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] != MENTIONS]
    assert sorted((u, d["type"], v) for u, v, d in claim_edges) == sorted(
        (c["subject"], c["predicate"], c["object"]) for c in raw_example["claims"]
    )
    for _u, _v, d in claim_edges:
        assert d["sources"] == [source]
        assert len(d["evidence"]) == 1
    # Key qualifiers end up on the edge.
    leads = {d["role"] for u, v, d in claim_edges if d["type"] == "LEADS"}
    assert leads == {c["role"] for c in raw_example["claims"] if c["predicate"] == "LEADS"}


def test_example_graph_stats(raw_example: dict) -> None:
    entities, claims = raw_example["entities"], raw_example["claims"]
    labels = Counter(e["label"] for e in entities)
    labels["Source"] = 1
    types = Counter(c["predicate"] for c in claims)
    types["MENTIONS"] = len(entities)
    stats = graph_stats(build_graph(load_corpus([EXAMPLE_FILE])))
    assert stats == {
        "nodes": len(entities) + 1,
        "relationships": len(entities) + len(claims),
        "claims": len(claims),
        "evidence": len(claims),
        "sources": 1,
        "sensitive": sum(1 for e in entities if e.get("sensitive")),
        "disputed": 0,
        "labels": dict(sorted(labels.items())),
        "types": dict(sorted(types.items())),
    }
    assert stats["sensitive"] == 2
