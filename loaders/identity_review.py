"""The reviewer's walk through xref's pending candidates: each decision a judgement on file.

Like ``casegraph review`` for drafts, the walk talks through two callables (``ask`` and
``say``), so the CLI passes click's prompt and echo and tests pass their own. Each
decision is written at once, atomically, by the one judgements writer
(:func:`loaders.judgements.record_judgement`); quitting keeps what is decided. A decision
that would contradict the file (A = B, B = C, then A != C) is refused and the pair stays
pending.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.xref import Candidate
from loaders.judgements import Judgement, groups, read_judgements, record_judgement

__all__ = ["XrefReview", "review_candidates", "CHOICES"]

Ask = Callable[[str, list[str]], str]
Say = Callable[[str], None]
CHOICES = ["s", "d", "u", "k", "q"]
_VERDICT = {"s": "same", "d": "different", "u": "unsure"}
_HELP = "[s]ame actor  [d]ifferent  [u]nsure  [k] skip  [q]uit (decisions are saved as you go)"


@dataclass
class XrefReview:
    path: Path
    same: int = 0
    different: int = 0
    unsure: int = 0
    skipped: int = 0
    refused: int = 0


def review_candidates(candidates: Sequence[Candidate], path: str | Path, by: str, ask: Ask, say: Say) -> XrefReview:
    """Ask for a judgement on each candidate and record it in the judgements file at ``path``."""
    path = Path(path)
    tally = XrefReview(path)
    have: list[Judgement] = read_judgements(path)[0] if path.exists() else []
    if not candidates:
        say("nothing to review: no pending candidates")
    for step, c in enumerate(candidates, 1):
        say("")
        say(f"[{step}/{len(candidates)}] Same actor? {c.left_name} ({c.left}) and {c.right_name} ({c.right}); "
            f"score {c.score:.2f}{' (sure)' if c.sure else ''}")
        say(f"  why: {c.reason}")
        for key, sources, context in ((c.left, c.left_sources, c.left_context), (c.right, c.right_sources, c.right_context)):
            say(f"  {key}: in {', '.join(sources) or 'no source'}" + (f"; {context}" if context else ""))
        say(f"  {_HELP}")
        answer = ask("judgement", CHOICES)
        if answer == "q":
            break
        if answer == "k":
            tally.skipped += 1
            continue
        verdict = _VERDICT[answer]
        # The key with more sources (then facts) leads: a 'same' group keeps the first key written.
        richer = (len(c.left_sources), c.left_claims) >= (len(c.right_sources), c.right_claims)
        left, right = (c.left, c.right) if richer else (c.right, c.left)
        if verdict == "different":
            joined = groups(have)
            if joined.get(left, left) == joined.get(right, right):
                say("  refused: earlier 'same' judgements make them one actor; the pair stays pending")
                tally.refused += 1
                continue
        have = [j for j in have if {j.left, j.right} != {left, right}]
        have.append(record_judgement(path, left, right, verdict, by))
        setattr(tally, verdict, getattr(tally, verdict) + 1)
    return tally
