"""Names on real articles, round 6 (issue 20): made-up sentences for each class of English the
extractor reads for people, organisations, places and generic collective actors.

- a headline or a title before a name capitalises common words at the name's edges ("Reporters
  Anvar Kudratov ... Detained", "of the Press Milena Hodžić"): they are no part of the name, and
  the surname alone later in the body is that person;
- an outlet, operator or channel introduced by its kind ("the news website “Zerkalo”", "the
  state postal operator Pochtaline") is an organisation; the platforms people publish on
  (YouTube, Telegram) are organisations; the OSCE's media freedom office is one by name;
- a press release's dateline ("KYIV – ") is a place, not an acronym;
- "Amnesty International Moldova" is the body's national section; "a Sebatlar volunteer" names
  the volunteer's body; "Statement by the Spokesperson on ..." names the speaking office;
- generic collectives named by their whole phrase: members described before the collective
  ("masked and armed members of security forces"), agents by their dress ("five men in black
  uniform", "military officers in unmarked uniforms"), "a court in <place>", "Moscow-backed
  militants", "Russian secret service agents", a country's possessive ("Russia’s proxies"),
  "court bailiffs", "Ukrainian activists", "the Russian prosecutor" when no name or "of" follows;
  the article stays with a collective's mention ("the Crimean authorities");
- people: "The Honourable X Y" is X Y; a parliamentarian named with her country and group in
  parentheses ("Sigrun Ola Thorsdottir (Iceland, SOC)") is a person; a cleric's one name after the title ("Archbishop Kliment");
  the official order of Russian lists (surname, given name, patronymic) is the same person as
  the given name and surname; a facility's number written "No.120"; a town's facility by its
  possessive ("Simferopol’s military commissariat");
- a headline's capitalised collective ("by Russian Officials") is the collective;
- a collective's words with a known agency's acronym in parentheses ("the security services
  (FSB)") are that agency; a town before "peace plan" or "talks" names the plan, not a place;
- two acronyms joined by a hyphen are one ("UOC-KP"); a diocese or eparchy is an organisation;
- no organisation is read from a record's "Label: value" line ("Nature of Charges: Banned
  Organization"), from an acronym the article defines for a lower-case phrase ("country of
  particular concern (CPC)"), or from a list's title ("the Special Watch List");
- a country named with no sign of place or state ("sanctions on Ruritania", "Perpetrator:
  Ruritania") follows the article's clear mentions of it, and is the place when there are none;
  a country "accused of", "criticised" or "sanctioned" is the state; the state's spellings in
  one article are one entry (the first names it, the others are its aliases).
"""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people
from loaders.extract.name_guards import common_edges, lower_words
from tests.extract_helpers import extract


def orgs(text: str) -> list[tuple[str, str]]:
    """(text, key) of each organisation mention."""
    return [(m.text, m.ref) for m in find_entries(text) if m.label == "Organisation"]


def people(text: str) -> list[tuple[str, int]]:
    """(name, number of mentions) of each person the text names."""
    found, _doubts = find_people(text, find_entries(text))
    return [(p.name, len(p.mentions)) for p in found]


def test_headline_role_noun_and_verb_are_no_part_of_a_name() -> None:
    text = ("Crimean Tatar Reporters Anvar Kudratov, Selim Tashkentov and Rinat Bulgakov Detained in Raids\n\n"
            "Police detained the reporters Anvar Kudratov and Selim Tashkentov at dawn. Rinat Bulgakov was "
            "detained later. Kudratov and Tashkentov were taken to Simferopol.\n")
    names = dict(people(text))
    assert set(names) == {"Anvar Kudratov", "Selim Tashkentov", "Rinat Bulgakov"}
    assert names["Anvar Kudratov"] == 3 and names["Selim Tashkentov"] == 3  # headline, body, surname alone
    assert names["Rinat Bulgakov"] == 2


def test_headline_participle_after_a_name() -> None:
    text = ("Blogger Timur Osmanov Sentenced to Six Years\n\n"
            "A court sentenced Timur Osmanov to six years. Osmanov denied the charges.\n")
    assert people(text) == [("Timur Osmanov", 3)]


def test_capitalised_remit_word_before_a_name_after_a_title() -> None:
    # The office's last word ("Press") is a common word the article writes in lower case.
    text = ("VIENNA – The Commissioner for Freedom of the Press Milena Hodžić condemned the detention. "
            "The press in the region is under pressure, Ms. Hodžić said.\n")
    assert [n for n, _k in people(text)] == ["Milena Hodžić"]


def test_a_name_that_ends_in_an_english_word_keeps_it_in_running_text() -> None:
    gaz = load_gazetteer()
    lower = lower_words("He made a grant to the fund and spoke of a victor.")
    # Not a headline: the back of the name is left alone; a given name at the front is a name.
    assert common_edges(["Ulysses", "S.", "Grant"], lower, False, gaz) == (0, 0)
    assert common_edges(["Victor", "Ivanov", "Petrov"], lower, False, gaz) == (0, 0)
    # Two words always stay.
    assert common_edges(["Grant", "Osmanov"], lower, True, gaz) == (0, 0)
    assert common_edges(["Fund", "Marat", "Osmanov", "Detained"], lower, True, gaz) == (1, 1)


def test_outlet_and_operator_introduced_by_their_kind() -> None:
    found = orgs("He was a correspondent with the independent news website “Zerkalo”, and the state postal "
                 "operator Pochtaline stopped deliveries.")
    assert ("Zerkalo", "org:zerkalo") in found and ("Pochtaline", "org:pochtaline") in found
    # The kind word alone, or before a lower-case word, names nothing.
    assert orgs("The news website reported that the postal operator had stopped deliveries.") == []


def test_platforms_and_the_media_freedom_office() -> None:
    # A platform is an Organisation when it acts or is acted on; named only as where something was posted, it is
    # the medium (README conv16a point 1).
    found = dict(orgs("The authorities blocked YouTube, and Telegram removed the channel. The OSCE Representative on "
                      "Freedom of the Media condemned the arrest."))
    assert found["YouTube"] == "org:youtube" and found["Telegram"] == "org:telegram"
    assert orgs("He posted the videos on his YouTube channel and on Telegram.") == []
    assert found["OSCE Representative on Freedom of the Media"] == "org:osce-representative-on-freedom-of-the-media"


def test_dateline_in_capitals_is_the_town() -> None:
    found = [(m.text, m.ref, m.label) for m in find_entries("KYIV, 4 May 2016 – The SBU said on Monday.\n")]
    assert found[0] == ("KYIV", "place:kyiv", "Location")
    # Capitals that are no town stay what they were.
    assert [(m.text, m.label) for m in find_entries("NATO – the alliance said it would respond.")] == \
        [("NATO", "Organisation")]


def test_national_section_member_body_and_spokesperson() -> None:
    found = dict(orgs("said Ion Rusu, campaigner at Amnesty International Moldova, and a Sebatlar volunteer."))
    assert found["Amnesty International Moldova"] == "org:amnesty-international-moldova"
    assert found["Sebatlar"] == "org:sebatlar"
    # A people's or a place's word before the member's noun names no body.
    assert orgs("a Crimean Tatar activist, an Uzbek volunteer and a Kherson activist spoke.") == []
    found = dict(orgs("Statement by the Spokesperson on the sentencing of five men\n\nThe European Union condemns it."))
    assert found["Spokesperson"] == "org:eeas-spokesperson"
    # A spokesperson before a name is that person's title.
    assert "Spokesperson" not in dict(orgs("Department Spokesperson Ned Price said on Monday."))


def test_collectives_named_by_their_whole_phrase() -> None:
    found = dict(orgs("Searches were carried out by masked and armed members of security forces. Five men in black "
                      "uniform took him away; the building is guarded by military officers in unmarked uniforms."))
    assert found["masked and armed members of security forces"] == "org:security-forces-generic"
    assert found["Five men in black uniform"] == "org:masked-men-generic"
    assert found["military officers in unmarked uniforms"] == "org:military-officers-in-unmarked-uniforms-generic"
    found = dict(orgs("A court in Simferopol ruled that he was seized by Moscow-backed militants and harassed by "
                      "Russian secret service agents."))
    assert found["A court in Simferopol"] == "org:simferopol-court-generic"
    assert found["Moscow-backed militants"] == "org:moscow-backed-militants-generic"
    assert found["Russian secret service agents"] == "org:russian-secret-service-agents-generic"
    # Members of a collective without a word that describes them, or people in uniform, are no new phrase.
    assert dict(orgs("He spoke to members of the police about people in military uniform.")) == {"the police": "org:police-generic"}


def test_a_collective_keeps_its_article_in_the_mention() -> None:
    found = [(m.text, m.ref, m.entry.name if m.entry else "") for m in find_entries(
        "Amnesty called on the Crimean authorities to find them; The occupation authorities did not reply.")
        if m.label == "Organisation" and m.ref != "org:amnesty-international"]
    assert found == [("the Crimean authorities", "org:russian-occupation-authorities", "Russian occupation authorities"),
                     ("The occupation authorities", "org:russian-occupation-authorities", "Russian occupation authorities")]


def test_honorific_cleric_and_official_order() -> None:
    assert people("The Honourable Marta Kowalczyk, Minister of Foreign Affairs, issued a statement.") == \
        [("Marta Kowalczyk", 1)]
    found, _ = find_people(t := "Bailiffs injured Archbishop Kliment in the church. Kliment was taken to hospital.",
                           find_entries(t))
    assert [(p.name, p.position, len(p.mentions)) for p in found] == [("Kliment", "Archbishop", 2)]
    text = ("Timur Ibragimov (Victims List)\n\nAdditional Name(s): Ибрагимов Тимур Ринатович\n\n"
            "Timur Ibragimov is imprisoned. Ivan Sergeyevich Petrov spoke.\n")
    found, _ = find_people(text, find_entries(text))
    assert [(p.name, p.variants) for p in found][0] == ("Timur Ibragimov", ["Ибрагимов Тимур Ринатович"])
    assert [(p.given, p.surname) for p in found][1] == ("Ivan", "Petrov")  # the western order keeps its reading


def test_possessive_collectives_bailiffs_and_numbered_colonies() -> None:
    found = dict(orgs("Russia’s forces and Russia’s proxies held him; Russian court bailiffs came."))
    assert found == {"Russia’s forces": "org:russian-forces", "Russia’s proxies": "org:russian-proxies-generic",
                     "Russian court bailiffs": "org:russian-court-bailiffs-generic"}
    # A possessive before a body's or a land's noun is still the country's.
    assert "Russia’s sovereignty" not in dict(orgs("Russia’s sovereignty and Russia’s Federal Security Service."))
    places = [(m.text, m.ref) for m in find_entries("He was held at Kherson Colony No.90 and later freed.")]
    assert places == [("Kherson Colony No.90", "place:kherson-colony-no-90")]


def test_a_bare_country_follows_the_clear_mentions() -> None:
    def read(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.ref) for m in find_entries(text) if m.text == "Russia"]

    # The state acts in the article: the passing mention is the state too.
    assert read("Canada imposed sanctions on Russia. Russia must release the prisoners.") == \
        [("Russia", "org:russian-federation"), ("Russia", "org:russian-federation")]
    # Nothing in the article settles it: the country named in passing is the place.
    assert read("Canada imposed new sanctions on Russia last year.") == [("Russia", "place:russia")]
    # A preposition of place still says the land, whatever else the article says.
    assert read("He was taken to Russia. Russia must release him.") == \
        [("Russia", "place:russia"), ("Russia", "org:russian-federation")]


def test_records_defined_terms_and_list_titles_are_no_organisations() -> None:
    text = ("Gender: Male\n\nEthnic Group: Crimean Tatar\n\nNature of Charges: Banned Organization Extremism\n\n"
            "He was a member of the Crimean Human Rights Group.\n")
    assert orgs(text) == [("Crimean Human Rights Group", "org:crimean-human-rights-group")]
    assert orgs("It is a “state sponsor of terrorism” (SST) and stays on the Annual Watch List. The SST rules apply.") == []
    # An acronym in parentheses after a capitalised name is still that body's.
    assert dict(orgs("The Crimean Tatar Resource Center (CTRC) reported it."))["CTRC"] == "org:crimean-tatar-resource-center"


def test_headline_collective() -> None:
    text = "Harassment of Two Reporters in Crimea by Russian Officials\n\nThe officials denied it.\n"
    assert dict(orgs(text)).get("Russian Officials") == "org:russian-officials-generic"
    # In running text a capitalised noun after a nationality is no collective ("Russian Officials Day").
    assert "Russian Officials" not in dict(orgs("He spoke at the Russian Officials Forum in Moscow last year."))


def test_an_accused_country_is_the_state() -> None:
    found = [(m.text, m.ref) for m in find_entries("Meanwhile, Russia accused of blocking independent media.")]
    assert found == [("Russia", "org:russian-federation")]


def test_a_parliamentarian_with_country_and_group() -> None:
    text = "The report drawn up by Sigrun Ola Thorsdottir (Iceland, SOC) was adopted."
    assert [n for n, _k in people(text)] == ["Sigrun Ola Thorsdottir"]
    # A place or a group alone in parentheses says nothing of a person.
    assert people("The report by Nordic Vestor Alliance (NVA) was adopted.") == []


def test_collective_words_for_an_agency_and_a_town_naming_a_plan() -> None:
    found = [(m.text, m.ref) for m in find_entries("He was warned by the effective security services (FSB) last week.")]
    assert found == [("security services", "org:fsb"), ("FSB", "org:fsb")]
    assert [m.text for m in find_entries("They broke the Minsk peace plan and the Minsk talks.")
            if m.label == "Location"] == []


def test_activists_and_the_prosecutor_without_a_name() -> None:
    found = dict(orgs("It quoted Ukrainian activists. The Russian prosecutor has asked for 20 years."))
    assert found == {"Ukrainian activists": "org:ukrainian-activists-generic",
                     "The Russian prosecutor": "org:russian-prosecutor-generic"}
    # The prosecutor of a place, or one named next, is a person's office.
    assert orgs("It was announced by the de facto prosecutor of Crimea, Natalia Poklonskaya.") == []
    assert orgs("The Russian prosecutor, Ivan Petrov, asked for 20 years.") == []


def test_a_towns_facility_by_its_possessive() -> None:
    found = [(m.text, m.ref, m.label) for m in find_entries("They were traced to Simferopol’s military commissariat.")]
    assert found == [("Simferopol’s military commissariat", "place:simferopol-military-commissariat", "Location")]


def test_hyphenated_acronym_and_a_diocese() -> None:
    found = dict(orgs("He heads the Southern Eparchy of the OCU-MP and spoke for the OCU-MP."))
    assert found == {"Southern Eparchy of the OCU-MP": "org:southern-eparchy-of-the-ocu-mp", "OCU-MP": "org:ocu-mp"}
    # A number after the hyphen makes no acronym ("COVID-19").
    assert orgs("During COVID-19 the visits stopped.") == []


def test_the_states_spellings_are_one_entry() -> None:
    _text, ex = extract("The Russian Federation detained him. Russia must release him. Canada imposed sanctions on Russia.")
    state = ex.entities["org:russian-federation"]
    assert (state.name, state.aliases) == ("Russian Federation", ["Russia"])
