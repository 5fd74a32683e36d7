"""bench/agreement.py: the second annotation is scored against the first with eval-extract's scorer."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "examples" / "articles" / "real" / "dev-gold"
FILE = "d01-govuk-five-crimean-tatars-detained.yaml"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_agreement", REPO / "bench" / "agreement.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_agreement"] = module
    spec.loader.exec_module(module)
    return module


def test_identical_annotations_agree_fully_and_a_dropped_claim_lowers_recall_only(tmp_path: Path) -> None:
    bench = _bench()
    same = tmp_path / "same" / "dev"
    same.mkdir(parents=True)
    shutil.copyfile(GOLD / FILE, same / FILE)
    doc = yaml.safe_load((GOLD / FILE).read_text(encoding="utf-8"))
    assert len(doc["claims"]) > 2
    fewer = tmp_path / "fewer" / "dev"
    fewer.mkdir(parents=True)
    doc["claims"] = doc["claims"][1:]
    (fewer / FILE).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

    result = bench.measure(tmp_path / "same")
    full = result["totals"]
    # With one annotation twice, "right if either annotator has it" is the precision against it.
    either = result["extractor_precision_against_either"]
    assert either["claim"] == round(full["extractor_vs_first"]["claim_p"], 3)
    assert either["entity"] == round(full["extractor_vs_first"]["entity_p"], 3)
    assert full["agreement"]["entity_f1"] == 1.0 and full["agreement"]["claim_f1"] == 1.0
    # The extractor scores the same against both annotations when they are one.
    assert full["extractor_vs_first"] == full["extractor_vs_second"]
    assert 0 < full["extractor_vs_first"]["claim_f1"] < 1

    # With one annotation twice, the items both record are all of them: the recall is the recall against it.
    two = result["extractor_against_two_readings"]
    assert two["claim"]["items_both"] == full["extractor_vs_first"]["claims_first"]
    assert two["claim"]["recall_both"] == round(full["extractor_vs_first"]["claim_r"], 3)
    assert two["entity"]["recall_both"] == round(full["extractor_vs_first"]["entity_r"], 3)

    fewer_result = bench.measure(tmp_path / "fewer")
    part = fewer_result["totals"]["agreement"]
    assert part["claim_p"] == 1.0
    assert part["claim_r"] == pytest.approx((part["claims_first"] - 1) / part["claims_first"])
    # The claim the second annotation dropped is no longer an item both annotators record.
    assert fewer_result["extractor_against_two_readings"]["claim"]["items_both"] == part["claims_first"] - 1


def test_a_second_annotation_without_its_text_is_refused_by_name(tmp_path: Path) -> None:
    bench = _bench()
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "d99-nothing.yaml").write_text("entities: []\nclaims: []\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="d99-nothing.yaml: no text"):
        bench.measure(tmp_path)
