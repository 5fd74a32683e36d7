"""Files the commands write: a full disk is one line naming the file, nothing half-written is left;
views are private (0600) and no command replaces an existing file without ``--force``; the
"wrote ..." lines show a hostile file name escaped.

The full disk is real: a 64 KB tmpfs mounted for the test (this needs root, as the
test machine runs) and filled to the last byte, and ``/dev/full`` as standard output.
The commands run as the user runs them, in a subprocess, so an exception that escaped
would show as a traceback on stderr.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from casegraph.cli import cli

REPO = Path(__file__).resolve().parents[1]
LEAKY = REPO / "tests" / "leaky"
CRIMEA = REPO / "examples" / "crimea"
ARTICLES = REPO / "examples" / "articles" / "dev"
NO_SPACE = "no space left on device"


def casegraph(*args: str, stdout: int | None = subprocess.PIPE, **kwargs: object) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", "from casegraph.cli import main; main()", *args], env=env,
                          stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=300, **kwargs)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KB tmpfs with not one byte free."""
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0777", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    assert done.returncode == 0, f"this test mounts a small tmpfs (as root): {done.stderr.strip()}"
    try:
        fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        st = os.statvfs(mount)
        assert st.f_bavail == 0
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def ftm_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.ftm.json"
    assert casegraph("export", str(LEAKY), "-o", str(path)).returncode == 0
    return path


@pytest.mark.parametrize("command", ["view", "export-json", "export-csv", "analyze-report", "synth", "import-ftm",
                                     "extract"])
def test_full_disk_is_one_line_naming_the_file(full_disk: Path, tmp_path: Path, command: str) -> None:
    target = full_disk / {"export-csv": "csv/sub", "synth": "synth", "import-ftm": "facts",
                          "extract": "drafts"}.get(command, "out.file")
    ftm = str(ftm_file(tmp_path)) if command == "import-ftm" else ""
    args = {
        "view": ["view", str(LEAKY), "-o", str(target)],
        "export-json": ["export", str(LEAKY), "--to", "json", "-o", str(target)],
        "export-csv": ["export", str(LEAKY), "--to", "csv", "-o", str(target)],
        "analyze-report": ["analyze", str(LEAKY), "--report", str(target)],
        "synth": ["synth", str(target), "--claims", "50"],
        "import-ftm": ["import-ftm", ftm, "-o", str(target)],
        "extract": ["extract", str(ARTICLES), "-o", str(target)],
    }[command]
    done = casegraph(*args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stderr == f"Error: {target}: cannot write: {NO_SPACE}\n", done.stderr
    # Nothing half-written: no file with content besides the filler (synth may leave an empty one).
    left = [p for p in full_disk.rglob("*") if p.is_file() and p.name != "filler"]
    assert all(p.stat().st_size == 0 for p in left), left
    if command not in ("synth",):
        assert left == [], left
    if command in ("view", "export-json", "export-csv", "analyze-report"):  # casegraph's own writers: not even a folder
        assert not target.exists()
        assert target.parent == full_disk or not target.parent.exists()


@pytest.mark.parametrize("args, where", [
    (["export", str(LEAKY), "--to", "json", "-o", "-"], "standard output: cannot write"),
    (["stats", str(LEAKY)], "standard output"),
    (["analyze", str(LEAKY), "--format", "json"], "standard output"),
])
def test_full_standard_output_is_one_line(args: list[str], where: str) -> None:
    with open("/dev/full", "w") as full:
        done = casegraph(*args, stdout=full.fileno())
    assert done.returncode == 1
    assert done.stderr == f"Error: {where}: {NO_SPACE}\n", done.stderr


def test_view_is_private_and_not_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    runner = CliRunner()
    assert runner.invoke(cli, ["view", str(CRIMEA), "-o", str(out)]).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # as exports: it may hold names of people at risk
    out.write_text("mine", encoding="utf-8")
    result = runner.invoke(cli, ["view", str(CRIMEA), "-o", str(out), "--redact"])
    assert result.exit_code == 1
    assert result.output == f"Error: {out} exists; not overwritten (use --force)\n"
    assert out.read_text(encoding="utf-8") == "mine" and sorted(tmp_path.iterdir()) == [out]
    result = runner.invoke(cli, ["view", str(CRIMEA), "-o", str(out), "--redact", "--force"])
    assert result.exit_code == 0, result.output
    assert "Person A" in out.read_text(encoding="utf-8") and stat.S_IMODE(out.stat().st_mode) == 0o600


def test_analyze_report_not_replaced_without_force(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(CRIMEA), "--report", str(report)])
    assert result.exit_code == 1
    assert result.output == f"Error: {report} exists; not overwritten (use --force)\n"
    assert report.read_text(encoding="utf-8") == "mine"
    result = CliRunner().invoke(cli, ["analyze", str(CRIMEA), "--report", str(report), "--force"])
    assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").startswith("#")


def test_wrote_lines_escape_the_file_name(tmp_path: Path) -> None:
    hostile = "g\x1b[31m\u202eevil"
    for args, name in [(["export", str(CRIMEA), "--to", "json"], f"{hostile}.json"),
                       (["view", str(CRIMEA)], f"{hostile}.html")]:
        out = tmp_path / name
        result = CliRunner().invoke(cli, [*args, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.exists()
        assert "\x1b" not in result.output and "\u202e" not in result.output
        assert f"wrote {tmp_path}/g\\x1b[31m\\u202eevil." in result.output
