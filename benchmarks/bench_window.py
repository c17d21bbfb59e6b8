"""Benchmark the reading window on a big spun pair (default ~10 MB), offscreen.

Prints: time to show both texts, to the changes highlighted (a long pair's are shown
before its swaps are judged), to the whole result highlighted, the longest stall of
the UI thread while the comparison runs (gaps between 5 ms timer ticks), the mean and
worst scroll repaint time (highlights included) and peak memory. The same figures for
the seed pair are printed first as the baseline of the same run.

    python benchmarks/bench_window.py [--size 10MB]

Goals (issue 11): stall <= 40 ms, scroll repaint <= 16 ms worst; highlights on screen
after launch: the seed pair <= 0.45 s, 1 MB <= 1.5 s, 10 MB <= 3 s (see bench_launch.py).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cli import vocabulary_spin  # noqa: E402
from bench_engine import build_original, load_corpus  # noqa: E402

SIZES = {"10KB": 10_000, "100KB": 100_000, "1MB": 1_000_000, "10MB": 10_000_000}


def make_pair(size: int, folder: Path) -> tuple[Path, Path]:
    """Write a generated original and its spun copy (a quarter of its words swapped for
    words of its own vocabulary, as bench_cli.py makes them); return their paths."""
    old = build_original(load_corpus(), size, seed=7)
    new, _ = vocabulary_spin(old, seed=11)
    (folder / "old.txt").write_text(old, encoding="utf-8")
    (folder / "new.txt").write_text(new, encoding="utf-8")
    return folder / "old.txt", folder / "new.txt"


class StallMeter:
    """Records the longest gap between ticks of a 5 ms timer on the UI thread."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self.when = 0.0
        self.start_time = self.last = time.perf_counter()
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)

    def _tick(self):
        now = time.perf_counter()
        if now - self.last > self.longest:
            self.longest, self.when = now - self.last, now - self.start_time
        self.last = now

    def start(self):
        self.longest, self.when = 0.0, 0.0
        self.start_time = self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def measure(app, old: Path, new: Path) -> dict:
    """Open the pair in a fresh window and time what a reader waits for."""
    from PySide6.QtCore import QSettings

    from unspin.gui.main_window import MainWindow

    window = MainWindow(settings=QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    meter = StallMeter()
    t0 = time.perf_counter()
    window.open_initial([str(old), str(new)])
    shown = time.perf_counter() - t0
    meter.start()
    changes_shown = None  # a long pair's changes, highlighted while its swaps are judged
    while window.view is None:
        app.processEvents()
        if changes_shown is None and window.left_pane.highlighter.layers:
            changes_shown = time.perf_counter() - t0
        time.sleep(0.001)
    for pane in window.panes:
        pane.highlighter.refresh()
        pane.editor.viewport().repaint()
    first_paint = time.perf_counter() - t0
    settle = time.perf_counter() + 0.2  # the last stall (the swap list going in) shows
    while time.perf_counter() < settle:  # as a gap only at the tick after it
        app.processEvents()
        time.sleep(0.001)
    stall = meter.stop()
    print(f"  longest stall {stall * 1000:.0f} ms, {meter.when:.2f} s after the files were shown")
    repaint = scroll_repaints(app, window)
    window.close()
    return {"shown": shown, "changes": changes_shown or first_paint, "first_paint": first_paint,
            "stall": stall, **repaint}


def scroll_repaints(app, window, steps: int = 30) -> dict:
    """Time one scroll as a reader makes it: the copy pane moves (the original follows
    through the sync), both panes get their on-screen highlights and are repainted.
    Page-down steps from the middle, and jumps to evenly spaced places."""
    bar = window.right_pane.editor.verticalScrollBar()

    paints = []

    def timed(value):
        t = time.perf_counter()
        bar.setValue(value)
        for pane in window.panes:
            pane.highlighter.refresh()
        p = time.perf_counter()
        for pane in window.panes:
            pane.editor.viewport().repaint()
        paints.append(time.perf_counter() - p)
        return time.perf_counter() - t

    direction = [1]

    def scrolled(step: int) -> float:
        """A scroll handled as the event loop handles it (scroll, sync, highlights when the
        screen leaves the formatted stretch, paint what changed); it turns back at either
        end of the text, so every step really moves."""
        target = bar.value() + direction[0] * step
        if not 0 <= target <= bar.maximum():
            direction[0] = -direction[0]
            target = bar.value() + direction[0] * step
        t = time.perf_counter()
        bar.setValue(target)
        app.processEvents()
        app.processEvents()  # the highlight refresh is queued behind the scroll
        return time.perf_counter() - t

    app.processEvents()
    start = bar.maximum() // 2
    timed(start)
    pages = [timed(start + (k + 1) * bar.pageStep()) for k in range(steps)]
    jumps = [timed(int(bar.maximum() * (k + 0.5) / steps)) for k in range(steps)]
    timed(start)
    app.processEvents()
    bar.setValue(bar.maximum() // 3)
    app.processEvents()
    wheels = sorted(scrolled(3 * bar.singleStep()) for _ in range(3 * steps))
    bar.setValue(bar.maximum() // 3)
    app.processEvents()
    page_keys = sorted(scrolled(bar.pageStep()) for _ in range(3 * steps))
    return {"wheel_median": wheels[len(wheels) // 2], "wheel_max": wheels[-1],
            "pagekey_median": page_keys[len(page_keys) // 2], "pagekey_max": page_keys[-1],
            "repaint_mean": sum(pages) / len(pages), "repaint_max": max(pages),
            "jump_mean": sum(jumps) / len(jumps), "jump_max": max(jumps),
            "paint_mean": sum(paints) / len(paints), "paint_max": max(paints)}


LAUNCH_PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import unspin.gui.main_window as mw
shown = mw.MainWindow.apply_view
def apply_view(self, view):
    shown(self, view)
    self.left_pane.editor.viewport().repaint()
    print("highlighted", flush=True)
    QApplication.instance().quit()
mw.MainWindow.apply_view = apply_view
from unspin.gui.app import run_window
sys.exit(run_window([], new_window=True))
"""


def launch_time() -> float:
    """Seconds from starting a fresh ``unspin`` process to the seed pair highlighted."""
    import subprocess

    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", LAUNCH_PROBE], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")})
    if "highlighted" not in out.stdout:
        raise RuntimeError(out.stderr)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="10MB", choices=SIZES)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from unspin.core.resources import seed_paths

    sys.setswitchinterval(0.002)  # as unspin.gui.app.run_window does
    launch = launch_time()
    app = QApplication(sys.argv[:1])
    rows = [("seed pair", measure(app, *seed_paths()))]
    with tempfile.TemporaryDirectory() as tmp:
        old, new = make_pair(SIZES[args.size], Path(tmp))
        rows.append((f"{args.size} pair", measure(app, old, new)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'pair':<12}{'shown s':>9}{'changes s':>10}{'result s':>9}{'stall ms':>10}{'wheel ms':>10}{'worst':>7}"
          f"{'PgDn ms':>9}{'worst':>7}{'page ms':>9}{'worst':>7}{'jump ms':>9}{'worst':>7}")
    for name, r in rows:
        print(f"{name:<12}{r['shown']:>9.2f}{r['changes']:>10.2f}{r['first_paint']:>9.2f}{r['stall'] * 1000:>10.0f}"
              f"{r['wheel_median'] * 1000:>10.1f}{r['wheel_max'] * 1000:>7.1f}"
              f"{r['pagekey_median'] * 1000:>9.1f}{r['pagekey_max'] * 1000:>7.1f}"
              f"{r['repaint_mean'] * 1000:>9.1f}{r['repaint_max'] * 1000:>7.1f}"
              f"{r['jump_mean'] * 1000:>9.1f}{r['jump_max'] * 1000:>7.1f}")
    print("changes: the texts' changes highlighted (a long pair's before its swaps are judged);"
          " result: the whole result highlighted")
    print("wheel / PgDn: a 3-line / one-page scroll of the copy through the event loop (the"
          " original following, highlights refreshed when needed, what changed painted), median"
          " of 90; page / jump: one scroll of the copy (page down / far jump), the original"
          " following, highlights rebuilt and both panes repainted in full, forced (mean of 30)")
    for name, r in rows:
        print(f"{name}: painting both panes alone {r['paint_mean'] * 1000:.1f} ms mean,"
              f" {r['paint_max'] * 1000:.1f} ms worst")
    print(f"peak memory of the process: {peak:.0f} MB")
    print(f"launch: a new process to the seed pair highlighted: {launch:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
