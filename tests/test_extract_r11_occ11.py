"""Round 11, occ11: convention decision 1 of round 10 (the annexation and the occupation of Crimea are two events,
the dated military entry a third), in loaders/extract/annexations.py, with made-up sentences in the shapes of the
development splits' wordings."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

ANNEXATION_OF_CRIMEA = "event:russian-annexation-of-crimea-2014"
OCCUPATION_OF_CRIMEA = "event:russian-occupation-of-crimea"
INVASION_OF_CRIMEA = "event:russian-invasion-of-crimea-2014-02"

RUSSIA = "org:russian-federation"
FORCES = "org:russian-forces"
CRIMEA = "place:crimea"


def _acts(body: str) -> dict[str, set[tuple[str, str, str]]]:
    """The annexation, occupation and invasion of Crimea drafted from ``body``: their claims as (other end, predicate, role)."""
    text, ex = extract(f"The activists live in Crimea. {body}")
    check_quotes(text, ex.claims)
    out: dict[str, set[tuple[str, str, str]]] = {}
    for key in (ANNEXATION_OF_CRIMEA, OCCUPATION_OF_CRIMEA, INVASION_OF_CRIMEA):
        if key in ex.entities:
            assert ex.entities[key].attributes.get("kind") == "other"
            out[key] = {(c.subject if c.object == key else c.object, c.predicate, str(c.qualifiers.get("role", "")))
                        for c in ex.claims if key in (c.subject, c.object)}
    return out


def test_the_russian_occupation_names_its_author() -> None:
    # "critics of the Russian occupation of Crimea" (dev, dev6), "under continued and illegal Russian occupation"
    # (dev, valid), "opposition to Russia's occupation" (dev, valid2): the occupation, Russia its perpetrator
    for body in ("Both men are known as vocal critics of the Russian occupation of Crimea.",
                 "Rights have deteriorated under continued and illegal Russian occupation, the office said.",
                 "He was sentenced for expressing his opposition to Russia’s occupation on social media."):
        found = _acts(body)
        assert set(found) == {OCCUPATION_OF_CRIMEA}, body
        assert found[OCCUPATION_OF_CRIMEA] >= {(RUSSIA, "PARTICIPANT_IN", "perpetrator"), (CRIMEA, "LOCATED_IN", "")}, body


def test_the_occupation_named_without_its_author() -> None:
    # "since the occupation of Crimea" (dev3, dev6), "those voicing opposition to the occupation" (dev), "since the
    # occupation began in 2014" (dev4), "Crimea's occupation" (dev7): the occupation in Crimea, no perpetrator
    for body in ("Since the occupation of Crimea, there has been a severe suppression of human rights.",
                 "Those voicing opposition to the occupation are targeted for repression.",
                 "The number dropped by over 1,000 since the occupation began in 2014.",
                 "The sanctions were introduced after Crimea's occupation by the decision of the council."):
        found = _acts(body)
        assert found == {OCCUPATION_OF_CRIMEA: {(CRIMEA, "LOCATED_IN", "")}}, body


def test_the_actors_and_the_place_name_are_not_the_occupation() -> None:
    # "occupation authorities", "Russian occupation “authorities”", "Russian-occupied Crimea", "the Day of
    # Resistance to Occupation of Crimea": actors, a place's name and a title (convention decision 1)
    for body in ("The Russian occupation authorities detained him in Russian-occupied Crimea.",
                 "Russian occupation “authorities” have silenced the independent media.",
                 "Monday marked the Day of Resistance to Occupation of Crimea and Sevastopol.",
                 "The platform works for the de-occupation of Crimea."):
        assert OCCUPATION_OF_CRIMEA not in _acts(body), body


def test_occupation_and_annexation_name_both() -> None:
    # "the occupation and annexation of the Crimean peninsula by Russia" (dev, dev7), "the Russian occupation and
    # illegal annexation of the peninsula" (dev4), "which was occupied and annexed by Russia in 2014" (dev6)
    for body in ("Since the occupation and annexation of Crimea by Russia in 2014, the Crimean Tatars have suffered.",
                 "Leaders who speak out against the Russian occupation and illegal annexation of the peninsula face prison.",
                 "His family still lives in Crimea, which was occupied and annexed by Russia in 2014."):
        found = _acts(body)
        assert set(found) == {OCCUPATION_OF_CRIMEA, ANNEXATION_OF_CRIMEA}, body
        for key in found:
            assert (RUSSIA, "PARTICIPANT_IN", "perpetrator") in found[key], (body, key)


def test_the_annexation_by_russia_after_the_land() -> None:
    # "the illegal annexation of Crimea by Russia in 2014" (dev, valid), "the annexation of Crimea by Russia last
    # year" (dev2): "by Russia" names the author
    found = _acts("The movement was created following the illegal annexation of Crimea by Russia in 2014.")
    assert (RUSSIA, "PARTICIPANT_IN", "perpetrator") in found[ANNEXATION_OF_CRIMEA]
    # "Russia's 2014 annexation of Crimea" (dev6)
    found = _acts("He moved to Kyiv shortly after Russia's 2014 annexation of Crimea.")
    assert (RUSSIA, "PARTICIPANT_IN", "perpetrator") in found[ANNEXATION_OF_CRIMEA]


def test_the_military_entry_is_the_invasion_apart_from_the_occupation() -> None:
    # "In February 2014, armed forces of the Russian Federation seized and occupied Crimea" (valid, dev3, dev4),
    # "Russia seized and occupied Crimea" (dev3): the dated invasion, not the occupation it began
    found = _acts("In February 2014, Russian military forces invaded and occupied Crimea. "
                  "Rights have deteriorated since the Russian occupation of Crimea.")
    assert set(found) == {INVASION_OF_CRIMEA, OCCUPATION_OF_CRIMEA}
    assert (FORCES, "PARTICIPANT_IN", "perpetrator") in found[INVASION_OF_CRIMEA]
    assert (FORCES, "PARTICIPANT_IN", "perpetrator") not in found[OCCUPATION_OF_CRIMEA]
    assert (RUSSIA, "PARTICIPANT_IN", "perpetrator") in found[OCCUPATION_OF_CRIMEA]
    found = _acts("Three years ago, Russia seized and occupied Crimea.")
    assert set(found) == {INVASION_OF_CRIMEA}
    # "After Russia occupied Crimea" (dev7), "a year before Russia occupied the peninsula" (dev4): the occupation
    for body in ("After Russia occupied Crimea, the rights of Tatars have been violated.",
                 "The post was published a year before Russia occupied the peninsula."):
        found = _acts(body)
        assert set(found) == {OCCUPATION_OF_CRIMEA}, body
        assert (RUSSIA, "PARTICIPANT_IN", "perpetrator") in found[OCCUPATION_OF_CRIMEA], body


def test_the_annexation_named_without_its_author() -> None:
    # "since the Peninsula's unlawful annexation in March 2014" (dev6), "since its annexation" (dev6), "Following
    # Crimea's annexation" (dev7): the annexation in Crimea, no perpetrator
    for body in ("Three years have passed since the Peninsula’s unlawful annexation in March 2014.",
                 "Following Crimea’s annexation, the two leaders were persecuted."):
        found = _acts(body)
        assert found == {ANNEXATION_OF_CRIMEA: {(CRIMEA, "LOCATED_IN", "")}}, body
