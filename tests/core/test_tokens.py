"""Tokens: words with spans, punctuation apart, any script."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unspin.core.tokens import Vocabulary, split_tokens, tokenize


@pytest.mark.parametrize("text,expected", [
    ("It’s a long-range test.", ["It’s", "a", "long-range", "test", "."]),
    ("don't stop", ["don't", "stop"]),
    ("10,000 troops; 3.5 km", ["10,000", "troops", ";", "3.5", "km"]),
    ("«Bonjour», dit-il !", ["«", "Bonjour", "»", ",", "dit-il", "!"]),
    ("日本語です", ["日", "本", "語", "で", "す"]),
    ("Привет, мир", ["Привет", ",", "мир"]),
    ("नमस्ते दुनिया", ["नमस्ते", "दुनिया"]),
    ("great 👍🏽 news 🇺🇦!", ["great", "👍🏽", "news", "🇺🇦", "!"]),
    ("-start end-", ["-", "start", "end", "-"]),
])
def test_token_table(text, expected):
    """Words keep inner apostrophes and hyphens; punctuation, emoji and CJK stand alone."""
    assert split_tokens(text) == expected


def test_word_mask_marks_words():
    """Words and numbers count as words; punctuation and emoji do not."""
    t = tokenize("Hi, 42 🙂 you.", Vocabulary())
    assert [t.is_word(k) for k in range(len(t))] == [True, False, True, False, True, False]
    assert t.words_in(0, len(t)) == 3


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_tokens_and_gaps_rebuild_the_text(text):
    """Tokens plus the whitespace between them give back the exact text; gaps are whitespace."""
    t = tokenize(text, Vocabulary())
    pos, pieces = 0, []
    for k in range(len(t)):
        gap = text[pos:t.start(k)]
        assert gap.strip() == ""
        pieces += [gap, t.surface(k)]
        assert t.start(k) < t.end(k)
        pos = t.end(k)
    assert text[pos:].strip() == ""
    assert "".join(pieces) + text[pos:] == text


def test_apostrophe_variants_match():
    """’ and ' are the same for matching, so It’s and It's compare equal."""
    v = Vocabulary()
    assert tokenize("It’s", v).codes == tokenize("It's", v).codes


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)
       | st.text(alphabet="ab1,.-'’ _é\u0301😀👍🏽\u200d日\n\t²", max_size=60))
def test_fast_tokenizer_agrees_with_the_full_one(text):
    """Wherever the fast re pattern is used, it splits exactly like the full pattern."""
    from unspin.core.tokens import FAST_TOKEN_RE, full_token_pattern, needs_full_pattern

    if not needs_full_pattern(text):
        assert FAST_TOKEN_RE.split(text) == full_token_pattern().split(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ,\n’'-1😀é\u0301", max_size=80), st.integers(1, 9))
def test_slicing_never_changes_the_tokens(text, size):
    """Tokenizing in slices (to keep the UI responsive) gives the same tokens as one pass."""
    import unspin.core.tokens as tokens

    whole = tokens.split_tokens(text)
    old_size, tokens.SLICE = tokens.SLICE, size
    try:
        t = tokens.tokenize(text, Vocabulary())
    finally:
        tokens.SLICE = old_size
    assert [t.surface(k) for k in range(len(t))] == whole
