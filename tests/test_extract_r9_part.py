"""Who took part in an act, round 9 ("part"): agents named far from the trigger or in quotation marks,
the state called on to release people a sentence names as detained (made-up sentences)."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _role(ex: Extraction, role: str) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == role}


def test_a_court_that_found_someone_guilty_sentences_him() -> None:
    text, ex = extract('On 3 May 2021 the Russian-controlled "Supreme Court of Crimea" found Rustam Veliyev guilty of sabotage '
                       "and sentenced him to 12 years in prison.")
    judges = {s for s, _o in _role(ex, "judge")}
    assert "org:supreme-court-of-crimea" in judges, ex.claims
    check_quotes(text, ex.claims)


def test_a_verdict_passed_by_a_so_called_court() -> None:
    text, ex = extract("Speaking after the verdict and sentencing of Rustam Veliyev was passed by the so-called ‘Supreme Court’ "
                       "of Crimea, the minister said the trial was unfair.")
    judges = {s for s, _o in _role(ex, "judge")}
    assert "org:supreme-court-of-crimea" in judges, ex.claims
    check_quotes(text, ex.claims)


def test_the_state_called_on_to_release_people_named_as_detained_is_not_their_holder() -> None:
    # round 12 (conv12b) point 3: the call asserts their detentions, not who holds them
    text, ex = extract("Ukraine calls on the Russian Federation to stop political repressions against citizens of Ukraine and "
                       "release illegally detained Rustam Veliyev and Arsen Kadyrov.")
    perps = _role(ex, "perpetrator")
    targets = dict(_role(ex, "target"))
    assert "person:rustam-veliyev" in targets and "person:arsen-kadyrov" in targets, ex.claims
    assert not any(s == "org:russian-federation" for s, _o in perps), ex.claims
    check_quotes(text, ex.claims)


def test_a_release_asked_in_another_demand_after_a_semicolon_names_no_holder() -> None:
    text, ex = extract("We call on the Russian Federation to respect human rights; to release illegally detained Rustam Veliyev "
                       "without delay.")
    assert not any(s == "org:russian-federation" for s, _o in _role(ex, "perpetrator")), ex.claims


def test_the_subject_of_a_list_of_verbs_does_the_act_of_a_later_verb() -> None:
    text, ex = extract("The FSB kept Rustam Veliyev in handcuffs with a bag over his head, exerted psychological pressure "
                       "and threatened his family.")
    assert any(s == "org:fsb" for s, _o in _role(ex, "perpetrator")), ex.claims
    check_quotes(text, ex.claims)


def test_a_subject_whose_list_turns_passive_is_not_the_agent() -> None:
    text, ex = extract("The FSB kept Rustam Veliyev in handcuffs, and he was tortured.")
    assert not any(s == "org:fsb" for s, _o in _role(ex, "perpetrator")), ex.claims


def test_the_agent_of_an_act_that_preceded_the_arrest_is_not_the_arrests() -> None:
    text, ex = extract("The illegal arrest of Rustam Veliyev was preceded by the FSB’s search of the ATR TV station in Simferopol.")
    assert any(o for s, o in _role(ex, "target") if s == "person:rustam-veliyev"), ex.claims
    assert not any(s == "org:fsb" and o.endswith("-arrest") for s, o in _role(ex, "perpetrator")), ex.claims


def test_a_by_phrase_of_a_participle_before_another_clause_is_not_the_trials_agent() -> None:
    text, ex = extract("Rustam Veliyev, a leader of the body barred by the Russian authorities as “extremist”, was sentenced "
                       "to eight years in September, following a sham trial.")
    targets = dict(_role(ex, "target"))
    assert targets, ex.claims
    assert not any(s == "org:russian-authorities" for s, _o in _role(ex, "perpetrator")), ex.claims


def test_a_court_with_its_seat_and_a_date_before_the_verb_judges() -> None:
    text, ex = extract("The Southern District Military Court in Rostov-on-Don on 3 May sentenced Rustam Veliyev to 12 years.")
    assert any(s == "org:southern-district-military-court" for s, _o in _role(ex, "judge")), ex.claims
    assert any(s == "person:rustam-veliyev" for s, _o in _role(ex, "target")), ex.claims  # "May" is the month, no modal
    check_quotes(text, ex.claims)


def test_an_agency_with_today_before_its_verb_is_the_agent() -> None:
    text, ex = extract("The FSB today detained Rustam Veliyev in Simferopol.")
    assert any(s == "org:fsb" for s, _o in _role(ex, "perpetrator")), ex.claims
    check_quotes(text, ex.claims)


def test_the_modal_may_still_makes_an_act_possible_only() -> None:
    _text, ex = extract("Rustam Veliyev may be detained again.")
    assert not _role(ex, "target"), ex.claims


def test_the_person_named_after_an_owners_title_is_the_target_not_the_owner() -> None:
    text, ex = extract("FSB agents questioned Rustam Veliyev for three hours. The agents also detained Veliyev’s former boss, "
                       "Arsen Kadyrov.")
    detained = {s for s, o in _role(ex, "target") if o.endswith("-detention")}
    assert detained == {"person:arsen-kadyrov"}, ex.claims
    check_quotes(text, ex.claims)


def test_an_apposition_without_its_closing_comma_keeps_the_name_the_subject() -> None:
    text, ex = extract("Rustam Veliyev, an ecologist and anti-fascist activist was sentenced to 10 years in prison.")
    assert any(s == "person:rustam-veliyev" for s, _o in _role(ex, "target")), ex.claims
    check_quotes(text, ex.claims)


def test_charges_someone_should_face_are_not_brought() -> None:
    _text, ex = extract("Rustam Veliyev and Arsen Kadyrov should face appropriate charges or be released.")
    assert not [c for c in ex.claims if c.predicate in ("ACCUSED_OF", "DEFENDANT_IN")], ex.claims


def test_a_sentence_a_prosecutor_says_someone_should_get_is_not_passed() -> None:
    _text, ex = extract("The prosecutor has requested that Rustam Veliyev should be sentenced to 15 years in jail.")
    # no verdict (the request is a hearing, README round-10 decision 4: its target is no convicted man)
    assert not [e for e in ex.entities.values() if e.label == "Event" and e.attributes.get("kind") != "hearing"], ex.entities
    assert not [c for c in ex.claims if c.predicate == "DEFENDANT_IN" and c.qualifiers.get("procedural_status") == "convicted"]
