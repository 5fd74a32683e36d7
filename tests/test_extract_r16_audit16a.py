"""Round 16, audit16a: event wording of news reports on Crimea's detainees, found on new articles (RFE/RL, UNPO,
QHA, UATV, Hromadske), on made-up sentences in the shape of each class."""

from __future__ import annotations

import pytest

from tests.extract_helpers import check_quotes, extract
from tests.test_extract_r15_acts15 import _events, _places, _roles


def _targets(ex, kind):  # type: ignore[no-untyped-def]
    return {c.subject for ev in _events(ex, kind) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.object == ev and c.qualifiers.get("role") == "target"}


def test_sent_to_pretrial_detention_is_a_detention_not_a_transfer() -> None:
    text, ex = extract("Ivan Petrenko was arrested on January 29 for what investigators called mass disorder. "
                       "He was sent to pretrial detention until February 19.")
    assert not _events(ex, "transfer") and not [k for k in ex.entities if k.endswith("-transfer")]
    assert "person:ivan-petrenko" in _targets(ex, "detention")
    check_quotes(text, ex.claims)


def test_placed_in_two_month_pretrial_detention() -> None:
    text, ex = extract("Crimean Tatar activist Ivan Petrenko was placed in two-month pretrial detention on February 8.")
    assert "person:ivan-petrenko" in _targets(ex, "detention")
    check_quotes(text, ex.claims)


def test_period_of_arrest_and_the_arrested_are_no_arrest() -> None:
    text, ex = extract("Period of arrest in a Russian detention center extended to Ivan Petrenko and Oleh Koval. "
                       "Relatives were not allowed to see the arrested men, Ivan Petrenko and Oleh Koval.")
    assert not _events(ex, "arrest")
    check_quotes(text, ex.claims)


def test_taken_to_the_courthouse_is_no_transfer() -> None:
    text, ex = extract("On May 14 Ivan Petrenko was taken to the courthouse in Simferopol for the hearing.")
    assert not [k for k in ex.entities if k.endswith("-transfer")]
    check_quotes(text, ex.claims)


@pytest.mark.parametrize(("body", "place"), [
    ("On March 27, officers of the Federal Security Service of the Russian Federation raided the houses of Crimean Tatar "
     "activists in occupied Crimea.", "place:crimea"),  # the agency, not the state inside its name
    ("On 27 March 2019, the Russian Federal Security Service (FSB) officers raided houses of Crimean Tatars located in the "
     "city of Simferopol.", "place:simferopol"),  # the abbreviation's bracket before "officers"
])
def test_agency_raided_the_houses_of_a_group(body: str, place: str) -> None:
    text, ex = extract(body)
    [ev] = _events(ex, "search")
    assert _roles(ex, ev) == {("org:fsb", "perpetrator")} and place in _places(ex, ev)
    check_quotes(text, ex.claims)


def _judged(ex, kind):  # type: ignore[no-untyped-def]
    return {c.subject for ev in _events(ex, kind) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.object == ev and c.qualifiers.get("role") == "judge"}


# (a hunk in claim_targets.perpetrates: more between the court and its verb)
@pytest.mark.parametrize(("kind", "body"), [
    # "in the city of X" between the court and its verb
    ("verdict", "The Kyivskyi District Court in the city of Simferopol sentenced Ivan Petrenko to six years in prison."),
    # "had already extended"
    ("detention_extension", "At the end of June, the Kyivskyi District Court had already extended the arrest of Ivan Petrenko."),
    # a bracket longer than an abbreviation, then the judge who chaired it
    ("detention_extension", "On May 14, the Shakhty City Court (Rostov Region of Russia), chaired by Judge Ivan Sokolov, "
                            "extended the term of detention of Oleh Koval until August 15."),
])
def test_court_subject_with_more_before_its_verb_is_judge(kind: str, body: str) -> None:
    text, ex = extract(body)
    assert _judged(ex, kind) and _targets(ex, kind)
    check_quotes(text, ex.claims)
