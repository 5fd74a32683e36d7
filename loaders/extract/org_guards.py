"""Where no organisation is named though the words look like one: a record's "Label: value"
line (a victims list, a register: "Ethnic Group: Crimean Tatar", "Nature of Charges: Banned
Organization"), an acronym the article defines for a lower-case phrase ("country of
particular concern (CPC)"), which is a term, and a word in capitals that is no acronym
(:func:`not_an_acronym`: a shouted line, a surname in capitals, a code by a number)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

__all__ = ["record_lines", "defined_terms", "not_an_acronym"]


# A record's line: a short capitalised label, a colon, its value ("Ethnic Group: Crimean Tatar").
_RECORD_LINE = re.compile(r"^[A-Z][\w’'()/ -]{1,40}: \S[^\n]{0,120}$", re.M)


def record_lines(text: str) -> Callable[[int], bool]:
    """Whether a position lies on a record's "Label: value" line (a victims list, a register)."""
    spans = [(m.start(), m.end()) for m in _RECORD_LINE.finditer(text)]
    starts = [a for a, _b in spans]

    def on(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i][1]
    return on


_ACRONYM_IN_PARENS = re.compile(r" \((?P<acronym>[A-Z]{2,6})s?\)")
_TERM_BEFORE = re.compile(r"(?<![\w\-])(?P<phrase>[a-z][a-z\-]*(?: [a-z][a-z\-]*){1,7})[”\"’']?,?\Z")


def defined_terms(text: str) -> set[str]:
    """Acronyms the article defines for a lower-case phrase ("country of particular concern (CPC)"):
    terms, not organisations. (Each acronym in parentheses is read back from, not every word.)"""
    out = set()
    for m in _ACRONYM_IN_PARENS.finditer(text):
        acronym = m.group("acronym")
        before = _TERM_BEFORE.search(text, max(0, m.start() - 100), m.start())
        if before is None:
            continue
        words = [w for w in re.split(r"[ \-]", before.group("phrase")) if w not in ("of", "for", "and", "the", "on", "in", "to")]
        if "".join(w[0] for w in words[-len(acronym):]).upper() == acronym:
            out.add(acronym)
    return out


# Honorifics before a name whose surname a parliamentary list writes in capitals ("Mr Volodymyr ARIEV").
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Baron)\.?\s+(?:[A-Z][^\W\d_]*\s+){0,2}$")
# A capitalised word (any script's letters) right before the acronym: "Volodymyr ARIEV".
_NAME_BEFORE = re.compile(r"(?<![\w\-])([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_A-Z]+)\s$")
# A reference's number next to the word: "2017/2596(RSP)", "Art. 205.5-1 RCC", "UIN HL451", "AL RUS 4/2020".
_NUMBER_BEFORE = re.compile(r"\d[\d./\-]*[./\-]\d+\s?\(?$|\d\($|\b(?:Art|Arts|Article|Articles|Part|No)\.?\s*\d[\w./\-]*\s?\(?$")
_CODE_AFTER = re.compile(r"\s(?:[A-Z]{1,4}\d|\d+/\d)")


def not_an_acronym(text: str, start: int, end: int, given_names: frozenset[str]) -> bool:
    """Whether the capitals at ``text[start:end]`` are no organisation's acronym: a word of a
    line in capitals ("PALAIS DES NATIONS • 1211 GENEVA 10", "STATEMENT BY MARK TONER"), or
    next to another word in capitals with only a space between ("MANY THANKS"); a surname in
    capitals after a given name or an honorific ("Mr Volodymyr ARIEV", "Ms Boriana ÅBERG"); or a
    part of a reference next to its number ("2017/2596(RSP)", "Art. 205.5-1 RCC", "UIN HL451").
    A list of acronyms in a sentence ("the EPP, S&D, ALDE and ECR groups") is no shouting."""
    before, after = text[max(0, start - 40):start], text[end:end + 12]
    if re.search(r"\b[A-Z]{2,} $", before) or re.match(r" [A-Z]{2,}\b", after):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if not any(c.islower() for c in line) and len(re.findall(r"[A-Z]{2,}", line)) >= 3:
        return True
    name = _NAME_BEFORE.search(before)
    if name and (name.group(1) in given_names or _HONORIFIC_BEFORE.search(before, 0, name.start(1))):
        return True
    return bool(_NUMBER_BEFORE.search(before) or _CODE_AFTER.match(after))
