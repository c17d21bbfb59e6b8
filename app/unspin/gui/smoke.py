"""``unspin --smoke-test``: prove a build works end to end, then quit.

Used by ``packaging/build.sh`` on the built bundle: the window opens the pair (the demo
pair by default), compares it, paints the highlights, and the process exits 0 with a
one-line summary, or 1 with the reason.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

TIMEOUT_MS = 60_000


class SmokeTest(QObject):
    """Waits for the first highlighted comparison in *window*, checks it and quits."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.comparison_shown.connect(self._check, type=_queued())
        window.model.listeners.append(self)
        QTimer.singleShot(TIMEOUT_MS, self, self._time_out)

    def load_failed(self, _side: int, _message: str):
        """A file that could not be loaded will never be compared: fail at once."""
        QTimer.singleShot(0, self, self._time_out)

    def _check(self):
        window = self.window
        for pane in window.panes:
            pane.highlighter.refresh()
        image = window.grab().toImage()  # paints the window, highlights included
        problems = []
        if not all(pane.editor.extraSelections() for pane in window.panes):
            problems.append("no highlights were painted")
        if not QFontDatabase.families():
            problems.append("no font is available: text would render as boxes")
        elif not QFontMetrics(window.text_font()).inFont("a"):
            problems.append(f"the text font {window.text_font().family()!r} has no Latin glyphs")
        if image.isNull():
            problems.append("the window could not be painted")
        c = window.view.comparison
        if problems:
            self._finish(1, "smoke test FAILED: " + "; ".join(problems))
            return
        top = c.swaps[0] if c.swaps else None
        self._finish(0, f"smoke test passed: {c.old.name} vs {c.new.name}, {len(c.swaps)} distinct swaps"
                        + (f", top “{top.old} → {top.new}”" if top else "")
                        + f", font {window.text_font().family()}")

    def _time_out(self):
        errors = [pane.error_text() for pane in self.window.panes if pane.error_text()]
        self._finish(1, "smoke test FAILED: " + (" ".join(errors) if errors else "no comparison within 60 s"))

    def _finish(self, code: int, message: str):
        print(message, file=sys.stdout if code == 0 else sys.stderr, flush=True)
        self.window.close()
        QApplication.instance().exit(code)


def _queued():
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.QueuedConnection  # after the window finished applying the view
