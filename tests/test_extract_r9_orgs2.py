"""Round 9, orgs2: agents that cost claims when they are no mention, keyed as the gold of several
splits keys them: the singular "Russia's security service" (the Russian security services), "the
Russian occupation regime" (the occupation authorities), "the Kremlin regime" (the state), bare
"authorities" as a clause's subject, and the assembly a list of its members names only by their
political groups. Made-up sentences."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries
from tests.extract_helpers import check_quotes, extract


def _orgs(body: str) -> dict[str, str]:
    """Mention text -> key of the organisations found in a short article with ``body``."""
    text = f"A short article\n\n{body}\n"
    return {m.text: m.ref for m in find_entries(text, load_gazetteer()) if m.label == "Organisation"}


def _perpetrators(body: str) -> set[tuple[str, str]]:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return {(c.subject, c.object) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and c.qualifiers.get("role") == "perpetrator"}


def test_singular_security_service_is_the_russian_security_services() -> None:
    found = _orgs("Agents of Russia’s security service have carried out a string of raids.")
    assert found == {"Russia’s security service": "org:russian-security-services"}
    assert ("org:russian-security-services", "event:ivan-petrenko-search") in _perpetrators(
        "On 13 March, Russian security service agents searched the home of Ivan Petrenko.")


def test_occupation_regime_is_the_occupation_authorities() -> None:
    assert _orgs("He was held by the Russian occupation regime for a year.") == {
        "the Russian occupation regime": "org:russian-occupation-authorities"}
    assert _orgs("We condemn the repression by Russia’s occupation regime.") == {
        "Russia’s occupation regime": "org:russian-occupation-authorities"}


def test_kremlin_regime_is_the_state() -> None:
    assert _orgs("The Kremlin regime detained Ivan Petrenko in May.") == {"The Kremlin regime": "org:russian-federation"}
    assert ("org:russian-federation", "event:ivan-petrenko-detention") in _perpetrators(
        "The Kremlin regime detained Ivan Petrenko in May.")


def test_bare_authorities_as_subject() -> None:
    body = "In August, authorities detained an elderly activist, Ivan Petrenko, for 10 days."
    assert _orgs(body) == {"authorities": "org:russian-occupation-authorities"}
    assert ("org:russian-occupation-authorities", "event:ivan-petrenko-detention") in _perpetrators(body)
    assert _orgs("Ukrainian authorities reported the case.") == {"Ukrainian authorities": "org:ukrainian-authorities"}
    assert _orgs("Local authorities of the town met.") == {}


def test_a_list_of_members_names_their_assembly() -> None:
    text, ex = extract("Mr Ivan PETRENKO, Ukraine, EPP/CD ; Ms Anna BERG, Sweden, SOC ; Mr Jan KOWAL, Poland, EPP/CD ;")
    check_quotes(text, ex.claims)
    got = {(c.subject, c.predicate, c.object) for c in ex.claims}
    assert "org:pace" in ex.entities
    for person in ("person:ivan-petrenko", "person:anna-berg", "person:jan-kowal"):
        assert (person, "MEMBER_OF", "org:pace") in got
    assert {("org:pace-epp-cd-group", "PART_OF", "org:pace"), ("org:pace-soc-group", "PART_OF", "org:pace")} <= got
    # no group the gazetteer places in an assembly: no assembly
    _, ex = extract("Mr Ivan PETRENKO, Ukraine, ABC ; Ms Anna BERG, Sweden, ABC ;")
    assert "org:pace" not in ex.entities
