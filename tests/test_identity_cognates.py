"""One person under the Ukrainian and the Russian form of a given name (Mykola and Nikolai
Polozov, Oleksandr and Aleksandr Kolchenko): one key across a batch, never a merge of two
people who only share a surname."""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.identity import DOUBT, IdentityIndex, Record, compare
from graph.identity_cognates import COGNATE_ROWS
from graph.identity_names import fold, givens_relate
from loaders.extract import extract_articles


def test_forms_of_one_given_name_are_a_variant() -> None:
    for a, b in (("Mykola", "Nikolai"), ("Oleksandr", "Aleksandr"), ("Hennadiy", "Gennady"), ("Oleksiy", "Aleksei"),
                 ("Volodymyr", "Vladimir"), ("Artem", "Artyom"), ("Kateryna", "Yekaterina")):
        assert givens_relate(fold(a), fold(b)) == "variant", (a, b)


def test_other_names_stay_apart() -> None:
    for a, b in (("Mykola", "Mykhailo"), ("Oleksandr", "Oleksandra"), ("Nikolai", "Nikita"), ("Volodymyr", "Vadym")):
        assert givens_relate(fold(a), fold(b)) == "different", (a, b)


def test_each_form_is_in_one_row_only() -> None:
    seen: dict[str, int] = {}
    for i, row in enumerate(COGNATE_ROWS):
        for form in row:
            assert seen.setdefault(fold(form), i) == i, form


def test_the_index_pairs_forms_that_start_with_other_letters() -> None:
    records = [Record("person:a", "Person", "Mykola Polozov"), Record("person:b", "Person", "Nikolai Polozov"),
               Record("person:c", "Person", "Aleksandr Kolchenko"), Record("person:d", "Person", "Oleksandr Kolchenko"),
               Record("person:e", "Person", "Mykhailo Polozov")]
    pairs = {(m.left, m.right): m.sure for m in IdentityIndex(records).candidates(DOUBT)}
    assert pairs == {("person:a", "person:b"): True, ("person:c", "person:d"): True}
    match = compare(records[0], records[1])
    assert match is not None and "'Mykola' and 'Nikolai' are one name" in match.reason


def test_a_batch_gives_one_key_to_both_forms(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Lawyer detained\n\nLawyer Mykola Polozov was detained in Simferopol on 3 March 2022.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(
        "Lawyer questioned\n\nNikolai Polozov was questioned by the FSB in Simferopol on 5 March 2022.\n",
        encoding="utf-8")
    report = extract_articles([tmp_path / "in"], tmp_path / "out", [])
    assert not report.failed
    keys = []
    for written in report.written:
        out = written[1]
        doc = yaml.safe_load(out.read_text(encoding="utf-8"))
        keys += [e["key"] for e in doc["entities"] if e["label"] == "Person"]
    assert len(keys) == 2 and len(set(keys)) == 1, keys
