"""Opening files in the background: the window keeps answering while a slow file is read,
says what it is opening, can cancel it, and ends with the comparison on screen."""

import time

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from tests.conftest import ORIGINAL, SPUN
from tests.gui.test_window import open_pair
import unspin.app_model as app_model

SLOW_SECONDS = 0.8


@pytest.fixture
def slow_files(monkeypatch):
    """Reading any file takes SLOW_SECONDS (a 300-page PDF, a slow web server)."""
    real = app_model.load_any

    def slow(path, *args, **kwargs):
        time.sleep(SLOW_SECONDS)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(app_model, "load_any", slow)


class Ticks:
    """A 10 ms timer on the UI thread: the longest gap between its ticks is how long the
    window did not answer."""

    def __init__(self):
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last, self.longest = 0, 0
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self):
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now


def test_a_slow_file_leaves_the_window_responsive_and_ends_compared(qtbot, window, slow_files):
    """While two slow files are read the event loop keeps running, the window says what it
    is opening with a Cancel button, and the comparison is shown at the end."""
    ticks = Ticks()
    window.open_initial([str(ORIGINAL), str(SPUN)])
    assert window.model.status == "loading"  # open_initial came back before the files were read
    assert f"Opening {ORIGINAL.name}" in window.verdict_bar.verdict.text()
    assert window.cancel_button.isVisible() and window.progress.isVisible()
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    ticks.timer.stop()
    assert ticks.longest < SLOW_SECONDS * 1000 / 2, f"the window froze for {ticks.longest} ms"
    assert [d.name for d in window.documents] == [ORIGINAL.name, SPUN.name]
    assert window.right_pane.document.name == SPUN.name
    assert window.view.comparison.classification == "spun" and window.sidebar.view.model().rowCount()
    assert not window.cancel_button.isVisible()


def test_cancelling_a_slow_file_keeps_the_comparison_on_screen(qtbot, window, tmp_path, monkeypatch):
    """Cancel while a dropped file is still being read: the texts and comparison stay."""
    before = open_pair(qtbot, window, ORIGINAL, SPUN)
    real = app_model.load_any
    monkeypatch.setattr(app_model, "load_any", lambda path: time.sleep(SLOW_SECONDS) or real(path))
    other = tmp_path / "other.txt"
    other.write_text(ORIGINAL.read_text(encoding="utf-8"), encoding="utf-8")
    window.load_file(1, str(other))
    qtbot.waitUntil(window.cancel_button.isVisible, timeout=5000)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cancelled" in window.verdict_bar.verdict.text(), timeout=10000)
    assert window.documents[1].name == SPUN.name and window.right_pane.document.name == SPUN.name
    assert window.view is not None and window.view.comparison is before
    assert not window.cancel_button.isVisible()


def test_a_file_dropped_while_another_loads_wins(qtbot, window, tmp_path, slow_files):
    """Two files opened one after the other in the same pane: the later one is shown and
    compared, whichever is read first."""
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ORIGINAL.read_text(encoding="utf-8").replace(" at ", " astatine "), encoding="utf-8")
    second.write_bytes(SPUN.read_bytes())
    window.open_initial([str(ORIGINAL), str(first)])
    window.load_file(1, str(second))
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    assert [d.name for d in window.documents] == [ORIGINAL.name, "second.txt"]
    assert window.view.comparison.new.name == "second.txt"
    qtbot.wait(int(SLOW_SECONDS * 2000))  # the first request's reads are long over
    assert window.documents[1].name == "second.txt" and window.view.comparison.new.name == "second.txt"


def test_a_refused_file_leaves_the_verdict_of_the_texts_shown(qtbot, window, tmp_path):
    """A binary file opened over a compared pair: its pane says why, and the verdict bar
    goes back from "Opening…" to the verdict of the texts still shown."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    window.load_file(1, str(binary))
    assert "Opening photo.txt" in window.verdict_bar.verdict.text()
    qtbot.waitUntil(lambda: window.model.task is None, timeout=10000)
    assert "photo.txt" in window.right_pane.error_text()
    assert "Spun copy" in window.verdict_bar.verdict.text() and not window.cancel_button.isVisible()


def test_a_long_pair_shows_its_changes_while_its_swaps_are_judged(qtbot, window, tmp_path, monkeypatch):
    """While a long pair's swaps are judged the panes already show its changes, linked,
    and the verdict bar says the swaps are being judged; the swap list and the verdict
    follow with the result."""
    import threading

    import unspin.core.compare as compare_module
    from tests.test_app_model import _long_pair
    from unspin.views import PREVIEW_MIN_CHARS

    release = threading.Event()
    real_judge = compare_module.judge

    def held_judge(*args, **kwargs):
        release.wait(20)
        return real_judge(*args, **kwargs)

    monkeypatch.setattr(compare_module, "judge", held_judge)
    old, new = _long_pair(tmp_path, 1 + PREVIEW_MIN_CHARS // len(ORIGINAL.read_text(encoding="utf-8")))
    window.open_initial([old, new])
    try:
        qtbot.waitUntil(lambda: "being judged" in window.verdict_bar.verdict.text(), timeout=20000)
        assert window.view is None and window.sidebar.model.rowCount() == 0
        assert window.sidebar.count_label.text() == "Judging the swaps…"
        for pane in window.panes:
            assert len(pane.editor.extraSelections()) > 20  # the changes on screen, highlighted
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.view is not None and window.sidebar.model.rowCount() > 0, timeout=20000)
    assert "Spun copy" in window.verdict_bar.verdict.text()
