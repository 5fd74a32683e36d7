"""A state's taking of a territory, and the closing of a people's media, by linguistic form.

Reports of governments and NGOs (U.S. State Department country reports, EU and OSCE statements,
Council of Europe conclusions) open with the history of the occupation, in a few fixed frames:

- a military entry: "Russian forces entered Ukraine's Crimean Peninsula and occupied it",
  "Russia's forces entered and occupied X", "Russian military forces invaded and occupied X",
  "armed forces of the Russian Federation seized and occupied X": an ``other`` event, the
  forces (or state) before the verbs its perpetrator, the land its place;
- a building forces seized in a town ("Russian troops in unmarked uniforms seized the Parliament
  building in Simferopol"): an ``other`` event, the forces its perpetrator, the town its place;
- a launched invasion: "Russia launched a full-scale invasion of Ukraine", "paving the way to
  its full-scale invasion of Ukraine": an ``other`` event, the state its perpetrator;
- an annexation told as a dated act, not as the object of a (non-)recognition formula:
  "Russia began its illegal annexation of Crimea", "Russia launched its occupation and
  attempted annexation of Crimea", "The illegal annexation of Crimea by Russia in 2014 has ...",
  "Russia announced (that) the peninsula had become part of the Russian Federation", "since Russia
  annexed Crimea" (a state the verb's subject). ("We do not
  recognise Russia's annexation of Crimea" and "since the annexation" are left alone: both
  annotation teams leave those formulas out.) "... following a sham referendum" after that frame is
  the referendum held in the same land;
- the closing of a people's or a land's media: "the shutting down of Crimean Tatar media
  outlets", "the ban on Crimean Tatar media outlets", "almost all independent media have been
  closed ... after occupation authorities denied ...": an ``other`` event; its place is a place
  the sentence names, else the land the media's adjective names ("Crimean" media: Crimea), which
  :func:`loaders.extract.claim_parts.act_event` looks up among the article's places.

Each finder reads one sentence and returns ``(name, start, end, perpetrators, places)`` tuples; a
perpetrator may be a country's place mention ("Russia began its annexation of Crimea"), whose
government :func:`loaders.extract.claim_parts.act_event` records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.mentions import Mention

__all__ = ["TerritoryAct", "media_closures", "territory_acts"]

TerritoryAct = tuple[str, int, int, list[Mention], list[Mention]]

_FORCES_RE = re.compile(r"\b(?:forces|troops|army|military|soldiers)\b", re.IGNORECASE)
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
_BECAME_PART_RE = re.compile(r"\s+(?:announced|claimed|declared|proclaimed)\s+(?:that\s+)?(?:the\s+peninsula|[A-Z][\w ]{2,40}?)\s+"
                             r"(?:had\s+)?(?:become|became)\s+(?:a\s+)?part\s+of\s+(?:the\s+)?(?:Russian\s+Federation|Russia)\b"
                             r"(?P<ref>\s+(?:following|after)\s+(?:a|the)\s+(?:(?:sham|so-called|illegal|illegitimate|fake)\s+)*referendum\b)?")
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


def _forces(m: Mention) -> bool:
    return _state(m) or bool(_FORCES_RE.search(m.text)) or bool(m.entry is not None and _FORCES_RE.search(m.entry.name))


# Forces the gazetteer may not list: "Russian military forces", "Russia's forces", "armed forces of the Russian Federation".
_FORCES_TEXT_RE = re.compile(r"(?:\b(?:the\s+)?(?:Russia(?:’s|'s)|Russian)\s+(?:(?:military|armed|occupation)\s+)?(?:forces|troops|army|soldiers)"
                             r"(?:\s+in\s+unmarked\s+uniforms)?|\barmed\s+forces\s+of\s+(?:the\s+)?(?:Russian\s+Federation|Russia))\s*$")


def _actor_before(text: str, s0: int, i: int, orgs: Sequence[Mention], places: Sequence[Mention],
                  forces: bool) -> tuple[bool, list[Mention]]:
    """Whether a state (or, with ``forces``, an armed force) ends right before offset ``i`` of ``text``,
    and the organisation to record as the perpetrator (none for a country the text names as a place)."""
    gap = r"\s+(?:has\s+|had\s+|have\s+)?"
    for o in orgs:
        if o.end - s0 <= i and (_forces(o) if forces else _state(o)) and re.fullmatch(gap, text[o.end - s0:i] or " "):
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


def territory_acts(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[TerritoryAct]:
    """Military entries, invasions and dated annexations of a land in one sentence (``text``, starting at ``s0``)."""
    out: list[TerritoryAct] = []
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
                out.append((f"Occupation of {_name(p)}", s0 + m.start(), end, perps, [p]))
                continue
        sz = _SEIZED_BUILDING_RE.search(text, w0, pa) if seized else None
        if sz is not None:
            ok, perps = _actor_before(text, s0, sz.start(), orgs, places, True)
            if ok and _FORCES_RE.search(text[max(0, sz.start() - 60):sz.start()]):
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
        ann = _LAUNCH_ANNEX_RE.search(text, w0, pa) if "annexation" in low else None
        if ann is not None:
            ok, perps = _actor_before(text, s0, ann.start(), orgs, places, False)
            if ok:
                out.append((f"Annexation of {_name(p)}", s0 + ann.start(), p.end, perps, [p]))
                continue
        ax = _ANNEXED_RE.search(text, w0, pa) if "annexed" in low else None
        if ax is not None:
            ok, perps = _actor_before(text, s0, ax.start(), orgs, places, False)
            if ok:
                out.append((f"Annexation of {_name(p)}", s0 + ax.start(), p.end, perps, [p]))
                continue
        op = _OPEN_ANNEX_RE.match(text, 0, pa) if "annexation" in low else None
        dated = _DATED_AFTER_RE.match(text, p.end - s0)
        if op is not None and dated is not None:
            by = [o for o in [*orgs, *places] if p.end <= o.start and o.end <= s0 + dated.end() and _state(o)]
            out.append((f"Annexation of {_name(p)}", s0, s0 + dated.end(), by[:1], [p]))
    for bm in _BECAME_PART_RE.finditer(text):
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


_MEDIA = r"(?:media(?:\s+outlets)?|news\s+outlets|TV\s+channels?|television\s+channels?|newspapers|broadcasters)"
_MEDIA_CLOSE_RE = re.compile(r"\b(?:shutting\s+down|shutdown|closure|closing|banning|ban|liquidation)\s+(?:of|on)\s+"
                             r"(?:the\s+)?(?P<adj>(?:(?:all|almost\s+all|most|independent|[A-Z][\w’'-]+)\s+){0,3})" + _MEDIA + r"\b")
_MEDIA_CLOSED_RE = re.compile(r"\b(?:(?:almost|nearly)\s+all\s+|most\s+)?(?P<adj>(?:independent|[A-Z][\w’'-]+)\s+(?:[A-Z][\w’'-]+\s+)?)"
                              + _MEDIA + r"\s+(?:have|has|had)\s+been\s+(?:\w+ly\s+)?(?:closed|shut\s+down|banned)\b")
_AFTER_AGENT_RE = re.compile(r"^[^.;]*?\b(?:after|when|as|because)\s+(?:the\s+)?(?:Russian\s+)?$")


def media_closures(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[TerritoryAct]:
    """The closing or banning of a people's or a land's media outlets, at most one a sentence."""
    if "media" not in text and "channel" not in text and "newspapers" not in text:
        return []
    m = _MEDIA_CLOSE_RE.search(text) or _MEDIA_CLOSED_RE.search(text)
    if m is None:
        return []
    a, b = s0 + m.start(), s0 + m.end()
    adj = (m.group("adj") or "").strip()
    who = f"{adj} media" if adj and adj[0].isupper() else "independent media"
    # the agency: "by X", or "after X denied ..." in the same clause
    perps = [o for o in orgs if b <= o.start <= b + 80 and _AFTER_AGENT_RE.match(text[m.end():o.start - s0])
             or (b <= o.start <= b + 40 and re.fullmatch(r"\s+by\s+(?:the\s+)?", text[m.end():o.start - s0]))][:1]
    where = [p for p in places if b <= p.start <= b + 40 and re.fullmatch(r"\s+in\s+(?:the\s+)?(?:occupied\s+)?",
                                                                        text[m.end():p.start - s0])][:1]
    return [(f"Closure of {who}", a, max([b, *(p.end for p in where)]), perps, where)]
