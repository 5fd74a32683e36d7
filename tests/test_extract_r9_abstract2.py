"""Abstract acts of a state, second pass (round 9, abstract2): monitors denied access to an occupied land
(state_policies.access_denials), and the groups listed after a persecuted group (group_abuses: a list whose
items end on a comma, a group's mention that runs past the words read). Made-up sentences in the shape of
each class."""

from __future__ import annotations

from loaders.extract.claims import Extraction
from tests.extract_helpers import check_quotes, extract

RUSSIA = "org:russian-federation"
OCCUPATION = "org:russian-occupation-authorities"


def _events(ex: Extraction, stem: str) -> list[str]:
    return [k for k, e in ex.entities.items() if e.label == "Event" and k.startswith(stem)
            and e.attributes.get("kind") == "other"]


def _claims(ex: Extraction, ev: str) -> set[tuple[str, str, str | None, str]]:
    return {(c.subject, c.predicate, c.qualifiers.get("role"), c.object) for c in ex.claims if ev in (c.subject, c.object)}


def test_a_state_impedes_access_to_the_land_for_monitors() -> None:
    text, ex = extract("The minister said it is deplorable that Russia impedes access to Crimea for international "
                       "monitors, including the Human Rights Monitoring Mission in Ukraine.")
    [ev] = _events(ex, "event:access-to-crimea-denied")
    assert _claims(ex, ev) == {(RUSSIA, "PARTICIPANT_IN", "perpetrator", ev), ("org:hrmmu", "PARTICIPANT_IN", "target", ev),
                               (ev, "LOCATED_IN", None, "place:crimea")}
    check_quotes(text, ex.claims)


def test_authorities_refused_entry_to_named_mechanisms() -> None:
    text, ex = extract("Since then, de facto authorities have refused entry to regional human rights mechanisms, among them "
                       "the OSCE High Commissioner on National Minorities, and monitoring the situation in Crimea is hard.")
    [ev] = _events(ex, "event:access-to-crimea-denied")
    assert (OCCUPATION, "PARTICIPANT_IN", "perpetrator", ev) in _claims(ex, ev)
    assert ("org:osce-high-commissioner-on-national-minorities", "PARTICIPANT_IN", "target", ev) in _claims(ex, ev)
    check_quotes(text, ex.claims)


def test_denied_access_passive_or_to_a_prison_is_no_event() -> None:
    _, ex = extract("International observers have been denied access to the peninsula for two years now.")
    assert not _events(ex, "event:access-to-crimea-denied")
    _, ex = extract("The Russian authorities continue to deny access by monitoring organisations to the detention "
                    "facilities where the OSCE says 70 people are held.")
    assert not _events(ex, "event:access-to-crimea-denied")


def test_groups_listed_after_a_group_ending_on_a_comma() -> None:
    text, ex = extract("Reports said that the authorities in occupied Crimea continued to persecute and intimidate minority "
                       "religious congregations, including Muslim Crimean Tatars, Jehovah’s Witnesses, and OCU members.")
    [ev] = _events(ex, "event:persecution-of-minority-religious-congregations")
    targets = {c.subject for c in ex.claims if c.object == ev and c.qualifiers.get("role") == "target"}
    assert {"org:jehovahs-witnesses", "org:orthodox-church-of-ukraine"} <= targets
    check_quotes(text, ex.claims)


def test_a_group_listed_after_a_longer_group_mention() -> None:
    text, ex = extract("The delegation is alarmed by increasing repressions and discrimination against the Crimean Tatar "
                       "national minority and ethnic Ukrainians in the Autonomous Republic of Crimea.")
    [ev] = _events(ex, "event:persecution-of")
    assert ("org:ukrainians-in-crimea-generic", "PARTICIPANT_IN", "target", ev) in _claims(ex, ev)
    assert (ev, "LOCATED_IN", None, "place:crimea") in _claims(ex, ev)
    check_quotes(text, ex.claims)


def test_sanctions_named_by_their_body() -> None:
    text, ex = extract("The minister said the country had worked closely with partners on EU sanctions against Russia "
                       "for the past six years.")
    [ev] = _events(ex, "event:sanctions-on-russia")
    assert {("org:european-union", "PARTICIPANT_IN", "organiser", ev), (RUSSIA, "PARTICIPANT_IN", "target", ev)} <= _claims(ex, ev)
    check_quotes(text, ex.claims)
