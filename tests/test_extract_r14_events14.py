"""Round 14, events14: events any statement on the subject reports, on made-up sentences in the shape of each class
(a list of grave abuses in a land, victims of torture, a people's body banned, transfers of detainees to places of
detention in a land)."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract


def _kinds(ex: Extraction) -> dict[str, str]:
    return {k: str((e.attributes or {}).get("kind")) for k, e in ex.entities.items() if e.label == "Event"}


def _run(body: str) -> Extraction:
    text, ex = extract(body)
    check_quotes(text, ex.claims)
    return ex


def _located(ex: Extraction, kind: str) -> set[str]:
    kinds = _kinds(ex)
    return {c.object for c in ex.claims if c.predicate == "LOCATED_IN" and kinds.get(c.subject) == kind}


def _roles(ex: Extraction, kind: str) -> set[tuple[str, str]]:
    kinds = _kinds(ex)
    return {(c.subject, str(c.qualifiers.get("role"))) for c in ex.claims
            if c.predicate == "PARTICIPANT_IN" and kinds.get(c.object) == kind}


def test_a_list_of_grave_abuses_in_a_land_is_one_event() -> None:
    # torture with ill-treatment (or first): a torture event; the land after "in" or before the list its place
    ex = _run("In occupied Crimea, monitors have documented enforced disappearances, torture and ill-treatment of detainees.")
    assert "place:crimea" in _located(ex, "torture")
    ex = _run("The ministry remains concerned by torture and ill-treatment, denial of medical care to persons detained in Crimea.")
    assert "place:crimea" in _located(ex, "torture")
    # killings, disappearances, abductions (torture among them): an ``other`` event
    ex = _run("The minister is troubled by the abductions and killings in Crimea.")
    assert "place:crimea" in _located(ex, "other")
    assert "torture" not in _kinds(ex).values()


def test_no_abuse_list_event_without_its_land_or_agent_nor_for_a_title() -> None:
    for body in ("All allegations of enforced disappearances and torture must be investigated.",
                 "The letter was sent by the Special Rapporteur on torture and other cruel, inhuman or degrading treatment in Crimea.",
                 "Can the Council help end the ill-treatment and torture of detainees in Crimea?"):
        ex = _run(body)
        assert not {"torture", "ill_treatment"} & set(_kinds(ex).values()), body


def test_victims_of_torture_by_an_agency() -> None:
    ex = _run("On July 12, the monitors reported religious activists in Crimea were among victims of torture by FSB agents.")
    assert ("org:fsb", "perpetrator") in _roles(ex, "torture")


def test_a_peoples_body_banned_named_after_the_words() -> None:
    for body in ("Russia has banned Crimean Tatars' highest ruling body, the Mejlis.",
                 "The two men are deputy heads of the Crimean Tatar community's representative body barred by the "
                 "Russian authorities as “extremist”, the Mejlis."):
        ex = _run(body)
        assert ("org:mejlis-of-the-crimean-tatar-people", "target") in _roles(ex, "other"), body


def test_transfers_of_detainees_to_places_of_detention_in_a_land() -> None:
    # a speaker named before the act is not the one transferred
    ex = _run("Dunja Mijatovic also condemned the illegal transfers of detainees to detention centers in Russia.")
    assert "place:russia" in _located(ex, "other")
