"""Acts of institutions that official documents name in fixed forms, by linguistic form.

- a report of a recurring series ("Country Report on Human Rights Practices 2018 - Ukraine",
  "2017 Report on International Religious Freedom", "USCIRF Freedom of Religion or Belief
  Victims List"), mostly the title of the document itself: a ``publication`` event that the
  series' publisher ``STATES`` (the series is the publisher's whether or not the text names it).
  A title that names one section of the report ("... Section 1.a. Arbitrary Deprivation of Life")
  is an excerpt about the cases that section tells: no publication event (the development set's
  annotators leave it out);
- a numbered meeting of a body ("1394th meeting of the Committee of Ministers", "the 1314th
  session of the Permanent Council"): a ``meeting`` event the body organises;
- a law a body adopts ("Ukraine's legislature (Verkhovna Rada) adopted a law attributing ..."):
  an ``other`` event the body ``STATES``, as it does its resolutions;
- sanctions a state imposes on another ("Canada imposed new sanctions on Russia"): an ``other``
  event, the state that imposes them its organiser, the state sanctioned its target.

The meeting and sanction finders read one sentence and return plain tuples that
:func:`loaders.extract.acts.find_acts` turns into :class:`loaders.extract.acts.Act` records; the
report series are read once for the whole article (:func:`series_publications`, which sees the
title line a sentence stands on).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from loaders.extract.gazetteer import slug
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.regex_buckets import Prefiltered

if TYPE_CHECKING:
    from loaders.extract.claims import Extraction

__all__ = ["laws", "numbered_meetings", "report_series", "sanctions", "series_publications"]

# (series, publisher key, publisher name): series whose publisher is fixed.
_SERIES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\bCountry\s+Reports?\s+on\s+Human\s+Rights\s+Practices\b", re.IGNORECASE),
     "org:us-department-of-state", "U.S. Department of State"),
    (re.compile(r"\b(?:Report\s+on\s+International\s+Religious\s+Freedom|International\s+Religious\s+Freedom\s+Report)\b",
                re.IGNORECASE), "org:us-department-of-state", "U.S. Department of State"),
    (re.compile(r"\bTrafficking\s+in\s+Persons\s+Report\b", re.IGNORECASE), "org:us-department-of-state", "U.S. Department of State"),
    (re.compile(r"\bFreedom\s+of\s+Religion\s+or\s+Belief\s+Victims\s+List\b", re.IGNORECASE),
     "org:uscirf", "U.S. Commission on International Religious Freedom"),
)
# A year and a subtitle that may go with the series' name: "2018 Report on ...: Ukraine (Crimea)".
_YEAR_BEFORE_RE = re.compile(r"(?:\b(?:19|20)\d\d\s+)$")
_YEAR_AFTER_RE = re.compile(r"\s+(?:19|20)\d\d\b")


def report_series(text: str, s0: int, line: str = "") -> list[tuple[str, int, int, str, str]]:
    """(name, start, end, publisher key, publisher name) for a report of a known series the sentence
    ``text`` names (``line``: the whole line the sentence stands on, when it is a title line)."""
    if "eport" not in text and "List" not in text:
        return []
    if re.search(r"\bSection\s+\d", line or text):
        return []  # a title naming one section: the article is an excerpt about what the section tells, not the report
    out = []
    for rx, key, org in _SERIES:
        m = rx.search(text)
        if m is None:
            continue
        a, b = m.start(), m.end()
        yb = _YEAR_BEFORE_RE.search(text[:a])
        ya = _YEAR_AFTER_RE.match(text, b)
        a = yb.start() if yb else a
        b = ya.end() if ya else b
        out.append((text[a:b], s0 + a, s0 + b, key, org))
        break  # one series a sentence
    return out


def series_publications(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """A ``publication`` event for each report of a known series the article names, its publisher ``STATES`` it."""
    from loaders.extract.claims import quote_span

    for sent in sentences:
        lo = text.rfind("\n", 0, sent.start) + 1
        hi = text.find("\n", sent.end)
        line = text[lo:len(text) if hi < 0 else hi]
        for name, a, b, key, org in report_series(sent.text, sent.start, line):
            ev = f"event:{slug(name)[:90]}"
            ex.entity(ev, "Event", name, kind="publication")
            ex.trigger(ev, a, b)
            named = any(m.ref == key and sent.start <= m.start < sent.end for m in mentions)
            if not named and key not in ex.entities:
                ex.entity(key, "Organisation", org, kind="government")
            ex.claim(key, "STATES", ev, quote_span(text, sent, a, b), 0.6 if named else 0.55, "issuer:series")
            if key == "org:us-department-of-state":
                _government_position(text, sentences, mentions, ex, ev)
                _government_figures(text, sentences, mentions, ex, ev)


# The report's statement of its government's position: "The U.S. government does not recognize the purported
# annexation of Crimea ...", "The U.S. government recognizes Crimea is part of Ukraine" is the report's own wording, not
# a second statement by the state: the state states neither the report nor a statement of its own (README conv14a
# point 2 (b): the department whose name stands on the report alone states it; the claim the sentence makes, Crimea
# part of Ukraine, is the place rules').
_POSITION_RE = re.compile(r"\s+(?:(?:does|will)\s+not\s+(?:and\s+will\s+not\s+)?)?recogni[sz]es?\b")


def _government_position(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction,
                         report: str) -> None:
    """The statement of its own the speech rules made the U.S. government of a sentence of the report stating its
    (non-)recognition goes: the sentence is the report's (``report``), which the department states."""
    for sent in sentences:
        gov = next((m for m in mentions if sent.start <= m.start <= sent.start + 4 and m.ref == "org:united-states"
                    and re.fullmatch(r"(?:The\s+)?", text[sent.start:m.start])
                    and re.match(r"(?:\s+government)?", text[m.end:])), None)
        if gov is None:
            continue
        after = re.match(r"(?:\s+government)?", text[gov.end:])
        b = gov.end + (after.end() if after else 0)
        pm = _POSITION_RE.match(text, b)
        if pm is None:
            continue
        own = {c.object for c in ex.claims if c.subject == gov.ref and c.predicate == "STATES" and c.object != report
               and sent.start <= c.span[0] < sent.end and ex.entities[c.object].attributes.get("kind") == "statement"}
        ex.claims[:] = [c for c in ex.claims if not (c.object in own and c.subject == gov.ref and c.predicate == "STATES")]
        for ev in own - {c.object for c in ex.claims} - {c.subject for c in ex.claims}:
            ex.entities.pop(ev, None)
            ex.triggers.pop(ev, None)
        ex.claims[:] = [c for c in ex.claims if not (c.subject == gov.ref and c.predicate == "STATES" and c.object == report)]
        return


# A figure another government gave, as the series report cites it: "The Russian government reported there were 831
# religious communities registered in Crimea" -> the cited government is a speaker with a statement event of its own,
# its ``STATES`` asserted by the department that cites it, never a ``STATES`` of the department's report (README conv14a
# point 2 (c); dev3 z11).
_FIGURES_RE = re.compile(r"(?:\s+government)?\s+reported\s+(?:that\s+)?there\s+(?:were|was|are|is)\b")


def _government_figures(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction,
                        report: str) -> None:
    """A government that "reported there were N ..." in a series report states a statement of its own, which the
    report's publisher asserts (the publication or statement the speech rules made of the sentence is replaced)."""
    from loaders.extract.claims import quote_span

    if "reported there" not in text and "reported that there" not in text:
        return
    citer = next((c.subject for c in ex.claims if c.object == report and c.predicate == "STATES"), None)
    for sent in sentences:
        gov = next((m for m in mentions if sent.start <= m.start <= sent.start + 4 and m.ref in ex.entities
                    and ex.entities[m.ref].attributes.get("kind") == "government"
                    and re.fullmatch(r"(?:The\s+)?", text[sent.start:m.start]) and _FIGURES_RE.match(text, m.end)), None)
        if gov is None:
            continue
        own = {c.object for c in ex.claims if c.subject == gov.ref and c.predicate == "STATES" and c.object != report
               and sent.start <= c.span[0] < sent.end
               and ex.entities[c.object].attributes.get("kind") in ("statement", "publication")}
        ex.claims[:] = [c for c in ex.claims if not (c.object in own and c.subject == gov.ref and c.predicate == "STATES")]
        for ev in own - {c.object for c in ex.claims} - {c.subject for c in ex.claims}:
            ex.entities.pop(ev, None)
            ex.triggers.pop(ev, None)
        fm = _FIGURES_RE.match(text, gov.end)
        b = fm.end() if fm is not None else gov.end
        name = ex.entities[gov.ref].name
        ev = ex.entity(f"event:{gov.ref[4:]}-statement", "Event", f"Statement by {name}", kind="statement").key
        ex.trigger(ev, gov.start, b)
        ex.claim(gov.ref, "STATES", ev, quote_span(text, sent, gov.start, b), 0.55, "issuer:series:cited", asserted_by=citer)


_MEETING_RE = re.compile(r"\b\d{1,5}(?:st|nd|rd|th)\s+(?:\(?(?:special|extraordinary|plenary|regular|ordinary)\)?\s+)?"
                         r"(?:meeting|session|plenary\s+session|sitting)\s+of\s+(?:the\s+)?", re.IGNORECASE)


def numbered_meetings(text: str, s0: int, orgs: Sequence[Mention]) -> list[tuple[str, int, int, list[Mention]]]:
    """(name, start, end, bodies) for a numbered meeting of a body the sentence names right after it."""
    out: list[tuple[str, int, int, list[Mention]]] = []
    if not any(w in text for w in ("eeting", "ession", "itting")):
        return out
    for m in _MEETING_RE.finditer(text):
        body = next((o for o in orgs if o.start == s0 + m.end()), None)
        if body is not None:
            out.append((text[m.start():body.end - s0], s0 + m.start(), body.end, [body]))
    return out


_SANCTIONS_RE = Prefiltered(re.compile(r"\b(?:imposed|introduced|adopted|announced|levied|slapped)\s+(?:(?:new|additional|further|fresh|"
                           r"targeted|economic|financial|personal)\s+(?:and\s+)?){0,3}sanctions\s+(?:on|against)\s+(?:the\s+)?"))


def sanctions(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[tuple[str, int, int, Mention, Mention]]:
    """(name, start, end, sanctioning state, sanctioned state) for sanctions one state imposes on another."""
    if "sanctions" not in text:
        return []
    out = []
    states = [x for x in [*orgs, *places] if _state(x)]
    for m in _SANCTIONS_RE.finditer(text):
        target = next((x for x in states if x.start == s0 + m.end()), None)
        by = [x for x in states if x.end <= s0 + m.start() and re.fullmatch(r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|\w+ly\s+)?",
                                                                          text[x.end - s0:m.start()])]
        if target is not None and by:
            out.append((f"Sanctions on {_name(target)}", s0 + m.start(), target.end, by[-1], target))
    for m in _NAMED_SANCTIONS_RE.finditer(text):
        # the body named before the noun as its adjective: "EU sanctions against Russia", "U.S. sanctions on Russia" (a
        # state, or a union of states by its initials)
        target = next((x for x in states if x.start == s0 + m.end()), None)
        by = [x for x in [*orgs, *places] if x.end == s0 + m.start() and (_state(x) or re.fullmatch(r"[A-Z][A-Z.]+", x.text))]
        if target is not None and by and by[0].ref != target.ref and not any(a <= by[0].start < b for _, a, b, _, _ in out):
            out.append((f"Sanctions on {_name(target)}", by[0].start, target.end, by[0], target))
    return out


# (round 15, follow15: with the participle of imposing between, "EU sanctions introduced against Russia after ...")
_NAMED_SANCTIONS_RE = re.compile(r"\s(?:(?:new|additional|further|economic|financial|sectoral|targeted)\s+)?sanctions\s+"
                                 r"(?:(?:introduced|imposed|adopted|levied)\s+)?(?:on|against)\s+(?:the\s+)?")


def _state(m: Mention) -> bool:
    kind = str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""
    return kind == "government" or (m.label == "Location" and kind == "country")


def _name(m: Mention) -> str:
    return m.entry.name if m.entry is not None else m.text


_LAW_RE = re.compile(r"\)?\s+(?:(?:also|then|later|again|unanimously)\s+)?(?:adopted|passed|approved|enacted)\s+(?:a|the)\s+"
                     r"(?:(?:new|special|federal|separate)\s+)?law\s+(?:on\b|that\b|which\b|to\b|[a-z]+ing\b)")


def laws(text: str, s0: int, orgs: Sequence[Mention]) -> list[tuple[str, int, int, list[Mention]]]:
    """(name, start, end, bodies) for a law a body the sentence names adopted ("the Verkhovna Rada adopted a law
    attributing ..."): the body states it, as it does its resolution."""
    if " law " not in text:
        return []
    out = []
    for o in orgs:
        m = _LAW_RE.match(text, o.end - s0)
        if m is not None and _kind(o) not in ("collective", "court", "police", "security_service", "prosecutor"):
            out.append((f"Law adopted by {_name(o)}", o.start, s0 + m.end(), [o]))
    return out[:1]


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""
