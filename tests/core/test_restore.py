"""The unspun copy: swapped words put back, everything else exactly the copy's."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unspin.core.compare import compare
from unspin.core.restore import match_case, restore, restored_words, unspun_text


def outside(text, spans, start_key, end_key):
    """The pieces of *text* between the given spans."""
    pieces, pos = [], 0
    for r in spans:
        pieces.append(text[pos:getattr(r, start_key)])
        pos = getattr(r, end_key)
    return pieces + [text[pos:]]


@pytest.fixture(scope="module")
def seed_unspun(seed_comparison):
    """The seed copy with its suspicious swaps restored."""
    return unspun_text(seed_comparison)


@pytest.mark.parametrize("spun,original,minimum", [
    ("nan", "the", 66), ("successful", "in", 15), ("astatine", "at", 5), ("pinch", "with", 5),
    ("arsenic", "as", 5), ("beryllium", "be", 4), ("whitethorn", "may", 1),
    ("conscionable", "just", 1), ("connected", "on", 5),
])
def test_seed_spinner_words_are_restored(seed_unspun, spun, original, minimum):
    """Each signature spinner word of the seed copy is put back to the original's word."""
    assert restored_words(seed_unspun.spans).get((spun, original), 0) >= minimum


def test_seed_unspun_text_is_otherwise_the_copy(seed_comparison, seed_unspun):
    """Outside the restored words the unspun text is the copy, character for character."""
    copy = seed_comparison.new.text
    assert outside(seed_unspun.text, seed_unspun.spans, "start", "end") == \
        outside(copy, seed_unspun.spans, "copy_start", "copy_end")
    for r in seed_unspun.spans:
        assert seed_unspun.text[r.start:r.end] == r.restored
        assert copy[r.copy_start:r.copy_end] == r.copy_word


def test_seed_unspun_reads_closer_to_the_original(seed_comparison, seed_unspun):
    """After restoring, 'nan' is almost gone and 'the' is as frequent as in the original."""
    def words(text):
        return Counter(w.strip(".,“”’").lower() for w in text.split())
    before, after = words(seed_comparison.new.text), words(seed_unspun.text)
    original = words(seed_comparison.old.text)
    assert after["nan"] < before["nan"] / 10
    assert abs(after["the"] - original["the"]) < abs(before["the"] - original["the"]) / 5


def test_lower_case_spun_words_come_back_lower_case(seed_unspun):
    """The seed's spun words are all in lower case, and so are the words put back."""
    assert all(r.restored[0].islower() for r in seed_unspun.spans if r.copy_word[0].islower())


def test_nan_opening_a_sentence_becomes_the():
    """"Nan" at a sentence start comes back as "The" even where the original had "the"."""
    c = compare("He left. the house at the end was sold.\n", "He left. Nan house astatine nan end was sold.\n")
    assert unspun_text(c).text == "He left. The house at the end was sold.\n"


def test_all_swaps_restores_more_than_suspicious_ones(seed_comparison, seed_unspun):
    """Restoring every swap also puts back the ordinary synonyms the default leaves."""
    everything = unspun_text(seed_comparison, only_suspicious=False)
    assert len(everything.spans) > len(seed_unspun.spans)
    assert all(r.reason for r in seed_unspun.spans)


@pytest.mark.parametrize("old,new", [
    ("I ❤️ the café at noon 👍🏽.\r\nThe 🇺🇦 flag is in the hall.\r\n",
     "I ❤️ nan café astatine noon 👍🏽.\r\nNan 🇺🇦 flag is successful nan hall.\r\n"),
    ("« Le président a dit qu’il viendra à Paris. »\n\nL’État répond : « Non ! »\n",
     "« Le chef a dit qu’il arrivera à Paris. »\n\nL’Administration répond : « Non ! »\n"),
    ("東京で会議が開かれた。the end\n", "東京で会合が開かれた。nan end\n"),
])
def test_every_swap_restored_gives_the_original(old, new):
    """Emoji, accents, CRLF, French quotes and apostrophes, CJK: restoring every swap gives
    back the original exactly."""
    c = compare(old, new)
    assert unspun_text(c, only_suspicious=False).text == c.old.text


@pytest.mark.parametrize("word,model,expected", [
    ("the", "Nan", "The"), ("at", "ASTATINE", "AT"), ("in", "successful", "in"),
    ("The", "nan", "the"), ("NATO", "nato", "NATO"), ("iPhone", "Telephone", "iPhone"),
    ("être", "Ëtre", "Être"),
])
def test_case_follows_the_copy(word, model, expected):
    """The restored word takes the copy's case pattern, names keep their own."""
    assert match_case(word, model) == expected


def test_overlapping_replacements_keep_the_first():
    """A replacement overlapping an earlier one is skipped, not garbled."""
    u = restore("nan cat sat", [(0, 3, "the"), (2, 7, "xx"), (8, 11, "lay")])
    assert u.text == "the cat lay" and [r.restored for r in u.spans] == ["the", "lay"]


def test_positions_map_both_ways():
    """Positions after a restored word shift by the length change, both ways."""
    u = restore("nan cat astatine home", [(0, 3, "the"), (8, 16, "at")])
    assert u.text == "the cat at home"
    assert u.to_unspun(17) == 11 and u.to_copy(11) == 17
    assert u.to_copy(9) == 8  # inside a restored word: its start


@settings(max_examples=60)
@given(st.text(alphabet=st.sampled_from("ab é🙂\n\r,."), max_size=80))
def test_no_swaps_means_the_copy_unchanged(text):
    """Compared with itself, a text's unspun copy is the text itself."""
    c = compare(text, text)
    u = unspun_text(c, only_suspicious=False)
    assert u.text == c.new.text and not u.spans


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5), st.text(max_size=4)), max_size=6))
def test_restore_replaces_only_the_spans(items):
    """Text outside the applied spans is kept and positions round-trip outside them."""
    copy = "0123456789" * 4
    u = restore(copy, [(s, min(40, s + n), w) for s, n, w in items])
    assert outside(u.text, u.spans, "start", "end") == outside(copy, u.spans, "copy_start", "copy_end")
    inside = {p for r in u.spans for p in range(r.copy_start, r.copy_end)}
    for p in range(41):
        if p not in inside:
            assert u.to_copy(u.to_unspun(p)) == p


def test_highlights_follow_the_unspun_text(seed_comparison, seed_unspun):
    """On the unspun text the restored words are tagged restored and other marks still
    cover the same words as in the copy."""
    from unspin.core.highlights import RESTORED, build_highlights
    from unspin.core.restore import unspun_layers

    h = build_highlights(seed_comparison)
    ops, swaps = unspun_layers(h.new_ops, h.new_swaps, seed_unspun)
    copy, text = seed_comparison.new.text, seed_unspun.text
    restored = [(a, b) for a, b, tag, _ in swaps.between(0, len(text)) if tag == RESTORED]
    assert restored == [(r.start, r.end) for r in seed_unspun.spans]
    moved = [text[a:b] for a, b, tag, _ in swaps.between(0, len(text)) if tag != RESTORED]
    kept = [copy[a:b] for a, b, _, _ in h.new_swaps.between(0, len(copy))
            if (a, b) not in {(r.copy_start, r.copy_end) for r in seed_unspun.spans}]
    assert moved == kept
    assert [text[a:b] for a, b, _, _ in ops.between(0, len(text))] == \
        [copy[a:b] for a, b, _, _ in h.new_ops.between(0, len(copy))]
