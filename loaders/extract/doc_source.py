"""The body that issues a document states it: an attribution line of its own ("Answered by
Foreign and Commonwealth Office", "Issued by the Press Office of ORG", "Published by ORG", "Answered by
<a minister>", "As prepared for delivery by ORG to the Permanent Council"), or the department a written parliamentary question is put to when the document carries its
answer ("Question for Foreign, Commonwealth and Development Office" ... "Answered on 12 March 2023")
-> the organisation (or person) ``STATES`` the document's statement.

One statement event per document: when a government already speaks in the document through
one statement event of its own (a ministry answering for its government), the issuing body
states that same event; otherwise it gets one of its own.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.doc_statements import document_statement
from loaders.extract.gazetteer import load_gazetteer, slug
from loaders.extract.government_statements import gov_statements
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["index_line_issuer", "issuing_body", "statement_audience"]

_ISSUED_RE = re.compile(r"(?:Answered|Issued|Published|Released|Delivered|Prepared)\s+by\s+(?:the\s+)?", re.IGNORECASE)
_QUESTION_FOR_RE = re.compile(r"Question\s+for\s+(?:the\s+)?")
_ANSWERED_RE = Prefiltered(re.compile(r"(?:^|\n)Answered\s+(?:on|by)\b"))
# "As prepared for delivery by the Delegation of X to the 1135th Meeting of the Permanent Council, 2 March 2017"
_DELIVERY_RE = re.compile(r"As\s+(?:prepared\s+|written\s+)?(?:for\s+delivery|delivered)\s+by\s+(?:the\s+)?", re.IGNORECASE)
_DELIVERY_TAIL_RE = re.compile(r"\s+(?:to|at|before|in)\s+[^\n]{1,160}")


def issuing_body(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``STATES`` for the organisation a line of its own names as the document's issuer."""
    starts = [m.start for m in mentions]
    # a written question's answer: "Question for ORG ... Answered on 14 June 2016" (the department answers it)
    answered = _ANSWERED_RE.search(text) is not None
    for sent in sentences:
        line_start = sent.start
        if line_start > 0 and text[line_start - 1] != "\n":
            continue  # only a sentence that opens its line can be an attribution line
        mt = _ISSUED_RE.match(text, line_start) or (_QUESTION_FOR_RE.match(text, line_start) if answered else None) \
            or _DELIVERY_RE.match(text, line_start)
        if not mt:
            continue
        line_end = text.find("\n", sent.start)
        line_end = len(text) if line_end < 0 else line_end
        i = bisect.bisect_left(starts, mt.end())
        org = mentions[i] if i < len(mentions) else None
        rest = text[org.end:line_end] if org is not None else ""
        if mt.re is _DELIVERY_RE and _DELIVERY_TAIL_RE.fullmatch(rest):
            rest = ""  # "As prepared for delivery by ORG to the Permanent Council, 2 March 2017"
        if org is None or org.start != mt.end() or rest.strip(" .") or org.ref not in ex.entities:
            continue  # the line is the attribution and nothing else: "Answered by ORG"
        e = ex.entities[org.ref]
        if e.label not in ("Organisation", "Person") or e.generic:
            continue  # ("Answered by Lord X": the minister who answers a written question states the answer)
        if any(c.subject == org.ref and c.predicate == "STATES" for c in ex.claims):
            continue
        # a government's one statement event in the document is the one the issuing body answers with
        govs = {c.object for c in ex.claims if c.predicate == "STATES"
                and (ex.entities[c.subject].attributes or {}).get("kind") == "government"
                and (ex.entities[c.object].attributes or {}).get("kind") == "statement"}
        if len(govs) == 1:
            ev = next(iter(govs))
        else:
            ev = f"event:{slug(e.name)}-statement"
            ex.entity(ev, "Event", f"Statement by {e.name}", kind="statement")
        ex.claim(org.ref, "STATES", ev, quote_span(text, sent, line_start, org.end), 0.7, "issued-by")
    index_line_issuer(text, sentences, ex)
    # (the document's own statement, a pass of the same stage: after_claims calls this module's pass)
    document_statement(text, sentences, mentions, ex)
    statement_audience(text, sentences, mentions, ex)
    gov_statements(text, sentences, mentions, ex)


# A document's index line names its issuer even where the text does not: "AI-Index: EUR 46/0470/2019", "AI Index: EUR
# 46/2201/2015" (the reference every Amnesty International document carries; dev6, valid2: three documents, each
# annotated as the organisation's statement) -> the issuer ``STATES`` the document's statement, unless it states one.
_INDEX_LINES = ((re.compile(r"^[ \t]*AI[- ]Index:[ \t]*[A-Z]{3}[ \t]*\d{1,3}/\d{3,5}/\d{4}[ \t]*$", re.M), "Amnesty International"),)


def index_line_issuer(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """The organisation whose document index the text carries on a line of its own states the document."""
    for index_re, name in _INDEX_LINES:
        mt = index_re.search(text)
        entry = load_gazetteer().lookup(name) if mt is not None else None
        if mt is None or entry is None:
            continue
        sent = next((x for x in sentences if x.start <= mt.end() - 1 < x.end), None)
        key = next((k for k, e in ex.entities.items() if e.label == "Organisation" and e.name == entry.name), None)
        if sent is None or key is not None and any(
                c.subject == key and c.predicate == "STATES" and (ex.entities[c.object].attributes or {}).get("kind")
                in ("statement", "publication") for c in ex.claims):
            continue
        key = key or ex.entity(f"org:{entry.key}", "Organisation", entry.name, **entry.attributes).key
        ev = ex.entity(f"event:{slug(entry.name)}-statement", "Event", f"Statement by {entry.name}", kind="statement").key
        a = mt.start() + len(mt.group()) - len(mt.group().lstrip())
        ex.claim(key, "STATES", ev, quote_span(text, sent, a, mt.end()), 0.6, "index-line")


# The body a statement is delivered to, on the document's attribution line: "Statement by Ambassador X to the Special
# Permanent Council of the OSCE, Vienna, 19 August 2015", "As for delivery by the Delegation of X to the 1135th Meeting
# of the Permanent Council, 2 March 2017" (dev2, dev5: two publishers).
_TO_BODY_RE = re.compile(r"\s+to\s+the\s+")
_MEETING_OF_RE = re.compile(r"(?:\d{1,4}(?:st|nd|rd|th)\s+)?(?:(?:Special|Reinforced|Regular|Extraordinary)\s+)?"
                            r"(?:Meeting|Session|Sitting)\s+of\s+the\s+", re.IGNORECASE)
_HEAD = 400


def statement_audience(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """A person whose statement the document's attribution line delivers to a body is its speaker. The body itself
    has no role on the statement (README conv13d, points 4 and 12: it organises the session the statement is
    delivered at, which :mod:`loaders.extract.government_statements` makes where the line names one)."""
    for c in [c for c in ex.claims if c.predicate == "STATES" and c.span[0] < _HEAD and c.rule in (
            "headline:statement-of", "issued-by", "rel:delivered-by", "rel:statement-by")]:
        maker = next((m for m in mentions if m.ref == c.subject and c.span[0] <= m.start < c.span[1]), None)
        if maker is None or (ex.entities[c.object].attributes or {}).get("kind") != "statement":
            continue
        line_end = text.find("\n", maker.end)
        line_end = len(text) if line_end < 0 else line_end
        to = _TO_BODY_RE.match(text, maker.end)
        if to is None:
            continue
        at = to.end()
        body = _body_at(text, at, mentions, ex)
        if body is None:
            meeting = _MEETING_OF_RE.match(text, at)
            body = _body_at(text, meeting.end(), mentions, ex) if meeting is not None else None
            if body is None:  # "the 1135th Meeting of the Permanent Council": a meeting event its organiser holds
                ev = next((k for k, spans in ex.triggers.items() if any(a == at for a, _b in spans)), None)
                org = next((x.subject for x in ex.claims if x.object == ev and x.predicate == "PARTICIPANT_IN"
                            and x.qualifiers.get("role") == "organiser"), None) if ev is not None else None
                end = next((b for a, b in ex.triggers.get(ev or "", []) if a == at), at)
                body = (org, end) if org is not None else None
        if body is None or body[1] > line_end:
            continue
        sent = next((s for s in sentences if s.start <= maker.start < s.end), None)
        if sent is None:
            continue
        span = quote_span(text, sent, maker.start, body[1])
        if ex.entities[c.subject].label == "Person":
            ex.claim(c.subject, "PARTICIPANT_IN", c.object, span, 0.6, "statement-audience", role="speaker")


def _body_at(text: str, at: int, mentions: list[Mention], ex: Extraction) -> tuple[str, int] | None:
    """The organisation (not a generic one) named at ``at``, with where its name ends."""
    m = next((x for x in mentions if x.start == at and x.label == "Organisation" and x.ref in ex.entities
              and ex.entities[x.ref].label == "Organisation" and not ex.entities[x.ref].generic), None)
    return (m.ref, m.end) if m is not None else None
