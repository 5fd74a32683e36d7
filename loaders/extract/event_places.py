"""Where an event happened: ``LOCATED_IN`` for the events the claim rules left without a place.

The claim rules of :mod:`loaders.extract.claims` place the acts they know as they find them
("detained in Simferopol"). This pass reads every event's trigger again, with the
locative phrases of English rather than a list of verbs, for any event kind but a
statement or a publication (a dateline places those):

- a locative phrase after the trigger in the same clause ("in", "at", "near", "outside", "inside", "across",
  "throughout", "on the territory of"): "detained X in Simferopol",
  "searched his home in the village of Strogonovka", "detained in the occupied Crimean city of
  Sevastopol", "held at the FSB building in Simferopol" (the nearest such place);
- the place of the body that acts, just before the act: "the occupation authorities in Crimea
  detained X", also where the mention finder read the body and its place as one mention ("Russian authorities in
  occupied Crimea continued to persecute ...", round 14 loc14; a place the article names as a Location elsewhere);
- a locative phrase that opens the sentence: "In Bakhchysarai, police searched ...",
  "On 3 May in Dzhankoi, FSB officers detained ...";
- the seat of the court that judged it, where the article states it with a locative in any sentence ("the
  Zheleznodorozhny District Court, in Simferopol"; not a seat read from the court's name, "the Supreme Court of
  Crimea": a name gives a jurisdiction, and no development gold placed such a court's acts by it, 0 of 3);
- (not: a sentence without a place of its own that goes on from one that placed a custody act,
  "FSB officers searched six homes in Bakhchysarai. They detained X and Y.": no gold of the nine
  development splits agreed, two disagreed; round 11b)
- (not: the place inside a body's mention right after the act, "arrested by the Russian authorities in Crimea" (the
  mention finder reads the body and its place as one): one gold of the nine splits agreed (dev2), one act so placed
  was no gold event (dev6); round 12)

A place used as a name's adjective ("the Bakhchysarai case", "the Simferopol court") is not a
locative. A place after a relative clause, another act or another clause is that clause's, and
so is one after "violations" or "abuses" ("a law attributing responsibility for violations in
Crimea"), and one right after the noun of another act or state ("sanctions over its aggression in eastern Ukraine",
"the blueprint for its annexations in southern Ukraine"). A court's act is never placed in a country ("the trial of X in Russia": a court sits in
a town). An act placed at P whose trigger goes on "P and (the city of) Q" is in Q too ("the
annexation of the Autonomous Republic of Crimea and the city of Sevastopol").
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claims import TOPIC_BREAK_RE, Extraction, quote_span
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.guards import CLAUSE_VERB_RE
from loaders.extract.links import heading_dateline
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.org_seats import inner_places
from loaders.extract.regex_buckets import Prefiltered
from loaders.extract.seat_places import campaign_places

__all__ = ["event_places", "prune_event_places", "statement_venues"]

_UNPLACED = ("statement", "publication", "conference", "meeting")
_CUSTODY = ("search", "arrest", "detention")
# "in", "at", "near" ... before the place, with up to three words between ("in the occupied Crimean city of").
_SETTLEMENT = (r"(?:villages?|towns?|city|cities|settlements?|township|urban-type\s+settlement|districts?|region|port|outskirts|suburbs?|"
               r"capital|centre|center|building|office|headquarters|premises)")
# "on the temporarily occupied territory of the Autonomous Republic of Crimea", "in the territory of Crimea", "on the
# occupied territories of Crimea and the city of Sevastopol", "across the territory of": the official phrase for a place
# ("the occupied territories of Ukraine" are parts of a country, no one place: see _locative).
_TERRITORY = r"(?:in|on|within|across|throughout)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?territor(?:y|ies)\s+of\s+(?:the\s+)?(?:(?:temporarily\s+)?occupied\s+)?"
_LOCATIVE_RE = re.compile(rf"\b(?:(?:in|at|near|outside|inside|across|throughout)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?"
                          rf"(?:{_SETTLEMENT}\s+(?:of|in)\s+(?:the\s+)?)?|{_TERRITORY})$", re.IGNORECASE)
# What may stand between a trigger and its place: no relative clause, no clause of its own.
_BREAK_RE = re.compile(r"[;:“”\"()]|\b(?:who|whom|whose|which|where|while|because|but|although|after|before|when|since|until|"
                       r"said|says|told|according|following|during|over|against|for|to|with|amid)\b|\band\s+(?:was|were|is|are|has|have|had|he|she|they|then)\b", re.IGNORECASE)
# The place as the adjective of a name: "the Bakhchysarai case", "Simferopol court", "the Crimean Tatar".
_ADJECTIVE_RE = re.compile(r"(?:’s|'s|\s+(?:[\w-]+\s+){0,2}?(?:case|cases|group|affair|trial|court|Court|prosecutor|Prosecutor|"
                           r"police|Police|branch|department|Department|directorate|Directorate|office|Office))\b")
# "on the Crimean peninsula", "on the peninsula": a peninsula takes "on" as a town takes "in".
_ON_RE = re.compile(r"\bon\s+(?:the\s+)?(?:(?:occupied|annexed|illegally\s+annexed|Russian-occupied)\s+)?$", re.IGNORECASE)
_PENINSULA_RE = re.compile(r"\bpeninsula$", re.IGNORECASE)
_TERRITORIES_RE = re.compile(r"\bterritories\b", re.IGNORECASE)


# Nouns of another act or state that a locative right after them belongs to: "end its aggression in eastern Ukraine",
# "its attempted annexations in eastern and southern Ukraine", "the war in Donbas", "its activities in Crimea".
_HEAD_NOUN_RE = Prefiltered(re.compile(r"\b(?:aggression|war|wars|conflict|conflicts|fighting|hostilities|occupation|annexations?|invasion|"
                           r"presence|activities|operations?|crisis|situation|offensive)\s*$", re.IGNORECASE))


def _other_head(text: str, lo: int, loc: re.Match[str], a: int, b: int) -> bool:
    """Whether the locative ``loc`` follows the noun of another act or state (not the trigger ``text[a:b]``)."""
    head = _HEAD_NOUN_RE.search(text, max(lo, loc.start() - 30), loc.start())
    return head is not None and (head.start() >= b or head.end() <= a)


def _locative(text: str, lo: int, pl: Mention) -> re.Match[str] | None:
    """The locative phrase right before place mention ``pl`` in ``text[lo:pl.start]``, if any (not "the occupied
    territories of" a country: they are parts of it, no one place)."""
    loc = _LOCATIVE_RE.search(text, lo, pl.start)
    if loc is not None and _TERRITORIES_RE.search(loc.group()) and pl.entry is not None and pl.entry.attributes.get("kind") == "country":
        return None
    return loc or (_ON_RE.search(text, lo, pl.start) if _PENINSULA_RE.search(pl.text) else None)


_OPENING_RE = re.compile(r"(?:(?:On|By|In|Early|Late|Last)\s+[^,.;]{1,40}?,?\s+)?(?:(?:in|at|near|across|throughout)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
                         rf"(?:{_SETTLEMENT}\s+of\s+(?:the\s+)?)?|{_TERRITORY})$", re.IGNORECASE)


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
        if _court_in_country(ex, c.subject, c.object):
            drop.append(c)
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


def _court_in_country(ex: Extraction, ev: str, place: str) -> bool:
    """Whether ``ev`` is a court's act and ``place`` a country: "the trial of X and Y in Russia", "the
    harshest sentence yet given to a Jehovah's Witness in Russia" name the country of the case; a court
    sits in a town (the article names it elsewhere, or the act stays unplaced)."""
    return (ex.entities[ev].attributes or {}).get("kind") in _COURT_ACTS and place in ex.entities \
        and (ex.entities[place].attributes or {}).get("kind") == "country"


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


def event_places(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``LOCATED_IN`` for each event with triggers and no place yet."""
    placed = {c.subject for c in ex.claims if c.predicate == "LOCATED_IN"}
    places = sorted([m for m in mentions if m.label == "Location" and m.ref in ex.entities
                     and ex.entities[m.ref].label == "Location"] + inner_places(text, mentions, ex), key=lambda m: m.start)
    others_all = [m for m in mentions if m.label != "Location"]
    pl_starts, ot_starts = [p.start for p in places], [m.start for m in others_all]
    starts = [s.start for s in sentences]
    all_triggers = sorted((a, b) for spans in ex.triggers.values() for a, b in spans)
    place_of: dict[str, str] = {}
    for c in ex.claims:
        if c.predicate == "LOCATED_IN" and c.object in ex.entities and ex.entities[c.object].label == "Location":
            place_of.setdefault(c.subject, c.object)
    todo = []
    for ev, spans in ex.triggers.items():
        kind = (ex.entities[ev].attributes or {}).get("kind")
        if ev in placed or kind in _UNPLACED or not spans:
            continue
        todo.append((min(spans), ev, kind, spans))
    # a seat the article states with a locative ("the Court, in Simferopol", "a court based in Kerch"); a court's name
    # ("Supreme Court of Crimea", "District Court of Simferopol") names its jurisdiction, not where an act of it took place
    seats = {c.subject: c for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject in ex.entities
             and (ex.entities[c.subject].attributes or {}).get("kind") == "court"
             and c.rule not in ("court-name", "body-name-seat") and _SEAT_IN_RE.search(text, c.span[0], c.span[1])}
    judged = {c.object: seats[c.subject] for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.subject in seats
              and c.qualifiers.get("role") in ("judge", "perpetrator")}
    targets: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target":
            targets.setdefault(c.object, set()).add(c.subject)
    for _first, ev, kind, spans in sorted(todo):
        found = None
        for a, b in sorted(spans):
            sent = _sentence_of(sentences, starts, a)
            inside = [p for p in _window(places, pl_starts, sent.start, sent.end) if p.end <= sent.end
                      and not _court_in_country(ex, ev, p.ref)]
            others = [m for m in _window(others_all, ot_starts, sent.start, sent.end) if m.end <= sent.end]
            found = (_court_where(text, sent, inside, others, a, b) if kind in _COURT_ACTS else None) \
                or _after(text, sent, inside, others, all_triggers, a, b) or _opening(text, sent, inside, a) \
                or _agent_in(text, sent, inside, others, a) or _agent_inner(text, sent, others, a, ex)
            if found is not None:
                pl, lo, hi, rule = found
                ex.claim(ev, "LOCATED_IN", pl.ref, quote_span(text, sent, lo, hi), 0.6, rule)
                placed.add(ev)
                place_of[ev] = pl.ref
                break
        if found is None and kind in _COURT_ACTS and ev not in judged:
            town = _named_court_place(ex, ev)
            if town is not None:
                placed.add(ev)
                place_of[ev] = town
                continue
        if found is None and ev in judged and not _court_in_country(ex, ev, judged[ev].object):
            # the court that judged it sits in a place the article names: "the Court, in Simferopol"
            seat = judged[ev]
            ex.claim(ev, "LOCATED_IN", seat.object, seat.span, 0.55, "court-seat")
            placed.add(ev)
            place_of[ev] = seat.object
        if ev not in placed:
            # the sentence's place, further from the trigger than the tight rules above look
            for a, b in sorted(spans):
                sent = _sentence_of(sentences, starts, a)
                inside = [p for p in _window(places, pl_starts, sent.start, sent.end) if p.end <= sent.end]
                others = [m for m in _window(others_all, ot_starts, sent.start, sent.end) if m.end <= sent.end]
                if targets.get(ev) and not any(m.ref in targets[ev] for m in others):
                    continue  # "the detention of 5 Crimean Tatars" named in the next sentence: not this sentence's act alone
                found = _in_sentence(text, sent, inside, a, b, kind, ex, all_triggers, others)
                if found is not None:
                    pl, lo, hi, rule = found
                    ex.claim(ev, "LOCATED_IN", pl.ref, quote_span(text, sent, lo, hi), 0.5, rule)
                    placed.add(ev)
                    place_of[ev] = pl.ref
                    break
    _siblings(text, sentences, starts, ex, targets, place_of, placed)
    _coordinated(text, sentences, starts, places, pl_starts, ex)
    campaign_places(text, sentences, mentions, ex)


# "P and the city of Q", "P and Q": a second place coordinated with the act's place.
_AND_PLACE_RE = re.compile(r"\s+and\s+(?:in\s+|on\s+)?(?:the\s+)?(?:(?i:city|town|village|region|oblast)\s+(?:of\s+)?)?")


def _coordinated(text: str, sentences: list[Sentence], starts: list[int], places: list[Mention], pl_starts: list[int],
                 ex: Extraction) -> None:
    """An act placed at P whose trigger names it with a second place coordinated: "the annexation of
    the Autonomous Republic of Crimea and the city of Sevastopol", "a ban on the occupied territories of
    Crimea and the city Sevastopol" -> ``LOCATED_IN`` Q too. P is the first place in or after the trigger
    (within its clause); Q follows "and" at once. Not a country after a place that is none, a facility, or
    a name's adjective ("and Sevastopol city council")."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}
    for c in list(ex.claims):
        if c.predicate != "LOCATED_IN" or c.subject not in ex.triggers or c.object not in ex.entities \
                or ex.entities[c.object].label != "Location" or ex.entities[c.subject].label != "Event":
            continue
        if (ex.entities[c.subject].attributes or {}).get("kind") in _UNPLACED:
            continue
        for a, b in ex.triggers[c.subject]:
            sent = _sentence_of(sentences, starts, a)
            nxt = [p for p in _window(places, pl_starts, a, min(sent.end, b + 100)) if p.end <= sent.end]
            if not nxt or nxt[0].ref != c.object or _BREAK_RE.search(text, b, max(b, nxt[0].start)):
                continue
            pm = nxt[0]
            mt = _AND_PLACE_RE.match(text, pm.end)
            q = next((p for p in nxt[1:] if mt is not None and p.start == mt.end()), None)
            if q is None or q.ref == c.object or (c.subject, q.ref) in have or _ADJECTIVE_RE.match(text, q.end):
                continue
            kinds = [(ex.entities[r].attributes or {}).get("kind") for r in (c.object, q.ref)]
            if "facility" in kinds or (kinds[1] == "country") != (kinds[0] == "country"):
                continue
            have.add((c.subject, q.ref))
            ex.claim(c.subject, "LOCATED_IN", q.ref, quote_span(text, sent, min(a, pm.start), q.end), 0.55, "event-place-and")


def _siblings(text: str, sentences: list[Sentence], starts: list[int], ex: Extraction, targets: dict[str, set[str]],
              place_of: dict[str, str], placed: set[str]) -> None:
    """Custody acts on one person told in one sentence happened in one place: "FSB agents in Crimea
    raided and searched the house of X ... and briefly detained him" (the detention where the search was)."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for ev, spans in ex.triggers.items():
        if (ex.entities[ev].attributes or {}).get("kind") in _CUSTODY and targets.get(ev):
            for a, b in spans:
                by_sentence.setdefault(_sentence_of(sentences, starts, a).start, []).append((a, b, ev))
    for acts in by_sentence.values():
        for a, b, ev in sorted(acts):
            if ev in placed:
                continue
            source = next((e for _a, _b, e in acts if e in place_of and e != ev and targets[e] == targets[ev]), None)
            if source is None or len({place_of[e] for _a, _b, e in acts if e in place_of and targets[e] == targets[ev]}) != 1:
                continue
            sent = _sentence_of(sentences, starts, a)
            placed.add(ev)
            place_of[ev] = place_of[source]
            ex.claim(ev, "LOCATED_IN", place_of[source], quote_span(text, sent, sent.start, b), 0.5, "event-place-sibling")


def _after(text: str, sent: Sentence, places: list[Mention], others: list[Mention], triggers: list[tuple[int, int]],
           a: int, b: int) -> tuple[Mention, int, int, str] | None:
    """The nearest place after the trigger that a locative phrase of the same clause introduces,
    with only the act's own words between (the people it names, a date, "the home of")."""
    for pl in places:
        if pl.start < b or pl.start - b > 160:
            continue
        gap = text[b:pl.start]
        loc = _locative(text, b, pl)
        if not loc:
            continue
        if _other_head(text, b, loc, a, b):
            return None  # "to end its aggression in eastern Ukraine": the place is the other act's
        at = loc.start() - b
        named = [m for m in others if b <= m.start and m.end <= b + at]
        if any(m.label == "Organisation" and m.entry is not None and m.entry.attributes.get("kind") == "court"
               and re.fullmatch(r",?\s*", text[m.end:b + at]) for m in named):
            return None  # "detention by the District Court in Simferopol": where the court sits (claims.py places its acts)
        if re.search(r"\bcourt[”\"]?,?\s+(?:in|of)\s+(?:the\s+)?$", gap, re.IGNORECASE):
            return None  # "detained the day the court in Simferopol ...": the court's town (its own acts are placed before)
        rest = len(gap[:at]) - sum(m.end - m.start for m in named if m.label == "Person")
        if rest > 60 or _BREAK_RE.search(gap) or TOPIC_BREAK_RE.search(gap) or CLAUSE_VERB_RE.search(gap) or _ADJECTIVE_RE.match(text, pl.end):
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


_SEAT_IN_RE = re.compile(r"\s(?:in|at)\s")
_COURT_ACTS = ("verdict", "trial", "hearing", "appeal", "detention_extension")
_COURT_WORD = r"(?:(?:district|city|municipal|military|garrison|appeals?|regional|supreme|appellate|[“\"])\s*)*(?:court|tribunal)[”\"]?"
# "a Simferopol court rejected", "the Simferopol “court” sentenced": the place names the court that acts right after it.
_PLACE_COURT_RE = re.compile(rf"\s*{_COURT_WORD}\s+(?:has\s+|had\s+)?(?:also\s+|again\s+|\w+ly\s+)?$", re.IGNORECASE)
# "a court in Simferopol extended ...", "the court of the city of Kerch sentenced": the court's place before the act.
_COURT_IN_RE = re.compile(rf"\b{_COURT_WORD}\s+(?:in|of)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)
# "the trial of X opened at the Southern District Military Court in Rostov-on-Don", "his hearing at a court in Kerch".
_AT_COURT_RE = re.compile(rf"\b(?:at|in|before|by)\s+(?:the\s+|a\s+)?(?:[\w’'-]+\s+){{0,5}}?{_COURT_WORD},?\s+(?:in|of)\s+"
                          r"(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)
_AUX_RE = re.compile(r"\s*(?:has\s+|had\s+|have\s+)?(?:also\s+|again\s+|\w+ly\s+)?")


def _court_where(text: str, sent: Sentence, places: list[Mention], others: list[Mention],
                 a: int, b: int) -> tuple[Mention, int, int, str] | None:
    """Where a court's act happened: where the court that does it sits, when the sentence names the
    court by its place right before the act ("a Simferopol court rejected", "a court in Kerch
    extended") or after a nominal act ("the trial of X opened at the Military Court in Rostov-on-Don")."""
    for pl in places:
        if pl.end <= a and a - pl.end <= 40:
            if _PLACE_COURT_RE.fullmatch(text, pl.end, a) or (
                    _COURT_IN_RE.search(text, max(sent.start, pl.start - 60), pl.start) and _AUX_RE.fullmatch(text, pl.end, a)):
                return pl, max(sent.start, pl.start - 20 if _COURT_IN_RE.search(text, max(sent.start, pl.start - 60), pl.start) else pl.start), \
                    max(a + 1, pl.end), "court-act-place"
        elif pl.start >= b and pl.start - b <= 140:
            gap = text[b:pl.start]
            at = _AT_COURT_RE.search(gap)
            if at is not None and not _BREAK_RE.search(gap[:at.start()]) and not CLAUSE_VERB_RE.search(gap[:at.start()]):
                return pl, a, pl.end, "court-act-place"
    return None


_LIGHT_BREAK_RE = re.compile(r"[;:()]|\b(?:while|because|but|although|after|before|since|until|said|says|told|according|following|"
                             r"about|regarding|concerning|whose|like|unlike|violations?|abuses?|"
                             r"amid|offers?|shows?)\b|\b(?:to|in)\s+(?:support|protest|oppose|demand|mark|attend|visit|meet|join|defend|"
                             r"solidarity)\b", re.IGNORECASE)
# "does not recognise the enforcement of Russian law in Crimea and Sevastopol and expects all illegally detained
# Ukrainians to be released": a speaker's second verb, coordinated, opens a clause of its own; the place is the first's.
_SPEAKER_AND_RE = Prefiltered(re.compile(r"\b(?:and|but)\s+(?:also\s+|again\s+|further\s+|therefore\s+)?(?:expects?|calls?|urges?|demands?|asks?|"
                             r"insists?|reiterates?|condemns?|welcomes?|notes?|recalls?|stresses?|requests?|wants?|hopes?)\b",
                             re.IGNORECASE))


def _in_sentence(text: str, sent: Sentence, places: list[Mention], a: int, b: int, kind: str | None, ex: Extraction,
                 triggers: list[tuple[int, int]], others: list[Mention]) -> tuple[Mention, int, int, str] | None:
    """The nearest place of the trigger's sentence that a locative introduces ("in", "at", "near" ...),
    when nothing but the act's own clause stands between: "violations by Russia in occupied Crimea,
    including the detention of X", "X was detained on 3 May, together with two others, in Kerch".
    Not a country (a state "in Russia" is its own subject), a name's adjective ("the Kerch court"), a
    place in a relative clause or in another clause ("who assembled in Simferopol", "arrested in Crimea
    and convicted"), a place that is a person's description ("lawyer in Crimea Emil K."), or, for an act
    a court does not do itself, the seat of a court ("detention by the District Court, in Simferopol")."""
    best: tuple[int, Mention] | None = None
    for pl in places:
        if (ex.entities[pl.ref].attributes or {}).get("kind") == "country":
            continue
        loc = _locative(text, max(sent.start, pl.start - 60), pl)
        if not loc or _ADJECTIVE_RE.match(text, pl.end) or _other_head(text, sent.start, loc, a, b):
            continue
        before = pl.end <= a
        lo, hi = (pl.end, a) if before else (b, pl.start)
        if _RELATIVE_RE.search(text, lo, hi) or _LIGHT_BREAK_RE.search(text, lo, hi) or CLAUSE_VERB_RE.search(text, lo, hi) \
                or _SPEAKER_AND_RE.search(text, lo, hi) \
                or TOPIC_BREAK_RE.search(text[lo:hi]):
            continue
        if not before and any(b <= x and y <= pl.start for x, y in triggers):
            continue  # "convicted ... and transferred to a colony in X": the place is the other act's
        if before and (any(sent.start <= x and y <= pl.start for x, y in triggers if (x, y) != (a, b))
                       or re.match(r"\s+[A-Z]", text[pl.end:pl.end + 2])
                       or _RELATIVE_RE.search(text[max(sent.start, pl.start - 80):pl.start].rsplit(",", 1)[-1])):
            continue
        if kind not in _COURT_ACTS and (_COURT_IN_RE.search(text, max(sent.start, pl.start - 60), pl.start) or any(
                o.label == "Organisation" and o.entry is not None and o.entry.attributes.get("kind") == "court"
                and re.fullmatch(r",?\s+(?:in|of)\s+(?:the\s+)?", text[o.end:pl.start]) for o in others)):
            continue
        d = a - pl.end if before else pl.start - b
        if best is None or d < best[0]:
            best = (d, pl)
    if best is None:
        return None
    pl = best[1]
    return pl, min(a, pl.start), max(b, pl.end), "event-sentence-place"


# A court the article names by its town only: "a Simferopol “court”", "the Kerch city court".
_TOWN_COURT_RE = re.compile(r"(?:a|an|the)?\s*(?P<place>[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)?)\s+(?:city\s+|district\s+)?[“\"]?court[”\"]?",
                            re.IGNORECASE)


def _named_court_place(ex: Extraction, ev: str) -> str | None:
    """The town in the name of the generic court that judged ``ev`` ("a Simferopol “court” rejected
    the appeal"): the act is there. The town becomes an entity of its own when the gazetteer knows it."""
    for c in ex.claims:
        if c.predicate != "PARTICIPANT_IN" or c.object != ev or c.qualifiers.get("role") not in ("judge", "perpetrator"):
            continue
        court = ex.entities.get(c.subject)
        if court is None or not court.generic or (court.attributes or {}).get("kind") != "court":
            continue
        mt = _TOWN_COURT_RE.fullmatch(court.name)
        if mt is None or not mt.group("place")[:1].isupper():
            continue
        name = mt.group("place")
        ref = next((k for k, e in ex.entities.items() if e.label == "Location" and name in (e.name, *e.aliases)), None)
        if ref is None:
            entry = load_gazetteer().places.get(name)
            if entry is None or entry.label != "Location" or (entry.attributes or {}).get("kind") == "country":
                continue
            ref = f"place:{entry.key}"
            ex.entity(ref, entry.label, entry.name, **entry.attributes)
        if (ex.entities[ref].attributes or {}).get("kind") == "country":
            continue
        ex.claim(ev, "LOCATED_IN", ref, c.span, 0.55, "court-town")
        return ref
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


# "the Russian authorities in occupied Crimea": a body's mention that ends on its place
_INNER_PLACE_RE = re.compile(r"\sin\s+(?:the\s+)?(?:(?:temporarily\s+)?(?:occupied|annexed|illegally\s+annexed|Russian-occupied|Russia-occupied)\s+)?"
                             r"(?P<place>[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+){0,3})$")
_AGENT_VERB_GAP_RE = re.compile(r"\s*(?:officers\s+|agents\s+)?(?:have\s+|has\s+|had\s+)?(?:also\s+|again\s+|\w+ly\s+)?"
                                r"(?:(?:continued?|continues|began|begun|started)\s+to\s+)?")


def _agent_inner(text: str, sent: Sentence, others: list[Mention], a: int, ex: Extraction) -> tuple[Mention, int, int, str] | None:
    """The place inside the mention of the body that does the act, named just before the act: "Russian authorities in
    occupied Crimea continued to persecute ..." (the mention finder reads the body and its place as one)."""
    for o in others:
        if o.label != "Organisation" or o.end > a or a - o.end > 40 or not _AGENT_VERB_GAP_RE.fullmatch(text, o.end, a):
            continue
        mt = _INNER_PLACE_RE.search(o.text)
        if mt is None:
            continue
        name = mt.group("place")
        ref = next((k for k, e in ex.entities.items() if e.label == "Location" and name in (e.name, *e.aliases)
                    and (e.attributes or {}).get("kind") != "country"), None)
        if ref is None:
            continue
        p0 = o.start + mt.start("place")
        return Mention(p0, p0 + len(name), name, "Location", ref), o.start, a + 1, "event-agent-place"
    return None


# "speaking at a meeting of the ...", "delivered to the ...", "remarks at the ...": where a statement was made.
_VENUE_RE = re.compile(r"\b(?:speaking|spoke|speech|remarks|statement|delivered|addressing|addressed|said|told)\s+"
                       r"(?:by\s+[^,.;:()]{1,60}?\s+)?(?:at|to|before|in)\s+"
                       r"(?:(?:a|an|the)\s+)?(?:(?:[\w-]+\s+){0,2}?(?:meeting|session|sitting|debate|briefing)s?\s+(?:of|at)\s+)?(?:the\s+)?$",
                       re.IGNORECASE)


# "VIENNA, 19 September 2014 – ...", "WASHINGTON, DC – ...": a dateline in capitals that opens a paragraph near the top.
_CAPS_DATELINE_RE = re.compile(r"^(?P<city>[A-Z][A-Z'-]{2,20}(?:\s[A-Z][A-Z'-]{2,20})?)(?:,\s*(?:DC|D\.C\.))?(?:,\s*(?:\d{1,2}\s+[A-Z][a-z]+|"
                               r"[A-Z][a-z]+\s+\d{1,2})(?:,?\s+\d{4})?)?\s*[–—-]\s", re.MULTILINE)


def _capital_dateline(text: str, sentences: list[Sentence], ex: Extraction, open_statements: list[str]) -> None:
    """The statement a press release opens with is made in its dateline's city, written in capitals (the
    mention finder reads "VIENNA" as no place): the city's entity added from the gazetteer."""
    mt = _CAPS_DATELINE_RE.search(text, 0, 600)
    if mt is None:
        return
    entry = load_gazetteer().places.get(mt.group("city").title()) or load_gazetteer().lookup(mt.group("city").title())
    if entry is None or entry.label != "Location" or (entry.attributes or {}).get("kind") not in ("city", "town"):
        return
    para_end = text.find("\n", mt.end())
    para_end = len(text) if para_end < 0 else para_end
    made = [c for c in ex.claims if c.predicate == "STATES" and c.object in open_statements and mt.start() <= c.span[0] < para_end]
    if not made:
        return
    ref = next((k for k, e in ex.entities.items() if e.label == "Location" and entry.name in (e.name, *e.aliases)), f"place:{entry.key}")
    if ref not in ex.entities:
        ex.entity(ref, "Location", entry.name, **entry.attributes)
    sent = _sentence_of(sentences, [x.start for x in sentences], mt.start())
    for c in made:
        if c.object in open_statements:
            ex.claim(c.object, "LOCATED_IN", ref, quote_span(text, sent, mt.start(), mt.end()), 0.55, "caps-dateline")
            open_statements.remove(c.object)


def statement_venues(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """A statement made at a body that sits somewhere is made there: "... speaking at a meeting of the
    Vienna-based Permanent Council", "remarks to the Permanent Council in Vienna" -> the article's
    statement without a place ``LOCATED_IN`` the body's seat (the place named with it, or the seat an
    earlier rule found), when the article has one such statement."""
    placed = {c.subject for c in ex.claims if c.predicate == "LOCATED_IN"}  # one pass, not one per statement
    open_statements = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "statement"
                       and k not in placed]
    if not open_statements:
        return
    _capital_dateline(text, sentences, ex, open_statements)
    if not open_statements:
        return
    line = heading_dateline(text, [m for m in mentions if m.label == "Location" and m.ref in ex.entities], ex.entities)
    if line is not None:
        # a statement its heading line delivers is made at the heading's dateline
        lo, hi = text.rfind("\n", 0, line.start) + 1, line.end
        for c in [c for c in ex.claims if c.predicate == "STATES" and c.object in open_statements and lo <= c.span[0] < hi]:
            sent = _sentence_of(sentences, [x.start for x in sentences], line.start)
            ex.claim(c.object, "LOCATED_IN", line.ref, quote_span(text, sent, max(lo, sent.start), line.end), 0.55, "dateline")
            open_statements.remove(c.object)
        if not open_statements:
            return
    seats = {c.subject: c.object for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject in ex.entities
             and ex.entities[c.subject].label == "Organisation"}
    starts = [s.start for s in sentences]
    located = {m.start: m for m in mentions if m.label == "Location" and m.ref in ex.entities
               and (ex.entities[m.ref].attributes or {}).get("kind") not in ("country", "region")}
    for m in mentions:
        if m.label != "Organisation":
            continue
        # "the Human Rights Council in Geneva": the place named right after the body
        after = re.match(r",?\s+in\s+(?:the\s+)?", text[m.end:m.end + 12])
        here = located.get(m.end + after.end()) if after else None
        seat = here.ref if here is not None else seats.get(m.ref)
        if seat is None:
            continue
        base = max(0, m.start - 120)
        head = text[base:m.start]
        # "the Vienna-based Permanent Council": the place word and "-based" stand before the body's name
        head = re.sub(r"[A-Z][\w’'-]*-based\s+$", "", head)
        venue = _VENUE_RE.search(head)
        if venue is None:
            continue
        sent = _sentence_of(sentences, starts, m.start)
        # the statement its speaker makes in that sentence, else the article's one statement
        here_made = sorted({c.object for c in ex.claims if c.predicate == "STATES" and c.object in open_statements
                            and sent.start <= c.span[0] < sent.end})
        if len(here_made) != 1 and len(open_statements) != 1:
            continue
        lo = max(sent.start, base + venue.start())
        ex.claim(here_made[0] if len(here_made) == 1 else open_statements[0], "LOCATED_IN", seat, quote_span(text, sent, lo, here.end if here is not None else m.end), 0.55,
                 "statement-venue")
        return
