"""Scroll two panes in step, anchored on the engine's paragraph alignment (Meld's way).

With the rows of the alignment padded to the same height on both sides (row_padding),
the panes stand level when their top edges are the same distance below the top of the
same row: the scrolled pane's distance is measured, and the other pane is scrolled to
it. QPlainTextEdit scrolls by whole lines; where the other pane's top edge has to fall
inside a gap, that gap is trimmed by the difference. A guard stops the two panes
feeding back.

The reader's place (:meth:`ScrollSync.place_of`) is the character at the sync point (the
middle of the viewport, sliding to the top near the start and to the bottom near the
end), kept across a re-wrap, a new text of the same file, or Swap Sides.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QTextCursor

from unspin.core.alignment import Block
from unspin.core.rows import Rows
from unspin.gui.row_padding import RowPads, pad_of


class ScrollSync(QObject):
    """Links the vertical scrolling of a left and a right ArticlePane."""

    def __init__(self, left, right, parent=None):
        super().__init__(parent)
        self.left, self.right = left, right
        self.enabled = True
        self._busy = False
        self._blocks: tuple[Block, ...] = ()
        self._last_source = left
        self._deferring = False  # inside deferred(): syncs wait until it ends
        self._deferred_source = None  # the pane that last asked meanwhile
        self.pads = RowPads(left, right)
        left.editor.verticalScrollBar().valueChanged.connect(lambda _: self.sync_from(self.left))
        right.editor.verticalScrollBar().valueChanged.connect(lambda _: self.sync_from(self.right))
        for pane in (left, right):  # re-wrapped lines or a whole text: the rows' heights change
            pane.editor.viewport().installEventFilter(self)
            pane.loaded.connect(self._rewrapped)
            pane.highlighter.around_refresh = self.deferred

    def set_alignment(self, blocks: tuple[Block, ...], rows: Rows | None = None):
        """Use these aligned blocks (empty: no syncing), and their rows when worked out."""
        self._blocks = blocks
        self.pads.set_alignment(blocks, self.enabled, rows)

    def set_enabled(self, enabled: bool):
        """Link or unlink the panes (and pad their rows level, or not); linking again lines
        the right pane up with the left."""
        self.enabled = enabled
        self.pads.set_enabled(enabled)
        if enabled:
            self.sync_from(self.left)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and self._blocks:
            QTimer.singleShot(0, self._rewrapped)
        return False

    def _rewrapped(self):
        """Lines wrapped anew: pads worked out again, the other pane lined up."""
        if self._blocks:
            self.pads.rewrapped()
            self.line_up(self._last_source)

    @contextmanager
    def suspended(self):
        """Scroll both panes independently inside this block."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    @contextmanager
    def deferred(self):
        """Syncs asked for inside this block are made once, as it ends: building a stretch's
        highlights lays its blocks out, and each block laid out above a pane's top edge
        moves its scroll bar by the lines it gained (ten syncs on a far jump)."""
        if self._deferring:
            yield
            return
        self._deferring, self._deferred_source = True, None
        try:
            yield
        finally:
            self._deferring = False
            if self._deferred_source is not None:
                self.sync_from(self._deferred_source)

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
            self.pads.rewrapped()
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
        """Scroll the other pane to stand level with *source*."""
        if self._busy or not self.enabled or not self._blocks:
            return
        if self._deferring:
            self._deferred_source = source
            return
        self._last_source = source
        side = 0 if source is self.left else 1
        target = self.right if side == 0 else self.left
        bar = source.editor.verticalScrollBar()
        with self.suspended():
            if bar.value() == bar.minimum():  # the very top: both texts from their start, so
                self.pads.trim = [None, None]  # a paragraph only one side opens with is seen
                target.editor.verticalScrollBar().setValue(0)
            else:
                self._level_with(source, side, target)
        for s in (0, 1):
            self.pads.ensure_shown(s)

    def _level_with(self, source, side: int, target):
        """Scroll *target* so its rows stand where *source*'s do."""
        block, line = _top_of(source.editor)
        trim = self.pads.trim[side]
        if trim is not None and (trim[0] != block.blockNumber() or line != 0):
            self.pads.trim[side] = None  # the trimmed gap left the top edge
        anchor = self.pads.row_start(side, block.blockNumber())
        start = source.editor.document().findBlockByNumber(anchor if anchor is not None else 0)
        distance = _distance(lambda b: self.pads.height(side, b), start, anchor is not None, block, line)
        target_doc = target.editor.document()
        other = self.pads.other_row_start(side, anchor) if anchor is not None else 0
        if self.pads.trim[1 - side] is not None:  # measure the other pane without its trim
            trimmed = target_doc.findBlockByNumber(self.pads.trim[1 - side][0])
            self.pads.trim[1 - side] = None
            self.pads.height(1 - side, trimmed)
        height = lambda b: self.pads.height(1 - side, b)  # noqa: E731
        value, trim = _locate(height, target_doc.findBlockByNumber(other), anchor is not None, distance)
        if trim is not None:
            self.pads.trim[1 - side] = trim
            height(target_doc.findBlockByNumber(trim[0]))
        target.editor.verticalScrollBar().setValue(value)

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


def _top_of(editor):
    """The block at the top edge of *editor*'s viewport and its first line shown."""
    value = editor.verticalScrollBar().value()
    block = editor.document().findBlockByLineNumber(value)
    return block, max(0, value - block.firstLineNumber())


def _stop(block, line: int) -> float:
    """Where a viewport's top edge is within *block*'s box when scrolled to *line* of it
    (QPlainTextEdit's own reckoning: the bottom of the line above; the document's margin
    shows above the first block)."""
    if line == 0:
        return -block.document().documentMargin() if block.blockNumber() == 0 else 0.0
    return block.layout().lineAt(line - 1).naturalTextRect().bottom()


def _distance(height, anchor, from_content: bool, block, line: int) -> float:
    """How far below the anchor block's first line (or its top, *from_content* False) the
    top edge of a viewport scrolled to *line* of *block* is; *height*: a padded block's."""
    height(anchor)
    distance = -pad_of(anchor) if from_content else 0.0
    walk = anchor
    while walk.isValid() and walk.blockNumber() < block.blockNumber():
        distance += height(walk)
        walk = walk.next()
    height(block)
    return distance + _stop(block, line)


def _locate(height, anchor, from_content: bool, distance: float) -> tuple[int, tuple[int, float] | None]:
    """The scroll value putting a viewport's top edge *distance* below the anchor block's
    first line (or top), and the trim its gap needs when that falls inside one."""
    height(anchor)
    position = distance + (pad_of(anchor) if from_content else 0.0)
    block = anchor
    while position < 0 and block.previous().isValid():
        block = block.previous()
        position += height(block)
    while position >= height(block) and block.next().isValid():
        position -= height(block)
        block = block.next()
    layout = block.layout()
    line = 0
    while line + 1 < layout.lineCount() and _stop(block, line + 1) <= position + 0.5:
        line += 1
    rest = position - _stop(block, line)
    trim = None
    if line == 0 and rest > 0.5 and pad_of(block) > 0:
        trim = (block.blockNumber(), min(rest, pad_of(block)))
    return block.firstLineNumber() + line, trim


def _ensure_layout(doc, block):
    """The block's layout, laid out if it was not yet."""
    if block.layout().lineCount() == 0:
        doc.documentLayout().blockBoundingRect(block)
    return block.layout()
