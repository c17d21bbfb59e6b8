"""The ranking of many copies as a Qt table model (rows arrive as the copies are compared)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from unspin.core.batch import CopyResult
from unspin.core.batch_report import top_swaps_text

#: Sort key of a cell: a number for numeric columns, case-folded text otherwise.
SORT_ROLE = Qt.UserRole + 1
#: The row's :class:`~unspin.core.batch.CopyResult` itself.
ROW_ROLE = Qt.UserRole + 2

COPY, CLASS, SPIN, SWAPPED, SWAPS, SUSPICIOUS, NETWORK, TOP = range(8)
HEADERS = ("Copy", "Class", "Spin", "Swapped", "Swaps", "Suspicious", "Network", "Top swaps")
HEADER_TIPS = (
    "The suspect copy (hover for its full path)",
    "What the copy is: not-a-copy, verbatim, edited, paraphrased or spun",
    "Spin score: 0 is ordinary editing, 1 is certainly spun",
    "Share of the original's words replaced in the copy",
    "Word swaps in the copy",
    "Swaps typical of a synonym spinner",
    "Copies in one network swapped the same words for the same words: one spinner's work",
    "The copy's most telling swaps",
)
NUMERIC = (SPIN, SWAPPED, SWAPS, SUSPICIOUS)


class BatchTableModel(QAbstractTableModel):
    """Read-only table of ranked copies; ``add_row`` appends as results come in."""

    def __init__(self, rows=(), parent=None):
        super().__init__(parent)
        self._rows: list[CopyResult] = list(rows)

    def add_row(self, row: CopyResult) -> None:
        """Append one compared copy."""
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(row)
        self.endInsertRows()

    def set_rows(self, rows) -> None:
        """Replace every row (a model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> tuple[CopyResult, ...]:
        """All the rows, in arrival order."""
        return tuple(self._rows)

    def paths(self) -> set[str]:
        """The paths of the copies in the table."""
        return {r.path for r in self._rows}

    def rowCount(self, parent=QModelIndex()):
        """Number of copies (a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        """Number of columns (none under a valid parent)."""
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index):
        """Cells are enabled and selectable, never editable."""
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def data(self, index, role=Qt.DisplayRole):
        """The value of one cell for *role*."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.DisplayRole:
            return _display(row, column)
        if role == SORT_ROLE:
            return _sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ToolTipRole:
            return f"{row.path}\n{row.verdict}"
        if role == Qt.TextAlignmentRole and column in NUMERIC:
            return Qt.AlignRight | Qt.AlignVCenter
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        """Column titles and tips; numeric columns first sort descending."""
        if orientation != Qt.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.DisplayRole:
            return HEADERS[section]
        if role == Qt.ToolTipRole:
            return HEADER_TIPS[section]
        if role == Qt.InitialSortOrderRole:
            return Qt.DescendingOrder if section in NUMERIC else Qt.AscendingOrder
        return None


def _display(row: CopyResult, column: int) -> str:
    return (row.name, row.classification, f"{row.spin_score:.2f}", f"{row.pct_substituted:.1f}%",
            f"{row.swaps:,}", f"{row.suspicious_swaps:,}", f"N{row.network}" if row.network else "",
            top_swaps_text(row, 3))[column]


def _sort_key(row: CopyResult, column: int):
    return (row.name.casefold(), row.classification, row.spin_score, row.pct_substituted, row.swaps,
            row.suspicious_swaps, row.network or 0, top_swaps_text(row).casefold())[column]


def ranking_proxy(model: BatchTableModel, parent=None) -> QSortFilterProxyModel:
    """A proxy sorting the ranking on the numbers, most spun first."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(True)  # rows arriving later take their place in the ranking
    proxy.sort(SPIN, Qt.DescendingOrder)
    return proxy
