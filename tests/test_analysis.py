"""Network analysis: measures with known answers, projections, connect with evidence, reports, Neo4j parity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.analysis import analyze, betweenness, communities, connect, degree_ranking, entity_graph, project
from graph.analysis.measures import betweenness_error_bound
from graph.analysis.report import analysis_markdown, write_report
from graph.build import build_graph
from graph.db import server
from graph.db.store import Store
from graph.errors import CasegraphError
from graph.redact import exit_graph, sensitive_strings
from graph.resolve import ResolveError
from loaders.facts import load_corpus

ROOT = Path(__file__).resolve().parents[1]
CRIMEA = ROOT / "examples" / "crimea"
CHALGOZOV, POLOZOV = "person:kurtumer-chalgozov", "person:nikolai-polozov"
CASE = "case:dzhelyal-sabotage"


# -- helpers -------------------------------------------------------------------------
def crimea() -> nx.MultiDiGraph:
    return build_graph(load_corpus([CRIMEA]))


def hand_graph(claims: list[tuple[str, str, str, list[dict[str, Any]]]], generic: tuple[str, ...] = (),
               sensitive: tuple[str, ...] = (), names: dict[str, str] | None = None,
               **qualifiers: dict[str, Any]) -> nx.MultiDiGraph:
    """A casegraph-shaped graph from (subject, predicate, object, evidence) tuples; labels from key prefixes."""
    labels = {"person": "Person", "org": "Organisation", "case": "LegalCase", "event": "Event", "place": "Location"}
    g = nx.MultiDiGraph()
    for s, _, o, evidence in claims:
        for key in (s, o):
            if key not in g:
                g.add_node(key, node_kind="entity", label=labels[key.split(":")[0]],
                           name=(names or {}).get(key, key.split(":")[1].title()), aliases=[],
                           generic=key in generic, sensitive=key in sensitive)
        for ev in evidence:
            if ev["source"] not in g:
                g.add_node(ev["source"], node_kind="source", label="Source", name=f"Title of {ev['source']}")
    for i, (s, p, o, evidence) in enumerate(claims):
        cid = f"c{i}"
        g.add_edge(s, o, key=cid, type=p, claim_id=cid, sources=sorted({e["source"] for e in evidence}),
                   evidence=evidence, **qualifiers.get(cid, {}))
    return g


def ev(source: str = "source:a", quote: str = "q", **extra: Any) -> list[dict[str, Any]]:
    return [{"source": source, "quote": quote, **extra}]


def two_triangles() -> nx.MultiDiGraph:
    """Two triangles of people joined through one broker: a1-a2-a3, b1-b2-b3, a1-broker-b1."""
    claims = []
    for side in "ab":
        for x, y in (("1", "2"), ("2", "3"), ("1", "3")):
            claims.append((f"person:{side}{x}", "RELATIVE_OF", f"person:{side}{y}", ev()))
    claims += [("person:a1", "RELATIVE_OF", "person:broker", ev()), ("person:broker", "RELATIVE_OF", "person:b1", ev())]
    return hand_graph(claims)


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


# -- the entity graph and its weights ------------------------------------------------
def test_entity_graph_drops_sources_and_weighs_by_independent_sources() -> None:
    g = hand_graph([
        ("person:a", "MEMBER_OF", "org:x", ev("source:1") + ev("source:1", "again") + ev("source:2")),
        ("person:a", "LEADS", "org:x", ev("source:3")),
        ("person:b", "MEMBER_OF", "org:x", ev("source:1")),
    ])
    e = entity_graph(g)
    assert sorted(e.nodes) == ["org:x", "person:a", "person:b"]
    # Three sources behind the two claims between a and x; one quote twice in source:1 counts once.
    assert e.edges["person:a", "org:x"]["weight"] == 3
    assert e.edges["person:b", "org:x"]["weight"] == 1
    assert [c[3] for c in e.edges["person:a", "org:x"]["claims"]] == ["MEMBER_OF", "LEADS"]
    ranks = degree_ranking(e)
    assert [(r["key"], r["degree"], r["strength"]) for r in ranks] == [
        ("org:x", 2, 4), ("person:a", 1, 3), ("person:b", 1, 1)]


def test_broker_ranks_first_by_betweenness_and_triangles_are_communities() -> None:
    e = entity_graph(two_triangles())
    b = betweenness(e)
    assert b["method"] == "exact" and b["error_bound"] == 0.0
    assert [r["key"] for r in b["ranking"][:3]] == ["person:broker", "person:a1", "person:b1"]
    # The exact values agree with NetworkX's normalised betweenness.
    expected = nx.betweenness_centrality(e)
    assert {r["key"]: pytest.approx(r["betweenness"]) for r in b["ranking"]} == expected
    found = communities(e, seed=1)
    groups = [set(gr) for gr in found["groups"]]
    assert {"person:a2", "person:a3", "person:a1"} <= max(groups, key=lambda gr: "person:a2" in gr)
    assert not any({"person:a2", "person:b2"} <= gr for gr in groups)
    assert found["modularity"] > 0.3


def test_communities_repeat_with_a_seed() -> None:
    h = nx.relabel_nodes(nx.karate_club_graph(), lambda n: f"person:p{n:02d}")
    nx.set_edge_attributes(h, 1, "weight")
    for algorithm in ("leiden", "louvain"):
        runs = [communities(h, seed=7, algorithm=algorithm)["groups"] for _ in range(3)]
        assert runs[0] == runs[1] == runs[2]
        assert sum(len(gr) for gr in runs[0]) == 34 and len(runs[0]) >= 2


def test_sampled_betweenness_stays_within_its_error_bound() -> None:
    h = nx.relabel_nodes(nx.connected_watts_strogatz_graph(300, 4, 0.1, seed=3), lambda n: f"person:p{n:03d}")
    exact = nx.betweenness_centrality(h)
    sampled = betweenness(h, pivots=60, seed=5)
    assert sampled["method"] == "sampled" and sampled["pivots"] == 60 and sampled["seed"] == 5
    bound = sampled["error_bound"]
    assert bound == pytest.approx(betweenness_error_bound(300, 60)) and 0 < bound < 1
    assert all(abs(r["betweenness"] - exact[r["key"]]) <= bound for r in sampled["ranking"])
    # Seeded: the same sample twice; all pivots is exact.
    assert betweenness(h, pivots=60, seed=5)["ranking"] == sampled["ranking"]
    full = betweenness(h, pivots=300)
    assert full["method"] == "exact"
    assert all(r["betweenness"] == pytest.approx(exact[r["key"]]) for r in full["ranking"])


# -- projections ---------------------------------------------------------------------
def projection_graph() -> nx.MultiDiGraph:
    return hand_graph([
        ("person:d1", "DEFENDANT_IN", "case:one", ev()),
        ("person:d2", "DEFENDANT_IN", "case:one", ev()),
        ("person:d2", "ACCUSED_OF", "case:two", ev()),
        ("person:d3", "DEFENDANT_IN", "case:two", ev()),
        ("person:lawyer1", "DEFENDS", "person:d1", ev()),
        ("person:lawyer2", "DEFENDS", "person:d1", ev()),
        ("person:lawyer3", "DEFENDS", "person:d3", ev()),
        ("person:lawyer2", "COUNSEL_IN", "case:two", ev()),
        ("person:m1", "MEMBER_OF", "org:party", ev()),
        ("person:m2", "LEADS", "org:party", ev()),
        ("person:m3", "WORKS_FOR", "org:agency", ev()),
        ("person:d1", "PARTICIPANT_IN", "event:protest", ev()),
        ("org:occupiers", "PARTICIPANT_IN", "event:protest", ev()),
        ("org:occupiers", "PARTICIPANT_IN", "event:search", ev()),
        ("person:d3", "PARTICIPANT_IN", "event:search", ev()),
        ("person:m1", "STATES", "event:statement", ev()),
    ], generic=("org:occupiers",), c6={"case": "case:two"})


def edges(p: nx.Graph) -> dict[tuple[str, str], list[str]]:
    return {(u, v) if u < v else (v, u): d["via"] for u, v, d in p.edges(data=True)}


def test_projections_link_actors_through_what_they_share() -> None:
    g = projection_graph()
    e = entity_graph(g)
    assert edges(project(e, "co-defendants")) == {("person:d1", "person:d2"): ["case:one"],
                                                  ("person:d2", "person:d3"): ["case:two"]}
    # lawyer1 and lawyer2 share the client d1; lawyer2 and lawyer3: lawyer3's DEFENDS names case two,
    # where lawyer2 is counsel.
    assert edges(project(e, "shared-defence", g)) == {("person:lawyer1", "person:lawyer2"): ["person:d1"],
                                                      ("person:lawyer2", "person:lawyer3"): ["case:two"]}
    # Without the MultiDiGraph the DEFENDS qualifier is not read.
    assert edges(project(e, "shared-defence")) == {("person:lawyer1", "person:lawyer2"): ["person:d1"]}
    assert edges(project(e, "co-membership")) == {("person:m1", "person:m2"): ["org:party"]}
    shared = project(e, "shared-events")
    assert edges(shared) == {("org:occupiers", "person:d1"): ["event:protest"],
                             ("org:occupiers", "person:d3"): ["event:search"]}
    assert "person:m1" in shared and shared.degree("person:m1") == 0
    with pytest.raises(CasegraphError, match="unknown projection 'nope'"):
        project(e, "nope")


def test_exclude_generic_removes_the_fake_hub() -> None:
    g = projection_graph()
    with_hub = analyze(g, projection="shared-events")
    assert with_hub["degree"][0]["key"] == "org:occupiers"
    assert with_hub["betweenness"]["ranking"][0]["key"] == "org:occupiers"
    without = analyze(g, projection="shared-events", exclude_generic=True)
    assert "org:occupiers" not in {r["key"] for r in without["degree"]}
    assert without["graph"]["edges"] == 0
    assert without["graph"]["excluded_generic"] == [{"key": "org:occupiers", "name": "Occupiers"}]


def test_crimea_projections() -> None:
    g = crimea()
    e = entity_graph(g)
    assert edges(project(e, "co-membership")) == {("person:nariman-dzhelyal", "person:refat-chubarov"): ["org:mejlis"]}
    assert edges(project(e, "shared-events")) == {
        ("org:fsb", "org:russian-occupation-authorities"): ["event:fsb-recruitment-of-crimean-tatars"],
        ("org:russian-occupation-authorities", CHALGOZOV): ["event:chalgozov-forced-consent"],
    }
    assert edges(project(entity_graph(g, exclude_generic=True), "shared-events")) == {}
    # One defendant and one lawyer in the article: nobody to link.
    assert project(e, "co-defendants").number_of_edges() == 0
    assert list(project(e, "shared-defence", g).nodes) == [POLOZOV]


# -- analyze on the example corpus -----------------------------------------------------
def test_analyze_crimea_ranks_and_communities() -> None:
    result = analyze(crimea(), top=5, seed=0)
    assert result["graph"]["nodes"] == 24 and result["graph"]["components"] == 1
    assert [(r["key"], r["degree"]) for r in result["degree"][:2]] == [(CHALGOZOV, 5), (CASE, 4)]
    assert result["betweenness"]["ranking"][0]["key"] == CASE
    assert result["betweenness"]["method"] == "exact"
    groups = result["communities"]["groups"]
    assert sum(gr["size"] for gr in groups) + result["communities"]["singletons"] == 24
    home = {m["key"]: gr["id"] for gr in groups for m in gr["members"]}
    # Seeded: the Mejlis and its head are together; Dzhelyal is with his case and his lawyer.
    assert home["person:refat-chubarov"] == home["org:mejlis"]
    assert home["person:nariman-dzhelyal"] == home[CASE] == home[POLOZOV]
    dzhelyal_group = next(gr for gr in groups if gr["id"] == home[CASE])
    assert CASE in [c["key"] for c in dzhelyal_group["cases"]]
    assert "event:crimea-platform-summit-kyiv" in [x["key"] for x in dzhelyal_group["events"]]
    assert analyze(crimea(), top=5, seed=0) == result


def test_cli_analyze_table_json_and_exclude_generic() -> None:
    out = run("analyze", str(CRIMEA), "--top", "3")
    assert out.exit_code == 0, out.output
    assert "Key actors by degree" in out.output and "Kurtumer Chalgozov" in out.output
    assert "betweenness: exact (Brandes, igraph, all 24 sources)" in out.output
    data = json.loads(run("analyze", str(CRIMEA), "--format", "json", "--exclude-generic").output)
    assert data["graph"]["excluded_generic"] == [{"key": "org:russian-occupation-authorities",
                                                  "name": "Russian occupation authorities"}]
    assert data["graph"]["nodes"] == 23
    projected = json.loads(run("analyze", str(CRIMEA), "--format", "json", "--projection", "co-membership").output)
    assert projected["graph"]["analysed"] == "co-membership" and projected["graph"]["edges"] == 1
    sampled = json.loads(run("analyze", str(CRIMEA), "--format", "json", "--pivots", "5", "--seed", "2").output)
    assert sampled["betweenness"]["method"] == "sampled" and sampled["betweenness"]["pivots"] == 5
    bad = run("analyze", str(CRIMEA), "--projection", "friends")
    assert bad.exit_code == 2 and "'friends' is not one of" in bad.output


# -- the Markdown report -----------------------------------------------------------------
def test_report_is_escaped_explained_and_redacted(tmp_path: Path) -> None:
    report = tmp_path / "net.md"
    out = run("analyze", str(CRIMEA), "--report", str(report), "--redact")
    assert out.exit_code == 0, out.output
    text = report.read_text(encoding="utf-8")
    for heading in ("## Key actors by degree", "## Brokers by betweenness", "## Communities"):
        assert heading in text
    assert "share of shortest paths" in text and "Person A" in text
    leaks = [s for s in sensitive_strings(crimea()) if s in text or s in out.output]
    assert leaks == []
    assert "| rank | entity | label | degree | strength |" in text
    # Without --redact the names are there.
    assert run("analyze", str(CRIMEA), "--report", str(report), "--force").exit_code == 0
    assert "Kurtumer Chalgozov" in report.read_text(encoding="utf-8")


def test_report_escapes_data_and_refuses_unfiltered_graphs(tmp_path: Path) -> None:
    g = hand_graph([("person:x", "RELATIVE_OF", "person:y", ev())],
                   names={"person:x": "<script>alert(1)</script> | *bold* [link](http://x)\x1b[31m"})
    text = analysis_markdown(analyze(exit_graph(g)))
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\| \\*bold\\* \\[link\\]" in text and "\x1b" not in text
    with pytest.raises(CasegraphError, match="exit filter"):
        write_report(analyze(g), tmp_path / "r.md")
    assert not (tmp_path / "r.md").exists()


# -- connect -------------------------------------------------------------------------------
def test_connect_chalgozov_to_polozov_goes_through_the_dzhelyal_case() -> None:
    result = connect(crimea(), "Chalgozov", "Polozov")
    assert len(result["paths"]) == 3
    first = result["paths"][0]
    assert [n["key"] for n in first["nodes"]] == [CHALGOZOV, "event:chalgozov-arrest-2021-12", CASE, POLOZOV]
    assert all(CASE in [n["key"] for n in p["nodes"]] for p in result["paths"])
    link = first["hops"][1]["claims"][0]
    assert link["type"] == "LINKED_TO" and link["qualifiers"] == {"linked_by": "org:russian-occupation-authorities"}
    assert link["evidence"][0]["source_title"] == "Russian FSB attempts to create an agent network among the Crimean Tatars"
    for hop in first["hops"]:
        assert hop["claims"] and all(e["quote"] for c in hop["claims"] for e in c["evidence"])


def test_cli_connect_prints_each_hop_with_its_evidence() -> None:
    out = run("connect", "Chalgozov", "Николай Полозов", str(CRIMEA), "-k", "1")
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0] == "1 path from Kurtumer Chalgozov to Nikolai Polozov:"
    assert ("Path 1 (3 hops, 1 source): Kurtumer Chalgozov - Arrest of Kurtumer Chalgozov at his home - "
            "Sabotage case against Nariman Dzhelyal - Nikolai Polozov") in lines
    assert ("      “in December 2021, had been arrested in his own house in the occupied Crimea” - Russian FSB "
            "attempts to create an agent network among the Crimean Tatars; date: 2021-12") in lines
    assert ("    Arrest of Kurtumer Chalgozov at his home -[LINKED_TO linked_by=Russian occupation authorities]-> "
            "Sabotage case against Nariman Dzhelyal [undated]") in lines
    assert "      “Nariman Dzhelyal’s defender Nikolai Polozov” - Russian FSB attempts to create an agent network " \
           "among the Crimean Tatars; undated" in lines


def test_connect_speaker_is_printed() -> None:
    out = run("connect", "FSB", "Chubarov", str(CRIMEA), "-k", "1")
    assert out.exit_code == 0, out.output
    assert "speaker: Refat Chubarov" in out.output


def test_connect_as_of_leaves_out_later_facts() -> None:
    g = hand_graph([
        ("person:ann", "MEMBER_OF", "org:x", ev("source:1", "Ann joined X", date="2020-03")),
        ("person:bob", "MEMBER_OF", "org:x", ev("source:1", "Bob joined X", date="2023-01")
         + ev("source:2", "Bob was in X by 2021", date="2021")),
        ("person:bob", "WORKS_FOR", "org:y", ev("source:2", "Bob works for Y")),
    ])
    assert [n["key"] for n in connect(g, "Ann", "Bob")["paths"][0]["nodes"]] == ["person:ann", "org:x", "person:bob"]
    early = connect(g, "Ann", "Bob", day="2020-12")
    assert early["paths"] == [] and early["reason"] == "disconnected"
    assert early["reach"]["from"] == {"entities": 2, "max_hops": 1, "labels": {"Organisation": 1, "Person": 1}}
    assert early["reach"]["to"]["entities"] == 2  # Bob and Y, through the undated claim
    mid = connect(g, "Ann", "Bob", day="2022")
    quotes = [e["quote"] for h in mid["paths"][0]["hops"] for c in h["claims"] for e in c["evidence"]]
    assert quotes == ["Ann joined X", "Bob was in X by 2021"]  # the 2023 evidence is left out
    dated = connect(g, "Bob", "Y", dated_only=True)
    assert dated["paths"] == [] and dated["reach"]["to"]["entities"] == 1


def test_crimea_as_of_and_dated_only() -> None:
    before = connect(crimea(), "Chalgozov", "Polozov", day="2021-11")
    assert before["paths"] == [] and before["reach"]["from"]["entities"] == 4
    after = connect(crimea(), "Chalgozov", "Polozov", day="2021-12-31", k=1)
    hops = after["paths"][0]["hops"]
    assert [c["undated"] for h in hops for c in h["claims"]] == [False, True, True]
    assert connect(crimea(), "Chalgozov", "Polozov", dated_only=True)["reason"] == "disconnected"


def test_connect_via_max_hops_and_exclude_generic() -> None:
    g = crimea()
    via = connect(g, "Chalgozov", "Polozov", via="Location", k=2)
    assert via["paths"] and all("place:crimea" in [n["key"] for n in p["nodes"]] for p in via["paths"])
    assert connect(g, "Chalgozov", "Polozov", via="LegalCase", k=3)["paths"][0]["length"] == 3
    short = connect(g, "Chalgozov", "Polozov", max_hops=2)
    assert short["paths"] == [] and short["reason"] == "max_hops" and short["shortest_hops"] == 3
    four = connect(g, "Chalgozov", "Polozov", max_hops=4, k=10)
    assert {p["length"] for p in four["paths"]} == {3, 4}
    # The FSB reaches Chalgozov only through the occupation authorities; left out, they part ways.
    assert connect(g, "FSB", "Chalgozov", k=1)["paths"][0]["nodes"][2]["key"] == "org:russian-occupation-authorities"
    apart = connect(g, "FSB", "Chalgozov", k=1, exclude_generic=True)
    assert apart["reason"] == "disconnected" and apart["reach"]["from"]["entities"] == 2
    with pytest.raises(CasegraphError, match="generic actor, left out by --exclude-generic"):
        connect(g, "occupiers", "Chalgozov", exclude_generic=True)
    nowhere = connect(g, "Chubarov", "Chalgozov", via="Organisation", max_hops=3)
    assert nowhere["reason"] == "via"


def test_cli_connect_messages() -> None:
    ambiguous = run("connect", "Nariman", "Polozov", str(CRIMEA))
    assert ambiguous.exit_code == 1
    assert ambiguous.output.strip().splitlines() == [
        "Error: 'Nariman' is ambiguous: Arrest of Nariman Ametov (event:ametov-arrest), Electric shocks used on "
        "Nariman Ametov (event:ametov-electric-shocks), Nariman Ametov (person:nariman-ametov), Nariman Ametov "
        "offered to cooperate (event:ametov-offered-cooperation), Nariman Ametov's video statement "
        "(event:ametov-video), Nariman Dzhelyal (person:nariman-dzhelyal), Sabotage case against Nariman "
        "Dzhelyal (case:dzhelyal-sabotage)"]
    unknown = run("connect", "Polozoff", "Chubarov", str(CRIMEA))
    assert unknown.exit_code == 1 and unknown.output.startswith("Error: no entity 'Polozoff'; closest: ")
    assert len(unknown.output.strip().splitlines()) == 1
    none = run("connect", "Chalgozov", "Polozov", str(CRIMEA), "--as-of", "2021-11")
    assert none.exit_code == 0
    assert none.output.splitlines() == [
        "No path between Kurtumer Chalgozov and Nikolai Polozov (as of 2021-11-30).",
        "  They are in different components:",
        "  Kurtumer Chalgozov (person:kurtumer-chalgozov): its component has 4 entities (2 Event, 1 Location, "
        "1 Person), reaching at most 1 hop away",
        "  Nikolai Polozov (person:nikolai-polozov): its component has 15 entities (8 Event, 1 LegalCase, "
        "1 Location, 1 Organisation, 4 Person), reaching at most 4 hops away",
    ]
    same = run("connect", "Polozov", "Nikolay Polozov", str(CRIMEA))
    assert same.exit_code == 1 and "are the same entity (person:nikolai-polozov)" in same.output
    bad_day = run("connect", "Chalgozov", "Polozov", str(CRIMEA), "--as-of", "2021-13")
    assert bad_day.exit_code == 1 and bad_day.output.startswith("Error: --as-of:")
    bad_via = run("connect", "Chalgozov", "Polozov", str(CRIMEA), "--via", "Source")
    assert bad_via.exit_code == 1 and "unknown label 'Source'" in bad_via.output


def test_connect_redact_resolves_real_names_and_prints_pseudonyms() -> None:
    out = run("connect", "Chalgozov", "Polozov", str(CRIMEA), "--redact", "--format", "json")
    assert out.exit_code == 0, out.output
    assert [s for s in sensitive_strings(crimea()) if s in out.output] == []
    data = json.loads(out.output)
    assert data["from"] == {"key": "person:redacted-a", "name": "Person A", "label": "Person"}


def test_resolve_errors_are_one_line() -> None:
    with pytest.raises(ResolveError):
        connect(crimea(), "Nobody At All", "Polozov")


# -- the same results from Neo4j -------------------------------------------------------------
@pytest.mark.neo4j
def test_same_results_from_files_and_neo4j(clean_db: neo4j.Driver, neo4j_server: server.ServerInfo,
                                           neo4j_env: server.ServerInfo) -> None:
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as store:
        store.load(load_corpus([CRIMEA]))
        from_db = store.read_graph()
    from_files = crimea()
    for options in ({}, {"exclude_generic": True}, {"projection": "shared-events"}):
        assert analyze(from_db, **options) == analyze(from_files, **options)
    assert connect(from_db, "Chalgozov", "Polozov", day="2022") == connect(from_files, "Chalgozov", "Polozov",
                                                                          day="2022")
    cli_db = run("connect", "Chalgozov", "Polozov", "--from", "neo4j", "--format", "json")
    cli_files = run("connect", "Chalgozov", "Polozov", str(CRIMEA), "--format", "json")
    assert cli_db.exit_code == 0, cli_db.output
    assert cli_db.output == cli_files.output
    an_db = run("analyze", "--from", "neo4j", "--format", "json", "--seed", "3")
    assert an_db.exit_code == 0, an_db.output
    assert an_db.output == run("analyze", str(CRIMEA), "--format", "json", "--seed", "3").output
    around = json.loads(run("analyze", "--from", "neo4j", "--focus", CASE, "--depth", "1", "--format",
                            "json").output)
    # The case, its defendant, its counsel and the two arrests linked to it.
    assert around["graph"]["nodes"] == 5 and around["degree"][0]["key"] == CASE
