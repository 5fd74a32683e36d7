"""Round 15, keys15: one body, one key. The draft keys a body as the corpus gold keys it, so that
the drafted and the annotated files give the same actor one node. Made-up sentences."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries
from tests.extract_helpers import check_quotes, extract


def _orgs(body: str) -> dict[str, str]:
    """Mention text -> key of the organisations found in a short article with ``body``."""
    text = f"A short article\n\n{body}\n"
    return {m.text: m.ref for m in find_entries(text, load_gazetteer()) if m.label == "Organisation"}


def test_police_is_the_generic_police() -> None:
    assert "org:police-generic" in {k for k in _orgs("Later the police detained him.").values()}


def test_a_peoples_authorities_keep_no_generic_suffix() -> None:
    assert _orgs("Ukrainian authorities reported the case.") == {"Ukrainian authorities": "org:ukrainian-authorities"}


def test_the_occupation_prosecutor_has_one_key() -> None:
    assert _orgs("The case was opened by the prosecutor's office of Crimea.").get(
        "prosecutor's office of Crimea") == "org:crimea-de-facto-prosecutors-office"
    assert _orgs("The court heard a case brought by the de facto Prosecutor’s Office against the group.") == {
        "the de facto Prosecutor’s Office": "org:crimea-de-facto-prosecutors-office"}


def test_a_court_by_its_place_is_keyed_place_first() -> None:
    found = _orgs("On 5 May, a court in Moscow sentenced Ivan Petrenko; later a court in occupied Crimea "
                  "convicted Taras Ivanenko.")
    assert found["a court in Moscow"] == "org:moscow-court-generic"
    assert found["a court in occupied Crimea"] == "org:crimea-court-generic"
    assert _orgs("A court in the Crimean peninsula ruled.")["A court in the Crimean peninsula"] == "org:crimean-court-generic"


def test_an_assembly_group_from_a_list_of_members_has_the_pace_prefix() -> None:
    text, ex = extract("Petra Novak (Ukraine, NR), a member of the Parliamentary Assembly, condemned the conviction "
                       "of journalist Taras Ivanenko on charges of separatism.")
    assert "org:pace-nr-group" in ex.entities and "org:group-nr" not in ex.entities
    check_quotes(text, ex.claims)


def test_a_mandate_key_drops_its_preposition() -> None:
    found = _orgs("The government wrote to the Independent Expert on the rights of fishermen.")
    assert "org:un-independent-expert-rights-of-fishermen" in found.values()


def test_a_pace_committee_and_delegation_are_the_assemblys() -> None:
    found = _orgs("The Parliamentary Assembly of the Council of Europe (PACE) asks the Monitoring Committee to follow "
                  "the case; the Committee on Equality and Non-Discrimination reported on it, and the Russian delegation "
                  "left the session.")
    assert found["Monitoring Committee"] == "org:pace-monitoring-committee"
    assert found["Committee on Equality and Non-Discrimination"] == "org:pace-committee-on-equality-and-non-discrimination"
    assert "org:russian-delegation-to-pace" in found.values()
    # another assembly named beside it: whose committee it is stays open
    other = _orgs("The European Parliament and the Parliamentary Assembly of the Council of Europe (PACE) heard the "
                  "Monitoring Committee.")
    assert other.get("Monitoring Committee") == "org:monitoring-committee"
