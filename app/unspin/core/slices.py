"""Bulk operations done in slices.

A comparison runs in a worker thread of the window. CPython only hands the GIL to the
UI thread between bytecodes, so one long C call (sorting a million tuples, counting ten
million characters) freezes the window for its whole duration. These helpers keep each
call short; the extra cost is small.
"""

from __future__ import annotations

import heapq
from collections import Counter
from itertools import islice

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


def filled_in_slices(out, items):
    """*out* (an array or bytearray) extended by *items* (an iterator run in C, such as
    ``compress`` or ``accumulate``) a slice at a time; returns *out*."""
    items = iter(items)
    while True:
        before = len(out)
        out.extend(islice(items, SLICE))
        if len(out) - before < SLICE:
            return out


def release(items: list) -> None:
    """Empty *items* a slice at a time: dropping a list of a million tuples at once frees
    them all in one C call (tens of milliseconds holding the GIL)."""
    while items:
        del items[-SLICE:]


def release_set(items: set) -> None:
    """Empty *items* a slice at a time (as :func:`release` does a list)."""
    pop = items.pop
    while items:
        for _ in range(min(SLICE, len(items))):
            pop()


def by_count_and_text(swaps: list) -> list:
    """*swaps* as ``sorted(swaps, key=lambda s: (-s.count, s.old, s.new))`` orders them,
    without sorting tuples in one C call (a book's 350,000 swaps took 0.2 s): each text is
    replaced by its rank among the distinct texts (sorted a slice at a time), so that one
    integer a swap is the key."""
    olds, news = _ranks([s.old for s in swaps]), _ranks([s.new for s in swaps])
    width_old, width_new = len(olds), len(news)
    return sorted_by_number(swaps, lambda s: (-s.count * width_old + olds[s.old]) * width_new + news[s.new])


def sorted_by_number(items: list, key) -> list:
    """``sorted(items, key=key)`` for an integer *key*: a long list's keys are sorted by
    NumPy, which lets other threads run meanwhile (sorting 350,000 Python integers holds
    the GIL for 50-70 ms); keys too big for 64 bits are sorted by Python. Both sorts are
    stable."""
    if len(items) <= SLICE:
        return sorted(items, key=key)
    import numpy

    try:
        keys = numpy.fromiter(map(key, items), dtype=numpy.int64, count=len(items))
    except OverflowError:
        return sorted(items, key=key)
    return [items[k] for k in numpy.argsort(keys, kind="stable").tolist()]


def _ranks(texts: list[str]) -> dict[str, int]:
    """Each distinct text of *texts* -> its place in their sorted order."""
    return {text: rank for rank, text in enumerate(sorted_in_slices(list(set(texts))))}
