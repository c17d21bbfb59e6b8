"""Triage in the window as a reviewer meets it: C, X, O and N on the swap list, the Review
column and menu, the decision filter, the reviewer's name, and decisions that go into the
report and the session and come back with it."""

import shutil

from PySide6.QtCore import QSettings, Qt

from tests.conftest import ORIGINAL, SPUN
from tests.gui.test_sessions import compared, select
from unspin.core.evidence import to_html
from unspin.gui.main_window import MainWindow
from unspin.gui.swap_model import REVIEW


def make(qtbot, tmp_path, notes=(), names=()):
    """A shown window whose note and name dialogs answer from *notes* and *names*."""
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    answers, people = list(notes), list(names)
    w.reviews.ask_note = lambda _w, swap, current: answers.pop(0) if answers else None
    w.reviews.ask_reviewer = lambda _w, current: people.pop(0) if people else None
    w.sessions.warn = lambda *_a: None
    w.show()
    qtbot.waitExposed(w)
    return w


def opened(qtbot, tmp_path, **dialogs):
    w = make(qtbot, tmp_path, **dialogs)
    w.open_initial([str(ORIGINAL), str(SPUN)])
    compared(qtbot, w)
    return w


def review_cell(window, old, new) -> str:
    model = window.sidebar.view.model()
    for row in range(model.rowCount()):
        if (model.index(row, 0).data(), model.index(row, 1).data()) == (old, new):
            return model.index(row, REVIEW).data()
    raise AssertionError(f"{old} -> {new} is not shown")


def press(qtbot, window, key):
    window.sidebar.view.setFocus()
    qtbot.keyClick(window.sidebar.view, key)


def test_keys_on_the_swap_list_confirm_dismiss_and_reopen(qtbot, tmp_path):
    w = opened(qtbot, tmp_path)
    table = w.sidebar.view
    assert table.isColumnHidden(REVIEW), "no Review column before any decision"
    select(w, "the", "nan")
    press(qtbot, w, Qt.Key.Key_C)
    assert review_cell(w, "the", "nan") == "✓" and not table.isColumnHidden(REVIEW)
    assert "1 confirmed" in w.sidebar.count_label.text()
    assert "confirmed" in w.sidebar.details.text()
    select(w, "at", "astatine")
    press(qtbot, w, Qt.Key.Key_X)
    assert review_cell(w, "at", "astatine") == "✗"
    assert "1 confirmed, 1 dismissed" in w.sidebar.count_label.text()
    press(qtbot, w, Qt.Key.Key_O)
    assert review_cell(w, "at", "astatine") == ""
    assert "dismissed" not in w.sidebar.count_label.text()


def test_letters_typed_in_the_filter_box_filter_and_decide_nothing(qtbot, tmp_path):
    w = opened(qtbot, tmp_path)
    select(w, "the", "nan")
    w.sidebar.filter_edit.setFocus()
    qtbot.keyClicks(w.sidebar.filter_edit, "cx")
    assert w.sidebar.filter_edit.text() == "cx"
    assert not w.model.review.marks


def test_the_review_menu_and_the_lists_context_menu_offer_the_same_actions(qtbot, tmp_path):
    w = opened(qtbot, tmp_path)
    menus = {a.text().replace("&", ""): a.menu() for a in w.menuBar().actions()}
    review_menu = [a.text() for a in menus["Review"].actions() if not a.isSeparator()]
    assert review_menu == ["&Confirm Swap", "&Dismiss Swap", "Leave &Open", "Add &Note…", "Reviewer &Name…"]
    assert {a.text() for a in w.sidebar.view.actions()} >= set(review_menu[:4])
    assert w.sidebar.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    w.sidebar.view.clearSelection()
    w.sidebar.view.setCurrentIndex(w.sidebar.proxy.index(-1, -1))
    w.reviews.act_confirm.trigger()  # nothing selected: nothing decided, and the user is told
    assert not w.model.review.marks and "Select a swap" in w.statusBar().currentMessage()


def test_a_note_shows_in_the_list_and_the_report_with_the_reviewers_name(qtbot, tmp_path):
    w = opened(qtbot, tmp_path, notes=["Same swap across the whole article <b>"], names=["  Ana Ruiz "])
    select(w, "the", "nan")
    press(qtbot, w, Qt.Key.Key_N)
    press(qtbot, w, Qt.Key.Key_C)
    assert review_cell(w, "the", "nan") == "✓ ✎"
    assert "Your note:" in w.sidebar.details.text()
    index = w.sidebar.view.currentIndex()
    assert "Same swap across the whole article" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert w.reviews.edit_reviewer()
    page = to_html(w.evidence.comparison())
    assert "Same swap across the whole article &lt;b&gt;" in page and "Ana Ruiz" in page
    # the name is remembered for the next window
    assert make(qtbot, tmp_path).model.review.reviewer == "Ana Ruiz"


def test_the_decision_filter_shows_one_kind_of_decision(qtbot, tmp_path):
    w = opened(qtbot, tmp_path)
    select(w, "the", "nan")
    press(qtbot, w, Qt.Key.Key_C)
    total = w.sidebar.proxy.rowCount()
    w.sidebar.decision_box.setCurrentIndex(w.sidebar.decision_box.findText("Confirmed"))
    assert w.sidebar.proxy.rowCount() == 1 and review_cell(w, "the", "nan") == "✓"
    w.sidebar.decision_box.setCurrentIndex(w.sidebar.decision_box.findText("Open"))
    assert w.sidebar.proxy.rowCount() == total - 1
    assert "of" in w.sidebar.count_label.text() and "1 confirmed" in w.sidebar.count_label.text()


def test_decisions_are_saved_in_the_session_and_come_back(qtbot, tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(ORIGINAL, folder / "a.txt")
    shutil.copy(SPUN, folder / "b.txt")
    first = make(qtbot, tmp_path, notes=["check the print edition"])
    first.open_initial([str(folder / "a.txt"), str(folder / "b.txt")])
    compared(qtbot, first)
    select(first, "with", "pinch")
    press(qtbot, first, Qt.Key.Key_X)
    press(qtbot, first, Qt.Key.Key_N)
    assert first.sessions.save(str(folder / "case.unspin"))

    second = make(qtbot, tmp_path)
    assert second.sessions.open_session(str(folder / "case.unspin"))
    compared(qtbot, second)
    assert review_cell(second, "with", "pinch") == "✗ ✎"
    pinch = next(s for s in second.view.comparison.swaps if (s.old, s.new) == ("with", "pinch"))
    assert second.model.review.note(pinch) == "check the print edition"
    assert "1 dismissed" in second.sidebar.count_label.text()


def test_reloading_an_unchanged_file_keeps_the_decisions_a_new_text_clears_them(qtbot, tmp_path):
    w = opened(qtbot, tmp_path)
    select(w, "the", "nan")
    press(qtbot, w, Qt.Key.Key_C)
    w.reload()
    compared(qtbot, w)
    qtbot.waitUntil(lambda: not w.lists_pending)
    assert review_cell(w, "the", "nan") == "✓"
    w.view = None
    w.open_file(1, str(ORIGINAL))
    compared(qtbot, w)
    assert not w.model.review.marks and w.sidebar.view.isColumnHidden(REVIEW)


def test_in_a_small_window_the_review_column_leaves_score_whole(qtbot, tmp_path):
    w = opened(qtbot, tmp_path)
    w.resize(1024, 700)
    select(w, "the", "nan")
    press(qtbot, w, Qt.Key.Key_C)
    qtbot.wait(50)
    from unspin.gui.swap_model import SCORE
    header = w.sidebar.view.horizontalHeader()
    for column in (SCORE, REVIEW):
        right_edge = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right_edge <= w.sidebar.view.viewport().width(), f"column {column} is cut off"
