"""Reviewing a draft in real headless Chromium (``casegraph serve --drafts``).

A draft extracted from a licensed dev article is opened, a claim accepted and one rejected
with the keyboard, an entity and claims added by selecting text (a Selection range set
from JavaScript, then the mouse-up a drag ends with), a too-long quote refused inline with
the validator's message, the draft marked reviewed and loaded, and the new claim found with
its quote in the session's Neo4j. Hostile article text and names render as text; a draft
edited on disk while its page is open is not overwritten. Prints the browser actions each
added claim took (docs/serve.md quotes them).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from selenium.webdriver.common.keys import Keys

from casegraph.app import Access, create_app
from casegraph.app.run import free_port, make_server
from graph.db import server
from graph.db.explore import Explorer
from graph.db.store import Store
from loaders.extract.clean import read_article
from loaders.extract.draft import extract_article
from loaders.extract.review import read_draft
from loaders.factfile import write_fact_file
from loaders.facts import validate
from tests.chromium import chromium
from tests.test_serve import App, _running
from tests.test_serve_browser import css, wait
from tests.test_view import HOSTILE_ALIAS, HOSTILE_NAME, HOSTILE_QUOTE, HOSTILE_TITLE

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "articles" / "real" / "dev" / "d02-govuk-umerov-sentenced.txt"
DRAFT = "d02-govuk-umerov-sentenced.yaml"
CORPUS_GOLD = ROOT / "examples" / "articles" / "real" / "dev-gold" / "d22-govuk-embassy-umerov-psychiatric.yaml"
MEDZHLIS = "Medzhlis of the Crimean Tatar People"


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A drafts folder: the dev article's draft, and a draft of a hostile article."""
    folder = tmp_path_factory.mktemp("drafts")
    out, doc = extract_article(ARTICLE, folder)
    # Exactly one claim left for a person to decide, whatever the extractor's rules were sure of.
    pending = [c for c in doc.get("claims") or [] if c.get("review") == "pending"] or [doc["claims"][-1]]
    for c in doc["claims"]:
        c.pop("review", None)
    pending[0]["review"] = "pending"
    write_fact_file(out, doc)
    articles = tmp_path_factory.mktemp("hostile-article")
    hostile = articles / "hostile.txt"
    hostile.write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_NAME} met {HOSTILE_ALIAS} in Kyiv.\n\n{HOSTILE_QUOTE} it.\n",
                       encoding="utf-8")
    out, doc = extract_article(hostile, folder)
    text = read_article(hostile).text
    at = text.index(HOSTILE_NAME)
    doc["source"]["title"] = HOSTILE_TITLE
    doc["entities"] = [
        {"key": "person:hostile", "label": "Person", "name": HOSTILE_NAME, "aliases": [HOSTILE_ALIAS]},
        {"key": "org:hostile", "label": "Organisation", "name": "Zlodey " + HOSTILE_TITLE}]
    doc["claims"] = [{"subject": "person:hostile", "predicate": "MEMBER_OF", "object": "org:hostile",
                      "span": [at, at + len(HOSTILE_NAME)], "review": "pending", "confidence": 0.5,
                      "quote": HOSTILE_NAME}]
    write_fact_file(out, doc)
    # Two doubtful matches in a copy of the dev draft: "Umerov" may be Ilmi Umerov; OHCHR may be the Commissioner.
    doc = read_draft(folder / DRAFT)
    text = read_article(ARTICLE).text
    at = text.index("Umerov’s case")
    doc["source"]["key"] = "source:match"
    doc["entities"].append({"key": "person:umerov", "label": "Person", "name": "Umerov"})
    doc["draft"]["candidates"] = [
        {"entity": "person:umerov", "mention": "Umerov", "span": [at, at + 6], "same_as": "person:ilmi-umerov",
         "same_as_name": "Ilmi Umerov", "score": 0.8, "reason": "surname only", "decision": "pending"},
        {"entity": "org:ohchr", "mention": "OHCHR", "same_as": "org:un-high-commissioner-for-human-rights",
         "same_as_name": "UN High Commissioner for Human Rights", "score": 0.6, "reason": "similar name",
         "decision": "pending"}]
    write_fact_file(folder / "match.yaml", doc)
    # A fresh copy of the dev draft for editing claims beyond their quote, with a claim whose object to edit
    # (an organisation in a place: the extractor no longer says a state acting "in Crimea" sits there).
    doc = read_draft(folder / DRAFT)
    doc["source"]["key"] = "source:edit"
    quote = "committed by the Russian Federation in Crimea"
    at = text.index(quote)
    if not any((c["subject"], c["predicate"]) == ("org:russian-federation", "LOCATED_IN") for c in doc["claims"]):
        doc["claims"].append({"subject": "org:russian-federation", "predicate": "LOCATED_IN", "object": "place:crimea",
                              "span": [at, at + len(quote)], "review": "pending", "confidence": 0.5, "quote": quote})
    write_fact_file(folder / "edit.yaml", doc)
    # A draft whose entities the loaded graph may hold under other names (CORPUS_GOLD).
    small = articles / "corpus.txt"
    small.write_text(f"Umerov spoke for the {MEDZHLIS} in Bakhchisaray.\n", encoding="utf-8")
    out, doc = extract_article(small, folder)
    text = read_article(small).text
    quote = f"Umerov spoke for the {MEDZHLIS}"
    doc["entities"] = [{"key": "person:umerov", "label": "Person", "name": "Umerov"},
                       {"key": "org:medzhlis", "label": "Organisation", "name": MEDZHLIS}]
    doc["claims"] = [{"subject": "person:umerov", "predicate": "MEMBER_OF", "object": "org:medzhlis",
                      "span": [text.index(quote), text.index(quote) + len(quote)], "review": "pending",
                      "confidence": 0.5, "quote": quote}]
    doc["draft"].pop("candidates", None)
    write_fact_file(folder / "corpus.yaml", doc)
    # A draft whose article changed after extraction.
    moved = articles / "changed.txt"
    shutil.copy(ARTICLE, moved)
    extract_article(moved, folder)
    moved.write_text(moved.read_text(encoding="utf-8").replace("two years", "three years"), encoding="utf-8")
    assert not validate([folder])[1]
    return folder


@pytest.fixture(scope="module")
def review_app(neo4j_server: server.ServerInfo, drafts: Path) -> Iterator[App]:
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as store:
        store.clear()
        port = free_port()
        access = Access("127.0.0.1", port)
        explorer = Explorer(store)
        uv = make_server(create_app(explorer, access, drafts=drafts), "127.0.0.1", port)
        yield from _running(uv, App(access, explorer))


@pytest.fixture(scope="module")
def chrome() -> Iterator[Any]:
    with chromium("casegraph-review-") as driver:
        yield driver


def open_draft(driver: Any, app: App, name: str) -> None:
    driver.get("about:blank")
    driver.delete_all_cookies()
    driver.get(app.access.url().replace("/?", "/review?"))
    wait(driver, lambda: css(driver, f'tr.draft[data-name="{name}"] a'), "the drafts list")
    css(driver, f'tr.draft[data-name="{name}"] a')[0].click()
    wait(driver, lambda: driver.execute_script("return document.body.dataset.ready === 'yes'"), "the draft page")


ACTIONS = [0]  # browser actions of the scripted review: each select, choose, click and key press counts one


def click(driver: Any, selector: str) -> None:
    """One browser action: a click on the element."""
    ACTIONS[0] += 1
    css(driver, selector)[0].click()


def state(driver: Any) -> dict[str, Any]:
    return driver.execute_script("return window.casegraphReview.state")


def saved(driver: Any, before: str) -> dict[str, Any]:
    """Wait for a save: the page's digest changes."""
    wait(driver, lambda: state(driver)["digest"] != before, "the save")
    return state(driver)


def select(driver: Any, phrase: str, end_phrase: str | None = None) -> None:
    """One browser action: select ``phrase`` (or from it to the end of ``end_phrase``) in the article."""
    ACTIONS[0] += 1
    driver.execute_script("""
        const art = document.getElementById('article');
        const text = art.textContent, a = text.indexOf(arguments[0]);
        const b = arguments[1] ? text.indexOf(arguments[1], a) + arguments[1].length : a + arguments[0].length;
        function at(offset) {  // the text node and offset of a UTF-16 position in the article
          const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
          let seen = 0, node;
          while ((node = walker.nextNode())) {
            if (seen + node.data.length >= offset) return [node, offset - seen];
            seen += node.data.length;
          }
        }
        const range = document.createRange();
        range.setStart(...at(a)); range.setEnd(...at(b));
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));""", phrase, end_phrase)


def choose(driver: Any, select_id: str, value: str) -> None:
    """One browser action: pick ``value`` in a menu (as a user does, firing change)."""
    from selenium.webdriver.support.ui import Select

    ACTIONS[0] += 1
    Select(css(driver, f"#{select_id}")[0]).select_by_value(value)


def press(driver: Any, key: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ACTIONS[0] += 1
    ActionChains(driver).send_keys(key).perform()


def test_review_a_draft_end_to_end(chrome: Any, review_app: App, drafts: Path,
                                   neo4j_driver: neo4j.Driver, capsys: pytest.CaptureFixture[str]) -> None:
    open_draft(chrome, review_app, DRAFT)
    page = state(chrome)
    assert page["note"] is None
    assert css(chrome, "#article")[0].get_attribute("textContent") == read_article(ARTICLE).text
    keys = css(chrome, "#keys")[0].text
    assert all(k in keys for k in ("accept", "reject", "next item", "add claim from selection"))
    marks = css(chrome, "#article .mention.lab-Person")
    assert marks and marks[0].text == "Ilmi Umerov"
    assert css(chrome, "#article .quote")
    assert page["open"] == 1 and page["status"] == "unreviewed"
    assert chrome.execute_script("return document.querySelector('#mark-reviewed').disabled")

    # The page starts on the pending claim: 'a' accepts it.
    pending = next(i for i, c in enumerate(page["claims"]) if c.get("review") == "pending")
    assert "current" in css(chrome, f'.item[data-kind="claim"][data-index="{pending}"]')[0].get_attribute("class")
    press(chrome, "a")
    page = saved(chrome, page["digest"])
    assert page["claims"][pending]["review"] == "accepted" and page["open"] == 0
    # 'j' walks to the next item; 'r' rejects it.
    press(chrome, "j")
    current = chrome.execute_script("return window.casegraphReview.current")
    rejected = page["claims"][current - len(page["candidates"])]
    press(chrome, "r")
    page = saved(chrome, page["digest"])
    assert rejected not in page["claims"]

    # A missing entity, from a selection: the name comes from it.
    actions: dict[str, int] = {}
    select(chrome, "package of sanctions on Russia")
    press(chrome, "e")  # the key puts the focus on the entity form
    assert chrome.execute_script("return document.activeElement.id") == "entity-label"
    choose(chrome, "entity-label", "Event")
    click(chrome, "#entity-save")
    page = saved(chrome, page["digest"])
    added = next(e for e in page["entities"] if e["name"] == "package of sanctions on Russia")
    assert added == {"key": "event:package-of-sanctions-on-russia", "label": "Event", "name": "package of sanctions on Russia"}

    # A missing claim whose two entities the selection mentions: select, predicate, save.
    ACTIONS[0] = 0
    select(chrome, "Ilmi Umerov, the Deputy Chairman of the Crimean Tatar Mejlis")
    chrome.execute_script("document.activeElement.blur()")
    press(chrome, "c")  # the key puts the focus on the claim form's predicate (not counted: choosing it is)
    ACTIONS[0] -= 1
    assert chrome.execute_script("return document.activeElement.id") == "claim-predicate"
    assert css(chrome, "#claim-subject")[0].get_attribute("value") == "person:ilmi-umerov"
    assert css(chrome, "#claim-object")[0].get_attribute("value") == "org:mejlis-of-the-crimean-tatar-people"
    menu = [o.get_attribute("value") for o in css(chrome, "#claim-predicate option")][1:]
    assert set(menu) == {"MEMBER_OF", "LEADS", "WORKS_FOR", "DEFENDS"}  # Person to Organisation only
    choose(chrome, "claim-predicate", "MEMBER_OF")
    click(chrome, "#claim-save")
    page = saved(chrome, page["digest"])
    actions["MEMBER_OF"] = ACTIONS[0]
    # A missing claim with the new entity: select, subject, predicate (object prefilled), save.
    quote = "the EU’s package of sanctions on Russia"
    ACTIONS[0] = 0
    select(chrome, quote)
    choose(chrome, "claim-subject", "org:european-union")
    choose(chrome, "claim-predicate", "PARTICIPANT_IN")
    assert css(chrome, "#claim-object")[0].get_attribute("value") == "event:package-of-sanctions-on-russia"
    click(chrome, "#claim-save")
    page = saved(chrome, page["digest"])
    actions["PARTICIPANT_IN"] = ACTIONS[0]
    new = page["claims"][-1]
    text = read_article(ARTICLE).text
    assert new["quote"] == quote and text[new["span"][0]:new["span"][1]] == quote
    assert (new["subject"], new["predicate"], new["object"]) == (
        "org:european-union", "PARTICIPANT_IN", "event:package-of-sanctions-on-russia")

    # A quote beyond the ontology's word limit: refused inline with validate's message, nothing written.
    on_disk = (drafts / DRAFT).read_bytes()
    select(chrome, "The sentencing of Ilmi Umerov offers", "package of sanctions on Russia.")
    choose(chrome, "claim-predicate", "LOCATED_IN")
    click(chrome, "#claim-save")
    problem = wait(chrome, lambda: css(chrome, "#problems li") and css(chrome, "#problems li")[0].text, "the problem")
    assert problem.startswith(f"{DRAFT}:") and "words; keep evidence to at most 40 words" in problem
    assert (drafts / DRAFT).read_bytes() == on_disk

    # Mark reviewed, then load: the page shows what the loader created.
    click(chrome, "#mark-reviewed")
    page = saved(chrome, page["digest"])
    assert page["status"] == "reviewed"
    click(chrome, "#load")
    wait(chrome, lambda: css(chrome, '#load-table tr[data-what="created"]') or css(chrome, "#problems li"),
         "the load summary", seconds=300)
    assert not css(chrome, "#problems li"), css(chrome, "#problems li")[0].text
    created = css(chrome, '#load-table tr[data-what="created"] td[data-kind="claims"]')[0].text
    assert int(created) == len(page["claims"]) > 0
    with neo4j_driver.session() as s:
        found = s.run("MATCH (e:Evidence {quote: $q})-[:SUPPORTS]->(c:Claim) RETURN properties(c) AS c",
                      q=quote).value()
    assert len(found) == 1 and "PARTICIPANT_IN" in found[0].values()

    # The draft on disk validates and is what the page showed.
    assert not validate([drafts / DRAFT])[1]
    doc = read_draft(drafts / DRAFT)
    assert doc["claims"] == page["claims"] and doc["entities"] == page["entities"]
    assert chrome.execute_script("return window.__pwned") is None
    with capsys.disabled():
        counts = ", ".join(f"{k}={v}" for k, v in actions.items())
        print(f"\nbrowser actions per added claim: {counts} (select text, [pick subject,] pick predicate, Add claim)")
    assert max(actions.values()) <= 4  # the target


def test_hostile_draft_renders_as_text(chrome: Any, review_app: App) -> None:
    open_draft(chrome, review_app, "hostile.yaml")
    assert chrome.execute_script("return window.__pwned") is None
    art = css(chrome, "#article")[0].get_attribute("textContent")
    assert HOSTILE_NAME in art and HOSTILE_ALIAS in art
    assert HOSTILE_NAME in css(chrome, "#entities")[0].text
    assert HOSTILE_TITLE in css(chrome, "#title")[0].text
    assert chrome.execute_script("return document.querySelectorAll('img, svg, iframe').length") == 0
    assert chrome.execute_script("return document.scripts.length") == 1
    press(chrome, "x")  # the claim form, editing the hostile claim: names as text
    assert HOSTILE_NAME in css(chrome, "#claim-mode")[0].text
    assert chrome.execute_script("return window.__pwned") is None
    press(chrome, Keys.ESCAPE)
    chrome.get(review_app.access.url().replace("/?", "/review?"))
    wait(chrome, lambda: css(chrome, "#drafts"), "the list")
    assert HOSTILE_TITLE in css(chrome, "#drafts")[0].text
    assert chrome.execute_script("return window.__pwned") is None
    assert chrome.execute_script("return document.querySelectorAll('img, svg, iframe, script').length") == 0


def test_a_draft_edited_on_disk_is_not_overwritten(chrome: Any, review_app: App, drafts: Path) -> None:
    shutil.copy(drafts / "hostile.yaml", drafts / "edited.yaml")
    open_draft(chrome, review_app, "edited.yaml")
    edited = (drafts / "edited.yaml").read_text(encoding="utf-8") + "# edited by hand meanwhile\n"
    (drafts / "edited.yaml").write_text(edited, encoding="utf-8")
    press(chrome, "a")  # accept the pending claim
    problem = wait(chrome, lambda: css(chrome, "#problems li") and css(chrome, "#problems li")[0].text, "the refusal")
    assert "changed on disk since this page was loaded; nothing was saved" in problem
    assert (drafts / "edited.yaml").read_text(encoding="utf-8") == edited


def test_viewers_and_cross_origin_posts_are_refused(review_app: App) -> None:
    body = b'{"name": "hostile.yaml", "digest": "x", "edit": {"op": "accept", "index": 0}}'
    status, _, _ = review_app.request("/api/review/edit", "POST", body=body, headers={
        "Origin": "http://evil.example", "X-CSRF-Token": review_app.access.csrf_for(review_app.access.token), "Content-Type": "application/json"})
    assert status == 403
    status, _, _ = review_app.request("/api/review/edit", "POST", body=body, headers={
        "Origin": f"http://{review_app.host}", "Content-Type": "application/json"})
    assert status == 403
    status, _, text = review_app.request("/api/review/draft?name=../../etc/passwd")
    assert status == 404 and b"no draft" in text


def test_doubtful_matches_decided_with_keys(chrome: Any, review_app: App, drafts: Path) -> None:
    open_draft(chrome, review_app, "match.yaml")
    # An entity with aliases and the sensitive mark, from a selection.
    page = state(chrome)
    select(chrome, "psychiatric unit")
    choose(chrome, "entity-label", "Organisation")
    css(chrome, "#entity-aliases")[0].send_keys("psych ward; <b>unit</b>")
    css(chrome, "#entity-sensitive")[0].click()
    click(chrome, "#entity-save")
    page = saved(chrome, page["digest"])
    assert page["entities"][-1] == {"key": "org:psychiatric-unit", "label": "Organisation", "name": "psychiatric unit",
                                    "aliases": ["psych ward", "<b>unit</b>"], "sensitive": True}
    assert "<b>unit</b>" in css(chrome, '#entities li[data-key="org:psychiatric-unit"]')[0].text
    page = state(chrome)
    assert page["open"] == 3  # two matches and the pending claim
    assert "current" in css(chrome, '.item[data-kind="candidate"][data-index="0"]')[0].get_attribute("class")
    press(chrome, "a")  # the same man: merged the way `casegraph review` merges
    page = saved(chrome, page["digest"])
    assert [c["decision"] for c in page["candidates"]] == ["accepted", "pending"]
    umerov = next(e for e in page["entities"] if e["key"] == "person:ilmi-umerov")
    assert "Umerov" in umerov["aliases"] and not any(e["key"] == "person:umerov" for e in page["entities"])
    press(chrome, "j")
    press(chrome, "r")  # OHCHR is not the Commissioner: kept apart
    page = saved(chrome, page["digest"])
    assert [c["decision"] for c in page["candidates"]] == ["accepted", "rejected"]
    assert read_draft(drafts / "match.yaml")["draft"]["candidates"] == page["candidates"]
    # Edit the pending claim as `review` does: a new exact quote (the selection), marked edited.
    press(chrome, "j")
    current = chrome.execute_script("return window.casegraphReview.current") - len(page["candidates"])
    assert page["claims"][current]["review"] == "pending"
    select(chrome, "human rights situation in Crimea since 2014")
    press(chrome, "q")
    page = saved(chrome, page["digest"])
    claim = page["claims"][current]
    text = read_article(ARTICLE).text
    assert claim["review"] == "edited" and claim["quote"] == "human rights situation in Crimea since 2014"
    assert text[claim["span"][0]:claim["span"][1]] == claim["quote"] and page["open"] == 0


def test_a_changed_article_says_so(chrome: Any, review_app: App) -> None:
    open_draft(chrome, review_app, "changed.yaml")
    note = css(chrome, "#article-note")[0]
    assert note.is_displayed() and "changed since the draft was extracted" in note.text
    assert css(chrome, "#article")[0].get_attribute("textContent") == ""
    assert chrome.execute_script("return document.querySelector('#claim-save').disabled")


@pytest.fixture(scope="module")
def accounts_review_app(neo4j_server: server.ServerInfo, drafts: Path,
                        tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    from casegraph.app.users import Users
    from tests.test_serve import _hash

    path = tmp_path_factory.mktemp("review-users") / "users.txt"
    path.write_text(f"edna editor {_hash('edna-pw')}\nvic viewer {_hash('vic-pw')}\n", "utf-8")
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as store:
        port = free_port()
        access = Access("127.0.0.1", port, users=Users.load(path))
        explorer = Explorer(store)
        uv = make_server(create_app(explorer, access, viewer=Explorer(store, redact=True), drafts=drafts),
                         "127.0.0.1", port, accounts=True)
        yield from _running(uv, App(access, explorer))


def test_only_editors_review(accounts_review_app: App) -> None:
    from tests.test_serve import _log_in

    app = accounts_review_app
    statuses = {}
    for name in ("edna", "vic"):
        status, headers = _log_in(app, name, f"{name}-pw")
        assert status == 303
        session = headers["set-cookie"].split(";", 1)[0].split("=", 1)[1]
        cookie = {"Cookie": f"{app.access.cookie}={session}"}
        statuses[name] = [app.request(path, cookie=False, headers=cookie)[0]
                          for path in ("/review", "/review/draft?name=hostile.yaml", "/api/review/draft?name=hostile.yaml")]
        body = b'{"name": "hostile.yaml", "digest": "x", "edit": {"op": "accept", "index": 0}}'
        statuses[name].append(app.request("/api/review/edit", "POST", cookie=False, body=body, headers={
            **cookie, "Origin": f"http://{app.host}", "X-CSRF-Token": app.access.csrf_for(session),
            "Content-Type": "application/json"})[0])
    assert statuses == {"edna": [200, 200, 200, 409], "vic": [403, 403, 403, 403]}


def _claim_at(driver: Any, page: dict[str, Any], subject: str, predicate: str) -> int:
    """Make the claim (subject, predicate) the current item with a click on it; its index."""
    index = next(i for i, c in enumerate(page["claims"]) if (c["subject"], c["predicate"]) == (subject, predicate))
    click(driver, f'.item[data-kind="claim"][data-index="{index}"] .triple')
    return index


def test_edit_a_claim_beyond_its_quote(chrome: Any, review_app: App, drafts: Path) -> None:
    open_draft(chrome, review_app, "edit.yaml")
    assert "edit the current claim" in css(chrome, "#keys")[0].text
    page = state(chrome)
    # 'x' opens the current claim in the claim form: its predicate, object and qualifiers.
    i = _claim_at(chrome, page, "person:ilmi-umerov", "LEADS")
    quote = page["claims"][i]["quote"]
    press(chrome, "x")
    assert chrome.execute_script("return document.activeElement.id") == "claim-predicate"
    assert "Editing claim" in css(chrome, "#claim-mode")[0].text
    assert css(chrome, "#claim-object")[0].get_attribute("value") == "org:mejlis-of-the-crimean-tatar-people"
    role = css(chrome, '#claim-qualifiers [data-qualifier="role"]')[0]
    assert role.get_attribute("value") == "deputy chairman"
    # The menu offers only what the ontology allows from a Person to an Organisation.
    menu = [o.get_attribute("value") for o in css(chrome, "#claim-predicate option")][1:]
    assert set(menu) == {"MEMBER_OF", "LEADS", "WORKS_FOR", "DEFENDS"}
    choose(chrome, "claim-predicate", "MEMBER_OF")
    role = css(chrome, '#claim-qualifiers [data-qualifier="role"]')[0]
    assert role.get_attribute("value") == "deputy chairman"  # a qualifier both predicates declare stays
    role.clear()
    role.send_keys("member")
    css(chrome, '#claim-qualifiers [data-qualifier="start"]')[0].send_keys("2016-05")
    assert not css(chrome, '#claim-qualifiers [data-qualifier="case"]')  # DEFENDS's, not MEMBER_OF's
    choose(chrome, "claim-speaker", "org:british-embassy-kyiv")
    click(chrome, "#claim-save")
    page = saved(chrome, page["digest"])
    claim = page["claims"][i]
    assert {k: claim[k] for k in ("subject", "predicate", "object", "role", "start", "asserted_by", "review")} == {
        "subject": "person:ilmi-umerov", "predicate": "MEMBER_OF", "object": "org:mejlis-of-the-crimean-tatar-people", "role": "member",
        "start": "2016-05", "asserted_by": "org:british-embassy-kyiv", "review": "edited"}
    assert claim["quote"] == quote and css(chrome, "#claim-mode")[0].text == ""
    # The object: Russia is located in Ukraine, says the edit (the object menu holds only Locations).
    j = _claim_at(chrome, page, "org:russian-federation", "LOCATED_IN")
    press(chrome, "x")
    objects = {o.get_attribute("value") for o in css(chrome, "#claim-object option")} - {""}
    labels = {e["key"]: e["label"] for e in page["entities"]}
    assert objects and {labels[k] for k in objects} == {"Location"}
    choose(chrome, "claim-object", "place:ukraine")
    click(chrome, "#claim-save")
    page = saved(chrome, page["digest"])
    assert (page["claims"][j]["predicate"], page["claims"][j]["object"]) == ("LOCATED_IN", "place:ukraine")
    assert "Russian Federation" in css(chrome, f'.item[data-kind="claim"][data-index="{j}"] .triple')[0].text
    # On disk: valid, and what the page shows.
    assert not validate([drafts / "edit.yaml"])[1]
    assert read_draft(drafts / "edit.yaml")["claims"] == page["claims"]

    # A predicate the labels do not allow, forced through the API: refused with validate's message.
    on_disk = (drafts / "edit.yaml").read_bytes()
    body = json.dumps({"name": "edit.yaml", "digest": page["digest"],
                       "edit": {"op": "edit_claim", "index": i, "predicate": "LOCATED_IN"}}).encode()
    status, _, text = review_app.request("/api/review/edit", "POST", body=body, headers={
        "Origin": f"http://{review_app.host}", "X-CSRF-Token": review_app.access.csrf_for(review_app.access.token),
        "Content-Type": "application/json"})
    answer = json.loads(text)
    assert status == 422, answer
    assert answer["problems"][0].startswith("edit.yaml:")
    assert "object of LOCATED_IN must be a Location, but 'org:mejlis-of-the-crimean-tatar-people' is an Organisation" in answer["problems"][0]
    assert (drafts / "edit.yaml").read_bytes() == on_disk
    # The same refusal typed into the page shows inline; Esc leaves the form as it was.
    _claim_at(chrome, page, "person:ilmi-umerov", "MEMBER_OF")
    press(chrome, "x")
    start = css(chrome, '#claim-qualifiers [data-qualifier="start"]')[0]
    start.clear()
    start.send_keys("May 2016")
    click(chrome, "#claim-save")
    problem = wait(chrome, lambda: css(chrome, "#problems li") and css(chrome, "#problems li")[0].text, "the problem")
    assert problem.startswith("edit.yaml:") and "May 2016" in problem
    assert (drafts / "edit.yaml").read_bytes() == on_disk
    press(chrome, Keys.ESCAPE)
    assert css(chrome, "#claim-mode")[0].text == "" and css(chrome, "#claim-save")[0].text == "Add claim"


def test_corpus_candidates_decided_in_the_page(chrome: Any, review_app: App, drafts: Path) -> None:
    from loaders.facts import load_corpus

    review_app.explorer.store.load(load_corpus([CORPUS_GOLD]))  # Ilmi Umerov and the Mejlis, under their keys
    review_app.explorer.index(refresh=True)
    open_draft(chrome, review_app, "corpus.yaml")
    wait(chrome, lambda: chrome.execute_script("return document.body.dataset.corpus === 'yes'"), "the corpus matches")
    rows = {(li.get_attribute("data-entity"), li.get_attribute("data-same-as")): li.text
            for li in css(chrome, "#corpus-candidates li")}
    umerov = rows[("person:umerov", "person:ilmi-umerov")]
    assert "Ilmi Umerov" in umerov and "score 0." in umerov and "(in the corpus)" in umerov
    assert "source:d22-govuk-embassy-umerov-psychiatric" in umerov
    page = state(chrome)
    # Same: merged into the corpus key the way `review` merges a doubtful match, recorded in the draft.
    click(chrome, '#corpus-candidates li[data-entity="person:umerov"][data-same-as="person:ilmi-umerov"] button.same')
    page = saved(chrome, page["digest"])
    assert not any(e["key"] == "person:umerov" for e in page["entities"])
    ilmi = next(e for e in page["entities"] if e["key"] == "person:ilmi-umerov")
    assert ilmi["name"] == "Ilmi Umerov" and "Umerov" in (ilmi.get("aliases") or [])
    assert page["claims"][0]["subject"] == "person:ilmi-umerov"
    decided = page["candidates"][-1]
    assert (decided["same_as"], decided["decision"]) == ("person:ilmi-umerov", "accepted")
    assert decided["reason"].endswith("(in the corpus)")
    wait(chrome, lambda: not css(chrome, '#corpus-candidates li[data-entity="person:umerov"][data-same-as="person:ilmi-umerov"]'), "the list to update")
    on_disk = read_draft(drafts / "corpus.yaml")
    assert not validate([drafts / "corpus.yaml"])[1]
    assert on_disk["draft"]["candidates"] == page["candidates"] and on_disk["entities"] == page["entities"]
    # A pair the resolver does not propose, forced through the API: refused, nothing written.
    before = (drafts / "corpus.yaml").read_bytes()
    body = json.dumps({"name": "corpus.yaml", "digest": page["digest"], "edit": {
        "op": "corpus_same", "entity": "org:medzhlis", "same_as": "place:crimea"}}).encode()
    status, _, text = review_app.request("/api/review/edit", "POST", body=body, headers={
        "Origin": f"http://{review_app.host}", "X-CSRF-Token": review_app.access.csrf_for(review_app.access.token),
        "Content-Type": "application/json"})
    assert status == 400 and b"not a doubtful match with the corpus" in text
    assert (drafts / "corpus.yaml").read_bytes() == before
    # Different: kept apart, recorded as a rejected candidate; the resolver does not ask again.
    assert "score 0.95" in rows[("org:medzhlis", "org:mejlis-of-the-crimean-tatar-people")]
    pick = '#corpus-candidates li[data-entity="org:medzhlis"][data-same-as="org:mejlis-of-the-crimean-tatar-people"]'
    click(chrome, f"{pick} .score")  # the item becomes the current one; 'r' says different
    assert "current" in css(chrome, pick)[0].get_attribute("class")
    press(chrome, "r")
    page = saved(chrome, page["digest"])
    assert (page["candidates"][-1]["entity"], page["candidates"][-1]["decision"]) == ("org:medzhlis", "rejected")
    assert any(e["key"] == "org:medzhlis" for e in page["entities"])
    wait(chrome, lambda: not css(chrome, pick), "the list to update")
    assert not validate([drafts / "corpus.yaml"])[1]
