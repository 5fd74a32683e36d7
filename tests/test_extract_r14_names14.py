"""Round 14 (names14): names in the forms official texts use: a middle initial at the head of a heading's run and
names in capitals after "BY" or at the head of a transcript's speech."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mention_types import Person
from loaders.extract.mentions import find_entries, find_people


def _people(text: str) -> list[Person]:
    gaz = load_gazetteer()
    people, _ = find_people(text, find_entries(text, gaz), gaz)
    return people


def test_middle_initial_ends_a_heading_run() -> None:
    people = _people("Secretary Daniel K. Morrow Video Remarks at the Harbour Forum\n\nHello, everyone.\n")
    assert [(p.key, p.name, p.position) for p in people] == [("person:daniel-morrow", "Daniel K. Morrow", "Secretary")]


def test_name_in_capitals_after_by_is_a_person_in_normal_case() -> None:
    text = "A heading on the anniversary\n\nSTATEMENT BY JOHN KESTREL, ACTING SPOKESPERSON\n\nThe day was cold.\n"
    people = _people(text)
    assert [(p.key, p.name, p.variants, p.position) for p in people] == [
        ("person:john-kestrel", "John Kestrel", ["JOHN KESTREL"], "Acting Spokesperson")]
    m = people[0].mentions[0]
    assert text[m.start:m.end] == "JOHN KESTREL"


def test_speaker_line_in_capitals_joins_the_person_named_before() -> None:
    text = "Secretary Daniel K. Morrow Video Remarks at the Harbour Forum\n\nSECRETARY MORROW: Hello, everyone.\n"
    people = _people(text)
    assert len(people) == 1 and [m.text for m in people[0].mentions] == ["Daniel K. Morrow", "MORROW"]


def test_capitalised_headings_and_roles_are_no_names() -> None:
    text = ("RESOLUTION OF THE ASSEMBLY\n\nSTATEMENT BY THE PRESS OFFICE\n\nMODERATOR: Good afternoon.\n"
            "SENIOR STATE DEPARTMENT OFFICIAL: Thank you.\nMR. KESTREL: Thank you.\n")
    assert _people(text) == []


def test_office_of_a_body_and_a_comma_name_its_holder() -> None:
    people = _people("A note\n\nAlso present was the chair of the Harbour Rowing Club, Ormi Kestrelle.\n")
    assert [p.key for p in people] == ["person:ormi-kestrelle"]
