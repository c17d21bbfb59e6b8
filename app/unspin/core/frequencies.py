"""English word frequencies from a compact table shipped with the app.

``resources/word_zipf_en.bin`` holds every lower-case word of wordfreq's English list made
of Latin letters and inner apostrophes ("don't", "café") with its Zipf frequency (built
by ``resources/build_word_frequencies.py``; wordfreq's data is CC BY-SA 4.0, see
``word_zipf_en.LICENSE.txt``). It loads in a few milliseconds, where importing wordfreq and
unpacking its list takes a quarter of a second and 65 MB: most comparisons need no more.
Hyphenated words are combined from their parts as wordfreq combines them. Other words
(with digits, other scripts or other marks) and other languages are asked of wordfreq.
"""

from __future__ import annotations

import math
import re
from array import array
from bisect import bisect_left
from functools import lru_cache

from unspin.core.resources import little_endian_column, mapped

TABLE = "word_zipf_en.bin"
#: A word the table holds or lacks: letters, with apostrophes only between them, and not
#: a French elision ("l'amour"; wordfreq splits one or two letters, an apostrophe and a
#: vowel or "h" at the start of a word into two words).
_LETTER = "a-zß-öø-ÿĀ-ɏ"  # Latin letters (ASCII, Latin-1 and Latin Extended-A and -B)
_TOKEN = rf"(?![{_LETTER}]{{1,2}}'[aehiouyáéíóúàèìòùâêîôûåïöœ])[{_LETTER}]+(?:'[{_LETTER}]+)*"
TABLE_WORD = re.compile(_TOKEN)
#: A word wordfreq splits at its hyphens into such words.
HYPHENATED = re.compile(rf"{_TOKEN}(?:-{_TOKEN})+")


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
        return [self.word(i).decode("utf-8") for i in range(len(self))]

    def hundredths(self, word: str) -> int:
        """The word's Zipf frequency in hundredths, 0 when it is not in the list."""
        key = word.encode("utf-8")  # UTF-8 bytes sort as the words do
        at = bisect_left(range(len(self)), key, key=self.word)
        return self.values[at] if at < len(self) and self.word(at) == key else 0

    def zipf(self, word: str) -> float:
        return self.hundredths(word) / 100


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table(mapped(TABLE))


def table_zipf(word: str) -> float | None:
    """Zipf frequency of a lower-case alphabetic English *word* (0 when it is not in the
    list), or None for a word the table does not cover."""
    if not (word.isalpha() and word.islower() and word.isascii()):
        return None
    return _table().zipf(word)


def english_zipf(word: str) -> float | None:
    """Zipf frequency of a lower-case English *word* as ``wordfreq.zipf_frequency`` gives
    it, for words of letters and inner apostrophes, and such words joined by hyphens; None
    for a word the table does not cover."""
    if word != word.casefold():  # wordfreq would look up another word ("ß" -> "ss")
        return None
    if TABLE_WORD.fullmatch(word):
        return _table().zipf(word)
    if HYPHENATED.fullmatch(word):
        return _combined([_table().hundredths(part) for part in word.split("-")])
    return None


def _combined(hundredths: list[int]) -> float:
    """wordfreq's Zipf frequency of a word of several tokens: ``1/f = 1/f1 + 1/f2 + ...``,
    rounded to three significant digits (its list stores frequency bins of a centibel:
    a Zipf value in hundredths ``z`` is the frequency ``10 ** ((z - 900) / 100)``)."""
    if not all(hundredths):  # a part wordfreq lacks: it answers its minimum, Zipf 0
        return 0.0
    freq = 1.0 / sum(1.0 / 10 ** ((z - 900) / 100) for z in hundredths)
    freq = max(freq, 1e-9)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def encode(frequencies: dict[str, float]) -> bytes:
    """The table file for *frequencies* (word -> Zipf frequency): the words' byte string, its
    length and the number of words first, then the words' offsets and their values."""
    words = sorted(w for w in frequencies if TABLE_WORD.fullmatch(w) and w == w.casefold())
    blob = "".join(words).encode("utf-8")
    offsets = array("I", [0])
    for w in words:
        offsets.append(offsets[-1] + len(w.encode("utf-8")))
    values = array("H", (round(frequencies[w] * 100) for w in words))
    header = len(blob).to_bytes(4, "little") + len(words).to_bytes(4, "little")
    return header + blob + offsets.tobytes() + values.tobytes()
