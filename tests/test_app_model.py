"""The application model driven with no screen and no QApplication: open, compare, unspin,
swap sides, reload; stale results dropped; errors kept with their reason."""

import subprocess
import sys

from tests.conftest import ORIGINAL, SPUN
from unspin.app_model import AppModel, SyncRunner
from unspin.views import ScanView, ViewResult


class Recorder:
    def __init__(self):
        self.events = []

    def __getattr__(self, name):
        return lambda *args: self.events.append(name)


def test_open_compare_unspin_swap_and_reload(tmp_path):
    model = AppModel(SyncRunner())
    heard = Recorder()
    model.listeners.append(heard)
    copy = tmp_path / "copy.txt"
    copy.write_text(SPUN.read_text(encoding="utf-8"), encoding="utf-8")

    assert model.open(0, str(ORIGINAL))  # one text: scanned alone
    assert model.status == "scanned" and isinstance(model.result, ScanView)
    assert model.scanned_side == 0 and "No sign of a spinner" in model.result.result.verdict

    assert model.open(1, str(copy))  # both: compared
    assert model.status == "compared" and isinstance(model.result, ViewResult)
    c = model.result.comparison
    assert c.classification == "spun" and (c.swaps[0].old, c.swaps[0].new) == ("the", "nan")
    assert "result_ready" in heard.events and "task_started" in heard.events

    model.set_unspun(True)  # the copy read back into the original's words
    unspun = model.unspun_copy()
    assert unspun.count(" nan ") < c.new.text.count(" nan ") / 10

    model.swap_sides()  # the copy on the left now: compared again, and said to look swapped
    assert model.documents[0].path == str(copy) and model.status == "compared"
    assert model.result.comparison.sides_look_swapped
    model.swap_sides()

    copy.write_text(ORIGINAL.read_text(encoding="utf-8"), encoding="utf-8")  # the copy fixed on disk
    model.reload()
    assert model.result.comparison.classification == "verbatim"
    assert model.unspun and model.unspun_copy() == model.documents[1].text


def test_a_stale_result_is_dropped():
    """A result that comes back after the texts changed is never shown."""
    held = []

    class Later:
        def submit(self, task, done, failed, progress=None):
            held.append((task, done))

    model = AppModel(Later())
    model.open(0, str(ORIGINAL), start=False)
    model.open(1, str(SPUN))
    old_task, old_done = held[-1]
    model.set_document(1, None)  # the user closed the copy meanwhile
    old_done(old_task.generation, old_task.run())
    assert model.result is None or isinstance(model.result, ScanView)
    assert old_task.cancelled.is_set()


def test_a_file_that_cannot_be_read_keeps_the_old_text_and_says_why(tmp_path):
    """A failed load leaves the previous text and its result in place, and says why."""
    model = AppModel(SyncRunner())
    heard = Recorder()
    model.listeners.append(heard)
    model.open(0, str(ORIGINAL))
    model.open(1, str(SPUN))
    shown = model.result
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    heard.events.clear()
    model.open(0, str(bad))
    assert model.documents[0].path == str(ORIGINAL)
    assert "bad.pdf" in model.load_errors[0] and "bad.pdf" in model.message
    assert model.result is shown and model.status == "compared"  # nothing recomputed
    assert "load_failed" in heard.events and "documents_changed" not in heard.events
    assert model.task is None and not model.pending


def test_a_failed_task_says_why():
    def broken(*args, **kwargs):
        raise ValueError("disk on fire")

    model = AppModel(SyncRunner())
    model.open(0, str(ORIGINAL), start=False)
    model.open(1, str(SPUN), start=False)
    import unspin.app_model as app_model
    original = app_model.compare_view
    app_model.compare_view = broken
    try:
        model.start()
    finally:
        app_model.compare_view = original
    assert model.status == "failed" and "disk on fire" in model.message


def test_the_model_needs_no_qt():
    """Importing and using the model loads no Qt module."""
    code = ("import sys; from unspin.app_model import AppModel; m = AppModel(); "
            f"m.open(0, {str(ORIGINAL)!r}); m.open(1, {str(SPUN)!r}); "
            "assert m.status == 'compared'; "
            "assert not [n for n in sys.modules if n.startswith('PySide6')], 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_decisions_follow_the_pair_through_swap_sides_and_end_with_a_new_text(tmp_path):
    """A reviewer's decisions are the pair's: read the other way after Swap Sides, kept by a
    reload of the same text, gone when a side gets another text."""
    model = AppModel(SyncRunner())
    heard = Recorder()
    model.listeners.append(heard)
    model.open(0, str(ORIGINAL))
    model.open(1, str(SPUN))
    nan = model.result.comparison.swaps[0]
    model.set_reviewer("A. Reviewer")
    model.mark(nan, "confirmed", "the article's every 'the'")
    assert heard.events.count("review_changed") == 2
    model.swap_sides()
    flipped = next(s for s in model.result.comparison.swaps if (s.old, s.new) == ("nan", "the"))
    assert model.review.state(flipped) == "confirmed" and model.review.note(flipped)
    model.swap_sides()
    model.reload()
    assert model.review.state(nan) == "confirmed"
    model.open(1, str(ORIGINAL))
    assert not model.review.marks and model.review.reviewer == "A. Reviewer"


def test_a_scans_decisions_stay_with_the_scan():
    """Decisions on a text scanned alone are not read the other way by Swap Sides, and a
    second text (a comparison, other swaps) starts a new review."""
    model = AppModel(SyncRunner())
    model.open(1, str(SPUN))
    flag = model.result.result.flags[0]

    class Flagged:  # a scan's swap list shows (likely original, word)
        old, new = flag.original, flag.word

    model.mark(Flagged, "dismissed")
    model.swap_sides()
    assert model.review.state(Flagged) == "dismissed"
    model.open(1, str(ORIGINAL))
    assert not model.review.marks


class Later:
    """A runner that holds its tasks until the test runs them (a worker thread's delay)."""

    def __init__(self):
        self.held = []

    def submit(self, task, done, failed, progress=None):
        self.held.append((task, done, failed, progress))

    def run(self, index=-1):
        task, done, failed, progress = self.held.pop(index)
        done(task.generation, task.run(lambda f, payload=None: progress(task.generation, f, payload)))


def test_opening_shows_loading_then_the_comparison():
    """Opening runs in the task: the model says it is opening the file, the documents
    arrive, then the comparison, without the caller waiting for any of it."""
    runner = Later()
    model = AppModel(runner)
    heard = Recorder()
    model.listeners.append(heard)
    model.open_many({0: str(ORIGINAL), 1: str(SPUN)})
    assert model.status == "loading" and model.message.startswith("Opening ")
    assert ORIGINAL.name in model.message and SPUN.name in model.message
    assert model.documents == [None, None] and model.task.kind == "load"
    runner.run()
    assert [d.path for d in model.documents] == [str(ORIGINAL), str(SPUN)]
    assert model.status == "compared" and model.result.comparison.classification == "spun"
    assert heard.events.index("documents_changed") < heard.events.index("result_ready")


def test_a_newer_open_drops_the_older_load():
    """A file opened in a side while another is still loading there wins; the older
    load's document and comparison never show."""
    runner = Later()
    model = AppModel(runner)
    model.open(0, str(ORIGINAL), start=False)
    model.open(1, str(ORIGINAL))
    model.open(1, str(SPUN))  # changed their mind before the first load finished
    runner.run(0)  # the oldest load comes back last: dropped
    runner.run(0)
    assert model.documents == [None, None] and model.status == "loading"
    runner.run(0)  # the newest: both sides, the left one kept from the first request
    assert [d.path for d in model.documents] == [str(ORIGINAL), str(SPUN)]
    assert model.result.comparison.classification == "spun"


def test_cancelling_a_load_keeps_what_was_there():
    """Cancel while a file is opening: the old text stays and the model says it was cancelled."""
    runner = Later()
    model = AppModel(runner)
    model.open(0, str(ORIGINAL))
    runner.run()
    model.open(0, str(SPUN))
    model.cancel()
    runner.run()
    assert model.documents[0].path == str(ORIGINAL) and isinstance(model.result, ScanView)
    assert model.status == "scanned"  # its scan still holds
    assert "cancelled" in model.message and not model.pending


def test_computing_waits_for_the_display():
    """A display still taking in a text holds the comparison until it says it is ready."""
    import threading

    model = AppModel(Later())
    busy = [True]
    model.display_busy = lambda: busy[0]
    model.open_many({0: str(ORIGINAL), 1: str(SPUN)})
    task, done, failed, progress = model.runner.held.pop()
    worker = threading.Thread(target=lambda: setattr(worker, "result", task.run(
        lambda f, payload=None: progress(task.generation, f, payload) if payload else None)))
    worker.start()
    worker.join(0.5)
    assert worker.is_alive() and model.status == "comparing"  # loaded, waiting
    busy[0] = False
    model.display_ready()
    worker.join(20)
    done(task.generation, worker.result)
    assert model.status == "compared"


def _long_pair(tmp_path, paragraphs: int):
    """A pair over the preview size: the seed texts repeated."""
    old, new = (p.read_text(encoding="utf-8") for p in (ORIGINAL, SPUN))
    (tmp_path / "old.txt").write_text("\n\n".join([old] * paragraphs), encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n\n".join([new] * paragraphs), encoding="utf-8")
    return str(tmp_path / "old.txt"), str(tmp_path / "new.txt")


def test_a_long_pair_shows_its_changes_before_its_swaps_are_judged(tmp_path):
    """Past the preview size the display hears of the changes first: highlights of every
    change, the alignment, no swaps yet, and the model says the swaps are being judged;
    then the result, whose changes and highlights of the changes are the same."""
    from unspin.views import PREVIEW_MIN_CHARS

    model = AppModel(SyncRunner())
    previews, messages = [], []
    heard = Recorder()
    heard.preview_ready = lambda view: (previews.append(view), messages.append(model.message))
    model.listeners.append(heard)
    old, new = _long_pair(tmp_path, 1 + PREVIEW_MIN_CHARS // len(ORIGINAL.read_text(encoding="utf-8")))
    model.open_many({0: old, 1: new})
    assert len(previews) == 1 and model.status == "compared"
    preview, result = previews[0], model.result
    assert preview.is_preview and not result.is_preview and "being judged" in messages[0]
    assert preview.comparison.swaps == () and len(result.comparison.swaps) > 10
    assert preview.changes == result.changes and len(preview.changes) > 100
    assert preview.comparison.alignment == result.comparison.alignment
    old_ops = preview.highlights.old_ops
    assert len(old_ops.starts) > 100 and not len(preview.highlights.old_swaps.starts)


def test_a_short_pair_shows_no_preview(tmp_path):
    """A short pair's result comes at once: a preview would only flicker."""
    model = AppModel(SyncRunner())
    heard = Recorder()
    model.listeners.append(heard)
    model.open_many({0: str(ORIGINAL), 1: str(SPUN)})
    assert model.status == "compared" and "preview_ready" not in heard.events
