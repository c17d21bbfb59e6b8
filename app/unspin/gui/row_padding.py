"""Aligned rows: each pair of aligned paragraphs starts at the same height in both panes.

The comparison's alignment pairs paragraph blocks of the two texts (several on one side
where a paragraph was split, none where one was added). Like the rows of the HTML
report, each aligned row is made as tall on both sides: the shorter side's next row
starts lower, by a pad above its first line. One-sided paragraphs so leave a gap of
their height on the other side.

QPlainTextEdit ignores block margins, so the pad is made by moving a block's laid-out
lines down; nothing is inserted into the text, and every offset stays what it was. Qt
lays blocks out lazily and lays them out again after a re-wrap, which drops the pads:
they are put (back) on the blocks about to be shown each time a pane scrolls and after a
re-wrap (:meth:`RowPads.ensure_shown`), never in Qt's paint path, where a Python call for
every block Qt measures made a page-down 25 times slower.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QPointF

from unspin.core.rows import Rows, row_keys


def pad_of(block) -> float:
    """The pad above a block's first line (0 when it has none or is not laid out)."""
    layout = block.layout()
    return layout.lineAt(0).y() if layout.lineCount() else 0.0


def _shift(block, pad: float) -> None:
    """Move a laid-out block's lines so that its first line starts *pad* below its top."""
    layout = block.layout()
    shift = pad - (layout.lineAt(0).y() if layout.lineCount() else pad)
    if abs(shift) > 0.01:
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            line.setPosition(QPointF(line.x(), line.y() + shift))


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
        self._given: Rows | None = None  # worked out with the alignment, for the texts it was of
        self._texts: tuple = (None, None)
        self._keys: tuple[list[int], list[int]] = ([], [])  # first block of each row, per side
        self._index: tuple[dict, dict] = ({}, {})
        self._pads: dict[tuple[int, int], float] = {}  # worked out for the current wrap

    def set_alignment(self, blocks, enabled: bool = True, rows: Rows | None = None):
        """Pad for these aligned blocks (empty: no pads); *rows* are their rows, worked out
        already (used when the panes show the texts they are of)."""
        self._alignment = blocks
        self._given = rows
        self._texts = (None, None)
        self.trim = [None, None]
        self.enabled = enabled and bool(blocks)
        self.rewrapped()

    def set_enabled(self, enabled: bool):
        """Pad (link scrolling on) or show both texts as they are."""
        self.enabled = enabled and bool(self._alignment)
        self.trim = [None, None]
        self.rewrapped()

    def rewrapped(self):
        """The lines were wrapped anew (resize, font, new text): work the pads out again
        for what is on screen."""
        self._pads.clear()
        for side in (0, 1):
            self.ensure_shown(side)

    def height(self, side: int, block) -> float:
        """A block's height with its pad (laid out and padded first if it was not)."""
        if not block.isValid():
            return 0.0
        height = block.document().documentLayout().blockBoundingRect(block).height()
        before = pad_of(block)
        if self.enabled or before:
            _shift(block, self.pad(side, block.blockNumber()))
            height += pad_of(block) - before
        return height

    def ensure_shown(self, side: int) -> None:
        """Pad the blocks from *side*'s top edge to just below its bottom edge (repainted if
        a pad changed: else Qt just moves the pixels of a scroll)."""
        editor = self.panes[side].editor
        block = editor.document().findBlockByLineNumber(editor.verticalScrollBar().value())
        room, changed = editor.viewport().height() + 200, False
        while block.isValid() and room > 0:
            before = pad_of(block)
            room -= self.height(side, block)
            changed = changed or pad_of(block) != before
            block = block.next()
        if changed:
            editor.viewport().update()

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
        pad = self._pads.get((side, block_number))
        if pad is None:
            pad = self._pads[side, block_number] = self._row_pad(side, block_number)
        trim = self.trim[side]
        if trim is not None and trim[0] == block_number:
            pad = max(0.0, pad - trim[1])
        return pad

    def _row_pad(self, side: int, block_number: int) -> float:
        """What makes the row before block *block_number* as tall on *side* as on the other."""
        keys = self._rows()
        i = self._index[side].get(block_number)
        if i is None:
            return 0.0
        heights = [self._content_height(s, keys[s][i - 1] if i else 0, keys[s][i]) for s in (0, 1)]
        return max(heights) - heights[side]

    def _content_height(self, side: int, first: int, end: int) -> float:
        """Height of blocks first … end-1 of *side* without the pad above the first."""
        doc = self.panes[side].editor.document()
        block = doc.findBlockByNumber(first)
        layout = doc.documentLayout()
        total = 0.0
        for _ in range(end - first):
            if not block.isValid():
                break
            total += layout.blockBoundingRect(block).height()
            block = block.next()
        if end > first:
            total -= pad_of(doc.findBlockByNumber(first))
        return total

    def _rows(self) -> tuple[list[int], list[int]]:
        texts = tuple(pane.shown_text for pane in self.panes)
        if any(a is not b for a, b in zip(texts, self._texts)):
            self._texts = texts
            given = self._given
            self._keys = given.keys if given is not None and given.fits(texts) else row_keys(self._alignment, texts)
            self._index = tuple({k: i for i, k in enumerate(keys)} for keys in self._keys)
            self._pads.clear()
        return self._keys
