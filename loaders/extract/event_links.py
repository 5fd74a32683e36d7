"""``LINKED_TO`` between two events one sentence connects: "the 24 crewmembers detained by
Russia following the November 2018 attack on Ukrainian vessels" (the detention follows the
attack), "the searches ... which resulted in the detention of five leaders" (the detention
results from the searches).

The subject is the later event (the one that follows or results), the object the one it
follows from. Two acts on the same person ("X was arrested after a search of his home") are
steps of one story, which the case rules tie together; they are not linked here.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.gazetteer import slug
from loaders.extract.mentions import Sentence
from loaders.extract.regex_buckets import Prefiltered
from loaders.extract.statement_links import statement_links

__all__ = ["link_events", "acts_in_named_cases", "acts_for_cases", "same_target_links", "confession_links", "protest_links", "presentation_links", "documented_links", "instance_links"]

_NOT_ACTS = ("statement", "publication", "conference", "meeting")
# "EARLIER-ACT ... following / after / in connection with LATER-NAMED-ACT": the first follows the second.
_FOLLOWS_RE = re.compile(r"[^.;:“”\"]{0,60}?\b(?:following|after|in\s+the\s+wake\s+of|in\s+connection\s+with|linked\s+to|"
                         r"in\s+response\s+to|in\s+retaliation\s+for|as\s+a\s+result\s+of|because\s+of|due\s+to|amid|"
                         r"protesting|in\s+protest\s+(?:against|at|over)|to\s+protest(?:\s+against)?|to\s+witness)\s+"
                         r"(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,3}"
                         # round 13 (conv13c, use C): "on hunger strike in protest against Russia’s continued detention of
                         # PRISONERS", "to demand Russia release PRISONERS": a protest -> what it protests
                         r"|[^.;:“”\"]{0,60}?\b(?:in\s+protest\s+(?:against|at|over)|to\s+demand(?:\s+that)?)\s+"
                         r"(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,5}"
                         # round 15 (align15, conv13c use C): "the detention of X and charges ... to be revenge of Russia
                         # for his participation in ..."
                         r"|[^.;:“”\"]{0,90}?\b(?:revenge|punishment|reprisal)\s+(?:of\s+[\w’'-]+\s+)?for\s+", re.IGNORECASE)
# "his participation in the Inaugural Summit": a gathering's trigger that names someone's taking part in it.
_PARTICIPATION_RE = re.compile(r"(?:his|her|their)\s+participation\s+in\b", re.IGNORECASE)
# "ACT ..., which resulted in / that led to ACT", "ACT in 2014, followed by ACT": the second results from or follows the first.
_RESULTS_RE = re.compile(r"[^.;:“”\"]{0,80}?\b(?:which|that)\s+(?:resulted|results|ended)\s+in\s+(?:the\s+|a\s+)?"
                         r"(?:[\w’'-]+\s+){0,2}|[^.;:“”\"]{0,80}?\b(?:which|that)\s+(?:led|leads)\s+to\s+(?:the\s+|a\s+)?"
                         r"(?:[\w’'-]+\s+){0,2}|[^.;:“”\"]{0,40}?\s+followed\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,2}",
                         re.IGNORECASE)


# "the illegally annexed Crimea", "occupied Crimea": a participle that describes a place, no mention of the act.
_ATTRIBUTIVE_RE = re.compile(r"(?:[a-z]+ly\s+)?(?:annexed|occupied)\s+(?-i:[A-Z])", re.IGNORECASE)


# An act "after" or "following" the annexation, occupation or war is dated by it ("arrested shortly after Russia's
# annexation of Crimea"), not done because of it; the gold of dev6 links no such act.
_WHEN_RE = re.compile(r"\b(?:after|following)\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
_BACKGROUND = ("annexation", "occupation", "war", "invasion", "aggression")


def _background(ex: Extraction, ev: str) -> bool:
    """Whether ``ev`` is the background of the whole story (an annexation, occupation or war) rather than an act."""
    e = ex.entities[ev]
    return (e.attributes or {}).get("kind") == "other" and any(w in e.name.lower().split() for w in _BACKGROUND)


def _within(spans: list[tuple[int, int, str]], sent: Sentence) -> list[tuple[int, int, str]]:
    """The trigger spans (sorted by start) that lie in ``sent``, found by bisection (long articles)."""
    lo = bisect.bisect_left(spans, (sent.start, -1, ""))
    hi = bisect.bisect_left(spans, (sent.end, -1, ""))
    return [s for s in spans[lo:hi] if s[1] <= sent.end]


def _acts_in_text(text: str, ex: Extraction) -> tuple[dict[str, set[str]], list[tuple[int, int, str]], set[tuple[str, str]]]:
    """Each event's targets, the acts' trigger spans in text order, and the LINKED_TO pairs made so far."""
    targets: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target":
            targets.setdefault(c.object, set()).add(c.subject)
    spans = sorted((a, b, ev) for ev, sp in ex.triggers.items() for a, b in sp
                   if (ex.entities[ev].attributes or {}).get("kind") not in _NOT_ACTS and not _ATTRIBUTIVE_RE.match(text, a, b))
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LINKED_TO"}
    return targets, spans, have


def link_events(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """Add ``LINKED_TO`` claims between events whose triggers one sentence connects."""
    targets, spans, have = _acts_in_text(text, ex)
    # round 15 (align15, conv13c use C "for his participation in"): a gathering someone took part in, named by the
    # participation, is what an act on them answers ("imprisoned ... due to his participation in the summit")
    joined = {ev for ev, sp in ex.triggers.items() for a, b in sp if _PARTICIPATION_RE.match(text, a, b)}
    if joined:
        spans = sorted({*spans, *((a, b, ev) for ev in joined for a, b in ex.triggers[ev])})
    results: list[tuple[str, str, Sentence, int, int]] = []
    for sent in sentences:
        inside = _within(spans, sent)
        for i, (a1, b1, e1) in enumerate(inside):
            if e1 in joined:
                continue
            for a2, b2, e2 in inside[i + 1:]:
                if e1 == e2 or a2 < b1 or targets.get(e1, set()) & targets.get(e2, set()):
                    continue
                gap = text[b1:a2]
                if (follows := _FOLLOWS_RE.fullmatch(gap)) and not (_background(ex, e2) and _WHEN_RE.search(follows.group())):
                    later, earlier = e1, e2
                elif e2 in joined:
                    continue
                elif _RESULTS_RE.fullmatch(gap):
                    later, earlier = e2, e1
                    results.append((later, earlier, sent, a1, b2))
                else:
                    continue
                if (later, earlier) not in have:
                    have.add((later, earlier))
                    ex.claim(later, "LINKED_TO", earlier, quote_span(text, sent, a1, b2), 0.6, "event-link")
    _result_places(text, results, ex)
    same_target_links(text, sentences, ex)
    statement_links(text, sentences, ex)
    confession_links(text, sentences, ex)
    protest_links(text, sentences, ex)
    documented_links(text, sentences, ex)
    instance_links(text, sentences, ex)


def _result_places(text: str, results: list[tuple[str, str, Sentence, int, int]], ex: Extraction) -> None:
    """Round 15 (alignE15, README conv15b point 2): "the searches in Crimea which resulted in the detention of five
    leaders (A, B, C, D and E)": the words that place the first act place each act that results from it, when the
    sentence gives the later act no place of its own."""
    placed = {c.subject for c in ex.claims if c.predicate == "LOCATED_IN"}
    for later, earlier, sent, a, b in results:
        if later in placed:
            continue
        where = [c.object for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject == earlier and c.span
                 and sent.start <= c.span[0] and c.span[1] <= sent.end]
        if len(set(where)) == 1:
            placed.add(later)
            ex.claim(later, "LOCATED_IN", where[0], quote_span(text, sent, a, b), 0.55, "result-place")


def presentation_links(ex: Extraction) -> None:
    """The document's own statement at a meeting ``LINKED_TO`` the presentation it acknowledges ("Let me thank the
    Deputy High Commissioner for her presentation and update", "we have just heard a comprehensive report by the High
    Commissioner": README conv13c use R, a statement about another's statement; dev7, two governments). The
    presentation and the meeting are government_statements.presentations'."""
    own = {c.object: c.subject for c in ex.claims if c.rule == "gov7:head-meeting" and c.predicate == "PART_OF"}
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LINKED_TO"}
    for c in list(ex.claims):
        if c.rule == "gov7:presentation" and c.predicate == "PART_OF" and c.object in own \
                and (own[c.object], c.subject) not in have and own[c.object] != c.subject:
            have.add((own[c.object], c.subject))
            ex.claim(own[c.object], "LINKED_TO", c.subject, c.span, 0.55, "presentation-link")


# "Umerov's case", "his case", "the case against Umerov": the word that says whose case it is.
_CASE_WORDS_RE = re.compile(r"(?:\b(?P<owner>[\w-]+)(?:’s|'s)|\b(?:his|her))\s+(?:criminal\s+)?case\b|"
                            r"\bcase\s+(?:against|of)\s+(?:(?:\w+\s+){0,2}?(?-i:[A-Z][\w-]*\s+))?(?P<of>(?-i:[A-Z][\w-]*))",
                            re.IGNORECASE)
_STEPS = ("detention", "search", "interrogation")


def acts_in_named_cases(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """A detention, search or questioning of a defendant in a sentence that speaks of their case
    ("Umerov's case, including his detention in a psychiatric unit") is ``PART_OF`` that case,
    when the sentence's acts concern one defendant only."""
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    target_of: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target":
            target_of.setdefault(c.object, set()).add(c.subject)
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    spans = sorted((a, b, ev) for ev, sp in ex.triggers.items() for a, b in sp)
    for sent in sentences:
        mt = _CASE_WORDS_RE.search(sent.text)
        if not mt:
            continue
        inside = _within(spans, sent)
        defendants = {t for _a, _b, ev in inside for t in target_of.get(ev, ()) if t in cases}
        if len(defendants) != 1:
            continue
        [who] = defendants
        owner = mt.group("owner") or mt.group("of")
        e = ex.entities[who]
        if owner and not any(owner in n.split() for n in [e.name, *e.aliases]):
            continue  # somebody else's case
        for a, b, ev in inside:
            kind = (ex.entities[ev].attributes or {}).get("kind")
            if kind in _STEPS and target_of.get(ev) == {who} and (ev, cases[who]) not in have:
                have.add((ev, cases[who]))
                lo, hi = min(a, sent.start + mt.start()), max(b, sent.start + mt.end())
                ex.claim(ev, "PART_OF", cases[who], quote_span(text, sent, lo, hi), 0.6, "named-case")


# "... for picketing outside the court in support of his compatriot, X": an act done for X's cause.
_FOR_CASE_RE = Prefiltered(re.compile(r"\b(?:in\s+support\s+of|in\s+solidarity\s+with|in\s+defen[cs]e\s+of|to\s+support|supporting|"
                          r"in\s+connection\s+with\s+the\s+(?:criminal\s+)?case\s+(?:of|against)|as\s+part\s+of\s+the\s+(?:criminal\s+)?"
                          r"case\s+(?:of|against)|in\s+the\s+(?:criminal\s+)?case\s+(?:of|against))\s+(?:the\s+)?"
                          r"(?:(?:[a-z][\w’'-]*\s+){0,3}?(?:[a-z][\w’'-]*,\s+))?(?:(?:Mr|Mrs|Ms)\.?\s+)?", re.IGNORECASE))


def acts_for_cases(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """An act on one person done in support of, or within the case of, another defendant ("detained
    for picketing in support of X", "searched in connection with the case of X") is ``LINKED_TO``
    X's case: the nearest act before the phrase whose target is not X."""
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    if not cases:
        return
    names = {ref: [ex.entities[ref].name, *ex.entities[ref].aliases] for ref in cases if ref in ex.entities}
    target_of: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target":
            target_of.setdefault(c.object, set()).add(c.subject)
    spans = sorted((a, b, ev) for ev, sp in ex.triggers.items() for a, b in sp
                   if (ex.entities[ev].attributes or {}).get("kind") not in _NOT_ACTS)
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("LINKED_TO", "PART_OF")}
    for sent in sentences:
        for mt in _FOR_CASE_RE.finditer(sent.text):
            at = sent.start + mt.end()
            who = next((ref for ref, ns in names.items() if any(n and text.startswith(n, at) for n in ns)), None)
            if who is None:
                continue
            before = [t for t in _within(spans, sent) if t[1] <= sent.start + mt.start() and who not in target_of.get(t[2], set())
                      and target_of.get(t[2])]
            if not before:
                continue
            a, _b, ev = before[-1]
            if (ev, cases[who]) not in have:
                have.add((ev, cases[who]))
                ex.claim(ev, "LINKED_TO", cases[who], quote_span(text, sent, a, at + len(ex.entities[who].name)), 0.6,
                         "event-for-case")


# Between two acts on one person, the words that tie them: "freed after six hours of detention", "detained by agents
# who were searching her flat", "beaten on the way to interrogation", "abducted ... and later found tortured".
_TIES_RE = re.compile(r"[^.;:“”\"]{0,60}?\b(?:after|following|on\s+the\s+way\s+to|on\s+(?:his|her|their)\s+way\s+to|during|while|"
                      r"who\s+(?:were|was)|in\s+the\s+course\s+of)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?"
                      r"(?:[\w’'-]+\s+){0,4}?", re.IGNORECASE)

# "during his detention, he was tortured": the containing act first, after "during"; then the rest of the clause.
_DURING_BEFORE_RE = re.compile(r"\b(?:during|throughout|in\s+the\s+course\s+of)\s+(?:his|her|their)\s+(?:[\w-]+\s+)?$",
                               re.IGNORECASE)
_CLAUSE_RE = re.compile(r",\s+(?:he|she|they)\s+[^.;:“”\"]{0,50}?")
# The second act named by a word that is no trigger: "detained by FSB agents who were searching her parents' flat",
# "freed after six hours of detention".
_TIED_ACT_RE = re.compile(r"\s+(?:by\s+[^.;,“”\"]{0,60}?\bwho\s+(?:were|was|had\s+been)\s+(?P<verb>searching|raiding|"
                          r"interrogating|questioning)|after\s+(?:[\w-]+\s+){0,2}(?:hours|days|weeks|months)\s+(?:of|in)\s+"
                          r"(?:administrative\s+|pre-?trial\s+|police\s+)?(?P<noun>detention|custody|interrogation|questioning))\b",
                          re.IGNORECASE)
_TIED_KINDS = {"searching": "search", "raiding": "search", "interrogating": "interrogation", "questioning": "interrogation",
               "detention": "detention", "custody": "detention", "interrogation": "interrogation"}


def same_target_links(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """``LINKED_TO`` from an act on a person to another act on the same person that the sentence ties it to
    ("she was freed after six hours of detention", "he was beaten on the way to interrogation"): the act
    named first is the subject. An arrest and a detention of one person are one act named twice ("the detention
    of X, who was apprehended in December"), not two acts to link."""
    targets, spans, have = _acts_in_text(text, ex)
    for sent in sentences:
        inside = _within(spans, sent)
        for i, (a1, b1, e1) in enumerate(inside):
            for a2, b2, e2 in inside[i + 1:]:
                if e1 == e2 or a2 < b1 or not targets.get(e1, set()) & targets.get(e2, set()):
                    continue
                k1, k2 = ((ex.entities[e].attributes or {}).get("kind") for e in (e1, e2))
                if k1 == k2 or {k1, k2} == {"arrest", "detention"} or (e1, e2) in have or (e2, e1) in have:
                    continue
                if _DURING_BEFORE_RE.search(text, max(sent.start, a1 - 30), a1) and _CLAUSE_RE.fullmatch(text, b1, a2):
                    # round 15 (align15, conv13c use S): "during his detention, he suffered torture": the act told
                    # second is contained in the first
                    have.add((e2, e1))
                    ex.claim(e2, "LINKED_TO", e1, quote_span(text, sent, max(sent.start, a1 - 30), b2), 0.55, "same-target-link")
                    continue
                if not _TIES_RE.fullmatch(text, b1, a2):
                    continue
                have.add((e1, e2))
                ex.claim(e1, "LINKED_TO", e2, quote_span(text, sent, a1, b2), 0.55, "same-target-link")
        for a1, b1, e1 in inside:
            tied = _TIED_ACT_RE.match(text, b1, sent.end)
            if not tied:
                continue
            kind = _TIED_KINDS[(tied.group("verb") or tied.group("noun")).lower()]
            if tied.group("noun") and (ex.entities[e1].attributes or {}).get("kind") != "release":
                continue  # "freed after six hours of detention"; not "sentenced after two years in detention"
            other = [e for e in targets if e != e1 and (ex.entities[e].attributes or {}).get("kind") == kind
                     and targets[e] & targets.get(e1, set())]
            if len(other) == 1 and (e1, other[0]) not in have and (other[0], e1) not in have:
                have.add((e1, other[0]))
                ex.claim(e1, "LINKED_TO", other[0], quote_span(text, sent, a1, tied.end()), 0.55, "same-target-link")


# A confession forced out of a person (the ill-treatment trigger of README conv13d point 11).
_CONFESSION_RE = re.compile(r"\bconfess", re.IGNORECASE)


def confession_links(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """A coerced confession the sentence ties to the person's case ("sentenced ... on the basis of coerced
    confessions"): the ill-treatment event ``LINKED_TO`` the case (README conv13d point 11, conv13c use V), where the
    same sentence tells a step of that case (a charge, a verdict: an event ``PART_OF`` it)."""
    steps: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PART_OF" and c.object.startswith("case:"):
            steps.setdefault(c.object, set()).add(c.subject)
    if not steps:
        return
    have = {(c.subject, c.object) for c in ex.claims if c.predicate in ("LINKED_TO", "PART_OF")}
    for c in list(ex.claims):
        if c.predicate != "PARTICIPANT_IN" or c.qualifiers.get("role") != "target":
            continue
        ev = ex.entities.get(c.object)
        if ev is None or (ev.attributes or {}).get("kind") != "ill_treatment":
            continue
        case = f"case:{c.subject.split(':', 1)[1]}"
        for a, b in ex.triggers.get(c.object, []):
            if not _CONFESSION_RE.search(text, a, b) or case not in steps or (c.object, case) in have:
                continue
            sent = next((s for s in sentences if s.start <= a < s.end), None)
            if sent is None or not any(s0 < sent.end and sent.start < s1 for st in steps[case]
                                       for s0, s1 in ex.triggers.get(st, [])):
                continue
            have.add((c.object, case))
            ex.claim(c.object, "LINKED_TO", case, quote_span(text, sent, sent.start, sent.end), 0.6, "confession-case")


# Round 14 (align14a, README conv14b point 5): a protest, picket or rally is a happening of kind ``other`` with its people
# in it; what the authorities do to them for it ("detained for 10 days for picketing outside the court", "abducted while
# attending a demonstration", "fined for taking part in a rally") is its own event LINKED_TO the protest, not PART_OF it.
# Between the act's words and the protest's: the act's own clause, then "for" or "while" and the protest in the gerund.
_FOR_PROTEST_RE = re.compile(r"[^.;:“\"]{0,80}?\b(?:for|while)\s+(?P<p>(?P<picket>picketing)|(?:staging|holding|organi[sz]ing|"
                             r"attending|joining|taking\s+part\s+in|participating\s+in)\s+(?:a\s+|an\s+)?(?:single-person\s+|"
                             r"one-person\s+|solo\s+|individual\s+|peaceful\s+)?(?:pickets?|protests?|rall(?:y|ies)|"
                             r"demonstrations?))\b", re.IGNORECASE)
_ON_PROTESTERS = ("arrest", "detention", "verdict", "trial", "charge", "other")


def protest_links(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """The protest an act on named people was done for or during ("X was detained for 10 days for picketing outside
    the court", "X was abducted while attending a demonstration"): an event of kind ``other``, the people the act
    targets in it (a lone picketer its organiser), and the act ``LINKED_TO`` it (README conv14b point 5). The act is
    the nearest before the protest's words; its place is found later from the protest's words, as any event's."""
    targets, spans, have = _acts_in_text(text, ex)
    for sent in sentences:
        inside = _within(spans, sent)
        for i, (a1, b1, e1) in enumerate(inside):
            if (ex.entities[e1].attributes or {}).get("kind") not in _ON_PROTESTERS or _background(ex, e1):
                continue
            mt = _FOR_PROTEST_RE.match(text, b1, sent.end)
            if mt is None or any(a2 < mt.start("p") for a2, _b2, _e2 in inside[i + 1:]):
                continue  # (another act stands nearer the protest's words)
            people = sorted(t for t in targets.get(e1, ()) if ex.entities[t].label == "Person")
            a, b = mt.start("p"), mt.end("p")
            if people:
                first = ex.entities[people[0]]
                pr = f"event:{slug(first.name)}-protest"
                ex.entity(pr, "Event", f"Protest by {first.name}", kind="other")
            else:
                # round 15 (align15): the protest of a group the act names without a person ("at least 49 Crimean
                # Tatars were detained for staging one-person protests"): the protest by its words, the act linked to it
                words = re.sub(r"^(?:staging|holding|organi[sz]ing|attending|joining|taking\s+part\s+in|participating\s+in)\s+"
                               r"(?:a\s+|an\s+)?", "", text[a:b], flags=re.IGNORECASE)
                pr = f"{e1}-protest"
                ex.entity(pr, "Event", words[:1].upper() + words[1:], kind="other")
                _protest_place(text, sent, ex, pr, a, b)
            ex.trigger(pr, a, b)
            role = "organiser" if mt.group("picket") and len(people) == 1 else "participant"
            for who in people:
                ex.claim(who, "PARTICIPANT_IN", pr, quote_span(text, sent, a1, b), 0.6, "protest-people", role=role)
            if (e1, pr) not in have:
                have.add((e1, pr))
                ex.claim(e1, "LINKED_TO", pr, quote_span(text, sent, a1, b), 0.6, "protest-link")
            _protested_act(text, sentences, spans, ex, pr, sent, have)


# The next sentence says what the protesters protested: "They were protesting violent police raids on ... homes".
_PROTESTING_RE = re.compile(r"\s*(?:They|He|She|The\s+protesters|The\s+picketers)\s+(?:were|was|had\s+been)\s+protesting\s+"
                            r"(?:(?:against|at|over)\s+)?(?:the\s+)?(?:[\w’'-]+\s+){0,3}?$")

_PROTESTING_START_RE = re.compile(r"\s*(?:They|He|She|The\s+protesters|The\s+picketers)\s+(?:were|was|had\s+been)\s+protesting\s")


def _protested_act(text: str, sentences: list[Sentence], spans: list[tuple[int, int, str]], ex: Extraction, pr: str,
                   sent: Sentence, have: set[tuple[str, str]]) -> None:
    """The protest ``LINKED_TO`` the act the sentence after it says they were protesting (conv13c use C)."""
    nxt = next((s for s in sentences if s.start >= sent.end), None)
    if nxt is None:
        return
    for a2, b2, e2 in _within(spans, nxt):
        if _PROTESTING_RE.fullmatch(text, nxt.start, a2) and e2 != pr and (pr, e2) not in have:
            have.add((pr, e2))
            ex.claim(pr, "LINKED_TO", e2, quote_span(text, nxt, nxt.start, b2), 0.6, "protest-against")
        return
    if not _PROTESTING_START_RE.match(text, nxt.start, nxt.end):
        return
    # an act told with no trigger of its own (a group act: "police raids on ... homes in Bakhchysarai"): the one act
    # the sentence's claims are about
    acts = {c.subject if c.subject.startswith("event:") else c.object for c in ex.claims
            if c.span and nxt.start <= c.span[0] and c.span[1] <= nxt.end and c.predicate in ("PARTICIPANT_IN", "LOCATED_IN")}
    acts = {e for e in acts if e in ex.entities and e != pr and (ex.entities[e].attributes or {}).get("kind") not in _NOT_ACTS}
    if len(acts) == 1 and (pr, (e2 := next(iter(acts)))) not in have:
        have.add((pr, e2))
        ex.claim(pr, "LINKED_TO", e2, quote_span(text, nxt, nxt.start, nxt.end), 0.6, "protest-against")


# Where the protest was, as its words go on: "staging one-person protests in towns all around the Crimean peninsula".
_PROTEST_WHERE_RE = re.compile(r"\s+(?:in|at|near|outside|across|around|throughout)\b[^.;,:]{0,60}", re.IGNORECASE)


def _protest_place(text: str, sent: Sentence, ex: Extraction, pr: str, a: int, b: int) -> None:
    """``LOCATED_IN`` for a group's protest: the first place the draft holds named in the words after the protest's."""
    where = _PROTEST_WHERE_RE.match(text, b, sent.end)
    if where is None:
        return
    span = text[where.start():where.end()]
    best: tuple[int, int, str] | None = None
    for key, e in ex.entities.items():
        if e.label != "Location":
            continue
        for n in (e.name, *e.aliases):
            at = span.find(n) if n else -1
            if at >= 0 and not span[at + len(n):at + len(n) + 1].isalnum() and (best is None or at < best[0]):
                best = (at, at + len(n), key)
    if best is not None:
        ex.claim(pr, "LOCATED_IN", best[2], quote_span(text, sent, a, where.start() + best[1]), 0.6, "protest-place")


# Round 15 (align15, README conv13c use R "documented torture"): a report and the acts the sentence says it documents:
# "the OHCHR further documented violations ..., notably torture and ill-treatment", "Human Rights Watch reported religious
# activists were among victims of torture", "The Commissioner's report highlights ... the death of X" (dev7, dev4, dev2),
# and the passive "these violations are documented in ... reports". The report is a publication the draft states in
# the sentence; the acts are the events whose words stand after the verb (before it, in the passive).
_DOCUMENTS_RE = re.compile(r"\b(?:(?:further\s+)?(?:documented|documents|recorded|records|registered|highlighted|highlights|"
                           r"reported)\b(?!\s+(?:by|that\s+(?:it|they|he|she)\b))|(?P<passive>(?:are|were|is|was|have\s+been|has\s+been)\s+"
                           r"(?:duly\s+|well\s+|also\s+)?(?:documented|reflected|recorded|registered)\s+(?:in|by)\b)|(?P<according>\baccording\s+to\b))")

_THESE_RE = re.compile(r"\s*(?:These|Such|The|All\s+these)\s+(?:numerous\s+|many\s+|grave\s+|serious\s+)?(?:human\s+rights\s+)?"
                       r"(?:violations|abuses|crimes|acts)\s+$")


def documented_links(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """``LINKED_TO`` from a report to each act the sentence says it documents (see above)."""
    reports: dict[str, list[tuple[int, int]]] = {}
    issued: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "STATES" and c.span and (ex.entities[c.object].attributes or {}).get("kind") == "publication":
            reports.setdefault(c.object, []).append(c.span)
            issued.setdefault(c.subject, set()).add(c.object)
    if not reports:
        return
    _targets, spans, have = _acts_in_text(text, ex)
    for sent in sentences:
        verb = _DOCUMENTS_RE.search(text, sent.start, sent.end)
        if verb is None:
            continue
        here = [r for r, sps in reports.items() if any(sent.start <= a < sent.end for a, _b in sps)]
        back = bool(verb.group("passive") or verb.group("according"))
        if not here and not back:
            # "the OHCHR further documented ...": the one report of the body named as the verb's subject
            before = text[max(sent.start, verb.start() - 80):verb.start()]
            who = [o for o, evs in issued.items() if len(evs) == 1 and any(
                n and re.search(rf"\b{re.escape(n)}\s+(?:(?:has|have|had|also|further)\s+)*$", before)
                for n in (ex.entities[o].name, *ex.entities[o].aliases))]
            here = [next(iter(issued[who[0]]))] if len(who) == 1 else []
        if len(here) != 1 and not back:
            continue  # (two reports and an active verb: which one documented what is not said)
        acts = [(a, b, ev) for a, b, ev in _within(spans, sent) if not _background(ex, ev) and ev not in here
                and ((a >= verb.end()) != back)]
        if not acts and verb.group("passive") and _THESE_RE.match(text, sent.start, verb.start()):
            # "These numerous violations are documented in ... reports": the one act the sentence before tells
            prev = next((x for x in reversed(sentences) if x.end <= sent.start), None)
            told = {ev for _a, _b, ev in (_within(spans, prev) if prev else []) if not _background(ex, ev)}
            acts = [(verb.start(), verb.end(), ev) for ev in told] if len(told) == 1 else []
        for a, b, ev in acts[:4]:
            for r in here:
                if (r, ev) not in have:
                    have.add((r, ev))
                    lo, hi = min(a, verb.start()), max(b, verb.end())
                    ex.claim(r, "LINKED_TO", ev, quote_span(text, sent, lo, hi), 0.55, "documented-act")


# --- round 15 (alignE15, README conv15a point 5, conv13c use I) ---
# "ACT is another example / the latest manifestation of PERSECUTION", "These detentions are part of an orchestrated
# campaign of oppression of ...", "This represents the latest development in a wider campaign by ...": the act is an
# instance of the wider campaign, policy or persecution (an act with an author), to which it is ``LINKED_TO``. A trend
# or state of affairs ("the deteriorating human rights situation", "the continuing erosion of civil liberties") is no
# act: no link.
_INSTANCE_CUE_RE = re.compile(r"(?:(?:\b(?:is|are|was|were|represents?|represented|offers?|marks?|as)\s+|[“\"])(?:(?:yet|also|just|clearly)\s+)?"
                              r"(?:another|the\s+latest|a\s+further|one\s+more|a\s+new|an\s+example)\s*(?:(?:clear|stark|"
                              r"striking|egregious)\s+)?(?:example|manifestation|instance|illustration|development|episode|"
                              r"case)?\s+(?:of|in)\s+|(?:is|are|was|were)\s+(?:all\s+)?part\s+of\s+(?:an?|the)\s+)", re.IGNORECASE)
_WIDER_RE = re.compile(r"\b(?:campaign|persecution|polic(?:y|ies)|practice|crackdown|repressions?|oppression|targeting|discrimination)\b",
                       re.IGNORECASE)
_TREND_RE = re.compile(r"\b(?:situation|erosion|deteriorat\w*|climate|worsening|decline)\b", re.IGNORECASE)
# "These detentions are part of ...": the act the noun names, told in one of the sentences before
_THESE_ACT_RE = re.compile(r"\s*(?:[“\"]\s*)?(?:This|These|That|Those|It|Such)\b(?:\s+(?P<noun>[a-z]+))?", re.IGNORECASE)
_NOUN_KIND = {"detentions": "detention", "detention": "detention", "arrests": "arrest", "arrest": "arrest",
              "searches": "search", "search": "search", "raids": "search", "sentence": "verdict", "verdict": "verdict",
              "sentencing": "verdict", "conviction": "verdict", "charges": "charge"}


def instance_links(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """``LINKED_TO`` from an act to the campaign, policy or persecution the sentence calls it an instance of."""
    _targets, spans, have = _acts_in_text(text, ex)
    for i, sent in enumerate(sentences):
        cue = _INSTANCE_CUE_RE.search(text, sent.start, sent.end)
        if cue is None:
            continue
        inside = _within(spans, sent)
        # (the wider thing's words right after the cue, or the event's own trigger later in the sentence: "another
        # manifestation of Russia’s repressive policies ..., as well as yet more evidence of discrimination against X")
        near = min(sent.end, cue.end() + 60)
        wider = [(a, b, ev) for a, b, ev in inside if a >= cue.end()
                 and (ex.entities[ev].attributes or {}).get("kind") == "other" and not _background(ex, ev)
                 and (_WIDER_RE.search(text, cue.end(), near) or _WIDER_RE.search(text, a, b))
                 and not _TREND_RE.search(text, cue.end(), min(a, near))]
        if not wider:
            continue
        w = wider[0][2]
        acts = [(a, b, ev) for a, b, ev in inside if b <= cue.start() and ev != w and not _background(ex, ev)]
        cases = _named_cases(text, sent.start, cue.start(), ex)
        if acts:
            a, _b, ev = acts[-1]
        elif len(cases) == 1:
            # "The EU called Umerov's sentencing “another example of ...”": the case of the one person named before
            ev, a = cases[0], sent.start
        else:
            these = _THESE_ACT_RE.match(text, sent.start, cue.start())
            if these is None or i == 0:
                continue
            kind = _NOUN_KIND.get((these.group("noun") or "").lower())
            told: list[str] = []
            for prev in reversed(sentences[max(0, i - 3):i]):
                told = list(dict.fromkeys(e for _a, _b, e in _within(spans, prev) if not _background(ex, e) and e != w
                                          and (kind is None or (ex.entities[e].attributes or {}).get("kind") == kind)))
                if told:
                    break
            # ("X was detained, tried and sentenced. This represents ...": the acts of one case told together, the case)
            of_case = {c.subject: c.object for c in ex.claims if c.predicate == "PART_OF" and c.object.startswith("case:")}
            if kind is None and len(told) > 1 and all(e in of_case for e in told) and len({of_case[e] for e in told}) == 1:
                told = [of_case[told[0]]]
            if len(told) != 1:
                continue
            ev, a = told[0], sent.start
        if (ev, w) not in have and (w, ev) not in have:
            have.add((ev, w))
            ex.claim(ev, "LINKED_TO", w, quote_span(text, sent, max(a, sent.start), wider[0][1]), 0.55, "instance-link")


def _named_cases(text: str, a: int, b: int, ex: Extraction) -> list[str]:
    """The cases whose defendant's surname the text names between ``a`` and ``b``."""
    out = []
    for c in ex.claims:
        if c.predicate == "DEFENDANT_IN" and c.object.startswith("case:") and c.subject in ex.entities:
            last = ex.entities[c.subject].name.split()[-1:]
            if last and re.search(rf"\b{re.escape(last[0])}\b", text[a:b]):
                out.append(c.object)
    return list(dict.fromkeys(out))
