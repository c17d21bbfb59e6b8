"""File → Compare Against Many…: rank copies, open one beside the original."""

import csv
import io
import shutil

import pytest
from PySide6.QtCore import Qt

from tests.conftest import ORIGINAL, SPUN
from tests.gui.test_window import open_pair, opened
from unspin.core.batch import CopyResult
from unspin.gui.batch_dialog import BatchDialog
from unspin.gui.batch_model import ROW_ROLE, BatchTableModel, ranking_proxy
from tests.webserver import server  # noqa: F401 - the fixture


@pytest.fixture
def copies(tmp_path_factory):
    """A folder of copies: the real spun one, a lightly spun one, an edited one, a binary file."""
    tmp_path = tmp_path_factory.mktemp("copies")
    original = ORIGINAL.read_text(encoding="utf-8")
    shutil.copy(SPUN, tmp_path / "farm.txt")
    (tmp_path / "light.txt").write_text(original.replace(" at ", " astatine "), encoding="utf-8")
    (tmp_path / "edited.txt").write_text(original.replace("two", "2") + "\nUpdated on Friday.\n",
                                         encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    return tmp_path


@pytest.fixture
def one_process(monkeypatch):
    """Rank in the test's own process: worker start-up would dominate these small batches."""
    monkeypatch.setattr(BatchDialog, "jobs", 1)


def ranked(qtbot, window, paths):
    """Open the dialog on *paths* and wait for the ranking."""
    dialog = window.compare_against_many([str(p) for p in paths])
    qtbot.waitUntil(lambda: not dialog.running and dialog.model.rowCount() > 0, timeout=30000)
    return dialog


def names(dialog):
    return [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]


def test_ranking_lists_the_most_spun_first_and_the_skipped(qtbot, window, copies, tmp_path_factory,
                                                          monkeypatch):
    """The folder's copies are ranked by spin score in worker processes; the binary file is
    listed with its reason; Save Ranking writes the same order as CSV."""
    monkeypatch.setattr(BatchDialog, "jobs", 2)  # small copies would be ranked in this process
    open_pair(qtbot, window, ORIGINAL, SPUN)
    dialog = ranked(qtbot, window, [copies, copies / "missing.txt"])
    assert "(2 processes)" in dialog.status.text()
    assert names(dialog) == ["farm.txt", "light.txt", "edited.txt"]
    skipped = dialog.skipped_label.text()
    assert "logo.png: is a binary file" in skipped and "missing.txt: no such file" in skipped
    assert dialog.table.currentIndex().row() == 0  # the most spun copy is selected
    out = tmp_path_factory.mktemp("out") / "ranking.csv"
    assert dialog.save_ranking(str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["path"].rsplit("/", 1)[-1] for r in rows] == ["farm.txt", "light.txt", "edited.txt"]


def test_save_ranking_never_writes_over_a_compared_file(qtbot, window, copies, one_process):
    """Saving the ranking over the original or one of the copies is refused with the reason,
    and the file keeps its text."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    dialog = ranked(qtbot, window, [copies])
    for target in (copies / "farm.txt", ORIGINAL):
        before = target.read_bytes()
        assert not dialog.save_ranking(str(target))
        assert target.read_bytes() == before
        assert "compared files" in dialog.status.text()


def test_enter_opens_the_chosen_copy_beside_the_original(qtbot, window, copies, one_process):
    """Selecting the edited copy and pressing Enter compares it with the original in the window."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    dialog = ranked(qtbot, window, [copies])
    dialog.table.setFocus()
    dialog.table.selectRow(names(dialog).index("edited.txt"))
    window.view = None
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    assert window.documents[1].name == "edited.txt" and window.documents[0].name == ORIGINAL.name
    assert window.view.comparison.spin_score < 0.3


def test_double_click_reopens_the_original_if_the_left_changed(qtbot, window, copies, one_process):
    """A copy opened after the left pane changed comes back beside the dialog's original."""
    open_pair(qtbot, window, ORIGINAL, SPUN)
    dialog = ranked(qtbot, window, [copies])
    window.load_file(0, str(copies / "edited.txt"))
    index = dialog.table.model().index(0, 0)
    window.view = None
    centre = dialog.table.visualRect(index).center()
    # a double-click is a press then a double-click event, as the window system sends it
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: window.view is not None and window.documents[1].name == "farm.txt",
                    timeout=20000)
    assert window.documents[0].name == ORIGINAL.name


def test_no_original_says_what_to_do(qtbot, window):
    """Without a left text the window says to open the original first."""
    assert window.compare_against_many(["/tmp"]) is None
    assert "Open the original" in window.statusBar().currentMessage()


def _row(name, spin):
    return CopyResult(path=f"/x/{name}", name=name, words=100, spin_score=spin, pct_substituted=spin * 30,
                      swaps=int(spin * 50), suspicious_swaps=int(spin * 40), verdict="v",
                      top_swaps=(("the", "nan", 3, 0.99),))


def test_model_passes_modeltester(qtmodeltester):
    """The ranking model obeys the item-model contract as rows arrive and on a reset."""
    model = BatchTableModel([_row("a", 0.2)])
    qtmodeltester.check(model, force_py=True)
    model.add_row(_row("b", 0.9))
    model.set_rows([_row("c", 0.5)])


def test_proxy_sorts_arriving_rows_most_spun_first(qtmodeltester):
    """Rows arriving in any order take their place in the ranking; the proxy obeys the contract."""
    model = BatchTableModel([_row("a", 0.2)])
    proxy = ranking_proxy(model)
    qtmodeltester.check(proxy, force_py=True)
    model.add_row(_row("b", 0.9))
    model.add_row(_row("c", 0.5))
    assert [proxy.index(r, 0).data() for r in range(3)] == ["b", "c", "a"]


def test_cancel_stops_the_batch_and_keeps_what_was_ranked(qtbot, window, tmp_path_factory, one_process):
    """Cancel during a batch says so; the copies ranked until then stay in the table."""
    folder = tmp_path_factory.mktemp("many")
    for k in range(40):
        shutil.copy(SPUN, folder / f"copy{k:02d}.txt")
    open_pair(qtbot, window, ORIGINAL, SPUN)
    dialog = window.compare_against_many([str(folder)])
    assert dialog.running and dialog.cancel_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert "cancelled" in dialog.status.text()
    assert dialog.model.rowCount() < 40 and not dialog.cancel_button.isVisible()


def test_copies_added_just_after_cancel_are_ranked(qtbot, window, copies, tmp_path_factory, one_process):
    """Copies added while a cancelled batch winds down are compared once it has stopped."""
    folder = tmp_path_factory.mktemp("many")
    for k in range(40):
        shutil.copy(SPUN, folder / f"copy{k:02d}.txt")
    open_pair(qtbot, window, ORIGINAL, SPUN)
    dialog = window.compare_against_many([str(folder)])
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    dialog.add_paths([str(copies / "light.txt"), str(copies / "edited.txt")])
    qtbot.waitUntil(lambda: {"light.txt", "edited.txt"} <= set(names(dialog)) and not dialog.running,
                    timeout=30000)


def test_copies_of_one_spinner_operation_share_a_network(qtbot, window, tmp_path, one_process):
    """Three copies spun with one dictionary show the same network in the Network column;
    an edited copy shows none."""
    from tests.core.test_networks import _dictionary, _spun
    from unspin.gui.batch_model import COPY, NETWORK

    original = ORIGINAL.read_text(encoding="utf-8")
    dictionary = _dictionary(original, seed=3)
    paths = []
    for k in range(3):
        paths.append(tmp_path / f"farm{k}.txt")
        paths[-1].write_text(_spun(original, dictionary, seed=k), encoding="utf-8")
    paths.append(tmp_path / "edited.txt")
    paths[-1].write_text(original.replace("two", "2"), encoding="utf-8")
    open_pair(qtbot, window, ORIGINAL, SPUN)
    dialog = ranked(qtbot, window, paths)
    qtbot.waitUntil(lambda: "network" in dialog.status.text(), timeout=30000)
    cells = {dialog.proxy.index(r, COPY).data(): dialog.proxy.index(r, NETWORK).data()
             for r in range(dialog.proxy.rowCount())}
    assert cells["farm0.txt"] == cells["farm1.txt"] == cells["farm2.txt"] == "N1"
    assert cells["edited.txt"] == ""
    assert "1 copy network" in dialog.status.text()


def test_web_addresses_are_ranked_and_open_beside_the_original(qtbot, window, one_process, server):
    """Add Web Addresses…: pages are fetched, ranked beside files, and open in the right pane
    (with the page's address in its header); a line that is no address is listed as skipped."""
    window.load_file(0, str(ORIGINAL))
    opened(qtbot, window)
    dialog = window.compare_against_many([])
    dialog.ask_urls = lambda _parent: f"{server}/moved\nnot a page\n{server}/missing\n"
    qtbot.mouseClick(dialog.add_urls_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running and dialog.model.rowCount() == 1, timeout=30000)
    row = dialog.model.index(0, 0).data(ROW_ROLE)
    assert row.path == f"{server}/moved" and row.classification == "spun"
    assert row.source["final_url"] == f"{server}/copy.html"
    skipped = dialog.skipped_label.text()
    assert "not a page" in skipped and "HTTP 404" in skipped
    dialog.table.setCurrentIndex(dialog.proxy.index(0, 0))
    dialog.open_current()
    qtbot.waitUntil(lambda: window.view is not None and window.documents[1] is not None, timeout=30000)
    assert window.documents[1].source["url"] == f"{server}/moved"
