"""The notebooks run, top to bottom, in a real Jupyter kernel against the session's Neo4j.

Each notebook is executed with nbclient (a fresh ``python3`` kernel of this venv, working
directory ``notebooks/``, ``NEO4J_*`` pointing at the test server). A cell that errors,
or any output that shows a traceback, fails the test; a few concrete results are
checked in the outputs. The inline view is opened in headless Chromium as a notebook
front end shows it (an ``<iframe srcdoc>``), to prove it draws with no network.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import neo4j
import pytest
from nbclient import NotebookClient

import casegraph
from graph.build import build_graph
from graph.db import server
from graph.errors import CasegraphError
from graph.redact import sensitive_strings
from loaders.facts import load_corpus
from tests.chromium import chromium

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "notebooks"
NAMES = ["01-investigate", "02-cypher", "03-export"]


def test_the_three_notebooks_and_nothing_else() -> None:
    assert sorted(p.stem for p in FOLDER.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_outputs_are_cleared_in_the_repository(name: str) -> None:
    nb = nbformat.read(FOLDER / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: clear the outputs of cell {cell.id}"


def _texts(output: dict[str, Any]) -> list[str]:
    if output["output_type"] == "stream":
        return [output["text"]]
    if output["output_type"] == "error":
        return ["\n".join(output.get("traceback", [])) + output.get("ename", "") + output.get("evalue", "")]
    return [v if isinstance(v, str) else "" for v in output.get("data", {}).values()]


def run(name: str) -> list[list[dict[str, Any]]]:
    """Execute a notebook in a fresh kernel; the outputs of each code cell, in order."""
    nb = nbformat.read(FOLDER / f"{name}.ipynb", as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(FOLDER)}})
    client.execute(env=dict(os.environ))  # NEO4J_* from the neo4j_env fixture reach the kernel
    outputs = [cell.outputs for cell in nb.cells if cell.cell_type == "code"]
    for number, cell_outputs in enumerate(outputs, 1):
        for output in cell_outputs:
            assert output["output_type"] != "error", f"{name}, code cell {number}: {_texts(output)}"
            for text in _texts(output):
                assert "Traceback (most recent call last)" not in text, f"{name}, code cell {number}: {text}"
    return outputs


def text(cell_outputs: list[dict[str, Any]], mime: str = "text/plain") -> str:
    """What a cell printed and showed, as one string (stdout and the ``mime`` of each result)."""
    parts = []
    for output in cell_outputs:
        if output["output_type"] == "stream" and output["name"] == "stdout":
            parts.append(output["text"])
        elif output["output_type"] in ("execute_result", "display_data"):
            parts.append(output["data"].get(mime, ""))
    return "".join(parts)


def html_of(cell_outputs: list[dict[str, Any]]) -> str:
    """The HTML a cell showed (its rich results only)."""
    return "".join(o["data"].get("text/html", "") for o in cell_outputs
                   if o["output_type"] in ("execute_result", "display_data"))


@pytest.fixture(scope="module")
def sensitive() -> list[str]:
    return sorted(set(sensitive_strings(build_graph(load_corpus([ROOT / "examples" / "crimea"])))))


@pytest.fixture(scope="module")
def chrome() -> Iterator[Any]:
    with chromium("casegraph-notebook-", window=None) as driver:
        yield driver


def drawn_in_frame(driver: Any, iframe_html: str, folder: Path) -> list[str]:
    """Show a cell's HTML output in a page, as a notebook does, and return the labels the view drew."""
    from selenium.webdriver.common.by import By

    page = folder / "notebook-output.html"
    page.write_text(f"<!DOCTYPE html><html><body><div class='output'>{iframe_html}</div></body></html>",
                    encoding="utf-8")
    driver.get(page.as_uri())
    driver.switch_to.frame(driver.find_element(By.TAG_NAME, "iframe"))
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            labels = driver.execute_script(
                "const v = window.casegraphView; if (!v || !v.firstDrawMs) return null;"
                "return v.network.body.nodeIndices.map(id => v.network.body.nodes[id].options.label);")
            if labels:
                return sorted(labels)
            time.sleep(0.2)
        raise AssertionError("the inline view did not draw")
    finally:
        driver.switch_to.default_content()


def test_01_investigate(chrome: Any, sensitive: list[str], tmp_path: Path) -> None:
    stats, whole, person, focus, connection, names, safe_connection, shared = run("01-investigate")
    assert "'Person': 5" in text(stats)
    assert text(person) == "'person:kurtumer-chalgozov'"
    assert "2 paths from Nariman Dzhelyal to Kurtumer Chalgozov" in text(connection)
    assert "“in December 2021, had been arrested in his own house in the occupied Crimea”" in text(connection)
    assert "Person A" in text(names) and "Person B" in text(names)
    assert "1 path from Nariman Dzhelyal to Person A" in text(safe_connection)
    for frame in (whole, focus, shared):
        html = html_of(frame)
        assert html.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;') and 'sandbox="allow-scripts"' in html
        assert "<script" not in html  # the page is escaped inside the attribute: nothing runs in the notebook
    for cell in (names, safe_connection, shared):
        leaked = [s for s in sensitive if s in text(cell) + text(cell, "text/html")]
        assert leaked == []
    assert len(drawn_in_frame(chrome, html_of(whole), tmp_path)) == 24
    assert drawn_in_frame(chrome, html_of(shared), tmp_path)[:2] == [
        "Arrest of Person A at his home", "Crimea"]
    assert "Person A" in drawn_in_frame(chrome, html_of(shared), tmp_path)
    assert [e for e in chrome.get_log("browser") if e["level"] == "SEVERE"] == []


def test_02_cypher(neo4j_env: server.ServerInfo, clean_db: neo4j.Driver) -> None:
    outputs = run("02-cypher")
    loaded, saved, timeline, cases, by_kind, chart, refused, around, _ = outputs
    assert "'Person': 5" in text(loaded) and "'PARTICIPANT_IN': 10" in text(loaded)
    assert "person-timeline" in text(saved) and "lawyer-cases" in text(saved)
    assert "<table" in text(timeline, "text/html")
    assert "Arrest of Kurtumer Chalgozov at his home" in text(timeline)
    assert "Sabotage case against Nariman Dzhelyal" in text(cases)
    assert "statement" in text(by_kind) and "<table" in text(by_kind, "text/html")
    assert any("image/png" in o.get("data", {}) for o in chart)
    assert text(refused).startswith("Refused: ")
    assert "'Person'" in text(around)
    with clean_db.session() as session:
        assert session.run("MATCH (p:Person) RETURN count(p) AS n").single(strict=True)["n"] == 5


def test_03_export(sensitive: list[str]) -> None:
    outputs = run("03-export")
    _, cut, exported, persons, brokers, from_gexf, ftm, schemas = outputs
    assert text(cut) == "{'Event': 13, 'LegalCase': 1, 'Organisation': 3, 'Person': 5}"
    assert "format='graphml'" in text(exported) and "format='gexf'" in text(exported)
    assert "'Person A'" in text(persons) and "'Person B'" in text(persons)
    assert "Sabotage case against Nariman Dzhelyal" in text(brokers)
    assert text(from_gexf) == "(22, 23)"
    assert "CourtCase " in text(schemas) and "Person " in text(schemas)
    everything = "".join(text(o) + text(o, "text/html") for o in outputs)
    assert [s for s in sensitive if s in everything] == []


# -- the library behind the notebooks -----------------------------------------------------


def test_every_redacted_focus_view_hides_every_sensitive_name(sensitive: list[str], tmp_path: Path) -> None:
    g = build_graph(load_corpus([ROOT / "examples" / "crimea"]))
    people = [n for n, d in g.nodes(data=True) if d.get("node_kind") == "entity"]
    for i, key in enumerate(people):
        shown = casegraph.show_view(g, focus=key, depth=1, redact=True, path=tmp_path / f"{i}.html")
        assert shown.summary.redacted and shown.summary.nodes >= 1
        assert [s for s in sensitive if s in shown.page or s in shown.iframe()] == [], key


def test_focus_cuts_around_the_entity_and_refuses_unknown_names(tmp_path: Path) -> None:
    g = build_graph(load_corpus([ROOT / "examples" / "crimea"]))
    one = casegraph.show_view(g, focus="Николай Полозов", path=tmp_path / "one.html")
    two = casegraph.show_view(g, focus="person:nikolai-polozov", depth=2, path=tmp_path / "two.html")
    assert (one.summary.nodes, one.summary.edges) == (4, 5)
    assert two.summary.nodes > one.summary.nodes
    assert sorted(casegraph.neighbourhood(g, "person:nikolai-polozov")) == [
        "case:dzhelyal-sabotage", "event:polozov-comment-on-impunity", "person:nariman-dzhelyal",
        "person:nikolai-polozov"]
    with pytest.raises(CasegraphError, match="Nobody"):
        casegraph.show_view(g, focus="Nobody At All", path=tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()
