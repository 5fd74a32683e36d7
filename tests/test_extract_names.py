"""People in running text with given names from maintained data (Faker's person providers).

Made-up sentences, one per case: a speech verb before the name, a given name that is also a
town, a word that is a name in some locale but an ordinary word in English, a name of
Cyrillic origin in its English spellings; and the lexicon's own provenance.
"""

from __future__ import annotations

import importlib

import yaml

from loaders.extract.gazetteer import GAZETTEER_DIR, load_gazetteer
from loaders.extract.given_names import LOCALES, faker_first_names, lexicon, romanised, stop_words
from loaders.extract.mentions import find_entries, find_people


def people_and_places(text: str) -> tuple[list[str], list[str]]:
    mentions = find_entries(text)
    people, _doubts = find_people(text, mentions)
    return [p.name for p in people], [m.text for m in mentions if m.label == "Location"]


def test_speech_verb_before_the_name_makes_a_person() -> None:
    # Neither word is in names.yaml's hand list; "Pelletier" has no surname ending.
    text = ("“The verdict ignores every piece of evidence,” said Odile Pelletier, the Foundation’s regional "
            "programme lead.")
    assert people_and_places(text)[0] == ["Odile Pelletier"]
    assert people_and_places("The search lasted five hours, according to Wendeline Haverkamp.")[0] == \
        ["Wendeline Haverkamp"]


def test_speech_verb_before_the_name_without_a_known_given_name() -> None:
    # "Zorbek" is in no lexicon: the verb before the name is the only sign of a person.
    assert "Zorbek" not in load_gazetteer().given_names
    people, _ = people_and_places("“We were not allowed in,” said Zorbek Tulmanbe, who was waiting outside.")
    assert people == ["Zorbek Tulmanbe"]
    # Without the verb the same pair is no one.
    assert people_and_places("Zorbek Tulmanbe stood outside the building.")[0] == []


def test_given_name_that_is_a_town_before_a_surname_is_a_person() -> None:
    gaz = load_gazetteer()
    assert gaz.places["Artyom"].attributes["kind"] == "city" and "Artyom" in gaz.given_names
    people, places = people_and_places("Artyom Belozersky, a Jehovah’s Witness from Yalta, was questioned.")
    assert people == ["Artyom Belozersky"]
    assert "Artyom" not in places
    # The town alone, or the town's port, stays a place.
    people, places = people_and_places("He moved to Artyom in 2015. Artyom's port was closed that winter.")
    assert people == [] and places == ["Artyom", "Artyom"]


def test_a_town_before_a_place_word_stays_a_town() -> None:
    gaz = load_gazetteer()
    assert "Sofia" in gaz.given_names and gaz.places["Sofia"].attributes["kind"] == "city"
    people, places = people_and_places("The delegation landed at Sofia Airport and walked along Victoria Street.")
    assert people == []
    # A given name before a prize's or a fund's head word names no person either.
    assert people_and_places("The John Harwick Trust funds the Anna Politkovskaya Award.")[0] == []


def test_a_crimean_town_yields_only_to_a_surname_ending() -> None:
    gaz = load_gazetteer()
    assert gaz.places["Nikita"].part_of == "crimea" and "Nikita" in gaz.given_names
    people, places = people_and_places("Nikita Veremeyev was searched. The Nikita Botanical Garden stayed open.")
    assert people == ["Nikita Veremeyev"] and "Nikita" in places


def test_stop_listed_words_are_not_given_names() -> None:
    gaz = load_gazetteer()
    faker_names = {w for n in faker_first_names() for w in romanised(n)}
    for word in ("Grace", "Summer", "May", "June", "April", "Christian", "Georgia", "Tory", "Said", "Islam"):
        assert word in faker_names, word      # a name in some Faker locale ...
        assert word not in gaz.given_names, word  # ... left out as an ordinary English word
    people, _ = people_and_places("Grace Church held a service. Summer Camp closed. Will Moscow answer?")
    assert people == []


def test_cyrillic_names_are_romanised_in_their_english_spellings() -> None:
    gaz = load_gazetteer()
    assert {"Dmitriy", "Dmitry", "Dmitri"} <= romanised("Дмитрий")
    assert {"Natalya", "Natalia"} <= romanised("Наталья")
    assert "Artyom" in romanised("Артем")
    # A Russian name only Faker's ru_RU provider lists, in an English spelling, makes a person.
    ru = importlib.import_module("faker.providers.person.ru_RU").Provider
    assert "Евстигней" in ru.first_names_male
    hand = set(yaml.safe_load((GAZETTEER_DIR / "names.yaml").read_text(encoding="utf-8"))["given_names"])
    assert "Yevstigney" not in hand and "Yevstigney" in gaz.given_names
    assert people_and_places("Yevstigney Korablin attended the hearing in Moscow.")[0] == ["Yevstigney Korablin"]


def test_the_lexicon_comes_from_faker_and_keeps_the_hand_list() -> None:
    gaz = load_gazetteer()
    hand = set(yaml.safe_load((GAZETTEER_DIR / "names.yaml").read_text(encoding="utf-8"))["given_names"])
    assert hand <= gaz.given_names  # the Crimean Tatar names Faker lacks stay
    assert len(gaz.given_names) > 10_000
    for name in ("Marie", "Oksana", "Giorgi", "Mehmet", "Aleksandr", "Wojciech", "Ingrid"):
        assert name in gaz.given_names, name
    assert "Giorgi" in {w for n in importlib.import_module("faker.providers.person.ka_GE").Provider.first_names
                        for w in romanised(n)}
    # Built from the locales' providers: without them only the hand list remains.
    assert lexicon(hand, set(), locales=()) == frozenset(hand)
    assert set(LOCALES) >= {"en_US", "ru_RU", "uk_UA", "tr_TR", "ka_GE"}


def test_stop_words_come_from_the_gazetteers() -> None:
    gaz = load_gazetteer()
    names = yaml.safe_load((GAZETTEER_DIR / "names.yaml").read_text(encoding="utf-8"))
    stop = stop_words(names, gaz.cues, ["january", "may"], gaz.places)
    assert {"Major", "Justice", "said", "may", "Georgia", "Grace"} <= stop
    assert "Marie" not in stop and "Artyom" not in stop
