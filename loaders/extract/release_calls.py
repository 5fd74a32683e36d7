"""Who holds a prisoner, from a call to release them: "We call on Russia to release Oleg Sentsov",
"Parliament demanded that the Russian authorities immediately and unconditionally release X", "I call on
the de facto authorities in Crimea to immediately release Kokorina".

Governments, parliaments, NGOs and UN bodies all write it. The call asserts the named person's detention (one event
per person, as the person-event rules make it; the one held is the target; the call is no act of its own and does not
date it). It makes the one called on the detention's perpetrator only where the sentence says it holds them ("whom it
is illegally detaining", "that it has unjustly imprisoned", "held by the Russian Federation"): README, round 12
(conv12b) point 3. Both producers of such a perpetrator (:func:`loaders.extract.claim_steps.release_call_events`,
:func:`loaders.extract.claim_frames.release_holders`) ask :func:`call_names_holder` before they make it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from loaders.extract.held_groups import HELD_EVENT
from loaders.extract.mentions import Mention, Sentence

__all__ = ["call_names_holder", "called_only", "release_calls"]

# Before the actor: "call on", "calls upon", "urged", "demanded that", "asks".
_CALL_BEFORE_RE = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon|for)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?\s+that|"
                             r"press(?:es|ed|ing)?|ask(?:s|ed|ing)?)\s+(?:the\s+)?$", re.IGNORECASE)
# After the actor: "to (immediately and unconditionally) release (not only)"; after "demanded that": "release".
_RELEASE_AFTER_RE = re.compile(r"^(?:\s+in\s+[A-Z][\w-]+)?\s+(?:to\s+)?(?:(?:immediately|unconditionally|promptly|urgently)\s+"
                               r"(?:and\s+)?){0,2}(?:release|free)\s+(?:not\s+only\s+)?")
# Between two people of the list: ", ", " and ", ", and ".
_LIST_GAP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# Between the verb and the first person: a title or two ("Mr.", "journalist", "the Crimean Tatar activist").
# A role noun may end in a comma before the name: "the release of Ukrainian film director, Oleg Sentsov".
_TITLE_GAP_RE = re.compile(r"(?:(?:the\s+)?(?:[A-Z][\w.’'-]*|[a-z]+)\s+){0,3}?"
                           r"|(?:(?:the\s+)?(?:[A-Z][\w.’'-]*|[a-z]+)\s+){0,2}[a-z]+,\s+")
# "calls for the release of X", "demanded the immediate and unconditional release of X"
_RELEASE_OF_RE = re.compile(r"\b(?:call(?:s|ed|ing)?\s+for|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|seek(?:s|ing)?|sought)\s+the\s+"
                            r"(?:(?:immediate|unconditional|prompt|urgent|swift)\s+(?:and\s+)?){0,3}release\s+of\s+", re.IGNORECASE)
# "X is a prisoner of conscience and we are calling for his immediate and unconditional release": the call names the one
# held by a pronoun; he is the one person the sentence named before it (not its subject: "X called for his release").
_RELEASE_HIS_RE = re.compile(r"\b(?:call(?:s|ed|ing)?\s+for|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|seek(?:s|ing)?|sought)\s+"
                             r"(?:his|her)\s+(?:(?:immediate|unconditional|prompt|urgent|swift)\s+(?:and\s+)?){0,3}release\b",
                             re.IGNORECASE)
# Between the one named and the call, words that make him the caller ("X has called for his release"; "X, who ..., urged").
_CALLER_GAP_RE = re.compile(r"[\s,]*(?:(?:has|have|had|is|was|also|again|repeatedly|publicly|then|later)\s+)*")
_ACTOR_KINDS = ("government", "collective", "security_service", "police", "prosecutor")


def release_calls(text: str, s0: int, orgs: Sequence[Mention], places: Sequence[Mention],
                  people: Sequence[Mention]) -> list[tuple[Mention | None, list[Mention]]]:
    """(the actor called on, the people it is to release) for each call to release in one sentence (no actor:
    "calls for the release of X")."""
    if "releas" not in text and "free " not in text:
        return []
    out: list[tuple[Mention | None, list[Mention]]] = []
    actors = [o for o in orgs if o.entry is not None and o.entry.attributes.get("kind") in _ACTOR_KINDS] + \
        [p for p in places if p.entry is not None and p.entry.attributes.get("kind") == "country"]
    for x in sorted(actors, key=lambda m: m.start):
        if not _CALL_BEFORE_RE.search(text, max(0, x.start - s0 - 40), x.start - s0):
            continue
        rel = _RELEASE_AFTER_RE.match(text[x.end - s0:])
        if rel is None:
            continue
        held = _listed(text, s0, people, x.end + rel.end())
        if held:
            out.append((x, held))
    for m in _RELEASE_HIS_RE.finditer(text):
        before = [p for p in people if p.end <= s0 + m.start()]
        if len({p.ref for p in before}) == 1 and not _CALLER_GAP_RE.fullmatch(text[before[-1].end - s0:m.start()]):
            out.append((None, before[-1:]))
    for m in _RELEASE_OF_RE.finditer(text):
        # "demanded the immediate and unconditional release of X": X is held, by whom the sentence does not say
        held = _listed(text, s0, people, s0 + m.end())
        if held:
            out.append((None, held))
    return out


def _listed(text: str, s0: int, people: Sequence[Mention], b: int) -> list[Mention]:
    """The people listed from offset ``b`` on ("X, Y and Z"), after at most a few title words."""
    held: list[Mention] = []
    for p in sorted(people, key=lambda m: m.start):
        if p.start < b or (held and p.start < held[-1].end):
            continue
        gap = text[(held[-1].end if held else b) - s0:p.start - s0]
        if held and _LIST_GAP_RE.fullmatch(gap) or not held and _TITLE_GAP_RE.fullmatch(gap):
            held.append(p)
        else:
            break
    return held


# The words that make the one called on the holder, after it in the call: "(that/whom) it has (unjustly) imprisoned",
# "whom it is illegally detaining", "it holds", "they keep behind bars", "held / detained / imprisoned by the Russian Federation".
_HOLDER_RE = re.compile(
    r"\b(?:it|they)\s+(?:(?:has|have|had|is|are|was|were|still|continues\s+to|continue\s+to)\s+){0,2}"
    r"(?:(?:illegally|unjustly|arbitrarily|unlawfully|wrongfully|still)\s+(?:and\s+)?){0,2}"
    r"(?:hold(?:s|ing)?|held|imprison(?:s|ed|ing)?|detain(?:s|ed|ing)?|jail(?:s|ed|ing)?|keep(?:s|ing)?\s+behind\s+bars|kept)\b"
    r"|\b(?:held|detained|imprisoned|jailed)\s+(?:(?:illegally|unjustly|arbitrarily|unlawfully)\s+)?by\s+(?:the\s+)?[A-Z]")


def call_names_holder(text: str, sent: Sentence, start: int, event: str) -> bool:
    """Whether a call to release makes the one called on the perpetrator of ``event`` (examples/articles/real/README.md,
    round 12 (conv12b) point 3, after round 10's second set, decision 1): only where the call's own sentence, from the
    claim's quote (``start``) on, says the one called on holds them ("whom it is illegally detaining", "that it has
    unjustly imprisoned", "held by the Russian Federation"); never for the held group's detention, whose perpetrator
    comes from its own phrase (:mod:`loaders.extract.held_groups`). A call alone asserts only the detention and its
    target."""
    return event != HELD_EVENT and _HOLDER_RE.search(text, start, sent.end) is not None


def called_only(claims: Sequence[Any]) -> set[str]:
    """The events that only calls to release assert (README, round 12 (conv12b) point 3: the call asserts the
    detention and its target, and is no act of its own): no step of the held one's case, whose ``PART_OF`` the gold
    never gives it (dev3, dev5, dev6, valid2). One pass over the claims, so a caller asks it once, not per event."""
    called: dict[str, bool] = {}
    for c in claims:
        if c.predicate == "PARTICIPANT_IN":
            called[c.object] = called.get(c.object, True) and str(c.rule).endswith(":release-call")
    return {key for key, only in called.items() if only}
