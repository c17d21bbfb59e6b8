"""How spun one scanned document looks, as a score and a one-line verdict, from its flags."""

from __future__ import annotations

import math

from unspin.core.slips import UNKNOWN

#: Each phrase fingerprint leaves this share of the doubt ...
FINGERPRINT_LEFT = 0.6
#: ... and each fixed phrase with a word swapped, or grammar slip, this share.
COLLOCATION_LEFT = 0.8
#: ... when the text has one in this many words at least (in a long text a few are slips of
#: the pen, counted by their density only).
WORDS_PER_SLIP = 250
#: Flag density (score-weighted, per word) at which the spin score reaches 1 - 1/e.
SPIN_DENSITY_SCALE = 0.02


def spin_score(flags, words: int) -> float:
    """How strongly the text looks spun, in [0, 1]: the density of flagged words, and each
    documented phrase fingerprint on its own (one tortured phrase is no writer's choice: one
    makes a text possibly spun, two likely)."""
    if not words:
        return 0.0
    weighted = sum(f.score * f.score for f in flags)
    density = 1.0 - math.exp(-(weighted / words) / SPIN_DENSITY_SCALE)
    phrases = sum(1 for f in flags if f.reasons[0].code in ("fingerprint", "spintax"))
    pairs = sum(1 for f in flags if f.reasons[0].code in ("collocation", "slip"))
    pairs = pairs if pairs * WORDS_PER_SLIP >= words else 0
    return round(1.0 - (1.0 - density) * FINGERPRINT_LEFT ** phrases * COLLOCATION_LEFT ** pairs, 3)


def scan_verdict(flags, words: int, spin: float) -> str:
    """A one-line verdict on one document."""
    if not flags:
        return f"No sign of a spinner in {words:,} words."
    distinct = dict.fromkeys(f"“{f.word.lower()}”" + (f" (for “{f.original.lower()}”)" if f.original != UNKNOWN else "")
                             for f in flags)
    examples = ", ".join(list(distinct)[:3])
    per_k = 1000 * len(flags) / max(1, words)
    if spin >= 0.6:
        return (f"Likely spun: {len(flags)} words look like spinner swaps ({per_k:.0f} per 1,000 words),"
                f" e.g. {examples}.")
    if spin >= 0.3:
        return f"Possibly spun: {len(flags)} words look like spinner swaps, e.g. {examples}."
    return f"Little sign of a spinner: {len(flags)} odd word{'s' if len(flags) > 1 else ''}, e.g. {examples}."


__all__ = ["scan_verdict", "spin_score"]
