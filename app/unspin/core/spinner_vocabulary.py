"""Evidence a text alone gives of two spinner families that swap content words.

- **Phrase fingerprints** (``resources/phrase_fingerprints.tsv``, entries marked ``scan``):
  phrases no writer uses in their own right ("counterfeit consciousness").
- **A spinner's vocabulary**: a synonym spinner picks, for a common word, the same less
  common synonym every time ("people" -> "folks", "said" -> "mentioned"). One such word
  means nothing; a text that uses several of them and never the word each stands for reads
  as the spinner's output. The pairs are the spinner swaps observed in public spun copies
  (``resources/spinner_signatures.tsv``).

Each finding is ``(start, end, likely original, reason)``.
"""

from __future__ import annotations

from collections import defaultdict

from unspin.core.fingerprints import find_in_text
from unspin.core.scoring import load_signatures, zipf
from unspin.core.swaps import Reason

FINGERPRINT_WEIGHT = 0.9
VOCABULARY_WEIGHT = 0.8
#: A text shows a spinner's vocabulary with at least this many distinct such words (a
#: short text: one per WORDS_PER_DISTINCT words, and two at least) ...
MIN_DISTINCT = 4
WORDS_PER_DISTINCT = 50
#: ... and at least one in this many words.
WORDS_PER_SIGN = 100
#: A signature's word counts only when it is rarer than the word it stands for by this
#: much (Zipf points): "home" for "house" or "locations" for "places" is an editor's choice
#: as often as a spinner's; "folks" for "people" (1.4) and "stated" for "said" (1.2) are not.
MIN_DROP = 0.8


def fingerprint_findings(text: str) -> list[tuple[int, int, str, Reason]]:
    """Every scan-safe phrase fingerprint in *text*."""
    return [(start, end, fp.original, Reason("fingerprint", fp.describe(), FINGERPRINT_WEIGHT))
            for start, end, fp in find_in_text(text)]


def vocabulary_findings(words) -> list[tuple[int, int, str, Reason]]:
    """Occurrences of spinner-vocabulary words, when the text shows enough of them.
    *words* are regex matches of the text's words, in order."""
    present = {m.group().lower() for m in words}
    signs = defaultdict(list)
    for (old, new), sig in load_signatures().items():
        if " " in old or " " in new or old in present or zipf(old) - zipf(new) < MIN_DROP:
            continue
        signs[new].append(old)
    found = [(m, signs[m.group().lower()]) for m in words if m.group().lower() in signs]
    distinct = {m.group().lower() for m, _ in found}
    if len(distinct) < min(MIN_DISTINCT, max(2, len(words) // WORDS_PER_DISTINCT)) \
            or len(found) * WORDS_PER_SIGN < len(words):
        return []
    examples = ", ".join(sorted(distinct)[:6])
    out = []
    for m, olds in found:
        old = max(olds, key=zipf)
        text = (f"'{m.group()}' is the word a synonym spinner was seen to put for '{old}', and this"
                f" text never writes '{old}'; it has {len(distinct)} such words ({examples})")
        out.append((m.start(), m.end(), old, Reason("vocabulary", text, VOCABULARY_WEIGHT)))
    return out
