"""Moving through a comparison: swap occurrences, changes, and hover explanations."""

from __future__ import annotations

from array import array

from unspin.core.highlights import DELETED, INSERTED
from unspin.gui.jobs import ViewResult


class Navigator:
    """Knows where each swap occurrence and each change is; tells the panes to show them."""

    def __init__(self, left, right, sync):
        self.left, self.right, self.sync = left, right, sync
        self.view: ViewResult | None = None
        self.changes = array("q")  # indices of the non-equal ops
        self.swap = None
        self.occurrence = 0
        self.change = -1
        # The right pane may show another text than the copy (the unspun view): these map
        # the copy's offsets to the shown text's and back.
        self.copy_to_shown = self.shown_to_copy = _same

    def set_right_mapping(self, copy_to_shown=None, shown_to_copy=None):
        """Map the copy's offsets onto the text the right pane shows (None: the copy itself)."""
        self.copy_to_shown = copy_to_shown or _same
        self.shown_to_copy = shown_to_copy or _same

    def set_view(self, view: ViewResult | None):
        """Navigate this result (None: nothing to navigate)."""
        self.view = view
        self.swap = None
        self.occurrence = 0
        self.change = -1
        self.changes = view.changes if view else array("q")

    # --- swaps ---------------------------------------------------------------------

    def select_swap(self, swap) -> str:
        """Show the first occurrence of *swap*; returns a status message."""
        self.swap = swap
        self.occurrence = 0
        return self._show_occurrence()

    def step_occurrence(self, step: int) -> str:
        """Show the next (+1) or previous (-1) occurrence of the selected swap, wrapping."""
        if self.swap is None:
            return "Select a swap first."
        self.occurrence = (self.occurrence + step) % self.swap.count
        return self._show_occurrence()

    def _show_occurrence(self) -> str:
        os_, oe, ns, ne = self.swap.occurrences[self.occurrence]
        self._show(os_, oe, ns, ne)
        return (f"{self.swap.old} → {self.swap.new}: occurrence {self.occurrence + 1} of "
                f"{self.swap.count} (F3 next, Shift+F3 previous)")

    # --- changes -------------------------------------------------------------------

    def step_change(self, step: int) -> str:
        """Show the next (+1) or previous (-1) change after the current one or the view."""
        if not self.changes:
            return "No changes."
        if self.change < 0:
            self.change = self._first_change_on_screen() - (1 if step > 0 else 0)
        self.change = max(0, min(len(self.changes) - 1, self.change + step))
        c = self.view.comparison
        self._show(*c.op_spans(c.ops[self.changes[self.change]]))
        return f"Change {self.change + 1} of {len(self.changes)}"

    def swap_of_change(self) -> int | None:
        """The index (in the comparison's swaps) of the swap the current change holds, if any."""
        if self.view is None or self.view.highlights is None or self.change < 0:
            return None
        c, h = self.view.comparison, self.view.highlights
        os_, oe, ns, ne = c.op_spans(c.ops[self.changes[self.change]])
        hit = h.new_swaps.at(ns) if ne > ns else h.old_swaps.at(os_)
        return hit[3] if hit is not None else None

    def _first_change_on_screen(self) -> int:
        start = self.shown_to_copy(self.right.highlighter.visible_span()[0])
        c = self.view.comparison
        lo, hi = 0, len(self.changes)
        while lo < hi:
            mid = (lo + hi) // 2
            if c.op_spans(c.ops[self.changes[mid]])[2] < start:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _show(self, os_, oe, ns, ne):
        ns, ne = self.copy_to_shown(ns), self.copy_to_shown(ne)
        with self.sync.suspended():
            self.left.show_span(os_, oe, mark=oe > os_)
            self.right.show_span(ns, ne, mark=ne > ns)
            if oe == os_:
                self.left.highlighter.set_mark(None)
            if ne == ns:
                self.right.highlighter.set_mark(None)

    # --- hover ---------------------------------------------------------------------

    def explain(self, position: int, left: bool) -> str | None:
        """Tooltip text for the character at *position* in the left or right pane."""
        if self.view is None or self.view.highlights is None:
            return None
        c, h = self.view.comparison, self.view.highlights
        position = position if left else self.shown_to_copy(position)
        hit = (h.old_swaps if left else h.new_swaps).at(position)
        if hit is not None:
            return _swap_text(c.swaps[hit[3]], left)
        hit = (h.old_ops if left else h.new_ops).at(position)
        if hit is None:
            return None
        os_, oe, ns, ne = c.op_spans(c.ops[hit[3]])
        if hit[2] == DELETED:
            return "Deleted: not in the copy."
        if hit[2] == INSERTED:
            return "Inserted: not in the original."
        other = c.new.text[ns:ne] if left else c.old.text[os_:oe]
        return f"Reworded. {'Copy' if left else 'Original'} has: “{_clip(other)}”"


def _same(position: int) -> int:
    return position


def _swap_text(swap, left: bool) -> str:
    counterpart = swap.new if left else swap.old
    lines = [f"<b>{_html(swap.old)} → {_html(swap.new)}</b>",
             f"{'Copy' if left else 'Original'} has “{_html(counterpart)}” · "
             f"suspicion {swap.score:.2f} · {swap.count}×"]
    lines += [f"• {_html(r.text)}" for r in swap.reasons]
    return "<br>".join(lines)


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
