"""Where each swap stands: are the words around it unchanged, is it inside a name?

A spinner swaps words in place and keeps the sentence around them; an editor who
restructures a sentence, and a diff that pairs words of two unrelated passages, leave
nothing unchanged around a "swap". The facts come from compact arrays built once per
comparison (cumulative counts of unchanged words, token ends), each occurrence looked up by
binary search: no per-token loop in Python, and no numpy to import for a short pair.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, compress

from unspin.core.slices import filled_in_slices
from unspin.core.swaps import Swap
from unspin.core.tokens import Tokens

#: Words looked at on each side of an occurrence.
CONTEXT_WORDS = 3
#: Of those (up to six), this many must be unchanged for the swap to stand in kept context.
KEPT_NEEDED = 2
#: Neighbours (before, after) kept per swap for the collocation check.
NEIGHBOURS_KEPT = 3
_SENTENCE_OPENERS = set(".!?:;\"“”'‘’«»—–-()[]•*#\n")
#: Turns a word mask ("1" word, "0" punctuation) into selectors for itertools.compress.
_WORD_SELECTOR = bytes.maketrans(b"01", b"\x00\x01")


@dataclass(frozen=True, slots=True)
class Placement:
    """Facts about one distinct swap's occurrences."""

    in_context: int  # occurrences whose surrounding words are mostly unchanged
    neighbours: tuple[tuple[str | None, str | None], ...]  # unchanged words before/after (old text)
    in_name: bool  # an occurrence's old word is part of a name (capitalised inside a sentence)


class _Side:
    """One text's tokens as compact arrays: which word tokens are unchanged, counted
    cumulatively, and where each token ends."""

    def __init__(self, tokens: Tokens, runs, column: int):
        n = len(tokens)
        kept = bytearray(n)
        for run in runs:
            at, length = run[column], run[2]
            kept[at:at + length] = b"\x01" * length
        is_word = tokens.word_mask.encode("ascii").translate(_WORD_SELECTOR)
        self.tokens = tokens
        self.word_tokens = filled_in_slices(array("i"), compress(range(n), is_word))
        self.kept_words = bytes(filled_in_slices(bytearray(), compress(kept, is_word)))
        self.kept_before = filled_in_slices(array("i"), accumulate(self.kept_words, initial=0))
        self.ends = tokens.offsets[1::2]

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """Word ordinals [first, last+1) of the span [start, end)."""
        first_token = bisect_right(self.ends, start)
        last_token = bisect_right(self.ends, max(start, end - 1))
        return bisect_left(self.word_tokens, first_token), bisect_right(self.word_tokens, last_token)

    def in_context(self, first: int, last: int) -> bool:
        """Whether the words around a span are mostly unchanged: of the CONTEXT_WORDS on
        each side, KEPT_NEEDED in all and at least one on each side (where the text has
        words on that side): a word whose following words all changed, at the end of an
        unchanged passage, opens a rewritten sentence."""
        lo = max(0, first - CONTEXT_WORDS)
        hi = min(len(self.word_tokens), last + CONTEXT_WORDS)
        cs = self.kept_before
        before, after = cs[first] - cs[lo], cs[hi] - cs[last]
        looked = (first - lo) + (hi - last)
        return (before + after >= min(KEPT_NEEDED, max(1, looked // 2))
                and (before > 0 or first == lo) and (after > 0 or hi == last))

    def word(self, ordinal: int) -> str | None:
        """The surface of word *ordinal*, if it exists and is unchanged."""
        if 0 <= ordinal < len(self.word_tokens) and self.kept_words[ordinal]:
            return self.tokens.surface(self.word_tokens[ordinal])
        return None


class Placements(Sequence):
    """The :class:`Placement` of each swap, held in compact arrays (a book has hundreds of
    thousands of swaps): each Placement is made when asked for."""

    def __init__(self, in_context: array, in_name: bytearray, neighbour_ends: array,
                 words: list[str | None]):
        self.in_context = in_context  # per swap
        self.in_name = in_name  # per swap
        self._neighbour_ends = neighbour_ends  # 0, then per swap: where its neighbours end in words
        self._words = words  # (before, after) of each neighbour, flat

    def __len__(self) -> int:
        return len(self.in_context)

    def __iter__(self):
        return map(self.__getitem__, range(len(self)))

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        words = self._words[self._neighbour_ends[k]:self._neighbour_ends[k + 1]]
        return Placement(self.in_context[k], tuple(zip(words[0::2], words[1::2])),
                         bool(self.in_name[k]))


def place_swaps(old: Tokens, new: Tokens, runs, swaps: list[Swap]) -> Placements:
    """A :class:`Placement` for each swap, in the same order."""
    out = Placements(array("i"), bytearray(), array("i", [0]), [])
    if not swaps:
        return out
    side = _Side(old, runs, 0)
    words = {None: None}  # one string per neighbouring word, however many swaps it borders
    add_context, add_name, add_end = out.in_context.append, out.in_name.append, out._neighbour_ends.append
    flat = out._words
    for swap in swaps:
        spans = swap.spans
        in_context, kept = 0, 0
        for k in range(0, len(spans), 4):
            first, last = side.word_range(spans[k], spans[k + 1])
            if side.in_context(first, last):
                in_context += 1
                if kept < NEIGHBOURS_KEPT:
                    kept += 1
                    before, after = side.word(first - 1), side.word(last)
                    flat += (words.setdefault(before, before), words.setdefault(after, after))
        add_context(in_context)
        add_name(_in_name(old, swap))
        add_end(len(flat))
    return out


def _in_name(old: Tokens, swap: Swap) -> bool:
    """Whether an occurrence's old word is a capitalised word inside a sentence, or next to
    another capitalised word ("Colorado Option"): part of a name."""
    word = swap.old.strip()
    if not word[:1].isupper() or word.isupper() or " " in word:
        return False
    text = old.text
    for start, end, _, _ in swap.occurrences[:20]:
        before = text[max(0, start - 40):start].rstrip(" \t")
        opens = not before or before[-1] in _SENTENCE_OPENERS
        if not opens:
            return True
        following = text[end:end + 40].split()
        if following and following[0][:1].isupper() and following[0][:1].isalpha():
            return True
    return False
