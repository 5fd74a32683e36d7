"""The bucketed trigger alternation finds exactly what the flat alternation finds."""

from __future__ import annotations

import re

from loaders.extract.gazetteer import _read, load_gazetteer
from loaders.extract.regex_buckets import bucketed_alternation, first_letters, top_alternatives

_WRAP = r"\b(?<![\w-])(?:{})(?![\w-])"


def _flat(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(_WRAP.format("|".join(f"(?P<k{i}>{p})" for i, p in enumerate(patterns))), re.IGNORECASE)


def _finds(pattern: re.Pattern[str], kinds: dict[str, int], text: str) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), kinds[m.lastgroup or ""]) for m in pattern.finditer(text)]


def test_top_alternatives_split_outside_groups_and_classes() -> None:
    assert top_alternatives(r"a(?:b|c)|[|x]d|e\|f") == ["a(?:b|c)", "[|x]d", r"e\|f"]
    assert top_alternatives(r"[]|]x|y") == ["[]|]x", "y"]


def test_first_letters() -> None:
    assert first_letters("arrest(?:ed|s)?", re.IGNORECASE) == frozenset("a")
    assert first_letters("(?:went|gone) missing", re.IGNORECASE) == frozenset("gw")
    assert first_letters("(?:the )?trial of", re.IGNORECASE) == frozenset("t")
    assert first_letters(r"(?=\s)Trial", re.IGNORECASE) == frozenset("t")
    assert first_letters(r"[\w.-]+-year", re.IGNORECASE) is None  # any word character
    assert first_letters("x?", re.IGNORECASE) is None  # can match nothing


def test_made_up_triggers_match_as_the_flat_alternation() -> None:
    patterns = ["seiz(?:ed|ure)|taken away", "(?:the )?hearing of|heard", r"[\w.-]+-day fine", "taken(?= to court)",
                "sentenced|seized by force"]
    flat = _flat(patterns)
    body, index = bucketed_alternation(patterns, re.IGNORECASE) or ("", {})
    bucketed = re.compile(_WRAP.format(body), re.IGNORECASE)
    text = ("Police seized his phone; he was taken away. The hearing of the case was heard. A ten-day fine, "
            "Taken to court, SENTENCED and seized by force. Seizure Ωseized ſeized the-hearing of X.")
    assert _finds(bucketed, index, text) == _finds(flat, {f"k{i}": i for i in range(len(patterns))}, text)
    assert _finds(bucketed, index, text)[:2] == [(7, 13, 0), (32, 42, 0)]


def test_a_group_in_a_pattern_keeps_the_flat_alternation() -> None:
    assert bucketed_alternation(["(?P<x>a)b", "c"], re.IGNORECASE) is None
    assert bucketed_alternation(["(a)b", "c"], re.IGNORECASE) is None


def test_event_triggers_match_as_the_flat_alternation() -> None:
    triggers = _read("events.yaml")["triggers"]
    flat = _flat([t["pattern"] for t in triggers])
    gaz = load_gazetteer()
    text = ("He was arrested and later released. FSB officers detained three men. The court sentenced him to "
            "a 12-year prison sentence; his appeal was rejected. They went missing. Relatives said he was "
            "tortured and beaten, then transferred to Rostov-on-Don and fined. Ареstованный. İnterrogated.")
    want = [(m.start(), m.end(), triggers[int((m.lastgroup or "k0")[1:])]["kind"]) for m in flat.finditer(text)]
    got = [(m.start(), m.end(), gaz.trigger_kinds[m.lastgroup or ""]) for m in gaz.trigger_pattern.finditer(text)]
    assert got == want
    assert {k for _a, _b, k in got} >= {"arrest", "release", "verdict", "torture", "transfer", "fine"}
