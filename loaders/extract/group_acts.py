"""Acts done to many people the text does not name, by linguistic form.

A monitor records "In March 2019 Russian security services detained 20 Crimean Tatar men who were
involved in the Crimean Solidarity group" or "the arrest and detention of a large group of Crimean
Tatars ... in Simferopol" as one event: its kind from the verb or noun, the agency that did it (the
subject of the active verb), the group's organisation as its target, and where it happened.

- active: ``AGENT detained|arrested|searched the homes of <group>``;
- nominal: ``the arrest(s)|detention(s)|search(es) of <group>``;

where ``<group>`` is an indefinite number of people: "20 Crimean Tatar men", "dozens of activists",
"a large group of Crimean Tatars", "several believers" (not "the four men", who are people named
elsewhere and get one event each from the person rules). (The passive "49 people were detained"
is :mod:`loaders.extract.acts`'s.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.mentions import Mention

__all__ = ["group_acts"]

_PEOPLE = (r"(?:Tatars|people|men|women|persons|individuals|activists|residents|protesters|Ukrainians|believers|Muslims|"
           r"civilians|journalists|members|worshippers|Jehovah(?:’s|'s)\s+Witnesses|supporters|relatives|lawyers)")
# "20", "at least 20", "dozens of", "a (large) group of", "several": a number of people the text does not list.
_GROUP = (r"(?:(?:at\s+least|more\s+than|over|some|about|almost|nearly|up\s+to)\s+)?(?:\d+|dozens\s+of|hundreds\s+of|"
          r"a\s+(?:large\s+|small\s+)?group\s+of|several|a\s+number\s+of|many)\s+(?:(?:[A-Z][\w’'-]*|other|more|young|elderly|"
          r"local|ethnic)\s+){0,3}?" + _PEOPLE + r"\b")
_VERB = {"detained": "detention", "arrested": "arrest", "searched the homes of": "search", "raided the homes of": "search",
         "searched the houses of": "search", "raided the houses of": "search"}
_ACTIVE_RE = re.compile(r"\b(" + "|".join(v.replace(" ", r"\s+") for v in _VERB) + r")\s+(?:the\s+homes\s+of\s+)?(" + _GROUP + ")")
# (round 16, audit16a) "FSB officers raided (the) houses of Crimean Tatars in P", "searched the homes of Crimean Tatar
# activists": a search operation on a group the text neither counts nor names (RFE/RL, Hromadske, UATV, QHA); the
# number of people is not needed when the homes are searched, the search is one act on the group's homes.
_HOMES_RE = re.compile(r"\b(searched|raided)\s+(?:the\s+)?(?:homes|houses|flats|apartments)\s+of\s+("
                       r"(?:(?:[A-Z][\w’'-]*|local|ethnic)\s+){1,3}?" + _PEOPLE + r")\b(?!\s*,?\s*(?-i:[A-Z]))")
_HOMES = {"searched": "search", "raided": "search"}
_NOUN = {"arrest and detention": "detention", "arrests and detentions": "detention", "detention": "detention",
         "detentions": "detention", "arrest": "arrest", "arrests": "arrest", "searches": "search", "raids": "search"}
_NOMINAL_RE = re.compile(r"\b(" + "|".join(n.replace(" ", r"\s+") for n in sorted(_NOUN, key=len, reverse=True)) + r")\s+"
                         r"(?:of|on)\s+(?:the\s+homes\s+of\s+)?(" + _GROUP + ")", re.IGNORECASE)
# "who were involved in the Crimean Solidarity group", "members of the Mejlis", "associated with X": the group's body.
_BELONG_RE = re.compile(r",?\s+(?:(?:who|that)\s+(?:were|are|had\s+been)\s+)?(?:(?:all\s+)?(?:involved|active)\s+in|members\s+of|"
                        r"associated\s+with|affiliated\s+with|belonging\s+to|linked\s+to)\s+(?:the\s+)?$")
_IN_RE = re.compile(r"\b(?:in|near|at)\s+(?:the\s+)?(?:(?:illegally\s+)?(?:occupied|annexed)\s+)?(?:(?:village|town|city)\s+of\s+)?$")
_NOT_AGENT = ("collective",)
# Cheap substring tests first: most sentences name no act on a number of people.
_ACT_WORDS = ("detain", "detention", "arrest", "search", "raid")
_NUMBER_WORDS = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "dozens", "hundreds", "group", "several", "number", "many")


def _kind(m: Mention) -> str:
    return str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""


def group_acts(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention],
               named_groups: Sequence[tuple[int, int]] = ()) -> list[tuple[str, str, int, int, list[Mention], list[Mention],
                                                                       list[Mention]]]:
    """(kind, who, start, end, agents, target bodies, places) for each act of the sentence ``text``
    (starting at ``s0``) done to an unnamed number of people."""
    out: list[tuple[str, str, int, int, list[Mention], list[Mention], list[Mention]]] = []
    low = text.lower()
    if not any(w in low for w in _ACT_WORDS):
        return out
    homes = " of " in low and any(w in low for w in ("homes", "houses", "flats", "apartments"))
    if not homes and not any(w in low for w in _NUMBER_WORDS):
        return out  # most sentences name no number of people: one cheap scan instead of two patterns
    for rx, words in ((_ACTIVE_RE, _VERB), (_NOMINAL_RE, _NOUN), (_HOMES_RE, _HOMES)):
        if rx is _HOMES_RE and not homes:
            continue
        for m in rx.finditer(text):
            a, b = s0 + m.start(), s0 + m.end()
            if any(x < b and y > s0 + m.start(2) for x, y in named_groups) or re.search(
                    r"\b(?:the|these|those)\s+$", text[max(0, m.start(2) - 7):m.start(2)]):
                continue  # "the four men": people the article names, one event each
            kind = words[re.sub(r"\s+", " ", m.group(1).lower())]
            if rx is not _NOMINAL_RE:  # the subject of the verb: "Russian security services detained"
                # (round 16: "the Russian Federal Security Service (FSB) officers raided": the abbreviation's bracket)
                agents = [o for o in orgs if o.end <= a and re.fullmatch(
                    r"[)’”\"]?\s+(?:(?:officers|agents|officials)\s+)?(?:have\s+|has\s+|had\s+)?(?:also\s+)?(?:\w+ly\s+)?",
                    text[o.end - s0:m.start()])]
                # "officers of the Federal Security Service of the Russian Federation raided": the agency, not its state
                agents = [next((p for p in orgs if p.end <= o.start and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[p.end - s0:o.start - s0])), o)
                          for o in agents]
                # (a state named inside the agency's own name, "... Service of the Russian Federation", is no agent)
                agents = [o for o in agents if not any(p is not o and p.start <= o.start and o.end <= p.end for p in agents)]
            else:  # "the detention of 20 men by the FSB"
                agents = [o for o in orgs if 0 <= o.start - b <= 60 and not re.search(r"[.;]", text[m.end():o.start - s0])
                          and re.search(r"\bby\s+(?:the\s+)?(?:(?:Russian|so-called|de\s+facto|occupation)\s+){0,2}$",
                                        text[m.end():o.start - s0])]
            agents = [o for o in agents if _kind(o) != "court"][-1:]
            bodies = [o for o in orgs if (a <= o.start and o.end <= b and _kind(o) not in _NOT_AGENT)
                      or (0 <= o.start - b <= 60 and _BELONG_RE.search(text[m.end():o.start - s0]))]
            bodies = [o for o in bodies if o not in agents and (o.entry is None or not o.entry.generic)][:1]
            where = []
            for p in sorted(places, key=lambda p: p.start):
                gap = text[m.end():p.start - s0]
                if 0 <= p.start - b <= 120 and _IN_RE.search(gap) and not re.search(r"[.;]|\b(?:and|but)\s+(?:was|were)\b", gap):
                    where = [p]
                    break
            if agents or bodies or where:
                out.append((kind, re.sub(r"\s+", " ", m.group(2)), a, b, agents, bodies, where))
    return out
