"""Mentions in clean text: organisations and places (gazetteers), people (name patterns),
dates, sentences; and the people's coreference within an article.

People are found as runs of capitalised words: a run is a person when its first word is
a known given name, its last word has a surname ending, or a cue word stands next to it
("lawyer", "activist", "said"). Coreference then groups the runs:

- full names whose surnames fold to the same spelling (see ``fold``) and whose given names
  agree are one person (Nariman Dzhelyal, Nariman Djelal, Нариман Джелял);
- a surname alone ("Chalgozov") joins the one person with that surname;
- a shared given name is never evidence ("Nariman" alone is left unresolved);
- a close but uncertain spelling (Akhtemov / Akhmetov) stays a person of its own and is
  recorded as a *doubtful match* for the reviewer.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler

from loaders.extract.gazetteer import Gazetteer, GazetteerEntry, fold, load_gazetteer, slug
from loaders.extract.given_names import not_surnames
from loaders.extract.name_guards import (
    document_spans,
    headline_verb,
    member_noun,
    surname_after_name,
)
from loaders.extract.org_phrases import nationality_collectives, possessive_orgs, state_bodies, unit_orgs
from loaders.extract.orgs import (
    ORG,
    PLACE,
    country_reading,
    find_affiliations,
    find_facilities,
    find_kind_then_name,
    find_org_patterns,
    government_key,
    title_case_line,
)

__all__ = ["Mention", "Person", "Doubt", "Sentence", "find_entries", "find_people", "split_sentences",
           "find_dates", "same_name_score", "SAME", "DOUBTFUL"]

SAME = 88.0       # fuzz.ratio of folded surnames at or above which two spellings are one name
DOUBTFUL = 0.93   # Jaro-Winkler at or above which a different spelling is worth asking about

_WORD = r"[^\W\d_][\w’'\-]*"
_CAP = r"(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w\-]*)"
# A run of capitalised words stays on one line (a byline's name is not glued to the title on the
# next line); a middle initial ("Mark C. Toner") keeps it going.
_RUN_RE = re.compile(rf"(?<![\w\-]){_CAP}(?:(?:’s|'s)?[^\S\n](?:[A-Z]\.[^\S\n])?(?:{_CAP}))*(?:’s|'s)?")
_INITIAL_RE = re.compile(r"[A-Z]\.")
# A run of capitalised words (Latin or Cyrillic, with hyphens and apostrophes: Rostov-on-Don, Kerch')
_PLACE_RUN_RE = re.compile(r"(?<![\w\-])[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'\-]*(?: [A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'\-]*)*")
# "X (and Y Z) was detained": what is done to people says the name is a person's.
_DONE_TO = re.compile(r"(?:\s+and\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?,?\s+(?:was|were|has been|have been|had been|is|are)\s+"
                      r"(?:\w+ly\s+)?(?:arrested|detained|sentenced|accused|charged|convicted|released|searched|tortured|"
                      r"beaten|transferred|abducted|killed|fined|jailed|imprisoned|questioned|interrogated|summoned)\b")
# A place the article introduces as one: "the village of Dubki", "the town of Stary Krym".
_PLACE_INTRO_RE = re.compile(r"\b(?:the\s+)?(?P<what>village|town|city|settlement|hamlet|township)\s+of\s+"
                             r"(?P<name>[A-ZА-Я][\w’'\-]+(?:\s[A-ZА-Я][\w’'\-]+)?)", re.IGNORECASE)
_ABBREV = {"mr", "mrs", "ms", "dr", "no", "st", "art", "vs", "jr", "sr", "prof"}


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A stretch of text that names an entity (``ref`` is filled by coreference)."""

    start: int
    end: int
    text: str
    label: str
    ref: str = ""                       # entity slug key, e.g. "person:nariman-dzhelyal"
    entry: GazetteerEntry | None = None
    surname_only: bool = False
    role: str = ""                      # a title written before the name ("Attorney", "President")


@dataclass
class Person:
    """One person of the article: canonical full name, variants, and their mentions."""

    key: str
    name: str
    given: str
    surname: str
    variants: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    position: str = ""                  # the title the article gives them (kept out of name and key)


@dataclass
class Doubt:
    """A doubtful match: ``entity`` may be the same as ``same_as``; the reviewer decides."""

    entity: str
    mention: str
    start: int
    end: int
    same_as: str
    same_as_name: str
    score: float
    reason: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; paragraphs (lines) never share a sentence."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, body = para.start(), para.group()
        start = 0
        for m in re.finditer(r"[.!?][”\"’)]?(?=\s+[“\"(]?[A-ZА-Я0-9])", body):
            # The word before the stop (a bounded look-back: linear in the paragraph's length).
            before = re.search(r"(\w+)\.$", body[max(0, m.start() - 40):m.start() + 1])
            if before and (before.group(1).lower() in _ABBREV or len(before.group(1)) == 1):
                continue
            end = m.end()
            out.append(_sentence(text, p_start + start, p_start + end))
            start = end
        if body[start:].strip():
            out.append(_sentence(text, p_start + start, p_start + len(body)))
    return out


def _sentence(text: str, a: int, b: int) -> Sentence:
    while a < b and text[a].isspace():
        a += 1
    return Sentence(a, b, text[a:b])


def find_entries(text: str, gaz: Gazetteer | None = None) -> list[Mention]:
    """Organisations and places: the curated gazetteers (longest match wins), organisations by
    head noun and acronym, GeoNames places among the remaining capitalised runs, places
    introduced as such ("the village of X"); a country that acts is its government."""
    gaz = gaz or load_gazetteer()
    out = []
    for m in gaz.entry_pattern.finditer(text):
        entry = gaz.lookup(m.group())
        if entry is None:
            continue
        out.append(_mention(m.start(), m.end(), text, entry))
    out = _collectives(out, text, gaz)
    out = _men_phrases(out, text)
    taken = bytearray(len(text) + 1)

    def take(a: int, b: int, what: int = ORG) -> None:
        taken[a:b] = bytes([what]) * (b - a)

    for found in out:
        take(found.start, found.end, ORG if found.label == "Organisation" else PLACE)
    # "the NGO Crimea SOS": a body introduced by its kind, before the patterns split its name.
    for a, b, entry in find_kind_then_name(text, taken, gaz):
        out.append(_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in find_org_patterns(text, taken, gaz):
        out.append(_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in state_bodies(text, taken, gaz):
        out = [m for m in out if not (a <= m.start and m.end <= b)]  # "Ukraine" in "Ukraine's ombudswoman"
        out.append(_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in nationality_collectives(text, taken, gaz):
        out.append(_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in find_facilities(text, taken, gaz.places, gaz.not_names):
        out = [m for m in out if not (a <= m.start and m.end <= b)]  # "Vladimir" inside "Vladimir Central Prison"
        out.append(_mention(a, b, text, entry))
        take(a, b, PLACE)
    surnames: set[str] = set()
    geo_start = len(out)
    for run in _PLACE_RUN_RE.finditer(text):
        if any(taken[run.start():run.end()]):
            continue
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            if i + 1 < len(words) and _given_before_surname(run.group(), words[i], words[i + 1], gaz):
                i += 2  # "Artyom Gerasimov": a person, though Artyom is a town ("in Artyom" stays one)
                continue
            for j in range(min(len(words), i + gaz.place_words), i, -1):
                a, b = run.start() + words[i][0], run.start() + words[j - 1][1]
                if text.endswith(("’s", "'s"), a, b):
                    b -= 2  # Crimea's
                entry = gaz.places.get(text[a:b])
                if entry is not None and i > 0 and surname_after_name(text[run.start() + words[i - 1][0]:a].strip(),
                                                                       text[a:b], entry, gaz):
                    surnames.add(text[a:b])
                    break  # "Josef Stalin", "Mikhail Kalinin": a person's surname that GeoNames knows as a town
                if entry is not None:
                    out.append(_mention(a, b, text, entry))
                    take(a, b)
                    i = j - 1
                    break
            i += 1
    if surnames:  # "Shevchenko said" after "Oleksandr Shevchenko": the same surname, not the town
        out = out[:geo_start] + [m for m in out[geo_start:] if not (m.text in surnames and gaz.lookup(m.text) is None)]
    for m in _PLACE_INTRO_RE.finditer(text):
        a, b = m.start("name"), m.end("name")
        if not any(taken[a:b]) and m.group("name") not in gaz.not_names:
            kind = "village" if m.group("what").lower() in ("village", "settlement", "hamlet") else "city"
            entry = GazetteerEntry(slug(m.group("name")), "Location", m.group("name"), (), {"kind": kind})
            out.append(_mention(a, b, text, entry))
            take(a, b)
    # A region of the world is known (never a person) but no entity.
    out = [m for m in out if not (m.label == "Location" and m.entry is not None and m.entry.attributes.get("kind") == "world")]
    out = _outside_documents(out, text, gaz)
    out = _territories(_compass_regions(out, text), text, gaz)
    out = _titles_as_bodies(out, text, gaz)
    attributive = set(gaz.cues["place_attributive"])
    out = [m for m in out if not (m.label == "Location" and (m.entry is None or m.entry.attributes.get("kind") != "country")
                                  and (nxt := re.match(r" ([a-z]+)\b", text[m.end:m.end + 20]))
                                  and nxt.group(1) in attributive)]  # "the Minsk agreements"
    for a, b, entry in find_affiliations(text, taken, gaz):
        out.append(_mention(a, b, text, entry))
        take(a, b)
    # A name inside a longer organisation's name is part of that name ("OSCE" in "U.S. Mission
    # to the OSCE", "UK" in "UK Delegation"): the longer name is the entity.
    inside = _inside_spans(sorted({(m.start, m.end) for m in out if m.label == "Organisation"}))
    kept = sorted((m for m in out if not inside(m.start, m.end)), key=lambda m: m.start)
    kept = _replace(kept, possessive_orgs(kept, text, gaz), text)
    kept = _replace(kept, unit_orgs(kept, text, gaz), text)
    return _seats_as_states(_countries_as_actors(_acronyms_in_parentheses(kept, text, gaz), text), text, gaz)


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx"})


def _outside_documents(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """A place in a document's title names the document (see :func:`name_guards.document_spans`)."""
    spans = document_spans(text, gaz)
    if not spans:
        return mentions
    return [m for m in mentions if not (m.label == "Location" and any(a <= m.start and m.end <= b for a, b in spans))]


def _replace(mentions: list[Mention], found: list[tuple[int, int, GazetteerEntry]], text: str) -> list[Mention]:
    """The mentions with each found phrase in place of the mentions it covers (sorted by start)."""
    if not found:
        return mentions
    spans = [(a, b) for a, b, _e in found]
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]
    return sorted([*kept, *(_mention(a, b, text, e) for a, b, e in found)], key=lambda m: m.start)


def _acronyms_in_parentheses(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """"Russia's Federal Investigative Service (FSB)": a name and the acronym in parentheses right
    after it are one organisation: the curated acronym's entry, else the long name's, with the
    other as its alias."""
    curated = {id(e) for e in gaz.entries}
    out = list(mentions)
    for i in range(1, len(out)):
        short, long_ = out[i], out[i - 1]
        if short.label != "Organisation" or long_.label != "Organisation" or short.entry is None \
                or long_.entry is None or text[long_.end:short.start] != " (" or text[short.end:short.end + 1] != ")" \
                or not short.text.isupper() or short.ref == long_.ref:
            continue
        if id(short.entry) in curated and id(long_.entry) not in curated:
            out[i - 1] = Mention(long_.start, long_.end, long_.text, "Organisation", short.ref, short.entry)
        elif id(short.entry) not in curated:
            out[i] = Mention(short.start, short.end, short.text, "Organisation", long_.ref, long_.entry)
    return out


# Capitalised, the compass point is part of a proper name ("Eastern Siberia", "Northern Ireland");
# in lower case it only says where in the place ("southern Crimea" is Crimea).
_COMPASS_RE = re.compile(r"\b(?:Eastern|Western|Northern|Southern|Central|North-?Eastern|South-?Eastern|North-?Western|"
                         r"South-?Western) $")


_COMPASS_LOWER_RE = re.compile(r"\b(?:eastern|western|northern|southern|north-?eastern|south-?eastern|north-?western|"
                               r"south-?western) $")


def _compass_regions(mentions: list[Mention], text: str) -> list[Mention]:
    """"Eastern Siberia": a part of a country or region named by its compass point is a region of
    its own, not the whole."""
    out = []
    for m in mentions:
        e = m.entry
        before = _COMPASS_RE.search(text, max(0, m.start - 16), m.start)
        if before is None and e is not None and e.attributes.get("kind") == "country":
            # "eastern Ukraine": a country's part named in lower case is a region too (the war's east).
            before = _COMPASS_LOWER_RE.search(text, max(0, m.start - 16), m.start)
        if e is None or e.label != "Location" or e.attributes.get("kind") not in ("country", "region") or before is None:
            out.append(m)
            continue
        a = before.start()
        name = text[a:m.end]
        region = GazetteerEntry(slug(name), "Location", name, (), {"kind": "region"}, part_of=e.key)
        out.append(Mention(a, m.end, name, "Location", f"place:{region.key}", region))
    return out


# A territorial word after a city's name makes the area around it a place of its own ("Kherson
# region", "the Simferopol district"): never the city's key. Region, oblast, krai and province
# are one kind (one key), district and raion another.
_TERRITORY_RE = re.compile(r" (?P<word>(?i:region|oblast|krai|kray|province|district|raion|rayon))(?P<s>s?)\b")
_DISTRICT_WORDS = frozenset({"district", "raion", "rayon"})


def _territories(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """"Kherson region": the region of a city is a region of its own, not the city ("the Kherson
    and Zaporizhzhia regions": both)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        e = m.entry
        after = _TERRITORY_RE.match(text, m.end)
        if e is None or e.label != "Location" or e.attributes.get("kind") in ("country", "region", "facility") \
                or after is None:
            out.append(m)
            continue
        word = after.group("word").lower()
        suffix = "raion" if word in _DISTRICT_WORDS else "region"
        out.append(_territory(m, text[m.start:after.start("s")], after.end(), suffix, gaz))
        if after.group("s"):  # a plural: the places listed before it name areas too
            k = len(out) - 2
            while k >= 0 and re.fullmatch(r",? (?:and )?|, ", text[out[k].end:out[k + 1].start]) \
                    and _town(out[k].entry):
                out[k] = _territory(out[k], f"{out[k].text} {word}", out[k].end, suffix, gaz)
                k -= 1
    return out


def _town(e: GazetteerEntry | None) -> bool:
    """A gazetteer place smaller than a region (a town, a village): one that can have a region."""
    return e is not None and e.label == "Location" and e.attributes.get("kind") not in ("country", "region", "facility")


def _territory(m: Mention, name: str, end: int, suffix: str, gaz: Gazetteer) -> Mention:
    e = m.entry
    assert e is not None
    known = gaz.places.get(name)
    if known is not None and known.attributes.get("kind") == "region":
        return Mention(m.start, end, name, "Location", f"place:{known.key}", known)  # "Kherson region": Kherson Oblast
    area = GazetteerEntry(f"{e.key}-{suffix}", "Location", name, (), {"kind": "region"}, part_of=e.part_of)
    return Mention(m.start, end, name, "Location", f"place:{area.key}", area)


_CLAIMING_RE = re.compile(r"\b(?:claim(?:ing|ed|s)?|pretend(?:ing|ed|s)?|purport(?:ing|ed|s)?)\s+to\s+be\s+(?:the\s+)?$"
                          r"|\b(?:pos(?:ing|ed|es)|disguised)\s+as\s+(?:the\s+)?$")


def _collectives(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """A collective named by one lower-case noun ("police") is no actor where it only qualifies
    another noun ("police raids", "a police station"); a qualifier before it names a narrower
    collective of its own ("traffic police", "riot police")."""
    attributive = set(gaz.cues["attributive_heads"])
    qualifiers = set(gaz.cues["collective_qualifiers"])
    out = []
    for m in mentions:
        e = m.entry
        if e is None or not e.generic or not m.text.islower() or " " in m.text:
            out.append(m)
            continue
        nxt = re.match(r" ([a-z]+)\b", text[m.end:m.end + 20])
        if nxt and nxt.group(1) in attributive or _CLAIMING_RE.search(text, max(0, m.start - 40), m.start):
            continue  # "men claiming to be policemen" are not the police
        prev = re.search(r"\b([a-z]+) $", text[max(0, m.start - 20):m.start])
        if prev and prev.group(1) in qualifiers:
            a = m.start - len(prev.group())
            name = text[a:m.end]
            key = slug(name) + "-generic"
            out.append(Mention(a, m.end, name, "Organisation", f"org:{key}",
                               GazetteerEntry(key, "Organisation", name, (), dict(e.attributes), generic=True)))
            continue
        out.append(m)
    return out


_MEN_BEFORE = re.compile(r"(?:\b(?:a|A) (?:group|number) of |\b(?:several|dozens of|two|three|four|five|six) )?"
                         r"(?:\b(?i:armed|unidentified|unknown|masked|uniformed),? (?:and )?)*$")
_MEN_AFTER = re.compile(r"(?: in (?:(?:civilian|plain|military|camouflage|black|police|unmarked) )?(?:clothes|clothing|uniforms?|"
                        r"masks|balaclavas))?(?: (?:claiming|pretending) to be [a-z]+)?")


def _men_phrases(mentions: list[Mention], text: str) -> list[Mention]:
    """"a group of masked men in civilian clothes claiming to be policemen": the collective is named
    by the whole phrase (its words before and after the noun), as annotators name it; the key stays."""
    out: list[Mention] = []
    for m in mentions:
        e = m.entry
        if e is None or not e.generic or not m.text.endswith("men"):
            out.append(m)
            continue
        before = _MEN_BEFORE.search(text, max(0, m.start - 60), m.start)
        after = _MEN_AFTER.match(text, m.end)
        a = before.start() if before else m.start
        b = after.end() if after else m.end
        claim = re.search(r"(?:claiming|pretending) to be ([a-z]+)$", text[m.end:b])
        if claim:  # men claiming to be police are a collective of their own, not the masked men elsewhere
            key = f"{e.key.removesuffix('-generic')}-claiming-{slug(claim.group(1))}-generic"
            e = GazetteerEntry(key, "Organisation", text[a:b], (), dict(e.attributes), generic=True)
            out.append(Mention(a, b, text[a:b], m.label, f"org:{key}", e))
            continue
        out.append(Mention(a, b, text[a:b], m.label, m.ref, e) if (a, b) != (m.start, m.end) else m)
    spans = [(x.start, x.end) for x in out if x.entry is not None and x.entry.generic and x.text.endswith(("men", "clothes",
                                                                                                          "clothing"))]
    return [x for x in out if not any(a <= x.start and x.end <= b and (a, b) != (x.start, x.end) for a, b in spans)]


def _titles_as_bodies(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """A bare title found as an organisation ("the High Commissioner") is the body named earlier
    with that title ("OSCE High Commissioner on National Minorities"), or nothing; before a name
    ("High Commissioner Thors") it is that person's position, so no organisation at all."""
    out: list[Mention] = []
    for m in mentions:
        if m.label != "Organisation" or m.entry is None or m.entry.generic or m.text not in gaz.titles:
            out.append(m)
            continue
        if re.match(r"[^\S\n]+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-ÿ]", text[m.end:m.end + 3]):
            continue  # "High Commissioner Thors": the person's title
        bodies = [e for e in out if e.label == "Organisation" and e.entry is not None and e.start < m.start
                  and e.text != m.text and re.search(rf"\b{re.escape(m.text)}\b", e.entry.name)]
        if bodies:
            nearest = max(bodies, key=lambda e: e.start)
            out.append(_mention(m.start, m.end, text, nearest.entry))  # type: ignore[arg-type]
    return out


def _inside_spans(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether [s, e) lies inside one of the sorted ``spans`` other than itself: by bisection over
    the prefix maxima of the ends (linear in the mentions, not mentions times organisations)."""
    starts = [a for a, _b in spans]
    best: list[tuple[int, tuple[int, int] | None, int]] = []  # (largest end, its span, largest end of another span)
    e1, s1, e2 = -1, None, -1
    for a, b in spans:
        if b > e1:
            e1, s1, e2 = b, (a, b), max(e2, e1)
        elif b > e2:
            e2 = b
        best.append((e1, s1, e2))

    def inside(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, s) - 1
        if i < 0:
            return False
        top, span, other = best[i]
        return (top >= e and span != (s, e)) or other >= e
    return inside


def _mention(a: int, b: int, text: str, entry: GazetteerEntry) -> Mention:
    prefix = "org" if entry.label == "Organisation" else "place"
    return Mention(a, b, text[a:b], entry.label, f"{prefix}:{entry.key}", entry)


# Governments by the country's key (the keys the corpus uses), else "<country>-government".
def _countries_as_actors(mentions: list[Mention], text: str) -> list[Mention]:
    """A country that acts is its government (an Organisation); one named as a land is a place.

    A mention that does not settle it ("annexed by Russia", "Russia's annexation") follows the
    article's clear mentions of that country: the state where the article has it act, else the
    place. With no clear mention it gives no entity: a passing reference that careful annotators
    leave out (on the development set), where either reading would be a guess.
    """
    readings = {}
    clear: dict[str, set[bool]] = {}
    for i, m in enumerate(mentions):
        entry = m.entry
        if entry is None or entry.label != "Location" or entry.attributes.get("kind") != "country":
            continue
        acts, sure = country_reading(text, m.start, m.end)
        readings[i] = (acts, sure)
        if sure:
            clear.setdefault(entry.key, set()).add(acts)
    out = list(mentions)
    drop = set()
    for i, (acts, sure) in readings.items():
        m = out[i]
        assert m.entry is not None
        if not sure:
            if m.entry.key not in clear:
                drop.add(i)
                continue
            acts = True in clear[m.entry.key]
        if acts:
            out[i] = _as_government(m)
    return [m for i, m in enumerate(out) if i not in drop]


_DESCRIBED = re.compile(r"\s+(?:is|was|remains)\s+(?:a|an|the|home|located|situated|still)\b")


def _seats_as_states(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """A capital or seat of power that acts is its state ("until Moscow returns control", "the
    Kremlin's claims"): the country's government, as a country that acts is. Named as a city
    ("in Moscow", "Moscow is a city") it stays the place."""
    out = []
    for m in mentions:
        name = m.entry.name if m.entry is not None else ""
        seat = gaz.seats.get(name)
        if seat is not None:
            country, always = seat
            acts, sure = country_reading(text, m.start, m.end)
            if always or acts and sure and not _DESCRIBED.match(text, m.end):
                key = government_key(country)
                m = Mention(m.start, m.end, m.text, "Organisation", f"org:{key}",
                            GazetteerEntry(key, "Organisation", m.text, (), {"kind": "government"}))
        out.append(m)
    return out


def _as_government(m: Mention) -> Mention:
    entry = m.entry
    assert entry is not None
    key = government_key(entry.key)
    gov = GazetteerEntry(key, "Organisation", m.text, (entry.name,) if entry.name != m.text else (),
                         {"kind": "government"})
    return Mention(m.start, m.end, m.text, "Organisation", f"org:{key}", gov)


def _cue_near(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    before = text[max(0, start - 40):start]
    if gaz.cue_before.search(before) or re.search(r"(?:’s|'s)\s+\w+\s*$", before):
        return True
    if _speech_before(tuple(gaz.cues["speech_after"] + gaz.cues["speech_before"])).search(before):
        return True  # "..., said Marie Struthers, ...", "according to Ivan Petrov"
    return gaz.speech_after.match(text, end) is not None or gaz.title_after.match(text, end) is not None \
        or _DONE_TO.match(text, end) is not None


@cache
def _speech_before(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A speech verb (or "according to") just before a name: "said ", "told ", "according to "."""
    alt = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alt})\s+\Z")


def _given_before_surname(run: str, given: tuple[int, int], surname: tuple[int, int], gaz: Gazetteer) -> bool:
    """A known given name that is also a town, then a surname-like word: a person's name
    ("Artyom Gerasimov", "Sofia Sapega"). A country or region keeps its name ("Georgia"); a
    town of Crimea or Ukraine yields only to a surname ending ("Nikita Khrushchev", not "Bucha Massacre")."""
    word, last = run[given[0]:given[1]], run[surname[0]:surname[1]]
    entry = gaz.places.get(word)
    if entry is None or entry.attributes.get("kind") not in ("city", "village"):
        return False
    last = re.sub(r"(?:’s|'s)$", "", last)
    # A town no name list knows as a given name ("Kurman Seitov") needs the unmistakable ending too.
    if word not in gaz.given_names or entry.part_of == "crimea" or entry.attributes.get("country") in ("UA", "Ukraine"):
        # Only the unmistakable endings: "-al", "-in" end English words too ("Nikita Botanical Garden").
        strict = tuple(e for e in gaz.surname_endings if len(e) >= 3 or e in ("ov", "ev", "uk", "ko"))
        if not anyascii_lower(last).endswith(strict):
            return False
    return bool(re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][a-zß-öø-ÿā-žа-яёіїєґ’'\-]+", last)) and last not in gaz.places \
        and last not in gaz.not_names and last not in gaz.title_words and last not in gaz.titles \
        and last not in not_surnames() and last not in gaz.cues["org_heads"]


def _name_run(text: str, m: re.Match[str], gaz: Gazetteer) -> tuple[int, int, list[str], str] | None:
    start, end = m.start(), m.end()
    raw = m.group()
    if raw.endswith(("’s", "'s")):
        end -= 2
        raw = raw[:-2]
    words = raw.split()
    role: list[str] = []
    # "Secretary of State Rob Berschinski", "Minister of Foreign Affairs Dmytro Kuleba": after a
    # title and "of", the department's words belong to the title and the last two are the name.
    office = _title_of(gaz.titles).search(text, max(0, start - 40), start)
    if office and len(words) >= 2 and not _middle_initial(words):
        k = len(words) - 2 if len(words) >= 3 else 1
        role = [office.group("title"), "of", *words[:k]]
        start += sum(len(w) + 1 for w in words[:k])
        words = words[k:]
        if any(w in gaz.not_names or w in gaz.title_words for w in words):
            return None
        return start, end, words, " ".join(role)
    # Leading function words and titles ("The", "Judge", "Attorney", "Deputy Ambassador") are not
    # part of a name; a title is kept as the person's position.
    while words:
        title = _title_at(words, gaz)
        if title:
            role.extend(words[:title])
            start += sum(len(w) + 1 for w in words[:title])
            words = words[title:]
        elif words[0] in gaz.not_names or words[0].rstrip("’'s") in gaz.not_names:
            role.clear()
            start += len(words[0]) + 1
            words = words[1:]
        else:
            break
    # "UK Minister for Europe Sir Alan Duncan", "Department Spokesperson Morgan Ortagus": what
    # comes before the last title is the office, not the name.
    last_title = max((i + 1 for i in range(len(words) - 1) if words[i] in gaz.titles), default=0)
    if last_title and len(words) - last_title >= 1:
        role = [w for w in words[:last_title] if w in gaz.title_words]
        start += sum(len(w) + 1 for w in words[:last_title])
        words = words[last_title:]
    while words and words[-1] in gaz.not_names:
        end -= len(words[-1]) + 1
        words = words[:-1]
    if not words or any(w in gaz.not_names or w in gaz.title_words for w in words) or len(words) > 3:
        return None
    return start, end, words, " ".join(role)


def _middle_initial(words: list[str]) -> bool:
    """"Mark C. Toner": three words, the middle one an initial."""
    return len(words) == 3 and bool(_INITIAL_RE.fullmatch(words[1]))


def _title_at(words: list[str], gaz: Gazetteer) -> int:
    """How many of the leading ``words`` are a title ("Deputy Ambassador" -> 2), 0 if none."""
    for n in (3, 2, 1):
        if len(words) > n and " ".join(words[:n]) in gaz.titles:
            return n
    return 0


@cache
def _title_of(titles: frozenset[str]) -> re.Pattern[str]:
    """A title and "of" just before a run of capitals ("Secretary of ")."""
    alt = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?P<title>{alt})\s+of\s+(?:the\s+)?\Z")


@cache
def _role_of(cues: tuple[str, ...]) -> re.Pattern[str]:
    """"editor of ", "coordinator at the ": what follows is the body the role belongs to."""
    cue = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?i:{cue})\s+(?:of|at)\s+(?:the\s+)?$")


def find_people(text: str, taken: list[Mention], gaz: Gazetteer | None = None) -> tuple[list[Person], list[Doubt]]:
    """People named in ``text`` (outside the ``taken`` organisation/place spans), grouped."""
    gaz = gaz or load_gazetteer()
    # Organisation and place names are masked so a run of capitals stops at them
    # ("... of the Crimean Tatar People Refat Chubarov" -> "Refat Chubarov").
    masked = list(text)
    for t in taken:
        masked[t.start:t.end] = "|" * (t.end - t.start)
    scan = "".join(masked)
    full: list[Mention] = []
    single: list[Mention] = []
    unsure: list[Mention] = []  # two or three capitalised words with no sign of a person (yet)
    for m in _RUN_RE.finditer(scan):
        run = _name_run(text, m, gaz)
        if run is None:
            continue
        start, end, words, role = run
        if member_noun(text, start, words, gaz):
            continue  # "another Jehovah’s Witness": a member of a group, not a name
        if len(words) >= 2 and text[start:end] in gaz.places:
            continue  # "Eastern Europe" left as an office's remit is still no person
        if len(words) >= 2:
            given, last = words[0], words[-1]
            # "Given X. Surname": a middle initial is a person's name, not an organisation's.
            cued = bool(role) or _middle_initial(words) or _cue_near(text, start, end, gaz)
            if (given in gaz.given_names and last not in not_surnames()) or cued \
                    or anyascii_lower(last).endswith(gaz.surname_endings):
                full.append(Mention(start, end, text[start:end], "Person", role=role))
            else:
                unsure.append(Mention(start, end, text[start:end], "Person", role=role))
        else:
            single.append(Mention(start, end, text[start:end], "Person", surname_only=True, role=role))
    role_of = _role_of(tuple(c for c in (*gaz.cues["employment"], *gaz.cues["leadership"], *gaz.cues["membership"])))
    # "Oleg Sentsov, Volodymyr Balukh, and Emir-Huseyn Kuku": a name listed with people is a person.
    for _ in range(2):
        ends = {m.end for m in full}
        starts = {m.start for m in full}
        for cand in list(unsure):
            if role_of.search(text, max(0, cand.start - 40), cand.start):
                continue  # "Maxim Edwards, editor of RuNet Echo, and Tom Rowley": a role's body is no listed person
            before = re.search(r"(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$", text[max(0, cand.start - 6):cand.start])
            after = re.match(r"(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)", text[cand.end:cand.end + 6])
            if before and (cand.start - len(before.group())) in ends or after and (cand.end + len(after.group())) in starts:
                full.append(cand)
                unsure.remove(cand)
        full.sort(key=lambda m: m.start)
    index = _PeopleIndex()
    people = index.people
    doubts: list[Doubt] = []
    for mention in full:
        words = mention.text.split()
        given, surname = words[0], words[-1]
        match, doubt = _match_person(index, given, surname)
        if match is not None:
            match.position = match.position or mention.role
            match.mentions.append(mention)
            if mention.text not in match.variants and mention.text != match.name:
                match.variants.append(mention.text)
            mention.ref = match.key
            continue
        # "Mark C. Toner": keyed and found again by the plain form, which is kept as an alias.
        plain = f"{given} {surname}" if _middle_initial(words) else ""
        person = index.add(Person(index.unique_key(f"person:{slug(plain or mention.text)}"), mention.text, given,
                                  surname, [plain] if plain else [], [mention], mention.role))
        mention.ref = person.key
        if doubt is not None:
            doubts.append(Doubt(person.key, mention.text, mention.start, mention.end, doubt[0].key,
                                doubt[0].name, round(doubt[1], 3),
                                f"'{surname}' is spelled close to '{doubt[0].surname}'"))
    starts_full = {m.start: m for m in full}
    given_folds = {fold(p.given) for p in index.people if p.given}  # one look-up per lone word, not a scan
    for mention in single:
        word = mention.text
        joined = re.match(r"\s+and\s+", text[mention.end:mention.end + 8])
        partner = starts_full.get(mention.end + len(joined.group())) if joined else None
        listed = re.search(r"(?:,|\()\s*$", text[max(0, mention.start - 3):mention.start])
        if (word in gaz.given_names or listed) and word not in gaz.not_names and partner is not None \
                and len(partner.text.split()) == 2 and partner.ref:
            # "Asan and Aziz Akhtemov": two given names share the surname that follows them.
            surname = partner.text.split()[-1]
            match, _doubt = _match_person(index, word, surname)
            person = match or index.add(Person(index.unique_key(f"person:{slug(word + ' ' + surname)}"),
                                               f"{word} {surname}", word, surname, [], [], mention.role))
            person.mentions.append(mention)
            mention.ref = person.key
            given_folds.add(fold(word))
            continue
        # A given name alone after the full name, when exactly one person of the article bears it
        # and nobody has it as surname ("Nariman and Aziz being sent to Minusinsk"); two Narimans:
        # never enough to say who.
        bearers = [p for p in index.people if p.given and fold(p.given) == fold(word)] \
            if fold(word) in given_folds else []
        if len(bearers) == 1 and not index.by_fold.get(fold(word)) and bearers[0].mentions \
                and bearers[0].mentions[0].start < mention.start:
            bearers[0].mentions.append(mention)
            mention.ref = bearers[0].key
            continue
        # "Mr Ahmed": after an honorific the word is a surname, even one the given-name list knows.
        honorific = mention.role.lower().rstrip(".") in _HONORIFICS
        if word in gaz.given_names and not index.by_fold.get(fold(word)) and not honorific:
            continue
        scored = sorted(((same_name_score(p.surname, word), p) for p in index.near(word) if p.given),
                        key=lambda x: -x[0][0])
        sure = [p for (s, _jw), p in scored if s >= SAME]
        exact = [p for p in sure if fold(p.surname) == fold(word)]
        if len(exact) == 1:
            sure = exact  # Seitkhalilova is Lenie Seitkhalilova, not her husband Ismail Seitkhalilov
        earlier = index.surname_only.get(word)
        if earlier is not None:  # the same doubtful surname again: one entity, one question
            mention.ref = earlier.key
            earlier.mentions.append(mention)
            continue
        if len(sure) == 1:
            mention.ref = sure[0].key
            sure[0].position = sure[0].position or mention.role
            sure[0].mentions.append(mention)
            if word not in sure[0].variants and word != sure[0].surname:
                sure[0].variants.append(word)
            continue
        if not sure and mention.role and (honorific or word not in gaz.given_names) and not word.isupper() \
                and not title_case_line(text, mention.start) and not headline_verb(word, gaz):
            # (A headline capitalises every word: "Activist Sentenced" is a title and a verb.)
            # "President Zelenskyy", "Mr Kuku": a title says this is a person even without a first name.
            person = index.add(Person(index.unique_key(f"person:{slug(word)}"), word, "", word, [], [mention],
                                      mention.role))
            mention.ref = person.key
            continue
        maybe = [p for (s, jw), p in scored if s < SAME and jw >= DOUBTFUL]
        if len(sure) > 1 or (maybe and _looks_like_surname(word, gaz)):
            # Several people share the surname, or a close spelling: ask, never merge.
            target = (sure or maybe)[0]
            person = index.add(Person(index.unique_key(f"person:{slug(word)}"), word, "", word, [], [mention]))
            mention.ref = person.key
            doubts.append(Doubt(person.key, word, mention.start, mention.end, target.key, target.name,
                                round(same_name_score(target.surname, word)[1], 3),
                                f"surname-only mention '{word}' may be {target.name}"
                                + (" (several people share it)" if len(sure) > 1 else "")))
    return people, doubts


# Past this many people in one article (no news item names so many) spellings are compared
# exactly only, so a crafted input cannot make the comparison quadratic.
FUZZY_PEOPLE = 400


class _PeopleIndex:
    """The people of an article so far, found by folded surname: exactly (a dict) and by close
    spelling (rapidfuzz's C loops over the folded surnames, bounded by ``FUZZY_PEOPLE``)."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.folded: list[str] = []
        self.by_fold: dict[str, list[Person]] = {}
        self.surname_only: dict[str, Person] = {}
        self.keys: set[str] = set()

    def add(self, person: Person) -> Person:
        self.people.append(person)
        self.folded.append(fold(person.surname))
        self.by_fold.setdefault(self.folded[-1], []).append(person)
        self.keys.add(person.key)
        if not person.given:
            self.surname_only.setdefault(person.surname, person)
        return person

    def near(self, surname: str) -> list[Person]:
        """People whose surname is spelled the same or close (ratio >= SAME or Jaro-Winkler >= DOUBTFUL), in order."""
        fs = fold(surname)
        if len(self.people) > FUZZY_PEOPLE:
            return list(self.by_fold.get(fs, []))
        hits = {i for _c, _s, i in process.extract(fs, self.folded, scorer=fuzz.ratio, processor=None,
                                                     score_cutoff=SAME, limit=None)}
        hits |= {i for _c, _s, i in process.extract(fs, self.folded, scorer=JaroWinkler.similarity, processor=None,
                                                      score_cutoff=DOUBTFUL, limit=None)}
        return [self.people[i] for i in sorted(hits)]

    def unique_key(self, key: str) -> str:
        out, n = key, 2
        while out in self.keys:
            out, n = f"{key}-{n}", n + 1
        return out


def anyascii_lower(word: str) -> str:
    from anyascii import anyascii

    return anyascii(word).lower()


def _looks_like_surname(word: str, gaz: Gazetteer) -> bool:
    return anyascii_lower(word).endswith(gaz.surname_endings) and word not in gaz.not_names


def same_name_score(a: str, b: str) -> tuple[float, float]:
    """(fuzz.ratio, Jaro-Winkler) of two name parts after transliteration folding."""
    fa, fb = fold(a), fold(b)
    return fuzz.ratio(fa, fb), JaroWinkler.similarity(fa, fb)


def _match_person(index: _PeopleIndex, given: str, surname: str) -> tuple[Person | None, tuple[Person, float] | None]:
    """The person these names are (sure), else a doubtful candidate, else nothing."""
    best_doubt: tuple[Person, float] | None = None
    for p in index.near(surname):
        s_ratio, s_jw = same_name_score(p.surname, surname)
        g_ratio, _ = same_name_score(p.given, given) if p.given else (100.0, 1.0)
        given_ok = g_ratio >= 80 or fold(p.given)[:1] == fold(given)[:1] and (len(given) <= 2 or len(p.given) <= 2)
        if s_ratio >= SAME and given_ok:
            return p, None
        # Same given name with a different surname is two people (two Narimans): no doubt.
        if s_ratio < SAME and s_jw >= DOUBTFUL and given_ok and (best_doubt is None or s_jw > best_doubt[1]):
            best_doubt = (p, s_jw)
    return None, best_doubt


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE_RES = [
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<month>{_MONTHS})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<monthnum>\d{2})\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?:in|since|until|by|of)\s+(?P<year>(?:19|20)\d\d)\b"),
]


def find_dates(text: str, gaz: Gazetteer | None = None) -> list[tuple[int, int, str]]:
    """Dates in ``text`` as (start, end, ISO partial date), most precise first where they overlap."""
    gaz = gaz or load_gazetteer()
    out: list[tuple[int, int, str]] = []
    covered = bytearray(len(text) + 1)  # characters already inside a more precise date
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            if any(covered[m.start():m.end()]):
                continue
            g = m.groupdict()
            month = gaz.months[g["month"].lower()] if g.get("month") else int(g["monthnum"]) if g.get("monthnum") else None
            iso = g["year"]
            if month:
                if not 1 <= month <= 12:
                    continue
                iso += f"-{month:02d}"
                if g.get("day"):
                    day = int(g["day"])
                    if not 1 <= day <= 28 + 3:
                        continue
                    iso += f"-{day:02d}"
            covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            out.append((m.start(), m.end(), iso))
    return sorted(out)
