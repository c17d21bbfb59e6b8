"""View → Unspun Copy: the suspect text shown with its spinner swaps put back.

With two texts the copy (right pane) gets each suspicious swap back from the aligned
original; with one text scanned alone, its pane gets each flagged word back from the
likely original the scan found (thesaurus and spinner signatures). The core computes the
unspun text, its restored spans and the highlights moved onto it, in a worker thread (a
10 MB copy takes seconds); this controller only puts them on screen. Everything else
keeps working on the unspun text: the scroll sync gets the alignment shifted onto it, the
navigator (or the scan) maps its offsets onto it, and hovering a restored word tells
what the text really says. Turning the view off puts the text back as it is.
"""

from __future__ import annotations

import dataclasses
import html
import os
from array import array
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from unspin.core.alignment import Block
from unspin.core.compare import collector_paused
from unspin.core.documents import restore_newlines
from unspin.core.highlights import Layer, make_layer
from unspin.core.report import write_atomic
from unspin.core.restore import Unspun, flags_unspun, unspun_layers, unspun_text
from unspin.gui.jobs import QtRunner, ViewResult
from unspin.gui.offsets import OffsetMap
from unspin.gui.save_dialogs import save_folder
from unspin.tasks import TaskSlot

LEFT, RIGHT = 0, 1


class Prepared(NamedTuple):
    """Everything a pane needs to show a text unspun."""

    source: object  # the ViewResult (two texts) or ScanView (one text) it was made from
    side: int  # the pane that shows it
    unspun: Unspun
    layers: tuple[Layer, ...]
    alignment: tuple[Block, ...] | None  # two texts: the blocks shifted onto the unspun text
    block_starts: tuple[array, array] | None
    offsets: OffsetMap


def prepare(view: ViewResult) -> Prepared:
    """Unspin the copy of a comparison and move its highlights and alignment onto it."""
    c, h = view.comparison, view.highlights
    u = unspun_text(c)
    alignment = tuple(b._replace(new_start=u.to_unspun(b.new_start), new_end=u.to_unspun(b.new_end))
                      for b in c.alignment)
    starts = (view.block_starts[0], array("q", (b.new_start for b in alignment)))
    return Prepared(view, RIGHT, u, unspun_layers(h.new_ops, h.new_swaps, u), alignment, starts,
                    OffsetMap(u.text))


def prepare_scan(view, side: int) -> Prepared:
    """Unspin a text scanned alone: each flagged word becomes its likely original."""
    result = view.result
    u = flags_unspun(result.document.text, result.flags)
    _, layer = unspun_layers(make_layer(()), view.layer, u)
    return Prepared(view, side, u, (layer,), None, None, OffsetMap(u.text))


def unspin_off_the_ui(function, *args, should_cancel=None, progress=None) -> Prepared:
    """Run a ``prepare`` function as a background task."""
    # hundreds of thousands of small objects: full collections over them froze the window
    # 30-120 ms at a time on a 1 MB copy (measured)
    with collector_paused(freeze_survivors=True):
        return function(*args)


class UnspunView(QObject):
    """Switches the suspect text's pane between the text as it is and its unspun reading."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.enabled = False  # the View menu toggle
        self.shown: Prepared | None = None  # what a pane shows, when unspun
        self.slot = TaskSlot(QtRunner(self))  # the newest request only
        self._loading: tuple[object, int] | None = None  # (source, side) going into a pane
        self._tooltips = [pane.tooltip_provider for pane in window.panes]
        for side, pane in enumerate(window.panes):
            pane.loaded.connect(lambda s=side: self._on_loaded(s))
        window.scan.shown.connect(self.scan_changed)

    @property
    def unspun(self) -> Unspun | None:
        """The unspun text on screen, or None."""
        return self.shown.unspun if self.shown else None

    @property
    def ready(self) -> bool:
        """True once the unspun text is on screen and highlighted."""
        return self.shown is not None and self._loading is None

    def set_enabled(self, enabled: bool):
        """Turn the unspun view on or off; while on it follows every new result."""
        self.enabled = enabled
        self.window.model.set_unspun(enabled)  # the model holds the view's modes
        self.slot.drop()  # a pending request is no longer wanted
        if enabled:
            self._request_current()
        elif self.shown is not None:
            self._put_back()

    def view_changed(self, view: ViewResult):
        """A comparison was shown in the window: unspin it if the toggle is on."""
        if self.enabled:
            self._request(prepare, view)

    def scan_changed(self):
        """A single-text scan was shown: unspin it if the toggle is on."""
        if self.enabled:
            self._request_current()

    def forget(self):
        """The texts changed: put the text back, the old unspun text no longer matches."""
        self.slot.drop()
        self._loading = None
        if self.shown is not None:
            side, self.shown = self.shown.side, None
            self._reset_decorations(side)
            document = self.window.documents[side]
            if document is not None:
                self.window.panes[side].set_document(document)

    def _request_current(self):
        w = self.window
        if w.view is not None and w.view.highlights is not None:
            self._request(prepare, w.view)
        elif w.scan.active:
            self._request(prepare_scan, w.scan.view, w.scan.side)
        else:
            w.statusBar().showMessage("Nothing to unspin yet: open a text (and its original).", 4000)

    def _request(self, function, *args):
        self.slot.start("unspin", unspin_off_the_ui, (function, *args), self._on_prepared, self._on_failed)
        self.window.statusBar().showMessage("Unspinning…")

    def _current_source(self):
        w = self.window
        return w.view if w.view is not None else w.scan.view

    def _on_failed(self, message: str):
        self.window.statusBar().showMessage(f"Could not unspin the text: {message}")

    def _on_prepared(self, p: Prepared):
        if p.source is not self._current_source():
            return  # stale: the toggle or the texts changed meanwhile
        document, words = _document_of(p.source)
        self.shown = p
        self._loading = (p.source, p.side)
        shown = dataclasses.replace(document, text=p.unspun.text, name=f"{document.name} (unspun)")
        self._replace_text(p.side, shown, words)
        n = len(p.unspun.spans)
        self.window.statusBar().showMessage(
            f"Unspun: {n:,} spinner word{'s' if n != 1 else ''} put back to the likely original "
            f"(Ctrl+U shows the text as it is)", 8000)

    def _put_back(self):
        p, self.shown = self.shown, None
        self._loading = (p.source, p.side)
        document, words = _document_of(p.source)
        self._replace_text(p.side, document, words)
        self.window.statusBar().showMessage("The text as it is (Ctrl+U shows it unspun)", 4000)

    def _replace_text(self, side: int, document, words):
        """Put *document* in the pane of *side*. The new text starts at its top: the other
        pane must not follow it there (the reader's place is kept, and the pane lined up
        with the other once its text is in)."""
        with self.window.sync.suspended():
            self.window.panes[side].set_document(document, words=words)

    def _on_loaded(self, side: int):
        """A pane has its whole text: highlight it and line it up with the other pane."""
        if self._loading is None or self._loading[1] != side:
            return
        (source, _), self._loading = self._loading, None
        if self.shown is not None:
            self._decorate_unspun(self.shown)
        else:
            self._decorate_as_is(source, side)
        if isinstance(source, ViewResult):
            self.window.sync.line_up(self.window.left_pane)

    def _decorate_unspun(self, p: Prepared):
        w = self.window
        pane = w.panes[p.side]
        pane.set_offsets(p.offsets)
        pane.highlighter.set_layers(p.layers, p.offsets)
        if p.alignment is not None:
            w.sync.set_alignment(p.alignment)
            w.link_strip.set_alignment(p.alignment, p.block_starts[0])
            w.navigator.set_right_mapping(p.unspun.to_unspun, p.unspun.to_copy)
        else:
            w.scan.set_mapping(p.unspun.to_unspun, p.unspun.to_copy)
        pane.tooltip_provider = lambda pos, s=p.side: self.explain(pos, s)
        w.verdict_bar.show_restored = True
        w.verdict_bar.update_legend()

    def _decorate_as_is(self, source, side: int):
        w = self.window
        pane = w.panes[side]
        self._reset_decorations(side)
        if isinstance(source, ViewResult):
            h, c = source.highlights, source.comparison
            pane.set_offsets(source.new_offsets)
            pane.highlighter.set_layers((h.new_ops, h.new_swaps), pane.offsets)
            w.sync.set_alignment(c.alignment)
            w.link_strip.set_alignment(c.alignment, source.block_starts[0])
        else:
            pane.set_offsets(source.offsets)
            pane.highlighter.set_layers((source.layer,), pane.offsets)

    def _reset_decorations(self, side: int):
        w = self.window
        w.navigator.set_right_mapping(None, None)
        w.scan.set_mapping(None, None)
        w.panes[side].tooltip_provider = self._tooltips[side]
        w.verdict_bar.show_restored = False
        w.verdict_bar.update_legend()

    # --- saving -------------------------------------------------------------------

    def choose_save_path(self):
        """File → Save Unspun Text…: ask where, then write the unspun text there."""
        found = self.unspun_now()
        if found is None:
            self.window.statusBar().showMessage("Nothing to unspin yet: open a text (and its original).", 4000)
            return
        _, document = found
        suggested = os.path.join(save_folder(document.path), f"{Path(document.name).stem}-unspun.txt")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save Unspun Text", suggested,
                                              "Texts (*.txt);;All files (*)")
        if path:
            self.save(path)

    def unspun_now(self) -> tuple[Unspun, object] | None:
        """The unspun reading of the suspect text (the one shown, or made now) and its document."""
        w = self.window
        if self.shown is not None:
            return self.shown.unspun, _document_of(self.shown.source)[0]
        if w.view is not None and w.view.highlights is not None:
            return unspun_text(w.view.comparison), w.view.comparison.new
        if w.scan.active:
            result = w.scan.view.result
            return flags_unspun(result.document.text, result.flags), result.document
        return None

    def save(self, path: str) -> bool:
        """Write the unspun text to *path* (atomically, in the suspect file's line endings);
        the texts being read are never overwritten."""
        found = self.unspun_now()
        if found is None:
            return False
        unspun, document = found
        if any(d is not None and d.path and _same_file(path, d.path) for d in self.window.documents):
            QMessageBox.warning(self.window, "Save Unspun Text", f"{path} is one of the texts being "
                                "compared; Unspin never writes to the files it reads. Choose another name.")
            return False
        text = restore_newlines(unspun.text, document.newline)
        try:
            write_atomic(path, text, inputs=[d.path for d in self.window.documents if d is not None])
        except OSError as exc:
            QMessageBox.warning(self.window, "Save Unspun Text",
                                f"The unspun text could not be written to {path}:\n{exc.strerror or exc}")
            return False
        self.window.statusBar().showMessage(f"Unspun text written to {path}", 8000)
        return True

    def explain(self, position: int, side: int) -> str | None:
        """Tooltip in the unspun text: a restored word says what the text has there."""
        hit = self.unspun.at(position) if self.unspun is not None else None
        fallback = self._tooltips[side]
        if hit is None:
            return fallback(position) if fallback else None
        lines = [f"<b>Restored “{html.escape(hit.restored)}”</b>",
                 f"The {'copy' if self.shown.alignment is not None else 'text'} says "
                 f"“{html.escape(hit.copy_word)}” here."]
        if hit.reason:
            lines.append(html.escape(hit.reason))
        return "<br>".join(lines)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # the new file does not exist yet
        return os.path.abspath(a) == os.path.abspath(b)


def _document_of(source):
    """The suspect document of a result, and its word count."""
    if isinstance(source, ViewResult):
        return source.comparison.new, source.comparison.stats.new_words
    return source.result.document, source.result.words
