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

from unspin.core.resources import little_endian_column, mapped

TABLE = "word_zipf_en.bin"


class _Table:
    """The sorted words as one byte string with their offsets (no 300,000 string objects to
    make at start-up), and their Zipf frequencies in hundredths; *data* is the table file's
    bytes, or the file mapped into memory."""

    def __init__(self, data):
        size = int.from_bytes(data[:4], "little")
        count = int.from_bytes(data[4:8], "little")
        self.data, self.start = data, 8  # the words' byte string begins at byte 8
        at = 8 + size
        self.offsets = little_endian_column(data, at, count + 1, "I")
        self.values = little_endian_column(data, at + 4 * (count + 1), count, "H")

    def __len__(self) -> int:
        return len(self.values)

    def word(self, index: int) -> bytes:
        return self.data[self.start + self.offsets[index]:self.start + self.offsets[index + 1]]

    def words(self) -> list[str]:
        return [self.word(i).decode("ascii") for i in range(len(self))]

    def zipf(self, word: str) -> float:
        key = word.encode("ascii")
        at = bisect_left(range(len(self)), key, key=self.word)
        return self.values[at] / 100 if at < len(self) and self.word(at) == key else 0.0


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table(mapped(TABLE))


def table_zipf(word: str) -> float | None:
    """Zipf frequency of a lower-case alphabetic English *word* (0 when it is not in the
    list), or None for a word the table does not cover."""
    if not (word.isalpha() and word.islower() and word.isascii()):
        return None
    return _table().zipf(word)


def encode(frequencies: dict[str, float]) -> bytes:
    """The table file for *frequencies* (word -> Zipf frequency): the words' byte string, its
    length and the number of words first, then the words' offsets and their values."""
    words = sorted(w for w in frequencies if w.isalpha() and w.islower() and w.isascii())
    blob = "".join(words).encode("ascii")
    offsets = array("I", [0])
    for w in words:
        offsets.append(offsets[-1] + len(w))
    values = array("H", (round(frequencies[w] * 100) for w in words))
    header = len(blob).to_bytes(4, "little") + len(words).to_bytes(4, "little")
    return header + blob + offsets.tobytes() + values.tobytes()
