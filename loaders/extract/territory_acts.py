"""The closing of a people's or a land's media, by linguistic form.

Reports of governments and NGOs tell it in a few fixed frames: "the shutting down of Crimean Tatar
media outlets", "the ban on Crimean Tatar media outlets", "almost all independent media have been
closed ... after occupation authorities denied ...": an ``other`` event; its place is a place the
sentence names, else the land the media's adjective names ("Crimean" media: Crimea), which
:func:`loaders.extract.claim_parts.act_event` looks up among the article's places.

(A state's taking of a land, by occupation, invasion or annexation, is :mod:`loaders.extract.annexations`.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.mentions import Mention
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["TerritoryAct", "media_closures", "media_stops"]

TerritoryAct = tuple[str, int, int, list[Mention], list[Mention]]

_MEDIA = r"(?:media(?:\s+outlets?)?|news\s+outlets|TV\s+channels?|television\s+channels?|newspapers|broadcasters)"
# How many of them: "all but one", "many major", "11 out of 12" (the count is no name: "independent media").
_COUNT = r"(?:(?:all\s+but\s+one|many|several|major|numerous|\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+)\s+)*"
_MEDIA_CLOSE_RE = re.compile(r"\b(?:shutting\s+down|shutdown|closure|closing|banning|ban|liquidation)\s+(?:of|on)\s+"
                             r"(?:the\s+)?" + _COUNT + r"(?P<adj>(?:(?:all|almost\s+all|most|independent|[A-Z][\w’'-]+)\s+){0,3})"
                             + _MEDIA + r"\b")
# An agency that shut them down, the verb active: "Russian authorities shut down all but one Crimean Tatar-language media
# outlet", "authorities have silenced and forced the closure of nongovernmental organizations and independent media",
# "have raided mosques and homes, expelled independent media off the peninsula".
_MEDIA_SHUT_RE = re.compile(r"\b(?:shut\s+down|closed\s+down|forced\s+the\s+closure\s+of|expelled|stifled|silenced|liquidated)\s+"
                            r"(?:the\s+)?" + _COUNT
                            + r"(?:(?:nongovernmental|non-governmental)\s+organi[sz]ations\s+and\s+)?"
                            r"(?P<adj>(?:(?:independent|[A-Z][\w’'-]+)\s+){0,3})" + _MEDIA + r"\b")
# Between the agency and its verb: an auxiliary, an adverb, other acts of the same subject ("have raided X, ").
# "have already forcibly exiled or jailed X, banned Y, and stifled ...": up to three such acts before it.
_SUBJECT_GAP_RE = re.compile(r"(?:[”\"]\s*)?(?:\s+(?:have|has|had))?(?:\s+(?:also|already|\w+ly)){0,2}"
                             r"(?:\s+[a-z]+ed\b[^.;:]{0,50}?(?:,|\s+and)){0,3}\s+")
# The agency before the noun: "the Russian occupation authorities’ shutdown of".
_OWNER_GAP_RE = re.compile(r"(?:’s|'s|’|')\s+(?:recent\s+)?")
# The passive: "almost all independent media have been closed", "Tatar television broadcasting and press publications
# have been discontinued", "their publications have been closed down", "the local newspapers have been stifled". A
# people's or a land's own outlets (a capitalised or possessive word before them), named by their medium, one or two.
_MEDIUM = (r"(?:" + _MEDIA + r"|(?:press\s+)?publications|(?:television|TV|radio)(?:\s+(?:broadcasting|channels?|stations?))?)")
_MEDIA_CLOSED_RE = re.compile(r"\b(?:(?:almost|nearly)\s+all\s+|most\s+)?(?P<adj>(?:their\s+(?:own\s+)?|(?:the\s+)?local\s+)?"
                              r"(?:(?:independent|[A-Z][\w’'-]+)\s+(?:[A-Z][\w’'-]+\s+)?)?)"
                              r"(?P<medium>" + _MEDIUM + r"(?:\s+and\s+" + _MEDIUM + r")?)\s+(?:have|has|had)\s+been\s+(?:\w+ly\s+)?"
                              r"(?P<verb>closed(?:\s+down)?|shut\s+down|banned|discontinued|stifled|silenced|liquidated)\b")
_AFTER_AGENT_RE = re.compile(r"^[^.;]*?\b(?:after|when|as|because)\s+(?:the\s+)?(?:Russian\s+)?$")


def media_closures(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[TerritoryAct]:
    """The closing or banning of a people's or a land's media outlets, at most one a sentence."""
    if not any(w in text for w in ("media", "channel", "newspapers", "television", "publications", "TV", "radio", "broadcasters")):
        return []
    m = _MEDIA_CLOSE_RE.search(text) or _closed(text) or _MEDIA_SHUT_RE.search(text)
    if m is None:
        return []
    a, b = s0 + m.start(), s0 + m.end()
    if m.re is _MEDIA_CLOSED_RE and _THEIR_RE.match(m.group("adj")):
        # "forced the local Tatar television to move to Kiev, their publications have been closed down": whose they are
        # is the people's media just named (the act's phrase runs from it, so that it is the target)
        a = min([a, *(o.start for o in orgs if _kind(o) == "media" and o.entry is not None and o.entry.generic
                      and 0 <= a - o.end <= 80 and not re.search(r"[.;:]", text[o.end - s0:m.start()]))])
    gap = _SUBJECT_GAP_RE if m.re is _MEDIA_SHUT_RE else _OWNER_GAP_RE if m.re is _MEDIA_CLOSE_RE else None
    # the agency before: the subject of the active verb, or the owner of the noun (the nearest one)
    before = [o for o in orgs if gap is not None and o.end <= a and gap.fullmatch(text[o.end - s0:m.start()])][-1:]
    adj = re.sub(r"^(?:their\s+(?:own\s+)?|(?:the\s+)?local\s+)", "", m.group("adj") or "").strip()
    who = f"{adj} media" if adj and adj[0].isupper() else "independent media" if adj or m.re is not _MEDIA_CLOSED_RE else "media"
    # the agency: "by X", or "after X denied ..." in the same clause
    perps = [o for o in orgs if b <= o.start <= b + 80 and _AFTER_AGENT_RE.match(text[m.end():o.start - s0])
             or (b <= o.start <= b + 40 and re.fullmatch(r"\s+by\s+(?:the\s+)?", text[m.end():o.start - s0]))][:1] or before
    # "in Crimea", "operating in Crimea"
    where = [p for p in places if b <= p.start <= b + 40 and re.fullmatch(r"\s+(?:(?:operating|based|working)\s+)?in\s+(?:the\s+)?"
                                                                        r"(?:occupied\s+)?", text[m.end():p.start - s0])][:1]
    return [(f"Closure of {who}", a, max([b, *(p.end for p in where)]), perps, where)]


_THEIR_RE = re.compile(r"(?:their|(?:the\s+)?local)\b")


def _closed(text: str) -> re.Match[str] | None:
    """The passive closing of a people's or a land's outlets: some word says whose they are ("their", "local", "Tatar",
    "independent"), and a ban of "publications" (books as well as periodicals) is no closing of media."""
    for m in _MEDIA_CLOSED_RE.finditer(text):
        if m.group("adj").strip() and not (m.group("verb") == "banned" and "publications" in m.group("medium")):
            return m
    return None


# A people's or a land's outlets that had to stop: "practically all Crimean Tatar media outlets, including ATR and Lale
# television channels, ... have been forced to cease their activities", "the Crimean Tatar ATR TV has been forced to stop
# broadcasting in Crimea", "ATR and its affiliates stopped broadcasting after not receiving licenses".
_STOPPED_RE = Prefiltered(re.compile(r",?\s+(?:(?:have|has|had)\s+been\s+forced\s+to\s+(?:cease|stop|suspend|halt)|(?:were|was)\s+forced\s+to\s+"
                         r"(?:cease|stop|suspend|halt)|stopped|ceased|(?:have|has|had)\s+had\s+to\s+(?:cease|stop))\s+"
                         r"(?:their\s+|its\s+)?(?:activities|broadcasting|operations|operating|publishing|work)\b"))
# Between the last outlet named and the verb: its kind's words ("TV", "newspaper and others", "and its affiliates").
_OUTLET_TAIL_RE = re.compile(r"(?:\s+(?!(?:have|has|had|were|was|is|are)\b)[\w’'-]+){0,3}")


def media_stops(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention]) -> list[tuple[str, int, int, list[Mention], list[Mention], str]]:
    """(name, start, end, outlets, places, land) for the media outlets one sentence says had to stop working, at most one."""
    if "forced to" not in text and "stopped" not in text and "ceased" not in text and "had to" not in text:
        return []
    media = [o for o in orgs if _kind(o) == "media"]
    for m in _STOPPED_RE.finditer(text):
        clause = max(text.rfind(";", 0, m.start()), text.rfind(":", 0, m.start())) + 1
        outlets = [o for o in media if s0 + clause <= o.start and o.end <= s0 + m.start()]
        if not outlets or not _OUTLET_TAIL_RE.fullmatch(text[outlets[-1].end - s0:m.start()]):
            continue
        outlets = list({o.ref: o for o in outlets}.values())
        where = [p for p in places if 0 <= p.start - (s0 + m.end()) <= 20
                 and re.fullmatch(r"\s+in\s+(?:the\s+)?(?:occupied\s+)?", text[m.end():p.start - s0])][:1]
        crimean = re.search(r"\bCrimean\b", text[clause:m.start()]) is not None
        first = outlets[0].entry.name if outlets[0].entry is not None else outlets[0].text
        a = min(o.start for o in outlets)
        return [(f"Closure of {first}", a, max([s0 + m.end(), *(p.end for p in where)]), outlets, where,
                 "Crimea" if crimean and not where else "")]
    return []


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""
