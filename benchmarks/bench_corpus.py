"""``unspin match`` over a synthetic crawl, end to end on a local Dask cluster.

    python benchmarks/bench_corpus.py [--documents 1000 10000 100000] [--workers 2]

For each size a crawl is built (synthetic_corpus.py: 30 % originals, 45 % spun copies from
three simulated spinner families, 10 % decoys sharing an original's cast, 15 % unrelated
pages) and ``unspin match originals.jsonl crawl.jsonl -o matches.csv`` runs as a new
process. Printed: documents/s (the whole crawl, process start included), the share of spun
copies matched to their own original, false matches (a decoy or unrelated page matched to
anything, or a copy matched to the wrong original) over all crawl pages, and the peak
memory (PSS) of the biggest single process (a worker) and of all processes together,
sampled every 0.2 s. Then a paper estimate for 10 million pages on a cluster.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_memory import process_tree, pss_mb  # noqa: E402
from synthetic_corpus import build  # noqa: E402


def watch(process: subprocess.Popen, peaks: dict) -> None:
    """Record the peak PSS of every process in *process*'s tree, and of all together."""
    while process.poll() is None:
        tree = process_tree(process.pid)
        sizes = {pid: pss_mb(pid) for pid in tree}
        for pid, size in sizes.items():
            peaks[pid] = max(peaks.get(pid, 0.0), size)
        peaks["all"] = max(peaks.get("all", 0.0), sum(sizes.values()))
        time.sleep(0.2)


def measure(documents: int, workers: int, folder: Path) -> None:
    started = time.monotonic()
    truth = build(folder, documents)
    built = time.monotonic() - started
    out = folder / "matches.csv"
    command = [sys.executable, "-m", "unspin", "match", str(folder / "originals.jsonl"),
               str(folder / "crawl.jsonl"), "-o", str(out), "--workers", str(workers), "--quiet"]
    peaks: dict = {}
    started = time.monotonic()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    watcher = threading.Thread(target=watch, args=(process, peaks), daemon=True)
    watcher.start()
    _, err = process.communicate()
    seconds = time.monotonic() - started
    watcher.join()
    if process.returncode != 0:
        print(f"{documents:,} documents: unspin match failed ({process.returncode}): {err.strip()[-500:]}")
        return
    found = _read(out)
    copies = [k for k, v in truth.items() if v]
    right = sum(found.get(k) == truth[k] for k in copies)
    false = sum(1 for k, v in found.items() if v and v != truth.get(k))
    per_process = max((v for k, v in peaks.items() if k != "all"), default=0.0)
    print(f"{documents:,} documents ({len(truth):,} crawled, {len(copies):,} spun copies; corpus built in "
          f"{built:.0f} s): {seconds:.1f} s, {len(truth) / seconds:,.1f} crawled pages/s "
          f"({documents / seconds:,.1f} documents/s with the originals indexed); "
          f"copies matched to their original {100 * right / len(copies):.2f} %; false matches "
          f"{false} ({100 * false / len(truth):.2f} % of pages); peak memory: biggest process "
          f"{per_process:,.0f} MB, all {peaks.get('all', 0):,.0f} MB")
    _estimate(len(truth) / seconds, workers)


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["copy"]: row["original"] for row in csv.DictReader(fh)}


def _estimate(pages_per_second: float, workers: int) -> None:
    per_core = pages_per_second / workers
    core_hours = 10_000_000 / per_core / 3600
    print(f"  paper estimate: 10 M pages at {per_core:,.1f} pages/s per core = {core_hours:,.0f} core-hours; "
          f"on 64 workers {core_hours / 64:,.1f} h (the index of the originals is sent to each worker once; "
          f"1 KB of sketch an original, so 1 M originals is about 1 GB a worker)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    for documents in args.documents:
        with tempfile.TemporaryDirectory() as folder:
            measure(documents, args.workers, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
