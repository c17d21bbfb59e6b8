"""Hard-wrapped text in the window: one block per paragraph, highlights on the right words."""

import textwrap

from tests.gui.test_window import _paragraphs, open_pair


def _wrapped_pair(tmp_path, paragraphs=12):
    old = [textwrap.fill(p, 72) for p in _paragraphs(paragraphs)]
    new = [p.replace(" the ", " nan ") for p in old]
    (tmp_path / "old.txt").write_text("\n\n".join(old))
    (tmp_path / "new.txt").write_text("\n\n".join(new))
    return tmp_path / "old.txt", tmp_path / "new.txt"


def _text_blocks(editor) -> int:
    doc = editor.document()
    return sum(1 for k in range(doc.blockCount()) if doc.findBlockByNumber(k).text().strip())


def test_a_hard_wrapped_pair_shows_one_block_per_paragraph(qtbot, window, tmp_path):
    """A 72-column pair is shown as 12 paragraphs a side, the header says "reflowed", and a
    highlighted swap covers exactly the word 'nan' in the copy."""
    window.resize(1200, 700)
    window.show()
    c = open_pair(qtbot, window, *_wrapped_pair(tmp_path))
    for pane in window.panes:
        assert _text_blocks(pane.editor) == 12
        assert "reflowed" in pane.info.text()
    swap = next(s for s in c.swaps if (s.old, s.new) == ("the", "nan"))
    shown = window.right_pane.editor.toPlainText()
    assert all(shown[ns:ne] == "nan" for _, _, ns, ne in swap.occurrences)
    window.select_swap(swap)
    start, end = window.right_pane.highlighter.mark_span
    assert shown[start:end] == "nan"


def test_original_line_breaks_on_request(qtbot, window, tmp_path):
    """View → Original Line Breaks shows the file's own lines (and the comparison again)."""
    window.resize(1200, 700)
    window.show()
    open_pair(qtbot, window, *_wrapped_pair(tmp_path))
    window.view = None
    window.act_line_breaks.trigger()
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    for pane in window.panes:
        assert _text_blocks(pane.editor) > 12 and "reflowed" not in pane.info.text()
        assert pane.editor.toPlainText() == pane.document.text


def test_rows_worked_out_in_the_background_are_those_of_the_shown_texts(qtbot, window, tmp_path):
    """The comparison's worker works the aligned rows out for the texts as the panes show
    them (reflowed here), so the window need not; with the file's own line breaks shown they
    no longer fit, and the window works its own out."""
    from unspin.core.rows import row_keys

    window.resize(1200, 700)
    window.show()
    c = open_pair(qtbot, window, *_wrapped_pair(tmp_path))
    shown = tuple(pane.shown_text for pane in window.panes)
    rows = window.view.rows
    assert rows.fits(shown) and rows.keys == row_keys(c.alignment, shown)
    assert len(rows.keys[0]) >= 12
    unwrapped = (window.left_pane.document.text, window.right_pane.document.text)
    assert not rows.fits(unwrapped)
