"""Where things are (loaders/extract/event_places.py, place_parts.py): an event's place from
the locative phrases of English, places nested by the shipped GeoNames data, the seat of a
court or an office.

Short sentences written here: each rule with a positive case and near misses that must not
fire; every claim's quote is the exact text of its span, within the ontology's word limit.
"""

from __future__ import annotations

import pytest

from loaders.extract.claims import Extraction
from loaders.extract.place_parts import lies_in
from tests.extract_helpers import check_quotes, extract


def located(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(c.subject, c.predicate, c.object) for c in ex.claims if c.predicate in ("LOCATED_IN", "PART_OF")}


# --- events -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "expect"), [
    ("Lenur Khalilov was detained in the occupied Crimean city of Sevastopol.",
     ("event:lenur-khalilov-detention", "LOCATED_IN", "place:sevastopol")),
    ("In Bakhchysarai, police searched the home of Server Aliyev and detained him.",
     ("event:server-aliyev-detention", "LOCATED_IN", "place:bakhchysarai")),
    ("On 12 March in Dzhankoi, FSB officers detained Remzi Bekirov.",
     ("event:remzi-bekirov-detention", "LOCATED_IN", "place:dzhankoi")),
    ("FSB officers searched the home of Lenur Khalilov in the Crimean Tatar villages of Strogonovka and Kamenka.",
     ("event:lenur-khalilov-search", "LOCATED_IN", "place:strogonovka")),
    ("Russian occupation authorities in Crimea detained Enver Ametov.",
     ("event:enver-ametov-detention", "LOCATED_IN", "place:crimea")),
])
def test_an_event_is_where_a_locative_phrase_of_its_clause_puts_it(body: str, expect: tuple[str, str, str]) -> None:
    text, ex = extract(body)
    assert expect in located(ex)
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    # a relative clause or the source has its own place
    "Enver Ametov was tortured in custody, according to the Crimean Human Rights Group in Kyiv.",
    "Police detained Enver Ametov, who had lived in Simferopol for years.",
    # the place as a name's adjective
    "Enver Ametov was detained in the Bakhchysarai case.",
    # another sentence: no carrying over (round 11b: the gold does not place the later act there)
    "FSB officers searched the home of Server Aliyev in Bakhchysarai. Remzi Bekirov was detained on the same day.",
    # another paragraph: no carrying over
    "FSB officers searched the home of Server Aliyev in Bakhchysarai.\n\nRemzi Bekirov was detained later.",
])
def test_no_place_from_another_clause_an_adjective_or_another_paragraph(body: str) -> None:
    _text, ex = extract(body)
    assert not any(c.predicate == "LOCATED_IN" and c.subject in ("event:enver-ametov-detention", "event:enver-ametov-verdict", "event:enver-ametov-torture",
                                                                   "event:remzi-bekirov-detention") for c in ex.claims)


# --- places in places ---------------------------------------------------------------------------

def test_the_gazetteer_nests_places_the_article_puts_side_by_side() -> None:
    text, ex = extract("Police detained Server Aliyev in Bakhchysarai in occupied Crimea.")
    assert ("place:bakhchysarai", "PART_OF", "place:crimea") in located(ex)
    check_quotes(text, ex.claims)


def test_an_adjective_stands_for_the_outer_place_the_article_names() -> None:
    text, ex = extract("Crimea is under occupation. Lenur Khalilov was detained in the Crimean city of Sevastopol.")
    assert ("place:sevastopol", "PART_OF", "place:crimea") in located(ex)
    check_quotes(text, ex.claims)


def test_places_the_gazetteer_does_not_nest_stay_apart() -> None:
    _text, ex = extract("Server Aliyev travelled from Moscow in Crimea to Kyiv in Crimea.")
    assert not {("place:moscow", "PART_OF", "place:crimea"), ("place:kyiv", "PART_OF", "place:crimea")} & located(ex)
    assert lies_in(ex, "place:crimea", "place:ukraine") and not lies_in(ex, "place:moscow", "place:ukraine")


def test_ukraines_territorial_integrity_puts_crimea_in_ukraine() -> None:
    # (round 14: only in a sentence that names Crimea too; see tests/test_extract_r14_prec14.py)
    text, ex = extract("Crimea remains occupied. We support the sovereignty and territorial integrity of Ukraine, including Crimea.")
    assert ("place:crimea", "PART_OF", "place:ukraine") in located(ex)
    check_quotes(text, ex.claims)
    _text, ex = extract("Crimea remains occupied. Ukraine held elections.")
    assert ("place:crimea", "PART_OF", "place:ukraine") not in located(ex)


# --- seats --------------------------------------------------------------------------------------

def test_a_court_is_in_the_place_written_after_it() -> None:
    text, ex = extract("The Zheleznodorozhny District Court, in Simferopol, extended the detention of Emil Kurbedinov.")
    assert ("org:zheleznodorozhny-district-court", "LOCATED_IN", "place:simferopol") in located(ex)
    check_quotes(text, ex.claims)
    # a movement is no body with a seat; a security service "in Crimea" is its branch there
    _text, ex = extract("Crimean Solidarity in Simferopol held a meeting. The FSB in Crimea said it.")
    assert not any(c.subject in ("org:crimean-solidarity", "org:fsb") and c.predicate == "LOCATED_IN" for c in ex.claims)


# --- homes --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "expect"), [
    ("FSB officers searched the home of Remzi Bekirov in Bakhchysarai.", {"person:remzi-bekirov"}),
    ("Officers raided the homes of Enver Ametov and Remzi Bekirov in the village of Strogonovka.",
     {"person:enver-ametov", "person:remzi-bekirov"}),
    ("Bakhchysarai resident Enver Ametov was detained.", {"person:enver-ametov"}),
    ("Enver Ametov, 42, from Simferopol, was detained.", {"person:enver-ametov"}),
])
def test_a_person_lives_where_the_sentence_puts_their_home(body: str, expect: set[str]) -> None:
    text, ex = extract(body)
    assert expect <= {c.subject for c in ex.claims if c.predicate == "LOCATED_IN" and c.rule == "home-place"}
    check_quotes(text, ex.claims)


@pytest.mark.parametrize("body", [
    "The home of Remzi Bekirov was searched, and officers then went to Bakhchysarai.",   # the place is not the home's
    "Enver Ametov, from the start, opposed the occupation of Crimea.",                 # no age: "from" is no origin here
])
def test_no_home_place_without_a_home_phrase(body: str) -> None:
    _text, ex = extract(body)
    assert not any(c.rule == "home-place" for c in ex.claims)


def test_a_state_acting_in_a_place_is_not_located_there() -> None:
    _text, ex = extract("The report exposes the grave violations committed by the Russian Federation in Crimea.")
    assert not any(c.predicate == "LOCATED_IN" and c.subject.startswith("org:") for c in ex.claims)


def test_an_act_judged_by_a_court_is_where_the_article_seats_the_court() -> None:
    text, ex = extract("The Zheleznodorozhny District Court, in Simferopol, heard the case in January. In March, the "
                       "Zheleznodorozhny District Court sentenced Enver Ametov to ten years.")
    assert ("event:enver-ametov-verdict", "LOCATED_IN", "place:simferopol") in located(ex)
    check_quotes(text, ex.claims)
    _text, ex = extract("In March, the Zheleznodorozhny District Court sentenced Enver Ametov to ten years.")
    assert not any(c.subject == "event:enver-ametov-verdict" and c.predicate == "LOCATED_IN" for c in ex.claims)


def test_a_court_named_after_its_place_sits_there_when_the_article_names_the_place() -> None:
    text, ex = extract("Simferopol is the capital of Crimea. The Simferopol District Court remanded Enver Ametov. "
                       "The Supreme Court of Crimea upheld the verdict.")
    got = located(ex)
    assert {("org:simferopol-district-court", "LOCATED_IN", "place:simferopol"),
            ("org:supreme-court-of-crimea", "LOCATED_IN", "place:crimea"),
            ("place:simferopol", "PART_OF", "place:crimea")} <= got
    check_quotes(text, ex.claims)
    # "Kyiv District Court": a district of Simferopol named after Kyiv, not a court in the city of Kyiv
    _text, ex = extract("The Kyiv District Court extended his arrest. He had lived in Kyiv.")
    assert ("org:kyiv-district-court", "LOCATED_IN", "place:kyiv") not in located(ex)


def test_a_village_in_a_raion_and_the_raion_in_crimea() -> None:
    text, ex = extract("Crimea remains occupied. Police searched homes in the village of Strogonovka in the Simferopol "
                       "district. Officers also came to the Bakhchysarai district of Crimea.")
    got = located(ex)
    assert {("place:strogonovka", "PART_OF", "place:simferopol-district"),
            ("place:bakhchysarai-district", "PART_OF", "place:crimea")} <= got
    check_quotes(text, ex.claims)


def test_a_unit_is_part_of_the_body_its_name_names() -> None:
    text, ex = extract("The Main Investigative Directorate of the Investigative Committee opened a case. The Investigative "
                       "Committee confirmed it. The UK Delegation to the OSCE said the UK condemns it.")
    got = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    assert ("org:main-investigative-directorate-of-the-investigative-committee", "org:investigative-committee-of-russia") in got
    assert ("org:uk-delegation-to-the-osce", "org:united-kingdom") in got
    assert not any(o == "org:osce" for _s, o in got)  # "to the OSCE" names whom it is sent to, not its body
    check_quotes(text, ex.claims)


def test_any_body_based_in_a_place_sits_there() -> None:
    text, ex = extract("The Crimean Human Rights Group, based in Kyiv, documented the case. Zmina, which is headquartered "
                       "in Kyiv, reported it.")
    assert {("org:crimean-human-rights-group", "LOCATED_IN", "place:kyiv"), ("org:zmina", "LOCATED_IN", "place:kyiv")} <= located(ex)
    check_quotes(text, ex.claims)


def test_bodies_of_international_bodies_are_part_of_them() -> None:
    text, ex = extract("The UN General Assembly adopted a resolution. The Council of Europe Commissioner for Human Rights "
                       "condemned the detentions. The Committee of Ministers of the Council of Europe met on 3 February. "
                       "The United Nations and the Council of Europe called for their release.")
    got = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    assert ("org:un-general-assembly", "org:united-nations") in got
    assert ("org:coe-commissioner-for-human-rights", "org:council-of-europe") in got
    assert any(s != "org:coe-commissioner-for-human-rights" and o == "org:council-of-europe" for s, o in got)
    check_quotes(text, ex.claims)


def test_a_state_committee_is_not_part_of_the_state_by_its_name() -> None:
    _text, ex = extract("The Investigative Committee of Russia charged him. Russia denies it.")
    got = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    assert not any(o == "org:russian-federation" for _s, o in got)


def test_crimea_and_sevastopol_in_ukraine_by_the_states_position() -> None:
    text, ex = extract("The EU does not, and will not, recognise the illegal annexation of the Crimean peninsula by Russia. "
                       "We support the sovereignty and territorial integrity of Ukraine within its borders, including Crimea "
                       "and the city of Sevastopol. Police detained him in Sevastopol.")
    got = located(ex)
    # (round 9: the later annotators give Ukraine to Crimea, not to Sevastopol named with it)
    assert ("place:crimea", "PART_OF", "place:ukraine") in got and ("place:sevastopol", "PART_OF", "place:ukraine") not in got
    check_quotes(text, ex.claims)


def test_a_story_of_the_annexation_places_nothing() -> None:
    _text, ex = extract("Russia began its campaign when it illegally annexed Crimea. Ukraine protested. Police came to Sevastopol.")
    got = located(ex)
    assert ("place:crimea", "PART_OF", "place:ukraine") not in got
    assert ("place:sevastopol", "PART_OF", "place:ukraine") not in got


def test_a_place_based_body_sits_in_the_place() -> None:
    text, ex = extract("The statement was made at the Vienna-based Permanent Council of the OSCE.")
    assert ("org:osce-permanent-council", "LOCATED_IN", "place:vienna") in located(ex)
    check_quotes(text, ex.claims)
