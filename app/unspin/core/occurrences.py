"""Where each swap stands: are the words around it unchanged, is it inside a name?

A spinner swaps words in place and keeps the sentence around them; an editor who
restructures a sentence, and a diff that pairs words of two unrelated passages, leave
nothing unchanged around a "swap". These facts are computed once per comparison for all
occurrences at once (numpy over the token arrays), so a book costs no per-word loop.

numpy is imported on first use: its BLAS starts threads at import, and a process with
threads may no longer fork its second process (see :func:`unspin.core.parallel.can_fork`),
which a comparison starts before it gets here.
"""

from __future__ import annotations

from dataclasses import dataclass

from unspin.core.swaps import Swap
from unspin.core.tokens import Tokens

#: Words looked at on each side of an occurrence.
CONTEXT_WORDS = 3
#: Of those (up to six), this many must be unchanged for the swap to stand in kept context.
KEPT_NEEDED = 2
#: Neighbours (before, after) kept per swap for the collocation check.
NEIGHBOURS_KEPT = 3
_SENTENCE_OPENERS = set(".!?:;\"“”'‘’«»—–-()[]•*#\n")


@dataclass(frozen=True)
class Placement:
    """Facts about one distinct swap's occurrences."""

    in_context: int  # occurrences whose surrounding words are mostly unchanged
    neighbours: tuple[tuple[str | None, str | None], ...]  # unchanged words before/after (old text)
    in_name: bool  # an occurrence's old word is part of a name (capitalised inside a sentence)


class _Side:
    """One text's tokens as arrays: which word tokens are unchanged, counted cumulatively."""

    def __init__(self, tokens: Tokens, runs, column: int):
        import numpy as np

        n = len(tokens)
        delta = np.zeros(n + 1, np.int32)
        if runs:
            r = np.asarray(runs, dtype=np.int64).reshape(-1, 3)
            np.add.at(delta, r[:, column], 1)
            np.add.at(delta, r[:, column] + r[:, 2], -1)
        kept = np.cumsum(delta[:n]) > 0
        is_word = np.frombuffer(tokens.word_mask.encode("ascii"), np.uint8) == ord("1")
        self.tokens = tokens
        self.word_tokens = np.flatnonzero(is_word)
        self.kept_words = kept[self.word_tokens]
        self.kept_before = np.concatenate(([0], np.cumsum(self.kept_words)))
        self.ends = np.frombuffer(tokens.offsets, dtype=np.int32)[1::2] if len(tokens) else \
            np.zeros(0, np.int32)

    def word_range(self, starts, ends):
        """Word ordinals [first, last+1) of the spans [start, end) (numpy arrays)."""
        import numpy as np

        first_token = np.searchsorted(self.ends, starts, side="right")
        last_token = np.searchsorted(self.ends, np.maximum(starts, ends - 1), side="right")
        first = np.searchsorted(self.word_tokens, first_token, side="left")
        last = np.searchsorted(self.word_tokens, last_token, side="right")
        return first, last

    def in_context(self, first, last):
        """Whether the words around each span are mostly unchanged: of the CONTEXT_WORDS on
        each side, KEPT_NEEDED in all and at least one on each side (where the text has
        words on that side): a word whose following words all changed, at the end of an
        unchanged passage, opens a rewritten sentence."""
        import numpy as np

        total = len(self.word_tokens)
        lo = np.maximum(0, first - CONTEXT_WORDS)
        hi = np.minimum(total, last + CONTEXT_WORDS)
        cs = self.kept_before
        before, after = cs[first] - cs[lo], cs[hi] - cs[last]
        looked = (first - lo) + (hi - last)
        enough = (before + after) >= np.minimum(KEPT_NEEDED, np.maximum(1, looked // 2))
        return enough & ((before > 0) | (first == lo)) & ((after > 0) | (hi == last))

    def word(self, ordinal: int) -> str | None:
        """The surface of word *ordinal*, if it exists and is unchanged."""
        if 0 <= ordinal < len(self.word_tokens) and self.kept_words[ordinal]:
            return self.tokens.surface(int(self.word_tokens[ordinal]))
        return None


def place_swaps(old: Tokens, new: Tokens, runs, swaps: list[Swap]) -> list[Placement]:
    """A :class:`Placement` for each swap, in the same order."""
    import numpy as np

    if not swaps:
        return []
    side = _Side(old, runs, 0)
    counts = np.fromiter((s.count for s in swaps), np.int64, len(swaps))
    spans = np.concatenate([np.frombuffer(s.spans, dtype=np.int64) for s in swaps]).reshape(-1, 4)
    first, last = side.word_range(spans[:, 0], spans[:, 1])
    in_context = side.in_context(first, last)
    owner = np.repeat(np.arange(len(swaps)), counts)
    per_swap = np.bincount(owner, weights=in_context, minlength=len(swaps)).astype(np.int64)
    out, at = [], 0
    for k, swap in enumerate(swaps):
        rows = range(at, at + swap.count)
        at += swap.count
        chosen = [r for r in rows if in_context[r]][:NEIGHBOURS_KEPT]
        neighbours = tuple((side.word(int(first[r]) - 1), side.word(int(last[r]))) for r in chosen)
        out.append(Placement(int(per_swap[k]), neighbours, _in_name(old, swap)))
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
