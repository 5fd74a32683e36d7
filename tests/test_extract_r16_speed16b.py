"""Round 16 (speed16b): a pattern is skipped only on a text that holds none of the strings it cannot match without."""

from __future__ import annotations

import importlib
import random
import re
from pathlib import Path

from loaders.extract import acts
from loaders.extract.regex_buckets import _ODD, Prefiltered, lowered, needles

# Made-up sentences in the shape of the acts and proceedings the wrapped patterns read (names invented).
_SENTENCES = [
    "Russian security services detained 25 Crimean Tatars in Bakhchysarai on Tuesday.",
    "More than 100 people were detained by the FSB in the occupied Crimea.",
    "FSB officers conducted mass searches in the homes of Crimean Tatars in Simferopol.",
    "Mosques and madrasas have been raided by the so-called police in Dzhankoi.",
    "The FSB raided the offices of the Voice newspaper and searched its premises.",
    "At least 12 men were arrested and tortured after the raids.",
    "Since 2014 there have been 230 arrests and 60 searches of Crimean Tatars in Crimea.",
    "Russia held a sham referendum in Crimea, in which the residents voted under guns.",
    "Ivan Petrenko was banned from entering Crimea for five years by the FSB.",
    "Zoran Kolev took part in a rally in Kyiv; the activists were conscripted into the Russian army.",
    "The prisoner exchange between Ukraine and Russia freed ten people in exchange for six.",
    "A criminal case was opened against Lenur Ablaev on suspicion of organising an extremist group.",
    "The prosecution requested 17 years for Emil Sadykov, who was sentenced in the case of Hizb ut-Tahrir.",
    "The court extended the detention of Rustem Kerimov and acquitted Server Umerov.",
    "Charges against the three defendants were brought under Article 205.5 of the Criminal Code.",
    "He was charged with sabotage and is serving a 12-year term in a penal colony.",
    "Russia occupied and annexed the Crimean peninsula in 2014; since occupying it, Russia declared it part of Russia.",
    "The occupation of Crimea by Russia and the illegal annexation of the territory were condemned.",
    "His family moved to Russia after the court case against him; they were tried in the same case.",
    "The case against the supporters of Crimean Solidarity was opened in connection with the defence of Nariman Dzhelyal.",
    "Russia waged a war of aggression against Ukraine and imposed Russian citizenship on the residents of Crimea.",
    "The prosecutor asked the court to ban the Mejlis; the UN General Assembly adopted the resolution tabled by Ukraine.",
    "Human Rights Watch documented the abuses in its report; the summit of the Crimea Platform called on Russia to free them.",
    "The weather was fine and nobody said anything about it.",
    # the four characters an ASCII letter matches in either case outside ASCII: such a text is never filtered
    "The FSB ſearched the HOMES of ſix men and DETAİNED them.",
    "Russian police raıded houses and detaıned 30 people; 20 ſeized, 12 arreſted.",
    "The \u212aGB-style police SEARCHED the mosque; 15 people were DETAINED by the FSB.",
    "MORE THAN 100 PEOPLE WERE DETAINED BY THE FSB IN CRIMEA; FSB OFFICERS CONDUCTED MASS SEARCHES.",
]


_MODULES = [importlib.import_module(f"loaders.extract.{p.stem}") for p in sorted(Path("loaders/extract").glob("*.py"))]


def _wrapped() -> list[tuple[str, Prefiltered]]:
    out = [(f"{m.__name__}.{n}", v) for m in _MODULES for n, v in vars(m).items() if isinstance(v, Prefiltered)]
    assert len(out) > 80
    return out


def _spans(ms: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in ms]  # type: ignore[attr-defined]


def test_needles_of_made_up_patterns() -> None:
    assert needles(r"\b(?:detained|Arrested)\s+by\b") == {"detained", "arrested"}
    assert needles(r"search(?:es)?|raids?", re.IGNORECASE) == {"search", "raid"}
    assert needles(r"(?:foo)*bar") == {"bar"}  # a repeat of no turn is not required
    assert needles(r"(?:foo)+bar") == {"foo"}  # the longer of two required runs
    assert needles(r"a?b") == {"b"}
    assert needles(r"[abc]+") is None  # nothing literal: never filtered
    assert needles(r"x|") is None  # an alternative with no literal: never filtered
    assert needles(r"(?=detained)\w+") is None  # a look-ahead is not taken for a literal
    assert needles(r"[Ss]ince\s+(?:19|20)\d\d") == {"ince"}  # a class cuts the run
    assert needles(r"(?i:FSB)\s+officers") == {"officers"}


def test_odd_characters_are_the_only_ones_outside_ascii_that_ascii_matches() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert {ch for ch in re.findall(r"[\x00-\x7f]", every, re.IGNORECASE) if ord(ch) > 127} == _ODD
    assert lowered("The FSB ſearched") is None
    assert lowered("İstanbul") is None
    assert lowered("The FSB searched") == "the fsb searched"


def test_wrapped_patterns_give_the_patterns_results() -> None:
    rng = random.Random(16)
    words = [w for s in _SENTENCES for w in re.findall(r"\S+", s)]
    texts = list(_SENTENCES) + [" ".join(rng.choice(words) for _ in range(rng.randint(3, 25))) for _ in range(400)]
    texts += [t.upper() for t in _SENTENCES] + [t.swapcase() for t in _SENTENCES]
    matched = skipped = 0
    for name, wrapped in _wrapped():
        raw = wrapped.pattern
        for t in texts:
            assert _spans(wrapped.finditer(t)) == _spans(raw.finditer(t)), (name, t)
            a, b = wrapped.search(t), raw.search(t)
            assert (a and a.span()) == (b and b.span()), (name, t)
            for pos in (0, 5):
                a, b = wrapped.match(t, pos), raw.match(t, pos)
                assert (a and a.span()) == (b and b.span()), (name, t)
            a, b = wrapped.fullmatch(t), raw.fullmatch(t)
            assert (a and a.span()) == (b and b.span()), (name, t)
            if raw.search(t):
                matched += 1
                low = lowered(t)
                # the proof the filter rests on: wherever the pattern matches, the text holds a needle (or is not filtered)
                assert low is None or wrapped.needles is None or any(n in low for n in wrapped.needles), (name, t)
            elif wrapped.absent(t):
                skipped += 1
    assert matched > 100 and skipped > 1000  # the sentences exercise the patterns, and the filter skips most texts


def test_a_sentence_without_the_words_is_skipped() -> None:
    quiet = "The weather was fine and nobody said anything about it."
    assert acts._DETAINED_BY_RE.absent(quiet)
    assert not acts._DETAINED_BY_RE.absent("They were detained.")
    assert not acts._DETAINED_BY_RE.absent("They were DETAINED.")
    assert not acts._DETAINED_BY_RE.absent("They were detaıned.")  # (an odd character: scanned in full)
    assert list(acts._DETAINED_BY_RE.finditer(quiet)) == []


def test_no_match_is_told_by_its_pattern_object_where_the_pattern_is_wrapped() -> None:
    """``m.re is X`` is the compiled pattern, never the wrapper: no wrapped pattern may be compared so."""
    for path in sorted(Path("loaders/extract").glob("*.py")):
        module = importlib.import_module(f"loaders.extract.{path.stem}")
        for name in re.findall(r"\.re\s+is\s+(?:not\s+)?(\w+)", path.read_text(encoding="utf-8")):
            assert not isinstance(getattr(module, name, None), Prefiltered), (path, name)
