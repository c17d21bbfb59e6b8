"""Find in a pane: a slim bar under the panes (Ctrl+F, Enter, Shift+Enter, Esc)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Emits ``find_requested(text, backward, flags)``; the window searches the active pane."""

    find_requested = Signal(str, bool, object)
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._build_ui()
        self._connect_signals()
        self.setVisible(False)

    def _build_ui(self):
        self.field = QLineEdit(placeholderText="Find in the active pane…", clearButtonEnabled=True)
        self.case = QCheckBox("&Match case")
        self.words = QCheckBox("&Whole words")
        self.previous = QToolButton(text="▲", toolTip="Previous match (Shift+Enter)")
        self.next = QToolButton(text="▼", toolTip="Next match (Enter)")
        self.status = QLabel("")
        self.close_button = QToolButton(text="✕", toolTip="Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:"))
        for w in (self.field, self.previous, self.next, self.case, self.words, self.status):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.close_button)

    def _connect_signals(self):
        self.field.returnPressed.connect(lambda: self.find(backward=False))
        self.next.clicked.connect(lambda: self.find(backward=False))
        self.previous.clicked.connect(lambda: self.find(backward=True))
        self.close_button.clicked.connect(self.close_bar)

    def open_bar(self, text: str = ""):
        """Show the bar and focus the field (pre-filled with *text* if given)."""
        if text:
            self.field.setText(text)
        self.setVisible(True)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self):
        """Hide the bar."""
        self.setVisible(False)
        self.closed.emit()

    def find(self, backward: bool):
        """Ask for the next (or previous) match."""
        if self.field.text():
            self.find_requested.emit(self.field.text(), backward, self.flags(backward))

    def flags(self, backward: bool) -> QTextDocument.FindFlag:
        """The QTextDocument find flags for the current options."""
        flags = QTextDocument.FindFlag(0)
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.words.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        return flags

    def show_result(self, found: bool):
        """Say whether the last search found anything."""
        self.status.setText("" if found else "Not found")

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find(backward=True)
        else:
            super().keyPressEvent(event)
