"""Cases, bans, affiliations and acts linked to a case from made-up sentences (loaders/extract/cases.py,
org_cases.py, affiliations.py, works_for.py, event_links.py): each frame with a positive case and near
misses that must not fire; every claim's quote is the exact text of its span, within the word limit."""

from __future__ import annotations

import pytest

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def facts(ex: Extraction, predicate: str) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == predicate}


def defendants(ex: Extraction) -> set[str]:
    return {c.subject for c in ex.claims if c.predicate == "DEFENDANT_IN"}


@pytest.mark.parametrize(("body", "who"), [
    ("Police in Sudak accused Lenur Osmanov, Rustam Veliev and Dilyaver Kurtov of sabotage.",
     ["person:lenur-osmanov", "person:rustam-veliev", "person:dilyaver-kurtov"]),
    ("The garrison court convicted Lenur Osmanov and Rustam Veliev of espionage.", ["person:lenur-osmanov", "person:rustam-veliev"]),
])
def test_an_accusing_verb_with_a_list_charges_everyone_it_names(body: str, who: list[str]) -> None:
    text, ex = extract(body)
    accused = {c.subject: c.qualifiers.get("charge") for c in ex.claims if c.predicate == "ACCUSED_OF"}
    assert set(who) <= set(accused) and len(set(accused.values())) == 1
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "Lenur Osmanov faces up to 20 years in prison.",
    "Lenur Osmanov, who faces a possible 15-year sentence, fell ill.",
    "The court extended the pre-trial detention of Lenur Osmanov until March.",
    "Lenur Osmanov's detention was extended again.",
    "Lenur Osmanov remains in pre-trial detention.",
    "Lenur Osmanov is one of the defendants in the second Sudak case.",
    "The verdict against Lenur Osmanov was upheld on appeal.",
    "Russia continues to prosecute Lenur Osmanov for his faith.",
    "Lenur Osmanov received a suspended sentence.",
    "Lenur Osmanov was remanded in custody.",
    "The court placed Lenur Osmanov under house arrest.",
    "Lenur Osmanov was placed in pre-trial detention.",
    "Lenur Osmanov pleaded not guilty.",
    "Lenur Osmanov denies the charges.",
    "Lenur Osmanov has been imprisoned since 2016.",
    "The court acquitted Lenur Osmanov.",
    "Lenur Osmanov was fined 40,000 roubles.",
    "The administrative detention of human rights lawyer Lenur Osmanov in Simferopol is worrying.",
    "Lenur Osmanov stood trial in Rostov-on-Don.",
])
def test_procedure_without_a_charge_still_makes_a_defendant(body: str) -> None:
    text, ex = extract(body)
    assert defendants(ex) == {"person:lenur-osmanov"}
    case = next(c.object for c in ex.claims if c.predicate == "DEFENDANT_IN")
    assert ex.entities[case].label == "LegalCase"
    check_quotes(text, ex.claims)


def test_people_listed_after_a_sentence_about_charges_are_its_defendants() -> None:
    text, ex = extract("Crimean Tatar activists are pursued on alleged terrorism and extremism charges. This includes "
                       "Lenur Osmanov, Rustam Veliev and Dilyaver Kurtov, sentenced in January.")
    accused = {c.subject: c.qualifiers.get("charge") for c in ex.claims if c.predicate == "ACCUSED_OF"}
    assert accused == {p: "terrorism and extremism" for p in ("person:lenur-osmanov", "person:rustam-veliev", "person:dilyaver-kurtov")}
    check_quotes(text, ex.claims)


def test_a_list_after_a_sentence_without_procedure_makes_no_defendant() -> None:
    _text, ex = extract("Many Crimean Tatars attended the meeting. This includes Lenur Osmanov and Rustam Veliev.")
    assert defendants(ex) == set()


@pytest.mark.parametrize("body", [
    "Lenur Osmanov faces the press every Monday.",
    "Lenur Osmanov extended his stay in Kyiv.",
    "The sentence of the poem was long, Lenur Osmanov wrote.",
    "Lenur Osmanov received a letter from Kyiv.",
    "Lenur Osmanov placed flowers at the monument.",
    "Lenur Osmanov rejected the offer.",
])
def test_near_misses_make_no_defendant(body: str) -> None:
    _text, ex = extract(body)
    assert defendants(ex) == set()


@pytest.mark.parametrize(("body", "org", "charge"), [
    ("The Supreme Court upheld a ruling declaring the Mejlis an extremist organization.", "org:mejlis-of-the-crimean-tatar-people", "extremist organization"),
    ("The Mejlis was declared extremist by the Supreme Court of Crimea in April 2016.", "org:mejlis-of-the-crimean-tatar-people", "extremist organization"),
    ("Memorial was liquidated by a court decision in 2021.", "org:memorial", None),
])
def test_a_court_ban_is_a_case_against_the_organisation(body: str, org: str, charge: str | None) -> None:
    text, ex = extract(body)
    [c] = [c for c in ex.claims if c.predicate == "DEFENDANT_IN"]
    assert c.subject == org and ex.entities[c.object].label == "LegalCase" and c.qualifiers.get("charge") == charge
    assert (org, c.object) in facts(ex, "ACCUSED_OF") if charge else not facts(ex, "ACCUSED_OF")
    check_quotes(text, ex.claims)


def test_the_label_a_ban_gave_said_in_another_sentence_is_the_charge() -> None:
    text, ex = extract("The United States does not recognize the Supreme Court’s ruling to uphold the ban of the Mejlis. "
                       "We reject the characterization of the Mejlis as an ‘extremist’ organization.")
    [c] = [c for c in ex.claims if c.predicate == "ACCUSED_OF"]
    assert c.subject == "org:mejlis-of-the-crimean-tatar-people" and c.qualifiers["charge"] == "extremist organization"
    assert ex.entities[c.object].label == "LegalCase"
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "Hizb ut-Tahrir, a group banned in Russia, is legal in Ukraine.",  # no court
    "Hizb ut-Tahrir is banned as a terrorist group in Russia under a 2003 Supreme Court ruling.",  # a standing ban
    "The occupation authorities banned the Mejlis in 2016.",  # no court
])
def test_a_ban_without_a_court_act_is_no_case(body: str) -> None:
    _text, ex = extract(body)
    assert defendants(ex) == set()


def affiliations(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate, c.object, str(c.qualifiers.get("role", "")).lower()) for c in ex.claims
            if c.predicate in ("LEADS", "MEMBER_OF", "WORKS_FOR")}


@pytest.mark.parametrize(("body", "expect"), [
    ("Lenur Osmanov, a member of the Mejlis and head of the Crimean Tatar Resource Center, spoke in Kyiv.",
     {("person:lenur-osmanov", "MEMBER_OF", "org:mejlis-of-the-crimean-tatar-people", "member"),
      ("person:lenur-osmanov", "LEADS", "org:crimean-tatar-resource-center", "head")}),
    ("RFE/RL journalist Lenur Osmanov was detained.", {("person:lenur-osmanov", "WORKS_FOR", "org:rferl", "journalist")}),
    ("Lenur Osmanov, a journalist working for RFE/RL, was detained.",
     {("person:lenur-osmanov", "WORKS_FOR", "org:rferl", "journalist")}),
    ("Lenur Osmanov and Rustam Veliev are deputy heads of the community’s representative body, the Mejlis.",
     {("person:lenur-osmanov", "LEADS", "org:mejlis-of-the-crimean-tatar-people", "deputy head"), ("person:rustam-veliev", "LEADS", "org:mejlis-of-the-crimean-tatar-people", "deputy head")}),
    ("Lenur Osmanov and Rustam Veliev are members of Crimean Solidarity.",
     {("person:lenur-osmanov", "MEMBER_OF", "org:crimean-solidarity", "member"),
      ("person:rustam-veliev", "MEMBER_OF", "org:crimean-solidarity", "member")}),
    ("The Mejlis’ leader, Lenur Osmanov, condemned the raids.", {("person:lenur-osmanov", "LEADS", "org:mejlis-of-the-crimean-tatar-people", "leader")}),
    ("Lenur Osmanov, a lawyer who works with Crimean Solidarity, was detained.",
     {("person:lenur-osmanov", "WORKS_FOR", "org:crimean-solidarity", "lawyer")}),
    ("Lenur Osmanov, an activist of the Crimean Tatar movement Crimean Solidarity, was detained.",
     {("person:lenur-osmanov", "MEMBER_OF", "org:crimean-solidarity", "activist")}),
    ("Lenur Osmanov, a freelance contributor to RFE/RL, was detained.",
     {("person:lenur-osmanov", "WORKS_FOR", "org:rferl", "contributor")}),
])
def test_affiliation_frames(body: str, expect: set[tuple[str, str, str, str]]) -> None:
    text, ex = extract(body)
    assert affiliations(ex) == expect
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "Lenur Osmanov read RFE/RL every morning.",
    "Lenur Osmanov and Rustam Veliev are friends of the Mejlis.",
    "Lenur Osmanov and Rustam Veliev are deputy heads of a school; they met the Mejlis.",
    "Lenur Osmanov, Amnesty International and Crimean Solidarity signed the appeal.",
])
def test_affiliation_near_misses(body: str) -> None:
    _text, ex = extract(body)
    assert affiliations(ex) == set()


@pytest.mark.parametrize(("body", "event"), [
    ("Lenur Osmanov was sentenced to 8 years. In August, police detained Rustam Veliev for picketing outside the court "
     "in support of his friend, Lenur Osmanov.", "event:rustam-veliev-detention"),
    ("Lenur Osmanov was sentenced to 8 years. Police searched the home of Rustam Veliev in connection with the case of "
     "Lenur Osmanov.", "event:rustam-veliev-search"),
])
def test_an_act_done_for_another_defendants_cause_is_linked_to_their_case(body: str, event: str) -> None:
    text, ex = extract(body)
    assert {f for f in facts(ex, "LINKED_TO") if f[1].startswith("case:")} == {(event, "case:lenur-osmanov")}  # (conv14b 5: + the picket)
    check_quotes(text, ex.claims)


def test_an_act_on_the_defendant_themselves_is_not_linked_to_their_own_case() -> None:
    _text, ex = extract("Lenur Osmanov was sentenced to 8 years. Police detained Lenur Osmanov in support of nobody.")
    assert facts(ex, "LINKED_TO") == set()


@pytest.mark.parametrize(("body", "charge"), [
    ("The FSB claimed Lenur Osmanov was a suspected terrorist and was shot during a gun battle.", "suspected terrorist"),
    ("The FSB said Lenur Osmanov was a member of Hizb ut-Tahrir.", "member of hizb ut-tahrir"),
])
def test_what_a_speaker_claims_a_person_was_is_an_accusation_in_the_statement(body: str, charge: str) -> None:
    text, ex = extract(body)
    [c] = [c for c in ex.claims if c.predicate == "ACCUSED_OF"]
    assert c.subject == "person:lenur-osmanov" and c.qualifiers == {"charge": charge, "accuser": "org:fsb"}
    assert (ex.entities[c.object].attributes or {}).get("kind") == "statement"
    assert ("org:fsb", c.object) in facts(ex, "STATES")
    check_quotes(text, ex.claims)


def test_a_claim_that_is_no_accusation_is_left_out() -> None:
    _text, ex = extract("The FSB said Lenur Osmanov was a good man.")
    assert facts(ex, "ACCUSED_OF") == set()
