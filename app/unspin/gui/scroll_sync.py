"""Scroll two panes in step, anchored on the engine's paragraph alignment (Meld's way).

Take the character at the scrolled pane's sync point (the middle of the viewport,
sliding to the top near the start and to the bottom near the end), find the aligned
block holding it, interpolate into the other side's block, and scroll the other pane
so that character sits at the same height. A guard stops the two panes feeding back.
"""

from __future__ import annotations

from bisect import bisect_right
from contextlib import contextmanager

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QTextCursor

from unspin.core.alignment import Block


class ScrollSync(QObject):
    """Links the vertical scrolling of a left and a right ArticlePane."""

    def __init__(self, left, right, parent=None):
        super().__init__(parent)
        self.left, self.right = left, right
        self.enabled = True
        self._busy = False
        self._blocks: tuple[Block, ...] = ()
        self._old_starts: list[int] = []
        self._new_starts: list[int] = []
        left.editor.verticalScrollBar().valueChanged.connect(lambda _: self.sync_from(self.left))
        right.editor.verticalScrollBar().valueChanged.connect(lambda _: self.sync_from(self.right))

    def set_alignment(self, blocks: tuple[Block, ...], starts=None):
        """Use these aligned blocks (empty: no syncing); *starts*: their old and new start
        offsets if already at hand (a book has tens of thousands of blocks)."""
        self._blocks = blocks
        self._old_starts, self._new_starts = starts if starts is not None else (
            [b.old_start for b in blocks], [b.new_start for b in blocks])

    def set_enabled(self, enabled: bool):
        """Link or unlink the panes; linking again lines the right pane up with the left."""
        self.enabled = enabled
        if enabled:
            self.sync_from(self.left)

    @contextmanager
    def suspended(self):
        """Scroll both panes independently inside this block."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def place_of(self, pane) -> tuple[int, float] | None:
        """The reader's place in *pane*: the character at its sync point and that height."""
        if pane.document is None:
            return None
        y = self._sync_y(pane)
        return pane.position_at(QPoint(4, int(y))), y

    def go_to_place(self, pane, place: tuple[int, float]):
        """Scroll *pane* back to a place :meth:`place_of` took (clamped to its text), and
        the other pane with it."""
        position, y = place
        with self.suspended():
            self._scroll_to(pane, min(position, len(pane.document.text)), y)
        self.sync_from(pane)

    def set_font(self, font):
        """Use *font* in both panes, the paragraph at the sync point staying on screen (the
        lines re-wrap, so the line the panes were scrolled to is another one)."""
        place = self.place_of(self.left)
        with self.suspended():
            for pane in (self.left, self.right):
                pane.editor.setFont(font)
                pane.highlighter.schedule()
        if place is not None and self.left.editor.verticalScrollBar().value() > 0:
            self.go_to_place(self.left, place)

    def line_up(self, source):
        """Scroll the other pane to match *source* now, even inside :meth:`suspended` (a
        pane whose new text just went in, while its own scrolling to the top was ignored)."""
        busy, self._busy = self._busy, False
        try:
            self.sync_from(source)
        finally:
            self._busy = busy

    def sync_from(self, source):
        """Scroll the other pane to match *source*."""
        if self._busy or not self.enabled or not self._blocks:
            return
        target = self.right if source is self.left else self.left
        bar = source.editor.verticalScrollBar()
        if bar.value() == bar.minimum():  # the very top: both texts from their start, so a
            with self.suspended():         # paragraph only one side opens with is seen
                target.editor.verticalScrollBar().setValue(0)
            return
        y = self._sync_y(source)
        position = source.position_at(QPoint(4, int(y)))
        mapped = self.map_position(position, from_left=source is self.left)
        with self.suspended():
            self._scroll_to(target, mapped, y)

    def map_position(self, position: int, from_left: bool) -> int:
        """The other side's code-point offset matching *position* on one side."""
        starts = self._old_starts if from_left else self._new_starts
        k = max(0, bisect_right(starts, position) - 1)
        b = self._blocks[k]
        src = (b.old_start, b.old_end) if from_left else (b.new_start, b.new_end)
        dst = (b.new_start, b.new_end) if from_left else (b.old_start, b.old_end)
        fraction = (position - src[0]) / (src[1] - src[0]) if src[1] > src[0] else 0.0
        return int(dst[0] + min(1.0, max(0.0, fraction)) * (dst[1] - dst[0]))

    @staticmethod
    def _sync_y(pane) -> float:
        """Height of the sync point: the middle, sliding to the top/bottom near the ends."""
        bar = pane.editor.verticalScrollBar()
        height = pane.editor.viewport().height()
        page = max(1, bar.pageStep())
        s = 0.5
        if bar.value() < page / 2:
            s = bar.value() / page
        elif bar.maximum() - bar.value() < page / 2:
            s = 1.0 - (bar.maximum() - bar.value()) / page
        return s * height

    @staticmethod
    def _scroll_to(pane, position: int, y: float):
        """Scroll *pane* so the character at *position* lies at height *y*.

        QPlainTextEdit scrolls by lines and lays blocks out lazily (a block not yet laid
        out counts as one line), so the lines above the target are counted on blocks laid
        out here: only those within one screen height, whatever the document's size.
        """
        editor = pane.editor
        doc = editor.document()
        cursor = QTextCursor(doc)
        cursor.setPosition(min(pane.offsets.to_utf16(position), doc.characterCount() - 1))
        block = cursor.block()
        line = _ensure_layout(doc, block).lineForTextPosition(cursor.positionInBlock()).lineNumber()
        remaining = int(y / max(1, editor.fontMetrics().lineSpacing()))
        line = max(0, line)
        while line < remaining and block.previous().isValid():
            remaining -= line
            block = block.previous()
            line = max(1, _ensure_layout(doc, block).lineCount())
        editor.verticalScrollBar().setValue(block.firstLineNumber() + max(0, line - remaining))


def _ensure_layout(doc, block):
    """The block's layout, laid out if it was not yet."""
    if block.layout().lineCount() == 0:
        doc.documentLayout().blockBoundingRect(block)
    return block.layout()
