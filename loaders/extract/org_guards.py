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


_TERM_RE = re.compile(r"(?P<phrase>[a-z][a-z\-]*(?: [a-z][a-z\-]*){1,7})[”\"’']?,? \((?P<acronym>[A-Z]{2,6})s?\)")


def defined_terms(text: str) -> set[str]:
    """Acronyms the article defines for a lower-case phrase ("country of particular concern (CPC)"):
    terms, not organisations."""
    out = set()
    for m in _TERM_RE.finditer(text):
        acronym = m.group("acronym")
        words = [w for w in re.split(r"[ \-]", m.group("phrase")) if w not in ("of", "for", "and", "the", "on", "in", "to")]
        if "".join(w[0] for w in words[-len(acronym):]).upper() == acronym:
            out.add(acronym)
    return out
