"""Paragraph alignment survives split, merged, added and removed paragraphs."""

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from unspin.core.compare import compare
from unspin.core.paragraphs import paragraph_spans

P = [
    "Alpha river flows north past the old mill and the quiet farms of the valley floor.",
    "Bravo mountains rise sharply behind the town, their peaks white with early snow.",
    "Charlie station sends trains east twice a day, carrying timber, grain and letters.",
    "Delta harbour shelters fishing boats from the winter storms that sweep the coast.",
    "Echo forest hides deer, foxes and a thousand birds that sing before the dawn.",
]


def kinds(c):
    return [(b.kind, b.old_paragraphs, b.new_paragraphs) for b in c.alignment]


def test_one_paragraph_per_line_and_blank_line_styles():
    """Blank-line separated and one-per-line texts both give one paragraph each."""
    assert len(paragraph_spans("\n\n".join(P))) == 5
    assert len(paragraph_spans("\n".join(P))) == 5
    wrapped = textwrap.fill(" ".join(P), width=60) + "\n\nNext."
    assert len(paragraph_spans(wrapped)) == 2


def test_split_paragraph_aligns_one_to_two():
    """A paragraph split in two aligns as one block: one old against two new paragraphs."""
    new = P[:2] + ["Charlie station sends trains east twice a day,", "carrying timber, grain and letters."] + P[3:]
    c = compare("\n\n".join(P), "\n\n".join(new))
    assert ("aligned", (2, 3), (2, 4)) in kinds(c)
    assert ("aligned", (3, 4), (4, 5)) in kinds(c)


def test_merged_paragraphs_align_two_to_one():
    """Two paragraphs merged into one align as one block."""
    new = [P[0], P[1] + " " + P[2], P[3], P[4]]
    c = compare("\n".join(P), "\n".join(new))
    assert ("aligned", (1, 3), (1, 2)) in kinds(c)


def test_added_and_removed_paragraphs():
    """An added paragraph is an inserted block, a removed one a deleted block."""
    new = [P[0], "A completely new paragraph about something else entirely, with fresh words."] + P[1:3] + P[4:]
    c = compare("\n\n".join(P), "\n\n".join(new))
    k = kinds(c)
    assert ("inserted", (1, 1), (1, 2)) in k
    assert ("deleted", (3, 4), (4, 4)) in k


def test_blocks_tile_both_texts():
    """Block spans run from the start to the end of both texts without gaps."""
    old, new = "\n\n".join(P), "\n".join(P[1:] + ["Tail."])
    c = compare(old, new)
    assert c.alignment[0].old_start == 0 and c.alignment[-1].old_end == len(old)
    assert c.alignment[0].new_start == 0 and c.alignment[-1].new_end == len(new)
    for a, b in zip(c.alignment, c.alignment[1:]):
        assert a.old_end == b.old_start and a.new_end == b.new_start


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", "x", " ", "\n", "\n\n", "\t", ". ", "A", "\u2003",
                                 "- item", "1. ", "Long line " * 15]), max_size=40).map("".join))
def test_paragraphs_cover_every_word_once(text):
    """Paragraph spans are ordered, disjoint, trimmed, and hold every non-space character."""
    spans = paragraph_spans(text)
    covered = set()
    last_end = -1
    for start, end in spans:
        assert last_end <= start < end
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        last_end = end
    assert all(k in covered for k, c in enumerate(text) if not c.isspace())
