"""Scan evidence from grammar a spinner breaks: it swaps a word and never fixes its neighbours.

- **An article that no longer fits**: "a international", "an space", "a earlier". The
  writer chose "a" or "an" for the word that followed ("a global", "an area", "a
  previous"); the spinner put a word beginning with the other kind of sound after it.
  Professional copy hardly ever has this slip; spun copy has it wherever a swapped word
  starts with the other kind of letter.
- **A pair collapsed into one word**: "symptoms and symptoms", "colon and colon". A
  spinner that maps both words of a pair ("signs and symptoms", "colon and rectum") to the
  same synonym writes a noun joined to itself, which no writer does unless what follows
  tells the two apart ("targets and targets that are defended"); emphatic repetition
  such as "again and again", "better and better" or "miles and miles of" is left alone.

- **Spintax left in the text**: "{web|the net}". Spinning software writes its synonym
  groups in spin syntax, alternatives between pipes in curly braces, and picks one of
  each group when it publishes (documented by the tools' makers, e.g.
  https://docs.seoneo.io/additional-information/glossary/spintax-format); a group left
  unexpanded is the tool's own input showing through.

None says which word the writer had, so a finding's likely original is ``UNKNOWN``.
Each finding is ``(start, end, likely original, reason)`` like the other scan findings.
"""

from __future__ import annotations

import regex

from unspin.core.scoring import load_function_words, zipf
from unspin.core.swaps import Reason
from unspin.core.thesaurus import default_thesaurus, dominant_pos

SLIP_WEIGHT = 0.75
SPINTAX_WEIGHT = 0.9
#: Shown as the likely original when the slip does not tell which word was replaced.
UNKNOWN = "…"
#: A word this common (Zipf scale) is a real word, not an abbreviation or a typing slip.
KNOWN_WORD = 2.5
#: Words after "a" that begin with a vowel letter but sound a consonant ("a one-off",
#: "a euro", "a ewe").
_CONSONANT_SOUND = ("one", "once", "eu", "ewe")

_ARTICLE_RE = regex.compile(r"(?<![\p{L}\p{N}'’-])([Aa]n?)[ \t]+(\p{Ll}+)(?![\p{L}\p{N}'’-])")
_REPEAT_RE = regex.compile(r"(?<![\p{L}\p{N}'’-])(?P<pair>(?P<word>\p{Ll}{3,})[ \t]+(?:and|or)[ \t]+"
                           r"(?P=word))(?![\p{L}\p{N}'’-])(?:[ \t]+(?P<after>\p{L}+))?")


_SPINTAX_RE = regex.compile(r"\{[\p{L}' ]{1,60}(?:\|[\p{L}' ]{1,60})+\}")


def slip_findings(text: str) -> list[tuple[int, int, str, Reason]]:
    """Every article that no longer fits its word, every noun joined to itself and every
    group of spintax left in the text."""
    return sorted(_article_slips(text) + _collapsed_pairs(text) + _spintax(text))


def _spintax(text: str) -> list[tuple[int, int, str, Reason]]:
    return [(m.start(), m.end(), UNKNOWN, Reason("spintax", (
        f"'{m.group()}' is spin syntax (alternatives between pipes in curly braces) left"
        " unexpanded: the input of spinning software showing through"), SPINTAX_WEIGHT))
        for m in _SPINTAX_RE.finditer(text) if any(c.isalpha() for c in m.group())]


def _article_slips(text: str) -> list[tuple[int, int, str, Reason]]:
    out = []
    function_words = load_function_words()
    for match in _ARTICLE_RE.finditer(text):
        article, word = match.group(1).lower(), match.group(2)
        if zipf(word) < KNOWN_WORD or word in function_words:
            continue  # "if a is None": a variable, not an article
        vowel = word[0] in "aeio" and not word.startswith(_CONSONANT_SOUND)
        consonant = word[0] in "bcdfgjklmnpqrstvwxyz"
        if (article == "a" and vowel) or (article == "an" and consonant):
            needed = "an" if article == "a" else "a"
            out.append((match.start(2), match.end(2), UNKNOWN, Reason("slip", (
                f"'{match.group(1)} {word}': the article was written for another word (this one"
                f" takes '{needed}'); a spinner swaps a word and leaves its article"), SLIP_WEIGHT)))
    return out


def _collapsed_pairs(text: str) -> list[tuple[int, int, str, Reason]]:
    out = []
    function_words = load_function_words()
    for match in _REPEAT_RE.finditer(text):
        word, after = match.group("word"), (match.group("after") or "").lower()
        if word in function_words or after in function_words or after == "again":
            continue  # "targets and targets that are defended": the second is a different kind
        if dominant_pos(default_thesaurus().senses(word)) != "n":
            continue  # "better and better", "wait and wait": emphasis, not a pair of nouns
        phrase = match.group("pair")
        out.append((match.start("pair"), match.end("pair"), UNKNOWN, Reason("slip", (
            f"'{phrase}' joins a noun to itself: a spinner mapped both words of a pair (such as"
            " 'signs and symptoms') to the same synonym"), SLIP_WEIGHT)))
    return out


__all__ = ["slip_findings", "UNKNOWN"]
