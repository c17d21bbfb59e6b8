"""Start the reading window."""

from __future__ import annotations

import sys


def run_window(files: list[str]) -> int:
    """Open the main window with *files* (none: the bundled demo pair); return the exit code."""
    from PySide6.QtWidgets import QApplication

    from unspin.gui.main_window import MainWindow

    # A comparison runs in a worker thread; a short switch interval lets the UI thread
    # get the GIL back within a couple of milliseconds whenever it needs it.
    sys.setswitchinterval(0.002)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Unspin")
    app.setOrganizationName("Unspin")
    window = MainWindow()
    window.show()
    window.open_initial(files)
    return app.exec()
