"""Which language a text is in, from its most frequent words."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from unspin.core.resources import read_table
from unspin.core.tokens import is_word, split_tokens

DEFAULT = "en"
#: A language wins with this share of the text's words and this lead over the next.
MIN_SHARE = 0.1
MIN_LEAD = 1.25
#: Words looked at: enough to decide, few enough to be instant on a book.
SAMPLE_CHARS = 20_000


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Function words per language, from ``resources/stopwords.tsv``."""
    return {lang: frozenset(words.split()) for lang, words in read_table("stopwords.tsv")}


@lru_cache(maxsize=1)
def profiles() -> dict[str, dict[str, float]]:
    """Per language, its most frequent words, each weighted by how few languages share it
    ("de" is French, Spanish, Portuguese and more; "les" is only French)."""
    words = {lang: frozenset(line.split()) for lang, line in read_table("language_profiles.tsv")}
    sharing = Counter(w for vocabulary in words.values() for w in vocabulary)
    return {lang: {w: 1.0 / sharing[w] for w in vocabulary} for lang, vocabulary in words.items()}


def detect_language(text: str) -> str:
    """The wordfreq code of *text*'s language ("en", "fr", ...); English when unsure."""
    words = []
    for token in split_tokens(text[:SAMPLE_CHARS]):
        if is_word(token):  # elided forms count as their parts: qu’il -> qu, il
            words.extend(token.casefold().replace("’", "'").replace("-", "'").split("'"))
    if len(words) < 8:
        return DEFAULT
    seen = Counter(words)
    scores = Counter({lang: sum(n * weights.get(w, 0.0) for w, n in seen.items())
                      for lang, weights in profiles().items()})
    (best, score), (_, runner_up) = scores.most_common(2)
    hits = sum(n for w, n in seen.items() if w in profiles()[best])
    # a clear lead, or so many hits that the text is in one of two close languages
    # (Danish and Norwegian share their most frequent words): either beats a wrong default
    if hits >= MIN_SHARE * len(words) and (score > MIN_LEAD * runner_up or hits >= 0.3 * len(words)):
        return best
    return DEFAULT
