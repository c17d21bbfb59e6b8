"""Benchmark ``unspin batch``: one 2,000-word article against 50 copies, ranked (and a
20,000-word one, where worker processes pay for their start-up).

The article is built offline from Python's own documentation (the corpus of
``bench_engine.py``). The copies are of three families, each with its own seed:

- heavily spun: 15-35 % of words swapped by a spinner-style table (the → nan, in → successful);
- lightly spun: 3-8 % of words swapped the same way;
- legitimately edited: reworded sentences (ordinary synonyms of content words), updated
  figures, an added paragraph, a removed paragraph, house-style changes (spelling
  variants, "e.g." → "for example", contractions).

The copies are ranked with one process and with every core, each timed from loading the
original to the finished ranking, worker start-up included, and by the ``unspin batch``
command in a new process; the best and median of a few runs are printed (no limits are
asserted), and so is whether the ranking puts every spun copy above every
legitimately edited one.

Usage::

    python benchmarks/bench_batch.py [--copies 50] [--words 2000,20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_engine  # noqa: E402  (the corpus and the spinner table)

from unspin.core.batch import rank_copies  # noqa: E402
from unspin.core.documents import load_document  # noqa: E402

SEED = 20261122
HOUSE_STYLE = {"e.g.": "for example", "i.e.": "that is", "cannot": "can not", "behavior": "behaviour",
               "color": "colour", "initialize": "initialise", "don't": "do not",
               "isn't": "is not", "Note that": "Note:", "optional": "not required"}
ORDINARY = {w: r for w, r in bench_engine.SYNONYMS.items()
            if list(bench_engine.SYNONYMS).index(w) > list(bench_engine.SYNONYMS).index("whether")}
SPINNER = {w: r for w, r in bench_engine.SYNONYMS.items()
           if list(bench_engine.SYNONYMS).index(w) <= list(bench_engine.SYNONYMS).index("however")}


@functools.lru_cache(maxsize=1)
def _corpus() -> tuple[str, ...]:
    return tuple(bench_engine.load_corpus())


def article(words: int) -> tuple[str, list[str]]:
    """An original of about *words* words, and the unused corpus paragraphs (for additions)."""
    corpus = list(_corpus())
    rng = random.Random(SEED)
    rng.shuffle(corpus)
    chosen, count = [], 0
    while count < words:
        paragraph = corpus.pop()
        chosen.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(chosen) + "\n", corpus


def spun(text: str, rate: float, rng: random.Random) -> str:
    """*text* with *rate* of its words swapped by the spinner table (case kept)."""
    words = list(bench_engine.WORD_RE.finditer(text))
    candidates = [m for m in words if m.group().lower() in SPINNER]
    chosen = rng.sample(candidates, min(len(candidates), round(rate * len(words))))
    return _apply(text, [(m.start(), m.end(), _cased(SPINNER[m.group().lower()], m.group()))
                         for m in chosen])


def edited(text: str, spare: list[str], rng: random.Random) -> str:
    """*text* edited as a newsroom would: rewording, figures, a paragraph more and one less,
    house style."""
    paragraphs = text.strip("\n").split("\n\n")
    for _ in range(3):  # reword a few sentences with ordinary synonyms
        k = rng.randrange(len(paragraphs))
        paragraphs[k] = re.sub(r"\b[a-z]+\b", lambda m: ORDINARY.get(m.group(), m.group())
                               if rng.random() < 0.5 else m.group(), paragraphs[k])
    paragraphs.insert(rng.randrange(len(paragraphs)), f"Updated in {rng.randint(2020, 2026)}: "
                      f"{rng.randint(3, 97)} of the {rng.randint(100, 900)} cases were checked again.")
    paragraphs.insert(rng.randrange(len(paragraphs)), rng.choice(spare))
    del paragraphs[rng.randrange(len(paragraphs))]
    result = "\n\n".join(paragraphs) + "\n"
    for old, new in HOUSE_STYLE.items():
        result = result.replace(old, new)
    return re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), result)


def _apply(text: str, edits) -> str:
    pieces, last = [], 0
    for start, end, repl in sorted(edits):
        pieces += [text[last:start], repl]
        last = end
    return "".join(pieces) + text[last:]


def _cased(word: str, model: str) -> str:
    return word[0].upper() + word[1:] if model[0].isupper() else word


def build_copies(folder: Path, original: str, spare: list[str], n: int) -> dict[str, str]:
    """Write *n* copies into *folder*; returns each path's family."""
    rng = random.Random(SEED + 1)
    families = {}
    for k in range(n):
        family = ("heavy", "light", "edited")[k % 3]
        if family == "heavy":
            text = spun(original, rng.uniform(0.15, 0.35), rng)
        elif family == "light":
            text = spun(original, rng.uniform(0.03, 0.08), rng)
        else:
            text = edited(original, spare, rng)
        path = folder / f"copy_{k:03d}_{family}.txt"
        path.write_text(text, encoding="utf-8")
        families[str(path)] = family
    return families


def timed_ranking(original_path: Path, copies: list[str], jobs: int):
    """Rank and time from the original's path, as ``unspin batch`` does."""
    started = time.perf_counter()
    result = rank_copies(load_document(original_path), copies, jobs=jobs)
    return result, time.perf_counter() - started


def timed_command(original_path: Path, folder: Path) -> float:
    """Seconds for ``unspin batch ORIGINAL FOLDER`` in a new process, as a user runs it."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "unspin", "batch", str(original_path), str(folder),
                    "--format", "csv", "-o", os.devnull], check=True)
    return time.perf_counter() - started


def report(result, families: dict[str, str]) -> None:
    """Print the families' score ranges and whether spun copies rank above edited ones."""
    ranks = {family: [] for family in ("heavy", "light", "edited")}
    scores = {family: [] for family in ranks}
    for rank, row in enumerate(result.rows, 1):
        ranks[families[row.path]].append(rank)
        scores[families[row.path]].append(row.spin_score)
    print(f"{'family':<8} {'copies':>6} {'spin min':>9} {'spin max':>9} {'mean rank':>10}")
    for family in ranks:
        if scores[family]:
            print(f"{family:<8} {len(scores[family]):>6} {min(scores[family]):>9.3f} "
                  f"{max(scores[family]):>9.3f} {statistics.mean(ranks[family]):>10.1f}")
    spun_ranks = ranks["heavy"] + ranks["light"]
    separated = not ranks["edited"] or max(spun_ranks) < min(ranks["edited"])
    heavy_first = max(ranks["heavy"]) < min(ranks["light"])
    print(f"every spun copy ranked above every edited copy: {'yes' if separated else 'NO'}")
    print(f"every heavily spun copy ranked above every lightly spun one: {'yes' if heavy_first else 'NO'}")


def main(argv=None) -> None:
    """Build the copies, rank them with 1 process and with every core, print the figures."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--copies", type=int, default=50)
    p.add_argument("--words", default="2000,20000",
                   help="article sizes in words, comma-separated (2,000 and 20,000)")
    p.add_argument("--repeat", type=int, default=3, help="runs per setting; the best and the median are printed")
    args = p.parse_args(argv)
    for words in (int(w) for w in args.words.split(",")):
        bench(words, args)
        print()


def bench(words: int, args) -> None:
    """One article size: build, rank with 1 process and every core, print."""
    text, spare = article(words)
    with tempfile.TemporaryDirectory(prefix="unspin-batch-") as tmp:
        folder = Path(tmp)
        original_path = folder / "original.txt"
        original_path.write_text(text, encoding="utf-8")
        families = build_copies(folder, text, spare, args.copies)
        copies = sorted(families)
        print(f"original: {len(text.split()):,} words; {len(copies)} copies; "
              f"{os.cpu_count()} cores")
        for jobs in (1, os.cpu_count() or 1):
            times = []
            for _ in range(args.repeat):
                result, seconds = timed_ranking(original_path, copies, jobs)
                times.append(seconds)
            best = min(times)
            label = f"{jobs} process{'es' if jobs > 1 else ''}"
            print(f"{label:<12}: best {best:6.2f} s, median {statistics.median(times):6.2f} s of "
                  f"{args.repeat} ({1000 * best / len(copies):.1f} ms a copy, "
                  f"{len(copies) / statistics.median(times):.0f} copies/s), {len(result.rows)} ranked, "
                  f"{len(result.skipped)} skipped")
        times = [timed_command(original_path, folder) for _ in range(args.repeat)]
        median = statistics.median(times)
        print(f"{'unspin batch':<12}: best {min(times):6.2f} s, median {median:6.2f} s, "
              f"{len(copies) / median:.0f} copies/s (the whole command in a new process, "
              f"interpreter start-up included)")
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} (other work on the cores "
              "slows the parallel run most)")
        report(result, families)


if __name__ == "__main__":
    main()
