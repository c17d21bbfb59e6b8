"""File → Save Session / Open Session in the window, as a user meets them."""

import json
import shutil

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.conftest import ORIGINAL, SPUN
from tests.gui.test_window import opened
from unspin.gui.main_window import MainWindow
from tests.webserver import server  # noqa: F401 - the fixture


@pytest.fixture
def case(tmp_path):
    """A folder with the seed pair under the user's own names (spaces, accents)."""
    folder = tmp_path / "dossier été"
    folder.mkdir()
    old, new = folder / "original story.txt", folder / "suspect copy.txt"
    shutil.copy(ORIGINAL, old)
    shutil.copy(SPUN, new)
    return folder, old, new


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Makes shown windows whose warnings are collected instead of shown in a modal box."""
    def make():
        w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        w.warnings = []
        w.sessions.warn = lambda _w, title, text: w.warnings.append(text)
        w.show()
        return w
    return make


def compared(qtbot, window):
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    return window.view.comparison


def select(window, old, new):
    model = window.sidebar.view.model()
    for row in range(model.rowCount()):
        if (model.index(row, 0).data(), model.index(row, 1).data()) == (old, new):
            window.sidebar.view.setCurrentIndex(model.index(row, 0))
            return
    raise AssertionError(f"no row {old} -> {new}")


def test_save_then_open_restores_the_pair_filters_and_selected_swap(qtbot, make_window, case):
    """A saved session reopened by double-click shows the same pair, filters and swap."""
    folder, old, new = case
    first = make_window()
    first.open_initial([str(old), str(new)])
    compared(qtbot, first)
    first.sidebar.suspicious_box.setChecked(True)
    select(first, "at", "astatine")
    first.sessions.ask_save_path = lambda _w, suggested: str(folder / "evidence")
    assert first.sessions.save_dialog()
    saved = json.loads((folder / "evidence.unspin").read_text(encoding="utf-8"))
    assert saved["old"]["path"] == "original story.txt"

    second = make_window()
    second.opener.open_paths([str(folder / "evidence.unspin")])  # what a double-click does
    compared(qtbot, second)
    assert [d.path for d in second.documents] == [str(old), str(new)]
    assert second.sidebar.suspicious_box.isChecked()
    swap = second.sidebar.selected_swap()
    assert (swap.old, swap.new) == ("at", "astatine") and second.warnings == []
    assert second.left_pane.highlighter.mark_span == tuple(swap.occurrences[0][:2])


def test_a_session_with_a_missing_file_opens_the_other_and_says_which(qtbot, make_window, case):
    """The copy was deleted: the original opens, the copy pane and a warning name what is missing."""
    folder, old, new = case
    first = make_window()
    first.open_initial([str(old), str(new)])
    compared(qtbot, first)
    assert first.sessions.save(str(folder / "case.unspin"))
    new.unlink()
    second = make_window()
    assert second.sessions.open_session(str(folder / "case.unspin"))
    qtbot.waitUntil(lambda: bool(second.warnings), timeout=20000)  # once the original is read
    assert second.documents[0].path == str(old) and second.documents[1] is None
    assert "The copy is missing" in second.right_pane.error_text()
    assert "suspect copy.txt" in second.warnings[0] and "original" not in second.warnings[0].split(":")[0]


def test_a_changed_file_is_reported_when_the_session_opens(qtbot, make_window, case):
    """A text edited since the session was saved opens, with a warning that it changed."""
    folder, old, new = case
    first = make_window()
    first.open_initial([str(old), str(new)])
    compared(qtbot, first)
    first.sessions.save(str(folder / "case.unspin"))
    new.write_text(new.read_text(encoding="utf-8") + "\nA late addition.\n", encoding="utf-8")
    second = make_window()
    second.sessions.open_session(str(folder / "case.unspin"))
    qtbot.waitUntil(lambda: bool(second.warnings), timeout=20000)  # once the files are read
    compared(qtbot, second)
    assert len(second.warnings) == 1 and "The copy" in second.warnings[0]
    assert "has changed since the session was saved" in second.warnings[0]


def test_a_corrupt_session_gives_a_clear_error_and_keeps_the_window(qtbot, make_window, case, tmp_path):
    """A damaged session file is refused with its name and reason; the open texts stay."""
    folder, old, new = case
    window = make_window()
    window.load_file(0, str(old), compare_now=False)
    opened(qtbot, window)
    bad = tmp_path / "broken.unspin"
    bad.write_text('{"schema": "unspin.session", "version": 1, "old": ', encoding="utf-8")
    window.opener.open_paths([str(bad)])
    assert window.warnings == [f"Could not open {bad}: the session file is damaged "
                               "(invalid JSON at line 1, column 51)."]
    assert window.documents[0].path == str(old)


def test_saving_a_session_over_a_compared_text_is_refused(qtbot, make_window, case):
    """Choosing one of the compared files as the session name is refused; the text is untouched."""
    folder, old, new = case
    before = new.read_bytes()
    window = make_window()
    window.open_initial([str(old), str(new)])
    opened(qtbot, window)
    window.sessions.ask_save_path = lambda _w, suggested: str(new)
    assert not window.sessions.save_dialog()
    assert "one of the compared files" in window.warnings[0] and new.read_bytes() == before


def test_a_pasted_copy_is_kept_in_the_session_and_comes_back(qtbot, make_window, case):
    """Paste as Right, Save Session, reopen: the copy pane holds the pasted text under its name."""
    folder, old, new = case
    first = make_window()
    first.load_file(0, str(old), compare_now=False)
    QApplication.clipboard().setText(new.read_text(encoding="utf-8"))
    first.act_paste_right.trigger()
    compared(qtbot, first)
    pasted = first.documents[1]
    assert pasted.path is None and pasted.name.startswith("Clipboard ")
    assert first.sessions.save(str(folder / "pasted.unspin")) and first.warnings == []

    second = make_window()
    assert second.sessions.open_session(str(folder / "pasted.unspin"))
    compared(qtbot, second)
    copy = second.documents[1]
    assert (copy.text, copy.name, copy.sha256) == (pasted.text, pasted.name, pasted.sha256)
    assert second.right_pane.editor.toPlainText() == pasted.text and second.warnings == []


def test_a_pasted_text_edited_in_the_session_file_is_pointed_out(qtbot, make_window, case):
    """A kept text that no longer matches its saved digest opens, with a warning saying so."""
    folder, old, new = case
    first = make_window()
    first.load_file(0, str(old), compare_now=False)
    QApplication.clipboard().setText("Nan cat sat on the mat.")
    first.act_paste_right.trigger()
    first.sessions.save(str(folder / "pasted.unspin"))
    data = json.loads((folder / "pasted.unspin").read_text(encoding="utf-8"))
    data["new"]["text"] = "The cat sat on the mat."
    (folder / "pasted.unspin").write_text(json.dumps(data), encoding="utf-8")
    second = make_window()
    second.sessions.open_session(str(folder / "pasted.unspin"))
    assert second.documents[1].text == "The cat sat on the mat."
    assert len(second.warnings) == 1 and "does not match the checksum" in second.warnings[0]


def test_a_page_opened_by_url_is_kept_with_its_snapshot_beside_the_session(qtbot, make_window, case, server):
    """A session of a page keeps its text and provenance, and the page's bytes in
    NAME.snapshots/ beside it; reopened, the page comes back with both, and the command line
    reads it too. A damaged snapshot is pointed out, not used."""
    import hashlib
    import subprocess
    import sys

    folder, old, _new = case
    first = make_window()
    first.load_file(0, str(old), compare_now=False)
    first.load_file(1, f"{server}/moved")
    compared(qtbot, first)
    assert first.sessions.save(str(folder / "page.unspin"))
    snapshots = list((folder / "page.snapshots").iterdir())
    page = first.documents[1]
    assert len(snapshots) == 1 and snapshots[0].read_bytes() == page.snapshot
    assert hashlib.sha256(snapshots[0].read_bytes()).hexdigest() == page.source["sha256"]

    second = make_window()
    assert second.sessions.open_session(str(folder / "page.unspin"))
    compared(qtbot, second)
    reopened = second.documents[1]
    assert reopened.source == page.source and reopened.snapshot == page.snapshot
    assert reopened.text == page.text and second.warnings == []
    r = subprocess.run([sys.executable, "-m", "unspin", "compare", "--session", str(folder / "page.unspin"),
                        "--format", "json"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["new"]["source"]["final_url"] == f"{server}/copy.html"

    snapshots[0].write_bytes(b"<html>something else</html>")
    third = make_window()
    assert third.sessions.open_session(str(folder / "page.unspin"))
    compared(qtbot, third)
    assert third.documents[1].snapshot is None and third.documents[1].source == page.source
    assert any("does not match the digest" in w for w in third.warnings)


def test_files_outside_the_sessions_folder_are_shown_before_opening(qtbot, make_window, case, tmp_path):
    """A session that points outside its folder (someone else's, or a hostile one) names
    those files and opens them only when the user agrees."""
    folder, old, new = case
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    first = make_window()
    first.open_initial([str(old), str(new)])
    compared(qtbot, first)
    assert first.sessions.save(str(elsewhere / "case.unspin"))

    second = make_window()
    asked = []
    second.sessions.confirm_outside = lambda _w, paths: asked.append(paths) or False
    assert not second.sessions.open_session(str(elsewhere / "case.unspin"))
    assert asked == [[str(old), str(new)]] and second.documents == [None, None]

    second.sessions.confirm_outside = lambda _w, paths: True
    assert second.sessions.open_session(str(elsewhere / "case.unspin"))
    compared(qtbot, second)
    assert [d.path for d in second.documents] == [str(old), str(new)]


def test_a_session_beside_its_files_opens_without_asking(qtbot, make_window, case):
    folder, old, new = case
    first = make_window()
    first.open_initial([str(old), str(new)])
    compared(qtbot, first)
    assert first.sessions.save(str(folder / "here.unspin"))
    second = make_window()
    second.sessions.confirm_outside = lambda _w, paths: pytest.fail(f"asked about {paths}")
    assert second.sessions.open_session(str(folder / "here.unspin"))
