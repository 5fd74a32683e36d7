"""Round 15 (stmts15): who states what - an inverted attribution, a sentence opened by its source, a document's
index line naming its issuer."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _states(body: str) -> set[tuple[str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}


def test_inverted_attribution_is_not_said_by_a_name_in_the_list():
    # "..., said <title> X": the name right before ", said" is one of a list, not the speaker
    states = _states("The European Union condemns the continued detention of Nadiya Savchenko, Oleksander Kolchenko, "
                     "and Oleg Sentsov, said EU Ambassador to the OSCE Daniel Baer.")
    speakers = {s for s, _ in states}
    assert not speakers & {"person:nadiya-savchenko", "person:oleksander-kolchenko", "person:oleg-sentsov"}
    assert speakers


def test_inverted_attribution_to_an_organisation():
    # "..., said ORG.": the organisation that ends the clause speaks, not the last name of the list before it
    states = _states("Russia continues to hold Nariman Dzhelyal, Asan Akhtemov, and Aziz Akhtemov, said Amnesty International.")
    assert {s for s, _ in states} == {"org:amnesty-international"}


def test_a_name_before_said_still_speaks():
    states = _states("Lawyer Emil Kurbedinov, who represents Oleg Sentsov, said the charges were fabricated.")
    assert any(s == "person:emil-kurbedinov" for s, _ in states)
    # a subject named after "said" that does not end the clause is what was said, not who says it
    states = _states("Oleg Sentsov, the film director, said President Vladimir Putin was responsible.")
    assert any(s == "person:oleg-sentsov" for s, _ in states)


def test_sentence_opened_by_its_source_is_not_the_clause_organisation_statement():
    # "According to his lawyer, the FSB told him ...": the lawyer's account, not a statement of the FSB
    states = _states("According to his lawyer, the FSB told Mykola Semena that he is the main suspect in the case.")
    assert not any(s == "org:fsb" for s, _ in states)


def test_the_organisation_speaks_without_an_opener():
    states = _states("The FSB told Mykola Semena that he is the main suspect in the case.")
    assert any(s == "org:fsb" for s, _ in states)


def test_index_line_names_the_issuer_of_the_document():
    text, ex = extract("Health of a detained man at risk\n\nAI-Index: EUR 46/0470/2019\n\n"
                       "Edem Bekirov has been detained in Simferopol since 12 December 2018.")
    check_quotes(text, ex.claims)
    states = [c for c in ex.claims if c.predicate == "STATES" and c.subject == "org:amnesty-international"]
    assert states and text[states[0].span[0]:states[0].span[1]] == "AI-Index: EUR 46/0470/2019"
    assert ex.entities[states[0].object].attributes.get("kind") == "statement"
