"""What an organisation publishes or declares, in the words the speech rules of
:mod:`loaders.extract.claims` do not read:

- a publication: "the OHCHR recorded 45 cases", "Zmina's monitoring found", "the Mission, in its
  latest report, said", "Human Rights Watch's 2023 World Report describes", "ORG issued a
  report" -> the organisation ``STATES`` its report (an Event of kind ``publication``);
- a declaration: "ORG issued a statement condemning ...", "ORG released an appeal", "the ORG
  announcement of 10 September", "the Parliament adopted a resolution on ..." -> the
  organisation ``STATES`` its statement (kind ``statement``).

One event per organisation and kind, named as the claim rules name theirs ("Report by X",
"Statement by X"), so that the rules agree on one event. An organisation the sentence names as
the object of another verb ("condemned by ORG", "a letter to ORG") is not the one who speaks.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.appraisals import appraisals
from loaders.extract.claim_steps import ANSWERED_RE, NOT_MAKER_WORDS
from loaders.extract.claims import Extraction, quote_span
from loaders.extract.gazetteer import slug
from loaders.extract.meetings import meeting_participants
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["back_attributions", "documented_by", "org_publications", "reports_by", "resolution_sponsors", "spokesperson_statement"]

_NOT_SUBJECT_RE = re.compile(r"\b(?:by|of|to|with|against|from|for|on|at|into|that|and|about|than)\s+(?:the\s+)?$", re.IGNORECASE)
_PUBLISHED_RE = re.compile(
    # "Russia’s response to the report": the words between the name and the document are its modifiers, no verb
    rf"(?:(?:’s|'s)\s+(?:(?!(?i:{NOT_MAKER_WORDS})\b)(?:\d{{4}}|[\w-]+)\s+){{0,3}}?(?i:report|monitoring|data|survey|study|findings|review)\b"
    r"|\s*,\s+in\s+(?:its|their|a|the)\s+(?:[\w-]+\s+){0,2}?report\b"
    r"|(?P<count>\s+(?:has\s+|have\s+|had\s+|also\s+)*(?:recorded|registered|counted|tallied|monitored|documented)\b)"
    r"|\s+(?:has\s+|have\s+|had\s+|also\s+)*(?:issued|released|published|presented)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:report|study|survey|review|analysis|findings)\b"
    # "Amnesty International said today in a new publication", "ORG warned in its latest briefing"
    r"|\s+(?:has\s+|have\s+|had\s+|also\s+)*(?:said|says|stated|warned|found|concluded)\s+(?:today\s+)?in\s+(?:a|an|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:report|publication|briefing|study|review)\b)")
# The report before its maker: "In its 2020 Annual Report, USCIRF recommended ...", "In their latest briefing, ORG"
_IN_ITS_REPORT_RE = Prefiltered(re.compile(r"\bIn\s+(?:its|their)\s+(?:(?:\d{4}|[\w-]+)\s+){0,3}?(?i:report|briefing|publication|review|study)\b"
                               r"[^,;.]{0,40},\s+(?:the\s+)?$"))
# "the International Criminal Court's Report on Preliminary Examination Activities", "Russia’s letter to ICJ from 18 January
# 2019" (dev7: a resolution of the Seimas, a statement of Ukraine at the Human Rights Council): a document of the body
_OWN_REPORT_RE = re.compile(r"(?:’s|'s)\s+(?:(?:\d{4}|[Aa]nnual|[Ll]atest|[Ff]inal|[Ii]nterim)\s+)?(?:Report|letter)\s+"
                            r"(?:on|of|to|from|about|concerning)\b")
_DECLARED_RE = re.compile(r"\s+(?:has\s+|have\s+|had\s+|also\s+)*(?:issued|released|published|made|put\s+out)\s+"
                          r"(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|appeal|declaration)\b"
                          # the noun after the name: "the Ukrposhta announcement of 10 September", "ORG's statement"
                          r"|(?:’s|'s)?\s+(?:announcement|statement|declaration)\b"
                          # other nouns of an act of speaking, after a possessive: "ORG's appeal", "ORG's latest remarks"
                          r"|(?:’s|'s)\s+(?:(?:latest|recent|joint|public|official|urgent)\s+)?(?:appeal|remarks|comments|speech)\b"
                          # an assembly's unnumbered resolution: "The European Parliament adopted (by 485 votes to 76)
                          # a resolution on ..." (a numbered one is an act of its own: state_acts.resolutions)
                          r"|\s+(?:has\s+|have\s+|had\s+|also\s+|today\s+)*(?:adopted|passed|approved)\s+"
                          r"(?:(?:(?:by|with)\s+|(?=\d))[^.;]{0,60}?\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}?resolution\s+(?:on|about|calling|condemning|"
                          r"concerning|regarding)\b")


_STATE_KINDS = ("government", "court", "agency", "police", "prosecutor", "security_service", "military")
_RESOLUTION_ENDS = ("on", "about", "calling", "condemning", "concerning", "regarding")
_UN_ORGAN_RE = re.compile(r"\bGeneral\s+Assembly\b|\bSecurity\s+Council\b|\bUnited\s+Nations\b|\bUN\b")


def org_publications(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``STATES`` from an organisation to its report or statement, for the phrases above."""
    starts = [s.start for s in sentences]
    kinds = {(c.subject, (ex.entities[c.object].attributes or {}).get("kind")) for c in ex.claims if c.predicate == "STATES"}
    for m in mentions:
        e = ex.entities.get(m.ref)
        if e is None or e.label != "Organisation" or e.generic or m.label != "Organisation":
            continue
        sent = starts and sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        if not sent:
            continue
        # a body's possessive report is its own whatever governs the phrase: "having regard to the ICC's Report on ..."
        own = _OWN_REPORT_RE.match(text, m.end)
        if own is None and _NOT_SUBJECT_RE.search(text, max(sent.start, m.start - 20), m.start):
            continue
        pub = own or _PUBLISHED_RE.match(text, m.end) or _IN_ITS_REPORT_RE.search(text, sent.start, m.start)
        if pub is not None and pub.re is _PUBLISHED_RE and pub.group("count") and (e.attributes or {}).get("kind") in _STATE_KINDS:
            pub = None  # "the Ministry of Justice registered the community", "the FSB recorded": an act, not a report
        dec = None if pub else _DECLARED_RE.match(text, m.end)
        if pub is None and dec is None:
            continue
        if dec is not None and dec.group().endswith(_RESOLUTION_ENDS) and _UN_ORGAN_RE.search(e.name):
            continue  # a UN organ's resolution is an act of its own (kind other), not a statement
        kind = "publication" if pub else "statement"
        if (m.ref, kind) in kinds:
            continue
        kinds.add((m.ref, kind))
        ev = f"event:{slug(e.name)}-{'report' if pub else 'statement'}"
        ex.entity(ev, "Event", f"{'Report' if pub else 'Statement'} by {e.name}", kind=kind)
        found = pub or dec
        assert found is not None
        ex.claim(m.ref, "STATES", ev, quote_span(text, sent, min(m.start, found.start()), max(m.end, found.end())), 0.65,
                 "org-resolution" if dec is not None and dec.group().endswith(_RESOLUTION_ENDS) else f"org-{kind}")
    cited_resolutions(text, sentences, mentions, ex)


# A body's resolution the text cites in passing, not the document's own: "in a U.N. General Assembly resolution
# co-sponsored by Canada" (the body's name right after an indefinite article), "the European Parliament issued two
# resolutions in 2017 and 2018" (the body, then the verb and a count): a ``publication`` the body ``STATES`` (dev3,
# valid2). A numbered resolution is state_acts'; "the European Parliament adopted a resolution on ..." the
# document's own statement (above). One that affirms a territorial integrity is a publication too (the corpus's
# round-10 convention decision 3).
_A_BEFORE_RE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_BODY_RESOLUTION_RE = re.compile(r"\s+resolution\b(?!\s+(?:No\.?\s*)?\d)", re.IGNORECASE)
_ISSUED_RESOLUTIONS_RE = re.compile(r"\s+(?:has\s+|have\s+|had\s+|also\s+)*(?:issued|adopted|passed)\s+"
                                    r"(?:two|three|four|five|several|\d{1,2})\s+resolutions\b")
# The nominal frame: "the adoption by the Seimas of the Resolution on ...", "the adoption of the resolutions at the
# Human Rights Council" (dev7 k01 k03; README conv15b point 4: the body adopting a document STATES it). A numbered
# resolution ("adoption of its Resolution 1988 (2014)") is state_acts'.
_ADOPTION_BY_RE = Prefiltered(re.compile(r"\badoption\s+by\s+(?:the\s+)?$", re.IGNORECASE))
_OF_RESOLUTION_RE = re.compile(r"\s+of\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}?[Rr]esolutions?\b(?!\s+(?:No\.?\s*)?\d)")
_ADOPTION_OF_RE = Prefiltered(re.compile(r"\badoption\s+of\s+(?:the|a|its|their|two|three|several)\s+(?:[\w-]+\s+){0,2}?resolutions?\b"
                             r"(?!\s+(?:No\.?\s*)?\d)\s+(?:at|by|in)\s+(?:the\s+)?$", re.IGNORECASE))
_SPONSORED_RE = re.compile(r"\s*,?\s+(?:co-sponsored|sponsored|tabled|initiated|put\s+forward)\s+by\s+(?:the\s+)?")


def cited_resolutions(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """A ``publication`` event for each resolution a body names in passing, the body ``STATES`` it; a body the
    sentence says sponsored it organises it."""
    if "esolution" not in text:
        return
    starts = [s.start for s in sentences]
    for i, m in enumerate(mentions):
        e = ex.entities.get(m.ref)
        if e is None or e.label != "Organisation" or e.generic or m.label != "Organisation":
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        art = _A_BEFORE_RE.search(text, max(sent.start, m.start - 6), m.start)
        mt = _BODY_RESOLUTION_RE.match(text, m.end) if art is not None else None
        a = art.start() if art is not None else m.start
        end = mt.end() if mt is not None else None
        if end is None:  # "the adoption by the Seimas of the Resolution on ...", "adoption of the resolutions at ORG"
            adopter = _ADOPTION_BY_RE.search(text, max(sent.start, m.start - 20), m.start)
            of = _ADOPTION_OF_RE.search(text, max(sent.start, m.start - 90), m.start) if adopter is None else None
            mo = _OF_RESOLUTION_RE.match(text, m.end) if adopter is not None else None
            if adopter is not None and mo is not None:
                a, end = adopter.start(), mo.end()
            elif of is not None:
                a, end = of.start(), m.end
        if end is None:  # "the European Parliament issued two resolutions": the body is the verb's subject
            mt, a = _ISSUED_RESOLUTIONS_RE.match(text, m.end), m.start
            if mt is None or _NOT_SUBJECT_RE.search(text, max(sent.start, m.start - 20), m.start):
                continue
            end = mt.end()
        ev = ex.entity(f"event:{slug(e.name)}-resolution", "Event", f"Resolution of {e.name}", kind="publication").key
        ex.claim(m.ref, "STATES", ev, quote_span(text, sent, max(sent.start, a), end), 0.6, "cited-resolution")
        sp = _SPONSORED_RE.match(text, end)
        by = next((x for x in mentions[i + 1:i + 4] if sp is not None and x.start == sp.end()), None)
        if by is not None and by.ref in ex.entities and ex.entities[by.ref].label == "Organisation" and not ex.entities[by.ref].generic:
            ex.claim(by.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, max(sent.start, a), by.end), 0.6,
                     "cited-resolution:sponsor", role="organiser")


# "The resolution was tabled by the EPP, S&D and ALDE groups", "The text adopted in plenary was tabled by X"
_TABLED_RE = Prefiltered(re.compile(r"\b(?:resolution|text|motion)\b[^.;]{0,40}?\b(?:was|were|had\s+been|has\s+been)\s+"
                        r"(?:tabled|submitted|put\s+forward|sponsored|co-sponsored)\s+by\b", re.IGNORECASE))


def resolution_sponsors(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """The organisations a sentence says tabled the resolution an assembly adopted (found by
    :func:`org_publications`) organise that statement."""
    adopted = next((c.object for c in ex.claims if c.rule == "org-resolution"), None)
    if adopted is None:
        return
    for sent in sentences:
        mt = _TABLED_RE.search(sent.text)
        if mt is None:
            continue
        for m in mentions:
            e = ex.entities.get(m.ref)
            if m.label != "Organisation" or e is None or e.generic or not sent.start + mt.end() <= m.start < sent.end:
                continue
            ex.claim(m.ref, "PARTICIPANT_IN", adopted, quote_span(text, sent, sent.start + mt.start(), m.end), 0.6,
                     "resolution-sponsor", role="organiser")


# "the report by the UN High Commissioner", "the work and reporting by OHCHR", "findings from ORG"
_REPORT_BY_RE = Prefiltered(re.compile(r"\b(?:report|reports|reporting|findings|documentation)\s+(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE))


def reports_by(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add ``STATES`` from an organisation whose report the sentence names ("reporting by ORG"): the one report
    the article speaks of when it has one publication event (the piece discusses that report), else its own."""
    starts = [s.start for s in sentences]
    publishing = {c.subject for c in ex.claims if c.predicate == "STATES"
                  and (ex.entities[c.object].attributes or {}).get("kind") == "publication"}
    for m in mentions:
        e = ex.entities.get(m.ref)
        if e is None or e.label != "Organisation" or e.generic or m.ref in publishing \
                or (e.attributes or {}).get("kind") in ("government", "court", "agency", "police", "prosecutor"):
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        mt = _REPORT_BY_RE.search(text, max(sent.start, m.start - 40), m.start)
        if mt is None or ANSWERED_RE.match(text, m.end):  # "Report by X: UK response": the document answered
            continue
        reports = {k for k, x in ex.entities.items() if x.label == "Event" and (x.attributes or {}).get("kind") == "publication"}
        if len(reports) > 1:
            continue
        ev = next(iter(reports)) if reports else f"event:{slug(e.name)}-report"
        if not reports:
            ex.entity(ev, "Event", f"Report by {e.name}", kind="publication")
        publishing.add(m.ref)
        ex.claim(m.ref, "STATES", ev, quote_span(text, sent, mt.start(), m.end), 0.6, "report-by")
    # (the appraisals of people, a statement rule of the same stage: after_claims calls this module's passes)
    appraisals(text, sentences, mentions, ex)
    meeting_participants(text, sentences, mentions, ex)
    documented_by(text, sentences, mentions, ex)
    back_attributions(text, sentences, mentions, ex)


# A sentence that only names the source of what the sentences before it told: "This was reported by the human
# rights organization ORG.", "This is reported by “ORG” publication.", "ORG reports.", "ORG reports citing Y.",
# "This was reported by the press service of ORG.", "reports the press service of ORG." (a news item's source line,
# after the lead it covers). The words before the name: a description of a few lower-case words ("the human rights
# organization") or "the press service of"; after it: nothing but a closing word ("publication", "website"), a
# citation ("citing Y", "with reference to Y") or a relay ("according to Y").
_BACK_DESC = r"(?:the\s+)?(?:(?:press\s+(?:service|office)|website|Facebook\s+page|Telegram\s+channel)\s+of\s+(?:the\s+)?)?" \
             r"(?:(?-i:[a-z][\w-]*)\s+){0,4}?[“\"«]?"
_BACK_BY_RE = re.compile(r"\s*(?:This|That|It|This\s+information|The\s+information)\s+(?:was|is|has\s+been)\s+"
                         r"(?:reported|announced|stated|informed|said|published)\s+(?:by|in|on)\s+" + _BACK_DESC + r"$",
                         re.IGNORECASE)
_BACK_VERB_RE = re.compile(r"\s*(?:[—–-]\s*)?(?:reports?|reported|informs?|informed)\s+" + _BACK_DESC + r"$", re.IGNORECASE)
_SOURCE_VERB_AFTER_RE = re.compile(r"\s+(?:reports|reported|informs|informed|writes|wrote)\b", re.IGNORECASE)
_BACK_TAIL_RE = re.compile(r"[”\"»]?(?:\s+(?:publication|website|portal|outlet|agency|says|said|reports|reported|informs|"
                           r"informed|writes|wrote))?(?:,?\s+(?:citing|with\s+reference\s+to|referring\s+to|according\s+to|"
                           r"quoting)\s+[^.;“”\"]{1,80})?\s*\.?\s*$", re.IGNORECASE)
# What a source line covers: the acts and charges the sentences before it tell (as claim_frames' joint reports).
_BACK_REPORTED = ("PARTICIPANT_IN", "DEFENDANT_IN", "ACCUSED_OF")
_PARA_BREAK_RE = re.compile(r"\n[ \t]*\n")


def _back_source(text: str, sent: Sentence, orgs: list[Mention]) -> Mention | None:
    """The organisation a source line names ("This was reported by ORG.", "ORG reports."), if ``sent`` is one: the
    first organisation of the sentence, with only the source line's words before and after it."""
    if not orgs:
        return None
    m = orgs[0]
    if not _BACK_TAIL_RE.fullmatch(text, m.end, sent.end):
        return None
    head = text[sent.start:m.start]
    if _BACK_BY_RE.fullmatch(head) or _BACK_VERB_RE.fullmatch(head):
        return m  # "This was reported by the human rights organization ORG.", "Reports the press service of ORG."
    if not head.strip() and _SOURCE_VERB_AFTER_RE.match(text, m.end, sent.end):
        return m  # "ORG reports.", "ORG reports citing Y."
    return None


def back_attributions(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """A source line after the sentences it covers ("This was reported by ORG.", "ORG reports."): the acts and charges
    those sentences tell that name no speaker are the organisation's claims (``asserted_by``), and it ``STATES`` a
    statement (a publication, for a media outlet) where it has none. It covers the sentences before it in its
    paragraph; a line that is a paragraph of its own covers the paragraph before it (and the headline, where that
    paragraph is the article's lead)."""
    if not sentences or not re.search(r"\b(?:reported|reports?|informs?|informed)\b", text, re.IGNORECASE):
        return
    orgs = [m for m in mentions if (e := ex.entities.get(m.ref)) is not None and e.label == "Organisation" and not e.generic]
    if not orgs:
        return
    breaks = [0] + [mt.end() for mt in _PARA_BREAK_RE.finditer(text)]
    for i, sent in enumerate(sentences):
        if not i:
            continue  # the headline covers nothing before it
        src = _back_source(text, sent, [m for m in orgs if sent.start <= m.start < sent.end])
        if src is None:
            continue
        para = breaks[bisect.bisect_right(breaks, sent.start) - 1]
        if sent.start > para and text[para:sent.start].strip():
            lo = para  # the sentences before it in its paragraph
        else:
            k = bisect.bisect_right(breaks, sent.start) - 1
            lo = breaks[k - 1] if k >= 1 else 0
            if k - 1 == 1:
                lo = 0  # the lead's source line covers the headline too
        covered = [c for c in ex.claims if c.predicate in _BACK_REPORTED and c.asserted_by is None
                   and lo <= c.span[0] and c.span[1] <= sent.start and src.ref not in (c.subject, c.object)]
        if not covered:
            continue
        for c in covered:
            c.asserted_by = src.ref
        if not any(c.subject == src.ref and c.predicate == "STATES" for c in ex.claims):
            e = ex.entities[src.ref]
            media = (e.attributes or {}).get("kind") == "media"
            ev = ex.entity(f"event:{slug(e.name)}-{'report' if media else 'statement'}", "Event",
                           f"{'Report' if media else 'Statement'} by {e.name}", kind="publication" if media else "statement").key
            ex.claim(src.ref, "STATES", ev, quote_span(text, sent, sent.start, src.end), 0.6, "source-line")


# "violations ... have been reported by the UN, the Council of Europe and the OSCE", "were registered and documented
# by the United Nations and the OSCE missions": each body listed after the passive publishes its reports.
_DOCUMENTED_BY_RE = Prefiltered(re.compile(r"\b(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:(?:registered|recorded|documented|reported|monitored)"
                               r"\s+(?:and\s+)?){1,2}by\s+(?:the\s+)?$", re.IGNORECASE))
_UNIT_AFTER_RE = re.compile(r"\s*/|\s+[A-Z]{2,}\b")
_LIST_GAP_RE = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def documented_by(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Each organisation a passive "have been documented / reported by" lists ``STATES`` a publication of its own."""
    if "been" not in text:
        return
    starts = [s.start for s in sentences]
    listed: list[Mention] = []
    for m in mentions:
        e = ex.entities.get(m.ref)
        if e is None or m.label != "Organisation" or e.label != "Organisation" or e.generic:
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        head = _DOCUMENTED_BY_RE.search(text, max(sent.start, m.start - 80), m.start)
        follows = bool(listed) and listed[-1].end >= sent.start and _LIST_GAP_RE.fullmatch(text, listed[-1].end, m.start)
        if head is None and not follows:
            continue
        listed.append(m)
        if _UNIT_AFTER_RE.match(text, m.end):
            continue  # "the OSCE ODIHR/HCNM missions": a unit the name finder did not read, not the body itself
        if any(c.subject == m.ref and c.predicate == "STATES" for c in ex.claims):
            continue
        ev = ex.entity(f"event:{slug(e.name)}-report", "Event", f"Report by {e.name}", kind="publication").key
        a = head.start() if head is not None else listed[0].start
        ex.claim(m.ref, "STATES", ev, quote_span(text, sent, max(sent.start, a), m.end), 0.6, "documented-by")


# The headline of a statement the European Union's spokesperson issues ("Ukraine/Russia: Statement by the
# Spokesperson on the detention of ..."): the EU's statement is the spokesperson's too. Annotators of three
# development splits record the office ("Spokesperson", part of the EU) as stating the EU's statement.
_SPOKESPERSON_HEADLINE_RE = re.compile(r"(?:[^\n]{0,60}:\s+)?(?:Statement|Declaration|Remarks)\s+by\s+the\s+Spokesperson\b")
SPOKESPERSON = "org:eeas-spokesperson"
_EU_SPEAKS_RE = re.compile(r"(?:The\s+)?(?:European\s+Union|EU)\s+(?:also\s+|once\s+again\s+|again\s+|strongly\s+|firmly\s+)*"
                           r"(?:does\s+not|will\s+not|expects|calls|condemns|urges|reiterates|recalls|reaffirms|deplores|"
                           r"remains|stands|continues|is\s+(?:deeply\s+)?concerned)\b")


def spokesperson_statement(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """The EU spokesperson STATES the EU's statement when the headline says the spokesperson issued it."""
    if not sentences:
        return
    title = sentences[0]
    m = _SPOKESPERSON_HEADLINE_RE.match(text, title.start, title.end)
    eu = "org:european-union"
    if m is None:
        return
    said = [c.object for c in ex.claims if c.subject == eu and c.predicate == "STATES"
            and ex.entities[c.object].attributes.get("kind") == "statement"]
    if not said:  # the EU's words the rules did not read as its statement: the spokesperson's statement alone
        said = ["event:spokesperson-statement"]
        ex.entity(said[0], "Event", "Statement by the Spokesperson", kind="statement")
        # ... and the EU's, when a sentence of it has the EU speak ("The European Union does not recognise ...",
        # "The European Union expects the Russian Federation to ..."), as the annotators of dev and dev2 record it
        eu_line = next((x for x in sentences[1:] if _EU_SPEAKS_RE.match(x.text)), None)
        if eu_line is not None and eu in ex.entities:
            ex.claim(eu, "STATES", said[0], quote_span(text, eu_line, eu_line.start, eu_line.end), 0.6, "headline:spokesperson-eu")
    else:  # one statement: the headline's speaker rule may have given the spokesperson one of its own; it is the EU's
        own = {c.object for c in ex.claims if c.subject == SPOKESPERSON and c.predicate == "STATES" and c.object not in said}
        ex.claims[:] = [c for c in ex.claims if not (c.subject == SPOKESPERSON and c.predicate == "STATES" and c.object in own)]
        # what else the rules said of that statement (its dateline's place: "Brussels, 07/09/2021") is said of the EU's
        have = {(c.subject, c.predicate, c.object) for c in ex.claims}
        for c in ex.claims:
            if c.subject in own and (said[0], c.predicate, c.object) not in have:
                c.subject = said[0]
            elif c.object in own and (c.subject, c.predicate, said[0]) not in have:
                c.object = said[0]
        ex.claims[:] = [c for c in ex.claims if c.subject not in own and c.object not in own]
        for ev in own:
            ex.entities.pop(ev, None)
            ex.triggers.pop(ev, None)
    ex.entity(SPOKESPERSON, "Organisation", "Spokesperson", kind="government")
    span = quote_span(text, title, m.start(), m.end())
    ex.claim(SPOKESPERSON, "STATES", said[0], span, 0.6, "headline:spokesperson")
    if eu in ex.entities:
        ex.claim(SPOKESPERSON, "PART_OF", eu, span, 0.6, "headline:spokesperson")
