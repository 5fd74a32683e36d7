"""Round 9 case and act rules of the second wave (`cases2`), on made-up sentences: a detention word that names a
place, goods transferred, a state inside an agency's name, the person named after a nominal act's "of",
"convicted in DATE under", a dash apposition before "guilty", a second accused after "and", "Like X, he ...",
organisations banned in apposition or by a decision, a quoted referendum."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _facts(body: str) -> tuple[set[tuple[str, str, str]], dict[str, str]]:
    """(subject, predicate, object kind or key) of the claims, and each event's kind."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    kinds = {k: str(e.attributes.get("kind")) for k, e in ex.entities.items() if e.label == "Event"}
    return {(c.subject, c.predicate, kinds.get(c.object, c.object)) for c in ex.claims}, kinds


def test_a_detention_centre_is_a_place_not_a_detention() -> None:
    facts, kinds = _facts("Bohdan Kovalenko and Taras Melnyk were transferred from pre-trial detention centre in Kursk "
                          "to the city of Voronezh to face a military court.")
    assert "detention" not in kinds.values()
    assert ("person:bohdan-kovalenko", "PARTICIPANT_IN", "other") in facts  # the transfer stays


def test_who_remains_held_in_a_detention_centre_is_detained() -> None:
    _facts_, kinds = _facts("Presently, Bohdan Kovalenko remains incarcerated in the Kursk pre-trial detention center on "
                            "charges of high treason.")
    assert "detention" in kinds.values()


def test_visited_in_detention_is_no_detention() -> None:
    _f, kinds = _facts("It was reported that Bohdan Kovalenko had been visited in detention by members of the security "
                       "services.")
    assert "detention" not in kinds.values()


def test_a_transfer_of_goods_is_no_transfer_of_a_person() -> None:
    _f, kinds = _facts("Bohdan Kovalenko has been accused of possession and transfer of explosives and ammunition.")
    assert "other" not in kinds.values()


def test_a_state_inside_an_agencys_name_is_no_perpetrator() -> None:
    facts, _ = _facts("On 3 May 2018, officers of the Federal Security Service of the Russian Federation conducted a "
                      "search in the house of Bohdan Kovalenko.")
    assert ("org:fsb", "PARTICIPANT_IN", "search") in facts
    assert not any(s == "org:russian-federation" and p == "PARTICIPANT_IN" for s, p, _o in facts)


def test_the_person_after_of_is_the_one_detained_not_one_named_just_before() -> None:
    facts, _ = _facts("Following yesterday’s arrest of prominent lawyer Bohdan Kovalenko in Kursk, the detention of Taras "
                      "Melnyk is the second in two days.")
    assert ("person:bohdan-kovalenko", "PARTICIPANT_IN", "arrest") in facts
    assert ("person:taras-melnyk", "PARTICIPANT_IN", "detention") in facts
    assert ("person:bohdan-kovalenko", "PARTICIPANT_IN", "detention") not in facts


def test_convicted_on_a_date_under_charges_accuses_the_men_named() -> None:
    facts, _ = _facts("On 3 May, the court upheld the sentences of Bohdan Kovalenko and his co-defendants. The four men "
                      "were arrested in 2016 and convicted in November 2019 under trumped-up terrorism-related charges. "
                      "Taras Melnyk was sentenced to 19 years in prison, Petro Savchuk to 18 years, Ostap Hnatiuk and "
                      "Bohdan Kovalenko to 12 years each.")
    for who in ("taras-melnyk", "petro-savchuk", "ostap-hnatiuk", "bohdan-kovalenko"):
        assert (f"person:{who}", "ACCUSED_OF", f"case:{who}") in facts, who


def test_a_dash_apposition_before_guilty_of() -> None:
    facts, _ = _facts("The Kursk District Court found Bohdan Kovalenko - the deputy leader of the teachers’ now-banned "
                      "union - guilty of making “public calls for separatism” and sentenced him to two years.")
    assert ("person:bohdan-kovalenko", "ACCUSED_OF", "case:bohdan-kovalenko") in facts


def test_accused_a_of_one_thing_and_b_of_another() -> None:
    facts, _ = _facts("At the trial, the prosecution accused Bohdan Kovalenko of creating a terrorist organization and "
                      "organizing attacks, and Taras Melnyk of committing terrorist acts.")
    for who in ("bohdan-kovalenko", "taras-melnyk"):
        assert (f"person:{who}", "ACCUSED_OF", f"case:{who}") in facts, who


def test_like_x_he_is_somebody_else() -> None:
    facts, _ = _facts("Last week, the same court handed journalist Taras Melnyk a suspended prison sentence. Like Bohdan "
                      "Kovalenko, he was accused of threatening the territorial integrity of the state on account of "
                      "his articles.")
    assert ("person:taras-melnyk", "ACCUSED_OF", "case:taras-melnyk") in facts
    assert ("person:bohdan-kovalenko", "DEFENDANT_IN", "case:bohdan-kovalenko") not in facts


def test_a_body_banned_in_apposition_and_by_a_decision() -> None:
    facts, _ = _facts("The authorities have jailed community leaders, banned their representative body, Mejlis, and "
                      "stifled the media.")
    assert ("org:mejlis-of-the-crimean-tatar-people", "PARTICIPANT_IN", "other") in facts
    facts, _ = _facts("We are concerned about the decision to ban the Mejlis of the Crimean Tatar people.")
    assert ("org:mejlis-of-the-crimean-tatar-people", "PARTICIPANT_IN", "other") in facts


def test_a_call_to_ban_is_no_ban() -> None:
    _f, kinds = _facts("The prosecutor called to ban the Mejlis of the Crimean Tatar people.")
    assert not kinds


def test_a_quoted_sham_referendum_in_a_place() -> None:
    facts, _ = _facts("The minister also referred to the “sham referendum” in Crimea and challenged the statistics.")
    assert ("event:referendum-in-crimea", "LOCATED_IN", "place:crimea") in facts


def test_the_accusation_phrase_is_not_stopped_by_a_semicolon_of_the_sentence_before() -> None:
    text, ex = extract("Bohdan Kovalenko (nicknamed Bodya; born 26 June 1976) is a Ukrainian teacher. In 2016, he was "
                       "arrested over accusations that he planned acts of sabotage.")
    check_quotes(text, ex.claims)
    assert any(c.subject == "person:bohdan-kovalenko" and c.predicate == "ACCUSED_OF" and c.rule == "case:accusations"
               for c in ex.claims)
