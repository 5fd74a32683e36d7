"""Who publishes a document (round 14, pub14; README "How the gold is annotated", conv13c use R, conv13d points 6 and
10): a document cited, welcomed or answered is not published by the one who cites it; hearsay ("according to a
report") names no maker; a government whose figures a report cites does not state the report. Made-up sentences in
the shapes of the classes."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract
from tests.test_extract_r14_venue14 import _article

# _article: a whole article (its first line the head) through the claim rules, quotes checked


def _publishers(ex: Extraction) -> set[str]:
    return {c.subject for c in ex.claims if c.predicate == "STATES" and c.object in ex.entities
            and ex.entities[c.object].attributes.get("kind") == "publication"}


def _body(body: str) -> Extraction:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return ex


def test_a_report_welcomed_or_answered_is_not_the_speakers_publication() -> None:
    ex = _body("The United Kingdom welcomes the new report of Human Rights Watch on Crimea.")
    assert "org:united-kingdom" not in _publishers(ex)
    assert "org:human-rights-watch" in _publishers(ex)
    ex = _body("Russia’s response to the report was dismissive, the Crimean Human Rights Group said.")
    assert not {k for k in _publishers(ex) if k.startswith("org:russia")}


def test_a_report_of_abuse_by_an_agency_is_not_the_agencys_report() -> None:
    ex = _body("Human Rights Watch received a report of torture by the FSB in Simferopol.")
    assert "org:fsb" not in _publishers(ex)


def test_according_to_a_report_names_no_maker() -> None:
    ex = _body("According to a report, the FSB detained three men in Simferopol on 5 May 2020.")
    assert "org:fsb" not in _publishers(ex)


def test_a_body_that_begins_a_longer_name_is_not_the_reports_maker() -> None:
    ex = _body("The Council thanks the speaker and discusses the 30th report of the OHCHR Human Rights Monitoring Mission "
               "in Ukraine.")
    assert "org:ohchr" not in _publishers(ex)
    # the body named before the word: "the OSCE Report of the ...", not the body after "of"
    ex = _body("Abuses are reflected in the latest OSCE Report of the European Parliament on Crimea (July 2015).")
    assert "org:european-parliament" not in _publishers(ex)
    assert "org:osce" in _publishers(ex)


def test_a_heading_answering_a_report_names_no_publication() -> None:
    ex = _article("Report by Human Rights Watch: UK response, March 2021\n\nThank you for the report.\n")
    assert "org:human-rights-watch" not in _publishers(ex)


def test_a_state_body_that_registers_publishes_nothing() -> None:
    ex = _body("Russia’s Ministry of Justice registered 800 religious communities in Crimea in 2019.")
    assert "org:russian-justice-ministry" not in _publishers(ex)
    ex = _body("The Crimean Human Rights Group recorded 45 searches in Crimea in 2019.")
    assert "org:crimean-human-rights-group" in _publishers(ex)


def test_a_government_whose_figures_a_series_report_cites_does_not_state_the_report() -> None:
    # (README conv14a point 2 (c), align14c: the cited government states a statement of its own, asserted by the
    # department, never the department's report)
    ex = _article("2019 Report on International Religious Freedom: Ukraine (Crimea)\n\n"
                  "The Russian government reported there were 891 religious communities registered in Crimea.\n")
    said = [c for c in ex.claims if c.subject == "org:russian-federation" and c.predicate == "STATES"]
    assert [(c.object, c.asserted_by) for c in said] == [("event:russian-federation-statement", "org:us-department-of-state")]
    assert "org:us-department-of-state" in _publishers(ex)
