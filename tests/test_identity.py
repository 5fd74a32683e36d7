"""One actor, one key: the resolver (graph.identity), the batch in extract, the privacy of merges."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from casegraph.cli import cli
from graph.identity import DOUBT, SURE, IdentityIndex, Match, Record, compare, fold, strip_roles
from graph.model import Entity, claim_id
from graph.ontology import default_ontology
from loaders.extract import extract_articles
from loaders.extract.batch import plan_batch
from loaders.extract.claims import ClaimDraft, Extraction
from loaders.extract.draft import _renamed
from loaders.extract.keys_eval import score_keys
from loaders.extract.review import merge_entity_into
from loaders.facts import load_corpus

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "examples" / "articles"


def person(key: str, name: str, *aliases: str, **kw: object) -> Record:
    return Record(key, "Person", name, aliases, **kw)  # type: ignore[arg-type]


# --- the privacy defect: every merge through graph.model.merge_entity ---------------------

def test_renamed_keeps_the_merged_in_entity_sensitive() -> None:
    ex = Extraction()
    ex.entities["person:a"] = Entity("person:a", "Person", "Kurtumer Chalgozov")
    ex.entities["person:b"] = Entity("person:b", "Person", "Kurtumer Chalgazov", sensitive=True)
    ex.entities["org:fsb"] = Entity("org:fsb", "Organisation", "FSB")
    ex.claims.append(ClaimDraft("org:fsb", "PARTICIPANT_IN", "person:b", (0, 1), 0.9, {"case": "person:b"}))
    out = _renamed(ex, {"person:b": "person:a"})
    assert set(out.entities) == {"person:a", "org:fsb"}
    merged = out.entities["person:a"]
    assert merged.sensitive is True                      # was dropped before the fix
    assert merged.aliases == ["Kurtumer Chalgazov"]
    assert out.claims[0].object == "person:a" and out.claims[0].qualifiers["case"] == "person:a"


def test_renamed_refuses_to_merge_across_labels() -> None:
    ex = Extraction()
    ex.entities["person:a"] = Entity("person:a", "Person", "A")
    ex.entities["org:a"] = Entity("org:a", "Organisation", "A", sensitive=True)
    out = _renamed(ex, {"org:a": "person:a"})
    assert set(out.entities) == {"person:a", "org:a"} and out.entities["org:a"].sensitive


def test_review_merge_keeps_sensitive_either_way() -> None:
    def doc(sensitive_old: bool, sensitive_new: bool) -> dict:
        return {"entities": [
            {"key": "person:a", "label": "Person", "name": "Asan Akhtemov", **({"sensitive": True} if sensitive_new else {})},
            {"key": "person:b", "label": "Person", "name": "Asan Akhmetov", **({"sensitive": True} if sensitive_old else {})}],
            "claims": [], "draft": {"candidates": []}}

    for old, new in ((True, False), (False, True)):
        d = doc(old, new)
        merge_entity_into(d, "person:b", "person:a")
        [e] = d["entities"]
        assert e["key"] == "person:a" and e["sensitive"] is True and e["aliases"] == ["Asan Akhmetov"]
    d = doc(True, False)
    merge_entity_into(d, "person:b", "person:corpus", "Asan Akhtemov")  # into an entity of the corpus
    assert d["entities"][1] == {"key": "person:corpus", "label": "Person", "name": "Asan Akhtemov",
                                "aliases": ["Asan Akhmetov"], "sensitive": True}


def test_review_of_a_malformed_draft_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('source: {key: "source:x", title: X}\nentities:\n  - {key: "person:a", label: Person, name: A}\n'
                   'draft:\n  status: unreviewed\n  candidates:\n    - {mention: A}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", str(bad)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {bad}:7: ") and "Traceback" not in result.output


# --- the resolver ------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Nariman Dzhelyal", "Nariman Dzhelial"), ("Nariman Dzhelyal", "Nariman Djelal"),
    ("Nariman Dzhelyal", "Nariman Celâl"), ("Nariman Dzhelyal", "Нариман Джелял"),
    ("Ayder Seitosmanov", "Aider Seitosmanov"), ("Server Mustafayev", "Server Mustafaev"),
    ("Rustem Ablyaev", "Rustem Abliaev"), ("Asan Akhtemov", "Asan Aktemov"), ("Asan Akhtemov", "Asan Ahtemov"),
    ("attorney Emil Kurbedinov", "Emil Kurbedinov"), ("President Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Akhtem Chiygoz", "Akhtem Ciygoz"), ("Ayshe Umerova", "Ayşe Ümerova"), ("Oleh Sentsov", "Oleg Sentsov"),
    # -iy/-yy/-yi endings, dz/dzh/j/c, -iev/-iyev: one surname in several romanisations (made-up people)
    ("Taras Velenskiy", "Taras Velenskyy"), ("Taras Velenskyi", "Taras Velenskiy"),
    ("Mustafa Dzemilev", "Mustafa Dzhemilev"), ("Mustafa Jemilev", "Mustafa Dzemilev"), ("Mustafa Cemilev", "Mustafa Dzemilev"),
    ("Server Fevziev", "Server Fevziyev"), ("Server Fevzyev", "Server Fevziev"),
])
def test_romanisations_and_role_words_are_one_actor(a: str, b: str) -> None:
    m = compare(person("person:x", a), person("person:y", b))
    assert m is not None and m.sure, (a, b, m)
    assert m.reason


@pytest.mark.parametrize("a, b", [
    ("Nariman Dzhelyal", "Nariman Ametov"),       # a shared first name is never evidence
    ("Asan Akhtemov", "Aziz Akhtemov"),           # brothers: a shared surname with another given name
    ("Lenie Seitkhalilova", "Ismail Seitkhalilov"),
    ("Mustafa Dzhemilev", "Mustafa Dzhelyal"),    # the folds keep two surnames two
    ("Mustafa Dzemilev", "Mustafa Dzhelyal"),
    ("Vadym Kelbin", "Volodymyr Kelbin"),         # another given name (Vladimir and Volodymyr are one: test_identity_cognates)
])
def test_different_people_are_not_candidates(a: str, b: str) -> None:
    assert compare(person("person:x", a), person("person:y", b)) is None


def test_doubtful_matches_are_candidates_never_sure() -> None:
    close = compare(person("person:x", "Asan Akhtemov"), person("person:y", "Asan Akhmetov"))
    assert close is not None and DOUBT <= close.score < SURE and "spelled close" in close.reason
    alone = compare(person("person:x", "Chalgozov"), person("person:y", "Kurtumer Chalgozov"))
    assert alone is not None and DOUBT <= alone.score < SURE and "surname alone" in alone.reason
    initial = compare(person("person:x", "K. Chalgozov"), person("person:y", "Kurtumer Chalgozov"))
    assert initial is not None and not initial.sure


def test_a_surname_several_people_share_stays_at_the_threshold() -> None:
    idx = IdentityIndex([person("person:asan", "Asan Akhtemov"), person("person:aziz", "Aziz Akhtemov"),
                         person("person:akhtemov", "Akhtemov")])
    found = {frozenset((m.left, m.right)): m for m in idx.candidates()}
    assert set(found) == {frozenset(("person:akhtemov", "person:asan")), frozenset(("person:akhtemov", "person:aziz"))}
    assert all(m.score == DOUBT and "2 people have that surname" in m.reason for m in found.values())


def test_folds_never_make_a_close_spelling_sure() -> None:
    for a, b in (("Nariman Ametov", "Nariman Akhmetov"), ("Ametov", "Akhmetov"), ("Mustafa Dzhemilev", "Mustafa Dzhemilova")):
        m = compare(person("person:x", a), person("person:y", b))
        assert m is None or not m.sure, m


# --- a surname alone: the only person known by it, else a candidate ----------------------

def _pairs(records: list[Record]) -> dict[frozenset[str], Match]:
    return {frozenset((m.left, m.right)): m for m in IdentityIndex(records).candidates()}


def test_a_lone_surname_is_the_only_person_known_by_it() -> None:
    found = _pairs([person("person:korvin", "Korvin"), person("person:taras-korvin", "Taras Korvin")])
    m = found[frozenset(("person:korvin", "person:taras-korvin"))]
    assert m.sure and "Taras Korvin is the only person known by that surname" in m.reason
    # In another romanisation, and beside that person's other spellings (one person, two keys).
    found = _pairs([person("person:velenskyy", "Velenskyy"), person("person:tv", "Taras Velenskiy"),
                    person("person:tv2", "Taras Velenskyi"), person("person:dz", "Dzemilev"),
                    person("person:md", "Mustafa Dzhemilev")])
    assert found[frozenset(("person:velenskyy", "person:tv"))].sure
    assert found[frozenset(("person:velenskyy", "person:tv2"))].sure
    assert found[frozenset(("person:dz", "person:md"))].sure
    # A close spelling of the surname is another surname: it neither joins nor blocks.
    found = _pairs([person("person:akhtemov", "Akhtemov"), person("person:asan", "Asan Akhtemov"),
                    person("person:akhmetov", "Asan Akhmetov")])
    assert found[frozenset(("person:akhtemov", "person:asan"))].sure
    assert not any(m.sure for k, m in found.items() if k == frozenset(("person:akhtemov", "person:akhmetov")))


def test_a_lone_surname_two_people_share_stays_a_candidate() -> None:
    found = _pairs([person("person:korvin", "Korvin"), person("person:taras", "Taras Korvin"),
                    person("person:olena", "Olena Korvin"), person("person:k2", "Korvin")])
    for other in ("person:taras", "person:olena"):
        m = found[frozenset(("person:korvin", other))]
        assert not m.sure and m.score == DOUBT and "2 people have that surname" in m.reason
    # A given name in two romanisations is one person: Oleh and Oleg Korvin leave "Korvin" sure.
    found = _pairs([person("person:korvin", "Korvin"), person("person:oleh", "Oleh Korvin"),
                    person("person:oleg", "Oleg Korvin")])
    assert found[frozenset(("person:korvin", "person:oleh"))].sure
    # Only a surname alone, twice: nobody to be; candidates only.
    assert not any(m.sure for m in _pairs([person("person:a", "Korvin"), person("person:b", "Korvin")]).values())
    # Cut at min_score after the rule: a sure lone surname is kept at --min-score 0.9.
    idx = IdentityIndex([person("person:korvin", "Korvin"), person("person:taras-korvin", "Taras Korvin")])
    assert [m.sure for m in idx.candidates(min_score=0.9)] == [True]


def test_a_lone_surname_in_a_batch_takes_the_only_bearers_key(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _write(src, "a.txt", "Summit\n\nTaras Velenskiy spoke at a summit in Kyiv on 23 August 2021 with Refat Chubarov.\n")
    _write(src, "b.txt", "Arrest\n\nPresident Velenskyy condemned the arrest of Server Mustafayev on 5 March 2022.\n")
    _write(src, "c.txt", "Brothers\n\nAsan Akhtemov and Aziz Akhtemov were detained in Simferopol on 3 March 2022.\n")
    _write(src, "d.txt", "Court\n\nMr Akhtemov told the court in Simferopol on 9 March 2022 that he was beaten.\n")
    extract_articles([src], tmp_path / "out")
    drafts = _drafts(tmp_path / "out")
    a, b = _people(drafts["a"]), _people(drafts["b"])
    assert b["Velenskyy"]["key"] == a["Taras Velenskiy"]["key"] == "person:taras-velenskiy"
    assert "Velenskyy" in a["Taras Velenskiy"]["aliases"]
    # Two Akhtemovs: "Mr Akhtemov" is a candidate for each, never merged.
    c, d = _people(drafts["c"]), _people(drafts["d"])
    assert d["Akhtemov"]["key"] not in {c["Asan Akhtemov"]["key"], c["Aziz Akhtemov"]["key"]}
    cands = drafts["d"]["draft"]["candidates"]
    assert {x["same_as"] for x in cands if x["entity"] == d["Akhtemov"]["key"]} == \
        {c["Asan Akhtemov"]["key"], c["Aziz Akhtemov"]["key"]}


def test_one_surname_in_several_romanisations_is_one_key_across_a_batch(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _write(src, "a.txt", "Rally\n\nMustafa Dzemilev and Server Fevziev spoke at a rally in Kyiv on 18 May 2022.\n")
    _write(src, "b.txt", "Detention\n\nMustafa Dzhemilev said that Server Fevziyev was detained in Simferopol on "
                         "3 March 2022.\n")
    _write(src, "c.txt", "Court\n\nMr Jemilev told the court in Simferopol on 9 March 2022 that Mustafa Dzhelyal "
                         "was beaten.\n")
    extract_articles([src], tmp_path / "out")
    drafts = _drafts(tmp_path / "out")
    a, b, c = (_people(drafts[k]) for k in "abc")
    assert a["Mustafa Dzemilev"]["key"] == b["Mustafa Dzhemilev"]["key"] == c["Jemilev"]["key"]
    assert a["Server Fevziev"]["key"] == b["Server Fevziyev"]["key"]
    assert c["Mustafa Dzhelyal"]["key"] != c["Jemilev"]["key"]     # the same given name, another surname
    # A lone variant of an -iev surname follows the same rule.
    found = _pairs([person("person:f", "Fevzyev"), person("person:sf", "Server Fevziyev")])
    assert found[frozenset(("person:f", "person:sf"))].sure


def test_a_lone_surname_takes_the_corpus_key(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write(corpus, "c.yaml", 'source: {key: "source:c", title: C}\nentities:\n'
                             '  - {key: "person:mustafa-dzhemilev", label: Person, name: Mustafa Dzhemilev}\n')
    src = tmp_path / "in"
    _write(src, "a.txt", "Rally\n\nMr Dzemilev spoke at a rally in Kyiv on 18 May 2022.\n")
    extract_articles([src], tmp_path / "out", [corpus])
    [doc] = _drafts(tmp_path / "out").values()
    [e] = [e for e in doc["entities"] if e["label"] == "Person"]
    assert e["key"] == "person:mustafa-dzhemilev" and e["name"] == "Mustafa Dzhemilev"


# --- places: a city and its region are two places ----------------------------------------

def place(key: str, name: str, *aliases: str) -> Record:
    return Record(key, "Location", name, aliases)


@pytest.mark.parametrize("a, b", [("Kherson", "Kherson region"), ("Kherson", "Kherson Oblast"),
                                  ("Simferopol", "Simferopol district"), ("Velmor", "Velmor Raion"),
                                  ("Velmor district", "Velmor region")])
def test_a_city_and_its_region_are_never_one_place(a: str, b: str) -> None:
    assert compare(place("place:a", a), place("place:b", b)) is None
    assert compare(place("place:a", a, "Velmorsk"), place("place:b", b, "Velmorsk")) is None  # not through an alias


def test_a_region_under_two_words_is_one_place() -> None:
    m = compare(place("place:a", "Kherson Oblast"), place("place:b", "Kherson region"))
    assert m is not None and m.sure and "name one region" in m.reason
    m = compare(place("place:a", "Velmor Raion"), place("place:b", "Velmor district"))
    assert m is not None and m.sure


def test_a_batch_never_drafts_a_region_under_its_citys_key(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _write(src, "a.txt", "Shelling\n\nRussian forces shelled Kherson on 3 March 2022. Later the Kherson region was "
                         "occupied and activist Server Mustafayev fled the Melitopol district.\n")
    _write(src, "b.txt", "Detention\n\nActivist Server Mustafayev was detained in Melitopol on 5 March 2022. His "
                         "family lives in Kherson Oblast.\n")
    extract_articles([src], tmp_path / "out")
    # Names and aliases: a region the gazetteer knows is drafted under its curated name.
    places = {stem: {n: e["key"] for e in doc["entities"] if e["label"] == "Location"
                     for n in [e["name"], *(e.get("aliases") or [])]}
              for stem, doc in _drafts(tmp_path / "out").items()}
    a, b = places["a"], places["b"]
    assert a["Kherson"] != a["Kherson region"] and a["Kherson region"] == b["Kherson Oblast"]
    assert a["Melitopol district"] != b["Melitopol"]
    # A plural names an area for each place listed before it.
    _write(src, "c.txt", "Shelling\n\nRussian forces shelled the Kherson and Melitopol regions on 9 March 2022. "
                         "Kherson itself was hit.\n")
    extract_articles([src / "c.txt"], tmp_path / "out2")
    c = {n: e["key"] for e in _drafts(tmp_path / "out2")["c"]["entities"] if e["label"] == "Location"
         for n in [e["name"], *(e.get("aliases") or [])]}
    assert set(c.values()) == {a["Kherson region"], "place:melitopol-region", a["Kherson"]}
    assert c["Kherson region"] == a["Kherson region"] and c["Kherson"] == a["Kherson"]


def test_collective_actors_never_match_specific_agencies() -> None:
    occ = Record("org:occupiers", "Organisation", "Russian occupation authorities", generic=True)
    auth = Record("org:authorities", "Organisation", "Russian occupation authorities")
    assert compare(occ, auth) is None
    same = compare(occ, Record("org:o2", "Organisation", "russian occupation authorities", generic=True))
    assert same is not None and same.sure


def test_labels_must_agree() -> None:
    assert compare(Record("place:sudak", "Location", "Sudak"), Record("org:sudak", "Organisation", "Sudak")) is None


def test_fold_and_strip_roles() -> None:
    assert len({fold(n) for n in ("Seitveliev", "Seitveliyev", "Сейтвелиев")}) == 1
    assert strip_roles("lawyer Emil Kurbedinov") == "Emil Kurbedinov"
    assert strip_roles("Mr. Ahmed Ali") == "Ahmed Ali"


def test_blocking_compares_far_fewer_pairs_than_all() -> None:
    records = [person(f"person:p{i}", f"Given{i % 7} Surname{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}ov")
               for i in range(600)]
    idx = IdentityIndex(records)
    # 1/15 of all pairs: every given name here folds to "given" and the surnames are a grid of two
    # letters, so many pairs are one typing slip apart and the slip blocks compare them (7,147 pairs
    # before that rule, 9,320 with it, of 179,700).
    assert sum(1 for _ in idx.pairs()) < 600 * 599 // 2 // 15


# --- a batch of articles -----------------------------------------------------------------

def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _drafts(out: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.yaml"))}


def _people(doc: dict) -> dict[str, dict]:
    return {e["name"]: e for e in doc["entities"] if e["label"] == "Person"}


def test_a_batch_gives_one_key_per_actor_in_every_draft(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _write(src, "a.txt", "Lawyer Nikolai Polozov said that Nariman Dzhelyal was detained in Simferopol on 4 September 2021.\n\n"
                         "Activist Asan Akhtemov was detained too.\n")
    _write(src, "b.txt", "Nariman Dzhelial, first deputy head of the Mejlis, was sentenced. His lawyer Nikolay Polozov "
                         "said the case was fabricated.\n\nAsan Aktemov said he was tortured by FSB officers.\n")
    _write(src, "c.txt", "Nariman Celâl was visited in prison by his lawyer.\n\nAziz Akhtemov was arrested in September 2021.\n")
    report = extract_articles([src], tmp_path / "out")
    assert not report.failed
    drafts = _drafts(tmp_path / "out")
    keys = {stem: {e["name"]: e["key"] for e in doc["entities"] if e["label"] == "Person"} for stem, doc in drafts.items()}
    dz = {keys["a"]["Nariman Dzhelyal"], keys["b"]["Nariman Dzhelial"], keys["c"]["Nariman Celâl"]}
    assert len(dz) == 1
    assert keys["a"]["Nikolai Polozov"] == keys["b"]["Nikolay Polozov"]
    assert keys["a"]["Asan Akhtemov"] == keys["b"]["Asan Aktemov"]
    assert keys["c"]["Aziz Akhtemov"] != keys["a"]["Asan Akhtemov"]         # brothers stay two
    # Every spelling is kept as an alias; the draft keeps its own spelling as the name.
    b = _people(drafts["b"])["Asan Aktemov"]
    assert "Asan Akhtemov" in b["aliases"]
    # Tortured in b: at risk, so every draft that names him marks him sensitive.
    assert b.get("sensitive") is True and _people(drafts["a"])["Asan Akhtemov"].get("sensitive") is True
    # The drafts load together as one corpus once reviewed (no conflicting entity between them).
    for path in (tmp_path / "out").glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc["draft"]["status"] = "reviewed"
        for c in doc["claims"]:
            c.pop("review", None)
        for cand in doc["draft"]["candidates"]:
            cand["decision"] = "rejected"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    corpus = load_corpus([tmp_path / "out"])
    assert len(corpus.entities[keys["a"]["Nariman Dzhelyal"]].sources) == 3


def test_a_doubtful_match_across_articles_is_a_candidate(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _write(src, "a.txt", "Activist Asan Akhtemov was detained in Simferopol on 3 March 2022.\n")
    _write(src, "b.txt", "Lawyers said Asan Akhmetov was beaten by FSB officers.\n")
    extract_articles([src], tmp_path / "out")
    drafts = _drafts(tmp_path / "out")
    a, b = _people(drafts["a"])["Asan Akhtemov"], _people(drafts["b"])["Asan Akhmetov"]
    assert a["key"] != b["key"]                                   # never merged silently
    cands = drafts["a"]["draft"]["candidates"] + drafts["b"]["draft"]["candidates"]
    [cand] = [c for c in cands if {c["entity"], c["same_as"]} == {a["key"], b["key"]}]
    assert cand["decision"] == "pending" and "spelled close" in cand["reason"] and "source:" in cand["reason"]


def test_the_corpus_key_wins_and_its_sensitive_flag_reaches_the_draft(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write(corpus, "c.yaml", 'source: {key: "source:c", title: C}\nentities:\n'
                             '  - {key: "person:kurtumer-chalgozov", label: Person, name: Kurtumer Chalgozov, sensitive: true}\n')
    src = tmp_path / "in"
    _write(src, "a.txt", "Activist Kurtumer Chalgazov was detained in Simferopol on 3 March 2022.\n")
    _write(src, "b.txt", "Kurtumer Chalgozov said he was detained.\n")
    extract_articles([src], tmp_path / "out", [corpus])
    for doc in _drafts(tmp_path / "out").values():
        [e] = [e for e in doc["entities"] if e["label"] == "Person"]
        assert e["key"] == "person:kurtumer-chalgozov" and e["name"] == "Kurtumer Chalgozov" and e["sensitive"] is True


# The two gold sets were annotated apart and give these actors two keys each (bench/identity_batch.py).
GOLD_SAME = [("org:mejlis-of-the-crimean-tatar-people", "org:mejlis"), ("org:hrmmu", "org:un-human-rights-office")]


@pytest.mark.parametrize("corpus", ["real", "project", "both"])
def test_batches_have_no_splits_and_no_wrong_merges(tmp_path: Path, corpus: str) -> None:
    corpora: list[Path] = []
    if corpus == "real":
        articles, gold = [ARTICLES / "real" / "dev"], [ARTICLES / "real" / "dev-gold"]
    elif corpus == "project":
        articles = [ARTICLES / "dev", ARTICLES / "unseen"]
        gold = [ARTICLES / "dev-gold", ARTICLES / "unseen-gold"]
    else:  # every development article, real and self-written, in one batch against the example corpus
        articles = [ARTICLES / "real" / "dev", ARTICLES / "dev"]
        gold = [ARTICLES / "real" / "dev-gold", ARTICLES / "dev-gold"]
        corpora = [ARTICLES.parent / "crimea"]
    report = extract_articles(articles, tmp_path, corpora)
    assert not report.failed
    keys = score_keys([tmp_path], gold, GOLD_SAME)
    assert keys.shared >= 5 and keys.found >= 3
    assert keys.splits == {} and keys.wrong_merges == {}


@pytest.mark.parametrize("sets", [("dev",), ("dev", "valid"), ("dev", "valid", "test", "fresh")],
                         ids=["dev", "dev+valid", "dev+valid+test+fresh"])
def test_real_batches_have_no_splits_and_no_wrong_merges_against_the_annotated_keys(tmp_path: Path,
                                                                                     sets: tuple[str, ...]) -> None:
    """The real development articles, alone, with the validation set, and with the held-out sets (79
    articles), as one batch: each actor the annotated keys name in two or more articles is one key
    in every draft, and no key is two actors. (Other sets' actors are counted, not named, so that
    nobody fits rules to their names.)"""
    real = ARTICLES / "real"
    report = extract_articles([real / s for s in sets], tmp_path, [])
    assert not report.failed
    keys = score_keys([tmp_path], [real / f"{s}-gold" for s in sets])
    assert keys.shared >= 50 and keys.found >= 45
    if sets == ("dev",):
        assert keys.splits == {} and keys.wrong_merges == {}
    else:
        assert (len(keys.splits), len(keys.wrong_merges)) == (0, 0), f"splits, wrong merges on {'+'.join(sets)}"


def test_role_words_leave_names_and_keys_across_a_batch(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _write(src, "a.txt", "Attorney Emil Kurbedinov said the search of the house in Bakhchysarai was illegal.\n")
    _write(src, "b.txt", "Emil Kurbedinov, a lawyer, was detained by FSB officers in Simferopol on 26 January 2017.\n")
    _write(src, "c.txt", "President Volodymyr Zelensky condemned the arrest of the activist in Crimea on Monday.\n")
    _write(src, "d.txt", "Volodymyr Zelenskyy spoke at the Crimean Platform summit in Kyiv in August 2021.\n")
    extract_articles([src], tmp_path / "out")
    people = [e for doc in _drafts(tmp_path / "out").values() for e in doc["entities"] if e["label"] == "Person"]
    assert {e["key"] for e in people} == {"person:emil-kurbedinov", "person:volodymyr-zelenskyy"}
    names = {n for e in people for n in [e["name"], *e.get("aliases", [])]}
    assert not any(n.lower().startswith(("attorney", "president")) for n in names), names


def test_review_shows_what_the_resolver_says(tmp_path: Path) -> None:
    article = _write(tmp_path / "in", "akhmetov.txt", "Activist Asan Akhtemov was detained in Simferopol on 3 March 2022.\n\n"
                     "His lawyer said that Asan Akhmetov was beaten by FSB officers.\n")
    report = extract_articles([article], tmp_path / "out")
    [(_a, draft, *_rest)] = report.written
    result = CliRunner().invoke(cli, ["review", str(draft)], input="r\nq\n")
    assert result.exit_code == 0, result.output
    assert "resolver: score 0.75: the same given name 'Asan'; surnames 'Akhmetov' and 'Akhtemov' are spelled close" \
        in result.output


def test_a_close_spelling_is_settled_by_a_person_both_articles_name(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _write(src, "a.txt", "Activist Aziz Akhtemov and Nariman Dzhelyal were detained in Simferopol in September 2021.\n")
    _write(src, "b.txt", "Russia detained Nariman Dzhelyal and activist Aziz Akhmetov in 2021.\n")
    _write(tmp_path / "in2", "c.txt", "Lawyers said Aziz Akhmetov was beaten by FSB officers.\n")
    extract_articles([src], tmp_path / "out")
    drafts = _drafts(tmp_path / "out")
    a, b = _people(drafts["a"]), _people(drafts["b"])
    assert a["Aziz Akhtemov"]["key"] == b["Aziz Akhmetov"]["key"]          # both beside Nariman Dzhelyal
    # Without a person both articles name, the close spelling stays a candidate.
    extract_articles([src / "a.txt", tmp_path / "in2" / "c.txt"], tmp_path / "out2")
    drafts = _drafts(tmp_path / "out2")
    a, c = _people(drafts["a"]), _people(drafts["c"])
    assert c["Aziz Akhmetov"]["key"] != a["Aziz Akhtemov"]["key"]
    cands = drafts["a"]["draft"]["candidates"] + drafts["c"]["draft"]["candidates"]
    assert any({x["entity"], x["same_as"]} == {a["Aziz Akhtemov"]["key"], c["Aziz Akhmetov"]["key"]}
               and x["decision"] == "pending" for x in cands)


def test_initials_are_never_more_than_candidates() -> None:
    # Two men share the alias "R. Darkarev"; their whole given names tell them apart.
    assert compare(person("person:a", "Rinat Darkarev", "R. Darkarev"),
                   person("person:b", "Rustem Darkarev", "R. Darkarev")) is None
    two = compare(person("person:a", "R. Darkarev"), person("person:b", "R. Darkarev"))
    assert two is not None and not two.sure


def test_numbers_tell_organisations_apart() -> None:
    one = Record("org:sizo-1", "Organisation", "Pre-trial Detention Centre No. 1", ("SIZO-1",))
    two = Record("org:sizo-2", "Organisation", "Pre-trial Detention Centre No. 2", ("SIZO-2",))
    assert compare(one, two) is None
    sizo = compare(one, Record("org:s1", "Organisation", "SIZO-1"))
    assert sizo is not None and sizo.sure


@pytest.mark.parametrize("a, b", [
    ("Zhanna Fetgaaeva", "Zhanna Fetkuova"), ("Elmira Giririna", "Elmira Girroyan"), ("Zhan Kurtalin", "Zhanna Kurtalina"),
    ("Ismail Seitkhalilov", "Ismail Seitkhalilova"), ("Zhanna Yargaaeva", "Zhanna Yarkhaaeva"),
])
def test_other_vowels_and_the_other_gender_are_not_sure(a: str, b: str) -> None:
    m = compare(person("person:x", a), person("person:y", b))
    assert m is None or not m.sure, m


# --- two entities of one article ---------------------------------------------------------

_ONE_ARTICLE = (
    "The Russian Federal Security Service said on 3 March 2022 that activist Oleh Bekirov had been detained "
    "in Simferopol.\n\n"
    "Oleg Bekirov said he was tortured by FSB officers. The FSB said that Bekirov was suspected of sabotage.\n")


def test_one_article_naming_an_agency_two_ways_drafts_one_organisation(tmp_path: Path) -> None:
    """"The Russian Federal Security Service" and "the FSB" (the gazetteer's entry) in one article: one node."""
    article = _write(tmp_path / "in", "fsb.txt", _ONE_ARTICLE)
    [(_a, path, *_rest)] = extract_articles([article], tmp_path / "out").written
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    entities = {e["key"]: e for e in doc["entities"]}
    fsb = [e for e in entities.values() if e["label"] == "Organisation"
           and {"FSB", "Russian Federal Security Service"} & {e["name"], *e.get("aliases", [])}]
    assert [e["key"] for e in fsb] == ["org:fsb"]
    assert {"FSB", "Russian Federal Security Service"} <= {fsb[0]["name"], *fsb[0]["aliases"]}
    assert fsb[0]["name"] == "Federal Security Service of the Russian Federation"  # the surviving key's name leads
    # Oleh and Oleg: one man, sensitive because the second spelling is the one said to be tortured.
    [bekirov] = [e for e in entities.values() if e["label"] == "Person" and e["name"] in ("Oleh Bekirov", "Oleg Bekirov")]
    # "Bekirov" alone is him too: the only person of the article with that surname.
    assert {"Oleh Bekirov", "Oleg Bekirov", "Bekirov"} == {bekirov["name"], *bekirov["aliases"]}
    assert bekirov["sensitive"] is True
    # Claims follow the surviving keys; no claim is left twice; the agency's two statements are one event.
    ontology = default_ontology()
    ids = []
    for c in doc["claims"]:
        for f in ("subject", "object", "asserted_by"):
            assert c.get(f) is None or c[f] in entities, (f, c)
        key_q = {k: c[k] for k in ontology.relationships[c["predicate"]].key if k in c}
        ids.append(claim_id(c["subject"], c["predicate"], c["object"], key_q))
    assert len(ids) == len(set(ids))
    said = [c["object"] for c in doc["claims"] if c["subject"] == "org:fsb" and c["predicate"] == "STATES"]
    assert len(said) == 1 and entities[said[0]]["label"] == "Event"
    assert not any(k.startswith("event:russian-federal-security-service") for k in entities)
    # The draft loads once reviewed (no dangling key, no repeated claim).
    doc["draft"]["status"] = "reviewed"
    for c in doc["claims"]:
        c.pop("review", None)
    for cand in doc["draft"]["candidates"]:
        cand["decision"] = "rejected"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    corpus = load_corpus([path])
    assert "org:fsb" in corpus.entities and "org:russian-federal-security-service" not in corpus.entities


def test_within_one_draft_sure_matches_merge_and_doubtful_ones_are_candidates() -> None:
    draft = [Entity("person:nariman-dzhelyal", "Person", "Nariman Dzhelyal"),
             Entity("person:nariman-dzhelial", "Person", "Nariman Dzhelial", sensitive=True),
             Entity("org:ohchr", "Organisation", "OHCHR"), Entity("org:ochcr", "Organisation", "OCHCR"),
             Entity("person:asan-akhtemov", "Person", "Asan Akhtemov"),
             Entity("person:asan-akhmetov", "Person", "Asan Akhmetov"),
             Entity("place:novoivanovka", "Location", "Novoivanovka"),
             Entity("place:novoivanivka", "Location", "Novoivanivka"),
             Entity("place:sudak", "Location", "Sudak"), Entity("place:sudaq", "Location", "Sudaq")]
    [plan] = plan_batch([draft])
    assert plan.rename == {"person:nariman-dzhelyal": "person:nariman-dzhelial", "place:sudaq": "place:sudak"}
    merged = plan.merged["person:nariman-dzhelial"]
    assert merged.sensitive is True and merged.aliases == ["Nariman Dzhelyal"]       # through merge_entity
    pairs = {frozenset((c["entity"], c["same_as"])): c for c in plan.candidates}
    assert set(pairs) == {frozenset(("org:ohchr", "org:ochcr")), frozenset(("person:asan-akhtemov", "person:asan-akhmetov")),
                          frozenset(("place:novoivanovka", "place:novoivanivka"))}
    assert all(c["decision"] == "pending" and c["reason"].endswith("(in this article)") for c in pairs.values())
    # Brothers in one article stay two, and so do two agencies of two countries.
    [plan] = plan_batch([[Entity("person:asan-akhtemov", "Person", "Asan Akhtemov"),
                          Entity("person:aziz-akhtemov", "Person", "Aziz Akhtemov"),
                          Entity("org:ru", "Organisation", "Russian Ministry of Justice"),
                          Entity("org:ua", "Organisation", "Ukrainian Ministry of Justice")]])
    assert plan.rename == {} and plan.candidates == []
