"""casegraph view: the generated file (offline, complete, redacted, escaped) and the page in headless Chromium.

Browser checks read the vis DataSets/DataViews of the page (``window.casegraphView``),
Chromium's console log, and its performance log (every request the page made).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.build import MENTIONS, build_graph
from graph.errors import CasegraphError
from graph.redact import exit_graph, sensitive_strings
from graph.subgraph import select
from graph.views import write_html, write_view
from graph.views.html import DETAIL_BLOCKS, PHYSICS_MAX_NODES
from loaders.factfile import write_fact_file
from loaders.facts import load_corpus
from loaders.synth import write_corpus
from tests.chromium import chromium

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "crimea"
ARTIFACTS = ROOT / "tests" / "artifacts"

HOSTILE_NAME = '<img src=x onerror="window.__pwned=1;alert(1)">'
HOSTILE_ALIAS = '</script><script>window.__pwned=2;alert(2)</script>'
HOSTILE_TITLE = '"><svg onload="window.__pwned=3;alert(3)">'
HOSTILE_HEADING = '</title><script>window.__pwned=4;alert(4)</script>'
HOSTILE_QUOTE = '</script><img src=x onerror=alert(5)> & \u2028 <!-- said'


# -- helpers ------------------------------------------------------------------------------


class _Page(HTMLParser):
    """Tags with their attributes, and the text of each JSON data script by id."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        a = dict(attrs)
        self._in = a.get("id") if tag == "script" and a.get("type") == "application/json" else None
        if self._in:
            self.blocks[self._in] = ""

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.blocks[self._in] += data


SCRIPTS = 2 + 1 + len(DETAIL_BLOCKS)  # vis-network, the app, the start-up data and the detail blocks


def parse(path: Path) -> tuple[_Page, dict[str, Any]]:
    """The page, and its data: the start-up block merged with the detail blocks."""
    page = _Page()
    page.feed(path.read_text("utf-8"))
    assert set(page.blocks) == {"casegraph-data", *DETAIL_BLOCKS}
    data = json.loads(page.blocks["casegraph-data"])
    for block, keys in DETAIL_BLOCKS.items():
        more = json.loads(page.blocks[block])
        assert set(more) == set(keys) and not set(more) & set(data)
        data.update(more)
    return page, data


@pytest.fixture(scope="module")
def example() -> nx.MultiDiGraph:
    return build_graph(load_corpus([EXAMPLE]))


def hostile_corpus(folder: Path) -> Path:
    """A small corpus whose names, aliases, quotes, source title and URL try to inject markup."""
    doc = {
        "source": {"key": "source:hostile", "title": HOSTILE_TITLE, "publisher": HOSTILE_NAME,
                   "url": "https://example.org/a?<script>", "published": "2022-01-05", "language": "en"},
        "entities": [
            {"key": "person:hostile", "label": "Person", "name": HOSTILE_NAME, "aliases": [HOSTILE_ALIAS, "Zlodey"]},
            {"key": "org:plain", "label": "Organisation", "name": "Plain Org", "attributes": {"note": HOSTILE_QUOTE}},
            {"key": "event:later", "label": "Event", "name": "Later event", "attributes": {"kind": "other", "date": "2022-06"}},
        ],
        "claims": [
            {"subject": "person:hostile", "predicate": "MEMBER_OF", "object": "org:plain", "role": HOSTILE_ALIAS,
             "date": "2021-03", "quote": HOSTILE_QUOTE, "asserted_by": "person:hostile"},
            {"subject": "person:hostile", "predicate": "PARTICIPANT_IN", "object": "event:later",
             "role": "target", "date": "2022-06", "quote": "the later event " + HOSTILE_NAME},
        ],
    }
    path = folder / "hostile" / "hostile.yaml"
    write_fact_file(path, doc)
    return path.parent


def claim_ids(g: nx.MultiDiGraph) -> set[str]:
    return {k for _, _, k, d in g.edges(keys=True, data=True) if d.get("type") != MENTIONS}


def entity_ids(g: nx.MultiDiGraph) -> set[str]:
    return {n for n, d in g.nodes(data=True) if d.get("node_kind") == "entity"}


# -- the file -----------------------------------------------------------------------------


def test_file_is_self_contained(example: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    write_view(example, out)
    text = out.read_text("utf-8")
    page, _ = parse(out)
    # Nothing is loaded from anywhere: no src/href on scripts, links, images, frames or styles.
    loaders = [(t, a) for t, a in page.tags if t in ("script", "link", "img", "iframe", "object", "embed", "source")
               and (a.get("src") or a.get("href") or a.get("data"))]
    assert loaders == []
    assert [t for t, _ in page.tags].count("script") == SCRIPTS
    assert "@import" not in text
    assert all(u.startswith(("data:", '"data:', "'data:")) for u in re.findall(r"url\(\s*([^)]*)\)", text))
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    # pyvis's CDN assets are not used.
    assert "cdn.jsdelivr" not in text and "bootstrap" not in text.lower() and "tom-select" not in text


def test_every_entity_and_claim_is_in_the_file(example: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    summary = write_view(example, out)
    _, data = parse(out)
    assert {n["id"] for n in data["nodes"]} == entity_ids(example) == set(data["nodeDetails"])
    assert {e["id"] for e in data["edges"]} == claim_ids(example) == set(data["edgeDetails"])
    assert (summary.nodes, summary.edges) == (len(entity_ids(example)), len(claim_ids(example)))
    # Evidence travels with each edge: source, quote, speaker.
    for _, _, k, d in example.edges(keys=True, data=True):
        if d.get("type") != MENTIONS:
            got = data["edgeDetails"][k]["evidence"]
            assert [e["quote"] for e in got] == [e["quote"] for e in d["evidence"]]
    assert data["sources"]["source:empr-2022-fsb-agent-network"]["url"].startswith("https://empr.media/")
    # The start-up block holds what drawing and search need, not the evidence or the sources.
    page, _ = parse(out)
    startup = page.blocks["casegraph-data"]
    quote = next(d["evidence"][0]["quote"] for _, _, d in example.edges(data=True) if d.get("type") != MENTIONS)
    assert json.dumps(quote, ensure_ascii=False)[1:40] not in startup
    assert "empr.media" not in startup
    assert data["names"]["person:nariman-dzhelyal"][0] == "Nariman Dzhelyal"
    assert "Нариман Джелял" in data["names"]["person:nariman-dzhelyal"]
    # Styling comes from the ontology: one entry per label present, in the ontology's order.
    assert [entry["label"] for entry in data["legend"]["labels"]] == ["Person", "Organisation", "LegalCase", "Event", "Location"]
    generic = next(n for n in data["nodes"] if n["id"] == "org:russian-occupation-authorities")
    assert generic["shapeProperties"]["borderDashes"]
    assert data["physics"] is True


def test_redacted_file_holds_no_sensitive_name(example: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    summary = write_view(example, out, redact=True)
    text = out.read_text("utf-8")
    assert summary.redacted
    secrets = list(sensitive_strings(example))
    assert "Kurtumer Chalgozov" in secrets and "Нариман Аметов" in secrets
    folded = text.casefold()
    for secret in secrets:
        assert secret.casefold() not in folded, secret
        assert json.dumps(secret, ensure_ascii=False)[1:-1].casefold() not in folded
    _, data = parse(out)
    names = {d["name"] for d in data["nodeDetails"].values()}
    assert {"Person A", "Person B"} <= names
    assert data["redacted"] is True
    # Everyone else keeps their name.
    assert "Nariman Dzhelyal" in names


def test_hostile_strings_are_escaped_in_the_file(tmp_path: Path) -> None:
    g = build_graph(load_corpus([hostile_corpus(tmp_path)]))
    out = tmp_path / "h.html"
    write_view(g, out, heading=HOSTILE_HEADING)
    text = out.read_text("utf-8")
    for raw in ("<img", "<svg", "</script><script>", "</title><script>", "\u2028", "<!--"):
        assert raw not in text, raw
    page, data = parse(out)
    assert [t for t, _ in page.tags].count("script") == SCRIPTS
    # The data itself is intact once parsed.
    assert data["nodeDetails"]["person:hostile"]["name"] == HOSTILE_NAME
    assert data["nodeDetails"]["person:hostile"]["aliases"][0] == HOSTILE_ALIAS
    assert data["heading"] == HOSTILE_HEADING
    title = next(a for t, a in page.tags if t == "title")
    assert title == {}
    assert "&lt;/title&gt;&lt;script&gt;" in text


def test_as_of_and_filters_cut_the_file(tmp_path: Path) -> None:
    g = build_graph(load_corpus([hostile_corpus(tmp_path)]))
    out = tmp_path / "a.html"
    write_view(g, out, as_of="2021-12")
    _, data = parse(out)
    assert {n["id"] for n in data["nodes"]} == {"person:hostile", "org:plain"}  # the 2022-06 event had not happened
    assert [e["cg_type"] for e in data["edges"]] == ["MEMBER_OF"]
    assert data["asOf"] == "2021-12"
    write_view(g, out, types=["PARTICIPANT_IN"], labels=["Person", "Event"])
    _, data = parse(out)
    assert {n["id"] for n in data["nodes"]} == {"person:hostile", "event:later"}
    assert [e["cg_type"] for e in data["edges"]] == ["PARTICIPANT_IN"]


def test_refusals(example: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    with pytest.raises(CasegraphError, match=r"24 entities are too many .*--focus KEY"):
        write_view(example, out, max_nodes=10)
    with pytest.raises(CasegraphError, match=r"unknown label 'Persn' \(known: Person, "):
        write_view(example, out, labels=["Persn"])
    with pytest.raises(CasegraphError, match=r"unknown relationship type 'KNOWS'"):
        write_view(example, out, types=["KNOWS"])
    with pytest.raises(CasegraphError, match="exit filter"):
        write_html(example, out)  # a graph that skipped graph.redact.exit_graph
    with pytest.raises(CasegraphError, match="does not exist"):
        write_view(example, tmp_path / "no" / "v.html")
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_cli(tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    result = CliRunner().invoke(cli, ["view", str(EXAMPLE), "-o", str(out), "--redact", "--heading", "Crimea"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out}: 24 entities, 26 facts, physics, redacted (")
    assert "<title>Crimea</title>" in out.read_text("utf-8")
    result = CliRunner().invoke(cli, ["view", str(EXAMPLE), "-o", str(out), "--max-nodes", "5", "--force"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: 24 entities are too many to read in one view (limit 5)")
    result = CliRunner().invoke(cli, ["view", str(EXAMPLE), "-o", str(out), "--as-of", "2021-13", "--force"])
    assert result.exit_code == 1 and "Error: --as-of: '2021-13' has no month 13" in result.output


def test_big_graph_gets_a_seeded_layout_without_physics(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 2500, seed=3)
    g = build_graph(load_corpus([tmp_path / "c"]))
    assert len(entity_ids(g)) > PHYSICS_MAX_NODES
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    write_view(g, a)
    write_view(g, b)
    assert a.read_bytes() == b.read_bytes()  # seeded: the same file twice
    _, data = parse(a)
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > 0.9 * len(data["nodes"])


# -- the page in headless Chromium --------------------------------------------------------


@pytest.fixture(scope="module")
def chrome() -> Iterator[Any]:
    with chromium("casegraph-view-", performance_log=True) as driver:
        yield driver


def open_view(driver: Any, path: Path) -> dict[str, Any]:
    """Open a view, wait for its first drawing, and return what the page drew."""
    driver.get("about:blank")
    driver.get_log("performance")  # drop what came before
    driver.get_log("browser")
    driver.get(path.resolve().as_uri())
    deadline = time.monotonic() + 120
    state = None
    while time.monotonic() < deadline:
        state = driver.execute_script(
            "const v = window.casegraphView; if (!v || !v.firstDrawMs || !v.stabilized) return null;"
            "return {shown: v.shown(), total: {nodes: v.nodes.length, edges: v.edges.length},"
            "        drawn: {nodes: v.network.body.nodeIndices.length, edges: v.network.body.edgeIndices.length}};")
        if state:
            return state
        time.sleep(0.1)
    raise AssertionError(f"the view of {path} did not draw")


def requests_made(driver: Any) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def assert_nothing_ran(driver: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018
    injected = driver.execute_script(
        "return {pwned: window.__pwned || null, imgs: document.querySelectorAll('img, svg, iframe').length,"
        "        scripts: document.scripts.length}")
    assert injected == {"pwned": None, "imgs": 0, "scripts": SCRIPTS}


def click_node(driver: Any, key: str) -> None:
    """A real mouse click on a node, where the canvas draws it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver.execute_script("casegraphView.network.focus(arguments[0], {scale: 1.5, animation: false});", key)
    at = driver.execute_script(
        "const p = casegraphView.network.canvasToDOM(casegraphView.network.getPosition(arguments[0]));"
        "const r = document.getElementById('network').getBoundingClientRect(); return [p.x - r.width / 2, p.y - r.height / 2];",
        key)
    canvas = driver.find_element(By.ID, "network")
    ActionChains(driver).move_to_element_with_offset(canvas, int(at[0]), int(at[1])).click().perform()


def test_example_view_in_chromium(chrome: Any, example: nx.MultiDiGraph, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    out = tmp_path / "crimea.html"
    write_view(example, out, heading="Crimea: FSB informant network (EMPR, 2022)")
    state = open_view(chrome, out)
    assert chrome.execute_script("return casegraphView.detailsParsed()") == []  # nothing parsed for the panel yet
    want = {"nodes": len(entity_ids(example)), "edges": len(claim_ids(example))}
    assert state["total"] == state["shown"] == state["drawn"] == want
    assert console_errors(chrome) == []
    page = out.resolve().as_uri()
    assert [u for u in requests_made(chrome) if u != page and not u.startswith("data:")] == []

    # Click a person: the panel shows label, aliases and the sources that mention them,
    # and the rest of the graph greys out except the neighbourhood.
    click_node(chrome, "person:nariman-dzhelyal")
    panel = chrome.find_element(By.ID, "panel").text
    assert "Nariman Dzhelyal" in panel and "PERSON" in panel.upper() and "Нариман Джелял" in panel
    assert chrome.execute_script("return casegraphView.detailsParsed()") == ["casegraph-nodes"]
    assert "Russian FSB attempts to create an agent network among the Crimean Tatars" in panel
    link = chrome.find_element(By.CSS_SELECTOR, "#panel a")
    assert link.get_attribute("href").startswith("https://empr.media/") and link.get_attribute("rel") == "noopener noreferrer"
    grey = chrome.execute_script(
        "const v = casegraphView; return v.nodes.get().filter(n => n.color.background === '#e4e4e4').map(n => n.id);")
    neighbours = set(nx.Graph(example.subgraph(entity_ids(example))).neighbors("person:nariman-dzhelyal"))
    assert set(grey) == entity_ids(example) - neighbours - {"person:nariman-dzhelyal"}

    # An edge's evidence: quote, source, speaker.
    claim = next(k for u, v, k, d in example.edges(keys=True, data=True)
                 if d.get("type") != MENTIONS and any(e.get("asserted_by") for e in d["evidence"]))
    chrome.execute_script("casegraphView.showEdge(arguments[0]);", claim)
    panel = chrome.find_element(By.ID, "panel").text
    ev = example.edges[next((u, v, k) for u, v, k in example.edges(keys=True) if k == claim)]["evidence"][0]
    assert chrome.execute_script("return casegraphView.detailsParsed()") == ["casegraph-edges", "casegraph-nodes"]
    assert ev["quote"][:30] in panel and "said by" in panel and example.nodes[ev["asserted_by"]]["name"] in panel

    ARTIFACTS.mkdir(exist_ok=True)
    chrome.execute_script("casegraphView.network.fit({animation: false});")
    shot = ARTIFACTS / "view-crimea.png"
    chrome.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_search_filters_and_time_in_chromium(chrome: Any, example: nx.MultiDiGraph, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    out = tmp_path / "crimea.html"
    write_view(example, out)
    open_view(chrome, out)
    # Search by alias in another script, and with the accent left out.
    box = chrome.find_element(By.ID, "search")
    box.send_keys("Джелял")
    results = [b.get_attribute("data-node") for b in chrome.find_elements(By.CSS_SELECTOR, "#results button")]
    assert results == ["person:nariman-dzhelyal"]
    assert chrome.execute_script("return casegraphView.search('celal')") == ["person:nariman-dzhelyal"]
    found = chrome.execute_script("return casegraphView.search('nariman')")
    assert {n for n in found if n.startswith("person:")} == {"person:nariman-dzhelyal", "person:nariman-ametov"}
    assert all("nariman" in " ".join([example.nodes[n]["name"], *example.nodes[n]["aliases"]]).casefold()
               for n in found)
    assert found.index("person:nariman-ametov") < found.index("event:ametov-arrest")  # names starting with it first
    box.clear()
    box.send_keys("dzhelyal")
    assert chrome.find_element(By.CSS_SELECTOR, "#results button").text == "Nariman Dzhelyal"
    chrome.find_element(By.CSS_SELECTOR, "#results button").click()
    assert chrome.execute_script("return casegraphView.network.getSelectedNodes()") == ["person:nariman-dzhelyal"]
    assert chrome.execute_script("return casegraphView.search('')") == []

    # Filter by label (a real click on the legend) and by relationship type.
    events = sum(1 for n in entity_ids(example) if example.nodes[n]["label"] == "Event")
    before = chrome.execute_script("return casegraphView.shown()")
    chrome.find_element(By.CSS_SELECTOR, '#labels input[data-label="Event"]').click()
    after = chrome.execute_script("return casegraphView.shown()")
    expected = select(exit_graph(example), labels=["Person", "Organisation", "LegalCase", "Location"])
    assert after == {"nodes": before["nodes"] - events, "edges": len(claim_ids(expected))}
    chrome.find_element(By.CSS_SELECTOR, '#labels input[data-label="Event"]').click()
    assert chrome.execute_script("return casegraphView.shown()") == before
    chrome.execute_script("casegraphView.setType('PARTICIPANT_IN', false)")
    shown = chrome.execute_script("return casegraphView.shown()")
    participant = sum(1 for _, _, d in example.edges(data=True) if d.get("type") == "PARTICIPANT_IN")
    assert shown == {"nodes": before["nodes"], "edges": before["edges"] - participant}
    assert "Error" not in " ".join(console_errors(chrome))


def test_time_slider_and_as_of_in_chromium(chrome: Any, tmp_path: Path) -> None:
    g = build_graph(load_corpus([hostile_corpus(tmp_path)]))
    out = tmp_path / "t.html"
    write_view(g, out)
    assert open_view(chrome, out)["shown"] == {"nodes": 3, "edges": 2}
    # Move the slider to its first day (2021-03-01): the 2022 fact and event disappear.
    chrome.execute_script(
        "const s = document.getElementById('slider'); s.value = '0'; s.dispatchEvent(new Event('input'));")
    assert chrome.execute_script("return document.getElementById('day').textContent") == "2021-03-01"
    assert chrome.execute_script("return casegraphView.shown()") == {"nodes": 2, "edges": 1}
    chrome.execute_script(
        "const s = document.getElementById('slider'); s.value = s.max; s.dispatchEvent(new Event('input'));")
    assert chrome.execute_script("return casegraphView.shown()") == {"nodes": 3, "edges": 2}
    # --as-of bakes the cut into the file.
    write_view(g, out, as_of="2021-12-31")
    assert open_view(chrome, out)["shown"] == {"nodes": 2, "edges": 1}
    assert "as of 2021-12-31" in chrome.execute_script("return document.getElementById('meta').textContent")


def test_hostile_strings_run_nothing_in_chromium(chrome: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    g = build_graph(load_corpus([hostile_corpus(tmp_path)]))
    out = tmp_path / "h.html"
    write_view(g, out, heading=HOSTILE_HEADING)
    state = open_view(chrome, out)
    assert state["shown"] == {"nodes": 3, "edges": 2}
    assert_nothing_ran(chrome)
    assert chrome.title == HOSTILE_HEADING
    assert chrome.find_element(By.ID, "heading").text == HOSTILE_HEADING
    # The node panel, the edge panel (quote, speaker, source title), search results and tooltips show text.
    click_node(chrome, "person:hostile")
    panel = chrome.find_element(By.ID, "panel").text
    assert HOSTILE_NAME in panel and HOSTILE_ALIAS in panel and HOSTILE_TITLE in panel
    claim = next(k for _, _, k, d in g.edges(keys=True, data=True) if d.get("type") == "MEMBER_OF")
    chrome.execute_script("casegraphView.showEdge(arguments[0]);", claim)
    panel = chrome.find_element(By.ID, "panel").text
    assert "</script><img src=x onerror=alert(5)>" in panel and HOSTILE_TITLE in panel and HOSTILE_ALIAS in panel
    # The source URL carries markup too: it stays an attribute value.
    assert chrome.find_element(By.CSS_SELECTOR, "#panel a").get_attribute("href") == "https://example.org/a?%3Cscript%3E"
    chrome.find_element(By.ID, "search").send_keys("script")
    assert chrome.find_element(By.ID, "results").text.startswith(HOSTILE_NAME)
    chrome.execute_script(
        "const v = casegraphView.network; v.emit('hoverNode', {node: 'person:hostile', pointer: {DOM: {x: 10, y: 10}}});")
    assert HOSTILE_ALIAS in chrome.find_element(By.ID, "tip").text
    assert_nothing_ran(chrome)
    assert console_errors(chrome) == []
    page = out.resolve().as_uri()
    assert [u for u in requests_made(chrome) if u != page and not u.startswith("data:")] == []


def test_big_view_draws_in_chromium(chrome: Any, tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 2500, seed=3)
    g = build_graph(load_corpus([tmp_path / "c"]))
    out = tmp_path / "big.html"
    summary = write_view(g, out, redact=True)
    assert not summary.physics
    state = open_view(chrome, out)
    assert state["drawn"] == state["total"] == {"nodes": len(entity_ids(g)), "edges": len(claim_ids(g))}
    assert console_errors(chrome) == []
    text = out.read_text("utf-8").casefold()
    assert not [s for s in sensitive_strings(g) if s.casefold() in text]


def test_size_by_betweenness(example: nx.MultiDiGraph, tmp_path: Path) -> None:
    from graph.analysis.measures import betweenness
    from graph.analysis.projection import entity_graph
    from graph.views.style import MAX_SIZE, MIN_SIZE

    out = tmp_path / "b.html"
    write_view(example, out, importance="betweenness")
    _, data = parse(out)
    assert data["importance"].startswith("betweenness")
    broker = betweenness(entity_graph(example))["ranking"][0]["key"]
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert sizes[broker] == MAX_SIZE and min(sizes.values()) == MIN_SIZE
    write_view(example, out)
    _, data = parse(out)
    assert data["importance"] == "number of facts (degree)"
    with pytest.raises(CasegraphError, match="unknown importance measure 'pagerank'"):
        write_view(example, out, importance="pagerank")


@pytest.mark.neo4j
def test_view_from_neo4j(clean_db: Any, neo4j_env: Any, example: nx.MultiDiGraph, tmp_path: Path) -> None:
    from graph.db.store import connect

    with connect() as store:
        store.load(load_corpus([EXAMPLE]))
    out = tmp_path / "n.html"
    result = CliRunner().invoke(cli, ["view", "--from", "neo4j", "--focus", "person:nariman-dzhelyal", "--depth", "1",
                                      "-o", str(out), "--redact"])
    assert result.exit_code == 0, result.output
    _, data = parse(out)
    around = set(nx.Graph(example.subgraph(entity_ids(example))).neighbors("person:nariman-dzhelyal"))
    assert {n["id"] for n in data["nodes"]} == around | {"person:nariman-dzhelyal"}
    text = out.read_text("utf-8").casefold()
    assert not [s for s in sensitive_strings(example) if s.casefold() in text]
