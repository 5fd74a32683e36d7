"""Round 9, where events happen (loaders/extract/event_places.py, facilities.py): a second place
coordinated with an act's place, no country for a court's act, a place that is another noun's
("violations in Crimea"), and a town's facility contained in the town."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _located(ex: Extraction, subject: str) -> set[str]:
    return {c.object for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject == subject}


def test_an_act_of_a_place_and_the_city_of_another_is_in_both() -> None:
    text, ex = extract("The European Union condemns the illegal annexation of the Autonomous Republic of Crimea "
                       "and the city of Sevastopol by the Russian Federation.")
    [ev] = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "other"]
    assert _located(ex, ev) == {"place:crimea", "place:sevastopol"}
    check_quotes(text, ex.claims)
    text, ex = extract("FSB officers searched the homes of Lenur Khalilov in Simferopol and Bakhchysarai on 3 May.")
    assert _located(ex, "event:lenur-khalilov-search") == {"place:simferopol", "place:bakhchysarai"}
    check_quotes(text, ex.claims)
    # a place after "and" that opens another clause is not the act's
    _text, ex = extract("FSB officers searched the homes of Lenur Khalilov in Simferopol and Bakhchysarai police detained him.")
    assert "place:bakhchysarai" not in _located(ex, "event:lenur-khalilov-search")


def test_a_courts_act_is_not_placed_in_a_country() -> None:
    _text, ex = extract("The trial of Lenur Khalilov in Russia began on 3 May.")
    assert not _located(ex, "event:lenur-khalilov-trial")
    _text, ex = extract("On 9 June the court sentenced Lenur Khalilov to six years, the harshest punishment yet given "
                        "to a lawyer in Russia.")
    assert not _located(ex, "event:lenur-khalilov-verdict")
    # its town stays its place
    _text, ex = extract("The trial of Lenur Khalilov opened at the Southern District Military Court in Rostov-on-Don.")
    assert _located(ex, "event:lenur-khalilov-trial") == {"place:rostov-on-don"}


def test_a_place_after_violations_is_the_violations_not_the_acts() -> None:
    _text, ex = extract("In April 2014 the Verkhovna Rada adopted a law attributing responsibility for human rights "
                        "violations in Crimea to the Russian Federation.")
    events = [k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == "other"]
    assert events and not any(_located(ex, ev) for ev in events)


def test_a_towns_facility_is_part_of_the_town() -> None:
    text, ex = extract("Lenur Sadykov is held in a temporary detention facility in Simferopol.")
    part = {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}
    assert ("place:simferopol-temporary-detention-facility", "place:simferopol") in part
    check_quotes(text, ex.claims)


def test_an_act_on_the_peninsula_is_on_it() -> None:
    text, ex = extract("Police detained Lenur Khalilov on the Crimean peninsula on 3 May.")
    assert _located(ex, "event:lenur-khalilov-detention") == {"place:crimea"}
    check_quotes(text, ex.claims)
    # "on" before any other place is no locative ("a report on Crimea")
    _text, ex = extract("Police detained Lenur Khalilov over a report on Crimea.")
    assert not _located(ex, "event:lenur-khalilov-detention")
