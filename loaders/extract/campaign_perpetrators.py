"""Claims between two things the draft already holds, read from the sentence that names both (round 11, part11).
(The victim collective of a ban or closure is :mod:`loaders.extract.rights_targets`'s, with abuse11's like rule.)

- **The author of a persecution campaign**: "Russian “authorities” in occupied Crimea continued to persecute ...",
  "where occupation “authorities” suppress dissent", "Russia's repressive policies", "Russia continues using its
  antiterrorist legislation as an instrument of political repressions": in a sentence that names a persecution the
  draft holds and has no author for, the state actor (Russia, the Russian or occupation authorities, a Russian
  government body, a security service or police) named at most 80 characters before the campaign's first word is its
  ``perpetrator`` (README, "Annotation convention": the agency or collective actor that did it); else one after "by"
  later in the sentence ("discrimination against the residents of temporarily occupied Crimea ..., by the Russian
  occupation authorities"), with no verb of saying between. Not a speaker of the article, and not one called on
  ("urges the Russian Federation to end the persecution").
- **The agency whose custody or whose people tortured** (round 15, acts15): a ``torture`` or ``ill_treatment`` event the
  draft holds with no author, whose own claims' words name an agency (a security service, the police, a Russian state
  actor) as the owner of the act or of the custody it happened in: "he suffered from FSB agents' torture", "the
  treatment he received in FSB custody, including alleged beatings" (README, "Annotation convention": the agency that did
  it is the ``perpetrator``). Not a country's adjective ("in Russian custody": no agency named).
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.rights_targets import event_speaker

__all__ = ["campaign_perpetrators", "campaign_perpetrators"]

_STATE_ACTORS = ("org:russian-federation", "org:russian-occupation-authorities", "org:russian-authorities")
_ACTOR_KINDS = ("security_service", "police")
# the campaign's own words: "persecute", "repressive policies", "targeting", "suppress dissent"
_CAMPAIGN_RE = re.compile(r"\b(?:persecut|repress|oppress|discriminat|harass|intimidat|suppress|targeting\b)\w*", re.IGNORECASE)
_BY_RE = re.compile(r"\bby\s+(?:the\s+)?$")
_SAID_RE = re.compile(r"\b(?:said|says|reported|according|stated|told)\b")
_CALLED_ON_RE = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg\w+|demand\w*|ask\w*|require[sd]?)\s+(?:the\s+)?$", re.IGNORECASE)


def _actor(m: Mention) -> bool:
    kind = str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""
    name = m.entry.name if m.entry is not None else m.text
    return m.label == "Organisation" and (m.ref in _STATE_ACTORS or kind in _ACTOR_KINDS
                                          or kind == "government" and "Russia" in name)


# "FSB agents' torture", "the FSB's ill-treatment": the agency (or its people) owns the act
_OWNED_ABUSE_RE = re.compile(r"(?:\s+(?:agents|officers|officials|employees|operatives|guards|staff))?(?:’s|'s|’|')\s+(?:[a-z]+\s+)?"
                             r"(?:torture|ill-treatment|mistreatment|beatings?|abuses?)\b")
# "in FSB custody", "in the custody of the FSB"
_IN_RE = re.compile(r"\bin\s+(?:the\s+)?$")
_CUSTODY_RE = re.compile(r"\s+custody\b")
_CUSTODY_OF_RE = re.compile(r"\bin\s+(?:the\s+)?custody\s+of\s+(?:the\s+)?$")
_ABUSE_KINDS = ("torture", "ill_treatment")


def custody_agents(text: str, mentions: list[Mention], ex: Extraction) -> None:
    """Add the agency that owns a torture or ill-treatment act, or the custody it happened in (see the module)."""
    abuses = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") in _ABUSE_KINDS]
    if not abuses or ("custody" not in text and not re.search(r"(?:’|')\s+(?:[a-z]+\s+)?(?:torture|ill-treatment|mistreatment|beating|abuse)", text)):
        return
    authored = {c.object for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "perpetrator"}
    actors = [m for m in mentions if _actor(m)]
    for ev in abuses:
        if ev in authored:
            continue
        told = [c for c in ex.claims if c.object == ev and c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"]
        for c in told:
            a, b = c.span
            m = next((m for m in actors if a <= m.start and m.end <= b
                      and (_OWNED_ABUSE_RE.match(text, m.end) or _CUSTODY_RE.match(text, m.end) and _IN_RE.search(text, max(a, m.start - 8), m.start)
                           or _CUSTODY_OF_RE.search(text, max(a, m.start - 24), m.start))), None)
            if m is None:
                continue
            ex.claim(m.ref, "PARTICIPANT_IN", ev, c.span, 0.5, "perpetrator:custody", asserted_by=c.asserted_by, role="perpetrator")
            break


def campaign_perpetrators(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add the state actor a sentence makes the author of a persecution campaign the draft holds (see the module), and
    the agency that owns a torture or ill-treatment act or its custody (:func:`custody_agents`)."""
    custody_agents(text, mentions, ex)
    campaigns = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "other"
                 and e.name.startswith("Persecution")]
    if not campaigns:
        return
    speakers = {c.subject for c in ex.claims if c.predicate == "STATES"}
    actors = [m for m in mentions if _actor(m) and m.ref not in speakers]
    if not actors:
        return
    starts = [s.start for s in sentences]
    for ev in campaigns:
        if any(c.object == ev and c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "perpetrator" for c in ex.claims):
            continue
        spans = [*ex.triggers.get(ev, []), *(c.span for c in ex.claims if ev in (c.subject, c.object))]
        named = sorted({i for a, _ in spans if (i := bisect.bisect_right(starts, a) - 1) >= 0})
        for i in named:
            sent = sentences[i]
            word = _CAMPAIGN_RE.search(sent.text)
            if word is None:
                continue
            w = sent.start + word.start()
            before = [m for m in actors if sent.start <= m.start and m.end <= w and w - m.end <= 80
                      and not _CALLED_ON_RE.search(text, max(sent.start, m.start - 30), m.start)]
            # "... discrimination against the residents of temporarily occupied Crimea ..., by the Russian occupation authorities."
            after = [m for m in actors if w < m.start and m.end <= sent.end and _BY_RE.search(text, max(w, m.start - 12), m.start)
                     and not _SAID_RE.search(text, w, m.start)]
            if not before and not after:
                continue
            m = before[-1] if before else after[0]
            ex.claim(m.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(m.start, w), max(m.end, sent.start + word.end())), 0.5,
                     "perpetrator:campaign:actor", asserted_by=event_speaker(ex, ev), role="perpetrator")
            break
