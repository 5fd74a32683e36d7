"""The learned event finder's honest measure: leave one development split out at a time.

    python -m loaders.extract.learn.crossval                 # every development split
    python -m loaders.extract.learn.crossval dev2 dev3 dev4  # some of them

For each held-out split the finder is trained on the *other* development splits only
(:data:`.train.SPLITS`), the split is extracted as ``casegraph extract`` does (one batch,
rules alone, then rules with that model) and scored as ``casegraph eval-extract`` does.
The splits were written by different annotators, so a split's row says what the finder does
on articles whose annotators it never learned from. Needs scikit-learn (as training does).
Reads development material only: never test, fresh, valid3, test2, test3, test4 or test5.

Below the table, the decision rule for the default (docs/extraction.md): the finder pays
where it raises a held-out split's claim F1, and it may lower no split's claim precision
by more than :data:`MAX_PRECISION_DROP`.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from loaders.extract.evaluate import EvalReport, Score, evaluate_dirs
from loaders.extract.learn import apply
from loaders.extract.learn.apply import Model
from loaders.extract.learn.train import ROOT, SPLITS, present, train

__all__ = ["ROWS", "score_split", "main"]

# What the table shows: (column, entity label or claim predicate).
ROWS = (("entities", ""), ("Event", "Event"), ("claims", ""), ("PARTICIPANT_IN", "PARTICIPANT_IN"),
        ("LOCATED_IN", "LOCATED_IN"))


@contextmanager
def _model(model: Model | None) -> Iterator[None]:
    """``extract_articles(learned=True)`` applying ``model`` instead of the shipped weights."""
    saved = apply.load_model
    if model is not None:
        apply.load_model = lambda *_a, **_k: model  # type: ignore[assignment]
    try:
        yield
    finally:
        apply.load_model = saved


def score_split(split: str, model: Model | None, learned: bool, root: Path = ROOT) -> EvalReport:
    """``eval-extract`` of ``split`` extracted as one batch, with ``model`` when ``learned``."""
    from loaders.extract.draft import extract_articles

    with tempfile.TemporaryDirectory(prefix="cg-crossval-") as tmp, _model(model):
        report = extract_articles([root / split], tmp, learned=learned)
        if report.failed:
            raise RuntimeError(f"{split}: {report.failed[0]}")
        return evaluate_dirs([tmp], [root / f"{split}-gold"])


def _cells(report: EvalReport) -> list[Score]:
    out = []
    for col, key in ROWS:
        if col == "entities":
            out.append(report.entity_total)
        elif col == "claims":
            out.append(report.claim_total)
        elif col in ("Event",):
            out.append(report.entities.get(key, Score()))
        else:
            out.append(report.claims.get(key, Score()))
    return out


def _fmt(s: Score) -> str:
    return f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}"


MAX_PRECISION_DROP = 0.02


def table(held_out: Sequence[str], splits: Sequence[str] = SPLITS, root: Path = ROOT,
          out: dict[str, tuple[Score, Score]] | None = None) -> Iterator[str]:
    """The Markdown table's lines: each held-out split, rules alone and rules with a finder trained
    without it (``out`` gets each split's claim scores, rules alone and with the finder)."""
    yield "| split (P / R / F1) | " + " | ".join(c for c, _k in ROWS) + " |"
    yield "|---" * (len(ROWS) + 1) + "|"
    for split in held_out:
        others = [s for s in present(splits, root) if s != split]
        model = Model.from_json(train(others, root))
        claims = []
        for name, learned in (("rules", False), ("+ learned", True)):
            cells = _cells(score_split(split, model, learned, root))
            claims.append(cells[2])
            yield f"| {split}, {name} | " + " | ".join(_fmt(s) for s in cells) + " |"
        if out is not None:
            out[split] = (claims[0], claims[1])


def verdict(claims: dict[str, tuple[Score, Score]]) -> list[str]:
    """Per split, the change of claim F1 and precision; and how many splits the finder raises."""
    lines, raised, dropped = [], 0, []
    for split, (rules, learned) in claims.items():
        df1, dp = learned.f1 - rules.f1, learned.precision - rules.precision
        raised += df1 > 0
        if dp < -MAX_PRECISION_DROP:
            dropped.append(split)
        lines.append(f"{split}: claim F1 {rules.f1:.3f} -> {learned.f1:.3f} ({df1:+.3f}), "
                     f"precision {rules.precision:.3f} -> {learned.precision:.3f} ({dp:+.3f})")
    lines.append(f"claim F1 raised on {raised} of {len(claims)} splits; precision down by more than "
                 f"{MAX_PRECISION_DROP} on: {', '.join(dropped) or 'none'}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("held_out", nargs="*", default=present(), help="development splits to hold out, one at a time")
    args = parser.parse_args(argv)
    bad = [s for s in args.held_out if s not in SPLITS]
    if bad:
        parser.error(f"not a development split: {', '.join(bad)} (choose from {', '.join(SPLITS)})")
    claims: dict[str, tuple[Score, Score]] = {}
    for line in table(args.held_out, out=claims):
        print(line, flush=True)
    print()
    for line in verdict(claims):
        print(line)


if __name__ == "__main__":
    main()
