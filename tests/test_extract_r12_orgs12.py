"""Round 12, orgs12: organisations named as their own public lists name them (UN, OSCE, Council of Europe, EU,
Ukraine's and Russia's central bodies, NGOs and media), at the corpus's canonical keys; and names without a head
noun that define an acronym in parentheses, either way round, with the acronym naming that body throughout the
article. Made-up sentences."""

from __future__ import annotations

import pytest

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries


def _orgs(body: str) -> list[tuple[str, str]]:
    text = f"A short article\n\n{body}\n"
    return [(m.text, m.ref) for m in find_entries(text, load_gazetteer()) if m.label == "Organisation"]


@pytest.mark.parametrize(("body", "name", "ref"), [
    # The UN's own lists (main committees, treaty bodies, agencies, courts).
    ("The Third Committee adopted a draft resolution on Crimea.", "Third Committee", "org:un-ga-third-committee"),
    ("The Committee on Economic, Social and Cultural Rights reviewed the report.",
     "Committee on Economic, Social and Cultural Rights", "org:un-cescr"),
    ("The Subcommittee on Prevention of Torture asked for access.", "Subcommittee on Prevention of Torture", "org:un-spt"),
    ("The case is pending before the International Tribunal for the Law of the Sea.",
     "International Tribunal for the Law of the Sea", "org:itlos"),
    ("The Human Rights Monitoring Mission to Ukraine recorded the case.",
     "Human Rights Monitoring Mission to Ukraine", "org:hrmmu"),
    # OSCE, Council of Europe, EU.
    ("The Permanent Council of the OSCE met in Vienna.", "Permanent Council of the OSCE", "org:osce-permanent-council"),
    ("The Committee on Migration, Refugees and Displaced Persons adopted the report.",
     "Committee on Migration, Refugees and Displaced Persons", "org:committee-on-migration-refugees-and-displaced-persons"),
    ("The European Commission against Racism and Intolerance published its findings.",
     "European Commission against Racism and Intolerance", "org:ecri"),
    ("A spokesperson of the European Union External Action Service said so.", "European Union External Action Service",
     "org:eeas"),
    # Ukraine's and Russia's central bodies.
    ("The Ukrainian State Border Guard Service reported the crossing.", "Ukrainian State Border Guard Service",
     "org:state-border-guard-service-of-ukraine"),
    ("The Federal Service for Financial Monitoring listed him.", "Federal Service for Financial Monitoring",
     "org:rosfinmonitoring"),
    ("The Verkhovna Rada of the Autonomous Republic of Crimea was dissolved.",
     "Verkhovna Rada of the Autonomous Republic of Crimea", "org:verkhovna-rada-of-crimea"),
    ("The Appellate Military Court upheld the sentence.", "Appellate Military Court", "org:military-court-of-appeals"),
    ("The Federation Council approved the law.", "Federation Council", "org:russian-federation-council"),
    ("The Russian Interior Ministry denied it.", "Russian Interior Ministry", "org:russian-ministry-of-the-interior"),
    ("He was summoned by the Mission of the President of Ukraine in the Autonomous Republic of Crimea.",
     "Mission of the President of Ukraine in the Autonomous Republic of Crimea", "org:mission-of-the-president-of-ukraine-in-crimea"),
    # NGOs and press-freedom bodies.
    ("The Crimean Centre for Investigative Journalism documented it.", "Crimean Centre for Investigative Journalism",
     "org:center-for-investigative-journalism"),
    ("The IFJ condemned the arrest.", "IFJ", "org:international-federation-of-journalists"),
])
def test_listed_bodies_by_their_own_names(body: str, name: str, ref: str) -> None:
    assert (name, ref) in _orgs(body)


def test_name_without_head_noun_defines_its_acronym() -> None:
    found = _orgs("Activists of Students for Free Crimea (SFC) protested. SFC said it would go on.")
    assert found == [("Students for Free Crimea", "org:students-for-free-crimea"),
                     ("SFC", "org:students-for-free-crimea"), ("SFC", "org:students-for-free-crimea")]


def test_acronym_before_its_name_in_parentheses() -> None:
    found = _orgs("The CTYL (Crimean Tatar Youth Assembly) held a rally.")
    assert found == [("CTYL", "org:crimean-tatar-youth-assembly"), ("Crimean Tatar Youth Assembly", "org:crimean-tatar-youth-assembly")]


def test_defined_acronym_names_the_body_throughout() -> None:
    found = _orgs("The Foo Bar Baz Initiative (FBBI) reported the searches. Later FBBI said it would appeal.")
    assert {ref for _n, ref in found} == {"org:foo-bar-baz-initiative"}


@pytest.mark.parametrize(("body", "name"), [
    # more head nouns
    ("The Crimean Tatar Youth League held a rally.", "Crimean Tatar Youth League"),
    ("The Simferopol Bar Chamber suspended the lawyer.", "Simferopol Bar Chamber"),
    ("The Tatar Alliance of Crimea signed the appeal.", "Tatar Alliance of Crimea"),
    # a body introduced by its kind
    ('He was an active member of the independent trade union "Student Action" composed of students.', "Student Action"),
    ("She is the chief editor of the portal SeaNewsToday, after a search.", "SeaNewsToday"),
    ("The media watchdog Lantern Freedom recorded it.", "Lantern Freedom"),
])
def test_names_by_their_head_noun_or_kind(body: str, name: str) -> None:
    assert name in [n for n, _r in _orgs(body)]
