"""Where organisations sit and what they belong to.

- "the Zheleznodorozhny District Court, in Simferopol", "the Kyivskyi District Court of
  Simferopol", "the Simferopol City Court", "Supreme Court of Crimea", "from its headquarters in
  Kyiv", "the Crimean Human Rights Group, based in Kyiv" -> the organisation ``LOCATED_IN`` the
  place (a bare "in" only for a court, an agency, the police or a prosecutor's office: a state
  "in Crimea" acts there, a security service "in Crimea" is its branch there);
- "FSB Department", "Main Investigative Directorate of the Investigative Committee", "UK
  Delegation to the OSCE" -> the unit ``PART_OF`` the body its name names.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.diplomatic_relations import UN_KEY, un_parent
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.links import late_events_in_cases
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.org_frames import (
    apposed_units,
    assembly_committees,
    dateline_bodies,
    descriptor_facts,
    office_holders,
)
from loaders.extract.place_parts import lies_in
from loaders.extract.seat_places import named_body_seats

__all__ = ["org_places", "sub_organisations", "inner_places"]

# Bodies with a seat; a state or a government "in Crimea" acts there, it does not sit there.
# (A security service or an army "in Crimea" is its branch there, not the body's seat.)
_SEATED = ("court", "agency", "police", "prosecutor")
_ORG_IN_RE = re.compile(r",?\s+(?:(?:based|located|sitting|headquartered)\s+)?in\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$")
_BASED_RE = re.compile(r",?\s+(?:(?:which|that)\s+is\s+|(?:is|was)\s+)?(?:based|headquartered)\s+in\s+(?:the\s+)?"
                       r"(?:(?:city|town)\s+of\s+)?")
_PLACE_BASED_RE = re.compile(r"-based\s+(?:the\s+)?")
# "Kyiv-based human rights group Zmina", "a Kyiv-based group, Zmina": a common noun or two, then the name
_BASED_GAP_RE = re.compile(r"(?:[a-z][\w-]*\s+){1,4}(?:,\s+)?")
_SEAT_RE = re.compile(r"\b(?:headquarters|office|offices|seat|base)\s+in\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)


# A body named with its town: "the FSB office in Simferopol", "the police station in Kerch" ("of" names
# a jurisdiction: "the Prosecutor's Office of Crimea" sits in Kyiv).
_TOWN_TAIL_RE = re.compile(r"\sin\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?(?P<place>[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)?)$")
_TOWN_HEAD_RE = re.compile(r"\b(?:office|offices|building|headquarters|department|directorate|branch|unit|station|court|"
                           r"administration|service|police)\s+in\s", re.IGNORECASE)


def inner_places(text: str, mentions: list[Mention], ex: Extraction, create: bool = False) -> list[Mention]:
    """The town inside an organisation's name ("the FSB office in Simferopol", "the police station in
    Kerch") as a Location mention of its own, when the gazetteer knows the town (not a country): the
    mention finder reads the whole phrase as one body. ``create``: add the town's entity if the article
    has none yet."""
    out = []
    gaz = load_gazetteer()
    for m in mentions:
        if m.label != "Organisation" or not _TOWN_HEAD_RE.search(m.text):
            continue
        mt = _TOWN_TAIL_RE.search(m.text)
        if mt is None:
            continue
        name = mt.group("place")
        ref = next((k for k, e in ex.entities.items() if e.label == "Location" and name in (e.name, *e.aliases)), None)
        if ref is None:
            entry = gaz.places.get(name) or gaz.lookup(name)
            if not create or entry is None or entry.label != "Location" or (entry.attributes or {}).get("kind") == "country":
                continue
            ref = f"place:{entry.key}"
            ex.entity(ref, entry.label, entry.name, **entry.attributes)
        if (ex.entities[ref].attributes or {}).get("kind") == "country":
            continue
        a = m.start + mt.start("place")
        out.append(Mention(a, a + len(name), name, "Location", ref))
    return out


def _sentence_of(sentences: list[Sentence], starts: list[int], pos: int) -> Sentence:
    return sentences[max(0, bisect.bisect_right(starts, pos) - 1)]


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
    # "the Vienna-based Permanent Council", "a Kyiv-based group, Zmina": any body based in a place sits there
    nstarts = [o.start for o in named]
    for pl in places:
        mt = _PLACE_BASED_RE.match(text, pl.end)
        if mt is None:
            continue
        sent = _sentence_of(sentences, starts, pl.start)
        after = named[bisect.bisect_left(nstarts, mt.end()):]
        body = after[0] if after else None
        if body is not None and body.end <= sent.end and (body.start == mt.end() or _BASED_GAP_RE.fullmatch(text, mt.end(), body.start)) \
                and (body.ref, pl.ref) not in have:
            have.add((body.ref, pl.ref))
            ex.claim(body.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, pl.start, body.end), 0.65, "org-seat")
    _named_seats(text, sentences, starts, orgs, ex, have)
    # "the FSB office in Simferopol": the body named with its town sits there
    for pl in inner_places(text, mentions, ex, create=True):
        body = max((o for o in named if o.start < pl.start <= o.end), key=lambda o: o.end - o.start, default=None)
        if body is not None and body.ref != pl.ref and (body.ref, pl.ref) not in have:
            have.add((body.ref, pl.ref))
            ex.claim(body.ref, "LOCATED_IN", pl.ref, quote_span(text, _sentence_of(sentences, starts, body.start), body.start, body.end),
                     0.6, "org-town")
    # "the Prosecutor's Office ... from its headquarters in Kyiv": the subject's seat.
    for pl in places:
        sent = _sentence_of(sentences, starts, pl.start)
        if not _SEAT_RE.search(text, max(sent.start, pl.start - 40), pl.start):
            continue
        before = [o for o in orgs if sent.start <= o.start and o.end <= pl.start]  # rare: a seat phrase
        if before and (before[0].ref, pl.ref) not in have:
            have.add((before[0].ref, pl.ref))
            ex.claim(before[0].ref, "LOCATED_IN", pl.ref, quote_span(text, sent, before[0].start, pl.end), 0.6, "org-seat")
    named_body_seats(text, sentences, mentions, ex)


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
                if mt is not None and ref is not None and not mt.group("city") and not lies_in(ex, ref, "place:crimea"):
                    ref = None  # "Kyiv District Court": the Kyivskyi district of Simferopol, not the city of Kyiv
            if ref is not None and (o.ref, ref) not in have:
                have.add((o.ref, ref))
                sent = _sentence_of(sentences, starts, o.start)
                ex.claim(o.ref, "LOCATED_IN", ref, quote_span(text, sent, o.start, o.end), 0.6, "court-name")
                break


# The word that makes a name a unit of a larger body: "FSB Department", "Main Investigative Directorate of the ...",
# "UN General Assembly", "Council of Europe Commissioner for Human Rights", "Committee of Ministers of the Council of Europe".
_UNIT_RE = re.compile(r"\b(?:Department|Directorate|Division|Branch|Unit|Delegation|Administration|Centre|Center|Office|Service|"
                      r"Bureau|Section|Assembly|Committee|Commissioner|Commission|Secretariat|Mission|Spokesperson|Rapporteur|"
                      r"Representative|Council|Board)\b")
# A state's own agencies and ministries ("Federal Security Service of the Russian Federation", "U.S. Department of
# State") are no unit of the state annotators record (none of five splits did); a delegation or an office abroad is.
_AGENCY_UNITS = ("Service", "Department", "Directorate", "Administration", "Bureau")
# Units of international bodies: a state's "Investigative Committee of Russia" is an agency of its own.
_BODY_UNITS = ("Assembly", "Committee", "Commissioner", "Commission", "Secretariat", "Mission", "Spokesperson", "Rapporteur",
               "Representative", "Council", "Board")


def _state(ex: Extraction, key: str) -> bool:
    return (ex.entities[key].attributes or {}).get("kind") == "government"


# A unit's name followed in the text by its body: "the Committee of Ministers of the Council of Europe".
_OF_BODY_RE = re.compile(r"\s+of\s+the\s+$")


# An official's office is not part of the official: "Office of the UN High Commissioner" (the UN's).
_OFFICIAL_RE = re.compile(r"\b(?:Commissioner|Rapporteur|Spokesperson|Ombudsman)\b")


def _parent(words: str, names: dict[str, str]) -> str | None:
    """The body a run of words names, or its longest leading part does ("UN General" -> the UN)."""
    parts = words.split()
    for n in range(len(parts), 0, -1):
        got = names.get(" ".join(parts[:n]))
        if got is not None and not _OFFICIAL_RE.search(" ".join(parts[:n])):
            return got
    return None


def org_names(ex: Extraction) -> dict[str, str]:
    """Each name and alias of the article's named (not generic) organisations -> its key."""
    names: dict[str, str] = {}
    for key, e in ex.entities.items():
        if e.label == "Organisation" and not e.generic:
            for n in (e.name, *e.aliases):
                names.setdefault(n, key)
    return names


def sub_organisations(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``PART_OF`` from a unit to the body its name names: "FSB Department" (the FSB's department),
    "Main Investigative Directorate of the Investigative Committee", "UK Delegation to the OSCE"
    (the UK's delegation: the body before the unit word, or after "of", never after "to"), "UN
    General Assembly", "Council of Europe Commissioner for Human Rights"; or the body named right
    after the unit in the text ("the Committee of Ministers of the Council of Europe"); a national
    section ("Amnesty International Ukraine")."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    starts = [s.start for s in sentences]
    names = org_names(ex)
    # the gazetteer's other names of a body the article names ("UN" in "UN General Assembly")
    for e in [e for e in ex.entities.values() if e.label == "Organisation"]:
        entry = load_gazetteer().lookup(e.name)
        if entry is not None and f"org:{entry.key}" in ex.entities:
            for n in entry.aliases:
                names.setdefault(n, f"org:{entry.key}")
    orgs = [m for m in mentions if m.label == "Organisation" and m.ref in names.values()]
    first: dict[str, Mention] = {}
    for m in orgs:
        first.setdefault(m.ref, m)

    def add(key: str, parent: str, m: Mention, end: int) -> None:
        if parent == UN_KEY:  # rel7
            parent = un_parent(ex, key, m.text) or ""
            if not parent or (key, parent) in have:
                return
        have.add((key, parent))
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        ex.claim(key, "PART_OF", parent, quote_span(text, sent, m.start, min(end, sent.end)), 0.6, "sub-organisation")

    for key, m in first.items():
        e = ex.entities[key]
        done = False
        for name in dict.fromkeys((e.name, m.text)):
            for unit in _UNIT_RE.finditer(name):
                head, tail = name[:unit.start()].strip(), name[unit.end():]
                parent = _parent(head, names) if head else None
                # "Committee of Ministers of the Council of Europe": the body after any "of" of the name's tail
                for of in re.finditer(r"\bof\s+(?:the\s+)?", tail):
                    parent = parent or _parent(tail[of.end():].strip(), names)
                if parent is None or parent == key or (key, parent) in have or (
                        unit.group() in _BODY_UNITS + _AGENCY_UNITS and _state(ex, parent)):
                    continue
                add(key, parent, m, m.end)
                done = True
                break
            if done:
                break
    # "Amnesty International Ukraine": a body's national section, its name the body's and a country's.
    for key, m in first.items():
        head, _, country = ex.entities[key].name.rpartition(" ")
        place = load_gazetteer().lookup(country) if head else None
        parent = names.get(head)
        if place is not None and place.label == "Location" and place.attributes.get("kind") == "country" \
                and parent is not None and parent != key and (key, parent) not in have and not _state(ex, parent):
            add(key, parent, m, m.end)
    # "the Committee of Ministers of the Council of Europe": the body named right after the unit.
    for i, m in enumerate(orgs):
        nxt = orgs[i + 1] if i + 1 < len(orgs) else None
        if nxt is None or not _UNIT_RE.search(m.text) or not _OF_BODY_RE.fullmatch(text, m.end, nxt.start):
            continue
        if nxt.ref != m.ref and not _state(ex, nxt.ref) and (m.ref, nxt.ref) not in have and (nxt.ref, m.ref) not in have:
            add(m.ref, nxt.ref, m, nxt.end)
    apposed_units(text, sentences, mentions, ex)
    assembly_committees(text, sentences, mentions, ex)
    office_holders(text, sentences, mentions, ex)
    dateline_bodies(text, sentences, mentions, ex)
    descriptor_facts(text, sentences, mentions, ex)
    attributive_parents(text, sentences, mentions, ex)
    late_events_in_cases(ex, text)


# A body's outlet or unit named after it as a common noun: "the RFE/RL website Krym.Realii", "ATR's affiliates,
# FM radio stations Meydan and Lider", "the OHCHR Human Rights Monitoring Mission in Ukraine".
_OUTLET_NOUN = r"(?:website|site|service|channel|station|outlet|edition|portal|newspaper|affiliate|subsidiary|project)s?"
# what each outlet of a list is: "FM radio stations", "a news website", "a children's television channel"
_OUTLET_KIND = r"(?:(?:a|an|the)\s+)?(?:(?:[A-Z]{1,3}|[a-z][\w’'-]*)\s+){0,3}?(?:stations?|channels?|websites?|sites?|newspapers?|agency|agencies|portals?|outlets?)\s+"
_OUTLET_RE = re.compile(rf"(?:’s|'s)?\s+(?:[a-z][\w-]*\s+){{0,2}}?{_OUTLET_NOUN}(?:\s+|\s*,\s+{_OUTLET_KIND})")
# The next outlet of the same list: ", a children's television channel Lale and a news website 15 Minutes"
_LIST_NEXT_RE = re.compile(rf"(?:,\s+|\s+and\s+|,\s+and\s+)(?:{_OUTLET_KIND})?")
# Right after the body, a unit's name: "the OHCHR Human Rights Monitoring Mission"
_UNIT_NAME_RE = re.compile(r"\b(?:Mission|Office|Bureau|Service)\b")


def attributive_parents(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``PART_OF`` from an outlet or a unit to the body named before it as its owner: "the RFE/RL website
    Krym.Realii", "ATR’s affiliates, FM radio stations Meydan and Lider, a children's television channel Lale"
    (each of the list), "the OHCHR Human Rights Monitoring Mission in Ukraine" (a unit's name right after
    the body's). Named bodies only, never a state (a state's agencies are no unit the annotators record)."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    starts = [s.start for s in sentences]
    orgs = [m for m in mentions if m.label == "Organisation" and (e := ex.entities.get(m.ref)) is not None
            and e.label == "Organisation" and not e.generic]
    o_starts = [o.start for o in orgs]

    def add(child: Mention, parent: Mention, sent: Sentence) -> None:
        if child.ref == parent.ref or (child.ref, parent.ref) in have or (parent.ref, child.ref) in have or _state(ex, child.ref):
            return
        have.add((child.ref, parent.ref))
        ex.claim(child.ref, "PART_OF", parent.ref, quote_span(text, sent, max(parent.start, sent.start), min(child.end, sent.end)),
                 0.6, "outlet-of")

    for i, m in enumerate(orgs):
        if _state(ex, m.ref) or i + 1 >= len(orgs):
            continue
        sent = _sentence_of(sentences, starts, m.start)
        nxt = orgs[i + 1]
        if nxt.end > sent.end:
            continue
        if nxt.start == m.end + 1 and text[m.end] == " " and _UNIT_NAME_RE.search(nxt.text) and re.search(r"\bthe\s+$", text[max(0, m.start - 5):m.start]):
            add(nxt, m, sent)
            continue
        mt = _OUTLET_RE.fullmatch(text, m.end, nxt.start)
        if mt is None or ";" in text[m.end:nxt.start]:
            continue
        add(nxt, m, sent)
        j, last = bisect.bisect_left(o_starts, nxt.start) + 1, nxt
        while j < len(orgs) and orgs[j].end <= sent.end and _LIST_NEXT_RE.fullmatch(text, last.end, orgs[j].start) \
                and ";" not in text[last.end:orgs[j].start]:
            add(orgs[j], m, sent)
            last = orgs[j]
            j += 1
