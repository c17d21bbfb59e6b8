"""The reading window driven as a user would: open, click a swap, keys, scroll, drop."""

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from unspin.gui.main_window import MainWindow

from tests.conftest import ORIGINAL, SPUN


def opened(qtbot, window, timeout=20000):
    """Wait until the files being opened are read (in the background) and shown or refused."""
    qtbot.waitUntil(lambda: not window.model.pending, timeout=timeout)


def open_pair(qtbot, window, old, new):
    window.view = None
    window.open_initial([str(old), str(new)])
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    return window.view.comparison


def row_of(sidebar, old, new):
    model = sidebar.view.model()
    for row in range(model.rowCount()):
        if (model.index(row, 0).data(), model.index(row, 1).data()) == (old, new):
            return model.index(row, 0)
    raise AssertionError(f"no row {old} -> {new}")


def test_seed_pair_opens_with_the_nan_on_top(qtbot, window):
    """With no files the demo pair opens; the sidebar's first row is 'the → nan'."""
    window.open_initial([])
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    model = window.sidebar.view.model()
    assert (model.index(0, 0).data(), model.index(0, 1).data()) == ("the", "nan")
    assert window.verdict_bar.verdict.text().count("Spun copy") == 1
    assert window.left_pane.document.name == ORIGINAL.name
    qtbot.waitUntil(lambda: window.sidebar.model.rowCount() > 0)
    swaps = window.view.comparison.swaps
    suspicious = sum(s.score >= window.sidebar.proxy.threshold for s in swaps)
    assert 0 < suspicious < len(swaps)
    assert window.sidebar.count_label.text() == f"{len(swaps):,} distinct swaps, {suspicious:,} suspicious"


def test_clicking_a_swap_shows_and_marks_it_in_both_panes(qtbot, window):
    """Selecting 'at → astatine' makes its first occurrence visible and marked on both sides."""
    c = open_pair(qtbot, window, ORIGINAL, SPUN)
    index = row_of(window.sidebar, "at", "astatine")
    view = window.sidebar.view
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    swap = next(s for s in c.swaps if (s.old, s.new) == ("at", "astatine"))
    os_, oe, ns, ne = swap.occurrences[0]
    assert window.left_pane.highlighter.mark_span == (os_, oe)
    assert window.right_pane.highlighter.mark_span == (ns, ne)
    assert window.left_pane.span_visible(os_, oe) and window.right_pane.span_visible(ns, ne)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    os2, oe2, ns2, ne2 = swap.occurrences[1]
    assert window.right_pane.highlighter.mark_span == (ns2, ne2)
    assert window.right_pane.span_visible(ns2, ne2)


def test_alt_down_moves_to_the_next_change(qtbot, window):
    """Alt+Down marks the next change further down the copy; Alt+Up goes back."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    window.right_pane.editor.setFocus()
    qtbot.keyClick(window.right_pane.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first = window.right_pane.highlighter.mark_span
    qtbot.keyClick(window.right_pane.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.right_pane.highlighter.mark_span
    assert first is not None and second is not None and second[0] > first[0]
    assert window.right_pane.span_visible(*second)
    qtbot.keyClick(window.right_pane.editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.right_pane.highlighter.mark_span == first


def _paragraphs(n):
    words = ["river", "stone", "lamp", "cloud", "harbour", "meadow", "engine", "letter", "garden"]
    return [f"Paragraph {i} tells of the {words[i % 9]} number {i} and its neighbours in some "
            f"detail, with plenty of words so that it wraps over several lines in a narrow "
            f"pane, marker{i} included." for i in range(n)]


def test_scrolling_keeps_the_matching_paragraph_in_view(qtbot, window, tmp_path):
    """Scroll the original far down: the copy shows the same paragraph despite a split and long insertions."""
    old = _paragraphs(60)
    new = list(old)
    new[5] = new[5].replace(", with plenty", ".\n\nWith plenty")  # a split paragraph
    for k in (8, 12, 16):  # long insertions push the copy out of proportion
        new[k] = new[k] + " " + " ".join(f"padding{k}x{j}" for j in range(120))
    (tmp_path / "old.txt").write_text("\n\n".join(old))
    (tmp_path / "new.txt").write_text("\n\n".join(new))
    open_pair(qtbot, window, tmp_path / "old.txt", tmp_path / "new.txt")
    left, right = window.left_pane, window.right_pane
    for target in (20, 45):
        start = left.document.text.index(f"marker{target} ")
        left.show_span(start, start + 8, mark=False)  # scrolls the left pane: the sync follows
        qtbot.wait(50)
        assert left.span_visible(start, start + 8)
        copy_start = right.document.text.index(f"marker{target} ")
        assert right.span_visible(copy_start, copy_start + 8), f"paragraph {target} not in view"


def _drop(widget, path):
    """Drag a file over *widget* and drop it there, as the window system would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the pane refused the drag"
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)


def test_dropping_a_file_on_a_pane_loads_it(qtbot, window, tmp_path):
    """A file dropped on the right pane replaces the copy and is compared."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    dropped = tmp_path / "dropped.txt"
    dropped.write_text(ORIGINAL.read_text(encoding="utf-8").replace("invasion", "incursion"))
    window.view = None
    _drop(window.right_pane, dropped)
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    assert window.right_pane.document.name == "dropped.txt"
    assert [(s.old, s.new) for s in window.view.comparison.swaps] == [("invasion", "incursion")]


def test_a_binary_file_shows_an_error_and_keeps_both_panes(qtbot, window, tmp_path):
    """Dropping a binary file shows why it was refused; the texts on screen stay."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    _drop(window.right_pane, binary)
    opened(qtbot, window)
    assert "binary" in window.right_pane.error_text() and "photo.txt" in window.right_pane.error_text()
    assert window.right_pane.document.name == SPUN.name
    assert window.left_pane.document.name == ORIGINAL.name
    assert window.right_pane.editor.toPlainText().startswith("United States President")


def test_a_failed_comparison_says_why(qtbot, window, monkeypatch):
    """An exception in the engine is shown with its reason, not swallowed."""
    from unspin import views

    def broken(*args, **kwargs):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(views, "compare", broken)
    window.open_initial([str(ORIGINAL), str(SPUN)])
    qtbot.waitUntil(lambda: "failed" in window.verdict_bar.verdict.text(), timeout=10000)
    assert "engine exploded" in window.verdict_bar.verdict.text()
    assert window.left_pane.document is not None and window.right_pane.document is not None


def test_hovering_a_swap_explains_it(qtbot, window):
    """The tooltip of a spun word names its original and the reasons."""
    c = open_pair(qtbot, window, ORIGINAL, SPUN)
    swap = next(s for s in c.swaps if (s.old, s.new) == ("at", "astatine"))
    _, _, ns, _ = swap.occurrences[0]
    text = window.right_pane.tooltip_provider(ns + 1)
    assert "at → astatine" in text and "chemical symbol" in text


def test_zoom_and_link_toggle_persist(qtbot, window, tmp_path):
    """Ctrl++ enlarges the text; the link toggle and font survive a restart."""
    size = window.text_font().pointSize()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_font().pointSize() == size + 1
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.act_link.isChecked()
    window.close()
    again = MainWindow(settings=window.settings)
    qtbot.addWidget(again)
    assert not again.act_link.isChecked() and again.text_font().pointSize() == size + 1


def test_one_file_leaves_the_copy_pane_inviting_a_drop(qtbot, window):
    """With one file the right pane shows the drop zone and the verdict asks for a second text."""
    window.open_initial([str(ORIGINAL)])
    opened(qtbot, window)
    assert window.right_pane.stack.currentWidget() is window.right_pane.drop_zone
    assert "second text" in window.verdict_bar.verdict.text()
    qtbot.waitUntil(lambda: window.scan.active, timeout=20000)  # then it is scanned alone
    assert "second text" in window.verdict_bar.figures.text()


def test_swap_sides_exchanges_the_texts(qtbot, window):
    """File → Swap Sides puts the copy on the left and compares again."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    window.view = None
    window.act_swap_sides.trigger()
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    assert window.left_pane.document.name == SPUN.name
    c = window.view.comparison
    assert c.sides_look_swapped and ("nan", "the") in [(s.old, s.new) for s in c.swaps[:3]]


def test_cancel_stops_a_long_comparison(qtbot, window, tmp_path):
    """Cancel during a long comparison says so and keeps both texts on screen."""
    text = " ".join(f"word{i % 5000} filler{i % 7}" for i in range(150_000))
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text.replace("filler3", "padding3"))
    window.open_initial([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    qtbot.waitUntil(lambda: window.model.status == "comparing", timeout=10000)  # once both texts are in
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cancelled" in window.verdict_bar.verdict.text(), timeout=30000)
    assert window.view is None and not window.cancel_button.isVisible()
    assert window.right_pane.document.name == "b.txt"


@pytest.mark.parametrize("text", ["line one\nline two\n\nthree\n", "a" * 30 + "\nb", "one long line " * 5,
                                  "\n\n\nx\n", "x😀y\n" * 9, "crlf gone\n\n\n"])
def test_long_texts_load_in_slices_exactly(qtbot, window, monkeypatch, text):
    """Texts put into the editor slice by slice come out exactly as they were."""
    from unspin.core.documents import Document
    from unspin.gui import article_pane

    monkeypatch.setattr(article_pane, "LOAD_SLICE", 7)
    window.right_pane.set_document(Document.from_text(text))
    qtbot.waitUntil(lambda: window.right_pane.editor.toPlainText() == text, timeout=3000)


def test_every_menu_command_is_reachable_by_keyboard(qtbot, window):
    """Each menu and each of its commands has a mnemonic, and no two shortcuts clash."""
    shortcuts = {}
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            assert "&" in action.text(), action.text()
            key = action.shortcut().toString()
            if key:
                assert key not in shortcuts, (key, action.text(), shortcuts.get(key))
                shortcuts[key] = action.text()


def test_ctrl_q_quits_on_every_platform(qtbot, window):
    """Quit has Ctrl+Q even where the platform names no standard Quit key (offscreen, Windows)."""
    assert window.act_quit.shortcut().toString() == "Ctrl+Q"
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_a_side_cleared_right_after_a_result_keeps_no_stale_verdict_or_list(qtbot, window):
    """The verdict and swap list follow the highlights a moment later; clearing a side in that
    moment drops them too (they came back, listing swaps of a text no longer shown)."""
    from unspin.gui.main_window import RIGHT

    open_pair(qtbot, window, ORIGINAL, SPUN)
    view = window.view
    window.apply_view(view)  # a result arrives...
    window.clear_side(RIGHT)  # ...and the copy is closed before its list is shown
    qtbot.wait(200)
    assert window.view is None and window.sidebar.proxy.rowCount() == 0
    assert "both sides" in window.verdict_bar.verdict.text()


def _scrolled_pair(qtbot, window, tmp_path, target=40):
    """A 60-paragraph spun pair, the left pane scrolled to paragraph *target*."""
    old = _paragraphs(60)
    new = [p.replace(" the ", " nan ") for p in old]
    (tmp_path / "old.txt").write_text("\n\n".join(old))
    (tmp_path / "new.txt").write_text("\n\n".join(new))
    open_pair(qtbot, window, tmp_path / "old.txt", tmp_path / "new.txt")
    start = window.left_pane.document.text.index(f"marker{target} ")
    window.left_pane.show_span(start, start + 8, mark=False)
    qtbot.wait(50)


def _both_show(window, needle: str) -> bool:
    return all(p.span_visible(p.document.text.index(needle), p.document.text.index(needle) + len(needle))
               for p in window.panes)


@pytest.mark.parametrize("key", [Qt.Key.Key_F5, "swap"])
def test_reload_and_swap_sides_keep_the_readers_place(qtbot, window, tmp_path, key):
    """Scrolled to paragraph 40, F5 (or Swap Sides) shows paragraph 40 in both panes once
    compared again, not the top."""
    _scrolled_pair(qtbot, window, tmp_path)
    assert _both_show(window, "marker40 ")
    window.view = None
    if key == "swap":
        window.act_swap_sides.trigger()
    else:
        qtbot.keyClick(window, key)
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    qtbot.wait(50)
    assert _both_show(window, "marker40 "), "the reader's place was lost"


@pytest.mark.parametrize("extra_on", ["copy", "original"])
def test_a_one_sided_first_paragraph_is_visible_at_start(qtbot, window, tmp_path, extra_on):
    """A headline only one side has, above the first shared paragraph, is on screen when
    the comparison opens (it sat above the pane's top)."""
    shared = _paragraphs(30)
    headline = "Exclusive headline that only one side carries"
    old = shared if extra_on == "copy" else [headline] + shared
    new = [headline] + shared if extra_on == "copy" else shared
    new = [p.replace(" the ", " nan ") for p in new]
    (tmp_path / "old.txt").write_text("\n\n".join(old))
    (tmp_path / "new.txt").write_text("\n\n".join(new))
    window.resize(1200, 700)
    window.show()
    open_pair(qtbot, window, tmp_path / "old.txt", tmp_path / "new.txt")
    qtbot.wait(100)
    for pane in window.panes:
        assert pane.span_visible(0, 9), f"the start of the {pane.side_name.lower()} is not in view"


@pytest.mark.parametrize("key", [Qt.Key.Key_Plus, Qt.Key.Key_Minus])
def test_zoom_keeps_the_readers_place(qtbot, window, tmp_path, key):
    """Scrolled to paragraph 50, zooming in or out four steps keeps paragraph 50 in both panes."""
    window.resize(1200, 700)
    window.show()
    _scrolled_pair(qtbot, window, tmp_path, target=50)
    for _ in range(4):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(50)
    assert _both_show(window, "marker50 "), "zooming lost the reader's place"
