"""Paragraphs of plain text: blank-line separated, or one per line.

Articles come both ways: hard-wrapped paragraphs between blank lines, and one long
line per paragraph (with or without blank lines between). A block of lines between
blank lines is one paragraph when its lines look hard-wrapped; otherwise each line
is a paragraph of its own, which also keeps a short title or heading line apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

#: Lines longer than this are not hard-wrapped: each such line is a paragraph.
WRAP_WIDTH = 120
# A line's text without the whitespace around it (blank lines do not match).
_LINE = re.compile(r"(?m)^[^\S\n]*(\S(?:[^\n]*\S)?)")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Code-point spans of the paragraphs of *text*, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []
    previous_end = 0
    for m in _LINE.finditer(text):
        start, end = m.span(1)
        if block and text.count("\n", previous_end, start) >= 2:  # a blank line between
            spans.extend(_split_block(text, block))
            block = []
        block.append((start, end))
        previous_end = end
    if block:
        spans.extend(_split_block(text, block))
    return spans


@lru_cache(maxsize=1)
def _break_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(list item, sentence end, sentence start), compiled on first use: only blocks of
    several short lines need them."""
    return (regex.compile(r"\s*(?:[-*•·–—]|\d{1,3}[.)]|#{1,6}|>)\s"),
            regex.compile(r"[.!?…:][\"”’»)]*$"),
            regex.compile(r"[\"“‘«(]*[\p{Lu}\p{N}]"))


def _split_block(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a block of lines into paragraphs.

    Lines longer than WRAP_WIDTH are paragraphs of their own. Otherwise a line break
    is taken as a paragraph end when the next line is a list item, when the line ends
    a sentence and the next starts one, or when the next line's first word would have
    fitted on the line (a hard-wrapping editor would have put it there).
    """
    if len(lines) == 1:
        return lines
    longest = max(e - s for s, e in lines)
    if longest > WRAP_WIDTH:
        return lines
    list_item, sentence_end, sentence_start = _break_patterns()
    paragraphs = []
    first = lines[0]
    for (s1, e1), (s2, e2) in zip(lines, lines[1:]):
        nxt = text[s2:e2]
        first_word = len(nxt.split(None, 1)[0])
        fits = (e1 - s1) + 1 + first_word <= longest
        if fits or list_item.match(text, s2) or (sentence_end.search(text, s1, e1) and sentence_start.match(nxt)):
            paragraphs.append((first[0], e1))
            first = (s2, e2)
    paragraphs.append((first[0], lines[-1][1]))
    return paragraphs
