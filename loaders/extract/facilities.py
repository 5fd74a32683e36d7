"""Where a detention facility stands: "a temporary detention facility in Simferopol" names the
facility by its town (:func:`loaders.extract.orgs.find_facilities` records the town), so the
facility is ``PART_OF`` that town (the containment of one place in another, as for a town in its
region: a place inside a place is never ``LOCATED_IN`` it, round-12 convention 5a), quoted with the
facility's own words. The town is a
place the article names even when no other sentence names it (an entity of its own).

"the Vienna-based Permanent Council": the organisation sits in (``LOCATED_IN``) that place.
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.claims import Extraction, quote_span
from loaders.extract.gazetteer import Gazetteer
from loaders.extract.mentions import Mention, Sentence

__all__ = ["facility_places", "based_orgs"]

_BASED_RE = re.compile(r"\b(?P<place>[A-Z][\w’'-]+?)-based\s+$")


def facility_places(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction, gaz: Gazetteer) -> None:
    """Add ``PART_OF`` from each facility named "... in TOWN" to the town (once per facility)."""
    starts = [s.start for s in sentences]
    done = {c.subject for c in ex.claims if c.predicate == "LOCATED_IN"}
    for m in mentions:
        e = m.entry
        if e is None or m.label != "Location" or e.attributes.get("kind") != "facility" or not e.part_of:
            continue
        town = f"place:{e.part_of}"
        if m.ref in done or town == m.ref:
            continue
        if town not in ex.entities:
            place = gaz.places.get(m.text.rsplit(" ", 1)[-1])
            if place is None or place.key != e.part_of:
                continue
            ex.entity(town, place.label, place.name, **place.attributes)
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        done.add(m.ref)
        span = quote_span(text, sent, m.start, m.end)
        # the containment of one place in another, as the gold gives a town's facility ("a penal colony in Labytnangi")
        ex.claim(m.ref, "PART_OF", town, span, 0.75, "facility-town-part")


def based_orgs(text: str, sentences: list[Sentence], mentions: list[Mention], ex: Extraction, gaz: Gazetteer) -> None:
    """Add ``LOCATED_IN`` from an organisation written "PLACE-based ORG" to the place."""
    starts = [s.start for s in sentences]
    done = {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}
    for m in mentions:
        e = ex.entities.get(m.ref)
        if e is None or e.label != "Organisation" or e.generic:
            continue
        mt = _BASED_RE.search(text, max(0, m.start - 40), m.start)
        place = gaz.places.get(mt.group("place")) if mt else None
        if mt is None or place is None or place.label != "Location":
            continue
        ref = f"place:{place.key}"
        if (m.ref, ref) in done:
            continue
        done.add((m.ref, ref))
        ex.entity(ref, place.label, place.name, **place.attributes)
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        ex.claim(m.ref, "LOCATED_IN", ref, quote_span(text, sent, mt.start(), m.end), 0.7, "based-in")
