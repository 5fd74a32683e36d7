"""Round 9, organisations: canonical keys of maintained bodies, the occupation administration,
national sections with a possessive, UN-prefixed organs, and collectives the annotators of
several splits record alike (ethnic Ukrainians, the addressed international community, the
Ukrainian political prisoners of the release formula, Crimean Tatar leaders). Made-up sentences."""

from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries


def _orgs(body: str) -> dict[str, str]:
    """Mention text -> key of the organisations found in a short article with ``body``."""
    text = f"A short article\n\n{body}\n"
    return {m.text: m.ref for m in find_entries(text, load_gazetteer()) if m.label == "Organisation"}


def test_canonical_keys_of_maintained_bodies() -> None:
    found = _orgs("The OSCE Office for Democratic Institutions and Human Rights and AutoMaydan issued a report.")
    assert found["OSCE Office for Democratic Institutions and Human Rights"] == "org:osce-odihr"
    assert found["AutoMaydan"] == "org:automaidan"
    assert _orgs("The Crimean Tatar Mejilis was banned.")["Crimean Tatar Mejilis"] == "org:mejlis-of-the-crimean-tatar-people"


def test_un_prefix_joins_the_organ() -> None:
    found = _orgs("Ivan Petrenko wrote to the UN Special Rapporteur on Minority Issues last week.")
    assert found == {"UN Special Rapporteur on Minority Issues": "org:un-special-rapporteur-on-minority-issues"}


def test_military_court_is_the_russian_military_court() -> None:
    found = _orgs("Ivan Petrenko was tried by a military court in Rostov-on-Don.")
    assert found["a military court"] == "org:russian-military-court-generic"


def test_occupation_administration_is_the_occupation_authorities() -> None:
    found = _orgs("The Russian occupation administration refused him medical care.")
    assert found == {"The Russian occupation administration": "org:russian-occupation-authorities"}
    found = _orgs("He was convicted by the Russian administration of Crimea in 2015.")
    assert found["the Russian administration of Crimea"] == "org:russian-occupation-authorities"


def test_national_section_before_a_possessive() -> None:
    found = _orgs("Olena Petrenko, Amnesty International Ukraine’s Executive Director, said so.")
    assert found["Amnesty International Ukraine"] == "org:amnesty-international-ukraine"


def test_the_prosecution_is_no_collective() -> None:
    found = _orgs("The prosecution of the six men was politically motivated, and witnesses for the prosecution lied.")
    assert "org:prosecutors-generic" not in found.values()


def test_a_possessive_names_no_affiliation() -> None:
    found = _orgs("Ivan Petrenko is accused of being a member of Petrov’s alleged group.")
    assert not any(k.startswith("org:petrov") for k in found.values())


def test_ethnic_ukrainians_outside_a_long_list() -> None:
    found = _orgs("Repression against Crimean Tatars and ethnic Ukrainians continues in Crimea.")
    assert found["ethnic Ukrainians"] == "org:ukrainians-in-crimea-generic"
    found = _orgs("Stop repressions against Ukrainians on the territory of occupied Crimea.")
    assert found["Ukrainians"] == "org:ukrainians-in-crimea-generic"
    # one item of a list of four: the list is the collective
    found = _orgs("Crimean Tatars, ethnic Ukrainians, pro-Ukrainian activists, and journalists face repression.")
    assert "org:ukrainians-in-crimea-generic" not in found.values()


def test_the_international_community_addressed() -> None:
    found = _orgs("We call on the international community to respond to the sentence.")
    assert found["the international community"] == "org:international-community-generic"
    found = _orgs("The annexation was condemned by the international community.")
    assert "org:international-community-generic" not in found.values()


def test_release_all_ukrainian_political_prisoners() -> None:
    found = _orgs("The UK calls on Russia to release all Ukrainian political prisoners.")
    assert found["all Ukrainian political prisoners"] == "org:ukrainian-political-prisoners-in-russia-generic"


def test_crimean_tatar_leaders_as_a_class() -> None:
    found = _orgs("Russian authorities have jailed Crimean Tatar leaders and banned the Mejlis.")
    assert found["Crimean Tatar leaders"] == "org:crimean-tatar-leaders-generic"
    found = _orgs("Many critics left, including two Crimean Tatar leaders who were barred from returning.")
    assert found["two Crimean Tatar leaders"] == "org:crimean-tatar-leaders-generic"
    found = _orgs("Crimean Tatar leaders Ilmi Umerov and Akhtem Chiygoz were released.")
    assert "org:crimean-tatar-leaders-generic" not in found.values()


def test_amnesty_alone() -> None:
    assert _orgs("Amnesty representatives will attend the hearing.")["Amnesty"] == "org:amnesty-international"


def test_the_russian_federation_inside_a_law_name() -> None:
    found = _orgs("He was charged under the Criminal Code of the Russian Federation.")
    assert found["Russian Federation"] == "org:russian-federation"
    found = _orgs("Officers of the Federal Security Service of the Russian Federation searched his home.")
    assert found["Russian Federation"] == "org:russian-federation"


def test_the_indigenous_people_of_crimea() -> None:
    found = _orgs("The parliament calls for the protection of the indigenous people of Crimea by all states.")
    assert found["the indigenous people"] == "org:crimean-tatar-community-generic"
