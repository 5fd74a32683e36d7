"""Round 15, follow15: follow-ups on acts and events, on made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _events(ex, kind):  # type: ignore[no-untyped-def]
    return {k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == kind}


def _roles(ex, ev):  # type: ignore[no-untyped-def]
    return {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object == ev}


def test_the_term_of_a_persons_detention_extended() -> None:
    for body in ("The court extended the term of Ivan Petrenko's detention until 5 May.",
                 "On 3 March the court prolonged the period of Ivan Petrenko's custody by two months."):
        text, ex = extract(body)
        assert _events(ex, "detention_extension") == {"event:ivan-petrenko-detention-extension"}, body
        assert not _events(ex, "detention"), body
        check_quotes(text, ex.claims)


def test_detained_following_raids() -> None:
    text, ex = extract("Ivan Petrenko and Oleh Koval were detained by the FSB following raids in Bakhchysarai on 5 May.")
    assert _events(ex, "search") == {"event:ivan-petrenko-search", "event:oleh-koval-search"}
    assert ("org:fsb", "perpetrator") in _roles(ex, "event:ivan-petrenko-search")
    check_quotes(text, ex.claims)


def test_named_sanctions_with_the_participle_of_imposing() -> None:
    text, ex = extract("Lithuania stands for the continuation of EU sanctions introduced against Russia after the occupation.")
    [ev] = [k for k in _events(ex, "other") if "sanctions" in k]
    assert {("org:european-union", "organiser"), ("org:russian-federation", "target")} <= _roles(ex, ev)
    check_quotes(text, ex.claims)


def test_the_group_subjected_to_a_campaign_is_its_target() -> None:
    text, ex = extract("And since then, the Kremlin has subjected Crimeans to a campaign of brutalization and repression.")
    [ev] = [k for k in _events(ex, "other") if "persecution" in k]
    assert ("org:crimean-people-generic", "target") in _roles(ex, ev)
    assert ("org:russian-federation", "perpetrator") in _roles(ex, ev)
    check_quotes(text, ex.claims)


def test_forced_citizenship_in_crimea_has_the_corpus_key() -> None:
    text, ex = extract("Russia continues the forced imposition of Russian citizenship on the residents of occupied Crimea.")
    assert "event:crimea-forced-russian-citizenship" in ex.entities
    assert "event:forced-imposition-of-russian-citizenship" not in ex.entities
    check_quotes(text, ex.claims)


def test_forced_citizenship_elsewhere_keeps_its_draft_key() -> None:
    _text, ex = extract("Russia continues the forced imposition of Russian citizenship in occupied Kherson.")
    assert "event:crimea-forced-russian-citizenship" not in ex.entities


def test_a_back_reference_with_the_other_word_is_the_same_event() -> None:
    # (README conv14b point 3: "Following his arrest" after "his detention ... on 12 December" is that detention)
    text, ex = extract("Ivan Petrenko has been held in Simferopol since his detention by Russian security forces on "
                       "12 December 2018. He is a wheelchair user. Following his arrest, Ivan Petrenko was subjected to "
                       "inhuman and degrading treatment.")
    assert _events(ex, "detention") == {"event:ivan-petrenko-detention"}
    assert not _events(ex, "arrest")
    check_quotes(text, ex.claims)


def test_an_arrest_with_its_own_date_stays_a_second_act() -> None:
    _text, ex = extract("Ivan Petrenko had been detained multiple times before his arrest on 12 February 2016.")
    assert _events(ex, "arrest") == {"event:ivan-petrenko-arrest"}


def test_a_hunger_strike_in_a_second_relative_clause() -> None:
    text, ex = extract("The Ministry expresses deep concern over the health of the Ukrainian citizen Ivan Petrenko, who has "
                       "been illegally detained on politically motivated charges on the temporarily occupied territory of the "
                       "Autonomous Republic of Crimea, and who has announced a hunger strike in protest against this "
                       "arbitrariness.")
    assert ("person:ivan-petrenko", "participant") in _roles(ex, "event:ivan-petrenko-hunger-strike")
    check_quotes(text, ex.claims)
