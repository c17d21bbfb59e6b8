"""Bulk operations done in slices give what one call would."""

from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

import unspin.core.slices as slices
from unspin.core.swaps import Swap

_WORDS = st.text(alphabet="aAb é😀-'", max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_WORDS, _WORDS, st.integers(1, 4)), max_size=40), st.integers(1, 5))
def test_ordering_by_count_and_text_is_the_tuple_sort(rows, size):
    """Commonest first, then by old and new text, ties in their given order: exactly the
    sort by ``(-count, old, new)``, whatever the slice size."""
    swaps = [Swap(old, new, "word", array("i", [0, 1, 0, 1] * count)) for old, new, count in rows]
    old_size, slices.SLICE = slices.SLICE, size
    try:
        ordered = slices.by_count_and_text(swaps)
    finally:
        slices.SLICE = old_size
    expected = sorted(swaps, key=lambda s: (-s.count, s.old, s.new))
    assert [id(s) for s in ordered] == [id(s) for s in expected]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 1), max_size=50), st.integers(1, 6))
def test_filling_in_slices_keeps_every_item(bits, size):
    """An array filled a slice at a time holds what one call puts in it."""
    from itertools import accumulate

    old_size, slices.SLICE = slices.SLICE, size
    try:
        filled = slices.filled_in_slices(array("i"), accumulate(bits, initial=0))
    finally:
        slices.SLICE = old_size
    assert filled == array("i", accumulate(bits, initial=0))


def test_keys_too_big_for_numpy_are_sorted_by_python():
    """Integer keys past 64 bits (a huge text's ranks multiplied out) still sort right."""
    items = list(range(200))
    old_size, slices.SLICE = slices.SLICE, 10
    try:
        ordered = slices.sorted_by_number(items, lambda k: (200 - k) * 2**70)
    finally:
        slices.SLICE = old_size
    assert ordered == items[::-1]


def test_a_set_released_in_slices_ends_empty():
    """Every item goes, whatever the slice size."""
    items = {(k, str(k)) for k in range(50)}
    old_size, slices.SLICE = slices.SLICE, 7
    try:
        slices.release_set(items)
    finally:
        slices.SLICE = old_size
    assert items == set()
