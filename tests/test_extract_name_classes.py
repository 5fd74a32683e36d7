"""Organisation and person names by class (loaders/extract/orgs.py, place_mentions.py,
people.py): "and" inside a body's name, a hyphenated adjective before it, "or" in its remit,
the kind of a named body before its name, a country that owns an office, and English words
that end like surnames. Sentences made up for these tests; no article's names."""

from __future__ import annotations

from pathlib import Path

import yaml

from loaders.extract import gazetteers
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people


def found(text: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (label, key)."""
    return {m.text: (m.label, m.ref) for m in find_entries(text)}


def people(text: str) -> set[str]:
    gaz = load_gazetteer()
    return {p.name for p in find_people(text, find_entries(text, gaz), gaz)[0]}


def test_and_joins_two_words_of_one_name_before_its_head() -> None:
    got = found("The National Security and Defence Council of Freedonia imposed sanctions.")
    assert got["National Security and Defence Council of Freedonia"][0] == "Organisation", got
    got = found("The Ministry of Youth and Sports of Freedonia said so.")
    assert "Ministry of Youth and Sports of Freedonia" in got, got  # "and" in the remit after the head


def test_and_after_a_person_or_a_known_name_starts_another_name() -> None:
    got = found("Ivan Petrov and Harbour Watch Group said so.")
    assert "Harbour Watch Group" in got and not any("Petrov" in n for n in got), got
    assert "Ivan Petrov" in people("Ivan Petrov and Harbour Watch Group said so.")
    got = found("Memorial and Lantern Centre documented the cases.")
    assert {"Memorial", "Lantern Centre"} <= set(got), got
    got = found("Amnesty International and Human Rights Watch said so.")
    assert {"Amnesty International", "Human Rights Watch"} <= set(got), got


def test_a_hyphenated_adjective_before_a_body_is_no_part_of_its_name() -> None:
    got = found("The Russian-controlled Supreme Court of Crimea upheld the sentence.")
    assert got["Supreme Court of Crimea"][1] == "org:supreme-court-of-crimea", got
    got = found("The Kremlin-backed Council of Ministers of Freedonia said so.")
    assert "Council of Ministers of Freedonia" in got, got


def test_or_joins_words_of_a_bodys_remit() -> None:
    got = found("The Working Group on Enforced or Involuntary Disappearances wrote to the state.")
    assert "Working Group on Enforced or Involuntary Disappearances" in got, got


def test_the_kind_of_a_named_body_before_its_name_is_no_body_of_its_own() -> None:
    got = found("The Moscow Helsinki Group and the Human Rights Centre ZMINA documented it.")
    assert "ZMINA" in got and "Human Rights Centre" not in got, got
    got = found('The Human Rights Centre "Memorial" recognised them as political prisoners.')
    assert got["Memorial"][1] == "org:memorial" and "Human Rights Centre" not in got, got
    # An unknown body's name is kept whole.
    assert "Lantern Human Rights Centre" in found("The Lantern Human Rights Centre said so.")


def test_the_qurultai_is_a_head_noun() -> None:
    got = found("The Qurultay of the Crimean Tatar People met in Kyiv.")
    assert got["Qurultay of the Crimean Tatar People"][0] == "Organisation", got


def test_a_country_that_owns_an_office_is_its_state_without_a_clearer_mention() -> None:
    # The one mention of the country names it by its minister: the state, not the land.
    got = found("The UK Minister for Europe met the delegation.")
    assert got["UK"] == ("Organisation", "org:united-kingdom"), got
    # A possessive reading settles nothing and, alone, gives no entity ...
    assert "Russia" not in found("Nobody recognises Russia’s claim to the peninsula.")
    # ... but the agent of an act, alone, is the state (test_extract_names_recurring.py).
    assert found("Nobody recognises Russia’s attempted annexation of the peninsula.")["Russia"][0] == "Organisation"
    # A clear mention elsewhere decides, as before.
    got = found("The UK Minister for Europe spoke. He travelled to the UK last week.")
    assert got["UK"][0] == "Location", got


def test_english_words_ending_like_surnames_are_no_surnames() -> None:
    # "-al" ends surnames (Dzhelyal, Kemal) and English words (Trial, National, Federal).
    assert not people("Fair Trial Rights\n\nThe hearing was closed.")
    assert not people("Several Political Prisoners were named.")
    assert "Nariman Dzhelyal" in people("Nariman Dzhelyal was detained.")
    assert "Lenur Kemal" in people("Lenur Kemal was detained.")


def test_a_report_names_the_body_that_wrote_it_a_code_names_none() -> None:
    got = found("Follow-up Report of the Lantern Monitoring Mission\n\nThe text follows.")
    assert "Lantern Monitoring Mission" in got and not any(n.startswith(("Follow-up", "Report")) for n in got), got
    assert not found("He was fined under the Code of Administrative Offences of the Russian Federation.")


def test_a_post_before_of_is_no_part_of_the_body() -> None:
    assert not found("Chief of Mission said so.")
    got = found("The Secretary of the Security Council of Ukraine said so.")
    assert "Security Council of Ukraine" in got and not any(n.startswith("Secretary") for n in got), got


def test_forces_head_a_bodys_name_not_a_persons() -> None:
    text = "Chief of Staff of the Armed Forces said so."
    assert found(text)["Armed Forces"][0] == "Organisation"
    assert not people(text)


def test_a_body_noun_in_lower_case_after_a_known_body_or_a_people_names_a_body() -> None:
    got = found("The OSCE mission was not allowed in.")
    assert got["OSCE mission"][0] == "Organisation" and "OSCE" not in got, got
    assert "Ukrainian delegation" in found("The Ukrainian delegation walked out.")
    assert "Ukrainian delegation" in found("The Ukrainian delegation left the hall.")
    # A people's name before it describes a body named elsewhere: no body of its own.
    assert not found("He was elected to the Tatar representative council.")
    # No qualifier, a verb or a function word before the noun: no body.
    assert not found("They deny the mission exists.")
    assert not found("The council adopted nothing.")


def test_a_possessive_cues_a_person_only_through_a_role_word() -> None:
    # "X's lawyer Y": a role noun between the possessive and the name; a number is none.
    assert not people("Freedonia’s 2019 Presidential Election was held in spring.")
    assert "Edem Semedlyaev" in people("The group’s lawyer Edem Semedlyaev said so.")


def test_capitals_that_name_people_things_or_operations_are_no_organisation() -> None:
    text = "Drones (UAV) hit the ATO zone; LGBT and HIV groups and a POW were named. The FRTC said so."
    got = found(text)
    assert not {"UAV", "ATO", "LGBT", "HIV", "POW"} & set(got), got
    assert got["FRTC"][0] == "Organisation"  # an unknown acronym is still a body


def test_a_reports_subject_heading_is_no_body() -> None:
    for heading in ("Freedom of Peaceful Assembly", "Right to Freedom of Association", "Administration of Justice"):
        assert not found(f"{heading}\n\nThe restrictions went on."), heading
    assert not found("The rights to Freedom of Peaceful Assembly and of Association were restricted.")
    # A body's name that starts with such a word is still a body.
    assert found("Freedom House said so.")["Freedom House"][0] == "Organisation"


def test_every_cue_word_is_read_as_a_word() -> None:
    # YAML 1.1 reads a bare On, Off, Yes or No as a boolean: the lists must quote them.
    for name in ("cues.yaml", "entities.yaml"):
        data = yaml.safe_load((Path(gazetteers.__file__).parent / name).read_text(encoding="utf-8"))
        for key, value in data.items():
            if isinstance(value, list):
                assert all(isinstance(v, str) for v in value), (name, key, [v for v in value if not isinstance(v, str)])
    assert "On" in load_gazetteer().not_names
    assert "Emil Kurbedinov" in people("On Thursday Emil Kurbedinov was searched.")


def test_an_honorific_with_its_stop_still_marks_a_surname_as_a_person() -> None:
    assert "Umerov" in people("Mr. Umerov was released on Monday.")
    assert "Umerov" in people("Mr Umerov was released on Monday.")
    assert not people("Freedonia was released on Monday.")


def test_the_region_of_a_town_is_the_region_not_the_town() -> None:
    got = found("Troops detained two men in the region of Kherson and one in the oblast of Donetsk.")
    assert got["Kherson"] == ("Location", "place:kherson-oblast"), got
    assert got["Donetsk"] == ("Location", "place:donetsk-oblast"), got
    got = found("He was detained in Kherson, the capital of the region.")
    assert got["Kherson"] == ("Location", "place:kherson"), got  # the town itself stays the town
