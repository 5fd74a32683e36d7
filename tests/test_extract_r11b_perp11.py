"""Round 11b, perp11: the agent of an act named by an anaphoric subject ("the government", "the same court",
"the agents"), "at the hands of" as an agent's "by", and an agency's "raids on"."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _agents(body: str) -> set[tuple[str, str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, str(c.qualifiers.get("role")), c.object) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") in ("perpetrator", "judge")}


def test_the_government_is_the_government_named_before() -> None:
    got = _agents("On 4 June, the Russian government sentenced Artem Petrov to six years in prison. A few days later "
                  "on 9 June the government sentenced 61-year-old Ivan Sidorov to five years.")
    assert ("org:russian-federation", "perpetrator", "event:ivan-sidorov-verdict") in got


def test_the_same_court_is_the_court_named_before() -> None:
    got = _agents("The Kyivsky District Court of Simferopol found Ilmi Umerov guilty and sentenced him to two years. "
                  "Last week, the same court handed journalist Mykola Semena a two-year suspended prison sentence.")
    assert ("org:kyivsky-district-court-of-simferopol", "judge", "event:mykola-semena-verdict") in got


def test_the_agents_are_the_agency_named_with_that_noun() -> None:
    got = _agents("On 13 March, Russian security service agents raided the home of Natalya Kokorina. "
                  "The agents also detained Andriy Klymenko.")
    assert ("org:russian-security-services", "perpetrator", "event:andriy-klymenko-detention") in got


def test_no_agent_without_one_named_before() -> None:
    got = _agents("On 13 March, the FSB searched the home of Natalya Kokorina. The court sentenced Andriy Klymenko to two years.")
    assert not any(ev == "event:andriy-klymenko-verdict" for _s, _r, ev in got)


def test_at_the_hands_of_names_the_agent() -> None:
    assert ("org:fsb", "perpetrator", "event:ruslan-suleimanov-torture") in _agents(
        "Ruslan Suleimanov was tortured at the hands of the FSB.")


def test_an_agencys_raids_on_homes() -> None:
    got = _agents("The FSB's raids on the homes of Ruslan Suleimanov and Server Mustafayev lasted five hours.")
    assert ("org:fsb", "perpetrator", "event:server-mustafayev-search") in got


def test_an_agent_then_or_later_acting() -> None:
    assert ("org:fsb", "perpetrator", "event:ivan-sidorov-arrest") in _agents("The FSB later arrested Ivan Sidorov.")
