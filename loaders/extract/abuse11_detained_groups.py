"""The detention of Ukrainians Russia holds, told of the group: one ``detention`` event per article.

The convention (examples/articles/real/README.md, "Convention decisions, round 10, second set", decision 1) makes
(a) a standing statement that a group is held ("At least 118 Ukrainian political prisoners remain in detention in
Crimea and Russia", "Russia is holding 186 political prisoners", "Russia's continued detention of Ukrainian political
prisoners", "Ukrainian citizens detained as political prisoners by the Russian Federation") and (b) a call to release
a group the text describes as detained, imprisoned or held ("release all illegally detained Ukrainians", "expects all
illegally detained Ukrainians to be released", "release all Ukrainian political prisoners", "all other Ukrainians
whom it is illegally detaining") one event of kind ``detention``, `event:ukrainians-unjust-imprisonment-russia`,
with the collective `org:ukrainian-political-prisoners-in-russia-generic` as its ``target`` (``asserted_by`` the
speaker), ``LOCATED_IN`` the places the same phrase names ("in Crimea and Russia", "in the Crimean peninsula and in
Russia") and Russia as ``perpetrator`` only where the phrase makes Russia the holder ("Russia is holding", "it has
unjustly imprisoned", "whom it is illegally detaining", "held by the Russian Federation"), not where it only calls
on Russia. The annotators of seven splits (the UK government, the EEAS, the US mission to the OSCE, the State
Department, PACE, the European Parliament, Ukraine's foreign ministry, Amnesty) record it so.

Not this event: Ukrainians the phrase does not say are held ("the welfare of three Ukrainian political prisoners;
A, B and C", "access to ... up to 70 other Ukrainian political prisoners"), other groups ("illegally detained
Ukrainian civilians" transferred to Crimea, soldiers, journalists) and "those who have been detained" with no
Ukrainians named.
"""

from __future__ import annotations

import re

from loaders.extract.claim_model import Extraction, SentenceMentions, quote_span
from loaders.extract.collective_phrases import PEOPLE_KEYS
from loaders.extract.mentions import Mention, Sentence

__all__ = ["group_abuse_claims", "group_detentions", "violated_through"]

EVENT = "event:ukrainians-unjust-imprisonment-russia"
COLLECTIVE = "org:ukrainian-political-prisoners-in-russia-generic"
_RUSSIA = ("org:russian-federation", "place:russia")

# The group described as held by its own words: "illegally detained Ukrainians", "unjustly imprisoned Ukrainians",
# "Ukrainian citizens detained as political prisoners", "Ukrainians whom it is illegally detaining", "all other
# Ukrainians ..., who remain unjustly imprisoned".
_HELD_GROUP_RE = re.compile(
    r"\b(?:(?:illegally|unlawfully|unjustly|arbitrarily)\s+(?:and\s+(?:illegally|unlawfully|unjustly|arbitrarily)\s+)?"
    r"(?:detained|imprisoned|held)\s+Ukrainian(?:s\b|\s+(?:citizens|nationals)\b)"
    r"|Ukrainian(?:s|\s+citizens|\s+nationals)\s+(?:detained|imprisoned|held)\s+as\s+political\s+prisoners\b"
    r"|Ukrainians(?:,\s+including\s+[^.;()]{0,80}?,)?\s+(?:(?:that|whom|who)\s+)?(?P<it>it|Russia)\s+(?:has\s+|is\s+|had\s+)?(?:unjustly\s+|illegally\s+|unlawfully\s+)?"
    r"(?:imprisoned|detaining|detained|holds|holding|jailed)\b"
    r"|Ukrainians,?\s+(?:[^.;()]{0,80}?,\s+)?(?:who|that)\s+(?:remain|are|have\s+been)\s+(?:still\s+)?"
    r"(?:unjustly|illegally|unlawfully|arbitrarily)\s+(?:imprisoned|detained|held)\b)")
# The prisoners, said to be held: "Ukrainian political prisoners", "186 political prisoners" (a count).
_PRISONERS_RE = re.compile(r"\b(?:Ukrainian\s+political\s+prisoners|\d[\d,]*\s+(?:other\s+)?political\s+prisoners)\b")
# ... held: a call to release them, or a standing statement of their detention.
_RELEASE_BEFORE_RE = re.compile(r"\b(?:release|free)\s+(?:,?\s*without\s+(?:further\s+)?delay,?\s+)?(?:all\s+)?(?:the\s+)?"
                                r"(?:other\s+|remaining\s+)?(?:[‘'“\"])?$")
_HELD_AFTER_RE = re.compile(r"[’'”\"]?\s+(?:(?:who|that)\s+)?(?:(?:are|is|were|remain|remains)\s+)?(?:currently\s+|still\s+)?"
                            r"(?:(?:being\s+)?held\b|in\s+detention\b|imprisoned\b|detained\b)")
_HOLDING_BEFORE_RE = re.compile(r"\b(?:is|are|was)\s+(?:currently\s+|still\s+)?holding\s+(?:at\s+least\s+|some\s+|over\s+|more\s+than\s+|"
                                r"up\s+to\s+)?$|\b(?:continued|ongoing|illegal|unlawful)\s+detention\s+of\s+(?:the\s+)?$")
# Russia the holder: "Russia is holding", "Russia's continued detention of", "... by the Russian Federation", "it".
_RUSSIA_SUBJECT_RE = re.compile(r"(?:\s+(?:is|are|was)\s+(?:currently\s+|still\s+)?holding\b|(?:’s|'s)\s+(?:continued|ongoing|illegal|"
                                r"unlawful)\s+detention\s+of\b)")
_BY_RE = re.compile(r"[’'”\"]?\s+(?:(?:who|that)\s+)?(?:(?:are|is|were|remain)\s+)?(?:currently\s+)?(?:being\s+)?"
                    r"(?:(?:held|detained|imprisoned)(?:\s+as\s+political\s+prisoners)?\s+)?by\s+(?:the\s+)?$")
# The places the phrase names: "in Crimea and Russia", "in the Crimean peninsula and in Russia", "on the Crimean peninsula".
_PLACE_GAP_RE = re.compile(r"[’'”\"]?\s+(?:(?:who|that)\s+)?(?:(?:are|is|were|remain)\s+)?(?:currently\s+)?(?:being\s+)?"
                           r"(?:held\s+|in\s+detention\s+|imprisoned\s+|detained\s+)?(?:in|on)\s+(?:the\s+)?"
                           r"(?:(?:temporarily\s+|temporary\s+)?(?:Russian?-)?occupied\s+)?$")
_AND_PLACE_RE = re.compile(r"\s+(?:and|as\s+well\s+as)\s+(?:(?:in|on)\s+)?(?:the\s+)?(?:(?:temporarily\s+|temporary\s+)?occupied\s+)?$")


def _place_ref(m: Mention) -> str:
    return "place:russia" if m.ref == "org:russian-federation" else m.ref


def _places(text: str, s0: int, where: list[Mention], end: int) -> list[Mention]:
    """The places right after the group's words (``end``): the first after "in/on", then those joined by "and"."""
    out: list[Mention] = []
    for p in sorted(where, key=lambda x: x.start):
        if p.start < end:
            continue
        gap = text[(out[-1].end if out else end) - s0:p.start - s0]
        if (_AND_PLACE_RE if out else _PLACE_GAP_RE).fullmatch(gap):
            out.append(p)
        elif out:
            break
    return out


# "release all Ukrainian political prisoners it unjustly holds": Russia, called on before, holds them
_IT_HOLDS_RE = re.compile(r"\s+(?:that\s+|whom\s+)?it\s+(?:\w+ly\s+)?(?:holds|is\s+(?:\w+ly\s+)?(?:holding|detaining)|"
                          r"has\s+(?:\w+ly\s+)?(?:imprisoned|jailed|detained))\b")


def _found(text: str, s0: int, cx: SentenceMentions) -> tuple[int, int, list[Mention]] | None:
    """The group's words in the sentence, said to be held (the first such words), and Russia where a phrase of the
    sentence makes it the holder ("release all unjustly imprisoned Ukrainians, and ... the other 60-some Ukrainians
    that it has unjustly imprisoned": the second names the holder)."""
    russia = [x for x in [*cx.orgs, *cx.places] if x.ref in _RUSSIA]
    spans: list[tuple[int, int]] = []
    perps: list[Mention] = []
    for m in _HELD_GROUP_RE.finditer(text):
        a, b = s0 + m.start(), s0 + m.end()
        spans.append((a, b))
        perps += [x for x in russia if 0 <= x.start - b <= 40 and _BY_RE.fullmatch(text[m.end():x.start - s0])]
        if m.group("it") is not None:  # "call for Russia to release ... the Ukrainians that it has unjustly imprisoned"
            perps += [x for x in russia if x.end <= a][-1:]
    for m in _PRISONERS_RE.finditer(text):
        a, b = s0 + m.start(), s0 + m.end()
        before = text[max(0, m.start() - 60):m.start()]
        holding = _HOLDING_BEFORE_RE.search(before)
        it_holds = _IT_HOLDS_RE.match(text, m.end())
        if not (_RELEASE_BEFORE_RE.search(before) or holding or it_holds or _HELD_AFTER_RE.match(text, m.end())):
            continue
        spans.append((a, b))
        perps += [x for x in russia if 0 <= x.start - b <= 40 and _BY_RE.fullmatch(text[m.end():x.start - s0])]
        if holding:  # "Russia is holding 186 political prisoners", "Russia's continued detention of"
            perps += [x for x in russia if x.end <= a and 0 <= a - x.end <= 60 and _RUSSIA_SUBJECT_RE.match(text, x.end - s0)]
        if it_holds:
            perps += [x for x in russia if x.end <= a][-1:]
    if not spans:
        return None
    a, b = min(spans)
    return a, b, perps


def group_detentions(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, speaker: str | None) -> None:
    """The detention of the Ukrainians Russia holds, when the sentence tells it of the group (see the module)."""
    s = sent.text
    if "Ukrainian" not in s and "political prisoners" not in s:
        return
    found = _found(s, sent.start, cx)
    if found is None:
        return
    a, b, perps = found
    s0 = sent.start
    # the group: the collective mention over the words, else the words themselves
    group = next((o for o in cx.orgs if o.ref == COLLECTIVE and o.start < b and a < o.end), None)
    if group is None and any(o.start < b and a < o.end and not (o.entry is not None and o.entry.generic)
                             for o in [*cx.orgs, *cx.people]):
        return  # the words are part of another actor's name
    g0, g1 = (group.start, group.end) if group is not None else (a, b)
    if group is None:
        ent = ex.entity(COLLECTIVE, "Organisation", text[a:b] if text[a].isupper() else "Ukrainian political prisoners",
                        kind="collective")
        ent.generic = True
    ex.entity(EVENT, "Event", "Unjust imprisonment of Ukrainians by Russia", kind="detention")
    ex.trigger(EVENT, a, b)
    lo, hi = min(a, g0), max(b, g1)
    ex.claim(COLLECTIVE, "PARTICIPANT_IN", EVENT, quote_span(text, sent, lo, hi), 0.6, "target:detention:held-group",
             role="target", asserted_by=speaker)
    # "all other Ukrainians, including members of the Crimean Tatar community, who remain unjustly imprisoned": the
    # people the group's words include is held with it (the victim-collective decision: its target)
    for o in cx.orgs:
        if o.entry is not None and o.entry.key in PEOPLE_KEYS and a < o.start and o.end <= b \
                and re.search(r"\bincluding\s+(?:members\s+of\s+)?(?:the\s+)?$", text[max(a, o.start - 40):o.start]):
            ex.claim(o.ref, "PARTICIPANT_IN", EVENT, quote_span(text, sent, lo, hi), 0.55, "target:detention:held-group",
                     role="target", asserted_by=speaker)
            break
    for x in perps[:1]:
        ex.entity("org:russian-federation", "Organisation", "Russian Federation", kind="government")
        ex.claim("org:russian-federation", "PARTICIPANT_IN", EVENT, quote_span(text, sent, min(lo, x.start), max(hi, x.end)), 0.55,
                 "perpetrator:detention:held-group", role="perpetrator", asserted_by=speaker)
    where = [*cx.places, *(o for o in cx.orgs if o.ref == "org:russian-federation")]
    for p in _places(s, s0, where, max(b, g1)):
        ref = _place_ref(p)
        if ref not in ex.entities:
            ex.entity(ref, "Location", "Russia", kind="country")
        ex.claim(EVENT, "LOCATED_IN", ref, quote_span(text, sent, lo, p.end), 0.55, "event-place:held-group")


# "The rights of the Crimean Tatars have been gravely violated through the shutting down of Crimean Tatar media outlets,
# the banning of the activities of the Mejlis ..." (dev: the EEAS; valid: the EU's declarations and its statement at the
# OSCE): the acts named after "through" are done to the people whose rights they violate. The victim-collective decision
# (README) makes the community the ``target`` of the ban of the Mejlis or of the media "where the text says it is done to
# the Crimean Tatars"; the acts' events are the ban and closure rules' own, made from the same sentence.
_THROUGH_RE = re.compile(r"\b(?:rights|freedoms)\b[^.;:]{0,80}?\b(?:violated|infringed|breached)\b,?\s+"
                         r"(?:(?:including|notably|in\s+particular|inter\s+alia)\s+)?through\b")
_THROUGH_KINDS = ("other",)


def violated_through(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, speaker: str | None) -> None:
    """The people whose rights acts violate, as the target of each act the sentence names after "through"."""
    s = sent.text
    if "through" not in s:
        return
    m = _THROUGH_RE.search(s)
    if m is None:
        return
    b = sent.start + m.end()
    # the people whose rights: named before "through" ("the rights of the Crimean Tatars have been violated through",
    # "the Crimean Tatars ... have their human rights gravely violated, including through")
    people = [o for o in cx.orgs if o.entry is not None and o.entry.key in PEOPLE_KEYS and o.end <= b - len("through")]
    if not people:
        return
    who = people[-1]
    # the acts after "through": an event whose trigger stands there, or whose target is named there ("the banning of
    # the activities of the Mejlis": the ban rules' event, the Mejlis its target)
    acts: dict[str, int] = {ev: min(x for x, y in spans if b <= x and y <= sent.end) for ev, spans in ex.triggers.items()
                            if any(b <= x and y <= sent.end for x, y in spans)}
    named = {o.ref: o.start for o in cx.orgs if o.start >= b}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target" and c.subject in named \
                and c.span[0] <= named[c.subject] < c.span[1]:
            acts.setdefault(c.object, named[c.subject])
    for ev, at in acts.items():
        e = ex.entities.get(ev)
        if e is None or e.label != "Event" or e.attributes.get("kind") not in _THROUGH_KINDS:
            continue
        if any(c.object == ev and c.predicate == "PARTICIPANT_IN" and c.subject == who.ref for c in ex.claims):
            continue
        ex.claim(who.ref, "PARTICIPANT_IN", ev, quote_span(text, sent, who.start, max(at + 1, b)), 0.55,
                 "target:other:violated-through", role="target", asserted_by=speaker)


def group_abuse_claims(text: str, sent: Sentence, cx: SentenceMentions, ex: Extraction, speaker: str | None) -> None:
    """This module's rules on one sentence, after the act rules have made its events."""
    group_detentions(text, sent, cx, ex, speaker)
    violated_through(text, sent, cx, ex, speaker)
