"""Claims from sentences: rules over the mentions of one sentence.

Each rule reads a pattern of mentions and cue words (roles, event triggers, charges,
speech verbs; all from the gazetteers) and yields claims in the ontology's predicates,
each with the character span of its quote, a speaker where the sentence attributes the
statement, and a confidence that says how sure the rule is (lower when a pronoun was
resolved or the target was one of several people).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from anyascii import anyascii

from graph.model import Entity
from graph.ontology import default_ontology
from loaders.extract.acts import Act, find_acts
from loaders.extract.events import (
    COLLECTIVE_ACTS,
    COLLECTIVE_RE,
    INCLUDES_RE,
    Group,
    article_groups,
    collective_object,
    coordinated,
    org_bans,
    person_places,
    plural_mentions,
    release_destination,
)
from loaders.extract.gazetteer import Gazetteer, load_gazetteer, slug
from loaders.extract.guards import (
    CLAUSE_VERB_RE,
    RELATIVE_AFTER_RE,
    UNNAMED_RE,
    former,
    irrealis,
    officials_acted_on,
    other_act,
)
from loaders.extract.links import (
    bylines,
    events_in_cases,
    from_place_lists,
    org_links,
    place_links,
    statement_place,
)
from loaders.extract.mentions import Mention, Person, Sentence, find_dates
from loaders.facts import count_words

__all__ = ["EntityDraft", "ClaimDraft", "Extraction", "extract_claims", "quote_span"]

_WORDS_RE = re.compile(r"\S+")
_APPLICANT_RE = re.compile(r"\bthe\s+applicant\b(?!s)", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"\b(?:he|she|him|her|his)\b", re.IGNORECASE)
_STATUS = {"accused": "accused", "charged with": "accused", "charged under": "accused", "indicted": "accused",
           "suspected of": "suspect", "convicted": "convicted", "found guilty": "convicted", "sentenced": "convicted",
           "prosecuted for": "accused"}
_CHARGE_RE = re.compile(r"\b(accused (?:(?:him|her|them|the \w+|(?-i:[A-Z][\w’'-]+\s+){1,4}?)\s*)?of|charged (?:(?:him|her|them|(?-i:[A-Z][\w’'-]+\s+){1,4}?)\s*)?with|charged (?:(?:him|her|them)\s+)?under|suspected of|convicted of|convicted under|"
                        r"found guilty (?:of|under)|prosecuted for|sentenced\b[^.;]{0,60}?\b(?:for|under)|indicted (?:for|under)|"
                        r"(?:sentences?|terms?|detained|arrested)\s+for(?=\s+(?:(?:their|his|her)\s+)?(?:alleged|“|\"|participation|involvement|membership))|"
                        # "detained the Deputy of the Mejlis Akhtem Chiygoz for “organizing riots”"
                        r"(?:detained|arrested|jailed|imprisoned)\s+[^.;“”\"]{3,80}?\bfor(?=\s+(?:alleged\s+|purported\s+)?[“\"])|"
                        r"for\s+(?:alleged\s+)?(?:participation|involvement|membership)\s+(?:in|with)|"
                        r"(?:on|facing|faces?)\s+(?:(?:fabricated|trumped-up|alleged|politically motivated|bogus|false)\s+)*"
                        r"(?:[\w“”\"’-]+\s+){0,3}?charges?(?:\s+of)?|(?:[\w“”\"’-]+\s+)charges\s+against)(?!\w)",
                        re.IGNORECASE)
_ARTICLE_RE = re.compile(r"\bArticles?\s+(\d{2,4}(?:\.\d)?)", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"\bsentenced\b[^.;]{0,40}?\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|thirteen|fourteen|fifteen|seventeen|nineteen)\s+years?\b", re.IGNORECASE)
_PARTICIPATE_RE = re.compile(r"\b(participated in|participating in|took part in|taking part in|attended|attending|spoke at|"
                             r"speaking at|addressed|(?:reaffirmed|stated|said|declared|agreed|announced|presented|pledged|"
                             r"signed|joined|spoke|raised)\s+(?:[^.;,“”]{0,30}?\s+)?(?:during|at|in))\b", re.IGNORECASE)


# A drafted entity is a model entity (its sources are the draft's own source).
EntityDraft = Entity


@dataclass
class ClaimDraft:
    subject: str
    predicate: str
    object: str
    span: tuple[int, int]
    confidence: float
    qualifiers: dict[str, Any] = field(default_factory=dict)
    asserted_by: str | None = None
    rule: str = ""


@dataclass
class Extraction:
    entities: dict[str, EntityDraft] = field(default_factory=dict)
    claims: list[ClaimDraft] = field(default_factory=list)
    # Where each event's triggers stand in the text (for the rules that join two events of one sentence).
    triggers: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def trigger(self, ev: str, a: int, b: int) -> None:
        """Record that ``text[a:b]`` names event ``ev``."""
        spans = self.triggers.setdefault(ev, [])
        if (a, b) not in spans:
            spans.append((a, b))

    def entity(self, key: str, label: str, name: str, **attrs: Any) -> EntityDraft:
        have = self.entities.get(key)
        if have is None:
            have = self.entities[key] = EntityDraft(key, label, name)
        for k, v in attrs.items():
            if v is not None:
                have.attributes.setdefault(k, v)
        return have

    def claim(self, subject: str, predicate: str, obj: str, span: tuple[int, int], confidence: float,
              rule: str, asserted_by: str | None = None, **qualifiers: Any) -> None:
        if subject == obj:
            return
        self.claims.append(ClaimDraft(subject, predicate, obj, span, round(min(max(confidence, 0.05), 0.99), 2),
                                      {k: v for k, v in qualifiers.items() if v is not None}, asserted_by, rule))


def quote_span(text: str, sent: Sentence, a: int, b: int, limit: int | None = None) -> tuple[int, int]:
    """The quote for a claim: the sentence when short enough, else a window of words around [a, b)."""
    limit = limit or default_ontology().max_quote_words
    words = [(sent.start + m.start(), sent.start + m.end()) for m in _WORDS_RE.finditer(sent.text)]
    if not words:
        return sent.start, sent.end
    if len(words) <= limit and count_words(text[words[0][0]:words[-1][1]]) <= limit:
        return words[0][0], words[-1][1]
    first = next((i for i, (s, e) in enumerate(words) if e > a), 0)
    last = max((i for i, (s, e) in enumerate(words) if s < b), default=first)
    while last - first + 1 < limit and (first > 0 or last < len(words) - 1):
        if first > 0:
            first -= 1
        if last - first + 1 < limit and last < len(words) - 1:
            last += 1
    if last - first + 1 > limit:
        last = first + limit - 1
    # The validator counts words as it reads them ("twenty-one" is two, a dash between words
    # splits them): shrink the window, away from the claim's own words, until it agrees.
    while last > first and count_words(text[words[first][0]:words[last][1]]) > limit:
        if words[last][0] >= b or words[first][1] > a:
            last -= 1
        else:
            first += 1
    return words[first][0], words[last][1]


class _Sent:
    """The mentions of one sentence, with helpers the rules share."""

    def __init__(self, sent: Sentence, mentions: list[Mention], pronouns: list[tuple[int, int, str]],
                 last_group: list[str], article: list[Group] | None = None):
        self.s = sent
        self.people = [m for m in mentions if m.label == "Person"]
        self.orgs = [m for m in mentions if m.label == "Organisation"]
        self.places = [m for m in mentions if m.label == "Location"]
        self.pronouns = pronouns  # (start, end, antecedent key)
        # "X and Y", "X, Y and Z", "X and his brother Y", "A, B and Deputy Head of the Mejlis, C": people named together.
        self.groups: list[list[Mention]] = []
        for m in self.people:
            if self.groups and coordinated(self.between(self.groups[-1][-1].end, m.start)):
                self.groups[-1].append(m)
            else:
                self.groups.append([m])
        self.groups = [g for g in self.groups if len({m.ref for m in g}) > 1]
        # "both men", "they", "their homes", "the four men": the people a plural phrase means.
        own = [(g[0].start, g[-1].end, list(dict.fromkeys(m.ref for m in g))) for g in self.groups]
        self.plurals = plural_mentions(sent.start, sent.text, own, last_group, article or [])
        self.last_group = last_group

    def group_of(self, ref: str) -> list[str]:
        for g in self.groups:
            if any(m.ref == ref for m in g):
                return list(dict.fromkeys(m.ref for m in g))
        return [ref]

    def between(self, a: int, b: int) -> str:
        return self.s.text[a - self.s.start:b - self.s.start] if a <= b else ""

    def before(self, a: int, n: int = 80) -> str:
        return self.s.text[max(0, a - self.s.start - n):a - self.s.start]

    def after(self, b: int, n: int = 80) -> str:
        return self.s.text[b - self.s.start:b - self.s.start + n]


# A government's stance verbs that the speech cues do not list ("does not recognize", "is troubled").
_STANCE_RE = re.compile(
    r"\s+(?:also\s+|once\s+again\s+|again\s+|strongly\s+|firmly\s+|fully\s+)*(?:"
    r"(?:does|do)\s+not\s+(?:and\s+will\s+not\s+)?recogni[sz]e|will\s+not\s+recogni[sz]e|(?:is|are|remains?)\s+"
    r"(?:deeply\s+|gravely\s+|very\s+)?(?:troubled|alarmed|disturbed|dismayed)|calls?\s+upon|rejects?|reaffirms?|"
    r"reaffirmed|supports?\s+the\s+(?:release|call)|denounces?|objects?\s+to)\b", re.IGNORECASE)


def _title_re(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def extract_claims(text: str, sentences: list[Sentence], entries: list[Mention], people: list[Person],
                   gaz: Gazetteer | None = None) -> Extraction:
    """Entities and claims of one article from its sentences and resolved mentions."""
    gaz = gaz or load_gazetteer()
    ex = Extraction()
    person_by_key = {p.key: p for p in people}
    for person in people:
        position = person.position if person.position.lower() not in _HONORIFICS else ""
        d = ex.entity(person.key, "Person", person.name, position=position.lower() or None)
        d.aliases = [v for v in person.variants if v != person.name]
    for m in entries:
        assert m.entry is not None
        d = ex.entity(m.ref, m.entry.label, m.entry.name, **m.entry.attributes)
        d.generic = m.entry.generic
        if m.text != m.entry.name and m.text not in d.aliases and (m.text[:1].isupper() or m.entry.generic):
            d.aliases.append(m.text)
    mentions = sorted([m for p in people for m in p.mentions] + entries, key=lambda m: m.start)
    dates = find_dates(text, gaz)
    speakers_by_para: dict[int, str] = {}
    history: list[tuple[str, int]] = []  # people in the order the article names them, with their paragraph
    cur_para = last_para = -2
    last_group: list[str] = []
    group_end = 0
    cases: dict[str, str] = {}           # defendant key -> case key
    lawyers: list[tuple[str, str, tuple[int, int], float]] = []
    role_people: set[str] = set()
    cues = gaz.cues
    lead_re = re.compile(rf"\b({_title_re(cues['leadership'])})\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
    member_re = re.compile(rf"\b({_title_re(cues['membership'])})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
    work_re = re.compile(rf"\b({_title_re(cues['employment'])})\s+(?:of|at|for)\s+(?:the\s+)?$", re.IGNORECASE)
    org_title_re = re.compile(rf"^\s+({_title_re(cues['leadership'] + cues['membership'])})\s*,?\s*$", re.IGNORECASE)
    lawyer_words = _title_re(cues["lawyer"])
    speech_after = _title_re(cues["speech_after"])
    org_speech = _title_re(cues["org_speech"])
    occupations = _title_re(cues["occupations"])
    relatives = _title_re(cues["relatives"])

    def emit(kind: str, mt: re.Match[str], sent: Sentence, cx: _Sent, target: str, conf: float, speaker: str | None,
             named_in: Sentence, ncx: _Sent) -> None:
        """The claims of one event of ``kind`` (trigger ``mt`` in ``sent``) that happened to ``target``,
        named in ``named_in`` (the same sentence, or the next one that lists the people)."""
        if ex.entities[target].label != "Person":
            return
        a, b = sent.start + mt.start(), sent.start + mt.end()
        if named_in is sent:
            span = quote_span(text, sent, min(a, _first_ref_pos(cx, target, a)), max(b, _last_ref_pos(cx, target, b)))
        else:
            at = next(m for m in ncx.people if m.ref == target)
            span = quote_span(text, named_in, named_in.start, at.end)
        if kind == "convicted":
            ex.claim(target, "DEFENDANT_IN", _case(ex, cases, target), span, conf, "case:convicted",
                     procedural_status="convicted")
            return
        # The date goes on the claim, not the event: two sources that date one arrest
        # differently are two pieces of evidence, not a conflict that refuses the files.
        date = _nearest_date(dates, date_starts, sent, a)
        ev = _event(ex, gaz, person_by_key, target, kind, sent.text[mt.end():mt.end() + 40])
        ex.trigger(ev, a, b)
        ex.claim(target, "PARTICIPANT_IN", ev, span, conf, f"event:{kind}",
                 role="participant" if kind in _OWN_ACTS else "target", date=date,
                 asserted_by=speaker if speaker != target or kind in ("torture", "ill_treatment") else None)
        if kind in ("verdict", "trial"):  # a sentence or a trial has a defendant and a case
            ex.claim(target, "DEFENDANT_IN", _case(ex, cases, target), span, conf, f"case:{kind}",
                     procedural_status="convicted" if kind == "verdict" else "defendant")
        acts = [(sent.start + o.start(), sent.start + o.end()) for o in gaz.trigger_pattern.finditer(sent.text)
                if sent.start + o.start() != a]
        for o in cx.orgs if kind not in _OWN_ACTS else ():
            if _perpetrates(cx, o, a, b) or _coordinated_agent(cx, o, a, acts):
                is_court = ex.entities[o.ref].attributes.get("kind") == "court"
                court = kind in ("verdict", "trial", "hearing", "detention_extension", "appeal") and is_court  # a court judges
                if is_court and not court and kind != "detention_extension":
                    continue  # a court decides; it does not detain, search or transfer anybody itself
                ex.claim(o.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(o.start, a), max(o.end, b)), 0.65,
                         f"perpetrator:{kind}", role="judge" if court else "perpetrator", asserted_by=speaker)
        if kind in ("arrest", "search", "detention", "torture", "ill_treatment", "release", "verdict", "transfer",
                    "killing", "exchange", "disappearance", "hearing", "appeal"):
            _event_place(ex, text, sent, cx, ev, kind, a, b, acts)
        if kind in ("detention", "search") and target in charged_now and named_in is sent:
            # "He was detained and charged with ...": the detention is a step of that case.
            ex.claim(ev, "PART_OF", cases[target], span, min(conf, 0.7), "event-case")

    applicant = _applicant(text, [m for m in mentions if m.label == "Person"])
    charged_now: set[str] = set()  # the people a charge of the current sentence names
    pending: list[tuple[str, re.Match[str], Sentence, _Sent, str | None]] = []
    groups_in_article = article_groups(text, [m for m in mentions if m.label == "Person"])
    para_starts = [m.start() for m in re.finditer(r"\n", text)]
    date_starts = [d[0] for d in dates]
    first = 0
    for sent in sentences:
        while first < len(mentions) and mentions[first].start < sent.start:
            first += 1  # sentences and mentions are both in text order
        inside = []
        for m in mentions[first:]:
            if m.start >= sent.end:
                break
            if m.end <= sent.end:
                inside.append(m)
        para = _paragraph_of(para_starts, sent.start)
        if para != cur_para:
            last_para, cur_para = cur_para, para
        pron: list[tuple[int, int, str]] = []
        for am in _APPLICANT_RE.finditer(sent.text) if applicant is not None else ():
            # "the applicant" of a judgment that named them once ("The applicant, Mr X, ..."): X, like a pronoun
            a = sent.start + am.start()
            if applicant is not None and not any(m.label == "Person" and 0 <= m.start - (sent.start + am.end()) <= 8 for m in inside):
                pron.append((a, sent.start + am.end(), applicant))
                history.append((applicant, para))
        for pm in _PRONOUN_RE.finditer(sent.text):
            a = sent.start + pm.start()
            # The last few people named (the antecedent is among the last six): no copy of the whole history.
            # A pronoun reaches back to the people of this paragraph and the one before, not across the article
            # ("The applicant alleged that he was beaten" after a paragraph about somebody else).
            prev = [r for r, p_ in history[-8:] if p_ == para] + [m.ref for m in inside if m.label == "Person" and m.end <= a]
            if all(r in role_people for r in prev) and not UNNAMED_RE.search(text, max(para + 1, a - 600), a):
                # "The applicant was arrested ... he": somebody this paragraph does not name is not the last man named;
                # "Lawyer X said he ...": the client named in the paragraph before.
                prev = [r for r, p_ in history[-8:] if p_ == last_para] + prev
            ante = _antecedent(prev, pm.group().lower(), ex, role_people)
            if ante:
                pron.append((a, sent.start + pm.end(), ante))
        cx = _Sent(sent, inside, pron, last_group, groups_in_article)

        # --- speakers: who says this sentence
        speakers: list[tuple[str, int, int]] = []
        for m in cx.people:
            # "X said", "X, Deputy Head of the Delegation, condemns" (an apposition without a verb of its own)
            if _re.match(rf"(?:,(?![^,]*\b(?:is|was|are|were|be|been|should|must|will|has|have|had)\b)[^,.“”]{{1,90}},)?"
                        rf"[\s,]*(?:has |had |also )?(?:{speech_after})\b", cx.after(m.end, 120), re.IGNORECASE):
                # "Lawyer X, who represents Y, said": X speaks, not Y.
                head = [p for p in cx.people if p.end < m.start and re.fullmatch(r",\s+who\s[^,]*", cx.between(p.end, m.start))]
                speakers.append((head[-1].ref, head[-1].start, head[-1].end) if head else (m.ref, m.start, m.end))
            elif _re.search(rf"(?:[”\"],?|,)\s*(?:{speech_after})\s+(?:by\s+)?[^.“”]{{0,70}}$", cx.before(m.start, 100),
                           re.IGNORECASE) and not [p for p in cx.people if m.start > p.end > m.start - 70]:
                speakers.append((m.ref, m.start, m.end))
            elif re.search(r"\b(?:stated|said|reported|announced|noted) by\s+[^.]{0,70}$", cx.before(m.start, 90), re.IGNORECASE):
                speakers.append((m.ref, m.start, m.end))
            elif re.match(r"\s*:\s*[“\"]", cx.after(m.end, 6)):  # "Lawyer X: “The case is fabricated”"
                speakers.append((m.ref, m.start, m.end))
        for pa, pb, ref in cx.pronouns if not speakers else ():
            # "He said ...", "“...,” she told reporters": the person the pronoun stands for speaks.
            # Only a pronoun that opens its clause ("in which he said" reports an old interview, not a statement).
            if cx.between(pa, pb).lower() in ("he", "she") and _PRONOUN_SPEECH_RE.match(cx.after(pb, 60)) \
                    and re.search(r"(?:^|[”\"],?|,|\band)\s*$", cx.before(pa, 10)):
                speakers.append((ref, pa, pb))
                break
        for rm in _ROLE_SPEAKER_RE.finditer(sent.text) if not speakers else ():
            # "the lawyer said": the last person of this paragraph or the one before named with that occupation
            role = rm.group(1).lower()
            by_role = next((r for r, p_ in reversed(history[-12:]) if p_ in (para, last_para) and role in (
                str(ex.entities[r].attributes.get("occupation", "")).lower(), str(ex.entities[r].attributes.get("position", "")).lower())),
                       None)
            if by_role is not None and re.search(r"(?:^|[”\"],?|,|\band)\s*$", sent.text[max(0, rm.start() - 10):rm.start()]):
                speakers.append((by_role, sent.start + rm.start(), sent.start + rm.end(1)))
                break
        acc = re.search(r"\baccording to\b", sent.text, re.IGNORECASE)
        if acc:
            comma = sent.text.find(",", acc.end())
            limit = sent.start + (comma if comma > 0 else len(sent.text))
            cands = [m for m in cx.people + cx.orgs if sent.start + acc.end() <= m.start < limit]
            cands.sort(key=lambda m: m.start)
            if cands:
                speakers.append((cands[-1].ref, cands[-1].start, cands[-1].end))
        for m in cx.orgs:
            if ex.entities[m.ref].label != "Organisation" or ex.entities[m.ref].generic:
                continue  # a collective actor ("the authorities") is spoken of, not quoted
            subject = not re.search(r"\b(?:by|of|to|with|against|from|for|on|at|in|into|that|and)\s+(?:the\s+)?$",
                                    cx.before(m.start, 20), re.IGNORECASE)
            # "The FSB said", "Zmina, reports", "Russia's Federal Service (FSB) claimed"
            # "Zmina, a Ukrainian human rights organization, documented": an apposition without a verb of its own
            if subject and _re.match(rf"(?:\s*\([^)]{{1,30}}\))?(?:,\s+(?:a|an|the)\s(?![^,]*\b(?:is|was|are|were|has|have|had|which|who|that)\b)"
                                    rf"[^,;.“”]{{1,70}},)?[\s,]*(?:has |had |also )?(?:{org_speech}|{speech_after})\b",
                                    cx.after(m.end, 120), re.IGNORECASE):
                speakers.append((m.ref, m.start, m.end))
            # "The United States does not recognize ...", "The UK once again calls upon Russia": a government that
            # opens its sentence with a stance speaks (only a government, and only as the sentence's first words).
            elif (ex.entities[m.ref].attributes or {}).get("kind") == "government" and re.fullmatch(
                    r"\s*(?:(?:today|now|also|again),?\s+)?(?:the\s+)?", text[sent.start:m.start], re.IGNORECASE) and \
                    _STANCE_RE.match(cx.after(m.end, 60)):
                speakers.append((m.ref, m.start, m.end))
            # "As reported by the Crimean Human Rights Group, ...": the organisation reports what follows
            elif re.search(r"(?:^|,)\s*(?:as\s+)?(?:reported|stated|documented|noted|announced)\s+by\s+(?:the\s+)?$",
                           cx.before(m.start, 40), re.IGNORECASE):
                speakers.append((m.ref, m.start, m.end))
            # “...,” said Amnesty International / the UN experts declared
            elif _re.search(rf"(?:[”\"],?|,)\s*(?:{speech_after}|{org_speech})\s+(?:by\s+)?(?:the\s+)?$", cx.before(m.start, 40),
                           re.IGNORECASE) or (re.search(r"[”\"],?\s*(?:the\s+)?$", cx.before(m.start, 10)) and re.match(
                               rf"\s*(?:{speech_after}|{org_speech})\b", cx.after(m.end, 30), re.IGNORECASE)):
                speakers.append((m.ref, m.start, m.end))
        # A statement's headline: "Statement by the Spokesperson ...", "British Embassy Kyiv statement on ..."
        by = re.match(r"\s*(?:[\w/]+:\s*)?(?:Joint\s+)?Statement\s+by\s+(?:the\s+)?", sent.text, re.IGNORECASE)
        for m in cx.orgs + cx.people:
            if speakers or ex.entities[m.ref].generic:
                break
            if by and m.start == sent.start + by.end() or sent.start == 0 and re.match(
                    r"(?:’s|'s)?\s+statement\b", cx.after(m.end, 20), re.IGNORECASE):
                speakers.append((m.ref, m.start, m.end))
        speaker = speakers[0][0] if speakers else None
        if speaker:
            speakers_by_para[para] = speaker
        elif sent.text.lstrip().startswith(("“", "\"")) or para in speakers_by_para:
            # Quoted speech continues: the paragraph's speaker says it (set when found later).
            speaker = speakers_by_para.get(para)
        # "a report by the HRMMU", "the OHCHR's report", "data compiled by the Group": an organisation publishes.
        published: set[str] = set()
        for o in cx.orgs:
            if ex.entities[o.ref].label == "Organisation" and not ex.entities[o.ref].generic and (
                    re.search(r"\b(?:report|data|survey|study|ranking|findings)\s+(?:\w+\s+){0,2}(?:by|from|of)\s+(?:the\s+)?$",
                              cx.before(o.start, 50), re.IGNORECASE)
                    or re.match(r"(?:’s|'s)?\s+(?:\w+\s+){0,4}(?:report|ranking|survey|study)\b", cx.after(o.end, 60))
                    # "In a report released on 5 May, OHCHR said": the report the sentence opens with is the speaker's
                    or re.search(r"^\W*(?:In|According\s+to)\s+(?:its|their|a|the|an)\s+(?:[\w-]+\s+){0,3}reports?\b[^.;]{0,60},\s+(?:the\s+)?$",
                                 cx.before(o.start, 120)) and o.start - sent.start < 140
                    # "Freedom House ranks Crimea among the worst": a ranking is the organisation's publication
                    or re.match(r"\s+(?:also\s+)?(?:ranks|ranked|rates|rated)\s", cx.after(o.end, 20))):
                name = ex.entities[o.ref].name
                ev = f"event:{slug(name)}-report"
                ex.entity(ev, "Event", f"Report by {name}", kind="publication")
                ex.claim(o.ref, "STATES", ev, quote_span(text, sent, o.start - 20, o.end), 0.7, "publication")
                published.add(o.ref)
        for ref, a, b in speakers[:1]:
            kind_name = ex.entities[ref].name
            medium = "video" if re.search(r"\bvideo\b", sent.text, re.IGNORECASE) else None
            if ref in published:
                continue  # "according to data compiled by the Group": its report says it, no statement besides
            if re.match(r"(?:,\s+(?:a|an|the)\s[^,;.“”]{1,70},)?[\s,]*(?:has |had |also )?(?:reported|reports|documented|documents|published)\b",
                        text[b:b + 110]) or re.search(r"\b(?:reported|documented|published)\s+by\s+(?:the\s+)?$", text[max(0, a - 30):a]) \
                    or re.search(r"\bin\s+(?:its|their|a|the|his|her)\s+(?:[\w-]+\s+){0,2}report,?\s+(?:the\s+)?$", text[max(0, a - 60):a],
                                 re.IGNORECASE):  # "In its report, the Group noted"
                ev = f"event:{slug(kind_name)}-report"  # what an organisation reports is a publication of its own
                ex.entity(ev, "Event", f"Report by {kind_name}", kind="publication")
            else:
                ev = f"event:{slug(kind_name)}-statement"
                ex.entity(ev, "Event", f"Statement by {kind_name}", kind="statement")
            ex.claim(ref, "STATES", ev, quote_span(text, sent, a, b), 0.85, "statement", medium=medium)

        # --- leadership and membership: "<title> of ORG PERSON", "PERSON, <title> of ORG"
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
                    pred = "LEADS" if mt2.group(1).lower() in [w.lower() for w in cues["leadership"]] else "MEMBER_OF"
                    ex.claim(p.ref, pred, o.ref, quote_span(text, sent, o.start, p.end), 0.8, pred.lower(), role=title)

        # --- occupations, residence, relatives
        for p in cx.people:
            mt = _re.search(rf"\b({occupations})\s*,?\s*$", cx.before(p.start, 40), re.IGNORECASE)
            if mt and p.ref in ex.entities:
                ex.entities[p.ref].attributes.setdefault("occupation", mt.group(1).lower())
            for pl in cx.places:
                if re.search(r"\bresidents? of\s+(?:the\s+)?(?:occupied\s+)?$", cx.before(pl.start, 40), re.IGNORECASE) and (
                        0 <= p.start - pl.end <= 3 or (0 <= pl.start - p.end <= 30 and re.match(r",\s*(?:a|an)\s+resident", cx.between(p.end, pl.start)))):
                    ex.claim(p.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, min(p.start, pl.start) - 12 if pl.start < p.start else p.start,
                                                                    max(p.end, pl.end)), 0.8, "residence")
                elif 0 <= pl.start - p.end <= 60 and re.fullmatch(
                        r",?\s+(?:(?:a|an)\s+(?:[\w-]+\s+){0,4})?(?:from|of)\s+", cx.between(p.end, pl.start)):
                    ex.claim(p.ref, "LOCATED_IN", pl.ref, quote_span(text, sent, p.start, pl.end), 0.65, "residence")
            group = cx.group_of(p.ref)
            for pl in cx.places:
                if p.ref == group[-1] and 0 <= pl.start - p.end <= 60 and person_places(cx.between(p.end, pl.start)):
                    first_named = min(m.start for m in cx.people if m.ref in group)
                    for ref in group:  # "Ilmi Umerov and Akhtem Chiygoz arrived in Kyiv": both are there
                        ex.claim(ref, "LOCATED_IN", pl.ref, quote_span(text, sent, first_named, pl.end), 0.65, "residence")
            mt = _re.search(rf"\b(?:his|her)\s+({relatives})\s*,?\s*$", cx.before(p.start, 30), re.IGNORECASE)
            near = [a_ for a_, _b, r in cx.pronouns if r != p.ref and p.start - 30 <= a_ < p.start]
            if mt and near:
                ref = next(r for a_, _b, r in cx.pronouns if a_ == near[-1])
                ex.claim(p.ref, "RELATIVE_OF", ref, quote_span(text, sent, p.start - len(mt.group()), p.end), 0.7, "relative",
                         relation=mt.group(1).lower())
            for q in cx.people:
                mt = _re.fullmatch(rf"(?:’s|'s)\s+({relatives})\s*,?\s*", cx.between(q.end, p.start), re.IGNORECASE)
                if mt and q.ref != p.ref:
                    ex.claim(p.ref, "RELATIVE_OF", q.ref, quote_span(text, sent, q.start, p.end), 0.8, "relative",
                             relation=mt.group(1).lower())

        for pa, pb, ref in cx.pronouns:  # "a search of his residence in the village of Dubki"
            if cx.between(pa, pb).lower() in ("his", "her"):
                for pl in cx.places:
                    if 0 <= pl.start - pb <= 50 and _HOME_AFTER_RE.fullmatch(cx.between(pb, pl.start)):
                        ex.claim(ref, "LOCATED_IN", pl.ref, quote_span(text, sent, pa, pl.end), 0.6, "residence")
        for pa, pb, refs in cx.plurals:  # "They both currently remain in Kyiv"
            for pl in cx.places:
                if 0 <= pl.start - pb <= 60 and person_places(cx.between(pb, pl.start)):
                    for ref in refs:
                        ex.claim(ref, "LOCATED_IN", pl.ref, quote_span(text, sent, pa, pl.end), 0.6, "residence")

        # --- lawyers, judges, prosecutors, investigators
        for b_ in cx.people:
            for a_ in cx.people:
                if a_.ref == b_.ref:
                    continue
                if _re.fullmatch(rf"(?:’s|'s)\s+(?:defence\s+|defense\s+)?(?:{lawyer_words})\s*,?\s*", cx.between(a_.end, b_.start), re.IGNORECASE) \
                        or _re.fullmatch(rf",\s+(?:the\s+|a\s+)?(?:defence\s+|defense\s+)?(?:{lawyer_words})\s+(?:of|for|representing)\s+", cx.between(b_.end, a_.start), re.IGNORECASE) \
                        or re.fullmatch(r",?\s+who\s+(?:defends|represents|is defending|is representing|defended|represented)\s+", cx.between(b_.end, a_.start), re.IGNORECASE) \
                        or re.fullmatch(r"\s+(?:also\s+)?(?:defends|represents|defended|represented|is\s+defending|is\s+representing|has\s+"
                                        r"(?:defended|represented))\s+(?:[^.;“”]{0,80}?,?\s+including\s+)?", cx.between(b_.end, a_.start)) \
                        or re.fullmatch(r"\s+(?:is|was|has been|had been|are|were)\s+(?:defended|represented)\s+by\s+(?:(?:the\s+)?(?:lawyer|attorney|advocate)\s+)?", cx.between(a_.end, b_.start), re.IGNORECASE):
                    lo, hi = min(a_.start, b_.start), max(a_.end, b_.end)
                    lawyers.append((b_.ref, a_.ref, quote_span(text, sent, lo, hi), 0.85))
                    role_people.add(b_.ref)
                    ex.entities[b_.ref].attributes.setdefault("occupation", "lawyer")
            mt = _re.search(rf"\b(?:his|her)\s+(?:defence\s+|defense\s+)?(?<!rights )(?:{lawyer_words})\s*,?\s*$", cx.before(b_.start, 30), re.IGNORECASE)
            owner = [r for a_, _b, r in cx.pronouns if r != b_.ref and b_.start - 30 <= a_ < b_.start]
            if mt and owner and not any(lw[0] == b_.ref for lw in lawyers):
                lawyers.append((b_.ref, owner[-1], quote_span(text, sent, b_.start - len(mt.group()), b_.end), 0.7))
                role_people.add(b_.ref)
                ex.entities[b_.ref].attributes.setdefault("occupation", "lawyer")
            if _re.search(rf"(?<!rights )\b(?:{lawyer_words})\s*,?\s*$", cx.before(b_.start, 30), re.IGNORECASE) and not any(
                    lw[0] == b_.ref for lw in lawyers):
                lawyers.append((b_.ref, "", quote_span(text, sent, b_.start - 8, b_.end), 0.5))
                role_people.add(b_.ref)
                ex.entities[b_.ref].attributes.setdefault("occupation", "lawyer")
            for word, pred in (("judge", "JUDGE_IN"), ("prosecutor", "PROSECUTES"), ("investigator", "INVESTIGATES")):
                if _re.search(rf"\b{word}\s*,?\s*$", cx.before(b_.start, 20), re.IGNORECASE):
                    role_people.add(b_.ref)
                    ex.entities[b_.ref].attributes.setdefault("position", word)
                    lawyers.append((b_.ref, pred, quote_span(text, sent, b_.start - len(word) - 1, b_.end), 0.7))

        # --- charges and cases
        charged_now.clear()
        for mt in _CHARGE_RE.finditer(sent.text):
            a = sent.start + mt.start()
            role_people -= officials_acted_on(cx, a, a + len(mt.group()), role_people)
            if irrealis(cx.before(a, 80)):
                continue  # "could be charged with", "was never charged": no charge reported
            if re.match(r"(?:accused\s+(?!(?:him|her|them|the\s|of\b))|charged\s+(?!(?:him|her|them|with|under)\b))", mt.group(1)) and not any(
                    a <= m.start and m.end <= a + len(mt.group()) for m in cx.people):
                continue  # "accused Russia of ...": the accused is no person of the sentence
            targets, conf = _target(cx, a, a + len(mt.group()), role_people, speakers)
            for target in targets:
                _charge(ex, gaz, cases, text, sent, cx, mt, a, target, conf, speaker)
                charged_now.add(target)

        # --- sentences without a charge word: "X was sentenced to 12 years"
        for mt in re.finditer(r"\bsentenced\b", sent.text):
            if _CHARGE_RE.search(sent.text):
                continue
            a = sent.start + mt.start()
            if irrealis(cx.before(a, 80)):
                continue
            targets, conf = _target(cx, a, a + len(mt.group()), role_people, speakers)
            sent_m = _SENTENCE_RE.search(sent.text)
            for target in targets:
                case = _case(ex, cases, target)
                ex.claim(target, "DEFENDANT_IN", case, quote_span(text, sent, min(a, _first_ref_pos(cx, target, a)), a + 30),
                         conf, "sentence", procedural_status="convicted",
                         sentence=f"{sent_m.group(1)} years" if sent_m else None)
        for mt in re.finditer(r",?\s+who\s+(?:is|was|has\s+been|had\s+been)\s+(?:the\s+)?(?:subject|target|victim)\s+of\s+"
                              r"(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:persecution|prosecution|criminal\s+(?:case|proceedings))\b", sent.text):
            # "X, deputy chairperson of the Mejlis, who is the subject of politically motivated persecution"
            before = [p for p in cx.people if p.end <= sent.start + mt.start()
                      and (sent.start + mt.start() - p.end <= 3 or _APPOSITION_RE.match(cx.between(p.end, sent.start + mt.start()) + ", is"))]
            if before:
                p = before[-1]
                ex.claim(p.ref, "DEFENDANT_IN", _case(ex, cases, p.ref), quote_span(text, sent, p.start, sent.start + mt.end()), 0.55,
                         "case")
        for mt in re.finditer(r"\b(?:case|proceedings|criminal case|charges)\s+against\b|\b(?:criminal\s+)?prosecution\s+of\b",
                              sent.text, re.IGNORECASE):
            after = [p for p in cx.people if 0 <= p.start - (sent.start + mt.end()) <= 70]
            if after:
                p = after[0]
                case = _case(ex, cases, p.ref)
                ex.claim(p.ref, "DEFENDANT_IN", case, quote_span(text, sent, sent.start + mt.start(), p.end), 0.6, "case")

        # --- events
        if pending and INCLUDES_RE.match(sent.text) and cx.people:
            # "Russia has imprisoned ... This includes A, B and C": the people a group stood for.
            named = list(dict.fromkeys(m.ref for m in cx.people if m.ref not in role_people))
            for kind, pmt, psent, pcx, pspeaker in pending:
                for target in named:
                    emit(kind, pmt, psent, pcx, target, 0.55, pspeaker, sent, cx)
        pending = []
        found = [(gaz.trigger_kinds[mt.lastgroup or ""], mt) for mt in gaz.trigger_pattern.finditer(sent.text)]
        # One beating among electric shocks is one act of torture, not two events.
        tortured = any(kind == "torture" for kind, _mt in found)
        for kind, mt in found:
            kind = "torture" if tortured and kind == "ill_treatment" else kind
            a, b = sent.start + mt.start(), sent.start + mt.end()
            if kind == "conference":
                _conference(ex, text, sent, cx, mt, a, b, speaker)
                continue
            if kind in ("interrogation", "arrest") and mt.group().lower() in ("questioned", "seized") and not (
                    re.search(r"\b(?:was|were|been|being|is|are|get|got)\s+(?:\w+ly\s+)?$", cx.before(a, 25))
                    or re.match(r"\s+(?:him|her|them|(?:Mr|Mrs|Ms)\.?\s+)?[A-Z]", cx.after(b, 12))
                    or re.match(r"\s+(?:him|her|them)\b", cx.after(b, 8))):
                continue  # "has questioned the fairness of the trial", "seized equipment": nobody interrogated or arrested
            if kind == "arrest" and re.search(r"(?:\badministrative|\bhouse|\bdays?(?:’|'|’s|'s)?(?:\s+of)?)\s+$", cx.before(a, 20), re.IGNORECASE):
                continue  # "10 days of administrative arrest", "under house arrest": a penalty or a measure, not an arrest
            if kind == "detention" and re.match(r"\s+of\s+[^.;]{1,80}?\s(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                                                r"(?:again\s+|\w+ly\s+)?(?:extended|prolonged)\b", cx.after(b, 140)):
                kind = "detention_extension"  # "the detention of X, a journalist, was extended until May"
            if kind in ("arrest", "detention") and _EXTENDED_BEFORE_RE.search(cx.before(a, 60)):
                kind = "detention_extension"  # "extended X's arrest until June": the measure goes on, no new arrest
            if kind == "appeal" and _KIN_APPEAL_RE.match(cx.after(b, 60)):
                continue  # "an appeal of X's widow": the relative appealed, not X
            if kind != "pressure_to_cooperate" and irrealis(cx.before(a, 80)):
                # "could be sentenced", "risks being arrested", "was not detained": not reported as done
                # (an attempt to make someone inform is itself the pressure)
                continue
            if kind == "release" and (_RELEASED_THING_BEFORE_RE.search(cx.before(a, 30)) or _RELEASED_THING_AFTER_RE.match(cx.after(b, 50))):
                continue  # "a report released on 5 May", "released its annual report": a publication, nobody set free
            if kind in ("release", "exchange", "transfer") and _HORTATIVE_RE.search(cx.before(a, 60)):
                continue  # "calls for the immediate release of X", "X should be released": asked for, not done
            acts = [(sent.start + o.start(), sent.start + o.end()) for _k, o in found if o is not mt]
            victims = officials_acted_on(cx, a, b, role_people)
            role_people -= victims  # "lawyer X was detained": X is in this story as the one detained
            targets, conf = _target(cx, a, b, role_people, speakers if kind not in ("torture", "ill_treatment") else [], acts)
            if collective_object(cx.after(b, 80), [(pa - b, pb - b) for pa, pb, _g in cx.plurals]):
                targets = []  # "the detention of Ukrainian political prisoners": people the sentence does not name
            if not targets and kind not in _OWN_ACTS:
                pending.append((kind, mt, sent, cx, speaker))  # "... it has imprisoned. This includes A, B and C."
            for target in targets:
                emit(kind, mt, sent, cx, target, conf, speaker, sent, cx)
            if targets and kind in _GAPPED_KINDS:
                # "A and B being sent to Minusinsk, and C to Vladimir Central Prison": the verb left out, C moved too
                for p in cx.people:
                    if p.start > b and p.ref not in targets and _GAPPED_RE.search(cx.between(b, p.start)) \
                            and re.match(r"\s+to\s", cx.after(p.end, 5)):
                        n = len(ex.claims)
                        emit(kind, mt, sent, cx, p.ref, conf * 0.9, speaker, sent, cx)
                        # its place is the one after "to" in its own clause, not the first clause's
                        evs = {c.object for c in ex.claims[n:] if c.predicate == "PARTICIPANT_IN" and c.subject == p.ref}
                        ex.claims[n:] = [c for c in ex.claims[n:] if not (c.predicate == "LOCATED_IN" and c.subject in evs)]
                        to = next((pl for pl in cx.places if 0 <= pl.start - p.end <= 50 and re.fullmatch(
                            r"\s+to\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}", cx.between(p.end, pl.start))), None)
                        if to is not None:
                            for ev in evs:
                                ex.claim(ev, "LOCATED_IN", to.ref, quote_span(text, sent, p.start, to.end), 0.6, "event-place")

        collective_spans: list[tuple[int, int]] = []  # one act, one event: the group rules of acts.py skip these
        for mt in COLLECTIVE_RE.finditer(sent.text):
            a, b = sent.start + mt.start(), sent.start + mt.end()
            if _target(cx, a, b, role_people, speakers)[0] or _HORTATIVE_RE.search(cx.before(a, 60)):
                continue  # acts on people the sentence names are theirs, one event each
            perps = [o for o in cx.orgs if _perpetrates(cx, o, a, b) and ex.entities[o.ref].attributes.get("kind") != "court"]
            if not perps:
                continue  # "a surge of house searches": nobody said to do them, nothing a monitor could record
            kind = COLLECTIVE_ACTS[mt.group().lower()]
            where = next((pl for pl in cx.places if 0 <= pl.start - b <= 80 and re.search(_IN_PLACE, cx.between(b, pl.start))), None)
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
                         date=_nearest_date(dates, date_starts, sent, a))
            if where:
                ex.claim(ev, "LOCATED_IN", where.ref, quote_span(text, sent, a, where.end), 0.6, "event-place")

        for o, a, b in org_bans(sent.text, sent.start, cx.orgs):
            # "the banning of the Mejlis by the de facto authorities": an act against an organisation.
            name = ex.entities[o.ref].name
            courts = [c for c in cx.orgs if ex.entities[c.ref].attributes.get("kind") == "court"]
            appeal = bool(courts) and re.search(r"\b(?:upheld|upholds|uphold|rejected\s+(?:an?\s+|the\s+)?appeal|"
                                                r"dismissed\s+(?:an?\s+|the\s+)?appeal)\b", sent.text, re.IGNORECASE)
            ev = f"event:{o.ref.split(':', 1)[1]}-ban" + ("-appeal" if appeal else "")
            ex.entity(ev, "Event", ("Appeal court upholds the ban of " if appeal else "Ban on the activities of ") + name,
                      kind="appeal" if appeal else "other")
            for c in courts if appeal else ():  # "the Supreme Court upheld the ban": the court judges the appeal
                ex.claim(c.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(a, c.start), max(b, c.end)), 0.6,
                         "judge:appeal", role="judge", asserted_by=speaker)
            ex.claim(o.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(a, o.start), max(b, o.end)), 0.6, "event:ban",
                     role="target", date=_nearest_date(dates, date_starts, sent, a), asserted_by=speaker)
            for p in cx.orgs:
                if p is not o and _perpetrates(cx, p, a, b) and ex.entities[p.ref].attributes.get("kind") != "court":
                    ex.claim(p.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(a, p.start), max(b, p.end)), 0.6,
                             "perpetrator:ban", role="perpetrator", asserted_by=speaker)
            _event_place(ex, text, sent, cx, ev, "ban", min(a, o.start), max(b, o.end))

        for act in find_acts(sent.text, sent.start, cx.people, cx.orgs, cx.places, [(pa, pb) for pa, pb, _g in cx.plurals]):
            # raids by an agency, entry bans, meetings, attacks: events with no one named person as their target
            if irrealis(cx.before(act.start, 80)) or _HORTATIVE_RE.search(cx.before(act.start, 60)) \
                    or any(x < act.end and act.start < y for x, y in collective_spans):
                continue
            _act_event(ex, text, sent, act, speaker, _nearest_date(dates, date_starts, sent, act.start))

        def quote(lo: int, hi: int, sent: Sentence = sent) -> tuple[int, int]:
            return quote_span(text, sent, max(lo, sent.start), min(hi, sent.end))

        place_links(text, sent, cx.places, ex.entities, ex.claim, quote)
        from_place_lists(text, cx.people, cx.places, ex.claim, quote)
        org_links(text, cx.orgs, cx.people, cx.places, ex.claim, quote)
        if len(cx.groups):
            last_group = list(dict.fromkeys(m.ref for m in cx.groups[-1]))
            group_end = sent.end
        elif last_group and sent.end - group_end > _GROUP_REACH:
            last_group = []  # "they" paragraphs after a list means somebody else
        history.extend((m.ref, para) for m in cx.people)
    for ref, a, b in bylines(text, [m for m in mentions if m.label == "Person"], ex.entities, ex.claim)[:1]:
        name = ex.entities[ref].name
        ev = f"event:{slug(name)}-statement"
        ex.entity(ev, "Event", f"Statement by {name}", kind="statement")
        ex.claim(ref, "STATES", ev, (a, b), 0.7, "byline")
    events_in_cases(ex.claims, ex.entities, cases, ex.claim)
    statement_place(text, [m for m in entries if m.label == "Location"], ex.claims, ex.entities, ex.claim)
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
    _after_claims(text, sentences, mentions, ex, gaz)
    return ex


def _after_claims(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction, gaz: Gazetteer) -> None:
    """The rules that read the claims made so far: staff, relations, linked acts, acts in a named
    case, the document's issuer, facilities' towns. Imported here: these modules import this one."""
    from loaders.extract.accusations import statement_accusations
    from loaders.extract.affiliations import drop_charged_memberships, more_affiliations, settle_affiliations
    from loaders.extract.cases import more_cases
    from loaders.extract.claim_frames import (
        adherents,
        envoys,
        joint_reports,
        prosecutors_say,
        sibling_titles,
        speakers_bodies,
        unit_aliases,
    )
    from loaders.extract.doc_acts import series_publications
    from loaders.extract.doc_source import issuing_body
    from loaders.extract.event_links import acts_for_cases, acts_in_named_cases, link_events
    from loaders.extract.event_places import event_places, prune_event_places, statement_venues
    from loaders.extract.facilities import based_orgs, facility_places
    from loaders.extract.org_cases import ban_cases
    from loaders.extract.org_seats import org_places, sub_organisations
    from loaders.extract.org_statements import org_publications, reports_by
    from loaders.extract.place_parts import place_parts, residences
    from loaders.extract.record_acts import record_acts
    from loaders.extract.relations import extract_relations
    from loaders.extract.works_for import staff_affiliations

    more_cases(text, sentences, mentions, ex, gaz)
    ban_cases(text, sentences, mentions, ex)
    staff_affiliations(text, sentences, mentions, ex)
    more_affiliations(text, sentences, mentions, ex, gaz.cues)
    org_publications(text, sentences, mentions, ex)
    extract_relations(text, sentences, mentions, ex, gaz)
    reports_by(text, sentences, mentions, ex)
    link_events(text, sentences, ex)
    acts_in_named_cases(text, sentences, ex)
    acts_for_cases(text, sentences, ex)
    statement_accusations(text, sentences, mentions, ex)
    issuing_body(text, sentences, mentions, ex)
    series_publications(text, sentences, mentions, ex)
    record_acts(text, sentences, mentions, ex, gaz)
    facility_places(text, sentences, mentions, ex, gaz)
    based_orgs(text, sentences, mentions, ex, gaz)
    org_places(text, sentences, mentions, ex)
    prune_event_places(text, sentences, mentions, ex)
    event_places(text, sentences, mentions, ex)
    statement_venues(text, sentences, mentions, ex)
    place_parts(text, sentences, mentions, ex)
    residences(text, sentences, mentions, ex)
    sub_organisations(text, sentences, mentions, ex)
    unit_aliases(text, sentences, mentions, ex)
    adherents(text, sentences, mentions, ex)
    joint_reports(text, sentences, mentions, ex)
    drop_charged_memberships(text, sentences, ex)
    settle_affiliations(ex, gaz.cues["leadership"])
    speakers_bodies(text, sentences, mentions, ex)
    sibling_titles(text, sentences, mentions, ex)
    prosecutors_say(text, sentences, mentions, ex)
    envoys(text, sentences, mentions, ex)


def _charge(ex: Extraction, gaz: Gazetteer, cases: dict[str, str], text: str, sent: Sentence, cx: _Sent,
            mt: re.Match[str], a: int, target: str, conf: float, speaker: str | None) -> None:
    """DEFENDANT_IN and ACCUSED_OF for one defendant of a charge phrase, and their case."""
    case = _case(ex, cases, target)
    art = _ARTICLE_RE.search(sent.text, mt.start())
    # Quotation marks around a charge ("for “separatism”") are the article's, not the charge's.
    # "found guilty of having organized “mass disturbances”": the charge is the act's object.
    lead = re.match(r"\s*having\s+(?:been\s+)?[a-z]\w+(?=\s+[“\"\w])", sent.text[mt.end():mt.end() + 40])
    after = mt.end() + (lead.end() if lead else 0)
    tail = re.sub(r"[“”\"‘]", "", sent.text[after:after + 80]).lower()
    known = _charge_words(tuple(sorted(gaz.charge_keywords, key=len, reverse=True))).match(tail)
    charge = known.group(1) if known else None
    quoted = re.match(r"\s*(?:(?:alleged|purported)\s+)?[“\"]([^”\"]{3,80}?)[.,]?[”\"]", sent.text[after:after + 90])
    if charge is None and quoted:  # "for “organizing and participating in riots”": the charge as the article quotes it
        charge = quoted.group(1).lower()
    # "on fabricated terrorism charges", "extremism charges against X": the charge is inside the phrase.
    inside = re.search(r"(?:on|facing|faces?)\s+(?:(?:fabricated|trumped-up|alleged|politically motivated|bogus|false)\s+)*"
                       r"(\S.*?)\s+charges?\b(?!\s+of)", mt.group(1), re.IGNORECASE) \
        or re.match(r"(\S+)\s+charges\s+against", mt.group(1), re.IGNORECASE)
    if charge is None and inside:
        charge = inside.group(1).strip(" “”\"").lower()
        if re.fullmatch(r"(?:(?:unfounded|fabricated|trumped-up|bogus|false|baseless|spurious|absurd|politically|motivated|"
                        r"new|these|the|such|criminal|all|any|same|further)\s*)+", charge):
            charge = None  # "unfounded charges against these men": what the charges are worth, not what they are
    if charge is None and art:
        charge = f"RU CC {art.group(1)}"
    if charge is None and not re.search(r"\bagainst$", mt.group(1)):  # after "charges against" come the accused
        words = re.match(r"\s*(?:(?:the|a|an|his|her|their)\s+)?([\w\s’'-]{3,70}?)(?:[,.;]|$| and | after | in )", tail)
        charge = words.group(1).strip() if words and len(words.group(1).strip()) >= 4 else None
    charge = re.sub(r"^(?:the|a|an|his|her|their)\b\s*", "", charge or "", flags=re.IGNORECASE) or None
    if charge and len(charge) < 4:
        charge = None
    article = art.group(1) if art else gaz.charge_keywords.get(charge) if charge else None
    case_d = ex.entities[case]
    if article:
        charges = case_d.attributes.setdefault("charges", [])
        if f"RU CC {article}" not in charges:
            charges.append(f"RU CC {article}")
    if charge:  # a charge the sentence does not name is left out, not written as "unspecified"
        case_d.attributes.setdefault("charge_description", charge)
    status = next((v for k, v in _STATUS.items() if mt.group(1).lower().startswith(k)), "accused")
    sent_m = _SENTENCE_RE.search(sent.text)
    span = quote_span(text, sent, min(a, _first_ref_pos(cx, target, a)), a + len(mt.group()) + 20)
    ex.claim(target, "DEFENDANT_IN", case, span, conf, "charge", asserted_by=speaker if speaker != target else None,
             procedural_status=status, charge=charge,
             sentence=f"{sent_m.group(1)} years" if sent_m else None)
    if charge:  # accused of what: a charge phrase that names no charge ("charges against these men") is not one
        ex.claim(target, "ACCUSED_OF", case, span, conf, "charge", asserted_by=speaker if speaker != target else None,
                 charge=charge)


# How far (characters) "they" or "both men" reaches back to the last list of people.
_GROUP_REACH = 700
# Acts of the person themselves (a hunger strike): they take part, nobody does it to them.
_OWN_ACTS = ("hunger_strike", "protest")
class _CachedRe:
    """``re.search``/``match``/``fullmatch`` for patterns built per sentence from the gazetteers:
    compiled once and kept (the ``re`` module's own cache is small and these are many)."""

    @staticmethod
    @lru_cache(maxsize=4096)
    def _compile(pattern: str, flags: int) -> re.Pattern[str]:
        return re.compile(pattern, flags)

    def search(self, pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return self._compile(pattern, flags).search(text)

    def match(self, pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return self._compile(pattern, flags).match(text)

    def fullmatch(self, pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return self._compile(pattern, flags).fullmatch(text)


_re = _CachedRe()
_HORTATIVE_RE = re.compile(r"(?:\b(?:should|must|to)\s+be\s+(?:\w+ly\s+(?:and\s+)?){0,3}|\bcall(?:s|ed|ing)?\s+(?:on\s+[^.;]{0,40}?\s+)?"
                           r"(?:for|to)\s+[^.;]{0,30}|\b(?:demand|urge|seek|press)(?:s|ed|ing)?\s+[^.;]{0,30}|"
                           r"\bwould\s+(?:welcome|support)\s+[^.;]{0,20})$", re.IGNORECASE)
# The speech verbs a pronoun speaker takes ("he said", "she told reporters"); not "he believes".
_PRONOUN_SPEECH_RE = re.compile(r"\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:said|says|told|tells|stated|states|wrote|writes|"
                                r"added|adds|explained|explains|noted|notes|recalled|recalls|recounted|stressed|stresses|"
                                r"emphasi[sz]ed|insisted|insists|claimed|claims|complained|testified|alleged)\b")
_KIN_APPEAL_RE = re.compile(r"[^.;]{0,50}?(?:’s|'s)\s+(?:widow|wife|husband|mother|father|son|daughter|brother|sister|"
                            r"family|relatives)\b")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "the lawyer said", "the activist told reporters": a person named before by their occupation speaks.
_ROLE_SPEAKER_RE = re.compile(r"\b[Tt]he\s+(lawyer|attorney|advocate|activist|journalist|blogger|imam|ombudsman|ombudsperson)\s+"
                              r"(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|stated|added|noted|explained|stressed|wrote|recalled)\b")
_EXTENDED_BEFORE_RE = re.compile(r"\b(?:extended|prolonged)\s+(?:the\s+|his\s+|her\s+|their\s+|"
                                 r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}(?:’s|'s)\s+)(?:pre-trial\s+)?$")
_THINGS = r"(?:reports?|statements?|videos?|documents?|data|films?|footage|books?|lists?|figures|information|findings|recordings?|letters?)"
_RELEASED_THING_BEFORE_RE = re.compile(rf"\b{_THINGS}\s+(?:was\s+|were\s+|been\s+)?$", re.IGNORECASE)
_RELEASED_THING_AFTER_RE = re.compile(rf"\s+(?:its|their|his|her|a|an|the)\s+(?:[\w-]+\s+){{0,3}}{_THINGS}\b", re.IGNORECASE)
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "professor", "sheikh"}
@lru_cache(maxsize=8)
def _charge_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """The charge keywords as one pattern, longest first (the first that matches wins)."""
    return re.compile(r"\s*(" + "|".join(re.escape(k) for k in words) + r")\b")


_FEMININE = ("ova", "eva", "yova", "ina", "yna", "ska", "aya", "kaya")


def _antecedent(named: list[str], pronoun: str, ex: Extraction, officials: set[str]) -> str | None:
    """Whom a pronoun means: the last person named whose grammatical gender fits, officials
    (judges, prosecutors, lawyers) last; the last person named when nothing fits better."""
    if not named:
        return None
    want_female = pronoun in ("she", "her")
    for skip_officials in (True, False):
        for ref in reversed(named[-6:]):
            if skip_officials and ref in officials:
                continue
            words = ex.entities[ref].name.split() if ref in ex.entities else []
            if not words:
                continue
            surname, given = anyascii(words[-1]).lower(), anyascii(words[0]).lower()
            female = surname.endswith(_FEMININE) or (len(words) > 1 and given.endswith(("a", "e")))
            if female == want_female:
                return ref
    return named[-1]


def _event(ex: Extraction, gaz: Gazetteer, people: dict[str, Person], target: str, kind: str, after: str) -> str:
    """The event of ``kind`` that happened to ``target`` (one per person and kind in an article)."""
    tname = ex.entities[target].name
    ev = f"event:{slug(tname)}-{kind.replace('_', '-')}"
    template = gaz.event_names.get(kind, "{Kind} of {name}")
    name = template.format(name=tname, Kind=kind.replace("_", " ").capitalize())
    org = re.match(r"\s*(?:with|for)\s+(?:the\s+)?([A-Z][\w-]+)", after) if kind == "pressure_to_cooperate" else None
    if org:
        name += f" with the {org.group(1)}"
    have = ex.entities.get(ev)
    ex.entity(ev, "Event", name, kind=gaz.event_kinds.get(kind, kind))
    if have is not None and org and not have.name.endswith(org.group(1)):
        have.name = name  # a later sentence names who the cooperation was for
    if have is None and kind in ("torture", "pressure_to_cooperate", "ill_treatment"):
        ex.entities[target].sensitive = True  # at risk: redacted wherever the graph leaves the tool
    return ev


def case_of(ex: Extraction, cases: dict[str, str], defendant: str) -> str:
    """The key of ``defendant``'s case (one LegalCase per defendant, "Case against X"), made on first use
    and recorded in ``cases`` (defendant key -> case key)."""
    if defendant not in cases:
        name = ex.entities[defendant].name
        key = f"case:{slug(name)}"
        ex.entity(key, "LegalCase", f"Case against {name}")
        cases[defendant] = key
    return cases[defendant]


_case = case_of  # the claim rules' own name for it


def _first_ref_pos(cx: _Sent, ref: str, default: int) -> int:
    pos = [m.start for m in cx.people if m.ref == ref] + [a for a, _b, r in cx.pronouns if r == ref]
    near = [p for p in pos if p <= default]
    return max(near) if near else default


def _last_ref_pos(cx: _Sent, ref: str, default: int) -> int:
    pos = [m.end for m in cx.people if m.ref == ref] + [b for _a, b, r in cx.pronouns if r == ref]
    near = [p for p in pos if p >= default]
    return min(near) if near else default


def _target(cx: _Sent, a: int, b: int, exclude: set[str], speakers: list[tuple[str, int, int]],
            acts: Sequence[tuple[int, int]] = ()) -> tuple[list[str], float]:
    """Whom an event or charge is about: the person nearest before the trigger, else just after,
    else a pronoun; with the people named together with them ("X and Y were detained")."""
    # A speaker named before the trigger reports what happened to someone else ("X said the
    # FSB arrested ..."); what happened to the speaker comes through a pronoun ("X said he ...").
    spoken = {s[1] for s in speakers if s[2] <= a}
    cands: list[tuple[float, list[str], float]] = []
    # "Y, the wife of X, said her husband was tortured": the act's subject is a relative the sentence does not name here.
    kin = [pa for pa, pb, _r in cx.pronouns if pb <= a and cx.between(pa, pb).lower() in ("his", "her")
           and RELATIVE_AFTER_RE.match(cx.after(pb, 30)) and not re.search(r"[,;]", cx.between(pb, a))]
    for m in cx.people:
        if m.ref in exclude or m.start in spoken or (kin and m.end <= kin[-1]):
            continue
        if m.end <= a and re.match(r"(?:’s|'s)", cx.after(m.end, 3)) and RELATIVE_AFTER_RE.match(cx.after(m.end + 2, 30)) \
                and not re.search(r"[,;]", cx.between(m.end, a)):
            continue  # "X's father was killed": the father, whom the sentence does not name
        if m.end <= a:
            # An apposition between the name and its verb does not put them apart:
            # "Akhtem Chiygoz, deputy leader of the Mejlis – the body outlawed in Russia – was arrested".
            gap = _APPOSITION_RE.sub("", cx.between(m.end, a), count=1)
            dist: float = len(gap) if gap != cx.between(m.end, a) else a - m.end
            if re.search(r"[;]|\band\b[^,]*\b(?<!who )(?<!which )(?:was|were|is)\b", cx.between(m.end, a)):
                dist += 80
            cands.append((dist, cx.group_of(m.ref), 0.8))
        elif m.start >= b and not other_act(cx, b, m.start, acts):
            # "searched the homes of believers and detained X": X is the object of the second verb only.
            cands.append((m.start - b + 15, cx.group_of(m.ref), 0.7))
    for m in cx.people:  # inside the trigger: "detained the Deputy of the Mejlis X for"
        if a <= m.start and m.end <= b and m.ref not in exclude and m.start not in spoken:
            cands.append((0, cx.group_of(m.ref), 0.75))
    for pa, pb, ref in cx.pronouns:
        word = cx.between(pa, pb).lower()
        if ref in exclude or (word in ("his", "her") and RELATIVE_AFTER_RE.match(cx.after(pb, 30))):
            continue  # "her husband was tortured": the husband, not the woman who speaks of him
        if a <= pa and pb <= b:  # inside the trigger: "pressured him to", "accused them of"
            cands.append((0, [ref], 0.6))
        elif pb <= a:
            cands.append((a - pb, [ref], 0.6))
        elif pa >= b and not other_act(cx, b, pa, acts) and (word != "his" and (word != "her" or pa - b <= 2)):
            # "sentenced to six years for practising his faith": a possessive after the act is not its object
            cands.append((pa - b + 15, [ref], 0.55))
    for pa, pb, group in cx.plurals:
        refs = [r for r in group if r not in exclude]
        if cx.between(pa, pb).lower() == "their" and not (a <= pa and pb <= b):
            continue  # "raids on their homes" names whose; "their alleged adherence" after a verb need not
        if refs and a <= pa and pb <= b:
            cands.append((0, refs, 0.6))
        elif refs and pb <= a:
            cands.append((a - pb, refs, 0.6))
        elif refs and pa >= b and not other_act(cx, b, pa, acts):
            cands.append((pa - b + 15, refs, 0.55))
    cands.sort(key=lambda c: c[0])
    if not cands or cands[0][0] > 120:
        # "Oleg Sentsov was arrested in May, and convicted ..., on charges of terrorism": the one person
        # of the sentence, its subject, is who every act of it is about.
        subject = [m for m in cx.people if m.start - cx.s.start <= 2 and m.ref not in exclude and m.start not in spoken
                   and re.match(r"(?:,[^,;]{1,80},)?\s+(?:was|were|is|are|has|have|had)\b", cx.after(m.end, 90))]
        if subject and len({m.ref for m in cx.people}) == 1 and subject[0].end <= a:
            return [subject[0].ref], 0.6
        return [], 0.0
    dist, refs, conf = cands[0]
    conf = max(c for d, r, c in cands if r == refs and d <= dist + 120)  # a pronoun for people named here
    others = {x for _d, r, _c in cands for x in r if x not in refs}
    return refs, conf - (0.1 if others else 0.0)


_APPOSITION_RE = re.compile(r"^,[^,;()“”]{1,90}?(?:\s[–—]\s[^–—;]{1,120}\s[–—]\s*|,\s*)(?=(?:who\s+)?(?:was|were|is|has|had|have)\b)")


def _applicant(text: str, people: list[Mention]) -> str | None:
    """The one applicant a judgment names ("The applicant, Mr X, ...", "X (“the applicant”)"), else None."""
    refs = set()
    for m in people:
        if re.search(r"\bthe\s+applicant,?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$", text[max(0, m.start - 30):m.start], re.IGNORECASE) \
                or re.match(r"\s*\(\s*[“\"]the\s+applicant[”\"]\s*\)", text[m.end:m.end + 25], re.IGNORECASE):
            refs.add(m.ref)
    return next(iter(refs)) if len(refs) == 1 else None


def _paragraph_of(newlines: list[int], pos: int) -> int:
    """The offset of the newline before ``pos`` (-1 in the first paragraph), by bisection."""
    i = bisect.bisect_left(newlines, pos)
    return newlines[i - 1] if i else -1


_IN_PLACE = r"\b(?:in|at|near)\s+(?:the\s+)?(?:(?:illegally\s+)?(?:occupied|annexed)\s+)?" \
            r"(?:(?:village|town|city|settlement|township)\s+of\s+)?$"


# Between an act and a place that is not the act's: a topic ("a video about the situation in"), another
# time's clause ("two days after he spoke at a rally in"), a relative clause, a source ("according to").
# A clause of its own ("as he was returning to his family in"), a comparison ("like other cases in"), a participle
# whose place it is ("an organisation banned in").
TOPIC_BREAK_RE = re.compile(r"\b(?:about|regarding|concerning|after|before|when|while|since|until|because|following|who|which|"
                             r"whom|whose|where|said|says|told|according|like|unlike|but)\b|\b(?:he|she|they|it|we|I)\s+(?:was|were|is|are|"
                             r"had|has|have|\w+ed)\b|\b\w+(?:ed|en)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _event_place(ex: Extraction, text: str, sent: Sentence, cx: _Sent, ev: str, kind: str, a: int, b: int,
                 acts: Sequence[tuple[int, int]] = ()) -> None:
    """LOCATED_IN for an event: the place named just after its trigger ("detained in Simferopol",
    "transferred to Minusinsk"), else the one place the sentence puts it in ("In Bakhchysarai, ...")."""
    if kind in ("verdict", "trial", "hearing", "detention_extension", "appeal"):
        # "the Southern District Military Court in Rostov-on-Don sentenced": where the court sits.
        for o in cx.orgs:
            pl = next((p for p in cx.places if re.fullmatch(r",?\s+(?:in|of)\s+(?:the\s+)?", cx.between(o.end, p.start))), None)
            if pl is not None and ex.entities[o.ref].attributes.get("kind") == "court" and _perpetrates(cx, o, a, b):
                ex.claim(ev, "LOCATED_IN", pl.ref, quote_span(text, sent, min(a, o.start), max(b, pl.end)), 0.7, "court-place")
                return
    if kind == "release":
        dest = release_destination(text, sent.start, cx.places, a)
        if dest is not None:
            ex.claim(ev, "LOCATED_IN", dest.ref, quote_span(text, sent, dest.start, b), 0.65, "release-destination")
            return
    where = _IN_PLACE if kind not in ("transfer",) else r"\b(?:in|at|near|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$"
    seats = {pl.ref for pl in cx.places for o in cx.orgs if ex.entities[o.ref].attributes.get("kind") == "court"
             and o.end <= pl.start and re.fullmatch(r",?\s+(?:in|at)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?",
                                                    cx.between(o.end, pl.start))}
    if kind not in ("verdict", "trial", "hearing", "detention_extension", "appeal"):
        # "detained on 3 May, the day the court in Simferopol ...": a court's town is not where it detains
        seats |= {pl.ref for pl in cx.places if re.search(r"\bcourt[”\"]?\s+(?:in|of)\s+(?:the\s+)?$", cx.before(pl.start, 30), re.IGNORECASE)}
    for pl in cx.places:
        gap = cx.between(b, pl.start)
        into = kind == "transfer" and not gap.strip() and re.search(r"\bto\s*$", text[a:b])  # "sent to Minusinsk"
        if pl.ref in seats:
            continue  # "detention by the District Court in Simferopol": where the court sits, not the act
        if 0 <= pl.start - b <= 160 and (into or re.search(where, gap)) and not other_act(cx, b, pl.start, acts) and not re.search(r"[;]|\b(?:and|but)\s+(?:was|were|is|are)\b", gap) \
                and not CLAUSE_VERB_RE.search(gap) and not TOPIC_BREAK_RE.search(gap):
            ex.claim(ev, "LOCATED_IN", pl.ref, quote_span(text, sent, a, pl.end), 0.7, "event-place-into" if into else "event-place")
            return
    # "..., who assembled in Simferopol to witness the release of X": a relative clause's place is its own verb's.
    located = {pl.ref: pl for pl in cx.places if pl.ref not in seats and re.search(_IN_PLACE, cx.before(pl.start, 40), re.IGNORECASE)
               and not re.search(r"\b(?:who|which|whom|where)\s+[^,;()]*$", cx.before(pl.start, 80), re.IGNORECASE)
               # "convicted ... and transferred to a colony in X", "detained in X and sentenced": the other verb's place
               and not (pl.start >= b and other_act(cx, b, pl.start, acts))
               and not TOPIC_BREAK_RE.search(cx.between(b, pl.start) if pl.start >= b else cx.between(pl.end, a))
               and not (pl.end <= a and re.search(r"\b(?:and|then|but)\s+(?:\w+\s+)?$", cx.between(pl.end, a)))
               and ex.entities[pl.ref].attributes.get("kind") not in ("country", "region")}
    if len(located) == 1:
        pl = next(iter(located.values()))
        ex.claim(ev, "LOCATED_IN", pl.ref, quote_span(text, sent, min(a, pl.start), max(b, pl.end)), 0.6, "event-place-one")


def _perpetrates(cx: _Sent, o: Mention, a: int, b: int) -> bool:
    """Whether organisation ``o`` is the one doing the act whose trigger is ``text[a:b]``:
    "the FSB detained", "the Court in Rostov-on-Don sentenced", "detained by the FSB",
    "the detention by Russia of ...", "violations by Russia, including the detention of ..."."""
    if 0 <= a - o.end <= 60 and re.fullmatch(
            r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*(?![^,]*\b(?:and|which|who|that|said|says|where|when)\b)[^,;()“”]{1,80},\s*)?"
            r"(?:(?:in|of)\s+[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?\s*)?(?:officers?\s+|agents?\s+|have\s+|had\s+|has\s+)?"
            r"(?:also\s+)?(?:\w+ly\s+)?(?:tried to\s+|attempted to\s+)?"
            r"(?:(?:carried|carries|carry)\s+out\s+|conducted\s+|staged\s+|launched\s+|(?:held|holds|hold)\s+)?(?:(?:a|an|the|new)\s+)?",
            cx.between(o.end, a)):
        return True
    if 0 <= o.start - b <= 50 and re.match(r"\s*(?:[\w\s]{0,25}?)\bby\s+(?:the\s+)?(?:(?:officers|members) of\s+(?:the\s+)?)?"
                                          r"(?:(?:Russian|Ukrainian|so-called|de\s+facto|local|occupation)\s+){0,2}$",
                                          cx.between(b, o.start)):
        return True
    # "the detention of X, Y and Z by Russian occupation authorities": "by" right before the agency.
    if 0 <= o.start - b <= 160 and re.search(r"\bby\s+(?:the\s+)?(?:(?:officers|members) of\s+(?:the\s+)?)?$", cx.before(o.start, 30)) \
            and not re.search(r"[;]|\b(?:and|but|while|which|who)\s+(?:was|were|is|are|has|have)\b", cx.between(b, o.start)) \
            and not (o.start - b > 40 and _OTHER_AGENT_RE.search(cx.between(b, o.start))):
        return True
    # "the trial of X continued at the Southern District Military Court": the court where a court's act takes place holds it.
    if 0 <= o.start - b <= 80 and o.entry is not None and o.entry.attributes.get("kind") == "court" and re.fullmatch(
            r"(?:\s*[^,;()“”]{1,60}?)?\s+(?:(?:began|begins|opened|opens|continued|continues|resumed|resumes|started|starts|"
            r"was\s+held|were\s+held|took\s+place|is\s+held|are\s+held|was\s+heard|took\s+place)\s+)?(?:at|in|before)\s+(?:the\s+)?",
            cx.between(b, o.start)):
        return True
    # "Russia’s detention of X", "the Russian Federation’s continued imprisonment of X": the owner of a nominal act does it.
    if 0 <= a - o.end <= 40 and _POSSESSIVE_AGENT_RE.fullmatch(cx.between(o.end, a)) \
            and re.search(r"\bof\s*$|^\w*\s+of\b", cx.between(a, b + 12)):
        return True
    # "security forces shot X during a raid and search of his home": the subject of the clause did the act it was doing it during.
    if 0 <= a - o.end <= 120 and _DURING_RE.fullmatch(cx.between(o.end, a)):
        return True
    # "calls on Russia to release the Ukrainians it has imprisoned": "it" is the last state named before.
    if re.search(r"\b(?:it|which)\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:\w+ly\s+)?$", cx.before(a, 40)) \
            and o.entry is not None and o.entry.attributes.get("kind") == "government" and o.end <= a:
        states = [x for x in cx.orgs if x.end <= a and x.entry is not None and x.entry.attributes.get("kind") == "government"]
        return states[-1] is o
    # "by ORG" earlier in the sentence governs a later nominal act ("violations by Russia ... including the detention").
    # Only a nominal act ("the detention of"): a verb ("were flown to Turkey") has a subject of its own.
    return 0 <= a - o.end <= 120 and bool(re.search(r"\bby\s+(?:the\s+)?$", cx.before(o.start, 10))) \
        and not re.search(r"[.;]|\b(?:after|before|during|since|following|when|while|until)\b", cx.between(o.end, a)) \
        and not _VERBAL_RE.match(cx.between(a, b))  # "beaten by FSB officers after his arrest": another time, another act


def _coordinated_agent(cx: _Sent, o: Mention, a: int, acts: Sequence[tuple[int, int]]) -> bool:
    """"ORG searched the homes of ... and detained X": the agency of the first verb does the second,
    joined to it by "and" in the same clause (no relative clause or passive between; another agent
    before the second verb would stand between "and" and it)."""
    if not re.search(r"\band\s+(?:then\s+|later\s+|also\s+|subsequently\s+)?$", cx.before(a, 20)) and not (
            # "Russia detained X, sentenced him to ten years and ...": a list of verbs with one subject (the object
            # pronoun right after says the verb is active, not "X, sentenced to ten years, ...")
            re.search(r",\s+(?:then\s+|later\s+)?$", cx.before(a, 12)) and re.match(r"\w*\s+(?:him|her|them)\b", cx.between(a, a + 16))):
        return False
    for x, y in acts:
        if o.end <= x and y <= a and _perpetrates(cx, o, x, y) and not re.search(
                r"[.;:]|\b(?:who|which|that|was|were|is|are|had\s+been|has\s+been)\b", cx.between(y, a)):
            return True
    return False


# Between the subject and a nominal act in its "during" adjunct: "shot X during a raid and", "detained him in the course of the".
_DURING_RE = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:\w+ly\s+)?[a-z]+(?:ed|ot|ok|eld|eat|ew)\s+(?![^,;.]*\b(?:who|which|that|was|were|by)\b)"
                        r"[^,;.]{0,60}?\s+(?:during|in\s+the\s+course\s+of)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?")
# Between an agent's possessive and its nominal act: "’s", "'s", an adjective or two ("continued illegal").
_POSSESSIVE_AGENT_RE = re.compile(r"(?:’s|'s)\s+(?:(?:illegal|arbitrary|unlawful|continued|ongoing|recent|unjust|wrongful|"
                                  r"politically\s+motivated|baseless|latest|brutal|cruel|unjustified)\s+){0,2}")
# "... propagated by X", "the report by X": a "by" far from the act names the agent of another word.
_OTHER_AGENT_RE = re.compile(r"\b(?:\w+ed|report|reports|statement|study|survey|ruling|decision|remarks|comments|letter|"
                             r"resolution|calls?)\s+by\s+(?:the\s+)?(?:(?:officers|members) of\s+(?:the\s+)?)?$")
_HOME_AFTER_RE = re.compile(r"\s+(?:home|house|flat|apartment|residence)\s+in\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?")
_VERBAL_RE = re.compile(r"(?:was|were|been|being|is|are)\b|\w+(?:ed|wn|en|ent)\b(?!\s+of\b)")


def _nearest_date(dates: list[tuple[int, int, str]], starts: list[int], sent: Sentence, a: int) -> str | None:
    lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
    inside = [d for d in dates[lo:hi] if d[1] <= sent.end]
    if not inside:
        return None
    return min(inside, key=lambda d: abs(d[0] - a))[2]


def _conference(ex: Extraction, text: str, sent: Sentence, cx: _Sent, mt: re.Match[str], a: int, b: int,
                speaker: str | None = None) -> None:
    """A summit or conference someone took part in, with its participants and place (the sentence's speaker, who
    says what it "stated in the common statement of the Summit", when nobody else is named as taking part)."""
    verb = _PARTICIPATE_RE.search(sent.text[:mt.start()])
    if not verb or re.search(r"\b(?:press|news)\s+$", sent.text[max(0, mt.start() - 8):mt.start()], re.IGNORECASE):
        return
    phrase = re.match(r"(?:\s+of\s+(?:the\s+)?[\w\s’'-]{2,60}?)(?=\s+in\b|\s+on\b|,|\.|$)", sent.text[mt.end():])
    # "the Crimea Platform Summit": the capitalised words before the trigger name it (not a date's)
    lead = re.search(r"(?:\b[A-Z][\w’'-]*\s+){1,5}$", sent.text[:mt.start()])
    lead_words = [w for w in (lead.group().split() if lead else []) if not re.fullmatch(r"\d+|[A-Z][a-z]+day|" + _MONTHS, w)]
    while lead_words and lead_words[0] in ("The", "A", "An", "At", "In", "During", "As"):
        lead_words.pop(0)
    name = " ".join([*lead_words, (mt.group() + (phrase.group() if phrase else "")).strip()])
    ev = f"event:{slug(name)}"
    place = next((pl for pl in cx.places if 0 <= pl.start - b <= 80 and re.search(r"\bin\s+$", cx.between(b, pl.start))), None)
    ex.entity(ev, "Event", name[:1].upper() + name[1:] + (f" in {ex.entities[place.ref].name}" if place else ""),
              kind="conference", date=None)
    verb_pos = sent.start + verb.start()
    # Only the clause that says who took part names them: "X was detained on the day the EU
    # spoke at the Summit" makes the EU, not X, a participant (X may come back by a pronoun
    # of that clause: "X was detained after he spoke at the Summit").
    cut = [m.end() for m in re.finditer(r"[;:]|\b(?:while|whereas|when|where|after|before|because|since|although|"
                                        r"though|until|once|the\s+day)\b", sent.text[:verb.start()], re.IGNORECASE)]
    clause = sent.start + cut[-1] if cut else sent.start
    inside = {m.ref for m in cx.people if m.start >= clause} | {ref for pa, _pb, ref in cx.pronouns if pa >= clause} \
        | {r for pa, _pb, group in cx.plurals if pa >= clause for r in group}
    # "X was detained as the European Union spoke at the Summit": an organisation right before
    # the verb (not "X of Crimean Solidarity attended") is its subject; people before it are not.
    subject = [o for o in cx.orgs if clause <= o.start and o.end <= verb_pos and not ex.entities[o.ref].generic
               and re.fullmatch(r"\s*(?:has\s+|have\s+|had\s+)?(?:also\s+)?", cx.between(o.end, verb_pos))
               and not re.search(r"\b(?:of|from|at|for|with|by|in|and|or|to|on)\s+(?:the\s+)?$", cx.before(o.start, 20))]
    if subject:
        clause = subject[-1].start
        inside = {ref for pa, _pb, ref in cx.pronouns if pa >= clause}
    earlier = {m.ref for m in cx.people if m.end <= clause} - inside
    who, conf = _target(cx, verb_pos, verb_pos + len(verb.group()), earlier, [])
    if not who:  # "As the United States reaffirmed during the Summit": the organisation that took part
        who = [o.ref for o in cx.orgs if o.end <= verb_pos and not ex.entities[o.ref].generic and re.fullmatch(
            r"\s*(?:\([^()]{1,20}\)\s*)?(?:,[^,;()]{1,80},\s*)?(?:has\s+|have\s+|had\s+)?(?:also\s+)?", cx.between(o.end, verb_pos))][-1:]
        conf = 0.6
    if not who and speaker and re.match(r"(?:reaffirmed|stated|said|declared|agreed|announced)\b", verb.group(), re.IGNORECASE) \
            and ex.entities[speaker].label == "Organisation" and not ex.entities[speaker].generic:
        who, conf = [speaker], 0.55
    for w in who:
        ex.claim(w, "PARTICIPANT_IN", ev, quote_span(text, sent, verb_pos, b), conf, "conference", role="participant")
    if place:
        ex.claim(ev, "LOCATED_IN", place.ref, quote_span(text, sent, a, place.end), 0.75, "event-place")


# A gapped clause: ", and C to P" after a verb of moving someone (the verb is not repeated).
_GAPPED_KINDS = ("transfer",)
_GAPPED_RE = re.compile(r"^[^.;]{1,120}?,\s+and\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?$")


def _act_event(ex: Extraction, text: str, sent: Sentence, act: Act, speaker: str | None, date: str | None) -> None:
    """One event for an act of :mod:`loaders.extract.acts`, with its targets, agents, participants and places."""
    def name_of(m: Mention) -> str:
        return ex.entities[m.ref].name if m.ref in ex.entities else m.text

    where = ", ".join(name_of(p) for p in act.places)
    if act.kind == "meeting" and act.participants:
        name = f"Meeting with {name_of(act.participants[0])}"
    elif act.name == "Entry ban":
        on = " and ".join(name_of(t) for t in act.targets)
        name = f"Entry ban{' on ' + on if on else ''} to {where}"
    elif act.name in ("Conscription into", "Referendum in"):
        name = f"{act.name} {name_of((act.perpetrators or act.places)[0])}"
    elif act.name in ("Rally", "Demonstration", "Protest", "Picket", "March"):
        name = f"{act.name} with {name_of(act.participants[0])}"
    elif act.perpetrators and act.kind in ("search", "interrogation"):
        name = f"{act.name} by {name_of(act.perpetrators[0])}"
    else:
        name = act.name[:1].upper() + act.name[1:]
    ev = f"event:{slug(name)[:90]}"
    ex.entity(ev, "Event", name, kind=act.kind)
    ex.trigger(ev, act.start, act.end)
    # the state that holds a referendum organises it
    joined = "organiser" if act.name == "Referendum in" else "participant"
    for role, who in (("target", act.targets), ("perpetrator", act.perpetrators), (joined, act.participants)):
        for m in who:
            ex.claim(m.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(act.start, m.start), max(act.end, m.end)), 0.6,
                     f"{role}:{act.kind}", role=role, asserted_by=speaker, date=date)
    for m in act.organisers:
        ex.claim(m.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(act.start, m.start), max(act.end, m.end)), 0.6,
                 f"organiser:{act.kind}", role="organiser", asserted_by=speaker, date=date)
    for gov, m, role in act.states:  # the government of a country the text names as a place
        ex.entity(gov, "Organisation", name_of(m), kind="government")
        ex.claim(gov, "PARTICIPANT_IN", ev, quote_span(text, sent, min(act.start, m.start), max(act.end, m.end)), 0.55,
                 f"{role}:{act.kind}:state", role=role, asserted_by=speaker, date=date)
    for m in act.issuers:
        ex.claim(m.ref, "STATES", ev, quote_span(text, sent, min(act.start, m.start), max(act.end, m.end)), 0.6, "issuer:other",
                 date=date)
    for p in act.places:
        ex.claim(ev, "LOCATED_IN", p.ref, quote_span(text, sent, act.start, max(act.end, p.end)), 0.6, "event-place")
    if not act.places and act.land:  # "Crimean Tatar media": the article's Crimea, when it names it
        land = next((k for k, e in ex.entities.items() if e.label == "Location" and e.name == act.land), None)
        if land is not None:
            ex.claim(ev, "LOCATED_IN", land, quote_span(text, sent, act.start, act.end), 0.5, "event-place:implied")
