"""Single-document scan: spinner words found without the original, clean prose left alone."""

import ast
import random
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ORIGINAL, SPUN
from unspin.core.compare import compare
from unspin.core.context import Slot, fits_role
from unspin.core.documents import Document, load_document
from unspin.core.scan import candidate_table, scan
from unspin.core.scoring import load_function_words
from unspin.core.thesaurus import default_thesaurus, wrong_sense

SEED_WORDS = {"nan", "successful", "pinch", "astatine", "arsenic", "beryllium", "whitethorn", "conscionable"}
STDLIB_MODULES = ("argparse", "collections/__init__", "textwrap", "shutil", "subprocess", "logging/__init__",
                  "json/__init__", "csv", "tempfile", "pathlib", "functools", "inspect", "zipfile", "tarfile",
                  "email/message", "http/client", "unittest/case", "datetime", "ftplib", "imaplib",
                  "smtplib", "threading", "typing")


def _flags_by_span(result):
    return {(f.start, f.end): f for f in result.flags}


def test_seed_spinner_words_are_flagged_with_their_original(seed_comparison):
    """At least 85 % of the demo copy's nan/successful/pinch/... (truth: the aligned original)
    are flagged with the original word, scanning the spun copy alone, by rules alone (no
    list of the demo's swaps: "nan" is found as the word that took the place of "the")."""
    truth = {(x, y): s.old.lower() for s in seed_comparison.swaps if s.kind == "word"
             and s.new.lower() in SEED_WORDS for _, _, x, y in s.occurrences}
    flags = _flags_by_span(scan(load_document(SPUN)))
    right = sum(1 for span, old in truth.items() if span in flags and flags[span].original.lower() == old)
    print(f"demo copy alone: {right} of {len(truth)} ({100 * right / len(truth):.1f} %) flagged right")
    assert len(truth) >= 120
    assert right >= 0.85 * len(truth)


def test_original_seed_has_almost_no_flags():
    """The fluent original (seed 001) gets fewer than 1 flag per 1,000 words."""
    result = scan(load_document(ORIGINAL))
    assert result.words > 1000
    assert len(result.flags) < result.words / 1000


def _docstrings() -> str:
    lib = Path(sysconfig.get_paths()["stdlib"])
    texts = []
    for name in STDLIB_MODULES:
        tree = ast.parse((lib / f"{name}.py").read_text(encoding="utf-8"))
        texts += [ast.get_docstring(n) or "" for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))]
    return "\n\n".join(t for t in texts if t)


def test_clean_prose_has_almost_no_flags():
    """Python's own docstrings (tens of thousands of words) get fewer than 1 flag per 1,000 words."""
    result = scan(_docstrings())
    print(f"docstrings: {len(result.flags)} flags in {result.words} words")
    assert result.words > 30_000
    assert len(result.flags) < result.words / 1000
    assert result.spin_score < 0.1


CLEAN_NEWS = Path(__file__).resolve().parent.parent / "data" / "clean_news.txt"


def test_clean_news_has_almost_no_flags():
    """Ordinary news prose written for this test (courts, weather, business, sport; "the person
    killed", "feel the pinch", "was hugely successful this summer") gets fewer than 1 flag per
    1,000 words."""
    result = scan(load_document(CLEAN_NEWS))
    print(f"clean news: {len(result.flags)} flags in {result.words} words")
    assert result.words > 500
    assert len(result.flags) < result.words / 1000
    assert result.spin_score < 0.1


@pytest.mark.parametrize("sentence", [
    "Police said the person killed in the crash was a teacher.",        # a noun after a determiner
    "Every person arrested last night has been released.",
    "The strike could cost the economy millions.",                       # a verb after a modal
    "The project is expected to cost five billion dollars.",
    "Workers exposed to beryllium dust are at risk.",                    # a noun before a noun
    "The film was hugely successful this summer and its sequel opens soon.",  # be + time phrase
    "The club has been successful the last three years.",
    "The policy proved successful the following year.",                  # a linking verb
    "Households will feel the pinch this winter.",                       # after an article
    "The storm damaged approximately 40 homes in the valley.",           # an adverb before a number
    "Nan said she would visit on Sunday.",                               # a name before a verb
    "Astatine is the rarest naturally occurring element.",               # "at is": no preposition
    "The hawthorn and whitethorn hedges were in flower.",                # "may hedges": no modal
])
def test_content_words_in_their_own_slot_are_not_flagged(sentence):
    """A spinner's output word used as itself, in a slot the function word could not take, is
    left alone."""
    assert scan(sentence).flags == ()


@pytest.mark.parametrize("sentence,word,original", [
    ("The missiles could beryllium utilized elsewhere.", "beryllium", "be"),
    ("It would beryllium the end of it.", "beryllium", "be"),
    ("He was successful the city when it happened.", "successful", "in"),
    ("It was hugely successful the north of the country.", "successful", "in"),
    ("Costs rose successful the following year.", "successful", "in"),
    ("It was prompted by the deployment of astir 10,000 soldiers.", "astir", "about"),
    ("The talks whitethorn fortify the truce.", "whitethorn", "may"),
])
def test_spinner_words_in_a_function_words_slot_are_still_flagged(sentence, word, original):
    """The same words where the sentence needs the function word are still flagged."""
    assert (word, original) in {(f.word, f.original) for f in scan(sentence).flags}


@pytest.mark.parametrize("word,prev,nxt,expected", [
    ("cost", "could", "the", False),        # a verb after a modal is that verb
    ("cost", "to", "five", False),
    ("beryllium", "to", "dust", False),     # a noun before a noun: a compound
    ("beryllium", "could", "utilized", True),
    ("beryllium", "to", "the", True),
])
def test_be_slot_needs_a_word_that_is_neither_a_verb_nor_before_a_noun(word, prev, nxt, expected):
    """The "be" rule alone, for any candidate a thesaurus may give: "could cost the economy"
    and "exposed to beryllium dust" are not "be" slots; "could beryllium utilized" is."""
    assert fits_role("be", Slot(prev, nxt, False, False, next_words=(nxt,)), word) is expected


def test_adjective_uses_do_not_confirm_a_swap_for_the_whole_text():
    """"successful" used as an adjective three times confirms no swap, so "the company's
    successful launch" stays unflagged; a possessive shields it even in a spun text."""
    clean = ("The campaign was successful this year. The team was successful the year before. "
             "The tour proved successful the following summer. The company's successful launch "
             "surprised analysts.")
    assert scan(clean).flags == ()
    spun = ("Officials met successful the city. Talks went on successful the capital. "
            "They spoke successful the morning. The company's successful launch surprised them.")
    launch = spun.index("successful launch")
    assert all(f.start != launch for f in scan(spun).flags)


def thesaurus_spin(text: str, rate: float, seed: int) -> str:
    """A spinner that has never been seen: wrong-sense WordNet synonyms of function words."""
    th, rng = default_thesaurus(), random.Random(seed)
    choices = {}
    for old in sorted(load_function_words()):
        options = sorted(w for w in th.neighbours(old) if w.isalpha() and wrong_sense(th, old, w, True))
        if options:
            choices[old] = options
    def swap(match):
        word = match.group()
        options = choices.get(word.lower())
        if not options or rng.random() > rate:
            return word
        new = rng.choice(options)
        return new.capitalize() if word[0].isupper() else new
    import re
    return re.sub(r"[A-Za-z]+", swap, text)


def legitimate_edits(text: str) -> str:
    """An editor's changes: a reworded sentence, updated figures, an added paragraph, house style."""
    paragraphs = text.split("\n\n")
    paragraphs[1] = "In a statement on Monday, officials gave a fuller account of the decision."
    added = "This article was updated with the latest figures and reaction from officials in Washington."
    edited = "\n\n".join(paragraphs[:4] + [added] + paragraphs[4:])
    for old, new in (("US", "U.S."), ("per cent", "percent"), ("Kyiv", "Kiev"), ("2024", "2025"),
                     ("said", "says"), ("“", '"'), ("”", '"')):
        edited = edited.replace(old, new)
    return edited


@pytest.fixture(scope="module")
def copies():
    original = ORIGINAL.read_text(encoding="utf-8")
    return {"original": original, "edited": legitimate_edits(original),
            "seed spun": SPUN.read_text(encoding="utf-8"),
            "thesaurus spun": thesaurus_spin(original, 0.6, seed=6)}


def test_scan_separates_spun_from_edited_copies(copies):
    """Scanned alone, spun copies score far above a legitimately edited one."""
    scores = {name: scan(text).spin_score for name, text in copies.items()}
    print("scan spin scores:", scores)
    assert scores["edited"] < 0.2
    assert min(scores["seed spun"], scores["thesaurus spun"]) > 0.6


def test_compare_separates_spun_from_edited_copies(copies):
    """Compared with the original, spun copies score far above a legitimately edited one."""
    scores = {name: compare(copies["original"], text).spin_score
              for name, text in copies.items() if name != "original"}
    print("compare spin scores:", scores)
    assert scores["edited"] < 0.3
    assert min(scores["seed spun"], scores["thesaurus spun"]) > 0.6


def test_unseen_spinner_words_are_found_through_the_thesaurus(copies):
    """Swaps in no signature table are flagged: the thesaurus, not a list, finds them."""
    result = scan(copies["thesaurus spun"])
    unseen = [f for f in result.flags if all(r.code != "signature" for r in f.reasons)]
    assert len(unseen) >= 10
    assert all(any(r.code in ("wrong_sense", "collocation", "slip") for r in f.reasons) for f in unseen)


def test_flag_spans_and_case_follow_the_text():
    """A flag covers its word exactly, CRLF and emoji included, and keeps the capital."""
    text = "We met 🎉 astatine the station.\r\nSuccessful the morning, the president spoke."
    doc = Document.from_text(text)
    result = scan(doc)
    words = {f.word: f for f in result.flags}
    assert {"astatine", "Successful"} <= words.keys()
    for f in result.flags:
        assert doc.text[f.start:f.end] == f.word
    assert words["Successful"].original == "In" and words["astatine"].original == "at"


def test_right_sense_words_are_not_flagged():
    """Ordinary uses of words a spinner also produces stay unflagged."""
    text = ("The launch was successful. A successful company connected the two towns. "
            "Arsenic in drinking water is a concern. Tin prices rose. She gave a pinch of salt. "
            "The Coffee Pot Control Protocol is a joke. NaN is not a number.")
    assert scan(text).flags == ()


def test_a_swap_seen_again_and_again_makes_its_other_occurrences_suspect():
    """In a text that keeps writing 'successful' for 'in', a bare 'successful binary' is flagged
    too, while 'a successful launch' in the same text is left alone."""
    spun = ("Officials met successful the city. Talks went on successful the capital. "
            "They spoke successful the morning. Work continued successful binary form. "
            "It was a successful launch.")
    flagged = {spun[f.start - 9:f.end + 7]: f for f in scan(spun).flags if f.word == "successful"}
    assert len(flagged) == 4
    binary = next(f for text, f in flagged.items() if "binary" in text)
    assert binary.original == "in" and any(r.code == "consistent" for r in binary.reasons)


def test_rare_synonyms_of_common_words_are_flagged_with_the_common_word():
    """'twelvemonth', 'cognize', 'macrocosm' (in no table) are flagged as year, know, world."""
    text = ("The company said last twelvemonth that it would cognize the results soon. "
            "In the macrocosm of finance, that matters.")
    assert {(f.word, f.original) for f in scan(text).flags} == {
        ("twelvemonth", "year"), ("cognize", "know"), ("macrocosm", "world")}


def test_a_rare_word_the_text_keeps_using_is_its_topic():
    """A rare word used again and again (a technical term) is not flagged as a spinner's pick."""
    text = " ".join(f"Section {n}: the macrocosm model is described here." for n in range(8))
    assert scan(text).flags == ()


def test_other_languages_are_not_scanned():
    """A French text is reported as unsupported rather than given false flags."""
    text = "Le président a déclaré que la décision était prise dans la nuit de dimanche à lundi. " * 5
    result = scan(text)
    assert result.status == "unsupported" and not result.flags
    assert "English" in result.verdict


def test_scan_can_be_cancelled():
    """A cancelled scan says so and reports no flags."""
    result = scan(SPUN.read_text(encoding="utf-8"), should_cancel=lambda: True)
    assert result.status == "cancelled" and not result.flags


def test_candidate_table_explains_every_entry():
    """Every word a scan can flag has a reason: a signature or a wrong-sense thesaurus link."""
    table = candidate_table()
    assert {"astatine", "whitethorn", "successful", "indium"} <= table.keys()
    assert all(c.reason.code in ("signature", "wrong_sense") for cands in table.values() for c in cands)


DISPLACED = ("Nan president said so connected Monday. Nan talks were held successful nan capital and nan "
             "ministers met for hours. Nan building, which dates from 1902, has a caller lift. Nan "
             "continued presence of troops is seen as leverage. Officials said nan deal was close, "
             "but nan details of nan plan were not made public. Nan opposition called nan vote a "
             "sham and said nan count should be held again. Nan markets rose after nan news. "
             "Later nan president flew to nan coast, where nan storm had cut power to thousands of "
             "homes. Crews worked through nan night to restore it, and by nan morning most of nan "
             "town had light again. Nan mayor thanked nan crews and said nan damage would take "
             "weeks to repair. Schools stayed closed while nan roads were cleared of fallen trees, "
             "and nan local hospital ran on its own generators until nan grid came back.")


def test_a_word_that_took_a_function_words_place_is_flagged_as_it():
    """"nan" used as often as "the" should be, in a text that hardly has "the": every "nan"
    in a determiner's slot is flagged as "the", with the counts as its reason."""
    result = scan(DISPLACED)
    nan = [f for f in result.flags if f.word.lower() == "nan"]
    assert len(nan) >= 12 and all(f.original.lower() == "the" for f in nan)
    assert nan[0].original == "The" and "appears 0 times" in nan[0].reasons[0].text


def test_a_subject_word_used_often_is_not_a_displaced_function_word():
    """A text about Biden says "Biden" often and "the" as usual: nothing is displaced."""
    text = " ".join(["Biden met the leaders of the region.", "Biden said the talks went well.",
                     "The White House said Biden would travel again."] * 4)
    assert not [f for f in scan(text).flags if f.word == "Biden"]
