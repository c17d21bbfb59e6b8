"""What a pair of texts is, and the measures behind the answer.

Five classes: ``not-a-copy`` (the texts share no more than chance wording), ``verbatim``
(near-identical), ``edited`` (ordinary editing), ``paraphrased`` (a copy reworded
throughout by a writer or a fluent tool) and ``spun`` (a synonym spinner's copy).

The principle that separates spinners from editors: editors insert, delete, update and
restructure; a spinner swaps words one for one and keeps every sentence around them.
So the decisive measure is the *swap rate*: one-for-one word swaps that stand in an
unchanged sentence, per word of the original. Its evidence is stronger where the swapped
words are dictionary synonyms (WordNet, any sense), where a name's words were swapped for
their synonyms, where common word pairs were broken and where known phrase fingerprints
appear. The thresholds below were set on the development pairs of
``benchmarks/judgement/`` (see ``benchmarks/eval_judgement.py``).
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from unspin.core.swaps import Swap, normalize
from unspin.core.tokens import Tokens

CLASSES = ("not-a-copy", "verbatim", "edited", "paraphrased", "spun")
#: Fewer one-for-one swaps than this make no pattern, whatever the text's length.
MIN_PATTERN_SWAPS = 5
#: A swap rate (per original word) this high is ordinary editing at most...
EDITING_RATE = 0.02
#: ... and above it, each further this much makes the pattern 1 - 1/e more certain.
PATTERN_SCALE = 0.04
#: A text is a copy when it shares a verbatim run this long with the other...
COPY_RUN = 8
#: ... or this share of its words stand in place (unchanged or swapped one for one).
COPY_ALIGNED = 0.4
#: Near-identical: this share of both texts' words unchanged.
VERBATIM_SHARE = 0.97
#: A copy with fewer of the original's words unchanged than this was rewritten throughout.
PARAPHRASE_COVERAGE = 0.5
#: ... by swapping this many dictionary synonyms per word (a writer who rewrites adds,
#: cuts and restructures; a paraphrasing tool swaps synonyms as it goes).
PARAPHRASE_SYNONYMS = 0.02
#: A copy with a spinner's score is spun when at least this share of its changed words were
#: swapped one for one in place; below, the sentences were rewritten around the swaps.
IN_PLACE_SPUN = 0.3
#: Texts that are not copies but share this many names and figures are pointed out.
SAME_EVENT_FACTS = 5
#: Spin score from which a copy is called spun.
SPUN_SCORE = 0.5


@dataclass(frozen=True)
class Measures:
    """The figures a classification rests on (shares are 0-1 fractions)."""

    coverage: float = 0.0  # the original's words reproduced unchanged, in order
    copy_coverage: float = 0.0  # the copy's words that are the original's, in order
    aligned: float = 0.0  # the larger side's share of words unchanged or swapped in place
    longest_run: int = 0  # longest verbatim run, in words
    one_for_one: int = 0  # one-for-one word swaps standing in kept context (occurrences)
    swap_rate: float = 0.0  # one_for_one per word of the original
    in_place: float = 0.0  # of the original's changed words, the share swapped one for one in place
    synonym_share: float = 0.0  # of those swaps, the share that are dictionary synonyms
    names_changed: int = 0  # occurrences of name words swapped for their synonyms
    fingerprints: int = 0  # occurrences of known spinner phrase fingerprints
    broken_pairs: int = 0  # swaps that broke a common word pair
    pattern: float = 0.0  # how strongly the swaps follow a spinner's pattern, 0-1
    shared_facts: int = 0  # texts that are not copies: names and figures both hold
    fact_examples: tuple[str, ...] = ()  # the first few of them

    def as_dict(self) -> dict:
        """The measures as plain data, rounded for reading."""
        return {k: (round(v, 4) if isinstance(v, float) else list(v) if isinstance(v, tuple) else v)
                for k, v in self.__dict__.items()}


def is_one_for_one(swap: Swap) -> bool:
    """A single word replaced by a single word (not case, punctuation, a figure, nor a
    number word written as a numeral: house styles differ on "two" and "2")."""
    if swap.kind != "word":
        return False
    old, new = swap.old.strip(), swap.new.strip()
    return " " not in old and " " not in new and not _has_digit(old) and not _has_digit(new)


@lru_cache(maxsize=1 << 14)
def _has_digit(word: str) -> bool:
    """Whether *word* holds a digit (asked once a word: a book has few distinct words)."""
    return any(c.isdigit() for c in word)


def in_pairing_order(swaps: list[Swap]) -> bool:
    """Whether *swaps* stand as pairing lists them: the commonest first, then by text (what
    a ranking then needs to sort by is the score alone, not a key tuple a swap)."""
    return all((-a.count, a.old, a.new) <= (-b.count, b.old, b.new) for a, b in pairwise(swaps))


def occurrences_with(swaps: list[Swap], codes: tuple[str, ...]) -> tuple[int, ...]:
    """For each of *codes*, the occurrences of the swaps with a reason of that code (one
    pass over the swaps)."""
    wanted = set(codes)
    totals = dict.fromkeys(codes, 0)
    for swap in swaps:
        found = {r.code for r in swap.reasons if r.code in wanted}
        for code in found:
            totals[code] += swap.count
    return tuple(totals[code] for code in codes)


def swap_pattern(swaps: list[Swap], in_context: Sequence[int], is_synonym) -> tuple[int, int]:
    """(one-for-one swaps standing in kept context, how many of them are dictionary synonyms).

    *in_context* holds each swap's occurrences in kept context (``Placement.in_context``).
    Swaps the scorer explains as editing (spelling variants, other forms of a word) do not
    count. *is_synonym(old, new)* tells whether two words are dictionary synonyms; it is
    asked for the commonest distinct swaps only and the share scaled up to the rest."""
    chosen = array("i", (k for k, (s, n) in enumerate(zip(swaps, in_context)) if n and is_one_for_one(s)
                         and not any(r.weight < 0 for r in s.reasons)))  # indices: a book has many
    total = sum(in_context[k] for k in chosen)
    if not total:
        return 0, 0
    sample = heapq.nsmallest(2000, chosen, key=lambda k: -in_context[k])  # = sorted(...)[:2000]
    weight = sum(in_context[k] for k in sample)
    synonyms = sum(in_context[k] for k in sample
                   if is_synonym(normalize(swaps[k].old), normalize(swaps[k].new)))
    return total, round(synonyms * total / weight)


def pattern_strength(one_for_one: int, synonyms: int, marks: int, old_words: int) -> float:
    """0-1: how strongly the swaps follow a spinner's pattern: one-for-one swaps in kept
    context, dictionary synonyms among them counting again, plus *marks* (spun names,
    broken word pairs, phrase fingerprints), all per word of the original. Each count is
    lowered by its standard deviation (``sqrt(n)``), so that a handful of swaps in a short
    text makes no pattern, and fewer than five make none at all."""
    if one_for_one < MIN_PATTERN_SWAPS or not old_words:
        return 0.0
    evidence = (0.6 * _surely(one_for_one) + _surely(synonyms) + marks) / old_words
    excess = max(0.0, evidence - EDITING_RATE)
    return round(1.0 - math.exp(-excess / PATTERN_SCALE), 3)


def _surely(count: int) -> float:
    """A count lowered by one standard deviation."""
    return max(0.0, count - math.sqrt(count))


def is_a_copy(m: Measures) -> bool:
    """Whether the texts share more than chance wording."""
    return m.longest_run >= COPY_RUN or m.aligned >= COPY_ALIGNED


def classify(m: Measures, spin: float) -> str:
    """One of :data:`CLASSES`."""
    if not is_a_copy(m):
        return "not-a-copy"
    if spin >= SPUN_SCORE:  # a spinner swaps in place; a paraphraser rewrites the sentence
        return "spun" if m.in_place >= IN_PLACE_SPUN else "paraphrased"
    if m.coverage >= VERBATIM_SHARE and m.copy_coverage >= VERBATIM_SHARE:
        return "verbatim"
    if m.coverage < PARAPHRASE_COVERAGE and m.copy_coverage < PARAPHRASE_COVERAGE \
            and m.swap_rate * m.synonym_share >= PARAPHRASE_SYNONYMS:
        return "paraphrased"
    return "edited"


def describe(classification: str, m: Measures, spin: float, suspicious: int, examples: str) -> str:
    """The one-line verdict for a classification, with the measures behind it."""
    cov = f"{100 * m.coverage:.0f}% of the original's words kept in order"
    if classification == "not-a-copy":
        text = (f"Not a copy: the texts share only chance wording (longest common run "
                f"{m.longest_run} words, {100 * m.aligned:.0f}% of words in place); word pairings "
                "between them are not evidence.")
        if m.shared_facts >= SAME_EVENT_FACTS:
            text += (f" They do share {m.shared_facts} names and figures (e.g. "
                     f"{', '.join(m.fact_examples)}): they may report one event or come from one source.")
        return text
    if classification == "verbatim":
        return f"Verbatim copy: {cov}; only minor differences."
    if classification == "spun":
        swapped = f"{100 * m.swap_rate:.0f} in every 100 words swapped one for one in unchanged sentences"
        syn = f", {100 * m.synonym_share:.0f}% of them dictionary synonyms" if m.one_for_one else ""
        return (f"Spun copy: {swapped}{syn}; {suspicious:,} suspicious swaps"
                + (f", e.g. {examples}" if examples else "") + ".")
    if classification == "paraphrased":
        return (f"Paraphrased copy: reworded throughout, with synonyms and rewritten sentences ({cov},"
                f" longest verbatim run {m.longest_run} words; {100 * m.in_place:.0f}% of the changed "
                "words swapped in place, where a spinner swaps most of them).")
    return (f"Edited copy: {cov}; {100 * m.swap_rate:.1f} in every 100 words swapped one for one — "
            "ordinary editing, little sign of a spinner.")


def shared_facts(ot: Tokens, nt: Tokens) -> list[str]:
    """Names and figures both texts hold (capitalised words inside a sentence, numbers), in
    the order of the original: two texts that are not copies may still report one event."""
    theirs = _facts(nt)
    return [word for word in _facts(ot) if word in theirs]


def _facts(tokens: Tokens) -> dict[str, None]:
    out, opens = {}, True
    for k in range(len(tokens)):
        word = tokens.surface(k)
        if any(c.isdigit() for c in word) or (not opens and word[:1].isupper() and len(word) > 2
                                               and word.isalpha() and not word.isupper()):
            out[word] = None
        opens = word in ".!?:;\"“”'‘’" or (opens and not tokens.is_word(k))
    return out
