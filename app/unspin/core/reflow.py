"""Hard-wrapped plain text shown as paragraphs.

E-mails, licences and plain-text wire copy break their lines at a fixed width (72 or 80
columns); shown in a pane that wraps again, each paragraph becomes a ragged column of
half-empty lines. :func:`reflowed` joins the lines of a wrapped paragraph for display by
turning each of its line breaks into a space: one character for one, so every offset into
the file still points at the same character and highlights land on the right words.

A block is joined only when it reads as wrapped prose: two lines or more, every line but
the last filling most of the text's wrap width, none starting like a list item, a quote, a
table row or indented code. Verse (short lines), lists and code keep their line breaks.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: A text counts as hard-wrapped when its usual line (90th percentile) is at most this long ...
MAX_WRAP_WIDTH = 100
#: ... and at least this long (shorter lines are verse, lists or a table of figures).
MIN_WRAP_WIDTH = 40
#: A line fills the width when it is at least this share of it.
FULL_LINE = 0.6
#: ... and this many of a text's joinable blocks must exist for it to count as wrapped.
MIN_BLOCKS = 1

_BLOCK_RE = re.compile(r"[^\n](?:[^\n]|\n(?![ \t]*\n))*")
_STRUCTURED_RE = re.compile(r"[ \t]*(?:[-*+•>|#]|\d{1,3}[.)]\s)|    |\t")


def wrap_width(text: str) -> int:
    """The text's usual line length (the 90th percentile of its non-empty lines)."""
    lengths = sorted(len(line.rstrip()) for line in text.split("\n") if line.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


@lru_cache(maxsize=2)  # the two texts on screen: worked out once, in the background
def reflowed(text: str) -> str | None:
    """*text* with the line breaks inside its wrapped paragraphs shown as spaces (same
    length, same offsets), or None when it is not hard-wrapped. The last two answers are
    kept: a window's loading task works them out, and its panes then find them ready (a
    book takes 25 ms)."""
    width = wrap_width(text)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    breaks = [m for m in _BLOCK_RE.finditer(text) if _is_wrapped_prose(m.group(), width)]
    if len(breaks) < MIN_BLOCKS:
        return None
    pieces, last = [], 0
    for m in breaks:
        pieces.append(text[last:m.start()])
        pieces.append(m.group().replace("\n", " "))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _is_wrapped_prose(block: str, width: int) -> bool:
    lines = block.split("\n")
    if len(lines) < 2:
        return False
    if any(_STRUCTURED_RE.match(line) for line in lines):
        return False
    return all(len(line.rstrip()) >= FULL_LINE * width for line in lines[:-1])


__all__ = ["reflowed", "wrap_width"]
