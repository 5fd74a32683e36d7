"""Round 12 (joint12): speakers named together as one subject, in the general forms of English: a second name
with "the", more than two names, adverbs and auxiliaries before the verb, and verb phrases of a voiced attitude;
the claims their sentence reports are theirs (``asserted_by``)."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _joint(body: str) -> tuple[set[str], set[str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    states = [c for c in ex.claims if c.predicate == "STATES" and c.rule == "joint-report"]
    return {c.subject for c in states}, {c.object for c in states}


def test_second_subject_with_the_and_a_concern_expressed() -> None:
    subjects, events = _joint("The Ministry of Foreign Affairs of Ukraine and the OSCE expressed deep concern about "
                              "the detention of Ivan Petrenko.")
    assert subjects == {"org:ministry-of-foreign-affairs-of-ukraine", "org:osce"} and len(events) == 1


def test_auxiliary_and_adverb_before_the_verb() -> None:
    subjects, events = _joint("Human Rights Watch and Amnesty International have repeatedly called for the release "
                              "of Ivan Petrenko.")
    assert subjects == {"org:human-rights-watch", "org:amnesty-international"} and len(events) == 1


def test_three_subjects_and_an_adverb() -> None:
    subjects, events = _joint("Human Rights Watch, Amnesty International and the OSCE strongly condemned the "
                              "sentence of Ivan Petrenko.")
    assert subjects == {"org:human-rights-watch", "org:amnesty-international", "org:osce"} and len(events) == 1


def test_verb_phrases_of_a_voiced_attitude() -> None:
    for verb in ("voiced alarm at", "raised serious concerns about", "reaffirmed their support for",
                 "deplored"):
        subjects, _events = _joint(f"Human Rights Watch and Amnesty International {verb} the sentence of Ivan Petrenko.")
        assert subjects == {"org:human-rights-watch", "org:amnesty-international"}, verb


def test_the_joint_speakers_assert_what_their_sentence_reports() -> None:
    text, ex = extract("Human Rights Watch and the OSCE said that the FSB detained Ivan Petrenko.")
    acts = [c for c in ex.claims if c.predicate == "PARTICIPANT_IN"]
    assert acts and all(c.asserted_by == "org:human-rights-watch" for c in acts)
    check_quotes(text, ex.claims)


def test_a_list_after_a_verb_is_no_subject() -> None:
    subjects, _events = _joint("The court heard Human Rights Watch and the OSCE strongly condemned the verdict.")
    assert not subjects
