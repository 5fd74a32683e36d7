"""Round 11, proc11: a group the text says is held is a detention (README, convention decisions of round 10,
second set, decision 1; loaders/extract/proc11_held.py), with made-up sentences in the shape of the
development splits' wordings."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

GROUP = "org:ukrainian-political-prisoners-in-russia-generic"
EVENT = "event:ukrainians-unjust-imprisonment-russia"
RUSSIA = "org:russian-federation"


def _held(body: str) -> set[tuple[str, str, str, str]]:
    """The claims on the held group's detention: (subject, predicate, object, role)."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    if EVENT in ex.entities:
        assert ex.entities[EVENT].attributes.get("kind") == "detention"
    return {(c.subject, c.predicate, c.object, str(c.qualifiers.get("role", ""))) for c in ex.claims if EVENT in (c.subject, c.object)}


def test_a_count_of_prisoners_that_remain_in_detention() -> None:
    # "At least 118 Ukrainian political prisoners remain in detention in Crimea and Russia" (dev, valid2)
    found = _held("The minister said that at least 240 Ukrainian political prisoners remain in detention in Crimea and Russia.")
    assert (GROUP, "PARTICIPANT_IN", EVENT, "target") in found
    assert (EVENT, "LOCATED_IN", "place:crimea", "") in found
    assert not any(role == "perpetrator" for *_x, role in found)  # the phrase names no holder


def test_russia_is_holding_prisoners() -> None:
    # "Zmina reports that Russia is holding 186 political prisoners" (dev); "Russia's continued detention of
    # Ukrainian political prisoners" (dev)
    found = _held("In Crimea, the monitors say that Russia is holding 212 political prisoners.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator"),
            (EVENT, "LOCATED_IN", "place:crimea", "")} <= found
    found = _held("The minister condemned Russia’s continued detention of Ukrainian political prisoners.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator")} <= found


def test_a_call_to_release_a_group_described_as_detained() -> None:
    # "to release all illegally detained Ukrainians without delay" (dev, valid, dev2, dev4): the group is held,
    # but a call on Russia does not make Russia the holder
    found = _held("The council calls on Russia to release all illegally detained Ukrainians without delay.")
    assert (GROUP, "PARTICIPANT_IN", EVENT, "target") in found
    assert (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator") not in found
    # "release all Ukrainian political prisoners it unjustly holds", "all other Ukrainians whom it is illegally
    # detaining" (valid2, dev5): "it" after a call on Russia is Russia, the holder
    found = _held("We call on Russia to immediately release Ivan Petrenko and all other Ukrainians whom it is illegally detaining.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator")} <= found
    # "release, without delay, all hostages and illegally detained Ukrainian citizens" (dev2)
    found = _held("The envoy urged the authorities to release, without delay, all hostages and illegally detained Ukrainian citizens.")
    assert (GROUP, "PARTICIPANT_IN", EVENT, "target") in found


def test_no_detention_for_prisoners_nobody_says_are_held() -> None:
    assert _held("The report describes the fate of political prisoners in general.") == set()
    assert _held("The conference discussed 40 political prisoners remain in detention in Belarus.") == set()


def _hearings(body: str) -> dict[str, set[str]]:
    """Each drafted hearing: the people it has as target."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {k: {c.subject for c in ex.claims if c.object == k and c.qualifiers.get("role") == "target"}
            for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "hearing"}


def test_a_prosecutors_request_that_someone_be_sentenced_is_a_hearing() -> None:
    # "the prosecutor has requested that X should be sentenced to 15 years in jail" (valid2); README r10 decision 4
    found = _hearings("Today we learned that the prosecutor has requested that Ivan Petrenko should be sentenced to 12 years in jail.")
    assert list(found.values()) == [{"person:ivan-petrenko"}]


def test_a_request_for_two_co_defendants_is_a_hearing_each() -> None:
    # "the Russian prosecutor has asked for 23 years for A and 10 years for B" (dev2); README r10 second set, decision 8
    found = _hearings("There were reports that the prosecutor has asked for 18 years for Ivan Petrenko and 9 years for Taras Bondar.")
    assert sorted(found.values(), key=sorted) == [{"person:ivan-petrenko"}, {"person:taras-bondar"}]


def test_detained_as_political_prisoners_by_russia() -> None:
    # "Ukrainian citizens detained as political prisoners by the Russian Federation" (dev3)
    found = _held("The Assembly is concerned about Ukrainian citizens detained as political prisoners by the Russian Federation.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator")} <= found
