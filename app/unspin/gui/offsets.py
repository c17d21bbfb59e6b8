"""The one place where code-point offsets (Python, the engine) meet UTF-16 offsets (Qt)."""

from __future__ import annotations

from array import array
from bisect import bisect_left

import regex

_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
_SLICE = 1 << 18


class OffsetMap:
    """Converts between code-point and UTF-16 offsets of one text."""

    def __init__(self, text: str):
        self._astral = array("q")
        if not text.isascii():
            for k in range(0, len(text), _SLICE):  # slices: no long GIL-holding call
                self._astral.extend(m.start() for m in _ASTRAL.finditer(text, k, k + _SLICE))
        # UTF-16 position of each astral character, for the reverse direction
        self._astral16 = array("q", (p + k for k, p in enumerate(self._astral)))

    def to_utf16(self, pos: int) -> int:
        """UTF-16 offset of code-point offset *pos*."""
        return pos + bisect_left(self._astral, pos) if self._astral else pos

    def to_code_point(self, pos16: int) -> int:
        """Code-point offset of UTF-16 offset *pos16* (inside a surrogate pair: its start)."""
        if not self._astral:
            return pos16
        # astral characters starting before pos16 each took one extra UTF-16 unit;
        # inside a surrogate pair this lands on the character's start
        return pos16 - bisect_left(self._astral16, pos16)
