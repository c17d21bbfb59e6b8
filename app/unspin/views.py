"""What a window shows of a comparison or a scan, built off the UI thread (no Qt here).

:func:`compare_view` and :func:`scan_view` are the two background jobs of the application:
the engine's result plus everything the display needs computed in bulk (highlight layers,
the indices of the changes, UTF-16 offset maps), so the UI thread only draws.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from array import array
from dataclasses import dataclass, field

from unspin.core.compare import CompareOptions, Comparison, collector_paused, compare
from unspin.core.diffing import EQUAL
from unspin.core.documents import Document
from unspin.core.highlights import SUSPICIOUS, Highlights, Layer, build_highlights
from unspin.core.rows import Rows, rows_of
from unspin.core.scan import ScanResult, scan
from unspin.core.swaps import Swap
from unspin.gui.offsets import OffsetMap

#: Let big comparisons use a second process (None: when the engine finds it worth it).
#: Off: measured under Xvfb, handing results between processes stalled the window.
SECOND_PROCESS: bool | None = False
#: From this many characters (both texts) the changes are shown before the swaps are
#: judged: judging a 1 MB pair's takes seconds, and a short pair's would only flicker.
PREVIEW_MIN_CHARS = 200_000
#: The progress reported with the preview (the diff done, the judging ahead).
PREVIEW_FRACTION = 0.75
#: Longest wait (seconds) of a task for its preview to be shown.
PREVIEW_WAIT = 2.0


@dataclass(frozen=True)
class ViewResult:
    """What the window shows: the comparison, its highlight layers and the indices of
    its changes (computed in the worker: a book has a million ops)."""

    comparison: Comparison
    highlights: Highlights | None
    changes: array = field(default_factory=lambda: array("q"))
    old_offsets: OffsetMap | None = None
    new_offsets: OffsetMap | None = None
    block_starts: tuple[array, array] = (array("q"), array("q"))  # of the aligned blocks
    rows: Rows | None = None  # the aligned rows in the texts as the panes show them

    @property
    def is_preview(self) -> bool:
        """The changes alone, shown while the swaps are being judged."""
        return self.comparison.status == "preview"

    @classmethod
    def build(cls, comparison: Comparison, preview: "ViewResult | None" = None) -> "ViewResult":
        """Everything the window needs, computed off the UI thread (the offset maps, the
        changes and the rows taken from *preview*, the same comparison's, when given)."""
        if comparison.status not in ("completed", "preview"):
            return cls(comparison, None)
        highlights = build_highlights(comparison)
        if preview is not None:
            return dataclasses.replace(preview, comparison=comparison, highlights=highlights)
        changes = array("q", (k for k, op in enumerate(comparison.ops.raw()) if op[0] != EQUAL))
        blocks = comparison.alignment
        starts = (array("q", (b.old_start for b in blocks)), array("q", (b.new_start for b in blocks)))
        return cls(comparison, highlights, changes,
                   OffsetMap(comparison.old.text), OffsetMap(comparison.new.text), starts,
                   rows_of(blocks, (comparison.old.text, comparison.new.text)))


@dataclass(frozen=True)
class Preview:
    """A task's payload: the changes of the pair being compared, to show before the result.
    The task waits (up to PREVIEW_WAIT seconds) until *shown* is set: the display lays the
    panes out without a comparison holding the GIL meanwhile (it took 110 ms, not 20)."""

    view: ViewResult
    shown: threading.Event = field(default_factory=threading.Event, compare=False)

    def wait_until_shown(self, should_cancel=None) -> None:
        """Return once the preview is shown, the wait is over or the task is cancelled."""
        deadline = time.monotonic() + PREVIEW_WAIT
        while not self.shown.wait(0.02) and time.monotonic() < deadline:
            if should_cancel is not None and should_cancel():
                return


@dataclass(frozen=True)
class ScanView:
    """A scan and what the window needs to show it, built in the worker."""

    result: ScanResult
    swaps: tuple[Swap, ...] = ()
    layer: Layer | None = None
    offsets: OffsetMap | None = None

    @classmethod
    def build(cls, result: ScanResult) -> "ScanView":
        """Flags grouped by (original, word) as sidebar rows, and their highlight layer."""
        groups: dict[tuple[str, str], list] = {}
        for f in result.flags:
            groups.setdefault((f.original.lower(), f.word.lower()), []).append(f)
        swaps = []
        for (original, word), flags in groups.items():
            spans = array("i", [x for f in flags for x in (f.start, f.end, f.start, f.end)])
            best = max(flags, key=lambda f: f.score)
            swaps.append(Swap(original, word, "word", spans, best.score, best.reasons))
        swaps.sort(key=lambda s: (-s.score * s.count, s.old, s.new))
        index = {(s.old, s.new): k for k, s in enumerate(swaps)}
        flags = result.flags
        layer = Layer(array("q", (f.start for f in flags)), array("q", (f.end for f in flags)),
                      bytes(SUSPICIOUS for _ in flags),
                      array("q", (index[f.original.lower(), f.word.lower()] for f in flags)))
        return cls(result, tuple(swaps), layer, OffsetMap(result.document.text))


def compare_view(old: Document, new: Document, should_cancel=None, progress=None) -> ViewResult:
    """Compare two documents and build what the window shows of them; a long pair's
    changes are handed to *progress* first, as a :class:`Preview`, while its swaps are
    judged."""
    shown: list[ViewResult] = []

    def preview(comparison: Comparison) -> None:
        shown.append(ViewResult.build(comparison))
        payload = Preview(shown[0])
        progress(PREVIEW_FRACTION, payload)
        payload.wait_until_shown(should_cancel)

    long_pair = len(old.text) + len(new.text) >= PREVIEW_MIN_CHARS
    with collector_paused(freeze_survivors=True):  # the view is built in bulk too
        result = compare(old, new, options=CompareOptions(parallel=SECOND_PROCESS),
                         should_cancel=should_cancel, progress=progress,
                         preview=preview if progress is not None and long_pair else None)
        return ViewResult.build(result, shown[0] if shown and result.completed else None)


def scan_view(document: Document, should_cancel=None, progress=None) -> ScanView:
    """Scan one document and build what the window shows of it."""
    return ScanView.build(scan(document, should_cancel=should_cancel))


__all__ = ["PREVIEW_MIN_CHARS", "SECOND_PROCESS", "Preview", "ScanView", "ViewResult", "compare_view", "scan_view"]
