"""A court's decision is one event, of the kind of what it decides (README conv13a, point 3).

"On 12 March the court considered the case of X and sentenced him to six years", "At a hearing on 5 May the
court extended X's detention": the annotators record the decision — a ``verdict``, an ``appeal``, a
``detention_extension``, a ``detention`` (remanded in custody), a ``release`` — with the court as ``judge``, and
"no second ``hearing`` event for the same decision". :func:`decided_hearings` drops a hearing of a person whose
every trigger stands in a sentence that tells a court decision about the same person; a hearing told in a sentence
of its own, a witness's hearing and a prosecutor's request for a term (a step of the trial: round 10 decision 4)
stay. :func:`court_judges` makes the court that decides a remand or a release ("COURT remanded X in custody", "COURT
placed X under house arrest", "COURT released X", "COURT ordered X to be held in custody") the ``judge`` of that
``detention`` or ``release`` — the rules that read agents leave a court out of acts it does not do itself.
:func:`counsel_steps` drops the step a lawyer takes for a client ("X, the lawyer of Y, filed an appeal") where
the same words gave the client that step too: the appeal is the client's, not one of the lawyer's own.
:func:`facing_trials` records the trial of a person who "faces trial" or "will face a (military) court" (README conv13d
point 3, the one future step that is an event: the trial exists once the case is sent to court).
:func:`acquittals` gives a ``verdict`` that acquits ("X was acquitted", "the court acquitted X", "X was found not
guilty": round 14, fix14) its name and its defendant the status ``acquitted``, not the ``convicted`` of a sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from loaders.extract.claim_model import Extraction, case_of, quote_span
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.record_acts import person_event

if TYPE_CHECKING:
    from loaders.extract.gazetteer import Gazetteer

__all__ = ["acquittals", "counsel_steps", "court_judges", "decided_hearings", "facing_trials"]

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


# The kinds of a court's order on custody, and what stands between the court and the order's trigger: nothing but
# an auxiliary or an adverb ("COURT (has) remanded", "COURT released"), or "ordered / ruled (that) X (to) be" before
# "held in custody".
_ORDERS = ("detention", "release")
_COURT_VERB_RE = re.compile(r"\s+(?:(?:has|had|have)\s+)?(?:\w+ly\s+)?(?:(?:ordered|ruled|decided)\s+(?:that\s+)?"
                            r"(?:[A-Z][\w’'-]+\s+){1,4}(?:to\s+be|be|should\s+be|would\s+be|will\s+be|must\s+be)\s+)?$")
_VERB_RE = re.compile(r"(?:remanded|placed|released|freed|held|kept|detained)\b", re.IGNORECASE)


def court_judges(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """``PARTICIPANT_IN`` (``judge``) for a court named as the subject right before the trigger of a detention or
    release it orders (README conv13a 3: "the court remanded / placed him in custody" a ``detention``, "the court
    released" a ``release``, "with the court as judge")."""
    courts = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and e.label == "Organisation"
              and (e.attributes or {}).get("kind") == "court"]
    if not courts:
        return
    ends = sorted((m.end, i) for i, m in enumerate(courts))
    end_at = [e for e, _i in ends]
    starts = [s.start for s in sentences]
    judged = {(c.subject, c.object) for c in ex.claims if c.predicate == "PARTICIPANT_IN"}
    for k, e in list(ex.entities.items()):
        if e.label != "Event" or (e.attributes or {}).get("kind") not in _ORDERS:
            continue
        for a, b in ex.triggers.get(k, ()):
            if not _VERB_RE.match(text, a):
                continue
            si = bisect.bisect_right(starts, a) - 1
            if si < 0:
                continue
            sent = sentences[si]
            # the court ending nearest before the trigger, in the same sentence
            j = bisect.bisect_right(end_at, a) - 1
            if j < 0:
                continue
            court = courts[ends[j][1]]
            if court.start < sent.start or (court.ref, k) in judged or not _COURT_VERB_RE.fullmatch(text, court.end, a):
                continue
            judged.add((court.ref, k))
            ex.claim(court.ref, "PARTICIPANT_IN", k, quote_span(text, sent, court.start, b), 0.6, f"judge:{e.attributes['kind']}",
                     role="judge")


# "X faces trial", "X, who is facing trial,", "X will face a military court": right after the person (an apposition
# or "who" between), not after "could / may / might / would" (a possibility, README conv13d 3).
_FACES_RE = re.compile(r"(?:,[^,;:.()]{1,80},)?\s+(?:,\s*)?(?:who\s+)?(?:now\s+|also\s+|currently\s+)?"
                       r"(?P<verb>faces|is\s+facing|are\s+facing|will\s+face|is\s+to\s+face|are\s+to\s+face|is\s+due\s+to\s+face)\s+"
                       r"(?P<what>trial\b|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?court\b(?!\s+(?:order|ruling|decision|fine)))")


def facing_trials(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction, gaz: Gazetteer) -> None:
    """The ``trial`` of a person the sentence says faces trial or will face a court: target the person, the court
    named in the phrase its ``judge``, ``PART_OF`` the person's case (``DEFENDANT_IN``, a defendant)."""
    if "fac" not in text:
        return
    people = [m for m in mentions if m.label == "Person" and (e := ex.entities.get(m.ref)) is not None and e.label == "Person"]
    courts = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and (e.attributes or {}).get("kind") == "court"]
    starts = [s.start for s in sentences]
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN" and c.subject in ex.entities
             and ex.entities[c.subject].label == "Person"}
    for p in people:
        mt = _FACES_RE.match(text, p.end)
        if mt is None:
            continue
        sent = sentences[bisect.bisect_right(starts, p.start) - 1]
        if mt.end() > sent.end:
            continue
        a, b = mt.start("verb"), mt.end()
        ev = person_event(ex, gaz, p.ref, "trial")
        ex.trigger(ev, a, b)
        span = quote_span(text, sent, p.start, b)
        ex.claim(p.ref, "PARTICIPANT_IN", ev, span, 0.55, "event:trial:faces", role="target")
        for c in courts:
            if mt.start("what") <= c.start and c.end <= b:
                ex.claim(c.ref, "PARTICIPANT_IN", ev, span, 0.55, "judge:trial:faces", role="judge")
        if p.ref not in cases:
            ex.claim(p.ref, "DEFENDANT_IN", case_of(ex, cases, p.ref), span, 0.55, "case:faces-trial", procedural_status="defendant")
        ex.claim(ev, "PART_OF", cases[p.ref], span, 0.55, "event-case")


_COURT_STEPS = ("appeal", "hearing")


def counsel_steps(ex: Extraction) -> None:
    """Drop an ``appeal`` or ``hearing`` of a lawyer whose every trigger is also the trigger of the same kind of step
    of a client the lawyer ``DEFENDS`` (or is ``COUNSEL_IN`` the case of)."""
    clients: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate in ("DEFENDS", "COUNSEL_IN"):
            clients.setdefault(c.subject, set()).add(c.object)
    if not clients:
        return
    targets = _targets(ex)
    case_of_person = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    by_trigger: dict[tuple[str, tuple[int, int]], set[str]] = {}  # (kind, trigger) -> targets of the steps it names
    for k, e in ex.entities.items():
        kind = (e.attributes or {}).get("kind")
        if e.label == "Event" and kind in _COURT_STEPS:
            for t in ex.triggers.get(k, ()):
                by_trigger.setdefault((kind, t), set()).update(targets.get(k, ()))
    drop = set()
    for k, e in ex.entities.items():
        kind = (e.attributes or {}).get("kind")
        who = targets.get(k, set())
        if e.label != "Event" or kind not in _COURT_STEPS or len(who) != 1 or not ex.triggers.get(k):
            continue
        [lawyer] = who
        mine = clients.get(lawyer, set())
        if mine and all(any(p in mine or case_of_person.get(p) in mine for p in by_trigger[(kind, t)] - who)
                        for t in ex.triggers[k]):
            drop.add(k)
    if drop:
        ex.claims[:] = [c for c in ex.claims if c.subject not in drop and c.object not in drop]
        for k in drop:
            ex.entities.pop(k, None)
            ex.triggers.pop(k, None)


# The words at a verdict trigger that acquits: "acquitted" (gazetteers/events.yaml, round 14), "found not guilty" (the
# trigger "found" of "found ... guilty").
_ACQUITS_RE = re.compile(r"(?:(?:fully|partially|partly)\s+)?acquitted|found\s+not\s+guilty", re.IGNORECASE)


def acquittals(text: str, ex: Extraction) -> None:
    """A ``verdict`` every trigger of which acquits is an acquittal: named so, and the ``DEFENDANT_IN`` its trigger
    gave its targets (in the same quote) says ``acquitted``, not ``convicted``."""
    targets = _targets(ex)
    for k, e in ex.entities.items():
        spans = ex.triggers.get(k)
        if e.label != "Event" or (e.attributes or {}).get("kind") != "verdict" or not spans \
                or not all(_ACQUITS_RE.match(text, a) for a, _b in spans):
            continue
        who = targets.get(k, set())
        quotes = {c.span for c in ex.claims if c.object == k and c.subject in who}
        for c in ex.claims:
            if c.predicate == "DEFENDANT_IN" and c.subject in who and c.span in quotes \
                    and c.qualifiers.get("procedural_status") == "convicted":
                c.qualifiers["procedural_status"] = "acquitted"
        if len(who) == 1:
            e.name = f"Acquittal of {ex.entities[next(iter(who))].name}" if next(iter(who)) in ex.entities else e.name
