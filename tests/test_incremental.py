"""The load stamp (graph.db.stamp): an unchanged corpus is answered with one read while nothing was
written to Neo4j since the last load, and any write behind the cache's back sends the load back to
the digest check, or the full way; an edited file's difference goes in one transaction. Against
the real Neo4j of the test session."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.db.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _corpus(tmp_path: Path) -> Path:
    corpus_dir = tmp_path / "corpus"
    shutil.copytree(ROOT / "examples" / "crimea", corpus_dir / "crimea")
    shutil.copytree(ROOT / "examples" / "identity", corpus_dir / "identity")
    return corpus_dir


def _load(args: list[str], home: Path) -> dict:
    from click.testing import CliRunner

    from casegraph.cli import cli

    result = CliRunner().invoke(cli, ["load", "--format", "json", *args], env={"CASEGRAPH_HOME": str(home)})
    assert result.exit_code == 0, (result.output, result.exception)
    return json.loads(result.output)


class Calls:
    """Counts the calls of a few Store methods (the real ones run)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
        self.n = dict.fromkeys(names, 0)
        for name in names:
            real = getattr(Store, name)

            def counted(store: Store, *a: object, _real: object = real, _name: str = name, **k: object) -> object:
                self.n[_name] += 1
                return _real(store, *a, **k)  # type: ignore[operator]
            monkeypatch.setattr(Store, name, counted)

    def take(self) -> dict[str, int]:
        out = dict(self.n)
        self.n = dict.fromkeys(self.n, 0)
        return out


def _digests(driver: object) -> dict[str, str]:
    with driver.session() as session:  # type: ignore[attr-defined]
        return {r["k"]: r["d"] for r in session.run("MATCH (s:Source) RETURN s.key AS k, s.digest AS d")}


def test_an_unchanged_load_is_one_read_until_something_is_written_behind_the_caches_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, neo4j_env: object, clean_db: object) -> None:
    corpus_dir = _corpus(tmp_path)
    home = tmp_path / "home"
    _load(["--no-cache", str(corpus_dir)], home)
    unchanged = _load(["--no-cache", str(corpus_dir)], home)
    calls = Calls(monkeypatch, "stamp", "same_digests", "load", "load_small")
    assert _load([str(corpus_dir)], home) == unchanged  # the full way: stores the digests and the stamp
    assert calls.take()["load"] == 1
    loaded = _digests(clean_db)
    # Nothing written since: the stamp alone answers (no digest is sent).
    assert _load([str(corpus_dir)], home) == unchanged
    assert calls.take() == {"stamp": 1, "same_digests": 0, "load": 0, "load_small": 0}

    # A hand-written statement that leaves the digests alone: the stamp differs, the digests are
    # checked (and agree: the same answer as without the cache), and the new stamp is kept.
    with clean_db.session() as session:  # type: ignore[attr-defined]
        session.run("MATCH (e:Evidence) WITH e ORDER BY e.id LIMIT 1 SET e.quote = 'edited by hand'").consume()
    assert _load([str(corpus_dir)], home) == unchanged
    assert calls.take() == {"stamp": 1, "same_digests": 1, "load": 0, "load_small": 0}
    assert _load([str(corpus_dir)], home) == unchanged
    assert calls.take() == {"stamp": 1, "same_digests": 0, "load": 0, "load_small": 0}

    # A source's digest changed behind the cache's back (another tool, a hand edit): the stamp and
    # the digests differ, the load takes the full way and Neo4j holds the files' digests again.
    with clean_db.session() as session:  # type: ignore[attr-defined]
        session.run("MATCH (s:Source) WITH s ORDER BY s.key LIMIT 1 SET s.digest = 'edited'").consume()
    cached = _load([str(corpus_dir)], home)
    assert calls.take() == {"stamp": 1, "same_digests": 2, "load": 1, "load_small": 0}  # check, then the new stamp
    assert cached["updated"]["sources"] + cached["unchanged"]["sources"] == 2
    assert _digests(clean_db) == loaded
    assert _load([str(corpus_dir)], home) == unchanged
    assert calls.take()["same_digests"] == 0

    # Another load behind the cache's back (an edited file loaded without the cache): noticed, and
    # the files as they are now loaded again, as without the cache.
    crimea = corpus_dir / "crimea" / "empr-2022-fsb-agent-network.yaml"
    text = crimea.read_text(encoding="utf-8")
    crimea.write_text(text.replace("quote: ", "quote: Elsewhere ", 1), encoding="utf-8")
    _load(["--no-cache", str(corpus_dir)], home)
    assert _digests(clean_db) != loaded
    crimea.write_text(text, encoding="utf-8")
    back = _load([str(corpus_dir)], home)
    assert back["updated"]["evidence"] == 1
    assert _digests(clean_db) == loaded

    # An emptied database: everything is created again.
    with clean_db.session() as session:  # type: ignore[attr-defined]
        session.run("MATCH (n) DETACH DELETE n").consume()
    again = _load([str(corpus_dir)], home)
    assert again["created"]["sources"] == 2 and _digests(clean_db) == loaded


def test_an_edited_file_goes_in_one_transaction_and_leaves_a_stamp_the_next_load_trusts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, neo4j_env: object, clean_db: object) -> None:
    corpus_dir = _corpus(tmp_path)
    home = tmp_path / "home"
    _load([str(corpus_dir)], home)  # the full way: stores the digests and the stamp
    calls = Calls(monkeypatch, "stamp", "same_digests", "load", "load_small")
    crimea = corpus_dir / "crimea" / "empr-2022-fsb-agent-network.yaml"
    text = crimea.read_text(encoding="utf-8")
    crimea.write_text(text.replace("quote: ", "quote: Edited ", 1), encoding="utf-8")
    edited = _load([str(corpus_dir)], home)
    assert edited["updated"]["evidence"] == 1
    assert calls.take() == {"stamp": 1, "same_digests": 0, "load": 0, "load_small": 1}
    after = _digests(clean_db)
    noop = _load([str(corpus_dir)], home)
    assert calls.take() == {"stamp": 1, "same_digests": 0, "load": 0, "load_small": 0}
    # The same files loaded without the cache into the same database: nothing more to do, the same answer.
    assert _load(["--no-cache", str(corpus_dir)], home) == noop
    assert _digests(clean_db) == after
    calls.take()
    # Written behind the cache's back before the next edit (here, outside the corpus's nodes): the
    # stamp differs, so the digests are checked first.
    with clean_db.session() as session:  # type: ignore[attr-defined]
        session.run("CREATE (:Scratch {note: 'written by hand'})").consume()
    # The file is back as it was at the first load, whose digests Neo4j no longer holds: the
    # difference from the last load goes, as for any edit.
    crimea.write_text(text, encoding="utf-8")
    assert _load([str(corpus_dir)], home)["updated"]["evidence"] == 1
    assert calls.take() == {"stamp": 2, "same_digests": 2, "load": 0, "load_small": 1}


def test_an_edit_is_checked_against_every_source_neo4j_holds_as_without_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, neo4j_env: object, clean_db: object) -> None:
    """An edited attribute on the one-transaction path: a source's own edit applies while only the
    corpus's sources mention the entity (Neo4j's count of sources says so, without listing a hub's
    mentions); once another corpus's source in the same database says otherwise, it is refused with
    the very message a load without the cache gives."""
    from click.testing import CliRunner

    from casegraph.cli import cli
    from tests.test_store import target, write_fact_file

    def ann(position: str) -> list[dict[str, object]]:
        return [{"key": "person:ann", "label": "Person", "name": "Ann", "attributes": {"position": position}}]

    corpus_dir, other = tmp_path / "corpus", tmp_path / "other"
    a = write_fact_file(corpus_dir / "a.json", "source:a", [target("person:ann", "event:e1", "Ann.")], ann("head"))
    write_fact_file(corpus_dir / "b.json", "source:b", [target("person:ann", "event:e2", "Ann again.")])
    write_fact_file(corpus_dir / "d.json", "source:d", [target("person:bob", "event:e3", "Bob.")])
    home = tmp_path / "home"
    _load([str(corpus_dir)], home)
    calls = Calls(monkeypatch, "load", "load_small")

    write_fact_file(a, "source:a", [target("person:ann", "event:e1", "Ann.")], ann("deputy"))
    assert _load([str(corpus_dir)], home)["updated"]["entities"] == 1
    assert calls.take() == {"load": 0, "load_small": 1}
    with clean_db.session() as session:  # type: ignore[attr-defined]
        assert session.run("MATCH (n:Person {key: 'person:ann'}) RETURN n.position AS p").single()["p"] == "deputy"

    write_fact_file(other / "c.json", "source:c", [target("person:ann", "event:e4", "Ann, elsewhere.")], ann("deputy"))
    _load(["--no-cache", str(other)], home)
    calls.take()
    write_fact_file(a, "source:a", [target("person:ann", "event:e1", "Ann.")], ann("chief"))
    runner = CliRunner()
    env = {"CASEGRAPH_HOME": str(home)}
    cached = runner.invoke(cli, ["load", str(corpus_dir)], env=env)
    assert calls.take() == {"load": 0, "load_small": 1}
    uncached = runner.invoke(cli, ["load", "--no-cache", str(corpus_dir)], env=env)
    assert cached.exit_code == uncached.exit_code == 1
    assert cached.output == uncached.output
    assert ("attribute 'position' of 'person:ann' is 'chief' in the files but 'deputy' in Neo4j (from source:c); "
            "nothing was loaded") in cached.output
    with clean_db.session() as session:  # type: ignore[attr-defined]
        assert session.run("MATCH (n:Person {key: 'person:ann'}) RETURN n.position AS p").single()["p"] == "deputy"


def test_an_entity_files_declare_in_two_ways_is_merged_from_each_declaration_as_without_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, neo4j_env: object, clean_db: object) -> None:
    """A quote edited in a file whose entity other files declare otherwise (another alias): the
    entity is merged from every declaration (not from the one way a hub is mostly declared), and
    Neo4j ends up as a load without the cache leaves it."""
    from tests.test_cache import _clear, _dump
    from tests.test_store import target, write_fact_file

    def ann(alias: str) -> list[dict[str, object]]:
        return [{"key": "person:ann", "label": "Person", "name": "Ann", "aliases": [alias]}]

    corpus_dir = tmp_path / "corpus"
    a = write_fact_file(corpus_dir / "a.json", "source:a", [target("person:ann", "event:e1", "Ann.")], ann("Anna"))
    write_fact_file(corpus_dir / "b.json", "source:b", [target("person:ann", "event:e2", "Ann again.")], ann("Annie"))
    write_fact_file(corpus_dir / "d.json", "source:d", [target("person:bob", "event:e3", "Bob.")])
    before = a.read_bytes()
    home = tmp_path / "home"
    _load([str(corpus_dir)], home)
    calls = Calls(monkeypatch, "load", "load_small")
    write_fact_file(a, "source:a", [target("person:ann", "event:e1", "Ann, edited.")], ann("Anna"))
    after = a.read_bytes()
    cached = _load([str(corpus_dir)], home)
    assert calls.take() == {"load": 0, "load_small": 1}
    cached_db = _dump(clean_db)
    with clean_db.session() as session:  # type: ignore[attr-defined]
        aliases = session.run("MATCH (n:Person {key: 'person:ann'}) RETURN n.aliases AS a").single()["a"]
    assert {"Anna", "Annie"} <= set(aliases)
    _clear(clean_db)
    a.write_bytes(before)
    _load(["--no-cache", str(corpus_dir)], home)
    a.write_bytes(after)
    assert _load(["--no-cache", str(corpus_dir)], home) == cached
    assert _dump(clean_db) == cached_db
