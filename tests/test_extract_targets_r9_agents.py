"""Who did an act, round 9: the owner of an agency named after "by" is not the agent, and a name right
before a participle with its own "by" is the participle's object, not its subject (made-up sentences)."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _perpetrators(ex: Extraction) -> set[str]:
    return {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "perpetrator"}


def _targets(ex: Extraction) -> set[str]:
    return {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"}


def test_the_agency_a_state_owns_is_the_agent_not_the_state() -> None:
    text, ex = extract("The blogger Rustam Veliyev was detained in Simferopol by Russia's Federal Security Service (FSB) in May.")
    perps = _perpetrators(ex)
    assert "org:fsb" in perps, ex.claims
    assert "org:russian-federation" not in perps
    assert "person:rustam-veliyev" in _targets(ex)
    check_quotes(text, ex.claims)


def test_the_state_alone_after_by_stays_the_agent() -> None:
    text, ex = extract("The blogger Rustam Veliyev was detained in Simferopol by Russia in May.")
    assert "org:russian-federation" in _perpetrators(ex), ex.claims
    check_quotes(text, ex.claims)


def test_a_group_before_a_passive_participle_is_not_its_agent() -> None:
    text, ex = extract("The envoy deplored the detention of Jehovah's Witness Arne Lund, one of 12 Jehovah's Witnesses "
                       "detained by the police since March.")
    assert "org:jehovahs-witnesses" not in _perpetrators(ex), ex.claims
    check_quotes(text, ex.claims)


def test_an_agency_before_an_active_verb_stays_the_agent() -> None:
    text, ex = extract("The FSB detained Rustam Veliyev in Simferopol on 3 May.")
    assert "org:fsb" in _perpetrators(ex), ex.claims
    assert "person:rustam-veliyev" in _targets(ex)
    check_quotes(text, ex.claims)


def test_a_court_inside_a_nominal_act_with_by_judges_it() -> None:
    text, ex = extract("The rapporteur condemned the conviction by a Russian court of the Ukrainian journalist Rustam Veliyev.")
    judges = {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "judge"}
    assert "org:russian-court-generic" in judges, ex.claims
    assert "person:rustam-veliyev" in _targets(ex)
    check_quotes(text, ex.claims)


def test_the_person_after_a_semicolon_is_the_next_item_not_the_object() -> None:
    text, ex = extract("The envoy named the prisoners: a teacher who suffers after allegedly being subjected to severe "
                       "torture; Rustam Veliyev, one of several Ukrainians held in Russia; and others.")
    tortured = {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and "torture" in c.object}
    assert "person:rustam-veliyev" not in tortured, ex.claims
    check_quotes(text, ex.claims)


def test_a_person_right_after_the_act_is_still_its_object() -> None:
    text, ex = extract("The guards subjected to torture Rustam Veliyev, a teacher from Simferopol.")
    tortured = {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and "torture" in c.object}
    assert "person:rustam-veliyev" in tortured, ex.claims
    check_quotes(text, ex.claims)
