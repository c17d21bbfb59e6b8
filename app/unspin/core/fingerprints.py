"""Phrase fingerprints: multi-word artefacts that particular spinner families leave.

Each row of ``resources/phrase_fingerprints.tsv`` gives the phrase a writer wrote, the
phrase a spinner made of it, the spinner family, whether the spun phrase alone is evidence
(``scan``: no writer uses it in its own right, so a text may be flagged without its
original), the public source where it was documented or observed, and its licence.

In a comparison a swap that turns the original phrase into the spun one (or a word of
it into the spun word) is a fingerprint; a scan looks for the spun phrases marked ``yes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re

from unspin.core.resources import read_table
from unspin.core.swaps import normalize


@dataclass(frozen=True)
class Fingerprint:
    """A spinner's phrase, what it stands for and where it was documented."""

    original: str
    spun: str
    family: str
    scan: bool  # the spun phrase alone is evidence
    source: str
    licence: str = ""

    def describe(self) -> str:
        """The reason sentence, naming the family and the source."""
        family = FAMILY_NAMES.get(self.family, self.family)
        return (f"'{self.spun}' for '{self.original}' is a known artefact of {family}"
                f" (documented in {self.source})")


FAMILY_NAMES = {
    "tortured-phrases": "tortured-phrase paraphrasing tools",
    "wordpress-spinner": "a WordPress auto-spinner",
    "thesaurus-bot": "a WordNet thesaurus spinner",
    "article-rewriter": "online article rewriters",
    "round-trip-translation": "round-trip machine translation",
}


@lru_cache(maxsize=1)
def fingerprints() -> tuple[Fingerprint, ...]:
    """Every phrase fingerprint in the shipped table."""
    rows = []
    for row in read_table("phrase_fingerprints.tsv"):
        original, spun, family, scan, source, licence = (row + [""] * 6)[:6]
        rows.append(Fingerprint(original.strip(), spun.strip(), family.strip(),
                                scan.strip() == "yes", source.strip(), licence.strip()))
    return tuple(rows)


@lru_cache(maxsize=1)
def by_pair() -> dict[tuple[str, str], Fingerprint]:
    """Fingerprints keyed by normalised (original, spun) text, and by the one word that
    differs where the phrases differ in one word only ("year" -> "yr" in "first yr")."""
    table = {}
    for fp in fingerprints():
        table[normalize(fp.original), normalize(fp.spun)] = fp
        old_words, new_words = normalize(fp.original).split(), normalize(fp.spun).split()
        changed = [(o, n) for o, n in zip(old_words, new_words) if o != n]
        if len(old_words) == len(new_words) and len(changed) == 1:
            table.setdefault(changed[0], fp)
    return table


def match_swap(old: str, new: str) -> Fingerprint | None:
    """The fingerprint a swap of *old* by *new* reproduces, if any."""
    return by_pair().get((normalize(old), normalize(new)))


@lru_cache(maxsize=1)
def _scan_pattern() -> tuple[re.Pattern, dict[str, Fingerprint]]:
    """One pattern for every scan-safe phrase (the standard library's re: a 1 MB text in
    0.15 s, the regex module takes 0.24 s)."""
    phrases = {normalize(fp.spun): fp for fp in fingerprints() if fp.scan}
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+")
                            for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), phrases


def find_in_text(text: str) -> list[tuple[int, int, Fingerprint]]:
    """``(start, end, fingerprint)`` of every scan-safe spun phrase in *text*."""
    pattern, phrases = _scan_pattern()
    if not phrases:
        return []
    found = []
    for m in pattern.finditer(text):
        fp = phrases.get(normalize(m.group()))
        if fp is not None:
            found.append((m.start(), m.end(), fp))
    return found
