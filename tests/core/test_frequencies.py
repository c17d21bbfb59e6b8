"""The shipped English frequency table answers as wordfreq does."""

import random

from wordfreq import zipf_frequency

from unspin.core.frequencies import _table, table_zipf
from unspin.core.scoring import zipf


def test_the_table_agrees_with_wordfreq():
    """A sample of the table's words, and words it lacks, get wordfreq's own Zipf values."""
    words = _table().words()
    sample = random.Random(7).sample(words, 400) + ["the", "astatine", "folks", "zzqxv"]
    assert all(table_zipf(w) == zipf_frequency(w, "en") for w in sample)
    assert table_zipf("zzqxv") == 0.0 and table_zipf("the") > 7


def test_other_words_and_languages_are_asked_of_wordfreq():
    """Words the table does not cover (digits, apostrophes, capitals) and other languages."""
    assert table_zipf("don't") is None and table_zipf("2019") is None and table_zipf("The") is None
    assert zipf("don't", "en") == zipf_frequency("don't", "en")
    assert zipf("le", "fr") == zipf_frequency("le", "fr") > 6
