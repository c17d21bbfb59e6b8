"""Words, punctuation and paragraphs with code-point spans.

A text becomes a sequence of tokens: words (letters, marks, digits, with inner
apostrophes and hyphens), numbers (with inner separators, ``10,000``), single CJK
characters, and single grapheme clusters of anything else (punctuation, emoji).
Whitespace separates tokens and belongs to none, so the tokens plus the whitespace
between them give back the exact text.

For speed on book-sized texts the tokens are not kept as strings: each distinct token
gets one character in a shared ``Vocabulary`` and a text becomes a code string, one
character per token (the diff-match-patch "words as characters" encoding). Offsets
are kept in one array: token *k* spans ``offsets[2k]:offsets[2k+1]``.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

import regex

_LETTER = r"[\p{L}\p{M}\p{N}--[\p{Han}\p{Hiragana}\p{Katakana}]]"
_JOINER = r"['’ʼ\-‐‑]"


@lru_cache(maxsize=1)
def full_token_pattern() -> regex.Pattern:
    """The full token pattern, compiled on first use (most prose needs only FAST_TOKEN_RE)."""
    return regex.compile(
        r"(?V1)("
        r"\p{N}+(?:[.,]\p{N}+)+(?!" + _LETTER + r")"          # 10,000 and 3.5 stay whole
        r"|" + _LETTER + r"+(?:" + _JOINER + _LETTER + r"+)*"  # words: don't, long-range
        r"|[\p{Han}\p{Hiragana}\p{Katakana}]"                 # CJK: one character a token
        r"|(?!\s)\X)"                                         # anything else: one grapheme
    )


# The standard library's re is about twice as fast as regex. For text without combining
# marks, CJK, emoji sequences, other number forms or odd separators (most prose) this
# pattern gives exactly the same tokens (a property test holds it to that).
FAST_TOKEN_RE = re.compile(
    r"(\d+(?:[.,]\d+)+(?![^\W_])"
    r"|[^\W_]+(?:['’ʼ\-‐‑][^\W_]+)*"
    r"|\S)"
)
_NEEDS_FULL_RE = regex.compile(
    r"[\p{M}\p{Han}\p{Hiragana}\p{Katakana}\p{No}\p{Nl}\p{Regional_Indicator}"
    r"\u200c\u200d\ufe00-\ufe0f\U0001F3FB-\U0001F3FF\U000E0000-\U000E007F\x1c-\x1f\x85"
    r"\u1160-\u11ff\ud7b0-\ud7ff]"
)

#: Texts are tokenized and scanned in slices of about this many characters, cut at
#: whitespace, so that no single C call holds the GIL long enough to freeze a window
#: (a 10 MB split takes half a second in one call).
SLICE = 1 << 16

# Matching treats typographic variants of the apostrophe as one character; the
# translation keeps string lengths so offsets stay valid.
_FOLD = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "‐": "-", "‑": "-"})

#: Offsets fit in 32 bits (inputs are capped far below 2 GB): half the memory of 64.
OFFSET_TYPE = "i"

# Code characters start above the surrogate range, which some str APIs reject.
_FIRST_CODE = 0xE000


#: How many distinct tokens two compared texts may hold (one code point each).
MAX_DISTINCT = 0x10FFFF - _FIRST_CODE + 1


class TooManyWords(ValueError):
    """Raised when two texts hold more distinct tokens than there are codes for them."""


@dataclass
class Vocabulary:
    """Distinct token keys of two texts, each with a one-character code."""

    codes: dict[str, str] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    word_codes: set[str] = field(default_factory=set)

    def code_for(self, key: str) -> str:
        """The code of *key*, adding it when new."""
        code = self.codes.get(key)
        if code is None:
            n = len(self.keys)
            point = _FIRST_CODE + n
            if point > 0x10FFFF:
                raise TooManyWords(f"the two texts hold more than {MAX_DISTINCT:,} distinct words and marks,"
                                   " more than a comparison can tell apart")
            code = chr(point)
            self.codes[key] = code
            self.keys.append(key)
            if is_word(key):
                self.word_codes.add(code)
        return code

    @staticmethod
    def code_point(index: int) -> int:
        """The code point of the *index*-th key's code."""
        return _FIRST_CODE + index


@dataclass(frozen=True)
class Tokens:
    """One text's tokens: a code string and their code-point spans."""

    text: str
    codes: str
    offsets: array
    word_mask: str  # "1" for a word token, "0" for punctuation, one per token

    def __len__(self) -> int:
        return len(self.word_mask)

    def start(self, k: int) -> int:
        """Start offset of token *k*; ``len(text)`` for ``k == len(self)``."""
        return self.offsets[2 * k] if k < len(self.word_mask) else len(self.text)

    def without_codes(self) -> "Tokens":
        """The same tokens without their codes: only the diff and the pairing read them,
        and a book's take 17 MB a text."""
        return dataclasses.replace(self, codes="")

    def end(self, k: int) -> int:
        """End offset of token *k* (exclusive)."""
        return self.offsets[2 * k + 1]

    def surface(self, k: int) -> str:
        """The exact text of token *k*."""
        return self.text[self.offsets[2 * k]:self.offsets[2 * k + 1]]

    def is_word(self, k: int) -> bool:
        """True when token *k* is a word or number rather than punctuation."""
        return self.word_mask[k] == "1"

    def words_in(self, i: int, j: int) -> int:
        """How many word tokens lie in ``[i, j)``."""
        return self.word_mask.count("1", i, j)

    def tokens_at(self, positions) -> list[int]:
        """For each code-point position, the index of the first token ending after it."""
        ends = self.offsets[1::2]
        return [bisect_right(ends, pos) for pos in positions]


def is_word(token: str) -> bool:
    """True for a word or number token, False for punctuation and symbols."""
    return bool(token) and (token[0].isalnum() or unicodedata.category(token[0])[0] in "LMN")


def needs_full_pattern(text: str) -> bool:
    """True when *text* has a character that only the full (regex) pattern handles."""
    search, category = _NEEDS_FULL_RE.search, unicodedata.category
    seen: set[str] = set()
    for k in range(0, len(text), SLICE):  # in slices: see SLICE
        seen.update(text[k:k + SLICE])
    # Cn: unassigned in Python's tables but maybe a letter in regex's newer ones;
    # Cf/Co/Cs: format characters (some prepend to the next grapheme), private use, surrogates
    return any(search(c) or category(c) in ("Cn", "Cf", "Co", "Cs")
               for c in seen if c > "\x7f" or "\x1c" <= c <= "\x1f")


def split_tokens(text: str) -> list[str]:
    """The token strings of *text* (a convenience for tests and small texts)."""
    return (full_token_pattern() if needs_full_pattern(text) else FAST_TOKEN_RE).split(text)[1::2]


def tokenize(text: str, vocab: Vocabulary) -> Tokens:
    """Tokenize *text*, coding its tokens in *vocab* (shared by the texts compared)."""
    pattern = full_token_pattern() if needs_full_pattern(text) else FAST_TOKEN_RE
    local: dict[str, str] = {}
    offsets = array(OFFSET_TYPE)
    code_parts = []
    for start, end in _slices(text):
        pieces = pattern.split(text, 0) if start == 0 and end == len(text) else pattern.split(text[start:end])
        slice_offsets = array(OFFSET_TYPE, accumulate(map(len, pieces), initial=start))
        del slice_offsets[0]
        del slice_offsets[-1]  # the end of the trailing whitespace
        offsets.extend(slice_offsets)
        surfaces = pieces[1::2]
        nfc = unicodedata.is_normalized("NFC", text[start:end])
        for surface in [s for s in set(surfaces) if s not in local]:
            key = surface.translate(_FOLD)
            local[surface] = vocab.code_for(unicodedata.normalize("NFC", key) if not nfc else key)
        code_parts.append("".join(map(local.__getitem__, surfaces)))
    mask_table = {ord(c): ("1" if c in vocab.word_codes else "0") for c in set(local.values())}
    mask = "".join([part.translate(mask_table) for part in code_parts])
    return Tokens(text=text, codes="".join(code_parts), offsets=offsets, word_mask=mask)


_SPACE = re.compile(r"[ \n]")


def _slices(text: str):
    """``(start, end)`` slices of about SLICE characters, each ending at whitespace."""
    start = 0
    while start < len(text):
        end = min(len(text), start + SLICE)
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut > start:
                end = cut + 1
            else:  # no space in the window: go on to the next one
                found = _SPACE.search(text, end)
                end = found.end() if found else len(text)
        yield start, end
        start = end
