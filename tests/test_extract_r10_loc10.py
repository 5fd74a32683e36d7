"""Relations between ends the extractor already finds (round 10, loc10): where a person is held or moved
(loaders/extract/place_parts.py) and an outlet or unit named after its owner (org_seats.attributive_parents),
with made-up sentences in the shape of each class."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _located(ex: Extraction, who: str) -> set[str]:
    return {c.object for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject == who}


def _parts(ex: Extraction) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF" and c.subject.startswith("org:")}


def test_a_person_held_since_an_arrest_is_in_the_place() -> None:
    text, ex = extract("Crimean Tatar activist Rustem Aliyev, has been detained in Simferopol since his arrest by "
                       "Russian security forces on 3 May 2019.")
    assert "place:simferopol" in _located(ex, "person:rustem-aliyev")
    check_quotes(text, ex.claims)
    # without how long it has lasted, the perfect tells the act of detaining (placed as an event)
    _text, ex = extract("Crimean Tatar activist Rustem Aliyev has been detained in Simferopol.")
    assert "place:simferopol" not in _located(ex, "person:rustem-aliyev")


def test_an_opening_adverb_before_she_remains_incarcerated() -> None:
    text, ex = extract("Lilia Umerova is a Crimean Tatar activist. Presently, she remains incarcerated in Kerch "
                       "on charges of high treason.")
    assert "place:kerch" in _located(ex, "person:lilia-umerova")
    check_quotes(text, ex.claims)
    # a town that names a detention centre is no place of the person
    _text, ex = extract("Lilia Umerova is a Crimean Tatar activist. Presently, she remains incarcerated in the Kerch "
                        "pre-trial detention centre.")
    assert "place:kerch" not in _located(ex, "person:lilia-umerova")


def test_the_family_moved_to_a_place() -> None:
    text, ex = extract("Rustem Aliyev was born in Novorossiysk on 26 June 1976. In 1993, the family moved to Crimea.")
    assert _located(ex, "person:rustem-aliyev") >= {"place:crimea", "place:novorossiysk"}
    check_quotes(text, ex.claims)
    # "where he lived in" names the town: not the region too
    _text, ex = extract("Rustem Aliyev was born on 5 May 1986. His family returned to Crimea where he lived in Bakhchysarai.")
    assert "place:crimea" not in _located(ex, "person:rustem-aliyev")


def test_the_owners_website_named_before_the_outlet() -> None:
    text, ex = extract("Mykola Semena, a contributor to the RFE/RL website Krym.Realii, was charged with separatism.")
    assert ("org:krym-realii", "org:rferl") in _parts(ex)
    check_quotes(text, ex.claims)


def test_the_owners_affiliates_each_of_the_list() -> None:
    text, ex = extract("Those affected include ATR’s affiliates, FM radio stations Meydan and Lider, a children's television "
                       "channel Lale and a news website 15 Minutes; Crimean Tatar news agency QHA.")
    parts = _parts(ex)
    assert {("org:meydan", "org:atr"), ("org:lider", "org:atr"), ("org:lale", "org:atr"), ("org:15-minutes", "org:atr")} <= parts
    assert not any(child == "org:qha" for child, _ in parts)
    check_quotes(text, ex.claims)
    # outlets listed with their kinds after them belong to nobody
    _text, ex = extract("Practically all Crimean Tatar media outlets, including ATR and Lale television channels, Meydan and "
                        "Lider radio stations, QHA news agency, were refused.")
    assert not _parts(ex)


def test_a_unit_named_right_after_its_body() -> None:
    text, ex = extract("The United Kingdom welcomes the 28th report of the OHCHR Human Rights Monitoring Mission in Ukraine.")
    assert ("org:hrmmu", "org:ohchr") in _parts(ex)
    check_quotes(text, ex.claims)
