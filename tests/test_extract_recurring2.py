"""Second pass over the classes of events that recur across the development splits (several writers,
several annotators): trials told by their qualifier ("following a sham trial", "in a seriously flawed
trial", "participate in his trial"), and defendants separated from their verb by two appositions."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _claims(ex: Extraction, predicate: str) -> set[tuple[str, str, str]]:
    return {(c.subject, str(c.qualifiers.get("role", "")), c.object) for c in ex.claims if c.predicate == predicate}


def _date(ex: Extraction, subject: str, obj: str) -> object:
    return next(c.qualifiers.get("date") for c in ex.claims
                if c.predicate == "PARTICIPANT_IN" and c.subject == subject and c.object == obj)


# --- trials (dev2, dev3, dev4): the trial of the person sentenced or subjected to it, part of their case


def test_a_sham_trial_after_the_sentence_is_the_defendants_trial_without_the_sentences_date() -> None:
    text, ex = extract("Rustem Aliyev was sentenced to two years in jail on 27 September 2017, following a sham trial.")
    check_quotes(text, ex.claims)
    assert ("person:rustem-aliyev", "target", "event:rustem-aliyev-trial") in _claims(ex, "PARTICIPANT_IN")
    assert ("event:rustem-aliyev-trial", "", "case:rustem-aliyev") in _claims(ex, "PART_OF")
    assert _date(ex, "person:rustem-aliyev", "event:rustem-aliyev-verdict") == "2017-09-27"
    assert _date(ex, "person:rustem-aliyev", "event:rustem-aliyev-trial") is None  # the date is the sentence's


def test_a_seriously_flawed_trial_and_a_trial_by_video_link() -> None:
    _, ex = extract("Activist Lenur Osmanov has been convicted and sentenced to 8 years in a seriously flawed trial.")
    assert ("person:lenur-osmanov", "target", "event:lenur-osmanov-trial") in _claims(ex, "PARTICIPANT_IN")
    _, ex = extract("Lenur Osmanov was detained in 2019. He was forced to participate in his trial by video link.")
    assert ("person:lenur-osmanov", "target", "event:lenur-osmanov-trial") in _claims(ex, "PARTICIPANT_IN")


def test_two_separate_sham_trials_are_one_trial_each() -> None:
    _, ex = extract("Rustem Aliyev and Lenur Osmanov were sentenced respectively to eight and two years in jail, "
                    "following two separate sham trials.")
    got = _claims(ex, "PARTICIPANT_IN")
    assert ("person:rustem-aliyev", "target", "event:rustem-aliyev-trial") in got
    assert ("person:lenur-osmanov", "target", "event:lenur-osmanov-trial") in got


def test_a_trial_that_is_not_a_persons_is_no_event() -> None:
    _, ex = extract("Speaking at his trial, Rustem Aliyev said that the charges against him were false.")
    # cataphoric "his": the subject's trial (round 10, proc10: the fronted clause's pronoun is resolved), nobody else's
    trials = {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and ex.entities[c.object].attributes.get("kind") == "trial"}
    assert trials == {"person:rustem-aliyev"}
    _, ex = extract("Rustem Aliyev said the clinical trial of the vaccine was a success.")
    assert not any(e.attributes.get("kind") == "trial" for e in ex.entities.values())


# --- defendants before two appositions (dev3, dev4, valid): the verb after both is still theirs


def test_two_appositions_between_the_defendants_and_their_sentence() -> None:
    text, ex = extract("Rustem Aliyev and Lenur Osmanov, the two deputy heads of the community's body banned by the "
                       "authorities as “extremist”, the Kurultai, were sentenced respectively to eight and two years in jail.")
    check_quotes(text, ex.claims)
    got = _claims(ex, "PARTICIPANT_IN")
    assert ("person:rustem-aliyev", "target", "event:rustem-aliyev-verdict") in got
    assert ("person:lenur-osmanov", "target", "event:lenur-osmanov-verdict") in got


def test_a_second_clause_is_not_an_apposition() -> None:
    _, ex = extract("Rustem Aliyev, a teacher, met the consul, and the journalist Lenur Osmanov was sentenced to two years.")
    got = _claims(ex, "PARTICIPANT_IN")
    assert ("person:rustem-aliyev", "target", "event:rustem-aliyev-verdict") not in got


# --- an assembly's unnumbered resolution (dev3, dev4): a statement the assembly STATES


def _states(body: str) -> set[tuple[str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, str(ex.entities[c.object].attributes.get("kind"))) for c in ex.claims if c.predicate == "STATES"}


def test_a_parliament_adopting_a_resolution_states_it() -> None:
    assert ("org:european-parliament", "statement") in _states(
        "The European Parliament adopted a resolution on the cases of the jailed activists Rustem Aliyev and Lenur Osmanov.")
    assert ("org:european-parliament", "statement") in _states(
        "The European Parliament adopted by 512 votes to 61 with 33 abstentions a resolution calling for their release.")
    assert ("org:european-parliament", "statement") in _states(
        "The European Parliament adopted 420 votes to 80, with 50 abstentions, a resolution on the prisoners.")


def test_a_un_organs_resolution_and_a_resolution_adopted_by_others_are_not_its_statement() -> None:
    assert not _states("In March 2014, the UN General Assembly adopted a resolution calling on States not to recognize "
                       "changes in status of the Crimea.")
    assert ("org:european-parliament", "statement") not in _states(
        "The governments welcomed the resolution that the European Parliament adopted on the prisoners.")


def test_the_groups_that_tabled_the_resolution_organise_it() -> None:
    text, ex = extract("The European Parliament adopted a resolution on the jailed activists. "
                       "The resolution was tabled by the EPP and other groups.")
    check_quotes(text, ex.claims)
    assert ("org:epp-group", "organiser", "event:european-parliament-statement") in _claims(ex, "PARTICIPANT_IN")
    _, ex = extract("The European Parliament issued a statement. The question was tabled by the EPP.")
    assert not [c for c in ex.claims if c.subject == "org:epp-group" and c.predicate == "PARTICIPANT_IN"]  # no resolution
