"""Acts done to people (issue 20, round 8): a measure extended, torture named as a means or an
allegation. Made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def kinds(body: str) -> set[tuple[str, str]]:
    """(person, event kind) of the PARTICIPANT_IN target claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, str(ex.entities[c.object].attributes.get("kind"))) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "target"}


# --- a measure extended: one extension, not a new detention or arrest

def test_pre_trial_detention_recently_extended_is_an_extension() -> None:
    got = kinds("The United States is troubled by the case of Olena Marchuk, a lawyer whose pre-trial detention "
                "was recently extended.")
    assert ("person:olena-marchuk", "detention_extension") in got
    assert ("person:olena-marchuk", "detention") not in got


def test_arrest_extended_again_is_no_new_arrest() -> None:
    got = kinds("Olena Marchuk is a journalist from Kherson. Her arrest was once again extended on 3 May.")
    assert ("person:olena-marchuk", "detention_extension") in got
    assert ("person:olena-marchuk", "arrest") not in got


def test_the_extension_of_the_term_of_detention_is_an_extension() -> None:
    got = kinds("The Kyiv District Court ordered the extension of the term of detention of Olena Marchuk until June.")
    assert ("person:olena-marchuk", "detention_extension") in got


def test_a_detention_alone_is_still_a_detention() -> None:
    got = kinds("Olena Marchuk was placed in pre-trial detention on 3 May.")
    assert ("person:olena-marchuk", "detention_extension") not in got


# --- torture named as a means or an allegation: no one's torture

def test_testimony_obtained_through_torture_is_no_torture_of_the_defendants() -> None:
    got = kinds("The case against Olena Marchuk and Petro Hnatyuk rested on testimony obtained through torture.")
    assert not any(k in ("torture", "ill_treatment") for _p, k in got)


def test_allegations_of_torture_and_other_ill_treatment_are_no_act() -> None:
    got = kinds("Olena Marchuk was sentenced in May. Credible allegations of torture and other ill-treatment "
                "were ignored by the court.")
    assert not any(k in ("torture", "ill_treatment") for _p, k in got)


def test_subjected_to_torture_is_still_torture() -> None:
    assert ("person:olena-marchuk", "torture") in kinds("Olena Marchuk was subjected to torture in custody in May.")


def test_confessed_under_torture_is_still_torture() -> None:
    assert ("person:olena-marchuk", "torture") in kinds("Olena Marchuk said she confessed under torture.")


# --- apprehended: a detention, as the annotators of other writers read it

def test_apprehended_by_men_is_a_detention() -> None:
    got = kinds("On 3 May Olena Marchuk was apprehended by camouflaged men near her home.")
    assert ("person:olena-marchuk", "detention") in got
    assert ("person:olena-marchuk", "arrest") not in got


def test_a_detention_restated_by_apprehended_is_one_detention() -> None:
    got = kinds("Another example is the detention of Olena Marchuk, who was apprehended by police in December.")
    assert got == {("person:olena-marchuk", "detention")}


# --- a term given: a sentence, not a detention

def test_imprisoned_by_a_state_for_years_is_a_sentence() -> None:
    got = kinds("Among them is Olena Marchuk, a journalist, who was imprisoned by Russia for 17 years for her reports.")
    assert ("person:olena-marchuk", "verdict") in got
    assert ("person:olena-marchuk", "detention") not in got


def test_jailed_for_years_is_a_sentence() -> None:
    assert ("person:olena-marchuk", "verdict") in kinds("In May Olena Marchuk was jailed for twelve years.")


def test_imprisoned_for_years_so_far_is_still_a_detention() -> None:
    got = kinds("Olena Marchuk has been imprisoned for two years without trial.")
    assert ("person:olena-marchuk", "detention") in got
    assert ("person:olena-marchuk", "verdict") not in got


# --- acts on many people named by a collective adjective: nobody's own

def test_a_call_to_end_arbitrary_arrests_is_no_arrest_of_the_speaker() -> None:
    got = kinds("Olena Marchuk reiterated her call for an immediate end to the persecution of Crimean Tatars in "
                "occupied Crimea, arbitrary arrests and searches.")
    assert not any(k in ("arrest", "detention", "search") for _p, k in got)


def test_mass_detentions_of_a_group_are_nobodys_detention() -> None:
    got = kinds("Olena Marchuk spoke in Kyiv. She condemned the mass detentions of Crimean Tatars in Simferopol.")
    assert not any(k == "detention" for _p, k in got)


def test_his_arrests_are_still_his() -> None:
    assert ("person:petro-hnatyuk", "arrest") in kinds("Petro Hnatyuk is a farmer. His arrests in May and June were "
                                                       "condemned.")


# --- a release asked for, torture allegations, inhuman treatment

def test_should_face_charges_or_be_released_is_no_release() -> None:
    got = kinds("Olena Marchuk and Petro Hnatyuk are in custody. The two defendants should face fair charges or be released.")
    assert not any(k == "release" for _p, k in got)


def test_was_released_is_still_a_release() -> None:
    assert ("person:olena-marchuk", "release") in kinds("Olena Marchuk was released on 3 May after ten days in custody.")


def test_torture_allegations_investigated_are_no_torture() -> None:
    got = kinds("The charges against Olena Marchuk should be withdrawn and all torture allegations investigated.")
    assert not any(k == "torture" for _p, k in got)


def test_subjected_to_inhuman_and_degrading_treatment_is_ill_treatment() -> None:
    assert ("person:olena-marchuk", "ill_treatment") in kinds(
        "Following her arrest, Olena Marchuk was subjected to inhuman and degrading treatment for two days.")
