"""The rows of an alignment: where each pair of aligned paragraphs starts in the texts a
window shows (no Qt here: a book's rows are worked out in the comparison's worker, and the
window only checks that they were worked out for the texts it shows)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from unspin.core.reflow import reflowed

#: What starts a new block in a QTextDocument (the text's line breaks are "\n" already).
_BLOCK_BREAK = re.compile("[\n\r\u2029]")


@dataclass(frozen=True)
class Rows:
    """The first block of each aligned row on both sides (see :func:`row_keys`), and which
    texts they are of: each one's length and hash."""

    keys: tuple[list[int], list[int]]
    texts: tuple[tuple[int, int], tuple[int, int]]

    def fits(self, texts: tuple[str, str]) -> bool:
        """Whether these rows were worked out for *texts*."""
        return all(mark == (len(t), hash(t)) for mark, t in zip(self.texts, texts))


def rows_of(alignment, texts: tuple[str, str]) -> Rows:
    """The rows of *alignment* in the texts as a window shows them: hard-wrapped prose
    reflowed into paragraphs (see :mod:`unspin.core.reflow`)."""
    shown = tuple(reflowed(t) or t for t in texts)
    return Rows(row_keys(alignment, shown), tuple((len(t), hash(t)) for t in shown))


def row_keys(alignment, texts) -> tuple[list[int], list[int]]:
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
