"""Round 11 (part11): claims between two ends the draft already holds, read from the sentence naming both."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

PEOPLE = "org:crimean-tatar-community-generic"


def _claims(ex, rule: str):  # type: ignore[no-untyped-def]
    return [c for c in ex.claims if c.rule == rule]


def test_the_community_whose_rights_a_ban_violated_is_its_target() -> None:
    body = ("The situation in the region has worsened. In particular, the rights of the Crimean Tatars have been "
            "severely violated through the banning of the activities of the Mejlis, their representative body.")
    text, ex = extract(body)
    bans = [k for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Ban ")]
    assert len(bans) == 1
    got = _claims(ex, "target:ban:community")
    assert [(c.subject, c.object, c.qualifiers.get("role")) for c in got] == [(PEOPLE, bans[0], "target")]
    check_quotes(text, ex.claims)


def test_the_community_only_named_beside_a_ban_is_not_its_target() -> None:
    # (a guard: the community is named, but nothing says the ban is done to it)
    body = ("The closure of the Mejlis, the representative body of the Crimean Tatars, was announced in April. "
            "Observers said the banning of the activities of the Mejlis was expected.")
    text, ex = extract(body)
    assert not _claims(ex, "target:ban:community")


def test_the_state_actor_that_persecutes_is_the_campaigns_perpetrator() -> None:
    body = ("Officials said that the Russian Federation continues using its anti-terrorist legislation as an "
            "instrument of political persecution of the Crimean Tatars.")
    text, ex = extract(body)
    got = _claims(ex, "perpetrator:campaign:actor")
    assert [(c.subject, c.qualifiers.get("role")) for c in got] == [("org:russian-federation", "perpetrator")]
    assert ex.entities[got[0].object].name.startswith("Persecution")
    check_quotes(text, ex.claims)


def test_the_state_called_on_to_end_a_persecution_is_not_named_its_author() -> None:
    # (a guard: the state is called on, not said to persecute)
    body = "The Netherlands urges the Russian Federation to end the persecution of Crimean Tatars."
    text, ex = extract(body)
    assert not _claims(ex, "perpetrator:campaign:actor")


def test_a_later_sentence_about_the_articles_one_ban_can_name_its_target() -> None:
    body = ("We are concerned about the decision to ban the Mejlis of the Crimean Tatar People. The Mejlis is a "
            "traditional body of the Crimean Tatar community, and a ban on its activities is a harsh measure targeting "
            "the whole Crimean Tatar community.")
    text, ex = extract(body)
    got = _claims(ex, "target:ban:community")
    assert [(c.subject, c.qualifiers.get("role")) for c in got] == [(PEOPLE, "target")]
    assert "targeting" in text[got[0].span[0]:got[0].span[1]]
    check_quotes(text, ex.claims)


def test_the_state_actor_after_by_is_the_campaigns_perpetrator() -> None:
    body = ("The resolution condemns abuses and practices of discrimination against the residents of occupied Crimea, "
            "including Crimean Tatars, by the Russian occupation authorities.")
    text, ex = extract(body)
    got = _claims(ex, "perpetrator:campaign:actor")
    assert [(c.subject, c.qualifiers.get("role")) for c in got] == [("org:russian-occupation-authorities", "perpetrator")]
    check_quotes(text, ex.claims)
