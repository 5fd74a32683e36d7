"""The steps of :func:`loaders.extract.claims.extract_claims` that read one sentence (or the whole
article once) on their own: what an organisation publishes, a speaker's statement, titles of
leadership and membership, collective acts, bans of organisations, calls to release someone,
acts without a named target, a press statement's byline, and the lawyers' clients. Each takes
the state it reads and adds to the :class:`~loaders.extract.claim_model.Extraction`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from loaders.extract.acts import VERB_SERIES_GAP_RE, find_acts
from loaders.extract.annexations import RUSSIA_GOV, state_words_before
from loaders.extract.claim_model import Extraction, SentenceMentions, case_of, quote_span
from loaders.extract.claim_parts import HORTATIVE_RE, SENTENCE_RE, act_event, charge_claims, person_event
from loaders.extract.claim_speakers import COVERED_RE, RELEASING_REPORT_RE
from loaders.extract.claim_targets import (
    APPOSITION_RE,
    IN_PLACE,
    find_targets,
    first_ref_pos,
    nearest_date,
    perpetrates,
    place_event,
)
from loaders.extract.events import COLLECTIVE_ACTS, COLLECTIVE_RE, org_bans
from loaders.extract.gazetteer import Gazetteer, key_stem, slug
from loaders.extract.guards import former, irrealis, officials_acted_on
from loaders.extract.links import bylines
from loaders.extract.mentions import Mention, Person, Sentence
from loaders.extract.orgs import government_key
from loaders.extract.release_calls import call_names_holder, release_calls

__all__ = ["ANSWERED_RE", "CHARGE_RE", "NOT_MAKER_WORDS", "charges_and_cases", "publications", "speaker_statements", "title_affiliations", "collective_acts", "ban_events",
           "release_call_events", "target_free_acts", "byline_statement", "lawyer_claims"]

CHARGE_RE = re.compile(r"\b(accused (?:(?:him|her|them|the \w+|(?-i:[A-Z][\w’'-]+\s+){1,4}?)\s*)?of|charged (?:(?:him|her|them|(?-i:[A-Z][\w’'-]+\s+){1,4}?)\s*)?with|charged (?:(?:him|her|them)\s+)?under|suspected of|convicted of|convicted under|"
                        # "convicted in November 2019 under", "convicted on 5 May 2020 under"
                        r"convicted\s+(?:in|on)\s+(?:\d{1,2}\s+)?(?:(?-i:[A-Z])[a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4}\s+under|"
                        r"found guilty (?:of|under)|prosecuted (?:for|under)|sentenced\b(?:[^.;]|\.(?=\d)){0,60}?\b(?:for|under)|indicted (?:for|under)|"
                        r"(?:sentences?|terms?|detained|arrested)\s+for(?=\s+(?:(?:their|his|her)\s+)?(?:alleged|“|\"|participation|involvement|membership))|"
                        # "detained the Deputy of the Mejlis Akhtem Chiygoz for “organizing riots”"
                        r"(?:detained|arrested|jailed|imprisoned)\s+[^.;“”\"]{3,80}?\bfor(?=\s+(?:alleged\s+|purported\s+)?[“\"])|"
                        r"for\s+(?:alleged\s+)?(?:participation|involvement|membership)\s+(?:in|with)|"
                        r"(?:on|facing|faces?)\s+(?:(?:fabricated|trumped[-–]up|alleged|politically motivated|bogus|false)\s+)*"
                        r"(?:[\w“”\"’-]+\s+){0,3}?charges?(?:\s+of)?|(?:[\w“”\"’-]+\s+)charges\s+against|"
                        # "arrested on the accusation of espionage" ("... accusation that": loaders.extract.case_links)
                        r"on\s+(?:the\s+)?accusations?\s+of)(?!\w)",
                        re.IGNORECASE)

Dates = list[tuple[int, int, str]]
Speakers = list[tuple[str, int, int]]


# Words that govern a report without making its maker: "report of torture by", "report was criticised by", "welcomes the
# report", "Russia's response to the report" (a document cited is not published by the one who cites or answers it).
NOT_MAKER_WORDS = (r"(?:of|on|about|into|in|for|against|to|at|with|and|or|the|a|an|this|that|these|its|their|his|her|our|which|"
                    r"was|were|is|are|has|have|had|be|been|being|not|no|did|does|do|will|would|can|could|criticised|criticized|"
                    r"rejected|rejects|dismissed|dismisses|denied|denies|disputed|cited|cites|quoted|welcomed|welcomes|questioned|"
                    r"condemned|praised|received|requested|commissioned|discussed|considered|reviewed|seen|read|response|reaction|"
                    r"reply|answer|rejection|criticism)")
# "a report by the HRMMU", "data compiled by the Group", "the report from the OHCHR"
_MAKER_BEFORE_RE = re.compile(rf"\b(?:report|data|survey|study|ranking|findings)\s+(?:(?!{NOT_MAKER_WORDS}\b)\w+\s+){{0,2}}"
                              r"(?:by|from|of)\s+(?:the\s+)?$", re.IGNORECASE)
# "the OSCE Report of the Mission": the report's maker is named before the word, not the body after "of"
_MAKER_NAMED_RE = re.compile(r"(?-i:\b[A-Z]{2,})\s+(?:report|study|survey)\s+(?:of|by|from)\s+(?:the\s+)?$", re.IGNORECASE)
# After the maker: "the OHCHR report", "the 26th OHCHR report", "USCIRF’s 2019 Annual Report", "Amnesty International's latest
# report" -- modifiers of the report only (a name, a number, an adjective of reports), never a verb or an article
_REPORT_WORDS = r"(?:report|ranking|survey|study)\b"
_MODIFIER = (r"(?:(?-i:[A-Z][\w’'.-]*)|\d+(?:st|nd|rd|th)?|annual|latest|new|recent|periodic|special|thematic|interim|final|joint|"
             r"monthly|quarterly|public|preliminary|first|second|third|fourth|fifth|world|country|global|human|rights)")
_MAKER_AFTER_RE = re.compile(
    rf"(?:’s|'s)\s+(?:(?!{NOT_MAKER_WORDS}\b)[\w-]+\s+){{0,4}}{_REPORT_WORDS}"
    rf"|\s+(?:{_MODIFIER}\s+){{0,4}}{_REPORT_WORDS}"
    # "Dunja Mijatović published a report", "said Amnesty International in a report"
    rf"|\s+(?:(?-i:[A-Z][\w’'.-]*)\s+){{0,3}}(?:has\s+|have\s+|had\s+|also\s+|recently\s+)*(?:published|released|issued|presented|launched)"
    rf"\s+(?:a|an|its|their|the|his|her)\s+(?:[\w-]+\s+){{0,2}}?{_REPORT_WORDS}"
    rf"|,?\s+in\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){{0,2}}?{_REPORT_WORDS}",
    re.IGNORECASE)
# "the OHCHR Human Rights Monitoring Mission": the body found is the first word of another body's longer name
_LONGER_NAME_RE = re.compile(r"[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+")
# "Report by X: UK response" (a heading): the document the statement answers, not a publication the text reports
ANSWERED_RE = re.compile(r"[^\S\n]*:[^\n.]{0,40}?\b(?:response|reply|reaction|comments?)\b", re.IGNORECASE)


def publications(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction) -> set[str]:
    """The organisations the sentence names as publishing ("a report by the HRMMU"), each ``STATES``
    a publication event of its own."""
    # "a report by the HRMMU", "the OHCHR's report", "data compiled by the Group": an organisation publishes.
    published: set[str] = set()
    for o in cx.orgs:
        if ex.entities[o.ref].label != "Organisation" or ex.entities[o.ref].generic:
            continue
        before = cx.before(o.start, 50)
        maker_before = _MAKER_BEFORE_RE.search(before) is not None and not _MAKER_NAMED_RE.search(before)
        maker_after = _MAKER_AFTER_RE.match(cx.after(o.end, 60)) is not None
        if maker_before and (_LONGER_NAME_RE.match(cx.after(o.end, 40)) or ANSWERED_RE.match(cx.after(o.end, 60))):
            continue
        if (maker_before or maker_after
                # "In a report released on 5 May, OHCHR said": the report the sentence opens with is the speaker's
                # ("According to a report, the FSB detained ...": hearsay, the body after it is no maker)
                or re.search(r"^\W*(?:In\s+(?:its|their|a|the|an)|According\s+to\s+(?:its|their))\s+(?:[\w-]+\s+){0,3}reports?\b"
                             r"[^.;]{0,60},\s+(?:the\s+)?$", cx.before(o.start, 120)) and o.start - sent.start < 140
                # "Freedom House ranks Crimea among the worst": a ranking is the organisation's publication
                or re.match(r"\s+(?:also\s+)?(?:ranks|ranked|rates|rated)\s", cx.after(o.end, 20))):
            name = ex.entities[o.ref].name
            ev = f"event:{slug(name)}-report"
            ex.entity(ev, "Event", f"Report by {name}", kind="publication")
            ex.claim(o.ref, "STATES", ev, quote_span(text, sent, o.start - 20, o.end), 0.7, "publication")
            published.add(o.ref)
    return published


def speaker_statements(text: str, sent: Sentence, ex: Extraction, speakers: Speakers, published: set[str],
                       sources: list[Any]) -> None:
    """The first speaker of the sentence ``STATES`` a statement (or, reporting, a publication) of their own."""
    for ref, a, b in speakers[:1]:
        kind_name = ex.entities[ref].name
        medium = "video" if re.search(r"\bvideo\b", sent.text, re.IGNORECASE) else None
        if ref in published or any(ref == s[0] for s in sources):
            continue  # "according to data compiled by the Group": its report says it, no statement besides
        if COVERED_RE.match(text, b):
            continue  # "X reported on the activities of ...": what a journalist covers, not a statement of theirs
        if re.match(r"(?:,\s+(?:a|an|the)\s[^,;.“”]{1,70},)?[\s,]*(?:has |had |also )?(?:reported|reports|documented|documents|published)\b",
                    text[b:b + 110]) or RELEASING_REPORT_RE.search(sent.text) or re.search(r"\b(?:reported|documented|published)\s+by\s+(?:the\s+)?$", text[max(0, a - 30):a]) \
                or re.search(r"\bin\s+(?:its|their|a|the|his|her)\s+(?:[\w-]+\s+){0,2}report,?\s+(?:the\s+)?$", text[max(0, a - 60):a],
                             re.IGNORECASE):  # "In its report, the Group noted"
            ev = f"event:{slug(kind_name)}-report"  # what an organisation reports is a publication of its own
            ex.entity(ev, "Event", f"Report by {kind_name}", kind="publication")
        else:
            ev = f"event:{slug(kind_name)}-statement"
            ex.entity(ev, "Event", f"Statement by {kind_name}", kind="statement")
        ex.claim(ref, "STATES", ev, quote_span(text, sent, a, b), 0.85, "statement", medium=medium)


def title_affiliations(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, title_res: tuple[re.Pattern[str], ...],
                       leadership: list[str]) -> None:
    """Leadership and membership: "<title> of ORG PERSON", "PERSON, <title> of ORG", "ORG <title> PERSON"."""
    lead_re, member_re, work_re, org_title_re = title_res
    for o in cx.orgs:
        for rx, pred, base in ((lead_re, "LEADS", 0.9), (member_re, "MEMBER_OF", 0.8), (work_re, "WORKS_FOR", 0.75)):
            mt = rx.search(cx.before(o.start, 60))
            if not mt:
                continue
            title = mt.group(1).lower()
            title_start = o.start - (len(cx.before(o.start, 60)) - mt.start())
            # "<title> of ORG PERSON" or "PERSON, <title> of ORG"
            holder = next((p for p in cx.people if 0 <= p.start - o.end <= 3), None) or next(
                (p for p in reversed(cx.people) if 0 <= title_start - p.end <= 4
                 and re.fullmatch(r",\s*(?:the\s+|a\s+|an\s+)?", cx.between(p.end, title_start + (2 if cx.between(
                     title_start, title_start + 2).lower() == "a " else 0)))), None)
            if holder is not None:
                a, b = min(title_start, holder.start), max(o.end, holder.end)
                title = former(cx.before(title_start, 12)) + title
                if pred == "MEMBER_OF" and title in ("activist", "journalist", "citizen journalist"):
                    ex.entities[holder.ref].attributes.setdefault("occupation", title)
                ex.claim(holder.ref, pred, o.ref, quote_span(text, sent, a, b), base, pred.lower(), role=title)
        # "Mejlis leader Refat Chubarov", "Crimean Solidarity activist Server Mustafayev"
        for p in cx.people:
            gap = cx.between(o.end, p.start)
            mt2 = org_title_re.match(gap) if 0 < p.start - o.end <= 40 else None
            if mt2:
                title = former(cx.before(o.start, 12)) + mt2.group(1).lower()  # "former Mejlis chairman X"
                pred = "LEADS" if mt2.group(1).lower() in [w.lower() for w in leadership] else "MEMBER_OF"
                ex.claim(p.ref, pred, o.ref, quote_span(text, sent, o.start, p.end), 0.8, pred.lower(), role=title)


def collective_acts(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, role_people: set[str], speakers: Speakers,
                    speaker: str | None, dates: Dates, date_starts: list[int]) -> list[tuple[int, int]]:
    """Acts on many unnamed people by a named agency in a named place ("a surge of searches in Crimea by
    the FSB"): one event each; the spans of their triggers (the group rules of acts.py skip these)."""
    collective_spans: list[tuple[int, int]] = []  # one act, one event: the group rules of acts.py skip these
    for mt in COLLECTIVE_RE.finditer(sent.text):
        a, b = sent.start + mt.start(), sent.start + mt.end()
        if find_targets(cx, a, b, role_people, speakers)[0] or HORTATIVE_RE.search(cx.before(a, 60)):
            continue  # acts on people the sentence names are theirs, one event each
        perps = [o for o in cx.orgs if perpetrates(cx, o, a, b) and ex.entities[o.ref].attributes.get("kind") != "court"]
        if not perps:
            continue  # "a surge of house searches": nobody said to do them, nothing a monitor could record
        kind = COLLECTIVE_ACTS[mt.group().lower()]
        where = next((pl for pl in cx.places if 0 <= pl.start - b <= 80 and re.search(IN_PLACE, cx.between(b, pl.start))), None)
        if where is None:
            continue  # "a surge of searches" with no place: commentary, not one act to record
        collective_spans.append((a, b))
        label = ex.entities[where.ref].name if where else ex.entities[perps[0].ref].name
        ev = f"event:{slug(label)}-{kind.replace('_', '-')}-collective"
        ex.entity(ev, "Event", f"{mt.group()[:1].upper()}{mt.group()[1:]} " + (f"in {label}" if where else f"by {label}"),
                  kind=kind)
        for o in perps:
            ex.claim(o.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(a, o.start), max(b, o.end)), 0.6,
                     f"perpetrator:{kind}", role="perpetrator", asserted_by=speaker,
                     date=nearest_date(dates, date_starts, sent, a))
        if where:
            ex.claim(ev, "LOCATED_IN", where.ref, quote_span(text, sent, a, where.end), 0.6, "event-place")
    return collective_spans


def ban_events(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, speaker: str | None, dates: Dates,
               date_starts: list[int]) -> None:
    """The banning of an organisation (and an appeal court upholding it), with who bans it and where."""
    for o, a, b in org_bans(sent.text, sent.start, cx.orgs):
        # "the banning of the Mejlis by the de facto authorities": an act against an organisation.
        name = ex.entities[o.ref].name
        courts = [c for c in cx.orgs if ex.entities[c.ref].attributes.get("kind") == "court"]
        appeal = bool(courts) and re.search(r"\b(?:upheld|upholds|uphold|rejected\s+(?:an?\s+|the\s+)?appeal|"
                                            r"dismissed\s+(?:an?\s+|the\s+)?appeal)\b", sent.text, re.IGNORECASE)
        ev = f"event:{key_stem(o.ref)}-ban" + ("-appeal" if appeal else "")
        ex.entity(ev, "Event", ("Appeal court upholds the ban of " if appeal else "Ban on the activities of ") + name,
                  kind="appeal" if appeal else "other")
        for c in courts if appeal else ():  # "the Supreme Court upheld the ban": the court judges the appeal
            ex.claim(c.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(a, c.start), max(b, c.end)), 0.6,
                     "judge:appeal", role="judge", asserted_by=speaker)
        ex.claim(o.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(a, o.start), max(b, o.end)), 0.6, "event:ban",
                 role="target", date=nearest_date(dates, date_starts, sent, a), asserted_by=speaker)
        by = [p for p in cx.orgs if p is not o and perpetrates(cx, p, a, b) and ex.entities[p.ref].attributes.get("kind") != "court"]
        if not by:  # "Russian authorities have already exiled or jailed its leaders, banned their representative body"
            by = [p for p in cx.orgs if p.end <= a and ex.entities[p.ref].attributes.get("kind") != "court"
                  and VERB_SERIES_GAP_RE.fullmatch(cx.between(p.end, a))][-1:]
        for p in by:
            ex.claim(p.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(a, p.start), max(b, p.end)), 0.6,
                     "perpetrator:ban", role="perpetrator", asserted_by=speaker)
        state = None if by or appeal else state_words_before(text, a)
        if state is not None:  # "Russia's banning of the Mejlis", "the Russian-imposed ban on the Mejlis"
            ex.entity(RUSSIA_GOV, "Organisation", "Russia", kind="government")
            ex.claim(RUSSIA_GOV, "PARTICIPANT_IN", ev, quote_span(text, sent, state[0], max(b, o.end)), 0.55,
                     "perpetrator:ban:state", role="perpetrator", asserted_by=speaker)
        place_event(ex, text, sent, cx, ev, "ban", min(a, o.start), max(b, o.end))


def release_call_events(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, gaz: Gazetteer,
                        person_by_key: dict[str, Person], speaker: str | None) -> None:
    """"We call on Russia to release X": X's detention (X its target); the one called on its perpetrator only where the
    sentence says it holds X ("... to release X, whom it is illegally detaining": :func:`call_names_holder`)."""
    for actor, held in release_calls(sent.text, sent.start, cx.orgs, cx.places, cx.people):
        holder_key = actor.ref if actor is not None else ""
        if actor is not None and actor.label == "Location":  # a country named as a place: its government
            holder_key = f"org:{government_key(actor.ref.split(':', 1)[-1])}"
            ex.entity(holder_key, "Organisation", ex.entities[actor.ref].name if actor.ref in ex.entities else actor.text,
                      kind="government")
        for who in dict.fromkeys(m.ref for m in held):
            if ex.entities[who].label != "Person" or who == speaker:
                continue
            ev = person_event(ex, gaz, person_by_key, who, "detention", "")
            last = max(m.end for m in held if m.ref == who)
            span = quote_span(text, sent, actor.start if actor is not None else min(m.start for m in held), last)
            ex.claim(who, "PARTICIPANT_IN", ev, span, 0.5, "event:detention:release-call", role="target")
            if holder_key and call_names_holder(text, sent, span[0], ev):
                ex.claim(holder_key, "PARTICIPANT_IN", ev, span, 0.5, "perpetrator:detention:release-call",
                         role="perpetrator", asserted_by=speaker)


def target_free_acts(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, speaker: str | None, dates: Dates,
                     date_starts: list[int], collective_spans: list[tuple[int, int]]) -> None:
    """Raids by an agency, entry bans, meetings, attacks: events with no one named person as their target."""
    for act in find_acts(sent.text, sent.start, cx.people, cx.orgs, cx.places, [(pa, pb) for pa, pb, _g in cx.plurals]):
        # raids by an agency, entry bans, meetings, attacks: events with no one named person as their target
        if irrealis(cx.before(act.start, 80)) or HORTATIVE_RE.search(cx.before(act.start, 60)) \
                or any(x < act.end and act.start < y for x, y in collective_spans):
            continue
        when = nearest_date(dates, date_starts, sent, act.start)
        if act.name.startswith(("Annexation of", "Occupation of")):
            # only a date within the act's words ("Russia's occupation of Crimea in 2014"), not the sentence's
            # ("detained on 12 December upon entry into the peninsula annexed by Russia")
            when = next((d for x, y, d in dates if act.start <= x and y <= min(sent.end, act.end + 25)), None)
        act_event(ex, text, sent, act, speaker, when)


def byline_statement(text: str, mentions: list[Mention], ex: Extraction) -> None:
    """A press statement's byline (a name alone near the top) ``STATES`` the statement."""
    for ref, a, b in bylines(text, [m for m in mentions if m.label == "Person"], ex.entities, ex.claim)[:1]:
        name = ex.entities[ref].name
        ev = f"event:{slug(name)}-statement"
        ex.entity(ev, "Event", f"Statement by {name}", kind="statement")
        ex.claim(ref, "STATES", ev, (a, b), 0.7, "byline")


def lawyer_claims(ex: Extraction, lawyers: list[tuple[str, str, tuple[int, int], float]], cases: dict[str, str]) -> None:
    """The lawyers', judges' and prosecutors' claims, once the article's cases are known: the client
    a lawyer defends (the one defendant, when the article names no other), the case they work in."""
    for lawyer, client, span, conf in lawyers:
        if client in ("JUDGE_IN", "PROSECUTES", "INVESTIGATES"):
            if len(set(cases.values())) == 1:
                case = next(iter(cases.values()))
                quals = {"stage": "trial"} if client == "JUDGE_IN" else {}
                ex.claim(lawyer, client, case, span, conf - 0.1, client.lower(), **quals)
            continue
        if not client:
            defendants = [d for d in cases if d != lawyer]
            if len(defendants) != 1 or lawyer in cases or any(
                    c.subject == lawyer and c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target" for c in ex.claims):
                continue  # "lawyer X was detained": an article about the lawyer's own case names no client
            client = defendants[0]
        ex.claim(lawyer, "DEFENDS", client, span, conf, "lawyer", case=cases.get(client))
        if client in cases:
            ex.claim(lawyer, "COUNSEL_IN", cases[client], span, conf, "lawyer", client=client)


def charges_and_cases(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, gaz: Gazetteer, cases: dict[str, str],
                      role_people: set[str], charged_now: set[str], speakers: Speakers, speaker: str | None,
                      triggers: Sequence[re.Match[str]] | None = None) -> None:
    """Charges ("accused of", "charged under Article N", "on trumped-up charges") and the cases they open,
    with the sentences, persecutions and "the case against X" that name a defendant; ``charged_now``
    gets the people this sentence charges, ``role_people`` loses the ones an act of it befell
    (``triggers``: the sentence's trigger matches, when the caller has scanned them already)."""
    charged_now.clear()
    if role_people and CHARGE_RE.search(sent.text):
        # "lawyer X was detained ... and is now facing charges": the one an act of this sentence befell is
        # its defendant too, not a lawyer of somebody else (the event rules below find the same)
        for trig in gaz.trigger_scan.finditer(sent.text) if triggers is None else triggers:
            role_people -= officials_acted_on(cx, sent.start + trig.start(), sent.start + trig.end(), role_people)
    for mt in CHARGE_RE.finditer(sent.text):
        a = sent.start + mt.start()
        role_people -= officials_acted_on(cx, a, a + len(mt.group()), role_people)
        if irrealis(cx.before(a, 80)) or re.search(r"\b(?:should|must|ought\s+to)\s+(?:\w+ly\s+)?$", cx.before(a, 30)):
            continue  # "could be charged with", "was never charged", "should face appropriate charges": no charge reported
        if re.match(r"(?:accused\s+(?!(?:him|her|them|the\s|of\b))|charged\s+(?!(?:him|her|them|with|under)\b))", mt.group(1)) and not any(
                a <= m.start and m.end <= a + len(mt.group()) for m in cx.people):
            continue  # "accused Russia of ...": the accused is no person of the sentence
        targets, conf = find_targets(cx, a, a + len(mt.group()), role_people, speakers)
        for target in targets:
            charge_claims(ex, gaz, cases, text, sent, cx, mt, a, target, conf, speaker)
            charged_now.add(target)

    # --- sentences without a charge word: "X was sentenced to 12 years"
    for mt in re.finditer(r"\bsentenced\b", sent.text):
        if CHARGE_RE.search(sent.text):
            continue
        a = sent.start + mt.start()
        if irrealis(cx.before(a, 80)):
            continue
        targets, conf = find_targets(cx, a, a + len(mt.group()), role_people, speakers)
        sent_m = SENTENCE_RE.search(sent.text)
        for target in targets:
            case = case_of(ex, cases, target)
            ex.claim(target, "DEFENDANT_IN", case, quote_span(text, sent, min(a, first_ref_pos(cx, target, a)), a + 30),
                     conf, "sentence", procedural_status="convicted",
                     sentence=f"{sent_m.group(1)} years" if sent_m else None)
    for mt in re.finditer(r",?\s+who\s+(?:is|was|has\s+been|had\s+been)\s+(?:the\s+)?(?:subject|target|victim)\s+of\s+"
                          r"(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:persecution|prosecution|criminal\s+(?:case|proceedings))\b", sent.text):
        # "X, deputy chairperson of the Mejlis, who is the subject of politically motivated persecution"
        before = [p for p in cx.people if p.end <= sent.start + mt.start()
                  and (sent.start + mt.start() - p.end <= 3 or APPOSITION_RE.match(cx.between(p.end, sent.start + mt.start()) + ", is"))]
        if before:
            p = before[-1]
            ex.claim(p.ref, "DEFENDANT_IN", case_of(ex, cases, p.ref), quote_span(text, sent, p.start, sent.start + mt.end()), 0.55,
                     "case")
    for mt in re.finditer(r"\b(?:case|proceedings|criminal case|charges)\s+against\b|\b(?:criminal\s+)?prosecution\s+of\b",
                          sent.text, re.IGNORECASE):
        after = [p for p in cx.people if 0 <= p.start - (sent.start + mt.end()) <= 70]
        if after:
            p = after[0]
            case = case_of(ex, cases, p.ref)
            ex.claim(p.ref, "DEFENDANT_IN", case, quote_span(text, sent, sent.start + mt.start(), p.end), 0.6, "case")
