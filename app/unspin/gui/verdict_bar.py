"""The strip above the panes: spin score, verdict, proportions and the colour legend."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from unspin.core.report import measures_text
from unspin.core.compare import Comparison
from unspin.core.highlights import CHANGED, DELETED, INSERTED, MINOR, RESTORED, SUSPICIOUS, SWAP
from unspin.gui.highlighting import LABELS, colour, is_dark

LEGEND_ORDER = (SUSPICIOUS, SWAP, MINOR, CHANGED, DELETED, INSERTED)


class VerdictBar(QWidget):
    """Shows the document verdict of the current comparison; when the left text looks like
    the spun one, a Swap Sides button beside it (``swap_requested``)."""

    swap_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.show_restored = False  # the unspun view adds its colour to the legend
        self._build_ui()

    def _build_ui(self):
        self.score = QLabel("", objectName="spin_score", alignment=Qt.AlignmentFlag.AlignCenter)
        self.score.setMinimumWidth(90)
        self.verdict = QLabel("Open two texts to compare them.", objectName="verdict", wordWrap=True)
        self.verdict.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.figures = QLabel("", objectName="figures")
        self.legend = QLabel("", objectName="legend")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.verdict)
        text.addWidget(self.figures)
        text.addWidget(self.legend)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.swap_button = QPushButton("S&wap Sides", visible=False)
        self.swap_button.setToolTip("The left text looks like the spun one: put it on the right "
                                    "(Ctrl+Shift+X)")
        self.swap_button.clicked.connect(self.swap_requested)
        layout.addWidget(self.score)
        layout.addLayout(text, 1)
        layout.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.update_legend()
        # A fixed height: the panes below must not change size when the verdict changes
        # (re-laying out two books takes a noticeable moment).
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)

    def update_legend(self):
        """Colour swatches for every highlight kind, in the current palette."""
        dark = is_dark(self.palette())
        tags = ((RESTORED,) if self.show_restored else ()) + LEGEND_ORDER
        parts = [f'<span style="background:{colour(t, dark).name()}">&nbsp;&nbsp;&nbsp;</span>'
                 f"&nbsp;{LABELS[t]}" for t in tags]
        self.legend.setText("&nbsp;&nbsp; ".join(parts))

    def show_comparison(self, c: Comparison):
        """Show the verdict and figures of *c*."""
        s = c.stats
        self.swap_button.setVisible(c.sides_look_swapped)
        self.score.setText(f"<div style='font-size:18pt;font-weight:600'>{c.spin_score:.2f}</div>"
                           f"<div>{_escape(c.classification or 'spin score')}</div>")
        self.score.setToolTip(f"Spin score (0 = ordinary editing, 1 = certainly spun); the pair is "
                              f"classified {c.classification}.\n{measures_text(c.measures)}")
        self.verdict.setText(f"<b>{_escape(c.verdict)}</b>")
        self.figures.setText(
            f"{s.pct_substituted:.1f}% of words swapped · {s.pct_unchanged:.1f}% unchanged · "
            f"{s.deleted:,} deleted · {s.inserted:,} inserted · {s.swaps:,} swaps "
            f"({s.distinct_swaps:,} distinct), {s.suspicious_swaps:,} suspicious")

    def show_scan(self, result):
        """Show the verdict of a single-document scan."""
        self.swap_button.setVisible(False)
        self.score.setText(f"<div style='font-size:18pt;font-weight:600'>{result.spin_score:.2f}</div>"
                           f"<div>spin score</div>")
        self.score.setToolTip("Scanned alone: 0 = no sign of a spinner, 1 = certainly spun")
        self.verdict.setText(f"<b>{_escape(result.verdict)}</b>")
        per_k = 1000 * len(result.flags) / max(1, result.words)
        self.figures.setText(f"One text scanned without its original: {len(result.flags):,} flagged "
                             f"words in {result.words:,} ({per_k:.1f} per 1,000) · open a second "
                             f"text to compare the two")

    def show_message(self, text: str):
        """Show a plain message instead of a verdict."""
        self.swap_button.setVisible(False)
        self.score.setText("")
        self.verdict.setText(_escape(text))
        self.figures.setText("")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
