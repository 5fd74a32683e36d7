"""An accusation made in a statement rather than in proceedings: "the FSB claimed X was a suspected
terrorist", "police alleged that X was a member of Hizb ut-Tahrir", "the FSB said the men were
planning sabotage".

The accused person is ``ACCUSED_OF`` the speaker's statement Event (the ontology lets an accusation
point at an Event), with what they are called as the charge and the speaker as ``accuser``. The
statement itself is the speech rules' (a ``STATES`` claim in the same sentence); without one, nothing
is added.

Also a charge that a defendant's sentence names only by a later phrase ("X, who is facing charges that
may lead to two years in prison for allegedly making “public calls ...”", "filed charges against X in
connection with articles she wrote ...", "he was arrested and charged on the accusation that he was a
member of ..."): the defendant the other rules found in that sentence is ``ACCUSED_OF`` their case.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claims import ClaimDraft, Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["statement_accusations"]

_SAYS = r"(?:claimed|claims|alleged|alleges|said|says|stated|states|asserted|insisted|reported|announced)"
# "<speaker> claimed (that) " ... "<person> was a suspected terrorist"
_SAYS_RE = re.compile(rf"\s+(?:has\s+|had\s+|later\s+)?{_SAYS}\s+(?:that\s+)?$", re.IGNORECASE)
_CALLED_RE = re.compile(r"\s+(?:was|is|were|are|had\s+been|has\s+been)\s+(?:(?:an?|the)\s+)?(?P<charge>(?:(?:suspected|alleged|"
                        r"active|former)\s+)?(?:terrorists?|extremists?|saboteurs?|spies|spy|militants?|recruiters?|"
                        r"members?\s+of\s+(?:an?\s+|the\s+)?[^,.;]{3,50}?|(?:planning|preparing|plotting)\s+[^,.;]{3,50}?|"
                        r"involved\s+in\s+[^,.;]{3,50}?))(?=\s*(?:[,.;]|and\b|who\b|$))", re.IGNORECASE)


def statement_accusations(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``ACCUSED_OF`` (the statement Event as object) for what a speaker claims a person was, and
    (the case as object) for a charge a defendant's sentence names by a later phrase."""
    _claimed_to_be(text, sentences, mentions, ex)
    later_charges(text, sentences, mentions, ex)


def _claimed_to_be(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """"the FSB claimed X was a suspected terrorist": X is accused in the FSB's statement."""
    states: dict[str, list[ClaimDraft]] = {}
    for c in ex.claims:
        if c.predicate == "STATES" and (ex.entities[c.object].attributes or {}).get("kind") == "statement":
            states.setdefault(c.subject, []).append(c)
    if not states:
        return
    people = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and e.label == "Person"]
    speakers = [m for m in mentions if m.ref in states]
    pstarts = [m.start for m in people]
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "ACCUSED_OF"}
    starts = [s.start for s in sentences]
    for sp in speakers:
        sent = sentences[max(0, bisect.bisect_right(starts, sp.start) - 1)]
        i = bisect.bisect_left(pstarts, sp.end)
        if i >= len(people) or people[i].end > sent.end:
            continue
        who = people[i]
        if who.ref == sp.ref or not _SAYS_RE.search(text, sp.end, who.start) or who.start - sp.end > 40:
            continue
        called = _CALLED_RE.match(text, who.end, sent.end)
        if called is None:
            continue
        stmt = next((c.object for c in states[sp.ref] if c.span[0] <= who.start and sp.start < c.span[1]), None)
        if stmt is None or (who.ref, stmt) in have:
            continue
        have.add((who.ref, stmt))
        ex.claim(who.ref, "ACCUSED_OF", stmt, quote_span(text, sent, sp.start, called.end()), 0.6, "claimed-to-be",
                 charge=" ".join(called.group("charge").lower().split()), accuser=sp.ref)


# The charge named by a phrase after the charge or case words: "for allegedly making “public calls ...”",
# "in connection with articles she wrote ...", "on the accusation that he was a member of ...".
_LATER_CHARGE_RE = re.compile(
    r"\b(?:for\s+(?:allegedly|purportedly)\s+(?P<ing>(?-i:[a-z]+ing)\b[^.;]{3,140}?)"
    r"|in\s+connection\s+with\s+(?:(?:his|her|their)\s+)?(?P<conn>(?!(?:the|a|this|that|his|her|their)\s+(?:\w+\s+)?"
    r"(?:case|cases|proceedings|investigation)\b)[^.;,()]{3,100}?)"
    r"|(?:on|over|amid)\s+(?:the\s+)?(?:accusations?|allegations?|suspicion)\s+that\s+(?:he|she|they)\s+(?:was|were|had\s+been|had)\s+"
    r"(?P<that>[^.;,()]{3,100}?))"
    r"(?=[”\"]?\s*(?:[,.;()]|$|\s(?:and|after|before|while|when|although|though|even)\s))", re.IGNORECASE)
# A word of criminal procedure before the phrase: what the phrase names is a charge, not a topic.
_PROCEDURE_RE = re.compile(r"\b(?:charges?|charged|accused|accusations?|convicted|sentenced|prosecuted|prosecution|indicted|"
                           r"arrested|detained)\b", re.IGNORECASE)


def later_charges(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """``ACCUSED_OF`` their case for a defendant whose sentence names the charge only by a later phrase.

    The defendant is one the other rules made ``DEFENDANT_IN`` in that sentence without saying of what; the
    sentence names no other person before the phrase, and a word of criminal procedure stands before it."""
    accused = {(c.subject, c.object) for c in ex.claims if c.predicate == "ACCUSED_OF"}
    starts = [s.start for s in sentences]
    people = sorted((m for m in mentions if m.label == "Person" and m.ref in ex.entities), key=lambda m: m.start)
    pstarts = [m.start for m in people]
    for c in list(ex.claims):
        if c.predicate != "DEFENDANT_IN" or (c.subject, c.object) in accused or ex.entities[c.subject].label != "Person":
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, c.span[0]) - 1)]
        mt = _LATER_CHARGE_RE.search(sent.text, max(0, c.span[0] - sent.start))
        if mt is None or not _PROCEDURE_RE.search(sent.text, 0, mt.start()):
            continue
        a = sent.start + mt.start()
        named = people[bisect.bisect_left(pstarts, sent.start):bisect.bisect_left(pstarts, a)]
        if any(m.ref != c.subject for m in named):
            continue  # "A was sentenced, and B was detained in connection with ...": whose charge is unclear
        # (the article's quotation marks are no part of the charge: "making “public calls ...”")
        charge = " ".join(re.sub(r"[“”\"]", "", next(g for g in mt.groups() if g)).strip(" ‘’").lower().split())
        if len(charge) < 4:
            continue
        accused.add((c.subject, c.object))
        first = named[0].start if named else c.span[0]
        ex.claim(c.subject, "ACCUSED_OF", c.object, quote_span(text, sent, min(first, a), sent.start + mt.end()), 0.55,
                 "charge:later-phrase", charge=charge)
