"""A state's war against a country, as statements and resolutions name it in passing.

Government statements, PACE texts and State Department remarks refer to the war by a noun phrase:
"the Russia-instigated conflict in eastern Ukraine", "Russia's aggression against Ukraine", "its
aggression in eastern Ukraine", "Russia's brutal full-scale war against Ukraine", "the Russian
aggression against Ukraine in 2014", "military interference in Eastern Donbas", "the war in Ukraine",
"a false pretext for its full-scale invasion". The annotators of dev, dev3, dev4 and valid2 record it
as one ``other`` event: the state its perpetrator, the land (when named) its place.

- the state is named right before the noun ("Russia's", "the Russian", "Russia-instigated", a
  government mention with "'s", or "its" with Russia named earlier in the sentence); without it,
  only "the war in X", "military interference in X" and "(the armed) aggression against Ukraine"
  stand alone (they name the war itself; "aggression against" another land with nobody named does not);
- "its continued aggression against Ukraine", "Russia's continued war of aggression against
  Ukraine" name the war too (README conv13d point 13: "continued / ongoing aggression", "war of
  aggression"); "the then ongoing Russian military intervention" (the going-on words before the
  state) and "a war of aggression" with no state named are left alone, as is "fighting in eastern Ukraine";
- "invasion of X" is :mod:`loaders.extract.annexations`'s; here only "full-scale invasion" with no
  land after it.

All the frames of one article are drafted as one event ("Russia's war against Ukraine");
:func:`loaders.extract.annexations.canonical_war` then gives each frame the corpus key of the war its
own words name, so "Russia's aggression against Ukraine began in 2014" and "its full-scale war" in
one text are two events (README conv13d point 13). :func:`wars` returns ``(name, start, end, perpetrators,
state_words, places, role)``: ``perpetrators`` are government mentions, ``state_words`` mentions of
Russia as a place or as bare words (their government did it), ``role`` the state's ("organiser" for a
"Russia-instigated conflict", else "perpetrator").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.mentions import Mention
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["WAR_NAME", "wars"]

WAR_NAME = "Russia's war against Ukraine"

_WORDS = ("aggression", "war", "conflict", "interference", "intervention", "invasion")
_ADJ = (r"(?:(?:brutal|unprovoked|illegal|full-scale|large-scale|armed|military|renewed|bloody|unjustified|continued|ongoing|"
        r"continuing)\s+(?:and\s+)?){0,3}")
# The noun and, after it, "in/against/on (the) (eastern)" up to the place.
_WAR_RE = Prefiltered(re.compile(r"\b(?P<noun>(?:(?:armed|military)\s+)?aggression|(?:full-scale\s+)?war(?:\s+of\s+aggression)?|(?:armed\s+)?conflict|"
                     r"military\s+(?:interference|intervention)|full-scale\s+invasion)\b(?!\s+of\b)(?!-)"
                     r"(?:\s+(?P<prep>in|against|on)\s+(?:the\s+)?(?:(?:eastern|east|southern)\s+)?)?", re.IGNORECASE))
# The state named right before the noun ("Russia's brutal full-scale", "the Russian", "Russia-instigated").
_RUSSIA_BEFORE_RE = re.compile(r"\b(?:Russia(?:’s|'s)|(?:the\s+)?Russian\s+Federation(?:’s|'s)|Russian|Moscow(?:’s|'s)|"
                               r"Kremlin(?:’s|'s)|Russia-(?:instigated|led|backed|sponsored|fu?elled|waged))\s+" + _ADJ + r"$")
_ITS_BEFORE_RE = re.compile(r"\bits\s+" + _ADJ + r"$")
_POSSESSIVE_RE = re.compile(r"(?:’s|'s)\s+" + _ADJ + r"$")
_RUSSIA_WORD_RE = re.compile(r"\bRussia(?:n\s+Federation)?\b(?!n)")
_OTHER_STATE_RE = re.compile(r"\b(?:Ukraine|United\s+States|U\.S\.|UK|United\s+Kingdom|EU|European\s+Union|Canada|Germany|"
                             r"France|Turkey|Georgia|Belarus)\b")
_GAP_RE = re.compile(r"\s+(?:the\s+)?(?:(?:eastern|east|southern)\s+)?", re.IGNORECASE)
_INSTIGATED_RE = re.compile(r"-(?:instigated|sponsored|orchestrated)\s+" + _ADJ + r"$")
_GOING_ON_RE = re.compile(r"\b(?:ongoing|continued|continuing)\s+(?:the\s+)?$", re.IGNORECASE)
# "the war in Ukraine", "military interference in Eastern Donbas": the war named without its state.
_STANDS_ALONE_RE = re.compile(r"(?:\bthe\s+war|military\s+(?:interference|intervention))$", re.IGNORECASE)


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def _russia(text: str, s0: int, a: int, b: int) -> Mention:
    return Mention(s0 + a, s0 + b, "Russia", "Location", ref="place:russia")


def wars(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]
         ) -> list[tuple[str, int, int, list[Mention], list[Mention], list[Mention], str]]:
    """The war of one sentence (``text``, starting at ``s0``), at most one."""
    low = text.lower()
    if not any(w in low for w in _WORDS):
        return []
    for m in _WAR_RE.finditer(text):
        noun = m.group("noun").lower()
        lo = max(0, m.start() - 80)
        before = text[lo:m.start()]
        place = None
        if m.group("prep"):
            # ("eastern Ukraine" may be the place's own words, "Eastern Donbas" words before it)
            place = next((p for p in places if s0 + m.end("prep") < p.start <= s0 + m.end() + 10
                          and _GAP_RE.fullmatch(text[m.end("prep"):p.start - s0])), None)
        perps = [o for o in orgs if _kind(o) == "government" and o.end <= s0 + m.start() and o.end - s0 >= lo
                 and _POSSESSIVE_RE.fullmatch(text[o.end - s0:m.start()])]
        words: list[Mention] = []
        if not perps:
            r = _RUSSIA_BEFORE_RE.search(before)
            if r is not None and _GOING_ON_RE.search(before, 0, r.start()):
                continue  # "the then ongoing Russian military intervention": a state of affairs
            if r is not None:
                w = re.match(r"(?:the\s+)?(Russia(?:n\s+Federation)?|Russian|Moscow|Kremlin)", r.group())
                assert w is not None
                words = [_russia(text, s0, lo + r.start() + w.start(1), lo + r.start() + w.end(1))]
            elif (i := _ITS_BEFORE_RE.search(before)) is not None:
                # "its": Russia named earlier in the sentence (a word, or a government mention), no other state between
                its = lo + i.start()
                earlier = list(_RUSSIA_WORD_RE.finditer(text, 0, its))
                govs = [o for o in orgs if _kind(o) == "government" and o.end - s0 <= its and "russia" in o.ref]
                last = max([*(w.start() for w in earlier), *(o.start - s0 for o in govs)], default=-1)
                if last >= 0 and not _OTHER_STATE_RE.search(text, last + 6, its):
                    gov = [o for o in govs if o.start - s0 <= last < o.end - s0]
                    perps = gov[-1:]
                    words = [] if gov else [_russia(text, s0, last, last + 6)]
        stated = bool(perps or words)
        alone = place is not None and (_STANDS_ALONE_RE.search(text[max(0, m.start() - 4):m.end("noun")]) is not None or (
            # "By pursuing the armed aggression against Ukraine": the war from 2014 by its land (conv13d point 13)
            # ("its continued aggression against Ukraine" with no state named before: an author the words leave open)
            # ("a war of aggression against Ukraine is a crime" with no state named: the crime in general, left alone)
            noun.endswith("aggression") and not noun.lower().startswith("war") and m.group("prep") == "against"
            and place.ref == "place:ukraine"
            and _ITS_BEFORE_RE.search(before) is None))
        if not stated and not alone:
            continue  # "the conflict", "aggression against Georgia" with nobody named: commentary
        if not stated and noun.startswith("full-scale"):
            continue
        if place is None and not noun.startswith("full-scale") and not (m.group("prep") == "against" and stated):
            continue  # "Russian aggression" with no land: too vague to be the war
        if noun == "conflict" and not stated:
            continue
        end = place.end if place is not None else s0 + m.end("noun")
        # "the Russia-instigated conflict": the state set it going (an organiser), not said to fight it
        role = "organiser" if _INSTIGATED_RE.search(before) else "perpetrator"
        return [(WAR_NAME, s0 + m.start(), end, perps[-1:], words, [place] if place is not None else [], role)]
    return []
