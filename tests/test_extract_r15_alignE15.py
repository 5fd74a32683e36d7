"""Round 15 (alignE15): the round-15 convention decisions about links and listed groups (README conv15a point 5,
conv15b points 2 and 3(b)). Made-up sentences in the shape of each class."""

from __future__ import annotations

from loaders.extract.collective_phrases import listed_professions
from tests.extract_helpers import check_quotes, extract


def _links(body: str) -> tuple[str, list[tuple[str, str, str]]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return text, [(c.subject, c.predicate, c.object) for c in ex.claims if c.predicate in ("LINKED_TO", "LOCATED_IN")]


def test_act_called_part_of_a_campaign_is_linked_to_it() -> None:
    # conv15a point 5: "These detentions are part of an orchestrated campaign of oppression of X": the act the noun
    # names, told before, is LINKED_TO the campaign (whose target the people is)
    text, ex = extract("On 5 May 2019, Russian police detained at least 20 Crimean Tatars in Simferopol for staging "
                       "pickets. These detentions are part of a systematic campaign of persecution of the Crimean Tatars.")
    check_quotes(text, ex.claims)
    campaign = [k for k, e in ex.entities.items() if k.startswith("event:") and e.name.startswith("Persecution")]
    assert len(campaign) == 1
    assert any(c.predicate == "LINKED_TO" and c.object == campaign[0]
               and (ex.entities[c.subject].attributes or {}).get("kind") == "detention" for c in ex.claims)
    assert any(c.predicate == "PARTICIPANT_IN" and c.object == campaign[0] and c.qualifiers.get("role") == "target"
               for c in ex.claims)


def test_trend_is_no_campaign() -> None:
    # conv15a point 5: "another example of the deteriorating human rights situation": no act, no link
    _text, links = _links("On 5 May 2019, a court in Simferopol sentenced Ivan Petrenko to five years. The sentencing "
                          "of Ivan Petrenko is another example of the deteriorating human rights situation in Crimea.")
    assert not [x for x in links if x[1] == "LINKED_TO"]


def test_acts_resulting_from_a_placed_act_share_its_place() -> None:
    # conv15b point 2: "the searches in Crimea which resulted in the detention of A and B": each detention in Crimea
    _text, links = _links("The Council condemns the searches in Crimea by Russia which resulted in the detention of "
                          "Ivan Petrenko and Oleh Sydorenko on 3 May.")
    detained = {s for s, p, o in links if p == "LINKED_TO"}
    assert len(detained) == 2
    assert all((s, "LOCATED_IN", "place:crimea") in links for s in detained)


def _listed(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], e.key) for a, b, e in listed_professions(text, bytearray(len(text)))]


def test_listed_activists_and_minorities_are_their_own_collectives() -> None:
    # conv15b point 3(b): an unqualified "activists" of a victim list, and the ethnic and religious minority groups
    assert _listed("He deplored the harassment and intimidation of activists and journalists by the forces.") == [
        ("activists", "crimea-political-activists-generic"), ("journalists", "crimea-journalists-generic")]
    assert _listed("a brutal campaign of repression against journalists and members of other minority ethnic and "
                   "religious groups in Crimea") == [
        ("journalists", "crimea-journalists-generic"),
        ("members of other minority ethnic and religious groups", "crimea-minorities-generic")]
    assert _listed("He thanked activists and journalists for their work.") == []
