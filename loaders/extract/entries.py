"""Organisations and places in clean text: the curated gazetteers, organisations by head noun
and acronym, GeoNames places among the capitalised runs, and the passes that settle what each
mention names (a collective, a document's title, a region, a country's government)."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable

from loaders.extract.actor_guards import listed_police_raids, seats_that_act
from loaders.extract.collective_phrases import collective_phrases
from loaders.extract.collectives import (
    addressed_collectives,
    agents_in_uniform,
    courts_by_place,
    described_collectives,
    determined_collectives,
    hedged_authorities,
    hedged_prosecutors,
)
from loaders.extract.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer, slug
from loaders.extract.given_names import not_surnames
from loaders.extract.mention_types import Mention, entry_mention
from loaders.extract.name_guards import document_spans, surname_after_name
from loaders.extract.org_guards import platform_venues, qualifying_acronyms
from loaders.extract.org_mandates import mandates, outlet_lists
from loaders.extract.org_names import (
    member_bodies,
    national_sections,
    parent_bodies,
    spokesperson,
    state_of_bodies,
    un_prefixed,
)
from loaders.extract.org_phrases import (
    lowercase_bodies,
    nationality_collectives,
    possessive_orgs,
    state_bodies,
    unit_orgs,
)
from loaders.extract.orgs import (
    ORG,
    PLACE,
    find_affiliations,
    find_facilities,
    find_kind_then_name,
    find_org_patterns,
)
from loaders.extract.people_index import anyascii_lower
from loaders.extract.place_mentions import (
    compass_regions,
    countries_as_actors,
    datelines,
    seats_as_states,
    territories,
)
from loaders.extract.world_regions import world_regions

__all__ = ["find_entries"]

# A run of capitalised words (Latin or Cyrillic, with hyphens and apostrophes: Rostov-on-Don, Kerch')
_PLACE_RUN_RE = re.compile(r"(?<![\w\-])[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'\-]*(?: [A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'\-]*)*")
# A place the article introduces as one: "the village of Dubki", "the town of Stary Krym".
_PLACE_INTRO_RE = re.compile(r"\b(?:the\s+)?(?P<what>village|town|city|settlement|hamlet|township)\s+of\s+"
                             r"(?P<name>[A-ZА-Я][\w’'\-]+(?:\s[A-ZА-Я][\w’'\-]+)?)", re.IGNORECASE)


def find_entries(text: str, gaz: Gazetteer | None = None) -> list[Mention]:
    """Organisations and places: the curated gazetteers (longest match wins), organisations by
    head noun and acronym, GeoNames places among the remaining capitalised runs, places
    introduced as such ("the village of X"); a country that acts is its government."""
    gaz = gaz or load_gazetteer()
    out = []
    for m in gaz.entry_scan.finditer(text):  # entry_pattern.finditer, tried only where an alias can start
        entry = gaz.lookup(m.group())
        if entry is None:
            continue
        out.append(entry_mention(m.start(), m.end(), text, entry))
    out = un_prefixed(out, text)  # "UN Special Rapporteur on ...": one organ
    out = _collectives(out, text, gaz)
    out = _men_phrases(out, text)
    taken = bytearray(len(text) + 1)

    def take(a: int, b: int, what: int = ORG) -> None:
        taken[a:b] = bytes([what]) * (b - a)

    for found in out:
        take(found.start, found.end, ORG if found.label == "Organisation" else PLACE)
    for a, b, entry in national_sections(out, text, gaz):  # "Amnesty International Ukraine"
        out = [m for m in out if not (a <= m.start and m.end <= b)]
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in member_bodies(text, taken, gaz):
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in datelines(text, gaz):  # "VIENNA – ": a place, before the acronyms take it
        if not any(taken[a:b]):
            out.append(entry_mention(a, b, text, entry))
            take(a, b, PLACE)
    # "the NGO Crimea SOS": a body introduced by its kind, before the patterns split its name.
    for a, b, entry in find_kind_then_name(text, taken, gaz):
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    # "Special Rapporteur on ...", "radio stations Meydan and Lider": bodies named by a formula.
    for a, b, entry in [*mandates(text, taken, gaz), *outlet_lists(text, taken, gaz)]:
        if not any(taken[a:b]):
            out.append(entry_mention(a, b, text, entry))
            take(a, b)
    for a, b, entry in find_org_patterns(text, taken, gaz):
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in state_bodies(text, taken, gaz):
        out = [m for m in out if not (a <= m.start and m.end <= b)]  # "Ukraine" in "Ukraine's ombudswoman"
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in agents_in_uniform(text, taken, gaz, gaz.lookup("masked men")):  # (on untaken text only)
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in collective_phrases(text, taken):  # "a group of unidentified forces", "human rights groups have reported"
        if any(taken[a:b]):
            out = [m for m in out if not (a <= m.start and m.end <= b)]  # "Crimea" in "Crimea Tatars"
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in nationality_collectives(text, taken, gaz):
        if any(taken[a:b]):
            out = [m for m in out if not (a <= m.start and m.end <= b)]  # "Russia" in "Russia’s forces"
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    for a, b, entry in find_facilities(text, taken, gaz.places, gaz.not_names):
        out = [m for m in out if not (a <= m.start and m.end <= b)]  # "Vladimir" inside "Vladimir Central Prison"
        out.append(entry_mention(a, b, text, entry))
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
                    out.append(entry_mention(a, b, text, entry))
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
            out.append(entry_mention(a, b, text, entry))
            take(a, b)
    # A region of the world is known (never a person); an entity only where it is no office's remit.
    out = world_regions(out, text)
    out = _outside_documents(out, text, gaz)
    out = territories(compass_regions(out, text), text, gaz)
    out = _titles_as_bodies(out, text, gaz)
    for a, b, entry in spokesperson(text, taken, out):  # after the bare titles: this one is a body
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    attributive = set(gaz.cues["place_attributive"])
    out = [m for m in out if not (m.label == "Location" and (m.entry is None or m.entry.attributes.get("kind") != "country")
                                  and (nxt := re.match(r" ([a-z]+)\b", text[m.end:m.end + 20]))
                                  and nxt.group(1) in attributive
                                  or m.label == "Location" and _NAMED_ACCORD_RE.match(text, m.end))]  # "the Minsk agreements"
    for a, b, entry in find_affiliations(text, taken, gaz):
        out.append(entry_mention(a, b, text, entry))
        take(a, b)
    # A name inside a longer organisation's name is part of that name ("OSCE" in "U.S. Mission
    # to the OSCE", "UK" in "UK Delegation"): the longer name is the entity.
    inside = _inside_spans(sorted({(m.start, m.end) for m in out if m.label == "Organisation"}))
    kept = sorted((m for m in out if not inside(m.start, m.end)), key=lambda m: m.start)
    kept = _replace(kept, possessive_orgs(kept, text, gaz), text)
    kept = _replace(kept, unit_orgs(kept, text, gaz), text)
    kept = _replace(kept, lowercase_bodies(kept, text, gaz), text)
    kept = _replace(kept, _qualified_delegations(kept, text), text)
    kept = _replace(kept, described_collectives(kept, text), text)
    kept = _replace(kept, hedged_authorities(text, gaz), text)
    kept = _keep_places(kept, hedged_prosecutors(text), text)  # "the so-called Prosecutor-General of Crimea"
    kept = _replace(kept, addressed_collectives(text), text)  # "calls on UN Member States to"
    kept = sorted([*kept, *(entry_mention(a, b, text, e) for a, b, e in courts_by_place(kept, text))], key=lambda m: m.start)
    kept = _keep_places(kept, determined_collectives(kept, text), text)
    kept = sorted([*kept, *parent_bodies(kept, text, gaz)], key=lambda m: m.start)  # "Council of Europe" in its organ's name
    kept = platform_venues(qualifying_acronyms(kept, text, gaz.given_names), text)  # "UN Member States"; "posted on Twitter" (org_guards.py)
    kept = seats_as_states(countries_as_actors(_acronyms_in_parentheses(kept, text, gaz), text), text, gaz)
    kept = listed_police_raids(seats_that_act(kept, text, gaz), text)  # "Moscow’s control", "and police raids" (actor_guards.py)
    kept = _pace_bodies(kept, text)  # "the Monitoring Committee" in a PACE text: "org:pace-monitoring-committee"
    extra = state_of_bodies(kept, text, gaz)  # "the Criminal Code of the Russian Federation": the state
    return sorted([*kept, *extra], key=lambda m: m.start) if extra else kept


# The Assembly's texts name its committees and a state's delegation to it without saying whose ("the Monitoring
# Committee", "the Russian delegation"): in a text that names PACE (or a Parliamentary Assembly and the Council of
# Europe) and no other assembly, the Assembly's, keyed as
# the corpus keys them ("org:pace-monitoring-committee", "org:russian-delegation-to-pace"; keys15, round 15).
_PACE_BODY_RE = re.compile(r"(?:[Tt]he )?(?:Committee on (?:the )?[A-Z].*|Monitoring Committee|[A-Z][a-z]+ delegation)")


def _pace_bodies(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions, a PACE committee or delegation named without its Assembly keyed as the Assembly's."""
    refs = {m.ref for m in mentions}
    pace = "org:pace" in refs or {"org:parliamentary-assembly", "org:council-of-europe"} <= refs
    if not pace or refs & {"org:european-parliament", "org:osce-parliamentary-assembly"}:
        return mentions
    out = []
    for m in mentions:
        e = m.entry
        if m.label == "Organisation" and e is not None and not e.generic and not e.key.startswith("pace-") \
                and not e.key.endswith("-to-pace") and _PACE_BODY_RE.fullmatch(m.text):
            key = f"{e.key}-to-pace" if e.key.endswith("-delegation") else f"pace-{e.key}"
            m = entry_mention(m.start, m.end, text, dataclasses.replace(e, key=key))
        out.append(m)
    return out


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
    return sorted([*kept, *(entry_mention(a, b, text, e) for a, b, e in found)], key=lambda m: m.start)


# "the unofficial Turkish delegation": the word that says whose mandate a delegation has is part of its name.
_DELEGATION_QUALIFIER_RE = re.compile(r"(?<![\w\-])(?:unofficial|official) \Z")


def _qualified_delegations(mentions: list[Mention], text: str) -> list[tuple[int, int, GazetteerEntry]]:
    """A delegation named with "unofficial" or "official" before it ("the unofficial Turkish Delegation", as two
    statements of one government name it): one body, that word in its name."""
    out = []
    for m in mentions:
        if m.label != "Organisation" or m.entry is None or m.entry.generic or not m.text.endswith(("Delegation", "delegation")):
            continue
        q = _DELEGATION_QUALIFIER_RE.search(text, max(0, m.start - 12), m.start)
        if q is not None:
            name = text[q.start():m.end]
            out.append((q.start(), m.end, GazetteerEntry(slug(name), "Organisation", name, (), dict(m.entry.attributes))))
    return out


# A city that names an accord: "the Geneva Conventions", "the fourth Geneva convention", "the Helsinki Accords", "the Minsk Protocol".
_NAMED_ACCORD_RE = re.compile(r" (?:[Cc]onventions?|Accords?|Agreements?|Protocols?|Memorandum|Format|Final Act)(?![\w\-])")


def _keep_places(mentions: list[Mention], found: list[tuple[int, int, GazetteerEntry]], text: str) -> list[Mention]:
    """Each found phrase in place of the organisation it extends; the places inside it stay."""
    if not found:
        return mentions
    spans = [(a, b) for a, b, _e in found]
    kept = [m for m in mentions if m.label == "Location" or not any(a <= m.start and m.end <= b for a, b in spans)]
    return sorted([*kept, *(entry_mention(a, b, text, e) for a, b, e in found)], key=lambda m: m.start)


def _acronyms_in_parentheses(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """"Russia's Federal Investigative Service (FSB)": a name and the acronym in parentheses right
    after it are one organisation: the curated acronym's entry, else the long name's, with the
    other as its alias."""
    curated: set[int] = set()  # the curated entries (by id), gathered at the first pair: most articles have none

    def is_curated(entry: GazetteerEntry | None) -> bool:
        if not curated:
            curated.update(id(e) for e in gaz.entries)
        return id(entry) in curated

    out = list(mentions)
    defined: dict[str, Mention] = {}  # an acronym the article defines -> the name's mention
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if text[first.end:second.start] != " (" or text[second.end:second.end + 1] != ")":
            continue
        # Either way round: "Crimean Tatar Youth League (CTYL)", "CTYL (Crimean Tatar Youth League)".
        if second.text.isupper():
            short, long_, j, k = second, first, i, i - 1
        elif first.text.isupper():
            short, long_, j, k = first, second, i - 1, i
        else:
            continue
        if short.label != "Organisation" or long_.label != "Organisation" or short.entry is None \
                or long_.entry is None or short.ref == long_.ref:
            continue
        if is_curated(short.entry) and (not is_curated(long_.entry) or long_.entry.generic and not short.entry.generic):
            # ("the effective security services (FSB)": a collective's words for the one agency)
            out[k] = Mention(long_.start, long_.end, long_.text, "Organisation", short.ref, short.entry)
        elif not is_curated(short.entry):
            out[j] = Mention(short.start, short.end, short.text, "Organisation", long_.ref, long_.entry)
            defined.setdefault(short.text, out[j])
    # The acronym the article defines names that body wherever the article uses it, not another of its own.
    for i, m in enumerate(out):
        d = defined.get(m.text)
        if d is not None and m.ref != d.ref and m.label == "Organisation" and m.entry is not None and not is_curated(m.entry):
            out[i] = Mention(m.start, m.end, m.text, "Organisation", d.ref, d.entry)
    return out


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
    # "Deputy High Commissioner Gilmore": an office's bare title before a name is that person's, and so is
    # every other bare "the Deputy High Commissioner" of the article (the office itself is not named).
    held = {m.ref for m in mentions if m.label == "Organisation" and m.entry is not None and not m.entry.generic
            and m.text not in gaz.titles and _ends_in_title(m.text, gaz) and _NAME_AFTER_RE.match(text, m.end)}
    for m in mentions:
        if m.ref in held and m.entry is not None and _ends_in_title(m.text, gaz):
            continue
        if m.label != "Organisation" or m.entry is None or m.entry.generic or m.text not in gaz.titles:
            out.append(m)
            continue
        if _NAME_AFTER_RE.match(text, m.end):
            continue  # "High Commissioner Thors": the person's title
        bodies = [e for e in out if e.label == "Organisation" and e.entry is not None and e.start < m.start
                  and e.text != m.text and re.search(rf"\b{re.escape(m.text)}\b", e.entry.name)]
        if bodies:
            nearest = max(bodies, key=lambda e: e.start)
            out.append(entry_mention(m.start, m.end, text, nearest.entry))  # type: ignore[arg-type]
    return out


_NAME_AFTER_RE = re.compile(r"[^\S\n]+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-ÿ]")


def _ends_in_title(name: str, gaz: Gazetteer) -> bool:
    """Whether an office's name is a qualified title, nothing after it: "Deputy High Commissioner" (the
    title "High Commissioner"), not "High Commissioner for Human Rights" (a title and its mandate)."""
    words = name.split()
    return len(words) > 1 and " ".join(words[1:]) in gaz.titles or len(words) > 2 and " ".join(words[2:]) in gaz.titles


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
