"""PDF files: the text layer, with lines joined back into paragraphs.

pypdf gives the text line by line with each line's position. Paragraphs are rebuilt
from the layout: a gap taller than the usual line spacing, an indented first line, or a
short line ending a sentence closes a paragraph. A word split by a hyphen at a line end
is joined again, keeping the hyphen where it is a real one ("well-known").
"""

from __future__ import annotations

import io
import os
import statistics
from collections import Counter
from typing import NamedTuple

import regex

from unspin.core.documents import LoadError, valid_unicode
from unspin.core.formats import Extracted, join_paragraphs
from unspin.core.language import detect_language


class Line(NamedTuple):
    """One line of a page: its text, baseline height and left edge (PDF points, y up)."""

    text: str
    y: float | None
    x: float | None
    size: float


# Typeset PDFs (LaTeX, InDesign) draw "fi" as one glyph; a text file has two letters.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_PAGE_NUMBER = regex.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", regex.I)
_SENTENCE_END = regex.compile(r"[.!?:;\"”’»)\]。！？]$")
_HYPHEN_END = regex.compile(r"(?<=[\p{L}\p{N}])[-\u2010]$")
_LAST_WORD = regex.compile(r"[\p{L}\p{M}]+$")
_FIRST_WORD = regex.compile(r"^[\p{L}\p{M}]+")
_CJK_END = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}。、「」]$")
_CJK_START = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}。、「」]")


def extract_pdf(data: bytes, path: str | os.PathLike) -> Extracted:
    """The text of a PDF; ``LoadError`` when it is damaged, locked or has no text layer."""
    reader = _open(data, path)
    try:
        pages = [_page_lines(page) for page in reader.pages]
        title = valid_unicode(str((reader.metadata or {}).get("/Title") or "").strip())
    except LoadError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged content streams
        raise LoadError(path, f"is a damaged PDF ({type(exc).__name__}: {exc})") from exc
    if not any(line.text.strip() for page in pages for line in page):
        raise LoadError(path, f"has no text to compare: its {len(pages)} page(s) hold only "
                              "images (a scan?); run it through OCR first")
    paragraphs = rebuild_paragraphs(_drop_running_heads([_drop_page_numbers(p) for p in pages]))
    text = join_paragraphs(paragraphs)
    return Extracted(text, title, encoding="PDF",
                     detail=f"{len(pages)} page" + ("s" if len(pages) != 1 else ""))


def _open(data: bytes, path):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    _quiet_pypdf_warnings()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(path, "is a password-protected PDF; open it with its password "
                                  "and save an unprotected copy first")
        len(reader.pages)  # reads the page tree: a truncated file fails here
    except LoadError:
        raise
    except DependencyError as exc:
        raise LoadError(path, f"is an encrypted PDF that cannot be opened ({exc})") from exc
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as exc:
        raise LoadError(path, f"is not a readable PDF (damaged or truncated: {exc})") from exc
    return reader


def _quiet_pypdf_warnings() -> None:
    """pypdf logs the repairs it makes to sloppy files ("invalid pdf header"); they are not
    for the user. With no handler of its own, Python's last-resort handler prints them on
    stderr: give it a silent one. They still reach any handler the application sets up."""
    import logging

    logger = logging.getLogger("pypdf")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _page_lines(page) -> list[Line]:
    """The page's text as lines with positions, from pypdf's text visitor."""
    lines: list[Line] = []
    pending: list[str] = []
    start: tuple[float, float, float] | None = None

    def visit(text, cm, tm, font, size):
        nonlocal start
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if start is None and piece.strip() and k == 0:
                start = _position(cm, tm, size)
            pending.append(piece)
            if k < len(pieces) - 1:  # a line ends here
                y, x, s = start or (None, None, 0.0)
                lines.append(Line(valid_unicode("".join(pending)), y, x, s))
                pending.clear()
                start = None

    page.extract_text(visitor_text=visit)
    if "".join(pending).strip():
        y, x, s = start or (None, None, 0.0)
        lines.append(Line(valid_unicode("".join(pending)), y, x, s))
    return [line for line in lines if line.text.strip()]


def _position(cm, tm, size) -> tuple[float, float, float]:
    """Baseline y, left x and font height of text drawn with these matrices, in page space."""
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
    return y, x, abs(size) * scale


def _drop_page_numbers(lines: list[Line]) -> list[Line]:
    """A bare number as the first or last line of a page is a page number, not text."""
    while lines and _PAGE_NUMBER.match(lines[-1].text):
        lines = lines[:-1]
    while lines and _PAGE_NUMBER.match(lines[0].text):
        lines = lines[1:]
    return lines


def _drop_running_heads(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop running heads and feet: a short first or last line that recurs (digits
    aside) on at least half the pages, three or more, is the publication's, not the
    article's (a full-width line is body text, however alike)."""
    if len(pages) < 3:
        return pages
    width = max((len(line.text.strip()) for page in pages for line in page), default=0)
    seen = Counter()
    for page in pages:
        seen.update({_shape(line.text) for line in (page[:1] + page[-1:])
                     if len(line.text.strip()) < 0.8 * width})
    repeated = {shape for shape, n in seen.items() if n >= max(3, len(pages) / 2)}
    if not repeated:
        return pages
    trimmed = []
    for page in pages:
        if page and _shape(page[0].text) in repeated:
            page = page[1:]
        if page and _shape(page[-1].text) in repeated:
            page = page[:-1]
        trimmed.append(page)
    return trimmed


def _shape(text: str) -> str:
    return regex.sub(r"\d+", "#", " ".join(text.split()).casefold())


def rebuild_paragraphs(pages: list[list[Line]]) -> list[str]:
    """Paragraph texts from the lines of every page (a paragraph may cross pages)."""
    lines = [line for page in pages for line in page]
    if not lines:
        return []
    leading = _usual(abs(a.y - b.y) for a, b in zip(lines, lines[1:])
                     if a.y is not None and b.y is not None and 0 < a.y - b.y < 4 * max(a.size, 1))
    left = _usual(line.x for line in lines if line.x is not None)
    width = max(len(line.text.strip()) for line in lines)
    words = _word_set(lines)
    lang = detect_language(" ".join(line.text for line in lines[:600]))
    short_pages = _short_page_ends(pages, leading)
    paragraphs, current = [], ""
    for k, line in enumerate(lines):
        text = line.text.strip().translate(_LIGATURES)
        current = join_lines(current, text, words, lang) if current else text
        following = lines[k + 1] if k + 1 < len(lines) else None
        if following is None or k in short_pages or \
                _ends_paragraph(line, following, leading, left, width):
            paragraphs.append(current)
            current = ""
    return paragraphs


def _short_page_ends(pages: list[list[Line]], leading) -> set[int]:
    """Indices (into all lines) of page-final lines after which a paragraph ends: the
    page stops above the usual bottom line (it had room for more), or the next page
    starts below the usual top line (a blank line was carried over)."""
    ends, starts, k = [], [], -1
    for page in pages:
        if page and page[0].y is not None:
            starts.append((k, page[0].y))  # k: the line before this page's first
        k += len(page)
        if page and page[-1].y is not None:
            ends.append((k, page[-1].y))
    if not leading or len(ends) < 2:
        return set()
    bottom = min(y for _, y in ends)
    top = max(y for _, y in starts)
    return ({k for k, y in ends if y - bottom > 0.8 * leading}
            | {k for k, y in starts if k >= 0 and top - y > 0.8 * leading})


def _usual(values) -> float | None:
    values = [round(v, 1) for v in values]
    return statistics.median(values) if values else None


def _ends_paragraph(line: Line, following: Line, leading, left, width: int) -> bool:
    """True when *line* is the last of its paragraph, judged from the layout."""
    if line.y is not None and following.y is not None and leading:
        gap = line.y - following.y
        if line.size and following.size and abs(line.size - following.size) > 0.15 * line.size:
            return True  # another font size: a heading ends or starts
        # a heading's lines are further apart than the body's: measure against its size
        if gap > 1.45 * max(leading, 1.2 * following.size):
            return True
        if following.x is not None and left is not None and gap > 0 and \
                following.x - left > 0.8 * following.size and (line.x or left) - left < 1:
            return True  # the next line is indented: a new paragraph starts
    text = line.text.strip()
    return len(text) < 0.7 * width and bool(_SENTENCE_END.search(text))


def _word_set(lines: list[Line]) -> set[str]:
    return {w.casefold() for line in lines for w in regex.findall(r"[\p{L}\p{M}\-]+", line.text)}


def join_lines(before: str, after: str, words: set[str] | None = None, lang: str = "en") -> str:
    """Two lines of one paragraph joined: hyphenation at the break undone, a space added
    between words, none between CJK characters."""
    if before.endswith("\u00ad"):  # a soft hyphen is only ever a line-break hyphen
        return before[:-1] + after
    if _HYPHEN_END.search(before) and after[:1].isalnum():
        if after[:1].islower() and _drop_hyphen(before[:-1], after, words or set(), lang):
            return before[:-1] + after
        return before + after
    if _CJK_END.search(before) and _CJK_START.search(after):
        return before + after
    return before + " " + after


def _drop_hyphen(before: str, after: str, words: set[str], lang: str) -> bool:
    """True when "infor-" + "mation" is one word split at a line end rather than a
    compound such as "well-known": what the document itself uses decides first, then
    how common the joined word is compared with its two parts."""
    a = _LAST_WORD.search(before)
    b = _FIRST_WORD.search(after)
    if not a or not b:
        return False
    head, tail = a.group(), b.group()
    if f"{head}-{tail}".casefold() in words:
        return False
    if (head + tail).casefold() in words:
        return True
    from wordfreq import zipf_frequency

    joined = zipf_frequency(head + tail, lang)
    parts = min(zipf_frequency(head, lang), zipf_frequency(tail, lang))
    return joined >= parts
