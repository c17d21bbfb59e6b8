"""Rebuild ``word_pairs_en.npz``: symspellpy's English word and word-pair counts as two
sorted hash tables, so a comparison loads them in milliseconds instead of parsing 325,000
lines of text.

    python resources/build_word_pairs.py resources/word_pairs_en.npz

Reads symspellpy's ``frequency_dictionary_en_82_765.txt`` (words) and
``frequency_bigramdictionary_en_243_342.txt`` (pairs; the commonest word pairs of the Google
Books Ngram corpus). Each key is the first 8 bytes of the BLAKE2b hash of the lower-case
word or pair ("first year"); ``core/collocations.py`` hashes its lookups the same way.
Licences: symspellpy is MIT-licensed; the counts derive from the Google Books Ngram data
(CC BY 3.0) — see ``word_pairs_en.LICENSE.txt``.
"""

from __future__ import annotations

import os
import sys

import numpy as np
import symspellpy

from unspin.core.collocations import key_of

FILES = {"words": "frequency_dictionary_en_82_765.txt",
         "pairs": "frequency_bigramdictionary_en_243_342.txt"}


def table(path: str) -> tuple[np.ndarray, np.ndarray]:
    """(sorted keys, counts) of one symspellpy dictionary file."""
    entries = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            *words, count = line.split()
            entries[key_of(" ".join(words))] = int(count)
    keys = np.fromiter(sorted(entries), np.uint64, len(entries))
    counts = np.fromiter((entries[int(k)] for k in keys), np.uint64, len(entries))
    return keys, counts


def main(out: str) -> int:
    folder = os.path.dirname(symspellpy.__file__)
    arrays = {}
    for name, filename in FILES.items():
        keys, counts = table(os.path.join(folder, filename))
        arrays[f"{name}_keys"], arrays[f"{name}_counts"] = keys, counts
    np.savez_compressed(out, **arrays)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "resources/word_pairs_en.npz"))
