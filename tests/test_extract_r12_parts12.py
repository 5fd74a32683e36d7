"""Round 12, parts12: the steps of a defendant's proceedings are ``PART_OF`` his case, as the convention of
round 12 lists them (examples/articles/real/README.md): every detention, a transfer in custody, an interrogation,
a travel ban, a search made in the same operation as the arrest; not torture or ill-treatment."""

from __future__ import annotations

import pytest

from loaders.extract.claim_model import Extraction
from loaders.extract.links import events_in_cases, late_events_in_cases
from tests.extract_helpers import check_quotes, extract


def _parts(body: str) -> tuple[set[tuple[str, str]], dict[str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    kinds = {k: (e.attributes or {}).get("kind", "") for k, e in ex.entities.items() if e.label == "Event"}
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF" and c.object.startswith("case:")}, kinds


def _steps(parts: set[tuple[str, str]], case: str) -> set[str]:
    return {s for s, o in parts if o == case}


_SENTENCED = "Ivan Petrenko was sentenced to seven years in prison on charges of sabotage. "


@pytest.mark.parametrize("body, kind", [
    # a detention with neither date nor agency: held under the case all the same
    (_SENTENCED + "The detention of Ivan Petrenko by Russia is unlawful.", "detention"),
    # a transfer in custody (kind ``other``, known by its key)
    (_SENTENCED + "Ivan Petrenko was transferred to a penal colony in Siberia.", "other"),
    # a search in the same operation as the detention that opened the case, named in the next sentence
    ("On 3 May 2019, FSB officers searched the home of Ivan Petrenko in Simferopol. "
     "He was detained and charged with membership of a terrorist organisation.", "search"),
])
def test_steps_of_the_case(body: str, kind: str) -> None:
    parts, kinds = _parts(body)
    assert any(kinds[s] == kind for s in _steps(parts, "case:ivan-petrenko")), (parts, kinds)


def test_search_apart_from_the_arrest_is_not_a_step() -> None:
    parts, kinds = _parts(_SENTENCED + "The trial lasted a year and the verdict was read out in a small courtroom in Rostov. "
                          "Journalists and diplomats were not allowed to attend the hearing, and the defence "
                          "lawyers complained that they had not been given the case file in time to prepare. "
                          "In 2021, police officers searched the home of Ivan Petrenko.")
    assert "search" in kinds.values(), kinds
    assert not any(kinds.get(s) == "search" for s in _steps(parts, "case:ivan-petrenko")), (parts, kinds)


def test_torture_of_a_defendant_is_no_step() -> None:
    parts, kinds = _parts(_SENTENCED + "FSB officers tortured Ivan Petrenko in custody.")
    assert "torture" in kinds.values(), kinds
    assert not any(kinds.get(s) in ("torture", "ill_treatment") for s, _ in parts), (parts, kinds)


def _joint() -> Extraction:
    """A hearing of two defendants held within the trial of one of them (drafted by hand, as the later rules leave it)."""
    ex = Extraction()
    for who in ("ivan-petrenko", "petro-ivanenko"):
        ex.entity(f"person:{who}", "Person", who.replace("-", " ").title())
        ex.entity(f"case:{who}", "LegalCase", f"Case against {who}")
        ex.claim(f"person:{who}", "DEFENDANT_IN", f"case:{who}", (0, 10), 0.8, "test")
        ex.claim(f"person:{who}", "PARTICIPANT_IN", "event:joint-hearing", (0, 10), 0.8, "test", role="target")
    ex.entity("event:joint-hearing", "Event", "Hearing", kind="hearing")
    ex.entity("event:ivan-petrenko-trial", "Event", "Trial", kind="trial")
    ex.claim("event:joint-hearing", "PART_OF", "event:ivan-petrenko-trial", (0, 10), 0.8, "test")
    return ex


def test_a_joint_step_within_a_trial_is_part_of_each_defendants_case() -> None:
    ex = _joint()
    late_events_in_cases(ex)
    parts = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    assert {("event:joint-hearing", "case:ivan-petrenko"), ("event:joint-hearing", "case:petro-ivanenko"),
            ("event:joint-hearing", "event:ivan-petrenko-trial")} <= parts, parts
    ex = _joint()
    cases = {"person:ivan-petrenko": "case:ivan-petrenko", "person:petro-ivanenko": "case:petro-ivanenko"}
    events_in_cases(ex.claims, ex.entities, cases, ex.claim)
    assert sum(c.predicate == "PART_OF" and c.object.startswith("case:") for c in ex.claims) == 2
