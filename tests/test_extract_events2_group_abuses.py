"""More wordings of the persecution of a group (issue 20, loaders/extract/group_abuses.py): a campaign an agency
sustains, a group singled out and persecuted. Made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def perpetrators(body: str) -> dict[str, set[str]]:
    """Each persecution event's perpetrators."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {k: {c.subject for c in ex.claims if c.object == k and c.qualifiers.get("role") == "perpetrator"}
            for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Persecution of")}


def test_an_agency_sustained_a_campaign_against_a_group() -> None:
    evs = perpetrators("Since then the Russian occupation authorities have sustained a brutal campaign of repression against "
                       "Crimean Tatars and other minority groups.")
    assert evs == {"event:persecution-of-crimean-tatars": {"org:russian-occupation-authorities"}}


def test_an_agency_singled_out_and_persecuted_a_group() -> None:
    evs = perpetrators("Since 2014, the FSB has singled out and persecuted Crimean Tatars in their homeland.")
    assert evs == {"event:persecution-of-crimean-tatars": {"org:fsb"}}


def test_a_campaign_with_nobody_named_as_waging_it_is_no_event() -> None:
    # (the Crimean Tatars as a people are named, and a target since round 10: a group with no mention here)
    assert perpetrators("Observers described a brutal campaign of repression against the local activists.") == {}
