"""The evidence report as PDF and on paper, laid out by Qt's rich-text engine.

The core writes the HTML (``core.evidence.to_html(for_qt=True)``); a QTextDocument lays
it out on A4 pages for QPdfWriter or a QPrinter. No other toolchain is needed.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from unspin import __version__
from unspin.core.compare import Comparison
from unspin.core.evidence import to_html
from unspin.core.report import write_atomic
from unspin.core.resources import resource_path

MARGINS_MM = QMarginsF(12, 12, 12, 14)
REPORT_FONT = "DejaVu Sans"


def ensure_application():
    """A QGuiApplication for fonts and painting. The command line makes its own, always
    offscreen: it never shows a window, and a display that does not answer (a stale
    DISPLAY over ssh) would make Qt abort."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([sys.argv[0] if sys.argv else "unspin", "-platform", "offscreen"])
    _ensure_report_font()
    return app


def _ensure_report_font() -> None:
    """The report is set in DejaVu Sans: bring the bundled copy when the system has none
    (a server without fonts would write a PDF without any text)."""
    if REPORT_FONT not in QFontDatabase.families():
        QFontDatabase.addApplicationFont(str(resource_path("fonts/DejaVuSans.ttf")))


def report_document(c: Comparison) -> QTextDocument:
    """The report laid out as a QTextDocument (for PDF, print and preview)."""
    document = QTextDocument()
    document.setDefaultFont(QFont(REPORT_FONT, 8))
    document.setDocumentMargin(0)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"Unspin evidence report: {c.old.name} and {c.new.name}")
    document.setHtml(to_html(c, for_qt=True))
    return document


def pdf_bytes(c: Comparison) -> bytes:
    """The report as a PDF file's bytes (A4 portrait, numbered pages)."""
    ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(f"Unspin evidence report: {c.old.name} and {c.new.name}")
    writer.setCreator(f"Unspin {__version__}")
    paint_report(report_document(c), writer, footer_text(c))
    del writer  # finishes the PDF into the buffer
    buffer.close()
    if data.size() == 0:
        raise OSError("Qt produced an empty PDF")
    return bytes(data.data())


def footer_text(c: Comparison) -> str:
    """What every page says at its foot: which pair it is about."""
    return f"Unspin evidence report · {c.old.name} ({c.old.sha256[:12]}…) and {c.new.name} ({c.new.sha256[:12]}…)"


def paint_report(document: QTextDocument, device: QPagedPaintDevice, footer: str = "") -> int:
    """Lay *document* out for *device* (a QPdfWriter or QPrinter) and paint its pages
    with a footer and "page n of N"; returns the number of pages.

    Laid out once at the device's resolution: QTextDocument.print_() clones the document
    first, which took most of the time on long reports (measured: 6.3 s against 2.0 s
    for a 200 KB pair).
    """
    document.documentLayout().setPaintDevice(device)
    width, height = device.width(), device.height()
    footer_height = device.logicalDpiY() * 0.3
    body = QSizeF(width, height - footer_height)
    document.setPageSize(body)
    pages = document.pageCount()
    small = QFont(document.defaultFont())
    small.setPointSizeF(6.5)
    painter = QPainter(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            document.drawContents(painter, QRectF(0, page * body.height(), width, body.height()))
            painter.restore()
            foot = QRectF(0, body.height(), width, footer_height)
            painter.setFont(small)
            painter.setPen(QColor("#555555"))
            painter.drawText(foot, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, footer)
            painter.drawText(foot, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight,
                             f"page {page + 1} of {pages}")
    finally:
        painter.end()
    return pages


def write_pdf(c: Comparison, path: str | os.PathLike) -> None:
    """Write the report as PDF to *path*, atomically (a complete file or none)."""
    write_atomic(path, pdf_bytes(c), inputs=(c.old.path, c.new.path))
