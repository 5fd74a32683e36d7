"""Round 12, statements and their speakers from the grammar of English reporting verbs (stmt12): made-up
sentences in the shape of each class."""

from __future__ import annotations

from loaders.extract.claim_model import Extraction
from tests.extract_helpers import check_quotes, extract
from tests.test_extract_claim_frames import _article as _doc  # a whole article through the claim rules


def _states(ex: Extraction) -> dict[str, tuple[str, str]]:
    """speaker -> (statement event, its kind)."""
    return {c.subject: (c.object, str(ex.entities[c.object].attributes.get("kind"))) for c in ex.claims
            if c.predicate == "STATES"}


def test_reporting_verbs_beyond_said() -> None:
    """"denounced", "emphasises", "criticised", "issued a statement" are verbs of saying: the subject speaks."""
    for body in ("Amnesty International denounced the verdict against Emir-Usein Kuku.",
                 "Human Rights Watch criticised the sentence handed to Emir-Usein Kuku.",
                 "Freedom House emphasises that the charges against Emir-Usein Kuku are fabricated."):
        text, ex = extract(body)
        st = _states(ex)
        assert len(st) == 1 and next(iter(st.values()))[1] == "statement", body
        check_quotes(text, ex.claims)
    text, ex = extract("Lawyer Emil Kurbedinov issued a statement on the trial of Emir-Usein Kuku.")
    assert _states(ex).get("person:emil-kurbedinov", ("", ""))[1] == "statement"


def test_auxiliaries_and_adverbs_before_the_verb() -> None:
    """"has repeatedly called for", "deeply deplores": an adverb or auxiliary between speaker and verb."""
    for body in ("Human Rights Watch has repeatedly called for the release of Emir-Usein Kuku.",
                 "The European Union deeply deplores the sentence handed to Emir-Usein Kuku."):
        text, ex = extract(body)
        assert len(_states(ex)) == 1, body
        check_quotes(text, ex.claims)


def test_reported_that_is_a_statement() -> None:
    """"ORG reported that ..." names no document: a statement, not a publication; "on <date>" is no coverage."""
    for body in ("Human Rights Watch reported that Emir-Usein Kuku was beaten in custody.",
                 "Human Rights Watch has reported on 5 May that Emir-Usein Kuku was beaten in custody."):
        _t, ex = extract(body)
        assert _states(ex).get("org:human-rights-watch", ("", ""))[1] == "statement", body
    _t, ex = extract("Human Rights Watch published a report on the trial of Emir-Usein Kuku.")
    assert _states(ex)["org:human-rights-watch"][1] == "publication"


def test_delivering_line_of_a_state_statement() -> None:
    """A head line with a title and a name ("Minister Counsellor X") under "...: Statement of Japan": the person
    states the state's statement."""
    text = ("Interactive dialogue on Ukraine: Statement of Japan\n\nMinister Counsellor Kenji Tanaka\n9 July 2021\n\n"
            "Japan calls for the release of all political prisoners in Crimea.\n")
    ex = _doc(text)
    st = _states(ex)
    person = next(k for k in st if k.startswith("person:"))
    gov = next(k for k in st if k.startswith("org:"))
    assert st[person][0] == st[gov][0]
    check_quotes(text, ex.claims)


def test_representative_named_with_an_initial() -> None:
    """"Intervention by Permanent Representative of Ukraine Ambassador Y.Klymenko": the initial opens the name."""
    text = ("Intervention by Permanent Representative of Ukraine Ambassador Y.Petrenko at the 30th session of the Human "
            "Rights Council\n\nMr. President,\n\nUkraine calls on Russia to release all political prisoners in Crimea.\n")
    ex = _doc(text)
    assert any(c.predicate == "STATES" and c.subject.startswith("person:") and c.rule == "gov7:head-maker" for c in ex.claims)


def test_statement_named_before_its_maker() -> None:
    """"A statement by ORG", "in a statement from ORG", "ORG's appeal", "X was quoted as saying", "X alleged"."""
    for body, who in (("A statement by Amnesty International called the trial of Emir-Usein Kuku unfair.",
                       "org:amnesty-international"),
                      ("In a statement from Human Rights Watch, the group called the trial of Emir-Usein Kuku unfair.",
                       "org:human-rights-watch"),
                      ("Amnesty International's appeal called for the release of Emir-Usein Kuku.", "org:amnesty-international"),
                      ("Oleg Sentsov was quoted as saying that he had been tortured.", "person:oleg-sentsov"),
                      ("Oleg Sentsov alleged that he had been tortured.", "person:oleg-sentsov")):
        text, ex = extract(body)
        assert _states(ex).get(who, ("", ""))[1] == "statement", body
        check_quotes(text, ex.claims)


def test_pull_quote_and_caption_speak_the_release() -> None:
    """"‘...’ - Jane Doe" (a pull quote) and "Jane Doe, Researcher at ORG" over a quotation: the person speaks, and
    the pull quote's author states the one statement the body makes in the release."""
    text = ("Crimea: activist sentenced\n\n‘Reprisals will continue until no one is left to criticise the occupation’ - "
            "Maria Kovalenko\n\nThe conviction of Emir-Usein Kuku is the latest attack on free speech, said Amnesty "
            "International.\n")
    ex = _doc(text)
    st = _states(ex)
    assert st["person:maria-kovalenko"][0] == st["org:amnesty-international"][0]
    check_quotes(text, ex.claims)
    text = ("Trial of activists\n\nEvidence at the trial of Emir-Usein Kuku may have been extracted under duress.\n\n"
            "Maria Kovalenko, Researcher at Human Rights Watch\n\n“The charges may have been fabricated.”\n")
    ex = _doc(text)
    assert "person:maria-kovalenko" in _states(ex)

