"""casegraph serve in real headless Chromium: log in through the token URL, search in Latin
and Cyrillic, expand on the canvas, open the evidence of a tie with a real mouse click,
connect two people, hostile strings shown as text, and the redacted app's DOM free of
protected names, a case's timeline. Takes the docs' and README's screenshot (redacted, the
crimea example's sabotage case: docs/img/serve.png).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import test_serve
from tests.chromium import chromium
from tests.test_serve import App
from tests.test_view import HOSTILE_NAME

# The app fixtures of tests/test_serve.py, shared by name.
corpus_dir, loaded, app, redacted_app, secrets_of_corpus = (
    test_serve.corpus_dir, test_serve.loaded, test_serve.app, test_serve.redacted_app, test_serve.secrets_of_corpus)
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOCS_IMG = Path(__file__).resolve().parent.parent / "docs" / "img"  # the screenshot the docs and README show


@pytest.fixture(scope="module")
def chrome() -> Iterator[Any]:
    with chromium("casegraph-serve-") as driver:
        yield driver


def wait(driver: Any, what: Callable[[], Any], message: str, seconds: float = 60) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = what()
        except Exception:  # noqa: BLE001 - the page is still changing; try again
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}; console: {driver.get_log('browser')}; "
                         f"panel: {css(driver, '#panel')[0].text if css(driver, '#panel') else None}")


def css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def log_in(driver: Any, app: App) -> None:
    driver.get("about:blank")
    driver.delete_all_cookies()
    driver.get(app.access.url())
    wait(driver, lambda: css(driver, "#search") and driver.execute_script("return !!window.casegraph"), "the app page")
    assert driver.current_url == f"http://127.0.0.1:{app.port}/"  # the token left the address bar
    driver.execute_script("localStorage.clear(); casegraph.nodes.clear(); casegraph.edges.clear();")
    driver.get_log("browser")


def search(driver: Any, text: str, key: str | None = None) -> list[Any]:
    box = css(driver, "#search")[0]
    box.clear()
    box.send_keys(text)
    box.send_keys("\n")
    if key is None:
        return wait(driver, lambda: css(driver, "#search-status")[0].text.endswith("matches")
                    or css(driver, "#search-status")[0].text == "1 match", f"search {text!r}") and css(driver, ".result")
    return wait(driver, lambda: css(driver, f'.result[data-key="{key}"]'), f"{key} in the results of {text!r}")


def canvas_ids(driver: Any) -> list[str]:
    return driver.execute_script("return casegraph.nodes.getIds()")


def settle(driver: Any) -> None:
    driver.execute_script("casegraph.network.stopSimulation(); casegraph.network.fit({animation: false});")


def click_canvas(driver: Any, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = css(driver, "#canvas")[0]
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - size["width"] / 2),
                                                     int(y - size["height"] / 2)).click().perform()


def click_node(driver: Any, key: str) -> None:
    settle(driver)
    at = driver.execute_script("return casegraph.network.canvasToDOM(casegraph.network.getPosition(arguments[0]))", key)
    click_canvas(driver, at["x"], at["y"])


def still(driver: Any, seconds: float = 1.5) -> None:
    """Wait until the canvas stops changing (answers to earlier clicks may still be arriving)."""
    last, since, deadline = None, time.monotonic(), time.monotonic() + 60
    while time.monotonic() < deadline:
        now = driver.execute_script("return casegraph.nodes.length + ':' + casegraph.edges.length")
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return
        time.sleep(0.2)


def click_some_edge(driver: Any, touching: str | None = None) -> str:
    """A real click on the middle of a tie that no node covers; returns its id."""
    still(driver)
    settle(driver)
    found = driver.execute_script("""
        const net = casegraph.network;
        for (const e of casegraph.edges.get()) {
          if (String(e.id).startsWith('edge-more:')) continue;
          if (arguments[0] && e.from !== arguments[0] && e.to !== arguments[0]) continue;
          const a = net.canvasToDOM(net.getPosition(e.from)), b = net.canvasToDOM(net.getPosition(e.to));
          const m = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
          if (net.getNodeAt(m) === undefined && net.getEdgeAt(m) === e.id) return {id: e.id, x: m.x, y: m.y};
        }
        return null;""", touching)
    assert found, "no tie could be clicked clear of nodes"
    click_canvas(driver, found["x"], found["y"])
    return found["id"]


def console_problems(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def test_search_expand_evidence_in_chromium(chrome: Any, app: App) -> None:
    log_in(chrome, app)
    assert chrome.execute_script("return document.cookie") == ""  # HttpOnly: scripts cannot read it
    search(chrome, "Dzhelial", "person:nariman-dzhelyal")
    heads = [h.text for h in css(chrome, ".group h3")]
    assert any(h.startswith("Person (") for h in heads)
    result = search(chrome, "Чубаров", "person:refat-chubarov")[0]
    result.find_element("css selector", ".name").click()
    wait(chrome, lambda: css(chrome, "#entity-name") and css(chrome, "#entity-name")[0].text == "Refat Chubarov",
         "Chubarov's panel")
    wait(chrome, lambda: "org:mejlis" in canvas_ids(chrome), "Chubarov's neighbours on the canvas")
    assert "Рефат Чубаров" in css(chrome, "#panel")[0].text and "EMPR" in css(chrome, "#panel")[0].text
    # A click on a neighbour expands it and shows its details.
    before = set(canvas_ids(chrome))
    assert "org:mejlis" in before
    click_node(chrome, "org:mejlis")
    wait(chrome, lambda: css(chrome, "#entity-name")[0].text == "Mejlis of the Crimean Tatar People", "the Mejlis panel")
    wait(chrome, lambda: len(set(canvas_ids(chrome)) - before) > 0, "the Mejlis's neighbours")
    # A click on a tie shows its evidence.
    click_some_edge(chrome, "person:refat-chubarov")
    wait(chrome, lambda: css(chrome, "#claim-title"), "the evidence panel")
    panel = css(chrome, "#panel")[0]
    assert css(chrome, "#panel blockquote") and "EMPR" in panel.text and "Evidence (" in panel.text
    assert not {"null", "undefined"} & set(panel.text.split())
    settle(chrome)
    ARTIFACTS.mkdir(exist_ok=True)
    chrome.save_screenshot(str(ARTIFACTS / "serve.png"))
    # The canvas survives a reload (kept in the browser's local storage).
    ids = set(canvas_ids(chrome))
    chrome.refresh()
    wait(chrome, lambda: set(canvas_ids(chrome)) == ids, "the canvas after a reload")
    assert console_problems(chrome) == []


def test_connect_in_chromium(chrome: Any, app: App) -> None:
    log_in(chrome, app)
    search(chrome, "Chubarov", "person:refat-chubarov")[0].find_element("css selector", ".pick-from").click()
    search(chrome, "Polozov", "person:nikolai-polozov")[0].find_element("css selector", ".pick-to").click()
    assert css(chrome, "#connect-from")[0].text == "Refat Chubarov"
    css(chrome, "#connect-go")[0].click()
    wait(chrome, lambda: css(chrome, "#paths-title"), "the paths")
    assert css(chrome, "#paths-title")[0].text.startswith("Refat Chubarov to Nikolai Polozov:")
    paths = css(chrome, ".path")
    assert paths and css(chrome, ".path blockquote")
    ids = set(canvas_ids(chrome))
    assert {"person:refat-chubarov", "person:nikolai-polozov"} <= ids
    assert console_problems(chrome) == []


def test_hostile_strings_are_text_in_chromium(chrome: Any, app: App) -> None:
    log_in(chrome, app)
    result = search(chrome, "Zlodey", "person:hostile")[0]
    assert result.find_element("css selector", ".name").text == HOSTILE_NAME
    result.find_element("css selector", ".name").click()
    wait(chrome, lambda: css(chrome, "#entity-name") and css(chrome, "#entity-name")[0].text == HOSTILE_NAME,
         "the hostile panel")
    wait(chrome, lambda: "org:plain" in canvas_ids(chrome), "the hostile person's ties")
    click_some_edge(chrome, "org:plain")
    wait(chrome, lambda: css(chrome, "#claim-title"), "the hostile evidence")
    assert any("onerror=alert(5)" in q.text for q in css(chrome, "#panel blockquote"))
    # The paths panel: from the hostile person to the organisation, each hop's quote as text.
    search(chrome, "Zlodey", "person:hostile")[0].find_element("css selector", ".pick-from").click()
    search(chrome, "Plain Org", "org:plain")[0].find_element("css selector", ".pick-to").click()
    css(chrome, "#connect-go")[0].click()
    wait(chrome, lambda: css(chrome, "#paths-title"), "the hostile paths")
    assert css(chrome, "#paths-title")[0].text.startswith(f"{HOSTILE_NAME} to Plain Org:")
    assert any("onerror=alert(5)" in q.text for q in css(chrome, ".path blockquote"))
    # A saved query's table: what the hostile person asserted (name and quote in the cells).
    from selenium.webdriver.support.ui import Select

    css(chrome, "#saved summary")[0].click()
    wait(chrome, lambda: len(css(chrome, "#query-name option")) > 3, "the saved queries")
    Select(css(chrome, "#query-name")[0]).select_by_value("person-assertions")
    wait(chrome, lambda: css(chrome, '#query-params input[data-param="person"]'), "the person field")
    css(chrome, '#query-params input[data-param="person"]')[0].send_keys("person:hostile")
    css(chrome, "#query-run")[0].click()
    wait(chrome, lambda: css(chrome, "#query-table tbody tr"), "the query's table")
    cells = [td.text for td in css(chrome, "#query-table tbody td")]
    assert HOSTILE_NAME in cells and any("onerror=alert(5)" in c for c in cells)
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        chrome.switch_to.alert.text  # noqa: B018 - the access is the test
    injected = chrome.execute_script(
        "return {pwned: window.__pwned || null, imgs: document.querySelectorAll('img, svg, iframe').length,"
        " scripts: document.scripts.length}")
    assert injected == {"pwned": None, "imgs": 0, "scripts": 2}


def test_without_the_token_the_browser_gets_nothing(chrome: Any, app: App) -> None:
    chrome.get(f"http://127.0.0.1:{app.port}/static/app.css")
    chrome.delete_all_cookies()  # the cookies of this page's site
    chrome.get(f"http://127.0.0.1:{app.port}/")
    assert "Unauthorised" in chrome.page_source and not css(chrome, "#search")


def test_redacted_app_in_chromium(chrome: Any, redacted_app: App, secrets_of_corpus: list[str]) -> None:
    log_in(chrome, redacted_app)
    assert css(chrome, "#redacted-badge")
    search(chrome, "Chalgozov")
    assert css(chrome, "#search-status")[0].text == "0 matches"
    search(chrome, "Person A", "person:redacted-a")[0].find_element("css selector", ".name").click()
    wait(chrome, lambda: css(chrome, "#entity-name") and css(chrome, "#entity-name")[0].text == "Person A",
         "the pseudonym's panel")
    wait(chrome, lambda: len(canvas_ids(chrome)) > 2, "Person A's ties")
    for key in [k for k in canvas_ids(chrome) if not k.startswith("more:")][:6]:
        click_node(chrome, key)
        time.sleep(0.5)
    click_some_edge(chrome)
    wait(chrome, lambda: css(chrome, "#claim-title"), "the evidence panel")
    labels = chrome.execute_script("return casegraph.nodes.get().map(n => n.label + ' ' + n.title).join(' ')")
    page = chrome.page_source + labels + chrome.execute_script("return JSON.stringify(localStorage)")
    assert [s for s in secrets_of_corpus if s.casefold() in page.casefold()] == []
    assert "Person A" in page


def test_redacted_case_timeline_and_the_docs_screenshot(chrome: Any, redacted_app: App,
                                                       secrets_of_corpus: list[str]) -> None:
    """The redacted app over examples/crimea: the sabotage case expanded, its timeline across
    stages in the panel; saved as the docs' screenshot (docs/img/serve.png, linked by the README)."""
    log_in(chrome, redacted_app)
    search(chrome, "sabotage case", "case:dzhelyal-sabotage")[0].find_element("css selector", ".name").click()
    wait(chrome, lambda: css(chrome, "#entity-name") and css(chrome, "#entity-name")[0].text.startswith("Sabotage case"),
         "the case's panel")
    wait(chrome, lambda: len(css(chrome, "#timeline li.stage")) >= 4, "the case's timeline")
    stages = [li.get_attribute("data-stage") for li in css(chrome, "#timeline li.stage")]
    assert stages[0] == "arrest" and "defendant_in" in stages
    first = css(chrome, "#timeline li.stage")[0].text
    assert first.startswith("2021-12") and "Person A" in first and "“" in first  # a pseudonym, with its quote
    # The arrest's key named the protected man: it is pseudonymised on the canvas too.
    wait(chrome, lambda: [k for k in canvas_ids(chrome) if k.startswith("event:redacted-a")],
         "the case's events on the canvas")
    # A stage's claim opens its evidence in the panel.
    css(chrome, "#timeline li.stage .stage-claim button")[0].click()
    wait(chrome, lambda: css(chrome, "#claim-title"), "the evidence of a stage")
    css(chrome, '.result[data-key="case:dzhelyal-sabotage"] .name')[0].click()  # back to the case's panel and timeline for the picture
    wait(chrome, lambda: len(css(chrome, "#timeline li.stage")) >= 4, "the case's timeline again")
    labels = chrome.execute_script("return casegraph.nodes.get().map(n => n.label).join(' ')")
    page = chrome.page_source + labels
    assert [s for s in secrets_of_corpus if s.casefold() in page.casefold()] == []
    settle(chrome)
    DOCS_IMG.mkdir(exist_ok=True)
    chrome.save_screenshot(str(DOCS_IMG / "serve.png"))
    assert (DOCS_IMG / "serve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert console_problems(chrome) == []


def test_time_slider_and_canvas_file_in_chromium(chrome: Any, app: App, tmp_path: Path) -> None:
    import json

    log_in(chrome, app)
    search(chrome, "Zlodey", "person:hostile")[0].find_element("css selector", ".name").click()
    wait(chrome, lambda: {"org:plain", "event:later"} <= set(canvas_ids(chrome)), "the hostile person's ties")
    hidden = "return casegraph.nodes.get({filter: n => n.hidden}).map(n => n.id).sort()"
    assert chrome.execute_script(hidden) == []
    assert css(chrome, "#date-label")[0].text == "all dates"
    # The timeline in the panel, in date order; a click shows that tie's evidence.
    wait(chrome, lambda: len(css(chrome, "#timeline li")) == 2, "the timeline")
    items = css(chrome, "#timeline li")
    assert items[0].text.startswith("2021-03 ") and items[1].text.startswith("2022-06 ")
    items[1].find_element("css selector", ".name").click()
    wait(chrome, lambda: css(chrome, "#claim-title") and "PARTICIPANT_IN" in css(chrome, "#claim-title")[0].text,
         "the evidence of the timeline's tie")
    # The first date: what was known by 2021-03 (the 2022-06 event not yet).
    chrome.execute_script("const s = document.getElementById('date-slider'); s.value = '0';"
                          "s.dispatchEvent(new Event('input'));")
    assert css(chrome, "#date-label")[0].text == "known by 2021-03"
    assert chrome.execute_script(hidden) == ["event:later"]
    chrome.execute_script("const s = document.getElementById('date-slider'); s.value = s.max;"
                          "s.dispatchEvent(new Event('input'));")
    assert chrome.execute_script(hidden) == []
    # The canvas as a small JSON file, and back.
    state = chrome.execute_script("return casegraph.state()")
    assert {n["id"] for n in state["nodes"]} == set(canvas_ids(chrome))
    assert next(n for n in state["nodes"] if n["id"] == "person:hostile")["name"] == HOSTILE_NAME
    saved = tmp_path / "canvas.json"
    saved.write_text(json.dumps(state), encoding="utf-8")
    css(chrome, "#clear")[0].click()
    assert canvas_ids(chrome) == []
    css(chrome, "#load-canvas")[0].send_keys(str(saved))
    wait(chrome, lambda: set(canvas_ids(chrome)) == {n["id"] for n in state["nodes"]}, "the loaded canvas")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"nodes": [{"id": "x", "shape": "image", "image": "http://evil.example/x.png"}]}))
    css(chrome, "#load-canvas")[0].send_keys(str(bad))
    wait(chrome, lambda: "not a casegraph canvas file" in css(chrome, "#panel")[0].text, "the refusal")
    assert set(canvas_ids(chrome)) == {n["id"] for n in state["nodes"]}
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({"casegraph_canvas": 1, "edges": [], "nodes": [
        {"id": "x", "name": HOSTILE_NAME, "label": "Person", "shape": "image", "image": "http://evil.example/x.png"}]}))
    css(chrome, "#load-canvas")[0].send_keys(str(forged))
    wait(chrome, lambda: canvas_ids(chrome) == ["x"], "the forged canvas")
    node = chrome.execute_script("return casegraph.nodes.get('x')")
    assert node["shape"] == "dot" and "image" not in node and node["label"] == HOSTILE_NAME
    assert chrome.execute_script("return window.__pwned || null") is None
    # Undo takes back the load; hide, pin and undo from the entity panel.
    css(chrome, "#undo")[0].click()
    wait(chrome, lambda: set(canvas_ids(chrome)) == {n["id"] for n in state["nodes"]}, "the canvas before the load")
    search(chrome, "Zlodey", "person:hostile")[0].find_element("css selector", ".name").click()
    wait(chrome, lambda: css(chrome, "#hide-node"), "the entity panel")
    css(chrome, "#pin-node")[0].click()
    assert chrome.execute_script("return casegraph.nodes.get('person:hostile').fixed") is True
    css(chrome, "#hide-node")[0].click()
    assert "person:hostile" not in canvas_ids(chrome)
    assert not chrome.execute_script("return casegraph.edges.get().filter(e => e.from === 'person:hostile').length")
    css(chrome, "#undo")[0].click()
    wait(chrome, lambda: "person:hostile" in canvas_ids(chrome), "the hidden node back")
    assert chrome.execute_script("return casegraph.nodes.get('person:hostile').fixed") is True
    assert console_problems(chrome) == []


def test_saved_query_form_in_chromium(chrome: Any, app: App) -> None:
    from selenium.webdriver.support.ui import Select

    log_in(chrome, app)
    css(chrome, "#saved summary")[0].click()
    wait(chrome, lambda: len(css(chrome, "#query-name option")) > 3, "the saved queries")
    Select(css(chrome, "#query-name")[0]).select_by_value("person-timeline")
    wait(chrome, lambda: css(chrome, '#query-params input[data-param="person"]'), "the person field")
    css(chrome, '#query-params input[data-param="person"]')[0].send_keys("Chalgoz")
    wait(chrome, lambda: "Kurtumer Chalgozov" in [o.get_attribute("value") for o in css(chrome, "#suggest-person option")],
         "the suggestions")
    css(chrome, '#query-params input[data-param="person"]')[0].clear()
    css(chrome, '#query-params input[data-param="person"]')[0].send_keys("Чалгозов")
    css(chrome, "#query-run")[0].click()
    wait(chrome, lambda: css(chrome, "#query-table tbody tr"), "the query's table")
    assert "person:kurtumer-chalgozov" in canvas_ids(chrome)
    assert css(chrome, "#query-title")[0].text == "Timeline of a person"
    assert console_problems(chrome) == []


def test_export_of_the_canvas_in_chromium(chrome: Any, redacted_app: App, tmp_path: Path,
                                          secrets_of_corpus: list[str]) -> None:
    """Export what is on the canvas from the page (redacted session): the downloaded GraphML
    reads back with NetworkX, holds the canvas's entities and names no protected person."""
    import networkx as nx
    from selenium.webdriver.support.ui import Select

    chrome.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    log_in(chrome, redacted_app)
    search(chrome, "Person A", "person:redacted-a")[0].find_element("css selector", ".name").click()
    wait(chrome, lambda: len(canvas_ids(chrome)) > 2, "Person A's ties")
    drawn = {k for k in canvas_ids(chrome) if not k.startswith("more:")}
    Select(css(chrome, "#export-format")[0]).select_by_visible_text("graphml")
    css(chrome, "#export")[0].click()
    target = tmp_path / "casegraph-canvas.graphml"
    wait(chrome, lambda: target.exists() and not list(tmp_path.glob("*.crdownload")), "the downloaded export")
    text = target.read_text("utf-8")
    assert [s for s in secrets_of_corpus if s.casefold() in text.casefold()] == []
    g = nx.read_graphml(target)
    assert drawn <= set(g.nodes) and g.nodes["person:redacted-a"]["name"] == "Person A"
    assert console_problems(chrome) == []
