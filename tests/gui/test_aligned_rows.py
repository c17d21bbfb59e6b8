"""Aligned rows: with Link Scrolling on, paired paragraphs start at the same height."""

import textwrap

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

WORDS = ["river", "stone", "lamp", "cloud", "harbour", "meadow", "engine", "letter", "garden"]


def _paragraph(i: int, length: int = 1) -> str:
    body = " ".join(f"{WORDS[(i + j) % 9]} {WORDS[(i * j) % 9]} row{i}w{j}" for j in range(5 * length))
    return f"Paragraph {i} begins here, marker{i}, and goes on: {body}."


def _long_pair(tmp_path):
    """An original of 70 paragraphs of unequal length and a copy with a headline of its
    own, split, merged, added, removed and lengthened paragraphs."""
    old = [_paragraph(i, 1 + i % 4) for i in range(70)]
    new = [p.replace(" stone ", " rock ") for p in old]
    new[10] = new[10].replace(", and goes on:", ".\n\nIt goes on:")  # split
    new[20:22] = [new[20] + " " + new[21]]  # merged
    for k in (30, 31, 44):  # much longer in the copy
        new[k] = new[k] + " " + " ".join(f"added{k}x{j}" for j in range(40))
    del new[50]  # removed
    new.insert(55, "An added paragraph the original does not have, " * 6)
    new.insert(0, "A headline only the copy has")
    (tmp_path / "old.txt").write_text("\n\n".join(old), encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n\n".join(new), encoding="utf-8")
    return tmp_path / "old.txt", tmp_path / "new.txt"


def _open(qtbot, window, old, new):
    window.view = None
    window.open_initial([str(old), str(new)])
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    qtbot.waitUntil(lambda: not window.left_pane.is_loading() and not window.right_pane.is_loading())
    return window.view.comparison


def _top(pane, position: int) -> float:
    """Viewport height of the line holding code-point *position* of *pane*."""
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.offsets.to_utf16(position))
    return pane.editor.cursorRect(cursor).top()


def _rows_on_screen(window, comparison) -> list[tuple[float, float]]:
    """(left top, right top) of every two-sided aligned row whose start shows in both panes."""
    left, right = window.left_pane, window.right_pane
    height = min(left.editor.viewport().height(), right.editor.viewport().height())
    tops = []
    for row in comparison.alignment:
        if row.old_end == row.old_start or row.new_end == row.new_start:
            continue
        a, b = _top(left, row.old_start), _top(right, row.new_start)
        if 0 <= a < height - 20 and 0 <= b < height - 20:
            tops.append((a, b))
    return tops


def _scroll(qtbot, pane, fraction: float):
    bar = pane.editor.verticalScrollBar()
    bar.setValue(int(bar.maximum() * fraction))
    qtbot.wait(20)


def test_paragraph_pairs_on_screen_stand_level_at_two_widths(qtbot, window, tmp_path):
    """Scrolled anywhere in a long pair, by either pane, at 1300 and 900 px wide: every
    paired paragraph on screen starts at the same height (± 2 px) on both sides."""
    comparison = _open(qtbot, window, *_long_pair(tmp_path))
    for width in (1300, 900):
        window.resize(width, 800)
        qtbot.wait(50)
        for pane in (window.left_pane, window.right_pane):
            for fraction in (0.12, 0.31, 0.5, 0.63, 0.8):
                _scroll(qtbot, pane, fraction)
                rows = _rows_on_screen(window, comparison)
                assert len(rows) >= 2, f"few rows on screen at {fraction}"
                worst = max(abs(a - b) for a, b in rows)
                assert worst <= 2, f"{width} px, {pane.side_name} at {fraction:.0%}: rows {worst:.0f} px apart"


def test_a_paragraph_only_one_side_has_leaves_a_gap_on_the_other(qtbot, window, tmp_path):
    """The copy's own headline shows at the start; the original's first paragraph stands
    level with the copy's, below a gap as tall as the headline."""
    comparison = _open(qtbot, window, *_long_pair(tmp_path))
    left, right = window.left_pane, window.right_pane
    assert right.editor.verticalScrollBar().value() == 0
    assert 0 <= _top(right, 0) < 20  # the headline, on screen
    first_old, first_new = left.document.text.index("Paragraph 0"), right.document.text.index("Paragraph 0")
    assert _top(right, first_new) > _top(right, 0) + 10
    assert abs(_top(left, first_old) - _top(right, first_new)) <= 2
    assert comparison.alignment


def test_unlinked_panes_show_the_texts_without_gaps(qtbot, window, tmp_path):
    """Link Scrolling off: no gaps, the original starts at the top; on again, level."""
    _open(qtbot, window, *_long_pair(tmp_path))
    left, right = window.left_pane, window.right_pane
    first_old, first_new = left.document.text.index("Paragraph 0"), right.document.text.index("Paragraph 0")
    window.act_link.trigger()
    qtbot.wait(20)
    assert _top(left, first_old) < 20
    window.act_link.trigger()
    qtbot.wait(20)
    assert abs(_top(left, first_old) - _top(right, first_new)) <= 2


def test_paragraphs_run_together_on_one_side_leave_no_blank_pane(qtbot, window, tmp_path):
    """A copy whose paragraphs were run into one hard-wrapped paragraph (shown reflowed as
    one): its rows start inside that paragraph, so nothing is levelled by a gap, and the
    copy's text fills its pane wherever the original is scrolled (a gap as tall as the
    original left it blank)."""
    old = [_paragraph(i) for i in range(40)]
    (tmp_path / "old.txt").write_text("\n\n".join(old), encoding="utf-8")
    new = textwrap.fill(" ".join(p.replace(" stone ", " rock ") for p in old), 72)
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    _open(qtbot, window, tmp_path / "old.txt", tmp_path / "new.txt")
    right = window.right_pane
    for fraction in (0.2, 0.4, 0.7):
        _scroll(qtbot, window.left_pane, fraction)
        shown = right.position_at(QPoint(4, 4))
        assert _top(right, shown) < 30, f"the copy's pane is blank at its top at {fraction:.0%}"
