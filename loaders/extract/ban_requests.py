"""A request to a court to ban an organisation, a step of its own before the ban: "the de facto prosecutor of
Crimea asked the Supreme Court of Crimea to suspend the Mejlis as an extremist organization", "The filing of a
request to ban the activities of the Mejlis ... is a particularly worrying development", "the so-called
Supreme Court of Crimea ruled in favour of a request by the so-called Prosecutor-General of Crimea, Natalia
Poklonskaya".

The annotators of three splits (dev2, dev3, dev4) record it as one ``other`` event: the organisation to be banned
its target, the court asked its judge, the one who asks (a person or a prosecutor's office) its prosecutor (README
conv14a point 4; the role is given where the act is drafted, :mod:`loaders.extract.acts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.mentions import Mention
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["BanRequest", "ban_requests"]

# (name, start, end, targets, judges, askers)
BanRequest = tuple[str, int, int, list[Mention], list[Mention], list[Mention]]

_BAN = r"(?:ban|suspend|outlaw|liquidate|prohibit|dissolve|close\s+down)"
_OF = r"(?:(?:all\s+)?(?:the\s+)?(?:activities|activity|work|operations?)\s+of\s+)?(?:the\s+)?"
# "asked the Supreme Court of Crimea to suspend the Mejlis": the court is the one between.
_ASKED_RE = Prefiltered(re.compile(r"\b(?:asked|requested|petitioned|applied\s+to|called\s+on)\s+(?:the\s+)?$"))
_ASKED_TO_RE = re.compile(r"\s+to\s+" + _BAN + r"\s+" + _OF)
# "a request to ban the activities of the Mejlis", "the prosecutor's motion to outlaw X".
_REQUEST_RE = re.compile(r"\b(?:request|application|motion|petition|lawsuit|claim)\s+(?:(?:by|from)\s+[^,.;]{2,80}?\s+)?to\s+"
                         + _BAN + r"\s+" + _OF, re.IGNORECASE)
# "ruled in favour of a request by the so-called Prosecutor-General of Crimea, Natalia Poklonskaya"
_IN_FAVOUR_RE = Prefiltered(re.compile(r"\bin\s+favou?r\s+of\s+(?:a|an|the)\s+(?:request|motion|application|petition|lawsuit|claim)\s+"
                           r"(?:by|from)\s+(?:the\s+)?"))
_ASKER_KINDS = ("prosecutor", "government", "agency", "collective", "security_service")
_NOT_TARGET = ("government", "court", "prosecutor", "police", "security_service", "agency", "collective")


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def _name(m: Mention) -> str:
    return m.entry.name if m.entry is not None else m.text


def ban_requests(text: str, s0: int, people: Sequence[Mention], orgs: Sequence[Mention]) -> list[BanRequest]:
    """The requests to ban an organisation one sentence (``text``, starting at ``s0``) reports, at most one."""
    if not any(w in text for w in ("request", "asked", "petition", "motion", "application", "lawsuit", "favour", "favor")):
        return []
    targets = [o for o in orgs if _kind(o) not in _NOT_TARGET and (o.entry is None or not o.entry.generic)]
    courts = [o for o in orgs if _kind(o) == "court"]
    for court in courts:  # "X asked the Supreme Court of Crimea to suspend the Mejlis"
        asked = _ASKED_RE.search(text, max(0, court.start - s0 - 30), court.start - s0)
        to = _ASKED_TO_RE.match(text, court.end - s0) if asked else None
        target = next((o for o in targets if to is not None and o.start == s0 + to.end()), None)
        if asked is None or target is None:
            continue
        askers = [x for x in [*people, *orgs] if x.end <= s0 + asked.start() and s0 + asked.start() - x.end <= 40
                  and (x.label == "Person" or _kind(x) in _ASKER_KINDS)
                  and re.fullmatch(r"(?:,[^,;]{1,60},)?\s+(?:\w+ly\s+)?(?:also\s+)?(?:has\s+|had\s+)?", text[x.end - s0:s0 + asked.start() - s0])]
        return [(f"Request to ban {_name(target)}", s0 + asked.start(), target.end, [target], [court], askers[-1:])]
    m = _REQUEST_RE.search(text)
    if m is not None:
        target = next((o for o in targets if o.start == s0 + m.end()), None)
        if target is not None:
            by = [x for x in [*people, *orgs] if s0 + m.start() < x.start and x.end < target.start
                  and (x.label == "Person" or _kind(x) in _ASKER_KINDS)]
            return [(f"Request to ban {_name(target)}", s0 + m.start(), target.end, [target], [], by[:1])]
    m = _IN_FAVOUR_RE.search(text)
    if m is not None:
        # the one who asked: the person or office named right after "by" (a title and a comma between allowed)
        after = s0 + m.end()
        by = [x for x in [*people, *orgs] if 0 <= x.start - after <= 60 and (x.label == "Person" or _kind(x) in _ASKER_KINDS)
              and re.fullmatch(r"(?:(?:so-called|de\s+facto|then)\s+)?(?:[\w’'-]+\s+){0,4}?(?:of\s+[A-Z][\w-]+)?,?\s*",
                               text[m.end():x.start - s0])][:1]
        ruled = [o for o in courts if o.end <= s0 + m.start() and s0 + m.start() - o.end <= 30]
        if by:
            return [("Request to ban", s0 + m.start(), by[0].end, [], ruled[-1:], by)]
    return []
