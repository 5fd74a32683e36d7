"""Round 14, coord14: acts told with general English structures (a list of verbs sharing one subject, an act
"continued" by its agent, a nominal act named a reminder of an agency's practice), on made-up sentences."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract

A, B, C = "person:ruslan-abdullayev", "person:enver-seitumerov", "person:lenur-khalilov"
AUTH = "org:russian-occupation-authorities"


def _roles(ex: Extraction) -> set[tuple[str, str, str]]:
    """(subject, event kind, role) of every PARTICIPANT_IN claim."""
    kinds = {k: str((e.attributes or {}).get("kind")) for k, e in ex.entities.items() if e.label == "Event"}
    return {(c.subject, kinds.get(c.object, ""), str(c.qualifiers.get("role"))) for c in ex.claims if c.predicate == "PARTICIPANT_IN"}


def _events(ex: Extraction, kind: str, role: str) -> dict[str, set[str]]:
    """Each event of ``kind``: the subjects that take part in it with ``role``."""
    kinds = {k: str((e.attributes or {}).get("kind")) for k, e in ex.entities.items() if e.label == "Event"}
    out: dict[str, set[str]] = {}
    for c in ex.claims:
        if c.predicate == "PARTICIPANT_IN" and kinds.get(c.object) == kind and c.qualifiers.get("role") == role:
            out.setdefault(c.object, set()).add(c.subject)
    return out


def test_each_verb_of_a_list_takes_its_own_object_and_the_shared_subject() -> None:
    text, ex = extract("The occupation authorities have detained Ruslan Abdullayev, searched the home of Enver Seitumerov "
                       "and sentenced Lenur Khalilov.")
    check_quotes(text, ex.claims)
    roles = _roles(ex)
    assert {(A, "detention", "target"), (B, "search", "target"), (C, "verdict", "target")} <= roles
    assert (A, "search", "target") not in roles and (B, "verdict", "target") not in roles
    for kind in ("detention", "search", "verdict"):
        assert (AUTH, kind, "perpetrator") in roles, kind


def test_a_name_joined_to_the_next_verb_with_no_object_after_it_stays_its_target() -> None:
    # "X was detained and sentenced": no verb before X, so X is the target of both
    text, ex = extract("Ruslan Abdullayev was detained in Simferopol and sentenced to five years.")
    check_quotes(text, ex.claims)
    roles = _roles(ex)
    assert {(A, "detention", "target"), (A, "verdict", "target")} <= roles


def test_the_agent_of_an_act_goes_on_doing_the_next_one() -> None:
    text, ex = extract("Russian occupying administration has arrested on fabricated charges and continues to keep behind bars "
                       "activist Ruslan Abdullayev as well as brothers Enver and Lenur Seitumerov.")
    check_quotes(text, ex.claims)
    detentions = _events(ex, "detention", "perpetrator")
    targets = _events(ex, "detention", "target")
    assert len(targets) == 3
    assert all(detentions.get(ev) == {AUTH} for ev in targets)


def test_a_nominal_act_named_a_reminder_of_an_agency_practice_is_the_agency_act_too() -> None:
    text, ex = extract("Ruslan Abdullayev was detained by FSB agents in Simferopol. “This detention is a reminder of the ongoing "
                       "practice of the de facto authorities in Crimea to intimidate independent media,” she said.")
    check_quotes(text, ex.claims)
    roles = _roles(ex)
    assert {("org:fsb", "detention", "perpetrator"), (AUTH, "detention", "perpetrator")} <= roles
