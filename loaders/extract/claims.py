"""Claims from sentences: rules over the mentions of one sentence.

Each rule reads a pattern of mentions and cue words (roles, event triggers, charges,
speech verbs; all from the gazetteers) and yields claims in the ontology's predicates,
each with the character span of its quote, a speaker where the sentence attributes the
statement, and a confidence that says how sure the rule is (lower when a pronoun was
resolved or the target was one of several people).
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.acts import relative_antecedent
from loaders.extract.claim_model import ClaimDraft, EntityDraft, Extraction, SentenceMentions, quote_span
from loaders.extract.claim_model import case_of as case_of
from loaders.extract.claim_parts import (
    EXTENDED_BEFORE_RE,
    GAPPED_KINDS,
    GAPPED_RE,
    HONORIFICS,
    HORTATIVE_RE,
    KIN_APPEAL_RE,
    RELEASED_THING_AFTER_RE,
    RELEASED_THING_BEFORE_RE,
    after_claims,
    conference_event,
    court_witness,
    gapped_terms,
    person_event,
)
from loaders.extract.claim_people import people_facts, role_facts
from loaders.extract.claim_speakers import find_speakers, source_statements
from loaders.extract.claim_steps import (
    ban_events,
    byline_statement,
    charges_and_cases,
    collective_acts,
    lawyer_claims,
    publications,
    release_call_events,
    speaker_statements,
    target_free_acts,
    title_affiliations,
)
from loaders.extract.claim_targets import TOPIC_BREAK_RE as TOPIC_BREAK_RE
from loaders.extract.claim_targets import (
    agent_list,
    antecedent,
    coordinated_agent,
    find_applicant,
    find_targets,
    first_ref_pos,
    last_ref_pos,
    nearest_date,
    paragraph_of,
    perpetrates,
    place_event,
)
from loaders.extract.events import (
    INCLUDES_RE,
    article_groups,
    collective_object,
)
from loaders.extract.gazetteer import Gazetteer, load_gazetteer
from loaders.extract.group_anaphora import apposed_groups
from loaders.extract.guards import (
    UNNAMED_RE,
    irrealis,
    officials_acted_on,
)
from loaders.extract.held_groups import held_group_events
from loaders.extract.links import (
    events_in_cases,
    from_place_lists,
    org_links,
    place_links,
    statement_place,
)
from loaders.extract.mentions import Mention, Person, Sentence, find_dates

__all__ = ["EntityDraft", "ClaimDraft", "Extraction", "extract_claims", "quote_span"]

# A prosecutor's request for a term (a hearing), and the next co-defendant's term in it ("... and 10 years for B")
_REQUEST_RE = re.compile(r"(?:prosecutors?|prosecution)\b", re.IGNORECASE)
_TERM_FOR_RE = re.compile(r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                          r"sixteen|seventeen|eighteen|nineteen|twenty)[\w-]*(?:[- ]and[- ]a[- ]half)?[- ]years?\s+"
                          r"(?:(?:in|of)\s+(?:jail|prison)\s+)?for\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?$", re.IGNORECASE)

_APPLICANT_RE = re.compile(r"\bthe\s+applicant\b(?!s)", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"\b(?:he|she|him|her|his)\b", re.IGNORECASE)


def _title_re(words: list[str]) -> str:
    return _title_alternation(tuple(words))


@lru_cache(maxsize=64)
def _title_alternation(words: tuple[str, ...]) -> str:
    """The words as one alternation, longest first (built once per cue list, not per article)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_case = case_of  # the claim rules' own name for it
_after_claims = after_claims  # its name before it moved to claim_parts

# How far (characters) "they" or "both men" reaches back to the last list of people.
_GROUP_REACH = 700
# Acts of the person themselves (a hunger strike): they take part, nobody does it to them.
_OWN_ACTS = ("hunger_strike", "protest")
# A custodial measure told after someone was "detained": "... detained X. The FSB ... placed him in pre-trial detention".
# The first act is then the arrest, the measure the detention (as the annotators of other writers read it).
# A trial told after the sentence it led to: "following a sham trial", "in a seriously flawed trial".
_TRIAL_AFTER_RE = re.compile(r"(?:following|after|in|to|through)\s+(?:a|an|two|separate|two\s+separate)\s", re.IGNORECASE)
# "X and Y were given lengthy jail sentences": the sentencing of each defendant the sentence names (README, round 13
# conv13b point 5); a sentence given to people named elsewhere ("the four men ... given ...") stays a conviction.
_GIVEN_SENTENCE_RE = re.compile(r"given\b", re.IGNORECASE)
# An act that did not happen to the person (auditfix15): prevented ("a ban that prevents him from taking part in
# demonstrations"), the dead honoured ("a sign honoring those killed in Kyiv"), or planned ("after his release, X
# will remain under control": the ``will`` is checked after the trigger), or a person's things seized.
_UNREAL_BEFORE_RE = re.compile(
    r"(?:\b(?:prevents?|prevented|preventing|bars?|barred|barring|prohibits?|prohibited|prohibiting|forbids?|forbade|forbidden)"
    r"\s+(?:\w+\s+){0,2}from\s+(?:\w+\s+){0,3}"
    r"|\b(?:honou?r(?:s|ed|ing)?|commemorat\w+|mourn(?:s|ed|ing)?|memory\s+of|tribute\s+to)\s+(?:all\s+)?"
    r"(?:those|the\s+people|people|the\s+victims|victims)\s+)$", re.IGNORECASE)
_AFTER_OWN_RE = re.compile(r"\b(?:after|upon|following)\s+(?:his|her|their)\s+$", re.IGNORECASE)
_WILL_RE = re.compile(r"\bwill\b")
# "His laptop and phones were seized": a person's things taken, no arrest of the person.
_THINGS_SEIZED_RE = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){1,5}(?:was|were|(?:had|have|has)\s+been)\s+$", re.IGNORECASE)


def _unreal_act(sent: Sentence, mt: re.Match[str]) -> bool:
    """Whether the trigger ``mt`` of ``sent`` names an act prevented, the dead honoured, or one still to come."""
    before = sent.text[max(0, mt.start() - 80):mt.start()]
    return bool(_UNREAL_BEFORE_RE.search(before)) or bool(
        _AFTER_OWN_RE.search(before) and _WILL_RE.search(sent.text[mt.end():])) or bool(
        mt.group().lower().startswith(("seiz", "confiscat")) and _THINGS_SEIZED_RE.search(before))


_MEASURE_RE = re.compile(r"\b(?:placed|remanded|put)\s+(?:(?:him|her|them)\s+)?in\s+(?:pre-trial\s+|investigative\s+)?"
                         r"(?:detention|custody)\b|\b(?:pre-trial|investigative)\s+detention\b", re.IGNORECASE)

# A possessive release asked for ("pleading for her son's release", "fought for X's release"): no release reported.
_FOR_RELEASE_RE = re.compile(r"\bfor\s+(?:[\w’'-]+\s+){1,4}$|\b(?:secure|securing|obtain|obtaining|achieve|achieving)\s+"
                             r"(?:[\w’'-]+\s+){1,4}$", re.IGNORECASE)
# "the released prisoners", "the newly freed men": a word describing people, no release told of anyone named.
_RELEASED_ADJ_BEFORE_RE = re.compile(r"\b(?:the|these|those|all|other|newly|recently)\s+$", re.IGNORECASE)
_RELEASED_ADJ_AFTER_RE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:prisoners|detainees|men|women|people|hostages|captives|"
                                    r"activists|journalists|sailors|Ukrainians|Crimeans|Tatars)\b")
# "seized in Ukraine by Russian-backed separatists": taken by non-state armed men, an abduction (README, round 12
# conv12a: "an abduction by non-state actors"), not an arrest by the authorities.
_NON_STATE_BY_RE = re.compile(r"(?:\s+(?:in|on|at|near|from)\s+[^,;.“”]{1,40}?)?\s+by\s+(?:[\w-]+\s+){0,3}?(?:separatists?|militants?|rebels?|"
                              r"gunmen|insurgents?|paramilitar(?:y|ies)|armed\s+(?:men|groups?|formations?))\b", re.IGNORECASE)
# "the release of X as well as the growing number of Crimeans the authorities have imprisoned": the act's agent holds the
# group named after X, not X (README, round 13 conv13b point 2: X is among them only where the words say "other").
# "imprisoned Ukrainians apparently abducted by Russia": a "by" right after a later act is its own; not of acts joined as
# one ("detained and interrogated by the FSB", "arrested, then charged by ...").
_BY_NEXT_RE = re.compile(r"\s+by\s+(?:the\s+)?")
_JOINED_ACTS_RE = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?(?:then\s+|later\s+|subsequently\s+)?(?:\w+ly\s+)?(?:(?:was|were|been)\s+)?")
_ALSO_GROUP_RE = re.compile(r"\b(?:as\s+well\s+as|along\s+with|together\s+with|in\s+addition\s+to)\s")
# A person searched: their name or pronoun right before "was searched" (or right after "searched", "the search of").
_WAS_RE = re.compile(r"\s+(?:was|were)\s+")
_HOME_AFTER_RE = re.compile(r"[^.;]{0,60}?(?:’s|')s?\s+(?:home|house|flat|apartment|residence|office)s?\b")
# A court's ruling that someone stays held until a date: the measure extended ("ruled that X will be held in pre-trial
# detention until 15 May", "ordered that X remain in custody until 5 May"), not a new detention nor one only foreseen.
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_HELD_UNTIL_RE = re.compile(rf"\s+until\s+(?:at\s+least\s+)?(?:\d{{1,2}}\s+)?(?:{_MONTH_NAMES}|\d)")
_RULED_HELD_RE = re.compile(r"\b(?:ruled|ordered|decided|decreed)\s+that\s+[^.;]{1,80}?\b(?:will|would|should|shall|must|to)?\s*"
                            r"(?:be\s+)?$")
# "taken to the FSB building for questioning": taken there to be questioned (one interrogation, not a transfer).
_FOR_QUESTIONING_RE = re.compile(r"[^.;,]{1,40}?\s+for\s+(?:an?\s+)?(?:questioning|interrogation)\b", re.IGNORECASE)

# A detention word that names a place ("pre-trial detention centre", "a detention facility") or where one is visited
# ("they had been visited in detention by officers"): no act of detaining.
_DETENTION_PLACE_RE = re.compile(r"\s+(?:centres?|centers?|facilit(?:y|ies)|cells?|units?|isolators?|camps?|wards?)\b", re.IGNORECASE)
# Who speaks a quotation: "said X, “...", "X said: “...", "“...,” said X, “...".
_SAID_BEFORE_RE = re.compile(r"\b(?:said|says|added|adds|stated|states|noted|notes|told\s+\w+)\s+(?:[\w’'.-]+\s+){0,5}$")
_SAID_AFTER_RE = re.compile(r"\s*,?\s*(?:said|says|added|adds|stated|states|noted|notes)[\s,:;]*")


def _quote_speaker(text: str, s0: int, a: int, inside: list[Mention]) -> str | None:
    """The person the sentence names as the speaker of a quotation still open at ``a`` (a pronoun in it):
    'said X, “...', 'X said: “...'; None when no quotation is open or nobody is named saying it."""
    opened = text.rfind("“", s0, a)
    if opened < 0 or text.rfind("”", opened, a) >= 0:
        return None
    m = next((m for m in reversed(inside) if m.label == "Person" and m.end <= opened), None)
    if m is None:
        return None
    between = text[m.end:opened]
    if re.fullmatch(r"[\s,:;]*", between) and _SAID_BEFORE_RE.search(text, max(s0, m.start - 60), m.start) \
            or _SAID_AFTER_RE.fullmatch(between):
        return m.ref
    return None


# A fronted participle clause: "Speaking at his trial, ", "Addressing the court in her final statement, ".
_FRONTED_RE = re.compile(r"\s*(?-i:[A-Z])[a-z]+ing\s+[^,;.“”\"]{3,60}?,\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?")
# "Like X, he ...", "Unlike X, she ...": the pronoun is not X.
_LIKE_RE = re.compile(r"\b(?:Like|Unlike)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_HELD_IN_RE = re.compile(r"\b(?:held|kept|remains?|remained|incarcerated|imprisoned|detained|placed|locked\s+up|confined)\s+"
                         r"(?:in|at|into)\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
_VISITED_IN_RE = re.compile(r"\bvisit(?:ed|ing|s)?\s+(?:(?:him|her|them|[A-Z][\w’'-]+)\s+)?in\s+(?:pre-trial\s+)?$", re.IGNORECASE)
# "transfer of explosives", "possession and transfer of weapons and ammunition": goods, not a person moved.
_TRANSFERRED_GOODS_RE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:explosives?|explosive\s+devices?|weapons?|arms|ammunition|"
                                   r"firearms?|guns?|drugs?|narcotics?|grenades?|money|funds|cash|property|data|information|"
                                   r"documents?|power|authority|powers|territor(?:y|ies)|land)\b")


def extract_claims(text: str, sentences: list[Sentence], entries: list[Mention], people: list[Person],
                   gaz: Gazetteer | None = None) -> Extraction:
    """Entities and claims of one article from its sentences and resolved mentions."""
    gaz = gaz or load_gazetteer()
    ex = Extraction()
    person_by_key = {p.key: p for p in people}
    for person in people:
        position = person.position if person.position.lower() not in HONORIFICS else ""
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
    title_res = (lead_re, member_re, work_re, org_title_re)
    lawyer_words = _title_re(cues["lawyer"])
    speech_after = _title_re(cues["speech_after"])
    org_speech = _title_re(cues["org_speech"])
    occupations = _title_re(cues["occupations"])
    relatives = _title_re(cues["relatives"])

    trigger_matches: dict[tuple[int, str], list[re.Match[str]]] = {}
    trigger_spans: dict[tuple[int, str], list[tuple[int, int]]] = {}

    def sentence_matches(sent: Sentence) -> list[re.Match[str]]:
        """Every trigger of ``sent`` (the one scan of the sentence the event, charge and act rules share)."""
        key = (sent.start, sent.text)
        found = trigger_matches.get(key)
        if found is None:
            found = trigger_matches[key] = list(gaz.trigger_scan.finditer(sent.text))
        return found

    def sentence_triggers(sent: Sentence) -> list[tuple[int, int]]:
        """Every trigger's span in ``sent`` (scanned once per sentence, not once per event)."""
        key = (sent.start, sent.text)
        if key not in trigger_spans:
            trigger_spans[key] = [(sent.start + o.start(), sent.start + o.end()) for o in sentence_matches(sent)]
        return trigger_spans[key]

    def emit(kind: str, mt: re.Match[str], sent: Sentence, cx: SentenceMentions, target: str, conf: float, speaker: str | None,
             named_in: Sentence, ncx: SentenceMentions) -> None:
        """The claims of one event of ``kind`` (trigger ``mt`` in ``sent``) that happened to ``target``,
        named in ``named_in`` (the same sentence, or the next one that lists the people)."""
        witness = kind in ("hearing", "trial", "verdict", "charge") and court_witness(ncx, target)
        if ex.entities[target].label != "Person" or (witness and kind != "hearing") or _unreal_act(sent, mt):
            return  # (a witness the court hears is no defendant: of a hearing, a witness; of the rest, nothing)
        a, b = sent.start + mt.start(), sent.start + mt.end()
        if named_in is sent:
            span = quote_span(text, sent, min(a, first_ref_pos(cx, target, a)), max(b, last_ref_pos(cx, target, b)))
        else:
            at = next(m for m in ncx.people if m.ref == target)
            span = quote_span(text, named_in, named_in.start, at.end)
        if kind == "convicted" and _GIVEN_SENTENCE_RE.match(mt.group()) and any(m.ref == target for m in cx.people):
            kind = "verdict"
        if kind == "convicted":
            ex.claim(target, "DEFENDANT_IN", _case(ex, cases, target), span, conf, "case:convicted",
                     procedural_status="convicted")
            return
        # The date goes on the claim, not the event: two sources that date one arrest
        # differently are two pieces of evidence, not a conflict that refuses the files.
        date = nearest_date(dates, date_starts, sent, a)
        if kind == "trial" and _TRIAL_AFTER_RE.match(mt.group(0)):
            # "sentenced on 27 September, following a sham trial": that date is the sentence's, not the trial's
            date = next((d for x, _y, d in dates if a <= x and _y <= sent.end), None)
        # the witnesses a hearing hears are of one hearing (the first witness's), not a hearing each
        first = next((m.ref for m in ncx.people if court_witness(ncx, m.ref)), target) if witness else target
        ev = person_event(ex, gaz, person_by_key, first, kind, sent.text[mt.end():mt.end() + 40])
        if witness:
            ex.entities[ev].name = f"Court hearing with witness {ex.entities[first].name}"
        ex.trigger(ev, a, b)
        ex.claim(target, "PARTICIPANT_IN", ev, span, conf, f"event:{kind}",
                 role="witness" if witness else "participant" if kind in _OWN_ACTS else "target", date=date,
                 asserted_by=speaker if speaker != target or kind in ("torture", "ill_treatment") else None)
        if kind in ("verdict", "trial"):  # a sentence or a trial has a defendant and a case
            ex.claim(target, "DEFENDANT_IN", _case(ex, cases, target), span, conf, f"case:{kind}",
                     procedural_status="convicted" if kind == "verdict" else "defendant")
        acts = [(x, y) for x, y in sentence_triggers(sent) if x != a]
        agents = [o for o in cx.orgs if kind not in _OWN_ACTS and (perpetrates(cx, o, a, b) or coordinated_agent(cx, o, a, acts))
                  and not any(p is not o and p.start <= o.start and o.end <= p.end and p.end - p.start > o.end - o.start
                              for p in cx.orgs)]
        if named_in is sent and kind not in _OWN_ACTS:
            named_at = first_ref_pos(cx, target, a)
            between = cx.between(named_at, a) if named_at < a else ""
            if _ALSO_GROUP_RE.search(between) and not re.search(r"\bothers?\b", between, re.IGNORECASE) \
                    and not any(named_at < m.start < a and m.ref != target for m in cx.people):
                agents = []  # "release X as well as the Crimeans the authorities have imprisoned": their holder, not X's
        # "imprisoned Ukrainians apparently abducted by Russia": the "by" of a later act told of them is that act's agent
        # (a court's stays: "sentenced ... after a trial by a military court", the court of the trial sentences too)
        agents = [o for o in agents if ex.entities[o.ref].attributes.get("kind") == "court" or not any(
            b < x and y <= o.start and _BY_NEXT_RE.fullmatch(cx.between(y, o.start)) and not _JOINED_ACTS_RE.fullmatch(cx.between(b, x))
            for x, y in acts)]
        # (a state named inside a longer agency's name, "the Federal Security Service of the Russian Federation", is no agent)
        # (with the agencies listed together with one: "officers of the FSB, the Ministry ..., and the National Guard")
        for o in agents + agent_list(cx, agents):
            is_court = ex.entities[o.ref].attributes.get("kind") == "court"
            court = kind in ("verdict", "trial", "hearing", "detention_extension", "appeal") and is_court  # a court judges
            if is_court and not court and kind != "detention_extension":
                continue  # a court decides; it does not detain, search or transfer anybody itself
            ex.claim(o.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, min(o.start, a), max(o.end, b)), 0.65,
                     f"perpetrator:{kind}", role="judge" if court else "perpetrator", asserted_by=speaker)
        if kind in ("arrest", "search", "detention", "torture", "ill_treatment", "release", "verdict", "transfer",
                    "killing", "exchange", "disappearance", "hearing", "appeal"):
            place_event(ex, text, sent, cx, ev, kind, a, b, acts)
        if kind == "psychiatric_detention" and target in cases:
            # "during the pre-trial investigation, X was confined in a psychiatric institution": a step of X's case
            ex.claim(ev, "PART_OF", cases[target], span, min(conf, 0.65), "event-case:psychiatric")
        if kind in ("detention", "search") and target in charged_now and named_in is sent:
            # "He was detained and charged with ...": the detention is a step of that case.
            ex.claim(ev, "PART_OF", cases[target], span, min(conf, 0.7), "event-case")

    applicant = find_applicant(text, [m for m in mentions if m.label == "Person"])
    body = text[sentences[0].end:] if sentences else ""
    body_arrests = bool(re.search(r"\barrest(?:ed|s)?\b", body, re.IGNORECASE)) and not re.search(
        r"\b(?:detained|detention|custody)\b", body, re.IGNORECASE)
    charged_now: set[str] = set()  # the people a charge of the current sentence names
    pending: list[tuple[str, re.Match[str], Sentence, SentenceMentions, str | None]] = []
    groups_in_article = article_groups(text, [m for m in mentions if m.label == "Person"])
    groups_in_article += apposed_groups(text, [m for m in mentions if m.label == "Person"], groups_in_article)
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
        para = paragraph_of(para_starts, sent.start)
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
            prev = [r for r, p_ in history[-8:] if p_ == para] + [m.ref for m in inside if m.label == "Person" and m.end <= a
                                                                  and not _LIKE_RE.search(text, max(sent.start, m.start - 12), m.start)]
            # ("Like X, he was accused": he is somebody else, named before)
            quoter = _quote_speaker(text, sent.start, a, inside)
            if quoter is not None:  # 'said X, “including his confinement ...”': X would say "my"; "his" is another man's
                prev = [r for r in prev if r != quoter]
            if all(r in role_people for r in prev) and not UNNAMED_RE.search(text, max(para + 1, a - 600), a):
                # "The applicant was arrested ... he": somebody this paragraph does not name is not the last man named;
                # "Lawyer X said he ...": the client named in the paragraph before.
                prev = [r for r, p_ in history[-8:] if p_ == last_para] + prev
            ante = antecedent(prev, pm.group().lower(), ex, role_people)
            fronted = _FRONTED_RE.match(sent.text)
            if fronted and pm.end() <= fronted.end():
                # "Speaking at his trial, X said ...": the pronoun of a fronted clause is its subject's, named after the comma
                subject = next((m for m in inside if m.start >= sent.start + fronted.end()), None)
                if subject is not None and subject.label == "Person" and subject.start - sent.start - fronted.end() <= 12:
                    ante = subject.ref
            if ante:
                pron.append((a, sent.start + pm.end(), ante))
        cx = SentenceMentions(sent, inside, pron, last_group, groups_in_article)

        # --- speakers: who says this sentence
        speakers = find_speakers(text, sent, cx, ex, history, para, last_para, speech_after, org_speech)
        speaker = speakers[0][0] if speakers else None
        if speaker:
            speakers_by_para[para] = speaker
        elif sent.text.lstrip().startswith(("“", "\"")) or para in speakers_by_para:
            # Quoted speech continues: the paragraph's speaker says it (set when found later).
            speaker = speakers_by_para.get(para)
        published = publications(text, sent, cx, ex)
        sources = source_statements(text, sent, cx, ex, speakers, published)
        speaker_statements(text, sent, ex, speakers, published, sources)

        # --- leadership and membership: "<title> of ORG PERSON", "PERSON, <title> of ORG"
        title_affiliations(text, sent, cx, ex, title_res, cues["leadership"])

        # --- occupations, residence, relatives
        people_facts(text, sent, cx, ex, occupations, relatives)

        # --- lawyers, judges, prosecutors, investigators
        role_facts(text, sent, cx, ex, lawyers, role_people, lawyer_words)

        # --- charges and cases
        charges_and_cases(text, sent, cx, ex, gaz, cases, role_people, charged_now, speakers, speaker, sentence_matches(sent))

        # --- events
        if pending and INCLUDES_RE.match(sent.text) and cx.people:
            # "Russia has imprisoned ... This includes A, B and C": the people a group stood for.
            named = list(dict.fromkeys(m.ref for m in cx.people if m.ref not in role_people))
            for kind, pmt, psent, pcx, pspeaker in pending:
                for target in named:
                    emit(kind, pmt, psent, pcx, target, 0.55, pspeaker, sent, cx)
        pending = []
        found = [(gaz.trigger_kinds[mt.lastgroup or ""], mt) for mt in sentence_matches(sent)]
        # One beating among electric shocks is one act of torture, not two events.
        tortured = any(kind == "torture" for kind, _mt in found)
        for kind, mt in found:
            kind = "torture" if tortured and kind == "ill_treatment" else kind
            a, b = sent.start + mt.start(), sent.start + mt.end()
            if kind == "conference":
                conference_event(ex, text, sent, cx, mt, a, b, speaker)
                continue
            if kind in ("interrogation", "arrest") and mt.group().lower() in ("questioned", "seized") and not (
                    re.search(r"\b(?:was|were|been|being|is|are|get|got)\s+(?:\w+ly\s+)?$", cx.before(a, 25))
                    or re.match(r"\s+(?:him|her|them|(?:Mr|Mrs|Ms)\.?\s+)?[A-Z]", cx.after(b, 12))
                    or re.match(r"\s+(?:him|her|them)\b", cx.after(b, 8))):
                continue  # "has questioned the fairness of the trial", "seized equipment": nobody interrogated or arrested
            if kind == "interrogation" and re.search(r"\b(?:detained|arrested|held|taken)\s+(?:(?:him|her|them|"
                                                      r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+)?for\s+$", cx.before(a, 60)):
                continue  # "detained him for interrogation": the detention's purpose, told as one act
            if kind == "arrest" and re.search(r"(?:\badministrative|\bhouse|\bdays?(?:’|'|’s|'s)?(?:\s+of)?)\s+$", cx.before(a, 20), re.IGNORECASE):
                continue  # "10 days of administrative arrest", "under house arrest": a penalty or a measure, not an arrest
            if kind == "detention" and re.search(r"\b(?:sentenced|jailed|given)\b[^.;]{0,60}?\b\d+\s+(?:days?|hours?)\s+(?:in|of)\s+"
                                                r"(?:administrative\s+)?$", cx.before(a, 90), re.IGNORECASE):
                continue  # "sentenced X to 25 days in administrative detention": the penalty of the verdict, not a detention
            if kind == "detention" and mt.group().lower() in ("imprisoned", "jailed") and (
                    re.match(r"\s+(?:solely|simply|only|merely|just)\s+for\b", cx.after(b, 20))
                    or re.search(r"\b(?:is|are|remains?)\s+(?:\w+ly\s+)?$", cx.before(a, 20)) and re.match(r"\s+for\b", cx.after(b, 6))):
                continue  # "X is imprisoned for his religious activity", "imprisoned solely for": a plight and its reason
            if kind == "detention" and re.match(r"\s+of\s+[^.;]{1,80}?\s(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                                                r"(?:again\s+|\w+ly\s+)?(?:extended|prolonged)\b", cx.after(b, 140)):
                kind = "detention_extension"  # "the detention of X, a journalist, was extended until May"
            if kind == "detention" and sent.start == 0 and body_arrests:
                kind = "arrest"  # a headline's "Detained" for what the article's body calls an arrest (and never a detention)
            elif kind == "detention" and mt.group().lower() == "detained":
                measure = _MEASURE_RE.search(text, b, min(len(text), b + 400))
                if measure is not None and "\n" not in text[b:measure.start()] and not re.search(
                        r"\b(?:detained|detention|arrested|released)\b", text[b:measure.start()], re.IGNORECASE):
                    kind = "arrest"
            if kind in ("arrest", "detention") and EXTENDED_BEFORE_RE.search(cx.before(a, 60)):
                kind = "detention_extension"  # "extended X's arrest until June": the measure goes on, no new arrest
            if kind == "release" and mt.group().lower() == "release" and _FOR_RELEASE_RE.search(cx.before(a, 60)):
                continue  # "pleading for her son's release", "a campaign for X's release": sought, not done
            if kind == "release" and any(k == "exchange" and 0 <= sent.start + o.start() - b <= 3 for k, o in found):
                continue  # "released in a prisoner swap": the exchange is the event (its own trigger follows)
            if kind == "release" and mt.group().lower() == "released" and _RELEASED_ADJ_BEFORE_RE.search(cx.before(a, 12)) \
                    and _RELEASED_ADJ_AFTER_RE.match(cx.after(b, 40)):
                continue  # "the evidence of the released prisoners, including X": no release told here
            if kind == "arrest" and _NON_STATE_BY_RE.match(cx.after(b, 90)):
                kind = "disappearance"  # "seized in Ukraine by Russian-backed separatists": an abduction
            if kind == "search" and mt.group().lower() in ("searched", "search of", "searches of") \
                    and not _HOME_AFTER_RE.match(cx.after(b, 80)) \
                    and not any(0 <= a - y <= 10 and _WAS_RE.fullmatch(text[y:a]) or 0 <= x - b <= 6
                                for x, y in [*((m.start, m.end) for m in cx.people), *((p[0], p[1]) for p in cx.pronouns),
                                             *((g[0], g[1]) for g in cx.plurals)]):
                continue  # "the mosque was searched", "searched Simferopol": no person searched (a home is the rules above)
            if kind == "detention" and (_DETENTION_PLACE_RE.match(cx.after(b, 20)) and not _HELD_IN_RE.search(cx.before(a, 60))
                                        or _VISITED_IN_RE.search(cx.before(a, 30))):
                continue  # "transferred from pre-trial detention centre", "visited in detention": a place, no act of detaining
                # (who "remains incarcerated in the P pre-trial detention centre" is held there: a detention)
            if kind == "transfer" and _TRANSFERRED_GOODS_RE.match(cx.after(b, 60)):
                continue  # "accused of possession and transfer of explosives": goods handed on, nobody moved
            if kind == "transfer" and _FOR_QUESTIONING_RE.match(cx.after(b, 50)):
                kind = "interrogation"  # "X was taken to the FSB for questioning": the questioning is the act
            if kind == "appeal" and KIN_APPEAL_RE.match(cx.after(b, 60)):
                continue  # "an appeal of X's widow": the relative appealed, not X
            until = kind == "detention" and _HELD_UNTIL_RE.match(cx.after(b, 40)) is not None \
                and _RULED_HELD_RE.search(cx.before(a, 120)) is not None
            if until:
                kind = "detention_extension"  # "the court ruled that X will be held in pre-trial detention until 15 May"
            if kind != "pressure_to_cooperate" and not until and irrealis(cx.before(a, 80)):
                # "could be sentenced", "risks being arrested", "was not detained": not reported as done
                # (an attempt to make someone inform is itself the pressure)
                continue
            if kind == "release" and (RELEASED_THING_BEFORE_RE.search(cx.before(a, 30)) or RELEASED_THING_AFTER_RE.match(cx.after(b, 50))):
                continue  # "a report released on 5 May", "released its annual report": a publication, nobody set free
            if kind in ("release", "exchange", "transfer") and HORTATIVE_RE.search(cx.before(a, 60)):
                continue  # "calls for the immediate release of X", "X should be released": asked for, not done
            acts = [(sent.start + o.start(), sent.start + o.end()) for _k, o in found if o is not mt]
            victims = officials_acted_on(cx, a, b, role_people)
            role_people -= victims  # "lawyer X was detained": X is in this story as the one detained
            # "three missing activists, A, B and C": the people the phrase lists after it, not those before
            named_after = role_people | {m.ref for m in cx.people if m.end <= a} if mt.group().lower().startswith("missing ") \
                else role_people
            # (a speaker before a torture is often its victim, "X said he was beaten"; one after the quote never is;
            # who "announced a hunger strike" holds it)
            own = kind in _OWN_ACTS and re.match(r"(?i)announc|declar", mt.group()) is not None
            targets, conf = find_targets(cx, a, b, named_after, speakers if kind not in ("torture", "ill_treatment") and not own else
                                         [s for s in speakers if s[1] >= b], acts)
            if not targets and (who := relative_antecedent(cx.people, sent.text, sent.start, a)) is not None:
                targets, conf = [who], 0.6  # "X, who has been detained ..., and who has announced a hunger strike"
            if collective_object(cx.after(b, 80), [(pa - b, pb - b) for pa, pb, _g in cx.plurals]):
                targets = []  # "the detention of Ukrainian political prisoners": people the sentence does not name
            if not targets and kind not in _OWN_ACTS:
                pending.append((kind, mt, sent, cx, speaker))  # "... it has imprisoned. This includes A, B and C."
            for target in targets:
                emit(kind, mt, sent, cx, target, conf, speaker, sent, cx)
            if targets and kind == "verdict":  # "A was sentenced to 19 years, B to 18 years": B's verdict too
                for p in gapped_terms(cx, b, targets):
                    emit(kind, mt, sent, cx, p.ref, conf * 0.9, speaker, sent, cx)
            if targets and kind == "hearing" and _REQUEST_RE.match(mt.group()):
                # "asked for 23 years for A and 10 years for B": B's request too (one event per co-defendant)
                for p in cx.people:
                    if p.start > b and p.ref not in targets and _TERM_FOR_RE.search(cx.before(p.start, 40)):
                        targets.append(p.ref)
                        emit(kind, mt, sent, cx, p.ref, conf * 0.9, speaker, sent, cx)
            if targets and kind in GAPPED_KINDS:
                # "A and B being sent to Minusinsk, and C to Vladimir Central Prison": the verb left out, C moved too
                for p in cx.people:
                    if p.start > b and p.ref not in targets and GAPPED_RE.search(cx.between(b, p.start)) \
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

        collective_spans = collective_acts(text, sent, cx, ex, role_people, speakers, speaker, dates, date_starts)

        ban_events(text, sent, cx, ex, speaker, dates, date_starts)

        release_call_events(text, sent, cx, ex, gaz, person_by_key, speaker)

        held_group_events(text, sent, cx, ex, speaker)

        target_free_acts(text, sent, cx, ex, speaker, dates, date_starts, collective_spans)

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
    byline_statement(text, mentions, ex)
    events_in_cases(ex.claims, ex.entities, cases, ex.claim, ex.triggers)
    statement_place(text, [m for m in entries if m.label == "Location"], ex.claims, ex.entities, ex.claim)
    lawyer_claims(ex, lawyers, cases)
    after_claims(text, sentences, mentions, ex, gaz)
    return ex
