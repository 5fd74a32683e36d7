"""The fact-file commands through click's CliRunner: output, help, errors, version."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from casegraph.cli import cli

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_FILE = REPO / "examples" / "crimea" / "empr-2022-fsb-agent-network.yaml"

FILE_A = """\
source: {key: "source:a", title: Article A}
entities:
  - {key: "person:x", label: Person, name: Person X}
  - {key: "org:y", label: Organisation, name: Agency Y, attributes: {kind: agency}}
claims:
  - {subject: "person:x", predicate: MEMBER_OF, object: "org:y", role: member, date: "2021", quote: X is in Y}
"""
FILE_B = """\
source: {key: "source:b", title: Article B}
entities:
  - {key: "person:x", label: Person, name: Person X, sensitive: true}
  - {key: "org:y", label: Organisation, name: Agency Y}
  - {key: "event:e", label: Event, name: Event E}
claims:
  - {subject: "person:x", predicate: MEMBER_OF, object: "org:y", role: member, date: "2022", quote: X joined Y}
  - {subject: "org:y", predicate: PARTICIPANT_IN, object: "event:e", role: organiser, quote: Y held E}
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").write_text(FILE_A, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(FILE_B, encoding="utf-8")
    return tmp_path


def _assert_one_line_error(result: Result, message: str) -> None:
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {message}\n"
    assert "Traceback" not in result.output


# --- validate


def test_validate_ok_line(corpus: Path) -> None:
    result = run("validate", str(corpus))
    assert result.exit_code == 0, result.output
    # 2 files, 2 sources, 3 entities; 2 claims (the membership is stated by both) with 3 evidence.
    assert result.stdout == "OK: 2 files, 2 sources, 3 entities, 2 claims, 3 pieces of evidence\n"
    assert result.stderr == ""


def test_validate_ok_line_single_file(corpus: Path) -> None:
    result = run("validate", str(corpus / "a.yaml"))
    assert result.exit_code == 0, result.output
    assert result.stdout == "OK: 1 file, 1 source, 2 entities, 1 claim, 1 piece of evidence\n"


def test_validate_example() -> None:
    raw = yaml.safe_load(EXAMPLE_FILE.read_text(encoding="utf-8"))
    n_entities, n_claims = len(raw["entities"]), len(raw["claims"])
    result = run("validate", str(EXAMPLE_FILE))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"OK: 1 file, 1 source, {n_entities} entities, {n_claims} claims, {n_claims} pieces of evidence\n"
    )


def test_validate_json_when_valid(corpus: Path) -> None:
    result = run("validate", str(corpus), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "files": [str(corpus / "a.yaml"), str(corpus / "b.yaml")],
        "valid": True,
        "problems": [],
    }


def test_validate_json_when_invalid(corpus: Path) -> None:
    (corpus / "c.yaml").write_text(
        "source: {key: 'source:c', title: C, language: English}\nentities: []\n", encoding="utf-8"
    )
    result = run("validate", "--format", "json", str(corpus))
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "files": [str(corpus / n) for n in ("a.yaml", "b.yaml", "c.yaml")],
        "valid": False,
        "problems": [
            {
                "file": str(corpus / "c.yaml"),
                "line": 1,
                "message": "language 'English' is not a language code such as 'en' or 'uk'",
            }
        ],
    }


# --- stats


EXPECTED_STATS = {
    # 2 sources + 3 entities; MENTIONS: a->x,y and b->x,y,e = 5; claims: membership (2 evidence,
    # dates 2021 vs 2022: disputed) and the organiser claim (1 evidence).
    "nodes": 5,
    "relationships": 7,
    "claims": 2,
    "evidence": 3,
    "sources": 2,
    "sensitive": 1,
    "disputed": 1,
    "labels": {"Event": 1, "Organisation": 1, "Person": 1, "Source": 2},
    "types": {"MEMBER_OF": 1, "MENTIONS": 5, "PARTICIPANT_IN": 1},
}


def test_stats_json(corpus: Path) -> None:
    result = run("stats", str(corpus), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == EXPECTED_STATS


def _table_rows(text: str) -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"[│┃|]", line) if c.strip()]
        if len(cells) == 2 and cells[1].isdigit():
            rows[cells[0]] = cells[1]
    return rows


def test_stats_table(corpus: Path) -> None:
    result = run("stats", str(corpus))
    assert result.exit_code == 0, result.output
    out = result.stdout
    for title in ("Nodes by label", "Relationships by type", "Totals"):
        assert title in out
    rows = _table_rows(out)
    for label, count in EXPECTED_STATS["labels"].items():
        assert rows[label] == str(count), label
    for rel_type, count in EXPECTED_STATS["types"].items():
        assert rows[rel_type] == str(count), rel_type
    for what in ("nodes", "relationships", "claims", "evidence", "sources", "sensitive", "disputed"):
        assert rows[what] == str(EXPECTED_STATS[what]), what


def test_stats_table_is_the_default_format(corpus: Path) -> None:
    assert run("stats", str(corpus)).stdout == run("stats", str(corpus), "--format", "table").stdout


# --- help


def test_every_command_has_help_with_an_example() -> None:
    assert {"validate", "stats"} <= set(cli.commands)
    for name in cli.commands:
        for flag in ("--help", "-h"):
            result = run(name, flag)
            assert result.exit_code == 0, (name, result.output)
            assert "Example" in result.stdout, name
            assert "Usage:" in result.stdout, name


def test_group_help_lists_commands_and_example() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    for name in cli.commands:
        assert name in result.stdout


# --- errors


def test_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    for command in ("validate", "stats"):
        _assert_one_line_error(run(command, str(missing)), f"{missing}: no such file or directory")


def test_empty_directory_is_a_one_line_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for command in ("validate", "stats"):
        _assert_one_line_error(
            run(command, str(empty)), f"{empty}: no fact files (*.yaml, *.yml, *.json) in this directory"
        )


def test_missing_path_in_json_mode_is_also_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    _assert_one_line_error(
        run("validate", "--format", "json", str(missing)), f"{missing}: no such file or directory"
    )


def test_verbose_adds_the_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run("-v", "validate", str(missing))
    assert result.exit_code == 1
    assert "Traceback" in result.stderr
    assert "FactFileError" in result.stderr
    assert result.stderr.splitlines()[-1] == f"Error: {missing}: no such file or directory"


def test_no_paths_is_a_usage_error() -> None:
    result = run("validate")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr
    assert "Traceback" not in result.output


# --- version


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip().endswith(f"version {version('casegraph')}")
    assert version("casegraph") == "0.1.0"


# --- a value that is no character is refused before anything is built (issue 19, item 10)

LONE_SURROGATE = (
    '{"source": {"key": "source:s", "title": "T"},\n'
    ' "entities": [{"key": "person:a", "label": "Person", "name": "A \\ud800 B"}]}\n'
)


@pytest.mark.parametrize("command", [
    ["validate"], ["stats"], ["view", "-o", "OUT/v.html"], ["export", "--to", "graphml", "-o", "OUT/g.graphml"],
    ["export", "--to", "json", "-o", "OUT/g.json"], ["export", "--to", "gexf", "-o", "OUT/g.gexf"],
])
def test_a_lone_surrogate_is_one_problem_line_for_every_command(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "s.json"
    path.write_text(LONE_SURROGATE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    result = run(args[0], str(path), *args[1:])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:2: lone surrogate U+D800 is not allowed in a fact file",
        "Error: 1 problem in 1 file; nothing was loaded",
    ]
    assert list((tmp_path / "out").iterdir()) == []
