"""Edit → Find in the pane that last had the keyboard focus."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


class PaneFinder:
    """Searches the active pane for the find bar's text, wrapping, the match mid-screen."""

    def __init__(self, panes, find_bar):
        self.panes, self.find_bar = panes, find_bar
        self._last_pane = None
        find_bar.find_requested.connect(self.find)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def active_pane(self):
        """The pane that last had the keyboard focus (the copy by default)."""
        return self._last_pane or self.panes[1]

    def open(self):
        """Show the find bar, pre-filled with the active pane's selection."""
        self.find_bar.open_bar(self.active_pane().editor.textCursor().selectedText())

    def find(self, text: str, backward: bool, flags):
        """Search the active pane."""
        pane = self.active_pane()
        editor = pane.editor
        found = editor.find(text, flags)
        if not found:  # wrap around
            cursor = editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            editor.setTextCursor(cursor)
            found = editor.find(text, flags)
        if found:  # the match mid-screen, where the eye is, not on the bottom line
            pane.center_cursor()
        self.find_bar.show_result(found)

    def _on_focus_changed(self, _old, new):
        for pane in self.panes:
            if new is pane.editor:
                self._last_pane = pane
