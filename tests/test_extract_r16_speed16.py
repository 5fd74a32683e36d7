"""Round 16 (speed16): the word-start prefilter of the trigger and entry scans finds exactly what the plain scan finds."""

from __future__ import annotations

import random
import re

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.regex_buckets import WordStartScanner, prefixes, trie

_HEAD = r"\b(?<![\w-])"


def _spans(matches: object) -> list[tuple[int, int, str | None, str]]:
    return [(m.start(), m.end(), m.lastgroup, m.group()) for m in matches]  # type: ignore[attr-defined]


def _ascii(found: frozenset[str] | None) -> set[str]:
    assert found is not None
    return {p for p in found if p.isascii()}


def test_prefixes_are_the_starts_of_every_alternative() -> None:
    assert _ascii(prefixes(r"arrest(?:ed)?|(?:re)?detain", re.IGNORECASE)) == {"arrest", "detain", "redeta"}
    assert _ascii(prefixes(r"(?:his|her) death", re.IGNORECASE)) == {"his de", "her de"}
    assert _ascii(prefixes(r"(?:long )?prison", re.IGNORECASE)) == {"long p", "prison"}
    assert _ascii(prefixes(r"FSB|UN", 0)) == {"fsb", "un"}  # a case-sensitive start is matched lower-cased too (looser)
    assert prefixes(r"ab[\w-]+", re.IGNORECASE) == {"ab"}  # a start ends where its characters cannot be told
    assert prefixes(r"(?:ab)+c", re.IGNORECASE) == {"ab"}  # after one turn of a repeat the start ends
    # "ſ" (long s) and the dotless "ı" match "s" and "i" in either case: their lower-cased forms are starts too
    assert {"search", "ſearch", "polıce"} <= (prefixes(r"search|police", re.IGNORECASE) or set())
    assert prefixes(r"[\w.-]+-year", re.IGNORECASE) is None  # any text could start it
    assert prefixes(r"(?:a)?", re.IGNORECASE) is None  # it may match nothing


def test_trie_matches_the_start_of_the_strings_only() -> None:
    rx = re.compile(trie({"arrest", "arrested", "ar", "det", "detain"}))
    assert rx.pattern == "(?:ar|det)"
    rx = re.compile(trie({"his de", "her de", "held"}))
    assert rx.match("held in") and rx.match("her death") and rx.match("his de") and not rx.match("hers")


def test_scanner_finds_what_the_pattern_finds_on_made_up_sentences() -> None:
    alternatives = [r"arrest(?:ed)?", r"(?:his|her) death", r"(?:re)?detained", r"[\w.-]+-year sentence", r"search(?:es)? of"]
    pattern = re.compile(_HEAD + "(?:" + "|".join(f"(?P<k{i}>{a})" for i, a in enumerate(alternatives)) + r")(?![\w-])",
                         re.IGNORECASE)
    scanner = WordStartScanner.of_alternatives(pattern, alternatives, _HEAD)
    assert scanner.guard is not None  # "[\w.-]+-year": the one alternative of no known start
    sentences = [
        "Police ARRESTED him; his death followed. He was re-detained, then redetained.",
        "The co-arrested man and the pre-arrest search of the house.",  # after a hyphen: no match
        "He got a 12-year sentence after searches of homes.",  # the guard's alternative: scanned in full
        "İstanbul: the ſearch of his flat; Arrested, ARRESTED.",  # "İ" lower-cases to two characters: scanned in full
        "ſearch of the flat; arrest",  # long s: matched in either case
        "arrestedly arrested-",  # not at a word's end
        "",
    ]
    for sentence in sentences:
        assert _spans(scanner.finditer(sentence)) == _spans(pattern.finditer(sentence)), sentence
    rng = random.Random(16)
    words = ["arrest", "Arrested", "his", "HER", "death", "redetained", "re", "detained", "search", "searches", "of",
             "12-year", "sentence", "the", "co", "-", ",", "ſearch", "K", "x"]
    for _ in range(400):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12))).replace(" - ", "-")
        assert _spans(scanner.finditer(sentence)) == _spans(pattern.finditer(sentence)), sentence


def test_gazetteer_scans_find_what_its_patterns_find() -> None:
    gaz = load_gazetteer()
    text = ("On 3 May the FSB detained Server Mustafayev in Simferopol. The Mejlis of the Crimean Tatar People said his "
            "home had been searched; he was sentenced to 14 years. Russia’s occupation of Crimea, the UN and the OSCE. "
            "Officers raided the homes of several Crimean Tatars and took them in for questioning; a re-arrest followed.")
    assert gaz.trigger_scan.pattern is gaz.trigger_pattern and gaz.entry_scan.pattern is gaz.entry_pattern
    assert _spans(gaz.trigger_scan.finditer(text)) == _spans(gaz.trigger_pattern.finditer(text))
    assert _spans(gaz.entry_scan.finditer(text)) == _spans(gaz.entry_pattern.finditer(text))
    assert _spans(gaz.trigger_scan.finditer(text))  # (something to compare)
