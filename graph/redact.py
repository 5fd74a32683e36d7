"""The one exit filter: every graph that leaves the tool (a view, an export) passes here.

:func:`exit_graph` copies a graph and, when asked to redact, replaces every entity
marked ``sensitive`` by a stable pseudonym ("Person A", "Person B", ... in the order
of their keys): in its node id (key), name, aliases, attributes, and wherever its
name, an alias, a distinctive part of one, or its key appears in any other string of
the graph (quotes of other facts, source titles and URLs, ``asserted_by``).

Writers of views and exports take only graphs that carry the filter's mark
(:func:`require_exit_graph`), so a writer that forgets the filter fails loudly
instead of leaking names.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("person:ann-lee", node_kind="entity", label="Person", name="Ann Lee", aliases=["Lee"], sensitive=True)
>>> g.add_node("org:x", node_kind="entity", label="Organisation", name="X", aliases=[], sensitive=False)
>>> g.add_edge("person:ann-lee", "org:x", key="c1", type="MEMBER_OF", evidence=[{"source": "s", "quote": "Lee joined X"}])
'c1'
>>> r = exit_graph(g, redact=True)
>>> sorted(r.nodes)
['org:x', 'person:redacted-a']
>>> r.nodes["person:redacted-a"]["name"], r.edges["person:redacted-a", "org:x", "c1"]["evidence"][0]["quote"]
('Person A', 'Person A joined X')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.errors import CasegraphError
from graph.text import nfc

__all__ = ["Redactor", "exit_graph", "redact", "require_exit_graph", "EXIT_MARK", "pseudonym_letters"]

EXIT_MARK = "casegraph_exit"  # graph attribute set by the filter: {"redacted": bool, "pseudonyms": n}
# Structural attributes: ontology names and ids, never personal text.
_STRUCTURAL = frozenset({"node_kind", "label", "type", "claim_id", "id", "disputed", "sensitive", "generic",
                         "redacted", "confidence", "date", "start", "end", "published", "language"})
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_MIN_PART = 3  # shorter name parts ("Li", "Ng") are left to the full-name patterns


def pseudonym_letters(index: int) -> str:
    """A, B, ..., Z, AA, AB, ... for 0, 1, ..., 25, 26, 27, ...

    >>> [pseudonym_letters(i) for i in (0, 25, 26, 701, 702)]
    ['A', 'Z', 'AA', 'ZZ', 'AAA']
    """
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def _name_parts(text: str) -> list[str]:
    return [p for p in re.split(r"[\s_\-.,'’:]+", nfc(text)) if p]


def _pattern(parts: list[str]) -> str:
    # Name parts joined by any run of spaces, hyphens or underscores (names, slugs, keys);
    # Cyrillic words may carry a case ending (Чалгозова, Чалгозову).
    body = r"[\s_\-]+".join(re.escape(p) for p in parts)
    ending = r"[а-яёіїєґ]{0,3}" if re.search(r"[а-яёА-ЯЁ]", parts[-1]) else ""
    return rf"{body}{ending}(?!\w)"


class Redactor:
    """Pseudonyms for the sensitive entities of one graph, and the text substitution."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        sensitive = sorted(n for n, d in g.nodes(data=True) if d.get("node_kind") == "entity" and d.get("sensitive"))
        counters: dict[str, int] = {}
        self.pseudonyms: dict[str, str] = {}  # key -> "Person A"
        self.keys: dict[str, str] = {}  # key -> "person:redacted-a"
        for key in sensitive:
            label = str(g.nodes[key].get("label") or "Entity")
            n = counters.get(label, 0)
            counters[label] = n + 1
            letters = pseudonym_letters(n)
            self.pseudonyms[key] = f"{label} {letters}"
            prefix = key.split(":", 1)[0]
            self.keys[key] = f"{prefix}:redacted-{letters.lower()}"
        # Name parts of people who are not protected are not secrets ("Nariman" is also
        # Dzhelyal's). Only people count: an event named "Arrest of Nariman Ametov" does not
        # make "Ametov" public.
        public: set[str] = set()
        for n, d in g.nodes(data=True):
            if n not in self.pseudonyms and d.get("node_kind") == "entity" and d.get("label") == "Person":
                for text in [d.get("name") or "", *(d.get("aliases") or [])]:
                    public.update(p.casefold() for p in _name_parts(str(text)))
        # Patterns grouped by their first word, so a string is scanned word by word and only
        # words that start a protected name try a (small) pattern: fast with many people.
        by_first: dict[str, list[tuple[str, str]]] = {}
        for key in sensitive:
            d = g.nodes[key]
            names = [str(d.get("name") or ""), *(str(a) for a in d.get("aliases") or [])]
            slug = key.split(":", 1)[1] if ":" in key else key
            names.append(slug)
            seen: set[str] = set()
            for text in names:
                parts = _name_parts(text)
                if not parts:
                    continue
                whole = " ".join(parts).casefold()
                if whole not in seen:
                    seen.add(whole)
                    by_first.setdefault(parts[0].casefold(), []).append((_pattern(parts), key))
                for part in parts:
                    if len(part) >= _MIN_PART and part.casefold() not in public and part.casefold() not in seen:
                        seen.add(part.casefold())
                        by_first.setdefault(part.casefold(), []).append((_pattern([part]), key))
        self._keys_exact = dict(self.keys)
        self._first: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
        for first, entries in by_first.items():
            entries.sort(key=lambda e: -len(e[0]))  # "Kurtumer Chalgozov" before "Kurtumer"
            rx = re.compile("|".join(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(entries)), re.IGNORECASE)
            self._first[first] = (rx, {f"g{i}": key for i, (_, key) in enumerate(entries)})

    def __bool__(self) -> bool:
        return bool(self.pseudonyms)

    def key(self, key: str) -> str:
        """The node id to use for ``key`` (a sensitive entity's pseudonymous key, else the key)."""
        return self.keys.get(key, key)

    def text(self, value: str, slug: bool = False) -> str:
        """``value`` with every sensitive name, alias, distinctive name part and key replaced."""
        if not self._first or not value:
            return value
        value = nfc(value)
        for key, new in self._keys_exact.items():
            if key in value:
                value = value.replace(key, new)
        out: list[str] = []
        last = 0
        for word in _WORD.finditer(value):
            if word.start() < last:
                continue
            found = self._lookup(word.group())
            if found is None:
                continue
            rx, groups = found
            m = rx.match(value, word.start())
            if m is None:
                continue
            key = groups[m.lastgroup or ""]
            out.append(value[last:word.start()])
            out.append(self.keys[key].split(":", 1)[1] if slug else self.pseudonyms[key])
            last = m.end()
        if not out:
            return value
        out.append(value[last:])
        return "".join(out)

    def _lookup(self, word: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
        folded = word.casefold()
        found = self._first.get(folded)
        if found is None and _CYRILLIC.search(folded):
            for cut in (1, 2, 3):  # a case ending: Чалгозова, Чалгозову
                found = self._first.get(folded[:-cut]) if len(folded) > cut else None
                if found is not None:
                    break
        return found

    def value(self, value: Any, name: str = "") -> Any:
        """Any attribute value, recursively (strings in lists and dicts too)."""
        if name in _STRUCTURAL:
            return value
        if isinstance(value, str):
            return self.text(value, slug=name in ("url", "key"))
        if isinstance(value, list):
            return [self.value(v, name) for v in value]
        if isinstance(value, tuple):
            return tuple(self.value(v, name) for v in value)
        if isinstance(value, dict):
            return {k: self.value(v, k) for k, v in value.items()}
        return value


def _copy_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if isinstance(v, list):
            out[k] = [dict(x) if isinstance(x, dict) else x for x in v]
        elif isinstance(v, dict):
            out[k] = dict(v)
        else:
            out[k] = v
    return out


def exit_graph(g: nx.MultiDiGraph, redact: bool = False) -> nx.MultiDiGraph:
    """A copy of ``g`` fit to leave the tool; with ``redact``, sensitive entities pseudonymised.

    The input is never modified. The copy carries :data:`EXIT_MARK` so writers can
    check that it came through here.
    """
    out = nx.MultiDiGraph()
    out.graph.update({k: v for k, v in g.graph.items() if k != EXIT_MARK})
    r = Redactor(g) if redact else None
    for n, d in g.nodes(data=True):
        attrs = _copy_attrs(d)
        if r is not None:
            if n in r.pseudonyms:
                attrs = {k: v for k, v in attrs.items() if k in ("node_kind", "label", "sensitive", "generic", "sources")}
                attrs.update(name=r.pseudonyms[n], aliases=[], redacted=True)
            else:
                attrs = r.value(attrs)
            out.add_node(r.key(n) if n in r.keys else r.text(n, slug=True), **attrs)
        else:
            out.add_node(n, **attrs)
    for u, v, k, d in g.edges(keys=True, data=True):
        attrs = _copy_attrs(d)
        if r is not None:
            attrs = r.value(attrs)
            u2 = r.key(u) if u in r.keys else r.text(u, slug=True)
            v2 = r.key(v) if v in r.keys else r.text(v, slug=True)
            out.add_edge(u2, v2, key=r.text(k, slug=True) if isinstance(k, str) else k, **attrs)
        else:
            out.add_edge(u, v, key=k, **attrs)
    out.graph[EXIT_MARK] = {"redacted": bool(redact), "pseudonyms": len(r.pseudonyms) if r else 0}
    return out


def redact(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Shorthand for ``exit_graph(g, redact=True)``."""
    return exit_graph(g, redact=True)


def require_exit_graph(g: nx.MultiDiGraph, what: str = "this writer") -> dict[str, Any]:
    """Raise unless ``g`` came through :func:`exit_graph`; return the filter's mark."""
    mark = g.graph.get(EXIT_MARK) if isinstance(g, nx.Graph) else None
    if not isinstance(mark, dict):
        raise CasegraphError(f"{what} writes only graphs that passed the exit filter (graph.redact.exit_graph)")
    return mark


def sensitive_strings(g: nx.MultiDiGraph) -> Iterable[str]:
    """Every name and alias of the sensitive entities of ``g`` (for tests that grep outputs)."""
    for _, d in g.nodes(data=True):
        if d.get("node_kind") == "entity" and d.get("sensitive"):
            yield str(d.get("name"))
            yield from (str(a) for a in d.get("aliases") or [])
