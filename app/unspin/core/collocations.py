"""Common English word pairs, and whether a swap broke one.

A synonym spinner replaces words one at a time and never looks at their neighbours, so it
turns fixed pairs that writers use every day into pairs nobody writes: "first year" ->
"first yr", "breast cancer" -> "breast most cancers", "health officials" -> "well being
officers". An editor who changes a word writes a phrase that exists.

The pair counts are symspellpy's English bigram dictionary
(``frequency_bigramdictionary_en_243_342.txt``: the 242,342 commonest word pairs of the
Google Books Ngram corpus, each seen at least 6.4 million times; symspellpy is MIT-licensed,
the counts come from data published under CC BY 3.0). It is read on first use (0.3 s).
A pair missing from it is not wrong English, only not a common pair: the rules below
only speak when the original pair is a collocation (very common, and far more common than
its two words' own frequencies predict: "first year", not "shop by") and its replacement
is missing. How much more common is the pair's pointwise mutual information, with the
words' counts from symspellpy's unigram dictionary of the same corpus.
"""

from __future__ import annotations

import math
import os
from functools import lru_cache

BIGRAM_FILE = "frequency_bigramdictionary_en_243_342.txt"
UNIGRAM_FILE = "frequency_dictionary_en_82_765.txt"
#: A pair seen at least this often is a collocation a spinner can break ("first year":
#: 313 million; the dictionary's median pair is seen 14 million times).
COMMON_PAIR = 30_000_000
#: ... and its words occur together 2^7 times more often than chance (log2 units, with the
#: two files' different totals folded in): "first year" 9.3, "in the" 8.2, "shop by" 4.8.
COLLOCATION_PMI = 7.0


@lru_cache(maxsize=1)
def bigram_counts() -> dict[str, int]:
    """``"first year" -> 313018496``: lower-case word pairs and their corpus counts."""
    import symspellpy

    path = os.path.join(os.path.dirname(symspellpy.__file__), BIGRAM_FILE)
    counts = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            first, second, count = line.split()
            counts[f"{first} {second}"] = int(count)
    return counts


@lru_cache(maxsize=1)
def word_counts() -> tuple[dict[str, int], int]:
    """Lower-case word counts of the same corpus, and their total."""
    import symspellpy

    counts = {}
    with open(os.path.join(os.path.dirname(symspellpy.__file__), UNIGRAM_FILE), encoding="utf-8") as fh:
        for line in fh:
            word, count = line.split()
            counts[word] = int(count)
    return counts, sum(counts.values())


def association(first: str, second: str) -> float:
    """Pointwise mutual information of a pair (log2; 0 when the pair is not common)."""
    together = pair_count(first, second)
    counts, total = word_counts()
    a, b = counts.get(first.lower(), 0), counts.get(second.lower(), 0)
    if not together or not a or not b:
        return 0.0
    return math.log2(together * total / (a * b))


def pair_count(first: str, second: str) -> int:
    """How often *first second* occurs in the corpus (0 when it is not a common pair)."""
    return bigram_counts().get(f"{first.lower()} {second.lower()}", 0)


def broken_pair(before: str | None, old: str, new: str, after: str | None) -> str | None:
    """Why replacing *old* by *new* between *before* and *after* broke a common pair, or
    None. Only single words are judged; the neighbours are the unchanged words around."""
    for left, right, new_left, new_right in ((before, old, before, new), (old, after, new, after)):
        if not left or not right or not _plain(left) or not _plain(right):
            continue
        common = pair_count(left, right)
        if common >= COMMON_PAIR and pair_count(new_left, new_right) == 0 \
                and association(left, right) >= COLLOCATION_PMI and _absence_tells(new_left, new_right):
            return (f"'{left} {right}' is a common pair of words ({common / 1e6:,.0f} million uses"
                    f" in Google Books) and '{new_left} {new_right}' is not one: a word was swapped"
                    " without regard to its neighbour")
    return None


def _absence_tells(first: str, second: str) -> bool:
    """Whether a pair missing from the dictionary is evidence: two words common enough that,
    used together merely by chance, they would be seen often enough to be listed ("numerous
    people" is missing because "numerous" is not common enough; "successful the" is missing
    although "successful" and "the" are common)."""
    counts, total = word_counts()
    scale, least = _pair_scale()
    chance = counts.get(first.lower(), 0) * counts.get(second.lower(), 0) / total
    return chance * scale >= least


@lru_cache(maxsize=1)
def _pair_scale() -> tuple[float, int]:
    """Bigram counts per unigram count (the two files count different totals), and the
    least count a listed pair has."""
    pairs = bigram_counts()
    return sum(pairs.values()) / word_counts()[1], min(pairs.values(), default=1)


def _plain(word: str) -> bool:
    return word.replace("'", "").replace("’", "").isalpha()
