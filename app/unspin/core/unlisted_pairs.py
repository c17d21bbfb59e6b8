"""Scan evidence from word pairs: a fixed phrase with one of its words swapped.

Writers reach for fixed phrases ("death toll", "mental health", "tax cuts", "first
year"). A synonym spinner swaps their words one at a time and never looks at the
neighbour, so a spun text holds pairs like "demise toll", "psychological wellness",
"taxation cuts", "first yr": each word a dictionary synonym of a word of a very strong
collocation, the pair itself not in use.

A pair is flagged when all of these hold:

- the pair is not among the commonest English word pairs (symspellpy's Google Books
  bigram list, :mod:`unspin.core.collocations`);
- putting a WordNet synonym back for one or both of its words gives a collocation that is
  very common and far more common than chance (pointwise mutual information at least
  ``STRONG_PMI``: "death toll", not "go through");
- each restored word is more common than the word it replaces (spinners pick the less
  common synonym) and is not merely an inflection of it;
- the word kept on its own is a content word: verbs and particles ("lead back", "go
  through") pair with so many words that a missing pair tells nothing.

Each finding is ``(start, end, likely original, reason)`` like the other scan findings.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from unspin.core.collocations import association, pair_count
from unspin.core.scoring import load_function_words, zipf
from unspin.core.swaps import Reason
from unspin.core.thesaurus import default_thesaurus

COLLOCATION_WEIGHT = 0.75
#: The restored pair is seen at least this often in Google Books ...
STRONG_COUNT = 30_000_000
#: ... and its words together 2^10 times more often than chance.
STRONG_PMI = 10.0
#: A restored word is at least this much more common than the word in the text (Zipf).
MIN_RISE = 0.5
#: One such pair in a long text is a writer's choice ("a risky thing"); a text shows a
#: spinner's habit with at least this many ...
MIN_PAIRS = 1
#: ... and at least one in this many words.
WORDS_PER_PAIR = 250

_PAIR_RE = regex.compile(r"(?<![\p{L}\p{N}'’-])(\p{Ll}[\p{L}]*|\p{Lu}\p{Ll}*)"
                         r"[ \t]+(?=(\p{Ll}[\p{L}]*)(?![\p{L}\p{N}'’-]))")


def unlisted_pair_findings(text: str, words: int) -> list[tuple[int, int, str, Reason]]:
    """Every pair of adjacent words in *text* (of *words* words) that reads as a fixed phrase
    with a word swapped, when the text has enough of them to show a habit."""
    found = _swapped_phrases(text)
    if len(found) < MIN_PAIRS or len(found) * WORDS_PER_PAIR < words:
        return []
    return found


def _swapped_phrases(text: str) -> list[tuple[int, int, str, Reason]]:
    out = []
    for match in _PAIR_RE.finditer(text):
        first, second = match.group(1), match.group(2)
        restored = restore(first.lower(), second.lower())
        if restored is None:
            continue
        old_first, old_second, count = restored
        spans = [(match.start(1), match.end(1), old_first)] if old_first != first.lower() else []
        if old_second != second.lower():
            spans.append((match.end(), match.end() + len(second), old_second))
        original = " ".join(old for _, _, old in spans)
        out.append((spans[0][0], spans[-1][1], original, Reason("collocation", _describe(
            first, second, old_first, old_second, count), COLLOCATION_WEIGHT)))
    return out


def _describe(first: str, second: str, old_first: str, old_second: str, count: int) -> str:
    return (f"'{first} {second}' is not a phrase in use, while '{old_first} {old_second}', the same"
            f" words' common synonyms, is a fixed phrase ({count / 1e6:,.0f} million uses in Google"
            " Books): a spinner swaps the words of a phrase one at a time")


@lru_cache(maxsize=1 << 16)
def restore(first: str, second: str) -> tuple[str, str, int] | None:
    """The fixed phrase *first second* likely stood for, with its count, or None."""
    function_words = load_function_words()
    if (first in function_words and second in function_words) or pair_count(first, second):
        return None
    best = None
    for old_first in _originals(first):
        if old_first == first and first in function_words:
            continue
        for old_second in _originals(second):
            if (old_first, old_second) == (first, second):
                continue
            if old_second == second and second in function_words:
                continue
            count = pair_count(old_first, old_second)
            if count >= STRONG_COUNT and (best is None or count > best[2]) \
                    and association(old_first, old_second) >= STRONG_PMI:
                best = (old_first, old_second, count)
    return best


@lru_cache(maxsize=1 << 14)
def _originals(word: str) -> tuple[str, ...]:
    """*word* itself, then the synonyms a spinner may have replaced by it: more common
    words that are not merely its inflections."""
    if not word.isalpha() or word in load_function_words():
        return (word,)
    thesaurus = default_thesaurus()
    own = {base for base, _ in thesaurus.base_forms(word)} | {word}
    found = []
    for other in thesaurus.neighbours(word):
        if not other.isalpha() or zipf(other) < zipf(word) + MIN_RISE:
            continue
        if own & ({base for base, _ in thesaurus.base_forms(other)} | {other}):
            continue
        found.append(other)
    return (word, *sorted(found))


__all__ = ["unlisted_pair_findings", "restore"]
