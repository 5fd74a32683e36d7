"""Extraction: articles to draft fact files, names across scripts, review, measured quality.

Everything runs on real inputs: published, licensed articles from the real development
corpus (examples/articles/real/dev), the self-written fixtures in examples/articles (with
their scraping leftovers), and small articles written here. The review walk
is driven through click's CliRunner with typed answers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from casegraph.cli import cli
from graph.errors import ValidationFailed
from loaders.extract import extract_articles, read_article
from loaders.extract.clean import ArticleError
from loaders.extract.evaluate import evaluate_dirs
from loaders.extract.gazetteer import fold
from loaders.extract.mentions import find_entries, find_people
from loaders.facts import load_corpus, validate

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "examples" / "articles"
REAL_DEV = ARTICLES / "real" / "dev"
CRIMEA = REPO / "examples" / "crimea"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def draft_of(tmp_path: Path, article: Path, *corpus: Path) -> tuple[Path, dict]:
    report = extract_articles([article], tmp_path, corpus)
    assert not report.failed, report.failed
    out = report.written[0][1]
    return out, yaml.safe_load(out.read_text(encoding="utf-8"))


def people(doc: dict) -> dict[str, dict]:
    return {e["name"]: e for e in doc["entities"] if e["label"] == "Person"}


def claims(doc: dict, predicate: str) -> list[dict]:
    return [c for c in doc["claims"] if c["predicate"] == predicate]


# --- the Dzhelyal and Akhtemov case -----------------------------------------------------
# Two real, licensed articles (examples/articles/real/dev: a U.S. State Department press
# statement, public domain, and a UK statement to the OSCE, OGL v3.0) and two self-written
# fixtures on the same case (examples/articles/dev 02, an HTML page, and 06, a text page
# with its share and comment leftovers).

DZHELYAL_ARTICLES = {
    "d05": REAL_DEV / "d05-state-dept-dzhelyal-detention.txt",
    "d18": REAL_DEV / "d18-govuk-dzhelyal-akhtemovs-transferred.txt",
    "02": ARTICLES / "dev" / "02-dzhelyal-sentenced.html",
    "06": ARTICLES / "dev" / "06-akhtemov-brothers.txt",
}


@pytest.fixture(scope="module")
def case_drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict]]:
    out = tmp_path_factory.mktemp("dzhelyal")
    return {name: draft_of(out / name, article) for name, article in DZHELYAL_ARTICLES.items()}


def one(doc: dict, subject: str, predicate: str, obj: str, **quals: str) -> dict:
    """The single claim with this subject, predicate, object and qualifiers."""
    found = [c for c in doc["claims"] if (c["subject"], c["predicate"], c["object"]) == (subject, predicate, obj)
             and all(c.get(k) == v for k, v in quals.items())]
    assert len(found) == 1, (subject, predicate, obj, quals, found)
    return found[0]


def entity(doc: dict, key: str) -> dict:
    [found] = [e for e in doc["entities"] if e["key"] == key]
    return found


def test_real_articles_name_the_people_and_organisations(case_drafts: dict[str, tuple[Path, dict]]) -> None:
    _path, d05 = case_drafts["d05"]
    assert set(people(d05)) == {"Nariman Dzhelyal"}  # "Crimean Tatars" and "United States" are not people
    assert entity(d05, "org:mejlis-of-the-crimean-tatar-people")["name"] == "Mejlis of the Crimean Tatar People"  # from "Crimean Tatar Mejlis"
    occupiers = entity(d05, "org:russian-occupation-authorities")
    assert occupiers["generic"] is True and occupiers["attributes"]["kind"] == "collective"
    assert entity(d05, "org:united-states")["attributes"]["kind"] == "government"
    assert entity(d05, "event:nariman-dzhelyal-detention")["attributes"]["kind"] == "detention"
    _path, d18 = case_drafts["d18"]
    assert {"Neil Holland", "Nariman Dzhelyal", "Aziz Akhmetov", "Serhiy Tsihipa"} <= set(people(d18))
    assert people(d18)["Neil Holland"]["attributes"]["position"] == "ambassador"  # the title is an attribute
    zmina = entity(d18, "org:zmina")
    assert zmina["name"] == "ZMINA Human Rights Centre" and "Zmina" in zmina["aliases"]
    assert entity(d18, "org:russian-authorities")["generic"] is True
    assert {"org:mejlis-of-the-crimean-tatar-people", "place:minusinsk", "place:vladimir-central-prison", "place:kherson"} \
        <= {e["key"] for e in d18["entities"]}


def test_the_case_charges_defence_and_events(case_drafts: dict[str, tuple[Path, dict]]) -> None:
    _path, d05 = case_drafts["d05"]
    one(d05, "person:nariman-dzhelyal", "LEADS", "org:mejlis-of-the-crimean-tatar-people", role="deputy chairman")
    one(d05, "person:nariman-dzhelyal", "PARTICIPANT_IN", "event:nariman-dzhelyal-detention", role="target",
        asserted_by="org:united-states")
    one(d05, "org:russian-occupation-authorities", "PARTICIPANT_IN", "event:nariman-dzhelyal-detention",
        role="perpetrator")
    _path, d18 = case_drafts["d18"]
    detained = one(d18, "person:nariman-dzhelyal", "PARTICIPANT_IN", "event:nariman-dzhelyal-detention", role="target")
    assert detained["quote"].startswith("In 2021, Russia detained Nariman Dzhelyal")
    _path, sentenced = case_drafts["02"]
    case = entity(sentenced, "case:nariman-djelal")
    assert case["label"] == "LegalCase" and case["attributes"]["charge_description"] == "sabotage"
    assert case["attributes"]["charges"] == ["RU CC 281"]
    accused = one(sentenced, "person:nariman-djelal", "ACCUSED_OF", "case:nariman-djelal", charge="sabotage")
    assert "convicted of sabotage" in accused["quote"]
    one(sentenced, "person:nariman-djelal", "PARTICIPANT_IN", "event:nariman-djelal-verdict", role="target",
        date="2022-09-21")
    one(sentenced, "org:supreme-court-of-crimea", "PARTICIPANT_IN", "event:nariman-djelal-verdict", role="judge")
    one(sentenced, "person:nariman-djelal", "LEADS", "org:mejlis-of-the-crimean-tatar-people", role="first deputy head")
    one(sentenced, "person:nikolay-polozov", "DEFENDS", "person:nariman-djelal")
    _path, brothers = case_drafts["06"]
    one(brothers, "person:aziz-akhtemov", "RELATIVE_OF", "person:asan-akhtemov")
    for who in ("asan-akhtemov", "aziz-akhtemov"):
        one(brothers, f"person:{who}", "ACCUSED_OF", f"case:{who}", charge="sabotage")
        one(brothers, f"person:{who}", "PARTICIPANT_IN", f"event:{who}-arrest", role="target", date="2021-09-04")
    shocks = one(brothers, "person:asan-akhtemov", "PARTICIPANT_IN", "event:asan-akhtemov-torture", role="target",
                 asserted_by="person:asan-akhtemov")
    assert shocks["quote"].startswith("Асан Ахтемов told his lawyer") and "electric shocks" in shocks["quote"]
    one(brothers, "person:edem-kurtaliev", "DEFENDS", "person:aziz-akhtemov")
    assert people(brothers)["Asan Akhtemov"]["sensitive"] is True  # a torture victim


def test_every_quote_is_exact_short_and_where_its_span_says(case_drafts: dict[str, tuple[Path, dict]]) -> None:
    for name, (_path, doc) in case_drafts.items():
        text = read_article(DZHELYAL_ARTICLES[name]).text
        assert doc["claims"], name
        for c in doc["claims"]:
            a, b = c["span"]
            assert text[a:b] == c["quote"], (name, c)
            assert len(c["quote"].split()) <= 40, (name, c["quote"])
            assert 0 < c["confidence"] < 1


def test_speaker_attribution_in_the_case(case_drafts: dict[str, tuple[Path, dict]]) -> None:
    speakers = {name: {c["subject"] for c in claims(doc, "STATES")} for name, (_p, doc) in case_drafts.items()}
    assert speakers["d05"] == {"org:united-states"}
    assert speakers["d18"] == {"org:united-kingdom", "person:neil-holland", "org:zmina"}
    assert speakers["02"] == {"person:server-kadyrov"}
    assert {"person:asan-akhtemov", "person:edem-kurtaliev", "org:ministry-of-foreign-affairs-of-ukraine"} <= speakers["06"]
    _path, brothers = case_drafts["06"]
    beaten = [c for c in brothers["claims"] if c.get("asserted_by") == "person:edem-kurtaliev"]
    assert beaten and all("according to lawyer Edem Kurtaliev" in c["quote"] for c in beaten)


def test_cleaning_drops_the_page_leftovers() -> None:
    brothers = read_article(ARTICLES / "dev" / "06-akhtemov-brothers.txt").text
    for leftover in ("Share this", "Notify of", "0 comments"):
        assert leftover not in brothers
    assert brothers.rstrip().endswith("demanded the release of the brothers.")
    searches = read_article(ARTICLES / "dev" / "01-bakhchysarai-searches.txt")
    for leftover in ("Home | News", "Share this", "Facebook", "Telegram", "Related news", "12 comments",
                     "Leave a reply", "Copyright"):
        assert leftover not in searches.text
    assert searches.text.count("FSB searches Crimean Tatar homes in Bakhchysarai") == 1  # the repeated headline
    assert searches.text.rstrip().endswith("never involved in politics.")
    report = read_article(ARTICLES / "dev" / "03-torture-report.txt").text
    for leftover in ("Notify of", "Inline Feedbacks", "View all comments", "Log in"):
        assert leftover not in report
    informant = read_article(ARTICLES / "dev" / "04-pressure-informant.txt").text
    assert "Tags:" not in informant and "Copyright" not in informant and "Share this" not in informant


# --- names across scripts ---------------------------------------------------------------

def test_transliterations_fold_together() -> None:
    assert len({fold(n) for n in ("Dzhelyal", "Dzhelial", "Джелял")}) == 1
    assert fold("Djelal") == fold("Celâl")
    assert fold("Akhtemov") == fold("Aktemov") == fold("Ахтемов")
    assert fold("Çelebiev") == fold("Chelebiev")


def _people_of(text: str) -> tuple[list, list]:
    return find_people(text, find_entries(text))


def test_one_person_across_spellings_and_scripts() -> None:
    text = ("Nariman Dzhelyal was detained. Nariman Dzhelial said nothing. Later Нариман Джелял was moved, "
            "and Nariman Djelal's lawyer spoke. Dzhelyal is a deputy head.")
    found, doubts = _people_of(text)
    assert [p.name for p in found] == ["Nariman Dzhelyal"]
    assert set(found[0].variants) >= {"Nariman Dzhelial", "Нариман Джелял", "Nariman Djelal"}
    assert not doubts


def test_surname_only_mentions_join_the_full_name() -> None:
    found, _ = _people_of("Kurtumer Chalgozov was arrested. Chalgozov spoke publicly. Asan Akhtemov was beaten; Aktemov said so.")
    by_name = {p.name: p for p in found}
    assert [m.text for m in by_name["Kurtumer Chalgozov"].mentions] == ["Kurtumer Chalgozov", "Chalgozov"]
    assert "Aktemov" in [m.text for m in by_name["Asan Akhtemov"].mentions]


def test_a_shared_first_name_never_merges() -> None:
    found, doubts = _people_of("Nariman Ametov was arrested. Nariman Dzhelyal was accused. Nariman said nothing.")
    assert sorted(p.name for p in found) == ["Nariman Ametov", "Nariman Dzhelyal"]
    assert not doubts
    assert all("Nariman" != m.text for p in found for m in p.mentions)  # the bare first name is left alone


def test_a_doubtful_spelling_becomes_a_candidate_not_a_merge(tmp_path: Path) -> None:
    article = tmp_path / "akhmetov.txt"
    article.write_text("Activist Asan Akhtemov was detained in Simferopol on 3 March 2022.\n\n"
                       "His lawyer said that Asan Akhmetov was beaten by FSB officers.\n", encoding="utf-8")
    _out, doc = draft_of(tmp_path / "out", article)
    assert {"Asan Akhtemov", "Asan Akhmetov"} <= set(people(doc))
    [cand] = doc["draft"]["candidates"]
    assert (cand["entity"], cand["same_as"], cand["decision"]) == ("person:asan-akhmetov", "person:asan-akhtemov", "pending")
    assert article.read_text(encoding="utf-8")[cand["span"][0]:cand["span"][1]] == "Asan Akhmetov"


def test_two_narimans_in_the_development_set(tmp_path: Path) -> None:
    _out, doc = draft_of(tmp_path, ARTICLES / "dev" / "05-two-narimans.txt")
    assert {"Nariman Asanov", "Nariman Seitveliev"} <= set(people(doc))
    [defends] = claims(doc, "DEFENDS")
    assert (defends["subject"], defends["object"]) == ("person:nariman-seitveliev", "person:nariman-asanov")


def test_corpus_resolves_names_to_existing_keys(tmp_path: Path) -> None:
    _out, doc = draft_of(tmp_path, ARTICLES / "dev" / "02-dzhelyal-sentenced.html", CRIMEA)
    keys = {e["key"]: e for e in doc["entities"]}
    assert keys["person:nariman-dzhelyal"]["name"] == "Nariman Dzhelyal"          # was "Nariman Djelal"
    assert "Nariman Djelal" in keys["person:nariman-dzhelyal"]["aliases"]
    assert keys["person:nikolai-polozov"]["name"] == "Nikolai Polozov"            # was "Nikolay Polozov"
    assert any(c["subject"] == "person:nikolai-polozov" and c["object"] == "person:nariman-dzhelyal"
               for c in claims(doc, "DEFENDS"))


# --- bad input --------------------------------------------------------------------------

def test_bad_inputs_fail_one_line_each_and_the_rest_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (bad / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (bad / "latin1.txt").write_bytes("Refat Chubarov said: caf\xe9 society".encode("latin-1") * 3)
    (bad / "menu.html").write_text("<html><body><nav><a href='/'>Home</a> <a>News</a></nav>"
                                   "<footer>© 2022</footer></body></html>", encoding="utf-8")
    (bad / "notes.pdf").write_bytes(b"%PDF-1.4")
    good = bad / "good.txt"
    good.write_text("Lawyer Emil Ibragimov said that Server Ablaev was detained in Simferopol on 2 May 2023.\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    result = run("extract", str(bad), str(bad / "notes.pdf"), str(bad / "missing.txt"), "-o", str(out))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    messages = {Path(line.split(": ", 2)[1]).name: line for line in lines}
    assert "the file is empty" in messages["empty.txt"]
    assert "a binary file, not an article" in messages["binary.txt"]
    assert "not UTF-8 text (byte 0xe9 at offset" in messages["latin1.txt"]
    assert "no main text found in the page" in messages["menu.html"]
    assert "not an article (expected .html, .htm, .txt)" in messages["notes.pdf"]
    assert "cannot read" in messages["missing.txt"]
    assert len(lines) == 6
    assert "1 draft written" in result.output and "6 failed:" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["good.yaml"]  # nothing half-written, no temp files
    assert not validate([out])[1]


def test_read_article_raises_the_library_error(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ArticleError, match=re.escape(f"{empty}: the file is empty")):
        read_article(empty)


def test_html_main_text_without_navigation_or_comments() -> None:
    article = read_article(ARTICLES / "dev" / "02-dzhelyal-sentenced.html")
    assert article.title == "Court in Crimea sentences Nariman Djelal to 17 years"
    assert article.url == "https://example.org/news/djelal-sentenced"
    for leftover in ("Free Nariman", "Shame on the occupiers", "Donate", "Read also", "Subscribe", "Share on"):
        assert leftover not in article.text
    assert "Supreme Court of Crimea sentenced Nariman Djelal" in article.text


# --- drafts, loading, review ------------------------------------------------------------

def test_a_draft_validates_but_load_refuses_it_until_reviewed(case_drafts: dict[str, tuple[Path, dict]]) -> None:
    path, doc = case_drafts["d18"]
    assert doc["draft"]["status"] == "unreviewed"
    assert not validate([path])[1]
    with pytest.raises(ValidationFailed, match="an unreviewed draft .*run 'casegraph review"):
        load_corpus([path])
    result = run("stats", str(path))
    assert result.exit_code == 1 and "unreviewed draft" in result.output


def test_draft_fields_are_checked(tmp_path: Path) -> None:
    doc = {
        "source": {"key": "source:x", "title": "X"},
        "entities": [{"key": "person:a", "label": "Person", "name": "A B"},
                     {"key": "org:b", "label": "Organisation", "name": "B"}],
        "claims": [{"subject": "person:a", "predicate": "MEMBER_OF", "object": "org:b", "quote": "A is in B",
                    "span": [5, 2], "review": "maybe"}],
        "draft": {"status": "done", "candidates": [{"entity": "person:zz", "same_as": "person:a", "decision": "perhaps"}]},
    }
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    messages = sorted(p.message for p in validate([path])[1])
    assert messages == sorted([
        "'span' must be [start, end] with 0 <= start < end, not [5, 2]",
        "review is 'maybe', expected one of: pending, accepted, edited",
        "draft status is 'done', expected one of: unreviewed, reviewed",
        "draft candidate entity 'person:zz' is not declared in this file",
        "decision is 'perhaps', expected one of: pending, accepted, rejected",
    ])
    doc["claims"][0].pop("span")
    doc["claims"][0]["review"] = "pending"
    doc["draft"] = {"status": "reviewed", "candidates": []}
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    assert [p.message for p in validate([path])[1]] == ["draft is marked reviewed but 1 item is still pending"]
    del doc["draft"]  # outside a draft, review fields are unknown fields
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    assert "unknown field 'review'" in validate([path])[1][0].message


def _doubtful_draft(tmp_path: Path) -> Path:
    article = tmp_path / "akhmetov.txt"
    article.write_text("Activist Asan Akhtemov was detained in Simferopol on 3 March 2022.\n\n"
                       "His lawyer said that Asan Akhmetov was beaten by FSB officers.\n", encoding="utf-8")
    out, _doc = draft_of(tmp_path / "out", article)
    return out


def test_review_accept_merges_and_marks_the_draft_reviewed(tmp_path: Path) -> None:
    path = _doubtful_draft(tmp_path)
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    pending = sum(1 for c in before["claims"] if c.get("review") == "pending")
    result = run("review", str(path), input="a\n" + "a\n" * pending)
    assert result.exit_code == 0, result.output
    assert "Doubtful match: is 'Asan Akhmetov' (person:asan-akhmetov) the same as Asan Akhtemov" in result.output
    assert "context: ...His lawyer said that [[Asan Akhmetov]] was beaten" in result.output
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert doc["draft"]["status"] == "reviewed"
    assert doc["draft"]["candidates"][0]["decision"] == "accepted"
    person = people(doc)["Asan Akhtemov"]
    assert "Asan Akhmetov" in person["aliases"] and "Asan Akhmetov" not in people(doc)
    assert all("person:asan-akhmetov" not in (c["subject"], c["object"]) for c in doc["claims"])
    corpus = load_corpus([path])  # reviewed: loads
    assert "person:asan-akhtemov" in corpus.entities


def test_review_reject_skip_quit_and_edit(tmp_path: Path) -> None:
    path = _doubtful_draft(tmp_path)
    result = run("review", str(path), input="r\nq\n")  # reject the match, then stop
    assert result.exit_code == 0, result.output
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert doc["draft"]["candidates"][0]["decision"] == "rejected"
    assert {"Asan Akhtemov", "Asan Akhmetov"} <= set(people(doc))   # kept apart
    assert doc["draft"]["status"] == "unreviewed"
    assert not validate([path])[1]
    pending = [c for c in doc["claims"] if c.get("review") == "pending"]
    assert pending
    # Edit the first pending claim: a quote that is not in the article is refused, then skip the rest.
    answers = "e\nthis sentence is not in the article\n" + "s\n" * (len(pending) - 1)
    result = run("review", str(path), input=answers)
    assert "not an exact quote of the article; skipped" in result.output
    answers = "e\nAsan Akhmetov was beaten\n" + "r\n" * (len(pending) - 1)
    result = run("review", str(path), input=answers)
    assert result.exit_code == 0, result.output
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    edited = [c for c in doc["claims"] if c.get("review") == "edited"]
    assert len(edited) == 1 and edited[0]["quote"] == "Asan Akhmetov was beaten"
    text = (tmp_path / "akhmetov.txt").read_text(encoding="utf-8")
    assert text[edited[0]["span"][0]:edited[0]["span"][1]] == "Asan Akhmetov was beaten"
    assert doc["draft"]["status"] == "reviewed"
    assert not validate([path])[1]


def test_review_refuses_a_plain_fact_file() -> None:
    result = run("review", str(CRIMEA / "empr-2022-fsb-agent-network.yaml"))
    assert result.exit_code == 1
    assert "not a draft (no 'draft' block)" in result.output


# --- measured quality -------------------------------------------------------------------

def test_gold_files_are_valid_and_their_quotes_exact() -> None:
    assert not validate([ARTICLES / "dev-gold", ARTICLES / "unseen-gold"])[1]
    for split in ("dev", "unseen"):
        for gold in sorted((ARTICLES / f"{split}-gold").glob("*.yaml")):
            [article] = [p for p in (ARTICLES / split).iterdir() if p.stem == gold.stem]
            text = read_article(article).text
            for c in yaml.safe_load(gold.read_text(encoding="utf-8"))["claims"]:
                assert c["quote"] in text, (gold.name, c["quote"])


def test_eval_counts_exactly(tmp_path: Path) -> None:
    gold = {"source": {"key": "source:a", "title": "A"},
            "entities": [{"key": "person:x", "label": "Person", "name": "Asan Akhtemov"},
                         {"key": "org:y", "label": "Organisation", "name": "FSB"},
                         {"key": "event:e", "label": "Event", "name": "Arrest", "attributes": {"kind": "arrest"}}],
            "claims": [{"subject": "person:x", "predicate": "PARTICIPANT_IN", "object": "event:e", "role": "target", "quote": "q"},
                       {"subject": "org:y", "predicate": "PARTICIPANT_IN", "object": "event:e", "role": "perpetrator", "quote": "q"}]}
    pred = {"source": {"key": "source:a", "title": "A"},
            "entities": [{"key": "person:p", "label": "Person", "name": "Асан Ахтемов"},
                         {"key": "person:q", "label": "Person", "name": "Someone Else"},
                         {"key": "event:z", "label": "Event", "name": "Detention", "attributes": {"kind": "arrest"}}],
            "claims": [{"subject": "person:p", "predicate": "PARTICIPANT_IN", "object": "event:z", "role": "target", "quote": "q"},
                       {"subject": "person:q", "predicate": "PARTICIPANT_IN", "object": "event:z", "role": "target", "quote": "q"}]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    (tmp_path / "gold" / "a.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")
    (tmp_path / "pred" / "a.yaml").write_text(yaml.safe_dump(pred), encoding="utf-8")
    report = evaluate_dirs([tmp_path / "pred"], [tmp_path / "gold"])
    assert report.entity_total.as_dict()["tp"] == 2          # the person (across scripts) and the event
    assert (report.entity_total.fp, report.entity_total.fn) == (1, 1)
    assert (report.claims["PARTICIPANT_IN"].tp, report.claims["PARTICIPANT_IN"].fp, report.claims["PARTICIPANT_IN"].fn) == (1, 1, 1)
    assert report.claim_total.f1 == pytest.approx(0.5)
    result = run("eval-extract", str(tmp_path / "pred"), str(tmp_path / "gold"), "--format", "json")
    data = json.loads(result.output)
    assert data["claims"]["all"]["f1"] == 0.5
    assert "a: claim org:y PARTICIPANT_IN (perpetrator) event:e" in data["misses"]
    assert "a: entity Person 'Someone Else' (person:q)" in data["false_positives"]


def test_unseen_fixtures_keep_their_figures(tmp_path: Path) -> None:
    # A fixture, not a measure (the same hands wrote these articles and the rules): the real
    # corpus in examples/articles/real is the measure; see tests/test_extract_recall.py.
    report = extract_articles([ARTICLES / "unseen"], tmp_path)
    assert not report.failed and len(report.written) == 4
    scores = evaluate_dirs([tmp_path], [ARTICLES / "unseen-gold"])
    assert not scores.unpaired
    assert scores.entity_total.f1 >= 0.85, scores.as_dict()["entities"]
    assert scores.claim_total.f1 >= 0.60, scores.as_dict()["claims"]


def test_eval_extract_prints_tables_and_errors(tmp_path: Path) -> None:
    assert run("extract", str(ARTICLES / "dev"), "-o", str(tmp_path)).exit_code == 0
    result = run("eval-extract", str(tmp_path), str(ARTICLES / "dev-gold"))
    assert result.exit_code == 0, result.output
    assert "Entities by label (8 files)" in result.output and "Claims by predicate (8 files)" in result.output
    assert re.search(r"│ all\s+│\s+0\.\d{3} │", result.output)
    assert "False positives (" in result.output


def test_eval_counts_events_found_under_another_kind(tmp_path: Path) -> None:
    """An event with the gold's actor but another kind stays a miss and a false positive; the
    report counts it as a kind confusion, and the CLI shows that table."""
    from loaders.extract.evaluate import EvalReport, evaluate_pair
    people = [{"key": "person:ivan-petrenko", "label": "Person", "name": "Ivan Petrenko"},
              {"key": "person:olha-marchenko", "label": "Person", "name": "Olha Marchenko"}]

    def doc(kind: str, person: str, other: str = "") -> dict:
        events = [{"key": "event:a", "label": "Event", "name": "A", "attributes": {"kind": kind}}]
        claims = [{"subject": person, "predicate": "PARTICIPANT_IN", "object": "event:a", "role": "target"}]
        if other:
            events.append({"key": "event:b", "label": "Event", "name": "B", "attributes": {"kind": other}})
            claims.append({"subject": "person:olha-marchenko", "predicate": "PARTICIPANT_IN", "object": "event:b",
                           "role": "target"})
        return {"entities": people + events, "claims": claims}

    report = EvalReport()
    evaluate_pair(doc("detention", "person:ivan-petrenko", "search"), doc("arrest", "person:ivan-petrenko", "search"),
                  report)
    assert report.event_kinds["detention"].fp == 1 and report.event_kinds["arrest"].fn == 1
    assert report.event_kinds["search"].tp == 1
    assert dict(report.kind_confusion) == {("detention", "arrest"): 1}
    report = EvalReport()  # another actor: no confusion, only a miss and a false positive
    evaluate_pair(doc("detention", "person:olha-marchenko"), doc("arrest", "person:ivan-petrenko"), report)
    assert dict(report.kind_confusion) == {}
    for name, d in (("pred", doc("detention", "person:ivan-petrenko")), ("gold", doc("arrest", "person:ivan-petrenko"))):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.yaml").write_text(yaml.safe_dump({"source": {"key": "source:a", "title": "A"}, **d}))
    result = CliRunner().invoke(cli, ["eval-extract", str(tmp_path / "pred"), str(tmp_path / "gold")])
    assert result.exit_code == 0, result.output
    assert "Events found under another kind" in result.output and "detention" in result.output
    result = CliRunner().invoke(cli, ["eval-extract", str(tmp_path / "pred"), str(tmp_path / "gold"), "--format", "json"])
    assert json.loads(result.output)["kind_confusion"] == [{"draft": "detention", "gold": "arrest", "events": 1}]


def test_eval_pairs_events_with_the_same_connections_by_their_names() -> None:
    """Two gold events of one kind joined to the same people (an annexation and a referendum, both
    Russia's, in Crimea): the draft's event is paired with the one whose name it shares words with,
    not the first key in the alphabet, and the claims are scored against that pairing."""
    from loaders.extract.evaluate import EvalReport, evaluate_pair
    base = [{"key": "org:russia", "label": "Organisation", "name": "Russia"}]

    def doc(events: list[tuple[str, str]]) -> dict:
        ents = base + [{"key": k, "label": "Event", "name": n, "attributes": {"kind": "other"}} for k, n in events]
        claims = [{"subject": "org:russia", "predicate": "PARTICIPANT_IN", "object": k, "role": "perpetrator"}
                  for k, _ in events]
        return {"entities": ents, "claims": claims}

    gold = doc([("event:a-referendum", "Referendum in Crimea"), ("event:b-annexation", "Annexation of Crimea by Russia")])
    pred = doc([("event:x", "Annexation of Crimea")])
    pred["claims"].append({"subject": "event:x", "predicate": "LINKED_TO", "object": "event:x"})
    gold["claims"].append({"subject": "event:b-annexation", "predicate": "LINKED_TO", "object": "event:b-annexation"})
    report = EvalReport()
    evaluate_pair(pred, gold, report)
    assert report.entities["Event"].tp == 1
    assert report.misses == [": entity Event 'Referendum in Crimea' (event:a-referendum)",
                             ": claim org:russia PARTICIPANT_IN (perpetrator) event:a-referendum"]
    assert report.claims["LINKED_TO"].tp == 1
