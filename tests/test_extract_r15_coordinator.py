"""Round 15 (coordinator): the two passes that scanned every claim once per event now scan once per article."""

from __future__ import annotations

from types import SimpleNamespace

from loaders.extract.release_calls import called_only


def _c(subject: str, predicate: str, obj: str, rule: str) -> SimpleNamespace:
    return SimpleNamespace(subject=subject, predicate=predicate, object=obj, rule=rule)


def test_called_only_is_the_events_whose_every_participant_comes_from_a_call_to_release() -> None:
    claims = [
        _c("person:a", "PARTICIPANT_IN", "event:held-a", "acts:release-call"),
        _c("person:b", "PARTICIPANT_IN", "event:arrest-b", "acts:arrest"),
        _c("person:c", "PARTICIPANT_IN", "event:mixed", "acts:release-call"),
        _c("org:fsb", "PARTICIPANT_IN", "event:mixed", "acts:agent"),
        _c("event:held-a", "LOCATED_IN", "place:crimea", "acts:release-call"),
        _c("event:other", "PART_OF", "case:x", "event-case"),
    ]
    assert called_only(claims) == {"event:held-a"}
    assert called_only([]) == set()
