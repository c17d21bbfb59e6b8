"""Help → Keyboard Shortcuts, Quick Guide and About; and the text size steps of View → Zoom.

The shortcut list is made from the window's own actions, so it never disagrees with them.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from unspin import __version__

GUIDE = """
<h3>Reading a comparison</h3>
<p>Open the <b>original</b> on the left and the <b>suspect copy</b> on the right (File menu,
the panes' Open buttons, or drop a file on a pane). The comparison runs by itself.</p>
<p>The <b>verdict bar</b> says what the pair is — not a copy, verbatim, edited, paraphrased or
spun — with the measures behind it. Words a spinner likely swapped are marked in both panes;
the <b>swap list</b> (F9) ranks them, most suspicious first, with the reasons.</p>
<h3>Finding your way</h3>
<p>Alt+Down and Alt+Up step through the changes; choosing a swap in the list and pressing F3
steps through its occurrences. With Link Scrolling on (Ctrl+L) the panes keep the same
paragraph level.</p>
<h3>One text alone</h3>
<p>Open a text on one side only: Unspin scans it for a spinner's marks (tortured phrases,
a spinner's vocabulary, phrases with a word swapped) without an original.</p>
<h3>Evidence</h3>
<p>View → Unspun Copy (Ctrl+U) reads the copy back into the original's words. File → Export
Report (Ctrl+E) writes an HTML, PDF or text report; File → Compare Against Many ranks many
suspect copies against one original.</p>
<h3>Reviewing the swaps</h3>
<p>In the swap list, C confirms the selected swap as evidence, X dismisses it, O leaves it
open and N adds a note. Decisions are saved with the session and printed in the report
beside each swap; Review → Reviewer Name sets who signs them.</p>
"""


def shortcut_rows(actions) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, in menu order."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys:
            rows.append((action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
                         ", ".join(keys)))
    return rows


def _show(parent, title: str, body: str) -> QDialog:
    dialog = QDialog(parent, windowTitle=title)
    browser = QTextBrowser(openExternalLinks=False)
    browser.setHtml(body)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(520, 560)
    dialog.setObjectName(title)
    dialog.show()
    return dialog


def show_shortcuts(window) -> QDialog:
    """A non-modal list of the window's keyboard shortcuts."""
    actions = [a for menu in window.menuBar().actions() if menu.menu() for a in menu.menu().actions()]
    rows = "".join(f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
                   for what, keys in shortcut_rows(actions))
    return _show(window, "Keyboard Shortcuts", f"<table cellpadding='4'>{rows}</table>")


def show_guide(window) -> QDialog:
    """A short guide to the window."""
    return _show(window, "Quick Guide", GUIDE)


def show_about(window) -> None:
    """A short About box."""
    QMessageBox.about(window, "About Unspin", f"<b>Unspin {__version__}</b><p>See exactly which "
                      "words a spinner swapped between two versions of an article.</p>")


def zoomed(font: QFont, step: int) -> QFont:
    """*font* a point bigger (+1), smaller (-1) or at the system's size (0), within 6-48."""
    default = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSize()
    bigger = QFont(font)
    bigger.setPointSize(default if step == 0 else max(6, min(48, font.pointSize() + step)))
    return bigger
