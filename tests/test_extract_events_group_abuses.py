"""The persecution of a group as one ``other`` event (issue 20, loaders/extract/group_abuses.py): a noun of
persecution before the group, a campaign, a verb, discriminatory policies; the agency that does it as
perpetrator. The sentences are made up for the tests."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from loaders.extract.group_abuses import group_abuses
from loaders.extract.mentions import Mention
from tests.extract_helpers import check_quotes, extract


def abuses(body: str) -> tuple[Extraction, dict[str, set[tuple[str, str, str]]]]:
    """The persecution events of ``body``, each with its (subject, predicate or role, object) claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    out: dict[str, set[tuple[str, str, str]]] = {}
    for key, e in ex.entities.items():
        if e.label == "Event" and e.name.startswith("Persecution of"):
            assert e.attributes.get("kind") == "other"
            out[key] = {(c.subject, str(c.qualifiers.get("role") or c.predicate), c.object) for c in ex.claims
                        if key in (c.subject, c.object)}
    return ex, out


def test_a_campaign_by_an_agency_against_a_group_is_its_persecution() -> None:
    _, evs = abuses("Last year the Russian occupation authorities in Crimea engaged in a campaign to suppress dissent.")
    assert list(evs) == ["event:persecution-of-dissent"]
    claims = evs["event:persecution-of-dissent"]
    assert ("org:russian-occupation-authorities", "perpetrator", "event:persecution-of-dissent") in claims
    assert ("event:persecution-of-dissent", "LOCATED_IN", "place:crimea") in claims
    _, evs = abuses("The arrests are part of a wider campaign by the Russian authorities of targeting Crimean Tatars.")
    assert ("org:russian-authorities", "perpetrator", "event:persecution-of-crimean-tatars") in \
        evs["event:persecution-of-crimean-tatars"]


def test_a_states_targeting_and_a_verb_of_persecution() -> None:
    _, evs = abuses("Observers condemned the FSB's systematic harassment of Crimean Tatar activists in Bakhchysarai.")
    assert ("org:fsb", "perpetrator", "event:persecution-of-crimean-tatars") in evs["event:persecution-of-crimean-tatars"]
    _, evs = abuses("The Russian authorities continued to persecute and intimidate minority religious congregations.")
    assert ("org:russian-authorities", "perpetrator", "event:persecution-of-minority-religious-congregations") in \
        evs["event:persecution-of-minority-religious-congregations"]


def test_discriminatory_policies_imposed_by_an_agency() -> None:
    _, evs = abuses("The resolution condemned the discriminatory policies imposed by the Russian occupation authorities "
                    "against, in particular, the Crimean Tatar community.")
    assert ("org:russian-occupation-authorities", "perpetrator", "event:persecution-of-crimean-tatars") in \
        evs["event:persecution-of-crimean-tatars"]


def test_persecution_with_nobody_said_to_do_it_is_commentary() -> None:
    # no agency, no organisation persecuted: nothing a monitor could record as one act
    # (the Crimean Tatars as a people are an organisation persecuted since round 10: a group with no mention here)
    assert abuses("This verdict shows the ongoing persecution of human rights defenders in Crimea.")[1] == {}
    assert abuses("The repression of free media and independent voices is deeply worrying.")[1] == {}
    # a headline is no act reported (the title line of the article, at offset 0)
    title = "The FSB's persecution of Crimean Tatars must stop"
    fsb = Mention(0, 7, "The FSB", "Organisation", ref="org:fsb")
    assert group_abuses(title, 0, [fsb], []) == []
    assert group_abuses(title, 10, [Mention(10, 17, "The FSB", "Organisation", ref="org:fsb")], []) == []  # (no entry: no kind)


def test_its_persecution_is_the_one_state_named_before() -> None:
    ex, evs = abuses("He is a critic of Russia’s purported annexation of Crimea and its crackdown on Crimean Tatars.")
    assert ("org:russian-federation", "perpetrator", "event:persecution-of-crimean-tatars") in evs["event:persecution-of-crimean-tatars"]
    assert ex.entities["org:russian-federation"].attributes.get("kind") == "government"
    # the same group told with an adjective is the same persecution
    _, evs = abuses("The FSB's targeting of the peaceful Jehovah’s Witnesses goes on. The FSB's targeting of Jehovah’s Witnesses "
                    "is one reason for concern.")
    assert len(evs) == 1
