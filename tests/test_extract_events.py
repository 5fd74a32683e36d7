"""Events for every person of a group (issue 20): lists with titles between the names,
"the three men", "their homes", "This includes A, B and C", the acting state, the place
and the case of an event. The articles here are written for the tests (fictional people)."""

from __future__ import annotations

from pathlib import Path

import yaml

from loaders.extract import extract_articles
from loaders.extract.events import article_groups, coordinated, plural_mentions
from loaders.extract.mentions import Mention
from loaders.facts import validate


def draft(tmp_path: Path, text: str, name: str = "a") -> dict:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    report = extract_articles([path], tmp_path / "out")
    assert not report.failed, report.failed
    out = report.written[0][1]
    assert validate([out])[1] == []
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def claims(doc: dict, predicate: str, role: str | None = None) -> set[tuple[str, str]]:
    return {(c["subject"], c["object"]) for c in doc["claims"]
            if c["predicate"] == predicate and (role is None or c.get("role") == role)}


def test_names_with_titles_and_descriptions_between_them_are_one_list() -> None:
    assert coordinated(", ")
    assert coordinated(" and Deputy Head of the Mejlis of Crimean Tatars, ")
    assert coordinated(", the first deputy of the Mejlis, and activist cousins ")
    assert coordinated(" and Ukrainian activist ")
    assert coordinated(" or ")
    # A clause of its own between two names is no list.
    assert not coordinated(" said that ")
    assert not coordinated(", who represents ")
    assert not coordinated(" told his lawyer ")


def test_a_numbered_plural_means_the_list_of_that_many_people() -> None:
    text = "The three men were detained.\n\nArsen Tulayev\n\nLenur Sadykov\n\nRefat Oruchev\n"
    people = [Mention(text.find(n), text.find(n) + len(n), n, "Person", ref=f"person:{i}")
              for i, n in enumerate(("Arsen Tulayev", "Lenur Sadykov", "Refat Oruchev"))]
    groups = article_groups(text, people)
    assert [g[2] for g in groups] == [["person:0", "person:1", "person:2"]]
    [(a, b, refs)] = plural_mentions(0, "The three men were detained.", [], [], groups)
    assert text[a:b] == "The three men" and refs == ["person:0", "person:1", "person:2"]
    # "five men" when the article lists three: nobody known.
    assert plural_mentions(0, "Five men were detained.", [], [], groups) == []


def test_one_detention_and_one_search_per_person_of_a_list(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Crackdown\n\nThe Ministry condemns the detention by the FSB of the 4 Crimean Tatars – Arsen "
                          "Tulayev, Lenur Sadykov, Refat Oruchev and Deputy Head of the Mejlis, Eskender Bariyev – on "
                          "5 May, following raids on their homes.\n")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    perpetrators = claims(doc, "PARTICIPANT_IN", "perpetrator")
    for who in ("arsen-tulayev", "lenur-sadykov", "refat-oruchev", "eskender-bariyev"):
        assert (f"person:{who}", f"event:{who}-detention") in targets
        assert (f"person:{who}", f"event:{who}-search") in targets
        assert ("org:fsb", f"event:{who}-detention") in perpetrators


def test_people_listed_after_a_colon_are_the_group_the_article_spoke_of(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Prisoners\n\nThe three men were detained by the Russian authorities and given long prison "
                          "sentences.\n\nThe three prisoners are:\n\nArsen Tulayev\n\nLenur Sadykov\n\nRefat Oruchev\n")
    for who in ("arsen-tulayev", "lenur-sadykov", "refat-oruchev"):
        assert (f"person:{who}", f"event:{who}-detention") in claims(doc, "PARTICIPANT_IN", "target")
        assert ("org:russian-authorities", f"event:{who}-detention") in claims(doc, "PARTICIPANT_IN", "perpetrator")
        assert (f"person:{who}", f"case:{who}") in claims(doc, "DEFENDANT_IN")


def test_this_includes_names_the_people_of_the_previous_act(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Statement\n\nWe call on Russia to release all of the Ukrainians it has imprisoned for their "
                          "views. This includes Arsen Tulayev, Lenur Sadykov and Refat Oruchev.\n")
    for who in ("arsen-tulayev", "lenur-sadykov", "refat-oruchev"):
        assert (f"person:{who}", f"event:{who}-detention") in claims(doc, "PARTICIPANT_IN", "target")
        assert ("org:russian-federation", f"event:{who}-detention") in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert not any(e["attributes"].get("kind") == "release" for e in doc["entities"] if e["label"] == "Event")


def test_an_act_on_an_unnamed_collective_has_no_named_target(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Hunger strike\n\nArsen Tulayev and Lenur Sadykov are on hunger strike in protest against the "
                          "continued detention of Ukrainian political prisoners.\n")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    assert not any(obj.endswith("-detention") for _s, obj in targets)
    assert ("person:arsen-tulayev", "event:arsen-tulayev-hunger-strike") in claims(doc, "PARTICIPANT_IN", "participant")
    assert not claims(doc, "PARTICIPANT_IN", "perpetrator")  # a hunger strike is their own act


def test_a_state_after_an_adverbial_acts_and_shared_surnames_make_two_people(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Arrests\n\nIn 2020, Russia detained Eskender Bariyev and the brothers Arsen and Lenur "
                          "Tulayev. The authorities maintained unfounded charges against these men, sentencing them "
                          "to long terms.\n")
    names = {e["name"] for e in doc["entities"] if e["label"] == "Person"}
    assert {"Eskender Bariyev", "Arsen Tulayev", "Lenur Tulayev"} <= names
    for who in ("eskender-bariyev", "arsen-tulayev", "lenur-tulayev"):
        assert ("org:russian-federation", f"event:{who}-detention") in claims(doc, "PARTICIPANT_IN", "perpetrator")
        assert (f"person:{who}", f"event:{who}-verdict") in claims(doc, "PARTICIPANT_IN", "target")
    assert not claims(doc, "ACCUSED_OF")  # "unfounded charges against these men" names no charge


def test_the_place_and_the_case_of_an_event(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Trial\n\nOn 3 March, the Southern District Military Court in Rostov-on-Don sentenced Arsen "
                          "Tulayev to 12 years. Lenur Sadykov, a journalist from Simferopol who was detained in Kherson "
                          "and transferred to Crimea. Lenur Sadykov is now held in Sevastopol. He was detained and charged with "
                          "\u201csabotage\u201d. Refat Oruchev's house in the village of Dubki was searched.\n")
    located = claims(doc, "LOCATED_IN")
    assert ("event:arsen-tulayev-verdict", "place:rostov-on-don") in located
    assert ("event:lenur-sadykov-detention", "place:kherson") in located
    assert ("event:lenur-sadykov-transfer", "place:crimea") in located
    assert ("person:lenur-sadykov", "place:sevastopol") in located
    assert any(s == "person:refat-oruchev" and o.startswith("place:dubk") for s, o in located)  # GeoNames: Dubky
    assert ("event:lenur-sadykov-detention", "case:lenur-sadykov") in claims(doc, "PART_OF")
    [accused] = [c for c in doc["claims"] if c["predicate"] == "ACCUSED_OF"]
    assert accused["subject"] == "person:lenur-sadykov" and accused["charge"] == "sabotage"


def test_place_part_of_country_phrases(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Statement\n\nWe call on Russia to return control of Crimea to Ukraine. The court sits in "
                          "Yalta, a city the world recognizes as part of Ukraine.\n")
    parts = claims(doc, "PART_OF")
    assert ("place:crimea", "place:ukraine") in parts
    assert ("place:yalta", "place:ukraine") in parts


def test_an_organisation_banned_is_the_target_and_an_appeal_court_judges(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Ban\n\nThe recent banning of Crimean Solidarity by the Russian authorities is a blow. "
                          "Later the Supreme Court of Russia upheld the ban of the Mejlis of the Crimean Tatar People.\n")
    events = {e["key"]: e for e in doc["entities"] if e["label"] == "Event"}
    assert events["event:crimean-solidarity-ban"]["attributes"]["kind"] == "other"
    assert ("org:crimean-solidarity", "event:crimean-solidarity-ban") in claims(doc, "PARTICIPANT_IN", "target")
    assert ("org:russian-authorities", "event:crimean-solidarity-ban") in claims(doc, "PARTICIPANT_IN", "perpetrator")
    [appeal] = [k for k, e in events.items() if e["attributes"]["kind"] == "appeal"]
    assert any(s.startswith("org:supreme-court") for s, o in claims(doc, "PARTICIPANT_IN", "judge") if o == appeal)
    # "the banned X" describes X; it reports no act.
    doc = draft(tmp_path, "Note\n\nHe is a member of the banned Crimean Solidarity.\n", "b")
    assert not any(e["label"] == "Event" and e["key"].endswith("-ban") for e in doc["entities"])


def test_a_detention_for_a_quoted_charge_and_a_prosecution_make_cases(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Arrest\n\nOn 2 June, the Investigative Committee detained the activist Arsen Tulayev for "
                          "\u201corganizing mass riots.\u201d The law has been a pretext for the prosecution of critics, "
                          "including the blogger Lenur Sadykov.\n")
    [accused] = [c for c in doc["claims"] if c["predicate"] == "ACCUSED_OF"]
    assert accused["subject"] == "person:arsen-tulayev" and accused["charge"] == "organizing mass riots"
    assert ("event:arsen-tulayev-detention", "case:arsen-tulayev") in claims(doc, "PART_OF")
    assert ("person:lenur-sadykov", "case:lenur-sadykov") in claims(doc, "DEFENDANT_IN")


def test_a_by_far_from_the_act_names_the_agent_of_another_word(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Fear\n\nArsen Tulayev, who was detained in Sevastopol on 4 May, added to the climate of "
                          "fear propagated by the Russian authorities.\n")
    assert ("person:arsen-tulayev", "event:arsen-tulayev-detention") in claims(doc, "PARTICIPANT_IN", "target")
    assert not claims(doc, "PARTICIPANT_IN", "perpetrator")


def test_acts_on_many_unnamed_people_are_one_located_event_with_its_agent(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Raids\n\nThe FSB carried out mass arrests in Bakhchysarai on 5 May.\n\n"
                          "Nobody counts the searches and arrests.\n")
    [event] = [e for e in doc["entities"] if e["label"] == "Event"]
    assert event["attributes"]["kind"] == "arrest"
    assert ("org:fsb", event["key"]) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert any(s == event["key"] and o.startswith("place:bakh") for s, o in claims(doc, "LOCATED_IN"))


def test_a_persecuted_defendant_and_a_home_named_by_a_pronoun(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Persecution\n\nArsen Tulayev, a deputy chairman of the Mejlis, who is the subject of "
                          "politically motivated persecution, spoke out. Police carried out a search of his residence in the "
                          "village of Dubki on 3 May. He was released on 9 May.\n")
    assert ("person:arsen-tulayev", "case:arsen-tulayev") in claims(doc, "DEFENDANT_IN")
    assert any(s == "person:arsen-tulayev" and o.startswith("place:dubk") for s, o in claims(doc, "LOCATED_IN"))
    assert ("event:arsen-tulayev-release", "case:arsen-tulayev") in claims(doc, "PART_OF")


def test_the_one_person_a_sentence_is_about_and_charges_in_plain_words(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Verdict\n\nArsen Tulayev was arrested by the FSB in May 2019 in Sevastopol, and convicted to "
                          "ten years in a prison colony in Russia, as a citizen of Russia, on charges of terrorism. "
                          "Lenur Sadykov was sentenced to two years for expressing his opposition to the occupation "
                          "online.\n")
    charges = {c["subject"]: c.get("charge") for c in doc["claims"] if c["predicate"] == "ACCUSED_OF"}
    assert charges["person:arsen-tulayev"] == "terrorism"
    assert charges["person:lenur-sadykov"].startswith("expressing his opposition")


# --- precision guards (round 3): each rule on sentences written for it --------------------------

def test_a_name_after_a_second_coordinated_verb_is_that_verbs_object(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Raid\n\nOn 15 March 2019, officers of the Federal Security Service (FSB) searched the homes of "
                          "believers in Dzhankoi and detained Arsen Tulayev.\n")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    assert ("person:arsen-tulayev", "event:arsen-tulayev-detention") in targets
    assert not any(o.endswith("-search") for _s, o in targets)  # the homes searched are not his
    # A participle does not take the name away: "sentenced seven people arrested in ..., including X".
    doc = draft(tmp_path, "Verdict\n\nOn 16 September 2020, the Southern District Military Court sentenced seven people "
                          "arrested in Crimea in 2019, including Lenur Sadykov, to long prison terms.\n", "b")
    assert ("person:lenur-sadykov", "event:lenur-sadykov-verdict") in claims(doc, "PARTICIPANT_IN", "target")


def test_an_agency_named_with_its_acronym_detains(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Arrest\n\nOn 3 May 2021, the Federal Security Service (FSB) detained Refat Oruchev in Yalta.\n")
    assert ("org:fsb", "event:refat-oruchev-detention") in claims(doc, "PARTICIPANT_IN", "perpetrator")


def test_a_release_asked_for_with_two_adverbs_is_no_release(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Appeal\n\nEskender Bariyev must be immediately and unconditionally released.\n")
    assert not any(o.endswith("-release") for _s, o in claims(doc, "PARTICIPANT_IN"))


def test_a_court_is_the_judge_of_an_extension_and_its_seat_is_not_the_acts_place(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Custody\n\nIn August 2021, the Kyivskyi District Court in Simferopol extended the detention of "
                          "Arsen Tulayev until October.\n")
    roles = {(c["subject"], c.get("role")) for c in doc["claims"] if c["predicate"] == "PARTICIPANT_IN"}
    assert ("person:arsen-tulayev", "target") in roles
    assert not any(r == "perpetrator" for _s, r in roles)
    doc = draft(tmp_path, "Jailed\n\nLenur Sadykov was sentenced on 26 January to 10 days of administrative detention by the "
                          "Kyivskyi District Court in Simferopol.\n", "b")
    assert not any(s.endswith("-detention") for s, _o in claims(doc, "LOCATED_IN"))


def test_no_place_through_another_clause(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Concern\n\nThe sentencing of Lenur Sadykov offers yet another example of the deteriorating "
                          "human rights situation in Crimea since 2014.\n")
    assert not any(s.startswith("event:") for s, _o in claims(doc, "LOCATED_IN"))
    doc = draft(tmp_path, "Mass detention\n\nThe detention of a large group of Crimean Tatars, who assembled peacefully in "
                          "Simferopol to witness the release of Refat Oruchev, is alarming.\n", "b")
    assert ("event:refat-oruchev-release", "place:simferopol") not in claims(doc, "LOCATED_IN")


def test_the_charge_of_having_done_a_quoted_act(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Verdict\n\nEskender Bariyev was found guilty of having organized “mass disturbances” linked to "
                          "clashes between supporters of two sides that led to the death of two people.\n")
    assert ("person:eskender-bariyev", "case:eskender-bariyev") in claims(doc, "ACCUSED_OF")
    doc = draft(tmp_path, "Arrest\n\nOn 11 February 2021, security forces arrested Arsen Tulayev in Yalta and charged him "
                          "with espionage under Article 276.\n", "b")
    assert ("person:arsen-tulayev", "case:arsen-tulayev") in claims(doc, "ACCUSED_OF")


def test_questioning_a_fairness_is_no_interrogation(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Doubts\n\nThe European Union has questioned the fairness of the proceedings against Arsen Tulayev.\n")
    assert not any(o.endswith("-interrogation") for _s, o in claims(doc, "PARTICIPANT_IN"))
    doc = draft(tmp_path, "Questioned\n\nLenur Sadykov was questioned by the FSB for six hours.\n", "b")
    assert ("person:lenur-sadykov", "event:lenur-sadykov-interrogation") in claims(doc, "PARTICIPANT_IN", "target")


def test_a_pronoun_after_an_unnamed_applicant_is_not_the_last_man_named(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Judgment\n\nSenator Ben Cardin said the sentencing of Server Zekiryaev was a travesty.\n\n"
                          "The Court notes that the applicant was arrested by FSB officers. The applicant alleged that he "
                          "was beaten during the arrest.\n")
    assert not any(o.endswith(("-ill-treatment", "-arrest")) for _s, o in claims(doc, "PARTICIPANT_IN"))
    # A pronoun in the next paragraph still means the man named just before.
    doc = draft(tmp_path, "Arrest\n\nOn 3 May 2021, the FSB detained Refat Oruchev in Yalta.\n\n"
                          "Two days later he was beaten in custody.\n", "b")
    assert ("person:refat-oruchev", "event:refat-oruchev-ill-treatment") in claims(doc, "PARTICIPANT_IN", "target")


def test_a_possessive_after_the_act_and_a_relative_are_not_its_target(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Faith\n\nArsen Tulayev was detained in May.\n\nJehovah's Witnesses were fined. One believer was "
                          "sentenced to six years for practising his faith.\n")
    assert not any(o.endswith("-verdict") for _s, o in claims(doc, "PARTICIPANT_IN"))
    doc = draft(tmp_path, "Torture\n\nAmina Umerova, the wife of Arsen Tulayev, said her husband was tortured.\n", "b")
    assert ("person:amina-umerova", "event:amina-umerova-torture") not in claims(doc, "PARTICIPANT_IN", "target")


def test_accused_by_name_and_no_verdict_place_through_a_second_verb(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Sabotage\n\nThe FSB accused Refat Oruchev of plotting sabotage.\n")
    assert ("person:refat-oruchev", "case:refat-oruchev") in claims(doc, "ACCUSED_OF")
    doc = draft(tmp_path, "Charges\n\nLenur Sadykov said that Ukraine accused Russia of persecuting Crimean Tatars.\n", "b")
    assert claims(doc, "ACCUSED_OF") == set()
    doc = draft(tmp_path, "Colony\n\nEskender Bariyev was convicted under Article 205.5 of the Russian Criminal Code and "
                          "transferred to a penal colony in Rostov-on-Don.\n", "c")
    located = claims(doc, "LOCATED_IN")
    assert ("event:eskender-bariyev-verdict", "place:rostov-on-don") not in located
    assert ("event:eskender-bariyev-transfer", "place:rostov-on-don") in located


def test_a_lawyer_detained_is_the_target_and_names_no_client(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Lawyer\n\nArsen Tulayev was charged with terrorism in 2019.\n\nOn 26 January 2017, lawyer Lenur "
                          "Sadykov was detained by police in Simferopol. The court found him guilty of \"propaganda of "
                          "extremist symbols\".\n")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    assert ("person:lenur-sadykov", "event:lenur-sadykov-detention") in targets
    assert ("person:lenur-sadykov", "event:lenur-sadykov-verdict") in targets  # "him": the lawyer, not the other man
    assert ("person:lenur-sadykov", "person:arsen-tulayev") not in claims(doc, "DEFENDS")


def test_penalties_and_things_seized_are_no_arrests(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Penalty\n\nRefat Oruchev was sentenced by the Kyivskyi District Court to 10 days of administrative "
                          "arrest. Officers searched Refat Oruchev’s home and seized equipment.\n")
    assert not any(o.endswith("-arrest") for _s, o in claims(doc, "PARTICIPANT_IN"))
    doc = draft(tmp_path, "Court\n\nThe applicant was arrested.\n\nThe Kyivskyi District Court of Simferopol extended the "
                          "detention of Refat Oruchev on 3 August 2016.\n", "b")
    assert ("org:kyiv-district-court-simferopol", "event:refat-oruchev-detention-extension") in claims(doc, "PARTICIPANT_IN", "judge")


def test_the_dateline_places_the_documents_statement_not_a_quoted_lawyers(tmp_path: Path) -> None:
    filler = "Russia continues to persecute Crimean Tatars in the occupied peninsula. " * 8
    doc = draft(tmp_path, f"Joint statement\n\nWashington, DC\nMarch 3, 2022\n\n{filler}\n\nEmil Kurbedinov, who represents "
                          "many of the defendants, said the cases were fabricated.\n")
    assert ("event:emil-kurbedinov-statement", "place:washington-dc") not in claims(doc, "LOCATED_IN")
    doc = draft(tmp_path, "Statement\n\nBrussels, 7 September 2021\n\nThe EU Spokesperson Peter Stano said the detention of "
                          "Arsen Tulayev is unacceptable.\n", "b")
    assert ("event:peter-stano-statement", "place:brussels") in claims(doc, "LOCATED_IN")


def test_charged_by_name_and_an_agency_after_by_with_an_adjective(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Charges\n\nThe prosecutors charged Osman Arifmemetov with terrorism. Eskender Bariyev was taken "
                          "into custody by the Russian police in Yalta.\n")
    assert ("person:osman-arifmemetov", "case:osman-arifmemetov") in claims(doc, "ACCUSED_OF")
    assert ("org:police-generic", "event:eskender-bariyev-arrest") in claims(doc, "PARTICIPANT_IN", "perpetrator")
    doc = draft(tmp_path, "Charges\n\nLenur Sadykov said the court charged Russia with nothing.\n", "b")
    assert claims(doc, "ACCUSED_OF") == set()


def test_acts_possible_feared_asked_for_negated_or_denied_are_not_reported_as_done(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Hypotheticals\n\nArsen Tulayev could be sentenced to 20 years if convicted. Refat Oruchev was "
                          "not detained, his lawyer said. Russian officials denied that Eskender Bariyev had been tortured. "
                          "Server Zekiryaev may be transferred to Russia. Remzi Bekirov risks being arrested if he returns "
                          "to Crimea. Prosecutors are seeking a 17-year sentence for Osman Arifmemetov.\n")
    assert claims(doc, "PARTICIPANT_IN") == set()
    assert claims(doc, "DEFENDANT_IN") == set()
    doc = draft(tmp_path, "Done\n\nArsen Tulayev was sentenced to 20 years. FSB officers tried to recruit Refat Oruchev as "
                          "an informant.\n", "b")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    assert ("person:arsen-tulayev", "event:arsen-tulayev-verdict") in targets
    assert any(s == "person:refat-oruchev" and o.endswith("pressure-to-cooperate") for s, o in targets)


def test_a_charge_that_may_come_is_no_charge(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Threat\n\nArsen Tulayev could be charged with treason. Lenur Sadykov was never charged with "
                          "any crime. Refat Oruchev faces charges of sabotage.\n")
    accused = {s for s, _o in claims(doc, "DEFENDANT_IN")}
    assert accused == {"person:refat-oruchev"}


def test_a_court_with_an_apposition_judges_and_a_detention_extended_later_in_the_clause(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Trial\n\nThe Southern District Military Court, presided over by Judge Roman Podolsky, sentenced "
                          "Arsen Tulayev to 12 years. The detention of Osman Arifmemetov, a citizen journalist, was extended "
                          "until 10 May.\n")
    assert ("org:southern-district-military-court", "event:arsen-tulayev-verdict") in claims(doc, "PARTICIPANT_IN", "judge")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    assert ("person:osman-arifmemetov", "event:osman-arifmemetov-detention-extension") in targets
    assert ("person:osman-arifmemetov", "event:osman-arifmemetov-detention") not in targets


def test_an_agent_of_one_act_is_not_the_agent_of_an_act_at_another_time(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Account\n\nArsen Tulayev reported that he had been beaten by FSB officers after his arrest on "
                          "12 May 2019.\n")
    perps = claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert ("org:fsb", "event:arsen-tulayev-ill-treatment") in perps
    assert ("org:fsb", "event:arsen-tulayev-arrest") not in perps


def test_the_applicant_of_a_judgment_is_the_person_it_named_once(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Judgment in the case of Kadyrov v. Russia\n\nThe applicant, Mr Ayder Kadyrov, is a Ukrainian "
                          "national who was born in 1985.\n\nOn 14 May 2015 the applicant was arrested by FSB officers in "
                          "Simferopol. The applicant alleged that he had been beaten during the interrogation.\n")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    assert ("person:ayder-kadyrov", "event:ayder-kadyrov-arrest") in targets
    assert ("person:ayder-kadyrov", "event:ayder-kadyrov-ill-treatment") in targets
    assert ("org:fsb", "event:ayder-kadyrov-arrest") in claims(doc, "PARTICIPANT_IN", "perpetrator")


def test_a_persons_relative_is_not_that_person(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Family\n\nArsen Tulayev's father was detained in 2019.\n")
    assert ("person:arsen-tulayev", "event:arsen-tulayev-detention") not in claims(doc, "PARTICIPANT_IN", "target")
    doc = draft(tmp_path, "Family\n\nArsen Tulayev's home was searched and he was detained in 2019.\n", "b")
    assert ("person:arsen-tulayev", "event:arsen-tulayev-detention") in claims(doc, "PARTICIPANT_IN", "target")


def test_the_agency_of_the_first_verb_does_the_coordinated_second(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Raid\n\nOn 15 March 2019, officers of the Federal Security Service (FSB) searched the homes of "
                          "believers in Dzhankoi and detained Sergei Filatov.\n")
    assert ("org:fsb", "event:sergei-filatov-detention") in claims(doc, "PARTICIPANT_IN", "perpetrator")
    doc = draft(tmp_path, "Raid\n\nThe FSB searched the homes of believers, who were later detained, and Sergei Filatov was "
                          "detained.\n", "b")
    assert ("org:fsb", "event:sergei-filatov-detention") not in claims(doc, "PARTICIPANT_IN", "perpetrator")


def test_raids_an_agency_conducts_or_that_are_done_by_it_and_the_questioning_inside(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Raids\n\nThe FSB has frightened believers by conducting raids on their homes and mosques.\n")
    [event] = [e for e in doc["entities"] if e["label"] == "Event"]
    assert event["attributes"]["kind"] == "search"
    assert ("org:fsb", event["key"]) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    doc = draft(tmp_path, "Raids\n\nWe have heard that houses were raided and those inside questioned by the FSB.\n", "b")
    kinds = {e["attributes"]["kind"]: e["key"] for e in doc["entities"] if e["label"] == "Event"}
    assert set(kinds) == {"search", "interrogation"}
    assert {("org:fsb", kinds["search"]), ("org:fsb", kinds["interrogation"])} <= claims(doc, "PARTICIPANT_IN", "perpetrator")
    # Raids nobody is said to have done, and raids only asked to stop, are no event.
    doc = draft(tmp_path, "Raids\n\nAbusive raids on their homes continue. The FSB should stop conducting raids on homes.\n", "c")
    assert not [e for e in doc["entities"] if e["label"] == "Event"]


def test_an_entry_ban_has_its_place_and_the_organisations_barred(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Access\n\nMonitors such as the United Nations are barred from entering Crimea. "
                          "Five other men were banned from entering Crimea.\n")
    events = [e for e in doc["entities"] if e["label"] == "Event"]
    assert len(events) == 2 and all(e["attributes"]["kind"] == "other" for e in events)
    assert {("united-nations" in o or "united-nations" in s) for s, o in claims(doc, "PARTICIPANT_IN", "target")} == {True}
    assert {(e["key"], "place:crimea") for e in events} <= claims(doc, "LOCATED_IN")
    doc = draft(tmp_path, "Access\n\nThe United Nations could be barred from entering Crimea.\n", "b")
    assert not [e for e in doc["entities"] if e["label"] == "Event"]


def test_a_meeting_with_a_named_person_and_an_attack_at_a_place(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Talks\n\nIn March the minister met Lenur Sadykov, a community leader, to discuss the "
                          "situation. Arsen Tulayev was detained after the attack on fishing boats in the Black Sea.\n")
    events = {e["attributes"]["kind"]: e["key"] for e in doc["entities"] if e["label"] == "Event"}
    assert ("person:lenur-sadykov", events["meeting"]) in claims(doc, "PARTICIPANT_IN", "participant")
    assert any(s == events["other"] and o == "place:black-sea" for s, o in claims(doc, "LOCATED_IN"))
    # "attacks on the work of defenders" is no physical attack anywhere.
    doc = draft(tmp_path, "Talks\n\nThese are attacks on the work of human rights defenders in Crimea.\n", "b")
    assert not [e for e in doc["entities"] if e["label"] == "Event" and e["attributes"]["kind"] == "other"]


def test_a_prisoner_exchange_between_states_and_many_unnamed_people_detained(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Swap\n\nThe United States welcomes the release of 20 Ukrainians held by Russia, in exchange "
                          "for 20 prisoners held by Ukraine. At least 30 Crimean Tatars were detained on 5 May in towns "
                          "around Crimea.\n")
    events = {e["attributes"]["kind"]: e["key"] for e in doc["entities"] if e["label"] == "Event"}
    parts = {s for s, o in claims(doc, "PARTICIPANT_IN", "participant") if o == events["exchange"]}
    assert "org:russian-federation" in parts and "org:united-states" not in parts
    assert (events["detention"], "place:crimea") in claims(doc, "LOCATED_IN")
    # "the four men were detained" means people named elsewhere: no collective event.
    doc = draft(tmp_path, "Swap\n\nThe four men were detained in Crimea.\n", "b")
    assert not [e for e in doc["entities"] if e["label"] == "Event"]


def test_many_unnamed_people_detained_by_an_agency(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Crew\n\nWe called for the release of the 12 Ukrainian sailors detained by the FSB "
                          "after the incident in the Black Sea.\n")
    [event] = [e for e in doc["entities"] if e["label"] == "Event"]
    assert event["attributes"]["kind"] == "detention"
    assert ("org:fsb", event["key"]) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert not claims(doc, "LOCATED_IN") & {(event["key"], "place:black-sea")}


def test_a_referendum_its_place_and_holder_a_conscription_and_a_rally(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Vote\n\nIt marks the anniversary of the referendum on Crimea, which Russia held in 2014. "
                          "About 500 residents have been conscripted into the FSB. "
                          "Lenur Sadykov had taken part in a rally to support the protests.\n")
    events = {e["name"]: e["key"] for e in doc["entities"] if e["label"] == "Event" and e["attributes"]["kind"] == "other"}
    vote = next(k for n, k in events.items() if n.startswith("Referendum"))
    assert (vote, "place:crimea") in claims(doc, "LOCATED_IN")
    assert ("org:russian-federation", vote) in claims(doc, "PARTICIPANT_IN", "organiser")
    draft_key = next(k for n, k in events.items() if n.startswith("Conscription"))
    assert ("org:fsb", draft_key) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    rally = next(k for n, k in events.items() if n.startswith("Rally"))
    assert ("person:lenur-sadykov", rally) in claims(doc, "PARTICIPANT_IN", "participant")
    # A rally someone only plans is none.
    doc = draft(tmp_path, "Vote\n\nLenur Sadykov may have taken part in a rally.\n", "b")
    assert not [e for e in doc["entities"] if e["label"] == "Event" and e["attributes"]["kind"] == "other"]


def test_an_act_that_follows_another_is_linked_to_it(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Crew\n\nWe called for the release of the 12 Ukrainian sailors detained by the FSB "
                          "following the 2018 attack on Ukrainian vessels in the Black Sea.\n")
    kinds = {e["attributes"]["kind"]: e["key"] for e in doc["entities"] if e["label"] == "Event"}
    assert claims(doc, "LINKED_TO") == {(kinds["detention"], kinds["other"])}
    # Two acts side by side with no word that connects them are not linked.
    doc = draft(tmp_path, "Crew\n\nThe 12 Ukrainian sailors were detained by the FSB, and the attack on Ukrainian "
                          "vessels in the Black Sea was condemned.\n", "b")
    assert not claims(doc, "LINKED_TO")


def test_acts_on_one_person_are_not_linked_to_each_other(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Arrest\n\nLenur Sadykov was arrested by the FSB after the search of his home in "
                          "Simferopol.\n")
    assert not claims(doc, "LINKED_TO")


def test_a_release_happens_where_the_people_were_taken_first(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Freed\n\nLenur Sadykov and Refat Oruchev were flown to Turkey, without an explanation, "
                          "and set free.\n")
    located = claims(doc, "LOCATED_IN")
    assert {("event:lenur-sadykov-release", "place:turkey"), ("event:refat-oruchev-release", "place:turkey")} <= located
    # Taken there after the release, or a place the release does not follow: no place for it.
    doc = draft(tmp_path, "Freed\n\nLenur Sadykov was set free in May, and then flown to Turkey.\n", "b")
    assert not {o for s, o in claims(doc, "LOCATED_IN") if s == "event:lenur-sadykov-release"}


def test_a_facility_named_by_its_town_lies_in_the_town(tmp_path: Path) -> None:
    # A place inside a place is PART_OF it, never LOCATED_IN it (round-12 convention 5a).
    doc = draft(tmp_path, "Held\n\nLenur Sadykov is held in a temporary detention facility in Simferopol.\n")
    assert ("place:simferopol-temporary-detention-facility", "place:simferopol") in claims(doc, "PART_OF")
    assert not {s for s, _o in claims(doc, "LOCATED_IN") if s.startswith("place:")}
    # A facility named with its town in front, or a prison in a country, gets no town from this rule.
    doc = draft(tmp_path, "Held\n\nLenur Sadykov was taken to Simferopol airport and then to a prison in Russia.\n", "b")
    assert not {s for s, _o in claims(doc, "LOCATED_IN") | claims(doc, "PART_OF") if s.startswith("place:")
                and s.endswith(("airport", "prison"))}


def test_raids_in_russia_occupied_crimea_happen_in_crimea(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Raids\n\nRussian security forces conducted raids on homes in Russian-occupied Crimea.\n")
    [raid] = [e["key"] for e in doc["entities"] if e["label"] == "Event"]
    assert claims(doc, "LOCATED_IN") == {(raid, "place:crimea")}
    # A place that is not the act's ("raids on homes, said a lawyer from Crimea") is none of its places.
    doc = draft(tmp_path, "Raids\n\nRussian security forces conducted raids on homes, said a lawyer from Crimea.\n", "b")
    assert not claims(doc, "LOCATED_IN")


def test_a_detention_in_a_sentence_about_the_defendants_case_is_part_of_it(tmp_path: Path) -> None:
    body = ("Lenur Sadykov was charged with sabotage. Sadykov's case, including his detention in a hospital in 2016, "
            "is a travesty.\n")
    doc = draft(tmp_path, "Case\n\n" + body)
    assert ("event:lenur-sadykov-detention", "case:lenur-sadykov") in claims(doc, "PART_OF")
    # Without the case named, a defendant's detention is still a step of his case (round 12 convention); another
    # defendant's detention in the sentence is no step of this case.
    doc = draft(tmp_path, "Case\n\nLenur Sadykov was charged with sabotage. His detention in a hospital in 2016 was "
                          "a travesty.\n", "b")
    assert ("event:lenur-sadykov-detention", "case:lenur-sadykov") in claims(doc, "PART_OF")
    doc = draft(tmp_path, "Case\n\nLenur Sadykov and Refat Oruchev were charged with sabotage. Sadykov's case, "
                          "including the detention of Refat Oruchev in 2016, is a travesty.\n", "c")
    assert not {s for s, o in claims(doc, "PART_OF") if s.endswith("-detention") and o == "case:lenur-sadykov"}


def test_a_place_based_organisation_sits_in_the_place(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Council\n\nHe spoke at a meeting of the Vienna-based Permanent Council on 25 January.\n")
    assert ("org:osce-permanent-council", "place:vienna") in claims(doc, "LOCATED_IN")
    assert "place:vienna" in {e["key"] for e in doc["entities"]}
    # A word before "-based" that is no place ("faith-based", "Kremlin-based") places nothing.
    doc = draft(tmp_path, "Council\n\nA faith-based Permanent Council met on 25 January.\n", "b")
    assert not claims(doc, "LOCATED_IN")


def kinds_of(doc: dict, subject: str) -> set[str]:
    """The kinds of the events ``subject`` takes part in."""
    kinds = {e["key"]: e["attributes"].get("kind") for e in doc["entities"] if e["label"] == "Event"}
    return {kinds[c["object"]] for c in doc["claims"] if c["predicate"] == "PARTICIPANT_IN" and c["subject"] == subject}


def test_an_abduction_or_a_disappearance_is_no_arrest(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Missing\n\nArsen Tulayev went missing in Bakhchysarai on 24 May 2016. Unknown men "
                          "kidnapped Lenur Sadykov near his home.\n")
    assert ("person:arsen-tulayev", "event:arsen-tulayev-disappearance") in claims(doc, "PARTICIPANT_IN", "target")
    assert ("event:arsen-tulayev-disappearance", "place:bakhchysarai") in claims(doc, "LOCATED_IN")
    assert kinds_of(doc, "person:lenur-sadykov") == {"other"}


def test_an_organisation_outlawed_shut_down_or_declared_extremist_is_the_target(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Bans\n\nIn April 2016, the so-called Supreme Court of Crimea outlawed the Mejlis. In 2017 "
                          "the Supreme Court of Russia declared the Jehovah's Witnesses an extremist organisation. "
                          "Hizb ut-Tahrir is banned as a terrorist group in Russia.\n")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    assert ("org:mejlis-of-the-crimean-tatar-people", "event:mejlis-ban") in targets
    assert any(s == "org:jehovahs-witnesses" for s, _o in targets)
    assert not any(s == "org:hizb-ut-tahrir" for s, _o in targets)  # "is banned": a state of things, no act reported


def test_hearings_and_appeals_of_a_defendant(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Appeal\n\nThe court will hold the next hearing in the case of Arsen Tulayev on 3 June. The "
                          "Appeals Military Court upheld the sentence of Lenur Sadykov. On 9 August a court in Simferopol "
                          "rejected an appeal of Refat Oruchev's widow.\n")
    assert kinds_of(doc, "person:arsen-tulayev") == {"hearing"}
    assert "appeal" in kinds_of(doc, "person:lenur-sadykov")
    assert ("org:appeals-military-court", "event:lenur-sadykov-appeal") in claims(doc, "PARTICIPANT_IN", "judge")
    assert "appeal" not in kinds_of(doc, "person:refat-oruchev")  # the widow appealed, not him


def test_searches_of_homes_and_of_an_organisations_premises(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Searches\n\nSearches took place at the homes of Arsen Tulayev and Lenur Sadykov in the "
                          "village of Kamenka. On 26 January, FSB officers raided the offices of ATR in Simferopol.\n")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    for who in ("arsen-tulayev", "lenur-sadykov"):
        assert (f"person:{who}", f"event:{who}-search") in targets
    [(_s, org_search)] = [(s, o) for s, o in targets if s == "org:atr"]
    assert ("org:fsb", org_search) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert (org_search, "place:simferopol") in claims(doc, "LOCATED_IN")


def test_a_meeting_with_a_titled_person_and_its_place(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Visit\n\nUkrainian Ombudsman Olena Marchuk met with Arsen Tulayev in Moscow. The verdict "
                          "was met with outrage by Amnesty International.\n")
    meetings = [e["key"] for e in doc["entities"] if e["label"] == "Event" and e["attributes"].get("kind") == "meeting"]
    assert len(meetings) == 1
    participants = {s for s, o in claims(doc, "PARTICIPANT_IN", "participant") if o == meetings[0]}
    assert participants == {"person:olena-marchuk", "person:arsen-tulayev"}
    assert (meetings[0], "place:moscow") in claims(doc, "LOCATED_IN")


def test_a_pronoun_that_opens_its_clause_speaks(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Detained\n\nArsen Tulayev was detained on 3 March. He said the officers had beaten him.\n\n"
                          "Lenur Sadykov faces charges for an interview in which he said Crimea is Ukraine.\n", "s1")
    states = claims(doc, "STATES")
    assert ("person:arsen-tulayev", "event:arsen-tulayev-statement") in states
    assert not any(s == "person:lenur-sadykov" for s, _o in states)


def test_an_organisation_that_spoke_during_a_summit_took_part_in_it(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Summit\n\nAs the European Union reaffirmed during the August 23 Crimea Platform Summit, "
                          "Crimea is Ukraine. At a press conference in Kyiv, Arsen Tulayev said he would go on.\n")
    # (README conv13a, point 2: who speaks at it is its speaker)
    assert ("org:european-union", "event:crimea-platform-summit") in claims(doc, "PARTICIPANT_IN", "speaker")
    assert [e["key"] for e in doc["entities"] if e["label"] == "Event" and e["attributes"].get("kind") == "conference"] \
        == ["event:crimea-platform-summit"]


def test_ill_treatment_in_custody_and_a_search_of_someones_home(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Custody\n\nArsen Tulayev was denied medical assistance in custody. The FSB carried out a "
                          "search of Lenur Sadykov's home in Bakhchysarai.\n")
    assert kinds_of(doc, "person:arsen-tulayev") == {"ill_treatment"}
    assert ("org:fsb", "event:lenur-sadykov-search") in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert ("event:lenur-sadykov-search", "place:bakhchysarai") in claims(doc, "LOCATED_IN")


def test_a_speaker_before_a_colon_and_a_quote(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Comment\n\nArsen Tulayev was detained on 3 March.\n\nLawyer Lenur Sadykov: \u201cThe case is "
                          "fabricated from start to finish.\u201d\n")
    assert ("person:lenur-sadykov", "event:lenur-sadykov-statement") in claims(doc, "STATES")


def test_a_possessive_trial_a_sentence_handed_down_and_custody_since(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Trial\n\nArsen Tulayev's trial began at the Southern District Military Court on 3 June. The "
                          "Ministry condemned the sentence handed down to Lenur Sadykov. Refat Oruchev has been held in "
                          "custody since March 2019.\n")
    assert "trial" in kinds_of(doc, "person:arsen-tulayev")
    assert "verdict" in kinds_of(doc, "person:lenur-sadykov")
    assert kinds_of(doc, "person:refat-oruchev") == {"detention"}


def test_an_act_on_an_unnamed_number_of_people_is_one_event_with_agent_body_and_place(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Crackdown\n\nIn March 2019 the FSB detained 20 Crimean Tatar men who were involved in the "
                          "Crimean Solidarity group. The arrest and detention of a large group of Crimean Tatars "
                          "in Simferopol is the latest reprisal. The four men were detained by the police.\n")
    events = {e["key"]: e["attributes"].get("kind") for e in doc["entities"] if e["label"] == "Event"}
    [solidarity] = [o for s, o in claims(doc, "PARTICIPANT_IN", "target") if s == "org:crimean-solidarity"]
    assert events[solidarity] == "detention" and ("org:fsb", solidarity) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert any(events.get(s) == "detention" and o == "place:simferopol" for s, o in claims(doc, "LOCATED_IN"))
    assert not any(s == "org:police-generic" for s, _o in claims(doc, "PARTICIPANT_IN"))  # "the four men": named elsewhere


def test_searches_reported_in_other_words(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Searches\n\nA search was conducted at Arsen Tulayev's home in Bakhchysarai. Lenur Sadykov was "
                          "detained after a search on 3 March. FSB officers came with a search to Refat Oruchev.\n")
    targets = claims(doc, "PARTICIPANT_IN", "target")
    for who in ("arsen-tulayev", "lenur-sadykov", "refat-oruchev"):
        assert (f"person:{who}", f"event:{who}-search") in targets
    assert ("event:arsen-tulayev-search", "place:bakhchysarai") in claims(doc, "LOCATED_IN")
    assert ("org:fsb", "event:refat-oruchev-search") in claims(doc, "PARTICIPANT_IN", "perpetrator")


def test_the_lawyer_named_before_speaks(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Case\n\nLawyer Lenur Sadykov represents Arsen Tulayev.\n\n\u201cThe case is fabricated,\u201d the "
                          "lawyer said.\n")
    assert ("person:lenur-sadykov", "event:lenur-sadykov-statement") in claims(doc, "STATES")
    assert not any(s == "person:arsen-tulayev" for s, _o in claims(doc, "STATES"))


def test_an_exchange_an_extended_arrest_and_a_summons_for_questioning(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Exchange\n\nArsen Tulayev returned to Kyiv as part of a prisoner exchange. A court extended "
                          "Lenur Sadykov's arrest until 10 June. Refat Oruchev was summoned for questioning by the FSB.\n")
    assert kinds_of(doc, "person:arsen-tulayev") == {"exchange"}
    assert kinds_of(doc, "person:lenur-sadykov") == {"detention_extension"}
    assert ("org:fsb", "event:refat-oruchev-interrogation") in claims(doc, "PARTICIPANT_IN", "perpetrator")


def test_a_states_occupation_of_a_land_and_its_annexation(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Occupation\n\nRussia detained Arsen Tulayev. Since Russia’s occupation of Crimea in 2014, the "
                          "Crimean Tatars have been persecuted.\n")
    [occupation] = [e["key"] for e in doc["entities"] if e["label"] == "Event" and e["attributes"].get("kind") == "other"]
    assert ("org:russian-federation", occupation) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert (occupation, "place:crimea") in claims(doc, "LOCATED_IN")
    # annexation is an act of its own, with its state when the sentence names it, and without otherwise
    doc = draft(tmp_path, "Annexation\n\nRussia detained Arsen Tulayev. We do not recognise Russia’s illegal annexation "
                          "of Crimea.\n", "b")
    [annexation] = [e["key"] for e in doc["entities"] if e["label"] == "Event" and e["attributes"].get("kind") == "other"]
    assert ("org:russian-federation", annexation) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert (annexation, "place:crimea") in claims(doc, "LOCATED_IN")
    doc = draft(tmp_path, "Annexation\n\nArsen Tulayev was detained on 2 May 2019 on entry into the Crimean peninsula "
                          "illegally annexed by Russia. Russia must release him. We remain committed to non-recognition of "
                          "the illegal annexation of Crimea.\n", "c")
    [annexation] = [e["key"] for e in doc["entities"] if e["label"] == "Event" and e["attributes"].get("kind") == "other"]
    assert ("org:russian-federation", annexation) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert (annexation, "place:crimea") in claims(doc, "LOCATED_IN")
    # the sentence's date is the detention's, not the annexation's
    assert not [c for c in doc["claims"] if c["object"] == annexation and c.get("date")]
    doc = draft(tmp_path, "No act\n\nArsen Tulayev was detained. Officials discussed the annexation question.\n", "d")
    assert not [e for e in doc["entities"] if e["label"] == "Event" and e["attributes"].get("kind") == "other"]


def test_a_fine_a_picket_and_imposed_citizenship(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Penalties\n\nArsen Tulayev was fined 10,000 roubles. Lenur Sadykov held a single-person picket "
                          "outside the court. Refat Oruchev was forced to take Russian citizenship.\n")
    assert ("person:arsen-tulayev", "event:arsen-tulayev-fine") in claims(doc, "PARTICIPANT_IN", "target")
    assert ("person:lenur-sadykov", "event:lenur-sadykov-protest") in claims(doc, "PARTICIPANT_IN", "participant")
    assert kinds_of(doc, "person:refat-oruchev") == {"other"}


def test_reports_an_organisation_releases(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Report\n\nHuman Rights Watch released its new annual report on Crimea. In a report released on "
                          "5 May, Amnesty International said that Arsen Tulayev was tortured.\n")
    kinds = {e["key"]: e["attributes"].get("kind") for e in doc["entities"] if e["label"] == "Event"}
    for org in ("org:human-rights-watch", "org:amnesty-international"):
        assert any(s == org and kinds[o] == "publication" for s, o in claims(doc, "STATES"))


def test_a_court_session_in_a_case_is_a_hearing(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Court\n\nThe court session in the case of Arsen Tulayev was postponed to 3 June.\n")
    assert kinds_of(doc, "person:arsen-tulayev") == {"hearing"}


def test_the_deportation_of_a_people_by_a_state_from_a_land(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Anniversary\n\nTuesday marked the anniversary of the Soviet Union’s campaign to forcibly deport "
                          "the entire Tatar population from their homeland of Crimea.\n")
    ev = "event:crimean-tatar-deportation-1944"  # (one key for the event of history)
    assert {e["attributes"].get("kind") for e in doc["entities"] if e["key"] == ev} == {"other"}
    assert ("org:soviet-union", ev) in claims(doc, "PARTICIPANT_IN", "perpetrator")
    assert (ev, "place:crimea") in claims(doc, "LOCATED_IN")
    # a deportation nobody did and from nowhere named is no event
    doc = draft(tmp_path, "Memory\n\nCrimean Tatars in the village still remember the deportation, as their elders "
                          "often tell the young people of the village.\n", "b")
    assert not [e for e in doc["entities"] if e["label"] == "Event"]


def test_a_numbered_resolution_is_its_bodys_act(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Resolution\n\nThe EU recalls UN General Assembly Resolution 68/262 on the territorial integrity "
                          "of Ukraine.\n")
    events = {e["key"]: e for e in doc["entities"] if e["label"] == "Event"}
    res = [k for k, e in events.items() if e["name"] == "Resolution 68/262"]
    # a publication of its body, whatever it affirms (the corpus's round-10 convention decision 3)
    assert res and events[res[0]]["attributes"].get("kind") == "publication"
    assert any(o == res[0] and s.startswith("org:") and "general-assembly" in s for s, o in claims(doc, "STATES"))
    # a resolution with no number is no event here (the annotators leave "adopted a resolution calling on" out)
    doc = draft(tmp_path, "Resolution\n\nThe UN General Assembly adopted a resolution calling on States to act.\n", "b")
    assert not [e for e in doc["entities"] if e["label"] == "Event" and e["name"].startswith("Resolution")]


def test_a_transfer_in_a_gapped_clause_moves_the_last_person_to_their_own_place(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Transfers\n\nTheir ordeal has only intensified with Arsen Tulayev and Lenur Sadykov being sent to "
                          "Minusinsk, and Refat Oruchev to the notorious Vladimir Central Prison.\n")
    assert kinds_of(doc, "person:refat-oruchev") == {"other"}
    ev = next(o for s, o in claims(doc, "PARTICIPANT_IN", "target") if s == "person:refat-oruchev")
    places = {o for s, o in claims(doc, "LOCATED_IN") if s == ev}
    assert places and not any("minusinsk" in p for p in places)


def test_the_speaker_that_cites_a_summits_common_statement_took_part_in_it(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Summit\n\nThe European Union calls on the Russian Federation to comply with international law, as also "
                          "stated on 23 August 2021 in the common statement of the International Crimean Platform Summit.\n")
    events = {e["key"]: e for e in doc["entities"] if e["label"] == "Event"}
    summit = [k for k, e in events.items() if e["attributes"].get("kind") == "conference"]
    assert summit and ("org:european-union", summit[0]) in claims(doc, "PARTICIPANT_IN", "participant")


def test_a_state_transferring_people_it_does_not_name_from_one_land_to_another(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Transfers\n\nAs part of this campaign, Russia has arbitrarily detained individuals for peaceful "
                          "opposition to the occupation, and in some cases has forcibly transferred these individuals from "
                          "occupied Crimea to Russia.\n")
    events = {e["key"]: e for e in doc["entities"] if e["label"] == "Event"}
    moved = [k for k, e in events.items() if e["name"].startswith("Forcible transfer of people")]
    assert moved and events[moved[0]]["attributes"].get("kind") == "other"
    assert any(o == moved[0] and s.startswith("org:") for s, o in claims(doc, "PARTICIPANT_IN", "perpetrator"))
    assert (moved[0], "place:russia") in claims(doc, "LOCATED_IN")


def test_a_person_of_another_clause_is_not_a_summits_participant(tmp_path: Path) -> None:
    # Made up: the person is the subject of the detention; the clause that says who spoke names the EU.
    for n, text in enumerate(("Lawyer Emil Kurbedinov was detained on the day the European Union spoke at the Crimea Platform Summit in Kyiv.",
                 "Lawyer Emil Kurbedinov was detained while the European Union took part in the Crimea Platform Summit in Kyiv.",
                 "Lawyer Emil Kurbedinov was detained as the European Union spoke at the Crimea Platform Summit in Kyiv.")):
        doc = draft(tmp_path, "Summit\n\n" + text + "\n", name=f"a{n}")
        took_part = claims(doc, "PARTICIPANT_IN", "participant") | claims(doc, "PARTICIPANT_IN", "speaker")
        assert ("org:european-union", "event:crimea-platform-summit") in took_part, text
        assert not any(s == "person:emil-kurbedinov" for s, _o in took_part), text
        assert ("person:emil-kurbedinov", "event:emil-kurbedinov-detention") in claims(doc, "PARTICIPANT_IN"), text
    doc = draft(tmp_path, "Summit\n\nLawyer Emil Kurbedinov was detained; Refat Chubarov spoke at the "
                                    "Crimea Platform Summit in Kyiv.\n", name="semi")
    assert {s for s, o in claims(doc, "PARTICIPANT_IN", "speaker") if o == "event:crimea-platform-summit"} \
        == {"person:refat-chubarov"}


def test_near_misses_the_clause_rule_keeps_as_summit_participants(tmp_path: Path) -> None:
    cases = {
        # the person of that clause, by a pronoun
        "Lawyer Emil Kurbedinov was detained after he took part in the Crimea Platform Summit in Kyiv.":
            {"person:emil-kurbedinov"},
        # a relative clause or an apposition (with an organisation in it) between the person and the verb
        "Lawyer Emil Kurbedinov, who was detained in May, spoke at the Crimea Platform Summit in Kyiv.":
            {"person:emil-kurbedinov"},
        "Refat Chubarov, head of the Mejlis, spoke at the Crimea Platform Summit in Kyiv.": {"person:refat-chubarov"},
        # two people who took part, the clause after the summit does not cut them off
        "Emil Kurbedinov and Refat Chubarov took part in the Crimea Platform Summit when it opened in Kyiv.":
            {"person:emil-kurbedinov", "person:refat-chubarov"},
    }
    for n, (text, who) in enumerate(cases.items()):
        doc = draft(tmp_path, "Summit\n\n" + text + "\n", name=f"a{n}")
        took_part = claims(doc, "PARTICIPANT_IN", "participant") | claims(doc, "PARTICIPANT_IN", "speaker")
        assert {s for s, o in took_part if o == "event:crimea-platform-summit"} == who, text
