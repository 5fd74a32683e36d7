"""Round 11, dedup11: the rules abuse11, proc11 and part11 wrote twice, joined (one producer a class), with made-up
sentences in the shape of the development splits' wordings:

- the detention of a group of Ukrainians Russia holds (loaders/extract/held_groups.py; README, convention decisions
  of round 10, second set, decision 1);
- a people as the target of the acts a sentence says violate its rights (loaders/extract/rights_targets.py; README,
  victim collectives).
"""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

EVENT = "event:ukrainians-unjust-imprisonment-russia"
GROUP = "org:ukrainian-political-prisoners-in-russia-generic"
RUSSIA = "org:russian-federation"
PEOPLE = "org:crimean-tatar-community-generic"
RIGHTS_RULE = "target:other:violated-rights"


def _held(body: str) -> set[tuple[str, str, str, str]]:
    """The claims on the held group's detention: (subject, predicate, object, role)."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    if EVENT in ex.entities:
        assert ex.entities[EVENT].attributes.get("kind") == "detention"
    return {(c.subject, c.predicate, c.object, str(c.qualifiers.get("role", ""))) for c in ex.claims if EVENT in (c.subject, c.object)}


def test_a_count_of_prisoners_that_remain_in_detention_with_its_places() -> None:
    # "At least 118 Ukrainian political prisoners remain in detention in Crimea and Russia" (dev, valid2)
    found = _held("The minister said that at least 240 Ukrainian political prisoners remain in detention in Crimea and Russia.")
    assert (GROUP, "PARTICIPANT_IN", EVENT, "target") in found
    assert (EVENT, "LOCATED_IN", "place:crimea", "") in found
    assert (EVENT, "LOCATED_IN", "place:russia", "") in found
    assert not any(role == "perpetrator" for *_x, role in found)  # the phrase names no holder


def test_russia_the_holder() -> None:
    # "Zmina reports that Russia is holding 186 political prisoners" (dev), with the place fronted
    found = _held("In Crimea, the monitors say that Russia is holding 212 political prisoners.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator"),
            (EVENT, "LOCATED_IN", "place:crimea", "")} <= found
    # (no Ukraine or Crimea in the sentence: Russia holding them ties them)
    found = _held("The monitors say that Russia is holding 140 political prisoners, many of them ill.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator")} <= found
    # "Russia's continued detention of Ukrainian political prisoners" (dev)
    found = _held("The minister condemned Russia’s continued detention of Ukrainian political prisoners.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator")} <= found
    # "held by the Russian Federation" (dev3, dev6)
    found = _held("He asks that all Ukrainian political prisoners who are currently being held by the Russian Federation "
                  "be released.")
    assert (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator") in found
    # "Ukrainian citizens detained as political prisoners by the Russian Federation" (dev3)
    found = _held("The Assembly is concerned about Ukrainian citizens detained as political prisoners by the Russian Federation.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator")} <= found


def test_a_call_to_release_a_group_described_as_detained() -> None:
    # "to release all illegally detained Ukrainians without delay" (dev, valid, dev2, dev4): the group is held,
    # but a call on Russia does not make Russia the holder
    found = _held("The council calls on Russia to release all illegally detained Ukrainians without delay.")
    assert (GROUP, "PARTICIPANT_IN", EVENT, "target") in found
    assert (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator") not in found
    # "expects all illegally detained Ukrainians in the Crimean peninsula and in Russia to be released" (the EU)
    found = _held("The Union also expects all illegally detained Ukrainian citizens in the Crimean peninsula and in Russia "
                  "to be freed without delay.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (EVENT, "LOCATED_IN", "place:crimea", ""),
            (EVENT, "LOCATED_IN", "place:russia", "")} <= found
    # "release, without delay, all hostages and illegally detained Ukrainian citizens" (dev2)
    found = _held("The envoy urged the authorities to release, without delay, all hostages and illegally detained Ukrainian citizens.")
    assert (GROUP, "PARTICIPANT_IN", EVENT, "target") in found


def test_it_after_a_call_on_russia_is_the_holder() -> None:
    # "all other Ukrainians whom it is illegally detaining" (valid2, dev5), "release all Ukrainian political prisoners
    # it unjustly holds" (valid2): "it" after a call on Russia is Russia, the holder
    found = _held("We call on Russia to immediately release Ivan Petrenko and all other Ukrainians whom it is illegally detaining.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator")} <= found
    found = _held("The minister called on Russia to end its occupation and release all Ukrainian political prisoners it "
                  "unjustly holds.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator")} <= found


def test_the_people_included_in_the_held_group() -> None:
    # "release all other Ukrainians, including members of the Crimean Tatar community, who remain unjustly imprisoned",
    # "... all of the Ukrainians, including members of the Crimean Tatar community, it has imprisoned" (dev: the State
    # Department): the people is held with the group; "it has imprisoned" makes Russia the holder
    found = _held("The statement calls on Russia to free all of the Ukrainians, including members of the Crimean Tatar "
                  "community, it has imprisoned for peaceful dissent.")
    assert {(GROUP, "PARTICIPANT_IN", EVENT, "target"), (PEOPLE, "PARTICIPANT_IN", EVENT, "target"),
            (RUSSIA, "PARTICIPANT_IN", EVENT, "perpetrator")} <= found


def test_no_detention_for_prisoners_nobody_says_are_held() -> None:
    assert _held("The report describes the fate of political prisoners in general.") == set()
    assert _held("The conference discussed 40 political prisoners remain in detention in Belarus.") == set()
    # "the welfare of three Ukrainian political prisoners; A, B and C" (dev): named people, no standing detention
    assert _held("The government is worried about the welfare of three Ukrainian political prisoners.") == set()
    # "illegally detained Ukrainian civilians" taken to Crimea (valid): another group
    assert _held("Crimea was used as a destination for illegally detained Ukrainian civilians.") == set()


def _rights(body: str) -> tuple[str, list[tuple[str, str, str | None]]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return text, [(c.subject, c.object, c.qualifiers.get("role")) for c in ex.claims if c.rule == RIGHTS_RULE]


def test_the_people_whose_rights_a_ban_violates() -> None:
    # "The rights of the Crimean Tatars have been gravely violated through the shutting down of Crimean Tatar media
    # outlets, the banning of the activities of the Mejlis" (dev, valid: the EU)
    text, ex = extract("The situation in the region has worsened. In particular, the rights of the Crimean Tatars have been "
                       "severely violated through the banning of the activities of the Mejlis, their representative body.")
    check_quotes(text, ex.claims)
    bans = [k for k, e in ex.entities.items() if e.label == "Event" and e.name.startswith("Ban ")]
    assert len(bans) == 1
    assert [(c.subject, c.object, c.qualifiers.get("role")) for c in ex.claims if c.rule == RIGHTS_RULE] \
        == [(PEOPLE, bans[0], "target")]


def test_a_later_sentence_about_the_articles_one_ban_can_name_its_target() -> None:
    # "a ban on its activities is an extremely harsh repressive measure targeting the whole Crimean Tatar Community"
    text, ex = extract("We are concerned about the decision to ban the Mejlis of the Crimean Tatar People. The Mejlis is a "
                       "traditional body of the Crimean Tatar community, and a ban on its activities is a harsh measure "
                       "targeting the whole Crimean Tatar community.")
    check_quotes(text, ex.claims)
    got = [c for c in ex.claims if c.rule == RIGHTS_RULE]
    assert [(c.subject, c.qualifiers.get("role")) for c in got] == [(PEOPLE, "target")]
    assert "targeting" in text[got[0].span[0]:got[0].span[1]]


def test_the_community_only_named_beside_a_ban_is_not_its_target() -> None:
    # (a guard: the community is named, but nothing says the ban is done to it)
    _text, got = _rights("The closure of the Mejlis, the representative body of the Crimean Tatars, was announced in April. "
                         "Observers said the banning of the activities of the Mejlis was expected.")
    assert got == []
