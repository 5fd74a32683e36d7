"""Round 13, keys13: the organisations gazetteer gives an actor the key the annotated corpus gives it
("Keys are canonical", examples/articles/real/README.md), on made-up sentences and on the development gold."""

from __future__ import annotations

from pathlib import Path

import yaml
from anyascii import anyascii

from graph.resolve import normalise_name
from loaders.extract.gazetteer import key_stem, load_gazetteer
from loaders.extract.mentions import find_entries
from tests.extract_helpers import check_quotes, extract

REAL = Path(__file__).resolve().parents[1] / "examples" / "articles" / "real"
DEV_SPLITS = ("dev", "valid", "dev2", "dev3", "dev4", "valid2", "dev5", "dev6", "dev7")

# The old key -> the corpus's key (round 13).
RE_KEYED = {"mejlis": "mejlis-of-the-crimean-tatar-people", "ukrainian-foreign-ministry": "ministry-of-foreign-affairs-of-ukraine",
            "rfe-rl": "rferl", "icj": "international-court-of-justice", "icc": "international-criminal-court",
            "investigative-committee": "investigative-committee-of-russia",
            "un-special-rapporteur-indigenous-peoples": "un-special-rapporteur-rights-of-indigenous-peoples"}


def _refs(body: str) -> list[tuple[str, str]]:
    return [(m.text, m.ref) for m in find_entries(f"A short article\n\n{body}\n", load_gazetteer())]


def test_named_bodies_take_the_corpus_keys() -> None:
    assert _refs("The Mejlis of the Crimean Tatar People condemned the searches.") == [
        ("Mejlis of the Crimean Tatar People", "org:mejlis-of-the-crimean-tatar-people")]
    assert _refs("The Ministry of Foreign Affairs of Ukraine protested.") == [
        ("Ministry of Foreign Affairs of Ukraine", "org:ministry-of-foreign-affairs-of-ukraine")]
    assert _refs("He worked for RFE/RL for ten years.") == [("RFE/RL", "org:rferl")]
    assert _refs("The case went to the International Court of Justice.") == [
        ("International Court of Justice", "org:international-court-of-justice")]
    assert _refs("The International Criminal Court opened an inquiry.") == [
        ("International Criminal Court", "org:international-criminal-court")]
    assert ("Investigative Committee of Russia", "org:investigative-committee-of-russia") in _refs(
        "The Investigative Committee of Russia opened a case.")
    assert _refs("The Special Rapporteur on the rights of Indigenous Peoples spoke.") == [
        ("Special Rapporteur on the rights of Indigenous Peoples", "org:un-special-rapporteur-rights-of-indigenous-peoples")]


def test_the_courts_name_with_its_middle_words_swapped_is_the_same_court() -> None:
    # "Southern Military District Court" (English news) is the Southern District Military Court, one key.
    assert _refs("The Southern Military District Court sentenced him.") == [
        ("Southern Military District Court", "org:southern-district-military-court")]


def test_the_special_and_reinforced_meetings_of_the_permanent_council_are_the_council() -> None:
    for name in ("Special Permanent Council", "Reinforced Permanent Council", "Special Permanent Council of the OSCE"):
        assert _refs(f"Statement to the {name} on the detainees.") == [(name, "org:osce-permanent-council")]


def test_the_ban_of_the_mejlis_keeps_the_corpus_event_and_case_keys() -> None:
    # The organisation's key is its full name; its ban and ban case carry the short name the corpus's keys use.
    assert key_stem("org:mejlis-of-the-crimean-tatar-people") == "mejlis"
    assert key_stem("org:hizb-ut-tahrir") == "hizb-ut-tahrir"
    text, ex = extract("In April 2016, the so-called Supreme Court of Crimea outlawed the Mejlis.")
    check_quotes(text, ex.claims)
    assert ("org:mejlis-of-the-crimean-tatar-people", "PARTICIPANT_IN", "event:mejlis-ban") in {
        (c.subject, c.predicate, c.object) for c in ex.claims}


def test_the_gazetteer_keys_of_the_development_gold_actors() -> None:
    # Every development gold organisation that the gazetteer names (name or alias, as eval-extract compares them)
    # and whose entry was re-keyed this round has the gazetteer's key, and no old key is left in the gazetteer.
    gaz = load_gazetteer()
    keys = {e.key for e in gaz.entries}
    assert not keys & set(RE_KEYED) and set(RE_KEYED.values()) <= keys
    names = {normalise_name(anyascii(n)): e.key for e in gaz.entries if e.key in RE_KEYED.values() for n in (e.name, *e.aliases)}
    seen: dict[str, set[str]] = {}
    for split in DEV_SPLITS:
        for path in sorted((REAL / f"{split}-gold").glob("*.yaml")):
            for e in yaml.safe_load(path.read_text(encoding="utf-8")).get("entities") or []:
                if e.get("label") != "Organisation":
                    continue
                for n in (e.get("name", ""), *(e.get("aliases") or [])):
                    key = names.get(normalise_name(anyascii(str(n))))
                    if key is not None:
                        seen.setdefault(key, set()).add(e["key"])
    assert {k: v for k, v in seen.items() if v != {f"org:{k}"}} == {}
    assert len(seen) >= 6
