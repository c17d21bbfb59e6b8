"""Suspicion scores: spinner swaps high, ordinary editing low."""

import re

import pytest

from unspin.core.compare import compare

BASE = ("The minister said on Tuesday that the new bridge in Kiev would open in May, "
        "at a cost of 10,000 dollars. The U.S. embassy welcomed the plan with enthusiasm. "
        "Engineers expect the work to be finished before the winter, and traffic should "
        "move again by the end of the year.")


def score_of(comparison, old, new):
    for s in comparison.swaps:
        if s.old.lower() == old.lower() and s.new.lower() == new.lower():
            return s.score
    raise AssertionError(f"no swap {old} -> {new}: {[(s.old, s.new) for s in comparison.swaps]}")


@pytest.mark.parametrize("edited,old,new", [
    (BASE.replace("Kiev", "Kyiv"), "Kiev", "Kyiv"),
    (BASE.replace("10,000", "12,500"), "10,000", "12,500"),
    (BASE.replace("The U.S.", "The US"), "U.S.", "US"),
    (BASE.replace("The minister", "the minister"), "The", "the"),
])
def test_ordinary_edits_score_low(edited, old, new):
    """Renamed places, updated figures, house style and case changes stay below 0.1."""
    assert score_of(compare(BASE, edited), old, new) <= 0.1


def test_added_sentence_is_an_insertion_not_a_swap():
    """An added sentence creates no swaps and keeps the spin score near zero."""
    c = compare(BASE, BASE + " Critics called the price far too high for such a small bridge.")
    assert c.swaps == () and c.stats.inserted >= 10 and c.spin_score < 0.05


@pytest.mark.parametrize("old,new", [("at", "astatine"), ("in", "successful"), ("with", "pinch"),
                                     ("may", "whitethorn"), ("be", "beryllium")])
def test_spinner_swaps_score_high(old, new):
    """Function words turned into rare content words are suspicious."""
    spun = re.sub(rf"\b{old}\b", new, re.sub(rf"\b{old.capitalize()}\b", new.capitalize(), BASE))
    assert score_of(compare(BASE, spun), old, new) >= 0.5


def test_unknown_spinner_swap_is_explained_without_the_table():
    """A swap missing from the signature table is still caught by its form."""
    c = compare("He went to the shop by car.", "He went to nan shop via automobile.")
    s = next(s for s in c.swaps if s.old == "by")
    assert s.score < 0.5  # 'via' is itself a function word: nothing suspicious
    t = next(s for s in c.swaps if s.old == "car")
    assert any(r.code == "rare_word" for r in t.reasons) or t.score <= 0.5


def test_spun_copy_scores_above_a_legitimately_edited_one():
    """A house-style edit of a text scores far below a spun copy of it."""
    edited = BASE.replace("Kiev", "Kyiv").replace("10,000", "12,000").replace("U.S.", "US")
    spun = (BASE.replace(" the ", " nan ").replace(" in ", " successful ").replace(" at ", " astatine ")
            .replace(" with ", " pinch ").replace(" be ", " beryllium "))
    assert compare(BASE, edited).spin_score < 0.1
    assert compare(BASE, spun).spin_score > 0.6


def test_language_is_detected_and_used_for_frequencies():
    """A French pair is scored with French word frequencies, not English ones."""
    old = ("Le chat est sur la table et il regarde les oiseaux dans le jardin. "
           "Nous avons vu que la maison est grande.")
    new = old.replace("chat", "chien").replace("sur", "sous")
    c = compare(old, new)
    assert c.language == "fr"
    assert c.spin_score < 0.3
    assert all(s.score < 0.5 for s in c.swaps)


@pytest.mark.parametrize("old, new, swapped", [
    ("the RFC5322 header", "the Tix5322 header", ("RFC", "Tix")),
    ("the latter’s value", "the latter’instead value", ("s", "instead")),
    ("equal to 1e100 here", "equal to 1surprises100 here", ("e", "surprises")),
    ("a built-in function", "a built-successful function", ("in", "successful")),
    ("the codec cp1006 maps", "the codec length1006 maps", ("cp", "length")),
])
def test_a_swapped_part_of_a_compound_is_the_swap(old, new, swapped):
    """A spinner swaps a part of a word the tokenizer keeps whole (letters and digits, a
    possessive, a hyphenated compound): the part that changed is the swap, not the word."""
    swaps = [(s.old, s.new) for s in compare(old, new).swaps]
    assert swaps == [swapped]


def test_contractions_are_not_split():
    swaps = [(s.old, s.new) for s in compare("I don't know.", "I won't know.").swaps]
    assert swaps == [("don't", "won't")]
