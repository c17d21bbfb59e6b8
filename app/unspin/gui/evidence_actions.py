"""Evidence in and out of the window: paste as left/right, export a report, print.

A small controller beside the main window (which only wires the actions): pasted and
fetched documents go into the application model; reports are of the comparison on screen.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from unspin.core.documents import LoadError
from unspin.core.formats import document_from_clipboard
from unspin.core.triage import reviewed
from unspin.gui.busy import busy_cursor
from unspin.gui.pdf_report import footer_text, paint_report, report_document
from unspin.gui.save_dialogs import may_write, save_folder
from unspin.report_files import report_format, write_report

#: Save-dialog filters and the format and extension each one stands for.
EXPORT_FILTERS = {"Evidence report, web page (*.html *.htm)": ("html", ".html"),
                  "Evidence report, PDF (*.pdf)": ("pdf", ".pdf"),
                  "Swap table, CSV (*.csv)": ("csv", ".csv"),
                  "Everything, JSON (*.json)": ("json", ".json")}


class EvidenceActions:
    """Paste, export and print: documents go into the application model, the comparison
    on screen comes from *shown_view*, the reader's place from *reader_place*; dialogs
    open over *parent*, messages go to *status_bar*."""

    def __init__(self, model, parent, status_bar, shown_view, reader_place):
        self.model, self.parent, self.status_bar = model, parent, status_bar
        self.shown_view, self.reader_place = shown_view, reader_place
        self.last_folder = ""

    # --- paste -------------------------------------------------------------------

    def paste(self, side: int) -> bool:
        """Put the clipboard's text into one side (a whole web page: its article)."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        markup = mime.html() if mime is not None and mime.hasHtml() else ""
        name = f"Clipboard {datetime.now().strftime('%H:%M')}"
        try:
            document = document_from_clipboard(text, markup, name)
        except LoadError as exc:
            self.status_bar.showMessage(f"Nothing pasted: {exc.reason}", 6000)
            return False
        self.model.set_document(side, document)
        return True

    # --- export ------------------------------------------------------------------

    def comparison(self):
        """The finished comparison on screen, or None (with a word to the user why)."""
        view = self.shown_view()
        if view is None or not view.comparison.completed:
            self.status_bar.showMessage("Nothing to report yet: open two texts and let "
                                                "the comparison finish.", 6000)
            return None
        review = self.model.review
        return reviewed(view.comparison, review) if review.marks or review.reviewer else view.comparison

    def export_report(self) -> str | None:
        """Ask for a file name and write the report there; returns the path written."""
        c = self.comparison()
        if c is None:
            return None
        suggested = os.path.join(self.last_folder or _folder_of(c.old.path),
                                 f"unspin-report-{Path(c.old.name).stem}-vs-{Path(c.new.name).stem}.html")
        path, chosen = QFileDialog.getSaveFileName(self.parent, "Export Report", suggested,
                                                   ";;".join(EXPORT_FILTERS))
        if not path:
            return None
        fmt = report_format(path)
        if fmt is None:  # no or an unknown extension: the chosen filter decides
            fmt, suffix = EXPORT_FILTERS.get(chosen, ("html", ".html"))
            path += suffix
            if not may_write(self.parent, path):  # the dialog asked about the name without it
                return None
        return path if self.write(c, path, fmt) else None

    def open_url(self, url: str | None = None) -> bool:
        """File → Open URL…: fetch a page into the empty side (the copy's when both are
        full); a page that cannot be had is refused with the reason, nothing half-loaded.
        False when no address was given."""
        from PySide6.QtWidgets import QInputDialog

        if url is None:
            url, ok = QInputDialog.getText(self.parent, "Open URL", "Address of the page (http or https):")
            if not ok or not url.strip():
                return False
        url = url.strip()
        if not url.lower().startswith(("http://", "https://")):
            QMessageBox.warning(self.parent, "Open URL", f"“{url}” is not an http or https address.")
            return False
        side = 0 if self.model.is_empty(0) else 1
        self.model.open(side, url)  # fetched in the background; a failure shows in its pane
        return True

    def _clip_block(self):
        """(comparison, block index) of the paragraph pair at the reader's place, or None."""
        from unspin.gui.clip import block_at

        c = self.comparison()
        if c is None or not c.alignment:
            return None
        place = self.reader_place()
        return c, block_at(c, place[0] if place else 0)

    def copy_clip(self) -> bool:
        """Edit → Copy Paragraph Pair as Image: the pair at the reader's place, highlighted,
        with its sources and the verdict, on the clipboard."""
        from unspin.gui.clip import clip_image

        found = self._clip_block()
        if found is None:
            return False
        QGuiApplication.clipboard().setImage(clip_image(*found))
        self.status_bar.showMessage("The paragraph pair is on the clipboard as an image", 6000)
        return True

    def save_clip(self) -> str | None:
        """File → Save Clip…: the same as a PNG or PDF file."""
        from unspin.gui.clip import save_clip

        found = self._clip_block()
        if found is None:
            return None
        c, k = found
        suggested = os.path.join(self.last_folder or _folder_of(c.old.path),
                                 f"unspin-clip-{Path(c.new.name).stem}-{k + 1}.png")
        path, _ = QFileDialog.getSaveFileName(self.parent, "Save Clip", suggested,
                                              "PNG image (*.png);;PDF (*.pdf)")
        if not path:
            return None
        if any(d.path and _same_file(path, d.path) for d in (c.old, c.new)) or not save_clip(c, k, path):
            QMessageBox.warning(self.parent, "Save Clip", f"The clip could not be written to {path}.")
            return None
        self.last_folder = os.path.dirname(path)
        self.status_bar.showMessage(f"Clip written to {path}", 8000)
        return path

    def export_case(self) -> str | None:
        """File → Export Case…: one zip with both texts, the session, the reports, the swap
        table and a manifest of digests; returns the path written."""
        from unspin.case_file import CaseError, write_case

        c = self.comparison()
        if c is None:
            return None
        suggested = os.path.join(self.last_folder or _folder_of(c.old.path),
                                 f"unspin-case-{Path(c.old.name).stem}-vs-{Path(c.new.name).stem}.zip")
        path, _ = QFileDialog.getSaveFileName(self.parent, "Export Case", suggested, "Case files (*.zip)")
        if not path:
            return None
        if not path.lower().endswith(".zip"):
            path += ".zip"
            if not may_write(self.parent, path):
                return None
        try:
            with busy_cursor():
                notes = write_case(c, path)
        except (OSError, CaseError) as exc:
            QMessageBox.warning(self.parent, "Export Case", f"The case file could not be written to "
                                f"{path}:\n{getattr(exc, 'strerror', None) or exc}")
            return None
        self.last_folder = os.path.dirname(path)
        extra = f" ({'; '.join(notes)})" if notes else ""
        self.status_bar.showMessage(f"Case file written to {path}{extra}", 8000)
        return path

    def write(self, c, path: str, fmt: str) -> bool:
        """Write one report, telling the user how it went; never over a compared text."""
        if any(d.path and _same_file(path, d.path) for d in (c.old, c.new)):
            QMessageBox.warning(self.parent, "Export Report", f"{path} is one of the texts being "
                                "compared; Unspin never writes to the files it reads. Choose another name.")
            return False
        try:
            with busy_cursor():
                write_report(c, path, fmt)
        except OSError as exc:
            QMessageBox.warning(self.parent, "Export Report",
                                f"The report could not be written to {path}:\n"
                                f"{exc.strerror or exc}")
            return False
        self.last_folder = os.path.dirname(path)
        self.status_bar.showMessage(f"Report written to {path}", 8000)
        return True

    # --- print -------------------------------------------------------------------

    def print_report(self) -> None:
        """Print the report after the print dialog."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        c = self.comparison()
        if c is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.parent)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            paint_report(self._document(c), printer, footer_text(c))

    def preview_report(self) -> None:
        """Show the report's pages in a print preview (print from there)."""
        dialog = self.preview_dialog()
        if dialog is not None:
            dialog.exec()

    def preview_dialog(self):
        """The print preview dialog of the current report, not yet shown."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        c = self.comparison()
        if c is None:
            return None
        document = self._document(c)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setWindowTitle("Print Preview: Unspin evidence report")
        dialog.paintRequested.connect(lambda device: paint_report(document, device, footer_text(c)))
        # the dialog owns neither: keep both alive as long as it is
        dialog.report_document, dialog.report_printer = document, printer
        dialog.resize(900, 1000)
        return dialog

    def _document(self, c):
        with busy_cursor():
            return report_document(c)


def _folder_of(path: str | None) -> str:
    return save_folder(path)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
