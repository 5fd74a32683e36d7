"""Round 14, coordinator: a case opened against a person names a charge only where a word introduces one."""

from __future__ import annotations

import pytest

from tests.extract_helpers import check_quotes, extract


def _accused(body: str) -> list[object]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return [c.qualifiers.get("charge") for c in ex.claims if c.predicate == "ACCUSED_OF"]


@pytest.mark.parametrize("tail", ["in March", "in 2019", "last year", "on Monday"])
def test_a_date_or_time_after_the_name_is_no_charge(tail: str) -> None:
    body = f"A criminal case was opened against Server Mustafayev {tail}."
    assert _accused(body) == []
    _text, ex = extract(body)
    assert any(c.predicate == "DEFENDANT_IN" for c in ex.claims)  # the case itself stays


def test_a_charge_introduced_after_the_name_stays() -> None:
    assert _accused("A criminal case was opened against Server Mustafayev for extremism.") == ["extremism"]
    assert _accused("A criminal case was opened against Server Mustafayev under Article 205.5 of the Criminal Code.") \
        == ["RU CC 205.5"]
