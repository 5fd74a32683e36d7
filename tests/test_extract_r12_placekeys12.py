"""Round 12, placekeys12: one place, one key (the corpus's canonical key: a slug of the most common
English spelling), whatever spelling the text uses."""

from __future__ import annotations

from loaders.extract.gazetteers.build_places import CORPUS_NAMES, OUT
from loaders.extract.mentions import find_entries


def refs(text: str) -> list[str]:
    return [m.ref for m in find_entries(text) if m.label == "Location"]


def test_geonames_places_take_the_corpus_spelling_as_key_and_keep_their_own_as_alias() -> None:
    text = ("Searches took place in Koreiz and in Koreyiz, in Kholmivka and Kholmovka, in Dubki and Dubky; "
            "shelling hit Avdiivka and Avdiyivka, Mykolaiv and Mykolayiv.")
    assert refs(text) == ["place:koreiz", "place:koreiz", "place:kholmivka", "place:kholmivka", "place:dubki",
                          "place:dubki", "place:avdiivka", "place:avdiivka", "place:mykolaiv", "place:mykolaiv"]
    built = OUT.read_text(encoding="utf-8")
    for (_cc, geonames), corpus in CORPUS_NAMES.items():  # the built file is the build's: no hand edit
        assert f'"key":"{corpus.lower()}"' in built and f'"name":"{corpus}"' in built and f'"{geonames}"' in built


def test_a_citys_region_in_another_spelling_is_the_curated_oblast() -> None:
    text = "Referenda were staged in Zaporizhzhya Oblast; people fled the Vinnytsya region and the Mykolayiv region."
    assert refs(text) == ["place:zaporizhzhia-oblast", "place:vinnytsia-oblast", "place:mykolaiv-oblast"]
    assert refs("The army shelled the Simferopol region.") == ["place:simferopol-region"]  # no curated region: its own


def test_washington_and_eastern_donbas_take_the_corpus_keys() -> None:
    assert refs("The statement was issued in Washington, D.C. on Monday.") == ["place:washington-dc"]
    assert refs("Russia's military interference in Eastern Donbas continues.") == ["place:donbas"]
    assert refs("He was sent to a colony in Eastern Siberia.") == ["place:eastern-siberia"]  # a region of its own
