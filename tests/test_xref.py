"""xref and judgements: candidates, checks, merge where files become the model, split again, Neo4j."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner, Result

from casegraph.cli import cli
from graph.build import build_graph
from graph.db.server import ServerInfo
from graph.errors import ValidationFailed
from graph.xref import xref_graph
from loaders.facts import load_corpus, validate
from loaders.judgements import read_judgements, record_judgement

REPO = Path(__file__).resolve().parents[1]
CRIMEA = REPO / "examples" / "crimea"

OTHER = """\
source: {key: "source:celal-interview", title: "Interview with Nariman Celâl", published: "2022-10"}
entities:
  - {key: "person:nariman-celal", label: Person, name: Nariman Celâl, aliases: [Джелял], sensitive: true}
  - {key: "org:mejlis", label: Organisation, name: Mejlis of the Crimean Tatar People, aliases: [Mejlis]}
  - {key: "person:nikolay-polozov", label: Person, name: Nikolay Polozov}
  - {key: "person:seyran-akhtemov", label: Person, name: Seyran Akhtemov}
claims:
  - {subject: "person:nariman-celal", predicate: LEADS, object: "org:mejlis", role: first deputy head,
     quote: "Nariman Celâl, first deputy head of the Mejlis"}
  - {subject: "person:nikolay-polozov", predicate: DEFENDS, object: "person:nariman-celal",
     quote: "his lawyer Nikolay Polozov"}
"""


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(next(CRIMEA.glob("*.yaml")), d / "empr.yaml")
    (d / "celal.yaml").write_text(OTHER, encoding="utf-8")
    return d


def judge(folder: Path, *lines: str) -> Path:
    path = folder / "judgements.yaml"
    path.write_text("judgements:\n" + "".join(f"  - {line}\n" for line in lines), encoding="utf-8")
    return path


SAME_DZ = '{keys: ["person:nariman-dzhelyal", "person:nariman-celal"], judgement: same, by: anna, at: "2026-12-06"}'
SAME_PO = '{keys: ["person:nikolai-polozov", "person:nikolay-polozov"], judgement: same, by: anna, at: "2026-12-06"}'


# --- xref --------------------------------------------------------------------------------

def test_xref_finds_the_spellings_best_first_with_reasons(corpus_dir: Path) -> None:
    rows = xref_graph(build_graph(load_corpus([corpus_dir])))
    pairs = [{r.left, r.right} for r in rows]
    assert {"person:nariman-dzhelyal", "person:nariman-celal"} in pairs
    assert {"person:nikolai-polozov", "person:nikolay-polozov"} in pairs
    assert all("seyran" not in r.left + r.right for r in rows)   # no other Akhtemov or Seyran to meet
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    dz = next(r for r in rows if {r.left, r.right} == {"person:nariman-dzhelyal", "person:nariman-celal"})
    assert dz.sure and "transliteration" in dz.reason
    assert "source:celal-interview" in dz.left_sources + dz.right_sources and dz.left_context and dz.right_context


def test_xref_makes_a_lone_surname_the_only_person_known_by_it(corpus_dir: Path) -> None:
    """A source naming "Polozov" alone: two Polozov spellings are one man, so he is sure; "Akhtemov"
    alone beside Seyran Akhtemov and Asan Akhtemov (a second source) stays a candidate for each."""
    (corpus_dir / "lone.yaml").write_text(
        'source: {key: "source:lone", title: "Court news"}\nentities:\n'
        '  - {key: "person:polozov", label: Person, name: Polozov}\n'
        '  - {key: "person:akhtemov", label: Person, name: Akhtemov}\n'
        '  - {key: "person:asan-akhtemov", label: Person, name: Asan Akhtemov}\n', encoding="utf-8")
    rows = {frozenset((r.left, r.right)): r for r in xref_graph(build_graph(load_corpus([corpus_dir])))}
    for full in ("person:nikolai-polozov", "person:nikolay-polozov"):
        lone = rows[frozenset(("person:polozov", full))]
        assert lone.sure and "the only person known by that surname" in lone.reason
    for full in ("person:seyran-akhtemov", "person:asan-akhtemov"):
        shared = rows[frozenset(("person:akhtemov", full))]
        assert not shared.sure and "2 people have that surname" in shared.reason


def test_xref_cli_table_json_limit_and_judged_pairs_left_out(corpus_dir: Path) -> None:
    table = run("xref", str(corpus_dir))
    assert table.exit_code == 0, table.output
    assert "Nikolay Polozov" in table.output and "may be one actor" in table.output
    data = json.loads(run("xref", str(corpus_dir), "--format", "json", "--limit", "1").output)
    assert len(data["candidates"]) == 1 and data["candidates"][0]["score"] >= 0.9
    judge(corpus_dir, '{keys: ["person:nikolai-polozov", "person:nikolay-polozov"], judgement: different, by: b, at: 2026-12-06}')
    data = json.loads(run("xref", str(corpus_dir), "--format", "json").output)
    assert all({c["left"], c["right"]} != {"person:nikolai-polozov", "person:nikolay-polozov"} for c in data["candidates"])


def test_xref_redact_shows_no_protected_name(corpus_dir: Path) -> None:
    result = run("xref", str(corpus_dir), "--format", "json", "--redact")
    assert result.exit_code == 0, result.output
    # Single name parts such as "Celâl" are also the public aliases of Nariman Dzhelyal (examples/crimea),
    # so the exit filter leaves them (a public person's name is not a secret); the protected names are gone.
    for secret in ("Nariman Celâl", "Nariman Celal", "nariman-celal"):
        assert secret not in result.output, secret
    # The pair of the protected person and a spelling that may be theirs: the other side withheld too.
    [pair] = [c for c in json.loads(result.output)["candidates"] if "withheld" in c["reason"]]
    assert "nariman-dzhelyal" not in json.dumps(pair) and pair["right_sources"] + pair["left_sources"]


def test_xref_review_writes_judgements_atomically_and_refuses_a_contradiction(corpus_dir: Path) -> None:
    path = corpus_dir / "judgements.yaml"
    rows = xref_graph(build_graph(load_corpus([corpus_dir])))
    first = {rows[0].left, rows[0].right}
    result = run("xref", str(corpus_dir), "--review", "--by", "anna", input="s\nq\n")
    assert result.exit_code == 0, result.output
    assert "Same actor?" in result.output and "1 same" in result.output
    [j] = read_judgements(path)[0]
    assert {j.left, j.right} == first and j.verdict == "same" and j.by == "anna" and j.at.endswith("Z")
    assert not list(corpus_dir.glob(".judgements*"))              # no temporary file left
    corpus = load_corpus([corpus_dir])                              # validates and applies
    assert len([k for k in first if k in corpus.entities]) == 1
    # The merged pair is no longer a candidate; the next one is asked next.
    again = run("xref", str(corpus_dir), "--review", "--by", "ben", input="u\nq\n")
    assert again.exit_code == 0 and "1 unsure" in again.output
    assert len(read_judgements(path)[0]) == 2


def test_review_refuses_a_different_inside_a_same_group(tmp_path: Path) -> None:
    from graph.xref import Candidate
    from loaders.identity_review import review_candidates

    path = tmp_path / "judgements.yaml"
    record_judgement(path, "person:a", "person:b", "same", "anna")
    record_judgement(path, "person:b", "person:c", "same", "anna")
    cand = Candidate(0.7, False, "person:a", "A", "person:c", "C", "why", [], [], "", "")
    said: list[str] = []
    tally = review_candidates([cand], path, "ben", lambda p, c: "d", said.append)
    assert tally.refused == 1 and len(read_judgements(path)[0]) == 2
    assert any("refused" in s for s in said)


# --- judgements: checks -------------------------------------------------------------------

def problems_of(folder: Path) -> list[str]:
    return [str(p) for p in validate([folder])[1]]


def test_validate_reports_contradictions_with_file_and_line(corpus_dir: Path) -> None:
    path = judge(corpus_dir, SAME_DZ,
                 '{keys: ["person:nariman-celal", "person:seyran-akhtemov"], judgement: same, by: a, at: 2026-12-06}',
                 '{keys: ["person:seyran-akhtemov", "person:nariman-dzhelyal"], judgement: different, by: b, at: 2026-12-06}')
    [problem] = problems_of(corpus_dir)
    assert problem.startswith(f"{path}:4: ") and "judged different here but the same through line 2" in problem
    assert "line 3" in problem


@pytest.mark.parametrize("line, message", [
    ('{keys: ["person:nobody", "person:nariman-celal"], judgement: same, by: a, at: 2026-12-06}', "unknown entity key 'person:nobody'"),
    ('{keys: ["person:nariman-celal", "org:mejlis"], judgement: same, by: a, at: 2026-12-06}', "cannot be one entity"),
    ('{keys: ["org:fsb", "org:russian-occupation-authorities"], judgement: same, by: a, at: 2026-12-06}', "collective"),
    ('{keys: ["person:nariman-celal"], judgement: same, by: a, at: 2026-12-06}', "'keys' must be two entity keys"),
    ('{keys: ["person:a", "person:b"], judgement: maybe, by: a, at: 2026-12-06}', "judgement must be one of"),
    ('{keys: ["person:a", "person:b"], judgement: same, at: 2026-12-06}', "needs 'by'"),
    ('{keys: ["person:a", "person:b"], judgement: same, by: a, at: yesterday}', "needs 'at'"),
    ('{keys: ["person:a", "person:b"], judgement: same, by: a, at: 2026-12-06, why: x}', "unknown field 'why'"),
])
def test_validate_checks_each_judgement(corpus_dir: Path, line: str, message: str) -> None:
    path = judge(corpus_dir, line)
    found = problems_of(corpus_dir)
    assert any(p.startswith(f"{path}:2: ") and message in p for p in found), found


def test_a_pair_judged_twice_is_a_problem(corpus_dir: Path) -> None:
    path = judge(corpus_dir, SAME_DZ, SAME_DZ.replace("same", "different"))
    [problem] = problems_of(corpus_dir)
    assert problem.startswith(f"{path}:3: ") and "judged already at" in problem


# --- judgements: merge and split again ------------------------------------------------------

def test_load_applies_same_and_deleting_it_splits_again(corpus_dir: Path) -> None:
    before = load_corpus([corpus_dir])
    judge(corpus_dir, SAME_DZ, SAME_PO)
    merged = load_corpus([corpus_dir])
    assert "person:nariman-celal" not in merged.entities and "person:nikolay-polozov" not in merged.entities
    dz = merged.entities["person:nariman-dzhelyal"]
    assert dz.sensitive is True                                         # sensitive if any merged entity is
    assert {"Nariman Celâl", "Джелял"} <= set(dz.aliases)
    assert set(dz.sources) == {"source:empr-2022-fsb-agent-network", "source:celal-interview"}
    assert set(merged.entities["person:nikolai-polozov"].sources) == set(dz.sources)
    defends = [c for c in merged.claims.values() if c.predicate == "DEFENDS"]
    # The same fact from two sources is now one claim with two pieces of evidence.
    [one] = defends
    assert (one.subject, one.object) == ("person:nikolai-polozov", "person:nariman-dzhelyal")
    assert sorted(ev.source for ev in one.evidence) == ["source:celal-interview", "source:empr-2022-fsb-agent-network"]
    assert sum(len(c.evidence) for c in merged.claims.values()) == sum(len(c.evidence) for c in before.claims.values())
    # Views, analysis and exports see the resolved graph, and the redaction filter too.
    g = build_graph(merged)
    assert g.nodes["person:nariman-dzhelyal"]["sensitive"] and "person:nariman-celal" not in g
    (corpus_dir / "judgements.yaml").unlink()
    again = load_corpus([corpus_dir])
    assert set(again.entities) == set(before.entities)
    for key, e in before.entities.items():
        assert (again.entities[key].aliases, again.entities[key].sources, again.entities[key].sensitive) == \
            (e.aliases, e.sources, e.sensitive)
    assert set(again.claims) == set(before.claims)


def test_loading_some_files_of_a_corpus_applies_its_judgements(corpus_dir: Path) -> None:
    judge(corpus_dir, SAME_DZ, SAME_PO)
    files = [corpus_dir / "empr.yaml", corpus_dir / "celal.yaml"]
    merged = load_corpus(files)                                     # no judgements file named
    assert "person:nariman-celal" not in merged.entities and "person:nikolay-polozov" not in merged.entities
    assert merged.entities["person:nariman-dzhelyal"].sensitive is True
    assert set(build_graph(merged)) == set(build_graph(load_corpus([corpus_dir])))
    # One file alone: the judgements about keys it does not declare wait for the whole corpus.
    alone = load_corpus([corpus_dir / "celal.yaml"])
    assert {"person:nariman-celal", "person:nikolay-polozov"} <= set(alone.entities)
    # Named with the files, the same; inside a directory given, a key no file declares is refused.
    assert set(load_corpus([corpus_dir / "celal.yaml", corpus_dir / "judgements.yaml"]).entities) == set(alone.entities)
    judge(corpus_dir, SAME_DZ, '{keys: ["person:nobody", "person:nariman-celal"], judgement: same, by: a, at: 2026-12-06}')
    assert "person:nariman-celal" not in load_corpus(files).entities
    with pytest.raises(ValidationFailed):
        load_corpus([corpus_dir])


def test_the_exit_filter_redacts_the_merged_in_spelling(corpus_dir: Path, tmp_path: Path) -> None:
    judge(corpus_dir, SAME_DZ)
    out = tmp_path / "export.json"
    result = run("export", str(corpus_dir), "-o", str(out), "--redact")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for secret in ("Dzhelyal", "Celâl", "Джелял", "nariman-dzhelyal", "nariman-celal"):
        assert secret not in text, secret


def test_a_bad_judgements_file_refuses_the_load(corpus_dir: Path) -> None:
    judge(corpus_dir, '{keys: ["person:nobody", "person:nariman-celal"], judgement: same, by: a, at: 2026-12-06}')
    with pytest.raises(ValidationFailed):
        load_corpus([corpus_dir])


def _entities(driver: neo4j.Driver) -> dict[str, dict[str, Any]]:
    with driver.session() as s:
        rows = s.run("MATCH (e:Entity) OPTIONAL MATCH (src:Source)-[:MENTIONS]->(e) "
                     "RETURN e.key AS key, e.aliases AS aliases, e.sensitive AS sensitive, collect(src.key) AS sources")
        return {r["key"]: {"aliases": r["aliases"], "sensitive": r["sensitive"], "sources": sorted(r["sources"])}
                for r in rows}


def _evidence(driver: neo4j.Driver) -> set[tuple[str, str, str, str]]:
    with driver.session() as s:
        rows = s.run("MATCH (c:Claim)<-[:SUPPORTS]-(ev:Evidence) RETURN c.subject AS s, c.predicate AS p, "
                     "c.object AS o, ev.source AS src")
        return {(r["s"], r["p"], r["o"], r["src"]) for r in rows}


def test_neo4j_load_merges_by_judgement_and_splits_again(corpus_dir: Path, neo4j_env: ServerInfo,
                                                          clean_db: neo4j.Driver) -> None:
    assert run("load", str(corpus_dir)).exit_code == 0
    split = _entities(clean_db)
    evidence = _evidence(clean_db)
    judge(corpus_dir, SAME_DZ)
    result = run("load", str(corpus_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    merged = _entities(clean_db)
    assert "person:nariman-celal" not in merged
    dz = merged["person:nariman-dzhelyal"]
    assert dz["sensitive"] is True and "Nariman Celâl" in dz["aliases"]
    assert dz["sources"] == ["source:celal-interview", "source:empr-2022-fsb-agent-network"]
    assert len(_evidence(clean_db)) == len(evidence)                    # every piece of evidence kept
    # xref reads the graph back from Neo4j the same way.
    data = json.loads(run("xref", "--from", "neo4j", "--format", "json").output)
    pairs = [{c["left"], c["right"]} for c in data["candidates"]]
    assert {"person:nikolai-polozov", "person:nikolay-polozov"} in pairs
    assert all("person:nariman-celal" not in p for p in pairs)
    # Reloading unchanged files and judgements changes nothing.
    assert not any(json.loads(run("load", str(corpus_dir), "--format", "json").output)[k]["entities"]
                   for k in ("created", "updated", "removed"))
    (corpus_dir / "judgements.yaml").unlink()
    assert run("load", str(corpus_dir)).exit_code == 0
    again = _entities(clean_db)
    assert set(again) == set(split)
    assert again["person:nariman-celal"] == split["person:nariman-celal"]
    assert _evidence(clean_db) == evidence                               # nothing lost
    # Both entities are exactly as before the judgement: the key that kept the group gives back
    # the other's names and its `sensitive` flag, since only the loaded sources mention it.
    assert again == split
    assert "Джелял" not in again["person:nariman-dzhelyal"]["aliases"]
    assert not again["person:nariman-dzhelyal"]["sensitive"] and again["person:nariman-celal"]["sensitive"] is True
    # Judged the same again, and the files loaded by name: the corpus's judgements apply, one node once more.
    judge(corpus_dir, SAME_DZ)
    assert run("load", str(corpus_dir / "empr.yaml"), str(corpus_dir / "celal.yaml")).exit_code == 0
    assert _entities(clean_db) == merged


def test_an_entity_another_load_has_half_written_keeps_its_names(tmp_path: Path, neo4j_server: ServerInfo,
                                                                   clean_db: neo4j.Driver) -> None:
    """The exact rewrite of an entity only this load's sources mention (the split again) leaves alone
    an entity that no source mentions yet: another load wrote it and has not written its mentions."""
    from graph.db.load import Loader
    from graph.db.store import Store

    def corpus(name: str, extra: str) -> Path:
        d = tmp_path / name
        d.mkdir()
        (d / f"{name}.yaml").write_text(
            f'source: {{key: "source:{name}", title: "{name}"}}\nentities:\n'
            f'  - {{key: "person:fictional-witness", label: Person, name: Fictional Witness{extra}}}\n', encoding="utf-8")
        return d

    a, b = load_corpus([corpus("a", ', aliases: ["Witness A"], sensitive: true')]), load_corpus([corpus("b", "")])
    with Store.connect(neo4j_server.bolt_uri, neo4j_server.username, neo4j_server.password()) as store:
        store.load(b)
        with store.driver.session() as s:  # load A's entity write, its mentions not yet written
            s.execute_write(lambda tx: Loader(store)._load_entities(tx, a, ["person:fictional-witness"]))
            s.run("MATCH (:Source {key: 'source:b'})-[m:MENTIONS]->() DELETE m").consume()
        store.load(b, full=True)  # B alone again, while no source mentions the witness
    node = _entities(clean_db)["person:fictional-witness"]
    assert node["sensitive"] is True and node["aliases"] == ["Witness A"]


def test_xref_and_judgements_end_to_end_on_the_real_development_corpus(tmp_path: Path) -> None:
    """The annotated real articles (examples/articles/real/dev-gold): xref lists pairs, a `same`
    judgement written by --review merges them where files become the model, deleting it splits them."""
    d = tmp_path / "real"
    shutil.copytree(REPO / "examples" / "articles" / "real" / "dev-gold", d)
    before = load_corpus([d])
    listed = run("xref", str(d), "--format", "json")
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)["candidates"]
    assert rows and all(r["reason"] and r["left_sources"] and r["right_sources"] for r in rows)
    left, right = rows[0]["left"], rows[0]["right"]
    reviewed = run("xref", str(d), "--review", "--by", "anna", input="s\nq\n")
    assert reviewed.exit_code == 0 and "1 same" in reviewed.output, reviewed.output
    assert not validate([d])[1]
    merged = load_corpus([d])
    [kept] = [k for k in (left, right) if k in merged.entities]
    assert len(merged.entities) == len(before.entities) - 1
    assert set(merged.entities[kept].sources) == set(before.entities[left].sources) | set(before.entities[right].sources)
    gone = ({left, right} - {kept}).pop()
    assert all(gone not in (c.subject, c.object) for c in merged.claims.values())   # claims follow the kept key
    again = run("xref", str(d), "--format", "json")
    assert {left, right} not in [{r["left"], r["right"]} for r in json.loads(again.output)["candidates"]]
    (d / "judgements.yaml").unlink()                                   # the judgement deleted: two again
    split = load_corpus([d])
    assert {left, right} <= set(split.entities)
    assert split.entities[left].sources == before.entities[left].sources
    assert split.entities[right].sources == before.entities[right].sources
