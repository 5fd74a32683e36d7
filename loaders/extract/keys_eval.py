"""Identity across a batch, measured: drafted keys against annotated keys that are canonical
across the corpus (one gold key per actor in every gold file).

A *split* is a gold actor named in two or more articles whose drafts give it more than one
key; a *wrong merge* is one drafted key that stands for two gold actors. Drafted entities
are aligned to gold ones per article the way ``eval-extract`` aligns them (key, else name
or alias after transliteration), except that a place is paired with a place of its kind
first (a town with a town, a region with a region), so a drafted town does not take a gold
region that the drafted region also matches; among pairs alike, the one sharing more names.

Gold sets annotated apart may give one actor two keys (the self-written articles say
``org:mejlis``, the real ones ``org:mejlis-of-the-crimean-tatar-people``); ``same`` names such
pairs, so that a batch across both sets is not charged a wrong merge for joining them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii

from graph.ontology import default_ontology
from loaders.extract.evaluate import normalise_name, read_fact_document
from loaders.facts import find_fact_files

__all__ = ["KeyReport", "align_keys", "score_keys"]


@dataclass
class KeyReport:
    """Splits and wrong merges of a batch of drafts against gold keys."""

    shared: int = 0      # gold actors named in two or more gold files
    found: int = 0       # of those, drafted (aligned) in two or more drafts
    splits: dict[str, list[str]] = field(default_factory=dict)       # gold key -> drafted keys
    wrong_merges: dict[str, list[str]] = field(default_factory=dict)  # drafted key -> gold keys

    def as_dict(self) -> dict[str, Any]:
        return {"shared": self.shared, "found_in_two_or_more": self.found, "splits": self.splits,
                "wrong_merges": self.wrong_merges}


def score_keys(pred_paths: Iterable[str | Path], gold_paths: Iterable[str | Path],
               same: Iterable[Sequence[str]] = ()) -> KeyReport:
    """Compare the keys of drafts (paired with gold files by stem) with the gold keys; ``same``:
    groups of gold keys that name one actor (the first is reported)."""
    canonical = {k: group[0] for group in same for k in group}
    golds = {p.stem: read_fact_document(p) for p in find_fact_files(gold_paths)}
    preds = {p.stem: read_fact_document(p) for p in find_fact_files(pred_paths)}
    resolved = default_ontology().resolved_labels
    in_files: dict[str, set[str]] = defaultdict(set)
    for stem, doc in golds.items():
        for e in doc.get("entities") or []:
            if e.get("label") in resolved:
                in_files[canonical.get(e["key"], e["key"])].add(stem)
    drafted: dict[str, dict[str, str]] = defaultdict(dict)  # gold key -> stem -> drafted key
    for stem, pred in preds.items():
        gold = golds.get(stem)
        if gold is None:
            continue
        named = [e for e in pred.get("entities") or [] if e.get("label") in resolved]
        g_named = [e for e in gold.get("entities") or [] if e.get("label") in resolved]
        for p_key, g_key in align_keys(named, g_named).items():
            drafted[canonical.get(g_key, g_key)][stem] = p_key
    report = KeyReport()
    by_pred: dict[str, set[str]] = defaultdict(set)
    for g_key, stems in in_files.items():
        for p_key in drafted.get(g_key, {}).values():
            by_pred[p_key].add(g_key)
        if len(stems) < 2:
            continue
        report.shared += 1
        keys = drafted.get(g_key, {})
        if len(keys) >= 2:
            report.found += 1
            if len(set(keys.values())) > 1:
                report.splits[g_key] = sorted(set(keys.values()))
    report.wrong_merges = {p: sorted(g) for p, g in sorted(by_pred.items()) if len(g) > 1}
    return report


def _names(entity: dict[str, Any]) -> set[str]:
    return {normalise_name(anyascii(str(n))) for n in [entity.get("name", ""), *(entity.get("aliases") or [])]} - {""}


def align_keys(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, str]:
    """Pair drafted entities with gold ones of one label, each at most once: drafted key -> gold
    key. Places of other kinds (a town, a region) last; then the same key first, the same name,
    a shared name or alias (as ``loaders.extract.evaluate.align_named``); then more names shared.
    A drafted town with nothing but a gold region to pair with is still paired with it (the
    measure counts a region drafted under the town's key).

    >>> town = {"key": "place:k", "label": "Location", "name": "Kherson", "attributes": {"kind": "city"}}
    >>> region = {"key": "place:ko", "label": "Location", "name": "Kherson Oblast", "aliases": ["Kherson region"],
    ...           "attributes": {"kind": "region"}}
    >>> gold = {"key": "place:kr", "label": "Location", "name": "Kherson", "aliases": ["Kherson region"],
    ...         "attributes": {"kind": "region"}}
    >>> align_keys([town, region], [gold]), align_keys([town], [gold])
    ({'place:ko': 'place:kr'}, {'place:k': 'place:kr'})
    """
    pairs: list[tuple[tuple[int, int, int], str, str]] = []
    for p in pred:
        names = _names(p)
        kind = (p.get("attributes") or {}).get("kind")
        for g in gold:
            if p["label"] != g["label"]:
                continue
            shared = len(names & _names(g))
            if p["key"] == g["key"]:
                score = 3
            elif normalise_name(anyascii(str(p["name"]))) == normalise_name(anyascii(str(g["name"]))):
                score = 2
            elif shared:
                score = 1
            else:
                continue
            g_kind = (g.get("attributes") or {}).get("kind")
            conflict = int(p["label"] == "Location" and kind is not None and g_kind is not None and kind != g_kind)
            pairs.append(((-conflict, score, shared), p["key"], g["key"]))
    out: dict[str, str] = {}
    taken: set[str] = set()
    for _rank, p_key, g_key in sorted(pairs, key=lambda x: (-x[0][0], -x[0][1], -x[0][2], x[1], x[2])):
        if p_key in out or g_key in taken:
            continue
        out[p_key] = g_key
        taken.add(g_key)
    return out
