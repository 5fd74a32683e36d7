"""Round 10, orgs7: the bodies, people and places government and parliamentary statements name in forms
they share (dev7: the Seimas, the UN's Human Rights Council statements, the Japanese missions):
maintained bodies by their short names ("the Seimas", "UN GA", "SG", "the Deputy High Commissioner"),
speakers by title and glued initial ("Ambassador Y.Klymenko"), "Ukrainians" named with the Crimean Tatars,
the seats of international bodies, and the false readings the drafts made. Made-up sentences."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mention_types import Mention
from loaders.extract.mentions import find_entries
from tests.extract_helpers import check_quotes, extract


def _mentions(body: str) -> list[Mention]:
    text = f"A short article\n\n{body}\n"
    return find_entries(text, load_gazetteer())


def _refs(body: str, label: str = "Organisation") -> dict[str, str]:
    """Mention text -> key of the mentions of ``label`` in a short article with ``body``."""
    return {m.text: m.ref for m in _mentions(body) if m.label == label and m.ref}


def _people(body: str) -> dict[str, tuple[str, list[str]]]:
    """Person key -> (name, aliases) in a short article with ``body``."""
    _text, ex = extract(body)
    return {k: (e.name, list(e.aliases)) for k, e in ex.entities.items() if e.label == "Person"}


def test_seimas_by_its_names() -> None:
    assert _refs("The Speaker welcomed the resolution adopted by the Seimas last week.") == {"Seimas": "org:seimas-of-lithuania"}
    found = _mentions("The Seimas of the Republic of Lithuania expresses its strong support for Ukraine.")
    assert [(m.text, m.ref) for m in found if m.label == "Organisation"] == \
        [("Seimas of the Republic of Lithuania", "org:seimas-of-lithuania")]
    assert "Lithuania" not in {m.text for m in found if m.label == "Location"}  # part of the body's name


def test_deputy_high_commissioner_is_an_office_unless_a_person_holds_the_title() -> None:
    assert _refs("Let me thank the Deputy High Commissioner for her presentation and update.") == \
        {"Deputy High Commissioner": "org:un-deputy-high-commissioner-for-human-rights"}
    # named with the title in the article: the bare title is hers, no office
    body = ("We thank the Deputy High Commissioner for her update. We thank Deputy High Commissioner Jane Holloway "
            "for her service.")
    assert "org:un-deputy-high-commissioner-for-human-rights" not in _refs(body).values()


def test_un_short_forms() -> None:
    found = _refs("The status of the peninsula is clearly prescribed by the UN GA resolution 68/262.")
    assert found == {"UN GA": "org:un-general-assembly"}  # and no United Nations of its own
    assert _refs("Interactive dialogue on the interim report of SG on human rights in Crimea.") == \
        {"SG": "org:un-secretary-general"}


def test_glued_initial_names_the_speaker() -> None:
    assert _people("Intervention by the Permanent Representative, Ambassador O.Petrenko, at the session.") == \
        {"person:o-petrenko": ("O.Petrenko", [])}
    body = "Intervention by Ambassador O.Petrenko at the session. Ambassador Oleksii Petrenko said the situation worsened."
    assert _people(body) == {"person:oleksii-petrenko": ("Oleksii Petrenko", ["O.Petrenko"])}
    # another initial is another person
    assert len(_people("Ambassador Oleksii Petrenko met Ambassador V.Petrenko in Kyiv.")) == 2


def test_counsellor_is_a_title_and_the_chair_addressed_no_person() -> None:
    assert _people("Statement of the delegation by Minister Counsellor YAMAMOTO Hiroshi, 9 July 2021.") == \
        {"person:yamamoto-hiroshi": ("YAMAMOTO Hiroshi", [])}
    assert _people("Mr. Moderator,\n\nI wish to express my appreciation to the delegation.") == {}


def test_ukrainians_named_with_the_crimean_tatars() -> None:
    for body in ["After the occupation, the rights of Tatars and Ukrainians who live there have been violated.",
                 "A story told at the expense of Crimean Tatars, Ukrainians and all those who dared to speak."]:
        assert _refs(body).get("Ukrainians") == "org:ukrainians-in-crimea-generic", body
    # a narrower group of them, or Ukrainians elsewhere: not the people of the peninsula
    assert "Ukrainians" not in _refs("It shows the persecution of Crimean Tatars and Ukrainians opposed to the annexation.")
    assert "Ukrainians" not in _refs("It shows the persecution of Crimean Tatars and Ukrainians in Kherson.")


def test_crimean_tatar_leaders_after_their_names_are_their_title() -> None:
    body = "The President met with Ali Bekirov and Enver Asanov, Crimean Tatar leaders and members of the Mejlis."
    assert "Crimean Tatar leaders" not in _refs(body)
    assert _refs("The President met with Crimean Tatar leaders in Vilnius.") == \
        {"Crimean Tatar leaders": "org:crimean-tatar-leaders-generic"}


def test_mandate_after_another_and_in_lower_case() -> None:
    body = ("An interactive dialogue with the Special Rapporteur on minority issues and the Independent expert on the "
            "enjoyment of all human rights by older persons was held.")
    found = {m.text for m in _mentions(body) if m.label == "Organisation"}
    assert "Independent expert on the enjoyment of all human rights by older persons" in found
    assert any(t.startswith("Special Rapporteur on minority issues") for t in found)


def test_unofficial_delegation_keeps_the_word() -> None:
    for head in ("delegation", "Delegation"):
        found = _refs(f"Violations are documented in the report of unofficial Turkish {head}, which visited Crimea.")
        assert list(found) == [f"unofficial Turkish {head}"], found


def test_seats_of_international_bodies() -> None:
    assert _refs("Statement by the delegation\nGeneva, 18 December 2019\n\nMr. President,", "Location") == {"Geneva": "place:geneva"}
    assert _refs("Just a few days ago, we heard this story in New York, at the Security Council meeting.", "Location") == \
        {"New York": "place:new-york"}
    assert _refs("The judgments of the European Court of Human Rights in Strasbourg.", "Location") == \
        {"Strasbourg": "place:strasbourg"}
    # an accord named after a city, a newspaper named after one
    assert _refs("Russia is responsible under the fourth Geneva convention as an occupying power.", "Location") == {}
    assert _refs("Russia violates the Geneva Conventions, the New York Times reported.", "Location") == {}
    assert _refs("The New York Times reported it.") == {"The New York Times": "org:new-york-times"}


def test_a_second_post_ends_the_body_name() -> None:
    body = ("He addressed Refat Chubarov, Chairman of the Mejlis, President of the World Congress of Crimean Tatars "
            "and Member of the Verkhovna Rada of Ukraine.")
    found = set(_refs(body))
    assert "World Congress of Crimean Tatars" in found and "Verkhovna Rada of Ukraine" in found
    assert not any(t.startswith(("President", "World Congress of Crimean Tatars and")) for t in found)


def test_a_states_actions_and_citizenship_name_the_state() -> None:
    for body in ["They condemned the actions of the Russian Federation in restricting the work of the Mejlis.",
                 "Those who refused to obtain the citizenship of Russia face a threat of deportation."]:
        assert not _refs(body, "Location"), body
        assert "org:russian-federation" in _refs(body).values(), body


def test_speaker_of_a_parliament_leads_it() -> None:
    text, ex = extract("On 12 April 2016, Ona Petraitienė, Speaker of the Seimas, received representatives of the community.")
    leads = [c for c in ex.claims if c.predicate == "LEADS" and c.object == "org:seimas-of-lithuania"]
    assert [c.subject for c in leads] == ["person:ona-petraitiene"]
    check_quotes(text, leads)
