"""Round 10, abuse7: the violated rights of a people (loaders/extract/group_abuses.py) and the crimes a state
commits in the lands it occupies (loaders/extract/state_policies.py), on made-up sentences in the shape of
dev7's government statements."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract

PEOPLE = "org:crimean-tatar-community-generic"
RUSSIA = "org:russian-federation"


def _events(body: str, prefix: str) -> dict[str, set[tuple[str, str, str]]]:
    """Each drafted event whose name starts with ``prefix``: its (other end, predicate, role) claims."""
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    out: dict[str, set[tuple[str, str, str]]] = {}
    for key, e in ex.entities.items():
        if e.label == "Event" and e.name.startswith(prefix):
            out[key] = {(c.subject if c.object == key else c.object, c.predicate, str(c.qualifiers.get("role", "")))
                        for c in ex.claims if key in (c.subject, c.object)}
    return out


def test_violations_of_the_rights_of_a_people() -> None:
    # "five years of constant institutionalized violations of rights of Crimean Tatars and ethnic Ukrainians" (dev7)
    found = _events("The envoy recalled five years of constant violations of rights of Crimean Tatars in the region.",
                    "Persecution of")
    assert list(found.values()) == [{(PEOPLE, "PARTICIPANT_IN", "target")}]


def test_rights_of_a_people_violated_and_no_perpetrator_from_the_clause_before() -> None:
    # "Due to the occupation ... by the Russian Federation human rights of Crimean Tatars recognized in Ukraine as
    # indigenous people are violated on a regular and systematic basis" (dev7): the people the target, the state
    # before the words (another clause's "by") no perpetrator
    found = _events("Due to the annexation of the peninsula by the Russian Federation human rights of Crimean Tatars "
                    "recognized as indigenous people are violated on a regular and systematic basis.", "Persecution of")
    assert list(found.values()) == [{(PEOPLE, "PARTICIPANT_IN", "target"), ("place:crimea", "LOCATED_IN", "")}]  # loc11: the peninsula


def test_rights_violated_through_another_act_are_that_acts() -> None:
    # "the rights of the Crimean Tatars have been gravely violated through the banning of ..." (dev, valid, dev3)
    found = _events("The rights of the Crimean Tatars have been gravely violated through the shutting down of schools.",
                    "Persecution of")
    assert found == {}


def test_crimes_a_state_commits_in_occupied_lands() -> None:
    # "violations and abuses of human rights, international law and international humanitarian law committed by the
    # Russian Federation in the temporary occupied territories of the Donetsk and Luhansk regions and Crimea" (dev7)
    found = _events("The mission documented violations and abuses of human rights and international law committed by "
                    "the Russian Federation in the temporarily occupied territories of the Donetsk and Luhansk regions "
                    "and Crimea.", "Violations committed in")
    assert list(found.values()) == [{(RUSSIA, "PARTICIPANT_IN", "perpetrator"), ("place:donetsk-oblast", "LOCATED_IN", ""),
                                     ("place:luhansk-oblast", "LOCATED_IN", ""), ("place:crimea", "LOCATED_IN", "")}]
    # "Russia shall be brought to accountability for its crimes committed in the occupied Crimea and Donbas" (dev7)
    found = _events("The Russian Federation must answer for its crimes committed in the occupied Crimea and Donbas.",
                    "Crimes committed in")
    assert list(found.values()) == [{(RUSSIA, "PARTICIPANT_IN", "perpetrator"), ("place:crimea", "LOCATED_IN", ""),
                                     ("place:donbas", "LOCATED_IN", "")}]


def test_no_crimes_event_without_a_state_or_with_quoted_words() -> None:
    # nobody named, or a quoted characterisation ("the “multiple and grave violations” committed by ...", dev)
    for body in ("Nobody has been punished for the crimes committed in Crimea.",
                 "We welcome the work in exposing the “multiple and grave violations” committed by the Russian "
                 "Federation in Crimea."):
        assert _events(body, "Crimes committed in") == {} and _events(body, "Violations committed in") == {}
