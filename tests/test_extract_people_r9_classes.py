"""Round 9 person classes: an ambiguous bare surname, a one-letter misspelling of a named person,
a peer or an honorific with the surname alone, a name inside the name of a thing called after a
person, and a capitalised common noun said again after "the" (made-up names and sentences)."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mention_types import Person
from loaders.extract.mentions import find_entries, find_people


def people(body: str) -> list[Person]:
    text = f"A short article\n\n{body}\n"
    gaz = load_gazetteer()
    found, _doubts = find_people(text, find_entries(text, gaz), gaz)
    return found


def names(body: str) -> set[str]:
    return {p.name for p in people(body)}


def test_bare_surname_shared_by_two_people_is_nobody_of_its_own() -> None:
    got = names("Timur Vazhenov and Ruslan Vazhenov were detained on Monday. Vazhenov said he was beaten.")
    assert got == {"Timur Vazhenov", "Ruslan Vazhenov"}


def test_bare_surname_of_one_person_still_joins_that_person() -> None:
    found = people("Timur Vazhenov was detained on Monday. Vazhenov said he was beaten.")
    assert [p.name for p in found] == ["Timur Vazhenov"]
    assert len(found[0].mentions) == 2


def test_one_letter_misspelling_with_the_same_given_name_is_one_person() -> None:
    found = people("Edem Kurtmet was detained. His lawyer said Edem Kurtmot was beaten in custody.")
    assert [p.name for p in found] == ["Edem Kurtmet"]
    assert "Edem Kurtmot" in found[0].variants


def test_two_letters_off_with_the_same_given_name_stays_two_people() -> None:
    got = names("Edem Kurtalimov was detained. Edem Kurtamilov was searched on the same day.")
    assert got == {"Edem Kurtalimov", "Edem Kurtamilov"}


def test_one_letter_off_with_another_given_name_stays_two_people() -> None:
    got = names("Edem Kurtalimov was detained. Refat Kurtalimova was searched on the same day.")
    assert got == {"Edem Kurtalimov", "Refat Kurtalimova"}


def test_peer_with_surname_alone_keeps_the_title_in_the_name() -> None:
    found = people("In the other place, Lord Harrowfield said that the sanctions had sent a clear message.")
    assert [(p.key, p.name) for p in found] == [("person:lord-harrowfield", "Lord Harrowfield")]


def test_baroness_with_surname_alone_keeps_the_title_in_the_name() -> None:
    assert names("It is a pleasure to speak after Baroness Quenby. I thank the Minister.") == {"Baroness Quenby"}


def test_honorific_with_surname_alone_is_still_a_person() -> None:
    assert names("It is a pleasure to serve under your chairmanship, Mr Penwarden. I thank the Minister.") \
        == {"Penwarden"}


def test_honorific_before_a_known_full_name_joins_the_person() -> None:
    found = people("Gareth Penwarden opened the debate. Mr Penwarden said the court was not independent.")
    assert [p.name for p in found] == ["Gareth Penwarden"]


def test_name_of_a_unit_called_after_a_person_is_no_person() -> None:
    assert names("They were charged for joining the Ostap Veremchuk volunteer battalion in 2016.") == set()
    assert names("They were charged for joining a battalion named after Ostap Veremchuk.") == set()


def test_person_beside_a_unit_name_is_still_found() -> None:
    assert names("The court sentenced Ostap Veremchuk to ten years. He was arrested in May.") == {"Ostap Veremchuk"}


def test_common_noun_said_again_after_the_is_no_surname() -> None:
    text = "New Resolution of the Assembly on the peninsula\n\nThe Resolution condemns the abuses, the text says.\n"
    gaz = load_gazetteer()
    found, _ = find_people(text, find_entries(text, gaz), gaz)
    assert [p.name for p in found] == []


def test_bare_surname_of_two_spellings_of_one_given_name_is_still_asked_about() -> None:
    # Oleh and Oleg may be one man: the surname alone stays, for the review to decide.
    text = "A short article\n\nOleh Vazhenov was detained. Oleg Vazhenov said he was beaten. The FSB said Vazhenov lied.\n"
    gaz = load_gazetteer()
    found, doubts = find_people(text, find_entries(text, gaz), gaz)
    assert "Vazhenov" in {p.name for p in found}
    assert any("several people share it" in d.reason for d in doubts)
