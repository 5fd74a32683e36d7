"""Round 14, align14a: README conv14b point 5. A protest the text tells through an act on its people ("detained for
picketing", "abducted while attending a demonstration") is an event of kind ``other`` with its people in it, and the
act is ``LINKED_TO`` it (not ``PART_OF``)."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _protests(ex):  # type: ignore[no-untyped-def]
    return {k: e for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Protest by")}


def test_detained_for_picketing_makes_the_picket_and_links_the_detention() -> None:
    text, ex = extract("In May, police detained activist Ivan Petrenko for five days for picketing outside the city court "
                       "in Simferopol.")
    protests = _protests(ex)
    assert len(protests) == 1
    [pr] = protests
    assert ex.entities[pr].attributes.get("kind") == "other"
    roles = {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object == pr}
    assert roles == {("person:ivan-petrenko", "organiser")}
    links = [c for c in ex.claims if c.object == pr and c.predicate == "LINKED_TO"]
    assert links and all((ex.entities[c.subject].attributes or {}).get("kind") == "detention" for c in links)
    assert not any(c.predicate == "PART_OF" and pr in (c.subject, c.object) for c in ex.claims)
    check_quotes(text, ex.claims)


def test_abducted_while_attending_a_demonstration() -> None:
    text, ex = extract("Ivan Petrenko, 41, was abducted while attending a demonstration last March.")
    [pr] = _protests(ex)
    assert ("person:ivan-petrenko", "participant") in {
        (c.subject, c.qualifiers.get("role")) for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object == pr}
    assert any(c.predicate == "LINKED_TO" and c.object == pr for c in ex.claims)
    check_quotes(text, ex.claims)


def test_no_protest_without_the_gerund_after_for_or_while() -> None:
    _text, ex = extract("In May, police detained activist Ivan Petrenko, who later joined a protest in Kyiv.")
    assert not any(c.predicate == "LINKED_TO" and c.object in _protests(ex) for c in ex.claims)
