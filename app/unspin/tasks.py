"""Background work without a screen: one task shape, runners, and the newest-wins rule
(git-cola's single task runner).

A :class:`Task` is a function run as ``function(*args, should_cancel=..., progress=...)``;
``progress(fraction, payload=None)`` reports how far it is, and may carry a value the
display wants before the end (a loaded document, a batch row). A runner runs tasks and
calls back ``done(generation, result)``, ``failed(generation, message)`` and
``progress(generation, fraction, payload)``: :class:`SyncRunner` at once in the caller's
thread (tests, scripts), ``unspin.gui.jobs.QtRunner`` in a worker thread, calling back on
the UI thread. :class:`TaskSlot` keeps one line of work where a newer request replaces an
older one: results of older requests are dropped, never shown.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class Task:
    """One background job: ``function(*args, should_cancel=..., progress=...)``."""

    generation: int
    kind: str  # what it does: "load", "compare", "scan", "unspin", "batch"…
    function: Callable[..., Any]
    args: tuple
    cancelled: threading.Event = field(default_factory=threading.Event)

    def run(self, progress: Callable[..., None] | None = None):
        report = progress or (lambda fraction, payload=None: None)
        return self.function(*self.args, should_cancel=self.cancelled.is_set, progress=report)

    def cancel(self) -> None:
        self.cancelled.set()


class SyncRunner:
    """Runs each task at once, in the caller's thread (tests, scripts)."""

    def submit(self, task: Task, done, failed, progress=None) -> None:
        def report(fraction, payload=None):
            if progress is not None:
                progress(task.generation, fraction, payload)

        try:
            result = task.run(report)
        except Exception as exc:  # the caller shows why
            failed(task.generation, f"{type(exc).__name__}: {exc}")
            return
        done(task.generation, result)


class TaskSlot:
    """One line of work (the unspun text, a batch ranking): starting a task cancels the
    one before, and only the newest task's progress, result or error comes through."""

    def __init__(self, runner=None):
        self.runner = runner or SyncRunner()
        self.generation = 0
        self.task: Task | None = None

    @property
    def running(self) -> bool:
        """True from a start until its result or error came back."""
        return self.task is not None

    def start(self, kind: str, function, args: tuple, done, failed, progress=None) -> Task:
        """Run ``function(*args, should_cancel=, progress=)``; then ``done(result)``,
        ``failed(message)``, and ``progress(fraction, payload)`` meanwhile."""
        self.cancel()
        self.generation += 1
        task = self.task = Task(self.generation, kind, function, args)

        def current(generation: int) -> bool:
            return generation == self.generation

        def finish(callback, generation, value):
            if current(generation):
                self.task = None
                callback(value)

        self.runner.submit(
            task, lambda g, result: finish(done, g, result), lambda g, message: finish(failed, g, message),
            lambda g, fraction, payload=None: progress(fraction, payload) if progress and current(g) else None)
        return task

    def cancel(self) -> None:
        """Ask the running task to stop (it still reports its end)."""
        if self.task is not None:
            self.task.cancel()

    def drop(self) -> None:
        """Cancel the running task and ignore whatever it still sends."""
        self.cancel()
        self.generation += 1
        self.task = None


__all__ = ["SyncRunner", "Task", "TaskSlot"]
