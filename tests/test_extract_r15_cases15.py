"""Round 15 (cases15): the body that investigates or prosecutes a case (README conv13c point 3) in more of the domain's
wordings: an investigator or prosecutor that "accuses" a defendant, a pronoun object ("Investigators accuse him of"), "is
investigating the case of X", a security service's charges (the investigator's), the notice of suspicion ("notified X of
suspicion of", "told X that he is the main suspect"), and "a case brought by ORG against" an organisation's ban case."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract

_CASE = "case:taras-ibragimov"


def _preds(ex: Extraction, obj: str = _CASE) -> set[tuple[str, str]]:
    return {(c.subject, c.predicate) for c in ex.claims if c.object == obj and c.predicate in ("INVESTIGATES", "PROSECUTES")}


def test_investigators_who_accuse_investigate() -> None:
    text, ex = extract("Russian investigators accused Taras Ibragimov of espionage.")
    assert ("org:investigators-generic", "INVESTIGATES") in _preds(ex)
    check_quotes(text, ex.claims)


def test_a_pronoun_object_is_the_defendant_named_before() -> None:
    for body in ("Taras Ibragimov was detained in May. Investigators accuse him of espionage.",
                 "Taras Ibragimov was detained in May. The FSB charged him with treason."):
        text, ex = extract(body)
        assert any(p == "INVESTIGATES" for _s, p in _preds(ex)), body
        check_quotes(text, ex.claims)


def test_a_security_service_that_charges_is_the_investigator() -> None:
    _text, ex = extract("The FSB charged Taras Ibragimov with treason.")
    assert _preds(ex) == {("org:fsb", "INVESTIGATES")}


def test_investigating_the_case_of_a_defendant() -> None:
    for body in ("The Investigative Committee is investigating the case of Taras Ibragimov.",
                 "The FSB is investigating the criminal case against Taras Ibragimov."):
        _text, ex = extract(body)
        assert any(p == "INVESTIGATES" for _s, p in _preds(ex)), body


def test_a_state_that_accuses_is_not_read_as_a_prosecutor() -> None:
    _text, ex = extract("The Russian authorities accused Taras Ibragimov of sabotage.")
    assert not _preds(ex)


def test_the_notice_of_suspicion() -> None:
    for body in ("The SBU notified Taras Ibragimov of suspicion of treason.",
                 "A criminal case was opened against Taras Ibragimov. The FSB told Taras Ibragimov that he is the main suspect."):
        text, ex = extract(body)
        assert ("person:taras-ibragimov", "DEFENDANT_IN") in {(c.subject, c.predicate) for c in ex.claims}, body
        assert any(p == "INVESTIGATES" for _s, p in _preds(ex)), body
        check_quotes(text, ex.claims)
    _text, ex = extract("Taras Ibragimov was notified of suspicion of collaboration.")
    assert any(c.predicate == "ACCUSED_OF" for c in ex.claims)
    _text, ex = extract("Taras Ibragimov spoke of suspicion of the authorities.")
    assert not any(c.predicate == "DEFENDANT_IN" for c in ex.claims)


def test_a_case_brought_by_a_prosecutor_against_an_organisation() -> None:
    text, ex = extract("On March 17, the Supreme Court of Crimea began hearing a case brought by the de facto Prosecutor’s Office "
                       "against the Mejlis under Russian anti-extremism legislation.")
    assert any(p == "PROSECUTES" for _s, p in _preds(ex, "case:mejlis-ban"))
    check_quotes(text, ex.claims)


def test_the_prosecution_or_prosecutors_that_ask_for_a_term() -> None:
    for body, key in (("The prosecution demanded 12 years for Taras Ibragimov.", "org:prosecution-generic"),
                      ("Russian prosecutors requested 12 years in prison for Taras Ibragimov.", "org:prosecutors-generic")):
        text, ex = extract(body)
        assert (key, "PROSECUTES") in _preds(ex), body
        assert ex.entities[key].generic
        check_quotes(text, ex.claims)


def test_accused_by_a_body_of_a_charge() -> None:
    text, ex = extract("Taras Ibragimov, accused by the FSB of espionage, remains in custody.")
    got = {(c.subject, c.predicate) for c in ex.claims if c.object == _CASE}
    assert {("person:taras-ibragimov", "DEFENDANT_IN"), ("person:taras-ibragimov", "ACCUSED_OF"), ("org:fsb", "INVESTIGATES")} <= got
    check_quotes(text, ex.claims)
    _text, ex = extract("Taras Ibragimov, accused by the Russian authorities of espionage, remains in custody.")
    assert ("person:taras-ibragimov", "ACCUSED_OF") in {(c.subject, c.predicate) for c in ex.claims}
    assert not _preds(ex)
