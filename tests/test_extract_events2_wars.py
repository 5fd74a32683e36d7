"""A state's war named in passing as one ``other`` event (issue 20, loaders/extract/wars.py): the state its
perpetrator (or, "Russia-instigated", its organiser), the land its place. Made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

# (round 13, align13d: the war is re-keyed to the corpus's key its words name, README conv13d point 13)
EAST = "event:conflict-in-eastern-ukraine"
FULL_SCALE = "event:russian-full-scale-invasion-2022-02"


def war(body: str) -> dict[str, set[tuple[str, str]]]:
    """The war event's claims, as (other end, role or predicate), keyed by event key."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    out: dict[str, set[tuple[str, str]]] = {}
    for k, e in ex.entities.items():
        if e.label == "Event" and e.name == "Russia's war against Ukraine":
            assert e.attributes.get("kind") == "other"
            out[k] = {(c.subject if c.object == k else c.object, str(c.qualifiers.get("role") or c.predicate))
                      for c in ex.claims if k in (c.subject, c.object)}
    return out


def test_a_states_aggression_in_a_region() -> None:
    evs = war("The ministers met in Vienna and discussed Russia's aggression in eastern Ukraine at length.")
    assert evs[EAST] == {("org:russian-federation", "perpetrator"), ("place:eastern-ukraine", "LOCATED_IN")}


def test_a_full_scale_war_against_a_country() -> None:
    evs = war("The envoys gathered a year into Russia's brutal full-scale war against Ukraine to hear the reports.")
    assert ("org:russian-federation", "perpetrator") in evs[FULL_SCALE]


def test_an_instigated_conflict_has_an_organiser() -> None:
    evs = war("The talks seek a peaceful end to the Russia-instigated conflict in eastern Ukraine this year.")
    assert evs[EAST] == {("org:russian-federation", "organiser"), ("place:eastern-ukraine", "LOCATED_IN")}


def test_its_refers_to_the_state_named_before() -> None:
    evs = war("The Russian government used the language question as a pretext for its full-scale invasion.")
    assert len(evs) == 1
    assert ("org:russian-federation", "perpetrator") in next(iter(evs.values()))


def test_the_war_in_a_country_stands_alone() -> None:
    evs = war("The report covers detainees captured during the war in Ukraine and held in camps.")
    assert evs[EAST] == {("place:ukraine", "LOCATED_IN")}


def test_an_ongoing_policy_or_unnamed_conflict_is_no_war_event() -> None:
    assert war("Residents protested against the then ongoing Russian military intervention on the peninsula.") == {}
    assert war("The ministers condemned its continued aggression against Ukraine and its policy in Crimea.") == {}
    assert war("Two reporters were killed during fighting in eastern Ukraine last year.") == {}
    assert war("The conflict has displaced many families in the region.") == {}
