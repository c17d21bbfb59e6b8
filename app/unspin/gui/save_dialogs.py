"""Save dialogs: a suffix the app adds after the dialog was answered is checked again.

The dialog's "replace it?" question was about the name as typed; ``case`` + ``.unspin``
may name a file nobody was asked about.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox


def confirm_replace(parent, path: str) -> bool:
    """Ask whether the existing *path* may be replaced (No is the default)."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(
        parent, "Replace the file?",
        f"“{os.path.basename(path)}” already exists in {os.path.dirname(path) or '.'}.\n"
        "Do you want to replace it?", buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def may_write(parent, path: str, confirm=confirm_replace) -> bool:
    """True unless *path* (a name the app completed) exists and the user keeps it."""
    return not os.path.lexists(path) or confirm(parent, path)
