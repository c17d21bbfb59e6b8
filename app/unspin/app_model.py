"""The application's state, without a screen: what is open, what is being computed, what is
shown (mu's passive view, git-cola's single task).

:class:`AppModel` holds the two documents (left: the original, right: the suspect copy),
the result on show (a comparison, or the scan of a text opened alone), the view's modes
(unspun copy, original line breaks) and the one background task. A window displays it
and forwards what the user does; tests drive it with no QApplication at all, through a
:class:`SyncRunner` that runs each task at once.

Opening a file is part of the task: it loads the file, hands the document over (the
display shows it), then compares or scans, so a 300-page PDF never blocks the window.
A task carries the generation it was started in: a result that comes back after the user
has moved on (a newer file, a newer task) is dropped, never shown.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass

from unspin.core.documents import Document, LoadError
from unspin.core.fetch import load_any
from unspin.core.reflow import reflowed
from unspin.core.restore import flags_unspun, unspun_text
from unspin.core.triage import Review
from unspin.tasks import SyncRunner, Task
from unspin.views import Preview, ScanView, ViewResult, compare_view, scan_view

LEFT, RIGHT = 0, 1
EMPTY_MESSAGE = "Open a text on both sides to compare them."


@dataclass(frozen=True)
class Loaded:
    """A file of the task read: its side's document, or why it could not be opened."""

    side: int
    document: Document | None
    error: str | None = None


class Gate:
    """Where a task waits after loading: until the model has said what to compute next
    (None: nothing) and the display has the texts in (filling a pane while comparing
    makes both compete for the GIL and the window stutter)."""

    def __init__(self):
        self.planned = False
        self.step = None  # (function, args) or None
        self._open = threading.Event()

    def plan(self, step) -> None:
        self.step, self.planned = step, True

    def open(self) -> None:
        self._open.set()

    def wait(self, should_cancel):
        """The planned step once the gate opens; None when cancelled meanwhile."""
        while not self._open.wait(0.05):
            if should_cancel():
                return None
        return None if should_cancel() else self.step


def load_then_compute(loads: dict[int, str], gate: Gate, *, should_cancel, progress):
    """The model's one task: read the files of *loads* (side: path), hand each over as a
    :class:`Loaded` payload (the display shows it at once), then run what the model plans
    at the *gate*."""
    for side, path in loads.items():
        if should_cancel():
            return None
        try:
            loaded = Loaded(side, load_any(path))
            reflowed(loaded.document.text)  # kept for the pane that shows it
        except LoadError as exc:
            loaded = Loaded(side, None, f"Could not open {exc.path}: {exc.reason}.")
        if should_cancel():
            return None
        progress(0.0, loaded)
    step = gate.wait(should_cancel)
    if step is None:
        return None
    function, args = step
    return function(*args, should_cancel=should_cancel, progress=progress)


class Listener:
    """What a display hears from the model (every method optional)."""

    def documents_changed(self) -> None: ...
    def load_failed(self, side: int, message: str) -> None: ...
    def files_opened(self) -> None: ...  # the files being opened are read or refused
    def task_started(self, task: Task) -> None: ...
    def task_progress(self, fraction: float) -> None: ...
    def task_finished(self) -> None: ...
    def preview_ready(self, view) -> None: ...  # a long pair's changes, before its result
    def result_ready(self, result) -> None: ...
    def task_failed(self, message: str) -> None: ...
    def view_mode_changed(self) -> None: ...
    def review_changed(self) -> None: ...


class AppModel:
    """Documents, the current comparison or scan, view modes and the background task."""

    def __init__(self, runner=None):
        self.runner = runner or SyncRunner()
        self.documents: list[Document | None] = [None, None]
        self.load_errors: list[str | None] = [None, None]
        self.pending: dict[int, str] = {}  # side: the path being opened there
        self.result: ViewResult | ScanView | None = None
        self.task: Task | None = None
        self.generation = 0
        # empty, loading, comparing, scanning, compared, scanned, cancelled, failed
        self.status = "empty"
        self.message = EMPTY_MESSAGE
        self.unspun = False  # View → Unspun Copy
        self.original_line_breaks = False  # View → Original Line Breaks
        self.review = Review()  # the reviewer's decision on each swap of this pair
        self.listeners: list[Listener] = []
        #: True while the display is still taking in a text (a threaded runner only): a
        #: task waits with its computing until :meth:`display_ready`
        self.display_busy = lambda: False
        self._gate: Gate | None = None
        self._wants_compute = False

    # --- documents -----------------------------------------------------------------

    def open(self, side: int, path: str, start: bool = True) -> Task | None:
        """Open *path* in *side* in the background, then compare (*start*); on failure
        what was there stays and ``load_errors[side]`` says why."""
        return self.open_many({side: path}, start)

    def open_many(self, paths: dict[int, str], start: bool = True) -> Task | None:
        """Open several sides in one task (a pair, a session, Reload)."""
        self.pending.update(paths)
        for side in paths:
            self.load_errors[side] = None
        return self._submit(start or self._wants_compute)

    def set_document(self, side: int, document: Document | None, start: bool = True) -> None:
        """Put *document* (None: nothing) on *side*; the shown result no longer holds.
        The review is kept while the side's text is the same (Reload of an unchanged file)."""
        self.pending.pop(side, None)  # this replaces a file still being opened there
        self._put(side, document)
        self._forget_result()
        self._tell("documents_changed")
        self._resubmit(start)

    def swap_sides(self, start: bool = True) -> None:
        """Exchange the original and the copy, and compare again."""
        self.documents.reverse()
        self.load_errors.reverse()
        self.pending = {1 - side: path for side, path in self.pending.items()}
        if all(d is not None for d in self.documents):  # a scan's flags do not change with the side
            self._set_review(self.review.reversed())  # the same decisions, read the other way
        self._forget_result()
        self._tell("documents_changed")
        self._resubmit(start)

    def reload(self) -> Task | None:
        """Read both files again from disk, and compare again."""
        paths = {side: d.path for side, d in enumerate(self.documents) if d is not None and d.path}
        return self.open_many(paths) if paths else self.start()

    def path_of(self, side: int) -> str | None:
        """The file being opened in *side*, else its document's file (None: none, or pasted)."""
        document = self.documents[side]
        return self.pending.get(side) or (document.path if document is not None else None)

    def is_empty(self, side: int) -> bool:
        """True when *side* has no text and none is being opened there."""
        return self.documents[side] is None and side not in self.pending

    def _put(self, side: int, document: Document | None) -> None:
        before, other = self.documents[side], self.documents[1 - side]
        changed = before is not None and (document is None or document.sha256 != before.sha256)
        scan_becomes_comparison = before is None and other is not None and document is not None
        if (changed or scan_becomes_comparison) and self.review.marks:  # other swaps now
            self._set_review(Review(reviewer=self.review.reviewer))
        self.documents[side] = document
        self.load_errors[side] = None

    # --- view modes ----------------------------------------------------------------

    def set_unspun(self, on: bool) -> None:
        """View → Unspun Copy: the suspect text read back into the original's words."""
        self.unspun = on
        self._tell("view_mode_changed")

    def set_original_line_breaks(self, on: bool) -> None:
        """View → Original Line Breaks (off: hard-wrapped text shown as paragraphs)."""
        self.original_line_breaks = on
        self._tell("view_mode_changed")

    def unspun_copy(self) -> str | None:
        """The suspect text with its spinner swaps put back, while the unspun view is on
        and a result is shown (None otherwise)."""
        if not self.unspun or self.result is None:
            return None
        if isinstance(self.result, ViewResult):
            return unspun_text(self.result.comparison).text
        scanned = self.result.result
        return flags_unspun(scanned.document.text, scanned.flags).text

    # --- the review -----------------------------------------------------------------

    def mark(self, swap, state: str | None = None, note: str | None = None) -> None:
        """Record the reviewer's decision on *swap* (confirmed, dismissed, open) and/or note."""
        self._set_review(self.review.marked(swap, state, note))

    def set_reviewer(self, name: str) -> None:
        """The name reports give for the person who reviewed the swaps."""
        self._set_review(dataclasses.replace(self.review, reviewer=name.strip()))

    def set_review(self, review: Review) -> None:
        """Take a saved review (a session's) as this pair's."""
        self._set_review(review)

    def _set_review(self, review: Review) -> None:
        self.review = review
        self._tell("review_changed")

    # --- the task ------------------------------------------------------------------

    def start(self) -> Task | None:
        """Compare the two documents, or scan the one open (after opening the files still
        pending); a newer task replaces an older."""
        return self._submit(True)

    def cancel(self) -> None:
        """Ask the running task to stop."""
        if self.task is not None:
            self.task.cancel()

    def display_ready(self) -> None:
        """The display has the texts in: a task waiting to compute goes on."""
        gate = self._gate
        if gate is not None and gate.planned and (gate.step is None or not self.display_busy()):
            gate.open()

    @property
    def scanned_side(self) -> int | None:
        """The side of the text scanned alone, or None."""
        if isinstance(self.result, ScanView) or (self.task and self.task.kind == "scan"):
            return LEFT if self.documents[LEFT] is not None else RIGHT
        return None

    def _resubmit(self, start: bool) -> None:
        if start or self.pending:  # files still to open need a task of their own again
            self._submit(start or self._wants_compute)

    def _submit(self, compute: bool) -> Task | None:
        self.cancel()
        self.generation += 1
        self._wants_compute = compute
        loads = dict(self.pending)
        gate = self._gate = Gate()
        task = self.task = Task(self.generation, "load", load_then_compute, (loads, gate))
        if loads:
            self.status, self.message = "loading", f"Opening {_names(loads.values())}…"
            self._tell("task_started", task)
        elif not self._plan():
            self.task = self._gate = None
            return None
        self.runner.submit(task, self._done, self._failed, self._progress)
        return task

    def _plan(self) -> bool:
        """Decide what the task computes once its files are in; False: nothing."""
        task, old, new = self.task, *self.documents
        step = None
        if self._wants_compute and old is not None and new is not None:
            task.kind, step = "compare", (compare_view, (old, new))
            self.status, self.message = "comparing", f"Comparing {old.name} with {new.name}…"
        elif self._wants_compute and (old or new) is not None:
            task.kind, step = "scan", (scan_view, (old or new,))
            self.status = "scanning"
            self.message = (f"Scanning {(old or new).name} for spinner words… "
                            "Open a second text to compare the two.")
        elif self.result is None:
            self.status = "empty"
            self.message = EMPTY_MESSAGE if old is None and new is None else self.message
        self._wants_compute = False
        self._gate.plan(step)
        if step is not None:
            self._tell("task_started", task)
        self.display_ready()
        return step is not None

    def _accept(self, loaded: Loaded) -> None:
        """A file of the task is read: show it (or why not); once all are, go on computing."""
        side = loaded.side
        self.pending.pop(side, None)
        if loaded.document is not None:
            self._put(side, loaded.document)
            self.result = None
            self.message = f"Opened {loaded.document.name}."
            self._tell("documents_changed")
        else:
            self.load_errors[side] = self.message = loaded.error
            self._tell("load_failed", side, loaded.error)
        if self.pending:
            return
        if self.result is not None:  # every file refused: what is shown still holds
            self._wants_compute = False
            self.status = _status_of(self.result)
        self._tell("files_opened")
        self._plan()

    def _progress(self, generation: int, fraction: float, payload=None) -> None:
        if isinstance(payload, Preview):  # the task waits until it is shown (or dropped)
            try:
                self._preview(generation, payload)
            finally:
                payload.shown.set()
        if generation != self.generation:
            return  # an older task's: a newer file or task replaced it
        if isinstance(payload, Loaded):
            self._accept(payload)
            return
        self._tell("task_progress", fraction)

    def _preview(self, generation: int, payload: Preview) -> None:
        """Show the changes of the pair being compared, while its swaps are judged."""
        if generation == self.generation:
            self.message = payload.view.comparison.verdict
            self._tell("preview_ready", payload.view)

    def _done(self, generation: int, result) -> None:
        if generation != self.generation:
            return  # the user has moved on: drop this stale result
        kind, self.task, self._gate = self.task.kind, None, None
        self._tell("task_finished")
        status = result.comparison.status if isinstance(result, ViewResult) else \
            result.result.status if isinstance(result, ScanView) else None
        if status == "cancelled" or (result is None and self.status in ("loading", "comparing", "scanning")):
            self._cancelled(kind)
            return
        if result is None:
            return  # opened only: nothing was to be computed
        self.result = result
        self.status = _status_of(result)
        self._tell("result_ready", result)

    def _cancelled(self, kind: str) -> None:
        self.pending.clear()
        if kind == "load":  # the texts on screen, and their result if any, stay
            self.status = _status_of(self.result) if self.result is not None else "cancelled"
            self.message = "Opening cancelled: the texts shown stay as they were."
        else:
            self.status, self.message = "cancelled", "Comparison cancelled. Press F5 to run it again."
        self._tell("task_failed", self.message)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        kind, self.task, self._gate = self.task.kind, None, None
        self.pending.clear()
        self._tell("task_finished")
        self.status = "failed"
        what = {"scan": "scan", "load": "opening of the file"}.get(kind, "comparison")
        self.message = f"The {what} failed: {message}"
        self._tell("task_failed", self.message)

    def _forget_result(self) -> None:
        self.cancel()
        self.generation += 1  # whatever is running no longer matches the texts
        self.task = self._gate = None
        self.result = None
        self.status = "empty"

    def _tell(self, event: str, *args) -> None:
        for listener in self.listeners:
            method = getattr(listener, event, None)
            if method is not None:
                method(*args)


def _status_of(result) -> str:
    return "compared" if isinstance(result, ViewResult) else "scanned"


def _names(paths) -> str:
    """The file names of *paths* (or addresses), for messages."""
    return ", ".join(str(p).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or str(p) for p in paths)


__all__ = ["AppModel", "Listener", "Loaded", "SyncRunner", "Task", "LEFT", "RIGHT"]
