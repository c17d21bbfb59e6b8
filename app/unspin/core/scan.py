"""Single-document mode: ``scan(doc) -> ScanResult`` flags words a spinner likely produced.

Without the original, a spinner's swap shows itself twice: the word is a thesaurus
synonym of a common function word through a sense that cannot be meant (``astatine`` is
"At", ``successful`` is similar to the adjective "in"), or a known spinner output
(``resources/spinner_signatures.tsv``); and it stands in a slot that fits the function
word, not itself ("successful the city", "whitethorn be", "astatine least"). A flag
needs a candidate original and either that context or a very rare word.

The rules in :mod:`unspin.core.context` judge the slot; the candidates come from the
thesaurus, so swaps never seen before are found too.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import regex

from unspin.core.context import (Slot, after_be, fits_role, is_closed_class, opens_a_clause,
                                 reads_as_itself, role_of, rules_out)
from unspin.core.displacement import describe as describe_displaced
from unspin.core.displacement import displaced
from unspin.core.documents import Document
from unspin.core.language import detect_language
from unspin.core.scoring import load_function_words, load_signatures, zipf
from unspin.core.scan_verdict import scan_verdict, spin_score
from unspin.core.slips import slip_findings
from unspin.core.spinner_vocabulary import fingerprint_findings, vocabulary_findings
from unspin.core.swaps import Reason
from unspin.core.thesaurus import default_thesaurus, wrong_sense
from unspin.core.unlisted_pairs import unlisted_pair_findings

#: A word is flagged at this score.
FLAG_SCORE = 0.75
SIGNATURE_WEIGHT = 0.6
WRONG_SENSE_WEIGHT = 0.5
CONTEXT_WEIGHT = 0.6
RARE_WEIGHT = 0.5
CONSISTENT_WEIGHT = 0.5
#: A swap confirmed by its context this many times makes its other occurrences suspect.
CONFIRMED_TIMES = 3
#: A content word this common (Zipf scale) may be the original of a rare synonym.
COMMON_ZIPF = 4.5
#: A rare word used more often than this in one text is its topic (callable, unary), not a
#: spinner's pick.
TOPIC_TIMES = 5
#: A rare synonym is at least this much rarer than its common word (Zipf points).
RARE_SYNONYM_DROP = 3.0
RARE_SYNONYM_WEIGHT = 0.5
#: A flag needs one of these besides its candidate original.
EVIDENCE = ("context", "consistent", "lower_case_name", "rare_word", "displaced")
DISPLACED_WEIGHT = 0.7
#: Below this Zipf frequency a word is rare enough to be suspect anywhere (conscionable).
RARE_ZIPF = 2.0
#: A candidate must be at least this much rarer than the word it would replace.
MIN_DROP = 1.5
#: ... or this much for a swap a spinner was seen making (have -> person).
SIGNATURE_DROP = 1.0

WORD_RE = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}]+)*")
_BREAK_RE = regex.compile(r"[^\s\p{L}\p{M}\p{N}'’\-]")
_SENTENCE_END = ".!?…\n"


@dataclass(frozen=True)
class Flag:
    """A word likely produced by a spinner, with its likely original."""

    start: int
    end: int
    word: str
    original: str
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ScanResult:
    """What a scan found in one document."""

    document: Document
    status: str = "completed"  # or "cancelled", "unsupported"
    language: str = ""
    words: int = 0
    flags: tuple[Flag, ...] = ()
    spin_score: float = 0.0
    verdict: str = ""

    @property
    def completed(self) -> bool:
        return self.status == "completed"


@dataclass(frozen=True)
class _Candidate:
    original: str
    reason: Reason


def scan(doc: Document | str, *, should_cancel: Callable[[], bool] | None = None,
         progress: Callable[[float], None] | None = None) -> ScanResult:
    """Flag the words of one document that a synonym spinner likely produced."""
    doc = doc if isinstance(doc, Document) else Document.from_text(doc, "text")
    language = detect_language(doc.text)
    words = list(WORD_RE.finditer(doc.text))
    if language != "en":
        return ScanResult(doc, "unsupported", language, len(words), verdict=(
            f"Scanning a text alone needs English (this one looks like '{language}'): "
            "open its original beside it to compare."))
    flags, unflagged = [], []
    table = with_displaced(candidate_table(), words)
    for k, match in enumerate(words):
        if k % 2000 == 0:
            if should_cancel is not None and should_cancel():
                return ScanResult(doc, "cancelled", language, len(words), verdict="Scan cancelled.")
            if progress is not None:
                progress(k / max(1, len(words)))
        candidates = _candidates(match.group().lower(), table)
        if candidates:
            flag = _judge(doc.text, words, k, candidates, {}, table)
            flags.append(flag) if flag is not None else unflagged.append(k)
    flags = _second_pass(doc.text, words, _without_topic_words(flags), unflagged, table)
    flags = _with_findings(flags, doc.text, fingerprint_findings(doc.text) + vocabulary_findings(words)
                           + unlisted_pair_findings(doc.text, len(words)) + slip_findings(doc.text))
    spin = spin_score(flags, len(words))
    return ScanResult(doc, "completed", language, len(words), tuple(flags), spin,
                      scan_verdict(flags, len(words), spin))


def _with_findings(flags: list[Flag], text: str, findings) -> list[Flag]:
    """*flags* with the phrase and vocabulary findings that overlap none of them."""
    taken = [(f.start, f.end) for f in flags]
    for start, end, original, reason in findings:
        if any(a < end and start < b for a, b in taken):
            continue
        word = text[start:end]
        shown = original[:1].upper() + original[1:] if word[:1].isupper() else original
        flags.append(Flag(start, end, word, shown, reason.weight, (reason,)))
        taken.append((start, end))
    return sorted(flags, key=lambda f: f.start)


def _without_topic_words(flags: list[Flag]) -> list[Flag]:
    """Drop rare-synonym flags of a word the text uses again and again: its own subject."""
    counts = Counter(f.word.lower() for f in flags if f.reasons[0].code == "rare_synonym")
    return [f for f in flags if f.reasons[0].code != "rare_synonym" or counts[f.word.lower()] <= TOPIC_TIMES]


def _second_pass(text: str, words, flags: list[Flag], unflagged: list[int], table) -> list[Flag]:
    """Once a text shows a swap again and again (in -> successful, confirmed by context
    each time), its other occurrences are suspect too, unless they read as the word itself
    ("a successful launch")."""
    confirmed = Counter((f.word.lower(), f.original.lower()) for f in flags
                        if any(r.code == "context" for r in f.reasons))
    confirmed = {pair: n for pair, n in confirmed.items() if n >= CONFIRMED_TIMES}
    if not confirmed:
        return flags
    more = [_judge(text, words, k, _candidates(words[k].group().lower(), table), confirmed, table)
            for k in unflagged]
    return sorted(flags + [f for f in more if f is not None], key=lambda f: f.start)


def _judge(text: str, words, k: int, candidates: tuple[_Candidate, ...],
           confirmed: dict[tuple[str, str], int], table) -> Flag | None:
    """The flag for word *k*, or None when its context does not betray a spinner."""
    match = words[k]
    word = match.group()
    if not (word.islower() or word.istitle()):
        return None  # NaN, iOS, DNA: spinners write lower case or capitalise the first letter
    slot = _slot(text, words, k, table)
    if word.istitle() and not slot.sentence_start and k:
        return None  # "Coffee Pot Control": a capital inside a sentence is a name or title
    best = None
    for original, prior in _merged(candidates):
        reasons = prior + _evidence(word, original, prior, slot, confirmed)
        if not any(r.code in EVIDENCE for r in reasons):
            continue  # a thesaurus link alone is no evidence: "if successful" is fine English
        score = 1.0 - math.prod(1.0 - r.weight for r in reasons)
        if best is None or score > best[0]:
            best = (score, original, reasons)
    if best is None or best[0] < FLAG_SCORE:
        return None
    original = best[1].capitalize() if word[:1].isupper() else best[1]
    return Flag(match.start(), match.end(), word, original, round(best[0], 3), tuple(best[2]))


def _evidence(word: str, original: str, prior: list[Reason], slot: Slot,
              confirmed: dict[tuple[str, str], int]) -> list[Reason]:
    """What in the text itself says *word* stands for *original*."""
    out = []
    low = word.lower()
    role = role_of(original)
    opens = _opens_a_sentence_as_itself(role, slot, prior)
    if not opens and fits_role(role, slot, low):
        out.append(Reason("context", f"'{word}' stands where '{original}' belongs ({slot.describe()})",
                          CONTEXT_WEIGHT))
    elif confirmed.get((low, original)) and not (opens or reads_as_itself(slot, low) or after_be(slot)):
        out.append(Reason("consistent", f"this text puts '{low}' for '{original}' "
                          f"{confirmed[low, original]} times where the sentence shows it", CONSISTENT_WEIGHT))
    name = _only_a_name(word) if word.islower() else ""
    if name:
        out.append(Reason("lower_case_name", f"'{word}' is written in lower case, yet it is only "
                          f"known as a name ({name})", CONTEXT_WEIGHT))
    if zipf(low) < RARE_ZIPF and not rules_out(role, slot):  # "Astatine is", "whitethorn hedges"
        out.append(Reason("rare_word", f"'{word}' is a rare word ({zipf(low):.1f} on the Zipf scale)",
                          RARE_WEIGHT))
    return out


def _opens_a_sentence_as_itself(role: str, slot: Slot, prior: list[Reason]) -> bool:
    """A word opening a sentence as a noun: before another noun an ordinary compound ("Hello
    world", "Data science") unless a spinner was seen making that very swap; before an
    inflected verb the subject, a name perhaps ("Nan said she would visit": "The said" is no
    English)."""
    if role != "determiner" or not slot.sentence_start:
        return False
    return all(r.code not in ("signature", "displaced") for r in prior) or opens_a_clause(slot.next_as_written or "",
                                                                     slot.after_next)


def _only_a_name(word: str) -> str:
    """The name *word* spells when WordNet knows it only capitalised ("oregon": Oregon), else ''."""
    senses = default_thesaurus().senses(word)
    spellings = {s.spelled(word) for s in senses if s.lemma == word.lower()}
    if spellings and all(sp[:1].isupper() for sp in spellings):
        return sorted(spellings)[0]
    return ""


def _merged(candidates: tuple[_Candidate, ...]):
    """(original, reasons) per distinct original; best supported first (signature and
    thesaurus agreeing), then in table order (observed swaps before thesaurus guesses)."""
    by_original: dict[str, list[Reason]] = {}
    for c in candidates:
        by_original.setdefault(c.original, []).append(c.reason)
    return sorted(by_original.items(), key=lambda item: -len(item[1]))


def likely_original(word: str, table) -> str:
    """The best candidate original of *word*, or the word itself."""
    candidates = table.get(word.lower())
    return _merged(candidates)[0][0] if candidates else word


def _slot(text: str, words, k: int, table) -> Slot:
    """The words either side of word *k*, cut at punctuation; a neighbour that is itself
    a spinner's word reads as its likely original ("pinch nan US": "with the US")."""
    start, end = words[k].span()
    prev_gap = text[words[k - 1].end():start] if k else "\n"
    next_gap = text[end:words[k + 1].start()] if k + 1 < len(words) else "."
    prev = likely_original(words[k - 1].group(), table) if k and not _breaks(prev_gap) else None
    nxt = likely_original(words[k + 1].group(), table) \
        if k + 1 < len(words) and not _breaks(next_gap) else None
    sentence_start = k == 0 or any(c in _SENTENCE_END for c in prev_gap)
    digit_next = bool(regex.match(r"\s*\p{N}", next_gap)) or (
        nxt is None and bool(regex.match(r"[ \t]*\p{N}", text[end:end + 3])))
    following = _clause(text, words, k, +1, 4)
    originals = tuple(likely_original(w, table) for w in following)  # "nan last year": "the last year"
    after_next = originals[1] if len(originals) > 1 else None
    before = _clause(text, words, k, -1, 2)
    before_prev = likely_original(before[1], table) if len(before) > 1 else None
    return Slot(prev, nxt, sentence_start, digit_next, after_next,
                following[0] if following else None, before_prev, originals)


def _clause(text: str, words, k: int, step: int, most: int) -> tuple[str, ...]:
    """Up to *most* words after (step +1) or before (step -1) word *k*, up to punctuation."""
    out = []
    j = k
    while len(out) < most and 0 <= j + step < len(words):
        a, b = (words[j], words[j + step]) if step > 0 else (words[j + step], words[j])
        if _breaks(text[a.end():b.start()]):
            break
        j += step
        out.append(words[j].group())
    return tuple(out)


def _breaks(gap: str) -> bool:
    """Punctuation between two words, except a hyphen inside a compound (Western-supplied)
    or an opening quote; a blank line does."""
    if gap.count("\n") > 1:
        return True  # a blank line: a new paragraph
    gap = gap.rstrip("“‘\"(")  # an opening quote does not end the clause: nan “more positive”
    return bool(_BREAK_RE.search(gap)) or ("-" in gap and gap != "-")


@lru_cache(maxsize=1)
def candidate_table() -> dict[str, tuple[_Candidate, ...]]:
    """Word -> the function words it may have replaced, from signatures and the thesaurus."""
    table: dict[str, list[_Candidate]] = {}
    function_words = load_function_words()
    for (old, new), sig in load_signatures().items():
        if " " in old or " " in new or not _plausible(old, new, function_words, SIGNATURE_DROP):
            continue
        table.setdefault(new, []).append(_Candidate(old, Reason(
            "signature", f"'{old}' → '{new}' is a known spinner swap ({sig.note})", SIGNATURE_WEIGHT)))
    thesaurus = default_thesaurus()
    for old in sorted(function_words):
        if not old.isalpha():
            continue
        for new in thesaurus.neighbours(old):
            if new.isalpha() and not is_closed_class(new) and _plausible(old, new, function_words):
                text = wrong_sense(thesaurus, old, new, True)
                if text:
                    table.setdefault(new, []).append(_Candidate(old, Reason(
                        "wrong_sense", text, WRONG_SENSE_WEIGHT)))
    return {new: tuple(cands) for new, cands in table.items()}


def with_displaced(table, words) -> dict[str, tuple[_Candidate, ...]]:
    """The candidate table with this text's displaced function words put first (see
    :mod:`unspin.core.displacement`)."""
    pairs = displaced(Counter(m.group().lower() for m in words),
                      Counter(m.group() for m in words if m.group().islower()), len(words))
    if not pairs:
        return table
    table = dict(table)
    for word, (fw, have, want, count) in pairs.items():
        reason = Reason("displaced", describe_displaced(word, fw, have, want, count), DISPLACED_WEIGHT)
        table[word] = (_Candidate(fw, reason),) + table.get(word, ())
    return table


def _candidates(low: str, table) -> tuple[_Candidate, ...]:
    """The originals *low* may stand for: from the table, else as a rare synonym."""
    return table.get(low) or rare_synonym(low)


@lru_cache(maxsize=20_000)
def rare_synonym(word: str) -> tuple[_Candidate, ...]:
    """A very rare word that is a synonym of a common content word (twelvemonth: year,
    macrocosm: world): a spinner's pick that writers do not make. The commonest such word
    is the likely original."""
    low = word.lower()
    if not low.isalpha() or zipf(low) >= RARE_ZIPF or is_closed_class(low):
        return ()
    thesaurus, function_words = default_thesaurus(), load_function_words()
    if any(zipf(base) >= RARE_ZIPF for base, _ in thesaurus.base_forms(low)):
        return ()  # "appends", "midpoints": an inflection splits the frequency of a normal word
    olds = set()
    for sense in thesaurus.senses(low):
        for synset in (sense.synset, *sense.links):
            olds.update(w.lower() for w in thesaurus.synset_lemmas(synset))
    olds = [w for w in olds if w.isalpha() and len(w) > 2 and w not in function_words
            and zipf(w) >= COMMON_ZIPF and zipf(w) - zipf(low) >= RARE_SYNONYM_DROP]
    if not olds:
        return ()
    old = max(olds, key=zipf)
    return (_Candidate(old, Reason("rare_synonym", f"'{low}' is a rare synonym of the common word "
                                   f"'{old}' ({zipf(low):.1f} against {zipf(old):.1f} on the Zipf scale)",
                                   RARE_SYNONYM_WEIGHT)),)


def _plausible(old: str, new: str, function_words: frozenset[str], drop: float = 0.0) -> bool:
    """A function word replaced by a much rarer content word: what a spinner does."""
    return old in function_words and new not in function_words and \
        zipf(new) <= zipf(old) - (drop or MIN_DROP)


__all__ = ["Flag", "ScanResult", "scan", "spin_score"]
