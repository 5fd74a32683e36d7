"""Names on real articles, round 6 (issue 20): made-up sentences for each class of English the
extractor reads for people, organisations, places and generic collective actors.

- a headline or a title before a name capitalises common words at the name's edges ("Reporters
  Anvar Kudratov ... Detained", "of the Press Milena Hodžić"): they are no part of the name, and
  the surname alone later in the body is that person;
- an outlet, operator or channel introduced by its kind ("the news website “Zerkalo”", "the
  state postal operator Pochtaline") is an organisation; the platforms people publish on
  (YouTube, Telegram) are organisations; the OSCE's media freedom office is one by name;
"""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people
from loaders.extract.name_guards import common_edges, lower_words


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
    found = dict(orgs("He posted the videos on his YouTube channel and on Telegram. The OSCE Representative on "
                      "Freedom of the Media condemned the arrest."))
    assert found["YouTube"] == "org:youtube" and found["Telegram"] == "org:telegram"
    assert found["OSCE Representative on Freedom of the Media"] == "org:osce-representative-on-freedom-of-the-media"
