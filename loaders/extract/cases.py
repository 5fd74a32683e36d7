"""Defendants and charges the charge rules of :mod:`loaders.extract.claims` do not read: one
``LegalCase`` per defendant, with ``DEFENDANT_IN`` and, where the article names the charge,
``ACCUSED_OF`` (the charge, or "RU CC <article>", as qualifier).

The phrases are the ones of criminal procedure, whatever the verb's tense or the defendant's
place in the sentence:

- an accusation with its object: "investigators accuse X of sabotage", "accusing him of
  espionage", "found X guilty of espionage", "charging them under Article 281";
- a suspicion: "X was arrested on suspicion of involvement in Hizb ut-Tahrir";
- a case: "a criminal case was opened against X under Article 205.5", "the case of X", "X's
  case", "X, one of the defendants in the ... case", "the prosecutor requested 19 years for X",
  "X and Y were arrested in the so-called Hizb ut-Tahrir case";
- a prison term: "X was jailed for 12 years", "received 14 years", "serving a 19-year sentence";
- an article of the code named in a sentence about one defendant: "X was detained under Article
  281" gives X's case that charge.

A pronoun right after the verb ("accusing him of") means the person named last before it in the
sentence, else in the sentence before in the same paragraph (only when that names one person).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from loaders.extract.case_links import accusation_phrases, charged_subjects, charging_bodies, co_defendants
from loaders.extract.case_reasons import cases_of, sentence_reasons
from loaders.extract.claims import Extraction, case_of, quote_span
from loaders.extract.court_decisions import (
    acquittals,
    counsel_steps,
    court_judges,
    decided_hearings,
    facing_trials,
)
from loaders.extract.gazetteer import Gazetteer
from loaders.extract.guards import irrealis
from loaders.extract.interstate_cases import interstate_cases
from loaders.extract.links import events_in_cases
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.record_acts import person_event
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["more_cases"]

_PRONOUN = r"(?P<pron>him|her|them)"
_ACCUSE_RE = Prefiltered(re.compile(r"\b(?P<verb>accus(?:e|es|ed|ing)|charg(?:e|es|ed|ing)|convict(?:s|ed|ing)?|f(?:ound|inds?|inding)|"
                        r"suspect(?:s|ed|ing)?|indict(?:s|ed|ing)?)\s+(?:" + _PRONOUN + r"\s+|(?P<name>(?=(?-i:[A-Z]))))", re.IGNORECASE))
# (a dash apposition may come between the name and "guilty": "found X - the deputy leader of the body - guilty of")
_OBJECT_RE = re.compile(r"(?:\s+[-–—]\s+(?:(?!\s[-–—]\s)[^;.()]){1,140}?\s+[-–—])?\s*(?:,\s*)?(?:(?P<guilty>guilty)\s+)?(?P<prep>of|with|under|for)\b",
                        re.IGNORECASE)
# "accused A of creating ..., and B of committing ...": the second accused after the first one's charge.
_AND_NAME_OF_RE = re.compile(r",?\s+and\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?$")
# ("notified X of suspicion of treason", "X was served a notice of suspicion in": the suspect of a criminal proceeding)
_SUSPICION_RE = Prefiltered(re.compile(r"\b(?:(?:on|under)\s+suspicion|(?:(?P<notified>notified|informed)\s+)?of\s+(?:the\s+)?suspicion|notice\s+of\s+suspicion)"
                           r"(?:\s+(?:of|in)\b|(?=[.,;]))", re.IGNORECASE))
_NOTIFIED_RE = re.compile(r"\b(?:notified|informed)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?(?-i:[A-Z])[^.;,]{0,40}$", re.IGNORECASE)
_OPENED_RE = Prefiltered(re.compile(r"\b(?:criminal\s+)?(?:case|proceedings|charges?)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                        r"(?:\w+ly\s+)?(?:opened|initiated|launched|instituted|brought|filed)\s+against\s+(?=(?-i:[A-Z]))", re.IGNORECASE))
# What follows the name of a person a case was opened against names the charge only after a word that introduces
# one ("... against X for extremism", "under Article 205", "on charges of"): "against X in March" names none.
_CHARGE_AFTER_NAME_RE = re.compile(r"\s*,?\s*(?:under|for|on\s+(?:charges?|suspicion)|over|in\s+connection\s+with|"
                                   r"accused\s+of|charged\s+with)\b", re.IGNORECASE)
# "the case against X", "the criminal case brought against X", "charges against X", "filed charges that day against X",
# "a case brought by ORG against X"
_AGAINST_RE = Prefiltered(re.compile(r"\b(?:criminal\s+)?(?:case|charges|proceedings|trial|indictment)\s+(?:(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:brought|opened|filed|"
                         r"initiated|launched|instituted|pending)\s+(?:by\s+(?:the\s+)?[A-Z][^.;,]{0,60}?\s+)?|that\s+day\s+)?against\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?=[A-Z])"))
_CASE_OF_RE = Prefiltered(re.compile(r"\b(?:the\s+)?(?:criminal\s+)?case\s+of\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?=[A-Z])"))
_OWN_CASE_RE = re.compile(r"(?:’s|'s)\s+(?:criminal\s+)?case\b")
# "X, one of the defendants in", "X is a defendant in", "X was among the defendants in"
_DEFENDANT_RE = re.compile(r"(?:,\s+|\s+(?:is|was|are|were|became|remains)\s+)(?:(?:one|two|three|several|some)\s+of\s+the\s+|a\s+|another\s+|"
                           r"the\s+|among\s+the\s+)?(?:(?:main|key|prime|fellow|other)\s+)?(?:(?:co-)?defendants?|(?P<susp>suspects?))\s+in\b")
_REQUESTED_RE = Prefiltered(re.compile(r"\b(?:prosecutors?|prosecution)\b[^.;]{0,40}?\b(?:requested|demanded|sought|asked\s+for|called\s+for)\b"
                           r"[^.;]{0,50}?\bfor\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?(?=(?-i:[A-Z]))", re.IGNORECASE))
# "X and Y were arrested in the so-called Hizb ut-Tahrir case", "X, accused in the Ukrainian saboteurs case"
_IN_CASE_RE = Prefiltered(re.compile(r"\b(?P<verb>accused|charged|convicted|prosecuted|tried|sentenced|detained|arrested|defendants?|suspects?)\s+"
                         r"(?:(?:as|together|along)\s+[^.;]{0,40}?\s+)?in\s+(?:the|a|an|another)\s+(?:(?!(?:and|or|but|his|her|their|its)\b)[\w“”\"'’-]+\s+){0,5}?"
                         r"(?:criminal\s+)?case\b", re.IGNORECASE))
_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|" \
       r"eighteen|nineteen|twenty)"
# A prison term served or handed down: "was jailed for 12 years", "received 14 years", "serving a 19-year sentence".
_TERM_RE = Prefiltered(re.compile(rf"\b(?:jailed|imprisoned|received|receives|given|gave|handed|serving|serves|served|got|gets)\s+(?:(?P<who>(?=(?-i:[A-Z])))[^.;,]{{0,40}}?\s+)?"
                      rf"(?:for\s+|to\s+)?(?:an?\s+)?(?:{_NUM}(?:\s*,\s*{_NUM})*\s+and\s+)?(?:{_NUM}|\d+\.\d)[- ](?:and-a-half[- ])?(?:years?|months?)(?:[- ]long)?"
                      r"(?:\s+(?:prison|jail|colony|penal|suspended))?(?:\s+(?:sentence|term))?\b", re.IGNORECASE))
# "X faces up to 20 years", "X, who faces a possible 15-year sentence": a term a trial may bring (X is accused).
_FACES_RE = re.compile(rf"(?:\s*,\s*who)?\s+(?:now\s+|still\s+|could\s+|may\s+|might\s+)?(?:faces?|facing|risks?|risking)\s+(?:up\s+to\s+|a\s+"
                       rf"(?:possible|potential|maximum)\s+(?:of\s+)?|as\s+many\s+as\s+)?(?:an?\s+)?(?:{_NUM}|\d+\.\d)[- ](?:years?|months?)\b",
                       re.IGNORECASE)
# Custody before trial: "extended the pre-trial detention of X", "X's detention was extended", "X remains in pre-trial detention".
_EXTENDED_OF_RE = Prefiltered(re.compile(r"\b(?:extended|prolonged|extends|prolongs|extending|prolonging)\s+(?:the\s+)?(?:pre-?trial\s+)?"
                             r"(?:detention|arrest|custody)\s+(?:period\s+)?(?:of|for)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?(?=(?-i:[A-Z]))", re.IGNORECASE))
_OWN_CUSTODY_RE = re.compile(r"(?:(?:’s|')s?\s+(?:pre-?trial\s+)?(?:detention|arrest|custody)\s+(?:period\s+)?(?:was|has\s+been|had\s+been|were)\s+"
                             r"(?:again\s+|once\s+again\s+|further\s+)?(?:extended|prolonged)|(?:\s*,\s*who)?\s+(?:remains|remained|remain|is|was|are|were|"
                             r"has\s+been|had\s+been|spent\s+[\w\s-]{1,20}?)\s+(?:being\s+)?(?:held\s+)?in\s+(?:a\s+|the\s+)?pre-?trial\s+detention)\b", re.IGNORECASE)
# The proceedings a person is the subject of, in the words of criminal procedure: "X was prosecuted by ORG", "X is under
# investigation", "X was named a suspect", "X was put on the wanted list", "X and Y were tried", "X is serving his
# sentence", "X appealed the verdict" (the body after "by" is read by :func:`loaders.extract.case_links.charging_bodies`).
_AUX = r"(?:\s*,\s*who)?\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|is|are)(?:\s+being)?|remains|remained)\s+" \
       r"(?:also\s+|later\s+|subsequently\s+|now\s+|currently\s+|still\s+|jointly\s+|\w+ly\s+)?"
# "X was released after serving his sentence", "X appealed the verdict": a convict.
_SERVED = r"(?:was|were)\s+released\s+(?:\w+\s+){0,4}?after\s+serving\s+(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:sentence|term)"
_APPEALED = r"(?:has\s+|had\s+)?appealed\s+(?:against\s+)?(?:the|his|her|their)\s+(?:\w+\s+)?(?:verdict|sentence|conviction)"
_DONE = rf"|\s+(?P<done>{_SERVED}|{_APPEALED})\b"
# "X's appeal was rejected", "X's sentence was upheld" (a convict); "X's indictment", "X's prosecution" (accused).
_VERDICT_NOUNS = r"(?:verdict|sentence|conviction)"
_APPEAL_HEARD = r"(?:was|were|has\s+been|had\s+been)\s+(?:rejected|dismissed|denied|upheld|heard|considered|turned\s+down)"
_OWN_STEP = (rf"|(?:’s|'s)\s+(?:(?P<conv>(?:cassation\s+)?appeal\s+(?:against\s+(?:the|his|her)\s+{_VERDICT_NOUNS}|{_APPEAL_HEARD})"
             rf"|{_VERDICT_NOUNS}\s+(?:was|were|has\s+been|had\s+been|is)\b)|(?:indictment|prosecution)\b)")
_PROCEEDING_AFTER_RE = re.compile(
    _AUX + r"(?:(?:criminally\s+)?(?:prosecuted|charged|indicted)\s+by|(?:charged|indicted|arrested|tried)\s+in\s+absentia|released\s+on\s+bail|"
    r"(?P<inv>investigated(?:\s+by)?|under\s+(?:a\s+)?(?:criminal\s+)?investigation|(?:named|declared|identified|designated)\s+(?:as\s+)?"
    r"(?:an?\s+|the\s+)?(?:main\s+|key\s+|prime\s+)?suspect|(?:put|placed|included)\s+on\s+(?:the\s+|a\s+)?(?:federal\s+|international\s+|"
    r"interstate\s+)?wanted\s+list|declared\s+(?:internationally\s+)?wanted|(?:detained|arrested|held|questioned|interrogated)\s+(?:under\s+"
    r"(?:part\s+\d\s+of\s+)?Articles?\s+\d+|as\s+(?:a\s+|the\s+)?suspect))|(?P<tried>tried)|(?P<serving>serving\s+"
    r"(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:sentence|term)))\b"
    + _DONE + _OWN_STEP, re.IGNORECASE)

# "X, accused by the FSB of espionage", "X was charged by Russian investigators with": the charge after the accuser
_ACCUSED_BY_RE = re.compile(r"(?:\s*,\s*|" + _AUX + r")(?P<verb>accused|suspected|charged)\s+by\s+(?:the\s+)?(?-i:[A-Z])[^.;,()]{0,60}?\s+"
                            r"(?:of|with)\b", re.IGNORECASE)

# Before the name: "the suspect, X", "suspect X", "defendants X and Y", "the accused, X", "ORG is investigating X".
_ROLE_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:(?:the|a)\s+)?(?:(?:main|key|prime)\s+)?(?:(?-i:[Ss])uspects?|(?-i:[Dd])efendants?|"
                             r"(?:the\s+)?(?P<acc>accused)\s*,|(?:is|are|was|were|been)\s+investigating)\s*,?\s*$", re.IGNORECASE)
# Several people of one case, in the plural: "A, B and C are co-defendants", "A and B share a criminal case", "A and B are
# united by a common criminal case" (one case each, as the convention has it).
_SHARED_CASE_RE = re.compile(r"\s+(?:(?:are|were)\s+(?:(?:all\s+|both\s+)?(?:co-?defendants|co-?accused)\b|(?:united|joined|linked|connected)\s+by\s+"
                             r"(?:a|one|the)\s+(?:common|single|same|joint)\s+(?:criminal\s+)?case\b)|(?:share|shared)\s+(?:a|one|the\s+same)\s+"
                             r"(?:criminal\s+)?case\b)", re.IGNORECASE)
# A defendant's counsel: "X's lawyer", "X's defence team", "the lawyer for X", "a lawyer representing activist X"; and a case
# called by its defendant's name: "the X case".
_COUNSEL_AFTER_RE = re.compile(r"(?:’s|'s)\s+(?:(?:defen[cs]e|criminal|own)\s+)?(?:lawyers?|attorneys?|advocates?|counsel|defen[cs]e\s+team)\b"
                               r"|(?P<named>\s+(?:criminal\s+)?case\b)", re.IGNORECASE)
_COUNSEL_BEFORE_RE = re.compile(r"\b(?:lawyers?|attorneys?|advocates?|counsel|defen[cs]e\s+team)\s+(?:of|for|representing|defending)\s+"
                                r"(?:(?:the\s+)?(?!(?:of|for|family|families|relatives?|victims?|wife|widow|mother|father|son|daughter|brother|"
                                r"sister)\b)[a-z][\w’'-]*\s+){0,3}(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
# A verb in the plural after the last of several names: the phrase is said of each of them.
_PLURAL_RE = re.compile(r"(?:\s*,\s*who)?\s+(?:were|are|have|face|risk|remain|stood|stand|pleaded|plead|deny|denied|reject|rejected|share|shared)\b")
# A sentence without its length: "received a suspended sentence", "was given a lengthy prison term".
_SENTENCE_NOUN_RE = Prefiltered(re.compile(r"\b(?:received|receives|given|handed|serving|serves|served)\s+(?:(?P<who>(?=(?-i:[A-Z])))[^.;,]{0,40}?\s+)?"
                               r"an?\s+(?:(?:suspended|lengthy|long|harsh|heavy|real|prison|jail|colony|custodial|life)\s+){1,3}(?:sentence|term)\b",
                               re.IGNORECASE))
# "the verdict against X", "the sentences of X and Y", "Russia continues to prosecute X"
_VERDICT_OF_RE = Prefiltered(re.compile(r"\b(?:(?P<noun>verdicts?|sentences?|convictions?|indictment)\s+(?:against|of|for|on)|"
                            r"prosecut(?:e|es|ed|ing)|convicting|sentencing)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?(?=(?-i:[A-Z]))", re.IGNORECASE))
# A measure of restraint, a plea, an acquittal or a prison stay: "X was remanded in custody", "X pleaded not guilty",
# "X denies the charges", "X was acquitted", "X has been imprisoned since 2016".
_MEASURE_AFTER_RE = re.compile(r"(?:\s*,\s*who)?\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been|is|are|remains|remained)\s+(?:\w+ly\s+)?"
                               # (a verb before it: "were persecuted and imprisoned", "was arrested and later remanded in custody")
                               r"(?:[a-z]+ed\s+and\s+(?:later\s+|then\s+|subsequently\s+)?)?"
                               r"(?:(?P<acq>acquitted)|(?P<fined>fined)|remanded\s+in(?:to)?\s+custody|placed\s+(?:in\s+(?:pre-?trial\s+)?(?:detention|custody)|"
                               r"under\s+house\s+arrest)|under\s+house\s+arrest|(?P<jail>imprisoned|jailed|behind\s+bars))|(?:pleaded|pleads|has\s+pleaded)\s+"
                               r"(?:not\s+)?guilty|(?:denies|denied|rejects|rejected|has\s+denied)\s+(?:the|all)\s+(?:\w+\s+){0,2}?charges|"
                               r"(?:stood|stands|standing|is\s+standing|was\s+standing|faced|faces|face|facing|is\s+facing|went\s+on|goes\s+on|go\s+on|is\s+going\s+on|"
                               r"was\s+put\s+on)\s+trial)\b",
                               re.IGNORECASE)
_MEASURE_OF_RE = Prefiltered(re.compile(r"\b(?:(?P<acq>acquitted)|remanded|placed)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?(?=(?-i:[A-Z])[^.;]{0,40}?(?:in(?:to)?\s+custody|"
                            r"under\s+house\s+arrest|in\s+(?:pre-?trial\s+)?detention)|(?-i:[A-Z]))", re.IGNORECASE))
# "the administrative detention of human rights lawyer X", "administrative charges against X"
_ADMIN_OF_RE = Prefiltered(re.compile(r"\badministrative\s+(?:detention|arrest|fine|offen[cs]es?|charges?|case|proceedings|protocol|prosecution)\s+"
                          r"(?:of|against|for|on)\s+(?:(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,4}?)(?:(?:Mr|Mrs|Ms)\.?\s+)?(?=(?-i:[A-Z]))"))
# "... on charges of X / imprisoned ... . This includes A, B and C": the people a list names after a sentence about
# prosecuted or imprisoned people are its defendants.
_GROUP_CUE_RE = re.compile(r"\b(?:charges?|charged|convicted|sentenced|imprisoned|jailed|prosecut\w*|political\s+prisoners|"
                           r"prisoners\s+of\s+conscience|detained\s+on)\b", re.IGNORECASE)
_LIST_OPEN_RE = re.compile(r"\s*(?:This|These|They|Those)\s+(?:includes?|included|are|were)\s+(?:among\s+others\s+)?|"
                           r"\s*(?:Among\s+them|Among\s+those)\s+(?:are|were|is|was)\s+")
# "the charges of terrorism against film director X and his co-defendant, ecologist Y": the charge, then its defendants.
_CHARGES_OF_RE = Prefiltered(re.compile(r"\b(?:criminal\s+)?charges?\s+of\s+(?P<what>(?:[\w“”\"’'-]+\s+){0,5}?[\w“”\"’'-]+)\s+against\s+"
                            r"(?=[A-Za-z])"))
_TITLE_GAP_RE = re.compile(r"(?:(?:the|a|an)\s+)?(?:(?!(?:and|or|who|which|that|of|in|by|for|to)\s)[\w’'-]+\s+){0,4}")
_CO_DEFENDANT_GAP_RE = re.compile(r"\s*(?:,|,?\s+and)\s+(?:(?:his|her|their)\s+(?:co-?defendants?|fellow\s+defendants?)\s*,?\s+)?"
                                  r"(?:(?:[a-z][\w’'-]*|Mr|Mrs|Ms)\.?\s+){0,3}")
# "prisoner of conscience X", "political prisoner X", "imprisoned Crimean film director X": a prisoner of a case.
_PRISONER_BEFORE_RE = re.compile(r"\b(?:political\s+prisoners?|prisoners?\s+of\s+conscience|(?<!been\s)(?<!were\s)(?<!was\s)(?:[Ii]mprisoned|[Jj]ailed|"
                                 r"[Cc]onvicted))\s+"
                                 r"(?:(?!(?:and|or|by|in|for|of|to|since|who|as|at|on|with|from|until)\s)[\w’'-]+\s+){0,4}$")
# "X, a Ukrainian ... activist, antifascist and ecologist, who was convicted of terrorism": the sentence's one person.
_WHO_CHARGED_RE = Prefiltered(re.compile(r",\s+who\s+(?:was|were|has\s+been|had\s+been|is|are)\s+(?:\w+ly\s+)?(?:also\s+)?"
                             r"(?P<verb>convicted|accused|charged|sentenced|suspected)\s+(?:of|with|under|to|for)\b"))
_ARTICLE_RE = re.compile(r"\b(?:under|of|violating)\s+(?:part\s+\d\s+of\s+)?Articles?\s+(\d{2,4}(?:\.\d)?)", re.IGNORECASE)
# A word any of the phrases below needs (a cheap test before the patterns).
_CUES_RE = re.compile(r"accus|charg|convict|prisoner|found|find|suspect|indict|suspicion|case|proceedings|prosecut|jailed|imprison|receiv|"
                      r"given|gave|handed|got|gets|serv|trial|bail|absentia|defendant|investigat|wanted|appeal|lawyer|attorney|advocate|counsel|defen|share|united|tried|sentenc|detained|arrested|faces|facing|risk|extend|prolong|pre-trial|pretrial|verdict|acquit|remand|placed|plead|denie|reject|custody|bars|administrative|fined|stood|stand")
_STATUS = {"accus": "accused", "charg": "accused", "convict": "convicted", "f": "convicted", "suspect": "suspect",
           "indict": "accused"}


@lru_cache(maxsize=8)
def _keywords(words: tuple[str, ...]) -> re.Pattern[str]:
    """The charge keywords as one pattern, longest first."""
    return re.compile(r"\b(" + "|".join(re.escape(k) for k in words) + r")\b")


def more_cases(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction, gaz: Gazetteer) -> None:
    """Add the defendants, cases and charges of one article that the charge rules left out, and
    tie the procedural events of the new defendants to their cases."""
    decided_hearings(text, sentences, ex)  # a court's decision is one event, no hearing beside it (conv13a 3)
    court_judges(text, sentences, mentions, ex)  # the court that remands or releases judges it (conv13a 3)
    facing_trials(text, sentences, mentions, ex, gaz)  # "X faces trial", "will face a military court" (conv13d 3)
    counsel_steps(ex)  # "X, the lawyer of Y, filed an appeal": Y's appeal, not X's
    acquittals(text, ex)  # "X was acquitted": a verdict that acquits, its defendant acquitted (fix14)
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN" and c.subject in ex.entities
             and ex.entities[c.subject].label == "Person"}
    have = {(c.subject, c.predicate) for c in ex.claims if c.predicate in ("DEFENDANT_IN", "ACCUSED_OF")}
    known = set(cases)
    people = [m for m in mentions if m.label == "Person" and m.ref in ex.entities and ex.entities[m.ref].label == "Person"]
    pstarts = [m.start for m in people]
    keywords = _keywords(tuple(sorted(gaz.charge_keywords, key=len, reverse=True)))

    def named_at(pos: int) -> Mention | None:
        i = bisect.bisect_left(pstarts, pos)
        return people[i] if i < len(people) and people[i].start == pos else None

    def in_sentence(sent: Sentence) -> list[Mention]:
        lo, hi = bisect.bisect_left(pstarts, sent.start), bisect.bisect_left(pstarts, sent.end)
        return people[lo:hi]

    def antecedent(i: int, pos: int) -> Mention | None:
        sent = sentences[i]
        before = [m for m in in_sentence(sent) if m.end <= pos]
        if before:
            return before[-1]
        if i == 0 or text.rfind("\n", 0, sentences[i - 1].start) != text.rfind("\n", 0, sent.start):
            return None
        prev = in_sentence(sentences[i - 1])
        return prev[-1] if len({m.ref for m in prev}) == 1 else None

    def charge_after(sent: Sentence, pos: int) -> str | None:
        tail = text[pos:sent.end]
        art = _ARTICLE_RE.search(tail) or re.match(r"\s*Articles?\s+(\d{2,4}(?:\.\d)?)", tail)
        low = re.sub(r"[“”\"‘]", "", tail[:100]).lower()
        found = keywords.search(low)
        if found:
            return found.group(1)
        # ("guilty of making “public calls to ...”": the quoted words after a gerund)
        quoted = re.match(r"\s*(?:(?:alleged|allegedly|purported|the)\s+)?(?:[a-z]+ing\s+)?[“\"]([^”\"]{3,80}?)[.,]?[”\"]", tail)
        if quoted:
            return quoted.group(1).lower()
        if art:
            return f"RU CC {art.group(1)}"
        # "accused of involvement in Hizb ut-Tahrir": the words up to the clause's end
        words = re.match(r"\s*(?:(?:the|a|an|his|her|their|alleged|allegedly|purported|purportedly)\s+)*([\w\s’'-]{4,70}?)\s*(?:[,.;(]|$|"
                         r"\s(?:and|after|before|while|when|in\s+(?:19|20)\d\d)\s)", tail)
        return words.group(1).strip().lower() if words and words.group(1).strip() else None

    def add(who: Mention, sent: Sentence, a: int, b: int, status: str, charge: str | None, rule: str) -> None:
        if irrealis(text[max(sent.start, a - 80):a]):
            return  # "could be charged with", "was never accused of": no accusation reported
        case = case_of(ex, cases, who.ref)
        span = quote_span(text, sent, min(a, who.start), max(b, who.end))
        if (who.ref, "DEFENDANT_IN") not in have:
            have.add((who.ref, "DEFENDANT_IN"))
            ex.claim(who.ref, "DEFENDANT_IN", case, span, 0.6, rule, procedural_status=status, charge=charge)
        if charge and (who.ref, "ACCUSED_OF") not in have:
            have.add((who.ref, "ACCUSED_OF"))
            ex.claim(who.ref, "ACCUSED_OF", case, span, 0.6, rule, charge=charge)
            article = re.match(r"RU CC (\S+)", charge) or None
            code = article.group(1) if article else gaz.charge_keywords.get(charge)
            if code:
                charges = ex.entities[case].attributes.setdefault("charges", [])
                if f"RU CC {code}" not in charges:
                    charges.append(f"RU CC {code}")

    for i, sent in enumerate(sentences):
        s0 = sent.start
        if not _CUES_RE.search(sent.text.lower()):
            continue  # no word of criminal procedure: nothing to read (most sentences)
        for mt in _ACCUSE_RE.finditer(sent.text):
            pos = s0 + mt.end()
            who = named_at(pos) if mt.group("name") is not None else antecedent(i, s0 + mt.start())
            if who is None:
                continue
            group = [who]
            if mt.group("name") is not None:  # "accused X, Y and Z of sabotage": everyone the verb names
                while (nxt := next((m for m in people if m.start > group[-1].end), None)) is not None and \
                        re.fullmatch(r"\s*(?:,|,?\s+and)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?", text[group[-1].end:nxt.start]):
                    group.append(nxt)
            after = group[-1].end if mt.group("name") is not None else pos
            obj = _OBJECT_RE.match(text, after)
            verb = mt.group("verb").lower()
            if obj is None or (verb.startswith("f") and not obj.group("guilty")) or (obj.group("prep").lower() == "for"
                                                                                    and not verb.startswith("convict")):
                continue
            status = next(v for k, v in _STATUS.items() if verb.startswith(k))
            for one in group:
                add(one, sent, s0 + mt.start(), obj.end(), status, charge_after(sent, obj.end()), "case:accusation")
            if mt.group("name") is not None and verb.startswith(("accus", "charg")):
                # "accused A of creating a group, and B of committing acts": B is accused too, of the second charge
                nxt = next((m for m in in_sentence(sent) if m.start > obj.end() and m.ref not in {g.ref for g in group}), None)
                if nxt is not None and _AND_NAME_OF_RE.search(text, obj.end(), nxt.start) \
                        and re.match(rf"\s+{obj.group('prep')}\b", text[nxt.end:nxt.end + 8]) \
                        and not re.search(r"[;:]", text[obj.end():nxt.start]):
                    prep_end = nxt.end + len(re.match(r"\s+\w+", text[nxt.end:nxt.end + 8]).group())  # type: ignore[union-attr]
                    add(nxt, sent, nxt.start, prep_end, status, charge_after(sent, prep_end), "case:accusation")
        for mt in _SUSPICION_RE.finditer(sent.text):
            a = s0 + mt.start()
            if mt.group().lower().startswith("of") and not _NOTIFIED_RE.search(text, max(s0, a - 60), a):
                continue  # "of suspicion" alone: only after "notified X" ("the SBU notified X of suspicion of treason")
            before = [m for m in in_sentence(sent) if m.end <= a and not re.search(r"[;]", text[m.end:a])]
            if before:
                group = [before[-1]]
                for q in reversed(before[:-1]):  # "A and B, detained by the FSB on suspicion of": both are suspects
                    if re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[q.end:group[-1].start]):
                        group.append(q)
                    else:
                        break
                for who in group:
                    add(who, sent, group[-1].start, s0 + mt.end(), "suspect", charge_after(sent, s0 + mt.end()), "case:suspicion")
        for rx, rule in ((_OPENED_RE, "case:opened"), (_CASE_OF_RE, "case:of"), (_REQUESTED_RE, "case:requested"),
                         (_AGAINST_RE, "case:against")):
            for mt in rx.finditer(sent.text):
                who = named_at(s0 + mt.end())
                if who is None:
                    continue
                group = [who]  # "a criminal case was opened against A, B and C": one case each
                while (nxt := next((m for m in people if m.start > group[-1].end), None)) is not None and nxt.end <= sent.end and \
                        re.fullmatch(r"\s*(?:,|,?\s+and)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?", text[group[-1].end:nxt.start]):
                    group.append(nxt)
                for one in group:
                    add(one, sent, s0 + mt.start(), one.end, "accused" if rule in ("case:opened", "case:against") else "defendant",
                        charge_after(sent, group[-1].end) if rule == "case:opened"
                        and _CHARGE_AFTER_NAME_RE.match(text, group[-1].end) else None, rule)
        for mt in _IN_CASE_RE.finditer(sent.text):
            a = s0 + mt.start()
            before = [m for m in in_sentence(sent) if m.end <= a]
            if not before or not re.fullmatch(r"(?:\s*,[^,;]{1,60},)?\s*(?:,\s*)?(?:(?:who\s+)?(?:is|was|were|are|has\s+been|have\s+been|"
                                              r"had\s+been)\s+)?(?:also\s+|\w+ly\s+)?(?:both\s+)?", text[before[-1].end:a]):
                continue
            group = [before[-1]]
            for q in reversed(before[:-1]):  # "X, Y and Z were arrested in the ... case": everyone named together
                if re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[q.end:group[-1].start]):
                    group.append(q)
                else:
                    break
            verb = mt.group("verb").lower()
            status = "convicted" if verb in ("convicted", "sentenced") else "suspect" if verb.startswith(("detained", "arrested", "suspect")) \
                else "accused" if verb in ("accused", "charged", "prosecuted") else "defendant"
            for who in group:
                add(who, sent, group[-1].start, s0 + mt.end(), status, None, "case:in-case")
        for mt in _CHARGES_OF_RE.finditer(sent.text):
            if irrealis(sent.text[max(0, mt.start() - 40):mt.start()]):
                continue
            who = next((m for m in in_sentence(sent) if m.start >= s0 + mt.end()), None)
            if who is None or not _TITLE_GAP_RE.fullmatch(text[s0 + mt.end():who.start]):
                continue
            group = [who]
            while (nxt := next((m for m in people if m.start > group[-1].end), None)) is not None and nxt.end <= sent.end and \
                    _CO_DEFENDANT_GAP_RE.fullmatch(text[group[-1].end:nxt.start]):
                group.append(nxt)
            what = re.sub(r"[“”\"]", "", mt.group("what")).strip().lower()
            for one in group:
                add(one, sent, s0 + mt.start(), group[-1].end, "accused", what, "case:charges-of")
        if re.search(r"prison|jailed|convicted", sent.text, re.IGNORECASE):  # (a prisoner is named in few sentences: one cheap test first)
            for i_m, m in enumerate(ppl := in_sentence(sent)):
                if (pm := _PRISONER_BEFORE_RE.search(text, max(sent.start, m.start - 70), m.start)) is None:
                    continue
                group = [m]  # "political prisoners A, B and C"
                for nxt in ppl[i_m + 1:]:
                    if not re.fullmatch(r"\s*(?:,|,?\s+and)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?", text[group[-1].end:nxt.start]):
                        break
                    group.append(nxt)
                for one in group:
                    add(one, sent, pm.start(), one.end, "defendant", None, "case:prisoner")
        for mt in _WHO_CHARGED_RE.finditer(sent.text):
            named_before = {m.ref: m for m in in_sentence(sent) if m.end <= s0 + mt.start()}
            if len(named_before) == 1:
                [subject] = named_before.values()
                verb = mt.group("verb")
                status = "convicted" if verb in ("convicted", "sentenced") else "suspect" if verb == "suspected" else "accused"
                what_for = None if verb == "sentenced" else charge_after(sent, s0 + mt.end())
                a = subject.start if s0 + mt.start() - subject.end < 60 else s0 + mt.start() + 1
                add(subject, sent, a, s0 + mt.end(), status, what_for, "case:who-charged")
                if status == "convicted" and subject.ref in cases:  # the conviction itself, a step of that case
                    ev = person_event(ex, gaz, subject.ref, "verdict")
                    span = quote_span(text, sent, a, s0 + mt.end())
                    ex.trigger(ev, s0 + mt.start("verb"), s0 + mt.end("verb"))
                    ex.claim(subject.ref, "PARTICIPANT_IN", ev, span, 0.55, "event:verdict:who", role="target")
                    ex.claim(ev, "PART_OF", cases[subject.ref], span, 0.55, "event-case")
        for mt in _VERDICT_OF_RE.finditer(sent.text):
            who = named_at(s0 + mt.end())
            if who is None:
                continue
            group = [who]
            while (nxt := next((m for m in people if m.start > group[-1].end), None)) is not None and \
                    re.fullmatch(r"\s*(?:,|,?\s+and)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?", text[group[-1].end:nxt.start]):
                group.append(nxt)
            status = "convicted" if mt.group("noun") or mt.group().lower().startswith(("convicting", "sentencing")) else "accused"
            for one in group:
                add(one, sent, s0 + mt.start(), group[-1].end, status, None, "case:verdict-of")
        for mt in [*_TERM_RE.finditer(sent.text), *_SENTENCE_NOUN_RE.finditer(sent.text)]:
            a = s0 + mt.start()
            if mt.group("who") is not None:
                who = named_at(s0 + mt.start("who"))
            else:
                before = [m for m in in_sentence(sent) if m.end <= a]
                # the subject of the term: the person just before it ("X, who is serving ...", "X was jailed for ...")
                who = before[-1] if before and re.fullmatch(r"(?:\s*,\s*who)?\s+(?:(?:is|was|has\s+been|had\s+been|were|are)\s+)?"
                                                            r"(?:\w+ly\s+)?(?:now\s+|currently\s+|already\s+)?", text[before[-1].end:a]) else None
            if who is not None:
                add(who, sent, a, s0 + mt.end(), "convicted", None, "case:term")
                if mt.group("who") is None:  # "A and B were given 17 and 13 years respectively": each one named before it
                    group = [who]
                    for q in reversed([m for m in before if m.end <= group[-1].start]):
                        if not re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[q.end:group[-1].start]):
                            break
                        group.append(q)
                        add(q, sent, q.start, s0 + mt.end(), "convicted", None, "case:term")
        for who in in_sentence(sent):
            found: tuple[int, str, str] | None = None  # (phrase end, status, rule) of a phrase right after the name
            named_in = _DEFENDANT_RE.match(text, who.end)
            if _OWN_CASE_RE.match(text, who.end) or named_in is not None:
                found = (who.end + 12, "suspect" if named_in is not None and named_in.group("susp") else "defendant", "case:named")
            elif (counsel := _COUNSEL_AFTER_RE.match(text, who.end)) is not None and (
                    not counsel.group("named") or re.search(r"\bthe\s+$", text[max(sent.start, who.start - 5):who.start])):
                found = (counsel.end(), "defendant", "case:counsel")
            elif (counsel := _COUNSEL_BEFORE_RE.search(text, max(sent.start, who.start - 70), who.start)) is not None:
                add(who, sent, counsel.start(), who.end, "defendant", None, "case:counsel")
            elif (shared := _SHARED_CASE_RE.match(text, who.end)) is not None:
                found = (shared.end(), "defendant", "case:shared")
            elif (by := _ACCUSED_BY_RE.match(text, who.end)) is not None:
                add(who, sent, who.start, by.end(), "suspect" if by.group("verb").lower() == "suspected" else "accused",
                    charge_after(sent, by.end()), "case:accused-by")
            elif (step := _PROCEEDING_AFTER_RE.match(text, who.end)) is not None:
                found = (step.end(), "suspect" if step.group("inv") is not None else "defendant" if step.group("tried") is not None
                         else "convicted" if step.group("serving") is not None or step.group("done") is not None or step.group("conv")
                         else "accused", "case:proceedings")
            elif (role := _ROLE_BEFORE_RE.search(text, max(sent.start, who.start - 40), who.start)) is not None \
                    and not re.match(r"’s|'s", text[who.end:who.end + 2]):
                group = [who]  # "defendants A, B and C"
                while (nxt := next((m for m in people if m.start > group[-1].end), None)) is not None and nxt.end <= sent.end and \
                        re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[group[-1].end:nxt.start]):
                    group.append(nxt)
                status = "suspect" if re.search(r"uspect|investigating", role.group()) else "accused" if role.group("acc") else "defendant"
                for one in group:
                    add(one, sent, role.start(), one.end, status, None, "case:role-named")
            elif (faces := _FACES_RE.match(text, who.end)) is not None:
                found = (faces.end(), "accused", "case:faces")
            elif (held := _OWN_CUSTODY_RE.match(text, who.end)) is not None:
                found = (held.end(), "accused", "case:custody")
            elif (measure := _MEASURE_AFTER_RE.match(text, who.end)) is not None:
                found = (measure.end(), "acquitted" if measure.group("acq") else "convicted" if measure.group("fined")
                         else "defendant" if measure.group("jail") else "accused", "case:measure")
            if found is None:
                continue
            end, status, rule = found
            add(who, sent, who.start, end, status, None, rule)
            if _PLURAL_RE.match(text, who.end):  # "A, B and C were acquitted": everyone named together before the verb
                group = [who]
                for q in reversed([m for m in in_sentence(sent) if m.end <= who.start]):
                    if not re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[q.end:group[-1].start]):
                        break
                    group.append(q)
                    add(q, sent, q.start, end, status, None, rule)
        for mt in _ADMIN_OF_RE.finditer(sent.text):
            who = named_at(s0 + mt.end())
            if who is not None:
                add(who, sent, s0 + mt.start(), who.end, "accused", None, "case:administrative")
        for mt in _MEASURE_OF_RE.finditer(sent.text):
            who = named_at(s0 + mt.end())
            if who is not None and (mt.group("acq") or re.match(r"[^.;]{0,40}?(?:in(?:to)?\s+custody|under\s+house\s+arrest|"
                                                                 r"in\s+(?:pre-?trial\s+)?detention)", text[who.end:sent.end])):
                add(who, sent, s0 + mt.start(), who.end, "acquitted" if mt.group("acq") else "accused", None, "case:measure")
        for mt in _EXTENDED_OF_RE.finditer(sent.text):
            who = named_at(s0 + mt.end())
            group = [who] if who is not None else []  # "extended the detention of A, B, C and D": each one's custody
            while group and (nxt := next((m for m in people if m.start > group[-1].end), None)) is not None and nxt.end <= sent.end \
                    and re.fullmatch(r"\s*(?:,|,?\s+and)\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?", text[group[-1].end:nxt.start]):
                group.append(nxt)
            for one in group:
                add(one, sent, s0 + mt.start(), one.end, "accused", None, "case:custody")
    # "Activists are pursued on terrorism charges. This includes A, B and C": the list's people are the defendants.
    for i, sent in enumerate(sentences[1:], start=1):
        opened = _LIST_OPEN_RE.match(sent.text)
        prev = sentences[i - 1]
        if opened is None or not _GROUP_CUE_RE.search(prev.text) or text.count("\n", prev.end, sent.start) > 1:
            continue
        first = named_at(sent.start + opened.end())
        if first is None:
            continue
        group = [first]
        while (nxt := next((m for m in people if m.start > group[-1].end), None)) is not None and \
                re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[group[-1].end:nxt.start]):
            group.append(nxt)
        charge = None
        on = re.search(r"\b(?:on|faces?|facing)\s+(?:(?:alleged|fabricated|trumped-up|false|bogus|politically\s+motivated)\s+)?"
                       r"(?P<what>(?:[\w“”\"’-]+\s+(?:and\s+)?){1,3}?)charges\b|\bcharged\s+with\s+(?P<with>[\w\s’'-]{4,60}?)(?:[,.;]|$)",
                       prev.text, re.IGNORECASE)
        if on:
            charge = (on.group("what") or on.group("with") or "").strip(" “”\"").lower() or None
        for who in group:
            add(who, sent, prev.start + (on.start() if on else 0), who.end, "convicted" if re.search(r"sentenced|convicted|imprisoned|jailed",
                prev.text + sent.text) else "accused", charge, "case:listed")
    # An article of the code in a sentence that names one defendant: that defendant's charge.
    for sent in sentences:
        art = _ARTICLE_RE.search(sent.text)
        named = {m.ref for m in in_sentence(sent) if m.ref in cases}
        if art and len(named) == 1:
            [ref] = named
            who = next(m for m in in_sentence(sent) if m.ref == ref)
            add(who, sent, sent.start + art.start(), sent.start + art.end(), "accused", f"RU CC {art.group(1)}", "case:article")
    _related_cases(text, sentences, people, ex, cases, add)
    co_defendants(text, sentences, people, ex, cases, add, mentions)
    accusation_phrases(text, sentences, people, add)
    charged_subjects(text, sentences, people, add)
    sentence_reasons(text, sentences, people, add)
    cases_of(text, sentences, people, add)
    _procedural_defendants(ex, cases, text)
    charging_bodies(text, sentences, mentions, ex, cases)
    new = {d: c for d, c in cases.items() if d not in known}
    if new:
        events_in_cases(ex.claims, ex.entities, new, ex.claim)
    interstate_cases(text, sentences, ex, gaz)  # "the Ukraine v. Russia inter-state case": a state's case


# A case record's "Related Cases: X" field, one name a line (a victims list, a case database).
_RELATED_RE = re.compile(r"^Related\s+(?:Cases?|Prisoners?|Victims?):[ \t]*", re.MULTILINE)


def _related_cases(text: str, sentences: list[Sentence], people: list[Mention], ex: Extraction, cases: dict[str, str],
                   add: Callable[..., None]) -> None:
    """Each person a "Related Cases:" field names, alone on a line, is the defendant of a case of their own,
    linked to the case of the record's defendant (the one the record named last before the field)."""
    starts = [s.start for s in sentences]
    by_start = {m.start: m for m in people}
    for mt in _RELATED_RE.finditer(text):
        group: list[Mention] = []
        pos = mt.end()
        while (m := by_start.get(pos)) is not None and re.fullmatch(r"[ \t]*(?:\n|$)", text[m.end:m.end + 1] or "\n"):
            group.append(m)
            nxt = re.match(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*", text[m.end:])  # one name a line (or a paragraph, once cleaned)
            if nxt is None:
                break
            pos = m.end + nxt.end()
        if not group:
            continue
        record = next((m for m in reversed(people) if m.end <= mt.start() and m.ref in cases and m.ref not in {g.ref for g in group}),
                      None)
        for who in group:
            sent = sentences[max(0, bisect.bisect_right(starts, who.start) - 1)]
            add(who, sent, mt.start() if who is group[0] else who.start, who.end, "defendant", None, "case:related")
            if record is not None and who.ref in cases:
                ex.claim(cases[record.ref], "LINKED_TO", cases[who.ref], quote_span(text, sent, who.start, who.end), 0.6,
                         "case:related")



# Acts that open proceedings against the person they are done to: an arrest (not a detention, which
# articles use for any custody, administrative or not) makes its target a suspect with a case; the court's steps
# are steps of their target's case (README conv13a 3, "the steps of the proceedings are PART_OF the case"): an
# extension of pre-trial detention (an accused's), a court session, an appeal a court decides ("the court rejected
# X's appeal against his sentence": a convict's where the sentence names the sentence, verdict or conviction).
_PROCEDURAL = {"arrest": "suspect", "detention_extension": "accused", "hearing": "defendant", "appeal": "defendant"}
_CONVICT_RE = re.compile(r"\b(?:sentences?|verdicts?|convictions?|convicted|sentenced)\b", re.IGNORECASE)
_COUNSEL_RE = re.compile(r"\b(?:lawyer|attorney|advocate|counsel|barrister|solicitor)\b", re.IGNORECASE)


def _procedural_defendants(ex: Extraction, cases: dict[str, str], text: str = "") -> None:
    """A person arrested, held in pre-trial detention by extension, heard by a court or whose appeal a court decides
    is the defendant of a case of their own (one case per defendant)."""
    counsel = {c.subject for c in ex.claims if c.predicate in ("DEFENDS", "COUNSEL_IN")}
    for c in list(ex.claims):
        if c.predicate != "PARTICIPANT_IN" or c.qualifiers.get("role") != "target" or c.subject in cases:
            continue
        kind = (ex.entities[c.object].attributes or {}).get("kind", "")
        status = _PROCEDURAL.get(kind)
        if ex.entities[c.subject].label != "Person" or status is None:
            continue
        occupation = str(ex.entities[c.subject].attributes.get("occupation", ""))
        if kind != "arrest" and (c.subject in counsel or _COUNSEL_RE.search(occupation)):
            continue  # "X, the lawyer of Y, filed an appeal": the lawyer acts in Y's case, not in one of their own
        if kind == "appeal" and _CONVICT_RE.search(text, c.span[0], c.span[1]):
            status = "convicted"
        case = case_of(ex, cases, c.subject)
        ex.claim(c.subject, "DEFENDANT_IN", case, c.span, min(c.confidence, 0.6), "case:procedure", procedural_status=status)
