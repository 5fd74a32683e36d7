"""Acts an agency subjects a group to (issue 20, loaders/extract/subjections.py): imprisonment or detention is a
``detention``, a campaign of repression the group's persecution (``other``); the agency is the perpetrator.
Made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def events(body: str) -> dict[tuple[str, str], set[str]]:
    """(event name, kind) -> perpetrators."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(e.name, str(e.attributes.get("kind"))): {c.subject for c in ex.claims if c.object == k
                                                      and c.qualifiers.get("role") == "perpetrator"}
            for k, e in ex.entities.items() if e.label == "Event"}


def test_subjected_to_imprisonment_and_detention_is_a_detention() -> None:
    evs = events("In 2031 the FSB continued to subject Muslim Crimean Tatars to imprisonment and detention.")
    assert evs[("Detention of Crimean Tatars", "detention")] == {"org:fsb"}


def test_subjected_to_a_campaign_of_repression_is_a_persecution() -> None:
    evs = events("Since then the FSB has subjected Crimeans to a campaign of brutalization and repression.")
    assert evs[("Persecution of Crimeans", "other")] == {"org:fsb"}


def test_a_list_of_abuses_without_detention_is_left_alone() -> None:
    evs = events("The FSB continues to subject Crimean Tatars to arbitrary arrests, abductions and raids on their homes.")
    assert not any(kind in ("detention", "other") and name.startswith(("Detention of", "Persecution of"))
                   for name, kind in evs)
