"""Paragraph alignment: which paragraphs of one text correspond to which of the other.

Derived from the word diff's equal runs: two paragraphs are linked when they share
enough matched words. Linked paragraphs form blocks (a split paragraph gives one old
paragraph against two new ones, a merge the reverse); paragraphs that share nothing
become inserted, deleted, or, when both sides have some between the same neighbours,
rewritten blocks. The blocks are in order on both sides and tile both texts, so a view
can scroll both panes in step on them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from unspin.core.paragraphs import paragraph_spans
from unspin.core.tokens import Tokens

#: A link needs this share of the shorter paragraph's words, or MIN_LINK_WORDS words.
MIN_LINK_SHARE = 0.3
MIN_LINK_WORDS = 8


class Block(NamedTuple):
    """Aligned paragraphs: ``old_paragraphs`` and ``new_paragraphs`` are index ranges,
    the spans cover the text from the block's first paragraph to the next block's."""

    kind: str  # "aligned", "inserted", "deleted" or "rewritten"
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_paragraphs: tuple[int, int]
    new_paragraphs: tuple[int, int]


@dataclass(frozen=True)
class Layout:
    """Where one text's paragraphs are, in code points and in tokens: all the alignment
    needs, small enough to send to another process."""

    paragraphs: list[tuple[int, int]]  # code-point spans
    first_tokens: list[int]  # first token of each paragraph
    words: list[int]  # words in each paragraph
    token_count: int
    text_length: int

    def start_of(self, p: int) -> int:
        """Start offset of paragraph *p*; the text's end past the last paragraph."""
        return self.paragraphs[p][0] if p < len(self.paragraphs) else self.text_length


def layout_of(tokens: Tokens) -> Layout:
    """The paragraph layout of a tokenized text."""
    paragraphs = paragraph_spans(tokens.text)
    first = tokens.tokens_at(s for s, _ in paragraphs)
    count = tokens.word_mask.count
    words = [count("1", a, b) for a, b in zip(first, first[1:] + [len(tokens)])]
    return Layout(paragraphs, first, words, len(tokens), len(tokens.text))


def align_paragraphs(sa: Layout, sb: Layout, runs) -> tuple[Block, ...]:
    """Blocks of aligned paragraphs, in order, tiling both texts."""
    links = _strong_links(sa, sb, _shared_words(sa, sb, runs))
    return tuple(_blocks(sa, sb, _components(links)))


def _shared_words(sa: Layout, sb: Layout, runs) -> Counter:
    """Matched tokens between each pair of paragraphs (one sweep: runs are in order)."""
    shared: Counter = Counter()
    fa, fb = sa.first_tokens + [sa.token_count], sb.first_tokens + [sb.token_count]
    last_a, last_b = len(fa) - 2, len(fb) - 2
    pa = pb = -1  # paragraph indices: fa[pa] <= i < fa[pa + 1] = end_a
    end_a, end_b = fa[0], fb[0]
    for i, j, n in runs:
        if i + n <= end_a and j + n <= end_b and pa >= 0 and pb >= 0:  # most runs
            shared[pa, pb] += n
            continue
        while n > 0:
            if i >= end_a:
                pa = min(bisect_right(fa, i) - 1, last_a)
                end_a = fa[pa + 1]
            if j >= end_b:
                pb = min(bisect_right(fb, j) - 1, last_b)
                end_b = fb[pb + 1]
            step = min(n, end_a - i, end_b - j)
            if pa >= 0 and pb >= 0:
                shared[pa, pb] += step
            i, j, n = i + step, j + step, n - step
    return shared


def _strong_links(sa: Layout, sb: Layout, shared: Counter) -> list[tuple[int, int]]:
    links = []
    words_a, words_b = sa.words, sb.words
    for (pa, pb), w in shared.items():
        shorter = min(words_a[pa], words_b[pb])
        if w and (w >= MIN_LINK_WORDS or w >= MIN_LINK_SHARE * shorter):
            links.append((pa, pb))
    return sorted(links)


def _components(links):
    """Group in-order links into ranges ``(a_lo, a_hi, b_lo, b_hi)`` (inclusive)."""
    groups: list[list[int]] = []
    for pa, pb in links:
        if groups and (pa <= groups[-1][1] or pb <= groups[-1][3]):
            g = groups[-1]
            g[1], g[3] = max(g[1], pa), max(g[3], pb)
        else:
            groups.append([pa, pa, pb, pb])
    return groups


def _blocks(sa: Layout, sb: Layout, groups):
    """Blocks for the linked groups and the unlinked paragraphs between them."""
    ranges = []
    pa = pb = 0
    na, nb = len(sa.paragraphs), len(sb.paragraphs)
    for a_lo, a_hi, b_lo, b_hi in groups + [[na, na - 1, nb, nb - 1]]:
        if a_lo > pa or b_lo > pb:
            kind = "rewritten" if a_lo > pa and b_lo > pb else "deleted" if a_lo > pa else "inserted"
            ranges.append((kind, pa, a_lo, pb, b_lo))
        if a_hi >= a_lo:
            ranges.append(("aligned", a_lo, a_hi + 1, b_lo, b_hi + 1))
        pa, pb = a_hi + 1, b_hi + 1
    old_pos = new_pos = 0
    for n, (kind, a1, a2, b1, b2) in enumerate(ranges):
        last = n == len(ranges) - 1
        old_end = sa.text_length if last else sa.start_of(a2)
        new_end = sb.text_length if last else sb.start_of(b2)
        yield Block(kind, old_pos, old_end, new_pos, new_end, (a1, a2), (b1, b2))
        old_pos, new_pos = old_end, new_end
