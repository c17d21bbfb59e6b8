"""The swap table model, its filter proxy and the swap sidebar."""

import warnings

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from unspin.core.swaps import Reason, Swap
from unspin.gui.sidebar import SwapSidebar
from unspin.gui.swap_model import (
    COUNT,
    REASON,
    SCORE,
    SORT_ROLE,
    SWAP_ROLE,
    SwapFilterProxy,
    SwapTableModel,
    headline_reason,
)


def make_swap(old, new, score, count=1, reasons=()):
    """A swap with *count* dummy occurrences."""
    from array import array

    return Swap(old, new, "word", array("q", [0, 1, 0, 1] * count), score, tuple(reasons))


@pytest.fixture
def swaps(seed_comparison):
    """The seed pair's swaps, in engine order."""
    return seed_comparison.swaps


@pytest.fixture
def proxy(swaps):
    """A filter proxy over a model of the seed swaps."""
    proxy = SwapFilterProxy()
    proxy.setSourceModel(SwapTableModel(swaps, parent=proxy))
    return proxy


@pytest.fixture
def sidebar(qtbot, swaps):
    """A shown sidebar holding the seed swaps."""
    widget = SwapSidebar()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_swaps(swaps)
    return widget


def shown_swaps(model):
    """The swap of every row of *model*, top to bottom."""
    return [model.index(r, 0).data(SWAP_ROLE) for r in range(model.rowCount())]


def shown_pairs(model):
    """(old, new) of every row of *model*, top to bottom."""
    return [(s.old, s.new) for s in shown_swaps(model)]


def test_model_passes_python_modeltester(qtmodeltester, swaps):
    """The table model obeys the QAbstractItemModel contract, before and after a reset."""
    model = SwapTableModel(swaps)
    qtmodeltester.check(model, force_py=True)
    model.set_swaps(swaps[:10])
    model.set_swaps(())
    model.set_swaps(swaps)


@pytest.mark.qt_log_level_fail("WARNING")
def test_model_passes_qt_modeltester(qtmodeltester, swaps):
    """Qt's own model tester (failures logged as warnings) finds no fault in the model."""
    model = SwapTableModel(swaps)
    qtmodeltester.check(model)
    model.set_swaps(swaps[:3])


@pytest.mark.qt_log_level_fail("WARNING")
def test_proxy_passes_qt_modeltester(qtmodeltester, proxy):
    """Qt's own model tester finds no fault in the proxy while it filters and sorts."""
    qtmodeltester.check(proxy)
    proxy.set_filter_text("a")
    proxy.set_suspicious_only(True)
    proxy.sort(SCORE, Qt.DescendingOrder)
    proxy.set_filter_text("")
    proxy.sort(-1)


def test_proxy_passes_python_modeltester(qtmodeltester, proxy):
    """The proxy passes pytest-qt's Python model checks while it filters and sorts."""
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filter_text("the")
    proxy.sort(COUNT, Qt.DescendingOrder)
    proxy.set_suspicious_only(True)


def test_display_and_roles(swaps):
    """Row 0 shows the → nan with count 75, a two-decimal score and a specific reason."""
    model = SwapTableModel(swaps)
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[:3] == ["the", "nan", "75"] and cells[3].startswith("0.9") and len(cells[3]) == 4
    assert cells[4] == ""  # no decision yet
    assert "function word 'the' became the content word 'nan'" in cells[5]
    assert model.index(0, COUNT).data(SORT_ROLE) == 75
    assert model.index(0, 0).data(SORT_ROLE) == "the"
    assert model.index(0, SCORE).data(SWAP_ROLE) is swaps[0]
    assert model.swap_at(0) is swaps[0]
    assert model.index(0, COUNT).data(Qt.TextAlignmentRole) & Qt.AlignRight
    assert [model.headerData(c, Qt.Horizontal) for c in range(6)] == [
        "Old", "New", "Count", "Score", "Review", "Reason"]
    assert model.flags(model.index(0, 0)) == Qt.ItemIsEnabled | Qt.ItemIsSelectable


def test_tooltip_lists_every_reason_kind_and_count(swaps):
    """A row's tooltip has its kind, its count and one line per reason."""
    model = SwapTableModel(swaps)  # kept alive: an index does not own its model
    tip = model.index(0, REASON).data(Qt.ToolTipRole)
    assert "word swap" in tip and "75 times" in tip
    for reason in swaps[0].reasons:
        assert reason.text in tip


def test_suspicious_rows_get_a_colour_mark_in_score_column_only():
    """Only a suspicious swap's Score cell gets a colour decoration; no row background."""
    model = SwapTableModel([make_swap("a", "b", 0.9), make_swap("c", "d", 0.2)])
    assert isinstance(model.index(0, SCORE).data(Qt.DecorationRole), QColor)
    assert model.index(1, SCORE).data(Qt.DecorationRole) is None
    assert model.index(0, 0).data(Qt.DecorationRole) is None
    assert model.index(0, 0).data(Qt.BackgroundRole) is None


def test_headline_reason_prefers_specific_then_mitigation_then_generic():
    """The Reason column skips the generic reason, but shows a lone mitigation or generic one."""
    generic = Reason("different_word", "was replaced", 0.1)
    strong, weak = Reason("signature", "known swap", 0.9), Reason("rare_word", "rarer", 0.5)
    mitigation = Reason("variant", "'Kyiv' is the current spelling of 'Kiev'", -0.4)
    assert headline_reason(make_swap("a", "b", 1, reasons=[generic, weak, strong])) == "known swap"
    assert headline_reason(make_swap("a", "b", 0, reasons=[generic, mitigation])) == mitigation.text
    assert headline_reason(make_swap("a", "b", 0.1, reasons=[generic])) == "was replaced"
    assert headline_reason(make_swap("a", "b", 0.1)) == ""


def test_filter_text_matches_old_or_new_ignoring_case(proxy):
    """Filtering by "ASTAT" keeps only swaps with it in old or new, at → astatine among them."""
    proxy.set_filter_text("ASTAT")
    pairs = shown_pairs(proxy)
    assert ("at", "astatine") in pairs
    assert 0 < len(pairs) < 5
    assert all("astat" in (old + " " + new).casefold() for old, new in pairs)
    proxy.set_filter_text("")
    assert proxy.rowCount() == proxy.sourceModel().rowCount()


def test_filter_text_stays_within_one_side_and_reads_a_phrase_on_one_line():
    """A filter never matches across the old and the new words ("at astat" is no swap's
    text); a phrase broken over lines matches with a space; the filters combine."""
    listed = [make_swap("at", "astatine", 0.9), make_swap("the\nmain", "nan\nprincipal", 0.3),
              make_swap("Regulated", "Regularized", 0.6)]
    proxy = SwapFilterProxy()
    proxy.setSourceModel(SwapTableModel(listed, parent=proxy))
    proxy.set_filter_text("at astat")
    assert shown_swaps(proxy) == []
    proxy.set_filter_text("  NAN   Principal ")
    assert shown_swaps(proxy) == [listed[1]]
    proxy.set_filter_text("regul")
    assert shown_swaps(proxy) == [listed[2]]
    proxy.set_filter_text("a")
    proxy.set_suspicious_only(True)
    assert shown_swaps(proxy) == [listed[0], listed[2]]
    proxy.set_filter_text(".*")  # the text is matched as typed, not as an expression
    assert shown_swaps(proxy) == []


def test_suspicious_only_hides_low_scores(proxy, swaps):
    """Suspicious-only keeps exactly the swaps scoring at least the threshold."""
    proxy.set_suspicious_only(True)
    kept = shown_swaps(proxy)
    assert kept == [s for s in swaps if s.score >= 0.5]
    assert len(kept) < len(swaps)
    proxy.threshold = 0.9
    proxy.set_suspicious_only(False)
    proxy.set_suspicious_only(True)
    assert all(s.score >= 0.9 for s in shown_swaps(proxy))


def test_filter_changes_do_not_warn(proxy, recwarn):
    """Changing the filters raises no (deprecation) warning."""
    warnings.simplefilter("always")
    proxy.set_filter_text("x")
    proxy.set_suspicious_only(True)
    assert not [w for w in recwarn if "deprecat" in str(w.message).lower()]


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 0, 2), (2, 1, 0)])
def test_score_sort_breaks_ties_on_count(order):
    """Sorting by Score descending puts the more frequent of two equal scores first."""
    swaps = [make_swap("rare", "x", 0.9, 2), make_swap("frequent", "y", 0.9, 9),
             make_swap("top", "z", 0.95, 1)]
    proxy = SwapFilterProxy()
    proxy.setSourceModel(SwapTableModel([swaps[i] for i in order], parent=proxy))
    proxy.sort(SCORE, Qt.DescendingOrder)
    assert [old for old, _ in shown_pairs(proxy)] == ["top", "frequent", "rare"]


@pytest.mark.parametrize("direction", [Qt.AscendingOrder, Qt.DescendingOrder])
def test_full_ties_keep_engine_order(direction):
    """Rows equal in key, count and score stay in model order whichever way they sort."""
    swaps = [make_swap("same", new, 0.5, 3) for new in "abcdef"]
    proxy = SwapFilterProxy()
    proxy.setSourceModel(SwapTableModel(swaps, parent=proxy))
    proxy.sort(0, direction)
    assert [new for _, new in shown_pairs(proxy)] == list("abcdef")


def test_sidebar_keeps_engine_order_with_sorting_enabled(sidebar, swaps):
    """With sorting enabled the table is not re-sorted: the first row is the → nan."""
    assert sidebar.view.isSortingEnabled()
    assert sidebar.view.horizontalHeader().sortIndicatorSection() == -1
    assert shown_pairs(sidebar.proxy)[0] == ("the", "nan")
    assert shown_pairs(sidebar.proxy) == [(s.old, s.new) for s in swaps]


def click_header(qtbot, view, column):
    """Click the middle of *column*'s header section."""
    header = view.horizontalHeader()
    pos = header.rect().center()
    pos.setX(header.sectionViewportPosition(column) + header.sectionSize(column) // 2)
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=pos)


def test_header_click_sorts_and_third_click_restores_engine_order(qtbot, sidebar, swaps):
    """Clicking Old sorts alphabetically, the third click returns to the engine order."""
    click_header(qtbot, sidebar.view, 0)
    olds = [old.casefold() for old, _ in shown_pairs(sidebar.proxy)]
    assert olds == sorted(olds)
    for _ in range(2):
        click_header(qtbot, sidebar.view, 0)
    assert sidebar.view.horizontalHeader().sortIndicatorSection() == -1
    assert shown_pairs(sidebar.proxy) == [(s.old, s.new) for s in swaps]


def test_first_click_on_score_sorts_most_suspicious_first(qtbot, sidebar):
    """A first click on Score sorts descending, equal scores by descending count."""
    click_header(qtbot, sidebar.view, SCORE)
    keys = [(s.score, s.count) for s in shown_swaps(sidebar.proxy)]
    assert keys == sorted(keys, reverse=True)


def test_sidebar_count_label(sidebar, seed_comparison):
    """The label gives totals, then "N of M shown" once a filter hides rows."""
    total = len(seed_comparison.swaps)
    suspicious = sum(s.score >= 0.5 for s in seed_comparison.swaps)
    assert 100 < suspicious < total
    assert sidebar.count_label.text() == f"{total:,} distinct swaps, {suspicious:,} suspicious"
    sidebar.filter_edit.setText("astat")
    assert sidebar.count_label.text() == f"{sidebar.proxy.rowCount():,} of {total:,} shown"
    sidebar.filter_edit.clear()
    sidebar.suspicious_box.setChecked(True)
    assert sidebar.count_label.text() == f"{suspicious:,} of {total:,} shown"


def test_select_first_emits_first_swap(qtbot, sidebar, swaps):
    """select_first makes the → nan current and emits it."""
    assert sidebar.selected_swap() is None
    with qtbot.waitSignal(sidebar.swap_selected, timeout=1000) as blocker:
        sidebar.select_first()
    assert blocker.args == [swaps[0]]
    assert sidebar.selected_swap() is swaps[0]


def test_click_on_row_emits_its_swap(qtbot, sidebar, swaps):
    """Clicking row 3 makes it current and emits swap_selected with its swap."""
    view = sidebar.view
    rect = view.visualRect(sidebar.proxy.index(3, 1))
    with qtbot.waitSignal(sidebar.swap_selected, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert blocker.args == [swaps[3]]
    assert sidebar.selected_swap() is swaps[3]


def test_down_key_moves_and_emits(qtbot, sidebar, swaps):
    """Down from the first row makes the second current and emits its swap."""
    sidebar.select_first()
    sidebar.view.setFocus()
    with qtbot.waitSignal(sidebar.swap_selected, timeout=1000) as blocker:
        qtbot.keyClick(sidebar.view, Qt.Key_Down)
    assert blocker.args == [swaps[1]]
    selected = sidebar.view.selectionModel().selectedRows()
    assert [i.row() for i in selected] == [1]


@pytest.mark.parametrize("key, modifier, step", [
    (Qt.Key_Return, Qt.NoModifier, 1), (Qt.Key_Enter, Qt.KeypadModifier, 1),
    (Qt.Key_Return, Qt.ShiftModifier, -1)])
def test_enter_requests_a_step(qtbot, sidebar, key, modifier, step):
    """Enter/Return in the table requests a step forward, Shift+Return a step back."""
    sidebar.select_first()
    with qtbot.waitSignal(sidebar.step_requested, timeout=1000) as blocker:
        qtbot.keyClick(sidebar.view, key, modifier)
    assert blocker.args == [step]


def test_filter_return_moves_to_table_and_focus_filter(qtbot, sidebar, swaps):
    """focus_filter focuses the box; Return there selects the first match in the table."""
    sidebar.focus_filter()
    qtbot.waitUntil(sidebar.filter_edit.hasFocus, timeout=1000)
    qtbot.keyClicks(sidebar.filter_edit, "astat")
    with qtbot.waitSignal(sidebar.swap_selected, timeout=1000) as blocker:
        qtbot.keyClick(sidebar.filter_edit, Qt.Key_Return)
    assert blocker.args == [shown_swaps(sidebar.proxy)[0]]
    assert "astatine" in blocker.args[0].new
    assert sidebar.view.hasFocus()


def test_set_swaps_replaces_rows_and_clears_current(sidebar, swaps):
    """Loading new swaps replaces the rows and leaves no stale current swap."""
    sidebar.select_first()
    sidebar.set_swaps(swaps[5:7])
    assert sidebar.proxy.rowCount() == 2
    assert sidebar.selected_swap() is None
    assert not sidebar.view.selectionModel().currentIndex().isValid()
