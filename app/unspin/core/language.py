"""Which language a text is in, from its most frequent function words."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from unspin.core.resources import read_table
from unspin.core.tokens import split_tokens

DEFAULT = "en"
#: Words looked at: enough to decide, few enough to be instant on a book.
SAMPLE_CHARS = 60_000


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Function words per language, from ``resources/stopwords.tsv``."""
    return {lang: frozenset(words.split()) for lang, words in read_table("stopwords.tsv")}


def detect_language(text: str) -> str:
    """The wordfreq code of *text*'s language ("en", "fr", ...); English when unsure."""
    words = [w.casefold() for w in split_tokens(text[:SAMPLE_CHARS])]
    if len(words) < 8:
        return DEFAULT
    hits = Counter()
    for lang, vocabulary in stopwords().items():
        hits[lang] = sum(1 for w in words if w in vocabulary)
    ranked = hits.most_common(2)
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count >= 0.08 * len(words) and count > 1.3 * runner_up:
        return best
    return DEFAULT
