"""Whom and where a claim rule's trigger is about: targets, agents, pronoun antecedents, places, dates."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from anyascii import anyascii

from loaders.extract.claim_model import Extraction, SentenceMentions, quote_span
from loaders.extract.events import (
    release_destination,
)
from loaders.extract.guards import (
    CLAUSE_VERB_RE,
    RELATIVE_AFTER_RE,
    other_act,
)
from loaders.extract.mentions import Mention, Sentence

_FEMININE = ("ova", "eva", "yova", "ina", "yna", "ska", "aya", "kaya")


def antecedent(named: list[str], pronoun: str, ex: Extraction, officials: set[str]) -> str | None:
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

def first_ref_pos(cx: SentenceMentions, ref: str, default: int) -> int:
    """Where ``ref`` (a name or a pronoun for them) is last mentioned at or before ``default``; else ``default``."""
    pos = [m.start for m in cx.people if m.ref == ref] + [a for a, _b, r in cx.pronouns if r == ref]
    near = [p for p in pos if p <= default]
    return max(near) if near else default


def last_ref_pos(cx: SentenceMentions, ref: str, default: int) -> int:
    """Where the first mention of ``ref`` that ends at or after ``default`` ends; else ``default``."""
    pos = [m.end for m in cx.people if m.ref == ref] + [b for _a, b, r in cx.pronouns if r == ref]
    near = [p for p in pos if p >= default]
    return min(near) if near else default


_SAID_COLON_RE = re.compile(r"[^.;“”\"]{0,100}?\b(?:said|says|stated|added)\s*:")
# "X, a representative on freedom of the media, called Y's detention “...”": who judges an act names it; it was not done to them.
_JUDGED_RE = re.compile(r"^(?:(?!\b(?:who|which|that)\b)[^.;])*?\b(?:called|described|condemned|denounced|critici[sz]ed|deplored|"
                        r"decried)\s+(?:(?:the|a|an|this|these|that)\s+)?(?:[\w’'-]+\s+){0,3}$")


def find_targets(cx: SentenceMentions, a: int, b: int, exclude: set[str], speakers: list[tuple[str, int, int]],
            acts: Sequence[tuple[int, int]] = ()) -> tuple[list[str], float]:
    """Whom an event or charge is about: the person nearest before the trigger, else just after,
    else a pronoun; with the people named together with them ("X and Y were detained")."""
    # A speaker named before the trigger reports what happened to someone else ("X said the
    # FSB arrested ..."); what happened to the speaker comes through a pronoun ("X said he ...").
    spoken = {s[1] for s in speakers if s[2] <= a}
    # “... are being sent to jail, tortured ...,” said X: who closes a quotation is not its object.
    # (unless the quotation speaks in the first person: “I was tortured,” said X)
    spoken |= {s[1] for s in speakers if s[1] >= b and re.search(r"[”\"]", cx.between(b, s[1]))
               and not re.search(r"\b(?:I|me|my|we|us)\b", cx.before(a, 200).rsplit("“", 1)[-1])}
    # "Responding to news that X was charged, Y, Amnesty's Director, said:": who introduces a quotation is not its object.
    spoken |= {s[1] for s in speakers if s[1] >= b and _SAID_COLON_RE.match(cx.after(s[2], 120))}
    cands: list[tuple[float, list[str], float]] = []
    # "Y, the wife of X, said her husband was tortured": the act's subject is a relative the sentence does not name here.
    # ("his legal representative faced intimidation, which included arrest": the relative clause is still the relative's)
    kin = [pa for pa, pb, _r in cx.pronouns if pb <= a and cx.between(pa, pb).lower() in ("his", "her")
           and RELATIVE_AFTER_RE.match(cx.after(pb, 30)) and not re.search(r"[,;](?!\s*which\b)", cx.between(pb, a))]
    # "Two key witnesses for the prosecution, both of whom have been sentenced": the relative's antecedent is
    # a noun phrase that names nobody, so nobody named before the relative is the act's object.
    unnamed_before = unnamed_relative(cx, a)
    # "ORG detained A, searched the home of B and sentenced C": a verb of the list with its object after it; the name
    # before it is the object of the verb before (A of "detained", B of "searched"), not this one's.
    listed = bool(acts) and _LIST_OBJECT_AFTER_RE.match(cx.after(b, 6)) is not None
    for m in cx.people:
        if m.ref in exclude or m.start in spoken or (kin and m.end <= kin[-1]) or m.end <= unnamed_before:
            continue
        if listed and m.end <= a and _LIST_JOIN_RE.fullmatch(cx.between(m.end, a)) and any(
                y <= m.start and m.start - y <= 60 and _PRIOR_OBJECT_RE.fullmatch(cx.between(y, m.start)) for _x, y in acts):
            continue
        if m.start >= b and _KIN_OF_RE.search(cx.between(b, m.start)):
            continue  # "detained the lawyer of X": the lawyer, whom the sentence does not name
        if m.end <= a and re.match(r"(?:’s|'s)", cx.after(m.end, 3)) and RELATIVE_AFTER_RE.match(cx.after(m.end + 2, 30)) \
                and not re.search(r"[,;]", cx.between(m.end, a)):
            continue  # "X's father was killed": the father, whom the sentence does not name
        if m.end <= a:
            # An apposition between the name and its verb does not put them apart:
            # "Akhtem Chiygoz, deputy leader of the Mejlis – the body outlawed in Russia – was arrested".
            gap = APPOSITION_RE.sub("", cx.between(m.end, a), count=1)
            dist: float = len(gap) if gap != cx.between(m.end, a) else a - m.end
            if re.search(r"[;]|\band\b[^,]*\b(?<!who )(?<!which )(?:was|were|is)\b", cx.between(m.end, a)) \
                    and not _OPEN_APPOSITION_RE.fullmatch(cx.between(m.end, a)):
                # ("X, an ecologist and anti-fascist activist was sentenced": an apposition whose closing comma is missing)
                dist += 80
            cands.append((dist, cx.group_of(m.ref), 0.8))
        elif m.start >= b and (owner := _OWNER_OF_NAMED_RE.match(cx.after(m.end, 60))) is not None \
                and any(p.start == m.end + owner.end() for p in cx.people):
            continue  # "detained X’s former boss, Y": the one named after X's title, not X
        elif m.start >= b and not other_act(cx, b, m.start, acts) and ";" not in cx.between(b, m.start):
            # "searched the homes of believers and detained X": X is the object of the second verb only.
            # "... subjected to severe torture; X, one of several ...": the next item of a ";" list is another person's.
            # "Following the arrest of Y in Moscow, the detention of X is ...": the name after "of" is the act's object.
            of = (act := _NOUN_ACT_RE.search(cx.between(a, b))) is not None and _OF_NAME_RE.fullmatch(cx.between(b, m.start)) \
                and (act.group().lower().endswith(" of") or cx.between(b, m.start).lstrip().startswith("of "))
            cands.append((0 if of else m.start - b + 15, cx.group_of(m.ref), 0.7))
    for m in cx.people:  # inside the trigger: "detained the Deputy of the Mejlis X for"
        if a <= m.start and m.end <= b and m.ref not in exclude and m.start not in spoken:
            cands.append((0, cx.group_of(m.ref), 0.75))
    for pa, pb, ref in cx.pronouns:
        word = cx.between(pa, pb).lower()
        if ref in exclude or (word in ("his", "her") and RELATIVE_AFTER_RE.match(cx.after(pb, 30))) or pb <= unnamed_before:
            continue  # "her husband was tortured": the husband, not the woman who speaks of him
        if pb <= a and word in ("him", "her", "them") and _INDEFINITE_AND_RE.search(cx.before(pa, 120)):
            continue  # "Arresting a frail senior citizen and throwing him behind bars": him is that citizen
        if a <= pa and pb <= b:  # inside the trigger: "pressured him to", "accused them of"
            cands.append((0, [ref], 0.6))
        elif pb <= a:
            cands.append((a - pb, [ref], 0.6))
        elif pa >= b and not other_act(cx, b, pa, acts) and (word != "his" and (word != "her" or pa - b <= 2)):
            # "sentenced to six years for practising his faith": a possessive after the act is not its object
            cands.append((pa - b + 15, [ref], 0.55))
    for pa, pb, group in cx.plurals:
        refs = [r for r in group if r not in exclude]
        if pb <= unnamed_before or 0 <= unnamed_before <= pa <= unnamed_before + 14:
            continue  # (and the relative "both of whom" itself)
        if cx.between(pa, pb).lower() == "both" and _CORRELATIVE_BOTH_RE.match(cx.after(pb, 60)):
            continue  # "to increase both political and diplomatic pressure ... to free all citizens": no people meant
        if cx.between(pa, pb).lower() == "their" and not (a <= pa and pb <= b) \
                and not (pb <= a and _THEIR_ACT_RE.fullmatch(cx.between(pb, a)) and _NOMINAL_ACT_RE.match(cx.between(a, b))):
            continue  # (but "their arrest", "their illegal detention": the possessive of a nominal act is whom it was done to)  # "raids on their homes" names whose; "their alleged adherence" after a verb need not
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
                   and re.match(r"(?:\s*\([^()]{1,160}\))?(?:,[^,;]{1,80},)?\s+(?:was|were|is|are|has|have|had)\b", cx.after(m.end, 260))]
        if subject and len({m.ref for m in cx.people}) == 1 and subject[0].end <= a:
            return [subject[0].ref], 0.6
        return [], 0.0
    dist, refs, conf = cands[0]
    conf = max(c for d, r, c in cands if r == refs and d <= dist + 120)  # a pronoun for people named here
    judges = {m.ref for m in cx.people if m.end <= a and m.ref in refs and _JUDGED_RE.search(cx.between(m.end, a))}
    if judges and len(judges) < len(refs):
        refs = [r for r in refs if r not in judges]  # (an apposition before "called" reads like a list of names)
    others = {x for _d, r, _c in cands for x in r if x not in refs}
    return refs, conf - (0.1 if others else 0.0)


# "both" that opens a pair joined by "and" ("both political and diplomatic pressure", "both in Crimea and in Russia"):
# a conjunction, not the pronoun for two people named before ("Both were arrested", "both of them", "both men").
_CORRELATIVE_BOTH_RE = re.compile(r"\s+(?!(?:of|were|are|was|is|have|had|has|men|women|received|remain|remained|"
                                  r"said|say|face|faced|deny|denied)\b)(?:[\w’'-]+\s+){1,3}?and\s", re.IGNORECASE)


# A list of verbs that share one subject: the joint between two of its items, the object right after a verb, the words
# between a verb and the name it governs ("searched the home of ").
_LIST_JOIN_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LIST_OBJECT_AFTER_RE = re.compile(r"\s+(?:(?:the|his|her|their|him|them)\b|(?-i:[A-Z]))")
_PRIOR_OBJECT_RE = re.compile(r"\s+(?:(?!(?:was|were|is|are|been|by|who|which|that|and)\b)[\w’'-]+\s+){0,5}")


# Between "their" and the nominal act it owns: an adjective or two at most ("their arbitrary detention").
_THEIR_ACT_RE = re.compile(r"\s+(?:(?:[a-z][\w-]*(?:ary|al|ful|ed|ive|ent|ous|ing|ic)|recent|latest|first|second|new|own|mass)\s+){0,2}")
_NOMINAL_ACT_RE = re.compile(r"(?:[a-z][\w-]*\s+){0,2}?(?:arrests?|detentions?|release|trials?|sentencing|convictions?|transfers?|exchange|deportation|"
                             r"abduction|disappearance|interrogations?|imprisonment|jailing|torture|ill-treatment|searches|"
                             r"prosecution|hearings?|appeals?)\b", re.IGNORECASE)
# A nominal act and the "of" that names its object: "the detention of (lawyer) X".
_NOUN_ACT_RE = re.compile(r"\b(?:detention|arrest|release|trial|sentencing|conviction|search|interrogation|abduction|"
                          r"disappearance|prosecution|deportation|expulsion|kidnapping|imprisonment|jailing)(?:\s+of)?$", re.IGNORECASE)
_OF_NAME_RE = re.compile(r"\s*(?:of\s+)?(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,4}")


# A relative pronoun and the noun phrase it hangs on: "..., both of whom", "... who", "..., whom".
_RELATIVE_RE = re.compile(r"(?:,\s*(?:(?:both|all|each|neither|none|some|one|two|three|four|many|most)\s+of\s+)?|\s+)(?:who|whom)\b")
# A group that includes a person named in it or right before it: "one of 20 believers who", "among those who".
_GROUP_NP_RE = re.compile(r"\b(?:one|some|several|many|most|each|two|three|four|five)\s+of\b|\b(?:among|those|including)\b", re.IGNORECASE)
# (a trial's "two key witnesses" is no name of the article's pair of defendants)
_TRIAL_WITNESSES_RE = re.compile(r"(?<!Jehovah’s )(?<!Jehovah's )\bwitnesses$")
# Who is "him" after "an ... and <verb>ing" / "and <verb>ed": the indefinite noun phrase of the first verb.
_INDEFINITE_AND_RE = re.compile(r"(?:^|[“\"(]\s*)[A-Z]?[a-z]+(?:ing|ed)\s+(?:an?)\s+(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*\s+and\s+"
                                r"(?:then\s+)?[a-z]+(?:ing|ed)\s+$")
_KIN_OF_RE = re.compile(r"^\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[a-z][\w-]*\s+)?"
                        r"(?:husband|wife|son|daughter|brother|sister|father|mother|relatives?|lawyer|attorney|advocate|"
                        r"(?:legal\s+)?representative)s?\s+of\s+$")


def unnamed_relative(cx: SentenceMentions, a: int) -> int:
    """Where a relative pronoun before the trigger at ``a`` begins when it hangs on a noun phrase that names nobody
    ("Two key witnesses for the prosecution, both of whom have been sentenced"); else -1. The act of the relative
    clause is that phrase's, not a person's named before it."""
    before = cx.between(cx.s.start, a)
    rel = None
    for m in _RELATIVE_RE.finditer(before):
        rel = m
    if rel is None or re.search(r"[;:]|\b(?:and|but)\s+(?:\w+\s+){0,3}?(?:was|were|is|are|has|have|had)\b", before[rel.end():]):
        return -1
    at = cx.s.start + rel.start()
    lo = max((i for i in (before.rfind(c, 0, rel.start()) for c in ",;:(–—“") if i >= 0), default=-1) + 1
    np = before[lo:rel.start()]
    if not re.search(r"[a-z]{3}", np) or _GROUP_NP_RE.search(np):
        return -1
    start = cx.s.start + lo
    named = [m.end for m in cx.people] + [pb for _pa, pb, _r in cx.pronouns] \
        + [pb for pa, pb, _g in cx.plurals if not _TRIAL_WITNESSES_RE.search(cx.between(pa, pb))]
    if any(start <= e <= at for e in named):
        return -1  # "A and B, both of whom", "the two men who"
    # an apposition: "X, a Crimean Tatar activist who was arrested", "X, 45, a lawyer who": a name in the two
    # comma-separated segments before the noun phrase
    prev_lo = lo
    for _ in range(2):
        if prev_lo <= 0 or before[prev_lo - 1] not in ",–—(":
            break
        prev_lo = max(before.rfind(c, 0, prev_lo - 1) for c in ",;:(–—“") + 1
        if any(cx.s.start + prev_lo <= e <= cx.s.start + lo for e in named):
            return -1
    return at


# An apposition right after a name, its closing comma left out, then the verb: ", an ecologist and activist was ".
_OPEN_APPOSITION_RE = re.compile(r",\s+(?:an?|the)\s+[a-z][^,;.()“”\"]{0,80}?\s(?:was|were|is|are|has\s+been|had\s+been)\s+(?:\w+ly\s+)?")
# Between an owner's name and the person their title names: "’s former boss, ", "'s lawyer ".
_OWNER_OF_NAMED_RE = re.compile(r"(?:’s|'s)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,?\s+")


# A second, short apposition may follow the first: "X and Y, the two deputy heads of the body banned as
# “extremist”, the Mejlis, were sentenced".
APPOSITION_RE = re.compile(r"^,(?:[^,;()“”]|“[^,;”]{1,40}”){1,130}?(?:\s[–—]\s[^–—;]{1,120}\s[–—]\s*|[”\"]?,\s*(?:[^,;()“”]{1,40},\s*)?)"
                           r"(?=(?:who\s+)?(?:was|were|is|has|had|have)\b)")


def find_applicant(text: str, people: list[Mention]) -> str | None:
    """The one applicant a judgment names ("The applicant, Mr X, ...", "X (“the applicant”)"), else None."""
    refs = set()
    for m in people:
        if re.search(r"\bthe\s+applicant,?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$", text[max(0, m.start - 30):m.start], re.IGNORECASE) \
                or re.match(r"\s*\(\s*[“\"]the\s+applicant[”\"]\s*\)", text[m.end:m.end + 25], re.IGNORECASE):
            refs.add(m.ref)
    return next(iter(refs)) if len(refs) == 1 else None


def paragraph_of(newlines: list[int], pos: int) -> int:
    """The offset of the newline before ``pos`` (-1 in the first paragraph), by bisection."""
    i = bisect.bisect_left(newlines, pos)
    return newlines[i - 1] if i else -1


IN_PLACE = r"\b(?:in|at|near)\s+(?:the\s+)?(?:(?:illegally\s+)?(?:occupied|annexed)\s+)?" \
            r"(?:(?:village|town|city|settlement|township)\s+of\s+)?$"


# Between an act and a place that is not the act's: a topic ("a video about the situation in"), another
# time's clause ("two days after he spoke at a rally in", "the arrest was preceded by a search of the office in"),
# a relative clause, a source ("according to").
# A clause of its own ("as he was returning to his family in"), a comparison ("like other cases in"), a participle
# whose place it is ("an organisation banned in").
TOPIC_BREAK_RE = re.compile(r"\b(?:about|regarding|concerning|after|before|when|while|since|until|because|following|preceded|who|which|"
                             r"whom|whose|where|said|says|told|according|like|unlike|but)\b|\b(?:he|she|they|it|we|I)\s+(?:was|were|is|are|"
                             r"had|has|have|\w+ed)\b|\b\w+(?:ed|en)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def place_event(ex: Extraction, text: str, sent: Sentence, cx: SentenceMentions, ev: str, kind: str, a: int, b: int,
                 acts: Sequence[tuple[int, int]] = ()) -> None:
    """LOCATED_IN for an event: the place named just after its trigger ("detained in Simferopol",
    "transferred to Minusinsk"), else the one place the sentence puts it in ("In Bakhchysarai, ...")."""
    if kind in ("verdict", "trial", "hearing", "detention_extension", "appeal"):
        # "the Southern District Military Court in Rostov-on-Don sentenced": where the court sits.
        for o in cx.orgs:
            pl = next((p for p in cx.places if re.fullmatch(r",?\s+(?:in|of)\s+(?:the\s+)?", cx.between(o.end, p.start))), None)
            if pl is not None and ex.entities[o.ref].attributes.get("kind") == "court" and perpetrates(cx, o, a, b):
                ex.claim(ev, "LOCATED_IN", pl.ref, quote_span(text, sent, min(a, o.start), max(b, pl.end)), 0.7, "court-place")
                return
    if kind == "release":
        dest = release_destination(text, sent.start, cx.places, a)
        if dest is not None:
            ex.claim(ev, "LOCATED_IN", dest.ref, quote_span(text, sent, dest.start, b), 0.65, "release-destination")
            return
    where = IN_PLACE if kind not in ("transfer",) else r"\b(?:in|at|near|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$"
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
    located = {pl.ref: pl for pl in cx.places if pl.ref not in seats and re.search(IN_PLACE, cx.before(pl.start, 40), re.IGNORECASE)
               and not re.search(r"\b(?:who|which|whom|where)\s+[^,;()]*$", cx.before(pl.start, 80), re.IGNORECASE)
               # "convicted ... and transferred to a colony in X", "detained in X and sentenced": the other verb's place
               and not (pl.start >= b and other_act(cx, b, pl.start, acts))
               and not TOPIC_BREAK_RE.search(cx.between(b, pl.start) if pl.start >= b else cx.between(pl.end, a))
               and not (pl.end <= a and re.search(r"\b(?:and|then|but)\s+(?:\w+\s+)?$", cx.between(pl.end, a)))
               # "Following the arrest of X in Moscow, the detention of Y ...", "searched his home in X, detained him":
               # a place after another act's trigger and before this one's is that act's
               and not (pl.end <= a and any(sent.start <= x and y <= pl.start for x, y in acts))
               and ex.entities[pl.ref].attributes.get("kind") not in ("country", "region")}
    if len(located) == 1:
        pl = next(iter(located.values()))
        ex.claim(ev, "LOCATED_IN", pl.ref, quote_span(text, sent, min(a, pl.start), max(b, pl.end)), 0.6, "event-place-one")


# Between an owner and the agency it owns: "Russia's Federal Security Service", "Russia’s security services".
_OWNED_AGENCY_RE = re.compile(r"(?:’s|'s)\s+(?:the\s+)?")
# An owner's name before an agency after "by": "by Russia's FSB" ("Russia" is a capitalised word or two).
_OWNER_OPT = r"(?:(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?:’s|'s)\s+)?"
_BY_NEAR_RE = re.compile(r"\s*(?:[\w\s]{0,25}?)\b(?:by|at\s+the\s+hands\s+of)\s+(?:the\s+)?(?:(?:officers|members) of\s+(?:the\s+)?)?" + _OWNER_OPT
                         + r"(?:(?:Russian|Ukrainian|so-called|de\s+facto|local|occupation)\s+){0,2}$")
# (a court the writer will not name as one: "by the so-called ‘Supreme Court’ of ...")
_BY_END_RE = re.compile(r"\bby\s+(?:the\s+)?(?:(?:officers|members) of\s+(?:the\s+)?)?" + _OWNER_OPT
                        + r"(?:(?:so-called|self-proclaimed|de\s+facto)\s+)?[‘“\"']?$")
# A participle's own agent right after the trigger: "detained by", "arrested by the".
_PASSIVE_BY_RE = re.compile(r"\s+by\b")
_AUTHOR_BY_RE = re.compile(r"\b(?:statement|declaration|remarks|report|comments?|speech|letter|communiqu[eé]|"
                           r"press\s+release|address)\s+by\s+(?:the\s+)?$", re.IGNORECASE)


def perpetrates(cx: SentenceMentions, o: Mention, a: int, b: int) -> bool:
    """Whether organisation ``o`` is the one doing the act whose trigger is ``text[a:b]``:
    "the FSB detained", "the Court in Rostov-on-Don sentenced", "detained by the FSB",
    "the detention by Russia of ...", "violations by Russia, including the detention of ..."."""
    # "detained by Russia's Federal Security Service": the owner of the agency named next is not the agent.
    if re.match(r"(?:’s|'s)\s", cx.after(o.end, 3)) and any(
            x.start > o.end and _OWNED_AGENCY_RE.fullmatch(cx.between(o.end, x.start)) for x in cx.orgs):
        return False
    # "the conviction by a court in Crimea of X": a trigger that takes in its "by" phrase holds its agent.
    if a < o.start and o.end <= b and _BY_END_RE.search(cx.between(a, o.start)):
        return True
    # "20 Jehovah's Witnesses detained by the police": a name before a participle with its own "by" is its object.
    if o.end <= a and _PASSIVE_BY_RE.match(cx.after(b, 12)):
        return False
    if 0 <= a - o.end <= 90 and re.fullmatch(
            # (a name in quotation marks: "the so-called ‘Supreme Court’ sentenced")
            r"[’”\"']?\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?![^,]*\b(?:and|which|who|that|said|says|where|when)\b)[^,;()“”]{1,80},\s*)?"
            # "authorities in Russian-occupied Crimea, Ukraine, arrested": the place and the country it lies in
            r"(?:(?:in|of)\s+(?:the\s+(?:city|town|village)\s+of\s+)?[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?(?:,\s+[A-Z][\w’'-]*,)?\s*)?"
            # "the Court in Rostov-on-Don on 3 May sentenced": a date between
            r"(?:on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+\d{4})?,?\s+)?"
            # ("FSB officers had searched": the agency's people, then an auxiliary)
            r"(?:officers?\s+|agents?\s+)?(?:have\s+|had\s+|has\s+)?"
            # "FSB agents in the Russia-annexed region of Crimea raided and searched": where the agents were, a first verb
            r"(?:(?:in|from)\s+(?:the\s+)?[^,;()“”]{1,50}?\s+(?=[a-z]+ed\b))?(?:[a-z]+ed\s+and\s+)?"
            # ("the FSB today detained", "police on Tuesday detained", "the FSB later arrested")
            r"(?:(?:also|then|later)\s+)?(?:(?:today|yesterday|again|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+)?"
            r"(?:(?:\w+ly|already)\s+)?(?:tried to\s+|attempted to\s+)?"
            r"(?:(?:carried|carries|carry)\s+out\s+|conducted\s+|staged\s+|launched\s+|(?:held|holds|hold)\s+)?(?:(?:a|an|the|new)\s+)?",
            cx.between(o.end, a)):
        return True
    if 0 <= o.start - b <= 50 and _BY_NEAR_RE.match(cx.between(b, o.start)):
        return True
    # "the attempt of the FSB to recruit him", "Russia's attempt to annex": the agency of the attempt does the act.
    if 0 <= a - o.end <= 40 and _ATTEMPT_TO_RE.fullmatch(cx.between(o.end, a)) and (
            not cx.between(o.end, a).startswith(" ") or _ATTEMPT_OF_RE.search(cx.before(o.start, 30))):
        return True
    # "Russian authorities have already forcibly exiled or jailed X, banned ...": the subject of a list of verbs.
    if _subject_list(cx, o, a, b):
        return True
    # "the arrest of X was preceded by the FSB's search of ...": the "by" of a verb that names another act.
    if o.start >= b and _SEQUEL_BY_RE.search(cx.before(o.start, 40)):
        return False
    # "the detention of X, Y and Z by Russian occupation authorities": "by" right before the agency.
    if 0 <= o.start - b <= 160 and _BY_END_RE.search(cx.before(o.start, 50)) \
            and not re.search(r"[;]|\b(?:and|but|while|which|who)\s+(?:was|were|is|are|has|have)\b", cx.between(b, o.start)) \
            and not _LATER_PASSIVE_RE.search(cx.between(b, o.start)) \
            and not (o.start - b > 40 and _OTHER_AGENT_RE.search(cx.between(b, o.start))
                     and not _ACT_PASSED_BY_RE.search(cx.between(b, o.start))):
        return True
    # "the Russian-controlled “Supreme Court of Crimea” found X guilty of sabotage and sentenced him": who
    # finds guilty sentences (or convicts) too.
    if 0 <= a - o.end <= 160 and _GUILTY_AND_RE.fullmatch(cx.between(o.end, a)):
        return True
    # "the trial of X continued at the Southern District Military Court": the court where a court's act takes place holds it.
    if 0 <= o.start - b <= 80 and o.entry is not None and o.entry.attributes.get("kind") == "court" and re.fullmatch(
            r"(?:\s*[^,;()“”]{1,60}?)?\s+(?:(?:began|begins|opened|opens|continued|continues|resumed|resumes|started|starts|"
            r"was\s+held|were\s+held|took\s+place|is\s+held|are\s+held|was\s+heard|took\s+place)\s+)?(?:at|in|before)\s+(?:the\s+)?",
            cx.between(b, o.start)):
        return True
    # "Russia’s detention of X", "the Russian Federation’s continued imprisonment of X": the owner of a nominal act does it.
    if 0 <= a - o.end <= 40 and _POSSESSIVE_AGENT_RE.fullmatch(cx.between(o.end, a)) \
            and re.search(r"\bof\s*$|^\w*\s+of\b|^raids?\s+on\b", cx.between(a, b + 12)):
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
    # Not the author of a text about the act: "Statement by the Spokesperson on the detention of ...".
    return 0 <= a - o.end <= 120 and bool(re.search(r"\bby\s+(?:the\s+)?$", cx.before(o.start, 10))) \
        and not _AUTHOR_BY_RE.search(cx.before(o.start, 40)) \
        and not re.search(r"[.;]|\b(?:after|before|during|since|following|when|while|until)\b", cx.between(o.end, a)) \
        and not _FINITE_PASSIVE_RE.search(cx.between(o.end, a)) \
        and not _VERBAL_RE.match(cx.between(a, b))  # "beaten by FSB officers after his arrest": another time, another act


def coordinated_agent(cx: SentenceMentions, o: Mention, a: int, acts: Sequence[tuple[int, int]]) -> bool:
    """"ORG searched the homes of ... and detained X": the agency of the first verb does the second,
    joined to it by "and" in the same clause (no relative clause or passive between; another agent
    before the second verb would stand between "and" and it)."""
    if _subject_chain(cx, o, a):
        return True
    # ("has arrested X and continues to keep him behind bars": the subject goes on doing the second act)
    if not re.search(r"\band\s+(?:then\s+|later\s+|also\s+|subsequently\s+)?(?:\w+ly\s+)?(?:continues?\s+to\s+|continued\s+to\s+)?(?:(?:keep|hold)\s+)?$",
                     cx.before(a, 45)) and not (
            # "Russia detained X, sentenced him to ten years and ...": a list of verbs with one subject (the object
            # pronoun right after says the verb is active, not "X, sentenced to ten years, ...")
            # (or a name: "FSB officers searched X's home on April 19, detained X for questioning")
            re.search(r",\s+(?:then\s+|later\s+)?$", cx.before(a, 12)) and (
                re.match(r"\w*\s+(?:him|her|them)\b", cx.between(a, a + 16))
                or any(m.start > a and re.fullmatch(r"\w*\s+", cx.between(a, m.start)) for m in cx.people))):
        return False
    for x, y in acts:
        # (a dot inside a name, "Krym.Realii", ends no clause)
        if o.end <= x and y <= a and perpetrates(cx, o, x, y) and not re.search(
                r"[.;:](?!\w)|\b(?:who|which|that|was|were|is|are|had\s+been|has\s+been)\b", cx.between(y, a)):
            return True
    return False


# Before the subject of the sentence: an opening time phrase at most ("On 3 May,", "Later,") and a few words of its name.
_SUBJECT_OPEN_RE = re.compile(r"^\s*(?:(?:On|In|Later|Then|Subsequently|At|During|Last|Earlier)\b[^,;.“”\"]{0,40}?(?:,\s*|\s+))?"
                              r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}$")
# Between the subject and an act of its list of verbs: its first verb, then the list up to the act ("kept X in handcuffs,
# exerted psychological pressure", "stopped his car, searched it and detained"): a verb of the list stands before the act.
_SUBJECT_CHAIN_RE = re.compile(r"(?:\s+(?:officers|agents|officials|employees))?\s+(?:also\s+|then\s+|\w+ly\s+)?"
                               r"(?:[a-z]+ed|kept|took|held|put|beat|threw|brought|sent|made|gave|told|seized)\s"
                               r"(?:(?![.;:“”\"()]|\b(?:who|whom|whose|which|that|was|were|is|are|been|being|by|said|says|after|before|when|"
                               r"while|since|because|if|where)\b).){1,140}?"
                               r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:then\s+|later\s+|also\s+)?(?:\w+ly\s+)?"
                               r"(?:[a-z]+ed|kept|took|held|put|beat|threw|brought|sent|made|gave|seized)\s+(?:(?:him|her|them|the|a|an|his|her|their)\s+)?"
                               r"(?:[a-z][\w-]*\s+){0,2}")


# A clause of its own, with a pronoun subject, whose passive the "by" ends: "..., he was apprehended by".
_LATER_PASSIVE_RE = re.compile(r",\s+(?:he|she|they|we|I)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
                               r"[a-z]+(?:ed|en|wn|ght)\s+(?:and\s+[a-z]+(?:ed|en|wn)\s+)?by\s+[^,;]*$")
# "the attempt of the FSB to", "Russia's attempt to": an agency's attempt names the act after "to".
_ATTEMPT_TO_RE = re.compile(r"(?:(?:’s|'s)\s+(?:\w+\s+)?(?:attempts?|efforts?|bids?)\s+to\s+|\s+to\s+)")
_ATTEMPT_OF_RE = re.compile(r"\b(?:attempts?|efforts?|bids?)\s+(?:of|by)\s+(?:the\s+)?$", re.IGNORECASE)
# Between the subject and an act that is a verb of its list: "have already forcibly exiled or jailed leaders, " before "banned".
_SUBJECT_LIST_RE = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:(?:also|already|then|\w+ly)\s+){0,2}"
                              r"[a-z]+ed(?:\s+(?:or|and)\s+[a-z]+ed)?\s"
                              r"(?:(?![.;:“”\"()]|\b(?:who|whom|whose|which|that|was|were|is|are|been|being|by|said|says|after|before|"
                              r"when|while|since|because|if|where)\b).){1,140}?,\s+(?:and\s+)?(?:also\s+|then\s+)?")

# The act's verb of the list, active with its object after it ("banned their representative body"; not "X, detained last year").
_LIST_VERB_RE = re.compile(r"[a-z]+ed\s+(?:(?:him|her|them|the|a|an|his|their|its)\b|[A-Z])")


def _subject_list(cx: SentenceMentions, o: Mention, a: int, b: int) -> bool:
    """"Russian authorities have already forcibly exiled or jailed X, banned their representative body": the
    organisation that opens the sentence as the subject of a list of past verbs does the verb of the list that is
    the act's trigger (an auxiliary and two adverbs may stand before its first verb)."""
    return o.end <= a and a - o.end <= 200 and bool(_LIST_VERB_RE.match(cx.after(a, 40))) \
        and bool(_SUBJECT_OPEN_RE.match(cx.between(cx.s.start, o.start))) \
        and bool(_SUBJECT_LIST_RE.fullmatch(cx.between(o.end, a)))


def _subject_chain(cx: SentenceMentions, o: Mention, a: int) -> bool:
    """"FSB kept X in handcuffs with a bag over his head, exerted psychological pressure and ...": the organisation
    that opens the sentence as its subject does each act of its list of verbs (no relative clause, passive, speech or
    other time between)."""
    return o.end <= a and a - o.end <= 180 and bool(_SUBJECT_OPEN_RE.match(cx.between(cx.s.start, o.start))) \
        and bool(_SUBJECT_CHAIN_RE.fullmatch(cx.between(o.end, a)))


# Between the subject and a nominal act in its "during" adjunct: "shot X during a raid and", "detained him in the course of the".
_DURING_RE = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:\w+ly\s+)?[a-z]+(?:ed|ot|ok|eld|eat|ew)\s+(?![^,;.]*\b(?:who|which|that|was|were|by)\b)"
                        r"[^,;.]{0,60}?\s+(?:during|in\s+the\s+course\s+of)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?")
# Between an agent's possessive and its nominal act: "’s", "'s", an adjective or two ("continued illegal").
_POSSESSIVE_AGENT_RE = re.compile(r"(?:’s|'s)\s+(?:(?:illegal|arbitrary|unlawful|continued|ongoing|recent|unjust|wrongful|"
                                  r"politically\s+motivated|baseless|latest|brutal|cruel|unjustified)\s+){0,2}")
# "... propagated by X", "the report by X": a "by" far from the act names the agent of another word.
_OTHER_AGENT_RE = re.compile(r"\b(?:\w+ed|report|reports|statement|study|survey|ruling|decision|remarks|comments|letter|"
                             r"resolution|calls?)\s+by\s+(?:the\s+)?(?:(?:officers|members) of\s+(?:the\s+)?)?$")
# A clause of its own between an agent's "by" and a nominal act: "barred by the authorities ..., were sentenced ... following".
_FINITE_PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\b")
# A verb that puts another act after or before this one: "was preceded by", "was followed by".
_SEQUEL_BY_RE = re.compile(r"\b(?:preceded|followed|accompanied|succeeded)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
# "the verdict of X was passed by", "the sentence was handed down by": the agent of the act that is the subject.
_ACT_PASSED_BY_RE = re.compile(r"\b(?:was|were|been)\s+(?:passed|handed\s+down|delivered|pronounced|issued|imposed)\s+by\s+"
                               r"(?:the\s+)?(?:(?:so-called|self-proclaimed|de\s+facto)\s+)?[‘“\"']?$")
# Between the finder and its sentencing verb: "” found Dzhelyal guilty of sabotage and ", "found A and B guilty of ..., and ".
_GUILTY_AND_RE = re.compile(r"[’”\"']?\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?:found|declared|pronounced)\s+(?!(?:that|it)\b)[^.;]{1,100}?"
                            r"\bguilty\b[^.;]{0,110}?,?\s+and\s+(?:then\s+|later\s+|also\s+)?")
HOME_AFTER_RE = re.compile(r"\s+(?:home|house|flat|apartment|residence)\s+in\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?")
_VERBAL_RE = re.compile(r"(?:was|were|been|being|is|are)\b|\w+(?:ed|wn|en|ent)\b(?!\s+of\b)")


def nearest_date(dates: list[tuple[int, int, str]], starts: list[int], sent: Sentence, a: int) -> str | None:
    """The date of the sentence nearest to ``a`` (``dates`` in text order, ``starts`` their starts); None when it has none."""
    lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
    inside = [d for d in dates[lo:hi] if d[1] <= sent.end]
    if not inside:
        return None
    return min(inside, key=lambda d: abs(d[0] - a))[2]


# Between two agencies of one list: "the FSB (FSB), the Ministry of the Interior, and the National Guard".
_AGENT_GAP_RE = re.compile(r"\)?\s*(?:\([^()]{1,30}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def agent_list(cx: SentenceMentions, agents: Sequence[Mention]) -> list[Mention]:
    """The organisations listed together with the ``agents`` of an act ("officers of the FSB, the Ministry of the
    Interior, and the National Guard raided ...", "detained by the FSB and the police"): each did it too."""
    out: list[Mention] = []
    orgs = sorted(cx.orgs, key=lambda m: m.start)
    for ag in agents:
        i = orgs.index(ag) if ag in orgs else -1
        if i < 0:
            continue
        for step in (-1, 1):
            j, cur, chain, joined = i + step, ag, [], False
            while 0 <= j < len(orgs):
                nxt = orgs[j]
                gap = cx.between(nxt.end, cur.start) if step < 0 else cx.between(cur.end, nxt.start)
                if not _AGENT_GAP_RE.fullmatch(gap) or (nxt.entry is not None and nxt.entry.attributes.get("kind") == "court"):
                    break
                joined = joined or bool(re.search(r"\band\b", gap))
                chain.append(nxt)
                cur, j = nxt, j + step
            # a list says "and" before its last item: "Hizb ut-Tahrir, occupation authorities denied" is no list
            out.extend(x for x in chain if joined and x not in out and x not in agents)
    return out


# "questioned as a witness", "summoned for questioning as a witness", "interrogated as a witness in the case of X";
# questioned "over the criminal case brought against X" (another person's case: a witness in it; not "against him").
_AS_WITNESS_RE = re.compile(r"\bas\s+(?:a\s+|an?\s+)?(?:key\s+|prosecution\s+|defen[cs]e\s+)?witness(?:es)?\b|"
                            r"\b(?:over|in|about|regarding)\s+(?:the\s+|a\s+)?(?:criminal\s+)?case\s+(?:\w+\s+)?against\s+"
                            r"(?!(?:him|her|them|himself|herself|themselves)\b)", re.IGNORECASE)


def witness_sensitivity(text: str, sentences: Sequence[Sentence], ex: Extraction) -> None:
    """Witnesses are people at risk (README conv13d point 1; round 10, decision 5): a person the draft gives role
    ``witness`` (a witness at a hearing or trial), or the target of a questioning whose sentence says it was "as a
    witness" or over another person's case, is ``sensitive`` (the questioned person stays the questioning's target)."""
    for c in ex.claims:
        if c.predicate != "PARTICIPANT_IN" or c.subject not in ex.entities or ex.entities[c.subject].label != "Person":
            continue
        role = c.qualifiers.get("role")
        if role == "witness":
            ex.entities[c.subject].sensitive = True
        elif role == "target" and (ex.entities.get(c.object) is not None
                                   and (ex.entities[c.object].attributes or {}).get("kind") == "interrogation"):
            for a, _b in ex.triggers.get(c.object, []):
                sent = next((s for s in sentences if s.start <= a < s.end), None)
                if sent is not None and _AS_WITNESS_RE.search(sent.text):
                    ex.entities[c.subject].sensitive = True
