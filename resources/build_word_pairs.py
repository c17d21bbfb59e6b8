"""Rebuild ``word_pairs_en.bin``: symspellpy's English word and word-pair counts as two
sorted hash tables, so a comparison loads them in a millisecond instead of parsing 325,000
lines of text.

    python resources/build_word_pairs.py resources/word_pairs_en.bin

Reads symspellpy's ``frequency_dictionary_en_82_765.txt`` (words) and
``frequency_bigramdictionary_en_243_342.txt`` (pairs; the commonest word pairs of the Google
Books Ngram corpus). Each key is the first 8 bytes of the BLAKE2b hash of the lower-case
word or pair ("first year"); ``core/collocations.py`` hashes its lookups the same way.

The file is five little-endian arrays of unsigned 64-bit numbers, each preceded by its
length (a 64-bit number): word keys, word counts, pair keys, pair counts, and the sums and
least values of the two count columns (so a comparison need not add up 325,000 numbers).
Licences: symspellpy is MIT-licensed; the counts derive from the Google Books Ngram data
(CC BY 3.0) — see ``word_pairs_en.LICENSE.txt``.
"""

from __future__ import annotations

import os
import sys
from array import array

import symspellpy

from unspin.core.collocations import key_of

FILES = ("frequency_dictionary_en_82_765.txt", "frequency_bigramdictionary_en_243_342.txt")


def table(path: str) -> tuple[array, array]:
    """(sorted keys, counts) of one symspellpy dictionary file."""
    entries = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            *words, count = line.split()
            entries[key_of(" ".join(words))] = int(count)
    keys = array("Q", sorted(entries))
    return keys, array("Q", (entries[k] for k in keys))


def main(out: str) -> int:
    folder = os.path.dirname(symspellpy.__file__)
    assert sys.byteorder == "little", "the table is written little-endian"
    columns = [column for filename in FILES for column in table(os.path.join(folder, filename))]
    columns.append(array("Q", (f(c) for c in columns[1::2] for f in (sum, min))))
    with open(out, "wb") as fh:
        for column in columns:
            fh.write(len(column).to_bytes(8, "little"))
            fh.write(column.tobytes())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "resources/word_pairs_en.bin"))
