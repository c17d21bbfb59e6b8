"""The shipped English frequency table answers as wordfreq does."""

import random

from wordfreq import zipf_frequency

from unspin.core.frequencies import _table, english_zipf, table_zipf
from unspin.core.scoring import zipf


def test_the_table_agrees_with_wordfreq():
    """A sample of the table's words, and words it lacks, get wordfreq's own Zipf values."""
    words = _table().words()
    sample = random.Random(7).sample(words, 400) + ["the", "astatine", "folks", "zzqxv"]
    assert all(table_zipf(w) == zipf_frequency(w, "en") for w in sample if w.isalpha() and w.isascii())
    assert table_zipf("zzqxv") == 0.0 and table_zipf("the") > 7


def test_apostrophes_and_hyphens_are_answered_as_wordfreq_would():
    """Words with inner apostrophes or accented Latin letters are in the table; hyphenated
    words are combined from their parts as wordfreq combines them (``1/f = 1/f1 + 1/f2``,
    three digits)."""
    words = _table().words()
    rng = random.Random(11)
    with_apostrophes = [w for w in words if "'" in w]
    assert len(with_apostrophes) > 10_000
    hyphenated = ["-".join(rng.sample(words, rng.choice((2, 3)))) for _ in range(300)]
    sample = rng.sample(with_apostrophes, 300) + hyphenated + [
        "don't", "header's", "e-mail", "well-known", "non-application's", "zzqx-mail", "o'clock",
        "s'mores", "rock'n'roll", "café", "müller", "são", "naïve", "häring", "zzqé", "pokémon-go"]
    assert [english_zipf(w) for w in sample] == [zipf_frequency(w, "en") for w in sample]
    assert english_zipf("don't") > 5 and english_zipf("zzqx-mail") == 0.0


def test_other_words_and_languages_are_asked_of_wordfreq():
    """Words the table does not cover (digits, outer apostrophes, elisions, letters wordfreq
    folds, other scripts, capitals) and other languages."""
    for word in ("2019", "users'", "covid-19", "l'amour", "b'abc", "y'all", "an-l'heure", "straße",
                 "東京"):
        assert english_zipf(word) is None
        assert zipf(word, "en") == zipf_frequency(word, "en")
    assert english_zipf("The") is None
    assert table_zipf("don't") is None
    assert zipf("le", "fr") == zipf_frequency("le", "fr") > 6
