"""Abstract acts of a state (round 9, abstract): the policies an occupying state imposes
(loaders/extract/state_policies.py), outlets forced to stop (territory_acts.media_stops), the occupation
"by" a state and its second land (annexations.py), and the wider wordings of a group's persecution
(group_abuses.py), with made-up sentences in the shape of each class."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract

RUSSIA = "org:russian-federation"


def _events(ex: Extraction, stem: str) -> list[str]:
    return [k for k, e in ex.entities.items() if e.label == "Event" and k.startswith(stem)
            and e.attributes.get("kind") == "other"]


def _claims(ex: Extraction, ev: str) -> set[tuple[str, str, str | None, str]]:
    return {(c.subject, c.predicate, c.qualifiers.get("role"), c.object) for c in ex.claims if ev in (c.subject, c.object)}


def test_forced_citizenship_is_the_states_policy_in_the_land() -> None:
    text, ex = extract("The Parliament regretted the deterioration of the human rights situation in Crimea, media abuse "
                       "and the forced imposition of Russian citizenship.")
    [ev] = _events(ex, "event:crimea-forced-russian-citizenship")  # (round 15, follow15: the corpus key)
    assert _claims(ex, ev) == {(RUSSIA, "PARTICIPANT_IN", "perpetrator", ev), (ev, "LOCATED_IN", None, "place:crimea")}
    check_quotes(text, ex.claims)


def test_citizenship_forcibly_imposed_on_the_people_of_the_occupied_territory() -> None:
    text, ex = extract("Crimea has changed. All Ukrainian citizens who remained in the occupied territory have had Russian "
                       "citizenship forcibly imposed on them.")
    [ev] = _events(ex, "event:crimea-forced-russian-citizenship")
    assert (RUSSIA, "PARTICIPANT_IN", "perpetrator", ev) in _claims(ex, ev)
    check_quotes(text, ex.claims)


def test_citizenship_assigned_to_named_people_is_no_policy() -> None:
    _text, ex = extract("Both men were transported to Russia and forcibly assigned Russian citizenship against their will.")
    assert not _events(ex, "event:forced-imposition")


def test_a_state_extends_its_law_to_the_land() -> None:
    text, ex = extract("The Committee underlined that in 2014, Russia illegally extended the application of its law to "
                       "Crimea in breach of the Convention.")
    [ev] = _events(ex, "event:imposition-of-russian-law")
    assert _claims(ex, ev) == {(RUSSIA, "PARTICIPANT_IN", "perpetrator", ev), (ev, "LOCATED_IN", None, "place:crimea")}
    check_quotes(text, ex.claims)


def test_the_imposition_of_laws_in_the_land_by_a_state() -> None:
    text, ex = extract("The Assembly condemns the unlawful imposition of laws, jurisdiction and administration in occupied "
                       "Crimea by the Russian Federation.")
    [ev] = _events(ex, "event:imposition-of-russian-law")
    assert (RUSSIA, "PARTICIPANT_IN", "perpetrator", ev) in _claims(ex, ev)
    check_quotes(text, ex.claims)


def test_authorities_imposing_the_states_laws_is_left_alone() -> None:
    # (the annotators record no event for it; nor for "does not recognise the enforcement of Russian legislation")
    _text, ex = extract("Occupation authorities continue to impose the laws of the Russian Federation in the territory of Crimea. "
                        "The EU does not recognise the enforcement of Russian legislation in Crimea.")
    assert not _events(ex, "event:imposition")


def test_the_conscription_of_a_lands_people_into_an_army() -> None:
    text, ex = extract("Life in Crimea has changed. The conscription of the Crimean people into the Russian army is also a "
                       "significant concern.")
    [ev] = _events(ex, "event:conscription-of-crimean-people")
    assert _claims(ex, ev) == {("org:russian-army", "PARTICIPANT_IN", "perpetrator", ev), (ev, "LOCATED_IN", None, "place:crimea")}
    check_quotes(text, ex.claims)


def test_outlets_forced_to_cease_their_activities() -> None:
    text, ex = extract("Reports say that practically all Crimean Tatar media outlets, including ATR and Lale television "
                       "channels, have been forced to cease their activities.")
    [ev] = _events(ex, "event:closure-of")
    targets = {s for s, p, r, _o in _claims(ex, ev) if p == "PARTICIPANT_IN" and r == "target"}
    assert targets == {"org:crimean-tatar-media-generic", "org:atr", "org:lale"}
    check_quotes(text, ex.claims)


def test_an_outlet_forced_to_stop_broadcasting_in_a_land() -> None:
    text, ex = extract("The Commissioner is concerned that the Crimean Tatar ATR TV has been forced to stop broadcasting in Crimea.")
    [ev] = _events(ex, "event:closure-of")
    assert _claims(ex, ev) == {("org:atr", "PARTICIPANT_IN", "target", ev), (ev, "LOCATED_IN", None, "place:crimea")}
    check_quotes(text, ex.claims)


def test_the_occupation_by_a_state_of_a_land_and_its_city() -> None:
    text, ex = extract("The Assembly condemns the occupation by Russia of Crimea and the city of Sevastopol, Ukraine.")
    [ev] = _events(ex, "event:russian-occupation-of-crimea")  # (round 11: the convention's key)
    assert _claims(ex, ev) == {(RUSSIA, "PARTICIPANT_IN", "perpetrator", ev), (ev, "LOCATED_IN", None, "place:crimea"),
                               (ev, "LOCATED_IN", None, "place:sevastopol")}
    check_quotes(text, ex.claims)


def test_an_annexation_of_a_land_and_its_city_is_placed_in_both() -> None:
    # (dev4 and dev5 gold place it in both, 5 of 5; dev and valid gold hold no annexation in the three articles
    # where this costs a claim: event_places' coordinated-place rule, kept at the merge because it gains more)
    _text, ex = extract("Three years on from the illegal annexation of Crimea and the city of Sevastopol by the Russian "
                        "Federation, the Union stands firm.")
    assert {c.object for c in ex.claims if c.predicate == "LOCATED_IN" and ex.entities[c.subject].label == "Event"
            and "annexation" in c.subject} == {"place:crimea", "place:sevastopol"}


def test_a_states_policy_of_oppression_against_a_group() -> None:
    text, ex = extract("Despite pressure, Russia continues to exercise its shameful policy of oppression against independent "
                       "leaders of the occupied Crimea.")
    [ev] = _events(ex, "event:persecution-of-independent-leaders")
    assert _claims(ex, ev) == {(RUSSIA, "PARTICIPANT_IN", "perpetrator", ev), (ev, "LOCATED_IN", None, "place:crimea")}
    check_quotes(text, ex.claims)


def test_the_groups_listed_after_the_persecuted_group_are_its_targets() -> None:
    text, ex = extract("Life is hard. The authorities continued to persecute and intimidate minority religious congregations, "
                       "including Jehovah’s Witnesses and OCU members.")
    [ev] = _events(ex, "event:persecution-of-minority-religious-congregations")
    targets = {s for s, p, r, _o in _claims(ex, ev) if p == "PARTICIPANT_IN" and r == "target"}
    assert targets == {"org:jehovahs-witnesses", "org:orthodox-church-of-ukraine"}
    check_quotes(text, ex.claims)


def test_discrimination_against_a_group_by_an_agency() -> None:
    text, ex = extract("Life is hard. The authorities’ discrimination against Jehovah’s Witnesses goes on.")
    [ev] = _events(ex, "event:persecution-of")
    assert ("org:jehovahs-witnesses", "PARTICIPANT_IN", "target", ev) in _claims(ex, ev)
    check_quotes(text, ex.claims)


def test_a_persons_participation_in_a_bodys_summit() -> None:
    text, ex = extract("We consider the detention of Nariman Dzhelyal to be revenge for his participation in the Inaugural "
                       "Summit of the International Crimea Platform on 23 August 2021.")
    evs = [k for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "conference"]
    assert evs == ["event:crimea-platform-summit-2021-08-23"]  # (round 14, venue14: the corpus key form)
    assert ("person:nariman-dzhelyal", "PARTICIPANT_IN", "participant", evs[0]) in _claims(ex, evs[0])
    check_quotes(text, ex.claims)


def test_a_participant_of_a_bodys_summit_in_a_place() -> None:
    text, ex = extract("In August 2021, Nariman Dzhelyal was a participant of the Crimea Platform international summit in Kyiv.")
    [ev] = [k for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "conference"]
    # (round 14, venue14: the body of "the X international summit" organises it, README conv13a point 2)
    assert _claims(ex, ev) == {("person:nariman-dzhelyal", "PARTICIPANT_IN", "participant", ev), (ev, "LOCATED_IN", None, "place:kyiv"),
                               ("org:crimea-platform", "PARTICIPANT_IN", "organiser", ev)}
    check_quotes(text, ex.claims)


def test_one_who_could_not_participate_is_no_participant() -> None:
    _text, ex = extract("Nariman Dzhelyal couldn’t participate in the second Summit of the Crimea Platform.")
    assert not [c for c in ex.claims if c.subject == "person:nariman-dzhelyal" and c.predicate == "PARTICIPANT_IN"]
