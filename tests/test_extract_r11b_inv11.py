"""Round 11b, inv11: the prosecutor's title "Prosecutor-General" before the name, the verbs "made the charge
against" / "accusing", and an organisation that is itself the defendant (a ban case), in the prosecutor rule."""

from __future__ import annotations

import pytest

from tests.extract_helpers import check_quotes, extract


def _prosecutes(body: str) -> tuple[str, set[tuple[str, str]], list]:
    text, ex = extract(body)
    claims = [c for c in ex.claims if c.predicate == "PROSECUTES"]
    return text, {(c.subject, c.object) for c in claims}, claims


def test_prosecutor_general_made_the_charge_against_a_defendant() -> None:
    text, got, claims = _prosecutes(
        "Mykola Semena was charged with calls for separatism. The region’s Prosecutor-General, Ivan Petrenko, "
        "officially made the charge against Semena on April 28, 2016.")
    assert ("person:ivan-petrenko", "case:mykola-semena") in got
    check_quotes(text, claims)


def test_prosecutor_general_accusing_an_organisation_that_is_the_defendant() -> None:
    text, ex = extract(
        "The Supreme Court of Crimea banned the Mejlis of the Crimean Tatar People as an extremist organisation. "
        "The court ruled in favour of a request by the so-called Prosecutor-General of Crimea, Ivan Petrenko, "
        "accusing the Mejlis of extremism.")
    cases = {c.subject: c.object for c in ex.claims if c.predicate == "DEFENDANT_IN"}
    assert "org:mejlis-of-the-crimean-tatar-people" in cases
    got = {(c.subject, c.object) for c in ex.claims if c.predicate == "PROSECUTES"}
    assert ("person:ivan-petrenko", cases["org:mejlis-of-the-crimean-tatar-people"]) in got
    check_quotes(text, [c for c in ex.claims if c.predicate == "PROSECUTES"])


@pytest.mark.parametrize("body", [
    # a prosecutor-general named, but the act is on somebody with no case
    "Mykola Semena was charged with calls for separatism. Prosecutor-General Ivan Petrenko, accusing Ukraine of "
    "provocations, spoke on Monday.",
    # the accused is the speaker, not the prosecutor's target
    "Mykola Semena was charged with calls for separatism. Ivan Petrenko, accusing Semena of lies, left the court.",
])
def test_near_misses(body: str) -> None:
    _text, got, _claims = _prosecutes(body)
    assert not {(s, o) for s, o in got if s == "person:ivan-petrenko"}
