"""The application's state, without a screen: what is open, what is being computed, what is
shown (mu's passive view, git-cola's single task).

:class:`AppModel` holds the two documents (left: the original, right: the suspect copy),
the result on show (a comparison, or the scan of a text opened alone), the view's modes
(unspun copy, original line breaks) and the one background task. A window displays it
and forwards what the user does; tests drive it with no QApplication at all, through a
:class:`SyncRunner` that runs each task at once.

A task carries the generation it was started in: a result that comes back after the user
has moved on (a newer file, a newer task) is dropped, never shown.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from unspin.core.documents import Document, LoadError
from unspin.core.fetch import load_any
from unspin.core.restore import flags_unspun, unspun_text
from unspin.core.triage import Review
from unspin.views import ScanView, ViewResult, compare_view, scan_view

LEFT, RIGHT = 0, 1


@dataclass
class Task:
    """One background job: ``function(*args, should_cancel=..., progress=...)``."""

    generation: int
    kind: str  # "compare" or "scan"
    function: Callable[..., Any]
    args: tuple
    cancelled: threading.Event = field(default_factory=threading.Event)

    def run(self, progress: Callable[[float], None] | None = None):
        return self.function(*self.args, should_cancel=self.cancelled.is_set, progress=progress)

    def cancel(self) -> None:
        self.cancelled.set()


class SyncRunner:
    """Runs each task at once, in the caller's thread (tests, scripts)."""

    def submit(self, task: Task, done, failed, progress=None) -> None:
        try:
            result = task.run(lambda f: progress(task.generation, f) if progress else None)
        except Exception as exc:  # the model shows why
            failed(task.generation, f"{type(exc).__name__}: {exc}")
            return
        done(task.generation, result)


class Listener:
    """What a display hears from the model (every method optional)."""

    def documents_changed(self) -> None: ...
    def task_started(self, task: Task) -> None: ...
    def task_progress(self, fraction: float) -> None: ...
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
        self.result: ViewResult | ScanView | None = None
        self.task: Task | None = None
        self.generation = 0
        self.status = "empty"  # empty, comparing, scanning, compared, scanned, cancelled, failed
        self.message = "Open a text on both sides to compare them."
        self.unspun = False  # View → Unspun Copy
        self.original_line_breaks = False  # View → Original Line Breaks
        self.review = Review()  # the reviewer's decision on each swap of this pair
        self.listeners: list[Listener] = []

    # --- documents -----------------------------------------------------------------

    def open(self, side: int, path: str, start: bool = True) -> bool:
        """Load *path* into *side*; on failure keep what was there and say why."""
        try:
            document = load_any(path)
        except LoadError as exc:
            self.load_errors[side] = f"Could not open {exc.path}: {exc.reason}."
            self._tell("documents_changed")
            return False
        self.set_document(side, document, start)
        return True

    def set_document(self, side: int, document: Document | None, start: bool = True) -> None:
        """Put *document* (None: nothing) on *side*; the shown result no longer holds.
        The review is kept while the side's text is the same (Reload of an unchanged file)."""
        before, other = self.documents[side], self.documents[1 - side]
        changed = before is not None and (document is None or document.sha256 != before.sha256)
        scan_becomes_comparison = before is None and other is not None and document is not None
        if (changed or scan_becomes_comparison) and self.review.marks:  # other swaps now
            self._set_review(Review(reviewer=self.review.reviewer))
        self.documents[side] = document
        self.load_errors[side] = None
        self._forget_result()
        self._tell("documents_changed")
        if start:
            self.start()

    def swap_sides(self, start: bool = True) -> None:
        """Exchange the original and the copy, and compare again."""
        self.documents.reverse()
        self.load_errors.reverse()
        if all(d is not None for d in self.documents):  # a scan's flags do not change with the side
            self._set_review(self.review.reversed())  # the same decisions, read the other way
        self._forget_result()
        self._tell("documents_changed")
        if start:
            self.start()

    def reload(self) -> None:
        """Read both files again from disk, and compare again."""
        for side, document in enumerate(self.documents):
            if document is not None and document.path:
                self.open(side, document.path, start=False)
        self.start()

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
        """Compare the two documents, or scan the one open; a newer task replaces an older."""
        self.cancel()
        self.generation += 1
        old, new = self.documents
        if old is not None and new is not None:
            task = Task(self.generation, "compare", compare_view, (old, new))
            self.status, self.message = "comparing", f"Comparing {old.name} with {new.name}…"
        elif (old or new) is not None:
            task = Task(self.generation, "scan", scan_view, (old or new,))
            self.status = "scanning"
            self.message = (f"Scanning {(old or new).name} for spinner words… "
                            "Open a second text to compare the two.")
        else:
            self.status, self.message, self.task = "empty", "Open a text on both sides to compare them.", None
            return None
        self.task = task
        self._tell("task_started", task)
        self.runner.submit(task, self._done, self._failed, self._progress)
        return task

    def cancel(self) -> None:
        """Ask the running task to stop."""
        if self.task is not None:
            self.task.cancel()

    @property
    def scanned_side(self) -> int | None:
        """The side of the text scanned alone, or None."""
        if isinstance(self.result, ScanView) or (self.task and self.task.kind == "scan"):
            return LEFT if self.documents[LEFT] is not None else RIGHT
        return None

    def _progress(self, generation: int, fraction: float) -> None:
        if generation == self.generation:
            self._tell("task_progress", fraction)

    def _done(self, generation: int, result) -> None:
        if generation != self.generation:
            return  # the user has moved on: drop this stale result
        self.task = None
        status = result.comparison.status if isinstance(result, ViewResult) else result.result.status
        if status == "cancelled":
            self.status, self.message = "cancelled", "Comparison cancelled. Press F5 to run it again."
            self._tell("task_failed", self.message)
            return
        self.result = result
        self.status = "compared" if isinstance(result, ViewResult) else "scanned"
        self._tell("result_ready", result)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        kind = self.task.kind if self.task else "compare"
        self.task = None
        self.status = "failed"
        self.message = f"The {'scan' if kind == 'scan' else 'comparison'} failed: {message}"
        self._tell("task_failed", self.message)

    def _forget_result(self) -> None:
        self.cancel()
        self.generation += 1  # whatever is running no longer matches the texts
        self.task = None
        self.result = None
        self.status = "empty"

    def _tell(self, event: str, *args) -> None:
        for listener in self.listeners:
            method = getattr(listener, event, None)
            if method is not None:
                method(*args)


__all__ = ["AppModel", "Listener", "SyncRunner", "Task", "LEFT", "RIGHT"]
