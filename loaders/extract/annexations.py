"""A state's occupation or annexation of a land, as news, NGO, UN and government prose writes it.

The annotators of all five development splits (five writers' styles, four annotators) record
"the annexation of Crimea" as one event (kind other) with the state as perpetrator and the land as
place, whatever the wording: "Russia's illegal annexation of Crimea", "the annexation of Crimea by
the Russian Federation", "its attempted annexation of Crimea", "the Crimean Peninsula after its
illegal annexation by Russia", "Russia's formal takeover", "the Russian occupation and annexation",
"Russia announced Crimea had become part of the Russian Federation", "Russia unlawfully annexed the
peninsula of Crimea". The state is whatever the sentence names as doing it: a government mention, a
country named as a place (its government did it), or the words "Russia's"/"Russian"/"by Russia" the
mention rules leave undecided ("Russia's annexation" reads as neither a place nor a state).

A military occupation done by armed forces ("Russian military forces invaded and occupied Crimea",
"armed forces of the Russian Federation seized and occupied Crimea") has the forces as perpetrator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from loaders.extract.mentions import Mention

__all__ = ["Seizure", "seizures", "state_words_before", "RUSSIA_GOV", "RUSSIAN_FORCES"]

RUSSIA_GOV = "org:russian-federation"
RUSSIAN_FORCES = "org:russian-forces"


@dataclass
class Seizure:
    """One occupation or annexation: the act's words, the land, who did it."""

    what: str                      # "Annexation", "Occupation" or "Invasion"
    start: int
    end: int
    places: list[Mention]
    perpetrators: list[Mention]    # government (or armed forces) mentions
    states: list[Mention]          # countries named as places (their governments), or the state's bare words
    land: str = ""                 # the land the words imply when no place is named ("the peninsula")


_ADJ = r"(?:(?:illegal|attempted|purported|unlawful|temporary|ongoing|continued|forcible|military|de\s+facto|so-called|formal|" \
       r"subsequent|full-scale|brutal)\s+(?:and\s+)?){0,3}"
_ANNEX_NOUN_RE = re.compile(r"\b(?:occupation|occupying|seizure|invasion|annexation|takeover)(?:\s+and\s+(?:(?:illegal|attempted|"
                            r"purported|subsequent)\s+)?(?:annexation|occupation|invasion))?\s+of\s+(?:the\s+)?(?:Ukraine(?:’s|'s)\s+)?",
                            re.IGNORECASE)
# The same nouns with no land after them ("Russia's illegal annexation", "the Russian occupation and annexation",
# "Russia's formal takeover on March 18"): the act needs its state before it.
# "the Russian occupation and illegal annexation of the peninsula", "its illegal annexation by Russia".
_BARE_NOUN_RE = re.compile(r"\b(?:(?:occupation|invasion)\s+and\s+(?:(?:illegal|attempted|purported)\s+)?)?(annexation|takeover)\b"
                           r"(?:\s+of\s+the\s+peninsula\b)?(?!\s+of\b)", re.IGNORECASE)
_ANNEX_VERB_RE = re.compile(r"\b(?:illegally\s+|forcibly\s+|unlawfully\s+)?(?:(?:entered|invaded|seized)\s+and\s+)?"
                            r"(?:occupied|seized|invaded|annexed)\s+(?:the\s+)?(?:Ukraine(?:’s|'s)\s+)?"
                            r"(?:(?:Ukrainian\s+)?(?:Black\s+Sea\s+)?peninsula\s+of\s+)?")
_ANNEX_PASSIVE_RE = re.compile(r"(?:\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:occupied|seized|invaded|annexed)"
                               r"|,?\s+(?:\w+ly\s+)?annexed)(?=\s+by\b)")
_STATE_BEFORE_RE = re.compile(r"(?:’s|'s)\s+" + _ADJ + r"$", re.IGNORECASE)
# The state's own words when no mention stands for it ("Russia's", "the Russian", "the Russian Federation's").
_RUSSIA_BEFORE_RE = re.compile(r"\b(?:Russia(?:’s|'s)|(?:the\s+)?Russian\s+Federation(?:’s|'s)|Russian|Moscow(?:’s|'s))\s+"
                               + _ADJ + r"$")
# "its attempted annexation of Crimea": the state named earlier in the sentence (Russia the only one named)
_ITS_BEFORE_RE = re.compile(r"\b(?:its|the\s+latter(?:’s|'s))\s+" + _ADJ + r"$", re.IGNORECASE)
_RUSSIA_WORD_RE = re.compile(r"\bRussia(?:n\s+Federation)?\b(?!n)")
_OTHER_STATE_RE = re.compile(r"\b(?:Ukraine|United\s+States|U\.S\.|UK|United\s+Kingdom|EU|European\s+Union|Canada|Germany|"
                             r"France|Turkey|Georgia|Belarus)\b")
# "... by the Russian Federation" within the clause after the land ("and the city of Sevastopol (Ukraine) by ...")
_BY_RUSSIA_RE = re.compile(r"^[^.;:]{0,70}?\bby\s+(?:the\s+)?(Russia(?:n\s+Federation)?|Moscow)\b(?!n)")
# "Russia announced Crimea had become part of the Russian Federation" (a state report's formula)
_BECAME_PART_RE = re.compile(r"\b(?:announced|claimed|declared|proclaimed)\s+(?:that\s+)?(?P<land>(?:the\s+)?[\w\s’']{2,40}?)\s+"
                             r"(?:had\s+)?(?:become|became)\s+(?:a\s+)?part\s+of\s+(?:the\s+)?Russia(?:n\s+Federation)?\b")
# The forces that invade: "Russian (military) forces", "Russia's forces", "armed forces of the Russian Federation".
_FORCES_RE = re.compile(r"\b(Russian\s+(?:military\s+|armed\s+)?forces|Russia(?:’s|'s)\s+(?:military\s+|armed\s+)?forces|"
                        r"(?:the\s+)?armed\s+forces\s+of\s+(?:the\s+)?Russian\s+Federation)\s+(?:(?:have|had)\s+)?$",
                        re.IGNORECASE)
# "In March 2014, Russia announced": the date that opens the act's own clause
_OPENING_DATE_RE = re.compile(r"^\s*(?:In|On|By)\s+(?:early\s+|late\s+|mid-)?(?:[A-Z][a-z]+\s+)?\d{4},?\s+$")


# An act a state imposed, told by its words before the act's noun: "Russia's banning of the Mejlis", "the
# Russian-imposed ban on the Mejlis", "Russia's decision to ban".
_IMPOSED_BEFORE_RE = re.compile(r"\b(?:(Russia)(?:’s|'s)|the\s+(Russian)-(?:imposed|enforced|ordered))\s+"
                                r"(?:(?:illegal|unlawful|arbitrary|continued|ongoing)\s+)?$")


def state_words_before(text: str, a: int) -> tuple[int, int] | None:
    """The offsets of "Russia" in "Russia's banning of" / "the Russian-imposed ban on" ending right before ``a``."""
    m = _IMPOSED_BEFORE_RE.search(text, max(0, a - 60), a)
    if m is None:
        return None
    g = 1 if m.group(1) else 2
    return m.start(g), m.end(g)


def _word(text: str, s0: int, a: int, b: int, ref: str, name: str, label: str = "Location") -> Mention:
    """A mention made from the state's own words (which the mention rules left undecided)."""
    return Mention(s0 + a, s0 + b, name, label, ref=ref)


def seizures(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention],
             by_agent: Callable[[str, int, Sequence[Mention], int, int], list[Mention]]) -> list[Seizure]:
    """The occupations and annexations of one sentence (``text``, starting at ``s0``)."""
    out: list[Seizure] = []
    low = text.lower()
    if not any(w in low for w in ("occup", "seiz", "invad", "invasion", "annex", "takeover", "part of the russian")):
        return out  # no word of occupation: the usual sentence
    kinds = {o.ref: (o.entry.attributes.get("kind") if o.entry is not None else "") for o in orgs}
    states = [o for o in orgs if kinds[o.ref] == "government"]
    countries = [p for p in places if p.entry is not None and p.entry.attributes.get("kind") == "country"]

    def russia_before(a: int, its: bool) -> list[Mention]:
        """"Russia's"/"Russian" right before the act's words, else (``its``) "its" with Russia named earlier
        ("nor its attempted annexation of Crimea"; "its ongoing occupation" is a state of affairs, not the act)."""
        lo = max(0, a - s0 - 80)  # the words end at the act: a window before it will do (and keeps this linear)
        m = _RUSSIA_BEFORE_RE.search(text, lo, a - s0)
        if m is not None and (its or not m.group().startswith("Russian ")):
            return [_word(text, s0, m.start(), m.end(), "place:russia", "Russia")]
        m = _ITS_BEFORE_RE.search(text, lo, a - s0) if its else None
        if m is not None:
            earlier = list(_RUSSIA_WORD_RE.finditer(text, 0, m.start()))
            if earlier and not _OTHER_STATE_RE.search(text, earlier[-1].end(), m.start()):
                w = earlier[-1]
                return [_word(text, s0, w.start(), w.end(), "place:russia", "Russia")]
        return []

    def russia_by(b: int) -> list[Mention]:
        m = _BY_RUSSIA_RE.search(text[b - s0:])
        return [_word(text, s0, b - s0 + m.start(1), b - s0 + m.end(1), "place:russia", "Russia")] if m else []

    def state_of(a: int, b: int, noun: bool, annex: bool = True) -> tuple[list[Mention], list[Mention]]:
        """(government mentions, country or word mentions) that did the act at [a, b)."""
        if noun:
            perps = [o for o in states if o.end <= a and _STATE_BEFORE_RE.fullmatch(text[o.end - s0:a - s0])]
            perps = perps or by_agent(text, s0, states, b, 100)
            if perps:
                return perps[-1:], []
            # (a country after "by" is left to the article's other mentions: "annexed by Russia" settles nothing)
            owner = [p for p in countries if p.end <= a and _STATE_BEFORE_RE.fullmatch(text[p.end - s0:a - s0])][-1:]
            return [], owner or russia_before(a, annex)
        perps = [o for o in states if o.end <= a and re.fullmatch(r"\s+(?:has\s+|had\s+)?(?:\w+ly\s+)?", text[o.end - s0:a - s0])]
        if perps:
            return perps[-1:], []
        owner = [p for p in countries if p.end <= a and re.fullmatch(r"\s+(?:has\s+|had\s+)?(?:\w+ly\s+)?", text[p.end - s0:a - s0])]
        return [], owner[-1:]

    for m in [*_ANNEX_NOUN_RE.finditer(text), *_ANNEX_VERB_RE.finditer(text)]:
        place = next((p for p in places if p.start == s0 + m.end()), None)
        if place is None:
            continue
        a, noun = s0 + m.start(), m.re is _ANNEX_NOUN_RE
        forces = [] if noun else _forces(text, s0, m.start())
        if forces:
            out.append(Seizure("Occupation", forces[0].start, place.end, [place], [], forces))
            continue
        words = m.group().lower()
        annex = "annex" in words or "takeover" in words
        perps, owner = state_of(a, place.end, noun, annex)
        if annex:
            # "the illegal annexation of Crimea": the act stands without its state in the sentence
            out.append(Seizure("Annexation", a, place.end, [place], perps, owner))
        elif perps or owner:
            # "its full-scale invasion of Ukraine": the invasion (territory_acts names it so too)
            what = "Invasion" if noun and words.startswith("invasion") else "Occupation"
            out.append(Seizure(what, a, place.end, [place], perps, owner))
    for m in _BARE_NOUN_RE.finditer(text):
        a = s0 + m.start()
        if any(x.start <= a < x.end for x in out):
            continue
        perps, owner = state_of(a, s0 + m.end(), True)
        if not perps and not owner:  # "after its illegal annexation by Russia"
            perps = by_agent(text, s0, states, s0 + m.end(), 30)[:1]
            owner = [] if perps else russia_by(s0 + m.end())
        if perps or owner:
            out.append(Seizure("Annexation", a, s0 + m.end(), [], perps, owner, land="Crimea"))
    for p in places:
        pm = _ANNEX_PASSIVE_RE.match(text, p.end - s0)
        if pm is None:
            continue
        b = s0 + pm.end()
        perps = by_agent(text, s0, states, b, 20)
        by_country = [] if perps else (by_agent(text, s0, countries, b, 20)[:1] or russia_by(b))
        if perps or by_country:
            what = "Annexation" if "annex" in pm.group().lower() else "Occupation"
            out.append(Seizure(what, p.start, b, [p], perps[:1], by_country))
    for m in _BECAME_PART_RE.finditer(text):
        # "In March 2014, Russia announced Crimea had become part of the Russian Federation"
        subj = re.search(r"\b(Russia|the\s+Russian\s+Federation|Moscow)\s+(?:\w+ly\s+)?$", text[:m.start()])
        if subj is None:
            continue
        land = [p for p in places if s0 + m.start("land") <= p.start and p.end <= s0 + m.end("land")][:1]
        if not land and not re.search(r"\bpeninsula\b", m.group("land")):
            continue
        start = subj.start()
        opening = _OPENING_DATE_RE.match(text[:start])
        gov = [o for o in states if o.start == s0 + subj.start(1)]
        out.append(Seizure("Annexation", s0 + (0 if opening else start), s0 + m.end(), land, gov,
                           [] if gov else [_word(text, s0, subj.start(1), subj.end(1), "place:russia", "Russia")],
                           land="" if land else "Crimea"))
    return _one_each(out)


def _one_each(found: list[Seizure]) -> list[Seizure]:
    """One act per kind and land in a sentence ("invaded and occupied Crimea" read twice), the first
    with a perpetrator kept."""
    out: list[Seizure] = []
    for z in sorted(found, key=lambda z: (not (z.perpetrators or z.states), z.start)):
        land = tuple(p.ref for p in z.places) or (z.land,)
        if any(y.what == z.what and (tuple(p.ref for p in y.places) or (y.land,)) == land for y in out):
            continue
        out.append(z)
    return sorted(out, key=lambda z: z.start)


def _forces(text: str, s0: int, a: int) -> list[Mention]:
    """The armed forces right before an occupying verb ("Russian military forces invaded and occupied")."""
    m = _FORCES_RE.search(text, max(0, a - 80), a)
    if m is None:
        return []
    return [_word(text, s0, m.start(1), m.end(1), RUSSIAN_FORCES, "Russian forces", "Organisation")]
