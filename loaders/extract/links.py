"""Claims that link entities rather than report acts: where a place lies, where an
organisation sits, who works for whom, and which case an event belongs to.

- ``Simferopol, Crimea``, ``Crimea, Ukraine``, "Crimea is Ukraine", "Crimea ... part of
  Ukraine": a place ``PART_OF`` a region or country;
- "the Court in Rostov-on-Don": the organisation ``LOCATED_IN`` the place;
- "UK Deputy Ambassador Deirdre Brown": the person ``WORKS_FOR`` the organisation, with the
  title as role;
- an arrest, detention, trial or sentence of a defendant is ``PART_OF`` their case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from loaders.extract.mentions import Mention, Sentence
from loaders.extract.release_calls import called_only

__all__ = ["TITLE_WORDS", "late_events_in_cases", "heading_dateline", "place_links", "org_links", "events_in_cases", "statement_place", "from_place_lists", "bylines", "CASE_EVENTS"]

# Events that are steps of the proceedings (torture is not, even of a defendant; a search only when tied to the
# case). A defendant's release ends the custody of their case. More steps: _STEP_KINDS, by _case_step.
CASE_EVENTS = ("arrest", "detention_extension", "verdict", "trial", "hearing", "charge", "indictment", "appeal", "release")
_PART_OF_RE = re.compile(r"\b(?:is|remains|was|as)\s+(?:an?\s+)?(?:integral\s+)?part\s+of\s+(?:the\s+)?$|\bis\s+$", re.I)

Claim = Callable[..., None]
_DATE_AFTER_RE = re.compile(r",\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}),?\s+\d{4}\b\.?\s*(?:\(|\n|$)")
# Words that open a compound title ("Foreign Minister", "Prime Minister") and are no organisation by themselves.
TITLE_WORDS = {"foreign", "interior", "justice", "defence", "defense", "home", "prime", "finance", "deputy", "vice"}


# After a place, the verb of the clause it opens as subject ("in Crimea, Japan is deeply concerned", "..., Russia has").
_CLAUSE_SUBJECT_RE = re.compile(r"\s+(?:(?:also|again|still|now|further|strongly|deeply|firmly|therefore)\s+)?(?:is|are|was|were|has|"
                                r"have|had|will|would|must|should|shall|can|cannot|could|may|remains|continues|calls|urges|"
                                r"condemns|supports|welcomes|expresses|reiterates|reaffirms|stands|believes|considers|"
                                r"recognizes|recognises|notes)\b")


# Between a place and the country it goes back to: "will undoubtedly return to", "should be returned to".
_RETURNS_TO_RE = re.compile(r"\s+(?:(?:will|would|shall|should|must|can|is\s+to)\s+)?(?:(?:undoubtedly|certainly|eventually|"
                            r"inevitably|surely|definitely|soon|one\s+day)\s+)?(?:be\s+)?return(?:s|ed)?\s+(?:back\s+)?to\s+")

_REPORTED_RE = re.compile(r"\b(?:said|says|saying|wrote|writing|written|claim(?:s|ed|ing)?|interview|post(?:ed)?|charged?|charges|"
                          r"accused|statements?)\b")


def place_links(text: str, sent: Sentence, places: list[Mention], entities: dict[str, Any], claim: Claim,
                quote: Callable[[int, int], tuple[int, int]]) -> None:
    """``PART_OF`` between places the sentence puts together."""
    for i, inner in enumerate(places):
        for outer in places[i + 1:]:
            if inner.ref == outer.ref:
                continue
            gap = text[inner.end:outer.start]
            kind = (entities[outer.ref].attributes or {}).get("kind")
            if kind not in ("region", "country"):
                continue
            # "Simferopol, Crimea", "Simferopol, the capital of Crimea", "Bakhchisaray, a town in southern Crimea",
            # "Minusinsk in Eastern Siberia"
            near = re.fullmatch(r",\s*|,\s+(?:the|a|an)\s+(?:(?:small|large|major)\s+)?(?:capital|town|city|village|settlement|"
                                r"region|district|port|resort)\s+(?:city\s+)?(?:of|in)\s+(?:the\s+)?(?:(?:southern|northern|"
                                r"eastern|western|central|occupied|annexed)\s+)?", gap)
            between = any(inner.end <= p.start and p.end <= outer.start for p in places)
            # "Luhansk, Donetsk, Zaporizhzhya, and Kherson": places listed, not nested
            if near and gap.strip() == "," and any(
                    (outer.end <= p.start and re.fullmatch(r"\s*,\s*(?:and\s+)?|\s+and\s+", text[outer.end:p.start])) or
                    (p.end <= inner.start and re.fullmatch(r"\s*,\s*", text[p.end:inner.start])) for p in places):
                near = None
            # "Crimea is part of Ukraine"; not "annexation of Crimea by Russia and considers that Crimea remains a part of Ukraine"
            stated = len(gap) <= 60 and not between and re.search(r"\b(?:is|remains|was)\s+(?:an?\s+)?(?:integral\s+)?(?:part\s+of\s+)?"
                                                                  r"(?:the\s+)?$", gap) and not re.search(r"[.;]", gap)
            # "Crimea, territory the international community recognizes as part of Ukraine"
            stated = stated or (len(gap) <= 90 and not between
                                and re.search(r"\b(?:as|is|remains|was)\s+(?:an?\s+)?(?:integral\s+|inalienable\s+)?"
                                                            r"part\s+of\s+(?:the\s+)?$", gap) and not re.search(r"[.;]", gap))
            # "On the human rights situation in Crimea, Japan is deeply concerned": the country opens the clause (rel7)
            if near and gap.strip() == "," and _CLAUSE_SUBJECT_RE.match(text, outer.end):
                near = None
            if near or stated:
                claim(inner.ref, "PART_OF", outer.ref, quote(inner.start, outer.end), 0.75 if near else 0.7, "place-part")
    # "return Crimea to Ukraine", "the territory of Ukraine, including Crimea"
    for a in places:
        for b in places:
            if a.ref == b.ref or (entities[b.ref].attributes or {}).get("kind") != "country":
                continue
            # "return Crimea to Ukraine", "return control of Crimea to Ukraine"
            if re.fullmatch(r"\s+to\s+", text[a.end:b.start]) and re.search(
                    r"\breturn(?:s|ed|ing)?\s+(?:the\s+)?(?:(?:control|sovereignty)\s+(?:of|over)\s+)?(?:the\s+)?$",
                    text[max(sent.start, a.start - 40):a.start]):
                claim(a.ref, "PART_OF", b.ref, quote(a.start - 8, b.end), 0.7, "place-part")
            # "Crimea will undoubtedly return to Ukraine", "Crimea should be returned to Ukraine" (rel7)
            # (not words reported from a charge: "is facing “separatism” charges for an interview in which he said that
            # Crimea should be returned to Ukraine")
            elif _RETURNS_TO_RE.fullmatch(text, a.end, b.start) and not _REPORTED_RE.search(text, max(sent.start, a.start - 100), a.start):
                claim(a.ref, "PART_OF", b.ref, quote(a.start, b.end), 0.7, "place-part")
            elif re.fullmatch(r",?\s+including\s+(?:the\s+)?(?:[\w-]+\s+){0,3}|,?\s+including\s+[^.;()]{2,60}?(?:,|\band)\s+"
                              r"(?:the\s+)?(?:(?:city|town|village|port)\s+of\s+)?", text[b.end:a.start]) and re.search(
                    r"\bterritor\w*\s+of\s+$", text[max(sent.start, b.start - 20):b.start]):
                claim(a.ref, "PART_OF", b.ref, quote(b.start, a.end), 0.7, "place-part")


def org_links(text: str, orgs: list[Mention], people: list[Mention], places: list[Mention], claim: Claim,
              quote: Callable[[int, int], tuple[int, int]]) -> None:
    """``LOCATED_IN`` for "ORG in PLACE" (a court, an agency, the police, a prosecutor's office: a state
    "in Crimea" acts there, it does not sit there); ``WORKS_FOR`` for "ORG <title> PERSON".

    A generic body ("a de facto court in Crimea", "a military court in Russia") gets no seat: the
    place says where its act (the trial, the verdict) happened, and the annotators put it there
    (dev6, three articles; no generic body's seat in the gold of any development split)."""
    for o in orgs:
        for pl in places:
            if re.fullmatch(r"\s+in\s+(?:the\s+)?", text[o.end:pl.start]) and o.entry is not None \
                    and not o.entry.generic and not o.ref.endswith("-generic") \
                    and o.entry.attributes.get("kind") in ("court", "agency", "police", "prosecutor"):
                claim(o.ref, "LOCATED_IN", pl.ref, quote(o.start, pl.end), 0.7, "org-place")
        if o.text.lower() in TITLE_WORDS:
            continue  # "Foreign Minister X": one word of a title, not the organisation the word may stand for elsewhere
        for p in people:
            if p.role and re.fullmatch(r"(?:’s|'s)?\s+" + re.escape(p.role) + r"\s+", text[o.end:p.start]):
                claim(p.ref, "WORKS_FOR", o.ref, quote(o.start, p.end), 0.75, "works-for", role=p.role.lower())


# The convention's steps of a defendant's proceedings (examples/articles/real/README.md, "Convention decisions,
# round 12"): besides CASE_EVENTS, a detention of any form (pre-trial, house arrest, psychiatric confinement,
# imprisonment serving the sentence), an interrogation, an exchange, a transfer in custody and a measure of
# restraint (a travel ban). Torture, ill-treatment and pressure to cooperate are violations suffered in custody,
# never steps. The finer kinds that the ontology files under ``other`` are known by the event key's word.
_STEP_KINDS = (*CASE_EVENTS, "detention", "interrogation", "exchange")
_STEP_KEY_RE = re.compile(r"-(?:transfer|travel-ban)(?:-|$)")
# The acts that open a case's custody. A search of a defendant is made in the same operation as one of them when the
# search is named first and the arrest follows within about a sentence ("FSB officers searched X's home and detained him",
# "raided the homes of X ... X was arrested later that day", "X's house was searched ... He was detained and charged"),
# or when the arrest is named just before it ("X was arrested after a search of his home"). An arrest named further
# before ("detained several times before his arrest, and his house was repeatedly searched") says nothing of the search.
_OPENING_ACTS = ("arrest", "detention", "charge")
_AFTER_REACH, _BEFORE_REACH = 400, 25


def _case_step(key: str, claims: list[Any], entities: dict[str, Any]) -> bool:
    """Whether event ``key`` is a step of its target's proceedings (the convention's list of steps). A search
    is one only when it is tied to the case (see ``_tied_search``)."""
    event = entities.get(key)
    if event is None:
        return False
    kind = event.attributes.get("kind")
    return kind in _STEP_KINDS or (kind == "other" and _STEP_KEY_RE.search(key) is not None)


def _tied_search(key: str, target: str, claims: list[Any], entities: dict[str, Any],
                 triggers: dict[str, list[tuple[int, int]]] | None) -> bool:
    """Whether search ``key`` of ``target`` is in the same operation as an arrest, detention or charge of that
    person, by where their triggers stand (see ``_OPENING_ACTS``)."""
    event = entities.get(key)
    if triggers is None or event is None or event.attributes.get("kind") != "search" or key not in triggers:
        return False
    opening = [t for c in claims if c.predicate == "PARTICIPANT_IN" and c.subject == target
               and c.qualifiers.get("role") == "target" and c.object in entities
               and entities[c.object].attributes.get("kind") in _OPENING_ACTS for t in triggers.get(c.object, ())]
    return any(0 <= c - b <= _AFTER_REACH or 0 <= a - d <= _BEFORE_REACH for a, b in triggers[key] for c, d in opening)


def _is_step(key: str, target: str, claims: list[Any], entities: dict[str, Any],
             triggers: dict[str, list[tuple[int, int]]] | None, called: set[str]) -> bool:
    """Whether event ``key`` of defendant ``target`` belongs to the defendant's case: a step, or a search tied to it;
    never an event that only calls to release assert (``called``: :func:`release_calls.called_only`)."""
    return key not in called and (_case_step(key, claims, entities) or _tied_search(key, target, claims, entities, triggers))


def events_in_cases(claims: list[Any], entities: dict[str, Any], cases: dict[str, str], claim: Claim,
                    triggers: dict[str, list[tuple[int, int]]] | None = None) -> None:
    """``PART_OF``: each step of a defendant's proceedings belongs to their case; a step that targets several
    defendants (a joint hearing, an exchange of two prisoners) belongs to each one's case."""
    done = {(c.subject, c.object) for c in claims if c.predicate == "PART_OF"}
    called = called_only(claims)  # (the loop adds PART_OF claims only, so this stays true in it)
    for c in list(claims):
        if c.predicate != "PARTICIPANT_IN" or c.qualifiers.get("role") != "target" or c.subject not in cases:
            continue
        if (c.object, cases[c.subject]) in done or not _is_step(c.object, c.subject, claims, entities, triggers, called):
            continue
        done.add((c.object, cases[c.subject]))
        claim(c.object, "PART_OF", cases[c.subject], c.span, min(c.confidence, 0.75), "event-case")


def heading_dateline(text: str, places: list[Mention], entities: dict[str, Any]) -> Mention | None:
    """The place of a dateline that ends a heading line near the top: "Statement by X to the Permanent
    Council of the OSCE, Vienna, 19 August 2015", "OSCE Permanent Council No. 1314, Vienna, 20 May 2021."."""
    return next((m for m in places if m.start < 400 and m.start - (text.rfind("\n", 0, m.start) + 1) < 200
                 and re.search(r",\s*$", text[max(0, m.start - 3):m.start]) and _DATE_AFTER_RE.match(text, m.end)
                 and (entities[m.ref].attributes or {}).get("kind") not in ("country", "region")), None)


# Not steps, by the words that name them (round-12 convention, conv12a's "Left without"): a move inside the place of
# detention ("transferred to a separate / punishment cell": prison regime, not a transfer between places), and a
# search told as repeated ("his house was repeatedly searched": a practice, not the operation that opened the case).
_INSIDE_MOVE_RE = re.compile(r"\s+(?:back\s+)?(?:to|into)\s+(?:a|an|the)\s+(?:(?:separate|punishment|solitary|isolation|disciplinary|"
                             r"single|another|different|smaller|new)\s+)+(?:confinement\s+)?(?:cell|ward|block)s?\b", re.I)
_REPEATED_RE = re.compile(r"\b(?:repeatedly|regularly|(?:several|multiple|many|numerous)\s+times)\b", re.I)


def _told_as_no_step(key: str, ex: Any, text: str) -> bool:
    """Whether the words that name event ``key`` make it no step of a case (see ``_INSIDE_MOVE_RE``, ``_REPEATED_RE``)."""
    event = ex.entities.get(key)
    spans = ex.triggers.get(key, ())
    if event is None or not spans:
        return False
    kind = event.attributes.get("kind")
    if kind == "search":
        return all(_REPEATED_RE.search(text, max(0, a - 25), min(len(text), b + 25)) for a, b in spans)
    if _STEP_KEY_RE.search(key) and "transfer" in key:
        return all(_INSIDE_MOVE_RE.match(text, b) for _a, b in spans)
    return False


def late_events_in_cases(ex: Any, text: str | None = None) -> None:
    """The procedural events the later rules found (after the case rules ran): each still ``PART_OF``
    its defendant's case, and an arrested person still gets a case of their own. With the ``text``, an event
    its words make no step (``_told_as_no_step``) loses the ``PART_OF`` an earlier pass gave it."""
    from loaders.extract.claim_model import case_of
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN" and c.subject in ex.entities
             and ex.entities[c.subject].label == "Person"}
    no_step = {c.subject for c in ex.claims if c.predicate == "PART_OF" and c.rule == "event-case"} if text is not None else set()
    no_step = {k for k in no_step if text is not None and _told_as_no_step(k, ex, text)}
    if no_step:
        ex.claims[:] = [c for c in ex.claims if not (c.predicate == "PART_OF" and c.rule == "event-case" and c.subject in no_step)]
    # (an event already placed in a larger event, a trial or a collective exchange, is still a step of the case)
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    called = called_only(ex.claims)  # (the loop adds DEFENDANT_IN and PART_OF claims only)
    for c in list(ex.claims):
        if c.predicate != "PARTICIPANT_IN" or c.qualifiers.get("role") != "target" or c.object not in ex.entities:
            continue
        kind = ex.entities[c.object].attributes.get("kind")
        if c.subject not in cases and kind == "arrest" and ex.entities[c.subject].label == "Person":
            case_of(ex, cases, c.subject)
            ex.claim(c.subject, "DEFENDANT_IN", cases[c.subject], c.span, min(c.confidence, 0.6), "case:procedure",
                     procedural_status="suspect")
        if c.subject in cases and (c.object, cases[c.subject]) not in have and c.object not in no_step and _is_step(
                c.object, c.subject, ex.claims, ex.entities, ex.triggers, called):
            have.add((c.object, cases[c.subject]))
            ex.claim(c.object, "PART_OF", cases[c.subject], c.span, min(c.confidence, 0.75), "event-case")


def statement_place(text: str, places: list[Mention], claims: list[Any], entities: dict[str, Any], claim: Claim) -> None:
    """A dateline ("Brussels, 7 September 2021", "Washington, DC" on its own line near the top)
    says where the article's statements were made: each statement event is ``LOCATED_IN`` it."""
    head = text[:400]
    line = next((m for m in places if m.start < len(head) and (m.start == 0 or text[m.start - 1] == "\n")
                 and re.match(r"(?:,\s*(?:\d|[A-Z][a-z]+ \d)|\s*[–—-]\s|\s*\n|\s*$)", text[m.end:m.end + 20])
                 and (entities[m.ref].attributes or {}).get("kind") not in ("country", "region")), None)
    if line is None:
        line = heading_dateline(text, places, entities)
    if line is None:
        return
    # The dateline is where the document was issued: its own statement (the first made in it, or a
    # government's), not that of a lawyer or witness it quotes, who spoke wherever they were.
    states = [c for c in claims if c.predicate == "STATES" and (entities[c.object].attributes or {}).get("kind") == "statement"]
    first = min((c.span[0] for c in states), default=0)
    for c in states:
        if (c.span[0] == first and first < 600) or (entities[c.subject].label == "Organisation" and not entities[c.subject].generic
                                  and (entities[c.subject].attributes or {}).get("kind") == "government"):
            claim(c.object, "LOCATED_IN", line.ref, (line.start, line.end), 0.6, "dateline")


def from_place_lists(text: str, people: list[Mention], places: list[Mention], claim: Claim,
                     quote: Callable[[int, int], tuple[int, int]]) -> None:
    """"five men from Simferopol, Crimea (A, B and C)": each person named in the parentheses lives there."""
    for pl in places:
        if not re.search(r"\b(?:men|women|people|residents|activists|Tatars|natives?)\s+(?:from|of)\s+$", text[max(0, pl.start - 40):pl.start]):
            continue
        opened = re.match(r"(?:,\s*[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)?\s*\(", text[pl.end:pl.end + 40])
        if not opened:
            continue
        start = pl.end + opened.end()
        close = text.find(")", start)
        for p in people:
            if start <= p.start and (close < 0 or p.end <= close):
                claim(p.ref, "LOCATED_IN", pl.ref, quote(pl.start, p.end), 0.65, "residence")


def bylines(text: str, people: list[Mention], entities: dict[str, Any], claim: Claim) -> list[tuple[str, int, int]]:
    """A press statement's byline: a line near the top that is a person's name alone, or the name and
    a title ("Morgan Ortagus, Department Spokesperson"). That person makes the statement."""
    out = []
    for m in people:
        if m.start > 600 or not (m.start == 0 or text[m.start - 1] == "\n"):
            continue
        rest = text[m.end:text.find("\n", m.end) if "\n" in text[m.end:] else len(text)]
        if rest.strip() == "" or re.fullmatch(r",\s*(?:[A-Z][\w’'.-]*\s*){1,5}", rest):
            out.append((m.ref, m.start, m.end + len(rest)))
    return out
