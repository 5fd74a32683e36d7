"""Round 15, evother15: events of kind ``other`` told of a people as the passive verb's subject (a ban on its
assemblies, Russian citizenship forced on it: loaders/extract/state_policies.py) and the protests people take part in
(the protest trigger of loaders/extract/gazetteers/events.yaml), on made-up sentences in the shape of the classes."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

PEOPLE = "org:crimean-tatar-community-generic"


def _events(body: str, prefix: str) -> list[set[tuple[str, str, str]]]:
    """Each drafted event whose name starts with ``prefix``: its (other end, predicate, role) claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return [{(c.subject if c.object == key else c.object, c.predicate, str(c.qualifiers.get("role", "")))
             for c in ex.claims if key in (c.subject, c.object)}
            for key, e in ex.entities.items() if e.label == "Event" and e.name.startswith(prefix)]


def test_a_people_banned_from_holding_meetings() -> None:
    # "Tatars are banned from organizing meetings and rallies", "Tatars are prohibited from conducting meetings" (dev7)
    assert _events("The Crimean Tatars are banned from organizing meetings and rallies.", "Ban on meetings and rallies") == [
        {(PEOPLE, "PARTICIPANT_IN", "target")}]
    # the people by its bare name, after the article has named it; the land after "in" its place
    assert _events("The Crimean Tatars are a people of Crimea. Tatars are now prohibited from holding public rallies in "
                   "Crimea.", "Ban on meetings and rallies") == [{(PEOPLE, "PARTICIPANT_IN", "target"), ("place:crimea", "LOCATED_IN", "")}]


def test_no_assembly_ban_without_the_people_or_the_assembly() -> None:
    assert _events("The Crimean Tatars are banned from leaving the region.", "Ban on meetings and rallies") == []
    assert _events("The Crimean Tatars organised meetings and rallies.", "Ban on meetings and rallies") == []
    # the bare name in an article that never names the people: no event, no claim on an unknown collective
    assert _events("Tatars are banned from organizing meetings and rallies.", "Ban on meetings and rallies") == []


def test_a_people_forced_to_take_russian_citizenship() -> None:
    # "Tatars are forced to adopt Russian citizenship" (dev7, Lithuania's President)
    assert _events("The Crimean Tatars are forced to adopt Russian citizenship.", "Forced imposition of Russian citizenship") == [
        {(PEOPLE, "PARTICIPANT_IN", "target")}]
    # "all residents of Crimea and Sevastopol were actually forced to obtain the Russian citizenship" (dev7, Ukraine's
    # mission in Geneva): the lands in the people's words are the places
    found = _events("In this way all residents of Crimea and Sevastopol were actually forced to obtain the Russian "
                    "citizenship.", "Forced imposition of Russian citizenship")
    assert len(found) == 1
    assert {("place:crimea", "LOCATED_IN", ""), ("place:sevastopol", "LOCATED_IN", "")} <= found[0]
    assert any(p == "PARTICIPANT_IN" and r == "target" for _, p, r in found[0])


def test_no_forced_citizenship_without_a_people() -> None:
    assert _events("The journalists were forced to leave the peninsula.", "Forced imposition of Russian citizenship") == []
    assert _events("The Crimean Tatars refused to adopt Russian citizenship.", "Forced imposition of Russian citizenship") == []


def test_protests_in_the_other_forms_of_taking_part() -> None:
    # "Sentsov had just taken part in a rally" (dev), "Both had taken part in peaceful demonstrations" (dev6)
    assert _events("Oleg Sentsov had taken part in peaceful demonstrations against the occupation.", "Protest by") == [
        {("person:oleg-sentsov", "PARTICIPANT_IN", "participant")}]
    assert _events("Ivan Petrenko was detained while staging one-person protests outside the court.", "Protest by") != []
    assert _events("Ivan Petrenko wrote about the demonstrations.", "Protest by") == []


def test_the_annexation_of_a_land_told_as_territory() -> None:
    # "Russia's effort to annex its neighbor's territory" (dev, VOA), "its attempted annexation of Ukrainian territory"
    # (dev, State Department): the annexation of the article's Crimea, Russia its perpetrator
    crimea = "Crimea is a peninsula on the Black Sea. "
    for body in ("The protests were directed against Russia's effort to annex its neighbor's territory by force.",
                 "Russia lied to mask its attempted annexation of Ukrainian territory."):
        assert _events(crimea + body, "Annexation of") == [
            {("org:russian-federation", "PARTICIPANT_IN", "perpetrator"), ("place:crimea", "LOCATED_IN", "")}], body
    # "the Russian Federation's attempt to illegally annex sovereign territories of Ukraine" (dev4, the UK): the land named
    assert _events("We face a new reality due to the Russian Federation's attempt to illegally annex sovereign territories "
                   "of Ukraine.", "Annexation of") == [
        {("org:russian-federation", "PARTICIPANT_IN", "perpetrator"), ("place:ukraine", "LOCATED_IN", "")}]


def test_no_annexation_of_territory_without_its_state() -> None:
    assert _events("Crimea is a peninsula. We condemn any annexation of Ukrainian territory.", "Annexation of") == []
    assert _events("Crimea is a peninsula. Russia annexed nothing else; the territory of Ukraine is whole.", "Annexation of") == []


def test_an_agreement_named_by_its_city() -> None:
    # "call on Russia to fulfill all of its commitments made under the Minsk agreements" (dev), "Russia has chosen to
    # ignore its commitments under the Minsk agreements" (dev2): the agreement, the state its participant
    for body in ("We call on Russia to fulfill all of its commitments made under the Minsk agreements.",
                 "Russia has chosen to ignore its commitments under the Minsk agreements, which call for the release of all."):
        text, ex = extract(body)
        check_quotes(text, ex.claims)
        assert ex.entities["event:minsk-agreements"].name == "Minsk agreements", body
        assert [(c.subject, c.qualifiers.get("role")) for c in ex.claims if c.object == "event:minsk-agreements"] == [
            ("org:russian-federation", "participant")], body
    # "the commitments Russia made in the Minsk peace plan" (dev2)
    assert _events("This is contrary to the commitments Russia made in the Minsk peace plan struck in February.", "Minsk") == [
        {("org:russian-federation", "PARTICIPANT_IN", "participant")}]


def test_no_agreement_from_a_document_or_a_non_city() -> None:
    # "the Helsinki Final Act, the 1994 Budapest Memorandum" (dev7: documents), "European agreements signed by both"
    for body in ("This violates the Helsinki Final Act and the 1994 Budapest Memorandum.",
                 "This is in violation of European agreements signed by both the Russian Federation and Ukraine."):
        assert _events(body, "") == [], body


def test_a_family_harassed_told_first_in_the_sentence() -> None:
    # "His wife and nine-year-old son were harassed and intimidated by Russian secret service agents" (dev2, Amnesty):
    # the capitalised possessive opens the sentence; the agents are the perpetrator
    found = _events("Ivan Petrenko was arrested last year. His wife and nine-year-old son were harassed and intimidated by "
                    "Russian secret service agents.", "Persecution of")
    assert found == [{("org:russian-secret-service-agents-generic", "PARTICIPANT_IN", "perpetrator")}]
