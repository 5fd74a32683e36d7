"""Relations between people and organisations: affiliations, family ties, roles in a case,
linked cases, and who speaks for whom.

The claim rules in :mod:`loaders.extract.claims` read the tight patterns ("<title> of ORG
PERSON", "ORG leader PERSON", "X said"). These rules read what real articles write around
them, with the title words of the gazetteer (``cues.yaml``: leadership, membership,
employment, titles, relatives, speech verbs):

- appositions and copulas: "X, a Crimean Tatar activist and a coordinator of Crimean
  Solidarity", "X is a deputy chairperson of the banned Mejlis", "X and Y are members of ORG",
  "the Deputy Chairman of ORG of the Crimean Tatar People, X", "members of ORG, X and Y",
  "ORG's chairman X", "UK Minister for Europe X" (a country before a title is its government,
  when the article has it as an actor) -> ``LEADS`` / ``MEMBER_OF`` / ``WORKS_FOR`` with the
  title as role; never an alleged or charged membership ("alleged members of ORG");
- family ties: "Y, the brother of X", "the daughter of X, Y", "Y, X's wife", "brothers X and Y"
  -> ``RELATIVE_OF``;
- roles in a defendant's case: an investigating body or a prosecutor's office that acts on a
  defendant ("investigators of the FSB detained X", "the Investigative Committee detained X"),
  opens a case or brings charges against them, "prosecutor X requested ... for Y",
  "investigator X charged Y" -> ``INVESTIGATES`` / ``PROSECUTES`` their case;
- "X was tried in the same case as Y", "the case of X is linked to the case of Y" -> ``LINKED_TO``;
- statements: "an ORG spokesperson said", "a spokesperson for ORG said", "as delivered by
  <title> X", "Statement by ORG" -> ``STATES``. An official who opens the document (its lead,
  byline or "as delivered by" line) makes the document's one statement: a government that
  speaks in the opening too states that same statement (its own statement event is folded
  into the official's, one statement event per speaker and document).

Every claim has the character span of its quote (:func:`loaders.extract.claims.quote_span`). A
fact the other rules already made (same subject and object, same predicate or another
affiliation) is left to them; a case role or link needs the defendant's case from those rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from loaders.extract.affiliations import title_words
from loaders.extract.claims import Extraction, quote_span
from loaders.extract.gazetteer import Gazetteer, slug
from loaders.extract.links import TITLE_WORDS
from loaders.extract.mentions import Mention, Sentence, government_key
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["extract_relations"]

_HONOUR = r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Prof)\.?\s+)?"
# Words that end an apposition: a clause, a preposition phrase or another verb starts there.
_STOP = (r"(?:who|whose|which|that|said|says|told|tells|after|before|when|while|by|of|with|for|to|from|in|on|at|"
         r"into|against|was|were|is|are|has|have|had|and|or|but|not|he|she|they|his|her|their)")
_WORD = rf"(?!{_STOP}\b)[\w’'-]+"
# Up to two words in lower case after an article, before a title: "X was an active member of ORG", "X, a longtime board
# member of ORG" (after an article only: "X, citing members of ORG" is no member).
_ADJ = rf"(?:(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s))(?-i:(?:(?!{_STOP}\b|(?:a|an|the)\b)[a-z][\w’'-]*\s+){{1,2}}))?"
_DET = r"(?:(?:the|a|an)\s+)"
# A civic description that may follow a title before the name: "ORG coordinator and human rights defender X".
_CIVIC_ROLE = (r"(?:(?:human\s+rights|civic|citizen|civil|public|prominent|well-known)\s+)?"
               r"(?:defender|activist|journalist|lawyer|blogger|figure)")
_COPULA = r"(?:is|was|are|were|has\s+been|have\s+been|had\s+been|remains|remain|became|becomes)"
# A verb that puts a person in an office: "X, who works as", "X served as", "X was elected", "X has been appointed".
_AS_TITLE = (r"(?:\s*,\s*who)?\s+(?:(?:is|was|has\s+been|had\s+been|have\s+been|were)\s+)?(?:also\s+|later\s+|then\s+)?"
             r"(?:(?:works?|worked|working|serves?|served|serving|acts?|acted)\s+as|(?:re-?)?elected(?:\s+as)?|appointed(?:\s+as)?|"
             r"named(?:\s+as)?)\s+")
_ORG_TAIL = r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,5}[A-Z][\w’'-]*)?"
_SPOKES = r"(?:spokesperson|spokesman|spokeswoman|press\s+service|press\s+office|press\s+secretary|representative)"
_CHARGE_VERBS = r"brought|brings|bring|filed|files|pressed|presses|maintained|maintains|laid|levelled|leveled"
_INCLUDING = r"(?:(?:including|among\s+them|such\s+as|notably)\s+)?"
_LEAD_CHARS = 300   # an official speaking this early in the document speaks the document
# An affiliation that is the accusation ("alleged member", "accused of being a member", "for membership").
_ALLEGED = re.compile(r"\b(?:alleged(?:ly)?|suspected|supposed|purported(?:ly)?|so-called|accused|charged|convicted|"
                      r"being|for|over)\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)


# A birth date in brackets after a name (an encyclopedia's first line): "X (born 27 April 1980)", "X (Микола ...; born 1950)".
_BORN_PAREN = re.compile(r"\s*\((?=[^()]{0,160}\bborn\b)[^()]{0,160}\)")
_ACCUSING = re.compile(r"\b(?:accus|alleg|suspect|charg|claim|terroris|extremis|indict|convict|sentenc|prosecut)\w*", re.IGNORECASE)


# Kin words a dictionary lists beside the gazetteer's (cousins are often detained together); the in-laws and
# steps first, so that "father-in-law" is read whole.
_MORE_RELATIVES = ["cousin", "grandson", "granddaughter", "grandmother", "grandfather", "grandchild", "stepson",
                   "stepdaughter", "stepfather", "stepmother", "niece", "aunt", "father-in-law", "mother-in-law",
                   "son-in-law", "daughter-in-law", "brother-in-law", "sister-in-law", "fiancé", "fiancée"]
# A description of the person whose relative is named, between "of" and the name: "the wife of political prisoner X",
# "the mother of Crimean Tatar activist X" (no clause word: "the wife of a neighbour of X" is the neighbour's).
_KIN_DESC = rf"(?:(?:{_WORD}\s+){{1,3}}?)"
# Ties that hold both ways: "brothers X and Y", "X and Y are cousins" (a plural "sons" says whose, not each other's).
_MUTUAL = ("brother", "sister", "cousin", "sibling")


class _Cues:
    """The gazetteer's title words as patterns (built once per gazetteer)."""

    def __init__(self, cues: dict[str, list[str]]):
        def alt(words: Iterable[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

        self.pred: dict[str, str] = title_words(cues)
        titles = alt(self.pred)
        title = rf"(?i:(?P<former>former\s+)?(?P<title>{titles})(?P<pl>s|es)?)"
        # "<title> of (the) (banned|grassroots movement) ORG": up to three lowercase words before the name.
        # ("an activist of the Crimean Tatar movement ORG": a named kind of group before the name.)
        self.title_lead = re.compile(rf"{title}\s+(?:of|for|at)\s+(?:the\s+)?(?=[A-Z])")
        self.title_of = re.compile(rf"\b{title}\s+(?:of|for|at)\s+(?:the\s+)?(?:(?:[A-Z][\w’'-]*\s+){{1,3}}(?:movement|group|"
                                   rf"organi[sz]ation|initiative|association|network|NGO)\s+|(?:(?!{_STOP}\b)[a-z][\w-]*\s+){{0,3}}"
                                   # "the deputy leader of the Crimean Tatar community’s now-outlawed representative body Mejlis"
                                   rf"|(?:[A-Z][\w’'-]*\s+){{1,3}}(?:community|people|nation)(?:’s|'s)\s+(?:[a-z][\w-]*\s+){{1,3}})[“\"«]?$")
        # "X, a Crimean Tatar activist and a coordinator of", "X is the head of", "X, the first deputy of"
        # ("X - the deputy leader of ORG -": a dash opens the apposition too)
        # ("X and Y, both members of", "X, who works as a lawyer for", "X served as head of", "X was elected chairman of")
        # ("Five detainees — X, Y and Z — are activists of ORG": a dash closes the list before the copula)
        self.holder_gap = re.compile(rf"(?:\s*,\s*(?:{_COPULA}\s+)?|\s+[–—-]\s+(?:{_COPULA}\s+)?|\s+{_COPULA}\s+|{_AS_TITLE})(?:also\s+|both\s+|all\s+)?(?:one\s+of\s+)?{_DET}?"
                                     rf"(?:(?:{_WORD}\s+|of\s+){{1,8}}?and\s+(?:also\s+)?{_DET}?)?{_ADJ}$", re.IGNORECASE)
        # ("ORG coordinator and human rights defender X": a second, civic description between the title and the name)
        self.org_title = re.compile(rf"(?:’s|'s|’|')?\s+{title}(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+the\s+)?"
                                    rf"[A-Z][\w’'-]*){{0,3}})?(?:\s+and\s+{_CIVIC_ROLE})?\s*,?\s*{_HONOUR}")
        # the gazetteer's relatives, and ties the cue list lacks (cousins are often detained together)
        self.relatives = alt(cues["relatives"] + _MORE_RELATIVES)
        self.speech = alt(cues["speech_after"] + cues["org_speech"])
        self.titles_before = alt(cues["titles"])


_CUES: dict[int, tuple[Gazetteer, _Cues]] = {}


def _cues(gaz: Gazetteer) -> _Cues:
    """The patterns of ``gaz``, built once (the gazetteer is loaded once and kept)."""
    have = _CUES.get(id(gaz))
    if have is None or have[0] is not gaz:
        have = _CUES[id(gaz)] = (gaz, _Cues(gaz.cues))
    return have[1]


def _role(mt: re.Match[str]) -> str:
    title = mt.group("title").lower()
    return ("former " if mt.group("former") and not title.startswith("former") else "") + title


def _kind_of(pred: str) -> str:
    """Affiliations are one fact each: a person who WORKS_FOR an organisation by one rule does
    not also LEAD it by another from the same words."""
    return "affiliation" if pred in ("LEADS", "MEMBER_OF", "WORKS_FOR") else pred


class _Rel:
    """One article's relation extraction: the claims made so far and a way to add new ones."""

    def __init__(self, text: str, ex: Extraction, cues: _Cues):
        self.text, self.ex, self.cues = text, ex, cues
        self.have = {(c.subject, _kind_of(c.predicate), c.object) for c in ex.claims}

    def add(self, s: str, pred: str, o: str, span: tuple[int, int], conf: float, rule: str, **quals: Any) -> None:
        if (s, _kind_of(pred), o) in self.have or s == o:
            return  # the claim rules made it already: theirs stands (one claim per fact)
        self.have.add((s, _kind_of(pred), o))
        self.ex.claim(s, pred, o, span, conf, f"rel:{rule}", **quals)
        if pred == "RELATIVE_OF":
            self.ex.entities[s].sensitive = True  # a detainee's relative is at risk too: redacted where the graph leaves the tool

    def label(self, ref: str) -> str:
        e = self.ex.entities.get(ref)
        return e.label if e is not None else ""

    def named_org(self, ref: str) -> bool:
        e = self.ex.entities.get(ref)
        return e is not None and e.label == "Organisation" and not e.generic


def extract_relations(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction,
                      gaz: Gazetteer) -> None:
    """Add the relation claims of one article to ``ex`` (its entities and claims so far)."""
    rel = _Rel(text, ex, _cues(gaz))
    starts = [m.start for m in mentions]
    by_sentence = []
    for sent in sentences:
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        inside = [m for m in mentions[lo:hi] if m.end <= sent.end]
        people = [m for m in inside if m.label == "Person" and rel.label(m.ref) == "Person"]
        orgs = [m for m in inside if rel.named_org(m.ref)]
        _affiliations(rel, sent, people, orgs, inside)
        _relatives(rel, sent, people)
        _statements(rel, sent, people, orgs)
        by_sentence.append((sent, inside))
    _case_roles(rel, by_sentence, mentions)
    _linked_cases(rel, by_sentence)
    _document_statement(rel)


def _between(text: str, a: int, b: int) -> str:
    return text[a:b] if a <= b else "\0"


def _coordinated(text: str, people: list[Mention], m: Mention, forward: bool) -> list[Mention]:
    """``m`` and the people named together with it ("X, Y and Z"), in the given direction."""
    out = [m]
    seq = people if forward else list(reversed(people))
    i = seq.index(m)
    for nxt in seq[i + 1:]:
        a, b = (out[-1].end, nxt.start) if forward else (nxt.end, out[-1].start)
        if not re.fullmatch(r"\s*(?:,|,?\s+and)\s+" + _HONOUR, _between(text, a, b)):
            break
        out.append(nxt)
    return out


def _affiliations(rel: _Rel, sent: Sentence, people: list[Mention], orgs: list[Mention], inside: list[Mention]) -> None:
    text, cues = rel.text, rel.cues
    accusing = bool(_ACCUSING.search(sent.text))

    def charged(pred: str, org: str) -> bool:
        """Membership of a banned party or movement in a sentence that accuses: the charge, not a fact
        (civic bodies, whose members are named as such, keep their members)."""
        return pred == "MEMBER_OF" and accusing and (rel.ex.entities[org].attributes or {}).get("kind") not in (
            "ngo", "representative_body", "government", "media")
    for o in orgs:
        before = text[max(sent.start, o.start - 100):o.start]
        mt = cues.title_of.search(before)
        if mt and _ALLEGED.search(text[max(sent.start, o.start - len(before) + mt.start() - 40):o.start - len(before) + mt.start()]):
            mt = None  # "alleged members of ORG", "accused of being a member of ORG": the charge, not a fact
        if mt:
            t0 = o.start - len(before) + mt.start()
        elif (mt := cues.title_lead.match(o.text)) is not None:
            t0 = o.start  # the name the gazetteer knows opens with the title: "President of the Parliamentary Assembly ..."
        if mt:
            pred, role = cues.pred[mt.group("title").lower()], _role(mt)
            plural = bool(mt.group("pl"))
            holders: list[Mention] = []
            # Before the title: "X, (is) a ... and a <title> of ORG", "X is the head of ORG".
            for p in reversed([p for p in people if p.end <= t0]):
                lo = max(sent.start, p.start - 160)
                opened = re.search(r"\([^()]*$", text[lo:p.start])
                enclosing = _BORN_PAREN.match(text, lo + opened.start()) if opened else None
                if enclosing is not None and enclosing.end() >= p.end:
                    continue  # the name again, in another script, inside the brackets of the birth date
                # "X (Cyrillic name; born 26 June 1976) is a ... and member of ORG": an encyclopedia's lead
                paren = _BORN_PAREN.match(text, p.end, t0)
                after = paren.end() if paren else p.end
                gap = _between(text, after, t0)
                # (a place in the description is no other holder: "X, the former head of the Y district administration and ...")
                if cues.holder_gap.fullmatch(gap) and not any(after <= m.start < t0 and m.label != "Location" for m in inside):
                    # ("X, one of the leaders of ORG": X alone)
                    group = _coordinated(text, people, p, forward=False) if plural and not re.search(
                        r"\bone\s+of\s", gap, re.IGNORECASE) else [p]
                    holders = group
                break  # only the nearest person before the title can be its holder
            # After the organisation: "the <title> of ORG (of the Crimean Tatar People), X (and Y)".
            copula = re.search(rf"\b{_COPULA}\s+(?:also\s+)?{_DET}?$", text[max(sent.start, t0 - 20):t0], re.IGNORECASE)
            if not holders and not copula:
                for p in people:
                    if p.start < o.end:
                        continue
                    gap = _between(text, o.end, p.start)
                    # ("the President of the Parliamentary Assembly of the Council of Europe (PACE), X": its acronym)
                    # ("members of ORG, including X and Y", "members of ORG such as X": a plural title's examples)
                    if re.fullmatch(rf"{_ORG_TAIL}(?:\s*\([A-Z][\w&/.’'-]{{1,15}}\))?\s*,?\s*"
                                    rf"{_INCLUDING if plural else ''}{_HONOUR}", gap):
                        holders = _coordinated(text, people, p, forward=True) if plural else [p]
                        # "according to the head of ORG, X was ...": after a comma X must close an apposition
                        if "," in gap and (re.search(r"\b(?:according to|told|said|says|by)\s+(?:the\s+)?$",
                                                     text[max(sent.start, t0 - 20):t0], re.IGNORECASE)
                                           or not re.match(r"\s*(?:[,.;:)]|$)", text[holders[-1].end:holders[-1].end + 3])):
                            holders = []
                    break
            for h in holders if not charged(pred, o.ref) else []:
                a, b = min(h.start, t0), max(h.end, o.end)
                rel.add(h.ref, pred, o.ref, quote_span(text, sent, a, b), 0.8, "title-of", role=role)
    # "ORG('s) <title> X", "Mejlis leader X"; a country before a title is its government ("UK Minister
    # for Europe Sir X"), when the article has that government as an actor.
    for o in orgs + [m for m in inside if m.label == "Location" and m.entry is not None
                     and m.entry.attributes.get("kind") == "country"]:
        org = o.ref if o.label == "Organisation" or o.entry is None else f"org:{government_key(o.entry.key)}"
        if not rel.named_org(org) or o.text.lower() in TITLE_WORDS:
            continue  # "Foreign Minister X": a word of the title, not the organisation it may stand for
        for p in people:
            if not 0 < p.start - o.end <= 70:
                continue
            mt = cues.org_title.fullmatch(text, o.end, p.start)
            if mt and not _ALLEGED.search(text[max(sent.start, o.start - 40):o.start]):
                pred, role = cues.pred[mt.group("title").lower()], _role(mt)
                if charged(pred, org):
                    continue
                # "Mejlis members X and Y", "Crimean Solidarity activists X, Y and Z": each of them
                for q in _coordinated(text, people, p, forward=True) if mt.group("pl") else [p]:
                    rel.add(q.ref, pred, org, quote_span(text, sent, o.start, q.end), 0.8, "org-title", role=role)


class _KinPatterns(NamedTuple):
    """The kin patterns of :func:`_relatives` for one list of kin words, compiled once (round 16, speed16b: they were
    formatted and looked up for every pair of people)."""

    of: re.Pattern[str]
    whose: re.Pattern[str]
    possessive: re.Pattern[str]
    apposition: re.Pattern[str]
    tail: re.Pattern[str]
    of_before: re.Pattern[str]
    lead: re.Pattern[str]


@lru_cache(maxsize=8)
def _kin_patterns(rx: str) -> _KinPatterns:
    i = re.IGNORECASE
    return _KinPatterns(
        re.compile(rf"(?:,\s+|,?\s+{_COPULA}\s+)(?:(?:the|a|an)\s+)?(?:(?:elder|younger|older|late)\s+)?({rx})\s+of\s+"
                   rf"(?:the\s+(?:\w+\s+){{0,2}}|{_KIN_DESC}(?:and\s+{_KIN_DESC})?)?{_HONOUR}", i),
        re.compile(rf",?\s+whose\s+(?:(?:elder|younger|older|late)\s+)?({rx})\s*,?\s*{_HONOUR}", i),
        re.compile(rf"(?:’s|'s)\s+({rx})\s*,?\s*{_HONOUR}", i),
        re.compile(rf",\s+|\s+{_COPULA}\s+", i),
        re.compile(rf"(?:’s|'s)\s+({rx})\b", i),
        re.compile(rf"\b(?:the|a)\s+(?:(?:elder|younger|older|late)\s+)?({rx})\s+of\s+{_KIN_DESC}?{_HONOUR}$", i),
        re.compile(rf"\b({rx})(?:s)\s+{_HONOUR}$", i),
    )


def _relatives(rel: _Rel, sent: Sentence, people: list[Mention]) -> None:
    text = rel.text
    kin = _kin_patterns(rel.cues.relatives)
    for p in people:
        for q in people:
            if q is p:
                continue
            gap = _between(text, p.end, q.start)
            # "Y, the brother of X", "Y, mother of X", "Y is the brother of X"
            # ("Y, the wife of political prisoner X": the relative's own description before the name)
            # ("A, is the brother of political prisoners B and C": a comma before the copula, and each relative of a
            # list that closes its clause; "father of Crimean Solidarity Co-founder and Graty correspondent X": two
            # titles joined by "and", with nobody else named between)
            mt = kin.of.fullmatch(gap)
            if mt and any(p.end <= o.start and o.end <= q.start for o in people if o is not p and o is not q):
                mt = None
            kins = [q] if mt and not re.match(r"\s+(?:and|,)\s", text[q.end:q.end + 6]) else []
            if mt and not kins and (group := _coordinated(text, people, q, forward=True))[1:] and \
                    re.match(r"\s*(?:[,.;:)]|$)", text[group[-1].end:group[-1].end + 3]):
                kins = [r for r in group if r.ref != p.ref]
            for r in kins:
                rel.add(p.ref, "RELATIVE_OF", r.ref, quote_span(text, sent, p.start, r.end), 0.75, "relative-of",
                        relation=mt.group(1).lower())  # type: ignore[union-attr]
            # "X, whose son Y was detained"
            mt = kin.whose.fullmatch(gap)
            if mt:
                rel.add(q.ref, "RELATIVE_OF", p.ref, quote_span(text, sent, p.start, q.end), 0.75, "relative-whose",
                        relation=mt.group(1).lower())
            # "X's grandmother, Y", "X's father-in-law Y" (the kin words the cue list lacks too)
            mt = kin.possessive.fullmatch(gap)
            if mt:
                rel.add(q.ref, "RELATIVE_OF", p.ref, quote_span(text, sent, p.start, q.end), 0.75, "relative-possessive",
                        relation=mt.group(1).lower())
            # "Y, X's wife", "Y is X's brother"
            mt = kin.apposition.fullmatch(gap)
            if mt:
                tail = kin.tail.match(text[q.end:q.end + 20])
                if tail:
                    rel.add(p.ref, "RELATIVE_OF", q.ref, quote_span(text, sent, p.start, q.end + tail.end()), 0.75,
                            "relative-apposition", relation=tail.group(1).lower())
        # "the daughter of X, Y"
        for q in people:
            mt = kin.of_before.search(text[max(sent.start, q.start - 70):q.start])
            if mt and q.end < p.start and re.fullmatch(r",\s+" + _HONOUR, _between(text, q.end, p.start)) and \
                    re.match(r"\s*(?:[,.;:)]|$)", text[p.end:p.end + 3]):
                rel.add(p.ref, "RELATIVE_OF", q.ref, quote_span(text, sent, q.start - len(mt.group()), p.end), 0.75,
                        "relative-of-before", relation=mt.group(1).lower())
        # "brothers X and Y", "the cousins X and Y"; "X’s sons Y and Z": each of them X’s
        lead = kin.lead.search(text[max(sent.start, p.start - 30):p.start])
        if lead and _kin_of_each(rel, sent, people, p, lead):
            continue
        if lead and lead.group(1).lower() in _MUTUAL:
            group = _coordinated(text, people, p, forward=True)
            if len(group) == 2 and not re.match(r"\s*(?:,|and)\s", text[group[-1].end:group[-1].end + 6]):
                a, b = p.start - len(lead.group()), group[-1].end
                rel.add(group[0].ref, "RELATIVE_OF", group[1].ref, quote_span(text, sent, a, b), 0.75, "relatives",
                        relation=lead.group(1).lower())


def _kin_of_each(rel: _Rel, sent: Sentence, people: list[Mention], p: Mention, lead: re.Match[str]) -> bool:
    """"X's sons Y and Z", "X's two brothers, Y and Z": each person named after the plural kin word is X's
    relative (True when the words name whose they are)."""
    text = rel.text
    a = p.start - len(lead.group())
    owner = next((q for q in people if q.end <= a and re.fullmatch(r"(?:’s|'s)\s+(?:(?:two|three|four|elder|younger|older)\s+)*",
                                                                    text[q.end:a])), None)
    if owner is None:
        return False
    for q in _coordinated(text, people, p, forward=True):
        if q.ref != owner.ref:
            rel.add(q.ref, "RELATIVE_OF", owner.ref, quote_span(text, sent, owner.start, q.end), 0.75, "relatives-of",
                    relation=lead.group(1).lower())
    return True


def _statement_event(rel: _Rel, ref: str) -> str:
    """The speaker's statement event (the key the claim rules use, so both meet in one event)."""
    name = rel.ex.entities[ref].name
    ev = f"event:{slug(name)}-statement"
    rel.ex.entity(ev, "Event", f"Statement by {name}", kind="statement")
    return ev


def _states(rel: _Rel, sent: Sentence, ref: str, a: int, b: int, rule: str, conf: float = 0.8) -> None:
    rel.add(ref, "STATES", _statement_event(rel, ref), quote_span(rel.text, sent, a, b), conf, rule)


def _statements(rel: _Rel, sent: Sentence, people: list[Mention], orgs: list[Mention]) -> None:
    text, speech = rel.text, rel.cues.speech
    delivered = _delivered(rel, sent, people)
    for o in orgs:
        # "A Foreign Office spokesperson said", "the FSB press service reported"
        mt = re.match(rf"(?:’s|'s)?\s+{_SPOKES}\s*,?\s+(?:has\s+|had\s+|also\s+)?(?:{speech})\b", text[o.end:o.end + 60],
                      re.IGNORECASE)
        if mt:
            _states(rel, sent, o.ref, o.start, o.end + mt.end(), "spokesperson")
            continue
        # "a spokesperson for the ORG said"
        base = max(sent.start, o.start - 40)
        mt = re.search(rf"\b{_SPOKES}\s+(?:for|of)\s+(?:the\s+)?$", text[base:o.start], re.IGNORECASE)
        if mt and re.match(rf"\s*,?\s+(?:has\s+|had\s+|also\s+)?(?:{speech})\b", text[o.end:o.end + 30], re.IGNORECASE):
            _states(rel, sent, o.ref, base + mt.start(), o.end + 10, "spokesperson-for")
            continue
        # "– Statement by the U.S. Mission to the OSCE, as delivered by ..." (a headline or an attribution line)
        mt = re.search(r"(?:^|[–—-]\s*)(?:Joint\s+)?Statement\s+by\s+(?:the\s+)?$", text[max(sent.start, o.start - 40):o.start])
        if mt:
            a = max(sent.start, o.start - 40) + mt.start()
            # "Statement by ORG, as delivered by <title> X": X speaks for ORG, and it is one statement.
            deliver = next((d for d in delivered if d[0].start > o.end and re.fullmatch(r"\s*,?\s*", text[o.end:d[1]])), None)
            if deliver is None:
                _states(rel, sent, o.ref, a, o.end, "statement-by", 0.75)
                continue
            p, _b, title = deliver
            rel.add(o.ref, "STATES", _statement_event(rel, p.ref), quote_span(text, sent, a, p.end), 0.75, "statement-by")
            if title:
                rel.add(p.ref, "WORKS_FOR", o.ref, quote_span(text, sent, a, p.end), 0.75, "delivered-for", role=title)
    for p, _b, _title in delivered:
        _states(rel, sent, p.ref, p.start - 30, p.end, "delivered-by", 0.75)


def _delivered(rel: _Rel, sent: Sentence, people: list[Mention]) -> list[tuple[Mention, int, str]]:
    """People who deliver a statement ("as delivered by Chargé d’Affaires ad interim X", "Statement
    by X"): the mention, where its phrase starts and the title it gives them."""
    text, out = rel.text, []
    for p in people:
        before = text[max(sent.start, p.start - 80):p.start]
        mt = re.search(rf"\b(?:as\s+)?(?:delivered|Statement)\s+by\s+(?:the\s+)?(?P<title>(?:{rel.cues.titles_before})\b"
                       rf"[\s\w’'.-]{{0,40}}?)?\s*{_HONOUR}$", before)
        if mt:
            out.append((p, p.start - len(before) + mt.start(), (mt.group("title") or "").strip().lower()))
    return out


def _case_roles(rel: _Rel, by_sentence: list[tuple[Sentence, list[Mention]]], mentions: list[Mention]) -> None:
    """``INVESTIGATES`` / ``PROSECUTES`` a defendant's case: the investigating body or prosecutor's
    office that acted on them, or the body that brought charges against them."""
    ex, text = rel.ex, rel.text
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    if not cases:
        return
    targets: dict[str, list[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target" and c.subject in cases:
            targets.setdefault(c.object, []).append(c.subject)
    of_ref: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        of_ref.setdefault(m.ref, []).append(m)
    starts_of = {ref: [m.start for m in ms] for ref, ms in of_ref.items()}
    for c in list(ex.claims):
        if c.predicate != "PARTICIPANT_IN" or c.qualifiers.get("role") != "perpetrator" or c.object not in targets:
            continue
        kind = (ex.entities[c.object].attributes or {}).get("kind")
        if kind not in ("arrest", "detention", "search", "charge", "indictment", "interrogation"):
            continue
        pred = _case_role(rel, c.subject, c.span, of_ref.get(c.subject, []), starts_of.get(c.subject, []))
        if pred:
            for defendant in targets[c.object]:
                rel.add(c.subject, pred, cases[defendant], c.span, 0.7, "case-role")
    for sent, inside in by_sentence:
        org_refs = [m for m in inside if m.label == "Organisation" and m.ref in ex.entities]
        people = {m.start: m for m in inside if m.label == "Person"}
        # "ORG (has) opened a criminal case against X", "ORG brought fresh charges against X",
        # "a criminal case against X was opened by ORG"
        for mt in _OPENED_RE.finditer(sent.text):
            a, b = sent.start + mt.start(), sent.start + mt.end()
            who = people.get(b)
            if who is not None and who.ref in cases:
                accused = [who.ref]
            elif who is None and mt.group("what").lower().startswith("charge"):
                # "charges against these men": the defendants the charge rule found in this phrase
                accused = list(dict.fromkeys(c.subject for c in ex.claims if c.predicate == "DEFENDANT_IN" and c.rule == "charge"
                                             and c.subject in cases and c.span[0] <= b and c.span[1] >= a))
            else:
                continue
            pred = "INVESTIGATES" if mt.group("what").lower().startswith(("case", "proceedings", "criminal")) \
                and mt.group("verb").lower().startswith(("open", "initiat", "launch", "institut")) else "PROSECUTES"
            org = [o for o in org_refs if sent.start <= o.end <= a and re.fullmatch(
                r"\s+(?:(?:has|have|had)\s+)?(?:also\s+)?", text[o.end:a])]
            for ref in accused if org else ():
                rel.add(org[-1].ref, pred, cases[ref], quote_span(text, sent, org[-1].start, who.end if who else b), 0.7,
                        "case-against")
        for mt in _CASE_AGAINST_RE.finditer(sent.text):
            a, b = sent.start + mt.start(), sent.start + mt.end()
            who = people.get(b)
            if who is None or who.ref not in cases:
                continue
            by = re.match(r"\s+(?:was|were|had been|has been|have been)\s+(?:opened|initiated|launched|instituted)\s+by\s+(?:the\s+)?",
                          text[who.end:who.end + 60], re.IGNORECASE)
            org = [o for o in org_refs if by and o.start == who.end + by.end()]
            if org:
                rel.add(org[0].ref, "INVESTIGATES", cases[who.ref], quote_span(text, sent, a, org[0].end), 0.7, "case-opened-by")
        # "prosecutor X requested 17 years for Y", "investigator X charged Y", "the Prosecutor-General, X, officially
        # made the charge against Y", "a request by the Prosecutor-General of Crimea, X, accusing ORG" (an organisation
        # that is itself a defendant, as in a ban case)
        accused_at = {m.start: m for m in inside if m.ref in cases and m.label in ("Person", "Organisation")}
        for p in (m for m in people.values() if sent.start <= m.start and m.end <= sent.end):
            role = re.search(r"\b(prosecutor|investigator)(?:[-\s]general)?(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5})?"
                             r"\s*,?\s*(?:(?:Mr|Mrs|Ms)\.?\s+)?$", text[max(sent.start, p.start - 70):p.start], re.IGNORECASE)
            if not role:
                continue
            verbs = _PROSECUTOR_VERBS if role.group(1).lower() == "prosecutor" else _INVESTIGATOR_VERBS
            act = re.match(rf",?\s+(?:has\s+|had\s+|also\s+|\w+ly\s+)*(?:{verbs})\b[^.;]{{0,60}}?\b(?:for|against|of|on)?\s*"
                           r"(?:the\s+)?(?=[A-Z])", text[p.end:sent.end])
            if not act:
                continue
            who = accused_at.get(p.end + act.end())
            if who is not None and who.ref in cases and who.ref != p.ref:
                pred = "PROSECUTES" if role.group(1).lower() == "prosecutor" else "INVESTIGATES"
                rel.add(p.ref, pred, cases[who.ref], quote_span(text, sent, p.start - len(role.group()), who.end), 0.7,
                        f"{role.group(1).lower()}-acts")


_OPENED_RE = Prefiltered(re.compile(rf"\b(?P<verb>opened|opens|initiated|initiates|launched|instituted|{_CHARGE_VERBS})\s+"
                        r"(?:(?:a|an|the|new|fresh|another|further|two|three|several)\s+)*(?:[\w“”\"-]+\s+){0,2}?"
                        rf"(?P<what>criminal\s+case|case|cases|proceedings|charges?)\s+against\s+{_HONOUR}", re.IGNORECASE))
_CASE_AGAINST_RE = Prefiltered(re.compile(rf"\b(?:criminal\s+)?(?:case|proceedings)\s+against\s+{_HONOUR}", re.IGNORECASE))
_PROSECUTOR_VERBS = (r"requested|demanded|asked\s+for|sought|called\s+for|charged|indicted|accused|accusing|"
                     r"(?:made|brought|filed|pressed)\s+(?:the\s+|new\s+|fresh\s+)?charges?\s+against")
_INVESTIGATOR_VERBS = r"charged|accused|interrogated|questioned|opened\s+a\s+(?:criminal\s+)?case\s+against"


_SAME_CASE_RE = Prefiltered(re.compile(r"\b(?:in|under|within|as\s+part\s+of)\s+the\s+same\s+(?:criminal\s+)?(?:case|proceedings)"
                           r"(?:\s+(?:as|with)\s+(?P<with>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?=[A-Z])))?", re.IGNORECASE))
_CASE_OF = r"(?:(?:the\s+)?(?:criminal\s+)?(?:case|prosecution)\s+(?:of|against)\s+)"
_LINKED_RE = re.compile(rf"(?:’s|'s)?\s+(?:criminal\s+)?(?:case\s+)?(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                        rf"(?:linked|connected|related|tied|joined|merged)\s+(?:to|with)\s+{_CASE_OF}?", re.IGNORECASE)


def _linked_cases(rel: _Rel, by_sentence: list[tuple[Sentence, list[Mention]]]) -> None:
    """``LINKED_TO`` between defendants' cases that the article puts together: "X was charged in the
    same case as Y", "X and Y, defendants in the same case", "the case of X is linked to the case of Y"."""
    ex, text = rel.ex, rel.text
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    if len(set(cases.values())) < 2:
        return
    for sent, inside in by_sentence:
        people = [m for m in inside if m.label == "Person" and m.ref in cases]
        if len({m.ref for m in people}) < 2:
            continue
        for mt in _SAME_CASE_RE.finditer(sent.text):
            a, b = sent.start + mt.start(), sent.start + mt.end()
            if mt.group("with") is not None:  # "X ... in the same case as Y"
                other = next((m for m in people if m.start == b), None)
                before = [m for m in people if m.end <= a and m.ref != (other.ref if other else "")]
                if other is not None and before and not re.search(r"[;]", text[before[-1].end:a]):
                    for m in _coordinated(text, people, before[-1], forward=False):  # Y's case -> X's (conv13c use J)
                        rel.add(cases[other.ref], "LINKED_TO", cases[m.ref], quote_span(text, sent, m.start, other.end), 0.7,
                                "same-case")
                continue
            # "X and Y were charged in the same case": the people named together before it
            before = [m for m in people if m.end <= a]
            group = _coordinated(text, people, before[-1], forward=False) if before else []
            refs = list(dict.fromkeys(m.ref for m in reversed(group)))
            for r in refs[1:]:
                first = min(m.start for m in group)
                rel.add(cases[refs[0]], "LINKED_TO", cases[r], quote_span(text, sent, first, b), 0.7, "same-case")
        for x in people:
            linked = _LINKED_RE.match(text, x.end)
            if not linked:
                continue
            # "the case of X is linked to ...", "X's case is linked to ...": the case, not the person
            possessive = x.text.endswith(("’s", "'s")) or text[x.end:x.end + 2] in ("’s", "'s")
            if not (possessive and re.search(r"\bcase\b", linked.group(), re.IGNORECASE)
                    or re.search(rf"{_CASE_OF}{_HONOUR}$", text[max(sent.start, x.start - 40):x.start], re.IGNORECASE)):
                continue
            y = next((m for m in people if m.start == linked.end() and m.ref != x.ref), None)
            if y is not None:
                rel.add(cases[x.ref], "LINKED_TO", cases[y.ref], quote_span(text, sent, x.start, y.end), 0.7, "case-linked")


def _case_role(rel: _Rel, org: str, span: tuple[int, int], mentions: list[Mention], starts: list[int]) -> str | None:
    """Whether ``org`` acts as the investigator or the prosecutor: by its kind or name, or as
    "investigators of ORG" / "ORG investigators" in the claim's own quote (``mentions``: its mentions in
    text order, ``starts`` their starts)."""
    e = rel.ex.entities[org]
    kind = (e.attributes or {}).get("kind")
    if kind == "prosecutor" or re.search(r"\bProsecutor", e.name):
        return "PROSECUTES"
    if re.search(r"\bInvestigat", e.name):
        return "INVESTIGATES"
    text = rel.text
    # only the mentions inside the quote (``mentions`` are in text order): not every mention of a body named 2,000 times
    for m in mentions[bisect.bisect_left(starts, span[0]):]:
        if m.start > span[1]:
            break
        if m.ref == org and span[0] <= m.start and m.end <= span[1] and (
                re.search(r"\binvestigators?\s+(?:of|from)\s+(?:the\s+)?$", text[max(0, m.start - 30):m.start], re.IGNORECASE)
                or re.match(r"(?:’s|'s)?\s+investigators?\b", text[m.end:m.end + 20], re.IGNORECASE)):
            return "INVESTIGATES"
    return None


def _document_statement(rel: _Rel) -> None:
    """An official who speaks in the document's opening lines or its attribution line (a lead,
    a byline, "as delivered by") speaks for the government whose statement the document is: the
    government's statement in it is that one statement (one statement event per speaker), so
    its own statement event becomes the official's."""
    ex = rel.ex
    states = [c for c in ex.claims if c.predicate == "STATES" and (ex.entities[c.object].attributes or {}).get("kind") == "statement"]
    attributed = ("rel:delivered-by", "rel:statement-by", "byline")
    officials = {c.subject for c in ex.claims if c.predicate in ("LEADS", "WORKS_FOR")} | {
        k for k, e in ex.entities.items() if e.label == "Person" and (e.attributes or {}).get("position")}
    # The official who opens the document (not a detainee quoted in a news story's lead).
    leads = [c for c in states if rel.label(c.subject) == "Person" and (
        c.rule in attributed or (c.span[0] < _LEAD_CHARS and c.subject in officials))]
    if len({c.subject for c in leads}) != 1:
        return
    doc, official = leads[0].object, leads[0].subject
    attributed_doc = any(c.rule in attributed for c in leads)
    speakers: dict[str, set[str]] = {}
    for c in states:
        speakers.setdefault(c.object, set()).add(c.subject)

    def government(ref: str) -> bool:
        e = ex.entities[ref]
        return e.label == "Organisation" and not e.generic and (e.attributes or {}).get("kind") == "government"

    def country(ref: str) -> str | None:
        return (ex.entities[ref].attributes or {}).get("country")

    # An official who serves one country's government body does not speak for another country's.
    serves = {country(c.object) for c in ex.claims if c.subject == official and c.predicate in ("LEADS", "WORKS_FOR", "MEMBER_OF")
              and government(c.object)} - {None}
    merged = {c.object for c in states if c.object != doc and government(c.subject) and speakers[c.object] == {c.subject}
              and (country(c.subject) is None or not serves or country(c.subject) in serves)
              # the government speaks in the opening too (its statement is the document's), or a byline says whose it is
              and (attributed_doc or c.span[0] < _LEAD_CHARS)}
    for c in ex.claims:
        if c.subject in merged:
            c.subject = doc
        if c.object in merged:
            c.object = doc
            rel.have.add((c.subject, _kind_of(c.predicate), c.object))
