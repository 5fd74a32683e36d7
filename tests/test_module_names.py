"""No module binds one top-level name twice: the later binding silently replaces the earlier for every
function that reads it (round 10 found a pattern of loaders/extract/state_acts.py shadowed this way, so
one of its rules never matched). Ruff's F811 sees functions and imports only, not assignments."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("casegraph", "graph", "loaders", "queries")


def _rebound(path: Path) -> dict[str, list[int]]:
    seen: dict[str, list[int]] = defaultdict(list)
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        else:
            continue
        for name in names:
            seen[name].append(node.lineno)
    return {n: lines for n, lines in seen.items() if len(lines) > 1 and n != "__all__"}


def test_no_top_level_name_is_bound_twice() -> None:
    found = {f"{p.relative_to(REPO)}:{name}": lines for pkg in PACKAGES for p in sorted((REPO / pkg).rglob("*.py"))
             for name, lines in _rebound(p).items()}
    assert found == {}


def test_the_check_sees_a_rebinding(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('import re\n_RE = re.compile("a")\n\n\ndef f():\n    return _RE\n\n\n_RE = re.compile("b")\n')
    assert _rebound(module) == {"_RE": [2, 9]}
