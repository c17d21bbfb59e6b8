"""Word documents (.docx): the paragraphs of the body in order, headings and table cells
included, each as its own paragraph."""

from __future__ import annotations

import io
import os
import zipfile

from unspin.core.documents import LoadError
from unspin.core.formats import Extracted, is_old_word_file, join_paragraphs


#: A .docx member may unpack to at most this many times its packed size (Word's XML
#: packs about 10 to 1; a zip bomb packs 1,000 to 1 and more).
MAX_RATIO = 200
#: ... once it is bigger than this (small parts pack very tightly).
RATIO_FROM_BYTES = 1 << 20


def extract_docx(data: bytes, path: str | os.PathLike, *, max_bytes: int = 64 << 20) -> Extracted:
    """The text of a .docx file; ``LoadError`` when it is damaged, encrypted, not Word, or
    would unpack to more than *max_bytes* (checked on the archive's directory, before
    anything is unpacked)."""
    if is_old_word_file(data):
        raise LoadError(path, "is an old-style Word (.doc) or encrypted Office file; save it "
                              "as .docx or plain text first")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LoadError(path, "is not a valid Word document (the file is damaged or "
                              "truncated: it is not a complete .docx archive)")
    _check_unpacked_size(data, path, max_bytes)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        _inline_entities(document.element)
        paragraphs = list(_body_paragraphs(document))
        title = (document.core_properties.title or "").strip() or _first_heading(document)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise LoadError(path, f"is not a valid Word document ({exc})") from exc
    except Exception as exc:  # damaged XML inside the archive: lxml's errors vary
        raise LoadError(path, f"is a damaged Word document ({type(exc).__name__}: {exc})") from exc
    text = join_paragraphs(paragraphs)
    return Extracted(text, title, encoding="DOCX")


#: An entity's text is taken up to this length, never expanded further (no entity bomb).
MAX_ENTITY_TEXT = 10_000


def _inline_entities(root) -> None:
    """Put each entity reference's text in its place ("&co;" declared in the document's own
    DTD as "Company Ltd"), so the text after it is kept: the XML is parsed without entity
    expansion, and the reference stood as a node the text stopped at. An undeclared
    entity is shown as written."""
    from lxml import etree

    dtd = root.getroottree().docinfo.internalDTD
    declared = {e.name: (e.content or "")[:MAX_ENTITY_TEXT] for e in dtd.iterentities()} if dtd else {}
    for node in list(root.iter(etree.Entity)):
        text = declared.get(node.name, node.text or "") + (node.tail or "")
        previous, parent = node.getprevious(), node.getparent()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(node)


def _check_unpacked_size(data: bytes, path, max_bytes: int) -> None:
    """Refuse an archive whose parts unpack to more than *max_bytes*, or one part that
    unpacks to far more than its packed size."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile as exc:
        raise LoadError(path, f"is not a valid Word document ({exc})") from exc
    unpacked = sum(m.file_size for m in members)
    if unpacked > max_bytes:
        raise LoadError(path, f"unpacks to {unpacked / (1 << 20):,.0f} MB, more than the limit of "
                              f"{max_bytes / (1 << 20):,.0f} MB (--max-size)")
    for m in members:
        if m.file_size > RATIO_FROM_BYTES and m.file_size > MAX_RATIO * max(1, m.compress_size):
            raise LoadError(path, f"has a part ({m.filename}) that unpacks to "
                                  f"{m.file_size // max(1, m.compress_size):,} times its size: "
                                  "refused as a zip bomb")


def _first_heading(document) -> str:
    """The first paragraph styled as a title or heading, as the title when none is set."""
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith(("Title", "Heading")) and paragraph.text.strip():
            return " ".join(paragraph.text.split())
    return ""


def _body_paragraphs(document):
    """Paragraph texts in reading order, read from the body's XML: content controls
    (w:sdt) and custom XML are looked into, a table gives one paragraph per cell."""
    return _blocks(document.element.body)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "r"
_SDT, _SDT_CONTENT, _CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
#: Parts of a paragraph that are not its current text: tracked deletions (their runs
#: hold w:delText), text moved away, and text boxes (drawn apart, and given twice:
#: once for new readers and once as a fallback for old ones).
_NOT_TEXT = frozenset({_W + "del", _W + "moveFrom", _W + "txbxContent",
                       "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"})


def _blocks(container):
    """Paragraph texts of the block-level content of *container* (body, cell, control)."""
    for child in container:
        if child.tag == _P:
            yield _paragraph_text(child)
        elif child.tag == _TBL:
            yield from _table_paragraphs(child)
        elif child.tag == _SDT:
            yield from _blocks(_content(child))
        elif child.tag == _CUSTOM_XML:
            yield from _blocks(child)


def _content(sdt):
    """The content of a content control (nothing when it has none)."""
    content = sdt.find(_SDT_CONTENT)
    return content if content is not None else ()


def _paragraph_text(paragraph) -> str:
    """The current text of a paragraph: runs inside hyperlinks, fields, content controls
    and tracked insertions included, tracked deletions left out."""
    return "".join(run.text for run in _runs(paragraph))


def _runs(element):
    for child in element:
        if child.tag == _R:
            yield child
        elif child.tag == _SDT:
            yield from _runs(_content(child))
        elif child.tag not in _NOT_TEXT and isinstance(child.tag, str):
            yield from _runs(child)


def _table_paragraphs(table):
    """One paragraph per cell, row by row; a deleted row and the continuation of a
    vertically merged cell (listed again in each row it spans) are left out."""
    for row in _children(table, _TR):
        if row.find(f"{_W}trPr/{_W}del") is not None:
            continue  # a tracked deletion of the whole row
        for cell in _children(row, _TC):
            if not _continues_a_merge(cell):
                yield from _blocks(cell)


def _children(element, tag):
    """The *tag* children of *element*, also those wrapped in content controls."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            yield from _children(_content(child), tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


def _continues_a_merge(cell) -> bool:
    """True for a cell that only continues the merged cell above (or to its left)."""
    for merge in ("vMerge", "hMerge"):
        mark = cell.find(f"{_W}tcPr/{_W}{merge}")
        if mark is not None and mark.get(_W + "val", "continue") == "continue":
            return True
    return False
