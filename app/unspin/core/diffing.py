"""Word diff of two code strings (one character a token).

diff-match-patch is exact but its cost grows with the product of the lengths and the
number of edits, which is prohibitive for whole books. So, as in patience diff, the
texts are first anchored on tokens that occur exactly once in each (or, where there
are none, the same small number of times in each), the longest chain of anchors in
the same order is kept, and only the gaps between anchors are diffed, recursively.
Gaps are small in practice, so the whole is close to linear.

diff-match-patch runs with ``Diff_Timeout = 0``: a deadline would silently turn
what it could not finish into "delete all, insert all".
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from itertools import chain as chained
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable

from diff_match_patch import diff_match_patch

from unspin.core.slices import SLICE, count_in_slices, sorted_in_slices

try:  # the C++ port of diff-match-patch: same algorithm and results, ~7x faster
    import fast_diff_match_patch as _fast_dmp
except ImportError:  # pragma: no cover - the pure-Python library is the fallback
    _fast_dmp = None

#: Gaps whose length product is at most this are diffed directly; larger ones are
#: anchored first and cut into stretches of about CHUNK tokens between anchors.
#: diff-match-patch costs O(N*D), so the C++ port takes far bigger stretches.
DIRECT_DIFF_PRODUCT = 250_000 if _fast_dmp else 64
CHUNK = 300 if _fast_dmp else 8
#: Gaps without any anchor are still diffed exactly up to this product; larger ones
#: (unrelated texts) are reported as replaced whole, and the result says so.
MAX_ANCHORLESS_PRODUCT = 4_000_000
#: Tokens occurring the same number of times on both sides, at most this often,
#: serve as anchors where no token is unique.
MAX_REPEAT_ANCHOR = 8
#: Where even those are missing, more frequent tokens are taken until there is one anchor
#: candidate every this many tokens.
ANCHOR_SPACING = 50
_CANCEL_CHECK_EVERY = 256
_ONES = re.compile(b"\x01+")
_ONE = re.compile("1")


class Cancelled(Exception):
    """The caller asked to stop."""


@dataclass(frozen=True)
class Op:
    """One diff operation over token ranges ``[a1, a2)`` old and ``[b1, b2)`` new."""

    tag: str  # "equal", "replace", "delete" or "insert"
    a1: int
    a2: int
    b1: int
    b2: int


class Runs:
    """Equal runs ``(i, j, n)`` in order, kept flat in one array (a book has hundreds of
    thousands: as tuples they took 130 bytes each, here 12); iterating gives the tuples."""

    __slots__ = ("flat",)

    def __init__(self, runs=()):
        self.flat = array("i")
        append = self.flat.extend
        for run in runs:
            append(run)

    def __iter__(self):
        f = self.flat
        return zip(f[0::3], f[1::3], f[2::3])

    def __len__(self) -> int:
        return len(self.flat) // 3

    def __eq__(self, other) -> bool:
        return isinstance(other, Runs) and self.flat == other.flat


@dataclass(frozen=True)
class DiffResult:
    """Equal runs ``(i, j, n)`` in order, the ops they imply, and whether any gap was too
    large and unrelated to diff exactly (reported as replaced whole)."""

    runs: Runs
    ops: "OpList"
    coarse_gaps: int


def diff_codes(a: str, b: str, *, should_cancel: Callable[[], bool] | None = None,
               progress: Callable[[float], None] | None = None) -> DiffResult:
    """Diff two code strings; raises ``Cancelled`` when *should_cancel* says so."""
    differ = _GapDiffer(a, b, should_cancel, progress)
    runs = differ.run()
    return DiffResult(runs=runs, ops=OpList.from_runs(runs, len(a), len(b)),
                      coarse_gaps=differ.coarse_gaps)


_TAGS = OP_NAMES = ("equal", "replace", "delete", "insert")
EQUAL, REPLACE, DELETE, INSERT = range(4)


class OpList(Sequence):
    """Ops stored compactly (a book has a million of them); indexing gives ``Op`` values."""

    def __init__(self, tags: bytes, bounds: array):
        self._tags = tags
        self._bounds = bounds  # a1, a2, b1, b2 per op

    @classmethod
    def from_runs(cls, runs, n_a: int, n_b: int) -> "OpList":
        """The ops implied by equal runs, covering both sequences."""
        tags: list[int] = []
        bounds: list[int] = []
        add_tag, add_bounds = tags.append, bounds.extend
        i = j = 0
        for ri, rj, n in chained(runs, [(n_a, n_b, 0)]):
            if ri > i or rj > j:
                add_tag(REPLACE if ri > i and rj > j else DELETE if ri > i else INSERT)
                add_bounds((i, ri, j, rj))
            if n:
                add_tag(EQUAL)
                add_bounds((ri, ri + n, rj, rj + n))
            i, j = ri + n, rj + n
        packed = array("i")  # token indices: 32 bits, as the runs' (half the memory of 64)
        for k in range(0, len(bounds), 4 * SLICE):  # slices: see unspin.core.slices
            packed.extend(bounds[k:k + 4 * SLICE])
        return cls(b"".join(bytes(tags[k:k + SLICE]) for k in range(0, len(tags), SLICE)), packed)

    def raw(self):
        """Every op as a plain tuple ``(tag_code, a1, a2, b1, b2)``: fast bulk iteration."""
        b, tags, step = self._bounds, self._tags, SLICE
        for k in range(0, len(tags), step):
            q = b[4 * k:4 * (k + step)]
            yield from zip(tags[k:k + step], q[0::4], q[1::4], q[2::4], q[3::4])

    def index_at_old(self, token: int) -> int:
        """Index of the op holding old token *token*: the first whose old end lies beyond it."""
        lo, hi = 0, len(self._tags)
        b = self._bounds
        while lo < hi:
            mid = (lo + hi) // 2
            if b[4 * mid + 1] <= token:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def __len__(self) -> int:
        return len(self._tags)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        b = self._bounds
        return Op(_TAGS[self._tags[k]], b[4 * k], b[4 * k + 1], b[4 * k + 2], b[4 * k + 3])


class _GapDiffer:
    """Works through a stack of gaps, collecting equal runs."""

    def __init__(self, a, b, should_cancel, progress):
        self.a, self.b = a, b
        self.should_cancel = should_cancel
        self.progress = progress
        self.runs: list[tuple[int, int, int]] = []
        self.coarse_gaps = 0
        self.dmp = diff_match_patch()
        self.dmp.Diff_Timeout = 0  # never let a deadline change the result

    def run(self):
        stack = [(0, len(self.a), 0, len(self.b))]
        steps = 0
        while stack:
            steps += 1
            if steps % _CANCEL_CHECK_EVERY == 0:
                self._check_cancel(stack[-1][0])
            stack.extend(reversed(self._split_gap(*stack.pop())))
        runs, self.runs = self.runs, []
        return Runs(_merge_runs(sorted_in_slices(runs)))

    def _check_cancel(self, position):
        if self.should_cancel is not None and self.should_cancel():
            raise Cancelled()
        if self.progress is not None and self.a:
            self.progress(position / len(self.a))

    def _split_gap(self, a0, a1, b0, b1):
        """Match what can be matched directly in a gap; return the sub-gaps left over."""
        a, b = self.a, self.b
        n = _common_prefix(a, b, a0, a1, b0, b1)
        if n:
            self.runs.append((a0, b0, n))
            a0, b0 = a0 + n, b0 + n
        n = _common_suffix(a, b, a0, a1, b0, b1)
        if n:
            self.runs.append((a1 - n, b1 - n, n))
            a1, b1 = a1 - n, b1 - n
        if a0 == a1 or b0 == b1:
            return []
        sa, sb = a[a0:a1], b[b0:b1]
        if len(sa) == 1 or len(sb) == 1:
            self._match_single(sa, sb, a0, b0)
            return []
        if len(sa) + len(sb) < 4096 and set(sa).isdisjoint(sb):  # a shortcut for small gaps
            return []
        product = len(sa) * len(sb)
        if product <= DIRECT_DIFF_PRODUCT:
            self._diff_directly(sa, sb, a0, b0)
            return []
        anchors = _anchor_chain(sa, sb)
        if not anchors and product <= MAX_ANCHORLESS_PRODUCT:
            self._diff_directly(sa, sb, a0, b0)
            return []
        if not anchors:  # too long to diff exactly: anchor on frequent tokens still in step
            anchors = _anchor_chain(sa, sb, frequent=True)
        if not anchors:
            self.coarse_gaps += 1
            return []
        gaps = []
        pa, pb = a0, b0
        for i, j in _spread(anchors, len(sa), len(sb)):
            self.runs.append((a0 + i, b0 + j, 1))
            gaps.append((pa, a0 + i, pb, b0 + j))
            pa, pb = a0 + i + 1, b0 + j + 1
        gaps.append((pa, a1, pb, b1))
        return [g for g in gaps if g[0] < g[1] and g[2] < g[3]]

    def _match_single(self, sa, sb, a0, b0):
        """One side is a single token: match it where it first occurs on the other side."""
        if len(sa) == 1:
            k = sb.find(sa)
            if k >= 0:
                self.runs.append((a0, b0 + k, 1))
        else:
            k = sa.find(sb)
            if k >= 0:
                self.runs.append((a0 + k, b0, 1))

    def _diff_directly(self, sa, sb, a0, b0):
        if len(sa) == len(sb):
            same = bytes(map(str.__eq__, sa, sb))  # 1 where the tokens are equal in place
            if same.count(1) * 2 >= len(same):  # mostly word-for-word swaps: keep them in place
                add = self.runs.append
                for m in _ONES.finditer(same):
                    start, end = m.span()
                    add((a0 + start, b0 + start, end - start))
                return
        i, j = a0, b0
        for op, n in _diff_counts(self.dmp, sa, sb):
            if op == 0:
                self.runs.append((i, j, n))
                i, j = i + n, j + n
            elif op < 0:
                i += n
            else:
                j += n


def _diff_counts(dmp, sa: str, sb: str):
    """``(op, length)`` pairs of diff-match-patch's diff (op: 0 equal, -1 delete, 1 insert)."""
    if _fast_dmp is not None:
        ops = {"=": 0, "-": -1, "+": 1}
        return [(ops[op], n) for op, n in
                _fast_dmp.diff(sa, sb, timelimit=0, checklines=False, cleanup="No", counts_only=True)]
    return [(op, len(text)) for op, text in dmp.diff_main(sa, sb, False)]


def _spread(anchors: list[tuple[int, int]], n_a: int, n_b: int) -> list[tuple[int, int]]:
    """Keep only the anchors needed to cut a gap into stretches of about CHUNK tokens."""
    kept = []
    last_i = last_j = -1
    for k, (i, j) in enumerate(anchors):
        ni, nj = anchors[k + 1] if k + 1 < len(anchors) else (n_a, n_b)
        if ni - last_i > CHUNK or nj - last_j > CHUNK:
            kept.append((i, j))
            last_i, last_j = i, j
    return kept or anchors[len(anchors) // 2:len(anchors) // 2 + 1]  # always make progress


def _anchor_chain(sa: str, sb: str, frequent: bool = False) -> list[tuple[int, int]]:
    """The longest in-order chain of anchor pairs: unique tokens, else rare repeated ones
    (with *frequent*, else the rarest of those as frequent on both sides)."""
    ca, cb = count_in_slices(sa), count_in_slices(sb)
    unique = {c for c, k in ca.items() if k == 1 and cb.get(c) == 1}
    if unique:
        ia, ib = _positions_of(sa, ca, unique), _positions_of(sb, cb, unique)
        pos_b = dict(zip(map(sb.__getitem__, ib), ib))
        pairs = list(zip(ia, map(pos_b.__getitem__, map(sa.__getitem__, ia))))
    else:
        repeated = _equal_count_tokens(ca, cb, len(sa), frequent)
        if not repeated:
            return []
        seen_b: dict[str, list[int]] = {}
        for j, c in enumerate(sb):
            if c in repeated:
                seen_b.setdefault(c, []).append(j)
        nth: Counter = Counter()
        pairs = []
        for i, c in enumerate(sa):
            if c in repeated:
                pairs.append((i, seen_b[c][nth[c]]))
                nth[c] += 1
    return _longest_increasing(pairs)


def _equal_count_tokens(ca: Counter, cb: Counter, length: int, frequent: bool) -> set[str]:
    """Tokens as frequent on both sides, to pair occurrence by occurrence: those seen at
    most MAX_REPEAT_ANCHOR times; failing any and with *frequent*, the rarest others,
    enough of them for an anchor every ANCHOR_SPACING tokens (a text of many repeated
    passages, where every word recurs dozens of times, still keeps its punctuation and
    most words in step)."""
    equal = [(k, c) for c, k in ca.items() if cb.get(c) == k]
    rare = {c for k, c in equal if k <= MAX_REPEAT_ANCHOR}
    if rare or not frequent:
        return rare
    chosen, total = set(), 0
    for k, c in sorted(equal):
        if total >= length // ANCHOR_SPACING:
            break
        chosen.add(c)
        total += k
    return chosen


def _positions_of(s: str, counts, wanted: set[str]) -> list[int]:
    """Positions in *s* of the characters in *wanted* (*counts*: every character of *s*).
    A translation and a regex scan: twice as fast as a Python loop over a long gap."""
    table = {ord(c): "1" if c in wanted else "0" for c in counts}
    positions = []
    for k in range(0, len(s), SLICE):  # slices: no long GIL-holding call (see slices)
        positions.extend(k + m.start() for m in _ONE.finditer(s[k:k + SLICE].translate(table)))
    return positions


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of *pairs* (sorted by first item) increasing in the second."""
    tails: list[int] = []      # smallest j ending a chain of each length
    tail_index: list[int] = []  # index into pairs of that tail
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[pos] = j
            tail_index[pos] = k
        back[k] = tail_index[pos - 1] if pos else -1
    chain = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    chain.reverse()
    return chain


def _merge_runs(runs):
    """Join runs that continue one another."""
    merged = []
    append = merged.append
    ci, cj, cn = -2, -2, 0
    for i, j, n in runs:
        if ci + cn == i and cj + cn == j:
            cn += n
        else:
            if cn:
                append((ci, cj, cn))
            ci, cj, cn = i, j, n
    if cn:
        append((ci, cj, cn))
    return merged


def _common_prefix(a, b, a0, a1, b0, b1) -> int:
    """Length of the common prefix of ``a[a0:a1]`` and ``b[b0:b1]`` (binary search on slices)."""
    lo, hi = 0, min(a1 - a0, b1 - b0)
    if hi == 0 or a[a0] != b[b0]:
        return 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[a0:a0 + mid] == b[b0:b0 + mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a, b, a0, a1, b0, b1) -> int:
    """Length of the common suffix of ``a[a0:a1]`` and ``b[b0:b1]``."""
    lo, hi = 0, min(a1 - a0, b1 - b0)
    if hi == 0 or a[a1 - 1] != b[b1 - 1]:
        return 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[a1 - mid:a1] == b[b1 - mid:b1]:
            lo = mid
        else:
            hi = mid - 1
    return lo
