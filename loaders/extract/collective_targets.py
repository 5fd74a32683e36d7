"""Victim collectives as targets (convention decision "victim collectives"): the community takes
``PARTICIPANT_IN`` role ``target`` of every event the text makes it the target of.

Two wordings the earlier rules left without the collective:
- a list of victim groups, only one of which was attached: "a campaign of repression against Crimean Tatars,
  ethnic Ukrainians, and ..." (every listed victim collective is a target of the same event);
- a group act whose own trigger phrase names the collective it is done to and that has no target at all:
  "authorities continued to subject Muslim Crimean Tatars to imprisonment and detention".
Counted groups ("5 Crimean Tatars") are not the community (the decision): a mention after a number is skipped.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claim_model import ClaimDraft, Extraction, quote_span
from loaders.extract.mentions import Sentence

__all__ = ["collective_targets", "VICTIM_COLLECTIVES"]

# The victim collectives of the decision (their keys as the gold of every split uses them).
VICTIM_COLLECTIVES = ("org:crimean-tatar-community-generic", "org:ukrainian-political-prisoners-in-russia-generic",
                      "org:ukrainians-in-crimea-generic", "org:crimean-tatar-activists-generic",
                      "org:crimean-tatar-leaders-generic", "org:crimean-tatar-media-generic",
                      # round 15 (conv14b point 2): the professions and bodies of a list of victim groups
                      # (collective_phrases.listed_professions)
                      "org:crimea-journalists-generic", "org:crimea-lawyers-generic", "org:crimea-human-rights-activists-generic",
                      "org:crimea-human-rights-defenders-generic", "org:crimea-political-activists-generic",
                      "org:pro-ukrainian-activists-crimea-generic", "org:crimea-ngos-generic", "org:crimea-independent-media-generic",
                      "org:crimea-bloggers-generic")
_NOT_ACTS = ("statement", "publication", "conference", "meeting", "hearing", "trial", "verdict", "appeal")
# Between two listed groups: "A, B", "A and B", "A, and B", "A or B".
_LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)\s*(?:the\s+)?")
_COUNTED_RE = re.compile(r"(?:\b\d[\d,]*|\b(?:dozens|hundreds|thousands|scores|several|many|some|few|two|three|four|five|"
                         r"six|seven|eight|nine|ten)\s+(?:of\s+)?)(?:\s+(?:other|more|[a-z]+)){0,2}\s*$", re.IGNORECASE)
_COMMUNITY = "org:crimean-tatar-community-generic"
# Whose homes a search is of: "their homes", "Tatar homes, mosques".
_HOMES_RE = re.compile(r"\b(?P<whose>their|(?-i:(?:Crimean\s+)?Tatar))\s+(?:homes|houses|mosques)\b", re.IGNORECASE)
# "subject GROUP to ACT", the trigger phrase naming whom the act is done to.
_SUBJECT_TO_RE = re.compile(r"\bsubject(?:ed|s|ing)?\s+$", re.IGNORECASE)


# The people's bare name, which the texts use after naming the community ("the rights of Tatars and Ukrainians").
_MORE_NAMES = {"org:crimean-tatar-community-generic": ("Tatars",)}


def _names(ex: Extraction, key: str) -> list[str]:
    e = ex.entities[key]
    return sorted({n for n in [e.name, *e.aliases, *_MORE_NAMES.get(key, ())] if len(n) > 4}, key=len, reverse=True)


def _spots(text: str, ex: Extraction, keys: list[str]) -> list[tuple[int, int, str]]:
    """Where each victim collective of the draft is named (its name or an alias, whole words), in text order."""
    spots: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for key in keys:
        for name in _names(ex, key):
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                spots.append((m.start(), m.end(), key))
    return sorted(spots)


def _sentence(sentences: list[Sentence], starts: list[int], at: int) -> Sentence | None:
    i = bisect.bisect_right(starts, at) - 1
    return sentences[i] if i >= 0 and at <= sentences[i].end else None


def collective_targets(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """Attach the victim collectives a list or an act's own phrase makes the target of an event."""
    keys = [k for k in VICTIM_COLLECTIVES if k in ex.entities]
    if not keys:
        return
    spots = _spots(text, ex, keys)
    if not spots:
        return
    starts = [s.start for s in sentences]
    targets: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target":
            targets.setdefault(c.object, set()).add(c.subject)
    counted = {(a, b) for a, b, _k in spots if _COUNTED_RE.search(text[max(0, a - 30):a])}
    new: list[tuple[str, str, tuple[int, int], ClaimDraft | None]] = []
    # (1) a listed victim group beside one already the event's target
    for c in ex.claims:
        if c.predicate != "PARTICIPANT_IN" or c.qualifiers.get("role") != "target" or c.subject not in keys:
            continue
        if (ex.entities[c.object].attributes or {}).get("kind") in _NOT_ACTS:
            continue
        sent = _sentence(sentences, starts, c.span[0])
        if sent is None:
            continue
        inside = [s for s in spots if sent.start <= s[0] and s[1] <= sent.end and (s[0], s[1]) not in counted]
        for i, (a1, b1, k1) in enumerate(inside):
            for a2, b2, k2 in inside[i + 1:i + 2]:
                if {k1, k2} - {c.subject} and c.subject in (k1, k2) and k1 != k2 and _LIST_GAP_RE.fullmatch(text[b1:a2]):
                    other = k2 if k1 == c.subject else k1
                    if other not in targets.get(c.object, set()):
                        targets.setdefault(c.object, set()).add(other)
                        new.append((other, c.object, quote_span(text, sent, a1, b2), c))
    # (2) "subject GROUP to ACT": an act with no target whose trigger phrase names the group
    for ev, spans in ex.triggers.items():
        e = ex.entities.get(ev)
        if e is None or e.label != "Event" or targets.get(ev) or (e.attributes or {}).get("kind") in _NOT_ACTS:
            continue
        for a, b in spans:
            inside = [s for s in spots if a <= s[0] and s[1] <= b and (s[0], s[1]) not in counted
                      and _SUBJECT_TO_RE.search(text[max(a, s[0] - 20):s[0]]) and re.match(r"\s+to\s", text[s[1]:s[1] + 5])]
            sent = _sentence(sentences, starts, a)
            if len({k for _x, _y, k in inside}) == 1 and sent is not None:
                x, y, key = inside[0]
                model = next((c for c in ex.claims if c.object == ev and c.predicate == "PARTICIPANT_IN"), None)
                targets.setdefault(ev, set()).add(key)
                new.append((key, ev, quote_span(text, sent, min(a, x), max(b, y)), model))
                break
    # (3) "raids on their homes" after the group, "raided Tatar homes": a search of the group's homes is done to it
    for ev, spans in ex.triggers.items():
        e = ex.entities.get(ev)
        if e is None or e.label != "Event" or targets.get(ev) or (e.attributes or {}).get("kind") != "search":
            continue
        for a, b in spans:
            sent = _sentence(sentences, starts, a)
            homes = _HOMES_RE.search(text, a, min(b + 30, sent.end if sent else b))
            if sent is None or homes is None:
                continue
            who: str | None
            if homes.group("whose").lower() == "their":
                before = [s for s in spots if sent.start <= s[0] and s[1] <= a and a - s[1] <= 80 and (s[0], s[1]) not in counted]
                who, x = (before[-1][2], before[-1][0]) if before else (None, a)
            else:
                who, x = (_COMMUNITY if _COMMUNITY in keys else None), a
            if who is not None:
                model = next((c for c in ex.claims if c.object == ev and c.predicate == "PARTICIPANT_IN"), None)
                targets.setdefault(ev, set()).add(who)
                new.append((who, ev, quote_span(text, sent, min(a, x), homes.end()), model))
                break
    for subject, ev, span, model in new:
        ex.claim(subject, "PARTICIPANT_IN", ev, span, 0.55, "conf11:collective-target", role="target",
                 asserted_by=model.asserted_by if model is not None else None,
                 date=model.qualifiers.get("date") if model is not None else None)
