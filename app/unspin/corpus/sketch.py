"""What a spinner leaves alone, as a MinHash sketch: candidate originals for a copy.

A synonym spinner swaps common words one for one and keeps the rest: names, numbers, rare
words (terms of art have no synonyms to pick), and their order. A document's *anchors* are
those words in order — a capitalised word inside a sentence, a token with a digit, a word
rarer than :data:`RARE_ZIPF` on wordfreq's Zipf scale — and its features are the anchors
and each pair of neighbouring anchors. Two texts on the same topic share some anchors
(the same people and places) but seldom the same pairs in the same order; a copy shares
most of both with its original, even at a third of its words swapped.

The sketch is datasketch's MinHash of the features (``NUM_PERM`` permutations); a
MinHashLSH index over the originals' sketches gives each copy's candidates, and only those
are compared in full.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

NUM_PERM = 128
SEED = 7
SCHEME = "affine32"  # datasketch 2: 32-bit hashes, explicit so stored sketches read back
#: Words rarer than this (Zipf scale: 3 is once in a million words) are anchors.
RARE_ZIPF = 3.0
#: Fewer features than this make no sketch: a text too short to be matched by its anchors.
MIN_FEATURES = 4

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: Between two words, one of these opens a sentence (a capital after it is no name).
_OPENERS = frozenset(".!?:;\"“”\n")


def anchors(text: str) -> list[str]:
    """Names, numbers and rare words of *text*, in order, case-folded."""
    from unspin.core.frequencies import table_zipf

    found, previous_end = [], 0
    for m in _WORD.finditer(text):
        word = m.group()
        opens = previous_end == 0 or not _OPENERS.isdisjoint(text[previous_end:m.start()])
        previous_end = m.end()
        low = word.casefold()
        if any(c.isdigit() for c in word) or (word[0].isupper() and not opens and len(word) > 1):
            found.append(low)
            continue
        zipf = table_zipf(low)
        if zipf is not None and zipf < RARE_ZIPF and len(low) > 3:
            found.append(low)
    return found


def features(text: str) -> set[str]:
    """The anchors and the pairs of neighbouring anchors."""
    marks = anchors(text)
    return set(marks) | {f"{a} {b}" for a, b in zip(marks, marks[1:])}


def sketch(text: str) -> np.ndarray | None:
    """The MinHash values of *text*'s features (None: too few to match by)."""
    from datasketch import MinHash

    found = features(text)
    if len(found) < MIN_FEATURES:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_hash, scheme=SCHEME)
    m.update_batch([f.encode("utf-8") for f in found])
    return m.hashvalues.copy()


def _hash(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=4).digest(), "little")


def lean(values: np.ndarray):
    """A datasketch LeanMinHash of stored *values* (for the index)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity the two sketches estimate."""
    return float(np.count_nonzero(a == b)) / len(a)


__all__ = ["NUM_PERM", "anchors", "features", "lean", "similarity", "sketch"]
