"""Round 9 verb forms of the acts done to people, on made-up sentences: the forms of search, detention,
charge, hearing, trial, verdict, appeal, release, ill-treatment, pressure to cooperate and interrogation that
the triggers did not read before (a list of owners before "were searched", "charged X with", "a hearing on
X's case", "beat X", "held in inhuman conditions", "not receiving medical care", "taken for questioning")."""

from __future__ import annotations

import pytest

from tests.extract_helpers import check_quotes, extract


def _events(body: str) -> dict[str, set[tuple[str, str]]]:
    """Each event's kind -> the (participant key, role) pairs of its PARTICIPANT_IN claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    kinds = {k: str(e.attributes.get("kind")) for k, e in ex.entities.items() if e.label == "Event"}
    out: dict[str, set[tuple[str, str]]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.object in kinds:
            out.setdefault(kinds[c.object], set()).add((c.subject, str(c.qualifiers.get("role"))))
    return out


A = "person:oleksandr-petrenko"
B = "person:mykola-bondar"


@pytest.mark.parametrize(("body", "kind"), [
    ("The homes of Oleksandr Petrenko and Mykola Bondar were searched on 5 March.", "search"),
    ("FSB officers came to search Oleksandr Petrenko's home on 5 March.", "search"),
    ("A court in Simferopol remanded Oleksandr Petrenko in custody for two months.", "detention"),
    ("Investigators charged Oleksandr Petrenko with sabotage.", "charge"),
    ("Oleksandr Petrenko has been accused of sabotage.", "charge"),
    ("At a hearing on Oleksandr Petrenko's case, the judge refused the motion.", "hearing"),
    ("The next hearing in Oleksandr Petrenko's case is scheduled for 5 March.", "hearing"),
    ("The court heard the case of Oleksandr Petrenko on 5 March.", "hearing"),
    ("Oleksandr Petrenko was tried by a military court in Rostov.", "trial"),
    ("Oleksandr Petrenko was given 12 years in a strict regime colony.", "verdict"),
    ("The Supreme Court upheld Oleksandr Petrenko's sentence.", "appeal"),
    ("Oleksandr Petrenko's release was welcomed.", "release"),
    ("The officers beat Oleksandr Petrenko during the detention.", "ill_treatment"),
    ("Oleksandr Petrenko was held in inhuman conditions.", "ill_treatment"),
    ("Oleksandr Petrenko is not receiving adequate medical care.", "ill_treatment"),
    ("Oleksandr Petrenko was mistreated in custody.", "ill_treatment"),
    ("FSB officers pressured Oleksandr Petrenko to cooperate.", "pressure_to_cooperate"),
    ("Oleksandr Petrenko was pressured into signing a false statement.", "pressure_to_cooperate"),
    ("Oleksandr Petrenko exposed the attempt of the FSB to recruit him as a secret informant.", "pressure_to_cooperate"),
    ("Oleksandr Petrenko was taken for questioning.", "interrogation"),
    ("Oleksandr Petrenko was taken to the FSB building for questioning.", "interrogation"),
    ("Oleksandr Petrenko had his home searched on 5 March.", "search"),
    ("Oleksandr Petrenko was searched at the border by FSB officers.", "search"),
    ("FSB officers searched Oleksandr Petrenko and confiscated his phone.", "search"),
    ("The searches of Oleksandr Petrenko and Mykola Bondar lasted five hours.", "search"),
    ("Charges were brought against Oleksandr Petrenko.", "charge"),
    ("The court considered Oleksandr Petrenko's case on 5 March.", "hearing"),
    ("The Kyiv Court began hearing the case of Oleksandr Petrenko.", "hearing"),
    ("Oleksandr Petrenko appeared in court on 5 March.", "hearing"),
    ("The trial in the case of Oleksandr Petrenko began on 5 March.", "trial"),
    ("Oleksandr Petrenko was put on trial in Rostov.", "trial"),
    ("The trials of Oleksandr Petrenko and Mykola Bondar began on 5 March.", "trial"),
    ("The court handed down a verdict in the case of Oleksandr Petrenko.", "verdict"),
    ("Oleksandr Petrenko was condemned to 12 years in prison.", "verdict"),
    ("The verdict against Oleksandr Petrenko was announced on 5 March.", "verdict"),
    ("Oleksandr Petrenko received 12 years in a penal colony.", "verdict"),
    ("The court of appeal reduced Oleksandr Petrenko's sentence to 10 years.", "appeal"),
    ("Oleksandr Petrenko lost his appeal.", "appeal"),
    ("The exchange of Oleksandr Petrenko took place on 5 March.", "exchange"),
    ("Oleksandr Petrenko was moved from the detention centre in Simferopol.", "other"),
    ("The court extended Oleksandr Petrenko's term of detention until 5 May.", "detention_extension"),
    ("The court extended the measure of restraint for Oleksandr Petrenko.", "detention_extension"),
    ("The court ruled that Oleksandr Petrenko will be held in pre-trial detention until 15 May.", "detention_extension"),
    ("Police officers beat up Oleksandr Petrenko.", "ill_treatment"),
    ("Oleksandr Petrenko was injured by police officers.", "ill_treatment"),
    ("Oleksandr Petrenko was deprived of sleep.", "ill_treatment"),
    ("FSB officers tried to persuade Oleksandr Petrenko to cooperate.", "pressure_to_cooperate"),
    ("FSB officers forced Oleksandr Petrenko to testify against Mykola Bondar.", "pressure_to_cooperate"),
    ("Oleksandr Petrenko was coerced into testifying.", "pressure_to_cooperate"),
    ("Oleksandr Petrenko was summoned to the FSB for questioning.", "interrogation"),
    ("The FSB summoned Oleksandr Petrenko for questioning.", "interrogation"),
    ("FSB officers searched and detained Oleksandr Petrenko on 5 March.", "search"),
    ("Oleksandr Petrenko was detained following searches in Simferopol.", "search"),
    ("FSB officers broke into Oleksandr Petrenko's home.", "search"),
    ("Oleksandr Petrenko was subjected to a search.", "search"),
    ("Oleksandr Petrenko's home in Simferopol was raided.", "search"),
    ("The police raided Oleksandr Petrenko's house on 5 March.", "search"),
    ("The court prolonged Oleksandr Petrenko's custody until 5 May.", "detention_extension"),
    ("Charges of espionage were brought against Oleksandr Petrenko.", "charge"),
    ("Oleksandr Petrenko was accused under Part 2 of Article 205.5.", "charge"),
    ("Oleksandr Petrenko was charged in absentia with sabotage.", "charge"),
    ("At the hearing, Oleksandr Petrenko said he was innocent.", "hearing"),
    ("During the hearing on 5 March, Oleksandr Petrenko pleaded not guilty.", "hearing"),
])
def test_a_verb_form_gives_the_act_with_its_target(body: str, kind: str) -> None:
    assert (A, "target") in _events(body).get(kind, set()), (body, _events(body))


def test_the_homes_of_several_people_searched_give_each_a_search() -> None:
    evs = _events("The homes of Oleksandr Petrenko and Mykola Bondar were searched on 5 March.")
    assert {(A, "target"), (B, "target")} <= evs["search"]


def test_the_agent_and_the_court_of_the_new_forms() -> None:
    assert ("org:fsb", "perpetrator") in _events("FSB officers beat Oleksandr Petrenko.")["ill_treatment"]
    assert ("org:fsb", "perpetrator") in _events("FSB officers pressured Oleksandr Petrenko to cooperate.")["pressure_to_cooperate"]
    assert any(r == "judge" for _k, r in _events("The Kyiv Court held a hearing on Oleksandr Petrenko's case.")["hearing"])


def test_the_court_before_extended_x_s_arrest_is_its_judge() -> None:
    evs = _events("The Kyiv Court extended Oleksandr Petrenko's arrest until 5 May.")["detention_extension"]
    assert {(A, "target"), ("org:kyiv-court", "judge")} <= evs
    assert "arrest" not in _events("The Kyiv Court extended Oleksandr Petrenko's arrest until 5 May.")


def test_a_place_searched_or_a_stay_foreseen_is_no_person_s_act() -> None:
    assert "search" not in _events("The mosque was searched by the FSB, Oleksandr Petrenko said.")
    assert "search" not in _events("The FSB searched Simferopol, Oleksandr Petrenko said.")
    assert "verdict" not in _events("Oleksandr Petrenko received two years ago a letter from Mykola Bondar.")


def test_a_release_asked_for_and_a_trial_with_no_court_are_no_acts() -> None:
    assert "release" not in _events("Her mother wrote a letter pleading for Oleksandr Petrenko's release.")
    assert "trial" not in _events("Oleksandr Petrenko was arrested in 2016 and was tried in the following year.")
    # README conv13a, point 4: "was accused of ... and sentenced" reports the charging (an event); a prosecution under
    # an article and a standing "faces charges" give only the case's ACCUSED_OF
    assert "charge" in _events("Oleksandr Petrenko was accused of spying and sentenced to three years.")
    assert "charge" not in _events("Oleksandr Petrenko was prosecuted under Article 205.5.")
    assert "charge" not in _events("Oleksandr Petrenko now faces charges of espionage.")


def test_a_transfer_for_questioning_is_no_transfer() -> None:
    evs = _events("Oleksandr Petrenko was taken to the FSB building for questioning.")
    assert "other" not in evs
