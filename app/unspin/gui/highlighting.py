"""Highlights drawn as extra selections, only for what is on screen.

Measured on a 10 MB pair: extra selections for all 421k ranges took 17 s and 1.3 s per
repaint, a QSyntaxHighlighter froze the UI for 1.35 s. Asking the engine's layers for the
ranges in the visible stretch and setting just those keeps every update to a few hundred
selections, whatever the size of the text.
"""

from __future__ import annotations

from contextlib import nullcontext

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from unspin.core.highlights import (CHANGED, DELETED, INSERTED, MINOR, RESTORED, SUSPICIOUS,
                                    SWAP, Layer)
from unspin.gui.offsets import OffsetMap

# (light palette, dark palette) background colours per tag, and the current-mark colour
COLOURS = {
    CHANGED: ("#e4dcff", "#463a66"),
    DELETED: ("#ffc9c9", "#6e2a30"),
    INSERTED: ("#c6efc6", "#1f5a2a"),
    SWAP: ("#ffe98a", "#665a1a"),
    SUSPICIOUS: ("#ffa47a", "#8f3a1c"),
    MINOR: ("#e3e3e3", "#4a4a4a"),
    RESTORED: ("#9ee0ec", "#1d5866"),  # the unspun view: a word put back to the original's
}
MARK = ("#3d8bfd", "#5c9dff")
#: The underline of deleted text (light, dark palette).
DELETED_LINE = ("#b3261e", "#ff8a80")
LABELS = {SUSPICIOUS: "suspicious swap", SWAP: "swap", MINOR: "case / punctuation",
          CHANGED: "reworded", DELETED: "deleted", INSERTED: "inserted",
          RESTORED: "restored (unspun)"}
#: Least number of characters formatted beyond the visible stretch on either side; the
#: reach is one screenful when that is more, so that scrolling within it needs no new
#: selections and Qt just moves the pixels (a new set repaints the whole pane).
MARGIN = 300


def is_dark(palette: QPalette) -> bool:
    """True for a dark colour scheme (light text on a dark base)."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colour(tag: int, dark: bool) -> QColor:
    """The background colour of a highlight tag in a light or dark palette."""
    return QColor(COLOURS[tag][1 if dark else 0])


class PaneHighlighter:
    """Keeps the extra selections of one editor in step with what it shows."""

    def __init__(self, editor: QPlainTextEdit):
        self.editor = editor
        self.layers: tuple[Layer, ...] = ()
        self.offsets = OffsetMap("")
        self.mark_span: tuple[int, int] | None = None
        self._cache: dict[tuple[int, int, int, bool], QTextEdit.ExtraSelection] = {}
        self._formatted: tuple[int, int] | None = None  # code-point span the selections cover
        #: Entered while the selections are built (the scroll sync holds its syncing back).
        self.around_refresh = nullcontext
        self._timer = QTimer(editor, singleShot=True, interval=0)
        self._timer.timeout.connect(self._refresh_if_uncovered)
        # Only the scroll bar: updateRequest fires for every repaint, and each Python slot
        # call waits for the GIL while a comparison runs in the background. Checked at once,
        # not on a timer: new selections set before the scroll's repaint are painted with it
        # (set after, the pane was painted twice, the highlights a frame late).
        editor.verticalScrollBar().valueChanged.connect(self._refresh_if_uncovered)

    def set_layers(self, layers: tuple[Layer, ...], offsets: OffsetMap):
        """Show these layers (drawn in order, later on top) for a text with these offsets."""
        self.layers = layers
        self.offsets = offsets
        self.mark_span = None
        self._cache.clear()
        self.refresh()

    def clear(self):
        """Remove every highlight."""
        self.layers = ()
        self.mark_span = None
        self._cache.clear()
        self._formatted = None
        self.editor.setExtraSelections([])

    def set_mark(self, span: tuple[int, int] | None):
        """Mark the current occurrence or change (code-point span), or none."""
        self.mark_span = span
        self.refresh()

    def schedule(self, *_):
        """Refresh once control returns to the event loop."""
        self._timer.start()

    def _refresh_if_uncovered(self):
        """After a scroll: new selections only once the screen leaves the formatted stretch."""
        if self._formatted is not None:
            a, b = self.visible_span()
            if self._formatted[0] <= a and b <= self._formatted[1]:
                return
        self.refresh()

    def visible_span(self) -> tuple[int, int]:
        """Code-point span of the text currently on screen."""
        editor = self.editor
        viewport = editor.viewport()
        first = editor.cursorForPosition(viewport.rect().topLeft()).position()
        last = editor.cursorForPosition(viewport.rect().bottomRight()).position()
        return self.offsets.to_code_point(first), self.offsets.to_code_point(last) + 1

    def refresh(self):
        """Rebuild the extra selections for the visible stretch."""
        if not self.layers and self.mark_span is None:
            self._formatted = None
            self.editor.setExtraSelections([])
            return
        a, b = self.visible_span()
        reach = max(MARGIN, b - a)
        a, b = max(0, a - reach), b + reach
        self._formatted = (a, b)
        with self.around_refresh():
            self._select(a, b)

    def _select(self, a: int, b: int) -> None:
        """Set the extra selections of the layers' spans between *a* and *b*, and the mark."""
        dark = is_dark(self.editor.palette())
        if len(self._cache) > 20_000:
            self._cache.clear()
        cache, formats = self._cache, None
        selections = []
        for layer in self.layers:
            for start, end, tag, _ in layer.between(a, b):
                selection = cache.get((start, end, tag, dark))
                if selection is None:  # built once, reused while it stays near the screen
                    formats = formats or {t: self._format(t, dark) for t in COLOURS}
                    selection = cache[start, end, tag, dark] = self._selection(start, end, formats[tag])
                selections.append(selection)
        if self.mark_span is not None:
            mark = QTextCharFormat()
            mark.setBackground(QColor(MARK[1 if dark else 0]))
            mark.setForeground(QColor("white"))
            selections.append(self._selection(*self.mark_span, mark))
        self.editor.setExtraSelections(selections)

    def _format(self, tag: int, dark: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(colour(tag, dark))
        if tag == DELETED:  # a dotted underline: a struck-out paragraph was hard to read
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(DELETED_LINE[1 if dark else 0]))
        elif tag in (SUSPICIOUS, RESTORED):
            fmt.setFontWeight(QFont.Weight.DemiBold)
        return fmt

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection
