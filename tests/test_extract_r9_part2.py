"""Round 9 "part2" (made-up sentences): a lawyer named after a client's possessive is the one detained, the
community's singular as a title before a name, a Wikipedia-style subject whose parenthesis stands before its verb,
and a charge a defendant's sentence names only by a later phrase."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _role(ex: Extraction, role: str) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == role}


def _accused(ex: Extraction) -> dict[str, str]:
    return {c.subject: c.qualifiers.get("charge", "") for c in ex.claims if c.predicate == "ACCUSED_OF"}


def test_a_lawyer_named_after_his_clients_possessive_is_the_one_detained() -> None:
    text, ex = extract("On 26 January police detained Rustam Veliyev’s lawyer Emil Kadyrov in Simferopol.")
    targets = {s for s, _o in _role(ex, "target")}
    assert "person:emil-kadyrov" in targets, ex.claims
    assert "person:rustam-veliyev" not in targets, ex.claims
    check_quotes(text, ex.claims)


def test_the_communitys_singular_as_a_title_before_a_name_is_membership() -> None:
    text, ex = extract("Jehovah’s Witnesses are banned in Russia. The minister deplored the detention of religious prisoners, "
                       "including Jehovah's Witness Dennis Kowalski, who is one of many.")
    assert any(c.predicate == "MEMBER_OF" and c.subject == "person:dennis-kowalski" and c.object == "org:jehovahs-witnesses"
               for c in ex.claims), ex.claims
    check_quotes(text, ex.claims)


def test_the_singular_inside_a_longer_word_names_no_member() -> None:
    text, ex = extract("Jehovah’s Witnesses are banned in Russia. The minister met ex-Jehovah's Witness Dennis Kowalski.")
    assert not any(c.predicate == "MEMBER_OF" and c.subject == "person:dennis-kowalski" for c in ex.claims), ex.claims


def test_a_subject_with_a_parenthesis_before_its_verb_is_the_one_convicted() -> None:
    text, ex = extract("Oleksandr Petrovych Marchenko (nicknamed “Tundra”; born 26 November 1989) is a Ukrainian left-wing and trade "
                       "union activist, antifascist, anarchist, ecologist, and archaeologist, who was convicted of terrorism by the "
                       "Russian administration of Crimea in 2014.")
    assert "terrorism" in _accused(ex).get("person:oleksandr-petrovych-marchenko", ""), ex.claims
    check_quotes(text, ex.claims)


def test_a_charge_named_for_allegedly_doing_something_after_the_charges() -> None:
    text, ex = extract("Members are fined, as in the case of activist Rustam Veliyev who is currently facing charges that may lead "
                       "up to 2 years of imprisonment for allegedly making “public calls against the territorial integrity of the "
                       "Russian Federation.”")
    assert _accused(ex).get("person:rustam-veliyev", "").startswith("making public calls"), ex.claims
    check_quotes(text, ex.claims)


def test_a_charge_named_in_connection_with_something_after_the_defendant() -> None:
    text, ex = extract("The authorities also filed criminal charges that day against Rustam Veliyev in connection with articles he "
                       "wrote purportedly calling for an end to the occupation.")
    assert _accused(ex).get("person:rustam-veliyev", "").startswith("articles he wrote"), ex.claims
    check_quotes(text, ex.claims)


def test_a_later_phrase_after_another_person_names_no_charge() -> None:
    text, ex = extract("Arsen Kadyrov was sentenced to five years in prison, and Rustam Veliyev was detained in connection with "
                       "articles he wrote.")
    assert "person:rustam-veliyev" not in _accused(ex) and "person:arsen-kadyrov" not in _accused(ex), ex.claims
