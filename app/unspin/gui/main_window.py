"""The main window: two article panes, the verdict, the swap sidebar, menus and jobs."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QFileDialog, QMainWindow, QProgressBar,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from unspin.app_model import AppModel
from unspin.core.documents import Document
from unspin.core.formats import OPEN_FILTER
from unspin.core.resources import seed_paths
from unspin.core.session import is_session_path
from unspin.gui.article_pane import ArticlePane
from unspin.gui.batch_dialog import open_batch_dialog
from unspin.gui.evidence_actions import EvidenceActions
from unspin.gui.find_bar import FindBar
from unspin.gui.find_controller import PaneFinder
from unspin.gui.help_dialog import zoomed
from unspin.gui.jobs import QtRunner
from unspin.gui.link_strip import LinkStrip
from unspin.gui.navigation import Navigator
from unspin.gui.open_requests import FileRouter
from unspin.gui.scan_mode import ScanController
from unspin.gui.scroll_sync import ScrollSync
from unspin.gui.session_controller import SessionController
from unspin.gui.review_controller import ReviewController
from unspin.gui.sidebar import SwapSidebar
from unspin.gui.swap_model import SUSPICIOUS_SCORE
from unspin.gui.task_display import TaskDisplay
from unspin.gui.unspun_view import UnspunView
from unspin.gui.recent_pairs import RecentPairs
from unspin.gui.verdict_bar import VerdictBar
from unspin.gui.window_menus import build_actions, build_menus
from unspin.gui.window_state import restore_window, save_window
from unspin.views import ViewResult

LEFT, RIGHT = 0, 1
#: The verdict and swap list follow a finished comparison's highlights by this much, so
#: that the two repaints do not add up to one long stall (unnoticeable to a reader).
LISTS_DELAY_MS = 25
FILE_FILTER = OPEN_FILTER


class MainWindow(QMainWindow):
    """Shows the comparison of the left (original) and right (copy) documents."""

    comparison_shown = Signal()  # a finished comparison is on screen

    def __init__(self, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.model = AppModel(QtRunner(self))  # documents, the task, the result: all state
        self.model.listeners.append(self)
        self.view: ViewResult | None = None  # the comparison on screen
        self.batch_dialog = None  # File → Compare Against Many…
        self._place = None  # (offset, height) to scroll the left pane back to once compared
        self._pending_lists = None  # (view, generation) shown in the lists once its timer fires
        self._lists_timer = QTimer(self, singleShot=True)
        self._lists_timer.timeout.connect(self._apply_lists)
        self.evidence = EvidenceActions(self.model, self, self.statusBar(), lambda: self.view,
                                        lambda: self.sync.place_of(self.left_pane))
        self.setWindowTitle("Unspin")
        self._build_ui()
        self.display = TaskDisplay(self.model, self.panes, self.verdict_bar, self.statusBar(),
                                   self.progress, self.cancel_button)  # the texts and the task
        self.sessions = SessionController(self.model, self, self.sidebar, self.panes, (
            self.statusBar(), self.clear_side, self.start_comparison, self.comparison_shown))
        # files from a second launch or a file-open event
        self.opener = FileRouter(self.model, self, self.sessions.open_session)
        self.reviews = ReviewController(self.model, self.sidebar, self.settings, self.statusBar(), self)
        build_actions(self)
        build_menus(self)
        self.recent = RecentPairs(self.settings, self.recent_menu, self.open_initial)
        self.finder = PaneFinder(self.panes, self.find_bar)
        self._connect_signals()
        restore_window(self)

    # --- construction ----------------------------------------------------------------

    def _build_ui(self):
        self.verdict_bar = VerdictBar()
        self.left_pane = ArticlePane("Original")
        self.right_pane = ArticlePane("Copy")
        self.panes = (self.left_pane, self.right_pane)
        self.sidebar = SwapSidebar()
        self.pane_splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        self.link_strip = LinkStrip(self.left_pane, self.right_pane)
        self.pane_splitter.addWidget(self.left_pane)
        self.pane_splitter.addWidget(self.link_strip)
        self.pane_splitter.addWidget(self.right_pane)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.pane_splitter)
        self.main_splitter.addWidget(self.sidebar)
        # the swap list keeps about 30 % of the width as the window grows or shrinks
        self.main_splitter.setStretchFactor(0, 7)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setSizes([700, 300])
        self.find_bar = FindBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.verdict_bar)
        layout.addWidget(self.main_splitter, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.progress = QProgressBar(maximumWidth=200, visible=False, textVisible=True)
        self.cancel_button = QPushButton("Cancel", visible=False)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        # as tall with or without the Cancel button: the panes keep their size
        self.statusBar().setMinimumHeight(self.cancel_button.sizeHint().height() + 4)
        self.sync = ScrollSync(self.left_pane, self.right_pane, self)
        self.navigator = Navigator(self.left_pane, self.right_pane, self.sync)
        self.scan = ScanController(self.panes, self.sidebar, self.verdict_bar, self)
        self.left_pane.tooltip_provider = \
            lambda pos: self.navigator.explain(pos, left=True) or self.scan.explain(pos, LEFT)
        self.right_pane.tooltip_provider = \
            lambda pos: self.navigator.explain(pos, left=False) or self.scan.explain(pos, RIGHT)
        self.unspun_view = UnspunView(self)
        self.resize(1300, 820)

    def _connect_signals(self):
        for side, pane in enumerate(self.panes):
            pane.open_requested.connect(lambda s=side: self.choose_file(s))
            pane.file_dropped.connect(lambda path, s=side: self.open_file(s, path))
        self.sidebar.swap_selected.connect(self.select_swap)
        self.sidebar.step_requested.connect(self.step_occurrence)
        self.verdict_bar.swap_requested.connect(self.swap_sides)

    # --- files -----------------------------------------------------------------------

    def open_initial(self, files: list[str]):
        """Open the command line's files; with none, the bundled demo pair."""
        if not files:
            files = [str(p) for p in seed_paths()]
        self.model.open_many(dict(enumerate(files[:2])))

    def choose_file(self, side: int):
        """Ask for a file for one side."""
        start = os.path.dirname(self.documents[side].path) if self.documents[side] and \
            self.documents[side].path else ""
        path, _ = QFileDialog.getOpenFileName(self, f"Open {('left', 'right')[side]} text", start, FILE_FILTER)
        if path:
            self.open_file(side, path)

    def open_file(self, side: int, path: str):
        """A chosen or dropped file: a session opens its pair, a text goes into *side*."""
        if is_session_path(path):
            self.sessions.open_session(path)
        else:
            self.load_file(side, path)

    @property
    def documents(self) -> list[Document | None]:
        """The original and the copy (the model's)."""
        return self.model.documents

    @property
    def generation(self) -> int:
        return self.model.generation

    def clear_side(self, side: int):
        """Empty one pane (its comparison is gone with it)."""
        self.model.set_document(side, None, start=False)
        self.panes[side].hide_error()
        self.verdict_bar.show_message("Open a text on both sides to compare them.")

    def load_file(self, side: int, path: str, compare_now: bool = True):
        """Open *path* in one side in the background (then compare); on failure its pane
        says why and keeps what was there."""
        return self.model.open(side, path, start=compare_now)

    def show_document(self, side: int, document: Document, compare_now: bool = True):
        """Put a loaded or pasted document into one side and compare."""
        self.model.set_document(side, document, start=compare_now)

    def swap_sides(self):
        """Exchange the left and right documents; the copy's place becomes the left pane's."""
        self._place = self.sync.place_of(self.right_pane)
        self.model.swap_sides()

    def set_original_line_breaks(self, original: bool):
        """View → Original Line Breaks: hard-wrapped text as the file breaks it, or (off,
        the default) as paragraphs; the texts are shown and compared again, in place."""
        self.model.set_original_line_breaks(original)
        for pane in self.panes:
            pane.reflow = not original
        self._place = self.sync.place_of(self.left_pane)
        self._forget_view()
        self.display.show_documents(again=True)
        self.start_comparison()

    def reload(self):
        """Read both files again from disk, keeping the reader's place."""
        self._place = self.sync.place_of(self.left_pane)
        self.model.reload()

    # --- comparison ------------------------------------------------------------------

    def _forget_view(self):
        """Drop what was shown of the previous comparison: it no longer matches the texts."""
        self.view = None
        self._lists_timer.stop()  # its verdict and swap list must not follow
        self._pending_lists = None
        self.unspun_view.forget()
        self.scan.stop()
        self.navigator.set_view(None)
        self.sync.set_alignment(())
        self.link_strip.set_alignment(())
        self.sidebar.set_swaps(())
        for pane in self.panes:
            pane.highlighter.clear()

    def start_comparison(self):
        """Compare the two documents (or scan the one open) in the background, once the
        panes have their texts in; a newer request replaces an older one."""
        if self.model.start() is None:
            self.verdict_bar.show_message("Open a second text to compare it with the first.")

    def cancel_comparison(self):
        """Stop the running comparison."""
        self.model.cancel()

    # --- what the model tells ------------------------------------------------------

    def documents_changed(self):
        self._forget_view()  # before the panes take the new texts
        self.display.show_documents()

    def task_started(self, task):
        if task.kind == "scan":
            side = self.model.scanned_side
            self.scan.begin(side, self.documents[side])
        elif task.kind == "compare":
            self.recent.remember(*self.documents)

    def result_ready(self, result):
        if isinstance(result, ViewResult):
            self.apply_view(result)
        else:
            self.scan.show(result)

    def preview_ready(self, view: ViewResult):
        """A long pair's changes, shown while its swaps are judged (the reader's place is
        kept for the result)."""
        self._show_changes(view, self._place)
        self.sidebar.show_judging()

    def apply_view(self, view: ViewResult):
        """Show a finished comparison: the texts' highlights at once, the verdict and the
        swap list on the next turn of the event loop (repainting all of it in one go held
        the UI thread 30-40 ms on a book)."""
        c = view.comparison
        self.left_pane.set_words(c.stats.old_words)
        self.right_pane.set_words(c.stats.new_words)
        place, self._place = self._place, None
        self._show_changes(view, place)
        # after the panes' repaint, not in the same one (a zero timer came before it); the
        # timer is the window's, so it dies with it
        self._pending_lists = (view, self.generation)
        self._lists_timer.start(LISTS_DELAY_MS)

    def _show_changes(self, view: ViewResult, place) -> None:
        """The texts' highlights, the linked scrolling and the change navigator of *view*;
        the panes lined up at the reader's *place* (after Reload or Swap Sides), if any."""
        c, h = view.comparison, view.highlights
        self.left_pane.set_offsets(view.old_offsets)
        self.right_pane.set_offsets(view.new_offsets)
        self.left_pane.highlighter.set_layers((h.old_ops, h.old_swaps), self.left_pane.offsets)
        self.right_pane.highlighter.set_layers((h.new_ops, h.new_swaps), self.right_pane.offsets)
        self.sync.set_alignment(c.alignment, view.rows)
        self.link_strip.set_alignment(c.alignment, view.block_starts[0])
        self.navigator.set_view(view)
        if place is not None:
            self.sync.go_to_place(self.left_pane, place)
        else:
            self.sync.sync_from(self.left_pane)

    @property
    def lists_pending(self) -> bool:
        """True in the moment between a comparison's highlights and its verdict and list."""
        return self._pending_lists is not None

    def _apply_lists(self):
        if self._pending_lists is None:
            return
        view, generation = self._pending_lists
        self._pending_lists = None
        if generation != self.generation:
            return  # a newer comparison has started since
        self.view = view
        self.verdict_bar.show_comparison(view.comparison)
        c = view.comparison
        # the window compares with the engine's threshold: its count is the list's, unless changed
        counted = c.stats.distinct_suspicious if self.sidebar.proxy.threshold == SUSPICIOUS_SCORE else None
        self.sidebar.set_swaps(c.swaps, suspicious=counted)
        self.comparison_shown.emit()
        self.unspun_view.view_changed(view)

    def compare_against_many(self, paths: list[str] | None = None):
        """Rank suspect copies against the left text; *paths* instead of asking for them."""
        return open_batch_dialog(self, paths)

    # --- navigation ------------------------------------------------------------------

    def select_swap(self, swap):
        """Take both panes to the first occurrence of *swap*."""
        if swap is not None and self.view is not None:
            self.statusBar().showMessage(self.navigator.select_swap(swap))
        elif swap is not None and self.scan.active:
            self.statusBar().showMessage(self.scan.select(swap))

    def step_occurrence(self, step: int):
        """Next or previous occurrence of the selected swap."""
        if self.view is not None:
            self.statusBar().showMessage(self.navigator.step_occurrence(step))
        elif self.scan.active:
            self.statusBar().showMessage(self.scan.step(step))

    def step_change(self, step: int):
        """Next or previous change (Alt+Down / Alt+Up)."""
        if self.view is not None:
            self.statusBar().showMessage(self.navigator.step_change(step))
            row = self.navigator.swap_of_change()
            if row is not None:  # the reasons panel follows
                self.sidebar.show_swap(row)

    # --- view ------------------------------------------------------------------------

    def zoom(self, step: int):
        """Make the text bigger (+1), smaller (-1) or the default size (0)."""
        self.set_text_font(zoomed(self.text_font(), step))

    def text_font(self) -> QFont:
        """The font of both panes."""
        return self.left_pane.editor.font()

    def set_text_font(self, font: QFont):
        """Use *font* in both panes, keeping the reader's place."""
        self.sync.set_font(font)

    def changeEvent(self, event):
        if event.type() == event.Type.PaletteChange:  # a dark or light palette
            self.verdict_bar.update_legend()
            for pane in self.panes:
                pane.highlighter.refresh()
        super().changeEvent(event)

    def closeEvent(self, event):
        self._lists_timer.stop()
        self.cancel_comparison()
        if self.batch_dialog is not None:
            self.batch_dialog.cancel()
        self.scan.stop()
        QThreadPool.globalInstance().waitForDone(3000)  # cancelled jobs stop within moments
        save_window(self)
        super().closeEvent(event)
