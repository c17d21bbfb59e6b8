"""English word frequencies from a compact table shipped with the app.

``resources/word_zipf_en.bin`` holds every lower-case alphabetic word of wordfreq's English
list with its Zipf frequency (built by ``resources/build_word_frequencies.py``; wordfreq's
data is CC BY-SA 4.0, see ``word_zipf_en.LICENSE.txt``). It loads in a few milliseconds,
where importing wordfreq and unpacking its list takes a quarter of a second: most
comparisons need no more. Other words (with digits or apostrophes) and other languages are
asked of wordfreq itself.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from functools import lru_cache

from unspin.core.resources import resource_path

TABLE = "word_zipf_en.bin"


@lru_cache(maxsize=1)
def _table() -> tuple[list[str], array]:
    """(sorted words, their Zipf frequencies in hundredths)."""
    data = resource_path(TABLE).read_bytes()
    size = int.from_bytes(data[:4], "little")
    words = data[4:4 + size].decode("utf-8").split("\n")
    values = array("H")
    values.frombytes(data[4 + size:])
    return words, values


def table_zipf(word: str) -> float | None:
    """Zipf frequency of a lower-case alphabetic English *word* (0 when it is not in the
    list), or None for a word the table does not cover."""
    if not (word.isalpha() and word.islower() and word.isascii()):
        return None
    words, values = _table()
    at = bisect_left(words, word)
    return values[at] / 100 if at < len(words) and words[at] == word else 0.0


def encode(frequencies: dict[str, float]) -> bytes:
    """The table file for *frequencies* (word -> Zipf frequency)."""
    words = sorted(w for w in frequencies if w.isalpha() and w.islower() and w.isascii())
    blob = "\n".join(words).encode("utf-8")
    values = array("H", (round(frequencies[w] * 100) for w in words))
    return len(blob).to_bytes(4, "little") + blob + values.tobytes()
