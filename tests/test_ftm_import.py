"""``import-ftm`` on the inputs that broke it (issue 19, item 12).

A list of judges (entities, no relationships) imports, validates, loads and views;
ids in any script become readable, distinct keys; a byte order mark is no part of
the first line; deep nesting, a value that is no character and a malformed
``datasets`` are each one ``FILE:LINE`` error with nothing written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import neo4j
import pytest
import yaml
from click.testing import CliRunner, Result

from casegraph.cli import cli
from graph.db import server
from loaders.facts import load_corpus
from loaders.ftm import import_ftm

JUDGES = [
    {"id": "Q123-judge", "schema": "Person", "datasets": ["ru_judges"],
     "properties": {"name": ["Ivan Sudya", "Иван Судья"], "position": ["Judge"], "birthDate": ["1970"]}},
    {"id": "Q456-judge", "schema": "Person", "datasets": ["ru_judges"],
     "properties": {"name": ["Petro Suddia"], "position": ["Judge"]}},
    {"id": "court-kyiv-district", "schema": "PublicBody", "datasets": ["ru_judges"],
     "properties": {"name": ["Kyiv District Court of Simferopol"]}},
]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def write_lines(path: Path, rows: list[dict[str, Any] | str], bom: bool = False) -> Path:
    text = "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def person(id_: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"id": id_, "schema": "Person", "properties": {"name": [name]}, **extra}


# --- an entities-only list, as in the README


def test_a_list_of_judges_imports_and_validates(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "judges.ftm.json", JUDGES)
    result = run("import-ftm", str(path), "-o", str(tmp_path / "facts" / "judges"))
    assert result.exit_code == 0, result.output
    written = tmp_path / "facts" / "judges" / "ftm-ru_judges.yaml"
    doc = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert doc["claims"] == []
    assert [e["key"] for e in doc["entities"]] == ["org:court-kyiv-district", "person:q123-judge", "person:q456-judge"]
    checked = run("validate", str(tmp_path / "facts" / "judges"))
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.startswith("OK: 1 file, 1 source, 3 entities, 0 claims")
    corpus = load_corpus([tmp_path / "facts" / "judges"])
    assert corpus.entities["person:q123-judge"].aliases == ["Иван Судья"]
    assert corpus.claims == {}


def test_a_list_of_judges_views_and_exports(tmp_path: Path) -> None:
    import_ftm(write_lines(tmp_path / "judges.ftm.json", JUDGES), tmp_path / "facts")
    view = run("view", str(tmp_path / "facts"), "-o", str(tmp_path / "v.html"))
    assert view.exit_code == 0, view.output
    assert "Petro Suddia" in (tmp_path / "v.html").read_text(encoding="utf-8")
    export = run("export", str(tmp_path / "facts"), "--to", "ftm", "-o", str(tmp_path / "back.ftm.json"))
    assert export.exit_code == 0, export.output
    # ... and what casegraph exported imports again to the same entities
    again = import_ftm(tmp_path / "back.ftm.json", tmp_path / "again")
    assert (again.entities, again.claims) == (3, 0)
    assert set(load_corpus([tmp_path / "again"]).entities) == set(load_corpus([tmp_path / "facts"]).entities)


def test_a_list_of_judges_loads_into_neo4j(
    tmp_path: Path, neo4j_env: server.ServerInfo, clean_db: neo4j.Driver
) -> None:
    import_ftm(write_lines(tmp_path / "judges.ftm.json", JUDGES), tmp_path / "facts")
    result = run("load", "--format", "json", str(tmp_path / "facts"))
    assert result.exit_code == 0, result.output
    with clean_db.session() as session:
        names = sorted(r["name"] for r in session.run("MATCH (p:Person) RETURN p.name AS name"))
    assert names == ["Ivan Sudya", "Petro Suddia"]


# --- keys from ids in any script


def test_ids_in_other_scripts_become_readable_distinct_keys(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "judges.ftm.json", [
        person("судья-3", "Oleg One"),
        person("судья-4", "Oleg Two"),
        person("中国法官", "Zhang"),
        person("Судья", "A"),
        person("судья", "B"),  # the same slug as the line above: kept apart by a hash of the id
        person("!!!", "C"),  # no letter or digit: the hash alone
        person("???", "D"),
    ])
    import_ftm(path, tmp_path / "facts")
    keys = {e.name: e.key for e in load_corpus([tmp_path / "facts"]).entities.values()}
    assert len(set(keys.values())) == 7
    assert keys["Oleg One"] == "person:sudya-3" and keys["Oleg Two"] == "person:sudya-4"
    assert keys["Zhang"] == "person:zhongguofaguan"
    assert keys["A"] == "person:sudya"
    assert keys["B"] == "person:sudya-dc7ee4df"  # the example in the README
    assert re.fullmatch(r"person:[0-9a-f]{8}", keys["C"]) and re.fullmatch(r"person:[0-9a-f]{8}", keys["D"])


def test_keys_are_the_same_on_every_run(tmp_path: Path) -> None:
    rows = [person("судья", "A"), person("Судья", "B"), person("!!!", "C")]
    import_ftm(write_lines(tmp_path / "a.ftm.json", rows), tmp_path / "one")
    import_ftm(write_lines(tmp_path / "a.ftm.json", rows), tmp_path / "two")
    assert (tmp_path / "one" / "ftm-a.ftm.yaml").read_text() == (tmp_path / "two" / "ftm-a.ftm.yaml").read_text()


def test_datasets_in_other_scripts_are_distinct_sources(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "j.ftm.json", [person("p1", "A", datasets=["суды", "Суды"])])
    summary = import_ftm(path, tmp_path / "facts")
    assert summary.sources == 2
    corpus = load_corpus([tmp_path / "facts"])
    assert sorted(s.title for s in corpus.sources.values()) == ["FtM dataset Суды", "FtM dataset суды"]


def test_a_very_long_id_gives_a_key_within_the_limit(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "j.ftm.json", [person("x" * 500 + "a", "A"), person("x" * 500 + "b", "B")])
    import_ftm(path, tmp_path / "facts")
    keys = sorted(load_corpus([tmp_path / "facts"]).entities)
    assert len(keys) == 2 and all(len(k) <= 120 for k in keys)


# --- input that is refused, in one line, with nothing written


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "judges.ftm.json", JUDGES, bom=True)
    result = run("import-ftm", str(path), "-o", str(tmp_path / "facts"))
    assert result.exit_code == 0, result.output
    assert set(load_corpus([tmp_path / "facts"]).entities) == {
        "org:court-kyiv-district", "person:q123-judge", "person:q456-judge"}


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "a", "schema": "Person", "properties": {"name": ' + "[" * 100_000 + "]" * 100_000 + "}}",
     "nesting deeper than 32 levels"),
    ('{"id": "a", "schema": "Person", "properties": {"name": ' + "[" * 40 + "]" * 40 + "}}",
     "nesting deeper than 32 levels"),
    ('{"id": "a", "schema": "Person", "properties": {"name": ["A \\ud800"]}}',
     "lone surrogate U+D800 is not allowed in a fact file"),
    ('{"id": "a", "schema": "Person", "properties": {"name": ["A \\uffff"]}}',
     "non-character U+FFFF is not allowed in a fact file"),
    ('{"id": "a\\udc00", "schema": "Person", "properties": {"name": ["A"]}}',
     "lone surrogate U+DC00 is not allowed in a fact file"),
    ('{"id": "a", "schema": "Person", "properties": {"name": ["A"]}, "datasets": "abc"}',
     "'datasets' must be a list of names"),
    ('{"id": "a", "schema": "Person", "properties": {"name": ["A"]}, "datasets": [5]}',
     "'datasets' must be a list of names"),
    ('{"id": ["a"], "schema": "Person", "properties": {"name": ["A"]}}',
     "an FtM entity is a JSON object with 'id' and 'schema'"),
])
def test_bad_lines_are_one_line_errors(tmp_path: Path, line: str, message: str) -> None:
    path = write_lines(tmp_path / "bad.ftm.json", [person("p1", "A Person"), line])
    result = run("import-ftm", str(path), "-o", str(tmp_path / "facts"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:2: {message}\n"
    assert not (tmp_path / "facts").exists()


def test_an_id_written_as_a_number_is_read_as_text(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "j.ftm.json", ['{"id": 5, "schema": "Person", "properties": {"name": ["A"]}}'])
    import_ftm(path, tmp_path / "facts")
    assert set(load_corpus([tmp_path / "facts"]).entities) == {"person:5"}


def test_not_utf8_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.ftm.json"
    path.write_bytes(b'{"id": "a", "schema": "Person", "properties": {"name": ["\xff"]}}\n')
    result = run("import-ftm", str(path), "-o", str(tmp_path / "facts"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: not UTF-8 text\n"


def _noted(record: dict[str, Any]) -> dict[str, Any]:
    return {"id": "a", "schema": "Person",
            "properties": {"name": ["A"], "notes": ["casegraph:" + json.dumps(record)]}}


@pytest.mark.parametrize(("record", "message"), [
    ({"key": 5, "label": "Person"}, "'key' in its casegraph record is a number, not a string"),
    ({"key": "person:a", "label": "Person", "name": "A", "aliases": 5},
     "'aliases' in its casegraph record is a number, not a list"),
    ({"key": "person:a", "label": "Person", "name": "A", "attributes": [1]},
     "'attributes' in its casegraph record is a list, not a mapping"),
    ({"key": "person:a", "label": "Person", "name": "A", "sensitive": "yes"},
     "'sensitive' in its casegraph record is a string, not true or false"),
])
def test_a_hand_edited_casegraph_record_is_one_line(tmp_path: Path, record: dict[str, Any], message: str) -> None:
    path = write_lines(tmp_path / "bad.ftm.json", [_noted(record)])
    result = run("import-ftm", str(path), "-o", str(tmp_path / "facts"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:1: {message}\n"


def test_a_number_past_the_digit_limit_is_one_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "bad.ftm.json", ['{"id": 1' + "0" * 5000 + ', "schema": "Person"}'])
    result = run("import-ftm", str(path), "-o", str(tmp_path / "facts"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:1: a number is too long\n"


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    path = write_lines(tmp_path / "judges.ftm.json", JUDGES)
    result = run("import-ftm", str(path), "-o", str(tmp_path / "a-file" / "facts"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'a-file' / 'facts'}: cannot write here (Not a directory)\n"


@pytest.mark.parametrize(("rows", "message"), [
    ([person("ok", "Fine", datasets=["d"]), person("p1", "A" * 600, datasets=["d"])],
     "2: the imported facts would not validate: 'name' has 600 characters; at most 500 are allowed"),
    ([person("a", "A"), person("b", "B"),
      {"id": "f1", "schema": "Family", "properties": {"person": ["a"], "relative": ["b"], "summary": ["fine"]}},
      {"id": "f2", "schema": "Family", "properties": {"person": ["a"], "relative": ["b"], "summary": ["x " * 50]}}],
     "4: the imported facts would not validate: quote has 50 words; keep evidence to at most 40 words"),
    ([person("a", "A", datasets=["d" * 600])],
     "1: the imported facts would not validate: 'title' has 612 characters; at most 500 are allowed"),
])
def test_what_would_not_validate_names_the_ftm_line(tmp_path: Path, rows: list[dict[str, Any]], message: str) -> None:
    path = write_lines(tmp_path / "bad.ftm.json", rows)
    result = run("import-ftm", str(path), "-o", str(tmp_path / "facts"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:{message}; nothing was written\n"
    assert [p.name for p in (tmp_path / "facts").iterdir()] == []
