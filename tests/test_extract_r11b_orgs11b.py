"""Round 11b, orgs11b: a region of the world named as a place (loaders/extract/world_regions.py), and curated
names of bodies, outlets and bodies of law (gazetteers/organisations.yaml, gazetteers/cues.yaml), on made-up
sentences in the shape of the development splits' wordings."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries


def _keys(body: str) -> list[tuple[str, str, str]]:
    text = f"A short article\n\n{body}\n"
    return [(m.text, m.label, m.entry.key if m.entry is not None else "") for m in find_entries(text, load_gazetteer())]


def test_a_region_of_the_world_named_as_a_place() -> None:
    # "Europe faces the largest movement of people" (GOV.UK), "the worst security crisis in Europe since" (Ukraine's
    # OSCE delegation), "in relation to Europe as a whole" (UK Parliament)
    for body in ("Europe faces the largest crisis of its recent history, the minister said.",
                 "The war caused the worst humanitarian crisis in Europe since 1945.",
                 "The dispute matters in relation to Europe as a whole."):
        assert ("Europe", "Location", "europe") in _keys(body), body


def test_a_region_of_the_world_as_an_office_remit_is_no_place() -> None:
    # "UK Minister for Europe Sir Alan Duncan", "Minister (Europe)", "Amnesty International's Director for Europe and
    # Central Asia", "its Eastern Europe and Central Asia Director"
    for body in ("The UK Minister for Europe John Smith said the verdict was unjust.",
                 "John Smith Minister of State (Europe) 10:37 am, 24th April 2019",
                 "Jane Doe, Amnesty International’s Director for Europe and Central Asia, said the trial was unfair.",
                 "Jane Doe, the group's Eastern Europe and Central Asia Director, said so."):
        assert not [k for k in _keys(body) if k[1] == "Location" and k[2] in ("europe", "central-asia", "eastern-europe")], body


def test_curated_names_of_bodies_and_outlets() -> None:
    # "the Supreme Rada of Ukraine", "the activities of the High Commissioner’s Office", "According to Bloomberg, ..."
    assert ("Supreme Rada of Ukraine", "Organisation", "verkhovna-rada") in _keys(
        "The Speaker recalled their meeting in the Supreme Rada of Ukraine last year.")
    assert ("High Commissioner’s Office", "Organisation", "ohchr") in _keys(
        "Ukraine made a voluntary contribution to support the activities of the High Commissioner’s Office.")
    assert ("Bloomberg", "Organisation", "bloomberg") in _keys(
        "According to Bloomberg, the deliveries continued through the peninsula.")


def test_a_body_of_law_in_capitals_is_no_organisation() -> None:
    # "a duty of the occupying power, in accordance with IHL, to take care of the territory"
    assert not [k for k in _keys("It is a duty of the occupying power, in accordance with IHL, to protect civilians.")
                if k[0] == "IHL"]


def test_a_city_that_names_principles_is_no_place() -> None:
    # "Russia's violation of international law and our shared Helsinki principles"
    assert not [k for k in _keys("It is a violation of international law and of our shared Helsinki principles.")
                if k[0] == "Helsinki"]
