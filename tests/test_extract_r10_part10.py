"""Round 10 (part10): relations between two ends the draft already holds."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

PEOPLE = "org:crimean-tatar-community-generic"


def _roles(ex, subject: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(c.object, str(c.qualifiers.get("role"))) for c in ex.claims
            if c.subject == subject and c.predicate == "PARTICIPANT_IN"]


def test_the_people_read_past_the_group_words_is_the_target() -> None:
    # "Crimea's ethnic Tatar minority": the group's words stop at "Tatar", the people's mention runs on
    text, ex = extract("Parliament condemned the discriminatory policies imposed by the so-called authorities against, "
                       "in particular, Crimea’s ethnic Tatar minority.")
    assert [r for _e, r in _roles(ex, PEOPLE)] == ["target"]
    check_quotes(text, ex.claims)


def test_the_people_listed_after_the_group_is_a_target() -> None:
    text, ex = extract("Media reports said Russian authorities in occupied Crimea continued to persecute and intimidate "
                       "minority religious congregations, Jehovah’s Witnesses, and Muslim Crimean Tatars.")
    events = {e for e, r in _roles(ex, "org:jehovahs-witnesses") if r == "target"}
    assert events and {e for e, r in _roles(ex, PEOPLE) if r == "target"} == events
    check_quotes(text, ex.claims)


def test_the_one_called_on_to_reverse_the_ban_made_it() -> None:
    body = ("We denounce the banning of the Mejlis, the self-governing body of the Crimean Tatars, and have called on "
            "Russia to reverse this illegal and immoral decision.")
    text, ex = extract(body)
    bans = [k for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Ban ")]
    assert len(bans) == 1
    perps = [c for c in ex.claims if c.object == bans[0] and c.qualifiers.get("role") == "perpetrator"]
    assert [c.subject for c in perps] == ["org:russian-federation"]
    assert perps[0].rule == "perpetrator:ban:reversal-call" and "to reverse this" in text[perps[0].span[0]:perps[0].span[1]]
    check_quotes(text, ex.claims)


def test_a_call_to_reverse_decisions_names_no_one_ban() -> None:
    # (a guard: a plural names a series of decisions, not the one ban)
    body = ("We denounce the banning of the Mejlis, the self-governing body of the Crimean Tatars, and have called on "
            "Russia to reverse these court decisions.")
    text, ex = extract(body)
    assert not [c for c in ex.claims if c.qualifiers.get("role") == "perpetrator"]


def test_the_court_whose_decision_banned_is_the_judge() -> None:
    body = ("Parliament strongly condemned the decision of the so-called Supreme Court of Crimea to ban the Mejlis of "
            "the Crimean Tatar People, and demanded its immediate reversal. The ban on the Mejlis will provide fertile "
            "ground for stigmatising the Crimean Tatars.")
    text, ex = extract(body)
    bans = [k for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Ban ")]
    assert len(bans) == 1
    judges = [c for c in ex.claims if c.object == bans[0] and c.qualifiers.get("role") == "judge"]
    assert [c.subject for c in judges] == ["org:supreme-court-of-crimea"]
    check_quotes(text, ex.claims)


def test_the_media_a_closure_names_are_its_targets() -> None:
    body = ("The United States strongly condemns the Russian occupation authorities’ shutdown of many major Crimean Tatar "
            "media outlets, including ATR TV, the last independent television station serving the Crimean Tatar "
            "community, as well as QHA news agency, and several others.")
    text, ex = extract(body)
    closures = [k for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Closure of")]
    assert len(closures) == 1
    targets = {c.subject for c in ex.claims if c.object == closures[0] and c.qualifiers.get("role") == "target"}
    assert {"org:crimean-tatar-media-generic", "org:atr", "org:qha"} <= targets
    check_quotes(text, ex.claims)


def test_the_list_after_including_ends_at_a_clause() -> None:
    body = ("Observers condemned the Russian occupation authorities’ shutdown of many major Crimean Tatar media outlets, "
            "including ATR TV, the last independent television station serving the Crimean Tatar community, "
            "which QHA news agency reported.")
    text, ex = extract(body)
    closures = [k for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Closure of")]
    targets = {c.subject for c in ex.claims if c.object in closures and c.qualifiers.get("role") == "target"}
    assert "org:atr" in targets and "org:qha" not in targets
    check_quotes(text, ex.claims)
