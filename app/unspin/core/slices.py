"""Bulk operations done in slices.

A comparison runs in a worker thread of the window. CPython only hands the GIL to the
UI thread between bytecodes, so one long C call (sorting a million tuples, counting ten
million characters) freezes the window for its whole duration. These helpers keep each
call short; the extra cost is small.
"""

from __future__ import annotations

import heapq
from collections import Counter

#: Items handled per C call: a few milliseconds of work.
SLICE = 1 << 15


def sorted_in_slices(items: list) -> list:
    """``sorted(items)``, as short sorts merged by a Python-level heap merge."""
    if len(items) <= SLICE:
        return sorted(items)
    return list(heapq.merge(*(sorted(items[k:k + SLICE]) for k in range(0, len(items), SLICE))))


def count_in_slices(sequence) -> Counter:
    """``Counter(sequence)``, built slice by slice."""
    counts: Counter = Counter()
    for k in range(0, len(sequence), SLICE * 4):
        counts.update(sequence[k:k + SLICE * 4])
    return counts


def release(items: list) -> None:
    """Empty *items* a slice at a time: dropping a list of a million tuples at once frees
    them all in one C call (tens of milliseconds holding the GIL)."""
    while items:
        del items[-SLICE:]
