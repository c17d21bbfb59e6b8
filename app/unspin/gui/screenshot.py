"""Take a screenshot of the window, for the README and for looking at changes.

    xvfb-run -a -s "-screen 0 1400x900x24" python -m unspin.gui.screenshot OUT.png [--dark]
        [--select OLD:NEW] [--scroll FRACTION] [--unspun] [OLD_FILE NEW_FILE]

Without files it shows the bundled demo pair. ``--dark`` uses a dark Fusion palette.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QSettings, QTemporaryDir, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


def dark_palette() -> QPalette:
    """A plain dark palette."""
    p = QPalette()
    roles = {QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
             QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
             QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
             QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d6fb6",
             QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#333333",
             QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#9a9a9a"}
    for role, name in roles.items():
        p.setColor(role, QColor(name))
    return p


def main(argv=None) -> int:
    """Open the window, wait for the comparison, save a PNG and quit."""
    parser = argparse.ArgumentParser(prog="python -m unspin.gui.screenshot")
    parser.add_argument("output")
    parser.add_argument("files", nargs="*")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--select", metavar="OLD:NEW", help="select this swap in the sidebar")
    parser.add_argument("--scroll", type=float, metavar="FRACTION", help="scroll the copy there")
    parser.add_argument("--unspun", action="store_true", help="show the copy unspun (View → Unspun Copy)")
    parser.add_argument("--size", default="1400x860")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    from unspin.gui.main_window import MainWindow

    tmp = QTemporaryDir()
    window = MainWindow(settings=QSettings(tmp.filePath("s.ini"), QSettings.Format.IniFormat))
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    window.open_initial(args.files)

    def shoot():
        loading = any(pane.is_loading() for pane in window.panes)
        busy = window.model.task is not None or window.lists_pending
        if loading or busy:
            QTimer.singleShot(50, shoot)  # texts loading, a comparison or a scan: wait for it
            return
        if args.unspun and not window.act_unspun.isChecked():
            window.act_unspun.trigger()
        if args.unspun and not window.unspun_view.ready:
            QTimer.singleShot(50, shoot)  # unspinning in the background
            return
        if args.select:
            _select(window, *args.select.split(":", 1))
        if args.scroll is not None:
            bar = window.right_pane.editor.verticalScrollBar()
            bar.setValue(int(bar.maximum() * args.scroll))
        QTimer.singleShot(400, lambda: (window.grab().save(args.output), app.quit()))

    QTimer.singleShot(0, shoot)
    app.exec()
    print(args.output)
    return 0


def _select(window, old: str, new: str):
    model = window.sidebar.view.model()
    for row in range(model.rowCount()):
        if (model.index(row, 0).data(), model.index(row, 1).data()) == (old, new):
            window.sidebar.view.setCurrentIndex(model.index(row, 0))
            return


if __name__ == "__main__":
    sys.exit(main())
