"""Cases round 7 (loaders/extract/org_cases.py, loaders/extract/cases.py): a request or decision "to
ban" an organisation with what the ban calls it, the label given in a later sentence than the ban, and
"the case / charges against X".

Made-up sentences, each with near misses that must not fire; every quote is its span's exact text.
"""

from __future__ import annotations

import pytest

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def triples(ex: Extraction, predicate: str) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == predicate}


def test_a_request_to_ban_an_organisation_as_extremist_is_an_accusation() -> None:
    text, ex = extract("The filing of a request to ban the activities of the Mejlis, a self-governing body of the "
                       "Crimean Tatars, as an extremist organisation, is a worrying development.")
    assert ("org:mejlis-of-the-crimean-tatar-people", "case:mejlis-ban") in triples(ex, "ACCUSED_OF")
    assert ex.entities["case:mejlis-ban"].label == "LegalCase"
    # no court, no proceedings said: an accusation, not yet a defendant
    assert ("org:mejlis-of-the-crimean-tatar-people", "case:mejlis-ban") not in triples(ex, "DEFENDANT_IN")
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "Activists called on the authorities not to ban the Mejlis.",  # no label: no accusation
    "The Mejlis was banned in Russia.",  # a ban in passing, no court, no request
    "The Mejlis decided to ban alcohol at its congress as an extremist measure.",  # the Mejlis bans, is not banned
])
def test_no_ban_case_without_a_labelled_request_or_a_court(body: str) -> None:
    _text, ex = extract(body)
    assert not {o for _s, o in triples(ex, "ACCUSED_OF") | triples(ex, "DEFENDANT_IN") if o.endswith("-ban")}


def test_a_court_decision_to_ban_and_its_label_in_a_later_sentence() -> None:
    text, ex = extract("The court's decision to ban the Mejlis was upheld in September. Rights groups condemned the "
                       "decision to ban the Mejlis of the Crimean Tatars as an extremist organisation.")
    assert ("org:mejlis-of-the-crimean-tatar-people", "case:mejlis-ban") in triples(ex, "DEFENDANT_IN")
    accused = [c for c in ex.claims if c.predicate == "ACCUSED_OF" and c.subject == "org:mejlis-of-the-crimean-tatar-people"]
    assert accused and accused[0].qualifiers.get("charge") == "extremist organization"
    check_quotes(text, ex.claims)


@pytest.mark.parametrize(("body", "who"), [
    ("Journalists were questioned for three hours over the criminal case brought against Anna Petrenko.", "person:anna-petrenko"),
    ("Human rights groups believe the case against Enver Ametov is politically motivated.", "person:enver-ametov"),
    ("The authorities also filed criminal charges that day against Lenur Khalilov.", "person:lenur-khalilov"),
    ("All charges against Mr Remzi Bekirov should be dropped.", "person:remzi-bekirov"),
])
def test_the_case_against_a_person_makes_a_defendant(body: str, who: str) -> None:
    text, ex = extract(body)
    cases = [o for s, o in triples(ex, "DEFENDANT_IN") if s == who]
    assert cases and ex.entities[cases[0]].label == "LegalCase"
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "Enver Ametov monitored cases of discrimination against Muslims in Crimea.",
    "Lenur Khalilov filed a case against the prison administration.",
    "The campaign against Remzi Bekirov's neighbours went on.",
])
def test_no_defendant_from_a_case_against_others_or_a_campaign(body: str) -> None:
    _text, ex = extract(body)
    assert not triples(ex, "DEFENDANT_IN")


@pytest.mark.parametrize(("body", "who", "charge"), [
    ("On 9 June the court sentenced 61-year-old Ivan Petrenko to six years—the harshest term yet given to a believer—"
     "for following his religion.", "person:ivan-petrenko", "following his religion"),
    ("A court in Moscow sentenced human rights activist Lenur Khalilov to 25 days in administrative detention for a "
     "Facebook post.", "person:lenur-khalilov", "a facebook post"),
    ("Enver Ametov was sentenced to 17 years in prison for “organizing the activities of a terrorist organization”.",
     "person:enver-ametov", "organizing the activities of a terrorist organization"),
])
def test_what_a_person_was_sentenced_for_is_the_charge(body: str, who: str, charge: str) -> None:
    text, ex = extract(body)
    accused = [c for c in ex.claims if c.predicate == "ACCUSED_OF" and c.subject == who]
    assert accused and accused[0].qualifiers.get("charge") == charge
    assert ex.entities[accused[0].object].label == "LegalCase"
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "Ivan Petrenko was sentenced for the second time in March.",  # a count, not a reason
    "Lenur Khalilov, who was imprisoned in retaliation for flying the Ukrainian flag, is ill.",  # the writer's motive
    "Enver Ametov was sentenced to 12 years for 12 years of work.",  # a term, not a reason
    "Remzi Bekirov thanked the lawyers for their work after he was sentenced.",  # "for" not after the sentencing verb
])
def test_no_charge_from_a_count_a_motive_or_another_for(body: str) -> None:
    _text, ex = extract(body)
    assert not [c for c in ex.claims if c.predicate == "ACCUSED_OF" and c.rule == "case:reason"]


def test_the_cases_of_role_words_and_a_list_of_people() -> None:
    text, ex = extract("The Parliament adopted a resolution on the cases of Crimean Tatar leaders Enver Ametov, Remzi Bekirov "
                       "and the journalist Ivan Petrenko.")
    defendants = {s for s, _o in triples(ex, "DEFENDANT_IN")}
    assert {"person:enver-ametov", "person:remzi-bekirov", "person:ivan-petrenko"} <= defendants
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "Cases of particular concern include the former chairman, Enver Ametov, now in exile.",  # a comma before the name
    "Remzi Bekirov documented cases of torture in Simferopol.",  # the cases are of torture, not of a person
])
def test_no_defendant_from_cases_of_without_a_named_person(body: str) -> None:
    _text, ex = extract(body)
    assert not [c for c in ex.claims if c.rule == "case:of-role"]
