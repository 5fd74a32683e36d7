"""Round 11 (loc11): where the convention puts a body named with its seat, or a campaign against a group.

- A body whose name holds its seat: "the Verkhovna Rada of the Autonomous Republic of Crimea", "the State
  Council of the Republic of Crimea" -> ``LOCATED_IN`` Crimea (round-10 decision 6 for a court, the same
  reading for any state body; a prosecutor's office "of Crimea" is left out: Ukraine's sits in Kyiv).
- A named body with its town right after its name: "Tavrida National University in Simferopol", "the ATR TV
  station in Simferopol", "Roskomnadzor, the media registration agency in Moscow" -> ``LOCATED_IN`` the town.
- A campaign against a group (an event of kind other whose target is a collective) told in a sentence that
  names Crimea: "the situation in Russian-occupied Crimea, where ... minorities face serious and ongoing
  repression", "Since occupying Crimea, Russian authorities have persecuted Crimean Tatars" -> ``LOCATED_IN``
  Crimea; or, when the campaign's sentence names no place, told right after a sentence of the same paragraph that
  says "in Crimea" ("... undermine freedom of expression in Crimea. They follow a year-long campaign to silence the
  Crimean Tatar population", round 14 loc14).
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["named_body_seats", "campaign_places"]

_CRIMEA_BODY_RE = re.compile(r"\bof\s+(?:the\s+)?(?:Autonomous\s+)?(?:Republic\s+of\s+)?Crimea$")
_NAMED_NOUN = (r"(?i:station|channel|university|institute|centre|center|agency|group|organi[sz]ation|outlet|newspaper|"
               r"website|office|headquarters|body|museum|library|school|mosque|church|cathedral|union|society|foundation)")
# "X in Simferopol", "the X TV station in Simferopol", "X, the media registration agency in Moscow"
_TOWN_GAP_RE = re.compile(rf"[”\"]?(?P<noun>\s+(?:TV|television|radio|news|media)?\s*{_NAMED_NOUN}|,\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,3}}?"
                          rf"{_NAMED_NOUN})?\s+(?:(?:based|located|headquartered)\s+)?in\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?")
_INSTITUTION_RE = re.compile(r"\b(?:University|Institute|Academy|Museum|Library|School|College|Theatre|Theater|Hospital)$")
# "the Annual Session of the OSCE Parliamentary Assembly in Berlin": the town is the session's
_OF_BEFORE_RE = re.compile(r"\b(?:session|sessions|meeting|meetings|summit|conference|congress|forum|sitting|debate)\s+of\s+(?:the\s+)?$",
                           re.IGNORECASE)
_TOWN_BODIES = ("media", "ngo", "other", "agency", "university", "representative_body", "religious")


def _sentence_of(sentences: list[Sentence], starts: list[int], pos: int) -> Sentence:
    return sentences[max(0, bisect.bisect_right(starts, pos) - 1)]


def _places(mentions: list[Mention], ex: Extraction, kinds: tuple[str, ...]) -> list[Mention]:
    return [m for m in mentions if m.label == "Location" and m.ref in ex.entities and ex.entities[m.ref].label == "Location"
            and (ex.entities[m.ref].attributes or {}).get("kind") in kinds]


def named_body_seats(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """A body whose name holds its seat ("... of the Republic of Crimea"), or a named body with its town right after
    its name ("Tavrida National University in Simferopol"): the body ``LOCATED_IN`` the place."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}
    seated = {c.subject for c in ex.claims if c.predicate == "LOCATED_IN"}
    starts = [s.start for s in sentences]
    towns = _places(mentions, ex, ("city", "town", "village"))
    t_starts = [p.start for p in towns]
    crimea = ex.entities.get("place:crimea")
    regions = _places(mentions, ex, ("region", "city", "town", "village"))
    r_starts = [p.start for p in regions]
    for o in mentions:
        e = ex.entities.get(o.ref) if o.label == "Organisation" else None
        if e is None or e.label != "Organisation" or e.generic:
            continue
        kind = (e.attributes or {}).get("kind")
        sent = _sentence_of(sentences, starts, o.start)
        if crimea is not None and crimea.label == "Location" and o.ref not in seated and kind not in ("prosecutor", "collective") \
                and any(_CRIMEA_BODY_RE.search(n) for n in (e.name, o.text)):
            seated.add(o.ref)
            have.add((o.ref, "place:crimea"))
            ex.claim(o.ref, "LOCATED_IN", "place:crimea", quote_span(text, sent, o.start, o.end), 0.6, "body-name-seat")
            continue
        if _apposed_place(text, sent, o, regions, r_starts, ex, have, seated):
            continue
        if kind not in _TOWN_BODIES:
            continue
        i = bisect.bisect_left(t_starts, o.end)
        if i >= len(towns) or towns[i].end > sent.end or towns[i].start - o.end > 60:
            continue
        pl = towns[i]
        gap = _TOWN_GAP_RE.fullmatch(text, o.end, pl.start)
        # a bare "in": only an institution by its name or its kind ("Crimean Solidarity in Simferopol" is a movement there)
        if gap is not None and not gap.group("noun") and kind not in ("media", "agency") and not _INSTITUTION_RE.search(e.name):
            continue
        if gap is not None and (o.ref, pl.ref) not in have \
                and not re.match(r"\s*(?:’s|'s|\s+[A-Z])", text[pl.end:pl.end + 3]) \
                and not _OF_BEFORE_RE.search(text, max(sent.start, o.start - 30), o.start):
            have.add((o.ref, pl.ref))
            seated.add(o.ref)
            ex.claim(o.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, o.start, pl.end), 0.6, "body-town")


# "have left the peninsula", "barred from returning to Crimea": the place they are kept out of
_AWAY_RE = re.compile(r"\b(?:left|leave|leaving|fled|flee|from|returning\s+to|return\s+to|back\s+to)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _campaign_crimea(text: str, sent: Sentence, m: Mention) -> bool:
    """Whether the mention of Crimea ``m`` may place a campaign: not the group's adjective ("Crimea's ethnic Tatar
    minority"), not a place left."""
    return text[m.end:m.end + 2] not in ("’s", "'s") and not _AWAY_RE.search(text, max(sent.start, m.start - 30), m.start)


# "the Mejlis, a representative body of ethnic Crimean Tatars in Crimea", "ATR, the only television channel broadcasting
# in the Crimean Tatar language in Crimea": the description apposed to the name ends on the body's place.
_APPOSED_RE = re.compile(r",\s+(?:a|an|the)\s+(?![^,;:.()“”\"]*\b(?:who|whom|whose|which|that|where|when|while|after|before)\b)"
                         r"[^,;:.()“”\"]{0,80}?\s+in\s+(?:the\s+)?(?:(?:occupied|annexed|Russian-occupied|Russia-occupied)\s+)?")


def _apposed_place(text: str, sent: Sentence, o: Mention, regions: list[Mention], r_starts: list[int], ex: Extraction,
                   have: set[tuple[str, str]], seated: set[str]) -> bool:
    """The body whose apposed description ends "in <place>" ``LOCATED_IN`` that place."""
    if not text.startswith(",", o.end):
        return False
    i = bisect.bisect_left(r_starts, o.end)
    while i < len(regions) and regions[i].end <= sent.end and regions[i].start - o.end <= 100:
        pl = regions[i]
        if _APPOSED_RE.fullmatch(text, o.end, pl.start) and not re.match(r"(?:’s|'s|\s+[A-Z])", text[pl.end:pl.end + 2]):
            if (o.ref, pl.ref) not in have:
                have.add((o.ref, pl.ref))
                seated.add(o.ref)
                ex.claim(o.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, o.start, pl.end), 0.6, "body-apposed-place")
            return True
        i += 1
    return False


# "abuses and violations in Crimea. Crimean Tatars in particular face ...": Crimea told with a locative
_PREV_IN_RE = re.compile(r"\b(?:in|on|across|throughout)\s+(?:the\s+)?(?:(?:temporarily\s+)?(?:occupied|annexed|illegally\s+annexed|"
                         r"Russian-occupied|Russia-occupied)\s+)?$")


def campaign_places(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """A campaign against a group (kind other, a collective as target) with no place, told in a sentence that names
    Crimea: the campaign ``LOCATED_IN`` Crimea. Failing that (round 14, loc14), a campaign whose sentence names no place
    at all, right after a sentence of the same paragraph that puts something "in Crimea" ("The UK remains appalled by
    ongoing human rights abuses and violations in Crimea. Crimean Tatars in particular face regular harassment ..."):
    the sentence before tells where."""
    if "place:crimea" not in ex.entities:
        return
    placed = {c.subject for c in ex.claims if c.predicate == "LOCATED_IN"}
    collective_targets = {c.object for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"
                          and c.subject in ex.entities and ex.entities[c.subject].generic}
    crimea = sorted((m for m in mentions if m.label == "Location" and m.ref == "place:crimea"), key=lambda m: m.start)
    c_starts = [m.start for m in crimea]
    if not crimea:
        return
    starts = [s.start for s in sentences]
    for ev in sorted(collective_targets):
        if ev in placed or ev not in ex.entities or (ex.entities[ev].attributes or {}).get("kind") != "other":
            continue
        for a, b in sorted(ex.triggers.get(ev, [])):
            sent = _sentence_of(sentences, starts, a)
            i = bisect.bisect_left(c_starts, sent.start)
            m = next((m for m in crimea[i:] if m.end <= sent.end and _campaign_crimea(text, sent, m)), None)
            if m is not None:
                ex.claim(ev, "LOCATED_IN", "place:crimea", quote_span(text, sent, min(a, m.start), max(b, m.end)), 0.5, "campaign-crimea")
                placed.add(ev)
                break
        if ev in placed:
            continue
        for a, _b in sorted(ex.triggers.get(ev, [])):
            k = bisect.bisect_right(starts, a) - 1
            if k < 1:
                continue
            sent, prev = sentences[k], sentences[k - 1]
            if any(p.label == "Location" and sent.start <= p.start < sent.end for p in mentions):
                continue
            if "\n" in text[prev.end:sent.start]:
                continue
            i = bisect.bisect_left(c_starts, prev.start)
            m = next((m for m in crimea[i:] if m.end <= prev.end and _PREV_IN_RE.search(text, max(prev.start, m.start - 30), m.start)
                      and _campaign_crimea(text, prev, m)), None)
            if m is not None:
                ex.claim(ev, "LOCATED_IN", "place:crimea", quote_span(text, prev, m.start, m.end), 0.45, "campaign-crimea-before")
                placed.add(ev)
                break


