"""Find an entity from what a person types: a key, a name or an alias, in any script.

One resolver serves every command that takes an entity (saved queries, ``connect``,
views, exports). Text is compared after Unicode NFKC normalisation, case folding and
removal of diacritics, so ``Celâl`` finds ``Celal`` and ``ДЖЕЛЯЛ`` finds ``Джелял``.
A whole name or alias wins; otherwise a single name part (a surname such as
``Dzhelyal``) is accepted when exactly one entity has it. An ambiguous reference is
an error listing the candidates (a shared first name is never enough); an unknown
one lists the closest few.

>>> r = EntityResolver([("person:a", "Nariman Dzhelyal", ["Джелял"]), ("person:b", "Nariman Ametov", [])])
>>> r.resolve("dzhelyal"), r.resolve("ДЖЕЛЯЛ"), r.resolve("person:b"), r.resolve("Nariman Celâl")
('person:a', 'person:a', 'person:b', 'person:a')
>>> r.resolve("Nariman")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
graph.resolve.ResolveError: 'Nariman' is ambiguous: Nariman Ametov (person:b), Nariman Dzhelyal (person:a)
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.errors import CasegraphError
from graph.identity import fold, skeleton, strip_roles

if TYPE_CHECKING:  # only annotations: resolving a name needs no networkx
    import networkx as nx

__all__ = ["EntityResolver", "ResolveError", "resolve_entity", "normalise_name", "Candidate"]


class ResolveError(CasegraphError):
    """An entity reference matched nothing or more than one entity."""

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


def normalise_name(text: str) -> str:
    """NFKC, case-folded, diacritics removed, runs of spaces and hyphens made one space.

    >>> normalise_name("  Celâl–DJELAL ")
    'celal djelal'
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    # Combining marks go (â -> a); both sides of a comparison lose them alike (й -> и too).
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    return re.sub(r"[\s\-‐‑‒–—_]+", " ", text).strip()


def _spelling(text: str) -> str:
    """A name's spelling skeleton, word by word (graph.identity): one key for its romanisations."""
    return " ".join(skeleton(w) for w in fold(strip_roles(text)).split())


@dataclass(frozen=True)
class Candidate:
    key: str
    name: str
    label: str = ""

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"


class EntityResolver:
    """An index of entity keys, names and aliases."""

    def __init__(self, entries: Iterable[tuple[str, str, Iterable[str]]] | Iterable[tuple[str, str, Iterable[str], str]]):
        self._by_key: dict[str, Candidate] = {}
        self._by_name: dict[str, set[str]] = defaultdict(set)
        self._by_part: dict[str, set[str]] = defaultdict(set)
        # The identity resolver's spelling folds (graph.identity.fold): "Nariman Djelal" finds
        # "Nariman Dzhelyal" when no name or alias is written that way.
        self._by_fold: dict[str, set[str]] = defaultdict(set)
        for entry in entries:
            key, name, aliases = entry[0], entry[1], entry[2]
            label = entry[3] if len(entry) > 3 else ""
            self._by_key[key] = Candidate(key, name, label)
            for text in [name, *aliases]:
                norm = normalise_name(str(text))
                if not norm:
                    continue
                self._by_name[norm].add(key)
                if " " in norm:
                    self._by_fold[_spelling(str(text))].add(key)
                for part in norm.split(" "):
                    if len(part) >= 2:
                        self._by_part[part].add(key)

    @classmethod
    def from_graph(cls, g: nx.Graph) -> EntityResolver:
        """Every entity node of a casegraph graph (sources are not entities)."""
        return cls((n, str(d.get("name") or n), list(d.get("aliases") or []), str(d.get("label") or ""))
                   for n, d in g.nodes(data=True) if d.get("node_kind", "entity") == "entity")

    def __len__(self) -> int:
        return len(self._by_key)

    def _describe(self, keys: Iterable[str]) -> list[str]:
        return [str(self._by_key[k]) for k in sorted(keys, key=lambda k: (self._by_key[k].name, k))]

    def matches(self, ref: str) -> list[str]:
        """All keys ``ref`` could mean (empty if none), best kind of match only."""
        ref = ref.strip()
        if ref in self._by_key:
            return [ref]
        norm = normalise_name(ref)
        if not norm:
            return []
        if norm in self._by_name:
            return sorted(self._by_name[norm])
        if " " not in norm and norm in self._by_part:
            return sorted(self._by_part[norm])
        if " " in norm:
            return sorted(self._by_fold.get(_spelling(ref), ()))
        return []

    def closest(self, ref: str, n: int = 5) -> list[str]:
        """The few names or aliases closest to ``ref``, as 'name (key)'."""
        norm = normalise_name(ref)
        names = list(self._by_name)
        close = difflib.get_close_matches(norm, names, n=n * 2, cutoff=0.5)
        keys: list[str] = []
        for name in close:
            for k in sorted(self._by_name[name]):
                if k not in keys:
                    keys.append(k)
        return [str(self._by_key[k]) for k in keys[:n]]

    def resolve(self, ref: str) -> str:
        """The one key ``ref`` means; :class:`ResolveError` with candidates otherwise."""
        found = self.matches(ref)
        if len(found) == 1:
            return found[0]
        shown = ref if len(ref) <= 80 else ref[:77] + "..."
        if found:
            described = self._describe(found)
            raise ResolveError(f"'{shown}' is ambiguous: {', '.join(described)}", described)
        close = self.closest(ref)
        hint = f"; closest: {', '.join(close)}" if close else ""
        raise ResolveError(f"no entity '{shown}'{hint}", close)


def resolve_entity(g: nx.Graph, ref: str) -> str:
    """The key of the entity of ``g`` that ``ref`` (key, name or alias) means."""
    return EntityResolver.from_graph(g).resolve(ref)
