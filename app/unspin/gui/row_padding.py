"""Aligned rows: each pair of aligned paragraphs starts at the same height in both panes.

The comparison's alignment pairs paragraph blocks of the two texts (several on one side
where a paragraph was split, none where one was added). Like the rows of the HTML
report, each aligned row is made as tall on both sides: the shorter side's next row
starts lower, by a pad above its first line. One-sided paragraphs so leave a gap of
their height on the other side.

QPlainTextEdit ignores block margins, so the pad is made by moving a block's laid-out
lines down (:class:`PaddedLayout`); nothing is inserted into the text, and every offset
stays what it was. Pads are worked out when Qt asks for a block's size (only blocks near
the screen are ever asked), from the heights of the row before on both sides, so they
follow every re-wrap (resize, zoom, font).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QPlainTextDocumentLayout

#: What starts a new block in a QTextDocument (the text's line breaks are "\n" already).
_BLOCK_BREAK = re.compile("[\n\r\u2029]")


class PaddedLayout(QPlainTextDocumentLayout):
    """A plain-text layout whose blocks may start lower by a pad that :class:`RowPads` sets."""

    def __init__(self, document):
        super().__init__(document)
        self.rows: RowPads | None = None
        self.side = 0

    def blockBoundingRect(self, block):  # noqa: N802 (Qt's name)
        rect = super().blockBoundingRect(block)
        rows = self.rows
        pad = rows.pad(self.side, block.blockNumber()) if rows is not None else 0.0
        layout = block.layout()
        if layout.lineCount() == 0:
            return rect
        shift = pad - layout.lineAt(0).y()
        if abs(shift) > 0.01:
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                line.setPosition(QPointF(line.x(), line.y() + shift))
            rect.setHeight(rect.height() + shift)
        return rect


def pad_of(block) -> float:
    """The pad above a block's first line (0 when it has none or is not laid out)."""
    layout = block.layout()
    return layout.lineAt(0).y() if layout.lineCount() else 0.0


def block_height(block) -> float:
    """The height of a block with its pad, laid out first if it was not."""
    return block.document().documentLayout().blockBoundingRect(block).height() if block.isValid() else 0.0


class RowPads:
    """The pads of two panes' documents: the rows of an alignment made as tall on both sides.

    ``trim[side]``: (block number, pixels) taken off one block's pad, so that a pane
    scrolled by whole lines can still stand level with the other when its top edge
    falls inside a gap (see ScrollSync).
    """

    def __init__(self, left, right):
        self.panes = (left, right)
        self.enabled = False
        self.trim: list[tuple[int, float] | None] = [None, None]
        self._alignment = ()
        self._texts: tuple = (None, None)
        self._keys: tuple[list[int], list[int]] = ([], [])  # first block of each row, per side
        self._index: tuple[dict, dict] = ({}, {})
        for side, pane in enumerate(self.panes):
            layout = pane.editor.document().documentLayout()
            layout.rows, layout.side = self, side

    def set_alignment(self, blocks, enabled: bool = True):
        """Pad for these aligned blocks (empty: no pads)."""
        self._alignment = blocks
        self._texts = (None, None)
        self.trim = [None, None]
        self.enabled = enabled and bool(blocks)
        self.update()

    def set_enabled(self, enabled: bool):
        """Pad (link scrolling on) or show both texts as they are."""
        self.enabled = enabled and bool(self._alignment)
        self.trim = [None, None]
        self.update()

    def update(self):
        """Repaint both panes (their pads are worked out again as they are painted)."""
        for pane in self.panes:
            pane.editor.viewport().update()

    def row_start(self, side: int, block_number: int) -> int | None:
        """The first block of the row holding *block_number* on *side* (None: before the first)."""
        keys = self._rows()[side]
        k = bisect_left(keys, block_number + 1) - 1
        return keys[k] if k >= 0 else None

    def other_row_start(self, side: int, row_start: int) -> int:
        """The other side's first block of the row that starts at *row_start* on *side*."""
        keys = self._rows()
        return keys[1 - side][self._index[side][row_start]]

    def pad(self, side: int, block_number: int) -> float:
        """The pad above block *block_number* of *side*: what makes the row before as tall."""
        if not self.enabled:
            return 0.0
        keys = self._rows()
        i = self._index[side].get(block_number)
        if i is None:
            return 0.0
        heights = [self._content_height(s, keys[s][i - 1] if i else 0, keys[s][i]) for s in (0, 1)]
        pad = max(heights) - heights[side]
        trim = self.trim[side]
        if trim is not None and trim[0] == block_number:
            pad = max(0.0, pad - trim[1])
        return pad

    def _content_height(self, side: int, first: int, end: int) -> float:
        """Height of blocks first … end-1 of *side* without the pad above the first."""
        doc = self.panes[side].editor.document()
        block = doc.findBlockByNumber(first)
        base = QPlainTextDocumentLayout.blockBoundingRect  # not this module's: no pads asked for
        layout = doc.documentLayout()
        total = 0.0
        for _ in range(end - first):
            if not block.isValid():
                break
            total += base(layout, block).height()
            block = block.next()
        if end > first:
            total -= pad_of(doc.findBlockByNumber(first))
        return total

    def _rows(self) -> tuple[list[int], list[int]]:
        texts = tuple(pane.shown_text for pane in self.panes)
        if any(a is not b for a, b in zip(texts, self._texts)):
            self._texts = texts
            self._keys = _row_keys(self._alignment, texts)
            self._index = tuple({k: i for i, k in enumerate(keys)} for keys in self._keys)
        return self._keys


def _row_keys(alignment, texts) -> tuple[list[int], list[int]]:
    """The first block of each aligned row on both sides, strictly increasing on both.

    Rows one side has no paragraph of share their first block on that side with the
    next row: the later row is the one to stand level with (the earlier sits in a gap).
    """
    breaks = [[m.start() for m in _BLOCK_BREAK.finditer(text)] for text in texts]
    left: list[int] = []
    right: list[int] = []
    for row in alignment:
        a = bisect_left(breaks[0], row.old_start)
        b = bisect_left(breaks[1], row.new_start)
        while left and (left[-1] >= a or right[-1] >= b):
            left.pop()
            right.pop()
        left.append(a)
        right.append(b)
    return left, right
