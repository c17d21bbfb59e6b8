"""File → Compare Against Many…: rank suspect copies against the left document.

The copies are compared in worker processes (``core.batch``) driven from the window's
one kind of background task (:class:`unspin.tasks.TaskSlot` on a ``QtRunner``);
rows appear in the table as they come in and sort themselves by spin score. Activating a
row (Enter, double-click, Open Beside Original) opens that copy in the right pane beside
the original. ``add_paths`` is the one way copies come in: the file choosers call it,
and so can tests and other callers.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog,
                               QLabel, QProgressBar, QPushButton, QTableView, QVBoxLayout)

from unspin.core.batch import (BatchResult, CopyResult, Skipped, expand_copies, rank_copies,
                               with_networks)
from unspin.core.batch_report import to_csv, to_json, to_text
from unspin.core.documents import Document
from unspin.core.fetch import is_url
from unspin.core.formats import OPEN_FILTER
from unspin.core.judgement import CLASSES
from unspin.core.report import write_atomic
from unspin.gui.jobs import QtRunner
from unspin.gui.save_dialogs import save_folder
from unspin.tasks import TaskSlot
from unspin.gui.batch_model import CLASS, ROW_ROLE, SPIN, BatchTableModel, ranking_proxy

COPY_FILTER = OPEN_FILTER
SAVE_FILTERS = {"CSV (*.csv)": to_csv, "JSON (*.json)": to_json, "Text (*.txt)": to_text}
SKIPPED_SHOWN = 4


def rank_in_background(original: Document, files: list[str], jobs: int | None, *,
                       should_cancel, progress) -> BatchResult:
    """Rank *files* against *original* as a background task; each copy's row (or why it
    was skipped) goes out as a progress payload ``(done, total, outcome)``."""
    return rank_copies(original, files, jobs=jobs, should_cancel=should_cancel,
                       progress=lambda done, total, outcome: progress(done / total, (done, total, outcome)))


class BatchDialog(QDialog):
    """The ranking of copies of one original; emits ``copy_chosen(path)``."""

    copy_chosen = Signal(str)
    #: Worker processes (None: one per core).
    jobs: int | None = None

    def __init__(self, original: Document, parent=None):
        super().__init__(parent)
        self.original = original
        self.skipped: list[Skipped] = []
        self.slot = TaskSlot(QtRunner(self))  # the ranking under way
        self._ranking: list[str] = []  # its copies
        self.language = ""
        self._queue: list[str] = []
        self._done = self._total = 0
        self.setWindowTitle(f"Compare Against Many — {original.name}")
        self._build_ui()
        self._connect_signals()
        self.resize(860, 480)

    def _build_ui(self):
        self.intro = QLabel(f"Suspect copies of <b>{_escape(self.original.name)}</b>, most spun "
                            "first. Add files or a folder; open a copy with Enter or a double-click.",
                            wordWrap=True)
        self.add_files_button = QPushButton("Add &Files…", autoDefault=False)
        self.add_folder_button = QPushButton("Add F&older…", autoDefault=False)
        self.add_urls_button = QPushButton("Add &Web Addresses…", autoDefault=False)
        self.progress = QProgressBar(visible=False, textVisible=True, maximumWidth=220)
        self.cancel_button = QPushButton("&Cancel", visible=False, autoDefault=False)
        self.model = BatchTableModel(parent=self)
        self.proxy = ranking_proxy(self.model, self)
        self.table = QTableView(sortingEnabled=True, alternatingRowColors=True, wordWrap=False)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(SPIN, Qt.SortOrder.DescendingOrder)
        # the class column fits its longest value from the start, not the rows seen so far
        self.table.horizontalHeader().setSectionResizeMode(CLASS, QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().resizeSection(
            CLASS, self.table.fontMetrics().horizontalAdvance(max(CLASSES, key=len)) + 16)
        self.status = QLabel("", wordWrap=True)
        self.skipped_label = QLabel("", wordWrap=True, visible=False)
        self.open_button = QPushButton("Open &Beside Original", default=True, enabled=False)
        self.save_button = QPushButton("&Save Ranking…", autoDefault=False, enabled=False)
        self.close_button = QPushButton("Close", autoDefault=False)
        top = QHBoxLayout()
        for widget in (self.add_files_button, self.add_folder_button, self.add_urls_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for widget in (self.save_button, self.open_button, self.close_button):
            bottom.addWidget(widget)
        layout = QVBoxLayout(self)
        for part in (self.intro, top, self.table, self.skipped_label, bottom):
            layout.addLayout(part) if isinstance(part, QHBoxLayout) else layout.addWidget(part)

    def _connect_signals(self):
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.add_urls_button.clicked.connect(self.choose_urls)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_current)
        self.save_button.clicked.connect(self.choose_save_path)
        self.close_button.clicked.connect(self.close)
        # Enter reaches the default button (Open); a double-click comes here
        self.table.doubleClicked.connect(lambda _: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.open_button.setEnabled(current.isValid()))

    # --- copies in ---------------------------------------------------------------

    def choose_files(self):
        """Ask for copy files."""
        paths, _ = QFileDialog.getOpenFileNames(self, "Add suspect copies", self._start_folder(), COPY_FILTER)
        if paths:
            self.add_paths(paths)

    def choose_folder(self):
        """Ask for a folder of copies."""
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of suspect copies", self._start_folder())
        if folder:
            self.add_paths([folder])

    def choose_urls(self):
        """Ask for web addresses of copies, one a line (each page is fetched as it is compared)."""
        text = self.ask_urls(self)
        lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
        self._note_skipped([Skipped(line, "not a web address (http:// or https://)")
                            for line in lines if not is_url(line)])
        urls = [line for line in lines if is_url(line)]
        if urls:
            self.add_paths(urls)

    @staticmethod
    def ask_urls(parent) -> str | None:
        text, ok = QInputDialog.getMultiLineText(
            parent, "Add Web Addresses", "Web addresses of suspect copies, one a line "
            "(each page's address, time and digest are kept):")
        return text if ok else None

    def _start_folder(self) -> str:
        return os.path.dirname(self.original.path) if self.original.path else ""

    def add_paths(self, paths):
        """Rank these files and folders' files too (those already ranked are left out)."""
        files, missing = expand_copies(self.original.path or "", paths)
        self._note_skipped(missing)
        known = self.model.paths() | set(self._queue) | set(self._ranking if self.running else ())
        files = [f for f in files if os.path.abspath(f) not in known and f not in known]
        if not files:
            if not missing:
                self.status.setText("Those copies are in the ranking already.")
            return
        self._queue += files
        if not self.running:
            self._start_next()

    @property
    def running(self) -> bool:
        """True while copies are being compared."""
        return self.slot.running

    def _start_next(self):
        files, self._queue = self._queue, []
        self._done, self._total = 0, len(files)
        self._ranking = files
        self.slot.start("batch", rank_in_background, (self.original, files, self.jobs),
                        self._on_finished, self._on_failed, self._on_copy_done)
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.progress.setFormat(f"%v of {len(files)} copies")
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.status.setText(f"Comparing {len(files)} copies with {self.original.name}…")

    # --- results -----------------------------------------------------------------

    def _on_copy_done(self, _fraction: float, row):
        done, _total, outcome = row
        self.progress.setValue(done)
        if isinstance(outcome, CopyResult):
            self.model.add_row(outcome)
            self.save_button.setEnabled(True)
        else:
            self._note_skipped([outcome])

    def _on_finished(self, result: BatchResult):
        self._end_job()
        self.language = result.language
        rows, networks = with_networks(self.model.rows())  # over every copy in the ranking
        self.model.set_rows(rows)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)  # the most spun copy, ready for Enter
            self.table.setFocus()
        verb = "ranked" if result.completed else "ranked before you cancelled"
        self.status.setText(f"{len(result.rows)} copies {verb} in {result.seconds:.2f} s "
                            f"({result.workers} process{'es' if result.workers > 1 else ''}); "
                            f"{self.model.rowCount()} in the ranking"
                            + (f", {len(networks)} copy network{'s' if len(networks) != 1 else ''}."
                               if networks else "."))
        if self._queue:  # added while this job ran, or after it was cancelled (cancel empties it)
            self._start_next()

    def _on_failed(self, message: str):
        self._end_job()
        self.status.setText(f"The comparison failed: {message}")

    def _end_job(self):
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _note_skipped(self, skipped):
        """List the skipped copies with their reasons (the first few; all in the tooltip)."""
        self.skipped += list(skipped)
        if not self.skipped:
            return
        lines = [f"{os.path.basename(s.path) or s.path}: {s.reason}" for s in self.skipped]
        more = len(lines) - SKIPPED_SHOWN
        shown = "; ".join(lines[:SKIPPED_SHOWN]) + (f"; and {more} more" if more > 0 else "")
        self.skipped_label.setText(f"Skipped {len(lines)}: {_escape(shown)}")
        self.skipped_label.setToolTip("\n".join(f"{s.path}: {s.reason}" for s in self.skipped))
        self.skipped_label.setVisible(True)

    def cancel(self):
        """Stop the running comparisons (the rows in so far stay)."""
        self._queue = []
        self.slot.cancel()

    # --- copies out -----------------------------------------------------------------

    def current_row(self) -> CopyResult | None:
        """The selected copy's row."""
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def open_current(self):
        """Open the selected copy beside the original."""
        row = self.current_row()
        if row is not None:
            self.copy_chosen.emit(row.path)

    def result(self) -> BatchResult:
        """The ranking shown, most spun first, with the skipped copies."""
        rows = sorted(self.model.rows(), key=lambda r: (-r.spin_score, -r.pct_substituted, r.path))
        rows, networks = with_networks(rows)
        return BatchResult(original=self.original, language=self.language, rows=rows,
                           skipped=tuple(self.skipped), networks=networks)

    def choose_save_path(self):
        """Ask where to save the ranking (CSV, JSON or text, by the chosen filter)."""
        path, chosen = QFileDialog.getSaveFileName(self, "Save the ranking", save_folder(self.original.path),
                                                   ";;".join(SAVE_FILTERS))
        if path:
            self.save_ranking(path, SAVE_FILTERS.get(chosen))

    def save_ranking(self, path: str, render=None):
        """Write the ranking to *path* (format from the extension unless *render* is given)."""
        ext = os.path.splitext(path)[1].lower()
        render = render or {".json": to_json, ".txt": to_text}.get(ext, to_csv)
        result = self.result()
        compared = [self.original.path, *(row.path for row in result.rows),
                    *(skipped.path for skipped in result.skipped)]
        try:
            write_atomic(path, render(result), inputs=compared)
        except OSError as exc:
            self.status.setText(f"Could not save {path}: {exc.strerror or exc}")
            return False
        self.status.setText(f"Ranking saved to {path}")
        return True

    def closeEvent(self, event):
        self.cancel()
        super().closeEvent(event)

    def reject(self):  # Escape
        self.cancel()
        super().reject()


def open_batch_dialog(window, paths=None) -> BatchDialog | None:
    """Show the ranking dialog for the window's left document; ask for copies unless
    *paths* are given. Reuses the open dialog while the original is the same."""
    original = window.documents[0]
    if original is None:
        window.statusBar().showMessage("Open the original in the left pane first, then compare "
                                       "it against many copies.")
        return None
    dialog = getattr(window, "batch_dialog", None)
    if dialog is None or not _same_document(dialog.original, original):
        if dialog is not None:
            dialog.close()
        dialog = window.batch_dialog = BatchDialog(original, window)
        dialog.copy_chosen.connect(lambda path: open_beside(window, dialog.original, path))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    if paths is not None:
        dialog.add_paths(paths)
    elif dialog.model.rowCount() == 0 and not dialog.running:
        QTimer.singleShot(0, dialog.choose_files)
    return dialog


def open_beside(window, original: Document, path: str):
    """Open the copy at *path* in the right pane, with *original* in the left."""
    paths = {1: path}
    model = window.model
    left_changes = model.pending.get(0, original.path) != original.path  # another file is opening there
    if original.path and (left_changes or not _same_document(window.documents[0], original)):
        paths[0] = original.path
    window.model.open_many(paths)  # read in the background; a failure shows in its pane
    window.activateWindow()
    window.raise_()


def _same_document(a: Document | None, b: Document) -> bool:
    """The same text from the same file (a reload of an unchanged file counts)."""
    return a is b or (a is not None and a.path == b.path and a.sha256 == b.sha256)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
