"""Round 15, figures15: figures that count acts over a period (README conv15a point 4(b)), on made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract
from tests.test_extract_r15_acts15 import _events, _places, _roles


def test_several_kinds_counted_in_one_year_are_one_event_each() -> None:
    text, ex = extract("The ministry said that in 2021 there were 98 arrests, 40 detentions and 210 instances of "
                       "infringement of the right to a fair trial documented against Crimean Tatars in occupied Crimea.")
    [arr] = _events(ex, "arrest")
    [det] = _events(ex, "detention")
    assert ex.entities[arr].name == "98 arrests of Crimean Tatars in 2021"
    others = [k for k in _events(ex, "other") if "fair trial" in ex.entities[k].name]
    assert len(others) == 1
    for ev in (arr, det, others[0]):
        assert ("org:crimean-tatar-community-generic", "target") in _roles(ex, ev)
        assert "place:crimea" in _places(ex, ev)
    check_quotes(text, ex.claims)


def test_searches_counted_since_a_year() -> None:
    text, ex = extract("Since 2016, more than 200 searches were reported against Crimean Tatars in Crimea.")
    [ev] = _events(ex, "search")
    assert ex.entities[ev].name.startswith("More than 200 searches")
    assert ("org:crimean-tatar-community-generic", "target") in _roles(ex, ev)
    check_quotes(text, ex.claims)
    # searches another rule already made one event of: one event still (one producer per act)
    text, ex = extract("Since 2016, more than 200 searches have been carried out in the homes of Crimean Tatars in Crimea.")
    assert len(_events(ex, "search")) == 1


def test_people_tortured_counted() -> None:
    text, ex = extract("Over the past three years, at least 30 people were tortured in Crimea, the monitors found.")
    [ev] = _events(ex, "torture")
    assert "30 people" in ex.entities[ev].name
    check_quotes(text, ex.claims)


def test_a_single_incident_is_left_to_its_own_rules() -> None:
    # a day names one incident: no period figure
    _text, ex = extract("In 2019 there were 23 arrests on 27 March in Simferopol, the lawyers said.")
    assert not [k for k in _events(ex, "arrest") if "23 arrests" in ex.entities[k].name]
    # no period: no figure event
    _text, ex = extract("The monitors counted 23 arrests of Crimean Tatars in Simferopol.")
    assert not [k for k in _events(ex, "arrest") if "23 arrests" in ex.entities[k].name]
