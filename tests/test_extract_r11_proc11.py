"""Round 11, proc11: a prosecutor's request for a sentence is a hearing, with made-up sentences in the shape of the
development splits' wordings. (proc11's held group is tested in tests/test_extract_r11_dedup11.py.)"""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _hearings(body: str) -> dict[str, set[str]]:
    """Each drafted hearing: the people it has as target."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {k: {c.subject for c in ex.claims if c.object == k and c.qualifiers.get("role") == "target"}
            for k, e in ex.entities.items() if e.label == "Event" and e.attributes.get("kind") == "hearing"}


def test_a_prosecutors_request_that_someone_be_sentenced_is_a_hearing() -> None:
    # "the prosecutor has requested that X should be sentenced to 15 years in jail" (valid2); README r10 decision 4
    found = _hearings("Today we learned that the prosecutor has requested that Ivan Petrenko should be sentenced to 12 years in jail.")
    assert list(found.values()) == [{"person:ivan-petrenko"}]


def test_a_request_for_two_co_defendants_is_a_hearing_each() -> None:
    # "the Russian prosecutor has asked for 23 years for A and 10 years for B" (dev2); README r10 second set, decision 8
    found = _hearings("There were reports that the prosecutor has asked for 18 years for Ivan Petrenko and 9 years for Taras Bondar.")
    assert sorted(found.values(), key=sorted) == [{"person:ivan-petrenko"}, {"person:taras-bondar"}]
