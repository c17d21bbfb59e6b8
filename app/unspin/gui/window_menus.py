"""The window's actions (with their keys) and its menu bar."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QAction, QKeySequence

from unspin.gui.help_dialog import show_about, show_guide, show_shortcuts

LEFT, RIGHT = 0, 1


def _action(window, text, slot, shortcut=None, checkable=False, tip=None) -> QAction:
    action = QAction(text, window, checkable=checkable)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_actions(window):
    """The window's actions, as ``window.act_*``."""
    a = partial(_action, window)
    K = QKeySequence.StandardKey
    window.act_open_left = a("Open &Left…", lambda: window.choose_file(LEFT), QKeySequence(K.Open))
    window.act_open_right = a("Open &Right…", lambda: window.choose_file(RIGHT), "Ctrl+Shift+O")
    window.act_open_url = a("Open &URL…", lambda: window.evidence.open_url(), "Ctrl+Alt+U",
                            tip="Fetch a web page and compare its article (its address and time are kept)")
    window.act_many = a("Compare Against &Many…", lambda: window.compare_against_many(), "Ctrl+M",
                      tip="Rank many suspect copies against the left text")
    window.act_open_session = a("Open &Session…", window.sessions.open_dialog, "Ctrl+Alt+O")
    window.act_save_session = a("Sa&ve Session…", window.sessions.save_dialog, QKeySequence(K.Save))
    window.act_swap_sides = a("S&wap Sides", window.swap_sides, "Ctrl+Shift+X")
    window.act_reload = a("R&eload", window.reload, QKeySequence(K.Refresh))
    # not every platform has a standard Quit key (Windows, offscreen): Ctrl+Q there
    quit_keys = QKeySequence(K.Quit) if QKeySequence.keyBindings(K.Quit) else QKeySequence("Ctrl+Q")
    window.act_quit = a("&Quit", window.close, quit_keys)
    window.act_paste_left = a("Paste as &Left", lambda: window.evidence.paste(LEFT), "Ctrl+Shift+V")
    window.act_paste_right = a("Paste as &Right", lambda: window.evidence.paste(RIGHT), "Ctrl+Alt+V")
    window.act_export = a("E&xport Report…", window.evidence.export_report, "Ctrl+E")
    window.act_case = a("Export &Case…", window.evidence.export_case, "Ctrl+Shift+E",
                        tip="One zip for the file: both texts, the session, the reports and a manifest of digests")
    window.act_save_clip = a("Save C&lip…", window.evidence.save_clip,
                             tip="The paragraph pair at the reader's place as a PNG or PDF, with sources and verdict")
    window.act_copy_clip = a("Copy Paragraph Pair as &Image", window.evidence.copy_clip, "Ctrl+Shift+C")
    window.act_preview = a("Print Pre&view…", window.evidence.preview_report, "Ctrl+Shift+P")
    window.act_print = a("&Print…", window.evidence.print_report, QKeySequence(K.Print))
    window.act_save_unspun = a("Save U&nspun Text…", window.unspun_view.choose_save_path,
                             tip="Save the suspect text with its spinner words put back")
    _view_actions(window, a, K)


def _view_actions(window, a, K):
    """Edit's find actions, View's and Go's, Help's."""
    window.act_find = a("&Find…", lambda: window.finder.open(), QKeySequence(K.Find))
    window.act_find_next = a("Find &Next", lambda: window.find_bar.find(False), "Ctrl+G")
    window.act_find_prev = a("Find Pre&vious", lambda: window.find_bar.find(True), "Ctrl+Shift+G")
    window.act_filter = a("Filter S&waps", window.sidebar.focus_filter, "Ctrl+Shift+F")
    window.act_next_change = a("&Next Change", lambda: window.step_change(1), "Alt+Down")
    window.act_prev_change = a("&Previous Change", lambda: window.step_change(-1), "Alt+Up")
    window.act_next_occ = a("Next &Occurrence", lambda: window.step_occurrence(1), "F3")
    window.act_prev_occ = a("Previous O&ccurrence", lambda: window.step_occurrence(-1), "Shift+F3")
    window.act_zoom_in = a("Zoom &In", lambda: window.zoom(1), [QKeySequence(K.ZoomIn), QKeySequence("Ctrl+=")])
    window.act_zoom_out = a("Zoom &Out", lambda: window.zoom(-1), QKeySequence(K.ZoomOut))
    window.act_zoom_reset = a("&Reset Zoom", lambda: window.zoom(0), "Ctrl+0")
    window.act_link = a("&Link Scrolling", window.sync.set_enabled, "Ctrl+L", checkable=True)
    window.act_sidebar = a("Show &Swap List", window.sidebar.setVisible, "F9", checkable=True)
    window.act_line_breaks = a("Original Line &Breaks", window.set_original_line_breaks, checkable=True,
                             tip="Show hard-wrapped text with the file's own line breaks "
                                 "instead of as paragraphs")
    window.act_unspun = a("&Unspun Copy", window.unspun_view.set_enabled, "Ctrl+U", checkable=True,
                        tip="Show the copy with its spinner swaps put back to the original's words")
    window.act_shortcuts = a("&Keyboard Shortcuts", lambda: show_shortcuts(window), "Ctrl+F1")
    window.act_guide = a("Quick &Guide", lambda: show_guide(window), QKeySequence(K.HelpContents))
    window.act_about = a("&About Unspin", lambda: show_about(window))
    window.act_link.setChecked(True)
    window.act_sidebar.setChecked(True)


def build_menus(window):
    """The menu bar of the window *window*."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([window.act_open_left, window.act_open_right, window.act_open_url])
    window.recent_menu = file_menu.addMenu("Recent &Comparisons")
    file_menu.addAction(window.act_many)
    file_menu.addSeparator()
    file_menu.addActions([window.act_open_session, window.act_save_session])
    file_menu.addSeparator()
    file_menu.addActions([window.act_swap_sides, window.act_reload])
    file_menu.addSeparator()
    file_menu.addActions([window.act_export, window.act_case, window.act_save_clip, window.act_save_unspun, window.act_preview, window.act_print])
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([window.act_paste_left, window.act_paste_right, window.act_copy_clip])
    edit_menu.addSeparator()
    edit_menu.addActions([window.act_find, window.act_find_next, window.act_find_prev, window.act_filter])
    view_menu = bar.addMenu("&View")
    view_menu.addActions([window.act_zoom_in, window.act_zoom_out, window.act_zoom_reset])
    view_menu.addSeparator()
    view_menu.addActions([window.act_unspun, window.act_line_breaks, window.act_link, window.act_sidebar])
    go_menu = bar.addMenu("&Go")
    go_menu.addActions([window.act_next_change, window.act_prev_change, window.act_next_occ, window.act_prev_occ])
    review_menu = bar.addMenu("&Review")
    review_menu.addActions(window.reviews.actions[:-1])
    review_menu.addSeparator()
    review_menu.addAction(window.reviews.actions[-1])
    bar.addMenu("&Help").addActions([window.act_guide, window.act_shortcuts, window.act_about])
