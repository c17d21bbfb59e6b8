"""Start the reading window: one per user, files from later launches go into it."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication

from unspin.core.fetch import is_url

log = logging.getLogger(__name__)


class UnspinApplication(QApplication):
    """The application object; it turns macOS file-open events into paths for the window.

    Finder sends ``QFileOpenEvent`` instead of command-line arguments, possibly before
    the window exists: those paths wait until :meth:`set_file_handler` is called.
    """

    files_opened = Signal(list)

    def __init__(self, argv: list[str]):
        super().__init__(argv)
        self._queued: list[str] = []
        self._handler = None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file() or event.url().toLocalFile()
            if path:
                self._deliver([path])
            return True
        return super().event(event)

    def set_file_handler(self, handler) -> None:
        """Send opened files to *handler* from now on, first the ones that were waiting
        (None: queue them again, e.g. while no window is there)."""
        self._handler = handler
        if handler is not None and self._queued:
            queued, self._queued = self._queued, []
            handler(queued)

    def _deliver(self, paths: list[str]) -> None:
        if self._handler is None:
            self._queued.extend(paths)
        else:
            self._handler(paths)


def run_window(files: list[str], new_window: bool = False, smoke_test: bool = False) -> int:
    """Open the window with *files* (none: the demo pair), or hand them to a running one."""
    cwd = os.getcwd()
    single = not (new_window or smoke_test)
    if single:
        status = _hand_over(files, cwd)
        if status is not None:
            return status
    # A comparison runs in a worker thread; a short switch interval lets the UI thread
    # get the GIL back within a couple of milliseconds whenever it needs it.
    sys.setswitchinterval(0.002)
    app = QApplication.instance() or UnspinApplication(sys.argv[:1])
    _set_up_application(app)
    server = None
    if single:
        server, status = _listen(app, files, cwd)
        if status is not None:
            return status
    from unspin.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if files:
        window.opener.open_paths([f if is_url(f) else os.path.abspath(f) for f in files])
    else:
        window.open_initial([])
    if server is not None:
        server.files_received.connect(window.opener.open_paths)
    if isinstance(app, UnspinApplication):
        app.set_file_handler(window.opener.open_paths)
    if smoke_test:
        from unspin.gui.smoke import SmokeTest

        app._smoke = SmokeTest(window)  # kept alive until the event loop ends
    return app.exec()


def _hand_over(files: list[str], cwd: str) -> int | None:
    """Give *files* to a running window: the exit status once it has them or may still get
    them (then no second window opens), None when this process should open its own."""
    from unspin.gui.single_instance import ANSWER_TIMEOUT_MS, Delivery, InstanceError, send_to_running

    try:
        delivery = send_to_running(files, cwd)
    except InstanceError as exc:
        log.warning("%s", exc)
        return None
    if delivery is Delivery.DELIVERED:
        return 0
    if delivery is Delivery.UNANSWERED:
        print(f"unspin: the running Unspin window did not answer within {ANSWER_TIMEOUT_MS // 1000} s, "
              "so it will not open the files; try again, or use --new-window", file=sys.stderr)
        return 1
    if delivery is Delivery.REFUSED:
        log.warning("%s; opening an independent window", delivery.value)
    return None


def _listen(app: QApplication, files: list[str], cwd: str):
    """(the server for later launches, None), or (None, the exit status) when a window that
    started at the same moment took the files; (None, None): an independent window."""
    from unspin.gui.single_instance import InstanceError, InstanceServer

    try:
        server = InstanceServer(parent=app)
    except InstanceError as exc:
        log.warning("%s; opening an independent window", exc)
        return None, None
    if server.listen():
        return server, None
    status = _hand_over(files, cwd)  # another one started at the same moment
    if status is None:
        log.warning("could not listen on %s: %s; opening an independent window", server.name, server.error)
    return None, status


def _set_up_application(app: QApplication) -> None:
    """Names for settings, the window icon and a font on systems that have none."""
    from PySide6.QtGui import QIcon

    from unspin.core.resources import resource_path

    app.setApplicationName("Unspin")
    app.setOrganizationName("Unspin")
    app.setDesktopFileName("io.github.unspin.Unspin")  # Wayland matches the window to the .desktop
    app.setWindowIcon(QIcon(str(resource_path("unspin.svg"))))
    ensure_font(app)


def ensure_font(app: QApplication) -> bool:
    """Load the bundled DejaVu Sans when the system offers no font (text would be boxes)."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from unspin.core.resources import resource_path

    # Without fonts Qt still lists the aliases "Sans Serif", "Serif" and "Monospace":
    # ask whether the default font really draws a letter.
    if QFontMetrics(app.font()).inFont("a"):
        return False
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts/DejaVuSans.ttf")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("the system has no fonts and the bundled font could not be loaded")
        return False
    app.setFont(QFont(families[0], app.font().pointSize()))
    return True
