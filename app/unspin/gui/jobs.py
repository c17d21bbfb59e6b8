"""The one background job runner of the window: a function run on Qt's thread pool.

:class:`QtRunner` runs a :class:`unspin.app_model.Task` in a worker thread and hands its
progress, result or error back to the UI thread through signals. Which results are stale
is the application model's business (each task carries its generation), so every job of
the window, comparing or scanning, goes through this one runner.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from unspin.views import SECOND_PROCESS, ScanView, ViewResult

__all__ = ["JobSignals", "QtRunner", "SECOND_PROCESS", "ScanView", "ViewResult"]


class JobSignals(QObject):
    """Signals of a job; each carries the job's generation number."""

    progress = Signal(int, float)
    finished = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, task, signals: JobSignals):
        super().__init__()
        self.task, self.signals = task, signals
        self._last_percent = -1

    def run(self):
        try:
            result = self.task.run(self._report)
            self.signals.finished.emit(self.task.generation, result)
        except Exception as exc:  # shown to the user with its reason, and logged in full
            traceback.print_exc()
            try:
                self.signals.failed.emit(self.task.generation, f"{type(exc).__name__}: {exc}")
            except RuntimeError:  # the window is gone
                pass

    def _report(self, fraction: float):
        percent = int(fraction * 100)
        if percent != self._last_percent:
            self._last_percent = percent
            try:
                self.signals.progress.emit(self.task.generation, fraction)
            except RuntimeError:  # the window is gone: nobody wants the result
                self.task.cancel()


class QtRunner(QObject):
    """Runs tasks in Qt's thread pool; calls back on the UI thread."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.signals = JobSignals(self)
        self._callbacks = {}
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)

    def submit(self, task, done, failed, progress=None) -> None:
        """Run *task*; then ``done(generation, result)`` or ``failed(generation, message)``."""
        self._callbacks[task.generation] = (done, failed, progress)
        job = _Job(task, self.signals)
        QThreadPool.globalInstance().start(job)

    def _on_progress(self, generation: int, fraction: float):
        callbacks = self._callbacks.get(generation)
        if callbacks and callbacks[2]:
            callbacks[2](generation, fraction)

    def _on_finished(self, generation: int, result):
        callbacks = self._callbacks.pop(generation, None)
        if callbacks:
            callbacks[0](generation, result)

    def _on_failed(self, generation: int, message: str):
        callbacks = self._callbacks.pop(generation, None)
        if callbacks:
            callbacks[1](generation, message)
