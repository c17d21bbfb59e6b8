"""A synthetic crawl for the corpus benchmark: originals, their spun copies, decoys on an
original's topic and unrelated pages, written as JSON Lines.

Originals are news-like stories made for this benchmark (so free of any licence): sentences
drawn from a word-level Markov chain over prose paragraphs of Python's own documentation
(bench_engine's corpus; first order, so no passage of it is repeated), with the story's people, places, dates and figures woven in. Each
story has its own cast; a *decoy* is another story with the same cast and new sentences
and figures (a topic shared, not the text). Copies come from the three simulated spinner
families of ``simulated_spinners.py`` (WordNet replacements for whatever words the text
holds, no fixed table), some with a paragraph dropped. Unrelated pages are stories with a
cast of their own and no original.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

from bench_engine import load_corpus
from simulated_spinners import FAMILIES, spin

_SYLLABLES = ("ka", "ri", "mo", "len", "dar", "vi", "so", "tel", "bra", "no", "quin", "zu", "hal", "pe",
              "tor", "mi", "gan", "el", "ros", "fa", "lud", "ve", "sten", "ji", "co", "nar", "wil", "ba")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ROLES = ("minister", "spokesperson", "chief executive", "professor", "mayor", "analyst", "director")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def markov_chain(paragraphs: list[str]) -> dict:
    """Word -> the words that follow it (a first-order chain: it seldom repeats more than a
    word pair of its source, so two stories share no passage by chance)."""
    chain = defaultdict(list)
    for paragraph in paragraphs:
        words = paragraph.split()
        for a, b in zip(words, words[1:]):
            chain[a].append(b)
    return chain


def _sentence(chain: dict, starts: list, rng: random.Random, most: int = 28) -> str:
    a, b = rng.choice(starts)
    words = [a, b]
    while len(words) < most and not words[-1].endswith("."):
        following = chain.get(words[-1])
        if not following:
            break
        words.append(rng.choice(following))
    text = " ".join(words).rstrip(",;:")
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")


def story(chain, starts, cast: dict, rng: random.Random, paragraphs: int = 4) -> str:
    """A news-like story about *cast* (people, places)."""
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            s = _sentence(chain, starts, rng)
            person, place = rng.choice(cast["people"]), rng.choice(cast["places"])
            figure = rng.choice((f"{rng.randint(2, 980)} percent", f"{rng.randint(11, 9000):,} people",
                                 f"${rng.randint(2, 900)} million", f"in {rng.randint(1990, 2026)}"))
            s = rng.choice((f"{s[:-1]}, {person} said on {rng.choice(_WEEKDAYS)}.",
                            f"In {place}, {s[0].lower()}{s[1:]}",
                            f"{s[:-1]} ({figure}).",
                            f"{person}, the {rng.choice(_ROLES)} of {place}, said {figure} {s[0].lower()}{s[1:]}"))
            sentences.append(s)
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def cast_of(rng: random.Random) -> dict:
    people = [f"{_name(rng)} {_name(rng)}" for _ in range(rng.randint(2, 4))]
    return {"people": people, "places": [_name(rng) for _ in range(2)]}


def build(folder: Path, documents: int, seed: int = 11) -> dict:
    """Write ``originals.jsonl`` and ``crawl.jsonl`` in *folder* (together *documents*
    documents: 30 % originals, 45 % spun copies, 10 % decoys, 15 % unrelated); return the
    truth {crawl id: original id or ""}."""
    rng = random.Random(seed)
    paragraphs = [p for p in load_corpus() if len(p.split()) >= 8]
    chain = markov_chain(paragraphs)
    starts = [tuple(p.split()[:2]) for p in paragraphs]
    n_originals = int(documents * 0.30)
    n_copies, n_decoys = int(documents * 0.45), int(documents * 0.10)
    n_unrelated = documents - n_originals - n_copies - n_decoys
    truth, casts, texts = {}, [], []
    with open(folder / "originals.jsonl", "w", encoding="utf-8") as originals, \
            open(folder / "crawl.jsonl", "w", encoding="utf-8") as crawl:
        for k in range(n_originals):
            cast = cast_of(rng)
            casts.append((f"o{k}", cast))
            texts.append(story(chain, starts, cast, rng))
            originals.write(json.dumps({"id": f"o{k}", "text": texts[-1]}) + "\n")
        for k in range(n_copies):
            source = rng.randrange(n_originals)
            text, _ = spin(texts[source], FAMILIES[k % len(FAMILIES)], seed=k)
            if rng.random() < 0.25:  # a paragraph dropped
                parts = text.split("\n\n")
                parts.pop(rng.randrange(len(parts)))
                text = "\n\n".join(parts)
            _write(crawl, f"c{k}", text, truth, f"o{source}")
        for k in range(n_decoys):
            _write(crawl, f"d{k}", story(chain, starts, casts[rng.randrange(n_originals)][1], rng), truth, "")
        for k in range(n_unrelated):
            _write(crawl, f"u{k}", story(chain, starts, cast_of(rng), rng), truth, "")
    return truth


def _write(fh, key: str, text: str, truth: dict, original: str) -> None:
    fh.write(json.dumps({"id": key, "text": text}) + "\n")
    truth[key] = original
