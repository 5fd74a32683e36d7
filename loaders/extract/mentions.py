"""Mentions in clean text: organisations and places (gazetteers), people (name patterns),
dates, sentences; and the people's coreference within an article.

People are found as runs of capitalised words: a run is a person when its first word is
a known given name, its last word has a surname ending, or a cue word stands next to it
("lawyer", "activist", "said"). Coreference then groups the runs:

- full names whose surnames fold to the same spelling (see ``fold``) and whose given names
  agree are one person (Nariman Dzhelyal, Nariman Djelal, Нариман Джелял);
- a surname alone ("Chalgozov") joins the one person with that surname;
- a shared given name is never evidence ("Nariman" alone is left unresolved);
- a close but uncertain spelling (Akhtemov / Akhmetov) stays a person of its own and is
  recorded as a *doubtful match* for the reviewer.

The finders live in their own modules (organisations and places in :mod:`.entries` and
:mod:`.place_mentions`, people in :mod:`.people` and :mod:`.people_index`, the mention types
in :mod:`.mention_types`); every public name stays importable from here.
"""

from __future__ import annotations

import re

from loaders.extract.entries import find_entries
from loaders.extract.gazetteer import Gazetteer, load_gazetteer
from loaders.extract.mention_types import Doubt, Mention, Person, Sentence
from loaders.extract.orgs import government_key
from loaders.extract.people import find_people
from loaders.extract.people_index import DOUBTFUL, SAME, same_name_score

__all__ = ["Mention", "Person", "Doubt", "Sentence", "find_entries", "find_people", "split_sentences",
           "find_dates", "same_name_score", "SAME", "DOUBTFUL", "government_key"]

_ABBREV = {"mr", "mrs", "ms", "dr", "no", "st", "art", "vs", "jr", "sr", "prof"}


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; paragraphs (lines) never share a sentence."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, body = para.start(), para.group()
        start = 0
        for m in re.finditer(r"[.!?][”\"’)]?(?=\s+[“\"(]?[A-ZА-Я0-9])", body):
            # The word before the stop (a bounded look-back: linear in the paragraph's length).
            before = re.search(r"(\w+)\.$", body[max(0, m.start() - 40):m.start() + 1])
            if before and (before.group(1).lower() in _ABBREV or len(before.group(1)) == 1):
                continue
            end = m.end()
            out.append(_sentence(text, p_start + start, p_start + end))
            start = end
        if body[start:].strip():
            out.append(_sentence(text, p_start + start, p_start + len(body)))
    return out


def _sentence(text: str, a: int, b: int) -> Sentence:
    while a < b and text[a].isspace():
        a += 1
    return Sentence(a, b, text[a:b])


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE_RES = [
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<month>{_MONTHS})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<monthnum>\d{2})\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?:in|since|until|by|of)\s+(?P<year>(?:19|20)\d\d)\b"),
]


def find_dates(text: str, gaz: Gazetteer | None = None) -> list[tuple[int, int, str]]:
    """Dates in ``text`` as (start, end, ISO partial date), most precise first where they overlap."""
    gaz = gaz or load_gazetteer()
    out: list[tuple[int, int, str]] = []
    covered = bytearray(len(text) + 1)  # characters already inside a more precise date
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            if any(covered[m.start():m.end()]):
                continue
            g = m.groupdict()
            month = gaz.months[g["month"].lower()] if g.get("month") else int(g["monthnum"]) if g.get("monthnum") else None
            iso = g["year"]
            if month:
                if not 1 <= month <= 12:
                    continue
                iso += f"-{month:02d}"
                if g.get("day"):
                    day = int(g["day"])
                    if not 1 <= day <= 28 + 3:
                        continue
                    iso += f"-{day:02d}"
            covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            out.append((m.start(), m.end(), iso))
    return sorted(out)
