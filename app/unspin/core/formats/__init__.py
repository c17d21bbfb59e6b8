"""Which kind of file an input is, and the extractor that turns it into plain text.

The format is chosen by content first (a PDF or a Word file is recognised by its first
bytes whatever its name), then by extension; plain text and Markdown are read as
before. Each extractor lives in its own module and imports its heavy library only when
a file of its kind is opened.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

TEXT, HTML, DOCX, PDF, CLIPBOARD = "text", "html", "docx", "pdf", "clipboard"
#: How each format is named to a reader (pane header, command line, reports).
FORMAT_LABELS = {TEXT: "Text", HTML: "Web page", DOCX: "Word document", PDF: "PDF",
                 CLIPBOARD: "Clipboard"}
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
#: Suffixes the open dialogs offer.
OPEN_PATTERNS = ("*.txt", "*.md", "*.markdown", "*.text", "*.html", "*.htm", "*.xhtml",
                 "*.docx", "*.pdf")
#: The same as a file dialog's filter (the window's Open and Compare Against Many).
OPEN_FILTER = (f"Articles ({' '.join(OPEN_PATTERNS)});;Texts (*.txt *.md *.markdown *.text);;"
               "Web pages (*.html *.htm *.xhtml);;Word documents (*.docx);;PDF (*.pdf);;All files (*)")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc, .xls ...


@dataclass(frozen=True)
class Extracted:
    """What an extractor found: the text (paragraphs separated by blank lines), the
    document's title, and how the source was decoded or laid out."""

    text: str
    title: str = ""
    encoding: str = ""
    detail: str = ""  # e.g. "12 pages"


def sniff_format(data: bytes, path: str | os.PathLike) -> str:
    """The format of a file from its first bytes and its extension."""
    suffix = Path(path).suffix.lower()
    head = data[:1024]
    if data.startswith(b"%PDF-") or (b"%PDF-" in head and _may_be_pdf(data, suffix)):
        return PDF
    if data.startswith(b"PK\x03\x04") and (suffix == ".docx" or b"word/" in data[:65536]
                                            or b"[Content_Types].xml" in head):
        return DOCX
    if suffix == ".docx":
        return DOCX  # not a zip at all: the extractor says it is damaged
    if suffix == ".pdf":
        return PDF
    if suffix in TEXT_SUFFIXES:
        return TEXT
    if suffix in HTML_SUFFIXES or _looks_like_html(head):
        return HTML
    return TEXT


def _may_be_pdf(data: bytes, suffix: str) -> bool:
    """A real PDF may have a few junk bytes before its header, but then it is named .pdf
    or has no known name: a text, web page or zip that mentions "%PDF-" is not one."""
    return suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and not data.startswith(b"PK\x03\x04")


def is_old_word_file(data: bytes) -> bool:
    """True for the pre-2007 binary Word format (an OLE container)."""
    return data.startswith(_OLE_MAGIC)


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or (
        start.startswith(b"<?xml") and b"<html" in start)


def extract(fmt: str, data: bytes, path: str | os.PathLike, *, max_bytes: int = 64 << 20) -> Extracted:
    """Run the extractor of *fmt* on *data*; raises ``LoadError`` with the reason. An
    archive (.docx) may unpack to at most *max_bytes*."""
    if fmt == HTML:
        from unspin.core.formats.web import extract_html
        return extract_html(data, path)
    if fmt == DOCX:
        from unspin.core.formats.word import extract_docx
        return extract_docx(data, path, max_bytes=max_bytes)
    if fmt == PDF:
        from unspin.core.formats.pdf import extract_pdf
        return extract_pdf(data, path)
    raise ValueError(f"no extractor for {fmt!r}")


#: Runs of spacing inside a paragraph (tabs, line breaks, odd spaces), but not the
#: no-break spaces that French and German typography put before ":" or inside numbers.
_SPACING = re.compile(r"[^\S\u00a0\u202f]+")


def tidy(paragraph: str) -> str:
    """One paragraph with its spacing made single spaces and its ends trimmed."""
    return _SPACING.sub(" ", paragraph).strip()


def join_paragraphs(paragraphs) -> str:
    """Paragraphs as one text, a blank line between them, empty ones dropped."""
    return "\n\n".join(p for p in map(tidy, paragraphs) if p)


def document_from_clipboard(text: str, markup: str = "", name: str = "Clipboard"):
    """A document of pasted text. A whole web page copied as HTML goes through the article
    extractor (navigation and comments left out); a selection stays as the plain text."""
    from dataclasses import replace

    from unspin.core.documents import Document, LoadError

    if markup and _is_whole_page(markup):
        from unspin.core.formats.web import article_from_markup

        try:
            article, title = article_from_markup(markup, name)
            return replace(Document.from_text(article, name), format=HTML, title=title)
        except LoadError:
            pass  # not an article after all: the plain text is what the user copied
    if not text.strip() and markup.strip():
        text = _markup_text(markup)
    if not text.strip():
        raise LoadError(name, "the clipboard holds no text")
    return replace(Document.from_text(text, name), format=CLIPBOARD)


def _is_whole_page(markup: str) -> bool:
    """A page saved or copied whole, not a fragment a browser wraps around a selection."""
    head = markup[:4096].lower()
    return ("<html" in head or "<!doctype html" in head) and "startfragment" not in head


def _markup_text(markup: str) -> str:
    from html import unescape

    paragraphs = re.split(r"(?i)<(?:p|br|div|h[1-6]|li|tr)\b[^>]*>", markup)
    return join_paragraphs(unescape(re.sub(r"<[^>]*>", " ", p)) for p in paragraphs)
