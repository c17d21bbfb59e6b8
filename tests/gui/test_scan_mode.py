"""One text open alone: its spinner words are flagged in the pane, the sidebar and the verdict."""

from PySide6.QtCore import Qt

from tests.conftest import ORIGINAL, SPUN


def open_alone(qtbot, window, path, side):
    window.load_file(side, str(path))
    qtbot.waitUntil(lambda: window.scan.active, timeout=20000)


def test_spun_copy_alone_is_flagged_with_likely_originals(qtbot, window):
    """The spun seed opened alone on the right: sidebar rows read 'the → nan', a high spin score."""
    open_alone(qtbot, window, SPUN, 1)
    model = window.sidebar.view.model()
    assert model.headerData(0, Qt.Horizontal) == "Likely original"
    rows = {(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())}
    assert {("the", "nan"), ("at", "astatine"), ("in", "successful"), ("may", "whitethorn")} <= rows
    assert "Likely spun" in window.verdict_bar.verdict.text()
    assert float(window.verdict_bar.score.text().split(">")[1].split("<")[0]) > 0.9
    assert len(window.right_pane.highlighter.layers[0]) > 100


def test_selecting_a_flag_shows_it_and_f3_steps(qtbot, window):
    """Choosing 'at → astatine' marks its first occurrence in the pane; F3 moves to the next."""
    open_alone(qtbot, window, SPUN, 1)
    model = window.sidebar.view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "astatine")
    window.sidebar.view.setCurrentIndex(model.index(row, 0))
    swap = window.scan.swap
    first = swap.occurrences[0][:2]
    assert window.right_pane.highlighter.mark_span == first
    assert window.right_pane.span_visible(*first)
    window.sidebar.view.setFocus()
    qtbot.keyClick(window.sidebar.view, Qt.Key.Key_F3)
    assert window.right_pane.highlighter.mark_span == swap.occurrences[1][:2]
    assert "likely “at”" in window.statusBar().currentMessage()


def test_original_alone_on_the_left_is_scanned_too(qtbot, window):
    """The fluent original alone on the left gets no flags and says so."""
    open_alone(qtbot, window, ORIGINAL, 0)
    assert window.sidebar.view.model().rowCount() == 0
    assert "No sign of a spinner" in window.verdict_bar.verdict.text()


def test_opening_the_second_text_replaces_the_scan_with_a_comparison(qtbot, window):
    """With both texts open the window compares them: column titles and verdict are back."""
    open_alone(qtbot, window, SPUN, 1)
    window.view = None
    window.load_file(0, str(ORIGINAL))
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    assert not window.scan.active
    assert window.sidebar.view.model().headerData(0, Qt.Horizontal) == "Old"


def test_hovering_a_flag_explains_it(qtbot, window):
    """The tooltip of a flagged word names its likely original and the reasons."""
    open_alone(qtbot, window, SPUN, 1)
    flag = window.scan.view.result.flags[0]
    text = window.right_pane.tooltip_provider(flag.start)
    assert f"likely “{flag.original.lower()}”" in text.lower() and "spinner" in text


def test_a_text_in_another_language_is_not_scanned(qtbot, window, tmp_path):
    """A French text alone gets a message that the scan needs English, and no flags."""
    path = tmp_path / "article.txt"
    path.write_text("Le président a déclaré que la décision était prise dans la nuit. " * 20, encoding="utf-8")
    window.load_file(1, str(path))
    qtbot.waitUntil(lambda: window.model.task is None, timeout=20000)
    assert "needs English" in window.verdict_bar.verdict.text()
    assert window.sidebar.view.model().rowCount() == 0 and not window.scan.active
