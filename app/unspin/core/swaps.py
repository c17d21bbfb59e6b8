"""Swaps: the replaced regions of a word diff, paired word by word where they align.

A replaced region with as many words on each side is paired word for word: this is
what a synonym spinner produces. Otherwise words that are alike (same letters, or a
close spelling) anchor the pairing and the stretches between them are paired when
their lengths match; what does not split stays one multi-word phrase swap.

Swaps are aggregated by kind and normalised (old, new) text, with every occurrence's
spans in both texts. Case-only and punctuation-only differences are kinds of their
own, so the scorer can give them little weight.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import regex

from unspin.core.diffing import REPLACE, Op
from unspin.core.slices import SLICE, by_count_and_text, release_set, sorted_in_slices
from unspin.core.tokens import OFFSET_TYPE, Tokens
from unspin.core.word_likeness import alike_chain, changed_parts, letters_only, normalize

#: Regions with equal word counts up to this size are paired word for word.
MAX_POSITIONAL = 8
#: A phrase with more words than this on either side is a rewritten passage.
MAX_PHRASE_WORDS = 6
KINDS = ("word", "phrase", "rewrite", "case", "punctuation", "number")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a swap is (or is not) suspicious: a code, a sentence and its weight."""

    code: str
    text: str
    weight: float


@dataclass(frozen=True, slots=True)
class Swap:
    """One distinct replacement with all its occurrences.

    ``spans`` holds four offsets per occurrence: old start, old end, new start, new end
    (32-bit, as the tokens' offsets).
    """

    old: str
    new: str
    kind: str
    spans: array = field(repr=False, compare=False)
    score: float = 0.0
    reasons: tuple[Reason, ...] = ()

    @property
    def count(self) -> int:
        """How many times the swap occurs."""
        return len(self.spans) // 4

    @property
    def occurrences(self) -> list[tuple[int, int, int, int]]:
        """``(old_start, old_end, new_start, new_end)`` of each occurrence, in text order."""
        s = self.spans
        return [tuple(s[k:k + 4]) for k in range(0, len(s), 4)]

    @property
    def old_words(self) -> int:
        """Words on the old side of one occurrence."""
        return max(1, len(self.old.split()))


@dataclass(frozen=True)
class PairingResult:
    """Unscored swaps, and how many changed words were paired or left unpaired."""

    swaps: tuple[Swap, ...]
    substituted_old: int
    substituted_new: int


def find_swaps(old: Tokens, new: Tokens, ops, *, old_breaks=(), new_breaks=(),
               known_pairs=frozenset()) -> PairingResult:
    """Pair the words of every replaced region and aggregate the pairs into swaps.

    *old_breaks* / *new_breaks* are the first tokens of paragraphs: a region is not
    paired across a paragraph break. *known_pairs* are normalised (old, new) word pairs
    (spinner signatures) that anchor the pairing of uneven regions; pairs seen word for
    word elsewhere in the same texts are added to them.
    """
    collector = _Collector(old, new, set(old_breaks), set(new_breaks), known_pairs)
    uneven = collector.add_even(ops, sorted(old_breaks), sorted(new_breaks))
    collector.learn_pairs()
    for op in uneven:
        collector.add_region(op)
    release_set(collector.known)  # a book's: 350,000 pairs, a million objects
    return collector.result()


class _Collector:
    """Gathers occurrences keyed by token-range text, then classifies distinct ones."""

    def __init__(self, old: Tokens, new: Tokens, old_breaks, new_breaks, known_pairs):
        self.old, self.new = old, new
        self.old_breaks, self.new_breaks = old_breaks, new_breaks
        self.known = set(known_pairs)
        self.by_text: dict[tuple[str, str], array] = defaultdict(lambda: array(OFFSET_TYPE))
        self.substituted_old = 0
        self.substituted_new = 0

    def add_even(self, ops, old_breaks: list[int], new_breaks: list[int]) -> list[Op]:
        """Add every replaced region with as many words on each side (in one paragraph)
        word for word; return the other regions. The hot loop of a comparison: kept lean,
        pairs keyed by their two token codes (no text sliced) until all are in."""
        old, new = self.old, self.new
        mask_a, mask_b = old.word_mask, new.word_mask
        oo, no, oc, nc = old.offsets, new.offsets, old.codes, new.codes
        by_code: dict[str, array] = defaultdict(lambda: array(OFFSET_TYPE))
        uneven = []
        sub_old = sub_new = 0
        for tag, a1, a2, b1, b2 in ops.raw():
            if tag != REPLACE:
                continue
            n = a2 - a1
            if n == 1 == b2 - b1:  # most swaps: one token for one
                by_code[oc[a1] + nc[b1]].extend((oo[2 * a1], oo[2 * a1 + 1], no[2 * b1], no[2 * b1 + 1]))
                sub_old += mask_a[a1] == "1"
                sub_new += mask_b[b1] == "1"
                continue
            if n != b2 - b1 or n > MAX_POSITIONAL or (n > 1 and not (
                    mask_a.count("1", a1, a2) == n and mask_b.count("1", b1, b2) == n
                    and bisect_right(old_breaks, a1) == bisect_right(old_breaks, a2 - 1)
                    and bisect_right(new_breaks, b1) == bisect_right(new_breaks, b2 - 1))):
                uneven.append(Op("replace", a1, a2, b1, b2))
                continue
            for a, b in zip(range(a1, a2), range(b1, b2)):
                by_code[oc[a] + nc[b]].extend((oo[2 * a], oo[2 * a + 1], no[2 * b], no[2 * b + 1]))
                sub_old += mask_a[a] == "1"
                sub_new += mask_b[b] == "1"
        old_text, new_text = old.text, new.text
        strings = {}  # one string per spelling, however many pairs it is in
        for code in list(by_code):  # one text key a pair (a code stands for one spelling)
            spans = by_code.pop(code)  # each code key freed as its text key is made
            a, b = old_text[spans[0]:spans[1]], new_text[spans[2]:spans[3]]
            self.by_text[strings.setdefault(a, a), strings.setdefault(b, b)].extend(spans)
        self.substituted_old += sub_old
        self.substituted_new += sub_new
        return uneven

    def learn_pairs(self):
        """Word pairs already seen one for one become anchors for uneven regions."""
        for old_text, new_text in self.by_text:
            self.known.add((normalize(old_text), normalize(new_text)))

    def add_region(self, op: Op):
        """Pair a region, one paragraph segment at a time."""
        for a1, a2, b1, b2 in self._segments(op):
            self._add_segment(a1, a2, b1, b2)

    def _segments(self, op: Op):
        """Split a region at paragraph breaks and match the pieces up."""
        sa = _split_at(op.a1, op.a2, self.old_breaks)
        sb = _split_at(op.b1, op.b2, self.new_breaks)
        if len(sa) == len(sb):
            return [a + b for a, b in zip(sa, sb)]
        if len(sb) == 1:  # one side within one paragraph: pair it with the piece it touches
            piece = sa[-1] if op.b1 in self.new_breaks or op.a2 - 1 in self.old_breaks else sa[0]
            return [piece + sb[0]]
        if len(sa) == 1:
            piece = sb[-1] if op.a1 in self.old_breaks or op.b2 - 1 in self.new_breaks else sb[0]
            return [sa[0] + piece]
        return [sa[0] + sb[0], sa[-1] + sb[-1]]

    def _add_segment(self, a1, a2, b1, b2):
        old, new = self.old, self.new
        wa = [k for k in range(a1, a2) if old.is_word(k)]
        wb = [k for k in range(b1, b2) if new.is_word(k)]
        if not wa and not wb:
            self._add(a1, a2, b1, b2)  # punctuation only
            return
        for (p1, p2), (q1, q2) in self._pair(wa, wb):
            if (p1, p2) == (wa[0], wa[-1] + 1) and (q1, q2) == (wb[0], wb[-1] + 1) \
                    and (len(wa) > 1 or len(wb) > 1):
                p1, p2, q1, q2 = a1, a2, b1, b2  # a whole segment: keep its punctuation
            self._add(p1, p2, q1, q2)

    def _add(self, a1, a2, b1, b2):
        old, new = self.old, self.new
        os_, oe, ns, ne = old.start(a1), old.end(a2 - 1), new.start(b1), new.end(b2 - 1)
        self.by_text[old.text[os_:oe], new.text[ns:ne]].extend((os_, oe, ns, ne))
        self.substituted_old += old.words_in(a1, a2)
        self.substituted_new += new.words_in(b1, b2)

    def _pair(self, wa: list[int], wb: list[int]):
        """Token ranges ``((a1, a2), (b1, b2))`` to report as swaps within one region."""
        if not wa or not wb or (len(wa) == len(wb) and len(wa) <= MAX_POSITIONAL):
            return _pair_stretch(wa, wb)
        anchors = alike_chain([self.old.surface(k) for k in wa], [self.new.surface(k) for k in wb],
                               self.known)
        pairs = []
        pa = pb = 0
        for ia, ib in anchors + [(len(wa), len(wb))]:
            pairs.extend(_pair_stretch(wa[pa:ia], wb[pb:ib]))
            if ia < len(wa):
                pairs.append(((wa[ia], wa[ia] + 1), (wb[ib], wb[ib] + 1)))
            pa, pb = ia + 1, ib + 1
        return pairs

    def _split_compounds(self):
        """Compounds with some parts kept (built-in -> built-successful) become swaps of
        the parts that changed: that is what the spinner swapped."""
        for (old_text, new_text) in [key for key in self.by_text if _COMPOUND.search(key[0])]:
            parts = changed_parts(old_text, new_text)
            if not parts:
                continue
            spans = self.by_text.pop((old_text, new_text))
            for (p1, p2), (q1, q2) in parts:
                target = self.by_text[old_text[p1:p2], new_text[q1:q2]]
                for k in range(0, len(spans), 4):
                    target.extend((spans[k] + p1, spans[k] + p2, spans[k + 2] + q1, spans[k + 2] + q2))

    def result(self) -> PairingResult:
        """The distinct swaps: forms that differ only in case, apostrophes or spacing are
        one swap (except a change of case itself). Each form's entry is dropped as it is
        merged: a long book has hundreds of thousands."""
        self._split_compounds()
        by_text, self.by_text = self.by_text, {}
        # each merged key holds its first form's text key (kept in by_text with its spans),
        # or a list of them when forms merge: no new object for a form
        merged: dict[tuple[str, str, str], tuple[str, str] | list[tuple[str, str]]] = {}
        for form in by_text:  # in the order first seen: ties show the first
            kind = classify(*form)
            key = (kind, *form) if kind == "case" else (kind, normalize(form[0]), normalize(form[1]))
            first = merged.setdefault(key, form)
            if first is not form:
                if isinstance(first, tuple):
                    merged[key] = first = [first]
                first.append(form)
        swaps = []
        for key in list(merged):  # each group freed as its swap is made
            forms = merged.pop(key)
            forms = [forms] if isinstance(forms, tuple) else forms
            swaps.append(_merged_swap(key[0], [(*form, by_text.pop(form)) for form in forms]))
        return PairingResult(tuple(by_count_and_text(swaps)), self.substituted_old, self.substituted_new)


def _merged_swap(kind: str, forms: list[tuple[str, str, array]]) -> Swap:
    """One swap of its forms, shown as the commonest of each side."""
    if len(forms) == 1:
        old_text, new_text, spans = forms[0]
        return Swap(" ".join(old_text.split()), " ".join(new_text.split()), kind, _sorted_spans([spans]))
    old_forms, new_forms = Counter(), Counter()
    for old_text, new_text, spans in forms:
        old_forms[old_text] += len(spans) // 4
        new_forms[new_text] += len(spans) // 4
    return Swap(_display(old_forms), _display(new_forms), kind, _sorted_spans([f[2] for f in forms]))


def _pair_stretch(wa: list[int], wb: list[int]):
    """A stretch between alike anchors: word for word when lengths match, else one phrase."""
    if not wa or not wb:
        return []
    if len(wa) == len(wb) and len(wa) <= MAX_POSITIONAL:
        return [((a, a + 1), (b, b + 1)) for a, b in zip(wa, wb)]
    return [((wa[0], wa[-1] + 1), (wb[0], wb[-1] + 1))]


_COMPOUND = regex.compile(r"[\-‐‑]|['’]s$|\p{L}\p{N}|\p{N}\p{L}")
def _split_at(lo: int, hi: int, breaks) -> list[tuple[int, int]]:
    """``[lo, hi)`` cut before every paragraph-break token inside it."""
    cuts = [k for k in range(lo + 1, hi) if k in breaks] if breaks else []
    bounds = [lo] + cuts + [hi]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def classify(old_text: str, new_text: str) -> str:
    """The kind of a replacement: case, punctuation, number, word, phrase or rewrite."""
    n_old, n_new = normalize(old_text), normalize(new_text)
    if n_old == n_new:
        return "case" if old_text != new_text else "punctuation"
    l_old, l_new = letters_only(old_text), letters_only(new_text)
    if l_old == l_new:
        return "punctuation"
    if _is_number(n_old) and _is_number(n_new):
        return "number"
    words = max(len(n_old.split()), len(n_new.split()))
    if words > MAX_PHRASE_WORDS:
        return "rewrite"
    if words > 1:
        return "phrase"
    return "word" if l_old and l_new else "punctuation"


def _is_number(text: str) -> bool:
    digits = text.replace(",", "").replace(".", "").replace(" ", "")
    return digits.isdigit()


def _in_order(spans: array) -> bool:
    starts = spans[0::4]
    return all(a <= b for a, b in zip(starts, starts[1:]))


def _display(forms: Counter) -> str:
    """The most frequent surface form, with its whitespace collapsed."""
    form = forms.most_common(1)[0][0]
    return " ".join(form.split())


def _sorted_spans(span_lists: list[array]) -> array:
    """All occurrences' spans, four per occurrence, in text order."""
    if len(span_lists) == 1 and _in_order(span_lists[0]):
        return span_lists[0]
    quads = []
    for spans in span_lists:
        for k in range(0, len(spans), 4 * SLICE):
            part = spans[k:k + 4 * SLICE]
            quads.extend(zip(part[0::4], part[1::4], part[2::4], part[3::4]))
    out = array(OFFSET_TYPE)
    for q in sorted_in_slices(quads):
        out.extend(q)
    return out
