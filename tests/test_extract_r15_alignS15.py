"""Round 15 (alignS15): statements by the README's conv15a/conv15b decisions. An office STATES what its named
holder delivers to a meeting (conv15b point 4), beside the holder; a body adopting a resolution STATES it; sources
a series report cites are asserted by its publisher (conv15b point 1)."""

from __future__ import annotations

from loaders.extract.claims import Extraction, extract_claims
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries, find_people, split_sentences
from tests.extract_helpers import check_quotes


def _extract(text: str) -> Extraction:
    gaz = load_gazetteer()
    entries = find_entries(text, gaz)
    people, _ = find_people(text, entries, gaz)
    return extract_claims(text, split_sentences(text), entries, people, gaz)


_TEXT = ("Statement by Mr. Ken Ito, Permanent Representative of Japan to the United Nations, at the United Nations "
         "Open Arria Formula Meeting on Human Rights in the Region\n\n"
         "Thank you, Mr. Chair. We are grateful to Maria Lopez, UN High Commissioner for Human Rights and other "
         "distinguished panelists for shedding light on the situation in the region. I would not go into details, "
         "because we have just heard a comprehensive report by the High Commissioner for Human Rights.\n")


def test_office_states_the_presentation_its_named_holder_delivers() -> None:
    ex = _extract(_TEXT)
    states = {(c.subject, c.object) for c in ex.claims if c.predicate == "STATES"}
    held = [c for c in ex.claims if c.predicate == "LEADS" and c.subject == "person:maria-lopez"]
    assert held
    office = held[0].object
    talk = next(o for s, o in states if s == "person:maria-lopez")
    assert ex.entities[talk].attributes.get("kind") == "statement"
    assert (office, talk) in states
    check_quotes(_TEXT, ex.claims)


def test_no_second_speaker_when_the_office_alone_is_named() -> None:
    text = _TEXT.replace("Maria Lopez, UN High Commissioner for Human Rights and other distinguished panelists",
                         "the distinguished panelists")
    ex = _extract(text)
    talks = [c for c in ex.claims if c.predicate == "STATES" and c.rule.startswith("gov7:presentation")]
    assert len(talks) == 1 and talks[0].subject == "org:un-high-commissioner-for-human-rights"


_REPORT = ("2030 Report on International Religious Freedom: Ruritania\n\n"
           "Executive Summary\n\n"
           "According to the Helsinki Monitoring Group, many religious communities were driven out of the region. "
           "In a joint report, Human Rights Watch and Amnesty International reported that believers were tortured.\n")


def test_sources_a_series_report_cites_are_asserted_by_its_publisher() -> None:
    ex = _extract(_REPORT)
    cited = [c for c in ex.claims if c.predicate == "STATES" and c.rule != "issuer:series"]
    assert {c.subject for c in cited} >= {"org:human-rights-watch", "org:amnesty-international"}
    assert all(c.asserted_by == "org:us-department-of-state" for c in cited), \
        [(c.subject, c.asserted_by) for c in cited]
    check_quotes(_REPORT, ex.claims)


def test_no_publisher_asserts_outside_a_series_report() -> None:
    text = _REPORT.replace("2030 Report on International Religious Freedom: Ruritania", "News from the region")
    ex = _extract(text)
    assert all(c.asserted_by is None for c in ex.claims if c.predicate == "STATES")


def test_the_adoption_of_a_resolution_by_a_body_is_its_publication() -> None:
    text = ("A short article\n\nThe Minister welcomed the adoption by the European Parliament of the Resolution on "
            "the rights of minorities in the region. We support the adoption of the resolutions at the Human Rights "
            "Council.\n")
    ex = _extract(text)
    states = {(c.subject, ex.entities[c.object].attributes.get("kind")) for c in ex.claims
              if c.predicate == "STATES" and c.rule == "cited-resolution"}
    assert ("org:european-parliament", "publication") in states
    assert ("org:un-human-rights-council", "publication") in states
    check_quotes(text, ex.claims)


def test_a_numbered_resolution_is_not_read_by_the_adoption_frame() -> None:
    text = "A short article\n\nThe Minister welcomed the adoption by the European Parliament of its Resolution 1988.\n"
    ex = _extract(text)
    assert not [c for c in ex.claims if c.rule == "cited-resolution"]
