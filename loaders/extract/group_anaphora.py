"""Lists of people the plain list rule misses, so that a later "they", "both men" or "all four" means them (round
14, coref14).

The plural phrases of a sentence ("they", "their arrest", "both men", "the four men", "all four") mean the people
an earlier list names (:func:`loaders.extract.events.plural_mentions`: "they" the last list before it, a counted
phrase the article's list of exactly that many people). :func:`loaders.extract.events.coordinated` finds the
plain lists ("A, B and C", "A and his brother B"); one more form of general English names people together:

- an apposition after a relation ("Oleg Sentsov and his co-defendant, ecologist Aleksandr Kolchenko, ... They are
  Ukrainian citizens ... who opposed its Russian annexation at the time of their arrest", dev6):
  ``A and his|her|their <relation>, [<title>] B`` is the list A, B (:func:`apposed`, :func:`apposed_groups`).

Lists joined by a count ("A and three more activists: B, C and D ... All four were arrested") were tried and left
out: on their one development article the event rules read the sentence the count opens as a detention too, placed in
the wrong country, with the annexing state as the arresting agent, which cost more precision than the arrests gained
(docs/extraction.md, "Round 14: coref14").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.events import Group
from loaders.extract.mentions import Mention

__all__ = ["apposed", "apposed_groups"]

# "and his co-defendant, ecologist ", "and her husband, the journalist ", "and his fellow defendant, "
_APPOSED_RE = re.compile(r"\s+and\s+(?:his|her|their)\s+(?:fellow\s+)?(?:co-defendant|defendant|brother|sister|wife|husband|son|"
                         r"daughter|father|mother|cousin|nephew|niece|uncle|colleague|associate)\s*,\s+"
                         r"(?:(?:a|an|the)\s+)?(?:[a-z][\w’'-]*\s+){0,3}(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?")


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
