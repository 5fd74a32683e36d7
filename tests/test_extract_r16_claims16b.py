"""Round 16, claims16b: the classes audit16c saw on new articles and left (docs/extraction.md, "Round 16: claims16b"),
on made-up sentences in the shape of each class."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _said_by(ex, subject, event_part):  # type: ignore[no-untyped-def]
    return {c.asserted_by for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.subject == subject
            and event_part in c.object}


def _pairs(ex, pred):  # type: ignore[no-untyped-def]
    return {(c.subject, c.object) for c in ex.claims if c.predicate == pred}


def test_source_line_after_the_sentence_asserts_its_claims() -> None:
    # "This was reported by ORG." after what it reports: the organisation's claim, and its statement
    text, ex = extract("Russian security forces detained Ivan Petrenko in Simferopol on 3 May. This was reported by the "
                       "human rights organization Human Rights Watch.")
    assert _said_by(ex, "person:ivan-petrenko", "detention") == {"org:human-rights-watch"}
    assert any(s == "org:human-rights-watch" for s, _ in _pairs(ex, "STATES"))
    check_quotes(text, ex.claims)


def test_source_line_of_its_own_covers_the_paragraph_before() -> None:
    # "ORG reports." as a paragraph of its own, after the lead it covers
    text, ex = extract("Russian security forces detained Ivan Petrenko in Simferopol on 3 May.\n\nHuman Rights Watch "
                       "reports.\n\nOleh Koval was detained on 4 May.")
    assert _said_by(ex, "person:ivan-petrenko", "detention") == {"org:human-rights-watch"}
    assert _said_by(ex, "person:oleh-koval", "detention") == {None}  # told after the source line: not covered
    check_quotes(text, ex.claims)


def test_client_apposition_who_is_being_defended_by_the_lawyer() -> None:
    text, ex = extract("He was questioned in the trial of Ivan Petrenko, deputy head of the Mejlis, or council, who is "
                       "being defended by Oleh Koval.")
    assert ("person:oleh-koval", "person:ivan-petrenko") in _pairs(ex, "DEFENDS")
    check_quotes(text, ex.claims)


def test_lawyer_represented_a_described_list_of_clients() -> None:
    text, ex = extract("Oleh Koval represented Crimean Tatar activists Ivan Petrenko and Petro Bondar in court.")
    defends = _pairs(ex, "DEFENDS")
    assert {("person:oleh-koval", "person:ivan-petrenko"), ("person:oleh-koval", "person:petro-bondar")} <= defends
    check_quotes(text, ex.claims)


def test_brother_of_a_described_list_of_relatives() -> None:
    # a comma before the copula, a plural description, two names closing the clause
    text, ex = extract("Another detainee, Ivan Petrenko, is the brother of political prisoners Oleh Petrenko and Petro "
                       "Petrenko, sentenced to 12 and 13 years in prison.")
    kin = _pairs(ex, "RELATIVE_OF")
    assert {("person:ivan-petrenko", "person:oleh-petrenko"), ("person:ivan-petrenko", "person:petro-petrenko")} <= kin
    check_quotes(text, ex.claims)


def test_father_of_a_relative_with_two_titles() -> None:
    text, ex = extract("64-year-old Remzi Koval, father of Crimean Solidarity coordinator and civic journalist Olena Koval, "
                       "was put in a cell.")
    assert ("person:remzi-koval", "person:olena-koval") in _pairs(ex, "RELATIVE_OF")
    check_quotes(text, ex.claims)


def test_court_that_declared_an_organisation_extremist_judges_the_ban() -> None:
    # README conv13a: a court's ban is an event of its kind with the court as judge, not the court's statement
    text, ex = extract("The Supreme Court of Crimea declared the Mejlis of the Crimean Tatar People an \u201cextremist "
                       "organisation\u201d.")
    court = "org:supreme-court-of-crimea"
    assert not any(s == court for s, _ in _pairs(ex, "STATES"))
    assert any(c.subject == court and c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "judge"
               and c.object.endswith("-ban") for c in ex.claims)
    assert not any(c.asserted_by == court for c in ex.claims)
    check_quotes(text, ex.claims)


def test_correlative_both_means_no_people() -> None:
    # "both political and diplomatic pressure": a conjunction, not "both" for the two men named before
    text, ex = extract("Ivan Petrenko and Oleh Koval were sentenced in May. The ministry calls for both political and "
                       "diplomatic pressure on Russia to free all citizens of Ukraine, who are still illegally detained on "
                       "the territory of Russia.")
    assert not any("detention" in o for _, o in _pairs(ex, "PARTICIPANT_IN"))
    check_quotes(text, ex.claims)


def test_court_that_demands_to_lift_a_ban_is_not_its_judge() -> None:
    text, ex = extract("Russia ignores the order issued by the International Court of Justice demanding to lift the ban on "
                       "the activities of the Mejlis of the Crimean Tatar People.")
    assert not any(c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "judge" for c in ex.claims)
    check_quotes(text, ex.claims)


def test_court_asked_to_ban_is_not_the_bans_judge() -> None:
    # "asked the Supreme Court of Crimea to suspend ORG": the court judges the request, not (yet) a ban it decided
    text, ex = extract("The prosecutor asked the Supreme Court of Crimea to suspend the Mejlis of the Crimean Tatar People "
                       "as an extremist organization.")
    assert not any(c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "judge" and c.object.endswith("-ban")
                   for c in ex.claims)
    check_quotes(text, ex.claims)
