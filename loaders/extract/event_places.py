"""Where an event happened: ``LOCATED_IN`` for the events the claim rules left without a place.

The claim rules of :mod:`loaders.extract.claims` place the acts they know as they find them
("detained in Simferopol"). This pass reads every event's trigger again, with the
locative phrases of English rather than a list of verbs, for any event kind but a
statement or a publication (a dateline places those):

- a locative phrase after the trigger in the same clause: "detained X in Simferopol",
  "searched his home in the village of Strogonovka", "detained in the occupied Crimean city of
  Sevastopol", "held at the FSB building in Simferopol" (the nearest such place);
- the place of the body that acts, just before the act: "the occupation authorities in Crimea
  detained X";
- a locative phrase that opens the sentence: "In Bakhchysarai, police searched ...",
  "On 3 May in Dzhankoi, FSB officers detained ...";
- the seat of the court that judged it, where the article names it in any sentence ("the
  Zheleznodorozhny District Court, in Simferopol");
- a sentence without a place of its own that goes on from one that placed an act of the same
  paragraph: "FSB officers searched six homes in Bakhchysarai. They detained X and Y." (the
  detentions are there too), only when that earlier act is a search, arrest or detention and
  the later one is too: a court hearing or a transfer is elsewhere.

A place used as a name's adjective ("the Bakhchysarai case", "the Simferopol court") is not a
locative. A place after a relative clause, another act or another clause is that clause's.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.guards import CLAUSE_VERB_RE
from loaders.extract.mentions import Mention, Sentence

__all__ = ["event_places", "prune_event_places"]

_UNPLACED = ("statement", "publication", "conference", "meeting")
_CUSTODY = ("search", "arrest", "detention")
# "in", "at", "near" ... before the place, with up to three words between ("in the occupied Crimean city of").
_SETTLEMENT = (r"(?:villages?|towns?|city|cities|settlements?|township|urban-type\s+settlement|districts?|region|port|outskirts|suburbs?|"
               r"capital|centre|center|building|office|headquarters|premises)")
_LOCATIVE_RE = re.compile(rf"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?"
                          rf"(?:{_SETTLEMENT}\s+(?:of|in)\s+(?:the\s+)?)?$", re.IGNORECASE)
# What may stand between a trigger and its place: no relative clause, no clause of its own.
_BREAK_RE = re.compile(r"[;:“”\"()]|\b(?:who|whom|whose|which|where|while|because|but|although|after|before|when|since|until|"
                       r"said|says|told|according|following|during|over|against|for|to|with|amid)\b|\band\s+(?:was|were|is|are|has|have|had|he|she|they|then)\b", re.IGNORECASE)
# The place as the adjective of a name: "the Bakhchysarai case", "Simferopol court", "the Crimean Tatar".
_ADJECTIVE_RE = re.compile(r"(?:’s|'s|\s+(?:[\w-]+\s+){0,2}?(?:case|cases|group|affair|trial|court|Court|prosecutor|Prosecutor|"
                           r"police|Police|branch|department|Department|directorate|Directorate|office|Office))\b")
_OPENING_RE = re.compile(r"(?:(?:On|By|In|Early|Late|Last)\s+[^,.;]{1,40}?,?\s+)?(?:in|at|near)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
                         rf"(?:{_SETTLEMENT}\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


# Words that make the place after them another noun's: a relative clause, or an organisation's seat.
_RELATIVE_RE = re.compile(r"\b(?:who|whom|whose|which|where)\b", re.IGNORECASE)
# "tortured in custody, according to the Group in Kyiv": the place is the source's.
_SOURCE_RE = re.compile(r"\b(?:according\s+to|said|says|told|tells|reported|reports|stated|wrote)\b", re.IGNORECASE)


def prune_event_places(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Drop an event's place that every mention of it in the claim's sentence gives to another
    noun: "X, who lived in Simferopol" (a relative clause's), "according to the Group in Kyiv" (the
    source's), "the Bakhchysarai case" (a name's adjective). An organisation's seat ("by the authorities in Crimea", "by the Court in
    Rostov-on-Don") stays: where the body that acts sits is where it acted."""
    starts = [s.start for s in sentences]
    places = [m for m in mentions if m.label == "Location"]
    pl_starts = [p.start for p in places]
    drop = []
    for c in ex.claims:
        if c.predicate != "LOCATED_IN" or c.rule not in ("event-place", "event-place-one") or c.subject not in ex.triggers:
            continue
        sent = _sentence_of(sentences, starts, c.span[0])
        here = [p for p in _window(places, pl_starts, sent.start, sent.end) if p.ref == c.object and p.end <= sent.end]
        spans = [(a, b) for a, b in ex.triggers[c.subject] if sent.start <= a < sent.end]
        if not here or not spans:
            continue

        if all(_foreign(text, pl, spans) for pl in here):
            drop.append(c)
    for c in drop:
        ex.claims.remove(c)


def _foreign(text: str, pl: Mention, spans: list[tuple[int, int]]) -> bool:
    """Whether place mention ``pl`` is a name's adjective or lies in a relative clause after every trigger."""
    if _ADJECTIVE_RE.match(text, pl.end) and not re.match(r"\s*(?:’s|'s)", text[pl.end:pl.end + 3]):
        return True
    return all(b <= pl.start and (_RELATIVE_RE.search(text[b:pl.start]) or _SOURCE_RE.search(text[b:pl.start]))
               for _a, b in spans)


def _window(items: list[Mention], starts: list[int], lo: int, hi: int) -> list[Mention]:
    """The mentions (sorted by start, ``starts`` their starts) that start in [lo, hi), by bisection."""
    return items[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]


def _sentence_of(sentences: list[Sentence], starts: list[int], pos: int) -> Sentence:
    return sentences[max(0, bisect.bisect_right(starts, pos) - 1)]


def _paragraph(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos)


def event_places(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``LOCATED_IN`` for each event with triggers and no place yet."""
    placed = {c.subject for c in ex.claims if c.predicate == "LOCATED_IN"}
    places = [m for m in mentions if m.label == "Location" and m.ref in ex.entities
              and ex.entities[m.ref].label == "Location"]
    others_all = [m for m in mentions if m.label != "Location"]
    pl_starts, ot_starts = [p.start for p in places], [m.start for m in others_all]
    starts = [s.start for s in sentences]
    all_triggers = sorted((a, b) for spans in ex.triggers.values() for a, b in spans)
    # The place each act of a custody kind got, by sentence (for the sentence that goes on from it).
    custody_place: dict[int, tuple[str, Sentence, int, int]] = {}
    place_of: dict[str, str] = {}
    for c in ex.claims:
        if c.predicate == "LOCATED_IN" and c.object in ex.entities and ex.entities[c.object].label == "Location":
            place_of.setdefault(c.subject, c.object)
    for ev, spans in ex.triggers.items():
        if (ex.entities[ev].attributes or {}).get("kind") in _CUSTODY and ev in place_of and spans:
            a = spans[0][0]
            sent = _sentence_of(sentences, starts, a)
            custody_place.setdefault(sent.start, (place_of[ev], sent, a, spans[0][1]))
    todo = []
    for ev, spans in ex.triggers.items():
        kind = (ex.entities[ev].attributes or {}).get("kind")
        if ev in placed or kind in _UNPLACED or not spans:
            continue
        todo.append((min(spans), ev, kind, spans))
    seats = {c.subject: c for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject in ex.entities
             and (ex.entities[c.subject].attributes or {}).get("kind") == "court"}
    judged = {c.object: seats[c.subject] for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.subject in seats
              and c.qualifiers.get("role") in ("judge", "perpetrator")}
    for _first, ev, kind, spans in sorted(todo):
        found = None
        for a, b in sorted(spans):
            sent = _sentence_of(sentences, starts, a)
            inside = [p for p in _window(places, pl_starts, sent.start, sent.end) if p.end <= sent.end]
            others = [m for m in _window(others_all, ot_starts, sent.start, sent.end) if m.end <= sent.end]
            found = _after(text, sent, inside, others, all_triggers, a, b) or _opening(text, sent, inside, a) \
                or _agent_in(text, sent, inside, others, a)
            if found is not None:
                pl, lo, hi, rule = found
                ex.claim(ev, "LOCATED_IN", pl.ref, quote_span(text, sent, lo, hi), 0.6, rule)
                placed.add(ev)
                place_of[ev] = pl.ref
                break
        if found is None and ev in judged:
            # the court that judged it sits in a place the article names: "the Court, in Simferopol"
            seat = judged[ev]
            ex.claim(ev, "LOCATED_IN", seat.object, seat.span, 0.55, "court-seat")
            placed.add(ev)
            place_of[ev] = seat.object
        if found is None and kind in _CUSTODY and ev not in placed:
            got = _goes_on(text, sentences, starts, places, pl_starts, custody_place, ex, ev, spans)
            if got:
                placed.add(ev)
                place_of[ev] = got
        if ev in placed and kind in _CUSTODY:
            a, b = min(spans)
            sent = _sentence_of(sentences, starts, a)
            custody_place.setdefault(sent.start, (place_of[ev], sent, a, b))


def _after(text: str, sent: Sentence, places: list[Mention], others: list[Mention], triggers: list[tuple[int, int]],
           a: int, b: int) -> tuple[Mention, int, int, str] | None:
    """The nearest place after the trigger that a locative phrase of the same clause introduces,
    with only the act's own words between (the people it names, a date, "the home of")."""
    for pl in places:
        if pl.start < b or pl.start - b > 160:
            continue
        gap = text[b:pl.start]
        loc = _LOCATIVE_RE.search(gap)
        if not loc:
            continue
        named = [m for m in others if b <= m.start and m.end <= b + loc.start()]
        if any(m.label == "Organisation" and m.entry is not None and m.entry.attributes.get("kind") == "court"
               and re.fullmatch(r",?\s*", text[m.end:b + loc.start()]) for m in named):
            return None  # "detention by the District Court in Simferopol": where the court sits (claims.py places its acts)
        rest = len(gap[:loc.start()]) - sum(m.end - m.start for m in named if m.label == "Person")
        if rest > 60 or _BREAK_RE.search(gap) or CLAUSE_VERB_RE.search(gap) or _ADJECTIVE_RE.match(text, pl.end):
            return None  # the nearest locative belongs to another clause or names something else: no guess further on
        i = bisect.bisect_left(triggers, (b, -1))
        if i < len(triggers) and triggers[i][1] <= pl.start:
            return None  # "detained X after a search of his home in Y": the place is the other act's
        return pl, a, pl.end, "event-locative"
    return None


def _opening(text: str, sent: Sentence, places: list[Mention], a: int) -> tuple[Mention, int, int, str] | None:
    """A place in the phrase that opens the sentence, before the trigger: "In Bakhchysarai, police ..."."""
    for pl in places:
        if pl.end > a:
            break
        if _OPENING_RE.fullmatch(text, sent.start, pl.start) and re.match(r"\s*,", text[pl.end:pl.end + 3]) \
                and not _ADJECTIVE_RE.match(text, pl.end):
            return pl, sent.start, max(a + 1, pl.end), "event-opening"
    return None


# "... in PLACE" after the body that acts, and the act right after it: "occupation authorities in Crimea detained X".
_AGENT_GAP_RE = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:occupied|annexed|illegally\s+annexed|Russian-occupied|Russia-occupied)\s+)?$")


def _agent_in(text: str, sent: Sentence, places: list[Mention], others: list[Mention],
              a: int) -> tuple[Mention, int, int, str] | None:
    """The place of the body that does the act, named just before the act: "the authorities in Crimea
    detained X", "FSB officers in Simferopol searched ..."."""
    for pl in places:
        if pl.end > a or a - pl.end > 20:
            continue
        org = [o for o in others if o.label == "Organisation" and o.end <= pl.start and _AGENT_GAP_RE.fullmatch(text, o.end, pl.start)]
        if org and re.fullmatch(r"\s*(?:officers\s+|agents\s+)?(?:have\s+|has\s+|had\s+)?(?:also\s+|again\s+|\w+ly\s+)?", text[pl.end:a]):
            return pl, org[-1].start, max(a + 1, pl.end), "event-agent-place"
    return None


def _goes_on(text: str, sentences: list[Sentence], starts: list[int], places: list[Mention], pl_starts: list[int],
             custody_place: dict[int, tuple[str, Sentence, int, int]], ex: Extraction, ev: str,
             spans: list[tuple[int, int]]) -> str | None:
    """A custody act in a sentence with no place that follows one of the same paragraph that placed
    a custody act: the same place ("... searched six homes in Bakhchysarai. They detained X.")."""
    a, b = min(spans)
    i = max(0, bisect.bisect_right(starts, a) - 1)
    sent = sentences[i]
    if i == 0 or _window(places, pl_starts, sent.start, sent.end):
        return None
    prev = sentences[i - 1]
    got = custody_place.get(prev.start)
    if got is None or _paragraph(text, prev.start) != _paragraph(text, sent.start):
        return None
    ref, psent, pa, _pb = got
    ex.claim(ev, "LOCATED_IN", ref, quote_span(text, psent, pa, psent.end), 0.5, "event-place-before")
    return ref
