"""A suffix the app adds after a save dialog was answered never replaces a file unasked."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.conftest import ORIGINAL, SPUN


@pytest.fixture
def compared_window(qtbot, window):
    """The window with the seed pair compared."""
    window.open_initial([str(ORIGINAL), str(SPUN)])
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    return window


@pytest.mark.parametrize("answer", [False, True])
def test_session_named_without_suffix_asks_before_replacing_the_suffixed_file(compared_window, tmp_path, answer):
    """Typing 'case' when case.unspin exists asks again; No keeps the file, Yes replaces it."""
    existing = tmp_path / "case.unspin"
    existing.write_text("keep me", encoding="utf-8")
    asked = []
    sessions = compared_window.sessions
    sessions.ask_save_path = lambda _w, suggested: str(tmp_path / "case")
    sessions.confirm_replace = lambda _w, path: asked.append(path) or answer
    assert sessions.save_dialog() is answer
    assert asked == [str(existing)]
    assert (existing.read_text(encoding="utf-8") == "keep me") is not answer


def test_report_named_without_suffix_asks_before_replacing_the_suffixed_file(compared_window, tmp_path,
                                                                             monkeypatch):
    """Export as 'evidence' with the web-page filter asks about evidence.html; No keeps it."""
    existing = tmp_path / "evidence.html"
    existing.write_text("keep me", encoding="utf-8")
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "evidence"), "Evidence report, web page (*.html *.htm)"))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No)
    assert compared_window.evidence.export_report() is None
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert len(asked) == 1 and "evidence.html" in asked[0]
