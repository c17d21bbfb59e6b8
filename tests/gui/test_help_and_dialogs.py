"""Help menu, and where file dialogs open and what they offer."""

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from tests.conftest import ORIGINAL, SPUN
from tests.gui.test_window import open_pair
from unspin.core.resources import seed_paths
from unspin.gui import batch_dialog
from unspin.gui.save_dialogs import save_folder


def _open_dialog(title):
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QDialog) and w.isVisible() and w.windowTitle() == title), None)


def test_help_lists_the_keyboard_shortcuts_of_the_window(qtbot, window):
    """Ctrl+F1 opens a list naming Ctrl+U for the unspun copy and Alt+Down for the next change."""
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)
    dialog = _open_dialog("Keyboard Shortcuts")
    assert dialog is not None, "no shortcut list opened"
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "Unspun Copy" in text and "Ctrl+U" in text
    assert "Next Change" in text and "Alt+Down" in text
    dialog.close()


def test_help_has_a_guide_on_f1(qtbot, window):
    """F1 opens the quick guide, which explains the verdict and the scan of a text alone."""
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = _open_dialog("Quick Guide")
    assert dialog is not None
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "verdict" in text and "without an original" in text
    dialog.close()


def test_save_dialogs_do_not_open_in_the_demo_folder(tmp_path):
    """Output about the demo pair is offered a folder of the user's, not the app's own."""
    demo_folder = os.path.dirname(str(seed_paths()[0]))
    assert not os.path.samefile(save_folder(str(seed_paths()[0])), demo_folder)
    mine = tmp_path / "story.txt"
    mine.write_text("x")
    assert save_folder(str(mine)) == str(tmp_path)


def test_compare_against_many_offers_every_format_the_window_opens():
    """The suspect-copies picker offers Word, PDF and web pages as the Open dialog does."""
    for pattern in ("*.docx", "*.pdf", "*.html", "*.txt"):
        assert pattern in batch_dialog.COPY_FILTER.split(";;")[0]


def test_an_exported_report_is_suggested_outside_the_demo_folder(qtbot, window, monkeypatch):
    """File → Export Report on the demo pair suggests a name in the user's folder."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    offered = {}

    def fake_dialog(parent, title, suggested, filters):
        offered["path"] = suggested
        return "", ""

    monkeypatch.setattr("unspin.gui.evidence_actions.QFileDialog.getSaveFileName", fake_dialog)
    window.evidence.export_report()
    folder = os.path.dirname(offered["path"])
    assert not os.path.samefile(folder, os.path.dirname(str(seed_paths()[0])))


def test_a_small_window_shows_every_column_and_the_word_counts(qtbot, window):
    """At 1024 × 700 the swap list shows Score whole and some Reason, and each pane's header
    keeps its word count readable (the file name gives way in the middle instead)."""
    window.resize(1024, 700)
    window.show()
    open_pair(qtbot, window, ORIGINAL, SPUN)
    qtbot.wait(100)
    view = window.sidebar.view
    header = view.horizontalHeader()
    from unspin.gui.swap_model import REASON, SCORE
    right_edge = header.sectionViewportPosition(SCORE) + header.sectionSize(SCORE)
    assert right_edge <= view.viewport().width(), "the Score column is cut off"
    assert header.sectionSize(REASON) >= 40, "no room left for the reasons"
    for pane in window.panes:
        metrics = pane.info.fontMetrics()
        count = pane.info.text().split(" · ")[0]
        assert count.endswith("words")
        assert pane.info.width() >= metrics.horizontalAdvance(count + " · "), "the word count is cut off"
        name = pane.title.text().split(": ", 1)[1]
        shown = pane.title.fontMetrics().elidedText(name, Qt.TextElideMode.ElideMiddle, pane.title.width()
                                                     - pane.title.fontMetrics().horizontalAdvance(pane.side_name + ": "))
        assert len(shown.replace("…", "")) >= 8, f"the file name is all but gone: {shown!r}"


def test_a_wide_window_gives_the_reasons_room(qtbot, window):
    """At 1920 px the swap list grows with the window and Reason gets most of it."""
    window.resize(1920, 1050)
    window.show()
    open_pair(qtbot, window, ORIGINAL, SPUN)
    qtbot.wait(100)
    from unspin.gui.swap_model import REASON
    assert window.sidebar.width() >= 500
    assert window.sidebar.view.horizontalHeader().sectionSize(REASON) >= 200


def test_a_text_scanned_alone_is_called_the_suspect_text(qtbot, window):
    """One text opened alone is scanned: its pane says "Suspect text", not "Original"."""
    window.load_file(0, str(SPUN))
    qtbot.waitUntil(lambda: window.scan.active, timeout=20000)
    assert window.left_pane.title.text().startswith("Suspect text:")
    window.load_file(1, str(ORIGINAL))
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    assert window.left_pane.title.text().startswith("Original:")


def test_sides_that_look_swapped_offer_a_swap_button(qtbot, window):
    """The spun text opened on the left: the verdict bar offers Swap Sides; one click puts
    the original on the left and the button goes away."""
    window.show()
    open_pair(qtbot, window, SPUN, ORIGINAL)
    button = window.verdict_bar.swap_button
    qtbot.waitUntil(button.isVisible, timeout=5000)
    window.view = None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None and not window.lists_pending, timeout=20000)
    qtbot.wait(50)
    assert window.documents[0].path == str(ORIGINAL)
    assert not button.isVisible()


def test_the_reasons_follow_alt_down(qtbot, window):
    """Alt+Down to a swapped word: the swap list selects that swap and its reasons show,
    while the panes stay on the change (not sent to the swap's first occurrence)."""
    window.show()
    c = open_pair(qtbot, window, ORIGINAL, SPUN)
    qtbot.waitUntil(lambda: not window.lists_pending, timeout=5000)
    seen = set()
    for _ in range(6):
        qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        swap = window.sidebar.selected_swap()
        if swap is None:
            continue
        seen.add((swap.old, swap.new))
        assert swap.old in window.sidebar.details.text()
        start, end = window.right_pane.highlighter.mark_span
        assert window.right_pane.editor.toPlainText()[start:end].lower().startswith(swap.new.lower()[:3])
    assert len(seen) >= 2, "the swap list did not follow the changes"


def test_a_found_word_is_shown_mid_screen(qtbot, window, tmp_path):
    """Ctrl+F for a word far down a long text scrolls it to the middle of the pane, not
    onto its bottom line."""
    from tests.gui.test_window import _paragraphs
    window.resize(1200, 800)
    window.show()
    (tmp_path / "old.txt").write_text("\n\n".join(_paragraphs(60)))
    (tmp_path / "new.txt").write_text("\n\n".join(p.replace(" the ", " nan ") for p in _paragraphs(60)))
    open_pair(qtbot, window, tmp_path / "old.txt", tmp_path / "new.txt")
    window.left_pane.editor.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "marker45")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    editor = window.left_pane.editor
    assert editor.textCursor().selectedText() == "marker45"
    y = editor.cursorRect().center().y()
    height = editor.viewport().height()
    assert height / 4 < y < 3 * height / 4, f"the match is at {y} of {height} px"


def test_a_deleted_paragraph_is_not_struck_through(qtbot, window, tmp_path):
    """A paragraph the copy left out is shown on its pink ground with a dotted underline,
    readable, not struck through."""
    from PySide6.QtGui import QTextCharFormat
    from tests.gui.test_window import _paragraphs
    from unspin.core.highlights import DELETED
    from unspin.gui.highlighting import colour
    window.show()
    old = _paragraphs(6)
    new = old[:2] + old[3:]
    (tmp_path / "old.txt").write_text("\n\n".join(old))
    (tmp_path / "new.txt").write_text("\n\n".join(new))
    open_pair(qtbot, window, tmp_path / "old.txt", tmp_path / "new.txt")
    qtbot.wait(100)
    pink = colour(DELETED, False)
    selections = window.left_pane.editor.extraSelections()
    deleted = [QTextCharFormat(s.format) for s in selections if s.format.background().color() == pink]
    assert deleted, "the deleted paragraph is not highlighted"
    assert not any(f.fontStrikeOut() for f in deleted)
    assert all(f.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine for f in deleted)
