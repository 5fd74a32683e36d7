"""Defendants and charges from the phrases of criminal procedure (loaders/extract/cases.py).

Short sentences written here: each phrase with a positive case and near misses that must not
fire; every claim's quote is the exact text of its span, within the ontology's word limit.
"""

from __future__ import annotations

import pytest

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def case_claims(ex: Extraction) -> dict[tuple[str, str], dict[str, object]]:
    return {(c.subject, c.predicate): c.qualifiers for c in ex.claims if c.predicate in ("DEFENDANT_IN", "ACCUSED_OF")}


@pytest.mark.parametrize(("body", "who", "charge"), [
    ("Remzi Bekirov was arrested on suspicion of involvement in Hizb ut-Tahrir.", "person:remzi-bekirov",
     "involvement in hizb ut-tahrir"),
    ("Russian investigators accuse Enver Ametov of sabotage.", "person:enver-ametov", "sabotage"),
    ("FSB officers detained Lenur Khalilov, accusing him of espionage.", "person:lenur-khalilov", "espionage"),
    ("A criminal case was opened against Osman Arifmemetov under Article 205.5 of the Russian Criminal Code.",
     "person:osman-arifmemetov", "RU CC 205.5"),
    ("The court found Remzi Bekirov guilty of espionage.", "person:remzi-bekirov", "espionage"),
])
def test_an_accusation_gives_the_defendant_a_case_and_its_charge(body: str, who: str, charge: str) -> None:
    text, ex = extract(body)
    got = case_claims(ex)
    assert (who, "DEFENDANT_IN") in got and got[(who, "ACCUSED_OF")]["charge"] == charge
    case = next(c.object for c in ex.claims if c.subject == who and c.predicate == "ACCUSED_OF")
    assert ex.entities[case].label == "LegalCase"
    check_quotes(text, ex.claims)


@pytest.mark.parametrize(("body", "who"), [
    ("The case of Nariman Dzhelyal was sent to court in May.", "person:nariman-dzhelyal"),
    ("Nariman Dzhelyal's case is politically motivated.", "person:nariman-dzhelyal"),
    ("Enver Ametov, one of the defendants in the Hizb ut-Tahrir case, was transferred to Rostov-on-Don.", "person:enver-ametov"),
    ("The prosecutor requested 19 years for Remzi Bekirov.", "person:remzi-bekirov"),
    ("Enver Ametov was jailed for 12 years.", "person:enver-ametov"),
    ("Server Mustafayev received 14 years in a high-security colony.", "person:server-mustafayev"),
    ("Lenur Khalilov was given a seven-year term.", "person:lenur-khalilov"),
    ("Enver Ametov, accused in the Ukrainian saboteurs case, was transferred.", "person:enver-ametov"),
    ("Remzi Bekirov, Osman Arifmemetov and Enver Ametov were arrested in the so-called Hizb ut-Tahrir case.",
     "person:osman-arifmemetov"),
])
def test_a_named_case_makes_a_defendant_without_a_charge(body: str, who: str) -> None:
    text, ex = extract(body)
    got = case_claims(ex)
    assert (who, "DEFENDANT_IN") in got and (who, "ACCUSED_OF") not in got
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "Enver Ametov could be accused of sabotage.",          # a possibility, not an accusation
    "Russian media accused Ukraine of sabotage.",           # no person accused
    "Enver Ametov found his friends in Simferopol.",        # "found" without "guilty"
    "Enver Ametov spoke about the case of the Mejlis.",     # the case of an organisation, not of a person
    "Enver Ametov received 40 letters from supporters.",   # no prison term
    "Enver Ametov was given two weeks to appeal.",           # weeks are no prison term
    "Enver Ametov was detained in the morning and his case was sent to court.",  # "in the morning", not in a case
])
def test_no_case_without_an_accused_person(body: str) -> None:
    _text, ex = extract(body)
    assert not case_claims(ex)
