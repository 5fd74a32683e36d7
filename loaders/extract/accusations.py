"""An accusation made in a statement rather than in proceedings: "the FSB claimed X was a suspected
terrorist", "police alleged that X was a member of Hizb ut-Tahrir", "the FSB said the men were
planning sabotage".

The accused person is ``ACCUSED_OF`` the speaker's statement Event (the ontology lets an accusation
point at an Event), with what they are called as the charge and the speaker as ``accuser``. The
statement itself is the speech rules' (a ``STATES`` claim in the same sentence); without one, nothing
is added.
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
    """Add ``ACCUSED_OF`` (the statement Event as object) for what a speaker claims a person was."""
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
