"""Where no organisation is named though the words look like one: a record's "Label: value"
line (a victims list, a register: "Ethnic Group: Crimean Tatar", "Nature of Charges: Banned
Organization"), and an acronym the article defines for a lower-case phrase ("country of
particular concern (CPC)"), which is a term."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

__all__ = ["record_lines", "defined_terms"]


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
