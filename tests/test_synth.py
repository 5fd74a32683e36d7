"""The synthetic corpus generator (loaders.synth) and ``casegraph synth``."""

from __future__ import annotations

import doctest
import re
import statistics
from pathlib import Path

import pytest
from click.testing import CliRunner

import loaders.synth
from casegraph.cli import cli
from graph.build import build_graph, graph_stats
from graph.errors import FactFileError
from graph.model import Corpus
from graph.ontology import default_ontology
from loaders.facts import Problem, validate
from loaders.synth import SynthSummary, cyrillic, name_variants, write_corpus

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SynthSummary]:
    out = tmp_path_factory.mktemp("synth") / "corpus"
    return out, write_corpus(out, claims=600, seed=7)


@pytest.fixture(scope="module")
def checked(generated: tuple[Path, SynthSummary]) -> tuple[Corpus, list[Problem], list[Path]]:
    return validate([generated[0]])


def test_corpus_validates_and_matches_its_summary(generated, checked) -> None:
    _out, summary = generated
    corpus, problems, files = checked
    assert problems == []
    assert summary.claims == 600
    assert sum(len(c.evidence) for c in corpus.claims.values()) == 600
    assert len(corpus.claims) == summary.distinct_claims
    assert len(corpus.entities) == summary.entities
    assert len(corpus.sources) == summary.sources == summary.files == len(files)
    assert sum(1 for c in corpus.claims.values() if len(c.sources) > 1) == summary.repeated_claims
    assert sum(summary.predicates.values()) == 600
    assert graph_stats(build_graph(corpus))["disputed"] == summary.disputed_claims > 0


def test_files_hold_at_most_claims_per_source(tmp_path: Path) -> None:
    summary = write_corpus(tmp_path / "c", claims=300, seed=2, claims_per_source=7)
    corpus, problems, _files = validate([tmp_path / "c"])
    assert problems == []
    per_source: dict[str, int] = {}
    for claim in corpus.claims.values():
        for ev in claim.evidence:
            per_source[ev.source] = per_source.get(ev.source, 0) + 1
    assert max(per_source.values()) <= 7
    assert summary.claims == sum(per_source.values()) == 300


def test_json_format_validates_and_says_the_same_as_yaml(tmp_path: Path) -> None:
    write_corpus(tmp_path / "yaml", claims=250, seed=5)
    write_corpus(tmp_path / "json", claims=250, seed=5, fmt="json")
    assert all(p.suffix == ".json" for p in (tmp_path / "json").rglob("*.*"))
    from_yaml, problems_yaml, _ = validate([tmp_path / "yaml"])
    from_json, problems_json, _ = validate([tmp_path / "json"])
    assert problems_yaml == problems_json == []
    assert {cid: len(c.evidence) for cid, c in from_yaml.claims.items()} == {
        cid: len(c.evidence) for cid, c in from_json.claims.items()
    }
    assert {k: (e.name, e.aliases, e.attributes) for k, e in from_yaml.entities.items()} == {
        k: (e.name, e.aliases, e.attributes) for k, e in from_json.entities.items()
    }


def test_same_seed_gives_the_same_bytes_and_another_seed_differs(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", claims=300, seed=11)
    again = write_corpus(tmp_path / "b", claims=300, seed=11)
    other = write_corpus(tmp_path / "c", claims=300, seed=12)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    strip = {"out_dir": "", "seconds": 0.0}
    assert {**first.as_dict(), **strip} == {**again.as_dict(), **strip}
    assert other.claims == 300


def test_facts_are_repeated_across_sources_some_with_disagreeing_dates(checked) -> None:
    corpus = checked[0]
    counts = [len(c.sources) for c in corpus.claims.values()]
    assert max(counts) >= 2
    assert sum(1 for n in counts if n >= 2) >= 0.15 * len(counts)
    assert all(len(c.sources) == len(c.evidence) for c in corpus.claims.values())  # never twice in one source
    disputed = [
        c
        for c in corpus.claims.values()
        if len({ev.qualifiers.get("date") for ev in c.evidence if "date" in ev.qualifiers}) > 1
    ]
    assert disputed
    quotes = [{ev.quote for ev in c.evidence} for c in corpus.claims.values() if len(c.evidence) >= 3]
    assert any(len(q) > 1 for q in quotes)  # each source words it its own way


def test_every_relationship_type_dates_of_each_precision_and_short_quotes(checked) -> None:
    corpus = checked[0]
    ontology = default_ontology()
    assert {c.predicate for c in corpus.claims.values()} == set(ontology.relationships)
    roles = {c.key_qualifiers.get("role") for c in corpus.claims.values() if c.predicate == "PARTICIPANT_IN"}
    assert {"target", "perpetrator", "judge", "speaker"} <= roles
    dates = {
        ev.qualifiers["date"] for c in corpus.claims.values() for ev in c.evidence if "date" in ev.qualifiers
    }
    assert {len(d) for d in dates} == {4, 7, 10}
    assert all(len(ev.quote.split()) < 40 for c in corpus.claims.values() for ev in c.evidence)


def test_names_are_fictional_with_variants_across_scripts(checked) -> None:
    corpus = checked[0]
    people = [e for e in corpus.entities.values() if e.label == "Person"]
    assert people
    assert all(any(CYRILLIC.search(a) for a in e.aliases) for e in people)
    aliases = [a for e in people for a in e.aliases]
    assert any(a.endswith("off") for a in aliases)
    assert any(" J" in a or " C" in a for a in aliases)  # dzh -> j / c
    assert all(e.key.startswith("person:") and re.search(r"-\d{5}$", e.key) for e in people)
    assert any(e.sensitive for e in people)
    assert any(e.generic for e in corpus.entities.values())
    assert all(s.url and s.url.startswith("https://example.org/") for s in corpus.sources.values())


def test_name_helpers() -> None:
    assert cyrillic("Dzhemil Khurkarov") == "Джемил Хуркаров"
    variants = name_variants("Dzhemil", "Velkarov", loaders.synth.random.Random(1))
    assert "Джемил Велкаров" in variants and "Velkarov" in variants
    assert "Dzhemil Velkarov" not in variants


def test_degrees_are_skewed(checked) -> None:
    graph = build_graph(checked[0])
    degrees = [d for _node, d in graph.degree()]
    assert max(degrees) >= 5 * statistics.median(degrees)


def test_refuses_a_directory_that_already_holds_fact_files(tmp_path: Path) -> None:
    write_corpus(tmp_path, claims=20, seed=1)
    with pytest.raises(FactFileError, match="already holds fact files"):
        write_corpus(tmp_path, claims=20, seed=1)
    with pytest.raises(ValueError):
        write_corpus(tmp_path / "new", claims=0)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(loaders.synth).failed == 0


def test_cli_synth(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "corpus"
    result = runner.invoke(
        cli, ["synth", str(out), "--claims", "80", "--seed", "3", "--per-source", "10", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "claims (evidence)" in result.output and "80" in result.output
    _corpus, problems, files = validate([out])
    assert problems == [] and len(files) >= 8
    again = runner.invoke(cli, ["synth", str(out), "--claims", "10"])
    assert again.exit_code == 1
    assert "Error:" in again.output and "already holds fact files" in again.output
    assert "Example:" in runner.invoke(cli, ["synth", "--help"]).output
