"""Search for the investigation app (``casegraph serve``): one box, any script, typos tolerated.

The explorer's name index holds every entity's name, aliases and their words as the client
may see them (redacted: the filtered names, so a protected person's real name finds
nothing), folded by :func:`graph.resolve.normalise_name` (any script, case and diacritics).
A query is matched against it with rapidfuzz's Levenshtein ratio and by prefix.

Unredacted, Neo4j's full-text index on entity names and aliases (``entity_names``, created
with the schema: :mod:`graph.schema`) adds candidates: every word typed, lower-cased (so
``AND`` is a word, not an operator) and Lucene-escaped, as itself, a prefix and (from four
letters) a fuzzy term (one edit), all words required; the query text is a parameter. It is
asked for queries of two words or more that the list matched nothing for (asked for every
search, the server-side search p50 at 100,000 claims was 72-84 ms, against 10 ms without): it finds names with their
words in another order, which a whole-name ratio misses (one word is matched in memory already).
A redacted session never asks it: the index holds the real names.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from neo4j.exceptions import Neo4jError
from rapidfuzz import fuzz, process

from graph.db import statements as S
from graph.errors import CasegraphError
from graph.resolve import normalise_name

if TYPE_CHECKING:
    from graph.db.explore import Explorer

__all__ = ["search", "search_texts", "lucene_query", "SEARCH_CUTOFF", "PREFIX_SCORE", "MIN_WORD"]

SEARCH_CUTOFF = 80  # rapidfuzz ratio (0-100) below which a name or word is not a match
PREFIX_SCORE = 85.0  # a name or word that starts with what was typed (typing "Chub" finds Chubarov)
MIN_WORD = 3  # shorter words of a name are not matched alone
FULLTEXT_FLOOR = 60.0  # the least score of a full-text hit (its Levenshtein ratio when higher)
FULLTEXT_LIMIT = 50  # full-text hits read per search
MAX_WORDS = 8  # words of one query sent to the full-text index
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_WORD = re.compile(r"\w+")


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


def lucene_query(text: str) -> str:
    r"""A Lucene query for the words of ``text``: each required, as typed, as a prefix and
    (from four letters) fuzzy; every special character escaped, operators lower-cased into
    words. Empty when ``text`` has no word.

    >>> lucene_query('Nariman AND "Dzhel*')
    '+(nariman OR nariman* OR nariman~1) +(and OR and*) +(dzhel OR dzhel* OR dzhel~1)'
    >>> lucene_query('a\\b (c~')
    '+(a OR a*) +(b OR b*) +(c OR c*)'
    >>> lucene_query('x-y:z')
    '+(x OR x*) +(y OR y*) +(z OR z*)'
    """
    terms = []
    for word in _WORD.findall(text.lower())[:MAX_WORDS]:
        # A word holds no special character; escaped all the same, so that a change of the
        # word rule can never open the query syntax to what was typed.
        w = _LUCENE_SPECIAL.sub(r"\\\1", word)
        terms.append(f"+({w} OR {w}*{f' OR {w}~1' if len(word) >= 4 else ''})")
    return " ".join(terms)


def _fulltext(explorer: Explorer, text: str) -> list[str]:
    """Real keys of the entities the full-text index finds for ``text`` (none redacted)."""
    query = lucene_query(text)
    # One word is matched in memory already (every word of every name, by ratio and prefix):
    # the index is asked for what that cannot do, several words in any order.
    if explorer.redact or query.count("+(") < 2:
        return []
    try:
        rows = explorer.read(
            lambda tx: list(tx.run(S.EXPLORE_FULLTEXT, lucene=query, limit=FULLTEXT_LIMIT)))
    except (Neo4jError, CasegraphError):
        return []  # no index yet (a database loaded before it existed): the in-memory match alone
    return [str(r["key"]) for r in rows]


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
    # Unredacted, when the list found nothing: the full-text index (shown keys are the real ones).
    for key in (_fulltext(explorer, text) if not best else []):
        if key in idx.entities and key not in best:
            texts = search_texts(idx.entities[key]["name"], idx.entities[key]["aliases"])
            score, name = max((fuzz.ratio(query, t), t) for t in texts) if texts else (0.0, "")
            best[key] = (max(score, FULLTEXT_FLOOR), name)
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

