"""Other collectives of victims (loaders/extract/collective_phrases.py victim_groups): the Crimean Tatar
media outlets, the Crimean Tatar activists as a class and "all illegally detained Ukrainians", with
made-up sentences."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries


def _keys(body: str) -> list[tuple[str, str]]:
    """(text as written, key) of the organisation mentions of a one-paragraph article."""
    text = f"A short article\n\n{body}\n"
    return [(m.text, m.entry.key) for m in find_entries(text, load_gazetteer())
            if m.label == "Organisation" and m.entry is not None and m.entry.generic]


def test_the_media_outlets_of_the_people_are_one_media_collective() -> None:
    found = _keys("The closure of Crimean Tatar media outlets and of most Tatar-language media outlets worried them.")
    assert found == [("Crimean Tatar media outlets", "crimean-tatar-media-generic"),
                     ("Tatar-language media outlets", "crimean-tatar-media-generic")]
    attrs = {m.entry.attributes["kind"] for m in find_entries("x Crimean Tatar news outlets y", load_gazetteer())
             if m.entry is not None and m.entry.generic}
    assert attrs == {"media"}


def test_activists_as_a_class_not_a_counted_group_nor_before_names() -> None:
    body = ("Courts jailed Crimean Tatar activists for years. They seized Ahmed Ablaev and other Crimean Tatar "
            "activists. More than 40 Crimean Tatar activists stood trial. Crimean Tatar activists Ali Bekov and "
            "Remzi Kurtov were fined.")
    assert _keys(body) == [("Crimean Tatar activists", "crimean-tatar-activists-generic")]


def test_all_illegally_detained_ukrainians_are_the_prisoners_of_russia() -> None:
    body = ("The Union calls on Russia to release all illegally detained Ukrainians. It asks for the release of all "
            "the other 30 unjustly imprisoned Ukrainian citizens.")
    assert _keys(body) == [("all illegally detained Ukrainians", "ukrainian-political-prisoners-in-russia-generic"),
                           ("all the other 30 unjustly imprisoned Ukrainian citizens",
                            "ukrainian-political-prisoners-in-russia-generic")]


def test_no_collective_without_all_or_for_other_detainees() -> None:
    # ("all hostages and illegally detained ...": "all" is the hostages'; "civilians" are not the prisoners' formula)
    body = ("Release all hostages and illegally detained Ukrainian citizens. The city was a destination for "
            "illegally detained Ukrainian civilians.")
    assert [k for _, k in _keys(body) if k == "ukrainian-political-prisoners-in-russia-generic"] == []
