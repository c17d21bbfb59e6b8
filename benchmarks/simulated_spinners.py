"""Three simulated spinner families, for the judgement evaluation's synthetic pairs.

Each replaces words of a public-domain text the way a family of real spinners does,
drawing replacements from WordNet for whatever words the text holds (no fixed table):

- ``thesaurus-bot``: any word, function words included, for a synonym of any sense
  (the wrong-sense family: at -> astatine);
- ``synonym-spinner``: content words for a synonym of their commonest sense, leaving
  names and function words (the WordPress auto-spinner family);
- ``name-spinner``: the synonym spinner that also swaps the words of names.

The swaps made are returned as hand labels would be: (old, new) pairs, all spinner swaps.
"""

from __future__ import annotations

import random
import re

from unspin.core.scoring import load_function_words
from unspin.core.thesaurus import default_thesaurus

WORD = re.compile(r"[A-Za-z]+")
FAMILIES = ("thesaurus-bot", "synonym-spinner", "name-spinner")
RATES = {"thesaurus-bot": 0.4, "synonym-spinner": 0.6, "name-spinner": 0.6}
#: (a synonym spinner tries most content words; about one in three has a synonym in its
#: commonest sense, so about one word in ten ends up swapped: a light spin)


def spin(text: str, family: str, seed: int = 0) -> tuple[str, list[tuple[str, str]]]:
    """The spun text and the (old, new) swaps made."""
    rng = random.Random(f"{family}:{seed}")
    function_words = load_function_words()
    out, swaps, pos = [], [], 0
    for m in WORD.finditer(text):
        word = m.group()
        new = _replacement(word, family, rng, function_words, _opens_sentence(text, m.start()))
        out.append(text[pos:m.start()])
        out.append(new or word)
        if new:
            swaps.append((word, new))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), swaps


def _replacement(word, family, rng, function_words, sentence_start) -> str | None:
    low = word.lower()
    name = word[:1].isupper() and not sentence_start
    if rng.random() >= RATES[family] or len(low) < 2:
        return None
    if family == "thesaurus-bot":
        choices = sorted(default_thesaurus().neighbours(low))
    else:
        if low in function_words or (name and family != "name-spinner"):
            return None
        choices = _first_sense_synonyms(low)
    choices = [c for c in choices if c.isalpha() and c != low]
    if not choices:
        return None
    new = rng.choice(choices)
    return new.capitalize() if word[:1].isupper() else new


def _first_sense_synonyms(word: str) -> list[str]:
    senses = default_thesaurus().senses(word)
    if not senses:
        return []
    first = min(senses, key=lambda s: s.rank)
    return sorted({l.lower() for l in first.lemmas if " " not in l})


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\n\"“"
