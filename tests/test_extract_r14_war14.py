"""Round 14 (war14): the invasion of Crimea and Russia's war against Ukraine by the words any text on the
subject uses (README conv13d point 13): "Russia's invasion and seizure of Crimea", "its illegal annexation
and invasion of Crimea", "its continued aggression against Ukraine", "its continued war of aggression"."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

INVASION = "event:russian-invasion-of-crimea-2014-02"
ANNEXATION = "event:russian-annexation-of-crimea-2014"
AGGRESSION = "event:russian-aggression-against-ukraine-2014"
FULL_SCALE = "event:russian-full-scale-invasion-2022-02"
RUSSIA = "org:russian-federation"


def _facts(body: str) -> set[tuple[str, str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.predicate, c.object) for c in ex.claims}


def test_invasion_and_seizure_of_crimea_is_the_invasion() -> None:
    facts = _facts("Marking the fifth anniversary of Russia’s invasion and seizure of Crimea, the minister spoke.")
    assert (RUSSIA, "PARTICIPANT_IN", INVASION) in facts
    assert (INVASION, "LOCATED_IN", "place:crimea") in facts


def test_annexation_and_invasion_names_both() -> None:
    facts = _facts("Today we mark two years since Russia’s illegal annexation and invasion of Crimea.")
    assert (RUSSIA, "PARTICIPANT_IN", INVASION) in facts
    assert (INVASION, "LOCATED_IN", "place:crimea") in facts
    assert (RUSSIA, "PARTICIPANT_IN", ANNEXATION) in facts


def test_invasion_without_its_author_is_no_event() -> None:
    _, ex = extract("An invasion of Crimea was feared by the delegates.")
    assert INVASION not in ex.entities


def test_continued_aggression_is_the_war_from_2014() -> None:
    facts = _facts("We condemn Russia’s actions in Crimea and its continued aggression against Ukraine.")
    assert (RUSSIA, "PARTICIPANT_IN", AGGRESSION) in facts
    assert (AGGRESSION, "LOCATED_IN", "place:ukraine") in facts


def test_war_of_aggression_in_a_late_text_is_the_full_scale_invasion() -> None:
    facts = _facts("The envoy seeks the release of people detained by Russia as part of its continued war of "
                   "aggression against Ukraine, he said in March 2024.")
    assert (RUSSIA, "PARTICIPANT_IN", FULL_SCALE) in facts
    assert (FULL_SCALE, "LOCATED_IN", "place:ukraine") in facts


def test_war_of_aggression_without_a_state_is_no_event() -> None:
    _, ex = extract("The court heard that a war of aggression against Ukraine is a crime.")
    assert AGGRESSION not in ex.entities and FULL_SCALE not in ex.entities


def test_two_wars_of_one_text_are_two_events() -> None:
    facts = _facts("We meet at the mark of Russia’s brutal full-scale war against Ukraine. Russia’s aggression "
                   "against Ukraine began when its forces entered Crimea in 2014.")
    assert (RUSSIA, "PARTICIPANT_IN", FULL_SCALE) in facts
    assert (RUSSIA, "PARTICIPANT_IN", AGGRESSION) in facts


def test_armed_aggression_against_ukraine_stands_alone() -> None:
    facts = _facts("By pursuing the armed aggression against Ukraine, the state has isolated itself.")
    assert (AGGRESSION, "LOCATED_IN", "place:ukraine") in facts
    _, ex = extract("Experts debated the armed aggression against Georgia.")
    assert not any(k.startswith("event:russian") for k in ex.entities)


def test_it_annexed_is_russia_named_before() -> None:
    facts = _facts("Russia started its repression when it illegally annexed Crimea.")
    assert (RUSSIA, "PARTICIPANT_IN", ANNEXATION) in facts
    _, ex = extract("Ukraine said that it occupied Crimea.")
    assert not any(c.subject == RUSSIA for c in ex.claims)


def test_russia_invaded_crimea_and_ukraine() -> None:
    facts = _facts("In 2014 Russia illegally invaded Crimea.")
    assert (RUSSIA, "PARTICIPANT_IN", INVASION) in facts
    assert (INVASION, "LOCATED_IN", "place:crimea") in facts
    facts = _facts("Russia invaded Ukraine and killed many civilians.")
    assert (RUSSIA, "PARTICIPANT_IN", AGGRESSION) in facts


OCCUPATION = "event:russian-occupation-of-crimea"


def test_part_of_the_territory_dash_land() -> None:
    facts = _facts("The Council condemns the temporary occupation of part of the territory of Ukraine – the Autonomous "
                   "Republic of Crimea and the city of Sevastopol – by the Russian Federation.")
    assert (RUSSIA, "PARTICIPANT_IN", OCCUPATION) in facts
    assert (OCCUPATION, "LOCATED_IN", "place:crimea") in facts
    assert (OCCUPATION, "LOCATED_IN", "place:sevastopol") in facts


def test_occupied_and_annexed_by_means_of_force() -> None:
    facts = _facts("Two years ago the Russian Federation, by using military force, occupied and annexed a part of the "
                   "Ukrainian territory – the Autonomous Republic of Crimea.")
    assert (RUSSIA, "PARTICIPANT_IN", OCCUPATION) in facts
    assert (RUSSIA, "PARTICIPANT_IN", ANNEXATION) in facts
    assert (ANNEXATION, "LOCATED_IN", "place:crimea") in facts
