"""Places and participants a sentence gives an act beyond the tight locative phrase
(loaders/extract/event_places.py; ``_perpetrates`` and ``_coordinated_agent`` of claims.py):
the sentence's own place, the place of the court that acts, the venue of a statement, the
agent written as a possessive or heading a list of verbs.

Made-up sentences: each rule with a positive case and near misses that must not fire; every
claim's quote is the exact text of its span, within the ontology's word limit.
"""

from __future__ import annotations

import pytest

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def places(ex: Extraction) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}


def roles(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(c.subject, c.object, str(c.qualifiers.get("role"))) for c in ex.claims if c.predicate == "PARTICIPANT_IN"}


# --- the sentence's place ---------------------------------------------------------------------

@pytest.mark.parametrize(("body", "expect"), [
    ("The UK condemns abuses by Russia in illegally annexed Crimea, including the recent detention of Enver Ametov.",
     ("event:enver-ametov-detention", "place:crimea")),
    ("Lenur Khalilov was detained on 3 May together with his two brothers and a neighbour near his home in Kerch.",
     ("event:lenur-khalilov-detention", "place:kerch")),
])
def test_an_event_takes_the_place_its_sentence_puts_it_in(body: str, expect: tuple[str, str]) -> None:
    text, ex = extract(body)
    assert expect in places(ex)
    check_quotes(text, ex.claims)


@pytest.mark.parametrize(("body", "event"), [
    # a relative clause's place is its own verb's
    ("Police released Enver Ametov, who had assembled with others in Simferopol.", "event:enver-ametov-release"),
    # a place after another act is that act's
    ("Enver Ametov was arrested in May in Crimea, and sentenced by Russia to ten years.", "event:enver-ametov-verdict"),
    # a place that describes the person, not the act
    ("Prominent lawyer in Crimea Enver Ametov was sentenced to ten years.", "event:enver-ametov-verdict"),
    # another clause: "offers", "is"
    ("The sentencing of Enver Ametov offers yet another example of the situation in Crimea.", "event:enver-ametov-verdict"),
    # the seat of the court is not where a detention it orders happens
    ("Enver Ametov was sentenced to 10 days’ detention by the Kyivskyi District Court, in Simferopol.",
     "event:enver-ametov-detention"),
])
def test_a_place_of_another_clause_or_noun_does_not_place_the_event(body: str, event: str) -> None:
    _text, ex = extract(body)
    assert not {p for e, p in places(ex) if e == event}


def test_a_country_is_not_the_sentences_place() -> None:
    _text, ex = extract("Enver Ametov was detained on 3 May together with his two brothers and a neighbour near his home in Russia.")
    assert not [c for c in ex.claims if c.rule == "event-sentence-place"]


# --- the court's place --------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "expect"), [
    ("A court in Simferopol extended the pre-trial detention of Remzi Bekirov by three months.",
     ("event:remzi-bekirov-detention-extension", "place:simferopol")),
    ("The trial of Edem Bekirov began at the Southern District Military Court in Rostov-on-Don.",
     ("event:edem-bekirov-trial", "place:rostov-on-don")),
    ("On 9 August, a Simferopol court rejected the appeal of Server Ablaev.",
     ("event:server-ablaev-appeal", "place:simferopol")),
])
def test_a_courts_act_is_where_the_court_sits(body: str, expect: tuple[str, str]) -> None:
    text, ex = extract(body)
    assert expect in places(ex)
    check_quotes(text, ex.claims)


def test_a_court_named_after_the_act_for_another_act_does_not_place_it() -> None:
    _text, ex = extract("Remzi Bekirov was detained on 3 May, the day the court in Simferopol opened a new case.")
    assert ("event:remzi-bekirov-detention", "place:simferopol") not in places(ex)


# --- a statement's venue ------------------------------------------------------------------------

def test_a_statement_made_at_a_body_is_made_where_the_body_sits() -> None:
    body = ("The United States condemns the detention of Enver Ametov.\n\n"
            "– Ambassador John Smith speaking at a meeting of the Vienna-based Permanent Council of the OSCE on 25 January.")
    text, ex = extract(body)
    statements = [k for k, e in ex.entities.items() if (e.attributes or {}).get("kind") == "statement"]
    assert len(statements) == 1
    assert (statements[0], "place:vienna") in places(ex)
    check_quotes(text, ex.claims)


def test_a_body_named_without_a_venue_word_does_not_place_the_statement() -> None:
    body = ("The United States condemns the detention of Enver Ametov.\n\n"
            "The Vienna-based Permanent Council of the OSCE discussed Crimea on 25 January.")
    _text, ex = extract(body)
    assert not {p for e, p in places(ex) if (ex.entities[e].attributes or {}).get("kind") == "statement"}


# --- who did it -----------------------------------------------------------------------------------

def test_the_owner_of_a_nominal_act_does_it() -> None:
    text, ex = extract("Russia must free him. We condemn Russia’s continued detention of Server Ablaev.")
    assert ("org:russian-federation", "event:server-ablaev-detention", "perpetrator") in roles(ex)
    check_quotes(text, ex.claims)


def test_a_possessive_before_another_noun_is_not_the_agent() -> None:
    _text, ex = extract("Russia must free him. Russia’s lawyers said the detention of Server Ablaev was lawful.")
    assert "org:russian-federation" in ex.entities and "event:server-ablaev-detention" in ex.entities
    assert not {r for r in roles(ex) if r[0] == "org:russian-federation"}


def test_one_subject_does_every_verb_of_its_list() -> None:
    text, ex = extract("Russia detained Kazim Ametov, sentenced him to 10 years and transferred him to a prison in Russia.")
    assert ("org:russian-federation", "event:kazim-ametov-verdict", "perpetrator") in roles(ex)
    check_quotes(text, ex.claims)


def test_a_participle_after_a_comma_has_no_subject_of_its_own() -> None:
    _text, ex = extract("Russia detained Kazim Ametov, sentenced in 2019 to 10 years, for a second time.")
    assert ("org:russian-federation", "event:kazim-ametov-detention", "perpetrator") in roles(ex)
    assert ("org:russian-federation", "event:kazim-ametov-verdict", "perpetrator") not in roles(ex)


# --- a town inside a body's name ------------------------------------------------------------------

def test_an_act_at_a_body_named_with_its_town_is_in_that_town() -> None:
    text, ex = extract("Yashar Muyedinov was interrogated at the FSB office in Simferopol.")
    assert ("event:yashar-muyedinov-interrogation", "place:simferopol") in places(ex)
    assert ("org:fsb-office-in-simferopol", "place:simferopol") in places(ex)
    assert ex.entities["place:simferopol"].label == "Location"
    check_quotes(text, ex.claims)


def test_a_jurisdiction_of_a_body_is_not_its_seat() -> None:
    _text, ex = extract("The Office of the Prosecutor of the Autonomous Republic of Crimea opened a case.")
    assert not {p for o, p in places(ex) if o.startswith("org:")}


def test_the_subject_does_the_act_its_clause_happened_during() -> None:
    text, ex = extract("Russian security forces fatally shot Nabi Rakhimov during a raid and search of his residence.")
    assert ("org:russian-security-forces", "event:nabi-rakhimov-search", "perpetrator") in roles(ex)
    check_quotes(text, ex.claims)


def test_a_reporting_subject_is_not_the_agent_of_the_act_it_reports() -> None:
    _text, ex = extract("The FSB claimed Nabi Rakhimov was wounded during a search of his residence.")
    assert ("person:nabi-rakhimov", "event:nabi-rakhimov-search", "target") in roles(ex)
    assert not [r for r in roles(ex) if r[2] == "perpetrator"]


@pytest.mark.parametrize("body", [
    "Server Ablaev was detained for posting a video about the situation in Crimea.",
    "Server Ablaev was detained on 3 May, two days after he spoke at a rally in Simferopol.",
    "Server Ablaev was detained at the border as he was returning to his family in Kherson.",
    "The detention of Server Ablaev, like other cases in Crimea, is politically motivated.",
    "Server Ablaev was detained for his membership in Hizb ut-Tahrir, a group banned in Russia but legal in Ukraine.",
])
def test_a_topics_place_or_another_times_place_is_not_the_acts(body: str) -> None:
    _text, ex = extract(body)
    assert "event:server-ablaev-detention" in ex.entities
    assert not {p for e, p in places(ex) if e == "event:server-ablaev-detention"}


def test_the_statement_delivered_at_a_body_in_a_town_is_made_there() -> None:
    body = ("The United Kingdom condemns the detention of Enver Ametov.\n\n"
            "Statement delivered by Ambassador John Smith to the OSCE Permanent Council in Vienna.")
    text, ex = extract(body)
    assert ("event:john-smith-statement", "place:vienna") in places(ex)
    check_quotes(text, ex.claims)


@pytest.mark.parametrize(("body", "expect"), [
    ("On 5 May, the Kyivskyi District Court of Simferopol held a hearing in the case of Server Ablaev.",
     ("org:kyiv-district-court-simferopol", "event:server-ablaev-hearing", "judge")),
    ("The trial of Edem Bekirov continued at the Southern District Military Court.",
     ("org:southern-district-military-court", "event:edem-bekirov-trial", "judge")),
])
def test_the_court_that_holds_a_hearing_or_trial_is_its_judge(body: str, expect: tuple[str, str, str]) -> None:
    text, ex = extract(body)
    assert expect in roles(ex)
    check_quotes(text, ex.claims)


def test_a_court_where_somebody_is_detained_does_not_detain() -> None:
    _text, ex = extract("Police detained Lenie Umerova at the Kyivskyi District Court.")
    assert "event:lenie-umerova-detention" in ex.entities
    assert not {r for r in roles(ex) if r[0] == "org:kyiv-district-court-simferopol"}


def test_he_is_held_in_a_facility_puts_the_man_named_before_there() -> None:
    text, ex = extract("Lenur Khalilov was sentenced on 3 May. He is currently being held in a temporary detention facility in Simferopol.")
    held = {p for s, p in places(ex) if s == "person:lenur-khalilov"}
    assert held and all(p.startswith("place:simferopol") for p in held)
    check_quotes(text, ex.claims)


def test_a_pronoun_with_nobody_named_before_places_nobody() -> None:
    _text, ex = extract("He is currently being held in a temporary detention facility in Simferopol.")
    assert not {s for s, _p in places(ex) if s.startswith("person:")}


def test_an_act_whose_people_another_sentence_names_takes_no_place_from_this_one() -> None:
    _text, ex = extract("Russia commits abuses in occupied Crimea, including the detention of five Crimean Tatars. "
                        "The five are Enver Ametov, Lenur Khalilov, Remzi Bekirov, Server Ablaev and Edem Bekirov.")
    assert not [c for c in ex.claims if c.rule == "event-sentence-place"]
