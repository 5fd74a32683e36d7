"""``--redact`` against a corpus built to leak (tests/leaky/): every export format and the view.

Each output is decoded as its readers would (XML parse, JSON parse, CSV read, the HTML
page's data blocks, and the raw bytes), every string is folded here independently of
:mod:`graph.fold` (URL-decoding, character references, ``\\u`` escapes, NFKC, accents and
invisible characters removed, casefold), and then:

- no name, alias, distinctive name part or key slug of a protected person is left;
- no id computed from a real key is left (the claim ids and evidence ids of the claims
  that touch a protected person, hashed from their real keys);
- every reference (edge ends, ``sources``, evidence ``source``, ``asserted_by``, an
  entity-valued qualifier, FtM entity properties) resolves inside the output; the
  Cypher script run in the real Neo4j creates every relationship it describes.
"""

from __future__ import annotations

import csv
import html
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
import pytest
from click.testing import CliRunner
from followthemoney import model

from casegraph.cli import cli
from graph.build import MENTIONS, build_graph
from graph.db.importcsv import ARRAY_DELIMITER, read_manifest
from graph.exporters import gexf as gexf_exporter
from graph.exporters.cypher import statements
from graph.exporters.flat import restore_graph
from graph.model import evidence_id
from graph.redact import exit_graph
from loaders.facts import load_corpus
from tests.test_view import parse

LEAKY = Path(__file__).resolve().parent / "leaky"
PROTECTED = ("person:dilara-kemalova", "person:lenur-seitov")
# Folded needles: full names run together, distinctive parts and Cyrillic stems, key slugs.
SQUASHED = ("dilarakemalova", "lenurseitov", "диларакемалов", "ленурсеитов")
PARTS = ("kemalov", "seitov", "lenur", "кемалов", "сеитов", "ленур")
FORMATS = ["graphml", "gexf", "json", "csv", "cypher", "ftm"]
HEX = re.compile(r"[0-9a-f]{20}")


def fold(text: str) -> str:
    """What a reader may turn a string back into, folded for comparison."""
    for _ in range(4):
        before = text
        text = urllib.parse.unquote(text)
        text = html.unescape(text)
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
        if text == before:
            break
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) not in ("Mn", "Cf"))
    return re.sub(r"[^\W\d_]+", _unmix, text.casefold())


LOOKALIKE = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ѕ": "s", "к": "k",
             "ε": "e", "ο": "o", "α": "a", "ι": "i", "ν": "v", "τ": "t", "κ": "k", "ρ": "p"}


def _unmix(m: re.Match[str]) -> str:
    """A word mixing Latin and Cyrillic or Greek letters, read as the Latin word it looks like."""
    word = m.group()
    if re.search(r"[a-z]", word) and re.search(r"[\u0370-\u04ff]", word):
        return "".join(LOOKALIKE.get(c, c) for c in word)
    return word


def strings(value: Any) -> Iterator[str]:
    """Every string in a parsed JSON value, keys included, and inside JSON text in strings."""
    if isinstance(value, str):
        yield value
        if value[:1] in "[{":
            try:
                yield from strings(json.loads(value))
            except ValueError:
                pass
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from strings(v)


def assert_nothing_identifies(texts: Iterator[str] | list[str], where: str) -> None:
    count = 0
    for text in texts:
        count += 1
        folded = fold(text)
        squashed = re.sub(r"[\W_\d]+", "", folded)
        for needle in PARTS:
            assert needle not in folded, (where, needle, text)
        for needle in SQUASHED:
            assert needle not in squashed, (where, needle, text)
    assert count > 0, where


@pytest.fixture(scope="module")
def original() -> nx.MultiDiGraph:
    return build_graph(load_corpus([LEAKY]))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("leaky-out")
    out = {}
    for fmt in FORMATS:
        target = root / (fmt if fmt == "csv" else f"g.{fmt}")
        result = CliRunner().invoke(cli, ["export", str(LEAKY), "--to", fmt, "-o", str(target), "--redact"])
        assert result.exit_code == 0, result.output
        out[fmt] = target
    result = CliRunner().invoke(cli, ["view", str(LEAKY), "-o", str(root / "view.html"), "--redact",
                                      "--heading", "Dilara Kemalova's network"])
    assert result.exit_code == 0, result.output
    out["html"] = root / "view.html"
    # The analysis report and connect's output pass the same filter.
    result = CliRunner().invoke(cli, ["analyze", str(LEAKY), "--report", str(root / "report.md"), "--redact"])
    assert result.exit_code == 0, result.output
    out["report"] = root / "report.md"
    (root / "analyze.txt").write_text(result.output, encoding="utf-8")
    out["analyze"] = root / "analyze.txt"
    result = CliRunner().invoke(cli, ["connect", "Kemalova", "Yusupova", str(LEAKY), "--redact", "--format", "json"])
    assert result.exit_code == 0, result.output
    (root / "connect.json").write_text(result.output, encoding="utf-8")
    out["connect"] = root / "connect.json"
    return out


def raw(path: Path) -> str:
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    return "".join(f.read_text(encoding="utf-8") for f in files)


def forbidden_ids(original: nx.MultiDiGraph, outputs: dict[str, Path]) -> set[str]:
    """The digests of ids hashed from real keys: claims touching a protected person, their evidence."""
    out_sources = {d["id"] for d in json.loads(outputs["json"].read_text("utf-8"))["nodes"]
                   if d.get("node_kind") == "source"}
    sources = {n for n, d in original.nodes(data=True) if d.get("node_kind") == "source"} | out_sources
    digests = set()
    for u, v, k, d in original.edges(keys=True, data=True):
        if d["type"] == MENTIONS:
            continue
        text = fold(json.dumps([u, v, d], ensure_ascii=False))
        if not any(p in text for p in PARTS) and u not in PROTECTED and v not in PROTECTED:
            continue
        digests.add(k.split(":", 1)[1])
        digests.update(evidence_id(k, s).split(":", 1)[1] for s in sources)
    return digests


def test_the_corpus_leaks_without_redact(original: nx.MultiDiGraph, tmp_path: Path) -> None:
    """Not vacuous: unredacted, the same checks find the names in every place they hide."""
    target = tmp_path / "g.json"
    assert CliRunner().invoke(cli, ["export", str(LEAKY), "-o", str(target)]).exit_code == 0
    data = json.loads(target.read_text("utf-8"))
    with pytest.raises(AssertionError):
        assert_nothing_identifies(list(strings(data)), "plain")
    hidden = ["Ｄｉｌａｒａ　Ｋｅｍａｌｏｖａ", "Le\u00adnur", "K\u00e9malova", "K&eacute;malova", "Kemal%6Fva",
              "%4C%65%6E%75%72", "Dilara%2520Kemalova", "DilaraKemalova", "d\u00ecl\u00e1ra.kemalova@",
              "Кемаловой", "Lenur\u200bSeitov", "\\u0044ilara", "L&#101;nur", "K\u0435m\u0430l\u043ev\u0430",
              "S\u03b5it\u03bfv"]
    text = json.dumps(data, ensure_ascii=False)
    for spelling in hidden:
        assert spelling in text, spelling
    assert sum(1 for _ in original.nodes) == 10


@pytest.mark.parametrize("fmt", [*FORMATS, "html", "report", "analyze", "connect"])
def test_no_name_spelling_in_any_output(outputs: dict[str, Path], fmt: str) -> None:
    path = outputs[fmt]
    text = raw(path)
    assert_nothing_identifies([text], f"{fmt} raw")
    if fmt in ("json", "ftm", "connect"):
        lines = text.splitlines() if fmt == "ftm" else [text]
        assert_nothing_identifies([s for line in lines for s in strings(json.loads(line))], fmt)
    elif fmt in ("graphml", "gexf"):
        import xml.etree.ElementTree as ET

        root = ET.parse(path).getroot()
        texts = [x for el in root.iter() for x in [el.text or "", *el.attrib.values()]]
        assert_nothing_identifies([s for t in texts for s in strings(t)], fmt)
    elif fmt == "csv":
        for f in sorted(path.iterdir()):
            with f.open(encoding="utf-8", newline="") as fh:
                assert_nothing_identifies([s for row in csv.reader(fh) for cell in row for s in strings(cell)],
                                          f.name)
    elif fmt == "html":
        _, data = parse(path)
        assert_nothing_identifies(list(strings(data)), fmt)
        assert data["redacted"] is True
    # Pseudonyms are there: the check looked at real content.
    assert "person a" in fold(text) or "person.redacted-a" in text, fmt
    if fmt == "html":
        assert "<title>Person A&#x27;s network</title>" in text or "<title>Person A's network</title>" in text


@pytest.mark.parametrize("fmt", [*FORMATS, "html", "report", "connect"])
def test_no_id_hashed_from_a_real_key(original: nx.MultiDiGraph, outputs: dict[str, Path], fmt: str) -> None:
    forbidden = forbidden_ids(original, outputs)
    assert len(forbidden) > 20
    found = set(HEX.findall(raw(outputs[fmt])))
    assert not found & forbidden, sorted(found & forbidden)
    # The claim that touches nobody protected keeps its id (and so can be joined with unredacted exports).
    public = next(k for u, v, k, d in original.edges(keys=True, data=True)
                  if u == "person:ivan-petrenko" and d["type"] == "WORKS_FOR")
    if fmt in ("json", "graphml", "gexf", "csv", "cypher", "html"):
        assert public.split(":", 1)[1] in found, fmt


def check_graph_refs(g: nx.MultiDiGraph, where: str) -> int:
    """Every reference in a casegraph-shaped graph names a node of it; returns how many were checked."""
    nodes = set(g.nodes)
    checked = 0

    def ref(value: Any) -> None:
        nonlocal checked
        assert value in nodes, (where, value)
        checked += 1

    for _, d in g.nodes(data=True):
        for s in d.get("sources") or []:
            ref(s)
    for u, v, _, d in g.edges(keys=True, data=True):
        ref(u)
        ref(v)
        for s in d.get("sources") or []:
            ref(s)
        for ev in d.get("evidence") or []:
            ref(ev["source"])
            if "asserted_by" in ev:
                ref(ev["asserted_by"])
        for q in ("client", "case"):
            if q in d:
                ref(d[q])
    return checked


def _import_rows(header: Path, body: Path) -> Iterator[tuple[list[str], list[str]]]:
    columns = next(csv.reader(header.open(encoding="utf-8", newline="")))
    for raw in csv.reader(body.open(encoding="utf-8", newline="")):
        yield columns, raw


def csv_graph(folder: Path) -> nx.MultiDiGraph:
    """The import-tool folder back in the casegraph graph shape (entities, sources, claim edges
    with their evidence); every relationship end must be a node of the files."""
    files = read_manifest(folder)
    g = nx.MultiDiGraph()
    ids: set[str] = set()
    evidence: dict[str, list[dict[str, Any]]] = {}
    for labels, (header, body) in files.nodes:
        for columns, raw in _import_rows(header, body):
            row = {c.split(":")[0]: (cell.split(ARRAY_DELIMITER) if c.endswith("string[]") else cell)
                   for c, cell in zip(columns, raw, strict=False) if cell != ""}
            node_id = str(row.get("key", row.get("id")))
            ids.add(node_id)
            if labels == "Evidence":
                evidence.setdefault(str(row["claim_id"]), []).append(row)
            elif labels == "Source":
                g.add_node(node_id, node_kind="source", **row)
            elif labels != "Claim":
                g.add_node(node_id, node_kind="entity", **row)
    claim_rels = []
    for rel_type, (header, body) in files.relationships:
        for columns, raw in _import_rows(header, body):
            start, end = raw[0].strip('"'), raw[1].strip('"')
            assert start in ids and end in ids, (rel_type, start, end)
            row = {c.split(":")[0]: cell for c, cell in zip(columns[2:], raw[2:], strict=False) if cell != ""}
            if rel_type == "MENTIONS":
                g.add_edge(start, end, type="MENTIONS")
            elif rel_type not in ("SUPPORTS", "CITES", "ASSERTED_BY"):
                claim_rels.append((start, end, rel_type, row))
    for start, end, rel_type, row in claim_rels:
        evs = [{k: v for k, v in ev.items() if k not in ("id", "claim_id")} for ev in evidence[row["claim_id"]]]
        g.add_edge(start, end, type=rel_type, evidence=evs, **{q: row[q] for q in ("client", "case") if q in row})
    return g


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf", "csv"])
def test_every_reference_resolves(original: nx.MultiDiGraph, outputs: dict[str, Path], fmt: str) -> None:
    path = outputs[fmt]
    if fmt == "json":
        g = nx.node_link_graph(json.loads(path.read_text("utf-8")), edges="edges")
    elif fmt == "graphml":
        g = restore_graph(nx.read_graphml(path, force_multigraph=True))
    elif fmt == "gexf":
        g = gexf_exporter.restore(nx.read_gexf(path))
    else:
        g = csv_graph(path)
    assert g.number_of_nodes() == original.number_of_nodes()
    assert g.number_of_edges() == original.number_of_edges()
    # Sources of a protected person, evidence of two sources, a protected speaker, a client: all counted.
    assert check_graph_refs(g, fmt) >= 50
    speakers = {ev["asserted_by"] for _, _, d in g.edges(data=True) for ev in d.get("evidence") or []
                if "asserted_by" in ev}
    assert "person:redacted-b" in speakers


def test_ftm_references_resolve(outputs: dict[str, Path]) -> None:
    data = [json.loads(line) for line in outputs["ftm"].read_text("utf-8").splitlines()]
    ids = {d["id"] for d in data}
    checked = 0
    for d in data:
        schema = model.get(d["schema"])
        assert schema is not None
        for prop, values in d["properties"].items():
            if schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, (d["id"], prop, values)
                checked += len(values)
    assert checked > 20


def test_view_references_resolve(outputs: dict[str, Path]) -> None:
    _, data = parse(outputs["html"])
    ids = {n["id"] for n in data["nodes"]}
    assert {e["from"] for e in data["edges"]} | {e["to"] for e in data["edges"]} <= ids
    assert set(data["nodeDetails"]) == ids
    for det in data["nodeDetails"].values():
        assert set(det["sources"]) <= set(data["sources"])
    cited = [ev["source"] for det in data["edgeDetails"].values() for ev in det["evidence"]]
    assert cited and set(cited) <= set(data["sources"])
    speakers = {ev["speaker"] for det in data["edgeDetails"].values() for ev in det["evidence"]}
    assert "Person B" in speakers and "Dilara Yusupova" in speakers  # resolved to names, pseudonym included


@pytest.mark.neo4j
def test_cypher_script_creates_every_relationship(original: nx.MultiDiGraph, outputs: dict[str, Path],
                                                  clean_db: neo4j.Driver) -> None:
    """A reference to a key that is not in the script would silently create nothing: count them all."""
    with clean_db.session() as session:
        for stmt in statements(outputs["cypher"].read_text("utf-8")):
            session.run(stmt).consume()
        rec = session.run(
            "MATCH (n) WITH count(n) AS nodes "
            "OPTIONAL MATCH (:Entity)-[r]->(:Entity) WHERE r.claim_id IS NOT NULL WITH nodes, count(r) AS claims "
            "OPTIONAL MATCH (e:Evidence)-[:CITES]->(:Source) WITH nodes, claims, count(e) AS cited "
            "OPTIONAL MATCH (e2:Evidence)-[:ASSERTED_BY]->(:Entity) "
            "RETURN nodes, claims, cited, count(e2) AS spoken").single()
        keys = {r["k"] for r in session.run("MATCH (n) WHERE n.key IS NOT NULL RETURN n.key AS k")}
    assert rec is not None
    claims = [d for _, _, d in original.edges(data=True) if d["type"] != MENTIONS]
    evidence = [ev for d in claims for ev in d["evidence"]]
    assert rec["claims"] == len(claims)
    assert rec["cited"] == len(evidence)
    assert rec["spoken"] == sum(1 for ev in evidence if "asserted_by" in ev) == 2
    assert {"person:redacted-a", "person:redacted-b", "source:redacted-a-interview"} <= keys
    assert_nothing_identifies(sorted(keys), "neo4j keys")


def test_filter_maps_keys_consistently(original: nx.MultiDiGraph) -> None:
    """One key map for nodes and references; a source slug naming the person is pseudonymised, not mangled."""
    g = exit_graph(original, redact=True)
    assert "source:redacted-a-interview" in g and "source:report-on-redacted-b" in g
    assert g.nodes["person:redacted-a"]["sources"] == ["source:redacted-a-interview", "source:report-on-redacted-b"]
    assert check_graph_refs(g, "exit graph") >= 50
    # Nodes in the order of their output keys: the real keys' order would place a pseudonym among them.
    for kind in ("source", "entity"):
        keys = [n for n, d in g.nodes(data=True) if d["node_kind"] == kind]
        assert keys == sorted(keys), kind
    # Same input, same output: pseudonyms and new ids are stable across runs.
    again = exit_graph(original, redact=True)
    assert sorted(g.edges(keys=True)) == sorted(again.edges(keys=True))
