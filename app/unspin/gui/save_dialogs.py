"""Save dialogs: a suffix the app adds after the dialog was answered is checked again.

The dialog's "replace it?" question was about the name as typed; ``case`` + ``.unspin``
may name a file nobody was asked about.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from unspin.core.resources import seed_paths


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


def save_folder(source_path: str | None) -> str:
    """Where a save dialog opens for output about the file at *source_path*: its folder,
    unless that is the app's own demo folder or not writable (an installed package), then
    the user's Documents folder (or home)."""
    folder = os.path.dirname(source_path) if source_path else ""
    demo = os.path.dirname(str(seed_paths()[0]))
    if folder and os.access(folder, os.W_OK) and not _same_folder(folder, demo):
        return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and os.path.isdir(documents) else os.path.expanduser("~")


def _same_folder(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
