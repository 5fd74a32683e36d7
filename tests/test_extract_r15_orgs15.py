"""Round 15, orgs15: organisation names the finders missed (made-up sentences in the shape of each class)."""

from __future__ import annotations

from tests.extract_helpers import extract


def _orgs(body: str) -> dict[str, str]:
    _text, ex = extract(body)
    return {k: e.name for k, e in ex.entities.items() if k.startswith("org:")}


def test_a_mandate_named_by_its_short_title_across_a_line_break() -> None:
    # The programme prints the mandate's short title, wrapped: the mandate, not its first words.
    orgs = _orgs("Interactive dialogue with the Special Rapporteur on indigenous\nPeoples on 3 May.")
    assert "org:un-special-rapporteur-rights-of-indigenous-peoples" in orgs
    assert not any(k.endswith("-on-indigenous") for k in orgs)


def test_a_nations_community_of_a_people_that_someone_chairs_is_a_body() -> None:
    orgs = _orgs("Also present was the chair of the Polish Karaim community, Jan Nowak.")
    assert orgs.get("org:polish-karaim-community") == "Polish Karaim community"
    assert "org:polish" not in orgs


def test_the_community_of_crimeas_own_people_stays_the_collective() -> None:
    orgs = _orgs("He met the leaders of the Crimean Tatar community in Kyiv.")
    assert "org:crimean-tatar-community" not in orgs



def test_bodies_named_as_the_corpus_keys_them() -> None:
    # Maintained data: a Simferopol district court, a monitor's portal, the volunteer battalion.
    assert "org:zheleznodorozhny-district-court-simferopol" in _orgs(
        "A judge of the Zheleznodorozhny District Court of Simferopol extended his arrest.")
    assert "org:blacksea-news" in _orgs("The portal BlackSeaNews reported the searches.")
    assert "org:centre-for-counteracting-extremism-crimea" in _orgs("Officers of the Centre for Combating Extremism detained him.")
    assert "org:noman-celebicihan-battalion" in _orgs("He is charged with membership of the Noman Chelebidzhikhan battalion.")


def test_a_report_its_author_names_before_it_is_no_body_of_its_own() -> None:
    # "the OSCE Report of the X Mission": the OSCE wrote it; the words after "of" are the report's title.
    orgs = _orgs("The latest OSCE Report of the Human Rights Assessment Mission on Crimea documents the abuses.")
    assert "org:osce" in orgs and not any("assessment-mission" in k for k in orgs)
