"""The learned event finder (loaders/extract/learn): its weights are what training makes, it
applies them offline in plain Python, and it adds events the rules miss, with exact quotes."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from casegraph.cli import cli
from loaders.extract.claims import ClaimDraft
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.learn import apply
from loaders.extract.learn.apply import WEIGHTS, Model, learned_events, load_model
from loaders.extract.learn.features import sentence_spans
from loaders.extract.learn.train import main as train_main
from loaders.extract.learn.train import present, train
from loaders.extract.mentions import find_entries, find_people
from loaders.facts import validate
from tests.extract_helpers import check_quotes, extract

CUSTODY = "For Enver Ametov and other Ukrainian hostages, more than one year has passed in Russian custody."
RAIDED = ("On 3 May 2021, officers of the FSB and the National Guard raided the homes of Ruslan Temirov and "
          "Enver Ametov in Simferopol.")


def _with_learned(body: str, keep: str = "all", model: Model | None = None) -> tuple[str, list[ClaimDraft], list[ClaimDraft]]:
    """The rules' claims of ``body``, and the claims the learned finder adds to them. ``keep``:
    the rules' claims the finder sees ("all"; "targets": their events and whom they happened to;
    "none": nothing, as if the rules had found no event, so a test holds whatever the rules learn)."""
    text, ex = extract(body)
    if keep != "all":
        ex.claims = [c for c in ex.claims if keep == "targets" and c.qualifiers.get("role") == "target"]
    gaz = load_gazetteer()
    entries = find_entries(text, gaz)
    people, _ = find_people(text, entries, gaz)
    n = len(ex.claims)
    added = learned_events(text, [m for p in people for m in p.mentions] + entries, ex, model)
    assert added == len(ex.claims) - n
    return text, ex.claims[:n], ex.claims[n:]


def test_retraining_reproduces_the_shipped_weights() -> None:
    # Nobody edits weights.json by hand: `make learn` writes it from the annotated corpus (and
    # the gazetteer's event triggers, which the features use).
    assert train() == WEIGHTS.read_text(encoding="utf-8"), "stale weights: run 'make learn' and commit them"


def test_the_shipped_weights_find_a_detention_in_a_made_up_sentence() -> None:
    text, _rules, learned = _with_learned(CUSTODY, keep="none")
    [claim] = learned
    assert (claim.subject, claim.predicate, claim.object, claim.qualifiers) == (
        "person:enver-ametov", "PARTICIPANT_IN", "event:enver-ametov-detention", {"role": "target"})
    assert text[claim.span[0]:claim.span[1]] == CUSTODY
    assert 0.85 <= claim.confidence <= 0.99 and claim.rule == "learned:detention"
    check_quotes(text, learned)


def test_the_shipped_weights_find_a_perpetrator_in_a_made_up_sentence() -> None:
    text, rules, learned = _with_learned(RAIDED, keep="targets")
    events = {c.object for c in rules}
    assert events == {"event:ruslan-temirov-search", "event:enver-ametov-search"}
    got = {(c.subject, c.object, c.qualifiers.get("role")) for c in learned}
    assert {("org:fsb", ev, "perpetrator") for ev in events} <= got
    check_quotes(text, learned)


def test_what_the_rules_found_is_not_found_twice() -> None:
    text, rules, learned = _with_learned("Ruslan Temirov was detained by the FSB in Simferopol on 3 May 2021.")
    assert ("person:ruslan-temirov", "event:ruslan-temirov-detention") in {(c.subject, c.object) for c in rules}
    assert not [c for c in learned if c.subject == "person:ruslan-temirov"]


def test_if_convicted_is_no_verdict() -> None:
    _text, _rules, learned = _with_learned("If convicted, Mykhailo Petrenko faces up to five years in prison.", keep="none")
    assert not [c for c in learned if c.object.endswith("-verdict")]


# A model that makes every person the target of a detention and every agency its perpetrator:
# what the grouping does with hits, whatever the shipped weights say.
EAGER = Model.from_json('{"threshold": 0.5, "classes": ["detention/perpetrator", "detention/target"], "bias": [5, 5], '
                        '"weights": {}}')


def test_grouping_one_event_per_target_and_the_doers_join_it() -> None:
    body = "Enver Ametov and Ruslan Temirov were detained by the FSB and Memorial."
    text, rules, learned = _with_learned(body, keep="none", model=EAGER)
    got = {(c.subject, c.object, c.qualifiers.get("role")) for c in learned}
    targets = {(s, ev) for s, ev, r in got if r == "target"}
    assert {("person:enver-ametov", "event:enver-ametov-detention"),
            ("person:ruslan-temirov", "event:ruslan-temirov-detention")} <= targets
    assert not [s for s, _ev in targets if s == "org:fsb"]  # a state body is nobody's target
    assert {ev for s, ev, r in got if s == "org:fsb" and r == "perpetrator"} == {ev for _s, ev in targets}
    assert not [s for s, _ev, r in got if s == "org:memorial" and r == "perpetrator"]  # an NGO detains nobody
    assert all(c.confidence == 0.99 for c in learned)
    check_quotes(text, learned)


def test_the_model_is_a_sparse_dot_product() -> None:
    model = Model.from_json('{"threshold": 0.5, "classes": ["arrest/target", "search/perpetrator"], "bias": [-1.0, 0.5],'
                            ' "weights": {"w1:detain": [[0, 2.5]], "L:by": [[0, -0.5], [1, 1.0]]}}')
    p = model.probabilities(["w1:detain", "L:by", "unknown"])
    assert p[0] == 1 / (1 + math.exp(-(-1.0 + 2.5 - 0.5)))
    assert p[1] == 1 / (1 + math.exp(-(0.5 + 1.0)))
    shipped = load_model()
    assert shipped.classes and 0.5 <= shipped.threshold < 1 and len(shipped.bias) == len(shipped.classes)


def test_applying_the_weights_needs_no_training_library() -> None:
    code = "import sys, loaders.extract.draft, loaders.extract.learn.apply as a; a.load_model(); " \
           "assert not [m for m in sys.modules if m.split('.')[0] in ('sklearn', 'scipy', 'numpy')], sys.modules.keys()"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])


def test_sentences_of_the_finder() -> None:
    text = "Title line\n\nMr. Ametov was detained. He said: “Yes.” Then 5 men left.\nNext line"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Title line", "Mr. Ametov was detained.", "He said: “Yes.”", "Then 5 men left.", "Next line"]


def test_extract_learned_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "made-up.txt"
    article.write_text("A poem\n\nEnver Ametov read a poem about the sea.\n", encoding="utf-8")
    monkeypatch.setattr(apply, "load_model", lambda: EAGER)
    for flag, expected in (([], False), (["--learned"], True)):
        out = tmp_path / f"out{len(flag)}"
        result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(out), *flag])
        assert result.exit_code == 0, result.output
        doc = yaml.safe_load((out / "made-up.yaml").read_text(encoding="utf-8"))
        events = {e["key"] for e in doc["entities"] if e["label"] == "Event"}
        assert ("event:enver-ametov-detention" in events) is expected
        assert not validate([out])[1]


def test_a_speaker_a_list_and_a_state_body_are_no_learned_targets() -> None:
    # EAGER makes everyone it may the target of a detention: what is left out is left out by the grouping.
    cases = {
        "Enver Ametov said the sea was calm.": "person:enver-ametov",
        "The sea was calm, said Ambassador Enver Ametov.": "person:enver-ametov",
        "Enver Ametov, a lawyer with Memorial, told reporters the sea was calm.": "person:enver-ametov",
        "Enver Ametov, Ruslan Temirov, Server Mustafayev and Emir-Usein Kuku read poems.": "person:ruslan-temirov",
        "The Russian authorities read a poem about the sea.": "org:russian-authorities",
    }
    for body, who in cases.items():
        _text, _rules, learned = _with_learned(body, keep="none", model=EAGER)
        assert not [c for c in learned if c.subject == who and c.qualifiers.get("role") == "target"], body


def test_no_learned_target_beside_the_one_the_rules_found_in_the_sentence() -> None:
    body = "Ruslan Temirov was detained by the FSB in Simferopol, his neighbour Enver Ametov read a poem."
    _text, rules, learned = _with_learned(body, model=EAGER)
    assert ("person:ruslan-temirov", "event:ruslan-temirov-detention") in {(c.subject, c.object) for c in rules}
    assert not [c for c in learned if c.subject == "person:enver-ametov"]


def test_a_learned_event_is_placed_where_the_sentence_says_it_happened() -> None:
    text, _rules, learned = _with_learned("Masked officers detained Enver Ametov in Simferopol on 3 May 2021.",
                                          keep="none", model=EAGER)
    got = {(c.subject, c.predicate, c.object) for c in learned}
    assert {("person:enver-ametov", "PARTICIPANT_IN", "event:enver-ametov-detention"),
            ("event:enver-ametov-detention", "LOCATED_IN", "place:simferopol")} <= got
    check_quotes(text, learned)


def test_thresholds_are_chosen_by_cross_validation() -> None:
    model = load_model()
    assert model.thresholds is not None and len(model.thresholds) == len(model.classes)
    assert all(0.5 <= t <= 1.0 for t in model.thresholds)
    per = Model.from_json('{"threshold": 0.5, "thresholds": [0.9, 1.0], "classes": ["arrest/target", "search/target"], '
                          '"bias": [0, 0], "weights": {}}')
    assert (per.cut(0), per.cut(1)) == (0.9, 1.0)


def test_the_leave_one_split_out_measure_refuses_held_out_splits(capsys: pytest.CaptureFixture[str]) -> None:
    from loaders.extract.learn import crossval
    from loaders.extract.learn.train import SPLITS

    # valid2 became development material on 2026-12-07; dev5 and dev6 join once their gold is merged.
    assert {"dev4", "valid2", "dev5", "dev6", "dev7", "dev8", "dev9"} <= set(SPLITS) and not {"valid3", "test", "fresh", "test2", "test3", "test4", "test5"} & set(SPLITS)
    for split in ("test", "fresh", "valid3", "test2", "test3", "test4", "test5"):
        with pytest.raises(SystemExit):
            crossval.main([split])
        assert "not a development split" in capsys.readouterr().err
        with pytest.raises(SystemExit):
            train_main(["--splits", "dev", split, "-o", "/nonexistent/weights.json"])
        assert "not a development split" in capsys.readouterr().err


def test_a_split_is_trained_on_once_its_gold_is_in_the_tree(tmp_path: Path) -> None:
    # dev5 and dev6 are listed before they are merged: training then uses what is there, in SPLITS' order.
    for split in ("dev2", "dev", "dev6"):
        (tmp_path / f"{split}-gold").mkdir()
    assert present(["dev", "valid", "dev2", "dev5", "dev6"], tmp_path) == ["dev", "dev2", "dev6"]


OTHER = Model.from_json('{"threshold": 0.5, "classes": ["other/target", "search/target"], "bias": [5, 4], "weights": {}}')
# A search in one sentence, a likelier detention in the other ("swam": a made-up cue).
TWO = Model.from_json('{"threshold": 0.5, "classes": ["search/target", "detention/target"], "bias": [4, 3], '
                      '"weights": {"s:swam": [[1, 3]]}}')


def test_one_learned_event_per_entity_and_none_of_the_catch_all_kind() -> None:
    body = "Enver Ametov read a poem about the sea. Later Enver Ametov swam in the sea."
    # Likeliest the target of an "other" act: nothing is made (annotators group such acts in many ways).
    _text, _rules, learned = _with_learned(body, keep="none", model=OTHER)
    assert not [c for c in learned if c.subject == "person:enver-ametov"]
    # A search in one sentence, a detention in the other: one learned event, the likeliest.
    _text, _rules, learned = _with_learned(body, keep="none", model=TWO)
    assert [c.object for c in learned if c.subject == "person:enver-ametov"] == ["event:enver-ametov-detention"]


def test_whom_the_rules_made_a_target_gets_no_learned_event_of_another_kind() -> None:
    body = "Ruslan Temirov was detained by the FSB in Simferopol on 3 May 2021. Ruslan Temirov read a poem."
    _text, rules, learned = _with_learned(body, model=OTHER)
    assert ("person:ruslan-temirov", "event:ruslan-temirov-detention") in {(c.subject, c.object) for c in rules}
    assert not [c for c in learned if c.subject == "person:ruslan-temirov"]


def test_a_doer_joins_the_act_its_nearest_verb_names() -> None:
    # "sentenced by the FSB" makes the FSB no doer of the search the sentence also names.
    body = "The home of Ruslan Temirov was searched in Simferopol on 3 May 2021, a year after he was sentenced by the FSB."
    text, _rules, learned = _with_learned(body, keep="none", model=EAGER_SEARCH)
    assert ("person:ruslan-temirov", "event:ruslan-temirov-search") in {(c.subject, c.object) for c in learned}
    assert not [c for c in learned if c.subject == "org:fsb"]
    text, _rules, learned = _with_learned("The FSB searched the home of Ruslan Temirov in Simferopol on 3 May 2021.",
                                          keep="none", model=EAGER_SEARCH)
    assert ("org:fsb", "event:ruslan-temirov-search", "perpetrator") in {
        (c.subject, c.object, c.qualifiers.get("role")) for c in learned}
    check_quotes(text, learned)


EAGER_SEARCH = Model.from_json('{"threshold": 0.5, "classes": ["search/perpetrator", "search/target"], "bias": [5, 5], '
                               '"weights": {}}')


def test_a_doer_far_from_the_act_is_another_verbs() -> None:
    far = ("Their car was stopped by the FSB on the road and soon after a group of men in civilian clothes who said "
           "they came from the city arrived and detained Enver Ametov.")
    text, _rules, learned = _with_learned(far, keep="none", model=EAGER)
    assert ("person:enver-ametov", "event:enver-ametov-detention") in {(c.subject, c.object) for c in learned}
    assert not [c for c in learned if c.subject == "org:fsb"]
    near = "Officers of the FSB detained Enver Ametov on the road."
    text, _rules, learned = _with_learned(near, keep="none", model=EAGER)
    assert ("org:fsb", "event:enver-ametov-detention", "perpetrator") in {
        (c.subject, c.object, c.qualifiers.get("role")) for c in learned}
    check_quotes(text, learned)
