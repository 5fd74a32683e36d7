"""Acts done to people (issue 20, round 8): a home searched, told by a verb with a possessive
("searched her apartment", "agents who were searching her parents' apartment"). Made-up sentences."""

from __future__ import annotations

from tests.test_extract_acts_frames import kinds

# --- a home searched: a verb with a possessive

def test_searching_her_apartment_is_her_search() -> None:
    assert ("person:olena-marchuk", "search") in kinds(
        "On 3 May, police detained Olena Marchuk after searching her apartment for ten hours.")


def test_agents_who_were_searching_her_parents_apartment() -> None:
    assert ("person:olena-marchuk", "search") in kinds(
        "Olena Marchuk was detained by police officers who were searching her parents’ apartment.")


def test_raided_his_home_is_his_search() -> None:
    assert ("person:petro-hnatyuk", "search") in kinds("Petro Hnatyuk is a farmer. On 3 May police officers raided his home.")


def test_searching_for_a_person_is_no_search() -> None:
    assert not any(k == "search" for _p, k in kinds("Olena Marchuk spent weeks searching her memory for the date."))
