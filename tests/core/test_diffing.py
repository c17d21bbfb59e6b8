"""Word diff properties: ops rebuild both texts, equal means equal, cancel says so."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unspin.core.compare import compare
from unspin.core.diffing import diff_codes

WORDS = st.sampled_from(["the", "nan", "in", "successful", "at", "astatine", "a", "cat", ".", ",",
                         "Kyiv", "war", "😀", "x"])
TEXTS = st.lists(st.tuples(WORDS, st.sampled_from([" ", "  ", "\n", "\n\n", ""])), max_size=60).map(
    lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS)
def test_ops_rebuild_both_texts(old, new):
    """Concatenating the ops' covering spans gives back each text exactly."""
    c = compare(old, new)
    spans = [c.op_cover(k) for k in range(len(c.ops))]
    assert "".join(old[a:b] for a, b, _, _ in spans) == old
    assert "".join(new[x:y] for _, _, x, y in spans) == new


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS)
def test_equal_ops_hold_equal_tokens_and_spans_stay_in_bounds(old, new):
    """Equal ops pair identical tokens; every swap occurrence lies inside its text."""
    c = compare(old, new)
    for op in c.ops:
        if op.tag == "equal":
            assert c.old_tokens.codes[op.a1:op.a2] == c.new_tokens.codes[op.b1:op.b2]
    for s in c.swaps:
        for os_, oe, ns, ne in s.occurrences:
            assert 0 <= os_ < oe <= len(old) and 0 <= ns < ne <= len(new)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_identical_inputs_give_no_swaps(text):
    """A text compared with itself has no swaps and is all unchanged."""
    c = compare(text, text)
    assert c.swaps == ()
    assert c.stats.unchanged == c.stats.old_words
    assert all(op.tag == "equal" for op in c.ops)


def test_long_gap_without_anchors_is_still_diffed_exactly():
    """No deadline: a long stretch of repeated words is diffed exactly, not replaced whole."""
    old = " ".join(["the cat in the hat"] * 300)
    new = old.replace("cat in", "cat successful", 150)
    c = compare(old, new)
    s = [w for w in c.swaps if (w.old, w.new) == ("in", "successful")]
    assert s and s[0].count == 150
    assert c.coarse_gaps == 0


def test_passages_repeated_dozens_of_times_are_still_diffed_word_for_word():
    r"""A text of a few paragraphs repeated in shuffled passes (every word recurs dozens of
    times, none often enough the same on both sides to anchor by) is anchored on the words
    still in step: its swaps come out word for word, not the whole replaced."""
    import random

    paragraphs = [" ".join(f"p{k}w{j}" for j in range(12)) + "." for k in range(8)]
    rng = random.Random(4)
    old_parts = []
    for _ in range(40):  # each paragraph 40 times, in shuffled passes
        rng.shuffle(paragraphs)
        old_parts += paragraphs
    old = "\n\n".join(old_parts)
    words = list(re.finditer(r"\w+", old))
    chosen = set(rng.sample(range(len(words)), len(words) // 4))  # a quarter of the words
    new, at = [], 0  # swapped, the punctuation and paragraph breaks kept (as spinners do)
    for k in sorted(chosen):
        new += [old[at:words[k].start()], f"swap{k % 50}"]
        at = words[k].end()
    new = "".join(new) + old[at:]
    c = diff_codes(*_codes(old, new))
    assert c.coarse_gaps == 0
    cmp = compare(old, new)
    assert cmp.stats.pct_unchanged > 70 and cmp.stats.pct_substituted > 20


def _codes(old: str, new: str):
    from unspin.core.tokens import Vocabulary, tokenize

    vocab = Vocabulary()
    return tokenize(old, vocab).codes, tokenize(new, vocab).codes


def test_cancelled_run_says_so():
    """A run cancelled from the first check returns status 'cancelled' and no results."""
    text = " ".join(f"w{i}" for i in range(20000))
    c = compare(text, text.replace("w1", "v1"), should_cancel=lambda: True)
    assert c.status == "cancelled" and not c.completed and c.swaps == ()


def test_runs_are_in_order_and_disjoint():
    """Equal runs advance on both sides."""
    r = diff_codes("abcdefg", "axcdyfg")
    last_i = last_j = -1
    for i, j, n in r.runs:
        assert i > last_i and j > last_j
        last_i, last_j = i + n - 1, j + n - 1


@pytest.mark.parametrize("start", ["fork", "server"])
def test_a_second_process_gives_the_same_comparison(start, monkeypatch, caplog):
    """The copy tokenized, the paragraphs aligned, the word frequencies looked up and half the
    swaps scored in a second process (forked, or from a fork server) give the comparison
    made in one process."""
    from unspin.core import parallel as second_process
    from unspin.core.compare import CompareOptions
    from unspin.core.scoring import zipf
    from tests.conftest import ORIGINAL, SPUN

    monkeypatch.setattr("unspin.core.compare.SHARED_SCORING_MIN", 10)
    scored_there = []
    collect = second_process.SecondProcess.scored
    monkeypatch.setattr(second_process.SecondProcess, "scored",
                        lambda self, swaps: scored_there.extend(swaps) or collect(self, swaps))
    if start == "server":
        monkeypatch.setattr(second_process, "can_fork", lambda: False)
    old, new = ORIGINAL.read_text(encoding="utf-8"), SPUN.read_text(encoding="utf-8") + " 😀 日本"
    zipf.cache_clear()  # a fresh process: the second one loads the word list
    parallel = compare(old, new, options=CompareOptions(parallel=True))
    serial = compare(old, new, options=CompareOptions(parallel=False))
    assert [(s.old, s.new, s.count, s.occurrences, s.score, s.reasons) for s in parallel.swaps] == \
        [(s.old, s.new, s.count, s.occurrences, s.score, s.reasons) for s in serial.swaps]
    assert any(r.code == "rare_word" for s in serial.swaps for r in s.reasons)
    assert parallel.new_tokens.word_mask == serial.new_tokens.word_mask
    assert list(parallel.new_tokens.offsets) == list(serial.new_tokens.offsets)
    assert parallel.alignment == serial.alignment and len(serial.alignment) > 3
    assert not [r for r in caplog.records if r.levelname == "WARNING"]  # no fallback was needed
    assert len(scored_there) >= len(serial.swaps) // 2 > 100


def test_a_failing_second_process_falls_back_to_this_one(monkeypatch, caplog):
    """When the second process dies, the comparison is made here, and a warning says so."""
    from unspin.core import parallel as second_process
    from unspin.core.compare import CompareOptions
    from tests.conftest import ORIGINAL, SPUN

    def dies(self, vocab):
        raise EOFError("killed")

    monkeypatch.setattr(second_process.SecondProcess, "tokens", dies)
    old, new = ORIGINAL.read_text(encoding="utf-8"), SPUN.read_text(encoding="utf-8")
    result = compare(old, new, options=CompareOptions(parallel=True))
    assert result.swaps[0].old == "the" and result.swaps[0].new == "nan"
    assert any("second process failed" in r.getMessage() for r in caplog.records)


def test_comparing_leaves_the_garbage_collector_as_it_found_it():
    """compare() pauses the cyclic collector while it runs and restores it, cancelled or not."""
    import gc

    assert gc.isenabled()
    compare("a b c d", "a x c d")
    assert gc.isenabled()
    compare("a b c d " * 5000, "a x c d " * 5000, should_cancel=lambda: True)
    assert gc.isenabled()
    gc.disable()
    try:
        compare("a b c d", "a x c d")
        assert not gc.isenabled()  # a caller's choice stays
    finally:
        gc.enable()


def _compare_in_a_pool_worker(texts):
    from unspin.core.compare import CompareOptions

    old, new = texts
    return compare(old, new, options=CompareOptions(parallel=True)).status


def test_a_daemonic_process_compares_in_one_process():
    """A pool's worker may not have children: asked for a second process, it compares alone."""
    import multiprocessing

    from tests.conftest import ORIGINAL, SPUN

    texts = (ORIGINAL.read_text(encoding="utf-8"), SPUN.read_text(encoding="utf-8"))
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_compare_in_a_pool_worker, (texts,)) == "completed"


def test_cancelling_while_the_second_process_replies_ends_it_at_once(monkeypatch):
    """Cancelled once the alignment was asked for, the second process ends by itself: it is
    not left blocked writing a reply nobody reads until it is killed (exit code -9)."""
    from unspin.core import parallel as second_process
    from unspin.core.compare import CompareOptions
    asked, exit_codes = [], []
    start, close = second_process.SecondProcess.start_alignment, second_process.SecondProcess.close

    def start_alignment(self, *args):
        start(self, *args)
        self._process.join(timeout=1)  # time to align; then blocked on its reply, still alive
        asked.append(self._process.is_alive())

    def closed(self):
        close(self)
        exit_codes.append(self._process.exitcode)

    monkeypatch.setattr(second_process.SecondProcess, "start_alignment", start_alignment)
    monkeypatch.setattr(second_process.SecondProcess, "close", closed)
    # 60,000 one-line paragraphs: 60,000 aligned blocks, a reply far larger than a pipe holds
    old = "\n\n".join(f"item {k} stands at the door" for k in range(60_000))
    new = "\n\n".join(f"item {k} stands astatine nan door" for k in range(60_000))
    result = compare(old, new, options=CompareOptions(parallel=True), should_cancel=lambda: bool(asked))
    assert result.status == "cancelled" and asked == [True] and exit_codes == [0]


def test_swaps_are_scored_here_when_the_second_process_fails_while_scoring(monkeypatch, caplog):
    """A second process that dies while scoring its half leaves that half to this one."""
    from unspin.core import parallel as second_process
    from unspin.core.compare import CompareOptions
    from tests.conftest import ORIGINAL, SPUN

    def dies(self, swaps):
        raise EOFError("killed")

    monkeypatch.setattr("unspin.core.compare.SHARED_SCORING_MIN", 10)
    monkeypatch.setattr(second_process.SecondProcess, "scored", dies)
    old, new = ORIGINAL.read_text(encoding="utf-8"), SPUN.read_text(encoding="utf-8")
    result = compare(old, new, options=CompareOptions(parallel=True))
    serial = compare(old, new, options=CompareOptions(parallel=False))
    assert [(s.old, s.new, s.score) for s in result.swaps] == [(s.old, s.new, s.score) for s in serial.swaps]
    assert any("scoring here" in r.getMessage() for r in caplog.records)


def test_an_original_compared_again_gives_the_same_comparison(monkeypatch):
    """A batch compares one original with many copies: its tokens are kept from one
    comparison to the next, and each copy's comparison is the one made from scratch."""
    from unspin.core import parallel
    from unspin.core.compare import CompareOptions
    from tests.conftest import ORIGINAL, SPUN

    old, spun = ORIGINAL.read_text(encoding="utf-8"), SPUN.read_text(encoding="utf-8")
    copies = [spun, old.replace("missiles", "rockets") + "\n\nA paragraph added 😀.", spun[:3000]]
    options = CompareOptions(parallel=False)
    again = [compare(old, copy, options=options) for copy in copies]
    assert parallel._last_original is not None and parallel._last_original[0] == old
    fresh = []
    for copy in copies:
        monkeypatch.setattr(parallel, "_last_original", None)
        fresh.append(compare(old, copy, options=options))
    for a, b in zip(again, fresh):
        assert [(s.old, s.new, s.occurrences, s.score) for s in a.swaps] == \
            [(s.old, s.new, s.occurrences, s.score) for s in b.swaps]
        assert a.verdict == b.verdict and list(a.ops.raw()) == list(b.ops.raw())
