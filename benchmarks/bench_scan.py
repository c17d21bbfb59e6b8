"""Benchmark the offline thesaurus and the single-document scan; prints figures.

- Thesaurus: time to open the database and answer the first lookup, then the mean time
  of a cold lookup (senses of a word not asked before) and of a link test (old, new).
- Candidate table (every word a scan can flag, built once per process).
- Scan of the seed spun copy alone: share of its nan/successful/pinch/astatine/arsenic/
  beryllium/whitethorn/conscionable occurrences flagged with the original the aligned
  comparison gives (alignment artefacts such as of -> successful count as misses).
- Scan of clean prose (the demo original; Python's docstrings, 1.67 MB, from bench_engine's corpus):
  flags per 1,000 words and time.
- Scan of the same docstrings spun by bench_engine's spinner (its table was written for
  the engine benchmark, not for the scan): recall on its function-word swaps.

Usage: python benchmarks/bench_scan.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_engine import load_corpus, spin  # noqa: E402

from unspin.core.compare import compare  # noqa: E402
from unspin.core.documents import load_document  # noqa: E402
from unspin.core.resources import seed_paths  # noqa: E402
from unspin.core.scan import candidate_table, scan  # noqa: E402
from unspin.core.scoring import load_function_words, zipf  # noqa: E402
from unspin.core.thesaurus import Thesaurus  # noqa: E402

SEED_WORDS = {"nan", "successful", "pinch", "astatine", "arsenic", "beryllium", "whitethorn", "conscionable"}


def bench_thesaurus() -> None:
    t = time.perf_counter()
    th = Thesaurus()
    th.senses("at")
    print(f"thesaurus: open + first lookup {1000 * (time.perf_counter() - t):.1f} ms")
    words = sorted(load_function_words())[:200] + ["house", "run", "election", "bank", "light"] * 1
    t = time.perf_counter()
    for w in words:
        th.senses(w)
    print(f"thesaurus: cold senses() lookup {1000 * (time.perf_counter() - t) / len(words):.3f} ms each")
    pairs = [("at", "astatine"), ("big", "large"), ("may", "whitethorn"), ("house", "home"), ("in", "successful")]
    fresh = Thesaurus()
    t = time.perf_counter()
    for old, new in pairs:
        fresh.links(old, new)
    print(f"thesaurus: cold links(old, new) {1000 * (time.perf_counter() - t) / len(pairs):.3f} ms each")
    t = time.perf_counter()
    candidate_table()
    print(f"scan: candidate table {1000 * (time.perf_counter() - t):.0f} ms "
          f"({len(candidate_table())} words), once per process")


def bench_seed() -> None:
    original, spun = (load_document(p) for p in seed_paths())
    c = compare(original, spun)
    truth = {(x, y): s.old.lower() for s in c.swaps if s.kind == "word" and s.new.lower() in SEED_WORDS
             for _, _, x, y in s.occurrences}
    result = scan(spun)
    flags = {(f.start, f.end): f for f in result.flags}
    right = sum(1 for k, v in truth.items() if k in flags and flags[k].original.lower() == v)
    print(f"demo copy alone: {right}/{len(truth)} = {100 * right / len(truth):.1f} % flagged with the "
          f"right original; spin score {result.spin_score:.2f}; {len(result.flags)} flags in {result.words} words")
    clean = scan(original)
    print(f"demo original alone: {len(clean.flags)} flags in {clean.words} words; spin score {clean.spin_score:.2f}")


def bench_docstrings() -> None:
    text = "\n\n".join(load_corpus())
    t = time.perf_counter()
    clean = scan(text)
    dt = time.perf_counter() - t
    print(f"docstrings (clean, {len(text) / 1e6:.2f} MB): {len(clean.flags)} flags in {clean.words:,} words "
          f"= {1000 * len(clean.flags) / clean.words:.3f} per 1,000; spin {clean.spin_score:.3f}; {dt:.2f} s")
    spun, truth, _ = spin(text, seed=1)
    result = scan(spun)
    flags = {(f.start, f.end): f for f in result.flags}
    function_words = load_function_words()
    found = total = 0
    for k in range(0, len(truth), 4):
        a, b, x, y = truth[k:k + 4]
        old, new = text[a:b].lower(), spun[x:y].lower()
        if old in function_words and zipf(new) < zipf(old) - 1.5:
            total += 1
            found += (x, y) in flags and flags[x, y].original.lower() == old
    print(f"docstrings spun by bench_engine's spinner: {found}/{total} = {100 * found / max(1, total):.1f} % of "
          f"function words swapped for much rarer words flagged right; spin score {result.spin_score:.2f}")
    swapped = {(truth[k + 2], truth[k + 3]): text[truth[k]:truth[k + 1]].lower() for k in range(0, len(truth), 4)}
    right = sum(1 for f in result.flags if swapped.get((f.start, f.end)) == f.original.lower())
    print(f"  precision: {right} of {len(result.flags)} flags ({100 * right / max(1, len(result.flags)):.1f} %) "
          f"are swapped words with the right original")


if __name__ == "__main__":
    bench_thesaurus()
    bench_seed()
    bench_docstrings()
