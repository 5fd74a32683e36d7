"""The one exit filter: every graph that leaves the tool (a view, an export) passes here.

:func:`exit_graph` copies a graph and, when asked to redact, replaces every entity
marked ``sensitive`` by a stable pseudonym ("Person A", "Person B", ... in the order
of their keys): in its node id (key), name, aliases, attributes, and wherever its
name, an alias, a distinctive part of one, or its key appears in any other string of
the graph (quotes of other facts, source keys, titles and URLs, ``asserted_by``).

Redacted output must not identify the people it protects, so beyond the names:

- spellings are matched after folding (:mod:`graph.fold`): accents (composed or
  decomposed), full-width and other compatibility forms, soft hyphens and other
  invisible characters, percent-encoding and character references, any case, name
  parts run together or joined by any punctuation (``ann.lee``, ``AnnLee``);
- every node key that contains a protected name is pseudonymised (``source:ann-lee-
  interview`` becomes ``source:redacted-a-interview``), and every reference to a node
  (edge ends, ``sources``, evidence ``source``, ``asserted_by``, entity-valued
  qualifiers) is mapped the same way, so references still resolve in the output;
- a claim whose ends or attributes changed gets a new id hashed from its
  pseudonymised content (claim ids are hashes of real keys: kept, they would let
  anyone confirm a guessed name by hashing it). Exporters derive evidence ids from
  claim and source keys, so those follow. Claims that touch nothing protected keep
  their ids.

Writers of views and exports take only graphs that carry the filter's mark
(:func:`require_exit_graph`), so a writer that forgets the filter fails loudly
instead of leaking names.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("person:ann-lee", node_kind="entity", label="Person", name="Ann Lee", aliases=["Lee"], sensitive=True)
>>> g.add_node("org:x", node_kind="entity", label="Organisation", name="X", aliases=[], sensitive=False)
>>> g.add_edge("person:ann-lee", "org:x", key="c1", type="MEMBER_OF", evidence=[{"source": "s", "quote": "L\\u00e9e joined X"}])
'c1'
>>> r = exit_graph(g, redact=True)
>>> sorted(r.nodes)
['org:x', 'person:redacted-a']
>>> r.nodes["person:redacted-a"]["name"]
'Person A'
>>> [(k, d["evidence"][0]["quote"]) for _, _, k, d in r.edges(keys=True, data=True)]
[('claim:c4379b67024ebd3c35f6', 'Person A joined X')]
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.errors import CasegraphError
from graph.fold import fold, fold_plain

__all__ = ["Redactor", "exit_graph", "redact", "require_exit_graph", "EXIT_MARK", "pseudonym_letters"]

EXIT_MARK = "casegraph_exit"  # graph attribute set by the filter: {"redacted": bool, "pseudonyms": n}
# Attributes that hold ontology names, flags and numbers, never personal text; ids are re-made.
_STRUCTURAL = frozenset({"node_kind", "label", "type", "claim_id", "id", "sensitive", "generic", "redacted",
                         "confidence"})
_LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters (in folded text)
_CAMEL = re.compile(r"(?<=[a-z])[A-Z]")  # "AnnLee": a name may start inside a run of letters
_SPLIT = re.compile(r"[\W_]+")
_KEYLIKE = re.compile(r"^[a-z][a-z0-9]*:\S+$")
_CYRILLIC_END = re.compile(r"[а-яєіґ]")
_CYRILLIC_VOWELS = frozenset("аяоеєиіыуюь")
_MIN_PART = 3  # shorter name parts ("Li", "Ng") are left to the full-name patterns
_MENTIONS = "MENTIONS"
_MEMO_MAX = 500_000  # strings a redactor remembers the redaction of (then it starts over)


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
    """The folded parts of a name, alias or key slug."""
    return [p for p in _SPLIT.split(fold_plain(text)) if p]


def _stem(part: str) -> str:
    """A Cyrillic name part without its last vowel: the stem its case forms share (Кемалов-а/-ой/-у)."""
    if len(part) > 3 and part[-1] in _CYRILLIC_VOWELS:
        return part[:-1]
    return part


def _pattern(parts: list[str]) -> str:
    # Parts joined by any run of non-letters, or by nothing ("annlee", "AnnLee"); a
    # Cyrillic part may carry a case ending (Чалгозова, Кемаловой); a letter must not follow.
    pieces = [re.escape(_stem(p)) + r"[а-яєіґ]{0,3}" if _CYRILLIC_END.search(p[-1:]) else re.escape(p) for p in parts]
    return r"[\W_]*".join(pieces) + r"(?![^\W\d_])"


def _first_key(part: str) -> str:
    """What a run of letters must start with to try a name starting with ``part``."""
    return _stem(part) if _CYRILLIC_END.search(part[-1:]) else part


def _digest(value: Any) -> str:
    raw = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


class Redactor:
    """Pseudonyms for the sensitive entities of one graph, the text substitution and the key map.

    ``pseudonyms``: sensitive key -> "Person A"; ``keys``: every node key the
    redaction changes -> its key in the output (unique in the output).
    """

    def __init__(self, g: nx.MultiDiGraph) -> None:
        sensitive = sorted(n for n, d in g.nodes(data=True) if d.get("node_kind") == "entity" and d.get("sensitive"))
        counters: dict[str, int] = {}
        self.pseudonyms: dict[str, str] = {}  # key -> "Person A"
        self._slugs: dict[str, str] = {}  # key -> "redacted-a"
        pseudo_keys: dict[str, str] = {}
        for key in sensitive:
            label = str(g.nodes[key].get("label") or "Entity")
            n = counters.get(label, 0)
            counters[label] = n + 1
            letters = pseudonym_letters(n)
            self.pseudonyms[key] = f"{label} {letters}"
            self._slugs[key] = f"redacted-{letters.lower()}"
            pseudo_keys[key] = f"{str(key).split(':', 1)[0]}:{self._slugs[key]}"
        self._build_patterns(g, sensitive)
        self.keys: dict[str, str] = {}
        self.keys = self._key_map(g, pseudo_keys)

    def _build_patterns(self, g: nx.MultiDiGraph, sensitive: list[str]) -> None:
        # Name parts of people who are not protected are not secrets ("Nariman" is also
        # Dzhelyal's). Only people count: an event named "Arrest of Nariman Ametov" does not
        # make "Ametov" public.
        public: set[str] = set()
        for n, d in g.nodes(data=True):
            if n not in self.pseudonyms and d.get("node_kind") == "entity" and d.get("label") == "Person":
                for text in [d.get("name") or "", *(d.get("aliases") or [])]:
                    public.update(_name_parts(str(text)))
        # Patterns grouped by their first part, so a string is scanned run of letters by run
        # of letters, and only runs that start with a protected part try a (small) pattern.
        by_first: dict[str, list[tuple[str, str]]] = {}
        for key in sensitive:
            d = g.nodes[key]
            names = [str(d.get("name") or ""), *(str(a) for a in d.get("aliases") or [])]
            names.append(str(key).split(":", 1)[-1])
            seen: set[str] = set()
            for text in names:
                parts = _name_parts(text)
                if not parts:
                    continue
                whole = " ".join(parts)
                if whole not in seen:
                    seen.add(whole)
                    by_first.setdefault(_first_key(parts[0]), []).append((_pattern(parts), key))
                for part in parts:
                    if len(part) >= _MIN_PART and part not in public and part not in seen:
                        seen.add(part)
                        by_first.setdefault(_first_key(part), []).append((_pattern([part]), key))
        self._first: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
        for first, entries in by_first.items():
            entries.sort(key=lambda e: -len(e[0]))  # "Kurtumer Chalgozov" before "Kurtumer"
            rx = re.compile("|".join(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(entries)))
            self._first[first] = (rx, {f"g{i}": key for i, (_, key) in enumerate(entries)})
        # Every prefix of a first part: a run of letters stops being looked up at its first
        # prefix that starts no protected part.
        self._prefixes = {f[:i] for f in self._first for i in range(1, len(f) + 1)}
        self._candidates: dict[str, tuple[tuple[re.Pattern[str], dict[str, str]], ...]] = {}
        self._memo: dict[tuple[str, bool], str] = {}

    def _key_map(self, g: nx.MultiDiGraph, pseudo_keys: dict[str, str]) -> dict[str, str]:
        """Every changed node key -> a key unique in the output (a suffix where two would meet)."""
        wanted: dict[Any, Any] = {}
        for n in g.nodes:
            new = pseudo_keys.get(n) or (self.text(n, slug=True) if isinstance(n, str) else n)
            if new != n:
                wanted[n] = new
        taken = {n for n in g.nodes if n not in wanted}
        groups: dict[Any, list[Any]] = {}
        for n, new in wanted.items():
            groups.setdefault(new, []).append(n)
        out: dict[str, str] = {}
        for new, members in sorted(groups.items(), key=lambda item: str(item[0])):
            if len(members) > 1:  # ordered by pseudonymised content, never by the real key
                members.sort(key=lambda n: _digest(self.value(dict(g.nodes[n]))))
            for n in members:
                key, i = new, 1
                while key in taken:
                    i += 1
                    key = f"{new}-{i}"
                taken.add(key)
                out[n] = key
        return out

    def __bool__(self) -> bool:
        return bool(self.pseudonyms)

    def edge_keys(self, g: nx.MultiDiGraph) -> dict[Any, Any]:
        """Every edge key of ``g`` (the graph this redactor was built from) -> its key in the output.

        The same rule as :func:`exit_graph` (one implementation), for callers that must
        map ids they hand out back to the real ones.

        >>> g = nx.MultiDiGraph()
        >>> g.add_node("person:ann-lee", node_kind="entity", label="Person", name="Ann Lee", sensitive=True)
        >>> g.add_node("org:x", node_kind="entity", label="Organisation", name="X")
        >>> g.add_node("org:y", node_kind="entity", label="Organisation", name="Y")
        >>> _ = g.add_edge("person:ann-lee", "org:x", key="c1", type="MEMBER_OF")
        >>> _ = g.add_edge("org:y", "org:x", key="c2", type="PART_OF")
        >>> r = Redactor(g)
        >>> r.edge_keys(g)  # the claim that touches Ann Lee gets a new id; the other keeps its own
        {'c1': 'claim:2d14767a523c489a03c5', 'c2': 'c2'}
        >>> sorted(exit_graph(g, redact=True).edges(keys=True)) == sorted(
        ...     (r.key(u), r.key(v), r.edge_keys(g)[k]) for u, v, k in g.edges(keys=True))
        True
        """
        return {k: k2 for (_, _, k), (_, _, k2, _) in zip(g.edges(keys=True), _redacted_edges(g, self), strict=True)}

    def key(self, key: str) -> str:
        """The node id to use for ``key`` in the output."""
        found = self.keys.get(key)
        if found is not None:
            return found
        return self.text(key, slug=True) if isinstance(key, str) else key

    def text(self, value: str, slug: bool = False) -> str:
        """``value`` with every spelling of a sensitive name, alias, distinctive name part and key slug replaced.

        ``slug``: replace with ``redacted-a`` (for keys and URLs) instead of ``Person A``.
        """
        if not self._first or not value:
            return value
        # Remembered: a prebuilt redactor (exit_graph's ``redactor``) sees the same keys,
        # names and quotes in answer after answer. A pure function of the string, so safe.
        memo = self._memo.get((value, slug))
        if memo is None:
            if len(self._memo) >= _MEMO_MAX:
                self._memo.clear()
            memo = self._memo[(value, slug)] = self._text(value, slug)
        return memo

    def _text(self, value: str, slug: bool) -> str:
        folded, spans = fold(value)
        starts: Iterable[int] = (m.start() for m in _LETTERS.finditer(folded))
        if _CAMEL.search(value) is not None:
            starts = sorted(set(starts) | set(self._camel_starts(value, spans)))
        out: list[str] = []
        last = 0  # in the original
        done = 0  # in the folded text
        for start in starts:
            if start < done:
                continue
            found = self._match(folded, start)
            if found is None:
                continue
            end, key = found
            a = start if spans is None else spans[start][0]
            b = end if spans is None else spans[end - 1][1]
            if a < last:
                continue
            out.append(value[last:a])
            out.append(self._slugs[key] if slug else self.pseudonyms[key])
            last, done = b, end
        if not out:
            return value
        out.append(value[last:])
        return "".join(out)

    @staticmethod
    def _camel_starts(value: str, spans: list[tuple[int, int]] | None) -> list[int]:
        hits = [m.start() for m in _CAMEL.finditer(value)]
        if spans is None:
            return hits
        where = {s: i for i, (s, _) in reversed(list(enumerate(spans)))}
        return [where[h] for h in hits if h in where]

    def _match(self, folded: str, start: int) -> tuple[int, str] | None:
        """The longest protected spelling starting at ``start`` of the folded text: (end, key)."""
        if folded[start] not in self._prefixes:
            return None
        run = _LETTERS.match(folded, start)
        word = run.group() if run else ""
        candidates = self._candidates.get(word)
        if candidates is None:
            candidates = self._candidates[word] = self._lookup(word)
        best: tuple[int, str] | None = None
        for rx, groups in candidates:
            m = rx.match(folded, start)
            if m is not None and (best is None or m.end() > best[0]):
                best = (m.end(), groups[m.lastgroup or ""])
        return best

    def _lookup(self, word: str) -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
        """The patterns of the protected parts that ``word`` (a run of letters) starts with."""
        found = []
        for size in range(1, len(word) + 1):
            head = word[:size]
            if head not in self._prefixes:
                break
            entry = self._first.get(head)
            if entry is not None:
                found.append(entry)
        return tuple(found)

    def value(self, value: Any, name: str = "") -> Any:
        """Any attribute value, recursively (strings in lists and dicts too); node keys mapped to output keys."""
        if name in _STRUCTURAL:
            return value
        if isinstance(value, str):
            mapped = self.keys.get(value)
            if mapped is not None:
                return mapped
            return self.text(value, slug=name in ("url", "key") or _KEYLIKE.match(value) is not None)
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


def _resorted(attrs: dict[str, Any]) -> dict[str, Any]:
    """Lists the graph keeps sorted (``sources``; evidence by source and quote) sorted again after renaming."""
    sources = attrs.get("sources")
    if isinstance(sources, list) and all(isinstance(x, str) for x in sources):
        attrs["sources"] = sorted(sources)
    evidence = attrs.get("evidence")
    if isinstance(evidence, list) and all(isinstance(e, dict) for e in evidence):
        attrs["evidence"] = sorted(evidence, key=lambda e: (str(e.get("source")), str(e.get("quote"))))
    return attrs


def _redacted_edges(g: nx.MultiDiGraph, r: Redactor) -> Iterable[tuple[Any, Any, Any, dict[str, Any]]]:
    """The edges of ``g`` pseudonymised, claims whose content changed under new ids."""
    used = {k for _, _, k in g.edges(keys=True)}
    for u, v, k, d in g.edges(keys=True, data=True):
        attrs = r.value(d)
        u2, v2 = r.key(u), r.key(v)
        if d.get("type") == _MENTIONS:
            k2 = f"mentions:{u2}" if k == f"mentions:{u}" else r.key(k) if isinstance(k, str) else k
        elif u2 == u and v2 == v and all(attrs.get(a) == x for a, x in d.items() if a != "evidence"):
            k2 = k  # nothing protected went into this claim's id
        else:
            content = [u2, d.get("type"), v2, {a: x for a, x in attrs.items() if a not in ("claim_id", "id")}]
            base = k2 = "claim:" + _digest(content)
            i = 1
            while k2 in used:
                i += 1
                k2 = f"{base}-{i}"
            used.add(k2)
            if "claim_id" in attrs:
                attrs["claim_id"] = k2
            if "id" in attrs:
                attrs["id"] = k2
        yield u2, v2, k2, attrs


def exit_graph(g: nx.MultiDiGraph, redact: bool = False, redactor: Redactor | None = None) -> nx.MultiDiGraph:
    """A copy of ``g`` fit to leave the tool; with ``redact``, sensitive entities pseudonymised.

    ``redactor`` (implies ``redact``): a :class:`Redactor` built once beforehand, used instead
    of one built from ``g``, for a server that answers many small graphs cut from one big one
    (build it from the big graph: every sensitive entity, every node an answer may hold).
    Its pseudonyms and key map are then the same in every answer. A ``g`` holding a sensitive
    entity it does not know, or two nodes it would give one key, is refused (rebuild it).

    The input is never modified. The copy carries :data:`EXIT_MARK` so writers can
    check that it came through here.
    """
    out = nx.MultiDiGraph()
    graph_attrs = {k: v for k, v in g.graph.items() if k != EXIT_MARK}
    if not redact and redactor is None:
        out.graph.update(graph_attrs)
        for n, d in g.nodes(data=True):
            out.add_node(n, **_copy_attrs(d))
        for u, v, k, d in g.edges(keys=True, data=True):
            out.add_edge(u, v, key=k, **_copy_attrs(d))
        out.graph[EXIT_MARK] = {"redacted": False, "pseudonyms": 0}
        return out
    r = Redactor(g) if redactor is None else redactor
    if redactor is not None and any(d.get("node_kind") == "entity" and d.get("sensitive") and n not in r.pseudonyms
                                    for n, d in g.nodes(data=True)):
        raise CasegraphError("the prebuilt redaction filter does not know every sensitive entity of this graph: "
                             "rebuild it")
    out.graph.update(r.value(graph_attrs))
    nodes = []
    for n, d in g.nodes(data=True):
        if n in r.pseudonyms:
            attrs = {k: v for k, v in d.items() if k in ("node_kind", "label", "sensitive", "generic")}
            attrs.update(name=r.pseudonyms[n], aliases=[], redacted=True, sources=list(d.get("sources") or []))
            attrs = r.value(attrs)
        else:
            attrs = r.value(d)
        nodes.append((r.key(n), _resorted(attrs)))
    if redactor is not None and len({n for n, _ in nodes}) < len(nodes):
        raise CasegraphError("the prebuilt redaction filter gives two nodes of this graph one key: rebuild it")
    # In the order of the output keys (sources, then entities, as built): the order of the
    # real keys would tell where a pseudonymised one sorts among them.
    kinds = {kind: i for i, kind in enumerate(dict.fromkeys(str(d.get("node_kind")) for _, d in nodes))}
    nodes.sort(key=lambda item: (kinds[str(item[1].get("node_kind"))], str(item[0])))
    out.add_nodes_from(nodes)
    edges = [(u2, v2, k2, _resorted(attrs)) for u2, v2, k2, attrs in _redacted_edges(g, r)]
    edges.sort(key=lambda e: (e[3].get("type") != _MENTIONS, str(e[2]) if e[3].get("type") != _MENTIONS else "",
                              str(e[0]), str(e[1])))
    for u2, v2, k2, attrs in edges:
        out.add_edge(u2, v2, key=k2, **attrs)
    out.graph[EXIT_MARK] = {"redacted": True, "pseudonyms": len(r.pseudonyms)}
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
