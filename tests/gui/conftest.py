"""GUI tests run offscreen: no display needed."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def qapp_cls():
    """The application class Unspin runs with (it handles macOS file-open events)."""
    from unspin.gui.app import UnspinApplication

    return UnspinApplication


@pytest.fixture
def window(qtbot, tmp_path):
    """A shown main window with settings in a temporary file."""
    from PySide6.QtCore import QSettings

    from unspin.gui.main_window import MainWindow

    w = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    qtbot.waitExposed(w)
    return w
