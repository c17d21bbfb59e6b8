"""Where files handed to the running window go: from a second ``unspin FILE``, a
double-click (macOS file-open events) or the command line.

One file goes into the empty pane (the demo pair counts as empty); when both panes hold
the user's texts the window asks which one to replace. Two files open as a pair, a
session file opens its pair.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from unspin.core.resources import seed_paths
from unspin.core.session import is_session_path

LEFT, RIGHT = 0, 1


def ask_side(window, path: str) -> int | None:
    """Ask which pane *path* should replace; None when the user cancels (Escape)."""
    box = QMessageBox(QMessageBox.Icon.Question, "Open in which pane?",
                      f"Both panes hold a text. Where should “{os.path.basename(path)}” go?",
                      parent=window)
    box.setInformativeText("The other pane keeps its text and the two are compared.")
    left = box.addButton("Replace the &Original (left)", QMessageBox.ButtonRole.AcceptRole)
    right = box.addButton("Replace the &Copy (right)", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(right)  # a suspect copy is what usually changes between comparisons
    box.exec()
    return {id(left): LEFT, id(right): RIGHT}.get(id(box.clickedButton()))


def bring_to_front(window) -> None:
    """Un-minimise, raise and activate *window* (the desktop may still just flash it)."""
    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized)
                          | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class FileRouter:
    """Puts handed-over files into the application model; *window* is the top-level
    window to bring to the front (and to ask from), *open_session* opens a session file.
    ``choose_side`` is replaceable for tests."""

    def __init__(self, model, window, open_session, choose_side=ask_side):
        self.model, self.window, self.open_session = model, window, open_session
        self.choose_side = choose_side

    def open_paths(self, paths: list[str]) -> None:
        """Open *paths* as the user expects, then bring the window to the front."""
        bring_to_front(self.window)
        sessions = [p for p in paths if is_session_path(p)]
        texts = [p for p in paths if not is_session_path(p)]
        if sessions:
            self.open_session(sessions[0])
        elif len(texts) >= 2:
            self.model.open_many({LEFT: texts[0], RIGHT: texts[1]})
        elif texts:
            self.open_one(texts[0])
        ignored = len(paths) - (1 if sessions else min(len(texts), 2))
        if ignored > 0:
            self.window.statusBar().showMessage(
                f"Opened {'the session' if sessions else 'the first two files'}; "
                f"{ignored} more file{'s were' if ignored > 1 else ' was'} not opened "
                f"(Unspin compares two texts at a time)", 8000)

    def open_one(self, path: str) -> None:
        """One file: the empty pane, or the side the user picks when both are full."""
        model = self.model
        if self.showing_demo():
            model.set_document(RIGHT, None, start=False)
            side = LEFT
        elif model.is_empty(LEFT):
            side = LEFT
        elif model.is_empty(RIGHT):
            side = RIGHT
        else:
            side = self.choose_side(self.window, path)
            if side is None:
                return
        model.open(side, path)

    def showing_demo(self) -> bool:
        """True while the panes hold the bundled demo pair, which a user's file replaces."""
        paths = [self.model.path_of(side) for side in (LEFT, RIGHT)]
        paths = [os.path.normcase(os.path.abspath(p)) if p else None for p in paths]
        return paths == [os.path.normcase(os.path.abspath(p)) for p in seed_paths()]
