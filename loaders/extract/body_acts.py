"""Acts of institutions a monitor records as events of kind ``other``, by linguistic form.

News, NGO and UN prose reports what bodies do as much as what is done to people:

- adoption of legislation: "the State Duma passed a law", "a decree signed ... was adopted by
  the Council": the body ``STATES`` its text (as an organisation states its report);
- sanctions: "the EU imposed sanctions on X", "sanctions against X": the body that imposes
  them is a participant, the person or organisation they are imposed on the target;
- visits and missions: "X visited Crimea", "her visit to Kyiv", "a monitoring mission to
  Crimea": the visitor is a participant, the place the event's place;
- a campaign an actor wages ("the occupation authorities have engaged in ... a campaign to
  eliminate all opposition to its control over Crimea"): the actor its perpetrator, the place after "in";
- sessions of a body: "the 52nd session of the Human Rights Council", "a session of the
  Permanent Council": the body is a participant;
- restrictions on an organisation short of a ban: "refused to register the channel ATR", "the Mejlis
  was denied registration", "blocked access to the website of X": the organisation is the target;
- an application to a body: "X applied to the European Court of Human Rights", "lodged a
  complaint with the UN Human Rights Committee": the applicant and the body are participants.

Each finder reads one sentence and returns :data:`BodyAct` tuples; :mod:`loaders.extract.acts`
turns them into :class:`Act` records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from loaders.extract.mentions import Mention

__all__ = ["BodyAct", "body_acts"]


class BodyAct(NamedTuple):
    """One act of an institution: its name, the trigger's offsets and who took part how."""

    name: str
    start: int
    end: int
    targets: list[Mention]
    participants: list[Mention]
    places: list[Mention]
    issuers: list[Mention]
    perpetrators: tuple[Mention, ...] = ()


# What a body adopts: legislation. (A resolution with no number, "adopted a resolution calling on States",
# the annotators of the development set leave out; a numbered one is :mod:`state_acts`'s.)
_TEXTS = r"(?:laws?|bills?|decrees?|statutes?|amendments?)"
# The subject right before its verb: an abbreviation in brackets, an apposition, an auxiliary, an adverb between.
_WHEN = r"(?:(?:on|in|last|this)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+|\d{4}|week|month|year)(?:\s+\d{1,2})?(?:,?\s+\d{4})?,?\s+)"
_SUBJ_GAP = re.compile(r"(?:\s*\([^()]{1,20}\))?(?:,[^,;()“”]{1,80},)?\s+(?:(?:has|have|had|also|again|today|recently|"
                       r"unanimously|overwhelmingly|once\s+again|formally|officially)\s+|" + _WHEN + r"){0,3}")
_ADOPT_RE = re.compile(r"\b(?:adopted|passed|approved|endorsed)\s+(?:(?:a|an|the|its|their|another|new|two|three|several)\s+)?"
                       r"(?:(?:new|further|landmark|annual|(?:\w+-)?\w+al|[A-Z][\w-]*)\s+){0,3}(" + _TEXTS + r")\b")
_ADOPTED_BY_RE = re.compile(r"\b(" + _TEXTS + r")(?:\s+(?:on|of|concerning|about|condemning)\s+[^.;,]{1,60}?)?\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:adopted|passed|approved)\s+"
                            r"(?:\w+ly\s+)?by\s+(?:the\s+)?$", re.IGNORECASE)
_SANCTION_RE = re.compile(r"\b(?:imposed|introduced|announced|extended|adopted|expanded|levied|applied)\s+(?:new\s+|further\s+|"
                          r"additional\s+|personal\s+|targeted\s+|individual\s+)?sanctions\s+(?:on|against)\s+(?:the\s+)?")
_SANCTION_NOUN_RE = re.compile(r"\bsanctions\s+(?:(?:were|have\s+been|had\s+been)\s+)?(?:imposed\s+)?(?:on|against)\s+(?:the\s+)?")
_VISIT_RE = re.compile(r"\b(?:visited|(?:paid|made)\s+(?:a|an|his|her|their|its)\s+(?:\w+\s+)?visit\s+to)\s+"
                       r"(?:the\s+)?(?:(?:occupied|annexed|Russian-occupied)\s+)?")
_VISIT_NOUN_RE = re.compile(r"\b(?:(?:his|her|their|its|the|a|an)\s+)(?:(?:official|working|first|recent|two-day|three-day|"
                            r"country|monitoring|fact-finding|assessment|field)\s+)?(?:visit|trip|mission)\s+to\s+(?:the\s+)?"
                            r"(?:(?:occupied|annexed|Russian-occupied)\s+)?")
_SESSION_RE = re.compile(r"\b(?:(?:the|a|an|its)\s+)(?:\d{1,3}(?:st|nd|rd|th)\s+|(?:regular|special|plenary|annual|"
                         r"extraordinary|urgent|closed|emergency)\s+){1,2}(?:session|sitting|meeting)\s+of\s+(?:the\s+)?$|"
                         r"\b(?:the|a|an)\s+(?:session|meeting|sitting)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "the Permanent Council session", "the Human Rights Council's 52nd session", "a UN Security Council meeting".
_SESSION_AFTER_RE = re.compile(r"(?:’s|'s)?\s+(?:\d{1,3}(?:st|nd|rd|th)\s+|(?:regular|special|plenary|annual|extraordinary|urgent|"
                               r"closed|emergency)\s+)*(?:session|sitting|meeting)\b")
# ("appealed to the court" is an appeal, the appeal rules' business; a domestic court is no body one applies to here.)
_APPLY_RE = re.compile(r"\b(?:applied|complained|petitioned|turned|(?:filed|lodged|submitted|sent)\s+(?:a|an|the|his|"
                       r"her|their)\s+(?:\w+\s+)?(?:complaint|application|appeal|petition|lawsuit|claim|communication))\s+"
                       r"(?:to|with)\s+(?:the\s+)?$", re.IGNORECASE)
# "the occupation authorities have engaged in an array of abuses in a campaign to eliminate all opposition in P":
# a campaign an actor wages (the actor may be a collective one: "the occupation authorities").
_CAMPAIGN_RE = re.compile(r"\b(?:engaged\s+in|conduct(?:ed|ing)|wag(?:ed|ing)|pursu(?:ed|ing)|launched|carried\s+out|intensified|"
                          r"stepped\s+up)\s+(?:[\w’'-]+\s+){0,8}?campaign\s+(?:to|of|against)\b")
_CAMPAIGN_GAP = re.compile(r"(?:,[^,;()“”]{1,80},)?\s+(?:(?:has|have|had|also|again|since|for|during|the|past|last|\d+|"
                           r"[a-z]+ly|years?)\s+){0,5}")
# Acts against an organisation short of a ban: "refused to register the Mejlis", "ATR was denied a licence", "the
# channel was forced to stop broadcasting", "blocked access to the website of ORG", "ORG's website was blocked".
_ORG_ACT_BEFORE_RE = re.compile(r"\b(?:(?:refused|denied|declined)\s+(?:to\s+)?(?:register|re-register|registration\s+(?:to|of|for)|"
                                r"re-registration\s+(?:to|of|for)|(?:a\s+)?licen[cs]es?\s+(?:to|for))|blocked\s+(?:access\s+to\s+)?"
                                r"(?:the\s+)?(?:websites?\s+of|online\s+(?:edition|resources?)\s+of)?|evicted|expelled)\s+(?:the\s+)?"
                                r"(?:(?:[A-Z][\w’'-]*|channel|newspaper|broadcaster|outlet|organi[sz]ation|movement|group|centre|center)\s+){0,3}$",
                                re.IGNORECASE)
_ORG_ACT_AFTER_RE = re.compile(r"(?:(?:’s|'s)\s+(?:websites?|broadcasts?|(?:online\s+)?resources?))?\s+(?:was|were|has\s+been|have\s+been|"
                               r"had\s+been)\s+(?:\w+ly\s+)?(?:(?:denied|refused)\s+(?:registration|re-registration|(?:a\s+)?licen[cs]e|"
                               r"accreditation)|forced\s+to\s+(?:close|stop|cease|leave|relocate|move|suspend|shut)|blocked|evicted)\b")
_NOT_ORG_TARGET = ("government", "court", "security_service", "police", "prosecutor", "collective", "military", "agency")
# Cheap substring tests first: most sentences name none of these acts.
_CHEAP = ("campaign", "regist", "licen", "forced to", "blocked", "evicted", "expelled", "adopt", "passed", "approved",
          "endorsed", "sanction", "visit", "trip", "mission", "session", "sitting", "meeting", "applied", "complain",
          "petition", "turned", "filed", "lodged", "submitted", "sent")
_NOT_BODY = ("collective",)


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def _named(m: Mention) -> bool:
    return m.entry is None or not m.entry.generic


def _name(m: Mention) -> str:
    return m.entry.name if m.entry is not None else m.text


def _subject(text: str, s0: int, actors: Sequence[Mention], a: int) -> list[Mention]:
    """The actor that is the subject of the verb at ``a`` (sentence offset ``a - s0``): the last one right before it."""
    subj = [x for x in actors if x.end <= a and _named(x) and _SUBJ_GAP.fullmatch(text[x.end - s0:a - s0])]
    return subj[-1:]


def _inside(spans: Sequence[Mention], a: int, b: int) -> bool:
    return any(m.start < b and a < m.end for m in spans)


def body_acts(text: str, s0: int, people: Sequence[Mention], orgs: Sequence[Mention],
              places: Sequence[Mention]) -> list[BodyAct]:
    """The adoptions, sanctions, visits, sessions and applications to a body of one sentence."""
    out: list[BodyAct] = []
    low = text.lower()
    if not any(w in low for w in _CHEAP):
        return out
    bodies = [o for o in orgs if _kind(o) not in _NOT_BODY]
    for m in _ADOPT_RE.finditer(text):
        a = s0 + m.start()
        if _inside(orgs, a, s0 + m.end()):
            continue
        who = _subject(text, s0, bodies, a)
        if who:
            noun = m.group(1).lower().rstrip("s") if m.group(1) != "amendments" else "amendments"
            out.append(BodyAct(f"{noun.capitalize()} adopted by {_name(who[0])}", a, s0 + m.end(), [], [], [], who))
    for o in bodies:
        window = text[max(0, o.start - s0 - 140):o.start - s0]
        bm = _ADOPTED_BY_RE.search(window)
        if bm is not None and _named(o):
            a = o.start - len(window) + bm.start()
            noun = bm.group(1).lower().rstrip("s")
            out.append(BodyAct(f"{noun.capitalize()} adopted by {_name(o)}", a, o.end, [], [], [], [o]))
    for m in _CAMPAIGN_RE.finditer(text):
        a = s0 + m.start()
        who = [o for o in orgs if o.end <= a and _CAMPAIGN_GAP.fullmatch(text[o.end - s0:m.start()])][-1:]
        if not who:
            continue
        rest = text[m.end():]
        where = [p for p in places if 0 <= p.start - (s0 + m.end()) <= 100 and re.search(
            r"\b(?:in|over|across|throughout|on)\s+(?:the\s+)?(?:(?:occupied|annexed|Russian-occupied)\s+)?$",
            rest[:p.start - s0 - m.end()]) and not re.search(r"[;.]", rest[:p.start - s0 - m.end()])][:1]
        out.append(BodyAct(f"Campaign by {_name(who[0])}", a, max([s0 + m.end(), *(p.end for p in where)]), [], [], where,
                           [], tuple(who)))
    for o in orgs:
        if not _named(o) or _kind(o) in _NOT_ORG_TARGET:
            continue
        before = text[max(0, o.start - s0 - 60):o.start - s0]
        om = _ORG_ACT_BEFORE_RE.search(before)
        am = None if om else _ORG_ACT_AFTER_RE.match(text, o.end - s0)
        if om is None and am is None:
            continue
        a = o.start - len(before) + om.start() if om is not None else o.start
        b = s0 + am.end() if am is not None else o.end
        perps = [x for x in orgs if x.end <= a and x is not o and _CAMPAIGN_GAP.fullmatch(text[x.end - s0:a - s0])][-1:] \
            if om is not None else []
        if not perps:
            perps = [x for x in orgs if x is not o and 0 <= x.start - b <= 40 and re.fullmatch(
                r"\s+by\s+(?:the\s+)?(?:(?:Russian|so-called|de\s+facto|occupation)\s+){0,2}", text[b - s0:x.start - s0])]
        out.append(BodyAct(f"Restrictions on {_name(o)}", a, b, [o], [], [], [], tuple(perps[-1:])))
    for rx in (_SANCTION_RE, _SANCTION_NOUN_RE):
        for m in rx.finditer(text):
            b = s0 + m.end()
            on = next((x for x in [*people, *orgs, *places] if x.start == b and _named(x)), None)
            if on is None:
                continue
            who = _subject(text, s0, [o for o in bodies if _kind(o) in ("government", "international", "other", "")], s0 + m.start())
            if rx is _SANCTION_NOUN_RE and not who:
                who = [o for o in bodies if o.end <= s0 + m.start() and re.fullmatch(
                    r"(?:’s|'s)?\s+(?:new\s+|further\s+)?", text[o.end - s0:m.start()])]
            if not who:
                continue
            out.append(BodyAct(f"Sanctions imposed by {_name(who[-1])} on {_name(on)}", s0 + m.start(), on.end, [on], who[-1:], [],
                               []))
            break
    for rx in (_VISIT_RE, _VISIT_NOUN_RE):
        for m in rx.finditer(text):
            b = s0 + m.end()
            place = next((p for p in places if p.start == b), None)
            if place is None or _inside(orgs, s0 + m.start(), b):
                continue
            if rx is _VISIT_RE:
                who = _subject(text, s0, [*people, *bodies], s0 + m.start())
            else:  # "X's visit to Kyiv", "X ... after her visit to Kyiv": the last one named before it
                own = re.match(r"(?:his|her|their|its)\b", m.group())
                who = [x for x in [*people, *bodies] if x.end <= s0 + m.start() and _named(x) and (
                    re.fullmatch(r"(?:’s|'s)\s+", text[x.end - s0:m.start()]) or re.fullmatch(r"\s+(?:on|during|after)\s+",
                                                                                             text[x.end - s0:m.start()])
                    or own and not re.search(r"[;:]", text[x.end - s0:m.start()]))][-1:]
            if who:
                out.append(BodyAct(f"Visit of {_name(who[0])} to {_name(place)}", s0 + m.start(), place.end, [], who, [place], []))
    for o in bodies:
        before = text[max(0, o.start - s0 - 60):o.start - s0]
        sm = _SESSION_RE.search(before)
        cm = None if sm else _SESSION_AFTER_RE.match(text, o.end - s0)
        if _named(o) and (sm is not None or cm is not None):
            a = o.start - len(before) + sm.start() if sm is not None else o.start
            b = s0 + cm.end() if cm is not None else o.end
            out.append(BodyAct(f"Session of {_name(o)}", a, b, [], [o], [], []))
    for o in bodies:
        before = text[max(0, o.start - s0 - 80):o.start - s0]
        pm = _APPLY_RE.search(before)
        if pm is None or not _named(o) or _kind(o) in ("government", "security_service", "police", "prosecutor"):
            continue
        if _kind(o) == "court" and not re.search(r"\b(?:European|International|Human\s+Rights|UN|United\s+Nations)\b", _name(o)):
            continue
        a = o.start - len(before) + pm.start()
        who = _subject(text, s0, [*people, *bodies], a)
        if who:
            out.append(BodyAct(f"Application of {_name(who[0])} to {_name(o)}", a, o.end, [], [who[0], o], [], []))
    return out
