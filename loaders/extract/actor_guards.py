"""Two general guards on organisation and place mentions (round 11, orgs11), each a class of false
entities the development drafts made:

- **A seat of power that acts through its possessive or a verb**: "while Moscow’s representative was
  taking part", "a different body under Moscow’s control", "Moscow fears exposing the truth": the
  capital stands for its state, as "until Moscow returns control" already does
  (:func:`loaders.extract.place_mentions.seats_as_states`), and the gold of valid, dev5 and dev7
  records no place for it (three publishers). Its possessive before a lower-case noun that is no part
  of a city ("Moscow’s streets", "Moscow's city court" stay the city), or a present-tense verb right after
  it at a sentence's start, make it the state's government.
- **"police raids" as an item of a list of abuses**: "arbitrary arrests, abductions, ..., and police
  raids on their homes", "disproportionately affected by police raids": the kind of abuse, no actor
  (dev: VOA and State Department; dev2: EEAS); the police are an actor of their own where the text
  has them act elsewhere ("violent police raids on Crimean Tatar homes in Bakhchysarai" in a sentence
  of its own, "four police officers").
"""

from __future__ import annotations

import re

from loaders.extract.gazetteer import Gazetteer, GazetteerEntry
from loaders.extract.mention_types import Mention
from loaders.extract.orgs import government_key

__all__ = ["seats_that_act", "listed_police_raids"]

# A possessive before a lower-case noun that is the city's own ("Moscow's streets", "Moscow’s city court") is the city.
_POSSESSIVE_RE = re.compile(r"(?:’s|'s) (?!(?:city|streets?|residents|inhabitants|citizens|people|population|mayor|"
                            r"districts?|suburbs?|outskirts|airports?|metro|centre|center|region|oblast|courts?|prisons?|"
                            r"detention|police|university|universities|hospitals?|schools?|museums?|theatres?|"
                            r"squares?|parks?|streets)\b)[a-z]+\b")
# A sentence that opens on the seat, then a present-tense verb ("Moscow fears exposing ...").
_OPENS_RE = re.compile(r"(?:^|(?<=[.!?] )|(?<=\n))\Z")
_VERB_AFTER_RE = re.compile(r" (?!is\b|was\b|has\b|news\b|residents\b|courts\b|streets\b|districts\b)[a-z]{3,}s\b(?! (?:of|in|and)\b)")


def seats_that_act(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """A capital left a place ("Moscow") that its possessive or a verb makes an actor: its state's
    government, as :func:`loaders.extract.place_mentions.seats_as_states` makes the clearer ones."""
    out = []
    for m in mentions:
        name = m.entry.name if m.label == "Location" and m.entry is not None else ""
        seat = gaz.seats.get(name) if name else None
        if seat is not None and m.text == name and (
                _POSSESSIVE_RE.match(text, m.end)
                or _OPENS_RE.search(text, max(0, m.start - 2), m.start) and _VERB_AFTER_RE.match(text, m.end)):
            key = government_key(seat[0])
            m = Mention(m.start, m.end, m.text, "Organisation", f"org:{key}",
                        GazetteerEntry(key, "Organisation", m.text, (), {"kind": "government"}))
        out.append(m)
    return out


# "..., and police raids on", "affected by police raids": the raids named as a kind of abuse in a list or after "by".
_LISTED_BEFORE_RE = re.compile(r"(?:,|\band|\bby|\bof|\bor) \Z")
_RAIDS_AFTER_RE = re.compile(r" raids\b")


def listed_police_raids(mentions: list[Mention], text: str) -> list[Mention]:
    """The generic police of "police raids" named as a kind of abuse (an item of a list, or after
    "by"), where the article names the police nowhere else: no actor, no mention."""
    hits = [m for m in mentions if m.label == "Organisation" and m.entry is not None and m.entry.generic
            and m.text.lower() == "police" and _RAIDS_AFTER_RE.match(text, m.end)
            and _LISTED_BEFORE_RE.search(text, max(0, m.start - 5), m.start)]
    if not hits:
        return mentions
    key = hits[0].entry.key if hits[0].entry is not None else ""
    if any(m.entry is not None and m.entry.key == key and m not in hits for m in mentions):
        return mentions  # the police act elsewhere in the article
    return [m for m in mentions if m not in hits]
