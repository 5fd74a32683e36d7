"""Search for the investigation app (``casegraph serve``): one box, any script, typos tolerated.

The explorer's name index holds every entity's name, aliases and their words as the client
may see them (redacted: the filtered names, so a protected person's real name finds
nothing), folded by :func:`graph.resolve.normalise_name` (any script, case and diacritics).
A query is matched against it with rapidfuzz's Levenshtein ratio and by prefix.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from graph.resolve import normalise_name

if TYPE_CHECKING:
    from graph.db.explore import Explorer

__all__ = ["search", "search_texts", "SEARCH_CUTOFF", "PREFIX_SCORE", "MIN_WORD"]

SEARCH_CUTOFF = 80  # rapidfuzz ratio (0-100) below which a name or word is not a match
PREFIX_SCORE = 85.0  # a name or word that starts with what was typed (typing "Chub" finds Chubarov)
MIN_WORD = 3  # shorter words of a name are not matched alone


def search_texts(name: str, aliases: Iterable[str]) -> list[str]:
    """The folded texts an entity is found by: its name, its aliases and (for a name of
    several words) each word of at least :data:`MIN_WORD` letters, so a surname alone,
    or with a typo, finds the person.

    >>> search_texts("Нариман Джелял", ["Nariman Dzhelyal"])
    ['dzhelyal', 'nariman', 'nariman dzhelyal', 'джелял', 'нариман', 'нариман джелял']
    """
    texts = {normalise_name(t) for t in [name, *aliases]}
    texts |= {w for t in texts if " " in t for w in t.split(" ") if len(w) >= MIN_WORD}
    return sorted(t for t in texts if t)


def search(explorer: Explorer, text: str, limit: int = 20) -> dict[str, Any]:
    """Entities whose name or an alias is close to ``text``, grouped by label, best first."""
    query = normalise_name(text)
    idx = explorer.index()
    if not query:
        return {"total": 0, "groups": []}
    best: dict[str, tuple[float, str]] = {}
    # Levenshtein ratio against whole names and single words (fast: a few ms for 100k
    # choices), and names or words that begin with the query.
    found = list(process.extract(query, idx.names, scorer=fuzz.ratio, score_cutoff=SEARCH_CUTOFF, limit=None))
    if len(query) >= 2:
        at = bisect.bisect_left(idx.prefixes, (query, -1))
        while at < len(idx.prefixes) and idx.prefixes[at][0].startswith(query):
            found.append((idx.prefixes[at][0], PREFIX_SCORE, idx.prefixes[at][1]))
            at += 1
    for name, score, i in found:
        key = idx.owners[i]
        if key not in best or score > best[key][0]:
            best[key] = (score, name)
    ranked = sorted(best, key=lambda k: (-best[k][0], idx.entities[k]["name"], k))
    counts = Counter(idx.entities[k]["label"] for k in ranked)
    groups: dict[str, list[dict[str, Any]]] = {}
    for key in ranked:
        label = idx.entities[key]["label"]
        if len(groups.setdefault(label, [])) < limit:
            groups[label].append({**idx.entities[key], "score": round(best[key][0], 1)})
    return {"total": len(ranked),
            "groups": [{"label": label, "count": counts[label], "items": items}
                       for label, items in sorted(groups.items(), key=lambda x: (-counts[x[0]], x[0]))]}

