"""Files handed to the running window: the empty pane, asking which side, the demo pair,
and macOS file-open events."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from unspin.gui.open_requests import LEFT, RIGHT, ask_side

from tests.conftest import ORIGINAL, SPUN
from tests.gui.test_window import opened


@pytest.fixture
def text_file(tmp_path):
    """A third text, with CRLF line endings and non-ASCII words."""
    path = tmp_path / "troisième copie.txt"
    path.write_bytes("Le chat est assis.\r\nNan chat 😀 est assis.\r\n".encode("utf-8"))
    return path


def paths(window):
    return [d.path if d else None for d in window.documents]


def test_one_file_goes_into_the_empty_pane(qtbot, window):
    """With the original open, a handed-over file becomes the copy and the pair is compared."""
    window.load_file(LEFT, str(ORIGINAL), compare_now=False)
    window.opener.open_paths([str(SPUN)])
    opened(qtbot, window)
    assert paths(window) == [str(ORIGINAL), str(SPUN)]
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)


def test_a_file_replaces_the_demo_pair(qtbot, window, text_file):
    """The demo pair is not the user's work: their file becomes the original, the copy pane waits."""
    window.open_initial([])
    assert window.opener.showing_demo()  # while its texts are read, too
    opened(qtbot, window)
    assert window.opener.showing_demo()
    window.opener.open_paths([str(text_file)])
    opened(qtbot, window)
    assert paths(window) == [str(text_file), None]
    assert window.right_pane.document is None


def test_both_panes_full_asks_which_side(qtbot, window, text_file, tmp_path):
    """When both panes hold the user's texts they pick the side; cancelling changes nothing."""
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_bytes(ORIGINAL.read_bytes())
    new.write_bytes(SPUN.read_bytes())
    window.open_initial([str(old), str(new)])
    asked = []
    window.opener.choose_side = lambda _w, path: asked.append(path) or None
    window.opener.open_paths([str(text_file)])  # the pair is still being read: both panes count as full
    opened(qtbot, window)
    assert asked == [str(text_file)] and paths(window) == [str(old), str(new)]
    window.opener.choose_side = lambda _w, _path: LEFT
    window.opener.open_paths([str(text_file)])
    opened(qtbot, window)
    assert paths(window) == [str(text_file), str(new)]


@pytest.mark.parametrize("key, expected", [(Qt.Key.Key_Return, RIGHT), (Qt.Key.Key_Escape, None),
                                           (Qt.Key.Key_O, LEFT)])
def test_the_side_question_answers_from_the_keyboard(qtbot, window, key, expected):
    """Enter replaces the copy (the default), Escape cancels, Alt+O picks the original."""
    def press():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        modifier = Qt.KeyboardModifier.AltModifier if key == Qt.Key.Key_O else Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(box, key, modifier)

    QTimer.singleShot(200, press)
    assert ask_side(window, "/tmp/x.txt") == expected


def test_more_than_two_files_open_the_first_two_and_say_so(qtbot, window, text_file):
    """Three files: the first two are compared and the status bar says one was left out."""
    window.opener.open_paths([str(ORIGINAL), str(SPUN), str(text_file)])
    opened(qtbot, window)
    assert paths(window) == [str(ORIGINAL), str(SPUN)]
    assert "1 more file was not opened" in window.statusBar().currentMessage()


def test_a_file_that_cannot_be_read_keeps_the_pane_and_says_why(qtbot, window, tmp_path):
    """A binary file handed over is refused in its pane with the reason; nothing is lost."""
    window.load_file(LEFT, str(ORIGINAL), compare_now=False)
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 20)
    window.opener.open_paths([str(binary)])
    opened(qtbot, window)
    assert paths(window) == [str(ORIGINAL), None]
    assert "photo.jpg" in window.right_pane.error_text()


def test_a_macos_file_open_event_loads_the_file(qtbot, window, text_file):
    """A QFileOpenEvent (Finder's double-click) is queued until the window is ready, then loaded."""
    app = QApplication.instance()
    app.set_file_handler(None)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(text_file)))
        assert paths(window) == [None, None]  # no window handler yet: the path waits
        app.set_file_handler(window.opener.open_paths)
        opened(qtbot, window)
        assert paths(window) == [str(text_file), None]
        QApplication.sendEvent(app, QFileOpenEvent(str(SPUN)))
        opened(qtbot, window)
        assert paths(window) == [str(text_file), str(SPUN)]
    finally:
        app.set_file_handler(None)


def test_a_minimised_window_comes_back_when_a_file_arrives(qtbot, window):
    """Files from another launch un-minimise the window so the user sees them arrive."""
    window.showMinimized()
    qtbot.waitUntil(lambda: window.isMinimized())
    window.opener.open_paths([str(ORIGINAL)])
    assert not window.isMinimized() and window.isVisible()
