"""Relations between two things the draft already holds (round 10, part10).

- **A call to reverse a ban**: "We denounce the banning of the Mejlis ..., and have called on Russia to
  reverse this illegal and immoral decision", "I urge the authorities to take whatever steps possible to
  reverse this decision": the state or authority called on to undo the decision made it. The annotators of
  valid, dev3 and valid2 record it as the ``perpetrator`` of the ban (three articles, two publishers). The
  decision is the article's one ban, named in the same sentence or one of the two before; a plural ("reverse these
  decisions": a series of court decisions) names no one act.
- **The court whose decision banned**: "condemned the decision of the so-called Supreme Court of Crimea to ban
  the Mejlis", "the so-called "decision" of the so-called "Supreme Court of Crimea" of April 26, 2016, on the
  recognition of the Mejlis ... as an "extremist organization"": the court is the ``judge`` of the article's one
  ban, which the words after the court name (dev3, dev5). A decision that only upholds one is an appeal, another event.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.anaphoric_agents import anaphoric_agents
from loaders.extract.campaign_perpetrators import campaign_perpetrators
from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.diplomatic_relations import permanent_representatives
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.orgs import government_key
from loaders.extract.rights_targets import violated_rights_targets

__all__ = ["banning_courts", "both_ends", "closure_targets", "reversal_calls"]

# Before the one called on: "call(ed) on", "urge(d)", "ask(ed)", "press(ed)".
_CALL_BEFORE_RE = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon|for)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|press(?:es|ed|ing)?)"
                             r"\s+(?:the\s+)?$", re.IGNORECASE)
# After the one called on: "to (take whatever steps possible to) reverse this (illegal and immoral) decision".
_REVERSE_AFTER_RE = re.compile(r"\s+to\s+(?:[\w’'-]+\s+){0,6}?(?:reverse|revoke|rescind|overturn|annul|cancel|repeal)\s+"
                               r"(?:this|that|its|the)\s+(?:[\w’'-]+\s+){0,3}?(?:decision|ban|banning|prohibition)\b")
# "the decision of the so-called “Supreme Court of Crimea” (of April 26, 2016,) to ban / on the recognition of"
_DECISION_BEFORE_RE = re.compile(r"\bdecision[”\"]?\s+(?:of|by)\s+(?:the\s+)?(?:so-called\s+)?[“\"]?$")
_DECISION_AFTER_RE = re.compile(r"[”\"]?(?:\s+(?:of|from|on)\s+[\w ,]{0,20}?\d{4})?,?\s+(?:to\s+(?:ban|outlaw|prohibit|liquidate)|"
                                r"on\s+(?:the\s+)?(?:recognition|banning|prohibition|liquidation)|recogni[sz]ing|declaring|"
                                r"banning|outlawing)\b")
# After a closure's words, the outlets it names: ", including" (a few words of the sentence may come between).
_INCLUDING_RE = re.compile(r"[^.;:]{0,20}?,?\s+(?:including|such\s+as|among\s+them)\s+")
_CLAUSE_RE = re.compile(r"[;:“”\"(]|\b(?:said|says|reported|reports|according|which|who|that|while|but|after|because|"
                        r"when|was|were|is|are|has|have|had)\b")
_ACTOR_KINDS = ("government", "collective", "security_service", "police", "prosecutor")


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def reversal_calls(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add the one called on to reverse a decision as the ``perpetrator`` of the article's one ban (see the module)."""
    if "decision" not in text and "ban" not in text:
        return
    bans = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "other"
            and e.name.startswith("Ban ")]
    if len(bans) != 1:
        return
    [ban] = bans
    # where the ban is named: its triggers and the quotes of its claims
    spans = [*ex.triggers.get(ban, []), *(c.span for c in ex.claims if ban in (c.subject, c.object))]
    have = {c.subject for c in ex.claims if c.object == ban and c.predicate == "PARTICIPANT_IN"}
    actors = [m for m in mentions if m.label == "Organisation" and _kind(m) in _ACTOR_KINDS
              or m.label == "Location" and _kind(m) == "country"]
    for i, sent in enumerate(sentences):
        if "revers" not in sent.text and "revok" not in sent.text and "rescind" not in sent.text \
                and "overturn" not in sent.text and "annul" not in sent.text and "cancel" not in sent.text \
                and "repeal" not in sent.text:
            continue
        lo = sentences[max(0, i - 2)].start
        if not any(lo <= a and b <= sent.end for a, b in spans):
            continue  # the ban is not what "this decision" names
        for x in actors:
            if not (sent.start <= x.start and x.end <= sent.end) or not _CALL_BEFORE_RE.search(text, max(sent.start, x.start - 40), x.start):
                continue
            rev = _REVERSE_AFTER_RE.match(text, x.end, sent.end)
            if rev is None:
                continue
            key = x.ref
            if x.label == "Location":  # a country named as a place: its government
                key = f"org:{government_key(x.ref.split(':', 1)[-1])}"
                ex.entity(key, "Organisation", ex.entities[x.ref].name if x.ref in ex.entities else x.text, kind="government")
            if key in have:
                continue
            have.add(key)
            ex.claim(key, "PARTICIPANT_IN", ban, quote_span(text, sent, x.start, rev.end()), 0.55, "perpetrator:ban:reversal-call",
                     role="perpetrator")


def banning_courts(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add the court whose decision banned as the ``judge`` of the article's one ban (see the module)."""
    if "decision" not in text:
        return
    bans = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "other"
            and e.name.startswith("Ban ")]
    if len(bans) != 1:
        return
    [ban] = bans
    have = {c.subject for c in ex.claims if c.object == ban and c.predicate == "PARTICIPANT_IN"}
    courts = [m for m in mentions if m.label == "Organisation" and _kind(m) == "court" and m.ref not in have]
    banned = {c.subject for c in ex.claims if c.object == ban and c.qualifiers.get("role") == "target"}
    named = [m for m in mentions if m.ref in banned]
    for sent in sentences:
        if "decision" not in sent.text:
            continue
        for c in courts:
            if not (sent.start <= c.start and c.end <= sent.end) or c.ref in have \
                    or not _DECISION_BEFORE_RE.search(text, max(sent.start, c.start - 40), c.start):
                continue
            after = _DECISION_AFTER_RE.match(text, c.end, sent.end)
            if after is None or not any(after.end() <= m.start <= after.end() + 60 and m.ref in banned for m in named):
                continue  # (the body banned must be the ban's target: not another body's ban)
            have.add(c.ref)
            ex.claim(c.ref, "PARTICIPANT_IN", ban, quote_span(text, sent, text.rindex("decision", sent.start, c.start), after.end()),
                     0.55, "judge:ban:decision", role="judge")


def closure_targets(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add the media a closure's words name, and those listed after "including", as its ``target`` (see the module)."""
    closures = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "other"
                and e.name.startswith("Closure of") and ex.triggers.get(k)]
    if not closures:
        return
    media = [m for m in mentions if m.label == "Organisation" and _kind(m) == "media"]
    starts = [s.start for s in sentences]
    for ev in closures:
        have = {c.subject for c in ex.claims if c.object == ev and c.predicate == "PARTICIPANT_IN"}
        for a, b in ex.triggers[ev]:
            i = bisect.bisect_right(starts, a) - 1
            if i < 0:
                continue
            sent = sentences[i]
            listed = _INCLUDING_RE.match(text, b, sent.end)
            tail = listed.end() if listed is not None else b
            # (the list ends where a clause begins: "..., including ATR, which reported", "... , said X")
            stop = _CLAUSE_RE.search(text, tail, sent.end) if listed is not None else None
            end = stop.start() if stop is not None else sent.end
            for m in media:
                if m.ref in have or not (a <= m.start and m.end <= b or listed is not None and tail <= m.start and m.end <= end):
                    continue
                have.add(m.ref)
                ex.claim(m.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, a, m.end), 0.55, "target:closure:media", role="target")


def both_ends(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """The rules of this module, after every other rule of :func:`loaders.extract.claim_parts.after_claims`."""
    reversal_calls(text, sentences, mentions, ex)
    permanent_representatives(text, sentences, mentions, ex)  # rel7
    banning_courts(text, sentences, mentions, ex)
    closure_targets(text, sentences, mentions, ex)
    violated_rights_targets(text, sentences, mentions, ex)
    campaign_perpetrators(text, sentences, mentions, ex)
    anaphoric_agents(text, sentences, mentions, ex)  # perp11
