"""Named organisations the extractor reads by gazetteer or formula (issue 20, organisations round):
parliamentary groups, special-procedure mandates, outlets in a list, and words in capitals that
are no acronym. Made-up sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_articles
from loaders.extract.evaluate import evaluate_dirs
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.mentions import find_entries
from loaders.extract.org_guards import not_an_acronym

REAL = Path(__file__).resolve().parents[1] / "examples" / "articles" / "real"


def _orgs(body: str) -> dict[str, str]:
    text = f"A short article\n\n{body}\n"
    return {m.text: m.ref for m in find_entries(text) if m.label == "Organisation"}


def test_parliament_groups_by_short_name() -> None:
    orgs = _orgs("The motion was tabled by the EPP, S&D, ALDE, ECR and Greens/EFA groups in Strasbourg.")
    assert orgs["S&D"] == "org:s-and-d-group"
    assert orgs["ALDE"] == "org:alde-group"
    assert orgs["ECR"] == "org:ecr-group"
    assert orgs["Greens/EFA"] == "org:greens-efa-group"
    assert orgs["EPP"] == "org:epp-group"


def test_assembly_list_group_stays_whole() -> None:
    orgs = _orgs("Signed by Mr Petro KOVALENKO, Ukraine, EPP/CD ; Ms Anna BERGMAN, Sweden, SOC")
    assert orgs.get("EPP/CD") == "org:pace-epp-cd-group"
    assert "EPP" not in orgs and "KOVALENKO" not in orgs and "BERGMAN" not in orgs


def test_capitals_that_are_no_acronym() -> None:
    given = load_gazetteer().given_names
    text = "Mr Petro KOVALENKO spoke."
    assert not_an_acronym(text, 9, 18, given)
    line = "PALAIS WILSON • 1211 BERNE 10, SWITZERLAND"
    assert not_an_acronym(line, line.index("BERNE"), line.index("BERNE") + 5, given)
    ref = "Procedure 2019/2811(RSP) was closed."
    assert not_an_acronym(ref, ref.index("RSP"), ref.index("RSP") + 3, given)
    code = "charged under Art. 205.5-1 RCC last year"
    assert not_an_acronym(code, code.index("RCC"), code.index("RCC") + 3, given)
    law = "sentenced (Art. 30-1/Art. 278 RCC) in 2020"
    assert not_an_acronym(law, law.index("RCC"), law.index("RCC") + 3, given)
    plain = "The monitors of KHRG and QWE reported it."
    assert not not_an_acronym(plain, plain.index("QWE"), plain.index("QWE") + 3, given)


def test_acronyms_in_a_list_are_acronyms() -> None:
    orgs = _orgs("The statement was signed by QWERA, ZXTV and BNMK, three monitors in Kyiv.")
    assert {"QWERA", "ZXTV", "BNMK"} <= set(orgs)


def test_special_procedure_mandates() -> None:
    orgs = _orgs("The Special Rapporteur on the situation of human rights defenders and the Working Group on "
                 "Arbitrary Detention wrote to the government; the Special Rapporteur on the rights of older persons said "
                 "the letter went unanswered.")
    assert orgs["Special Rapporteur on the situation of human rights defenders"] == "org:un-special-rapporteur-human-rights-defenders"
    assert "org:un-special-rapporteur-rights-of-older-persons" in orgs.values()
    assert "Working Group on Arbitrary Detention" in orgs


def test_mandate_subject_ends_before_a_name() -> None:
    orgs = _orgs("The Independent Expert on sexual orientation and gender identity Victor Madrigal visited Kyiv.")
    assert "Independent Expert on sexual orientation and gender identity" in orgs


def test_mandate_with_commas_in_its_title() -> None:
    name = "Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment"
    orgs = _orgs(f"The {name}, pursuant to resolution 34/19, asked for information.")
    assert orgs[name] == "org:un-special-rapporteur-on-torture"


def test_outlets_in_a_list() -> None:
    assert "FM" not in _orgs("Its FM radio stations Qaradeniz and Dilara closed.")
    orgs = _orgs("The closures hit the Qaradeniz and Yalta radio stations, a children's television channel Dilara, "
                 "a news website 24 Hours and the newspapers Bizim Ses and Yanardag.")
    assert orgs.get("Qaradeniz") == "org:qaradeniz"
    assert orgs.get("Dilara") == "org:dilara"
    assert orgs.get("24 Hours") == "org:24-hours"
    assert orgs.get("Bizim Ses") == "org:bizim-ses"
    assert orgs.get("Yanardag") == "org:yanardag"
    assert "Yalta" not in orgs  # a place, not an outlet


def test_outlet_kinds_after_adjectives_name_nothing() -> None:
    orgs = _orgs("Russian media outlets and Moscow-based television channels and independent newspapers repeated it. "
                 "Independent newspapers were closed.")
    assert not orgs


# Organisation floors on the splits other people annotated, under what this round measured (2026-12-07:
# dev2 P/R 0.940/0.952, dev3 0.974/0.772, dev4 0.953/0.701), with room for the collectives' rules.
# Round 15: conv15b added four listed-victim collectives to dev2 (x21, x23) that the list rule
# (collective_phrases.listed_professions) leaves out on purpose; dev2 recall 0.921 on that gold.
ORG_FLOORS = {"dev2": (0.90, 0.91), "dev3": (0.90, 0.75), "dev4": (0.90, 0.68)}


@pytest.mark.parametrize("split", sorted(ORG_FLOORS))
def test_named_organisations_on_other_annotators_splits(split: str, tmp_path: Path) -> None:
    report = extract_articles([REAL / split], tmp_path)
    assert not report.failed, report.failed
    orgs = evaluate_dirs([tmp_path], [REAL / f"{split}-gold"]).entities["Organisation"]
    precision, recall = ORG_FLOORS[split]
    assert orgs.precision >= precision and orgs.recall >= recall, orgs.as_dict()


def test_outlets_after_such_as() -> None:
    orgs = _orgs("Independent media outlets such as Qaradeniz, Dilara and Bizim Ses were refused a licence.")
    assert {"Qaradeniz", "Dilara", "Bizim Ses"} <= set(orgs)
