"""Rebuild ``word_zipf_en.bin``: wordfreq's English word frequencies as a compact table.

    python resources/build_word_frequencies.py resources/word_zipf_en.bin

Every lower-case word of wordfreq's English list made of Latin letters and inner
apostrophes, with its Zipf frequency as wordfreq reports it (``round(log10(frequency) + 9,
2)``), so ``core/frequencies.py`` answers exactly as ``wordfreq.zipf_frequency`` would for those words.
"""

from __future__ import annotations

import math
import sys

import wordfreq

from unspin.core.frequencies import encode


def main(out: str) -> int:
    frequencies = {word: round(math.log10(f) + 9, 2)
                   for word, f in wordfreq.get_frequency_dict("en").items()}
    with open(out, "wb") as fh:
        fh.write(encode(frequencies))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "resources/word_zipf_en.bin"))
