"""Hostile fact files cost about their own size to refuse, and every message is one safe line.

The exact message of each hostile file is in ``tests/test_validation_errors.py``
(``EXPECTED``); here: the same files under a memory and a time limit, the other
files of a run still checked, Unicode normalisation, length limits from the
ontology, unreadable directories, escaping in what the CLI prints, and the
property-type registry.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import unicodedata
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.db import server
from graph.errors import OntologyError
from graph.model import PartialDate, claim_id
from graph.ontology import PROPERTY_TYPES, Limits, default_ontology, load_ontology
from graph.text import escape_control, nfc
from graph.types import TYPES, Spec, ValueProblem, check_value, flatten, flatten_any
from loaders.facts import count_words, load_corpus, validate

REPO = Path(__file__).resolve().parents[1]
B = "tests/broken"
GOOD = "examples/crimea/empr-2022-fsb-agent-network.yaml"
HOSTILE = ["alias_bomb.yaml", "alias_recursive.yaml", "deep_flow.yaml", "deep_block.yaml", "deep_json.json",
           "raw_nul.yaml", "raw_bel.yaml", "raw_esc.yaml", "raw_esc.json"]
# Address space: the library fits in 256 MiB, the CLI (which imports the Neo4j driver) in 1 GiB;
# unpatched, the 613-byte bomb took 11 GB.
LIBRARY_MEMORY = 256 << 20
CLI_MEMORY = 1 << 30
TIME_LIMIT = 60  # seconds of CPU; a refused file takes milliseconds, the unpatched bomb took minutes
CLI = ["-c", "from casegraph.cli import main; main()"]


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def _run_limited(args: list[str], memory: int = CLI_MEMORY) -> subprocess.CompletedProcess[str]:
    """Run a Python command in a child process under a memory and a CPU-time limit."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT, TIME_LIMIT))

    return subprocess.run(
        [sys.executable, *args], cwd=REPO, preexec_fn=limit, capture_output=True, text=True,
        timeout=TIME_LIMIT * 3, check=False,
    )


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _fact(key: str, entities: str, claims: str = "") -> str:
    return f"source:\n  key: {key}\n  title: Fixture\nentities:\n{entities}" + (f"claims:\n{claims}" if claims else "")


# --- hostile files under a memory and a time limit


def test_hostile_files_are_refused_within_memory_and_time_limits() -> None:
    code = (
        "import json, sys; from loaders.facts import validate; "
        "print(json.dumps([str(p) for p in validate(sys.argv[1:])[1]]))"
    )
    result = _run_limited(["-c", code, *(f"{B}/{name}" for name in HOSTILE)], LIBRARY_MEMORY)
    assert result.returncode == 0, result.stderr[-2000:]
    problems = json.loads(result.stdout)
    assert [p.split(":")[0] for p in problems] == sorted(f"{B}/{name}" for name in HOSTILE)


def test_bigger_alias_bomb_costs_no_more(tmp_path: Path) -> None:
    # Ten levels of ten (10^10 values if expanded), written the other way round: anchors inside the value.
    levels = "".join(
        f"        - &l{i} [" + ", ".join([f"*l{i - 1}"] * 10 if i else ["lol"] * 10) + "]\n" for i in range(10)
    )
    bomb = _write(tmp_path / "bomb.yaml", _fact(
        "source:bomb", "  - key: person:a\n    label: Person\n    name: A\n    attributes:\n      note:\n" + levels,
    ))
    result = _run_limited([*CLI, "validate", str(bomb)])
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{bomb}:13: YAML aliases expand to more than 10000 values",
        "Error: 1 problem in 1 file; nothing was loaded",
    ]


def test_deep_nesting_at_parser_limits_is_one_line(tmp_path: Path) -> None:
    # Past libyaml's own limit (1000) and Python's recursion limit: still one line each, no traceback.
    deep = [
        _write(tmp_path / "flow.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n"),
        _write(tmp_path / "deep.json", '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        _write(tmp_path / "broken.yaml", "a: " + "[" * 900 + "]" * 899 + "}\n"),
    ]
    result = _run_limited([*CLI, "validate", *map(str, deep)])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        f"{deep[2]}:1: invalid YAML: did not find expected ',' or ']'",
        f"{deep[1]}:1: nesting deeper than 32 levels",
        f"{deep[0]}:1: nesting deeper than 32 levels",
        "Error: 3 problems in 3 files; nothing was loaded",
    ]


def test_other_files_are_still_checked() -> None:
    _corpus, problems, files = validate([f"{B}/deep_json.json", f"{B}/raw_nul.yaml", GOOD, f"{B}/bad_url.yaml"])
    assert len(files) == 4
    assert [p.file for p in problems] == [f"{B}/bad_url.yaml", f"{B}/deep_json.json", f"{B}/raw_nul.yaml"]


def test_aliases_within_budget_are_fine(tmp_path: Path) -> None:
    path = _write(tmp_path / "anchors.yaml", _fact(
        "source:anchors",
        "  - key: person:a\n    label: Person\n    name: &n Ann Lee\n    aliases: &al [A. Lee]\n"
        "  - key: person:b\n    label: Person\n    name: Bo Lee\n    aliases: *al\n"
        "    attributes: {position: *n}\n",
    ))
    corpus = load_corpus([path])
    assert corpus.entities["person:b"].aliases == ["A. Lee"]
    assert corpus.entities["person:b"].attributes == {"position": "Ann Lee"}


# --- Unicode


def test_nfc_and_nfd_spellings_are_one_claim_and_one_name(tmp_path: Path) -> None:
    role = "député"
    nfd_role = unicodedata.normalize("NFD", role)
    assert nfd_role != role
    entities = ("  - key: person:a\n    label: Person\n    name: {name}\n    aliases: [{alias}]\n"
                "  - key: org:b\n    label: Organisation\n    name: Organisation B\n")
    claim = "  - {{subject: person:a, predicate: MEMBER_OF, object: org:b, role: \"{role}\", quote: q}}\n"
    a = _write(tmp_path / "a.yaml", _fact("source:a", entities.format(name="Zoë", alias="Zoë Ä"), claim.format(role=role)))
    b = _write(tmp_path / "b.json", json.dumps({
        "source": {"key": "source:b", "title": "Fixture"},
        "entities": [
            {"key": "person:a", "label": "Person", "name": unicodedata.normalize("NFD", "Zoë"),
             "aliases": [unicodedata.normalize("NFD", "Zoë Ä")]},
            {"key": "org:b", "label": "Organisation", "name": "Organisation B"},
        ],
        "claims": [{"subject": "person:a", "predicate": "MEMBER_OF", "object": "org:b", "role": nfd_role,
                    "quote": "q"}],
    }, ensure_ascii=True))
    corpus = load_corpus([a, b])
    assert len(corpus.claims) == 1
    (claim_,) = corpus.claims.values()
    assert claim_.key_qualifiers == {"role": role}
    assert len(claim_.evidence) == 2
    person = corpus.entities["person:a"]
    assert person.name == "Zoë" and person.aliases == ["Zoë Ä"]
    assert claim_id("person:a", "MEMBER_OF", "org:b", {"role": nfd_role}) == claim_.id


def test_non_ascii_digits_are_not_dates() -> None:
    for value in ("２０２２", "٢٠٢٢-٠١", "2022-٠١", "२०२२"):
        with pytest.raises(ValueError, match="is not a date"):
            PartialDate.parse(value)
    assert PartialDate.parse("2022-01").earliest == "2022-01-01"


def test_quote_words_are_counted_properly() -> None:
    assert count_words("one two  three") == 3
    assert count_words("one,two,three") == 3
    assert count_words("twenty-one words, don't count") == 4
    assert count_words("x" * 1000) == 1
    assert count_words("一二三") == 3


# --- length limits: what validates loads


def test_limits_come_from_the_ontology(tmp_path: Path) -> None:
    text = (REPO / "graph" / "ontology.yaml").read_text(encoding="utf-8")
    assert default_ontology().limits == Limits(key=200, name=500, string=1000, text=20000, quote_chars=600)
    onto_path = _write(tmp_path / "onto.yaml", text.replace("  name: 500 ", "  name: 5   "))
    onto = load_ontology(onto_path)
    assert onto.limits.name == 5
    fact = _write(tmp_path / "f.yaml", _fact("source:f", "  - key: person:a\n    label: Person\n    name: Person A\n"))
    assert [str(p) for p in validate([fact], onto)[1]] == [
        f"{fact}:3: 'title' has 7 characters; at most 5 are allowed",
        f"{fact}:7: 'name' has 8 characters; at most 5 are allowed",
    ]
    bad = _write(tmp_path / "bad.yaml", text.replace("  name: 500 ", "  names: 500 "))
    with pytest.raises(OntologyError, match=r"bad.yaml:\d+: unknown limit 'names'"):
        load_ontology(bad)


def test_values_at_the_limits_validate(tmp_path: Path) -> None:
    limits = default_ontology().limits
    key = "person:" + "a" * (limits.key - len("person:"))
    name = "𝕏" * limits.name  # four bytes each in UTF-8
    fact = _write(tmp_path / "f.yaml", _fact(
        "source:" + "s" * (limits.key - len("source:")),
        f"  - key: {key}\n    label: Person\n    name: {name}\n    attributes:\n      note: {'n' * limits.text}\n",
    ))
    assert validate([fact])[1] == []


# --- directories


@pytest.fixture
def unreadable_dir() -> Iterator[Path]:
    top = Path(tempfile.mkdtemp(prefix="casegraph-unreadable-"))
    os.chmod(top, 0o755)  # noqa: S103 - the unprivileged child must reach it
    _write(top / "ok.yaml", _fact("source:ok", "  - key: person:a\n    label: Person\n    name: A\n"))
    (top / "private").mkdir()
    _write(top / "private" / "hidden.yaml", "not: checked\n")
    os.chmod(top / "ok.yaml", 0o644)
    os.chmod(top / "private", 0)
    try:
        yield top
    finally:
        os.chmod(top / "private", stat.S_IRWXU)
        shutil.rmtree(top)


def _drop_file_capabilities() -> None:
    """In the child: root gives up reading what it may not (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH).

    Dropped from the bounding set, so the command run after exec never has them.
    """
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_unreadable_subdirectory_is_an_error(unreadable_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, *CLI, "validate", str(unreadable_dir)], preexec_fn=_drop_file_capabilities,
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Error: {unreadable_dir / 'private'}: cannot read this directory (Permission denied)"
    ]


# --- what is printed


def test_cli_escapes_control_characters(tmp_path: Path) -> None:
    evil = _write(tmp_path / "evil\x1b[31m.json", json.dumps({
        "source": {"key": "source:evil", "title": "Fixture"},
        "entities": [{"key": "person:a", "label": "Person", "name": "A"}],
        "\x1b]0;owned\x07notes\u202e": "x",
    }))
    result = CliRunner().invoke(cli, ["validate", str(evil)])
    assert result.exit_code == 1
    shown = escape_control(str(evil))
    assert result.stderr.splitlines()[0] == (
        f"{shown}:1: unknown field '\\x1b]0;owned\\x07notes\\u202e' in the fact file (allowed: claims, entities, source)"
    )
    assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output
    missing = CliRunner().invoke(cli, ["validate", str(tmp_path / "gone\x1b[2J")])
    assert missing.stderr == f"Error: {tmp_path}/gone\\x1b[2J: no such file or directory\n"


def test_escape_control_keeps_text_readable() -> None:
    assert escape_control("Нариман Джелял") == "Нариман Джелял"
    assert escape_control("a\tb\nc\x7f\x9b") == "a\\tb\\nc\\x7f\\x9b"
    assert nfc("e\u0301") == "\u00e9"


# --- the property-type registry


def test_registry_is_the_ontology_types() -> None:
    assert frozenset(TYPES) == PROPERTY_TYPES
    for label in default_ontology().labels.values():
        for spec in label.properties.values():
            assert spec.type in TYPES
            assert (spec.max_chars is not None) == (spec.type in ("string", "text", "list"))


@pytest.mark.parametrize(("spec", "value", "normalised", "flat"), [
    (Spec("position", "string", max_chars=50), "  head\u0301 ", "head\u0301", "head\u0301"),
    (Spec("case_number", "string", max_chars=50), 5, "5", "5"),
    (Spec("note", "text", max_chars=50), "line one\nline two", "line one\nline two", "line one\nline two"),
    (Spec("founded", "date"), 2014, "2014", "2014"),
    (Spec("count", "integer"), 3, 3, 3),
    (Spec("share", "number"), 0.5, 0.5, 0.5),
    (Spec("flag", "boolean"), False, False, False),
    (Spec("charges", "list", max_chars=50), ["RU CC 281", " RU CC 275"], ["RU CC 281", "RU CC 275"],
     "RU CC 281; RU CC 275"),
    (Spec("gender", "enum", ("female", "male")), "female", "female", "female"),
])
def test_each_type_checks_normalises_and_flattens(spec: Spec, value: object, normalised: object, flat: object) -> None:
    got = check_value(spec, value)
    assert got == normalised
    assert flatten(spec.type, got) == flat


@pytest.mark.parametrize(("spec", "value", "message"), [
    (Spec("position", "string", max_chars=5), "x" * 6, "'position' has 6 characters; at most 5 are allowed"),
    (Spec("position", "string", max_chars=5), True, "'position' must be a string, not a boolean"),
    (Spec("position", "string", max_chars=50), "a\x1bb", "'position' contains the control character U+001B"),
    (Spec("founded", "date"), "x" * 10_000, "'founded': '" + "x" * 20 + "...' is not a date "
     "(expected YYYY, YYYY-MM or YYYY-MM-DD)"),
    (Spec("count", "integer"), 1.5, "'count' must be an integer, not a number"),
    (Spec("charges", "list", max_chars=50), "RU CC 281", "'charges' must be a list of strings"),
    (Spec("gender", "enum", ("female", "male")), ["female"] * 10_000,
     "'gender' is a list, expected one of: female, male"),
])
def test_each_type_refuses_with_one_short_line(spec: Spec, value: object, message: str) -> None:
    with pytest.raises(ValueProblem) as info:
        check_value(spec, value)
    assert str(info.value) == message


def test_flatten_any_for_untyped_values() -> None:
    evidence = [{"source": "source:a", "quote": "q", "confidence": 0.5}]
    assert json.loads(str(flatten_any(evidence))) == evidence
    assert flatten_any(["a", "b"]) == "a; b"
    assert flatten_any(None) == ""
    assert flatten_any(True) is True


# --- Neo4j Browser's static server


@pytest.mark.neo4j
def test_browser_server_survives_incomplete_requests(neo4j_server: server.ServerInfo) -> None:
    assert neo4j_server.browser_url is not None
    url = urlsplit(neo4j_server.browser_url)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    hostile = []
    try:
        for _ in range(40):  # once, four of these froze the server for everyone
            conn = socket.create_connection((host, port), timeout=90)
            conn.sendall(f"GET /browser/ HTTP/1.1\r\nHost: {host}:{port}\r\n".encode())  # never finished
            hostile.append(conn)
        with urllib.request.urlopen(neo4j_server.browser_url, timeout=90) as response:  # noqa: S310 - local
            assert response.status == 200
        for conn in hostile:  # the server hung up on each incomplete request
            try:
                assert conn.recv(1) == b""
            except ConnectionResetError:
                pass
    finally:
        for conn in hostile:
            conn.close()


# --- clear errors: the Neo4j URI


@pytest.mark.parametrize(("uri", "message"), [
    ("bolt://127.0.0.1:abc", "Error: bad Neo4j URI 'bolt://127.0.0.1:abc': the port must be a number from 1 to 65535"),
    ("bolt://127.0.0.1:99999",
     "Error: bad Neo4j URI 'bolt://127.0.0.1:99999': the port must be a number from 1 to 65535"),
    ("bolt://neo4j:s3cret@127.0.0.1:7687",
     "Error: bad Neo4j URI 'bolt://***@127.0.0.1:7687': put the user name and password in NEO4J_USERNAME "
     "and NEO4J_PASSWORD, not in the URI"),
    ("neo4j://u:s3cret@127.0.0.1:abc", "Error: bad Neo4j URI 'neo4j://***@127.0.0.1:abc': put the user name and "
     "password in NEO4J_USERNAME and NEO4J_PASSWORD, not in the URI"),
    ("bolt://:7687", "Error: bad Neo4j URI 'bolt://:7687': no host name"),
    ("neo4j://[::1", "Error: bad Neo4j URI 'neo4j://[::1': Invalid IPv6 URL"),
])
def test_bad_neo4j_uri_is_one_line_without_credentials(monkeypatch: pytest.MonkeyPatch, uri: str,
                                                       message: str) -> None:
    monkeypatch.setenv("NEO4J_URI", uri)
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")
    result = CliRunner().invoke(cli, ["stats", "--from", "neo4j"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [message]
    assert "s3cret" not in result.output
