"""Hostile and odd inputs to `casegraph extract` and `eval-extract` (issue 19, items 12-13).

A FIFO, an unreadable sub-directory, an oversized article, bidirectional control
characters, a deeply nested gold file: each is one line, and the batch goes on.
Timing (the crafted article that used to be quadratic) is measured in bench/extract.py.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from casegraph.cli import cli
from loaders.extract import extract_articles, read_article
from loaders.extract.clean import MAX_ARTICLE_BYTES, ArticleError
from loaders.facts import validate

REPO = Path(__file__).resolve().parents[1]
GOOD = "Lawyer Emil Ibragimov said that Server Ablaev was detained in Simferopol on 2 May 2023.\n"
CLI = ["-c", "from casegraph.cli import main; main()"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.mark.timeout(60)
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # nobody ever writes to it: reading it would block forever
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    named = tmp_path / "named.txt"
    os.mkfifo(named)
    report = extract_articles([folder, named], tmp_path / "out")
    assert [p.name for p, _o, *_ in report.written] == ["good.txt"]
    assert sorted(msg for _p, msg in report.failed) == [f"{folder / 'pipe.txt'}: not a regular file",
                                                         f"{named}: not a regular file"]
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(named)


@pytest.fixture
def unreadable_dir() -> Iterator[Path]:
    top = Path(tempfile.mkdtemp(prefix="casegraph-extract-unreadable-"))
    os.chmod(top, 0o755)  # noqa: S103 - the unprivileged child must reach it
    (top / "ok.txt").write_text(GOOD, encoding="utf-8")
    os.chmod(top / "ok.txt", 0o644)
    (top / "private").mkdir()
    (top / "private" / "hidden.txt").write_text(GOOD, encoding="utf-8")
    os.chmod(top / "private", 0)
    out = top / "out"
    out.mkdir()
    os.chmod(out, 0o777)  # noqa: S103 - the child writes its draft here
    try:
        yield top
    finally:
        os.chmod(top / "private", stat.S_IRWXU)
        shutil.rmtree(top)


def _drop_file_capabilities() -> None:
    """In the child: root gives up reading what it may not (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_an_unreadable_subdirectory_is_one_line_and_the_batch_goes_on(unreadable_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, *CLI, "extract", str(unreadable_dir), "-o", str(unreadable_dir / "out")],
        preexec_fn=_drop_file_capabilities, cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 1, result.stderr
    assert f"failed: {unreadable_dir / 'private'}: cannot read the directory: Permission denied" \
        in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (unreadable_dir / "out").iterdir()) == ["ok.yaml"]


def test_an_oversized_article_fails_alone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    sentence = "Server Ablaev was detained in Simferopol on 2 May 2023 by officers of the FSB. "
    (folder / "huge.txt").write_text(sentence * (MAX_ARTICLE_BYTES // len(sentence) + 10), encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("extract", str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 1 and "huge.txt" in failed[0] and "more than one article" in failed[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.yaml"]


def test_bidi_and_invisible_characters_are_cleaned_so_drafts_validate(tmp_path: Path) -> None:
    article = tmp_path / "bidi.txt"
    article.write_text(
        "Crimean \u202eTatar\u202c activist detained\n\n"
        "Lawyer Emil Kurbedi\u200bnov said that \u2067Server Ablaev\u2069 was detained in Simfero\u00adpol "
        "on 2 May 2023.\u200f He was taken to the FSB\u200e building.\x0b\n", encoding="utf-8")
    report = extract_articles([article], tmp_path / "out")
    assert not report.failed, report.failed
    draft = report.written[0][1]
    assert validate([draft])[1] == []
    doc = yaml.safe_load(draft.read_text(encoding="utf-8"))
    names = {e["name"] for e in doc["entities"]}
    assert {"Emil Kurbedinov", "Server Ablaev", "Simferopol"} <= names
    text = draft.read_text(encoding="utf-8")
    assert not any(c in text for c in "\u202e\u202c\u2067\u2069\u200b\u200e\u200f\u00ad\x0b")


def test_eval_extract_on_deep_nesting_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "pred").mkdir()
    (tmp_path / "gold").mkdir()
    deep = 5000
    (tmp_path / "pred" / "a.yaml").write_text("source: {key: source:a}\nentities: " + "[" * deep + "]" * deep + "\n",
                                              encoding="utf-8")
    (tmp_path / "gold" / "a.json").write_text('{"source": {"key": "source:a"}, "claims": ' + "[" * deep + "]" * deep
                                              + "}", encoding="utf-8")
    for pred in ("pred", "gold"):
        result = run("eval-extract", str(tmp_path / pred), str(tmp_path / "gold"))
        assert result.exit_code != 0
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and "nesting deeper than" in lines[0], lines[:3]


def test_eval_extract_skips_malformed_entries_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "pred").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred" / "a.yaml").write_text(
        "source: {key: source:a}\nentities: [1, {label: Person}, {key: person:x, label: Person, name: X}]\n"
        "claims: [7, {subject: person:x}]\n", encoding="utf-8")
    (tmp_path / "gold" / "a.yaml").write_text(
        "source: {key: source:a}\nentities: [{key: person:x, label: Person, name: X}]\nclaims: []\n", encoding="utf-8")
    result = run("eval-extract", str(tmp_path / "pred"), str(tmp_path / "gold"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"tp": 1' in result.output
