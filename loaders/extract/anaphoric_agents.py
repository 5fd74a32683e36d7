"""The agent an anaphoric subject names (round 11, perp11): "the government", "the same court", "the agents".

"On June 4, the Russian government sentenced A ... A few days later on June 9 the government sentenced B" (dev3),
"Russian security service agents raided the homes of ... The agents also detained C" (valid2), "The Simferopol
District Court found Umerov guilty ... Last week, the same court handed D a ... sentence" (dev6): a definite noun
phrase with no name of its own ("the government", "the (same) court", "the agents", "the officers", "the
authorities") is the active subject of an act done to a person whose event the draft holds from the same
sentence, with no agent yet. It means the agency named before it (README, "Annotation convention": the agency that
did it is the ``perpetrator``, a court the ``judge``):

- "the (same) court": the last court named before, in the same paragraph or the one before;
- "the agents", "the officers": the last agency named before with that noun ("security service agents", "FSB
  officers");
- "the government", "the authorities": the last agent of an act in the sentences before (the subject of the last
  ``perpetrator`` claim whose quote ends before this sentence), of the kind the noun says (a government for "the
  government"; a name with "authorities" for "the authorities").

Not when the phrase carries a name or an adjective ("the Russian government": a mention of its own), and not
when a speaker, a call or a report stands between it and the verb (the subject must be followed directly by the
verb, an adverb or a date at most).
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claim_model import Extraction, quote_span
from loaders.extract.mentions import Mention, Sentence

__all__ = ["anaphoric_agents"]

# "the government sentenced", "The agents also detained", "the same court handed", "the court on 3 May sentenced"
_SUBJECT_RE = re.compile(r"\b[Tt]he\s+(?P<same>same\s+)?(?P<head>government|court|agents|officers|authorities)\s+"
                         r"(?:(?:also|then|later|again|today|subsequently)\s+)?"
                         r"(?:on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+\d{4})?,?\s+)?"
                         r"(?P<verb>sentenced|convicted|jailed|detained|arrested|searched|questioned|interrogated|handed)\b")
_VERB_KINDS = {"sentenced": ("verdict",), "convicted": ("verdict",), "jailed": ("verdict",), "handed": ("verdict",), "detained": ("detention",), "arrested": ("arrest",),
               "searched": ("search",), "questioned": ("interrogation",), "interrogated": ("interrogation",)}
# "handed X a two-and-a-half-year suspended prison sentence": "handed" is a sentencing only with its "sentence"
_HANDED_RE = re.compile(r"[^.;]{0,80}?\bsentence\b")


def _agent_kind_fits(head: str, ex: Extraction, key: str) -> bool:
    e = ex.entities[key]
    kind = (e.attributes or {}).get("kind")
    if head == "government":
        return kind == "government"
    return head == "authorities" and "authorities" in e.name.lower()


def anaphoric_agents(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction) -> None:
    """Add the agency an anaphoric subject names as the agent of the act it does (see the module)."""
    if not any(w in text for w in ("the government", "court", "agents", "officers", "authorities")):
        return
    agents = [c for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") in ("perpetrator", "judge")]
    has_agent = {c.object for c in agents}
    targets = [c for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"
               and ex.entities[c.object].label == "Event" and c.object not in has_agent]
    if not targets:
        return
    courts = sorted((m for m in mentions if m.label == "Organisation" and m.entry is not None
                     and m.entry.attributes.get("kind") == "court"), key=lambda m: m.start)
    court_starts = [m.start for m in courts]
    org_spans = [(m.start, m.end) for m in mentions if m.label == "Organisation"]
    for sent in sentences:
        for mt in _SUBJECT_RE.finditer(sent.text):
            a, v = sent.start + mt.start(), sent.start + mt.end()
            if any(x <= a < y or x < v <= y for x, y in org_spans):
                continue  # the phrase is (part of) a name the mentions already hold
            verb, head = mt.group("verb"), mt.group("head")
            if verb == "handed" and not _HANDED_RE.match(sent.text, mt.end()):
                continue
            kinds = _VERB_KINDS[verb]
            # the act's events: a person's event of that kind, its target named after the verb in this sentence
            events = sorted({c.object for c in targets if (ex.entities[c.object].attributes or {}).get("kind") in kinds
                             and sent.start <= c.span[0] and c.span[1] <= sent.end
                             and any(m.ref == c.subject and v <= m.start < sent.end for m in mentions)})
            if not events:
                continue
            if head == "court":
                i = bisect.bisect_left(court_starts, sent.start) - 1
                if i < 0 or len(re.findall(r"\n+", text[courts[i].end:sent.start])) > 1:
                    continue  # (a court named two paragraphs back or more is no "the court" of this one)
                agent, role = courts[i].ref, "judge"
            elif head in ("agents", "officers"):
                # "Russian security service agents raided ... The agents also detained": the agency named with that noun
                named = [m for m in mentions if m.label == "Organisation" and m.end <= sent.start
                         and re.match(r"\s+" + head[:-1] + r"s?\b", text[m.end:m.end + 12])]
                if not named:
                    continue
                agent, role = max(named, key=lambda m: m.start).ref, "perpetrator"
            else:
                before = [c for c in agents if c.span[1] <= sent.start and _agent_kind_fits(head, ex, c.subject)]
                if not before:
                    continue
                agent, role = max(before, key=lambda c: c.span[1]).subject, "perpetrator"
            if role == "judge" and "verdict" not in kinds:
                continue  # a court sentences; it does not detain or search anybody itself
            for ev in events:
                if ev in has_agent:
                    continue
                has_agent.add(ev)
                end = max((m.end for m in mentions if m.ref in {c.subject for c in targets if c.object == ev}
                           and v <= m.start < sent.end), default=v)
                ex.claim(agent, "PARTICIPANT_IN", ev, quote_span(text, sent, a, end), 0.55, f"{role}:anaphoric-subject",
                         role=role)
