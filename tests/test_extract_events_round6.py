"""Events of round 6 (issue 20): the classes of English other writers use for deaths, abductions,
disappearances, official warnings, travel bans, searches told with an adverb, and people taken
from their homes. The sentences are made up for the tests (fictional people)."""

from __future__ import annotations

from pathlib import Path

import yaml

from loaders.extract import extract_articles
from loaders.extract.claims import Extraction
from loaders.extract.events import coordinated
from tests.extract_helpers import check_quotes, extract


def draft(tmp_path: Path, text: str, name: str = "a") -> dict:
    """``text`` (title, blank line, body) through the whole extractor: the draft document."""
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    report = extract_articles([path], tmp_path / "out")
    assert not report.failed, report.failed
    return yaml.safe_load(report.written[0][1].read_text(encoding="utf-8"))


def events(ex: Extraction) -> dict[str, tuple[str, set[tuple[str, str]]]]:
    """Each event's kind and its (subject, role) participants."""
    out = {}
    for key, e in ex.entities.items():
        if e.label == "Event":
            who = {(c.subject, str(c.qualifiers.get("role", "")) if c.predicate == "PARTICIPANT_IN" else "STATES")
                   for c in ex.claims if c.object == key}
            out[key] = (str(e.attributes.get("kind")), who)
    return out


def test_an_age_between_two_names_keeps_them_one_list() -> None:
    assert coordinated(", 19, and ")
    assert coordinated(", aged 40, and ")
    assert not coordinated(", 19, said ")


def test_pushed_into_a_van_is_an_abduction_of_each_person_named() -> None:
    text, ex = extract("Arlen Temirov, 21, and Dilyaver Osmanov, 30, were pushed into a van by unknown men on 3 May.")
    evs = events(ex)
    assert evs["event:arlen-temirov-disappearance"] == ("other", {("person:arlen-temirov", "target")})
    assert evs["event:dilyaver-osmanov-disappearance"][1] == {("person:dilyaver-osmanov", "target")}
    check_quotes(text, ex.claims)


def test_missing_people_listed_after_the_phrase_not_the_person_before() -> None:
    text, ex = extract("The report names the death of Arlen Temirov and two missing local activists, Petro Hlushko "
                       "and Server Zaitov.")
    evs = events(ex)
    assert evs["event:arlen-temirov-death"] == ("other", {("person:arlen-temirov", "target")})
    assert "event:arlen-temirov-disappearance" not in evs
    assert evs["event:petro-hlushko-disappearance"][1] == {("person:petro-hlushko", "target")}
    assert evs["event:server-zaitov-disappearance"][1] == {("person:server-zaitov", "target")}
    check_quotes(text, ex.claims)


def test_missing_needs_people_named_after_it() -> None:
    _text, ex = extract("Arlen Temirov spoke about missing persons in general.")
    assert not [k for k in events(ex) if k.endswith("-disappearance")]


def test_his_killing_is_the_killing_of_the_man_named_before() -> None:
    _text, ex = extract("Arlen Temirov was abducted in March. Nobody has been held accountable for his killing.")
    evs = events(ex)
    assert evs["event:arlen-temirov-killing"] == ("other", {("person:arlen-temirov", "target")})


def test_an_official_warning_has_its_target_and_the_agency_that_gave_it() -> None:
    text, ex = extract("On 5 May editor Arlen Temirov was given an official warning by the FSB over his articles.")
    kind, who = events(ex)["event:arlen-temirov-warning"]
    assert kind == "other" and who == {("person:arlen-temirov", "target"), ("org:fsb", "perpetrator")}
    check_quotes(text, ex.claims)


def test_barred_from_leaving_is_a_travel_ban_on_the_person() -> None:
    _text, ex = extract("Police searched the home of Arlen Temirov. Investigators say he is banned from leaving the region.")
    assert events(ex)["event:arlen-temirov-travel-ban"] == ("other", {("person:arlen-temirov", "target")})


def test_a_search_told_with_an_adverb_and_a_man_taken_from_his_home() -> None:
    _text, ex = extract("Arlen Temirov was taken from his home in Simferopol on 11 May. His house was repeatedly searched.")
    evs = events(ex)
    assert evs["event:arlen-temirov-detention"][0] == "detention"
    assert evs["event:arlen-temirov-search"] == ("search", {("person:arlen-temirov", "target")})


def test_every_source_an_according_to_lists_has_its_own_statement_or_publication() -> None:
    text, ex = extract("Arlen Temirov and Server Zaitov were arrested later that day, according to the Ukraine-based "
                       "Kharkiv Human Rights Protection Group (KHPG), and Crimean Solidarity, a group that assists prisoners.")
    evs = events(ex)
    assert evs["event:kharkiv-human-rights-protection-group-statement"] == (
        "statement", {("org:kharkiv-human-rights-protection-group", "STATES")})
    assert evs["event:crimean-solidarity-statement"] == ("statement", {("org:crimean-solidarity", "STATES")})
    check_quotes(text, ex.claims)


def test_a_review_or_a_media_outlet_as_the_source_is_a_publication() -> None:
    text, ex = extract("Arlen Temirov posted videos, according to Krym.Realii (Crimea Realities) and a CPJ review of the videos.")
    evs = events(ex)
    assert evs["event:krym-realii-report"][0] == "publication"
    assert evs["event:committee-to-protect-journalists-report"] == (
        "publication", {("org:committee-to-protect-journalists", "STATES")})
    check_quotes(text, ex.claims)


def test_according_to_stops_at_a_clause_of_its_own() -> None:
    _text, ex = extract("Arlen Temirov was detained, according to Human Rights Watch, which said the FSB later searched "
                        "the offices of Crimean Solidarity.")
    states = {c.subject for c in ex.claims if c.predicate == "STATES"}
    assert "org:human-rights-watch" in states and "org:crimean-solidarity" not in states


def test_a_person_cited_or_denying_the_charges_makes_a_statement() -> None:
    text, ex = extract("Police detained Arlen Temirov, according to Radio Free Europe/Radio Liberty (RFE/RL), which cited "
                       "his wife, Lemara Temirova. Temirov denied any wrongdoing.")
    evs = events(ex)
    assert evs["event:lemara-temirova-statement"] == ("statement", {("person:lemara-temirova", "STATES")})
    assert evs["event:arlen-temirov-statement"] == ("statement", {("person:arlen-temirov", "STATES")})
    check_quotes(text, ex.claims)


def test_an_organisations_announcement_is_its_statement() -> None:
    text, ex = extract("The minister noted the Human Rights Watch announcement of 10 September about the trials.")
    assert events(ex)["event:human-rights-watch-statement"] == ("statement", {("org:human-rights-watch", "STATES")})
    check_quotes(text, ex.claims)


def test_a_state_that_annexed_a_land_is_the_perpetrator_of_its_annexation() -> None:
    text, ex = extract("Since Russia annexed Crimea, critics have been silenced.")
    assert events(ex)["event:russian-annexation-of-crimea-2014"] == ("other", {("org:russian-federation", "perpetrator")})
    check_quotes(text, ex.claims)


def test_a_decision_to_suspend_an_organisation_is_an_act_against_it() -> None:
    _text, ex = extract("The decision to suspend the Mejlis came on 13 April.")
    kind, who = events(ex)["event:mejlis-ban"]
    assert kind == "other" and ("org:mejlis-of-the-crimean-tatar-people", "target") in who
    _text, ex = extract("The judge suspended the hearing of Arlen Temirov.")
    assert not [k for k in events(ex) if k.endswith("-ban")]


def test_detained_before_a_custodial_measure_is_the_arrest() -> None:
    text, ex = extract("On 22 March 2018, officers of the FSB detained Arlen Temirov at his home. The FSB seized books "
                       "and placed him in pre-trial detention in Simferopol.")
    evs = events(ex)
    assert evs["event:arlen-temirov-arrest"] == ("arrest", {("person:arlen-temirov", "target"), ("org:fsb", "perpetrator")})
    assert ("person:arlen-temirov", "target") in evs["event:arlen-temirov-detention"][1]
    check_quotes(text, ex.claims)
    # without a measure, "detained" stays a detention
    _text, ex = extract("Police detained Arlen Temirov. He was released the same day.")
    assert "event:arlen-temirov-detention" in events(ex) and "event:arlen-temirov-arrest" not in events(ex)


def test_an_unknown_name_may_open_the_list_of_sources() -> None:
    _text, ex = extract("Arlen Temirov was arrested later that day, according to “Granit”, the Ukraine-based Kharkiv Human "
                        "Rights Protection Group (KHPG), and Crimean Solidarity.")
    states = {c.subject for c in ex.claims if c.predicate == "STATES"}
    assert {"org:kharkiv-human-rights-protection-group", "org:crimean-solidarity"} <= states


def test_a_speaker_releasing_a_report_publishes_and_a_journalist_reporting_on_something_does_not_state() -> None:
    _text, ex = extract("“All cases must be investigated,” stated today Nils Muižnieks, Council of Europe Commissioner for "
                        "Human Rights, releasing a report on his mission.")
    assert events(ex)["event:nils-muiznieks-report"] == ("publication", {("person:nils-muiznieks", "STATES")})
    _text, ex = extract("Arlen Temirov reported on the activities of the Crimean Tatars.")
    assert not [c for c in ex.claims if c.predicate == "STATES"]


def test_who_closes_a_quotation_is_not_the_object_of_its_acts_unless_it_speaks_in_the_first_person() -> None:
    _text, ex = extract("“Across Russia, believers are being sent to jail, tortured and harassed,” said Marie Struthers, "
                        "Amnesty International’s Director.")
    assert not [c for c in ex.claims if c.predicate == "PARTICIPANT_IN" and c.subject == "person:marie-struthers"]
    _text, ex = extract("“I was tortured,” said Arlen Temirov.")
    assert events(ex)["event:arlen-temirov-torture"] == ("torture", {("person:arlen-temirov", "target")})


def test_a_prosecutors_request_for_a_term_and_a_court_hearing_are_hearings() -> None:
    _text, ex = extract("There were reports that the Russian prosecutor has asked for 23 years for Arlen Temirov.")
    assert events(ex)["event:arlen-temirov-hearing"] == ("hearing", {("person:arlen-temirov", "target"),
                                                               ("org:russian-prosecutor-generic", "prosecutor")})
    _text, ex = extract("Arlen Temirov appeared at a preliminary hearing in Simferopol.")
    assert events(ex)["event:arlen-temirov-hearing"][0] == "hearing"


def test_a_sentence_upheld_reduced_or_appealed_against_is_an_appeal() -> None:
    _text, ex = extract("The sentence of Arlen Temirov was upheld by the Supreme Court on 5 May.")
    kind, who = events(ex)["event:arlen-temirov-appeal"]
    assert kind == "appeal" and ("person:arlen-temirov", "target") in who
    _text, ex = extract("The Supreme Court reduced the sentence of Arlen Temirov to 12 years.")
    assert "event:arlen-temirov-appeal" in events(ex)
    # an appeal hearing still awaited has not happened
    _text, ex = extract("Arlen Temirov was not yet remanded while awaiting an appeal hearing in his case.")
    assert "event:arlen-temirov-appeal" not in events(ex)


def test_time_in_custody_is_a_detention_of_each_person_listed() -> None:
    text, ex = extract("For Arlen Temirov, Server Zaitov and other hostages, more than one year has passed in Russian custody.")
    evs = events(ex)
    assert evs["event:arlen-temirov-detention"] == ("detention", {("person:arlen-temirov", "target")})
    assert evs["event:server-zaitov-detention"] == ("detention", {("person:server-zaitov", "target")})
    check_quotes(text, ex.claims)
    _text, ex = extract("Arlen Temirov was taken into custody on 5 May.")
    assert set(events(ex)) == {"event:arlen-temirov-arrest"}


def test_who_describes_something_as_something_speaks() -> None:
    _text, ex = extract("Amnesty International described the proceedings as redolent of show trials.")
    assert events(ex)["event:amnesty-international-statement"] == ("statement", {("org:amnesty-international", "STATES")})


def test_every_agency_of_a_list_did_the_act_but_a_comma_alone_is_no_list() -> None:
    text, ex = extract("On 27 March 2019, officers of the Russian Federation’s Federal Security Service (FSB), the Federal "
                       "Ministry of the Interior, and the National Guard raided the homes of Arlen Temirov.")
    perps = {s for s, role in events(ex)["event:arlen-temirov-search"][1] if role == "perpetrator"}
    assert {"org:fsb", "org:rosgvardia"} <= perps and len(perps) == 3
    check_quotes(text, ex.claims)
    _text, ex = extract("Arlen Temirov, detained on suspicion of involvement with Hizb ut-Tahrir, occupation authorities "
                        "denied medical assistance to him.")
    assert not [c for c in ex.claims if c.subject == "org:hizb-ut-tahrir" and c.predicate == "PARTICIPANT_IN"]


def test_agents_placed_somewhere_and_an_adverb_before_the_second_verb_keep_their_acts() -> None:
    text, ex = extract("On 19 April 2016, FSB agents in the Russia-annexed Ukrainian region of Crimea raided and searched the "
                       "house of journalist Arlen Temirov, confiscated his equipment, and briefly detained him for questioning.")
    evs = events(ex)
    assert ("org:fsb", "perpetrator") in evs["event:arlen-temirov-search"][1]
    assert ("org:fsb", "perpetrator") in evs["event:arlen-temirov-detention"][1]
    check_quotes(text, ex.claims)


def test_the_agency_that_placed_someone_in_pre_trial_detention_holds_them() -> None:
    _text, ex = extract("Police detained Arlen Temirov. The FSB seized books and placed him in pre-trial detention in Simferopol.")
    assert events(ex)["event:arlen-temirov-detention"][1] == {("person:arlen-temirov", "target"), ("org:fsb", "perpetrator")}


def test_a_trial_named_with_its_place_and_a_testimony_at_a_trial() -> None:
    _text, ex = extract("Arlen Temirov’s trial in Rostov-on-Don drew observers.")
    assert events(ex)["event:arlen-temirov-trial"][0] == "trial"
    _text, ex = extract("We are concerned by Arlen Temirov’s testimony during his trial on August 6.")
    evs = events(ex)
    assert evs["event:arlen-temirov-hearing"] == ("hearing", {("person:arlen-temirov", "target")})
    assert "event:arlen-temirov-trial" not in evs  # "his trial on August 6" is when he testified, not another act


def test_an_organisations_office_holder_speaks_not_the_organisation() -> None:
    _text, ex = extract("Pressure on the media must stop, says OSCE representative.")
    assert not [c for c in ex.claims if c.predicate == "STATES" and c.subject == "org:osce"]
    _text, ex = extract("Pressure on the media must stop, says the OSCE.")
    assert [c for c in ex.claims if c.predicate == "STATES" and c.subject == "org:osce"]


def test_detained_for_questioning_is_one_detention_not_an_interrogation_besides() -> None:
    _text, ex = extract("Police briefly detained Arlen Temirov for interrogation on 5 May.")
    assert set(events(ex)) == {"event:arlen-temirov-detention"}
    _text, ex = extract("Arlen Temirov was summoned for questioning on 5 May.")
    assert "event:arlen-temirov-interrogation" in events(ex)


def test_a_headlines_detained_is_the_arrest_the_body_reports(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Journalist Arlen Temirov Detained by Police\n\nArlen Temirov was arrested on 5 May in Simferopol.\n")
    kinds = {e["attributes"]["kind"] for e in doc["entities"] if e["label"] == "Event"}
    assert kinds == {"arrest"}
    doc = draft(tmp_path, "Journalist Arlen Temirov Detained by Police\n\nArlen Temirov was arrested on 5 May and remains in "
                          "detention in Simferopol.\n", "b")
    assert "detention" in {e["attributes"]["kind"] for e in doc["entities"] if e["label"] == "Event"}


def test_who_issues_a_warning_is_not_its_target() -> None:
    _text, ex = extract("Lawyer Arlen Temirov issued a warning about the trial.")
    assert not [k for k in events(ex) if k.endswith("-warning")]
    _text, ex = extract("Key documents were missing from the case file of Arlen Temirov.")
    assert not [k for k in events(ex) if k.endswith("-disappearance")]


def test_the_death_of_a_thing_is_nobodys_death() -> None:
    _text, ex = extract("Arlen Temirov warned of the death of free media.")
    assert not [k for k in events(ex) if k.endswith("-death")]


def test_the_author_of_a_statement_on_an_act_is_not_its_perpetrator() -> None:
    text, ex = extract("Statement by the Foreign Ministry on the detention of Eldar Odamanov and Lenur Sadykov.")
    check_quotes(text, ex.claims)
    assert not [c for c in ex.claims if c.qualifiers.get("role") == "perpetrator"]
    text, ex = extract("The persecution by the FSB, including the detention of Eldar Odamanov, continues.")
    assert any(c.subject == "org:fsb" and c.qualifiers.get("role") == "perpetrator" for c in ex.claims)
