"""Relations of government and parliamentary statements (round 10, rel7).

- **A state's permanent representative**: "Motohide Yoshikawa, Permanent Representative of Japan to the
  United Nations", "Yurii Klymenko, Ambassador, Permanent Representative of Ukraine", "Intervention by the
  Permanent Representative of Ukraine Ambassador Yurii Klymenko": the envoy ``WORKS_FOR`` the state he
  represents (role "Permanent Representative"), as the annotators of dev7 record it for two publishers (the
  Japanese mission to the UN, the Ukrainian mission in Geneva; four articles). The state is the country's
  government; a membership the title rules read from "representative" for the same two is replaced.
- **The UN's organs**: "UN Human Rights Council", "the Office of the UN High Commissioner", "UN Human Rights
  Monitoring Mission in Ukraine" are no ``PART_OF`` the United Nations the annotators record (nine of dev7's
  false ``PART_OF``; none in the gold of the other eight splits); only the General Assembly is (valid, three
  articles). A UN human rights monitoring mission is OHCHR's where the article names OHCHR (dev7, valid2).
  Used by the name rules of :mod:`loaders.extract.org_seats` and :mod:`loaders.extract.claim_frames`.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.orgs import government_key

__all__ = ["UN_KEY", "permanent_representatives", "un_parent"]

# The United Nations' organs the annotators of nine development splits place in it: its General Assembly
# ("UN General Assembly", valid x3), never the Human Rights Council, the High Commissioner, OHCHR or a "UN"
# mission or office (0 of 9 in dev7, 0 elsewhere); a UN human rights monitoring mission is OHCHR's where the
# article names OHCHR ("the UN Human Rights Monitoring Mission in Ukraine ... the OHCHR": dev7, valid2).
UN_KEY = "org:united-nations"
_OHCHR_KEY = "org:ohchr"
_UN_PART_RE = re.compile(r"\bGeneral\s+Assembly\b")
_OHCHR_UNIT_RE = re.compile(r"\bHuman\s+Rights\s+Monitoring\s+Mission\b")


def un_parent(ex: Extraction, key: str, mention: str) -> str | None:
    """The body a "UN ..." organ is recorded as part of: the UN for its General Assembly, OHCHR for a
    human rights monitoring mission (where the article names OHCHR), none for the others."""
    names = (ex.entities[key].name, mention)
    if any(_UN_PART_RE.search(n) for n in names):
        return UN_KEY
    if _OHCHR_KEY in ex.entities and key != _OHCHR_KEY and any(_OHCHR_UNIT_RE.search(n) for n in names):
        return _OHCHR_KEY
    return None


_PERM_REP_RE = re.compile(r"\bPermanent\s+Representative\s+of\s+(?:the\s+)?")
# "Permanent Representative of Ukraine Ambassador Y.Klymenko", "... of Ukraine\nAmbassador Yurii Klymenko"
# ("The Permanent Representative of Ukraine to the United Nations, X": the body the envoy is sent to, then the name)
_NAME_AFTER_RE = re.compile(r"(?:\s+(?:to|at)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+|(?:of|for|and|the|in)\s+){0,8}?[A-Z][\w’'.-]*\s*,)?"
                            r",?\s+(?:(?:H\.E\.\s+)?Ambassador\s+)?(?:(?:H\.E\.\s+)?(?:Mr|Ms|Mrs)\.?\s+)?(?:[A-Z]\.\s?)?")
# "Ukraine's Permanent Representative to the UN X", "Japan’s Permanent Representative, X"
_POSSESSIVE_RE = re.compile(r"(?:’s|'s)\s+Permanent\s+Representative\b")
_ROLE = "Permanent Representative"


def _kind(ex: Extraction, m: Mention) -> str:
    e = ex.entities.get(m.ref)
    kind = (e.attributes or {}).get("kind") if e is not None else None
    if not kind and m.entry is not None:
        kind = m.entry.attributes.get("kind")
    return str(kind or "")


def permanent_representatives(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``WORKS_FOR`` from a state's permanent representative to the state (see the module)."""
    if "Permanent Representative" not in text:
        return
    starts = [s.start for s in sentences]
    by_start = {m.start: m for m in mentions}
    people = [m for m in mentions if m.label == "Person" and (e := ex.entities.get(m.ref)) is not None and e.label == "Person"]
    p_ends = {m.end: m for m in people}
    found = [(mt, by_start.get(mt.end())) for mt in _PERM_REP_RE.finditer(text)]
    # (the possessive: the state's name, then the title; the name after it as after "of STATE")
    found += [(mt, next((m for m in mentions if m.end == mt.start()), None)) for mt in _POSSESSIVE_RE.finditer(text)]
    for mt, state in found:
        if state is None or not (state.label == "Location" and _kind(ex, state) == "country"
                                 or state.label == "Organisation" and _kind(ex, state) == "government"):
            continue
        person = None
        before = re.search(r",\s+(?:(?:H\.E\.\s+)?Ambassador,?\s+)?(?:the\s+)?$", text[max(0, mt.start() - 40):mt.start()])
        if before is not None:
            person = p_ends.get(mt.start() - len(before.group()))
        if person is None:
            at = max(state.end, mt.end())
            # ("... to the United Nations X": the body the envoy is sent to, as the article names it)
            to = re.match(r"\s+(?:to|at)\s+(?:the\s+)?", text[at:at + 12])
            body = by_start.get(at + to.end()) if to is not None else None
            if body is not None and body.label == "Organisation" and re.match(r"\s*,?\s+[A-Z]", text[body.end:body.end + 4]):
                at = body.end
            after = _NAME_AFTER_RE.match(text, at)
            nxt = by_start.get(after.end()) if after is not None else None
            if nxt is not None and nxt in people and "\n\n" not in text[state.end:nxt.start]:
                person = nxt
        if person is None:
            continue
        org = state.ref
        if state.label == "Location":
            org = f"org:{government_key(state.ref.split(':', 1)[-1])}"
            if org not in ex.entities:
                ex.entity(org, "Organisation", ex.entities[state.ref].name if state.ref in ex.entities else state.text,
                          kind="government")
        if any(c.predicate == "WORKS_FOR" and c.subject == person.ref and c.object == org for c in ex.claims):
            continue
        # the title rules' "representative" is a membership: the envoy is the state's employee
        ex.claims[:] = [c for c in ex.claims if not (c.predicate == "MEMBER_OF" and c.subject == person.ref and c.object == org)]
        sent = sentences[max(0, bisect.bisect_right(starts, mt.start()) - 1)]
        a, b = min(person.start, mt.start(), state.start), max(person.end, state.end)
        ex.claim(person.ref, "WORKS_FOR", org, quote_span(text, sent, max(a, sent.start), min(b, sent.end)), 0.7,
                 "rel7:permanent-representative", role=_ROLE)

