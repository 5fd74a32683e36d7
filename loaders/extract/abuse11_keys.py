"""The corpus-wide keys of ongoing abuses and policies a monitor records again and again.

The annotators key an ongoing campaign or policy once across the corpus, as they key the occupation of Crimea
(README, "Annotation convention": "the same event reported by several articles shares one key"):

- the persecution of the Crimean Tatars in Crimea, `event:crimean-tatars-persecution-crimea` (dev3, dev4, dev5,
  dev7: the European Parliament, USCIRF, the UK Parliament, Ukraine's human rights commissioner, Lithuania's
  president, Ukraine's mission in Geneva), whatever the sentence calls it ("the persecution of Crimean Tatars",
  "continued persecution", "violations of the rights of Crimean Tatars");
- the imposition of Russian citizenship on the people of Crimea, `event:crimea-forced-russian-citizenship` (dev4,
  dev5, dev7: the European Parliament, the UK Parliament, Ukraine's commissioner, Lithuania, Ukraine's mission).

The rules of :mod:`loaders.extract.group_abuses` and :mod:`loaders.extract.state_policies` name these events by
their words ("Persecution of Crimean Tatars", "Forced imposition of Russian citizenship"); :func:`canonical_abuses`
gives them the shared key, so that each article's event aligns with the one its gold holds even where several
events of the article share their actors (the occupation, Russia, Crimea).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.extract.claim_model import Extraction

__all__ = ["CITIZENSHIP_IN_CRIMEA", "PERSECUTION_OF_CRIMEAN_TATARS", "canonical_abuses"]

PERSECUTION_OF_CRIMEAN_TATARS = "event:crimean-tatars-persecution-crimea"
CITIZENSHIP_IN_CRIMEA = "event:crimea-forced-russian-citizenship"
_CRIMEA = ("place:crimea", "place:sevastopol")


def _places(ex: Extraction, ev: str) -> set[str]:
    return {c.object for c in ex.claims if c.subject == ev and c.predicate == "LOCATED_IN"}


def canonical_abuses(ex: Extraction) -> None:
    """Re-key the drafted persecution of the Crimean Tatars and the imposition of Russian citizenship in Crimea."""
    old = "event:persecution-of-crimean-tatars"
    if old in ex.entities and PERSECUTION_OF_CRIMEAN_TATARS not in ex.entities and _places(ex, old) <= set(_CRIMEA):
        ex.rekey(old, PERSECUTION_OF_CRIMEAN_TATARS)
    old = "event:forced-imposition-of-russian-citizenship"
    if old in ex.entities and CITIZENSHIP_IN_CRIMEA not in ex.entities and _places(ex, old) <= set(_CRIMEA):
        ex.rekey(old, CITIZENSHIP_IN_CRIMEA)
