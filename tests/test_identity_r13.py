"""One actor, one node (round 13): a state's delegation is a body of its own, one per forum (decision 5e).
Made-up states' wordings throughout; the state names are real only because the resolver reads places."""

from __future__ import annotations

import pytest

from graph.identity import IdentityIndex, Record, compare
from graph.identity_orgs import compare_orgs, forum_of, parse_org
from graph.model import Entity
from loaders.extract.batch import plan_batch


def org(key: str, name: str, source: str, *aliases: str) -> Entity:
    return Entity(key, "Organisation", name, list(aliases), {}, False, False, [source])


def keys_after_batch(drafts: list[list[Entity]]) -> list[dict[str, str]]:
    """Per draft: each drafted key -> the key the batch gives it."""
    plans = plan_batch(drafts)
    return [{e.key: p.rename.get(e.key, e.key) for e in d} for p, d in zip(plans, drafts, strict=True)]


@pytest.mark.parametrize("rep, state", [
    ("Delegation of Poland", "Poland"),
    ("the Belarusian Delegation to the OSCE", "Belarus"),
    ("Permanent Mission of Poland to the United Nations", "Poland"),
    ("Embassy of Poland", "Poland"),
])
def test_a_states_delegation_is_never_the_state(rep: str, state: str) -> None:
    assert compare_orgs(parse_org(rep), parse_org(state)) is False
    # an entity that carries both names (an article folded one into the other) never takes the delegation's key
    folded = Record("org:state", "Organisation", state, [rep])
    assert compare(folded, Record("org:rep", "Organisation", rep)) is None
    # only representation words make the veto: a government of the state is left as it was
    assert compare_orgs(parse_org("Polish government"), parse_org("Poland")) is None


@pytest.mark.parametrize("text, forum", [
    ("the Delegation of Poland to the OSCE", "osce"),
    ("Poland's delegation to the UN Human Rights Council", "un"),
    ("Delegation of Poland to the 1135th Meeting of the Permanent Council", "osce"),
    ("Polish Delegation", ""),
    ("OSCE Special Monitoring Mission to Poland", ""),  # a mission to a country: no forum
])
def test_the_forum_a_delegation_is_sent_to(text: str, forum: str) -> None:
    assert forum_of(text)[1] == forum


def test_delegations_to_two_forums_are_two_bodies_and_without_a_forum_a_candidate() -> None:
    un, osce = parse_org("Polish Delegation to the UN"), parse_org("Delegation of Poland to the OSCE")
    assert compare_orgs(un, osce) is False
    said = compare_orgs(parse_org("Polish delegation"), un)
    assert said and said[0] < 0.9  # which forum? a candidate, never a merge
    idx = IdentityIndex([Record("org:a", "Organisation", "Polish Delegation to the UN"),
                         Record("org:b", "Organisation", "Delegation of Poland to the OSCE"),
                         Record("org:c", "Organisation", "Polish delegation")])
    assert not [m for m in idx.candidates() if m.sure]


def test_a_batch_never_folds_delegations_into_the_state() -> None:
    """One article folded "Delegation of Poland" into the state; another names the delegation: two keys."""
    drafts = [[org("org:poland", "Poland", "source:a", "Delegation of Poland")],
              [org("org:poland", "Poland", "source:b")],
              [org("org:delegation-of-poland", "Delegation of Poland", "source:c")]]
    after = keys_after_batch(drafts)
    assert after[2]["org:delegation-of-poland"] == "org:delegation-of-poland"


def test_a_delegation_without_its_forum_is_the_one_to_its_articles_council() -> None:
    """"the Polish delegation" in an article at the UN Human Rights Council and the same words in one at the OSCE
    Permanent Council: each joins its forum's delegation, and the two never meet."""
    un_council = org("org:un-human-rights-council", "UN Human Rights Council", "source:a")
    pc = org("org:osce-permanent-council", "OSCE Permanent Council", "source:c", "Permanent Council")
    drafts = [[un_council, org("org:polish-delegation", "Polish delegation", "source:a")],
              [org("org:polish-delegation-to-the-un", "Polish Delegation to the UN", "source:b")],
              [pc, org("org:polish-delegation", "Polish delegation", "source:c")],
              [org("org:polish-delegation-to-the-osce", "Polish Delegation to the OSCE", "source:d")]]
    after = keys_after_batch(drafts)
    assert after[0]["org:polish-delegation"] == "org:polish-delegation-to-the-un"
    assert after[2]["org:polish-delegation"] == "org:polish-delegation-to-the-osce"


def test_an_article_naming_two_councils_gives_no_forum() -> None:
    """Both forums' councils named: which one the delegation spoke at is for a person to say (a candidate)."""
    drafts = [[org("org:un-human-rights-council", "UN Human Rights Council", "source:a"),
               org("org:osce-permanent-council", "OSCE Permanent Council", "source:a"),
               org("org:polish-delegation", "Polish delegation", "source:a")],
              [org("org:polish-delegation-to-the-un", "Polish Delegation to the UN", "source:b")],
              [org("org:polish-delegation-to-the-osce", "Polish Delegation to the OSCE", "source:d")]]
    plans = plan_batch(drafts)
    assert "org:polish-delegation" not in plans[0].rename
    assert {c["same_as"] for c in plans[0].candidates} >= {"org:polish-delegation-to-the-un",
                                                            "org:polish-delegation-to-the-osce"}


def test_a_body_named_without_its_parent_is_the_one_whose_parent_its_article_names() -> None:
    """Two Parliamentary Assemblies known (the Council of Europe's, the OSCE's): "the Parliamentary Assembly" in an
    article that names the Council of Europe is the Council of Europe's; in one naming neither, a candidate only."""
    pace = org("org:pace", "Parliamentary Assembly of the Council of Europe", "source:a", "PACE")
    osce_pa = org("org:osce-pa", "OSCE Parliamentary Assembly", "source:b")
    drafts = [[pace], [osce_pa],
              [org("org:coe", "Council of Europe", "source:c"), org("org:pa", "Parliamentary Assembly", "source:c")],
              [org("org:pa2", "Parliamentary Assembly", "source:d", "the Assembly")]]
    after = keys_after_batch(drafts)
    assert after[2]["org:pa"] == "org:pace"
    drafts = [[pace], [osce_pa], [org("org:pa2", "Parliamentary Assembly", "source:d")]]
    assert keys_after_batch(drafts)[2]["org:pa2"] == "org:pa2"
    # an article naming both parents: which one is for a person to say
    drafts = [[pace], [osce_pa], [org("org:coe", "Council of Europe", "source:c"), org("org:osce", "OSCE", "source:c"),
                                  org("org:pa", "Parliamentary Assembly", "source:c")]]
    assert keys_after_batch(drafts)[2]["org:pa"] == "org:pa"
