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

import functools
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
_SEPARATOR = re.compile(r"[\W_]*")  # between name parts: any run of non-letters, or nothing ("annlee")
_LETTER = re.compile(r"[^\W\d_]")  # a spelling must not end inside a word
_ENDING = re.compile(r"[а-яєіґ]{0,3}")  # a Cyrillic case ending after a stem
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


@functools.lru_cache(maxsize=_MEMO_MAX)
def _name_parts(text: str) -> tuple[str, ...]:
    """The folded parts of a name, alias or key slug (remembered: a filter rebuilt after a
    load folds the same names again)."""
    return tuple(p for p in _SPLIT.split(fold_plain(text)) if p)


def _stem(part: str) -> str:
    """A Cyrillic name part without its last vowel: the stem its case forms share (Кемалов-а/-ой/-у)."""
    if len(part) > 3 and part[-1] in _CYRILLIC_VOWELS:
        return part[:-1]
    return part


def _match_key(part: str) -> tuple[str, bool]:
    """What a name part matches as: (its text, False), or for a part ending in a Cyrillic letter
    (its stem, True): the stem then takes up to 3 more Cyrillic letters, a case ending
    (Чалгозова, Кемаловой)."""
    if _CYRILLIC_END.search(part[-1:]):
        return _stem(part), True
    return part, False


class _Node:
    """One step of the name trie: the parts that may follow, and whose name ends here."""

    __slots__ = ("next", "key")

    def __init__(self) -> None:
        self.next: dict[str, list[tuple[bool, _Node]]] = {}  # match key -> (takes an ending, child)
        self.key: str | None = None  # the protected entity whose spelling ends here

    def child(self, part: str) -> _Node:
        text, ending = _match_key(part)
        branches = self.next.setdefault(text, [])
        for has_ending, node in branches:
            if has_ending == ending:
                return node
        node = _Node()
        branches.append((ending, node))
        return node


def _digest(value: Any) -> str:
    raw = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


class Redactor:
    """Pseudonyms for the sensitive entities of one graph, the text substitution and the key map.

    ``pseudonyms``: sensitive key -> "Person A"; ``keys``: every node key the
    redaction changes -> its key in the output (unique in the output).
    """

    _spelled: tuple[tuple[tuple[str, ...], str], ...]  # the protected spellings the trie was built from
    _root: _Node
    _prefixes: set[str]
    _memo: dict[tuple[str, bool], str]
    _words: dict[str, bool]

    def __init__(self, g: nx.MultiDiGraph, previous: Redactor | None = None) -> None:
        """``previous``: a redactor built from an earlier version of the data. When the
        protected spellings are the same (the same protected entities, names, aliases and public
        name parts), its name trie and its remembered redactions are reused, so a rebuild after
        a load costs little more than mapping the keys."""
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
        spellings = self._spellings(g, sensitive)
        if previous is not None and previous._spelled == spellings and previous.pseudonyms == self.pseudonyms:
            self._spelled, self._root, self._prefixes = previous._spelled, previous._root, previous._prefixes
            self._memo, self._words = previous._memo, previous._words  # pure functions of the trie
        else:
            self._build_trie(spellings)
        self.keys: dict[str, str] = {}
        self.keys = self._key_map(g, pseudo_keys)

    def _spellings(self, g: nx.MultiDiGraph, sensitive: list[str]) -> tuple[tuple[tuple[str, ...], str], ...]:
        """Every protected spelling as (its folded name parts, whose), in the order they take precedence."""
        # Name parts of people who are not protected are not secrets ("Nariman" is also
        # Dzhelyal's). Only people count: an event named "Arrest of Nariman Ametov" does not
        # make "Ametov" public.
        protected = set(sensitive)
        public: set[str] = set()
        for n, d in g.nodes(data=True):
            if n not in protected and d.get("node_kind") == "entity" and d.get("label") == "Person":
                for text in [d.get("name") or "", *(d.get("aliases") or [])]:
                    public.update(_name_parts(str(text)))
        out: list[tuple[tuple[str, ...], str]] = []
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
                    out.append((parts, key))
                for part in parts:
                    if len(part) >= _MIN_PART and part not in public and part not in seen:
                        seen.add(part)
                        out.append(((part,), key))
        return tuple(out)

    def _build_trie(self, spellings: tuple[tuple[tuple[str, ...], str], ...]) -> None:
        # A trie of name parts (no regular expressions to compile: that took seconds for
        # thousands of protected people). A string is scanned run of letters by run of letters,
        # and only runs that start with a prefix of some part walk the trie.
        self._spelled = spellings
        self._root = _Node()
        texts: set[str] = set()
        for parts, key in spellings:
            node = self._root
            for part in parts:
                node = node.child(part)
                texts.add(_match_key(part)[0])
            if node.key is None:  # the first spelling (of the first key in order) keeps it
                node.key = key
        # Every prefix of a part: a walk stops at the first prefix that starts none.
        self._prefixes = {t[:i] for t in texts for i in range(1, len(t) + 1)}
        self._memo = {}
        self._words = {}  # run of letters -> whether it starts a protected part

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
        if not self._root.next or not value:
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
        run = _LETTERS.match(folded, start)
        if run is None:
            return None
        # A spelling starts with a part that a run of letters starts with; runs repeat (first
        # names, "person", "source"), so whether one can start anything is remembered.
        word = run.group()
        could = self._words.get(word)
        if could is None:
            if len(self._words) >= _MEMO_MAX:
                self._words.clear()
            could = self._words[word] = self._starts_part(word)
        if not could:
            return None
        best: list[tuple[int, str]] = []
        self._walk(folded, start, self._root, best)
        return best[0] if best else None

    def _starts_part(self, word: str) -> bool:
        """Whether ``word`` (a run of letters) starts with the first part of a protected spelling."""
        for size in range(1, len(word) + 1):
            head = word[:size]
            if head not in self._prefixes:
                return False
            if head in self._root.next:
                return True
        return False

    def _walk(self, folded: str, at: int, node: _Node, best: list[tuple[int, str]]) -> None:
        """Follow ``node``'s parts from ``at``; keep in ``best`` the longest spelling ending at a word's end."""
        size, limit = 1, len(folded) - at
        while size <= limit:
            head = folded[at:at + size]
            if head not in self._prefixes:
                break
            for has_ending, child in node.next.get(head, ()):
                end = at + size
                ends = range(_ENDING.match(folded, end).end(), end - 1, -1) if has_ending else (end,)  # type: ignore[union-attr]
                for end in ends:
                    if child.key is not None and not _LETTER.match(folded, end) and (not best or end > best[0][0]):
                        best[:] = [(end, child.key)]
                    if child.next:
                        self._walk(folded, _SEPARATOR.match(folded, end).end(), child, best)  # type: ignore[union-attr]
            size += 1

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
