"""Common English word pairs, and whether a swap broke one.

A synonym spinner replaces words one at a time and never looks at their neighbours, so it
turns fixed pairs that writers use every day into pairs nobody writes: "first year" ->
"first yr", "breast cancer" -> "breast most cancers", "health officials" -> "well being
officers". An editor who changes a word writes a phrase that exists.

The pair counts are symspellpy's English bigram dictionary
(``frequency_bigramdictionary_en_243_342.txt``: the 242,342 commonest word pairs of the
Google Books Ngram corpus, each seen at least 6.4 million times; symspellpy is MIT-licensed,
the counts come from data published under CC BY 3.0), shipped prebuilt as a hash table
(``resources/word_pairs_en.bin``), mapped into memory on first use.
A pair missing from it is not wrong English, only not a common pair: the rules below
only speak when the original pair is a collocation (very common, and far more common than
its two words' own frequencies predict: "first year", not "shop by") and its replacement
is missing. How much more common is the pair's pointwise mutual information, with the
words' counts from symspellpy's unigram dictionary of the same corpus.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache

from unspin.core.resources import little_endian_column, mapped

try:  # the interpreter's own BLAKE2 (what hashlib.blake2b is), without hashlib loading OpenSSL
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

#: symspellpy's word and word-pair counts, prebuilt as hash tables by
#: ``resources/build_word_pairs.py``.
TABLE = "word_pairs_en.bin"
#: A pair seen at least this often is a collocation a spinner can break ("first year":
#: 313 million; the dictionary's median pair is seen 14 million times).
COMMON_PAIR = 30_000_000
#: ... and its words occur together 2^7 times more often than chance (log2 units, with the
#: two files' different totals folded in): "first year" 9.3, "in the" 8.2, "shop by" 4.8.
COLLOCATION_PMI = 7.0


def key_of(text: str) -> int:
    """The table key of a lower-case word or "first second" pair."""
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


class _Counts:
    """One sorted hash table: keys and their counts."""

    def __init__(self, keys, counts, total: int, least: int):
        self.keys, self.counts = keys, counts
        self.total, self.least = total, least

    def get(self, text: str) -> int:
        key = key_of(text)
        at = bisect_left(self.keys, key)
        return self.counts[at] if at < len(self.keys) and self.keys[at] == key else 0


@lru_cache(maxsize=1)
def _tables() -> tuple[_Counts, _Counts]:
    """(words, pairs), on first use: five columns read in place from the file mapped into
    memory (only the pages a lookup touches are read)."""
    data = mapped(TABLE)
    columns, at = [], 0
    for _ in range(5):
        size = int.from_bytes(data[at:at + 8], "little")
        columns.append(little_endian_column(data, at + 8, size, "Q"))
        at += 8 + 8 * size
    words_total, words_least, pairs_total, pairs_least = columns[4]
    return (_Counts(columns[0], columns[1], words_total, words_least),
            _Counts(columns[2], columns[3], pairs_total, pairs_least))


@lru_cache(maxsize=1 << 16)  # a lookup is a hash probe: the cache only saves the lower-casing
def pair_count(first: str, second: str) -> int:
    """How often *first second* occurs in the corpus (0 when it is not a common pair)."""
    return _tables()[1].get(f"{first.lower()} {second.lower()}")


@lru_cache(maxsize=1 << 16)
def word_count(word: str) -> int:
    """How often *word* occurs in the same corpus (0 when it is not among its 82,765 words)."""
    return _tables()[0].get(word.lower())


def association(first: str, second: str) -> float:
    """Pointwise mutual information of a pair (log2; 0 when the pair is not common)."""
    together = pair_count(first, second)
    a, b = word_count(first), word_count(second)
    if not together or not a or not b:
        return 0.0
    return math.log2(together * _tables()[0].total / (a * b))


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
    words, pairs = _tables()
    chance = word_count(first) * word_count(second) / words.total
    return chance * pairs.total / words.total >= pairs.least


def _plain(word: str) -> bool:
    return word.replace("'", "").replace("’", "").isalpha()
