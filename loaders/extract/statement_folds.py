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

A head of state, head of government or foreign minister named with the bare title ("President Dalia Grybauskaitė
met ...", "Chrystia Freeland, Minister of Foreign Affairs, today issued the following statement") speaks for the one
government that states in the document: "Lithuania strongly condemns ..." in the President's press release (dev7) and
"Canada remains deeply concerned ..." in the Minister's statement (valid) are the same act of speaking, not a
statement of the state's own. The head is the document's maker: the first person it names, in its lead (a president
quoted further down is someone else's). A title tied to another state ("Russian President", "President of Ukraine")
is not bare, and a state the draft makes a perpetrator is not the one the head speaks for.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from loaders.extract.body_documents import fold_events
from loaders.extract.claim_model import ClaimDraft, Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["fold_officer_statements", "ngo_officer_statements"]

_TIES = ("WORKS_FOR", "LEADS", "MEMBER_OF")
_HEAD_TITLE = r"(?:President|Prime\s+Minister|Foreign\s+Minister|Minister\s+of\s+Foreign\s+Affairs)"
# the bare title before the name ("President Dalia Grybauskaitė", not "Russian President X") or after it as an
# apposition ("X, Minister of Foreign Affairs, today", not "X, President of Ukraine,")
_TITLE_BEFORE_RE = re.compile(rf"(?:^|[\n.,;:–—(]\s*|\b(?:[Tt]he|[Tt]oday|,)\s+|\d{{4}}\s+|(?<![’'\w])[a-z]+\s+){_HEAD_TITLE}\s+$")
_DATELINE_TITLE_RE = re.compile(rf"\s+{_HEAD_TITLE}\s+")  # "Monday, March 5, Vilnius President X": after the place
_LEAD = 400  # how far into the document its maker is named
_TITLE_AFTER_RE = re.compile(rf",\s+(?:the\s+)?{_HEAD_TITLE}\s*[,.]")


def _kind(ex: Extraction, ref: str) -> str | None:
    e = ex.entities.get(ref)
    return (e.attributes or {}).get("kind") if e is not None else None


def _same_body(ex: Extraction, tied: str, body: str) -> bool:
    """``tied`` is ``body`` or a national section named after it."""
    if tied == body:
        return True
    a, b = ex.entities.get(tied), ex.entities.get(body)
    return a is not None and b is not None and len(b.name.split()) >= 2 and a.name.startswith(b.name + " ")


def _head_ties(text: str, mentions: Sequence[Mention], ex: Extraction, bodies: Sequence[str]) -> dict[str, set[str]]:
    """A person named with a bare head-of-state or foreign-minister title, tied to the one government among
    ``bodies`` (those that state in the document) that the draft does not make a perpetrator."""
    govs = [b for b in bodies if _kind(ex, b) == "government"]
    if len(govs) != 1 or any(c.subject == govs[0] and c.qualifiers.get("role") == "perpetrator" for c in ex.claims):
        return {}
    # the document's maker: the first person it names, in its lead ("President Zelenskyy" quoted further down a
    # UK statement is not the UK's head)
    i, m = next(((i, m) for i, m in enumerate(mentions) if m.label == "Person" and m.ref in ex.entities
                 and ex.entities[m.ref].label == "Person"), (-1, None))
    ties: dict[str, set[str]] = {}
    if m is not None and m.start < _LEAD:
        dateline = i > 0 and mentions[i - 1].label == "Location" and _DATELINE_TITLE_RE.fullmatch(text, mentions[i - 1].end, m.start)
        if dateline or _TITLE_BEFORE_RE.search(text, max(0, m.start - 40), m.start) or _TITLE_AFTER_RE.match(text, m.end):
            ties[m.ref] = {govs[0]}
    return ties


def fold_officer_statements(ex: Extraction, text: str = "", mentions: Sequence[Mention] = ()) -> None:
    """Fold a person's own statement event into the statement event of the body the person works for (or, for a
    head of state or foreign minister, of the government the document's statement is made for)."""
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
    for p, gov in _head_ties(text, mentions, ex, list(body_events)).items():
        ties.setdefault(p, set()).update(gov)
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
    fold_events(ex, folded)


def ngo_officer_statements(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """A non-governmental organisation ``STATES`` the statement its officer makes for it, when the sentence names the
    officer's place in it and the organisation says nothing else in the document: "Denis Krivosheev, Amnesty
    International's deputy director for Europe and Central Asia, called the shutdown ..." (valid2), "Oksana Pokalchuk,
    Amnesty International Ukraine's Executive Director, said:" (dev6).

    A government's officer speaks for the government (or department, delegation, mission) the sentence that quotes
    him ties him to (round-12 convention decision 5d): "State Department Spokesperson John Kirby said", "X,
    Department Spokesperson", "Ambassador X, speaking for the United States", "the minister said on behalf of the
    Government" -> the body ``STATES`` the officer's statement too, whatever else it says in the document. The tie
    must come from the speaking sentence itself (the draft's ``WORKS_FOR``/``LEADS`` claim quoted there): a person
    whose office is named elsewhere and who is quoted in his own name is left alone."""
    speakers: dict[str, set[str]] = {}
    states: list[ClaimDraft] = []
    for c in ex.claims:
        if c.predicate == "STATES" and c.object in ex.entities and c.subject in ex.entities:
            speakers.setdefault(c.object, set()).add(c.subject)
            if _kind(ex, c.object) == "statement" and ex.entities[c.subject].label == "Person":
                states.append(c)
    speaking = {s for who in speakers.values() for s in who}
    starts = [s.start for s in sentences]
    # each speaker's ties to a named body, in claim order (the loop below adds STATES claims only)
    ties_of: dict[str, list[ClaimDraft]] = {}
    for t in ex.claims:
        if (t.predicate in ("WORKS_FOR", "LEADS") and t.object in ex.entities
                and ex.entities[t.object].label == "Organisation" and not ex.entities[t.object].generic):
            ties_of.setdefault(t.subject, []).append(t)
    for c in states:
        ev = c.object
        i = bisect.bisect_right(starts, c.span[0]) - 1
        if i < 0:
            continue
        sent = sentences[i]
        ties = ties_of.get(c.subject, [])
        bodies = {t.object for t in ties if _kind(ex, t.object) == "ngo"}
        if not bodies:
            # a government's officer: tied to the body by the very sentence that quotes him, or by the document's
            # heading when he speaks there ("Statement of the Delegation of ...\n...\nIntervention by X,\n
            # Permanent Representative of ...")
            gov = [t for t in ties if _kind(ex, t.object) == "government" and (sent.start <= t.span[0] < sent.end
                                                                              or max(c.span[0], t.span[0]) < _LEAD)]
            if len({t.object for t in gov}) != 1 or gov[0].object in speakers[ev]:
                continue
            ex.claim(gov[0].object, "STATES", ev, gov[0].span, 0.6, "officer:government-speaks")
            speakers[ev].add(gov[0].object)
            continue
        if len(bodies) != 1 or speakers[ev] != {c.subject}:
            continue
        body = next(iter(bodies))
        if body in speaking:
            continue
        named = [m for m in mentions if m.ref == body and sent.start <= m.start < sent.end]
        me = [m for m in mentions if m.ref == c.subject and sent.start <= m.start < sent.end]
        if not named or not me:
            continue
        o = min(named, key=lambda m: abs(m.start - me[0].start))
        ex.claim(body, "STATES", ev, quote_span(text, sent, min(o.start, me[0].start), max(o.end, me[0].end)), 0.6,
                 "officer:ngo-speaks")
        speaking.add(body)
