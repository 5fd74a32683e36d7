"""The Crimean Tatars named as a people (loaders/extract/collective_phrases.py crimean_tatar_people):
one generic collective per article, with made-up sentences."""

from __future__ import annotations

from loaders.extract.collective_phrases import crimean_tatar_people
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries
from tests.extract_helpers import check_quotes, extract

KEY = "crimean-tatar-community-generic"


def _mentions(body: str) -> list[tuple[str, str]]:
    """The organisation mentions of a one-paragraph article: (text as written, key)."""
    text = f"A short article\n\n{body}\n"
    return [(m.text, m.entry.key) for m in find_entries(text, load_gazetteer())
            if m.label == "Organisation" and m.entry is not None]


def _people(body: str) -> list[str]:
    return [t for t, k in _mentions(body) if k == KEY]


def test_the_people_in_its_usual_wordings_is_one_generic_collective() -> None:
    body = ("The ministry condemned the harassment of Crimean Tatars in the north. Officials met the Crimean "
            "Tatar community of the town. A report described pressure on Muslim Crimean Tatars and on the "
            "indigenous Crimean Tatar people, and on the Crimean Tatar minority.")
    assert _people(body) == ["Crimean Tatars", "Crimean Tatar community", "Muslim Crimean Tatars",
                             "indigenous Crimean Tatar people", "Crimean Tatar minority"]
    found = crimean_tatar_people(f"x\n\n{body}", bytearray(len(body) + 4))
    assert {e.key for _, _, e in found} == {KEY} and all(e.generic for _, _, e in found)
    assert {e.name for _, _, e in found} == {"Crimean Tatars"}


def test_the_people_keeps_its_bare_name_after_the_article() -> None:
    # ("the" stays outside: an act's group "of the Crimean Tatars" holds the people's own words)
    assert _people("A campaign against the Crimean Tatars went on.") == ["Crimean Tatars"]


def test_not_an_adjective_of_a_named_person_or_body() -> None:
    body = ("Crimean Tatar activist Rustem Osmanov was detained. The Mejlis of the Crimean Tatar People "
            "protested, and the Crimean Tatar Resource Center wrote to the court.")
    assert _people(body) == []


def test_not_a_counted_group_of_detainees() -> None:
    body = ("Police detained twelve Crimean Tatars in the village. At least 45 other Crimean Tatars were held. "
            "The homes of nearly two dozen other ethnic Crimean Tatars were searched, and 23 Crimean Tatars stood trial.")
    assert _people(body) == []


def test_not_one_item_of_a_list_of_victims() -> None:
    body = "The ministers asked Russia to free all detained ethnic Ukrainians, Crimean Tatars and journalists."
    assert _people(body) == []
    # (README conv14b point 2: a list that is the subject of the abuse names each group, the people among them)
    assert _people("Crimean Tatars, ethnic Ukrainians, activists, and reporters have been targeted.") == ["Crimean Tatars"]


def test_a_list_after_including_names_the_people() -> None:
    body = "The authorities persecuted religious groups, including Muslim Crimean Tatars, Baptists, and others."
    assert _people(body) == ["Muslim Crimean Tatars"]


def test_not_the_agent_after_by() -> None:
    # "activism by the Crimean Tatar community": the people acts, and an act's "by" would make it a perpetrator
    assert _people("The arrest was part of the crackdown on activism by the Crimean Tatar community.") == []


def test_the_people_is_the_target_of_a_reported_persecution_only() -> None:
    # The people is the target of the persecution a sentence reports with its agent (round 10: the gold of dev3,
    # dev4, valid2 and dev5 holds it), never of one it only characterises ("is not new"), and never a
    # perpetrator (docs/extraction.md, round 10: part10 and abuse10, who found the class apart).
    text, ex = extract("Russian occupation authorities continued to persecute Crimean Tatars in Crimea. "
                       "The persecution of Crimean Tatars is not new.")
    assert f"org:{KEY}" in ex.entities
    mine = [c for c in ex.claims if c.subject == f"org:{KEY}" and c.predicate == "PARTICIPANT_IN"]
    assert [(c.object, c.qualifiers.get("role")) for c in mine] == [("event:persecution-of-crimean-tatars", "target")]
    assert text[mine[0].span[0]:mine[0].span[1]].startswith("Russian")
    assert all(c.span[1] < text.index("The persecution") for c in ex.claims)
    check_quotes(text, ex.claims)


def test_the_tatar_community_without_crimean() -> None:
    body = ("Raids became a fact of life for the Tatar community. Crimea’s ethnic Tatar minority suffered, and the "
            "station served the Tatar population of Crimea.")
    assert _people(body) == ["Tatar community", "ethnic Tatar minority", "Tatar population"]
