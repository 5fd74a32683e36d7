"""The detention of a group of Ukrainians Russia holds, told of the group: one ``detention`` event per article.

The convention (examples/articles/real/README.md, "Convention decisions, round 10, second set", decision 1) makes
(a) a standing statement that a group is held ("At least 118 Ukrainian political prisoners remain in detention in
Crimea and Russia", "Russia is holding 186 political prisoners", "Russia's continued detention of Ukrainian political
prisoners", "Ukrainian citizens detained as political prisoners by the Russian Federation", "Over 180 Ukrainian
citizens have been deprived of their liberty") and (b) a call to release a group the text describes as detained,
imprisoned or held ("release all illegally detained Ukrainians", "expects all illegally detained Ukrainians to be
released", "release all Ukrainian political prisoners", "all other Ukrainians whom it is illegally detaining",
"release, without delay, all hostages and illegally detained Ukrainian citizens") one event of kind ``detention``,
`event:ukrainians-unjust-imprisonment-russia`, with the collective `org:ukrainian-political-prisoners-in-russia-generic`
as its ``target`` (``asserted_by`` the speaker; a people the group's words include, "including members of the Crimean
Tatar community", is a target too), ``LOCATED_IN`` the places the same phrase names ("in Crimea and Russia", "in the
Crimean peninsula and in Russia", a fronted "In Crimea, ... Russia is holding") and Russia as ``perpetrator`` only
where the phrase makes Russia the holder ("Russia is holding", "it has unjustly imprisoned" / "whom it is illegally
detaining" after a call on Russia, "held by the Russian Federation"), not where it only calls on Russia
(:func:`loaders.extract.release_calls.call_names_holder`). The annotators of seven splits (the UK government, the EEAS, the US mission to the
OSCE, the State Department, PACE, the European Parliament, Ukraine's foreign ministry, Amnesty) record it so.

Not this event: Ukrainians the phrase does not say are held ("the welfare of three Ukrainian political prisoners;
A, B and C", "access to ... up to 70 other Ukrainian political prisoners"), other groups ("illegally detained
Ukrainian civilians" transferred to Crimea, soldiers, journalists), a count of political prisoners tied to neither
Ukraine nor Crimea, and "those who have been detained" with no Ukrainians named.

(Round 11: abuse11 and proc11 wrote this rule twice; dedup11 joined their wordings here, one producer.)
"""

from __future__ import annotations

import re

from loaders.extract.annexations import RUSSIA_GOV
from loaders.extract.claim_model import Extraction, SentenceMentions, quote_span
from loaders.extract.collective_phrases import PEOPLE_KEYS
from loaders.extract.mentions import Mention, Sentence
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["HELD_EVENT", "HELD_GROUP", "held_group_events"]

HELD_GROUP = "org:ukrainian-political-prisoners-in-russia-generic"
HELD_EVENT = "event:ukrainians-unjust-imprisonment-russia"
_RUSSIA = (RUSSIA_GOV, "place:russia")

_ADV = r"(?:(?:illegally|unjustly|arbitrarily|unlawfully|wrongfully|currently|still)(?: and (?:illegally|unjustly|arbitrarily|unlawfully))? )?"
_COUNT = r"(?:(?:[Aa]t least|[Oo]ver|[Uu]p to|[Aa]bout|[Aa]round|[Mm]ore than|[Aa]lmost|[Nn]early|[Ss]ome) )?\d+(?:-some)?"
_HELD_VERB = (r"(?:remain(?:s|ed)? (?:in (?:detention|custody|prison|jail)|behind bars|" + _ADV + r"(?:imprisoned|detained|held|jailed))"
              r"|(?:are |were |being |have been |had been )+" + _ADV + r"(?:held|imprisoned|detained|jailed)(?! (?:for|on) (?:questioning|interrogation))"
              r"|" + _ADV + r"(?:imprisoned|held|detained) on\b)")
# The phrases that name the held group with the words that say it is held.
_GROUP_RE = re.compile(
    # "At least 118 Ukrainian political prisoners remain in detention", "up to 70 other political prisoners being held"
    r"(?P<count>" + _COUNT + r" (?:other )?(?:Ukrainian )?political prisoners) (?P<held>" + _HELD_VERB + r")"
    # "Russia is holding 186 political prisoners"
    r"|(?P<holder>Russia|the Russian Federation) (?:is|has been|continues to be) (?:still )?" + _ADV + r"holding (?P<held_n>"
    + _COUNT + r" (?:other )?(?:Ukrainian )?(?:political prisoners|Ukrainians|Ukrainian citizens))"
    # "Russia's continued detention of Ukrainian political prisoners"
    r"|(?P<poss>Russia(?:’s|'s)|the Russian Federation(?:’s|'s)) (?:continued |ongoing |illegal |unlawful |arbitrary )?"
    r"(?:detention|imprisonment|jailing) of (?P<of>(?:all )?(?:the )?(?:other )?Ukrainian political prisoners)"
    # "Ukrainian citizens detained as political prisoners by the Russian Federation"
    r"|(?P<as>Ukrainian (?:citizens|nationals) (?:detained|held|imprisoned) as political prisoners)"
    # "Over 180 Ukrainian citizens have been deprived of their liberty"
    r"|(?P<deprived>" + _COUNT + r" Ukrainian (?:citizens|nationals) (?:have been|had been|are|were|remain) deprived of (?:their )?liberty)"
    # "all other Ukrainians whom it is illegally detaining", "the other 60-some Ukrainians that it has unjustly imprisoned",
    # "all other Ukrainians, including members of the Crimean Tatar community, who remain unjustly imprisoned"
    r"|(?P<rel>(?:[Aa]ll (?:of )?(?:the )?(?:other )?|the other (?:\d+(?:-some)? )?)Ukrainians(?:, including [^,.;]{3,80},)? "
    r"(?:(?:whom|that|who) )?(?P<it>it|Russia) (?:is|has|unjustly|illegally|continues to)? ?" + _ADV
    + r"(?:detaining|detained|imprisoned|holding|holds|jailed|hold)\b"
    r"|(?:[Aa]ll (?:of )?(?:the )?(?:other )?|the other (?:\d+(?:-some)? )?)Ukrainians(?:, including [^,.;]{3,80},)? (?:whom?|that) (?:remain|are|have been) "
    + _ADV + r"(?:imprisoned|detained|held|jailed)\b)"
    # "release all those who have been detained or imprisoned for ...", "all hostages and illegally detained Ukrainian citizens"
    r"|(?<=[Rr]elease )(?P<those>all those who (?:have been|are|were|remain) " + _ADV + r"(?:detained|imprisoned|held|jailed)"
    r"(?: or " + _ADV + r"(?:detained|imprisoned|held|jailed))?)"
    r"|(?<=[Rr]elease)(?:,? without (?:further )?delay,? | )(?P<also>all \w+ and " + _ADV
    + r"(?:detained|imprisoned|held) Ukrainian(?:s| citizens| nationals))(?![\w\-])"
    # "release ‘all Ukrainian political prisoners’ who are currently being held by the Russian Federation"
    r"|(?<=[Rr]elease )[‘'“\"](?P<quoted>all Ukrainian political prisoners)[’'”\"]"
    # "on the condition that ‘all Ukrainian political prisoners’ who are currently being held by the Russian Federation"
    r"|(?<![Rr]elease )[‘'“\"]?(?P<who>all (?:the )?(?:other )?Ukrainian political prisoners)[’'”\"]?(?=,? (?:who|that|whom) (?:are|remain) "
    r"(?:currently |still )?(?:being )?(?:held|detained|imprisoned|jailed)\b)")
# the group's own words in each phrase above
_NAMED = ("count", "held_n", "of", "as", "deprived", "rel", "those", "also", "quoted", "who")
# The group described as held by its own words, in the wordings the phrases above leave: "illegally detained
# Ukrainians", "Ukrainian citizens detained as political prisoners", "Ukrainians, including ..., (whom) it has unjustly
# imprisoned", "Ukrainians, ..., who remain unjustly imprisoned".
_WORDS_RE = re.compile(
    r"\b(?:(?:illegally|unlawfully|unjustly|arbitrarily)\s+(?:and\s+(?:illegally|unlawfully|unjustly|arbitrarily)\s+)?"
    r"(?:detained|imprisoned|held)\s+Ukrainian(?:s\b|\s+(?:citizens|nationals)\b)"
    r"|Ukrainian(?:s|\s+citizens|\s+nationals)\s+(?:detained|imprisoned|held)\s+as\s+political\s+prisoners\b"
    r"|Ukrainians(?:,\s+including\s+[^.;()]{0,80}?,)?\s+(?:(?:that|whom|who)\s+)?(?P<it>it|Russia)\s+(?:has\s+|is\s+|had\s+)?"
    r"(?:unjustly\s+|illegally\s+|unlawfully\s+)?(?:imprisoned|detaining|detained|holds|holding|jailed)\b"
    r"|Ukrainians,?\s+(?:[^.;()]{0,80}?,\s+)?(?:who|that)\s+(?:remain|are|have\s+been)\s+(?:still\s+)?"
    r"(?:unjustly|illegally|unlawfully|arbitrarily)\s+(?:imprisoned|detained|held)\b)")
# The prisoners ("Ukrainian political prisoners", "186 political prisoners"), held: a call to release them, or a
# standing statement of their detention around them.
_PRISONERS_RE = re.compile(r"\b(?:Ukrainian\s+political\s+prisoners|\d[\d,]*\s+(?:other\s+)?political\s+prisoners)\b")
_RELEASE_BEFORE_RE = re.compile(r"\b(?:release|free)\s+(?:,?\s*without\s+(?:further\s+)?delay,?\s+)?(?:all\s+)?(?:the\s+)?"
                                r"(?:other\s+|remaining\s+)?(?:[‘'“\"])?$")
_HOLDING_BEFORE_RE = re.compile(r"\b(?:is|are|was)\s+(?:currently\s+|still\s+)?holding\s+(?:at\s+least\s+|some\s+|over\s+|more\s+than\s+|"
                                r"up\s+to\s+)?$|\b(?:continued|ongoing|illegal|unlawful)\s+detention\s+of\s+(?:the\s+)?$")
_HELD_AFTER_WORDS_RE = re.compile(r"[’'”\"]?\s+(?:(?:who|that)\s+)?(?:(?:are|is|were|remain|remains)\s+)?(?:currently\s+|still\s+)?"
                                  r"(?:(?:being\s+)?held\b|in\s+detention\b|imprisoned\b|detained\b)")
# Russia the holder: "Russia is holding", "Russia's continued detention of", "... by the Russian Federation", "it".
_RUSSIA_SUBJECT_RE = re.compile(r"(?:\s+(?:is|are|was)\s+(?:currently\s+|still\s+)?holding\b|(?:’s|'s)\s+(?:continued|ongoing|illegal|"
                                r"unlawful)\s+detention\s+of\b)")
_BY_RUSSIA_RE = re.compile(r"^(?:[^.;]{0,60}?\b(?:held|detained|imprisoned|holding))?\s+by\s+(?:the\s+)?(?:Russian Federation|Russia)\b")
_IT_HOLDS_RE = re.compile(r"\s*(?:(?:whom|that|which)\s+)?it\s+(?:is\s+|has\s+)?(?:\w+ly\s+)?" + _ADV
                          + r"(?:holds|holding|detaining|detained|imprisoned|jailed)\b")
_CALL_ON_RUSSIA_RE = Prefiltered(re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:up)?on|call(?:s|ed)?\s+for|urg(?:e|es|ed)|demand(?:s|ed)?\s+(?:that\s+)?)"
                                r"\s*(?:the\s+)?(?:Russia|Russian Federation)\b"))
_HELD_AFTER_RE = re.compile(r"[’'”\"]?,?\s*(?:(?:who|that|whom)\s+(?:are|remain)\s+" + _ADV + r"(?:being\s+)?(?:held|detained|imprisoned)"
                            r"|(?:it|Russia)\s+(?:still\s+)?" + _ADV + r"(?:holds|is\s+holding|detains|has\s+imprisoned)\b)")
# The places the phrase names: "in Crimea and Russia", "both in Russia and in the temporarily occupied territories of
# Ukraine", "in the Crimean peninsula and in Russia", "on the Crimean peninsula".
_FIRST_GAP_RE = re.compile(r"[’'”\"]?\s*(?:,\s*)?(?:(?:who|that)\s+)?(?:(?:are|is|were|remain)\s+)?(?:currently\s+)?(?:being\s+)?"
                           r"(?:held\s+|in\s+detention\s+|imprisoned\s+|detained\s+)?(?:both\s+)?(?:in|on)\s+(?:the\s+)?"
                           r"(?:territory\s+of\s+(?:the\s+)?)?(?:temporar(?:il)?y\s+)?(?:Russian?-)?(?:occupied\s+)?")
_PLACE_GAP_RE = re.compile(r"\s*,?\s*(?:both\s+)?(?:(?:and|as well as)\s+)?(?:(?:in|on)\s+)?(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?"
                           r"(?:temporar(?:il)?y\s+)?(?:occupied\s+)?")
# "In Crimea, the human rights organization, Zmina, reports that Russia is holding 186 political prisoners"
_FRONTED_PLACE_RE = re.compile(r"\s*In\s+(?:the\s+)?(?:temporar(?:il)?y\s+)?(?:occupied\s+)?$")
# "all other Ukrainians, including members of the Crimean Tatar community, who ...": the people held with the group
_INCLUDING_RE = re.compile(r"\bincluding\s+(?:members\s+of\s+)?(?:the\s+)?$")


def _held_mention(text: str, m: Mention) -> bool:
    """A mention of the collective the text says is held: its own words ("all illegally detained
    Ukrainians"), a call to release it ("release all Ukrainian political prisoners"), or the words after it."""
    if re.search(r"\b(?:detained|imprisoned|held|jailed)\b", m.text):
        return True
    if re.search(r"\b[Rr]elease\s*[‘'“\"]?\s*$", text[max(0, m.start - 12):m.start]):
        return True
    return _HELD_AFTER_RE.match(text, m.end) is not None


_Phrase = tuple[int, int, bool, tuple[int, int]]


def _phrases(text: str, sent: Sentence, cx: SentenceMentions) -> list[_Phrase]:
    """Each phrase of the sentence that tells of the held group: (start, end, Russia named as the holder, the group's
    own words in it)."""
    s, s0 = sent.text, sent.start
    russia_at = [x.end for x in [*cx.orgs, *cx.places] if x.ref in _RUSSIA]
    found: list[_Phrase] = []

    def add(a: int, b: int, russia: bool, words: tuple[int, int] | None = None) -> None:
        for i, (x, y, r, w) in enumerate(found):
            if x < b and a < y:
                found[i] = (x, y, r or russia, w)
                return
        found.append((a, b, russia, words or (a, b)))

    for m in cx.orgs:  # the collective's own mention
        if m.ref == HELD_GROUP and _held_mention(text, m):
            after = _HELD_AFTER_RE.match(text, m.end)
            it = after is not None and (re.search(r"\bRussia\b", after.group()) is not None
                                        or _CALL_ON_RUSSIA_RE.search(text, s0, m.start) is not None
                                        and re.search(r"\bit\b", after.group()) is not None)
            add(m.start, after.end() if after else m.end, it or _BY_RUSSIA_RE.match(text[m.end:sent.end]) is not None
                or _CALL_ON_RUSSIA_RE.search(text, s0, m.start) is not None and _IT_HOLDS_RE.match(text, m.end) is not None,
                (m.start, m.end))
    if "Ukrain" not in s and "political prisoners" not in s:
        return found
    for g in _GROUP_RE.finditer(s):
        a, b = s0 + g.start(), s0 + g.end()
        if (g.group("count") or g.group("held_n")) and "Ukrainian" not in g.group() and "Crimea" not in s:
            continue  # "70 political prisoners" in a sentence that ties them to neither Ukraine nor Crimea
        russia = bool(g.group("holder") or g.group("poss")) or g.group("it") == "Russia" \
            or (g.group("it") == "it" and _CALL_ON_RUSSIA_RE.search(text, s0, a) is not None) \
            or _BY_RUSSIA_RE.match(text[b:sent.end]) is not None
        after = _HELD_AFTER_RE.match(text, b) if g.group("quoted") or g.group("who") else None
        name = next(n for n in _NAMED if g.group(n) is not None)
        add(a, after.end() if after is not None else b, russia, (s0 + g.start(name), s0 + g.end(name)))
    for w in _WORDS_RE.finditer(s):
        a, b = s0 + w.start(), s0 + w.end()
        add(a, b, _BY_RUSSIA_RE.match(text[b:sent.end]) is not None
            or w.group("it") == "Russia" or w.group("it") == "it" and any(e <= a for e in russia_at))
    for p in _PRISONERS_RE.finditer(s):
        a, b = s0 + p.start(), s0 + p.end()
        before = s[max(0, p.start() - 60):p.start()]
        holding = _HOLDING_BEFORE_RE.search(before)
        it_holds = _IT_HOLDS_RE.match(text, b) is not None and any(e <= a for e in russia_at)
        if not (_RELEASE_BEFORE_RE.search(before) or holding or it_holds or _HELD_AFTER_WORDS_RE.match(s, p.end())):
            continue
        russia = it_holds or _BY_RUSSIA_RE.match(text[b:sent.end]) is not None \
            or holding is not None and any(x.end <= a and a - x.end <= 60 and _RUSSIA_SUBJECT_RE.match(text, x.end)
                                           for x in [*cx.orgs, *cx.places] if x.ref in _RUSSIA)
        if not russia and "Ukrain" not in s and "Crimea" not in s:
            continue  # (as above; "Russia is holding 186 political prisoners" ties them)
        add(a, b, russia)
    return found


def _places(text: str, sent: Sentence, cx: SentenceMentions, a: int, end: int) -> list[tuple[str, int]]:
    """The places named right after the phrase ("... in Crimea and Russia"), else one fronted before it ("In
    Crimea, ... Russia is holding"): (place key, its end)."""
    out: list[tuple[str, int]] = []
    at = end
    cands = sorted([(p.start, p.end, p.ref) for p in cx.places if p.start >= end]
                   + [(o.start, o.end, "place:russia") for o in cx.orgs if o.start >= end and o.ref == RUSSIA_GOV
                      and re.search(r"\bRuss", o.text)], key=lambda x: x[0])
    for x, y, ref in cands:
        if not (_FIRST_GAP_RE if not out else _PLACE_GAP_RE).fullmatch(text[at:x]):
            break
        out.append((ref, y))
        at = y
    if not out:
        fronted = next((p for p in cx.places if p.start < a and _FRONTED_PLACE_RE.fullmatch(text[sent.start:p.start])
                        and text[p.end:p.end + 1] == ","), None)
        if fronted is not None:
            out.append((fronted.ref, fronted.end))
    return out


def held_group_events(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, speaker: str | None) -> None:
    """The detention of a group the sentence says is held (see the module's docstring)."""
    found = _phrases(text, sent, cx)
    # the words of a phrase that are part of another actor's name are that actor's
    found = [(a, b, r, w) for a, b, r, w in found
             if any(o.ref == HELD_GROUP and o.start < b and a < o.end for o in cx.orgs)
             or not any(o.start < b and a < o.end and not (o.entry is not None and o.entry.generic) and o.ref not in _RUSSIA
                        for o in [*cx.orgs, *cx.people])]
    if not found:
        return
    found.sort()
    if HELD_GROUP not in ex.entities:
        a, b, _r, _w = found[0]
        name = text[a:b]
        group = ex.entity(HELD_GROUP, "Organisation", name if len(name) <= 80 else "Ukrainian political prisoners",
                          kind="collective")
        group.generic = True
    ex.entity(HELD_EVENT, "Event", "Illegal detention of Ukrainians by Russia", kind="detention")
    ex.trigger(HELD_EVENT, *found[0][3])  # the group's words, not the verbs (the link rules read a trigger's words)
    for a, b, russia, _w in found:
        span = quote_span(text, sent, a, b)
        ex.claim(HELD_GROUP, "PARTICIPANT_IN", HELD_EVENT, span, 0.6, "target:detention:held-group", role="target",
                 asserted_by=speaker)
        for o in cx.orgs:
            if o.entry is not None and o.entry.key in PEOPLE_KEYS and a < o.start and o.end <= b \
                    and _INCLUDING_RE.search(text, max(a, o.start - 40), o.start):
                ex.claim(o.ref, "PARTICIPANT_IN", HELD_EVENT, span, 0.55, "target:detention:held-group", role="target",
                         asserted_by=speaker)
                break
        if russia:
            ex.entity(RUSSIA_GOV, "Organisation", "Russia", kind="government")
            ex.claim(RUSSIA_GOV, "PARTICIPANT_IN", HELD_EVENT, span, 0.55, "perpetrator:detention:held-group",
                     role="perpetrator", asserted_by=speaker)
        for ref, end in _places(text, sent, cx, a, b):
            if ref == "place:russia" and ref not in ex.entities:
                ex.entity(ref, "Location", "Russia", kind="country")
            if ref in ex.entities:
                ex.claim(HELD_EVENT, "LOCATED_IN", ref, quote_span(text, sent, min(a, end), max(b, end)), 0.55,
                         "event-place:held-group")

