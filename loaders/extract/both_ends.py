"""Relations between two things the draft already holds (round 10, part10).

- **A call to reverse a ban**: "We denounce the banning of the Mejlis ..., and have called on Russia to
  reverse this illegal and immoral decision", "I urge the authorities to take whatever steps possible to
  reverse this decision": the state or authority called on to undo the decision made it. The annotators of
  valid, dev3 and valid2 record it as the ``perpetrator`` of the ban (three articles, two publishers). The
  decision is the article's one ban, named in the same sentence or one of the two before; a plural ("reverse these
  decisions": a series of court decisions) names no one act.
"""

from __future__ import annotations

import re

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.orgs import government_key

__all__ = ["both_ends", "reversal_calls"]

# Before the one called on: "call(ed) on", "urge(d)", "ask(ed)", "press(ed)".
_CALL_BEFORE_RE = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon|for)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|press(?:es|ed|ing)?)"
                             r"\s+(?:the\s+)?$", re.IGNORECASE)
# After the one called on: "to (take whatever steps possible to) reverse this (illegal and immoral) decision".
_REVERSE_AFTER_RE = re.compile(r"\s+to\s+(?:[\w’'-]+\s+){0,6}?(?:reverse|revoke|rescind|overturn|annul|cancel|repeal)\s+"
                               r"(?:this|that|its|the)\s+(?:[\w’'-]+\s+){0,3}?(?:decision|ban|banning|prohibition)\b")
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


def both_ends(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """The rules of this module, after every other rule of :func:`loaders.extract.claim_parts.after_claims`."""
    reversal_calls(text, sentences, mentions, ex)
