"""Suspicion score of a swap, in [0, 1], with the reasons in plain sentences.

Evidence that a swap came from a synonym spinner, each with a weight and a public source:
a spinner swap observed on public spun pages (``resources/spinner_signatures.tsv``) or a
documented phrase fingerprint (``resources/phrase_fingerprints.tsv``), a function word
replaced by a content word, a thesaurus synonym of the wrong sense (WordNet), a name's
word swapped for its synonym, a common word pair broken (Google Books bigrams), a common
word replaced by a much rarer one (wordfreq), the same swap made many times, and the
document's own pattern: in a copy that swaps words one for one throughout, each such swap
is a spinner's.
Weights combine like independent evidence: ``1 - prod(1 - w)``.

Ordinary editing must stay low: case, punctuation and spacing changes, spelling
variants (Kiev -> Kyiv), other forms of a word, numbers written as words or numerals
(house styles differ), updated figures, reworded passages and words whose whole sentence
changed around them get a small score whatever else applies.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import NamedTuple

from unspin.core.collocations import broken_pair
from unspin.core.context import DETERMINERS
from unspin.core.fingerprints import match_swap
from unspin.core.frequencies import english_zipf
from unspin.core.language import stopwords
from unspin.core.resources import read_table, resource_path
from unspin.core.swaps import Reason, Swap, letters_only, normalize
from unspin.core.occurrences import Placement
from unspin.core.thesaurus import default_thesaurus, wrong_sense
from unspin.core.word_traits import acronym, edit_distance, is_numeral, same_case_shape, same_lemma


@lru_cache(maxsize=1 << 12)  # pairs: a book's are nearly all distinct, and 100,000 held 20 MB
def is_synonym(old: str, new: str) -> bool:
    """Whether two lower-case words are WordNet synonyms or similar words in any sense."""
    if not (old.replace("-", "").isalpha() and new.replace("-", "").isalpha()):
        return False
    return bool(default_thesaurus().links(old, new))

SUSPICIOUS = 0.5
BASE_WEIGHT = 0.1
SIGNATURE_WEIGHT = 0.5  # an ordinary synonym, but the one spinners were seen to pick
FUNCTION_WORD_WEIGHT = 0.6
WRONG_SENSE_WEIGHT = 0.7
FINGERPRINT_WEIGHT = 0.85
#: A comparison cites an observed spinner swap seen on at least this many sites (one site
#: may be one spinner's quirk; a scan still uses the whole observed vocabulary).
CITED_SITES = 2
NAME_WEIGHT = 0.6
BROKEN_PAIR_WEIGHT = 0.45
SYNONYM_WEIGHT = 0.2
#: The document's pattern (0-1) gives each in-place swap up to this weight.
PATTERN_WEIGHT = 0.6
#: Reasons strong enough to stand even where the sentence around the swap changed.
INTRINSIC = ("signature", "fingerprint", "wrong_sense")
#: A drop of this many points on the Zipf scale counts as "much rarer".
RARITY_DROP = 1.5

_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
    "thousand": "1000", "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th",
    "fifth": "5th", "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th",
    "tenth": "10th",
}


class Signature(NamedTuple):
    """A swap seen in the output of a spinner, and where it was seen (a named tuple: the
    table's thousand rows are made at every start)."""

    old: str
    new: str
    observed_in: str
    note: str
    sites: int = 1  # how many sites the swap was seen on

class Scorer:
    """Scores swaps for one language; loads its data once."""

    def __init__(self, language: str = "en", frequencies: dict[str, float] | None = None):
        self.language = language
        self.frequencies = frequencies or {}  # looked up already (elsewhere); others: zipf()
        self.signatures = load_signatures()
        self.function_words = load_function_words() if language == "en" else \
            stopwords().get(language, frozenset())
        self.variants = load_variants()

    def score(self, swap: Swap, place: Placement | None = None, pattern: float = 0.0) -> Swap:
        """The swap with its score and reasons filled in. *place* says where its
        occurrences stand; *pattern* (0-1) how strongly the document follows a spinner's."""
        return _with_score(swap, self.reasons(swap, place, pattern))

    def with_pattern(self, scored: Swap, in_context: int, pattern: float) -> Swap:
        """*scored* (scored without the document's pattern) with the pattern's reason added
        where it applies: the same as scoring it with *pattern*, without the lookups again.
        *in_context* is its placement's ``in_context``."""
        if scored.kind not in ("word", "phrase") or any(r.weight < 0 for r in scored.reasons):
            return scored
        added = self._in_pattern(scored.old.strip(), scored.new.strip(), in_context, pattern)
        if not added:
            return scored
        reasons = [r for r in scored.reasons if r.code != "consistent"] + added
        return _with_score(scored, reasons + self._consistent(scored, reasons))

    @staticmethod
    def _consistent(swap: Swap, reasons: list[Reason]) -> list[Reason]:
        if len(reasons) > 1 and swap.count >= 3:
            return [_consistent_reason(swap.count)]
        return []
    def reasons(self, swap: Swap, place: Placement | None = None, pattern: float = 0.0) -> list[Reason]:
        """Every reason that applies; a negative weight caps the score at its magnitude."""
        old, new = swap.old, swap.new
        mitigation = self._mitigation(swap)
        if mitigation is not None:
            return [mitigation]
        reasons = [_different_word(old)]
        sig = self.signatures.get((normalize(old), normalize(new)))
        sig = sig if sig is not None and sig.sites >= CITED_SITES else None
        if sig is not None:
            reasons.append(Reason("signature", f"'{old}' → '{new}' is a spinner swap observed in public"
                                  f" spun copies ({sig.note}: {sig.observed_in})", SIGNATURE_WEIGHT))
        fingerprint = match_swap(old, new)
        if fingerprint is not None:
            reasons.append(Reason("fingerprint", fingerprint.describe(), FINGERPRINT_WEIGHT))
        elif sig is None:  # editing explains it, unless a spinner was seen making it
            variant = self._numeral(old, new) or self._variant(old, new)
            if variant is not None:
                return [variant]
        reasons.extend(r for r in (self._function_word(old, new), self._wrong_sense(old, new),
                                   self._rarity(old, new)) if r is not None)
        reasons.extend(self._placed(swap, place, pattern, any(r.code == "wrong_sense" for r in reasons)))
        reasons.extend(self._consistent(swap, reasons))
        if place is not None and not place.in_context and not any(r.code in INTRINSIC for r in reasons):
            return [Reason("restructured", f"the words around '{old}' changed as well: a rewritten or"
                           " misaligned passage, not a word swap", -0.1)]
        return reasons

    def _placed(self, swap: Swap, place: Placement | None, pattern: float,
                wrong_sense: bool = False) -> list[Reason]:
        """Reasons that depend on where the swap stands: a name, a broken word pair, a
        dictionary synonym (unless already a wrong-sense one) in a document that swaps
        words throughout."""
        if place is None or swap.kind not in ("word", "phrase"):
            return []
        old, new = swap.old.strip(), swap.new.strip()
        out = []
        if swap.kind == "phrase":  # a phrase swapped in an unchanged sentence: only the pattern tells
            return self._in_pattern(old, new, place.in_context, pattern)
        synonym = self.language == "en" and self._synonyms(old, new)
        if place.in_name and synonym:
            out.append(Reason("name", f"'{old}' is part of a name, and '{new}' is a dictionary synonym of"
                              " it: a spinner renames people, places and programmes word by word;"
                              " an editor does not", NAME_WEIGHT))
        elif synonym and not wrong_sense:
            out.append(Reason("synonym", f"'{new}' is a dictionary synonym of '{old}' (WordNet)",
                              SYNONYM_WEIGHT))
        if self.language == "en":
            broken = next(filter(None, (broken_pair(b, old, new, a) for b, a in place.neighbours)), None)
            if broken:
                out.append(Reason("broken_pair", broken, BROKEN_PAIR_WEIGHT))
        return out + self._in_pattern(old, new, place.in_context, pattern)

    @staticmethod
    def _in_pattern(old: str, new: str, in_context: int, pattern: float) -> list[Reason]:
        """The document's pattern, for a swap standing in it (in kept context, same case)."""
        if pattern <= 0 or not in_context or not same_case_shape(old, new):
            return []
        return [_pattern_reason(round(PATTERN_WEIGHT * pattern, 3))]

    def _synonyms(self, old: str, new: str) -> bool:
        return is_synonym(normalize(old), normalize(new))

    def _mitigation(self, swap: Swap) -> Reason | None:
        if swap.kind == "case":
            return Reason("case", "only the capitalisation differs", -0.02)
        if swap.kind == "punctuation":
            return Reason("punctuation", "only punctuation or spacing differs", -0.02)
        if swap.kind == "number":
            return Reason("number", f"a figure was changed ({swap.old} → {swap.new})", -0.05)
        if swap.kind == "rewrite":
            return Reason("rewrite", f"a passage of {len(swap.old.split())} words was reworded", -0.15)
        return None

    def _variant(self, old: str, new: str) -> Reason | None:
        """A spelling variant (Kiev/Kyiv, defence/defense) or another form of the same word."""
        lo, ln = letters_only(old), letters_only(new)
        known = self.variants.get((lo, ln))
        if known is not None:
            return Reason("variant", f"'{new}' is {known} of '{old}'", -0.05)
        if min(len(lo), len(ln)) < 4:
            return None
        if self.language == "en" and same_lemma(lo, ln):
            return Reason("word_form", f"'{new}' is another form of the word '{old}'", -0.15)
        distance = edit_distance(lo, ln) if abs(len(lo) - len(ln)) <= 1 else 3
        same_length = len(lo) == len(ln)
        if (distance == 1 or (distance == 2 and same_length and len(lo) >= 8)) \
                and not self._different_words(lo, ln):
            return Reason("spelling", f"'{new}' is a spelling variant of '{old}'", -0.05)
        if distance == 2 and same_length and old[:1].isupper() and new[:1].isupper():
            return Reason("name_spelling", f"'{new}' is another spelling of the name '{old}'", -0.05)
        stem = len(os.path.commonprefix([lo, ln]))
        if stem >= 4 and stem >= 0.6 * min(len(lo), len(ln)):
            return Reason("word_form", f"'{new}' is another form of the word '{old}'", -0.15)
        return None

    def _different_words(self, old: str, new: str) -> bool:
        """Two dictionary words that are not one word spelled two ways: "past" and "last"
        share one sense; "colour" and "color" (or "defence" and "defense") share most of them."""
        if self.language != "en" or not (old.isalpha() and new.isalpha()):
            return False
        th = default_thesaurus()
        old_senses = {s.synset for s in th.senses(old)}
        new_senses = {s.synset for s in th.senses(new)}
        shared = len(old_senses & new_senses)
        return bool(old_senses) and bool(new_senses) and shared < 0.5 * min(len(old_senses), len(new_senses))

    def _function_word(self, old: str, new: str) -> Reason | None:
        old_words, new_words = normalize(old).split(), normalize(new).split()
        fw = self.function_words
        if not fw or not all(w in fw for w in old_words) or acronym(old):
            return None
        content = [w for w in new_words if w not in fw and not is_numeral(w)
                   and not (w in DETERMINERS and all(o in DETERMINERS for o in old_words))]
        # (a quantifier for a quantifier is no content word: "many" -> "numerous", "some" -> "several")
        if self.language != "en":  # short lists there: a content word must also be uncommon
            content = [w for w in content if self._zipf(w) < 4.5]
        if not content:
            return None
        kind = "function word" if len(old_words) == 1 else "function words"
        return Reason("function_word", f"the {kind} '{old}' became the content word"
                      f"{'s' if len(content) > 1 else ''} '{' '.join(content)}'", FUNCTION_WORD_WEIGHT)

    def _wrong_sense(self, old: str, new: str) -> Reason | None:
        """A thesaurus synonym of the wrong sense (at -> astatine); English only."""
        lo, ln = normalize(old), normalize(new)
        if self.language != "en" or not (lo.isalpha() and ln.isalpha()) or acronym(old):
            return None
        function_word = lo in self.function_words
        # the thesaurus is asked only where a spinner is plausible: it keeps 1 MB fast
        if not function_word and self._zipf(ln) > self._zipf(lo) - 1.0:
            return None
        text = wrong_sense(default_thesaurus(), lo, ln, function_word)
        return Reason("wrong_sense", text, WRONG_SENSE_WEIGHT) if text else None

    @staticmethod
    def _numeral(old: str, new: str) -> Reason | None:
        """A number word written as a numeral or back: house styles differ ("two", "2")."""
        a, b = normalize(old), normalize(new)
        if _NUMBER_WORDS.get(a) == b or _NUMBER_WORDS.get(b) == a:
            return Reason("numeral", f"'{new}' writes the number '{old}' another way: house styles"
                          " differ", -0.1)
        return None

    def _rarity(self, old: str, new: str) -> Reason | None:
        if " " in old.strip() or " " in new.strip():
            return None
        z_old, z_new = self._zipf(normalize(old)), self._zipf(normalize(new))
        drop = z_old - z_new
        if z_old < 3.0 or drop < RARITY_DROP or is_numeral(normalize(new)):
            return None
        weight = min(0.5, 0.15 * drop)
        return Reason("rare_word", f"a common word ('{old}', {z_old:.1f} on the Zipf scale) became a much"
                      f" rarer one ('{new}', {z_new:.1f})", round(weight, 2))


    def _zipf(self, word: str) -> float:
        known = self.frequencies.get(word)
        return zipf(word, self.language) if known is None else known


# Reasons are immutable, so the common ones are made once and shared by every swap they
# apply to: a book's hundreds of thousands of swaps otherwise hold as many copies of them.
@lru_cache(maxsize=1024)
def _consistent_reason(count: int) -> Reason:
    return Reason("consistent", f"the same swap is made {count} times", min(0.3, 0.05 * count))


@lru_cache(maxsize=1 << 14)
def _different_word(old: str) -> Reason:
    return Reason("different_word", f"'{old}' was replaced by a different word", BASE_WEIGHT)


@lru_cache(maxsize=64)
def _pattern_reason(weight: float) -> Reason:
    return Reason("pattern", "this copy swaps words one for one throughout while keeping the"
                  " sentences around them: a spinner's pattern, not an editor's", weight)


def _with_score(swap: Swap, reasons: list[Reason]) -> Swap:
    """*swap* with *reasons* and their combined score (a negative weight caps it)."""
    mitigating = [r for r in reasons if r.weight < 0]
    remaining = 1.0
    for r in reasons:
        if r.weight > 0:
            remaining *= 1.0 - r.weight
    score = 1.0 - remaining
    if mitigating:
        cap = min(-r.weight for r in mitigating)
        score = min(score, cap) if score else cap
    score = round(score, 3)
    # made directly: dataclasses.replace reads the fields' definitions on every call
    return Swap(swap.old, swap.new, swap.kind, swap.spans, _SCORES.setdefault(score, score),
                tuple(reasons))


#: One float object per score (rounded to thousandths, there are at most a thousand and
#: one of them), shared by every swap with it rather than one per swap.
_SCORES: dict[float, float] = {}


def words_looked_up(swaps) -> set[str]:
    """Every word whose frequency scoring *swaps* (either way round) may look up."""
    words = set()
    for swap in swaps:
        old, new = normalize(swap.old), normalize(swap.new)
        words.update(old.split())
        words.update(new.split())
        words.update((old, new))
    return words


def frequencies_loaded() -> bool:
    """True once this process has loaded the word-frequency list."""
    return zipf.cache_info().currsize > 0


@lru_cache(maxsize=200_000)
def zipf(word: str, language: str = "en") -> float:
    """Zipf frequency of *word* (about 7 for "the", 0 for unknown words) from wordfreq: for
    plain English words from the shipped table (:mod:`unspin.core.frequencies`)."""
    if language == "en":
        known = english_zipf(word)
        if known is not None:
            return known
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


@lru_cache(maxsize=1)
def load_signatures() -> dict[tuple[str, str], Signature]:
    """The spinner-signature table, keyed by normalised (old, new)."""
    table = {}
    for row in read_table("spinner_signatures.tsv"):
        old, new, observed_in, note, sites = (row + ["", "", "", "", "1"])[:5]
        table[normalize(old), normalize(new)] = Signature(old, new, observed_in, note, int(sites or 1))
    return table


@lru_cache(maxsize=1)
def load_variants() -> dict[tuple[str, str], str]:
    """Editorial variants (renamed places, house style), both directions, letters only."""
    table = {}
    for old, new, what in read_table("editorial_variants.tsv"):
        table[letters_only(old), letters_only(new)] = what
        table[letters_only(new), letters_only(old)] = what
    return table


@lru_cache(maxsize=1)
def load_function_words() -> frozenset[str]:
    """English function words from ``resources/function_words_en.txt``."""
    lines = resource_path("function_words_en.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
