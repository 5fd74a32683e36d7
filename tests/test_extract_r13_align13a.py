"""Round 13, align13a: the extractor follows the convention decisions of README "Convention decisions, round 13
(conv13a)" (searches, meetings / conferences / other, charges), on made-up sentences in the shape of each decision."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract

R = "person:ruslan-abdullayev"


def _kinds(ex: Extraction) -> dict[str, str]:
    return {k: str((e.attributes or {}).get("kind")) for k, e in ex.entities.items() if e.label == "Event"}


def _roles(ex: Extraction, kind: str) -> set[tuple[str, str]]:
    kinds = _kinds(ex)
    return {(c.subject, str(c.qualifiers.get("role"))) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and kinds.get(c.object) == kind}


def _charged(body: str) -> set[tuple[str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return _roles(ex, "charge")


def test_a_charge_is_an_event_where_the_text_reports_the_act_of_charging() -> None:
    # past passive "was accused of", "arrested and charged by", a case opened against a named person
    for body in ("Ruslan Abdullayev was accused of spying for Ukraine.",
                 "In February 2016, Ruslan Abdullayev was arrested and charged by the FSB on the accusation that he was a spy.",
                 "Investigators opened a criminal case against Ruslan Abdullayev in March."):
        assert (R, "target") in _charged(body), body


def test_standing_accusations_and_participles_give_no_charge_event() -> None:
    # "faces charges", a participle, "under Article N" as the ground of a prosecution: only the case's ACCUSED_OF
    for body in ("Ruslan Abdullayev faces charges of espionage.",
                 "Ruslan Abdullayev faces criminal charges for his posts.",
                 "Ruslan Abdullayev, charged with sabotage, remains in custody in Simferopol.",
                 "Ruslan Abdullayev was prosecuted under Article 205.5 of the Criminal Code."):
        assert (R, "target") not in _charged(body), body


def test_a_visit_or_mission_is_other_not_a_meeting() -> None:
    text, ex = extract("Commissioner Ruslan Abdullayev presented a report on his mission to Kyiv and Simferopol.")
    check_quotes(text, ex.claims)
    visits = [k for k, kind in _kinds(ex).items() if "mission" in k]
    assert visits and all(_kinds(ex)[k] == "other" for k in visits)
    assert (R, "participant") in _roles(ex, "other")


def test_the_body_whose_summit_it_is_organises_it() -> None:
    text, ex = extract("Ruslan Abdullayev was detained because of his participation in the Inaugural Summit of the "
                       "International Crimea Platform in Kyiv.")
    check_quotes(text, ex.claims)
    assert ("org:crimea-platform", "organiser") in _roles(ex, "conference")
    assert (R, "participant") in _roles(ex, "conference")


def _searches(body: str) -> tuple[Extraction, set[tuple[str, str]]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return ex, _roles(ex, "search")


def test_a_practice_of_raids_against_a_group_is_one_search_event() -> None:
    _ex, roles = _searches("Russia continues to subject Crimean Tatars to arbitrary arrests, abductions, and police raids on "
                           "their homes and mosques.")
    assert {("org:crimean-tatar-community-generic", "target"), ("org:russian-federation", "perpetrator")} <= roles
    text, ex = extract("This is the latest in a long line of politically-motivated raids, detentions, and punitive measures "
                       "against the Mejlis and its leadership.")
    check_quotes(text, ex.claims)
    assert any(r == "target" and "mejlis" in s for s, r in _roles(ex, "search"))
    # the group named only by the people's name in the sentence; the actor after "by" its perpetrator; where
    ex, roles = _searches("The Crimean Tatar community is under pressure. Today in occupied Crimea, Crimean Tatars are "
                          "persecuted by the occupation authorities; subject to frequent intimidation, house raids, and arbitrary "
                          "arrests.")
    assert {("org:crimean-tatar-community-generic", "target"), ("org:russian-occupation-authorities", "perpetrator")} <= roles
    assert any(c.predicate == "LOCATED_IN" and c.object == "place:crimea" and "raids" in c.subject for c in ex.claims)
    # a search of a named person's home stays the person's (one event per home), not a practice
    text, ex = extract("Police raided the home of Ruslan Abdullayev in Bakhchysarai.")
    assert not any("raids-on" in k for k in _kinds(ex))
    # a charged or detained person's case words, "on charges of", give no practice: nobody's raids named
    text, ex = extract("The court extended the detention of Crimean Tatars who were detained after searches.")
    assert not any("raids-on" in k for k in _kinds(ex))


def test_who_speaks_at_a_summit_is_its_speaker_who_attends_a_participant() -> None:
    text, ex = extract("As the European Union reaffirmed during the Crimea Platform Summit, Crimea is Ukraine.")
    check_quotes(text, ex.claims)
    assert ("org:european-union", "speaker") in _roles(ex, "conference")
    assert ("org:crimea-platform", "organiser") in _roles(ex, "conference")  # "X Summit": X's summit
    text, ex = extract("The European Union took part in the Crimea Platform Summit in Kyiv.")
    assert ("org:european-union", "participant") in _roles(ex, "conference")


def test_met_with_makes_both_sides_participants_received_makes_the_host_organiser() -> None:
    body = ("Lithuania supports Crimean Tatars\n\nVilnius – President Ona Petraitytė {verb} Crimean Tatar leader Ivan "
            "Sydorenko.\n\n“We firmly support the Crimean Tatars,” the President said.\n")
    text, ex = extract(body.format(verb="met with"))
    check_quotes(text, ex.claims)
    assert ("person:ona-petraityte", "participant") in _roles(ex, "meeting")
    assert ("person:ona-petraityte", "organiser") not in _roles(ex, "meeting")
    _text, ex = extract(body.format(verb="received"))
    assert ("person:ona-petraityte", "organiser") in _roles(ex, "meeting")
