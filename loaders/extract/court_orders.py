"""A court's interim (provisional) measures or injunction, as statements cite them in passing.

Ministries, the EEAS and Amnesty refer to an international court's urgent order by its noun: "the European Court
of Human Rights has granted interim measures in favour of X, following a request under Rule 39", "as required by a
recent injunction from the European Court of Human Rights", "the order of the International Court of Justice
regarding provisional measures in the case of Ukraine vs Russia", "the International Court of Justice Order on the
Provisional Measures within the claim of Ukraine against Russia". The annotators of dev4, dev5 and dev6 (four
articles, every one of the kind in the development texts) record each as one ``other`` event: the court its
``judge``, the person it is "in favour of" a participant.

A bare "order of the court" (any ruling) is left alone: the words "interim/provisional measures" or "injunction"
must name the act. :func:`court_orders` returns :class:`loaders.extract.acts.Act`-shaped tuples
``(name, start, end, court, beneficiaries)``; the caller records the court as judge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.extract.mentions import Mention
from loaders.extract.regex_buckets import Prefiltered

__all__ = ["court_orders"]

CourtOrder = tuple[str, int, int, Mention, list[Mention]]

_MEASURES = r"(?:interim|provisional|urgent)\s+measures?"
# After the court: "has granted interim measures", "Order on the Provisional Measures".
_AFTER_COURT_RE = re.compile(r"\s+(?:(?:has|had|have)\s+)?(?:(?:granted|issued|indicated|ordered|imposed|applied)\s+(?:an?\s+|the\s+)?"
                             + _MEASURES + r"|[Oo]rder\s+on\s+(?:the\s+)?" + _MEASURES + r"|(?:issued\s+)?an?\s+injunction)\b",
                             re.IGNORECASE)
# Before the court: "injunction from the", "interim measures of the", "the order of the ... regarding provisional measures".
_BEFORE_COURT_RE = Prefiltered(re.compile(r"\b(?:(?P<noun>injunction|" + _MEASURES + r")|(?P<order>order))\s+(?:from|of|by)\s+(?:the\s+)?$",
                              re.IGNORECASE))
_ORDER_MEASURES_RE = re.compile(r"\s+(?:regarding|on|concerning|for|indicating)\s+(?:the\s+)?" + _MEASURES, re.IGNORECASE)
_FAVOUR_RE = re.compile(r",?\s+in\s+(?:favou?r|respect)\s+of\s+$")
_WORDS = ("measure", "Measure", "injunction")


def _court(m: Mention) -> bool:
    kind = str(m.entry.attributes.get("kind", "")) if m.entry is not None else ""
    return kind == "court" or "Court" in (m.entry.name if m.entry is not None else m.text)


def court_orders(text: str, s0: int, orgs: Sequence[Mention], people: Sequence[Mention]) -> list[CourtOrder]:
    """The interim measures or injunctions of a court one sentence (``text``, starting at ``s0``) cites."""
    if not any(w in text for w in _WORDS):
        return []
    out: list[CourtOrder] = []
    for c in orgs:
        if not _court(c) or any(c.ref == x[3].ref for x in out):
            continue
        what, a, b = "", c.start, c.end
        am = _AFTER_COURT_RE.match(text, c.end - s0)
        if am is not None:
            what, b = ("Injunction" if "injunction" in am.group().lower() else "Interim measures"), s0 + am.end()
        else:
            bm = _BEFORE_COURT_RE.search(text, max(0, c.start - s0 - 40), c.start - s0)
            if bm is not None and bm.group("noun"):
                what, a = ("Injunction" if "injunction" in bm.group().lower() else "Interim measures"), s0 + bm.start()
            elif bm is not None:
                om = _ORDER_MEASURES_RE.match(text, c.end - s0)
                if om is not None:  # "the order of the court regarding provisional measures"
                    what, a, b = "Interim measures", s0 + bm.start(), s0 + om.end()
        if not what:
            continue
        # "has granted interim measures in favour of X": X the one it protects
        favoured = [p for p in people if 0 <= p.start - b <= 20 and _FAVOUR_RE.fullmatch(" " + text[b - s0:p.start - s0])][:1]
        name = f"{what} of {c.entry.name if c.entry is not None else c.text}"
        if favoured:
            name += f" in favour of {favoured[0].entry.name if favoured[0].entry is not None else favoured[0].text}"
        out.append((name, a, max([b, *(p.end for p in favoured)]), c, favoured))
    return out
