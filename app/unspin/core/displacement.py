"""Displaced function words: a spinner that always replaces a function word moves its
frequency onto the replacement.

English spends a steady share of its words on a few function words ("the" is about one
word in eighteen). A spinner that replaces "the" by the same word every time leaves a text
in which "the" is all but missing and an ordinary content word ("nan") is used as often as
"the" should have been. Neither happens in written English: a missing "the" in a few
hundred words is as unlikely as a content word at a function word's rate. The pairing needs
no list: the over-used word is matched with the missing function word whose shortfall its
count fills.
"""

from __future__ import annotations

import math
from collections import Counter

from unspin.core.scoring import zipf

#: The function words every kind of prose spends its words on, whatever its genre (pronouns,
#: modals and tenses of "be" vary with the genre: a report may well have no "I").
STEADY = frozenset("the a an of in to for on with at by from as and or that".split())

#: A function word is looked at when a text this long should hold it at least this often,
MIN_EXPECTED = 8.0
#: ... and it is one of the few that make up this share of all words or more (the, of, and,
#: to, a, in): only their frequency is steady enough for a shortfall to tell.
MIN_SHARE = 0.01
#: ... and it is missing when the text holds less than this share of that.
MISSING_SHARE = 0.35
#: A content word is over-used when it occurs this many times more often than usual...
OVERUSE = 100.0
#: ... and at least this often, and as this share of all words (a function word's rate: a
#: text's subject is rarely one word in a hundred).
MIN_COUNT = 4
#: The over-used word's count must fill between these shares of the shortfall (news spends
#: more of its words on "the" than English at large, so the shortfall is an underestimate).
FILL = (0.4, 4.0)


def expected(word: str, words: int) -> float:
    """How often *word* occurs in *words* words of ordinary English (from wordfreq)."""
    return words * 10 ** (zipf(word) - 9)


def displaced(counts: Counter, lower_counts: Counter, words: int) -> dict[str, tuple[str, int, float, int]]:
    """Over-used word -> (missing function word, its count, its expected count, the word's
    own count), for every pairing the counts support. *counts* are of the case-folded words,
    *lower_counts* of those written in lower case (a name used often is a text's subject)."""
    shortfalls = {}
    for fw in STEADY:
        want = expected(fw, words)
        if want >= max(MIN_EXPECTED, MIN_SHARE * words) and counts[fw] < MISSING_SHARE * want:
            shortfalls[fw] = (counts[fw], want)
    if not shortfalls:
        return {}
    overused = {}
    for word, count in counts.items():
        if count < max(MIN_COUNT, MIN_SHARE * words) or word in STEADY or not word.isalpha() \
                or 2 * lower_counts[word] < count:
            continue
        ratio = count / max(expected(word, words), 1e-6)
        if ratio >= OVERUSE:
            overused[word] = ratio
    fits = sorted((abs(math.log(counts[word] / (want - have))), fw, word)
                  for fw, (have, want) in shortfalls.items() for word in overused
                  if FILL[0] <= counts[word] / (want - have) <= FILL[1])
    out, used = {}, set()
    for _, fw, word in fits:  # the closest fits first, each word and function word once
        if word not in out and fw not in used:
            have, want = shortfalls[fw]
            out[word] = (fw, have, want, counts[word])
            used.add(fw)
    return out


def describe(word: str, fw: str, have: int, want: float, count: int) -> str:
    """The reason sentence for a displaced function word."""
    return (f"'{word}' is used {count} times, as often as a function word, while '{fw}' (about "
            f"{want:.0f} times in a text this long) appears {have} time{'s' if have != 1 else ''}:"
            f" a spinner put '{word}' for '{fw}' throughout")
