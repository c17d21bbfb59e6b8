"""A scan finds fixed phrases whose words a spinner swapped one at a time."""

from unspin.core.scan import scan
from unspin.core.unlisted_pairs import unlisted_pair_findings

SPUN = ("The demise toll rose to 40 on Sunday. Doctors warned of psychological wellness "
        "problems among survivors, and lawmakers debated taxation cuts for the region.")


def _found(text: str) -> dict[str, str]:
    words = len(text.split())
    return {text[start:end].lower(): original for start, end, original, _ in unlisted_pair_findings(text, words)}


def test_swapped_words_of_fixed_phrases_are_found_with_their_originals():
    found = _found(SPUN)
    assert found["demise"] == "death"
    assert found["psychological wellness"] == "mental health"
    assert found["taxation"] == "tax"


def test_the_fixed_phrases_themselves_are_not_found():
    text = ("The death toll rose to 40 on Sunday. Doctors warned of mental health problems "
            "among survivors, and lawmakers debated tax cuts for the region.")
    assert _found(text) == {}


def test_one_odd_pair_in_a_long_text_is_a_writers_choice():
    filler = " ".join(["The council met on Tuesday and approved the new budget for schools."] * 40)
    assert _found(filler + " It was a risky thing to do.") == {}


def test_the_reason_names_the_phrase_and_its_source():
    findings = unlisted_pair_findings(SPUN, len(SPUN.split()))
    text = findings[0][3].text
    assert "'demise toll'" in text and "'death toll'" in text and "Google Books" in text


def test_a_scan_marks_the_swapped_phrases():
    flagged = " ".join(f.word.lower() for f in scan(SPUN).flags)
    assert all(word in flagged for word in ("demise", "wellness", "taxation"))
