"""The unspun copy: the suspect text with each swapped word put back to its likely original.

The engine knows, for every swap occurrence, the span of the copy's word and of the
original's word. ``restore`` takes any list of replacements in the copy's code points
(``(start, end, replacement)``): ``unspun_text`` builds that list from a comparison,
``flags_unspun`` from a single-document scan (its likely originals come from the thesaurus
and the spinner signatures). Restored words keep the copy's capitalisation ("Nan" at a sentence start
becomes "The").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, NamedTuple, Sequence

from unspin.core.compare import Comparison
from unspin.core.highlights import RESTORED, Layer, make_layer
from unspin.core.scoring import SUSPICIOUS

#: Swap kinds that are not words put back: spacing, case and punctuation are the copy's own.
KEPT_KINDS = frozenset({"case", "punctuation"})


class Restored(NamedTuple):
    """One restored word: where it is in the unspun text, what the copy really says there.

    A named tuple: a book has hundreds of thousands of them."""

    start: int  # in the unspun text, code points
    end: int
    copy_start: int  # in the copy, code points
    copy_end: int
    copy_word: str
    restored: str
    reason: str = ""  # why it was restored (the swap's explanation), may be empty


@dataclass(frozen=True)
class Unspun:
    """The copy read back into plain words, with the restored spans in text order."""

    text: str
    spans: tuple[Restored, ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [r.start for r in self.spans]

    @cached_property
    def _copy_starts(self) -> list[int]:
        return [r.copy_start for r in self.spans]

    def at(self, position: int) -> Restored | None:
        """The restored word holding *position* of the unspun text, or None."""
        k = bisect_right(self._starts, position) - 1
        return self.spans[k] if k >= 0 and position < self.spans[k].end else None

    def to_copy(self, position: int) -> int:
        """The copy's offset of a position in the unspun text (a restored word maps to its
        start; elsewhere shifted by the length changes before it)."""
        k = bisect_right(self._starts, position) - 1
        if k < 0:
            return position
        r = self.spans[k]
        if position < r.end:
            return r.copy_start
        return position - r.end + r.copy_end

    def to_unspun(self, position: int) -> int:
        """The unspun text's offset of a position in the copy."""
        k = bisect_right(self._copy_starts, position) - 1
        if k < 0:
            return position
        r = self.spans[k]
        if position < r.copy_end:
            return r.start
        return position - r.copy_end + r.end


Replacement = tuple  # (start, end, replacement[, reason]) in the copy's code points


def restore(copy: str, replacements: Iterable[Replacement]) -> Unspun:
    """The copy with each ``(start, end, replacement[, reason])`` applied.

    Replacements are taken in text order; one overlapping an earlier one is skipped (the
    copy's own words stay rather than a garbled mix). The copy's case pattern is kept.
    """
    parts: list[str] = []
    spans: list[Restored] = []
    pos = out = 0
    for item in sorted(replacements, key=lambda r: (r[0], r[1])):
        start, end, word = item[0], item[1], item[2]
        if start < pos or end <= start or end > len(copy):
            continue
        original = copy[start:end]
        word = match_case(word, original)
        parts.append(copy[pos:start])
        out += start - pos
        parts.append(word)
        spans.append(Restored(out, out + len(word), start, end, original, word,
                              item[3] if len(item) > 3 else ""))
        out += len(word)
        pos = end
    parts.append(copy[pos:])
    return Unspun("".join(parts), tuple(spans))


def unspun_text(c: Comparison, only_suspicious: bool = True,
                threshold: float = SUSPICIOUS) -> Unspun:
    """The comparison's copy with its swapped words put back to the original's.

    *only_suspicious*: restore only swaps scored as spinner artefacts (the default: what
    a reader wants undone); otherwise every word, phrase and number swap.
    """
    return restore(c.new.text, swap_replacements(c, only_suspicious, threshold))


def flags_unspun(text: str, flags) -> Unspun:
    """A text read alone with each flagged word put back to its likely original (the flags
    of a single-document scan: ``start``, ``end``, ``original``, ``reasons``)."""
    return restore(text, [(f.start, f.end, f.original, _strongest(f.reasons)) for f in flags])


def swap_replacements(c: Comparison, only_suspicious: bool = True,
                      threshold: float = SUSPICIOUS) -> list[Replacement]:
    """``(start, end, original word, reason)`` for every occurrence of the chosen swaps."""
    old_text = c.old.text
    items = []
    for s in c.swaps:
        if s.kind in KEPT_KINDS or (only_suspicious and s.score < threshold):
            continue
        reason = _strongest(s.reasons)
        for os_, oe, ns, ne in s.occurrences:
            items.append((ns, ne, old_text[os_:oe], reason))
    return items


def _strongest(reasons) -> str:
    """The text of the weightiest reason, or an empty string."""
    best = max(reasons, key=lambda r: r.weight, default=None)
    return best.text if best else ""


@lru_cache(maxsize=8192)  # the same few swaps recur thousands of times in a book
def match_case(word: str, model: str) -> str:
    """*word* in the case pattern of *model*: ALL CAPS, Capitalised or lower case.

    Words with capitals inside ("iPhone", "NATO" replaced by a lower-case word) keep
    their own spelling: that is a name, not a case pattern.
    """
    if not word or not model:
        return word
    letters = [ch for ch in model if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return word.upper()
    if any(ch.isupper() for ch in word[1:]):
        return word
    first = model[0]
    if first.isupper():
        return word[0].upper() + word[1:]
    if first.islower():
        return word[0].lower() + word[1:]
    return word


def restored_words(spans: Sequence[Restored]) -> dict[tuple[str, str], int]:
    """How often each (copy word, restored word) pair was put back, case-folded."""
    counts: dict[tuple[str, str], int] = {}
    for r in spans:
        key = (r.copy_word.casefold(), r.restored.casefold())
        counts[key] = counts.get(key, 0) + 1
    return counts


def unspun_layers(ops: Layer, swaps: Layer, u: Unspun) -> tuple[Layer, Layer]:
    """The copy's highlight layers moved onto the unspun text: restored words tagged
    RESTORED (their reference is the swap's), everything else shifted with the text."""
    restored = {(r.copy_start, r.copy_end): r for r in u.spans}
    swap_items = []
    for start, end, tag, ref in swaps.between(0, 1 << 62):
        r = restored.get((start, end))
        if r is not None:
            swap_items.append((r.start, r.end, RESTORED, ref))
        else:
            swap_items.append((u.to_unspun(start), u.to_unspun(end), tag, ref))
    op_items = [(u.to_unspun(a), u.to_unspun(b), tag, ref) for a, b, tag, ref in ops.between(0, 1 << 62)]
    return make_layer(op_items), make_layer(swap_items)
