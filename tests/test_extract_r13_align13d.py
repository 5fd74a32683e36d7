"""Round 13, align13d: the extractor follows the convention decisions of README "Convention decisions, round 13
(conv13d)" (planned events, unnamed counted groups, coerced confessions, the three wars' keys, witnesses), on
made-up sentences in the shape of each decision."""

from __future__ import annotations

from loaders.extract.annexations import AGGRESSION_2014, CONFLICT_IN_EAST, FULL_SCALE_INVASION
from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _run(body: str) -> Extraction:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return ex


def _kinds(ex: Extraction) -> dict[str, str]:
    return {k: str((e.attributes or {}).get("kind")) for k, e in ex.entities.items() if e.label == "Event"}


def _targets(ex: Extraction, kind: str) -> set[str]:
    kinds = _kinds(ex)
    return {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"
            and kinds.get(c.object) == kind}


# --- point 3: plans, vows and expected events are no events


def test_a_vowed_appeal_is_no_event() -> None:
    ex = _run("Pavel Marchenko was sentenced to five years. He vowed to appeal his sentence to the European Court.")
    assert "appeal" not in _kinds(ex).values()
    assert "verdict" in _kinds(ex).values()


# --- point 5: an unnamed counted group with its own event is a generic collective, the event's target


def test_a_counted_group_detained_by_an_agency_is_the_detentions_target() -> None:
    ex = _run("The ministry called for the release of the 12 Ukrainian fishermen detained by Russia last year.")
    group = [k for k, e in ex.entities.items() if e.label == "Organisation" and e.generic and "fishermen" in k]
    assert group == ["org:12-ukrainian-fishermen-generic"]
    assert ex.entities[group[0]].name == "the 12 Ukrainian fishermen"
    assert group[0] in _targets(ex, "detention")


# --- point 11: a coerced confession is ill-treatment of the person, linked to the case it served


def test_a_coerced_confession_is_ill_treatment_linked_to_the_case() -> None:
    ex = _run("Pavel Marchenko was sentenced to six years on the basis of a coerced confession.")
    assert "person:pavel-marchenko" in _targets(ex, "ill_treatment")
    ev = next(k for k, v in _kinds(ex).items() if v == "ill_treatment")
    assert any(c.subject == ev and c.predicate == "LINKED_TO" and c.object == "case:pavel-marchenko" for c in ex.claims)
    assert ex.entities["person:pavel-marchenko"].sensitive


def test_a_forced_scripted_confession_is_ill_treatment() -> None:
    ex = _run("Pavel Marchenko was forced to issue a scripted confession on state television.")
    assert "person:pavel-marchenko" in _targets(ex, "ill_treatment")


def test_forcing_a_confession_is_ill_treatment_and_pressing_to_testify_is_pressure() -> None:
    assert "person:pavel-marchenko" in _targets(_run("Pavel Marchenko was coerced into confessing to the sabotage."), "ill_treatment")
    assert "person:pavel-marchenko" in _targets(
        _run("Investigators pressured Pavel Marchenko to testify against his neighbour."), "pressure_to_cooperate")


# --- point 13: the three wars keyed as the corpus keys them


def _events(body: str) -> set[str]:
    return {k for k, e in _run(body).entities.items() if e.label == "Event"}


def test_aggression_against_ukraine_is_the_2014_aggression() -> None:
    assert AGGRESSION_2014 in _events("Since the beginning of the Russian aggression against Ukraine in 2014, many were jailed.")


def test_a_full_scale_invasion_is_the_2022_invasion() -> None:
    assert FULL_SCALE_INVASION in _events("On 24 February 2022 Russia launched a full-scale invasion of Ukraine.")


def test_the_war_in_a_text_from_2022_on_is_the_full_scale_invasion() -> None:
    assert FULL_SCALE_INVASION in _events("On 5 March 2023 the ministry spoke. Russia's war against Ukraine goes on.")


def test_the_conflict_in_the_east_before_2022_is_the_corpus_key() -> None:
    assert CONFLICT_IN_EAST in _events(
        "On 8 September 2019 the minister called for a solution to the Russia-instigated conflict in eastern Ukraine.")


# --- point 1: witnesses are people at risk


def test_a_person_questioned_as_a_witness_is_the_target_and_sensitive() -> None:
    ex = _run("On 13 March, journalist Marina Kovalenko was questioned by the FSB as a witness in the case against Pavel Marchenko.")
    assert "person:marina-kovalenko" in _targets(ex, "interrogation")
    assert ex.entities["person:marina-kovalenko"].sensitive


def test_a_person_questioned_over_another_persons_case_is_sensitive() -> None:
    ex = _run("On April 8, agents questioned Marina Kovalenko for three hours over the criminal case brought against "
              "Pavel Marchenko.")
    assert "person:marina-kovalenko" in _targets(ex, "interrogation")
    assert ex.entities["person:marina-kovalenko"].sensitive
    assert not ex.entities["person:pavel-marchenko"].sensitive


def test_a_trial_witness_is_sensitive() -> None:
    ex = _run("During the court hearing on 30 July, the prosecution's two key witnesses, Ivan Petrenko and Pavel Sydorenko, "
              "refused to testify against Oleg Marchenko.")
    witnesses = {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "witness"}
    assert witnesses
    assert all(ex.entities[w].sensitive for w in witnesses)
