"""Time the evidence report on a spun pair of a given size (default 1 MB of original).

Builds the pair as ``bench_engine.py`` does (Python's documentation, spun with a
synonym table), compares it once, then times each report: HTML (core, no Qt), CSV,
JSON and PDF (Qt's QTextDocument + QPdfWriter, offscreen). Prints sizes and seconds.

Usage::

    python benchmarks/bench_report.py              # 1MB
    python benchmarks/bench_report.py --size 100KB --no-pdf
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_engine import build_original, load_corpus, spin  # noqa: E402

SIZES = {"10KB": 10_000, "100KB": 100_000, "1MB": 1_000_000, "10MB": 10_000_000}


def timed(label: str, make):
    """Run *make*, print its time and output size, return the output."""
    start = time.perf_counter()
    out = make()
    seconds = time.perf_counter() - start
    if isinstance(out, (str, bytes)):
        size = len(out.encode("utf-8") if isinstance(out, str) else out)
        print(f"{label:<18} {seconds:7.2f} s  {size / 1e6:8.2f} MB")
    else:
        print(f"{label:<18} {seconds:7.2f} s")
    return out


def main() -> None:
    """Build the pair, compare it, time every report format."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="1MB")
    parser.add_argument("--no-pdf", action="store_true", help="skip the Qt PDF")
    args = parser.parse_args()
    from unspin.core.compare import CompareOptions, compare
    from unspin.core.documents import Document
    from unspin.core.evidence import to_html
    from unspin.core.report import to_csv, to_json

    old = build_original(load_corpus(), SIZES[args.size], seed=1)
    new, _, _ = spin(old, seed=2)
    c = timed("compare", lambda: compare(Document.from_text(old, "old.txt"),
                                         Document.from_text(new, "new.txt"),
                                         options=CompareOptions(language="en")))
    print(f"{args.size}: {c.stats.old_words:,} words, {c.stats.distinct_swaps:,} distinct swaps, "
          f"{len(c.alignment):,} aligned blocks")
    timed("report HTML", lambda: to_html(c))
    timed("report CSV", lambda: to_csv(c))
    timed("report JSON", lambda: to_json(c))
    if not args.no_pdf:
        from unspin.gui.pdf_report import pdf_bytes
        timed("report PDF (Qt)", lambda: pdf_bytes(c))


if __name__ == "__main__":
    main()
