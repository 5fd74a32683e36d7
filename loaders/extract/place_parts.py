"""Places inside places, confirmed by the shipped GeoNames data, and people's home places.

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
  "Bakhchysarai resident X", "X, 42, from Simferopol" -> the person ``LOCATED_IN`` the place.

Where organisations sit is :mod:`loaders.extract.org_seats`.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import cache

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.gazetteer import GAZETTEER_DIR, load_gazetteer
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.org_names import group_assembly
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["place_parts", "residences", "lies_in"]

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
# Between a place and the one it lies in: "X, Y", "X, in southern Y", "X (Y)", "X in (occupied) Y", "X, Simferopol district, Y", "X near Y"? no:
# "near" says next to, not inside.
_GAP_RE = re.compile(r"\s*,\s*(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:in|of)\s+|in\s+)?(?:the\s+)?(?:(?:southern|northern|eastern|western|"
                     r"central|occupied|annexed|Russian-occupied|Russia-occupied)\s+)?|\s*\(\s*|\s+of\s+(?:the\s+)?|\s+in\s+(?:the\s+)?(?:(?:southern|northern|"
                     r"eastern|western|central|occupied|annexed|illegally\s+annexed|Russian-occupied|Russia-occupied|temporarily\s+"
                     r"occupied)\s+)?"
                     # "Simferopol is the capital of Crimea", "Kerch, a port city in eastern Crimea"
                     r"|\s+(?:is|was|remains)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:capital|city|town|village|port|resort|"
                     r"settlement|part|region|district)\s+(?:of|in)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central|"
                     r"occupied|annexed)\s+)?")
# Crimea placed in Ukraine by the words (round-12 convention 5b: "where the text places the place in Ukraine", never
# by default): "Ukraine's Crimea", "the Ukrainian peninsula of Crimea", "Crimea belongs to / is Ukraine", "annexed Crimea
# from Ukraine", and an annexation of Crimea not recognised ("the EU does not, and will not, recognise the illegal
# annexation of the Crimean peninsula"; a story's "illegally annexed Crimea" is not a position).
_SOVEREIGN_RE = re.compile(r"\bUkraine(?:’s|'s)\s+Crimea|\bUkrainian\s+(?:Black\s+Sea\s+)?(?:peninsula|territory|"
                           r"region)\s+of\s+Crimea\b|\bCrimea\s+belongs\s+to\s+Ukraine\b"
                           r"|\b(?:non-?recognition|not,?(?:\s+and\s+will\s+not,?)?\s+recogni[sz]e|never\s+recogni[sz]e|refuses?\s+to\s+recogni[sz]e)\b[^.;]{0,60}?\bannex[^.;]{0,40}?\bCrimea"
                           r"|\bCrimea\s+is\s+Ukraine\b"
                           # "Crimea, illegally annexed from Ukraine by Russia", "Russia annexed Crimea from Ukraine"
                           r"|\bannex\w*\s+(?:(?:the\s+)?(?:Crimean\s+peninsula|Crimea)\s+)?from\s+Ukraine\b"
                           # "does not recognise the enforcement of Russian legislation in Crimea"
                           r"|\b(?:non-?recognition|not,?(?:\s+and\s+will\s+not,?)?\s+recogni[sz]e|never\s+recogni[sz]e)\b[^.;]{0,80}?\bCrimea\b")
# Ukraine's sovereignty or territorial integrity places Crimea in Ukraine only in a sentence that names Crimea too ("three
# years on from the illegal annexation of Crimea ..., the EU remains committed to Ukraine's sovereignty"): support for
# the integrity of Ukraine alone ("must be respected", "his support of the territorial integrity of Ukraine"), "the
# occupied territories of Ukraine" and "the annexation ... a violation of international law" do not say where Crimea
# lies (dev4, dev5, dev7: 5 claims of 7 such were not the annotators').
_INTEGRITY_RE = re.compile(r"\b(?:territorial\s+integrity|sovereignty)\b[^.;]{0,60}\bUkraine\b|\bUkraine(?:’s|'s)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:territorial\s+integrity|sovereignty)\b")
_CRIMEA_WORD_RE = re.compile(r"\bCrimea\b|\bCrimean\s+[Pp]eninsula\b")

_SETTLEMENT_OF_RE = re.compile(r"\b(?:village|town|city|settlement|hamlet|township)\s+of\s+$", re.IGNORECASE)
_IN_RE = re.compile(r"\s+in\s+(?:the\s+)?")
_IN_PARTICULAR_RE = re.compile(r",\s+(?:(?:in\s+particular|particularly|especially|notably|including)?\s*in|including)\s+(?:the\s+)?"
                               r"(?:(?:city|town|village|region|republic)\s+of\s+)?")
_CRIMEA_SEV_RE = re.compile(r"\bCrimea\s+and\s+(?:the\s+)?(?:[Cc]ity\s+of\s+)?Sevastopol\b")
# "Simferopol, the capital", "X, the regional capital"; "the (occupied) region’s capital X", "the peninsula's capital, X"
# Crimea and Sevastopol placed in Ukraine together (round-12 convention 5b: only where the words say so):
# "the Autonomous Republic of Crimea and the city of Sevastopol (Ukraine)", "..., Ukraine", "Ukraine's Autonomous
# Republic of Crimea and the city of Sevastopol", "the territory of Ukraine, including Crimea and Sevastopol",
# "part of the territory of Ukraine – the Autonomous Republic of Crimea and the city of Sevastopol".
_PAIR = r"(?:(?:(?:the\s+)?Autonomous\s+Republic\s+of\s+)?Crimea\s+and\s+(?:the\s+)?(?:[Cc]ity\s+of\s+)?Sevastopol)\b"
_PAIR_IN_UKRAINE_RE = re.compile(rf"{_PAIR}(?:\s*\(\s*Ukraine\s*\)|,\s*Ukraine\b)|\bUkraine(?:’s|'s)\s+{_PAIR}"
                                 rf"|\bterritory\s+of\s+Ukraine(?:\s*,?\s+including|\s*[–—:-])\s+(?:the\s+)?{_PAIR}")
_CAPITAL_AFTER_RE = re.compile(r",\s+the\s+(?:regional\s+|administrative\s+)?capital\b(?!\s+of\b)")
_CAPITAL_BEFORE_RE = re.compile(r"\bthe\s+(?:(?:occupied|annexed)\s+)?(?:region|peninsula)(?:’s|'s)\s+capital,?\s+$")
_RUSSIA_RE = Prefiltered(re.compile(r"\bRussia\b|\bRussian\s+Federation\b"))


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
    raion = want.endswith("-district") and (ex.entities.get(outer) is not None) and \
        (ex.entities[outer].attributes or {}).get("kind") == "region"
    curated = load_gazetteer().places.get(e.name)
    if curated is not None and curated.part_of is not None and f"place:{curated.key}" == inner and curated.part_of == want:
        return True  # "Bakhchysarai Raion" lies in Crimea (places.yaml)
    for n in (e.name, *e.aliases):
        region, country = geo.get(n, (None, None))
        if want in (region, country) or (region == "crimea" and (want == "ukraine" or raion)):
            return True
    return False


_RANKS = {"country": 4, "region": 3, "city": 2, "town": 2, "village": 1, "facility": 0}


def _rank(ex: Extraction, ref: str) -> int:
    """How large a place is by its kind (a country holds regions, a region towns); 1 when unknown."""
    return _RANKS.get((ex.entities[ref].attributes or {}).get("kind", ""), 1)


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
        # the region's capital unnamed: "Simferopol, the regional capital", "the occupied region’s capital Simferopol"
        # (the article's Crimea, where the gazetteer puts the town)
        capital = _CAPITAL_AFTER_RE.match(text, m.end) or _CAPITAL_BEFORE_RE.search(text, max(sent.start, m.start - 50), m.start)
        if capital is not None and "place:crimea" in ex.entities and lies_in(ex, m.ref, "place:crimea"):
            add(m.ref, "place:crimea", sent, min(m.start, capital.start()), max(m.end, capital.end()), "place-capital")
    # The words alone nest the places: "the village of Dubki in Simferopol district", "in Uzbekistan, in the city of
    # Navoiy", "in Russia, in particular in Chechnya" (no gazetteer needed).
    for m, n in zip(places, places[1:], strict=False):
        sent = _sentence_of(sentences, starts, m.start)
        if n.end > sent.end or n.ref == m.ref:
            continue
        gap = text[m.end:n.start]
        if _SETTLEMENT_OF_RE.search(text, max(sent.start, m.start - 40), m.start) and _IN_RE.fullmatch(gap):
            add(m.ref, n.ref, sent, m.start - 20, n.end, "place-village-of")
        elif _IN_PARTICULAR_RE.fullmatch(gap) and re.search(r"\bin\s+(?:the\s+)?$", text[max(sent.start, m.start - 12):m.start]) \
                and _rank(ex, m.ref) > _rank(ex, n.ref):
            add(n.ref, m.ref, sent, m.start, n.end, "place-in-particular")
    # A town of Russia named in a sentence that names Russia too, as a place or as the state ("Russia must cancel
    # plans to try him ... in Rostov-on-Don"): monitors record where in Russia a Crimean prisoner is tried or held.
    # A town alone ("a court in Moscow", Russia named in another sentence) is told as a town, not as a part of Russia.
    if "place:russia" in ex.entities:
        for ref in dict.fromkeys(m.ref for m in places):
            if ref == "place:russia" or (ref, "place:russia") in have or not lies_in(ex, ref, "place:russia"):
                continue
            for m in (m for m in places if m.ref == ref):
                sent = _sentence_of(sentences, starts, m.start)
                word = min(_RUSSIA_RE.finditer(sent.text), key=lambda w: abs(sent.start + w.start() - m.start), default=None)
                if word is not None:
                    a, b = sent.start + word.start(), sent.start + word.end()
                    add(ref, "place:russia", sent, min(a, m.start), max(b, m.end), "place-in-russia")
                    break
    # Crimea in Ukraine: a sentence on Ukraine's sovereignty or territorial integrity, "Ukraine's Crimea".
    if "place:crimea" in ex.entities and "place:ukraine" in ex.entities:
        for sent in sentences:
            mt = _SOVEREIGN_RE.search(sent.text)
            if mt is None and _CRIMEA_WORD_RE.search(sent.text):
                mt = _INTEGRITY_RE.search(sent.text)
            if mt:
                add("place:crimea", "place:ukraine", sent, sent.start + mt.start(), sent.start + mt.end(), "sovereignty")
                break
    # "the Crimean capital Simferopol in Ukraine": monitors record that Crimea lies in Ukraine, not each of its towns
    # (Sevastopol, a city of its own status, excepted).
    # A sentence that says so in words ("Yalta, a city the world recognizes as part of Ukraine") is kept.
    # An article that never names Crimea keeps the town in Ukraine ("Simferopol, Ukraine" in a dateline).
    moved = [c for c in ex.claims if "place:crimea" in ex.entities and c.predicate == "PART_OF" and c.object == "place:ukraine"
             and c.subject not in ("place:crimea", "place:sevastopol") and not re.search(r"\bpart\s+of\b", text[c.span[0]:c.span[1]])
             and lies_in(ex, c.subject, "place:crimea")]
    if moved:
        ex.claims[:] = [c for c in ex.claims if not any(c is m for m in moved)]
        if "place:crimea" in ex.entities and ("place:crimea", "place:ukraine") not in have:
            have.add(("place:crimea", "place:ukraine"))
            ex.claim("place:crimea", "PART_OF", "place:ukraine", moved[0].span, 0.6, "crimea-town-in-ukraine")
    # Sevastopol named with Crimea ("the Autonomous Republic of Crimea and the city of Sevastopol (Ukraine)", "the
    # annexation of Crimea and Sevastopol"): the annotators of the later splits give the words about Ukraine to Crimea,
    # not to the city too (dev4, dev5, valid: 10 of 15 such claims were not theirs).
    with_crimea = [c for c in ex.claims if c.predicate == "PART_OF" and c.subject == "place:sevastopol"
                   and c.object == "place:ukraine" and _CRIMEA_SEV_RE.search(text, *c.span)]
    if with_crimea:
        ex.claims[:] = [c for c in ex.claims if not any(c is w for w in with_crimea)]
        if "place:crimea" in ex.entities and not any(c.predicate == "PART_OF" and c.subject == "place:crimea"
                                                     and c.object == "place:ukraine" for c in ex.claims):
            w = with_crimea[0]
            ex.claim("place:crimea", "PART_OF", "place:ukraine", w.span, w.confidence, "crimea-and-sevastopol")
    # ... unless the words place the two in Ukraine together: "Crimea and the city of Sevastopol (Ukraine)".
    if "place:sevastopol" in ex.entities:
        for sent in sentences:
            pair = _PAIR_IN_UKRAINE_RE.search(sent.text) if "Sevastopol" in sent.text else None
            if pair is not None:
                if "place:ukraine" not in ex.entities:  # "Ukraine’s Crimea and Sevastopol": the country the words name
                    country = load_gazetteer().places.get("Ukraine")
                    if country is None:
                        break
                    ex.entity("place:ukraine", country.label, country.name, **country.attributes)
                a, b = sent.start + pair.start(), sent.start + pair.end()
                for ref in ("place:crimea", "place:sevastopol"):
                    if ref in ex.entities and not any(c.predicate == "PART_OF" and c.subject == ref and c.object == "place:ukraine"
                                                      for c in ex.claims):
                        ex.claim(ref, "PART_OF", "place:ukraine", quote_span(text, sent, a, b), 0.65, "crimea-sevastopol-in-ukraine")


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
    _held_places(text, sentences, starts, people, mentions, ex, have)
    _signatories(text, sentences, starts, people, mentions, ex, have)
    _born_in(text, sentences, starts, people, mentions, ex, have)
    _family_moves(text, sentences, starts, people, mentions, ex, have)
    by_person = {q.start: q for q in people}
    for pl in places:
        mt = _RESIDENT_RE.match(text, pl.end)
        resident = by_person.get(mt.end()) if mt else None
        if resident is not None:
            add(resident.ref, pl, _sentence_of(sentences, starts, pl.start), pl.start, resident.end)


# A parliamentary list of members: "Mr Axel FISCHER, Germany, EPP/CD ;", "Thorhildur Sunna Ævarsdóttir (Iceland, SOC)".
_SIGNATORY_RE = re.compile(r"(?P<sep>,\s*|\s*\(\s*)(?P<country>[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3})"
                           r"(?:\s*,\s*(?P<group>[A-Z][A-Z&-]{0,9}(?:/[A-Z][A-Za-z&-]{0,8})?))?\s*(?P<end>\)|;|\n|$)")
# The assembly whose members such a list names.
_ASSEMBLY_RE = re.compile(r"^(?:Parliamentary\s+Assembly(?:\s+of\s+the\s+Council\s+of\s+Europe)?|PACE|European\s+Parliament)$")


def _signatories(text: str, sentences: list[Sentence], starts: list[int], people: list[Mention], mentions: list[Mention],
                 ex: Extraction, have: set[tuple[str, str]]) -> None:
    """Each member a parliamentary list names with their country ("Mr X, Germany, EPP/CD ;", "X (Iceland, SOC)")
    is ``LOCATED_IN`` that country (the one they represent), the country's entity added if the article has none."""
    gaz = load_gazetteer()
    assembly = next((k for k, e in ex.entities.items() if e.label == "Organisation" and any(_ASSEMBLY_RE.match(n) for n in (e.name, *e.aliases))),
                    None) or group_assembly(text, sentences, mentions, ex)  # (its groups name it: org_names.py)
    for p in people:
        mt = _SIGNATORY_RE.match(text, p.end)
        if mt is None or (mt.group("sep").strip() == "(") != (mt.group("end") == ")"):
            continue
        name = mt.group("country")
        entry = gaz.lookup(name) or gaz.places.get(name)
        if entry is None or entry.label != "Location" or (entry.attributes or {}).get("kind") != "country":
            continue
        ref = next((k for k, e in ex.entities.items() if e.label == "Location" and name in (e.name, *e.aliases)), f"place:{entry.key}")
        if ref not in ex.entities:
            ex.entity(ref, "Location", entry.name, **entry.attributes)
        sent = _sentence_of(sentences, starts, p.start)
        span = quote_span(text, sent, max(p.start, sent.start), min(mt.end(), sent.end))
        if (p.ref, ref) not in have:
            have.add((p.ref, ref))
            ex.claim(p.ref, "LOCATED_IN", ref, span, 0.6, "signatory-country")
        # and a member of the assembly and of the political group the list names
        if mt.group("group"):
            code = mt.group("group")
            known = gaz.lookup(code)  # a group the gazetteer lists ("EPP/CD") keeps its key
            group = f"org:{known.key}" if known is not None and known.label == "Organisation" else \
                f"org:pace-{code.lower().replace('/', '-').replace('&', 'and')}-group"
            if group not in ex.entities:
                ex.entity(group, "Organisation", code, kind="party")
            ex.claim(p.ref, "MEMBER_OF", group, span, 0.6, "signatory-group")
        if assembly is not None:
            ex.claim(p.ref, "MEMBER_OF", assembly, span, 0.55, "signatory-assembly", role="member")


# "X was born in Novorossiysk", "X, born on 27 April 1980 in the city of Navoiy"
_BORN_RE = re.compile(r"(?:\s*,)?\s+(?:was\s+)?born\s+(?:on\s+)?(?:[\w\s,]{0,30}?\s)?in\s+(?:(?:the\s+)?(?:city|town|village)\s+of\s+)?$"
                      # "X moved to Kyiv in May 2014", "X and Y arrived in Kyiv"
                      r"|\s+(?:later\s+|then\s+|eventually\s+|has\s+|had\s+)?(?:moved|relocated|fled|emigrated|returned|arrived)\s+"
                      r"(?:back\s+)?(?:to|in)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$")


def _born_in(text: str, sentences: list[Sentence], starts: list[int], people: list[Mention], mentions: list[Mention],
             ex: Extraction, have: set[tuple[str, str]]) -> None:
    """A person's birthplace or new home: "X was born in Novorossiysk on 26 June 1976", "X moved to Kyiv in
    May 2014" -> ``LOCATED_IN`` it."""
    places = [m for m in mentions if m.label == "Location" and m.ref in ex.entities and ex.entities[m.ref].label == "Location"]
    pl_starts = [m.start for m in places]
    for p in people:
        i = bisect.bisect_right(pl_starts, p.end)
        if i >= len(places) or places[i].start - p.end > 70:
            continue
        sent, pl = _sentence_of(sentences, starts, p.start), places[i]
        if pl.end <= sent.end and _BORN_RE.fullmatch(text, p.end, pl.start) and (p.ref, pl.ref) not in have:
            have.add((p.ref, pl.ref))
            ex.claim(p.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, p.start, pl.end), 0.6, "birthplace")


# "He is currently being held in a temporary detention facility in Simferopol": where a person is held.
# (an adverb of the present may open it: "Presently, she remains incarcerated in the Lefortovo pre-trial detention centre")
_HELD_RE = re.compile(r"(?:(?:Presently|Currently|At\s+present|Now|Today|Since\s+then),\s+)?(?:He|he|She|she)\s+"
                      r"(?:is|was|has\s+been|had\s+been|remains|remained)\s+(?:currently\s+|now\s+|still\s+)?"
                      r"(?:being\s+)?(?:held|detained|kept|imprisoned|jailed|incarcerated)\s+(?:in|at)\s+(?:(?:the|a|an)\s+)?")
# The person named right before a state of custody: "X, has been detained in Simferopol since his detention",
# "X remains incarcerated in ...", "X is being held in ..." (not "X was detained in P": an act, placed as an event).
_NAME_HELD_RE = re.compile(r",?\s+(?:is\s+(?:currently\s+|now\s+|still\s+)?(?:being\s+)?|remains\s+|has\s+(?:since\s+)?been\s+)"
                           r"(?:held|detained|kept|imprisoned|jailed|incarcerated)\s+(?:in|at)\s+(?:(?:the|a|an)\s+)?")
# "has been detained in Simferopol since ...": the perfect of a state, told with how long it has lasted
_SINCE_RE = re.compile(r"\s+(?:since|for\s+(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?(?:\d|a|an|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten)\b)")
# A town's name that opens a facility's ("the Lefortovo pre-trial detention centre"): the facility, not the town.
_FACILITY_AFTER_RE = re.compile(r"\s+(?:(?:pre-?trial|temporary|remand)\s+)?(?:detention|prison|penal|colony|jail|SIZO|isolation)\b", re.IGNORECASE)
# "the family moved to Crimea", "His family returned to Crimea": a biography's person moved with their family
_FAMILY_RE = Prefiltered(re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er)\s+family\s+(?:later\s+|then\s+|eventually\s+)?(?:moved|relocated|returned|settled)\s+"
                        r"(?:back\s+)?(?:to|in)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?"))


def _held_places(text: str, sentences: list[Sentence], starts: list[int], people: list[Mention], mentions: list[Mention],
                 ex: Extraction, have: set[tuple[str, str]]) -> None:
    """A sentence that opens with "He/She is held in PLACE" puts the person the article named last, in this
    paragraph or the one before, in that place (a detention facility, a town)."""
    places = {m.start: m for m in mentions if m.label == "Location" and m.ref in ex.entities and ex.entities[m.ref].label == "Location"
              and (ex.entities[m.ref].attributes or {}).get("kind") != "country"}
    p_starts = [q.start for q in people]
    for sent in sentences:
        mt = _HELD_RE.match(text, sent.start)
        pl = places.get(mt.end()) if mt else None
        if mt is None or pl is None or pl.end > sent.end or _FACILITY_AFTER_RE.match(text, pl.end):
            continue
        i = bisect.bisect_left(p_starts, sent.start) - 1
        if i < 0 or text.count("\n\n", people[i].end, sent.start) > 1:
            continue
        who = people[i]
        if (who.ref, pl.ref) not in have:
            have.add((who.ref, pl.ref))
            ex.claim(who.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, sent.start, pl.end), 0.55, "held-in")
    for p in people:
        mt = _NAME_HELD_RE.match(text, p.end)
        pl = places.get(mt.end()) if mt else None
        if mt is None or pl is None:
            continue
        sent = _sentence_of(sentences, starts, p.start)
        if pl.end > sent.end or _FACILITY_AFTER_RE.match(text, pl.end) or (
                mt.group().lstrip(", ").startswith("has") and not _SINCE_RE.match(text, pl.end)):
            continue
        if (p.ref, pl.ref) not in have:
            have.add((p.ref, pl.ref))
            ex.claim(p.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, p.start, pl.end), 0.55, "held-in")


def _family_moves(text: str, sentences: list[Sentence], starts: list[int], people: list[Mention], mentions: list[Mention],
                  ex: Extraction, have: set[tuple[str, str]]) -> None:
    """A biography's "the family moved to P" puts the person the article named last, in this paragraph or the
    one before, in P ("Kuku was born in Novorossiysk. In 1993, the family moved to Crimea."); not when the
    sentence goes on to say where in P ("His family returned to Crimea where he lived in Bakhchysarai")."""
    places = {m.start: m for m in mentions if m.label == "Location" and m.ref in ex.entities and ex.entities[m.ref].label == "Location"
              and (ex.entities[m.ref].attributes or {}).get("kind") not in ("country", "facility")}
    p_starts = [q.start for q in people]
    for mt in _FAMILY_RE.finditer(text):
        pl = places.get(mt.end())
        if pl is None:
            continue
        sent = _sentence_of(sentences, starts, mt.start())
        if pl.end > sent.end or re.match(r",?\s+where\b", text[pl.end:pl.end + 10]):
            continue
        i = bisect.bisect_left(p_starts, mt.start()) - 1
        if i < 0 or text.count("\n\n", people[i].end, sent.start) > 1:
            continue
        who = people[i]
        if (who.ref, pl.ref) not in have:
            have.add((who.ref, pl.ref))
            ex.claim(who.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, mt.start(), pl.end), 0.55, "family-moved")
