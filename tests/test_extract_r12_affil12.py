"""Round 12, affil12: affiliations and family ties from the grammar of English appositions and role phrases
(loaders/extract/affiliations.py, works_for.py, relations.py, org_frames.py), on made-up sentences in the shape
of each class."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

_AFF = ("LEADS", "MEMBER_OF", "WORKS_FOR")


def _found(body: str, preds: tuple[str, ...] = _AFF) -> set[tuple[str, str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.predicate, c.object) for c in ex.claims if c.predicate in preds}


def _kin(body: str) -> set[tuple[str, str]]:
    return {(s, o) for s, _p, o in _found(body, ("RELATIVE_OF",))}


R, E, S = "person:ruslan-abdullayev", "person:emir-seitov", "person:server-ametov"


def test_founders_and_other_heads_lead_the_body() -> None:
    # "X, the founder of ORG", "X, ORG's co-founder", "X, who founded ORG", "ORG, founded by X": since round 13
    # (conv13c MEMBER_OF (e)) a founder is MEMBER_OF with the title; "X, co-chair of ORG" heads it
    for body in ("Ruslan Abdullayev, the founder of Crimean Solidarity, said the trial was unfair.",
                 "Ruslan Abdullayev, Crimean Solidarity's co-founder, said the trial was unfair.",
                 "Ruslan Abdullayev, who founded Crimean Solidarity, said the trial was unfair.",
                 "Crimean Solidarity, founded by Ruslan Abdullayev, said the trial was unfair."):
        assert (R, "MEMBER_OF", "org:crimean-solidarity") in _found(body), body
    assert (R, "LEADS", "org:crimean-solidarity") in _found("Ruslan Abdullayev, co-chair of Crimean Solidarity, said the trial "
                                                           "was unfair.")
    # "found" as the past of "find" is no founding
    assert not _found("Judge Ruslan Abdullayev found Crimean Solidarity guilty.")


def test_more_role_nouns_of_members_and_staff() -> None:
    assert (R, "MEMBER_OF", "org:crimean-solidarity") in _found(
        "Ruslan Abdullayev, a human rights defender with Crimean Solidarity, was detained.")
    assert (R, "MEMBER_OF", "org:crimean-solidarity") in _found("Ruslan Abdullayev, a co-ordinator of Crimean Solidarity, was detained.")
    assert (R, "WORKS_FOR", "org:mejlis-of-the-crimean-tatar-people") in _found("Ruslan Abdullayev, the press secretary of the Mejlis, said so.")


def test_a_verb_that_puts_a_person_in_an_office() -> None:
    # "X was elected chairman of ORG", "X served as head of ORG", "X, who works as a lawyer for ORG"
    assert (R, "LEADS", "org:mejlis-of-the-crimean-tatar-people") in _found("Ruslan Abdullayev was elected chairman of the Mejlis in 2013.")
    assert (R, "LEADS", "org:memorial") in _found("Ruslan Abdullayev served as head of Memorial until 2013.")
    assert (R, "WORKS_FOR", "org:amnesty-international") in _found(
        "Ruslan Abdullayev, who works as a lawyer for Amnesty International, said the trial was unfair.")
    assert (R, "WORKS_FOR", "org:krym-realii") in _found("Ruslan Abdullayev works as a reporter at Krym.Realii.")


def test_a_staff_title_with_of_but_not_a_persons_counsel() -> None:
    assert (R, "WORKS_FOR", "org:crimean-solidarity") in _found("Ruslan Abdullayev, a lawyer of Crimean Solidarity, was detained.")
    found = _found("Ruslan Abdullayev, a lawyer of Mejlis leader Refat Chubarov, spoke.")
    assert not any(s == R for s, _p, _o in found)


def test_a_desk_before_the_title_and_the_body_after_it() -> None:
    # "X, deputy Europe and Central Asia director at Human Rights Watch", "X, Ukraine researcher at ORG"
    assert (R, "WORKS_FOR", "org:human-rights-watch") in _found(
        "Ruslan Abdullayev, deputy Europe and Central Asia director at Human Rights Watch, said so.")
    assert (R, "WORKS_FOR", "org:human-rights-watch") in _found(
        "Ruslan Abdullayev, Ukraine researcher at Human Rights Watch, said so.")
    assert (R, "WORKS_FOR", "org:amnesty-international") in _found(
        "Ruslan Abdullayev, deputy director for Eastern Europe and Central Asia at Amnesty International, said so.")


def test_coordinated_holders_each_get_the_title() -> None:
    # "X and Y, both members of ORG": two claims
    found = _found("Ruslan Abdullayev and Emir Seitov, both members of Crimean Solidarity, were detained on Monday.")
    assert {(R, "MEMBER_OF", "org:crimean-solidarity"), (E, "MEMBER_OF", "org:crimean-solidarity")} <= found
    # "A and B, <description> and deputy speakers of <description>, the Mejlis"
    found = _found("Ruslan Abdullayev and Emir Seitov, Crimean Tatar leaders and deputy speakers of the Crimean Tatar "
                   "parliament, the Mejlis.")
    assert {(R, "LEADS", "org:mejlis-of-the-crimean-tatar-people"), (E, "LEADS", "org:mejlis-of-the-crimean-tatar-people")} <= found
    # a singular title after two names is no plural title
    assert not _found("Ruslan Abdullayev and Emir Seitov, deputy head of the community's representative body, the Mejlis, "
                      "were freed.")


def test_a_chain_of_titles_and_coordinated_bodies() -> None:
    found = _found("Ruslan Abdullayev, Chairman of the Mejlis, President of the World Congress of Crimean Tatars and Member "
                   "of the Verkhovna Rada of Ukraine, spoke.")
    assert {(R, "LEADS", "org:mejlis-of-the-crimean-tatar-people"), (R, "LEADS", "org:world-congress-of-crimean-tatars"),
            (R, "MEMBER_OF", "org:verkhovna-rada")} <= found
    found = _found("Ruslan Abdullayev, a member of Crimean Solidarity and of the Mejlis, was detained.")
    assert (R, "MEMBER_OF", "org:mejlis-of-the-crimean-tatar-people") in found
    found = _found("Ruslan Abdullayev, a member of Memorial and Crimean Solidarity, spoke.")
    assert (R, "MEMBER_OF", "org:crimean-solidarity") in found
    # the second body begins another person's title: not the first person's
    found = _found("Ruslan Abdullayev, a member of Memorial and Crimean Solidarity activist Emir Seitov spoke.")
    assert (R, "MEMBER_OF", "org:crimean-solidarity") not in found


def test_kin_of_the_possessor_not_of_each_other() -> None:
    # "X's sons Y and Z": each of them is X's son, not the other's
    assert _kin("Ruslan Abdullayev's sons Emir Seitov and Server Ametov were detained.") == {(E, R), (S, R)}
    # "brothers X and Y" stay each other's
    assert _kin("The brothers Emir Seitov and Server Ametov were detained.") == {(E, S)}


def test_kin_with_a_copula_no_article_or_a_word_the_cue_list_lacks() -> None:
    assert (R, E) in _kin("Ruslan Abdullayev is the brother of Emir Seitov.")
    assert (R, E) in _kin("Ruslan Abdullayev is Emir Seitov's brother.")
    assert (R, E) in _kin("Ruslan Abdullayev, brother of Emir Seitov, was detained.")
    assert (E, R) in _kin("Ruslan Abdullayev's grandmother, Emir Seitov, was detained.")
    assert (E, R) in _kin("Ruslan Abdullayev's father-in-law, Emir Seitov, was detained.")


def test_one_of_the_holders_of_a_title() -> None:
    assert (R, "LEADS", "org:mejlis-of-the-crimean-tatar-people") in _found("Ruslan Abdullayev, one of the leaders of the Mejlis, was detained.")
    # (a founder is a member with the title since round 13, conv13c MEMBER_OF (e))
    assert (R, "MEMBER_OF", "org:crimean-solidarity") in _found("Ruslan Abdullayev is one of the founders of Crimean Solidarity.")


def test_a_chain_stops_at_the_next_person() -> None:
    found = _found("When addressing Ruslan Abdullayev, former Chairman of the Mejlis and Member of the Verkhovna Rada of Ukraine; "
                   "and Emir Seitov, Chairman of the Mejlis, President of the World Congress of Crimean Tatars, the Speaker spoke.")
    assert (E, "LEADS", "org:world-congress-of-crimean-tatars") in found
    assert (R, "LEADS", "org:world-congress-of-crimean-tatars") not in found


def test_the_bare_title_of_the_office_a_body_is_named_after() -> None:
    # "Crimea's Prosecutor-General, X" and "the Prosecutor-General's Office" in the same article
    found = _found("Crimea's Prosecutor-General, Ruslan Abdullayev, made the charge. The Prosecutor-General's Office announced it.")
    assert (R, "LEADS", "org:prosecutor-general-s-office") in found
    # a generic office apposed to a person: "the so-called Prosecutor-General of Crimea, X"
    found = _found("The so-called Prosecutor-General of Crimea, Ruslan Abdullayev, accused the Mejlis.")
    assert any(s == R and p == "LEADS" and "prosecutor" in o for s, p, o in found)


def test_a_person_of_an_outlet_is_its_staff() -> None:
    assert (R, "WORKS_FOR", "org:rferl") in _found("Ruslan Abdullayev of RFE/RL was detained.")
    assert (R, "WORKS_FOR", "org:krym-realii") in _found("Ruslan Abdullayev from Krym.Realii was detained.")
