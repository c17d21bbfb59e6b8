"""View → Unspun Copy: the right pane shows the copy with its spinner swaps put back.

The core computes the unspun text, its restored spans and the copy's highlight layers
moved onto it (in a worker thread: a 10 MB copy takes seconds); this controller only puts
them on screen. Everything else keeps working on the unspun text: the scroll sync gets the
alignment shifted onto it, the navigator maps the copy's offsets onto it, and hovering a
restored word tells what the copy really says. Turning the view off puts the copy back
with its own highlights, lined up with the original again.
"""

from __future__ import annotations

import dataclasses
import html
import traceback
from array import array
from typing import NamedTuple

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from unspin.core.alignment import Block
from unspin.core.compare import collector_paused
from unspin.core.highlights import Layer
from unspin.core.restore import Unspun, unspun_layers, unspun_text
from unspin.gui.jobs import ViewResult
from unspin.gui.offsets import OffsetMap


class Prepared(NamedTuple):
    """Everything the right pane needs to show a comparison's copy unspun."""

    view: ViewResult
    unspun: Unspun
    layers: tuple[Layer, Layer]
    alignment: tuple[Block, ...]
    block_starts: tuple[array, array]  # old and new start of each aligned block
    offsets: OffsetMap


def prepare(view: ViewResult) -> Prepared:
    """Unspin the copy of *view* and move its highlights and alignment onto the new text."""
    c, h = view.comparison, view.highlights
    u = unspun_text(c)
    alignment = tuple(b._replace(new_start=u.to_unspun(b.new_start), new_end=u.to_unspun(b.new_end))
                      for b in c.alignment)
    starts = (view.block_starts[0], array("q", (b.new_start for b in alignment)))
    return Prepared(view, u, unspun_layers(h.new_ops, h.new_swaps, u), alignment, starts,
                    OffsetMap(u.text))


class UnspinSignals(QObject):
    """Signals of an UnspinJob, each with the request's generation."""

    finished = Signal(int, object)
    failed = Signal(int, str)


class UnspinJob(QRunnable):
    """Runs ``prepare`` off the UI thread."""

    def __init__(self, generation: int, view: ViewResult):
        super().__init__()
        self.generation, self.view = generation, view
        self.signals = UnspinSignals()
        self.setAutoDelete(False)  # the controller keeps it until the next request

    def run(self):
        try:
            # hundreds of thousands of small objects: full collections over them froze the
            # window 30-120 ms at a time on a 1 MB copy (measured)
            with collector_paused(freeze_survivors=True):
                prepared = prepare(self.view)
            self.signals.finished.emit(self.generation, prepared)
        except Exception as exc:  # shown in the status bar, logged in full
            traceback.print_exc()
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")


class UnspunView(QObject):
    """Switches the right pane between the copy and its unspun reading."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.enabled = False  # the View menu toggle
        self.shown: Prepared | None = None  # what the right pane shows, when unspun
        self.generation = 0
        self.job: UnspinJob | None = None
        self._loading: ViewResult | None = None  # a text going into the pane, to decorate
        self._copy_tooltips = window.right_pane.tooltip_provider
        window.right_pane.loaded.connect(self._on_loaded)

    @property
    def unspun(self) -> Unspun | None:
        """The unspun copy on screen, or None."""
        return self.shown.unspun if self.shown else None

    @property
    def ready(self) -> bool:
        """True once the unspun copy is on screen and highlighted."""
        return self.shown is not None and self._loading is None

    def set_enabled(self, enabled: bool):
        """Turn the unspun view on or off; while on it follows every new comparison."""
        self.enabled = enabled
        self.generation += 1  # a pending request is no longer wanted
        view = self.window.view
        if view is None or view.highlights is None:
            return  # unspun when the comparison arrives
        if enabled:
            self._request(view)
        elif self.shown is not None:
            self._put_copy_back(view)

    def view_changed(self, view: ViewResult):
        """A comparison was shown in the window: unspin it if the toggle is on."""
        if self.enabled:
            self._request(view)

    def forget(self):
        """The texts changed: put the copy back, the old unspun text no longer matches."""
        self.generation += 1
        self._loading = None
        if self.shown is not None:
            self.shown = None
            self._reset_decorations()
            document = self.window.documents[1]
            if document is not None:
                self.window.right_pane.set_document(document)

    def _request(self, view: ViewResult):
        self.generation += 1
        self.job = UnspinJob(self.generation, view)
        self.job.signals.finished.connect(self._on_prepared)
        self.job.signals.failed.connect(self._on_failed)
        self.window.statusBar().showMessage("Unspinning the copy…")
        QThreadPool.globalInstance().start(self.job)

    def _on_failed(self, generation: int, message: str):
        if generation == self.generation:
            self.window.statusBar().showMessage(f"Could not unspin the copy: {message}")

    def _on_prepared(self, generation: int, prepared: Prepared):
        if generation != self.generation or prepared.view is not self.window.view:
            return  # stale: the toggle or the texts changed meanwhile
        c = prepared.view.comparison
        self.shown = prepared
        self._loading = prepared.view
        shown = dataclasses.replace(c.new, text=prepared.unspun.text, name=f"{c.new.name} (unspun)")
        self.window.right_pane.set_document(shown, words=c.stats.new_words)
        n = len(prepared.unspun.spans)
        self.window.statusBar().showMessage(
            f"Unspun copy: {n:,} spinner swap{'s' if n != 1 else ''} put back to the original's "
            f"words (Ctrl+U shows the copy as it is)", 8000)

    def _put_copy_back(self, view: ViewResult):
        self.shown = None
        self._loading = view
        self.window.right_pane.set_document(view.comparison.new, words=view.comparison.stats.new_words)
        self.window.statusBar().showMessage("The copy as it is (Ctrl+U shows it unspun)", 4000)

    def _on_loaded(self):
        """The right pane has the whole text: highlight it and line it up with the original."""
        view, self._loading = self._loading, None
        if view is None:
            return
        if self.shown is None:
            self._decorate_copy(view)
        else:
            self._decorate_unspun(self.shown)
        self.window.sync.sync_from(self.window.left_pane)

    def _decorate_unspun(self, p: Prepared):
        w = self.window
        pane = w.right_pane
        pane.set_offsets(p.offsets)
        pane.highlighter.set_layers(p.layers, p.offsets)
        w.sync.set_alignment(p.alignment, p.block_starts)
        w.link_strip.set_alignment(p.alignment, p.block_starts[0])
        w.navigator.set_right_mapping(p.unspun.to_unspun, p.unspun.to_copy)
        pane.tooltip_provider = self.explain
        w.verdict_bar.show_restored = True
        w.verdict_bar.update_legend()

    def _decorate_copy(self, view: ViewResult):
        w, h, c = self.window, view.highlights, view.comparison
        self._reset_decorations()
        w.right_pane.set_offsets(view.new_offsets)
        w.right_pane.highlighter.set_layers((h.new_ops, h.new_swaps), w.right_pane.offsets)
        w.sync.set_alignment(c.alignment, view.block_starts)
        w.link_strip.set_alignment(c.alignment, view.block_starts[0])

    def _reset_decorations(self):
        w = self.window
        w.navigator.set_right_mapping(None, None)
        w.right_pane.tooltip_provider = self._copy_tooltips
        w.verdict_bar.show_restored = False
        w.verdict_bar.update_legend()

    def explain(self, position: int) -> str | None:
        """Tooltip in the unspun text: a restored word says what the copy has there."""
        hit = self.unspun.at(position) if self.unspun is not None else None
        if hit is None:
            return self._copy_tooltips(position) if self._copy_tooltips else None
        lines = [f"<b>Restored “{html.escape(hit.restored)}”</b>",
                 f"The copy says “{html.escape(hit.copy_word)}” here."]
        if hit.reason:
            lines.append(html.escape(hit.reason))
        return "<br>".join(lines)
