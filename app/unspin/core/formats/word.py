"""Word documents (.docx): the paragraphs of the body in order, headings and table cells
included, each as its own paragraph."""

from __future__ import annotations

import io
import os
import zipfile

from unspin.core.documents import LoadError
from unspin.core.formats import Extracted, is_old_word_file, join_paragraphs


def extract_docx(data: bytes, path: str | os.PathLike) -> Extracted:
    """The text of a .docx file; ``LoadError`` when it is damaged, encrypted or not Word."""
    if is_old_word_file(data):
        raise LoadError(path, "is an old-style Word (.doc) or encrypted Office file; save it "
                              "as .docx or plain text first")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LoadError(path, "is not a valid Word document (the file is damaged or "
                              "truncated: it is not a complete .docx archive)")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_body_paragraphs(document))
        title = (document.core_properties.title or "").strip() or _first_heading(document)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise LoadError(path, f"is not a valid Word document ({exc})") from exc
    except Exception as exc:  # damaged XML inside the archive: lxml's errors vary
        raise LoadError(path, f"is a damaged Word document ({type(exc).__name__}: {exc})") from exc
    text = join_paragraphs(paragraphs)
    return Extracted(text, title, encoding="DOCX")


def _first_heading(document) -> str:
    """The first paragraph styled as a title or heading, as the title when none is set."""
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith(("Title", "Heading")) and paragraph.text.strip():
            return " ".join(paragraph.text.split())
    return ""


def _body_paragraphs(document):
    """Paragraph texts in reading order; a table gives one paragraph per cell."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from _table_paragraphs(block)


def _table_paragraphs(table):
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(id(cell._tc))
            yield from (p.text for p in cell.paragraphs)
