"""Hard-wrapped text shown as paragraphs, offsets unchanged."""

import textwrap

from unspin.core.reflow import reflowed

PROSE = ("The committee met on Tuesday to consider the proposal, which would change how the "
         "city funds its libraries and parks over the next decade, and heard from residents.")


def _wrapped(*paragraphs: str, width: int = 72) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)


def test_wrapped_paragraphs_become_one_line_each_with_the_same_offsets():
    text = _wrapped(PROSE, PROSE.upper(), PROSE)
    shown = reflowed(text)
    assert shown is not None and len(shown) == len(text)
    assert shown.split("\n\n") == [PROSE, PROSE.upper(), PROSE]
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, shown))


def test_lists_code_and_verse_keep_their_line_breaks():
    listing = "- first item of a list that is long enough to fill\n- second item of the same list"
    code = "    def f(x):\n        return x + 1"
    verse = "Roses are red,\nviolets are blue,\nsugar is sweet."
    text = "\n\n".join([_wrapped(PROSE), listing, code, verse, _wrapped(PROSE)])
    shown = reflowed(text)
    assert listing in shown and code in shown and verse in shown
    assert PROSE in shown


def test_text_with_one_paragraph_per_line_is_left_alone():
    assert reflowed("\n\n".join([PROSE, PROSE])) is None
    assert reflowed(PROSE + "\n" + PROSE) is None


def test_short_lines_alone_are_not_taken_for_wrapping():
    assert reflowed("Name: Ann\nAge: 42\nTown: Leeds\n") is None
