"""Traits of the two words of a swap that tell ordinary editing from spinning: how far
apart their spellings are, whether they are forms of one word, their case shapes."""

from __future__ import annotations

from functools import lru_cache

from unspin.core.thesaurus import default_thesaurus


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (short words only: it is quadratic in what remains once the
    common beginning and ending, which never change the distance, are set aside)."""
    start = 0
    shorter = min(len(a), len(b))
    while start < shorter and a[start] == b[start]:
        start += 1
    end = 0
    while end < shorter - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start:len(a) - end], b[start:len(b) - end]
    if not a or not b:
        return len(a) or len(b)
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def same_lemma(old: str, new: str) -> bool:
    """Two inflections of one dictionary word ("provides", "provide"; "mice", "mouse")."""
    if not (old.isalpha() and new.isalpha()):
        return False
    th = default_thesaurus()
    return bool(set(th.base_forms(old)) & set(th.base_forms(new)))


def same_case_shape(old: str, new: str) -> bool:
    """Spinners keep a word's capitalisation: lower for lower, capital for capital, and an
    acronym is left alone ("ATACMS" -> "nan" is a misaligned pairing, not a swap)."""
    return old[:1].isupper() == new[:1].isupper() and not acronym(old)


@lru_cache(maxsize=1 << 16)
def acronym(text: str) -> bool:
    """All capitals ("US", "IT"): an abbreviation, not the function word it spells."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def is_numeral(word: str) -> bool:
    """True for a word with a digit in it."""
    return any(c.isdigit() for c in word)
