"""Lists of people the plain list rule misses, so that a later "they", "both men" or "all four" means them (round
14, coref14).

The plural phrases of a sentence ("they", "their arrest", "both men", "the four men", "all four") mean the people
an earlier list names (:func:`loaders.extract.events.plural_mentions`: "they" the last list before it, a counted
phrase the article's list of exactly that many people). :func:`loaders.extract.events.coordinated` finds the
plain lists ("A, B and C", "A and his brother B"); two more forms of general English name people together:

- an apposition after a relation ("Oleg Sentsov and his co-defendant, ecologist Aleksandr Kolchenko, ... They are
  Ukrainian citizens ... who opposed its Russian annexation at the time of their arrest", dev6):
  ``A and his|her|their <relation>, [<title>] B`` is the list A, B (:func:`apposed`, :func:`apposed_groups`);
- a count that joins a name to a list ("Oleksandr Kolchenko and three more Crimean pro-Ukrainian activists:
  Oleksiy Cherniy, Hennadiy Afanasyev and Oleh Sentsov ... All four were arrested", dev6): ``A and N more|other
  <people>: B, C and D`` is the list A, B, C, D when the list after the count names exactly N people, and only
  then (:func:`counted_groups`).

Only the first is in the pipeline (:mod:`loaders.extract.claim_model` for a sentence's lists,
:func:`loaders.extract.claims.extract_claims` for the article's). The second is ready but not called: on its one
development article the event rules read the sentence it opens ("All four were arrested and imprisoned in Russia
after the annexation of Crimea by the Russian Federation") as a detention too, placed in Russia, with the annexer as
the arresting agent, as they do when the sentence names the four; that costs more precision than the arrests gain
(docs/extraction.md, "Round 14: coref14").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.events import Group
from loaders.extract.mentions import Mention

__all__ = ["apposed", "apposed_groups", "counted_groups"]

# "and his co-defendant, ecologist ", "and her husband, the journalist ", "and his fellow defendant, "
_APPOSED_RE = re.compile(r"\s+and\s+(?:his|her|their)\s+(?:fellow\s+)?(?:co-defendant|defendant|brother|sister|wife|husband|son|"
                         r"daughter|father|mother|cousin|nephew|niece|uncle|colleague|associate)\s*,\s+"
                         r"(?:(?:a|an|the)\s+)?(?:[a-z][\w’'-]*\s+){0,3}(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?")

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12}
# "A and three more Crimean pro-Ukrainian activists: ", "A and two other men, ", "A and four others – "
_JOIN_RE = re.compile(r"\s+(?:and|with)\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                      r"(?:(?:more|other)\s+(?:[\w’'-]+\s+){0,4}?(?:activists|men|women|people|prisoners|defendants|"
                      r"detainees|Tatars|Ukrainians|journalists|members|residents|believers|citizens|individuals|"
                      r"co-defendants|leaders|lawyers)|others)\s*(?::|,|\(|–|—)\s*", re.IGNORECASE)
# A title before the list's first name: "the journalist ", "activists ", "Mr "
_TITLE_RE = re.compile(r"(?:(?:the\s+)?(?:[a-z][\w’'-]*\s+){1,3})?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?")


def apposed(between: str) -> bool:
    """Whether ``between`` (the text between two names) joins them as "A and his co-defendant, ecologist B" does."""
    return _APPOSED_RE.fullmatch(between) is not None


def apposed_groups(text: str, people: Sequence[Mention], groups: Sequence[Group]) -> list[Group]:
    """The lists "A and his co-defendant, ecologist B" makes, each with the plain list (one of ``groups``) that
    ends at A or starts at B joined to it ("A, B and his brother, C": A, B, C)."""
    if " and " not in text or "," not in text:
        return []
    ordered = sorted(people, key=lambda m: m.start)
    ends = {g[1]: g for g in groups}
    starts = {g[0]: g for g in groups}
    out: list[Group] = []
    for p, q in zip(ordered, ordered[1:], strict=False):
        if p.ref == q.ref or not apposed(text[p.end:q.start]):
            continue
        left, right = ends.get(p.end), starts.get(q.start)
        refs = [*(left[2] if left else [p.ref]), *(right[2] if right else [q.ref])]
        out.append((left[0] if left else p.start, right[1] if right else q.end, list(dict.fromkeys(refs))))
    return out


def counted_groups(text: str, people: Sequence[Mention], groups: Sequence[Group]) -> list[Group]:
    """The groups a count joins: "A and three more activists: B, C and D" is the group A, B, C, D, when the list
    right after the count (one of ``groups``, the article's lists) names exactly that many people."""
    if not groups or not any(w in text for w in (" more ", " other ", " others")):
        return []
    starts = {g[0]: g for g in groups}
    out: list[Group] = []
    for m in people:
        mt = _JOIN_RE.match(text, m.end)
        if mt is None:
            continue
        n = mt.group(1).lower()
        count = int(n) if n.isdigit() else _COUNTS[n]
        title = _TITLE_RE.match(text, mt.end())
        g = starts.get(title.end() if title else mt.end())
        if g is None or len(g[2]) != count or m.ref in g[2]:
            continue
        out.append((m.start, g[1], [m.ref, *g[2]]))
    return out
