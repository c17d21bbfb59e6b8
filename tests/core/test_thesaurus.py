"""The offline thesaurus and the wrong-sense synonym reason."""

import sqlite3

import pytest

from unspin.core.compare import compare
from unspin.core.resources import resource_path
from unspin.core.scoring import Scorer
from unspin.core.swaps import Swap
from unspin.core.thesaurus import Thesaurus, default_thesaurus, wrong_sense

from array import array


def _swap(old, new):
    return Swap(old, new, "word", array("i", [0, len(old), 0, len(new)]))


def _reason(old, new):
    reasons = Scorer("en").score(_swap(old, new)).reasons
    return next((r.text for r in reasons if r.code == "wrong_sense"), None)


def test_data_file_is_small_and_shipped_with_its_licence():
    """The thesaurus is a few MB and WordNet's licence notice ships beside it."""
    assert resource_path("wordnet/thesaurus.sqlite").stat().st_size < 6_000_000
    assert "Princeton University" in resource_path("wordnet/WORDNET_LICENSE.txt").read_text()


def test_database_is_opened_read_only():
    """The app never writes to its data file."""
    th = Thesaurus()
    th.senses("at")
    with pytest.raises(sqlite3.OperationalError):
        th._db.execute("DELETE FROM senses")


def test_database_opens_from_an_awkward_path(tmp_path):
    """An install folder with spaces, '#' and '?' in its name still opens the thesaurus."""
    folder = tmp_path / "my apps #1 ?"
    folder.mkdir()
    copy = folder / "thesaurus.sqlite"
    copy.write_bytes(resource_path("wordnet/thesaurus.sqlite").read_bytes())
    assert Thesaurus(copy).links("at", "astatine")


@pytest.mark.parametrize("word,base", [("mice", "mouse"), ("running", "run"), ("was", "be"),
                                       ("boxes", "box"), ("larger", "large")])
def test_inflections_reach_their_base_form(word, base):
    """Morphy rules and exception lists find the lemma of an inflected word."""
    assert base in {b for b, _ in default_thesaurus().base_forms(word)}


@pytest.mark.parametrize("old,new,expected", [
    ("at", "astatine", "only as the chemical symbol At"),
    ("as", "arsenic", "only as the chemical symbol As"),
    ("be", "beryllium", "only as the chemical symbol Be"),
    ("may", "whitethorn", "only as the noun"),
    ("in", "successful", "'successful' is similar to 'in' only as the adjective in"),
    ("just", "conscionable", "only as the adjective just"),
    ("will", "volition", "only as the noun will"),
    ("on", "connected", "only as the adjective on"),
])
def test_wrong_sense_swaps_are_explained(old, new, expected):
    """Seed-style spinner swaps get a reason naming the sense they came through."""
    assert expected in (_reason(old, new) or "")


@pytest.mark.parametrize("old,new", [("big", "large"), ("buy", "purchase"), ("nuclear", "atomic"),
                                     ("just", "only"), ("father", "begetter"), ("use", "usage"),
                                     ("many", "numerous"), ("some", "several"), ("is", "costs"),
                                     ("so", "thus"), ("no", "zero")])
def test_right_sense_synonyms_get_no_wrong_sense_reason(old, new):
    """A synonym in its ordinary sense is not called a wrong sense."""
    assert _reason(old, new) is None


@pytest.mark.parametrize("old,new", [("like", "similar"), ("many", "numerous"), ("several", "respective"),
                                     ("was", "cost"), ("have", "possess")])
def test_function_words_fit_the_part_of_speech_wordnet_files_them_under(old, new):
    """Quantifiers (adjectives in WordNet), "like" (an adjective besides its verb) and an
    auxiliary's verb senses are the function word itself, not a wrong sense."""
    assert wrong_sense(default_thesaurus(), old, new, True) is None


@pytest.mark.parametrize("old,new", [("in", "successful"), ("on", "connected"), ("just", "conscionable"),
                                     ("at", "astatine"), ("may", "whitethorn"), ("one", "matchless")])
def test_adjective_beside_a_commoner_adverb_or_a_rare_adjective_sense_stays_wrong(old, new):
    """An adjective sense of a preposition used mostly as an adverb (in, on, just), a noun
    sense, or a rarely used adjective sense is still a wrong sense."""
    assert wrong_sense(default_thesaurus(), old, new, True) is not None


def test_quantifier_synonyms_are_not_suspicious_in_an_edited_copy():
    """An editor's "many" -> "numerous" and "some" -> "several" stay below suspicion."""
    result = compare("Officials said many people left and some stayed behind in the town.",
                     "Officials said numerous people left and several stayed behind in the town.")
    assert {s.new: s.score for s in result.swaps}.keys() >= {"numerous", "several"}
    assert all(s.score < 0.5 for s in result.swaps)


def test_unseen_swap_is_explained_through_the_thesaurus():
    """A swap in no signature table (said -> aforesaid) is explained from WordNet alone."""
    assert ("said", "aforesaid") not in Scorer("en").signatures
    assert "only in a rare sense" in (_reason("said", "aforesaid") or "")


def test_wrong_sense_raises_the_score_of_an_unknown_swap():
    """A function word swapped through a wrong-sense link scores as suspicious."""
    result = compare("He was in town at noon and on time.", "He was in town at noon and connected time.")
    swap = next(s for s in result.swaps if s.new == "connected")
    assert swap.score >= 0.8
    assert any(r.code == "wrong_sense" for r in swap.reasons)


def test_other_languages_get_no_english_thesaurus_reason():
    """The thesaurus is English: French "as" (ace) is not judged by it."""
    assert wrong_sense(default_thesaurus(), "as", "arsenic", True) is not None  # read as English
    scorer = Scorer("fr")
    assert all(r.code != "wrong_sense" for r in scorer.score(_swap("as", "arsenic")).reasons)
