"""The judgement: what a pair is (not-a-copy ... spun), its measures, and reasons a lawyer
can file (none of them mentions the demo files)."""

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ORIGINAL, SPUN
from unspin.core.compare import compare
from unspin.core.documents import load_document
from unspin.core.evidence import to_html
from unspin.core.report import to_csv, to_dict, to_text
from unspin.core.resources import resource_path
from unspin.core.scan import scan
from unspin.core.scan_report import to_dict as scan_dict

ROOT = Path(__file__).resolve().parents[2]
DEMO_MENTION = re.compile(r"seed\s*0|seeds/|000_dad3|001_e5ea", re.IGNORECASE)
LICENCE = ROOT / "resources" / "wordnet" / "WORDNET_LICENSE.txt"
ARTICLE = """City officials said the new bridge would open next spring after two years of work.
The project cost 40 million dollars and was paid for by the state and the city.

Residents who live near the river said the construction noise had been hard to bear, but most
welcomed the shorter trip to the hospital on the other side. The mayor thanked the workers and
promised that the old bridge would be kept as a footpath for people on foot and on bicycles.

Traffic engineers expect about 20,000 cars a day to cross the bridge in its first year, and
the city plans to add a bus route that links both banks of the river with the railway station."""


def test_seed_pair_is_spun_with_the_top_swaps(seed_comparison):
    """The demo pair is classified spun; the→nan leads; the spinner swaps are suspicious."""
    c = seed_comparison
    assert c.classification == "spun"
    top = c.swaps[0]
    assert (top.old.lower(), top.new.lower()) == ("the", "nan") and top.count >= 66
    scores = {(s.old.lower(), s.new.lower()): s.score for s in c.swaps}
    for pair in (("in", "successful"), ("at", "astatine"), ("with", "pinch")):
        assert scores[pair] >= 0.5


def test_unrelated_texts_are_not_a_copy_and_pairings_are_no_evidence():
    """An article against a licence: not a copy, spin 0, and no word pairing presented as a
    swap (none listed, none counted as substituted)."""
    c = compare(load_document(ORIGINAL), load_document(LICENCE))
    assert c.classification == "not-a-copy" and c.spin_score == 0.0
    assert c.swaps == () and c.stats.swaps == 0 and c.stats.substituted_old == 0
    assert c.stats.deleted + c.stats.unchanged == c.stats.old_words
    assert c.verdict.startswith("Not a copy")
    assert "No swaps are listed" in to_text(c) and "None listed" in to_html(c)


def test_identical_and_lightly_edited_copies():
    """A copy with one sentence added is edited; the same text is verbatim."""
    assert compare(ARTICLE, ARTICLE).classification == "verbatim"
    edited = ARTICLE.replace("next spring", "next summer").replace(
        "two years of work.", "two years of work. The opening was delayed by floods.")
    c = compare(ARTICLE, edited)
    assert c.classification == "edited" and c.spin_score < 0.2


def test_synonym_spinner_without_any_known_swap_is_spun():
    """Ordinary synonyms swapped one for one throughout (no rare word, no function word)
    make a spun copy: the pattern, not a list, gives it away."""
    swaps = {"officials": "authorities", "new": "recent", "open": "launch", "work": "labour",
             "project": "venture", "cost": "price", "residents": "inhabitants", "live": "reside",
             "construction": "building", "hard": "tough", "welcomed": "embraced", "shorter": "briefer",
             "trip": "journey", "thanked": "applauded", "promised": "pledged", "kept": "retained",
             "engineers": "technicians", "expect": "anticipate", "plans": "intends", "links": "joins"}
    spun = re.sub(r"\b(" + "|".join(swaps) + r")\b", lambda m: swaps[m.group()], ARTICLE)
    c = compare(ARTICLE, spun)
    assert c.classification == "spun" and c.spin_score >= 0.5
    assert c.measures.one_for_one >= 15 and c.measures.swap_rate > 0.1
    suspicious = [s for s in c.swaps if s.score >= 0.5]
    assert len(suspicious) >= 0.7 * len(swaps)
    assert all(any(r.code == "pattern" for r in s.reasons) for s in suspicious)


def test_a_word_whose_sentence_was_rewritten_is_not_a_swap():
    """A function word paired with a name inside a rewritten sentence is not evidence."""
    old = ARTICLE + "\n\nThis is the third bridge the city has built since the war ended."
    new = ARTICLE + "\n\nTrump visited a factory in Ohio where workers build steel for ships."
    c = compare(old, new)
    assert all(s.score < 0.5 for s in c.swaps)


def test_name_swapped_for_a_synonym_is_flagged():
    """A word of a programme's name replaced by its synonym is a spinner's rename."""
    old = ARTICLE + "\n\nThe city joined the Colorado Option programme for its workers this year."
    new = ARTICLE + "\n\nThe city joined the Colorado Alternative programme for its workers this year."
    c = compare(old, new)
    s = next(s for s in c.swaps if s.old == "Option")
    assert any(r.code == "name" for r in s.reasons) and s.score >= 0.5


def test_measures_are_in_every_output(seed_comparison, tmp_path):
    """JSON, text, CSV-ready data and the report carry the classification and measures."""
    data = to_dict(seed_comparison)
    assert data["classification"] == "spun"
    assert {"coverage", "longest_run", "synonym_share", "names_changed", "fingerprints"} <= data["measures"].keys()
    assert "Classification: spun" in to_text(seed_comparison)
    html = to_html(seed_comparison)
    assert "Classification" in html and "coverage" in html


def test_no_output_or_resource_mentions_the_demo_files(seed_comparison):
    """Reasons, reports, scans and shipped data never cite the demo texts as a source."""
    c = seed_comparison
    outputs = [json.dumps(to_dict(c), ensure_ascii=False), to_text(c, top=500), to_csv(c), to_html(c),
               json.dumps(scan_dict(scan(load_document(SPUN))), ensure_ascii=False)]
    reversed_ = compare(load_document(SPUN), load_document(ORIGINAL))
    outputs.append(json.dumps(to_dict(reversed_), ensure_ascii=False))
    for text in outputs:
        where_read = text.replace(str(ORIGINAL.parent), "").replace(ORIGINAL.name, "").replace(SPUN.name, "")
        assert not DEMO_MENTION.search(where_read)  # the files' own names and paths aside
    for path in Path(resource_path(".")).glob("*.tsv"):
        assert not DEMO_MENTION.search(path.read_text(encoding="utf-8")), path.name


@pytest.mark.parametrize("text", [ARTICLE, LICENCE.read_text(encoding="utf-8")[:3000]])
def test_the_mention_check_would_catch_a_demo_reason(text):
    """The pattern above matches what the old reasons said ("seen in seed 000")."""
    assert DEMO_MENTION.search(text + " (seen in seed 000)")


def test_house_style_changes_are_ordinary_editing():
    """A wire story republished in another house style (numerals, "says", "per cent", a
    later weekday) is edited, with nothing suspicious."""
    styled = (ARTICLE.replace("two years", "2 years").replace("said", "says")
              .replace("40 million dollars", "$40 million").replace("spring", "Spring"))
    styled = styled.replace("first year", "1st year")
    c = compare(ARTICLE, styled)
    assert c.classification in ("edited", "verbatim") and c.spin_score < 0.2
    assert c.stats.suspicious_swaps == 0


def test_texts_on_one_event_are_not_copies_but_their_shared_facts_are_named():
    """Two stories written separately about one event: not a copy, and the verdict names the
    names and figures they share; an unrelated licence shares none worth naming."""
    one = ("Firefighters in Redding battled the Carr Fire for a third day on Friday, officials with "
           "Cal Fire said. The blaze had burned 28,763 acres by Thursday evening and destroyed 65 "
           "structures, according to Scott McLean, a spokesman. Governor Jerry Brown declared an "
           "emergency in Shasta County. About 37,000 residents were told to leave their homes.")
    two = ("A wildfire that has already destroyed 65 structures kept growing near Redding. According "
           "to Cal Fire spokesman Scott McLean, crews gained little ground overnight. Roughly 37,000 "
           "people fled as Jerry Brown, the Governor, asked Washington for help for Shasta County, "
           "where the Carr Fire has now blackened 28,763 acres of forest and grassland.")
    c = compare(one, two)
    assert c.classification == "not-a-copy" and "They do share" in c.verdict
    assert "McLean" in c.measures.fact_examples or c.measures.shared_facts >= 5
    licence = compare(load_document(ORIGINAL), load_document(LICENCE))
    assert "They do share" not in licence.verdict
