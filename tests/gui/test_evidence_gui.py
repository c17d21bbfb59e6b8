"""Evidence in and out of the window: paste, open other formats, export, print preview."""

import json
import re

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.conftest import ORIGINAL, SPUN
from tests.gui.test_window import opened
from tests.pagemaker import COOKIE, docx_bytes, news_page
from tests.pdfmaker import make_pdf, wrap_paragraphs
from tests.webserver import server  # noqa: F401 - a local web server, the fixture


def wait_for_view(qtbot, window):
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    return window.view.comparison


def open_pair(qtbot, window, old, new):
    window.view = None
    window.open_initial([str(old), str(new)])
    return wait_for_view(qtbot, window)


def test_paste_as_left_and_right_compares_clipboard_texts(qtbot, window):
    """Ctrl+Shift+V and Ctrl+Alt+V put the clipboard into the left and right panes."""
    clipboard = QApplication.clipboard()
    clipboard.setText(ORIGINAL.read_text(encoding="utf-8"))
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    clipboard.setText(SPUN.read_text(encoding="utf-8"))
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    c = wait_for_view(qtbot, window)
    assert (c.swaps[0].old, c.swaps[0].new) == ("the", "nan")
    assert re.fullmatch(r"Clipboard \d\d:\d\d", window.left_pane.document.name)
    assert "Clipboard" in window.right_pane.title.text() and "Clipboard" in window.right_pane.info.text()
    assert window.left_pane.editor.toPlainText().startswith("Biden has pivoted")


def test_pasting_a_whole_page_keeps_the_article(qtbot, window):
    """A whole web page on the clipboard as HTML is pasted as its article text."""
    mime = QMimeData()
    mime.setHtml(news_page(ORIGINAL.read_text(encoding="utf-8")))
    mime.setText("Home World Business " + COOKIE)
    QApplication.clipboard().setMimeData(mime)
    window.act_paste_left.trigger()
    text = window.left_pane.editor.toPlainText()
    assert text.startswith("Biden has pivoted") and COOKIE[:30] not in text
    assert "Web page" in window.left_pane.info.text()


def test_pasting_an_empty_clipboard_keeps_the_pane(qtbot, window):
    """An empty clipboard changes nothing and says so in the status bar."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    QApplication.clipboard().setText("")
    window.act_paste_right.trigger()
    assert window.right_pane.document.name == SPUN.name
    assert "Nothing pasted" in window.statusBar().currentMessage()


def test_word_and_pdf_files_open_in_the_window(qtbot, window, tmp_path):
    """A .docx original and a .pdf copy are compared; the headers say what was read."""
    old, new = tmp_path / "story.docx", tmp_path / "copy.pdf"
    old.write_bytes(docx_bytes(ORIGINAL.read_text(encoding="utf-8")))
    new.write_bytes(make_pdf(wrap_paragraphs(SPUN.read_text(encoding="utf-8"))))
    c = open_pair(qtbot, window, old, new)
    assert (c.swaps[0].old, c.swaps[0].new) == ("the", "nan")
    assert "Word document" in window.left_pane.info.text()
    assert "PDF, 4 pages" in window.right_pane.info.text()


BAD_FILES = [
    ("cut.docx", lambda: docx_bytes(ORIGINAL.read_text(encoding="utf-8"))[:2000], "damaged or truncated"),
    ("locked.pdf", lambda: make_pdf(["secret"], encrypt="pw"), "password-protected"),
    ("scan.pdf", lambda: make_pdf([]), "no text"),
    ("menu.html", lambda: b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
]


def test_bad_files_show_why_and_keep_both_panes(qtbot, window, tmp_path):
    """A bad file of each format in the copy pane shows the reason; both texts and the
    comparison stay."""
    before = open_pair(qtbot, window, ORIGINAL, SPUN)
    for name, data, reason in BAD_FILES:
        bad = tmp_path / name
        bad.write_bytes(data())
        window.load_file(1, str(bad))
        opened(qtbot, window)
        assert reason in window.right_pane.error_text() and name in window.right_pane.error_text()
        assert window.right_pane.document.name == SPUN.name
        assert window.left_pane.document.name == ORIGINAL.name
        assert window.view is not None and window.view.comparison is before


def export_to(monkeypatch, window, path, chosen=""):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), chosen))
    window.act_export.trigger()


def test_export_report_html_from_the_window(qtbot, window, tmp_path, monkeypatch):
    """File → Export Report writes the HTML report with both digests; the status bar says where."""
    c = open_pair(qtbot, window, ORIGINAL, SPUN)
    target = tmp_path / "evidence.html"
    export_to(monkeypatch, window, target)
    html = target.read_text(encoding="utf-8")
    assert c.old.sha256 in html and c.new.sha256 in html and "nan" in html
    assert str(target) in window.statusBar().currentMessage()


def test_export_pdf_csv_json_by_filter_or_extension(qtbot, window, tmp_path, monkeypatch):
    """The chosen filter decides the format when the name has no known extension."""
    from pypdf import PdfReader

    c = open_pair(qtbot, window, ORIGINAL, SPUN)
    export_to(monkeypatch, window, tmp_path / "evidence", "Evidence report, PDF (*.pdf)")
    reader = PdfReader(tmp_path / "evidence.pdf")
    first = reader.pages[0].extract_text()
    assert len(reader.pages) > 5 and c.old.sha256 in first.replace("\n", "")
    export_to(monkeypatch, window, tmp_path / "swaps.csv")
    assert (tmp_path / "swaps.csv").read_text(encoding="utf-8").splitlines()[1].startswith("the,nan,")
    export_to(monkeypatch, window, tmp_path / "all.json")
    assert json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["schema"] == "unspin.comparison"


def test_export_failure_is_shown_not_swallowed(qtbot, window, tmp_path, monkeypatch):
    """Writing into a missing folder shows a warning naming the file; nothing is written."""
    from PySide6.QtWidgets import QMessageBox

    open_pair(qtbot, window, ORIGINAL, SPUN)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    target = tmp_path / "missing" / "report.html"
    export_to(monkeypatch, window, target)
    assert warnings and str(target) in warnings[0] and not target.exists()


def test_export_never_writes_over_a_compared_text(qtbot, window, tmp_path, monkeypatch):
    """Choosing the copy itself (here through a .html link to it) as the report file is refused."""
    from PySide6.QtWidgets import QMessageBox

    copy = tmp_path / "copy.txt"
    copy.write_bytes(SPUN.read_bytes())
    link = tmp_path / "copy.html"
    link.symlink_to(copy)
    open_pair(qtbot, window, ORIGINAL, copy)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    export_to(monkeypatch, window, link)
    assert warnings and "never writes" in warnings[0] and copy.read_bytes() == SPUN.read_bytes()


def test_print_preview_lays_out_the_report(qtbot, window):
    """Print Preview (Ctrl+Shift+P) shows the report's pages."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    open_pair(qtbot, window, ORIGINAL, SPUN)
    dialog = window.evidence.preview_dialog()
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() > 5
    assert window.act_print.shortcut().toString() == "Ctrl+P"


def test_report_actions_wait_for_a_comparison(qtbot, window):
    """With no comparison yet, Export and Print say what is missing instead of failing."""
    window.act_export.trigger()
    assert "Nothing to report yet" in window.statusBar().currentMessage()


def test_report_colours_are_the_windows():
    """Each highlight class uses the window's light colour for its tag."""
    from unspin.core.compare import compare
    from unspin.core.evidence import TAG_COLOURS, to_html
    from unspin.core.highlights import TAG_NAMES
    from unspin.gui.highlighting import COLOURS

    assert {TAG_NAMES[t]: light for t, (light, _) in COLOURS.items()} == TAG_COLOURS
    css = to_html(compare("a b", "a c"))
    for name, colour in TAG_COLOURS.items():
        assert re.search(rf"\.{name} {{ background: {colour};", css)


def test_export_case_writes_a_case_file_that_verifies(qtbot, window, tmp_path, monkeypatch):
    """File → Export Case… (Ctrl+Shift+E) writes the zip where the user chose (".zip" added),
    and its manifest verifies."""
    from unspin.case_file import verify_case

    open_pair(qtbot, window, ORIGINAL, SPUN)
    target = tmp_path / "for-the-lawyer"
    monkeypatch.setattr("unspin.gui.evidence_actions.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), "Case files (*.zip)"))
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    written = tmp_path / "for-the-lawyer.zip"
    assert written.exists()
    checked, problems = verify_case(str(written))
    assert checked == 7 and problems == []
    assert "Case file written" in window.statusBar().currentMessage()


def test_a_clip_of_the_first_paragraph_pair(qtbot, window, tmp_path, monkeypatch):
    """Save Clip… at the top of the demo pair writes a 1,200 px PNG of the first paragraph
    pair, highlighted, with both sources and the verdict; Ctrl+Shift+C puts the same image
    on the clipboard."""
    from PySide6.QtGui import QColor, QImage

    from unspin.core.highlights import SUSPICIOUS
    from unspin.gui.clip import block_at, clip_html
    from unspin.gui.highlighting import COLOURS

    c = open_pair(qtbot, window, ORIGINAL, SPUN)
    target = tmp_path / "clip.png"
    monkeypatch.setattr("unspin.gui.evidence_actions.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PNG image (*.png)"))
    assert window.evidence.save_clip() == str(target)
    image = QImage(str(target))
    assert image.width() == 1200 and image.height() > 150
    orange = QColor(COLOURS[SUSPICIOUS][0]).rgb()
    assert any(image.pixel(x, y) == orange for x in range(0, 1200, 3) for y in range(0, image.height(), 3))
    text = QTextDocument_text(clip_html(c, block_at(c, 0)))
    pair = c.alignment[block_at(c, 0)]
    assert pair.old_end > pair.old_start and pair.new_end > pair.new_start  # a pair, not the lone headline
    first_old = c.old.text[pair.old_start:pair.old_end].split()[:3]
    assert all(word in text for word in first_old)
    assert c.old.sha256[:12] in text and c.new.sha256[:12] in text and c.classification in text
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.clipboard().image().width() == 1200


def QTextDocument_text(html_text: str) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html_text)
    return doc.toPlainText()


def test_open_url_fetches_the_copy_and_shows_when(qtbot, window, monkeypatch, server):
    """File → Open URL… with the original open: the page's article goes into the copy's
    pane, its header says when it was fetched, and the pair is compared; a 404 leaves the
    copy as it was, with the reason."""
    window.view = None
    window.load_file(0, str(ORIGINAL))
    answers = iter([(f"{server}/copy.html", True), (f"{server}/missing", True)])
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: next(answers))
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    assert window.documents[1].source["final_url"] == f"{server}/copy.html"
    assert "fetched" in window.right_pane.info.text()
    assert window.view.comparison.classification == "spun"
    window.act_open_url.trigger()
    opened(qtbot, window)
    assert window.documents[1].source["final_url"] == f"{server}/copy.html"
    assert "HTTP 404" in window.statusBar().currentMessage()
