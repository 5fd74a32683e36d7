"""Who says a sentence: the speakers the claim rules of :mod:`loaders.extract.claims` find in it."""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.claim_model import Extraction, SentenceMentions, quote_span
from loaders.extract.claim_parts import PRONOUN_SPEECH_RE, ROLE_SPEAKER_RE, cached_re
from loaders.extract.gazetteer import slug
from loaders.extract.mentions import Mention, Sentence

# "X reported on the activities of ...", "she writes about ...": a journalist's coverage.
# ("reported on 5 May that", "wrote on Monday": a date, not what is covered)
COVERED_RE = re.compile(r"[\s,]*(?:has\s+|had\s+|also\s+)?(?:reported|reports|wrote|writes|written)\s+(?:on|about)\b"
                        r"(?!\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                        r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))")
# "..., stated Commissioner X, releasing a report on his mission": the statement is the report's publication.
RELEASING_REPORT_RE = re.compile(r",\s+(?:releasing|publishing|presenting|issuing)\s+(?:a|an|his|her|its|their|the)\s+"
                                  r"(?:[\w-]+\s+){0,2}?report\b")
_ORG_TITLE_AFTER_RE = re.compile(r"(?:’s|'s)?\s+(?:(?:special|high|chief|deputy|senior|permanent)\s+)?(?:representative|spokesperson|"
                                 r"spokesman|spokeswoman|official|chief|head|director|minister|ambassador|envoy|commissioner|"
                                 r"chair(?:man|woman|person)?|president|secretary|rapporteur)\b", re.IGNORECASE)
# A quotation's author after a dash at the line's end: "‘Reprisals will continue’ - Jane Doe", "“...” — John Roe"
_PULL_QUOTE_RE = re.compile(r"[’”\"][.,]?[ \t]*[-–—][ \t]*$")
_LINE_END_RE = re.compile(r"[ \t]*(?:\n|$)")
# A speaker's caption, a line of its own with the title, over the quotation that follows: "Jane Doe, Researcher at
# Amnesty International\n\n“The charges may have been fabricated ...”"
_SPEAKER_CAPTION_RE = re.compile(r",[ \t]+[^\n.;“”\"]{2,100}[ \t]*\n(?:[ \t]*\n)*[ \t]*[“\"‘]")
# The statement named before its maker: "a statement by X", "in a joint statement issued by X", "the remarks from X"
STATEMENT_BY_RE = re.compile(r"\b(?i:a|an|the|its|his|her|their)\s+(?:(?:joint|public|official|written|new|recent|separate|brief|"
                             r"short|press)\s+){0,2}(?i:statement|declaration|appeal|remarks|comments?)\s+(?:(?:issued|released|made|"
                             r"delivered|published)\s+)?(?:by|from)\s+(?:the\s+)?$")
# A sentence opened by its source: "According to his lawyer, ...", "According to the family, ..."
_ACCORDING_OPENER_RE = re.compile(r"\W*According\s+to\b[^,;.“”\"]{1,80},")
# "X expressed grave concern", "X voiced particular concern", "X today issued the following statement"
_CONCERN = (r"(?:expressed|expresses|voiced|voices)\s+(?:(?:his|her|their|grave|deep|serious|particular|strong)\s+){0,2}"
            r"(?:concerns?|alarm|regret|dismay|outrage)|issued\s+(?:the\s+following|a|this)\s+statement")
# "Russia (is) urged to free ...", "Russia was called on to ...": a headline's passive, the one addressed
_URGED_RE = re.compile(r"\s+(?:is\s+|was\s+|are\s+|were\s+)?(?:urged|called\s+(?:on|upon)|asked|told)\s+to\b")
# "In March 2014, Russia announced (that) Crimea had become part of the Russian Federation"
_ANNEXED_CLAIM_RE = re.compile(r"\s+(?:announced|claimed|declared|proclaimed)\s+(?:that\s+)?[^.;“”\"]{0,40}?\bhad\s+become\s+"
                               r"(?:a\s+)?part\s+of\b")
# A court that "declared" or "recognised" an organisation extremist decides its ban (an event of its own kind, the
# court its judge: claim_steps.ban_events, org_cases), it says nothing: "the Supreme Court declared the Mejlis of the
# Crimean Tatar people an “extremist organisation”", "the court recognised ORG as extremist and banned it".
_COURT_BAN_RE = re.compile(r"(?:\s*\([^)]{1,30}\))?\s+(?:(?:has|had|also|(?-i:[a-z]+ly))\s+){0,2}(?:declared|declares|recogni[sz]ed|"
                           r"recogni[sz]es|designated|designates|ruled|rules|found|finds)\b[^.;]{0,120}?[\s“\"‘']"
                           r"(?:extremist|terrorist|undesirable)\b", re.IGNORECASE)
# "X described the proceedings as", "X has characterised the trial as": the subject speaks.
_DESCRIBED_RE = re.compile(r"(?:\s*\([^)]{1,30}\))?\s+(?:has\s+|had\s+|also\s+)*(?:described|describes|characteri[sz]ed|"
                           r"characteri[sz]es)\s+[^.;“”\"]{1,60}?\s+as\b")
# A government's stance verbs that the speech cues do not list ("does not recognize", "is troubled").
_STANCE_RE = re.compile(
    r"\s+(?:also\s+|once\s+again\s+|again\s+|strongly\s+|firmly\s+|fully\s+)*(?:"
    r"(?:does|do)\s+not\s+(?:and\s+will\s+not\s+)?recogni[sz]e|will\s+not\s+recogni[sz]e|(?:is|are|remains?)\s+"
    r"(?:deeply\s+|gravely\s+|very\s+)?(?:troubled|alarmed|disturbed|dismayed)|calls?\s+upon|rejects?|reaffirms?|"
    r"reaffirmed|supports?\s+the\s+(?:release|call)|denounces?|objects?\s+to)\b", re.IGNORECASE)


# Verbs of official statements the speech cues do not list: "X underscored that", "the Ombudsman appealed to the
# international community", "the Minister reminded that", "X drew attention to", "X expressed its support for",
# "Amnesty International is calling for the immediate release of X".
_OFFICIAL_SPEECH = (r"underscored|underscores|appealed\s+to|appeals\s+to|reminded\s+that|reminds\s+that|drew\s+attention\s+to|"
                    r"draws\s+attention\s+to|expressed\s+(?:its|his|her|their)\s+(?:full\s+|strong\s+|firm\s+)?"
                    r"(?:support|solidarity|protest|indignation)|(?:is|are)\s+(?:calling\s+(?:for|on|upon)|urging)|"
                    # the reporting verbs of English a style guide lists beside "said" that the cue lists lack, in their
                    # third-person and past forms ("X denounced", "X emphasises", "X criticised the verdict"), and the
                    # statement issued ("X issued / released / made a statement", "X delivered a joint statement")
                    r"(?-i:denounced|denounces|deplored|deplores|emphasi[sz]es|critici[sz]ed|critici[sz]es|protested|voiced|"
                    r"alleged|alleges|tweeted|(?:was|were|is|has\s+been)\s+quoted\s+as\s+saying|"
                    r"(?:issued|released|made|delivered)\s+(?:a|an|the|its|his|her|their|this)\s+"
                    r"(?:(?:joint|public|official|written|short|brief|following)\s+){0,2}statement)")
# What may stand between a speaker and the verb: auxiliaries and adverbs ("has repeatedly called", "have strongly
# condemned", "once again urged", "today deeply deplores").
_AUX = r"(?:(?:has|have|had|also|today|again|once\s+again|(?-i:[a-z]+ly))\s+){0,3}"


def _inverted_attribution(cx: SentenceMentions, m: Mention, verb_end: int) -> bool:
    """``m`` stands before ", said" but the verb's subject follows it: "the detention of A, B and C, said U.S.
    Ambassador to the OSCE D", "..., said Deputy Assistant Secretary of State D" (an inverted attribution: D speaks)."""
    if not re.search(r",\s*\S+\s*$", cx.between(m.end, verb_end)):
        return False
    return any(p.start >= verb_end and _INVERTED_GAP_RE.fullmatch(cx.between(verb_end, p.start))
               and _CLAUSE_END_RE.match(cx.after(p.end, 3)) for p in cx.people + cx.orgs)


# Between an inverted "said" and its subject: the subject's title and no more ("said U.S. Ambassador to the OSCE ",
# "said the Foreign Minister ", "said the "): capitalised, no clause, quotation or "that" ("said his client X" is no
# title); the subject ends the clause ("..., said Amnesty International." - not "..., said Russia had ...").
_INVERTED_GAP_RE = re.compile(r"\s+(?:the\s+)?(?:(?-i:[A-Z])[^,;:“”\"]{0,90}?\s)?")
_CLAUSE_END_RE = re.compile(r"\s*(?:[.,;:]|$)")


@lru_cache(maxsize=8)
def _with_official(cues: str) -> str:
    """A cue alternation with the verbs of official statements (built once per cue list, not per sentence)."""
    return f"{cues}|{_OFFICIAL_SPEECH}"


# The outlet that relays a source the sentence has already named: "This was reported by Z, according to Y.",
# "Z recorded 45 searches, reports Y." (Y, at the sentence's end, is the relay: Z is the one who reports).
_RELAY_TAIL_RE = re.compile(r"\s*[”\"]?\s*\.?\s*$")
_RELAY_VERB_RE = re.compile(r"\b(?:reported|recorded|documented|registered|stated|announced|said|says|told)\b")


def _relay(sent: Sentence, cx: SentenceMentions, ex: Extraction, m: Mention) -> bool:
    """Whether ``m`` closes its sentence as the outlet relaying another source the sentence names with its verb."""
    if not _RELAY_TAIL_RE.fullmatch(sent.text[m.end - sent.start:]):
        return False
    head = sent.text[:sent.text.rfind(",", 0, m.start - sent.start) + 1]  # the sentence before the relay's clause
    return bool(_RELAY_VERB_RE.search(head)) and any(
        p.ref != m.ref and p.end <= sent.start + len(head) and not ex.entities[p.ref].generic for p in cx.people + cx.orgs)


def _named_in_quote(sent: Sentence, cx: SentenceMentions, ref: str, pa: int) -> bool:
    """“... only A was released,” he added: ``ref`` is named inside the quote the pronoun closes (from its opening
    quotation mark, or the sentence's start) - the quote speaks of A; its speaker is someone else."""
    if not re.search(r"[”\"],?\s*$", cx.before(pa, 10)):
        return False
    rel = pa - sent.start
    opening = sent.text.rfind("“", 0, rel)
    start = sent.start + (opening if opening >= 0 else 0)
    return any(p.ref == ref and start <= p.start < pa for p in cx.people)


def find_speakers(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, history: list[tuple[str, int]],
                  para: int, last_para: int, speech_after: str, org_speech: str) -> list[tuple[str, int, int]]:
    """Who says ``sent`` (people, pronouns, "the lawyer", organisations, a headline), in the order found:
    ``(key, start, end)`` of each speaker's mention; ``history`` is the people named so far with their paragraph."""
    speakers: list[tuple[str, int, int]] = []
    speech_after, org_speech = _with_official(speech_after), _with_official(org_speech)
    for m in cx.people:
        # "X said", "X, Deputy Head of the Delegation, condemns" (an apposition without a verb of its own)
        # ("X, Amnesty International's Director for Europe said:": a title without its closing comma before "said:")
        # ("X (Ukraine, EPP/CD), General Rapporteur of ..., has today expressed grave concern": a concern voiced is said)
        if (said := cached_re.match(rf"(?:\s*\([^()]{{1,40}}\))?(?:,(?![^,:]*\b(?:is|was|are|were|be|been|should|must|will|has|have|had)\b)"
                                   rf"[^,.“”]{{1,160}}(?:,|(?=\s+(?:said|says|stated)\s*:)))?"
                                   rf"[\s,]*{_AUX}(?:{speech_after}|{_CONCERN})\b", cx.after(m.end, 220), re.IGNORECASE)) \
                and not _inverted_attribution(cx, m, m.end + said.end()):
            # "Lawyer X, who represents Y, said": X speaks, not Y.
            head = [p for p in cx.people if p.end < m.start and re.fullmatch(r",\s+who\s[^,]*", cx.between(p.end, m.start))]
            speakers.append((head[-1].ref, head[-1].start, head[-1].end) if head else (m.ref, m.start, m.end))
        elif cached_re.search(rf"(?:[”\"],?|,)\s*(?:{speech_after})\s+(?:by\s+)?[^.“”]{{0,70}}$", cx.before(m.start, 100),
                             re.IGNORECASE) and not [p for p in cx.people if m.start > p.end > m.start - 70]:
            speakers.append((m.ref, m.start, m.end))
        elif re.search(r"\b(?:stated|said|reported|announced|noted) by\s+[^.]{0,70}$", cx.before(m.start, 90), re.IGNORECASE) \
                or STATEMENT_BY_RE.search(cx.before(m.start, 90)):
            speakers.append((m.ref, m.start, m.end))
        elif re.match(r"\s*:\s*[“\"]", cx.after(m.end, 6)):  # "Lawyer X: “The case is fabricated”"
            speakers.append((m.ref, m.start, m.end))
        elif _PULL_QUOTE_RE.search(cx.before(m.start, 8)) and _LINE_END_RE.match(text, m.end):
            speakers.append((m.ref, m.start, m.end))  # "‘Reprisals will continue’ - Jane Doe": a pull quote's author
        elif m.start == sent.start and _SPEAKER_CAPTION_RE.match(text, m.end):
            speakers.append((m.ref, m.start, m.end))  # "Jane Doe, Researcher at ORG" over the quote she speaks
    for pa, pb, ref in cx.pronouns if not speakers else ():
        # "He said ...", "“...,” she told reporters": the person the pronoun stands for speaks.
        # Only a pronoun that opens its clause ("in which he said" reports an old interview, not a statement).
        if cx.between(pa, pb).lower() in ("he", "she") and PRONOUN_SPEECH_RE.match(cx.after(pb, 60)) \
                and re.search(r"(?:^|[”\"],?|,|\band)\s*$", cx.before(pa, 10)) and not _named_in_quote(sent, cx, ref, pa):
            speakers.append((ref, pa, pb))
            break
    for rm in ROLE_SPEAKER_RE.finditer(sent.text) if not speakers else ():
        # "the lawyer said": the last person of this paragraph or the one before named with that occupation
        role = rm.group(1).lower()
        by_role = next((r for r, p_ in reversed(history[-12:]) if p_ in (para, last_para) and role in (
            str(ex.entities[r].attributes.get("occupation", "")).lower(), str(ex.entities[r].attributes.get("position", "")).lower())),
                   None)
        if by_role is not None and re.search(r"(?:^|[”\"],?|,|\band)\s*$", sent.text[max(0, rm.start() - 10):rm.start()]):
            speakers.append((by_role, sent.start + rm.start(), sent.start + rm.end(1)))
            break
    for m in cx.people + cx.orgs if not speakers else ():
        # "Amnesty International described the proceedings as ...": a characterisation is said by its subject
        if not ex.entities[m.ref].generic and _DESCRIBED_RE.match(cx.after(m.end, 100)) \
                and not re.search(r"\b(?:by|of|to|with|against|from|for|on|at|in|that)\s+(?:the\s+)?$", cx.before(m.start, 20)):
            speakers.append((m.ref, m.start, m.end))
            break
    acc = re.search(r"\baccording to\b", sent.text, re.IGNORECASE)
    if acc:
        comma = sent.text.find(",", acc.end())
        limit = sent.start + (comma if comma > 0 else len(sent.text))
        cands = [m for m in cx.people + cx.orgs if sent.start + acc.end() <= m.start < limit]
        cands.sort(key=lambda m: m.start)
        if cands and not _relay(sent, cx, ex, cands[-1]):
            speakers.append((cands[-1].ref, cands[-1].start, cands[-1].end))
    for m in cx.orgs:
        if ex.entities[m.ref].label != "Organisation" or ex.entities[m.ref].generic:
            continue  # a collective actor ("the authorities") is spoken of, not quoted
        if _ORG_TITLE_AFTER_RE.match(cx.after(m.end, 30)):
            continue  # "says OSCE representative", "the EU Special Representative said": the office-holder speaks
        if (ex.entities[m.ref].attributes or {}).get("kind") == "court" and _COURT_BAN_RE.match(cx.after(m.end, 160)):
            continue  # "the Supreme Court declared the Mejlis an extremist organisation": a ban decision, not a statement
        if _URGED_RE.match(cx.after(m.end, 30)) or _ANNEXED_CLAIM_RE.match(cx.after(m.end, 120)):
            # "Russia urged to free prisoners": the one urged; "Russia announced Crimea had become part of the Russian
            # Federation": the annexation told, not a statement monitors record (no annotator of five splits did)
            continue
        subject = not re.search(r"\b(?:by|of|to|with|against|from|for|on|at|in|into|that|and)\s+(?:the\s+)?$",
                                cx.before(m.start, 20), re.IGNORECASE) and not (
            # "According to his lawyer, the FSB told him ...": the source speaks, the clause is what it reports
            (opener := _ACCORDING_OPENER_RE.match(sent.text)) and m.start >= sent.start + opener.end())
        # "The FSB said", "Zmina, reports", "Russia's Federal Service (FSB) claimed"
        # "Zmina, a Ukrainian human rights organization, documented": an apposition without a verb of its own
        if subject and cached_re.match(rf"(?:\s*\([^)]{{1,30}}\))?(?:,\s+(?:a|an|the)\s(?![^,]*\b(?:is|was|are|were|has|have|had|which|who|that)\b)"
                                      rf"[^,;.“”]{{1,70}},)?[\s,]*{_AUX}(?:{org_speech}|{speech_after})\b",
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
                       cx.before(m.start, 40), re.IGNORECASE) or STATEMENT_BY_RE.search(cx.before(m.start, 90)):
            speakers.append((m.ref, m.start, m.end))
        # “...,” said Amnesty International / the UN experts declared
        elif cached_re.search(rf"(?:[”\"],?|,)\s*(?:{speech_after}|{org_speech})\s+(?:by\s+)?(?:the\s+)?$", cx.before(m.start, 40),
                             re.IGNORECASE) and not _relay(sent, cx, ex, m) or (re.search(r"[”\"],?\s*(?:the\s+)?$", cx.before(m.start, 10)) and re.match(
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
    return speakers


# "according to A, the Ukraine-based B (KHPG), and C": the sources a sentence names one after another.
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?:the\s+)?[“\"]?", re.IGNORECASE)
# Between two sources of one list: a closing quote, an abbreviation in brackets, a comma or "and", a word or two
# of description ("the Ukraine-based", "a") - no verb, no clause.
_SOURCE_GAP_RE = re.compile(r"[”\"]?(?:\s*\([^()]{1,40}\))?(?:,[^,;.()“”]{1,80}?(?=,))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
                            r"(?:(?:the|a|an|its|his|her)\s+)?(?:[\w’'-]+\s+){0,2}?[“\"]?")
_FIRST_GAP_RE = re.compile(r"(?:[“\"]?[A-Z][\w.’'/-]*(?:\s+[A-Z][\w.’'/-]*){0,3}[”\"]?(?:\s*\([^()]{1,40}\))?"
                           r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?)?(?:(?:a|an|his|her|its)\s+)?(?:[\w’'-]+\s+){0,2}?")
# (nor a clause's opening word: "according to A, following Russia's occupation of Crimea, ...")
_VERBISH_RE = re.compile(r"\b(?:is|was|are|were|has|have|had|said|says|which|who|that|by|following|after|since|before|during|"
                         r"despite|when|while|because|unlike)\b")
# A source named as its document: "a CPJ review of the videos", "HRW's report": the organisation published it.
# A name with a possessive ("B's lawyers"): after an "according to" list, the clause it reports begins.
_OWNER_AFTER_RE = re.compile(r"(?:’s|'s|’|')\s+[a-z]")
_DOCUMENT_AFTER_RE = re.compile(r"(?:’s|'s)?\s+(?:review|report|reports|data|study|survey|analysis|monitoring|findings)\b",
                                re.IGNORECASE)


def according_to_sources(sent: Sentence, cx: SentenceMentions, ex: Extraction) -> list[tuple[str, int, int, str]]:
    """The people and organisations an "according to" names as the sentence's sources, each with the kind of its
    event: ``publication`` for a document ("a CPJ review") or a media outlet (what an outlet says it publishes),
    else ``statement``. ``(key, start, end, kind)``, in text order."""
    out: list[tuple[str, int, int, str]] = []
    for acc in _ACCORDING_RE.finditer(sent.text):
        pos = sent.start + acc.end()
        cands = sorted((m for m in cx.people + cx.orgs if m.start >= pos and not ex.entities[m.ref].generic),
                       key=lambda m: m.start)
        # the first source opens the list right after "according to" (a word or two of description allowed), or
        # after a name the gazetteers do not know ("according to “Grani”, the Ukraine-based KHPG, and ...")
        if not cands or not _FIRST_GAP_RE.fullmatch(cx.between(pos, cands[0].start)):
            continue
        if _relay(sent, cx, ex, cands[0]):
            continue  # "This was reported by Z, according to Y.": Y relays Z's report
        listed = [cands[0]]
        for m in cands[1:]:
            gap = cx.between(listed[-1].end, m.start)
            if m.start < listed[-1].end or m.ref == listed[-1].ref:
                continue
            if not _SOURCE_GAP_RE.fullmatch(gap) or _VERBISH_RE.search(re.sub(r",[^,]*(?=,)", "", gap)):
                break
            if _OWNER_AFTER_RE.match(cx.after(m.end, 30)) and not _DOCUMENT_AFTER_RE.match(cx.after(m.end, 30)):
                break  # "According to A, B's lawyers were not allowed ...": B owns the clause's subject, no source
            listed.append(m)
        for m in listed:
            e = ex.entities[m.ref]
            doc = _DOCUMENT_AFTER_RE.match(cx.after(m.end, 30))
            kind = "publication" if e.label == "Organisation" and (doc or e.attributes.get("kind") == "media") else "statement"
            if m.ref not in {x[0] for x in out}:
                out.append((m.ref, m.start, m.end, kind))
    return out


# "RFE/RL, which cited his wife, Lemara X", "citing lawyer Y": the person cited speaks.
_CITED_RE = re.compile(r"\b(?:citing|cited|quoting|quoted)\s+(?:(?:his|her|their|the|a|an)\s+)?(?:[a-z][\w’'-]*\s+){0,2}?,?\s*$")
# "X denied any wrongdoing", "X denies the charges": a person's own account.
_DENIAL_RE = re.compile(r"(?:,[^,;.“”]{1,60},)?\s+(?:has\s+|had\s+|also\s+|repeatedly\s+|strongly\s+)*(?:denied|denies|rejected|rejects)\s+"
                        r"(?:(?:any|all|the|these|those|such|his|her)\s+)?(?:[\w-]+\s+){0,2}?(?:wrongdoing|charges?|accusations?|"
                        r"allegations?|involvement|guilt)\b")


def cited_and_denying(cx: SentenceMentions) -> list[tuple[str, int, int]]:
    """People a sentence cites ("which cited his wife, X") or who deny an accusation ("X denied any wrongdoing")."""
    out = []
    for m in cx.people:
        if _CITED_RE.search(cx.before(m.start, 40)) or _DENIAL_RE.match(cx.after(m.end, 100)):
            out.append((m.ref, m.start, m.end))
    return out


def source_statements(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, speakers: list[tuple[str, int, int]],
                      published: set[str]) -> list[tuple[str, int, int, str]]:
    """Add the statements (or publications) of the sources an "according to" lists and of the people the sentence
    cites or who deny an accusation; return the listed sources (the sentence's speaker among them needs no other)."""
    sources = according_to_sources(sent, cx, ex)
    for ref, a, b, kind in sources:
        if ref in published:
            continue
        name = ex.entities[ref].name
        ev = f"event:{slug(name)}-{'report' if kind == 'publication' else 'statement'}"
        ex.entity(ev, "Event", f"{'Report' if kind == 'publication' else 'Statement'} by {name}", kind=kind)
        ex.claim(ref, "STATES", ev, quote_span(text, sent, a - 13, b), 0.75, f"according-to:{kind}")
    for ref, a, b in cited_and_denying(cx):
        if ref not in {s[0] for s in speakers[:1]}:  # the sentence's own speaker gets its statement from the claim rules
            name = ex.entities[ref].name
            ev = f"event:{slug(name)}-statement"
            ex.entity(ev, "Event", f"Statement by {name}", kind="statement")
            ex.claim(ref, "STATES", ev, quote_span(text, sent, a - 12, b + 24), 0.7, "cited-or-denial")
    return sources
