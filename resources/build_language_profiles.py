"""Rebuild ``language_profiles.tsv``: the most frequent words of each language Unspin
detects, from wordfreq's word lists (data CC BY-SA 4.0, by Robyn Speer and contributors).

    python resources/build_language_profiles.py > resources/language_profiles.tsv

The app only reads the table; wordfreq is not loaded to detect a language.
"""

from __future__ import annotations

import sys

import wordfreq

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "ru")
WORDS_PER_LANGUAGE = 120


def main() -> int:
    print("# The most frequent words of each language, for detecting the language of a text.")
    print("# Derived from wordfreq (https://github.com/rspeer/wordfreq; data CC BY-SA 4.0) by")
    print("# resources/build_language_profiles.py. Columns: wordfreq language code, words.")
    for language in LANGUAGES:
        words = [w for w in wordfreq.top_n_list(language, WORDS_PER_LANGUAGE * 2)
                 if w.isalpha()][:WORDS_PER_LANGUAGE]
        print(f"{language}\t{' '.join(words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
