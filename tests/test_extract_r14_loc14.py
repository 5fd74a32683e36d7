"""Round 14 (loc14): LOCATED_IN for a campaign placed by the sentence before, and for an act whose agent's mention
holds the place ("Russian authorities in occupied Crimea continued to persecute ...")."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _places(body: str) -> tuple[str, set[tuple[str, str, str]]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return text, {(c.subject, c.object, c.rule) for c in ex.claims if c.predicate == "LOCATED_IN"}


def test_campaign_placed_by_the_sentence_before() -> None:
    # the campaign's sentence names no place; the sentence before, in the same paragraph, says "in Crimea"
    _text, places = _places("The raids undermine the freedom of the press in Crimea. They follow a long campaign to silence "
                            "the Crimean Tatar community.")
    assert ("event:persecution-of-crimean-tatars", "place:crimea", "campaign-crimea-before") in places


def test_campaign_not_placed_across_a_paragraph_or_by_a_place_left() -> None:
    _text, places = _places("The raids undermine the freedom of the press in Crimea.\n\nThey follow a long campaign to "
                            "silence the Crimean Tatar community.")
    assert not any(s == "event:persecution-of-crimean-tatars" for s, _o, _r in places)
    _text, places = _places("Many journalists were forced to flee from Crimea. They follow a long campaign to silence "
                            "the Crimean Tatar community.")
    assert not any(s == "event:persecution-of-crimean-tatars" for s, _o, _r in places)


def test_campaign_sentence_with_its_own_place_is_not_placed_by_the_one_before() -> None:
    _text, places = _places("The raids undermine the freedom of the press in Crimea. In Kyiv they follow a long campaign to "
                            "silence the Crimean Tatar community.")
    assert ("event:persecution-of-crimean-tatars", "place:crimea", "campaign-crimea-before") not in places


def test_agent_mention_holding_its_place() -> None:
    _text, places = _places("The annual report covers Crimea.\n\nRights groups said Russian authorities in occupied Crimea "
                            "continued to persecute Jehovah’s Witnesses.")
    assert ("event:persecution-of-jehovah-s-witnesses", "place:crimea", "event-agent-place") in places


def test_agent_mention_with_a_clause_between_places_nothing() -> None:
    _text, places = _places("The annual report covers Crimea.\n\nRights groups said Russian authorities in occupied Crimea "
                            "said they persecute Jehovah’s Witnesses.")
    assert not any(s == "event:persecution-of-jehovah-s-witnesses" for s, _o, _r in places)
