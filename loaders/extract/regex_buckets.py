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
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

__all__ = ["top_alternatives", "first_letters", "bucketed_alternation"]

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
