"""Heads of official statements (round 14, stmt14b; README "Convention decisions": round 10 decision 2, conv12b 5d):
a word of the document's form before "Remarks"/"Statement"/"Address", and the officer a head names as issuing a
government's statement speaking that one statement. Made-up heads in the shapes of State Department releases."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.test_extract_r14_venue14 import _article  # (a whole article through mentions and the claim rules)


def _person(ex: Extraction, surname: str) -> str:
    return next(k for k, e in ex.entities.items() if e.label == "Person" and surname in e.name)


def test_a_form_word_before_remarks_still_names_the_maker_and_venue() -> None:
    for form in ("Video", "Opening", "Keynote"):
        ex = _article(f"Secretary John Q. Harlow {form} Remarks at the Black Sea Security Summit\n\n"
                      "SECRETARY HARLOW: Good morning, everyone. Thank you for convening us.\n")
        harlow = _person(ex, "Harlow")
        [ev] = {c.object for c in ex.claims if c.subject == harlow and c.predicate == "STATES"}
        assert ex.entities[ev].attributes.get("kind") == "statement"
        [summit] = {c.object for c in ex.claims if c.subject == ev and c.predicate == "PART_OF"}
        assert ex.entities[summit].attributes.get("kind") == "conference"
        assert any(c.subject == harlow and c.object == summit and c.qualifiers.get("role") == "speaker" for c in ex.claims)


def test_the_spokesperson_a_head_names_states_the_governments_one_statement() -> None:
    ex = _article("Reaffirming U.S. Support for a Free Ukraine on the Fifth Anniversary of the Occupation\n\n"
                  "STATEMENT BY JOHN HARLOW, ACTING SPOKESPERSON\n\nFri, March 1, 2019\n\n"
                  "Five years ago, Russia seized and occupied Crimea. Russia then staged an illegitimate referendum in "
                  "which residents of Crimea were compelled to vote. The United States does not recognize the attempted "
                  "annexation of Crimea.\n")
    harlow = _person(ex, "Harlow")
    stated_events = {c.object for c in ex.claims if c.predicate == "STATES"}
    assert len(stated_events) == 1  # (before: the spokesperson's statement beside the government's)
    [ev] = stated_events
    stated = {c.subject for c in ex.claims if c.predicate == "STATES" and c.object == ev}
    assert harlow in stated and "org:united-states" in stated
