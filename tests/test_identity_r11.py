"""One actor, one node (round 11): names typed with a slip, a person known by an initial, a slip in
an institution word, a two-letter acronym its own record spells out. Made-up names throughout."""

from __future__ import annotations

import pytest

from graph.identity import SURE, IdentityIndex, Match, Record, compare
from graph.identity_names import typing_slip
from graph.model import Entity
from loaders.extract.batch import plan_batch


def person(key: str, name: str, source: str, *aliases: str) -> Entity:
    return Entity(key, "Person", name, list(aliases), {}, False, False, [source])


def keys_after_batch(drafts: list[list[Entity]]) -> dict[str, str]:
    """Each drafted key -> the key the batch gives it."""
    plans = plan_batch(drafts)
    return {e.key: p.rename.get(e.key, e.key) for p, d in zip(plans, drafts, strict=True) for e in d}


def pair(idx: IdentityIndex, a: str, b: str) -> Match | None:
    return next((m for m in idx.candidates() if {m.left, m.right} == {a, b}), None)


# --- a name typed with a slip ------------------------------------------------------------------

@pytest.mark.parametrize("a, b, kind", [
    ("vorkadinov", "vokradinov", "letters rearranged"),
    ("zhemalov", "hzemalov", ""),            # the first letter is never the slip
    ("talirov", "tafirov", ""),              # l and f are no neighbouring keys
    ("talirov", "takirov", "a neighbouring key"),
    ("server", "sever", "a letter left out"),
    ("ibragimov", "ibraimov", ""),           # g is no neighbour of a or i: two surnames
    ("selimov", "selimova", ""),             # a feminine ending: another name
])
def test_typing_slip_reads_keyboard_slips_only(a: str, b: str, kind: str) -> None:
    assert typing_slip(a, b) == kind


SLIPS = [
    ("Emil Vorkadinov", "Emil Vokradinov"),        # letters rearranged
    ("Enver Takirov", "Enver Talirov"),            # a neighbouring key
    ("Server Talametov", "Sever Talametov"),       # a given name with a letter left out
    ("Mustafa Dzhemirov", "Mustafa Dhzemirov"),    # letters rearranged across a digraph
]


@pytest.mark.parametrize("right, slip", SLIPS)
def test_a_name_typed_once_with_a_slip_joins_in_a_batch(right: str, slip: str) -> None:
    drafts = [[person("person:r", right, "source:a")], [person("person:r", right, "source:b")],
              [person("person:s", slip, "source:c")], [person("person:x", "Aziz Umarov", "source:c")]]
    assert keys_after_batch(drafts)["person:s"] == "person:r"


def test_a_slip_across_romanisations_joins_every_spelling() -> None:
    """"Dhzemirov" is "Dzhemirov" with two letters swapped, which is "Jemirov" in another romanisation."""
    drafts = [[person("person:a", "Mustafa Dzhemirov", "source:a")], [person("person:b", "Mustafa Jemirov", "source:b")],
              [person("person:c", "Mustafa Dhzemirov", "source:c")]]
    assert set(keys_after_batch(drafts).values()) == {"person:a"}


@pytest.mark.parametrize("right, slip", SLIPS)
def test_a_slip_is_only_a_candidate_where_something_contradicts_it(right: str, slip: str) -> None:
    # One article names both: two people.
    one = IdentityIndex([Record("person:r", "Person", right, sources=["source:a"]),
                         Record("person:s", "Person", slip, sources=["source:a"])])
    m = pair(one, "person:r", "person:s")
    assert m is not None and not m.sure, m
    # Both spellings named in two sources each: both real names.
    both = IdentityIndex([Record("person:r", "Person", right, sources=["source:a", "source:b"]),
                          Record("person:s", "Person", slip, sources=["source:c", "source:d"])])
    assert not pair(both, "person:r", "person:s").sure  # type: ignore[union-attr]
    # Someone else bears each spelling of the name: two real surnames (or relatives' given names).
    known = IdentityIndex([Record("person:r", "Person", right, sources=["source:a"]),
                           Record("person:s", "Person", slip, sources=["source:c"]),
                           Record("person:o", "Person", f"Rinat {slip.split()[-1]}", sources=["source:d"]),
                           Record("person:p", "Person", f"Rinat {right.split()[-1]}", sources=["source:e"])])
    assert not pair(known, "person:r", "person:s").sure  # type: ignore[union-attr]


def test_a_slip_of_two_people_joins_neither() -> None:
    idx = IdentityIndex([Record("person:a", "Person", "Enver Takirov", sources=["source:a"]),
                         Record("person:b", "Person", "Enver Tapirov", sources=["source:b"]),
                         Record("person:s", "Person", "Enver Talirov", sources=["source:c"])])
    assert not any(m.sure for m in idx.candidates())


@pytest.mark.parametrize("a, b", [
    ("Server Ibragimov", "Server Ibraimov"),     # two real surnames, no typing slip
    ("Aziz Akhtemov", "Aziz Akhmetov"),          # letters swapped far apart
    ("Enver Osmanov", "Enver Usmanov"),          # another first letter
    ("Emir Talametov", "Emin Talametov"),        # short given names: brothers
    ("Enver Talir", "Enver Takir"),              # a short surname
])
def test_names_that_are_no_slip_stay_apart(a: str, b: str) -> None:
    idx = IdentityIndex([Record("person:a", "Person", a, sources=["source:a"]),
                         Record("person:b", "Person", b, sources=["source:b"])])
    assert not any(m.sure for m in idx.candidates())


# --- a person known by an initial -----------------------------------------------------------------

def test_an_initial_is_the_only_person_of_that_surname_and_initial() -> None:
    idx = IdentityIndex([Record("person:y", "Person", "Y.Varenko", sources=["source:a"]),
                         Record("person:yurii", "Person", "Yurii Varenko", sources=["source:b"]),
                         Record("person:andriy", "Person", "Andriy Varenko", sources=["source:c"])])
    m = pair(idx, "person:y", "person:yurii")
    assert m is not None and m.sure and "only person" in m.reason, m
    assert pair(idx, "person:y", "person:andriy") is None


def test_an_initial_two_people_may_bear_stays_a_candidate() -> None:
    idx = IdentityIndex([Record("person:y", "Person", "Y. Varenko", sources=["source:a"]),
                         Record("person:yurii", "Person", "Yurii Varenko", sources=["source:b"]),
                         Record("person:yulia", "Person", "Yulia Varenko", sources=["source:c"])])
    assert not any(m.sure for m in idx.candidates())


# --- organisations --------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Velmorsky Distric Court", "Velmorsky District Court of Simferopol"),
    ("Crimean Comittee for Velmor", "Committee for Velmor"),
])
def test_an_institution_word_typed_with_a_letter_left_out_is_the_word(a: str, b: str) -> None:
    m = compare(Record("org:a", "Organisation", a), Record("org:b", "Organisation", b))
    assert m is not None and m.score >= SURE, m


def test_a_letter_left_out_of_another_word_is_still_another_body() -> None:
    m = compare(Record("org:a", "Organisation", "Velmorsky Distric Court"),
                Record("org:b", "Organisation", "Velmorsky Regional Court"))
    assert m is None or not m.sure, m


def test_a_two_letter_acronym_its_record_spells_out_is_no_other_names_initials() -> None:
    sg = Record("org:a", "Organisation", "UN Secretary-General", ["SG"])
    soviet = Record("org:b", "Organisation", "Soviet Union", ["USSR", "Soviet government"])
    assert compare(sg, soviet) is None
    # An acronym alone still meets the name whose initials it is.
    m = compare(Record("org:c", "Organisation", "SG"), soviet)
    assert m is not None and m.sure, m
