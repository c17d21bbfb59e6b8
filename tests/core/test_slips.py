"""A scan finds the grammar a spinner breaks: articles left for another word, a pair
collapsed into one noun."""

from unspin.core.scan import scan
from unspin.core.slips import slip_findings


def _slipped(text: str) -> list[str]:
    return [text[start:end] for start, end, _, _ in slip_findings(text)]


def test_an_article_left_for_another_word_is_found():
    text = "Officials opened an space for a international market after a earlier vote."
    assert _slipped(text) == ["space", "international", "earlier"]


def test_articles_that_fit_their_sound_are_left_alone():
    text = ("A one-off payment, an hour late, a euro coin, an honest man, a unit, an apple and "
            "a useful tool. An FBI agent met a UN envoy.")
    assert _slipped(text) == []


def test_a_noun_joined_to_itself_is_found_but_emphasis_is_not():
    assert _slipped("Common symptoms and symptoms include fever.") == ["symptoms and symptoms"]
    text = "Prices rose again and again, better and better, over miles and miles of road."
    assert _slipped(text) == []


def test_a_scan_shows_the_slip_without_inventing_an_original():
    result = scan("Rescuers searched an space near the harbour. " * 3)
    flags = [f for f in result.flags if f.reasons[0].code == "slip"]
    assert flags and flags[0].word == "space"
    assert "for “" not in result.verdict and "“space”" in result.verdict


def test_a_noun_repeated_with_a_qualifier_is_ordinary_english():
    text = "It is good for time-pressed targets and targets that are heavily defended."
    assert _slipped(text) == []


def test_spintax_left_in_the_text_is_found_but_set_notation_is_not():
    text = "Search engine optimization is the process of improving a site for {web|the net} search."
    assert _slipped(text) == ["{web|the net}"]
    assert _slipped("Let S = {x | x > 0} and T = {a, b}.") == []
    result = scan(text)
    assert result.spin_score >= 0.3 and "{web|the net}" in result.verdict
