"""A group the text says is held is a detention (README, "Convention decisions, round 10, second set",
decision 1): "At least 118 Ukrainian political prisoners remain in detention in Crimea and Russia",
"Russia is holding 186 political prisoners", "Russia's continued detention of Ukrainian political
prisoners", and a call to release a group the text calls detained ("release all illegally detained
Ukrainians", "release all Ukrainian political prisoners", "all other Ukrainians whom it is illegally
detaining"). Each gives one event ``kind: detention`` (the corpus key
``event:ukrainians-unjust-imprisonment-russia``) with the collective
``org:ukrainian-political-prisoners-in-russia-generic`` as ``target``, the places the same phrase names
(``LOCATED_IN``) and Russia as ``perpetrator`` only where the phrase makes Russia the holder ("Russia is
holding", "whom it is illegally detaining" after a call on Russia, "held by the Russian Federation"), not
where it only calls on Russia to release them.
"""

from __future__ import annotations

import re

from loaders.extract.annexations import RUSSIA_GOV
from loaders.extract.claim_model import Extraction, SentenceMentions, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["HELD_GROUP", "HELD_EVENT", "held_group_events", "drop_called_holders"]

HELD_GROUP = "org:ukrainian-political-prisoners-in-russia-generic"
HELD_EVENT = "event:ukrainians-unjust-imprisonment-russia"

_ADV = r"(?:(?:illegally|unjustly|arbitrarily|unlawfully|wrongfully|currently|still)(?: and (?:illegally|unjustly|arbitrarily|unlawfully))? )?"
_COUNT = r"(?:(?:[Aa]t least|[Oo]ver|[Uu]p to|[Aa]bout|[Aa]round|[Mm]ore than|[Aa]lmost|[Nn]early|[Ss]ome) )?\d+(?:-some)?"
_HELD_VERB = (r"(?:remain(?:s|ed)? (?:in (?:detention|custody|prison|jail)|behind bars|" + _ADV + r"(?:imprisoned|detained|held|jailed))"
              r"|(?:are |were |being |have been |had been )+" + _ADV + r"(?:held|imprisoned|detained|jailed)(?! (?:for|on) (?:questioning|interrogation))"
              r"|" + _ADV + r"(?:imprisoned|held|detained) on\b)")
# The phrases that name the held group (the group's words; the verb that says it is held follows in ``held``).
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
# "... held by the Russian Federation", "detained as political prisoners by the Russian Federation", "it unjustly holds"
# after a call on Russia: Russia as the holder
_BY_RUSSIA_RE = re.compile(r"^(?:[^.;]{0,60}?\b(?:held|detained|imprisoned|holding))?\s+by\s+(?:the\s+)?(?:Russian Federation|Russia)\b")
_IT_HOLDS_RE = re.compile(r"^\s*(?:(?:whom|that|which)\s+)?it\s+(?:is\s+|has\s+)?" + _ADV
                          + r"(?:holds|holding|detaining|detained|imprisoned|jailed)\b")
_CALL_ON_RUSSIA_RE = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:up)?on|call(?:s|ed)?\s+for|urg(?:e|es|ed)|demand(?:s|ed)?\s+(?:that\s+)?)"
                                r"\s*(?:the\s+)?(?:Russia|Russian Federation)\b")
_HELD_AFTER_RE = re.compile(r"^[’'”\"]?,?\s*(?:(?:who|that|whom)\s+(?:are|remain)\s+" + _ADV + r"(?:being\s+)?(?:held|detained|imprisoned)"
                            r"|(?:it|Russia)\s+(?:still\s+)?" + _ADV + r"(?:holds|is\s+holding|detains|has\s+imprisoned)\b)")
# "in Crimea and Russia", "both in Russia and in the temporarily occupied territories of Ukraine", "on the Crimean peninsula"
_PLACE_GAP_RE = re.compile(r"\s*,?\s*(?:both\s+)?(?:(?:and|as well as)\s+)?(?:(?:in|on)\s+)?(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?"
                           r"(?:temporar(?:il)?y\s+)?(?:occupied\s+)?")
# "In Crimea, the human rights organization, Zmina, reports that Russia is holding 186 political prisoners"
_FRONTED_PLACE_RE = re.compile(r"\s*In\s+(?:the\s+)?(?:temporar(?:il)?y\s+)?(?:occupied\s+)?$")
_FIRST_GAP_RE = re.compile(r"\s*(?:,\s*)?(?:both\s+)?(?:in|on)\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?(?:temporar(?:il)?y\s+)?(?:occupied\s+)?")


def _held_mention(text: str, m: Mention) -> bool:
    """A mention of the collective the text says is held: its own words ("all illegally detained
    Ukrainians"), a call to release it ("release all Ukrainian political prisoners"), or the words after it."""
    if re.search(r"\b(?:detained|imprisoned|held|jailed)\b", m.text):
        return True
    if re.search(r"\b[Rr]elease\s*[‘'“\"]?\s*$", text[max(0, m.start - 12):m.start]):
        return True
    return _HELD_AFTER_RE.match(text, m.end) is not None


def _places(text: str, sent: Sentence, cx: SentenceMentions, end: int) -> list[tuple[str, int]]:
    """The places named right after the phrase ("... in Crimea and Russia"): (place key, its end)."""
    out: list[tuple[str, int]] = []
    at = end
    cands = sorted([(p.start, p.end, p.ref) for p in cx.places if p.start >= end]
                   + [(o.start, o.end, "place:russia") for o in cx.orgs if o.start >= end and o.ref == RUSSIA_GOV
                      and re.search(r"\bRuss", o.text)], key=lambda x: x[0])
    for a, b, ref in cands:
        gap = text[at:a]
        if not (_FIRST_GAP_RE if not out else _PLACE_GAP_RE).fullmatch(gap):
            break
        out.append((ref, b))
        at = b
    return out


def held_group_events(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, speaker: str | None) -> None:
    """The detention of a group the sentence says is held (see the module's docstring)."""
    found: list[tuple[int, int, bool]] = []  # (start, end of the phrase, Russia named as the holder)
    for m in cx.orgs:
        if m.ref == HELD_GROUP and _held_mention(text, m):
            after = _HELD_AFTER_RE.match(text, m.end)
            called = _CALL_ON_RUSSIA_RE.search(text, sent.start, m.start) is not None
            it = after is not None and (re.search(r"\bRussia\b", after.group()) is not None
                                        or called and re.search(r"\bit\b", after.group()) is not None)
            found.append((m.start, after.end() if after else m.end,
                          it or _BY_RUSSIA_RE.match(text[m.end:sent.end]) is not None
                          or called and _IT_HOLDS_RE.match(text, m.end) is not None))
    if "Ukrain" in sent.text or "political prisoners" in sent.text:
        for g in _GROUP_RE.finditer(sent.text):
            a, b = sent.start + g.start(), sent.start + g.end()
            if any(x < b and a < y for x, y, _r in found):
                continue
            if g.group("count") and "Ukrainian" not in g.group() and "Crimea" not in sent.text:
                continue  # "70 political prisoners" in a sentence that ties them to neither Ukraine nor Crimea
            if g.group("held_n") and "Ukrainian" not in g.group() and "Crimea" not in sent.text:
                continue
            russia = bool(g.group("holder") or g.group("poss")) \
                or (g.group("it") == "Russia") \
                or (g.group("it") == "it" and _CALL_ON_RUSSIA_RE.search(text, sent.start, a) is not None) \
                or _BY_RUSSIA_RE.match(text[b:sent.end]) is not None
            after = _HELD_AFTER_RE.match(text, b) if g.group("quoted") or g.group("who") else None
            if after is not None:
                b = after.end()
            found.append((a, b, russia))
    if not found:
        return
    group = ex.entities.get(HELD_GROUP)
    if group is None:
        first = found[0]
        name = text[first[0]:first[1]]
        group = ex.entity(HELD_GROUP, "Organisation", "Ukrainian political prisoners" if len(name) > 80 else name, kind="collective")
        group.generic = True
    ex.entity(HELD_EVENT, "Event", "Illegal detention of Ukrainians by Russia", kind="detention")
    for a, b, russia in found:
        span = quote_span(text, sent, a, b)
        ex.claim(HELD_GROUP, "PARTICIPANT_IN", HELD_EVENT, span, 0.6, "event:detention:held-group", role="target",
                 asserted_by=speaker)
        # (no trigger: a held group is no act the sentence reports, for the rules that link acts told together)
        if russia:
            ex.entity(RUSSIA_GOV, "Organisation", "Russia", kind="government")
            ex.claim(RUSSIA_GOV, "PARTICIPANT_IN", HELD_EVENT, quote_span(text, sent, a, b), 0.55,
                     "perpetrator:detention:held-group", role="perpetrator", asserted_by=speaker)
        places = _places(text, sent, cx, b)
        fronted = next((p for p in cx.places if p.start < a and _FRONTED_PLACE_RE.fullmatch(text[sent.start:p.start])
                        and text[p.end:p.end + 1] == ","), None)
        if not places and fronted is not None:
            places = [(fronted.ref, fronted.end)]
        for ref, end in places:
            if ref == "place:russia" and ref not in ex.entities:
                ex.entity(ref, "Location", "Russia", kind="country")
            if ref in ex.entities:
                ex.claim(HELD_EVENT, "LOCATED_IN", ref, quote_span(text, sent, min(a, end), max(b, end)), 0.55,
                         "event-place:held-group")


def drop_called_holders(ex: Extraction) -> None:
    """A call on Russia to release the group does not make Russia its holder (the decision: Russia is the
    perpetrator only where the phrase says Russia holds them): the release-call frame's perpetrator goes."""
    ex.claims[:] = [c for c in ex.claims if not (c.object == HELD_EVENT and c.rule == "perpetrator:detention:release-call")]
