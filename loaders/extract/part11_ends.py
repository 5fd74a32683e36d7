"""Claims between two things the draft already holds, read from the sentence that names both (round 11, part11).

- **The victim collective of a ban or closure**: "the rights of the Crimean Tatars have been gravely violated
  through the banning of the activities of the Mejlis", "an extremely harsh repressive measure targeting the whole
  Crimean Tatar Community": where one sentence names a ban or closure the draft holds (by its trigger) and the
  Crimean Tatar community, the community is the ``target`` of the ban (README, "Convention decision: victim
  collectives": "the ban of the Mejlis or of the media where the text says it is done to the Crimean Tatars"). The
  sentence must say so: the community before the act with "violated / infringed / denied / deprived" between them,
  or after it with "targeting / intimidate / denying" just before it; "the Crimean Tatars' representative body" or a
  community only named beside the act is not enough. The same for the sentence after, when it opens with "This",
  and, where the draft holds one ban only, for any sentence with a ban's words ("a ban on its activities is an
  extremely harsh repressive measure targeting the whole Crimean Tatar Community").
- **The author of a persecution campaign**: "Russian “authorities” in occupied Crimea continued to persecute ...",
  "where occupation “authorities” suppress dissent", "Russia's repressive policies", "Russia continues using its
  antiterrorist legislation as an instrument of political repressions": in a sentence that names a persecution the
  draft holds and has no author for, the state actor (Russia, the Russian or occupation authorities, a Russian
  government body, a security service or police) named at most 80 characters before the campaign's first word is its
  ``perpetrator`` (README, "Annotation convention": the agency or collective actor that did it); else one after "by"
  later in the sentence ("discrimination against the residents of temporarily occupied Crimea ..., by the Russian
  occupation authorities"), with no verb of saying between. Not a speaker of the article, and not one called on
  ("urges the Russian Federation to end the persecution").
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["part11_ends", "collective_ban_targets"]

_COMMUNITY = "org:crimean-tatar-community-generic"
# "the rights of X have been (gravely) violated through [the act]", "X continues to be infringed upon ... [the act]"
_VIOLATED_RE = re.compile(r"\b(?:violated|infringed|denied|deprived)\b")
# "[the act] ... targeting (the whole) X", "... and intimidate the X"
_TARGETING_RE = re.compile(r"\b(?:targeting|targets|targeted|intimidate|intimidating|denying|depriving)\s+(?:(?:the|all|whole|members\s+of|of)\s+)*$")
# the act's words in a sentence a claim of the act quotes
_ACT_RE = re.compile(r"\b(?:ban|banning|banned|shut(?:ting)?\s+down|shutdown|closure|suspension|suspend|outlaw\w*|liquidat\w+)\b")
_THIS_RE = re.compile(r"(?:This|It|The\s+(?:decision|move|ban|step|measure))\b")


def _asserted(ex: Extraction, ev: str) -> str | None:
    """The one speaker the event's other claims carry, if they agree."""
    said = {c.asserted_by for c in ex.claims if ev in (c.subject, c.object) and c.predicate == "PARTICIPANT_IN"}
    return next(iter(said)) if len(said) == 1 else None


def collective_ban_targets(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add the Crimean Tatar community as the ``target`` of a ban or closure one sentence names with it (see the module)."""
    if _COMMUNITY not in ex.entities:
        return
    acts = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "other"
            and e.name.startswith(("Ban ", "Closure of"))]
    community = [m for m in mentions if m.ref == _COMMUNITY]
    if not acts or not community:
        return
    starts = [s.start for s in sentences]
    for ev in acts:
        if any(c.subject == _COMMUNITY and c.object == ev and c.predicate == "PARTICIPANT_IN" for c in ex.claims):
            continue
        # where the act is named: its triggers and the quotes of its claims
        spans = [*ex.triggers.get(ev, []), *(c.span for c in ex.claims if ev in (c.subject, c.object))]
        named = sorted({i for a, _ in spans if (i := bisect.bisect_right(starts, a) - 1) >= 0})
        # "This is an extremely harsh repressive measure targeting ...": the next sentence, naming the act by "this"
        named += [i + 1 for i in named if i + 1 < len(sentences) and _THIS_RE.match(sentences[i + 1].text)]
        if len(acts) == 1:  # the article's one ban: "a ban on its activities" names it too
            named += [i for i, s in enumerate(sentences) if _ACT_RE.search(s.text)]
        for i in named:
            sent = sentences[i]
            acts_at = [a for a, _ in spans if sent.start <= a < sent.end and (a, _) in ex.triggers.get(ev, [])]
            acts_at += [sent.start + w.start() for w in _ACT_RE.finditer(sent.text)]
            m = next((m for m in community if sent.start <= m.start and m.end <= sent.end and _done_to(text, m, acts_at)), None)
            if m is None:
                continue
            ex.claim(_COMMUNITY, "PARTICIPANT_IN", ev, quote_span(text, sent, m.start, m.end), 0.5,
                     "target:ban:community", asserted_by=_asserted(ex, ev), role="target")
            break


def _done_to(text: str, m: Mention, acts_at: list[int]) -> bool:
    """The community is what the act is done to: "the rights of X have been violated through the banning", or
    "the ban ... targeting / intimidating X" (not "X's representative body")."""
    if text.startswith(("’s", "'s"), m.end):
        return False
    for a in acts_at:
        if m.end <= a and _VIOLATED_RE.search(text, m.end, a):
            return True
        if a < m.start and _TARGETING_RE.search(text[max(a, m.start - 60):m.start]):
            return True
    return False


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


def campaign_perpetrators(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add the state actor a sentence makes the author of a persecution campaign the draft holds (see the module)."""
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
                     "perpetrator:campaign:actor", asserted_by=_asserted(ex, ev), role="perpetrator")
            break


def part11_ends(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """The rules of this module (called from :func:`loaders.extract.both_ends.both_ends`)."""
    collective_ban_targets(text, sentences, mentions, ex)
    campaign_perpetrators(text, sentences, mentions, ex)
