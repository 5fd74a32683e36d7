"""Guards that keep a claim rule to the words it reads: the object of a second verb, an
official who is himself the one detained, a relative named by a possessive, a person the
text does not name, a place that belongs to another clause, a title someone used to hold.

Each is a small test on one sentence's text, shared by the event, charge and place rules
of :mod:`loaders.extract.claims` and checked on sentences written for it in
``tests/test_extract_events.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from loaders.extract.mentions import Mention

__all__ = ["UNNAMED_RE", "RELATIVE_AFTER_RE", "CLAUSE_VERB_RE", "former", "officials_acted_on", "other_act"]


class SentenceContext(Protocol):
    """What the guards read of a sentence (``claim_model.SentenceMentions``)."""

    people: list[Mention]

    def between(self, a: int, b: int) -> str: ...


# A person the text speaks of without naming them ("the applicant", "the victim"): a pronoun after it is theirs.
UNNAMED_RE = re.compile(r"\b(?:the|a|an|another)\s+(?:(?:young|elderly|\w+ian|\w+ese|Tatar)\s+)?(?:applicant|victim|man|woman|detainee|"
                        r"defendant|complainant|prisoner|journalist|activist|lawyer|witness|suspect|resident|believer)\b",
                        re.IGNORECASE)
RELATIVE_AFTER_RE = re.compile(r"\s+(?:late\s+|elder\s+|younger\s+)?(?:husband|wife|son|daughter|brother|sister|father|mother|"
                               r"cousin|uncle|nephew|relatives?|family|client|colleague|friend|lawyer|neighbou?r|(?:legal\s+)?representative|attorney|"
                               r"advocate)s?\b", re.IGNORECASE)


def former(before: str) -> str:
    """"former " when the title is one the holder no longer has ("the former chairman of ORG")."""
    return "former " if re.search(r"\b(?:former|ex-)\s*$", before, re.IGNORECASE) else ""


def officials_acted_on(cx: SentenceContext, a: int, b: int, officials: set[str]) -> set[str]:
    """The lawyers, judges or officials a trigger ``text[a:b]`` acts on: the subject of its passive
    ("lawyer X was detained by police") or its object ("police detained human rights lawyer X", "detained Y’s lawyer X")."""
    out = set()
    for m in cx.people:
        if m.ref not in officials:
            continue
        if m.end <= a and re.fullmatch(r"(?:,[^,;]{1,80},)?\s+(?:was|were|is|are|has\s+been|had\s+been|have\s+been)\s+"
                                       r"(?:also\s+|\w+ly\s+)?", cx.between(m.end, a)):
            out.add(m.ref)
        elif m.start >= b and re.fullmatch(r"\s+(?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,3}?(?:lawyer|attorney|advocate|judge|"
                                           r"prosecutor|investigator)s?\s*,?\s+", cx.between(b, m.start), re.IGNORECASE):
            out.add(m.ref)
    return out


def other_act(cx: SentenceContext, b: int, at: int, acts: Sequence[tuple[int, int]]) -> bool:
    """Whether a second verb joined by "and" stands between a trigger ending at ``b`` and a name at
    ``at`` ("searched the homes of believers and detained X"): X is that verb's object. A participle
    ("sentenced seven individuals arrested in ..., including X") does not take the name away."""
    return any(b <= x and y <= at and re.search(r"\b(?:and|then|but)\s+(?:(?:also|later|subsequently|\w+ly)\s+)?$",
                                                cx.between(b, x)) for x, y in acts)


# A verb of another clause between an act and a place ("the sentencing of X offers another example of the
# situation in Crimea"): the place is that clause's.
CLAUSE_VERB_RE = re.compile(r"\b(?:offers?|shows?|illustrates?|demonstrates?|highlights?|underlines?|remains?|continues?|"
                            r"reflects?|is|are|has|have)\s+(?!been\b)")


# An act the sentence does not report as done: a possibility, a risk, a request, an expectation,
# a negation or a denial ("could be sentenced", "risks being arrested", "seeking a 17-year sentence",
# "was not detained", "denied that X had been tortured", "if convicted").
_IRREALIS_RE = re.compile(
    # ("may" in lower case: "on 3 May sentenced" names the month)
    r"(?:\b(?:could|(?-i:may)|might|would|will|can|shall|should|must|cannot|can't|won't)\s+(?:not\s+|also\s+|soon\s+|still\s+)?(?:be\s+|have\s+been\s+)?"
    r"(?:\w+ly\s+)?"
    r"|\b(?:risks?|risking|at\s+risk\s+of|faces?|facing|threatened\s+with|fears?|feared)\s+(?:being\s+|up\s+to\s+|a\s+|an\s+)?"
    r"(?:[\w.-]+\s+){0,2}?"
    r"|\b(?:seek|seeks|seeking|sought|request|requests|requested|requesting|demand|demanded|demanding|asks?\s+for|asked\s+for)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w.-]+\s+){0,2}?"
    r"|\b(?:expected|likely|due|about|set|going|threatened|planning|plans?|tried|attempted|attempts?)\s+to\s+(?:be\s+)?"
    r"|\b(?:not|never|no\s+longer)\s+(?:been\s+|be\s+|yet\s+(?:been\s+)?)?(?:\w+ly\s+)?"
    r"|\bif\s+(?:(?:he|she|they|\w+)\s+(?:is|are|was|were)\s+)?"
    r"|\b(?:denied|denies|deny|rejected|rejects|dismissed)\s+(?:claims\s+|allegations\s+|reports\s+)?that\s+[^.;]*)$",
    re.IGNORECASE)


def irrealis(before: str) -> bool:
    """Whether the words just before a trigger (``before``, the text up to it) make the act
    possible, feared, asked for, expected, negated or denied rather than done."""
    return bool(_IRREALIS_RE.search(before))
