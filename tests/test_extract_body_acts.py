"""Acts of institutions and more kinds of acts on people (issue 20): a text a body adopts,
sanctions, visits, sessions, applications to a body, meetings, charges, hearings, wanted
lists, travel bans. The sentences are written for the tests (fictional people)."""

from __future__ import annotations

from extract_helpers import check_quotes, extract

from loaders.extract.claims import Extraction


def events(ex: Extraction, kind: str) -> dict[str, str]:
    """Event key -> name for the events of ``kind``."""
    return {k: e.name for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == kind}


def links(ex: Extraction, predicate: str, role: str | None = None) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims
            if c.predicate == predicate and (role is None or c.qualifiers.get("role") == role)}


def test_a_body_that_adopts_a_law_states_it() -> None:
    text, ex = extract("In April 2016, the State Duma adopted a law banning the activities of extremist organisations.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Law adopted by")]
    assert ("org:state-duma", ev) in links(ex, "STATES")
    check_quotes(text, ex.claims)
    # the passive, with the body after "by"
    _text, ex = extract("A law on the status of Crimea was passed by the Verkhovna Rada on 4 May.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Law adopted by")]
    assert any(o == ev and s.startswith("org:") for s, o in links(ex, "STATES"))


def test_a_resolution_without_a_number_or_a_law_only_asked_for_is_no_event() -> None:
    _text, ex = extract("The UN General Assembly adopted a resolution calling on States to act.")
    assert not [n for n in events(ex, "other").values() if n.startswith("Resolution")]
    _text, ex = extract("Ukraine called on the State Duma to adopt a law on Crimea.")
    assert not [n for n in events(ex, "other").values() if n.startswith("Law")]


def test_sanctions_on_a_named_person_by_a_body() -> None:
    text, ex = extract("On 5 May the European Union imposed sanctions on Oleksiy Varenko, a judge in Simferopol.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Sanctions imposed by")]
    assert ("person:oleksiy-varenko", ev) in links(ex, "PARTICIPANT_IN", "target")
    assert ("org:european-union", ev) in links(ex, "PARTICIPANT_IN", "participant")
    check_quotes(text, ex.claims)


def test_a_visit_to_a_place_has_its_visitor_and_its_place() -> None:
    text, ex = extract("Ukrainian Ombudsman Lyudmila Dorenko visited Kherson on 9 June.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Visit of")]
    assert ("person:lyudmila-dorenko", ev) in links(ex, "PARTICIPANT_IN", "participant")
    assert (ev, "place:kherson") in links(ex, "LOCATED_IN")
    check_quotes(text, ex.claims)
    # "her visit to Kyiv": the possessive's owner
    _text, ex = extract("Lyudmila Dorenko spoke to reporters after her visit to Kyiv.")
    assert [n for n in events(ex, "other").values() if n.startswith("Visit of Lyudmila Dorenko")]
    # travelling somewhere is no visit a monitor records
    _text, ex = extract("Lyudmila Dorenko travelled to Kherson on 9 June.")
    assert not [n for n in events(ex, "other").values() if n.startswith("Visit of")]


def test_a_session_of_a_body() -> None:
    _text, ex = extract("The situation in Crimea was discussed at the 52nd session of the UN Human Rights Council.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Session of")]
    assert any(ev == o for _s, o in links(ex, "PARTICIPANT_IN", "participant"))


def test_an_application_to_a_court_of_human_rights() -> None:
    _text, ex = extract("Emil Kurtaliyev lodged a complaint with the European Court of Human Rights in 2019.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Application of")]
    people = {s for s, o in links(ex, "PARTICIPANT_IN", "participant") if o == ev}
    assert "person:emil-kurtaliyev" in people and any(s.startswith("org:") for s in people)
    # an appeal to a domestic court is an appeal, not an application to a body
    _text, ex = extract("Emil Kurtaliyev appealed to the Supreme Court of Crimea in 2019.")
    assert not [n for n in events(ex, "other").values() if n.startswith("Application of")]


def test_a_criminal_case_opened_against_a_person_is_a_charge() -> None:
    text, ex = extract("On 3 May 2021, the FSB opened a criminal case against activist Rustem Aliyev.")
    [ev] = events(ex, "charge")
    assert ("person:rustem-aliyev", ev) in links(ex, "PARTICIPANT_IN", "target")
    assert ("org:fsb", ev) in links(ex, "PARTICIPANT_IN", "perpetrator")
    check_quotes(text, ex.claims)
    _text, ex = extract("Investigators charged Rustem Aliyev with sabotage in June.")
    assert len(events(ex, "charge")) == 1


def test_a_preliminary_hearing_in_a_persons_case() -> None:
    _text, ex = extract("The Kyiv District Court held a preliminary hearing in the case of Rustem Aliyev on 5 June 2021.")
    [ev] = events(ex, "hearing")
    assert ("person:rustem-aliyev", ev) in links(ex, "PARTICIPANT_IN", "target")


def test_meetings_in_more_forms() -> None:
    _text, ex = extract("Foreign Minister Dmytro Kolenko held talks with Refat Chubarov in Kyiv on Monday.")
    [ev] = events(ex, "meeting")
    both = {s for s, o in links(ex, "PARTICIPANT_IN", "participant") if o == ev}
    assert {"person:dmytro-kolenko", "person:refat-chubarov"} <= both
    _text, ex = extract("Dmytro Kolenko and Refat Chubarov met in Ankara on 2 March.")
    [ev] = events(ex, "meeting")
    assert {"person:dmytro-kolenko", "person:refat-chubarov"} <= {s for s, o in links(ex, "PARTICIPANT_IN") if o == ev}
    # "talks" with nobody: no meeting
    _text, ex = extract("Dmytro Kolenko said the talks were useful.")
    assert not events(ex, "meeting")


def test_acts_on_a_person_that_are_neither_arrest_nor_trial() -> None:
    for sentence, word in (("In 2020 the occupation authorities put Server Kadyrov on the federal wanted list.", "wanted"),
                           ("Lawyer Edem Kurtseitov was disbarred in May 2021.", "Expulsion"),
                           ("In May Edem Kurtseitov was banned from leaving Russia.", "Travel ban"),
                           ("The United Kingdom sanctioned Oleksiy Varenko in March.", "Sanctions")):
        text, ex = extract(sentence)
        names = list(events(ex, "other").values())
        assert any(word in n for n in names), (sentence, names)
        check_quotes(text, ex.claims)


def test_taken_from_hospital_and_brought_somewhere_is_a_transfer_by_the_agency() -> None:
    text, ex = extract("On 2 May, Russian security services took activist Lenur Sadykov from hospital and brought him to "
                       "Simferopol airport.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Transfer of")]
    assert ("person:lenur-sadykov", ev) in links(ex, "PARTICIPANT_IN", "target")
    assert any(o == ev and s.startswith("org:") for s, o in links(ex, "PARTICIPANT_IN", "perpetrator"))
    check_quotes(text, ex.claims)
    # "took part in", "took a photo from": nobody moved
    _text, ex = extract("Lenur Sadykov took part in a rally and took questions from the press.")
    assert not [n for n in events(ex, "other").values() if n.startswith("Transfer of")]


def test_a_campaign_an_actor_wages_somewhere() -> None:
    text, ex = extract("Since 2015, the Russian occupation authorities have engaged in an array of abuses in a campaign to "
                       "silence all dissent in Crimea.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Campaign by")]
    assert any(o == ev and s.startswith("org:") for s, o in links(ex, "PARTICIPANT_IN", "perpetrator"))
    assert (ev, "place:crimea") in links(ex, "LOCATED_IN")
    check_quotes(text, ex.claims)
    # a campaign nobody is said to wage is commentary
    _text, ex = extract("Crimean Tatars have faced a campaign of repression in Crimea.")
    assert not [n for n in events(ex, "other").values() if n.startswith("Campaign by")]


def test_testimony_obtained_through_torture_is_no_torture_of_the_defendants() -> None:
    _text, ex = extract("The case against Lenur Sadykov and Refat Oruchev rested on testimony obtained through torture.")
    assert not events(ex, "torture")
    _text, ex = extract("Lenur Sadykov said he was tortured by FSB officers in March.")
    assert len(events(ex, "torture")) == 1


def test_an_organisation_refused_registration_or_blocked() -> None:
    text, ex = extract("In 2015 the occupation authorities refused to register the Crimean Tatar channel ATR.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Restrictions on")]
    assert ("org:atr", ev) in links(ex, "PARTICIPANT_IN", "target")
    assert ("org:russian-occupation-authorities", ev) in links(ex, "PARTICIPANT_IN", "perpetrator")
    check_quotes(text, ex.claims)
    _text, ex = extract("The Mejlis was denied registration by the Russian Ministry of Justice in 2016.")
    [ev] = [k for k, n in events(ex, "other").items() if n.startswith("Restrictions on Mejlis")]
    assert ("org:mejlis", ev) in links(ex, "PARTICIPANT_IN", "target")
    assert all(s != "org:mejlis" for s, o in links(ex, "PARTICIPANT_IN", "perpetrator"))
    # an agency is no organisation restricted ("the FSB was forced to stop" is no act on the FSB)
    _text, ex = extract("The FSB was forced to stop the operation.")
    assert not [n for n in events(ex, "other").values() if n.startswith("Restrictions on")]


def test_a_court_that_sanctioned_an_arrest_imposed_no_sanctions() -> None:
    _text, ex = extract("On 5 May the Kyiv District Court sanctioned the arrest of Lenur Sadykov.")
    assert not [n for n in events(ex, "other").values() if n.startswith("Sanctions")]


def test_the_release_from_detention_of_a_person_is_a_release_and_a_detention() -> None:
    text, ex = extract("Dozens gathered in Simferopol on 23 May to witness the release from detention of lawyer Lenur Sadykov.")
    [rel], [det] = events(ex, "release"), events(ex, "detention")
    assert {("person:lenur-sadykov", rel), ("person:lenur-sadykov", det)} <= links(ex, "PARTICIPANT_IN", "target")
    check_quotes(text, ex.claims)
