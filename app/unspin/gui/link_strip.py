"""The strip between the panes: a band for each aligned paragraph block on screen."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QTextCursor
from PySide6.QtWidgets import QWidget

from unspin.gui.highlighting import is_dark

BAND = {"aligned": ("#cfd8e3", "#3a4452"), "aligned2": ("#e3e9f0", "#2f3742"), "inserted": ("#c6efc6", "#1f5a2a"),
        "deleted": ("#ffc9c9", "#6e2a30"), "rewritten": ("#e4dcff", "#463a66")}


class LinkStrip(QWidget):
    """Draws which paragraphs of the left pane go with which of the right pane."""

    def __init__(self, left, right, parent=None):
        super().__init__(parent)
        self.left, self.right = left, right
        self.blocks = ()
        self._old_starts: list[int] = []
        self._heights: dict[tuple[bool, int], float] = {}  # of positions, during one paint
        self._shift: dict = {}  # from each pane's viewport to this strip, during one paint
        self.setFixedWidth(28)
        for pane in (left, right):
            pane.editor.verticalScrollBar().valueChanged.connect(self.update)

    def set_alignment(self, blocks, old_starts=None):
        """Draw these blocks (empty: nothing); *old_starts*: their old start offsets."""
        self.blocks = blocks
        self._old_starts = old_starts if old_starts is not None else [b.old_start for b in blocks]
        self.update()

    def paintEvent(self, _event):
        if not self.blocks or self.left.document is None or self.right.document is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = is_dark(self.palette())
        a, b = self.left.highlighter.visible_span()
        first = max(0, bisect_right(self._old_starts, a) - 1)
        # one block ends where the next starts: each height is worked out once a paint
        self._heights = {}
        self._shift = {pane: pane.editor.viewport().mapTo(self.parentWidget(), QPointF(0, 0).toPoint()).y()
                       - self.y() for pane in (self.left, self.right)}
        for k, block in enumerate(self.blocks[first:], first):
            if block.old_start > b:
                break
            self._draw(painter, block, dark, alternate=k % 2 == 1)
        painter.end()

    def _draw(self, painter: QPainter, block, dark: bool, alternate: bool):
        top_l, bottom_l = self._height(self.left, block.old_start), self._height(self.left, block.old_end)
        top_r, bottom_r = self._height(self.right, block.new_start), self._height(self.right, block.new_end)
        w = self.width()
        path = QPainterPath(QPointF(0, top_l))
        path.cubicTo(w / 2, top_l, w / 2, top_r, w, top_r)
        path.lineTo(w, bottom_r)
        path.cubicTo(w / 2, bottom_r, w / 2, bottom_l, 0, bottom_l)
        path.closeSubpath()
        kind = "aligned2" if block.kind == "aligned" and alternate else block.kind
        colour = QColor(BAND[kind][1 if dark else 0])
        painter.fillPath(path, colour)
        painter.setPen(colour.darker(130))
        painter.drawPath(path)

    def _height(self, pane, position: int) -> float:
        key = (pane is self.left, position)
        y = self._heights.get(key)
        if y is None:
            y = self._heights[key] = self._y(pane, position)
        return y

    def _y(self, pane, position: int) -> float:
        """Height in this strip of a code-point position of a pane (clamped to the strip)."""
        editor = pane.editor
        doc = editor.document()
        cursor = QTextCursor(doc)
        cursor.setPosition(min(pane.offsets.to_utf16(position), doc.characterCount() - 1))
        y = editor.cursorRect(cursor).top() + self._shift[pane]
        return float(max(-10, min(self.height() + 10, y)))
