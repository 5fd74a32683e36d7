"""Round 11b (loc11b): an act is not placed by a place of the speaker's other clause
(loaders/extract/event_places.py, ``_in_sentence``)."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _located(body: str) -> tuple[set[tuple[str, str]], object]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}, ex


def test_speakers_second_verb_opens_its_own_clause() -> None:
    located, ex = _located("The Council does not accept the application of Russian law in Crimea and Sevastopol and "
                           "expects all illegally detained Ukrainians to be released at once.")
    events = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "detention"]
    assert events
    assert not any(s in events for s, _o in located)


def test_an_act_of_the_next_sentence_is_not_placed_by_the_search_before() -> None:
    located, ex = _located("Police officers searched the home of Enver Ametov in Bakhchysarai. "
                           "Lenur Aliyev was detained on the same day.")
    assert ("event:enver-ametov-search", "place:bakhchysarai") in located
    assert not any(s == "event:lenur-aliyev-detention" for s, _o in located)
