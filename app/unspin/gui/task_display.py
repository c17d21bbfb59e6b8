"""What the window shows of the model's documents and task: the texts in their panes, why
a file could not be opened, and the running task (Opening…, Comparing…) with its progress
bar and Cancel button.

A listener of :class:`unspin.app_model.AppModel` given only the widgets it fills; it also
tells the model when the panes have their texts in, so that a comparison does not start
while a long text is still going into a pane.
"""

from __future__ import annotations

from unspin.app_model import Listener

LEFT, RIGHT = 0, 1


class TaskDisplay(Listener):
    """Puts the model's documents into *panes* and shows its task in the status bar."""

    def __init__(self, model, panes, verdict_bar, status_bar, progress, cancel_button):
        self.model, self.panes, self.verdict_bar = model, panes, verdict_bar
        self.status_bar, self.progress, self.cancel_button = status_bar, progress, cancel_button
        self.shown = [None, None]  # the documents put into the panes
        self._said = ""  # the last status message of this display
        model.display_busy = lambda: any(pane.is_loading() for pane in panes)
        for pane in panes:
            pane.loaded.connect(model.display_ready)
        cancel_button.clicked.connect(model.cancel)
        model.listeners.append(self)

    def show_documents(self, again: bool = False) -> None:
        """Put each side's document into its pane (*again*: even the ones already there)."""
        names = []
        for side, (pane, document) in enumerate(zip(self.panes, self.model.documents)):
            if document is self.shown[side] and not again:
                continue
            self.shown[side] = document
            if document is None:
                pane.clear()
                continue
            pane.set_document(document)
            names.append(document.name)
        if names and not again:
            self._say(f"Opened {' and '.join(names)}", 4000)

    def _say(self, message: str, timeout: int = 0) -> None:
        """Show *message* in the status bar, unless it shows someone else's word."""
        if self.status_bar.currentMessage() in ("", self._said):
            self.status_bar.showMessage(message, timeout)
            self._said = message

    def load_failed(self, side: int, message: str) -> None:
        self.panes[side].show_error(message)
        self.status_bar.showMessage(message)

    def task_started(self, task) -> None:
        if task.kind == "scan":  # the scan shows itself in the verdict bar
            self._show_busy(False)
            return
        self.verdict_bar.show_message(self.model.message)
        if task.kind == "load":
            self.status_bar.showMessage(self.model.message)
            self._said = self.model.message
            self.progress.setRange(0, 0)  # reading a file has no fraction to show
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(0)
        self._show_busy(True)

    def preview_ready(self, view) -> None:
        self.verdict_bar.show_message(self.model.message)

    def task_progress(self, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))

    def task_finished(self) -> None:
        self._show_busy(False)

    def files_opened(self) -> None:
        result = self.model.result
        if self.model.status in ("compared", "scanned") and result is not None:
            # every file refused: the verdict of the texts still shown comes back
            if hasattr(result, "comparison"):
                self.verdict_bar.show_comparison(result.comparison)
            else:
                self.verdict_bar.show_scan(result.result)

    def task_failed(self, message: str) -> None:
        self.verdict_bar.show_message(message)
        self.status_bar.showMessage(message)

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
