"""Text hygiene shared by parsing, validation and every message casegraph prints.

Fact files are written by hand, pasted from articles and sometimes hostile, so:

- every text value is NFC-normalised when it is parsed, so one name spelled with
  composed or decomposed accents is one name (and ids hash the same text);
- nothing from the data reaches a terminal raw: control characters (including the
  ESC of terminal escape sequences and the bidirectional overrides that make text
  read differently from how it is stored) are shown escaped;
- nothing from the data runs as a formula when CSV meant for spreadsheets is opened
  (:func:`spreadsheet_cell`, OWASP's advice against CSV injection).

A value quoted in a message is cut to a short preview by :func:`graph.errors.preview`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["nfc", "escape_control", "CONTROL_RE", "spreadsheet_cell", "FORMULA_START"]

# C0 and C1 controls, DEL, and the bidi embeddings/overrides/isolates (Trojan-source tricks).
CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C (composed), the form every stored value takes.

    >>> nfc("Cafe\\u0301") == "Caf\\u00e9"
    True
    """
    # is_normalized is a quick check; most text (and all ASCII) is already NFC.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_control(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\u202e``).

    Newlines and tabs are escaped too: a message is one line.

    >>> escape_control("red\\x1b[31m\\nnext")
    'red\\\\x1b[31m\\\\nnext'
    """
    return CONTROL_RE.sub(_escape, text) if CONTROL_RE.search(text) else text


# What makes a spreadsheet read a cell as a formula (or DDE call): OWASP's list, the
# full-width forms some spreadsheets also accept, after any leading spaces.
FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def spreadsheet_cell(value: str) -> str:
    """``value`` made safe to open in a spreadsheet: a leading formula character gets a ``'`` before it.

    A plain number (``-5``, ``+1.5e3``) stays a number. The writer must also quote every
    cell (``csv.QUOTE_ALL``), as OWASP advises.

    >>> [spreadsheet_cell(v) for v in ("=HYPERLINK(A1)", "-5", "-1+2", "@SUM(A1)", " =1", "Ann")]
    ["'=HYPERLINK(A1)", '-5', "'-1+2", "'@SUM(A1)", "' =1", 'Ann']
    """
    head = value.lstrip(" ")[:1]
    if head in FORMULA_START and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
