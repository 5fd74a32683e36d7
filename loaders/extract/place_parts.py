"""Places inside places and organisations in places, confirmed by the shipped GeoNames data.

:func:`loaders.extract.links.place_links` reads the tight patterns ("Simferopol, Crimea"). Here
the gazetteer says which place lies in which (``places-geonames.json``: a Crimean town's
``in: crimea``, every place's country), so the article only has to put the two side by side:

- "Bakhchysarai in occupied Crimea", "Yalta (Crimea)", "the village of Dubki, Simferopol
  district, Crimea" and "the Crimean city of Sevastopol", "Kyiv, the Ukrainian capital", "the
  Russian city of Rostov-on-Don" -> the town ``PART_OF`` the region or country, when the
  gazetteer agrees (an adjective stands for the region or country the article names);
- a sentence on the sovereignty or territorial integrity of Ukraine, "Ukraine's Crimea",
  "the Ukrainian peninsula of Crimea" -> Crimea ``PART_OF`` Ukraine;
- "the home of X in Bakhchysarai", "the homes of X and Y in the village of Strogonovka",
  "Bakhchysarai resident X", "X, 42, from Simferopol" -> the person ``LOCATED_IN`` the place;
- "the Zheleznodorozhny District Court, in Simferopol", "the Kyivskyi District Court of
  Simferopol", "the Simferopol City Court", "from its headquarters in Kyiv" -> the court,
  agency or office ``LOCATED_IN`` the place (a body with a seat, not a movement or a people).
"""

from __future__ import annotations

import bisect
import json
import re
from functools import cache

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.gazetteer import GAZETTEER_DIR, load_gazetteer
from loaders.extract.mentions import Mention, Sentence

__all__ = ["place_parts", "org_places", "residences", "lies_in"]

_COUNTRY_KEYS = {"UA": "ukraine", "RU": "russia"}
_ADJECTIVES = {"crimean": "crimea", "ukrainian": "ukraine", "russian": "russia", "ukraine’s": "ukraine", "ukraine's": "ukraine",
               "crimea’s": "crimea", "crimea's": "crimea", "russia’s": "russia", "russia's": "russia"}
_SETTLEMENT = r"(?:village|town|city|settlement|port|capital|resort|district|region)"
# "the Crimean city of", "the occupied Crimean town of", "Ukraine's capital": the adjective names the outer place.
_ADJ_RE = re.compile(rf"\b(?P<adj>Crimean|Ukrainian|Russian|(?:Ukraine|Crimea|Russia)(?:’s|'s))\s+(?:(?:port\s+)?{_SETTLEMENT}|"
                     rf"(?:[a-z][\w-]*\s+){{0,2}}{_SETTLEMENT})(?:\s+of)?\s*,?\s*$")
# "Kyiv, the Ukrainian capital", "Sevastopol, a Crimean port city"
_ADJ_AFTER_RE = re.compile(rf",\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<adj>Crimean|Ukrainian|Russian)\s+(?:[a-z][\w-]*\s+)?"
                           rf"{_SETTLEMENT}\b")
# Between a place and the one it lies in: "X, Y", "X (Y)", "X in (occupied) Y", "X, Simferopol district, Y", "X near Y"? no:
# "near" says next to, not inside.
_GAP_RE = re.compile(r"\s*,\s*(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:in|of)\s+)?(?:the\s+)?(?:(?:southern|northern|eastern|western|"
                     r"central|occupied|annexed|Russian-occupied|Russia-occupied)\s+)?|\s*\(\s*|\s+of\s+(?:the\s+)?|\s+in\s+(?:the\s+)?(?:(?:southern|northern|"
                     r"eastern|western|central|occupied|annexed|illegally\s+annexed|Russian-occupied|Russia-occupied|temporarily\s+"
                     r"occupied)\s+)?"
                     # "Simferopol is the capital of Crimea", "Kerch, a port city in eastern Crimea"
                     r"|\s+(?:is|was|remains)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:capital|city|town|village|port|resort|"
                     r"settlement|part|region|district)\s+(?:of|in)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central|"
                     r"occupied|annexed)\s+)?")
_SOVEREIGN_RE = re.compile(r"\b(?:territorial\s+integrity|sovereignty)\b[^.;]{0,60}\bUkraine\b|\bUkraine(?:’s|'s)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:territorial\s+integrity|sovereignty)\b|\bUkraine(?:’s|'s)\s+Crimea|\bUkrainian\s+(?:peninsula|territory|"
                           r"region)\s+of\s+Crimea\b|\bCrimea\s+belongs\s+to\s+Ukraine\b")
# Bodies with a seat; a state or a government "in Crimea" acts there, it does not sit there.
# (A security service or an army "in Crimea" is its branch there, not the body's seat.)
_SEATED = ("court", "agency", "police", "prosecutor")
_ORG_IN_RE = re.compile(r",?\s+(?:(?:based|located|sitting|headquartered)\s+)?in\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$")
_BASED_RE = re.compile(r",?\s+(?:(?:which|that)\s+is\s+|(?:is|was)\s+)?(?:based|headquartered)\s+in\s+(?:the\s+)?"
                       r"(?:(?:city|town)\s+of\s+)?")
_SEAT_RE = re.compile(r"\b(?:headquarters|office|offices|seat|base)\s+in\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)


@cache
def _geo() -> dict[str, tuple[str | None, str | None]]:
    """Every GeoNames spelling -> (the key of the place it lies in, its country key)."""
    data = json.loads((GAZETTEER_DIR / "places-geonames.json").read_text(encoding="utf-8"))
    out: dict[str, tuple[str | None, str | None]] = {}
    for item in data["places"]:
        if item.get("kind") == "country":
            continue
        where = (item.get("in"), _COUNTRY_KEYS.get(item.get("country", "")))
        for n in (item["name"], *(item.get("aliases") or ())):
            out.setdefault(n, where)
    return out


def lies_in(ex: Extraction, inner: str, outer: str) -> bool:
    """Whether the gazetteer puts place ``inner`` (an entity of ``ex``) in place ``outer`` (a key)."""
    e = ex.entities.get(inner)
    if e is None or e.label != "Location":
        return False
    want = outer.split(":", 1)[1]
    if inner == "place:crimea":
        return want == "ukraine"
    geo = _geo()
    # a raion of Crimea: the gazetteer knows the towns of Crimea, not of each raion (the article's words decide)
    raion = want.endswith("-raion") and (ex.entities.get(outer) is not None) and \
        (ex.entities[outer].attributes or {}).get("kind") == "region"
    curated = load_gazetteer().places.get(e.name)
    if curated is not None and curated.part_of is not None and f"place:{curated.key}" == inner and curated.part_of == want:
        return True  # "Bakhchysarai Raion" lies in Crimea (places.yaml)
    for n in (e.name, *e.aliases):
        region, country = geo.get(n, (None, None))
        if want in (region, country) or (region == "crimea" and (want == "ukraine" or raion)):
            return True
    return False


def _sentence_of(sentences: list[Sentence], starts: list[int], pos: int) -> Sentence:
    return sentences[max(0, bisect.bisect_right(starts, pos) - 1)]


def place_parts(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``PART_OF`` between places the article puts side by side and the gazetteer nests."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("PART_OF", "LOCATED_IN")}
    starts = [s.start for s in sentences]

    def add(inner: str, outer: str, sent: Sentence, a: int, b: int, rule: str) -> None:
        if (inner, outer) in have or inner == outer or ex.entities.get(outer) is None or ex.entities[outer].label != "Location":
            return
        have.add((inner, outer))
        ex.claim(inner, "PART_OF", outer, quote_span(text, sent, max(a, sent.start), min(b, sent.end)), 0.65, rule)

    places = [m for m in mentions if m.label == "Location" and m.ref in ex.entities and ex.entities[m.ref].label == "Location"]
    for i, m in enumerate(places):
        sent = _sentence_of(sentences, starts, m.start)
        # side by side: "Bakhchysarai in occupied Crimea", "Dubki, Simferopol district, Crimea"
        for n in places[i + 1:i + 3]:
            if n.start - m.end > 60 or n.start > sent.end:
                break
            gap = text[m.end:n.start]
            mid = [p for p in places if m.end <= p.start and p.end <= n.start]
            if mid:  # "Dubki, Simferopol district, Crimea": the district lies between
                gap = text[m.end:mid[0].start] + " " + text[mid[-1].end:n.start]
                gap = re.sub(r"\s+", " ", gap).replace(" ,", ",")
            if (_GAP_RE.fullmatch(gap) or _GAP_RE.fullmatch(text[m.end:n.start])) and lies_in(ex, m.ref, n.ref):
                add(m.ref, n.ref, sent, m.start, n.end, "place-nested")
        # an adjective for the outer place: "the Crimean city of Sevastopol", "Kyiv, the Ukrainian capital"
        before = text[max(sent.start, m.start - 60):m.start]
        adj = _ADJ_RE.search(before)
        after = _ADJ_AFTER_RE.match(text, m.end)
        for mt, a, b in ((adj, m.start - len(before) + (adj.start() if adj else 0), m.end),
                         (after, m.start, m.end + (after.end() - m.end if after else 0))):
            if mt is None:
                continue
            outer = "place:" + _ADJECTIVES.get(mt.group("adj").lower(), "")
            if lies_in(ex, m.ref, outer):
                add(m.ref, outer, sent, a, b, "place-adjective")
    # Crimea in Ukraine: a sentence on Ukraine's sovereignty or territorial integrity, "Ukraine's Crimea".
    if "place:crimea" in ex.entities and "place:ukraine" in ex.entities:
        for sent in sentences:
            mt = _SOVEREIGN_RE.search(sent.text)
            if mt:
                add("place:crimea", "place:ukraine", sent, sent.start + mt.start(), sent.start + mt.end(), "sovereignty")
                break


def org_places(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``LOCATED_IN`` for a court, agency or office the article puts in a place."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}
    starts = [s.start for s in sentences]
    named = [m for m in mentions if m.label == "Organisation" and (e := ex.entities.get(m.ref)) is not None
             and e.label == "Organisation" and not e.generic]
    orgs = [m for m in named if (ex.entities[m.ref].attributes or {}).get("kind") in _SEATED]
    places = [m for m in mentions if m.label == "Location" and m.ref in ex.entities and ex.entities[m.ref].label == "Location"
              and (ex.entities[m.ref].attributes or {}).get("kind") != "country"]
    pl_starts = [p.start for p in places]
    for o in named:
        sent = _sentence_of(sentences, starts, o.start)
        seated = (ex.entities[o.ref].attributes or {}).get("kind") in _SEATED
        for pl in places[bisect.bisect_left(pl_starts, o.end):bisect.bisect_right(pl_starts, o.end + 40)]:
            if pl.end > sent.end:
                continue
            gap = text[o.end:pl.start]
            # any body "based in" a place sits there; a court, agency or police "in" a place too
            if _BASED_RE.fullmatch(gap) or seated and (_ORG_IN_RE.fullmatch(gap) or re.fullmatch(
                    r"\s+of\s+(?:the\s+)?(?:city\s+of\s+)?", gap) and (ex.entities[o.ref].attributes or {}).get("kind") == "court"):
                if (o.ref, pl.ref) not in have:
                    have.add((o.ref, pl.ref))
                    ex.claim(o.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, o.start, pl.end), 0.65, "org-seat")
            break
    _named_seats(text, sentences, starts, orgs, ex, have)
    # "the Prosecutor's Office ... from its headquarters in Kyiv": the subject's seat.
    for pl in places:
        sent = _sentence_of(sentences, starts, pl.start)
        if not _SEAT_RE.search(text, max(sent.start, pl.start - 40), pl.start):
            continue
        before = [o for o in orgs if sent.start <= o.start and o.end <= pl.start]  # rare: a seat phrase
        if before and (before[0].ref, pl.ref) not in have:
            have.add((before[0].ref, pl.ref))
            ex.claim(before[0].ref, "LOCATED_IN", pl.ref, quote_span(text, sent, before[0].start, pl.end), 0.6, "org-seat")


_HOME_OF_RE = re.compile(r"\b(?:home|homes|house|houses|flat|flats|apartment|apartments|residence|residences)\s+of\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?$",
                         re.IGNORECASE)
_HOME_IN_RE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?(?:(?:village|town|city|settlement)\s+of\s+)?")
_RESIDENT_RE = re.compile(r"\s+(?:residents?|native|natives)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?")
_AGE_FROM_RE = re.compile(r"\s*,\s*(?:\d{2}\s*,\s*)?(?:from|of)\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?")


def residences(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``LOCATED_IN`` from a person to the place of their home the sentence names."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}
    starts = [s.start for s in sentences]
    people = [m for m in mentions if m.label == "Person" and m.ref in ex.entities and ex.entities[m.ref].label == "Person"]
    places = [m for m in mentions if m.label == "Location" and m.ref in ex.entities and ex.entities[m.ref].label == "Location"
              and (ex.entities[m.ref].attributes or {}).get("kind") not in ("country", "region", "facility")]
    by_start = {m.start: m for m in places}

    def add(ref: str, pl: Mention, sent: Sentence, a: int, b: int) -> None:
        if (ref, pl.ref) not in have:
            have.add((ref, pl.ref))
            ex.claim(ref, "LOCATED_IN", pl.ref, quote_span(text, sent, max(a, sent.start), min(b, sent.end)), 0.6, "home-place")

    for i, p in enumerate(people):
        sent = _sentence_of(sentences, starts, p.start)
        # "the homes of X and Y in Strogonovka": the people named together after "homes of"
        if _HOME_OF_RE.search(text, max(sent.start, p.start - 30), p.start):
            group, last = [p], p
            for q in people[i + 1:]:
                if re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[last.end:q.start]):
                    group.append(q)
                    last = q
                else:
                    break
            mt = _HOME_IN_RE.match(text, last.end)
            pl = by_start.get(mt.end()) if mt else None
            if pl is not None:
                for q in group:
                    add(q.ref, pl, sent, p.start - 12, pl.end)
        mt = _AGE_FROM_RE.match(text, p.end)
        pl = by_start.get(mt.end()) if mt and re.search(r"\d", mt.group()) else None
        if pl is not None:
            add(p.ref, pl, sent, p.start, pl.end)
    by_person = {q.start: q for q in people}
    for pl in places:
        mt = _RESIDENT_RE.match(text, pl.end)
        p = by_person.get(mt.end()) if mt else None
        if p is not None:
            add(p.ref, pl, _sentence_of(sentences, starts, pl.start), pl.start, p.end)


def _named_seats(text: str, sentences: list[Sentence], starts: list[int], orgs: list[Mention], ex: Extraction,
                 have: set[tuple[str, str]]) -> None:
    """A court whose name says where it sits: "Supreme Court of Crimea", "Court of Simferopol", "Dzhankoi City
    Court", "Bakhchysarai District Court" (a Crimean town's district court), when the article names that place."""
    places = {n: k for k, e in ex.entities.items() if e.label == "Location"
              and (e.attributes or {}).get("kind") not in ("country", "facility") for n in (e.name, *e.aliases)}
    for o in orgs:
        e = ex.entities[o.ref]
        if (e.attributes or {}).get("kind") != "court":
            continue
        for name in dict.fromkeys((e.name, o.text)):
            mt = re.search(r"\b(?:of|in)\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)$", name)
            ref = places.get(mt.group("place")) if mt else None
            if ref is None:
                mt = re.match(r"(?P<place>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)\s+(?:(?P<city>City|Town|Garrison|Military)|District)\b", name)
                ref = places.get(mt.group("place")) if mt else None
                if ref is not None and not mt.group("city") and not lies_in(ex, ref, "place:crimea"):
                    ref = None  # "Kyiv District Court": the Kyivskyi district of Simferopol, not the city of Kyiv
            if ref is not None and (o.ref, ref) not in have:
                have.add((o.ref, ref))
                sent = _sentence_of(sentences, starts, o.start)
                ex.claim(o.ref, "LOCATED_IN", ref, quote_span(text, sent, o.start, o.end), 0.6, "court-name")
                break


# The word that makes a name a unit of a larger body: "FSB Department", "Main Investigative Directorate of the ...".
_UNIT_RE = re.compile(r"\b(?:Department|Directorate|Division|Branch|Unit|Delegation|Administration|Centre|Center|Office|Service|"
                      r"Bureau|Section)\b")


def sub_organisations(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``PART_OF`` from a unit to the body its name names: "FSB Department" (the FSB's department),
    "Main Investigative Directorate of the Investigative Committee", "UK Delegation to the OSCE"
    (the UK's delegation: the body before the unit word, or after "of", never after "to")."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    starts = [s.start for s in sentences]
    names: dict[str, str] = {}
    for key, e in ex.entities.items():
        if e.label == "Organisation" and not e.generic:
            for n in (e.name, *e.aliases):
                names.setdefault(n, key)
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.label == "Organisation" and m.ref in names.values():
            first.setdefault(m.ref, m)
    for key, m in first.items():
        e = ex.entities[key]
        for name in dict.fromkeys((e.name, m.text)):
            unit = _UNIT_RE.search(name)
            if unit is None:
                continue
            head, tail = name[:unit.start()].strip(), name[unit.end():]
            of = re.match(r"\s+of\s+(?:the\s+)?(.+)$", tail)
            parent = names.get(head) if head else None
            parent = parent or (names.get(of.group(1).strip()) if of else None)
            if parent is None or parent == key or (key, parent) in have:
                continue
            have.add((key, parent))
            sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
            ex.claim(key, "PART_OF", parent, quote_span(text, sent, m.start, m.end), 0.6, "sub-organisation")
            break
