"""Organisations named by a phrase around another name, and collectives named by a nationality.

- **Possessive names**: "Crimea's Supreme Court", "Russia's Justice Ministry": a place's
  possessive before an organisation's name is part of that name. The gazetteer's entry for
  the same body ("Supreme Court of Crimea", "Crimean Supreme Court") wins; else the phrase as
  written is the name, keyed by the adjective ("russian-justice-ministry").
- **Units of an agency**: "the FSB's directorate for Crimea", "the Crimean headquarters of
  the FSB", "the Investigative Committee's department in Sevastopol": a part of an agency
  named with its place is an organisation of its own (the unit nouns are data,
  ``entities.yaml``: ``org_units``).
- **State bodies in lower case**: "Ukraine's ombudswoman", "the Russian justice ministry".
- **Bodies with a lower-case head**: "the OSCE mission", "the EU delegation", "the Ukrainian
  delegation": a known organisation or a country's adjective before a body noun written in
  lower case (``lowercase_body_heads``) names a body of its own.
- **Collectives**: "Ukrainian authorities", "Russian troops", "the occupation courts": a
  nationality or an occupation adjective before a collective noun is a generic actor, one key
  per noun ("russian-troops-generic"), never merged into an agency (``collective_nouns``).

Each finder takes the article's mentions so far and returns the new ones with the spans they
replace; :func:`loaders.extract.entries.find_entries` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from loaders.extract.gazetteer import Gazetteer, GazetteerEntry, slug
from loaders.extract.orgs import ORG, state_government, title_case_line

__all__ = ["possessive_orgs", "unit_orgs", "nationality_collectives", "state_bodies", "lowercase_bodies"]


class _Span(Protocol):
    start: int
    end: int
    text: str
    label: str
    entry: GazetteerEntry | None


Found = tuple[int, int, GazetteerEntry]

_POSSESSIVE = ("’s ", "'s ")


def _lookup(gaz: Gazetteer, *names: str) -> GazetteerEntry | None:
    for n in names:
        e = gaz.lookup(n)
        if e is not None and e.label == "Organisation":
            return e
    return None


def possessive_orgs(mentions: Sequence[_Span], text: str, gaz: Gazetteer) -> list[Found]:
    """"Crimea's Supreme Court": a place's possessive right before an organisation's name."""
    out: list[Found] = []
    by_end = {m.end: m for m in mentions if m.label == "Location"}
    for m in mentions:
        e = m.entry
        if m.label != "Organisation" or e is None or e.generic or not m.text[:1].isupper() \
                or text[m.start - 3:m.start] not in _POSSESSIVE:
            continue
        if re.match(r" \([A-Z]{2,6}\)", text[m.end:m.end + 10]):
            continue  # "Russia's Federal Investigative Service (FSB)": the body's own name, with its acronym
        place = by_end.get(m.start - 3)
        if place is None or place.entry is None or place.entry.attributes.get("kind") == "facility":
            continue
        p_name, org = place.entry.name, m.text
        dem = gaz.demonyms.get(p_name, "")
        whole = text[place.start:m.end]
        entry = _lookup(gaz, whole, f"{org} of {p_name}", f"{org} of the {p_name}", *([f"{dem} {org}"] if dem else []))
        if entry is None:
            if _lookup(gaz, org) is not None:
                continue  # "Russia's FSB": the agency itself (its country is its own mention)
            key = slug(f"{dem} {org}" if dem else f"{org} of {p_name}")
            entry = GazetteerEntry(key, "Organisation", whole, (f"{org} of {p_name}",), dict(e.attributes))
        out.append((place.start, m.end, entry))
    return out


@cache
def _unit_res(units: tuple[str, ...], adjectives: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    adj = "|".join(re.escape(a) for a in sorted(adjectives, key=len, reverse=True))
    # after "<Org>": "’s (Crimean) directorate (for|in) ", "’s Crimean directorate"
    poss = re.compile(rf"(?:’s|'s) (?:(?P<adj>{adj}) )?(?:(?:regional|local|main|territorial) )?(?P<unit>{unit})"
                      rf"(?P<prep> (?:for|in|of) (?:the )?(?:(?:Autonomous )?Republic of )?)?")
    # before "<Org>": "(the) Crimean headquarters of (the) "
    before = re.compile(rf"(?:(?<=\bthe )|(?<=\bThe ))?(?P<adj>{adj}|[A-Z][\w’'\-]+) (?:(?:regional|local|main|territorial) )?"
                        rf"(?P<unit>{unit}) of (?:the )?$")
    # after "<Org>": " department (for|in) (the) "
    after = re.compile(rf" (?P<unit>{unit}) (?:for|in) (?:the )?(?:(?:Autonomous )?Republic of )?")
    return poss, before, after


def _place_run(start: int, places: dict[int, _Span], text: str) -> int:
    """Where a run of places starting at ``start`` ends ("Crimea and Sevastopol"), or -1."""
    p = places.get(start)
    if p is None:
        return -1
    end = p.end
    while True:
        sep = re.match(r"(?:,? and (?:the (?:city of )?)?|, )", text[end:end + 20])
        nxt = places.get(end + len(sep.group())) if sep else None
        if nxt is None:
            return end
        end = nxt.end


def unit_orgs(mentions: Sequence[_Span], text: str, gaz: Gazetteer) -> list[Found]:
    """"The FSB's directorate for Crimea", "the Crimean headquarters of the FSB": a unit of a
    named agency with its place (a place or a place's adjective is required)."""
    adjectives = tuple(sorted(set(gaz.demonyms.values())))
    poss, before, after = _unit_res(tuple(gaz.cues.get("org_units", ())), adjectives)
    places = {m.start: m for m in mentions if m.label == "Location"}
    place_names = {m.text for m in places.values()}
    out: list[Found] = []
    for m in mentions:
        e = m.entry
        if m.label != "Organisation" or e is None or e.generic or e.attributes.get("kind") in ("government", "collective") \
                or not m.text[:1].isupper():
            continue
        a, b = m.start, -1
        hit = poss.match(text, m.end)
        if hit:
            end = _place_run(hit.end(), places, text) if hit.group("prep") else -1
            if end > 0:
                b = end
            elif hit.group("adj"):
                b = hit.start("unit") + len(hit.group("unit"))
        if b < 0 and (hit := after.match(text, m.end)):
            b = _place_run(hit.end(), places, text)
        if b < 0 and (pre := before.search(text, max(0, m.start - 60), m.start)):
            if pre.group("adj") in adjectives or pre.group("adj") in place_names:
                a, b = pre.start(), m.end
        if b < 0:
            continue
        name = text[a:b]
        out.append((a, b, GazetteerEntry(slug(name), "Organisation", name, (), dict(e.attributes))))
    return out


@cache
def _collective_re(nouns: tuple[str, ...], adjectives: tuple[str, ...], countries: tuple[str, ...] = ()) -> re.Pattern[str]:
    # A headline capitalises the noun: "by Russian Officials" (kept only on a headline's line).
    noun = "|".join(re.escape(n) for n in sorted({*nouns, *(n.title() for n in nouns)}, key=len, reverse=True))
    # A sentence may start with the adjective: "De facto officials refused".
    adj = "|".join(re.escape(a) for a in sorted({*adjectives, *(a[:1].upper() + a[1:] for a in adjectives)},
                                                 key=len, reverse=True))
    # "Russia’s forces", "Russia's proxies": the country's possessive says whose, as its adjective does.
    country = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w\-’'])(?:(?P<art>an?|the|The|An?) )?(?:(?P<country>{country})(?:’s|'s)|"
                      rf"(?P<adj>(?:{adj})(?: (?:{adj}))?)) (?P<noun>{noun})(?![\w\-])")


def nationality_collectives(text: str, taken: bytearray, gaz: Gazetteer) -> list[Found]:
    """"Ukrainian authorities", "Russian troops", "the occupation courts": generic actors, one key
    per adjective and noun, outside what the gazetteers already named (``taken``)."""
    adjectives = tuple(sorted({*gaz.demonyms.values(), *gaz.cues.get("collective_adjectives", ())}))
    rx = _collective_re(tuple(gaz.cues.get("collective_nouns", ())), adjectives, tuple(gaz.demonyms))
    out: list[Found] = []
    for m in rx.finditer(text):
        a = m.start("adj") if m.group("adj") else m.start("country")
        if any(taken[m.start("noun"):m.end()]) or any(t == ORG for t in taken[a:m.end()]):
            continue
        noun, art = m.group("noun"), (m.group("art") or "").lower()
        if noun[:1].isupper():
            if not title_case_line(text, m.start()):
                continue
            noun = noun.lower()
        if noun == "prosecutor" and (art not in ("a", "an", "the") or re.match(r" of |,\s+[A-Z]", text[m.end():m.end() + 5])):
            continue  # "Russian prosecutor" alone, "the prosecutor of Crimea, N." are titles; "the Russian prosecutor has" an actor
        if re.match(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+", text[m.end():m.end() + 40]) and not noun.endswith("s"):
            continue  # "Russian prosecutor Ivan Petrov": a person's title
        nxt = re.match(r" ([a-z]+)\b", text[m.end():m.end() + 20])
        if nxt and (nxt.group(1) in gaz.cues.get("attributive_heads", ()) or nxt.group(1) in gaz.cues.get("collective_attributive", ())):
            continue  # "a Russian police station"
        if art in ("a", "an"):
            a = m.start()
        name = text[a:m.end()]
        whose = m.group("adj") or gaz.demonyms[m.group("country")]
        # "Russian officials" are the Russian authorities, one collective under one key (README conv16b point 7(a)).
        kind_of = "authorities" if noun == "officials" else noun
        key = slug(f"{whose} {kind_of}".lower()) + ("" if kind_of == "authorities" else "-generic")  # "org:ukrainian-authorities"
        out.append((a, m.end(), GazetteerEntry(key, "Organisation", name, (), {"kind": "collective"}, generic=True)))
    return out


@cache
def _state_body_re(heads: tuple[str, ...], places: tuple[str, ...], adjectives: tuple[str, ...]) -> re.Pattern[str]:
    head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    place = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
    adj = "|".join(re.escape(a) for a in sorted(adjectives, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:(?P<place>{place})(?:’s|'s)|(?P<adj>{adj})) (?P<head>{head})(?![\w\-])")


# Nouns that "government" qualifies: "Ukrainian government figures", "the Russian government officials".
_GOVERNMENT_NOUNS = frozenset({"figures", "data", "statistics", "sources", "officials", "official", "representatives", "employees",
                               "workers", "ministers", "agencies", "agency", "bodies", "body", "institutions", "buildings",
                               "building", "program", "programme", "programs", "programmes", "policy", "policies", "website",
                               "funding", "grants", "controlled", "backed", "run", "owned", "sponsored", "critics", "critic",
                               "troops", "forces", "media", "newspaper", "television", "delegation", "commission", "decree",
                               "resolution", "order", "portal"})


def state_bodies(text: str, taken: bytearray, gaz: Gazetteer) -> list[Found]:
    """"Ukraine's ombudswoman", "the Ukrainian foreign ministry": a state's body named in lower case
    after the state's possessive or adjective. The gazetteer's body of that state wins ("Ukrainian
    ombudsman"); else the phrase is the name, keyed by the adjective. Not before a person's name
    ("Ukraine's ombudswoman Lyudmyla Denisova" keeps the body: the title is the person's too)."""
    by_adj = {v: k for k, v in gaz.demonyms.items()}
    rx = _state_body_re((*gaz.cues.get("state_bodies", ()), "government"), tuple(gaz.demonyms), tuple(by_adj))
    attributive = {*gaz.cues.get("attributive_heads", ()), *gaz.cues.get("collective_attributive", ()), *_GOVERNMENT_NOUNS}
    out: list[Found] = []
    for m in rx.finditer(text):
        a, b = m.start(), m.end()
        if any(taken[m.start("head"):b]) or any(t == ORG for t in taken[a:b]):
            continue  # the place may be a mention of its own; the body's words may not
        nxt = re.match(r"[\s\-]+([a-z]+)", text[b:b + 30])
        if m.group("head") == "government" and nxt is not None and nxt.group(1) in attributive:
            continue  # "Ukrainian government figures", "the Russian government-controlled media": no actor
        place = m.group("place") or by_adj[m.group("adj")]
        adj = m.group("adj") or gaz.demonyms[place]
        head = m.group("head")
        entry = _lookup(gaz, f"{adj} {head}", f"{head} of {place}", m.group()) or state_government(m.group(), gaz)
        if entry is None and head == "government":
            # a state the gazetteer keeps as a government of its own ("the Soviet government": the Soviet Union)
            state = _lookup(gaz, place)
            entry = state if state is not None and state.attributes.get("kind") == "government" else None
        if entry is None:
            entry = GazetteerEntry(slug(f"{adj} {head}"), "Organisation", m.group(), (), {"kind": "government"})
        out.append((a, b, entry))
    return out


# Words that cannot stand between the qualifier and the body noun ("deny the mission", "EU this council").
_NOT_MODIFIERS = frozenset({"the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from", "its",
                            "their", "his", "her", "this", "that", "these", "those", "which", "who", "was", "were", "is",
                            "are", "has", "have", "had", "said", "says", "new", "whole", "entire", "same"})


@cache
def _lowercase_body_re(heads: tuple[str, ...]) -> re.Pattern[str]:
    head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-’'])(?!(?:The|A|An|In|On|At|By|For|To|From|With|And|But|As) )"
                      rf"(?P<q>[A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*)?) (?:(?P<mod>[a-z]+(?:-[a-z]+)?) )?"
                      rf"(?P<head>{head})(?![\w\-])")


def lowercase_bodies(mentions: Sequence[_Span], text: str, gaz: Gazetteer) -> list[Found]:
    """"The OSCE mission", "the EU delegation", "the Ukrainian delegation": a body named by a
    lower-case noun after a known organisation (one mention, replaced) or a country's adjective
    (``demonyms``); the phrase as written is the name."""
    orgs = {(m.start, m.end): m for m in mentions if m.label == "Organisation" and m.entry is not None
            and not m.entry.generic and m.entry.attributes.get("kind") not in ("government", "collective")}
    taken = [(m.start, m.end) for m in mentions]
    peoples = set(gaz.demonyms.values())
    out: list[Found] = []
    for m in _lowercase_body_re(tuple(gaz.cues.get("lowercase_body_heads", ()))).finditer(text):
        mod = m.group("mod")
        if mod in _NOT_MODIFIERS or (mod or "").endswith("ly"):
            continue
        q = m.span("q")
        org = orgs.get(q)
        if org is None and not (m.group("q") in peoples and not any(a < m.end() and m.start() < b for a, b in taken)):
            continue
        if any(a < m.end() and q[0] < b and (a, b) != q for a, b in taken):
            continue  # another name overlaps the phrase
        name = m.group()
        key = slug(f"{org.entry.key} {mod or ''} {m.group('head')}") if org is not None and org.entry is not None else slug(name)
        out.append((m.start(), m.end(), GazetteerEntry(key, "Organisation", name, (), {"kind": "other"})))
    return out
