"""The fast YAML path reads what the line-aware path reads, and never changes a message.

Valid files are read by rapidyaml without line numbers (:func:`graph.yamlfast.load_yaml_fast`);
a file with any problem is read again with lines. So: every problem of every broken
file comes out the same through ``validate(fast=True)`` as through ``fast=False``; the
fast reader's values equal PyYAML's for every file it accepts; and whatever the two
parsers could read differently is left to PyYAML. (The speed itself is measured by
``bench/parse.py``, not tested.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.yamlfast import NotFast, load_yaml_fast
from graph.yamlio import ParseError, load_with_lines
from loaders.facts import Problem, validate
from loaders.synth import write_corpus

REPO = Path(__file__).resolve().parents[1]
BROKEN = REPO / "tests" / "broken"
EXAMPLES = REPO / "examples" / "crimea"


def _broken_runs() -> list[Path]:
    """Each broken file alone, and each cross-file folder as one run."""
    return sorted(p for p in BROKEN.iterdir() if not p.name.startswith("."))


@pytest.mark.parametrize("path", _broken_runs(), ids=lambda p: p.name)
def test_broken_messages_are_the_same_through_the_fast_path(path: Path) -> None:
    fast = validate([path], fast=True)[1]
    slow = validate([path], fast=False)[1]
    assert fast, "every file in tests/broken has a problem"
    assert [str(p) for p in fast] == [str(p) for p in slow]
    assert all(p.line >= 1 for p in fast)


def _yaml_files() -> list[Path]:
    return sorted(
        p for top in (BROKEN, EXAMPLES) for p in top.rglob("*") if p.suffix in (".yaml", ".yml")
    )


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_fast_reader_reads_what_pyyaml_reads(path: Path) -> None:
    try:
        fast = load_yaml_fast(path)
    except NotFast:
        return  # left to the line-aware path: nothing to compare
    except UnicodeDecodeError:
        with pytest.raises(UnicodeDecodeError):
            load_with_lines(path)
        return
    assert fast == load_with_lines(path)


def test_the_example_corpus_takes_the_fast_path_and_gives_the_same_corpus() -> None:
    files = sorted(EXAMPLES.rglob("*.yaml"))
    taken = 0
    for path in files:
        try:
            load_yaml_fast(path)
            taken += 1
        except NotFast:
            pass
    assert taken >= len(files) * 0.8  # the fast path is the common case, not the exception
    fast, fast_problems, _ = validate([EXAMPLES], fast=True)
    slow, slow_problems, _ = validate([EXAMPLES], fast=False)
    assert fast_problems == slow_problems == []
    assert fast.sources == slow.sources
    assert fast.entities == slow.entities
    assert fast.claims.keys() == slow.claims.keys()
    for cid, claim in fast.claims.items():
        other = slow.claims[cid]
        assert [(e.source, e.quote, e.asserted_by, e.confidence, e.qualifiers) for e in claim.evidence] == [
            (e.source, e.quote, e.asserted_by, e.confidence, e.qualifiers) for e in other.evidence
        ]


def test_synthetic_corpus_fast_equals_line_aware(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 400, seed=3)
    files = sorted((tmp_path / "c").rglob("*.yaml"))
    assert files
    for path in files:
        assert load_yaml_fast(path) == load_with_lines(path)


# Each: YAML text where rapidyaml and PyYAML (YAML 1.1) could disagree, so the fast
# path must step aside (NotFast) or read exactly what PyYAML reads.
_TRICKY = {
    "yaml11_bool": "a: yes\nb: No\nc: on\n",
    "yaml11_null": "a: ~\nb: Null\n",
    "octal": "a: 012\n",
    "hex": "a: 0x1F\n",
    "underscore": "a: 1_000\n",
    "sexagesimal": "a: 1:30\n",
    "exp_without_sign": "a: 1e3\n",
    "exp_without_dot": "a: 1.5e3\n",
    "leading_dot": "a: .5\n",
    "inf": "a: .inf\n",
    "value_key": "a: =\n",
    "bool_key": "yes: 1\n",
    "int_key": "2018: x\n",
    "quoted_numbers": "a: \"2018\"\nb: '1.5'\nc: \"true\"\nd: \"\"\n",
    "plain_numbers": "a: 2018\nb: 1.5\nc: -3\nd: true\ne: null\nf:\ng: 1.5e+3\n",
    "dates": "a: 2021-12-03\nb: 2021-12\nc: \"2021-12-03\"\n",
    "anchor_alias": "a: &x [1, 2]\nb: *x\n",
    "tag": "a: !!str 5\nb: !!int '7'\n",
    "merge": "base: {x: 1}\nc:\n  <<: {y: 2}\n",
    "tab": "a:\tb\n",
    "nel": "a: x\x85y\n",
    "line_separator": "a: x\u2028y\n",
    "lone_cr": "a: 1\rb: 2\n",
    "crlf": "a: 1\r\nb: two\r\n",
    "at_sign": "a: @x\n",
    "directive": "%YAML 1.1\n---\na: 1\n",
    "two_docs": "a: 1\n---\nb: 2\n",
    "doc_start": "---\na: 1\n",
    "escapes": "a: \"p\\x41\\u00e9\\t\\\\ \\\"q\\\"\"\nb: 'it''s'\n",
    "folded_literal": "a: >\n  one\n  two\n\n  three\nb: |-\n  x\n   y\nc: |+\n  z\n\nd: e\n",
    "multiline_plain": "a: one\n  two\n\n  three\nb: \"x\n  y\"\n",
    "nfd": "a: \"Cafe\u0301\"\nCafe\u0301: x\n",
    "flow_implicit_null": "a: {x, y}\n",
    "nested_lists": "a: [[yes, '1'], [\"Cafe\u0301\"]]\n",
    "duplicate": "a: 1\na: 2\n",
    "comments": "# c\na: 1 # d\nb: '# e'\n",
    "quoted_ampersand": "a: \"Smith & Co, *x\"\n",
    "unicode": "a: Наріман Джелял\nb: 'Dzhelyal'\n",
    "deep_flow": "a: " + "[" * 40 + "]" * 40 + "\n",
    "deep_block": "".join(" " * i + f"k{i}:\n" for i in range(40)) + " " * 40 + "v: 1\n",
    "too_deep_for_rapidyaml": "a: " + "[" * 100 + "]" * 100 + "\n",
    "fake_close_brackets": "a: [[[[[[[[[[[[[[[[[[[[ ']]]]]]]]]]]]]]]]]]]]]' , " + "[" * 20 + "]" * 40 + "\n",
}


@pytest.mark.parametrize("name", sorted(_TRICKY))
def test_tricky_yaml_is_read_as_pyyaml_reads_it_or_left_to_it(name: str, tmp_path: Path,
                                                             capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(_TRICKY[name].encode("utf-8"))
    try:
        expected = load_with_lines(path)
    except ParseError:
        expected = ParseError
    try:
        fast = load_yaml_fast(path)
    except NotFast:
        pass
    else:
        assert expected is not ParseError, "the fast path accepted a file PyYAML refuses"
        assert fast == expected
    assert capfd.readouterr().err == ""  # rapidyaml's own error printing is kept quiet


def test_cross_file_problem_lines_are_exact_through_the_fast_path(tmp_path: Path) -> None:
    # The two files are each valid (read fast, without lines); the conflict found when
    # merging them names lines in both, so both are read again with lines.
    for sub in ("cross_conflicting_attribute", "cross_conflicting_labels", "cross_same_source_key"):
        shutil.copytree(BROKEN / sub, tmp_path / sub)
        fast = validate([tmp_path / sub], fast=True)[1]
        assert fast == validate([tmp_path / sub], fast=False)[1]
        assert all(isinstance(p, Problem) and p.line >= 1 for p in fast)
        assert all(":0" not in p.message for p in fast)


def test_json_cross_file_problem_lines_are_exact(tmp_path: Path) -> None:
    # The JSON fast path has no lines either: a conflict across JSON files names real lines.
    import json

    import yaml

    for name in ("a.yaml", "b.yaml"):
        doc = yaml.safe_load((BROKEN / "cross_conflicting_attribute" / name).read_text(encoding="utf-8"))
        (tmp_path / name.replace(".yaml", ".json")).write_text(json.dumps(doc, indent=2, default=str))
    problems = validate([tmp_path], fast=True)[1]
    assert problems and problems == validate([tmp_path], fast=False)[1]
    assert all(p.line >= 1 and ":0 " not in p.message and not p.message.endswith(":0") for p in problems)
