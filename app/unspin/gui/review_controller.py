"""Triage in the window: confirm, dismiss or reopen the selected swap, note why, name the
reviewer. The decisions live in the application model (saved in sessions, shown in
reports); this controller only turns keys and menu items into them and shows them.

C, X, O and N act while the swap list has the keyboard focus (they would otherwise steal
letters typed in the filter box); the Review menu and the list's context menu show them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog

from unspin.app_model import Listener
from unspin.core.triage import CONFIRMED, DISMISSED, MAX_NOTE, OPEN

REVIEWER_SETTING = "review/name"


def _ask_note(window, swap, current: str) -> str | None:
    """The note the user typed for *swap* (None: cancelled)."""
    text, ok = QInputDialog.getMultiLineText(
        window, "Note on a Swap", f"Your note on “{swap.old} → {swap.new}” (kept in the session and "
        "shown in reports):", current)
    return text if ok else None


def _ask_reviewer(window, current: str) -> str | None:
    """The reviewer's name as typed (None: cancelled)."""
    text, ok = QInputDialog.getText(window, "Reviewer Name",
                                    "Your name, as reports give it for the person who reviewed the swaps:",
                                    text=current)
    return text if ok else None


class ReviewController(Listener):
    """The Review actions over the application *model* and the *sidebar*'s swap list; the
    reviewer's name is kept in *settings*, dialogs open over *parent*."""

    def __init__(self, model, sidebar, settings, status_bar, parent,
                 ask_note=_ask_note, ask_reviewer=_ask_reviewer):
        self.model, self.sidebar, self.settings = model, sidebar, settings
        self.status_bar, self.parent = status_bar, parent
        self.ask_note, self.ask_reviewer = ask_note, ask_reviewer
        model.listeners.append(self)
        name = settings.value(REVIEWER_SETTING, "")
        if isinstance(name, str) and name:
            model.set_reviewer(name)
        table = sidebar.view
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.act_confirm = self._table_action("&Confirm Swap", "C", lambda: self.mark(CONFIRMED),
                                              "Count the selected swap as evidence (reports can hold these alone)")
        self.act_dismiss = self._table_action("&Dismiss Swap", "X", lambda: self.mark(DISMISSED),
                                              "The selected swap is no evidence (a fair edit, a chance pairing)")
        self.act_reopen = self._table_action("Leave &Open", "O", lambda: self.mark(OPEN),
                                             "Take back the decision on the selected swap")
        self.act_note = self._table_action("Add &Note…", "N", self.edit_note,
                                           "Write why you decided as you did; reports print it beside the swap")
        self.act_reviewer = QAction("Reviewer &Name…", parent)
        self.act_reviewer.setStatusTip("The name reports give for the person who reviewed the swaps")
        self.act_reviewer.triggered.connect(self.edit_reviewer)

    def _table_action(self, text: str, key: str, slot, tip: str) -> QAction:
        table = self.sidebar.view
        action = QAction(text, table, shortcut=QKeySequence(key), statusTip=tip)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        table.addAction(action)
        return action

    @property
    def actions(self) -> list[QAction]:
        """The actions of the Review menu, in order."""
        return [self.act_confirm, self.act_dismiss, self.act_reopen, self.act_note, self.act_reviewer]

    def mark(self, state: str) -> bool:
        """Record *state* for the selected swap."""
        swap = self._selected()
        if swap is None:
            return False
        self.model.mark(swap, state)
        return True

    def edit_note(self) -> bool:
        """Ask for a note on the selected swap (an empty note removes it)."""
        swap = self._selected()
        if swap is None:
            return False
        text = self.ask_note(self.parent, swap, self.model.review.note(swap))
        if text is None:
            return False
        if len(text) > MAX_NOTE:
            self.status_bar.showMessage(f"The note was cut to its first {MAX_NOTE:,} characters", 8000)
        self.model.mark(swap, note=text.strip())
        return True

    def edit_reviewer(self) -> bool:
        """Ask for the reviewer's name; remembered for the next sessions too."""
        name = self.ask_reviewer(self.parent, self.model.review.reviewer)
        if name is None:
            return False
        self.model.set_reviewer(name)
        self.settings.setValue(REVIEWER_SETTING, name.strip())
        return True

    def review_changed(self) -> None:
        self.sidebar.set_review(self.model.review)

    def _selected(self):
        swap = self.sidebar.selected_swap()
        if swap is None:
            self.status_bar.showMessage("Select a swap in the list first (Ctrl+Shift+F, then Return)", 6000)
        return swap
