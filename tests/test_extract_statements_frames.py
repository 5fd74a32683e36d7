"""The statement frames of official prose (issue 20, statements round): a statement's headline naming
its maker, one statement per document for a state and its ministry, verbs of official statements, and
taking part in a body's meeting. Made-up sentences only."""

from __future__ import annotations

from loaders.extract.claims import Extraction, extract_claims
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people, split_sentences
from tests.extract_helpers import check_quotes, extract


def _article(text: str) -> tuple[str, Extraction]:
    """A whole article, headline included (the shared helper writes its own headline)."""
    gaz = load_gazetteer()
    entries = find_entries(text, gaz)
    people, _ = find_people(text, entries, gaz)
    return text, extract_claims(text, split_sentences(text), entries, people, gaz)


def _states(ex: Extraction) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}


def test_headline_commentary_of_a_ministry_is_its_statement() -> None:
    text, ex = _article("Two years of detention of Ivan Petrenko, – commentary of Ukraine's MFA\n\n"
                        "We consider the detention of Ivan Petrenko to be revenge for his journalism.\n\n"
                        "We call on the international community to increase pressure.\n")
    said = _states(ex)
    assert ("org:ministry-of-foreign-affairs-of-ukraine", "event:ministry-of-foreign-affairs-of-ukraine-statement") in said
    assert ex.entities["event:ministry-of-foreign-affairs-of-ukraine-statement"].attributes["kind"] == "statement"
    check_quotes(text, ex.claims)


def test_headline_statement_of_a_body_names_its_maker_once() -> None:
    text, ex = _article("Statement of the Ministry of Foreign Affairs of Ukraine on the sentence of Ivan Petrenko\n\n"
                        "The sentence handed down to Ivan Petrenko is illegal.\n")
    assert ("org:ministry-of-foreign-affairs-of-ukraine", "event:ministry-of-foreign-affairs-of-ukraine-statement") in _states(ex)
    assert sum(c.predicate == "STATES" for c in ex.claims) == 1
    check_quotes(text, ex.claims)


def test_headline_comment_does_not_leave_an_organisation_named_after_it() -> None:
    _text, ex = _article("Comment of Ukraine's Foreign Ministry regarding the detention of Ivan Petrenko\n\n"
                         "The Ministry of Foreign Affairs of Ukraine expresses deep concern over the health of Ivan Petrenko.\n")
    assert not any(e.name.startswith("Comment of") for e in ex.entities.values())
    # the ministry states the document's one statement (its key follows the headline's wording)
    states = _states(ex)
    assert len(states) == 1 and next(iter(states))[0] == "org:ministry-of-foreign-affairs-of-ukraine"


def test_a_headline_without_a_known_maker_adds_nothing() -> None:
    _text, ex = _article("Statement of the Representation on the prosecution of Ivan Petrenko\n\n"
                         "The prosecution of Ivan Petrenko is illegal.\n")
    assert not _states(ex)


def test_the_state_states_its_ministrys_statement() -> None:
    text, ex = _article("Statement on Ivan Petrenko\n\n"
                        "The Ministry of Foreign Affairs of Ukraine strongly condemns the illegal sentence of Ivan Petrenko.\n\n"
                        "Ukraine calls on the Russian Federation to release Ivan Petrenko immediately.\n")
    said = _states(ex)
    ev = "event:ministry-of-foreign-affairs-of-ukraine-statement"
    assert ("org:ministry-of-foreign-affairs-of-ukraine", ev) in said and ("org:ukraine", ev) in said
    assert "event:ukraine-statement" not in ex.entities
    check_quotes(text, ex.claims)


def test_another_states_statement_is_not_folded() -> None:
    # the Russian government's words are not Ukraine's ministry's statement
    _text, ex = _article("Statement on Ivan Petrenko\n\n"
                         "The Ministry of Foreign Affairs of Ukraine strongly condemns the illegal sentence of Ivan Petrenko.\n\n"
                         "The Russian Federation stated that the trial was fair.\n")
    said = _states(ex)
    assert not any(s == "org:russian-federation" and o == "event:ministry-of-foreign-affairs-of-ukraine-statement" for s, o in said)


def test_verbs_of_official_statements() -> None:
    text, ex = extract("Olena Marchenko underscored that Russia must release all political prisoners. "
                       "Human Rights Watch appealed to the international community to help free the detainees.")
    said = _states(ex)
    assert ("person:olena-marchenko", "event:olena-marchenko-statement") in said
    assert ("org:human-rights-watch", "event:human-rights-watch-statement") in said
    assert not any(e.attributes.get("kind") == "appeal" for e in ex.entities.values())
    check_quotes(text, ex.claims)


def test_taking_part_in_a_bodys_session() -> None:
    text, ex = extract("Deputy Minister Olena Marchenko took part in the session of the UN Human Rights Council in Geneva.")
    ev = "event:meeting-of-un-human-rights-council"
    assert ex.entities[ev].attributes["kind"] == "meeting"
    roles = {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object == ev}
    assert roles == {("org:un-human-rights-council", "organiser"), ("person:olena-marchenko", "participant")}
    check_quotes(text, ex.claims)


def test_addressing_a_meeting_makes_a_speaker() -> None:
    _text, ex = extract("Ambassador Petro Sydorenko addressed the meeting of the Committee of Ministers of the Council of Europe.")
    roles = {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.predicate == "PARTICIPANT_IN"
             and ex.entities[c.object].attributes.get("kind") == "meeting"}
    assert ("person:petro-sydorenko", "speaker") in roles and ("org:coe-committee-of-ministers", "organiser") in roles


def test_a_court_session_is_no_meeting() -> None:
    _text, ex = extract("Lawyer Petro Sydorenko took part in the session of the Supreme Court of Crimea.")
    assert not any(e.attributes.get("kind") == "meeting" for e in ex.entities.values())


def test_a_meeting_is_where_the_sentence_says() -> None:
    _text, ex = extract("Ambassador Petro Sydorenko participated in the meeting of the OSCE Permanent Council in Vienna.")
    assert ("event:meeting-of-osce-permanent-council", "place:vienna") in {
        (c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}


def test_headline_address_of_a_parliament() -> None:
    text, ex = _article("ADDRESS of the Verkhovna Rada of Ukraine to international organizations regarding the ban of the Mejlis\n\n"
                        "Considering that the Mejlis was banned, the Verkhovna Rada of Ukraine appeals to parliaments.\n")
    assert any(s == "org:verkhovna-rada" for s, _o in _states(ex))
    check_quotes(text, ex.claims)


def test_a_parliamentary_speaker_line_is_the_members_speech() -> None:
    text, ex = _article("Human rights in Crimea\n\nOlena Marchenko 10:37 am, 24th April 2019\n\n"
                        "It is a pleasure to serve in this debate. The treatment of the Crimean Tatars must be condemned.\n")
    said = [c for c in ex.claims if c.predicate == "STATES" and c.subject == "person:olena-marchenko"]
    assert said and said[0].rule == "speaker-line"
    check_quotes(text, ex.claims)


def test_a_written_question_is_answered_by_its_department() -> None:
    text, ex = _article("Crimea: Human Rights\n\nQuestion for Foreign and Commonwealth Office\n\n"
                        "To ask the Government what assessment they have made of the detention of Crimean Tatars.\n\n"
                        "Answered on 12 March 2019\n\nThe UK condemns the persecution of Crimean Tatars.\n")
    said = _states(ex)
    ev = next(o for s, o in said if s == "org:united-kingdom")
    assert ("org:foreign-and-commonwealth-office", ev) in said
    check_quotes(text, ex.claims)


def test_a_question_line_without_an_answer_states_nothing() -> None:
    _text, ex = _article("Crimea: Human Rights\n\nQuestion for Foreign and Commonwealth Office\n\n"
                         "To ask the Government what assessment they have made of the detention of Crimean Tatars.\n")
    assert not any(s == "org:foreign-and-commonwealth-office" for s, _o in _states(ex))


def test_delivery_line_names_the_statements_maker() -> None:
    text, ex = _article("Statement on the human rights situation in Crimea\n\n"
                        "As prepared for delivery by the Delegation of Ukraine to the 1135th Meeting of the Permanent Council, 2 March 2017\n\n"
                        "Mr. Chairman, the situation in Crimea is deteriorating.\n")
    assert any(c.rule == "issued-by" and c.predicate == "STATES" for c in ex.claims)
    check_quotes(text, ex.claims)


def test_a_summit_taken_for_an_organisation_is_a_conference() -> None:
    text, ex = extract("Olena Marchenko took part in the Inaugural Summit of the International Crimea Platform.")
    assert not any(e.label == "Organisation" and "Summit" in e.name for e in ex.entities.values())
    evs = [k for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "conference"]
    assert len(evs) == 1
    roles = {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object == evs[0]}
    assert ("org:crimea-platform", "organiser") in roles and ("person:olena-marchenko", "participant") in roles
    check_quotes(text, ex.claims)


def test_a_statement_line_names_the_body_whose_statement_it_is() -> None:
    text, ex = _article("Russia: The charges against two Ukrainians should be withdrawn\n\nAMNESTY INTERNATIONAL PUBLIC STATEMENT\n\n"
                        "31 July 2015\n\nThe charges against Ivan Petrenko are excessive and should be withdrawn.\n")
    assert ("org:amnesty-international", "event:amnesty-international-statement") in _states(ex)
    check_quotes(text, ex.claims)


def test_a_body_calling_for_a_release_speaks() -> None:
    text, ex = extract("Amnesty International is calling for the immediate release of Ivan Petrenko.")
    assert ("org:amnesty-international", "event:amnesty-international-statement") in _states(ex)
    check_quotes(text, ex.claims)


def test_a_name_for_a_headline_is_the_subject_not_the_byline() -> None:
    _text, ex = _article("Ivan Petrenko\n\nIvan Petrenko (born 5 May 1986) is a Ukrainian journalist from Crimea. "
                         "He was detained by the FSB in 2019.\n")
    assert not any(c.subject == "person:ivan-petrenko" and c.predicate == "STATES" for c in ex.claims)
    assert "event:ivan-petrenko-statement" not in ex.entities


def test_bodies_listed_after_a_passive_of_documenting_publish_reports() -> None:
    text, ex = extract("Cases of torture in Crimea have been reported by the UN, the Council of Europe and the OSCE.")
    said = _states(ex)
    for org in ("org:united-nations", "org:council-of-europe", "org:osce"):
        assert any(s == org and ex.entities[o].attributes.get("kind") == "publication" for s, o in said), org
    check_quotes(text, ex.claims)


def test_a_body_that_reported_to_another_is_not_its_publisher() -> None:
    _text, ex = extract("The UN reported the abuses to the Council of Europe.")
    assert not any(c.rule == "documented-by" for c in ex.claims)
