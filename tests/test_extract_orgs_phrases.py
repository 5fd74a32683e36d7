"""Organisations read from the phrase around a name (issue 20, organisations round): a state's
government in lower case, the parties of an inter-state case, a body in scare quotes with its
place, a delegation with the state it is in, a body's office or national section, and the role
words and adjectives that are no part of a name. Made-up sentences."""

from __future__ import annotations

from loaders.extract.mentions import find_entries


def _orgs(body: str) -> list[tuple[str, str]]:
    text = f"A short article\n\n{body}\n"
    return [(m.text, m.ref) for m in find_entries(text) if m.label == "Organisation"]


def test_a_state_government_in_lower_case() -> None:
    assert ("Ukrainian government", "org:ukraine") in _orgs("The Ukrainian government condemned the sentence.")
    assert ("British government", "org:united-kingdom") in _orgs("The statement was issued by the British government.")
    assert _orgs("Ukrainian government figures for 2019 were not available.") == []


def test_the_parties_of_an_inter_state_case_are_states() -> None:
    orgs = _orgs("The Court ruled on the Ukraine v. Russia case about the peninsula.")
    assert ("Ukraine", "org:ukraine") in orgs and ("Russia", "org:russian-federation") in orgs


def test_a_body_in_scare_quotes_with_its_place() -> None:
    orgs = _orgs("The verdict of the so-called ‘Supreme Court’ of the occupied Crimea was upheld.")
    assert [ref for _t, ref in orgs] == ["org:supreme-court-of-crimea"]


def test_a_delegation_with_the_state_it_is_in() -> None:
    assert ("EU Delegation in Belarus", "org:eu-delegation-in-belarus") in _orgs("She asked the EU Delegation in Belarus to attend.")


def test_congress_yields_to_a_longer_name() -> None:
    orgs = _orgs("Members of Congress wrote to the Congress of Local and Regional Authorities.")
    assert ("Congress", "org:us-congress") in orgs
    assert ("Congress of Local and Regional Authorities", "org:congress-of-local-and-regional-authorities") in orgs


def test_an_office_or_section_names_its_body_too() -> None:
    refs = [ref for _t, ref in _orgs("The Council of Europe Commissioner for Human Rights met the head of Amnesty International Poland.")]
    assert {"org:council-of-europe", "org:coe-commissioner-for-human-rights", "org:amnesty-international"} <= set(refs)
    refs = [ref for _t, ref in _orgs("The United Nations General Assembly adopted the resolution.")]
    assert refs == ["org:un-general-assembly"]  # an organ, named as one unit


def test_role_words_and_kinds_are_no_part_of_a_name() -> None:
    assert _orgs("He is the former Coordinator of Crimean Solidarity, an initiative.") == [("Crimean Solidarity", "org:crimean-solidarity")]
    assert _orgs("He is a member of the Islamist group Hizb ut-Tahrir.") == [("Hizb ut-Tahrir", "org:hizb-ut-tahrir")]
    assert ("State Department", "org:us-department-of-state") in _orgs("We are joined by a Senior State Department Official today.")


def test_a_registers_perpetrator_and_a_subject_beside_another_are_states() -> None:
    orgs = _orgs("Name: Ivan Petrenko\nGender: Male\nPerpetrator: Russia\nReligion: Muslim")
    assert ("Russia", "org:russian-federation") in orgs
    orgs = _orgs("Canada stands with Ukraine. The international community and Canada will continue to maintain pressure.")
    assert [ref for text, ref in orgs if text == "Canada"] == ["org:canada", "org:canada"]
    assert not _orgs("Prisoners from Crimea and Russia were moved to Rostov.")


def test_a_state_kept_as_a_government_is_its_own_government() -> None:
    """"the Soviet government" is the Soviet Union (the gazetteer keeps it as a government, not a
    country): one key for both names across a batch, not a second key "soviet-government"."""
    from tests.extract_helpers import extract
    _text, ex = extract("The Soviet government deported the Crimean Tatars in 1944. The Soviet Union fell in 1991.")
    orgs = sorted(k for k in ex.entities if k.startswith("org:") and k != "org:crimean-tatar-community-generic")  # (the people)
    assert orgs == ["org:soviet-union"]
