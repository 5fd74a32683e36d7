"""The document's own statement, in the forms official statements take:

- a headline that names its maker: "Statement of the Ministry of Foreign Affairs of Ukraine on ...",
  "Comment of Ukraine's Foreign Ministry regarding ...", "One year of detention of X, - commentary of
  Ukraine's MFA" -> the body (or person) ``STATES`` the document's statement (the body's sentences may
  speak in the first person plural only: "We condemn ...", "We call on Russia ...");
- one statement per document: a ministry or office of a government that makes the document's statement
  speaks for its state, so "Ukraine calls on the Russian Federation ..." in a statement of the Ministry of
  Foreign Affairs of Ukraine is that same statement (the state ``STATES`` the ministry's statement event,
  not one of its own), as the annotators of dev and dev5 record it.

A possessive country before a body's name ("Ukraine's Foreign Ministry") is looked up as the body "of" the
country ("Foreign Ministry of Ukraine"), the form the gazetteer spells.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from loaders.extract.body_documents import fold_events
from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.gazetteer import GazetteerEntry, load_gazetteer, slug
from loaders.extract.mentions import Mention, Sentence

__all__ = ["body_named", "document_statement", "gazetteer_body", "headline_speaker", "numbered_paragraphs", "speaker_lines"]

# "Statement of the Ministry ... on ...", "Comment of X regarding ...", "Joint Statement by X and Y"
_DOC = r"(?i:(?:Joint\s+)?(?:Statement|Comment|Commentary|Declaration|Communiqu[ée]|Address))"
_ENDS = (r"(?=\s+(?:on|regarding|concerning|about|in\s+connection\s+with|in\s+relation\s+to|with\s+regard\s+to|demanding|"
         r"condemning|calling|urging|following|after|over|at|to|in\s+support|in\s+response)\b|\s*[,:;(\n]|\s*[–—-]\s|\s*$)")
_HEAD_RE = re.compile(rf"(?:[^\n]{{0,80}}?:\s+)?{_DOC}\s+(?:of|by)\s+(?:the\s+)?(?P<who>[^\n]{{2,90}}?){_ENDS}")
# "..., - commentary of Ukraine's MFA" at the end of the headline
_TAIL_RE = re.compile(r"[,;]?\s+[–—-]+\s+(?i:statement|comment|commentary|declaration)\s+(?:of|by)\s+(?:the\s+)?"
                      r"(?P<who>[^\n]{2,90}?)\s*$")
# A name made of the headline's words by the organisation finder: "Comment of Ukraine's Foreign Ministry"
_DOC_NAME_RE = re.compile(rf"{_DOC}\s+(?:of|by)\s+(?:the\s+)?(?P<who>.+)$", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"(?P<c>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:’s|'s)\s+(?P<n>.+)$")
_LEAD = 400  # a statement made this early in the document is the document's


def _resolve(who: str, start: int, mentions: Sequence[Mention], ex: Extraction) -> tuple[str, int] | None:
    """The entity the headline's maker phrase names: a mention at its start, else the gazetteer's body for the
    phrase or its possessive inverted ("Ukraine's MFA" -> "MFA of Ukraine"); ``(key, end offset)``."""
    m = next((x for x in mentions if x.start == start and x.ref in ex.entities and x.label in ("Organisation", "Person")
              and not ex.entities[x.ref].generic and not _DOC_NAME_RE.match(ex.entities[x.ref].name)), None)
    if m is not None:
        return m.ref, m.end
    key = _gazetteer_org(who, ex)
    return (key, start + len(who)) if key is not None else None


# A line of its own in the document's head that says whose statement it is: "AMNESTY INTERNATIONAL PUBLIC
# STATEMENT", "European Union Press Release".
_KIND_LINE_RE = re.compile(r"(?:’s|'s)?\s+(?i:(?:public\s+|press\s+|joint\s+|official\s+)?(?:statement|release|declaration))[ \t]*(?=\n|$)")
_HEAD_LINES = 400  # how far into the document such a line may stand


def headline_speaker(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The body or person a statement's headline names as its maker ``STATES`` the document's statement."""
    if not sentences:
        return
    for m in mentions:  # "AMNESTY INTERNATIONAL PUBLIC STATEMENT" on a line of its own
        if m.start >= _HEAD_LINES:
            break
        if m.label != "Organisation" or m.ref not in ex.entities or ex.entities[m.ref].generic or \
                (m.start > 0 and text[m.start - 1] != "\n") or not _KIND_LINE_RE.match(text, m.end):
            continue
        sent = next((x for x in sentences if x.start <= m.start < x.end), None)
        if sent is not None and not any(c.subject == m.ref and c.predicate == "STATES" for c in ex.claims):
            name = ex.entities[m.ref].name
            ev = ex.entity(f"event:{slug(name)}-statement", "Event", f"Statement by {name}", kind="statement").key
            ex.claim(m.ref, "STATES", ev, quote_span(text, sent, m.start, _KIND_LINE_RE.match(text, m.end).end()),  # type: ignore[union-attr]
                     0.7, "headline:statement-line")
    title = sentences[0]
    end = text.find("\n", title.start)
    line = text[title.start:len(text) if end < 0 else end]
    hm = _HEAD_RE.match(line) or _TAIL_RE.search(line)
    if hm is None:
        return
    a = title.start + hm.start("who")
    found = _resolve(hm.group("who"), a, mentions, ex)
    if found is None:
        return
    who, b = found
    _drop_headline_orgs(ex, who)
    if any(c.subject == who and c.predicate == "STATES" for c in ex.claims):
        return  # the body speaks in the text too: its statement is there already
    name = ex.entities[who].name
    ev = ex.entity(f"event:{slug(name)}-statement", "Event", f"Statement by {name}", kind="statement").key
    span = quote_span(text, title, title.start + hm.start(), b) if hm.re is _HEAD_RE else quote_span(text, title, title.start, b)
    ex.claim(who, "STATES", ev, span, 0.7, "headline:statement-of")


def _drop_headline_orgs(ex: Extraction, who: str) -> None:
    """An organisation the name finder made of the headline ("Comment of Ukraine's Foreign Ministry") is the
    maker the headline names: its claims go to the maker, the entity goes."""
    for key, e in list(ex.entities.items()):
        dm = _DOC_NAME_RE.match(e.name) if e.label == "Organisation" and key != who else None
        if dm is None or (dm.group("who") != ex.entities[who].name and _gazetteer_key(dm.group("who")) != who):
            continue
        for c in ex.claims:
            c.subject = who if c.subject == key else c.subject
            c.object = who if c.object == key else c.object
        ex.claims[:] = [c for c in ex.claims if c.subject != c.object]
        ex.entities.pop(key, None)


def gazetteer_body(who: str) -> GazetteerEntry | None:
    """The gazetteer's organisation a phrase or its inverted possessive spells."""
    gaz = load_gazetteer()
    pm = _POSSESSIVE_RE.fullmatch(who)
    for phrase in (who, f"{pm.group('n')} of {pm.group('c')}" if pm else ""):
        entry = gaz.lookup(phrase) if phrase else None
        if entry is not None and entry.label == "Organisation" and not entry.generic:
            return entry
    return None


def body_named(name: str, ex: Extraction) -> str | None:
    """The draft's organisation a name spells (its name or an alias), else the gazetteer's (added to the draft)."""
    low = name.lower()
    have = next((k for k, e in ex.entities.items() if e.label == "Organisation" and not e.generic
                 and low in (n.lower() for n in (e.name, *e.aliases))), None)
    if have is not None:
        return have
    return _gazetteer_org(name, ex)


def _gazetteer_org(name: str, ex: Extraction) -> str | None:
    """The gazetteer's organisation a name spells, added to the draft if it is not there yet."""
    entry = gazetteer_body(name)
    if entry is None:
        return None
    key = f"org:{entry.key}"
    if key not in ex.entities:
        ex.entity(key, "Organisation", entry.name, **entry.attributes)
    return key


def _gazetteer_key(who: str) -> str | None:
    entry = gazetteer_body(who)
    return f"org:{entry.key}" if entry is not None else None


# A parliamentary record's speaker line: "Jane Doe Shadow Minister (Europe) 10:37 am, 24th April 2019",
# "John Roe Conservative, Henley 9:30 am, 24th April 2019": the member who speaks, the time and the day.
_SPEAKER_LINE_RE = re.compile(r"[^\n]{0,120}?\s\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.),?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+"
                              r"[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4}[ \t]*(?=\n|$)")

# A party the name finder took into the member's name ("John Roe Conservative"): not a name to speak under.
_PARTY_RE = re.compile(r"\b(?:Conservative|Labour|Liberal|Democrat|Democrats|Crossbench|Independent|Green|SNP|DUP|Plaid)\b")


def speaker_lines(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The person a parliamentary record's speaker line names ``STATES`` their speech (one statement each)."""
    if " am, " not in text and " pm, " not in text and ".m., " not in text:
        return
    speeches: list[tuple[str, str, tuple[int, int]]] = []
    for m in mentions:
        if m.label != "Person" or m.ref not in ex.entities or (m.start > 0 and text[m.start - 1] != "\n"):
            continue
        lm = _SPEAKER_LINE_RE.match(text, m.start)
        if lm is None or _PARTY_RE.search(ex.entities[m.ref].name) or any(c.subject == m.ref and c.predicate == "STATES" and c.span[0] == m.start for c in ex.claims):
            continue
        sent = next((s for s in sentences if s.start <= m.start < s.end), None)
        if sent is None:
            continue
        name = ex.entities[m.ref].name
        ev = ex.entity(f"event:{slug(name)}-statement", "Event", f"Statement by {name}", kind="statement").key
        span = quote_span(text, sent, m.start, min(lm.end(), sent.end))
        ex.claim(m.ref, "STATES", ev, span, 0.7, "speaker-line")
        speeches.append((m.ref, ev, span))
    _debate(text, speeches, ex)


def _debate(text: str, speeches: list[tuple[str, str, tuple[int, int]]], ex: Extraction) -> None:
    """The debate a parliamentary record's speeches are made in, named after the record's headline ("Russian
    Annexation of Crimea" over "John Roe Conservative, Henley 9:30 am, ..."): a ``meeting`` each speaker takes part in
    as a speaker, each speech part of it."""
    end = text.find("\n")
    title = (text if end < 0 else text[:end]).strip()
    if not speeches or not title or _SPEAKER_LINE_RE.fullmatch(title) or len(title) > 150:
        return
    debate = ex.entity(f"event:debate-{slug(title)}", "Event", f"Debate: {title}", kind="meeting").key
    for who, ev, span in speeches:
        ex.claim(who, "PARTICIPANT_IN", debate, span, 0.6, "speaker-line:debate", role="speaker")
        ex.claim(ev, "PART_OF", debate, span, 0.6, "speaker-line:debate")


def _title_is_no_byline(text: str, ex: Extraction) -> None:
    """A headline that is a person's name alone ("Mykola Semena" over a profile, an encyclopaedia's article) names
    whom the article is about, not its author: the byline rule's statement made of it goes (the annotators of
    dev3, valid2 and dev6 give such a person no statement)."""
    end = text.find("\n")
    title = (text if end < 0 else text[:end]).strip()
    gone = {c.object for c in ex.claims if c.rule == "byline" and c.span[0] == 0 and c.subject in ex.entities
            and ex.entities[c.subject].label == "Person" and text[c.span[0]:c.span[1]].strip() == title}
    if not gone:
        return
    ex.claims[:] = [c for c in ex.claims if not (c.rule == "byline" and c.object in gone and c.span[0] == 0)]
    for ev in gone - {c.object for c in ex.claims} - {c.subject for c in ex.claims}:
        ex.entities.pop(ev, None)
        ex.triggers.pop(ev, None)


# A pull quote of a body's release, a line of its own with its author after a dash: "‘Reprisals will continue
# until there is no one left to criticise the occupation’ - Jane Doe" (the speech rules give her a statement).
_PULL_LINE_RE = re.compile(r"[‘“\"][^\n]{10,400}[’”\"][.,]?[ \t]*[-–—][ \t]*(?P<n>[^\n]{2,60}?)[ \t]*$")


def _pull_quotes(text: str, ex: Extraction) -> None:
    """A pull quote's author speaks the release: her statement, which no one else states, is the one statement an
    organisation makes in the document (one act of speaking, round 10's convention decision 2)."""
    if "’ -" not in text and "” -" not in text and "’ –" not in text and "” –" not in text and "” —" not in text \
            and "’ —" not in text and "\" -" not in text:
        return
    states = [c for c in ex.claims if c.predicate == "STATES" and c.object in ex.entities
              and ex.entities[c.object].attributes.get("kind") == "statement"]
    bodies = {c.object for c in states if c.subject in ex.entities and ex.entities[c.subject].label == "Organisation"
              and not ex.entities[c.subject].generic}
    if len(bodies) != 1:
        return
    into = next(iter(bodies))
    folded: dict[str, str] = {}
    for c in states:
        who = ex.entities.get(c.subject)
        if who is None or who.label != "Person" or c.object == into or {x.subject for x in states if x.object == c.object} != {c.subject}:
            continue
        a = text.rfind("\n", 0, c.span[0]) + 1
        b = text.find("\n", c.span[0])
        pm = _PULL_LINE_RE.fullmatch(text, a, len(text) if b < 0 else b)
        if pm is not None and pm.group("n") in (who.name, *who.aliases):
            folded[c.object] = into
    fold_events(ex, folded)


# A resolution's or declaration's numbered paragraph opened by the body that adopts it: "1. The Parliamentary Assembly
# reaffirms its commitment to ...", "1. The Parliamentary Assembly recalls previous resolutions ..." (dev3 z08, dev4 r10),
# "3. The EU reiterates ..." (valid v01): the body speaks in the document, whatever its verb.
_NUMBERED_RE = re.compile(r"\d{1,2}\.[ \t]+(?:The[ \t]+)?")
_BODY_VERB_RE = re.compile(r"[ \t]+(?:(?:also|further|strongly|firmly|once\s+again|again)[ \t]+)?[a-z]+s\b")


def numbered_paragraphs(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The body that opens a numbered paragraph ``STATES`` the document's statement, if it states nothing yet."""
    for m in mentions:
        if m.label != "Organisation" or m.ref not in ex.entities or ex.entities[m.ref].generic:
            continue
        line = text.rfind("\n", 0, m.start) + 1
        nm = _NUMBERED_RE.match(text, line)
        if nm is None or nm.end() != m.start or not _BODY_VERB_RE.match(text, m.end):
            continue
        if any(c.subject == m.ref and c.predicate == "STATES" for c in ex.claims):
            return
        sent = next((x for x in sentences if x.start <= m.start < x.end), None)
        if sent is None:
            continue
        name = ex.entities[m.ref].name
        ev = ex.entity(f"event:{slug(name)}-statement", "Event", f"Statement by {name}", kind="statement").key
        ex.claim(m.ref, "STATES", ev, quote_span(text, sent, m.start, _BODY_VERB_RE.match(text, m.end).end()),  # type: ignore[union-attr]
                 0.7, "numbered-paragraph")
        return


def document_statement(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """The headline's maker and a parliamentary record's speakers, then one statement per document: a state
    that speaks in a statement its own ministry or office opens states that statement, not one of its own."""
    _title_is_no_byline(text, ex)
    _pull_quotes(text, ex)
    headline_speaker(text, sentences, mentions, ex)
    speaker_lines(text, sentences, mentions, ex)
    numbered_paragraphs(text, sentences, mentions, ex)
    states = [c for c in ex.claims if c.predicate == "STATES" and c.object in ex.entities
              and ex.entities[c.object].attributes.get("kind") == "statement"]
    if not states:
        return
    first = min(states, key=lambda c: c.span[0])
    body = ex.entities[first.subject]
    if first.span[0] >= _LEAD or body.label != "Organisation" or body.attributes.get("kind") != "government":
        return
    speakers: dict[str, set[str]] = {}
    for c in states:
        speakers.setdefault(c.object, set()).add(c.subject)
    doc = first.object
    folded = set()
    for c in states:
        g = ex.entities[c.subject]
        if c.object == doc or c.subject == first.subject or speakers[c.object] != {c.subject} or g.label != "Organisation" \
                or g.generic or g.attributes.get("kind") != "government":
            continue
        # the state the body belongs to: its name in the body's name ("Ministry of Foreign Affairs of Ukraine")
        if not re.search(rf"\b{re.escape(g.name)}\b", body.name):
            continue
        folded.add(c.object)
    if not folded:
        return
    for c in ex.claims:
        c.object = doc if c.object in folded else c.object
        c.subject = doc if c.subject in folded else c.subject
    seen = set()
    kept = []
    for c in ex.claims:  # a state that said two things in the statement states it once
        k = (c.subject, c.predicate, c.object, tuple(sorted(c.qualifiers.items())))
        if c.predicate == "STATES" and k in seen:
            continue
        seen.add(k)
        kept.append(c)
    ex.claims[:] = kept
    for ev in folded:
        ex.entities.pop(ev, None)
        ex.triggers.pop(ev, None)



# A source a series report cites by a verb of saying: "According to ORG, ...", "ORG reported ...", "ORG documented ..."
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+(?:the\s+)?$")
_REPORTED_RE = re.compile(r"(?:\s*,[^,;]{1,80},)?\s+(?:also\s+|further\s+)?(?:reported|stated|said|documented|noted|wrote)\b")


def series_sources(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], ex: Extraction) -> None:
    """In a report of a known series (its title names the report and so its publisher: README conv15b point 1), each
    source the report cites as saying something ("According to ORG", "ORG reported") ``STATES`` its own event, and
    that ``STATES`` is asserted by the publisher (conv14a point 2 (c)). An excerpt titled by one section names no
    report (:func:`loaders.extract.doc_acts.report_series`), so no publisher asserts anything (conv13d point 10)."""
    series = [c for c in ex.claims if c.rule == "issuer:series" and c.predicate == "STATES"]
    if not series:
        return
    citer, report = series[0].subject, series[0].object
    starts = [s.start for s in sentences]
    cited = [c for c in ex.claims if c.predicate == "STATES" and c.subject != citer and c.object != report
             and c.subject in ex.entities and ex.entities[c.subject].label == "Organisation"
             and c.object in ex.entities and ex.entities[c.object].attributes.get("kind") in ("statement", "publication")]
    said = set()  # the events a source is cited as saying; every named co-author of one ("X, Y and Z reported") too
    for c in cited:
        sent = sentences[max(0, bisect.bisect_right(starts, c.span[0]) - 1)]
        if any(m.ref == citer and sent.start <= m.start < sent.end for m in mentions):
            continue  # the publisher's own sentence
        if any(m.ref == c.subject and c.span[0] <= m.start < c.span[1]
               and (_ACCORDING_RE.search(text, max(sent.start, m.start - 20), m.start) or _REPORTED_RE.match(text, m.end))
               for m in mentions):
            said.add(c.object)
    for c in cited:
        if c.object in said and c.asserted_by is None:
            c.asserted_by = citer
