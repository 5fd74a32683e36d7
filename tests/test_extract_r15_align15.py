"""Round 15 (align15): the round-14 convention decisions the extractor did not yet follow (README conv14b points 2
and 5, conv13c LINKED_TO use R). Made-up sentences in the shape of each class."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from loaders.extract.collective_phrases import listed_professions
from loaders.extract.event_links import presentation_links
from tests.extract_helpers import check_quotes, extract


def _listed(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], e.key) for a, b, e in listed_professions(text, bytearray(len(text)))]


def test_listed_victim_professions_are_their_own_collectives() -> None:
    # conv14b point 2: each profession or body of a list of victim groups, with the corpus key
    text = "Ottawa condemned the harassment of human rights activists, journalists and lawyers; and arbitrary detentions."
    assert _listed(text) == [("human rights activists", "crimea-human-rights-activists-generic"),
                             ("journalists", "crimea-journalists-generic"), ("lawyers", "crimea-lawyers-generic")]
    text = "The authorities forced the closure of nongovernmental organizations and independent media and have denied access."
    assert _listed(text) == [("nongovernmental organizations", "crimea-ngos-generic"),
                             ("independent media", "crimea-independent-media-generic")]
    text = "Crimean Tatars, ethnic Ukrainians, pro-Ukrainian activists, and independent journalists have been subjected to raids."
    assert _listed(text) == [("pro-Ukrainian activists", "pro-ukrainian-activists-crimea-generic"),
                             ("independent journalists", "crimea-journalists-generic")]


def test_lists_that_are_not_victim_lists_stay_out() -> None:
    # no abuse word leads the list; the list goes on with a group no key names; a counted group
    assert _listed("He thanked journalists and lawyers for their work.") == []
    assert _listed("the targeting of Crimean Tatars, human rights defenders, and people who spoke out.") == []
    assert _listed("the harassment of 12 journalists and lawyers in Yalta.") == []


def test_group_protest_told_through_the_act_on_it() -> None:
    # conv14b point 5: the protest of a group with no named person, its place, and what they protested
    text, ex = extract("On 3 May 2020, Russian police detained at least 30 Crimean Tatars in Crimea for staging one-person "
                       "protests in towns across Crimea. They were protesting violent police raids on Tatar homes in "
                       "Bakhchysarai.")
    protests = [k for k, e in ex.entities.items() if e.label == "Event" and k.endswith("-protest")]
    assert len(protests) == 1 and ex.entities[protests[0]].attributes.get("kind") == "other"
    [pr] = protests
    links = {(c.subject, c.object) for c in ex.claims if c.predicate == "LINKED_TO"}
    assert any(o == pr for _s, o in links)
    assert any(s == pr and "search" in o for s, o in links)
    assert any(c.subject == pr and c.predicate == "LOCATED_IN" and c.object == "place:crimea" for c in ex.claims)
    check_quotes(text, ex.claims)


def test_report_linked_to_the_act_it_documents() -> None:
    # conv13c use R: "X reported / documented ACT", "these violations are documented in the report of X"
    for body, act in (("On 12 July 2020, Amnesty International reported religious activists in Crimea were among victims "
                       "of torture by FSB agents.", "event:torture"),
                      ("In its report, the OHCHR further documented violations of human rights law in Crimea, notably "
                       "torture and ill-treatment of detainees.", "event:torture-and-ill-treatment")):
        text, ex = extract(body)
        assert any(c.predicate == "LINKED_TO" and c.object == act and c.rule == "documented-act" for c in ex.claims), body
        check_quotes(text, ex.claims)


def test_own_statement_linked_to_the_presentation_it_thanks() -> None:
    ex = Extraction()
    for key in ("event:own-statement", "event:hc-presentation", "event:council-session"):
        ex.entity(key, "Event", key, kind="meeting" if "session" in key else "statement")
    ex.claim("event:own-statement", "PART_OF", "event:council-session", (0, 5), 0.6, "gov7:head-meeting")
    ex.claim("event:hc-presentation", "PART_OF", "event:council-session", (10, 20), 0.55, "gov7:presentation")
    presentation_links(ex)
    assert [(c.subject, c.object) for c in ex.claims if c.predicate == "LINKED_TO"] == [("event:own-statement",
                                                                                          "event:hc-presentation")]


def test_act_due_to_participation_in_a_gathering() -> None:
    # conv13c use C: "imprisoned ... due to his participation in the summit" -> the verdict LINKED_TO the summit
    text, ex = extract("Ivan Petrenko, a Crimean Tatar activist, was imprisoned by Russia for 12 years due to his "
                       "participation in the Inaugural Summit of the International Crimea Platform.")
    assert any(c.predicate == "LINKED_TO" and c.subject == "event:ivan-petrenko-verdict"
               and ex.entities[c.object].attributes.get("kind") == "conference" for c in ex.claims)
    check_quotes(text, ex.claims)


def test_act_during_another_on_the_same_person() -> None:
    # conv13c use S: "during his detention, he suffered torture" -> the torture LINKED_TO the detention
    text, ex = extract("Ivan Petrenko was detained by the FSB in Simferopol on 2 March 2019. He said that during his "
                       "detention, he suffered torture by FSB officers.")
    assert ("event:ivan-petrenko-torture", "event:ivan-petrenko-detention") in {
        (c.subject, c.object) for c in ex.claims if c.predicate == "LINKED_TO"}
    check_quotes(text, ex.claims)
