"""Round 15, acts15: searches told with the detentions they led to (README conv13a, point 1), on made-up sentences."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _events(ex, kind):  # type: ignore[no-untyped-def]
    return {k for k, e in ex.entities.items() if e.label == "Event" and (e.attributes or {}).get("kind") == kind}


def _roles(ex, ev):  # type: ignore[no-untyped-def]
    return {(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object == ev}


def _places(ex, ev):  # type: ignore[no-untyped-def]
    return {c.object for c in ex.claims if c.predicate == "LOCATED_IN" and c.subject == ev}


def test_searches_by_an_agent_which_resulted_in_detentions() -> None:
    # (the people named as detained: one detention each, and the searches one event of their own)
    text, ex = extract("The Council condemns the searches in occupied Crimea by the FSB which resulted in the detention "
                       "of two activists, Ivan Petrenko and Oleh Koval, on 5 May.")
    [ev] = _events(ex, "search")
    assert ("org:fsb", "perpetrator") in _roles(ex, ev)
    assert "place:crimea" in _places(ex, ev)
    check_quotes(text, ex.claims)


def test_activities_of_a_body_resulted_in_searches_and_detention() -> None:
    text, ex = extract("The ministry is alarmed by the illegal activities of the FSB in Crimea against the Crimean Tatars, "
                       "which resulted in mass searches and arbitrary detention of nine citizens of Ukraine.")
    [ev] = _events(ex, "search")
    assert ("org:fsb", "perpetrator") in _roles(ex, ev)
    assert "place:crimea" in _places(ex, ev)
    dets = [d for d in _events(ex, "detention") if ("org:fsb", "perpetrator") in _roles(ex, d)]
    assert dets and all("place:crimea" in _places(ex, d) for d in dets)
    check_quotes(text, ex.claims)


def test_no_search_without_the_result_or_an_agent() -> None:
    for body in ("The searches in Crimea were condemned by the Council.",
                 "The searches resulted in nothing, the lawyer said."):
        _text, ex = extract(body)
        assert not _events(ex, "search"), body


def _perps(ex, kinds):  # type: ignore[no-untyped-def]
    evs = {k for k in ex.entities if ex.entities[k].label == "Event" and (ex.entities[k].attributes or {}).get("kind") in kinds}
    return {c.subject for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.object in evs
            and c.qualifiers.get("role") == "perpetrator"}


def test_the_agency_whose_people_tortured_or_whose_custody_it_was() -> None:
    for body in ("Ivan Petrenko complained that during his detention he suffered from FSB agents' torture.",
                 "The court heard Ivan Petrenko describe the treatment he received in FSB custody, including beatings and "
                 "suffocation."):
        text, ex = extract(body)
        assert _perps(ex, ("torture", "ill_treatment")) == {"org:fsb"}, body
        check_quotes(text, ex.claims)


def test_no_agency_for_a_country_adjective_custody() -> None:
    _text, ex = extract("Ivan Petrenko described the treatment he received in Russian custody, including beatings and "
                        "suffocation.")
    assert not _perps(ex, ("torture", "ill_treatment"))
