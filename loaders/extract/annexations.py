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

Convention decision 1 of round 10 (examples/articles/real/README.md) keeps three events apart, each keyed once for
the corpus by :func:`canonical_annexation` and :func:`canonical_occupation`: the **annexation**
(:data:`ANNEXATION_OF_CRIMEA`, an act of 2014), the **occupation** (:data:`OCCUPATION_OF_CRIMEA`, a state still going
on: "Russia's occupation of Crimea", "the Russian occupation", "under Russian occupation", "opposition to the
occupation", "since the occupation began", "a year before Russia occupied the peninsula"; "the occupation and
annexation of Crimea" names both), and the dated **military entry** of February 2014 (:data:`INVASION_OF_CRIMEA`:
"Russian forces entered and occupied", "Russia seized and occupied Crimea"). Russia is the perpetrator only where the
words name it ("Russia's", "Russian", "by Russia" after the land, "Russia occupied"); "occupied Crimea" (a place's
name), "occupation authorities" (actors) and a title ("Day of Resistance to Occupation") are no event.

The older sentence frames, told by their own words (U.S. State Department country reports, EU and OSCE
statements, Council of Europe conclusions open with the history of the occupation), live here too, in
:func:`land_takings`:

- a military entry: "Russian forces entered Ukraine's Crimean Peninsula and occupied it",
  "Russia's forces entered and occupied X", "Russian military forces invaded and occupied X": an
  ``other`` event, the forces (or state) before the verbs its perpetrator, the land its place;
- a building forces seized in a town ("Russian troops in unmarked uniforms seized the Parliament
  building in Simferopol"): the forces its perpetrator, the town its place;
- a launched invasion: "Russia launched a full-scale invasion of Ukraine", "paving the way to its
  full-scale invasion of Ukraine": the state its perpetrator;
- an annexation told as a dated act, not as the object of a (non-)recognition formula: "Russia began its
  illegal annexation of Crimea", "The illegal annexation of Crimea by Russia in 2014 has ...", "Russia
  announced (that) the peninsula had become part of the Russian Federation", "since Russia annexed
  Crimea". ("We do not recognise Russia's annexation of Crimea" and "since the annexation" are left
  alone: both annotation teams leave those formulas out.) "... following a sham referendum" after that
  frame is the referendum held in the same land.

:func:`land_takings` returns ``(name, start, end, perpetrators, places)`` tuples; a perpetrator may be a
country's place mention ("Russia began its annexation of Crimea"), whose government
:func:`loaders.extract.claim_parts.act_event` records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from loaders.extract.mentions import Mention, Sentence
from loaders.extract.regex_buckets import Prefiltered
from loaders.extract.state_acts import canonical_deportation

if TYPE_CHECKING:
    from loaders.extract.claims import Extraction

__all__ = ["Seizure", "seizures", "state_words_before", "LandAct", "land_takings", "annexation_announcements", "canonical_annexation",
           "canonical_occupation", "ANNEXATION_OF_CRIMEA", "OCCUPATION_OF_CRIMEA", "INVASION_OF_CRIMEA", "MILITARY_ENTRY", "RUSSIA_GOV",
           "RUSSIAN_FORCES", "canonical_war", "AGGRESSION_2014", "FULL_SCALE_INVASION", "CONFLICT_IN_EAST"]

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
       r"subsequent|full-scale|brutal|(?:(?:February|March)\s+)?2014)\s+(?:and\s+)?){0,3}"
# The land named as "(a) part of the (Ukrainian) territory (of Ukraine) – X" (PACE, the Seimas: "the temporary occupation
# of part of the territory of Ukraine – the Autonomous Republic of Crimea ...", "occupied and annexed a part of the
# Ukrainian territory – the Autonomous Republic of Crimea"): the act's land is X.
_PART_OF_LAND = r"(?:(?:a\s+)?part\s+of\s+(?:the\s+)?(?:Ukrainian\s+)?territory(?:\s+of\s+Ukraine)?\s*[–—]\s*(?:the\s+)?)?"
_ANNEX_NOUN_RE = re.compile(r"\b(?:occupation|occupying|seizure|invasion|annexation|takeover)(?:\s+and\s+(?:(?:illegal|attempted|"
                            r"purported|subsequent)\s+)?(?:annexation|occupation|invasion|seizure))?\s+of\s+(?:the\s+)?(?:Ukraine(?:’s|'s)\s+)?"
                            + _PART_OF_LAND,
                            re.IGNORECASE)
# The same nouns with no land after them ("Russia's illegal annexation", "the Russian occupation and annexation",
# "Russia's formal takeover on March 18"): the act needs its state before it.
# "the Russian occupation and illegal annexation of the peninsula", "its illegal annexation by Russia".
_BARE_NOUN_RE = Prefiltered(re.compile(r"\b(?:(?:occupation|invasion)\s+and\s+(?:(?:illegal|attempted|purported)\s+)?)?(annexation|takeover)\b"
                           r"(?:\s+of\s+the\s+peninsula\b)?(?!\s+of\b)", re.IGNORECASE))
_ANNEX_VERB_RE = Prefiltered(re.compile(r"\b(?:illegally\s+|forcibly\s+|unlawfully\s+)?(?:(?:entered|invaded|seized|occupied)\s+and\s+)?"
                            r"(?:occupied|seized|invaded|annexed)\s+(?:the\s+)?(?:Ukraine(?:’s|'s)\s+)?"
                            r"(?:(?:Ukrainian\s+)?(?:Black\s+Sea\s+)?peninsula\s+of\s+)?" + _PART_OF_LAND))
_ANNEX_PASSIVE_RE = re.compile(r"(?:(?:,?\s+which)?\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:occupied|seized|invaded|annexed)"
                               r"(?:\s+and\s+(?:\w+ly\s+)?(?:occupied|annexed))?|,?\s+(?:\w+ly\s+)?annexed)(?=\s+by\b)")
# Round 15 (evother15): the annexation of a land told as "territory" (VOA, the State Department, the UK's OSCE mission:
# dev, dev4), the noun or the verb after "effort / attempt to": "Russia's effort to annex its neighbor's territory",
# "its attempted annexation of Ukrainian territory", "the Russian Federation's attempt to illegally annex sovereign
# territories of Ukraine" (the state before it, as for the nouns above; the land after "territories of" its place, else
# the article's Crimea).
_TERRITORY = r"(?:(?:its\s+neighbou?r(?:’s|'s)|Ukrainian|Ukraine(?:’s|'s))\s+(?:sovereign\s+)?territor(?:y|ies)\b"\
             r"|(?:the\s+)?(?:sovereign\s+)?territor(?:y|ies)\s+of\s+(?:the\s+)?(?=Ukraine\b))"
_TERRITORY_ANNEX_RE = Prefiltered(re.compile(r"\b(?:annexation\s+of|(?:effort|efforts|attempt|attempts|bid)\s+to\s+(?:\w+ly\s+)?annex)\s+"
                                 + _TERRITORY))
_STATE_BEFORE_RE = re.compile(r"(?:’s|'s)\s+" + _ADJ + r"$", re.IGNORECASE)
# The state's own words when no mention stands for it ("Russia's", "the Russian", "the Russian Federation's").
_RUSSIA_BEFORE_RE = re.compile(r"\b(?:Russia(?:’s|'s)|(?:the\s+)?Russian\s+Federation(?:’s|'s)|Russian|Moscow(?:’s|'s))\s+"
                               + _ADJ + r"$")
# "its attempted annexation of Crimea": the state named earlier in the sentence (Russia the only one named)
_ITS_BEFORE_RE = re.compile(r"\b(?:its|the\s+latter(?:’s|'s))\s+" + _ADJ + r"$", re.IGNORECASE)
_RUSSIA_WORD_RE = re.compile(r"\bRussia(?:n\s+Federation)?\b(?!n)")
# Between the state and its verb: "Russia has illegally", "the Russian Federation, by using armed military force,".
_SUBJECT_GAP_RE = re.compile(r"(?:,\s+by\s+[^,;.]{1,50},)?\s+(?:has\s+|had\s+)?(?:\w+ly\s+)?")
# "when it (illegally) annexed": the verb's subject a pronoun (see :func:`seizures`)
_IT_BEFORE_RE = re.compile(r"\bit\s+(?:has\s+|had\s+)?(?:\w+ly\s+)?$")
_OTHER_STATE_RE = re.compile(r"\b(?:Ukraine|United\s+States|U\.S\.|UK|United\s+Kingdom|EU|European\s+Union|Canada|Germany|"
                             r"France|Turkey|Georgia|Belarus)\b")
# "... by the Russian Federation" within the clause after the land ("and the city of Sevastopol (Ukraine) by ...")
_BY_RUSSIA_RE = re.compile(r"^[^.;:]{0,70}?\bby\s+(?:the\s+)?(Russia(?:n\s+Federation)?|Moscow)\b(?!n)")
# "Russia announced Crimea had become part of the Russian Federation" (a state report's formula)
_BECAME_PART_RE = Prefiltered(re.compile(r"\b(?:announced|claimed|declared|proclaimed)\s+(?:that\s+)?(?P<land>(?:the\s+)?[\w\s’']{2,40}?)\s+"
                             r"(?:had\s+)?(?:become|became)\s+(?:a\s+)?part\s+of\s+(?:the\s+)?Russia(?:n\s+Federation)?\b"))
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

    def russia_before(a: int, its: bool, occ: bool = False) -> list[Mention]:
        """"Russia's"/"Russian" right before the act's words, else (``its``) "its" with Russia named earlier
        ("nor its attempted annexation of Crimea"; "its ongoing occupation" is a state of affairs, not the act).
        With ``occ`` (the occupation), "the Russian occupation" names its author too (convention decision 1)."""
        lo = max(0, a - s0 - 80)  # the words end at the act: a window before it will do (and keeps this linear)
        m = _RUSSIA_BEFORE_RE.search(text, lo, a - s0)
        if m is not None and (its or occ or not m.group().startswith("Russian ")):
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

    def state_of(a: int, b: int, noun: bool, annex: bool = True, occ: bool = False) -> tuple[list[Mention], list[Mention]]:
        """(government mentions, country or word mentions) that did the act at [a, b)."""
        if noun:
            perps = [o for o in states if o.end <= a and _STATE_BEFORE_RE.fullmatch(text[o.end - s0:a - s0])]
            perps = perps or by_agent(text, s0, states, b, 100)
            if perps:
                return perps[-1:], []
            # (a country after "by" is read by the callers: "the annexation of Crimea by Russia", :func:`_russia_after_land`)
            owner = [p for p in countries if p.end <= a and _STATE_BEFORE_RE.fullmatch(text[p.end - s0:a - s0])][-1:]
            return [], owner or russia_before(a, annex, occ)
        perps = [o for o in states if o.end <= a and _SUBJECT_GAP_RE.fullmatch(text[o.end - s0:a - s0])]
        if perps:
            return perps[-1:], []
        owner = [p for p in countries if p.end <= a and _SUBJECT_GAP_RE.fullmatch(text[p.end - s0:a - s0])]
        if not owner and (it := _IT_BEFORE_RE.search(text, max(0, a - s0 - 30), a - s0)) is not None:
            # "Russia began its campaign when it illegally annexed Crimea": "it" is Russia, named earlier with no other state
            earlier = list(_RUSSIA_WORD_RE.finditer(text, 0, it.start()))
            if earlier and not _OTHER_STATE_RE.search(text, earlier[-1].end(), it.start()):
                w = earlier[-1]
                return [], [_word(text, s0, w.start(), w.end(), "place:russia", "Russia")]
        return [], owner[-1:]

    for m in [*_ANNEX_NOUN_RE.finditer(text), *_ANNEX_VERB_RE.finditer(text)]:
        place = next((p for p in places if p.start == s0 + m.end()), None)
        if place is None:
            continue
        a, noun = s0 + m.start(), m.re is _ANNEX_NOUN_RE
        forces = [] if noun else _forces(text, s0, m.start())
        if forces:
            out.append(Seizure(MILITARY_ENTRY, forces[0].start, place.end, [place], [], forces))
            continue
        words = m.group().lower()
        annex = "annex" in words or "takeover" in words
        occ = noun and "occupation" in words
        if occ and (m.group()[0] == "O" and m.start() > 0 or text[m.start() - 1:m.start()] == "-"):
            continue  # "the Day of Resistance to Occupation of Crimea": a title; "the de-occupation of Crimea": its end
        # "Russia's invasion and seizure of Crimea", "its illegal annexation and invasion of Crimea": the invasion of
        # Crimea (README conv13d point 13), Russia's where its words stand before the nouns ("the Russian invasion" too)
        entry = noun and "invasion" in words and place.ref in _CRIMEA_REFS
        perps, owner = state_of(a, place.end, noun, annex, occ or entry)
        if entry and (perps or owner):
            out.append(Seizure(MILITARY_ENTRY, a, place.end, [place], list(perps), list(owner)))
            if not annex:
                continue
        if noun and not perps and not owner and (annex or occ):
            owner = _russia_after_land(text, s0, place.end)  # "the annexation of Crimea by Russia in 2014"
        if annex:
            # "the illegal annexation of Crimea": the act stands without its state in the sentence
            out.append(Seizure("Annexation", a, place.end, [place], perps, owner))
            if not noun and words.startswith("occupied and"):  # "Russia occupied and annexed X": both acts
                out.append(Seizure("Occupation", a, place.end, [place], list(perps), list(owner)))
            if occ:  # "the occupation and annexation of Crimea" names both (convention decision 1)
                # (the state's words, not "its": "to legitimize its occupation and annexation" names no author for it)
                occ_owner = [] if perps else (russia_before(a, False, True) or _russia_after_land(text, s0, place.end))
                out.append(Seizure("Occupation", a, place.end, [place], list(perps), occ_owner))
        elif not noun and _ENTRY_VERB_RE.match(words):
            # "Russia seized and occupied Crimea": the military entry (the convention's dated invasion)
            out.append(Seizure(MILITARY_ENTRY, a, place.end, [place], perps, owner))
        elif perps or owner:
            # "its full-scale invasion of Ukraine": the invasion (land_takings names it so too)
            # "Russia invaded Crimea" (a state the verb's subject): the invasion of Crimea; "Russia invaded Ukraine in
            # 2014": the war (README conv13d point 13), keyed by :func:`canonical_war`
            invaded = not noun and "invaded" in words
            what = "Invasion" if (noun and words.startswith("invasion")) or invaded else "Occupation"
            if invaded and place.ref in _CRIMEA_REFS:
                what = MILITARY_ENTRY
            out.append(Seizure(what, a, place.end, [place], perps, owner))
        elif occ and place.ref in _CRIMEA_REFS:
            # "since the occupation of Crimea": the occupation named as such, its author not said
            out.append(Seizure("Occupation", a, place.end, [place], [], []))
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
            if m.group().lower().startswith("occupation"):  # "the Russian occupation and illegal annexation"
                out.append(Seizure("Occupation", a, s0 + m.end(), [], list(perps), list(owner), land="Crimea"))
        elif m.group().lower() == "annexation" and _OCC_ARTICLE_RE.search(text, max(0, m.start() - 80), m.start()):
            # "since the Peninsula's unlawful annexation in March 2014", "since its annexation": the annexation named,
            # its author not said (convention decision 1: recorded wherever the text names it)
            out.append(Seizure("Annexation", a, s0 + m.end(), [], [], [], land="Crimea"))
    for m in _TERRITORY_ANNEX_RE.finditer(text):
        # "Russia's effort to annex its neighbor's territory", "its attempted annexation of Ukrainian territory", "the
        # Russian Federation's attempt to illegally annex sovereign territories of Ukraine": the land told as "territory"
        a = s0 + m.start()
        if any(x.start <= a < x.end for x in out):
            continue
        perps, owner = state_of(a, s0 + m.end(), True)
        if perps or owner:
            where = [p for p in places if p.start == s0 + m.end()]
            out.append(Seizure("Annexation", a, where[0].end if where else s0 + m.end(), where, perps, owner,
                               land="" if where else "Crimea"))
    out.extend(_bare_occupations(text, s0, out, russia_before))
    for p in places:
        pm = _ANNEX_PASSIVE_RE.match(text, p.end - s0)
        if pm is None:
            continue
        b = s0 + pm.end()
        perps = by_agent(text, s0, states, b, 20)
        by_country = [] if perps else (by_agent(text, s0, countries, b, 20)[:1] or russia_by(b))
        if perps or by_country:
            verbs = pm.group().lower()
            # "the Crimean peninsula, which was occupied and annexed by Russia": both acts
            for what in (["Occupation"] if "occupied" in verbs else []) + (["Annexation"] if "annex" in verbs else []) \
                    or ["Occupation"]:
                out.append(Seizure(what, p.start, b, [p], perps[:1], list(by_country)))
    for m in _NOUN_BY_RE.finditer(text):
        # "the illegal occupation by the Russian Federation of the Autonomous Republic of Crimea": the state between
        state = next((o for o in states if o.start in (s0 + m.end(), s0 + m.end(1) + len(" by "))), None)
        of = _OF_RE.match(text, state.end - s0) if state is not None else None
        place = next((p for p in places if of is not None and p.start == s0 + of.end()), None)
        if state is None or place is None:
            continue
        what = "Annexation" if m.group(1).lower() == "annexation" else "Occupation"
        out.append(Seizure(what, s0 + m.start(), place.end, [place], [state], []))
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
    return [_with_city(z, text, s0, places) for z in _one_each(out)]


# The name of a military entry ("Russian forces entered and occupied Crimea", "Russia seized and occupied Crimea"): the
# convention's dated invasion (:data:`INVASION_OF_CRIMEA`), kept apart from the occupation it began.
MILITARY_ENTRY = "Military occupation"
_ENTRY_VERB_RE = re.compile(r"(?:\w+ly\s+)?(?:entered|invaded|seized|captured)\s+and\s+")
_CRIMEA_REFS = ("place:crimea", "place:sevastopol")
# The occupation named as such with no land after it (convention decision 1): "Russia's occupation", "under Russian
# occupation", "the illegal March 2014 Russian occupation", "opposition to the occupation", "since the occupation began",
# "prior to occupation"; not the actors ("occupation authorities", "occupation “authorities”"), "the law of occupation",
# a title ("Resistance to Occupation"), nor "occupation of X" (the land's frames above).
_BARE_OCC_RE = Prefiltered(re.compile(r"(?<!-)\boccupation\b(?!\s+of\b(?!\s+the\s+(?:(?:Crimean|Ukrainian)\s+)?peninsula\b))(?![\s“”\"']*(?:authorit|forces|administrat|regime|power|court|troops|"
                          r"officials|government|army|prosecutor|judge|police|law|structures|bodies|agencies|"
                          r"\w*\s*(?:authorit|administrat)))"))
_OCC_ARTICLE_RE = re.compile(r"(?:\b(?:the|its)|(?:[Pp]eninsula|Crimea|territory)(?:’s|'s)|\b(?:[Ss]ince|to))\s+(?:(?:March|February)\s+)?"
                             r"(?:20\d\d\s+)?" + _ADJ + r"$")
_SINCE_OCCUPYING_RE = Prefiltered(re.compile(r"\b(?:[Ss]ince|[Aa]fter)\s+occupying\s+(?:the\s+)?(?:Crimea|Crimean\s+[Pp]eninsula)\b"))
# "a year before Russia occupied the peninsula": the land by its common noun
_OCCUPIED_PENINSULA_RE = Prefiltered(re.compile(r"\b(Russia|the\s+Russian\s+Federation|Moscow)\s+(?:\w+ly\s+)?occupied\s+the\s+peninsula\b"))


def _bare_occupations(text: str, s0: int, found: Sequence[Seizure],
                      russia_before: Callable[[int, bool, bool], list[Mention]]) -> list[Seizure]:
    """The occupation of Crimea named without its land after the noun (see :data:`_BARE_OCC_RE`): the land is the
    article's Crimea; Russia its perpetrator only where the words name it ("Russia's", "Russian", "its")."""
    out: list[Seizure] = []
    if "occupation" not in text and "occupied the peninsula" not in text and "occupying" not in text:
        return out
    for m in _BARE_OCC_RE.finditer(text):
        a = s0 + m.start()
        if any(x.start <= a < x.end for x in found):
            continue
        owner = russia_before(a, False, True)  # ("its occupation": the annotators name no author)
        if not owner and _OCC_ARTICLE_RE.search(text, max(0, m.start() - 80), m.start()) is None:
            continue  # "his occupation", "crimes of occupation": not the occupation of Crimea named as such
        out.append(Seizure("Occupation", a, s0 + m.end(), [], [], owner, land="Crimea"))
    for m in _SINCE_OCCUPYING_RE.finditer(text):
        # "Since occupying Crimea in March 2014, Russian authorities have ...": the occupation, its author not said
        if any(x.start <= s0 + m.start() < x.end for x in found):
            continue
        out.append(Seizure("Occupation", s0 + m.start(), s0 + m.end(), [], [], [], land="Crimea"))
    for m in _OCCUPIED_PENINSULA_RE.finditer(text):
        word = _word(text, s0, m.start(1), m.end(1), "place:russia", "Russia")
        out.append(Seizure("Occupation", s0 + m.start(), s0 + m.end(), [], [], [word], land="Crimea"))
    return out


# "... of Crimea by Russia", "... of the Crimean peninsula by the Russian Federation", "... of Crimea and the city of
# Sevastopol by Russia": the author named right after the land (convention decision 1: "by Russia" names it).
_BY_AFTER_LAND_RE = re.compile(r"(?:\s+and\s+(?:the\s+)?(?:[Cc]ity\s+of\s+)?Sevastopol)?(?:\s*\([A-Z][a-z]+\))?\s+by\s+(?:the\s+)?"
                               r"(Russia(?:n\s+Federation)?|Moscow)\b(?!n)")


def _russia_after_land(text: str, s0: int, end: int) -> list[Mention]:
    m = _BY_AFTER_LAND_RE.match(text, end - s0)
    return [_word(text, s0, m.start(1), m.end(1), "place:russia", "Russia")] if m else []


_NOUN_BY_RE = Prefiltered(re.compile(r"\b(occupation|annexation)\s+by\s+(?:the\s+)?", re.IGNORECASE))
_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?(?:Ukraine(?:’s|'s)\s+)?")
# A second land of the act: "... of the Autonomous Republic of Crimea and the city of Sevastopol".
_AND_CITY_RE = re.compile(r"\s+and\s+(?:the\s+)?city\s+of\s+")


def _with_city(z: Seizure, text: str, s0: int, places: Sequence[Mention]) -> Seizure:
    """The act with the city named after its land ("and the city of Sevastopol") as a second place."""
    if len(z.places) != 1 or z.what != "Occupation":
        return z  # (the annotators keep an annexation to the land)
    m = _AND_CITY_RE.match(text, z.places[0].end - s0)
    city = next((p for p in places if m is not None and p.start == s0 + m.end() and p.ref != z.places[0].ref), None)
    if city is not None:
        z.places.append(city)
        z.end = max(z.end, city.end)
    return z


def _one_each(found: list[Seizure]) -> list[Seizure]:
    """One act per kind and land in a sentence ("invaded and occupied Crimea" read twice), the first
    with a perpetrator kept."""
    out: list[Seizure] = []
    def land(z: Seizure) -> tuple[str, ...]:
        return tuple(p.ref for p in z.places) or (("place:crimea",) if z.land == "Crimea" else (z.land,))

    for z in sorted(found, key=lambda z: (not (z.perpetrators or z.states), z.start)):
        if any(y.what == z.what and land(y)[:1] == land(z)[:1] for y in out):
            continue
        out.append(z)
    return sorted(out, key=lambda z: z.start)


def _forces(text: str, s0: int, a: int) -> list[Mention]:
    """The armed forces right before an occupying verb ("Russian military forces invaded and occupied")."""
    m = _FORCES_RE.search(text, max(0, a - 80), a)
    if m is None:
        return []
    return [_word(text, s0, m.start(1), m.end(1), RUSSIAN_FORCES, "Russian forces", "Organisation")]


# The sentence frames of land_takings (see the module docstring).
# (name, start, end, perpetrators, places)
LandAct = tuple[str, int, int, list[Mention], list[Mention]]

_FORCE_WORD_RE = re.compile(r"\b(?:forces|troops|army|military|soldiers)\b", re.IGNORECASE)
# After the subject: "entered Ukraine's Crimean Peninsula and occupied it", "invaded and occupied Crimea".
_ENTRY_VERBS = r"(?:entered|invaded|seized|captured|took\s+over)"
_ENTRY_AND_RE = re.compile(r"\s+(?:(?:illegally|forcibly|militarily)\s+)?" + _ENTRY_VERBS + r"\s+and\s+(?:\w+ly\s+)?occupied\s+"
                           r"(?:the\s+)?(?:Ukraine(?:’s|'s)\s+)?$")
_ENTRY_IT_RE = re.compile(r"\s+" + _ENTRY_VERBS + r"\s+(?:the\s+)?(?:Ukraine(?:’s|'s)\s+)?$")
_AND_OCCUPIED_IT_RE = re.compile(r"\s+and\s+occupied\s+it\b")
# "Since Russia annexed Crimea", "since Russia illegally annexed Crimea from Ukraine": the state is the verb's subject
# (both annotation teams record the annexation a state is said to have done, not the noun of a recognition formula).
_ANNEXED_RE = re.compile(r"\s+(?:(?:illegally|forcibly|formally|unlawfully)\s+)?annexed\s+(?:the\s+)?(?:Ukraine(?:’s|'s)\s+)?$")
_OCCUPIED_RE = re.compile(r"\s+(?:(?:illegally|forcibly|militarily)\s+)?(?:occupied|invaded)\s+(?:the\s+)?(?:Ukraine(?:’s|'s)\s+)?$")
# "launched a full-scale invasion of", "its full-scale invasion of" (the invasion a state launched).
_INVASION_RE = re.compile(r"\b(?:(?:launched|began|started|unleashed)\s+(?:a|an|its|the)|its)\s+(?:(?:full-scale|large-scale|"
                          r"unprovoked|illegal|military|brutal)\s+){0,3}invasion\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_LAUNCH_ANNEX_RE = re.compile(r"\b(?:began|launched|started|completed|carried\s+out)\s+(?:its|the|an?)\s+(?:(?:illegal|attempted|"
                              r"purported|unlawful|forcible|military|occupation\s+and)\s+){0,4}[“\"]?annexation[”\"]?\s+of\s+(?:the\s+)?$",
                              re.IGNORECASE)
# A sentence that opens on the annexation, dated after the land: "The illegal annexation of Crimea by Russia in 2014 has".
_OPEN_ANNEX_RE = re.compile(r"^(?:The\s+)?(?:(?:illegal|attempted|purported|unlawful|forcible)\s+)*annexation\s+of\s+(?:the\s+)?$")
_DATED_AFTER_RE = re.compile(r"(?:\s+by\s+(?:the\s+)?[A-Z][\w ]{1,30}?)?\s+in\s+(?:(?:early|late|[A-Z][a-z]+)\s+)?(?:19|20)\d\d\b")
_ANNOUNCED_PART_RE = Prefiltered(re.compile(r"\s+(?:announced|claimed|declared|proclaimed)\s+(?:that\s+)?(?:the\s+peninsula|[A-Z][\w ]{2,40}?)\s+"
                             r"(?:had\s+)?(?:become|became)\s+(?:a\s+)?part\s+of\s+(?:the\s+)?(?:Russian\s+Federation|Russia)\b"
                             r"(?P<ref>\s+(?:following|after)\s+(?:a|the)\s+(?:(?:sham|so-called|illegal|illegitimate|fake)\s+)*referendum\b)?"))
# Forces that seized a building of a town: "Russian troops in unmarked uniforms seized the Parliament building in
# Simferopol", "soldiers stormed the regional administration in X".
_SEIZED_BUILDING_RE = re.compile(r"\s+(?:seized|stormed|captured|took\s+over)\s+(?:the\s+)?(?P<what>(?:[\w’'-]+\s+){0,4}?"
                                 r"(?:building|parliament|airport|headquarters|administration|council|television\s+station|"
                                 r"TV\s+station|base))(?:\s+of\s+[^.;,]{1,40}?)?\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_STATE_KINDS = ("government",)


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def _name(m: Mention) -> str:
    return m.entry.name if m.entry is not None else m.text


def _state(m: Mention) -> bool:
    return _kind(m) in _STATE_KINDS or (m.label == "Location" and _kind(m) == "country")


def _is_force(m: Mention) -> bool:
    return _state(m) or bool(_FORCE_WORD_RE.search(m.text)) or bool(m.entry is not None and _FORCE_WORD_RE.search(m.entry.name))


# Forces the gazetteer may not list: "Russian military forces", "Russia's forces", "armed forces of the Russian Federation".
_FORCES_TEXT_RE = re.compile(r"(?:\b(?:the\s+)?(?:Russia(?:’s|'s)|Russian)\s+(?:(?:military|armed|occupation)\s+)?(?:forces|troops|army|soldiers)"
                             r"(?:\s+in\s+unmarked\s+uniforms)?|\barmed\s+forces\s+of\s+(?:the\s+)?(?:Russian\s+Federation|Russia))\s*$")


def _actor_before(text: str, s0: int, i: int, orgs: Sequence[Mention], places: Sequence[Mention],
                  forces: bool) -> tuple[bool, list[Mention]]:
    """Whether a state (or, with ``forces``, an armed force) ends right before offset ``i`` of ``text``,
    and the organisation to record as the perpetrator (none for a country the text names as a place)."""
    gap = r"\s+(?:has\s+|had\s+|have\s+)?"
    for o in orgs:
        if o.end - s0 <= i and (_is_force(o) if forces else _state(o)) and re.fullmatch(gap, text[o.end - s0:i] or " "):
            return True, [o]
    if forces:
        fm = _FORCES_TEXT_RE.search(text, max(0, i - 80), i)
        if fm is not None:
            # the forces themselves, never the state whose name is in them ("Russia's forces" are not Russia)
            return True, [o for o in orgs if s0 + fm.start() <= o.start and o.end <= s0 + fm.end() and not _state(o)][:1]
    for p in places:  # a country the text names as a place, acting: its government (see claim_parts.act_event)
        if p.end - s0 <= i and _state(p) and re.fullmatch(gap, text[p.end - s0:i] or " "):
            return True, [p]
    return False, []


def land_takings(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[LandAct]:
    """Military entries, invasions and dated annexations of a land in one sentence (``text``, starting at ``s0``)."""
    out: list[LandAct] = []
    low = text.lower()
    seized = any(w in low for w in ("seized", "stormed", "captured", "took over"))
    if not seized and not any(w in low for w in ("occupied", "invasion", "annexation", "annexed", "part of")):
        return out
    occupied = "occupied" in low
    for p in places:
        if re.match(r"(?:’s|'s)\s", text[p.end - s0:]):
            continue  # "Ukraine's Crimean Peninsula": the land is the one after the possessive
        pa = p.start - s0
        w0 = max(0, pa - 160)  # the frames end at the land: a window before it will do (and keeps this linear)
        # "X entered and occupied P", "X invaded and occupied P", "X occupied P" (X forces or a state)
        m = (_ENTRY_AND_RE.search(text, w0, pa) or _OCCUPIED_RE.search(text, w0, pa)) if occupied else None
        tail = _AND_OCCUPIED_IT_RE.match(text, p.end - s0) if occupied else None
        it = _ENTRY_IT_RE.search(text, w0, pa) if m is None and tail is not None else None
        m = m or it
        if m is not None:
            ok, perps = _actor_before(text, s0, m.start(), orgs, places, True)
            if ok:
                end = s0 + tail.end() if tail is not None and m is it else p.end
                # forces that entered, or a state that "seized and occupied": the military entry; "after Russia
                # occupied Crimea": the occupation itself
                entry = m.re is not _OCCUPIED_RE or not perps or not _state(perps[0])
                out.append((f"{MILITARY_ENTRY if entry else 'Occupation'} of {_name(p)}", s0 + m.start(), end, perps, [p]))
                continue
        sz = _SEIZED_BUILDING_RE.search(text, w0, pa) if seized else None
        if sz is not None:
            ok, perps = _actor_before(text, s0, sz.start(), orgs, places, True)
            if ok and _FORCE_WORD_RE.search(text[max(0, sz.start() - 60):sz.start()]):
                out.append((f"Seizure of the {sz.group('what')} in {_name(p)}", s0 + sz.start(), p.end, perps, [p]))
                continue
        inv = _INVASION_RE.search(text, w0, pa) if "invasion" in low else None
        if inv is not None:
            its = inv.group().lower().startswith("its")
            ok, perps = _actor_before(text, s0, inv.start(), orgs, places, False)
            if ok or (its and any(_state(x) and x.end - s0 <= inv.start() for x in [*orgs, *places])):
                if its and not ok:
                    perps = sorted((x for x in [*orgs, *places] if _state(x) and x.end - s0 <= inv.start()), key=lambda x: x.end)[-1:]
                out.append((f"Invasion of {_name(p)}", s0 + inv.start(), p.end, perps, [p]))
                continue
        annexed = None  # "launched its annexation of X", "annexed X": the actor named before the words
        for rx, word in ((_LAUNCH_ANNEX_RE, "annexation"), (_ANNEXED_RE, "annexed")):
            ax = rx.search(text, w0, pa) if word in low else None
            if ax is not None:
                ok, perps = _actor_before(text, s0, ax.start(), orgs, places, False)
                if ok:
                    annexed = (f"Annexation of {_name(p)}", s0 + ax.start(), p.end, perps, [p])
                    break
        if annexed is not None:
            out.append(annexed)
            continue
        op = _OPEN_ANNEX_RE.match(text, 0, pa) if "annexation" in low else None
        dated = _DATED_AFTER_RE.match(text, p.end - s0)
        if op is not None and dated is not None:
            by = [o for o in [*orgs, *places] if p.end <= o.start and o.end <= s0 + dated.end() and _state(o)]
            out.append((f"Annexation of {_name(p)}", s0, s0 + dated.end(), by[:1], [p]))
    for bm in _ANNOUNCED_PART_RE.finditer(text):
        ok, perps = _actor_before(text, s0, bm.start(), orgs, places, False)
        if not ok:
            continue
        became = s0 + bm.start() + re.search(r"\s(?:had\s+)?bec[oa]me\s", bm.group()).start()  # type: ignore[union-attr]
        land = [p for p in places if s0 + bm.start() < p.start < became][:1]
        name = f"Annexation of {_name(land[0])}" if land else "Annexation of the peninsula"
        out.append((name, s0 + bm.start(), s0 + bm.end("ref") if bm.group("ref") else s0 + bm.end(), perps, land))
        if bm.group("ref") and land:  # "... had become part of Russia following a sham referendum": one there
            out.append(("Referendum in", s0 + bm.start("ref"), s0 + bm.end("ref"), [], land))
    return out


def annexation_announcements(sentences: Sequence[Sentence], ex: Extraction) -> None:
    """Drop the statement the speech rules make of a state's announcement of an annexation ("In March 2014, Russia
    announced Crimea had become part of the Russian Federation"): the sentence tells the annexation (an ``other``
    event of :func:`seizures`), and no annotator of the five development splits records a statement for it.
    Then give Russia's annexation of Crimea its one key (:func:`canonical_annexation`)."""
    canonical_annexation(ex)
    canonical_occupation(ex)
    canonical_deportation(ex)
    canonical_war(sentences, ex)
    said = [s for s in sentences if "part of" in s.text and _BECAME_PART_RE.search(s.text)]
    if not said:
        return
    drop = {id(c) for c in ex.claims if c.predicate == "STATES" and c.object in ex.entities
            and ex.entities[c.object].attributes.get("kind") == "statement"
            and ex.entities.get(c.subject) is not None and ex.entities[c.subject].attributes.get("kind") == "government"
            and any(s.start <= c.span[0] and c.span[1] <= s.end for s in said)}
    if not drop:
        return
    gone = {c.object for c in ex.claims if id(c) in drop}
    ex.claims[:] = [c for c in ex.claims if id(c) not in drop]
    for ev in gone - {c.object for c in ex.claims} - {c.subject for c in ex.claims}:
        ex.entities.pop(ev, None)
        ex.triggers.pop(ev, None)


# Russia's annexation of Crimea is one event of history, whatever the article calls it ("the illegal annexation of
# Crimea", "Russia's annexation of the peninsula"): the corpus keys it once, with its year, in every article.
ANNEXATION_OF_CRIMEA = "event:russian-annexation-of-crimea-2014"
_CRIMEA_ANNEXATION_KEYS = ("event:annexation-of-crimea", "event:annexation-of-the-peninsula",
                           "event:annexation-of-the-crimean-peninsula", "event:annexation-of-crimean-peninsula")


def canonical_annexation(ex: Extraction) -> None:
    """Re-key the drafted annexation of Crimea (or of "the peninsula", which :func:`seizures` reads as Crimea) to
    :data:`ANNEXATION_OF_CRIMEA` when no state but Russia is its perpetrator, so that each article's draft names the
    event by the key the gold files share (the event aligns even where the article ties no actor to it)."""
    old = next((k for k in _CRIMEA_ANNEXATION_KEYS if k in ex.entities), None)
    if old is None or ANNEXATION_OF_CRIMEA in ex.entities:
        return
    perps = {c.subject for c in ex.claims if c.object == old and c.predicate == "PARTICIPANT_IN"}
    if perps - {RUSSIA_GOV, RUSSIAN_FORCES}:
        return  # another state's act (or a participant the rules could not tell): leave it as drafted
    ex.rekey(old, ANNEXATION_OF_CRIMEA)


# Convention decision 1 (round 10): the occupation of Crimea is a state begun in February 2014 and still going on, one
# event of history keyed once; the dated military entry of February 2014 is the invasion, kept apart.
OCCUPATION_OF_CRIMEA = "event:russian-occupation-of-crimea"
INVASION_OF_CRIMEA = "event:russian-invasion-of-crimea-2014-02"
_CRIMEA_OCCUPATION_KEYS = ((f"event:{MILITARY_ENTRY.lower().replace(' ', '-')}-of-crimea", INVASION_OF_CRIMEA),
                           ("event:occupation-of-crimea", OCCUPATION_OF_CRIMEA))


def canonical_occupation(ex: Extraction) -> None:
    """Re-key the drafted occupation of Crimea to :data:`OCCUPATION_OF_CRIMEA` and the drafted military entry to
    :data:`INVASION_OF_CRIMEA`, when no state but Russia (or its forces) took part."""
    for old, new in _CRIMEA_OCCUPATION_KEYS:
        if old not in ex.entities or new in ex.entities:
            continue
        perps = {c.subject for c in ex.claims if c.object == old and c.predicate == "PARTICIPANT_IN"}
        if perps - {RUSSIA_GOV, RUSSIAN_FORCES}:
            continue
        ex.rekey(old, new)


# Round 13 (README conv13d, point 13): Russia's wars against Ukraine are three events of history, each keyed once for
# the corpus, told apart by the words that name them: the aggression against Ukraine from 2014 as a whole ("Russian
# aggression against Ukraine", "Russia invaded Ukraine in 2014"), the full-scale invasion of February 2022
# ("full-scale invasion / war", "large-scale aggression", "the war against Ukraine" in a text from 2022 on), and
# (point 15: the corpus's key) the war in the east from 2014 ("the Russia-instigated conflict in eastern Ukraine",
# "the war in Ukraine" in a text before 2022). The invasion of Crimea is :data:`INVASION_OF_CRIMEA` (above).
AGGRESSION_2014 = "event:russian-aggression-against-ukraine-2014"
FULL_SCALE_INVASION = "event:russian-full-scale-invasion-2022-02"
CONFLICT_IN_EAST = "event:conflict-in-eastern-ukraine"
# The keys the war rules draft (loaders.extract.wars: "Russia's war against Ukraine"; land_takings: "Invasion of Ukraine").
_WAR_KEYS = ("event:russia-s-war-against-ukraine", "event:invasion-of-ukraine")
_FULL_SCALE_RE = re.compile(r"\b(?:full|large)[- ]scale\b|\b2022\b", re.IGNORECASE)
# A year the text dates something by ("September 8, 2019", "24 February 2022", "in 2023"; not "Resolution 2034").
_YEAR_RE = re.compile(r"(?:\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                      r"\s+(?:\d{1,2},?\s+)?|\b(?:in|since|of|from|until|by|early|late|mid-)\s+)(20[12]\d)\b")
_EAST_RE = re.compile(r"\b(?:eastern|east|Donbas+|Donetsk|Luhansk)\b", re.IGNORECASE)


def _war_key(words: str, late: bool) -> str:
    """The corpus key of the war ``words`` name (the trigger and the few words before it); ``late``: a text from 2022 on."""
    if _FULL_SCALE_RE.search(words):
        return FULL_SCALE_INVASION
    if "2014" in words:
        return AGGRESSION_2014
    low = words.lower()
    if late and "war of aggression" in low:
        return FULL_SCALE_INVASION  # "its continued war of aggression against Ukraine" in a text from 2022 on (conv13d 13)
    if "aggression" in low and not _EAST_RE.search(words):
        return AGGRESSION_2014  # "Russian aggression against Ukraine": the war from 2014 as a whole
    if late:
        return FULL_SCALE_INVASION  # "the war against Ukraine", "its invasion of Ukraine" in a text from 2022 on
    if "invasion" in low or "invaded" in low:
        return AGGRESSION_2014  # "Russia's invasion of Ukraine", "Russia invaded Ukraine" before 2022: the aggression begun in 2014
    return CONFLICT_IN_EAST  # "the conflict in eastern Ukraine", "the war in Ukraine" before 2022


def canonical_war(sentences: Sequence[Sentence], ex: Extraction) -> None:
    """Re-key the drafted war against Ukraine (:mod:`loaders.extract.wars`, an invasion of Ukraine of
    :func:`land_takings`) to the corpus's key of the war its words name (:func:`_war_key`), when no state but Russia
    (or its forces) took part; frames naming different wars become one event each, with their sentences' claims. A text is "from 2022 on" when it dates something by a year from 2022 (its dateline, "in 2023")."""
    olds = [k for k in _WAR_KEYS if k in ex.entities]
    if not olds:
        return
    years = [int(y) for s in sentences for y in _YEAR_RE.findall(s.text)]
    late = max(years, default=0) >= 2022
    for old in olds:
        perps = {c.subject for c in ex.claims if c.object == old and c.predicate == "PARTICIPANT_IN"}
        if perps - {RUSSIA_GOV, RUSSIAN_FORCES} or not ex.triggers.get(old):
            continue
        # each frame's own words say which war it names (conv13d point 13: "Russia's aggression against Ukraine began
        # in 2014" and "its full-scale war" in one text are two events): the frames grouped by their key, in order
        groups: dict[str, list[tuple[Sentence, tuple[int, int]]]] = {}
        for a, b in ex.triggers[old]:
            sent = next((s for s in sentences if s.start <= a < s.start + len(s.text)), None)
            if sent is not None:
                groups.setdefault(_war_key(sent.text[max(0, a - sent.start - 40):b - sent.start + 12], late), []).append((sent, (a, b)))
        keys = [k for k in groups if k not in ex.entities]
        if not keys:
            continue
        first, ent = keys[0], ex.entities[old]
        for new in keys[1:]:
            # a later frame naming another war: its own event, with the claims of its sentences
            ex.entity(new, ent.label, ent.name, **ent.attributes)
            spans = [(x.start, x.start + len(x.text)) for x, _ in groups[new]]
            for c in ex.claims:
                if old in (c.subject, c.object) and any(lo <= c.span[0] < hi for lo, hi in spans):
                    c.subject, c.object = (new if c.subject == old else c.subject), (new if c.object == old else c.object)
            ex.triggers[new] = [t for _, t in groups[new]]
            ex.triggers[old] = [t for t in ex.triggers[old] if t not in ex.triggers[new]]
        ex.rekey(old, first)
