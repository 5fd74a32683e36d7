"""Organisations inside organisations, and the holders of one-person offices, from the
appositions that news and NGO prose uses for them:

- "Avdet, the weekly newspaper of the Mejlis", "Krym.Realii - RFE/RL's Crimea service", "X, a
  project of Y", "X (the Crimean branch of Y)" -> the first ``PART_OF`` the second;
- an office named like a body ("Council of Europe Commissioner for Human Rights", "OSCE
  Representative on Freedom of the Media", "UN Special Rapporteur on torture") next to a person
  ("X, Council of Europe Commissioner for ...", "OSCE Representative ... X") -> the person
  ``LEADS`` the office (they are the office), the office's name as role.

Called from :func:`loaders.extract.org_seats.sub_organisations`.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["apposed_units", "assembly_committees", "office_holders", "dateline_bodies", "descriptor_facts"]

# "WASHINGTON, DC – The U.S. Commission on International Religious Freedom (USCIRF) ...": a press release's
# dateline, then the body that issues it.
_DATELINE_TAIL_RE = re.compile(r"(?:,\s*(?:DC|D\.C\.|[A-Z][a-z]+))?\s*[–—-]\s+(?:The\s+|the\s+)?$")

_UNIT = (r"(?:newspaper|paper|weekly|daily|magazine|service|branch|unit|department|division|wing|office|bureau|arm|affiliate|"
         r"subsidiary|section|chapter|outlet|project|programme|program|publication|channel|website|portal|radio|television|"
         r"broadcaster|mission|secretariat|directorate|agency)")
# "ORG1, the weekly newspaper of ORG2", "ORG1 (a project of ORG2)"
_UNIT_OF_RE = re.compile(rf"\s*(?:,|\(|[-–—])\s*(?:(?:the|a|an|its)\s+)?(?:(?-i:[a-zA-Z][\w-]*)\s+){{0,3}}?{_UNIT}\s+(?:of|run\s+by|"
                         r"operated\s+by|founded\s+by|set\s+up\s+by)\s+(?:the\s+)?$", re.IGNORECASE)
# "ORG1 - ORG2's Crimea service", "ORG1, ORG2's Ukrainian service"
_POSSESSED_RE = re.compile(rf"(?:’s|'s)\s+(?:(?-i:[A-Z][\w-]*)\s+|(?-i:[a-z][\w-]*)\s+){{0,3}}?{_UNIT}\b", re.IGNORECASE)
_BEFORE_OWNER_RE = re.compile(r"\s*(?:,|\(|[-–—])\s*(?:the\s+)?$")
# The words that make a body's name an office one person holds.
_OFFICE_RE = re.compile(r"\b(?:(?:High\s+)?Commissioner|Representative|Ombudsman|Ombudsperson|Rapporteur|Special\s+Envoy|"
                        r"Special\s+Adviser|Secretary[-\s]General|Spokesperson|Special\s+Monitor|Prosecutor[-\s]General|"
                        r"Chief\s+Prosecutor|Attorney[-\s]General)\b")
# A body named after the one office that heads it: "the Prosecutor-General's Office", "the Office of the Ombudsman".
_OFFICE_OF_RE = re.compile(r"^(?:the\s+)?(?:(?P<title>[A-Z][\w’'-]*(?:[\s-][A-Z][\w’'-]*){0,3})(?:’s|'s)\s+Office|"
                           r"Office\s+of\s+(?:the\s+)?(?P<title2>[A-Z][\w’'-]*(?:[\s-][A-Z][\w’'-]*){0,3}))$")


def apposed_units(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``PART_OF`` from an organisation to the one an apposition says it is a unit of."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    orgs = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and e.label == "Organisation" and not e.generic]
    starts = [s.start for s in sentences]
    for i, a in enumerate(orgs):
        for b in orgs[i + 1:i + 3]:
            if b.ref == a.ref or b.start - a.end > 80:
                continue
            sent = sentences[max(0, bisect.bisect_right(starts, a.start) - 1)]
            if b.end > sent.end:
                continue
            gap = text[a.end:b.start]
            if _UNIT_OF_RE.fullmatch(gap):
                inner, outer, lo, hi = a.ref, b.ref, a.start, b.end
            elif _BEFORE_OWNER_RE.fullmatch(gap) and (mt := _POSSESSED_RE.match(text, b.end)):
                inner, outer, lo, hi = a.ref, b.ref, a.start, mt.end()
            else:
                continue
            if (inner, outer) in have or (outer, inner) in have:
                continue
            have.add((inner, outer))
            ex.claim(inner, "PART_OF", outer, quote_span(text, sent, lo, hi), 0.65, "unit-apposed")


# A parliamentary assembly and its committees ("the Monitoring Committee", "the Committee on Legal Affairs and Human Rights").
_ASSEMBLY_RE = re.compile(r"^(?:the\s+)?(?:(?P<pace>Parliamentary\s+Assembly(?:\s+of\s+the\s+Council\s+of\s+Europe)?|PACE)|"
                          r"(?P<ep>European\s+Parliament))$")
# (not "Foreign Affairs Committee", "General Committee": a national parliament's, the OSCE assembly's)
_COMMITTEE_RE = re.compile(r"^(?:the\s+)?(?:Committee\s+on\s+(?:the\s+)?[A-Z]|Monitoring\s+Committee$)")


def assembly_committees(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``PART_OF`` from a committee ("the Monitoring Committee", "report of the Committee on Equality and
    Non-Discrimination") to the one parliamentary assembly the article names (PACE or the European Parliament):
    the assembly's texts name its committees without saying whose they are."""
    bodies: dict[str, list[str]] = {"pace": [], "ep": []}
    for key, e in ex.entities.items():
        if e.label == "Organisation" and not e.generic:
            for n in (e.name, *e.aliases):
                if (mt := _ASSEMBLY_RE.match(n)) is not None:
                    bodies["pace" if mt.group("pace") else "ep"].append(key)
                    break
    found = [keys for keys in bodies.values() if keys]
    if len(found) != 1:
        return  # none, or two assemblies: whose committee is it
    assembly = "org:pace" if "org:pace" in found[0] else found[0][0]
    have = {c.subject for c in ex.claims if c.predicate == "PART_OF"}
    starts = [s.start for s in sentences]
    for m in mentions:
        unit = ex.entities.get(m.ref)
        if unit is None or unit.label != "Organisation" or unit.generic or m.ref in have or m.ref in found[0] \
                or not (_COMMITTEE_RE.match(unit.name) or _COMMITTEE_RE.match(m.text)):
            continue
        have.add(m.ref)
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        ex.claim(m.ref, "PART_OF", assembly, quote_span(text, sent, m.start, min(m.end, sent.end)), 0.6, "assembly-committee")


def office_holders(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``LEADS`` from a person to the one-person office named right beside them."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("LEADS", "WORKS_FOR", "MEMBER_OF")}
    starts = [s.start for s in sentences]
    # (a generic office too: "the so-called Prosecutor-General of Crimea, X" heads it all the same)
    named = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and (e.label == "Person" and not e.generic
                                                                                 or e.label == "Organisation")]
    for i, m in enumerate(named):
        e = ex.entities[m.ref]
        if e.label != "Organisation" or not _OFFICE_RE.search(e.name) or e.generic and not _OFFICE_RE.search(m.text):
            continue
        holder = None
        # the names beside the office's, not those inside it ("Council of Europe" in "Council of Europe Commissioner ...")
        prev = next((n for n in reversed(named[:i]) if n.end <= m.start), None)
        nxt = next((n for n in named[i + 1:] if n.start >= m.end), None)
        # "X, Council of Europe Commissioner for Human Rights"
        if prev is not None and ex.entities[prev.ref].label == "Person" and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[prev.end:m.start]):
            holder = prev
        # "OSCE Representative on Freedom of the Media Dunja Mijatović"
        elif nxt is not None and ex.entities[nxt.ref].label == "Person" and re.fullmatch(r"\s*,?\s*", text[m.end:nxt.start]):
            holder = nxt
        if holder is None or (holder.ref, m.ref) in have:
            continue
        have.add((holder.ref, m.ref))
        sent = sentences[max(0, bisect.bisect_right(starts, min(m.start, holder.start)) - 1)]
        ex.claim(holder.ref, "LEADS", m.ref, quote_span(text, sent, min(m.start, holder.start), max(m.end, holder.end)), 0.65,
                 "office-holder", role=ex.entities[m.ref].name)
    _office_titles(text, sentences, starts, named, ex, have)


def _office_titles(text: str, sentences: list[Sentence], starts: list[int], named: list[Mention], ex: Extraction,
                   have: set[tuple[str, str]]) -> None:
    """``LEADS`` from a person to the body named after the office they hold, when the article names the body once
    ("the Prosecutor-General's Office") and the person by the bare title ("Crimea's Prosecutor-General, X",
    "Ombudsman X", "X, the Prosecutor-General")."""
    offices: dict[str, str] = {}
    for key, e in ex.entities.items():
        if e.label != "Organisation" or e.generic:
            continue
        for n in (e.name, *e.aliases):
            mt = _OFFICE_OF_RE.match(n.strip())
            title = mt and (mt.group("title") or mt.group("title2"))
            if title and _OFFICE_RE.search(title):
                offices.setdefault(re.sub(r"[\s-]+", " ", title), key)
    if len(set(offices.values())) != 1:
        return  # none, or two such bodies: whose head is it
    for title, org in offices.items():
        rx = re.compile(r"(?<![\w’'-])" + r"[\s-]".join(re.escape(w) for w in title.split()) + r"(?![\w-]|’s|'s)")
        for mt in rx.finditer(text):
            sent = sentences[max(0, bisect.bisect_right(starts, mt.start()) - 1)]
            after = next((p for p in named if p.start >= mt.end()), None)
            before = next((p for p in reversed(named) if p.end <= mt.start()), None)
            holder = None
            if after is not None and ex.entities[after.ref].label == "Person" and re.fullmatch(r"\s*,?\s*", text[mt.end():after.start]):
                holder, a, b = after, mt.start(), after.end  # "Prosecutor-General X", "Crimea's Prosecutor-General, X"
            elif before is not None and ex.entities[before.ref].label == "Person" and re.fullmatch(
                    r",\s+(?:the\s+)?", text[before.end:mt.start()]):
                holder, a, b = before, before.start, mt.end()  # "X, the Prosecutor-General"
            if holder is None or (holder.ref, org) in have or b > sent.end:
                continue
            have.add((holder.ref, org))
            ex.claim(holder.ref, "LEADS", org, quote_span(text, sent, a, b), 0.6, "office-title", role=mt.group())


def dateline_bodies(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``LOCATED_IN``: the body named right after a dateline that opens a paragraph sits in the dateline's city."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}
    starts = [s.start for s in sentences]
    ordered = sorted((m for m in mentions if m.ref in ex.entities), key=lambda m: m.start)
    for pl, org in zip(ordered, ordered[1:], strict=False):
        if pl.label != "Location" or org.label != "Organisation" or not (pl.start == 0 or text[pl.start - 1] == "\n"):
            continue
        if (ex.entities[pl.ref].attributes or {}).get("kind") not in ("city", "town") or ex.entities[org.ref].generic \
                or not _DATELINE_TAIL_RE.fullmatch(text, pl.end, org.start) or (org.ref, pl.ref) in have:
            continue
        have.add((org.ref, pl.ref))
        sent = sentences[max(0, bisect.bisect_right(starts, pl.start) - 1)]
        ex.claim(org.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, pl.start, org.end), 0.55, "dateline-body")
        _bare_titles(text, sentences, starts, ordered, ex, org.ref)
        return


# A title without its body in the body's own press release: "Vice Chair X", "Commissioner Y".
_BARE_TITLE_RE = re.compile(r"(?:^|[\s“\"(])(?P<title>(?:Vice\s+)?Chair(?:man|woman|person)?|President|(?:Executive\s+)?Director|"
                            r"Commissioner)\s+$")


def _bare_titles(text: str, sentences: list[Sentence], starts: list[int], ordered: list[Mention], ex: Extraction, body: str) -> None:
    """In a press release a body issues (its dateline names it), "Vice Chair X" leads that body and
    "Commissioner Y" sits on it (a commission's members are its commissioners)."""
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("LEADS", "MEMBER_OF", "WORKS_FOR")}
    for i, p in enumerate(ordered):
        if p.label != "Person" or (p.ref, body) in have:
            continue
        mt = _BARE_TITLE_RE.search(text, max(0, p.start - 30), p.start)
        if mt is None or (i > 0 and ordered[i - 1].end > mt.start() - 3 and ordered[i - 1].label == "Organisation"):
            continue  # "USCIRF Chair X": the title rules read it with its body
        title = " ".join(mt.group("title").split())
        sent = sentences[max(0, bisect.bisect_right(starts, p.start) - 1)]
        have.add((p.ref, body))
        ex.claim(p.ref, "MEMBER_OF" if title == "Commissioner" else "LEADS", body, quote_span(text, sent, mt.start("title"), p.end),
                 0.55, "bare-title", role=title)


# The common noun an article uses for a body it has named: "the news portal X", "X, the weekly newspaper of Y",
# "the Crimean Centre for ..." (the head noun of the name) -> later "the news portal", "the paper", "the center".
_DESCRIPTORS = {"news portal": "news portal", "portal": "news portal", "newspaper": "paper", "weekly": "paper", "paper": "paper",
                "website": "website", "news website": "website", "centre": "centre", "center": "centre", "group": "group",
                "organisation": "organisation", "organization": "organisation", "union": "union", "agency": "agency"}
_DESC_BEFORE_RE = re.compile(r"\b(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?(?P<d>news\s+portal|portal|newspaper|weekly|news\s+website|website|"
                             r"group|organi[sz]ation)\s+[“\"]?$", re.IGNORECASE)
_DESC_AFTER_RE = re.compile(r"\s*,\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<d>news\s+portal|portal|newspaper|weekly|news\s+website|"
                            r"website|group|organi[sz]ation)\b")
_DESC_USE_RE = re.compile(r"\bthe\s+(?P<d>news\s+portal|portal|newspaper|paper|news\s+website|website|cent(?:er|re)|group|"
                          r"organi[sz]ation|union|agency)(?P<poss>’s|'s)?\b", re.IGNORECASE)
_STAFF_OF_DESC_RE = re.compile(r",\s+(?:the|a|an)\s+(?P<title>(?:former\s+)?(?:chief\s+|lead\s+|deputy\s+)?(?:editor|journalist|correspondent|"
                               r"reporter|columnist|contributor|staff\s+member|employee))\s+(?:of|at|for|with)\s+$", re.IGNORECASE)
_SEAT_AFTER_DESC_RE = re.compile(r"^(?:’s|'s)\s+(?:offices?|headquarters|premises|newsroom)\s+in\s+(?:the\s+)?$|^,\s+(?:initially\s+|originally\s+|"
                                 r"then\s+|now\s+)?based\s+in\s+(?:the\s+)?$|^[^.;]{0,60}?\b(?:relocate[ds]?|moved?|move)\s+to\s+(?:the\s+)?$")


def descriptor_facts(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Facts told of a body by the common noun the article introduced it with ("the former editor of the news
    portal", "the paper's offices in Simferopol", "the center, initially based in Simferopol, was forced to
    relocate to Kyiv"): ``WORKS_FOR`` and ``LOCATED_IN``, when one body of the article goes by that noun."""
    ordered = sorted((m for m in mentions if m.ref in ex.entities), key=lambda m: m.start)
    named: dict[str, set[str]] = {}
    for m in ordered:
        e = ex.entities[m.ref]
        if e.label != "Organisation" or e.generic:
            continue
        for mt in (_DESC_BEFORE_RE.search(text, max(0, m.start - 40), m.start), _DESC_AFTER_RE.match(text, m.end)):
            if mt is not None:
                named.setdefault(_DESCRIPTORS[" ".join(mt.group("d").lower().split())], set()).add(m.ref)
        head = re.search(r"\b(Cent(?:er|re)|Group|Union|Agency|Organi[sz]ation)\b", e.name)
        if head:
            named.setdefault(_DESCRIPTORS[head.group(1).lower()], set()).add(m.ref)
    if not named:
        return
    starts = [s.start for s in sentences]
    ostarts = [m.start for m in ordered]
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("WORKS_FOR", "LOCATED_IN", "LEADS", "MEMBER_OF")}
    for use in _DESC_USE_RE.finditer(text):
        refs = named.get(_DESCRIPTORS[" ".join(use.group("d").lower().split())], set())
        if len(refs) != 1:
            continue
        [org] = refs
        a, b = use.start(), use.end()
        sent = sentences[max(0, bisect.bisect_right(starts, a) - 1)]
        lo, hi = bisect.bisect_left(ostarts, sent.start), bisect.bisect_left(ostarts, a)
        before = [m for m in ordered[lo:hi] if m.end <= a and m.label == "Person"]
        staff = _STAFF_OF_DESC_RE.search(text, max(sent.start, a - 60), a)
        if staff and before and re.fullmatch(r"", text[before[-1].end:staff.start()]) and (before[-1].ref, org) not in have:
            have.add((before[-1].ref, org))
            ex.claim(before[-1].ref, "WORKS_FOR", org, quote_span(text, sent, before[-1].start, b), 0.55, "staff-of-descriptor",
                     role=" ".join(staff.group("title").lower().split()))
        after = ordered[bisect.bisect_left(ostarts, b):bisect.bisect_right(ostarts, b + 120)]
        for pl in (m for m in after if m.end <= sent.end and m.label == "Location"):
            gap = text[b - (len(use.group("poss")) if use.group("poss") else 0):pl.start] if use.group("poss") else text[b:pl.start]
            if _SEAT_AFTER_DESC_RE.match(gap) and (org, pl.ref) not in have:
                have.add((org, pl.ref))
                ex.claim(org, "LOCATED_IN", pl.ref, quote_span(text, sent, a, pl.end), 0.55, "seat-of-descriptor")
