"""Comparisons off the UI thread: a QRunnable reporting through a QObject of signals."""

from __future__ import annotations

import threading
import traceback
from array import array
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, Signal

from unspin.core.compare import CompareOptions, Comparison, collector_paused, compare
from unspin.core.diffing import EQUAL
from unspin.core.documents import Document
from unspin.core.highlights import Highlights, build_highlights
from unspin.gui.offsets import OffsetMap


#: Let big comparisons use a second process (None: when the engine finds it worth it).
#: Off: measured under Xvfb, handing results between processes stalled the window.
SECOND_PROCESS: bool | None = False


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

    @classmethod
    def build(cls, comparison: Comparison) -> "ViewResult":
        """Everything the window needs, computed off the UI thread."""
        if not comparison.completed:
            return cls(comparison, None)
        changes = array("q", (k for k, op in enumerate(comparison.ops.raw()) if op[0] != EQUAL))
        blocks = comparison.alignment
        starts = (array("q", (b.old_start for b in blocks)), array("q", (b.new_start for b in blocks)))
        return cls(comparison, build_highlights(comparison), changes,
                   OffsetMap(comparison.old.text), OffsetMap(comparison.new.text), starts)


class JobSignals(QObject):
    """Signals of a CompareJob; each carries the job's generation number."""

    progress = Signal(int, float)
    finished = Signal(int, object)
    failed = Signal(int, str)


class CompareJob(QRunnable):
    """Compares two documents in a worker thread; ``cancel()`` stops it early."""

    def __init__(self, generation: int, old: Document, new: Document):
        super().__init__()
        self.generation = generation
        self.old, self.new = old, new
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self._last_percent = -1
        self.setAutoDelete(False)  # the window keeps it until a newer job replaces it

    def cancel(self):
        """Ask the job to stop at its next check."""
        self._cancel.set()

    def run(self):
        try:
            with collector_paused(freeze_survivors=True):  # the view is built in bulk too
                result = compare(self.old, self.new, options=CompareOptions(parallel=SECOND_PROCESS),
                                 should_cancel=self._cancel.is_set, progress=self._report)
                view = ViewResult.build(result)
            self.signals.finished.emit(self.generation, view)
        except Exception as exc:  # shown to the user with its reason, and logged in full
            traceback.print_exc()
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")

    def _report(self, fraction: float):
        percent = int(fraction * 100)
        if percent != self._last_percent:
            self._last_percent = percent
            try:
                self.signals.progress.emit(self.generation, fraction)
            except RuntimeError:  # the window is gone: nobody wants the result
                self._cancel.set()
