"""Round 12 legal-case rules (cases12), on made-up sentences in the general language of criminal procedure: who is a
defendant ("prosecuted by ORG", "under investigation", "named a suspect", "the suspect, X", "went on trial", "X's
lawyer", "A and B are co-defendants", "A, B and C were acquitted": one case each), and who prosecutes or investigates
("prosecuted by ORG", "investigated by ORG", "ORG is investigating X", "FSB investigators charged X", "a case brought by
ORG against X", "ORG announced that X was being investigated")."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _cases(body: str) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    """Each defendant's procedural status, and the (subject, predicate, object) of the PROSECUTES and INVESTIGATES claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    status = {c.subject: str(c.qualifiers.get("procedural_status")) for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    roles = {(c.subject, c.predicate, c.object) for c in ex.claims if c.predicate in ("PROSECUTES", "INVESTIGATES")}
    return status, roles


def test_prosecuted_or_charged_by_a_body_makes_a_defendant_and_a_prosecutor() -> None:
    status, roles = _cases("Bohdan Kovalenko was prosecuted by the FSB.")
    assert status == {"person:bohdan-kovalenko": "accused"}
    assert roles == {("org:fsb", "PROSECUTES", "case:bohdan-kovalenko")}


def test_the_body_that_investigates() -> None:
    for body in ("Bohdan Kovalenko is under investigation by the FSB.", "The FSB is investigating Bohdan Kovalenko.",
                 "The FSB announced earlier that Bohdan Kovalenko was being investigated for separatism."):
        status, roles = _cases(body)
        assert status == {"person:bohdan-kovalenko": "suspect"}, body
        assert roles == {("org:fsb", "INVESTIGATES", "case:bohdan-kovalenko")}, body


def test_a_body_s_investigators_investigate_for_the_body() -> None:
    for body in ("FSB investigators charged Bohdan Kovalenko with separatism.", "Bohdan Kovalenko was charged by FSB investigators."):
        _status, roles = _cases(body)
        assert roles == {("org:fsb", "INVESTIGATES", "case:bohdan-kovalenko")}, body


def test_a_case_brought_by_a_body_against_a_person() -> None:
    status, roles = _cases("A criminal case brought by the FSB against Bohdan Kovalenko was heard in Simferopol.")
    assert status == {"person:bohdan-kovalenko": "accused"}
    assert roles == {("org:fsb", "PROSECUTES", "case:bohdan-kovalenko")}


def test_suspects_named_by_their_role_or_by_the_procedure() -> None:
    assert _cases("The suspect, Bohdan Kovalenko, was detained in Yalta.")[0] == {"person:bohdan-kovalenko": "suspect"}
    assert _cases("Bohdan Kovalenko was named a suspect in the case.")[0] == {"person:bohdan-kovalenko": "suspect"}
    assert _cases("Bohdan Kovalenko was put on the federal wanted list.")[0] == {"person:bohdan-kovalenko": "suspect"}
    assert _cases("Bohdan Kovalenko was detained under Article 280.1.")[0] == {"person:bohdan-kovalenko": "suspect"}


def test_trial_bail_absentia_and_a_sentence_served() -> None:
    assert set(_cases("Bohdan Kovalenko went on trial in Simferopol.")[0]) == {"person:bohdan-kovalenko"}
    assert _cases("Bohdan Kovalenko was released on bail.")[0] == {"person:bohdan-kovalenko": "accused"}
    assert _cases("Bohdan Kovalenko was charged in absentia.")[0] == {"person:bohdan-kovalenko": "accused"}
    assert _cases("Bohdan Kovalenko is serving his sentence in a penal colony.")[0] == {"person:bohdan-kovalenko": "convicted"}
    assert _cases("Bohdan Kovalenko appealed the verdict.")[0] == {"person:bohdan-kovalenko": "convicted"}
    assert _cases("Bohdan Kovalenko's appeal was rejected.")[0] == {"person:bohdan-kovalenko": "convicted"}
    assert "person:bohdan-kovalenko" in _cases("The trial against Bohdan Kovalenko opened in Simferopol.")[0]


def test_people_named_together_before_a_plural_verb_each_have_a_case() -> None:
    status, _ = _cases("Bohdan Kovalenko, Taras Melnyk and Oksana Hrytsenko were acquitted.")
    assert status == {f"person:{p}": "acquitted" for p in ("bohdan-kovalenko", "taras-melnyk", "oksana-hrytsenko")}
    status, _ = _cases("Bohdan Kovalenko and Taras Melnyk were persecuted and imprisoned for their political activities.")
    assert set(status) == {"person:bohdan-kovalenko", "person:taras-melnyk"}
    status, _ = _cases("Bohdan Kovalenko and Taras Melnyk were given 17 and 13 years respectively.")
    assert status == {"person:bohdan-kovalenko": "convicted", "person:taras-melnyk": "convicted"}
    status, _ = _cases("Bohdan Kovalenko and Taras Melnyk are co-defendants.")
    assert set(status) == {"person:bohdan-kovalenko", "person:taras-melnyk"}
    status, _ = _cases("Bohdan Kovalenko and two more activists: Taras Melnyk and Oksana Hrytsenko are united by a common "
                       "criminal case.")
    assert set(status) == {"person:taras-melnyk", "person:oksana-hrytsenko"}
    # a singular verb is said of the last one only
    status, _ = _cases("Bohdan Kovalenko met Taras Melnyk, who was acquitted.")
    assert set(status) == {"person:taras-melnyk"}


def test_a_defendant_s_lawyer_and_a_jailed_person() -> None:
    assert set(_cases("Bohdan Kovalenko's lawyer Taras Melnyk said the charges were fabricated.")[0]) == {"person:bohdan-kovalenko"}
    assert set(_cases("Taras Melnyk, the lawyer of Bohdan Kovalenko, spoke to reporters.")[0]) == {"person:bohdan-kovalenko"}
    assert _cases("Taras Melnyk, a lawyer for the family of Bohdan Kovalenko, spoke to reporters.")[0] == {}
    assert set(_cases("Jailed activist Bohdan Kovalenko went on hunger strike.")[0]) == {"person:bohdan-kovalenko"}
