"""Fold text to the form the redaction matches on, keeping where each folded character came from.

A protected name must not survive in a spelling a reader (or a decoder) turns back into
the name. :func:`fold` undoes those spellings and remembers, for each character of its
result, the span of the original text it came from, so a match found in the folded
text is replaced in the original:

- percent-encoding (``Ann%20Lee``, ``%C3%A9``; bytes that are not UTF-8 read as
  Latin-1), HTML/XML character references (``&#65;``, ``&eacute;``) and ``\\uXXXX`` /
  ``\\xXX`` escapes, decoded repeatedly (double encoding);
- compatibility forms (NFKC/NFKD: full-width ``Ａｎｎ``, ligatures), case (casefold);
- accents and other combining marks (composed or decomposed), and invisible format
  characters (soft hyphen, zero-width space and joiners, bidi controls, BOM);
- in a word that mixes Latin letters with Cyrillic or Greek ones, the Cyrillic and
  Greek look-alikes of Latin letters (``Kеmаlоvа`` with Cyrillic е, а, о); words in
  one script are left alone, so Cyrillic names still match their Cyrillic aliases.

>>> text = "Dr. A\\u00adnn L%C3%A9e, \\uff21NN"
>>> folded, spans = fold(text)
>>> folded
'dr. ann lee, ann'
>>> start, end = spans[4][0], spans[10][1]  # "ann lee" in the folded text
>>> text[start:end]
'A\\xadnn L%C3%A9e'
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["fold", "fold_plain"]

Spans = list[tuple[int, int]]

# Markers of an encoded spelling; text without any of them needs no decoding pass.
_ENCODED_HINT = re.compile(r"[%&\\]")
_ENCODED = re.compile(r"(?:%[0-9A-Fa-f]{2})+|&#[0-9]{1,7};|&#[xX][0-9A-Fa-f]{1,6};|&[A-Za-z][A-Za-z0-9]{1,31};"
                      r"|\\u[0-9A-Fa-f]{4}|\\x[0-9A-Fa-f]{2}")
_DROP = frozenset({"Mn", "Me", "Cf"})  # combining marks and invisible format characters
_ROUNDS = 3  # decoding passes (double and triple encoding)
_RUN = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[a-z]")
_OTHER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]")
# Lower-case Cyrillic and Greek letters that look like Latin ones (after casefold), one for one.
_LOOKALIKES = str.maketrans("аеорсухіјѕкмтвнԁһӏԛԝαβεικνορτυχ", "aeopcyxijskmtbhdhlqwabeiknoptux")
_CHAR_CACHE: dict[str, str] = {}


def _fold_char(char: str) -> str:
    """One character folded: casefold, compatibility decomposition, marks and format characters dropped."""
    cached = _CHAR_CACHE.get(char)
    if cached is None:
        text = char
        for _ in range(2):  # casefold can produce decomposable characters, and NFKD upper-case ones
            text = "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                           if unicodedata.category(c) not in _DROP)
        cached = _CHAR_CACHE[char] = text
    return cached


def _percent_run(run: str, offset: int) -> list[tuple[str, int, int]]:
    """The characters of a run of ``%XX`` triplets: UTF-8 where it decodes, else Latin-1 per byte."""
    data = bytes(int(run[i + 1:i + 3], 16) for i in range(0, len(run), 3))
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(data):
        lead = data[i]
        size = 1 if lead < 0x80 else 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if lead < 0xF8 else 0
        char = None
        if size > 1:
            try:
                char = data[i:i + size].decode("utf-8")
            except UnicodeDecodeError:
                char = None
        if char is None or len(char) != 1:
            char, size = chr(lead), 1  # Latin-1 (or ASCII) byte
        out.append((char, offset + 3 * i, offset + 3 * (i + size)))
        i += size
    return out


def _decode_once(text: str) -> tuple[str, Spans] | None:
    """``text`` with one layer of encodings undone and each character's source span; None if nothing changed."""
    chars: list[str] = []
    spans: Spans = []
    last = 0
    changed = False
    for m in _ENCODED.finditer(text):
        for i in range(last, m.start()):
            chars.append(text[i])
            spans.append((i, i + 1))
        token = m.group()
        if token[0] == "%":
            decoded = _percent_run(token, m.start())
        else:
            if token[0] == "&":
                value = html.unescape(token)
            else:
                code = int(token[2:], 16)
                value = chr(code) if not 0xD800 <= code <= 0xDFFF else token
            decoded = [(c, m.start(), m.end()) for c in value] if value != token else \
                [(c, m.start() + j, m.start() + j + 1) for j, c in enumerate(token)]
        changed = changed or len(decoded) != len(token) or any(c != token[j] for j, (c, _, _) in enumerate(decoded))
        for c, s, e in decoded:
            chars.append(c)
            spans.append((s, e))
        last = m.end()
    if not changed:
        return None
    for i in range(last, len(text)):
        chars.append(text[i])
        spans.append((i, i + 1))
    return "".join(chars), spans


def fold(text: str) -> tuple[str, Spans | None]:
    """``text`` folded (see the module doc) and the original span of each folded character.

    The spans are ``None`` when folding kept a one-to-one map (ASCII text without
    encodings: only the case changed), so callers can skip the bookkeeping.
    """
    if text.isascii() and not _ENCODED_HINT.search(text):
        return text.lower(), None
    spans: Spans | None = None
    current = text
    if _ENCODED_HINT.search(text):
        for _ in range(_ROUNDS):
            step = _decode_once(current)
            if step is None:
                break
            current, inner = step
            spans = inner if spans is None else [(spans[s][0], spans[e - 1][1]) for s, e in inner]
            if not _ENCODED_HINT.search(current):
                break
    out: list[str] = []
    folded_spans: Spans = []
    for i, char in enumerate(current):
        piece = char.lower() if char.isascii() else _fold_char(char)
        if not piece:
            continue
        span = spans[i] if spans is not None else (i, i + 1)
        out.append(piece)
        folded_spans.extend([span] * len(piece))
    folded = "".join(out)
    if _OTHER.search(folded) and _LATIN.search(folded):
        folded = _RUN.sub(_unmix, folded)  # one for one: the spans still hold
    return folded, folded_spans


def _unmix(run: re.Match[str]) -> str:
    word = run.group()
    if _LATIN.search(word) and _OTHER.search(word):
        return word.translate(_LOOKALIKES)
    return word


def fold_plain(text: str) -> str:
    """The folded text alone (for building patterns from names)."""
    return fold(text)[0]
