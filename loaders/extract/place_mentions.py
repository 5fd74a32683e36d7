"""Passes over place mentions: a compass point or a territorial word that names a region of its
own ("Eastern Siberia", "Kherson region"), and a country or seat of power that acts, which is its
government (applied by :func:`loaders.extract.entries.find_entries`)."""

from __future__ import annotations

import re

from loaders.extract.countries import agent_of_act, bare_country, country_reading, state_by_office
from loaders.extract.gazetteer import Gazetteer, GazetteerEntry, slug
from loaders.extract.mention_types import Mention
from loaders.extract.orgs import government_key

__all__ = ["compass_regions", "territories", "qualifying_places", "countries_as_actors", "seats_as_states", "datelines"]


# A press release's dateline: the town in capitals at the head of a paragraph, then a comma (and a
# date) or a dash ("VIENNA – ...", "KYIV, 19 September 2014 – ..."), or a wire's name in parentheses ("MOSCOW (Reuters) –",
# round 16, audit16b: the agency's dateline, never an acronym of the agency)
_DATELINE_RE = re.compile(r"^(?P<town>[A-Z][A-Z’'\-]+(?: [A-Z][A-Z’'\-]+){0,2})(?=,| [–—-] | \([A-Z][\w ]+\) [–—-] )", re.M)


def datelines(text: str, gaz: Gazetteer) -> list[tuple[int, int, GazetteerEntry]]:
    """The places of the article's datelines: the capitals read as the place's name, never an acronym."""
    out = []
    for m in _DATELINE_RE.finditer(text):
        town = " ".join("-".join(p.capitalize() for p in w.split("-")) for w in m.group("town").split())
        entry = gaz.places.get(town)
        if entry is not None and entry.label == "Location":
            out.append((m.start(), m.end(), entry))
    return out


# Capitalised, the compass point is part of a proper name ("Eastern Siberia", "Northern Ireland");
# in lower case it only says where in the place ("southern Crimea" is Crimea).
_COMPASS_RE = re.compile(r"\b(?:Eastern|Western|Northern|Southern|Central|North-?Eastern|South-?Eastern|North-?Western|"
                         r"South-?Western) $")


_COMPASS_LOWER_RE = re.compile(r"\b(?:eastern|western|northern|southern|north-?eastern|south-?eastern|north-?western|"
                               r"south-?western) $")


def compass_regions(mentions: list[Mention], text: str) -> list[Mention]:
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
# "the region of Kherson", "the Oblast of Donetsk": the territorial word in front of the town.
_TERRITORY_BEFORE_RE = re.compile(r"\b(?P<word>(?i:region|oblast|krai|kray|province|district|raion|rayon)) of (?:the )?$")


# A town's name at the head of a treaty's or an accord's title ("the Minsk Agreements", "the Helsinki
# Final Act", "the Geneva Conventions"): the document, not the town (dev4, dev5: the annotators left
# the town out). The lower-case "the Minsk agreements" is the gazetteer cues' place_attributive.
_DOCUMENT_AFTER_RE = re.compile(r" (?:Final Act|Agreements?|Accords?|Conventions?|Protocols?|Memorandum|Statute)\b")
# A sea's name that qualifies a land or an area ("the Ukrainian Black Sea peninsula of Crimea", "the
# Black Sea region"): a description, not the sea as a place of the story (dev4, valid).
_SEA_QUALIFIES_RE = re.compile(r" (?:peninsula|region|coast|coastline|basin|area)\b")


def qualifying_places(mentions: list[Mention], text: str) -> list[Mention]:
    """Drop the place mentions that only qualify something else: a town heading a treaty's title, a
    sea qualifying a land or an area (see the patterns above)."""
    out = []
    for m in mentions:
        e = m.entry
        if e is not None and e.label == "Location":
            kind = e.attributes.get("kind")
            if kind not in ("country", "region", "facility", "other") and _DOCUMENT_AFTER_RE.match(text, m.end):
                continue
            if kind == "other" and m.text.endswith("Sea") and _SEA_QUALIFIES_RE.match(text, m.end):
                continue
        out.append(m)
    return out


def territories(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """"Kherson region": the region of a city is a region of its own, not the city ("the Kherson
    and Zaporizhzhia regions": both). The places that only qualify a title or a land go first
    (:func:`qualifying_places`)."""
    out: list[Mention] = []
    for m in sorted(qualifying_places(mentions, text), key=lambda m: m.start):
        e = m.entry
        after = _TERRITORY_RE.match(text, m.end)
        before = _TERRITORY_BEFORE_RE.search(text, max(0, m.start - 24), m.start) if after is None else None
        if e is None or e.label != "Location" or e.attributes.get("kind") in ("country", "region", "facility") \
                or (after is None and before is None):
            out.append(m)
            continue
        if before is not None:  # "the region of Kherson": the region "Kherson region" names, under the town's word
            word = before.group("word").lower()
            suffix = "district" if word in _DISTRICT_WORDS else "region"
            area = _territory(m, f"{m.text} {word}", m.end, suffix, gaz)
            out.append(Mention(m.start, m.end, m.text, "Location", area.ref, area.entry))
            continue
        assert after is not None
        word = after.group("word").lower()
        suffix = "district" if word in _DISTRICT_WORDS else "region"
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


_REGIONS: dict[int, dict[str, GazetteerEntry]] = {}


def _regions_by_key(gaz: Gazetteer) -> dict[str, GazetteerEntry]:
    """The gazetteer's curated regions by key (built once per gazetteer)."""
    got = _REGIONS.get(id(gaz))
    if got is None:
        got = _REGIONS[id(gaz)] = {e.key: e for e in gaz.entries
                                   if e.label == "Location" and e.attributes.get("kind") == "region"}
    return got


def _territory(m: Mention, name: str, end: int, suffix: str, gaz: Gazetteer) -> Mention:
    e = m.entry
    assert e is not None
    known = gaz.places.get(name)
    if known is None and suffix == "region":
        # "Zaporizhzhya Oblast", "Mykolayiv region": a spelling the region's entry lacks, of a city
        # whose key is the region's own ("zaporizhzhia" -> "zaporizhzhia-oblast"): that region, one key.
        regions = _regions_by_key(gaz)
        known = next((regions[k] for k in (f"{e.key}-oblast", f"{e.key}-krai") if k in regions), None)
    if known is not None and known.attributes.get("kind") == "region":
        return Mention(m.start, end, name, "Location", f"place:{known.key}", known)  # "Kherson region": Kherson Oblast
    area = GazetteerEntry(f"{e.key}-{suffix}", "Location", name, (), {"kind": "region"}, part_of=e.part_of)
    return Mention(m.start, end, name, "Location", f"place:{area.key}", area)


# A country that acts is its state, keyed by the country's own key (orgs.government_key).
def countries_as_actors(mentions: list[Mention], text: str) -> list[Mention]:
    """A country that acts is its government (an Organisation); one named as a land is a place.

    A mention that does not settle it ("annexed by Russia", "Russia's annexation") follows the
    article's clear mentions of that country: the state where the article has it act, else the
    place. With no clear mention, a possessive that has the country do something ("Russia's
    attempted annexation", "Russia's banning of the Mejlis") makes all of them the state: the
    annotators of dev3, dev4 and valid recorded the state there (4 articles), dev's left it out (2).
    A country that owns an office is its state ("the UK Minister for
    Europe": :func:`loaders.extract.countries.state_by_office`); a bare one ("sanctions on Russia")
    is the place; any other gives no entity.
    """
    readings = {}
    clear: dict[str, set[bool]] = {}
    acting: set[str] = set()
    places_at = {m.start for m in mentions if m.label == "Location"}
    for i, m in enumerate(mentions):
        entry = m.entry
        if entry is None or entry.label != "Location" or entry.attributes.get("kind") != "country":
            continue
        acts, sure = country_reading(text, m.start, m.end)
        if not sure and _possessive_of_place(m, text, places_at):
            acts, sure = False, True  # "Ukraine’s Crimea", "Ukraine’s Luhansk and Donetsk oblasts": the land they are in
        readings[i] = (acts, sure)
        if sure:
            clear.setdefault(entry.key, set()).add(acts)
        elif agent_of_act(text, m.start, m.end):
            acting.add(entry.key)
    # With no clear mention, an unsure one that has the country act ("Russia's attempted
    # annexation") leans the article to the state: its other unsure mentions follow.
    leaning = acting - set(clear)
    out = list(mentions)
    drop = set()
    for i, (acts, sure) in readings.items():
        m = out[i]
        assert m.entry is not None
        if not sure:
            if m.entry.key in leaning:
                out[i] = _as_government(m)
                continue
            if m.entry.key not in clear:
                if state_by_office(text, m.start, m.end):
                    out[i] = _as_government(m)
                elif not bare_country(text, m.start, m.end):
                    drop.add(i)
                continue
            acts = True in clear[m.entry.key]
        if acts:
            out[i] = _as_government(m)
    # One state, one entry: the first mention names it, and each other spelling ("Russia" after
    # "the Russian Federation") is an alias, so every mention of it can be found again.
    first: dict[str, GazetteerEntry] = {}
    for i, m in enumerate(out):
        if i in readings and m.label == "Organisation" and m.entry is not None:
            entry = first.setdefault(m.ref, m.entry)
            if entry is not m.entry:
                out[i] = Mention(m.start, m.end, m.text, m.label, m.ref, entry)
    return [m for i, m in enumerate(out) if i not in drop]


_POSSESSIVE_RE = re.compile(r"(?:’s|'s) ")


def _possessive_of_place(m: Mention, text: str, places_at: set[int]) -> bool:
    """Whether the country's possessive is followed by a place it holds ("Ukraine’s Crimea", "Ukraine’s Autonomous
    Republic of Crimea"): the country as the land, as the gold of valid, valid2 and dev5 records it."""
    p = _POSSESSIVE_RE.match(text, m.end)
    return p is not None and p.end() in places_at


_DESCRIBED = re.compile(r"\s+(?:is|was|remains)\s+(?:a|an|the|home|located|situated|still)\b")


def seats_as_states(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
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
