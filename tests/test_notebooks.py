"""Every notebook's code cells run, in order, against the example corpus."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    monkeypatch.chdir(ROOT / "notebooks")
    namespace: dict[str, object] = {"__name__": "__notebook__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                exec(compile("".join(cell["source"]), f"{path.name}:{cell['id']}", "exec"), namespace)  # noqa: S102
    assert os.getcwd() == str(ROOT / "notebooks")
    if path.name == "explore_crimea.ipynb":
        assert namespace["sensitive"] == ["Kurtumer Chalgozov", "Nariman Ametov"]
        assert "Kurtumer Chalgozov -> Arrest of Kurtumer Chalgozov at his home (2021-12)" in out.getvalue()
