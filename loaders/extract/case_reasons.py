"""What a person was sentenced or jailed for: "the court sentenced 61-year-old X to six years for
following his religion", "X was sentenced to 17 years in prison for 'organizing the activities of
an extremist organization'", "a court sentenced activist X to 25 days in administrative detention
for a Facebook post".

The words after "for" are the charge as the article puts it (a court's act punished the person for
it): ``ACCUSED_OF`` the person's case, with ``DEFENDANT_IN`` where the other rules have not given one.
"for the second time", "for 12 years" and the like are no reason, nor is "in retaliation for" (the
writer's view of the motive, not what the court punished).

And "the cases of Crimean Tatar leaders X, Y and the journalist Z", "the case of Ukrainian political
prisoner X": each person the phrase names, after role words, is the defendant of a case of their own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from loaders.extract.mentions import Mention, Sentence

__all__ = ["cases_of", "sentence_reasons"]

_SENTENCED = r"(?:sentenced|jailed|imprisoned|convicted)"
_SENTENCED_RE = re.compile(_SENTENCED)
# "sentenced [61-year-old role words] X to ... for", the person right after the verb
_VERB_BEFORE_RE = re.compile(rf"\b{_SENTENCED}\s+(?:(?:\d{{1,3}}-year-old|[a-z][\w’'-]*)\s+){{0,4}}$")
# "X was sentenced to", "X, who was jailed in 2019," the verb right after the person
_VERB_AFTER_RE = re.compile(rf"(?:\s*,\s*who)?\s+(?:was|were|has\s+been|had\s+been|is|are)\s+(?:\w+ly\s+)?{_SENTENCED}\b")
# the term and place between the verb and "for" (no clause break)
# (or a dash aside: "to six years—the harshest term yet—for"); "in retaliation for" is the writer's reason, not the charge
_FOR_RE = re.compile(r"(?![^.;:,()—]{0,80}?\b(?:retaliation|revenge|reprisal|punishment)\s+for\b)[^.;:,()—]{0,80}?(?:—[^—.;]{1,100}—\s*)?\bfor\s+")
_NOT_A_REASON_RE = re.compile(r"(?:the\s+)?(?:first|second|third|\d+(?:st|nd|rd|th)?)\s+time\b|(?:up\s+to\s+|a\s+(?:further|total\s+of)\s+)?"
                              r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)[- ]"
                              r"(?:and[- ]a[- ]half[- ])?(?:years?|months?|days?|weeks?)\b|(?:life|(?:him|her|them)(?:self|selves)?)\b",
                              re.IGNORECASE)
_REASON_RE = re.compile(r"(?:(?:allegedly|purportedly|alleged|purported|supposedly)\s+)?(?:[“\"](?P<quoted>[^”\"]{3,90}?)[.,]?[”\"]|"
                        r"(?P<words>[\w’'-]+(?:\s+[\w’'-]+){0,8}?))(?=\s*(?:[,.;:(—–]|$|\s(?:and|after|before|while|when|in\s+(?:19|20)\d\d|"
                        r"under|although|even|but|which|who)\b))", re.IGNORECASE)


def sentence_reasons(text: str, sentences: list[Sentence], people: list[Mention], add: Callable[..., None]) -> None:
    """``add`` (the case rules' adder) each person a sentence says was sentenced or jailed "for" a reason."""
    starts = [m.start for m in people]
    for sent in sentences:
        if "for " not in sent.text or _SENTENCED_RE.search(sent.text) is None:
            continue
        for who in people[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]:
            if who.end > sent.end:
                continue
            verb = _VERB_BEFORE_RE.search(text, max(sent.start, who.start - 80), who.start)
            after = None if verb else _VERB_AFTER_RE.match(text, who.end, sent.end)
            if verb is None and after is None:
                continue
            pos = who.end if verb else after.end()  # type: ignore[union-attr]
            prep = _FOR_RE.match(text, pos, sent.end)
            if prep is None or _NOT_A_REASON_RE.match(text, prep.end(), sent.end):
                continue
            reason = _REASON_RE.match(text, prep.end(), sent.end)
            if reason is None:
                continue
            charge = (reason.group("quoted") or reason.group("words") or "").strip().lower()
            if not charge or len(charge) < 4:
                continue
            a = verb.start() if verb else who.start
            add(who, sent, a, reason.end() + (1 if reason.group("quoted") and text[reason.end():reason.end() + 1] in "”\"" else 0),
                "convicted", charge, "case:reason")


_CASES_OF_RE = re.compile(r"\b(?:criminal\s+)?cases?\s+of\s+")
# role words before the name, the last one a lower-case noun ("Crimean Tatar leaders", "Ukrainian political prisoner")
_ROLE_RE = re.compile(r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[a-z][\w’'-]*\s+")
_NEXT_RE = re.compile(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,2}")


def cases_of(text: str, sentences: list[Sentence], people: list[Mention], add: Callable[..., None]) -> None:
    """``add`` each person "the case(s) of [role words] X(, Y and Z)" names as a defendant."""
    starts = [m.start for m in people]
    by_start = {m.start: m for m in people}
    for sent in sentences:
        if "case" not in sent.text:
            continue
        for mt in _CASES_OF_RE.finditer(sent.text):
            pos = sent.start + mt.end()
            i = bisect.bisect_left(starts, pos)
            if i >= len(people) or people[i].start - pos > 60 or people[i].end > sent.end:
                continue
            first = people[i]
            if first.start != pos and _ROLE_RE.fullmatch(text, pos, first.start) is None:
                continue
            group = [first]
            while (nxt := _NEXT_RE.match(text, group[-1].end, sent.end)) is not None and (m := by_start.get(nxt.end())) is not None:
                group.append(m)
            for who in group:
                add(who, sent, sent.start + mt.start(), group[-1].end, "defendant", None, "case:of-role")
