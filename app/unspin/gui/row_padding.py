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

import re
from bisect import bisect_left

from PySide6.QtCore import QPointF

#: What starts a new block in a QTextDocument (the text's line breaks are "\n" already).
_BLOCK_BREAK = re.compile("[\n\r\u2029]")


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
        self._texts: tuple = (None, None)
        self._keys: tuple[list[int], list[int]] = ([], [])  # first block of each row, per side
        self._index: tuple[dict, dict] = ({}, {})
        self._pads: dict[tuple[int, int], float] = {}  # worked out for the current wrap

    def set_alignment(self, blocks, enabled: bool = True):
        """Pad for these aligned blocks (empty: no pads)."""
        self._alignment = blocks
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
            self._keys = _row_keys(self._alignment, texts)
            self._index = tuple({k: i for i, k in enumerate(keys)} for keys in self._keys)
            self._pads.clear()
        return self._keys


def _row_keys(alignment, texts) -> tuple[list[int], list[int]]:
    """The first block of each aligned row on both sides, strictly increasing on both.

    Rows one side has no paragraph of share their first block on that side with the
    next row: the later row is the one to stand level with (the earlier sits in a gap).
    A row that starts inside a block on either side (its paragraphs were run together
    with others there) is not one to level: the block's top belongs to an earlier row.
    """
    lefts = _block_numbers(texts[0], [row.old_start for row in alignment])
    rights = _block_numbers(texts[1], [row.new_start for row in alignment])
    left: list[int] = []
    right: list[int] = []
    for a, b in zip(lefts, rights):
        if a is None or b is None:
            continue
        while left and (left[-1] >= a or right[-1] >= b):
            left.pop()
            right.pop()
        left.append(a)
        right.append(b)
    return left, right


def _block_numbers(text: str, starts: list[int]) -> list[int | None]:
    """The block number of each of these ascending offsets of *text*, None for one inside
    a block (after more than blanks). Line breaks are counted in C: a 10 MB text takes
    milliseconds, a list of its 140,000 line breaks a fifth of a second of the UI thread."""
    if "\r" in text or "\u2029" in text:  # not in a loaded text, whose breaks are "\n"
        breaks = [m.start() for m in _BLOCK_BREAK.finditer(text)]
        numbers = [bisect_left(breaks, start) for start in starts]
    else:
        numbers, count, last = [], 0, 0
        for start in starts:
            count += text.count("\n", last, start)
            last = start
            numbers.append(count)
    breaks = [c for c in "\n\r\u2029" if c in text]  # rfind of one absent runs to the start
    # an offset past the end: the alignment is of the text the pane showed a moment ago
    # (the unspun copy going in or out); its own alignment follows
    return [n if start == 0 or (start <= len(text) and (text[start - 1] in breaks
                                                        or _starts_block(text, start, breaks))) else None
            for n, start in zip(numbers, starts)]


def _starts_block(text: str, start: int, breaks: list[str]) -> bool:
    """True when only blanks stand between the start of *start*'s block and *start*."""
    line_start = max((text.rfind(c, 0, start) for c in breaks), default=-1) + 1
    return line_start == start or text[line_start:start].isspace()
