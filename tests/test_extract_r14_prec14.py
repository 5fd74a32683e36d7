"""Round 14 (prec14): claim precision on unseen text. Crimea is put in Ukraine only where the words place it there
(round-12 convention 5b), not by support for Ukraine's integrity alone nor by "the occupied territories of Ukraine"."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _in_ukraine(body: str) -> bool:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return any(c.subject == "place:crimea" and c.predicate == "PART_OF" and c.object == "place:ukraine" for c in ex.claims)


def test_support_for_ukraine_s_integrity_alone_does_not_place_crimea() -> None:
    assert not _in_ukraine("Crimea remains under occupation. The sovereignty and territorial integrity of Ukraine must be respected.")
    assert not _in_ukraine("The minister met Crimean Tatar leaders. She voiced her support for the Crimean Tatar community "
                           "as well as for Ukraine's sovereignty and territorial integrity.")


def test_the_occupied_territories_of_ukraine_do_not_place_crimea() -> None:
    assert not _in_ukraine("Crimea was annexed. Russia extended its legislation to the temporarily occupied territories of Ukraine.")


def test_an_annexation_called_a_breach_of_international_law_does_not_place_crimea() -> None:
    assert not _in_ukraine("The annexation of Crimea by the Russian Federation is illegal and in violation of international law "
                           "and of agreements signed by both the Russian Federation and Ukraine.")


def test_words_that_place_crimea_in_ukraine_still_do() -> None:
    assert _in_ukraine("Three years on from the illegal annexation of Crimea, the EU remains committed to Ukraine's sovereignty.")
    assert _in_ukraine("Russia annexed Crimea from Ukraine in 2014.")
    assert _in_ukraine("The EU will never recognise the illegal annexation of Crimea. Elections were held in Ukraine.")


def _case_steps(body: str) -> set[str]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {c.subject for c in ex.claims if c.predicate == "PART_OF" and c.object.startswith("case:")}


def test_a_move_to_another_cell_is_no_step_of_the_case() -> None:
    body = ("Server Mustafayev was arrested on 21 May 2018 and charged with terrorism. "
            "Since he began the hunger strike, Server Mustafayev has been transferred to a separate cell.")
    steps = _case_steps(body)
    assert any("arrest" in s for s in steps), steps
    assert not any("transfer" in s for s in steps), steps
    moved = _case_steps(body.replace("to a separate cell", "to a prison in Russia"))
    assert any("transfer" in s for s in moved), moved


def test_a_search_told_as_repeated_is_no_step_of_the_case() -> None:
    body = ("Held on terrorism charges, Server Mustafayev had been detained several times before his arrest "
            "on 12 February 2016, and his house was repeatedly searched.")
    steps = _case_steps(body)
    assert not any("search" in s for s in steps), steps
