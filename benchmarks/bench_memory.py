"""Peak memory of a comparison with its second process, as proportional set size (PSS).

``ru_maxrss`` counts pages a forked second process shares with the first twice when the
two are added up; PSS shares them out. This script generates a spun pair (the same prose
and spinner as bench_engine.py), compares it in this process as the command line does,
and samples the PSS of this process and its children every 10 ms while it runs.

    python benchmarks/bench_memory.py [--size 10MB]

Goal (issue 2): a 10 MB pair within 500 MB.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import SIZES, build_original, load_corpus, spin  # noqa: E402


def pss_mb(pid: int) -> float:
    """Proportional set size of process *pid* in MB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    """The children of every thread of *pid* (a pool started from another thread, as
    Dask's is, hangs under that thread's task)."""
    found = []
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    for tid in threads:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                found += [int(x) for x in fh.read().split()]
        except OSError:
            pass
    return found


class Sampler(threading.Thread):
    """Samples this process and its children; started once the second process is forked
    (a thread started earlier would make the engine use a fork server instead)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = False
        self.peak, self.parts = 0.0, []

    def run(self):
        me = os.getpid()
        while not self.stop:
            parts = [pss_mb(pid) for pid in [me, *children(me)]]
            if sum(parts) > self.peak:
                self.peak, self.parts = sum(parts), parts
            time.sleep(0.01)


def process_tree(pid: int) -> list[int]:
    """*pid* and all its descendants."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(children(current))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="10MB", choices=list(SIZES))
    args = parser.parse_args()
    if not os.path.exists("/proc/self/smaps_rollup"):
        print("needs Linux's /proc/<pid>/smaps_rollup")
        return 1
    old = build_original(load_corpus(), SIZES[args.size], seed=7)
    new, _, _ = spin(old, seed=11)
    import unspin.core.parallel as second_process
    from unspin.core.compare import compare

    sampler = Sampler()
    started = second_process.SecondProcess.__init__

    def start_sampling(self, *a, **k):
        started(self, *a, **k)
        sampler.start()

    second_process.SecondProcess.__init__ = start_sampling
    base = pss_mb(os.getpid())
    t = time.perf_counter()
    compare(old, new)
    seconds = time.perf_counter() - t
    sampler.stop = True
    sampler.join()
    if not sampler.parts:
        print(f"{args.size}: no second process was used; this process {pss_mb(os.getpid()):.0f} MB")
        return 0
    print(f"{args.size} pair: compared in {seconds:.2f} s; before comparing {base:.0f} MB PSS (the texts and"
          f" the interpreter); peak during the comparison {sampler.peak:.0f} MB PSS ="
          f" {' + '.join(f'{p:.0f}' for p in sampler.parts)} (this process + the second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
