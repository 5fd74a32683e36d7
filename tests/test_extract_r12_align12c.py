"""Round 12, align12c: a government, department, delegation or mission ``STATES`` the statement its officer delivers
for it (convention decision 5d, loaders/extract/statement_folds.py), with made-up sentences in the shape of the class."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract
from tests.test_extract_r11_stmt11 import _states


def _speakers(body: str, person: str) -> list[set[str]]:
    """The speakers of each statement event ``person`` ``STATES``."""
    return [who for who in _states(body)[0].values() if person in who]


def test_a_department_states_what_its_spokesperson_says_for_it() -> None:
    # title + body + name: "said State Department Spokesperson X", beside another body's statement
    who = _speakers("Freedom House condemned the verdict. “This is a miscarriage of justice,” said State "
                    "Department Spokesperson Peter Olafsen.", "person:peter-olafsen")
    assert who == [{"org:us-department-of-state", "person:peter-olafsen"}]


def test_a_person_quoted_in_his_own_name_is_not_his_body_s_voice() -> None:
    # the office named in another sentence: the words are his own
    who = _speakers("Peter Olafsen is a State Department spokesperson. He has a dog. On Sunday, Peter Olafsen "
                    "said he liked long walks.", "person:peter-olafsen")
    assert all("org:us-department-of-state" not in w for w in who)


def test_a_state_states_what_its_representative_delivers_in_the_heading() -> None:
    # the heading's delivery line: "Intervention by H.E. Mr. X,\nAmbassador, Permanent Representative of Ukraine"
    text, ex = extract("Statement of the Delegation of Ukraine at the 41st session of the UN Human Rights Council\n\n"
                       "Intervention by H.E. Mr. Petro Sydorenko,\nAmbassador, Permanent Representative of Ukraine\n"
                       "(10 July 2019)\n\nMr. President,\n\nThe rights of Crimean Tatars are violated.")
    check_quotes(text, ex.claims)
    spoken = {c.object for c in ex.claims if c.predicate == "STATES" and c.subject == "person:petro-sydorenko"}
    assert spoken and all(any(c.subject == "org:ukraine" and c.predicate == "STATES" and c.object == ev
                              for c in ex.claims) for ev in spoken)
