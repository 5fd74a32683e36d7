"""Neo4j Browser served by the local launcher: HTTP behaviour, and the app itself in headless Chromium.

The session's server (conftest) is started with the Browser on, as ``casegraph neo4j start``
does by default. The Chromium test logs in with the generated password, runs Cypher in the
Browser's editor and compares the answer with what the driver reads.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import neo4j
import pytest

from graph.db import server
from graph.db.store import Store
from loaders.facts import load_corpus
from tests.chromium import chromium

ROOT = Path(__file__).resolve().parent.parent


def _address(info: server.ServerInfo) -> tuple[str, int]:
    assert info.browser_url is not None, "the session's server should serve Neo4j Browser"
    parts = urlsplit(info.browser_url)
    assert parts.hostname == "127.0.0.1" and parts.port is not None
    return parts.hostname, parts.port


def _request(info: server.ServerInfo, path: str, method: str = "GET",
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    host, port = _address(info)
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.putrequest(method, path, skip_host="Host" in (headers or {}), skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def test_browser_url_names_the_bolt_address(neo4j_server: server.ServerInfo) -> None:
    bolt = urlsplit(neo4j_server.bolt_uri)
    assert neo4j_server.browser_url == (
        f"http://127.0.0.1:{_address(neo4j_server)[1]}/browser/?dbms=bolt://neo4j@127.0.0.1:{bolt.port}")


def test_app_and_discovery(neo4j_server: server.ServerInfo) -> None:
    status, headers, body = _request(neo4j_server, "/browser/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert b"<title>Neo4j Browser</title>" in body
    # A script of the app, by the name index.html gives it.
    script = body.split(b'<script src="', 1)[1].split(b'"', 1)[0].decode()
    status, headers, js = _request(neo4j_server, "/browser/" + script)
    assert status == 200 and headers["content-type"].startswith("text/javascript") and len(js) > 1000

    # The app's discovery request: where Bolt is.
    status, headers, body = _request(neo4j_server, "/", headers={"Accept": "application/json"})
    assert status == 200
    found = json.loads(body)
    assert found["bolt_direct"] == neo4j_server.bolt_uri
    assert found["neo4j_version"] == neo4j_server.neo4j_version
    # A person typing the address lands on the app.
    status, headers, _ = _request(neo4j_server, "/")
    assert (status, headers["location"]) == (302, "/browser/")
    status, headers, _ = _request(neo4j_server, "/browser")
    assert (status, headers["location"]) == (302, "/browser/")


def test_security_headers(neo4j_server: server.ServerInfo) -> None:
    status, headers, _ = _request(neo4j_server, "/browser/")
    assert status == 200
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    policy = {d.split()[0]: d.split()[1:] for d in headers["content-security-policy"].split("; ")}
    bolt_port = urlsplit(neo4j_server.bolt_uri).port
    # The page may talk to itself and the local Bolt port, and load nothing from elsewhere.
    assert policy["default-src"] == ["'self'"]
    assert policy["connect-src"] == [
        "'self'", f"ws://127.0.0.1:{bolt_port}", f"http://127.0.0.1:{bolt_port}", f"ws://localhost:{bolt_port}"]
    assert policy["font-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize(("method", "path", "headers", "want"), [
    ("GET", "/browser/no-such-file.js", {}, 404),
    ("GET", "/browser/../../etc/passwd", {}, 404),
    ("GET", "/browser/%2e%2e/launcher.log", {}, 404),
    ("GET", "/browser/assets/../../META-INF/MANIFEST.MF", {}, 404),
    ("GET", "/browser//etc/passwd", {}, 404),
    ("GET", "/etc/passwd", {}, 404),
    ("GET", "/browser/", {"Host": "evil.example:80"}, 403),  # DNS rebinding
    ("GET", "/browser/", {"Host": "127.0.0.1"}, 403),
    ("POST", "/browser/", {}, 405),
    ("PUT", "/", {}, 405),
])
def test_refuses(neo4j_server: server.ServerInfo, method: str, path: str, headers: dict[str, str],
                 want: int) -> None:
    status, _, body = _request(neo4j_server, path, method, headers)
    assert status == want
    assert b"root:" not in body and b"Manifest" not in body


def test_head(neo4j_server: server.ServerInfo) -> None:
    status, headers, body = _request(neo4j_server, "/browser/", "HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 1000


def test_localhost_host_name_is_accepted(neo4j_server: server.ServerInfo) -> None:
    _, port = _address(neo4j_server)
    status, _, _ = _request(neo4j_server, "/browser/", headers={"Host": f"localhost:{port}"})
    assert status == 200


# -- the app in headless Chromium ---------------------------------------------------------


@pytest.fixture(scope="module")
def chrome() -> Iterator[object]:
    with chromium("casegraph-chromium-") as driver:
        yield driver


def test_browser_logs_in_and_runs_cypher(chrome, neo4j_server: server.ServerInfo, clean_db: neo4j.Driver) -> None:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as store:
        store.load(load_corpus([ROOT / "examples" / "crimea"]))
    with clean_db.session() as session:
        rec = session.run("MATCH (c:Claim)<-[:SUPPORTS]-(e:Evidence) RETURN count(DISTINCT c) AS c, count(e) AS e").single()
    assert rec is not None and rec["c"] > 0
    want = f"tally-{rec['c']}-{rec['e']}"

    driver = chrome
    body = lambda d: d.find_element(By.TAG_NAME, "body").text  # noqa: E731
    wait = WebDriverWait(driver, 90)
    driver.get(neo4j_server.browser_url)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[type=password]"))
    # The Bolt address comes prefilled from the URL the launcher printed.
    address = driver.find_element(By.CSS_SELECTOR, "input[data-testid=boltaddress]").get_attribute("value")
    assert address is not None and address.endswith(neo4j_server.bolt_uri.split("://", 1)[1])
    # The form slides in: its fields are in the page before they can be typed into (and it
    # can re-render just after), so wait until they can be used, and try the log-in again,
    # up to three times, while the form is still showing.
    connected = lambda d: "You are connected as user neo4j" in body(d)  # noqa: E731
    for _attempt in range(3):
        field = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "input[type=password]")))
        field.clear()
        field.send_keys(neo4j_server.password())
        wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button[data-testid=connect]"))).click()
        try:
            WebDriverWait(driver, 30).until(connected)
            break
        except TimeoutException:
            if not driver.find_elements(By.CSS_SELECTOR, "input[type=password]"):
                break
    assert connected(driver), body(driver)[-500:]

    editor = driver.find_element(By.CSS_SELECTOR, ".monaco-editor textarea")
    editor.send_keys("MATCH (c:Claim)<-[:SUPPORTS]-(e:Evidence) "
                     "RETURN 'tally-' + toString(count(DISTINCT c)) + '-' + toString(count(e)) AS tally")
    driver.find_element(By.CSS_SELECTOR, "button[data-testid=editor-Run]").click()
    wait.until(lambda d: "tally-" in body(d).split("AS tally", 1)[-1])
    answer = body(driver).split("AS tally", 1)[-1]
    assert want in answer

    # Everything the page fetched came from this machine: the fonts, analytics and guides
    # the Browser bundle asks the internet for are blocked by the launcher's policy.
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])")
    assert fetched and any(urlsplit(u).path.startswith("/browser/") for u in fetched)
    outside = [u for u in fetched if urlsplit(u).hostname != "127.0.0.1"]
    console = [e["message"] for e in driver.get_log("browser")]
    unblocked = [u for u in outside
                 if not any(u in m and "violates the following Content Security Policy" in m for m in console)]
    assert unblocked == [], console
    # No usage banner: the server tells the Browser that telemetry is off.
    assert "we collect information on product usage" not in body(driver)
