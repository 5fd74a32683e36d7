"""Round 10 criminal-procedure rules (proc10), on made-up sentences: confinement in a psychiatric institution is a
detention (a step of the person's case), a pronoun in a speaker's own quotation is not the speaker, the pronoun of a
fronted clause is its subject's ("Speaking at his trial, X said"), an appeal the defendant vows, a suspended sentence
of N years, and a media outlet's premises searched ("raided its newsroom", "search of Crimean Tatar "QHA" station")."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _facts(body: str) -> tuple[set[tuple[str, str, str, str]], dict[str, str]]:
    """(subject, predicate, object kind or key, role) of the claims, and each event's kind."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    kinds = {k: str(e.attributes.get("kind")) for k, e in ex.entities.items() if e.label == "Event"}
    return {(c.subject, c.predicate, kinds.get(c.object, c.object), str(c.qualifiers.get("role") or ""))
            for c in ex.claims}, kinds


def test_confinement_in_a_psychiatric_institution_is_a_detention_of_the_defendant_s_case() -> None:
    facts, _ = _facts("Bohdan Kovalenko was sentenced to two years in a penal colony. During the pre-trial investigation, "
                      "Bohdan Kovalenko was confined in a psychiatric institution for three weeks to undergo a forced examination.")
    assert ("person:bohdan-kovalenko", "PARTICIPANT_IN", "detention", "target") in facts
    assert any(s.startswith("event:") and p == "PART_OF" and o == "case:bohdan-kovalenko" and "detention" in s
               for s, p, o, _r in facts)


def test_a_pronoun_in_the_speaker_s_own_quotation_is_somebody_else() -> None:
    facts, _ = _facts("Bohdan Kovalenko was sentenced to two years. “This compounds past injustices in the case,” said "
                      "spokesperson Taras Melnyk, “including his confinement for several weeks of punitive psychiatric "
                      "treatment in 2016.”")
    assert ("person:bohdan-kovalenko", "PARTICIPANT_IN", "detention", "target") in facts
    assert not any(s == "person:taras-melnyk" and p == "PARTICIPANT_IN" for s, p, _o, _r in facts)


def test_the_pronoun_of_a_fronted_clause_is_the_subject_after_the_comma() -> None:
    facts, _ = _facts("Human rights defender Taras Melnyk condemned the charges. Speaking at his trial, Bohdan Kovalenko "
                      "said that the charges against him were false.")
    assert ("person:bohdan-kovalenko", "PARTICIPANT_IN", "trial", "target") in facts
    assert not any(s == "person:taras-melnyk" and p == "PARTICIPANT_IN" for s, p, _o, _r in facts)


def test_an_appeal_the_defendant_vows_is_no_event() -> None:
    # (round 13, README conv13d point 3: a vowed appeal is a plan, not an event; it was his own act until then)
    _facts_, kinds = _facts("Bohdan Kovalenko was sentenced to two years. He vowed to appeal his sentence all the way to the "
                            "European Court of Human Rights.")
    assert "appeal" not in kinds.values()
    # (vowed by his defence team, no event either)
    _other, kinds = _facts("Bohdan Kovalenko was sentenced to two years. His defence team has vowed to appeal his sentence.")
    assert "appeal" not in kinds.values()


def test_a_suspended_sentence_of_some_years_is_a_verdict() -> None:
    facts, _ = _facts("Last week, the same court handed journalist Bohdan Kovalenko a two-and-a-half-year suspended prison "
                      "sentence.")
    assert ("person:bohdan-kovalenko", "PARTICIPANT_IN", "verdict", "target") in facts


def test_forces_that_raided_its_newsroom_searched_the_outlet_the_sentence_is_about() -> None:
    facts, _ = _facts("QHA has previously been harassed by the authorities - it was warned for extremism, and a group "
                      "of unidentified masked men raided its newsroom in January 2015.")
    assert ("org:qha", "PARTICIPANT_IN", "search", "target") in facts


def test_a_search_of_a_media_outlet_named_with_words_before_it() -> None:
    facts, kinds = _facts("The arrest was preceded by the Russian security services’ search of Crimean Tatar \"QHA\" news "
                          "agency in Simferopol.")
    assert ("org:qha", "PARTICIPANT_IN", "search", "target") in facts
    search = next(k for k, v in kinds.items() if v == "search")
    assert (search, "LOCATED_IN", "place:simferopol", "") in facts


def test_his_five_co_defendants_are_the_others_of_the_article_s_list_that_names_him() -> None:
    facts, kinds = _facts("The Military Court of Appeals upheld the conviction of Bohdan Kovalenko and his two co-defendants on "
                          "25 June. Taras Melnyk was sentenced to 19 years in prison, Ruslan Mesutov to 18 years and Bohdan "
                          "Kovalenko to 12 years.")
    for who in ("bohdan-kovalenko", "taras-melnyk", "ruslan-mesutov"):
        assert (f"person:{who}", "PARTICIPANT_IN", "appeal", "target") in facts, who
        assert (f"event:{who}-appeal", "PART_OF", f"case:{who}", "") in facts, who
    # (a count that fits no list of the article: nobody guessed)
    facts, _ = _facts("The court upheld the conviction of Bohdan Kovalenko and his five co-defendants. Taras Melnyk was "
                      "sentenced to 19 years in prison and Bohdan Kovalenko to 12 years.")
    assert ("person:taras-melnyk", "PARTICIPANT_IN", "appeal", "target") not in facts
