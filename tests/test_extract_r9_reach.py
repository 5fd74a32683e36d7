"""Round 9 "reach" (made-up sentences): how far an agency reaches. The subject of a list of verbs with an
auxiliary and adverbs ("have already forcibly exiled or jailed ..., banned ...") does each act of the list;
the agency of "the attempt of ORG to <act>" does the act; a "by" phrase of a later clause with its own subject
and passive verb ("..., he was detained by masked men") is not the agent of an earlier act."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _agents(ex: Extraction) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") in ("perpetrator", "judge")}


def test_subject_with_auxiliary_and_adverbs_does_each_act_of_its_list() -> None:
    text, ex = extract("Russian authorities have already forcibly exiled or jailed community leaders, banned their "
                       "representative body, Mejlis, and stifled the local media.")
    assert any(s == "org:russian-authorities" and "ban" in o for s, o in _agents(ex)), ex.claims
    check_quotes(text, ex.claims)


def test_by_phrase_of_a_later_clause_is_not_the_agent_of_an_earlier_act() -> None:
    text, ex = extract("On 3 May 2016, after Taras Melnyk exposed the attempt of the FSB to recruit him as a secret "
                       "informant, he was apprehended by masked assailants and taken to his home.")
    pressure = {(s, o) for s, o in _agents(ex) if "pressure" in o}
    assert not any("assailants" in s for s, _o in pressure), ex.claims
    check_quotes(text, ex.claims)


def test_the_attempt_of_an_agency_to_act_is_its_act() -> None:
    text, ex = extract("On 3 May 2016, after Taras Melnyk exposed the attempt of the FSB to recruit him as a secret "
                       "informant, he was apprehended by masked assailants and taken to his home.")
    assert any(s == "org:fsb" and "pressure" in o for s, o in _agents(ex)), ex.claims


def test_a_participle_after_a_comma_is_no_verb_of_the_subjects_list() -> None:
    _text, ex = extract("Russian authorities have already searched the home of Taras Melnyk, detained last year in Kyiv, "
                        "on 4 May.")
    assert not any(s == "org:russian-authorities" and "detention" in o for s, o in _agents(ex)), ex.claims


def test_the_agency_whose_effort_an_act_is_part_of_did_it() -> None:
    text, ex = extract("On 3 May a court in Simferopol sentenced Taras Melnyk to two years in prison. His employer "
                       "described the verdict as “part of an orchestrated effort by Russian authorities in Crimea to "
                       "silence independent voices.”")
    assert any("authorities" in s and o.endswith("-verdict") for s, o in _agents(ex)), ex.claims
    check_quotes(text, ex.claims)


def test_a_persons_detention_as_a_reminder_of_an_agencys_practice() -> None:
    text, ex = extract("Taras Melnyk was detained in Simferopol on 3 May. The OSCE called Melnyk’s detention “a reminder "
                       "of the ongoing practice of the de facto authorities to intimidate journalists.”")
    assert any("authorities" in s and o.endswith("-detention") for s, o in _agents(ex)), ex.claims
