"""A body's documents, by the annotation convention (round-10 decisions 3 and 5):

- a resolution is a ``publication`` its body ``STATES``, however it is cited; one cited by its date rather than its
  number is one publication per date: "the UN General Assembly Resolution of 27 March 2014 expressing support ...",
  "UN General Assembly Resolution "Situation of Human Rights in ..." of 19 December 2016", "the resolutions of the UN
  General Assembly “Territorial integrity of Ukraine” of 27 March 2014, “Situation of ...” of 19 December 2016 and of
  19 December 2017" (dev5: Ukraine's foreign ministry; dev7: the Seimas of Lithuania);
- a resolution a document names twice, once by its number and once as "a UN General Assembly resolution", is one
  publication: the unnumbered mention is folded into the numbered one when the body has one numbered resolution in
  the document (valid, dev3);
- "ORG reports that ..." is a verb of saying with no document named: a ``statement``, not a publication (dev:
  "Zmina, reports that Russia is holding ...", dev3: "The Jehovah's Witnesses report that there are ..."); "ORG
  reported X" and "in its report" stay publications, as the annotators keep them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.gazetteer import slug
from loaders.extract.mentions import Mention, Sentence, find_dates

__all__ = ["body_documents", "dated_resolutions", "fold_events", "one_resolution", "reports_that"]

# After the body: "Resolution ", "resolutions " (not a number: a numbered one is state_acts')
_AFTER_BODY_RE = re.compile(r"[ \t]+[Rr]esolutions?[ \t]+(?!(?:No\.?\s*)?\d)")
# Before the body: "the resolutions of the ", "Resolution of the "
_BEFORE_BODY_RE = re.compile(r"\b[Rr]esolutions?\s+of\s+(?:the\s+)?$")
# One item of the list: an optional quoted title, then "of <date>"
_TITLE_RE = re.compile(r"[“\"][^”\"\n]{1,250}[”\"]\s*")
_OF_RE = re.compile(r"of\s+")
_SEP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_FULL_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def dated_resolutions(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """One ``publication`` per resolution a body's name cites by its date, the body ``STATES`` it."""
    if "esolution" not in text:
        return
    dates = {a: (b, iso) for a, b, iso in find_dates(text) if _FULL_DATE_RE.match(iso)}
    if not dates:
        return
    starts = [s.start for s in sentences]
    for m in mentions:
        e = ex.entities.get(m.ref)
        if e is None or m.label != "Organisation" or e.label != "Organisation" or e.generic:
            continue
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0:
            continue
        sent = sentences[i]
        before = _BEFORE_BODY_RE.search(text, max(sent.start, m.start - 30), m.start)
        if before is not None:
            a, at = before.start(), m.end
            at = at + (1 if text[at:at + 1] in (" ", "\t") else 0)
        else:
            after = _AFTER_BODY_RE.match(text, m.end)
            if after is None:
                continue
            a, at = m.start, after.end()
        while at < sent.end:
            t = _TITLE_RE.match(text, at)
            pos = t.end() if t is not None else at
            of = _OF_RE.match(text, pos)
            hit = dates.get(of.end()) if of is not None else None
            if hit is None or hit[0] > sent.end:
                break
            end, iso = hit
            ev = ex.entity(f"event:{slug(e.name)}-resolution-{iso}", "Event", f"Resolution of {e.name} of {text[of.end():end]}",  # type: ignore[union-attr]
                           kind="publication").key
            ex.claim(m.ref, "STATES", ev, quote_span(text, sent, a if a >= sent.start else sent.start, end), 0.6,
                     "dated-resolution", date=iso)
            sep = _SEP_RE.match(text, end)
            if sep is None:
                break
            at = sep.end()


def one_resolution(ex: Extraction) -> None:
    """A body's unnumbered resolution ("a UN General Assembly resolution declared ...") is its one numbered
    resolution of the document ("Resolution 68/262"), when it has exactly one."""
    cited: dict[str, set[str]] = {}
    numbered: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate != "STATES" or c.object not in ex.entities:
            continue
        doc = ex.entities[c.object]
        if (doc.attributes or {}).get("kind") != "publication":
            continue
        if c.rule == "cited-resolution":
            cited.setdefault(c.subject, set()).add(c.object)
        elif re.match(r"Resolution\s+\d", doc.name):
            numbered.setdefault(c.subject, set()).add(c.object)
    folded: dict[str, str] = {}
    for body, evs in cited.items():
        nums = numbered.get(body, set())
        if len(nums) != 1:
            continue
        for ev in evs - nums:
            folded[ev] = next(iter(nums))
    fold_events(ex, folded)


def fold_events(ex: Extraction, folded: dict[str, str]) -> None:
    """Re-point every claim of each event in ``folded`` to the event it is folded into, and drop it."""
    if not folded:
        return
    into = set(folded.values())
    for c in ex.claims:
        c.subject = folded.get(c.subject, c.subject)
        c.object = folded.get(c.object, c.object)
    seen: set[tuple[object, ...]] = set()
    kept = []
    for c in ex.claims:
        k = (c.subject, c.predicate, c.object, tuple(sorted(c.qualifiers.items())))
        if c.subject == c.object or (k in seen and (c.subject in into or c.object in into)):
            continue
        seen.add(k)
        kept.append(c)
    ex.claims[:] = kept
    for ev, to in folded.items():
        ex.entities.pop(ev, None)
        for a, b in ex.triggers.pop(ev, []):
            ex.trigger(to, a, b)


# "Zmina, reports that", "The Jehovah's Witnesses report that", "ORG also reports that", and the verb in its other
# tenses: "ORG reported that", "ORG has reported that", "ORG reported on 5 May that" (a verb of saying that names no
# document: the corpus's convention decision 5 of round 10's second set)
_REPORTS_THAT_RE = re.compile(r"[\s,]*(?:(?:has|have|had|also|previously|earlier|recently)\s+){0,2}(?:reports?|reported)"
                              r"(?:\s+(?:today|yesterday|earlier|on\s+(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?))?,?\s+that\b")


def reports_that(text: str, mentions: Sequence[Mention], ex: Extraction) -> None:
    """A publication the speech rule made of "ORG reports that ..." is the organisation's statement."""
    by_ev: dict[str, list[int]] = {}
    for i, c in enumerate(ex.claims):
        if c.predicate == "STATES" and c.object in ex.entities and (ex.entities[c.object].attributes or {}).get("kind") == "publication":
            by_ev.setdefault(c.object, []).append(i)
    for ev, idx in by_ev.items():
        cs = [ex.claims[i] for i in idx]
        if len(cs) != 1 or cs[0].rule not in ("statement", "publication"):
            continue
        a, b = cs[0].span
        if not any(m.ref == cs[0].subject and a <= m.start < b and _REPORTS_THAT_RE.match(text, m.end) for m in mentions):
            continue
        who = ex.entities.get(cs[0].subject)
        if who is None or who.label != "Organisation":
            continue
        key = f"event:{slug(who.name)}-statement"
        if key in ex.entities:
            fold_events(ex, {ev: key})
            continue
        old = ex.entities[ev]
        old.attributes["kind"] = "statement"
        old.name = f"Statement by {who.name}"
        ex.rekey(ev, key)


def body_documents(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The passes of this module, in order."""
    reports_that(text, mentions, ex)
    one_resolution(ex)
    dated_resolutions(text, sentences, mentions, ex)
