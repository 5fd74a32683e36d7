"""Round 14 (prec14b): precision of the event, holder and residence rules on wordings of unseen text: a release in a
prisoner swap is the exchange only, "the released prisoners" tells of no release, a seizure by separatists is an
abduction (not an arrest), the holder of a group named after a person holds the group only, and a home named as the
scene of an arrest or search is the event's place, not where the person is said to live."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _claims(body: str) -> list[tuple[str, str, str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return [(c.subject, c.predicate, c.object, str(c.qualifiers.get("role", ""))) for c in ex.claims]


def _events(body: str) -> set[str]:
    return {o for _s, p, o, _r in _claims(body) if p == "PARTICIPANT_IN"}


def test_a_release_in_a_prisoner_swap_is_the_exchange_only() -> None:
    events = _events("On 7 September 2019 Taras Hulko was released in a prisoner swap.")
    assert "event:taras-hulko-exchange" in events
    assert "event:taras-hulko-release" not in events
    # a release told without the swap stays a release
    assert "event:taras-hulko-release" in _events("On 7 September 2019 Taras Hulko was released from prison.")


def test_the_released_prisoners_tell_of_no_release() -> None:
    events = _events("The evidence of the released prisoners, including Taras Hulko, contained in the report is stark.")
    assert "event:taras-hulko-release" not in events
    assert "event:taras-hulko-release" in _events("Taras Hulko was released on Friday.")


def test_a_seizure_by_separatists_is_an_abduction_not_an_arrest() -> None:
    claims = _claims("She is being held in Russia after Olena Marchuk was seized in Ukraine by Russian-backed separatists.")
    events = {o for _s, p, o, _r in claims if p == "PARTICIPANT_IN"}
    assert "event:olena-marchuk-arrest" not in events
    assert "event:olena-marchuk-disappearance" in events
    # an arrest by the authorities stays an arrest
    assert "event:olena-marchuk-arrest" in _events("Olena Marchuk was arrested in Simferopol by the FSB.")


def test_the_holder_of_a_group_named_after_a_person_holds_the_group_only() -> None:
    body = ("The UK calls for the release of Taras Hulko as well as the growing number of Crimeans the "
            "de facto Russian authorities have imprisoned for opposing the annexation.")
    perpetrators = [(s, o) for s, p, o, r in _claims(body) if p == "PARTICIPANT_IN" and r == "perpetrator"
                    and o == "event:taras-hulko-detention"]
    assert perpetrators == []
    # "other" puts the person among those held (README, round 13 conv13b point 2)
    body = "We call on Russia to release Taras Hulko and the other Ukrainians the Russian authorities have imprisoned."
    assert any(r == "perpetrator" and o == "event:taras-hulko-detention" for _s, _p, o, r in _claims(body))


def _homes(body: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o, _r in _claims(body) if p == "LOCATED_IN" and s.startswith("person:")}


def test_a_home_named_as_the_scene_of_an_act_is_no_residence() -> None:
    assert not _homes("On 11 May 2014, the FSB arrested Taras Hulko at his home in Simferopol.")
    assert not _homes("FSB officers searched Hulko’s home in Simferopol and detained Taras Hulko for questioning.")
    assert not _homes("Agents detained Olena Marchuk after searching her apartment in Yalta for ten hours.")
    # a home told as a home stays one
    assert ("person:taras-hulko", "place:simferopol") in _homes("Taras Hulko was taken from his home in Simferopol on 11 May.")


def test_the_agent_of_a_later_act_told_of_a_group_is_not_the_holder() -> None:
    body = "Taras Hulko, one of several imprisoned Ukrainians apparently abducted by Russia, is on hunger strike."
    assert not any(r == "perpetrator" and o == "event:taras-hulko-detention" for _s, _p, o, r in _claims(body))
    # acts joined as one keep their agent
    body = "Taras Hulko was detained and interrogated by the FSB."
    assert any(s == "org:fsb" and r == "perpetrator" and o == "event:taras-hulko-detention" for s, _p, o, r in _claims(body))
