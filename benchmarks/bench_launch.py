"""The window from launch, as a user sees it, against KDiff3 and Meld in the same run.

    python benchmarks/bench_launch.py [--sizes demo 1MB 10MB] [--runs 3]

Runs under an X server (it starts itself under ``xvfb-run`` when there is no display).
Each tool is started as a new process on the same pair (the demo pair, and spun pairs
built as in bench_cli.py); the whole screen is grabbed every 50 ms until it has not changed
and the tool's processes have been idle for 1.5 seconds. Printed per tool, the median of
the runs:

- **first paint**: launch to the first frame that is not the empty screen;
- **settled**: launch to the first frame that already looks like the final one (fewer than
  0.2 % of its pixels differ): for Unspin that is both texts shown with their word
  highlights, for KDiff3 and Meld their line colours;
- **highlighted** (Unspin): launch to the first frame with word highlights on screen (over
  0.5 % of its pixels in Unspin's highlight colours): a long pair's changes are shown
  while its swaps are still being judged;
- the longest gap between two grabs while the tool runs (the benchmark's own sampling,
  a rough sign of a machine too busy to measure);
- peak memory of the tool's processes (PSS).

KDiff3 and Meld come from Debian (``apt-get install kdiff3 meld``); a tool that is not
installed is skipped. The screen is compared at a quarter of its size, so a blinking
cursor does not keep it from settling.
"""

from __future__ import annotations

import argparse
import operator
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from array import array
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_memory import process_tree, pss_mb  # noqa: E402

#: The screen has settled when it has not changed, and the tool's processes have been idle
#: (under IDLE_SHARE of a core), for this long.
SETTLE_SECONDS = 1.5
IDLE_SHARE = 0.05
TIMEOUT_SECONDS = 90.0
SAME_SHARE = 0.002  # frames that differ in fewer pixels than this share look the same
HIGHLIGHTED_SHARE = 0.005  # a frame with this share of highlight colours shows highlights
TOOLS = {
    "unspin": lambda a, b: [sys.executable, "-m", "unspin", a, b],
    "kdiff3": lambda a, b: ["kdiff3", a, b],
    "meld": lambda a, b: ["meld", a, b],
}


def main() -> int:
    if not os.environ.get("DISPLAY"):
        if shutil.which("xvfb-run") is None:
            print("bench_launch needs an X server or xvfb-run", file=sys.stderr)
            return 2
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable,
                                __file__, *sys.argv[1:]])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["demo", "1MB", "10MB"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])  # the screen grabs need it
    app.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            old, new = pair(size, Path(tmp))
            print(f"\n{size}: {old.stat().st_size:,} and {new.stat().st_size:,} bytes")
            for name, make in TOOLS.items():
                if shutil.which(make("", "")[0]) is None:
                    print(f"  {name:<7} not installed")
                    continue
                runs = [measure(make(str(old), str(new))) for _ in range(args.runs)]
                report(name, runs)
    return 0


def pair(size: str, folder: Path) -> tuple[Path, Path]:
    """The demo pair, or a spun pair of *size* built as bench_cli.py builds it."""
    if size == "demo":
        seeds = sorted((HERE.parent / "seeds").glob("0*.txt"))
        return seeds[1], seeds[0]
    from bench_cli import vocabulary_spin
    from bench_engine import SIZES, build_original, load_corpus

    old = build_original(load_corpus(), SIZES[size], seed=3)
    new, _ = vocabulary_spin(old, seed=5)
    (folder / f"{size}-old.txt").write_text(old, encoding="utf-8")
    (folder / f"{size}-new.txt").write_text(new, encoding="utf-8")
    return folder / f"{size}-old.txt", folder / f"{size}-new.txt"


def measure(command: list[str]) -> dict:
    """Launch *command*, watch the screen until it settles, end the process."""
    blank = grab()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "LC_ALL": "C.UTF-8"})
    frames, peak, last_change, longest_gap = [], 0.0, started, 0.0
    cpu = [(started, 0.0)]
    try:
        while True:
            now = time.perf_counter()
            frame = grab()
            if frames:
                longest_gap = max(longest_gap, now - frames[-1][0])
                if differs(frame, frames[-1][1]):
                    last_change = now
            frames.append((now, frame))
            pids = process_tree(process.pid)
            peak = max(peak, sum(pss_mb(pid) for pid in pids))
            cpu.append((now, sum(cpu_seconds(pid) for pid in pids)))
            if process.poll() is not None or now - started > TIMEOUT_SECONDS or (
                    now - last_change >= SETTLE_SECONDS and idle(cpu, now)):
                break
            time.sleep(max(0.0, 0.05 - (time.perf_counter() - now)))
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    final = frames[-1][1]
    first = next((t for t, f in frames if differs(f, blank)), None)
    settled = next(t for t, f in frames if not differs(f, final))
    # (a frame the same as the one before launch is a window of the last run, still closing)
    highlighted = next((t for t, f in frames if differs(f, blank) and shows_highlights(f)), None)
    wait_for_blank(blank)
    return {"first": None if first is None else first - started, "settled": settled - started,
            "highlighted": None if highlighted is None else highlighted - started,
            "gap": longest_gap, "peak": peak, "timed_out": frames[-1][0] - started > TIMEOUT_SECONDS}


def shows_highlights(frame: bytes) -> bool:
    """Whether over HIGHLIGHTED_SHARE of a grab's pixels have Unspin's highlight colours."""
    from unspin.gui.highlighting import COLOURS

    colours = {0xFF000000 | int(light[1:], 16) for light, _ in COLOURS.values()}
    pixels = array("I", frame)
    return sum(map(colours.__contains__, pixels)) > HIGHLIGHTED_SHARE * len(pixels)


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) the process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle(cpu: list[tuple[float, float]], now: float) -> bool:
    """Whether the tool used under IDLE_SHARE of a core over the last SETTLE_SECONDS."""
    before = [(t, c) for t, c in cpu if t <= now - SETTLE_SECONDS]
    if not before:
        return False
    t0, c0 = before[-1]
    return (cpu[-1][1] - c0) <= IDLE_SHARE * (now - t0)


def grab():
    """The whole screen at a quarter of its size, as raw bytes."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
    small = image.scaled(image.width() // 4, image.height() // 4, Qt.IgnoreAspectRatio,
                         Qt.FastTransformation).convertToFormat(QImage.Format_RGB32)
    return bytes(small.constBits())


def differs(a: bytes, b: bytes) -> bool:
    """Whether two grabs differ in more than SAME_SHARE of their pixels."""
    if len(a) != len(b):
        return True
    changed = sum(map(operator.ne, array("I", a), array("I", b)))
    return changed > SAME_SHARE * len(a) / 4


def wait_for_blank(blank: bytes) -> None:
    deadline = time.perf_counter() + 10
    while differs(grab(), blank) and time.perf_counter() < deadline:
        time.sleep(0.1)


def report(name: str, runs: list[dict]) -> None:
    firsts = [r["first"] for r in runs if r["first"] is not None]
    first = f"{statistics.median(firsts):6.2f} s" if firsts else "  none "
    note = "  (timed out)" if any(r["timed_out"] for r in runs) else ""
    lit = [r["highlighted"] for r in runs if r["highlighted"] is not None]
    lit = f"  highlighted {statistics.median(lit):6.2f} s" if name == "unspin" and lit else ""
    print(f"  {name:<7} first paint {first}{lit}  settled {statistics.median(r['settled'] for r in runs):6.2f} s"
          f"  longest grab gap {max(r['gap'] for r in runs) * 1000:5.0f} ms"
          f"  peak {max(r['peak'] for r in runs):7.1f} MB{note}")


if __name__ == "__main__":
    sys.exit(main())
