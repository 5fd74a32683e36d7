"""Round 15 (roles15): affiliations and family ties in the grammatical frames the rules missed.

Made-up sentences in the shape of each class; each test fails without its rule."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _facts(body: str, preds: tuple[str, ...] = ("LEADS", "MEMBER_OF", "WORKS_FOR", "RELATIVE_OF")) -> set[tuple[str, str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(ex.entities[c.subject].name, c.predicate, ex.entities[c.object].name) for c in ex.claims if c.predicate in preds}


MEJLIS = "Mejlis of the Crimean Tatar People"


def test_office_before_and_is_no_desk() -> None:
    """"X, a Ukrainian MP and head of ORG": a second title (LEADS), not a desk of ORG's staff."""
    facts = _facts("Lenur Seitov, a Ukrainian MP and head of the Mejlis, condemned the raid in Simferopol.")
    assert ("Lenur Seitov", "LEADS", MEJLIS) in facts
    assert ("Lenur Seitov", "WORKS_FOR", MEJLIS) not in facts


def test_adjective_before_staff_title() -> None:
    facts = _facts("Lenur Seitov, a prominent human rights lawyer with Crimean Solidarity, was detained in Simferopol.")
    assert ("Lenur Seitov", "WORKS_FOR", "Crimean Solidarity") in facts


def test_head_for_one_word_desk() -> None:
    """"ORG's associate director for Europe": a desk of one word after "for"."""
    facts = _facts("Anna Petrenko, Human Rights Watch's associate director for Europe, condemned the raid in Simferopol.")
    assert ("Anna Petrenko", "WORKS_FOR", "Human Rights Watch") in facts


def test_members_of_org_including() -> None:
    facts = _facts("Members of the Mejlis, including Lenur Seitov and Ayder Ibraimov, were detained in Simferopol.")
    assert {("Lenur Seitov", "MEMBER_OF", MEJLIS), ("Ayder Ibraimov", "MEMBER_OF", MEJLIS)} <= facts
    facts = _facts("Members of Hizb ut-Tahrir, including Lenur Seitov and Ayder Ibraimov, were sentenced in Rostov.")
    assert not any(p == "MEMBER_OF" for _s, p, _o in facts)


def test_first_title_of_an_unnamed_body() -> None:
    """"X, the former head of the district administration and deputy chairman of ORG"."""
    facts = _facts("Lenur Seitov, the former head of the Bakhchysarai district administration and deputy chairman of the "
                   "Mejlis, was detained.")
    assert ("Lenur Seitov", "LEADS", MEJLIS) in facts


def test_copula_with_adjective() -> None:
    facts = _facts("From 2010 to 2013, Lenur Seitov was an active member of Crimean Solidarity.")
    assert ("Lenur Seitov", "MEMBER_OF", "Crimean Solidarity") in facts
    assert not _facts("Lenur Seitov was not a member of Crimean Solidarity.")
    # (a quoted name after the body's kind: 'the independent trade union "Student Action"')
    facts = _facts('From 2010 to 2013, Lenur Seitov was an active member of the independent trade union "Student Action".')
    assert ("Lenur Seitov", "MEMBER_OF", "Student Action") in facts


def test_head_titles_of_staff_rules_lead() -> None:
    """A chief editor or an executive director heads the body (conv13c MEMBER_OF (e))."""
    facts = _facts("Anna Petrenko, Amnesty International Ukraine’s Executive Director, said the trial was unfair.")
    assert ("Anna Petrenko", "LEADS", "Amnesty International Ukraine") in facts
    assert not any(p == "WORKS_FOR" for _s, p, _o in facts)


def test_founder_of_is_member() -> None:
    facts = _facts("Lenur Seitov, one of the founders of Crimean Solidarity, was detained in Simferopol.")
    assert ("Lenur Seitov", "MEMBER_OF", "Crimean Solidarity") in facts
    assert ("Lenur Seitov", "LEADS", "Crimean Solidarity") not in facts


def test_relative_with_description_before_name() -> None:
    facts = _facts("Mumine Seitova, the wife of political prisoner Lenur Seitov, was detained in Simferopol.")
    assert ("Mumine Seitova", "RELATIVE_OF", "Lenur Seitov") in facts
    facts = _facts("The mother of Crimean Tatar activist Lenur Seitov, Mumine Seitova, was detained in Simferopol.")
    assert ("Mumine Seitova", "RELATIVE_OF", "Lenur Seitov") in facts
    assert not _facts("Mumine Seitova, the wife of a neighbour of Lenur Seitov, was detained in Simferopol.")


def test_permanent_representative_variants() -> None:
    for body in ("Ukraine condemned the raid. The Permanent Representative of Ukraine to the UN, Petro Kovalenko, said the "
                 "raid was illegal.",
                 "Ukraine condemned the raid. Ukraine's Permanent Representative to the United Nations Petro Kovalenko said "
                 "the raid was illegal.",
                 "Ukraine condemned the raid. Ukraine's Permanent Representative, Petro Kovalenko, said the raid was illegal."):
        assert ("Petro Kovalenko", "WORKS_FOR", "Ukraine") in _facts(body), body


def test_second_title_after_the_second_body() -> None:
    """"X, a member of ORG1 and a ORG2 coordinator": the second title follows the second body's name."""
    facts = _facts("Lenur Seitov, a member of the Mejlis and a Crimean Solidarity coordinator, was detained in Simferopol.")
    assert ("Lenur Seitov", "MEMBER_OF", MEJLIS) in facts
    assert ("Lenur Seitov", "MEMBER_OF", "Crimean Solidarity") in facts


def test_participle_opens_no_title() -> None:
    """"X, citing members of ORG, said": a clause after the name, not X's title."""
    assert not _facts("Lenur Seitov, citing members of the Mejlis, said the raid was illegal.")
    assert not _facts("Lenur Seitov, interviewing the head of the Mejlis, said the raid was illegal.")
    assert ("Lenur Seitov", "MEMBER_OF", "Crimean Solidarity") in _facts("Lenur Seitov, a founding member of Crimean Solidarity, said.")
