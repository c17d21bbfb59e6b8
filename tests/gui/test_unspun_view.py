"""View → Unspun Copy: the copy read back into the original's words, in the right pane."""

from PySide6.QtCore import Qt

from tests.conftest import ORIGINAL, SPUN
from tests.gui.test_window import _paragraphs, open_pair, row_of
from unspin.core.restore import unspun_text


def toggle(qtbot, window):
    """Press Ctrl+U as a user would; turning the view on, wait for the unspun copy."""
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    if window.act_unspun.isChecked():
        qtbot.waitUntil(lambda: window.unspun_view.ready, timeout=10000)


def test_ctrl_u_shows_the_restored_words_and_back(qtbot, window):
    """Ctrl+U puts 'the' for 'nan' and 'at' for 'astatine' in the right pane; again, the copy."""
    c = open_pair(qtbot, window, ORIGINAL, SPUN)
    toggle(qtbot, window)
    shown = window.right_pane.editor.toPlainText()
    assert window.act_unspun.isChecked() and "(unspun)" in window.right_pane.title.text()
    assert shown == unspun_text(c).text
    assert shown.count(" nan ") < c.new.text.count(" nan ") / 10
    assert "pivoted on" in shown and "pivoted connected" in c.new.text
    assert "restored" in window.verdict_bar.legend.text()
    toggle(qtbot, window)
    assert window.right_pane.editor.toPlainText() == c.new.text
    assert "restored" not in window.verdict_bar.legend.text()


def test_hovering_a_restored_word_tells_what_the_copy_says(qtbot, window):
    """The tooltip of a restored 'at' says the copy has 'astatine' there, and why it was restored."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    toggle(qtbot, window)
    u = window.unspun_view.unspun
    restored = next(r for r in u.spans if r.copy_word == "astatine")
    text = window.right_pane.tooltip_provider(restored.start)
    assert "Restored “at”" in text and "The copy says “astatine”" in text and "chemical symbol" in text


def test_selecting_a_swap_marks_the_restored_word(qtbot, window):
    """With the view on, choosing 'at → astatine' in the list marks the restored 'at' in view."""
    c = open_pair(qtbot, window, ORIGINAL, SPUN)
    toggle(qtbot, window)
    view = window.sidebar.view
    index = row_of(window.sidebar, "at", "astatine")
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    a, b = window.right_pane.highlighter.mark_span
    assert window.right_pane.editor.toPlainText()[a:b] == "at"
    assert window.right_pane.span_visible(a, b)
    os_, oe, _, _ = next(s for s in c.swaps if (s.old, s.new) == ("at", "astatine")).occurrences[0]
    assert window.left_pane.highlighter.mark_span == (os_, oe)


def test_scroll_sync_follows_the_unspun_text(qtbot, window, tmp_path):
    """Scrolling the original far down brings the same paragraph into view in the unspun copy."""
    old = _paragraphs(60)
    new = [p.replace(" the ", " nan ").replace(" in ", " successful ") for p in old]
    (tmp_path / "old.txt").write_text("\n\n".join(old))
    (tmp_path / "new.txt").write_text("\n\n".join(new))
    open_pair(qtbot, window, tmp_path / "old.txt", tmp_path / "new.txt")
    toggle(qtbot, window)
    left, right = window.left_pane, window.right_pane
    shown = right.editor.toPlainText()
    assert " nan " not in shown
    for target in (25, 50):
        start = left.document.text.index(f"marker{target} ")
        left.show_span(start, start + 8, mark=False)
        qtbot.wait(50)
        at = shown.index(f"marker{target} ")
        assert right.span_visible(at, at + 8), f"paragraph {target} not in view"


def test_the_view_stays_on_for_a_new_copy(qtbot, window, tmp_path):
    """With the view on, opening another copy shows that copy unspun once compared."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    toggle(qtbot, window)
    other = tmp_path / "other.txt"
    other.write_text(ORIGINAL.read_text(encoding="utf-8").replace(" at ", " astatine "), encoding="utf-8")
    window.view = None
    window.load_file(1, str(other))
    qtbot.waitUntil(lambda: window.documents[1].name == "other.txt", timeout=20000)
    assert window.right_pane.editor.toPlainText() == window.documents[1].text  # the copy while comparing
    qtbot.waitUntil(lambda: window.view is not None and window.unspun_view.ready, timeout=20000)
    assert " astatine " in window.documents[1].text
    assert " astatine " not in window.right_pane.editor.toPlainText()
    assert "other.txt (unspun)" in window.right_pane.title.text()


def test_on_then_off_at_once_leaves_the_copy(qtbot, window):
    """Ctrl+U twice in quick succession ends on the copy as it is, whatever finishes when."""
    c = open_pair(qtbot, window, ORIGINAL, SPUN)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(300)
    assert window.unspun_view.shown is None
    assert window.right_pane.editor.toPlainText() == c.new.text
    assert "(unspun)" not in window.right_pane.title.text()


def test_a_text_alone_is_unspun_from_its_scan(qtbot, window):
    """The spun seed opened alone and unspun: flagged words become their likely originals,
    a restored word says what the text has, and choosing a flag marks the restored word."""
    window.load_file(1, str(SPUN))
    qtbot.waitUntil(lambda: window.scan.active, timeout=20000)
    toggle(qtbot, window)
    shown = window.right_pane.editor.toPlainText()
    assert shown.count(" nan ") < SPUN.read_text(encoding="utf-8").count(" nan ") / 5
    assert "(unspun)" in window.right_pane.title.text()
    restored = next(r for r in window.unspun_view.unspun.spans if r.copy_word == "astatine")
    assert restored.restored == "at"
    assert "The text says “astatine”" in window.right_pane.tooltip_provider(restored.start)
    model = window.sidebar.view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "astatine")
    window.sidebar.view.setCurrentIndex(model.index(row, 0))
    a, b = window.right_pane.highlighter.mark_span
    assert shown[a:b] == "at"
    toggle(qtbot, window)
    assert window.right_pane.editor.toPlainText() == window.documents[1].text


def test_save_unspun_text_writes_it_and_never_the_inputs(qtbot, window, tmp_path, monkeypatch):
    """Save Unspun Text writes the restored copy in its own line endings; choosing one of the
    compared files is refused with a message and leaves the file as it was."""
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SPUN.read_bytes().replace(b"\n", b"\r\n"))
    c = open_pair(qtbot, window, ORIGINAL, copy)
    out = tmp_path / "out" / "unspun.txt"
    out.parent.mkdir()
    assert window.unspun_view.save(str(out))
    assert out.read_bytes() == unspun_text(c).text.replace("\n", "\r\n").encode("utf-8")
    before = copy.read_bytes()
    assert not window.unspun_view.save(str(copy))
    assert copy.read_bytes() == before and "never writes to the files it reads" in warnings[0]


def test_ctrl_u_keeps_the_readers_place(qtbot, window, tmp_path):
    """Scrolled to paragraph 40 of 60, Ctrl+U on and off again leaves paragraph 40 in view
    in both panes (it used to send both back to the top)."""
    old = _paragraphs(60)
    new = [p.replace(" the ", " nan ").replace(" in ", " successful ") for p in old]
    (tmp_path / "old.txt").write_text("\n\n".join(old))
    (tmp_path / "new.txt").write_text("\n\n".join(new))
    open_pair(qtbot, window, tmp_path / "old.txt", tmp_path / "new.txt")
    left, right = window.left_pane, window.right_pane
    start = left.document.text.index("marker40 ")
    left.show_span(start, start + 8, mark=False)
    qtbot.wait(50)
    for _ in range(2):
        toggle(qtbot, window)
        qtbot.waitUntil(lambda: window.unspun_view._loading is None, timeout=10000)
        qtbot.wait(50)
        shown = right.editor.toPlainText()
        at = shown.index("marker40 ")
        assert left.span_visible(start, start + 8), "the original lost its place"
        assert right.span_visible(at, at + 8), "the copy is not at the same paragraph"


def test_the_unspun_toggle_is_the_models(qtbot, window):
    """Ctrl+U sets the application model's mode, and the model's unspun copy is the text
    the right pane shows."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    toggle(qtbot, window)
    assert window.model.unspun
    assert window.model.unspun_copy() == window.right_pane.editor.toPlainText()
    toggle(qtbot, window)
    assert not window.model.unspun and window.model.unspun_copy() is None
