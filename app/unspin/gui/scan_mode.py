"""Single-document mode in the window: one text open, its spinner words flagged.

``ScanJob`` scans off the UI thread (like ``CompareJob``); ``ScanController`` shows the
result in the pane that holds the text, the sidebar (likely original → word) and the
verdict bar, and moves between flags. It talks to the window only through the widgets
it is given, so the main window just starts, clears and routes to it.
"""

from __future__ import annotations

import threading
import traceback
from array import array
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from unspin.core.documents import Document
from unspin.core.highlights import SUSPICIOUS, Layer
from unspin.core.scan import ScanResult, scan
from unspin.core.swaps import Swap
from unspin.gui.jobs import JobSignals
from unspin.gui.offsets import OffsetMap

SCAN_HEADERS = ("Likely original", "Word")


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


class ScanJob(QRunnable):
    """Scans one document in a worker thread; ``cancel()`` stops it early."""

    def __init__(self, generation: int, document: Document):
        super().__init__()
        self.generation, self.document = generation, document
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self):
        """Ask the job to stop at its next check."""
        self._cancel.set()

    def run(self):
        try:
            result = scan(self.document, should_cancel=self._cancel.is_set)
            self.signals.finished.emit(self.generation, ScanView.build(result))
        except Exception as exc:  # shown to the user with its reason, and logged in full
            traceback.print_exc()
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")


class ScanController(QObject):
    """Runs and shows the scan of the one open document; ``shown`` once a scan is on screen."""

    shown = Signal()

    def __init__(self, panes, sidebar, verdict_bar, parent=None):
        super().__init__(parent)
        self.panes, self.sidebar, self.verdict_bar = panes, sidebar, verdict_bar
        self.view: ScanView | None = None
        self.side: int | None = None
        self.job: ScanJob | None = None
        self.generation = 0
        self.swap: Swap | None = None
        self.occurrence = 0
        # The pane may show another text than the scanned one (the unspun view): these map
        # the document's offsets to the shown text's and back.
        self.doc_to_shown = self.shown_to_doc = _same

    def set_mapping(self, doc_to_shown=None, shown_to_doc=None):
        """Map the document's offsets onto the text its pane shows (None: the document)."""
        self.doc_to_shown = doc_to_shown or _same
        self.shown_to_doc = shown_to_doc or _same

    @property
    def active(self) -> bool:
        """True while a scan result is shown."""
        return self.view is not None

    def start(self, side: int, document: Document):
        """Scan *document* (shown in pane *side*) in the background."""
        self.stop()
        self.side = side
        self.panes[side].set_role("Suspect text")
        self.job = ScanJob(self.generation, document)
        self.job.signals.finished.connect(self._on_finished)
        self.job.signals.failed.connect(self._on_failed)
        self.verdict_bar.show_message(f"Scanning {document.name} for spinner words… "
                                      "Open a second text to compare the two.")
        QThreadPool.globalInstance().start(self.job)

    def stop(self):
        """Cancel a running scan and forget the shown one."""
        self.generation += 1
        if self.job is not None:
            self.job.cancel()
            self.job = None
        if self.side is not None:
            self.panes[self.side].set_role(None)
        self.view, self.swap = None, None

    def _on_finished(self, generation: int, view: ScanView):
        if generation != self.generation:
            return  # the document changed meanwhile
        self.job = None
        if view.result.status == "cancelled":
            return
        if view.result.status == "unsupported":  # not English: say so, flag nothing
            self.verdict_bar.show_message(view.result.verdict)
            return
        self.view = view
        pane = self.panes[self.side]
        pane.set_words(view.result.words)
        pane.set_offsets(view.offsets)
        pane.highlighter.set_layers((view.layer,), pane.offsets)
        self.sidebar.set_swaps(view.swaps, headers=SCAN_HEADERS)
        self.verdict_bar.show_scan(view.result)
        self.shown.emit()

    def _on_failed(self, generation: int, message: str):
        if generation == self.generation:
            self.job = None
            self.verdict_bar.show_message(f"The scan failed: {message}")

    def select(self, swap: Swap) -> str:
        """Show the first flagged occurrence of *swap*; returns a status message."""
        self.swap, self.occurrence = swap, 0
        return self._show()

    def step(self, step: int) -> str:
        """Next (+1) or previous (-1) occurrence of the selected row, wrapping."""
        if self.swap is None:
            return "Select a flagged word first."
        self.occurrence = (self.occurrence + step) % self.swap.count
        return self._show()

    def _show(self) -> str:
        start, end, _, _ = self.swap.occurrences[self.occurrence]
        self.panes[self.side].show_span(self.doc_to_shown(start), self.doc_to_shown(end))
        return (f"“{self.swap.new}”, likely “{self.swap.old}” in the original: occurrence "
                f"{self.occurrence + 1} of {self.swap.count} (F3 next, Shift+F3 previous)")

    def explain(self, position: int, side: int) -> str | None:
        """Tooltip for a flagged word under the mouse."""
        if self.view is None or side != self.side:
            return None
        hit = self.view.layer.at(self.shown_to_doc(position))
        if hit is None:
            return None
        swap = self.view.swaps[hit[3]]
        reasons = "<br>".join(f"• {_html(r.text)}" for r in swap.reasons)
        return (f"<b>{_html(swap.new)}</b>: likely “{_html(swap.old)}” in the original · "
                f"suspicion {swap.score:.2f} · {swap.count}×<br>{reasons}")


def _same(position: int) -> int:
    return position


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
