"""The swap list as a Qt table model, and the proxy that filters and sorts it."""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRegularExpression, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from unspin.core.scoring import SUSPICIOUS
from unspin.core.swaps import Swap
from unspin.core.triage import CONFIRMED, DISMISSED, OPEN, Review

#: Sort key of a cell: a number for Count and Score, case-folded text otherwise.
SORT_ROLE = Qt.UserRole + 1
#: The row's :class:`~unspin.core.swaps.Swap` itself.
SWAP_ROLE = Qt.UserRole + 2
#: What the filters read: a suspicion mark, the reviewer's decision and the words (see
#: :func:`filter_key`).
FILTER_ROLE = Qt.UserRole + 3
#: Score from which a swap counts as suspicious: the engine's, so that a comparison's own
#: count of suspicious swaps is the list's.
SUSPICIOUS_SCORE = SUSPICIOUS

OLD, NEW, COUNT, SCORE, REVIEW, REASON = range(6)
HEADERS = ("Old", "New", "Count", "Score", "Review", "Reason")
HEADER_TIPS = (
    "The words in the original article",
    "What the spun copy has in their place",
    "How many times the swap is made",
    "How suspicious the swap is: 0 is innocent, 1 is typical of a spinner",
    "Your decision: C confirms the swap as evidence, X dismisses it, O leaves it open, N adds a note",
    "The most telling reason for the score (hover a row for all of them)",
)
NUMERIC = (COUNT, SCORE)
#: The Review column's marks: confirmed, dismissed (a pencil follows when there is a note).
REVIEW_MARKS = {CONFIRMED: "✓", DISMISSED: "✗"}
_STATE_ORDER = {CONFIRMED: 0, OPEN: 1, DISMISSED: 2}
_DECISION_TIPS = {CONFIRMED: "\nYou confirmed it as evidence.", DISMISSED: "\nYou dismissed it."}
# A saturated mid-tone: visible as a marker on light and on dark backgrounds alike.
_SUSPICIOUS_MARK = QColor(214, 69, 65)
# Roles and flags as plain values, made once: data() runs for every cell the view sizes
# or sorts, and combining Qt enums in Python costs microseconds each time.
_DISPLAY, _TOOLTIP, _ALIGNMENT, _DECORATION = (
    Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.ToolTipRole.value,
    Qt.ItemDataRole.TextAlignmentRole.value, Qt.ItemDataRole.DecorationRole.value)
_SORT, _SWAP, _FILTER = int(SORT_ROLE), int(SWAP_ROLE), int(FILTER_ROLE)
_RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_GENERIC_CODE = "different_word"
#: Reasons about the whole document, not this swap: shown first only when nothing else is.
_DOCUMENT_CODES = ("pattern", "consistent")


def headline_reason(swap: Swap) -> str:
    """The most informative reason of *swap*: the weightiest one about the swap itself,
    else the weightiest about the document, else the first."""
    specific = [r for r in swap.reasons if r.code != _GENERIC_CODE]
    own = [r for r in specific if r.code not in _DOCUMENT_CODES]
    if own or specific:
        return max(own or specific, key=lambda r: r.weight).text
    return swap.reasons[0].text if swap.reasons else ""


def swap_tooltip(swap: Swap) -> str:
    """Every reason of *swap* on its own line, under its kind and count."""
    times = "once" if swap.count == 1 else f"{swap.count} times"
    lines = [f"{swap.kind} swap, made {times}, score {swap.score:.2f}"]
    lines += [f"• {r.text} ({r.weight:+.2f})" for r in swap.reasons]
    return "\n".join(lines)


def filter_key(swap: Swap, state: str, threshold: float = SUSPICIOUS_SCORE) -> str:
    """The text the filters match: "S" for a swap scoring *threshold* or more ("-" if
    not), the first letter of the reviewer's decision, then the old and the new words
    case-folded on one line each, after tabs."""
    mark = "S" if swap.score >= threshold else "-"
    return f"{mark}{state[:1]}\t{_one_line(swap.old).casefold()}\t{_one_line(swap.new).casefold()}"


def _one_line(text: str) -> str:
    """*text* with its whitespace runs (line breaks included) collapsed to spaces."""
    return " ".join(text.split())


class SwapTableModel(QAbstractTableModel):
    """Read-only table of swaps: Old, New, Count, Score, Reason."""

    def __init__(self, swaps=(), parent=None):
        super().__init__(parent)
        self._swaps: tuple[Swap, ...] = tuple(swaps)
        self._cells: dict[int, tuple[str, ...]] = {}  # display texts of the rows shown so far
        self._titles = HEADERS[:2]  # a scan of one text shows "Likely original", "Word"
        self.threshold = SUSPICIOUS_SCORE  # what "suspicious" means to the filters and the count
        self._suspicious: int | None = None  # how many swaps score threshold or more
        self.review = Review()  # the reviewer's triage, shown in the Review column

    def set_titles(self, old: str, new: str) -> None:
        """Titles of the first two columns."""
        if (old, new) != self._titles:
            self._titles = (old, new)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, OLD, NEW)

    def set_swaps(self, swaps, suspicious: int | None = None) -> None:
        """Replace all the swaps (a model reset); *suspicious*, when known, is how many
        score the threshold or more (counting a book's swaps here takes 50 ms)."""
        self.beginResetModel()
        self._swaps = tuple(swaps)
        self._cells.clear()
        self._suspicious = suspicious
        self.endResetModel()

    def set_threshold(self, threshold: float) -> None:
        """Count swaps scoring *threshold* or more as suspicious (the proxy re-filters)."""
        self.threshold = threshold
        self._suspicious = None

    def suspicious_count(self) -> int:
        """How many of the swaps score at least the threshold (counted once a list, in C:
        a book has 350,000 swaps)."""
        if self._suspicious is None:
            self._suspicious = sum(map(self.threshold.__le__, map(attrgetter("score"), self._swaps)))
        return self._suspicious

    def set_review(self, review: Review) -> None:
        """Show *review*'s decisions (the Review column, its notes in tooltips)."""
        self.review = review
        self._cells.clear()
        if self._swaps:
            self.dataChanged.emit(self.index(0, REVIEW), self.index(len(self._swaps) - 1, REVIEW))

    def swap_at(self, row: int) -> Swap:
        """The swap shown in *row*."""
        return self._swaps[row]

    def rowCount(self, parent=QModelIndex()):
        """Number of swaps (no children: this is a flat table)."""
        return 0 if parent.isValid() else len(self._swaps)

    def columnCount(self, parent=QModelIndex()):
        """Number of columns (none under a valid parent)."""
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index):
        """Cells are enabled and selectable, never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS

    def data(self, index, role=_DISPLAY):
        """The value of one cell for *role*."""
        row = index.row()
        if not 0 <= row < len(self._swaps) or not index.isValid():
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._row_texts(row)[column]
        swap = self._swaps[row]
        if role == _SORT:
            if column == REVIEW:  # confirmed first, then open, then dismissed; notes within
                return 2 * _STATE_ORDER[self.review.state(swap)] + (not self.review.note(swap))
            return self._sort_key(swap, column)
        if role == _SWAP:
            return swap
        if role == _FILTER:
            return filter_key(swap, self.review.state(swap), self.threshold)
        if role == _TOOLTIP:
            state, note = self.review.state(swap), self.review.note(swap)
            decision = _DECISION_TIPS.get(state, "")
            return swap_tooltip(swap) + decision + (f"\nYour note: {note}" if note else "")
        if role == _ALIGNMENT and column in NUMERIC:
            return _RIGHT_ALIGNED
        if role == _DECORATION and column == SCORE and swap.score >= SUSPICIOUS_SCORE:
            return _SUSPICIOUS_MARK
        return None

    def _row_texts(self, row: int) -> tuple[str, ...]:
        texts = self._cells.get(row)
        if texts is None:
            swap = self._swaps[row]
            texts = self._cells[row] = tuple(self._review_text(swap) if c == REVIEW else self._display(swap, c)
                                             for c in range(len(HEADERS)))
        return texts

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        """Column titles and their tooltips; numeric columns first sort descending."""
        if orientation != Qt.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.DisplayRole:
            return self._titles[section] if section in (OLD, NEW) else HEADERS[section]
        if role == Qt.ToolTipRole:
            return HEADER_TIPS[section]
        if role == Qt.TextAlignmentRole and section in NUMERIC:
            return Qt.AlignRight | Qt.AlignVCenter
        if role == Qt.InitialSortOrderRole:
            return Qt.DescendingOrder if section in NUMERIC else Qt.AscendingOrder
        return None

    def _review_text(self, swap: Swap) -> str:
        state, note = self.review.state(swap), self.review.note(swap)
        return REVIEW_MARKS.get(state, "") + (" ✎" if note else "")

    @staticmethod
    def _display(swap: Swap, column: int) -> str:
        """The text shown in *column* for *swap*."""
        if column == OLD:
            return _one_line(swap.old)
        if column == NEW:
            return _one_line(swap.new)
        if column == COUNT:
            return f"{swap.count:,}"
        if column == SCORE:
            return f"{swap.score:.2f}"
        return headline_reason(swap)

    @staticmethod
    def _sort_key(swap: Swap, column: int):
        """A number for Count and Score, case-folded display text otherwise."""
        if column == COUNT:
            return swap.count
        if column == SCORE:
            return float(swap.score)
        return SwapTableModel._display(swap, column).casefold()


class SwapFilterProxy(QSortFilterProxyModel):
    """Filters swaps by text, suspicion and decision; sorts by :data:`SORT_ROLE`, ties on
    count.

    It starts unsorted (sort column -1): rows keep the engine's order, most
    suspicious-times-frequent first. The filters are one regular expression over each
    row's :func:`filter_key`, matched by Qt itself: with no filter on, the expression is
    empty and Qt lets every row through without asking Python (a Python
    ``filterAcceptsRow`` was called for each of a book's 350,000 rows whenever the list
    changed, a 0.2 s freeze).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""
        self._suspicious_only = False
        self._state: str | None = None  # show only swaps in this triage state
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(OLD)
        self.setDynamicSortFilter(True)

    @property
    def threshold(self) -> float:
        """Score from which a swap is suspicious (the source model's)."""
        model = self.sourceModel()
        return model.threshold if model is not None else SUSPICIOUS_SCORE

    @threshold.setter
    def threshold(self, value: float) -> None:
        self.sourceModel().set_threshold(value)
        if self._suspicious_only:  # the same expression, other rows
            if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated from 6.10
                self.beginFilterChange()
                self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            else:
                self.invalidateFilter()

    def filter_text(self) -> str:
        """The current (case-folded) filter text."""
        return self._needle

    def suspicious_only(self) -> bool:
        """Whether only swaps scoring at least :attr:`threshold` are kept."""
        return self._suspicious_only

    def set_filter_text(self, text: str) -> None:
        """Keep only swaps whose old or new text contains *text*, ignoring case."""
        needle = " ".join((text or "").casefold().split())
        if needle != self._needle:
            self._needle = needle
            self._apply_filters()

    def set_suspicious_only(self, flag: bool) -> None:
        """Keep only swaps scoring at least :attr:`threshold` when *flag* is true."""
        if bool(flag) != self._suspicious_only:
            self._suspicious_only = bool(flag)
            self._apply_filters()

    def set_state_filter(self, state: str | None) -> None:
        """Keep only swaps the reviewer left in *state* (None: all)."""
        if state != self._state:
            self._state = state
            self._apply_filters()

    def _apply_filters(self) -> None:
        """Re-filter the rows by an expression over :func:`filter_key` (empty: no filter)."""
        pattern = ""
        if self._suspicious_only or self._state is not None or self._needle:
            mark = "S" if self._suspicious_only else "."
            state = QRegularExpression.escape(self._state[:1]) if self._state is not None else "."
            words = f"[^\\t]*{QRegularExpression.escape(self._needle)}" if self._needle else ""
            pattern = f"^{mark}{state}.*\\t{words}"
        self.setFilterRegularExpression(QRegularExpression(pattern))

    def lessThan(self, left, right):
        """Compare by sort key; ties fall back to count, then score, then engine order."""
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a != b:
            return a < b
        return self._tie_key(left) < self._tie_key(right)

    def _tie_key(self, index) -> tuple[int, float, int]:
        """Count, score, then source row, so that full ties keep the engine's order.

        Qt sorts descending by swapping the arguments of :meth:`lessThan`, so the row
        is negated then; left to Qt, ties keep the previous sort's order instead.
        """
        swap = index.data(SWAP_ROLE)
        row = index.row() if self.sortOrder() == Qt.AscendingOrder else -index.row()
        return (swap.count, swap.score, row) if swap is not None else (0, 0.0, row)
