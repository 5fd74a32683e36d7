"""Acts an agency is said to subject a group to: "occupation authorities continued to subject Muslim Crimean
Tatars to abductions, forced psychiatric hospitalizations, imprisonment, and detentions", "Occupation
authorities continued to subject Muslim Crimean Tatars to imprisonment and detention", "the Kremlin has
subjected Crimeans to a campaign of brutalization and repression".

The annotators of valid, dev4 and valid2 record one event: a ``detention`` when the acts listed are
imprisonment or detention, else (a campaign, persecution, repression) an ``other`` one, the persecution of the
group; the agency that subjects them is its perpetrator. :func:`subjections` returns ``(kind, name, start,
end, perpetrators, targets)``; the group is its target where the collective rules found it between the verb and "to"
(round 15, follow15: "subjected Crimeans to a campaign of ...", the people of Crimea, README conv14b point 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.group_abuses import group_name
from loaders.extract.mentions import Mention

__all__ = ["subjections"]

_SUBJECT_RE = re.compile(r"\b(?:(?:continued?|continues)\s+to\s+subject|(?:has|have|had)\s+(?:also\s+|again\s+)?subjected)\s+"
                         r"(?P<group>(?:[\w’'-]+\s+){1,5}?)to\s+(?P<acts>[^.;:]{3,160})")
_DETAINED_RE = re.compile(r"\b(?:imprisonment|detentions?|incarceration)\b", re.IGNORECASE)
_CAMPAIGN_RE = re.compile(r"^(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:campaign|policy)\s+of\s+[\w\s,-]{0,40}?\b(?:repression|persecution|"
                          r"harassment|intimidation|brutali[sz]ation|oppression)\b", re.IGNORECASE)
_AGENT_KINDS = ("government", "collective", "agency", "security_service", "police", "military")
_GAP_RE = re.compile(r"[”\"’']?(?:\s+in\s+(?:(?:Russian?-)?occupied\s+)?[A-Z][\w-]+)?\s+")


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def subjections(text: str, s0: int, orgs: Sequence[Mention]) -> list[tuple[str, str, int, int, list[Mention], list[Mention]]]:
    """The act one sentence (``text``, starting at ``s0``) says an agency subjects a group to, at most one."""
    if "subject" not in text:
        return []
    m = _SUBJECT_RE.search(text)
    if m is None:
        return []
    perps = [o for o in orgs if (_kind(o) in _AGENT_KINDS or (o.entry is not None and o.entry.generic))
             and o.end <= s0 + m.start() and _GAP_RE.fullmatch(text[o.end - s0:m.start()])][-1:]
    if not perps:
        return []
    group = group_name(m.group("group"))
    acts = m.group("acts")
    # the victims' collective the mention rules found in the words before "to" (the whole phrase, not a word of it)
    lo, hi = s0 + m.start("group"), s0 + m.end("group")
    victims = [o for o in orgs if o.entry is not None and o.entry.generic and _kind(o) == "collective" and lo <= o.start
               and o.end <= hi and not text[o.end - s0:hi - s0].strip()][:1]
    if _CAMPAIGN_RE.match(acts):
        return [("other", f"Persecution of {group}", s0 + m.start(), s0 + m.end(), perps, victims)]
    if _DETAINED_RE.search(acts):
        return [("detention", f"Detention of {group}", s0 + m.start(), s0 + m.end(), perps, victims)]
    return []
