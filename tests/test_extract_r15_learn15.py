"""Round 15, learn15: the learned event finder leaves out a speaker named by a verb of speech such as
"emphasized" or "reiterated", a target named as the agent of a passive ("attended by X"), and a doer
named as the agent of a word no trigger names ("barred by the authorities")."""

from __future__ import annotations

from loaders.extract.learn.apply import _agent
from loaders.extract.learn.features import Span, sentence_spans, triggers
from tests.test_extract_learned import _with_learned


def _learned(body: str, keep: str) -> set[tuple[str, str, str]]:
    _text, _rules, learned = _with_learned(body, keep=keep)
    return {(c.subject, c.object, str(c.qualifiers.get("role", ""))) for c in learned}


def test_who_emphasizes_is_not_the_detained() -> None:
    body = ("At the same time, Ms. Kovalenko emphasized the need for humane treatment of all persons detained "
            "in Crimea and Crimeans held in detention centres in Russia.")
    assert not {c for c in _learned(body, "none") if c[0] == "person:kovalenko"}


def test_who_attends_a_hearing_is_not_its_target() -> None:
    body = ("Concerns over the safety of the defendants arose during the court hearing on 30 July, "
            "attended by an Amnesty International delegate.")
    assert not {c for c in _learned(body, "none") if c[0] == "org:amnesty-international"}


def test_the_agent_of_another_verb_is_not_the_doer_of_the_verdict() -> None:
    body = ("Akhtem Chiygoz and Ilmi Umerov, the deputy heads of the Mejlis, barred by the Russian authorities "
            "as extremist, were sentenced in 2017.")
    assert not {c for c in _learned(body, "targets") if c[2] == "perpetrator"}


def test_the_agent_of_the_trigger_is_still_its_doer() -> None:
    # "detained by": the participle before "by" is the act's own trigger, so the agency may be its doer
    # (never its target); "barred by": no trigger, so neither.
    text = "Ruslan Temirov was detained by the FSB. The Mejlis was barred by the FSB."
    sents = sentence_spans(text)
    for (a, b), doer in zip(sents, (True, False), strict=True):
        at = text.index("FSB", a)
        span = Span(at, at + 3, "org:fsb", "Organisation", kind="security_service")
        trig = triggers(text, (a, b))
        assert _agent(text, (a, b), span, trig, "perpetrator") is not doer
        assert _agent(text, (a, b), span, trig, "target")
