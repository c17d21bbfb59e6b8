"""What the window remembers between runs: geometry, splitters, font, link scrolling."""

from __future__ import annotations

from PySide6.QtGui import QFont


def restore_window(window) -> None:
    """Put the window back as it was saved."""
    s = window.settings
    if s.value("window/geometry"):
        window.restoreGeometry(s.value("window/geometry"))
    if s.value("window/panes"):
        window.pane_splitter.restoreState(s.value("window/panes"))
    if s.value("window/main"):
        window.main_splitter.restoreState(s.value("window/main"))
    font = QFont()
    if s.value("text/font") and font.fromString(str(s.value("text/font"))):
        window.set_text_font(font)
    linked = str(s.value("view/linked", "true")).lower() == "true"
    window.act_link.setChecked(linked)
    window.sync.set_enabled(linked)


def save_window(window) -> None:
    """Remember geometry, splitters, font, link toggle (recent pairs are saved as they change)."""
    s = window.settings
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/panes", window.pane_splitter.saveState())
    s.setValue("window/main", window.main_splitter.saveState())
    s.setValue("text/font", window.text_font().toString())
    s.setValue("view/linked", "true" if window.act_link.isChecked() else "false")
    s.sync()
