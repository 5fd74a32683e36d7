"""The fact format: the example corpus, merging across files, JSON, directory walks, dates."""

from __future__ import annotations

import doctest
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import graph.build
import graph.errors
import graph.model
from graph.errors import FactFileError
from graph.model import Corpus, PartialDate, claim_id, evidence_id
from loaders.factfile import dump_fact_document, write_fact_file
from loaders.facts import find_fact_files, load_corpus, validate

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "crimea"
REAL = REPO / "examples" / "articles" / "real"
# Every split of the real corpus (each with SPLIT/ texts and SPLIT-gold/ gold files).
REAL_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "test", "fresh", "valid", "valid2", "valid3", "test2", "test3", "test4", "test5")


@pytest.fixture(scope="module")
def example() -> Corpus:
    return load_corpus([EXAMPLES])


def _by_name(corpus: Corpus, name: str) -> str:
    keys = [k for k, e in corpus.entities.items() if e.name == name]
    assert len(keys) == 1, f"expected exactly one entity named {name!r}, got {keys}"
    return keys[0]


# --- the example corpus


def test_example_corpus_validates_without_problems() -> None:
    corpus, problems, files = validate([EXAMPLES])
    assert [str(p) for p in problems] == []
    assert EXAMPLES / "empr-2022-fsb-agent-network.yaml" in files
    assert "source:empr-2022-fsb-agent-network" in corpus.sources
    assert corpus.entities and corpus.claims


def test_example_quotes_are_short(example: Corpus) -> None:
    # The example corpus carries the seed article's facts with short quotes only (at most
    # about 25 words); the article's text is not in the repository (examples/articles/README.md).
    quotes = [(c.id, ev.quote) for c in example.claims.values() for ev in c.evidence]
    assert quotes
    for cid, quote in quotes:
        assert quote.strip(), f"{cid}: empty quote"
        assert len(quote.split()) <= 25, f"{cid}: quote has {len(quote.split())} words: {quote!r}"


@pytest.mark.parametrize("split", REAL_SPLITS)
def test_real_corpus_gold_quotes_are_exact_and_short(split: str) -> None:
    # Every gold quote of the real corpus is an exact substring of its (licensed) article
    # text and at most 40 words. A mechanical check: it reads the held-out texts but learns
    # nothing from them.
    golds = sorted((REAL / f"{split}-gold").glob("*.yaml"))
    assert golds
    count = 0
    for gold in golds:
        article = REAL / split / f"{gold.stem}.txt"
        assert article.is_file(), f"{gold}: no article text {article}"
        text = article.read_text(encoding="utf-8")
        doc = yaml.safe_load(gold.read_text(encoding="utf-8"))
        for i, claim in enumerate(doc["claims"]):
            quote = claim["quote"]
            count += 1
            assert quote in text, f"{gold.name} claim {i}: quote is not an exact substring of the article: {quote!r}"
            assert len(quote.split()) <= 40, f"{gold.name} claim {i}: quote has {len(quote.split())} words"
    assert count >= len(golds)


def test_second_annotations_are_valid_with_exact_quotes_beside_a_text_and_a_first_annotation() -> None:
    # agree/<split>/<file>.yaml: a blind second annotation of a held-out article (bench/agreement.py
    # scores it against the first). Each validates, quotes its own article exactly (at most 40
    # words), and has the article and its first annotation beside it; its events have a kind.
    seconds = sorted((REAL / "agree").glob("*/*.yaml"))
    assert len(seconds) >= 8
    for second in seconds:
        split = second.parent.name
        assert split in REAL_SPLITS, second
        text = (REAL / split / f"{second.stem}.txt").read_text(encoding="utf-8")
        assert (REAL / f"{split}-gold" / second.name).is_file(), second
        doc = yaml.safe_load(second.read_text(encoding="utf-8"))
        for i, claim in enumerate(doc["claims"]):
            assert claim["quote"] in text and len(claim["quote"].split()) <= 40, f"{second.name} claim {i}"
        for e in doc["entities"]:
            assert e["label"] != "Event" or (e.get("attributes") or {}).get("kind"), f"{second.name}: {e['key']}"
        assert validate([second])[1] == [], second


@pytest.mark.parametrize("split", REAL_SPLITS)
def test_real_corpus_gold_events_have_a_kind(split: str) -> None:
    # eval-extract pairs events by kind: an event without one could never be found.
    for gold in sorted((REAL / f"{split}-gold").glob("*.yaml")):
        for e in yaml.safe_load(gold.read_text(encoding="utf-8"))["entities"]:
            if e["label"] == "Event":
                assert (e.get("attributes") or {}).get("kind"), f"{gold.name}: {e['key']} has no kind"


def test_real_corpus_gold_is_one_corpus() -> None:
    # Keys are canonical across every split: read together with the example corpus, the gold
    # files of all splits must agree on every shared entity's attributes (one key, one entity).
    paths = [REAL / f"{split}-gold" for split in REAL_SPLITS] + [REPO / "examples" / "crimea"]
    problems = validate(paths)[1]
    assert problems == [], problems[:5]


def test_real_corpus_gold_sensitive_flag_is_the_same_in_every_file() -> None:
    # A person at risk is marked sensitive in every gold file that names them (README,
    # "Convention decisions, round 10"): a file left unmarked would leak the name when only
    # that article is exported. The graph keeps the flag once any file sets it.
    flags: dict[str, dict[bool, list[str]]] = {}
    for split in REAL_SPLITS:
        for gold in sorted((REAL / f"{split}-gold").glob("*.yaml")):
            for e in yaml.safe_load(gold.read_text(encoding="utf-8"))["entities"]:
                flags.setdefault(e["key"], {}).setdefault(bool(e.get("sensitive")), []).append(gold.name)
    mixed = {key: by_flag for key, by_flag in flags.items() if len(by_flag) > 1}
    assert mixed == {}, sorted(mixed)[:5]


def test_example_names_the_people_and_organisations(example: Corpus) -> None:
    for name in (
        "Refat Chubarov",
        "Kurtumer Chalgozov",
        "Nariman Ametov",
        "Nariman Dzhelyal",
        "Nikolai Polozov",
    ):
        assert example.entities[_by_name(example, name)].label == "Person"
    mejlis = example.entities[_by_name(example, "Mejlis of the Crimean Tatar People")]
    assert mejlis.label == "Organisation"
    fsb = example.entities[_by_name(example, "Federal Security Service of the Russian Federation")]
    assert fsb.label == "Organisation"
    assert "FSB" in fsb.aliases
    assert fsb.generic is False
    # The collective actor is its own generic Organisation, never merged into the FSB.
    occupiers = example.entities[_by_name(example, "Russian occupation authorities")]
    assert occupiers.label == "Organisation"
    assert occupiers.generic is True
    assert occupiers.key != fsb.key
    assert "Russian occupiers" in occupiers.aliases
    # Two different men are called Nariman: two entities.
    assert _by_name(example, "Nariman Ametov") != _by_name(example, "Nariman Dzhelyal")


def test_example_sabotage_case(example: Corpus) -> None:
    cases = [e for e in example.entities.values() if e.label == "LegalCase"]
    sabotage = [c for c in cases if "sabotage" in c.attributes.get("charge_description", "")]
    assert len(sabotage) == 1
    dzhelyal = _by_name(example, "Nariman Dzhelyal")
    polozov = _by_name(example, "Nikolai Polozov")
    edges = {(c.subject, c.predicate, c.object) for c in example.claims.values()}
    assert (dzhelyal, "DEFENDANT_IN", sabotage[0].key) in edges
    assert (polozov, "DEFENDS", dzhelyal) in edges


def test_example_chalgozov_arrest_dated_2021_12(example: Corpus) -> None:
    chalgozov = _by_name(example, "Kurtumer Chalgozov")
    arrests = [
        c
        for c in example.claims.values()
        if c.subject == chalgozov
        and c.predicate == "PARTICIPANT_IN"
        and c.key_qualifiers.get("role") == "target"
        and example.entities[c.object].attributes.get("kind") == "arrest"
    ]
    assert len(arrests) == 1
    claim = arrests[0]
    assert example.entities[claim.object].attributes["date"] == "2021-12"
    assert [ev.qualifiers.get("date") for ev in claim.evidence] == ["2021-12"]
    assert PartialDate.parse(example.entities[claim.object].attributes["date"]).precision == "month"


def test_example_people_at_risk_are_sensitive(example: Corpus) -> None:
    assert example.entities[_by_name(example, "Kurtumer Chalgozov")].sensitive is True
    assert example.entities[_by_name(example, "Nariman Ametov")].sensitive is True
    assert example.entities[_by_name(example, "Refat Chubarov")].sensitive is False


# --- a small two-source corpus written here

SOURCE_A: dict[str, Any] = {
    "source": {
        "key": "source:a",
        "title": "Article A",
        "publisher": "EMPR",
        "url": "https://example.org/a",
        "published": "2022-01-10",
        "language": "en",
    },
    "entities": [
        {
            "key": "person:x",
            "label": "Person",
            "name": "Kurtumer X",
            "aliases": ["X"],
            "attributes": {"occupation": "activist"},
        },
        {"key": "org:y", "label": "Organisation", "name": "Agency Y", "attributes": {"kind": "agency"}},
        {"key": "event:e", "label": "Event", "name": "Arrest of X", "attributes": {"kind": "arrest"}},
    ],
    "claims": [
        {
            "subject": "person:x",
            "predicate": "PARTICIPANT_IN",
            "object": "event:e",
            "role": "target",
            "date": "2021-12",
            "quote": "X was arrested in December 2021",
        },
        {
            "subject": "person:x",
            "predicate": "MEMBER_OF",
            "object": "org:y",
            "role": "member",
            "quote": "X, a member of Y",
        },
    ],
}
SOURCE_B: dict[str, Any] = {
    "source": {"key": "source:b", "title": "Article B"},
    "entities": [
        {
            "key": "person:x",
            "label": "Person",
            "name": "Kurtumer Iks",
            "aliases": ["X", "Iks"],
            "sensitive": True,
            "attributes": {"residence": "Crimea"},
        },
        {"key": "event:e", "label": "Event", "name": "Arrest of X", "attributes": {"kind": "arrest"}},
    ],
    "claims": [
        {
            "subject": "person:x",
            "predicate": "PARTICIPANT_IN",
            "object": "event:e",
            "role": "target",
            "date": "2022-01",
            "quote": "Iks, detained in January 2022",
        },
    ],
}


def _write_json(path: Path, data: dict[str, Any], indent: int | str | None = 2) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if indent == 2:
        write_fact_file(path, data, "json")
    else:  # other layouts exercise the JSON parser
        path.write_text(json.dumps(data, ensure_ascii=False, indent=indent), encoding="utf-8")
    return path


def _to_yaml(data: dict[str, Any]) -> str:
    return dump_fact_document(data, "yaml")


def _write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_to_yaml(data), encoding="utf-8")
    return path


def _summary(corpus: Corpus) -> dict[str, Any]:
    """Everything a corpus says, minus where it was read from."""
    return {
        "sources": {k: s.properties() for k, s in corpus.sources.items()},
        "entities": {
            k: (e.label, e.name, sorted(e.aliases), e.attributes, e.sensitive, e.generic, sorted(e.sources))
            for k, e in corpus.entities.items()
        },
        "claims": {
            cid: (
                c.subject,
                c.predicate,
                c.object,
                c.key_qualifiers,
                sorted(
                    (ev.source, ev.quote, ev.asserted_by, ev.confidence, sorted(ev.qualifiers.items()))
                    for ev in c.evidence
                ),
            )
            for cid, c in corpus.claims.items()
        },
    }


def test_json_fact_files_work_like_yaml(tmp_path: Path) -> None:
    yaml_corpus = load_corpus(
        [_write_yaml(tmp_path / "y" / "a.yaml", SOURCE_A), _write_yaml(tmp_path / "y" / "b.yaml", SOURCE_B)]
    )
    json_corpus = load_corpus(
        [_write_json(tmp_path / "j" / "a.json", SOURCE_A), _write_json(tmp_path / "j" / "b.json", SOURCE_B)]
    )
    assert _summary(json_corpus) == _summary(yaml_corpus)
    assert set(json_corpus.entities) == {"person:x", "org:y", "event:e"}
    assert json_corpus.sources["source:a"].published == "2022-01-10"


def test_json_and_yaml_mix_in_one_corpus(tmp_path: Path) -> None:
    _write_yaml(tmp_path / "a.yaml", SOURCE_A)
    _write_json(tmp_path / "b.json", SOURCE_B)
    corpus = load_corpus([tmp_path])
    assert set(corpus.sources) == {"source:a", "source:b"}
    assert len(corpus.claims) == 2


def test_json_problem_lines_point_into_the_file(tmp_path: Path) -> None:
    data = json.loads(json.dumps(SOURCE_A))
    data["entities"][1]["attributes"]["kind"] = "ministry"
    path = _write_json(tmp_path / "a.json", data, indent=2)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if '"ministry"' in text)
    _corpus, problems, _files = validate([path])
    assert [(p.line, p.message.split(",")[0]) for p in problems] == [(line, "'kind' is 'ministry'")]


def test_json_indented_with_tabs_is_accepted(tmp_path: Path) -> None:
    # Tab indentation is plain JSON whitespace (RFC 8259); many editors and tools write it.
    path = _write_json(tmp_path / "a.json", SOURCE_A, indent="\t")
    json.loads(path.read_text(encoding="utf-8"))  # valid JSON
    corpus, problems, _files = validate([path])
    assert [str(p) for p in problems] == []
    assert set(corpus.entities) == {"person:x", "org:y", "event:e"}


def test_entities_merge_across_files(tmp_path: Path) -> None:
    corpus = load_corpus(
        [_write_yaml(tmp_path / "a.yaml", SOURCE_A), _write_yaml(tmp_path / "b.yaml", SOURCE_B)]
    )
    x = corpus.entities["person:x"]
    assert x.name == "Kurtumer X"  # the first file's name stays the name
    assert sorted(x.aliases) == ["Iks", "Kurtumer Iks", "X"]  # union, the other name included, no duplicates
    assert sorted(x.sources) == ["source:a", "source:b"]
    assert x.sensitive is True  # one source marking a person at risk is enough
    assert x.attributes == {"occupation": "activist", "residence": "Crimea"}
    assert corpus.entities["org:y"].sources == ["source:a"]
    assert sorted(corpus.entities["event:e"].sources) == ["source:a", "source:b"]


def test_sensitive_if_any_file_says_so_whatever_the_order(tmp_path: Path) -> None:
    # In a directory walk B (sensitive, 1.yaml) is read first, A (not sensitive, 2.yaml) second.
    _write_yaml(tmp_path / "2.yaml", SOURCE_A)
    _write_yaml(tmp_path / "1.yaml", SOURCE_B)
    corpus = load_corpus([tmp_path])
    assert corpus.entities["person:x"].sensitive is True
    assert corpus.entities["person:x"].name == "Kurtumer Iks"


def test_same_claim_in_two_files_is_one_claim_with_two_evidence(tmp_path: Path) -> None:
    corpus = load_corpus(
        [_write_yaml(tmp_path / "a.yaml", SOURCE_A), _write_yaml(tmp_path / "b.yaml", SOURCE_B)]
    )
    arrest = [c for c in corpus.claims.values() if c.predicate == "PARTICIPANT_IN"]
    assert len(arrest) == 1
    claim = arrest[0]
    assert claim.id == claim_id("person:x", "PARTICIPANT_IN", "event:e", {"role": "target"})
    assert claim.key_qualifiers == {"role": "target"}
    assert claim.sources == ["source:a", "source:b"]
    by_source = {ev.source: ev for ev in claim.evidence}
    assert by_source["source:a"].quote == "X was arrested in December 2021"
    assert by_source["source:a"].qualifiers == {"date": "2021-12"}
    assert by_source["source:b"].quote == "Iks, detained in January 2022"
    assert by_source["source:b"].qualifiers == {"date": "2022-01"}
    assert len(corpus.claims) == 2


def test_claim_ids_are_deterministic_and_independent_of_file_order(tmp_path: Path) -> None:
    a = _write_yaml(tmp_path / "a.yaml", SOURCE_A)
    b = _write_yaml(tmp_path / "b.yaml", SOURCE_B)
    forward = load_corpus([a, b])
    backward = load_corpus([b, a])
    assert set(forward.claims) == set(backward.claims)
    for cid in forward.claims:
        assert sorted(ev.source for ev in forward.claims[cid].evidence) == sorted(
            ev.source for ev in backward.claims[cid].evidence
        )
    assert all(cid.startswith("claim:") for cid in forward.claims)
    # Qualifier order does not matter; each identifying part does.
    assert claim_id("person:a", "LEADS", "org:b", {"role": "head", "x": "1"}) == claim_id(
        "person:a", "LEADS", "org:b", {"x": "1", "role": "head"}
    )
    base = claim_id("person:a", "LEADS", "org:b", {"role": "head"})
    assert base != claim_id("person:a", "LEADS", "org:b", {"role": "first deputy head"})
    assert base != claim_id("person:a", "MEMBER_OF", "org:b", {"role": "head"})
    assert base != claim_id("org:b", "LEADS", "person:a", {"role": "head"})
    assert evidence_id(base, "source:a") == evidence_id(base, "source:a") != evidence_id(base, "source:b")


def test_claim_ids_are_stable_across_processes() -> None:
    code = f"from loaders.facts import load_corpus;print(sorted(load_corpus([{str(EXAMPLES)!r}]).claims))"
    outputs = set()
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert str(sorted(load_corpus([EXAMPLES]).claims)) + "\n" in outputs


# --- finding files


def test_directories_are_walked_recursively_and_hidden_dirs_skipped(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write_yaml(root / "a.yaml", SOURCE_A)
    _write_json(root / "deeper" / "still" / "b.json", SOURCE_B)
    (root / "deeper" / "c.yml").write_text(
        "source: {key: 'source:c', title: C}\nentities: []\n", encoding="utf-8"
    )
    (root / "notes.txt").write_text("not a fact file", encoding="utf-8")
    # Hidden folders (editor backups, .git) are never read; the broken file proves it.
    (root / ".git").mkdir()
    (root / ".git" / "broken.yaml").write_text("source: [", encoding="utf-8")
    (root / "deeper" / ".backup").mkdir()
    (root / "deeper" / ".backup" / "a.yaml").write_text(_to_yaml(SOURCE_A), encoding="utf-8")
    files = find_fact_files([root])
    assert files == [root / "a.yaml", root / "deeper" / "c.yml", root / "deeper" / "still" / "b.json"]
    corpus, problems, _ = validate([root])
    assert problems == []
    assert set(corpus.sources) == {"source:a", "source:b", "source:c"}


def test_a_hidden_folder_given_explicitly_is_read(tmp_path: Path) -> None:
    hidden = tmp_path / ".drafts"
    _write_yaml(hidden / "a.yaml", SOURCE_A)
    assert find_fact_files([hidden]) == [hidden / "a.yaml"]


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    a = _write_yaml(tmp_path / "a.yaml", SOURCE_A)
    assert find_fact_files([a, tmp_path, a]) == [a]
    assert validate([a, tmp_path])[1] == []


def test_missing_path_and_empty_directory_raise(tmp_path: Path) -> None:
    with pytest.raises(FactFileError) as info:
        find_fact_files([tmp_path / "nope"])
    assert str(info.value) == f"{tmp_path / 'nope'}: no such file or directory"
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.txt").write_text("nothing here", encoding="utf-8")
    with pytest.raises(FactFileError) as info:
        find_fact_files([empty])
    assert str(info.value) == f"{empty}: no fact files (*.yaml, *.yml, *.json) in this directory"


# --- partial dates


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2021", "year", "2021-01-01", "2021-12-31"),
        ("2021-12", "month", "2021-12-01", "2021-12-31"),
        ("2024-02", "month", "2024-02-01", "2024-02-29"),
        ("2023-02", "month", "2023-02-01", "2023-02-28"),
        ("2022-09-21", "day", "2022-09-21", "2022-09-21"),
        ("2024-02-29", "day", "2024-02-29", "2024-02-29"),
    ],
)
def test_partial_date_precision(text: str, precision: str, earliest: str, latest: str) -> None:
    date = PartialDate.parse(text)
    assert date.iso == text
    assert str(date) == text
    assert date.precision == precision
    assert date.earliest == earliest
    assert date.latest == latest


def test_partial_date_accepts_year_numbers_and_spaces() -> None:
    assert PartialDate.parse(2021).iso == "2021"
    assert PartialDate.parse(" 2021-12 ").iso == "2021-12"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2021-13", "'2021-13' has no month 13"),
        ("2021-00", "'2021-00' has no month 00"),
        ("2023-02-29", "'2023-02-29' has no day 29 in that month"),
        ("2021-04-31", "'2021-04-31' has no day 31 in that month"),
        ("2021-12-00", "'2021-12-00' has no day 00 in that month"),
        ("2021-1-5", "'2021-1-5' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("December 2021", "'December 2021' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("21", "'21' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("", "'' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
        (True, "a date must be written as YYYY, YYYY-MM or YYYY-MM-DD, not bool"),
        (2021.5, "a date must be written as YYYY, YYYY-MM or YYYY-MM-DD, not float"),
        (None, "a date must be written as YYYY, YYYY-MM or YYYY-MM-DD, not NoneType"),
    ],
)
def test_partial_date_rejects(value: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        PartialDate.parse(value)
    assert str(info.value) == message


def test_partial_dates_order_like_iso_strings() -> None:
    dates = [PartialDate.parse(v) for v in ("2022-01", "2021", "2021-12-03", "2021-12")]
    assert [d.iso for d in sorted(dates)] == ["2021", "2021-12", "2021-12-03", "2022-01"]


@pytest.mark.parametrize("module", [graph.model, graph.build, graph.errors], ids=lambda m: m.__name__)
def test_doctests(module: Any) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# --- code points that are no characters (issue 19, item 10)


def _one_entity(name: str) -> str:
    return (
        '{"source": {"key": "source:s", "title": "T"},\n'
        f' "entities": [{{"key": "person:a", "label": "Person", "name": "{name}"}}]}}\n'
    )


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
@pytest.mark.parametrize("fast", [True, False])
def test_an_escaped_surrogate_pair_is_one_character(tmp_path: Path, suffix: str, fast: bool) -> None:
    # json.dumps writes U+1F600 as the pair \ud83d\ude00; YAML may carry the same escapes.
    path = tmp_path / f"a{suffix}"
    path.write_text(_one_entity("Grinning \\ud83d\\ude00 face"), encoding="utf-8")
    corpus, problems, _files = validate([path], fast=fast)
    assert problems == []
    assert corpus.entities["person:a"].name == "Grinning \U0001f600 face"


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
@pytest.mark.parametrize(("escape", "message"), [
    ("\\ud800", "lone surrogate U+D800"),
    ("\\udfff", "lone surrogate U+DFFF"),
    ("\\ude00\\ud83d", "lone surrogate U+DE00"),
    ("\\ufffe", "non-character U+FFFE"),
    ("\\uFFFF", "non-character U+FFFF"),
])
def test_no_character_is_refused_on_both_paths(tmp_path: Path, suffix: str, escape: str, message: str) -> None:
    path = tmp_path / f"a{suffix}"
    path.write_text(_one_entity(f"A {escape} B"), encoding="utf-8")
    for fast in (True, False):
        _corpus, problems, _files = validate([path], fast=fast)
        assert [str(p) for p in problems] == [f"{path}:2: {message} is not allowed in a fact file"]


def test_other_escapes_of_non_bmp_characters_and_noncharacters_beyond_the_bmp_are_kept(tmp_path: Path) -> None:
    # U+1FFFE and U+FDD0 are non-characters too, but UTF-8 and XML hold them: nothing breaks.
    path = tmp_path / "a.yaml"
    path.write_text(_one_entity("A \\U0001F600 \\U0001FFFE \\uFDD0 B"), encoding="utf-8")
    corpus, problems, _files = validate([path])
    assert problems == []
    assert corpus.entities["person:a"].name == "A \U0001f600 \U0001fffe \ufdd0 B"


def test_an_escaped_backslash_before_u_is_text(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(_one_entity("C:\\\\ud800"), encoding="utf-8")
    corpus, problems, _files = validate([path])
    assert problems == []
    assert corpus.entities["person:a"].name == "C:\\ud800"


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + _one_entity("Person A").encode("utf-8"))
    for fast in (True, False):
        corpus, problems, _files = validate([path], fast=fast)
        assert problems == []
        assert corpus.entities["person:a"].name == "Person A"


# --- an entity refused for a bad field counts as declared (issue 19, item 16)


def test_claims_naming_an_entity_declared_twice_are_still_checked(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        'source: {key: "source:t", title: T}\n'
        "entities:\n"
        '  - {key: "person:a", label: Person, name: A}\n'
        '  - {key: "person:a", label: Person, name: A again}\n'
        '  - {key: "org:b", label: Organisation, name: B}\n'
        "claims:\n"
        '  - {subject: "org:b", predicate: MEMBER_OF, object: "person:a", quote: q}\n',
        encoding="utf-8",
    )
    _corpus, problems, _files = validate([path])
    assert [str(p) for p in problems] == [
        f"{path}:4: entity 'person:a' is declared twice in this file (first at line 3)",
        f"{path}:7: object of MEMBER_OF must be an Organisation, but 'person:a' is a Person",
    ]


def test_a_claim_naming_a_refused_entity_is_still_checked_for_its_own_mistakes(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        'source: {key: "source:t", title: T}\n'
        "entities:\n"
        f'  - {{key: "person:a", label: Person, name: "{"A" * 501}"}}\n'
        '  - {key: "org:b", label: Organisation, name: B}\n'
        "claims:\n"
        '  - {subject: "person:a", predicate: MEMBER_OF, object: "org:b", quote: q, date: "2021-13"}\n'
        '  - {subject: "person:nobody", predicate: MEMBER_OF, object: "org:b", quote: q}\n',
        encoding="utf-8",
    )
    _corpus, problems, _files = validate([path])
    assert [str(p) for p in problems] == [
        f"{path}:3: 'name' has 501 characters; at most 500 are allowed",
        f"{path}:6: 'date': '2021-13' has no month 13",
        f"{path}:7: subject 'person:nobody' is not declared in this file's entities",
    ]


def test_real_corpus_splits_are_all_checked() -> None:
    # A split added to the real corpus is checked by the gold tests above, and has a manifest.
    on_disk = {d.name for d in REAL.iterdir() if d.is_dir() and not d.name.endswith("-gold") and not d.name.startswith(".")}
    assert on_disk == set(REAL_SPLITS) | {"agree"}
    for split in REAL_SPLITS:
        assert (REAL / f"{split}-gold").is_dir() and (REAL / f"manifest-{split}.yaml").is_file(), split
        texts = {p.stem for p in (REAL / split).glob("*.txt")}
        assert texts == {p.stem for p in (REAL / f"{split}-gold").glob("*.yaml")}, split
