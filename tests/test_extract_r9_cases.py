"""Round 9 case and procedural-act rules, on made-up sentences: a list of prison terms with the verb left
out, the charges "of" a crime "against" several defendants, "who was convicted of" after a long apposition,
a charge that should be brought (none reported), and raids an agency did on places of people unnamed."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _facts(body: str) -> tuple[set[tuple[str, str, str]], dict[str, str]]:
    """(subject, predicate, object kind or key) of the claims, and each event's kind."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    kinds = {k: str(e.attributes.get("kind")) for k, e in ex.entities.items() if e.label == "Event"}
    return {(c.subject, c.predicate, kinds.get(c.object, c.object)) for c in ex.claims}, kinds


def test_a_list_of_prison_terms_with_the_verb_left_out_gives_each_defendant_a_verdict_and_a_case() -> None:
    body = ("Ruslan Mesutov was sentenced to 19 years in prison, Dilyaver Ganiyev to 18 years, Lenur Kadyrov and "
            "Eskender Bariyev to 12 years each, and Rustem Ismailov to eight years.")
    facts, _ = _facts(body)
    for who in ("ruslan-mesutov", "dilyaver-ganiyev", "lenur-kadyrov", "eskender-bariyev", "rustem-ismailov"):
        assert (f"person:{who}", "PARTICIPANT_IN", "verdict") in facts, who
        assert (f"person:{who}", "DEFENDANT_IN", f"case:{who}") in facts, who


def test_a_term_list_stops_where_the_clause_has_a_verb_of_its_own() -> None:
    facts, _ = _facts("Ruslan Mesutov was sentenced to 19 years in prison, Lenur Kadyrov to 18 years, and Dilyaver Ganiyev "
                      "was released.")
    assert ("person:lenur-kadyrov", "PARTICIPANT_IN", "verdict") in facts
    assert ("person:dilyaver-ganiyev", "PARTICIPANT_IN", "verdict") not in facts
    assert not any(s == "person:dilyaver-ganiyev" and p == "DEFENDANT_IN" for s, p, _o in facts)


def test_the_charges_of_a_crime_against_a_defendant_and_his_co_defendant() -> None:
    body = ("The charges of terrorism against Ukrainian theatre director Bohdan Kovalenko and his co-defendant, "
            "ecologist Taras Melnyk, are excessive.")
    facts, _ = _facts(body)
    for who in ("bohdan-kovalenko", "taras-melnyk"):
        assert (f"person:{who}", "DEFENDANT_IN", f"case:{who}") in facts, who
        assert (f"person:{who}", "ACCUSED_OF", f"case:{who}") in facts, who


def test_who_was_convicted_after_a_long_apposition_is_the_sentence_s_one_person() -> None:
    body = ("Bohdan Kovalenko (born 3 May 1988) is a Ukrainian left-wing student organiser and trade union activist, "
            "antifascist, anarchist, ecologist, and amateur archaeologist, who was convicted of terrorism by a Russian court in 2015.")
    facts, _ = _facts(body)
    assert ("person:bohdan-kovalenko", "DEFENDANT_IN", "case:bohdan-kovalenko") in facts
    assert ("person:bohdan-kovalenko", "ACCUSED_OF", "case:bohdan-kovalenko") in facts
    assert ("person:bohdan-kovalenko", "PARTICIPANT_IN", "verdict") in facts


def test_charges_someone_should_face_are_no_charge_reported() -> None:
    facts, _ = _facts("The two witnesses, Bohdan Kovalenko and Taras Melnyk, should face appropriate charges or be released.")
    assert not any(p in ("DEFENDANT_IN", "ACCUSED_OF") for _s, p, _o in facts)


def test_an_agency_that_raided_homes_and_mosques_of_people_unnamed_did_one_search() -> None:
    facts, kinds = _facts("Russian authorities have raided mosques and homes and expelled independent media.")
    searches = [k for k, v in kinds.items() if v == "search"]
    assert len(searches) == 1
    assert ("org:russian-authorities", "PARTICIPANT_IN", "search") in facts
    # the offices of a named body are that body's search (acts.find_acts), not a raid on places of people unnamed
    _facts_, kinds = _facts("FSB officers raided offices of the Mejlis in Simferopol.")
    assert len([k for k, v in kinds.items() if v == "search"]) == 1


def test_a_number_of_men_means_the_people_a_list_of_prison_terms_names() -> None:
    body = ("The six men were arrested in 2016 and convicted in 2019. Ruslan Mesutov was sentenced to 19 years in prison, "
            "Dilyaver Ganiyev to 18 years, Lenur Kadyrov and Eskender Bariyev to 12 years each, Rustem Ismailov to eight "
            "years and Server Kadyrov to seven years.")
    facts, _ = _facts(body)
    for who in ("ruslan-mesutov", "dilyaver-ganiyev", "lenur-kadyrov", "eskender-bariyev", "rustem-ismailov", "server-kadyrov"):
        assert (f"person:{who}", "PARTICIPANT_IN", "arrest") in facts, who


def test_the_witnesses_a_hearing_hears_are_its_witnesses_at_one_hearing() -> None:
    body = ("Concerns arose during the court hearing on 30 July, after the prosecution’s two key witnesses, Bohdan "
            "Kovalenko and Taras Melnyk, refused to testify against the defendants.")
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    hearings = {c.object for c in ex.claims if c.predicate == "PARTICIPANT_IN"
                and ex.entities[c.object].attributes.get("kind") == "hearing"}
    assert len(hearings) == 1
    roles = {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.object in hearings}
    assert roles == {("person:bohdan-kovalenko", "witness"), ("person:taras-melnyk", "witness")}


def test_a_case_opened_against_a_list_of_people_is_a_case_each() -> None:
    facts, _ = _facts("A criminal case was opened against Ruslan Mesutov, Dilyaver Ganiyev and Lenur Kadyrov.")
    for who in ("ruslan-mesutov", "dilyaver-ganiyev", "lenur-kadyrov"):
        assert (f"person:{who}", "DEFENDANT_IN", f"case:{who}") in facts, who


def test_the_detention_of_a_list_of_people_extended_makes_each_a_defendant() -> None:
    facts, _ = _facts("The court extended the detention of Ruslan Mesutov, Dilyaver Ganiyev, Lenur Kadyrov and Eskender "
                      "Bariyev until 15 May.")
    for who in ("ruslan-mesutov", "dilyaver-ganiyev", "lenur-kadyrov", "eskender-bariyev"):
        assert (f"person:{who}", "DEFENDANT_IN", f"case:{who}") in facts, who


def test_prosecuted_under_an_article_is_a_charge() -> None:
    facts, _ = _facts("Ruslan Mesutov is being prosecuted under Article 205.5 of the Russian Criminal Code.")
    assert ("person:ruslan-mesutov", "ACCUSED_OF", "case:ruslan-mesutov") in facts


def test_a_prisoner_of_conscience_or_an_imprisoned_film_director_is_the_defendant_of_a_case() -> None:
    facts, _ = _facts("Activists picketed in support of prisoner of conscience Taras Melnyk outside the court.")
    assert ("person:taras-melnyk", "DEFENDANT_IN", "case:taras-melnyk") in facts
    facts, _ = _facts("We worry about the welfare of imprisoned Crimean film director Bohdan Kovalenko.")
    assert ("person:bohdan-kovalenko", "DEFENDANT_IN", "case:bohdan-kovalenko") in facts
    facts, _ = _facts("The resolution names political prisoners Ruslan Mesutov, Dilyaver Ganiyev and Lenur Kadyrov.")
    for who in ("ruslan-mesutov", "dilyaver-ganiyev", "lenur-kadyrov"):
        assert (f"person:{who}", "DEFENDANT_IN", f"case:{who}") in facts, who
