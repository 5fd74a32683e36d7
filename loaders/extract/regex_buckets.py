"""One alternation of many patterns, split by the letter a match can start with.

The event triggers (``events.yaml``) are a few dozen patterns of many alternatives each,
tried at every word start of every sentence. Python's engine tries each alternative in
turn; behind a look-ahead on the first letter (``(?=[aA])``) only the alternatives that
can start with that letter are tried, which makes the scan several times faster.

The result is the same match as the flat alternation: at a position whose letter is
``x``, the flat pattern tries every alternative in order, and those that cannot start
with ``x`` fail at once; the bucket of ``x`` holds exactly the others, in the same order
(an alternative whose first letter is not known is in every bucket).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

__all__ = ["top_alternatives", "first_letters", "bucketed_alternation", "prefixes", "trie", "WordStartScanner", "needles",
           "lowered", "Prefiltered"]

_COMMON_FIRST = "taoswicbphfmdrelngu"  # (-1 % 100 puts the other letters after these)


def top_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (outside groups and character classes)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":  # "[]...]": a literal ] first
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


class _Unknown(Exception):
    """The first character of a pattern could be anything (or this module cannot tell)."""


def _first(items: Any) -> tuple[set[str], bool]:
    """The characters a parsed (sub)pattern can start with, and whether it can match empty."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op is _c.IN:
            for iop, iav in av:
                if iop is _c.LITERAL:
                    chars.add(chr(iav))
                elif iop is _c.RANGE and iav[1] - iav[0] < 512:
                    chars.update(chr(x) for x in range(iav[0], iav[1] + 1))
                else:  # a category (\w), a negation, a wide range
                    raise _Unknown
            return chars, False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the next item says what comes first
        if op is _c.SUBPATTERN:
            sub, empty = _first(av[-1])
        elif op is _c.BRANCH:
            sub, empty = set(), False
            for alt in av[1]:
                s, e = _first(alt)
                sub |= s
                empty = empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            sub, empty = _first(av[2])
            empty = empty or av[0] == 0
        elif op is _c.ATOMIC_GROUP:
            sub, empty = _first(av)
        else:  # any character, a back reference, a conditional
            raise _Unknown
        chars |= sub
        if not empty:
            return chars, False
    return chars, True


def first_letters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The lower-cased characters a match of ``pattern`` can start with; None when any could."""
    try:
        chars, empty = _first(_p.parse(pattern, flags))
    except _Unknown:
        return None
    if empty:
        return None
    out = set()
    for ch in chars:
        low = ch.lower()
        if len(low) != 1:
            return None
        out.add(low)
    return frozenset(out)


def _safe(pattern: str) -> bool:
    """No named group and no back reference: the pattern can be repeated in one expression."""
    parsed = _p.parse(pattern)
    return not parsed.state.groupdict and parsed.state.groups == 1 and "(?P=" not in pattern


def bucketed_alternation(patterns: list[str], flags: int) -> tuple[str, dict[str, int]] | None:
    """``(?P<k{i}>patterns[i])|...`` as one alternation bucketed by first letter.

    Returns the expression and, for each group name in it, the index of its pattern (the
    caller maps ``match.lastgroup`` to a pattern); None when a pattern cannot be repeated
    (named groups, capturing groups, back references) or no letter bucket would help.
    Patterns are matched in order: the first that matches at a position wins, as in
    ``(?P<k0>...)|(?P<k1>...)``.
    """
    if not all(_safe(p) for p in patterns):
        return None
    alts: list[tuple[int, str, frozenset[str] | None]] = []
    for i, pattern in enumerate(patterns):
        for alt in top_alternatives(pattern):
            alts.append((i, alt, first_letters(alt, flags)))
    # Buckets exclude each other (a character folds to one letter), so the order is free:
    # the letters that start most English words first, as the engine tries them in turn.
    letters = sorted({ch for _i, _a, first in alts if first is not None for ch in first},
                     key=lambda ch: (_COMMON_FIRST.find(ch) % 100, ch))
    if not letters:
        return None
    names: dict[str, int] = {}
    buckets = []
    for n, letter in enumerate(letters):
        chosen = [(i, alt) for i, alt, first in alts if first is None or letter in first]
        buckets.append(f"(?={_class({letter, letter.upper()})})(?:" + _groups(chosen, f"b{n}", names) + ")")
    unknown = [(i, alt) for i, alt, first in alts if first is None]
    if unknown:  # a position no bucket's letter starts: only these can match there
        buckets.append("(?:" + _groups(unknown, "bx", names) + ")")
    return "|".join(buckets), names


def _class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _groups(chosen: list[tuple[int, str]], tag: str, names: dict[str, int]) -> str:
    """Consecutive alternatives of one pattern in one named group, in order."""
    parts: list[str] = []
    run: list[str] = []
    last = -1
    for i, alt in [*chosen, (-1, "")]:
        if i != last and run:
            name = f"k{last}{tag}g{len(parts)}"
            names[name] = last
            parts.append(f"(?P<{name}>" + "|".join(run) + ")")
            run = []
        last = i
        run.append(alt)
    return "|".join(parts)


# --- A prefilter on the first characters of a word (speed16, round 16) ---------------------------------------------------
#
# A scan of every sentence with the trigger pattern tries its alternatives at every word start. Most words start with no
# alternative's first characters: a trie of those starts (a few hundred strings of up to six characters), matched on
# the lower-cased text, finds the few word starts where the pattern can match, and the pattern is tried there only.
# A text character that the pattern would match in either case is, lower-cased, among the starts' characters (they are
# built from every character the pattern's character matches, lower-cased the same way), so no match is skipped.

_PREFIX_WIDTH = 6
_PREFIX_CAP = 4096  # prefixes kept at most; past it the prefixes stop growing (a looser filter, never a wrong one)
_BMP = "".join(map(chr, range(0x10000)))
_FOLDED: dict[int, frozenset[str]] = {}


def _folded(code: int) -> frozenset[str]:
    """The lower-cased forms of every character that character ``code`` matches in either case (one character each)."""
    out = _FOLDED.get(code)
    if out is None:
        if code >= 0x10000:
            raise _Stop
        found = set()
        for ch in re.findall(re.escape(chr(code)), _BMP, re.IGNORECASE):
            low = ch.lower()
            if len(low) == 1:  # ("İ" is two characters lower-cased: a text with one is scanned in full)
                found.add(low)
        if found & {"σ", "ς"}:
            found |= {"σ", "ς"}  # (str.lower writes a final sigma by its context)
        out = _FOLDED[code] = frozenset(found)
    return out


class _Stop(Exception):
    """The characters at this point cannot be told (a category, a negation, anything): the prefixes end here."""


def _class_chars(items: Any) -> frozenset[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out |= _folded(av)
        elif op is _c.RANGE and av[1] - av[0] < 512:
            for code in range(av[0], av[1] + 1):
                out |= _folded(code)
        else:
            raise _Stop
    return frozenset(out)


def _extend(items: Any, start: set[str]) -> tuple[set[str], set[str]]:
    """The prefixes after ``items`` from the open prefixes ``start``: (still open, closed)."""
    open_, closed = set(start), set()
    for op, av in items:
        if not open_:
            break
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: looser without it
        try:
            if op in (_c.LITERAL, _c.IN):
                chars = _folded(av) if op is _c.LITERAL else _class_chars(av)
                grown = {p + ch for p in open_ for ch in chars}
                if len(grown) > _PREFIX_CAP:
                    raise _Stop
                open_ = {p for p in grown if len(p) < _PREFIX_WIDTH}
                closed |= grown - open_
                continue
            if op is _c.SUBPATTERN:
                sub_open, sub_closed = _extend(av[-1], open_)
            elif op is _c.BRANCH:
                sub_open, sub_closed = set(), set()
                for alt in av[1]:
                    o, c = _extend(alt, open_)
                    sub_open |= o
                    sub_closed |= c
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
                once_open, sub_closed = _extend(av[2], open_)
                if av[1] == 1:  # "(?:re)?": once or not at all, and on
                    sub_open = once_open
                else:  # after one turn the prefix ends (the turns that follow are not followed)
                    sub_closed |= once_open
                    sub_open = set()
                if av[0] == 0:
                    sub_open |= open_
            else:
                raise _Stop
        except _Stop:
            closed |= open_
            return set(), closed
        if len(sub_open) + len(sub_closed) + len(closed) > _PREFIX_CAP:
            closed |= open_ | sub_open | sub_closed
            return set(), closed
        open_ = sub_open
        closed |= sub_closed
    return open_, closed


def prefixes(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The lower-cased starts (up to six characters) one of which the lower-cased text begins with wherever
    ``pattern`` matches; None when any text could (a start this module cannot tell, or a match that may be empty).

    >>> sorted(prefixes(r"burn(?:ed)?|(?:re)?charge|(?:the|an) attack", re.IGNORECASE))
    ['an att', 'burn', 'burned', 'charge', 'rechar', 'the at']
    """
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None
    open_, closed = _extend(parsed, {""})
    found = open_ | closed
    return None if "" in found else frozenset(found)


def trie(strings: set[str] | frozenset[str]) -> str:
    """A regular expression that matches the start of a text beginning with one of ``strings`` (a nested
    alternation by character: the engine tries one branch per character, not every string).

    >>> trie({"arrest", "arrested", "ar", "det"})
    '(?:ar|det)'
    """
    kept: list[str] = []
    for w in sorted(strings):  # "ar" covers "arrest" (sorted, the string that covers one is the last one kept)
        if not kept or not w.startswith(kept[-1]):
            kept.append(w)
    return _trie(kept)


def _trie(strings: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    for w in strings:
        groups.setdefault(w[0], []).append(w[1:])
    parts = [re.escape(ch) + ("" if rests == [""] else _trie(rests)) for ch, rests in groups.items()]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


class WordStartScanner:
    """``pattern.finditer(text)`` for a pattern whose matches start at a word start not after a hyphen (its
    ``\\b(?<![\\w-])`` head), trying the pattern only where the lower-cased text begins with one of the starts
    of its alternatives (:func:`prefixes`): the same matches, without trying every alternative at every word."""

    def __init__(self, pattern: re.Pattern[str], starts: frozenset[str] | None, guard: re.Pattern[str] | None = None):
        self.pattern = pattern
        self.guard = guard  # the alternatives of no known start: where they match, the text is scanned in full
        self.candidates = re.compile(r"(?<![\w-])(?=" + trie(starts) + ")") if starts else None

    @classmethod
    def of_alternatives(cls, pattern: re.Pattern[str], alternatives: list[str], head: str) -> WordStartScanner:
        """The scanner of ``pattern``, a ``head`` (``\\b(?<![\\w-])``) before an alternation of ``alternatives``:
        the starts of the alternatives whose start is known, a guard of the others."""
        starts: set[str] = set()
        unknown = []
        for alt in alternatives:
            found = prefixes(alt, pattern.flags)
            if found is None:
                unknown.append(alt)
            else:
                starts |= found
        guard = re.compile(head + "(?:" + "|".join(unknown) + ")", pattern.flags) if unknown else None
        return cls(pattern, frozenset(starts), guard)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = text.lower()
        if self.candidates is None or len(low) != len(text) or self.guard is not None and self.guard.search(text):
            yield from self.pattern.finditer(text)
            return
        match = self.pattern.match
        pos = 0
        for start in self.candidates.finditer(low):
            p = start.start()
            if p < pos:
                continue
            m = match(text, p)
            if m is not None:
                if m.end() == p:  # an empty match: the plain scan says what follows one
                    yield from self.pattern.finditer(text, p)
                    return
                yield m
                pos = m.end()


# Round 16 (speed16b): a pattern tried only on the texts that hold one of the strings it cannot match without.
# Every match of a sequence holds each of its items' matches in turn, so a run of literal characters at its top level
# (inside groups, alternatives and repeats of at least one turn, each by the same reading) is in the text. An ASCII
# character of the pattern matches only itself and its other case among ASCII characters, and among the others only
# the four of ``_ODD`` ("İ", "ı", "ſ" and the Kelvin sign: found from the table of characters below): in a text with
# none of them, its lower-cased form is in the lower-cased text where the pattern matches. A text with one of them, or
# whose lower-cased form is longer than itself, is not filtered; nor a pattern with no such run.

_NEEDLE_CAP = 64  # forms of one run kept at most; past it the run is cut there (a looser filter, never a wrong one)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_ODD = frozenset(ch for ch in re.findall(r"[\x00-\x7f]", _BMP, re.IGNORECASE) if ord(ch) > 127)
_ODD_RE = re.compile("[" + "".join(sorted(_ODD)) + "]")


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The stronger of two needle sets, both of which hold: the longer shortest needle, then the fewer needles."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _char_form(code: int) -> str | None:
    """The one lower-cased form of the text characters literal ``code`` matches (in a text without ``_ODD``), or None."""
    if code < 128:
        return chr(code).lower()
    try:
        forms = _folded(code)
    except _Stop:
        return None
    return next(iter(forms)) if len(forms) == 1 else None


def _needles(items: Any) -> frozenset[str] | None:
    """One set of lower-cased strings, one of which the lower-cased text holds wherever ``items`` match; or None."""
    best: frozenset[str] | None = None
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            ch = _char_form(av)
            if ch is not None:
                run += ch
                continue
        if run:
            best = _better(best, frozenset((run,)))
        run = ""
        sub: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            sub = _needles(av[-1])
        elif op is _c.ATOMIC_GROUP:
            sub = _needles(av)
        elif op is _c.BRANCH:
            alts = [_needles(alt) for alt in av[1]]
            if all(x is not None for x in alts):
                sub = frozenset(n for x in alts if x is not None for n in x)
                if len(sub) > _NEEDLE_CAP:
                    sub = None
        elif op in _REPEATS and av[0] >= 1:
            sub = _needles(av[2])
        best = _better(best, sub)
    if run:
        best = _better(best, frozenset((run,)))
    return best


def needles(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The lower-cased strings one of which the lower-cased text holds wherever ``pattern`` matches (None: none known),
    for a text with none of the characters ``_ODD``.

    >>> sorted(needles(r"\\b(?:detained|Arrested)\\s+by\\b"))
    ['arrested', 'detained']
    """
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None
    found = _needles(parsed)
    return None if not found or "" in found else found


_LAST: list[str | None] = [None, None]  # the last text and its lower-cased form (None: not filtered)


def lowered(text: str) -> str | None:
    """``text`` lower-cased, or None where :func:`needles` do not hold (an ``_ODD`` character, a longer form); the
    last text's is kept (the passes ask for one sentence's many times in a row)."""
    if text is _LAST[0]:
        return _LAST[1]
    low: str | None = text.lower()
    if len(low) != len(text) or _ODD_RE.search(text):  # type: ignore[arg-type]
        low = None
    _LAST[0], _LAST[1] = text, low
    return low


class Prefiltered:
    """A compiled pattern whose ``search``, ``match``, ``fullmatch`` and ``finditer`` give the pattern's own results,
    returning at once (no match) on a text that holds none of its :func:`needles`."""

    __slots__ = ("pattern", "needles", "flags")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.flags = pattern.flags
        found = needles(pattern.pattern, pattern.flags)
        self.needles = None if found is None else tuple(sorted(found))

    def absent(self, text: str) -> bool:
        """Whether ``text`` holds none of the needles (then the pattern matches nowhere in it)."""
        if self.needles is None:
            return False
        low = lowered(text)
        if low is None:
            return False
        for n in self.needles:
            if n in low:
                return False
        return True

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self.absent(text) else self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self.absent(text) else self.pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self.absent(text) else self.pattern.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return iter(()) if self.absent(text) else self.pattern.finditer(text, pos, endpos)
