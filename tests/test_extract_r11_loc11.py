"""Round 11 (loc11): a body named with its seat, a named body with its town, a campaign against a group placed
by its sentence's Crimea (loaders/extract/seat_places.py)."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _located(body: str) -> tuple[str, set[tuple[str, str]], object]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return text, {(c.subject, c.object) for c in ex.claims if c.predicate == "LOCATED_IN"}, ex


def test_state_body_named_with_crimea_sits_there() -> None:
    _, located, ex = _located("The delegate spoke about the building of the State Council of the Republic of Crimea, "
                              "which the new rulers took over in Crimea.")
    body = next(k for k, e in ex.entities.items() if e.label == "Organisation" and "State Council" in e.name)
    assert (body, "place:crimea") in located


def test_named_body_with_its_town_sits_there() -> None:
    _, located, ex = _located("She had studied law at Tavrida National University in Simferopol before the war.")
    uni = next(k for k, e in ex.entities.items() if e.label == "Organisation" and "Tavrida" in e.name)
    assert (uni, "place:simferopol") in located


def test_session_of_a_body_in_a_town_does_not_seat_the_body() -> None:
    _, located, ex = _located("The delegates walked out of the Annual Session of the OSCE Parliamentary Assembly in Berlin.")
    assert not any(o == "place:berlin" and ex.entities[s].label == "Organisation" for s, o in located)


def test_campaign_against_group_in_crimea_sentence() -> None:
    _, located, ex = _located("After Moscow seized Crimea, the authorities have singled out and persecuted Crimean Tatars, a native ethnic group.")
    assert ("event:persecution-of-crimean-tatars", "place:crimea") in located


def test_campaign_not_placed_where_group_is_kept_out() -> None:
    _, located, ex = _located("Most critics have left Crimea, and the authorities have singled out and persecuted Crimean Tatars.")
    assert "event:persecution-of-crimean-tatars" in ex.entities
    assert ("event:persecution-of-crimean-tatars", "place:crimea") not in located


def test_named_body_with_an_apposed_noun_and_its_town() -> None:
    _, located, ex = _located("The editors wrote to Roskomnadzor, the state media agency in Moscow, twice that year.")
    body = next(k for k, e in ex.entities.items() if e.label == "Organisation" and "Roskomnadzor" in e.name)
    assert (body, "place:moscow") in located


def test_body_whose_apposed_description_ends_in_a_place() -> None:
    _, located, ex = _located("Officers closed the Mejlis, a representative body of the Crimean Tatars in Crimea, last year.")
    assert any(o == "place:crimea" and ex.entities[s].label == "Organisation" and "Mejlis" in ex.entities[s].name
               for s, o in located)
