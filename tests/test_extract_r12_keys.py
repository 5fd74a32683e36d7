"""Round 12: keys that follow the convention's decisions (examples/articles/real/README.md)."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries


def _refs(body: str) -> list[tuple[str, str]]:
    return [(m.text, m.ref) for m in find_entries(f"A short article\n\n{body}\n", load_gazetteer())]


def test_the_russian_authorities_in_occupied_crimea_are_the_occupation_authorities() -> None:
    # Round-10 decision 3: the authorities governing Crimea under Russia are one generic actor, named by the whole
    # phrase (so that "the Russian authorities" alone never becomes their alias when a batch joins articles);
    # "Russian authorities" with no tie to Crimea stay the Russian state's organs.
    assert _refs("Membership was used by the Russian authorities in occupied Crimea as a pretext.") == [
        ("the Russian authorities in occupied Crimea", "org:russian-occupation-authorities")]
    assert _refs("Membership was used by the Russian authorities in Russian-occupied Crimea.") == [
        ("the Russian authorities in Russian-occupied Crimea", "org:russian-occupation-authorities")]
    assert _refs("The Russian authorities refused to comment on the case.") == [
        ("The Russian authorities", "org:russian-authorities")]
