"""What to highlight in each text, as two layers of non-overlapping ranges per side.

The ops layer marks every changed stretch (replaced, deleted, inserted); the swap layer
marks each swap occurrence on top of it, graded by suspicion. Ranges are kept in arrays
(a book has hundreds of thousands) and looked up by bisection, so a view can ask for
just what is on screen.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass

from unspin.core.compare import Comparison
from unspin.core.diffing import EQUAL, REPLACE
from unspin.core.slices import release, sorted_in_slices

CHANGED, DELETED, INSERTED, SWAP, SUSPICIOUS, MINOR, RESTORED = range(7)
TAG_NAMES = ("changed", "deleted", "inserted", "swap", "suspicious", "minor", "restored")
MINOR_KINDS = ("case", "punctuation")


@dataclass(frozen=True)
class Layer:
    """Sorted, non-overlapping ranges ``[start, end)`` with a tag and a reference each
    (a swap index in the swap layer, an op index in the ops layer)."""

    starts: array
    ends: array
    tags: bytes
    refs: array

    def __len__(self) -> int:
        return len(self.starts)

    def between(self, a: int, b: int):
        """Ranges overlapping ``[a, b)``, in order, as ``(start, end, tag, ref)``."""
        k = bisect_right(self.ends, a)
        starts, ends, tags, refs = self.starts, self.ends, self.tags, self.refs
        while k < len(starts) and starts[k] < b:
            yield starts[k], ends[k], tags[k], refs[k]
            k += 1

    def at(self, pos: int):
        """The range holding *pos*, or None."""
        k = bisect_right(self.ends, pos)
        if k < len(self.starts) and self.starts[k] <= pos:
            return self.starts[k], self.ends[k], self.tags[k], self.refs[k]
        return None

    def index_after(self, pos: int) -> int:
        """Index of the first range starting at or after *pos*."""
        lo, hi = 0, len(self.starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.starts[mid] < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


@dataclass(frozen=True)
class Highlights:
    """Both layers for both sides."""

    old_ops: Layer
    new_ops: Layer
    old_swaps: Layer
    new_swaps: Layer


def make_layer(items) -> Layer:
    """A layer from ``(start, end, tag, ref)`` items in any order (non-overlapping)."""
    return _layer(items)


def _layer(items, ordered: bool = False) -> Layer:
    """The layer of *items*, sorted first unless they are in *ordered* already."""
    ordered = items if ordered else sorted_in_slices(items)
    layer = Layer(array("q", (i[0] for i in ordered)), array("q", (i[1] for i in ordered)),
                  bytes(i[2] for i in ordered), array("q", (i[3] for i in ordered)))
    release(ordered)
    return layer


def build_highlights(c: Comparison, suspicious: float = 0.5) -> Highlights:
    """Highlight layers for a completed comparison.

    Swap occurrences form the swap layer; the ops layer holds what of each changed
    stretch no swap covers (deleted, inserted, or reworded words), so no character is
    drawn twice.
    """
    old_sw, new_sw = [], []
    for k, s in enumerate(c.swaps):
        tag = MINOR if s.kind in MINOR_KINDS else SUSPICIOUS if s.score >= suspicious else SWAP
        sp = s.spans
        for i in range(0, len(sp), 4):
            old_sw.append((sp[i], sp[i + 1], tag, k))
            new_sw.append((sp[i + 2], sp[i + 3], tag, k))
    old_swaps, new_swaps = _layer(old_sw), _layer(new_sw)
    release(old_sw)  # a book's lists hold a million tuples: freed a slice at a time
    release(new_sw)
    old_ops = _unswapped(c.ops.raw(), 1, c.old_tokens.offsets, old_swaps, c.old.text, DELETED)
    new_ops = _unswapped(c.ops.raw(), 3, c.new_tokens.offsets, new_swaps, c.new.text, INSERTED)
    highlights = Highlights(_layer(old_ops, ordered=True), _layer(new_ops, ordered=True), old_swaps, new_swaps)
    release(old_ops)
    release(new_ops)
    return highlights


def _unswapped(raw_ops, side: int, offsets, swaps: Layer, text: str, lone_tag: int) -> list:
    """``(start, end, tag, op)`` for what of each change on one side (*side*: 1 old, 3 new,
    the index of its first token in a raw op) no swap occurrence covers, in text order.

    Ops and swap ranges both run in text order: one pointer finds the range that may
    cover an op, so most changes (one swapped word, covered whole, or one no swap touches)
    cost a comparison or two.
    """
    items = []
    starts, ends = swaps.starts, swaps.ends
    n, j = len(starts), 0
    for k, op in enumerate(raw_ops):
        code, first, last = op[0], op[side], op[side + 1]
        if code == EQUAL or last == first:
            continue
        start, end = offsets[2 * first], offsets[2 * last - 1]
        while j < n and ends[j] <= start:
            j += 1
        if j < n and starts[j] <= start and ends[j] >= end:
            continue
        tag = CHANGED if code == REPLACE else lone_tag
        if (j == n or starts[j] >= end) and not text[start].isspace() and not text[end - 1].isspace():
            items.append((start, end, tag, k))  # no swap inside, nothing to trim
            continue
        items.extend((a, b, tag, k) for a, b in _uncovered(start, end, swaps, text))
    return items


def _uncovered(start: int, end: int, covered: Layer, text: str):
    """Stretches of ``[start, end)`` outside the covered ranges, trimmed of whitespace.

    Words cut by a covered range are left out: they are the unchanged parts of a
    compound whose other part was swapped ("bytes-" of bytes-like -> bytes-similar).
    """
    pos = start
    for a, b, _, _ in covered.between(start, end):
        yield from _trimmed(pos, a, text, before_cover=True, after_cover=pos > start)
        pos = max(pos, b)
    yield from _trimmed(pos, end, text, before_cover=False, after_cover=pos > start)


def _trimmed(a: int, b: int, text: str, before_cover: bool, after_cover: bool):
    words = text[a:b].split()
    if not words:
        return
    left = a + len(text[a:b]) - len(text[a:b].lstrip())
    right = left + len(text[a:b].strip())
    if after_cover and left == a:  # glued to the covered range before it
        left = a + len(words[0])
        words = words[1:]
    if before_cover and right == b and words:  # glued to the covered range after it
        right = b - len(words[-1])
        words = words[:-1]
    if words:
        piece = text[left:right]
        left += len(piece) - len(piece.lstrip())
        right = left + len(piece.strip())
        if right > left:
            yield left, right
