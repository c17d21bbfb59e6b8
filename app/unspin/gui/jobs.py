"""The one background job runner of the window: a function run on Qt's thread pool.

:class:`QtRunner` runs a :class:`unspin.tasks.Task` in a worker thread and hands its
progress (with any payload: a loaded document, a batch row), result or error back to the
UI thread through signals. Which results are stale is the caller's business (each task
carries its generation; :class:`unspin.tasks.TaskSlot` drops them), so every job of the
window, loading, comparing, scanning, unspinning and ranking copies, goes through it.
"""

from __future__ import annotations

import itertools
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from unspin.views import SECOND_PROCESS, ScanView, ViewResult

__all__ = ["JobSignals", "QtRunner", "SECOND_PROCESS", "ScanView", "ViewResult"]


class JobSignals(QObject):
    """Signals of a job; each carries the job's number in its runner."""

    progress = Signal(int, float, object)
    finished = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, number: int, task, signals: JobSignals):
        super().__init__()
        self.number, self.task, self.signals = number, task, signals
        self._last_percent = -1

    def run(self):
        try:
            result = self.task.run(self._report)
        except Exception as exc:  # shown to the user with its reason, and logged in full
            traceback.print_exc()
            self._emit(self.signals.failed, f"{type(exc).__name__}: {exc}")
            return
        self._emit(self.signals.finished, result)

    def _emit(self, signal, value):
        try:
            signal.emit(self.number, value)
        except RuntimeError:  # the window (or dialog) is gone: nobody waits for it
            pass

    def _report(self, fraction: float, payload=None):
        percent = int(fraction * 100)
        if payload is None and percent == self._last_percent:
            return  # a payload always goes through; a fraction only when it shows
        self._last_percent = percent
        try:
            self.signals.progress.emit(self.number, fraction, payload)
        except RuntimeError:  # the window is gone: nobody wants the result
            self.task.cancel()


class QtRunner(QObject):
    """Runs tasks in Qt's thread pool; calls back on the UI thread."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.signals = JobSignals(self)
        self._numbers = itertools.count(1)
        self._callbacks = {}  # job number: (task, done, failed, progress)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)

    def submit(self, task, done, failed, progress=None) -> None:
        """Run *task*; then ``done(generation, result)`` or ``failed(generation, message)``,
        and ``progress(generation, fraction, payload)`` meanwhile."""
        number = next(self._numbers)
        self._callbacks[number] = (task, done, failed, progress)
        QThreadPool.globalInstance().start(_Job(number, task, self.signals))

    def _on_progress(self, number: int, fraction: float, payload):
        task, _, _, progress = self._callbacks.get(number, (None,) * 4)
        if progress is not None:
            progress(task.generation, fraction, payload)

    def _on_finished(self, number: int, result):
        task, done, _, _ = self._callbacks.pop(number, (None,) * 4)
        if done is not None:
            done(task.generation, result)

    def _on_failed(self, number: int, message: str):
        task, _, failed, _ = self._callbacks.pop(number, (None,) * 4)
        if failed is not None:
            failed(task.generation, message)
