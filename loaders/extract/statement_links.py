"""``LINKED_TO`` from a statement to the one event it reacts to: "X condemned the intimidation
of journalists following the detention on March 13 of Y", "X called Y's detention a reminder of ...", "X called the shutdown a crude attempt".

The subject is the statement, the object the event; ``linked_by`` is the speaker. The event the
words name must be one event the extractor already found, told apart by its kind (the noun) and,
where the words name a person ("the detention of Y", "Y's detention"), by its target. A reaction
to several events ("the detention of A, B and C", "the trial and sentencing of A and B") names
no one event and is left alone, as is a call ("called for the release of Y": a call, not a
reaction to a release).
"""

from __future__ import annotations

import re

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.mentions import Sentence

__all__ = ["statement_links"]

# The act nouns a reaction names, and the event kinds they stand for. A kind "other" event is named by
# the first word of its name ("Closure of Tatar-language media", "Annexation of Crimea").
# A reaction to a verdict ("condemned the verdict", "called the sentencing a violation") is left alone: the
# annotators of dev3 and dev4 tie such statements to nothing (four times), one of valid2 does (once).
_NOUN_KINDS = {"detention": ("detention",), "arrest": ("arrest", "detention"), "search": ("search",), "raid": ("search",),
               "abduction": ("abduction", "disappearance"), "disappearance": ("disappearance",)}
# Not a ban: three reactions to a ban of four go unlinked in the gold (dev, valid, dev3; linked in valid2).
_OTHER_NOUNS = {"shutdown": "closure", "closure": "closure", "annexation": "annexation"}
_NOUNS = "|".join(sorted({*_NOUN_KINDS, *_OTHER_NOUNS}, key=len, reverse=True))
# "condemned / denounced / deplored / criticised [in the strongest terms] the [recent] NOUN", "called the NOUN",
# "condemned X following the NOUN": the reaction, then the act it names (an owner's name may stand before the noun).
_REACTION_RE = re.compile(
    r"\b(?:condemn(?:s|ed)?|denounc(?:es|ed)|deplor(?:es|ed)|criticis(?:es|ed)|criticiz(?:es|ed)|decr(?:ies|ied)|"
    r"call(?:s|ed)(?!\s+(?:for|on|upon)\b)|(?:condemnation|denunciation)\s+of)\s+"
    r"(?:in\s+the\s+strongest\s+(?:possible\s+)?terms\s+)?(?:[^.;:“”\"]{0,90}?\b(?:following|after)\s+)?"
    r"(?:the\s+)?(?P<owner>(?-i:[A-Z][\w’'-]+)(?:’s|'s)\s+)?(?:(?:recent|latest|continued|illegal|arbitrary|unlawful|"
    r"politically[\s-]motivated|Russian|Russia’s|Russia's|occupation|authorities’|authorities'|de\s+facto)\s+){0,3}"
    r"(?:(?:on\s+)?(?:\w+\s+\d{1,2}|\d{1,2}\s+\w+)\s+)?"
    rf"(?P<noun>{_NOUNS})(?:s\b)?\b(?P<tail>(?:\s+(?:and\s+(?:{_NOUNS})|on\s+\w+\s+\d{{1,2}}(?:,\s+\d{{4}})?|"
    r"on\s+\d{1,2}\s+\w+(?:\s+\d{4})?))*\s+of\s+)?",
    re.IGNORECASE)
# After the name the reaction names: another person or a group ("A, B and C", "A and at least 45 others").
_MORE_RE = re.compile(r"(?:\s*\([^)]{0,40}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:at\s+least\s+|some\s+|\d+\s+|other|others|"
                      r"several|many|(?-i:[A-Z][\w’'-]+\s+[A-Z]))", re.IGNORECASE)


def _index(ex: Extraction) -> tuple[dict[str, set[str]], dict[str, list[str]]]:
    """Each event's targets, and the events of each kind (a kind "other" event under its name's head word)."""
    targets: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target":
            targets.setdefault(c.object, set()).add(c.subject)
    kinds: dict[str, list[str]] = {}
    for key, e in ex.entities.items():
        if e.label != "Event":
            continue
        kind = (e.attributes or {}).get("kind")
        if kind == "other":
            kind = e.name.split()[0].lower() if e.name else kind
        kinds.setdefault(str(kind), []).append(key)
    return targets, kinds


def _names(ex: Extraction, ref: str) -> list[str]:
    e = ex.entities[ref]
    return [n for n in (e.name, *e.aliases) if n]


def _event(text: str, at: int, owner: str | None, cands: list[str], targets: dict[str, set[str]], ex: Extraction) -> str | None:
    """The one event of ``cands`` the words name: the one whose target is named (after "of" at ``at``, or as the
    owner), or the article's only one when no one is named."""
    people = {t for ev in cands for t in targets.get(ev, ()) if ex.entities[t].label == "Person"}
    who: list[str] | None = None
    if owner:
        who = [p for p in people if any(owner in n.split() for n in _names(ex, p))] or None  # "Russia’s annexation": no target
    if who is None and at >= 0:
        named = [(p, n) for p in people for n in _names(ex, p) if text.startswith(n, at)]
        if named:
            p, n = max(named, key=lambda h: len(h[1]))
            if _MORE_RE.match(text, at + len(n)):
                return None  # "the detention of A, B and C": several people's acts
            who = [p]
        elif re.match(r"(?:the\s+)?(?-i:[A-Z])|(?:the\s+)?\d|(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten)\b",
                      text[at:at + 12], re.IGNORECASE):
            return None  # somebody or some group the article's events do not hold
    if who is not None:
        hits = [ev for ev in cands if targets.get(ev, set()) & set(who)]
        return hits[0] if len(who) == 1 and len(hits) == 1 else None
    return cands[0] if len(cands) == 1 else None


def statement_links(text: str, sentences: list[Sentence], ex: Extraction) -> None:
    """Add ``LINKED_TO`` from the statement a sentence reports to the one event its reaction names."""
    said: dict[int, list[tuple[str, str]]] = {}
    for c in ex.claims:
        if c.predicate != "STATES" or (ex.entities[c.object].attributes or {}).get("kind") not in ("statement", "publication"):
            continue
        i = next((j for j, s in enumerate(sentences) if s.start <= c.span[0] < s.end), -1)
        if i >= 0 and (c.subject, c.object) not in said.setdefault(i, []):
            said[i].append((c.subject, c.object))
    if not said:
        return
    targets, kinds = _index(ex)
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LINKED_TO"}
    for i, pairs in said.items():
        if len({st for _sp, st in pairs}) != 1:
            continue  # two statements in one sentence: whose reaction it is is unclear
        speaker, statement = pairs[0]
        sent = sentences[i]
        for m in _REACTION_RE.finditer(sent.text):
            noun = m.group("noun").lower()
            cands = [ev for k in _NOUN_KINDS.get(noun, ()) for ev in kinds.get(k, [])] or kinds.get(_OTHER_NOUNS.get(noun, ""), [])
            cands = [ev for ev in dict.fromkeys(cands) if ev != statement]
            if not cands:
                continue
            owner = m.group("owner")
            tail = m.group("tail") or ""
            # "the detention of Y": Y names the target; "the closure of Crimean Tatar media" names what was closed
            at = sent.start + m.end() if tail.rstrip().endswith("of") and noun in _NOUN_KINDS else -1
            ev = _event(text, at, owner[:-3] if owner else None, cands, targets, ex)
            if ev is None or (statement, ev) in have:
                continue
            have.add((statement, ev))
            ex.claim(statement, "LINKED_TO", ev, quote_span(text, sent, sent.start + m.start(), sent.start + m.end()), 0.6,
                     "statement-reacts", linked_by=speaker)
