"""casegraph serve over real HTTP: the guard (token, cookie, Host, Origin, CSRF, headers),
the JSON routes over the example corpus in the session's Neo4j, and redaction of every
answer. The app runs under uvicorn on a free 127.0.0.1 port (a thread of this process).
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from casegraph.app import Access, create_app
from casegraph.app.run import check_host, free_port, make_server
from casegraph.app.users import Users
from graph.build import build_graph
from graph.db import server
from graph.db.explore import Explorer, NotFound
from graph.db.store import Store
from graph.errors import CasegraphError
from graph.redact import sensitive_strings
from loaders.facts import load_corpus
from tests.test_view import HOSTILE_NAME, hostile_corpus

ROOT = Path(__file__).resolve().parent.parent
CRIMEA = ROOT / "examples" / "crimea"
# Beyond full names and aliases: distinctive parts the redaction must hide too.
SECRET_PARTS = ("Chalgozov", "Чалгозов", "Kurtumer", "Куртумер", "Ametov", "Аметов", "chalgozov", "ametov")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_corpus(tmp_path_factory.mktemp("serve-hostile"))


@pytest.fixture(scope="module")
def loaded(neo4j_server: server.ServerInfo, corpus_dir: Path) -> Iterator[Store]:
    """The session's Neo4j holding the example corpus and the hostile one."""
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as store:
        store.clear()
        store.load(load_corpus([CRIMEA, corpus_dir]))
        yield store


@pytest.fixture(scope="module")
def secrets_of_corpus() -> list[str]:
    g = build_graph(load_corpus([CRIMEA]))
    return sorted({*sensitive_strings(g), *SECRET_PARTS})


@dataclass
class App:
    """A running app: where it listens and its access tokens."""

    access: Access
    explorer: Explorer

    @property
    def port(self) -> int:
        return self.access.port

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def request(self, path: str, method: str = "GET", headers: dict[str, str] | None = None,
                body: bytes | None = None, cookie: bool = True) -> tuple[int, dict[str, str], bytes]:
        """One raw HTTP request; with ``cookie``, the log-in cookie is sent."""
        sent = {"Host": self.host, **({"Cookie": f"{self.access.cookie}={self.access.token}"} if cookie else {}),
                **(headers or {})}
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in sent.items():
                conn.putheader(name, value)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def get(self, path: str) -> Any:
        status, _, body = self.request(path)
        assert status == 200, (path, status, body[:300])
        return json.loads(body)

    def post(self, path: str, data: dict[str, Any]) -> tuple[int, Any]:
        status, _, body = self.request(path, "POST", body=json.dumps(data).encode(), headers={
            "Origin": f"http://{self.host}", "X-CSRF-Token": self.access.csrf_for(self.access.token), "Content-Type": "application/json"})
        return status, json.loads(body)


def run_app(store: Store, redact: bool) -> Iterator[App]:
    """Start the app under uvicorn in a thread on a free loopback port; stop it afterwards."""
    port = free_port()
    access = Access("127.0.0.1", port)
    explorer = Explorer(store, redact=redact)
    uv = make_server(create_app(explorer, access), "127.0.0.1", port)
    yield from _running(uv, App(access, explorer))


def _running(uv: Any, app: App) -> Iterator[App]:
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not uv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield app
    finally:
        uv.should_exit = True
        thread.join(30)


@pytest.fixture(scope="module")
def app(loaded: Store) -> Iterator[App]:
    yield from run_app(loaded, redact=False)


@pytest.fixture(scope="module")
def redacted_app(loaded: Store) -> Iterator[App]:
    yield from run_app(loaded, redact=True)


# -- the guard ---------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/api/search?q=Chubarov", "/static/app.js", "/vis/vis-network.min.js",
                                  "/api/entity?key=person:refat-chubarov", "/nope"])
def test_without_the_cookie_every_request_is_refused(app: App, path: str) -> None:
    status, headers, body = app.request(path, cookie=False)
    assert status == 401
    assert b"Chubarov" not in body and b"vis" not in body
    status, _, _ = app.request(path, cookie=False, headers={"Cookie": f"{app.access.cookie}=wrong"})
    assert status == 401


def test_the_token_in_the_url_becomes_a_strict_http_only_cookie(app: App) -> None:
    status, headers, _ = app.request(f"/?token={app.access.token}", cookie=False)
    assert status == 303 and headers["location"] == "/"
    cookie = headers["set-cookie"]
    session = cookie.split(";", 1)[0].split("=", 1)[1]
    assert cookie.startswith(f"{app.access.cookie}=") and app.access.token not in cookie  # a session of its own
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    status, _, _ = app.request("/api/search?q=Chubarov", cookie=False, headers={"Cookie": f"{app.access.cookie}={session}"})
    assert status == 200
    status, _, _ = app.request("/?token=not-the-token", cookie=False)
    assert status == 403
    assert app.access.url() == f"http://127.0.0.1:{app.port}/?token={app.access.token}"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "127.0.0.2:{port}", ""])
def test_a_foreign_host_header_is_refused_even_with_the_cookie(app: App, host: str) -> None:
    status, _, body = app.request("/api/search?q=Chubarov", headers={"Host": host.format(port=app.port)})
    assert status == 403 and b"Chubarov" not in body


def test_localhost_is_an_allowed_host(app: App) -> None:
    status, _, _ = app.request("/api/search?q=Chubarov", headers={"Host": f"localhost:{app.port}"})
    assert status == 200


def test_state_changing_requests_need_the_origin_and_the_csrf_token(app: App) -> None:
    body = json.dumps({"from": "person:refat-chubarov", "to": "person:nariman-dzhelyal"}).encode()
    good = {"Origin": f"http://{app.host}", "X-CSRF-Token": app.access.csrf_for(app.access.token), "Content-Type": "application/json"}
    for headers in ({**good, "Origin": "http://evil.example"}, {**good, "Origin": "null"},
                    {k: v for k, v in good.items() if k != "Origin"}, {**good, "X-CSRF-Token": "forged"},
                    {k: v for k, v in good.items() if k != "X-CSRF-Token"}):
        status, _, answer = app.request("/api/connect", "POST", headers=headers, body=body)
        assert status == 403, headers
        assert b"paths" not in answer
    status, _, _ = app.request("/api/connect", "POST", headers=good, body=body, cookie=False)
    assert status == 401
    status, _, answer = app.request("/api/connect", "POST", headers=good, body=body)
    assert status == 200 and json.loads(answer)["paths"]


def _session(app: App) -> tuple[str, str]:
    """A browser's session: open the token URL, read the page; its cookie and the page's CSRF token."""
    status, headers, _ = app.request(f"/?token={app.access.token}", cookie=False)
    assert status == 303
    cookie = headers["set-cookie"].split(";", 1)[0]
    status, _, page = app.request("/", cookie=False, headers={"Cookie": cookie})
    assert status == 200
    found = re.search(rb'<meta name="csrf-token" content="([^"]+)">', page)
    assert found is not None
    return cookie, found.group(1).decode()


def test_the_csrf_token_is_bound_to_its_own_session(app: App) -> None:
    (cookie_a, csrf_a), (cookie_b, csrf_b) = _session(app), _session(app)
    assert cookie_a != cookie_b and csrf_a != csrf_b
    assert app.access.csrf_for(app.access.token) not in (csrf_a, csrf_b)  # none is global
    body = json.dumps({"from": "person:refat-chubarov", "to": "person:nariman-dzhelyal"}).encode()

    def post(cookie: str, csrf: str) -> int:
        return app.request("/api/connect", "POST", cookie=False, body=body, headers={
            "Cookie": cookie, "Origin": f"http://{app.host}", "X-CSRF-Token": csrf,
            "Content-Type": "application/json"})[0]
    assert post(cookie_a, csrf_b) == 403 and post(cookie_b, csrf_a) == 403  # another session's token
    assert post(cookie_a, app.access.csrf_for(app.access.token)) == 403  # the token-cookie session's
    assert post(cookie_a, csrf_a) == 200 and post(cookie_b, csrf_b) == 200


def test_security_headers_on_every_answer(app: App) -> None:
    for path, cookie in (("/", True), ("/api/search?q=x", True), ("/static/app.js", True), ("/", False)):
        _, headers, _ = app.request(path, cookie=cookie)
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "http" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert "server" not in headers


def test_page_has_no_inline_script_and_serves_vis_network_locally(app: App) -> None:
    status, headers, body = app.request("/")
    page = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert page.count("<script") == 2 and "<script>" not in page
    assert 'src="/vis/vis-network.min.js"' in page and 'src="/static/app.js"' in page
    assert "cdn" not in page.lower() and "https://" not in page
    status, headers, js = app.request("/vis/vis-network.min.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript") and b"vis" in js[:2000]


def test_loopback_only() -> None:
    for host in ("127.0.0.1", "localhost", "::1"):
        check_host(host)
    for host in ("0.0.0.0", "192.168.1.10", "::"):
        with pytest.raises(CasegraphError, match="loopback only"):
            check_host(host)
    with pytest.raises(CasegraphError, match="IP address or localhost"):
        check_host("example.org", accounts=True)
    check_host("192.168.1.10", accounts=True)  # with accounts, one address on the network
    for host in ("0.0.0.0", "::", "fe80::1"):
        with pytest.raises(CasegraphError, match="the one IPv4 address"):
            check_host(host, accounts=True)


# -- user accounts (--users FILE) ----------------------------------------------------------------
def _hash(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def test_users_file_is_checked_line_by_line(tmp_path: Path) -> None:
    good = _hash("pw")
    for text, message in ((f"ann viewer {good}\nbob admin {good}\n", ":2: role must be viewer or editor"),
                          ("ann viewer plaintext\n", ":1: the password must be an Argon2 hash"),
                          ("# comment\n\nann viewer\n", ":3: expected NAME ROLE HASH"),
                          (f"ann viewer {good}\nann editor {good}\n", ":2: user 'ann' is listed twice"),
                          ("# nobody\n", "no users")):
        path = tmp_path / "users.txt"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CasegraphError, match=message):
            Users.load(path)
    with pytest.raises(CasegraphError, match="cannot read the users file"):
        Users.load(tmp_path / "missing.txt")


@pytest.fixture(scope="module")
def accounts_app(loaded: Store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    path = tmp_path_factory.mktemp("users") / "users.txt"
    path.write_text(f"# name role hash\nedna editor {_hash('edna-pw')}\nvic viewer {_hash('vic-pw')}\n", "utf-8")
    port = free_port()
    access = Access("127.0.0.1", port, users=Users.load(path))
    explorer = Explorer(loaded)
    uv = make_server(create_app(explorer, access, viewer=Explorer(loaded, redact=True)), "127.0.0.1", port,
                     accounts=True)
    yield from _running(uv, App(access, explorer))


def _log_in(app: App, name: str, password: str, csrf: str | None = None, origin: str | None = None
            ) -> tuple[int, dict[str, str]]:
    from urllib.parse import urlencode

    # The log-in form as a browser gets it: its CSRF token is bound to the log-in cookie it sets.
    status, headers, page = app.request("/login", cookie=False)
    assert status == 200
    mark = headers["set-cookie"].split(";", 1)[0]
    found = re.search(rb'name="csrf" value="([^"]+)"', page)
    assert found is not None
    body = urlencode({"name": name, "password": password, "csrf": csrf or found.group(1).decode()}).encode()
    status, headers, _ = app.request("/login", "POST", cookie=False, body=body, headers={
        "Cookie": mark, "Origin": origin or f"http://{app.host}", "Content-Type": "application/x-www-form-urlencoded"})
    return status, headers


def test_accounts_log_in_by_password_and_viewers_get_redacted_answers(accounts_app: App) -> None:
    app = accounts_app
    status, headers, _ = app.request("/", cookie=False)
    assert status == 303 and headers["location"] == "/login"
    status, _, page = app.request("/login", cookie=False)
    assert status == 200 and b'name="password"' in page
    for path in ("/api/search?q=Chubarov", f"/?token={app.access.token}", "/static/app.js"):
        assert app.request(path, cookie=False)[0] in (401, 303), path
    assert app.request("/api/search?q=Chubarov")[0] == 401  # the token is no key with accounts
    assert _log_in(app, "edna", "edna-pw", origin="http://evil.example")[0] == 403
    assert _log_in(app, "edna", "edna-pw", csrf="forged")[0] == 403
    other = re.search(rb'name="csrf" value="([^"]+)"', app.request("/login", cookie=False)[2])
    assert other is not None and _log_in(app, "edna", "edna-pw", csrf=other.group(1).decode())[0] == 403
    assert _log_in(app, "edna", "wrong")[0] == 401
    assert _log_in(app, "nobody", "edna-pw")[0] == 401
    answers = {}
    for name, password in (("edna", "edna-pw"), ("vic", "vic-pw")):
        status, headers = _log_in(app, name, password)
        assert status == 303 and "HttpOnly" in headers["set-cookie"] and "SameSite=strict" in headers["set-cookie"]
        sid = headers["set-cookie"].split(";", 1)[0].split("=", 1)[1]
        cookie = {"Cookie": f"{app.access.cookie}={sid}"}
        status, _, body = app.request(f"/api/search?q={_q('Kurtumer Chalgozov')}", cookie=False, headers=cookie)
        assert status == 200
        answers[name] = json.loads(body)
    assert "person:kurtumer-chalgozov" in _found(answers["edna"])
    assert not any("chalgozov" in json.dumps(a).lower() for a in [answers["vic"]])


# -- search, expand, evidence, connect -------------------------------------------------------------
def _found(answer: dict[str, Any]) -> dict[str, str]:
    return {item["key"]: item["name"] for group in answer["groups"] for item in group["items"]}


@pytest.mark.parametrize("query", ["Dzhelyal", "dzhelial", "Djelal", "Celal", "Джелял", "Dzhelyall", "Нариман Джелял"])
def test_search_finds_names_and_aliases_in_any_script_with_typos(app: App, query: str) -> None:
    found = _found(app.get(f"/api/search?q={_q(query)}"))
    assert "person:nariman-dzhelyal" in found


@pytest.mark.parametrize("query", ["Dzhelyal Nariman", "Джелял Нариман", "Djelyal Nariman", "Nariman Dzhelyal FSB"])
def test_search_finds_words_in_any_order_through_the_full_text_index(app: App, query: str) -> None:
    """Words swapped (or one added) match no whole name or word closely: the full-text index finds them."""
    found = _found(app.get(f"/api/search?q={_q(query)}"))
    assert "person:nariman-dzhelyal" in found, found


@pytest.mark.parametrize("query", ['"', "~", "*", "(", "\\", "AND", "OR NOT", '"Chubarov', "Chubarov~", "Chubarov*",
                                   "(Chubarov", "Chubarov\\", "Chubarov)", "Refat AND Chubarov", 'Чубаров"~2',
                                   "name:Chubarov", "Chub?rov", "[Chubarov TO Z]", "Chubarov^9 || x"])
def test_search_takes_lucene_special_characters_as_text(app: App, query: str) -> None:
    status, _, body = app.request(f"/api/search?q={_q(query)}")
    assert status == 200, body[:300]
    found = _found(json.loads(body))
    # Special characters and operators are text: only the words count (all of them).
    words = {w.lower() for w in re.findall(r"\w+", query)}
    if words & {"chubarov", "чубаров"} and words <= {"chubarov", "чубаров", "refat", "and", "2"}:
        assert "person:refat-chubarov" in found, (query, found)


def test_full_text_index_is_in_the_schema_and_takes_any_escaped_input(loaded: Store) -> None:
    from graph.db import statements as S
    from graph.db.explore_search import lucene_query

    names = loaded.execute_read(lambda tx: [r["name"] for r in tx.run("SHOW FULLTEXT INDEXES YIELD name")])
    assert "entity_names" in names
    for text in ('"', "~*(", "\\", "AND", "a AND (b OR", "x:y/z", HOSTILE_NAME, "Нариман Джелял"):
        query = lucene_query(text)
        rows = loaded.execute_read(lambda tx, q=query: list(tx.run(S.EXPLORE_FULLTEXT, lucene=q, limit=5))) if query else []
        assert isinstance(rows, list)
    rows = loaded.execute_read(lambda tx: list(tx.run(S.EXPLORE_FULLTEXT, lucene=lucene_query("Джелял"), limit=5)))
    assert [r["key"] for r in rows][:1] == ["person:nariman-dzhelyal"]  # aliases are indexed too (Cyrillic)


def test_search_groups_by_label_with_counts(app: App) -> None:
    answer = app.get(f"/api/search?q={_q('Chubarov')}")
    groups = {g["label"]: g for g in answer["groups"]}
    assert groups["Person"]["items"][0]["key"] == "person:refat-chubarov"  # the best match first
    assert answer["total"] == sum(g["count"] for g in answer["groups"])
    assert all(g["count"] >= len(g["items"]) for g in answer["groups"])
    assert "Event" in groups  # "Chubarov's statement on FSB recruitment of Crimean Tatars"
    cyr = _found(app.get(f"/api/search?q={_q('Чубаров')}"))
    assert "person:refat-chubarov" in cyr
    assert app.get("/api/search?q=zzqqxxy")["total"] == 0


def test_expand_draws_neighbours_by_evidence_and_says_how_many_more(app: App) -> None:
    whole = app.get("/api/expand?key=person:refat-chubarov&limit=500")
    assert whole["focus"] == "person:refat-chubarov" and whole["more"] == 0
    neighbours = [n for n in whole["nodes"] if n["id"] != whole["focus"]]
    assert len(neighbours) == whole["total"] >= 2
    assert all(e["from"] in {n["id"] for n in whole["nodes"]} for e in whole["edges"])
    counts = [n["evidence"] for n in sorted(neighbours, key=lambda n: -n["evidence"])]
    first = app.get("/api/expand?key=person:refat-chubarov&limit=1")
    assert len(first["nodes"]) == 2 and first["more"] == whole["total"] - 1
    assert next(n["evidence"] for n in first["nodes"] if n["id"] != first["focus"]) == counts[0]
    rest = app.get("/api/expand?key=person:refat-chubarov&limit=500&offset=1")
    assert rest["more"] == 0 and len(rest["nodes"]) == whole["total"]  # the focus and the other neighbours
    status, _, body = app.request("/api/expand?key=person:nobody")
    assert status == 404 and "no entity" in json.loads(body)["error"]
    status, _, _ = app.request("/api/expand?key=person:refat-chubarov&limit=-1")
    assert status == 400


def test_entity_and_claim_evidence(app: App) -> None:
    entity = app.get("/api/entity?key=person:nariman-dzhelyal")
    assert entity["name"] == "Nariman Dzhelyal" and "Нариман Джелял" in entity["aliases"]
    assert entity["attributes"]["position"].startswith("first deputy head")
    assert entity["sources"][0]["publisher"] == "EMPR" and entity["sources"][0]["url"].startswith("https://empr.media/")
    assert entity["sources_total"] == len(entity["sources"]) >= 1
    graph = app.get("/api/expand?key=person:nariman-dzhelyal&limit=500")
    assert graph["edges"]
    for edge in graph["edges"]:
        claim = app.get(f"/api/claim?id={edge['id']}")
        assert claim["type"] == edge["type"] and claim["evidence"]
        for ev in claim["evidence"]:
            assert ev["quote"] and ev["source"]["title"].startswith("Russian FSB attempts")
            assert ev["source"]["publisher"] == "EMPR"
    status, _, _ = app.request("/api/claim?id=claim:0000")
    assert status == 404


def test_claim_shows_the_speaker(app: App) -> None:
    graph = app.get("/api/expand?key=event:fsb-recruitment-of-crimean-tatars&limit=500")
    speakers = {ev["speaker"]["name"] for e in graph["edges"] for ev in app.get(f"/api/claim?id={e['id']}")["evidence"]
                if isinstance(ev["speaker"], dict)}
    assert "Refat Chubarov" in speakers


def test_connect_gives_paths_with_evidence_per_hop(app: App) -> None:
    status, answer = app.post("/api/connect", {"from": "person:refat-chubarov", "to": "person:nariman-dzhelyal",
                                               "k": 2, "max_hops": 4})
    assert status == 200 and 1 <= len(answer["paths"]) <= 2
    path = answer["paths"][0]
    assert path["nodes"][0]["key"] == "person:refat-chubarov" and path["nodes"][-1]["key"] == "person:nariman-dzhelyal"
    assert all(c["evidence"] and c["evidence"][0]["quote"] for hop in path["hops"] for c in hop["claims"])
    status, answer = app.post("/api/connect", {"from": "person:refat-chubarov", "to": "person:hostile"})
    assert status == 200 and answer["paths"] == [] and answer["reason"] == "disconnected"
    status, answer = app.post("/api/connect", {"from": "person:refat-chubarov", "to": "person:nobody"})
    assert status == 404
    status, answer = app.post("/api/connect", {"from": "person:refat-chubarov"})
    assert status == 400


def test_connect_takes_as_of_and_without_generic_actors(app: App) -> None:
    """The form's options reach the library: no hop through a generic actor, no claim dated after as_of."""
    generic = "org:russian-occupation-authorities"
    ends = {"from": "org:fsb", "to": "event:chalgozov-forced-consent", "k": 5, "max_hops": 4}
    status, every = app.post("/api/connect", ends)
    assert status == 200 and any(generic in [n["key"] for n in p["nodes"]] for p in every["paths"])
    status, answer = app.post("/api/connect", {**ends, "exclude_generic": True})
    assert status == 200 and all(generic not in [n["key"] for n in p["nodes"]] for p in answer["paths"])

    def dates(answer: dict[str, Any]) -> list[str]:
        return [ev["date"] for p in answer["paths"] for h in p["hops"] for c in h["claims"] for ev in c["evidence"]
                if ev.get("date")]
    ends = {"from": "person:nikolai-polozov", "to": "person:kurtumer-chalgozov", "k": 5, "max_hops": 4}
    status, every = app.post("/api/connect", ends)
    assert status == 200 and any(d > "2021-01-01" for d in dates(every))
    status, answer = app.post("/api/connect", {**ends, "as_of": "2021-01-01"})
    assert status == 200 and all(d <= "2021-01-01" for d in dates(answer))


def test_hostile_strings_come_back_as_data(app: App) -> None:
    found = _found(app.get("/api/search?q=Zlodey"))
    assert found == {"person:hostile": HOSTILE_NAME}
    graph = app.get("/api/expand?key=person:hostile")
    claims = [app.get(f"/api/claim?id={e['id']}") for e in graph["edges"]]
    quotes = {ev["quote"] for c in claims for ev in c["evidence"]}
    assert any(q.startswith("</script><img src=x onerror=alert(5)> &") for q in quotes)
    assert "the later event " + HOSTILE_NAME in quotes
    _, headers, _ = app.request("/api/search?q=Zlodey")
    assert headers["content-type"] == "application/json"


# -- redaction -----------------------------------------------------------------------------------
def _all_answers(app: App) -> list[bytes]:
    """Every answer a client can get: search by every real name, and every entity, tie and path."""
    bodies: list[bytes] = []
    keys = sorted(app.explorer.index(refresh=True).entities)
    for key in keys:
        for path in (f"/api/expand?key={_q(key)}&limit=500", f"/api/entity?key={_q(key)}"):
            status, _, body = app.request(path)
            assert status == 200, (path, body[:200])
            bodies.append(body)
        for edge in json.loads(bodies[-2])["edges"]:
            status, _, body = app.request(f"/api/claim?id={edge['id']}")
            assert status == 200
            bodies.append(body)
    _, _, page = app.request("/")
    bodies.append(page)
    chubarov = next(k for k in keys if k == "person:refat-chubarov")
    for key in keys:
        if key != chubarov:
            bodies.append(json.dumps(app.post("/api/connect", {"from": chubarov, "to": key, "k": 3})[1]).encode())
    return bodies


def test_redacted_app_never_sends_a_protected_name(redacted_app: App, secrets_of_corpus: list[str]) -> None:
    bodies = _all_answers(redacted_app)
    assert len(bodies) > 60
    for secret in secrets_of_corpus:
        for query in (secret, secret.lower(), secret[:-1]):
            status, _, body = redacted_app.request(f"/api/search?q={_q(query)}")
            assert status == 200
            bodies.append(body)
    text = [json.loads(b) if b.startswith(b"{") else b.decode() for b in bodies]
    dumped = [json.dumps(t, ensure_ascii=False) if not isinstance(t, str) else t for t in text]
    leaks = sorted({(s, d[max(d.casefold().index(s.casefold()) - 80, 0):][:160]) for s in secrets_of_corpus
                    for d in dumped if s.casefold() in d.casefold()})
    assert leaks == []
    assert any("Person A" in d for d in dumped) and any("Person B" in d for d in dumped)


def test_redacted_search_finds_pseudonyms_not_real_names(redacted_app: App) -> None:
    for query in ("Kurtumer Chalgozov", "Chalgozov", "Куртумер Чалгозов", "Nariman Ametov", "Аметов",
                  "Chalgozov Kurtumer", "Ametov Nariman", "Chalgozov*", "Chalgo~"):
        found = _found(redacted_app.get(f"/api/search?q={_q(query)}"))
        assert not any(k.startswith("person:redacted") for k in found), (query, found)
    found = _found(redacted_app.get(f"/api/search?q={_q('Person A')}"))
    assert found.get("person:redacted-a") == "Person A"
    # A pseudonym is stable: the same in every answer.
    entity = redacted_app.get("/api/entity?key=person:redacted-a")
    assert entity["name"] == "Person A" and entity["redacted"] and entity["aliases"] == []


def test_redacted_keys_mean_one_entity_in_every_answer(loaded: Store) -> None:
    """A pseudonymised key names the same entity in the index, in every expand and in the entity panel."""
    explorer, plain = Explorer(loaded, redact=True), Explorer(loaded)
    real = explorer.index(refresh=True).real
    renamed = sorted(k for k in real if "redacted" in k)
    assert any(not k.startswith("person:") for k in renamed)  # events named after a protected person
    for key in renamed:
        data = explorer.expand(key, limit=500)
        assert data["focus"] == key and explorer.entity(key)["key"] == key
        want = {n["id"]: n["label"] for n in plain.expand(real[key], limit=500)["nodes"]}
        assert {real[n["id"]]: n["label"] for n in data["nodes"]} == want, key


def test_redacted_connect_uses_the_pseudonyms_of_search_and_expand(redacted_app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    """A path's nodes and ties carry the keys, names and claim ids the other answers give; and
    connect builds no redaction filter of its own (the index's one serves every answer)."""
    import graph.redact

    searched = {**_found(redacted_app.get(f"/api/search?q={_q('Person A')}")),
                **_found(redacted_app.get(f"/api/search?q={_q('Person B')}"))}
    assert searched.get("person:redacted-a") == "Person A" and searched.get("person:redacted-b") == "Person B"
    built: list[int] = []
    init = graph.redact.Redactor.__init__
    monkeypatch.setattr(graph.redact.Redactor, "__init__",
                        lambda self, g, previous=None: built.append(1) or init(self, g, previous))
    for target in ("person:redacted-a", "person:redacted-b"):
        expanded = redacted_app.get(f"/api/expand?key={_q(target)}&limit=500")
        start = max(n["id"] for n in expanded["nodes"] if n["id"] != target)  # a neighbour (maybe pseudonymised)
        status, answer = redacted_app.post("/api/connect", {"from": start, "to": target, "k": 3})
        assert status == 200 and answer["paths"], answer
        assert answer["to"]["key"] == target and answer["to"]["name"] == searched[target]
        names = {n["id"]: n["name"] for n in expanded["nodes"]}
        last_hop = {c["claim_id"] for c in answer["paths"][0]["hops"][-1]["claims"]}
        assert last_hop <= {e["id"] for e in expanded["edges"]}  # the same claim ids
        for path in answer["paths"]:
            for node in path["nodes"]:
                entity = redacted_app.get(f"/api/entity?key={_q(node['key'])}")  # every shown key is known
                assert entity["name"] == node["name"]
            assert names[path["nodes"][-2]["key"]] == path["nodes"][-2]["name"]
        for claim_id in last_hop:
            claim = redacted_app.get(f"/api/claim?id={_q(claim_id)}")
            assert searched[target] in (claim["subject"]["name"], claim["object"]["name"])
    assert built == []


def test_redacted_app_refuses_real_keys_of_protected_people(redacted_app: App) -> None:
    for path in ("/api/expand?key=person:kurtumer-chalgozov", "/api/entity?key=person:nariman-ametov"):
        status, _, body = redacted_app.request(path)
        assert status == 404 and json.loads(body) == {"error": "no such entity"}
    # Public entities keep their keys; events named after a protected person get redacted keys.
    found = _found(redacted_app.get(f"/api/search?q={_q('Arrest of Person A')}"))
    assert any(k.startswith("event:") and "redacted" in k for k in found)
    key = next(k for k in found if k.startswith("event:") and "redacted" in k)
    assert redacted_app.get(f"/api/expand?key={_q(key)}")["focus"] == key


def test_redacted_explorer_explains_only_claims_it_handed_out(loaded: Store) -> None:
    plain = Explorer(loaded).expand("person:kurtumer-chalgozov", limit=500)
    claim_id = next(e["id"] for e in plain["edges"] if "person:kurtumer-chalgozov" in (e["from"], e["to"]))
    redacted = Explorer(loaded, redact=True)
    with pytest.raises(NotFound, match="no such claim"):
        redacted.claim(claim_id)  # an id computed from a real key says nothing
    shown = redacted.expand("person:redacted-a", limit=500)
    # The filter gives a protected person's claims new ids (hashed from pseudonymised content).
    assert claim_id not in {e["id"] for e in shown["edges"]}
    with pytest.raises(NotFound, match="no such claim"):
        redacted.claim(claim_id)  # not even once the claim was shown under its new id
    ids = [e["id"] for e in shown["edges"] if "person:redacted-a" in (e["from"], e["to"])]
    assert len(ids) == len([e for e in plain["edges"] if "person:kurtumer-chalgozov" in (e["from"], e["to"])])
    for new_id in ids:
        claim = redacted.claim(new_id)
        assert claim["claim_id"] == new_id and "Person A" in (claim["subject"]["name"], claim["object"]["name"])
        assert claim["evidence"] and all(e["quote"] for e in claim["evidence"])


def test_explorer_library_errors(loaded: Store) -> None:
    explorer = Explorer(loaded)
    with pytest.raises(NotFound):
        explorer.entity("person:nobody")
    with pytest.raises(CasegraphError, match="max_hops"):
        explorer.connect("person:refat-chubarov", "person:nariman-dzhelyal", max_hops=20)
    assert explorer.search("   ")["total"] == 0


def _q(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


# -- the command ---------------------------------------------------------------------------------
def test_cli_serve_prints_a_token_url_that_works(loaded: Store, neo4j_env: server.ServerInfo) -> None:
    import os
    import subprocess
    import sys
    from urllib.parse import urlsplit

    proc = subprocess.Popen([sys.executable, "-c", "from casegraph.cli import main; main()", "serve", "--port", "0", "--redact"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.startswith("casegraph serve (redacted): open http://127.0.0.1:"), (
            line, proc.poll(), proc.stderr.read() if proc.poll() is not None and proc.stderr else "")
        url = urlsplit(line.split("open ", 1)[1].strip())
        assert url.port and url.query.startswith("token=")
        access = Access("127.0.0.1", url.port, token=url.query.split("=", 1)[1])
        client = App(access, Explorer(loaded, redact=True))
        status, headers, _ = client.request(f"/?{url.query}", cookie=False)
        assert status == 303 and headers["set-cookie"].startswith(f"{access.cookie}=")
        found = _found(client.get(f"/api/search?q={_q('Person A')}"))
        assert found.get("person:redacted-a") == "Person A"
        assert client.request("/api/search?q=x", cookie=False)[0] == 401
    finally:
        proc.terminate()
        proc.wait(30)


def test_cli_serve_open_hands_the_token_url_to_the_browser(loaded: Store, neo4j_env: server.ServerInfo,
                                                          tmp_path: Path) -> None:
    # `--open` goes through the standard BROWSER variable: a recording "browser" gets the same
    # one-time URL the command prints, and that URL logs a browser in.
    import os
    import subprocess
    import sys
    from urllib.parse import urlsplit

    seen = tmp_path / "opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(f"import sys, pathlib\npathlib.Path({str(seen)!r}).write_text(sys.argv[1])\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BROWSER": f"{sys.executable} {browser} %s"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    proc = subprocess.Popen([sys.executable, "-c", "from casegraph.cli import main; main()", "serve", "--port", "0", "--open"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.startswith("casegraph serve: open http://127.0.0.1:"), (
            line, proc.poll(), proc.stderr.read() if proc.poll() is not None and proc.stderr else "")
        printed = line.split("open ", 1)[1].strip()
        deadline = time.monotonic() + 60
        while not seen.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert seen.read_text(encoding="utf-8") == printed
        url = urlsplit(printed)
        assert url.port
        access = Access("127.0.0.1", url.port, token=url.query.split("=", 1)[1])
        client = App(access, Explorer(loaded))
        status, headers, _ = client.request(f"/?{url.query}", cookie=False)
        assert status == 303 and headers["set-cookie"].startswith(f"{access.cookie}=")
    finally:
        proc.terminate()
        proc.wait(30)


def test_cli_serve_refuses_a_network_address_without_accounts(neo4j_env: server.ServerInfo) -> None:
    from click.testing import CliRunner

    from casegraph.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: refusing to listen on 0.0.0.0")


# -- timeline -----------------------------------------------------------------------------------------
def test_timeline_in_date_order_with_quotes(app: App) -> None:
    t = app.get("/api/timeline?key=person:hostile")
    assert t["name"] == HOSTILE_NAME
    assert [(e["type"], e["date"]) for e in t["events"]] == [("MEMBER_OF", "2021-03"), ("PARTICIPANT_IN", "2022-06")]
    assert t["events"][0]["quote"].startswith("</script><img") and t["events"][0]["evidence"] == 1
    crimea = app.get("/api/timeline?key=person:kurtumer-chalgozov")["events"]
    dated = [e["date"] for e in crimea if e["date"]]
    assert crimea and dated == sorted(dated) and all(e["date"] for e in crimea[:len(dated)])
    assert app.request("/api/timeline?key=person:nobody")[0] == 404


def test_redacted_timeline(redacted_app: App, secrets_of_corpus: list[str]) -> None:
    t = redacted_app.get("/api/timeline?key=person:redacted-a")
    text = json.dumps(t, ensure_ascii=False)
    assert t["name"] == "Person A" and t["events"]
    assert [s for s in secrets_of_corpus if s.casefold() in text.casefold()] == []


# -- export of the canvas ---------------------------------------------------------------------------
def _export(app: App, fmt: str, keys: list[str], headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    return app.request("/api/export", "POST", body=json.dumps({"format": fmt, "keys": keys}).encode(), headers={
        "Origin": f"http://{app.host}", "X-CSRF-Token": app.access.csrf_for(app.access.token), "Content-Type": "application/json",
        **(headers or {})})


def test_export_of_the_canvas_reads_back(app: App, tmp_path: Path) -> None:
    import networkx as nx

    keys = [n["id"] for n in app.get("/api/expand?key=person:nariman-dzhelyal&limit=500")["nodes"]]
    status, headers, body = _export(app, "graphml", keys)
    assert status == 200 and headers["content-disposition"] == 'attachment; filename="casegraph-canvas.graphml"'
    path = tmp_path / "canvas.graphml"
    path.write_bytes(body)
    g = nx.read_graphml(path)
    entities = {n for n, d in g.nodes(data=True) if d.get("node_kind") == "entity"}
    assert entities == set(keys)
    assert any(d.get("node_kind") == "source" for _, d in g.nodes(data=True))  # provenance travels along
    status, _, body = _export(app, "csv", keys)
    assert status == 400 and b"unknown export format" in body
    assert _export(app, "graphml", keys, {"Origin": "http://evil.example"})[0] == 403
    assert _export(app, "graphml", ["person:nobody"])[0] == 404


def test_redacted_export_names_no_protected_person(redacted_app: App, secrets_of_corpus: list[str]) -> None:
    keys = sorted(redacted_app.explorer.index().entities)
    for fmt in ("graphml", "json", "ftm", "gexf", "cypher"):
        status, _, body = _export(redacted_app, fmt, keys)
        assert status == 200, (fmt, body[:200])
        text = body.decode("utf-8")
        assert [s for s in secrets_of_corpus if s.casefold() in text.casefold()] == [], fmt
        assert "Person A" in text
    # Only the canvas: protected people who are not on it are not in the file, not even as pseudonyms.
    status, _, body = _export(redacted_app, "json", ["person:refat-chubarov"])
    data = json.loads(body)
    assert status == 200 and {n["id"] for n in data["nodes"] if n.get("node_kind") == "entity"} == {"person:refat-chubarov"}


# -- saved queries ---------------------------------------------------------------------------------
def test_saved_queries_as_forms_table_and_graph(app: App, redacted_app: App) -> None:
    listed = {q["name"]: q for q in app.get("/api/queries")}
    assert {p["name"] for p in listed["person-timeline"]["params"]} >= {"person", "since"}
    status, answer = app.post("/api/query", {"name": "person-timeline", "params": {"person": "Chalgozov"}})
    assert status == 200, answer
    assert answer["rows"] and answer["columns"]
    assert "person:kurtumer-chalgozov" in {n["id"] for n in answer["nodes"]}
    status, answer = app.post("/api/query", {"name": "person-timeline", "params": {}})
    assert status == 400 and "person" in answer["error"]
    status, answer = app.post("/api/query", {"name": "no-such-query", "params": {}})
    assert status == 400
    # A redacted session does not offer them: a parameter would tell whether a real name exists.
    status, answer = redacted_app.post("/api/query", {"name": "person-timeline", "params": {"person": "Chalgozov"}})
    assert status == 400 and "redacted" in answer["error"] and "chalgozov" not in json.dumps(answer).lower()
    _, _, page = redacted_app.request("/")
    assert b'id="query-form"' not in page


# -- a case's timeline across its stages ----------------------------------------------------------------
CRIMEA_CASE = "case:dzhelyal-sabotage"


def test_case_timeline_on_the_crimea_example(app: App) -> None:
    t = app.get(f"/api/timeline?key={CRIMEA_CASE}")
    assert t["case"] and t["name"] == "Sabotage case against Nariman Dzhelyal"
    entries = t["entries"]
    dated = [x["date"] for x in entries if x["date"]]
    assert dated == sorted(dated) and all(x["date"] for x in entries[:len(dated)])  # date order, undated last
    by_event = {x["event"]["key"]: x for x in entries if x["event"]}
    arrest = by_event["event:chalgozov-arrest-2021-12"]
    assert (arrest["date"], arrest["stage"]) == ("2021-12", "arrest") and entries.index(arrest) == 0
    assert by_event["event:ametov-arrest"]["stage"] == "arrest" and by_event["event:ametov-arrest"]["date"] is None
    link = next(c for c in arrest["claims"] if c["type"] == "LINKED_TO")
    assert link["object"]["key"] == CRIMEA_CASE
    assert [c["type"] for c in arrest["claims"]].count("PARTICIPANT_IN") >= 1  # who was arrested, with evidence
    stages = {x["stage"] for x in entries}
    assert {"defendant_in", "accused_of", "counsel_in"} <= stages  # the case's own claims
    for x in entries:
        for c in x["claims"]:
            assert c["evidence"] and all(ev["quote"] and ev["source"]["title"].startswith("Russian FSB")
                                         for ev in c["evidence"]), c
            assert app.get(f"/api/claim?id={c['claim_id']}")["evidence"]  # each opens its evidence panel
    assert "link men’s cases" in link["evidence"][0]["quote"]


def test_redacted_case_timeline(redacted_app: App, secrets_of_corpus: list[str]) -> None:
    t = redacted_app.get(f"/api/timeline?key={CRIMEA_CASE}")
    text = json.dumps(t, ensure_ascii=False).lower()
    assert not [s for s in secrets_of_corpus if s.lower() in text]
    arrests = [x for x in t["entries"] if x["stage"] == "arrest"]
    assert len(arrests) == 2 and arrests[0]["date"] == "2021-12" and "person a" in text
    for c in arrests[0]["claims"]:
        assert redacted_app.get(f"/api/claim?id={c['claim_id']}")["evidence"]


STAGES_FILE = """\
source:
  key: source:court-chronicle-testov
  title: Court chronicle of the fictional Testov case
  publisher: Test Gazette
  published: "2023-05-20"
entities:
  - key: case:testov-fraud
    label: LegalCase
    name: Fictional fraud case against Ivor Testov
  - key: person:ivor-testov
    label: Person
    name: Ivor Testov
  - key: event:testov-appeal
    label: Event
    name: Appeal of Ivor Testov
    attributes: {kind: appeal, date: 2023-05-02}
  - key: event:testov-verdict
    label: Event
    name: Verdict against Ivor Testov
    attributes: {kind: verdict, date: 2023-03-01}
  - key: event:testov-charge
    label: Event
    name: Charge of fraud brought against Ivor Testov
    attributes: {kind: charge, date: 2022-03-10}
  - key: event:testov-hearing
    label: Event
    name: Hearing in the Testov case
    attributes: {kind: hearing, date: 2022-11-05}
  - key: event:testov-extension
    label: Event
    name: Detention of Ivor Testov extended
    attributes: {kind: detention_extension, date: 2022-03-10}
  - key: event:testov-arrest
    label: Event
    name: Arrest of Ivor Testov
    attributes: {kind: arrest, date: 2022-01-10}
claims:
"""


def _stage_claims() -> str:
    lines = []
    for event in ("appeal", "verdict", "charge", "hearing", "extension", "arrest"):
        lines += [f"  - subject: event:testov-{event}", "    predicate: PART_OF", "    object: case:testov-fraud",
                  f"    quote: the {event} in the Testov case",
                  "  - subject: person:ivor-testov", "    predicate: PARTICIPANT_IN",
                  f"    object: event:testov-{event}", "    role: target", f"    quote: Testov at the {event}"]
    lines += ["  - subject: person:ivor-testov", "    predicate: DEFENDANT_IN", "    object: case:testov-fraud",
              "    procedural_status: accused", "    date: 2022-03-10", "    quote: Testov was accused of fraud"]
    return "\n".join(lines) + "\n"


def test_case_timeline_orders_the_stages(app: App, loaded: Store, tmp_path: Path) -> None:
    """Events given out of order (two on one day): in date order, one day's in procedural order."""
    folder = tmp_path / "testov"
    folder.mkdir()
    (folder / "testov.yaml").write_text(STAGES_FILE + _stage_claims(), "utf-8")
    loaded.load(load_corpus([folder]))  # the last test of this module: the others never see it
    t = app.get("/api/timeline?key=case:testov-fraud")
    assert [(x["date"], x["stage"]) for x in t["entries"]] == [
        ("2022-01-10", "arrest"), ("2022-03-10", "detention_extension"), ("2022-03-10", "charge"),
        ("2022-03-10", "defendant_in"), ("2022-11-05", "hearing"), ("2023-03-01", "verdict"),
        ("2023-05-02", "appeal")]
    for x in t["entries"]:
        assert x["claims"] and all(c["evidence"][0]["source"]["title"].startswith("Court chronicle")
                                   for c in x["claims"])
        if x["event"]:
            assert {c["type"] for c in x["claims"]} == {"PART_OF", "PARTICIPANT_IN"}
    person = app.get("/api/timeline?key=person:ivor-testov")  # a person's timeline is still its ties
    assert not person.get("case") and len(person["events"]) == 7


def _quarrel_file(source: str, title: str, date: str) -> str:
    return f"""\
source:
  key: {source}
  title: {title}
  publisher: Test Gazette
  published: "2023-07-01"
entities:
  - key: person:disa-quarrel
    label: Person
    name: Disa Quarrel
  - key: org:quarrel-club
    label: Organisation
    name: Quarrel Club
claims:
  - subject: person:disa-quarrel
    predicate: MEMBER_OF
    object: org:quarrel-club
    date: {date}
    quote: Disa Quarrel joined the Quarrel Club in {date}
"""


def test_a_tie_whose_sources_disagree_is_marked(app: App, loaded: Store, tmp_path: Path) -> None:
    """Two sources give one tie different dates: the canvas edge and its evidence panel say so."""
    folder = tmp_path / "quarrel"
    folder.mkdir()
    (folder / "a.yaml").write_text(_quarrel_file("source:quarrel-a", "Quarrel chronicle A", "2020-01"), "utf-8")
    (folder / "b.yaml").write_text(_quarrel_file("source:quarrel-b", "Quarrel chronicle B", "2021-05"), "utf-8")
    loaded.load(load_corpus([folder]))  # near the end of the module: the others never see it
    edges = app.get("/api/expand?key=person:disa-quarrel")["edges"]
    assert [e["disputed"] for e in edges] == [["date"]]
    claim = app.get(f"/api/claim?id={edges[0]['id']}")
    assert claim["disputed"] == ["date"] and {ev["date"] for ev in claim["evidence"]} == {"2020-01", "2021-05"}
    assert {ev["source"]["title"] for ev in claim["evidence"]} == {"Quarrel chronicle A", "Quarrel chronicle B"}


FRESH_FILE = """\
source:
  key: source:fresh-watch-roll
  title: Roll of the fictional Fresh Watch Group
  publisher: Test Gazette
  published: "2023-06-01"
entities:
  - key: org:fresh-watch
    label: Organisation
    name: Fresh Watch Group
  - key: person:ada-publicka
    label: Person
    name: Ada Publicka
  - key: person:olgerd-vexlo
    label: Person
    name: Olgerd Vexlo
    aliases: [Vexlo-Brandt]
{sensitive}claims:
  - subject: person:ada-publicka
    predicate: MEMBER_OF
    object: org:fresh-watch
    quote: Ada Publicka joined the Fresh Watch Group with Olgerd Vexlo
  - subject: person:olgerd-vexlo
    predicate: MEMBER_OF
    object: org:fresh-watch
    quote: Vexlo-Brandt is a member of the group
"""


def test_redacted_answers_never_go_through_a_filter_behind_the_data(loaded: Store, tmp_path: Path) -> None:
    """A load that makes someone protected is redacted in the very next answer, even one that
    only quotes them (no polling delay: each answer's reads must see the filter's data version)."""
    folder = tmp_path / "fresh"
    folder.mkdir()
    (folder / "fresh.yaml").write_text(FRESH_FILE.format(sensitive=""), "utf-8")
    loaded.load(load_corpus([folder]))  # after test_case_timeline_orders_the_stages: the last of the module
    explorer = Explorer(loaded, redact=True, index_seconds=3600)  # never polls: only the answers' check
    edges = explorer.expand("person:ada-publicka", limit=500)["edges"]
    claim_id = next(e["id"] for e in edges if e["type"] == "MEMBER_OF")
    assert "Olgerd Vexlo" in json.dumps(explorer.claim(claim_id))  # not protected (yet)
    before = explorer.index()
    (folder / "fresh.yaml").write_text(FRESH_FILE.format(sensitive="    sensitive: true\n"), "utf-8")
    loaded.load(load_corpus([folder]))
    answers = [explorer.claim(claim_id), explorer.search("Vexlo"), explorer.search("Olgerd Vexlo"),
               explorer.expand("org:fresh-watch", limit=500)]
    text = json.dumps(answers, ensure_ascii=False)
    assert "vexlo" not in text.casefold() and "olgerd" not in text.casefold(), text
    assert explorer.index() is not before and "Person " in answers[0]["evidence"][0]["quote"]
    assert answers[1]["total"] == 0 and answers[2]["total"] == 0
