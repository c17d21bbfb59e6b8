"""Which words of a replaced region correspond: the aggregation key of a word, its letters
alone, spelling likeness, and the changed parts of a compound."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

import regex

#: Spelling similarity at which two words in a region are taken to correspond.
ALIKE_RATIO = 0.75

_FOLD = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "‐": "-", "‑": "-"})


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Aggregation key: case-folded, apostrophes unified, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text.translate(_FOLD)).casefold().split())


@lru_cache(maxsize=1 << 16)
def letters_only(text: str) -> str:
    """Only the letters and digits of *text*, case-folded (``[\\W_]`` is exactly what
    ``str.isalnum`` rejects)."""
    return _NOT_ALNUM.sub("", normalize(text))


_NOT_ALNUM = re.compile(r"[\W_]+")


#: A compound's parts: between hyphens, letters apart from digits ("IPv4", "1e100"), and
#: a possessive's "s" apart from its word.
_PARTS = regex.compile(r"\p{N}+|[^\-‐‑\p{N}]+")
_POSSESSIVE_PARTS = regex.compile(r"\p{N}+|[^\-‐‑\p{N}'’]+")


def changed_parts(old_text: str, new_text: str):
    """Offsets of the differing parts of two compounds with as many parts (hyphenated,
    letters and digits, or a possessive 's): spinners swap the parts ("RFC5322" ->
    "Tix5322", "latter's" -> "latter'instead"); None when they do not split that way."""
    possessive = _ENDS_POSSESSIVE.search(old_text) or _ENDS_POSSESSIVE.search(new_text)
    pattern = _POSSESSIVE_PARTS if possessive else _PARTS
    pa = [m.span() for m in pattern.finditer(old_text)]
    pb = [m.span() for m in pattern.finditer(new_text)]
    if len(pa) != len(pb) or len(pa) < 2:
        return None
    return [(x, y) for x, y in zip(pa, pb) if old_text[x[0]:x[1]] != new_text[y[0]:y[1]]]


_ENDS_POSSESSIVE = regex.compile(r"\p{L}['’]s$")


def alike_chain(sa: list[str], sb: list[str], known=frozenset()) -> list[tuple[int, int]]:
    """In-order pairs of words that correspond: known swaps, same letters or close spelling."""
    if len(sa) * len(sb) > 400:
        return []
    if known:
        na, nb = [normalize(x) for x in sa], [normalize(y) for y in sb]

        def similarity(i, j):
            return 1.0 if (na[i], nb[j]) in known else _alike(sa[i], sb[j])
    else:
        def similarity(i, j):
            return _alike(sa[i], sb[j])
    best = [[0.0] * (len(sb) + 1) for _ in range(len(sa) + 1)]
    for i in range(len(sa) - 1, -1, -1):
        for j in range(len(sb) - 1, -1, -1):
            sim = similarity(i, j)
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + sim if sim else 0.0)
    chain, i, j = [], 0, 0
    while i < len(sa) and j < len(sb):
        sim = similarity(i, j)
        if sim and best[i][j] == best[i + 1][j + 1] + sim:
            chain.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return chain


def _alike(x: str, y: str) -> float:
    lx, ly = letters_only(x), letters_only(y)
    if lx == ly:
        return 1.0
    if min(len(lx), len(ly)) >= 4:
        ratio = SequenceMatcher(None, lx, ly).ratio()
        if ratio >= ALIKE_RATIO:
            return ratio
    return 0.0
