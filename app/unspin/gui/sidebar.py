"""The swap sidebar: a filter box, a suspicious-only switch and the swap table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from unspin.core.swaps import Swap
from unspin.core.triage import CONFIRMED, DISMISSED, OPEN, Review
from unspin.gui.swap_model import (
    COUNT,
    HEADERS,
    NEW,
    OLD,
    REASON,
    REVIEW,
    SCORE,
    SWAP_ROLE,
    SwapFilterProxy,
    SwapTableModel,
)

_OLD_NEW_WIDTH = 100
#: Old and New each take this base plus this share of the table's width left after the
#: figures, between these bounds; Reason the rest (so Score is never cut off in a narrow
#: window, and Reason gets most of a wide one).
_OLD_NEW_BASE, _OLD_NEW_SHARE = 30, 0.17
_OLD_NEW_MIN, _OLD_NEW_MAX = 50, 170
#: The decision filter's choices: its label and the triage state it keeps (None: all).
DECISION_CHOICES = (("All decisions", None), ("Open", OPEN), ("Confirmed", CONFIRMED), ("Dismissed", DISMISSED))


class SwapTableView(QTableView):
    """A table view that turns Enter / Shift+Enter into a step through occurrences."""

    step_requested = Signal(int)

    def keyPressEvent(self, event):
        """Enter or Return steps forward (+1), with Shift backward (-1)."""
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            backward = bool(event.modifiers() & Qt.ShiftModifier)
            self.step_requested.emit(-1 if backward else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        fit_word_columns(self.horizontalHeader(), self.viewport().width())


def fit_word_columns(header, width: int) -> None:
    """Give Old and New their share of *width* beside Count and Score."""
    rest = width - sum(header.sectionSize(c) for c in (COUNT, SCORE, REVIEW))
    each = int(min(_OLD_NEW_MAX, max(_OLD_NEW_MIN, _OLD_NEW_BASE + rest * _OLD_NEW_SHARE)))
    for column in (OLD, NEW):
        header.resizeSection(column, each)


class SwapSidebar(QWidget):
    """Lists the swaps; tells which one is current and when to step through it."""

    swap_selected = Signal(object)
    step_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SwapTableModel(parent=self)
        self.proxy = SwapFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._noun = ("distinct swap", "distinct swaps")  # in a scan of one text: flagged words
        self._build_ui()
        self._connect_signals()
        self._update_count()

    def _build_ui(self) -> None:
        """Create the widgets and lay them out."""
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter swaps…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter swaps")
        self.filter_edit.setToolTip("Show only swaps whose old or new words contain this text")
        self.suspicious_box = QCheckBox("&Suspicious only", self)
        self.suspicious_box.setToolTip(f"Hide swaps scoring below {self.proxy.threshold:.2f}")
        self.decision_box = QComboBox(self)
        for label, state in DECISION_CHOICES:
            self.decision_box.addItem(label, state)
        self.decision_box.setAccessibleName("Show decisions")
        self.decision_box.setToolTip("Show only the swaps you confirmed, dismissed or left open")
        self.count_label = QLabel(self)
        self.details = QLabel(self, wordWrap=True, textFormat=Qt.RichText, objectName="swap_details")
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details.setMinimumHeight(self.fontMetrics().height() * 4)
        self.details.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.view = SwapTableView(self)
        self._setup_view()
        controls = QHBoxLayout()
        controls.addWidget(self.filter_edit, 1)
        controls.addWidget(self.decision_box)
        controls.addWidget(self.suspicious_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.details)

    def _setup_view(self) -> None:
        """Configure the table: whole-row single selection, read-only, source order."""
        view = self.view
        view.setModel(self.proxy)
        view.setAccessibleName("Swaps")
        view.setSelectionBehavior(QAbstractItemView.SelectRows)
        view.setSelectionMode(QAbstractItemView.SingleSelection)
        view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.ElideRight)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        # Without this, enabling sorting sorts by column 0 at once; -1 keeps the
        # engine's order, and a third click on a header returns to it.
        header.setSortIndicator(-1, Qt.AscendingOrder)
        header.setSortIndicatorClearable(True)
        view.setSortingEnabled(True)
        self._size_columns(header)
        view.setColumnHidden(REVIEW, True)  # until the reviewer decides on a swap

    @staticmethod
    def _size_columns(header: QHeaderView) -> None:
        """Old and New resizable, Count and Score as wide as their titles and figures,
        Reason taking the rest. Not fitted to the contents: that reads every row of a
        book's thousands of swaps each time the list changes."""
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)  # Reason may shrink to nothing before the table scrolls sideways
        header.setTextElideMode(Qt.ElideRight)  # "Likely or…", not a centred middle cut
        for column in (OLD, NEW):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            header.resizeSection(column, _OLD_NEW_WIDTH)
        metrics = header.fontMetrics()
        padding = metrics.horizontalAdvance("M")
        mark = header.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 4
        widths = {COUNT: max(metrics.horizontalAdvance("Count"), metrics.horizontalAdvance("00000")),
                  SCORE: max(metrics.horizontalAdvance("Score"), mark + metrics.horizontalAdvance("0.00")),
                  REVIEW: max(metrics.horizontalAdvance("Review"), metrics.horizontalAdvance("✓ ✎"))}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            # 12: the sort indicator (Review is seldom sorted: its title may give way then)
            header.resizeSection(column, width + padding + (12 if column != REVIEW else 0))
        header.setSectionResizeMode(REASON, QHeaderView.Stretch)

    def _connect_signals(self) -> None:
        """Wire the controls to the proxy and the view to the sidebar's signals."""
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.filter_edit.returnPressed.connect(self._enter_table)
        self.suspicious_box.toggled.connect(self.proxy.set_suspicious_only)
        self.decision_box.currentIndexChanged.connect(
            lambda i: self.proxy.set_state_filter(self.decision_box.itemData(i)))
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.view.step_requested.connect(self.step_requested)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._update_count)

    def set_swaps(self, swaps, headers: tuple[str, str] | None = None, suspicious: int | None = None) -> None:
        """Show *swaps* (in their given order); the current row is cleared. *headers*
        retitles the first two columns (default: Old, New); *suspicious* is how many of
        the swaps score the sidebar's threshold or more, when the caller knows."""
        self.model.set_titles(*(headers or HEADERS[:2]))
        self._noun = ("distinct swap", "distinct swaps") if headers is None else \
            ("distinct flagged word", "distinct flagged words")
        self.model.set_swaps(swaps, suspicious)
        self.details.setText("Select a swap to see why it scores as it does "
                             "and to go to its occurrences (Enter, F3)." if swaps else "")
        self.view.scrollToTop()

    def set_review(self, review: Review) -> None:
        """Show the reviewer's decisions (the Review column, the decision filter, the count)."""
        self.model.set_review(review)
        hidden = self.view.isColumnHidden(REVIEW)
        if hidden == bool(review.marks):  # the column shows once there is a decision to show
            self.view.setColumnHidden(REVIEW, not review.marks)
            fit_word_columns(self.view.horizontalHeader(), self.view.viewport().width())
        self.proxy.invalidate()  # the decision filter and a sort by Review follow the change
        self._update_count()
        swap = self.selected_swap()
        if swap is not None:
            self.details.setText(swap_details(swap, review))

    def selected_swap(self) -> Swap | None:
        """The swap in the current row, or None."""
        index = self.view.currentIndex()
        return index.data(SWAP_ROLE) if index.isValid() else None

    def select_first(self) -> None:
        """Make the first shown row current (which emits :attr:`swap_selected`)."""
        index = self.proxy.index(0, 0)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def focus_filter(self) -> None:
        """Put the keyboard focus in the filter box, its text selected."""
        self.filter_edit.setFocus(Qt.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _enter_table(self) -> None:
        """Return in the filter box moves to the table, on the first row if none is current."""
        if not self.view.currentIndex().isValid():
            self.select_first()
        self.view.setFocus(Qt.OtherFocusReason)

    def show_swap(self, row: int) -> None:
        """Select the swap of model *row* and show its reasons, without navigating to it
        (the window has just shown a change that holds it: Alt+Down)."""
        swap = self.model.swap_at(row)
        self.details.setText(swap_details(swap, self.model.review))
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            selection = self.view.selectionModel()
            blocked = selection.blockSignals(True)
            try:
                selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect
                                          | selection.SelectionFlag.Rows)
            finally:
                selection.blockSignals(blocked)
            self.view.viewport().update()
            self.view.scrollTo(index)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Emit :attr:`swap_selected` with the swap of the new current row."""
        swap = current.data(SWAP_ROLE) if current.isValid() else None
        self.details.setText(swap_details(swap, self.model.review) if swap is not None else "")
        if swap is not None:
            self.swap_selected.emit(swap)

    def _update_count(self, *_args) -> None:
        """Refresh the label: totals, or how many of them the filters let through."""
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        review = self.model.review
        decided = "".join(f", {n} {state}" for state in (CONFIRMED, DISMISSED)
                          if (n := review.count(state)))
        if shown < total:
            self.count_label.setText(f"{shown:,} of {total:,} shown{decided}")
            return
        suspicious = self.model.suspicious_count()
        noun = self._noun[total != 1]
        self.count_label.setText(f"{total:,} {noun}, {suspicious:,} suspicious{decided}")

    def show_judging(self) -> None:
        """Say, in place of the totals, that the swaps are still being judged (the list
        is empty until they are)."""
        self.count_label.setText("Judging the swaps…")


def swap_details(swap: Swap, review: Review | None = None) -> str:
    """Rich text describing *swap*: the words, kind, count, score, every reason, and the
    reviewer's decision and note."""
    reasons = "".join(f"<li>{_html(r.text)}</li>" for r in swap.reasons)
    times = "once" if swap.count == 1 else f"{swap.count} times"
    state, note = (review.state(swap), review.note(swap)) if review else (OPEN, "")
    decision = f" · <b>{state}</b>" if state != OPEN else ""
    note_html = f"<br>Your note: <i>{_html(note)}</i>" if note else ""
    return (f"<b>{_html(swap.old)} → {_html(swap.new)}</b> · {swap.kind} swap, {times} · "
            f"suspicion <b>{swap.score:.2f}</b>{decision}{note_html}<ul style='margin:0'>{reasons}</ul>")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
