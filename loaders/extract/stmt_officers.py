"""The head of a body speaks for it, and the body for its head, when the sentence names both:

- the head makes the document's first statement and the body says nothing of its own in the document: "RFE/RL President Thomas
  Kent condemned the verdict", "The President of the Parliamentary Assembly of the Council of Europe (PACE),
  Pedro Agramunt, made the following statement today", "OSCE Representative on Freedom of the Media Dunja
  Mijatović today said ..." -> the body ``STATES`` the head's statement too (dev4, valid2);
- the body publishes or states something and its head is named right after it as its title: "Council of Europe
  Commissioner for Human Rights Dunja Mijatović published a report ..." -> the head ``STATES`` it too (dev5).

The head is the person a ``LEADS`` claim of the draft ties to the body (not a staff member: a spokeswoman of a
ministry speaks for her government, whose name the annotators give, not the ministry's). A national section
("Amnesty International Ukraine", named after another body of the draft) is left out: the annotators give its
director's words to the section in one article and to the movement in another. A head quoted after someone else
has spoken first is a voice in a story, not the document's maker ("Mejlis deputy head Ilmi Umerov said" in an
editorial: dev3 z09 gives the words to him alone).

Then, by the round-10 convention decision 2 (one statement event per act of speaking), an officer's own statement
is folded into the statement of the body he works for when that body states one in the document, and an NGO states
what its officer says for it (:mod:`loaders.extract.statement_folds`); and a body's documents are read by the
convention (:mod:`loaders.extract.body_documents`: dated resolutions, one resolution per document, "ORG reports
that" as a statement).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from loaders.extract.body_documents import body_documents
from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.doc_statements import series_sources
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.statement_folds import fold_officer_statements, ngo_officer_statements

__all__ = ["officer_statements"]

_NOT_SPEAKERS = ("court", "collective")
# Between a body and its head's name: "Council of Europe Commissioner for Human Rights Dunja Mijatović"
_TITLE_GAP_RE = re.compile(r"\s{1,2}")


def _kind(ex: Extraction, ref: str) -> str | None:
    e = ex.entities.get(ref)
    return (e.attributes or {}).get("kind") if e is not None else None


def _section(ex: Extraction, org: str) -> bool:
    """``org`` is named after another body of the draft ("Amnesty International Ukraine" of "Amnesty International")."""
    name = ex.entities[org].name
    return any(k != org and e.label == "Organisation" and len(e.name.split()) >= 2 and name.startswith(e.name + " ")
               for k, e in ex.entities.items())


def officer_statements(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The body ``STATES`` its head's statement, and the head the body's document, when one sentence names both; then
    an officer's own statement is folded into the statement of the body he speaks for (one act of speaking)."""
    _heads(text, sentences, mentions, ex)
    fold_officer_statements(ex, text, mentions)
    ngo_officer_statements(text, sentences, mentions, ex)
    body_documents(text, sentences, mentions, ex)
    series_sources(text, sentences, mentions, ex)


def _heads(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    states = [c for c in ex.claims if c.predicate == "STATES" and c.object in ex.entities
              and ex.entities[c.object].label == "Event" and _kind(ex, c.object) in ("statement", "publication")]
    if not states:
        return
    heads: dict[str, set[str]] = {}  # person -> the bodies the draft says they lead
    for c in ex.claims:
        if c.predicate == "LEADS" and c.subject in ex.entities and ex.entities[c.subject].label == "Person" \
                and c.object in ex.entities and ex.entities[c.object].label == "Organisation" \
                and not ex.entities[c.object].generic and _kind(ex, c.object) not in _NOT_SPEAKERS:
            heads.setdefault(c.subject, set()).add(c.object)
    if not heads:
        return
    speakers: dict[str, set[str]] = {}
    for c in states:
        speakers.setdefault(c.object, set()).add(c.subject)
    speaking = {c.subject for c in states}
    first = min(states, key=lambda c: c.span[0]).object  # the document's first statement
    starts = [m.start for m in mentions]
    for c in states:
        sent = next((x for x in sentences if x.start <= c.span[0] < x.end), None)
        if sent is None:
            continue
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        inside = mentions[lo:hi]
        who = ex.entities[c.subject]
        if who.label == "Person" and _kind(ex, c.object) == "statement" and speakers[c.object] == {c.subject} \
                and c.object == first:
            bodies = heads.get(c.subject, set())
            if len(bodies) != 1:
                continue
            body = next(iter(bodies))
            if body in speaking or _section(ex, body):
                continue
            named = [m for m in inside if m.ref == body]
            me = [m for m in inside if m.ref == c.subject]
            if not named or not me:
                continue
            o = min(named, key=lambda m: abs(m.start - me[0].start))
            ex.claim(body, "STATES", c.object, quote_span(text, sent, min(o.start, me[0].start), max(o.end, me[0].end)),
                     0.6, "officer:head-speaks")
            speaking.add(body)
            speakers[c.object].add(body)
        elif who.label == "Organisation":
            # the body's title right before its head's name: "Council of Europe Commissioner for Human Rights Dunja Mijatović"
            for o in (m for m in inside if m.ref == c.subject):
                p = next((m for m in inside if m.start > o.end and _TITLE_GAP_RE.fullmatch(text, o.end, m.start)), None)
                if p is None or p.ref not in ex.entities or heads.get(p.ref) != {c.subject} or p.ref in speakers[c.object]:
                    continue
                ex.claim(p.ref, "STATES", c.object, quote_span(text, sent, o.start, p.end), 0.6, "officer:title-head")
                speakers[c.object].add(p.ref)
