"""Round 16, audit16c: affiliations missed on new articles (docs/extraction.md, "Round 16: audit16c"), on made-up
sentences in the shape of the class."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _ties(ex, pred):  # type: ignore[no-untyped-def]
    return {(c.subject, c.object, c.qualifiers.get("role")) for c in ex.claims if c.predicate == pred}


def test_desk_head_with_a_unit_noun_works_for_the_body() -> None:
    # "X, director for Europe and Eurasia programs at ORG": the desk ends in a lowercase unit noun
    text, ex = extract("\u201cThe arrests must stop,\u201d said Ivan Petrenko, director for Europe and Central Asia programs "
                       "at Human Rights Watch.")
    assert ("person:ivan-petrenko", "org:human-rights-watch", "director for Europe and Central Asia programs") \
        in _ties(ex, "WORKS_FOR")
    check_quotes(text, ex.claims)


def test_desk_head_with_an_ampersand_works_for_the_body() -> None:
    text, ex = extract("\u201cThe arrests must stop,\u201d said Ivan Petrenko, director for Europe & Central Asia at "
                       "Human Rights Watch.")
    assert ("person:ivan-petrenko", "org:human-rights-watch", "director for Europe & Central Asia") in _ties(ex, "WORKS_FOR")
    check_quotes(text, ex.claims)


def test_programme_director_works_for_the_body() -> None:
    text, ex = extract("\u201cThe arrests must stop,\u201d said Olena Koval, Programme Director for Eurasia at "
                       "Human Rights Watch.")
    assert ("person:olena-koval", "org:human-rights-watch", "Programme Director for Eurasia") in _ties(ex, "WORKS_FOR")
    check_quotes(text, ex.claims)


def test_officer_of_the_release_states_the_bodys_statement() -> None:
    # one act of speaking (README, round-10 decision 2): the officer the release quotes states the body's statement
    text, ex = extract("Human Rights Watch issued the following statement: \u201cThe searches are an abuse of power,\u201d "
                       "said Ivan Petrenko, director for Europe and Central Asia programs at Human Rights Watch.")
    states = {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}
    events = {o for s, o in states if s == "org:human-rights-watch"}
    assert events and {("person:ivan-petrenko", e) for e in events} <= states
    assert len({o for _, o in states}) == 1
    check_quotes(text, ex.claims)


def test_a_dash_closes_the_list_before_the_membership_copula() -> None:
    text, ex = extract("Three detainees \u2014 Ivan Petrenko, Oleh Koval and Petro Bondar \u2014 are activists of the "
                       "Crimean Solidarity human rights initiative.")
    members = {s for s, o, _ in _ties(ex, "MEMBER_OF") if o == "org:crimean-solidarity"}
    assert members == {"person:ivan-petrenko", "person:oleh-koval", "person:petro-bondar"}
    check_quotes(text, ex.claims)


def test_a_civic_description_between_the_org_title_and_the_name() -> None:
    text, ex = extract("Notices were served to Crimean Solidarity coordinator and human rights defender Ivan Petrenko.")
    assert ("person:ivan-petrenko", "org:crimean-solidarity", "coordinator") in _ties(ex, "MEMBER_OF")
    check_quotes(text, ex.claims)


def test_a_pronoun_after_the_org_title_is_no_member() -> None:
    # (only a civic description may stand between: "Mejlis member and his brother X" makes the brother no member)
    text, ex = extract("Police searched the home of a Crimean Solidarity coordinator and his brother Ivan Petrenko.")
    assert not any(s == "person:ivan-petrenko" for s, _, _ in _ties(ex, "MEMBER_OF"))
