"""The command line end to end, as a user runs it, against GNU wdiff and git's word diff.

    python benchmarks/bench_cli.py [--sizes demo 100KB 1MB 10MB 100MB] [--runs 3]

For each size a spun pair is built from real English prose (bench_engine.py's corpus of
Python's own documentation): a quarter of the words are swapped for words drawn at random
from the text's own vocabulary (not a fixed table), and a few paragraphs are split or
merged; every swap's spans are kept as ground truth. Each tool then runs as a new process
on the two files, its output written to a file:

- ``unspin compare A B --format json -o out`` and ``--format text``;
- ``wdiff A B`` (GNU wdiff, markers as bench_engine.py reads them);
- ``git diff --no-index --word-diff=porcelain A B``.

Printed per size: the median wall time of the runs (process start included), the ratio to
wdiff, the peak memory of the whole process tree (PSS of the process and its children,
sampled every 10 ms), and for Unspin's JSON and wdiff the recall and precision of the
ground-truth word swaps.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import (SIZES, SWAP_RATE, WORD_RE, build_original, load_corpus,  # noqa: E402
                          paragraph_edits, wdiff_swaps)
from bench_memory import process_tree, pss_mb  # noqa: E402

TOOLS = {
    # --max-size: the 100 MB pair is over the default cap of 64 MB a text
    "unspin json": lambda a, b, out: [sys.executable, "-m", "unspin", "compare", a, b,
                                      "--format", "json", "-o", out, "--max-size", "512"],
    "unspin text": lambda a, b, out: [sys.executable, "-m", "unspin", "compare", a, b,
                                      "--format", "text", "-o", out, "--max-size", "512"],
    "wdiff": lambda a, b, out: ["wdiff", "-w", "[-", "-x", "-]", "-y", "{+", "-z", "+}", a, b],
    "git word-diff": lambda a, b, out: ["git", "diff", "--no-index", "--word-diff=porcelain", a, b],
}


def vocabulary_spin(text: str, seed: int) -> tuple[str, set]:
    """The text with SWAP_RATE of its words swapped for other words of its own vocabulary,
    some paragraphs split or merged; and the swaps' spans."""
    rng = random.Random(seed)
    words = list(WORD_RE.finditer(text))
    vocabulary = sorted({m.group().lower() for m in words if len(m.group()) > 2})
    edits = []
    for m in rng.sample(words, round(SWAP_RATE * len(words))):
        new = rng.choice(vocabulary)
        if new == m.group().lower():
            continue
        new = new.capitalize() if m.group()[0].isupper() else new
        edits.append((m.start(), m.end(), new, True))
    pieces, truth, last, shift = [], set(), 0, 0
    for start, end, repl, is_word in sorted(edits + paragraph_edits(text, rng)):
        if start < last:
            continue  # a split inside a swapped word's span: skip it
        pieces.append(text[last:start])
        if is_word:
            truth.add((start, end, start + shift, start + shift + len(repl)))
        pieces.append(repl)
        shift += len(repl) - (end - start)
        last = end
    pieces.append(text[last:])
    return "".join(pieces), truth


def run(command: list[str], stdout_path: str) -> tuple[float, float]:
    """Wall time and peak PSS (MB) of *command* and all its children."""
    with open(stdout_path, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE,
                             env={**os.environ, "LC_ALL": "C.UTF-8"})
        peak = 0.0
        while p.poll() is None:
            peak = max(peak, sum(pss_mb(pid) for pid in process_tree(p.pid)))
            time.sleep(0.01)
        seconds = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{command[0]} failed: {p.stderr.read().decode(errors='replace')}")
    return seconds, peak


def unspin_found(path: str) -> set:
    """Word-swap occurrences in Unspin's JSON output, as span quadruples."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {(o["old"][0], o["old"][1], o["new"][0], o["new"][1])
            for s in data["swaps"] if s["kind"] == "word" for o in s["occurrences"]}


def accuracy(found: set, truth: set) -> str:
    hits = len(found & truth)
    return f"recall {100 * hits / len(truth):.2f} %, precision {100 * hits / max(1, len(found)):.2f} %"


def measure(size: str, runs: int, folder: Path) -> None:
    old = build_original(load_corpus(), SIZES[size], seed=3)
    new, truth = vocabulary_spin(old, seed=5)
    a, b = folder / "old.txt", folder / "new.txt"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    print(f"\n{size}: {len(WORD_RE.findall(old)):,} words, {len(truth):,} swaps")
    rows = {}
    for name, make in TOOLS.items():
        if shutil.which(make("", "", "")[0]) is None:
            print(f"  {name}: not installed")
            continue
        out = str(folder / f"{name.replace(' ', '_')}.out")
        timings = [run(make(str(a), str(b), out), str(folder / "stdout")) for _ in range(runs)]
        if name == "wdiff":
            shutil.copy(folder / "stdout", out)
        rows[name] = (statistics.median(t for t, _ in timings), max(m for _, m in timings), out)
    base = rows.get("wdiff", (None,))[0]
    for name, (seconds, peak, out) in rows.items():
        ratio = f"{seconds / base:5.2f} x wdiff" if base else ""
        extra = ""
        if name == "unspin json":
            extra = accuracy(unspin_found(out), truth)
        elif name == "wdiff":
            extra = accuracy(wdiff_swaps(Path(out).read_text(encoding="utf-8", errors="replace"), old, new), truth)
        print(f"  {name:<14} {seconds:7.3f} s  {ratio:>13}  peak {peak:7.1f} MB  {extra}")


def measure_demo(runs: int, folder: Path) -> None:
    """The demo pair, where start-up is all: against an empty Python process."""
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("0*.txt"))
    old, new = str(seeds[1]), str(seeds[0])
    out = str(folder / "demo.out")
    print(f"\ndemo pair ({seeds[1].name} -> {seeds[0].name})")
    base = statistics.median(run([sys.executable, "-c", "pass"], out)[0] for _ in range(runs))
    print(f"  {'python -c pass':<14} {base:7.3f} s")
    for name in ("unspin json", "unspin text", "wdiff"):
        command = TOOLS[name](old, new, out)
        if shutil.which(command[0]) is None:
            continue
        timings = [run(command, str(folder / "stdout")) for _ in range(runs)]
        seconds = statistics.median(t for t, _ in timings)
        print(f"  {name:<14} {seconds:7.3f} s  {seconds / base:5.1f} x python -c pass"
              f"  peak {max(m for _, m in timings):6.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["demo", "100KB", "1MB", "10MB"],
                        choices=["demo", *SIZES])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # what pip does when it installs the package: without byte code every run would compile
    # Unspin's modules again (this machine sets PYTHONDONTWRITEBYTECODE)
    import unspin

    compileall.compile_dir(Path(unspin.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            if size == "demo":
                measure_demo(args.runs, Path(tmp))
                continue
            measure(size, args.runs, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
