"""Entity misses that recur across several development splits and annotators (issue 20), fixed by
class of English, each shown on made-up sentences:

- a country's reading as the state or the land: after an adverbial and a comma the country is
  the subject of a verb ("In March 2014, Russia announced"), what belongs to a state ("the laws of
  the Russian Federation", "the delegation of Russia"), a territory that "became part of" it, and
  the state "as the occupying power"; with no clearer mention, the agent of an act by its
  possessive ("Russia's attempted annexation") is the state;
- the occupation authorities however the writer hedges them ("the so-called authorities",
  "Russian ‘de-facto’ authorities", "Russian occupation “authorities”", "defacto authorities",
  "authorities in Russian-occupied Crimea", "the de facto and the Russian authorities").
"""

from __future__ import annotations

from loaders.extract.mentions import find_entries


def readings(text: str, name: str = "Russia") -> list[str]:
    """The keys the mentions of ``name`` (or a longer name holding it) are read as, in order."""
    return [m.ref for m in find_entries(text) if name in m.text]


STATE, LAND = "org:russian-federation", "place:russia"


def test_after_an_adverbial_and_a_comma_the_country_is_the_subject() -> None:
    assert readings("In March 2014, Russia announced that the region was its own.") == [STATE]
    assert readings("Three years ago, Russia seized the peninsula. Russia then staged a vote.") == [STATE, STATE]
    assert readings("In 2014, Russia illegally extended its law to the peninsula.") == [STATE]
    # A description after the comma says nothing of who acts, and a place stays one.
    assert readings("Before the war, Ukraine was a quiet country.", "Ukraine") == ["place:ukraine"]
    assert readings("He was taken to a prison in Rostov, Russia, last year.") == [LAND]


def test_what_belongs_to_a_state_names_the_state() -> None:
    assert readings("They enforce the laws of the Russian Federation in the region.") == [STATE]
    assert readings("Officers apply the legislation of Russia to the peninsula.") == [STATE]
    assert readings("The credentials of the delegation of the Russian Federation were not ratified.") == [STATE]
    assert readings("Armed forces of the Russian Federation seized the airport.") != [LAND]
    # The territory or the regions of a country are the land.
    assert readings("Prisoners were moved to the territory of the Russian Federation.") == [LAND]
    assert readings("He was sent to remote areas of Russia.") == [LAND]


def test_a_territory_that_becomes_part_of_a_country_joins_the_state() -> None:
    assert readings("Officials said the region had become part of the Russian Federation.") == [STATE]
    # "remains part of" a country is no annexing claim: the land, as before.
    assert readings("The region remains part of Ukraine.", "Ukraine") == ["place:ukraine"]


def test_the_occupying_power_is_the_state() -> None:
    assert readings("A law gives responsibility to the Russian Federation as the occupying power.") == [STATE]


def test_the_agent_of_an_act_alone_is_the_state() -> None:
    assert readings("He opposed the Russian Federation’s illegal annexation of the peninsula.") == [STATE]
    # "annexed by Russia" alone stays unsettled: no entity, as before.
    assert readings("The peninsula was annexed by Russia in 2014.") == []
    assert readings("He is a critic of Russia's purported annexation of the peninsula.") == [STATE]
    # The article's other unsure mentions follow it ("sanctions on Russia").
    assert readings("We denounce Russia's banning of the council. Canada imposed sanctions on Russia.") == [STATE, STATE]
    # A clear place elsewhere still decides the unsure mentions.
    assert readings("He opposed Russia's annexation. He was taken to Russia.") == [LAND, LAND]
    # A possessive before anything else is no act: no entity, as before.
    assert readings("Nobody recognises Russia’s claim to the peninsula.") == []
    assert readings("Nobody noticed the Ukraine’s national post operator.", "Ukraine") == []


def test_calls_for_a_country_to_act() -> None:
    assert readings("We call for Russia to reverse this decision.") == [STATE]


OCCUPATION = "org:russian-occupation-authorities"


def authorities(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.ref) for m in find_entries(text) if "uthorities" in m.text]


def test_the_occupation_authorities_however_the_writer_hedges_them() -> None:
    assert authorities("Pressure came from the so-called authorities last year.") == \
        [("the so-called authorities", OCCUPATION)]
    assert authorities("The Russian ‘de-facto’ authorities closed the paper.") == \
        [("The Russian ‘de-facto’ authorities", OCCUPATION)]
    assert authorities("Russian occupation “authorities” silenced the station.") == \
        [("Russian occupation “authorities”", OCCUPATION)]
    assert authorities("Many left because of the defacto authorities.") == [("the defacto authorities", OCCUPATION)]
    assert authorities("He was fined by the de facto and the Russian authorities.") == \
        [("the de facto and the Russian authorities", OCCUPATION)]


def test_the_authorities_in_occupied_crimea_keep_the_place() -> None:
    text = "In May, authorities in Russian-occupied Crimea searched ten homes."
    assert [(m.text, m.ref) for m in find_entries(text)] == [("authorities", OCCUPATION), ("Crimea", "place:crimea")]
    # "the Russian authorities in occupied Crimea": the occupation authorities (round-10 decision 3, applied to
    # this wording in round 12), named by the whole phrase, so that "the Russian authorities" alone never
    # becomes their alias in a batch.
    assert authorities("It was used by the Russian authorities in occupied Crimea.") == \
        [("the Russian authorities in occupied Crimea", OCCUPATION)]


def test_the_russian_authorities_alone_stay_their_own_collective() -> None:
    assert authorities("The Russian authorities banned the council.") == [("The Russian authorities", "org:russian-authorities")]
    # A possessive after the quoted word is no closing mark of a doubt.
    assert authorities("The so-called authorities’ decision was upheld.") == [("The so-called authorities", OCCUPATION)]


def test_russias_forces_are_one_collective_however_named() -> None:
    text = ("In February 2014, armed forces of the Russian Federation seized the airport. Russian forces "
            "entered the town and Russia’s forces stayed.")
    assert {m.ref for m in find_entries(text) if "forces" in m.text} == {"org:russian-forces"}
    # The army that conscripts is the army.
    assert readings("Residents were conscripted into the Russian army.", "Russian army") == ["org:russian-army"]
