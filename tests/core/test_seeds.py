"""Table tests on the real spun seed pair."""

import pytest


def swap(comparison, old, new):
    """The aggregated swap old -> new, or None."""
    for s in comparison.swaps:
        if s.old.lower() == old and s.new.lower() == new:
            return s
    return None


def test_the_to_nan_is_the_top_swap(seed_comparison):
    """The most frequent spinner swap leads the list, with at least difflib's 66 occurrences."""
    top = seed_comparison.swaps[0]
    assert (top.old, top.new) == ("the", "nan")
    assert top.count >= 66


@pytest.mark.parametrize("old,new,minimum", [
    ("in", "successful", 15), ("at", "astatine", 5), ("with", "pinch", 5), ("as", "arsenic", 5),
    ("be", "beryllium", 4), ("may", "whitethorn", 1), ("just", "conscionable", 1), ("on", "connected", 5),
])
def test_spinner_swaps_are_found_and_flagged(seed_comparison, old, new, minimum):
    """Each of the demo's spinner swaps is found often enough and scored suspicious, by rules."""
    s = swap(seed_comparison, old, new)
    assert s is not None and s.count >= minimum
    assert s.score >= 0.5
    codes = {r.code for r in s.reasons}
    assert "function_word" in codes and codes & {"wrong_sense", "pattern"}


def test_at_astatine_reason_is_a_sentence(seed_comparison):
    """Reasons are human sentences naming both words."""
    s = swap(seed_comparison, "at", "astatine")
    text = " ".join(r.text for r in s.reasons)
    assert "'at'" in text and "'astatine'" in text and "function word" in text


@pytest.mark.parametrize("old,new", [("kiev", "kyiv"), ("skeptical", "sceptical"),
                                     ("defense", "defence")])
def test_editorial_spellings_score_low(seed_comparison, old, new):
    """House-style and renamed-place spellings are ordinary editing."""
    s = swap(seed_comparison, old, new)
    assert s is not None and s.score <= 0.1


def test_occurrence_spans_point_at_the_words(seed_comparison):
    """Every occurrence's spans hold the swapped words in both texts."""
    c = seed_comparison
    s = swap(c, "at", "astatine")
    for os_, oe, ns, ne in s.occurrences:
        assert c.old.text[os_:oe].lower() == "at"
        assert c.new.text[ns:ne].lower() == "astatine"


def test_document_verdict(seed_comparison):
    """The seed pair is called spun, with plausible proportions."""
    c = seed_comparison
    assert c.spin_score >= 0.6
    assert c.verdict.startswith("Spun copy") and c.classification == "spun"
    assert 25 <= c.stats.pct_substituted <= 50
    assert c.stats.unchanged + c.stats.substituted_old + c.stats.deleted == c.stats.old_words


def test_title_line_is_a_deleted_paragraph(seed_comparison):
    """The original's title line has no counterpart: it aligns as a deleted block."""
    first = seed_comparison.alignment[0]
    assert first.kind == "deleted" and first.old_paragraphs == (0, 1)
    assert seed_comparison.alignment[1].kind == "aligned"


def test_swapped_sides_are_pointed_out(seed_comparison):
    """Comparing the spun text against the original says the sides look swapped."""
    from tests.conftest import ORIGINAL, SPUN
    from unspin.core.compare import compare
    from unspin.core.documents import load_document

    reversed_ = compare(load_document(SPUN), load_document(ORIGINAL))
    assert reversed_.sides_look_swapped and reversed_.verdict.startswith("The sides look swapped")
    assert not seed_comparison.sides_look_swapped
