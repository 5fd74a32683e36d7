"""One statement event per act of speaking (round-10 convention decision 2): an organisation's release and the
officer quoted in it are one statement, which the body and the officer both ``STATES``.

"Amnesty International has expressed concern for ... Amnesty International Europe and Central Asia Director John
Dalhuisen said: ..." (dev2), "USCIRF Chair Tony Perkins stated, ..." in a USCIRF release (valid, dev3, dev4), "UK
Minister for Europe Sir Alan Duncan said:" in a UK government statement (dev): the speech rules give the body one
statement event and the officer another; the officer's, which no one else states, is folded into the body's.

The officer is a person the draft ties to the body (``WORKS_FOR``, ``LEADS`` or ``MEMBER_OF``), or to a national
section named after it ("Amnesty International Ukraine" of "Amnesty International"). A body with two statement
events of its own in the document is left alone (which one the officer speaks is not known); an officer of
another body ("State Department spokesperson" beside "The United States condemns ..." in an editorial) keeps his
own statement, as the annotators keep a spokesperson's separate briefing.
"""

from __future__ import annotations

from loaders.extract.claim_model import Extraction

__all__ = ["fold_officer_statements"]

_TIES = ("WORKS_FOR", "LEADS", "MEMBER_OF")


def _kind(ex: Extraction, ref: str) -> str | None:
    e = ex.entities.get(ref)
    return (e.attributes or {}).get("kind") if e is not None else None


def _same_body(ex: Extraction, tied: str, body: str) -> bool:
    """``tied`` is ``body`` or a national section named after it."""
    if tied == body:
        return True
    a, b = ex.entities.get(tied), ex.entities.get(body)
    return a is not None and b is not None and len(b.name.split()) >= 2 and a.name.startswith(b.name + " ")


def fold_officer_statements(ex: Extraction) -> None:
    """Fold a person's own statement event into the statement event of the body the person works for."""
    speakers: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "STATES" and c.object in ex.entities and ex.entities[c.object].label == "Event" \
                and _kind(ex, c.object) == "statement" and c.subject in ex.entities:
            speakers.setdefault(c.object, set()).add(c.subject)
    if len(speakers) < 2:
        return
    body_events: dict[str, list[str]] = {}
    for ev, who in speakers.items():
        for s in who:
            e = ex.entities[s]
            if e.label == "Organisation" and not e.generic:
                body_events.setdefault(s, []).append(ev)
    if not body_events:
        return
    ties: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate in _TIES and c.subject in ex.entities and ex.entities[c.subject].label == "Person":
            ties.setdefault(c.subject, set()).add(c.object)
    folded: dict[str, str] = {}
    for ev, who in speakers.items():
        if len(who) != 1:
            continue
        person = next(iter(who))
        if ex.entities[person].label != "Person":
            continue
        bodies = {b for b in body_events for t in ties.get(person, ()) if _same_body(ex, t, b)}
        if len(bodies) != 1:
            continue
        evs = body_events[next(iter(bodies))]
        if len(evs) != 1 or evs[0] == ev:
            continue
        folded[ev] = evs[0]
    if not folded:
        return
    for c in ex.claims:
        c.subject = folded.get(c.subject, c.subject)
        c.object = folded.get(c.object, c.object)
    into = set(folded.values())
    seen: set[tuple[object, ...]] = set()
    kept = []
    for c in ex.claims:
        k = (c.subject, c.predicate, c.object, tuple(sorted(c.qualifiers.items())))
        if c.subject == c.object or (k in seen and (c.subject in into or c.object in into)):
            continue
        seen.add(k)
        kept.append(c)
    ex.claims[:] = kept
    for ev, body_ev in folded.items():
        ex.entities.pop(ev, None)
        for a, b in ex.triggers.pop(ev, []):
            ex.trigger(body_ev, a, b)
