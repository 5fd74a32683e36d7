"""Articles in, clean main text out: HTML through trafilatura, plain text through our cleaner.

Scraped pages carry leftovers (share buttons, comment widgets, navigation, log-in forms,
copyright lines). The patterns are data (``gazetteers/boilerplate.yaml``). Every bad
input raises :class:`ArticleError` with one line naming the file.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import CasegraphError
from loaders.extract.gazetteer import load_gazetteer

__all__ = ["Article", "ArticleError", "read_article", "clean_text", "article_files", "ARTICLE_SUFFIXES",
           "MAX_ARTICLE_BYTES"]

ARTICLE_SUFFIXES = (".html", ".htm", ".txt")
_MIN_WORDS = 8  # fewer words than this is not an article (a bare menu, an error page)
# A news item or a report's section is tens of kilobytes; a file far past this is not one
# article (a whole book, a dump, a crafted input) and would hold the batch up.
MAX_ARTICLE_BYTES = 1_000_000
# Characters that never belong in article text and that fact files refuse or that split
# names invisibly: C0/C1 controls (tab and newline are kept as spaces and line breaks), the
# bidirectional marks, embeddings, overrides and isolates (Trojan-source tricks), zero-width
# characters, the soft hyphen, the byte-order mark and the non-characters U+FFFE/U+FFFF.
_INVISIBLE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e"
                           "\u2060-\u2069\ufeff\ufffe\uffff]")
# The control characters (below 32) a text file does not hold: all but tab, newline, form feed, return.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_SPACES_RE = re.compile("[ \u00a0]+")


class ArticleError(CasegraphError):
    """An input cannot be turned into article text (binary, empty, undecodable, no main text)."""


@dataclass
class Article:
    """The cleaned text of one input and what the page says about itself."""

    path: Path
    text: str
    title: str
    url: str | None = None
    published: str | None = None
    publisher: str | None = None


def _decode(path: Path, raw: bytes) -> str:
    if not raw.strip():
        raise ArticleError(f"{path}: the file is empty")
    if b"\x00" in raw[:8192]:
        raise ArticleError(f"{path}: a binary file, not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    controls = len(_CONTROL_RE.findall(text, 0, 8192))
    if controls > 8:
        raise ArticleError(f"{path}: a binary file, not an article")
    return text


def clean_text(text: str) -> str:
    """Drop boilerplate lines, the page tail after a comment/share marker, and repeated lines.

    Paragraphs are kept one per line, separated by a blank line.
    """
    gaz = load_gazetteer()
    kept: list[str] = []
    seen: set[str] = set()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    for raw_line in text.split("\n"):
        line = _SPACES_RE.sub(" ", raw_line).strip()
        if not line:
            continue
        if any(p.fullmatch(line) for p in gaz.tail_markers) and kept:
            break  # comments, share widgets and footers follow the article
        if any(p.fullmatch(line) for p in gaz.boilerplate):
            continue
        if line in seen:  # scraped pages repeat the headline
            continue
        seen.add(line)
        kept.append(line)
    return "\n\n".join(kept)


def _html(path: Path, text: str) -> Article:
    import trafilatura

    main = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True,
                               output_format="txt", with_metadata=False)
    if not main or len(main.split()) < _MIN_WORDS:
        raise ArticleError(f"{path}: no main text found in the page")
    meta = trafilatura.extract_metadata(text)
    title = (meta.title if meta and meta.title else "").strip()
    url = meta.url if meta and meta.url and re.match(r"^https?://\S+$", meta.url) else None
    published = meta.date if meta and meta.date and re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", meta.date) else None
    publisher = meta.sitename if meta and meta.sitename else None
    cleaned = clean_text(main)
    if title and cleaned.startswith(title):
        cleaned = cleaned[len(title):].lstrip()
    return Article(path, cleaned, title or _first_line(cleaned, path), url, published, publisher)


def _first_line(text: str, path: Path) -> str:
    first = text.split("\n", 1)[0].strip()
    return first if 0 < len(first.split()) <= 25 else path.stem.replace("-", " ").replace("_", " ")


def read_article(path: str | Path) -> Article:
    """Read one ``.html``/``.htm``/``.txt`` article and return its cleaned text.

    The title of a text file is its first line when that line is short (a headline).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise ArticleError(f"{path}: not an article (expected {', '.join(ARTICLE_SUFFIXES)})")
    try:
        info = path.stat()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or a device would block the batch on its first read.
        raise ArticleError(f"{path}: not a regular file")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path}: {info.st_size:,} bytes, more than one article "
                           f"(at most {MAX_ARTICLE_BYTES:,}); split it into articles")
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO since the check, opening does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise ArticleError(f"{path}: not a regular file")
            raw = fh.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path}: more than {MAX_ARTICLE_BYTES:,} bytes, more than one article; split it into articles")
    text = _decode(path, raw)
    if suffix in (".html", ".htm"):
        return _html(path, text)
    cleaned = clean_text(text)
    if len(cleaned.split()) < _MIN_WORDS:
        raise ArticleError(f"{path}: no main text (only {len(cleaned.split())} words after cleaning)")
    return Article(path, cleaned, _first_line(cleaned, path))


def article_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The article files named by ``paths`` (files, or directories walked for ``.html``/``.htm``/``.txt``),
    and a one-line error for each directory that cannot be listed (the others go on).

    A named file is returned as it is: a missing or odd file fails on its own line when read.
    """
    files: list[Path] = []
    errors: list[tuple[Path, str]] = []

    def walk_error(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else Path("?")
        errors.append((where, f"{where}: cannot read the directory: {exc.strerror or exc}"))

    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            files.append(p)
            continue
        found: list[Path] = []
        for folder, dirs, names in os.walk(p, onerror=walk_error):
            dirs.sort()
            found.extend(Path(folder) / n for n in names if Path(n).suffix.lower() in ARTICLE_SUFFIXES)
        files.extend(sorted(found))
    return list(dict.fromkeys(files)), errors
