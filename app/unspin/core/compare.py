"""The one entry point of the engine: ``compare(old, new) -> Comparison``.

Data flows one way: documents -> tokens -> word diff -> paragraph alignment -> swaps ->
scores -> statistics and verdict. The result is an immutable value; views only display it.
"""

from __future__ import annotations

import dataclasses
import gc
import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable

from unspin.core.alignment import Block, align_paragraphs
from unspin.core.diffing import Cancelled, Op, OpList, diff_codes
from unspin.core.documents import Document
from unspin.core.language import detect_language
from unspin.core.parallel import (SecondProcess, start_second_process, tokenize_pair,
                                  worth_a_second_process)
from unspin.core.judgement import (Measures, classify, describe, in_pairing_order, is_a_copy,
                                   occurrences_with, pattern_strength, shared_facts, swap_pattern)
from unspin.core.occurrences import place_swaps
from unspin.core.scoring import (SUSPICIOUS, Scorer, frequencies_loaded, is_synonym,
                                 load_signatures, words_looked_up)
from unspin.core.swaps import Swap, find_swaps
from unspin.core.tokens import Tokens, Vocabulary


def _log():
    """The module's logger (logging is imported only when there is something to log)."""
    import logging

    return logging.getLogger(__name__)


#: Suspicious-word density at which the spin score reaches 1 - 1/e.
SPIN_DENSITY_SCALE = 0.05
#: From this many distinct swaps the second process, when there is one, scores half ...
SHARED_SCORING_MIN = 2_000
#: ... up to this many: beyond, both processes holding scored swaps costs more memory than
#: the time it saves (measured: 40,000 swaps 0.4 s saved for 55 MB; 350,000 swaps 0.7 s for
#: 385 MB).
SHARED_SCORING_MAX = 100_000
PREVIEW_VERDICT = "Comparing: the changes are shown; the swaps are being judged…"


@dataclass(frozen=True)
class CompareOptions:
    """Settings of a comparison."""

    language: str = "auto"  # a wordfreq code, or "auto": detected from the original
    suspicious: float = SUSPICIOUS
    parallel: bool | None = None  # use a second process: None = when the texts are big


@dataclass(frozen=True)
class Stats:
    """Word counts of a comparison; percentages are of the old text's words
    (inserted: of the new text's)."""

    old_words: int = 0
    new_words: int = 0
    unchanged: int = 0
    substituted_old: int = 0
    substituted_new: int = 0
    deleted: int = 0
    inserted: int = 0
    swaps: int = 0
    distinct_swaps: int = 0
    suspicious_swaps: int = 0
    distinct_suspicious: int = 0

    @property
    def pct_unchanged(self) -> float:
        return _pct(self.unchanged, self.old_words)

    @property
    def pct_substituted(self) -> float:
        return _pct(self.substituted_old, self.old_words)

    @property
    def pct_deleted(self) -> float:
        return _pct(self.deleted, self.old_words)

    @property
    def pct_inserted(self) -> float:
        return _pct(self.inserted, self.new_words)


@dataclass(frozen=True)
class Comparison:
    """Everything the views and reports show about two texts."""

    old: Document
    new: Document
    status: str = "completed"  # or "cancelled"
    language: str = ""
    ops: OpList = field(default_factory=lambda: OpList(b"", []), repr=False)
    alignment: tuple[Block, ...] = ()
    swaps: tuple[Swap, ...] = ()
    stats: Stats = Stats()
    spin_score: float = 0.0
    verdict: str = ""
    old_tokens: Tokens | None = field(default=None, repr=False, compare=False)
    new_tokens: Tokens | None = field(default=None, repr=False, compare=False)
    coarse_gaps: int = 0
    sides_look_swapped: bool = False  # the original looks like the spun text
    classification: str = ""  # one of judgement.CLASSES
    measures: Measures = Measures()
    review: object = field(default=None, compare=False)  # a triage.Review, when reviewed
    confirmed_only: bool = False  # the swaps are the reviewer's confirmed ones alone

    @property
    def completed(self) -> bool:
        return self.status == "completed"

    def op_spans(self, op: Op) -> tuple[int, int, int, int]:
        """Tight code-point spans of an op's tokens (empty where a side has none)."""
        ot, nt = self.old_tokens, self.new_tokens
        os_ = ot.start(op.a1)
        oe = ot.end(op.a2 - 1) if op.a2 > op.a1 else os_
        ns = nt.start(op.b1)
        ne = nt.end(op.b2 - 1) if op.b2 > op.b1 else ns
        return os_, oe, ns, ne

    def op_cover(self, index: int) -> tuple[int, int, int, int]:
        """Spans of op *index* that tile the texts: from its first token to the next op's."""
        op = self.ops[index]
        ot, nt = self.old_tokens, self.new_tokens
        first = index == 0
        return (0 if first else ot.start(op.a1), ot.start(op.a2),
                0 if first else nt.start(op.b1), nt.start(op.b2))


def compare(old: Document | str, new: Document | str, *, options: CompareOptions | None = None,
            should_cancel: Callable[[], bool] | None = None,
            progress: Callable[[float], None] | None = None,
            preview: Callable[[Comparison], None] | None = None) -> Comparison:
    """Compare two texts; a cancelled run returns a Comparison with status "cancelled".
    *preview*, if given, is handed the changes and the paragraph alignment as soon as they
    are known, as a Comparison with status "preview" (no swaps, no verdict yet)."""
    options = options or CompareOptions()
    old = old if isinstance(old, Document) else Document.from_text(old, "old")
    new = new if isinstance(new, Document) else Document.from_text(new, "new")
    report = progress or (lambda fraction: None)
    try:
        with collector_paused():
            return _compare(old, new, options, should_cancel, report, preview)
    except Cancelled:
        return Comparison(old=old, new=new, status="cancelled", verdict="Comparison cancelled.")


@contextmanager
def collector_paused(freeze_survivors: bool = False):
    """Pause Python's cyclic garbage collector: a comparison makes millions of small
    acyclic objects, and each full collection over them found nothing but took up to
    50 ms, holding the GIL (a window comparing in a worker thread froze that long).

    The first collection after the pause scans every object made during it that is
    still alive; *freeze_survivors* moves them out of the collector's sight instead
    (``gc.freeze``: they are still freed when no longer referenced), for callers that
    must not stall at all.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if freeze_survivors:
                gc.freeze()
            gc.enable()


def _compare(old: Document, new: Document, options, should_cancel, report, preview) -> Comparison:
    def step(fraction: float):
        """Report progress; stop here if the caller has asked to."""
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        report(fraction)

    language = detect_language(old.text or new.text) if options.language == "auto" else options.language
    parallel = options.parallel
    if parallel is None:
        parallel = worth_a_second_process(len(old.text) + len(new.text))
    # the word list is loaded once a process: only a fresh process sends it to the second one
    second = start_second_process(new.text, language, frequencies=not frequencies_loaded()) \
        if parallel else None
    try:
        return _compare_with(old, new, options, language, second, step, report, should_cancel, preview)
    finally:
        if second is not None:
            second.close()


def _compare_with(old: Document, new: Document, options, language: str, second: SecondProcess | None,
                  step, report, should_cancel, preview) -> Comparison:
    ot, nt, old_layout, new_layout = tokenize_pair(old.text, new.text, Vocabulary(), second)
    second = second if second is not None and not second.failed else None
    step(0.1)
    diff = diff_codes(ot.codes, nt.codes, should_cancel=should_cancel,
                      progress=lambda f: report(0.1 + 0.6 * f))
    step(0.7)
    alignment = None
    if second is not None:  # aligned there while the swaps are paired here
        second.start_alignment(old_layout, diff.runs)
    else:  # aligned now: a preview shows the changes before the pairing
        alignment = align_paragraphs(old_layout, new_layout, diff.runs)
        _preview(preview, old, new, language, diff, alignment, ot, nt)
    pairing = find_swaps(ot, nt, diff.ops, old_breaks=old_layout.first_tokens,
                         new_breaks=new_layout.first_tokens, known_pairs=load_signatures().keys())
    step(0.75)
    if alignment is None:
        alignment = _alignment(second, old_layout, new_layout, diff.runs)
        _preview(preview, old, new, language, diff, alignment, ot, nt)
    ot, nt = ot.without_codes(), nt.without_codes()  # not read again: memory for the scoring
    scorer = Scorer(language, _frequencies(second, pairing.swaps))
    found = list(pairing.swaps)  # scored in place: a book's swaps are not held twice
    substituted = (pairing.substituted_old, pairing.substituted_new)
    del pairing
    if second is not None and not SHARED_SCORING_MIN <= len(found) <= SHARED_SCORING_MAX:
        second.close()  # its part is done: its memory is given back before the scoring's peak
        second = None
    places = place_swaps(ot, nt, diff.runs, found)
    judged = judge(ot, nt, diff.runs, found, places, scorer, second)
    step(0.95)
    swaps = judged.swaps
    stats = _stats(ot, nt, diff.runs, substituted if swaps else None, swaps, options.suspicious)
    spin = judged.spin
    looks_swapped = judged.reverse > 0
    text = verdict(stats, spin, swaps, judged)
    if looks_swapped:
        text = (f"The sides look swapped: the original looks like the spun copy (read the other "
                f"way round the changes are spinner swaps, spin score {judged.reverse:.2f}). Swap the "
                f"sides to compare the original with the copy.")
    return Comparison(old=old, new=new, language=language, ops=diff.ops, alignment=alignment,
                      swaps=tuple(swaps), sides_look_swapped=looks_swapped,
                      stats=stats, spin_score=spin, verdict=text,
                      classification=judged.classification, measures=judged.measures,
                      old_tokens=ot, new_tokens=nt, coarse_gaps=diff.coarse_gaps)


def _preview(preview: Callable[[Comparison], None] | None, old: Document, new: Document, language: str,
             diff, alignment, ot: Tokens, nt: Tokens) -> None:
    """Hand *preview* the changes and the alignment (no swaps yet), as a Comparison with
    status "preview"."""
    if preview is not None:
        preview(Comparison(old=old, new=new, status="preview", language=language, ops=diff.ops,
                           alignment=alignment, old_tokens=ot.without_codes(), new_tokens=nt.without_codes(),
                           coarse_gaps=diff.coarse_gaps, verdict=PREVIEW_VERDICT))


@dataclass(frozen=True)
class _Judged:
    swaps: list[Swap]
    spin: float
    classification: str
    measures: Measures
    reverse: float = 0.0  # the evidence read the other way round, where this way has little


def judge(ot: Tokens, nt: Tokens, runs, found: list[Swap], places, scorer: Scorer,
          second: SecondProcess | None = None) -> _Judged:
    """Score the swaps (half of them in *second*, if given), measure the pair and classify
    it (see :mod:`unspin.core.judgement`)."""
    old_words, new_words = ot.words_in(0, len(ot)), nt.words_in(0, len(nt))
    unchanged = sum(ot.word_mask.count("1", i, i + n) for i, _, n in runs)
    unchanged_new = sum(nt.word_mask.count("1", j, j + n) for _, j, n in runs)
    longest = max((ot.word_mask.count("1", i, i + n) for i, _, n in runs), default=0)
    first = _scored(scorer, found, places, second)
    one_for_one, synonyms = swap_pattern(first, places.in_context, is_synonym)
    names, prints, broken = occurrences_with(first, ("name", "fingerprint", "broken_pair"))
    pattern = pattern_strength(one_for_one, synonyms, names + broken + 2 * prints, old_words)
    measures = Measures(
        coverage=_share(unchanged, old_words), copy_coverage=_share(unchanged_new, new_words),
        aligned=max(_share(unchanged + one_for_one, old_words),
                    _share(unchanged_new + one_for_one, new_words)),
        longest_run=longest, one_for_one=one_for_one, swap_rate=_share(one_for_one, old_words),
        in_place=_share(one_for_one, old_words - unchanged),
        synonym_share=_share(synonyms, one_for_one),
        names_changed=names, fingerprints=prints, broken_pairs=broken, pattern=pattern)
    if not is_a_copy(measures):  # chance pairings are no swaps: none is listed or marked
        facts = shared_facts(ot, nt)
        measures = dataclasses.replace(measures, shared_facts=len(facts), fact_examples=facts[:4])
        return _Judged([], 0.0, "not-a-copy", measures)
    evidence = spin_score(first, old_words)
    reverse = 0.0 if evidence >= 0.6 else spin_score(  # read the other way round: a spun original?
        [scorer.score(dataclasses.replace(s, old=s.new, new=s.old)) for s in first], new_words)
    reverse = reverse if reverse >= 0.6 and reverse - evidence >= 0.3 else 0.0
    if not reverse and pattern:  # the pattern's swaps are the copy's (not when sides look swapped)
        for k, in_context in enumerate(places.in_context):  # in place: not held twice
            first[k] = scorer.with_pattern(first[k], in_context, pattern)
    spin = round(1.0 - (1.0 - evidence) * (1.0 - pattern), 3)
    return _Judged(_ranked(first), spin, classify(measures, spin), measures, reverse)


def _ranked(swaps: list[Swap]) -> list[Swap]:
    """Most suspicious occurrences first, then the commonest, then by text."""
    if in_pairing_order(swaps):  # the rest of the key holds already: a number a swap is enough
        return sorted(swaps, key=lambda s: -s.score * s.count)  # (a stable sort: ties keep it)
    return sorted(swaps, key=lambda s: (-s.score * s.count, -s.count, s.old, s.new))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _alignment(second: SecondProcess | None, old_layout, new_layout, runs) -> tuple[Block, ...]:
    """The paragraph alignment: from the second process when it was asked for it."""
    if second is not None and not second.failed:
        try:
            return second.alignment()
        except (OSError, EOFError) as exc:
            _log().warning("the second process failed (%s); aligning here", exc)
            second.failed = True
    return align_paragraphs(old_layout, new_layout, runs)


def _scored(scorer: Scorer, swaps: list[Swap], places, second: SecondProcess | None) -> list[Swap]:
    """Every swap scored where it stands; the second half in *second* meanwhile, if given."""
    if second is None or second.failed or not SHARED_SCORING_MIN <= len(swaps) <= SHARED_SCORING_MAX:
        for k, place in enumerate(places):  # in place: the unscored swaps go as they are scored
            swaps[k] = scorer.score(swaps[k], place)
        return swaps
    half = len(swaps) // 2
    try:
        second.start_scoring(scorer.language, swaps[half:], places[half:])
    except OSError as exc:
        _log().warning("the second process failed (%s); scoring here", exc)
        second.failed = True
        return [scorer.score(s, p) for s, p in zip(swaps, places)]
    here = [scorer.score(s, p) for s, p in zip(swaps[:half], places[:half])]
    try:
        return here + second.scored(swaps[half:])
    except (OSError, EOFError) as exc:
        _log().warning("the second process failed (%s); scoring here", exc)
        second.failed = True
        return here + [scorer.score(s, p) for s, p in zip(swaps[half:], places[half:])]


def _frequencies(second: SecondProcess | None, swaps) -> dict[str, float] | None:
    """Word frequencies the scorer will need, from the second process when it has them."""
    if second is None or second.failed or not second.serves_frequencies:
        return None
    try:
        return second.frequencies(words_looked_up(swaps))
    except (OSError, EOFError) as exc:
        _log().warning("the second process failed (%s); looking up word frequencies here", exc)
        second.failed = True
        return None


def _stats(ot: Tokens, nt: Tokens, runs, substituted, swaps, suspicious: float) -> Stats:
    """Word counts; with no *substituted* (old, new) word counts (texts that are not copies)
    nothing counts as swapped: what is not the same is deleted on one side and inserted on
    the other."""
    old_words, new_words = ot.words_in(0, len(ot)), nt.words_in(0, len(nt))
    sub_old, sub_new = substituted or (0, 0)
    mask_a, mask_b = ot.word_mask, nt.word_mask
    unchanged = sum(mask_a.count("1", i, i + n) for i, _, n in runs)
    unchanged_new = sum(mask_b.count("1", j, j + n) for _, j, n in runs)
    flagged = [s for s in swaps if s.score >= suspicious]
    return Stats(
        old_words=old_words, new_words=new_words, unchanged=unchanged,
        substituted_old=sub_old, substituted_new=sub_new,
        deleted=old_words - unchanged - sub_old, inserted=new_words - unchanged_new - sub_new,
        swaps=sum(s.count for s in swaps), distinct_swaps=len(swaps),
        suspicious_swaps=sum(s.count for s in flagged), distinct_suspicious=len(flagged))


def spin_score(swaps, old_words: int) -> float:
    """How strongly the whole text looks spun, in [0, 1]: the density of suspicious words."""
    if not old_words:
        return 0.0
    # squared: many mildly odd synonyms (a paraphrase) weigh far less than spinner swaps
    weighted = sum(s.score * s.score * s.count * s.old_words for s in swaps)
    return round(1.0 - math.exp(-(weighted / old_words) / SPIN_DENSITY_SCALE), 3)


def verdict(stats: Stats, spin: float, swaps, judged: _Judged | None = None) -> str:
    """A one-line plain-language verdict."""
    if stats.unchanged == stats.old_words == stats.new_words and not swaps:
        return "Identical wording: no words were changed."
    if not (stats.substituted_old or stats.deleted or stats.inserted):
        return "Only case, punctuation or spacing differs."
    top = [s for s in swaps if s.kind in ("word", "phrase") and s.score >= SUSPICIOUS][:3]
    examples = ", ".join(f"“{s.old} → {s.new}”" for s in top)
    if judged is None:
        return f"{stats.pct_substituted:.0f}% of words substituted."
    return describe(judged.classification, judged.measures, spin, stats.suspicious_swaps, examples)


def _pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0
