"""Single-document mode in the window: one text open, its spinner words flagged.

The application model scans off the UI thread (:func:`unspin.views.scan_view`);
``ScanController`` shows the result in the pane that holds the text, the sidebar (likely
original → word) and the verdict bar, and moves between flags. It talks to the window
only through the widgets it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from unspin.core.documents import Document
from unspin.core.swaps import Swap
from unspin.views import ScanView

SCAN_HEADERS = ("Likely original", "Word")


class ScanController(QObject):
    """Runs and shows the scan of the one open document; ``shown`` once a scan is on screen."""

    shown = Signal()

    def __init__(self, panes, sidebar, verdict_bar, parent=None):
        super().__init__(parent)
        self.panes, self.sidebar, self.verdict_bar = panes, sidebar, verdict_bar
        self.view: ScanView | None = None
        self.side: int | None = None
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

    def begin(self, side: int, document: Document):
        """A scan of *document* (in pane *side*) has started in the background."""
        self.stop()
        self.side = side
        self.panes[side].set_role("Suspect text")
        self.verdict_bar.show_message(f"Scanning {document.name} for spinner words… "
                                      "Open a second text to compare the two.")

    def stop(self):
        """Forget the shown scan."""
        if self.side is not None:
            self.panes[self.side].set_role(None)
        self.view, self.swap = None, None

    def show(self, view: ScanView):
        """Show a finished scan in its pane, the sidebar and the verdict bar."""
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
