"""Identity judgements as data: ``judgements.yaml`` in the corpus says which keys name one actor.

Each judgement is a decision between two entity keys, with who made it and when::

    # Identity judgements (casegraph xref --review writes here; edit by hand too).
    judgements:
      - {keys: ["person:nariman-dzhelyal", "person:nariman-celal"], judgement: same, by: anna, at: "2026-12-06T08:10:00Z"}
      - {keys: ["person:asan-akhtemov", "person:aziz-akhtemov"], judgement: different, by: anna, at: "2026-12-06"}
      - {keys: ["person:akhtemov", "person:asan-akhtemov"], judgement: unsure, by: ben, at: "2026-12-06", note: "which brother?"}

``same`` joins two keys into one entity where fact files become the model
(:func:`loaders.facts.validate`), so loading, views, analysis, exports and the redaction
filter all see the resolved graph: the group keeps the key that comes first in the file,
carries every name, alias and source of its members, and is ``sensitive`` if any member is
(the one merge rule, :func:`graph.model.merge_entity`); claims follow their entities.
``different`` and ``unsure`` change nothing in the graph; they tell ``xref`` that the pair
is decided. Nothing else is written: deleting a judgement and loading again splits the
entity, since every source still states its own key. Loading some files of a corpus
applies the judgements file of their directory; judgements about keys those files do not
declare wait for the whole corpus.

Checks (each as ``file:line``): the fields, keys that no fact file declares, two keys of
different labels or one collective (``generic``) and one specific, a pair judged twice,
and contradictions such as A = B, B = C, A != C.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from graph.errors import CasegraphError
from graph.model import Claim, Corpus, claim_id, merge_entity
from graph.text import escape_control
from graph.yamlio import LineDict, LineList, ParseError, load_with_lines
from loaders.factfile import write_text_atomic

__all__ = ["JUDGEMENT_FILES", "VERDICTS", "Judgement", "find_judgement_files", "read_judgements",
           "apply_judgements", "apply_judgement_files", "write_judgements", "record_judgement", "pair"]

JUDGEMENT_FILES = ("judgements.yaml", "judgements.yml")
VERDICTS = ("same", "different", "unsure")
_FIELDS = {"keys", "judgement", "by", "at", "note"}
_KEY_RE = re.compile(r"^[a-z][a-z0-9]*:[a-z0-9][a-z0-9._-]*$")
_AT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
Found = tuple[str, int, str]  # file, line, message


@dataclass(frozen=True)
class Judgement:
    """One decision between two keys (``left`` first, as written), and where it is written."""

    left: str
    right: str
    verdict: str
    by: str
    at: str
    note: str | None = None
    file: str = ""
    line: int = 0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"keys": [self.left, self.right], "judgement": self.verdict, "by": self.by, "at": self.at}
        if self.note:
            out["note"] = self.note
        return out


def pair(a: str, b: str) -> tuple[str, str]:
    """An unordered pair of keys, as a sorted tuple."""
    return (a, b) if a <= b else (b, a)


class _Named(type(Path())):  # type: ignore[misc]
    """A judgements file named, or found beside a fact file named, rather than inside a directory given.

    Such a load is a subset of its corpus: a judgement about a key the loaded files do not
    declare waits for a load of the whole corpus instead of refusing this one.
    """


def find_judgement_files(paths: Iterable[str | Path]) -> list[Path]:
    """``judgements.yaml`` files among ``paths``, inside the directories given (hidden parts skipped)
    and beside each fact file given by name (its corpus directory's), so that loading some
    files of a corpus applies the corpus's judgements to them."""
    inside: list[Path] = []
    named: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_file() and p.name in JUDGEMENT_FILES:
            named.append(_Named(p))
        elif p.is_dir():
            for folder, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                inside.extend(Path(folder, f) for f in sorted(files) if f in JUDGEMENT_FILES)
        elif p.is_file():
            named.extend(_Named(p.parent / name) for name in JUDGEMENT_FILES if (p.parent / name).is_file())
    return list(dict.fromkeys([*inside, *named]))  # a file inside a directory given is checked whole


def read_judgements(path: str | Path) -> tuple[list[Judgement], list[Found]]:
    """The judgements of one file and the problems of its form (each with its line)."""
    path = Path(path)
    shown = escape_control(str(path))
    try:
        doc = load_with_lines(path)
    except ParseError as exc:
        return [], [(shown, exc.line, exc.message)]
    except UnicodeDecodeError:
        return [], [(shown, 1, "not UTF-8 text")]
    except OSError as exc:
        return [], [(shown, 1, f"cannot read: {exc.strerror or exc}")]
    if doc is None:
        return [], []
    if not isinstance(doc, LineDict) or set(doc) - {"judgements"}:
        return [], [(shown, getattr(doc, "line", 1), "a judgements file is a mapping with one list, 'judgements'")]
    items = doc.get("judgements")
    if items is None:
        return [], []
    if not isinstance(items, LineList):
        return [], [(shown, doc.line_of("judgements"), "'judgements' must be a list")]
    out: list[Judgement] = []
    problems: list[Found] = []
    for i, item in enumerate(items):
        line = items.line_of(i)
        if not isinstance(item, LineDict):
            problems.append((shown, line, "a judgement must be a mapping with keys, judgement, by and at"))
            continue
        bad = False
        for name in item:
            if name not in _FIELDS:
                problems.append((shown, item.line_of(name), f"unknown field '{name}' in a judgement "
                                 f"(allowed: {', '.join(sorted(_FIELDS))})"))
                bad = True
        keys = item.get("keys")
        if not (isinstance(keys, list) and len(keys) == 2 and all(isinstance(k, str) and _KEY_RE.match(k) for k in keys)):
            problems.append((shown, item.line_of("keys") if "keys" in item else line,
                             "'keys' must be two entity keys, such as [\"person:a\", \"person:b\"]"))
            bad = True
        elif keys[0] == keys[1]:
            problems.append((shown, item.line_of("keys"), f"a judgement needs two different keys, not '{keys[0]}' twice"))
            bad = True
        verdict = item.get("judgement")
        if verdict not in VERDICTS:
            problems.append((shown, item.line_of("judgement") if "judgement" in item else line,
                             f"judgement must be one of {', '.join(VERDICTS)}, not {verdict!r}"))
            bad = True
        by, at = item.get("by"), item.get("at")
        if not isinstance(by, str) or not by.strip():
            problems.append((shown, item.line_of("by") if "by" in item else line, "a judgement needs 'by' (who decided)"))
            bad = True
        if isinstance(at, (date, datetime)):
            at = at.isoformat()
        if not isinstance(at, str) or not _AT_RE.match(at.strip()):
            problems.append((shown, item.line_of("at") if "at" in item else line,
                             "a judgement needs 'at' (when), as YYYY-MM-DD or an ISO date and time"))
            bad = True
        note = item.get("note")
        if note is not None and not isinstance(note, str):
            problems.append((shown, item.line_of("note"), "'note' must be text"))
            bad = True
        if not bad and isinstance(keys, list):
            out.append(Judgement(keys[0], keys[1], str(verdict), str(by).strip(), str(at).strip(), note, shown, line))
    return out, problems


def _check(judgements: list[Judgement], corpus: Corpus | None) -> list[Found]:
    problems: list[Found] = []
    seen: dict[tuple[str, str], Judgement] = {}
    for j in judgements:
        if corpus is not None:
            missing = [k for k in (j.left, j.right) if k not in corpus.entities]
            if missing:
                problems.append((j.file, j.line, f"unknown entity key{'s' if len(missing) > 1 else ''} "
                                 f"{', '.join(repr(k) for k in missing)}: no fact file declares it"))
                continue
            if j.verdict == "same":
                a, b = corpus.entities[j.left], corpus.entities[j.right]
                if a.label != b.label:
                    problems.append((j.file, j.line, f"'{j.left}' is a {a.label} and '{j.right}' a {b.label}: "
                                     "they cannot be one entity"))
                elif a.generic != b.generic:
                    problems.append((j.file, j.line, "a collective (generic) actor is never merged into a specific one "
                                     f"('{j.left}', '{j.right}')"))
        key = pair(j.left, j.right)
        if key in seen:
            first = seen[key]
            problems.append((j.file, j.line, f"'{j.left}' and '{j.right}' are judged already at "
                             f"{first.file}:{first.line} ({first.verdict}); keep one judgement per pair"))
            continue
        seen[key] = j
    problems.extend(_contradictions(list(seen.values())))
    return problems


def _contradictions(judgements: list[Judgement]) -> Iterator[Found]:
    """A = B, B = C and A != C: each 'different' inside one group of 'same', with the chain."""
    links: dict[str, list[tuple[str, Judgement]]] = defaultdict(list)
    for j in judgements:
        if j.verdict == "same":
            links[j.left].append((j.right, j))
            links[j.right].append((j.left, j))
    for j in judgements:
        if j.verdict != "different":
            continue
        chain = _path(links, j.left, j.right)
        if chain is not None:
            via = ", ".join(f"line {s.line} ({s.left} = {s.right})" for s in sorted(chain, key=lambda s: s.line))
            yield (j.file, j.line, f"'{j.left}' and '{j.right}' are judged different here but the same through {via}")


def _path(links: dict[str, list[tuple[str, Judgement]]], a: str, b: str) -> list[Judgement] | None:
    back: dict[str, tuple[str, Judgement] | None] = {a: None}
    todo = deque([a])
    while todo:
        node = todo.popleft()
        if node == b:
            out: list[Judgement] = []
            while back[node] is not None:
                prev, j = back[node]  # type: ignore[misc]
                out.append(j)
                node = prev
            return out[::-1]
        for nxt, j in links.get(node, ()):
            if nxt not in back:
                back[nxt] = (node, j)
                todo.append(nxt)
    return None


def groups(judgements: Iterable[Judgement]) -> dict[str, str]:
    """Every key joined by 'same' judgements -> the key its group keeps (the first one written)."""
    root: dict[str, str] = {}

    def find(k: str) -> str:
        root.setdefault(k, k)
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    order: dict[str, int] = {}
    for j in judgements:
        for k in (j.left, j.right):
            order.setdefault(k, len(order))
        if j.verdict != "same":
            continue
        a, b = find(j.left), find(j.right)
        if a != b:
            if order[b] < order[a]:
                a, b = b, a
            root[b] = a
    return {k: find(k) for k in root if find(k) != k}


def apply_judgements(corpus: Corpus, judgements: list[Judgement]) -> list[Found]:
    """Check the judgements against ``corpus`` and, if they hold, merge each 'same' group in place."""
    problems = _check(judgements, corpus)
    if problems:
        return problems
    rename = groups(judgements)
    if not rename:
        return []
    where: dict[str, Judgement] = {}
    for j in judgements:
        if j.verdict == "same":
            where.setdefault(j.right, j)
            where.setdefault(j.left, j)
    for old, new in rename.items():
        have, gone = corpus.entities[new], corpus.entities.pop(old)
        for c in merge_entity(have, gone):
            j = where[old]
            problems.append((j.file, j.line, f"'{old}' and '{new}' judged the same, but attribute '{c.name}' is "
                             f"{c.new!r} for one and {c.have!r} for the other: correct one of the fact files"))
    claims: dict[str, Claim] = {}
    for claim in corpus.claims.values():
        subject, obj = rename.get(claim.subject, claim.subject), rename.get(claim.object, claim.object)
        key_q = {k: rename.get(v, v) if isinstance(v, str) else v for k, v in claim.key_qualifiers.items()}
        for ev in claim.evidence:
            ev.asserted_by = rename.get(ev.asserted_by, ev.asserted_by) if ev.asserted_by else None
            ev.qualifiers = {k: rename.get(v, v) if isinstance(v, str) else v for k, v in ev.qualifiers.items()}
        if subject == obj:
            j = where.get(claim.subject) or where[claim.object]
            problems.append((j.file, j.line, f"judging '{claim.subject}' and '{claim.object}' the same makes their "
                             f"{claim.predicate} claim ({claim.evidence[0].location}) link one entity to itself"))
            continue
        cid = claim_id(subject, claim.predicate, obj, key_q) if (subject, obj, key_q) != (
            claim.subject, claim.object, claim.key_qualifiers) else claim.id
        have_claim = claims.get(cid)
        if have_claim is None:
            claims[cid] = Claim(cid, subject, claim.predicate, obj, key_q, list(claim.evidence))
            continue
        sources = {ev.source for ev in have_claim.evidence}
        # One piece of evidence per source and claim: a source that said it of both keys said it once.
        have_claim.evidence.extend(ev for ev in claim.evidence if ev.source not in sources)
    corpus.claims = claims
    return problems


def apply_judgement_files(corpus: Corpus, files: Iterable[Path], check_keys: bool = True) -> list[Found]:
    """Read every judgements file; when they and the corpus hold, merge the corpus by them."""
    judgements: list[Judgement] = []
    problems: list[Found] = []
    for path in files:
        found, probs = read_judgements(path)
        if isinstance(path, _Named) and check_keys:
            # Loading some files of a corpus: its judgements about keys they do not declare wait.
            found = [j for j in found if j.left in corpus.entities and j.right in corpus.entities]
        judgements.extend(found)
        problems.extend(probs)
    if problems or not check_keys:
        return problems + (_check(judgements, None) if not problems else [])
    return apply_judgements(corpus, judgements)


_HEADER = ("# Identity judgements: which entity keys name one actor (same / different / unsure),\n"
           "# who decided and when. 'casegraph xref --review' writes here; you may edit it by hand.\n"
           "# Deleting a 'same' judgement and loading again splits the entity again.\n")


def write_judgements(path: str | Path, judgements: Iterable[Judgement]) -> Path:
    """Write a judgements file atomically (the one writer of judgements)."""
    import json

    path = Path(path)
    lines = [_HEADER, "judgements:\n"]
    items = list(judgements)
    for j in items:
        body = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in j.as_dict().items())
        lines.append(f"  - {{{body}}}\n")
    if not items:
        lines[-1] = "judgements: []\n"
    return write_text_atomic(path, "".join(lines))


def record_judgement(path: str | Path, left: str, right: str, verdict: str, by: str, note: str | None = None,
                     at: str | None = None) -> Judgement:
    """Add (or replace) the judgement of one pair in the file at ``path`` and write it back atomically."""
    if verdict not in VERDICTS:
        raise CasegraphError(f"judgement must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    path = Path(path)
    have: list[Judgement] = []
    if path.exists():
        have, problems = read_judgements(path)
        if problems:
            f, line, msg = problems[0]
            raise CasegraphError(f"{f}:{line}: {msg}")
    when = at or datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    new = Judgement(left, right, verdict, by, when, note)
    kept = [j for j in have if pair(j.left, j.right) != pair(left, right)]
    write_judgements(path, [*kept, new])
    return new
