"""A region of the world named as a place (round 11b, orgs11b).

The gazetteer knows the continents and regions of the world (``kind: world`` in ``places.yaml``) so that they
are never read as people; they were no entity at all, because the statements name them mostly as an office's
remit ("UK Minister for Europe", "Minister (Europe)", "Amnesty International's Director for Eastern Europe and
Central Asia", "its Europe Director"), where no gold records a place. Where the text names the region as a
place ("Europe faces the largest movement of people", "the worst security crisis in Europe since", "in relation
to Europe as a whole"), the gold of dev4 (GOV.UK), dev5 (UK Parliament, Ukraine's OSCE delegation) records it,
in all three such files of the development splits. So a continent is kept, as a place, unless it is a remit: after
"for", inside a parenthesis, after a possessive, or before a title ("Director", "Programme"). The regions within a
continent ("Central Asia", "Eastern Europe") stay no entity, as `tests/test_extract_entities.py` fixes ("They were
deported to Central Asia"): no development gold records one.
"""

from __future__ import annotations

import re

from loaders.extract.mention_types import Mention

__all__ = ["world_regions"]

# Before the region: "Minister for Europe", "Director for Eastern Europe", "(Europe)", "Amnesty's Europe Director",
# "Director for Europe and Central Asia" (the second region of the remit).
_REMIT_BEFORE_RE = re.compile(r"(?:\bfor|\(|’s|'s)\s*\Z|\bfor\s+(?:the\s+)?(?:[A-Z]\w+\s+){1,2}and\s+(?:the\s+)?\Z")
# After it (an optional second region first: "Europe and Central Asia Director"): a title or a unit's word.
_REMIT_AFTER_RE = re.compile(r"(?:\s+and\s+(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)?)?\s*(?:\)|(?:Regional\s+)?(?:Director|Deputy|"
                             r"Programme|Program|Desk|Division|Department|Bureau|Office|Unit|Section|Minister|Team|"
                             r"Researcher|Campaigner|Head|Directorate)\b)")


_CONTINENTS = frozenset({"europe", "asia", "africa", "north-america", "south-america"})


def world_regions(mentions: list[Mention], text: str) -> list[Mention]:
    """Drop each region of the world but a continent the text names as a place, not as an office's remit."""
    out = []
    for m in mentions:
        if m.label == "Location" and m.entry is not None and m.entry.attributes.get("kind") == "world" and (
                m.entry.key not in _CONTINENTS
                or _REMIT_BEFORE_RE.search(text, max(0, m.start - 40), m.start)
                or _REMIT_AFTER_RE.match(text, m.end)):
            continue
        out.append(m)
    return out
