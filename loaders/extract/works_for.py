"""``WORKS_FOR`` from the staff titles that the title-of rules of :mod:`loaders.extract.relations`
do not read:

- "X, a lawyer with ORG", "X, a researcher at ORG", "X, who works for ORG": the person works
  for the organisation (the title as role);
- U.S. State Department titles: "Deputy Assistant Secretary of State X", "X, Department
  Spokesperson" -> the State Department, when the article names it (a plain "Secretary of
  State" heads it and is left to the leadership rules).

A fact another rule already made (any affiliation of the same two) is left to it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from graph.role_words import JUSTICE, OFFICES, RANKS
from loaders.extract.claims import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["staff_affiliations"]

_STATE_DEPT = "org:us-department-of-state"
_STAFF = (r"(?:senior\s+|staff\s+|human\s+rights\s+|defence\s+|defense\s+|legal\s+|policy\s+)?"
          r"(?:lawyer|attorney|researcher|analyst|campaigner|adviser|advisor|monitor|expert|employee|staff\s+member|"
          r"spokesperson|spokesman|spokeswoman|press\s+officer|officer|editor|correspondent|reporter)")
# "X, a lawyer with", "X, the senior researcher at", "X, who works for", "X, who worked at"
# ("X, who works as a lawyer for ORG", "X worked as a reporter at ORG"; "X, a lawyer of ORG")
_STAFF_OF_RE = re.compile(rf"(?:,\s+|\s*\(\s*|\s+(?=(?:has\s+|had\s+)?(?:works|worked)\s+as\s))(?:(?:who\s+)?(?:has\s+|had\s+)?"
                          rf"(?:works|worked)\s+as\s+)?(?:(?:(?:a|an|the)\s+)?(?:(?:freelance|former|local|staff)\s+)?(?:(?:prominent|well-known|noted|leading|veteran|young|independent|"
                          rf"longtime|long-time|experienced|renowned)\s+)?(?P<title>{_STAFF}|journalist|contributor|"
                          rf"freelancer)(?:\s+and\s+(?:{_STAFF}|journalist|contributor))?\s+"
                          # ("a former editor and journalist also with ORG": a second of the article's staff)
                          r"(?:also\s+)?(?:(?:working|employed|who\s+works|who\s+worked)\s+)?(?:with|at|for|by|to|of)|who\s+(?:works|worked|has\s+worked|had\s+worked|"
                          r"is\s+employed|was\s+employed|writes|wrote|reports|reported)\s+(?:for|at|with|by))\s+(?:the\s+)?"
                          # "a journalist with the news portal ORG", "a correspondent with the independent Russian news website ORG"
                          # (a nationality among the descriptor's words)
                          r"(?:(?:(?-i:[a-z][\w-]*|[A-Z][a-z]+)\s+){0,3}?(?:news\s+)?(?:portal|website|site|outlet|newspaper|paper|agency|channel|"
                          r"service|magazine|weekly|daily|station)\s+[“\"]?)?", re.IGNORECASE)
_WORKED_FOR_RE = re.compile(r"\s+(?:has\s+|had\s+|have\s+|also\s+|previously\s+|formerly\s+|later\s+|then\s+)*(?:works|worked)\s+"
                            r"(?:for|at)\s+(?:the\s+)?")
# "X, the State Department spokesperson", "X, a Human Rights Watch researcher": the organisation names the staff title.
_APPOSED_ORG_RE = re.compile(r",\s+(?:the|a|an)\s+$")
_TITLE_AFTER_ORG_RE = re.compile(rf"(?:’s|'s)?\s+(?:(?:[A-Z][\w-]*|and)\s+){{0,3}}(?P<title>{_STAFF})\b", re.IGNORECASE)
# "Amnesty International's Ukraine researcher X": a region or desk between the organisation and the title.
_DESK_TITLE_RE = re.compile(rf"(?:’s|'s)?\s+(?:(?:(?-i:[A-Z][\w-]*)\s+(?:and\s+)?){{1,3}}(?P<title>{_STAFF})|(?P<head>(?:(?-i:[A-Z][\w-]*)\s+(?:and\s+)?){{1,6}}"
                            rf"(?:(?:Deputy|Regional|Senior|Acting)\s+)*(?:Director|Head|Coordinator|Chief)))\s*,?\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$",
                            re.IGNORECASE)
# "X, Amnesty International's Eastern Europe and Central Asia Director": a regional or desk head is the body's staff
# (the body's own head has no desk words: "ORG's Director" is left to the leadership rules).
_DESK = r"(?:(?-i:[A-Z][\w-]*)\s+(?:and\s+)?){1,6}"
_HEAD = r"(?:(?:Deputy|Regional|Senior|Acting)\s+)*(?:Director|Head|Coordinator|Chief)"
# (a desk named after "for" or "on" makes a head's title a desk's, written small too: "ORG's deputy director for Europe")
_HEAD_SMALL = r"(?:(?:[Dd]eputy|[Rr]egional|[Ss]enior|[Aa]cting|[Aa]ssociate)\s+)*(?:[Dd]irector|[Hh]ead|[Cc]oordinator|Chief)"
_DESK_HEAD_RE = re.compile(rf"(?:’s|'s)\s+(?P<title>{_DESK}{_HEAD}|{_HEAD_SMALL}\s+(?:for|on)\s+(?:{_DESK})?(?-i:[A-Z][\w-]*)|{_DESK}(?i:{_STAFF}))"
                           # (what ends the title: a comma, the sentence, or the speech verb of "X, ORG's Director for Y said:")
                           r"(?=\s*[,.;:)]|\s*$|\s+(?:said|says|stated|added|noted|commented)\b)")
# "X, Deputy Director for Eastern Europe and Central Asia at Amnesty International": the desk, then the body.
# ("X, director for Europe and Eurasia programs at ORG", "X, director for Europe & Eurasia at ORG", "X, Programme
# Director for Eurasia at ORG": a desk joined by "&", a unit noun after the desk, a desk head's kind of work before it)
_DESK_AMP = r"(?:(?-i:[A-Z][\w-]*)\s+(?:(?:and|&)\s+)?){1,6}"
_UNIT = r"(?:\s+(?:programs|programmes|program|programme|division|department|desk|unit|team|region|operations|affairs))?"
_WORK = r"(?:(?:Programme|Program|Programs|Programmes|Project|Research|Advocacy|Campaigns?|[Pp]rogramme|[Pp]rogram)\s+)?"
_HEAD_FOR_AT_RE = re.compile(rf",\s+(?:the\s+|a\s+)?(?P<title>{_WORK}(?:{_HEAD}|{_HEAD_SMALL})\s+(?:for|on)\s+(?:{_DESK_AMP})?(?-i:[A-Z][\w-]*){_UNIT})"
                             r"\s+(?:at|with|of)\s+(?:the\s+)?")
# "X, deputy Europe and Central Asia director at Human Rights Watch", "X, Ukraine researcher at ORG": the desk first,
# then the title, then the body (a desk's head is the body's staff, as "Director for Europe at ORG" is).
_DESK_FIRST_AT_RE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?(?P<title>(?:(?:[Dd]eputy|[Aa]cting|[Ss]enior|[Aa]ssociate|[Rr]egional)\s+)*"
                               r"(?:(?!(?:Deputy|Acting|Senior|Associate|Regional|Executive|Managing|General)\b)(?-i:[A-Z][\w-]*)\s+"
                               r"(?:and\s+)?){1,6}(?:[Dd]ivision\s+)?(?:[Dd]irector|[Hh]ead|[Cc]oordinator|[Rr]esearcher|[Cc]ampaigner|"
                               r"[Aa]nalyst|[Ee]xpert))\s+(?:at|with|of|for)\s+(?:the\s+)?")
# An office among a desk's capitalised words makes them a second title, not a desk: "X, a Ukrainian MP and head of ORG"
# heads ORG (the title rules of relations.py read it), not a desk of its staff.
_OFFICE_WORDS = frozenset(w for w in (*OFFICES, *JUSTICE, *RANKS) if " " not in w) - {"Head", "Director", "Deputy", "Chief"}
# "Zmina's X": the staff of a civic body or an outlet speak by its name.
_CIVIC = ("ngo", "media")
_SECRETARY_RE = re.compile(r"\b(?P<title>(?:(?:Principal\s+)?Deputy\s+|Under\s+|Assistant\s+)+Secretary\s+of\s+State"
                           r"(?:\s+for\s+(?:[A-Z][\w’'-]*\s+){1,4}?(?:and\s+(?:[A-Z][\w’'-]*\s+){1,3})?)?)\s*,?\s*$")
_SPOKES_AFTER_RE = re.compile(r",\s+(?:the\s+)?(?P<title>(?:Deputy\s+)?Department\s+(?:Spokesperson|Spokesman|Spokeswoman))\b")


# "U.S. Ambassador to the OSCE X", "UK Deputy Ambassador X", "Canadian Foreign Minister X": the country's government.
_ENVOY_RE = re.compile(r"\b(?P<country>U\.S\.|US|American|U\.K\.|UK|British|Canadian|German|French|Ukrainian|Polish|Dutch|Swedish)\s+"
                       r"(?P<title>(?:(?:Deputy|Permanent|Special|Acting)\s+)*(?:Ambassador|Envoy|Representative|Charg[ée]\s+d[’']Affaires|"
                       r"Consul(?:\s+General)?|(?:Foreign|Deputy\s+Foreign)\s+Minister|Minister\s+for\s+Foreign\s+Affairs)"
                       r"(?:\s+(?:to|at|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+|of\s+|and\s+|for\s+|in\s+|the\s+){1,12}?)?)\s*,?\s*"
                       r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_COUNTRY_NAMES = {"u.s.": "united states", "us": "united states", "american": "united states", "u.k.": "united kingdom",
                  "uk": "united kingdom", "british": "united kingdom", "canadian": "canada", "german": "germany", "french": "france",
                  "ukrainian": "ukraine", "polish": "poland", "dutch": "netherlands", "swedish": "sweden"}
_GOV_WORDS_RE = re.compile(r"^(?:the\s+)?(?:government\s+of\s+(?:the\s+)?)?|\s+government$", re.IGNORECASE)
_SHORT = {"united states": ("us", "u.s.", "usa", "united states of america"), "united kingdom": ("uk", "u.k.", "britain", "great britain")}


def _government(ex: Extraction, country: str) -> str | None:
    """The article's organisation that is the government of ``country`` (by name or alias), if any."""
    want = {country, *_SHORT.get(country, ())}
    for key, e in ex.entities.items():
        if e.label != "Organisation" or e.generic or (e.attributes or {}).get("kind") != "government":
            continue
        if any(_GOV_WORDS_RE.sub("", n.strip()).lower() in want for n in (e.name, *e.aliases)):
            return key
    return None


def _envoys(text: str, sent: Sentence, p: Mention, ex: Extraction, add: Callable[..., None]) -> None:
    """"U.S. Ambassador to the OSCE X": the envoy works for their country's government, when the article names it."""
    mt = _ENVOY_RE.search(text, max(sent.start, p.start - 160), p.start)
    if mt is None:
        return
    gov = _government(ex, _COUNTRY_NAMES[mt.group("country").lower()])
    if gov is not None:
        add(p.ref, gov, quote_span(text, sent, mt.start(), p.end), " ".join(mt.group(0)[:mt.end("title") - mt.start()].split()),
            "envoy")


# "Foreign Secretary X", "Minister for Europe and the Americas, Sir X": a minister named by the office alone (no country
# before it) is a member of the government that issues the article's statements.
_HON = r"(?:Sir|Lord|Dame|Baroness|Mr|Mrs|Ms|Dr)"
_MINISTER_RE = re.compile(rf"(?P<title>(?:Foreign|Home|Defence|Defense)\s+Secretary|Foreign\s+Minister|Minister\s+of\s+Foreign\s+Affairs|"
                          rf"Minister\s+(?:of\s+State\s+)?for\s+(?:(?!{_HON}\b)[A-Z][\w’'-]*\s+|and\s+(?:the\s+)?){{0,5}}(?!{_HON}\b)[A-Z][\w’'-]*)\s*,?\s*"
                          rf"(?:{_HON}\.?\s+)?$")
# a country or a possessive before the office names another government ("Russian Foreign Minister", "Russia's")
_OTHER_STATE_RE = re.compile(r"(?:[A-Z][\w.-]*|’s|'s)\s+$")


def _issuing_government(ex: Extraction) -> str | None:
    """The one government that makes a statement in the article, if exactly one does."""
    govs = {c.subject for c in ex.claims if c.predicate == "STATES" and (e := ex.entities.get(c.subject)) is not None
            and e.label == "Organisation" and not e.generic and (e.attributes or {}).get("kind") == "government"}
    return next(iter(govs)) if len(govs) == 1 else None


def _ministers(text: str, sent: Sentence, p: Mention, gov: str | None, add: Callable[..., None]) -> None:
    """"Foreign Secretary X": X works for the government that issues the article."""
    if gov is None:
        return
    lo = max(sent.start, p.start - 90)
    mt = _MINISTER_RE.search(text, lo, p.start)
    if mt is None or _OTHER_STATE_RE.search(text, max(lo, mt.start() - 30), mt.start()) and not re.search(
            r"(?:^|\s)(?:The|the)\s+$", text[max(lo, mt.start() - 5):mt.start()]):
        return
    add(p.ref, gov, quote_span(text, sent, mt.start(), p.end), " ".join(mt.group("title").split()), "minister")


_NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2}
# "The two journalists worked for the news portal of ORG", "Both reporters work for ORG"
_GROUP_WORKED_RE = re.compile(r"\b(?:The\s+(?P<n>two|three|four)|Both|Both\s+of\s+the)\s+(?P<noun>journalist|reporter|correspondent|editor|"
                              r"lawyer|researcher|wom[ae]n|m[ae]n)s?\s+(?:had\s+|have\s+|both\s+)?(?:worked|work|works)\s+(?:for|at|with)\s+"
                              r"(?:the\s+)?(?:(?:[a-z][\w-]*\s+){0,2}(?:of|at)\s+(?:the\s+)?)?$")


# "A and B, both of whom worked for ORG": the people named right before the relative clause
_OF_WHOM_RE = re.compile(r",\s+(?:both|all|all\s+(?:three|four))\s+of\s+whom\s+(?:had\s+|have\s+)?(?:worked|work)\s+"
                         r"(?:for|at|with)\s+(?:the\s+)?$")


def _group_staff(text: str, sentences: list[Sentence], mentions: list[Mention], orgs_in: Callable[[Sentence], list[Mention]],
                 ex: Extraction, add: Callable[..., None]) -> None:
    """"The two journalists worked for ORG": the people the article last named together, as many as it says."""
    people = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and e.label == "Person"]
    for sent in sentences:
        for o in orgs_in(sent):
            mt = _GROUP_WORKED_RE.search(text, max(sent.start, o.start - 120), o.start)
            if mt is None:
                whom = _OF_WHOM_RE.search(text, max(sent.start, o.start - 60), o.start)
                if whom is not None:
                    _listed_before(text, sent, people, whom.start(), o, add)
                continue
            n = _NUMBERS[(mt.group("n") or "both").lower()]
            before = [m for m in people if m.end <= mt.start()]
            # the last run of people named together: "A and B", "A, B and C"
            for j in range(len(before) - 1, 0, -1):
                group = [before[j]]
                k = j
                while k > 0 and re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[before[k - 1].end:group[-1].start]):
                    group.append(before[k - 1])
                    k -= 1
                if len({m.ref for m in group}) >= 2:
                    break
            else:
                continue
            if len({m.ref for m in group}) != n:
                continue
            for m in group:
                noun = mt.group("noun").lower()
                add(m.ref, o.ref, quote_span(text, sent, mt.start(), o.end), None if noun in ("man", "men", "woman", "women") else noun,
                    "group-staff")


def _listed_before(text: str, sent: Sentence, people: list[Mention], at: int, o: Mention, add: Callable[..., None]) -> None:
    """Each of the two or more people listed together right before ``at`` ("A and B, both of whom ...")."""
    group = [m for m in people if sent.start <= m.start and m.end == at]
    while group:
        prev = [m for m in people if sent.start <= m.start and m.end <= group[-1].start
                and re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[m.end:group[-1].start])]
        if not prev:
            break
        group.append(prev[-1])
    if len({m.ref for m in group}) >= 2:
        for m in group:
            add(m.ref, o.ref, quote_span(text, sent, group[-1].start, o.end), None, "of-whom-staff")


def staff_affiliations(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add the ``WORKS_FOR`` claims of the staff titles of one article to ``ex``."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("LEADS", "MEMBER_OF", "WORKS_FOR")}

    def add(person: str, org: str, span: tuple[int, int], role: str | None, rule: str) -> None:
        if (person, org) not in have and person != org:
            have.add((person, org))
            ex.claim(person, "WORKS_FOR", org, span, 0.7, rule, role=role)

    state_dept = _STATE_DEPT in ex.entities
    starts = [m.start for m in mentions]

    def orgs_in(sent: Sentence) -> list[Mention]:
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        return [m for m in mentions[lo:hi] if (e := ex.entities.get(m.ref)) is not None and e.label == "Organisation" and not e.generic]

    _group_staff(text, sentences, mentions, orgs_in, ex, add)
    gov = _issuing_government(ex)
    for sent in sentences:
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        inside = [m for m in mentions[lo:hi] if m.end <= sent.end]
        orgs = [m for m in inside if (e := ex.entities.get(m.ref)) is not None and e.label == "Organisation" and not e.generic]
        for p in inside:
            if (e := ex.entities.get(p.ref)) is None or e.label != "Person":
                continue
            _around_org(text, sent, p, orgs, ex, add)
            _envoys(text, sent, p, ex, add)
            _ministers(text, sent, p, gov, add)
            mt = _STAFF_OF_RE.match(text, p.end)
            org = next((o for o in orgs if mt and o.start == mt.end()), None)
            if org is not None and any(q.start > org.end and re.fullmatch(r"(?:’s|'s)?\s+(?:[a-z][\w-]*\s+){1,3}", text[org.end:q.start])
                                       for q in inside if q.label == "Person"):
                org = None  # "X, a lawyer of Mejlis leader Y": Y's counsel, not the body's staff
            if mt and org is not None:
                title = mt.group("title")
                add(p.ref, org.ref, quote_span(text, sent, p.start, org.end), title.lower() if title else None, "staff-of")
                continue
            # "X worked for ORG in the mid-2010s", "X has worked at ORG since 2014"
            mt = _WORKED_FOR_RE.match(text, p.end)
            org = next((o for o in orgs if mt and o.start == mt.end()), None)
            if mt and org is not None:
                add(p.ref, org.ref, quote_span(text, sent, p.start, org.end), None, "worked-for")
                continue
            if not state_dept:
                continue
            sec = _SECRETARY_RE.search(text, max(sent.start, p.start - 90), p.start)
            if sec:
                add(p.ref, _STATE_DEPT, quote_span(text, sent, sec.start(), p.end), " ".join(sec.group("title").split()),
                    "secretary-of-state")
                continue
            spokes = _SPOKES_AFTER_RE.match(text, p.end)
            if spokes:
                add(p.ref, _STATE_DEPT, quote_span(text, sent, p.start, spokes.end()), spokes.group("title"), "department-spokes")


def _around_org(text: str, sent: Sentence, p: Mention, orgs: list[Mention], ex: Extraction, add: Callable[..., None]) -> None:
    """The staff titles an organisation's name stands in: "X, the State Department spokesperson",
    "Amnesty International's Ukraine researcher X", "Zmina's X"."""
    for o in orgs:
        if o.start > p.end and o.start - p.end <= 8 and _APPOSED_ORG_RE.fullmatch(text, p.end, o.start):
            mt = _TITLE_AFTER_ORG_RE.match(text, o.end)
            if mt and re.match(r"\s*(?:[,.;)]|$|said|says|told)", text[mt.end():mt.end() + 6]):
                add(p.ref, o.ref, quote_span(text, sent, p.start, mt.end()), " ".join(mt.group("title").lower().split()),
                    "staff-apposed")
        elif o.start > p.end and re.fullmatch(r",\s+", text[p.end:o.start]) and (mt := _DESK_HEAD_RE.match(text, o.end)):
            add(p.ref, o.ref, quote_span(text, sent, p.start, mt.end()), " ".join(mt.group("title").split()), "staff-desk-title")
        elif o.start > p.end and o.start - p.end <= 120 and (mt := _HEAD_FOR_AT_RE.fullmatch(text, p.end, o.start)) \
                and not re.search(r"\b(?:in|of)\b", mt.group("title")):
            add(p.ref, o.ref, quote_span(text, sent, p.start, o.end), " ".join(mt.group("title").split()), "staff-desk-title")
        elif o.start > p.end and o.start - p.end <= 90 and (mt := _DESK_FIRST_AT_RE.fullmatch(text, p.end, o.start)) \
                and not _OFFICE_WORDS.intersection(mt.group("title").split()):
            add(p.ref, o.ref, quote_span(text, sent, p.start, o.end), " ".join(mt.group("title").split()), "staff-desk-title")
        elif o.end < p.start and p.start - o.end <= 60:
            mt = _DESK_TITLE_RE.fullmatch(text, o.end, p.start)
            if mt:
                add(p.ref, o.ref, quote_span(text, sent, o.start, p.end), " ".join((mt.group("title") or mt.group("head")).lower().split()),
                    "staff-desk")
            elif re.fullmatch(r"(?:’s|'s)\s+", text[o.end:p.start]) and (ex.entities[o.ref].attributes or {}).get("kind") in _CIVIC:
                add(p.ref, o.ref, quote_span(text, sent, o.start, p.end), None, "staff-possessive")
