"""Who takes part in a body's meeting, in the words of official reports of diplomacy:
"The Deputy Minister took part in the session of the UN Human Rights Council", "X participated in the
meeting of the Committee of Ministers", "X addressed the plenary session of the Parliamentary Assembly",
"the Ambassador spoke at the meeting of the OSCE Permanent Council".

One ``meeting`` event per body ("Meeting of the OSCE Permanent Council"), the body its organiser, the one
who took part (the person or body right before the verb) a participant, or its speaker when the verb is
one of speaking ("addressed", "spoke at"). A numbered meeting the act rules made of the same body
("1394th meeting of the Committee of Ministers") is that meeting. A summit, conference or forum is the
conference rules'; a court's session is a hearing, not a meeting.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.gazetteer import slug
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["gathering_keys", "meeting_orgs", "meeting_participants", "numbered_sessions", "summit_organisers", "summit_participants",
           "visits"]

_VERB = (r"(?P<speak>addressed|addresses|addressing|(?:spoke|speaks|speaking|delivered\s+a\s+(?:speech|statement))\s+at)"
         r"|(?:took|takes|taking)\s+part\s+in|participated\s+in|participates\s+in|participating\s+in|attended|attends|attending"
         r"|(?P<chair>chaired|co-chaired|chairs|presided\s+over)")
_MEETING_RE = re.compile(rf"\b(?:{_VERB})\s+(?:the|a|an)\s+(?P<what>(?:\d{{1,4}}(?:st|nd|rd|th)\s+)?(?:(?:regular|ordinary|"
                         r"extraordinary|special|plenary|high-level|ministerial|annual|joint|informal|formal|closing|opening|"
                         r"spring|summer|autumn|winter|part-)\s*){0,2}(?:meeting|session|sitting|debate))\s+of\s+(?:the\s+)?",
                         re.IGNORECASE)
# The one who took part: right before the verb, an apposition or an auxiliary between ("X, Deputy Minister, has").
_SUBJECT_RE = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:,[^,;()“”]{1,100},)?\s+(?:also\s+|\w+ly\s+)?(?:has\s+|have\s+|had\s+)?"
                         r"(?:also\s+)?")
_IN_RE = re.compile(r"\s+in\s+(?:the\s+)?")
_NOT_BODIES = ("court", "collective", "police", "security_service", "prosecutor")


def meeting_participants(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """A ``meeting`` event of the body a sentence says someone took part in, with its organiser and participant;
    then the meetings the organisation finder took for organisations (:func:`meeting_orgs`)."""
    meeting_orgs(text, sentences, mentions, ex)
    summit_participants(text, sentences, mentions, ex)
    summit_organisers(text, sentences, mentions, ex)
    visits(text, sentences, mentions, ex)
    numbered_sessions(text, sentences, mentions, ex)
    if not any(w in text for w in ("eeting", "ession", "itting", "ebate")):
        return
    body_meetings(text, sentences, mentions, ex)
    starts = [m.start for m in mentions]
    for sent in sentences:
        for mt in _MEETING_RE.finditer(sent.text):
            b = sent.start + mt.end()
            i = bisect.bisect_left(starts, b)
            body = mentions[i] if i < len(mentions) and mentions[i].start == b else None
            if body is None or body.label != "Organisation" or body.ref not in ex.entities:
                continue
            e = ex.entities[body.ref]
            if e.generic or e.attributes.get("kind") in _NOT_BODIES:
                continue
            a = sent.start + mt.start()
            who = [m for m in mentions[:bisect.bisect_left(starts, a)] if m.start >= sent.start and m.ref in ex.entities
                   and m.label in ("Person", "Organisation") and not ex.entities[m.ref].generic
                   and _SUBJECT_RE.fullmatch(text, m.end, a)][-1:]
            if not who:
                continue
            ev = _meeting_of(ex, body.ref)
            span = quote_span(text, sent, who[0].start, body.end)
            ex.claim(body.ref, "PARTICIPANT_IN", ev, span, 0.6, "meeting-of", role="organiser")
            role = "speaker" if mt.group("speak") else "organiser" if mt.group("chair") else "participant"
            if who[0].ref != body.ref:
                ex.claim(who[0].ref, "PARTICIPANT_IN", ev, span, 0.6, "meeting-of", role=role)
            # "the session of the UN Human Rights Council in Geneva": where the meeting was held
            j = bisect.bisect_left(starts, body.end)
            place = next((p for p in mentions[j:j + 3] if p.label == "Location" and p.end <= sent.end
                          and _IN_RE.fullmatch(text, body.end, p.start)), None)
            if place is not None and place.ref in ex.entities:
                ex.claim(ev, "LOCATED_IN", place.ref, quote_span(text, sent, a, place.end), 0.6, "meeting-of")


# A body's meeting named by the body before the noun, as English compounds it: "at the Security Council meeting", "the
# OSCE Permanent Council's special session", "a Parliamentary Assembly debate" (beside "the meeting of the X" above).
_BODY_MEETING_RE = re.compile(r"(?:’s|'s)?\s+(?:(?:regular|special|emergency|extraordinary|open|closed|informal|plenary|ministerial|"
                              r"high-level|formal|urgent)\s+){0,2}(?:meeting|session|sitting|debate)s?\b(?!\s+(?:of|room|hall)\b)")
# The one who took part, right before the phrase: "X spoke at the", "X took part in a", "X addressed the".
_TOOK_PART_AT_RE = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?P<verb>spoke\s+at|speaking\s+at|addressed|took\s+part\s+in|"
                              r"participated\s+in|attended)\s+(?:the|a|an|this|today’s|today's)\s+$")


def body_meetings(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """A ``meeting`` event of a body named right before "meeting", "session", "sitting" or "debate", the body its
    organiser and the one who spoke at or took part in it (named right before the verb) its speaker or participant."""
    starts = [m.start for m in mentions]
    for i, body in enumerate(mentions):
        e = ex.entities.get(body.ref)
        if body.label != "Organisation" or e is None or e.label != "Organisation" or e.generic \
                or e.attributes.get("kind") in _NOT_BODIES:
            continue
        mt = _BODY_MEETING_RE.match(text, body.end)
        if mt is None or (i + 1 < len(mentions) and mentions[i + 1].start < mt.end()):
            continue
        sent = next((x for x in sentences if x.start <= body.start < x.end), None)
        if sent is None or mt.end() > sent.end:
            continue
        if re.search(r"\bAnnual\b", text[max(sent.start, body.start - 12):mt.end()]):
            continue  # an annual session is a conference (the rules above)
        ev = _meeting_of(ex, body.ref)
        ex.trigger(ev, body.start, mt.end())
        ex.claim(body.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, body.start, mt.end()), 0.55, "body-meeting", role="organiser")
        j = bisect.bisect_left(starts, body.start)
        # (the one right before the verb: its mention ends where the verb phrase begins)
        verb = None
        who = []
        for m in reversed(mentions[max(0, j - 4):j]):
            if m.start < sent.start or m.ref not in ex.entities or m.label not in ("Person", "Organisation") or m.ref == body.ref:
                continue
            verb = _TOOK_PART_AT_RE.fullmatch(text, m.end, body.start)
            if verb is not None and not ex.entities[m.ref].generic:
                who = [m]
            break
        if who and verb is not None:
            role = "speaker" if verb.group("verb").startswith(("spoke", "speaking", "addressed")) else "participant"
            ex.claim(who[0].ref, "PARTICIPANT_IN", ev, quote_span(text, sent, who[0].start, mt.end()), 0.55, "body-meeting", role=role)


def _meeting_of(ex: Extraction, body: str) -> str:
    """The meeting the body organises in the draft already (a numbered one), else a new one."""
    have = next((c.object for c in ex.claims if c.subject == body and c.predicate == "PARTICIPANT_IN"
                 and c.qualifiers.get("role") == "organiser" and c.object in ex.entities
                 and ex.entities[c.object].attributes.get("kind") == "meeting"), None)
    if have is not None:
        return have
    name = ex.entities[body].name
    return ex.entity(f"event:meeting-of-{slug(name)}", "Event", f"Meeting of {name}", kind="meeting").key


# An organisation the name finder made of a meeting's name: "Inaugural Summit of the International Crimea Platform",
# "27th Annual Session of the OSCE Parliamentary Assembly", "1135th Meeting of the Permanent Council".
_MEETING_NAME_RE = re.compile(r"(?:(?:the\s+)?(?:\d{1,4}(?:st|nd|rd|th)|[A-Z][a-z]+)\s+){0,3}?(?P<head>Meeting|Session|Sitting|Summit|"
                              r"Conference|Forum)\s+of\s+(?:the\s+)?(?P<body>[A-Z].+)")
_CONFERENCE_HEADS = ("Summit", "Conference", "Forum")
# "X took part in the M", "X attended the M" (the one right before the verb)
_TOOK_PART_RE = re.compile(r"\b(?:took\s+part\s+in|participated\s+in|attended|addressed|spoke\s+at)\s+(?:the\s+)?$")


def meeting_orgs(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The meeting or summit an organisation's name really names becomes an event (``meeting``, or ``conference``
    for a summit, conference, forum or annual session) that the body it is "of" organises; the organisation goes."""
    from loaders.extract.doc_statements import body_named

    for key, e in list(ex.entities.items()):
        nm = _MEETING_NAME_RE.fullmatch(e.name) if e.label == "Organisation" else None
        if nm is None:
            continue
        body = body_named(nm.group("body"), ex)
        if body is None:
            continue
        own = [m for m in mentions if m.ref == key]
        if not own:
            continue
        annual = re.search(r"\bAnnual\s+Session\b", e.name)
        kind = "conference" if nm.group("head") in _CONFERENCE_HEADS or annual else "meeting"
        ev = ex.entity(f"event:{slug(e.name)}", "Event", e.name, kind=kind).key
        ex.claims[:] = [c for c in ex.claims if key not in (c.subject, c.object)]
        ex.entities.pop(key, None)
        starts = [m.start for m in mentions]
        for m in own:
            sent = next((s for s in sentences if s.start <= m.start < s.end), None)
            if sent is None:
                continue
            ex.trigger(ev, m.start, m.end)
            ex.claim(body, "PARTICIPANT_IN", ev, quote_span(text, sent, m.start, m.end), 0.55, "meeting-name", role="organiser")
            j = bisect.bisect_left(starts, m.end)
            place = next((p for p in mentions[j:j + 3] if p.label == "Location" and p.end <= sent.end and p.ref in ex.entities
                          and _IN_RE.fullmatch(text, m.end, p.start)), None)
            if place is not None:
                ex.claim(ev, "LOCATED_IN", place.ref, quote_span(text, sent, m.start, place.end), 0.55, "meeting-name")
            tp = _TOOK_PART_RE.search(text, max(sent.start, m.start - 30), m.start)
            if tp is None:
                continue
            who = [x for x in mentions[:bisect.bisect_left(starts, tp.start())] if x.start >= sent.start and x.ref in ex.entities
                   and x.label in ("Person", "Organisation") and not ex.entities[x.ref].generic
                   and _SUBJECT_RE.fullmatch(text, x.end, tp.start())][-1:]
            for x in who:
                ex.claim(x.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, x.start, m.end), 0.55, "meeting-name",
                         role="speaker" if tp.group().startswith(("addressed", "spoke")) else "participant")
    _named_meeting_organisers(text, sentences, ex)


def _named_meeting_organisers(text: str, sentences: Sequence[Sentence], ex: Extraction) -> None:
    """A meeting or summit event another rule made under the meeting's own name ("Inaugural Summit of the
    International Crimea Platform", once the name finder leaves the body after "of") is organised by that body."""
    from loaders.extract.doc_statements import body_named

    for key, e in list(ex.entities.items()):
        if e.label != "Event" or e.attributes.get("kind") not in ("meeting", "conference"):
            continue
        nm = _MEETING_NAME_RE.fullmatch(e.name)
        if nm is None or any(c.object == key and c.qualifiers.get("role") == "organiser" for c in ex.claims):
            continue
        body = body_named(nm.group("body"), ex)
        if body is None:
            continue
        at = text.find(e.name)  # the rule that made it names it as the text does; it left no trigger
        for a, b in (ex.triggers.get(key) or ([(at, at + len(e.name))] if at >= 0 else []))[:1]:
            sent = next((s for s in sentences if s.start <= a < s.end), None)
            if sent is not None:
                ex.claim(body, "PARTICIPANT_IN", key, quote_span(text, sent, a, b), 0.55, "meeting-name", role="organiser")


# Taking part in a body's summit, told by a noun: "his participation in the Inaugural Summit of the International Crimea
# Platform", "X was a participant of the Crimea Platform international summit in Kyiv" (dev3, dev5: three articles,
# two publishers). (A verb, "X took part in the summit", is the conference rules' of claim_parts.)
_PARTICIPATION = r"(?P<how>(?P<poss>his|her|their)\s+participation\s+in|(?:was|were|is|are)\s+(?:a\s+|the\s+)?participants?\s+(?:of|in|at))"
_ORDINAL = r"(?P<ord>(?:[Ii]naugural|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|\d{1,2}(?:st|nd|rd|th))\s+)?"
_SUMMIT_OF_RE = Prefiltered(re.compile(r"\b" + _PARTICIPATION + r"\s+(?:the\s+)?" + _ORDINAL + r"(?:(?:[Ii]nternational|[Hh]igh-level)\s+)?"
                           r"(?P<head>[Ss]ummit|[Cc]onference|[Ff]orum)\s+of\s+(?:the\s+)?$"))
_SUMMIT_BEFORE_RE = re.compile(r"\b" + _PARTICIPATION + r"\s+(?:the\s+)?" + _ORDINAL + r"$")
_SUMMIT_AFTER_RE = re.compile(r"\s+(?:(?:international|high-level)\s+)?(?P<head>[Ss]ummit|[Cc]onference|[Ff]orum)\b")


def summit_participants(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """A ``conference`` event of the body whose summit a person's participation a sentence names, the person its
    participant and the place after "in" its place (nobody is its organiser: the annotators tie the body to it in
    two ways, as organiser or with ``PART_OF``)."""
    if "articipa" not in text:
        return
    starts = [m.start for m in mentions]
    for sent in sentences:
        if "articipa" not in sent.text:
            continue
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        inside = [m for m in mentions[lo:hi] if m.end <= sent.end and m.ref in ex.entities]
        for body in (m for m in inside if m.label == "Organisation" and not ex.entities[m.ref].generic):
            w0 = max(sent.start, body.start - 90)
            m = _SUMMIT_OF_RE.search(text, w0, body.start)
            after = None
            if m is None:
                m = _SUMMIT_BEFORE_RE.search(text, w0, body.start)
                after = _SUMMIT_AFTER_RE.match(text, body.end) if m is not None else None
            if m is None or (after is None and m.re is _SUMMIT_BEFORE_RE):
                continue
            a = m.start()
            people = [x for x in inside if x.label == "Person" and x.end <= a]
            if m.group("poss"):  # "his participation": the one person the sentence names before it
                who = list({x.ref: x for x in people}.values())
                who = who if len(who) == 1 else []
            else:  # "X was a participant of": X
                who = [x for x in people if re.fullmatch(r"\s+", text[x.end:a])][-1:]
            if not who:
                continue
            end = after.end() if after is not None else body.end
            head = (after.group("head") if after is not None else m.group("head")).capitalize()
            ordinal = (m.group("ord") or "").strip().capitalize()
            name = " ".join(w for w in (ordinal, head, "of the", ex.entities[body.ref].name) if w)
            ev = ex.entity(f"event:{slug(name)}", "Event", name, kind="conference").key
            ex.trigger(ev, a, end)
            ex.claim(who[0].ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(who[0].start, a), end), 0.6, "summit",
                     role="participant")
            j = bisect.bisect_left(starts, end)
            place = next((p for p in mentions[j:j + 2] if p.label == "Location" and p.end <= sent.end and p.ref in ex.entities
                          and _IN_RE.fullmatch(text, end, p.start)), None)
            if place is not None:
                ex.claim(ev, "LOCATED_IN", place.ref, quote_span(text, sent, a, place.end), 0.6, "summit")


# The body whose summit, conference or forum it is, named with it: "the Inaugural Summit of the International Crimea
# Platform", "the August 23 Crimea Platform Summit", "the International Crimean Platform Summit" (README conv13a, point 2:
# the body whose session or summit it is organises it).
_HEAD_OF_RE = Prefiltered(re.compile(r"\b(?:[Ss]ummit|[Cc]onference|[Ff]orum)\s+of\s+(?:the\s+)?$"))
_HEAD_AFTER_RE = re.compile(r"\s+(?:(?:[Ii]nternational|[Hh]igh-level|[Aa]nnual|[Ii]naugural)\s+)?(?:[Ss]ummit|[Cc]onference|[Ff]orum)\b")
_NOT_ORGANISERS = ("court", "collective", "police", "security_service", "prosecutor", "government", "media")


def summit_organisers(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The body a ``conference`` event of the draft is named by ("Summit of the X", "X Summit") is its ``organiser``."""
    # (a conference event's words: its triggers, else its name, which the conference rule builds from the words before
    # the trigger: "Crimea Platform Summit")
    confs = {k: ex.triggers.get(k, []) for k, e in ex.entities.items() if e.label == "Event"
             and (e.attributes or {}).get("kind") == "conference"}
    if not confs:
        return
    starts = [s.start for s in sentences]
    for body in mentions:
        if body.label != "Organisation" or body.ref not in ex.entities or ex.entities[body.ref].generic \
                or ex.entities[body.ref].attributes.get("kind") in _NOT_ORGANISERS:
            continue
        before = _HEAD_OF_RE.search(text, max(0, body.start - 30), body.start)
        after = _HEAD_AFTER_RE.match(text, body.end) if before is None else None
        if before is not None:
            a, b = before.start(), body.end
        elif after is not None:
            a, b = body.start, after.end()
        else:
            continue
        named = re.sub(r"\s+", " ", text[a:b]).lower()
        ev = next((k for k, spans in confs.items() if any(x < b and a < y for x, y in spans)
                   or named in ex.entities[k].name.lower()), None)
        if ev is None or any(c.subject == body.ref and c.object == ev and c.predicate == "PARTICIPANT_IN" for c in ex.claims):
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, a) - 1)]
        ex.claim(body.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, a, b), 0.55, "summit-of", role="organiser")


# An official's own visit or mission to places: "releasing a report on his mission to Kyiv, Moscow and Simferopol",
# "During his mission to Crimea in September 2014, Commissioner X discussed", "In my visit to Ukraine last week, I
# reaffirmed" (dev2, dev4, valid: two publishers). A possessive is needed ("a trip to Ukraine" names no one).
_VISIT_RE = Prefiltered(re.compile(r"\b(?P<poss>his|her|my)\s+(?:(?:official|working|fact-finding|recent|first|last)\s+)?"
                       r"(?P<what>visit|mission|trip)\s+to\s+(?:the\s+)?"))
_PLACE_GAP_RE = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")


def visits(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """An ``other`` event of a person's visit or mission to the places named after it: the person ("his", "her": the
    one person the sentence names; "my": the one person who makes a statement in the document) its participant, the
    places its places."""
    if "visit" not in text and "ission" not in text and "trip" not in text:
        return
    starts = [m.start for m in mentions]
    makers = {c.subject for c in ex.claims if c.predicate == "STATES" and c.subject in ex.entities
              and ex.entities[c.subject].label == "Person"}
    for sent in sentences:
        for vm in _VISIT_RE.finditer(sent.text):
            a, b = sent.start + vm.start(), sent.start + vm.end()
            i = bisect.bisect_left(starts, b)
            places: list[Mention] = []
            at = b
            while i < len(mentions) and mentions[i].start == at and mentions[i].label == "Location" and mentions[i].ref in ex.entities \
                    and mentions[i].end <= sent.end:
                places.append(mentions[i])
                gap = _PLACE_GAP_RE.match(text, mentions[i].end)
                i += 1
                if gap is None:
                    break
                at = gap.end()
            if not places:
                continue
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            people = {m.ref for m in mentions[lo:hi] if m.label == "Person" and m.ref in ex.entities
                      and ex.entities[m.ref].label == "Person" and not ex.entities[m.ref].generic}
            if vm.group("poss") == "my":
                people = makers if not people else people
            if len(people) != 1:
                continue
            who = next(iter(people))
            what = vm.group("what").capitalize()
            name = f"{what} of {ex.entities[who].name} to " + ", ".join(ex.entities[p.ref].name for p in places)
            # (README conv13a, point 2: a visit, trip or mission is travel, not a gathering: ``other``)
            ev = ex.entity(f"event:{slug(ex.entities[who].name)}-{vm.group('what')}-{slug(ex.entities[places[0].ref].name)}",
                           "Event", name, kind="other").key
            ex.trigger(ev, a, places[-1].end)
            ex.claim(who, "PARTICIPANT_IN", ev, quote_span(text, sent, a, places[-1].end), 0.6, "visit", role="participant")
            for p in places:
                ex.claim(ev, "LOCATED_IN", p.ref, quote_span(text, sent, a, p.end), 0.6, "visit")


# A body's numbered session named before the body, when the name finder kept the body alone: "at the 27th Annual Session
# of the OSCE Parliamentary Assembly in Berlin" (the same form as "1394th meeting of the Committee of Ministers" of valid
# and "1135th Meeting of the Permanent Council" of dev5, which other rules read).
_NUMBERED_RE = re.compile(r"\b(?P<ord>\d{1,4}(?:st|nd|rd|th))\s+(?P<adj>(?:[A-Z][a-z]+\s+){0,2})"
                          r"(?P<head>[Ss]ession|[Mm]eeting|[Ss]itting)\s+of\s+(?:the\s+)?$")


def numbered_sessions(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """A ``meeting`` event (``conference`` for an annual session) of the body a numbered session is "of": the body its
    organiser, the place after "in" its place; unless the body organises a meeting or conference in the draft already."""
    if "th " not in text and "st " not in text and "nd " not in text and "rd " not in text:
        return
    for i, m in enumerate(mentions):
        e = ex.entities.get(m.ref)
        if m.label != "Organisation" or e is None or e.label != "Organisation" or e.generic or e.attributes.get("kind") in _NOT_BODIES:
            continue
        nm = _NUMBERED_RE.search(text, max(0, m.start - 60), m.start)
        if nm is None:
            continue
        if any(c.subject == m.ref and c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "organiser"
               and c.object in ex.entities and ex.entities[c.object].attributes.get("kind") in ("meeting", "conference")
               for c in ex.claims):
            continue
        sent = next((x for x in sentences if x.start <= m.start < x.end), None)
        if sent is None or nm.start() < sent.start:
            continue
        annual = "Annual" in nm.group("adj")
        name = f"{nm.group('ord')} {nm.group('adj')}{nm.group('head').capitalize()} of the {e.name}"
        ev = ex.entity(f"event:{slug(name)}", "Event", name, kind="conference" if annual else "meeting").key
        ex.trigger(ev, nm.start(), m.end)
        ex.claim(m.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, nm.start(), m.end), 0.55, "numbered-session", role="organiser")
        place = next((p for p in mentions[i + 1:i + 3] if p.label == "Location" and p.end <= sent.end and p.ref in ex.entities
                      and _IN_RE.fullmatch(text, m.end, p.start)), None)
        if place is not None:
            ex.claim(ev, "LOCATED_IN", place.ref, quote_span(text, sent, nm.start(), place.end), 0.55, "numbered-session")


# The corpus's keys of gatherings (README "How the gold is annotated": event keys name who, the kind and the date, so
# that every article reporting the event shares one key; conv13d points 9, 12 and 15): a body's summit, conference or
# forum is ``event:<body>-summit-<yyyy-mm-dd>`` (``event:crimea-platform-summit-2021-08-23``), a session of a body
# ``event:<body>-<yyyy-mm-dd>`` (``event:osce-permanent-council-2015-08-19``). The date is the event's own, else the
# one full date the sentence naming it gives; a summit with no date keeps ``event:<body>-summit``, a session with none
# the key its rule gave it.
_GATHERING_HEAD_RE = re.compile(r"\b(?P<h>summit|conference|forum)\b", re.IGNORECASE)


def gathering_keys(text: str, sentences: Sequence[Sentence], ex: Extraction) -> None:
    """Re-key the draft's conferences and meetings that a body organises to the corpus's key form (above)."""
    from loaders.extract.mentions import find_dates

    for key, e in list(ex.entities.items()):
        kind = e.attributes.get("kind")
        if e.label != "Event" or kind not in ("meeting", "conference"):
            continue
        bodies = {c.subject for c in ex.claims if c.object == key and c.predicate == "PARTICIPANT_IN"
                  and c.qualifiers.get("role") == "organiser" and c.subject in ex.entities
                  and ex.entities[c.subject].label == "Organisation" and not ex.entities[c.subject].generic
                  and c.subject.startswith("org:")}
        if len(bodies) != 1:
            continue
        body = next(iter(bodies))[4:]
        date = e.attributes.get("date")
        if not (isinstance(date, str) and len(date) == 10):
            spans = ex.triggers.get(key) or [c.span for c in ex.claims if c.object == key and c.qualifiers.get("role") == "organiser"]
            sent = next((s for s in sentences if spans and s.start <= spans[0][0] < s.end), None)
            found = {d[2] for d in find_dates(sent.text)} if sent is not None else set()
            date = next(iter(found)) if len(found) == 1 and len(next(iter(found))) == 10 else None
        if kind == "conference":
            head = _GATHERING_HEAD_RE.search(e.name)
            if head is None:
                continue
            new = f"event:{body}-{head.group('h').lower()}" + (f"-{date}" if date else "")
        elif date is not None:
            new = f"event:{body}-{date}"
        else:
            continue
        if new != key and new not in ex.entities:
            ex.rekey(key, new)
            if date:
                e.attributes.setdefault("date", date)
