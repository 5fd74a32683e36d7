"""Victim collectives of the round-11 convention work (README "Convention decision: victim collectives"
and the round-10 second set, decision 1): the Ukrainian political prisoners that Russia holds, named as a
group.

- **The Ukrainian political prisoners**: "At least 118 Ukrainian political prisoners remain in
  detention", "Russia's continued detention of Ukrainian political prisoners", "up to 70 other
  political prisoners being held in Crimea", "Russia is holding 186 political prisoners", "Oleh Sentsov
  and other political prisoners": the collective ``ukrainian-political-prisoners-in-russia-generic``,
  as the gold of dev, dev2, dev3, dev4, valid2 and dev6 holds it wherever the text names the group
  (govuk, State Department, Amnesty, PACE, CoE). Bare "political prisoners" only with a count or
  "other" before it ("families of political prisoners", "Crimean political prisoners" are no such
  group: the gold does not record them). Not a group counted in words before their names ("three
  Ukrainian political prisoners; Oleg Sentsov, ..."), which are the people of the article's cases; not
  in the headline.

The finder returns (start, end, entry) for text no earlier finder took (see
:func:`loaders.extract.collective_phrases.collective_phrases`).
"""

from __future__ import annotations

import re

from loaders.extract.gazetteer import GazetteerEntry

__all__ = ["political_prisoners", "PRISONERS_KEY"]

Found = tuple[int, int, GazetteerEntry]

PRISONERS_KEY = "ukrainian-political-prisoners-in-russia-generic"

_ABOUT = r"(?:[Aa]t least|[Oo]ver|[Mm]ore than|[Uu]p to|[Aa]bout|[Nn]early|[Aa]lmost|[Aa]round|[Ss]ome)"
_PRISONERS_RE = re.compile(
    rf"(?<![\w\-’'])(?:[Aa]ll (?:the )?)?(?:(?:remaining|other) )?(?:{_ABOUT} )?(?P<count>\d[\d,]* )?(?P<other>other )?"
    r"(?P<ukr>Ukrainian )?political prisoners(?![\w\-])")
# A count in words names people the article goes on to name ("three Ukrainian political prisoners; Oleg ...").
_WORD_COUNT_RE = re.compile(r"(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve) $")
# Names after the group: "political prisoners; Oleg Sentsov", "political prisoners: A, B", "political prisoners (A)".
_NAMES_AFTER_RE = re.compile(r"[;:,]? ?\(?[A-Z][a-z]+ [A-Z]|[;:] ")
# Who the group is not: "Crimean political prisoners", "families of political prisoners".
_NOT_BEFORE_RE = re.compile(r"(?:Crimean|Russian|[Ff]amil(?:y|ies) of|[Ff]ormer) $")


def political_prisoners(text: str, taken: bytearray) -> list[Found]:
    """"118 Ukrainian political prisoners", "other political prisoners": the Ukrainian political
    prisoners Russia holds, as one collective (the phrase as written is the mention)."""
    if "political prisoners" not in text:
        return []
    headline = text.find("\n")
    out: list[Found] = []
    for m in _PRISONERS_RE.finditer(text):
        a, b = m.span()
        if a < headline or any(taken[a:b]):
            continue
        if not m.group("ukr") and not m.group("count") and not m.group("other") and "other " not in m.group():
            continue  # bare "political prisoners": anyone's
        if _WORD_COUNT_RE.search(text, max(0, a - 8), a) or _NOT_BEFORE_RE.search(text, max(0, a - 12), a) \
                or _NAMES_AFTER_RE.match(text, b):
            continue
        out.append((a, b, GazetteerEntry(PRISONERS_KEY, "Organisation", "Ukrainian political prisoners", (),
                                         {"kind": "collective"}, generic=True)))
    return out
