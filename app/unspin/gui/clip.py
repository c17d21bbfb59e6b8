"""A quotable clip: one aligned paragraph pair side by side, its swaps highlighted, the
sources and the verdict beneath, as a PNG (or PDF) readable at 1,200 px wide."""

from __future__ import annotations

import html
from bisect import bisect_right

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter, QTextDocument

from unspin.core.scoring import SUSPICIOUS as SUSPICIOUS_SCORE
from unspin.gui.highlighting import COLOURS
from unspin.core.highlights import SUSPICIOUS, SWAP

WIDTH = 1200
MARGIN = 24
FONT_PX = 17


def block_at(c, position: int) -> int:
    """The aligned paragraph pair holding original offset *position* (the first pair with
    text on both sides from there)."""
    blocks = c.alignment
    k = max(0, bisect_right([b.old_start for b in blocks], position) - 1)
    while k < len(blocks) - 1 and (blocks[k].old_end <= blocks[k].old_start
                                   or blocks[k].new_end <= blocks[k].new_start):
        k += 1
    return k


def clip_html(c, k: int) -> str:
    """The clip of block *k* of comparison *c* as HTML."""
    b = c.alignment[k]
    old_marks, new_marks = [], []
    for swap in c.swaps:
        if swap.kind in ("case", "punctuation"):
            continue
        tag = SUSPICIOUS if swap.score >= SUSPICIOUS_SCORE else SWAP
        for os_, oe, ns, ne in swap.occurrences:
            if b.old_start <= os_ < b.old_end:
                old_marks.append((os_, oe, tag))
            if b.new_start <= ns < b.new_end:
                new_marks.append((ns, ne, tag))
    left = _marked(c.old.text, b.old_start, b.old_end, old_marks)
    right = _marked(c.new.text, b.new_start, b.new_end, new_marks)
    return (f"<table width='100%' cellspacing='0' cellpadding='10'><tr>"
            f"<th width='50%' align='left'>Original: {html.escape(c.old.name)}</th>"
            f"<th width='50%' align='left'>Copy: {html.escape(c.new.name)}</th></tr>"
            f"<tr><td valign='top'>{left}</td><td valign='top'>{right}</td></tr></table>"
            f"<hr><p style='font-size:small'>{_footer(c)}</p>")


def _marked(text: str, start: int, end: int, marks) -> str:
    out, at = [], start
    for s, e, tag in sorted(marks):
        if s < at:
            continue
        out.append(html.escape(text[at:s]))
        out.append(f"<span style='background:{COLOURS[tag][0]}'>{html.escape(text[s:e])}</span>")
        at = e
    out.append(html.escape(text[at:end]))
    return "".join(out).strip().replace("\n", "<br>")


def _footer(c) -> str:
    def source(d) -> str:
        where = d.path or d.name
        return f"{html.escape(where)} (SHA-256 {d.sha256[:12]}…)" if d.sha256 else html.escape(where)

    return (f"<b>{html.escape(c.classification)}</b>, spin score {c.spin_score:.2f}: "
            f"{html.escape(c.verdict)}<br>Original: {source(c.old)}<br>Copy: {source(c.new)}<br>"
            f"Highlighted: <span style='background:{COLOURS[SUSPICIOUS][0]}'>suspicious swap</span> "
            f"<span style='background:{COLOURS[SWAP][0]}'>swap</span> · made with Unspin")


def _document(c, k: int) -> QTextDocument:
    doc = QTextDocument()
    font = doc.defaultFont()
    font.setPixelSize(FONT_PX)  # large enough to read when the image is quoted at full width
    doc.setDefaultFont(font)
    doc.setDocumentMargin(MARGIN)
    doc.setHtml(clip_html(c, k))
    doc.setTextWidth(WIDTH)
    return doc


def clip_image(c, k: int) -> QImage:
    """The clip as an image 1,200 px wide on white."""
    doc = _document(c, k)
    image = QImage(WIDTH, int(doc.size().height()) + 1, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    return image


def save_clip(c, k: int, path: str) -> bool:
    """Write the clip to *path*: PDF for a .pdf name, else PNG."""
    if not path.lower().endswith(".pdf"):
        return clip_image(c, k).save(path, "PNG")
    doc = _document(c, k)
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QSizeF(WIDTH, doc.size().height() + 2), QPageSize.Unit.Point))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(72)
    painter = QPainter(writer)
    doc.drawContents(painter)
    painter.end()
    return True
