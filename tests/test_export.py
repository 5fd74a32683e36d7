"""Exports read back with the tools users use: NetworkX, the real Neo4j, followthemoney.

The corpus is the Crimea example plus one hostile source: names and quotes with XML
special characters, quotes, backticks, newlines, semicolons and Cyrillic, a second
publication with disagreeing dates, and a sensitive person named in another claim's
quote. Every format must carry all of it intact, and ``--redact`` must leave none of
the sensitive names in any byte of any file.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
import pytest
from click.testing import CliRunner, Result
from followthemoney import model

from casegraph.cli import cli
from graph.build import build_graph
from graph.db.store import Store
from graph.errors import CasegraphError
from graph.exporters import EXPORTERS, export_graph, format_for_path, write_export
from graph.exporters import gexf as gexf_exporter
from graph.exporters.cypher import statements
from graph.exporters.flat import restore_graph
from graph.redact import exit_graph, sensitive_strings
from graph.subgraph import neighbourhood, select
from loaders.factfile import write_fact_file
from loaders.facts import load_corpus
from loaders.ftm import import_ftm

REPO = Path(__file__).resolve().parents[1]
CRIMEA = REPO / "examples" / "crimea"

HOSTILE_NAME = 'O\'Brien "<b>&amp;</b>" `drop` ]]> Щербак-Оглы'
HOSTILE_QUOTE = 'He said: "<script>alert(\'x\')</script>" & `MATCH (n) DETACH DELETE n` //\nНовая строка; ]]>'
HOSTILE_ROLE = "chair; <acting> & 'interim'"
SECRET_NAME = "Zarema Testova"
HOSTILE_DOC: dict[str, Any] = {
    "source": {"key": "source:hostile", "title": "Hostile <title> & \"quotes\" — Тест", "publisher": "X&Y",
               "url": "https://example.org/a?b=1&c=<2>", "published": "2021-12-03", "language": "uk"},
    "entities": [
        {"key": "person:obrien", "label": "Person", "name": HOSTILE_NAME,
         "aliases": ["Щербак", "alias; with semicolon", "back`tick"], "attributes": {"note": "line one\nline two"}},
        {"key": "person:zarema-testova", "label": "Person", "name": SECRET_NAME, "aliases": ["Зарема Тестова"],
         "sensitive": True},
        {"key": "org:mejlis", "label": "Organisation", "name": "Mejlis of the Crimean Tatar People"},
        {"key": "case:hostile", "label": "LegalCase", "name": "Case <№ 1>",
         "attributes": {"charges": ["RU CC 281", "RU CC 205.5; part 2"]}},
    ],
    "claims": [
        {"subject": "person:obrien", "predicate": "LEADS", "object": "org:mejlis", "role": HOSTILE_ROLE,
         "start": "2021-12", "end": "2022-02-01", "quote": HOSTILE_QUOTE, "asserted_by": "person:obrien",
         "confidence": 0.75},
        {"subject": "person:obrien", "predicate": "DEFENDANT_IN", "object": "case:hostile", "date": "2021-12-03",
         "quote": "O'Brien, like Zarema Testova (Зарема Тестова), was charged"},
        {"subject": "person:zarema-testova", "predicate": "DEFENDANT_IN", "object": "case:hostile",
         "date": "2021-11", "quote": "Testova was charged"},
    ],
}
SECOND_DOC: dict[str, Any] = {
    "source": {"key": "source:second", "title": "A second report", "published": "2022"},
    "entities": [
        {"key": "person:obrien", "label": "Person", "name": HOSTILE_NAME},
        {"key": "org:mejlis", "label": "Organisation", "name": "Mejlis of the Crimean Tatar People"},
    ],
    "claims": [
        {"subject": "person:obrien", "predicate": "LEADS", "object": "org:mejlis", "role": HOSTILE_ROLE,
         "start": "2022-01", "quote": "O'Brien heads the Mejlis"},
    ],
}
FORMATS = ["graphml", "gexf", "json", "csv", "cypher", "ftm"]
CUTS: dict[str, dict[str, Any]] = {
    "whole": {},
    "people-and-orgs": {"labels": ["Person", "Organisation"], "types": ["MEMBER_OF", "LEADS", "WORKS_FOR"]},
    "as-of-2021-12-31": {"day": "2021-12-31"},
}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    write_fact_file(root / "crimea.yaml", load_yaml(CRIMEA / "empr-2022-fsb-agent-network.yaml"))
    write_fact_file(root / "hostile.yaml", HOSTILE_DOC)
    write_fact_file(root / "second.json", SECOND_DOC)
    return root


def load_yaml(path: Path) -> dict[str, Any]:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph(corpus_dir: Path) -> nx.MultiDiGraph:
    return build_graph(load_corpus([corpus_dir]))


def expected(g: nx.MultiDiGraph, redact: bool = False, **cut: Any) -> nx.MultiDiGraph:
    return select(exit_graph(g, redact=redact), cut.get("labels", ()), cut.get("types", ()), cut.get("day"))


def edges(g: nx.MultiDiGraph) -> list[tuple[str, str, str, str]]:
    return sorted((str(u), str(v), str(k), json.dumps(d, sort_keys=True, ensure_ascii=False))
                  for u, v, k, d in g.edges(keys=True, data=True))


def assert_same(want: nx.MultiDiGraph, got: nx.MultiDiGraph) -> None:
    assert dict(got.nodes(data=True)) == dict(want.nodes(data=True))
    assert edges(got) == edges(want)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


# -- NetworkX read-back ----------------------------------------------------------------
@pytest.mark.parametrize("cut", sorted(CUTS))
def test_graphml_reads_back_equal(graph: nx.MultiDiGraph, tmp_path: Path, cut: str) -> None:
    out = tmp_path / "g.graphml"
    export_graph(graph, "graphml", str(out), **CUTS[cut])
    back = nx.read_graphml(out, force_multigraph=True)
    assert back.nodes["person:obrien"]["name"] == HOSTILE_NAME  # plain GraphML string, no decoding
    assert back.nodes["person:obrien"]["sensitive"] is False  # typed: boolean
    assert_same(expected(graph, **CUTS[cut]), restore_graph(back))


@pytest.mark.parametrize("cut", sorted(CUTS))
def test_gexf_reads_back_equal(graph: nx.MultiDiGraph, tmp_path: Path, cut: str) -> None:
    out = tmp_path / "g.gexf"
    export_graph(graph, "gexf", str(out), **CUTS[cut])
    back = nx.read_gexf(out)
    assert back.nodes["person:obrien"]["label"] == HOSTILE_NAME  # Gephi shows the name
    assert_same(expected(graph, **CUTS[cut]), gexf_exporter.restore(back))


def test_gexf_dated_edges_are_dynamic(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "g.gexf"
    export_graph(graph, "gexf", str(out))
    text = out.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    back = nx.read_gexf(out)
    leads = [d for u, v, d in back.edges(data=True) if d.get("label") == "LEADS" and u == "person:obrien"]
    # Two sources disagree on the start (2021-12, 2022-01): the earliest, as a day, from the first.
    assert [(d["start"], d["end"], d["casegraph_start"]) for d in leads] == [("2021-12-01", "2022-02-01", "2021-12")]
    undated = [d for _, _, d in back.edges(data=True) if d.get("label") == "MENTIONS"]
    assert undated and all("start" not in d for d in undated)


@pytest.mark.parametrize("cut", sorted(CUTS))
def test_node_link_json_reads_back_equal(graph: nx.MultiDiGraph, tmp_path: Path, cut: str) -> None:
    out = tmp_path / "g.json"
    export_graph(graph, "json", str(out), **CUTS[cut])
    back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    assert isinstance(back, nx.MultiDiGraph)
    assert_same(expected(graph, **CUTS[cut]), back)


# -- Neo4j ---------------------------------------------------------------------------
def run_script(driver: neo4j.Driver, script: str) -> None:
    with driver.session() as session:
        for stmt in statements(script):
            session.run(stmt).consume()


def counts(driver: neo4j.Driver) -> tuple[int, int]:
    with driver.session() as session:
        rec = session.run("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r").single()
        assert rec is not None
        return rec["n"], rec["r"]


@pytest.mark.neo4j
@pytest.mark.parametrize("cut", ["whole", "types"])
def test_cypher_script_recreates_the_graph(graph: nx.MultiDiGraph, clean_db: neo4j.Driver, tmp_path: Path,
                                           cut: str) -> None:
    options: dict[str, Any] = {} if cut == "whole" else {"types": ["MENTIONS", "LEADS", "DEFENDANT_IN"]}
    out = tmp_path / "g.cypher"
    export_graph(graph, "cypher", str(out), **options)
    script = out.read_text(encoding="utf-8")
    run_script(clean_db, script)
    store = Store(clean_db, "bolt://test")  # the session's driver; not closed here
    assert_same(expected(graph, **options), store.read_graph())
    # The provenance nodes, as `casegraph load` makes them.
    with clean_db.session() as session:
        rec = session.run(
            "MATCH (p:Person {key: 'person:obrien'})-[r:LEADS]->(:Organisation) "
            "MATCH (c:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)-[:CITES]->(s:Source {key: 'source:hostile'}) "
            "MATCH (e)-[:ASSERTED_BY]->(p) RETURN e.quote AS quote, r.role AS role, c.role AS crole").single()
    assert rec is not None and rec["quote"] == HOSTILE_QUOTE and rec["role"] == rec["crole"] == HOSTILE_ROLE
    # Running it again changes nothing.
    before = counts(clean_db)
    run_script(clean_db, script)
    assert counts(clean_db) == before


# -- FollowTheMoney ------------------------------------------------------------------
def ftm_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_ftm_output_passes_followthemoney_validation(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "g.ftm.json"
    export_graph(graph, "ftm", str(out))
    data = ftm_lines(out)
    schemata = {d["schema"] for d in data}
    assert {"Person", "Organization", "PublicBody", "CourtCase", "CourtCaseParty", "Representation", "Directorship",
            "Event", "Article", "Documentation", "UnknownLink", "Address"} <= schemata
    ids = {d["id"] for d in data}
    for d in data:
        schema = model.get(d["schema"])
        assert schema is not None
        assert schema.validate(d) is None  # type: ignore[arg-type]
        # FtM's own cleaning changes nothing: every value is valid for its type, every reference resolves.
        assert model.get_proxy(d, cleaned=False).to_dict()["properties"] == d["properties"], d["id"]
        for prop, values in d["properties"].items():
            if schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, (d["id"], prop)
    leads = [d for d in data if d["schema"] == "Directorship" and HOSTILE_QUOTE in d["properties"].get("summary", [])]
    assert len(leads) == 1
    props = leads[0]["properties"]
    assert props["proof"] == ["source.hostile"] and props["sourceUrl"] == ["https://example.org/a?b=1&c=<2>"]
    assert props["role"] == [HOSTILE_ROLE] and props["startDate"] == ["2021-12"]


def test_ftm_round_trips_through_import_ftm(graph: nx.MultiDiGraph, corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.ftm.json"
    export_graph(graph, "ftm", str(out))
    summary = import_ftm(out, tmp_path / "facts")
    assert len(summary.files) == 3
    assert_same(graph, build_graph(load_corpus([tmp_path / "facts"])))


def ftm_entity(schema: str, id_: str, datasets: list[str] | None = None, **props: Any) -> dict[str, Any]:
    e = model.make_entity(schema)
    e.id = id_
    for prop, value in props.items():
        e.add(prop, value)
    data = e.to_dict()
    if datasets:
        data["datasets"] = datasets
    return data


def write_lines(path: Path, items: list[dict[str, Any] | str]) -> Path:
    path.write_text("".join((i if isinstance(i, str) else json.dumps(i, ensure_ascii=False)) + "\n" for i in items),
                    encoding="utf-8")
    return path


def test_import_ftm_of_an_opensanctions_style_list(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "judges.ftm.json", [
        ftm_entity("Person", "Q123-judge", ["ru_judges"], name=["Ivan Sudya", "Иван Судья"], birthDate="1970",
                   position="Judge of the Kyiv District Court"),
        ftm_entity("PublicBody", "court-kyiv-district", ["ru_judges"], name="Kyiv District Court of Simferopol"),
        ftm_entity("CourtCase", "case-1-123-2022", ["ru_judges"], name="Case 1-123/2022", caseNumber="1-123/2022"),
        ftm_entity("Employment", "emp-1", ["ru_judges"], employee="Q123-judge", employer="court-kyiv-district",
                   role="judge", startDate="2014-05"),
        ftm_entity("CourtCaseParty", "ccp-1", ["ru_judges"], party="Q123-judge", case="case-1-123-2022",
                   role="Presiding judge"),
    ])
    summary = import_ftm(path, tmp_path / "facts")
    assert summary.sources == 1 and summary.entities == 3 and summary.claims == 2
    g = build_graph(load_corpus([tmp_path / "facts"]))
    assert g.nodes["person:q123-judge"]["aliases"] == ["Иван Судья"]
    assert g.nodes["person:q123-judge"]["birth_date"] == "1970"
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"MENTIONS", "WORKS_FOR", "JUDGE_IN"}
    assert g.nodes["source:ftm-ru_judges"]["name"] == "FtM dataset ru_judges"


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "x", "schema": "Persn", "properties": {}}', "3: unknown FtM schema 'Persn'"),
    ('{"id": "x", "schema": "Person", "properties": {"name": ["X"]', "3: not a JSON line"),
    ('{"id": "m1", "schema": "Membership", "properties": {"member": ["p1"], "organization": ["nobody"]}}',
     "3: Membership organization refers to 'nobody', which is not in the file"),
    ('{"id": "v1", "schema": "Vessel", "properties": {"name": ["Boat"]}}',
     "3: FtM schema 'Vessel' has no casegraph counterpart"),
])
def test_import_ftm_refuses_with_the_line_number(tmp_path: Path, line: str, message: str) -> None:
    path = write_lines(tmp_path / "bad.ftm.json", [ftm_entity("Person", "p1", name="A Person"), "", line])
    result = run("import-ftm", str(path), "-o", str(tmp_path / "facts"))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {path}:{message}" or f"{path}:{message}" in result.output
    assert not (tmp_path / "facts").exists() or not any((tmp_path / "facts").iterdir())


# -- redaction and the write path ----------------------------------------------------
def name_parts(text: str) -> set[str]:
    return {p.casefold() for p in re.split(r"[\s_\-.,'’:]+", text) if len(p) >= 3}


def distinctive_parts(g: nx.MultiDiGraph) -> set[str]:
    """Every part (surnames, given names, key slugs) of a sensitive person's names, aliases
    and key that is not also part of a public person's name or alias."""
    public, secret = set(), set()
    for n, d in g.nodes(data=True):
        if d.get("node_kind") != "entity" or d.get("label") != "Person":
            continue
        parts = set().union(*(name_parts(str(t)) for t in [d["name"], *d.get("aliases", [])]))
        if d.get("sensitive"):
            secret |= parts | name_parts(str(n).split(":", 1)[1])
        else:
            public |= parts
    return secret - public


def decoded(data: bytes) -> str:
    """Exported bytes as text with every escape a reader would undo (XML entities, JSON \\u)."""
    text = html.unescape(data.decode("utf-8"))
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text).casefold()


def test_redaction_leaves_no_sensitive_name_in_any_byte(graph: nx.MultiDiGraph, corpus_dir: Path,
                                                        tmp_path: Path) -> None:
    secrets = sorted(set(sensitive_strings(graph)))
    assert SECRET_NAME in secrets and "Куртумер Чалгозов" in secrets
    parts = distinctive_parts(graph)
    # Not vacuous: the surnames (Latin and Cyrillic) and given names no public person shares.
    assert {"testova", "тестова", "zarema", "зарема", "chalgozov", "чалгозов", "kurtumer", "ametov",
            "аметов"} <= parts
    assert "nariman" not in parts  # Nariman Dzhelyal is public
    # A Cyrillic surname may carry a case ending (Тестовой, Чалгозову): look for its stem too.
    needles = parts | {p[:-1] for p in parts if re.search(r"[а-яё]", p) and p[-1] in "аяуюеиоы"}
    outputs = {}
    for fmt in FORMATS:
        target = tmp_path / (fmt if fmt == "csv" else f"g.{fmt}")
        result = run("export", str(corpus_dir), "--to", fmt, "-o", str(target), "--redact")
        assert result.exit_code == 0, result.output
        outputs[fmt] = b"".join(export_files(target).values())
        assert "person:nariman-ametov" not in result.output
    for fmt, data in outputs.items():
        text = decoded(data)
        for secret in secrets:
            assert secret.casefold() not in text, (fmt, secret)
        for needle in sorted(needles):  # in names, quotes, titles and other entities' keys (event:ametov-arrest)
            assert needle not in text, (fmt, needle)
        # The same pseudonyms everywhere, in nodes and in the quote that named her.
        assert "person:redacted-c" in text or "person.redacted-c" in text, fmt
        assert "arrest of person b" in text, fmt  # the event named after Nariman Ametov, renamed
    pseudonyms = exit_graph(graph, redact=True)
    assert pseudonyms.nodes["person:redacted-c"]["name"] == "Person C"
    quote = next(e["quote"] for _, _, d in pseudonyms.edges(data=True) for e in d.get("evidence", [])
                 if e["quote"].startswith("O'Brien, like"))
    assert "Person C" in quote
    for fmt in ("graphml", "gexf", "json", "cypher", "ftm"):
        assert "person c" in outputs[fmt].decode("utf-8").casefold(), fmt


def test_stdout_and_overwrite_rules(graph: nx.MultiDiGraph, corpus_dir: Path, tmp_path: Path) -> None:
    result = run("export", str(corpus_dir), "--to", "graphml", "-o", "-")
    assert result.exit_code == 0 and result.output.startswith("<?xml")
    assert restore_graph(nx.parse_graphml(result.output)).nodes["person:obrien"]["name"] == HOSTILE_NAME
    result = run("export", str(corpus_dir), "--to", "csv", "-o", "-")
    assert result.exit_code == 1 and "-o - needs a one-stream format" in result.output
    target = tmp_path / "g.json"
    assert run("export", str(corpus_dir), "-o", str(target)).exit_code == 0
    first = target.read_bytes()
    result = run("export", str(corpus_dir), "-o", str(target), "--type", "LEADS")
    assert result.exit_code == 1 and "not overwritten (use --force)" in result.output
    assert target.read_bytes() == first
    assert run("export", str(corpus_dir), "-o", str(target), "--type", "LEADS", "--force").exit_code == 0
    assert target.read_bytes() != first
    result = run("export", str(corpus_dir), "-o", str(tmp_path / "g.txt"))
    assert result.exit_code == 1 and "cannot tell the export format" in result.output
    result = run("export", str(corpus_dir), "-o", str(tmp_path / "x.json"), "--label", "Persn")
    assert result.exit_code == 1 and "unknown label 'Persn'" in result.output


def test_a_failed_export_leaves_nothing(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    bad = exit_graph(graph)
    u, v, k = next((u, v, k) for u, v, k, d in bad.edges(keys=True, data=True) if d["type"] == "LEADS")
    bad.edges[u, v, k]["type"] = "LEADS` {x: 1}]->() DETACH DELETE n //"
    for fmt in ("cypher", "ftm"):
        target = tmp_path / fmt
        target.mkdir()
        with pytest.raises(CasegraphError, match="not in the ontology"):
            write_export(bad, fmt, str(target / f"g{EXPORTERS[fmt].EXTENSIONS[0]}"))
        assert list(target.iterdir()) == []


def test_writers_take_only_exit_filtered_graphs(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    for fmt in FORMATS:
        with pytest.raises(CasegraphError, match="exit filter"):
            write_export(graph, fmt, str(tmp_path / fmt))
    assert list(tmp_path.iterdir()) == []


def test_format_from_the_file_ending() -> None:
    assert [format_for_path(p) for p in ("a.graphml", "a.GEXF", "a.json", "a.ftm.json", "a.cypher", "a.csv")] == \
        ["graphml", "gexf", "json", "ftm", "cypher", "csv"]


# -- the shared graph input: --from neo4j (whole, --focus, --query) ------------------
FOCUS = "person:nariman-dzhelyal"


@pytest.fixture
def crimea_db(clean_db: neo4j.Driver, neo4j_env: Any) -> Store:
    """The session's Neo4j holding exactly examples/crimea, as `casegraph load` leaves it."""
    store = Store(clean_db, "bolt://test")  # the session's driver; not closed here
    store.load(load_corpus([CRIMEA]))
    return store


def export_files(target: Path) -> dict[str, bytes]:
    files = sorted(target.iterdir()) if target.is_dir() else [target]
    return {f.name: f.read_bytes() for f in files}


def read_back(fmt: str, target: Path) -> Any:
    """An export read back with the tool users use, in a form that compares equal."""
    if fmt == "graphml":
        return restore_graph(nx.read_graphml(target, force_multigraph=True))
    if fmt == "gexf":
        return gexf_exporter.restore(nx.read_gexf(target))
    if fmt == "json":
        return nx.node_link_graph(json.loads(target.read_text(encoding="utf-8")), edges="edges")
    if fmt == "ftm":
        return sorted(ftm_lines(target), key=lambda d: d["id"])
    return export_files(target)


@pytest.mark.neo4j
@pytest.mark.parametrize("redact", [False, True], ids=["plain", "redacted"])
def test_export_from_neo4j_equals_export_from_files(crimea_db: Store, tmp_path: Path, redact: bool) -> None:
    flags = ["--redact"] if redact else []
    for fmt in FORMATS:
        targets = {}
        for origin, args in (("files", [str(CRIMEA)]), ("neo4j", ["--from", "neo4j"])):
            targets[origin] = tmp_path / origin / (fmt if fmt == "csv" else f"g.{fmt}")
            result = run("export", *args, "--to", fmt, "-o", str(targets[origin]), *flags)
            assert result.exit_code == 0, (fmt, origin, result.output)
        got, want = read_back(fmt, targets["neo4j"]), read_back(fmt, targets["files"])
        if isinstance(want, nx.MultiDiGraph):
            assert_same(want, got)
        else:
            assert got == want, fmt


@pytest.mark.neo4j
def test_export_of_a_focus_and_a_saved_query_from_neo4j(crimea_db: Store, tmp_path: Path) -> None:
    whole = exit_graph(build_graph(load_corpus([CRIMEA])))
    focus = tmp_path / "focus.json"
    result = run("export", "--from", "neo4j", "--focus", FOCUS, "--depth", "2", "-o", str(focus))
    assert result.exit_code == 0, result.output
    assert_same(neighbourhood(whole, FOCUS, 2), read_back("json", focus))
    # --cypher: the claims it returns, with their two ends, equal the same claims built from the files.
    cypher = tmp_path / "cypher.graphml"
    result = run("export", "--from", "neo4j", "--cypher", "MATCH (:Person)-[r:DEFENDS|COUNSEL_IN]->() RETURN r",
                 "-o", str(cypher))
    assert result.exit_code == 0, result.output
    claims = [(u, v, k) for u, v, k, d in whole.edges(keys=True, data=True) if d["type"] in ("DEFENDS", "COUNSEL_IN")]
    assert claims
    assert_same(whole.edge_subgraph(claims), read_back("graphml", cypher))


@pytest.mark.neo4j
def test_export_of_a_saved_query_from_neo4j(crimea_db: Store, tmp_path: Path) -> None:
    """--query NAME -p key value reaches the export: the saved query's entities and claims, with
    their evidence, equal to the same cut of the fact-file graph. A result with nothing in it is
    refused rather than written as an empty file that looks like a result."""
    out = tmp_path / "query.json"
    result = run("export", "--from", "neo4j", "--query", "case-network", "-p", "case", "case:dzhelyal-sabotage",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    got = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), directed=True, multigraph=True,
                             edges="edges")
    assert "case:dzhelyal-sabotage" in got and "person:nikolai-polozov" in got and "person:nariman-dzhelyal" in got
    full = build_graph(load_corpus([CRIMEA]))
    claims = [(u, v, k) for u, v, k, d in got.edges(keys=True, data=True) if d.get("type") != "MENTIONS"]
    assert len(claims) >= 4
    for u, v, k in claims:
        assert got.edges[u, v, k]["evidence"] == full.edges[u, v, k]["evidence"]
    empty = tmp_path / "empty.json"
    result = run("export", "--from", "neo4j", "--cypher", "MATCH (n:Person {key: 'person:nobody'}) RETURN n",
                 "-o", str(empty))
    assert result.exit_code == 1
    assert result.output.startswith("Error: nothing to export: the graph is empty"), result.output
    assert not empty.exists()
    result = run("export", "--from", "neo4j", "--query", "case-network", "-o", str(empty))
    assert result.exit_code == 1 and "case-network needs -p case VALUE" in result.output
    result = run("export", "--from", "neo4j", "--query", "no-such-query", "-o", str(empty))
    assert result.exit_code == 1 and "no saved query 'no-such-query'" in result.output
    result = run("export", str(CRIMEA), "--query", "case-network", "-p", "case", "x", "-o", str(empty))
    assert result.exit_code == 2 and "--query goes with --from neo4j" in result.output
    assert not empty.exists()


def test_redacted_export_of_a_10000_claim_corpus(tmp_path: Path) -> None:
    """The redaction that once ran for minutes on this corpus finishes, and leaves no name part.

    No timing is asserted here; the time is in the README figures.
    """
    corpus = tmp_path / "synth"
    assert run("synth", str(corpus), "--claims", "10000", "--seed", "1").exit_code == 0
    g = build_graph(load_corpus([corpus]))
    parts = distinctive_parts(g)
    sensitive = sum(1 for _, d in g.nodes(data=True) if d.get("sensitive"))
    assert sensitive > 100 and len(parts) > 100
    out = tmp_path / "g.json"
    result = run("export", str(corpus), "-o", str(out), "--redact")
    assert result.exit_code == 0, result.output
    assert f"redacted: {sensitive} sensitive entities pseudonymised" in result.output
    words = set(re.findall(r"\w+", decoded(out.read_bytes())))
    assert not parts & words, sorted(parts & words)[:10]
