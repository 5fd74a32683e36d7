"""Steps of proceedings told of several people in one list (round 16, lists16).

News agencies tell the steps of a group case person by person in one sentence, and then speak of the group by its
count. This module reads the count back to the list it counts:

- a call to release "these six individuals", "the five men" (README: a call to release asserts the detention of each
  person it names): one detention per person of the article's one list of exactly that many people, the person its
  target, as :func:`loaders.extract.claim_steps.release_call_events` makes it for a person the call names;
- a list of names that ends "and other (Ukrainian) political prisoners" / "hostages" / "prisoners of conscience": each
  person it names is one of them, held (one detention per person, the person its target).

(The elliptical lists of prison terms, "A was sentenced to 19 years, B — to 18 years, C — 12 years", are read by
:func:`loaders.extract.claim_parts.gapped_terms` through :data:`loaders.extract.events.TERM_TAIL_RE`.)
"""

from __future__ import annotations

import re

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.claim_parts import person_event
from loaders.extract.events import article_groups, coordinated, plural_mentions
from loaders.extract.gazetteer import Gazetteer
from loaders.extract.group_anaphora import apposed_groups
from loaders.extract.mentions import Mention, Sentence

__all__ = ["released_groups", "other_prisoners"]

# The call, ending right before the counted phrase: "call on Russia to release", "calling on Russia to immediately
# release", "demand that Russia release", "call for the immediate release of".
_ADVERBS = r"(?:(?:immediately|unconditionally|promptly|urgently|immediate|unconditional|prompt|urgent|swift)\s+(?:and\s+)?){0,3}"
_CALL_RE = re.compile(r"(?:\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?\s+that|press(?:es|ed|ing)?)"
                      rf"\s+[^.;“”\"]{{1,60}}?\s+(?:to\s+)?{_ADVERBS}(?:release|free)|"
                      rf"\b(?:call(?:s|ed|ing)?\s+for|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|seek(?:s|ing)?)\s+the\s+{_ADVERBS}"
                      r"release\s+of)\s+$", re.IGNORECASE)
# The counted phrase points back ("these six individuals", "the five men"), not at others ("six other prisoners").
_BACK_RE = re.compile(r"(?:these|those|the|all)\s+", re.IGNORECASE)


def released_groups(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction, gaz: Gazetteer) -> None:
    """"We call on Russia to release these six individuals": each of the six the article lists, detained."""
    if "releas" not in text and "free " not in text:
        return
    people = [m for m in mentions if m.label == "Person"]
    groups = article_groups(text, people)
    groups += apposed_groups(text, people, groups)
    if not groups:
        return
    for sent in sentences:
        if "releas" not in sent.text and "free " not in sent.text:
            continue
        for a, b, refs in plural_mentions(sent.start, sent.text, [], [], groups):
            if not _BACK_RE.match(text, a) or not _CALL_RE.search(text, max(sent.start, a - 120), a):
                continue
            count = len(refs)
            if len({frozenset(g[2]) for g in groups if len(g[2]) == count}) != 1:
                continue  # two lists of that many people: which one the call means, it does not say
            call = _CALL_RE.search(text, max(sent.start, a - 120), a)
            span = quote_span(text, sent, call.start() if call is not None else a, b)
            for who in refs:
                if who not in ex.entities or ex.entities[who].label != "Person":
                    continue
                ev = person_event(ex, gaz, {}, who, "detention", "")
                ex.claim(who, "PARTICIPANT_IN", ev, span, 0.5, "event:detention:release-call-group", role="target")


# Right after the last name of a list: "and other Ukrainian “political prisoners”", "as well as all other hostages".
_OTHER_PRISONERS_RE = re.compile(r"\s*,?\s+(?:and|as\s+well\s+as)\s+(?:all\s+)?(?:the\s+)?other\s+(?:Ukrainian\s+|Crimean\s+Tatar\s+)?"
                                 r"[“\"]?(?:political\s+prisoners|hostages|prisoners\s+of\s+conscience)\b")


def other_prisoners(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction, gaz: Gazetteer) -> None:
    """"Sentsov, Balukh, A and other Ukrainian political prisoners held in Russia": each one named, detained."""
    if "other" not in text:
        return
    people = sorted((m for m in mentions if m.label == "Person"), key=lambda m: m.start)
    for i, last in enumerate(people):
        tail = _OTHER_PRISONERS_RE.match(text, last.end)
        if tail is None:
            continue
        sent = next((s for s in sentences if s.start <= last.start and last.end <= s.end), None)
        if sent is None or tail.end() > sent.end:
            continue
        group = [last]
        for prev in reversed(people[:i]):
            if prev.start < sent.start or not coordinated(text[prev.end:group[-1].start]):
                break
            group.append(prev)
        span = quote_span(text, sent, group[-1].start, tail.end())
        for who in dict.fromkeys(m.ref for m in reversed(group)):
            if who not in ex.entities or ex.entities[who].label != "Person":
                continue
            ev = person_event(ex, gaz, {}, who, "detention", "")
            ex.claim(who, "PARTICIPANT_IN", ev, span, 0.5, "event:detention:other-prisoners", role="target")
