"""Claim classes missed across several development splits and annotators (issue 20, round 7), on
made-up sentences: a defendant's detention as a step of their case."""

from __future__ import annotations

from loaders.extract.claim_model import Extraction
from tests.extract_helpers import check_quotes, extract


def _part_of(ex: Extraction) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in ex.claims if c.predicate == "PART_OF"}


def test_a_detention_by_a_named_agency_is_part_of_the_defendants_case() -> None:
    text, ex = extract("Officers of the FSB detained Crimean Tatar activist Lenur Seitumerov in Bakhchisaray. "
                       "He is accused of membership of Hizb ut-Tahrir.")
    assert ("event:lenur-seitumerov-detention", "case:lenur-seitumerov") in _part_of(ex)
    check_quotes(text, ex.claims)


def test_a_passive_detention_by_an_agency_on_suspicion_is_part_of_the_case() -> None:
    text, ex = extract("Crimean Tatar activist Lenur Seitumerov was detained by the FSB on suspicion of sabotage.")
    assert ("event:lenur-seitumerov-detention", "case:lenur-seitumerov") in _part_of(ex)
    check_quotes(text, ex.claims)


def test_a_state_detaining_a_defendant_is_a_step_of_the_case() -> None:
    # (round 12 convention: a detention of any form held under the case is a step of it)
    _, ex = extract("Russia detained Crimean Tatar activist Lenur Seitumerov. He is accused of membership of Hizb ut-Tahrir.")
    assert any(c.predicate == "PARTICIPANT_IN" and c.object == "event:lenur-seitumerov-detention" for c in ex.claims)
    assert ("event:lenur-seitumerov-detention", "case:lenur-seitumerov") in _part_of(ex)


def test_held_in_detention_is_a_step_of_the_case() -> None:
    _, ex = extract("Crimean Tatar activist Lenur Seitumerov has been held in detention since 2019. "
                    "He is accused of membership of Hizb ut-Tahrir.")
    assert ("event:lenur-seitumerov-detention", "case:lenur-seitumerov") in _part_of(ex)


def test_generic_authorities_detaining_is_a_step_of_the_case() -> None:
    _, ex = extract("The Russian authorities detained Crimean Tatar activist Lenur Seitumerov. "
                    "He is accused of membership of Hizb ut-Tahrir.")
    assert ("org:russian-authorities", "event:lenur-seitumerov-detention") in {
        (c.subject, c.object) for c in ex.claims if c.predicate == "PARTICIPANT_IN"}
    assert ("event:lenur-seitumerov-detention", "case:lenur-seitumerov") in _part_of(ex)


def test_a_representative_named_after_its_body_is_part_of_it() -> None:
    text, ex = extract("The OSCE Representative on Freedom of the Media condemned the detention of a journalist in "
                       "Sevastopol. The OSCE has 57 participating States.")
    assert ("org:osce-representative-on-freedom-of-the-media", "org:osce") in _part_of(ex)
    check_quotes(text, ex.claims)


def test_a_national_section_is_part_of_its_body() -> None:
    text, ex = extract("Amnesty International called the verdict a travesty, said Ivan Petrenko, a researcher at "
                       "Amnesty International Ukraine.")
    assert ("org:amnesty-international-ukraine", "org:amnesty-international") in _part_of(ex)
    check_quotes(text, ex.claims)


def test_a_council_of_a_continent_is_no_unit_of_anything() -> None:
    _, ex = extract("The Council of Europe adopted a decision on Ukraine and Europe.")
    assert not {p for p in _part_of(ex) if p[0] == "org:council-of-europe"}
