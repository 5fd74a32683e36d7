"""The validation cache of fact files (loaders.cache): same results with and without it, and a
cache that is corrupt, truncated, foreign, stale or fought over is never trusted."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from graph.ontology import load_ontology
from loaders import cache as fact_cache
from loaders.facts import validate

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "broken"
EXAMPLES = [ROOT / "examples" / "crimea", ROOT / "examples" / "identity", ROOT / "examples" / "articles" / "real" / "dev-gold"]


def _run(paths: list[Path] | list[str], home: Path | None, **kw: object) -> tuple[object, list[str]]:
    corpus, problems, _files = validate(paths, cache=home, **kw)  # type: ignore[arg-type]
    return corpus, [str(p) for p in problems]


def _same(a: object, b: object) -> None:
    assert a.sources == b.sources  # type: ignore[attr-defined]
    assert a.entities == b.entities  # type: ignore[attr-defined]
    assert a.claims == b.claims  # type: ignore[attr-defined]


def _rows(home: Path) -> int:
    with sqlite3.connect(fact_cache.cache_path(home)) as conn:
        return conn.execute("SELECT count(*) FROM files").fetchone()[0]


def _tamper(home: Path, path: Path, change: callable) -> None:  # type: ignore[valid-type]
    """Rewrite one row's data consistently (check sum included): what a bug or an attacker could do."""
    db = fact_cache.cache_path(home)
    with sqlite3.connect(db) as conn:
        data = json.loads(conn.execute("SELECT data FROM files WHERE path = ?", (str(path.resolve()),)).fetchone()[0])
        change(data)
        text = json.dumps(data)
        conn.execute("UPDATE files SET data = ?, check_sum = ? WHERE path = ?",
                     (text, hashlib.sha1(text.encode()).hexdigest(), str(path.resolve())))


def _rename_source(data: dict) -> None:
    data["s"][1] = "TAMPERED TITLE"


@pytest.mark.parametrize("target", [*EXAMPLES, *sorted(BROKEN.iterdir())], ids=lambda p: p.name)
def test_every_message_and_value_is_the_same_with_and_without_the_cache(target: Path, tmp_path: Path) -> None:
    plain, plain_problems = _run([target], None)
    cold, cold_problems = _run([target], tmp_path)
    warm, warm_problems = _run([target], tmp_path)
    assert cold_problems == plain_problems
    assert warm_problems == plain_problems
    _same(cold, plain)
    _same(warm, plain)


def test_the_whole_broken_corpus_and_the_examples_together(tmp_path: Path) -> None:
    paths = [BROKEN, *EXAMPLES]
    plain, plain_problems = _run(paths, None)
    for _ in range(2):
        cached, problems = _run(paths, tmp_path)
        assert problems == plain_problems
        _same(cached, plain)
    assert _rows(tmp_path) > 0  # the valid files among them were stored


def test_a_warm_run_reads_the_cache_and_an_edit_is_seen_even_with_the_same_size_and_mtime(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "c"
    shutil.copytree(ROOT / "examples" / "crimea", corpus_dir)
    home = tmp_path / "home"
    f = next(corpus_dir.iterdir())
    first, _ = _run([corpus_dir], home)
    # The warm run uses the stored row: a consistent change to it shows (so the cache is read)...
    _tamper(home, f, _rename_source)
    tampered, _ = _run([corpus_dir], home)
    assert next(iter(tampered.sources.values())).title == "TAMPERED TITLE"
    # ...but an edit of the file with the same size and modification time is caught by its hash.
    st = f.stat()
    text = f.read_text(encoding="utf-8")
    title = next(iter(first.sources.values())).title
    edited = text.replace(title, title[::-1], 1)
    assert len(edited.encode()) == len(text.encode()) and edited != text
    f.write_text(edited, encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    after, _ = _run([corpus_dir], home)
    assert next(iter(after.sources.values())).title == title[::-1]


def test_the_same_file_named_another_way_gets_its_own_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = ROOT / "examples" / "crimea"
    _run([target], tmp_path)
    monkeypatch.chdir(ROOT)
    rel, _ = _run(["examples/crimea"], tmp_path)
    plain, _ = _run(["examples/crimea"], None)
    _same(rel, plain)
    assert all(ev.location.startswith("examples/crimea/") for c in rel.claims.values() for ev in c.evidence)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "other-table"])
def test_a_damaged_cache_file_is_set_aside_and_rebuilt(tmp_path: Path, damage: str) -> None:
    target = ROOT / "examples" / "crimea"
    plain, plain_problems = _run([target], None)
    _run([target], tmp_path)
    db = fact_cache.cache_path(tmp_path)
    raw = db.read_bytes()
    if damage == "truncated":
        db.write_bytes(raw[: len(raw) // 2])
    elif damage == "garbage":
        db.write_bytes(b"\x00not a database\xff" * 64)
    elif damage == "empty":
        db.write_bytes(b"")
    else:
        db.unlink()
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE files (path TEXT, data BLOB)")
            conn.execute("INSERT INTO files VALUES ('x', 'y')")
    again, problems = _run([target], tmp_path)
    assert problems == plain_problems
    _same(again, plain)
    assert _rows(tmp_path) == 1  # rebuilt with the one valid file


def test_a_row_whose_check_sum_is_wrong_or_that_does_not_decode_is_a_miss(tmp_path: Path) -> None:
    target = ROOT / "examples" / "crimea"
    plain, _ = _run([target], None)
    _run([target], tmp_path)
    f = next(target.iterdir())
    with sqlite3.connect(fact_cache.cache_path(tmp_path)) as conn:  # data changed, check sum not
        conn.execute("UPDATE files SET data = replace(data, 'Mejlis', 'Mxjlis')")
    again, _ = _run([target], tmp_path)
    _same(again, plain)
    _tamper(tmp_path, f, lambda d: d.__setitem__("c", [["too", "few"]]))  # consistent but malformed
    again, _ = _run([target], tmp_path)
    _same(again, plain)


def test_another_ontology_or_another_version_of_the_code_is_another_context(tmp_path: Path) -> None:
    target = ROOT / "examples" / "crimea"
    f = next(target.iterdir())
    _run([target], tmp_path)
    _tamper(tmp_path, f, _rename_source)
    onto_file = tmp_path / "ontology.yaml"
    onto_file.write_text((ROOT / "graph" / "ontology.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    other, _ = _run([target], tmp_path, ontology=load_ontology(onto_file))
    assert next(iter(other.sources.values())).title != "TAMPERED TITLE"
    # The stored rows belong to one context: the run with the edited ontology replaced them.
    with sqlite3.connect(fact_cache.cache_path(tmp_path)) as conn:
        assert conn.execute("SELECT count(DISTINCT context) FROM files").fetchone()[0] == 1


def test_a_cache_others_may_write_or_that_is_not_ours_is_neither_read_nor_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = ROOT / "examples" / "crimea"
    f = next(target.iterdir())
    _run([target], tmp_path)
    _tamper(tmp_path, f, _rename_source)
    db = fact_cache.cache_path(tmp_path)
    db.chmod(0o666)
    writable, _ = _run([target], tmp_path)
    assert next(iter(writable.sources.values())).title != "TAMPERED TITLE"
    db.chmod(0o600)
    mine, _ = _run([target], tmp_path)
    assert next(iter(mine.sources.values())).title == "TAMPERED TITLE"  # ours again: read
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 4242)  # the file now belongs to someone else
    before = db.read_bytes()
    foreign, _ = _run([target], tmp_path)
    assert next(iter(foreign.sources.values())).title != "TAMPERED TITLE"
    assert db.read_bytes() == before  # and it was not written either


def test_a_symlinked_cache_file_is_not_followed(tmp_path: Path) -> None:
    target = ROOT / "examples" / "crimea"
    elsewhere = tmp_path / "elsewhere.sqlite"
    elsewhere.write_bytes(b"")
    db = fact_cache.cache_path(tmp_path / "home")
    db.parent.mkdir(parents=True)
    db.symlink_to(elsewhere)
    plain, _ = _run([target], None)
    cached, _ = _run([target], tmp_path / "home")
    _same(cached, plain)
    assert elsewhere.read_bytes() == b""


def test_two_runs_at_once_leave_a_whole_cache(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "c"
    for src in EXAMPLES:
        shutil.copytree(src, corpus_dir / src.name)
    home = tmp_path / "home"
    code = ("import sys; from pathlib import Path; from loaders.facts import validate;"
            "c, p, f = validate([sys.argv[1]], cache=Path(sys.argv[2]));"
            "print(len(p), len(c.entities), len(c.claims), sum(len(x.evidence) for x in c.claims.values()))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(corpus_dir), str(home)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT) for _ in range(3)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-500:] for o in outs]
    assert len({o[0] for o in outs}) == 1
    plain, plain_problems = _run([corpus_dir], None)
    cached, problems = _run([corpus_dir], home)
    assert problems == plain_problems
    _same(cached, plain)
    with sqlite3.connect(fact_cache.cache_path(home)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == len(list(corpus_dir.rglob("*.yaml")))


def test_the_cli_uses_the_cache_and_no_cache_bypasses_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from casegraph.cli import cli

    env = {"CASEGRAPH_HOME": str(tmp_path)}
    runner = CliRunner()
    target = str(ROOT / "examples" / "crimea")
    off = runner.invoke(cli, ["validate", "--no-cache", target], env=env)
    assert off.exit_code == 0 and not fact_cache.cache_path(tmp_path).exists()
    on = runner.invoke(cli, ["validate", target], env=env)
    assert on.exit_code == 0 and on.output == off.output
    assert _rows(tmp_path) == 1


# -- the run summary (loaders.incremental): an unchanged corpus answered without reading it ------

SAME = ('judgements:\n  - {keys: ["person:nariman-dzhelyal", "person:nariman-celal"], judgement: same, '
        'by: anna, at: "2026-12-06"}\n')


def _corpus(tmp_path: Path) -> Path:
    """A writable corpus of two examples whose entities a judgement can join."""
    corpus_dir = tmp_path / "corpus"
    shutil.copytree(ROOT / "examples" / "crimea", corpus_dir / "crimea")
    shutil.copytree(ROOT / "examples" / "identity", corpus_dir / "identity")
    return corpus_dir


def _cli(args: list[str], home: Path) -> tuple[int, str]:
    from click.testing import CliRunner

    from casegraph.cli import cli

    result = CliRunner().invoke(cli, args, env={"CASEGRAPH_HOME": str(home)})
    if result.exit_code and result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        return result.exit_code, "".join(traceback.format_exception(result.exception))
    return result.exit_code, result.output


def _no_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading every file fail: what still works is answered from the run summary (or, after an
    edit, from the index: loaders.delta reads the edited files only)."""
    import loaders.facts

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("the files were read")
    monkeypatch.setattr(loaders.facts, "validate_files", refuse)  # imported by loaders.incremental when called


def test_validate_of_an_unchanged_corpus_answers_from_the_summary_with_the_same_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from loaders.incremental import check

    corpus_dir = _corpus(tmp_path)
    (corpus_dir / "judgements.yaml").write_text(SAME, encoding="utf-8")
    home = tmp_path / "home"
    for fmt in ("text", "json"):
        plain = _cli(["validate", "--no-cache", "--format", fmt, str(corpus_dir)], home)
        assert plain[0] == 0
        assert _cli(["validate", "--format", fmt, str(corpus_dir)], home) == plain  # fills the cache
        with monkeypatch.context() as m:
            _no_decoding(m)
            assert check([corpus_dir], cache=home).cached
            assert _cli(["validate", "--format", fmt, str(corpus_dir)], home) == plain
        if fmt == "text":
            assert plain[1].startswith("OK: 2 files, 2 sources, ")


@pytest.mark.parametrize("change", ["file", "judgements", "ontology", "order", "new file", "row"])
def test_validate_falls_back_to_reading_when_anything_changed(tmp_path: Path, change: str) -> None:
    from loaders.incremental import check

    corpus_dir = _corpus(tmp_path)
    home = tmp_path / "home"
    ontology = None
    crimea = corpus_dir / "crimea" / "empr-2022-fsb-agent-network.yaml"
    identity = corpus_dir / "identity" / "celal-interview.yaml"
    paths: list[Path] = [corpus_dir]
    assert not check(paths, cache=home).cached
    before = check(paths, cache=home)
    assert before.cached and before.corpus is None
    if change == "file":
        crimea.write_text(crimea.read_text(encoding="utf-8").replace("Dzhelyal", "Djelyal", 1), encoding="utf-8")
    elif change == "judgements":
        (corpus_dir / "judgements.yaml").write_text(SAME, encoding="utf-8")
    elif change == "ontology":
        onto_file = tmp_path / "ontology.yaml"
        onto_file.write_text((ROOT / "graph" / "ontology.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        ontology = load_ontology(onto_file)
    elif change == "order":
        paths = [identity, crimea]  # the same files, named in another order (entities merge in file order)
    elif change == "new file":
        (corpus_dir / "crimea" / "copy.yaml").write_text(
            identity.read_text(encoding="utf-8").replace("source:celal-interview", "source:celal-copy"), encoding="utf-8")
    else:  # a consistent (check-summed) but forged summary is not trusted when it is not one this code writes
        with sqlite3.connect(fact_cache.cache_path(home)) as conn:
            text = json.dumps({"files": 2, "sources": "many"})
            conn.execute("UPDATE runs SET data = ?, check_sum = ?", (text, hashlib.sha1(text.encode()).hexdigest()))
    got = check(paths, ontology, cache=home)
    plain = check(paths, ontology)
    # An edited or added file is checked on its own against the cached rest (loaders.delta).
    assert got.cached == (change in ("file", "new file"))
    assert got.problems == plain.problems and got.counts == plain.counts and got.files == plain.files
    if not got.cached:
        _same(got.corpus, plain.corpus)
    if change == "judgements":
        assert got.counts["entities"] == before.counts["entities"] - 1  # the two keys are one entity now


def test_problems_and_drafts_are_never_answered_from_a_summary(tmp_path: Path) -> None:
    from loaders.incremental import check

    for target in sorted(BROKEN.iterdir()):
        home = tmp_path / target.name
        plain = check([target])
        for _ in range(2):
            got = check([target], cache=home)
            assert not got.cached and [str(p) for p in got.problems] == [str(p) for p in plain.problems]


def _load_json(args: list[str], home: Path) -> dict:
    code, out = _cli(["load", "--format", "json", *args], home)
    assert code == 0, out
    return json.loads(out)


def _edit_in_neo4j(driver: object, digest_too: bool) -> None:
    with driver.session() as session:  # type: ignore[attr-defined]
        session.run("MATCH (e:Evidence) WITH e ORDER BY e.id LIMIT 1 SET e.quote = 'edited behind casegraph'").consume()
        if digest_too:
            session.run("MATCH (s:Source) WITH s ORDER BY s.key LIMIT 1 SET s.digest = 'edited'").consume()


def test_load_of_an_unchanged_corpus_answers_from_the_summary_and_falls_back_when_anything_differs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, neo4j_env: object, clean_db: object) -> None:
    corpus_dir = _corpus(tmp_path)
    home = tmp_path / "home"
    first = _load_json(["--no-cache", str(corpus_dir)], home)
    assert first["created"]["sources"] == 2
    unchanged = _load_json(["--no-cache", str(corpus_dir)], home)
    assert _load_json([str(corpus_dir)], home) == unchanged  # the full way; stores the digests
    with monkeypatch.context() as m:
        _no_decoding(m)
        assert _load_json([str(corpus_dir)], home) == unchanged  # one read of the digests
        # The database edited behind casegraph's back, digests untouched: a digest-driven load does
        # not see it, with or without the cache (the same answer), and --full always reads the files.
        _edit_in_neo4j(clean_db, digest_too=False)
        assert _load_json([str(corpus_dir)], home) == unchanged
    assert _load_json(["--no-cache", str(corpus_dir)], home) == unchanged
    fixed = _load_json(["--full", str(corpus_dir)], home)
    assert fixed["updated"]["evidence"] == 1
    # A digest that differs in Neo4j (another load, a hand edit): the full way, the same as without the cache.
    _edit_in_neo4j(clean_db, digest_too=True)
    cached = _load_json([str(corpus_dir)], home)
    _edit_in_neo4j(clean_db, digest_too=True)
    assert _load_json(["--no-cache", str(corpus_dir)], home) == cached
    # Another (empty) database: everything is created again, as without the cache.
    with clean_db.session() as session:  # type: ignore[attr-defined]
        session.run("MATCH (n) DETACH DELETE n").consume()
    assert _load_json([str(corpus_dir)], home) == first
    # One file edited: the full warm path, the same answer as without the cache.
    crimea = corpus_dir / "crimea" / "empr-2022-fsb-agent-network.yaml"
    text = crimea.read_text(encoding="utf-8")
    crimea.write_text(text.replace("quote: ", "quote: Edited ", 1), encoding="utf-8")
    cached = _load_json([str(corpus_dir)], home)
    assert cached["updated"]["evidence"] == 1
    crimea.write_text(text, encoding="utf-8")
    _load_json(["--no-cache", str(corpus_dir)], home)
    crimea.write_text(text.replace("quote: ", "quote: Edited ", 1), encoding="utf-8")
    assert _load_json(["--no-cache", str(corpus_dir)], home) == cached
    # Judgements added: the full way (the joined entity), as without the cache.
    judgements = corpus_dir / "judgements.yaml"
    judgements.write_text(SAME, encoding="utf-8")
    cached = _load_json([str(corpus_dir)], home)
    assert cached["removed"]["entities"] == 1  # one of the two joined keys
    judgements.unlink()
    _load_json(["--no-cache", str(corpus_dir)], home)
    judgements.write_text(SAME, encoding="utf-8")
    assert _load_json(["--no-cache", str(corpus_dir)], home) == cached


# -- a few edited files against the cached rest (loaders.delta) ----------------------------------


def _synth(tmp_path: Path, fmt: str = "json") -> Path:
    """A small synthetic corpus whose files share entities (hubs, repeated facts)."""
    out = tmp_path / "synth"
    code, text = _cli(["synth", str(out), "--claims", "300", "--per-source", "12", "--format", fmt], tmp_path / "synth-home")
    assert code == 0, text
    return out


def _files(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in corpus_dir.rglob("*") if p.suffix in (".json", ".yaml"))


def _shared(files: list[Path]) -> tuple[Path, dict, Path, dict]:
    """Two files declaring the same entity with attributes, and that entity in each."""
    seen: dict[str, tuple[Path, dict]] = {}
    for f in files:
        for e in json.loads(f.read_text(encoding="utf-8"))["entities"]:
            if e.get("attributes") and any(isinstance(v, str) for v in e["attributes"].values()):
                if e["key"] in seen and seen[e["key"]][0] != f:
                    return seen[e["key"]][0], seen[e["key"]][1], f, e
                seen.setdefault(e["key"], (f, e))
    raise AssertionError("no entity shared by two files")


def _edit(corpus_dir: Path, change: str) -> bool:
    """Apply one edit to a JSON synth corpus; True when the result is expected to be valid."""
    files = _files(corpus_dir)

    def rewrite(f: Path, fn: callable) -> None:  # type: ignore[valid-type]
        doc = json.loads(f.read_text(encoding="utf-8"))
        fn(doc)
        f.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")

    first, first_e, later, later_e = _shared(files)
    key = later_e["key"]
    if change == "quote":
        rewrite(files[3], lambda d: d["claims"][0].__setitem__("quote", "Edited " + d["claims"][0]["quote"]))
    elif change == "spacing":  # the same content written otherwise: another hash, the same digest
        rewrite(files[3], lambda d: None)
    elif change == "alias":
        rewrite(later, lambda d: next(e for e in d["entities"] if e["key"] == key).setdefault("aliases", []).append("Zed Alias"))
    elif change == "name":
        rewrite(first, lambda d: next(e for e in d["entities"] if e["key"] == key).__setitem__("name", "Renamed First"))
    elif change == "sensitive":
        rewrite(later, lambda d: next(e for e in d["entities"] if e["key"] == key).__setitem__("sensitive", True))
    elif change == "new attribute":
        rewrite(first, lambda d: d["entities"].__setitem__(
            [e["key"] for e in d["entities"]].index(key),
            {**first_e, "attributes": {k: v for k, v in first_e["attributes"].items()
                                       if k != next(a for a, v in first_e["attributes"].items() if isinstance(v, str))}}))
    elif change == "drop entity":
        def drop(d: dict) -> None:
            gone = d["entities"][-1]["key"]
            d["entities"] = d["entities"][:-1]
            d["claims"] = [c for c in d["claims"] if gone not in json.dumps(c)]
        rewrite(files[4], drop)
    elif change == "new entity":
        rewrite(files[4], lambda d: d["entities"].append({"key": "person:zed-new-1", "label": "Person", "name": "Zed New"}))
    elif change == "add file":
        doc = json.loads(files[2].read_text(encoding="utf-8"))
        doc["source"]["key"] = "source:zed-added"
        (corpus_dir / "zzz-added.json").write_text(json.dumps(doc), encoding="utf-8")
    elif change == "delete file":
        files[5].unlink()
    elif change == "attribute conflict":
        attr = next(a for a, v in later_e["attributes"].items() if isinstance(v, str))
        rewrite(later, lambda d: next(e for e in d["entities"] if e["key"] == key)["attributes"].__setitem__(
            attr, later_e["attributes"][attr] + " (other)"))
        return False
    elif change == "generic conflict":
        rewrite(later, lambda d: next(e for e in d["entities"] if e["key"] == key).__setitem__("generic", True))
        return False
    elif change == "source twice":
        other = json.loads(files[1].read_text(encoding="utf-8"))["source"]["key"]
        rewrite(files[6], lambda d: d["source"].__setitem__("key", other))
        return False
    elif change == "broken file":
        rewrite(files[6], lambda d: d["claims"][0].__setitem__("predicate", "NOT_A_TYPE"))
        return False
    else:
        raise AssertionError(change)
    return True


EDITS = ["quote", "spacing", "alias", "name", "sensitive", "new attribute", "drop entity", "new entity", "add file",
         "delete file", "attribute conflict", "generic conflict", "source twice", "broken file"]


@pytest.mark.parametrize("change", EDITS)
def test_an_edited_file_is_checked_against_the_cached_rest_with_the_same_result(
        tmp_path: Path, change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from loaders.incremental import check

    corpus_dir = _synth(tmp_path)
    home = tmp_path / "home"
    assert not check([corpus_dir], cache=home).cached
    valid = _edit(corpus_dir, change)
    plain = check([corpus_dir])
    assert (not plain.problems) == valid, plain.problems
    if valid:
        with monkeypatch.context() as m:
            _no_decoding(m)  # answered from the index, without reading the unchanged files
            got = check([corpus_dir], cache=home)
        assert got.cached
    else:
        got = check([corpus_dir], cache=home)
        assert not got.cached
    assert [str(p) for p in got.problems] == [str(p) for p in plain.problems]
    assert got.counts == plain.counts and got.files == plain.files
    # A second edit on top, of another kind: still the same as without the cache.
    _edit(corpus_dir, "quote" if change != "quote" else "alias")
    assert check([corpus_dir], cache=home).counts == check([corpus_dir]).counts
    code_plain = _cli(["validate", "--no-cache", "--format", "json", str(corpus_dir)], home)
    assert _cli(["validate", "--format", "json", str(corpus_dir)], home) == code_plain


def test_edits_one_after_another_keep_the_summary_exact(tmp_path: Path) -> None:
    from loaders.incremental import check

    corpus_dir = _synth(tmp_path)
    home = tmp_path / "home"
    check([corpus_dir], cache=home)
    for change in ["alias", "new entity", "add file", "sensitive", "delete file", "drop entity", "name", "attribute conflict"]:
        _edit(corpus_dir, change)
        got, plain = check([corpus_dir], cache=home), check([corpus_dir])
        assert [str(p) for p in got.problems] == [str(p) for p in plain.problems], change
        assert got.counts == plain.counts, change


def _dump(driver: object) -> list[str]:
    """Every node and relationship with its properties, as sorted text."""
    with driver.session() as session:  # type: ignore[attr-defined]
        nodes = [json.dumps([sorted(r["l"]), dict(r["p"])], sort_keys=True, default=str)
                 for r in session.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")]
        rels = [json.dumps([r["t"], r["a"], r["b"], dict(r["p"])], sort_keys=True, default=str) for r in session.run(
            "MATCH (a)-[r]->(b) RETURN type(r) AS t, coalesce(a.key, a.id) AS a, coalesce(b.key, b.id) AS b, "
            "properties(r) AS p")]
    return sorted(nodes) + sorted(rels)


def _clear(driver: object) -> None:
    with driver.session() as session:  # type: ignore[attr-defined]
        session.run("MATCH (n) DETACH DELETE n").consume()


@pytest.mark.parametrize("change", ["quote", "spacing", "alias", "name", "sensitive", "new attribute", "drop entity",
                                    "new entity", "add file", "delete file"])
def test_load_after_an_edit_sends_only_the_difference_with_the_same_result(
        tmp_path: Path, change: str, monkeypatch: pytest.MonkeyPatch, neo4j_env: object, clean_db: object) -> None:
    corpus_dir = _synth(tmp_path)
    before = {f: f.read_bytes() for f in _files(corpus_dir)}
    home = tmp_path / "home"
    _load_json(["--no-cache", str(corpus_dir)], home)
    _load_json([str(corpus_dir)], home)  # the full way: stores the digests
    _edit(corpus_dir, change)
    after = {f: f.read_bytes() for f in _files(corpus_dir)}
    with monkeypatch.context() as m:
        _no_decoding(m)
        cached = _load_json([str(corpus_dir)], home)
    cached_db = _dump(clean_db)
    # The same two loads without the cache, from the same database.
    _clear(clean_db)
    for f in after:
        f.unlink()
    for f, data in before.items():
        f.write_bytes(data)
    _load_json(["--no-cache", str(corpus_dir)], home)
    for f in before:
        f.unlink()
    for f, data in after.items():
        f.write_bytes(data)
    plain = _load_json(["--no-cache", str(corpus_dir)], home)
    assert cached == plain
    assert cached_db == _dump(clean_db)
    # (Not for a deleted file, whose source stays as loaded, nor an attribute another file gives alike.)
    if change not in ("spacing", "new attribute", "delete file"):
        assert plain["created"] != plain["removed"] or any(plain["updated"].values()) or any(plain["created"].values())


# -- a quick start: one command imports its own module; one pass finds every file ------------------


def test_every_command_is_in_the_table_of_modules_that_lets_one_command_start_alone() -> None:
    import importlib
    import pkgutil

    import casegraph.cli as cli_package

    found = {}
    for info in pkgutil.iter_modules(cli_package.__path__):
        if not info.name.startswith("_") and info.name != "common":
            for command in getattr(importlib.import_module(f"casegraph.cli.{info.name}"), "COMMANDS", ()):
                found[command.name] = info.name
    assert cli_package.COMMAND_MODULES == found


def test_validate_starts_without_the_graph_libraries() -> None:
    code = ("import sys; from casegraph.cli import cli; cli.commands.get('validate');"
            "print(sorted(m for m in ('networkx', 'rich', 'neo4j', 'importlib.metadata', 'loaders.facts') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert out.strip() == "[]"


def test_one_pass_finds_the_same_fact_and_judgement_files(tmp_path: Path) -> None:
    from loaders.facts import find_fact_files
    from loaders.files import JUDGEMENT_NAMES, scan
    from loaders.judgements import JUDGEMENT_FILES, find_judgement_files

    assert JUDGEMENT_NAMES == JUDGEMENT_FILES
    corpus_dir = _corpus(tmp_path)
    (corpus_dir / "judgements.yaml").write_text(SAME, encoding="utf-8")
    (corpus_dir / "crimea" / "judgements.yml").write_text(SAME, encoding="utf-8")
    (corpus_dir / "identity" / "judgements.yaml").write_text(SAME, encoding="utf-8")
    (corpus_dir / "a-b").mkdir()
    shutil.copy(corpus_dir / "crimea" / "empr-2022-fsb-agent-network.yaml", corpus_dir / "a-b" / "x.yaml")
    (corpus_dir / ".hidden").mkdir()
    (corpus_dir / ".hidden" / "y.yaml").write_text("{}", encoding="utf-8")
    one = corpus_dir / "identity" / "celal-interview.yaml"
    def expected(top: Path) -> list[Path]:
        return sorted(p for p in top.rglob("*") if p.suffix in (".yaml", ".json") and p.name not in JUDGEMENT_FILES
                      and not any(part.startswith(".") for part in p.relative_to(top).parts))

    crimea = expected(corpus_dir / "crimea")
    for paths, facts in [([corpus_dir], expected(corpus_dir)), ([one], [one]), ([corpus_dir / "crimea", one], [*crimea, one]),
                         ([corpus_dir / "judgements.yaml", one], [one])]:
        found, judgements = scan(paths)
        assert found == facts == find_fact_files(paths)
        assert [str(j) for j in judgements] == [str(j) for j in find_judgement_files(paths)]
        assert judgements
