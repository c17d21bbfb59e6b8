"""Offline thesaurus: WordNet 3.0 senses, synonyms and "similar to" links, read per word.

The data is ``resources/wordnet/thesaurus.sqlite`` (built by
``resources/wordnet/build_thesaurus.py``), opened read-only on first use, so a comparison
that needs no thesaurus pays nothing. Inflected forms are reduced with WordNet's own
"morphy" rules and exception lists (``was`` -> ``be``, ``mice`` -> ``mouse``).

:func:`wrong_sense` explains a swap a spinner's thesaurus produced: the new word is a
synonym of the old one only through a sense that does not fit ("'astatine' is a synonym
of 'at' only as the chemical symbol At").
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from unspin.core.resources import resource_path

POS_NAMES = {"n": "noun", "v": "verb", "a": "adjective", "s": "adjective", "r": "adverb"}
#: A sense is rare when it carries less than this share of its word's tagged uses.
RARE_SHARE = 0.05
#: ... and the word has at least this many tagged uses (else frequencies mean little).
MIN_TAGS = 8
_NOUN_SUBSTANCE = 27
NOUN_TIME = 28  # WordNet's lexicographer file noun.time
#: The database is mapped into memory up to this size (the file is about 5 MB).
MAP_BYTES = 64 << 20

_MORPHY = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


@dataclass(frozen=True)
class Sense:
    """One sense of a word: its synset, part of speech, rank and how often it is used."""

    lemma: str  # the base form looked up
    synset: int
    pos: str  # n, v, a, s (adjective satellite), r
    rank: int  # 1 = the word's most frequent sense in this part of speech
    tags: int  # uses tagged in the SemCor corpus (0 = never seen)
    lemmas: tuple[str, ...]
    links: tuple[int, ...]  # "similar to" synsets
    gloss: str
    lexfile: int

    @property
    def pos_name(self) -> str:
        """'noun', 'verb', 'adjective' or 'adverb'."""
        return POS_NAMES[self.pos]

    def spelled(self, word: str) -> str:
        """The synset's own spelling of *word* ('At' for 'at')."""
        return next((l for l in self.lemmas if l.lower() == word.lower()), word)

    @property
    def is_chemical_symbol(self) -> bool:
        """An element's symbol: 'At' in {astatine, At, atomic number 85}."""
        return self.lexfile == _NOUN_SUBSTANCE and any(l.startswith("atomic number") for l in self.lemmas)


@dataclass(frozen=True)
class Link:
    """How a new word relates to an old one: through which sense, as synonym or similar-to."""

    sense: Sense  # the old word's sense
    relation: str  # "synonym" or "similar"


class Thesaurus:
    """Per-word lookups in the shipped WordNet database (thread-safe, read-only)."""

    def __init__(self, path=None):
        self.path = path or resource_path("wordnet/thesaurus.sqlite")
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.senses = lru_cache(maxsize=50_000)(self._senses)
        self.base_forms = lru_cache(maxsize=50_000)(self._base_forms)
        self.synsets = lru_cache(maxsize=50_000)(self._synsets)
        self._synset = lru_cache(maxsize=50_000)(self._synset_row)

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            if self._db is None:
                # a URI (spaces, '#' and '?' escaped) so the file is opened read-only
                uri = Path(self.path).resolve().as_uri() + "?mode=ro&immutable=1"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
                # mapped into memory: its pages are read without a system call each
                self._db.execute(f"PRAGMA mmap_size = {MAP_BYTES}")
            return self._db.execute(sql, args).fetchall()

    def _base_forms(self, word: str) -> list[tuple[str, str]]:
        """(base form, pos) pairs WordNet knows for *word*, the word itself first (cached as
        ``base_forms``; callers must not change the list). Two queries: the exceptions, and
        every candidate form at once."""
        w = word.lower().replace("’", "'")
        candidates = [(w, pos) for pos in _MORPHY]
        for pos, rules in _MORPHY.items():
            for suffix, ending in rules:
                if w.endswith(suffix) and len(w) > len(suffix) + 1:
                    candidates.append((w[: len(w) - len(suffix)] + ending, pos))
        forms = sorted({form for form, _ in candidates})
        known = set(self._query(f"SELECT DISTINCT form, pos FROM senses WHERE form IN "
                                f"({','.join('?' * len(forms))})", tuple(forms)))
        found = [(w, pos) for pos in ("a", "n", "r", "s", "v") if (w, pos) in known]
        found += self._query("SELECT base, pos FROM exceptions WHERE form = ?", (w,))
        for base, pos in candidates[len(_MORPHY):]:
            if (base, pos) not in found and (base, pos) in known:
                found.append((base, pos))
        return found

    def _senses(self, word: str) -> tuple[Sense, ...]:
        """Every sense of *word* and of its base forms."""
        out = []
        for base, pos in self.base_forms(word):
            rows = self._query("SELECT s.rank, s.synset, s.tags, y.pos, y.lexfile, y.lemmas, y.links,"
                               " y.gloss FROM senses s JOIN synsets y ON y.id = s.synset"
                               " WHERE s.form = ? AND s.pos = ? ORDER BY s.rank", (base, pos))
            for rank, synset, tags, spos, lexfile, lemmas, links, gloss in rows:
                out.append(Sense(base, synset, spos, rank, tags, tuple(lemmas.split("\t")),
                                 tuple(map(int, links.split())), gloss, lexfile))
        return tuple(out)

    def _synsets(self, word: str) -> frozenset[int]:
        """The synsets of every sense of *word* and of its base forms (cached as ``synsets``):
        all :meth:`links` needs of the new word, read without the senses' words and glosses."""
        forms = self.base_forms(word)
        if not forms:
            return frozenset()
        names = sorted({base for base, _ in forms})
        rows = self._query(f"SELECT form, pos, synset FROM senses WHERE form IN "
                           f"({','.join('?' * len(names))})", tuple(names))
        return frozenset(synset for form, pos, synset in rows if (form, pos) in forms)

    def _synset_row(self, synset: int) -> tuple:
        pos, lexfile, lemmas, links, gloss = self._query(
            "SELECT pos, lexfile, lemmas, links, gloss FROM synsets WHERE id = ?", (synset,))[0]
        return pos, lexfile, tuple(lemmas.split("\t")), tuple(map(int, links.split())), gloss

    def synset_lemmas(self, synset: int) -> tuple[str, ...]:
        """The words of one synset."""
        return self._synset(synset)[2]

    def links(self, old: str, new: str) -> list[Link]:
        """Every sense of *old* through which *new* is a synonym or "similar to" word."""
        targets = self.synsets(new)
        if not targets:
            return []
        out = []
        for sense in self.senses(old):
            if sense.synset in targets:
                out.append(Link(sense, "synonym"))
            elif targets.intersection(sense.links):
                out.append(Link(sense, "similar"))
        return out

    def neighbours(self, word: str) -> dict[str, list[Link]]:
        """Every one-word synonym or similar-to word of *word*, with the links to it."""
        out: dict[str, list[Link]] = {}
        for sense in self.senses(word):
            related = [(sense.lemmas, "synonym")] + [(self.synset_lemmas(t), "similar") for t in sense.links]
            for lemmas, relation in related:
                for lemma in lemmas:
                    low = lemma.lower()
                    if " " not in low and low != word.lower():
                        out.setdefault(low, []).append(Link(sense, relation))
        return out


@lru_cache(maxsize=1)
def default_thesaurus() -> Thesaurus:
    """The shipped thesaurus, shared (it opens its file on the first lookup)."""
    return Thesaurus()


def is_rare(sense: Sense, senses: tuple[Sense, ...]) -> bool:
    """Whether *sense* is a rarely used sense of its word."""
    total = sum(s.tags for s in senses)
    return total >= MIN_TAGS and sense.tags / total < RARE_SHARE


def wrong_sense(thesaurus: Thesaurus, old: str, new: str, function_word: bool) -> str | None:
    """Why *new* replacing *old* is a wrong-sense synonym, or None if some link fits.

    A link fits when it goes through a common sense of the old word and, for a function
    word (preposition, article, auxiliary...), through the part of speech WordNet files
    the function under: the word's main one ("have" -> "possess", "is" -> "costs",
    "many" -> "numerous"), or its commoner of adjective and adverb ("like" -> "similar";
    not "in" -> "successful", whose adverb is its preposition). Nouns never fit.
    """
    links = thesaurus.links(old, new)
    if not links:
        return None
    senses = thesaurus.senses(old)
    fitting = [l for l in links if not _misfit(l.sense, senses, function_word)]
    if fitting:
        return None
    best = min(links, key=lambda l: (l.sense.tags == 0, -l.sense.tags, l.sense.rank))
    return describe(old, new, best, function_word)


def _misfit(sense: Sense, senses: tuple[Sense, ...], function_word: bool) -> bool:
    if not function_word:
        return is_rare(sense, senses)
    pos = "a" if sense.pos == "s" else sense.pos
    if pos == "n":
        return True  # "can" -> "tin", "may" -> "whitethorn", "at" -> "astatine"
    main = dominant_pos(senses)
    if pos == "v":  # an auxiliary is its verb: "is" -> "costs" (be priced at), "have" -> "possess"
        return main != "v"
    # WordNet files quantifiers ("many") as adjectives and prepositions as adverbs ("in") or
    # adjectives ("like"): the commoner of the two is the function word's own
    modifier = dominant_pos(tuple(s for s in senses if s.pos in ("a", "s", "r")))
    if pos not in (main, modifier):
        return True  # "in" -> "successful", "just" -> "conscionable": an adjective beside the adverb
    if pos == "a":  # ... through a sense in use: "many" -> "numerous", not "one" -> "matchless"
        return sense.tags == 0 or is_rare(sense, senses)
    return sense.tags == 0 and any(s.tags for s in senses if s.pos == sense.pos)


def dominant_pos(senses: tuple[Sense, ...]) -> str:
    """The part of speech with the most tagged uses (the first listed when none are tagged)."""
    totals: dict[str, int] = {}
    for s in senses:
        pos = "a" if s.pos == "s" else s.pos
        totals[pos] = totals.get(pos, 0) + s.tags
    return max(totals, key=lambda p: totals[p]) if totals else ""


def describe(old: str, new: str, link: Link, function_word: bool) -> str:
    """The reason sentence for a wrong-sense link."""
    sense = link.sense
    how = "a synonym of" if link.relation == "synonym" else "similar to"
    if sense.is_chemical_symbol:
        return f"'{new}' is {how} '{old}' only as the chemical symbol {sense.spelled(old)}"
    meaning = f" ({sense.gloss})" if sense.gloss else ""
    if function_word:
        return (f"'{new}' is {how} '{old}' only as the {sense.pos_name} {sense.spelled(old)}"
                f"{meaning}, not as the function word")
    return f"'{new}' is {how} '{old}' only in a rare sense, the {sense.pos_name}{meaning}"
