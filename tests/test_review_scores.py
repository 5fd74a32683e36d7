"""The review's corpus matches score as ``extract`` and ``xref`` do: one resolver, one judgement.

A made-up corpus and draft, through :func:`loaders.extract.draft_edit.corpus_candidates` (the
function the review page's corpus list calls): a surname alone that only one person of the
corpus bears is that person at the index's "only person known by that surname" score, as
:class:`graph.identity.IdentityIndex` gives it over a batch; a surname two people of the
corpus share stays a plain candidate.
"""

from __future__ import annotations

from typing import Any

from graph.identity import DOUBT, IdentityIndex, Record
from graph.identity_score import LONE_SURE
from loaders.extract.draft_edit import corpus_candidates

CORPUS = [
    Record("person:ivan-zarbenko", "Person", "Ivan Zarbenko", (), ("source:a1",), origin="corpus"),
    Record("person:lenur-kostadiv", "Person", "Lenur Kostadiv", (), ("source:a2",), origin="corpus"),
    Record("person:edem-kostadiv", "Person", "Edem Kostadiv", (), ("source:a3",), origin="corpus"),
    Record("org:harbour-watch", "Organisation", "Harbour Watch", (), ("source:a1",), origin="corpus"),
]


def _draft(*entities: dict[str, Any], candidates: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"source": {"key": "source:new"}, "draft": {"status": "draft", "candidates": candidates or []},
            "entities": list(entities), "claims": []}


def _batch_score(left: str, right: str) -> tuple[float, str]:
    """The pair's score and reason from the index over the corpus and the draft together (extract's way)."""
    index = IdentityIndex([*CORPUS, Record("person:zarbenko", "Person", "Zarbenko", origin="draft")])
    m = next(m for m in index.candidates(DOUBT) if {m.left, m.right} == {left, right})
    return m.score, m.reason


def test_lone_surname_only_bearer_in_corpus_scores_as_the_index_does() -> None:
    doc = _draft({"key": "person:zarbenko", "label": "Person", "name": "Zarbenko"})
    for corpus in (CORPUS, IdentityIndex(CORPUS)):
        found = corpus_candidates(doc, corpus)
        ours = [c for c in found if c["entity"] == "person:zarbenko"]
        assert [c["same_as"] for c in ours] == ["person:ivan-zarbenko"]
        score, reason = _batch_score("person:zarbenko", "person:ivan-zarbenko")
        assert score == LONE_SURE
        assert ours[0]["score"] == round(score, 2) == 0.91
        assert ours[0]["reason"] == f"{reason} (in the corpus)"
        assert "Ivan Zarbenko is the only person known by that surname" in ours[0]["reason"]
        assert ours[0]["sources"] == ["source:a1"]


def test_lookup_full_records_keep_the_index_score() -> None:
    """With a name index (no sources) and a lookup of full records, as the app does."""
    names = IdentityIndex([Record(r.key, r.label, r.name, origin="corpus") for r in CORPUS])
    asked: list[list[str]] = []

    def lookup(keys: list[str]) -> dict[str, Record]:
        asked.append(keys)
        return {r.key: r for r in CORPUS if r.key in keys}

    doc = _draft({"key": "person:zarbenko", "label": "Person", "name": "Zarbenko"})
    found = corpus_candidates(doc, names, lookup)
    assert asked == [["person:ivan-zarbenko"]]
    assert [(c["same_as"], c["score"], c["sources"]) for c in found] == [("person:ivan-zarbenko", 0.91, ["source:a1"])]


def test_shared_surname_stays_a_plain_candidate_and_asked_pairs_are_left_out() -> None:
    doc = _draft({"key": "person:kostadiv", "label": "Person", "name": "Kostadiv"},
                 {"key": "person:zarbenko", "label": "Person", "name": "Zarbenko"},
                 candidates=[{"entity": "person:zarbenko", "same_as": "person:ivan-zarbenko", "decision": "rejected"}])
    found = corpus_candidates(doc, CORPUS)
    assert {c["same_as"] for c in found} == {"person:lenur-kostadiv", "person:edem-kostadiv"}
    for c in found:
        assert DOUBT <= c["score"] < LONE_SURE
        assert "only person" not in c["reason"]


def test_generic_in_the_full_record_is_judged_again() -> None:
    """The lookup's full record says generic: the pair is judged on it, as before the fix."""
    names = IdentityIndex([Record(r.key, r.label, r.name, origin="corpus") for r in CORPUS])

    def lookup(keys: list[str]) -> dict[str, Record]:
        return {r.key: Record(r.key, r.label, r.name, (), r.sources, False, True, origin="corpus")
                for r in CORPUS if r.key in keys}

    doc = _draft({"key": "person:zarbenko", "label": "Person", "name": "Zarbenko"})
    found = corpus_candidates(doc, names, lookup)
    assert all(c["score"] < LONE_SURE for c in found)
