"""Round 12, names12: role nouns of the language before a name are the position, never the name; a
surname alone later in the article refers back to the one person of that surname."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people


def _people(body: str) -> dict[str, tuple[str, str, list[str]]]:
    text = f"A short article\n\n{body}\n"
    gaz = load_gazetteer()
    people, _ = find_people(text, find_entries(text, gaz), gaz)
    return {p.key: (p.name, p.position, [m.text for m in p.mentions]) for p in people}


def test_sentence_initial_role_noun_is_the_position() -> None:
    got = _people("Defendant Aziz Akhtemov was sentenced on Monday. Suspect Edem Bekirov was detained. "
                  "Witness Ivan Petrov testified. Reporter Anna Smith wrote about it.")
    # a party's standing in a case is no position (the case's claims keep it)
    assert got["person:aziz-akhtemov"][:2] == ("Aziz Akhtemov", "")
    assert got["person:edem-bekirov"][:2] == ("Edem Bekirov", "")
    assert got["person:ivan-petrov"][:2] == ("Ivan Petrov", "")
    assert got["person:anna-smith"][1] == "Reporter"
    assert not any(k.startswith(("person:defendant", "person:suspect", "person:witness", "person:reporter"))
                   for k in got)


def test_plural_role_noun_and_adjectives_before_it() -> None:
    got = _people("Detainees Server Mustafayev and Ernes Ametov were searched. "
                  "Jailed Crimean Tatar Correspondent Remzi Bekirov wrote a letter. "
                  "Citizen Journalists Osman Arifmemetov and Rustem Sheikhaliev were detained.")
    assert got["person:server-mustafayev"][:2] == ("Server Mustafayev", "")
    assert got["person:remzi-bekirov"][:2] == ("Remzi Bekirov", "Correspondent")
    assert got["person:osman-arifmemetov"][:2] == ("Osman Arifmemetov", "Citizen Journalist")
    assert all(k.count("-") == 1 for k in got), got


def test_role_noun_before_common_words_is_no_person() -> None:
    got = _people("Prisoner Exchange talks stalled, and the prisoner exchange was postponed. "
                  "Witness Protection Programme staff left.")
    assert not got, got


def test_surname_alone_refers_back_in_every_position() -> None:
    got = _people("Ilmi Umerov was detained in May. The Umerov case drew attention. Umerov’s lawyer spoke. "
                  "Lawyers for Umerov appealed. Umerov was freed.")
    assert got["person:ilmi-umerov"][2] == ["Ilmi Umerov", "Umerov", "Umerov", "Umerov", "Umerov"]
    assert len(got) == 1


def test_shared_surname_invents_nobody() -> None:
    got = _people("Aziz Akhtemov and Asan Akhtemov were detained. The Akhtemov case drew attention.")
    assert set(got) == {"person:aziz-akhtemov", "person:asan-akhtemov"}
    assert all(len(m) == 1 for _n, _p, m in got.values())
