"""A people as the ``target`` of the acts a sentence says violate its rights (README, "Convention decision: victim
collectives": "the ban of the Mejlis or of the media where the text says it is done to the Crimean Tatars").

- **The acts its rights are violated through**: "The rights of the Crimean Tatars have been gravely violated through
  the shutting down of Crimean Tatar media outlets, the banning of the activities of the Mejlis ..." (dev: the EEAS;
  valid: the EU's declarations and its statement at the OSCE): each act of kind ``other`` named after "through" (by
  its trigger there, or by its target named there: "the banning of the activities of the Mejlis", the ban rules'
  event with the Mejlis its target) is done to the people named before "through".
- **The ban or closure done to the community**: where a sentence naming a ban or closure the draft holds (by a
  trigger or a claim's quote) says the act is done to the Crimean Tatar community: the community before the act with
  "violated / infringed / denied / deprived" between them, or after it with "targeting / intimidate / denying" just
  before it ("an extremely harsh repressive measure targeting the whole Crimean Tatar Community"). The same for the
  sentence after, when it opens with "This", and, where the draft holds one ban only, for any sentence with a ban's
  words ("a ban on its activities is ... targeting the whole Crimean Tatar Community"). "The Crimean Tatars'
  representative body", or a community only named beside the act, is not enough.

(Round 11: abuse11's "violated through" and part11's ban targets were one class written twice; dedup11 joined them
here, one producer, called from :func:`loaders.extract.both_ends.both_ends`.)
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.collective_phrases import PEOPLE_KEYS
from loaders.extract.mentions import Mention, Sentence

__all__ = ["event_speaker", "violated_rights_targets"]

_COMMUNITY = "org:crimean-tatar-community-generic"
# "the rights of X have been (gravely) violated, (including) through [the acts]"
_THROUGH_RE = re.compile(r"\b(?:rights|freedoms)\b[^.;:]{0,80}?\b(?:violated|infringed|breached)\b,?\s+"
                         r"(?:(?:including|notably|in\s+particular|inter\s+alia)\s+)?through\b")
# "the rights of X have been (gravely) violated [...] [the act]", "X continues to be infringed upon ... [the act]"
_VIOLATED_RE = re.compile(r"\b(?:violated|infringed|denied|deprived)\b")
# "[the act] ... targeting (the whole) X", "... and intimidate the X"
_TARGETING_RE = re.compile(r"\b(?:targeting|targets|targeted|intimidate|intimidating|denying|depriving)\s+(?:(?:the|all|whole|members\s+of|of)\s+)*$")
# a ban's or closure's words in a sentence that names it
_ACT_RE = re.compile(r"\b(?:ban|banning|banned|shut(?:ting)?\s+down|shutdown|closure|suspension|suspend|outlaw\w*|liquidat\w+)\b")
_THIS_RE = re.compile(r"(?:This|It|The\s+(?:decision|move|ban|step|measure))\b")


def event_speaker(ex: Extraction, ev: str) -> str | None:
    """The one speaker the event's other claims carry, if they agree."""
    said = {c.asserted_by for c in ex.claims if ev in (c.subject, c.object) and c.predicate == "PARTICIPANT_IN"}
    return next(iter(said)) if len(said) == 1 else None


def _other_act(ex: Extraction, ev: str) -> bool:
    e = ex.entities.get(ev)
    return e is not None and e.label == "Event" and (e.attributes or {}).get("kind") == "other"


def _through(text: str, sent: Sentence, orgs: list[Mention], ex: Extraction) -> list[tuple[Mention, str, int]]:
    """(the people, the act, where the sentence names the act) for the acts named after "rights ... violated through"."""
    m = _THROUGH_RE.search(sent.text) if "through" in sent.text else None
    if m is None:
        return []
    b = sent.start + m.end()
    people = [o for o in orgs if o.entry is not None and o.entry.key in PEOPLE_KEYS and o.end <= b - len("through")]
    if not people:
        return []
    acts: dict[str, int] = {ev: min(x for x, y in spans if b <= x and y <= sent.end) for ev, spans in ex.triggers.items()
                            if any(b <= x and y <= sent.end for x, y in spans)}
    named = {o.ref: o.start for o in orgs if o.start >= b}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target" and c.subject in named \
                and c.span[0] <= named[c.subject] < c.span[1]:
            acts.setdefault(c.object, named[c.subject])
    return [(people[-1], ev, max(at + 1, b)) for ev, at in acts.items() if _other_act(ex, ev)]


def _done_to(text: str, m: Mention, acts_at: list[int]) -> int | None:
    """Where the act done to the community stands: "the rights of X have been violated through the banning", or
    "the ban ... targeting / intimidating X" (not "X's representative body")."""
    if text.startswith(("’s", "'s"), m.end):
        return None
    for a in acts_at:
        if m.end <= a and _VIOLATED_RE.search(text, m.end, a):
            return m.end
        if a < m.start and _TARGETING_RE.search(text[max(a, m.start - 60):m.start]):
            return m.end
    return None


def _bans(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> list[tuple[Mention, str, int, int]]:
    """(the community, the ban or closure, where the quote ends, the sentence) for the acts done to the community."""
    acts = [k for k, e in ex.entities.items() if _other_act(ex, k) and e.name.startswith(("Ban ", "Closure of"))]
    community = [m for m in mentions if m.ref == _COMMUNITY]
    if not acts or not community:
        return []
    out: list[tuple[Mention, str, int, int]] = []
    starts = [s.start for s in sentences]
    for ev in acts:
        spans = [*ex.triggers.get(ev, []), *(c.span for c in ex.claims if ev in (c.subject, c.object))]
        named = sorted({i for a, _ in spans if (i := bisect.bisect_right(starts, a) - 1) >= 0})
        # "This is an extremely harsh repressive measure targeting ...": the next sentence, naming the act by "this"
        named += [i + 1 for i in named if i + 1 < len(sentences) and _THIS_RE.match(sentences[i + 1].text)]
        if len(acts) == 1:  # the article's one ban: "a ban on its activities" names it too
            named += [i for i, s in enumerate(sentences) if _ACT_RE.search(s.text)]
        for i in named:
            sent = sentences[i]
            acts_at = [a for a, _b in spans if sent.start <= a < sent.end and (a, _b) in ex.triggers.get(ev, [])]
            acts_at += [sent.start + w.start() for w in _ACT_RE.finditer(sent.text)]
            hit = next(((m, end) for m in community if sent.start <= m.start and m.end <= sent.end
                        and (end := _done_to(text, m, acts_at)) is not None), None)
            if hit is not None:
                out.append((hit[0], ev, hit[1], i))
                break
    return out


def violated_rights_targets(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add the people as the ``target`` of each act the text says is done to it (see the module)."""
    found: list[tuple[Mention, str, int, Sentence]] = []
    if any(m.entry is not None and m.entry.key in PEOPLE_KEYS for m in mentions):
        orgs = [m for m in mentions if m.label == "Organisation"]
        for sent in sentences:
            if "through" in sent.text:
                here = [o for o in orgs if sent.start <= o.start and o.end <= sent.end]
                found += [(who, ev, at, sent) for who, ev, at in _through(text, sent, here, ex)]
        found += [(who, ev, end, sentences[i]) for who, ev, end, i in _bans(text, sentences, mentions, ex)]
    for who, ev, end, sent in found:
        if any(c.object == ev and c.predicate == "PARTICIPANT_IN" and c.subject == who.ref for c in ex.claims):
            continue
        ex.claim(who.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, who.start, end), 0.55, "target:other:violated-rights",
                 role="target", asserted_by=event_speaker(ex, ev))
