"""A court's decision is one event, of the kind of what it decides (README conv13a, point 3).

"On 12 March the court considered the case of X and sentenced him to six years", "At a hearing on 5 May the
court extended X's detention": the annotators record the decision — a ``verdict``, an ``appeal``, a
``detention_extension``, a ``detention`` (remanded in custody), a ``release`` — with the court as ``judge``, and
"no second ``hearing`` event for the same decision". :func:`decided_hearings` drops a hearing of a person whose
every trigger stands in a sentence that tells a court decision about the same person; a hearing told in a sentence
of its own, a witness's hearing and a prosecutor's request for a term (a step of the trial: round 10 decision 4)
stay.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from loaders.extract.claim_model import Extraction
from loaders.extract.mentions import Sentence

__all__ = ["decided_hearings"]

# The kinds of a court's decision that take the place of the session that made it.
_DECISIONS = ("verdict", "appeal", "detention_extension", "detention", "release")
# A hearing trigger that names a step of its own, not the session of a decision: a prosecutor's request, testimony.
_OWN_STEP_RE = re.compile(r"\b(?:prosecut\w*|testimony|testified)\b", re.IGNORECASE)


def _targets(ex: Extraction) -> dict[str, set[str]]:
    """Event key -> the keys of its targets."""
    out: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target":
            out.setdefault(c.object, set()).add(c.subject)
    return out


def decided_hearings(text: str, sentences: Sequence[Sentence], ex: Extraction) -> None:
    """Drop each ``hearing`` event whose every trigger is in a sentence where a court decision (verdict, appeal,
    extension or remand of detention, release) befalls one of the hearing's targets."""
    hearings = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "hearing"
                and ex.triggers.get(k)]
    if not hearings:
        return
    starts = [s.start for s in sentences]

    def sentence_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    targets = _targets(ex)
    decided: dict[int, set[str]] = {}  # sentence index -> who a decision of that sentence befalls
    for k, e in ex.entities.items():
        if e.label == "Event" and (e.attributes or {}).get("kind") in _DECISIONS:
            for a, _b in ex.triggers.get(k, ()):
                decided.setdefault(sentence_of(a), set()).update(targets.get(k, ()))
    drop = set()
    for h in hearings:
        who = targets.get(h, set())
        spans = ex.triggers[h]
        if who and all(who & decided.get(sentence_of(a), set()) and not _OWN_STEP_RE.search(text[a:b]) for a, b in spans):
            drop.add(h)
    if not drop:
        return
    ex.claims[:] = [c for c in ex.claims if c.subject not in drop and c.object not in drop]
    for h in drop:
        ex.entities.pop(h, None)
        ex.triggers.pop(h, None)
