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

from loaders.extract.claims import ClaimDraft, Extraction, quote_span
from loaders.extract.mentions import Sentence

__all__ = ["document_citations", "statement_links"]

# The act nouns a reaction names, and the event kinds they stand for. A kind "other" event is named by
# the first word of its name ("Closure of Tatar-language media", "Annexation of Crimea").
_NOUN_KINDS = {"detention": ("detention",), "arrest": ("arrest", "detention"), "search": ("search",), "raid": ("search",),
               "abduction": ("abduction", "disappearance"), "disappearance": ("disappearance",),
               # round 13 (conv13c, LINKED_TO use R): a reaction to a verdict is linked to it ("condemned the verdict")
               "verdict": ("verdict",), "sentencing": ("verdict",), "sentence": ("verdict",), "conviction": ("verdict",)}
# Not a ban: three reactions to a ban of four go unlinked in the gold (dev, valid, dev3; linked in valid2).
_OTHER_NOUNS = {"shutdown": "closure", "closure": "closure", "annexation": "annexation"}
_NOUNS = "|".join(sorted({*_NOUN_KINDS, *_OTHER_NOUNS}, key=len, reverse=True))
# "condemned / denounced / deplored / criticised [in the strongest terms] the [recent] NOUN", "called the NOUN",
# "condemned X following the NOUN": the reaction, then the act it names (an owner's name may stand before the noun).
_REACTION_RE = re.compile(
    r"\b(?:condemn(?:s|ed)?|denounc(?:es|ed)|deplor(?:es|ed)|criticis(?:es|ed)|criticiz(?:es|ed)|decr(?:ies|ied)|"
    r"call(?:s|ed)(?!\s+(?:for|on|upon)\b)|describ(?:es|ed)|(?:condemnation|denunciation)\s+of)\s+"
    r"(?:in\s+the\s+strongest\s+(?:possible\s+)?terms\s+)?(?:[^.;:“”\"]{0,90}?\b(?:following|after)\s+)?"
    r"(?:the\s+)?(?P<owner>(?-i:[A-Z][\w’'-]+)(?:’s|'s)\s+)?(?:(?:recent|latest|continued|illegal|arbitrary|unlawful|"
    r"politically[\s-]motivated|Russian|Russia’s|Russia's|occupation|authorities’|authorities'|de\s+facto)\s+){0,3}"
    r"(?:(?:on\s+)?(?:\w+\s+\d{1,2}|\d{1,2}\s+\w+)\s+)?"
    r"(?:trial\s+and\s+)?"
    rf"(?P<noun>{_NOUNS})(?:s\b)?\b(?P<tail>(?:\s+(?:and\s+(?:{_NOUNS})|on\s+\w+\s+\d{{1,2}}(?:,\s+\d{{4}})?|"
    r"on\s+\d{1,2}\s+\w+(?:\s+\d{4})?))*\s+of\s+)?",
    re.IGNORECASE)

# Round 13 (conv13c, LINKED_TO use R): the documents the article's own statement cites ("having regard to Resolution
# N", "in line with the UNGA Resolution N", "recalls its Resolution N") are linked from it; what it talks about is not
# (its reactions are claims it makes, not links).
_CITED_RE = re.compile(r"Resolution\b")
_OWN_LEAD = 600  # a statement made this early in the document is the document's own (as links.py's dateline takes it)
# A press release's title that reports its own body's reaction ("OSCE condemns ...", "X takes note of ..., but condemns
# ..."): the statement its lead reports is the document's own.
_TITLE_REACTS_RE = re.compile(r"\b(?:condemns|denounces|deplores|criticises|criticizes|takes\s+note|welcomes|calls\s+(?:on|for))\b")


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


# Round 13 (conv13c, use R): "the detention of A, B and C", "the sentencing of film director A and activist B": the
# reaction names each listed person's act. A list that goes on with people or groups the article's events do not
# hold ("A and at least 45 others", "A, a journalist, and ...") names no act of each and is left alone.
_SEP_RE = re.compile(r"(?:\s*\([^)]{0,40}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_DESC_RE = re.compile(r"(?:(?-i:[a-z][\w-]*)\s+){1,3}")


def _listed(text: str, at: int, people: set[str], ex: Extraction) -> list[str] | None:
    """The people a list of names at ``at`` names, in order; None where the list goes on with others."""
    out: list[str] = []
    pos, joined = at, False
    while True:
        desc = _DESC_RE.match(text, pos)
        named = [(p, n, q) for q in ((pos, desc.end()) if desc else (pos,)) for p in people for n in _names(ex, p)
                 if text.startswith(n, q)]
        if not named:
            # "A, a blogger": an apposition ends the list; "A and others" goes on with people not held
            return None if joined else out
        p, n, q = max(named, key=lambda h: (len(h[1]), -h[2]))
        if p not in out:
            out.append(p)
        sep = _SEP_RE.match(text, q + len(n))
        if not sep:
            return out
        pos, joined = sep.end(), "and" in sep.group()


def _event(text: str, at: int, owner: str | None, cands: list[str], targets: dict[str, set[str]], ex: Extraction) -> list[str]:
    """The events of ``cands`` the words name: each one whose target is named (after "of" at ``at``, or as the
    owner), or the article's only one when no one is named."""
    people = {t for ev in cands for t in targets.get(ev, ()) if ex.entities[t].label == "Person"}
    who: list[str] | None = None
    if owner:
        who = [p for p in people if any(owner in n.split() for n in _names(ex, p))] or None  # "Russia’s annexation": no target
        if who is not None and len(who) != 1:
            return []
    if who is None and at >= 0:
        listed = _listed(text, at, people, ex)
        if listed is None:
            return []  # "the detention of A and at least 45 others": acts the article does not hold one by one
        if listed:
            who = listed
        elif re.match(r"(?:the\s+)?(?-i:[A-Z])|(?:the\s+)?\d|(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten)\b",
                      text[at:at + 12], re.IGNORECASE):
            return []  # somebody or some group the article's events do not hold
    if who is not None:
        out: list[str] = []
        for w in who:
            hits = [ev for ev in cands if w in targets.get(ev, set())]
            if len(hits) != 1:
                return []
            out.append(hits[0])
        return list(dict.fromkeys(out))
    return cands[:1] if len(cands) == 1 else []


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
    own = _own(ex, [c for c in ex.claims if c.predicate == "STATES" and _kind(ex, c.object) in ("statement", "publication")])
    title_end = max(text.find("\n"), 0)
    targets, kinds = _index(ex)
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LINKED_TO"}
    for i, pairs in said.items():
        if len({st for _sp, st in pairs}) != 1:
            continue  # two statements in one sentence: whose reaction it is is unclear
        speaker, statement = pairs[0]
        if own is not None and statement == own.object and (own.span[0] < title_end or _TITLE_REACTS_RE.search(text, 0, title_end)):
            continue  # the document's own statement (its title reports it): what it talks about is no link (use R)
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
            evs = _event(text, at, owner[:-3] if owner else None, cands, targets, ex)
            if any(speaker in targets.get(ev, ()) for ev in evs):
                continue  # a speaker reacting to his own detention: a name in the list taken for the speaker
            for ev in evs:
                if (statement, ev) in have:
                    continue
                have.add((statement, ev))
                ex.claim(statement, "LINKED_TO", ev, quote_span(text, sent, sent.start + m.start(), sent.start + m.end()),
                         0.6, "statement-reacts", linked_by=speaker)




def _kind(ex: Extraction, ref: str) -> str:
    return str((ex.entities[ref].attributes or {}).get("kind"))


def _own(ex: Extraction, states: list[ClaimDraft]) -> ClaimDraft | None:
    """The ``STATES`` of the document's own statement: the first one made in its opening, not a cited resolution."""
    return min((c for c in states if c.span[0] < _OWN_LEAD and not _CITED_RE.match(ex.entities[c.object].name or "")),
               key=lambda c: c.span[0], default=None)


def document_citations(ex: Extraction) -> None:
    """Add ``LINKED_TO`` from the document's own statement to each resolution the draft holds as a document."""
    states = [c for c in ex.claims if c.predicate == "STATES" and _kind(ex, c.object) in ("statement", "publication")]
    own = _own(ex, states)
    if own is None:
        return
    have = {(c.subject, c.object) for c in ex.claims if c.predicate == "LINKED_TO"}
    for c in states:
        doc = c.object
        if _kind(ex, doc) != "publication" or doc == own.object or not _CITED_RE.match(ex.entities[doc].name or "") \
                or (own.object, doc) in have:
            continue
        have.add((own.object, doc))
        ex.claim(own.object, "LINKED_TO", doc, c.span, 0.55, "cites-document")
