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
class _Side:
    tokens: Tokens
    paragraphs: list[tuple[int, int]]
    first_tokens: list[int]  # first token index of each paragraph

    @classmethod
    def build(cls, tokens: Tokens, paragraphs):
        return cls(tokens, paragraphs, tokens.tokens_at(s for s, _ in paragraphs))

    def paragraph_of(self, k: int) -> int:
        return bisect_right(self.first_tokens, k) - 1

    def paragraph_end_token(self, p: int) -> int:
        return self.first_tokens[p + 1] if p + 1 < len(self.first_tokens) else len(self.tokens)

    def words(self, p: int) -> int:
        return self.tokens.words_in(self.first_tokens[p], self.paragraph_end_token(p))

    def start_of(self, p: int) -> int:
        """Start offset of paragraph *p*; the text's end past the last paragraph."""
        return self.paragraphs[p][0] if p < len(self.paragraphs) else len(self.tokens.text)


def align_paragraphs(old: Tokens, new: Tokens, old_paragraphs, new_paragraphs,
                     runs) -> tuple[Block, ...]:
    """Blocks of aligned paragraphs, in order, tiling both texts."""
    sa, sb = _Side.build(old, old_paragraphs), _Side.build(new, new_paragraphs)
    links = _strong_links(sa, sb, _shared_words(sa, sb, runs))
    return tuple(_blocks(sa, sb, _components(links)))


def _shared_words(sa: _Side, sb: _Side, runs) -> Counter:
    """Matched tokens between each pair of paragraphs (one sweep: runs are in order)."""
    shared: Counter = Counter()
    fa, fb = sa.first_tokens + [len(sa.tokens)], sb.first_tokens + [len(sb.tokens)]
    pa = pb = -1  # paragraph indices: fa[pa] <= i < fa[pa + 1]
    for i, j, n in runs:
        while n > 0:
            while pa + 1 < len(fa) - 1 and fa[pa + 1] <= i:
                pa += 1
            while pb + 1 < len(fb) - 1 and fb[pb + 1] <= j:
                pb += 1
            step = min(n, fa[pa + 1] - i, fb[pb + 1] - j)
            if pa >= 0 and pb >= 0:
                shared[pa, pb] += step
            i, j, n = i + step, j + step, n - step
    return shared


def _strong_links(sa: _Side, sb: _Side, shared: Counter) -> list[tuple[int, int]]:
    links = []
    for (pa, pb), w in shared.items():
        shorter = min(sa.words(pa), sb.words(pb))
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


def _blocks(sa: _Side, sb: _Side, groups):
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
        old_end = len(sa.tokens.text) if last else sa.start_of(a2)
        new_end = len(sb.tokens.text) if last else sb.start_of(b2)
        yield Block(kind, old_pos, old_end, new_pos, new_end, (a1, a2), (b1, b2))
        old_pos, new_pos = old_end, new_end
