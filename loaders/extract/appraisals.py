"""A person's appraisal of an act, told by a verb of judging and a quotation: "X, a representative on
freedom of the media, called Kokorina's detention “a reminder of ...”", "X, Amnesty International's
deputy director for Europe, called the shutdown “a crude attempt ...”", "... noted by Representative X,
who however condemned the conviction and imposition of a ban on “public activities”"; and a statement told
by its maker with an apposition between ("X, President of Y, made the following statement today:").

The annotators of dev4 and valid2 record each as the person's ``statement`` (``STATES``); the speech
rules miss it when an apposition or "who" stands between the name and the verb, and the person-event
rules took the speaker for the one the act befell ("Detention of X" for the appraiser of a
detention). :func:`appraisals` adds the statement and drops such an event of the speaker's, when the
act's trigger lies in the appraised words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from loaders.extract.claim_model import quote_span
from loaders.extract.gazetteer import slug
from loaders.extract.mentions import Mention, Sentence

if TYPE_CHECKING:
    from loaders.extract.claim_model import Extraction

__all__ = ["appraisals"]

# After the name: an apposition (", a representative on freedom of the media,"), "who (however)", the verb of
# judging, the thing judged (no clause break) and the opening quotation mark.
_APPRAISAL_RE = re.compile(r"(?:,[^,;:.“”\"()]{1,120},\s+|,\s+(?=who\b)|\s+)(?:who\s+(?:however\s+|also\s+|then\s+)?)?(?:(?:has|had)\s+)?"
                           r"(?:also\s+|strongly\s+|publicly\s+)?(?P<verb>called|described|condemned|denounced|branded|termed)"
                           r"\s+(?!(?:for|on|upon|in)\b)(?P<what>[^.;:“”\"]{1,80}?)[“\"]")
# "X, President of Y, made the following statement today:": a statement introduced by its maker.
# (the name may close an apposition of its own: "The President of PACE, X, made")
_MADE_RE = re.compile(r"(?:,[^,;:.“”\"()]{1,120},|,)?\s+(?:(?:has|had)\s+)?(?:today\s+|also\s+)?(?:made|issued|delivered)\s+"
                      r"(?:the\s+following|a|this)\s+(?:joint\s+|short\s+|written\s+)?statement\b")
_VERBS = ("called", "described", "condemned", "denounced", "branded", "termed", "statement")
_ACTS = ("arrest", "detention", "search", "verdict", "trial", "release", "interrogation", "charge", "transfer")


def appraisals(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The statements of people who appraise an act with a quotation, and no act of theirs drawn from it."""
    if not any(v in text for v in _VERBS):
        return
    starts = [s.start for s in sentences]
    for m in mentions:
        if m.label != "Person" or m.ref not in ex.entities or ex.entities[m.ref].label != "Person":
            continue
        am = _APPRAISAL_RE.match(text, m.end) or _MADE_RE.match(text, m.end)
        if am is None:
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        if am.end() > sent.end:
            continue
        name = ex.entities[m.ref].name
        ev = f"event:{slug(name)}-statement"
        if not any(c.subject == m.ref and c.predicate == "STATES" for c in ex.claims):
            ex.entity(ev, "Event", f"Statement by {name}", kind="statement")
            ex.claim(m.ref, "STATES", ev, quote_span(text, sent, m.start, am.end()), 0.6, "statement:appraisal")
        if am.re is _MADE_RE:
            continue
        # "X called Y's detention ...": the detention is not X's
        lo, hi = am.start("what"), am.end("what")
        wrong = {c.object for c in ex.claims if c.subject == m.ref and c.predicate == "PARTICIPANT_IN"
                 and c.qualifiers.get("role") == "target" and c.object in ex.entities
                 and ex.entities[c.object].attributes.get("kind") in _ACTS
                 and any(lo <= a < hi for a, _b in ex.triggers.get(c.object, []))
                 and not _elsewhere(ex, c.object, sent)}
        if wrong:
            _drop_events(ex, m.ref, wrong)


def _elsewhere(ex: Extraction, ev: str, sent: Sentence) -> list[tuple[int, int]]:
    """The event's triggers outside ``sent`` (an event also told elsewhere is the speaker's own there)."""
    return [(a, b) for a, b in ex.triggers.get(ev, []) if not sent.start <= a < sent.end]


def _drop_events(ex: Extraction, who: str, events: set[str]) -> None:
    """Drop ``who``'s part in ``events``, and the events no claim keeps, with their own claims."""
    ex.claims[:] = [c for c in ex.claims if not (c.subject == who and c.object in events)]
    kept = {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object in events}
    for ev in events - kept:
        ex.claims[:] = [c for c in ex.claims if ev not in (c.subject, c.object)]
        ex.entities.pop(ev, None)
        ex.triggers.pop(ev, None)
