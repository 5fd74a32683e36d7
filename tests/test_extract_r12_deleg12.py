"""Round 12, deleg12: a state's delegation is a body of its own (convention decision 5e), keyed by its state's
adjective and its forum, which states the statement its head names and speaks at the meeting. Made-up documents."""

from __future__ import annotations

from loaders.extract.government_statements import delegation_key
from tests.test_extract_r10_gov7 import _doc


def test_delegation_at_a_un_council_is_its_own_body_and_speaks() -> None:
    ex, claims = _doc("Statement of the delegation of Ukraine in the interactive dialogue on agenda item 2 of the "
                      "42nd session of the UN Human Rights Council\n\nMr. President,\n\nUkraine condemns the "
                      "searches of Crimean Tatar homes.\n")
    d = "org:ukrainian-delegation-to-the-un"
    assert ex.entities[d].label == "Organisation"
    assert "Delegation of Ukraine" not in ex.entities["org:ukraine"].aliases
    ev = next(o for s, p, o, _r in claims if s == d and p == "STATES")
    assert ("org:ukraine", "STATES", ev, "") in claims  # the state it speaks for states it too (decision 5d)
    assert any(s == d and p == "PARTICIPANT_IN" and r == "speaker" for s, p, _o, r in claims)
    assert not any(s == "org:ukraine" and r == "speaker" for s, _p, _o, r in claims)


def test_delegation_of_a_state_named_nowhere_else_states_alone() -> None:
    ex, claims = _doc("Statement of the Delegation of Moldova at the OSCE Permanent Council\n\nMr. Chairman,\n\n"
                      "The arrests of journalists in the occupied territories continue.\n")
    assert any(s == "org:moldovan-delegation-to-the-osce" and p == "STATES" for s, p, _o, _r in claims)
    assert not any(s == "org:moldova" and p == "STATES" for s, p, _o, _r in claims)


def test_delegation_keys() -> None:
    assert delegation_key("Ukraine", " to the OSCE") == "org:ukrainian-delegation-to-the-osce"
    assert delegation_key("United Kingdom", " to the Organization for Security and Co-operation in Europe") == \
        "org:uk-delegation-to-the-osce"
    assert delegation_key("Ukraine", " at the Security Council") == "org:ukrainian-delegation-to-the-un"
    assert delegation_key("Ukraine", " in Vienna") is None


def test_delegation_wordings_in_the_body_are_keyed_by_state_and_forum() -> None:
    for body, key in (("The Delegation of Moldova to the OSCE condemned the arrests.", "org:moldovan-delegation-to-the-osce"),
                      ("Georgia's delegation to the UN Human Rights Council raised the case.", "org:georgian-delegation-to-the-un"),
                      ("The UK Delegation to the OSCE said the detainees must be released.", "org:uk-delegation-to-the-osce"),
                      ("The Ukrainian delegation to the United Nations said so.", "org:ukrainian-delegation-to-the-un")):
        ex, _claims = _doc(f"A note\n\n{body}\n")
        assert ex.entities[key].label == "Organisation", body
        assert not any(k != key and "delegation" in k and k.startswith("org:") for k in ex.entities), body
