"""View → Unspun Copy: the right pane shows the copy with its spinner swaps put back.

The core computes the unspun text, its restored spans and the copy's highlight layers
moved onto it; this controller only puts them on screen. Everything else keeps working on
the unspun text: the scroll sync gets the alignment shifted onto it, the navigator maps
the copy's offsets onto it, and hovering a restored word tells what the copy really says.
Turning the view off puts the copy back with its own highlights, at the same place.
"""

from __future__ import annotations

import dataclasses
import html

from unspin.core.restore import Unspun, unspun_layers, unspun_text
from unspin.gui.jobs import ViewResult
from unspin.gui.offsets import OffsetMap


class UnspunView:
    """Switches the right pane between the copy and its unspun reading."""

    def __init__(self, window):
        self.window = window
        self.enabled = False  # the View menu toggle
        self.unspun: Unspun | None = None  # what the right pane shows, when unspun
        self._pending: ViewResult | None = None  # decorated once the pane has the whole text
        self._copy_tooltips = window.right_pane.tooltip_provider
        window.right_pane.loaded.connect(self._on_loaded)

    @property
    def showing(self) -> bool:
        """True while the right pane holds the unspun text."""
        return self.unspun is not None

    def set_enabled(self, enabled: bool):
        """Turn the unspun view on or off; while on it follows every new comparison."""
        self.enabled = enabled
        view = self.window.view
        if view is None or view.highlights is None:
            return  # shown when the comparison arrives
        if enabled and not self.showing:
            self._load(view, unspun_text(view.comparison))
        elif not enabled and self.showing:
            self._load(view, None)

    def view_changed(self, view: ViewResult):
        """A comparison was shown in the window: show it unspun if the toggle is on."""
        if self.enabled:
            self._load(view, unspun_text(view.comparison))

    def forget(self):
        """The texts changed: put the copy back, the old unspun text no longer matches."""
        self._pending = None
        if self.showing:
            self.unspun = None
            self._reset_decorations()
            document = self.window.documents[1]
            if document is not None:
                self.window.right_pane.set_document(document)

    def _load(self, view: ViewResult, unspun: Unspun | None):
        """Put the unspun text (or, with None, the copy) in the right pane; it is
        decorated once loaded (a long text goes in slice by slice)."""
        c = view.comparison
        self.unspun = unspun
        self._pending = view
        shown = c.new if unspun is None else dataclasses.replace(
            c.new, text=unspun.text, name=f"{c.new.name} (unspun)")
        self.window.right_pane.set_document(shown, words=c.stats.new_words)
        if unspun is None:
            message = "The copy as it is (Ctrl+U shows it unspun)"
        else:
            n = len(unspun.spans)
            message = (f"Unspun copy: {n:,} spinner swap{'s' if n != 1 else ''} put back to the "
                       f"original's words (Ctrl+U shows the copy as it is)")
        self.window.statusBar().showMessage(message, 8000)

    def _on_loaded(self):
        view, self._pending = self._pending, None
        if view is None:
            return
        if self.unspun is None:
            self._decorate_copy(view)
        else:
            self._decorate_unspun(view, self.unspun)
        self.window.sync.sync_from(self.window.left_pane)

    def _decorate_unspun(self, view: ViewResult, u: Unspun):
        w, h = self.window, view.highlights
        pane = w.right_pane
        pane.set_offsets(OffsetMap(u.text))
        pane.highlighter.set_layers(unspun_layers(h.new_ops, h.new_swaps, u), pane.offsets)
        alignment = tuple(b._replace(new_start=u.to_unspun(b.new_start), new_end=u.to_unspun(b.new_end))
                          for b in view.comparison.alignment)
        w.sync.set_alignment(alignment)
        w.link_strip.set_alignment(alignment)
        w.navigator.set_right_mapping(u.to_unspun, u.to_copy)
        pane.tooltip_provider = self.explain
        w.verdict_bar.show_restored = True
        w.verdict_bar.update_legend()

    def _decorate_copy(self, view: ViewResult):
        w, h, c = self.window, view.highlights, view.comparison
        self._reset_decorations()
        w.right_pane.set_offsets(view.new_offsets)
        w.right_pane.highlighter.set_layers((h.new_ops, h.new_swaps), w.right_pane.offsets)
        w.sync.set_alignment(c.alignment)
        w.link_strip.set_alignment(c.alignment)

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
