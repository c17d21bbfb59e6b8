"""File → Save Session / Open Session: the window's state to and from ``.unspin`` files.

The dialogs and the warning are callables so tests can drive the logic without a modal box.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from unspin.app_model import Listener
from unspin.core.session import (SUFFIX, Session, SessionError, SessionFile, SessionText, load_session,
                                 outside_files, save_session)
from unspin.gui.save_dialogs import confirm_replace, may_write

LEFT, RIGHT = 0, 1
SIDE_NAMES = ("original", "copy")
SESSION_FILTER = f"Unspin sessions (*{SUFFIX});;All files (*)"


def _ask_save_path(window, suggested: str) -> str:
    dialog = QFileDialog(window, "Save session", suggested, SESSION_FILTER)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(SUFFIX.lstrip("."))  # added before the dialog asks about replacing
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def _ask_open_path(window, start: str) -> str:
    path, _ = QFileDialog.getOpenFileName(window, "Open session", start, SESSION_FILTER)
    return path


def _confirm_outside(window, paths: list[str]) -> bool:
    """Ask before a session opens files outside its folder."""
    listed = "\n".join(paths)
    answer = QMessageBox.question(
        window, "Open files outside the session's folder?",
        f"This session opens files that are not in its own folder:\n\n{listed}\n\nOpen them?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open)
    return answer == QMessageBox.StandardButton.Open


def _warn(window, title: str, text: str) -> None:
    QMessageBox.warning(window, title, text)


class SessionController(Listener):
    """Saves and restores the pair, the swap-list filters and the selected swap."""

    def __init__(self, model, parent, sidebar, panes, window_actions, ask_save_path=_ask_save_path,
                 ask_open_path=_ask_open_path, warn=_warn, confirm_replace=confirm_replace,
                 confirm_outside=_confirm_outside):
        """*model*: the application model, whose documents and review a session holds;
        *parent*: the dialogs' window; *sidebar*, *panes*: the swap list and the two panes
        a session's filters, selection and errors show in; *window_actions*:
        ``(status_bar, clear_side, start_comparison, comparison_shown)``."""
        self.model, self.parent, self.sidebar, self.panes = model, parent, sidebar, panes
        self.status_bar, self.clear_side, self.start_comparison, comparison_shown = window_actions
        self.confirm_outside = confirm_outside
        self.ask_save_path, self.ask_open_path, self.warn = ask_save_path, ask_open_path, warn
        self.confirm_replace = confirm_replace
        self.pending_swap: tuple[str, str] | None = None
        self.last_path = ""
        self._opening = None  # (task, files by side, review, problems) while its files load
        comparison_shown.connect(self._select_pending_swap)
        model.listeners.append(self)

    # --- saving ----------------------------------------------------------------------

    def current_session(self) -> Session:
        """The window's state as a session (a pasted text is kept in it whole)."""
        sides = [_session_side(d) for d in self.model.documents]
        sidebar = self.sidebar
        swap = sidebar.selected_swap()
        return Session(sides[LEFT], sides[RIGHT], suspicious_only=sidebar.suspicious_box.isChecked(),
                       filter_text=sidebar.filter_edit.text(),
                       selected_swap=(swap.old, swap.new) if swap is not None else None,
                       review=self.model.review)

    def save_dialog(self) -> bool:
        """Ask for a file name and save the session there."""
        path = self.ask_save_path(self.parent, self._suggested_name())
        if not path:
            return False
        if not Path(path).suffix:
            path += SUFFIX  # double-clicking it later needs the suffix
            if not may_write(self.parent, path, self.confirm_replace):  # the dialog asked without it
                return False
        return self.save(path)

    def save(self, path: str) -> bool:
        """Save the window's state to *path*; a failure is shown with its reason."""
        try:
            save_session(self.current_session(), path)
        except SessionError as exc:
            self.warn(self.parent, "Could not save the session", f"Could not save {exc.path}: {exc.reason}.")
            return False
        self.last_path = str(Path(path).absolute())
        self.status_bar.showMessage(f"Saved the session to {self.last_path}", 6000)
        return True

    def _suggested_name(self) -> str:
        old, new = self.model.documents
        if self.last_path:
            return self.last_path
        if old is None or not old.path:
            return "comparison" + SUFFIX
        name = Path(old.name).stem + (f" vs {Path(new.name).stem}" if new is not None else "")
        return str(Path(old.path).parent / (name + SUFFIX))

    # --- opening ---------------------------------------------------------------------

    def open_dialog(self) -> bool:
        """Ask for a session file and open it."""
        start = os.path.dirname(self.last_path) if self.last_path else ""
        path = self.ask_open_path(self.parent, start)
        return self.open_session(path) if path else False

    def open_session(self, path: str) -> bool:
        """Open the pair of a session; a missing file opens the other and says which one."""
        try:
            session = load_session(path)
        except SessionError as exc:
            self.warn(self.parent, "Could not open the session", f"Could not open {exc.path}: {exc.reason}.")
            return False
        outside = outside_files(session, path)
        if outside and not self.confirm_outside(self.parent, outside):
            self.status_bar.showMessage("The session was not opened", 6000)
            return False
        self.last_path = str(Path(path).absolute())
        sidebar = self.sidebar
        sidebar.filter_edit.setText(session.filter_text)
        sidebar.suspicious_box.setChecked(session.suspicious_only)
        self.pending_swap = session.selected_swap
        problems, files = self._load_sides(session)
        if files:  # the rest once they are read (in the background)
            task = self.model.open_many({side: saved.path for side, saved in files.items()})
            self._opening = (task, files, session.review, problems)
            return True
        self._opening = None
        self._finish_opening(session.review, problems)
        self.start_comparison()
        return True

    def files_opened(self) -> None:
        """The session's files are read: say which could not be opened or have changed."""
        model = self.model
        if self._opening is None or self._opening[0] is not model.task:
            return  # files opened otherwise
        (_, files, review, problems), self._opening = self._opening, None
        for side, saved in files.items():
            name = SIDE_NAMES[side]
            if model.load_errors[side]:
                problems.append(f"The {name} could not be opened: {model.load_errors[side]}")
            elif saved.sha256 and model.documents[side].sha256 != saved.sha256:
                problems.append(f"The {name} ({saved.path}) has changed since the session was "
                                "saved: the comparison shows its current text.")
        self._finish_opening(review, problems, later=True)

    def _finish_opening(self, review, problems: list[str], later: bool = False) -> None:
        """Take the session's review (after its texts: a new text starts a new review) and
        warn about its problems (*later*: once the model has taken the texts in)."""
        if review is not None:
            model = self.model
            model.set_review(review if review.reviewer else replace(review, reviewer=model.review.reviewer))
        if not problems:
            return

        def warn():
            self.warn(self.parent, "Session opened with problems", "\n\n".join(problems))
        QTimer.singleShot(0, self.parent, warn) if later else warn()

    def _load_sides(self, session: Session) -> tuple[list[str], dict[int, SessionFile]]:
        """Put back the kept texts, empty the other sides; return sentences about missing
        or damaged texts, and the files still to open by side."""
        problems, files = [], {}
        for side, saved in enumerate((session.old, session.new)):
            self.clear_side(side)  # a failed load must not leave the previous text there
            if saved is None:
                continue
            if isinstance(saved, SessionText):
                problems += self._show_kept_text(side, saved)
            elif not os.path.exists(saved.path):
                message = f"The {SIDE_NAMES[side]} is missing: {saved.path} no longer exists."
                self.panes[side].show_error(message)
                problems.append(message + " Open it again with its pane's Open button.")
            else:
                files[side] = saved
        return problems, files

    def _show_kept_text(self, side: int, saved: SessionText) -> list[str]:
        """Put a pasted text kept in the session back into *side*."""
        self.model.set_document(side, saved.document(), start=False)
        kind = "a page kept in the session" if saved.source else "a pasted text kept in the session"
        problems = [] if saved.intact else [
            f"The {SIDE_NAMES[side]} ({saved.name}, {kind}) does not match the checksum saved with it: "
            "the session file was edited or damaged since."]
        if saved.snapshot_problem:
            problems.append(f"The {SIDE_NAMES[side]} ({saved.source.get('url', saved.name)}): "
                            f"{saved.snapshot_problem}; its text and provenance are shown as saved.")
        return problems

    def _select_pending_swap(self) -> None:
        """Once the comparison is shown, select the swap the session had selected."""
        wanted, self.pending_swap = self.pending_swap, None
        if wanted is None:
            return
        sidebar = self.sidebar
        model = sidebar.view.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if (index.data(), model.index(row, 1).data()) == wanted:
                sidebar.view.setCurrentIndex(index)
                sidebar.view.scrollTo(index)
                return
        self.status_bar.showMessage(
            f"The session's selected swap “{wanted[0]} → {wanted[1]}” is not in this comparison", 8000)


def _session_side(document) -> SessionFile | SessionText | None:
    """A document as a session side: its file, or (pasted) its text."""
    if document is None:
        return None
    if document.path:
        return SessionFile(document.path, document.sha256)
    return SessionText(document.text, document.name, document.sha256, source=document.source,
                       format=document.format, snapshot=document.snapshot)
